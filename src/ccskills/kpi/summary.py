"""Every service KPI per grain: per interval, hour, day, week or month, per queue or agent.

One vectorised pass: per-call indicators (see ``_records``) are summed with a
pandas ``groupby`` and each KPI is a ratio of those sums, with the same formula
functions the single-table KPIs use, so a one-group summary equals them exactly.
"""

from __future__ import annotations

import pandas as pd
from pandas.tseries.frequencies import to_offset

from . import customer, handling, service
from ._records import (
    check_records,
    check_threshold,
    customer_indicators,
    handling_indicators,
    queue_indicators,
    raise_bad_rows,
    sums,
)

__all__ = ["summarize", "SUMMARY_COUNTS", "SUMMARY_RATIOS"]

#: Count columns of :func:`summarize` (calls; ``csat_responses`` = surveys answered).
SUMMARY_COUNTS = ("offered", "answered", "abandoned", "short_abandoned", "blocked", "csat_responses")

# Ratio columns of summarize: name -> formula over the summed indicators (None: the chosen SL).
_RATIO_FORMULAS = {
    "answer_rate": service._answer_rate,
    "abandonment_rate": service._abandonment_rate,
    "abandonment_rate_excl_short": service._abandonment_rate_excl_short,
    "blocked_rate": service._blocked_rate,
    "service_level": None,  # filled with the chosen definition
    "asa_s": service._asa,
    "avg_queue_time_s": service._average_queue_time,
    "avg_time_to_abandon_s": service._average_time_to_abandon,
    "avg_talk_s": handling._avg_talk,
    "avg_hold_s": handling._avg_hold,
    "avg_acw_s": handling._avg_acw,
    "aht_s": handling._aht,
    "transfer_rate": handling._transfer_rate,
    "fcr_rate": customer._fcr_rate,
    "csat_top2_box": customer._csat_top2_box,
}

#: Ratio columns of :func:`summarize`: rates and shares as fractions, ``*_s`` in seconds.
SUMMARY_RATIOS = tuple(_RATIO_FORMULAS)

_CALENDAR_FREQS = {"W": "W", "MS": "M"}


def _period_start(records: pd.DataFrame, freq) -> pd.Series:
    """Start of the period holding each ``arrival`` ('W': weeks from Monday; 'MS': months)."""
    check_records(records, ["arrival"])
    arrival = pd.to_datetime(records["arrival"], errors="coerce")
    raise_bad_rows("arrival", "a date and time", records["arrival"], arrival.isna().to_numpy())
    if isinstance(freq, str) and freq in _CALENDAR_FREQS:
        return arrival.dt.to_period(_CALENDAR_FREQS[freq]).dt.start_time.rename("period")
    try:
        offset = to_offset(freq)
    except (TypeError, ValueError):
        offset = None
    if not isinstance(offset, (pd.offsets.Tick, pd.offsets.Day)):
        raise ValueError(
            "freq must be None, a fixed length such as '15min', 'h' or 'D', 'W' (weeks from "
            f"Monday) or 'MS' (calendar months), got {freq!r}"
        )
    return arrival.dt.floor(offset).rename("period")


def _group_keys(records, freq, by) -> list:
    keys = [] if freq is None else [_period_start(records, freq)]
    names = [] if by is None else [by] if isinstance(by, str) else by
    if not isinstance(names, (list, tuple)) or not all(isinstance(n, str) for n in names):
        raise ValueError(f"by must be None, a column name or a list of column names, got {by!r}")
    check_records(records, names)
    return keys + [records[n] for n in list(names)]


def summarize(records, freq=None, by=None, answer_time=20, short_abandon=5, definition="offered"):
    """Service KPIs per group of calls, one row per period and/or key, as a DataFrame.

    Parameters
    ----------
    records : DataFrame of call records (columns of ``ccskills.datasets.load_call_records``).
    freq : None (whole table), a fixed length ('15min', 'h', 'D', ...), 'W' (weeks from
        Monday) or 'MS' (calendar months), grouping on the start of the period holding
        ``arrival``. Periods without any call are not listed.
    by : None, a column name (e.g. 'queue', 'agent_id') or a list of names; missing keys
        (e.g. no agent for an abandoned call) form their own group.
    answer_time, short_abandon : thresholds in seconds; ``definition`` picks the
        service-level definition (see :func:`ccskills.kpi.service_level`).

    Returns
    -------
    DataFrame indexed by the group keys (``period`` first; index ``['all']`` when neither
    ``freq`` nor ``by`` is given) with the counts :data:`SUMMARY_COUNTS` and the ratios
    :data:`SUMMARY_RATIOS`: rates as fractions, times in seconds, NaN where a denominator
    is 0. Formulas as in the single-table functions: offered = answered + abandoned;
    abandonment excluding short = (abandoned - short) / (offered - short); blocked rate =
    blocked / (offered + blocked); ASA over answered; average queue time over offered;
    AHT = (talk + hold + ACW) / answered; FCR over answered calls with a flag; CSAT
    top-2 box over responses (domain.md §1.1-1.3, ICMI).

    >>> calls = pd.DataFrame({
    ...     "arrival": pd.to_datetime(["2026-03-02 08:05", "2026-03-02 08:20", "2026-03-02 09:10"]),
    ...     "queue": ["presales", "presales", "presales"],
    ...     "outcome": ["answered", "abandoned", "answered"], "wait_s": [10, 50, 30],
    ...     "talk_s": [100, None, 200], "hold_s": [0, None, 20], "acw_s": [20, None, 40],
    ...     "transferred": [False, False, True], "resolved_first_contact": [True, None, False],
    ...     "csat": [5, None, None]})
    >>> columns = ["offered", "abandonment_rate", "service_level", "aht_s"]
    >>> summarize(calls, freq="h")[columns]  # doctest: +NORMALIZE_WHITESPACE
                         offered  abandonment_rate  service_level  aht_s
    period
    2026-03-02 08:00:00        2               0.5            0.5  120.0
    2026-03-02 09:00:00        1               0.0            0.0  260.0
    """
    rule = service.service_level_definition(definition)
    t = check_threshold("answer_time", answer_time)
    short = check_threshold("short_abandon", short_abandon)
    keys = _group_keys(records, freq, by)
    parts = [queue_indicators(records, t, short), handling_indicators(records)]
    ind = pd.concat(parts + [customer_indicators(records)], axis=1)
    ind = ind.loc[:, ~ind.columns.duplicated()]
    if keys:
        s = ind.groupby(keys, sort=True, dropna=False, observed=True).sum().astype(float)
    else:
        s = sums(ind).set_axis(pd.Index(["all"], name="group"))
    out = pd.DataFrame({c: s[c].astype("int64") for c in SUMMARY_COUNTS}, index=s.index)
    for name, formula in _RATIO_FORMULAS.items():
        out[name] = (formula or rule.value)(s)
    out.attrs.update(answer_time=t, short_abandon=short, definition=definition)
    return out
