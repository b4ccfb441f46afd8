"""Hiring planner: scenarios, the one-page report and the upload preview (issue 13), headless.

A loaded scenario's plan is checked against :func:`ccskills.people.hiring_plan` called here; the
report's inputs are the Excel inputs sheet's rows (openpyxl) and its text is read back with pypdf.
"""

from __future__ import annotations

import base64
import datetime
import html
import io
import re

import openpyxl
import pytest

pypdf = pytest.importorskip("pypdf")

from ccskills.apps.hiring import HIRING_DEFAULTS, build_hiring_planner  # noqa: E402
from ccskills.datasets.people import load_fte_requirement  # noqa: E402
from ccskills.people import hiring_plan  # noqa: E402


@pytest.fixture(autouse=True)
def _private_files(tmp_path, monkeypatch):
    monkeypatch.setenv("CCSKILLS_SCENARIOS", str(tmp_path / "scenarios.json"))
    monkeypatch.setenv("CCSKILLS_LOG_DIR", str(tmp_path / "log"))


def _core(pass_rate: float):
    d = HIRING_DEFAULTS
    return hiring_plan(load_fte_requirement()["required_fte"], d["current_fte"], d["attrition"] / 100,
                       d["training_weeks"], pass_rate, attrition_period=d["period"],
                       class_every_weeks=d["class_every_weeks"], min_class=d["min_class"], max_class=d["max_class"])


def _save(app, name: str) -> None:
    app.keep.name.value = name
    app.keep.save.click()


def _data_url(link_html: str) -> bytes:
    return base64.b64decode(link_html.split("base64,", 1)[1].split('"', 1)[0])


def _upload(app, content: bytes, name: str) -> None:
    app.upload.value = ({"name": name, "type": "", "size": len(content), "content": memoryview(content),
                         "last_modified": datetime.datetime(2026, 11, 23)},)


def test_save_change_load_recomputes_once_and_matches_the_core():
    app = build_hiring_planner("zh")
    _save(app, "通过率 80%")
    app.numbers["pass_rate"].value = 60
    _save(app, "通过率 60%")
    runs = app.runs
    app.keep.pick.value = "通过率 80%"
    app.keep.load.click()
    assert app.runs == runs + 1  # one plan for the load, not one per control
    assert app.numbers["pass_rate"].value == 80
    results = {key: value for key, _, value, _ in app.scenario_results()}
    core = _core(0.8)
    assert results["total_hires"] == int(core.classes["hires"].sum())
    assert results["weeks_short"] == int(core.trajectory["short"].sum())
    assert results["largest_gap"] == pytest.approx(core.largest_gap)
    app.keep.compare_pick.value = ("通过率 80%", "通过率 60%")
    app.keep.compare.click()
    book = openpyxl.load_workbook(io.BytesIO(_data_url(app.keep.excel.value)))
    rows = {row[0].value: [c.value for c in row[-2:]] for row in book.active.iter_rows()}
    assert rows["鉴定通过率（%）"] == [80, 60]
    assert rows["流失率的周期"] == ["每月", "每月"] and rows["队列"] == ["合计", "合计"]  # words, not codes
    assert rows["共需招聘"] == [int(_core(0.8).classes["hires"].sum()), int(_core(0.6).classes["hires"].sum())]


def test_the_report_has_the_excel_inputs_results_and_assumptions_on_one_page():
    app = build_hiring_planner("en")
    content = app.report_content()
    book = openpyxl.load_workbook(io.BytesIO(_data_url(app.download.value)))
    sheet = [r[0].value for r in book["Inputs"].iter_rows(min_row=2)]
    assert [s.label for s in content.settings] == sheet
    app.keep.build_report()  # what the button does
    pdf = pypdf.PdfReader(io.BytesIO(_data_url(app.keep.report_link.value)))
    assert len(pdf.pages) == 1
    text = re.sub(r"\s+", " ", pdf.pages[0].extract_text())
    core = _core(0.8)
    for words in ("Hiring & attrition planner", "Assumptions", "Attrition: 4.41 % per month",
                  f"i.e. {100 * core.weekly_attrition:.2f} % a week", "Training lasts 4 weeks", "no separate ramp-up",
                  f"{int(core.classes['hires'].sum())} people"):
        assert words in text, words


def test_an_upload_is_previewed_and_asked_for_again_when_its_scenario_loads():
    content = "周,需求人数\n2026-04-06,80\n2026-04-13,82\n2026-04-20,90\n合计,252\n".encode("gbk")
    app = build_hiring_planner("zh")
    app.source.value = "upload"
    _upload(app, content, "需求.csv")
    preview = html.unescape(re.sub(r"<[^>]+>", " ", app.preview.value))
    assert "读取 需求.csv：3 行（跳过 1 行），日期 2026-04-06 至 2026-04-20" in preview
    assert "周 → 周" in preview and "需求人数 → 每周需求（人）" in preview
    _save(app, "上传")
    assert app.keep.store.load("hiring", "上传").inputs["upload_name"] == "需求.csv"
    fresh = build_hiring_planner("zh")
    fresh.keep.pick.value = "上传"
    fresh.keep.load.click()
    assert fresh.plan is None and fresh.status_text == "这个情景用的是上传的文件“需求.csv”，文件本身没有随情景保存：请重新上传它。"
    said = html.unescape(re.sub(r"<[^>]+>", "", fresh.keep.message.value))
    assert said == fresh.status_text and "并重新计算" not in said  # nothing was recomputed
    assert fresh.keep.report_link.value == ""  # no answer, no report
    _upload(fresh, content, "需求.csv")
    assert fresh.plan is not None and fresh.plan.trajectory["required_fte"].tolist() == [80, 82, 90]


def test_the_inputs_are_disabled_while_the_report_is_made_and_no_answer_makes_one():
    app = build_hiring_planner("zh")
    assert app.keep.report_link.value == "" and app.keep.reports_built == 0  # computed, no PDF made
    before = [c.disabled for c in app.busy_controls()]
    seen = []
    made = app.report_content
    app.report_content = lambda: seen.append([c.disabled for c in app.busy_controls()]) or made()
    app.keep.report_make.click()
    assert len(seen) == 1 and all(seen[0]) and 'data-built="1"' in app.keep.report_link.value
    assert [c.disabled for c in app.busy_controls()] == before  # back as they were
    app.numbers["attrition"].value = 5.0  # a new answer: the PDF of 4.41 % must go
    assert app.keep.report_link.value == "" and app.keep.reports_built == 1
