"""Fuzz tier (issue 9, item 10) for the workforce-management core: queueing, staffing, plans,
the Erlang calculator's solve, simulation's up-front checks and forecast accuracy.

Every call gets extreme floats (0, −0, the smallest subnormal, tiny, 2**53, 1e17, 1e308, inf,
NaN, negatives) and must either return numbers with no NaN and every probability in [0, 1]
(ASA and mean waits may be inf where documented: agents ≤ load, nobody answered), or raise
ValueError / TypeError whose message starts with a *parameter name of the function called*
(``"{name} must …"``). The hypothesis deadline (5 s an example) is the "never more than a few
seconds" rule; examples are derandomised so a failure reproduces. The expectations are the
documented contracts, not outputs pasted back.
"""

from __future__ import annotations

import inspect
import math
import re
from unittest import mock

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from ccskills import queueing, staffing
from ccskills.scheduling import coverage_table, schedule_efficiency, schedule_fill_rate
from ccskills.forecasting import METHODS, accuracy, backtest, forecast, forecast_aht
from ccskills.interval_staffing import ErlangInputs, solve
from ccskills.queueing._limits import MAX_AGENTS, MAX_LOAD
from ccskills.simulation import simulate_interval

FUZZ = settings(max_examples=60, deadline=5000, suppress_health_check=[HealthCheck.too_slow],
                derandomize=True)
_NAME = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)[\w.]* must ")

EXTREME = [0.0, -0.0, 5e-324, 1e-300, 1e-200, 1e-6, 0.3, 0.8, 1.0, 14.0, 20.0, 180.0, 1800.0,
           1e6, 2e6, 2.0 ** 53, 1e17, 1e300, 1.7976931348623157e308, math.inf, -math.inf, math.nan,
           -1.0, -1e300]
extreme = st.one_of(st.sampled_from(EXTREME), st.floats(allow_nan=True, allow_infinity=True),
                    st.floats(1e-3, 1e4))  # the last keeps enough valid calls to reach the formulas
fraction = st.one_of(st.sampled_from([0.0, 1e-300, 1e-16, 0.5, 0.8, 1 - 1e-16, 1.0, 1.5, -0.1, math.nan]),
                     st.floats(0, 1))
maybe = st.one_of(st.none(), extreme)
# Inside or at the edge of the documented ranges, so that the formulas themselves get the extremes.
positive = st.one_of(st.sampled_from([5e-324, 1e-300, 1e-6, 0.5, 14.0, 180.0, 1e6, 2e6, 1e300]),
                     st.floats(1e-3, 1e4))
ratio = st.sampled_from([1e-6, 1e-3, 1.0, 1e3, 1e6])
target = st.one_of(st.sampled_from([1e-300, 0.5, 0.8, 0.99, 1 - 1e-16]), st.floats(0.01, 0.99))


def named_error(func, *args, names=(), **kwargs):
    """``func(*args, **kwargs)``, or None after a ValueError/TypeError naming one of its parameters."""
    try:
        result = func(*args, **kwargs)
    except (ValueError, TypeError) as err:
        match = _NAME.match(str(err))
        allowed = set(inspect.signature(func).parameters) | set(names)
        assert match and match[1] in allowed, f"{func.__name__}: {type(err).__name__}: {err}"
        event(f"{func.__name__}: refused")
        return None
    event(f"{func.__name__}: computed")
    return result


def in_unit(*values):
    for value in values:
        arr = np.asarray(value, dtype=float).ravel()
        assert not np.isnan(arr).any() and ((arr >= 0) & (arr <= 1)).all(), arr


def waits(*values):
    """Seconds: no NaN, ≥ 0; inf is the documented value of an unstable or unanswered queue."""
    for value in values:
        arr = np.asarray(value, dtype=float).ravel()
        assert not np.isnan(arr).any() and (arr >= 0).all(), arr


def agents_found(value):
    arr = np.asarray(value)
    assert arr.dtype.kind == "i" and (arr >= 0).all() and (arr <= MAX_AGENTS).all(), arr


# --- queueing ---------------------------------------------------------------------------------

@FUZZ
@given(extreme, extreme, extreme)
def test_offered_load(calls, aht, interval):
    load = named_error(queueing.offered_load, calls, aht, interval)
    if load is not None:
        assert 0 <= load <= MAX_LOAD


@FUZZ
@given(extreme, extreme, extreme, extreme)
def test_erlang_c_family(agents, load, aht, answer_time):
    for func, args in ((queueing.erlang_b, (agents, load)), (queueing.erlang_c, (agents, load)),
                       (queueing.occupancy, (agents, load)),
                       (queueing.service_level, (agents, load, aht, answer_time))):
        value = named_error(func, *args)
        if value is not None:
            in_unit(value)
    asa = named_error(queueing.average_speed_of_answer, agents, load, aht)
    if asa is not None:
        waits(asa)


@FUZZ
@given(extreme, extreme, extreme, extreme, extreme)
def test_erlang_a(agents, load, aht, patience, answer_time):
    r = named_error(queueing.erlang_a, agents, load, aht, patience, answer_time)
    if r is not None:
        in_unit(r.p_wait, r.p_abandon, r.service_level, r.service_level_answered, r.occupancy)
        waits(r.mean_wait, r.asa)


@FUZZ
@given(extreme, extreme, extreme, fraction, fraction, maybe)
def test_agents_for_service_level(load, aht, answer_time, target, max_occupancy, patience):
    n = named_error(queueing.agents_for_service_level, load, aht, answer_time, target,
                    max_occupancy=max_occupancy, patience=patience)
    if n is not None:
        agents_found(n)
        if patience is None and n > 0 and max_occupancy == 1.0:  # the answer meets the target
            assert queueing.service_level(n, load, aht, answer_time) >= target


@FUZZ
@given(extreme, extreme, extreme, fraction, maybe)
def test_agents_for_asa(load, aht, target_asa, max_occupancy, patience):
    n = named_error(queueing.agents_for_asa, load, aht, target_asa, max_occupancy=max_occupancy,
                    patience=patience)
    if n is not None:
        agents_found(n)


@FUZZ
@given(extreme, extreme, extreme, fraction, fraction)
def test_agents_for_abandonment(load, aht, patience, max_abandon, max_occupancy):
    n = named_error(queueing.agents_for_abandonment, load, aht, patience, max_abandon,
                    max_occupancy=max_occupancy)
    if n is not None:
        agents_found(n)


@FUZZ
@given(positive, positive, positive, ratio, positive)
def test_erlang_a_inside_the_range(agents, load, aht, patience_ratio, answer_time):
    r = named_error(queueing.erlang_a, agents, load, aht, patience_ratio * aht, answer_time)
    if r is not None:
        in_unit(r.p_wait, r.p_abandon, r.service_level, r.service_level_answered, r.occupancy)
        waits(r.mean_wait, r.asa)
        assert r.p_abandon <= r.p_wait * (1 + 1e-12)  # only callers who wait can abandon


@FUZZ
@given(positive, positive, positive, target, st.one_of(st.none(), ratio), st.booleans())
def test_searches_inside_the_range(load, aht, answer_time, goal, patience_ratio, by_asa):
    patience = None if patience_ratio is None else patience_ratio * aht
    if by_asa:
        n = named_error(queueing.agents_for_asa, load, aht, answer_time, patience=patience)
    else:
        n = named_error(queueing.agents_for_service_level, load, aht, answer_time, goal, patience=patience)
    if n is not None:
        agents_found(n)
    if patience is not None:
        n = named_error(queueing.agents_for_abandonment, load, aht, patience, goal)
        if n is not None:
            agents_found(n)


# --- staffing ---------------------------------------------------------------------------------

@FUZZ
@given(extreme, extreme, extreme, extreme, fraction, maybe)
def test_required_agents(calls, aht, interval, answer_time, target, target_asa):
    n = named_error(staffing.required_agents, calls, aht, interval, answer_time=answer_time,
                    target=target, target_asa=target_asa,
                    names=("load", "target"))  # the searches' own names, as documented
    if n is not None:
        agents_found(n)


@FUZZ
@given(extreme, fraction, extreme, extreme)
def test_headcount_hours_fte(agents, shrinkage, interval, hours_per_fte):
    heads = named_error(staffing.scheduled_headcount, agents, shrinkage)
    if heads is not None:
        assert isinstance(heads, int) and heads >= agents - 1e-9  # the documented 9-decimal guard
    for value in (named_error(staffing.agent_hours, agents, interval),
                  named_error(staffing.full_time_equivalents, agents, hours_per_fte=hours_per_fte,
                              shrinkage=shrinkage)):
        if value is not None:
            assert math.isfinite(value) and value >= 0


@settings(FUZZ, max_examples=25)
@given(st.lists(extreme, min_size=1, max_size=3), extreme, fraction, fraction, maybe, st.booleans())
def test_plan_staffing_on_small_frames(calls, aht, target_sl, shrinkage, patience, erlang_a):
    index = pd.date_range("2026-03-02 09:00", periods=len(calls), freq="30min")
    plan = named_error(staffing.plan_staffing, pd.Series(calls, index=index), aht, target_sl=target_sl,
                       shrinkage=shrinkage, patience=patience if erlang_a else None)
    if plan is None:
        return
    table = plan.intervals
    staffed = table["required"] > 0
    in_unit(*(table.loc[staffed, c] for c in ("service_level", "occupancy", "abandon_rate", "shrinkage")))
    waits(table.loc[staffed, "asa_s"])
    for column in ("load", "required", "scheduled", "phone_hours", "paid_hours"):
        assert np.isfinite(table[column]).all() and (table[column] >= 0).all(), column
    summary = plan.summary()
    assert math.isfinite(summary["fte"]) and summary["fte"] >= 0


@settings(FUZZ, max_examples=25)
@given(st.lists(positive, min_size=1, max_size=3), positive, target, st.one_of(st.none(), ratio))
def test_plan_staffing_inside_the_range(calls, aht, target_sl, patience_ratio):
    test_plan_staffing_on_small_frames.hypothesis.inner_test(
        calls, aht, target_sl, 0.3, None if patience_ratio is None else patience_ratio * aht,
        patience_ratio is not None)


# --- the Erlang calculator, simulation's checks, accuracy ---------------------------------------

@settings(FUZZ, max_examples=25)
@given(extreme, extreme, extreme, fraction, extreme, fraction, fraction, maybe, st.booleans())
def test_calculator_solve(calls, interval, aht, target_sl, answer_time, max_occupancy, shrinkage,
                          patience, by_asa):
    inputs = ErlangInputs(calls=calls, interval=interval, aht=aht, target_kind="asa" if by_asa else "sl",
                          target_sl=target_sl, answer_time=answer_time, target_asa=answer_time,
                          max_occupancy=max_occupancy, shrinkage=shrinkage, patience=patience)
    fields = set(ErlangInputs.__dataclass_fields__) | {"load", "target", "agents"}
    answer = named_error(solve, inputs, names=fields)
    if answer is not None:
        assert 0 <= answer.agents <= answer.headcount
        staffed = answer.table[answer.table["agents"] > 0]
        in_unit(staffed["service_level"], staffed["p_wait"], staffed["occupancy"])
        waits(staffed["asa"])


class _Started(Exception):
    """Raised in place of the first ciw run: the checks before it have all passed."""


@settings(FUZZ, max_examples=30)
@given(extreme, extreme, extreme, extreme, maybe, st.integers(2, 10**6))
def test_simulation_refuses_what_it_cannot_finish(calls, aht, interval, warmup, patience, replications):
    """Only the up-front checks run (ciw is replaced by a stop): a run that would start must be
    one the bounds allow — at most 200,000 expected calls and a load within the queueing range."""
    def stop(*args, **kwargs):
        raise _Started

    with mock.patch("ccskills.simulation._run", stop):
        try:
            named_error(simulate_interval, calls, aht, 14, interval=interval, warmup=warmup,
                        patience=patience, replications=replications)
        except _Started:
            assert calls * (1 + warmup / interval) * replications <= 200_000
            assert calls * aht / interval <= MAX_LOAD


@FUZZ
@given(st.lists(extreme, min_size=0, max_size=4), st.lists(extreme, min_size=0, max_size=4))
def test_accuracy(actual, forecast):
    n = min(len(actual), len(forecast))
    result = named_error(accuracy, actual[:n], forecast[:n])
    if result is None:
        return
    a = np.asarray(actual[:n], float)
    assert (math.isnan(result["wape"]) and math.isnan(result["bias"])) == (a.sum() == 0)
    assert math.isnan(result["mape"]) == (not (a > 0).any())
    assert math.isfinite(result["rmse"]) and result["rmse"] >= 0
    for key in ("wape", "mape"):
        assert math.isnan(result[key]) or result[key] >= 0


# --- forecasting ------------------------------------------------------------------------------

_SLOTS = pd.date_range("2026-01-05", periods=10 * 7 * 24, freq="h")
_SLOTS = _SLOTS[(_SLOTS.hour >= 8) & (_SLOTS.hour < 20)]  # ten weeks of 12 open hours
_BASE = 50.0 + 20.0 * np.sin(np.arange(len(_SLOTS)) / 12 * np.pi)
horizon = st.one_of(st.sampled_from(["1D", "7D", "14D"]),
                    st.sampled_from(["366D", "367D", "100000D", "0D", "-1D", "abc", None, 5]))
spike = st.tuples(st.integers(0, len(_SLOTS) - 1), st.one_of(st.floats(0, 1e6), extreme))


@settings(FUZZ, max_examples=25)
@given(st.lists(spike, max_size=2), horizon, st.sampled_from(sorted(METHODS)),
       st.one_of(st.integers(1, 3), st.sampled_from([-1, 0, 10**9])))
def test_forecast_and_backtest(spikes, span, method, origins):
    """A plausible history with a few extreme slots: forecasts are finite counts ≥ 0, or named errors."""
    values = _BASE.copy()
    for position, value in spikes:
        values[position] = value
    history = pd.Series(values, index=_SLOTS)
    result = named_error(forecast, history, span, method=method)
    if result is not None:
        assert np.isfinite(result).all() and (result >= 0).all()
    test = named_error(backtest, history, method, span, origins=origins)
    if test is not None:
        assert np.isfinite(test.table["forecast"]).all() and (test.table["forecast"] >= 0).all()
        measures = test.by_origin.to_numpy(dtype=float)
        assert not np.isinf(measures).any()  # NaN only where a measure is undefined (documented)


@settings(FUZZ, max_examples=25)
@given(st.lists(spike, max_size=2), horizon)
def test_forecast_aht(spikes, span):
    aht = pd.Series(180.0, index=_SLOTS)
    for position, value in spikes:
        aht.iloc[position] = value
    result = named_error(forecast_aht, aht, pd.Series(_BASE, index=_SLOTS), span)
    if result is not None:
        assert np.isfinite(result).all() and (result >= 0).all()


# --- scheduling measures ----------------------------------------------------------------------

@FUZZ
@given(st.lists(st.tuples(st.one_of(st.integers(0, 50), extreme), st.one_of(st.integers(0, 50), extreme)),
                min_size=1, max_size=4))
def test_coverage_measures(pairs):
    index = pd.date_range("2026-03-02 09:00", periods=len(pairs), freq="15min")
    required = pd.Series([p[0] for p in pairs], index=index, dtype=float)
    scheduled = [p[1] for p in pairs]
    table = named_error(coverage_table, required, scheduled)
    if table is not None:
        assert (table.to_numpy() >= 0).all() and (table["under"] - table["over"]
                                                    == table["required"] - table["scheduled"]).all()
    fill = named_error(schedule_fill_rate, required, scheduled)
    if fill is not None:
        in_unit(fill)
    efficiency = named_error(schedule_efficiency, required, scheduled)
    if efficiency is not None:  # NaN when nothing is scheduled (documented); may exceed 1
        assert (math.isnan(efficiency) and sum(scheduled) == 0) or 0 <= efficiency < math.inf
