"""The Erlang calculator's whole day (issue 13): calls and AHT per interval in, agents, hours and cost out.

Expected values come from the textbook Erlang C of tests/queue_reference.py (exact rationals), a
linear search written here, and ⌈N / (1 − shrinkage)⌉ by hand; never from the library's output.
"""

from __future__ import annotations

import base64
import datetime
import io
import math
import re

import numpy as np
import openpyxl
import pandas as pd
import pytest
from queue_reference import ref_asa, ref_service_level

from ccskills.apps import build_erlang_calculator
from ccskills.apps._common import card_value
from ccskills.apps._erlang_day import day_upload_message, example_day, read_day
from ccskills.interval_staffing import ErlangInputs, plan_day
from ccskills.io import UploadError, excel_bytes


@pytest.fixture(autouse=True)
def _own_scenario_store(tmp_path, monkeypatch):
    monkeypatch.setenv("CCSKILLS_SCENARIOS", str(tmp_path / "scenarios.json"))


def _reference_agents(calls, aht, interval, meets, cap):
    """Fewest agents N > load with ``meets(N, load)`` and load / N ≤ cap (linear search)."""
    load = calls * aht / interval
    if calls == 0:
        return 0
    n = max(1, math.floor(load) + 1)
    while not (meets(n, load) and load / n <= cap + 1e-12):
        n += 1
    return n


def _day_series():
    day = example_day()
    index = pd.DatetimeIndex(day["interval_start"])
    return pd.Series(day["calls"].to_numpy(), index=index), day["aht_s"].to_numpy()


def test_the_example_day_against_textbook_erlang_c():
    calls, aht = _day_series()
    assert len(calls) == 56  # 08:00–22:00 in quarters
    plan = plan_day(calls, aht, ErlangInputs(), hourly_cost=45.0)
    want = [_reference_agents(c, a, 900, lambda n, load, a=a: ref_service_level(n, load, a, 20) >= 0.8, 0.85)
            for c, a in zip(calls, aht)]
    assert plan.required.tolist() == want
    scheduled = [math.ceil(n / 0.7 - 1e-9) for n in want]
    assert plan.scheduled.tolist() == scheduled
    totals = plan.summary()
    assert totals["phone_hours"] == pytest.approx(sum(want) * 0.25)
    assert totals["paid_hours"] == pytest.approx(sum(scheduled) * 0.25)
    assert totals["cost"] == pytest.approx(sum(scheduled) * 0.25 * 45.0)
    assert totals["peak_required"] == max(want)


def test_an_asa_target_over_a_day_without_a_cap():
    idx = pd.date_range("2026-03-02 09:00", periods=4, freq="30min")
    calls = pd.Series([40.0, 120.0, 300.0, 0.0], index=idx)
    plan = plan_day(calls, 240.0, ErlangInputs(target_kind="asa", target_asa=15, max_occupancy=1.0,
                                               shrinkage=0.25))
    want = [_reference_agents(c, 240, 1800, lambda n, load: ref_asa(n, load, 240) <= 15, 1.0) for c in calls]
    assert plan.required.tolist() == want
    assert plan.scheduled.tolist() == [math.ceil(n / 0.75) for n in want]
    assert "cost" not in plan.intervals  # no hourly cost given


def test_the_calculator_shows_the_day_at_once():
    app = build_erlang_calculator("zh")
    calls, aht = _day_series()
    want = [_reference_agents(c, a, 900, lambda n, load, a=a: ref_service_level(n, load, a, 20) >= 0.8, 0.85)
            for c, a in zip(calls, aht)]
    paid = sum(math.ceil(n / 0.7 - 1e-9) for n in want) * 0.25
    shown = {name: card_value(box) for name, box in app.day_cards.items()}
    assert shown["day_phone_hours"] == f"{sum(want) * 0.25:,.2f}"
    assert shown["day_paid_hours"] == f"{paid:,.2f}"
    assert shown["day_cost"] == f"{paid * 45:,.0f}"
    peak = int(np.argmax(want))
    assert shown["day_peak"] == f"{calls.index[peak]:%H:%M}（{max(want)} 人）"
    assert app.day_table.value.count("<tr") == 57  # header + 56 intervals
    assert 'class="ccs-peak-row"' in app.day_table.value
    assert "56 个时段，每 15 分钟" in app.day_source.value


def test_hourly_cost_changes_the_cost_only_and_a_bad_one_is_a_sentence():
    app = build_erlang_calculator("zh")
    hours = float(card_value(app.day_cards["day_paid_hours"]).replace(",", ""))
    app.controls["hourly_cost"].value = 60
    assert card_value(app.day_cards["day_cost"]) == f"{hours * 60:,.0f}"
    app.controls["hourly_cost"].value = 0
    assert "每小时人力成本必须大于 0" in app.day_status.value
    assert card_value(app.day_cards["day_cost"]) == "—"
    assert app.shown("required_agents") == "14"  # the single interval is unaffected


# --- reading an uploaded day ----------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_template_reads_back_as_the_example_day(lang):
    app = build_erlang_calculator(lang)
    link = re.search(r'<a class="ccs-template-link" download="([^"]+)" href="data:[^;]+;base64,([^"]+)"',
                     app.day_hint.value)
    day = read_day(base64.b64decode(link[2]), link[1])
    example = example_day()
    assert list(day["calls"]) == list(example["calls"])
    assert np.allclose(day["aht_s"], example["aht_s"])
    assert list(day["interval_start"].dt.strftime("%H:%M")) == list(example["interval_start"].dt.strftime("%H:%M"))


def _upload(app, content: bytes, name: str) -> None:
    app.day_upload.value = ({"name": name, "type": "", "size": len(content), "content": memoryview(content),
                             "last_modified": datetime.datetime(2026, 3, 2)},)


def test_an_uploaded_day_replaces_the_example_and_is_previewed():
    app = build_erlang_calculator("zh")
    text = "时段,来话量,AHT 秒\n09:00,100,180\n09:30,300,180\n10:00,0,\n".encode("gbk")
    _upload(app, text, "我的一天.csv")
    assert app.day_status.value == ""
    assert "上传的文件：我的一天.csv（3 个时段，每 30 分钟）" in app.day_source.value
    assert "读取 我的一天.csv：3 行" in app.day_preview.value
    # 100 and 300 calls of 180 s per 30 min: load 10 and 30 Erlang; 80/20 with the 85 % cap
    want = [_reference_agents(c, 180, 1800, lambda n, load: ref_service_level(n, load, 180, 20) >= 0.8, 0.85)
            for c in (100, 300, 0)]
    assert card_value(app.day_cards["day_phone_hours"]) == f"{sum(want) * 0.5:,.2f}"
    assert app.day_example.layout.display is None
    app.day_example.click()
    assert "示例日" in app.day_source.value and app.day_preview.value == ""


@pytest.mark.parametrize("content, zh, en", [
    ("时段,来话量\n08:00,10\n25:00,12\n", "“时段”列必须是日期时间", 'Column "时段"'),
    ("时段,来话量\n08:00,10\n08:00,12\n", "“时段”列有重复值“08:00”：第 2, 3 行", "rows 2, 3"),
    ("时段,来话量\n08:00,10\n08:15,12\n08:30,3\n08:40,3\n", "“时段”列的时段应每 15 分钟一个；第 5 行是“08:40”",
     "row 5"),
    ("时段,来话量\n08:00,-3\n", "“来话量”列不能为负数；第 2 行是 -3", "row 2"),
    ("时段,来话量,AHT 秒\n08:00,10,\n", "“AHT 秒”列必须至少为 0；第 2 行", "row 2"),
    ("时间点,来话量\n08:00,10\n", "缺少列：时段。", "Interval start"),
])
def test_a_bad_day_file_is_one_sentence_naming_column_and_row(content, zh, en):
    with pytest.raises(UploadError) as err:
        read_day(content.encode("utf-8"), "day.csv")
    assert zh in day_upload_message(err.value, "zh")
    assert en in day_upload_message(err.value, "en")
    assert "interval_start" not in day_upload_message(err.value, "en")


def test_a_bad_upload_keeps_the_day_on_screen_and_says_why():
    app = build_erlang_calculator("en")
    before = app.day_table.value
    _upload(app, "时段,来话量\n08:00,-3\n".encode("utf-8"), "bad.csv")
    assert "Whole day:" in app.day_status.value and "cannot be negative; row 2 has -3" in app.day_status.value
    assert app.day_table.value == before and "Example day" in app.day_source.value


def test_date_times_and_excel_time_cells_are_read():
    frame = pd.DataFrame({"interval start": pd.to_datetime(["2026-03-02 08:00", "2026-03-02 08:30"]),
                          "calls": [10, 20], "AHT (s)": [200, 210]})
    day = read_day(excel_bytes({"day": frame}), "day.xlsx")
    assert list(day["interval_start"]) == list(frame["interval start"])
    assert day["calls"].tolist() == [10.0, 20.0] and day["aht_s"].tolist() == [200.0, 210.0]


# --- Excel ----------------------------------------------------------------------------------------

def test_the_workbook_holds_the_day_as_numbers_with_its_inputs():
    app = build_erlang_calculator("zh")
    href = re.search(r'base64,([^"]+)', app.download.value)[1]
    book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(href)))
    assert book.sheetnames == ["座席与服务水平", "结果", "全天各时段", "全天汇总", "输入参数"]
    day = book["全天各时段"]
    header = [c.value for c in day[1]]
    first = {h: c for h, c in zip(header, day[2])}
    assert day.max_row == 57
    assert first["时段"].is_date and first["时段"].number_format == "hh:mm"
    assert isinstance(first["在线座席 (人)"].value, int) and first["服务水平"].number_format == "0.0%"
    assert 0 < first["服务水平"].value < 1
    totals = {row[0].value: row[1] for row in book["全天汇总"].iter_rows(min_row=2)}
    assert isinstance(totals["全天人力成本 (元)"].value, float)
    inputs = {row[0].value: row[1].value for row in book["输入参数"].iter_rows(min_row=2)}
    assert inputs["每小时人力成本"] == 45 and inputs["全天时段长度"] == 15
    assert inputs["全天数据"].startswith("示例日")


def test_the_day_chart_is_titled_with_labelled_axes():
    app = build_erlang_calculator("en")
    spec = app.day_chart.chart.to_dict()
    assert spec["title"] == "Agents needed per interval"
    assert spec["encoding"]["x"]["title"] == "Interval start" and spec["encoding"]["y"]["title"] == "Agents"


def test_an_erlang_a_day_against_the_birth_death_chain():
    from queue_reference import mp_erlang_a, ref_mmnm

    idx = pd.date_range("2026-03-02 09:00", periods=3, freq="30min")
    calls = pd.Series([60.0, 200.0, 350.0], index=idx)
    plan = plan_day(calls, 240.0, ErlangInputs(patience=120.0, max_occupancy=1.0), hourly_cost=45.0)
    want = []
    for c in calls:  # fewest agents with SL (answered within 20 s / offered) ≥ 80 % under M/M/N+M
        load, n = c * 240 / 1800, 1
        while float(mp_erlang_a(n, load, 240, 120, 20)[2]) < 0.8:
            n += 1
        want.append(n)
    assert plan.required.tolist() == want
    for got, n, c in zip(plan.intervals["abandon_rate"], want, calls):
        assert got == pytest.approx(ref_mmnm(n, c * 240 / 1800, 240, 120)["abandon_rate"], rel=1e-6)
