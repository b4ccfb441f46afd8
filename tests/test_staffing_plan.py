"""Tests of staffing plans (ccskills.staffing.plan_staffing) and agents_for_abandonment.

References, sharing no code with ccskills.queueing:

* Erlang C from its textbook sum in exact rationals (``fractions.Fraction``), the
  service level 1 − C·e^{−(N−A)t/AHT} and ASA C·AHT/(N−A); the fewest agents by a
  plain upward search.
* Erlang A by brute force: the M/M/N+M birth–death chain (birth λ, death
  min(k, N)·μ + max(k − N, 0)·θ) truncated far in the tail; P(abandon) =
  θ·E[queue length] / λ (abandonments per second over arrivals per second).
* Hand-worked figures (pyworkforce's published example: 100 calls / 30 min, AHT
  180 s, 80/20 → 14 agents; ⌈14 / 0.7⌉ = 20 scheduled) stated where used.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from queue_reference import ref_asa, ref_mmnm, ref_service_level

from ccskills.queueing import agents_for_abandonment
from ccskills.staffing import (HOURS_PER_FTE, StaffingPlan, compare_scenarios, interval_seconds,
                               plan_staffing)


# ---------------------------------------------------------------- references
def ref_agents_sl(load, aht, t=20, target=0.8, max_occupancy=1.0):
    if load == 0:
        return 0
    n = math.floor(load) + 1
    while ref_service_level(n, load, aht, t) < target or load / n > max_occupancy:
        n += 1
    return n


def ref_p_abandon(n: int, load: float, aht: float, patience: float) -> float:
    """Erlang A abandonment rate from the M/M/N+M birth–death chain."""
    return ref_mmnm(n, load, aht, patience)["abandon_rate"]


def day(start="2026-03-02 09:00", periods=4, freq="30min"):
    return pd.date_range(start, periods=periods, freq=freq)


# ---------------------------------------------------------------- agents_for_abandonment
@pytest.mark.parametrize("load, aht, patience, cap", [(10.0, 180, 300, 0.05), (3.5, 240, 60, 0.1),
                                                       (50.0, 300, 120, 0.02)])
def test_agents_for_abandonment_is_the_fewest_by_brute_force(load, aht, patience, cap):
    n = agents_for_abandonment(load, aht, patience, cap)
    assert ref_p_abandon(n, load, aht, patience) <= cap + 1e-9
    assert n == 1 or ref_p_abandon(n - 1, load, aht, patience) > cap


def test_agents_for_abandonment_vectorises_and_zero_load_needs_none():
    loads = np.array([0.0, 10.0, 30.0])
    got = agents_for_abandonment(loads, 180, 300, 0.05)
    assert got.tolist() == [0] + [agents_for_abandonment(a, 180, 300, 0.05) for a in loads[1:]]


def test_agents_for_abandonment_respects_the_occupancy_cap():
    # Occupancy under Erlang A: A(1 − P(ab)) / N ≤ 0.7 → N ≥ 10 × (1 − P(ab)) / 0.7 ≈ 14
    n = agents_for_abandonment(10.0, 180, 300, 0.2, max_occupancy=0.7)
    assert 10.0 * (1 - ref_p_abandon(n, 10.0, 180, 300)) / n <= 0.7
    assert 10.0 * (1 - ref_p_abandon(n - 1, 10.0, 180, 300)) / (n - 1) > 0.7


@pytest.mark.parametrize("kwargs, name", [
    (dict(load=-1, aht=180, patience=300, max_abandon=0.05), "load"),
    (dict(load=10, aht=0, patience=300, max_abandon=0.05), "aht"),
    (dict(load=10, aht=180, patience=0, max_abandon=0.05), "patience"),
    (dict(load=10, aht=180, patience=300, max_abandon=1.0), "max_abandon"),
    (dict(load=10, aht=180, patience=300, max_abandon=0.05, max_occupancy=0), "max_occupancy"),
])
def test_agents_for_abandonment_errors_name_the_parameter(kwargs, name):
    with pytest.raises(ValueError, match=f"^{name} must be"):
        agents_for_abandonment(**kwargs)


# ---------------------------------------------------------------- the worked example
def test_worked_example_one_interval():
    """100 calls in 30 min at AHT 180 s = 10 Erlangs → 14 agents (80/20) → ⌈14/0.7⌉ = 20 people."""
    plan = plan_staffing(pd.Series([100.0], index=day(periods=1)), 180, interval=1800,
                         hourly_cost=40)
    row = plan.intervals.iloc[0]
    assert (row["load"], row["required"], row["scheduled"]) == (10.0, 14, 20)
    assert row["phone_hours"] == 7.0 and row["paid_hours"] == 10.0  # 14 × 0.5 h, 20 × 0.5 h
    assert row["cost"] == 400.0  # 10 h × 40
    assert row["service_level"] == pytest.approx(ref_service_level(14, 10.0, 180, 20), rel=1e-12)
    assert row["asa_s"] == pytest.approx(ref_asa(14, 10.0, 180), rel=1e-12)
    assert row["occupancy"] == pytest.approx(10 / 14)
    assert row["abandon_rate"] == 0.0


def test_zero_calls_need_no_agents_unless_a_minimum_is_set():
    calls = pd.Series([100.0, 0.0, 0.0], index=day(periods=3))
    plain = plan_staffing(calls, 180)
    assert plain.intervals["required"].tolist() == [14, 0, 0]
    assert plain.intervals["service_level"].isna().tolist() == [False, True, True]
    floor = plan_staffing(calls, 180, min_agents=2)
    assert floor.intervals["required"].tolist() == [14, 2, 2]
    assert floor.intervals["scheduled"].tolist() == [20, 3, 3]  # ⌈2 / 0.7⌉ = 3


@settings(max_examples=25, deadline=None)
@given(st.lists(st.one_of(st.just(0.0), st.floats(0.01, 200.0)), min_size=1, max_size=8),
       st.floats(60.0, 400.0),
       st.sampled_from([0.7, 0.8, 0.9]), st.sampled_from([1.0, 0.85]))
def test_required_is_the_fewest_meeting_sl_and_occupancy(calls, aht, target, cap):
    """Every interval: the textbook search gives the same agents (minimal: one fewer fails)."""
    plan = plan_staffing(pd.Series(calls, index=day(periods=len(calls), freq="15min")), aht,
                         target_sl=target, max_occupancy=cap, interval=900)
    loads = [c * aht / 900 for c in calls]
    expected = [ref_agents_sl(a, aht, 20, target, cap) for a in loads]
    assert plan.intervals["required"].tolist() == expected


def test_asa_target_gives_the_fewest_agents_with_asa_within_it():
    calls = pd.Series([100.0, 150.0, 40.0], index=day(periods=3))
    plan = plan_staffing(calls, 180, target_sl=None, target_asa=15)
    for n, c in zip(plan.intervals["required"], calls):
        load = c * 180 / 1800
        assert ref_asa(n, load, 180) <= 15 < ref_asa(n - 1, load, 180)


def test_several_targets_take_the_strictest():
    calls = pd.Series([100.0, 300.0], index=day(periods=2))
    both = plan_staffing(calls, 180, target_sl=0.8, target_asa=5)
    sl = plan_staffing(calls, 180, target_sl=0.8)
    asa = plan_staffing(calls, 180, target_sl=None, target_asa=5)
    assert both.required.tolist() == np.maximum(sl.required, asa.required).tolist()


def test_erlang_a_plan_meets_the_abandon_cap_by_brute_force():
    calls = pd.Series([100.0, 200.0, 50.0], index=day(periods=3))
    plan = plan_staffing(calls, 180, target_sl=None, patience=120, max_abandon=0.03)
    table = plan.intervals
    for n, load, ab in zip(table["required"], table["load"], table["abandon_rate"]):
        assert ab == pytest.approx(ref_p_abandon(n, load, 180, 120), rel=1e-6)
        assert ab <= 0.03 < ref_p_abandon(n - 1, load, 180, 120)
    assert plan.settings.model == "Erlang A"


# ---------------------------------------------------------------- shrinkage
def test_shrinkage_by_week_applies_from_each_date_on():
    idx = pd.DatetimeIndex(["2026-03-06 10:00", "2026-03-09 10:00", "2026-03-16 10:00"])
    weekly = pd.Series([0.30, 0.40, 0.25], index=pd.to_datetime(["2026-03-02", "2026-03-09",
                                                                 "2026-03-16"]))
    plan = plan_staffing(pd.Series([100.0] * 3, index=idx), 180, shrinkage=weekly, interval=1800)
    assert plan.intervals["shrinkage"].tolist() == [0.30, 0.40, 0.25]
    # 14 agents: ⌈14/0.7⌉ = 20, ⌈14/0.6⌉ = ⌈23.33⌉ = 24, ⌈14/0.75⌉ = ⌈18.67⌉ = 19
    assert plan.intervals["scheduled"].tolist() == [20, 24, 19]


def test_shrinkage_series_must_cover_the_first_interval():
    weekly = pd.Series([0.3], index=pd.to_datetime(["2026-03-09"]))
    with pytest.raises(ValueError, match="^shrinkage must start on or before"):
        plan_staffing(pd.Series([100.0, 90.0], index=day(periods=2)), 180, shrinkage=weekly)


# ---------------------------------------------------------------- intervals
def test_interval_is_inferred_within_days_and_gaps_between_days_are_free():
    idx = day(periods=3, freq="15min").append(day("2026-03-03 08:00", periods=2, freq="15min"))
    assert interval_seconds(idx) == 900.0
    lunch = pd.DatetimeIndex(["2026-03-02 11:00", "2026-03-02 11:30", "2026-03-02 13:00"])
    assert interval_seconds(lunch) == 1800.0  # a closed hour inside the day is allowed


def test_irregular_steps_are_refused():
    idx = pd.DatetimeIndex(["2026-03-02 09:00", "2026-03-02 09:15", "2026-03-02 09:40"])
    with pytest.raises(ValueError, match="^calls.index must be regular within each day"):
        plan_staffing(pd.Series([10.0, 10, 10], index=idx), 180)
    with pytest.raises(ValueError, match="^calls.index must be regular"):
        interval_seconds(day(periods=3, freq="15min"), 1800)  # 15-min steps, 30-min interval


def test_one_slot_a_day_needs_the_interval():
    idx = pd.DatetimeIndex(["2026-03-02 09:00", "2026-03-03 09:00"])
    with pytest.raises(ValueError, match="^interval must be given"):
        plan_staffing(pd.Series([10.0, 10.0], index=idx), 180)
    assert plan_staffing(pd.Series([10.0, 10.0], index=idx), 180, interval=900).settings.interval == 900


# ---------------------------------------------------------------- summaries
@pytest.fixture(scope="module")
def fortnight():
    """Two weeks of 30-min slots 09:00–17:00 on weekdays, Monday 2 March 2026 on."""
    days = pd.bdate_range("2026-03-02", periods=10)
    idx = pd.DatetimeIndex([d + pd.Timedelta(hours=9, minutes=30 * k) for d in days for k in range(16)])
    rng = np.random.default_rng(5)
    calls = pd.Series(rng.integers(20, 160, idx.size).astype(float), index=idx)
    aht = pd.Series(rng.uniform(150, 260, idx.size), index=idx)
    return plan_staffing(calls, aht, shrinkage=0.35, hourly_cost=50.0)


def test_daily_totals_and_weighted_figures_rebuilt_from_intervals(fortnight):
    table, daily = fortnight.intervals, fortnight.daily()
    assert len(daily) == 10
    first = table[table.index.normalize() == pd.Timestamp("2026-03-02")]
    row = daily.iloc[0]
    assert row["calls"] == first["calls"].sum()
    assert row["paid_hours"] == first["scheduled"].sum() * 0.5
    assert row["cost"] == pytest.approx(row["paid_hours"] * 50.0)
    assert row["service_level"] == pytest.approx(
        (first["calls"] * first["service_level"]).sum() / first["calls"].sum())
    assert row["occupancy"] == pytest.approx(
        (first["calls"] * first["aht_s"]).sum() / 3600 / (first["required"].sum() * 0.5))
    # FTE for one day: paid hours × 365 / 1,984
    assert row["fte"] == pytest.approx(row["paid_hours"] * 365 / HOURS_PER_FTE)
    assert row["peak_required"] == first["required"].max()


def test_weekly_and_summary_add_up(fortnight):
    weekly, summary = fortnight.weekly(), fortnight.summary()
    assert weekly.index.tolist() == [pd.Timestamp("2026-03-02"), pd.Timestamp("2026-03-09")]
    assert weekly["paid_hours"].sum() == pytest.approx(summary["paid_hours"])
    assert weekly["fte"].iloc[0] == pytest.approx(weekly["paid_hours"].iloc[0] * 365 / 7 / 1984)
    assert summary["days"] == 12 and summary["open_days"] == 10  # Mon 2 – Fri 13 March
    assert summary["calls"] == fortnight.intervals["calls"].sum()
    assert 0.8 <= summary["service_level"] < 1


def test_call_weighted_aht_worked_example():
    """Day 1: 100 calls × 200 s + 300 calls × 240 s = 92,000 s over 400 calls = 230 s;
    day 2: 50 × 300 s only (the slot without calls and without AHT weighs nothing);
    whole plan: (92,000 + 15,000) / 450 = 237.77… s."""
    idx = pd.DatetimeIndex(["2026-03-02 09:00", "2026-03-02 09:30",
                            "2026-03-03 09:00", "2026-03-03 09:30"])
    plan = plan_staffing(pd.Series([100.0, 300, 50, 0], index=idx),
                         pd.Series([200.0, 240, 300, np.nan], index=idx))
    assert plan.daily()["aht_s"].tolist() == pytest.approx([230.0, 300.0])
    assert plan.summary()["aht_s"] == pytest.approx(107_000 / 450)
    assert plan.weekly()["aht_s"].tolist() == pytest.approx([107_000 / 450])
    # workload hours are calls × AHT: the two columns agree
    daily = plan.daily()
    assert (daily["calls"] * daily["aht_s"] / 3600).tolist() == pytest.approx(
        daily["workload_hours"].tolist())


def test_a_day_without_calls_has_no_aht():
    idx = pd.DatetimeIndex(["2026-03-02 09:00", "2026-03-03 09:00"])
    plan = plan_staffing(pd.Series([40.0, 0.0], index=idx), pd.Series([180.0, np.nan], index=idx),
                         interval=1800)
    daily = plan.daily()
    assert daily["aht_s"].iloc[0] == pytest.approx(180.0)
    assert np.isnan(daily["aht_s"].iloc[1])


def test_weekly_fte_counts_only_the_days_of_a_cut_week():
    idx = pd.DatetimeIndex(["2026-03-05 10:00", "2026-03-05 10:30", "2026-03-09 10:00"])  # Thu, Mon
    plan = plan_staffing(pd.Series([100.0, 100.0, 100.0], index=idx), 180)
    weekly = plan.weekly()
    # Week of 2 March is in the plan from Thursday 5 to Sunday 8: 4 days; the next, Monday 9 only.
    assert weekly["fte"].tolist() == pytest.approx([20.0 * 365 / 4 / 1984, 10.0 * 365 / 1 / 1984])


def test_compare_scenarios_side_by_side(fortnight):
    calls, aht = fortnight.intervals["calls"], fortnight.intervals["aht_s"]
    faster = plan_staffing(calls, aht - 10, shrinkage=0.35, hourly_cost=50.0)
    table = compare_scenarios({"基准": fortnight, "AHT −10 s": faster})
    assert table.columns.tolist() == ["基准", "AHT −10 s"]
    assert table.loc["paid_hours", "AHT −10 s"] < table.loc["paid_hours", "基准"]
    assert table.loc["mean_shrinkage", "基准"] == pytest.approx(0.35)
    with pytest.raises(TypeError, match="^plans must map names to StaffingPlan"):
        compare_scenarios({"a": fortnight, "b": 3})
    with pytest.raises(ValueError, match="^plans must be a non-empty dict"):
        compare_scenarios({})


# ---------------------------------------------------------------- Excel
def test_excel_report_summary_first_formatted(fortnight, tmp_path):
    path = fortnight.to_excel(tmp_path / "plan.xlsx")
    assert [p.name for p in tmp_path.iterdir()] == ["plan.xlsx"]  # no temporary file left
    book = load_workbook(path)
    assert book.sheetnames == ["汇总", "按周", "按日", "按时段", "参数"]
    intervals = book["按时段"]
    headers = [c.value for c in intervals[1]]
    assert headers[0] == "时段开始" and "服务水平 SL" in headers
    sl = headers.index("服务水平 SL") + 1
    assert intervals.cell(row=2, column=sl).number_format == "0.0%"
    assert intervals.freeze_panes == "A2"
    assert book["按日"]["A2"].number_format == "yyyy-mm-dd"
    assert intervals.column_dimensions["A"].width >= 16  # a timestamp fits
    summary = {r[0]: r[1] for r in book["汇总"].iter_rows(min_row=2, values_only=True)}
    assert summary["排班工时（小时）"] == pytest.approx(fortnight.summary()["paid_hours"], abs=0.005)
    assert summary["开始日期"] == "2026-03-02"
    assert summary["服务水平 SL"] == pytest.approx(100 * fortnight.summary()["service_level"], abs=0.005)
    english = load_workbook(__import__("io").BytesIO(fortnight.excel_bytes(lang="en")))
    assert english.sheetnames[0] == "Summary"
    with pytest.raises(ValueError, match="^lang must be"):
        fortnight.excel_bytes(lang="fr")


# ---------------------------------------------------------------- errors
@pytest.mark.parametrize("kwargs, error, name", [
    (dict(target_sl=1.2), ValueError, "target_sl"),
    (dict(answer_time=-1), ValueError, "answer_time"),
    (dict(target_sl=None), ValueError, "target_sl"),
    (dict(target_asa=0), ValueError, "target_asa"),
    (dict(max_abandon=0.05), ValueError, "max_abandon"),
    (dict(patience=-5), ValueError, "patience"),
    (dict(max_occupancy=0), ValueError, "max_occupancy"),
    (dict(shrinkage=1.0), ValueError, "shrinkage"),
    (dict(shrinkage=[0.3, 0.4]), ValueError, "shrinkage"),
    (dict(hourly_cost=0), ValueError, "hourly_cost"),
    (dict(hours_per_fte=0), ValueError, "hours_per_fte"),
    (dict(interval=0), ValueError, "interval"),
    (dict(min_agents=1.5), ValueError, "min_agents"),
    (dict(min_agents=-1), ValueError, "min_agents"),
])
def test_bad_settings_name_the_parameter(kwargs, error, name):
    with pytest.raises(error, match=f"^{name} (must|needs)"):
        plan_staffing(pd.Series([100.0, 80.0], index=day(periods=2)), 180, **kwargs)


def test_bad_forecasts_name_the_parameter():
    good = pd.Series([100.0, 80.0], index=day(periods=2))
    with pytest.raises(TypeError, match="^calls must be a pandas Series on a DatetimeIndex"):
        plan_staffing([100.0, 80.0], 180)
    with pytest.raises(ValueError, match="^calls must be zero or a positive number"):
        plan_staffing(pd.Series([100.0, -1.0], index=good.index), 180)
    with pytest.raises(ValueError, match="^calls.index must be sorted"):
        plan_staffing(good.iloc[::-1], 180)
    with pytest.raises(ValueError, match="^calls must have at least one interval"):
        plan_staffing(good.iloc[:0], 180)
    with pytest.raises(ValueError, match="^aht must be a positive number"):
        plan_staffing(good, pd.Series([180.0, 0.0], index=good.index))
    with pytest.raises(ValueError, match="^aht must be a number or a Series on the same index"):
        plan_staffing(good, pd.Series([180.0, 180.0], index=day("2026-03-03", periods=2)))


def test_unknown_aht_is_allowed_only_where_there_are_no_calls():
    idx = day(periods=3)
    aht = pd.Series([180.0, np.nan, 240.0], index=idx)
    plan = plan_staffing(pd.Series([100.0, 0.0, 50.0], index=idx), aht, min_agents=1)
    assert plan.intervals["required"].tolist()[1] == 1
    assert np.isnan(plan.intervals["aht_s"].iloc[1])
    assert plan.aht_filled[1] == pytest.approx((100 * 180 + 50 * 240) / 150)  # call-weighted
    with pytest.raises(ValueError, match="^aht must be a positive number where calls > 0"):
        plan_staffing(pd.Series([100.0, 5.0, 50.0], index=idx), aht)
    with pytest.raises(TypeError, match="^aht must be a number"):
        plan_staffing(pd.Series([100.0, 5.0, 50.0], index=idx), "180")


def test_plan_is_a_staffing_plan_with_its_settings():
    plan = plan_staffing(pd.Series([100.0], index=day(periods=1)), 180, interval=1800,
                         max_occupancy=0.85, patience=300)
    assert isinstance(plan, StaffingPlan)
    assert plan.settings.max_occupancy == 0.85 and plan.settings.model == "Erlang A"


@pytest.mark.parametrize("kwargs, match", [
    (dict(calls=[100.0, 1e17]), "calls must be at most"),
    (dict(min_agents=3_000_000), "min_agents must be at most 2,000,000"),
    (dict(hours_per_fte=0.5), "hours_per_fte must be from 1 to 8,784"),
    (dict(hours_per_fte=9000), "hours_per_fte must be from 1 to 8,784"),
    (dict(hourly_cost=1e300), "hourly_cost must be at most"),
    (dict(interval=2 * 86_400), "interval must be at most 86,400"),
])
def test_plan_inputs_beyond_the_verified_range_are_refused(kwargs, match):
    """Issue 9: a forecast of 1e17 calls used to tie up the search; silly settings gave inf."""
    calls = pd.Series(kwargs.pop("calls", [100.0, 120.0]), index=day(periods=2))
    with pytest.raises(ValueError, match=match):
        plan_staffing(calls, 180, **kwargs)
