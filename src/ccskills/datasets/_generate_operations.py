"""Generate the operations month (March 2026): survey responses, agent-state time and cost lines.

Built on the committed call records and agents (``call_records.csv``, ``agents.csv``)
with one seeded ``numpy.random.Generator`` (:data:`SEED`), so the three files agree
with the calls to the second and to the call:

1. ``survey``: every call with a CSAT score is one respondent (same ``call_id``,
   agent, CSAT); their NPS answer (0-10) follows the CSAT score and their effort
   answer (CES, 1-7, 7 = very easy) falls with waiting, transfers and unresolved
   calls. A share :data:`UNLINKED_SHARE` of extra respondents reached the survey
   without a call match (``call_id`` missing); some skip the NPS or CES question.
2. ``agent_states``: one row per agent and working day. Talk, hold and after-call
   work are the sums of that agent's answered calls that day. *Staffed* time is
   the 15-minute intervals in which the agent was on a call or between calls
   (gaps of one interval filled); idle staffed time is ``available_s``. Paid day =
   :data:`PAID_DAY_S` (a 7-hour phone window plus breaks and meetings); logged-in
   time = paid time minus breaks, meetings/training/coaching and late log-ins;
   what is logged in but neither available nor handling is ``not_ready_s``
   (back-office work, e-mail, personal time).
3. ``cost_lines``: March 2026 costs in CNY per queue and category (labour,
   telecom, IT, facilities, management overhead, training, recruitment) with the
   budget; shared lines are allocated to the queues by logged-in hours.

Deliberately in it for the lessons: occupancy near 85-90 % on the late shift
(the evening shortfall of the calls), a few new agents with long training time,
training over budget (new hires), telecom over budget (the 3.8 promotion).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ._csv import write_tables

SEED = 20260302
FILES = {
    "survey": "operations/survey_responses.csv",
    "agent_states": "operations/agent_states.csv",
    "costs": "operations/cost_lines.csv",
}
INTERVAL_S = 900
PAID_DAY_S = 8 * 3600
BREAKS_S = 1800
UNLINKED_SHARE = 0.05
NPS_SKIP, CES_SKIP = 0.03, 0.08
MONTH = pd.Timestamp("2026-03-01")

#: Monthly fully loaded cost per head in CNY (salary + social insurance + housing fund).
AGENT_MONTHLY_CNY = 7800.0
TEAM_LEADER_MONTHLY_CNY = 13500.0
#: Centre-level staff shared by both queues (manager, WFM, QA, trainer), CNY per month.
SHARED_STAFF_CNY = {"manager": 32000.0, "wfm": 2 * 14000.0, "qa": 4 * 11000.0, "trainer": 2 * 12000.0}
TELECOM_PER_MIN_CNY = 0.12
TELECOM_LINES_CNY = {"presales": 6000.0, "aftersales": 9000.0}
IT_PER_SEAT_CNY = 420.0
IT_PLATFORM_CNY = 38000.0
FACILITIES_PER_SEAT_CNY = 1100.0
TRAINING_NEW_HIRE_CNY = 2600.0
RECRUITMENT_CNY = {"presales": 9000.0, "aftersales": 15000.0}
SEAT_RATIO = 0.6  # seats per agent head: two shifts share a seat


def _read_calls(directory) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The calls and agents this month is built on: those just written into ``directory`` by
    ``regenerate`` (the calls generator runs first), else the committed ones."""
    from . import load_agents, load_call_records, validate_agents, validate_call_records

    folder = None if directory is None else Path(directory)
    if folder is None or not (folder / "call_records.csv").is_file():
        return load_call_records(), load_agents()
    text = {c: str for c in ("call_id", "queue", "outcome", "agent_id")}
    calls = pd.read_csv(folder / "call_records.csv", dtype=text, keep_default_na=False, na_values=[""])
    agents = pd.read_csv(folder / "agents.csv", dtype=str, keep_default_na=False, na_values=[""])
    return validate_call_records(calls), validate_agents(agents)


# ------------------------------------------------------------------ survey

def _survey(calls: pd.DataFrame, rng) -> pd.DataFrame:
    """Respondent-level CSAT / NPS / CES, linked to call_id for every call with a CSAT score."""
    rated = calls[calls["csat"].notna()].reset_index(drop=True)
    n_extra = int(round(UNLINKED_SHARE * len(rated)))
    answered = calls[calls["outcome"] == "answered"]
    extra = answered.iloc[np.sort(rng.choice(len(answered), n_extra, replace=False))]
    extra = extra.assign(call_id=pd.NA, csat=pd.NA).reset_index(drop=True)
    frame = pd.concat([rated, extra], ignore_index=True)
    n = len(frame)
    linked = frame["call_id"].notna().to_numpy()
    resolved = frame["resolved_first_contact"].fillna(True).to_numpy(dtype=bool)
    transferred = frame["transferred"].to_numpy(dtype=bool)
    wait = frame["wait_s"].to_numpy(dtype=float)
    latent = 2.6 + 1.3 * resolved - 0.7 * transferred - np.minimum(wait, 240) / 120
    latent = latent + rng.logistic(0, 0.7, n)
    new_csat = 1 + np.searchsorted(np.array([0.5, 1.5, 2.4, 3.2]), latent)
    csat = np.where(linked, frame["csat"].fillna(0).to_numpy(dtype=float), new_csat)
    nps = np.clip(np.rint(2.1 * csat - 1.2 + rng.normal(0, 1.3, n)), 0, 10)
    ces = 5.9 - 1.1 * transferred - 1.2 * ~resolved - np.minimum(wait, 300) / 100
    ces = np.clip(np.rint(ces + rng.normal(0, 0.9, n)), 1, 7)
    delay = rng.integers(600, 2 * 86400, n)
    out = pd.DataFrame(
        {
            "call_id": frame["call_id"].astype("string"),
            "queue": frame["queue"],
            "agent_id": frame["agent_id"],
            "responded_at": (frame["arrival"] + pd.to_timedelta(delay, unit="s")).dt.floor("s"),
            "csat": pd.array(csat.astype(np.int64), dtype="Int64"),
            "nps": pd.array(nps.astype(np.int64), dtype="Int64"),
            "ces": pd.array(ces.astype(np.int64), dtype="Int64"),
        }
    )
    out.loc[rng.random(n) < NPS_SKIP, "nps"] = pd.NA
    out.loc[rng.random(n) < CES_SKIP, "ces"] = pd.NA
    out = out.sort_values(["responded_at", "queue", "agent_id"], kind="stable", ignore_index=True)
    out.insert(0, "response_id", [f"S{i + 1:05d}" for i in range(len(out))])
    return out


# ------------------------------------------------------------------ agent states

def _staffed_intervals(answered: pd.DataFrame) -> pd.DataFrame:
    """Per agent and day: staffed 15-minute intervals (on a call or between calls, 1-gap filled)."""
    start = answered["arrival"] + pd.to_timedelta(answered["wait_s"], unit="s")
    handle = (answered["talk_s"] + answered["hold_s"] + answered["acw_s"]).astype("int64")
    end = start + pd.to_timedelta(handle, unit="s")
    day = answered["arrival"].dt.normalize()
    first = ((start - day).dt.total_seconds() // INTERVAL_S).astype(np.int64)
    last = ((end - day).dt.total_seconds() // INTERVAL_S).astype(np.int64)
    span = pd.DataFrame({"agent_id": answered["agent_id"].to_numpy(), "date": day.to_numpy(),
                         "k": [np.arange(a, b + 1) for a, b in zip(first, last)]})
    slots = span.explode("k").drop_duplicates().astype({"k": np.int64})
    slots = slots.sort_values(["agent_id", "date", "k"], ignore_index=True)
    gap = slots.groupby(["agent_id", "date"])["k"].diff().fillna(1).to_numpy()
    filled = np.where(gap == 2, 2, 1)  # a single idle interval between busy ones counts as staffed
    slots["n"] = filled
    return slots.groupby(["agent_id", "date"], sort=True).agg(
        staffed_intervals=("n", "sum"), first_k=("k", "min"))


def _agent_states(calls: pd.DataFrame, agents: pd.DataFrame, rng) -> pd.DataFrame:
    answered = calls[calls["outcome"] == "answered"].copy()
    answered["date"] = answered["arrival"].dt.normalize()
    parts = answered.groupby(["agent_id", "date"], sort=True)[["talk_s", "hold_s", "acw_s"]].sum()
    parts = parts.astype(np.int64).join(_staffed_intervals(answered))
    handle = parts[["talk_s", "hold_s", "acw_s"]].sum(axis=1).to_numpy()
    staffed = np.maximum(parts["staffed_intervals"].to_numpy() * INTERVAL_S, handle + 60)
    n = len(parts)
    index = parts.index.to_frame(index=False)
    info = agents.set_index("agent_id").reindex(index["agent_id"])
    tenure_days = (index["date"] - info["hire_date"].to_numpy()).dt.days.to_numpy()
    new = tenure_days < 90
    training = rng.choice([0, 0, 0, 1800, 3600], n) + np.where(new, rng.choice([1800, 3600], n), 0)
    late = np.where(rng.random(n) < 0.08, rng.integers(60, 900, n), 0)
    offline = BREAKS_S + training + late
    logged_in = np.maximum(PAID_DAY_S - offline, staffed + 120)
    out = pd.DataFrame(
        {
            "date": index["date"],
            "agent_id": index["agent_id"],
            "team": info["team"].to_numpy(),
            "queue": info["queue"].to_numpy(),
            "shift": np.where(parts["first_k"].to_numpy() < 15 * 4, "early", "late"),
            "paid_s": PAID_DAY_S,
            "logged_in_s": logged_in.astype(np.int64),
            "available_s": (staffed - handle).astype(np.int64),
            "talk_s": parts["talk_s"].to_numpy(),
            "hold_s": parts["hold_s"].to_numpy(),
            "acw_s": parts["acw_s"].to_numpy(),
            "not_ready_s": (logged_in - staffed).astype(np.int64),
        }
    )
    return out.sort_values(["date", "agent_id"], ignore_index=True)


# ------------------------------------------------------------------ cost lines

def _line(queue, category, item, amount, budget, basis) -> dict:
    return {"month": MONTH, "queue": queue, "category": category, "item": item,
            "amount_cny": round(float(amount), 2), "budget_cny": round(float(budget), 2),
            "basis": basis}


def _cost_lines(calls, agents, states, rng) -> pd.DataFrame:
    queues = ("presales", "aftersales")
    heads = agents.groupby("queue").size()
    teams = agents.groupby("queue")["team"].nunique()
    hours = states.groupby("queue")["logged_in_s"].sum() / 3600
    share = hours / hours.sum()
    talk_min = calls.groupby("queue")["talk_s"].sum().astype(float) / 60
    new_hires = agents[agents["hire_date"] >= pd.Timestamp("2025-12-01")].groupby("queue").size()
    lines = []
    for q in queues:
        h, t = int(heads[q]), int(teams[q])
        seats = int(np.ceil(h * SEAT_RATIO))
        lines += [
            _line(q, "labour", "坐席薪酬及社保 agent pay", h * AGENT_MONTHLY_CNY, h * AGENT_MONTHLY_CNY, "direct"),
            _line(q, "labour", "班组长薪酬 team leaders", t * TEAM_LEADER_MONTHLY_CNY,
                  t * TEAM_LEADER_MONTHLY_CNY, "direct"),
            _line(q, "telecom", "通话费 call minutes", talk_min[q] * TELECOM_PER_MIN_CNY,
                  talk_min[q] * TELECOM_PER_MIN_CNY * (0.88 if q == "presales" else 0.97), "direct"),
            _line(q, "telecom", "线路租用 lines", TELECOM_LINES_CNY[q], TELECOM_LINES_CNY[q], "direct"),
            _line(q, "it", "座席许可 seat licences", seats * IT_PER_SEAT_CNY, seats * IT_PER_SEAT_CNY, "direct"),
            _line(q, "facilities", "场地及水电 site and utilities", seats * FACILITIES_PER_SEAT_CNY,
                  seats * FACILITIES_PER_SEAT_CNY, "direct"),
            _line(q, "training", "新员工培训 new-hire training", int(new_hires.get(q, 0)) * TRAINING_NEW_HIRE_CNY
                  * 1.35, int(new_hires.get(q, 0)) * TRAINING_NEW_HIRE_CNY, "direct"),
            _line(q, "recruitment", "招聘 recruitment", RECRUITMENT_CNY[q] * rng.uniform(0.9, 1.3),
                  RECRUITMENT_CNY[q], "direct"),
        ]
        for role, amount in SHARED_STAFF_CNY.items():
            lines.append(_line(q, "management_overhead", f"中心管理 shared staff: {role}",
                               amount * share[q], amount * share[q], "allocated by logged-in hours"))
        lines.append(_line(q, "it", "平台及CRM platform and CRM", IT_PLATFORM_CNY * share[q],
                           IT_PLATFORM_CNY * share[q], "allocated by logged-in hours"))
    return pd.DataFrame(lines)


# ------------------------------------------------------------------ files

def generate(seed: int = SEED, directory=None) -> dict[str, pd.DataFrame]:
    """The three operations tables, keyed as :data:`FILES`."""
    rng = np.random.default_rng(seed)
    calls, agents = _read_calls(directory)
    survey = _survey(calls, rng)
    states = _agent_states(calls, agents, rng)
    costs = _cost_lines(calls, agents, states, rng)
    return {"survey": survey, "agent_states": states, "costs": costs}


def write_datasets(directory, seed: int = SEED) -> list[Path]:
    """Generate the operations tables and write them into ``directory/operations/``."""
    return write_tables(generate(seed, directory), FILES, directory)
