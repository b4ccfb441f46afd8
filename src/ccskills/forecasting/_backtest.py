"""Rolling-origin backtests and "auto" selection (NICE "Best Pick", Genesys "Automatic Best
Method"): every candidate forecasts held-out weeks from the history before each origin, and
the lowest pooled WAPE wins."""

from __future__ import annotations

import sys
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ccskills.forecasting._accuracy import MEASURES, accuracy
from ccskills.forecasting._history import WEEK, History
from ccskills.forecasting._registry import (
    METHODS, allowed_options, check_enough, check_options, get_method, run_method, target_slots)

AUTO_ORIGINS = 4
AUTO_CANDIDATES = ("seasonal_naive", "historical_average", "top_down", "bottom_up", "holiday_adjusted")


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


def _progress(progress):
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


def run_backtest(history: History, method: str, horizon: pd.Timedelta, origins, progress=None,
                 options=None) -> BacktestResult:
    """Backtest on a validated History (see ``ccskills.forecasting.backtest``)."""
    from ccskills.forecasting._api import forecast_slots

    stamps = rolling_origins(history, horizon, origins)
    report = _progress(progress)
    rows, per_origin = [], {}
    for i, origin in enumerate(stamps):
        train = history.truncated(origin)
        stop = min(origin + horizon, history.end)
        fc = forecast_slots(train, origin, origin + horizon, method, dict(options or {}))
        fc = fc[fc.index < stop]
        actual = history.values[(history.values.index >= origin) & (history.values.index < stop)]
        index = actual.index.union(fc.index)
        frame = pd.DataFrame({"origin": origin, "timestamp": index,
                              "actual": actual.reindex(index, fill_value=0.0).to_numpy(),
                              "forecast": fc.reindex(index, fill_value=0.0).to_numpy()})
        rows.append(frame)
        per_origin[origin] = (accuracy(pd.Series(frame["actual"].to_numpy(), index),
                                       pd.Series(frame["forecast"].to_numpy(), index))
                              if len(frame) else pd.Series(np.nan, index=list(MEASURES)))
        report(i + 1, len(stamps))
    by_origin = pd.DataFrame(per_origin).T.rename_axis("origin")[list(MEASURES)]
    return BacktestResult(method, horizon, pd.concat(rows, ignore_index=True), by_origin)


def auto_select(history: History, start, stop, options: dict) -> pd.Series:
    """Backtest every candidate that has enough history and forecast with the best WAPE."""
    options = dict(options)
    candidates = list(options.pop("candidates", AUTO_CANDIDATES))
    n_origins = options.pop("origins", AUTO_ORIGINS)
    report = _progress(options.pop("progress", None))
    methods = [get_method(name, "candidates") for name in candidates]
    known = set().union(*(allowed_options(m) for m in methods))
    unknown = sorted(set(options) - known)
    if unknown:
        valid = sorted(known | {"candidates", "origins", "progress"})
        raise ValueError(f"options must be among {valid} for method 'auto', got {unknown[0]!r}")
    horizon = stop - start
    first_origin = rolling_origins(history, horizon, n_origins)[0]
    scores, chosen = {}, {}
    for method in methods:
        opts = check_options(method, {k: v for k, v in options.items() if k in allowed_options(method)})
        try:
            check_enough(history.truncated(first_origin), method, opts)
            if method.name == "holiday_adjusted" and opts["calendar"] is None:
                _load_calendar_once(history, stop, opts)
        except (ValueError, ImportError):
            continue
        chosen[method.name] = opts
    n_total = len(chosen) * (n_origins if isinstance(n_origins, int) else len(n_origins))
    for i, (name, opts) in enumerate(chosen.items()):
        step = lambda done, total, i=i: report(i * total + done, n_total)  # noqa: E731
        scores[name] = float(run_backtest(history, name, horizon, n_origins, step,
                                          options=opts).overall["wape"])
    if not scores:
        raise ValueError(f"history must cover enough weeks for at least one method plus {n_origins} "
                         f"weekly backtest origins, got {history.weeks} weeks")
    best = min(scores, key=lambda n: (np.nan_to_num(scores[n], nan=np.inf), candidates.index(n)))
    result = run_method(history, target_slots(history, METHODS[best], start, stop), METHODS[best],
                        chosen[best])
    result.attrs.update(method=best, backtest_wape=scores, origins=n_origins)
    return result


def _load_calendar_once(history: History, stop, options: dict) -> None:
    from ccskills.forecasting._special_days import load_calendar

    cal, events = load_calendar(history.values.index[0].normalize(), stop.normalize())
    options["calendar"] = cal
    if options.get("events") is None:
        options["events"] = events
