"""Shift scheduling: covering optima against brute-force enumeration, coverage measures by
hand, the soft model's trade-off, solver reporting, roster rules checked independently."""

import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ccskills.scheduling import (BreakRule, PatternSet, combine_patterns, coverage_table, days_off_patterns,
                                 planning_index, roster, schedule, schedule_efficiency,
                                 schedule_fill_rate, shift_patterns)

DAY = planning_index("2026-03-02", days=1, freq="1h")  # 24 hourly periods
OPEN = slice("2026-03-02 08:00", "2026-03-02 13:00")  # six periods 08–14 h


def _tiny_patterns():
    """2 h and 3 h shifts on the hour inside 08–14 h, each with an unpaid 1 h lunch starting
    1 h after the shift starts (it fits the 2 h shift too: 1 h + 1 h ≤ 2 h): 5 + 4 patterns."""
    return shift_patterns(DAY, lengths=(2 * 3600, 3 * 3600), open_hours=("08:00", "14:00"),
                          start_step=3600, breaks=(BreakRule("lunch", 3600, 3600, 3600, paid=False),))


def _requirement(values):
    req = pd.Series(0.0, index=DAY)
    req[OPEN] = values
    return req


def _all_solutions(n_patterns, upper):
    """Every integer vector in {0 … upper}^n (x_j ≤ max r is no loss: more never helps cover)."""
    return np.array(list(itertools.product(range(upper + 1), repeat=n_patterns)))


def test_tiny_patterns_table_by_hand():
    p = _tiny_patterns()
    # 2 h shifts: 08–12 h starts (5), each works 1 h then 1 h lunch → paid 1 h;
    # 3 h shifts: 08–11 h starts (4), work, lunch, work → paid 2 h.
    assert len(p) == 9
    assert p.table["paid_hours"].tolist() == [1.0] * 5 + [2.0] * 4
    column = p.matrix[:, 5].toarray().ravel()  # 3 h shift from 08:00
    assert column[8:11].tolist() == [1, 0, 1] and column.sum() == 2


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(0, 2), min_size=6, max_size=6))
def test_hard_cover_matches_brute_force(values):
    p = _tiny_patterns()
    req = _requirement(values)
    a = p.matrix.toarray()
    xs = _all_solutions(len(p), max(values))
    feasible = ((xs @ a.T) >= req.to_numpy()).all(axis=1)
    best = (xs[feasible] @ p.paid_hours).min()
    res = schedule(req, p)
    assert res.optimal and res.status == "optimal"
    assert res.objective == pytest.approx(best)
    assert (res.coverage["scheduled"] >= res.coverage["required"]).all()
    assert res.paid_hours == pytest.approx(best)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(0, 2), min_size=6, max_size=6),
       st.sampled_from([(1.0, 0.5), (0.3, 1.0), (2.0, 0.1)]))
def test_soft_cover_matches_brute_force(values, costs):
    under_cost, over_cost = costs
    p = _tiny_patterns()
    req = _requirement(values).to_numpy()
    xs = _all_solutions(len(p), max(values))
    scheduled = xs @ p.matrix.toarray().T
    penalty = (under_cost * np.maximum(req - scheduled, 0) + over_cost * np.maximum(scheduled - req, 0)).sum(axis=1)
    res = schedule(_requirement(values), p, soft=True, under_cost=under_cost, over_cost=over_cost)
    assert res.objective == pytest.approx(penalty.min())  # hourly periods: agent-hours = agent-periods


def test_contiguous_shifts_cover_a_worked_example():
    """Requirement 1, 2, 2, 1 at 09–12 h with 2 h shifts at 09, 10, 11 h: periods 10 and 11 need
    x09 + x10 ≥ 2 and x10 + x11 ≥ 2, so (1, 1, 1) = 6 paid hours beats (2, 0, 2) = 8 h."""
    idx = planning_index("2026-03-02", days=1, freq="1h")
    req = pd.Series(0, idx)
    req["2026-03-02 09:00":"2026-03-02 12:00"] = [1, 2, 2, 1]
    p = shift_patterns(idx, lengths=(7200,), open_hours=("09:00", "13:00"), start_step=3600)
    res = schedule(req, p)
    assert res.counts.tolist() == [1, 1, 1] and res.objective == 6.0
    assert res.shifts["agents"].tolist() == [1, 1, 1]
    assert p.scheduled([1, 1, 1]).equals(res.coverage["scheduled"].rename("scheduled"))
    with pytest.raises(ValueError, match="counts must have one value per pattern"):
        p.scheduled([1, 1])
    assert res.coverage.loc[req > 0, "scheduled"].tolist() == [1, 2, 2, 1]  # exact: nothing over


def test_daily_decomposition_equals_the_whole_week():
    idx = planning_index("2026-03-02", days=3, freq="1h")
    rng = np.random.default_rng(7)
    req = pd.Series(0, idx)
    open_hours = (idx.hour >= 8) & (idx.hour < 20)
    req[open_hours] = rng.integers(0, 4, open_hours.sum())
    p = shift_patterns(idx, lengths=(4 * 3600, 6 * 3600), open_hours=("08:00", "20:00"), start_step=3600,
                       breaks=(BreakRule("break", 3600, 3600, 3 * 3600),))
    whole = schedule(req, p, by_day=False)
    split = schedule(req, p)
    assert whole.optimal and split.optimal
    assert split.objective == pytest.approx(whole.objective)


def test_weekly_tours_days_off():
    assert len(days_off_patterns("any2")) == 21 and len(days_off_patterns("consecutive2")) == 7
    assert (6, 0) not in days_off_patterns("consecutive2") and (0, 6) in days_off_patterns("consecutive2")
    idx = planning_index("2026-03-02", days=7, freq="1h")  # a Monday
    p = shift_patterns(idx, lengths=(8 * 3600,), open_hours=("08:00", "16:00"), start_step=3600,
                       days_off="consecutive2")
    assert len(p) == 7 and p.table["paid_hours"].tolist() == [40.0] * 7
    sat_sun = p.table.index[p.table["days_off"] == "Sat, Sun"][0]
    column = p.matrix[:, sat_sun].toarray().ravel().reshape(7, 24)
    assert column.sum(axis=1).tolist() == [8, 8, 8, 8, 8, 0, 0]
    # 3 agents Mon–Fri 08–16 and 1 at the weekend: every agent works 5 days, so the weekend
    # needs tours off on weekdays; brute force over 0..3 agents per tour
    req = pd.Series(0, idx)
    req[(idx.hour >= 8) & (idx.hour < 16)] = np.where(idx.day_of_week[(idx.hour >= 8) & (idx.hour < 16)] < 5, 3, 1)
    xs = _all_solutions(7, 3)
    a = p.matrix.toarray()
    feasible = ((xs @ a.T) >= req.to_numpy()).all(axis=1)
    res = schedule(req, p)
    assert res.objective == pytest.approx((xs[feasible] @ p.paid_hours).min())


def test_coverage_measures_by_hand():
    idx = pd.date_range("2026-03-02 09:00", periods=4, freq="30min")
    req = pd.Series([2, 4, 3, 0], idx)
    scheduled = [3, 3, 3, 1]
    table = coverage_table(req, scheduled)
    assert table["under"].tolist() == [0, 1, 0, 0] and table["over"].tolist() == [1, 0, 0, 1]
    assert schedule_fill_rate(req, scheduled) == pytest.approx((2 + 3 + 3 + 0) / 9)
    assert schedule_efficiency(req, scheduled) == pytest.approx(9 / 10)
    assert schedule_fill_rate(req * 0, scheduled) == 1.0
    assert np.isnan(schedule_efficiency(req, [0, 0, 0, 0]))


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), min_size=1, max_size=20))
def test_coverage_measures_properties(pairs):
    idx = pd.date_range("2026-03-02", periods=len(pairs), freq="15min")
    req = pd.Series([r for r, _ in pairs], idx)
    sch = [s for _, s in pairs]
    table = coverage_table(req, sch)
    assert (table["scheduled"] - table["required"] == table["over"] - table["under"]).all()
    fill = schedule_fill_rate(req, sch)
    assert 0 <= fill <= 1
    if sum(sch):
        # efficiency × scheduled = required; fill = 1 − under / required
        assert schedule_efficiency(req, sch) * sum(sch) == pytest.approx(req.sum())
    if req.sum():
        assert fill == pytest.approx(1 - table["under"].sum() / req.sum())


def test_soft_cover_trades_under_for_over():
    p = _tiny_patterns()
    req = _requirement([1, 2, 1, 2, 1, 2])
    hard = schedule(req, p)
    cheap_under = schedule(req, p, soft=True, under_cost=0.0, over_cost=1.0)
    # under-cover free: nothing beats zero penalty, and no agent may be over
    assert cheap_under.objective == 0 and cheap_under.coverage["over"].sum() == 0
    fills = [schedule_fill_rate(req, schedule(req, p, soft=True, under_cost=u, over_cost=1.0).coverage["scheduled"])
             for u in (0.2, 0.6, 1.5, 5.0)]
    assert fills == sorted(fills) and fills[-1] == 1.0  # dearer under-cover → fuller cover
    dear = schedule(req, p, soft=True, under_cost=100.0, over_cost=1.0)
    assert dear.coverage["over"].sum() == hard.coverage["over"].sum()


def test_headcount_cap():
    p = _tiny_patterns()
    req = _requirement([2, 2, 2, 2, 2, 2])
    capped = schedule(req, p, soft=True, max_shifts=2)
    assert capped.counts.sum() <= 2 and capped.coverage["under"].sum() > 0
    with pytest.raises(ValueError, match="max_shifts must allow covering"):
        schedule(req, p, max_shifts=1)


def test_time_limit_reports_gap():
    idx = planning_index("2026-03-02")
    hour = idx.hour + idx.minute / 60
    shape = np.exp(-((hour - 11) / 2.5) ** 2) + 0.8 * np.exp(-((hour - 16) / 2.5) ** 2)
    req = pd.Series(np.where((hour >= 8) & (hour < 22), np.ceil(40 * shape), 0).astype(int), idx)
    p = shift_patterns(idx, lengths=(8 * 3600, 9 * 3600), start_step=900, days_off="any2")
    res = schedule(req, p, time_limit=1.0, mip_gap=0.0)
    assert res.status == "time_limit" and not res.optimal
    assert res.dual_bound <= res.objective
    assert res.gap == pytest.approx((res.objective - res.dual_bound) / res.objective)
    assert (res.coverage["under"] == 0).all()  # still a feasible cover


def _rest_ok(table, min_rest, max_run, min_off):
    """Read the roster as text and check every rule without the library."""
    for _, row in table.iterrows():
        worked = [cell != "" for cell in row]
        assert sum(worked) <= len(row) - min_off
        run = 0
        for w in worked:
            run = run + 1 if w else 0
            assert run <= max_run
        for today, tomorrow in zip(row.iloc[:-1], row.iloc[1:]):
            if today and tomorrow:
                end = int(today[-5:-3]) * 3600 + int(today[-2:]) * 60
                start = int(tomorrow[:2]) * 3600 + int(tomorrow[3:5]) * 60
                assert 86400 - end + start >= min_rest


def test_roster_keeps_every_rule():
    idx = planning_index("2026-03-02", days=7, freq="1h")
    req = pd.Series(0, idx)
    req[(idx.hour >= 7) & (idx.hour < 23)] = 2
    p = shift_patterns(idx, lengths=(8 * 3600,), open_hours=("07:00", "23:00"), start_step=3600)
    res = schedule(req, p)
    shifts_per_day = res.shifts.groupby("day")["agents"].sum()
    agents = [f"agent{i}" for i in range(10)]
    table = roster(res, agents, min_rest=12 * 3600, max_consecutive_days=4, min_days_off=2)
    _rest_ok(table, 12 * 3600, 4, 2)
    assert (table != "").sum(axis=0).tolist() == shifts_per_day.tolist()  # every shift staffed
    days = (table != "").sum(axis=1)
    assert days.max() - days.min() <= 1  # evenly spread
    with pytest.raises(ValueError, match="agents must be enough"):
        roster(res, agents[:5])


def test_roster_of_weekly_tours():
    idx = planning_index("2026-03-02", days=7, freq="1h")
    p = shift_patterns(idx, lengths=(8 * 3600,), open_hours=("08:00", "16:00"), start_step=3600, days_off="any2")
    req = pd.Series(0, idx)
    req[(idx.hour >= 8) & (idx.hour < 16)] = 2
    res = schedule(req, p)
    table = roster(res, ["A", "B", "C", "D"])
    assert ((table != "").sum(axis=0) >= 2).all()
    _rest_ok(table, 11 * 3600, 5, 2)


@pytest.mark.parametrize("values, match", [
    ([1, -1, 0, 0, 0, 0], "required must be whole numbers of agents ≥ 0"),
    ([1, 1.5, 0, 0, 0, 0], "required must be whole numbers of agents ≥ 0"),
])
def test_bad_requirement(values, match):
    with pytest.raises(ValueError, match=match):
        schedule(_requirement(values), _tiny_patterns())


def test_bad_inputs():
    p = _tiny_patterns()
    with pytest.raises(TypeError, match="required must be a pandas Series"):
        schedule([1, 2, 3], p)
    irregular = DAY.delete(5)
    with pytest.raises(ValueError, match="index must be regular"):
        shift_patterns(irregular)
    with pytest.raises(ValueError, match="required must be on the same index"):
        schedule(pd.Series(0, planning_index("2026-03-03", days=1, freq="1h")), p)
    empty = PatternSet(index=DAY, matrix=p.matrix[:, :0], table=p.table.iloc[:0])
    with pytest.raises(ValueError, match="patterns must contain at least one pattern"):
        schedule(_requirement([0] * 6), empty)
    night = _requirement([0] * 6)
    night["2026-03-02 03:00"] = 1
    with pytest.raises(ValueError, match="required must be coverable by the patterns"):
        schedule(night, p)
    with pytest.raises(ValueError, match="lengths must fit inside open_hours"):
        shift_patterns(DAY, lengths=(10 * 3600,), open_hours=("08:00", "12:00"), start_step=3600)
    with pytest.raises(ValueError, match="start_step must be a positive multiple"):
        shift_patterns(DAY, start_step=900)
    with pytest.raises(ValueError, match="days_off must be"):
        shift_patterns(planning_index("2026-03-02", freq="1h"), start_step=3600, days_off="weekends")
    with pytest.raises(ValueError, match="index must be exactly 7 days"):
        shift_patterns(DAY, start_step=3600, days_off="any2")
    with pytest.raises(ValueError, match="latest must be"):
        BreakRule("break", 900, 3600, 1800)
    with pytest.raises(ValueError, match="time_limit must be"):
        schedule(_requirement([1] * 6), p, time_limit=0)
    with pytest.raises(ValueError, match="mip_gap must be"):
        schedule(_requirement([1] * 6), p, mip_gap=1.5)
    with pytest.raises(ValueError, match="under_cost must be"):
        schedule(_requirement([1] * 6), p, soft=True, under_cost=-1)
    with pytest.raises(ValueError, match="open_hours must be a clock time"):
        shift_patterns(DAY, open_hours=("8am", "22:00"), start_step=3600)


def test_lp_rounding_when_time_runs_out_before_any_schedule():
    """With almost no time HiGHS may return no integer point; the LP rounded up is still a
    cover (A ≥ 0), and the LP optimum a valid bound."""
    idx = planning_index("2026-03-02")
    hour = idx.hour + idx.minute / 60
    req = pd.Series(np.where((hour >= 8) & (hour < 22), 5 + (idx.day_of_week % 3), 0).astype(int), idx)
    p = shift_patterns(idx, lengths=(8 * 3600, 9 * 3600), start_step=900, days_off="any2")
    res = schedule(req, p, time_limit=1e-3)
    assert res.status in ("time_limit", "optimal")
    assert (res.coverage["under"] == 0).all() and res.dual_bound <= res.objective + 1e-9


def test_roster_rejects_a_rest_rule_that_no_tour_can_keep():
    idx = planning_index("2026-03-02", days=7, freq="1h")
    p = shift_patterns(idx, lengths=(10 * 3600,), open_hours=("08:00", "18:00"), start_step=3600, days_off="any2")
    req = pd.Series(0, idx)
    req[(idx.hour >= 8) & (idx.hour < 18)] = 1
    res = schedule(req, p)
    # a 10 h tour leaves 14 h between its own consecutive days
    with pytest.raises(ValueError, match="min_rest must be at most the rest inside a tour"):
        roster(res, ["A", "B"], min_rest=15 * 3600)
    with pytest.raises(ValueError, match="agents must be distinct names"):
        roster(res, ["A", "A"])
    with pytest.raises(ValueError, match="min_rest must be a whole number"):
        roster(res, ["A", "B"], min_rest=-1)


def test_combined_patterns_cover_like_one_set():
    """Full-time 8 h with a 1 h unpaid lunch plus part-time 3 h without: the optimum of the
    union equals brute force over both kinds."""
    full = shift_patterns(DAY, lengths=(4 * 3600,), open_hours=("08:00", "14:00"), start_step=3600,
                          breaks=(BreakRule("lunch", 3600, 2 * 3600, 2 * 3600, paid=False),))
    part = shift_patterns(DAY, lengths=(2 * 3600,), open_hours=("08:00", "14:00"), start_step=3600)
    both = combine_patterns(full, part)
    assert len(both) == len(full) + len(part) and both.paid_hours.tolist() == [3.0] * 3 + [2.0] * 5
    req = _requirement([1, 2, 1, 2, 2, 1])
    xs = _all_solutions(len(both), 2)
    feasible = ((xs @ both.matrix.toarray().T) >= req.to_numpy()).all(axis=1)
    assert schedule(req, both).objective == pytest.approx((xs[feasible] @ both.paid_hours).min())
    tours = shift_patterns(planning_index("2026-03-02", freq="1h"), start_step=3600, days_off="any2")
    with pytest.raises(ValueError, match="sets must share one planning index"):
        combine_patterns(full, tours)
    with pytest.raises(TypeError, match="sets must be PatternSet objects"):
        combine_patterns(full, "part")


def test_days_that_run_out_of_time_get_the_time_left(monkeypatch):
    """A day stopped by its share of the limit is solved again with the time easy days left."""
    import ccskills.scheduling._cover as cover

    calls = []
    real = cover._solve_block

    def first_time_short(*args):
        x, fun, low, status = real(*args)
        calls.append(args[-2])  # the time share each call got
        return (x, fun + 1, low - 1, 1) if len(calls) == 1 else (x, fun, low, status)

    monkeypatch.setattr(cover, "_solve_block", first_time_short)
    idx = planning_index("2026-03-02", days=3, freq="1h")
    req = pd.Series(0, idx)
    req[(idx.hour >= 8) & (idx.hour < 14)] = 1
    p = shift_patterns(idx, lengths=(6 * 3600,), open_hours=("08:00", "14:00"), start_step=3600)
    res = schedule(req, p, time_limit=30.0)
    assert len(calls) == 4 and calls[3] > calls[0]  # day 1 again, with more time than its first share
    assert res.status == "optimal" and res.objective == 18.0 and res.gap == 0


# ---------------------------------------------------------------- time limits are limits (issue 9)
def _weekly_case():
    idx = planning_index("2026-03-02")
    hour = idx.hour + idx.minute / 60
    shape = np.exp(-((hour - 11) / 2.5) ** 2) + 0.8 * np.exp(-((hour - 16) / 2.5) ** 2)
    req = pd.Series(np.where((hour >= 8) & (hour < 22), np.ceil(40 * shape), 0).astype(int), idx)
    return req, shift_patterns(idx, lengths=(8 * 3600, 9 * 3600), start_step=900, days_off="any2")


def test_every_solver_call_gets_at_most_the_time_left(monkeypatch):
    """The LP relaxation, the small rounding MILP and branch and bound each get a time_limit,
    never more than what is left of the caller's."""
    import scipy.optimize

    real, limits = scipy.optimize.milp, []

    def recording(*args, **kwargs):
        limits.append((kwargs.get("options") or {}).get("time_limit"))
        return real(*args, **kwargs)

    monkeypatch.setattr(scipy.optimize, "milp", recording)
    req, p = _weekly_case()
    schedule(req, p, time_limit=2.0)
    assert len(limits) >= 2 and all(limit is not None and 0 < limit <= 2.0 for limit in limits)
    assert sum(limits[:1]) <= 2.0  # the LP relaxation is limited too


def test_lp_out_of_time_still_gives_a_feasible_cover(monkeypatch):
    """When even the LP relaxation stops at the limit (HiGHS status 1, no point), the answer is a
    feasible cover labelled 'time_limit' with a valid bound (paid hours ≥ hours on the phones)."""
    import scipy.optimize
    from scipy.optimize import OptimizeResult

    def out_of_time(*args, **kwargs):
        return OptimizeResult(x=None, fun=None, status=1, success=False, message="Time limit reached",
                              mip_dual_bound=None)

    monkeypatch.setattr(scipy.optimize, "milp", out_of_time)
    req, p = _weekly_case()
    res = schedule(req, p, time_limit=1.0)
    assert res.status == "time_limit" and not res.optimal
    assert (res.coverage["under"] == 0).all()
    assert res.dual_bound == req.sum() / 4 <= res.objective  # Σ r_t × 0.25 h
    soft = schedule(req, p, soft=True, time_limit=1.0)
    assert soft.status == "time_limit" and soft.counts.sum() == 0 and soft.dual_bound == 0.0


def test_status_text_and_optimal_flag_agree():
    """'optimal' exactly when the gap is closed; stopped inside mip_gap is 'gap_limit'."""
    req, p = _weekly_case()
    for gap in (0.0, 0.05):
        res = schedule(req, p, time_limit=5.0, mip_gap=gap)
        assert (res.status == "optimal") == res.optimal
        if res.status == "gap_limit":
            assert 1e-6 < res.gap <= gap + 1e-9
    tiny = schedule(_requirement([1, 2, 2, 1, 1, 1]), _tiny_patterns())
    assert tiny.status == "optimal" and tiny.optimal and tiny.gap == 0


def test_pattern_count_is_bounded_before_building():
    """Three break windows of 25 placements each on round-the-clock starts: 21 million tours."""
    idx = planning_index("2026-03-02")
    windows = tuple(BreakRule(name, 900, 0, 6 * 3600) for name in ("a", "b", "c"))
    with pytest.raises(ValueError, match=r"start_step must give at most 100,000 patterns"):
        shift_patterns(idx, open_hours=("00:00", "24:00"), start_step=900, breaks=windows, days_off="any2")


def test_roster_time_limit_is_checked_and_shared(monkeypatch):
    """roster's two HiGHS calls share one time_limit (the second got the whole limit again)."""
    import scipy.optimize

    with pytest.raises(ValueError, match="time_limit must be a positive number"):
        roster(schedule(_requirement([1, 2, 2, 1, 1, 1]), _tiny_patterns()), ["a", "b"], time_limit=float("inf"))
    real, limits = scipy.optimize.milp, []

    def recording(*args, **kwargs):
        limits.append(kwargs["options"]["time_limit"])
        result = real(*args, **kwargs)
        return result if len(limits) > 1 else scipy.optimize.OptimizeResult(x=None, status=2)

    res = schedule(_requirement([1, 2, 2, 1, 1, 1]), _tiny_patterns())
    monkeypatch.setattr(scipy.optimize, "milp", recording)
    roster(res, [f"agent {i}" for i in range(8)], min_days_off=0, time_limit=4.0)
    assert len(limits) == 2 and limits[0] <= 2.0 and limits[1] <= 4.0  # half, then what is left


def test_measures_refuse_counts_that_would_overflow():
    """Issue 9: 1e19 required agents became a negative int64; inf scheduled likewise."""
    idx = pd.date_range("2026-03-02 09:00", periods=2, freq="15min")
    with pytest.raises(ValueError, match="required must be whole numbers of agents ≥ 0 and ≤ 2,000,000"):
        coverage_table(pd.Series([1e19, 1.0], idx), [1, 1])
    with pytest.raises(ValueError, match=r"scheduled must be agents ≥ 0 and ≤ 2,000,000, got inf"):
        schedule_fill_rate(pd.Series([1, 1], idx), [float("inf"), 1])
