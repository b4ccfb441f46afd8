"""The figures the floor templates are filled with, computed from the kit's simulated centre.

* the **handover record** of one March day (``datasets/call_records.csv``, ``call_staffing.csv``,
  ``people/attendance_2026_03.csv``, ``people/employees.csv``): one row per handover (15:00 early →
  late, 22:00 late → next early) and zone (a queue: 售前区, 售后区), with the outgoing shift's
  service level, ASA and abandonment by :func:`ccskills.kpi.summarize`, the staff present and absent,
  the intervals below target, blocked calls and follow-ups;
* the **day figures** a pre-shift meeting reads out (yesterday's KPIs, today's forecast);
* the **floor status**: a day's schedule adherence and a real-time snapshot from the chapter 05
  WFM data, by :func:`ccskills.scheduling.adherence_table` and :func:`~ccskills.scheduling.adherence_snapshot`;
* the **surge staffing**: Erlang C agents for the day's peak interval at +15/30/50 % volume
  (:func:`ccskills.staffing.required_agents`, 80/20).

The zone's duty leader of a shift is the leader of the zone's team with the most agents scheduled
on that shift (ties: the first team), and the leader taking over is never the one handing over: an
assumption of the worked example, as the data has no leaders' rota.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..datasets import load_agents, load_call_records, load_call_staffing
from ..datasets.people import load_attendance, load_employees
from ..kpi import REGISTRY, summarize
from ..staffing import required_agents

__all__ = ["HANDOVER_DAY", "BRIEFING_DAY", "STATUS_MOMENT", "SHIFTS", "SURGE_LEVELS", "day_figures",
           "duty_leader", "handover_figures", "FloorStatus", "floor_status", "surge_staffing"]

#: The worked examples' days: the handover record (a Monday the service level fell, after the 3.8
#: promotion weekend) and the next morning's pre-shift meeting, and the real-time moment of chapter 05.
HANDOVER_DAY = "2026-03-09"
BRIEFING_DAY = "2026-03-10"
STATUS_MOMENT = "2026-09-18 20:05"
#: Shift id → (start, end) clock times of the March data.
SHIFTS = {"early": ("08:00", "15:00"), "late": ("15:00", "22:00")}
#: Surge levels: volume above forecast → (zh, en) level name.
SURGE_LEVELS = {0.0: ("正常", "Normal"), 0.15: ("三级 (III)", "Level III"), 0.30: ("二级 (II)", "Level II"),
                0.50: ("一级 (I)", "Level I")}
_SL = REGISTRY["service_level"].target


def _day(day, name: str = "day") -> pd.Timestamp:
    try:
        stamp = pd.Timestamp(day).normalize()
    except (ValueError, TypeError):
        raise ValueError(f"{name} must be a date such as '2026-03-09', got {day!r}") from None
    if not pd.Timestamp("2026-03-01") <= stamp <= pd.Timestamp("2026-03-31"):
        raise ValueError(f"{name} must be a day of March 2026 (the kit's call month), got {day!r}")
    return stamp


def _window(day: pd.Timestamp, shift: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    start, end = SHIFTS[shift]
    return day + pd.Timedelta(f"{start}:00"), day + pd.Timedelta(f"{end}:00")


def day_figures(day=BRIEFING_DAY) -> pd.DataFrame:
    """One row per queue of ``day`` (March 2026): offered, SL, ASA, abandonment, FCR, CSAT top-2 box, blocked."""
    stamp = _day(day)
    calls = load_call_records()
    table = summarize(calls[calls["arrival"].dt.normalize() == stamp], by="queue")
    return table[["offered", "service_level", "asa_s", "abandonment_rate", "fcr_rate", "csat_top2_box",
                  "transfer_rate", "blocked"]]


def duty_leader(day, shift: str, queue: str, exclude: tuple[str, ...] = ()) -> str:
    """The id of the zone's duty leader on ``day``'s ``shift``, not one of ``exclude`` ('' when none).

    The leader of the zone's team with the most agents scheduled on the shift (ties: first team id);
    ``exclude`` holds the leader handing over, who cannot also take over.
    """
    stamp = _day(day)
    if shift not in SHIFTS:
        raise ValueError(f"shift must be one of {list(SHIFTS)}, got {shift!r}")
    teams = load_agents().drop_duplicates("team").set_index("team")["queue"]
    rows = load_attendance()
    rows = rows[(rows["date"] == stamp) & (rows["shift"] == shift) & rows["team"].map(teams).eq(queue)]
    if rows.empty:
        return ""
    staff = load_employees()
    active = staff[(staff["role"] == "team_leader") & (staff["hire_date"] <= stamp)
                   & (staff["leave_date"].isna() | (staff["leave_date"] >= stamp))].set_index("team")["employee_id"]
    counts = rows["team"].value_counts().rename("n").reset_index()
    counts["leader"] = counts["team"].map(active)
    counts = counts[~counts["leader"].isin(exclude)].sort_values(["n", "team"], ascending=[False, True])
    return "" if counts.empty else str(counts["leader"].iloc[0])


def _ranges(starts: pd.DatetimeIndex) -> str:
    """15-minute interval starts as clock ranges: 10:00–11:30, 19:45–20:00."""
    if len(starts) == 0:
        return ""
    starts = pd.DatetimeIndex(sorted(starts))
    breaks = np.flatnonzero(np.diff(starts.asi8) != 15 * 60 * 10**9)
    firsts = np.r_[0, breaks + 1]
    lasts = np.r_[breaks, len(starts) - 1]
    return ", ".join(f"{starts[a]:%H:%M}–{starts[b] + pd.Timedelta('15min'):%H:%M}" for a, b in zip(firsts, lasts))


def handover_figures(day=HANDOVER_DAY) -> pd.DataFrame:
    """The handover record's figures of ``day``: one row per handover time and queue.

    Columns: ``time``, ``queue``, ``outgoing_shift``, ``outgoing_leader``, ``incoming_leader``,
    ``offered``, ``service_level``, ``asa_s``, ``abandonment_rate``, ``blocked`` (the outgoing
    shift's calls), ``scheduled``, ``present`` (incl. late), ``late``, ``absent``, ``absent_ids``
    (agent: reason), ``incoming_scheduled``, ``low_sl_intervals`` (15-min intervals with SL below
    the registry target), ``understaffed_intervals`` (staffed < required in ``call_staffing``).
    """
    stamp = _day(day)
    calls, staffing, attendance = load_call_records(), load_call_staffing(), load_attendance()
    teams = load_agents().drop_duplicates("team").set_index("team")["queue"]
    attendance = attendance.assign(queue=attendance["team"].map(teams))
    nxt = stamp + pd.Timedelta("1D")
    leaders = {}
    for queue in ("presales", "aftersales"):  # early, late, next early: who takes over never hands over
        early = duty_leader(stamp, "early", queue)
        late = duty_leader(stamp, "late", queue, exclude=(early,))
        leaders[queue] = (early, late, duty_leader(nxt, "early", queue, exclude=(late,)) if nxt.month == 3 else "")
    rows = []
    for step, (shift, incoming) in enumerate((("early", (stamp, "late")), ("late", (nxt, "early")))):
        start, end = _window(stamp, shift)
        for queue in ("presales", "aftersales"):
            sub = calls[(calls["queue"] == queue) & (calls["arrival"] >= start) & (calls["arrival"] < end)]
            kpis = summarize(sub).iloc[0]
            by_slot = summarize(sub, freq="15min")
            plan = staffing[(staffing["queue"] == queue) & (staffing["interval_start"] >= start) & (staffing["interval_start"] < end)]
            crew = attendance[(attendance["date"] == stamp) & (attendance["shift"] == shift) & (attendance["queue"] == queue)]
            absent = crew[crew["status"] == "absent"]
            nxt_crew = attendance[(attendance["date"] == incoming[0]) & (attendance["shift"] == incoming[1]) & (attendance["queue"] == queue)]
            in_month = incoming[0].month == 3
            rows.append({
                "time": end, "queue": queue, "outgoing_shift": shift,
                "outgoing_leader": leaders[queue][step], "incoming_leader": leaders[queue][step + 1],
                "offered": int(kpis["offered"]), "service_level": float(kpis["service_level"]),
                "asa_s": float(kpis["asa_s"]), "abandonment_rate": float(kpis["abandonment_rate"]),
                "blocked": int(kpis["blocked"]), "scheduled": len(crew), "present": int((crew["status"] != "absent").sum()),
                "late": int((crew["status"] == "late").sum()), "absent": len(absent),
                "absent_ids": ", ".join(f"{a}: {r}" for a, r in zip(absent["agent_id"], absent["absence_reason"])),
                "incoming_scheduled": len(nxt_crew) if in_month else np.nan,
                "low_sl_intervals": _ranges(by_slot.index[by_slot["service_level"] < _SL]),
                "understaffed_intervals": _ranges(pd.DatetimeIndex(plan.loc[plan["staffed_agents"] < plan["required_agents"], "interval_start"])),
            })
    return pd.DataFrame(rows)


def forecast_figures(day=BRIEFING_DAY) -> pd.DataFrame:
    """One row per queue of ``day``: forecast calls, peak interval and its calls, understaffed intervals."""
    stamp = _day(day)
    plan = load_call_staffing()
    plan = plan[plan["interval_start"].dt.normalize() == stamp]
    rows = []
    for queue, part in plan.groupby("queue", sort=False):
        peak = part.loc[part["forecast_calls"].idxmax()]
        short = part.loc[part["staffed_agents"] < part["required_agents"], "interval_start"]
        rows.append({"queue": queue, "forecast_calls": float(part["forecast_calls"].sum()),
                     "peak_interval": peak["interval_start"], "peak_calls": float(peak["forecast_calls"]),
                     "understaffed": len(short), "understaffed_intervals": _ranges(pd.DatetimeIndex(short))})
    return pd.DataFrame(rows).set_index("queue")


@dataclass(frozen=True)
class FloorStatus:
    """A floor's adherence on ``day`` and its real-time snapshot at ``at`` (chapter 05's WFM data)."""

    day: pd.Timestamp
    adherence: float
    conformance: float
    at: pd.Timestamp
    on_shift: int
    out_of_adherence: tuple[str, ...]


def floor_status(at=STATUS_MOMENT) -> FloorStatus:
    """Adherence of ``at``'s day and who is out of adherence at ``at`` (e-commerce line, Sept 2026).

    >>> s = floor_status()
    >>> s.on_shift, len(s.out_of_adherence)
    (21, 2)
    """
    from ..datasets.wfm import load_agent_states, load_schedule
    from ..scheduling import adherence_snapshot, adherence_table

    moment = pd.Timestamp(at)
    schedule, states = load_schedule(), load_agent_states()
    schedule = schedule[schedule["start"].dt.normalize() == moment.normalize()]
    states = states[states["start"].dt.normalize() == moment.normalize()]
    if schedule.empty:
        raise ValueError(f"at must fall on a day of the published schedule (2026-09-14 … 2026-09-27), got {at!r}")
    day = adherence_table(schedule, states, by="day").iloc[0]
    snap = adherence_snapshot(schedule, states, moment)
    return FloorStatus(moment.normalize(), float(day["adherence"]), float(day["conformance"]), moment,
                       len(snap), tuple(snap.index[~snap["in_adherence"]]))


def surge_staffing(day=BRIEFING_DAY, queue: str = "aftersales") -> pd.DataFrame:
    """Erlang C agents (80/20) for ``day``'s peak forecast interval of ``queue`` at each surge level.

    Rows: the levels of :data:`SURGE_LEVELS`; columns ``increase``, ``calls``, ``aht_s``,
    ``agents_needed``, ``staffed`` (the interval's staffed agents) and ``gap`` (needed − staffed).
    """
    stamp = _day(day)
    plan = load_call_staffing()
    part = plan[(plan["interval_start"].dt.normalize() == stamp) & (plan["queue"] == queue)]
    if part.empty:
        raise ValueError(f"queue must be 'presales' or 'aftersales', got {queue!r}")
    peak = part.loc[part["forecast_calls"].idxmax()]
    increase = np.array(list(SURGE_LEVELS))
    calls = peak["forecast_calls"] * (1 + increase)
    needed = required_agents(calls, float(peak["forecast_aht_s"]), 900, answer_time=20, target=_SL)
    out = pd.DataFrame({"increase": increase, "calls": calls, "aht_s": float(peak["forecast_aht_s"]),
                        "agents_needed": needed, "staffed": int(peak["staffed_agents"])})
    out["gap"] = out["agents_needed"] - out["staffed"]
    out.attrs["interval_start"] = peak["interval_start"]
    return out
