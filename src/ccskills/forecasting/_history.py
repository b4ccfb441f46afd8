"""The history of one line as the forecasting methods see it: open slots on a regular grid.

A contact-centre history has rows only for open slots (no rows at night, on closed weekends or
holidays). Each timestamp has a *weekly key*: weekday × slots-per-day + slot of the day. A key
is *open* when it appeared in at least half of the recent full weeks, so a single make-up
Saturday or one closed holiday does not change the weekly opening pattern.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

WEEK = pd.Timedelta(days=7)
DAY = pd.Timedelta(days=1)
OPEN_PATTERN_WEEKS = 8
LOW_DAY_FRACTION = 0.5
"""A day whose total is below this fraction of the median total of the same weekday in the
surrounding weeks (±LOW_DAY_WEEKS) is a *low day*: left out of means, profiles and fits."""
LOW_DAY_WEEKS = 4


@dataclass(frozen=True)
class History:
    """Validated counts of one line: ``values`` (float, sorted), the grid ``step`` and ``end``.

    ``end`` is the first instant after the history (last slot + step, or a backtest origin):
    forecasts and the recent-weeks windows are measured from it.
    """

    values: pd.Series
    step: pd.Timedelta
    end: pd.Timestamp
    pattern: np.ndarray | None = None  # fixed open keys (a history with special days removed)

    @property
    def slots_per_day(self) -> int:
        return int(DAY / self.step)

    @cached_property
    def weeks(self) -> int:
        """Weeks of history: how many of the weeks counted back from ``end`` hold any slot
        (a line open only on Sundays has as many weeks as Sundays)."""
        if len(self.values) == 0:
            return 0
        back = (self.end - self.values.index).asi8 // WEEK.value
        return int(np.unique(back).size)

    def keys(self, index: pd.DatetimeIndex | None = None) -> np.ndarray:
        """Weekly key of each timestamp: weekday × slots per day + slot of the day."""
        index = self.values.index if index is None else index
        ns = index.as_unit("ns").asi8
        days, in_day = np.divmod(ns, DAY.value)
        weekday = (days + 3) % 7  # 1970-01-01 was a Thursday (day_of_week 3)
        return weekday * self.slots_per_day + in_day // self.step.value

    def recent(self, weeks: float) -> pd.Series:
        """The values in the last ``weeks`` weeks before ``end``."""
        return self.values[self.values.index >= self.end - weeks * WEEK]

    def truncated(self, end: pd.Timestamp) -> History:
        """The history before ``end`` (a backtest origin), with ``end`` as its end."""
        return History(self.values[self.values.index < end], self.step, end)

    def without_days(self, days) -> History:
        """The history with every slot on the given dates (normalised timestamps) removed; its
        weekly opening pattern stays that of the full history."""
        keep = ~self.values.index.normalize().isin(pd.DatetimeIndex(days))
        return History(self.values[keep], self.step, self.end, self.open_keys())

    def low_days(self) -> pd.DatetimeIndex:
        """Dates whose total is below ``LOW_DAY_FRACTION`` (50 %) of the median total of the same
        weekday over the ±``LOW_DAY_WEEKS`` (4) weeks around it — holidays the calendar does not
        know, outages, a half-day export. Only complete days count (the first day of the history
        and a last day cut by ``end`` are never low); a median needs at least 3 such days."""
        return self._low_days

    @cached_property
    def _low_days(self) -> pd.DatetimeIndex:
        if len(self.values) == 0:
            return pd.DatetimeIndex([])
        totals = self.values.groupby(self.values.index.normalize()).sum()
        first, cut = self.values.index[0].normalize(), (self.end - pd.Timedelta(1)).normalize()
        whole = (totals.index > first) & ((totals.index < cut) | (self.end >= cut + DAY))
        totals = totals[whole]
        if len(totals) < 3:
            return pd.DatetimeIndex([])
        window = 2 * LOW_DAY_WEEKS + 1
        median = totals.groupby(totals.index.day_of_week).transform(
            lambda s: s.rolling(window, center=True, min_periods=3).median())
        return pd.DatetimeIndex(totals.index[(totals < LOW_DAY_FRACTION * median).to_numpy()])

    def without_low_days(self) -> History:
        """The history with its :meth:`low_days` removed (the weekly opening pattern kept)."""
        return self._without_low_days

    @cached_property
    def _without_low_days(self) -> History:
        low = self.low_days()
        return self.without_days(low) if len(low) else self

    def open_keys(self) -> np.ndarray:
        """Sorted weekly keys seen in at least half of the last full weeks (up to 8)."""
        if self.pattern is not None:
            return self.pattern
        return self._open_keys

    @cached_property
    def _open_keys(self) -> np.ndarray:
        n_weeks = min(OPEN_PATTERN_WEEKS, max(1, self.weeks))
        recent = self.recent(n_weeks)
        week_no = ((self.end - recent.index) // WEEK).to_numpy()
        seen = pd.DataFrame({"key": self.keys(recent.index), "week": week_no})
        counts = seen.drop_duplicates().groupby("key").size()
        return np.sort(counts.index[counts >= max(1, n_weeks / 2)].to_numpy())

    def future_slots(self, start: pd.Timestamp, stop: pd.Timestamp) -> pd.DatetimeIndex:
        """Every open-key slot in [start, stop)."""
        grid = pd.date_range(start, stop, freq=self.step, inclusive="left")
        return grid[np.isin(self.keys(grid), self.open_keys())]

    def latest_by_key(self) -> pd.Series:
        """The most recent value at each weekly key (seasonal naive with gaps skipped)."""
        return self.values.groupby(self.keys()).last()


MAX_COUNT = 1e15
"""Largest count per slot a history may hold: forecasts (sums, Holt-Winters) stay finite."""
MAX_HORIZON = pd.Timedelta(days=366)
"""Longest horizon forecast or backtested: a year of 15-minute slots is 35,136 values."""


def infer_step(index: pd.DatetimeIndex) -> pd.Timedelta:
    """The grid step: the smallest gap between slots."""
    return pd.Timedelta(np.diff(index.as_unit("ns").asi8).min(), unit="ns")


def check_history(history, name: str = "history") -> History:
    """Validate counts on a regular DatetimeIndex (gaps allowed) and return a History."""
    if not isinstance(history, pd.Series):
        raise TypeError(f"{name} must be a pandas Series of counts, got {type(history).__name__!r}")
    if not isinstance(history.index, pd.DatetimeIndex):
        raise ValueError(f"{name} must have a DatetimeIndex, got {type(history.index).__name__!r}")
    if len(history) < 2:
        raise ValueError(f"{name} must have at least two slots, got {len(history)!r}")
    if history.index.tz is not None:
        history = history.tz_localize(None)
    values = pd.to_numeric(history, errors="coerce").astype(float)
    values.index = values.index.as_unit("ns")
    bad = values[~np.isfinite(values) | (values < 0)]
    if len(bad):
        raise ValueError(f"{name} must hold counts >= 0 (no NaN), got {float(bad.iloc[0])!r} at {bad.index[0]}")
    if (values > MAX_COUNT).any():
        big = values[values > MAX_COUNT]
        raise ValueError(f"{name} must hold counts of at most {MAX_COUNT:g} per slot, "
                         f"got {float(big.iloc[0])!r} at {big.index[0]}")
    values = values.sort_index()
    if values.index.has_duplicates:
        dup = values.index[values.index.duplicated()][0]
        raise ValueError(f"{name} must have one row per slot, got a duplicate at {dup}")
    step = _check_regular(name, values.index)
    return History(values, step, values.index[-1] + step)


def _check_regular(name: str, index: pd.DatetimeIndex) -> pd.Timedelta:
    step = infer_step(index)
    gaps = np.diff(index.asi8)
    offsets = (index - index.normalize()).asi8
    if step <= pd.Timedelta(0) or DAY.value % step.value or (gaps % step.value).any() \
            or (offsets % step.value).any():
        raise ValueError(
            f"{name} must be on a regular interval that divides a day (e.g. 15 min), "
            f"with closed slots simply missing; got gaps of {sorted(set(pd.to_timedelta(gaps[:200])))[:4]}")
    return step


def check_horizon(horizon, name: str = "horizon") -> pd.Timedelta:
    """A positive Timedelta from a Timedelta or a string such as ``"7D"``."""
    try:
        value = pd.Timedelta(horizon)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a positive time span such as '7D', got {horizon!r}") from None
    if pd.isna(value) or value <= pd.Timedelta(0):
        raise ValueError(f"{name} must be a positive time span such as '7D', got {horizon!r}")
    if value > MAX_HORIZON:
        raise ValueError(f"{name} must be at most {MAX_HORIZON.days} days, got {horizon!r}")
    return value
