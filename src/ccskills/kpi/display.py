"""How a KPI value and its status read as text: the RAG mark and the value in the indicator's unit.

Shared by the KPI charts and tables (:mod:`ccskills.kpi_charts`) and the KPI dashboard, which is
why it sits here, below both, rather than in either.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .registry import indicator

__all__ = ["RAG_MARKS", "format_value"]

#: A mark per status, readable without colour.
RAG_MARKS = {"green": "🟢", "amber": "🟡", "red": "🔴"}


def format_value(id: str, value, change: bool = False) -> str:
    """``value`` of indicator ``id`` as text: percent, seconds, CNY, calls or score ('' if missing).

    >>> format_value("service_level", 0.8123), format_value("asa_s", 12.34), format_value("offered", 1234)
    ('81.2%', '12.3 s', '1,234')
    >>> format_value("service_level", -0.0123, change=True)
    '-1.2 pp'
    """
    if value is None or (isinstance(value, float) and np.isnan(value)) or pd.isna(value):
        return ""
    unit, sign = indicator(id).unit, "+" if change else ""
    if unit == "fraction":
        return f"{value * 100:{sign}.1f} pp" if change else f"{value:.1%}"
    if unit == "seconds":
        return f"{value:{sign}.1f} s"
    if unit == "calls":
        return f"{value:{sign},.0f}"
    if unit.startswith("CNY"):
        return f"{value:{sign},.2f} 元" + ("/h" if unit == "CNY/hour" else "")
    return f"{value:{sign}.1f}"
