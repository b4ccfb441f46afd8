"""Adherence (排班遵从度) and conformance (排班一致率) from agent-state logs.

* **Adherence** = time in the state the schedule asked for, at the time it asked for it /
  scheduled time. A scheduled ``phone`` activity is matched by any phone state (available,
  talk, hold, acw); ``break``, ``lunch``, ``meeting`` and ``training`` by the state of the same
  name; ``not_ready`` and logged-out time (no rows) match nothing (wiki.wfmlabs.org,
  "Adherence and Conformance").
* **Conformance** = phone-state time worked / scheduled phone time, whenever it was worked;
  it is not capped, so > 1 means more phone time than scheduled.

Everything is interval arithmetic on whole seconds, vectorised: the overlap of a scheduled
piece with the agent's matching states is F(end) − F(start), where F is the cumulative time
in those states (one sorted array and ``searchsorted`` for all agents at once).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ccskills.scheduling._patterns import DAY_S, _clock as _clock_text

__all__ = ["ACTIVITY_OF_STATE", "adherence_table", "adherence_exceptions", "adherence_snapshot"]

ACTIVITY_OF_STATE = {"available": "phone", "talk": "phone", "hold": "phone", "acw": "phone",
                     "break": "break", "lunch": "lunch", "meeting": "meeting",
                     "training": "training", "not_ready": "not_ready"}
ACTIVITIES = ("phone", "break", "lunch", "meeting", "training")
_BY = {"agent": ["agent_id"], "day": ["day"], "agent_day": ["agent_id", "day"],
       "interval": ["interval"], "time_of_day": ["time_of_day"]}


def _seconds(values) -> np.ndarray:
    """Whole seconds of wall-clock time (time-zone-aware stamps keep their local clock)."""
    stamps = pd.to_datetime(values)
    if stamps.dt.tz is not None:
        stamps = stamps.dt.tz_localize(None)
    return stamps.to_numpy().astype("datetime64[s]").astype(np.int64)


def _checked(frame, name, kind_column, allowed):
    """agent_id (str), start/end (int seconds), kind column; start < end, kinds known."""
    need = ["agent_id", "start", "end", kind_column]
    if not isinstance(frame, pd.DataFrame) or not set(need) <= set(frame.columns):
        raise ValueError(f"{name} must be a DataFrame with columns {need}, got "
                         f"{list(frame.columns) if isinstance(frame, pd.DataFrame) else type(frame).__name__}")
    out = pd.DataFrame({"agent_id": frame["agent_id"].astype(str).to_numpy(),
                        "start": _seconds(frame["start"]), "end": _seconds(frame["end"]),
                        kind_column: frame[kind_column].astype(str).to_numpy()})
    unknown = ~out[kind_column].isin(allowed)
    if unknown.any():
        raise ValueError(f"{name} must have {kind_column} in {sorted(allowed)}, got {out[kind_column][unknown].iloc[0]!r}")
    if (out["end"] <= out["start"]).any():
        row = int(np.flatnonzero(out["end"] <= out["start"])[0])
        raise ValueError(f"{name} must have start < end in every row, got row {row}")
    out = out.sort_values(["agent_id", "start"], kind="stable", ignore_index=True)
    same = out["agent_id"].to_numpy()[1:] == out["agent_id"].to_numpy()[:-1]
    overlap = same & (out["start"].to_numpy()[1:] < out["end"].to_numpy()[:-1])
    if overlap.any():
        raise ValueError(f"{name} must not overlap within an agent, got {out['agent_id'].iloc[1:][overlap].iloc[0]!r}")
    return out


class _Cumulative:
    """F(key, t): seconds spent before t in the intervals of ``key`` (non-overlapping per key)."""

    def __init__(self, keys, starts, ends, origin, span):
        self.origin, self.span = origin, span
        lo, hi = self._line(keys, starts), self._line(keys, ends)
        order = np.argsort(lo, kind="stable")
        self.lo, self.hi = lo[order], hi[order]
        self.before = np.concatenate([[0], np.cumsum(self.hi - self.lo)])

    def _line(self, keys, t):
        return keys.astype(np.int64) * self.span + (t - self.origin)

    def at(self, keys, t) -> np.ndarray:
        q = self._line(keys, t)
        i = np.searchsorted(self.lo, q, side="right") - 1
        inside = np.where(i >= 0, np.minimum(q, self.hi[np.maximum(i, 0)]) - self.lo[np.maximum(i, 0)], 0)
        return self.before[np.maximum(i, 0)] * (i >= 0) + inside


def _explode(frame, step):
    """Cut rows at every multiple of ``step`` seconds: one row per (row, interval) piece."""
    first = frame["start"].to_numpy() // step
    last = (frame["end"].to_numpy() - 1) // step
    rows = np.repeat(np.arange(len(frame)), last - first + 1)
    k = first[rows] + np.arange(len(rows)) - np.repeat(np.cumsum(last - first + 1) - (last - first + 1), last - first + 1)
    out = frame.iloc[rows].reset_index(drop=True)
    out["start"] = np.maximum(out["start"].to_numpy(), k * step)
    out["end"] = np.minimum(out["end"].to_numpy(), (k + 1) * step)
    out["interval"] = k * step
    return out


def _pieces(schedule, states, step):
    """Scheduled pieces per (agent, interval) with in-adherence seconds, and worked phone seconds."""
    sched = _checked(schedule, "schedule", "activity", ACTIVITIES)
    logs = _checked(states, "states", "state", ACTIVITY_OF_STATE)
    logs["activity"] = logs["state"].map(ACTIVITY_OF_STATE)
    agents = pd.Index(pd.unique(np.concatenate([sched["agent_id"], logs["agent_id"]])))
    kinds = pd.Index(ACTIVITIES + ("not_ready",))
    key = lambda f: agents.get_indexer(f["agent_id"]) * len(kinds) + kinds.get_indexer(f["activity"])  # noqa: E731
    times = np.concatenate([sched[["start", "end"]].to_numpy().ravel(), logs[["start", "end"]].to_numpy().ravel()])
    cumulative = _Cumulative(key(logs), logs["start"].to_numpy(), logs["end"].to_numpy(),
                             times.min(), times.max() - times.min() + 1)
    pieces = _explode(sched, step)
    k = key(pieces)
    pieces["scheduled_s"] = pieces["end"] - pieces["start"]
    pieces["in_adherence_s"] = cumulative.at(k, pieces["end"].to_numpy()) - cumulative.at(k, pieces["start"].to_numpy())
    pieces["scheduled_phone_s"] = np.where(pieces["activity"] == "phone", pieces["scheduled_s"], 0)
    worked = _explode(logs[logs["activity"] == "phone"], step)
    worked["worked_phone_s"] = worked["end"] - worked["start"]
    return pieces, worked


def adherence_table(schedule, states, *, by="agent", freq="15min") -> pd.DataFrame:
    """Adherence and conformance per agent, day, agent and day, or interval.

    Parameters
    ----------
    schedule : DataFrame
        ``agent_id, start, end, activity`` (activity ∈ phone, break, lunch, meeting, training).
    states : DataFrame
        ``agent_id, start, end, state`` (state ∈ available, talk, hold, acw, not_ready, break,
        lunch, meeting, training); logged-out time has no rows.
    by : 'agent', 'day', 'agent_day', 'interval' or 'time_of_day'
        'time_of_day' adds up every day's same interval ('09:00', '09:15', …): when in
        the day adherence slips.
    freq : str
        Interval length for ``by='interval'`` and ``'time_of_day'``.

    Returns
    -------
    DataFrame with ``scheduled_s``, ``in_adherence_s``, ``adherence`` (= in_adherence_s /
    scheduled_s), ``scheduled_phone_s``, ``worked_phone_s``, ``conformance``
    (= worked_phone_s / scheduled_phone_s; NaN where nothing was scheduled).
    """
    if by not in _BY:
        raise ValueError(f"by must be one of {sorted(_BY)}, got {by!r}")
    step = int(pd.Timedelta(freq).total_seconds())
    if step <= 0 or 86_400 % step:
        raise ValueError(f"freq must divide a day, got {freq!r}")
    pieces, worked = _pieces(schedule, states, step)
    cols = ["scheduled_s", "in_adherence_s", "scheduled_phone_s"]
    planned = pieces.groupby(["agent_id", "interval"])[cols].sum()
    done = worked.groupby(["agent_id", "interval"])[["worked_phone_s"]].sum()
    table = planned.join(done, how="outer").fillna(0).astype(np.int64).reset_index()
    table["interval"] = pd.to_datetime(table["interval"], unit="s")
    table["day"] = table["interval"].dt.normalize()
    table["time_of_day"] = table["interval"].dt.strftime("%H:%M")
    out = table.groupby(_BY[by])[cols + ["worked_phone_s"]].sum()
    out["adherence"] = out["in_adherence_s"] / out["scheduled_s"].where(out["scheduled_s"] > 0)
    out["conformance"] = out["worked_phone_s"] / out["scheduled_phone_s"].where(out["scheduled_phone_s"] > 0)
    return out[["scheduled_s", "in_adherence_s", "adherence", "scheduled_phone_s", "worked_phone_s", "conformance"]]


def _clock(seconds) -> str:
    return _clock_text(int(seconds) % DAY_S)


def adherence_exceptions(schedule, states, *, late_login=300, early_logout=300,
                         long_break=300) -> pd.DataFrame:
    """Exceptions a supervisor follows up, one row per agent-day and kind.

    A shift is an agent's scheduled rows on one calendar day; its log-in is the first
    state row of that agent that day and its log-out the last.

    * ``no_show``: no state rows on a scheduled day;
    * ``late_login``: logged in more than ``late_login`` seconds after the shift start;
    * ``early_logout``: logged out more than ``early_logout`` seconds before the shift end;
    * ``long_break``: time in break and lunch states exceeds the scheduled break and lunch
      time by more than ``long_break`` seconds.

    Returns a DataFrame ``agent_id, day, exception, excess_s, detail`` (``excess_s`` = seconds
    beyond the schedule), sorted by agent and day.
    """
    for name, value in (("late_login", late_login), ("early_logout", early_logout),
                        ("long_break", long_break)):
        if not np.isfinite(value) or value < 0:
            raise ValueError(f"{name} must be zero or a positive number of seconds, got {value!r}")
    sched = _checked(schedule, "schedule", "activity", ACTIVITIES)
    logs = _checked(states, "states", "state", ACTIVITY_OF_STATE)
    for frame in (sched, logs):
        frame["day"] = frame["start"] // 86_400
    sched["rest_s"] = np.where(sched["activity"].isin(["break", "lunch"]), sched["end"] - sched["start"], 0)
    logs["rest_s"] = np.where(logs["state"].isin(["break", "lunch"]), logs["end"] - logs["start"], 0)
    keys = ["agent_id", "day"]
    shifts = sched.groupby(keys).agg(start=("start", "min"), end=("end", "max"), rest_s=("rest_s", "sum"))
    actual = logs.groupby(keys).agg(login=("start", "min"), logout=("end", "max"), taken_s=("rest_s", "sum"))
    day = shifts.join(actual, how="left").reset_index()
    shown = day["login"].notna()
    found = [
        (~shown, "no_show", day["end"] - day["start"], "no log-in"),
        (shown & (day["login"] - day["start"] > late_login), "late_login", day["login"] - day["start"],
         "scheduled " + day["start"].map(_clock) + ", logged in " + day["login"].fillna(0).map(_clock)),
        (shown & (day["end"] - day["logout"] > early_logout), "early_logout", day["end"] - day["logout"],
         "scheduled " + day["end"].map(_clock) + ", logged out " + day["logout"].fillna(0).map(_clock)),
        (shown & (day["taken_s"] - day["rest_s"] > long_break), "long_break", day["taken_s"] - day["rest_s"],
         "breaks scheduled " + (day["rest_s"] // 60).astype(str) + " min, taken "
         + (day["taken_s"].fillna(0) // 60).astype(np.int64).astype(str) + " min"),
    ]
    parts = [pd.DataFrame({"agent_id": day["agent_id"][mask], "day": day["day"][mask], "exception": kind,
                           "excess_s": excess[mask].astype(np.int64), "detail": detail[mask] if not isinstance(detail, str) else detail})
             for mask, kind, excess, detail in found]
    out = pd.concat(parts, ignore_index=True)
    out["day"] = pd.to_datetime(out["day"] * 86_400, unit="s")
    return out.sort_values(["agent_id", "day", "exception"], ignore_index=True)


def adherence_snapshot(schedule, states, at) -> pd.DataFrame:
    """Real-time adherence (RTA) at one moment: who should be doing what, and is doing it.

    One row per agent scheduled or logged in at ``at``: ``scheduled`` activity ('' when
    not scheduled), ``state`` ('logged_out' when no state row covers ``at``), ``since`` (when
    that state began) and ``in_adherence`` (state matches the scheduled activity, as in
    :func:`adherence_table`; an unscheduled agent is not counted as out of adherence).
    """
    sched = _checked(schedule, "schedule", "activity", ACTIVITIES)
    logs = _checked(states, "states", "state", ACTIVITY_OF_STATE)
    moment = _seconds(pd.Series([pd.Timestamp(at)]))[0]
    now_sched = sched[(sched["start"] <= moment) & (moment < sched["end"])].set_index("agent_id")["activity"]
    live = logs[(logs["start"] <= moment) & (moment < logs["end"])].set_index("agent_id")
    agents = now_sched.index.union(live.index)
    out = pd.DataFrame({"scheduled": now_sched.reindex(agents).fillna(""),
                        "state": live["state"].reindex(agents).fillna("logged_out")}, index=agents)
    out["since"] = pd.to_datetime(live["start"].reindex(agents), unit="s")
    out["in_adherence"] = (out["state"].map(ACTIVITY_OF_STATE) == out["scheduled"]) | (out["scheduled"] == "")
    out.index.name = "agent_id"
    return out
