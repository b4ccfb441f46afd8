"""Call-volume forecasting for interval staffing: methods, rolling-origin backtests, accuracy.

A history is a Series of counts on a regular DatetimeIndex (15 min, say) where closed slots have
no rows. ``forecast(history, "7D", method=...)`` returns a value for every slot of the next
seven days that the line keeps open — never a fake zero at night. ``METHODS`` lists the methods
(seasonal naive, the k-week weekday × slot mean, top-down, bottom-up Holt-Winters,
holiday-adjusted, MSTL + ETS, dynamic harmonic regression, top-down with a recency-weighted
profile); ``"auto"`` backtests them at the same weekly origins — always against seasonal naive
and the k-week mean (k = 1…8, chosen by the backtest) and with the median of the best three —
and keeps the best, never one worse than those benchmarks. ``calendar`` ('CN' by default,
'none', or a country code such as 'US') says whose holidays the holiday-adjusted method knows.
``backtest`` measures a method at rolling origins; ``accuracy`` gives WAPE, MAPE, RMSE, bias and
daily MAPE; ``parse_label`` reads an "auto" label, ``check_calendar`` a calendar argument;
``forecast_intervals`` adds 80 % / 95 % bands from backtest errors and
``forecast_quantile`` reads any quantile of them; ``bands_from_backtest`` builds the same bands
from a point forecast and a ``BacktestResult`` already run (its ``ErrorModel`` in
``attrs["error_model"]``); ``forecast_aht`` the call-weighted AHT per
future slot and ``call_weighted_aht`` the same weighting per day or week
(Σ calls × AHT / Σ calls). statsmodels is imported only by the methods that fit models.
"""

from ccskills.forecasting._accuracy import accuracy
from ccskills.forecasting._aht import call_weighted_aht, forecast_aht
from ccskills.forecasting._api import backtest, forecast
from ccskills.forecasting._backtest import BacktestResult
from ccskills.forecasting._intervals import (
    ErrorModel, bands_from_backtest, forecast_intervals, forecast_quantile, interval_columns)
from ccskills.forecasting._labels import COMBINERS, parse_label
from ccskills.forecasting._registry import METHODS, Method
from ccskills.forecasting._special_days import check_calendar

__all__ = ["COMBINERS", "METHODS", "BacktestResult", "ErrorModel", "Method", "accuracy", "backtest",
           "bands_from_backtest", "call_weighted_aht", "check_calendar", "forecast", "forecast_aht",
           "forecast_intervals", "forecast_quantile", "interval_columns", "parse_label"]
