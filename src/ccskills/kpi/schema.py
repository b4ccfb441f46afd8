"""Schema checks for call records and agents: the contract of ``datasets/call_records.csv``.

The KPIs are computed from tables that pass these checks; the dataset loaders and the
upload reader (:mod:`ccskills.kpi.upload`) run them.

``validate_call_records`` is what the loaders and the KPI calculator's upload path
run. It raises ``ValueError`` naming the column, the rule, the first bad value and
the first bad rows (index labels), e.g. ``"outcome must be one of 'answered',
'abandoned', 'blocked', got 'done' in rows 3, 17"``, and returns a copy with the
canonical dtypes.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._records import (
    boolean_column,
    check_records,
    csat_column,
    outcome_column,
    raise_bad_rows,
)

__all__ = ["CALL_RECORD_COLUMNS", "AGENT_COLUMNS", "validate_call_records", "validate_agents"]

CALL_RECORD_COLUMNS = (
    "call_id", "queue", "arrival", "outcome", "wait_s", "talk_s", "hold_s", "acw_s",
    "agent_id", "transferred", "resolved_first_contact", "csat",
)
AGENT_COLUMNS = ("agent_id", "team", "queue", "hire_date")


def _present(df: pd.DataFrame, name: str, where=None) -> None:
    """``name`` must not be missing or blank (in the rows ``where``, default all)."""
    raw = df[name]
    blank = raw.isna() | (raw.astype("string").str.strip() == "").fillna(True)
    where = np.ones(len(df), bool) if where is None else np.asarray(where, bool)
    raise_bad_rows(name, "present", raw, blank.to_numpy() & where)


def _datetimes(df: pd.DataFrame, name: str) -> pd.Series:
    raw = df[name]
    if pd.api.types.is_datetime64_any_dtype(raw.dtype):
        parsed = raw
    else:
        parsed = pd.to_datetime(raw, errors="coerce", format="ISO8601")
        retry = parsed.isna() & raw.notna()
        if retry.any():
            parsed[retry] = pd.to_datetime(raw[retry], errors="coerce", format="mixed")
    raise_bad_rows(name, "a date and time such as '2026-03-01 08:00:00'", raw, parsed.isna().to_numpy())
    return parsed.astype("datetime64[ns]")


def _whole_seconds(df: pd.DataFrame, name: str, required) -> pd.Series:
    raw = df[name]
    secs = pd.to_numeric(raw, errors="coerce")
    bad = (raw.notna() & (secs.isna() | (secs < 0) | (secs % 1 != 0))).to_numpy()
    raise_bad_rows(name, "a whole number of seconds >= 0", raw, bad)
    missing = np.asarray(required, bool) & secs.isna().to_numpy()
    raise_bad_rows(name, "a whole number of seconds >= 0 for answered calls", raw, missing)
    return secs.astype("Int64")


def validate_call_records(df) -> pd.DataFrame:
    """Check a call-record table against the schema; return a copy with canonical dtypes.

    Rules (see ``datasets/README.md``): every column of :data:`CALL_RECORD_COLUMNS`
    present (extra columns are kept); ``call_id`` present and unique; ``queue``
    present; ``arrival`` a date-time; ``outcome`` one of 'answered', 'abandoned',
    'blocked'; ``wait_s`` whole seconds >= 0, and 0 for blocked calls; ``talk_s``,
    ``hold_s``, ``acw_s`` whole seconds >= 0 for answered calls, missing (or 0) for
    the others; ``agent_id`` present for answered calls; ``transferred`` true/false;
    ``resolved_first_contact`` true/false or missing; ``csat`` 1..5 or missing.

    Dtypes returned: ``arrival`` datetime64[ns], ``wait_s`` int64, the other
    durations and ``csat`` Int64, ``transferred`` bool, ``resolved_first_contact``
    boolean (nullable); text columns as they came.

    >>> calls = pd.DataFrame({"call_id": ["C1", "C2"], "queue": ["presales"] * 2,
    ...     "arrival": ["2026-03-02 08:00:05", "2026-03-02 08:00:09"], "outcome": ["answered", "done"],
    ...     "wait_s": [3, 0], "talk_s": [120, None], "hold_s": [0, None], "acw_s": [20, None],
    ...     "agent_id": ["P001", None], "transferred": [False, False],
    ...     "resolved_first_contact": [True, None], "csat": [None, None]})
    >>> validate_call_records(calls)
    Traceback (most recent call last):
    ...
    ValueError: outcome must be one of 'answered', 'abandoned', 'blocked', got 'done' in row 1
    """
    check_records(df, CALL_RECORD_COLUMNS)
    out = df.copy()
    _present(out, "call_id")
    raise_bad_rows("call_id", "unique", out["call_id"], out["call_id"].duplicated(keep=False).to_numpy())
    _present(out, "queue")
    out["arrival"] = _datetimes(out, "arrival")
    outcome = outcome_column(out)
    answered = (outcome == "answered").to_numpy()
    out["wait_s"] = _whole_seconds(out, "wait_s", np.ones(len(out), bool))
    blocked_waiting = (outcome == "blocked").to_numpy() & (out["wait_s"] != 0).to_numpy(dtype=bool)
    raise_bad_rows("wait_s", "0 for blocked calls", df["wait_s"], blocked_waiting)
    out["wait_s"] = out["wait_s"].astype("int64")
    for col in ("talk_s", "hold_s", "acw_s"):
        out[col] = _whole_seconds(out, col, answered)
        stray = ~answered & (out[col].fillna(0).to_numpy(dtype="int64") != 0)
        raise_bad_rows(col, "missing or 0 for calls that were not answered", df[col], stray)
    _present(out, "agent_id", where=answered)
    transferred = boolean_column(out, "transferred")
    raise_bad_rows("transferred", "true or false", df["transferred"], transferred.isna().to_numpy())
    out["transferred"] = transferred.astype(bool)
    out["resolved_first_contact"] = boolean_column(out, "resolved_first_contact")
    out["csat"] = csat_column(out)
    return out


def validate_agents(df) -> pd.DataFrame:
    """Check an agents table (:data:`AGENT_COLUMNS`); ``hire_date`` returned as datetime64[ns].

    ``agent_id`` present and unique; ``team`` and ``queue`` present; ``hire_date`` a date.
    """
    check_records(df, AGENT_COLUMNS)
    out = df.copy()
    for col in ("agent_id", "team", "queue"):
        _present(out, col)
    raise_bad_rows("agent_id", "unique", out["agent_id"], out["agent_id"].duplicated(keep=False).to_numpy())
    out["hire_date"] = _datetimes(out, "hire_date")
    return out

