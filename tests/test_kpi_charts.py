"""Tests for ccskills.kpi_charts (presentation): formatted report, Excel report, chart specs.

Values shown must be the report's numbers formatted (checked against the unformatted
table); the Excel workbook is opened with openpyxl; charts are checked as vega-lite specs
(layers and data), without a browser.
"""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from ccskills import kpi, spc
from ccskills.datasets import load_call_records
from ccskills.kpi_charts import (RAG_MARKS, control_chart, format_value, pareto_chart, report_display,
                                 report_excel_bytes, report_sheets, trend_chart, write_report_excel)


@pytest.fixture(scope="module")
def report():
    return kpi.kpi_report(load_call_records(), "W", "2026-03-09")


@pytest.mark.parametrize("id, value, change, text", [
    ("service_level", 0.7614, False, "76.1%"),
    ("service_level", -0.00497, True, "-0.5 pp"),
    ("asa_s", 13.83, False, "13.8 s"),
    ("offered", 11703, False, "11,703"),
    ("offered", -540, True, "-540"),
    ("cost_per_contact", 21.4053, False, "21.41 元"),
    ("cost_per_productive_hour", 158.9, False, "158.90 元/h"),
    ("nps", 11.2, False, "11.2"),
    ("nps", float("nan"), False, ""),
])
def test_format_value(id, value, change, text):
    assert format_value(id, value, change) == text


def test_display_marks_follow_the_status(report):
    shown = report_display(report, "zh").set_index("指标")
    sl = shown.loc["服务水平"]
    assert sl["目标"] == "≥ 80.0%"
    total_status = report.status.loc["service_level", "total"]
    assert sl["合计"] == f"{RAG_MARKS[total_status]} {report.values.loc['service_level', 'total']:.1%}"
    assert shown.loc["来话量", "合计"] == f"{int(report.values.loc['offered', 'total']):,}"


def test_display_in_english(report):
    shown = report_display(report, "en")
    assert list(shown.columns) == ["indicator", "target", "aftersales", "presales", "total", "previous",
                                   "change"]


def test_excel_report_has_both_sheets(report, tmp_path):
    book = openpyxl.load_workbook(io.BytesIO(report_excel_bytes(report, "zh")))
    assert book.sheetnames == ["周报 2026-03-09", "数据"]
    assert book["周报 2026-03-09"]["A1"].value == "指标"
    path = write_report_excel(tmp_path / "weekly.xlsx", report, "en")
    assert openpyxl.load_workbook(path).sheetnames == ["weekly 2026-03-09", "data"]
    assert set(report_sheets(report, "en")) == {"weekly 2026-03-09", "data"}


def test_control_chart_spec_has_limits_and_signals():
    chart = spc.p_chart([10, 12, 30, 8], [200, 300, 250, 250])
    spec = control_chart(chart, title="放弃率").to_dict()
    assert len(spec["layer"]) == 5  # centre, LCL, UCL, values, signals
    assert spec["title"] == "放弃率"


def test_pareto_and_trend_specs():
    spec = pareto_chart(spc.pareto_table({"a": 5, "b": 30, "c": 10}), lang="en").to_dict()
    assert spec["resolve"]["scale"]["y"] == "independent"
    values = pd.Series([0.7, 0.8, 0.9], index=pd.date_range("2026-03-02", periods=3, name="period"))
    status = kpi.rag_status(values, "higher", 0.8, 0.75)
    spec = trend_chart(values, "service_level", target=0.8, status=status).to_dict()
    assert len(spec["layer"]) == 3


def test_language_is_checked(report):
    with pytest.raises(ValueError, match="lang must be 'zh' or 'en', got 'fr'"):
        report_display(report, "fr")
