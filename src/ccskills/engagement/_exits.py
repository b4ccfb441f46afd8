"""Exit-interview reasons (离职面谈原因): share of interviews per reason with a Wilson interval.

Wilson score interval for a binomial proportion (Wilson, E. B. 1927, "Probable inference,
the law of succession, and statistical inference", JASA 22:209-212): centre
(p + z^2/2n) / (1 + z^2/n), half-width z sqrt(p(1-p)/n + z^2/4n^2) / (1 + z^2/n). It stays
inside 0..1 and keeps its coverage with the few dozen interviews a centre has.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._scores import _z

__all__ = ["exit_reasons", "wilson_interval"]


def wilson_interval(successes, n, confidence: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """(low, high) Wilson score interval of successes / n (arrays broadcast).

    >>> low, high = wilson_interval(3, 10)
    >>> round(float(low), 4), round(float(high), 4)
    (0.1078, 0.6032)
    """
    k, n = np.asarray(successes, float), np.asarray(n, float)
    if np.any(n <= 0) or np.any(k < 0) or np.any(k > n):
        raise ValueError(f"successes must be between 0 and n (n > 0), got {successes!r} of {n!r}")
    z = _z(confidence)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def exit_reasons(frame: pd.DataFrame, column="primary_reason", confidence: float = 0.95) -> pd.DataFrame:
    """Interviews per reason and their share of all interviews, most frequent first.

    ``column``: one column (shares add up to 1) or several, e.g. ``["primary_reason",
    "secondary_reason"]``: an interview counts once for each reason it mentions in any of
    them, ``"none"`` and blanks are not reasons, and the shares no longer add up to 1.
    Columns: ``interviews, share, ci_low, ci_high`` (Wilson, fractions); ``.attrs["n"]``.

    >>> exits = pd.DataFrame({"primary_reason": ["pay", "pay", "career", "pay"],
    ...                       "secondary_reason": ["leader", "none", "leader", "career"]})
    >>> exit_reasons(exits)["share"].to_dict()
    {'pay': 0.75, 'career': 0.25}
    >>> exit_reasons(exits, ["primary_reason", "secondary_reason"])["interviews"].to_dict()
    {'pay': 3, 'career': 2, 'leader': 2}
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"frame must be a DataFrame, got {type(frame).__name__!r}")
    columns = [column] if isinstance(column, str) else list(column)
    missing = [c for c in columns if c not in frame.columns]
    if not columns or missing:
        raise ValueError(f"column must name columns of frame, got {column!r}")
    n = len(frame)
    if n == 0:
        raise ValueError("frame must have at least one interview, got 0 rows")
    answers = frame[columns].astype(object).where(frame[columns].notna(), "")
    if len(columns) > 1:
        answers = answers.replace("none", "")
    mentions = answers.stack()
    mentions = mentions[mentions != ""].reset_index(level=1, drop=True)
    counts = mentions.groupby(level=0).unique().explode().value_counts(sort=False)
    counts = counts.sort_index().sort_values(ascending=False, kind="stable")
    low, high = wilson_interval(counts.to_numpy(), n, confidence)
    out = pd.DataFrame({"interviews": counts.astype("int64"), "share": counts / n,
                        "ci_low": low, "ci_high": high})
    out.index.name = "reason"
    out.attrs["n"] = n
    return out
