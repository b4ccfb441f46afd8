"""Tests of ccskills.simulation: ciw replications against Erlang C / A.

References: the Erlang C textbook sum in exact rationals and the M/M/N+M birth–death
chain (brute force), written here with no code shared with ccskills.queueing; the
stationary occupancy of M/M/N is exactly A/N, so a replication's time-average
occupancy is an unbiased estimate of it (used for the coverage check). Agreement is
judged in standard errors of the replication mean, with the margins stated.
"""

from __future__ import annotations

import math
import random

import numpy as np
import pandas as pd
import pytest
from queue_reference import ref_erlang_c, ref_mmnm

from ccskills.simulation import confidence_interval, simulate_interval, simulate_plan
from ccskills.staffing import plan_staffing


def within(summary, metric, reference, ses=4.0, slack=0.0):
    row = summary.loc[metric]
    se = row["sd"] / math.sqrt(REPS)
    assert abs(row["mean"] - reference) <= ses * se + slack, (metric, row["mean"], reference, se)


REPS = 8


# ---------------------------------------------------------------- agreement with formulas
@pytest.mark.slow
def test_long_runs_agree_with_erlang_c():
    """A = 800 calls × 180 s / 4 h = 10 Erlangs on 12 agents, after an hour's warm-up."""
    sim = simulate_interval(800, 180, 12, interval=4 * 3600, replications=REPS, seed=11)
    c = ref_erlang_c(12, 10.0)  # 0.4494 (wfm.md §5)
    within(sim.summary, "p_wait", c)
    within(sim.summary, "service_level", 1 - c * math.exp(-(12 - 10) * 20 / 180))
    within(sim.summary, "asa_s", c * 180 / (12 - 10))
    within(sim.summary, "occupancy", 10 / 12)
    assert sim.summary.loc["abandon_rate", "mean"] == 0.0
    assert sim.model == "Erlang C"
    assert sim.summary.loc["p_wait", "formula"] == pytest.approx(c, rel=1e-9)


def test_long_runs_agree_with_erlang_a():
    """10 Erlangs on 10 agents, mean patience 120 s: abandonment keeps the queue stable."""
    sim = simulate_interval(800, 180, 10, interval=4 * 3600, patience=120, replications=REPS, seed=12)
    ref = ref_mmnm(10, 10.0, 180, 120)
    within(sim.summary, "p_wait", ref["p_wait"])
    within(sim.summary, "abandon_rate", ref["abandon_rate"])
    within(sim.summary, "occupancy", ref["occupancy"])
    # The formula column is Erlang A from ccskills.queueing; the chain checks it too.
    assert sim.summary.loc["abandon_rate", "formula"] == pytest.approx(ref["abandon_rate"], rel=1e-6)
    within(sim.summary, "service_level", sim.summary.loc["service_level", "formula"])
    within(sim.summary, "asa_s", sim.summary.loc["asa_s", "formula"])


@pytest.mark.slow
def test_confidence_intervals_cover_the_true_occupancy():
    """30 studies of 10 replications: the 95 % CI of occupancy should hold A/N = 0.8 in most.

    With 95 % coverage, 30 studies miss 1.5 on average; P(more than 6 misses) < 0.1 %.
    """
    hits = 0
    for study in range(30):
        sim = simulate_interval(60, 120, 5, interval=1800, warmup=1800, replications=10,
                                seed=1000 + study)
        row = sim.summary.loc["occupancy"]
        hits += row["ci_low"] <= 0.8 <= row["ci_high"]
    assert hits >= 24


def test_starting_empty_is_better_than_the_steady_state():
    """Without warm-up the first callers find idle agents: SL above Erlang C's 0.640."""
    sim = simulate_interval(100, 180, 12, warmup=0, replications=60, seed=5)
    assert sim.summary.loc["service_level", "mean"] > sim.summary.loc["service_level", "formula"] + 0.03


def test_lognormal_service_keeps_the_occupancy_of_its_mean():
    sim = simulate_interval(100, 180, 12, service="lognormal", service_cv=0.5, replications=20, seed=3)
    row = sim.summary.loc["occupancy"]
    assert abs(row["mean"] - 10 / 12) <= 4 * row["sd"] / math.sqrt(20)


# ---------------------------------------------------------------- reproducibility
def test_same_seed_same_numbers_and_random_left_alone():
    random.seed(99)
    before = random.random()
    random.seed(99)
    a = simulate_interval(50, 180, 6, patience=90, replications=4, seed=21)
    assert random.random() == before  # the caller's stream is untouched
    b = simulate_interval(50, 180, 6, patience=90, replications=4, seed=21)
    c = simulate_interval(50, 180, 6, patience=90, replications=4, seed=22)
    pd.testing.assert_frame_equal(a.runs, b.runs)
    assert not a.runs.equals(c.runs)


def test_runs_are_consistent_counts():
    sim = simulate_interval(80, 200, 10, patience=100, replications=5, seed=4)
    runs = sim.runs
    assert (runs["answered"] + runs["abandoned"] == runs["offered"]).all()
    assert (runs["answered_within"] <= runs["answered"]).all()
    assert np.allclose(runs["service_level"], runs["answered_within"] / runs["offered"])
    assert (runs["agent_s"] == 10 * 1800).all()


def test_confidence_interval_by_hand():
    # mean 3, s = √2.5 = 1.5811, t(0.975, 4) = 2.7764 → half-width 1.9632
    mean, sd, low, high = confidence_interval([1, 2, 3, 4, 5, np.nan])
    assert (mean, round(sd, 4), round(low, 4), round(high, 4)) == (3.0, 1.5811, 1.0368, 4.9632)
    assert math.isnan(confidence_interval([1.0])[2])


# ---------------------------------------------------------------- plans
def test_plan_staffing_changes_give_each_interval_its_agents():
    """Two 4-h intervals, 10 Erlangs each, 12 then 14 agents: each near its own Erlang C.

    Margin: 4 standard errors plus 0.02 for the first interval's empty start (a few
    minutes of 4 hours).
    """
    idx = pd.DatetimeIndex(["2026-03-02 08:00", "2026-03-02 12:00"])
    plan = plan_staffing(pd.Series([800.0, 800.0], index=idx), 180)
    sim = simulate_plan(plan, agents=[12, 14], replications=REPS, seed=8)
    per = sim.counts.copy()
    per["p_wait"] = per["waited"] / per["offered"]
    per["occupancy"] = per["busy_s"] / per["agent_s"]
    for start, n in zip(idx, (12, 14)):
        rows = per.xs(start, level="interval_start")
        for metric, ref in (("p_wait", ref_erlang_c(n, 10.0)), ("occupancy", 10 / n)):
            se = rows[metric].std(ddof=1) / math.sqrt(REPS)
            assert abs(rows[metric].mean() - ref) <= 4 * se + 0.02, (start, metric)


def test_plan_simulation_daily_spread_and_share_meeting_target():
    idx = pd.date_range("2026-03-02 09:00", periods=4, freq="30min").append(
        pd.date_range("2026-03-03 09:00", periods=4, freq="30min"))
    plan = plan_staffing(pd.Series([40.0, 60, 60, 40] * 2, index=idx), 180)
    sim = simulate_plan(plan, replications=4, seed=2)
    daily = sim.daily()
    assert daily.index.names == ["replication", "date"] and len(daily) == 8
    assert daily["offered"].sum() == sim.counts["offered"].sum()
    share = sim.target_met()
    assert share.index.tolist() == [pd.Timestamp("2026-03-02"), pd.Timestamp("2026-03-03")]
    assert ((share >= 0) & (share <= 1)).all()
    summary = sim.daily_summary()
    assert summary.index.names == ["date", "metric"] and len(summary) == 2 * 5
    first = summary.loc[(pd.Timestamp("2026-03-02"), "service_level")]
    day_sl = daily.xs(pd.Timestamp("2026-03-02"), level="date")["service_level"]
    assert first["mean"] == pytest.approx(day_sl.mean())
    assert first["plan"] == pytest.approx(plan.daily().loc["2026-03-02", "service_level"])
    assert math.isnan(summary.loc[(pd.Timestamp("2026-03-02"), "p_wait"), "plan"])
    table = sim.by_interval()
    assert {"plan_service_level", "sim_service_level", "plan_required"} <= set(table.columns)
    again = simulate_plan(plan, replications=4, seed=2)
    pd.testing.assert_frame_equal(sim.counts, again.counts)


def test_interval_metrics_are_each_replications_slot_figures():
    """Checked against the counts of one row, divided by hand."""
    idx = pd.date_range("2026-03-02 09:00", periods=3, freq="30min")
    plan = plan_staffing(pd.Series([40.0, 60, 40], index=idx), 180)
    sim = simulate_plan(plan, replications=3, seed=5)
    table = sim.interval_metrics()
    assert table.index.equals(sim.counts.index)
    assert list(table.columns[:8]) == list(sim.counts.columns)
    assert {"service_level", "asa_s", "abandon_rate", "occupancy", "p_wait"} <= set(table.columns)
    for (rep, start), row in sim.counts.iterrows():
        got = table.loc[(rep, start)]
        assert got["service_level"] == pytest.approx(row["answered_within"] / row["offered"])
        assert got["asa_s"] == pytest.approx(row["wait_sum_s"] / row["answered"])
        assert got["occupancy"] == pytest.approx(row["busy_s"] / row["agent_s"])
        assert got["p_wait"] == pytest.approx(row["waited"] / row["offered"])
    # summing a replication's slots gives that replication's day
    day = table.groupby(level="replication")[["answered_within", "offered"]].sum()
    daily = sim.daily().droplevel("date")
    assert (day["answered_within"] / day["offered"]).to_numpy() == pytest.approx(
        daily["service_level"].to_numpy())


def test_plan_with_a_closed_slot_inside_the_day():
    idx = pd.DatetimeIndex(["2026-03-02 11:00", "2026-03-02 11:30", "2026-03-02 13:00"])
    plan = plan_staffing(pd.Series([50.0, 50.0, 50.0], index=idx), 180)
    sim = simulate_plan(plan, replications=2, seed=1)
    assert sim.counts.index.get_level_values("interval_start").unique().tolist() == list(idx)
    assert (sim.counts["agent_s"] == np.tile(plan.required * 1800.0, 2)).all()


def test_calls_left_waiting_at_closing_are_still_counted():
    """No agents in the last slot and no patience: its callers wait for the after-close agent."""
    idx = pd.DatetimeIndex(["2026-03-02 09:00", "2026-03-02 09:30"])
    plan = plan_staffing(pd.Series([50.0, 50.0], index=idx), 180)
    sim = simulate_plan(plan, agents=[8, 0], replications=2, seed=3)
    last = sim.counts.xs(idx[1], level="interval_start")
    assert (last["offered"] > 0).all() and (last["answered"] == last["offered"]).all()
    assert (last["answered_within"] < last["offered"]).all()


# ---------------------------------------------------------------- errors
@pytest.mark.parametrize("kwargs, name", [
    (dict(calls=0), "calls"), (dict(aht=-1), "aht"), (dict(agents=0), "agents"),
    (dict(agents=2.5), "agents"), (dict(interval=0), "interval"), (dict(warmup=-1), "warmup"),
    (dict(replications=1), "replications"), (dict(service="gamma"), "service"),
    (dict(service_cv=0), "service_cv"), (dict(patience=0), "patience"),
    (dict(answer_time=-5), "answer_time"), (dict(seed=-1), "seed"), (dict(seed=1.5), "seed"),
    (dict(confidence=1.5), "confidence"),
])
def test_bad_input_names_the_parameter(kwargs, name):
    args = dict(calls=100, aht=180, agents=12, replications=2) | kwargs
    with pytest.raises(ValueError, match=f"^{name} must"):
        simulate_interval(**args)


def test_plan_errors():
    plan = plan_staffing(pd.Series([50.0], index=pd.DatetimeIndex(["2026-03-02 09:00"])), 180,
                         interval=1800)
    with pytest.raises(TypeError, match="^plan must be a StaffingPlan"):
        simulate_plan("plan")
    with pytest.raises(ValueError, match="^agents must have one value per interval"):
        simulate_plan(plan, agents=[3, 4])
    with pytest.raises(ValueError, match="^agents must be zero or a positive number"):
        simulate_plan(plan, agents=[-1])
    with pytest.raises(ValueError, match="^target_sl must be set"):
        simulate_plan(plan_staffing(pd.Series([50.0], index=plan.index), 180, interval=1800,
                                    target_sl=None, target_asa=30), replications=2).target_met()


@pytest.mark.parametrize("kwargs, match", [
    (dict(calls=1e17), "calls must be at most 200,000 simulated in all"),
    (dict(interval=1e-3), "calls must be at most 200,000 simulated in all"),
    (dict(agents=20_000), "agents must be at most 10,000 in a simulation"),
    (dict(patience=1e-300), "patience must be at least aht / 1,000,000"),
])
def test_runs_too_large_to_finish_are_refused_before_they_start(kwargs, match):
    """Issue 9: ciw simulates about 1,500 calls a second, so 1e17 calls would never return."""
    args = {"calls": 100, "aht": 180, "agents": 14, **kwargs}
    with pytest.raises(ValueError, match=match):
        simulate_interval(args.pop("calls"), args.pop("aht"), args.pop("agents"), **args)
