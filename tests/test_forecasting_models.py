"""Tests of the stronger forecasting methods (ccskills.forecasting._models).

Every expected value is computed here by numpy/pandas from the planted signal (the noise-free
mean of the simulated counts), never taken from the methods' own output."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from ccskills.forecasting import _models
from ccskills.forecasting._history import WEEK, check_history

STEP = pd.Timedelta("30min")
START = pd.Timestamp("2025-01-06")  # a Monday
METHODS = ("mstl_ets", "harmonic", "profile_top_down")


def _grid(weeks: int) -> pd.DatetimeIndex:
    """Open slots 08:00–20:00, Monday to Friday (24 a day, 120 a week)."""
    grid = pd.date_range(START, START + weeks * WEEK, freq=STEP, inclusive="left")
    hour = grid.hour + grid.minute / 60
    return grid[(grid.day_of_week < 5) & (hour >= 8) & (hour < 20)]


def _signal(index: pd.DatetimeIndex) -> np.ndarray:
    """Double-seasonal mean: an intraday shape with a late-morning peak and a smaller
    afternoon one, weekday levels (Monday +30 %, Friday −15 %), a 1 %-a-week trend."""
    hour = (index.hour + index.minute / 60).to_numpy()
    day = 0.4 + np.exp(-((hour - 10.5) / 1.5) ** 2) + 0.6 * np.exp(-((hour - 15) / 2) ** 2)
    week = np.array([1.3, 1.05, 1.0, 0.95, 0.85])[index.day_of_week]
    trend = 1 + 0.01 * ((index - START) / WEEK).to_numpy()
    return 60 * day * week * trend


@pytest.fixture(scope="module")
def planted():
    """12 weeks of Poisson counts around the signal, and the next week's slots and signal."""
    rng = np.random.default_rng(14)
    index = _grid(13)
    counts = rng.poisson(_signal(index)).astype(float)
    series = pd.Series(counts, index=index)
    end = START + 12 * WEEK
    history = check_history(series[series.index < end])
    slots = history.future_slots(end, end + WEEK)
    return history, slots, series


def _wape(actual: np.ndarray, forecast: np.ndarray) -> float:
    return float(np.abs(actual - forecast).sum() / actual.sum())


def _run(name, history, slots, **options):
    return getattr(_models, name)(history, slots, **options)


@pytest.mark.parametrize("name", METHODS)
def test_shape_non_negative_and_aligned_to_slots(planted, name):
    history, slots, _ = planted
    assert len(slots) == 120  # the week's open slots only: no nights, no weekend
    out = _run(name, history, slots)
    assert out.shape == (120,)
    assert np.isfinite(out).all() and (out >= 0).all()
    # Asking for every third slot gives the same values at those slots.
    np.testing.assert_allclose(_run(name, history, slots[::3]), out[::3], rtol=1e-9)
    assert _run(name, history, slots[:0]).shape == (0,)


@pytest.mark.parametrize("name", METHODS)
def test_recovers_planted_double_seasonal_signal(planted, name):
    """Against the noise-free signal of the next week, each method beats seasonal naive
    (last week's count at the same weekday × slot, taken here by hand) — by at least a third,
    since averaging over weeks removes most of one week's Poisson noise (√60 / 60 ≈ 13 %)."""
    history, slots, series = planted
    truth = _signal(slots)
    naive = series.reindex(slots - WEEK).to_numpy()
    naive_wape = _wape(truth, naive)
    method_wape = _wape(truth, _run(name, history, slots))
    assert naive_wape > 0.08  # the naive forecast carries the week's noise
    assert method_wape < 0.67 * naive_wape, (method_wape, naive_wape)


@pytest.mark.parametrize("name", METHODS)
def test_runs_on_min_weeks_of_history(planted, name):
    _, _, series = planted
    weeks = _models.MIN_WEEKS[name]
    end = START + weeks * WEEK
    history = check_history(series[series.index < end])
    assert history.weeks == weeks
    slots = history.future_slots(end, end + WEEK)
    out = _run(name, history, slots)
    assert out.shape == (len(slots),) and np.isfinite(out).all() and (out >= 0).all()
    # Even from three weeks the forecast is in the right range: total within 15 % of the truth.
    assert abs(out.sum() / _signal(slots).sum() - 1) < 0.15


@pytest.mark.parametrize("name", METHODS)
def test_closed_holiday_in_history_does_not_drag_the_forecast_down(planted, name):
    """A whole open day missing from the history (a closed holiday) is bridged, not read as
    zero calls: the forecast for that weekday stays within 10 % of the signal's total."""
    _, _, series = planted
    end = START + 12 * WEEK
    holiday = START + 11 * WEEK  # the Monday of the last week
    kept = series[(series.index < end) & (series.index.normalize() != holiday)]
    history = check_history(kept)
    slots = history.future_slots(end, end + WEEK)
    monday = slots.day_of_week == 0
    out = _run(name, history, slots)
    assert abs(out[monday].sum() / _signal(slots[monday]).sum() - 1) < 0.10


@pytest.mark.parametrize("name", METHODS)
def test_all_zero_history_forecasts_zero(name):
    index = _grid(4)
    history = check_history(pd.Series(0.0, index=index))
    slots = history.future_slots(START + 4 * WEEK, START + 5 * WEEK)
    np.testing.assert_allclose(_run(name, history, slots), 0.0, atol=1e-9)


@pytest.mark.parametrize("name,transform", [(n, t) for n in ("mstl_ets", "harmonic") for t in ("log", "none")])
def test_other_transforms_also_recover_the_signal(planted, name, transform):
    history, slots, series = planted
    truth = _signal(slots)
    naive = series.reindex(slots - WEEK).to_numpy()
    assert _wape(truth, _run(name, history, slots, transform=transform)) < _wape(truth, naive)


def test_mstl_window_is_cut_to_max_slots(planted, monkeypatch):
    """With room for 480 slots (4 weeks of this 120-slot week) weeks=10 fits on 4 weeks, the
    same forecast as weeks=4; never fewer than 3 weeks."""
    history, slots, _ = planted
    ten, four = (_models.mstl_ets(history, slots, weeks=w) for w in (10, 4))
    assert not np.allclose(ten, four)  # uncut, the windows differ
    monkeypatch.setattr(_models, "MSTL_MAX_SLOTS", 480)
    np.testing.assert_allclose(_models.mstl_ets(history, slots, weeks=10), four, rtol=1e-12)
    monkeypatch.setattr(_models, "MSTL_MAX_SLOTS", 100)
    np.testing.assert_allclose(_models.mstl_ets(history, slots, weeks=10),
                               _models.mstl_ets(history, slots, weeks=3), rtol=1e-12)


def test_ewm_profile_matches_weighted_shares_by_hand():
    """Two weeks, one open day a week, two slots: shares (0.25, 0.75) a fortnight ago and
    (0.5, 0.5) last week; ages 13/7 + … weeks from ``end``; weights 0.5 ** (age / 1)."""
    index = pd.DatetimeIndex(["2025-01-06 09:00", "2025-01-06 09:30",
                              "2025-01-13 09:00", "2025-01-13 09:30"])
    history = check_history(pd.Series([10.0, 30.0, 20.0, 20.0], index=index))
    end = history.end  # 2025-01-13 10:00
    ages = np.array([(end - pd.Timestamp("2025-01-06")) / WEEK, (end - pd.Timestamp("2025-01-13")) / WEEK])
    w = 0.5 ** ages
    first = (0.25 * w[0] + 0.5 * w[1]) / w.sum()
    profile = _models.ewm_profile(history, half_life=1.0, weeks=4)
    np.testing.assert_allclose(profile.to_numpy(), [first, 1 - first], rtol=1e-12)


def test_profile_top_down_totals_follow_weekday_mean_option(planted):
    """With daily='weekday_mean' the week's forecast total is the mean of the same weekdays'
    totals over the last k weeks (computed here by pandas), the profile only splits it. The
    history ends at Friday's closing time, so that Friday counts as a whole day."""
    history, slots, _ = planted
    out = _models.profile_top_down(history, slots, daily="weekday_mean", k=3)
    by_day = history.values.groupby(history.values.index.normalize()).sum()
    expected = by_day.groupby(by_day.index.day_of_week).apply(lambda d: d.iloc[-3:].mean()).sum()
    assert out.sum() == pytest.approx(expected, rel=1e-9)


def test_profile_top_down_ignores_a_partly_seen_last_day(planted):
    """A history ending at 14:00 on a Friday holds part of that Friday: its shares and total
    are of part of a day, so the next Monday's forecast is the one made without that Friday
    (the history ending at Friday's opening, 08:00)."""
    _, _, series = planted
    friday = START + 11 * WEEK + pd.Timedelta(days=4)
    monday = START + 12 * WEEK
    cut = check_history(series[series.index < friday + pd.Timedelta(hours=14)])
    before = check_history(series[series.index < friday + pd.Timedelta(hours=8)])
    slots = cut.future_slots(monday, monday + pd.Timedelta(days=1))
    np.testing.assert_allclose(_models.profile_top_down(cut, slots),
                               _models.profile_top_down(before, slots), rtol=1e-12)
    # The Friday afternoon asked for gets its share of a whole Friday, not of the morning seen.
    rest = cut.future_slots(cut.end, friday + pd.Timedelta(days=1))
    assert len(rest) == 12
    assert abs(_models.profile_top_down(cut, rest).sum() / _signal(rest).sum() - 1) < 0.15


@pytest.mark.parametrize("name,option,value", [
    ("mstl_ets", "weeks", 0), ("mstl_ets", "weeks", 2.5), ("mstl_ets", "season_weeks", True),
    ("mstl_ets", "transform", "boxcox"), ("mstl_ets", "damped", "yes"),
    ("harmonic", "weeks", -1), ("harmonic", "day_order", -1), ("harmonic", "week_order", 101),
    ("harmonic", "ar_lags", 1.5), ("harmonic", "half_life", 0), ("harmonic", "half_life", float("nan")),
    ("harmonic", "transform", None),
    ("profile_top_down", "half_life", -2.0), ("profile_top_down", "half_life", None),
    ("profile_top_down", "profile_weeks", 0), ("profile_top_down", "fit_weeks", "26"),
    ("profile_top_down", "damped", 1), ("profile_top_down", "daily", "arima"),
    ("profile_top_down", "k", 0),
])
def test_bad_options_raise_value_error_naming_the_option(planted, name, option, value):
    history, slots, _ = planted
    with pytest.raises(ValueError, match=rf"^{option} must"):
        _run(name, history, slots, **{option: value})


def test_defaults_and_min_weeks_describe_every_method():
    import inspect

    for name in METHODS:
        params = inspect.signature(getattr(_models, name)).parameters
        defaults = {p: v.default for p, v in params.items() if v.default is not inspect.Parameter.empty}
        assert _models.DEFAULTS[name] == defaults
        assert isinstance(_models.MIN_WEEKS[name], int) and _models.MIN_WEEKS[name] >= 1
