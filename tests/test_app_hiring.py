"""Tier 3: the hiring planner, headless: build the widget tree, set values, compare with the core."""

from __future__ import annotations

import base64
import datetime
import io

import pandas as pd
import pytest

from ccskills.apps import hiring as app_module
from ccskills.apps.hiring import HIRING_DEFAULTS, build_hiring_planner
from ccskills.datasets.people import load_fte_requirement
from ccskills.people import hiring_plan


def core_plan(need, **changes):
    d = {**HIRING_DEFAULTS, **changes}
    return hiring_plan(need, d["current_fte"], d["attrition"] / 100, d["training_weeks"],
                       d["pass_rate"] / 100, attrition_period=d["period"],
                       class_every_weeks=d["class_every_weeks"], min_class=d["min_class"],
                       max_class=d["max_class"] or None)


@pytest.fixture(scope="module")
def app():
    return build_hiring_planner("zh")


def test_first_answer_matches_the_core(app):
    plan = core_plan(load_fte_requirement()["required_fte"])
    assert app.status.value.startswith('<span class="ccs-status-ok"')
    assert app.shown("total_hires") == f"{int(plan.classes['hires'].sum())} 人"
    assert app.shown("classes") == str(len(plan.classes))
    assert app.shown("weeks_short") == f"{int(plan.trajectory['short'].sum())} 周"
    assert app.plan.classes["hires"].tolist() == plan.classes["hires"].tolist()
    assert "16.93" in app.table.value  # the first class's raw size, explained
    assert "ccs-download-link" in app.download.value
    assert app.chart is not None


def test_queue_and_limits_recompute():
    planner = build_hiring_planner("en")
    planner.queue.value = "presales"
    need = load_fte_requirement()["presales_fte"]
    assert planner.plan.classes["hires"].tolist() == core_plan(need).classes["hires"].tolist()
    planner.numbers["max_class"].value = 0
    assert planner.plan.classes["hires"].tolist() == core_plan(need, max_class=0).classes["hires"].tolist()
    planner.period.value = "year"
    planner.numbers["attrition"].value = 40.0
    expected = core_plan(need, max_class=0, period="year", attrition=40.0)
    assert planner.plan.trajectory["productive_fte"].tolist() == pytest.approx(
        expected.trajectory["productive_fte"].tolist())
    assert planner.title.value == "<h2>Hiring &amp; attrition planner</h2>"


def test_typed_requirement():
    planner = build_hiring_planner("zh")
    planner.source.value = "typed"
    planner.typed.value = "80，82\n85 90"
    expected = core_plan([80, 82, 85, 90])
    assert planner.plan.trajectory["required_fte"].tolist() == [80, 82, 85, 90]
    assert planner.plan.classes["hires"].tolist() == expected.classes["hires"].tolist()
    assert "第 1 周" in planner.table.value or planner.plan.classes.empty


@pytest.mark.parametrize("setting, value, zh, en", [
    ("pass_rate", 150.0, "鉴定通过率必须大于 0 % 且不超过 100 %（输入值：150）。",
     "The pass rate must be above 0 % and at most 100 % (you entered 150)."),
    ("attrition", 100.0, "流失率必须在 0 % 到 100 % 之间（不含 100 %）（输入值：100）。",
     "Attrition must be from 0 % to below 100 % (you entered 100)."),
    ("max_class", 2, "每班最多人数必须是整数，且不小于每班最少人数（输入值：2）。",
     "The class maximum must be a whole number, at least the minimum (you entered 2)."),
    ("training_weeks", -1, "培训周数必须是不小于 0 的整数（输入值：-1）。",
     "Training weeks must be a whole number of 0 or more (you entered -1)."),
    ("current_fte", -5.0, "现有在岗人数必须是不小于 0 的数字（输入值：-5）。",
     "Current FTE must be a number of 0 or more (you entered -5)."),
    ("class_every_weeks", 0, "开班间隔必须是不小于 1 的整数（输入值：0）。",
     "The class interval must be a whole number of 1 or more (you entered 0)."),
])
def test_bad_input_gives_one_sentence_in_each_language(setting, value, zh, en):
    planner = build_hiring_planner("zh")
    planner.numbers[setting].value = value
    assert planner.status_text == zh
    assert planner.shown("total_hires") == "—" and planner.download.value == ""
    planner.language.value = "en"
    assert planner.status_text == en
    assert not any(box.disabled for box in planner.numbers.values())  # restored after the error


def test_typed_text_that_is_not_numbers():
    planner = build_hiring_planner("en")
    planner.source.value = "typed"
    planner.typed.value = "80, eighty"
    assert planner.status_text == "Weekly need must be numbers of 0 or more, at least one week (you entered eighty)."


def _upload(planner, content: bytes, name: str) -> None:
    planner.source.value = "upload"
    planner.upload.value = ({"name": name, "type": "", "size": len(content), "content": memoryview(content),
                             "last_modified": datetime.datetime(2026, 3, 31)},)


def test_upload_gbk_csv_with_chinese_headers():
    planner = build_hiring_planner("zh")
    planner.source.value = "upload"
    assert planner.status_text == "请上传文件。"
    csv = "周,需求人数\n2026-04-06,80\n2026-04-13,81\n2026-04-20,83\n2026-04-27,84\n2026-05-04,90\n"
    _upload(planner, csv.encode("gbk"), "need.csv")
    need = pd.Series([80.0, 81, 83, 84, 90])
    assert planner.plan.classes["hires"].tolist() == core_plan(need).classes["hires"].tolist()
    assert "2026-04-06" in planner.table.value


def test_upload_excel_and_bad_column():
    planner = build_hiring_planner("en")
    buffer = io.BytesIO()
    pd.DataFrame({"week": [1, 2, 3, 4, 5, 6], "required_fte": [70, 75, 80, 85, 85, 85]}).to_excel(
        buffer, index=False)
    _upload(planner, buffer.getvalue(), "need.xlsx")
    assert planner.status.value.startswith('<span class="ccs-status-ok"')
    _upload(planner, b"week,required_fte\n1,80\n2,many\n", "bad.csv")
    assert planner.status.value.startswith('<span class="ccs-status-error"')
    assert "required_fte" in planner.status_text and "3" in planner.status_text
    _upload(planner, b"week,people\n1,80\n", "bad.csv")
    assert "required_fte" in planner.status_text


def test_excel_download_has_classes_and_trajectory(app):
    href = app.download.value.split('href="data:', 1)[1].split('"', 1)[0]
    data = base64.b64decode(href.split("base64,", 1)[1])
    sheets = pd.read_excel(io.BytesIO(data), sheet_name=None)
    assert list(sheets) == ["开班数", "周"]
    assert sheets["开班数"]["招聘人数"].tolist() == app.plan.classes["hires"].tolist()
    assert len(sheets["周"]) == 26


def test_unexpected_failure_is_a_sentence(monkeypatch):
    planner = build_hiring_planner("en")

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(app_module, "hiring_plan", boom)
    planner.numbers["current_fte"].value = 70.0
    assert planner.status_text == "Something unexpected went wrong (RuntimeError). Check the inputs and try again."
