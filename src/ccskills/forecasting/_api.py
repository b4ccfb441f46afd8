"""Public entry points: forecast, backtest."""

from __future__ import annotations

import pandas as pd

from ccskills.forecasting._backtest import BacktestResult, run_backtest
from ccskills.forecasting._dispatch import check_method, forecast_slots
from ccskills.forecasting._history import check_history, check_horizon


def forecast(history, horizon, method: str = "auto", **options) -> pd.Series:
    """Forecast calls for every open slot of the next ``horizon`` after the history.

    ``history``: counts (calls offered) on a DatetimeIndex at a regular interval, e.g. 15 min;
    closed slots (nights, closed weekends, holidays) simply have no rows. ``horizon``: a
    Timedelta or a string such as ``"7D"``. ``method``: a name in ``METHODS`` or ``"auto"``
    (backtest every candidate over ``origins`` weekly rolling origins — 4 by default — and keep
    the lowest WAPE, as NICE "Best Pick" does; ``candidates`` restricts the list; ``progress``
    as in ``backtest``, counting every candidate's origins).

    Returns non-negative floats for every slot in [last slot + interval, + horizon) whose
    weekday and time of day were open in at least half of the recent weeks (up to 8); closed
    slots get no row, never a fake zero. ``result.attrs["method"]`` names the method used
    (for "auto" also ``backtest_wape``: WAPE per candidate).

    Options by method: ``k`` (weeks averaged, historical_average/top_down/holiday_adjusted,
    default 8), ``damped`` (damped trend, top_down/bottom_up, default True), ``weeks``
    (bottom_up fitting window, default 16), ``fit_weeks`` (top_down: weeks of daily totals
    the Holt-Winters model is fitted on, default 52), ``base``/``calendar``/``events``
    (holiday_adjusted; calendar and events default to ``ccskills.workcalendar``).

    >>> idx = pd.date_range("2026-01-05", periods=14 * 24, freq="h")
    >>> hist = pd.Series(idx.hour.to_numpy() + 1.0, index=idx)[lambda s: s.index.hour.isin([9, 10])]
    >>> forecast(hist, "2D", method="seasonal_naive").tolist()
    [10.0, 11.0, 10.0, 11.0]
    """
    hist = check_history(history)
    span = check_horizon(horizon)
    check_method(method, {} if method == "auto" else options)
    return forecast_slots(hist, hist.end, hist.end + span, method, options)


def backtest(history, method: str, horizon, origins=8, progress=None, **options) -> BacktestResult:
    """Forecasts and errors of ``method`` at rolling origins (out-of-sample accuracy).

    ``origins``: a number of origins — weekly steps back from the end, the last one ``horizon``
    before the midnight after the history — or a list of timestamps. At each origin the method
    sees only the history before it and forecasts ``horizon``. ``progress``: None, True (one
    line on stderr, updated in place) or a callable(done, total).

    Returns a BacktestResult: ``table`` (origin, timestamp, actual, forecast), ``by_origin``
    (wape, mape, rmse, bias, daily_mape per origin) and ``overall`` (pooled).
    """
    hist = check_history(history)
    span = check_horizon(horizon)
    check_method(method, options)
    forecaster = lambda train, start, stop: forecast_slots(train, start, stop, method, dict(options))  # noqa: E731
    return run_backtest(hist, forecaster, span, origins, progress, method)
