"""Call-volume forecasting for interval staffing: methods, rolling-origin backtests, accuracy.

A history is a Series of counts on a regular DatetimeIndex (15 min, say) where closed slots have
no rows. ``forecast(history, "7D", method=...)`` returns a value for every slot of the next
seven days that the line keeps open — never a fake zero at night. ``METHODS`` lists the methods
(seasonal naive, historical average, top-down, bottom-up Holt-Winters, holiday-adjusted);
``"auto"`` backtests them and keeps the lowest WAPE. ``backtest`` measures a method at rolling
origins; ``accuracy`` gives WAPE, MAPE, RMSE, bias and daily MAPE; ``forecast_aht`` the
call-weighted AHT per future slot and ``call_weighted_aht`` the same weighting per day or
week (Σ calls × AHT / Σ calls). statsmodels is imported only by the Holt-Winters methods.
"""

from ccskills.forecasting._accuracy import accuracy
from ccskills.forecasting._aht import call_weighted_aht, forecast_aht
from ccskills.forecasting._api import backtest, forecast
from ccskills.forecasting._backtest import BacktestResult
from ccskills.forecasting._registry import METHODS, Method

__all__ = ["METHODS", "BacktestResult", "Method", "accuracy", "backtest", "call_weighted_aht", "forecast",
           "forecast_aht"]
