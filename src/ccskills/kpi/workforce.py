"""Workforce-efficiency KPIs from agent-state time: occupancy, utilisation, shrinkage.

An *agent-states* table has one row per agent and period (e.g. day) with seconds
``paid_s`` (paid time), ``logged_in_s``, ``available_s`` (idle, ready for a call),
``talk_s``, ``hold_s``, ``acw_s`` and ``not_ready_s``; handle = talk + hold + acw.
The three KPIs are ratios of sums, each with named definitions because vendors
disagree (domain.md §1.3 [18][19][22]; "fix yours" [20]):

- occupancy ``handle_over_staffed`` (default, Genesys): handle / (handle + available);
  ``handle_over_logged_in``: handle / logged-in;
- utilisation ``staffed_over_paid`` (default, Assembled): (handle + available) / paid;
  ``handle_over_paid``; ``logged_in_over_paid``;
- shrinkage ``not_available`` (default, SWPP): (paid − handle − available) / paid;
  ``offline_only``: (paid − logged-in) / paid.

Each row must nest: handle + available <= logged-in <= paid (a row that does not is refused,
naming the column and row), so every rate lies in [0, 1]; a rate is NaN when its denominator
sums to 0 (no staffed or paid time).
"""

from __future__ import annotations

import pandas as pd

from ._records import check_records, check_seconds_bound, ratio, raise_bad_rows, scalar, sums

__all__ = ["occupancy_rate", "utilisation_rate", "shrinkage_rate", "productive_hours",
           "OCCUPANCY_DEFINITIONS", "UTILISATION_DEFINITIONS", "SHRINKAGE_DEFINITIONS",
           "PRODUCTIVE_HOURS_DEFINITIONS"]

STATE_COLUMNS = ("paid_s", "logged_in_s", "available_s", "talk_s", "hold_s", "acw_s")

_OCCUPANCY = {
    "handle_over_staffed": lambda s: ratio(s["handle_s"], s["handle_s"] + s["available_s"]),
    "handle_over_logged_in": lambda s: ratio(s["handle_s"], s["logged_in_s"]),
}
_UTILISATION = {
    "staffed_over_paid": lambda s: ratio(s["handle_s"] + s["available_s"], s["paid_s"]),
    "handle_over_paid": lambda s: ratio(s["handle_s"], s["paid_s"]),
    "logged_in_over_paid": lambda s: ratio(s["logged_in_s"], s["paid_s"]),
}
_SHRINKAGE = {
    "not_available": lambda s: ratio(s["paid_s"] - s["handle_s"] - s["available_s"], s["paid_s"]),
    "offline_only": lambda s: ratio(s["paid_s"] - s["logged_in_s"], s["paid_s"]),
}
_PRODUCTIVE = {
    "staffed_hours": lambda s: (s["handle_s"] + s["available_s"]) / 3600,
    "handle_hours": lambda s: s["handle_s"] / 3600,
    "logged_in_hours": lambda s: s["logged_in_s"] / 3600,
}
OCCUPANCY_DEFINITIONS = tuple(_OCCUPANCY)
UTILISATION_DEFINITIONS = tuple(_UTILISATION)
SHRINKAGE_DEFINITIONS = tuple(_SHRINKAGE)
PRODUCTIVE_HOURS_DEFINITIONS = tuple(_PRODUCTIVE)
FORMULAS = {"occupancy": _OCCUPANCY, "utilisation": _UTILISATION, "shrinkage": _SHRINKAGE,
            "productive_hours": _PRODUCTIVE}


def formula(kind: str, definition):
    """The formula (over summed state seconds) of ``kind`` under ``definition`` (None: the default)."""
    table = FORMULAS[kind]
    if definition is None:
        return next(iter(table.values()))
    if definition not in table:
        raise ValueError(f"definition must be one of {tuple(table)!r}, got {definition!r}")
    return table[definition]


def state_indicators(states) -> pd.DataFrame:
    """Per-row state seconds with ``handle_s`` = talk + hold + acw, checked to be numbers >= 0."""
    check_records(states, list(STATE_COLUMNS), "agent_states")
    out = {}
    for col in STATE_COLUMNS:
        value = pd.to_numeric(states[col], errors="coerce").astype(float)
        raise_bad_rows(col, "a number of seconds >= 0", states[col], ~(value >= 0).to_numpy())
        check_seconds_bound(col, states[col], value)
        out[col] = value
    frame = pd.DataFrame(out, index=states.index)
    frame["handle_s"] = frame["talk_s"] + frame["hold_s"] + frame["acw_s"]
    _check_nested(states, frame)
    return frame


def _check_nested(states, frame) -> None:
    """Handle + available fit in logged-in time, and logged-in time in paid time, row by row
    (otherwise occupancy, utilisation or shrinkage would leave [0, 1])."""
    staffed = frame["handle_s"] + frame["available_s"]
    raise_bad_rows("logged_in_s", "at least talk_s + hold_s + acw_s + available_s", states["logged_in_s"],
                   (staffed > frame["logged_in_s"] + 1e-6).to_numpy())
    raise_bad_rows("paid_s", "at least logged_in_s", states["paid_s"],
                   (frame["logged_in_s"] > frame["paid_s"] + 1e-6).to_numpy())


def _one(kind, states, definition) -> float:
    rule = formula(kind, definition)
    return scalar(rule(sums(state_indicators(states))))


def occupancy_rate(states, definition="handle_over_staffed") -> float:
    """Occupancy (占用率) from agent-state time: handle / (handle + available) by default.

    >>> states = pd.DataFrame({"paid_s": [28800], "logged_in_s": [27000], "available_s": [5000],
    ...     "talk_s": [15000], "hold_s": [1000], "acw_s": [4000], "not_ready_s": [2000]})
    >>> occupancy_rate(states), round(occupancy_rate(states, "handle_over_logged_in"), 4)
    (0.8, 0.7407)
    """
    return _one("occupancy", states, definition)


def utilisation_rate(states, definition="staffed_over_paid") -> float:
    """Utilisation (座席利用率): (handle + available) / paid by default; see the module for the others.

    >>> states = pd.DataFrame({"paid_s": [28800], "logged_in_s": [27000], "available_s": [5000],
    ...     "talk_s": [15000], "hold_s": [1000], "acw_s": [4000], "not_ready_s": [2000]})
    >>> round(utilisation_rate(states), 4)    # 25000 / 28800
    0.8681
    """
    return _one("utilisation", states, definition)


def shrinkage_rate(states, definition="not_available") -> float:
    """Shrinkage (损耗率): paid time not available for contacts / paid time (default definition).

    >>> states = pd.DataFrame({"paid_s": [28800], "logged_in_s": [27000], "available_s": [5000],
    ...     "talk_s": [15000], "hold_s": [1000], "acw_s": [4000], "not_ready_s": [2000]})
    >>> round(shrinkage_rate(states), 4), round(shrinkage_rate(states, "offline_only"), 4)
    (0.1319, 0.0625)
    """
    return _one("shrinkage", states, definition)


def productive_hours(states, definition="staffed_hours") -> float:
    """Productive agent hours: (handle + available) / 3600 by default, or handle or logged-in hours.

    >>> states = pd.DataFrame({"paid_s": [28800], "logged_in_s": [27000], "available_s": [5000],
    ...     "talk_s": [15000], "hold_s": [1000], "acw_s": [4000], "not_ready_s": [2000]})
    >>> round(productive_hours(states), 3)
    6.944
    """
    return _one("productive_hours", states, definition)
