"""Loaders for the workforce-management (WFM) data of chapter 05 (``datasets/wfm/``).

Two service lines ('ecommerce', open every day 08:00–22:00; 'corporate', working days
09:00–18:00 by :func:`ccskills.workcalendar.china_calendar`), two years of 15-minute history with
rows for open slots only, the agents, a published two-week schedule (2026-09-14 … 2026-09-27) and
the agent states the ACD logged against it. Every loader checks its table and raises
``ValueError`` naming the column and the problem. Data dictionary: ``datasets/wfm/README.md``.

>>> history = load_interval_history("corporate")
>>> times = sorted(history["interval_start"].dt.strftime("%H:%M").unique())
>>> times[0], times[-1], len(times)
('09:00', '17:45', 36)
>>> calls = load_interval_series("ecommerce")
>>> bool(calls.loc["2025-11-11"].sum() > 1.8 * calls.loc["2025-11-04"].sum())
True
"""

from __future__ import annotations

import pandas as pd

from . import data_dir

__all__ = [
    "LINES", "ACTIVITIES", "STATES", "CONTRACTS",
    "load_interval_history", "load_interval_series", "load_wfm_agents", "load_schedule",
    "load_agent_states",
]

LINES = ("ecommerce", "corporate")
ACTIVITIES = ("phone", "break", "lunch", "meeting", "training")
STATES = ("available", "talk", "hold", "acw", "not_ready", "break", "lunch", "meeting", "training")
CONTRACTS = ("full_time", "part_time")


def _read(name: str, columns: tuple[str, ...], text: tuple[str, ...]) -> pd.DataFrame:
    frame = pd.read_csv(data_dir() / "wfm" / name, encoding="utf-8",
                        dtype={c: str for c in text}, keep_default_na=False, na_values=[""])
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name} must have the columns {list(columns)}, got {list(frame.columns)!r}")
    return frame[list(columns)]


def _categories(frame: pd.DataFrame, column: str, allowed) -> None:
    bad = ~frame[column].isin(allowed)
    if bad.any():
        raise ValueError(f"{column} must be one of {', '.join(map(repr, allowed))}, "
                         f"got {frame.loc[bad, column].iloc[0]!r} in row {bad.idxmax()}")


def _datetimes(frame: pd.DataFrame, column: str) -> None:
    parsed = pd.to_datetime(frame[column], format="%Y-%m-%d %H:%M:%S", errors="coerce")
    bad = parsed.isna()
    if bad.any():
        raise ValueError(f"{column} must be a date and time such as '2026-09-14 08:00:00', "
                         f"got {frame.loc[bad, column].iloc[0]!r} in row {bad.idxmax()}")
    frame[column] = parsed.astype("datetime64[ns]")


def _unique(frame: pd.DataFrame, columns: list[str]) -> None:
    dup = frame.duplicated(columns, keep=False)
    if dup.any():
        raise ValueError(f"{' + '.join(columns)} must be unique, got a duplicate in row {dup.idxmax()}")


def _ordered(frame: pd.DataFrame) -> None:
    bad = frame["end"] <= frame["start"]
    if bad.any():
        raise ValueError(f"end must be after start, got {frame.loc[bad, 'end'].iloc[0]!r} "
                         f"in row {bad.idxmax()}")


def validate_interval_history(frame: pd.DataFrame) -> pd.DataFrame:
    """Check the interval history and return it with its dtypes (see :func:`load_interval_history`)."""
    out = frame.copy()
    _categories(out, "line", LINES)
    _datetimes(out, "interval_start")
    off_grid = (out["interval_start"].dt.minute % 15 != 0) | (out["interval_start"].dt.second != 0)
    if off_grid.any():
        raise ValueError(f"interval_start must be on a 15-minute boundary, got "
                         f"{out.loc[off_grid, 'interval_start'].iloc[0]!r} in row {off_grid.idxmax()}")
    calls = pd.to_numeric(out["calls"], errors="coerce")
    bad = calls.isna() | (calls < 0) | (calls % 1 != 0)
    if bad.any():
        raise ValueError(f"calls must be a whole number >= 0, got {out.loc[bad, 'calls'].iloc[0]!r} "
                         f"in row {bad.idxmax()}")
    out["calls"] = calls.astype("int64")
    aht = pd.to_numeric(out["aht_s"], errors="coerce").astype("float64")
    bad = (aht.isna() & (out["calls"] > 0)) | (aht <= 0) | (aht.notna() & (out["calls"] == 0))
    if bad.any():
        raise ValueError(f"aht_s must be a positive number of seconds when calls > 0 and empty when "
                         f"calls = 0, got {out.loc[bad, 'aht_s'].iloc[0]!r} in row {bad.idxmax()}")
    out["aht_s"] = aht
    _unique(out, ["line", "interval_start"])
    return out


def load_interval_history(line: str | None = None) -> pd.DataFrame:
    """15-minute history 2024-10-01 … 2026-09-30: ``line, interval_start, calls, aht_s``.

    Only open slots have rows (a closed slot is absent, not zero). ``interval_start``
    datetime64[ns] (local time, slot start), ``calls`` int64 (calls offered in the slot),
    ``aht_s`` float64 (average handle time of those calls, s; NaN when calls = 0).
    ``line``: 'ecommerce', 'corporate' or None for both.
    """
    if line is not None and line not in LINES:
        raise ValueError(f"line must be one of {', '.join(map(repr, LINES))} or None, got {line!r}")
    frame = validate_interval_history(
        _read("interval_history.csv", ("line", "interval_start", "calls", "aht_s"), ("line",)))
    if line is not None:
        frame = frame[frame["line"] == line].reset_index(drop=True)
    return frame


def load_interval_series(line: str, column: str = "calls") -> pd.Series:
    """One line's ``calls`` or ``aht_s`` as a Series on a DatetimeIndex of its open slots.

    >>> s = load_interval_series("ecommerce", "aht_s")
    >>> s.name, s.index.name, str(s.index[0])
    ('aht_s', 'interval_start', '2024-10-01 08:00:00')
    """
    if line not in LINES:
        raise ValueError(f"line must be one of {', '.join(map(repr, LINES))}, got {line!r}")
    if column not in ("calls", "aht_s"):
        raise ValueError(f"column must be 'calls' or 'aht_s', got {column!r}")
    frame = load_interval_history(line)
    return pd.Series(frame[column].to_numpy(), index=pd.DatetimeIndex(frame["interval_start"]),
                     name=column)


def load_wfm_agents() -> pd.DataFrame:
    """Agents of both lines: ``agent_id, name, team, line, contract, weekly_hours`` (int64, h)."""
    out = _read("agents.csv", ("agent_id", "name", "team", "line", "contract", "weekly_hours"),
                ("agent_id", "name", "team", "line", "contract"))
    _categories(out, "line", LINES)
    _categories(out, "contract", CONTRACTS)
    _unique(out, ["agent_id"])
    hours = pd.to_numeric(out["weekly_hours"], errors="coerce")
    bad = hours.isna() | (hours <= 0) | (hours > 60)
    if bad.any():
        raise ValueError(f"weekly_hours must be a number of hours in (0, 60], got "
                         f"{out.loc[bad, 'weekly_hours'].iloc[0]!r} in row {bad.idxmax()}")
    return out.assign(weekly_hours=hours.astype("int64"))


def _timeline(name: str, kind: str, allowed) -> pd.DataFrame:
    out = _read(name, ("agent_id", "start", "end", kind), ("agent_id", kind))
    _categories(out, kind, allowed)
    for col in ("start", "end"):
        _datetimes(out, col)
    _ordered(out)
    _unique(out, ["agent_id", "start"])
    return out


def load_schedule() -> pd.DataFrame:
    """Published schedule 2026-09-14 … 2026-09-27 (e-commerce): ``agent_id, start, end, activity``.

    ``activity`` is one of :data:`ACTIVITIES`; rows of one agent-day tile the shift without gaps.
    """
    return _timeline("schedule.csv", "activity", ACTIVITIES)


def load_agent_states() -> pd.DataFrame:
    """ACD agent states for the schedule's agents and days: ``agent_id, start, end, state``.

    ``state`` is one of :data:`STATES`; logged-out time has no rows; timestamps to the second.
    """
    return _timeline("agent_states.csv", "state", STATES)
