"""Call-record tables: column checks and the per-call indicators every KPI sums.

A *records* table has one row per call attempt (the call detail record, CDR),
with at least ``outcome`` ("answered" | "abandoned" | "blocked") and ``wait_s``
(seconds in queue until answer or abandon). Every KPI in this package is a ratio
of sums of per-call indicators, so the same formula serves a whole table (one
group) and a ``groupby`` (many groups): see :func:`sums` and :func:`ratio`.

Conventions (documented once, used everywhere):

- *offered* = answered + abandoned; blocked calls never entered the queue.
- *within T* means ``wait_s <= T``; a *short abandon* is an abandoned call with
  ``wait_s <= short_abandon``.
"""

from __future__ import annotations

import math
import numbers

import numpy as np
import pandas as pd

OUTCOMES = ("answered", "abandoned", "blocked")

_TRUE = {"true", "t", "yes", "y", "1", "1.0", "是"}
_FALSE = {"false", "f", "no", "n", "0", "0.0", "否"}
_MAX_ROWS_SHOWN = 5
#: Longest duration accepted in a record, in seconds (about 31.7 years): beyond it a value is a
#: unit or typing error, and sums over many rows could overflow. ``inf`` is refused too.
MAX_SECONDS = 1e9


def check_records(records, columns, name: str = "records") -> None:
    """Raise unless ``records`` is a DataFrame holding every name in ``columns`` (``name``: the
    parameter named in the message, e.g. "survey" for a survey table)."""
    if not isinstance(records, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame, got {type(records).__name__!r}")
    missing = [c for c in columns if c not in records.columns]
    if missing:
        need = ", ".join(repr(c) for c in missing)
        raise ValueError(
            f"{name} must have the column(s) {need}, got columns {list(records.columns)!r}"
        )


def check_threshold(name: str, value) -> float:
    """A threshold in seconds: a finite number >= 0, returned as float."""
    ok = isinstance(value, numbers.Real) and not isinstance(value, bool)
    if not ok or not math.isfinite(value) or value < 0:
        raise ValueError(f"{name} must be a number of seconds >= 0, got {value!r}")
    return float(value)


def _shown(value):
    """A cell value as it reads best in a message: plain Python, None for missing."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return value.item() if isinstance(value, np.generic) else value


def _rows_text(labels) -> str:
    shown = ", ".join(str(label) for label in labels[:_MAX_ROWS_SHOWN])
    more = len(labels) - _MAX_ROWS_SHOWN
    word = "row" if len(labels) == 1 else "rows"
    return f"{word} {shown}" + (f" and {more} more" if more > 0 else "")


def raise_bad_rows(name: str, must: str, values: pd.Series, bad) -> None:
    """Raise ``ValueError`` if any ``bad`` row: name, rule, first bad value, row labels.

    >>> s = pd.Series(["answered", "done", "abandoned", "done"])
    >>> raise_bad_rows("outcome", "one of 'answered'", s, s == "done")
    Traceback (most recent call last):
    ...
    ValueError: outcome must be one of 'answered', got 'done' in rows 1, 3
    """
    bad = np.asarray(bad, dtype=bool)
    if bad.any():
        labels = list(values.index[bad])
        first = _shown(values[bad].iloc[0])
        raise ValueError(f"{name} must be {must}, got {first!r} in {_rows_text(labels)}")


def outcome_column(records: pd.DataFrame) -> pd.Series:
    """``outcome`` as str, checked against :data:`OUTCOMES`."""
    outcome = records["outcome"]
    valid = outcome.isin(OUTCOMES).to_numpy(dtype=bool)
    must = "one of " + ", ".join(repr(o) for o in OUTCOMES)
    raise_bad_rows("outcome", must, outcome, ~valid)
    return outcome


def seconds_column(records: pd.DataFrame, name: str, *, required) -> pd.Series:
    """A duration column as float seconds; must be >= 0 where ``required`` (else may be missing)."""
    raw = records[name]
    secs = pd.to_numeric(raw, errors="coerce").astype(float)
    unparsable = raw.notna().to_numpy() & secs.isna().to_numpy()
    raise_bad_rows(name, "a number of seconds >= 0", raw, unparsable | (secs < 0).to_numpy())
    check_seconds_bound(name, raw, secs)
    missing = np.asarray(required, dtype=bool) & secs.isna().to_numpy()
    raise_bad_rows(name, "a number of seconds >= 0 for answered calls", raw, missing)
    return secs


def check_seconds_bound(name: str, raw: pd.Series, secs: pd.Series) -> None:
    """Raise naming the rows where a duration is infinite or above :data:`MAX_SECONDS`."""
    too_big = (secs.abs() > MAX_SECONDS).to_numpy()
    raise_bad_rows(name, f"a finite number of seconds, at most {MAX_SECONDS:.0e}", raw, too_big)


def boolean_column(records: pd.DataFrame, name: str) -> pd.Series:
    """A true/false column as pandas "boolean": bool, 0/1, or the text true/false, t/f, yes/no,
    y/n, 1/0, 是/否 (any case, spaces trimmed); blank cells are missing (<NA>). Anything else
    (2, 'maybe', inf) raises ValueError naming the column, the value and the rows. Callers
    decide what missing means: no transfer for ``transferred``, no FCR answer for
    ``resolved_first_contact`` (left out of the FCR rate)."""
    raw = records[name]
    if pd.api.types.is_bool_dtype(raw.dtype):
        return raw.astype("boolean")
    text = raw.astype("string").str.strip().str.lower()
    is_true = text.isin(_TRUE).to_numpy(dtype=bool)
    is_false = text.isin(_FALSE).to_numpy(dtype=bool)
    raise_bad_rows(name, "true or false", raw, text.notna().to_numpy() & ~is_true & ~is_false)
    parsed = pd.Series(pd.NA, index=raw.index, dtype="boolean")
    parsed[is_true] = True
    parsed[is_false] = False
    return parsed


def csat_column(records: pd.DataFrame) -> pd.Series:
    """``csat`` as nullable Int64: an integer score 1..5 or missing (no survey)."""
    raw = records["csat"]
    score = pd.to_numeric(raw, errors="coerce")
    bad = raw.notna() & ~(score.isin([1, 2, 3, 4, 5]))
    raise_bad_rows("csat", "an integer score 1 to 5 or missing", raw, bad.to_numpy())
    return score.astype("Int64")


def queue_indicators(records, answer_time: float, short_abandon: float) -> pd.DataFrame:
    """Per-call 0/1 counts and waits behind the volume, abandonment, SL and ASA KPIs."""
    check_records(records, ["outcome", "wait_s"])
    outcome = outcome_column(records)
    answered = (outcome == "answered").to_numpy()
    abandoned = (outcome == "abandoned").to_numpy()
    wait = seconds_column(records, "wait_s", required=np.ones(len(records), bool)).to_numpy()
    return pd.DataFrame(
        {
            "offered": answered | abandoned,
            "answered": answered,
            "abandoned": abandoned,
            "short_abandoned": abandoned & (wait <= short_abandon),
            "blocked": (outcome == "blocked").to_numpy(),
            "answered_within_t": answered & (wait <= answer_time),
            "abandoned_within_t": abandoned & (wait <= answer_time),
            "wait_answered_s": np.where(answered, wait, 0.0),
            "wait_abandoned_s": np.where(abandoned, wait, 0.0),
        },
        index=records.index,
    ).astype({"wait_answered_s": float, "wait_abandoned_s": float})


def handling_indicators(records) -> pd.DataFrame:
    """Per-call talk, hold and after-call work (answered calls only) and transfers."""
    check_records(records, ["outcome", "talk_s", "hold_s", "acw_s", "transferred"])
    answered = (outcome_column(records) == "answered").to_numpy()
    parts = {
        col: seconds_column(records, col, required=answered).fillna(0).to_numpy()
        for col in ("talk_s", "hold_s", "acw_s")
    }
    transferred = boolean_column(records, "transferred").fillna(False).to_numpy(dtype=bool)
    frame = {"answered": answered}
    frame.update({k: np.where(answered, v, 0.0) for k, v in parts.items()})
    frame["transferred"] = answered & transferred
    return pd.DataFrame(frame, index=records.index)


def customer_indicators(records) -> pd.DataFrame:
    """Per-call FCR flags (answered calls with a flag) and CSAT responses / top-2-box."""
    check_records(records, ["outcome", "resolved_first_contact", "csat"])
    answered = (outcome_column(records) == "answered").to_numpy()
    fcr = boolean_column(records, "resolved_first_contact")
    csat = csat_column(records)
    return pd.DataFrame(
        {
            "fcr_flagged": answered & fcr.notna().to_numpy(),
            "fcr_resolved": answered & fcr.fillna(False).to_numpy(dtype=bool),
            "csat_responses": csat.notna().to_numpy(),
            "csat_top2": csat.fillna(0).to_numpy() >= 4,
        },
        index=records.index,
    )


def sums(indicators: pd.DataFrame) -> pd.DataFrame:
    """Column sums of an indicator frame as a one-row DataFrame (the whole table as one group)."""
    return indicators.sum(numeric_only=False).to_frame().T.astype(float)


def ratio(numerator, denominator):
    """``numerator / denominator`` element-wise, NaN where the denominator is 0."""
    return numerator / denominator.where(denominator != 0)


def scalar(series: pd.Series) -> float:
    """The single value of a one-row result as a Python float."""
    return float(series.iloc[0])
