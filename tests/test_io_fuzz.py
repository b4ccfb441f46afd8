"""Whatever bytes arrive, the readers answer with a table or an UploadError whose sentence exists in
both languages: never another exception (which a calculator would show as "something unexpected")."""

from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ccskills import io as cio
from ccskills.kpi import read_call_records

HEADER = "call_id,queue,arrival,outcome,wait_s,talk_s,hold_s,acw_s,agent_id,transferred"
CELLS = st.sampled_from(["", "0", "12", "-3", "1e30", "inf", "nan", "1,234", "12,5", "0:05:00", "1:75",
                         "2026-03-02 08:00", "13/02/2026", "02/13/2026", "2026年3月2日", "2500-01-01",
                         "2026-03-02T08:00:00+08:00", "2026-03-02T08:00:00Z", "answered", "未接通", "挂断",
                         "合计", "Total", "=1+1", "是", "否", "true", "x\x00y", "售前", '"', "\t", ";"])
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _answer(reader, data: bytes, name: str) -> None:
    try:
        out = reader(data, name)
    except cio.UploadError as err:
        assert cio.upload_message(err, "zh") and cio.upload_message(err, "en")
        assert "{" not in cio.upload_message(err, "en")  # every placeholder filled
        return
    assert isinstance(out, pd.DataFrame)
    cio.upload_notes(out, "en")


@SETTINGS
@given(st.binary(max_size=400), st.sampled_from(["x.csv", "x.txt", "x.xlsx", "x"]))
def test_random_bytes(data, name):
    _answer(cio.read_table, data, name)


@SETTINGS
@given(st.lists(st.lists(CELLS, min_size=1, max_size=11), min_size=0, max_size=6),
       st.sampled_from([",", ";", "\t"]), st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
def test_call_records_from_hostile_cells(rows, sep, encoding):
    text = "\n".join([HEADER.replace(",", sep), *(sep.join(r) for r in rows)]) + "\n"
    _answer(read_call_records, text.encode(encoding), "calls.csv")


@SETTINGS
@given(st.lists(st.tuples(CELLS, CELLS, CELLS), min_size=1, max_size=6))
def test_interval_history_from_hostile_cells(rows):
    text = "时段,来电量,平均处理时长\n" + "".join(f"{a},{b},{c}\n" for a, b, c in rows)
    _answer(cio.read_interval_history, text.encode("gbk", errors="replace"), "h.csv")


@SETTINGS
@given(st.text(max_size=300), st.sampled_from(["utf-8", "utf-16", "gb18030"]))
def test_random_text(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return
    _answer(cio.read_table, data, "t.csv")


XLSX_VALUES = st.one_of(CELLS, st.floats(allow_nan=True, allow_infinity=True), st.integers(-10**20, 10**20),
                        st.datetimes(), st.times(), st.booleans(), st.none())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(XLSX_VALUES, min_size=10, max_size=10), min_size=1, max_size=4))
def test_call_records_from_hostile_excel_cells(rows):
    import io

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    for row in rows:
        sheet.append([v.replace("\x00", "") if isinstance(v, str) else v for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    _answer(read_call_records, buffer.getvalue(), "calls.xlsx")
