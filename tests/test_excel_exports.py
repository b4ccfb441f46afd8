"""Every calculator's Excel download, opened with openpyxl (issue 13, "Excel that computes"):
numbers stored as numbers with number/percent/date formats, status as its own text column,
dates without 00:00:00, a frozen header, an autofilter, an A4 print setup fitted to the page
width, an inputs sheet so a file sent on stands alone, and one language per workbook."""

from __future__ import annotations

import base64
import datetime as dt
import io
import re

import openpyxl
import pytest

from ccskills.apps.erlang import build_erlang_calculator
from ccskills.apps.hiring import build_hiring_planner
from ccskills.apps.kano import build_kano_analyser
from ccskills.apps.kpi_dashboard import build_kpi_dashboard
from ccskills.apps.planner import build_workforce_planner
from ccskills.apps.qa import build_qa_calculator
from ccskills.apps.smart_plan import build_smart_plan_builder

INPUTS_SHEET = {"zh": "输入参数", "en": "Inputs"}

LEAKS = {"optimal", "break", "lunch", "total", "green", "amber", "red", "on_track", "aht_s", "asa_s",
         "true", "false", "nan", "none", "unassigned", "time_limit", "gap_limit", "feasible", "auto",
         "item", "value", "week", "answered", "abandoned", "presales", "aftersales", "agents",
         "calls", "required", "scheduled", "status", "period", "group", "category", "count", "share",
         "must_be", "attractive", "indifferent", "reverse", "questionable", "one_dimensional"}
"""English words (and identifiers) that leaked into Chinese workbooks or could: never in a zh cell."""
ALLOWED_ASCII = {"AHT", "ASA", "FCR", "CSAT", "NPS", "CES", "SL", "FTE", "WAPE", "MAPE", "KPI", "ICC", "QA",
                 "Erlang", "SMART", "Kano", "Holt", "Winters", "p", "A", "B", "C", "h"}
TEXT_NUMBER = re.compile(r"^[🟢🟡🔴●]|^[-+]?[\d,]*\d(\.\d+)?\s*(%|pp|s|秒|人)?$")
"""A text cell that is really a number (or a number with a status mark): Excel cannot compute with it."""


def _book(link_html: str) -> openpyxl.Workbook:
    href = link_html.split('href="', 1)[1].split('"', 1)[0]
    return openpyxl.load_workbook(io.BytesIO(base64.b64decode(href.split("base64,", 1)[1])))


def _planner(lang):
    app = build_workforce_planner(lang)
    app.method.value = "historical_average"
    app.run()
    return app


def _kpi_by_team(lang):
    app = build_kpi_dashboard(lang)
    app.grain.value = "W"
    app.breakdown.value = "team"
    return app


BUILDERS = {
    "erlang": build_erlang_calculator, "planner": _planner, "kpi": build_kpi_dashboard,
    "kpi_team": _kpi_by_team, "hiring": build_hiring_planner, "qa": build_qa_calculator,
    "kano": build_kano_analyser, "smart_plan": build_smart_plan_builder,
}


@pytest.fixture(scope="module", params=[(name, lang) for name in BUILDERS for lang in ("zh", "en")],
                ids=lambda p: f"{p[0]}-{p[1]}")
def workbook(request):
    name, lang = request.param
    app = BUILDERS[name](lang)
    assert 'href="data:' in app.download.value, (name, app.status_text)
    return name, lang, _book(app.download.value)


def _cells(ws):
    for row in ws.iter_rows(min_row=2):
        yield from (cell for cell in row if cell.value is not None)


def test_every_export_has_an_inputs_sheet(workbook):
    name, lang, book = workbook
    assert INPUTS_SHEET[lang] in book.sheetnames, (name, book.sheetnames)
    inputs = book[INPUTS_SHEET[lang]]
    assert inputs.max_row >= 3, name  # a header and at least two settings


def test_every_sheet_has_a_frozen_header_a_filter_and_a4_print_setup(workbook):
    name, lang, book = workbook
    for ws in book.worksheets:
        assert ws.freeze_panes == "A2", (name, ws.title)
        assert ws.auto_filter.ref, (name, ws.title)
        assert ws.page_setup.paperSize in (9, "9"), (name, ws.title)  # A4
        assert ws.page_setup.orientation in ("portrait", "landscape")
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (1, "1")


def test_numbers_are_numbers_with_a_format(workbook):
    name, lang, book = workbook
    numbers = 0
    for ws in book.worksheets:
        for column in ws.iter_cols(min_row=2):
            dates = [c for c in column if isinstance(c.value, dt.datetime)]
            if dates and all(c.value.time() == dt.time(0) for c in dates):  # dates, not times
                assert all("hh" not in c.number_format for c in dates), (name, ws.title, dates[0].coordinate)
        for cell in _cells(ws):
            if isinstance(cell.value, str):
                assert not TEXT_NUMBER.match(cell.value.strip()), (name, ws.title, cell.coordinate, cell.value)
            elif isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                numbers += 1
                assert cell.data_type == "n"
                if isinstance(cell.value, float) or abs(cell.value) >= 1000:  # decimals or thousands
                    assert cell.number_format != "General", (name, ws.title, cell.coordinate, cell.value)
    assert numbers > 0, name


def test_a_chinese_workbook_has_no_english_words(workbook):
    name, lang, book = workbook
    if lang != "zh":
        return
    for ws in book.worksheets:
        words = [ws.title] + [str(c.value) for c in ws[1] if c.value is not None]
        words += [c.value for c in _cells(ws) if isinstance(c.value, str)]
        for text in words:
            for word in re.findall(r"[A-Za-z_]+", text):
                assert word.lower() not in LEAKS, (name, ws.title, text)
