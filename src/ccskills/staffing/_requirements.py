"""Staffing requirements: from calls and AHT per interval to agents, headcount and hours.

Core layer: plain functions over numbers, numpy arrays and pandas objects (no widgets).
Durations in seconds; shrinkage as a fraction of paid time not available for calls.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from ccskills._validation import check_at_most, check_fraction, check_nonnegative, check_positive
from ccskills.queueing import (agents_for_asa, agents_for_service_level,
                               average_speed_of_answer, occupancy, offered_load, service_level)
from ccskills.queueing._limits import MAX_AGENTS, check_load

_FLOAT_MAX = float(np.finfo(float).max)

MAX_HEADCOUNT = 2.0 ** 53
"""Largest scheduled headcount returned: every whole number below it is exact in a float."""

__all__ = ["scheduled_headcount", "required_agents", "agent_hours", "staffing_by_load", "PoolingEffect", "pooling_effect", "full_time_equivalents",
            "AhtSaving", "aht_reduction_saving"]


def scheduled_headcount(agents, shrinkage):
    """People to schedule so that ``agents`` are on the phones after shrinkage.

    ``ceil(agents / (1 − shrinkage))`` (the convention of pyworkforce, turbotab and
    call-center-tools; cran/ErlangC leaves it unrounded), guarded against round-off so
    that 14 / (1 − 0.3) = 20.000000000000004 gives 20: the quotient is rounded to 9
    decimals before the ceiling (so fractions of an agent below 1e-9 count as none).

    Parameters
    ----------
    agents : int or array
        Agents needed on the phones, 0 ≤ agents ≤ 2,000,000 (the queueing range).
    shrinkage : float or array
        Share of paid time lost to breaks, training, absence …, 0 ≤ shrinkage < 1.

    The headcount must stay below 2⁵³ (exact as a whole number); a shrinkage so close
    to 1 that it would not raises ``ValueError`` naming ``shrinkage``.

    Examples
    --------
    >>> scheduled_headcount(14, 0.3)
    20
    >>> scheduled_headcount(100, 0.4)  # 100 / 0.6 = 166.7
    167
    """
    n = check_nonnegative("agents", agents)
    check_at_most("agents", agents, MAX_AGENTS, f"at most {MAX_AGENTS:,.0f}")
    s = check_fraction("shrinkage", shrinkage, high_open=True)
    heads = np.ceil(np.round(n / (1.0 - s), 9))
    check_at_most("shrinkage", np.broadcast_to(s, heads.shape) if heads.ndim else shrinkage, 1.0,
                  "below 1 − agents / 2**53 (a headcount of at most 2**53)", mask=heads / MAX_HEADCOUNT)
    heads = heads.astype(np.int64)
    return int(heads) if heads.ndim == 0 else heads


def required_agents(calls, aht, interval, *, answer_time=20, target=0.8, target_asa=None,
                    max_occupancy=1.0, patience=None, max_abandon=None):
    """Agents needed per interval for a service-level (or ASA) target, vectorised.

    The offered load ``calls × aht / interval`` goes to
    :func:`ccskills.queueing.agents_for_service_level` (Erlang C, or Erlang A with
    ``patience``) or, when ``target_asa`` is given, to
    :func:`ccskills.queueing.agents_for_asa` (also Erlang A with ``patience``). Accepts
    pandas Series and keeps their index.

    Examples
    --------
    >>> required_agents(100, 180, 1800)  # 10 Erlangs, 80/20
    14
    >>> required_agents([100, 200], 180, 1800).tolist()  # twice the calls, fewer than twice the agents
    [14, 24]
    """
    load = offered_load(np.asarray(calls, float), aht, interval)
    if target_asa is not None:
        n = agents_for_asa(load, aht, target_asa, max_occupancy=max_occupancy, patience=patience)
    else:
        n = agents_for_service_level(load, aht, answer_time, target, max_occupancy=max_occupancy,
                                     patience=patience, max_abandon=max_abandon)
    if isinstance(calls, pd.Series):
        return pd.Series(n, index=calls.index, name="required_agents")
    return n


def agent_hours(agents, interval):
    """Staff-hours that ``agents`` on duty for ``interval`` seconds represent: agents × interval / 3600.

    Examples
    --------
    >>> agent_hours(14, 1800)
    7.0
    """
    n = check_nonnegative("agents", agents)
    t = check_positive("interval", interval)
    with np.errstate(over="ignore"):
        hours = n * t / 3600.0
    check_at_most("agents", np.broadcast_to(n, hours.shape) if hours.ndim else agents, _FLOAT_MAX,
                  "small enough that agents × interval is a finite number", mask=hours)
    return float(hours) if hours.ndim == 0 else hours


# --- What scale, pooling and handle time are worth (chapter 02). ------------------------


DAYS_PER_YEAR = 365
"""Days in the year used to scale a period's staff-hours to a year."""

HOURS_PER_FTE = 1984.0
"""Paid hours of one full-time employee a year: 248 working days × 8 h. China from 2025:
365 days − 104 weekend days − 13 public holidays = 248 (《全国年节及纪念日放假办法》 as
amended by the State Council in November 2024, which raised the holidays from 11 to 13)."""


def staffing_by_load(loads, aht, *, answer_time=20, target=0.8, max_occupancy=1.0):
    """Agents for a service-level target at each load, and the queue they give (economies of scale).

    For each offered load A (Erlangs) the fewest agents N meeting the target
    (:func:`ccskills.queueing.agents_for_service_level`, Erlang C), then N / A,
    occupancy A / N, the service level and the ASA (seconds) that N agents give.

    Parameters
    ----------
    loads : array of float
        Offered loads in Erlangs (> 0).
    aht : float
        Average handle time in seconds (> 0).
    answer_time, target, max_occupancy
        As in :func:`ccskills.queueing.agents_for_service_level` (defaults: 80/20, no cap).

    Returns
    -------
    DataFrame indexed by ``load`` with columns ``agents``, ``agents_per_erlang``,
    ``occupancy``, ``service_level`` (fractions) and ``asa_s`` (seconds).

    Examples
    --------
    >>> table = staffing_by_load([10, 20], 180)
    >>> table["agents"].tolist(), table["occupancy"].round(3).tolist()  # twice the load, 10 more agents
    ([14, 24], [0.714, 0.833])
    """
    check_positive("loads", loads)
    a = check_load(loads, name="loads").ravel()
    n = np.atleast_1d(agents_for_service_level(a, aht, answer_time, target,
                                               max_occupancy=max_occupancy))
    return pd.DataFrame(
        {
            "agents": n,
            "agents_per_erlang": n / a,
            "occupancy": occupancy(n, a),
            "service_level": service_level(n, a, aht, answer_time),
            "asa_s": average_speed_of_answer(n, a, aht),
        },
        index=pd.Index(a, name="load"),
    )


class PoolingEffect(NamedTuple):
    """Agents per interval with the queues staffed apart, merged, and the difference."""

    separate: object
    pooled: object
    saved: object


def _pooled_aht(calls: np.ndarray, aht: np.ndarray) -> np.ndarray:
    """Call-weighted AHT over the last axis (the plain mean where no calls arrive)."""
    total = calls.sum(axis=-1)
    work = (calls * aht).sum(axis=-1)
    return np.where(total > 0, work / np.where(total > 0, total, 1.0), aht.mean(axis=-1))


def pooling_effect(calls, aht, interval, *, answer_time=20, target=0.8, max_occupancy=1.0):
    """Agents needed when queues are staffed apart versus merged into one queue, per interval.

    *Separate*: the sum over queues of :func:`required_agents` for each queue's calls
    and AHT. *Pooled*: :func:`required_agents` for one queue with all the calls and
    the call-weighted AHT Σ calls·AHT / Σ calls, so its load is the sum of the
    queues' loads. Erlang C both ways; the pooled figure is exact when the queues
    share an AHT and an approximation otherwise, and it assumes every agent can take
    every call (cross-skilled, no extra handle time). The gap is the pooling effect
    (规模效应 / 合并效应): waiting calls of one queue use the idle agents of the other.

    Parameters
    ----------
    calls : DataFrame, or array with the queues along the last axis
        Calls offered per interval (≥ 0); a DataFrame has one column per queue.
    aht : same shape as ``calls`` (or broadcastable to it)
        Average handle time in seconds (> 0), per queue (and interval).
    interval : float
        Interval length in seconds.
    answer_time, target, max_occupancy
        The target, as in :func:`required_agents` (default 80/20).

    Returns
    -------
    PoolingEffect of ``separate``, ``pooled`` and ``saved`` agents: pandas Series
    indexed like ``calls`` for a DataFrame, else ints or arrays.

    Examples
    --------
    >>> pooling_effect([100, 100], 180, 1800)  # two queues of 10 Erlangs: 14 + 14 apart, 24 merged
    PoolingEffect(separate=28, pooled=24, saved=4)
    """
    c = check_nonnegative("calls", calls)
    h = check_positive("aht", aht)
    c, h = np.broadcast_arrays(c, h)
    targets = dict(answer_time=answer_time, target=target, max_occupancy=max_occupancy)
    separate = np.sum(required_agents(c, h, interval, **targets), axis=-1)
    pooled = np.asarray(required_agents(c.sum(axis=-1), _pooled_aht(c, h), interval, **targets))
    parts = (separate, pooled, separate - pooled)
    if isinstance(calls, pd.DataFrame):
        return PoolingEffect(*(pd.Series(p, index=calls.index, name=f)
                               for p, f in zip(parts, PoolingEffect._fields)))
    return PoolingEffect(*(int(p) if np.ndim(p) == 0 else p for p in parts))


def full_time_equivalents(staff_hours, *, hours_per_fte=HOURS_PER_FTE, shrinkage=0.0):
    """Full-time employees (FTE) whose paid hours cover ``staff_hours`` on the phones.

    ``FTE = staff_hours / (hours_per_fte × (1 − shrinkage))``: shrinkage (breaks,
    training, leave, absence) is the share of paid time not available for calls.

    Parameters
    ----------
    staff_hours : float or array
        Hours of agents on the phones (≥ 0), e.g. over a year.
    hours_per_fte : float
        Paid hours of one full-time employee in the same period (> 0; default
        :data:`HOURS_PER_FTE`, 1,984 a year).
    shrinkage : float
        0 ≤ shrinkage < 1.

    Examples
    --------
    >>> full_time_equivalents(3968)  # 2 × 1,984 h
    2.0
    >>> round(full_time_equivalents(1984, shrinkage=0.3), 3)  # 1984 / (1984 × 0.7)
    1.429
    """
    hours = check_nonnegative("staff_hours", staff_hours)
    per_fte = check_positive("hours_per_fte", hours_per_fte)
    s = check_fraction("shrinkage", shrinkage, high_open=True)
    with np.errstate(over="ignore"):
        fte = hours / (per_fte * (1.0 - s))
    check_at_most("staff_hours", np.broadcast_to(hours, fte.shape) if fte.ndim else staff_hours, _FLOAT_MAX,
                  "small enough that staff_hours / (hours_per_fte × (1 − shrinkage)) is finite", mask=fte)
    return float(fte) if fte.ndim == 0 else fte


@dataclass(frozen=True)
class AhtSaving:
    """What a shorter AHT saves: agents per interval, staff-hours, and FTE a year.

    ``agents_now``, ``agents_reduced`` and ``agents_saved`` are per interval (pandas
    Series when the calls were a Series); ``staff_hours_saved`` covers the intervals
    given, ``staff_hours_saved_per_year`` scales it by 365 / ``period_days``, and
    ``fte_saved_per_year`` divides that by the paid hours of an FTE after shrinkage.
    """

    agents_now: object
    agents_reduced: object
    agents_saved: object
    staff_hours_saved: float
    staff_hours_saved_per_year: float
    fte_saved_per_year: float


def aht_reduction_saving(calls, aht, interval, aht_reduction, *, period_days,
                         hours_per_fte=HOURS_PER_FTE, shrinkage=0.0, answer_time=20,
                         target=0.8, max_occupancy=1.0):
    """Agents, staff-hours and FTE a year saved by cutting AHT by ``aht_reduction`` seconds.

    Per interval, :func:`required_agents` at the current AHT and at AHT −
    ``aht_reduction`` (Erlang C, same target); the difference in agents × interval
    is staff-hours on the phones (:func:`agent_hours`), summed over the intervals,
    scaled to a year by 365 / ``period_days`` and turned into FTE with
    :func:`full_time_equivalents`. Because agents come in whole numbers, a small
    centre saves nothing in most intervals and one agent in some; the sum is what
    the second of AHT is worth.

    Parameters
    ----------
    calls : float, array or Series
        Calls offered per interval (≥ 0), e.g. a month of 15-minute intervals.
    aht : float, array or Series
        Current AHT per interval in seconds (> ``aht_reduction``).
    interval : float
        Interval length in seconds (e.g. 900).
    aht_reduction : float
        Seconds taken off every call's handle time (≥ 0).
    period_days : float
        Days the intervals cover (> 0), e.g. 31 for March.
    hours_per_fte, shrinkage
        As in :func:`full_time_equivalents` (default 1,984 paid hours a year, no shrinkage).
    answer_time, target, max_occupancy
        The service target, as in :func:`required_agents` (default 80/20).

    Examples
    --------
    >>> saving = aht_reduction_saving([100, 100], [180, 180], 1800, 20, period_days=1)
    >>> saving.agents_now.tolist(), saving.agents_reduced.tolist()  # 10 → 8.9 Erlangs
    ([14, 14], [12, 12])
    >>> saving.staff_hours_saved, saving.staff_hours_saved_per_year  # 2 intervals × 2 agents × 0.5 h
    (2.0, 730.0)
    """
    h = check_positive("aht", aht)
    cut = check_nonnegative("aht_reduction", aht_reduction)
    check_positive("aht - aht_reduction", h - cut)
    days = check_positive("period_days", period_days)
    targets = dict(answer_time=answer_time, target=target, max_occupancy=max_occupancy)
    now = required_agents(calls, aht, interval, **targets)
    reduced = required_agents(calls, h - cut, interval, **targets)
    if isinstance(calls, pd.Series):
        reduced = pd.Series(reduced, index=calls.index, name="required_agents")
    saved = now - reduced
    hours = float(np.sum(agent_hours(np.asarray(saved), interval)))
    per_year = hours * DAYS_PER_YEAR / float(days)
    fte = full_time_equivalents(per_year, hours_per_fte=hours_per_fte, shrinkage=shrinkage)
    return AhtSaving(now, reduced, saved, hours, per_year, fte)
