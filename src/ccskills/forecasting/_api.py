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
    Timedelta or a string such as ``"7D"``. ``method``: a name in ``METHODS``, a label of an
    "auto" candidate (``"historical_average(k=4)"``, ``"median(a, b, c)"``), or ``"auto"``.

    ``"auto"`` (see ``ccskills.forecasting._select``) backtests every candidate at the same
    ``origins`` weekly origins (default 4, up to 8 when the history has more than 12 weeks),
    always including seasonal naive and the k-week mean for k = 1…8 with equal or linear
    recency weights, plus the median of the best three methods; it keeps the lowest pooled WAPE,
    a tie (within 0.5 %) going to the simpler method, and never a method whose WAPE is above
    the best of seasonal naive and the k-week means. ``candidates`` adds to those benchmarks
    (default: every method but the slow ``mstl_ets``); ``progress`` as in ``backtest``, counting
    each method at each origin and the final forecast.

    Returns non-negative floats for every slot in [last slot + interval, + horizon) whose
    weekday and time of day were open in at least half of the recent weeks (up to 8); closed
    slots get no row, never a fake zero. ``result.attrs["method"]`` names the method used (for
    "auto" its label, e.g. ``"historical_average(k=6, weights=linear)"``, also
    ``backtest_wape``: pooled WAPE per candidate label, ``origins`` and ``members``).

    Days whose total is below half the median of the same weekday in the ±4 weeks around them
    (an unknown holiday, an outage) are left out of every method's means, profiles and fits
    (``History.low_days``).

    Options by method: ``k`` (weeks averaged, historical_average/top_down/holiday_adjusted,
    default 8), ``weights`` ('equal' or 'linear', historical_average), ``damped`` (damped
    trend, Holt-Winters methods, default True), ``weeks`` (bottom_up fitting window, default
    16; mstl_ets/harmonic 10), ``fit_weeks`` (top_down: weeks of daily totals the Holt-Winters
    model is fitted on, default 52), ``base``/``events`` (holiday_adjusted, which also takes
    its base's own options and passes them on; ``k`` reaches the base only if it takes ``k``);
    every method takes ``calendar``: 'CN' (default: China's holidays, 调休 and 618/双11), 'none' (no holiday
    adjustment: holiday_adjusted is then its base method), an ISO country code of the
    ``holidays`` package ('US', 'GB', 'DE'…: public holidays, no events) or a calendar
    DataFrame (is_holiday, is_makeup_workday, holiday_name by date).

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

    ``method``: as in ``forecast`` — a name, an "auto" candidate's label such as
    ``"historical_average(k=4)"`` (the keys of ``attrs["backtest_wape"]``), or ``"auto"``
    (re-selecting at every origin from the history before it).

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
