"""Forecast accuracy measures used by WFM tools: WAPE, MAPE, RMSE, bias and daily MAPE."""

from __future__ import annotations

import numpy as np
import pandas as pd

MEASURES = ("wape", "mape", "rmse", "bias", "daily_mape")

MAX_COUNT = 1e15
"""Largest count (in size) accuracy accepts: squares and sums of such counts stay finite and
exact to 1 in 10¹⁶, where 1e300 calls would overflow RMSE to inf."""


def _aligned(actual, forecast) -> tuple[pd.Series, pd.Series]:
    if isinstance(actual, pd.Series) and isinstance(forecast, pd.Series):
        index = actual.index.union(forecast.index)
        actual = actual.reindex(index, fill_value=0.0)
        forecast = forecast.reindex(index, fill_value=0.0)
    else:
        actual, forecast = pd.Series(np.asarray(actual, float)), pd.Series(np.asarray(forecast, float))
        if len(actual) != len(forecast):
            raise ValueError(f"forecast must have the length of actual ({len(actual)}), "
                             f"got {len(forecast)!r}")
    actual, forecast = actual.astype(float), forecast.astype(float)
    if len(actual) == 0:
        raise ValueError("actual must hold at least one value, got an empty series")
    if not (np.isfinite(actual) & (actual >= 0)).all():
        raise ValueError(f"actual must hold counts >= 0, got {float(actual[~(np.isfinite(actual) & (actual >= 0))].iloc[0])!r}")
    if not np.isfinite(forecast).all():
        raise ValueError(f"forecast must hold finite numbers, got {float(forecast[~np.isfinite(forecast)].iloc[0])!r}")
    for name, values in (("actual", actual), ("forecast", forecast)):
        big = values.abs() > MAX_COUNT
        if big.any():
            raise ValueError(f"{name} must hold counts of at most {MAX_COUNT:g} in size, "
                             f"got {float(values[big].iloc[0])!r}")
    return actual, forecast


def _mape(actual: np.ndarray, forecast: np.ndarray) -> float:
    positive = actual > 0
    if not positive.any():
        return float("nan")
    return float(np.mean(np.abs(actual[positive] - forecast[positive]) / actual[positive]))


def accuracy(actual, forecast) -> pd.Series:
    """WAPE, MAPE, RMSE, bias and daily MAPE of a forecast against what happened.

    * ``wape`` = Σ|A − F| / ΣA (weighted absolute percentage error; busy slots weigh more);
    * ``mape`` = mean of |A − F| / A over slots with A > 0 — **slots with zero actual are
      skipped** (the ratio is undefined there), so MAPE says nothing about them and explodes on
      small slots;
    * ``rmse`` = √mean((A − F)²), in calls;
    * ``bias`` = (ΣF − ΣA) / ΣA, positive when the forecast is too high;
    * ``daily_mape`` = MAPE of the daily totals (needs a DatetimeIndex, else NaN).

    Series are aligned on their index; a slot present in one only counts as 0 in the other
    (a slot forecast open that stayed closed has actual 0). Fractions, not percent; NaN when
    undefined (ΣA = 0, or no positive actual for MAPE). Counts up to 1e15 in size
    (:data:`MAX_COUNT`); beyond, ``ValueError`` names ``actual`` or ``forecast``.

    Worked example: actual (10, 2), forecast (8, 4): errors 2 and 2; WAPE = 4/12 = 0.3333;
    MAPE = (2/10 + 2/2)/2 = 0.6; RMSE = √((4+4)/2) = 2; bias = (12 − 12)/12 = 0.

    >>> accuracy([10, 2], [8, 4])[["wape", "mape", "rmse", "bias"]].round(4).tolist()
    [0.3333, 0.6, 2.0, 0.0]
    """
    actual, forecast = _aligned(actual, forecast)
    a, f = actual.to_numpy(), forecast.to_numpy()
    total = a.sum()
    daily = float("nan")
    if isinstance(actual.index, pd.DatetimeIndex):
        days = actual.index.normalize()
        daily = _mape(actual.groupby(days).sum().to_numpy(), forecast.groupby(days).sum().to_numpy())
    return pd.Series({
        "wape": float(np.abs(a - f).sum() / total) if total > 0 else float("nan"),
        "mape": _mape(a, f),
        "rmse": float(np.sqrt(np.mean((a - f) ** 2))),
        "bias": float((f.sum() - total) / total) if total > 0 else float("nan"),
        "daily_mape": daily,
    }, name="accuracy")
