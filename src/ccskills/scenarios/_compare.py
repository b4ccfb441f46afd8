"""Scenarios side by side: inputs then results, one column per scenario, numbers kept as numbers.

:func:`compare_frame` builds the table and one Excel number format per row; the same pair
feeds :func:`compare_html` (numbers shown by :func:`ccskills.reports.format_cell`, right-
aligned) and :func:`compare_excel` (:func:`ccskills.io.excel_bytes` with those row formats).
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import pandas as pd

from ccskills.reports._cells import format_cell, is_number
from ccskills.scenarios._store import Scenario
from ccskills.scenarios._text import scenario_text

__all__ = ["compare_frame", "compare_html", "compare_excel", "compare_sheets", "input_format"]


def input_format(values: Sequence) -> str | None:
    """A number format for one input row: whole numbers "#,##0", else as many decimals (≤ 2) as needed.

    >>> input_format([100, 120]), input_format([2.5, 3]), input_format(["a"])
    ('#,##0', '#,##0.0', None)
    """
    numbers = [float(v) for v in values if is_number(v)]
    if not numbers:
        return None
    decimals = max(_decimals_needed(n) for n in numbers)
    return "#,##0" if decimals == 0 else "#,##0." + "0" * decimals


def _decimals_needed(number: float) -> int:
    for decimals in (0, 1):
        if abs(round(number, decimals) - number) < 1e-9:
            return decimals
    return 2


_SHORT = 60
"""A list or dict whose text is longer than this is shown as its count ("56 项")."""


def _cell(value, lang: str):
    """A value as a table cell: numbers and text as they are, short lists and dicts as text, long ones
    as how many items they hold (uploaded rows saved with a scenario)."""
    if isinstance(value, bool):
        return scenario_text("yes" if value else "no", lang)
    if isinstance(value, dict):
        words = ", ".join(f"{k}: {_cell(v, lang)}" for k, v in value.items())
    elif isinstance(value, (list, tuple)):
        words = ", ".join(str(_cell(v, lang)) for v in value)
    else:
        return value
    return words if len(words) <= _SHORT else scenario_text("items", lang, n=len(value))


def _keys(lists: Sequence[Sequence[str]]) -> list[str]:
    """Keys in order of first appearance over all scenarios."""
    seen: dict[str, None] = {}
    for keys in lists:
        for key in keys:
            seen.setdefault(key, None)
    return list(seen)


def compare_frame(scenarios: Sequence[Scenario], labels: Mapping[str, str], lang: str = "zh", *,
                  input_formats: Mapping[str, str] | None = None) -> tuple[pd.DataFrame, list[str | None]]:
    """The comparison table and each row's Excel number format.

    Columns: 项目/Item (``labels[key]``, else the label saved with a scenario in ``lang``, else with
    any scenario, else the key), 类别/Kind (输入/结果), then
    one column per scenario, headed by its name. Rows: every input (in the order first seen),
    then every result; a value a scenario lacks is empty. Input rows get ``input_formats[key]``
    or :func:`input_format`; result rows the format saved with the result.
    Raises ``ValueError`` naming ``scenarios`` if there are none or two share a name.
    """
    scenarios = list(scenarios)
    names = [s.name for s in scenarios]
    if not scenarios or len(set(names)) != len(names):
        raise ValueError(f"scenarios must be one or more with distinct names, got {names!r}")
    item, kind = scenario_text("item", lang), scenario_text("kind", lang)
    labels = _all_labels(scenarios, labels, lang)
    rows, formats = [], []
    for key in _keys([list(s.inputs) for s in scenarios]):
        values = [_cell(s.inputs.get(key), lang) for s in scenarios]
        rows.append([labels.get(key, key), scenario_text("kind_input", lang), *values])
        formats.append((input_formats or {}).get(key) or input_format(values))
    results = [{k: (v, f) for k, v, f in s.results} for s in scenarios]
    for key in _keys([list(r) for r in results]):
        values = [r.get(key, (None, None))[0] for r in results]
        fmt = next((r[key][1] for r in results if key in r and r[key][1]), None)
        rows.append([labels.get(key, key), scenario_text("kind_result", lang), *values])
        formats.append(fmt)
    frame = pd.DataFrame(rows, columns=[item, kind, *names], dtype=object)
    return frame, formats


def _all_labels(scenarios: Sequence[Scenario], labels: Mapping[str, str], lang: str) -> dict[str, str]:
    """``labels`` first, then those saved with scenarios in ``lang``, then those saved in another language."""
    out: dict[str, str] = {}
    for scenario in sorted(scenarios, key=lambda s: s.lang == lang):
        out.update(scenario.labels or {})
    return {**out, **labels}


def compare_html(frame: pd.DataFrame, formats: Sequence[str | None], lang: str = "zh") -> str:
    """The comparison as an HTML table (class ``ccs-compare-table``): a section row (class
    ``ccs-compare-section``) before the inputs and before the results instead of the kind column,
    every cell escaped, numbers formatted as their row's Excel format would show them and
    right-aligned (class ``ccs-num``)."""
    columns = list(frame.columns)
    head = f"<th>{html.escape(str(columns[0]))}</th>" + "".join(
        f'<th class="ccs-num">{html.escape(str(c))}</th>' for c in columns[2:])
    body, section = [], None
    for (_, row), fmt in zip(frame.iterrows(), formats):
        if row.iloc[1] != section:
            section = row.iloc[1]
            body.append(f'<tr class="ccs-compare-section"><th colspan="{len(columns) - 1}">'
                        f"{html.escape(str(section))}</th></tr>")
        cells = [f'<th scope="row">{html.escape(str(row.iloc[0]))}</th>']
        for value in row.iloc[2:]:
            css = ' class="ccs-num"' if is_number(value) else ""
            cells.append(f"<td{css}>{html.escape(format_cell(value, fmt, lang))}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    return (f'<table class="ccs-compare-table"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>")


def compare_sheets(frame: pd.DataFrame, formats: Sequence[str | None], lang: str = "zh") -> tuple[dict, dict]:
    """The sheets and :func:`ccskills.io.excel_bytes` options of the comparison workbook."""
    sheet = scenario_text("excel_file", lang)
    return {sheet: frame}, {"row_formats": {sheet: list(formats)}}


def compare_excel(frame: pd.DataFrame, formats: Sequence[str | None], lang: str = "zh") -> bytes:
    """The comparison as an .xlsx workbook (one sheet): numbers as numbers in their row's format."""
    from ccskills.io import excel_bytes

    sheets, options = compare_sheets(frame, formats, lang)
    return excel_bytes(sheets, **options)
