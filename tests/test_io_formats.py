"""Uploads as real exports spell them: title lines, total rows, semicolons and tabs, UTF-16 and
Big5, Chinese dates, h:mm:ss durations, ACD outcome words, day/month order, time zones; and
hostile numbers (inf, 1e400, 1e30) refused with the column and the spreadsheet row.
Every expected value is worked out by hand from the file built in the test."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest

from ccskills import io as cio
from ccskills.kpi import read_call_records

HEADER = "通话编号,队列,来电时间,结果,等待时长,通话时长,保持时长,话后处理时长,坐席工号,是否转接"


def _calls(rows: list[str], header: str = HEADER, sep: str = ",", encoding: str = "utf-8",
           above: str = "") -> bytes:
    lines = [header, *rows]
    return (above + "\n".join(line.replace(",", sep) for line in lines) + "\n").encode(encoding)


def _err(reader, data: bytes, name: str = "x.csv") -> cio.UploadError:
    with pytest.raises(cio.UploadError) as info:
        reader(data, name)
    err = info.value
    assert cio.upload_message(err, "zh") and cio.upload_message(err, "en")
    assert "unexpected" not in cio.upload_message(err, "en").lower()
    return err


# ------------------------------------------------------------------ numbers


@pytest.mark.parametrize("typed, problem", [
    ("inf", "not_finite"), ("-inf", "not_finite"), ("1e400", "not_finite"), ("Infinity", "not_finite"),
    ("nan", "not_a_number"), ("NaN", "not_a_number"), ("1e30", "above_maximum"),
    ("99999999999999999999", "above_maximum"),
])
def test_hostile_numbers_name_column_row_and_value_as_typed(typed, problem):
    frame = pd.DataFrame({"calls": ["3", "4", typed]})
    with pytest.raises(cio.UploadError) as info:
        cio.parse_numbers(frame, "calls", minimum=0, integer=True)
    err = info.value
    assert (err.problem, err.column, err.rows, err.value) == (problem, "calls", [4], typed)
    assert f'row 4 has "{typed}"' in cio.upload_message(err, "en")


def test_wait_of_1e30_is_refused_with_the_users_column_and_row_not_a_wrapped_integer():
    rows = ["C1,售前,2026-03-02 08:00:05,接通,12,300,0,30,P001,否",
            "C2,售前,2026-03-02 08:01:00,放弃,1e30,,,,,否"]
    err = _err(read_call_records, _calls(rows))
    assert (err.problem, err.column, err.rows) == ("above_maximum", "等待时长", [3])
    assert cio.upload_message(err, "zh") == "“等待时长”列不能超过 86400；第 3 行是“1e30”。"
    assert "-9223372036854775808" not in cio.upload_message(err, "en")


def test_decimal_comma_is_refused_not_read_as_thousands():
    frame = pd.DataFrame({"aht": ["1,234", "12,5"]})
    with pytest.raises(cio.UploadError) as info:
        cio.parse_numbers(frame, "aht")
    assert info.value.rows == [3] and info.value.value == "12,5"  # not 125


# ------------------------------------------------------------------ layout


def test_title_lines_total_row_and_row_numbers():
    text = "2026年3月通话明细\n导出人：张三\n\n时段,来电量\n2026-03-02 08:00,12\n\n2026-03-02 08:15,x\n合计,12\n"
    err = _err(cio.read_interval_history, text.encode("gbk"))
    # title(1) name(2) blank(3) header(4) 08:00(5) blank(6) 08:15(7)
    assert (err.problem, err.column, err.rows) == ("not_a_number", "来电量", [7])
    good = text.replace(",x", ",7")
    history = cio.read_interval_history(good.encode("gbk"), "h.csv")
    assert history["calls"].tolist() == [12, 7]  # 19 in all: the total row is not a third slot
    notes = cio.upload_notes(history, "en")
    assert notes == ["The header is on row 4; the title lines above it were skipped.",
                     'Ignored the total row: row 8 ("合计"), so it is not counted twice.']


@pytest.mark.parametrize("word", ["总计", "Total", "TOTAL:", "小计"])
def test_total_rows_in_call_records_are_dropped(word):
    rows = ["C1,售前,2026-03-02 08:00:05,接通,12,300,0,30,P001,否", f"{word},,,,12,300,0,30,,"]
    records = read_call_records(_calls(rows), "c.csv")
    assert records["call_id"].tolist() == ["C1"]
    assert records.attrs["ccskills_notes"][0].problem == "dropped_total_row"


@pytest.mark.parametrize("sep", [";", "\t", "|"])
def test_semicolon_tab_and_bar_separated_files(sep):
    rows = ["C1,售前,2026-03-02 08:00:05,接通,12,1:05:00,0,30,P001,否"]
    records = read_call_records(_calls(rows, sep=sep), "c.txt")
    assert records["talk_s"].tolist() == [3900]  # 1 h 5 min


def test_excel_unicode_text_utf16_tab_separated():
    rows = ["C1,售前,2026-03-02 08:00:05,接通,12,300,0,30,P001,否"]
    text = ("\r\n".join([HEADER, *rows]) + "\r\n").replace(",", "\t")
    data = b"\xff\xfe" + text.encode("utf-16-le")  # what Excel's "Unicode text" writes
    records = read_call_records(data, "calls.txt")
    assert records[["call_id", "queue", "wait_s"]].values.tolist() == [["C1", "售前", 12]]


def test_excel_sep_hint_line_decides_the_delimiter_and_is_not_a_row():
    frame = cio.read_table(b"sep=;\nqueue;calls\nA,B;1\nC;x\n", "e.csv")
    assert frame.to_dict("list") == {"queue": ["A,B", "C"], "calls": ["1", "x"]}
    with pytest.raises(cio.UploadError) as info:  # rows as Excel shows them: the hint line is hidden
        cio.parse_numbers(frame, "calls")
    assert info.value.rows == [3]


def test_a_password_protected_workbook_is_named_as_such():
    err = _err(cio.read_table, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "工资.xlsx")
    assert err.problem == "xlsx_protected" and "password" in cio.upload_message(err, "en")


def test_big5_is_decoded_not_garbled():
    text = "時段,來電量,備註\n2026-03-02 08:00,12,週一\n2026-03-02 08:15,7,繁體中文測試\n"
    frame = cio.read_table(text.encode("big5"), "tw.csv")
    assert list(frame.columns) == ["時段", "來電量", "備註"]
    assert frame["備註"].tolist() == ["週一", "繁體中文測試"]
    history = cio.read_interval_history(text.encode("big5"), "tw.csv")
    assert history["calls"].tolist() == [12, 7]


def test_gbk_with_a_rare_name_is_still_gbk():
    text = "坐席,姓名,来电\nP1,王喆,3\nP2,李堃,4\nP3,张三,5\n"
    assert cio.read_table(text.encode("gbk"), "a.csv")["姓名"].tolist() == ["王喆", "李堃", "张三"]


def test_nul_in_a_text_cell_names_column_and_row():
    err = _err(cio.read_table, b"queue,calls\npresales,3\npre\x00sales,4\n")
    assert (err.problem, err.column, err.rows) == ("control_character", "queue", [3])


# ------------------------------------------------------------------ durations and outcomes


def test_durations_in_clock_form():
    rows = ["C1,售前,2026-03-02 08:00:05,接通,0:00:12,05:00,00:20,0:00:30,P001,否",
            "C2,售前,2026-03-02 08:01:00,接通,1:05,1:02:03,0,0,P002,否"]
    records = read_call_records(_calls(rows), "c.csv")
    assert records["wait_s"].tolist() == [12, 65]
    assert records["talk_s"].tolist() == [300, 3723]  # 5 min; 1 h 2 min 3 s
    assert records["hold_s"].tolist() == [20, 0]


@pytest.mark.parametrize("typed", ["1:75", "1:2:3:4", "12:60:00", "5分70秒", "1时75分", "五分钟", "5 min"])
def test_broken_clock_durations_are_refused(typed):
    rows = [f"C1,售前,2026-03-02 08:00:05,接通,12,{typed},0,30,P001,否"]
    err = _err(read_call_records, _calls(rows))
    assert err.column == "通话时长" and err.rows == [2] and err.value == typed


@pytest.mark.parametrize("typed, seconds", [
    ("5分钟", 300), ("5分30秒", 330), ("1小时2分3秒", 3723), ("1时0分5秒", 3605), ("45秒", 45), ("90分钟", 5400),
])
def test_chinese_durations(typed, seconds):
    rows = [f"C1,售前,2026-03-02 08:00:05,接通,12,{typed},0,30,P001,否"]
    assert read_call_records(_calls(rows), "c.csv")["talk_s"].tolist() == [seconds]


def test_durations_from_excel_time_cells():
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(HEADER.split(","))
    ws.append(["C1", "售前", dt.datetime(2026, 3, 2, 8, 0, 5), "接通", dt.time(0, 0, 12),
               dt.time(0, 5, 0), 0, dt.timedelta(seconds=90), "P001", "否"])
    buffer = io.BytesIO()
    book.save(buffer)
    records = read_call_records(buffer.getvalue(), "c.xlsx")
    assert records[["wait_s", "talk_s", "acw_s"]].values.tolist() == [[12, 300, 90]]


def test_chinese_outcome_words_and_unanswered_by_the_wait():
    rows = ["C1,售前,2026-03-02 08:00:05,已应答,12,300,0,30,P001,否",
            "C2,售前,2026-03-02 08:01:00,未接通,40,,,,,否",
            "C3,售前,2026-03-02 08:02:00,未接通,0,,,,,否",
            "C4,售前,2026-03-02 08:03:00,排队放弃,5,,,,,否",
            "C5,售前,2026-03-02 08:04:00,系统忙,,,,,,否"]
    records = read_call_records(_calls(rows), "c.csv")
    assert records["outcome"].tolist() == ["answered", "abandoned", "blocked", "abandoned", "blocked"]


def test_an_outcome_that_does_not_say_what_happened_is_refused():
    rows = ["C1,售前,2026-03-02 08:00:05,挂断,12,300,0,30,P001,否"]
    err = _err(read_call_records, _calls(rows))
    assert (err.problem, err.column, err.value) == ("unknown_value", "结果", "挂断")


# ------------------------------------------------------------------ dates


def _times(cells: list[str]) -> tuple[list[str], pd.DataFrame]:
    frame = pd.DataFrame({"t": cells})
    return [f"{t:%Y-%m-%d %H:%M}" for t in cio.parse_timestamps(frame, "t")], frame


def test_chinese_and_dotted_dates():
    got, _ = _times(["2026年3月2日 08:15", "2026年3月2日", "2026.3.2", "2026年03月02日8:05", "2026/3/2 8:15"])
    assert got == ["2026-03-02 08:15", "2026-03-02 00:00", "2026-03-02 00:00", "2026-03-02 08:05",
                   "2026-03-02 08:15"]


def test_day_first_when_a_day_above_12_decides():
    got, frame = _times(["03/02/2026 08:00", "13/02/2026 08:00"])
    assert got == ["2026-02-03 08:00", "2026-02-13 08:00"]
    assert cio.upload_notes(frame) == []


def test_month_first_when_a_second_number_above_12_decides():
    got, _ = _times(["03/02/2026", "02/13/2026"])
    assert got == ["2026-03-02 00:00", "2026-02-13 00:00"]


def test_an_undecidable_column_is_read_month_first_and_says_so():
    got, frame = _times(["03/02/2026", "04/02/2026"])
    assert got == ["2026-03-02 00:00", "2026-04-02 00:00"]
    assert cio.upload_notes(frame, "en") == [
        'Column "t" has dates such as "03/02/2026" that read either way; they were read as '
        "month/day/year. If that is wrong, write them as 2026-03-02."]


def test_a_column_with_both_orders_is_refused():
    with pytest.raises(cio.UploadError) as info:
        _times(["13/02/2026", "01/01/2026", "02/13/2026"])
    err = info.value
    assert (err.problem, err.rows, err.value) == ("mixed_date_order", [2, 4], ["13/02/2026", "02/13/2026"])
    assert "13/02/2026" in cio.upload_message(err, "zh")


def test_a_time_zone_offset_keeps_the_clock_time_and_says_so():
    got, frame = _times(["2026-03-02T08:15:00+08:00", "2026-03-02T08:30:00+08:00"])
    assert got == ["2026-03-02 08:15", "2026-03-02 08:30"]
    assert "+08:00" in cio.upload_notes(frame, "en")[0]
    with pytest.raises(cio.UploadError) as info:
        _times(["2026-03-02T08:15:00+08:00", "2026-03-02T00:30:00Z"])
    assert (info.value.problem, info.value.rows) == ("mixed_timezones", [3])


@pytest.mark.parametrize("typed, problem", [
    ("2500-01-01 08:00", "date_out_of_range"), ("1800-01-01", "date_out_of_range"),
    ("2026-02-30 08:00", "bad_timestamp"), ("2026-03-02 25:00", "bad_timestamp"), ("明天", "bad_timestamp"),
])
def test_impossible_dates_name_column_and_row(typed, problem):
    with pytest.raises(cio.UploadError) as info:
        _times(["2026-03-02 08:00", typed])
    assert (info.value.problem, info.value.column, info.value.rows, info.value.value) == (problem, "t", [3], typed)


def test_year_2500_in_an_upload_is_a_sentence_with_row():
    rows = ["C1,售前,2500-03-02 08:00:05,接通,12,300,0,30,P001,否"]
    err = _err(read_call_records, _calls(rows))
    assert cio.upload_message(err, "en") == 'Column "来电时间" must have years within 1900–2199; row 2 has "2500-03-02 08:00:05".'


# ------------------------------------------------------------------ sizes and row numbers


def test_an_oversized_file_object_is_refused_after_reading_one_byte_past_the_limit(monkeypatch):
    monkeypatch.setattr(cio._read, "MAX_UPLOAD_BYTES", 100)
    handle = io.BytesIO(b"a,b\n" + b"1,2\n" * 250)  # 1,004 bytes
    with pytest.raises(cio.UploadError) as info:
        cio.read_table(handle, "big.csv")
    assert info.value.problem == "too_large" and handle.tell() == 101


def test_row_numbers_survive_a_title_and_a_filter():
    frame = cio.read_table("报表\n\nqueue,calls\nA,1\nB,2\n\nA,x\n".encode(), "q.csv")
    # title(1) blank(2) header(3) A,1(4) B,2(5) blank(6) A,x(7)
    assert list(frame.attrs["ccskills_rows"]) == [4, 5, 7]
    only_a = frame[frame["queue"] == "A"]  # an app keeps some rows: the labels still point home
    with pytest.raises(cio.UploadError) as info:
        cio.parse_numbers(only_a, "calls")
    assert info.value.rows == [7]
    assert cio.spreadsheet_rows(None, [True]) == [2]  # a frame not from read_table: header = row 1


def test_excel_title_gap_and_total_row_keep_excels_row_numbers():
    book = openpyxl.Workbook()
    ws = book.active
    ws["A1"], ws["A3"], ws["B3"] = "2026年3月来电", "时段", "来电"
    ws["A4"], ws["B4"] = "2026-03-02 08:00", 12
    ws["A6"], ws["B6"] = "2026-03-02 08:15", "x"  # row 5 left empty
    ws["A7"], ws["B7"] = "合计", 12
    buffer = io.BytesIO()
    book.save(buffer)
    frame = cio.read_table(buffer.getvalue(), "h.xlsx")
    assert list(frame.attrs["ccskills_rows"]) == [4, 6]
    with pytest.raises(cio.UploadError) as info:
        cio.parse_numbers(frame, "来电")
    assert info.value.rows == [6]
    assert cio.upload_notes(frame, "zh") == ["表头在第 3 行，上面的标题行已跳过。",
                                             "已忽略合计行：第 7 行（“合计”），以免重复计算。"]
