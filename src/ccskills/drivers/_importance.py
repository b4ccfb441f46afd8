"""Relative importance of drivers: the Shapley (LMG) split of an OLS R².

The R² of the least-squares regression of a target on p drivers is shared among the
drivers by the Shapley value of the game "R² of a subset of drivers": a driver's share
is the increase in R² from adding it, averaged over all p! orders of entry,

    share_j = sum over S not holding j of |S|! (p - |S| - 1)! / p! * (R²(S + j) - R²(S)).

This is the LMG measure (Lindeman, Merenda & Gold 1980, as named by Grömping 2006,
"Relative importance for linear regression in R: the package relaimpo", J. Stat.
Software 17(1)) and equals *general dominance* (Azen & Budescu 2003); the shares add up
to the full model's R² (Shapley's efficiency axiom). Every subset's R² comes from the
covariance matrix of the complete rows, R²(S) = c_S' C_SS⁺ c_S / var(y), so the data are
read once per (re)sample and all 2**p subsets are solved as stacked small matrices.
"""

from __future__ import annotations

import math
import numbers
from itertools import combinations

import numpy as np
import pandas as pd

from ._input import clean

#: Singular values below this fraction of the largest count as zero (collinear drivers).
_RCOND = 1e-10


def subset_r2(cov: np.ndarray) -> np.ndarray:
    """R² of the OLS of the target on every subset of drivers, from covariance matrices.

    ``cov`` has shape (..., p + 1, p + 1), drivers first and the target last. Returns
    shape (..., 2**p): entry ``m`` is the R² of the drivers whose bits are set in ``m``
    (entry 0, no driver, is 0). A constant or collinear driver adds nothing (pseudo-inverse).

    >>> cov = np.array([[1.0, 0.0, 0.6], [0.0, 1.0, 0.3], [0.6, 0.3, 1.0]])
    >>> subset_r2(cov).round(2).tolist()
    [0.0, 0.36, 0.09, 0.45]
    """
    p = cov.shape[-1] - 1
    out = np.zeros(cov.shape[:-2] + (2**p,))
    var_y = cov[..., p, p][..., None]
    for k in range(1, p + 1):
        combos = np.array(list(combinations(range(p), k)))
        sxx = cov[..., combos[:, :, None], combos[:, None, :]]
        sxy = cov[..., combos, p]
        beta = np.linalg.pinv(sxx, _RCOND, hermitian=True) @ sxy[..., None]
        with np.errstate(divide="ignore", invalid="ignore"):
            out[..., (1 << combos).sum(axis=1)] = (sxy * beta[..., 0]).sum(axis=-1) / var_y
    return out


def shapley_shares(r2: np.ndarray) -> np.ndarray:
    """Shapley value of each driver in the game ``r2`` (shape (..., 2**p), from :func:`subset_r2`).

    Returns shape (..., p): each driver's average gain in R² over all orders of entry.

    >>> shapley_shares(np.array([0.0, 0.36, 0.09, 0.45])).round(3).tolist()
    [0.36, 0.09]
    """
    size = r2.shape[-1]
    p = size.bit_length() - 1
    masks = np.arange(size)
    count = np.array([bin(m).count("1") for m in masks])
    weight = np.array([math.factorial(s) * math.factorial(p - s - 1) / math.factorial(p)
                       for s in range(p)])
    shares = np.empty(r2.shape[:-1] + (p,))
    for j in range(p):
        without = masks[(masks >> j) & 1 == 0]
        gain = r2[..., without | (1 << j)] - r2[..., without]
        shares[..., j] = (gain * weight[count[without]]).sum(axis=-1)
    return shares


def _covariance(z: np.ndarray) -> np.ndarray:
    centred = z - z.mean(axis=0)
    return centred.T @ centred / (len(z) - 1)


def _bootstrap_shares(z: np.ndarray, bootstrap: int, seed: int) -> np.ndarray:
    """Shapley shares of R² for ``bootstrap`` resamples of the rows of ``z``: (bootstrap, p)."""
    rng = np.random.default_rng(seed)
    n = len(z)
    covs = np.stack([_covariance(z[rng.integers(0, n, n)]) for _ in range(bootstrap)])
    return shapley_shares(subset_r2(covs))


def _check_options(method, bootstrap, seed, level) -> None:
    if method != "shapley":
        raise ValueError(f"method must be 'shapley', got {method!r}")
    if not isinstance(bootstrap, numbers.Integral) or isinstance(bootstrap, bool) or bootstrap < 0:
        raise ValueError(f"bootstrap must be a whole number of resamples >= 0, got {bootstrap!r}")
    if not isinstance(seed, numbers.Integral) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"seed must be a whole number >= 0, got {seed!r}")
    ok = isinstance(level, numbers.Real) and not isinstance(level, bool)
    if not ok or not 0 < level < 1:
        raise ValueError(f"level must be a fraction between 0 and 1 (exclusive), got {level!r}")


def relative_importance(data, target, drivers, *, method="shapley", bootstrap=200, seed=0,
                        level=0.95) -> pd.DataFrame:
    """Split the R² of an OLS of ``target`` on ``drivers`` among the drivers (Shapley / LMG).

    ``data`` is a DataFrame with one row per case (a call, a survey response, an agent);
    ``target`` (e.g. ``"csat"``) and the 1 to 12 ``drivers`` are its numeric or boolean
    columns, in any units (the shares do not depend on units). Rows missing the target or
    any driver are left out (complete cases; their count is ``attrs["dropped_rows"]``).
    ``bootstrap`` resamples of the complete rows (drawn one after another as
    ``numpy.random.default_rng(seed).integers(0, n, n)``) give a percentile interval at
    ``level`` for each share; ``bootstrap=0`` skips it and omits the interval columns.
    The work grows as 2**p subset models per resample, hence the limit of 12 drivers.

    Returns a DataFrame indexed by driver, most important first, with columns
    ``correlation`` (Pearson r with the target: its sign says the direction),
    ``r2_share`` (adds up to the R²), ``explained_share`` (r2_share / R², adds up to 1),
    ``rank`` (1 = largest share), and ``r2_share_low``, ``r2_share_high``,
    ``explained_share_low``, ``explained_share_high`` (the bootstrap interval).
    ``attrs``: ``r2`` (full model), ``n`` (complete rows used), ``dropped_rows``,
    ``bootstrap``, ``level``, ``seed``, ``method``.

    Bad input raises ValueError naming the parameter or column and rows: a missing
    column, a value that is not a number, a constant driver or target, fewer complete
    rows than drivers + 2, the target among the drivers, more than 12 drivers.

    >>> data = pd.DataFrame({"fcr": [1, 0, 1, 1, 0, 1, 0, 1], "wait": [10, 90, 20, 60, 80, 5, 40, 30],
    ...                      "csat": [5, 2, 5, 4, 1, 5, 3, 4]})
    >>> table = relative_importance(data, "csat", ["fcr", "wait"], bootstrap=0)
    >>> table.round(3)  # doctest: +NORMALIZE_WHITESPACE
            correlation  r2_share  explained_share  rank
    driver
    fcr           0.894     0.462            0.502     1
    wait         -0.892     0.459            0.498     2
    >>> round(table.attrs["r2"], 3), table.attrs["n"]
    (0.921, 8)
    """
    _check_options(method, bootstrap, seed, level)
    rows = clean(data, target, drivers)
    both = np.column_stack([rows.x, rows.y])
    z = (both - both.mean(axis=0)) / both.std(axis=0, ddof=1)
    cov = _covariance(z)
    r2_all = subset_r2(cov)
    shares = shapley_shares(r2_all)
    r2 = float(r2_all[-1])
    table = pd.DataFrame({"correlation": cov[:-1, -1], "r2_share": shares,
                          "explained_share": shares / r2},
                         index=pd.Index(list(drivers), name="driver"))
    table["rank"] = table["r2_share"].rank(ascending=False, method="min").astype("int64")
    if bootstrap:
        _add_interval(table, _bootstrap_shares(z, bootstrap, seed), level)
    table = table.sort_values("rank", kind="stable")
    table.attrs.update(r2=r2, n=len(rows.y), dropped_rows=rows.dropped_rows,
                       bootstrap=int(bootstrap), level=float(level), seed=int(seed), method=method)
    return table


def _add_interval(table: pd.DataFrame, draws: np.ndarray, level: float) -> None:
    """Percentile interval of the resampled shares (of R² and of the explained part)."""
    tails = [100 * (1 - level) / 2, 100 * (1 + level) / 2]
    total = draws.sum(axis=1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        explained = np.where(total > 0, draws / total, np.nan)
    for name, values in (("r2_share", draws), ("explained_share", explained)):
        low, high = np.nanpercentile(values, tails, axis=0)
        table[f"{name}_low"], table[f"{name}_high"] = low, high
