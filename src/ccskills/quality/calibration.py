"""A calibration round (校准会): several analysts score the same calls; who scores off the reference?

Per analyst, against the reference (master) score of each call:
``deviation = analyst score − reference score`` (points; + means lenient);
reported as the mean (bias), the mean absolute deviation, its standard deviation
(inconsistency), and the share of calls within ± ``tolerance`` points — the percent
agreement of domain.md §2.3 (> 85 % within ±10 points: well calibrated).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

from .scorecard import _py

__all__ = ["AGREED_WITHIN", "RECALIBRATE_BELOW", "score_table", "rater_deviation", "CalibrationSummary", "calibration_tables",
           "summarize_calibration"]

AGREED_WITHIN = 0.85
"""Share of calls within ±10 points from which an analyst counts as calibrated (domain.md §2.3)."""
RECALIBRATE_BELOW = 0.75
"""Below this share an analyst needs recalibrating; between the two: borderline, watch next round."""


def score_table(scored: pd.DataFrame, target: str = "call_id", rater: str = "rater",
                value: str = "score") -> pd.DataFrame:
    """Targets × raters table of scores from a long table (one row per target and rater)."""
    for name, col in (("target", target), ("rater", rater), ("value", value)):
        if col not in scored.columns:
            raise ValueError(f"{name} must name a column of scored, got {col!r}")
    dup = scored.duplicated([target, rater])
    if dup.any():
        row = scored[dup].iloc[0]
        raise ValueError(f"scored must have one row per {target} and {rater}, got "
                         f"{_py(row[target])!r} scored twice by {_py(row[rater])!r}")
    table = scored.pivot(index=target, columns=rater, values=value)
    if table.isna().any().any():
        raise ValueError(f"scored must have every {target} scored by every {rater}, got "
                         f"{int(table.isna().sum().sum())} missing scores")
    table.columns.name = rater
    return table


def rater_deviation(scores: pd.DataFrame, reference, tolerance: float = 10.0) -> pd.DataFrame:
    """Per analyst: ``calls``, ``mean_deviation``, ``mean_abs_deviation``, ``sd_deviation``, ``within_tolerance``.

    ``scores`` is a calls × analysts table; ``reference`` is the name of its reference
    column (dropped from the analysts) or a Series of reference scores indexed by call.

    >>> t = pd.DataFrame({"ref": [80, 60, 90], "A": [90, 70, 100], "B": [80, 40, 90]})
    >>> rater_deviation(t, "ref")[["mean_deviation", "within_tolerance"]].to_numpy().tolist()
    [[10.0, 1.0], [-6.666666666666667, 0.6666666666666666]]
    """
    if not isinstance(scores, pd.DataFrame):
        raise TypeError(f"scores must be a pandas DataFrame, got {type(scores).__name__}")
    if isinstance(reference, str):
        if reference not in scores.columns:
            raise ValueError(f"reference must name a column of scores, got {reference!r}")
        ref, table = scores[reference], scores.drop(columns=reference)
    else:
        ref, table = pd.Series(reference), scores
        if not ref.index.equals(table.index):
            ref = ref.reindex(table.index)
        if ref.isna().any():
            raise ValueError("reference must have a score for every call of scores, got "
                             f"{int(ref.isna().sum())} missing")
    tol = float(tolerance)
    if not np.isfinite(tol) or tol < 0:
        raise ValueError(f"tolerance must be zero or a positive number of points, got {tolerance!r}")
    dev = table.astype(float).sub(ref.astype(float), axis=0)
    out = pd.DataFrame({
        "calls": dev.count(),
        "mean_deviation": dev.mean(),
        "mean_abs_deviation": dev.abs().mean(),
        "sd_deviation": dev.std(ddof=1),
        "within_tolerance": (dev.abs() <= tol + 1e-9).mean(),
    })
    out.index.name = "rater"
    return out


class CalibrationSummary(NamedTuple):
    """Everything a calibration report shows (see :func:`summarize_calibration`)."""

    scores: pd.DataFrame  # calls × analysts (reference column removed)
    reference: pd.Series  # reference score per call (the master, or the analysts' mean)
    reference_is_mean: bool  # True when no master score was given
    deviation: pd.DataFrame  # rater_deviation per analyst
    icc: pd.Series  # the six Shrout & Fleiss forms; NaN for a form undefined on this table
    kappa: float  # Fleiss' kappa of the item decisions; NaN when none were given or when every
    # decision is the same (one category: kappa is 0/0, see ccskills.quality.agreement)


def calibration_tables(items: pd.DataFrame, scorecard: pd.DataFrame, target: str = "call_id",
                       rater: str = "analyst_id") -> tuple[pd.DataFrame, pd.DataFrame]:
    """From item-level calibration results (``target, rater, item_id, passed``): the calls × raters
    score table and the (call, item) × raters table of decisions for Fleiss' kappa."""
    from .scorecard import score_evaluations

    for name, col in (("target", target), ("rater", rater)):
        if col not in items.columns:
            raise ValueError(f"{name} must name a column of items, got {col!r}")
    keyed = items.assign(evaluation_id=items[target].astype(str) + "\x1f" + items[rater].astype(str))
    scores = score_table(score_evaluations(keyed, scorecard), target=target, rater=rater)
    decisions = keyed.pivot(index=[target, "item_id"], columns=rater, values="passed")
    return scores, decisions


def _kappa_or_nan(decisions: pd.DataFrame) -> float:
    """Fleiss' kappa, or NaN when it is undefined because every decision is the same."""
    from .agreement import fleiss_kappa

    if decisions.shape[1] >= 2 and decisions.notna().all().all() and decisions.stack().nunique() == 1:
        return float("nan")
    return fleiss_kappa(decisions)


def summarize_calibration(scores: pd.DataFrame, reference=None, decisions=None,
                          tolerance: float = 10.0) -> CalibrationSummary:
    """Deviation from the reference, the ICC forms and Fleiss' kappa of one calibration round.

    ``scores`` is calls × raters; ``reference`` names its master column (or is None: the
    analysts' mean per call stands in, and ``reference_is_mean`` says so); ``decisions``
    is an optional (call, item) × raters table of labels whose analysts' columns give
    Fleiss' kappa.
    """
    if not isinstance(scores, pd.DataFrame):
        raise TypeError(f"scores must be a pandas DataFrame, got {type(scores).__name__}")
    if reference is not None and reference not in scores.columns:
        raise ValueError(f"reference must name a column of scores, got {reference!r}")
    analysts = scores.drop(columns=reference) if reference is not None else scores
    ref = scores[reference] if reference is not None else analysts.mean(axis=1)
    from .agreement import fleiss_kappa, icc_table

    forms = icc_table(analysts)
    kappa = float("nan") if decisions is None else _kappa_or_nan(decisions[list(analysts.columns)])
    return CalibrationSummary(analysts, ref.rename("reference"), reference is None,
                              rater_deviation(analysts, ref, tolerance), forms, kappa)
