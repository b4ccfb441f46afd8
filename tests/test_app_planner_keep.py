"""Workforce planner: scenarios, the one-page report and the upload preview (issue 13), headless.

Scenarios are saved and loaded through the page's own KeepBar; a loaded scenario's plan is
checked against :func:`ccskills.planning.run_planning` called here with the same settings. The
report's inputs are the Excel inputs sheet's rows, read back with openpyxl; its text is read
back from the PDF with pypdf.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import re

import openpyxl
import pytest

pypdf = pytest.importorskip("pypdf")

from ccskills.apps.planner import build_workforce_planner  # noqa: E402
from ccskills.datasets.wfm import load_interval_history  # noqa: E402
from ccskills.planning import PlanningInputs, run_planning  # noqa: E402


@pytest.fixture(autouse=True)
def _private_files(tmp_path, monkeypatch):
    monkeypatch.setenv("CCSKILLS_SCENARIOS", str(tmp_path / "scenarios.json"))
    monkeypatch.setenv("CCSKILLS_LOG_DIR", str(tmp_path / "log"))


def _upload(app, content: bytes, name: str) -> None:
    app.upload.value = ({"name": name, "type": "", "size": len(content), "content": memoryview(content),
                         "last_modified": dt.datetime(2026, 11, 23)},)


def _save(app, name: str) -> None:
    app.keep.name.value = name
    app.keep.save.click()


def _said(app) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", app.keep.message.value))


def _expected(shrinkage: float):
    history = load_interval_history("ecommerce").set_index("interval_start")
    return run_planning(history["calls"].astype(float), history["aht_s"],
                        PlanningInputs(method="historical_average", horizon_days=3, shrinkage=shrinkage))


def _data_url(link_html: str) -> bytes:
    return base64.b64decode(link_html.split("base64,", 1)[1].split('"', 1)[0])


@pytest.fixture(scope="module")
def two_scenarios(tmp_path_factory):
    """A planner with "15 %" and "30 %" shrinkage saved, then "15 %" loaded back (module scope: plans are slow)."""
    mp = pytest.MonkeyPatch()
    mp.setenv("CCSKILLS_SCENARIOS", str(tmp_path_factory.mktemp("keep") / "scenarios.json"))
    app = build_workforce_planner("zh")
    app.method.value, app.horizon.value = "historical_average", 3
    app.run()
    _save(app, "损耗 15%")
    app.shrinkage.value = 30
    app.run()
    _save(app, "损耗 30%")
    runs = app.runs
    app.keep.pick.value = "损耗 15%"
    app.keep.load.click()
    yield app, runs
    mp.undo()


def test_scenario_inputs_are_the_screen_values_and_json_able():
    import json

    app = build_workforce_planner("en")
    inputs = app.scenario_inputs()
    assert json.loads(json.dumps(inputs)) == inputs
    assert inputs["target_sl"] == 80 and inputs["shrinkage"] == 15  # percent as on screen
    assert inputs["shift_hours"] == [8, 9] and inputs["start"] == "2026-10-01"
    labels = app.scenario_input_labels()
    assert set(inputs) <= set(labels) and labels["shrinkage"] == "Shrinkage outside shifts (%)"
    assert app.scenario_results() == [] and app.report_content() is None  # no plan yet: nothing to keep


def test_loading_a_scenario_sets_the_controls_and_plans_once(two_scenarios):
    app, runs = two_scenarios
    assert app.runs == runs + 1  # one plan for the load, not one per control set
    assert app.shrinkage.value == 15 and app.horizon.value == 3 and app.method.value == "historical_average"
    assert _said(app) == "已载入情景“损耗 15%”并重新计算。"
    expected = _expected(0.15)
    paid = dict((k, v) for k, _, v, _ in app.scenario_results())["paid_hours_scheduled"]
    assert paid == pytest.approx(expected.summary()["paid_hours_scheduled"])


def test_two_scenarios_compare_side_by_side_with_numbers_in_excel(two_scenarios):
    app, _ = two_scenarios
    app.keep.compare_pick.value = ("损耗 15%", "损耗 30%")
    app.keep.compare.click()
    assert _said(app) == "已比较 2 个情景。"
    book = openpyxl.load_workbook(io.BytesIO(_data_url(app.keep.excel.value)))
    rows = {row[0].value: row for row in book.active.iter_rows()}
    labels = [r[0].value for r in book.active.iter_rows()]
    shrink = rows["班外损耗 (%)"]
    assert [c.value for c in shrink[-2:]] == [15, 30]
    paid = rows["排班计薪工时"]
    low, high = _expected(0.15).summary()["paid_hours_scheduled"], _expected(0.30).summary()["paid_hours_scheduled"]
    assert [c.value for c in paid[-2:]] == [pytest.approx(low), pytest.approx(high)] and high > low
    assert all(c.data_type == "n" for c in paid[-2:])
    assert "平均服务水平（按计划）" in labels and "预测方法" in labels


def test_the_report_lists_the_excel_inputs_and_fits_one_page(two_scenarios):
    app, _ = two_scenarios
    content = app.report_content()
    book = openpyxl.load_workbook(io.BytesIO(_data_url(app.download.value)))
    sheet = [(r[0].value, r[1].value) for r in book["输入参数"].iter_rows(min_row=2)]
    assert [s.label for s in content.settings] == [label for label, _ in sheet]  # the same list, same order
    numbers = [(s.label, s.value) for s in content.settings if isinstance(s.value, (int, float))]
    assert numbers and all(dict(sheet)[label] == pytest.approx(value) for label, value in numbers)
    app.keep.build_report()  # what the button does
    pdf = pypdf.PdfReader(io.BytesIO(_data_url(app.keep.report_link.value)))
    assert len(pdf.pages) == 1
    text = re.sub(r"\s+", "", pdf.pages[0].extract_text())
    r = app.result
    for words in ("排班规划器", "输入参数", "假设与说明", "ErlangC", "班外损耗15.0%",
                  f"时段WAPE{100 * r.accuracy['wape']:.1f}%", "每日汇总"):
        assert words in text, words
    assert f"{r.summary()['paid_hours_scheduled']:,.1f}" in text


def test_an_uploaded_history_is_asked_for_again_when_its_scenario_loads(tmp_path):
    history = load_interval_history("ecommerce")
    recent = history[history["interval_start"] >= "2026-07-01"].drop(columns="line")
    content = recent.rename(columns={"interval_start": "时段", "calls": "来话量"}).to_csv(index=False).encode("gbk")
    app = build_workforce_planner("zh")
    app.source.value = "upload"
    _upload(app, content, "七月起.csv")
    preview = html.unescape(re.sub(r"<[^>]+>", " ", app.preview.value))
    assert f"读取 七月起.csv：{len(recent):,} 行" in preview and "日期 2026-07-01 至 2026-09-30" in preview
    assert "时段 → 时段" in preview and "来话量 → 来话量" in preview
    app.method.value, app.horizon.value = "seasonal_naive", 2
    app.run()
    _save(app, "上传的历史")
    saved = app.keep.store.load("planner", "上传的历史")
    assert saved.inputs["upload_name"] == "七月起.csv" and "content" not in str(saved.inputs)
    fresh = build_workforce_planner("zh")
    runs = fresh.runs
    fresh.keep.pick.value = "上传的历史"
    fresh.keep.load.click()
    assert fresh.runs == runs + 1 and fresh.result is None  # nothing planned from the wrong data
    assert fresh.status_text == ("这个情景用的是上传的文件“七月起.csv”，文件本身没有随情景保存：请重新上传它，"
                                 "再点击“开始规划”。")
    assert _said(fresh) == fresh.status_text  # the bar says the same, not "loaded and recomputed"
    assert "ccs-status-error" in fresh.keep.message.value
    assert fresh.source.value == "upload" and fresh.horizon.value == 2
    fresh.language.value = "en"
    assert fresh.status_text.startswith("This scenario used the uploaded file “七月起.csv”")
    _upload(fresh, content, "七月起.csv")
    fresh.run()
    assert fresh.result is not None and fresh.result.forecast.sum() == pytest.approx(app.result.forecast.sum())


def test_choices_are_kept_in_words_and_load_in_the_other_language():
    # the comparison table shows inputs as saved: words a person read, never "ecommerce" or "auto"
    app = build_workforce_planner("zh")
    app.source.value, app.method.value = "corporate", "seasonal_naive"
    inputs = app.scenario_inputs()
    assert inputs["source"] == "示例：企业热线（工作日 09:00–18:00）" and inputs["method"] == "季节性朴素（上周同时段）"
    assert "line" not in inputs  # a sample's line is part of the sample
    english = build_workforce_planner("en")
    planned = []
    english.run = lambda: planned.append(True)
    english.apply_scenario(inputs)
    assert (english.source.value, english.method.value, planned) == ("corporate", "seasonal_naive", [True])
