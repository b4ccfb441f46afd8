"""From an uploaded file to a DataFrame of strings: type, encoding, delimiter, header row, total rows.

Real exports are not tidy CSV: a title such as "2026年3月通话明细" may sit above the
header, cells may be separated by semicolons or tabs (Excel's "Unicode text"), and a
总计/合计 row may close the table. :func:`read_table` finds the header (the first row
among the first ten that fills at least half of the table's width, and at least two
cells), sniffs the delimiter, drops total rows (noting each in
``frame.attrs["ccskills_notes"]``) and keeps each data row's spreadsheet row number in
``frame.attrs["ccskills_rows"]``.
"""

from __future__ import annotations

import csv
import io as _io
import re
from pathlib import Path

import pandas as pd

from ._decode import decode_text
from ._errors import NOTES_ATTR, ROWS_ATTR, RowNumbers, UploadError, UploadNote
from ._xlsx import xlsx_rows

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
"""Uploads larger than this are refused before parsing (50 MiB)."""

TOTAL_ROW_WORDS: frozenset[str] = frozenset({
    "合计", "总计", "小计", "总和", "汇总", "合計", "總計", "小計", "total", "totals", "grand total",
    "subtotal", "sum",
})
"""A data row whose first non-empty cell is one of these (any case, a trailing colon allowed) is a
total row: it is dropped, so its numbers are not counted twice, and a note says so."""

_HEADER_SEARCH_ROWS = 10
_DELIMITERS = (",", ";", "\t", "|")
_SEP_HINT = re.compile(r"sep=(.)\r?\n")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _payload(source, filename: str | None) -> tuple[bytes, str]:
    """The raw bytes and the file name (for its extension) of a path, bytes or file-like object.

    Paths and file objects are read only up to one byte past :data:`MAX_UPLOAD_BYTES`,
    enough to refuse an oversized file without holding all of it.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), filename or ""
    if isinstance(source, (str, Path)):
        path = Path(source)
        with path.open("rb") as handle:
            return handle.read(MAX_UPLOAD_BYTES + 1), filename or path.name
    if hasattr(source, "read"):
        return source.read(MAX_UPLOAD_BYTES + 1), filename or getattr(source, "name", "") or ""
    raise TypeError(f"source must be a path, bytes or a file object, got {type(source).__name__}")


def sniff_delimiter(text: str) -> str:
    """The delimiter (``,`` ``;`` tab ``|``) that splits the first lines into the most equal, widest rows.

    >>> sniff_delimiter("a;b;c\\n1;2,5;3\\n"), sniff_delimiter("标题\\n\\na\\tb\\n1\\t2\\n")
    (';', '\\t')
    """
    lines = [line for line in text[:200_000].splitlines()[:40] if line.strip()]

    def score(sep: str) -> tuple[int, int]:
        widths = [len(row) for row in csv.reader(lines, delimiter=sep)]
        common = max(set(widths), key=widths.count) if widths else 1
        return (widths.count(common) if common > 1 else 0, common)

    return max(_DELIMITERS, key=score)


def _text_rows(text: str, suffix: str) -> list[list[str]]:
    """Rows of a text table; a first line ``sep=;`` (Excel's delimiter hint, hidden in Excel) decides."""
    hint = _SEP_HINT.match(text)
    if hint:
        return list(csv.reader(_io.StringIO(text[hint.end():], newline=""), delimiter=hint.group(1), strict=True))
    sep = "\t" if suffix == ".tsv" else sniff_delimiter(text)
    return [row for row in csv.reader(_io.StringIO(text, newline=""), delimiter=sep, strict=True)]


def _header_index(rows: list[list[str]]) -> int:
    """Position of the header: the first of the first rows with ≥ half the table's width filled."""
    filled = [sum(1 for cell in row if cell) for row in rows[:_HEADER_SEARCH_ROWS * 20]]
    width = max(filled, default=0)
    need = 1 if width <= 1 else max(2, (width + 1) // 2)
    for position, count in enumerate(filled[:_HEADER_SEARCH_ROWS]):
        if count >= need:
            return position
    return next((p for p, count in enumerate(filled) if count), 0)


def _total_rows(frame: pd.DataFrame) -> pd.Series:
    """Which rows are total rows: their first non-empty cell is one of :data:`TOTAL_ROW_WORDS`."""
    first = frame.iloc[:, 0].copy() if frame.shape[1] else pd.Series("", index=frame.index)
    for j in range(1, frame.shape[1]):
        empty = first == ""
        if not empty.any():
            break
        first[empty] = frame.iloc[:, j][empty]
    return first.str.rstrip(":：").str.strip().str.lower().isin(TOTAL_ROW_WORDS)


def _frame(rows: list[list[str]]) -> pd.DataFrame:
    """Header + data rows to a frame of strings; blank rows and total rows out, row numbers kept."""
    rows = [[str(cell).strip() for cell in row] for row in rows]
    top = _header_index(rows) if rows else 0
    width = max((len(row) for row in rows[top:]), default=0)
    header = (rows[top] if rows else []) + [""] * width
    kept = [p for p in range(top + 1, len(rows)) if any(rows[p])]
    body = [rows[p] + [""] * (width - len(rows[p])) for p in kept]
    frame = pd.DataFrame(body, columns=_column_names(header[:width]), dtype=str)
    numbers = pd.Series(kept, dtype="int64") + 1
    total = _total_rows(frame)
    notes = [UploadNote("dropped_total_row", rows=(int(n),), value=frame.iloc[p].loc[lambda r: r != ""].iloc[0])
             for p, n in zip(total.to_numpy().nonzero()[0], numbers[total.to_numpy()])]
    frame = _drop_empty_columns(frame.loc[~total.to_numpy()].reset_index(drop=True))
    if top:
        notes.insert(0, UploadNote("header_below_title", value=top + 1))
    frame.attrs[ROWS_ATTR] = RowNumbers(numbers[~total.to_numpy()].tolist())
    frame.attrs[NOTES_ATTR] = notes
    return frame


def _column_names(header: list[str]) -> list[str]:
    """Header cells as column names: BOM and spaces stripped, blanks ``Unnamed: i``, repeats ``name.1``."""
    names, seen = [], {}
    for i, cell in enumerate(header):
        name = cell.lstrip("\ufeff").strip() or f"Unnamed: {i}"
        count = seen.get(name, 0)
        seen[name] = count + 1
        names.append(f"{name}.{count}" if count else name)
    return names


def _drop_empty_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """Columns with neither a header nor a value (trailing delimiters) are dropped."""
    unnamed = [c for c in frame.columns if str(c).startswith("Unnamed: ") and (frame[c] == "").all()]
    return frame.drop(columns=unnamed)


def _check_control(frame: pd.DataFrame) -> None:
    """``control_character`` naming the first column and rows with NUL or another control character."""
    for column in frame.columns:
        bad = frame[column].str.contains(_CONTROL)
        if bad.any():
            rows = [frame.attrs[ROWS_ATTR][p] for p in bad.to_numpy().nonzero()[0]]
            raise UploadError("control_character", f"{column} must be text without control characters, "
                              f"got one in row {rows[0]}", column=str(column), rows=rows,
                              value=frame[column][bad].iloc[0])


def _file_kind(data: bytes, name: str) -> bool:
    """True for an .xlsx; :class:`UploadError` for a size or type the reader refuses."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadError("too_large", f"file must be at most {MAX_UPLOAD_BYTES} bytes, got {len(data)}",
                          value=len(data), expected=MAX_UPLOAD_BYTES)
    suffix = Path(name).suffix.lower()
    is_xlsx = data[:4] == b"PK\x03\x04"
    if suffix in (".xlsx", ".xlsm") and data[:4] == b"\xd0\xcf\x11\xe0":  # OLE: encrypted workbook
        raise UploadError("xlsx_protected", f"file must be an .xlsx without a password, got {name!r}",
                          value=name)
    if suffix == ".xls" and not is_xlsx:
        raise UploadError("file_type", f"file must be .csv or .xlsx, got {name!r} (old .xls: save as .xlsx)",
                          value=name)
    if not is_xlsx and suffix not in ("", ".csv", ".txt", ".tsv"):
        raise UploadError("file_type", f"file must be .csv or .xlsx, got {name!r}", value=name)
    return is_xlsx


def read_table(source, filename: str | None = None, *, sheet=0) -> pd.DataFrame:
    """Read an uploaded CSV or Excel file into a DataFrame of strings (empty cells are ``""``).

    ``source`` is a path, bytes or a binary file object; ``filename`` (for bytes) tells
    the type by its extension. Excel workbooks (``.xlsx``) are recognised by content
    too and checked against zip bombs first (see :func:`~ccskills.io.check_xlsx`). Text
    is decoded as UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK or Big5
    (see :func:`~ccskills.io.decode_text`); the delimiter (comma, semicolon, tab, bar)
    is sniffed. Title lines above the header are skipped, blank rows and total rows
    (:data:`TOTAL_ROW_WORDS`) dropped; ``frame.attrs["ccskills_rows"]`` holds each row's
    spreadsheet row number, ``frame.attrs["ccskills_notes"]`` what was decided
    (:func:`~ccskills.io.upload_notes` words it). Column names are stripped of spaces.
    Raises :class:`UploadError` for a wrong file type, an oversized, unreadable or
    empty file, or a control character (NUL) in a cell.

    >>> text = "2026年3月来电\\n\\n时段;来电\\n2026-03-02 08:00;12\\n合计;12\\n"
    >>> frame = read_table(text.encode("utf-8"), "h.csv")
    >>> frame.to_dict("list"), list(frame.attrs["ccskills_rows"])
    ({'时段': ['2026-03-02 08:00'], '来电': ['12']}, [4])
    """
    data, name = _payload(source, filename)
    is_xlsx = _file_kind(data, name)
    try:
        text = None if is_xlsx else decode_text(data)
        rows = xlsx_rows(data, sheet) if is_xlsx else _text_rows(text, Path(name).suffix.lower())
        if not any(cell.strip() for row in rows for cell in map(str, row)):
            raise UploadError("unreadable", "file must have a header row, got an empty file")
        frame = _frame(rows)
    except UploadError:
        raise
    except Exception as err:  # parser errors: broken zip, unknown sheet, ...
        raise UploadError("unreadable", f"file must be a readable table, got an error: {err}") from err
    if frame.empty:
        raise UploadError("empty", "file must have at least one data row, got none")
    if text is None or _CONTROL.search(text):
        _check_control(frame)
    return frame
