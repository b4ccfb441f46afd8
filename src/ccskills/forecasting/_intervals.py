"""Forecast intervals (prediction intervals, 预测区间) from rolling-origin backtest errors.

The empirical method of Williams & Goodman (1971) and Hyndman & Athanasopoulos, *Forecasting:
Principles and Practice* (3rd ed., §5.5): run the chosen method at rolling origins on the
history it would have had then, keep its out-of-sample errors, and read the interval from
their quantiles. Call counts are heteroscedastic (a busy slot misses by more calls than a
quiet one), so each error is standardised by the Poisson-like scale √(forecast + c):

    z = (actual − forecast) / √(forecast + c)

The z are grouped by forecast level (up to five buckets of equal size, sorted by forecast),
because a busy slot's error is partly proportional to the level (a whole day running high),
more than √forecast allows. For a future slot with point forecast f, the quantile q is

    f + z_q(f) · √(f + c),  floored at 0,

where z_q(f) interpolates the buckets' empirical q-quantiles linearly between their median
forecasts (constant beyond the first and last). The errors pool every lead time of the
horizon and every origin, so the band is as wide as the method's recent misses were.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["ErrorModel", "bands_from_backtest", "forecast_intervals", "forecast_quantile", "interval_columns"]

DEFAULT_LEVELS = (0.8, 0.95)
INTERVAL_ORIGINS = 8
"""Weekly origins whose backtest errors make the band (fewer when the history is short)."""
MIN_ORIGINS = 2
"""Fewest origins an interval is read from."""
SCALE_OFFSET = 1.0
"""c in √(forecast + c): keeps the scale positive for a zero forecast."""
MAX_BUCKETS = 5
MIN_PER_BUCKET = 200
"""Errors per forecast-level bucket: at least this many, so a 97.5 % quantile rests on 5 or more."""
ERROR_MODEL = "error_model"
"""Key of ``DataFrame.attrs`` that holds the :class:`ErrorModel` of a bands table."""


@dataclass(frozen=True, eq=False)
class ErrorModel:
    """Standardised backtest errors of one method, grouped by forecast level.

    ``centres``: median point forecast of each bucket (ascending, calls per slot);
    ``errors``: the sorted z = (actual − forecast)/√(forecast + offset) of each bucket;
    ``method``/``options``: what was backtested; ``origins``: the backtest origins used.
    """

    centres: np.ndarray
    errors: tuple
    offset: float
    method: str
    options: dict
    origins: tuple

    @property
    def n_errors(self) -> int:
        return int(sum(e.size for e in self.errors))

    def quantile(self, point, q: float) -> np.ndarray:
        """The q-quantile of calls per slot for point forecasts ``point`` (≥ 0, floored at 0)."""
        point = np.asarray(point, dtype=float)
        q = round(float(q), 12)  # (1 − 0.95)/2 and 0.025 are the same quantile
        z = np.array([np.quantile(e, q) for e in self.errors])
        z_at = np.interp(point, self.centres, z)
        return np.maximum(point + z_at * np.sqrt(point + self.offset), 0.0)


def error_model(table: pd.DataFrame, method: str, options: dict, offset: float = SCALE_OFFSET) -> ErrorModel:
    """An ErrorModel from a backtest table (columns actual, forecast, origin)."""
    if table.empty:
        raise ValueError("history must have open slots in the backtest weeks to measure forecast errors, "
                         "got none")
    f = table["forecast"].to_numpy(dtype=float)
    z = (table["actual"].to_numpy(dtype=float) - f) / np.sqrt(f + offset)
    order = np.argsort(f, kind="stable")
    n_buckets = int(max(1, min(MAX_BUCKETS, f.size // MIN_PER_BUCKET)))
    parts = np.array_split(order, n_buckets)
    centres = np.array([np.median(f[p]) for p in parts])
    errors = tuple(np.sort(z[p]) for p in parts)
    origins = tuple(pd.DatetimeIndex(table["origin"].unique()))
    return ErrorModel(centres, errors, float(offset), method, dict(options), origins)


def _level_name(level: float) -> str:
    return f"{level * 100:.10g}"


def interval_columns(levels=DEFAULT_LEVELS) -> list[str]:
    """Column names of the bands for ``levels``: lower_80, upper_80, lower_95, upper_95, ...

    >>> interval_columns((0.8, 0.95))
    ['lower_80', 'upper_80', 'lower_95', 'upper_95']
    """
    return [f"{side}_{_level_name(level)}" for level in _check_levels(levels) for side in ("lower", "upper")]


def _check_levels(levels) -> tuple[float, ...]:
    try:
        values = tuple(float(v) for v in np.atleast_1d(np.asarray(levels, dtype=object)))
    except (TypeError, ValueError):
        raise ValueError(f"levels must be coverage fractions between 0 and 1 such as (0.8, 0.95), "
                         f"got {levels!r}") from None
    if not values or any(not (0 < v < 1) or math.isnan(v) for v in values) \
            or len({_level_name(v) for v in values}) != len(values):
        raise ValueError(f"levels must be distinct coverage fractions between 0 and 1 such as "
                         f"(0.8, 0.95), got {levels!r}")
    return tuple(sorted(values))


def _check_quantile(q) -> float:
    if isinstance(q, (bool, np.bool_)) or not isinstance(q, (int, float, np.integer, np.floating)) \
            or not 0 < float(q) < 1:
        raise ValueError(f"quantile must be a number between 0 and 1 (e.g. 0.9), got {q!r}")
    return float(q)


def _method_options(point: pd.Series, method: str, options: dict) -> tuple[str, dict]:
    """The method (for "auto": the label it chose) and the options to backtest it with.

    "auto"'s label carries the options that differ between its candidates
    (``historical_average(k=4)``); the options given to "auto" go on to the backtest, kept to
    those every member of the label takes (``median(a, b, c)`` runs each member with them).
    """
    if method != "auto":
        return method, dict(options)
    chosen = point.attrs["method"]
    if isinstance(point.attrs.get("options"), dict):
        return chosen, dict(point.attrs["options"])
    from ccskills.forecasting._labels import COMBINERS, parse_label
    from ccskills.forecasting._registry import allowed_options, get_method

    name, parsed = parse_label(chosen)
    members = [parse_label(m)[0] for m in parsed] if name in COMBINERS else [name]
    allowed = set.intersection(*(allowed_options(get_method(m), options) for m in members))
    return chosen, {k: v for k, v in options.items() if k in allowed}


def _backtest_errors(history, chosen: str, horizon, origins: int, progress, options: dict):
    """Backtest ``chosen`` at ``origins`` weekly origins, fewer (down to 2) if the history is short."""
    from ccskills.forecasting import backtest

    for n in range(origins, MIN_ORIGINS - 1, -1):
        try:
            return backtest(history, chosen, horizon, n, progress, **options)
        except ValueError as error:
            if "history" not in str(error) or n == MIN_ORIGINS:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def forecast_intervals(history, horizon, method: str = "auto", levels=DEFAULT_LEVELS, *,
                       backtest_origins: int = INTERVAL_ORIGINS, progress=None, **options) -> pd.DataFrame:
    """Point forecast and prediction intervals (预测区间) for every open slot of ``horizon``.

    The point forecast is ``forecast(history, horizon, method, **options)``; the bands come
    from the out-of-sample errors of the same method (for ``"auto"``: the method it chose, with
    its options) at ``backtest_origins`` weekly rolling origins (default 8; fewer, down to 2,
    when the history is too short), standardised as z = (actual − forecast)/√(forecast + 1)
    and grouped by forecast level (see the module docstring). For a level L the band is the
    (1 − L)/2 and (1 + L)/2 quantiles of calls per slot, floored at 0 and widened where
    needed to hold the point forecast.

    ``levels``: coverage fractions, e.g. (0.8, 0.95). ``progress``: as in ``backtest``
    (reported for the backtest; ``"auto"`` also reports its own backtests).

    Returns a DataFrame indexed like ``forecast()`` with columns ``forecast`` then
    ``lower_80``, ``upper_80``, ``lower_95``, ``upper_95`` (names from ``levels``).
    ``attrs``: ``method`` (the method used), ``levels``, ``backtest_origins``,
    ``backtest_wape`` (of the error backtest), ``error_model`` (an :class:`ErrorModel`:
    any quantile of calls per slot via :func:`forecast_quantile`), and for "auto"
    ``auto_backtest_wape``.

    >>> idx = pd.date_range("2026-01-05", periods=12 * 7 * 24, freq="h")
    >>> rng = np.random.default_rng(1)
    >>> hist = pd.Series(rng.poisson(50, idx.size).astype(float), index=idx)
    >>> bands = forecast_intervals(hist, "7D", method="historical_average")
    >>> list(bands.columns)
    ['forecast', 'lower_80', 'upper_80', 'lower_95', 'upper_95']
    >>> bool((bands["lower_95"] <= bands["lower_80"]).all() and (bands["upper_80"] <= bands["upper_95"]).all())
    True
    """
    from ccskills.forecasting import forecast

    wanted = _check_levels(levels)
    if isinstance(backtest_origins, bool) or not isinstance(backtest_origins, (int, np.integer)) \
            or backtest_origins < MIN_ORIGINS:
        raise ValueError(f"backtest_origins must be a whole number of weekly origins >= {MIN_ORIGINS}, "
                         f"got {backtest_origins!r}")
    point_options = dict(options, progress=progress) if method == "auto" and progress is not None else options
    point = forecast(history, horizon, method, **point_options)
    chosen, chosen_options = _method_options(point, method, options)
    result = _backtest_errors(history, chosen, horizon, int(backtest_origins), progress, chosen_options)
    bands = bands_from_backtest(point, result, wanted, chosen_options)
    if method == "auto" and "backtest_wape" in point.attrs:
        bands.attrs["auto_backtest_wape"] = dict(point.attrs["backtest_wape"])
    return bands


def bands_from_backtest(point: pd.Series, result, levels=DEFAULT_LEVELS, options=None) -> pd.DataFrame:
    """The bands table of :func:`forecast_intervals` for a point forecast already made and a
    ``BacktestResult`` of the same method already run (e.g. the planner's accuracy backtest),
    so nothing is forecast twice."""
    wanted = _check_levels(levels)
    model = error_model(result.table, result.method, dict(options or {}))
    bands = _bands(point, model, wanted)
    bands.attrs.update(method=result.method, levels=wanted, backtest_origins=len(model.origins),
                       backtest_wape=float(result.overall["wape"]), error_model=model)
    return bands


def _bands(point: pd.Series, model: ErrorModel, levels) -> pd.DataFrame:
    f = point.to_numpy(dtype=float)
    columns = {"forecast": f}
    for level in levels:
        name = _level_name(level)
        columns[f"lower_{name}"] = np.minimum(model.quantile(f, (1 - level) / 2), f)
        columns[f"upper_{name}"] = np.maximum(model.quantile(f, (1 + level) / 2), f)
    return pd.DataFrame(columns, index=point.index)


def forecast_quantile(bands: pd.DataFrame, q) -> pd.Series:
    """The q-quantile of calls per slot (0 < q < 1) from :func:`forecast_intervals` output.

    With the bands' ``error_model`` (attrs) any q works: f + z_q(f)·√(f + 1), floored at 0,
    from the same backtest errors as the bands; a quantile above 0.5 is never below the point
    forecast and one below 0.5 never above it (the bands hold the forecast), so
    ``forecast_quantile(bands, 0.9)`` equals ``bands["upper_80"]`` and 0.025 ``lower_95``.
    Without it (a table read back from a file), q must be one of the bands' columns:
    upper_L is the (1 + L)/2 quantile, lower_L the (1 − L)/2 quantile.

    Raises ValueError naming ``quantile`` for q outside (0, 1), and when ``bands`` carries
    no distribution (no error model and no column for q).

    >>> idx = pd.date_range("2026-03-02 09:00", periods=2, freq="15min")
    >>> table = pd.DataFrame({"forecast": [10.0, 20.0], "lower_80": [6.0, 14.0],
    ...                       "upper_80": [14.0, 27.0]}, index=idx)
    >>> forecast_quantile(table, 0.9).tolist()
    [14.0, 27.0]
    """
    q = _check_quantile(q)
    if not isinstance(bands, pd.DataFrame) or "forecast" not in bands.columns:
        raise ValueError(f"quantile needs calls with a distribution: a DataFrame from forecast_intervals "
                         f"(columns forecast, lower_80, upper_80, ...), got {type(bands).__name__}")
    model = bands.attrs.get(ERROR_MODEL)
    f = bands["forecast"].to_numpy(dtype=float)
    if isinstance(model, ErrorModel):
        value = model.quantile(f, q)
        value = np.maximum(value, f) if q > 0.5 else (np.minimum(value, f) if q < 0.5 else value)
        return pd.Series(value, index=bands.index, name=f"q{q:g}")
    column = _column_for(bands.columns, q)
    if column is None:
        have = [c for c in bands.columns if c != "forecast"]
        raise ValueError(f"quantile must be one the bands hold (upper_L = (1 + L)/2, lower_L = (1 − L)/2; "
                         f"columns {have}) when calls carries no error model, got {q!r}")
    return bands[column].astype(float).rename(f"q{q:g}")


def _column_for(columns, q: float):
    for column in columns:
        side, _, level = str(column).partition("_")
        try:
            level = float(level) / 100
        except ValueError:
            continue
        target = (1 + level) / 2 if side == "upper" else (1 - level) / 2 if side == "lower" else None
        if target is not None and abs(target - q) < 1e-9:
            return column
    return None
