"""ccskills.planning: the prediction interval (预测区间) and the cost of covering its 80 % upper bound.

References computed here: seasonal naive's held-out errors by hand (the same slot one week
earlier is the forecast), their 0.9 quantile standardised by √(forecast + 1) with np.quantile,
and the required agents by ccskills.queueing.agents_for_service_level (tested against exact
Erlang C elsewhere), ⌈agents ÷ (1 − shrinkage)⌉ × 0.25 h summed by numpy.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from ccskills.planning import RISK_QUANTILE, PlanningInputs, RiskCover, run_planning
from ccskills.queueing import agents_for_service_level

WEEK = pd.Timedelta(days=7)


def _history(weeks: int = 10, seed: int = 3) -> pd.Series:
    """Weekdays 09:00-12:00 (closed nights and weekends), a weekly shape plus Poisson noise."""
    rng = np.random.default_rng(seed)
    index = pd.date_range("2026-01-05", periods=weeks * 7 * 96, freq="15min")
    index = index[(index.day_of_week < 5) & (index.hour >= 9) & (index.hour < 12)]
    shape = 20 + 10 * np.sin(np.arange(len(index)) % 12 / 12 * np.pi)
    return pd.Series(rng.poisson(shape).astype(float), index=index)


FAST = PlanningInputs(method="seasonal_naive", backtest_origins=2, shift_hours=(2.0, 3.0),
                      start_step_min=30, breaks=False, shrinkage=0.2, aht=240.0)


@pytest.fixture(scope="module")
def planned():
    calls = _history()
    return calls, run_planning(calls, None, FAST)


def _paid_hours(calls: np.ndarray) -> float:
    load = calls * 240 / 900
    agents = np.where(calls > 0, agents_for_service_level(np.maximum(load, 1e-12), 240.0, 20, 0.8), 0)
    return float(np.ceil(agents / 0.8 - 1e-9).sum() * 0.25)


def test_bands_are_read_from_the_held_out_errors(planned):
    calls, r = planned
    assert list(r.bands.columns) == ["forecast", "lower_80", "upper_80", "lower_95", "upper_95"]
    assert r.bands.index.equals(r.forecast.index)
    end = calls.index[-1] + pd.Timedelta(minutes=15)
    z = []
    for origin in (end.ceil("D") - 2 * WEEK, end.ceil("D") - WEEK):
        actual = calls[(calls.index >= origin) & (calls.index < origin + WEEK)]
        fc = calls.reindex(actual.index - WEEK).to_numpy()
        z.append((actual.to_numpy() - fc) / np.sqrt(fc + 1))
    z = np.concatenate(z)
    assert z.size == 2 * 5 * 12  # one bucket: fewer than 400 errors
    f = r.forecast.to_numpy()
    upper = np.maximum(f + np.quantile(z, 0.9) * np.sqrt(f + 1), f)
    assert np.allclose(r.bands["upper_80"], upper)
    assert np.allclose(r.risk_plan.intervals["calls"], upper)


def test_risk_cover_is_the_extra_paid_hours_of_the_upper_bound(planned):
    _, r = planned
    cover = r.risk_cover()
    assert isinstance(cover, RiskCover) and cover.quantile == RISK_QUANTILE == 0.9
    assert np.isclose(cover.paid_hours, _paid_hours(r.forecast.to_numpy()))
    assert np.isclose(cover.risk_paid_hours, _paid_hours(r.bands["upper_80"].to_numpy()))
    assert np.isclose(cover.extra_paid_hours, cover.risk_paid_hours - cover.paid_hours)
    assert cover.extra_paid_hours > 0
    assert np.isclose(cover.calls, r.forecast.sum()) and cover.risk_calls > cover.calls
    assert cover.extra_cost is None  # no hourly cost given


def test_risk_cover_costs_with_an_hourly_cost():
    r = run_planning(_history(), None, dataclasses.replace(FAST, hourly_cost=30.0))
    cover = r.risk_cover()
    assert np.isclose(cover.extra_cost, 30.0 * cover.extra_paid_hours)


def test_old_results_without_bands_have_no_risk_cover(planned):
    _, r = planned
    assert dataclasses.replace(r, bands=None, risk_plan=None).risk_cover() is None
