"""Is the standard applied the same way by every analyst? Inter-rater agreement (评分者间一致性).

- Cohen's kappa, two raters, categorical labels: ``κ = (p_o − p_e) / (1 − p_e)``,
  ``p_e`` from the two raters' marginal shares (Cohen 1960; domain.md §2.3).
- Fleiss' kappa, m raters per item: ``P_i = (Σ_j n_ij² − m) / (m (m − 1))``,
  ``P̄ = mean P_i``, ``p_j = Σ_i n_ij / (N m)``, ``P̄_e = Σ p_j²``,
  ``κ = (P̄ − P̄_e) / (1 − P̄_e)`` (Fleiss 1971).
- Intraclass correlation of scores, n targets (calls) × k raters, from the two-way
  ANOVA mean squares (Shrout & Fleiss 1979; McGraw & Wong 1996 call ICC(2,·)
  "absolute agreement" and ICC(3,·) "consistency").

When undefined they raise ``ValueError`` saying why, never a silent NaN: kappa when every
rating falls in one single category (chance agreement p_e = 1, so κ = 0/0; Cohen 1960,
Fleiss 1971 leave it undefined, and R's ``irr`` returns NaN there; report the percent
agreement instead), an ICC form when its variance estimate (the denominator) is zero or
negative, e.g. every score equal (Shrout & Fleiss 1979 define none of the forms then).
:func:`icc_table` shows such forms as NaN, documented per table.
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
    _several_categories("rater_a", cats, f"from both raters on all {a.size} items")
    p_o = float(np.mean(a == b))
    p_e = float(sum(np.mean(a == c) * np.mean(b == c) for c in cats))
    return _kappa(p_o, p_e)


def _several_categories(name: str, cats, where: str) -> None:
    if len(cats) < 2:
        raise ValueError(f"{name} must use at least two categories among all ratings for kappa to be "
                         f"defined (one category: chance agreement 1, kappa 0/0), got only {cats[0]!r} {where}")


def _kappa(p_o: float, p_e: float) -> float:
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
    _several_categories("ratings", cats, f"in all {table.size} ratings")
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


def _score_table(scores) -> np.ndarray:
    try:
        x = _table("scores", scores, numeric=True)
    except (TypeError, ValueError) as err:
        if "must" in str(err):
            raise
        raise ValueError(f"scores must be a table of numbers, got {scores!r}") from None
    bad = ~np.isfinite(x)
    if bad.any():
        row, col = (int(i[0]) for i in np.nonzero(bad))
        column = scores.columns[col] if isinstance(scores, pd.DataFrame) else col
        label = scores.index[row] if isinstance(scores, pd.DataFrame) else row
        raise ValueError(f"scores must be finite numbers, got {x[row, col].item()!r} "
                         f"in column {column!r}, row {label!r}")
    return x


def _unit_mean_squares(x: np.ndarray) -> tuple[MeanSquares, float]:
    """Mean squares of ``x / scale - x[0,0] / scale`` (|values| <= 2: no overflow; exact zeros
    for a constant table), and ``scale`` = max |x|. ICC forms are unchanged by this."""
    scale = float(np.abs(x).max()) or 1.0
    x = x / scale
    x = x - x.flat[0]
    n, k = x.shape
    grand = x.mean()
    ss_total = ((x - grand) ** 2).sum()
    ss_rows = k * ((x.mean(axis=1) - grand) ** 2).sum()
    ss_cols = n * ((x.mean(axis=0) - grand) ** 2).sum()
    ss_err = max(ss_total - ss_rows - ss_cols, 0.0)
    return MeanSquares(ss_rows / (n - 1), max(ss_total - ss_rows, 0.0) / (n * (k - 1)),
                       ss_cols / (k - 1), ss_err / ((n - 1) * (k - 1)), n, k), scale


def mean_squares(scores) -> MeanSquares:
    """MSR, MSW, MSC, MSE of a targets × raters score table (Shrout & Fleiss 1979, Table 2).

    Scores must be finite; mean squares too large for a float raise ValueError.
    """
    x = _score_table(scores)
    ms, scale = _unit_mean_squares(x)
    with np.errstate(over="ignore"):
        out = MeanSquares(*(v * scale * scale for v in ms[:4]), ms.n, ms.k)
    if not all(np.isfinite(out[:4])):
        raise ValueError(f"scores must be below about 1e150 in size for the mean squares to fit a "
                         f"float, got {scale!r}")
    return out


def _icc_parts(ms: MeanSquares, model: int, average: bool) -> tuple[float, float]:
    """(numerator, denominator) of the ICC form (Shrout & Fleiss 1979; McGraw & Wong 1996)."""
    r, w, c, e, n, k = ms
    if model == 1:
        return r - w, (r if average else r + (k - 1) * w)
    if model == 2:
        return r - e, (r + (c - e) / n if average else r + (k - 1) * e + k * (c - e) / n)
    return r - e, (r if average else r + (k - 1) * e)


def _icc(ms: MeanSquares, model: int, average: bool) -> float:
    """The ICC, or NaN when its denominator is not positive (relative to the mean squares)."""
    num, den = _icc_parts(ms, model, average)
    if den <= 1e-12 * sum(ms[:4]):
        return float("nan")
    return float(num / den)


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
    ms, _ = _unit_mean_squares(_score_table(scores))
    model, average = _parse_form(form, ms.k)
    value = _icc(ms, model, average)
    if np.isnan(value):
        raise ValueError(f"scores must vary between targets (rows) more than the raters disagree for "
                         f"{form} to be defined (its variance estimate is 0 or negative: MSR {ms.rows:.3g}, "
                         f"MSC {ms.columns:.3g}, MSE {ms.error:.3g} in units of the largest score "
                         f"difference), got {_table_summary(scores)}")
    return value


def _table_summary(scores) -> str:
    x = np.asarray(scores.to_numpy() if isinstance(scores, pd.DataFrame) else scores, dtype=float)
    if np.all(x == x.flat[0]):
        return f"every score equal to {x.flat[0].item()!r}"
    return f"row means {np.round(x.mean(axis=1), 6).tolist()!r}"


def icc_table(scores) -> pd.Series:
    """All six Shrout & Fleiss forms of :func:`icc` for one table, indexed by form name.

    A form that is undefined for this table (its variance estimate is 0 or negative, e.g.
    every score equal) is NaN here, where :func:`icc` raises ValueError saying why.
    """
    ms, _ = _unit_mean_squares(_score_table(scores))
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
