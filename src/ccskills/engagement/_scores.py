"""eNPS (员工净推荐值) from 0-10 answers: the score, its counts and an adjusted-Wald interval.

eNPS = share of promoters (9-10) - share of detractors (0-6), as a fraction from -1 to 1
(x 100 for the usual "points"); blank answers are not responses.

Interval: adjusted Wald for the difference of two proportions of one trinomial sample
(Rocks, B. 2016, "Interval estimation for the 'net promoter score'", The American
Statistician 70(4):365-372; Lewis & Sauro, MeasuringU 2020): add 3 to n and 3/4 to the
promoters and to the detractors, p_P' = (P + 3/4) / (n + 3), p_D' = (D + 3/4) / (n + 3),
var = p_P' + p_D' - (p_P' - p_D')^2, interval (p_P' - p_D') +- z sqrt(var / (n + 3)),
clipped to [-1, 1]. Two independent groups: var_a / n_a' + var_b / n_b' (the
difference of two independent estimates).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.stats import norm

from .._validation import check_fraction

__all__ = ["ENPS", "ENPSDifference", "enps", "enps_by", "enps_difference", "tenure_band",
           "TENURE_BANDS"]

#: (label, lower bound in months inclusive) of the tenure bands, upper bound = next lower bound
TENURE_BANDS = (("0-3m", 0.0), ("3-12m", 3.0), ("12-24m", 12.0), ("24m+", 24.0))


@dataclass(frozen=True)
class ENPS:
    """eNPS of one group: ``enps`` (fraction, -1..1) with its counts and adjusted-Wald interval."""

    enps: float
    promoters: int
    passives: int
    detractors: int
    n: int
    ci_low: float
    ci_high: float
    confidence: float


@dataclass(frozen=True)
class ENPSDifference:
    """eNPS of ``a`` minus eNPS of ``b`` with the adjusted-Wald interval of the difference."""

    difference: float
    ci_low: float
    ci_high: float
    a: ENPS
    b: ENPS

    @property
    def clear(self) -> bool:
        """True when the interval excludes 0 (the two groups really differ at this confidence)."""
        return self.ci_low > 0 or self.ci_high < 0


def _answers(scores, name: str = "scores") -> pd.Series:
    """Answers 0-10 as floats, blanks dropped; ValueError naming the first bad row."""
    from ..kpi._records import raise_bad_rows

    raw = scores if isinstance(scores, pd.Series) else pd.Series(list(np.ravel(scores)), dtype=object)
    raw = raw.astype(object).where(raw.notna(), None)
    values = pd.to_numeric(raw, errors="coerce")
    bad = raw.notna() & ~values.isin(range(11))
    raise_bad_rows(name, "a whole number 0 to 10 or blank", raw, bad.to_numpy())
    return values.dropna()


def _z(confidence: float) -> float:
    c = float(check_fraction("confidence", confidence))
    if not 0 < c < 1:
        raise ValueError(f"confidence must be between 0 and 1 (exclusive), got {confidence!r}")
    return float(norm.ppf(0.5 + c / 2))


def _adjusted(promoters: int, detractors: int, n: int) -> tuple[float, float, float]:
    """(adjusted eNPS, its variance x n', n') of the adjusted-Wald method."""
    n_adj = n + 3.0
    p, d = (promoters + 0.75) / n_adj, (detractors + 0.75) / n_adj
    return p - d, p + d - (p - d) ** 2, n_adj


def _from_counts(promoters: int, passives: int, detractors: int, confidence: float) -> ENPS:
    n = promoters + passives + detractors
    centre, var, n_adj = _adjusted(promoters, detractors, n)
    half = _z(confidence) * np.sqrt(var / n_adj)
    value = (promoters - detractors) / n if n else float("nan")
    return ENPS(value, promoters, passives, detractors, n, float(max(centre - half, -1.0)),
                float(min(centre + half, 1.0)), float(confidence))


def enps(scores, confidence: float = 0.95) -> ENPS:
    """eNPS of 0-10 answers ("how likely to recommend working here"), blanks left out.

    ``scores``: list, array or Series of whole numbers 0-10 (None/NaN = not answered).
    Returns :class:`ENPS`; ``enps`` is NaN with no answer at all.

    >>> r = enps([10, 9, 8, 7, 6, 3, None])       # 2 promoters, 2 passives, 2 detractors
    >>> r.enps, (r.promoters, r.passives, r.detractors, r.n)
    (0.0, (2, 2, 2, 6))
    >>> round(r.ci_low, 3), round(r.ci_high, 3)
    (-0.511, 0.511)
    """
    values = _answers(scores)
    return _from_counts(int((values >= 9).sum()), int(values.between(7, 8).sum()),
                        int((values <= 6).sum()), confidence)


def tenure_band(months) -> pd.Series:
    """Tenure band label of each tenure in months (:data:`TENURE_BANDS`: 0-3m, 3-12m, 12-24m, 24m+).

    >>> tenure_band([0.5, 3.0, 13, 40]).tolist()
    ['0-3m', '3-12m', '12-24m', '24m+']
    """
    values = pd.Series(months) if not isinstance(months, pd.Series) else months
    numbers = pd.to_numeric(values, errors="coerce")
    bad = numbers.isna() | (numbers < 0)
    if bad.any():
        raise ValueError(f"months must be a tenure of 0 months or more, got {values[bad].iloc[0]!r}")
    edges = [low for _, low in TENURE_BANDS] + [np.inf]
    labels = [label for label, _ in TENURE_BANDS]
    return pd.Series(pd.cut(numbers, edges, right=False, labels=labels), index=values.index,
                     name="tenure_band")


def _keys(frame: pd.DataFrame, by) -> tuple[pd.DataFrame, list[str]]:
    """``frame`` (with ``tenure_band`` derived from tenure_months if asked) and the key list."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"frame must be a DataFrame, got {type(frame).__name__!r}")
    keys = [by] if isinstance(by, str) else list(by)
    if "tenure_band" in keys and "tenure_band" not in frame.columns and "tenure_months" in frame.columns:
        frame = frame.assign(tenure_band=tenure_band(frame["tenure_months"]))
    missing = [k for k in keys if k not in frame.columns]
    if not keys or missing:
        raise ValueError(f"by must name columns of frame, got {by!r}")
    return frame, keys


def enps_by(frame: pd.DataFrame, by, score: str = "enps", confidence: float = 0.95) -> pd.DataFrame:
    """eNPS per group (team, tenure band, wave ...) with counts and adjusted-Wald interval.

    ``by``: a column name or list (``"tenure_band"`` is derived from ``tenure_months`` if
    absent). Columns: ``n, promoters, passives, detractors, enps, ci_low, ci_high``
    (fractions). Each row of ``frame`` is one independent answer: pooling several waves
    counts a person several times and makes intervals too narrow; compare one wave.

    >>> df = pd.DataFrame({"team": ["A"] * 4 + ["B"] * 2, "enps": [10, 9, 3, 8, 2, 5]})
    >>> enps_by(df, "team")[["n", "enps"]].to_dict("index")
    {'A': {'n': 4, 'enps': 0.25}, 'B': {'n': 2, 'enps': -1.0}}
    """
    frame, keys = _keys(frame, by)
    if score not in frame.columns:
        raise ValueError(f"score must be a column of frame, got {score!r}")
    values = _answers(frame[score], score)
    rows = {}
    for key, group in values.groupby([frame.loc[values.index, k] for k in keys], observed=True):
        r = enps(group, confidence)
        rows[key[0] if len(keys) == 1 else key] = {
            "n": r.n, "promoters": r.promoters, "passives": r.passives, "detractors": r.detractors,
            "enps": r.enps, "ci_low": r.ci_low, "ci_high": r.ci_high}
    out = pd.DataFrame.from_dict(rows, orient="index")
    out.index.names = keys
    return out


def enps_difference(a, b, confidence: float = 0.95) -> ENPSDifference:
    """eNPS of answers ``a`` minus that of ``b`` (independent groups), adjusted-Wald interval.

    >>> d = enps_difference([9] * 6 + [3] * 4, [9] * 2 + [3] * 8)
    >>> round(d.difference, 2), d.clear
    (0.8, False)
    """
    ra, rb = enps(a, confidence), enps(b, confidence)
    ca, va, na = _adjusted(ra.promoters, ra.detractors, ra.n)
    cb, vb, nb = _adjusted(rb.promoters, rb.detractors, rb.n)
    half = _z(confidence) * np.sqrt(va / na + vb / nb)
    return ENPSDifference(ra.enps - rb.enps, float(max(ca - cb - half, -2.0)),
                          float(min(ca - cb + half, 2.0)), ra, rb)
