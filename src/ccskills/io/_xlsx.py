"""Reading an uploaded .xlsx safely: size and cell limits checked before openpyxl parses anything.

An .xlsx is a zip of XML files; a 1.5 MB file can unpack to gigabytes ("zip bomb").
Before parsing, :func:`check_xlsx` refuses a workbook whose members declare more
than :data:`MAX_XLSX_MEMBER_BYTES` each or :data:`MAX_XLSX_UNPACKED_BYTES` together,
then streams every worksheet and the shared-string table through a byte cap (a
member that unpacks to more than it declared is refused too) counting cells and
rows, and refuses more than :data:`MAX_XLSX_CELLS`. Only then does openpyxl read the
sheet, in read-only mode, ignoring the sheet's declared dimension and counting again
as it goes (a cell far away, say at XFD1048576, makes openpyxl yield every empty row
and column before it: those count too).
"""

from __future__ import annotations

import datetime as _dt
import io as _io
import re
import zipfile

from ._errors import UploadError

MAX_XLSX_UNPACKED_BYTES = 256 * 1024 * 1024
"""An .xlsx whose members unpack to more than this in total is refused (256 MiB; the
committed month of 50,167 call records unpacks to about 40 MiB)."""

MAX_XLSX_MEMBER_BYTES = 160 * 1024 * 1024
"""Any single member (a sheet's XML, the shared strings) larger than this is refused (160 MiB)."""

MAX_XLSX_CELLS = 1_000_000
"""A sheet (or the shared-string table) with more cells than this is refused: about 80,000
rows of 12 columns. The committed month of call records (50,167 rows, 602,016 cells)
fits; openpyxl reads about 75,000 cells a second on the course machine, so the
limit bounds an upload's parse to some 15 s."""

MAX_XLSX_MEMBERS = 10_000
"""A workbook with more zip members than this is refused."""

_CHUNK = 1 << 20
# what to count, with or without a namespace prefix (<c r=…>, <x:c r=…>); bytes.count runs at memory speed,
# and a stray match in text only makes the count larger (stricter), never smaller
_CELL = tuple(p + t + e for p in (b"<", b":") for t in (b"c", b"row") for e in (b" ", b">", b"/", b"\n", b"\t", b"\r"))
_ROW_NUMBER = re.compile(rb'row\b[^>]*?\br="(\d+)"')
_STRING = tuple(p + b"si" + e for p in (b"<", b":") for e in (b" ", b">", b"/", b"\n", b"\t", b"\r"))


def _too_large(total: int, limit: int) -> UploadError:
    return UploadError("zip_too_large", f"xlsx must unpack to at most {limit} bytes, got {total}",
                       value=total, expected=limit)


def _too_many(limit: int) -> UploadError:
    return UploadError("too_many_cells", f"sheet must have at most {limit} cells, got more",
                       expected=limit)


def check_xlsx(data: bytes) -> None:
    """Raise :class:`UploadError` if the workbook in ``data`` would unpack too big or hold too many cells.

    Reads at most the declared sizes (each capped), never builds the sheet in memory.
    """
    try:
        book = zipfile.ZipFile(_io.BytesIO(data))
        members = book.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as err:
        raise UploadError("unreadable", f"file must be a readable .xlsx, got {err}") from err
    if len(members) > MAX_XLSX_MEMBERS:
        raise UploadError("zip_too_large", f"xlsx must have at most {MAX_XLSX_MEMBERS} parts, got "
                          f"{len(members)}", value=len(members), expected=MAX_XLSX_MEMBERS)
    total = sum(info.file_size for info in members)
    if total > MAX_XLSX_UNPACKED_BYTES:
        raise _too_large(total, MAX_XLSX_UNPACKED_BYTES)
    for info in members:
        if info.file_size > MAX_XLSX_MEMBER_BYTES:
            raise _too_large(info.file_size, MAX_XLSX_MEMBER_BYTES)
    for info in members:
        name = info.filename.lower()
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            _count(book, info, _CELL, rows=True)
        elif name.endswith("sharedstrings.xml"):
            _count(book, info, _STRING)


def _occurrences(text: bytes, needles: tuple[bytes, ...]) -> int:
    return sum(text.count(needle) for needle in needles)


def _count(book: zipfile.ZipFile, info: zipfile.ZipInfo, needles: tuple[bytes, ...], rows: bool = False) -> None:
    """Stream one member, at most its declared size, counting ``needles``; refuse past the limits."""
    cap = min(info.file_size, MAX_XLSX_MEMBER_BYTES)
    seen, count, carry = 0, 0, b""
    try:
        with book.open(info) as member:
            while chunk := member.read(_CHUNK):
                seen += len(chunk)
                if seen > cap:
                    raise _too_large(seen, cap)
                text = carry + chunk
                cut = max(text.rfind(b"<"), 0)
                count += _occurrences(text[:cut], needles)
                carry = text[cut:]
                if count > MAX_XLSX_CELLS or (rows and _last_row(text) > MAX_XLSX_CELLS):
                    raise _too_many(MAX_XLSX_CELLS)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as err:
        raise UploadError("unreadable", f"file must be a readable .xlsx, got {err}") from err
    if _occurrences(carry, needles) + count > MAX_XLSX_CELLS:
        raise _too_many(MAX_XLSX_CELLS)


def _last_row(text: bytes) -> int:
    """The row number of the last ``<row r="…">`` in ``text`` (0 if none): rows before it will be padded."""
    found = _ROW_NUMBER.search(text, max(text.rfind(b"row "), 0))
    return int(found.group(1)) if found else 0


def cell_text(value) -> str:
    """A cell as the text the user sees: whole floats without ``.0``, durations as ``h:mm:ss``.

    >>> [cell_text(v) for v in (None, 12.0, 7.5, True, _dt.timedelta(hours=1, seconds=5))]
    ['', '12', '7.5', 'True', '1:00:05']
    """
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, _dt.timedelta):
        seconds = round(value.total_seconds())
        sign, seconds = ("-", -seconds) if seconds < 0 else ("", seconds)
        return f"{sign}{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
    return str(value)


def xlsx_rows(data: bytes, sheet=0) -> list[list[str]]:
    """Every row of one sheet (index or name) as cell texts, after :func:`check_xlsx`."""
    import openpyxl

    check_xlsx(data)
    book = openpyxl.load_workbook(_io.BytesIO(data), read_only=True, data_only=True)
    try:
        ws = book[sheet] if isinstance(sheet, str) else book.worksheets[sheet]
        ws.reset_dimensions()  # the declared <dimension> may lie; read the cells there are
        rows, cells = [], 0
        for row in ws.iter_rows(values_only=True):
            cells += max(len(row), 1)  # gaps (row 1, then row 1048576) come as empty rows: count them
            if cells > MAX_XLSX_CELLS:
                raise _too_many(MAX_XLSX_CELLS)
            rows.append([cell_text(v) for v in row])
        return rows
    finally:
        book.close()
