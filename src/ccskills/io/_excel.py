"""Writing the Excel and CSV files managers open, with uploaded text kept as text.

**Formula injection.** A queue or feature name that a user typed, such as
``=HYPERLINK("http://x"&A1,"click")``, must come back as that text, never as a live
formula. :func:`excel_bytes` stores every text cell as a string cell (openpyxl would
store any text starting with ``=`` as a formula, and ``#DIV/0!`` as an error), and
marks text starting with ``= + - @``, a tab or a carriage return with Excel's
"quote prefix" so that editing the cell does not turn it into a formula either.
:func:`csv_bytes` follows OWASP for CSV: such cells get a leading apostrophe.
:func:`neutralise_text` is that one rule. Numbers stay numbers.

**Sheet names** (:func:`safe_sheet_names`): ``/ \\ ? * [ ] :`` become ``_``, names are
cut to Excel's 31 characters, and names that would then be equal (Excel ignores
case) get ``~2``, ``~3``: never two tables merged into one sheet.

**Control characters** (NUL and the like) cannot be stored in .xlsx; they are removed
from text cells.

**A workbook that computes.** Every sheet has its header row bold and frozen, an autofilter
over its table and a print setup (A4, landscape when it has more than
:data:`PORTRAIT_MAX_COLUMNS` columns, fitted to one page wide, the header repeated on each
page). Numbers stay numbers: whole-number columns get ``#,##0``, other number columns
``#,##0.00`` unless ``number_formats`` says otherwise (``"0.0%"`` for fractions);
``row_formats`` gives a format per data row where the rows are different quantities (a KPI
table: one indicator per row). Date columns whose times are all midnight show as
``yyyy-mm-dd``, other datetimes as ``yyyy-mm-dd hh:mm``.
"""

from __future__ import annotations

import io as _io
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from ._atomic import write_bytes_atomic

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""Text starting with one of these would be read as a formula by Excel (OWASP CSV injection)."""

_PLAIN_NUMBER = re.compile(r"[+-]?(\d[\d,]*)?(\.\d+)?([eE][+-]?\d+)?")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SHEET_FORBIDDEN = re.compile(r"[/\\?*\[\]:]")
_SHEET_MAX = 31
PORTRAIT_MAX_COLUMNS = 6
"""Sheets with more columns print in landscape."""


def _risky(text: str) -> bool:
    return text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text)


def neutralise_text(value):
    """``value`` made safe for a CSV cell: text that Excel would run as a formula gets a leading ``'``.

    Plain numbers written as text (``-3``, ``+1.5``) and non-text values are left alone.

    >>> [neutralise_text(v) for v in ["=1+1", "@SUM(A1)", "-3", "-1+2", "售前", 5]]
    ["'=1+1", "'@SUM(A1)", '-3', "'-1+2", '售前', 5]
    """
    return "'" + value if isinstance(value, str) and _risky(value) else value


def safe_sheet_names(names) -> list[str]:
    """Excel-safe, distinct sheet names for ``names`` (see the module notes), in order.

    >>> safe_sheet_names(["a/b", "x" * 40, "x" * 31 + "y", "A/B"])
    ['a_b', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxx~2', 'A_B~2']
    """
    out, taken = [], set()
    for name in names:
        base = _SHEET_FORBIDDEN.sub("_", str(name)).strip().strip("'")[:_SHEET_MAX] or "Sheet"
        candidate, number = base, 1
        while candidate.lower() in taken:
            number += 1
            suffix = f"~{number}"
            candidate = base[:_SHEET_MAX - len(suffix)] + suffix
        taken.add(candidate.lower())
        out.append(candidate)
    return out


def _clean_text(value):
    return _ILLEGAL.sub("", value) if isinstance(value, str) else value


def _text_safe(table: pd.DataFrame) -> pd.DataFrame:
    """Control characters removed from text cells and headers (openpyxl refuses them)."""
    out = table.rename(columns=lambda c: _clean_text(c) if isinstance(c, str) else c)
    for column in out.columns:
        if not (pd.api.types.is_numeric_dtype(out[column]) or pd.api.types.is_datetime64_any_dtype(out[column])):
            out[column] = out[column].map(_clean_text, na_action="ignore")
    return out


def _as_strings(ws) -> None:
    """Every text cell a string cell (never a formula or an error), risky ones with a quote prefix."""
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"
                if _risky(cell.value):
                    cell.quotePrefix = True


def excel_bytes(sheets: Mapping[str, pd.DataFrame], *, index: bool = False,
                number_formats: Mapping[str, Mapping[str, str]] | None = None,
                row_formats: Mapping[str, Sequence[str | None]] | None = None) -> bytes:
    """An .xlsx workbook with one sheet per entry, header bold and frozen, columns sized to fit,
    an autofilter and an A4 print setup (see the module notes).

    ``number_formats`` maps sheet (as given) → column → Excel format (``"0.0%"``,
    ``"#,##0"``); ``row_formats`` maps sheet → one format (or None) per data row, used for
    that row's number cells in columns without a format of their own. Sheet names are made
    safe by :func:`safe_sheet_names`; datetimes keep their type; text is always stored as
    text (see the module notes).

    >>> import zipfile
    >>> data = excel_bytes({"Q/1": pd.DataFrame({"queue": ['=HYPERLINK("http://x","go")'], "calls": [3]})})
    >>> sheet = zipfile.ZipFile(_io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    >>> b"<f>" in sheet, b"HYPERLINK" in sheet
    (False, True)
    """
    if not sheets:
        raise ValueError("sheets must hold at least one table, got none")
    buffer = _io.BytesIO()
    writer = pd.ExcelWriter(buffer, engine="openpyxl")
    try:
        _fill_workbook(writer, sheets, index, number_formats or {}, row_formats or {})
    except BaseException:
        writer.book.close()  # discard: nothing is saved, the caller sees the original error
        raise
    writer.close()
    return buffer.getvalue()


def _fill_workbook(writer, sheets, index: bool, number_formats, row_formats) -> None:
    for name, sheet_name in zip(sheets, safe_sheet_names(sheets)):
        table = _text_safe(sheets[name].reset_index() if index else sheets[name])
        table.to_excel(writer, sheet_name=sheet_name, index=False)
        ws = writer.sheets[sheet_name]
        ws.freeze_panes = "A2"
        _as_strings(ws)
        _format_columns(ws, table, number_formats.get(name, {}))
        _format_rows(ws, table, number_formats.get(name, {}), row_formats.get(name))
        _table_setup(ws, table)


def _default_format(values: pd.Series) -> str | None:
    """The format a column gets when none is given: thousands for numbers, dates without 00:00."""
    if pd.api.types.is_bool_dtype(values):
        return None
    if pd.api.types.is_integer_dtype(values):
        return "#,##0"
    if pd.api.types.is_float_dtype(values):
        finite = values.dropna()
        whole = len(finite) > 0 and bool((finite == finite.round()).all()) and finite.abs().max() < 1e15
        return "#,##0" if whole else "#,##0.00"
    if pd.api.types.is_datetime64_any_dtype(values):
        times = values.dropna()
        midnight = len(times) > 0 and bool((times == times.dt.normalize()).all())
        return "yyyy-mm-dd" if midnight else "yyyy-mm-dd hh:mm"
    return None


def _format_columns(ws, table: pd.DataFrame, formats: Mapping[str, str]) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    for position, column in enumerate(table.columns, start=1):
        letter = get_column_letter(position)
        ws[f"{letter}1"].font = Font(bold=True)
        values = [str(v) for v in table[column].head(200)] + [str(column)]
        width = max(len(v) + sum(1 for ch in v if ord(ch) > 0x2E7F) for v in values)
        ws.column_dimensions[letter].width = min(max(width + 2, 8), 60)
        fmt = formats.get(column) or _default_format(table[column])
        if fmt:
            for cell in ws[letter][1:]:
                if not isinstance(cell.value, str):
                    cell.number_format = fmt


def _format_rows(ws, table: pd.DataFrame, formats: Mapping[str, str], rows: Sequence[str | None] | None) -> None:
    """Each data row's number and date cells in the format given for that row (columns with
    their own format kept)."""
    import datetime as _dt

    if not rows:
        return
    free = [i for i, c in enumerate(table.columns, start=1) if c not in formats]
    for number, fmt in enumerate(rows, start=2):
        if not fmt:
            continue
        for position in free:
            cell = ws.cell(row=number, column=position)
            if isinstance(cell.value, (int, float, _dt.date)) and not isinstance(cell.value, bool):
                cell.number_format = fmt


def _table_setup(ws, table: pd.DataFrame) -> None:
    """Autofilter over the table; A4, portrait or landscape, one page wide, header on every page."""
    if len(table.columns):
        ws.auto_filter.ref = ws.dimensions
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if len(table.columns) > PORTRAIT_MAX_COLUMNS else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


def write_excel(path, sheets: Mapping[str, pd.DataFrame], *, overwrite: bool = False, **options) -> Path:
    """Write :func:`excel_bytes` to ``path`` atomically: a failure leaves no half-written file.

    An existing file is replaced only with ``overwrite=True``; otherwise
    ``FileExistsError`` names the path (nothing is written). The workbook is built in
    memory, written to a temporary file in the same folder, flushed to disk and
    renamed over ``path``. Returns the path.
    """
    target = Path(path)
    if not overwrite and target.exists():
        from ._atomic import _exists_error

        raise _exists_error(target)
    return write_bytes_atomic(target, excel_bytes(sheets, **options), overwrite=overwrite)


def csv_bytes(frame: pd.DataFrame, *, index: bool = False) -> bytes:
    """``frame`` as CSV for Excel: UTF-8 with a byte-order mark, text cells neutralised (:func:`neutralise_text`).

    >>> csv_bytes(pd.DataFrame({"队列": ["=cmd|' /C calc'!A0", "售前"], "来电": [-3, 5]})).decode("utf-8-sig")
    "队列,来电\\r\\n'=cmd|' /C calc'!A0,-3\\r\\n售前,5\\r\\n"
    """
    table = frame.reset_index() if index else frame
    safe = table.rename(columns=neutralise_text)
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise_text, na_action="ignore")
    return safe.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")
