"""Numbers as a person reads them: percent, seconds, plain numbers, in zh or en.

Presentation layer without widgets, shared by the calculators and the CLI. The library's
units are seconds and fractions; formatting to percent or "12.3 秒" happens only here.

>>> format_percent(0.8123), format_seconds(12.34, "en"), format_number(40)
('81.2 %', '12.3 s', '40.00')
"""

from __future__ import annotations

import math

from ccskills.i18n import text

__all__ = ["EMPTY", "format_percent", "format_seconds", "format_number"]

EMPTY = "—"


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def format_percent(fraction, digits: int = 1) -> str:
    """``0.8123`` → ``'81.2 %'``; None/NaN → ``'—'``."""
    if _missing(fraction):
        return EMPTY
    return f"{100 * float(fraction):.{digits}f} %"


def format_seconds(seconds, lang: str = "zh", digits: int = 1, short: bool = False) -> str:
    """``12.34`` → ``'12.3 秒'`` / ``'12.3 s'``; inf → the "too few agents" phrase (∞ if short)."""
    if _missing(seconds):
        return EMPTY
    if math.isinf(float(seconds)):
        return "∞" if short else text("infinite", lang)
    return f"{float(seconds):.{digits}f} {text('unit_seconds', lang)}"


def format_number(value, digits: int = 2) -> str:
    """A plain number with ``digits`` decimals (integers as integers)."""
    if _missing(value):
        return EMPTY
    if float(value).is_integer() and digits == 0:
        return f"{int(value)}"
    return f"{float(value):.{digits}f}"


