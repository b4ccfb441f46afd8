"""The base methods: each maps a History and the target slots to non-negative floats.

* seasonal naive — the same weekday and time of day in the most recent week that had it open;
* historical average — the mean of that weekday × interval over the last ``k`` weeks
  (Calabrio's "workload day templates", 8 weeks by default);
* top-down — daily totals by Holt-Winters (statsmodels ``ExponentialSmoothing``, additive trend,
  weekly season over the open weekdays) × the weekday intraday profile of the last ``k`` weeks;
* bottom-up — Holt-Winters on the open-slot series itself, one season = the open slots of a week
  (Taylor 2008's double-seasonal idea, with the intraday cycle nested in the weekly one).
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from ccskills.forecasting._history import DAY, WEEK, History


def _by_key(history: History, slots: pd.DatetimeIndex, table: pd.Series) -> np.ndarray:
    """Look up a per-key table at each slot; keys missing from ``table`` fall back to the
    most recent value at that key.

    The lookup is copied before the fallback is written into it: ``to_numpy()`` of a pandas
    object may be a read-only view (always under pandas 3 copy-on-write)."""
    keys = history.keys(slots)
    values = np.array(table.reindex(keys).to_numpy(), dtype=float, copy=True)
    missing = np.isnan(values)
    if missing.any():
        values[missing] = history.latest_by_key().reindex(keys[missing]).fillna(0.0).to_numpy()
    return values


def seasonal_naive(history: History, slots: pd.DatetimeIndex) -> np.ndarray:
    """Same slot last week: the latest value observed at each weekday × time of day."""
    return _by_key(history, slots, history.latest_by_key())


WEIGHTS = ("equal", "linear")
"""Recency weights of the k-week mean: ``equal``, or ``linear`` (the most recent week weighs k,
the one before k − 1, …, the k-th week back 1)."""


def historical_average(history: History, slots: pd.DatetimeIndex, k: int = 8,
                       weights: str = "equal") -> np.ndarray:
    """Mean of each weekday × interval over the last ``k`` weeks (closed days skipped), equal or
    linearly recency-weighted (``weights``, see :data:`WEIGHTS`)."""
    recent = history.recent(k)
    keys = history.keys(recent.index)
    if weights == "equal":
        return _by_key(history, slots, recent.groupby(keys).mean())
    w = np.maximum(k - ((history.end - recent.index) // WEEK).to_numpy(), 1)
    table = pd.Series(recent.to_numpy() * w, recent.index).groupby(keys).sum() / pd.Series(w).groupby(keys).sum()
    return _by_key(history, slots, table)


def intraday_profile(history: History, k: int = 8) -> pd.Series:
    """Share of its weekday's calls in each weekly key over the last ``k`` weeks (sums to 1
    per weekday)."""
    recent = history.recent(k)
    keys = history.keys(recent.index)
    sums = recent.groupby(keys).sum()
    day_of_key = sums.index // history.slots_per_day
    totals = sums.groupby(day_of_key).transform("sum").to_numpy()
    counts = sums.groupby(day_of_key).transform("size").to_numpy()
    return pd.Series(np.where(totals > 0, sums / np.where(totals > 0, totals, 1), 1 / counts),
                     index=sums.index)


def _holt_winters(y: np.ndarray, period: int, steps: int, damped: bool):
    """Additive-trend Holt-Winters forecast ``steps`` ahead (season dropped when period < 2).

    Initial level, trend and season come from statsmodels' heuristic (a decomposition of the
    first cycles), so only the smoothing weights are optimised: fast, even for a 392-slot season."""
    from statsmodels.tsa.holtwinters import ExponentialSmoothing

    seasonal = "add" if period >= 2 and len(y) >= 2 * period else None
    model = ExponentialSmoothing(
        y, trend="add", damped_trend=damped, seasonal=seasonal,
        seasonal_periods=period if seasonal else None,
        initialization_method="heuristic" if seasonal and len(y) >= max(10, 2 * period) else "estimated")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return np.asarray(model.fit(use_brute=False).forecast(steps))


def _open_weekdays(history: History) -> np.ndarray:
    return np.unique(history.open_keys() // history.slots_per_day)


def daily_totals(history: History) -> pd.Series:
    """Totals of the regular open days (weekdays of the weekly pattern) up to ``end``; an open
    weekday with no rows (a closed holiday) takes the same weekday's total a week before."""
    totals = history.values.groupby(history.values.index.normalize()).sum()
    first = history.values.index[0].normalize() + DAY  # the first day may be partial
    last = (history.end - pd.Timedelta(1)).normalize()
    if history.end < last + DAY:  # the last day is only partly in the history
        last -= DAY
    days = pd.date_range(first, last, freq="D")
    days = days[np.isin(days.day_of_week, _open_weekdays(history))]
    daily = totals.reindex(days)
    by_weekday = daily.groupby(days.day_of_week)
    return by_weekday.ffill().fillna(by_weekday.bfill()).fillna(0.0)


def top_down(history: History, slots: pd.DatetimeIndex, k: int = 8, damped: bool = True,
             fit_weeks: int = 52) -> np.ndarray:
    """Holt-Winters daily totals (the last ``fit_weeks`` weeks) × weekday intraday profile."""
    daily = daily_totals(history)
    daily = daily[daily.index >= history.end - fit_weeks * WEEK]
    future_days = pd.date_range(daily.index[-1] + DAY, slots.normalize().max(), freq="D")
    future_days = future_days[np.isin(future_days.day_of_week, _open_weekdays(history))]
    period = len(_open_weekdays(history))
    path = _holt_winters(daily.to_numpy(), period, len(future_days), damped)
    totals = pd.Series(np.maximum(path, 0.0), index=future_days)
    share = intraday_profile(history, k).reindex(history.keys(slots)).fillna(0.0).to_numpy()
    return totals.reindex(slots.normalize()).fillna(0.0).to_numpy() * share


def bottom_up(history: History, slots: pd.DatetimeIndex, weeks: int = 16,
              damped: bool = True) -> np.ndarray:
    """Holt-Winters on the open-slot series of the last ``weeks`` weeks (season = one week of
    open slots); slots of closed days inside it take the value a week before."""
    open_keys = history.open_keys()
    start = history.end - min(weeks, history.weeks) * WEEK
    grid = pd.date_range(start, max(slots.max() + history.step, history.end), freq=history.step,
                         inclusive="left")
    grid = grid[np.isin(history.keys(grid), open_keys)]
    past = grid[grid < history.end]
    y = history.values.reindex(past)
    y = y.groupby(history.keys(past)).ffill().fillna(y.groupby(history.keys(past)).bfill())
    future = grid[grid >= history.end]
    path = _holt_winters(y.fillna(0.0).to_numpy(), len(open_keys), len(future), damped)
    return pd.Series(path, index=future).reindex(slots).fillna(0.0).to_numpy()
