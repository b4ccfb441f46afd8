"""Tests for ccskills.kpi_charts (presentation): formatted report, Excel report, chart specs.

Values shown must be the report's numbers formatted (checked against the unformatted
table); the Excel workbook is opened with openpyxl; charts are checked as vega-lite specs
(layers and data), without a browser.
"""

from __future__ import annotations

import io
import re

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
    assert list(shown.columns) == ["indicator", "target", "Aftersales", "Presales", "total", "previous",
                                   "change"]


def test_display_names_the_queues_as_people_do(report):
    assert list(report_display(report, "zh").columns) == ["指标", "目标", "售后", "售前", "合计", "上期", "变化"]


WEEK = ("2026-03-09", "2026-03-16")


def _week_counts():
    """Independent of the report: the sample week's offered and abandoned calls counted from the records."""
    records = load_call_records()
    week = records[(records["arrival"] >= WEEK[0]) & (records["arrival"] < WEEK[1])]
    offered = week["outcome"].isin(["answered", "abandoned"])
    return int(offered.sum()), int((week["outcome"] == "abandoned").sum())


def _row(ws, name):
    return next(row for row in ws.iter_rows(min_row=2) if row[0].value == name)


def test_excel_report_has_the_table_definitions_and_inputs(report, tmp_path):
    book = openpyxl.load_workbook(io.BytesIO(report_excel_bytes(report, "zh")))
    assert book.sheetnames == ["周报 2026-03-09", "指标定义", "输入参数"]
    assert book["周报 2026-03-09"]["A1"].value == "指标"
    path = write_report_excel(tmp_path / "weekly.xlsx", report, "en")
    assert openpyxl.load_workbook(path).sheetnames == ["Weekly report 2026-03-09", "Definitions", "Inputs"]
    assert list(report_sheets(report, "en")) == ["Weekly report 2026-03-09", "Definitions", "Inputs"]


def test_excel_report_numbers_are_numbers_with_formats(report):
    """issue 13: the KPI table held text ("🟢 0.0%", "9,459"); now numbers, their format, status apart."""
    offered, abandoned = _week_counts()
    ws = openpyxl.load_workbook(io.BytesIO(report_excel_bytes(report, "zh")))["周报 2026-03-09"]
    header = [c.value for c in ws[1]]
    assert header[:4] == ["指标", "单位", "目标", "方向"] and "合计状态" in header and "售前状态" in header
    total, status = header.index("合计"), header.index("合计状态")
    calls = _row(ws, "来话量")
    assert calls[total].value == offered and calls[total].data_type == "n" and calls[total].number_format == "#,##0"
    rate = _row(ws, "放弃率")
    assert rate[total].value == pytest.approx(abandoned / offered, abs=1e-12)
    assert rate[total].data_type == "n" and rate[total].number_format == "0.0%"
    assert rate[header.index("目标")].value == 0.05 and rate[header.index("目标")].number_format == "0.0%"
    assert rate[status].value == {"green": "达标", "amber": "接近目标", "red": "未达标"}[
        report.status.loc["abandonment_rate", "total"]]
    asa = _row(ws, "平均应答速度")
    assert isinstance(asa[total].value, float) and asa[total].number_format == "#,##0.0"
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):  # text is words, never a number or a mark
                assert not re.match(r"^[🟢🟡🔴]|^[-+]?[\d,]*\d(\.\d+)?\s*(%|pp|s|秒)?$", cell.value), cell.coordinate


def test_excel_report_definitions_and_inputs_stand_alone(report):
    book = openpyxl.load_workbook(io.BytesIO(report_excel_bytes(report, "en")))
    definitions = book["Definitions"]
    assert [c.value for c in definitions[1]] == ["Indicator", "Formula", "Unit", "Direction", "Target",
                                                 "Amber edge"]
    sl = _row(definitions, "Service level")
    assert sl[4].value == kpi.indicator("service_level").target and sl[4].number_format == "0.0%"
    assert sl[1].value == kpi.indicator("service_level").formula_en
    inputs = {row[0].value: row[1].value for row in book["Inputs"].iter_rows(min_row=2)}
    assert inputs["Report"] == "Weekly report" and inputs["Groups"] == "Aftersales, Presales"
    assert inputs["Period"] == "week of 2026-03-09" and inputs["Previous period"] == "week of 2026-03-02"


def test_a_chinese_report_workbook_has_no_english_words(report):
    book = openpyxl.load_workbook(io.BytesIO(report_excel_bytes(report, "zh")))
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    words = set(re.findall(r"[A-Za-z_]{3,}", cell.value)) - {"AHT", "ASA", "FCR", "CSAT", "NPS"}
                    assert not words, (ws.title, cell.coordinate, cell.value)


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
