"""plan_staffing(calls, aht, quantile=q): staffing each interval for a quantile of its calls.

References: the quantile column picked by hand from a bands table (upper_80 is the 0.9
quantile), the error model's quantile recomputed here with ``np.quantile`` and √(f + 1), and
the fewest agents by the textbook Erlang C service level (queue_reference, exact rationals).
"""

import math

import numpy as np
import pandas as pd
import pytest
from queue_reference import ref_service_level

from ccskills.forecasting._intervals import forecast_intervals
from ccskills.staffing import plan_staffing

IDX = pd.date_range("2026-03-02 09:00", periods=4, freq="30min")
TABLE = pd.DataFrame({"forecast": [100.0, 60.0, 0.0, 30.0], "lower_80": [85.0, 48.0, 0.0, 22.0],
                      "upper_80": [118.0, 74.0, 1.0, 39.0], "lower_95": [77.0, 42.0, 0.0, 18.0],
                      "upper_95": [128.0, 81.0, 2.0, 44.0]}, index=IDX)


def ref_agents(calls, aht=180, interval=1800, t=20, target=0.8):
    load = calls * aht / interval
    if load == 0:
        return 0
    n = math.floor(load) + 1
    while ref_service_level(n, load, aht, t) < target:
        n += 1
    return n


def test_quantile_09_staffs_the_80_percent_upper_bound():
    plan = plan_staffing(TABLE, 180, quantile=0.9)
    upper = TABLE["upper_80"]  # the 0.9 quantile: (1 + 0.8) / 2
    assert plan.intervals["calls"].tolist() == upper.tolist()
    assert plan.required.tolist() == [ref_agents(c) for c in upper]
    assert plan.required.tolist() == plan_staffing(upper, 180).required.tolist()
    assert plan.settings.quantile == 0.9
    assert plan_staffing(TABLE, 180, quantile=0.975).required.tolist() == [ref_agents(c) for c in TABLE["upper_95"]]


def test_no_quantile_plans_on_the_point_forecast():
    point = plan_staffing(TABLE, 180)
    assert point.required.tolist() == plan_staffing(TABLE["forecast"], 180).required.tolist()
    assert point.required.tolist() == [ref_agents(c) for c in TABLE["forecast"]]  # 100 calls → 14
    assert point.required[0] == 14 and point.settings.quantile is None


def hourly_history(weeks=10, seed=0):
    idx = pd.date_range("2026-01-05", periods=weeks * 7 * 24, freq="h")
    idx = idx[(idx.hour >= 8) & (idx.hour < 20)]
    rng = np.random.default_rng(seed)
    return pd.Series(rng.poisson(40 + 30 * np.sin((idx.hour - 8) / 12 * np.pi)).astype(float), index=idx)


def test_quantile_from_the_error_model_and_monotone_in_q():
    bands = forecast_intervals(hourly_history(), "2D", method="seasonal_naive", backtest_origins=2)
    model = bands.attrs["error_model"]
    assert len(model.errors) == 1  # 2 origins × 84 slots: one bucket
    f = bands["forecast"].to_numpy()
    for q in (0.7, 0.9):
        hand = np.maximum(f + np.quantile(model.errors[0], q) * np.sqrt(f + 1), f)
        plan = plan_staffing(bands, 300, interval=3600, quantile=q)
        assert np.allclose(plan.intervals["calls"], hand)
        assert plan.required.tolist() == [ref_agents(c, 300, 3600) for c in hand]
    needs = [plan_staffing(bands, 300, quantile=q).required for q in (0.1, 0.5, 0.8, 0.9, 0.95, 0.99)]
    assert all((a <= b).all() for a, b in zip(needs, needs[1:]))
    assert needs[-1].sum() > needs[0].sum()
    paid = [plan_staffing(bands, 300, quantile=q).summary()["paid_hours"] for q in (0.5, 0.9, 0.99)]
    assert paid == sorted(paid)


@pytest.mark.parametrize("q", [0, 1, 1.2, -0.5, True, "0.9", float("nan")])
def test_bad_quantile_is_named(q):
    with pytest.raises(ValueError, match="quantile must be"):
        plan_staffing(TABLE, 180, quantile=q)


def test_quantile_needs_a_distribution():
    with pytest.raises(ValueError, match="quantile needs calls with a distribution"):
        plan_staffing(TABLE["forecast"], 180, quantile=0.9)
    with pytest.raises(ValueError, match="quantile needs calls with a distribution"):
        plan_staffing(TABLE[["upper_80"]], 180, quantile=0.9)
    with pytest.raises(ValueError, match="quantile must be one the bands hold"):
        plan_staffing(TABLE, 180, quantile=0.8)  # no error model, no column for 0.8
