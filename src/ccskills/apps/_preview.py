"""What an upload was read as: one line of counts, the columns recognised, the first rows.

Shown under every upload so a manager sees at once whether the file was understood
("读取 sales.xlsx：1,234 行（跳过 3 行），日期 2026-01-01 至 2026-03-31"). All user text
(file name, headers, cells) is HTML-escaped; long cells are cut.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping

import pandas as pd

from ccskills.reports._cells import format_cell, is_number

__all__ = ["preview_html", "PREVIEW_TEXT", "PREVIEW_ROWS", "PREVIEW_CSS"]

PREVIEW_ROWS = 5
"""Rows of the file shown."""
_CELL_CHARS = 40
_NUM = ' class="ccs-num"'
_MAX_COLUMNS = 12

PREVIEW_TEXT: dict[str, tuple[str, str]] = {
    "read": ("读取 {source}：{rows} 行", "Read {source}: {rows} {row_word}"),
    "skipped": ("（跳过 {n} 行）", " ({n} skipped)"),
    "dates": ("，日期 {first} 至 {last}", ", dates {first} to {last}"),
    "columns": ("识别的列：", "Columns recognised: "),
    "arrow": (" → ", " → "),
    "sep": ("；", "; "),
    "first_rows": ("前 {n} 行：", "First {n} rows:"),
    "more_columns": ("（另有 {n} 列未显示）", "({n} more columns not shown)"),
    "empty": ("文件中没有数据行。", "The file has no data rows."),
}
"""Key → (zh, en)."""

PREVIEW_CSS = """<style>
.ccs-upload-preview { font-size: 13px; margin: 6px 0; }
.ccs-upload-preview table { border-collapse: collapse; font-size: 12px; margin-top: 4px; }
.ccs-upload-preview th, .ccs-upload-preview td { padding: 2px 6px; border-bottom: 1px solid #e5e7eb; text-align: left; }
.ccs-upload-preview td.ccs-num { text-align: right; }
.ccs-preview-scroll { overflow-x: auto; max-width: 100%; }
</style>"""


def _t(key: str, lang: str, **fields) -> str:
    return PREVIEW_TEXT[key][1 if lang == "en" else 0].format(**fields)


def _day(value) -> str:
    """A date as YYYY-MM-DD (text kept as given)."""
    if isinstance(value, str):
        return value
    return pd.Timestamp(value).strftime("%Y-%m-%d")


def _cut(text: str) -> str:
    return text if len(text) <= _CELL_CHARS else text[: _CELL_CHARS - 1] + "…"


def _summary(lang: str, source: str, rows_read: int, rows_skipped: int, date_range) -> str:
    line = _t("read", lang, source=source, rows=f"{rows_read:,}", row_word="row" if rows_read == 1 else "rows")
    if rows_skipped:
        line += _t("skipped", lang, n=f"{rows_skipped:,}")
    if date_range is not None and len(date_range) == 2 and all(d is not None for d in date_range):
        line += _t("dates", lang, first=_day(date_range[0]), last=_day(date_range[1]))
    return line


def _columns(columns: Mapping[str, str], lang: str) -> str:
    pairs = _t("sep", lang).join(f"{html.escape(str(k))}{_t('arrow', lang)}{html.escape(str(v))}"
                                  for k, v in columns.items())
    return f'<div class="ccs-preview-columns">{html.escape(_t("columns", lang))}{pairs}</div>'


def _numeric(value) -> bool:
    """A number, or text that reads as one ("1,234", "12.5"): right-aligned."""
    if is_number(value):
        return True
    try:
        float(str(value).replace(",", "").strip())
    except ValueError:
        return False
    return bool(str(value).strip())


def _rows(frame: pd.DataFrame, lang: str) -> str:
    if frame is None or len(frame) == 0:
        return f'<div class="ccs-preview-empty">{html.escape(_t("empty", lang))}</div>'
    shown = frame.iloc[:PREVIEW_ROWS, :_MAX_COLUMNS]
    head = "".join(f"<th>{html.escape(_cut(str(c)))}</th>" for c in shown.columns)
    body = []
    for row in shown.itertuples(index=False):
        cells = "".join(f"<td{_NUM if _numeric(v) else ''}>{html.escape(_cut(format_cell(v, None, lang)))}</td>"
                        for v in row)
        body.append(f"<tr>{cells}</tr>")
    extra = len(frame.columns) - len(shown.columns)
    more = f'<div class="ccs-hint">{html.escape(_t("more_columns", lang, n=extra))}</div>' if extra else ""
    caption = html.escape(_t("first_rows", lang, n=len(shown)))
    return (f'<div class="ccs-preview-caption">{caption}</div><div class="ccs-preview-scroll">'
            f'<table class="ccs-preview-table"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table></div>{more}")


def preview_html(frame: pd.DataFrame, lang: str = "zh", *, source: str, rows_read: int, rows_skipped: int = 0,
                 columns: Mapping[str, str] | None = None, date_range: tuple | None = None,
                 notes: Iterable[str] = ()) -> str:
    """An HTML block (class ``ccs-upload-preview``): what was read in one line, which file columns
    became which field (``columns``: file header → field label), the first 5 rows, then ``notes``
    (sentences in ``lang``, e.g. from :func:`ccskills.io.upload_notes`).

    >>> block = preview_html(pd.DataFrame({"日期": ["2026-01-01"], "来电": ["12"]}), "zh", source="a<b>.csv",
    ...                      rows_read=1234, rows_skipped=3, date_range=("2026-01-01", "2026-03-31"))
    >>> "读取 a&lt;b&gt;.csv：1,234 行（跳过 3 行），日期 2026-01-01 至 2026-03-31" in block
    True
    """
    summary = html.escape(_summary(lang, str(source), int(rows_read), int(rows_skipped or 0), date_range))
    parts = [PREVIEW_CSS, f'<div class="ccs-upload-preview"><div class="ccs-preview-summary">{summary}</div>']
    if columns:
        parts.append(_columns(columns, lang))
    parts.append(_rows(frame, lang))
    notes = [n for n in notes if str(n).strip()]
    if notes:
        items = "".join(f"<li>{html.escape(str(n))}</li>" for n in notes)
        parts.append(f'<ul class="ccs-preview-notes">{items}</ul>')
    parts.append("</div>")
    return "".join(parts)
