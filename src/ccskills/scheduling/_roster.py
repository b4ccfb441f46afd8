"""Rostering: named agents onto the shifts a schedule chose, keeping the rest rules.

A small assignment MILP (pyworkforce's ``MinHoursRoster`` is the same idea):
binary z[a, j] = 1 when agent a works pattern j (a daily shift, or a weekly tour);
Σ_a z[a, j] = agents on pattern j; per agent at most one shift a day; no two shifts on
consecutive days closer than ``min_rest``; at most ``max_consecutive_days`` working days in
a row; at least ``min_days_off`` days off in the horizon; and, when the rules allow it,
working days spread evenly (each agent within one day of the average). HiGHS stops at the
first roster that satisfies them all.
"""

from __future__ import annotations

import math
import time

import numpy as np
import pandas as pd

from ccskills.scheduling._patterns import DAY_S, _DAY_NAMES

__all__ = ["roster"]


def _clock_s(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 3600 + int(minutes) * 60


def _jobs(result):
    """Used patterns: (work matrix days × jobs, start s, end s, label, count, days)."""
    shifts = result.shifts
    days = result.coverage.index.normalize().unique()
    work = np.zeros((len(days), len(shifts)), dtype=np.int8)
    if "day" in shifts.columns:
        work[days.get_indexer(shifts["day"]), np.arange(len(shifts))] = 1
    else:
        names = [_DAY_NAMES[d.day_of_week] for d in days]
        for k, off in enumerate(shifts["days_off"]):
            work[:, k] = [name not in off.split(", ") for name in names]
    start = shifts["start"].map(_clock_s).to_numpy()
    end = shifts["end"].map(_clock_s).to_numpy()
    label = (shifts["start"] + "–" + shifts["end"]).to_numpy()
    return work, start, end, label, shifts["agents"].to_numpy(), days


def _rule_rows(work, start, end, min_rest, max_consecutive_days, min_days_off):
    """Rows (over jobs) that each agent's z must keep ≤ the matching bound."""
    n_days, n_jobs = work.shape
    rows, bounds = list(work), [1] * n_days  # one shift a day
    gap = DAY_S + start[None, :] - end[:, None]  # rest from job j's end to job k's next-day start
    for d in range(n_days - 1):
        today, tomorrow = work[d].astype(bool), work[d + 1].astype(bool)
        for j in np.flatnonzero(today):
            clash = tomorrow & (gap[j] < min_rest)
            if clash[j]:  # a weekly tour whose own days are too close together
                raise ValueError(f"min_rest must be at most the rest inside a tour ({int(gap[j, j])} s), "
                                 f"got {min_rest!r}")
            if clash.any():
                row = clash.astype(int)
                row[j] = 1  # job j today and a clashing job tomorrow: at most one of them
                rows.append(row)
                bounds.append(1)
    for d in range(n_days - max_consecutive_days):
        rows.append(work[d:d + max_consecutive_days + 1].sum(axis=0))
        bounds.append(max_consecutive_days)
    rows.append(work.sum(axis=0))
    bounds.append(n_days - min_days_off)
    return np.array(rows, dtype=float), np.array(bounds, dtype=float)


def roster(result, agents, *, min_rest=11 * 3600, max_consecutive_days=5, min_days_off=2,
           time_limit=10.0) -> pd.DataFrame:
    """Table agent × day of shifts ('08:00–16:00', or '' for a day off) for a schedule's shifts.

    Parameters
    ----------
    result : ScheduleResult
        From :func:`schedule` (daily patterns or weekly tours).
    agents : sequence of str
        Agent names; at least as many as the busiest day's shifts.
    min_rest : seconds
        Least rest between the end of one shift and the start of the next day's shift.
    max_consecutive_days, min_days_off : int
        Longest run of working days; fewest days off in the horizon. Rules are checked
        inside the planning horizon only (the week before and after are not known here).

    time_limit : seconds
        For HiGHS in all: half for a roster that spreads working days evenly, the time left
        for any roster that keeps the rules.

    Raises ``ValueError`` when the agents cannot take all shifts under these rules, or
    naming ``time_limit`` when HiGHS found no roster in time.
    """
    from scipy import sparse
    from scipy.optimize import Bounds, LinearConstraint, milp

    if isinstance(time_limit, bool) or not isinstance(time_limit, (int, float)) or \
            not math.isfinite(time_limit) or time_limit <= 0:
        raise ValueError(f"time_limit must be a positive number of seconds, got {time_limit!r}")
    agents = [str(a) for a in agents]
    if not agents or len(set(agents)) != len(agents):
        raise ValueError(f"agents must be distinct names, at least one, got {agents!r}")
    for name, value in (("min_rest", min_rest), ("max_consecutive_days", max_consecutive_days),
                        ("min_days_off", min_days_off)):
        if not isinstance(value, (int, np.integer)) or value < 0:
            raise ValueError(f"{name} must be a whole number ≥ 0, got {value!r}")
    work, start, end, label, counts, days = _jobs(result)
    rows, bounds = _rule_rows(work, start, end, min_rest, max_consecutive_days, min_days_off)
    n_a, n_j = len(agents), work.shape[1]
    eye = sparse.identity(n_a, format="csr")
    rules = sparse.kron(eye, sparse.csr_matrix(rows))  # agent blocks of rule rows
    cover = sparse.kron(np.ones((1, n_a)), sparse.identity(n_j))  # Σ_a z[a, j] = count_j
    job_days = work.sum(axis=0)
    shifts_each = job_days @ counts / n_a  # working days per agent if spread evenly
    base = [LinearConstraint(rules, -np.inf, np.tile(bounds, n_a)), LinearConstraint(cover, counts, counts)]
    balance = LinearConstraint(sparse.kron(eye, sparse.csr_matrix(job_days[None, :])),
                               np.floor(shifts_each), np.ceil(shifts_each))
    deadline = time.perf_counter() + time_limit
    for share, constraints in ((0.5, base + [balance]), (1.0, base)):  # evenly spread days if possible
        left = max(share * (deadline - time.perf_counter()), 0.01)  # the time left, not the limit again
        res = milp(np.zeros(n_a * n_j), integrality=np.ones(n_a * n_j), bounds=Bounds(0, 1),
                   constraints=constraints, options={"time_limit": left})
        if res.x is not None:
            break
    else:
        if res.status == 1:
            raise ValueError(f"time_limit must be long enough for HiGHS to find a roster, got {time_limit!r}")
        raise ValueError(f"agents must be enough to staff every shift under the rest rules, got {n_a} agents")
    z = np.rint(res.x).reshape(n_a, n_j).astype(bool)
    table = pd.DataFrame("", index=pd.Index(agents, name="agent"), columns=days)
    for a, j in zip(*np.nonzero(z)):
        for d in np.flatnonzero(work[:, j]):
            table.iat[a, d] = label[j]
    return table
