"""How a KPI value and its status read as text: the RAG mark, the value in the indicator's unit,
and the word a learner reads for a code (:func:`label`).

Shared by the KPI charts and tables (:mod:`ccskills.kpi_charts`) and the KPI dashboard, which is
why it sits here, below both, rather than in either.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._validation import check_lang
from ..i18n import LANGUAGES, QUEUE_NAMES, STATUS_NAMES
from .registry import REGISTRY, indicator

__all__ = ["OTHER_KPI_NAMES", "RAG_MARKS", "UNIT_NAMES", "format_value", "target_text", "unit_name", "label"]

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


#: The word for each registry unit (zh, en), as a table's unit column shows it.
UNIT_NAMES = {"fraction": ("比率", "fraction"), "seconds": ("秒", "seconds"), "score": ("分", "score"),
              "CNY": ("元", "CNY"), "CNY/hour": ("元/小时", "CNY/hour"), "calls": ("通", "calls"),
              "responses": ("份", "responses")}


def unit_name(unit: str, lang: str = "zh") -> str:
    """The word for a registry ``unit`` in ``lang`` (比率 for "fraction"); an unknown unit as given.

    >>> unit_name("fraction"), unit_name("seconds", "en"), unit_name("CNY/hour")
    ('比率', 'seconds', '元/小时')
    """
    return UNIT_NAMES.get(unit, (unit, unit))[check_lang(lang) == "en"]


_REGISTRY_TARGET = object()


def target_text(id: str, target=_REGISTRY_TARGET, *, missing: str = "") -> str:
    """A target of indicator ``id`` as text: "≥ 80.0%", "≤ 30.0 s", a band "75.0%–85.0%".

    ``target`` defaults to the registry's usual target; ``missing`` is what a missing target
    (None or NaN) reads as. The sign follows the indicator's direction (none for a volume).

    >>> target_text("service_level"), target_text("asa_s"), target_text("occupancy")
    ('≥ 80.0%', '≤ 30.0 s', '75.0%–85.0%')
    >>> target_text("service_level", 0.9), target_text("offered", missing="—")
    ('≥ 90.0%', '—')
    """
    if target is _REGISTRY_TARGET:
        target = indicator(id).target
    if isinstance(target, tuple):
        return "–".join(format_value(id, t) for t in target)
    if target is None or pd.isna(target):
        return missing
    return {"higher": "≥ ", "lower": "≤ "}.get(indicator(id).direction, "") + format_value(id, target)


OTHER_KPI_NAMES: dict[str, tuple[str, str]] = {"qa_points_lost": ("质检失分", "QA points lost")}
"""Measures a plan may name that are not registry indicators (coaching's mean QA points lost
per evaluation, :func:`ccskills.coaching.targets_from_qa`) → (Chinese, English)."""


def label(code, lang: str = "zh"):
    """The word a learner reads for ``code``: a KPI id's registry name (一次解决率 for ``fcr_rate``),
    a queue's name (售前 for ``presales``), a status word (在轨 for ``on_track``); anything else,
    including non-text values, comes back unchanged, so ``frame.rename(columns=label)`` leaves
    other columns as they are.

    >>> label("fcr_rate"), label("presales"), label("aht_s", "en"), label("on_track"), label("合计")
    ('一次解决率', '售前', 'Average handle time (AHT)', '在轨', '合计')
    """
    check_lang(lang)
    if not isinstance(code, str):
        return code
    k = LANGUAGES.index(lang)
    for names in (QUEUE_NAMES, STATUS_NAMES, OTHER_KPI_NAMES):
        if code in names:
            return names[code][k]
    if code in REGISTRY:
        return (REGISTRY[code].name_zh, REGISTRY[code].name_en)[k]
    return code
