"""ccskills.planning: the weekly cycle forecast → accuracy → staffing → schedule, checked piece by
piece against independent computations on a small synthetic line."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from ccskills.planning import STAGES, PlanningInputs, run_planning
from ccskills.queueing import agents_for_service_level


def _history(weeks: int = 10, seed: int = 1) -> tuple[pd.Series, pd.Series]:
    """Weekdays 09:00-12:00 only (closed nights and weekends), a fixed weekly shape plus noise."""
    rng = np.random.default_rng(seed)
    index = pd.date_range("2026-01-05", periods=weeks * 7 * 96, freq="15min")
    index = index[(index.day_of_week < 5) & (index.hour >= 9) & (index.hour < 12)]
    shape = 20 + 10 * np.sin(np.arange(len(index)) % 12 / 12 * np.pi)
    calls = pd.Series(rng.poisson(shape).astype(float), index=index)
    aht = pd.Series(240.0 + rng.normal(0, 10, len(index)), index=index)
    return calls, aht


FAST = PlanningInputs(method="seasonal_naive", backtest_origins=2, shift_hours=(2.0, 3.0),
                      start_step_min=30, breaks=False, shrinkage=0.2)


@pytest.fixture(scope="module")
def planned():
    calls, aht = _history()
    stages = []
    result = run_planning(calls, aht, FAST, progress=lambda stage, done: stages.append((stage, done)))
    return calls, aht, result, stages


def test_forecast_covers_only_open_slots_of_the_horizon(planned):
    calls, _, r, _ = planned
    assert r.forecast.index.min() > calls.index.max()
    assert (r.forecast.index.day_of_week < 5).all()
    assert ((r.forecast.index.hour >= 9) & (r.forecast.index.hour < 12)).all()
    assert len(r.forecast) == 5 * 12  # one week, weekdays, 12 slots a day
    # seasonal naive: each slot equals the same slot one week earlier
    last_week = calls.reindex(r.forecast.index - pd.Timedelta(days=7)).to_numpy()
    assert np.allclose(r.forecast.to_numpy(), last_week)


def test_required_is_erlang_c_after_shrinkage_and_zero_when_closed(planned):
    _, _, r, _ = planned
    load = r.forecast.to_numpy() * r.aht.to_numpy() / 900
    agents = np.where(r.forecast.to_numpy() > 0,
                      agents_for_service_level(np.maximum(load, 1e-12), r.aht.to_numpy(), 20, 0.8), 0)
    expected = np.ceil(agents / (1 - 0.2) - 1e-9).astype(int)
    assert r.required.reindex(r.forecast.index).tolist() == expected.tolist()
    closed = ~r.required.index.isin(r.forecast.index)
    assert (r.required[closed] == 0).all()
    assert len(r.required) == 7 * 96


def test_hard_schedule_covers_every_period_and_coverage_figures_agree(planned):
    _, _, r, _ = planned
    cov = r.schedule.coverage
    assert r.schedule.status == "optimal" and r.schedule.optimal
    assert (cov["scheduled"] >= cov["required"]).all()
    assert r.fill_rate == 1.0
    assert r.efficiency == pytest.approx(cov["required"].sum() / cov["scheduled"].sum())
    # paid hours = Σ shift length × agents (no unpaid breaks here)
    shifts = r.schedule.shifts
    assert r.schedule.paid_hours == pytest.approx((shifts["paid_hours"] * shifts["agents"]).sum())


def test_accuracy_is_the_backtest_of_the_method_used(planned):
    from ccskills.forecasting import backtest

    calls, _, r, _ = planned
    again = backtest(calls, "seasonal_naive", "7D", origins=2).overall
    pd.testing.assert_series_equal(r.accuracy, again)
    assert r.method == "seasonal_naive" and r.candidates == {}


def test_progress_reports_each_stage_in_order_and_finishes(planned):
    *_, stages = planned
    order = [s for s, _ in stages]
    assert [s for s in dict.fromkeys(order)] == list(STAGES)
    assert all(0 <= done <= 1 for _, done in stages)
    assert stages[-1] == ("schedule", 1.0)


def test_sheets_hold_every_table_for_excel(planned):
    *_, r, _ = planned
    sheets = r.sheets()
    assert list(sheets) == ["summary", "forecast", "staffing", "daily", "shifts", "coverage"]
    assert len(sheets["coverage"]) == 7 * 96 and len(sheets["forecast"]) == 60
    summary = r.summary()
    assert summary["calls"] == pytest.approx(r.forecast.sum())
    assert summary["under_agent_hours"] == 0


def test_soft_cover_may_leave_gaps_but_reports_them():
    calls, aht = _history()
    r = run_planning(calls, aht, PlanningInputs(**{**FAST.__dict__, "soft": True}))
    cov = r.schedule.coverage
    under_hours = cov["under"].sum() / 4
    assert r.summary()["under_agent_hours"] == pytest.approx(under_hours)
    assert r.fill_rate == pytest.approx(np.minimum(cov["scheduled"], cov["required"]).sum()
                                        / cov["required"].sum())


def test_history_without_aht_uses_the_given_aht():
    calls, _ = _history()
    r = run_planning(calls, None, PlanningInputs(**{**FAST.__dict__, "aht": 200.0}))
    assert (r.aht == 200.0).all()
    with pytest.raises(ValueError, match="^aht must be given"):
        run_planning(calls, None, FAST)


def test_a_horizon_with_every_day_closed_is_refused():
    calls, aht = _history()
    friday = calls[calls.index.normalize() <= pd.Timestamp("2026-03-13")]  # ends on a Friday
    with pytest.raises(ValueError, match="^horizon_days must reach a day the line is open"):
        run_planning(friday, aht.reindex(friday.index), PlanningInputs(**{**FAST.__dict__, "horizon_days": 2}))


@pytest.mark.parametrize("field, value, name", [
    ("horizon_days", 0, "horizon_days"), ("horizon_days", 40, "horizon_days"),
    ("target_sl", 1.2, "target_sl"), ("answer_time", -1.0, "answer_time"),
    ("shrinkage", 1.0, "shrinkage"), ("shift_hours", (), "shift_hours"),
    ("shift_hours", (8.1,), "shift_hours"), ("start_step_min", 20, "start_step_min"),
    ("time_limit", 0.0, "time_limit"), ("backtest_origins", 0, "backtest_origins"),
    ("aht", 0.0, "aht"), ("patience", -5.0, "patience"),
])
def test_bad_settings_name_the_field(field, value, name):
    calls, aht = _history(weeks=3)
    with pytest.raises(ValueError, match=f"^{name} must"):
        run_planning(calls, aht, PlanningInputs(**{**FAST.__dict__, field: value}))


def test_shifts_longer_than_opening_hours_are_refused():
    calls, aht = _history()
    with pytest.raises(ValueError, match="^lengths must fit inside open_hours"):
        run_planning(calls, aht, PlanningInputs(**{**FAST.__dict__, "shift_hours": (4.0,)}))


def test_erlang_a_patience_lowers_the_requirement():
    calls, aht = _history()
    base = run_planning(calls, aht, FAST)
    patient = run_planning(calls, aht, PlanningInputs(**{**FAST.__dict__, "patience": 60.0}))
    assert patient.required.sum() <= base.required.sum()
    assert math.isfinite(patient.plan.summary()["abandon_rate"])


def test_auto_reports_its_method_search_as_forecast_progress():
    calls, aht = _history()
    seen = []
    r = run_planning(calls, aht, PlanningInputs(**{**FAST.__dict__, "method": "auto"}),
                     progress=lambda stage, done: seen.append((stage, done)))
    forecast_steps = [done for stage, done in seen if stage == "forecast"]
    assert len(forecast_steps) > 2 and forecast_steps == sorted(forecast_steps)
    assert r.method in r.candidates and r.candidates[r.method] == min(r.candidates.values())


def test_planning_days_start_the_day_after_the_history_even_when_closed():
    calls, aht = _history()
    friday = calls[calls.index.normalize() <= pd.Timestamp("2026-03-13")]  # a Friday
    r = run_planning(friday, aht.reindex(friday.index), PlanningInputs(**{**FAST.__dict__, "horizon_days": 4}))
    assert r.required.index[0] == pd.Timestamp("2026-03-14")  # Saturday, closed
    assert len(r.required) == 4 * 96
    assert (r.required[:"2026-03-15 23:45"] == 0).all()  # the weekend needs nobody
    assert r.forecast.index.min() == pd.Timestamp("2026-03-16 09:00")
