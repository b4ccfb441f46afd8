"""The SMART plan builder's report (issue 13): one page, the plan's inputs, the baseline checked against
pandas on the committed records, each letter's verdict, the follow-up table, the five checks in words."""

from __future__ import annotations

from widget_text import CHINESE, flat, report_pages

from ccskills.apps._smart_plan_text import reason
from ccskills.apps.smart_plan import build_smart_plan_builder
from ccskills.datasets import load_call_records


def test_one_page_with_the_plan_verdicts_and_follow_up():
    calls = load_call_records()
    answered = calls[(calls["agent_id"] == "A022") & (calls["outcome"] == "answered")]
    baseline = round((answered["talk_s"] + answered["hold_s"] + answered["acw_s"]).mean())  # AHT, by hand
    app = build_smart_plan_builder("zh")
    app.actuals.value = "470, 455, 440"
    pages = report_pages(app)
    assert len(pages) == 1
    text = flat(pages[0])
    assert "SMART改进计划：A022" in text
    assert f"基线{baseline:,.1f}秒" in text
    assert "开始日期2026-04-01" in text and "截止日期2026-04-29" in text
    assert text.count("✓") >= 5 and "3次中1次在轨" in text
    for verdict in app.check.verdicts:  # each letter's sentence, the KPI named (not its id)
        assert flat(reason(verdict, "zh", "aht_s", "平均处理时长")) in text
    assert "92天" in text and "最好的四分之一" in text


def test_english_report_and_none_for_a_wrong_plan():
    app = build_smart_plan_builder("en")
    text = report_pages(app)[0]
    assert "SMART improvement plan: A022" in text and CHINESE.findall(text) == []
    app.numbers["target"].value = "abc"
    assert app.report_content() is None and report_pages(app) == []
