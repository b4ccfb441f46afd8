"""The range over which the queueing formulas are verified, and the checks that keep inputs in it.

The limits are far beyond any contact centre (the largest run a few thousand agents on a
queue; agents may be fractional down to a millionth) and were chosen because they are verified: Erlang B/C agree with 50-digit mpmath to
≤ 2e-15 relative at 1,000,000 Erlangs and 2,000,000 agents, and Erlang A's P(wait),
P(abandon) and service level agree with mpmath's incomplete gamma to ≤ 2e-11 with patience
from AHT / 10⁶ to 10⁶ × AHT (tests/test_queueing.py). Inside them every staffing search
ends within a second; outside them a float search could step forever (2⁵³ + 1 == 2⁵³).
"""

from __future__ import annotations

import numpy as np

from ccskills._validation import check_at_most, check_nonnegative, check_positive

__all__ = ["MAX_LOAD", "MIN_LOAD", "MAX_AGENTS", "MIN_AGENTS", "MAX_PATIENCE_RATIO", "check_load", "check_agents",
           "check_patience", "check_answer_reachable"]

MAX_LOAD = 1_000_000.0
"""Largest offered load in Erlangs the queueing functions accept."""

MIN_LOAD = 1e-300
"""Smallest positive offered load accepted (Erlangs): below it λ/θ leaves the float range."""

MAX_AGENTS = 2_000_000.0
"""Largest number of agents the queueing functions accept or return (room for 10⁶ Erlangs)."""

MIN_AGENTS = 1e-6
"""Smallest positive (fractional) number of agents accepted: below it x = N·patience/AHT and
the log-space terms reach the subnormal range, where no digit is left to verify."""

MAX_PATIENCE_RATIO = 1_000_000.0
"""Erlang A: a finite mean patience must lie within AHT / 10⁶ … 10⁶ × AHT."""


def check_load(value, name: str = "load") -> np.ndarray:
    """Offered load in Erlangs: 0, or :data:`MIN_LOAD` ≤ value ≤ :data:`MAX_LOAD`."""
    arr = check_nonnegative(name, value)
    tiny = (arr > 0) & (arr < MIN_LOAD)
    if tiny.any():
        raise ValueError(f"{name} must be 0 or at least {MIN_LOAD:g} Erlangs, got {_first(value, arr, tiny)!r}")
    return check_at_most(name, value, MAX_LOAD, f"at most {MAX_LOAD:,.0f} Erlangs")


def check_agents(value, *, allow_zero: bool = False) -> np.ndarray:
    """Agents: :data:`MIN_AGENTS` ≤ value ≤ :data:`MAX_AGENTS` (or 0 with ``allow_zero``)."""
    arr = (check_nonnegative if allow_zero else check_positive)("agents", value)
    tiny = (arr > 0) & (arr < MIN_AGENTS)
    if tiny.any():
        raise ValueError(f"agents must be at least {MIN_AGENTS:g} (a millionth of an agent), "
                         f"got {_first(value, arr, tiny)!r}")
    return check_at_most("agents", value, MAX_AGENTS, f"at most {MAX_AGENTS:,.0f}")


def check_patience(patience, aht, *, allow_inf: bool = True) -> np.ndarray:
    """Mean patience in seconds: between aht / 10⁶ and 10⁶ × aht (aht already checked), or inf
    (no abandonment) where ``allow_inf``; the staffing searches take None for that instead."""
    p = check_positive("patience", patience, allow_inf=allow_inf)
    with np.errstate(over="ignore", under="ignore"):
        ratio = np.broadcast_to(p, np.broadcast_shapes(p.shape, np.shape(aht))) / np.asarray(aht)
    shown = np.broadcast_to(p, ratio.shape)
    too_long = np.isfinite(shown) & ~(ratio <= MAX_PATIENCE_RATIO)
    if too_long.any():
        never = "inf" if allow_inf else "patience=None"
        raise ValueError(f"patience must be at most {MAX_PATIENCE_RATIO:,.0f} × aht ({never} for callers "
                         f"who never abandon), got {_first(patience, shown, too_long)!r}")
    if (ratio < 1.0 / MAX_PATIENCE_RATIO).any():
        bad = ratio < 1.0 / MAX_PATIENCE_RATIO
        raise ValueError(f"patience must be at least aht / {MAX_PATIENCE_RATIO:,.0f}, "
                         f"got {_first(patience, shown, bad)!r}")
    return p


def _first(value, arr, bad):
    return value if np.ndim(value) == 0 else arr[bad].flat[0].item()


def check_answer_reachable(agents: np.ndarray, name: str, value, must: str | None = None) -> np.ndarray:
    """``agents`` if no search answer exceeds :data:`MAX_AGENTS`; else ValueError naming ``name``.

    ``value`` is the flat array of ``name`` the search ran on (or a scalar).
    """
    too_many = ~(agents <= MAX_AGENTS)
    if too_many.any():
        must = must or f"reachable with at most {MAX_AGENTS:,.0f} agents"
        shown = np.broadcast_to(np.asarray(value, float), agents.shape)
        raise ValueError(f"{name} must be {must}, got {_first(value, shown, too_many)!r}")
    return agents
