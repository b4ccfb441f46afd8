"""The processes part (流程): checked process data, swimlane maps, Word and Excel templates.

Expected values come from the source data read independently (the RACI sheet of default_raci(),
the registry's own fields, the escalation matrix's rows), from hand-built broken processes, or
from decoding the files the kit writes (python-docx, openpyxl, Pillow).
"""

from __future__ import annotations

import io
import struct
import zlib

import pytest

from ccskills.kpi import REGISTRY
from ccskills.management import default_raci, ROLE_NAMES
from ccskills.management._process_docs import SECTIONS, steps_excel
from ccskills.management._swimlane import layout, process_map_png
from ccskills.management.processes import (EXTERNAL_LANES, PROCESS_LIST, SLA_ROWS, TEMPLATES, Metric, Process, Step,
                                           duration_text, escalation_matrix, lane_name, process, sla_table,
                                           steps_table)

docx = pytest.importorskip("docx")
openpyxl = pytest.importorskip("openpyxl")

ROLE_IDS = {r.id for r in ROLE_NAMES}


def _demo(steps, **kw):
    return Process("demo", "演示流程", "Demo", owner=kw.pop("owner", "supervisor"), steps=steps, **kw)


# --- process data ------------------------------------------------------------------------------

def test_the_seven_processes_of_the_catalogue():
    assert [p.id for p in PROCESS_LIST] == ["recruitment", "training", "reporting", "knowledge", "business_change",
                                           "escalation", "cross_department"]


@pytest.mark.parametrize("proc", PROCESS_LIST, ids=lambda p: p.id)
def test_every_process_validates(proc):
    assert proc.check() == ()
    kinds = [s.kind for s in proc.steps]
    assert kinds.count("start") == 1 and "end" in kinds
    ids = {s.id for s in proc.steps}
    assert all(e.to in ids for s in proc.steps for e in s.next)
    assert all(s.lane in ROLE_IDS or s.lane in EXTERNAL_LANES for s in proc.steps)
    assert proc.suppliers and proc.inputs and proc.outputs and proc.customers and proc.metrics
    assert all(p[0] and p[1] for p in (proc.purpose, proc.scope, proc.review))


def _accountable_from_sheet(activity_id):
    """The role id holding A (or R/A) in the RACI sheet, read from the table, not from holders()."""
    matrix = default_raci()
    names = {a.id: a.name("en") for a in matrix.activities}
    sheet = matrix.table("en").set_index("Activity")
    row = sheet.loc[names[activity_id]]
    by_name = {r.name_en: r.id for r in ROLE_NAMES}
    return [by_name[col] for col, code in row.items() if code in ("A", "R/A")]


@pytest.mark.parametrize("proc", [p for p in PROCESS_LIST if p.raci_activity], ids=lambda p: p.id)
def test_owner_is_the_accountable_role_of_the_raci_matrix(proc):
    assert _accountable_from_sheet(proc.raci_activity) == [proc.owner]


def test_every_process_the_raci_matrix_holds_names_one_of_its_activities():
    matrix = default_raci()
    process_of = {a.id: a.process_en for a in matrix.activities}
    raci_processes = {a.process_en for a in matrix.activities}
    for proc in PROCESS_LIST:
        if proc.name_en.split(" (")[0] in raci_processes or proc.id in ("escalation", "cross_department"):
            assert proc.raci_activity is not None, proc.id
    assert process_of[process("knowledge").raci_activity] == "Knowledge management"
    assert process_of[process("cross_department").raci_activity] == "Cross-department SLA"
    assert process("business_change").raci_activity is None  # the matrix has no business-change row


def test_steps_tied_to_an_activity_sit_in_a_lane_with_r_or_a():
    sheet = default_raci()
    for proc in PROCESS_LIST:
        for s in proc.steps:
            if s.activity:
                assert set(sheet.code(s.activity, s.lane).split("/")) & {"R", "A"}, (proc.id, s.id)


def test_owner_other_than_the_raci_a_is_reported():
    p = _demo((Step("s", "开始", "Start", "customer", "start", ("e",)), Step("e", "结束", "End", "agent", "end")),
              owner="agent", raci_activity="interview")
    (problem,) = p.check()
    assert problem.rule == "owner_not_accountable" and problem.process == "demo"
    assert "'agent'" in problem.message_en and "运营主管" in problem.message_zh


def test_a_step_in_a_lane_without_r_or_a_is_reported():
    p = _demo((Step("s", "开始", "Start", "customer", "start", ("x",)),
               Step("x", "面试", "Interview", "agent", next=("e",), activity="interview"),
               Step("e", "结束", "End", "agent", "end")))
    assert [(q.rule, q.step) for q in p.check()] == [("lane_not_responsible", "x")]


def test_unknown_next_step_raises_naming_process_and_step():
    with pytest.raises(ValueError, match=r"process 'demo', step 's': next must name steps of the process, got 'zz'"):
        _demo((Step("s", "开始", "Start", "customer", "start", ("zz",)), Step("e", "结束", "End", "agent", "end")))


def test_unknown_lane_raises_naming_process_and_step():
    with pytest.raises(ValueError, match=r"process 'demo', step 'e': lane must be .*got 'canteen'"):
        _demo((Step("s", "开始", "Start", "customer", "start", ("e",)), Step("e", "结束", "End", "canteen", "end")))


def test_duplicate_step_ids_and_bad_owner_raise():
    with pytest.raises(ValueError, match=r"step 's'.*distinct, got 's' more than once"):
        _demo((Step("s", "a", "a", "agent", "start"), Step("s", "b", "b", "agent", "end")))
    with pytest.raises(ValueError, match=r"owner must be a role id of ROLE_NAMES, got 'boss'"):
        _demo((Step("s", "a", "a", "agent", "start"),), owner="boss")


def test_bad_step_kind_and_time_limit_raise():
    with pytest.raises(ValueError, match=r"step 'x': kind must be one of .*got 'task'"):
        Step("x", "a", "a", "agent", "task")
    with pytest.raises(ValueError, match=r"step 'x': time_limit_s must be positive seconds or None, got -5"):
        Step("x", "a", "a", "agent", time_limit_s=-5)


def test_unreachable_and_dead_end_steps_are_reported_by_name():
    p = _demo((Step("s", "开始", "Start", "customer", "start", ("a",)),
               Step("a", "处理", "Handle", "agent", next=("e",)),
               Step("orphan", "孤立", "Orphan", "agent", next=("e",)),
               Step("loop", "死循环", "Loop", "agent", next=("loop",)),
               Step("e", "结束", "End", "agent", "end")))
    found = {(q.rule, q.step) for q in p.check()}
    assert found == {("unreachable", "orphan"), ("unreachable", "loop"), ("dead_end", "loop")}
    orphan = next(q for q in p.check() if q.step == "orphan")
    assert orphan.message("en") == "process 'demo', step 'orphan': cannot be reached from the start step"
    assert orphan.message("zh") == "流程“演示流程”步骤 orphan:从开始步骤无法到达。"


def test_missing_start_end_and_unlabelled_decision_are_reported():
    p = _demo((Step("a", "处理", "Handle", "agent", next=("b",)), Step("b", "处理", "Handle", "agent")))
    rules = [q.rule for q in p.check()]
    assert rules[:2] == ["start_count", "no_end"]
    q = _demo((Step("s", "开始", "Start", "customer", "start", ("d",)),
               Step("d", "可解决?", "Solvable?", "agent", "decision", ("e", ("e", "否", "no"))),
               Step("e", "结束", "End", "agent", "end", ("s",))))
    assert {(x.rule, x.step) for x in q.check()} == {("decision_branches", "d"), ("end_with_next", "e")}


def test_lanes_in_order_of_first_use_and_layout_left_to_right():
    p = process("knowledge")
    assert p.lanes() == ("agent", "qa_analyst", "trainer", "system")
    place = layout(p)
    order = {s.id: k for k, s in enumerate(p.steps)}
    for s in p.steps:
        for e in s.next:
            if order[e.to] > order[s.id]:
                assert place[e.to][0] > place[s.id][0], (s.id, e.to)
    assert len(set(place.values())) == len(place)  # no two boxes on one spot


# --- metrics -------------------------------------------------------------------------------------

def test_registry_metrics_read_the_registry_and_defined_ones_are_not_in_it():
    for proc in PROCESS_LIST:
        for m in proc.metrics:
            if m.id in REGISTRY:
                ind = REGISTRY[m.id]
                assert (m.name("zh"), m.formula("en")) == (ind.name_zh, ind.formula_en)
            else:
                assert m.name_zh and m.formula_zh and m.formula_en and m.unit in ("fraction", "seconds", "count")


def test_knowledge_metrics_cover_the_article_lifecycle():
    ids = [m.id for m in process("knowledge").metrics]
    assert {"review_on_time_rate", "overdue_reviews", "article_usage_rate", "retired_articles"} <= set(ids)


def test_metric_definitions_are_checked():
    with pytest.raises(ValueError, match=r"metric 'fcr_rate' is a registry indicator"):
        Metric("fcr_rate", formula_zh="重新定义")
    with pytest.raises(ValueError, match=r"metric 'x' must be a registry id .*got unit 'days'"):
        Metric("x", "甲", "X", "公式", "formula", "days")


def test_target_texts():
    assert Metric("service_level").target_text("zh") == "≥ 80.0 %"
    assert Metric("occupancy").target_text("en") == "75.0 %–85.0 %"
    assert Metric("offered").target_text() == "—"
    assert process("recruitment").metrics[0].target_text("zh") == "≤ 30 天"


# --- escalation matrix and SLAs ------------------------------------------------------------------

def test_escalation_matrix_levels_and_limits():
    m = escalation_matrix("zh")
    assert m["级别"].tolist() == ["L1", "L2", "L3", "L4"]
    response = m["响应时限(秒)"].tolist()
    assert response == sorted(response) and response[0] == 5 * 60
    assert m["解决时限(秒)"].isna().tolist() == [False, False, False, True]
    text = escalation_matrix("en", as_text=True)
    assert text["Response within"].tolist() == ["5 min", "30 min", "1 h", "1 h"]
    assert text["Resolution within"].iloc[3] == "per the crisis plan"


def test_escalation_map_agrees_with_the_matrix():
    m = escalation_matrix("en")
    steps = {s.text_en[:2]: s for s in process("escalation").steps if s.text_en[:2] in ("L1", "L2", "L3", "L4")}
    for _, row in m.iterrows():
        step = steps[row["Level"]]
        assert lane_name(step.lane, "en") == row["Handled by"]
        assert step.time_limit_s == row["Response within (s)"]


def test_sla_table_matches_its_rows():
    t = sla_table("en")
    assert len(t) == len(SLA_ROWS)
    assert (t["Resolution within (s)"] >= t["Response within (s)"]).all()
    words = sla_table("zh", as_text=True)
    assert words.iloc[0].tolist() == ["账务争议与退款", "财务部", "4 小时", "3 天"]


def test_duration_text_and_bad_input():
    assert [duration_text(s) for s in (86400, 7200, 600, 45, 90.5)] == ["1 天", "2 小时", "10 分钟", "45 秒", "90.5 秒"]
    with pytest.raises(ValueError, match=r"lang must be 'zh' or 'en', got 'fr'"):
        escalation_matrix("fr")
    with pytest.raises(ValueError, match=r"process_id must be one of .*got 'payroll'"):
        process("payroll")
    with pytest.raises(ValueError, match=r"lane must be a role id or one of .*got 'x'"):
        lane_name("x")


# --- swimlane maps -------------------------------------------------------------------------------

def _png_size(data: bytes):
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    width, height = struct.unpack(">II", data[16:24])
    assert zlib.crc32(data[12:29]) == struct.unpack(">I", data[29:33])[0]
    return width, height


def _ink(data: bytes) -> float:
    image = pytest.importorskip("PIL.Image").open(io.BytesIO(data)).convert("L")
    pixels = image.tobytes()
    return sum(1 for v in pixels if v < 200) / len(pixels)


@pytest.fixture(scope="module")
def knowledge_png():
    return process_map_png(process("knowledge"), "zh")


def test_map_is_a_real_png_of_plausible_size(knowledge_png):
    width, height = _png_size(knowledge_png)
    cols = max(c for c, _ in layout(process("knowledge")).values()) + 1
    assert width >= 2 * 100 * cols and 2 * 4 * 80 <= height <= 2 * 4 * 150  # scale 2, four lanes
    assert 0.01 < _ink(knowledge_png) < 0.5


def test_blank_map_has_lanes_but_less_ink(knowledge_png):
    blank = process_map_png(process("knowledge"), "zh", blank=True)
    _png_size(blank)
    assert 0 < _ink(blank) < _ink(knowledge_png)


def test_chinese_glyphs_are_drawn_not_missing_boxes():
    import altair as alt
    import pandas as pd
    import vl_convert

    from ccskills.charts import themed
    from ccskills.management._swimlane import _register_fonts

    _register_fonts()

    def render(ch):
        chart = alt.Chart(pd.DataFrame({"t": [ch]})).mark_text(fontSize=40).encode(text="t:N")
        return pytest.importorskip("PIL.Image").open(io.BytesIO(vl_convert.vegalite_to_png(
            themed(chart.properties(width=60, height=60)).to_dict()))).convert("L").tobytes()

    first, second = render("座"), render("席")
    assert first != second  # a missing font draws the same empty box for both


# --- Word ----------------------------------------------------------------------------------------

DOCX = [t for t in TEMPLATES if t.kind == "docx"]


def _open(t, lang, filled):
    return docx.Document(io.BytesIO(t.build(lang, filled)))


def _headings(doc):
    return [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]


def _cells(doc):
    return {c.text for table in doc.tables for row in table.rows for c in row.cells}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("t", DOCX, ids=lambda t: t.id)
def test_word_file_has_its_sections_map_and_tables(t, lang):
    proc = process(t.id.removeprefix("process_"))
    doc = _open(t, lang, True)
    heads = _headings(doc)
    wanted = [s[0] if lang == "zh" else s[1] for s in SECTIONS]
    assert [h for h in heads if h in wanted] == wanted
    assert len(doc.inline_shapes) == 1
    blob = doc.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    assert doc.part.related_parts[blob].blob[:4] == b"\x89PNG"
    cells = _cells(doc)
    assert {s.text(lang) for s in proc.steps} <= cells
    assert {m.formula(lang) for m in proc.metrics} <= cells
    assert lane_name(proc.owner, lang) in cells
    assert any(s.orientation == 1 for s in doc.sections)  # the map's landscape page


@pytest.mark.parametrize("t", DOCX, ids=lambda t: t.id)
def test_blank_word_template_keeps_the_sections_without_the_example(t):
    proc = process(t.id.removeprefix("process_"))
    doc = _open(t, "zh", False)
    assert [h for h in _headings(doc) if h in {s[0] for s in SECTIONS}] == [s[0] for s in SECTIONS]
    assert len(doc.inline_shapes) == 1
    cells = _cells(doc)
    assert not ({s.text("zh") for s in proc.steps} & cells)
    steps_head = steps_table(proc, "zh").columns.tolist()
    table = next(tb for tb in doc.tables if [c.text for c in tb.rows[0].cells] == steps_head)
    assert len(table.rows) > 5 and all(c.text == "" for row in table.rows[1:] for c in row.cells)


def test_escalation_and_sla_documents_carry_their_tables():
    esc = _cells(_open(next(t for t in DOCX if t.id == "process_escalation"), "zh", True))
    assert {"L1", "L2", "L3", "L4", "按危机预案"} <= esc
    sla = _cells(_open(next(t for t in DOCX if t.id == "process_cross_department"), "en", True))
    assert {r.request_en for r in SLA_ROWS} <= sla


# --- Excel ---------------------------------------------------------------------------------------

XLSX = [t for t in TEMPLATES if t.kind == "xlsx"]


def _book(data):
    return openpyxl.load_workbook(io.BytesIO(data))


@pytest.mark.parametrize("filled", [True, False])
@pytest.mark.parametrize("t", XLSX, ids=lambda t: t.id)
def test_excel_opens_frozen_and_without_formulas(t, filled):
    book = _book(t.build("zh", filled))
    for ws in book.worksheets:
        assert ws.freeze_panes == "A2"
        assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)


def test_steps_workbook_has_one_sheet_per_process_and_the_metrics():
    book = _book(steps_excel("zh"))
    assert len(book.sheetnames) == len(PROCESS_LIST) + 1 and book.sheetnames[-1] == "流程指标"
    ws = book[book.sheetnames[3]]
    assert [c.value for c in ws[1]] == steps_table(process("knowledge"), "zh").columns.tolist()
    assert [ws.cell(r, 4).value for r in range(2, ws.max_row + 1)] == [s.text_zh for s in process("knowledge").steps]


def test_step_text_starting_with_equals_stays_text():
    p = _demo((Step("s", "=SUM(A1:A9)", "=SUM(A1:A9)", "customer", "start", ("e",)),
               Step("e", "结束", "End", "agent", "end")))
    ws = _book(steps_excel("en", processes=(p,))).worksheets[0]
    cell = ws.cell(2, 4)
    assert cell.value == "=SUM(A1:A9)" and cell.data_type == "s"


def test_escalation_workbook_blank_keeps_the_levels():
    ws = _book(next(t for t in XLSX if t.id == "escalation_matrix").build("en", False)).worksheets[0]
    assert [ws.cell(r, 1).value for r in range(2, 6)] == ["L1", "L2", "L3", "L4"]
    assert all(ws.cell(r, c).value in (None, "") for r in range(2, 6) for c in range(2, 8))


def test_templates_are_listed_once_under_processes():
    assert len({t.id for t in TEMPLATES}) == len(TEMPLATES) == len(PROCESS_LIST) + 3
    assert {t.part for t in TEMPLATES} == {"processes"}
