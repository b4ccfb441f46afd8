"""One input as a report and a workbook show it, the Excel formats by unit, and a cell as text.

:class:`Setting` is the row every calculator's inputs sheet and one-page report share
(``apps._workbook`` re-exports it). :func:`format_cell` turns a value and its Excel number
format into the text a person reads on screen or paper, so the HTML comparison table, the PDF
and the workbook show the same number the same way.
"""

from __future__ import annotations

import datetime
import math
import re
from typing import NamedTuple

from ccskills.formatting import EMPTY, format_percent

__all__ = ["Setting", "PERCENT", "SECONDS", "COUNT", "NUMBER", "format_cell", "is_number"]

PERCENT, SECONDS, COUNT, NUMBER = "0.0%", "#,##0.0", "#,##0", "#,##0.00"
"""Excel formats: fractions as percent, seconds with one decimal, counts, other numbers."""

_YES_NO = (("是", "否"), ("Yes", "No"))


class Setting(NamedTuple):
    """One input: its label on screen, the value (a fraction for a percent), unit, Excel format."""

    label: str
    value: object
    unit: str = ""
    fmt: str | None = None


def is_number(value) -> bool:
    """True for an int or float (numpy included), False for bool, text and None."""
    import numbers

    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _decimals(fmt: str) -> int:
    """How many decimals an Excel number format shows: ``"#,##0.0"`` → 1, ``"0%"`` → 0."""
    found = re.search(r"\.([0#]+)", fmt)
    return len(found.group(1)) if found else 0


def _moment(value) -> str:
    """A date as YYYY-MM-DD, a time of day as HH:MM, a datetime as both (no "00:00:00")."""
    if isinstance(value, datetime.datetime):
        if (value.hour, value.minute, value.second) == (0, 0, 0):
            return value.strftime("%Y-%m-%d")
        return value.strftime("%Y-%m-%d %H:%M")
    return value.strftime("%H:%M") if isinstance(value, datetime.time) else value.strftime("%Y-%m-%d")


def format_cell(value, fmt: str | None = None, lang: str = "zh") -> str:
    """``value`` as text in the look of Excel format ``fmt`` (thousands separators, decimals, percent).

    None/NaN/NaT → "—", infinity → "∞", booleans → 是/否 (Yes/No), dates as 2026-03-02 (with 08:15
    when not midnight), lists joined by commas; without a
    format, integers get thousands separators and other numbers up to two decimals.

    >>> format_cell(0.8123, "0.0%"), format_cell(12345.678, "#,##0"), format_cell(2.5), format_cell(None)
    ('81.2 %', '12,346', '2.5', '—')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)) or str(value) == "NaT":
        return EMPTY
    if isinstance(value, bool) or getattr(getattr(value, "dtype", None), "kind", "") == "b":
        return _YES_NO[1 if lang == "en" else 0][0 if value else 1]
    if isinstance(value, (list, tuple)):
        return ", ".join(format_cell(v, fmt, lang) for v in value)
    if isinstance(value, (datetime.date, datetime.time)):
        return _moment(value)
    if not is_number(value):
        return str(value)
    number = float(value)
    if math.isinf(number):
        return "∞" if number > 0 else "-∞"
    if fmt and fmt.endswith("%"):
        return format_percent(number, _decimals(fmt))
    if fmt and "0" in fmt:
        text = f"{number:,.{_decimals(fmt)}f}"
    elif number.is_integer():
        text = f"{int(number):,}"
    else:
        text = f"{number:,.2f}".rstrip("0").rstrip(".")
    return text[1:] if re.fullmatch(r"-0(\.0*)?", text) else text  # never "-0.0"
