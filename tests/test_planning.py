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


# Holiday calendar (issue 14 item 4) ------------------------------------------------------------

# The Chinese public holidays on weekdays from 2026-04-27 to 2026-09-30 (State Council notice for
# 2026): 劳动节 1–5 May (Fri 1, Mon 4, Tue 5), 端午节 19 June (Fri), 中秋节 25 September (Fri);
# 国庆节 is 1–7 October, and Saturday 10 October is a make-up working day (调休), as was
# Saturday 9 May. US public holidays in October 2026: Columbus Day on the 12th only.
CLOSED = ("2026-05-01", "2026-05-04", "2026-05-05", "2026-06-19", "2026-09-25")
NATIONAL_DAY = pd.date_range("2026-10-01", "2026-10-07")


def _calls_on(index: pd.DatetimeIndex) -> np.ndarray:
    """A fixed weekly shape, no noise: 20 + 2 × weekday + the slot's number in the morning."""
    return np.asarray(20.0 + 2 * index.day_of_week + (index.hour - 9) * 4 + index.minute // 15, dtype=float)


def _closed_on_chinese_holidays() -> pd.Series:
    """Weekdays 09:00–12:00 from 27 April to 30 September 2026, closed on the days in CLOSED."""
    index = pd.date_range("2026-04-27", "2026-09-30 23:45", freq="15min")
    index = index[(index.day_of_week < 5) & (index.hour >= 9) & (index.hour < 12)
                  & ~index.normalize().isin(pd.DatetimeIndex(CLOSED))]
    return pd.Series(_calls_on(index), index=index)


CAL = PlanningInputs(method="holiday_adjusted", backtest_origins=2, shift_hours=(2.0, 3.0), breaks=False,
                     aht=240.0)


@pytest.mark.parametrize("calendar", ["US", "none"])
def test_without_chinas_calendar_national_day_is_a_normal_week(calendar):
    calls = _closed_on_chinese_holidays()
    r = run_planning(calls, None, PlanningInputs(**{**CAL.__dict__, "calendar": calendar}))
    open_days = NATIONAL_DAY[NATIONAL_DAY.day_of_week < 5]  # Thu 1, Fri 2, Mon 5, Tue 6, Wed 7
    expected = pd.DatetimeIndex([d + pd.Timedelta(minutes=15 * i) + pd.Timedelta(hours=9)
                                 for d in open_days for i in range(12)])
    assert r.inputs.calendar == calendar and r.forecast.index.equals(expected)
    assert np.allclose(r.forecast.to_numpy(), _calls_on(expected))  # every week had the same shape
    # the backtest (origins Thu 17 and Thu 24 September) knew no holiday either: its only error is
    # Friday 25 September, forecast as a normal Friday while the line was closed
    window = calls["2026-09-17":"2026-09-30"]
    friday = _calls_on(expected[expected.normalize() == "2026-10-02"]).sum()
    assert r.accuracy["wape"] == pytest.approx(friday / window.sum())


def test_with_chinas_calendar_national_day_is_closed_and_the_backtest_knew_it():
    from ccskills.planning import ClosedHorizon

    calls = _closed_on_chinese_holidays()
    with pytest.raises(ClosedHorizon) as closed:
        run_planning(calls, None, CAL)  # calendar "CN" by default
    assert (closed.value.first, closed.value.last) == (NATIONAL_DAY[0], NATIONAL_DAY[-1])
    assert closed.value.next_open == pd.Timestamp("2026-10-08")
    r = run_planning(calls, None, PlanningInputs(**{**CAL.__dict__, "start": pd.Timestamp("2026-10-08")}))
    days = sorted(set(r.forecast.index.normalize().strftime("%m-%d")))
    assert days == ["10-08", "10-09", "10-12", "10-13", "10-14"]  # not Saturday 10-10: it never opened 9 May
    assert r.accuracy["wape"] == 0  # the closed 25 September was forecast closed: China's 中秋节


@pytest.mark.parametrize("calendar", ["XX", "", 5, None])
def test_a_bad_calendar_is_refused_naming_calendar(calendar):
    with pytest.raises(ValueError, match="^calendar must"):
        PlanningInputs(calendar=calendar).checked()


def test_calendar_codes_are_read_in_either_case():
    assert PlanningInputs(calendar="us").checked().calendar == "US"
    assert PlanningInputs(calendar="None").checked().calendar == "none"


# The 4-week mean benchmark and the candidates table (issue 14 items 5 and 6) -----------------------

def _family(label: str) -> str:
    return label.split("(", 1)[0]


def _sample(line: str) -> pd.Series:
    from ccskills.datasets.wfm import load_interval_history

    history = load_interval_history(line).set_index("interval_start")
    return history["calls"].astype(float), history["aht_s"]


@pytest.fixture(scope="module")
def ecommerce_auto():
    calls, aht = _sample("ecommerce")
    return run_planning(calls, aht, PlanningInputs(backtest_origins=2, horizon_days=3))


@pytest.fixture(scope="module")
def bank_auto():
    """The real US bank line (fpp3 bank_calls), 5-minute counts added into 15 minutes."""
    from ccskills.datasets.real import load

    calls = load("bank_calls")
    calls = calls.groupby(calls.index.floor("15min")).sum().astype(float)
    return run_planning(calls, None, PlanningInputs(calendar="US", aht=300.0, horizon_days=3, shift_hours=(8.0,),
                                                    start_step_min=15, breaks=False))


def test_a_method_clearly_better_than_the_4_week_mean(ecommerce_auto):
    from ccskills.planning import BENCHMARK

    r = ecommerce_auto
    verdict = r.benchmark()
    ratio = r.candidates[r.method] / r.candidates["historical_average(k=4)"]
    assert BENCHMARK == "historical_average(k=4)" and verdict.method == r.method != BENCHMARK
    assert verdict.ratio == pytest.approx(ratio) and ratio <= 0.95 and verdict.clearly_better


def test_no_method_clearly_better_than_the_4_week_mean(bank_auto):
    r = bank_auto
    verdict = r.benchmark()
    ratio = r.candidates[r.method] / r.candidates["historical_average(k=4)"]
    assert verdict.ratio == pytest.approx(ratio) and 0.95 < ratio <= 1 and not verdict.clearly_better
    assert verdict.benchmark_wape == r.candidates["historical_average(k=4)"]


def test_no_verdict_without_auto(planned):
    assert planned[2].benchmark() is None and planned[2].candidate_table().empty


@pytest.mark.parametrize("which", ["ecommerce_auto", "bank_auto"])
def test_the_candidates_table_has_one_row_per_family(which, request):
    r = request.getfixturevalue(which)
    table = r.candidate_table()
    families = {_family(label) for label in r.candidates}
    assert len(table) == len(families) and set(table["family"]) == families
    assert table["wape"].is_monotonic_increasing and table["chosen"].sum() == 1
    assert table.index[table["chosen"]][0] == r.method
    for label, row in table.iterrows():
        same = [w for name, w in r.candidates.items() if _family(name) == row["family"]]
        assert row["wape"] == (r.candidates[label] if row["chosen"] else min(same))
        assert row["ratio"] == pytest.approx(r.candidates[label] / r.candidates["historical_average(k=4)"])
    assert len(r.candidates) > len(table)  # the 1…8-week means are one row
