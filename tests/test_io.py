"""ccskills.io: uploads in every encoding a centre's PCs produce, errors that name row and column,
Excel files that open and are never half-written."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from ccskills import io as cio

TEXT = "时段,来电,队列\n2026-03-02 08:00,12,售前\n2026-03-02 08:15,7,售后\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_in_every_encoding_reads_the_same(encoding):
    frame = cio.read_table(TEXT.encode(encoding), "upload.csv")
    assert list(frame.columns) == ["时段", "来电", "队列"]
    assert frame["队列"].tolist() == ["售前", "售后"]
    assert frame["来电"].tolist() == ["12", "7"]


def test_xlsx_reads_by_content_and_by_path(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["interval_start", "calls"])
    ws.append(["2026-03-02 08:00", 12])
    ws.append(["2026-03-02 08:15", 7.5])
    path = tmp_path / "h.xlsx"
    wb.save(path)
    by_path = cio.read_table(path)
    by_bytes = cio.read_table(path.read_bytes(), "whatever.bin")
    pd.testing.assert_frame_equal(by_path, by_bytes)
    assert cio.parse_numbers(by_path, "calls").tolist() == [12.0, 7.5]


def test_blank_lines_and_spaces_are_ignored():
    frame = cio.read_table(b" a , b \n1, 2\n\n,\n3,4\n", "x.csv")
    assert list(frame.columns) == ["a", "b"]
    assert frame["b"].tolist() == ["2", "4"]


@pytest.mark.parametrize("data, name, problem", [
    (b"%PDF-1.4", "report.pdf", "file_type"),
    (b"\xd0\xcf\x11\xe0", "old.xls", "file_type"),
    (b"a,b\n", "empty.csv", "empty"),
    (b"", "nothing.csv", "unreadable"),
    (bytes([0x81, 0x20, 0xff, 0xfe, 0x80]) * 3, "binary.csv", "unreadable"),
])
def test_unusable_files_are_refused_with_a_problem(data, name, problem):
    with pytest.raises(cio.UploadError) as info:
        cio.read_table(data, name)
    assert info.value.problem == problem
    assert cio.upload_message(info.value, "zh") and cio.upload_message(info.value, "en")


def test_missing_columns_name_what_is_missing_and_what_was_found():
    frame = cio.read_table(TEXT.encode(), "x.csv")
    with pytest.raises(cio.UploadError) as info:
        cio.require_columns(frame, ["interval_start", "calls", "aht_s"],
                            aliases={"时段": "interval_start", "来电": "calls"})
    err = info.value
    assert err.problem == "missing_columns" and err.column == "aht_s"
    assert cio.upload_message(err, "en") == "Missing column(s): aht_s. The file has: 时段, 来电, 队列."


def test_aliases_and_case_rename_to_the_required_names():
    frame = pd.DataFrame({"Calls": ["1"], "时段": ["2026-03-02 08:00"]})
    out = cio.require_columns(frame, ["interval_start", "calls"], aliases={"时段": "interval_start"})
    assert list(out.columns) == ["calls", "interval_start"]


def test_text_in_a_number_column_names_its_spreadsheet_row():
    frame = pd.DataFrame({"calls": ["3", "4", "x", "5", "y"]})
    with pytest.raises(cio.UploadError) as info:
        cio.parse_numbers(frame, "calls")
    # header is row 1, so data positions 2 and 4 are spreadsheet rows 4 and 6
    assert info.value.rows == [4, 6] and info.value.value == "x"
    assert cio.upload_message(info.value, "zh") == "“calls”列必须是数字；第 4, 6 行是“x”。"


def test_negative_fraction_and_empty_cells():
    frame = pd.DataFrame({"n": ["1", "-2", "3.5", ""]})
    with pytest.raises(cio.UploadError) as neg:
        cio.parse_numbers(frame, "n", minimum=0, allow_missing=True)
    assert neg.value.problem == "negative" and neg.value.rows == [3]
    with pytest.raises(cio.UploadError) as frac:
        cio.parse_numbers(frame, "n", integer=True, allow_missing=True)
    assert frac.value.problem == "not_integer" and frac.value.rows == [4]
    with pytest.raises(cio.UploadError) as empty:
        cio.parse_numbers(frame, "n")
    assert empty.value.problem == "missing_value" and empty.value.rows == [5]
    out = cio.parse_numbers(pd.DataFrame({"n": ["1,234", " 5 ", ""]}), "n", allow_missing=True)
    assert out.iloc[:2].tolist() == [1234.0, 5.0] and pd.isna(out.iloc[2])


def test_timestamps_in_common_spellings_and_a_bad_one():
    frame = pd.DataFrame({"t": ["2026-03-02 08:00", "2026/3/2 8:15", "2026-03-02T08:30:00"]})
    parsed = cio.parse_timestamps(frame, "t")
    assert parsed.tolist() == list(pd.to_datetime(["2026-03-02 08:00", "2026-03-02 08:15",
                                                   "2026-03-02 08:30"]))
    assert str(parsed.dtype) == "datetime64[ns]"
    with pytest.raises(cio.UploadError) as info:
        cio.parse_timestamps(pd.DataFrame({"t": ["2026-03-02 08:00", "明天"]}), "t")
    assert info.value.problem == "bad_timestamp" and info.value.rows == [3]


def test_duplicates_list_every_row_of_the_repeated_value():
    frame = pd.DataFrame({"t": ["2026-03-02 8:00", "2026-03-02 08:15", "2026-03-02 08:00"]})
    parsed = cio.parse_timestamps(frame, "t")
    with pytest.raises(cio.UploadError) as info:
        cio.check_unique(frame, "t", values=parsed)
    assert info.value.rows == [2, 4]
    assert info.value.value == "2026-03-02 08:00:00"
    cio.check_unique(frame, "t")  # as text they differ: no error


def test_unknown_values_list_the_allowed_ones():
    frame = pd.DataFrame({"outcome": ["answered", "abandon", "answered"]})
    with pytest.raises(cio.UploadError) as info:
        cio.check_allowed(frame, "outcome", ["answered", "abandoned", "blocked"])
    assert info.value.rows == [3]
    assert cio.upload_message(info.value, "en") == (
        'Column "outcome" must be one of answered, abandoned, blocked; row 3 has "abandon".')


def test_many_rows_are_summarised():
    err = cio.UploadError("missing_value", "", column="c", rows=list(range(2, 12)))
    assert cio.upload_message(err, "en").endswith("rows 2, 3, 4, 5, 6 and 5 more is empty.")
    assert "等共 10 行" in cio.upload_message(err, "zh")


def test_excel_round_trip_with_formats(tmp_path):
    frame = pd.DataFrame({"时段": pd.date_range("2026-03-02 08:00", periods=3, freq="15min"),
                          "服务水平": [0.8, 0.755, 0.9], "座席": [10, 11, 12],
                          "放弃率": [0.05, float("nan"), 0.02]})
    path = cio.write_excel(tmp_path / "plan.xlsx", {"汇总": frame.head(1), "明细": frame},
                           number_formats={"明细": {"服务水平": "0.0%"}})
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["汇总", "明细"]
    ws = book["明细"]
    assert ws["B3"].value == pytest.approx(0.755) and ws["B3"].number_format == "0.0%"
    assert ws["A1"].font.bold and ws.freeze_panes == "A2"
    back = pd.read_excel(path, sheet_name="明细")
    pd.testing.assert_frame_equal(back, frame, check_dtype=False)


def test_a_failed_write_leaves_no_file(tmp_path, monkeypatch):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")
    real = cio._excel._format_columns

    def fail_on_second_sheet(ws, table, formats):
        if ws.title == "second":
            raise ValueError("disk full (simulated)")
        real(ws, table, formats)

    monkeypatch.setattr(cio._excel, "_format_columns", fail_on_second_sheet)
    with pytest.raises(ValueError, match="simulated"):
        cio.write_excel(target, {"first": pd.DataFrame({"a": [1]}), "second": pd.DataFrame({"a": [2]})},
                        overwrite=True)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]
    with pytest.raises(ValueError, match="sheets must hold at least one table"):
        cio.excel_bytes({})


def test_file_objects_are_accepted():
    frame = cio.read_table(io.BytesIO(TEXT.encode("utf-8-sig")), "x.csv")
    assert frame.shape == (2, 3)


def _history(text: str, encoding="utf-8") -> pd.DataFrame:
    return cio.read_interval_history(text.encode(encoding), "history.csv")


def test_interval_history_with_chinese_headers_in_gbk():
    out = _history("队列,时段,来电量,平均处理时长\n售前,2026-03-02 08:15,7,300\n售前,2026-03-02 08:00,12,280.5\n"
                   "售后,2026-03-02 08:00,0,\n", "gbk")
    assert list(out.columns) == ["line", "interval_start", "calls", "aht_s"]
    assert out.loc[out["line"] == "售前", "calls"].tolist() == [12, 7]  # sorted by time
    assert out["calls"].dtype == "int64" and pd.isna(out.loc[out["line"] == "售后", "aht_s"]).all()


@pytest.mark.parametrize("text, problem, column, rows", [
    ("时段,来电量\n2026-03-02 08:00,12\n2026-03-02 08:00,3\n", "duplicate", "时段", [2, 3]),
    ("interval_start,calls\n2026-03-02 08:00,12\n2026-03-02 08:15,-1\n", "negative", "calls", [3]),
    ("interval_start,calls\n2026-03-02 08:00,12\n2026-03-02 08:15,十二\n", "not_a_number", "calls", [3]),
    ("interval_start,calls\n2026-03-02 08:00,1.5\n", "not_integer", "calls", [2]),
    ("interval_start,calls,aht_s\n2026-03-02 08:00,4,\n", "below_minimum", "aht_s", [2]),
    ("time,calls\n2026-03-02 08:00,4\n", "missing_columns", "interval_start", []),
    ("interval_start,calls\n2026-03-02 08:00,4\n2026-03-02 08:15,4\n2026-03-02 08:30,4\n"
     "2026-03-02 08:37,4\n", "off_grid", "interval_start", [5]),
])
def test_interval_history_problems_name_column_and_rows(text, problem, column, rows):
    with pytest.raises(cio.UploadError) as info:
        _history(text)
    err = info.value
    assert (err.problem, err.column, err.rows) == (problem, column, rows)
    assert cio.upload_message(err, "zh") and cio.upload_message(err, "en")


def test_interval_history_allows_closed_hours_and_days():
    times = ["2026-03-02 08:00", "2026-03-02 08:15", "2026-03-03 08:00", "2026-03-09 09:30"]
    out = _history("interval_start,calls\n" + "".join(f"{t},5\n" for t in times))
    assert len(out) == 4 and out["line"].eq("upload").all()


def test_a_repeated_single_column_value_is_shown_as_itself():
    frame = pd.DataFrame({"call_id": ["C1", "C2", "C1"]})
    with pytest.raises(cio.UploadError) as info:
        cio.check_unique(frame, "call_id")
    assert info.value.value == "C1" and info.value.rows == [2, 4]
    with pytest.raises(cio.UploadError) as pair:
        cio.check_unique(pd.DataFrame({"a": ["x", "x"], "b": [1, 1]}), ["a", "b"])
    assert pair.value.value == ("x", 1) and pair.value.column == "a, b"
