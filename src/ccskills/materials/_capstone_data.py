"""The capstone month (综合案例): a fresh month of the simulated centre with four planted problems.

The kit's own generators make it, with a new seed (:data:`SEED`) and in memory (nothing under
``datasets/`` is touched):

- calls: the call-month generator's pieces (``datasets._generate_calls``: roster, queue
  simulation per day, customer outcomes) run over the planners' staffing plan
  (``datasets._calls_model.staffing_plan``) with the chapter-02 stress periods taken out (the
  forecast holds: expected calls = forecast, staffed = required), then two problems planted
  through the generator's own inputs (the staffed agents per interval and the agents' talk factor);
- QA: the QA generator's evaluation sampler (``datasets._generate_quality._evaluations``) over
  these calls and agents, then one planted problem applied to the item results;
- agent-state days and cost lines: the operations generator's pieces
  (``datasets._generate_operations``) over these calls, then one planted problem on one agent.

The simulation runs on the generator's calendar (March 2026, which starts on a Sunday); every
date is then moved forward by :data:`SHIFT` (35 weeks, so weekdays stay) to November 2026,
which also starts on a Sunday, and the 31st day is dropped: the case month is 1-30 Nov 2026.

Planted problems (:data:`PLANTED`), each through a named parameter below:

1. ``afternoon_gap``: aftersales, Mon 16 - Fri 20 Nov, 14:00-18:00: a flu week, only
   :data:`GAP_SHARE` of the scheduled agents on the phones (the plan still says the full number);
2. ``aht_rise``: presales from Mon 23 Nov, every agent's talk time x :data:`AHT_TALK_FACTOR`
   (a new trade-in policy that agents explain at length); the forecast AHT is unchanged;
3. ``qa_information``: team :data:`QA_TEAM` fails the QA item :data:`QA_ITEM` (信息准确完整) far
   more often: each evaluation of that team whose item passed is turned to failed with
   probability :data:`QA_EXTRA_FAIL` (a seeded draw);
4. ``not_ready``: one aftersales agent (:func:`not_ready_agent`: the team-A3 agent with the most
   worked days, ties by id) spends :data:`NOT_READY_SHARE` of their available time in not-ready
   instead, every day (available_s moves to not_ready_s; logged-in and paid time unchanged).

Same seed, same tables.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import numpy as np
import pandas as pd

__all__ = ["SEED", "SHIFT", "CaseMonth", "case_month", "PLANTED", "not_ready_agent"]

SEED = 20261101
SHIFT = pd.Timedelta(weeks=35)
MONTH_START, MONTH_END = pd.Timestamp("2026-11-01"), pd.Timestamp("2026-12-01")

GAP_QUEUE, GAP_DAYS, GAP_HOURS, GAP_SHARE = "aftersales", range(16, 21), (14, 18), 0.65
AHT_QUEUE, AHT_FROM_DAY, AHT_TALK_FACTOR = "presales", 23, 1.30
QA_TEAM, QA_ITEM, QA_EXTRA_FAIL = "A2", "information", 0.5
NOT_READY_TEAM, NOT_READY_SHARE = "A3", 0.8

PLANTED = ("afternoon_gap", "aht_rise", "qa_information", "not_ready")


class CaseMonth(NamedTuple):
    """The generated month: call records, agents, the interval plan, QA tables, agent states, costs."""

    calls: pd.DataFrame
    agents: pd.DataFrame
    plan: pd.DataFrame
    scorecard: pd.DataFrame
    evaluations: pd.DataFrame
    items: pd.DataFrame
    agent_states: pd.DataFrame
    costs: pd.DataFrame


def _plan() -> pd.DataFrame:
    """The staffing plan with the forecast holding, and the afternoon gap planted in staffed agents."""
    from ccskills.datasets import _calls_model as m

    plan = m.staffing_plan()
    plan["expected_calls"] = plan["forecast_calls"]
    plan["scheduled_agents"] = plan["required_agents"]
    start = plan["interval_start"]
    gap = ((plan["queue"] == GAP_QUEUE) & start.dt.day.isin(list(GAP_DAYS))
           & (start.dt.hour >= GAP_HOURS[0]) & (start.dt.hour < GAP_HOURS[1])).to_numpy()
    short = np.ceil(plan["required_agents"].to_numpy() * GAP_SHARE - 1e-9).astype(int)
    plan["staffed_agents"] = np.where(gap, short, plan["required_agents"])
    return plan


def _simulate_calls(rng, plan: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The generator's month loop over ``plan``; presales agents talk longer from AHT_FROM_DAY."""
    from ccskills.datasets import _calls_model as m
    from ccskills.datasets import _generate_calls as g

    frames, rosters = [], []
    for queue in m.QUEUES:
        qplan = plan[plan["queue"] == queue].reset_index(drop=True)
        agents, shifts = g._roster(queue, qplan, rng)
        slower = agents.assign(talk_factor=agents["talk_factor"] * AHT_TALK_FACTOR)
        for d in range(m.DAYS):
            day_plan = qplan.iloc[d * m.INTERVALS_PER_DAY: (d + 1) * m.INTERVALS_PER_DAY]
            who = slower if queue == AHT_QUEUE and d + 1 >= AHT_FROM_DAY else agents
            calls = g._simulate_queue_day(queue, d + 1, day_plan, who, shifts[d], rng)
            ids = agents["agent_id"].to_numpy()
            calls["agent_id"] = np.where(calls["agent_index"] >= 0, ids[calls["agent_index"]], None)
            frames.append(calls)
        rosters.append(agents)
    calls = pd.concat(frames, ignore_index=True).sort_values(["arrival", "queue"], kind="stable",
                                                            ignore_index=True)
    agents = pd.concat(rosters, ignore_index=True)
    return g._customer_outcomes(calls, agents, rng), agents


def _plant_qa(items: pd.DataFrame, evaluations: pd.DataFrame, rng) -> pd.DataFrame:
    team = evaluations.set_index("evaluation_id")["team"]
    hit = (items["item_id"] == QA_ITEM).to_numpy() & (items["evaluation_id"].map(team) == QA_TEAM).to_numpy()
    flip = hit & items["passed"].to_numpy() & (rng.random(len(items)) < QA_EXTRA_FAIL)
    return items.assign(passed=items["passed"].to_numpy() & ~flip)


def not_ready_agent(agent_states: pd.DataFrame) -> str:
    """The agent of team :data:`NOT_READY_TEAM` with the most worked days (ties: lowest id)."""
    team = agent_states[agent_states["team"] == NOT_READY_TEAM]
    days = team.groupby("agent_id")["date"].nunique()
    return str(days[days == days.max()].index.min())


def _plant_not_ready(states: pd.DataFrame) -> pd.DataFrame:
    who = (states["agent_id"] == not_ready_agent(states)).to_numpy()
    moved = np.where(who, np.floor(states["available_s"].to_numpy() * NOT_READY_SHARE), 0).astype(np.int64)
    return states.assign(available_s=states["available_s"] - moved, not_ready_s=states["not_ready_s"] + moved)


def _shift_calls(calls: pd.DataFrame) -> pd.DataFrame:
    """Calls moved to the case month; call ids (``C`` + yymmdd + sequence) follow their date."""
    arrival = calls["arrival"] + SHIFT
    ids = "C" + arrival.dt.strftime("%y%m%d") + calls["call_id"].str[-5:]
    return calls.assign(call_id=ids, arrival=arrival)


def _shift(frame: pd.DataFrame, *columns) -> pd.DataFrame:
    return frame.assign(**{col: frame[col] + SHIFT for col in columns})


@lru_cache(maxsize=2)
def case_month(seed: int = SEED) -> CaseMonth:
    """Generate the capstone month for ``seed`` (see the module docstring); cached per seed."""
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed must be a whole number >= 0, got {seed!r}")
    from ccskills.datasets import _generate_calls as g
    from ccskills.datasets import _generate_operations as ops
    from ccskills.datasets import _generate_quality as qa
    from ccskills.datasets import validate_agents, validate_call_records

    rng = np.random.default_rng(seed)
    plan = _plan()
    raw, roster = _simulate_calls(rng, plan)
    calls = validate_call_records(g._finish_calls(raw))
    agents = validate_agents(g._finish_agents(roster, calls))
    last = g.m.MONTH_START + pd.Timedelta(days=(MONTH_END - MONTH_START).days)  # 31 Mar -> 1 Dec: dropped
    calls = calls[calls["arrival"] < last].reset_index(drop=True)
    plan = plan[plan["interval_start"] < last].reset_index(drop=True)
    plan = plan.assign(forecast_calls=plan["forecast_calls"].round(2),  # as the committed plan is rounded
                       forecast_aht_s=plan["forecast_aht_s"].round().astype(np.int64))
    evaluations, items = qa._evaluations(rng, agents, calls)
    items = _plant_qa(items, evaluations, rng)
    states = _plant_not_ready(ops._agent_states(calls, agents, rng))
    costs = ops._cost_lines(calls, agents, states, rng).assign(month=MONTH_START)
    new_id = dict(zip(calls["call_id"], _shift_calls(calls)["call_id"]))
    evaluations = _shift(evaluations.assign(call_id=evaluations["call_id"].map(new_id)), "evaluated_on")
    return CaseMonth(_shift_calls(calls), _shift(agents, "hire_date"),
                     _shift(plan, "interval_start").drop(columns=["stress", "expected_calls"]),
                     qa.scorecard(), evaluations, items, _shift(states, "date"), costs)
