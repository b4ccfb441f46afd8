"""The floor-system templates (现场管理): nine elements, handover record, pre-shift agenda, emergency plan.

Every filled figure is recomputed here from the committed CSVs with plain pandas (definitions from
datasets/README.md: offered = answered + abandoned, SL within 20 s over offered, ASA over answered;
adherence from datasets/wfm/README.md), and Erlang C staffing from the textbook formula in exact
rationals (tests/queue_reference.py), never from the library's output.
"""

from __future__ import annotations

import io
import math
import re

import openpyxl
import pandas as pd
import pytest

from docx_tools import headings, table_after, text
from queue_reference import ref_service_level
from ccskills.datasets import data_dir
from ccskills.kpi import REGISTRY
from ccskills.management import floor
from ccskills.management._template import Template

DATA = data_dir()
NINE = ["目视管理", "人员与环境管理", "现场状态管理", "设备管理", "交接班管理", "班前会管理", "应急管理", "士气管理", "流程管理"]


@pytest.fixture(scope="module")
def calls():
    frame = pd.read_csv(DATA / "call_records.csv", parse_dates=["arrival"])
    return frame


@pytest.fixture(scope="module")
def attendance():
    return pd.read_csv(DATA / "people" / "attendance_2026_03.csv", parse_dates=["date"])


@pytest.fixture(scope="module")
def built():
    return {(t.id, lang, filled): t.build(lang, filled) for t in floor.TEMPLATES
            for lang in ("zh", "en") for filled in (True, False)}


def by_hand(sub: pd.DataFrame) -> dict:
    answered = sub["outcome"] == "answered"
    offered = answered.sum() + (sub["outcome"] == "abandoned").sum()
    return {"offered": offered, "sl": (answered & (sub["wait_s"] <= 20)).sum() / offered,
            "asa": sub.loc[answered, "wait_s"].mean(), "abandon": (sub["outcome"] == "abandoned").sum() / offered,
            "blocked": (sub["outcome"] == "blocked").sum()}


def starts_of(ranges: str) -> set[pd.Timestamp]:
    """'10:00–10:30, 12:15–12:30' on 2026-03-09 → the 15-minute interval starts it covers."""
    out = set()
    for a, b in re.findall(r"(\d\d:\d\d)–(\d\d:\d\d)", ranges or ""):
        out |= set(pd.date_range(f"2026-03-09 {a}", f"2026-03-09 {b}", freq="15min", inclusive="left"))
    return out


def test_templates_are_the_floor_part_and_open(built):
    assert [t.id for t in floor.TEMPLATES] == ["floor_system", "handover_record", "pre_shift_agenda", "emergency_plan"]
    assert all(isinstance(t, Template) and t.part == "floor" for t in floor.TEMPLATES)
    for (tid, lang, filled), data in built.items():
        if tid == "handover_record":
            openpyxl.load_workbook(io.BytesIO(data))
        else:
            assert headings(data), (tid, lang, filled)


@pytest.mark.parametrize("filled", [True, False])
def test_floor_system_has_the_nine_elements_of_the_write_up(built, filled):
    found = headings(built["floor_system", "zh", filled])
    assert [h.split(". ", 1)[1] for h in found if re.match(r"\d\. ", h)] == NINE
    assert floor.floor_elements_table("zh")["要素"].tolist() == NINE


def test_floor_system_kpis_are_the_registry(built):
    data = built["floor_system", "zh", True]
    for e in floor.FLOOR_ELEMENTS:
        rows = dict(r for r in table_after(data, f"{floor.FLOOR_ELEMENTS.index(e) + 1}. {e.name[0]}"))
        if e.kpi:
            ind = REGISTRY[e.kpi]
            assert rows["指标"].startswith(f"{ind.name_zh} = {ind.formula_zh}; 目标 ")
        else:
            assert rows["指标"].startswith("无注册指标")
    assert floor.floor_elements_table("zh").set_index("要素").loc["现场状态管理", "指标"] == REGISTRY["schedule_adherence"].name_zh


def test_floor_status_equals_an_overlap_recomputation(built):
    moment = pd.Timestamp("2026-09-18 20:05")
    sched = pd.read_csv(DATA / "wfm" / "schedule.csv", parse_dates=["start", "end"])
    states = pd.read_csv(DATA / "wfm" / "agent_states.csv", parse_dates=["start", "end"])
    sched = sched[sched["start"].dt.normalize() == moment.normalize()]
    states = states[states["start"].dt.normalize() == moment.normalize()]
    phone = {"available", "talk", "hold", "acw"}  # README: any phone state matches a scheduled phone activity
    states = states.assign(activity=states["state"].where(~states["state"].isin(phone), "phone"))
    pairs = sched.merge(states, on="agent_id", suffixes=("_s", "_a"))
    overlap = (pairs[["end_s", "end_a"]].min(axis=1) - pairs[["start_s", "start_a"]].max(axis=1)).dt.total_seconds().clip(lower=0)
    matched = overlap[pairs["activity_s"] == pairs["activity_a"]].sum()
    scheduled = (sched["end"] - sched["start"]).dt.total_seconds().sum()
    worked = (states["end"] - states["start"]).dt.total_seconds()[states["activity"] == "phone"].sum()
    phone_sched = (sched["end"] - sched["start"]).dt.total_seconds()[sched["activity"] == "phone"].sum()
    now_s = sched[(sched["start"] <= moment) & (moment < sched["end"])].set_index("agent_id")["activity"]
    now_a = states[(states["start"] <= moment) & (moment < states["end"])].set_index("agent_id")["activity"]
    agents = now_s.index.union(now_a.index)
    out = sorted(a for a in agents if a in now_s.index and now_a.get(a) != now_s[a])
    status = floor.floor_status()
    assert status.adherence == pytest.approx(matched / scheduled, abs=1e-12)
    assert status.conformance == pytest.approx(worked / phone_sched, abs=1e-12)
    assert (status.on_shift, list(status.out_of_adherence)) == (len(agents), out)
    body = text(built["floor_system", "zh", True])
    assert f"全天排班遵从度 {matched / scheduled:.1%}" in body and f"在班 {len(agents)} 人" in body


def test_handover_record_figures_equal_pandas(built, calls, attendance):
    book = openpyxl.load_workbook(io.BytesIO(built["handover_record", "zh", True]))
    sheet = book["交接班记录"]
    head = [c.value for c in sheet[1]]
    rows = [dict(zip(head, [c.value for c in row])) for row in sheet.iter_rows(min_row=2)]
    assert len(rows) == 4  # 15:00 and 22:00 × two zones
    teams = pd.read_csv(DATA / "agents.csv").drop_duplicates("team").set_index("team")["queue"]
    attendance = attendance.assign(queue=attendance["team"].map(teams))
    zones = {"售前区": "presales", "售后区": "aftersales"}
    for row in rows:
        queue, end = zones[row["区域"]], pd.Timestamp(row["交接时间"])
        start = end - pd.Timedelta("7h")
        shift = "early" if end.hour == 15 else "late"
        sub = calls[(calls["queue"] == queue) & (calls["arrival"] >= start) & (calls["arrival"] < end)]
        want = by_hand(sub)
        assert row["来话量"] == want["offered"]
        assert row["服务水平"] == pytest.approx(want["sl"], abs=1e-12)
        assert row["平均应答速度(秒)"] == pytest.approx(want["asa"], abs=1e-9)
        assert row["放弃率"] == pytest.approx(want["abandon"], abs=1e-12)
        assert (row["系统故障"] == "无") == (want["blocked"] == 0)
        crew = attendance[(attendance["date"] == "2026-03-09") & (attendance["shift"] == shift) & (attendance["queue"] == queue)]
        assert (row["排班人数"], row["出勤(含迟到)"], row["迟到"], row["缺勤"]) == (
            len(crew), (crew["status"] != "absent").sum(), (crew["status"] == "late").sum(), (crew["status"] == "absent").sum())
        slot = sub.assign(slot=sub["arrival"].dt.floor("15min"))
        low = {s for s, g in slot.groupby("slot") if by_hand(g)["sl"] < 0.8}
        assert starts_of(row["未结问题"].split("在线人数")[0]) == low
    assert rows[0]["接班班组长"] == rows[2]["交班班组长"] and rows[1]["接班班组长"] == rows[3]["交班班组长"]
    assert all(r["交班班组长"] != r["接班班组长"] for r in rows)
    assert_values_only(book)


def test_duty_leader_is_the_biggest_teams_leader(attendance):
    staff = pd.read_csv(DATA / "people" / "employees.csv", parse_dates=["hire_date", "leave_date"])
    leaders = staff[(staff["role"] == "team_leader") & staff["leave_date"].isna()].set_index("team")["employee_id"]
    crew = attendance[(attendance["date"] == "2026-03-09") & (attendance["shift"] == "early") & attendance["team"].str.startswith("A")]
    counts = crew["team"].value_counts()
    biggest = sorted(counts[counts == counts.max()].index)[0]
    assert floor.duty_leader("2026-03-09", "early", "aftersales") == leaders[biggest]


def test_handover_template_blank_has_columns_and_no_values(built):
    book = openpyxl.load_workbook(io.BytesIO(built["handover_record", "zh", False]))
    sheet = book["交接班记录"]
    assert [c.value for c in sheet[1]][:5] == ["交接时间", "区域", "交班班次", "交班班组长", "接班班组长"]
    assert all(c.value is None for row in sheet.iter_rows(min_row=2) for c in row)
    notes = {r[0].value: r[1].value for r in book["填写说明"].iter_rows(min_row=2)}
    assert notes["服务水平"] == REGISTRY["service_level"].formula_zh
    assert_values_only(book)


def assert_values_only(book):
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f" and not (isinstance(cell.value, str) and cell.value.startswith("=")), cell.coordinate


def test_pre_shift_agenda_is_ten_minutes_filled_from_the_data(built, calls, attendance):
    data = built["pre_shift_agenda", "zh", True]
    agenda = table_after(data, "议程")
    assert [r[0] for r in agenda[1:]] == ["0–2 分钟", "2–4 分钟", "4–6 分钟", "6–8 分钟", "8–10 分钟"]
    assert [r[1] for r in agenda[1:]] == ["昨日数字", "今日预测与人力", "业务与知识更新", "表扬", "安全与士气"]
    day = calls[calls["arrival"].dt.normalize() == "2026-03-09"]
    kpis = {r[0]: r for r in table_after(data, "昨日指标")[1:]}
    for queue, name in (("presales", "售前"), ("aftersales", "售后")):
        want = by_hand(day[day["queue"] == queue])
        assert kpis[name][1:5] == [f"{want['offered']:,}", f"{want['sl']:.1%}", f"{want['asa']:.1f} s", f"{want['abandon']:.1%}"]
    plan = pd.read_csv(DATA / "call_staffing.csv", parse_dates=["interval_start"])
    plan = plan[plan["interval_start"].dt.normalize() == "2026-03-10"]
    forecast = plan.groupby("queue")["forecast_calls"].sum()
    assert f"售前: 预测来话 {forecast['presales']:,.0f} 通" in agenda[2][2]
    answered = day[day["outcome"] == "answered"].dropna(subset=["resolved_first_contact"])
    fcr = answered.groupby("agent_id")["resolved_first_contact"].agg(["mean", "size"])
    fcr = fcr[fcr["size"] >= 20].sort_values("mean", ascending=False)
    assert agenda[4][2].startswith(f"{fcr.index[0]}:") and f"{fcr['mean'].iloc[0]:.1%}" in agenda[4][2]
    absent = ((attendance["date"] == "2026-03-09") & (attendance["status"] == "absent")).sum()
    assert agenda[5][2].startswith(f"昨日缺勤 {absent} 人")


def test_pre_shift_blank_has_the_blocks_and_no_figures(built):
    data = built["pre_shift_agenda", "zh", False]
    agenda = table_after(data, "议程")
    assert len(agenda) == 6 and all(r[2] == "" for r in agenda[1:])
    assert "%" not in text(data)


def erlang_c_agents(calls_per_15: float, aht: float) -> int:
    load = calls_per_15 * aht / 900
    n = math.floor(load) + 1
    while ref_service_level(n, load, aht, 20) < 0.8:
        n += 1
    return n


def test_surge_staffing_equals_textbook_erlang_c(built):
    plan = pd.read_csv(DATA / "call_staffing.csv", parse_dates=["interval_start"])
    for queue in ("presales", "aftersales"):
        part = plan[(plan["interval_start"].dt.normalize() == "2026-03-10") & (plan["queue"] == queue)]
        peak = part.loc[part["forecast_calls"].idxmax()]
        table = floor.surge_staffing("2026-03-10", queue)
        want = [erlang_c_agents(peak["forecast_calls"] * (1 + x), peak["forecast_aht_s"]) for x in (0, 0.15, 0.30, 0.50)]
        assert table["agents_needed"].tolist() == want
        assert (table["gap"] == table["agents_needed"] - peak["staffed_agents"]).all()
    rows = table_after(built["emergency_plan", "zh", True], "2. 话务突增", 2)
    part = plan[(plan["interval_start"].dt.normalize() == "2026-03-10") & (plan["queue"] == "aftersales")]
    peak = part.loc[part["forecast_calls"].idxmax()]
    assert [int(r[3]) for r in rows[1:]] == [erlang_c_agents(peak["forecast_calls"] * (1 + x), peak["forecast_aht_s"])
                                             for x in (0, 0.15, 0.30, 0.50)]
    trigger = dict(table_after(built["emergency_plan", "zh", True], "2. 话务突增", 0))["触发条件"]
    assert f"+30 % 需 {rows[3][3]} 人" in trigger


@pytest.mark.parametrize("filled", [True, False])
def test_emergency_plan_scenarios_levels_and_escalation(built, filled):
    data = built["emergency_plan", "zh", filled]
    found = headings(data)
    names = ["系统故障", "话务突增", "断电断网", "恶劣天气或缺勤激增", "舆情事件"]
    assert [h.split(". ", 1)[1] for h in found if re.match(r"\d\. ", h)] == names
    for i, name in enumerate(names, 1):
        levels = table_after(data, f"{i}. {name}", 1)
        assert [r[0] for r in levels[1:]] == ["三级 (III)", "二级 (II)", "一级 (I)"]
        assert all((r[1] != "") is filled for r in levels[1:])
    if not filled:
        assert not re.search(r"\d+ 人|Erlang", text(data))
    try:
        from ccskills.management.processes import escalation_matrix
    except ImportError:
        pytest.skip("the processes part is not installed")
    matrix = table_after(data, "问题升级矩阵")
    want = escalation_matrix("zh", as_text=True)
    assert matrix[0] == list(want.columns)
    assert [r[0] for r in matrix[1:]] == want.iloc[:, 0].tolist()
    assert (matrix[1:] == want.astype(str).values.tolist()) is filled


def test_english_versions_carry_the_same_numbers(built):
    zh = table_after(built["emergency_plan", "zh", True], "2. 话务突增", 2)
    en = table_after(built["emergency_plan", "en", True], "2. Traffic surge", 2)
    assert [r[2:] for r in zh][1:] == [r[2:] for r in en][1:]
    assert "Real-time floor status" in text(built["floor_system", "en", True])


def test_bad_input_names_the_parameter():
    with pytest.raises(ValueError, match="day must be a day of March 2026"):
        floor.handover_record("2026-04-05")
    with pytest.raises(ValueError, match="day must be a date"):
        floor.day_figures("yesterday")
    with pytest.raises(ValueError, match="queue must be"):
        floor.surge_staffing(queue="vip")
    with pytest.raises(ValueError, match="shift must be one of"):
        floor.duty_leader("2026-03-09", "night", "presales")
    with pytest.raises(ValueError, match="at must fall on a day of the published schedule"):
        floor.floor_status("2026-03-09 10:00")
    with pytest.raises(ValueError, match="lang"):
        floor.handover_excel("fr")
