"""Generate the HR tables (employees, March 2026 attendance, FTE requirement).

Recipe (seed :data:`SEED`, one ``numpy.random.Generator``, nothing read from the clock):

1. **Current agents** are exactly ``agents.csv`` of the call month (same ids, teams,
   queues and hire dates), active on 2026-03-31 except :data:`MARCH_LEAVERS` of them,
   whose resignation takes effect on 2026-03-31 (they still work the whole month).
2. **Former agents**: for every team and hire month from :data:`COHORT_START` to
   2026-02, a Poisson number of hires (mean :data:`HIRES_PER_TEAM_MONTH` x team
   share); each hire gets a recruitment source and a length of stay drawn from a
   piecewise-constant monthly hazard (:data:`HAZARD`, high in the first three
   months) scaled by source and team (:data:`SOURCE_HAZARD`, :data:`TEAM_HAZARD`).
   Those who would still be employed on 2026-02-28 are dropped (the survivors of
   those cohorts are the current agents), the rest are leavers with a reason drawn
   by tenure (early leavers: failed probation, workload; later: pay, career).
   Long-tenure former agents (hired 2019-2022) leave at the long-tenure hazard.
3. **Support staff**: one team leader per team, QA analysts, WFM analysts and
   trainers (:data:`SUPPORT_STAFF`), one team leader replaced in 2024.
4. **Attendance**: one row per scheduled shift in March 2026 for each current
   agent: worked days are the days the agent answered calls (early shift if the
   first call is before 15:00); extra scheduled-but-absent days are drawn on
   non-worked days (rate by tenure band); late arrivals on worked days.
5. **FTE requirement**: weekly required agents (heads) for the 26 weeks from
   2026-04-06, from March's required agent-hours per queue converted to heads with
   March's heads-per-staffed-hour, then growth (1 %/month) and a 618 peak in June.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ._csv import write_tables

SEED = 20260331
FILES = {
    "employees": "people/employees.csv",
    "attendance": "people/attendance_2026_03.csv",
    "requirement": "people/fte_requirement.csv",
}
AS_OF = pd.Timestamp("2026-03-31")
COHORT_START = pd.Timestamp("2022-10-01")
HIRES_PER_TEAM_MONTH = 0.75  # mean hires per team-month for a team of average size
#: (first month of tenure, monthly leaving hazard) for agents
HAZARD = ((0, 0.10), (3, 0.05), (6, 0.03), (12, 0.016))
SOURCES = ("referral", "job_board", "campus", "agency")
SOURCE_SHARE = (0.25, 0.35, 0.20, 0.20)
SOURCE_HAZARD = {"referral": 0.6, "job_board": 1.1, "campus": 0.9, "agency": 1.5}
TEAM_HAZARD = {"P1": 0.9, "P2": 1.0, "A1": 0.9, "A2": 1.0, "A3": 1.4}
MARCH_LEAVERS = 3
EARLY_REASONS = (("failed_probation", 0.30), ("workload", 0.30), ("personal", 0.20),
                 ("pay", 0.10), ("study", 0.10))
LATER_REASONS = (("pay", 0.30), ("career", 0.25), ("workload", 0.15), ("personal", 0.15),
                 ("performance", 0.10), ("misconduct", 0.05))
INVOLUNTARY = ("failed_probation", "performance", "misconduct")
#: role -> list of (id, team, hire_date, leave_date or "", reason)
SUPPORT_STAFF = (
    ("L01", "team_leader", "P1", "2021-05-10", "", ""),
    ("L02", "team_leader", "P2", "2022-03-01", "", ""),
    ("L03", "team_leader", "A1", "2020-09-14", "", ""),
    ("L04", "team_leader", "A2", "2021-11-01", "2024-06-30", "career"),
    ("L06", "team_leader", "A2", "2024-07-01", "", ""),
    ("L05", "team_leader", "A3", "2023-02-20", "", ""),
    ("QA1", "qa_analyst", "", "2020-04-01", "", ""),  # ids as in datasets/quality
    ("QA2", "qa_analyst", "", "2021-06-07", "", ""),
    ("QA3", "qa_analyst", "", "2022-08-15", "", ""),
    ("QA4", "qa_analyst", "", "2023-05-08", "", ""),
    ("QA5", "qa_analyst", "", "2024-03-04", "", ""),
    ("QA6", "qa_analyst", "", "2025-01-06", "", ""),
    ("W01", "wfm_analyst", "", "2021-01-04", "", ""),
    ("W02", "wfm_analyst", "", "2025-02-17", "", ""),
    ("T01", "trainer", "", "2020-11-02", "", ""),
    ("T02", "trainer", "", "2023-09-01", "", ""),
)
ABSENCE_RATE = {"new": 0.07, "mid": 0.045, "veteran": 0.03}  # absent shifts / scheduled shifts
ABSENCE_REASONS = (("sick", 0.45), ("personal", 0.30), ("emergency", 0.15), ("no_show", 0.10))
LATE_RATE = {"new": 0.07, "mid": 0.05, "veteran": 0.03}
SHIFT_HOURS = 7.0
DAYS_PER_MONTH = 30.4375


def _agents() -> pd.DataFrame:
    from . import load_agents

    return load_agents()


def _band(hire_date: pd.Series) -> np.ndarray:
    months = (AS_OF - hire_date).dt.days / DAYS_PER_MONTH
    return np.where(months < 4, "new", np.where(months < 13, "mid", "veteran"))


def _stay_months(rng, scale: float, start_month: float = 0.0) -> float:
    """Months of stay from a piecewise-constant monthly hazard (x scale), from ``start_month``."""
    month = start_month
    bounds = [b for b, _ in HAZARD[1:]] + [np.inf]
    for (low, h), high in zip(HAZARD, bounds):
        if month >= high:
            continue
        rate = -np.log(1 - min(h * scale, 0.9))
        draw = rng.exponential(1 / rate)
        if month + draw < high:
            return month + draw
        month = high
    return month  # unreachable: the last band is open


def _pick(rng, table) -> str:
    names = [name for name, _ in table]
    p = np.array([w for _, w in table])
    return names[int(rng.choice(len(names), p=p / p.sum()))]


def _reason(rng, months: float) -> str:
    return _pick(rng, EARLY_REASONS if months < 3 else LATER_REASONS)


def _former_agents(rng, agents: pd.DataFrame) -> pd.DataFrame:
    teams = agents.groupby("team", sort=True)["queue"].agg(["first", "size"])
    months = pd.date_range(COHORT_START, "2026-02-01", freq="MS")
    rows = []
    for team, (queue, size) in teams.iterrows():
        mean = HIRES_PER_TEAM_MONTH * size / teams["size"].mean()
        for month in months:
            for _ in range(rng.poisson(mean)):
                hire = month + pd.Timedelta(days=int(rng.integers(0, 20)))
                rows.append(_former(rng, team, queue, hire, 0.0))
        veterans = rng.poisson(4 * size / teams["size"].mean())
        for _ in range(veterans):  # hired 2019-2022, some leave inside the window
            hire = pd.Timestamp("2019-06-01") + pd.Timedelta(days=int(rng.integers(0, 1200)))
            tenure0 = (COHORT_START - hire).days / DAYS_PER_MONTH
            rows.append(_former(rng, team, queue, hire, tenure0))
    frame = pd.DataFrame([r for r in rows if r is not None])
    return frame.sort_values(["hire_date", "team"], kind="stable").reset_index(drop=True)


def _former(rng, team, queue, hire, start_month):
    source = SOURCES[int(rng.choice(len(SOURCES), p=SOURCE_SHARE))]
    scale = SOURCE_HAZARD[source] * TEAM_HAZARD[team]
    stay = _stay_months(rng, scale, start_month)
    leave = hire + pd.Timedelta(days=max(int(stay * DAYS_PER_MONTH), 1))
    if leave > pd.Timestamp("2026-02-28") or leave < COHORT_START:
        return None
    return {"team": team, "queue": queue, "hire_date": hire, "leave_date": leave,
            "leave_reason": _reason(rng, stay), "source": source}


def _employees(rng, agents: pd.DataFrame) -> pd.DataFrame:
    current = agents.assign(
        leave_date=pd.NaT, leave_reason="",
        source=[SOURCES[int(i)] for i in rng.choice(len(SOURCES), len(agents), p=SOURCE_SHARE)])
    leaving = rng.choice(len(agents), MARCH_LEAVERS, replace=False)
    current.loc[current.index[leaving], "leave_date"] = AS_OF
    current.loc[current.index[leaving], "leave_reason"] = ["pay", "career", "study"][:MARCH_LEAVERS]
    former = _former_agents(rng, agents)
    prefix = former["queue"].map({"presales": "P", "aftersales": "A"})
    number = former.groupby("queue").cumcount() + 101
    former["employee_id"] = prefix + number.map("{:03d}".format)
    current = current.rename(columns={"agent_id": "employee_id"})
    frame = pd.concat([current, former], ignore_index=True).assign(role="agent")
    staff = pd.DataFrame(SUPPORT_STAFF, columns=["employee_id", "role", "team", "hire_date",
                                                 "leave_date", "leave_reason"])
    staff = staff.assign(queue=staff["team"].str[:1].map({"P": "presales", "A": "aftersales"}),
                         source="internal", hire_date=pd.to_datetime(staff["hire_date"]),
                         leave_date=pd.to_datetime(staff["leave_date"].replace("", None)))
    frame = pd.concat([frame, staff], ignore_index=True)
    frame["leave_type"] = np.where(frame["leave_reason"] == "", "",
                                   np.where(frame["leave_reason"].isin(INVOLUNTARY),
                                            "involuntary", "voluntary"))
    columns = ["employee_id", "role", "team", "queue", "hire_date", "leave_date",
               "leave_type", "leave_reason", "source"]
    frame = frame[columns].astype({"hire_date": "datetime64[ns]", "leave_date": "datetime64[ns]"})
    return frame.sort_values(["hire_date", "employee_id"], kind="stable").reset_index(drop=True)


def _worked_days(calls: pd.DataFrame) -> pd.DataFrame:
    answered = calls[calls["outcome"] == "answered"]
    day = answered["arrival"].dt.normalize()
    first = answered.groupby([answered["agent_id"], day])["arrival"].min()
    worked = first.rename("first_call").reset_index().rename(columns={"arrival": "date"})
    worked["shift"] = np.where(worked["first_call"].dt.hour < 15, "early", "late")
    return worked[["agent_id", "date", "shift"]]


def _attendance(rng, agents: pd.DataFrame, calls: pd.DataFrame) -> pd.DataFrame:
    worked = _worked_days(calls)
    days = pd.date_range("2026-03-01", "2026-03-31", freq="D")
    bands = dict(zip(agents["agent_id"], _band(agents["hire_date"])))
    rows = []
    for agent_id, group in worked.groupby("agent_id", sort=True):
        band = bands[agent_id]
        on = set(group["date"])
        free = [d for d in days if d not in on]
        n_absent = min(rng.poisson(ABSENCE_RATE[band] * len(group) / (1 - ABSENCE_RATE[band])),
                       len(free))
        absent = sorted(rng.choice(len(free), n_absent, replace=False).tolist())
        for d, shift in zip(group["date"], group["shift"]):
            late = rng.random() < LATE_RATE[band]
            minutes = int(rng.integers(3, 40)) if late else 0
            rows.append((d, agent_id, shift, "late" if late else "present", minutes, ""))
        for i in absent:
            shift = "early" if rng.random() < 0.5 else "late"
            rows.append((free[i], agent_id, shift, "absent", 0, _pick(rng, ABSENCE_REASONS)))
    frame = pd.DataFrame(rows, columns=["date", "agent_id", "shift", "status", "late_minutes",
                                        "absence_reason"])
    frame = frame.merge(agents[["agent_id", "team"]], on="agent_id", how="left")
    frame["scheduled_hours"] = SHIFT_HOURS
    columns = ["date", "agent_id", "team", "shift", "scheduled_hours", "status", "late_minutes",
               "absence_reason"]
    return frame[columns].sort_values(["date", "agent_id"], kind="stable").reset_index(drop=True)


def _requirement(agents: pd.DataFrame) -> pd.DataFrame:
    from . import load_call_staffing

    plan = load_call_staffing()
    hours = plan.groupby("queue", sort=True)[["required_agents", "staffed_agents"]].sum() * 0.25
    heads = agents.groupby("queue", sort=True).size()
    march = hours["required_agents"] * heads / hours["staffed_agents"]  # heads needed in March
    weeks = pd.date_range("2026-04-06", periods=26, freq="7D")
    months_ahead = (weeks - pd.Timestamp("2026-03-16")).days / DAYS_PER_MONTH
    season = 1 + 0.12 * np.exp(-0.5 * ((weeks - pd.Timestamp("2026-06-15")).days / 9.0) ** 2)
    factor = (1.01 ** months_ahead) * season
    out = pd.DataFrame({"week_start": weeks})
    for queue in ("presales", "aftersales"):
        out[f"{queue}_fte"] = np.round(march[queue] * factor, 2)
    out["required_fte"] = out["presales_fte"] + out["aftersales_fte"]
    return out


def _dates_as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Date columns as ``YYYY-MM-DD`` text, empty where missing (NaT would force a time part)."""
    out = frame.copy()
    for col in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[col].dtype):
            out[col] = out[col].dt.strftime("%Y-%m-%d").astype(object).where(out[col].notna(), "")
    return out


def generate(seed: int = SEED) -> dict[str, pd.DataFrame]:
    """The three HR tables, keyed like :data:`FILES` (QA scores live in ``datasets/quality``)."""
    from . import load_call_records

    rng = np.random.default_rng(seed)
    agents = _agents()
    return {
        "employees": _employees(rng, agents),
        "attendance": _attendance(rng, agents, load_call_records()),
        "requirement": _requirement(agents),
    }


def write_datasets(directory, seed: int = SEED) -> list[Path]:
    """Generate the tables and write them into ``directory/people/``; returns the paths."""
    tables = generate(seed)
    return write_tables({key: _dates_as_text(tables[key]) for key in FILES}, FILES, directory)
