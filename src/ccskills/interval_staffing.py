"""What the Erlang calculator computes, without widgets: typed inputs in, typed answer out.

:func:`solve` is the whole computation as one call; it only calls
``ccskills.queueing`` (Erlang C, or Erlang A when a patience is given) and
``ccskills.staffing`` (headcount after shrinkage), and formats
nothing. Bad input raises the library's ``ValueError``/``TypeError``, which the
widget (:mod:`ccskills.apps.erlang`) turns into a translated sentence.

:func:`plan_day` asks the same question of every interval of a day (calls and AHT per
interval in, agents, headcount, hours and cost out) through
:func:`ccskills.staffing.plan_staffing`, so the calculator and the planner share one chain.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ccskills.queueing import agents_for_asa, agents_for_service_level, offered_load
from ccskills.queueing._figures import queue_figures
from ccskills.queueing._limits import MAX_AGENTS
from ccskills.staffing import StaffingPlan, plan_staffing, scheduled_headcount

__all__ = ["ErlangInputs", "ErlangAnswer", "solve", "around", "queue_table", "TABLE_COLUMNS", "plan_day"]

SPAN = 5
"""The table shows the answer ± this many agents."""

TABLE_COLUMNS = ("agents", "service_level", "asa", "p_wait", "occupancy", "abandonment")
"""Columns of :attr:`ErlangAnswer.table`; fractions 0..1, ASA in seconds."""


@dataclass(frozen=True)
class ErlangInputs:
    """What the calculator asks, in library units (seconds, fractions).

    ``target_kind`` is ``"sl"`` (``target_sl`` within ``answer_time``) or ``"asa"``
    (``target_asa``). ``patience`` None means Erlang C, a number means Erlang A.
    """

    calls: float = 100.0
    interval: float = 1800.0
    aht: float = 180.0
    target_kind: str = "sl"
    target_sl: float = 0.8
    answer_time: float = 20.0
    target_asa: float = 30.0
    max_occupancy: float = 0.85
    shrinkage: float = 0.3
    patience: float | None = None


@dataclass(frozen=True)
class ErlangAnswer:
    """Required agents, scheduled headcount and the queue they give.

    ``table`` has :data:`TABLE_COLUMNS`, one row per agent count from
    ``agents - SPAN`` (at least 1) to ``agents + SPAN``; ``abandonment`` is NaN
    under Erlang C. ``capped`` is True when the occupancy cap, not the target,
    set the number of agents.
    """

    load: float
    agents: int
    headcount: int
    service_level: float
    asa: float
    p_wait: float
    occupancy: float
    abandonment: float
    capped: bool
    table: pd.DataFrame


def around(agents: int, span: int = SPAN) -> np.ndarray:
    """Agent counts ``agents - span … agents + span``, from 1 up to the queueing limit (2,000,000)."""
    return np.arange(max(1, agents - span), min(agents + span, int(MAX_AGENTS)) + 1)


def _required(inputs: ErlangInputs, load: float, max_occupancy: float) -> int:
    """The core's staffing search for the chosen target."""
    if inputs.target_kind == "asa":
        return agents_for_asa(load, inputs.aht, inputs.target_asa, max_occupancy=max_occupancy,
                              patience=inputs.patience)
    return agents_for_service_level(load, inputs.aht, inputs.answer_time, inputs.target_sl,
                                    max_occupancy=max_occupancy, patience=inputs.patience)


def queue_table(agents: np.ndarray, load: float, inputs: ErlangInputs) -> pd.DataFrame:
    """SL, ASA, P(wait), occupancy (and abandonment under Erlang A) for each agent count."""
    f = queue_figures(agents, load, inputs.aht, inputs.answer_time, inputs.patience)
    # abandonment is not modelled without a patience: shown as missing, not 0
    abandonment = np.full(agents.shape, np.nan) if inputs.patience is None else f["abandon_rate"]
    columns = (f["service_level"], f["asa_s"], f["p_wait"], f["occupancy"], abandonment)
    data = {"agents": agents, **{name: np.broadcast_to(np.asarray(col, float), agents.shape)
                                 for name, col in zip(TABLE_COLUMNS[1:], columns)}}
    return pd.DataFrame(data)


def solve(inputs: ErlangInputs) -> ErlangAnswer:
    """Required agents for ``inputs`` and the queue around them (raises ValueError on bad input).

    >>> answer = solve(ErlangInputs(calls=100, interval=1800, aht=180, target_sl=0.8,
    ...                             answer_time=20, max_occupancy=1.0, shrinkage=0.3))
    >>> answer.load, answer.agents, answer.headcount
    (10.0, 14, 20)
    """
    load = offered_load(inputs.calls, inputs.aht, inputs.interval)
    agents = _required(inputs, load, inputs.max_occupancy)
    headcount = scheduled_headcount(agents, inputs.shrinkage)
    capped = inputs.max_occupancy < 1 and agents > _required(inputs, load, 1.0)
    table = queue_table(around(agents), load, inputs)
    return ErlangAnswer(load=float(load), agents=int(agents), headcount=headcount,
                        capped=bool(capped), table=table, **_row(table, agents))


def _row(table: pd.DataFrame, agents: int) -> dict[str, float]:
    """The table's figures at ``agents``; NaN when it has no such row (0 agents for no calls)."""
    rows = table[table["agents"] == agents]
    return {name: float(rows[name].iloc[0]) if len(rows) else float("nan")
            for name in TABLE_COLUMNS[1:]}


def plan_day(calls: pd.Series, aht, inputs: ErlangInputs, hourly_cost: float | None = None) -> StaffingPlan:
    """The calculator's question for every interval of a day: :func:`~ccskills.staffing.plan_staffing`
    with ``inputs``' target (service level or ASA), occupancy cap, shrinkage and model.

    ``calls`` is a Series on the intervals' start times, ``aht`` seconds (a number or a Series on the
    same index; NaN allowed where calls are 0). The interval length comes from the times (the
    smallest step within a day), or ``inputs.interval`` when the day has a single interval.
    ``hourly_cost`` (per paid hour) adds the ``cost`` column. ``inputs.calls`` and ``inputs.aht``
    are not used.

    >>> idx = pd.date_range("2026-03-02 09:00", periods=2, freq="30min")
    >>> day = plan_day(pd.Series([100.0, 300.0], index=idx), 180, ErlangInputs(max_occupancy=1.0), 45)
    >>> day.intervals[["required", "scheduled", "paid_hours", "cost"]].to_numpy().tolist()
    [[14.0, 20.0, 10.0, 450.0], [35.0, 50.0, 25.0, 1125.0]]
    """
    sl = inputs.target_kind != "asa"
    return plan_staffing(calls, aht, target_sl=inputs.target_sl if sl else None,
                         answer_time=inputs.answer_time, target_asa=None if sl else inputs.target_asa,
                         patience=inputs.patience, max_occupancy=inputs.max_occupancy,
                         shrinkage=inputs.shrinkage, hourly_cost=hourly_cost,
                         interval=inputs.interval if len(calls) == 1 else None)
