"""Shift scheduling as set covering (Dantzig 1954), solved by HiGHS through scipy.optimize.milp.

Hard cover:  min Σ_j paid_j x_j   s.t.  Σ_j a[t,j] x_j ≥ r_t for every period t,  x_j ∈ Z≥0.
Soft cover:  min Σ_t (under_cost · u_t + over_cost · o_t) · h   s.t.  Σ_j a[t,j] x_j + u_t − o_t = r_t,
             u, o ≥ 0,  x_j ∈ Z≥0  (h = period length in hours; costs per agent-hour).
             Solved with o substituted out (A x + u ≥ r), which measured 2–8× faster.
An optional ``max_shifts`` caps Σ_j x_j (the headcount for weekly tours).

Each block (one day, or the whole week for tours) starts from the LP relaxation rounded:
keep ⌊x_LP⌋ and cover the remainder exactly with the LP's fractional columns (a tiny MILP).
When that is within ``mip_gap`` of the LP bound it is the answer; otherwise HiGHS branch and
bound runs with the time left and the better schedule is kept. HiGHS stops at
``time_limit`` seconds or when the relative gap (objective − dual bound) / objective falls
to ``mip_gap``; the result always carries status, dual bound and gap.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ccskills.scheduling._measures import _check_required, coverage_table
from ccskills.scheduling._patterns import PatternSet, _period_seconds

__all__ = ["ScheduleResult", "schedule"]

_STATUS = {1: "time_limit", 2: "infeasible", 3: "unbounded", 4: "error"}


def _status_text(status: int, gap: float) -> str:
    """'optimal' only when the gap is closed; 'gap_limit' when stopped within ``mip_gap``."""
    if status == 0:
        return "optimal" if gap <= 1e-6 else "gap_limit"
    return _STATUS.get(status, "error")


@dataclass(frozen=True)
class ScheduleResult:
    """Outcome of :func:`schedule`.

    ``counts``: agents per pattern (Series on the pattern table's index); ``coverage``:
    required / scheduled / under / over per period; ``status``: 'optimal' (gap closed, the
    same as ``optimal``), 'gap_limit' (stopped with the gap within ``mip_gap`` > 0) or
    'time_limit' (stopped at ``time_limit``; the schedule is the best found, the gap says
    how far from the bound it may be); ``objective`` (paid hours for the hard cover, penalty
    for the soft one) and ``dual_bound`` (no solution can do better); ``gap`` =
    (objective − dual_bound) / objective; ``seconds`` of solve time; ``optimal`` True when
    the gap is closed (≤ 1e-6); ``paid_hours`` of the schedule; ``pattern_table`` the
    patterns' table (``shifts`` shows the used rows with their agents).
    """

    counts: pd.Series
    coverage: pd.DataFrame
    status: str
    objective: float
    dual_bound: float
    gap: float
    seconds: float
    optimal: bool
    paid_hours: float
    pattern_table: pd.DataFrame = field(repr=False)

    @property
    def shifts(self) -> pd.DataFrame:
        """The pattern table restricted to used patterns, with an ``agents`` column."""
        used = self.counts > 0
        return self.pattern_table.loc[used].assign(agents=self.counts[used])


def _check_options(time_limit, mip_gap, under_cost, over_cost, max_shifts):
    if not np.isfinite(time_limit) or time_limit <= 0:
        raise ValueError(f"time_limit must be a positive number of seconds, got {time_limit!r}")
    if not 0 <= mip_gap < 1:
        raise ValueError(f"mip_gap must be a fraction in [0, 1), got {mip_gap!r}")
    for name, value in (("under_cost", under_cost), ("over_cost", over_cost)):
        if not np.isfinite(value) or value < 0:
            raise ValueError(f"{name} must be zero or a positive number, got {value!r}")
    if max_shifts is not None and (not isinstance(max_shifts, (int, np.integer)) or max_shifts < 0):
        raise ValueError(f"max_shifts must be a whole number ≥ 0 or None, got {max_shifts!r}")


def _hard_model(a, req, paid, scale):
    from scipy.optimize import LinearConstraint

    need = req > 0
    rows = a[need.nonzero()[0], :]
    uncovered = need & (np.asarray(a.sum(axis=1)).ravel() == 0)
    if uncovered.any():
        raise ValueError(f"required must be coverable by the patterns, got {int(req[uncovered][0])} agents "
                         f"in period {int(uncovered.nonzero()[0][0])} that no pattern staffs")
    return np.rint(paid * scale), [LinearConstraint(rows, req[need], np.inf)], np.ones(a.shape[1])


def _soft_model(a, req, under_cost, over_cost, hours_per_period):
    """Over-cover o = A x + u − r substituted out: min (under + over)·Σu + over·Σ(A x) − const.

    Constraints A x + u ≥ r (that is o ≥ 0), u ≥ 0; the constant over·Σr is added back by
    the caller, so the objective is the penalty itself.
    """
    from scipy import sparse
    from scipy.optimize import LinearConstraint

    n_t, n_j = a.shape
    matrix = sparse.hstack([a, sparse.identity(n_t, format="csc")], format="csc")
    c = np.concatenate([over_cost * hours_per_period * np.asarray(a.sum(axis=0)).ravel(),
                        np.full(n_t, (under_cost + over_cost) * hours_per_period)])
    integrality = np.concatenate([np.ones(n_j), np.zeros(n_t)])
    return c, [LinearConstraint(matrix, req, np.inf)], integrality


def _blocks(patterns, by_day):
    """(rows, columns) of independent sub-problems: one per day for daily patterns."""
    n_t, n_j = patterns.matrix.shape
    if not by_day or "day" not in patterns.table.columns:
        return [(np.arange(n_t), np.arange(n_j))]
    per_day = n_t // patterns.table["day"].nunique()
    codes = pd.factorize(patterns.table["day"], sort=True)[0]
    return [(np.arange(d * per_day, (d + 1) * per_day), np.flatnonzero(codes == d))
            for d in range(codes.max() + 1)]


_MIN_SOLVE = 0.01
"""Seconds a solver call gets when the budget is spent: enough to return its best point."""


_ROOT_LPS = 3
"""LP solves' worth of time held back from HiGHS' branch and bound: it looks at its clock only
between LP solves, and its root node (presolve, LP, cuts) can take a few of them. Measured
at 19,845 weekly tours: the LP relaxation took 7.7 s, and branch and bound given 5.5 s ran
19.4 s; so it runs only with more than 3 LP times left, and is given that much less."""


def _left(deadline: float) -> float:
    """Seconds of the budget still left (at least :data:`_MIN_SOLVE`), for HiGHS' ``time_limit``."""
    return max(deadline - time.perf_counter(), _MIN_SOLVE)


def _solve_block(a, r, paid, soft, under_cost, over_cost, hours, max_shifts, time_limit, mip_gap):
    """One block within ``time_limit`` seconds in all: every HiGHS call gets the time still left.

    Returns (counts, objective, bound, status) with status 0 (within ``mip_gap``) or 1 (stopped
    at the time limit).
    """
    from scipy.optimize import Bounds, LinearConstraint, milp

    deadline = time.perf_counter() + time_limit
    n_j = a.shape[1]
    if soft:
        c, constraints, integrality = _soft_model(a, r, under_cost, over_cost, hours)
        scale, offset = 1.0, -over_cost * hours * r.sum()
    else:
        scale, offset = 1 / hours, 0.0  # objective in periods of paid time: integral
        c, constraints, integrality = _hard_model(a, r, paid, scale)
    if max_shifts is not None:
        row = np.concatenate([np.ones(n_j), np.zeros(c.size - n_j)])
        constraints.append(LinearConstraint(row[None, :], 0, max_shifts))
    best, margin = None, 0.0
    if max_shifts is None:
        started = time.perf_counter()
        best = _fixed_lp_rounding(c, constraints[0], integrality, deadline, 0.3 * time_limit, not soft)
        margin = time.perf_counter() - started if best is None else best[3]
        best = best or _cover_without_solver(a, r, c, soft, offset)
        best = (np.rint(best[0][:n_j]).astype(np.int64),) + best[1:3]
        if best[1] - best[2] <= mip_gap * abs(best[1] + offset) + 1e-9:
            return best[0], (best[1] + offset) / scale, (best[2] + offset) / scale, 0
        if deadline - time.perf_counter() - _ROOT_LPS * margin < _MIN_SOLVE:
            return best[0], (best[1] + offset) / scale, (best[2] + offset) / scale, 1
    res = milp(c, integrality=integrality, bounds=Bounds(0, np.inf), constraints=constraints,
               options={"time_limit": max(_left(deadline) - _ROOT_LPS * margin, _MIN_SOLVE),
                        "mip_rel_gap": float(mip_gap)})
    if res.x is None:
        if res.status == 2 and max_shifts is not None:
            raise ValueError(f"max_shifts must allow covering the requirement, got {max_shifts!r}")
        if best is None or res.status != 1:
            raise ValueError(f"time_limit must be long enough for HiGHS to find a first schedule "
                             f"({res.message}), got {time_limit!r}")
        return best[0], (best[1] + offset) / scale, (best[2] + offset) / scale, 1
    bound = res.mip_dual_bound if res.mip_dual_bound is not None else res.fun
    x, value = np.rint(res.x[:n_j]).astype(np.int64), res.fun
    if best is not None:
        bound = max(bound, best[2])
        if best[1] < value:
            x, value = best[0], best[1]
    status = 0 if value - bound <= mip_gap * abs(value + offset) + 1e-9 else res.status
    return x, (value + offset) / scale, (bound + offset) / scale, status


def _cover_without_solver(a, r, c, soft, offset):
    """A feasible point and a valid bound when the LP itself ran out of time (model units).

    Hard cover: each needed period's first covering pattern staffed to that period's
    requirement (feasible, one cheap pass; poor — the gap says how poor: 97 % at 35,000 weekly
    tours, where a smarter one-pass choice did no better and cost 0.4 s more), bounded below
    by the phone time Σ r_t periods (a pattern is paid for at least its periods on the
    phones). Soft cover: nobody scheduled (u = r), bounded below by a penalty of 0 (model
    value −offset).
    """
    x = np.zeros(c.size)
    if soft:
        x[a.shape[1]:] = r
        return x, float(c @ x), -offset
    need = np.flatnonzero(r > 0)
    rows = a.tocsr()[need]
    np.maximum.at(x, rows.indices[rows.indptr[:-1]], r[need])
    return x, float(c @ x), float(np.ceil(r.sum() - 1e-9))


def _fixed_lp_rounding(c, cover, integrality, deadline, sub_limit, integral_objective):
    """A cover from the LP relaxation: keep ⌊x_LP⌋, then cover what is left exactly.

    The remainder r − A⌊x_LP⌋ is small and the LP's fractional columns (plus any
    continuous slack columns) cover it, so a MILP over those columns only is tiny.
    The LP gets the time left before ``deadline``, the small MILP at most ``sub_limit``
    seconds of it. Returns (x, objective, LP bound — rounded up when the objective is
    integral — in model units, seconds the LP took), or None when the LP stopped at the limit.
    """
    from scipy.optimize import Bounds, LinearConstraint, milp

    a, need = cover.A, cover.lb
    started = time.perf_counter()
    lp = milp(c, integrality=np.zeros(c.size), bounds=Bounds(0, np.inf), constraints=[cover],
              options={"time_limit": _left(deadline)})
    if lp.status != 0 or lp.x is None:
        return None
    lp_seconds = time.perf_counter() - started
    whole = integrality == 1
    base = np.where(whole, np.floor(lp.x + 1e-9), 0.0)
    rest = need - a @ base
    x = base.copy()
    short = rest > 1e-9
    if short.any():
        cols = np.flatnonzero((whole & (lp.x - base > 1e-9)) | ~whole)
        sub = milp(c[cols], integrality=integrality[cols], bounds=Bounds(0, np.inf),
                   constraints=[LinearConstraint(a[short.nonzero()[0], :][:, cols], rest[short], np.inf)],
                   options={"time_limit": min(_left(deadline), max(sub_limit, _MIN_SOLVE))})
        if sub.x is not None:
            x[cols] += np.where(whole[cols], np.rint(sub.x), sub.x)
        else:  # rounding the fractional columns up keeps the LP's cover
            x[cols] += np.where(whole[cols], np.ceil(lp.x[cols] - base[cols] - 1e-9), lp.x[cols])
    bound = float(np.ceil(lp.fun - 1e-6)) if integral_objective else float(lp.fun)
    return x, float(c @ x), bound, lp_seconds


def schedule(required, patterns: PatternSet, *, soft=False, under_cost=1.0, over_cost=0.5,
             max_shifts=None, time_limit=10.0, mip_gap=0.0, by_day=True) -> ScheduleResult:
    """Agents per shift pattern that cover ``required`` at least cost (HiGHS branch and bound).

    Parameters
    ----------
    required : Series of int on a DatetimeIndex
        Agents needed on the phones per period; must equal ``patterns.index``.
    patterns : PatternSet
        From :func:`shift_patterns`.
    soft : bool
        False: cover every period, minimise paid hours. True: minimise
        ``under_cost`` × under-covered agent-hours + ``over_cost`` × over-covered agent-hours.
    max_shifts : int or None
        Cap on the number of shifts (patterns × agents) — the headcount for weekly tours.
    time_limit, mip_gap : float
        Stop after ``time_limit`` seconds in all (shared evenly by the days still to solve;
        every HiGHS call, the LP relaxation included, gets only the time still left, so the
        wall time exceeds the limit by at most HiGHS' reaction time and the model building),
        or when the relative gap ≤ ``mip_gap``. When even the LP relaxation does not finish
        in time, the schedule is a simple feasible cover with status 'time_limit' and a large
        gap. For the soft model HiGHS sees the penalty
        plus a constant (over-cover substituted out), so with ``mip_gap`` > 0 the reported
        ``gap`` on the penalty itself can end a little above ``mip_gap``.
    by_day : bool
        Daily patterns never cross midnight, so the coverage matrix is block-diagonal by
        day and each day is an independent problem: solve them one by one (much faster;
        the week's optimum is the sum). Ignored for weekly tours and with ``max_shifts``.

    Examples
    --------
    >>> from ccskills.scheduling import planning_index, shift_patterns
    >>> idx = planning_index("2026-03-02", days=1, freq="1h")
    >>> req = pd.Series(0, idx); req["2026-03-02 09:00":"2026-03-02 12:00"] = [1, 2, 2, 1]
    >>> pats = shift_patterns(idx, lengths=(2 * 3600,), open_hours=("09:00", "13:00"), start_step=3600)
    >>> res = schedule(req, pats)
    >>> res.status, res.objective, res.counts.tolist()
    ('optimal', 6.0, [1, 1, 1])
    """
    req = _check_required(required)
    if not isinstance(patterns, PatternSet):
        raise TypeError(f"patterns must be a PatternSet from shift_patterns(), got {type(patterns).__name__}")
    if len(patterns) == 0:
        raise ValueError("patterns must contain at least one pattern, got an empty set")
    if not req.index.equals(patterns.index):
        raise ValueError("required must be on the same index as the patterns, got a different index")
    _check_options(time_limit, mip_gap, under_cost, over_cost, max_shifts)
    r = req.to_numpy()
    hours = _period_seconds(req.index) / 3600
    counts = np.zeros(len(patterns), dtype=np.int64)
    started = time.perf_counter()
    blocks = _blocks(patterns, by_day and max_shifts is None)
    solved = {}

    def solve(k, share):
        rows, cols = blocks[k]
        a = patterns.matrix[:, cols][rows, :]
        return _solve_block(a, r[rows], patterns.paid_hours[cols], soft, under_cost, over_cost, hours,
                            max_shifts, share, mip_gap)

    shares = {}
    for k in range(len(blocks)):  # each block gets an even share of the time still left
        shares[k] = max((time_limit - (time.perf_counter() - started)) / (len(blocks) - k), 0.05)
        solved[k] = solve(k, shares[k])
    unfinished = [k for k in solved if solved[k][3] == 1]
    for i, k in enumerate(unfinished):  # time an easy day left over goes to the hard ones
        left = (time_limit - (time.perf_counter() - started)) / (len(unfinished) - i)
        if left < 0.5:
            break
        if left <= shares[k]:  # no more time than it first had: solving again cannot do better
            continue
        again = solve(k, left)
        best = min(solved[k], again, key=lambda s: s[1])
        solved[k] = (best[0], best[1], max(solved[k][2], again[2]), again[3])
    for k, (rows, cols) in enumerate(blocks):
        counts[cols] = solved[k][0]
    objective = sum(s[1] for s in solved.values())
    bound = sum(s[2] for s in solved.values())
    seconds = time.perf_counter() - started
    return _result(req, patterns, counts, objective, bound, max(s[3] for s in solved.values()), seconds)


def _result(req, patterns, counts, objective, bound, status, seconds):
    gap = 0.0 if abs(objective - bound) <= 1e-9 * max(abs(objective), 1) else \
        (objective - bound) / max(abs(objective), 1e-9)
    result = ScheduleResult(
        counts=pd.Series(counts, index=patterns.table.index, name="agents"),
        coverage=coverage_table(req, patterns.matrix @ counts), status=_status_text(status, gap),
        objective=float(objective), dual_bound=float(bound), gap=float(gap), seconds=seconds,
        optimal=status == 0 and gap <= 1e-6, paid_hours=float(patterns.paid_hours @ counts),
        pattern_table=patterns.table)
    return result
