"""Generate the staff-voice tables: a quarterly pulse survey (eNPS + 7 items) and exit interviews.

Built on ``people/employees.csv``, which it reads and never changes: hire and leave dates,
teams and leave reasons are facts here, and the answers are drawn *conditional* on them.

Recipe (seed :data:`SEED`, one ``numpy.random.Generator``, nothing read from the clock):

1. **Waves**: :data:`WAVES`, the 15th of March, June, September and December from 2023-03
   to 2026-03. Everyone employed that day (hire_date <= day <= leave_date, or still
   employed) is invited.
2. **Latent mood** of an invitee, per item, on a 1-5 scale: item mean (:data:`ITEM_MEAN`)
   + a person effect (normal, sd :data:`PERSON_SD`, drawn once per person) + a team effect
   (:data:`TEAM_EFFECT`; team A2's leader changed on 2024-07-01, and the new one scores
   better) + a tenure effect (a honeymoon in the first 3 months, a growth dip after a year)
   + a **leaving effect** for voluntary leavers: with m the months from the survey to the
   leave date, d = exp(-m / :data:`LEAVING_SCALE`) (0.78 one month before, 0.22 six
   months before) lowers every item by ``LEAVING_ALL`` x d, team-leader support and
   growth by ``LEAVING_KEY`` x d more, and the item of the person's own leave reason
   (:data:`REASON_ITEM`: pay -> pay, career -> growth, workload -> workload and schedule)
   by ``LEAVING_REASON`` x d more. Involuntary leavers for performance or misconduct
   get a smaller drop (:data:`INVOLUNTARY_DROP` x d). Answers: latent + noise
   (sd :data:`ITEM_SD`), rounded and clipped to 1..5.
3. **eNPS answer** 0-10: :data:`ENPS_MEAN` + :data:`ENPS_SLOPE` x the person's mean item
   deviation + noise (sd :data:`ENPS_SD`), rounded and clipped.
4. **Non-response**: an invitee answers with probability :data:`RESPONSE` (lower for the
   disengaged: x (1 - 0.4 d) for leavers); only respondents have a row. A respondent skips
   each item with probability :data:`ITEM_SKIP` (blank cell), the eNPS question with
   :data:`ENPS_SKIP`.
5. **Exit interviews**: each voluntary leaver (employees.csv ``leave_type == voluntary``)
   gives one with probability :data:`INTERVIEW_RATE`, 0-5 days before the last day. The
   primary reason is the register's ``leave_reason``; the secondary reason is drawn from
   :data:`SECONDARY`, given the primary (team-leader relationship is a frequent second
   reason); would_return from :data:`WOULD_RETURN` by primary reason.

The signal is modest on purpose: the leaving effect is smaller than the spread between
people, so a low score raises the chance of leaving but picks out few leavers.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ._csv import write_tables
from .people import ENGAGEMENT_FILES as FILES
from .people import EXIT_SECONDARY_REASONS as SECONDARY_REASONS
from .people import PULSE_ITEMS as ITEMS
from .people import load_employees

SEED = 20260415
DAYS_PER_MONTH = 30.4375
WAVES = tuple(pd.date_range("2023-03-01", "2026-03-01", freq="3MS") + pd.Timedelta(days=14))
ITEM_MEAN = {"workload": 3.0, "schedule_fairness": 3.5, "leader_support": 3.7, "growth": 3.1,
             "pay": 2.9, "recognition": 3.3, "tools": 3.4}
ITEM_SD = 0.75
PERSON_SD = 0.45
#: team -> item -> shift of the latent mean ("" = centre-wide roles)
TEAM_EFFECT = {
    "P1": {"leader_support": 0.2},
    "P2": {},
    "A1": {"leader_support": 0.1},
    "A2": {"leader_support": 0.1},  # after 2024-07-01; before: A2_OLD_LEADER
    "A3": {"leader_support": -0.35, "workload": -0.4, "schedule_fairness": -0.2},
    "": {"workload": 0.3, "growth": 0.2, "schedule_fairness": 0.3},
}
A2_OLD_LEADER = {"leader_support": -0.4}
A2_NEW_LEADER_FROM = pd.Timestamp("2024-07-01")
LEAVING_SCALE = 4.0  # months
LEAVING_ALL = 0.3
LEAVING_KEY = 0.9  # extra drop of leader_support and growth
LEAVING_REASON = 0.6
KEY_ITEMS = ("leader_support", "growth")
REASON_ITEM = {"pay": ("pay",), "career": ("growth",), "workload": ("workload", "schedule_fairness")}
INVOLUNTARY_DROP = 0.3
ENPS_MEAN = 6.9
ENPS_SLOPE = 2.2
ENPS_SD = 1.5
RESPONSE = 0.82
ITEM_SKIP = 0.03
ENPS_SKIP = 0.01
INTERVIEW_RATE = 0.85
#: primary reason -> weights over SECONDARY_REASONS (the primary itself is never drawn)
SECONDARY = {
    "pay": (0.25, 0.15, 0.05, 0.15, 0.0, 0.15, 0.02, 0.05, 0.18),
    "career": (0.25, 0.05, 0.05, 0.0, 0.25, 0.15, 0.02, 0.05, 0.18),
    "workload": (0.20, 0.0, 0.25, 0.05, 0.20, 0.08, 0.07, 0.05, 0.10),
    "personal": (0.08, 0.10, 0.15, 0.05, 0.07, 0.03, 0.02, 0.0, 0.50),
    "study": (0.05, 0.05, 0.05, 0.15, 0.05, 0.02, 0.01, 0.02, 0.60),
}
WOULD_RETURN = {"pay": 0.45, "career": 0.35, "workload": 0.25, "personal": 0.70, "study": 0.75}
PULSE_COLUMNS = ("survey_date", "employee_id", "role", "team", "tenure_months", "enps", *ITEMS)
EXIT_COLUMNS = ("employee_id", "role", "team", "hire_date", "leave_date", "interview_date",
                "tenure_months", "primary_reason", "secondary_reason", "would_return")


def _employees() -> pd.DataFrame:
    return load_employees().sort_values("employee_id", kind="stable").reset_index(drop=True)


def _team_effect(team: str, day: pd.Timestamp) -> dict:
    if team == "A2" and day < A2_NEW_LEADER_FROM:
        return A2_OLD_LEADER
    return TEAM_EFFECT[team]


def _tenure_effect(months: float, role: str) -> dict:
    if months < 3:
        return dict.fromkeys(ITEMS, 0.35)
    if months >= 12 and role == "agent":
        return {"growth": -0.3}
    return {}


def _leaving_effect(person, day: pd.Timestamp) -> tuple[float, dict]:
    """(d, item -> drop) for a person surveyed on ``day``: nothing unless they left later."""
    if pd.isna(person.leave_date) or person.leave_date < day:
        return 0.0, {}
    d = float(np.exp(-(person.leave_date - day).days / DAYS_PER_MONTH / LEAVING_SCALE))
    if person.leave_type == "involuntary":
        drop = INVOLUNTARY_DROP if person.leave_reason in ("performance", "misconduct") else 0.0
        return d * drop, dict.fromkeys(ITEMS, -drop * d)
    out = dict.fromkeys(ITEMS, -LEAVING_ALL * d)
    for item in KEY_ITEMS:
        out[item] -= LEAVING_KEY * d
    for item in REASON_ITEM.get(person.leave_reason, ()):
        out[item] -= LEAVING_REASON * d
    return d, out


def _answers(rng, person, day, effect) -> dict | None:
    """One invitee's row, or None if they did not respond."""
    months = (day - person.hire_date).days / DAYS_PER_MONTH
    d, leaving = _leaving_effect(person, day)
    if rng.random() >= RESPONSE * (1 - 0.4 * d):
        return None
    shifts = [_team_effect(person.team, day), _tenure_effect(months, person.role), leaving]
    latent = {i: ITEM_MEAN[i] + effect + sum(s.get(i, 0.0) for s in shifts) for i in ITEMS}
    noise = rng.normal(0.0, ITEM_SD, len(ITEMS))
    scores = {i: int(np.clip(np.rint(latent[i] + e), 1, 5)) for i, e in zip(ITEMS, noise)}
    skip = rng.random(len(ITEMS)) < ITEM_SKIP
    scores = {i: (pd.NA if s else scores[i]) for i, s in zip(ITEMS, skip)}
    deviation = np.mean([latent[i] - ITEM_MEAN[i] for i in ITEMS])
    enps = int(np.clip(np.rint(ENPS_MEAN + ENPS_SLOPE * deviation + rng.normal(0, ENPS_SD)), 0, 10))
    if rng.random() < ENPS_SKIP:
        enps = pd.NA
    return {"survey_date": day, "employee_id": person.employee_id, "role": person.role,
            "team": person.team, "tenure_months": round(months, 2), "enps": enps, **scores}


def _pulse(rng, staff: pd.DataFrame) -> pd.DataFrame:
    effects = dict(zip(staff["employee_id"], rng.normal(0.0, PERSON_SD, len(staff))))
    rows = []
    for day in WAVES:
        employed = (staff["hire_date"] <= day) & (staff["leave_date"].isna() | (staff["leave_date"] >= day))
        for person in staff[employed].itertuples(index=False):
            row = _answers(rng, person, day, effects[person.employee_id])
            if row is not None:
                rows.append(row)
    frame = pd.DataFrame(rows, columns=list(PULSE_COLUMNS))
    return frame.astype({"enps": "Int64", **dict.fromkeys(ITEMS, "Int64")})


def _exits(rng, staff: pd.DataFrame) -> pd.DataFrame:
    leavers = staff[staff["leave_type"] == "voluntary"].sort_values(["leave_date", "employee_id"])
    rows = []
    for person in leavers.itertuples(index=False):
        if rng.random() >= INTERVIEW_RATE:
            continue
        weights = np.array(SECONDARY[person.leave_reason])
        secondary = SECONDARY_REASONS[int(rng.choice(len(weights), p=weights / weights.sum()))]
        interview = max(person.leave_date - pd.Timedelta(days=int(rng.integers(0, 6))), person.hire_date)
        rows.append({"employee_id": person.employee_id, "role": person.role, "team": person.team,
                     "hire_date": person.hire_date, "leave_date": person.leave_date,
                     "interview_date": interview,
                     "tenure_months": round((person.leave_date - person.hire_date).days / DAYS_PER_MONTH, 2),
                     "primary_reason": person.leave_reason, "secondary_reason": secondary,
                     "would_return": bool(rng.random() < WOULD_RETURN[person.leave_reason])})
    return pd.DataFrame(rows, columns=list(EXIT_COLUMNS))


def generate(seed: int = SEED) -> dict[str, pd.DataFrame]:
    """The pulse survey and the exit interviews, keyed like :data:`FILES`."""
    rng = np.random.default_rng(seed)
    staff = _employees()
    return {"pulse": _pulse(rng, staff), "exits": _exits(rng, staff)}


def write_datasets(directory, seed: int = SEED) -> list[Path]:
    """Generate both tables and write them into ``directory/people/``; returns the paths."""
    return write_tables(generate(seed), FILES, directory)
