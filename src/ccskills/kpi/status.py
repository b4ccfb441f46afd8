"""Red / amber / green status of KPI values against targets (红黄绿灯).

A value is *green* when it meets the target, *amber* when it misses the target but
stays within the amber edge, *red* beyond it; missing values get no status (<NA>).
"higher" is better: green ``v >= target``, amber ``amber <= v < target``; "lower":
green ``v <= target``, amber ``target < v <= amber``; "band": green inside the
target range, amber inside the amber range. The amber edges are a centre's choice;
the registry's are this kit's teaching defaults.
"""

from __future__ import annotations

import math
import numbers
from typing import NamedTuple

import numpy as np
import pandas as pd

from .registry import REGISTRY, indicator

__all__ = ["rag_status", "Target", "resolve_targets", "STATUSES"]

STATUSES = ("green", "amber", "red")


class Target(NamedTuple):
    """(direction, target, amber) of one indicator, as used by :func:`rag_status`."""

    direction: str
    target: float | tuple
    amber: float | tuple | None


def _check_edges(direction, target, amber) -> None:
    """Targets and amber edges: finite numbers (a (low, high) pair of them for a band)."""
    for name, edge in (("target", target), ("amber", amber)):
        if edge is None and name == "amber":
            continue
        ends = edge if direction == "band" and isinstance(edge, tuple) and len(edge) == 2 else (edge,)
        if direction == "band" and len(ends) != 2:
            raise ValueError(f"{name} must be a (low, high) pair for a band, got {edge!r}")
        for end in ends:
            if isinstance(end, bool) or not isinstance(end, numbers.Real) or not math.isfinite(end):
                raise ValueError(f"{name} must be a finite number (or a pair for a band), got {edge!r}")


def rag_status(values, direction, target, amber=None) -> pd.Series:
    """Status per value: "green" / "amber" / "red" (<NA> where the value is missing), as a Series.

    >>> rag_status([0.82, 0.77, 0.70, None], "higher", 0.80, 0.75).tolist()
    ['green', 'amber', 'red', <NA>]
    >>> rag_status([0.80, 0.88, 0.95], "band", (0.75, 0.85), (0.70, 0.90)).tolist()
    ['green', 'amber', 'red']
    """
    v = pd.Series(values, dtype=float) if not isinstance(values, pd.Series) else values.astype(float)
    x = v.to_numpy()
    _check_edges(direction, target, amber)
    if direction == "band":
        (lo, hi), (alo, ahi) = target, amber if amber is not None else target
        green, ok = (x >= lo) & (x <= hi), (x >= alo) & (x <= ahi)
    elif direction in ("higher", "lower"):
        sign = 1.0 if direction == "higher" else -1.0
        edge = target if amber is None else amber
        green, ok = sign * x >= sign * target, sign * x >= sign * edge
    else:
        raise ValueError(f"direction must be 'higher', 'lower' or 'band', got {direction!r}")
    out = np.where(green, "green", np.where(ok, "amber", "red")).astype(object)
    out[np.isnan(x)] = pd.NA
    return pd.Series(out, index=v.index, dtype="string")


def _one(id: str, spec) -> Target | None:
    ind = indicator(id)
    if ind.direction is None:
        raise ValueError(f"targets must not set a target for {id!r}: a volume has no better direction")
    if spec is None:
        return None if ind.target is None else Target(ind.direction, ind.target, ind.amber)
    if isinstance(spec, numbers.Real) and not isinstance(spec, bool):
        gap = None if ind.amber is None or ind.direction == "band" else ind.amber - ind.target
        amber = None if gap is None else round(float(spec) + gap, 10)
        return Target(ind.direction, float(spec), amber)
    if isinstance(spec, tuple) and len(spec) == 2:
        return Target(ind.direction, spec[0], spec[1])
    raise ValueError(f"targets[{id!r}] must be a number or a (target, amber) pair, got {spec!r}")


def resolve_targets(targets, ids) -> dict:
    """Targets for ``ids``: True for the registry's, or a dict id -> number or (target, amber).

    A number keeps the registry's distance to the amber edge (target 0.85 for service
    level gives amber 0.80); ids with no target get no status.

    >>> resolve_targets({"service_level": 0.85}, ["service_level", "offered"])
    {'service_level': Target(direction='higher', target=0.85, amber=0.8)}
    """
    if targets is True:
        specs = {}
    elif isinstance(targets, dict):
        unknown = [k for k in targets if k not in REGISTRY]
        if unknown:
            raise ValueError(f"targets must be keyed by indicator ids, got {unknown[0]!r}")
        specs = targets
    else:
        raise ValueError(f"targets must be None, True or a dict of id -> target, got {targets!r}")
    out = {}
    for id in ids:
        if indicator(id).direction is None and id not in specs:
            continue
        t = _one(id, specs.get(id))
        if t is not None:
            out[id] = t
    return out
