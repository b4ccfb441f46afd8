"""Handouts ready to print (issue 15 item 7): each PDF within its page range, fonts embedded, key
terms on it, and its figures recomputed here with pandas from the committed CSVs (not read back
from the kit's own output)."""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from ccskills.materials import build
from ccskills.materials.handouts import DOCUMENTS, SAMPLE_NAME
from pdf_tools import flat_text, fonts

DATA = Path(__file__).resolve().parents[1] / "datasets"


def flat(s: str) -> str:
    return "".join(str(s).split())


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    start = time.perf_counter()
    out = build(tmp_path_factory.mktemp("handouts"), [d.name for d in DOCUMENTS])
    seconds = time.perf_counter() - start
    print(f"handouts: {len(out)} files, {sum(b.pages for b in out)} pages, {seconds:.1f} s")
    return {b.name: b for b in out}


@pytest.fixture(scope="module")
def text(built):
    return {name: flat_text(PdfReader(b.path)) for name, b in built.items()}


def test_every_handout_is_a4_within_its_pages_with_fonts_embedded(built):
    for doc in DOCUMENTS:
        reader = PdfReader(built[doc.name].path)
        assert doc.pages[0] <= len(reader.pages) <= doc.pages[1], doc.name
        size = sorted((float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)))
        assert size == pytest.approx([595.28, 841.89], abs=0.5), doc.name
        used = fonts(reader)
        assert used and all(used.values()), (doc.name, used)
        assert any("CJK" in n or "MicroHei" in n for n in used), (doc.name, used)


def test_each_handout_carries_its_title_and_purpose(text):
    for doc in DOCUMENTS:
        assert flat(doc.title_zh) in text[doc.name] or doc.name == "certificate_sample", doc.name
    for doc in DOCUMENTS:
        if doc.template:
            assert "用途Purpose" in text[doc.name], doc.name


def test_kpi_card_shows_service_level_and_abandonment_recomputed_from_the_calls(text):
    calls = pd.read_csv(DATA / "call_records.csv")
    calls = calls[calls["outcome"] != "blocked"]  # blocked calls never entered the queue
    card = text["kpi_card"]
    for _, part in [("total", calls), *calls.groupby("queue")]:
        offered = len(part)
        within = ((part["outcome"] == "answered") & (part["wait_s"] <= 20)).sum()
        abandoned = (part["outcome"] == "abandoned").sum()
        assert f"{within / offered:.1%}" in card
        assert f"{abandoned / offered:.1%}" in card
    for term in ("服务水平Servicelevel", "放弃率Abandonmentrate", "达标", "接近目标", "未达标", "目标Target",
                 "售后", "售前", "合计", "2026年3月"):
        assert term in card, term


def test_qa_forms_list_every_scorecard_item_and_the_calibration_tolerance(text):
    card = pd.read_csv(DATA / "quality" / "scorecard.csv")
    for item in card.itertuples():
        assert flat(item.item_zh) in text["qa_scorecard"], item.item_id
    assert f"满分{card['weight'].sum()}分" in text["qa_scorecard"]
    assert "致命错误Criticalerrors" in text["qa_scorecard"]
    calibration = pd.read_csv(DATA / "quality" / "calibration.csv")
    assert f"/{calibration['call_id'].nunique()}" in text["qa_calibration"]
    assert "±10分" in text["qa_calibration"] and "偏差Deviation" in text["qa_calibration"]
    for term in ("改进项Item", "证据Evidence", "目标Target", "行动Action", "下次跟进Follow-upon"):
        assert term in text["qa_interview"], term


def test_coaching_forms_have_grow_stages_and_smart_letters(text):
    for term in ("G聚焦目标Goal", "R了解现状Reality", "O探索行动方案Options", "W强化意愿", "T跟进Follow-up",
                 "约12分钟（40%）"):  # 40 % of a 30-minute talk
        assert term in text["grow_form"], term
    for term in ("S具体", "M可衡量", "A可达成", "R相关", "T有时限", "基线Baseline", "最长92天"):
        assert term in text["smart_form"], term


def test_shrinkage_list_shows_the_sample_centre_split_recomputed(text):
    s = pd.read_csv(DATA / "operations" / "agent_states.csv")
    handle = s["talk_s"] + s["hold_s"] + s["acw_s"]
    total = (s["paid_s"] - handle - s["available_s"]).sum() / s["paid_s"].sum()
    offline = (s["paid_s"] - s["logged_in_s"]).sum() / s["paid_s"].sum()
    page = text["shrinkage_list"]
    assert f"损耗率{total:.1%}" in page and f"{offline:.1%}" in page and f"{total - offline:.1%}" in page
    for term in ("小休", "班组会", "培训", "缺勤", "示忙", "Shrinkage", "你们中心Yourcentre", "20–35%"):
        assert term in page, term


def test_scheduling_norms_match_what_the_published_schedule_does(text):
    plan = pd.read_csv(DATA / "wfm" / "schedule.csv", parse_dates=["start", "end"])
    plan["day"] = plan["start"].dt.normalize()
    shifts = plan.groupby(["agent_id", "day"]).agg(start=("start", "min"), end=("end", "max")).reset_index()
    shifts = shifts.sort_values(["agent_id", "start"])
    rest = (shifts["start"] - shifts.groupby("agent_id")["end"].shift()).min() / pd.Timedelta(hours=1)
    page = text["scheduling_norms"]
    assert f"实际最短{rest:g}小时" in page
    agents = pd.read_csv(DATA / "wfm" / "agents.csv")
    full = shifts[shifts["agent_id"].isin(agents.loc[agents["weekly_hours"] == 40, "agent_id"])]
    for clock, n in full.groupby(full["start"].dt.strftime("%H:%M"))["agent_id"].nunique().items():
        assert f"{clock}（{n}人）" in page
    for term in ("60分钟用餐", "≥12小时", "做五休二", "兼职班次Part-timeshifts", "你们中心Yourcentre"):
        assert term in page, term


def test_each_checklist_prints_every_item_with_its_scale(text):
    from ccskills.checklists import get_checklist

    for key in ("five_s", "four_pillars", "cc_cmm", "floor"):
        page, checklist = text[f"checklist_{key}"], get_checklist(key)
        for item in checklist.items:
            assert flat(item.zh) in page, item.key
        for _, zh, _ in checklist.scale:
            assert flat(zh) in page


def test_tests_print_every_question_and_the_key_every_answer(text):
    from ccskills.exercises import no_code_set

    for form in ("pretest", "posttest"):
        for q in no_code_set(form).questions:
            assert q.id + flat(q.title) in text[form], (form, q.id)
            assert flat(q.prompt.zh) in text[form], (form, q.id)
            for choice in q.choices:
                assert flat(choice.zh) in text[form], (form, q.id)
            assert flat(q.answer_text("zh")) in text["test_answer_key"], (form, q.id)


def test_evaluation_form_and_certificate_sample(text):
    from ccskills.assessment_forms import COURSE_TITLE, EVALUATION_ITEMS

    for item in EVALUATION_ITEMS:
        assert flat(item.text("zh")) in text["evaluation_form"]
    cert = text["certificate_sample"]
    assert "结业证书" in cert and flat(SAMPLE_NAME) in cert and flat(COURSE_TITLE) in cert
    assert "课后测成绩" not in cert  # a sample carries no score
