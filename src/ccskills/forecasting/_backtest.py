"""Rolling-origin backtests: a forecaster is run at weekly origins on the history before each,
and its forecasts are compared with what happened. Knows no method: the caller passes the
forecaster (``_api.backtest`` one method, ``_select`` every "auto" candidate)."""

from __future__ import annotations

import sys
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ccskills.forecasting._accuracy import MEASURES, accuracy
from ccskills.forecasting._history import WEEK, History


@dataclass(frozen=True)
class BacktestResult:
    """Forecasts and errors of one method at rolling origins.

    ``table``: one row per (origin, timestamp) with ``actual`` and ``forecast``;
    ``by_origin``: accuracy measures (columns wape, mape, rmse, bias, daily_mape) per origin.
    """

    method: str
    horizon: pd.Timedelta
    table: pd.DataFrame
    by_origin: pd.DataFrame

    @property
    def overall(self) -> pd.Series:
        """Accuracy over every origin's slots pooled (daily MAPE over every origin's days)."""
        t = self.table
        index = pd.MultiIndex.from_arrays([t["origin"], t["timestamp"]])
        pooled = accuracy(pd.Series(t["actual"].to_numpy(), index), pd.Series(t["forecast"].to_numpy(), index))
        days = [pd.Series(g[c].to_numpy(), pd.DatetimeIndex(g["timestamp"]).normalize()).groupby(level=0).sum()
                for _, g in t.groupby("origin") for c in ("actual", "forecast")]
        daily = accuracy(pd.concat(days[0::2], ignore_index=True), pd.concat(days[1::2], ignore_index=True))
        pooled["daily_mape"] = daily["mape"]
        return pooled


MAX_ORIGINS = 1_000
"""Most weekly origins a backtest takes (about 19 years of history): each one is a forecast."""


def rolling_origins(history: History, horizon: pd.Timedelta, origins) -> list[pd.Timestamp]:
    """Origins: ``origins`` timestamps, or that many weekly steps back from the end, the last
    one ``horizon`` before the midnight that follows the history."""
    if isinstance(origins, (int, np.integer)) and not isinstance(origins, bool):
        if origins < 1:
            raise ValueError(f"origins must be a positive number of origins or a list of timestamps, got {origins!r}")
        if origins > MAX_ORIGINS:
            raise ValueError(f"origins must be at most {MAX_ORIGINS:,} weekly origins, got {origins!r}")
        last = history.end.ceil("D") - horizon
        return [last - i * WEEK for i in range(int(origins) - 1, -1, -1)]
    try:
        stamps = sorted(pd.Timestamp(o) for o in origins)
    except (TypeError, ValueError):
        raise ValueError(f"origins must be a positive number of origins or a list of timestamps, got {origins!r}") from None
    if not stamps or stamps[0] <= history.values.index[0] or stamps[-1] >= history.end:
        raise ValueError(f"origins must lie inside the history ({history.values.index[0]} – {history.end}), got {origins!r}")
    return stamps


def progress_reporter(progress):
    if progress is None or progress is False:
        return lambda done, total: None
    if progress is True:
        def show(done, total):
            sys.stderr.write(f"\rbacktest: {done}/{total} origins")
            if done == total:
                sys.stderr.write("\n")
            sys.stderr.flush()
        return show
    if callable(progress):
        return progress
    raise ValueError(f"progress must be None, True or a callable(done, total), got {progress!r}")


def origin_frame(history: History, origin: pd.Timestamp, horizon: pd.Timedelta, fc: pd.Series) -> pd.DataFrame:
    """Rows (origin, timestamp, actual, forecast) of one origin: every slot that has an actual
    or a forecast in [origin, origin + horizon) inside the history; a missing side counts 0."""
    stop = min(origin + horizon, history.end)
    fc = fc[fc.index < stop]
    actual = history.values[(history.values.index >= origin) & (history.values.index < stop)]
    index = actual.index.union(fc.index)
    return pd.DataFrame({"origin": origin, "timestamp": index,
                         "actual": actual.reindex(index, fill_value=0.0).to_numpy(),
                         "forecast": fc.reindex(index, fill_value=0.0).to_numpy()})


def result_from_frames(method: str, horizon: pd.Timedelta, frames: list[pd.DataFrame],
                       stamps: list[pd.Timestamp]) -> BacktestResult:
    """A BacktestResult from one frame per origin (see :func:`origin_frame`)."""
    per_origin = {}
    for origin, frame in zip(stamps, frames):
        index = pd.DatetimeIndex(frame["timestamp"])
        per_origin[origin] = (accuracy(pd.Series(frame["actual"].to_numpy(), index),
                                       pd.Series(frame["forecast"].to_numpy(), index))
                              if len(frame) else pd.Series(np.nan, index=list(MEASURES)))
    by_origin = pd.DataFrame(per_origin).T.rename_axis("origin")[list(MEASURES)]
    return BacktestResult(method, horizon, pd.concat(frames, ignore_index=True), by_origin)


def pooled_wape(table: pd.DataFrame) -> float:
    """Σ|actual − forecast| / Σactual over every row of a backtest table (NaN when Σactual = 0)."""
    total = table["actual"].sum()
    return float(np.abs(table["actual"] - table["forecast"]).sum() / total) if total > 0 else float("nan")


def run_backtest(history: History, forecaster, horizon: pd.Timedelta, origins, progress=None,
                 method: str = "") -> BacktestResult:
    """Backtest on a validated History (see ``ccskills.forecasting.backtest``): ``forecaster``
    (train History, start, stop) → Series is called at each origin with the history before it."""
    stamps = rolling_origins(history, horizon, origins)
    report = progress_reporter(progress)
    frames = []
    for i, origin in enumerate(stamps):
        fc = forecaster(history.truncated(origin), origin, origin + horizon)
        frames.append(origin_frame(history, origin, horizon, fc))
        report(i + 1, len(stamps))
    return result_from_frames(method, horizon, frames, stamps)
