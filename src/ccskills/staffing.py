"""Staffing requirements: from calls and AHT per interval to agents, headcount and hours.

Core layer: plain functions over numbers, numpy arrays and pandas objects (no widgets).
Durations in seconds; shrinkage as a fraction of paid time not available for calls.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ccskills._validation import check_fraction, check_nonnegative, check_positive
from ccskills.queueing import agents_for_asa, agents_for_service_level, offered_load

__all__ = ["scheduled_headcount", "required_agents", "agent_hours"]


def scheduled_headcount(agents, shrinkage):
    """People to schedule so that ``agents`` are on the phones after shrinkage.

    ``ceil(agents / (1 − shrinkage))`` (the convention of pyworkforce, turbotab and
    call-center-tools; cran/ErlangC leaves it unrounded), guarded against round-off so
    that 14 / (1 − 0.3) = 20.000000000000004 gives 20.

    Parameters
    ----------
    agents : int or array
        Agents needed on the phones (≥ 0).
    shrinkage : float or array
        Share of paid time lost to breaks, training, absence …, 0 ≤ shrinkage < 1.

    Examples
    --------
    >>> scheduled_headcount(14, 0.3)
    20
    >>> scheduled_headcount(100, 0.4)  # 100 / 0.6 = 166.7
    167
    """
    n = check_nonnegative("agents", agents)
    s = check_fraction("shrinkage", shrinkage, high_open=True)
    heads = np.ceil(np.round(n / (1.0 - s), 9)).astype(np.int64)
    return int(heads) if heads.ndim == 0 else heads


def required_agents(calls, aht, interval, *, answer_time=20, target=0.8, target_asa=None,
                    max_occupancy=1.0, patience=None, max_abandon=None):
    """Agents needed per interval for a service-level (or ASA) target, vectorised.

    The offered load ``calls × aht / interval`` goes to
    :func:`ccskills.queueing.agents_for_service_level` (Erlang C, or Erlang A with
    ``patience``) or, when ``target_asa`` is given, to
    :func:`ccskills.queueing.agents_for_asa`. Accepts pandas Series and keeps their index.

    Examples
    --------
    >>> required_agents(100, 180, 1800)  # 10 Erlangs, 80/20
    14
    >>> required_agents([100, 200], 180, 1800).tolist()  # twice the calls, fewer than twice the agents
    [14, 24]
    """
    load = offered_load(np.asarray(calls, float), aht, interval)
    if target_asa is not None:
        n = agents_for_asa(load, aht, target_asa, max_occupancy=max_occupancy)
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
    hours = n * t / 3600.0
    return float(hours) if hours.ndim == 0 else hours
