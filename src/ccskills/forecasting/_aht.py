"""Average handle time per future slot: call-weighted weekday × interval average."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ccskills._validation import check_nonnegative
from ccskills.forecasting._history import MAX_COUNT, check_history, check_horizon


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
    bad = (aht < 0) | (aht > MAX_COUNT)  # NaN (no AHT for a slot) is allowed
    if bad.any():
        raise ValueError(f"history_aht must hold seconds from 0 to {MAX_COUNT:g}, got {float(aht[bad].iloc[0])!r}")
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


def call_weighted_aht(calls, aht, freq: str | None = "D"):
    """Call-weighted AHT per period: Σ(calls × AHT) / Σ calls, in seconds.

    ``calls`` is a Series on a DatetimeIndex (e.g. ``forecast(...)``), ``aht`` a number or
    a Series on the same index (e.g. ``forecast_aht(...)``). ``freq="D"`` gives one value
    per calendar day that has slots, ``"W"`` per week labelled by its Monday (any pandas
    period alias works, labelled by the period start), ``None`` one float for the whole
    series. Slots with a NaN AHT weigh nothing; a period without calls gives NaN. The
    plain mean of the AHTs would let a quiet slot count as much as a busy one.

    >>> idx = pd.DatetimeIndex(["2026-01-05 09:00", "2026-01-05 10:00", "2026-01-06 09:00"])
    >>> calls, aht = pd.Series([10.0, 30, 5], idx), pd.Series([200.0, 300, 100], idx)
    >>> call_weighted_aht(calls, aht).tolist()  # (10 × 200 + 30 × 300) / 40; 100
    [275.0, 100.0]
    >>> call_weighted_aht(calls, aht, None)  # 11,500 / 45
    255.55555555555554
    """
    if not isinstance(calls, pd.Series) or not isinstance(calls.index, pd.DatetimeIndex):
        raise TypeError(f"calls must be a pandas Series on a DatetimeIndex, got {type(calls).__name__}")
    counts = pd.Series(check_nonnegative("calls", calls.to_numpy(dtype=float)), index=calls.index)
    if isinstance(aht, pd.Series):
        if not aht.index.equals(calls.index):
            raise ValueError("aht must be a number or a Series on the same index as calls, "
                             "got a Series on another index")
        values = aht.to_numpy(dtype=float)
    elif isinstance(aht, (str, bytes)) or aht is None or np.ndim(aht) != 0:
        raise TypeError(f"aht must be a number or a Series on the same index as calls, got {aht!r}")
    else:
        values = np.full(len(counts), float(aht))
    known = ~np.isnan(values)
    check_nonnegative("aht", values[known])
    weight = counts.where(known, 0.0)
    work = weight * np.where(known, values, 0.0)
    if freq is None:
        return float(work.sum() / weight.sum()) if weight.sum() > 0 else float("nan")
    if freq == "D":
        keys = calls.index.normalize()
    else:
        try:
            keys = calls.index.to_period(freq).start_time
        except (ValueError, TypeError) as exc:
            raise ValueError(f"freq must be a pandas period alias such as 'D' or 'W', or None, "
                             f"got {freq!r}") from exc
        keys = keys.rename(calls.index.name)
    return _ratio(work.groupby(keys).sum(), weight.groupby(keys).sum()).rename("aht_s")
