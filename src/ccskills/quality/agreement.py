"""Is the standard applied the same way by every analyst? Inter-rater agreement (评分者间一致性).

- Cohen's kappa, two raters, categorical labels: ``κ = (p_o − p_e) / (1 − p_e)``,
  ``p_e`` from the two raters' marginal shares (Cohen 1960; domain.md §2.3).
- Fleiss' kappa, m raters per item: ``P_i = (Σ_j n_ij² − m) / (m (m − 1))``,
  ``P̄ = mean P_i``, ``p_j = Σ_i n_ij / (N m)``, ``P̄_e = Σ p_j²``,
  ``κ = (P̄ − P̄_e) / (1 − P̄_e)`` (Fleiss 1971).
- Intraclass correlation of scores, n targets (calls) × k raters, from the two-way
  ANOVA mean squares (Shrout & Fleiss 1979; McGraw & Wong 1996 call ICC(2,·)
  "absolute agreement" and ICC(3,·) "consistency").

Kappa and ICC are NaN when undefined (one category only, or no spread at all).
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np
import pandas as pd

from .._validation import check_lang

__all__ = [
    "cohen_kappa",
    "fleiss_kappa",
    "icc",
    "icc_table",
    "ICC_FORMS",
    "MeanSquares",
    "mean_squares",
    "kappa_band",
    "icc_band",
]

ICC_FORMS = ("ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "ICC(1,k)", "ICC(2,k)", "ICC(3,k)")


def _labels(name: str, value) -> np.ndarray:
    arr = np.asarray(value, dtype=object)
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(f"{name} must be a non-empty one-dimensional list of labels, got {value!r}")
    if pd.isna(arr).any():
        raise ValueError(f"{name} must not contain missing labels, got {value!r}")
    return arr


def cohen_kappa(rater_a, rater_b) -> float:
    """Cohen's kappa between two raters' labels of the same items (any hashable labels).

    >>> cohen_kappa(["pass", "pass", "fail", "fail"], ["pass", "fail", "fail", "fail"])
    0.5
    """
    a, b = _labels("rater_a", rater_a), _labels("rater_b", rater_b)
    if a.size != b.size:
        raise ValueError(f"rater_b must have as many labels as rater_a ({a.size}), got {b.size}")
    cats = pd.unique(np.concatenate([a, b]))
    p_o = float(np.mean(a == b))
    p_e = float(sum(np.mean(a == c) * np.mean(b == c) for c in cats))
    return _kappa(p_o, p_e)


def _kappa(p_o: float, p_e: float) -> float:
    if np.isclose(p_e, 1.0):
        return float("nan")
    return (p_o - p_e) / (1 - p_e)


def _table(name: str, value, *, numeric: bool) -> np.ndarray:
    arr = np.asarray(value.to_numpy() if isinstance(value, pd.DataFrame) else value,
                     dtype=float if numeric else object)
    if arr.ndim != 2 or arr.shape[0] < 2 or arr.shape[1] < 2:
        raise ValueError(f"{name} must be a table with at least 2 rows and 2 rater columns, "
                         f"got shape {arr.shape}")
    if pd.isna(arr).any():
        raise ValueError(f"{name} must not contain missing values, got {int(pd.isna(arr).sum())} missing")
    return arr


def fleiss_kappa(ratings) -> float:
    """Fleiss' kappa of an items × raters table of category labels (every item rated by every rater).

    >>> round(fleiss_kappa([["a", "a", "a"], ["b", "b", "b"], ["a", "b", "b"]]), 2)
    0.55
    """
    try:
        table = _table("ratings", ratings, numeric=False)
    except TypeError:
        raise ValueError(f"ratings must be a table of labels, got {ratings!r}") from None
    m = table.shape[1]
    cats = pd.unique(table.ravel())
    counts = np.column_stack([(table == c).sum(axis=1) for c in cats]).astype(float)
    p_i = ((counts**2).sum(axis=1) - m) / (m * (m - 1))
    p_j = counts.sum(axis=0) / counts.sum()
    return _kappa(float(p_i.mean()), float((p_j**2).sum()))


class MeanSquares(NamedTuple):
    """Two-way ANOVA of a targets × raters table: mean squares and the table's shape."""

    rows: float  # MSR (between targets)
    within: float  # MSW (within targets, one-way)
    columns: float  # MSC (between raters)
    error: float  # MSE (residual)
    n: int  # targets
    k: int  # raters


def mean_squares(scores) -> MeanSquares:
    """MSR, MSW, MSC, MSE of a targets × raters score table (Shrout & Fleiss 1979, Table 2)."""
    try:
        x = _table("scores", scores, numeric=True)
    except (TypeError, ValueError) as err:
        if "must" in str(err):
            raise
        raise ValueError(f"scores must be a table of numbers, got {scores!r}") from None
    n, k = x.shape
    grand = x.mean()
    ss_total = ((x - grand) ** 2).sum()
    ss_rows = k * ((x.mean(axis=1) - grand) ** 2).sum()
    ss_cols = n * ((x.mean(axis=0) - grand) ** 2).sum()
    ss_err = ss_total - ss_rows - ss_cols
    return MeanSquares(ss_rows / (n - 1), (ss_total - ss_rows) / (n * (k - 1)),
                       ss_cols / (k - 1), ss_err / ((n - 1) * (k - 1)), n, k)


def _ratio(num: float, den: float) -> float:
    return float("nan") if np.isclose(den, 0.0) else float(num / den)


def _icc(ms: MeanSquares, model: int, average: bool) -> float:
    r, w, c, e, n, k = ms
    if model == 1:
        return _ratio(r - w, r if average else r + (k - 1) * w)
    if model == 2:
        return _ratio(r - e, r + (c - e) / n if average else r + (k - 1) * e + k * (c - e) / n)
    return _ratio(r - e, r if average else r + (k - 1) * e)


def _parse_form(form, k: int) -> tuple[int, bool]:
    match = re.fullmatch(r"ICC\(([123]),(1|k|\d+)\)", str(form).replace(" ", ""))
    if match is None or match.group(2) not in ("1", "k", str(k)):
        raise ValueError(f"form must be one of {', '.join(ICC_FORMS)} (k = {k} raters), got {form!r}")
    return int(match.group(1)), match.group(2) != "1"


def icc(scores, form: str = "ICC(2,1)") -> float:
    """Intraclass correlation of a targets × raters score table, Shrout & Fleiss form ``form``.

    ``ICC(1,1)`` one-way random; ``ICC(2,1)`` two-way random, absolute agreement (the
    usual choice for QA calibration: an analyst who is lenient across the board lowers
    it); ``ICC(3,1)`` two-way mixed, consistency (blind to a constant offset). The
    ``ICC(·,k)`` forms (also written with the number of raters, e.g. ``ICC(2,4)``) are
    the reliability of the mean of the k raters. Formulas: domain.md §2.3.

    >>> round(icc([[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9],
    ...            [6, 2, 4, 7]], "ICC(3,1)"), 2)
    0.71
    """
    ms = mean_squares(scores)
    model, average = _parse_form(form, ms.k)
    return _icc(ms, model, average)


def icc_table(scores) -> pd.Series:
    """All six Shrout & Fleiss forms of :func:`icc` for one table, indexed by form name."""
    ms = mean_squares(scores)
    values = [_icc(ms, int(f[4]), f[6] == "k") for f in ICC_FORMS]
    return pd.Series(values, index=pd.Index(ICC_FORMS, name="form"), name="icc")


_KAPPA_BANDS = (  # Landis & Koch 1977: upper bound (exclusive), zh, en
    (0.0, "无一致性", "poor"),
    (0.2, "轻微", "slight"),
    (0.4, "一般", "fair"),
    (0.6, "中等", "moderate"),
    (0.8, "较强", "substantial"),
    (np.inf, "几乎完全一致", "almost perfect"),
)
_ICC_BANDS = (  # Koo & Li 2016
    (0.5, "差", "poor"),
    (0.75, "中等", "moderate"),
    (0.9, "良好", "good"),
    (np.inf, "优秀", "excellent"),
)


def _band(name: str, value, bands, lang: str) -> str:
    check_lang(lang)
    if isinstance(value, (bool, str)) or not isinstance(value, (int, float, np.number)):
        raise TypeError(f"{name} must be a number, got {value!r}")
    v = float(value)
    if np.isnan(v) or v > 1 or v < -1:
        raise ValueError(f"{name} must be a number in [-1, 1], got {value!r}")
    for upper, zh, en in bands:
        if v < upper or (upper == np.inf):
            return zh if lang == "zh" else en
    raise AssertionError("unreachable")  # pragma: no cover


def kappa_band(kappa, lang: str = "zh") -> str:
    """Landis & Koch (1977) band of a kappa: < 0 poor, 0–0.2 slight, 0.2–0.4 fair,
    0.4–0.6 moderate, 0.6–0.8 substantial, 0.8–1 almost perfect (lower bound inclusive).

    >>> kappa_band(0.43, "en"), kappa_band(0.43)
    ('moderate', '中等')
    """
    return _band("kappa", kappa, _KAPPA_BANDS, lang)


def icc_band(value, lang: str = "zh") -> str:
    """Koo & Li (2016) band of an ICC: < 0.5 poor, 0.5–0.75 moderate, 0.75–0.9 good, ≥ 0.9 excellent.

    >>> icc_band(0.29, "en"), icc_band(0.91, "en")
    ('poor', 'excellent')
    """
    return _band("value", value, _ICC_BANDS, lang)
