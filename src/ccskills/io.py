"""Reading the tables users bring and writing the Excel files managers open.

Uploads arrive as CSV (UTF-8, UTF-8 with a byte-order mark, or GBK as Excel saves it
on a Chinese Windows) or as an Excel workbook. :func:`read_table` returns every cell
as a string, so the checks that follow can say exactly which row and column is
wrong; :func:`parse_numbers`, :func:`parse_timestamps`, :func:`check_unique` and
:func:`check_allowed` turn columns into typed data or raise :class:`UploadError`,
which carries the problem, the column and the rows; :func:`upload_message` words it
in Chinese or English for a calculator.

Rows are numbered as a spreadsheet shows them: the header is row 1, the first data
row is row 2.

>>> frame = read_table("时段,来电\\n2026-03-02 08:00,12\\n2026-03-02 08:15,abc\\n".encode("gbk"), "a.csv")
>>> list(frame.columns)
['时段', '来电']
>>> try:
...     parse_numbers(frame, "来电")
... except UploadError as err:
...     print(upload_message(err, "en"))
Column "来电" must contain numbers; row 3 has "abc".
"""

from __future__ import annotations

import io as _io
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

__all__ = [
    "UploadError",
    "read_table",
    "require_columns",
    "parse_numbers",
    "parse_timestamps",
    "check_unique",
    "check_allowed",
    "upload_message",
    "row_words",
    "excel_bytes",
    "write_excel",
    "read_interval_history",
    "INTERVAL_HISTORY_ALIASES",
    "ENCODINGS",
    "MAX_UPLOAD_BYTES",
]

ENCODINGS: tuple[str, ...] = ("utf-8-sig", "gb18030")
"""Tried in order: UTF-8 with or without a byte-order mark, then GB18030 (a superset of GBK/GB2312)."""

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
"""Uploads larger than this are refused before parsing (50 MiB)."""

_FIRST_DATA_ROW = 2  # spreadsheet numbering: header is row 1
_ROWS_SHOWN = 5


class UploadError(ValueError):
    """A user's table could not be used; says what, where (column, spreadsheet rows) and what was found.

    ``problem`` is one of ``file_type, too_large, unreadable, empty, missing_columns,
    not_a_number, negative, below_minimum, not_integer, missing_value, bad_timestamp,
    duplicate, off_grid, unknown_value``.
    """

    def __init__(self, problem: str, message: str, *, column: str | None = None,
                 rows: Iterable[int] = (), value: object = None, expected: object = None):
        super().__init__(message)
        self.problem = problem
        self.column = column
        self.rows = [int(r) for r in rows]
        self.value = value
        self.expected = expected


# ------------------------------------------------------------------------- reading


def _payload(source, filename: str | None) -> tuple[bytes, str]:
    """The raw bytes and the file name (for its extension) of a path, bytes or file-like object."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), filename or ""
    if isinstance(source, (str, Path)):
        path = Path(source)
        return path.read_bytes(), filename or path.name
    if hasattr(source, "read"):
        return source.read(), filename or getattr(source, "name", "") or ""
    raise TypeError(f"source must be a path, bytes or a file object, got {type(source).__name__}")


def _decode(data: bytes) -> str:
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UploadError("unreadable", "file must be text in UTF-8 or GBK, got bytes in neither encoding")


def read_table(source, filename: str | None = None, *, sheet=0) -> pd.DataFrame:
    """Read an uploaded CSV or Excel file into a DataFrame of strings (empty cells are ``""``).

    ``source`` is a path, bytes or a binary file object; ``filename`` (for bytes) tells
    the type by its extension. Excel workbooks (``.xlsx``) are recognised by content
    too. CSV text is decoded as UTF-8 (with or without BOM), else GB18030/GBK.
    Column names are stripped of spaces. Raises :class:`UploadError` for a wrong file
    type, an oversized, unreadable or empty file.
    """
    data, name = _payload(source, filename)
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadError("too_large", f"file must be at most {MAX_UPLOAD_BYTES} bytes, got {len(data)}",
                          value=len(data), expected=MAX_UPLOAD_BYTES)
    suffix = Path(name).suffix.lower()
    is_xlsx = data[:4] == b"PK\x03\x04"
    if suffix in (".xls",) and not is_xlsx:
        raise UploadError("file_type", f"file must be .csv or .xlsx, got {name!r} (old .xls: save as .xlsx)",
                          value=name)
    if not is_xlsx and suffix not in ("", ".csv", ".txt", ".tsv"):
        raise UploadError("file_type", f"file must be .csv or .xlsx, got {name!r}", value=name)
    try:
        if is_xlsx:
            frame = pd.read_excel(_io.BytesIO(data), sheet_name=sheet, dtype=str, engine="openpyxl")
            frame = frame.fillna("")
        else:
            text = _decode(data)
            sep = "\t" if suffix == ".tsv" else ","
            frame = pd.read_csv(_io.StringIO(text), dtype=str, keep_default_na=False, sep=sep,
                                skipinitialspace=True)
    except UploadError:
        raise
    except Exception as err:  # parser errors: ragged rows, broken zip, ...
        raise UploadError("unreadable", f"file must be a readable table, got an error: {err}") from err
    frame.columns = [str(c).strip().lstrip("\ufeff") for c in frame.columns]
    frame = frame.apply(lambda col: col.str.strip())
    frame = frame.loc[~(frame == "").all(axis=1)].reset_index(drop=True)  # blank lines
    if frame.empty:
        raise UploadError("empty", "file must have at least one data row, got none")
    return frame


def _rows(mask) -> list[int]:
    """Spreadsheet row numbers (header = 1) of the True positions of a boolean mask."""
    positions = pd.Series(mask).to_numpy().nonzero()[0]
    return [int(p) + _FIRST_DATA_ROW for p in positions]


def require_columns(frame: pd.DataFrame, columns: Iterable[str],
                    aliases: Mapping[str, str] | None = None) -> pd.DataFrame:
    """``frame`` with its columns renamed to ``columns``; header case and aliases (e.g. Chinese) allowed.

    ``aliases`` maps another header (``"时段"``) to a required name (``"interval_start"``).
    Raises :class:`UploadError` ``missing_columns`` listing what is missing and what was found.
    """
    wanted = list(columns)
    lookup = {name.lower(): name for name in wanted}
    for alias, name in (aliases or {}).items():
        lookup[alias.strip().lower()] = name
    renamed = {}
    for col in frame.columns:
        target = lookup.get(str(col).strip().lower())
        if target is not None and target not in renamed.values():
            renamed[col] = target
    missing = [name for name in wanted if name not in renamed.values()]
    if missing:
        raise UploadError(
            "missing_columns",
            f"columns must include {', '.join(missing)}, got {', '.join(map(str, frame.columns))}",
            column=", ".join(missing), value=list(frame.columns), expected=wanted)
    return frame.rename(columns=renamed)


def _first_bad(frame_col: pd.Series, bad) -> tuple[list[int], object]:
    rows = _rows(bad)
    return rows, frame_col[pd.Series(bad).to_numpy()].iloc[0]


def parse_numbers(frame: pd.DataFrame, column: str, *, minimum: float | None = None,
                  integer: bool = False, allow_missing: bool = False) -> pd.Series:
    """Column ``column`` as float64 numbers, or :class:`UploadError` naming the first bad rows.

    Thousands separators (``1,234``) and surrounding spaces are accepted. Empty cells
    are an error unless ``allow_missing`` (they become NaN). ``minimum=0`` rejects
    negative numbers (problem ``negative``); ``integer`` rejects fractions.
    """
    raw = frame[column].astype(str).str.strip()
    empty = raw == ""
    numbers = pd.to_numeric(raw.str.replace(",", "", regex=False).where(~empty), errors="coerce")
    bad = numbers.isna() & ~empty
    if bad.any():
        rows, value = _first_bad(raw, bad)
        raise UploadError("not_a_number", f"{column} must be numbers, got {value!r} in row {rows[0]}",
                          column=column, rows=rows, value=value)
    if empty.any() and not allow_missing:
        rows = _rows(empty)
        raise UploadError("missing_value", f"{column} must not be empty, got an empty cell in row {rows[0]}",
                          column=column, rows=rows)
    finite = numbers.notna()
    if minimum is not None:
        low = finite & (numbers < minimum)
        if low.any():
            rows, value = _first_bad(raw, low)
            problem = "negative" if minimum == 0 else "below_minimum"
            raise UploadError(problem, f"{column} must be at least {minimum:g}, got {value!r} in row {rows[0]}",
                              column=column, rows=rows, value=value, expected=minimum)
    if integer:
        fractional = finite & (numbers != numbers.round())
        if fractional.any():
            rows, value = _first_bad(raw, fractional)
            raise UploadError("not_integer", f"{column} must be whole numbers, got {value!r} in row {rows[0]}",
                              column=column, rows=rows, value=value)
    return numbers.astype("float64").rename(column)


def parse_timestamps(frame: pd.DataFrame, column: str) -> pd.Series:
    """Column ``column`` as datetime64[ns], or :class:`UploadError` ``bad_timestamp`` naming the rows.

    Accepts ISO forms (``2026-03-02 08:15``, ``2026-03-02T08:15:00``), ``2026/3/2 8:15``
    and Excel's own date cells.
    """
    raw = frame[column].astype(str).str.strip()
    empty = raw == ""
    if empty.any():
        rows = _rows(empty)
        raise UploadError("missing_value", f"{column} must not be empty, got an empty cell in row {rows[0]}",
                          column=column, rows=rows)
    parsed = pd.to_datetime(raw.str.replace("/", "-", regex=False), errors="coerce", format="mixed")
    bad = parsed.isna()
    if bad.any():
        rows, value = _first_bad(raw, bad)
        raise UploadError("bad_timestamp", f"{column} must be date-times, got {value!r} in row {rows[0]}",
                          column=column, rows=rows, value=value)
    return parsed.astype("datetime64[ns]").rename(column)


def check_unique(frame: pd.DataFrame, columns: str | list[str], values: pd.Series | None = None) -> None:
    """Raise :class:`UploadError` ``duplicate`` when a value (or a combination) appears twice.

    ``values`` may give the parsed column (e.g. timestamps, so ``8:00`` and ``08:00``
    count as the same); the rows named are every row of the first duplicated value.
    """
    cols = [columns] if isinstance(columns, str) else list(columns)
    keys = values if values is not None else (frame[cols[0]] if len(cols) == 1 else frame[cols])
    dup = keys.duplicated(keep=False)
    dup = dup.to_numpy() if hasattr(dup, "to_numpy") else dup
    if dup.any():
        first_value = (keys[dup].iloc[0] if isinstance(keys, pd.Series)
                       else tuple(keys[dup].iloc[0]))
        same = (keys == first_value) if isinstance(keys, pd.Series) else (keys == keys[dup].iloc[0]).all(axis=1)
        rows = _rows(same)
        label = ", ".join(cols)
        shown = first_value.isoformat(sep=" ") if hasattr(first_value, "isoformat") else first_value
        raise UploadError("duplicate", f"{label} must not repeat, got {shown!r} in rows "
                          f"{', '.join(map(str, rows[:_ROWS_SHOWN]))}", column=label, rows=rows, value=shown)


def check_allowed(frame: pd.DataFrame, column: str, allowed: Iterable[str]) -> None:
    """Raise :class:`UploadError` ``unknown_value`` when ``column`` holds a value outside ``allowed``."""
    options = list(allowed)
    raw = frame[column].astype(str).str.strip()
    bad = ~raw.isin(options)
    if bad.any():
        rows, value = _first_bad(raw, bad)
        raise UploadError("unknown_value", f"{column} must be one of {', '.join(options)}, got {value!r} "
                          f"in row {rows[0]}", column=column, rows=rows, value=value, expected=options)


# ------------------------------------------------------------------------- messages

_MESSAGES: dict[str, tuple[str, str]] = {
    "file_type": ("请上传 CSV 或 Excel（.xlsx）文件，收到的是“{value}”。",
                  'Upload a CSV or Excel (.xlsx) file; got "{value}".'),
    "too_large": ("文件太大（{value} 字节），上限为 {expected} 字节。",
                  "The file is too large ({value} bytes); the limit is {expected} bytes."),
    "unreadable": ("无法读取这个文件：请保存为 UTF-8 或 GBK 编码的 CSV，或 Excel（.xlsx）。",
                   "The file could not be read: save it as CSV in UTF-8 or GBK, or as Excel (.xlsx)."),
    "empty": ("文件里没有数据行。", "The file has no data rows."),
    "missing_columns": ("缺少列：{column}。文件中的列为：{found}。",
                        "Missing column(s): {column}. The file has: {found}."),
    "not_a_number": ("“{column}”列必须是数字；{rows}是“{value}”。",
                     'Column "{column}" must contain numbers; {rows} has "{value}".'),
    "negative": ("“{column}”列不能为负数；{rows}是 {value}。",
                 'Column "{column}" cannot be negative; {rows} has {value}.'),
    "below_minimum": ("“{column}”列必须至少为 {expected}；{rows}是 {value}。",
                      'Column "{column}" must be at least {expected}; {rows} has {value}.'),
    "not_integer": ("“{column}”列必须是整数；{rows}是 {value}。",
                    'Column "{column}" must contain whole numbers; {rows} has {value}.'),
    "missing_value": ("“{column}”列不能有空单元格：{rows}为空。",
                      'Column "{column}" cannot have empty cells: {rows} is empty.'),
    "bad_timestamp": ("“{column}”列必须是日期时间（如 2026-03-02 08:15）；{rows}是“{value}”。",
                      'Column "{column}" must contain date-times (e.g. 2026-03-02 08:15); {rows} has "{value}".'),
    "duplicate": ("“{column}”列有重复值“{value}”：{rows}。",
                  'Column "{column}" repeats "{value}": {rows}.'),
    "off_grid": ("“{column}”列的时段应每 {expected} 分钟一个；{rows}是“{value}”，不在这个时间格上。",
                 'Column "{column}" should step every {expected} min; {rows} has "{value}", off that grid.'),
    "unknown_value": ("“{column}”列只能是 {expected}；{rows}是“{value}”。",
                      'Column "{column}" must be one of {expected}; {rows} has "{value}".'),
}


def row_words(rows: list[int], lang: str) -> str:
    """Spreadsheet rows in words: "第 3, 7 行" / "rows 3, 7" (the first five, then how many more)."""
    shown = ", ".join(map(str, rows[:_ROWS_SHOWN]))
    more = len(rows) - _ROWS_SHOWN
    if lang == "en":
        word = "row" if len(rows) == 1 else "rows"
        return f"{word} {shown}" + (f" and {more} more" if more > 0 else "")
    return f"第 {shown} 行" + (f"等共 {len(rows)} 行" if more > 0 else "")


def upload_message(err: UploadError, lang: str = "zh") -> str:
    """One sentence in ``lang`` ("zh" or "en") saying what is wrong with an upload and where.

    >>> upload_message(UploadError("duplicate", "", column="时段", rows=[5, 9], value="2026-03-02 08:00"), "zh")
    '“时段”列有重复值“2026-03-02 08:00”：第 5, 9 行。'
    """
    index = 1 if lang == "en" else 0
    template = _MESSAGES.get(err.problem, _MESSAGES["unreadable"])[index]
    expected = err.expected
    if isinstance(expected, (list, tuple)):
        expected = "、".join(map(str, expected)) if index == 0 else ", ".join(map(str, expected))
    found = err.value if not isinstance(err.value, list) else ("、" if index == 0 else ", ").join(map(str, err.value))
    return template.format(column=err.column or "", rows=row_words(err.rows, lang), value=found,
                           expected=expected if expected is not None else "", found=found)


# ------------------------------------------------------------------------- Excel


def excel_bytes(sheets: Mapping[str, pd.DataFrame], *, index: bool = False,
                number_formats: Mapping[str, Mapping[str, str]] | None = None) -> bytes:
    """An .xlsx workbook with one sheet per entry, header bold and frozen, columns sized to fit.

    ``number_formats`` maps sheet → column → Excel format (``"0.0%"``, ``"#,##0"``).
    Sheet names are cut to Excel's 31 characters; datetimes keep their type.
    """
    if not sheets:
        raise ValueError("sheets must hold at least one table, got none")
    buffer = _io.BytesIO()
    writer = pd.ExcelWriter(buffer, engine="openpyxl")
    try:
        _fill_workbook(writer, sheets, index, number_formats or {})
    except BaseException:
        writer.book.close()  # discard: nothing is saved, the caller sees the original error
        raise
    writer.close()
    return buffer.getvalue()


def _fill_workbook(writer, sheets, index: bool, number_formats) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    for name, frame in sheets.items():
        sheet_name = str(name)[:31]
        table = frame.reset_index() if index else frame
        table.to_excel(writer, sheet_name=sheet_name, index=False)
        ws = writer.sheets[sheet_name]
        ws.freeze_panes = "A2"
        formats = number_formats.get(name, {})
        for position, column in enumerate(table.columns, start=1):
            letter = get_column_letter(position)
            ws[f"{letter}1"].font = Font(bold=True)
            values = [str(v) for v in table[column].head(200)] + [str(column)]
            width = max(len(v) + sum(1 for ch in v if ord(ch) > 0x2E7F) for v in values)
            ws.column_dimensions[letter].width = min(max(width + 2, 8), 60)
            if column in formats:
                for cell in ws[letter][1:]:
                    cell.number_format = formats[column]
            elif pd.api.types.is_datetime64_any_dtype(table[column]):
                for cell in ws[letter][1:]:
                    cell.number_format = "yyyy-mm-dd hh:mm"


def write_excel(path, sheets: Mapping[str, pd.DataFrame], **options) -> Path:
    """Write :func:`excel_bytes` to ``path`` atomically: a failure leaves no half-written file.

    The workbook is built in memory, written to a temporary file in the same folder
    and renamed over ``path``. Returns the path.
    """
    target = Path(path)
    payload = excel_bytes(sheets, **options)
    handle, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


# ------------------------------------------------------------------------- interval history

INTERVAL_HISTORY_ALIASES: dict[str, str] = {
    "时段": "interval_start", "时间": "interval_start", "开始时间": "interval_start",
    "时段开始": "interval_start", "interval": "interval_start", "timestamp": "interval_start",
    "来电量": "calls", "来电": "calls", "话务量": "calls", "calls_offered": "calls", "offered": "calls",
    "平均处理时长": "aht_s", "处理时长": "aht_s", "aht": "aht_s",
    "业务线": "line", "队列": "line", "queue": "line",
}
"""Chinese and common English headers accepted for :func:`read_interval_history`."""


def read_interval_history(source, filename: str | None = None) -> pd.DataFrame:
    """An uploaded interval history as ``line, interval_start, calls, aht_s``, checked row by row.

    Required columns: ``interval_start`` (date-time of the slot start) and ``calls``
    (whole numbers ≥ 0); optional ``aht_s`` (seconds > 0; may be empty where calls are
    0) and ``line`` (several lines in one file are kept apart; default ``"upload"``).
    Headers may be Chinese (see :data:`INTERVAL_HISTORY_ALIASES`). Only open slots
    need rows. Slots must lie on one regular grid (the most common step, e.g. 15
    minutes), and a slot may appear once per line. Raises :class:`UploadError` naming
    the column as the file spells it and the spreadsheet rows. Sorted by line and time.

    >>> text = "时段,来电量\\n2026-03-02 08:00,12\\n2026-03-02 08:15,-3\\n"
    >>> try:
    ...     read_interval_history(text.encode("utf-8-sig"), "h.csv")
    ... except UploadError as err:
    ...     print(upload_message(err, "zh"))
    “来电量”列不能为负数；第 3 行是 -3。
    """
    raw = read_table(source, filename)
    headers = {INTERVAL_HISTORY_ALIASES.get(str(c).lower(), str(c).lower()): c for c in raw.columns}
    optional = [name for name in ("aht_s", "line") if name in headers]
    frame = require_columns(raw, ["interval_start", "calls", *optional], INTERVAL_HISTORY_ALIASES)
    try:
        out = _interval_history(frame)
    except UploadError as err:
        err.column = headers.get(err.column, err.column)
        raise
    return out


def _interval_history(frame: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame({
        "line": frame["line"].astype(str) if "line" in frame else "upload",
        "interval_start": parse_timestamps(frame, "interval_start"),
        "calls": parse_numbers(frame, "calls", minimum=0, integer=True).astype("int64"),
    })
    if "aht_s" in frame:
        aht = parse_numbers(frame, "aht_s", allow_missing=True)
        bad = (aht <= 0) | (aht.isna() & (out["calls"] > 0))
        if bad.any():
            rows, value = _first_bad(frame["aht_s"], bad)
            raise UploadError("below_minimum", f"aht_s must be more than 0 where calls > 0, got {value!r} "
                              f"in row {rows[0]}", column="aht_s", rows=rows, value=value, expected=0)
        out["aht_s"] = aht
    else:
        out["aht_s"] = float("nan")
    _check_slots_unique(out)
    _check_grid(out)
    return out.sort_values(["line", "interval_start"], kind="stable").reset_index(drop=True)


def _check_slots_unique(out: pd.DataFrame) -> None:
    """A slot appears once per line; else ``duplicate`` with every row of the first repeated slot."""
    keys = out[["line", "interval_start"]]
    dup = keys.duplicated(keep=False)
    if dup.any():
        first = keys[dup].iloc[0]
        rows = _rows((keys == first).all(axis=1))
        shown = first["interval_start"].isoformat(sep=" ")
        raise UploadError("duplicate", f"interval_start must not repeat, got {shown!r} in rows "
                          f"{', '.join(map(str, rows[:_ROWS_SHOWN]))}", column="interval_start",
                          rows=rows, value=shown)


def _check_grid(out: pd.DataFrame) -> None:
    """Every slot of a line lies on the grid of its most common step; else ``off_grid`` with the rows."""
    for _, times in out.groupby("line", sort=False)["interval_start"]:
        ordered = times.sort_values()
        steps = ordered.diff().dropna()
        steps = steps[steps > pd.Timedelta(0)]
        if steps.empty:
            continue
        step = steps.mode().iloc[0]
        off = ((times - ordered.iloc[0]) % step) != pd.Timedelta(0)
        if off.any():
            rows = _rows(out.index.isin(times.index[off.to_numpy()]))
            value = times[off].iloc[0].isoformat(sep=" ")
            minutes = int(step.total_seconds() // 60)
            raise UploadError("off_grid", f"interval_start must be every {minutes} min, got {value!r} "
                              f"in row {rows[0]}", column="interval_start", rows=rows, value=value,
                              expected=minutes)


# ------------------------------------------------------------------------- call records

CALL_RECORDS_ALIASES: dict[str, str] = {
    "通话编号": "call_id", "呼叫编号": "call_id", "来电编号": "call_id", "通话id": "call_id",
    "call id": "call_id",
    "队列": "queue", "技能组": "queue", "业务线": "queue",
    "来电时间": "arrival", "到达时间": "arrival", "呼入时间": "arrival", "arrival_time": "arrival",
    "结果": "outcome", "呼叫结果": "outcome", "通话结果": "outcome",
    "等待时长": "wait_s", "排队时长": "wait_s", "wait": "wait_s",
    "通话时长": "talk_s", "talk": "talk_s",
    "保持时长": "hold_s", "hold": "hold_s",
    "话后处理时长": "acw_s", "话后时长": "acw_s", "acw": "acw_s",
    "坐席工号": "agent_id", "坐席": "agent_id", "工号": "agent_id", "agent": "agent_id",
    "是否转接": "transferred", "转接": "transferred",
    "首次解决": "resolved_first_contact", "一次解决": "resolved_first_contact",
    "首问解决": "resolved_first_contact", "fcr": "resolved_first_contact",
    "满意度": "csat", "满意度评分": "csat",
    "班组": "team", "团队": "team",
}
"""Chinese and common English headers accepted for :func:`read_call_records`."""

CALL_OUTCOME_ALIASES: dict[str, str] = {
    "answered": "answered", "接通": "answered", "已接通": "answered", "应答": "answered",
    "abandoned": "abandoned", "放弃": "abandoned", "呼损": "abandoned",
    "blocked": "blocked", "占线": "blocked", "阻塞": "blocked",
}
"""Outcome cells accepted (English any case, or Chinese) -> the schema's outcome."""

_YES = {"true", "t", "yes", "y", "1", "1.0", "是", "对", "√"}
_NO = {"false", "f", "no", "n", "0", "0.0", "否", "不是", "×"}
_CALL_REQUIRED = ("call_id", "queue", "arrival", "outcome", "wait_s", "talk_s", "hold_s", "acw_s",
                  "agent_id", "transferred")
_CALL_OPTIONAL = ("resolved_first_contact", "csat", "team")

_MESSAGES.update({
    "bad_boolean": ("“{column}”列只能是 是/否（或 true/false、1/0）；{rows}是“{value}”。",
                    'Column "{column}" must be yes/no (true/false, 1/0 or 是/否); {rows} has "{value}".'),
    "not_for_outcome": ("“{column}”列对“{expected}”的来电必须为空或 0；{rows}是 {value}。",
                        'Column "{column}" must be empty or 0 for {expected} calls; {rows} has {value}.'),
})


def _booleans(frame: pd.DataFrame, column: str, *, allow_missing: bool) -> pd.Series:
    """A yes/no column as pandas "boolean" (true/false, 1/0, 是/否); ``bad_boolean`` names the rows."""
    raw = frame[column].astype(str).str.strip()
    low = raw.str.lower()
    yes, no, empty = low.isin(_YES), low.isin(_NO), raw == ""
    bad = ~(yes | no | empty)
    if bad.any():
        rows, value = _first_bad(raw, bad)
        raise UploadError("bad_boolean", f"{column} must be true or false, got {value!r} in row {rows[0]}",
                          column=column, rows=rows, value=value)
    if empty.any() and not allow_missing:
        rows = _rows(empty)
        raise UploadError("missing_value", f"{column} must not be empty, got an empty cell in row {rows[0]}",
                          column=column, rows=rows)
    out = pd.Series(pd.NA, index=frame.index, dtype="boolean")
    out[yes.to_numpy()] = True
    out[no.to_numpy()] = False
    return out.rename(column)


def read_call_records(source, filename: str | None = None) -> pd.DataFrame:
    """An uploaded call-record table, checked row by row, in the schema of ``load_call_records``.

    Required columns: ``call_id, queue, arrival, outcome, wait_s, talk_s, hold_s, acw_s,
    agent_id, transferred``; optional ``resolved_first_contact``, ``csat`` (columns may
    be absent or cells empty) and ``team``. Headers may be Chinese (see
    :data:`CALL_RECORDS_ALIASES`); ``outcome`` answered/abandoned/blocked or
    接通/放弃/占线; yes/no cells as true/false, 1/0 or 是/否; durations whole seconds ≥ 0,
    talk/hold/ACW filled for answered calls only (empty or 0 otherwise), ``wait_s`` 0
    (or empty) for blocked calls; ``csat`` 1–5. Raises :class:`UploadError` naming the
    column as the file spells it and the spreadsheet rows. The result has passed
    :func:`ccskills.datasets.schema.validate_call_records`.

    >>> text = "通话编号,队列,来电时间,结果,等待时长,通话时长,保持时长,话后处理时长,坐席工号,是否转接\\n"
    >>> text += "C1,presales,2026-03-02 08:00:05,接通,12,300,0,30,P001,否\\n"
    >>> text += "C2,presales,2026-03-02 08:01:00,挂机,40,,,,,否\\n"
    >>> try:
    ...     read_call_records(text.encode("gbk"), "calls.csv")
    ... except UploadError as err:
    ...     print(upload_message(err, "en"))
    Column "结果" must be one of answered, abandoned, blocked; row 3 has "挂机".
    """
    from .datasets.schema import validate_call_records

    raw = read_table(source, filename)
    headers = {CALL_RECORDS_ALIASES.get(str(c).lower(), str(c).lower()): c for c in raw.columns}
    optional = [name for name in _CALL_OPTIONAL if name in headers]
    try:
        frame = require_columns(raw, [*_CALL_REQUIRED, *optional], CALL_RECORDS_ALIASES)
    except UploadError as err:  # name each missing column in both spellings the reader accepts
        chinese = {}
        for alias, name in CALL_RECORDS_ALIASES.items():
            chinese.setdefault(name, alias)
        err.column = ", ".join(f"{name} / {chinese[name]}" for name in err.column.split(", "))
        raise
    try:
        out = _call_records(frame)
    except UploadError as err:
        err.column = headers.get(err.column, err.column)
        raise
    return validate_call_records(out)


def _call_records(frame: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(index=frame.index)
    for name in ("call_id", "queue"):
        empty = frame[name] == ""
        if empty.any():
            rows = _rows(empty)
            raise UploadError("missing_value", f"{name} must not be empty, got an empty cell in row {rows[0]}",
                              column=name, rows=rows)
        out[name] = frame[name].astype(str)
    check_unique(frame, "call_id", values=frame["call_id"])
    out["arrival"] = parse_timestamps(frame, "arrival")
    outcome = frame["outcome"].astype(str).str.strip().str.lower().map(CALL_OUTCOME_ALIASES)
    if outcome.isna().any():
        options = ["answered", "abandoned", "blocked"]
        rows, value = _first_bad(frame["outcome"], outcome.isna())
        raise UploadError("unknown_value", f"outcome must be one of {', '.join(options)}, got {value!r} "
                          f"in row {rows[0]}", column="outcome", rows=rows, value=value, expected=options)
    answered, blocked = (outcome == "answered").to_numpy(), (outcome == "blocked").to_numpy()
    out["outcome"] = outcome.astype(str)
    wait = parse_numbers(frame, "wait_s", minimum=0, integer=True, allow_missing=True)
    _need(frame, "wait_s", wait.isna().to_numpy() & ~blocked)
    _only_for(frame, "wait_s", wait.fillna(0).to_numpy() != 0, blocked, outcome)
    out["wait_s"] = wait.fillna(0).astype("int64")
    for name in ("talk_s", "hold_s", "acw_s"):
        secs = parse_numbers(frame, name, minimum=0, integer=True, allow_missing=True)
        _need(frame, name, secs.isna().to_numpy() & answered)
        _only_for(frame, name, secs.fillna(0).to_numpy() != 0, ~answered, outcome)
        out[name] = secs.where(answered).astype("Int64")
    agent = frame["agent_id"].astype(str)
    _need(frame, "agent_id", (agent == "").to_numpy() & answered)
    out["agent_id"] = agent.where(agent != "", None)
    out["transferred"] = _booleans(frame, "transferred", allow_missing=False).astype(bool)
    if "resolved_first_contact" in frame:
        out["resolved_first_contact"] = _booleans(frame, "resolved_first_contact", allow_missing=True)
    else:
        out["resolved_first_contact"] = pd.Series(pd.NA, index=frame.index, dtype="boolean")
    if "csat" in frame:
        csat = parse_numbers(frame, "csat", allow_missing=True)
        bad = csat.notna() & ~csat.isin([1, 2, 3, 4, 5])
        if bad.any():
            rows, value = _first_bad(frame["csat"], bad)
            raise UploadError("unknown_value", f"csat must be one of 1, 2, 3, 4, 5, got {value!r} in row {rows[0]}",
                              column="csat", rows=rows, value=value, expected=["1", "2", "3", "4", "5"])
        out["csat"] = csat.astype("Int64")
    else:
        out["csat"] = pd.Series(pd.NA, index=frame.index, dtype="Int64")
    if "team" in frame:
        out["team"] = frame["team"].astype(str).where(frame["team"] != "", None)
    return out.reset_index(drop=True)


def _need(frame: pd.DataFrame, column: str, empty) -> None:
    """``missing_value`` for the rows where a cell the outcome requires is empty."""
    empty = pd.Series(empty).to_numpy(dtype=bool)
    if empty.any():
        rows = _rows(empty)
        raise UploadError("missing_value", f"{column} must not be empty, got an empty cell in row {rows[0]}",
                          column=column, rows=rows)


def _only_for(frame: pd.DataFrame, column: str, filled, other, outcome: pd.Series) -> None:
    """``not_for_outcome`` for the rows of the ``other`` outcomes that have a non-zero value."""
    bad = pd.Series(filled & other).to_numpy(dtype=bool)
    if bad.any():
        rows, value = _first_bad(frame[column], bad)
        kind = outcome[bad].iloc[0]
        raise UploadError("not_for_outcome", f"{column} must be empty or 0 for {kind} calls, got {value!r} "
                          f"in row {rows[0]}", column=column, rows=rows, value=value, expected=kind)


__all__ += ["read_call_records", "CALL_RECORDS_ALIASES", "CALL_OUTCOME_ALIASES"]
