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
    ("current_fte", -5.0, "现有在岗人数必须是 0 到 1000 万之间的数字（输入值：-5）。",
     "Current FTE must be a number from 0 to 10,000,000 (you entered -5)."),
    ("current_fte", 1e8, "现有在岗人数必须是 0 到 1000 万之间的数字（输入值：1e+08）。",
     "Current FTE must be a number from 0 to 10,000,000 (you entered 1e+08)."),
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
    assert planner.status_text == "Weekly need must be numbers from 0 to 10,000,000, for 1 to 1040 weeks (you entered eighty)."


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
    assert list(sheets) == ["开班数", "周", "输入参数"]
    inputs = sheets["输入参数"].set_index("参数")["取值"]
    assert inputs["现有在岗人数（人）"] == 72 and inputs["流失率"] == pytest.approx(0.0441)
    assert sheets["开班数"]["招聘人数"].tolist() == app.plan.classes["hires"].tolist()
    assert len(sheets["周"]) == 26


def test_unexpected_failure_is_a_sentence_and_its_traceback_is_logged(monkeypatch, tmp_path):
    import ccskills.apps._common as common

    monkeypatch.setenv("CCSKILLS_LOG_DIR", str(tmp_path))
    planner = build_hiring_planner("en")

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(app_module, "hiring_plan", boom)
    try:
        planner.numbers["current_fte"].value = 70.0
        assert planner.status_text == "Something unexpected went wrong (RuntimeError). Check the inputs and try again."
        logged = (tmp_path / "ccskills.log").read_text("utf-8")
        assert "hiring: plan" in logged and "RuntimeError: disk on fire" in logged and "Traceback" in logged
    finally:
        for handler in list(common._log.handlers):  # release the file
            common._log.removeHandler(handler)
            handler.close()


# --- the status sentence and the cards read the same plan (issue 9) ------------------------------

def _cards(planner):
    return {name: planner.shown(name) for name in ("total_hires", "classes", "weeks_short", "largest_gap")}


@pytest.mark.parametrize("typed", ["200, 200, 200", "80；85；90", "80、85、90", "80;85;90"])
def test_short_weeks_no_class_can_reach_are_never_called_covered(typed):
    # 3 weeks planned, training 4 weeks: the first class could graduate in week 5 (0-based 4), so
    # hiring cannot help, and every week is short (need > 72 current FTE less attrition).
    planner = build_hiring_planner("zh")
    planner.source.value = "typed"
    planner.typed.value = typed
    need = [float(v) for v in typed.replace("；", ",").replace("、", ",").replace(";", ",").split(",")]
    plan = core_plan(need)
    assert planner.plan.trajectory["required_fte"].tolist() == need   # one number per week
    gap = max(n - p for n, p in zip(need, plan.trajectory["productive_fte"]))  # largest shortfall
    cards = _cards(planner)
    assert cards == {"total_hires": "0 人", "classes": "0", "weeks_short": "3 周", "largest_gap": f"{gap:,.1f} 人"}
    sentence = planner.status_text
    assert "不需要招聘" not in sentence
    assert sentence.startswith(f"人手不足 3 周（最大缺口 {gap:,.1f} 人）")
    assert "第 5 周" in sentence and "4 周" in sentence
    planner.language.value = "en"
    assert "no hiring needed" not in planner.status_text
    assert planner.status_text.startswith(f"Short in 3 weeks (largest gap {gap:,.1f})")


def test_two_hundred_each_week_is_short_by_about_128():
    planner = build_hiring_planner("en")
    planner.source.value = "typed"
    planner.typed.value = "200, 200, 200"
    # week 1: 200 - 72 = 128 exactly (no attrition before the first week)
    assert planner.plan.trajectory["gap"].iloc[0] == -128.0
    assert _cards(planner)["weeks_short"] == "3 weeks"


def test_classes_that_leave_weeks_short_say_why():
    # 8 weeks; training 4: weeks 1-4 (before the first graduation) stay short; the class of at
    # most 15 cannot close weeks 5-8 either (need 82-90 against ~70 on the floor).
    planner = build_hiring_planner("zh")
    planner.source.value = "typed"
    planner.typed.value = "80, 80, 82, 85, 90, 90, 88, 85"
    plan = planner.plan
    short = plan.trajectory["short"].tolist()
    assert short[:4] == [True] * 4 and plan.classes["hires"].tolist() == [15]
    sentence = planner.status_text
    assert sentence.startswith("已算出：1 个班，共 15 人。")
    assert f"但仍有 {sum(short)} 周人手不足" in sentence
    assert "第一个班最早在第 5 周结业（培训 4 周），此前 4 周的缺口招聘补不上" in sentence
    assert f"每班最多 15 人，{sum(short) - 4} 周的缺口留在轨迹里" in sentence
    assert _cards(planner)["weeks_short"] == f"{sum(short)} 周"


def test_no_hiring_needed_only_when_no_week_is_short():
    planner = build_hiring_planner("en")
    planner.source.value = "typed"
    planner.typed.value = "50, 50, 50, 50, 50"
    assert planner.status_text == "Current staff cover every week; no hiring needed."
    assert _cards(planner)["weeks_short"] == "0 weeks" and _cards(planner)["largest_gap"] == "0.0 people"


@pytest.mark.parametrize("weeks, training, every, cap", [
    (3, 4, 4, 15), (8, 4, 4, 15), (8, 0, 1, 0), (12, 2, 3, 4), (6, 6, 2, 0), (20, 3, 4, 8),
])
def test_sentence_and_cards_always_agree(weeks, training, every, cap):
    planner = build_hiring_planner("en")
    planner.source.value = "typed"
    planner.numbers["training_weeks"].value = training
    planner.numbers["class_every_weeks"].value = every
    planner.numbers["max_class"].value = cap
    planner.typed.value = ", ".join(str(70 + 5 * (i % 4)) for i in range(weeks))
    short = int(planner.plan.trajectory["short"].sum())
    sentence = planner.status_text
    assert _cards(planner)["weeks_short"] == f"{short} weeks"
    assert ("no hiring needed" in sentence) == (short == 0 and planner.plan.classes.empty)
    if short:
        assert f"{short} weeks" in sentence
        assert f"largest gap {_cards(planner)['largest_gap'].split()[0]}" in sentence


def test_a_requirement_longer_than_twenty_years_is_one_sentence():
    planner = build_hiring_planner("en")
    planner.source.value = "typed"
    planner.typed.value = ", ".join(["80"] * 1041)
    assert planner.status_text == ("Weekly need must be numbers from 0 to 10,000,000, for 1 to 1040 weeks "
                                   "(you entered 1041 weeks).")


# Language switch (issue 13: parts of the page stayed in the old language for 3–6 s) --------------

def _chinese_left(planner) -> list[str]:
    """Chinese text a person sees, apart from the language toggle's own 中文 button (chart spec included)."""
    import json
    import re

    from ccskills.workbooks._visible import visible_text

    text = visible_text(planner).replace("中文", "") + planner.queue.label + planner.period.label
    text += json.dumps(planner.chart.chart.to_dict(), ensure_ascii=False) if planner.chart else ""
    return re.findall(r".{0,12}[\u4e00-\u9fff].{0,12}", text)


def test_switching_language_relabels_the_plan_in_one_pass_without_planning_again(monkeypatch):
    planner = build_hiring_planner("zh")
    runs, plan = planner.runs, planner.plan
    monkeypatch.setattr(app_module, "hiring_plan", lambda *a, **k: pytest.fail("planned again on a language switch"))
    seen_at_title = []
    planner.title.observe(lambda change: seen_at_title.append(_chinese_left(planner)), names="value")
    planner.language.value = "en"
    assert planner.runs == runs and planner.plan is plan
    assert seen_at_title == [[]]  # when the English title shows, everything else is English already
    assert planner.shown("total_hires") == f"{int(plan.classes['hires'].sum())} people"
    assert planner.status_text.startswith(f"Done: {len(plan.classes)} classes, {int(plan.classes['hires'].sum())} hires.")
    assert 'download="hiring_plan.xlsx"' in planner.download.value
    planner.language.value = "zh"
    assert planner.shown("total_hires") == f"{int(plan.classes['hires'].sum())} 人" and planner.runs == runs


def test_typed_weeks_are_relabelled_week_n_in_the_other_language():
    planner = build_hiring_planner("zh")
    planner.source.value = "typed"
    planner.typed.value = "72, 72, 72, 72, 80, 80, 80, 80, 80, 80"
    assert "<td>第 1 周</td>" in planner.table.value
    planner.language.value = "en"
    assert _chinese_left(planner) == []
    assert "<td>week 1</td>" in planner.table.value


def test_every_card_says_what_its_number_means(app):
    """Issue 13: a short explanation on each result card, in the page's language."""
    from ccskills.apps._hiring_text import CARDS, t

    for name in CARDS:
        assert '<div class="ccs-card-note">' in app.cards[name].value, name
        assert t(f"note_{name}", "zh")[:8] in app.cards[name].value, name
