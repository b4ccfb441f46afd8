"""What went wrong with an upload, where, and the sentence that says so in Chinese or English.

Rows are numbered as a spreadsheet shows them. :func:`~ccskills.io.read_table` records
the file's own row number of every data row in ``frame.attrs["ccskills_rows"]`` (a
title line above the header or a blank line moves them); without it the header is
row 1 and the first data row is row 2.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

import pandas as pd

_FIRST_DATA_ROW = 2  # spreadsheet numbering: header is row 1
_ROWS_SHOWN = 5
ROWS_ATTR = "ccskills_rows"
NOTES_ATTR = "ccskills_notes"


class UploadError(ValueError):
    """A user's table could not be used; says what, where (column, spreadsheet rows) and what was found.

    ``problem`` names the sentence in :func:`upload_message`, e.g. ``not_a_number``,
    ``missing_columns``, ``too_many_cells``; ``column``, ``rows``, ``value`` and
    ``expected`` fill it in.
    """

    def __init__(self, problem: str, message: str, *, column: str | None = None,
                 rows: Iterable[int] = (), value: object = None, expected: object = None):
        super().__init__(message)
        self.problem = problem
        self.column = column
        self.rows = [int(r) for r in rows]
        self.value = value
        self.expected = expected


class RowNumbers(tuple):
    """Spreadsheet row numbers of a frame's rows; immutable, so pandas' deep copies of attrs share it."""

    def __deepcopy__(self, memo):
        return self


class UploadNote(NamedTuple):
    """Something the reader decided on the user's behalf (a dropped total row, a guessed date order).

    Kept in ``frame.attrs["ccskills_notes"]``; :func:`upload_notes` words them.
    """

    problem: str
    column: str | None = None
    rows: tuple[int, ...] = ()
    value: object = None
    expected: object = None


def spreadsheet_rows(frame: pd.DataFrame | None, mask) -> list[int]:
    """Spreadsheet row numbers of the True positions of ``mask`` (aligned with ``frame``'s rows).

    Uses the file's own row numbers kept by :func:`~ccskills.io.read_table` while the
    frame still has all its rows (or its original index labels); else header = row 1.

    >>> spreadsheet_rows(None, [False, True, True])
    [3, 4]
    >>> frame = pd.DataFrame({"a": ["x", "y"]})
    >>> frame.attrs["ccskills_rows"] = [4, 6]     # a title line and a blank line above
    >>> spreadsheet_rows(frame, [False, True])
    [6]
    """
    positions = pd.Series(mask).to_numpy(dtype=bool).nonzero()[0]
    known = frame.attrs.get(ROWS_ATTR, ()) if frame is not None else ()
    if known and len(frame) == len(known) and frame.index.equals(pd.RangeIndex(len(known))):
        return [int(known[p]) for p in positions]
    if known and pd.api.types.is_integer_dtype(frame.index) and frame.index.isin(range(len(known))).all():
        return [int(known[frame.index[p]]) for p in positions]
    return [int(p) + _FIRST_DATA_ROW for p in positions]


def _rows(mask, frame: pd.DataFrame | None = None) -> list[int]:
    return spreadsheet_rows(frame, mask)


def _first_bad(frame_col: pd.Series, bad, frame: pd.DataFrame | None = None) -> tuple[list[int], object]:
    """Spreadsheet rows of ``bad`` and the first bad cell as the file spells it."""
    rows = _rows(bad, frame)
    return rows, frame_col[pd.Series(bad).to_numpy(dtype=bool)].iloc[0]


def add_note(frame: pd.DataFrame, note: UploadNote) -> None:
    """Append ``note`` to ``frame.attrs["ccskills_notes"]`` (a new list: copies don't share it)."""
    frame.attrs[NOTES_ATTR] = [*frame.attrs.get(NOTES_ATTR, []), note]


_MESSAGES: dict[str, tuple[str, str]] = {
    "file_type": ("请上传 CSV 或 Excel（.xlsx）文件，收到的是“{value}”。",
                  'Upload a CSV or Excel (.xlsx) file; got "{value}".'),
    "too_large": ("文件太大（{value} 字节），上限为 {expected} 字节。",
                  "The file is too large ({value} bytes); the limit is {expected} bytes."),
    "unreadable": ("无法读取这个文件：请保存为 UTF-8 或 GBK 编码的 CSV，或 Excel（.xlsx）。",
                   "The file could not be read: save it as CSV in UTF-8 or GBK, or as Excel (.xlsx)."),
    "unknown_encoding": ("无法确定这个文件的编码（看起来像繁体 Big5 或其他编码）：请在 Excel 中“另存为”"
                         "“CSV UTF-8（逗号分隔）”后再上传。",
                         "The file's encoding could not be told apart (it looks like Big5 or another code "
                         'page): in Excel use "Save as" "CSV UTF-8 (comma delimited)" and upload again.'),
    "empty": ("文件里没有数据行。", "The file has no data rows."),
    "missing_columns": ("缺少列：{column}。文件中的列为：{found}。",
                        "Missing column(s): {column}. The file has: {found}."),
    "not_a_number": ("“{column}”列必须是数字；{rows}是“{value}”。",
                     'Column "{column}" must contain numbers; {rows} has "{value}".'),
    "not_finite": ("“{column}”列必须是有限的数字；{rows}是“{value}”（无穷大或超出范围）。",
                   'Column "{column}" must contain finite numbers; {rows} has "{value}" (infinite or out of range).'),
    "above_maximum": ("“{column}”列不能超过 {expected}；{rows}是“{value}”。",
                      'Column "{column}" must be at most {expected}; {rows} has "{value}".'),
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
    "date_out_of_range": ("“{column}”列的年份必须在 {expected} 之间；{rows}是“{value}”。",
                          'Column "{column}" must have years within {expected}; {rows} has "{value}".'),
    "mixed_date_order": ("“{column}”列的日期顺序不一致：{rows}分别是“{value}”，一个是日/月，一个是月/日。"
                         "请统一为 2026-03-02 这样的格式。",
                         'Column "{column}" mixes day/month orders: {rows} have "{value}" (one day first, one '
                         "month first). Write dates as 2026-03-02."),
    "mixed_timezones": ("“{column}”列的时区不一致：{rows}是“{value}”，与前面各行的时区不同。",
                        'Column "{column}" mixes time zones: {rows} has "{value}", unlike the rows before.'),
    "control_character": ("“{column}”列含有不可见的控制字符（如 NUL）：{rows}。请检查文件或另存为 UTF-8 CSV。",
                          'Column "{column}" contains an invisible control character (such as NUL): {rows}. '
                          "Check the file or save it again as UTF-8 CSV."),
    "bad_duration": ("“{column}”列必须是秒数或 时:分:秒 / 分:秒；{rows}是“{value}”。",
                     'Column "{column}" must hold seconds or h:mm:ss / mm:ss; {rows} has "{value}".'),
    "duplicate": ("“{column}”列有重复值“{value}”：{rows}。",
                  'Column "{column}" repeats "{value}": {rows}.'),
    "off_grid": ("“{column}”列的时段应每 {expected} 分钟一个；{rows}是“{value}”，不在这个时间格上。",
                 'Column "{column}" should step every {expected} min; {rows} has "{value}", off that grid.'),
    "unknown_value": ("“{column}”列只能是 {expected}；{rows}是“{value}”。",
                      'Column "{column}" must be one of {expected}; {rows} has "{value}".'),
    "zip_too_large": ("这个 Excel 文件解压后太大（{value} 字节，上限 {expected} 字节），可能已损坏或是恶意文件。"
                      "请只保留需要的数据后另存，或导出为 CSV。",
                      "This Excel file unpacks to too much data ({value} bytes; the limit is {expected}); it may "
                      "be damaged or hostile. Keep only the data needed and save again, or export CSV."),
    "xlsx_protected": ("这个 Excel 文件“{value}”设置了打开密码（或是旧格式）：请取消密码后另存为 .xlsx 再上传。",
                       'This Excel file "{value}" has an opening password (or is in an old format): remove '
                       "the password, save as .xlsx and upload again."),
    "too_many_cells": ("这个表格的单元格太多（超过 {expected} 个），请拆分成较小的文件或只保留需要的列。",
                       "The sheet has too many cells (more than {expected}); split the file or keep only the "
                       "columns needed."),
    # notes: what the reader decided for the user
    "dropped_total_row": ("已忽略合计行：{rows}（“{value}”），以免重复计算。",
                          'Ignored the total row: {rows} ("{value}"), so it is not counted twice.'),
    "ambiguous_date_order": ("“{column}”列的日期（如“{value}”）既可读作月/日也可读作日/月，已按{expected}读取；"
                             "如不对，请改为 2026-03-02 这样的格式。",
                             'Column "{column}" has dates such as "{value}" that read either way; they were read '
                             "as {expected}. If that is wrong, write them as 2026-03-02."),
    "timezone_dropped": ("“{column}”列带有时区“{value}”，已按文件中写的当地时间读取。",
                         'Column "{column}" carries the time zone "{value}"; times were read as the local '
                         "clock time written in the file."),
    "header_below_title": ("表头在第 {value} 行，上面的标题行已跳过。",
                           "The header is on row {value}; the title lines above it were skipped."),
}

_ORDER_WORDS = {"month first": ("月/日/年", "month/day/year"), "day first": ("日/月/年", "day/month/year")}


def row_words(rows: list[int], lang: str) -> str:
    """Spreadsheet rows in words: "第 3, 7 行" / "rows 3, 7" (the first five, then how many more)."""
    shown = ", ".join(map(str, rows[:_ROWS_SHOWN]))
    more = len(rows) - _ROWS_SHOWN
    if lang == "en":
        word = "row" if len(rows) == 1 else "rows"
        return f"{word} {shown}" + (f" and {more} more" if more > 0 else "")
    return f"第 {shown} 行" + (f"等共 {len(rows)} 行" if more > 0 else "")


def upload_message(err: UploadError | UploadNote, lang: str = "zh") -> str:
    """One sentence in ``lang`` ("zh" or "en") saying what is wrong with an upload (or a note) and where.

    >>> upload_message(UploadError("duplicate", "", column="时段", rows=[5, 9], value="2026-03-02 08:00"), "zh")
    '“时段”列有重复值“2026-03-02 08:00”：第 5, 9 行。'
    """
    index = 1 if lang == "en" else 0
    template = _MESSAGES.get(err.problem, _MESSAGES["unreadable"])[index]
    joiner = "、" if index == 0 else ", "
    expected = err.expected
    if isinstance(expected, str) and expected in _ORDER_WORDS:
        expected = _ORDER_WORDS[expected][index]
    if isinstance(expected, (list, tuple)):
        expected = joiner.join(map(str, expected))
    found = err.value if not isinstance(err.value, (list, tuple)) else joiner.join(map(str, err.value))
    return template.format(column=err.column or "", rows=row_words(list(err.rows), lang), value=found,
                           expected=expected if expected is not None else "", found=found)


def upload_notes(frame: pd.DataFrame, lang: str = "zh") -> list[str]:
    """The sentences, in ``lang``, of what the reader decided while reading ``frame`` (may be empty).

    >>> frame = pd.DataFrame({"calls": ["3"]})
    >>> add_note(frame, UploadNote("dropped_total_row", rows=(5,), value="合计"))
    >>> upload_notes(frame, "en")
    ['Ignored the total row: row 5 ("合计"), so it is not counted twice.']
    """
    return [upload_message(note, lang) for note in frame.attrs.get(NOTES_ATTR, [])]
