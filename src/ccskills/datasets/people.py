"""Loaders for the HR tables in ``datasets/people/`` (see its README for the data dictionary).

Employees of the centre since 2019 (hires, leavers, reasons, recruitment source), one
row per scheduled shift in March 2026 (attendance), the weekly FTE requirement for April-September 2026,
the quarterly pulse survey (eNPS and seven 1-5 items) and the exit interviews of voluntary leavers. The agents of the call
month (:func:`ccskills.datasets.load_agents`) are the current agents here, with the
same ids, teams and hire dates.

>>> staff = load_employees()
>>> int((staff["role"] == "agent").sum()) > 100, staff["hire_date"].dtype.name
(True, 'datetime64[ns]')
"""

from __future__ import annotations

import pandas as pd

from . import data_dir
from ._generate_people import FILES

__all__ = ["load_employees", "load_attendance", "load_fte_requirement",
           "load_pulse_survey", "load_exit_interviews", "PULSE_ITEMS", "EXIT_SECONDARY_REASONS",
           "EMPLOYEE_ROLES", "LEAVE_REASONS", "ATTENDANCE_STATUSES", "ABSENCE_REASONS"]

EMPLOYEE_ROLES = ("agent", "team_leader", "qa_analyst", "wfm_analyst", "trainer")
LEAVE_REASONS = ("failed_probation", "workload", "personal", "pay", "study", "career",
                 "performance", "misconduct")
ATTENDANCE_STATUSES = ("present", "late", "absent")
ABSENCE_REASONS = ("sick", "personal", "emergency", "no_show")
#: The staff-voice tables (written by ``_generate_engagement``): key → file under the data folder.
ENGAGEMENT_FILES = {"pulse": "people/pulse_survey.csv", "exits": "people/exit_interviews.csv"}
#: The pulse survey's seven 1–5 items (5 = most favourable), in column order.
PULSE_ITEMS = ("workload", "schedule_fairness", "leader_support", "growth", "pay", "recognition", "tools")
#: The exit interviews' secondary reasons.
EXIT_SECONDARY_REASONS = ("leader", "workload", "schedule", "career", "pay", "recognition",
                          "tools", "personal", "none")


def _read(key: str, **kwargs) -> pd.DataFrame:
    name = FILES.get(key) or ENGAGEMENT_FILES[key]
    return pd.read_csv(data_dir() / name, encoding="utf-8", keep_default_na=False,
                       na_values=[""], **kwargs)


def _check(frame: pd.DataFrame, column: str, allowed, *, blank: bool = False) -> None:
    values = frame[column].fillna("") if blank else frame[column]
    bad = ~values.isin(tuple(allowed) + (("",) if blank else ()))
    if bad.any():
        raise ValueError(f"{column} must be one of {tuple(allowed)!r}, got {values[bad].iloc[0]!r}")


def load_employees() -> pd.DataFrame:
    """Everyone employed since 2019: ``employee_id, role, team, queue, hire_date, leave_date,
    leave_type, leave_reason, source``. ``leave_date`` (last day employed) is NaT while employed;
    data as of 2026-03-31. Teams and queues are empty for centre-wide roles."""
    text = ["employee_id", "role", "team", "queue", "leave_type", "leave_reason", "source"]
    frame = _read("employees", dtype={c: str for c in text})
    for col in ("hire_date", "leave_date"):
        frame[col] = pd.to_datetime(frame[col], format="%Y-%m-%d").astype("datetime64[ns]")
    for col in ("team", "queue", "leave_type", "leave_reason"):
        frame[col] = frame[col].fillna("")
    _check(frame, "role", EMPLOYEE_ROLES)
    _check(frame, "leave_reason", LEAVE_REASONS, blank=True)
    if (frame["leave_date"] < frame["hire_date"]).any():
        raise ValueError("leave_date must not be before hire_date")
    return frame


def load_attendance() -> pd.DataFrame:
    """March 2026, one row per scheduled shift: ``date, agent_id, team, shift,
    scheduled_hours, status`` (present / late / absent), ``late_minutes, absence_reason``."""
    text = ["agent_id", "team", "shift", "status", "absence_reason"]
    frame = _read("attendance", dtype={c: str for c in text})
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d").astype("datetime64[ns]")
    frame["absence_reason"] = frame["absence_reason"].fillna("")
    _check(frame, "status", ATTENDANCE_STATUSES)
    _check(frame, "absence_reason", ABSENCE_REASONS, blank=True)
    return frame



def load_fte_requirement() -> pd.DataFrame:
    """Weekly required agents (heads) for 26 weeks from 2026-04-06, indexed by ``week_start``:
    ``presales_fte, aftersales_fte, required_fte`` (the sum)."""
    frame = _read("requirement")
    frame["week_start"] = pd.to_datetime(frame["week_start"], format="%Y-%m-%d")
    return frame.astype({"week_start": "datetime64[ns]"}).set_index("week_start")


def _whole_numbers(frame: pd.DataFrame, column: str, low: int, high: int) -> None:
    """``column`` as nullable Int64, each answer low..high or blank (a skipped question)."""
    values = frame[column]
    bad = values.notna() & ~values.isin(range(low, high + 1))
    if bad.any():
        raise ValueError(f"{column} must be a whole number {low} to {high} or blank, "
                         f"got {values[bad].iloc[0]!r}")
    frame[column] = values.astype("Int64")


def load_pulse_survey() -> pd.DataFrame:
    """Quarterly pulse survey (脉搏调研), one row per respondent and wave, 2023-03-15 to 2026-03-15.

    Columns: ``survey_date, employee_id, role, team`` (empty for centre-wide roles),
    ``tenure_months`` (on the survey date, months of 30.4375 days), ``enps`` (0-10, how likely
    to recommend working here) and the seven 1-5 items of :data:`PULSE_ITEMS` (5 = most
    favourable); answers are nullable ``Int64``, blank where the question was skipped.

    >>> pulse = load_pulse_survey()
    >>> pulse["survey_date"].nunique(), str(pulse["enps"].dtype), int(pulse["enps"].max()) <= 10
    (13, 'Int64', True)
    """
    text = ["employee_id", "role", "team"]
    frame = _read("pulse", dtype={c: str for c in text})
    frame["survey_date"] = pd.to_datetime(frame["survey_date"], format="%Y-%m-%d").astype("datetime64[ns]")
    frame["team"] = frame["team"].fillna("")
    _check(frame, "role", EMPLOYEE_ROLES)
    _whole_numbers(frame, "enps", 0, 10)
    for item in PULSE_ITEMS:
        _whole_numbers(frame, item, 1, 5)
    return frame


def load_exit_interviews() -> pd.DataFrame:
    """Exit interviews (离职面谈) of voluntary leavers, one row per interview.

    Columns: ``employee_id, role, team, hire_date, leave_date, interview_date,
    tenure_months`` (at leaving), ``primary_reason`` (the register's ``leave_reason``),
    ``secondary_reason`` (:data:`EXIT_SECONDARY_REASONS`, ``none`` if no second reason) and
    ``would_return`` (bool).

    >>> exits = load_exit_interviews()
    >>> bool(exits["primary_reason"].isin(LEAVE_REASONS).all()), str(exits["would_return"].dtype)
    (True, 'bool')
    """
    text = ["employee_id", "role", "team", "primary_reason", "secondary_reason"]
    frame = _read("exits", dtype={c: str for c in text})
    for col in ("hire_date", "leave_date", "interview_date"):
        frame[col] = pd.to_datetime(frame[col], format="%Y-%m-%d").astype("datetime64[ns]")
    frame["team"] = frame["team"].fillna("")
    _check(frame, "role", EMPLOYEE_ROLES)
    _check(frame, "primary_reason", LEAVE_REASONS)
    _check(frame, "secondary_reason", EXIT_SECONDARY_REASONS)
    _check(frame, "would_return", (True, False))
    frame["would_return"] = frame["would_return"].astype(bool)
    return frame
