"""How the Erlang calculator's answer reads: card texts, the ±5 table, the Excel sheet.

Formatting only (fractions → percent, seconds → "12.3 秒"), in the chosen language.
"""

from __future__ import annotations

import html

import numpy as np
import pandas as pd

from ccskills.apps._common import style
from ccskills.formatting import format_number, format_percent, format_seconds
from ccskills.interval_staffing import ErlangAnswer, ErlangInputs
from ccskills.i18n import text

__all__ = ["CARDS", "STYLE", "card_texts", "table_html", "excel_frame"]

CARDS = ("required_agents", "scheduled_headcount", "offered_load", "service_level", "asa",
         "p_wait", "occupancy", "abandonment")
"""Result cards in screen order; each has the CSS class ``ccs-<name with dashes>``."""

STYLE = style("""
.ccs-erlang-calculator { font-family: var(--ccs-font-family, system-ui, sans-serif); }
.ccs-required-agents .ccs-card-value, .ccs-scheduled-headcount .ccs-card-value {
  color: #1f6fb4; }
table.ccs-queue-table { border-collapse: collapse; font-size: 13px; margin-right: 24px; }
table.ccs-queue-table th, table.ccs-queue-table td { padding: 3px 8px; text-align: right;
  border-bottom: 1px solid #e5e7eb; }
table.ccs-queue-table tr.ccs-answer-row { background: #e8f1fb; font-weight: 700; }
""")
"""Styles for the calculator (system fonts; nothing fetched)."""

_PERCENT_COLUMNS = ("service_level", "p_wait", "occupancy", "abandonment")


def card_texts(answer: ErlangAnswer, inputs: ErlangInputs, lang: str) -> dict[str, tuple[str, str]]:
    """Card name → (label, value text) for ``answer``, in ``lang``."""
    people = text("unit_people", lang)
    return {
        "required_agents": (text("required_agents", lang), f"{answer.agents}"),
        "scheduled_headcount": (f"{text('scheduled_headcount', lang)} ({people})",
                                f"{answer.headcount}"),
        "offered_load": (text("offered_load", lang), format_number(answer.load)),
        "service_level": (f"{text('service_level', lang)} ({inputs.answer_time:g} "
                          f"{text('unit_seconds', lang)})", format_percent(answer.service_level)),
        "asa": (text("asa", lang), format_seconds(answer.asa, lang)),
        "p_wait": (text("p_wait", lang), format_percent(answer.p_wait)),
        "occupancy": (text("occupancy", lang), format_percent(answer.occupancy)),
        "abandonment": (text("abandonment", lang), format_percent(answer.abandonment)),
    }


def _headers(lang: str) -> list[str]:
    unit = text("unit_seconds", lang)
    return [text("agents", lang), f"{text('service_level', lang)} (%)",
            f"{text('asa_short', lang)} ({unit})", f"{text('p_wait', lang)} (%)",
            f"{text('occupancy', lang)} (%)", f"{text('abandonment', lang)} (%)"]


def _row_cells(row: pd.Series, lang: str) -> list[str]:
    return [f"{int(row['agents'])}", format_percent(row["service_level"]),
            format_seconds(row["asa"], lang, short=True), format_percent(row["p_wait"]),
            format_percent(row["occupancy"]), format_percent(row["abandonment"])]


def table_html(answer: ErlangAnswer, inputs: ErlangInputs, lang: str) -> str:
    """The ±5 table as HTML; the answer's row has class ``ccs-answer-row``."""
    keep = slice(0, 5) if inputs.patience is None else slice(None)
    head = "".join(f"<th>{html.escape(h)}</th>" for h in _headers(lang)[keep])
    rows = []
    for _, row in answer.table.iterrows():
        mark = ' class="ccs-answer-row"' if int(row["agents"]) == answer.agents else ""
        cells = "".join(f"<td>{html.escape(c)}</td>" for c in _row_cells(row, lang)[keep])
        rows.append(f"<tr{mark}>{cells}</tr>")
    caption = f"<caption>{html.escape(text('table_title', lang))}</caption>"
    return (f'<table class="ccs-queue-table">{caption}<thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def excel_frame(answer: ErlangAnswer, lang: str) -> pd.DataFrame:
    """The ±5 table for Excel: translated headers, percent and seconds rounded, inf as blank."""
    table = answer.table.copy()
    for column in _PERCENT_COLUMNS:
        table[column] = (100 * table[column]).round(2)
    table["asa"] = table["asa"].replace([np.inf, -np.inf], np.nan).round(2)
    if table["abandonment"].isna().all():
        table = table.drop(columns="abandonment")
    table.columns = _headers(lang)[: len(table.columns)]
    return table
