"""Reading the tables users bring and writing the Excel and CSV files managers open.

Uploads arrive as CSV (UTF-8, UTF-8 with a byte-order mark, GBK as Excel saves it on a
Chinese Windows, UTF-16 "Unicode text", Big5; comma, semicolon or tab separated) or as
an Excel workbook (checked against zip bombs before parsing). :func:`read_table`
returns every cell as a string, so the checks that follow can say exactly which row
and column is wrong; :func:`parse_numbers`, :func:`parse_timestamps`,
:func:`check_unique` and :func:`check_allowed` turn columns into typed data or raise
:class:`UploadError`, which carries the problem, the column and the rows;
:func:`upload_message` words it in Chinese or English for a calculator, and
:func:`upload_notes` words what the reader decided on the user's behalf (a skipped
title, a dropped 合计 row, a guessed day/month order).

Rows are numbered as a spreadsheet shows them: the header is row 1, the first data
row is row 2 (or lower down when title lines sit above the header).

Writing: :func:`excel_bytes` / :func:`write_excel` and :func:`csv_bytes` keep uploaded
text as text, never a formula (see :func:`neutralise_text`); :func:`write_excel` writes
atomically and replaces an existing file only with ``overwrite=True``.

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

from ._atomic import atomic_path, write_bytes_atomic
from ._dates import DEFAULT_DATE_ORDER, YEAR_RANGE, parse_timestamps
from ._decode import ENCODINGS, decode_text
from ._errors import UploadError, UploadNote, row_words, spreadsheet_rows, upload_message, upload_notes
from ._excel import FORMULA_STARTS, csv_bytes, excel_bytes, neutralise_text, safe_sheet_names, write_excel
from ._history import INTERVAL_HISTORY_ALIASES, read_interval_history
from ._parse import MAX_WHOLE_NUMBER, check_allowed, check_unique, parse_numbers, require_columns
from ._read import MAX_UPLOAD_BYTES, TOTAL_ROW_WORDS, read_table, sniff_delimiter
from ._xlsx import (MAX_XLSX_CELLS, MAX_XLSX_MEMBER_BYTES, MAX_XLSX_MEMBERS, MAX_XLSX_UNPACKED_BYTES,
                    check_xlsx)

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
    # added for issue 9 (hardening)
    "UploadNote",
    "upload_notes",
    "spreadsheet_rows",
    "csv_bytes",
    "neutralise_text",
    "safe_sheet_names",
    "FORMULA_STARTS",
    "atomic_path",
    "write_bytes_atomic",
    "check_xlsx",
    "decode_text",
    "sniff_delimiter",
    "MAX_XLSX_UNPACKED_BYTES",
    "MAX_XLSX_MEMBER_BYTES",
    "MAX_XLSX_CELLS",
    "MAX_XLSX_MEMBERS",
    "MAX_WHOLE_NUMBER",
    "TOTAL_ROW_WORDS",
    "YEAR_RANGE",
    "DEFAULT_DATE_ORDER",
]
