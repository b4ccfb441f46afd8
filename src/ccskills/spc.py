"""Statistical process control for contact-centre KPIs: control charts, run rules, Pareto tables.

Charts (Shewhart, 3-sigma limits; domain.md §2.4 [66][67][68]):

- :func:`p_chart`: a rate with varying sample sizes (abandonment per day, error
  rate per week): ``CL = p̄ = Σ defectives / Σ n``, ``UCL_i, LCL_i = p̄ ± 3√(p̄(1−p̄)/n_i)``
  (LCL clipped at 0, UCL at 1);
- :func:`xbar_r_chart`: a time in subgroups of n (AHT of 5 calls): X̄ chart
  ``X̿ ± A2·R̄``, R chart ``D3·R̄ .. D4·R̄``;
- :func:`individuals_chart` (XmR): one value per period (daily ASA): ``x̄ ± 2.66·MR̄``
  (2.66 = 3/d2, d2 = 1.128 for n = 2), moving-range chart ``0 .. 3.267·MR̄``.

Run rules (Western Electric Handbook 1956; Nelson 1984), flagged per point:
``beyond_limits`` (WE 1 / Nelson 1), ``two_of_three_beyond_2sigma`` (WE 2),
``four_of_five_beyond_1sigma`` (WE 3), ``run_of_8`` (WE 4: eight in a row on one
side of the centre line), ``trend_of_6`` (Nelson 3: six in a row steadily rising
or falling). A flag marks the point that completes the pattern, counting from the first point
of the series (two points beyond 2σ at the start flag the second); missing values are left out
and break no run. Values and limits must be finite, within ±:data:`MAX_VALUE`.

Constants :data:`CONTROL_CHART_CONSTANTS` for subgroup sizes 2-10 are the published
table (ASTM STP 15D; Montgomery, *Introduction to Statistical Quality Control*,
Appendix VI): d2, d3, A2 = 3/(d2√n), D3 = max(0, 1 − 3·d3/d2), D4 = 1 + 3·d3/d2.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from ._validation import as_float_array

__all__ = [
    "CONTROL_CHART_CONSTANTS",
    "MAX_VALUE",
    "RULES",
    "ControlChart",
    "XbarRChart",
    "IndividualsChart",
    "p_chart",
    "xbar_r_chart",
    "individuals_chart",
    "run_rule_flags",
    "pareto_table",
]

#: n -> (d2, d3, A2, D3, D4), published values (ASTM STP 15D / Montgomery Appendix VI).
_TABLE = {
    2: (1.128, 0.853, 1.880, 0.0, 3.267),
    3: (1.693, 0.888, 1.023, 0.0, 2.574),
    4: (2.059, 0.880, 0.729, 0.0, 2.282),
    5: (2.326, 0.864, 0.577, 0.0, 2.114),
    6: (2.534, 0.848, 0.483, 0.0, 2.004),
    7: (2.704, 0.833, 0.419, 0.076, 1.924),
    8: (2.847, 0.820, 0.373, 0.136, 1.864),
    9: (2.970, 0.808, 0.337, 0.184, 1.816),
    10: (3.078, 0.797, 0.308, 0.223, 1.777),
}
#: Control-chart constants by subgroup size n: a DataFrame with columns d2, d3, A2, D3, D4.
CONTROL_CHART_CONSTANTS = pd.DataFrame.from_dict(
    _TABLE, orient="index", columns=["d2", "d3", "A2", "D3", "D4"]).rename_axis("n")

#: Run rules flagged by :func:`run_rule_flags`, in order.
RULES = ("beyond_limits", "two_of_three_beyond_2sigma", "four_of_five_beyond_1sigma",
         "run_of_8", "trend_of_6")


@dataclass(frozen=True)
class ControlChart:
    """One control chart: kind, centre line and a table of points with limits and rule flags.

    ``points`` columns: ``value``, ``center``, ``lcl``, ``ucl``, ``sigma`` (the
    one-sigma distance for the zone rules), one boolean column per rule in
    :data:`RULES` and ``signal`` (any rule); extra columns per chart (e.g. ``n``).
    """

    kind: str
    center: float
    points: pd.DataFrame

    @property
    def signals(self) -> pd.DataFrame:
        """The points where any run rule fired."""
        return self.points[self.points["signal"]]


class XbarRChart(NamedTuple):
    """The X̄ chart and the R chart of :func:`xbar_r_chart`."""

    xbar: ControlChart
    r: ControlChart


class IndividualsChart(NamedTuple):
    """The individuals chart and the moving-range chart of :func:`individuals_chart`."""

    x: ControlChart
    mr: ControlChart


#: Largest magnitude accepted for a charted value or count: beyond it a KPI is a unit or typing
#: error, and sums, squares and limits could overflow a float.
MAX_VALUE = 1e12


def _numbers(name: str, value, *, missing: bool = False) -> np.ndarray:
    """A 1-D float array of ``value`` (NaN for missing if ``missing``), finite, |x| <= MAX_VALUE."""
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(f"{name} must be a number or an array of numbers, got {value!r}")
    try:
        if isinstance(value, (pd.Series, pd.Index)):
            x = value.to_numpy(dtype=float, na_value=np.nan)
        else:
            x = np.array(value, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a number or an array of numbers, got {value!r}") from None
    if x.ndim != 1:
        raise ValueError(f"{name} must be a one-dimensional series of numbers, got shape {x.shape!r}")
    bad = (np.abs(x) > MAX_VALUE) | (np.isnan(x) & (not missing))
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        must = "numbers or missing" if missing else "numbers (none missing)"
        raise ValueError(f"{name} must be {must} from -{MAX_VALUE:.0e} to {MAX_VALUE:.0e}, "
                         f"got {x[i].item()!r} at position {i}")
    return x


def _limit(name: str, value, shape) -> np.ndarray:
    """``value`` broadcast to ``shape``: finite numbers (a limit, centre or sigma)."""
    try:
        arr = np.broadcast_to(np.asarray(value, dtype=float), shape)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number or one number per point, got {value!r}") from None
    bad = ~(np.abs(arr) <= MAX_VALUE) | ((arr < 0) if name == "sigma" else False)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        must = "a finite number >= 0" if name == "sigma" else "a finite number"
        raise ValueError(f"{name} must be {must} (at most {MAX_VALUE:.0e} in size) at every point, "
                         f"got {arr[i].item()!r} at position {i}")
    return arr


def _windows(flags: np.ndarray, window: int, need: int) -> np.ndarray:
    """True at i when at least ``need`` of the last ``window`` points up to i are flagged.

    At the start of a series fewer than ``window`` points exist; they are counted as they
    are (a 2-of-3 pattern in points 0 and 1 is already certain at point 1).
    """
    return np.convolve(flags.astype(int), np.ones(window, int))[: len(flags)] >= need


def _same_side_run(side: np.ndarray, length: int) -> np.ndarray:
    """True at i when the ``length`` points ending at i are all on the same side (+1 or -1)."""
    up = _windows(side > 0, length, length)
    down = _windows(side < 0, length, length)
    return up | down


def run_rule_flags(values, center, sigma, lcl=None, ucl=None) -> pd.DataFrame:
    """Western Electric / Nelson rule flags for a series of points, one boolean column per rule.

    ``center`` and ``sigma`` (one-sigma distance, >= 0; 0 means no zone rule can fire) may be
    scalars or arrays (varying limits, as in a p-chart); ``lcl``/``ucl`` default to
    center ∓ 3·sigma. Zone rules count the points up to and including the current one, so a
    pattern at the very start of a series is flagged as soon as it is complete (two points
    beyond 2σ at positions 0 and 1 flag position 1). Missing values (None, NaN, ``pd.NA``)
    never flag and break no run: the rules read the series with them left out, for lists,
    arrays and Series alike. Values must be finite, within ±:data:`MAX_VALUE`.

    >>> flags = run_rule_flags([1, 2, 1, 2, 1, 2, 1, 2, 9], center=0, sigma=1)
    >>> flags["run_of_8"].tolist()[-2:], flags["beyond_limits"].tolist()[-1]
    ([True, True], True)
    >>> run_rule_flags([2.5, None, 2.5, 0], 0, 1)["two_of_three_beyond_2sigma"].tolist()
    [False, False, True, False]
    """
    x = _numbers("values", values, missing=True)
    c, s = _limit("center", center, x.shape), _limit("sigma", sigma, x.shape)
    lo = c - 3 * s if lcl is None else _limit("lcl", lcl, x.shape)
    hi = c + 3 * s if ucl is None else _limit("ucl", ucl, x.shape)
    keep = ~np.isnan(x)
    out = pd.DataFrame(False, index=pd.RangeIndex(len(x)), columns=list(RULES))
    flags = _present_flags(x[keep], c[keep], s[keep], lo[keep], hi[keep])
    out.loc[keep, :] = flags
    return out.astype(bool)


def _present_flags(x, c, s, lo, hi) -> np.ndarray:
    """The rule flags (points × RULES) of a series with no missing value."""
    if not len(x):
        return np.zeros((0, len(RULES)), bool)
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        z = np.where(s > 0, (x - c) / np.where(s > 0, s, 1.0), 0.0)
    side = np.sign(x - c)
    diff = np.sign(np.diff(x, prepend=x[:1]))
    zone = [_windows(z * sign > limit, window, need) & (z * sign > limit)
            for limit, window, need in ((2, 3, 2), (1, 5, 4)) for sign in (1, -1)]
    columns = [(x > hi) | (x < lo), zone[0] | zone[1], zone[2] | zone[3],
               _same_side_run(side, 8),
               _same_side_run(diff, 5)]  # 6 points = 5 steps in one direction
    return np.column_stack(columns)


def _chart(kind, values, center, lcl, ucl, sigma, index, extra=None) -> ControlChart:
    x = np.asarray(values, float)
    flags = run_rule_flags(x, center, sigma, lcl, ucl)
    n = len(x)
    frame = {"value": x, "center": np.broadcast_to(center, n).astype(float),
             "lcl": np.broadcast_to(lcl, n).astype(float), "ucl": np.broadcast_to(ucl, n).astype(float),
             "sigma": np.broadcast_to(sigma, n).astype(float)}
    points = pd.DataFrame({**(extra or {}), **frame}, index=index)
    points = pd.concat([points, flags.set_axis(points.index)], axis=1)
    points["signal"] = flags.to_numpy().any(axis=1)
    return ControlChart(kind, float(np.mean(center)) if np.ndim(center) else float(center), points)


def _index(values, n):
    return values.index if isinstance(values, pd.Series) else pd.RangeIndex(n)


def p_chart(defectives, n) -> ControlChart:
    """p-chart (比率控制图) for a rate per period with sample sizes ``n`` (may vary).

    ``defectives``: events per period (abandoned calls, calls with an error);
    ``n``: sample size per period (offered calls, evaluations). ``CL = Σd/Σn``;
    limits ``p̄ ± 3√(p̄(1−p̄)/n_i)`` clipped to [0, 1] (domain.md §2.4 [66]).

    >>> chart = p_chart([4, 6, 20], [100, 100, 100])
    >>> round(chart.center, 2), round(float(chart.points["ucl"].iloc[0]), 4), chart.points["beyond_limits"].tolist()
    (0.1, 0.19, [False, False, True])
    """
    d = _numbers("defectives", defectives)
    m = _numbers("n", n)
    if d.ndim != 1 or d.shape != m.shape or len(d) == 0:
        raise ValueError(f"n must have one sample size per value of defectives, got {n!r}")
    if np.any(m <= 0):
        raise ValueError(f"n must be sample sizes > 0, got {n!r}")
    if np.any(d < 0) or np.any(d > m):
        raise ValueError(f"defectives must be counts from 0 to n, got {defectives!r}")
    p_bar = d.sum() / m.sum()
    sigma = np.sqrt(p_bar * (1 - p_bar) / m)
    lcl, ucl = np.maximum(0.0, p_bar - 3 * sigma), np.minimum(1.0, p_bar + 3 * sigma)
    return _chart("p", d / m, p_bar, lcl, ucl, sigma, _index(defectives, len(d)),
                  {"defectives": d, "n": m})


def _subgroups(values, subgroup_size) -> np.ndarray:
    if isinstance(values, pd.DataFrame):
        arr = values.to_numpy(dtype=float, na_value=np.nan)
    else:
        arr = as_float_array("values", values)
        if arr.ndim == 1:
            arr = _numbers("values", arr)
            if subgroup_size is None:
                raise ValueError("subgroup_size must be given for a flat list of values, got None")
            k = int(subgroup_size)
            if k != subgroup_size or k not in _TABLE:
                raise ValueError(f"subgroup_size must be a whole number from 2 to 10, got {subgroup_size!r}")
            arr = arr[: len(arr) // k * k].reshape(-1, k)
    if arr.ndim != 2 or arr.shape[1] not in _TABLE or arr.shape[0] < 2:
        raise ValueError(f"values must form at least 2 subgroups of 2 to 10 values, got shape {arr.shape!r}")
    _numbers("values", arr.ravel())
    return arr


def xbar_r_chart(values, subgroup_size=None) -> XbarRChart:
    """X̄–R chart (均值-极差控制图): subgroup means and ranges, e.g. AHT of 5 calls per subgroup.

    ``values``: a 2-D array / DataFrame (one row per subgroup) or a flat sequence cut
    into consecutive subgroups of ``subgroup_size`` (an incomplete last subgroup is
    dropped). X̄ chart ``X̿ ± A2·R̄``; R chart ``LCL = D3·R̄``, ``UCL = D4·R̄`` (domain.md
    §2.4 [67][68]; constants :data:`CONTROL_CHART_CONSTANTS`).

    >>> chart = xbar_r_chart([[1, 3], [2, 4], [3, 5]])     # means 2, 3, 4; ranges 2, 2, 2
    >>> chart.xbar.center, round(float(chart.xbar.points["ucl"].iloc[0]), 3), float(chart.r.points["ucl"].iloc[0])
    (3.0, 6.76, 6.534)
    """
    arr = _subgroups(values, subgroup_size)
    k = arr.shape[1]
    d2, _, a2, d3, d4 = _TABLE[k]
    means, ranges = arr.mean(axis=1), arr.max(axis=1) - arr.min(axis=1)
    x_bar, r_bar = means.mean(), ranges.mean()
    index = values.index if isinstance(values, pd.DataFrame) else pd.RangeIndex(len(means), name="subgroup")
    xbar = _chart("xbar", means, x_bar, x_bar - a2 * r_bar, x_bar + a2 * r_bar, a2 * r_bar / 3, index)
    r_sigma = (d4 * r_bar - r_bar) / 3
    r = _chart("r", ranges, r_bar, d3 * r_bar, d4 * r_bar, r_sigma, index)
    return XbarRChart(xbar, r)


def individuals_chart(values) -> IndividualsChart:
    """Individuals and moving-range chart (XmR, 单值-移动极差控制图), e.g. daily ASA.

    ``x̄ ± 3·MR̄/d2`` with d2 = 1.128 (so ± 2.66·MR̄); MR chart ``0 .. D4·MR̄``, D4 = 3.267
    (n = 2). The first point has no moving range (NaN).

    >>> chart = individuals_chart([10, 12, 11, 13, 30])   # MR 2, 1, 2, 17: MR̄ 5.5
    >>> chart.x.center, round(float(chart.x.points["ucl"].iloc[0]), 3), chart.x.points["beyond_limits"].tolist()[-1]
    (15.2, 29.828, True)
    """
    x = _numbers("values", values)
    if len(x) < 2:
        raise ValueError(f"values must be at least 2 numbers in a row, got {values!r}")
    d2, _, _, _, d4 = _TABLE[2]
    mr = np.abs(np.diff(x, prepend=np.nan))
    mr_bar = np.nanmean(mr)
    center, sigma = x.mean(), mr_bar / d2
    index = _index(values, len(x))
    chart_x = _chart("individuals", x, center, center - 3 * sigma, center + 3 * sigma, sigma, index)
    chart_mr = _chart("moving_range", mr, mr_bar, 0.0, d4 * mr_bar, (d4 * mr_bar - mr_bar) / 3, index)
    return IndividualsChart(chart_x, chart_mr)


def pareto_table(counts, vital_share=0.8) -> pd.DataFrame:
    """Pareto table (帕累托/柏拉图): categories by count, descending, with share and cumulative share.

    ``counts``: a Series of counts by category, or a sequence of category labels (one
    per defect) that is counted. ``vital_few`` marks the categories up to and including
    the first whose cumulative share reaches ``vital_share`` (the "vital few", ~80 %).

    >>> pareto_table({"hold": 5, "wrong info": 30, "greeting": 10, "closing": 5})["vital_few"].tolist()
    [True, True, False, False]
    """
    if not (isinstance(vital_share, float | int) and 0 < vital_share <= 1):
        raise ValueError(f"vital_share must be a fraction above 0 and at most 1, got {vital_share!r}")
    if isinstance(counts, dict):
        counts = pd.Series(counts)
    elif not isinstance(counts, pd.Series):
        counts = pd.Series(list(counts)).value_counts()
    elif not pd.api.types.is_numeric_dtype(counts.dtype):
        counts = counts.value_counts()
    values = _numbers("counts", counts.to_numpy())
    if np.any(values < 0) or values.sum() <= 0:
        raise ValueError(f"counts must be >= 0 with a positive total, got {counts.to_dict()!r}")
    table = pd.DataFrame({"count": counts.to_numpy()}, index=counts.index.rename("category"))
    table = table.sort_values("count", ascending=False, kind="stable")
    table["share"] = table["count"] / table["count"].sum()
    table["cumulative_share"] = table["share"].cumsum()
    before = table["cumulative_share"].shift(fill_value=0.0)
    table["vital_few"] = before < vital_share - 1e-12
    return table
