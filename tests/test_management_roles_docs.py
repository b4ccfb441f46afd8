"""The roles templates (分工): role documents, RACI and role workbooks, operations manual.

Expected values come from the sources, not from the documents' builders: KPI names and formulas
from ``kpi.REGISTRY`` with targets formatted here by hand, RACI rows from the matrix's own table,
state codes from the WFM data dictionary (datasets/wfm/README.md), rights from seeds/002.
"""

from __future__ import annotations

import io
import re

import openpyxl
import pytest

from docx_tools import blocks, headings, table_after, tables, text
from ccskills.datasets.wfm import STATES
from ccskills.kpi import REGISTRY
from ccskills.management import ROLE_NAMES, ROLE_PROFILES, default_raci
from ccskills.management import role_documents as rd
from ccskills.management._template import Template

LANGS = ("zh", "en")
ROLE_IDS = [p.role.id for p in ROLE_PROFILES]
SECTIONS = {"zh": ["一、岗位职责", "1. 基本信息", "2. 岗位目的", "3. 主要职责", "4. 在主要流程中的责任", "5. 权限",
                   "二、职位说明书", "6. 考核指标", "7. 任职资格", "8. 确认"],
            "en": ["Part 1. Job responsibilities", "1. Position", "2. Purpose", "3. Main duties", "4. Part in the main",
                   "5. Authority", "Part 2. Job description", "6. KPIs", "7. Qualifications", "8. Sign-off"]}


@pytest.fixture(scope="module")
def docs():
    return {(r, lang, filled): rd.role_document(r, lang, filled=filled)
            for r in ROLE_IDS for lang in LANGS for filled in (True, False)}


def by_hand_target(kpi_id: str) -> str:
    """Target text written out from the registry's number, unit and direction."""
    ind = REGISTRY[kpi_id]
    if ind.target is None:
        return "由中心自定 (set by the centre)"
    fmt = {"fraction": lambda v: f"{v * 100:.1f}%", "seconds": lambda v: f"{v:.1f} s", "score": lambda v: f"{v:.1f}"}[ind.unit]
    if ind.direction == "band":
        return f"{fmt(ind.target[0])}–{fmt(ind.target[1])}"
    return ("≥ " if ind.direction == "higher" else "≤ ") + fmt(ind.target)


def test_templates_are_the_roles_part_and_all_build():
    ids = [t.id for t in rd.TEMPLATES]
    assert len(ids) == len(set(ids)) == len(ROLE_IDS) + 3
    assert all(isinstance(t, Template) and t.part == "roles" for t in rd.TEMPLATES)
    for t in rd.TEMPLATES:
        for lang in LANGS:
            for filled in (True, False):
                data = t.build(lang, filled)
                if t.kind == "xlsx":
                    openpyxl.load_workbook(io.BytesIO(data))
                else:
                    assert headings(data), t.id


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("filled", [True, False])
def test_role_document_has_every_section(docs, lang, filled):
    for role in ROLE_IDS:
        found = headings(docs[role, lang, filled])
        for want in SECTIONS[lang]:
            assert any(h.startswith(want) for h in found), (role, want)


@pytest.mark.parametrize("role", ROLE_IDS)
def test_kpi_table_is_the_registry_word_for_word(docs, role):
    rows = table_after(docs[role, "zh", True], "6. 考核指标")
    want = [[REGISTRY[k].name_zh, REGISTRY[k].formula_zh, by_hand_target(k)]
            for k in next(p for p in ROLE_PROFILES if p.role.id == role).kpis]
    assert rows[0] == ["指标", "公式", "目标"] and rows[1:] == want
    en = table_after(docs[role, "en", True], "6. KPIs")
    assert [r[:2] for r in en[1:]] == [[REGISTRY[k].name_en, REGISTRY[k].formula_en] for k in
                                      next(p for p in ROLE_PROFILES if p.role.id == role).kpis]


def test_targets_read_as_the_registry_numbers():
    assert by_hand_target("service_level") == "≥ 80.0%" == rd.target_text("service_level")
    assert rd.target_text("occupancy") == "75.0%–85.0%"
    assert rd.target_text("asa_s", "en") == "≤ 30.0 s"
    assert rd.target_text("qa_score", "en") == "set by the centre"


@pytest.mark.parametrize("lang", LANGS)
def test_raci_rows_equal_the_matrix(docs, lang):
    matrix = default_raci().table(lang)  # process, activity, then one column per role
    section = "4. 在主要流程中的责任" if lang == "zh" else "4. Part in the main"
    for role in ROLE_NAMES:
        column = matrix[role.name(lang)]
        lead = [[r.iloc[0], r.iloc[1], c] for (_, r), c in zip(matrix.iterrows(), column) if c in ("R", "A", "R/A")]
        other = [[r.iloc[0], r.iloc[1], c] for (_, r), c in zip(matrix.iterrows(), column) if c in ("C", "I")]
        data = docs[role.id, lang, True]
        assert table_after(data, section, 0)[1:] == lead, role.id
        assert table_after(data, section, 1)[1:] == other, role.id
        assert len(lead) + len(other) == (column != "").sum()
        assert lead, f"{role.id} does or owns nothing"


def test_authority_lists_the_activities_the_role_signs_off(docs):
    matrix = default_raci()
    for role in ROLE_NAMES:
        owns = [a.name_zh for a in matrix.activities if "A" in matrix.code(a.id, role.id)]
        body = text(docs[role.id, "zh", True])
        line = next(l for l in body.splitlines() if l.startswith("批准 (A):"))
        assert line == "批准 (A):" + ("、".join(owns) or "—")


def test_supervisor_rights_and_director_qualifications_follow_the_article(docs):
    sup = text(docs["supervisor", "zh", True])
    for phrase in ("有权批评某种想法,但无权批评某个人", "有偶尔犯错误的权利", "协作的隐患", "面试候选人", "组织小组会议"):
        assert phrase in sup
    numbered = [t for kind, t in blocks(docs["supervisor", "zh", True]) if kind == "p" and re.match(r"\d+\. ", t)]
    assert [int(t.split(".")[0]) for t in numbered] == list(range(1, 11))  # the ten rights, numbered 1–10
    director = text(docs["director", "zh", True])
    assert "COPC" in director and "五年以上" in director
    assert "班组长、质检员、排班师、培训师" in sup  # direct reports: the roles reporting to the supervisor


@pytest.mark.parametrize("lang", LANGS)
def test_blank_documents_carry_no_content(docs, lang):
    for role in ROLE_IDS:
        data = docs[role, lang, False]
        for rows in tables(data):
            for row in rows[1:]:
                assert all(c == "" for c in row[1:]) or rows[0][0] in ("岗位", "Position"), (role, rows[0], row)
        body = text(data)
        assert "≥" not in body and "%" not in body and "R/A" not in body
        assert REGISTRY["fcr_rate"].formula_zh not in body


def test_raci_workbook_filled_is_the_default_matrix_and_blank_is_empty():
    t = next(t for t in rd.TEMPLATES if t.id == "raci_matrix")
    for filled in (True, False):
        book = openpyxl.load_workbook(io.BytesIO(t.build("zh", filled)))
        sheet = book["RACI矩阵"]
        values = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
        want = default_raci().table("zh")
        assert [v[:2] for v in values] == want.iloc[:, :2].values.tolist()
        cells = [[v or "" for v in row[2:]] for row in values]
        assert cells == (want.iloc[:, 2:].values.tolist() if filled else [[""] * 7 for _ in values])
        assert ("检查" in book.sheetnames) is filled
        assert_no_formulas(book)


def test_blank_roles_workbook_keeps_labels_only():
    book = openpyxl.load_workbook(io.BytesIO(rd.blank_roles_excel("zh")))
    assert book.sheetnames == [r.name_zh for r in ROLE_NAMES] + ["考核指标"]
    sheet = book["班组长"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert rows[0] == ["岗位", "班组长"] and all(r[1] in (None, "") for r in rows[1:])
    assert any(str(r[0]).startswith("主要职责") for r in rows)
    assert book["考核指标"].max_row == 1
    assert_no_formulas(book)


def assert_no_formulas(book):
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate)


@pytest.mark.parametrize("lang", LANGS)
def test_operations_manual_sections_and_codes(lang):
    data = rd.operations_manual(lang, True)
    want = ["系统登录", "来电处理步骤", "来电标记", "问题升级", "知识库使用", "小休与辅助状态代码", "应急情况"] if lang == "zh" else \
        ["System login", "Call handling steps", "Tagging", "Escalation", "Using the knowledge base", "Break and aux codes", "Emergencies"]
    assert [h.split(". ", 1)[1][:len(w)] for h, w in zip(headings(data), want)] == want
    codes = table_after(data, "6. ")
    assert [r[0] for r in codes[1:]] == list(STATES)
    # WFM data dictionary: a scheduled phone activity is matched by available/talk/hold/acw; not_ready by nothing
    phone = "在线接听" if lang == "zh" else "On the phones"
    assert [r[0] for r in codes[1:] if r[2] == phone] == ["available", "talk", "hold", "acw"]
    tagging = text(data)
    assert ("售前" if lang == "zh" else "Presales") in tagging
    escalation = table_after(data, "4. ")
    assert escalation[1][1:] == (["座席", "班组长"] if lang == "zh" else ["Agent", "Team leader"])


def test_operations_manual_blank_has_sections_and_empty_tables():
    data = rd.operations_manual("zh", False)
    assert len(headings(data)) == 7
    codes = table_after(data, "6. ")
    assert len(codes) == len(STATES) + 1 and all(c == "" for row in codes[1:] for c in row)
    assert "not_ready" not in text(data)


def test_bad_input_names_the_parameter():
    with pytest.raises(ValueError, match="role_id must be one of .* got 'boss'"):
        rd.role_document("boss")
    with pytest.raises(ValueError, match="lang"):
        rd.role_document("agent", "fr")
    with pytest.raises(ValueError, match="lang"):
        rd.operations_manual("fr")
