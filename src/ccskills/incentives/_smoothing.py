"""Smoothing a score history (平滑 smoothing): the score a tier is set on, from several periods.

A history is a DataFrame with one row per agent and one column per period, oldest first; the
last column is the current period. A Series is a one-period history.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._scheme import Smoothing


def as_history(scores) -> pd.DataFrame:
    """``scores`` as a float DataFrame agents × periods (a Series becomes one column).

    The current (last) period must be finite for every agent: ValueError naming the agent;
    earlier periods may be missing (an agent who joined later).
    """
    if isinstance(scores, pd.Series):
        scores = scores.to_frame(scores.name if scores.name is not None else "score")
    if not isinstance(scores, pd.DataFrame) or scores.shape[1] == 0:
        raise TypeError(f"scores must be a Series or a DataFrame of periods, got {type(scores).__name__!r}")
    if not scores.index.is_unique:
        raise ValueError(f"scores must have one row per agent, got {scores.index[scores.index.duplicated()][0]!r} twice")
    try:
        history = scores.astype(float)
    except (TypeError, ValueError):
        raise TypeError(f"scores must be numbers, got {scores.dtypes.to_dict()!r}") from None
    current = history.iloc[:, -1]
    bad = ~np.isfinite(current.to_numpy())
    if bad.any():
        raise ValueError(f"scores must be finite for the current period {history.columns[-1]!r}, "
                         f"got {float(current[bad].iloc[0])!r} for {current.index[bad][0]!r}")
    return history


def smooth_scores(scores, smoothing: Smoothing | None) -> pd.Series:
    """The score each agent's tier is set on: the current period's, smoothed over the history.

    ``"mean"``: mean of the last ``previous + 1`` periods an agent has a score for (missing
    ones skipped); ``"limit"``: starting from the agent's first score, each period's used
    score moves toward the actual score by at most ``max_change``. ``None``: the current score.

    >>> h = pd.DataFrame({"Jan": [0.5, 0.9], "Feb": [0.7, 0.3]}, index=["a", "b"])
    >>> smooth_scores(h, Smoothing("mean", previous=1)).round(2).tolist()
    [0.6, 0.6]
    >>> smooth_scores(h, Smoothing("limit", max_change=0.1)).round(2).tolist()
    [0.6, 0.8]
    """
    history = as_history(scores)
    if smoothing is None:
        return history.iloc[:, -1].rename("used_score")
    if smoothing.method == "mean":
        return history.iloc[:, -smoothing.window:].mean(axis=1, skipna=True).rename("used_score")
    return history.apply(lambda row: _limited(row.to_numpy(), smoothing.max_change), axis=1).rename("used_score")


def _limited(values: np.ndarray, max_change: float) -> float:
    """The last used score when each period's may move at most ``max_change`` from the last used."""
    used = np.nan
    for x in values:
        if np.isnan(x):
            continue
        used = x if np.isnan(used) else used + float(np.clip(x - used, -max_change, max_change))
    return float(used)
