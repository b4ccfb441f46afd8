"""Reading uploaded call records (ccskills.kpi.read_call_records): good files in every encoding and
header language, and every bad file answered with the column as the file spells it and the
spreadsheet rows (header = row 1)."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from ccskills.datasets import data_dir, load_call_records
from ccskills.io import UploadError, excel_bytes, upload_message
from ccskills.kpi import read_call_records

HEADER_EN = "call_id,queue,arrival,outcome,wait_s,talk_s,hold_s,acw_s,agent_id,transferred,resolved_first_contact,csat"
HEADER_ZH = "通话编号,队列,来电时间,结果,等待时长,通话时长,保持时长,话后处理时长,坐席工号,是否转接,首次解决,满意度"
ROWS = [
    "C1,presales,2026-03-02 08:00:05,answered,12,300,0,30,P001,false,true,5",
    "C2,presales,2026-03-02 08:01:00,abandoned,40,,,,,false,,",
    "C3,aftersales,2026-03-02 08:02:00,blocked,0,,,,,false,,",
    "C4,aftersales,2026-03-02 08:03:00,answered,3,200,20,10,A001,true,false,",
]


def _csv(rows=ROWS, header=HEADER_EN, encoding="utf-8") -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode(encoding)


def _error(data: bytes, name="calls.csv") -> UploadError:
    with pytest.raises(UploadError) as info:
        read_call_records(data, name)
    return info.value


def test_the_committed_month_reads_back_equal_to_the_loader():
    records = read_call_records(data_dir() / "call_records.csv")
    expected = load_call_records()
    assert len(records) == 50_167
    pd.testing.assert_frame_equal(records, expected, check_dtype=False)
    assert records["arrival"].dtype == "datetime64[ns]" and records["transferred"].dtype == bool


def test_gbk_chinese_headers_chinese_values_and_yes_no():
    rows = [r.replace("answered", "接通").replace("abandoned", "放弃").replace("blocked", "占线")
             .replace("false", "否").replace("true", "是") for r in ROWS]
    records = read_call_records(_csv(rows, HEADER_ZH, "gbk"), "通话.csv")
    assert records["outcome"].tolist() == ["answered", "abandoned", "blocked", "answered"]
    assert records["transferred"].tolist() == [False, False, False, True]
    assert records["resolved_first_contact"].tolist() == [True, pd.NA, pd.NA, False]
    assert records["csat"].tolist() == [5, pd.NA, pd.NA, pd.NA]
    assert records["wait_s"].tolist() == [12, 40, 0, 3]
    assert records["talk_s"].tolist() == [300, pd.NA, pd.NA, 200]


def test_bom_and_1_0_booleans_and_absent_optional_columns():
    header = ",".join(HEADER_EN.split(",")[:10])
    rows = [",".join(r.split(",")[:10]).replace("false", "0").replace("true", "1") for r in ROWS]
    records = read_call_records(_csv(rows, header, "utf-8-sig"), "c.csv")
    assert records["transferred"].tolist() == [False, False, False, True]
    assert records["resolved_first_contact"].isna().all() and records["csat"].isna().all()


def test_excel_upload():
    frame = pd.read_csv(io.StringIO("\n".join([HEADER_EN, *ROWS])), dtype=str, keep_default_na=False)
    records = read_call_records(excel_bytes({"calls": frame}), "calls.xlsx")
    assert records["call_id"].tolist() == ["C1", "C2", "C3", "C4"]


def test_missing_column_is_named_with_what_the_file_has():
    header = HEADER_ZH.replace(",等待时长", "")
    rows = [",".join(p for i, p in enumerate(r.split(",")) if i != 4) for r in ROWS]
    err = _error(_csv(rows, header))
    assert err.problem == "missing_columns" and err.column == "wait_s / 等待时长"
    assert upload_message(err, "zh").startswith("缺少列：wait_s / 等待时长。文件中的列为：通话编号、队列")
    header = "call_id,queue,arrival,outcome,wait_s,talk_s,hold_s,acw_s"
    err = _error(_csv([",".join(r.split(",")[:8]) for r in ROWS], header))
    assert upload_message(err, "en").startswith("Missing column(s): agent_id / 坐席工号, transferred / 是否转接.")


def test_text_in_wait_s_names_the_users_column_and_row():
    rows = list(ROWS)
    rows[1] = rows[1].replace(",40,", ",四十,")
    err = _error(_csv(rows, HEADER_ZH, "gbk"))
    assert upload_message(err, "zh") == "“等待时长”列必须是数字；第 3 行是“四十”。"
    assert upload_message(err, "en") == 'Column "等待时长" must contain numbers; row 3 has "四十".'


def test_unknown_outcome_names_rows():
    rows = list(ROWS)
    rows[2] = rows[2].replace("blocked", "done")
    err = _error(_csv(rows))
    assert upload_message(err, "en") == 'Column "outcome" must be one of answered, abandoned, blocked; row 4 has "done".'


def test_bad_timestamp():
    rows = list(ROWS)
    rows[3] = rows[3].replace("2026-03-02 08:03:00", "3月2日上午")
    err = _error(_csv(rows))
    assert upload_message(err, "zh") == "“arrival”列必须是日期时间（如 2026-03-02 08:15）；第 5 行是“3月2日上午”。"


def test_duplicated_call_id_names_every_row():
    rows = list(ROWS)
    rows[3] = rows[3].replace("C4", "C1")
    err = _error(_csv(rows))
    assert err.rows == [2, 5]
    assert upload_message(err, "en") == 'Column "call_id" repeats "C1": rows 2, 5.'


def test_bad_boolean_negative_and_csat_out_of_range():
    rows = list(ROWS)
    rows[0] = rows[0].replace("false", "maybe")
    assert upload_message(_error(_csv(rows)), "zh") == "“transferred”列只能是 是/否（或 true/false、1/0）；第 2 行是“maybe”。"
    rows = list(ROWS)
    rows[0] = rows[0].replace(",300,", ",-300,")
    assert upload_message(_error(_csv(rows)), "en") == 'Column "talk_s" cannot be negative; row 2 has -300.'
    rows = list(ROWS)
    rows[0] = rows[0].replace(",true,5", ",true,7")
    assert upload_message(_error(_csv(rows)), "en") == 'Column "csat" must be one of 1, 2, 3, 4, 5; row 2 has "7".'


def test_outcome_rules_between_columns():
    rows = list(ROWS)
    rows[1] = rows[1].replace("abandoned,40,,", "abandoned,40,55,")
    err = _error(_csv(rows))
    assert upload_message(err, "en") == 'Column "talk_s" must be empty or 0 for abandoned calls; row 3 has 55.'
    rows = list(ROWS)
    rows[0] = rows[0].replace(",300,", ",,")
    assert upload_message(_error(_csv(rows)), "en") == 'Column "talk_s" cannot have empty cells: row 2 is empty.'
    rows = list(ROWS)
    rows[3] = rows[3].replace("A001", "")
    assert upload_message(_error(_csv(rows)), "zh") == "“agent_id”列不能有空单元格：第 5 行为空。"
    rows = list(ROWS)
    rows[2] = rows[2].replace("blocked,0,", "blocked,9,")
    assert upload_message(_error(_csv(rows)), "zh") == "“wait_s”列对“blocked”的来电必须为空或 0；第 4 行是 9。"
    rows = list(ROWS)
    rows[1] = rows[1].replace(",presales,", ",,")
    assert upload_message(_error(_csv(rows)), "en") == 'Column "queue" cannot have empty cells: row 3 is empty.'


def test_a_team_column_is_kept():
    rows = [r + (",P1" if i % 2 == 0 else ",") for i, r in enumerate(ROWS)]
    records = read_call_records(_csv(rows, HEADER_ZH + ",班组"), "c.csv")
    assert records["team"].iloc[[0, 2]].tolist() == ["P1", "P1"] and records["team"].iloc[[1, 3]].isna().all()
