"""Generate the call-record month (March 2026, two queues) by simulating the queue.

Recipe, per queue and day (seed :data:`SEED`, one ``numpy.random.Generator``):

1. the staffing plan and true expected volume per 15-minute interval
   (``_calls_model.staffing_plan``);
2. Poisson arrivals per interval (expected volume x day noise x interval noise),
   uniform within the interval, whole seconds;
3. callers' patience: exponential (mean :data:`PATIENCE_MEAN`); a share
   :data:`MISDIAL_SHARE` are misdials who hang up within 5 s whatever the queue;
4. FCFS queue with the planned agents (``_simulate.simulate_day``), queue capacity
   :data:`QUEUE_CAPACITY` waiting callers (beyond it: blocked);
5. talk, hold and after-call work from lognormals whose means depend on queue,
   time of day and the answering agent's tenure; the agent's busy time is their sum;
6. transfer, first-contact resolution and CSAT from logistic models of handle
   time, hold, wait, transfer and tenure; most calls have no survey.

The result is reproducible byte for byte: same seed, same files.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from . import _calls_model as m
from ._csv import write_tables
from ._simulate import ABANDONED, ANSWERED, BLOCKED, simulate_day

SEED = 20260301
PATIENCE_MEAN = {"presales": 180.0, "aftersales": 300.0}
MISDIAL_SHARE = 0.015
QUEUE_CAPACITY = {"presales": 6, "aftersales": 9}
DAY_NOISE_SD, INTERVAL_NOISE_SD = 0.05, 0.10
SIGMA = {"talk": 0.55, "hold": 0.6, "acw": 0.5}
EARLY_SHIFT_INTERVALS = 28  # 08:00-15:00 early shift, 15:00-22:00 late shift
TEAMS = {"presales": ("P1", "P2"), "aftersales": ("A1", "A2", "A3")}
#: tenure band -> (share of agents, hire-date range, talk factor, ACW factor,
#:                 FCR logit shift, transfer logit shift)
TENURE = {
    "new": (0.15, ("2025-12-01", "2026-02-20"), 1.25, 1.30, -0.5, 0.6),
    "mid": (0.25, ("2025-03-01", "2025-11-30"), 1.05, 1.05, -0.15, 0.2),
    "veteran": (0.60, ("2019-06-01", "2025-02-28"), 0.95, 0.95, 0.1, 0.0),
}
BASE_TRANSFER = {"presales": 0.04, "aftersales": 0.09}
BASE_FCR = {"presales": 0.90, "aftersales": 0.82}
FCR_FLAG_MISSING = 0.06

OUTCOME_NAMES = np.array(["answered", "abandoned", "blocked"])
assert (ANSWERED, ABANDONED, BLOCKED) == (0, 1, 2)


class CallMonth(NamedTuple):
    """The generated tables: call records, agents and the interval staffing plan."""

    calls: pd.DataFrame
    agents: pd.DataFrame
    staffing: pd.DataFrame


def _logit(p):
    return math.log(p / (1 - p))


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


def _roster(queue: str, plan: pd.DataFrame, rng) -> tuple[pd.DataFrame, dict]:
    """Agents of one queue and, per day, which agent works each early/late slot."""
    staffed = plan["staffed_agents"].to_numpy().reshape(m.DAYS, m.INTERVALS_PER_DAY)
    need = np.stack(
        [staffed[:, :EARLY_SHIFT_INTERVALS].max(1), staffed[:, EARLY_SHIFT_INTERVALS:].max(1)], 1
    )
    weekday = (m.MONTH_START.weekday() + np.arange(m.DAYS)) % 7
    size = int(math.ceil(need.sum(1).max() * 7 / 5))
    while True:  # two consecutive rest days per agent, staggered by index
        rests = [{i % 7, (i + 1) % 7} for i in range(size)]
        avail = [[i for i in range(size) if w not in rests[i]] for w in weekday]
        if all(len(a) >= need[d].sum() for d, a in enumerate(avail)):
            break
        size += 1
    bands = rng.choice(list(TENURE), size=size, p=[t[0] for t in TENURE.values()])
    days = {}
    for d in range(m.DAYS):
        order = rng.permutation(avail[d])
        days[d] = (order[: need[d, 0]], order[need[d, 0] : need[d].sum()])
    prefix = queue[0].upper()
    agents = pd.DataFrame(
        {
            "agent_id": [f"{prefix}{i + 1:03d}" for i in range(size)],
            "team": [TEAMS[queue][i % len(TEAMS[queue])] for i in range(size)],
            "queue": queue,
            "hire_date": [_hire_date(TENURE[b][1], rng) for b in bands],
            "talk_factor": [TENURE[b][2] for b in bands] * np.exp(0.08 * rng.standard_normal(size)),
            "acw_factor": [TENURE[b][3] for b in bands],
            "fcr_shift": [TENURE[b][4] for b in bands] + 0.2 * rng.standard_normal(size),
            "transfer_shift": [TENURE[b][5] for b in bands],
        }
    )
    return agents, days


def _hire_date(bounds, rng) -> pd.Timestamp:
    lo, hi = (pd.Timestamp(b) for b in bounds)
    return lo + pd.Timedelta(days=int(rng.integers(0, (hi - lo).days + 1)))


def _arrivals(expected: np.ndarray, rng) -> np.ndarray:
    """Whole-second arrival times (after opening) for one day: Poisson count per interval."""
    rate = expected * math.exp(DAY_NOISE_SD * rng.standard_normal() - DAY_NOISE_SD**2 / 2)
    noise = INTERVAL_NOISE_SD * rng.standard_normal(len(expected)) - INTERVAL_NOISE_SD**2 / 2
    rate = rate * np.exp(noise)
    counts = rng.poisson(rate)
    starts = np.repeat(np.arange(len(expected)) * m.INTERVAL_S, counts)
    return np.sort(starts + rng.integers(0, m.INTERVAL_S, size=counts.sum()))


def _simulate_queue_day(queue, day, plan_day, agents, shifts, rng) -> pd.DataFrame:
    """One queue, one day: arrivals, queue simulation and handle times."""
    arrivals = _arrivals(plan_day["expected_calls"].to_numpy(), rng)
    n = len(arrivals)
    misdial = rng.random(n) < MISDIAL_SHARE
    patience = np.where(misdial, rng.uniform(0.5, 5.0, n), rng.exponential(PATIENCE_MEAN[queue], n))
    z = rng.standard_normal((3, n))
    u_hold = rng.random(n)
    h = m.HANDLING[queue]
    mu = {k: m.lognormal_mu(h[k], SIGMA[k]) for k in ("talk", "hold", "acw")}
    talk_f, acw_f = agents["talk_factor"].to_numpy(), agents["acw_factor"].to_numpy()
    hours = m.OPEN_HOUR + np.arange(m.INTERVALS_PER_DAY) * m.INTERVAL_S / 3600
    tf = m.talk_factor(queue, hours, np.full(len(hours), day)).tolist()
    times = np.zeros((3, n), dtype=np.int64)
    agent_of = np.full(n, -1, dtype=np.int64)

    def handle_time(i: int, slot: int, at: float) -> int:
        k = min(int(at // m.INTERVAL_S), m.INTERVALS_PER_DAY - 1)
        a = shifts[0 if k < EARLY_SHIFT_INTERVALS else 1][slot]
        talk = max(10, round(math.exp(mu["talk"] + SIGMA["talk"] * z[0, i]) * tf[k] * talk_f[a]))
        held = u_hold[i] < h["hold_share"]
        hold = round(math.exp(mu["hold"] + SIGMA["hold"] * z[1, i])) if held else 0
        acw = max(3, round(math.exp(mu["acw"] + SIGMA["acw"] * z[2, i]) * acw_f[a]))
        times[:, i] = (talk, hold, acw)
        agent_of[i] = a
        return talk + hold + acw

    staffed = plan_day["staffed_agents"].to_numpy()
    outcome, wait, _, _ = simulate_day(
        arrivals, patience, misdial, staffed, m.INTERVAL_S, QUEUE_CAPACITY[queue], handle_time
    )
    wait = np.where(outcome == ABANDONED, np.maximum(1, np.rint(wait)), np.rint(wait))
    open_at = m.MONTH_START + pd.Timedelta(days=day - 1, hours=m.OPEN_HOUR)
    return pd.DataFrame(
        {
            "queue": queue,
            "arrival": open_at + pd.to_timedelta(arrivals, unit="s"),
            "outcome_code": outcome,
            "wait_s": wait.astype(np.int64),
            "talk_s": times[0],
            "hold_s": times[1],
            "acw_s": times[2],
            "agent_index": agent_of,
        }
    )


def _customer_outcomes(calls: pd.DataFrame, agents: pd.DataFrame, rng) -> pd.DataFrame:
    """Transfer, first-contact resolution and CSAT for the answered calls (vectorised)."""
    n = len(calls)
    answered = calls["outcome_code"].to_numpy() == ANSWERED
    queue = calls["queue"].to_numpy()
    agent = agents.set_index("agent_id").reindex(calls["agent_id"].fillna(""))
    per_queue = pd.Series(queue)
    mean_talk = per_queue.map({q: h["talk"] for q, h in m.HANDLING.items()}).to_numpy()
    log_talk = np.log(np.maximum(calls["talk_s"].to_numpy(), 1) / mean_talk)
    base_t = per_queue.map({q: _logit(p) for q, p in BASE_TRANSFER.items()}).to_numpy()
    p_transfer = _sigmoid(base_t + 0.8 * log_talk + agent["transfer_shift"].fillna(0).to_numpy())
    transferred = answered & (rng.random(n) < p_transfer)
    base_f = per_queue.map({q: _logit(p) for q, p in BASE_FCR.items()}).to_numpy()
    held = calls["hold_s"].to_numpy() > 0
    x = base_f - 1.8 * transferred - 0.5 * held - 0.3 * log_talk + agent["fcr_shift"].fillna(0).to_numpy()
    resolved = rng.random(n) < _sigmoid(x)
    flagged = answered & (rng.random(n) >= FCR_FLAG_MISSING)
    surveyed = answered & (rng.random(n) < np.where(resolved, 0.10, 0.16))
    wait = calls["wait_s"].to_numpy()
    latent = (
        2.6 + 1.3 * resolved - 0.7 * transferred - 1.0 * np.minimum(wait, 240) / 120
        - 0.3 * np.maximum(log_talk, 0) + rng.logistic(0, 0.7, n)
    )
    score = 1 + np.searchsorted(np.array([0.5, 1.5, 2.4, 3.2]), latent)
    calls["transferred"] = transferred
    calls["resolved_first_contact"] = pd.array(np.where(flagged, resolved, False), dtype="boolean")
    calls.loc[~flagged, "resolved_first_contact"] = pd.NA
    calls["csat"] = pd.array(np.where(surveyed, score, 0), dtype="Int64")
    calls.loc[~surveyed, "csat"] = pd.NA
    return calls


def generate(seed: int = SEED) -> CallMonth:
    """Simulate the month and return the three tables with the committed column order."""
    rng = np.random.default_rng(seed)
    plan = m.staffing_plan()
    frames, rosters = [], []
    for queue in m.QUEUES:
        qplan = plan[plan["queue"] == queue].reset_index(drop=True)
        agents, shifts = _roster(queue, qplan, rng)
        for d in range(m.DAYS):
            day_plan = qplan.iloc[d * m.INTERVALS_PER_DAY : (d + 1) * m.INTERVALS_PER_DAY]
            calls = _simulate_queue_day(queue, d + 1, day_plan, agents, shifts[d], rng)
            calls["agent_id"] = np.where(
                calls["agent_index"] >= 0, agents["agent_id"].to_numpy()[calls["agent_index"]], None
            )
            frames.append(calls)
        rosters.append(agents)
    calls = pd.concat(frames, ignore_index=True)
    agents = pd.concat(rosters, ignore_index=True)
    calls = calls.sort_values(["arrival", "queue"], kind="stable", ignore_index=True)
    calls = _customer_outcomes(calls, agents, rng)
    return CallMonth(_finish_calls(calls), _finish_agents(agents, calls), _finish_staffing(plan))


def _finish_calls(calls: pd.DataFrame) -> pd.DataFrame:
    answered = calls["outcome_code"].to_numpy() == ANSWERED
    day = calls["arrival"].dt.strftime("%y%m%d")
    seq = calls.groupby(day).cumcount() + 1
    out = pd.DataFrame(
        {
            "call_id": "C" + day + seq.map("{:05d}".format),
            "queue": calls["queue"],
            "arrival": calls["arrival"],
            "outcome": OUTCOME_NAMES[calls["outcome_code"].to_numpy()],
            "wait_s": calls["wait_s"],
        }
    )
    for col in ("talk_s", "hold_s", "acw_s"):
        out[col] = pd.array(np.where(answered, calls[col], 0), dtype="Int64")
        out.loc[~answered, col] = pd.NA
    out["agent_id"] = calls["agent_id"]
    for col in ("transferred", "resolved_first_contact", "csat"):
        out[col] = calls[col]
    return out


def _finish_agents(agents: pd.DataFrame, calls: pd.DataFrame) -> pd.DataFrame:
    seen = agents["agent_id"].isin(calls["agent_id"].dropna())
    return agents.loc[seen, ["agent_id", "team", "queue", "hire_date"]].reset_index(drop=True)


def _finish_staffing(plan: pd.DataFrame) -> pd.DataFrame:
    columns = ["queue", "interval_start", "forecast_calls", "forecast_aht_s",
               "required_agents", "staffed_agents"]
    out = plan[columns].copy()
    out["forecast_calls"] = out["forecast_calls"].round(2)
    out["forecast_aht_s"] = out["forecast_aht_s"].round().astype(np.int64)
    return out


FILES = {"calls": "call_records.csv", "agents": "agents.csv", "staffing": "call_staffing.csv"}


def write_datasets(directory, seed: int = SEED) -> list[Path]:
    """Generate the month and write the CSV files into ``directory``; returns their paths."""
    return write_tables(generate(seed)._asdict(), FILES, directory)
