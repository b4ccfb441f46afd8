"""Average handle time per future slot: call-weighted weekday × interval average."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ccskills.forecasting._history import check_history, check_horizon


def forecast_aht(history_aht, history_calls, horizon=None, k: int = 8, calls_forecast=None) -> pd.Series:
    """AHT (seconds) for each future slot: Σ(calls × AHT) / Σcalls at the same weekday and time
    of day over the last ``k`` weeks (NICE, Calabrio and Genesys forecast AHT beside volume).

    ``history_aht`` and ``history_calls`` share a DatetimeIndex (calls weigh each slot's AHT;
    slots without calls are ignored). Give ``horizon`` to forecast the open slots that
    ``forecast(history_calls, horizon)`` would, or ``calls_forecast`` (a Series returned by
    ``forecast``) to align with its index exactly. A slot without weekday × interval history
    (a make-up working day on a Saturday) takes the time-of-day average, then the overall one.

    Worked example: Mondays at 09:00 and 10:00; at 09:00, 10 calls at 200 s, a week later 30
    calls at 300 s; the next Monday 09:00 gets (10 × 200 + 30 × 300) / 40 = 275 s (the plain
    mean would say 250 s).

    >>> idx = pd.DatetimeIndex(["2026-01-05 09:00", "2026-01-05 10:00",
    ...                         "2026-01-12 09:00", "2026-01-12 10:00"])
    >>> calls, aht = pd.Series([10.0, 5, 30, 5], idx), pd.Series([200.0, 100, 300, 100], idx)
    >>> forecast_aht(aht, calls, "7D").tolist()
    [275.0, 100.0]
    """
    calls = check_history(history_calls, "history_calls")
    if not isinstance(history_aht, pd.Series) or not isinstance(history_aht.index, pd.DatetimeIndex):
        raise ValueError(f"history_aht must be a Series on a DatetimeIndex, got {type(history_aht).__name__!r}")
    aht = pd.to_numeric(history_aht, errors="coerce").reindex(calls.values.index)
    if (aht < 0).any():
        raise ValueError(f"history_aht must hold seconds >= 0, got {aht[aht < 0].iloc[0]!r}")
    if calls_forecast is not None:
        slots = pd.DatetimeIndex(calls_forecast.index)
    elif horizon is not None:
        slots = calls.future_slots(calls.end, calls.end + check_horizon(horizon))
    else:
        raise ValueError("horizon must be given when calls_forecast is not, got None")
    recent = calls.recent(k)
    weight = recent.where(aht.reindex(recent.index).notna(), 0.0)
    work = (weight * aht.reindex(recent.index).fillna(0.0))
    keys = calls.keys(recent.index)
    tods = keys % calls.slots_per_day
    target = calls.keys(slots)
    out = _ratio(work.groupby(keys).sum(), weight.groupby(keys).sum()).reindex(target).to_numpy()
    by_tod = _ratio(work.groupby(tods).sum(), weight.groupby(tods).sum())
    out = np.where(np.isnan(out), by_tod.reindex(target % calls.slots_per_day).to_numpy(), out)
    overall = work.sum() / weight.sum() if weight.sum() > 0 else float(aht.mean())
    return pd.Series(np.where(np.isnan(out), overall, out), index=slots, name="aht_s")


def _ratio(num: pd.Series, den: pd.Series) -> pd.Series:
    return (num / den.where(den > 0)).astype(float)
