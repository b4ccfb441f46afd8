"""The importance–performance matrix (重要性-绩效矩阵, Martilla & James 1977, J. Marketing 41(1)).

Each driver is a point: importance (its Shapley share of the explained R², from
:func:`relative_importance`) against performance (how well the centre does on it). Split
at the mean importance and the mean performance (a value equal to its mean counts as
high), the four quadrants read:

================== ================ ============================================
code               label            where
================== ================ ============================================
concentrate        重点改进          important, performing below the mean
keep_up            保持              important, performing at or above the mean
low_priority       低优先            less important, below the mean
possible_overkill  可能过度          less important, at or above the mean
================== ================ ============================================

Performance must be on one scale for every driver and oriented so that higher is
better (e.g. the share of calls meeting each standard, or QA item scores 0..1): means
of seconds and of yes/no flags side by side are not comparable, so pass ``performance``.
"""

from __future__ import annotations

import numbers

import numpy as np
import pandas as pd

from ._importance import relative_importance
from ._input import clean

#: Quadrant code -> (Chinese, English), in the order of the table above.
QUADRANT_NAMES = {
    "concentrate": ("重点改进", "Concentrate here"),
    "keep_up": ("保持", "Keep up"),
    "low_priority": ("低优先", "Low priority"),
    "possible_overkill": ("可能过度", "Possible overkill"),
}


def _performance(performance, names, rows) -> np.ndarray:
    """Given performance per driver (mapping or Series), or each driver's mean over the rows."""
    if performance is None:
        return rows.x.mean(axis=0)
    if not hasattr(performance, "keys"):
        raise ValueError(f"performance must map each driver to a number, got {performance!r}")
    missing = [n for n in names if n not in performance.keys()]
    if missing:
        raise ValueError(f"performance must give a value for every driver, got none for {missing!r}")
    values = []
    for n in names:
        v = performance[n]
        if not isinstance(v, numbers.Real) or isinstance(v, bool) or not np.isfinite(v):
            raise ValueError(f"performance[{n!r}] must be a finite number, got {v!r}")
        values.append(float(v))
    return np.array(values)


def quadrant(importance, performance, importance_split, performance_split) -> str:
    """Quadrant code of one driver; a value equal to its split counts as high.

    >>> quadrant(0.4, 0.6, 0.25, 0.7), quadrant(0.1, 0.9, 0.25, 0.7)
    ('concentrate', 'possible_overkill')
    """
    if importance >= importance_split:
        return "keep_up" if performance >= performance_split else "concentrate"
    return "possible_overkill" if performance >= performance_split else "low_priority"


def importance_performance(data, target, drivers, performance=None) -> pd.DataFrame:
    """Place each driver on the importance–performance matrix (see the module docstring).

    ``importance`` is the driver's share of the explained R² (``explained_share`` of
    :func:`relative_importance`, point estimate, same complete rows); ``performance`` is
    each driver's mean over those rows unless given as a mapping driver -> number (one
    common scale, higher = better). Returns a DataFrame indexed by driver (order of
    ``drivers``) with ``importance``, ``performance``, ``quadrant`` (a code of
    :data:`QUADRANT_NAMES`), ``quadrant_zh`` and ``quadrant_en``; ``attrs`` hold the
    splits ``importance_split`` and ``performance_split`` (the means) and the ``r2``,
    ``n`` and ``dropped_rows`` of the regression.

    >>> data = pd.DataFrame({"fcr": [1, 0, 1, 1, 0, 1, 0, 1], "wait": [10, 90, 20, 60, 80, 5, 40, 30],
    ...                      "csat": [5, 2, 5, 4, 1, 5, 3, 4]})
    >>> met = {"fcr": 0.63, "wait": 0.80}  # share of calls meeting each standard
    >>> importance_performance(data, "csat", ["fcr", "wait"], met)[["performance", "quadrant_en"]]
    ... # doctest: +NORMALIZE_WHITESPACE
            performance       quadrant_en
    driver
    fcr            0.63  Concentrate here
    wait           0.80 Possible overkill
    """
    rows = clean(data, target, drivers)
    names = list(drivers)
    shares = relative_importance(data, target, names, bootstrap=0)
    table = pd.DataFrame({"importance": shares["explained_share"].reindex(names).to_numpy(),
                          "performance": _performance(performance, names, rows)},
                         index=pd.Index(names, name="driver"))
    splits = table["importance"].mean(), table["performance"].mean()
    table["quadrant"] = [quadrant(i, p, *splits) for i, p in
                         zip(table["importance"], table["performance"])]
    table["quadrant_zh"] = table["quadrant"].map(lambda q: QUADRANT_NAMES[q][0])
    table["quadrant_en"] = table["quadrant"].map(lambda q: QUADRANT_NAMES[q][1])
    table.attrs.update(importance_split=float(splits[0]), performance_split=float(splits[1]),
                       r2=shares.attrs["r2"], n=shares.attrs["n"],
                       dropped_rows=shares.attrs["dropped_rows"])
    return table
