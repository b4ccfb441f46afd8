"""The KPI dashboard's one-page PDF report (issue 13): one page, the view's inputs, the cards' values
checked against plain pandas on the committed records, the definitions in words, both languages."""

from __future__ import annotations

import pandas as pd
import pytest
from widget_text import CHINESE, flat, report_pages

from ccskills.apps.kpi_dashboard import build_kpi_dashboard
from ccskills.datasets import load_call_records


def _last_day():
    """Offered and SL (answered within 20 s / offered) of 2026-03-31, by hand (the dashboard's default view)."""
    calls = load_call_records()
    day = calls[calls["arrival"].dt.normalize() == pd.Timestamp("2026-03-31")]
    offered = day[day["outcome"].isin(["answered", "abandoned"])]
    answered = day[day["outcome"] == "answered"]
    abandoned = (day["outcome"] == "abandoned").sum()
    return len(offered), (answered["wait_s"] <= 20).sum() / len(offered), abandoned / len(offered)


@pytest.fixture(scope="module")
def app():
    return build_kpi_dashboard("zh")


def test_one_page_with_inputs_results_and_definitions(app):
    offered, sl, abandonment = _last_day()
    pages = report_pages(app)
    assert len(pages) == 1
    text = flat(pages[0])
    assert "KPI报告：日报2026-03-31（周二）" in text
    for label in ("数据", "报表周期", "期间", "分组", "趋势指标"):  # the workbook's inputs sheet rows
        assert label in text, label
    assert f"{offered:,}" in text and f"{sl:.1%}" in text and f"{abandonment:.1%}" in text
    assert "目标≥80.0%：达标" in text  # SL's note: the registry's target and the status
    assert "T=20秒" in text and "系统占线不计入" in text  # which SL definition
    assert "5秒内的短时放弃也计入" in text  # which abandonment definition
    assert "p图" in text


def test_english_report_after_a_switch_and_a_new_view():
    dashboard = build_kpi_dashboard("zh")
    dashboard.language.value = "en"
    dashboard.grain.value = "W"
    pages = report_pages(dashboard)
    assert len(pages) == 1
    text = pages[0]
    assert "KPI report: Weekly report" in text and "Assumptions" in text
    assert "T=20s" in flat(text) and "blockedcallsnotcounted" in flat(text)
    assert CHINESE.findall(text) == []  # one language per report


def test_no_report_without_an_answer():
    dashboard = build_kpi_dashboard("zh")
    dashboard.source.value = "upload"  # waiting for a file: no answer, no link
    assert dashboard.report_content() is None and report_pages(dashboard) == []
