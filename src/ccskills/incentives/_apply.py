"""Applying a bonus scheme to agents' scores: gates, tier, payout, cap, pool (CNY)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from ccskills.evaluation import normalise

from ._scheme import BonusScheme, Gate, _number
from ._smoothing import as_history, smooth_scores

RESULT_COLUMNS = ("score", "used_score", "percentile", "tier", "tier_payout", "gates_passed",
                  "failed_gate", "gate_reason", "bonus")


def apply_scheme(scores, kpis, scheme: BonusScheme) -> pd.DataFrame:
    """Each agent's bonus under ``scheme``, with the gate results and the tier.

    ``scores``: composite scores, a Series agent -> score (one period) or a DataFrame agents ×
    periods, oldest first (smoothing uses the history; the last column is this period).
    ``kpis``: one row per agent, holding every gate's column for this period.

    Steps: smooth (``scheme.smoothing``) → ``used_score``; its rank ``percentile`` among all
    agents; the tier whose band holds the basis value (below the lowest band: no tier, "");
    (the value is rounded to 9 decimals first, so float noise cannot cross a band edge);
    ``tier_payout`` = the tier's multiple × target bonus or amount; gates: an agent failing any
    gets 0 (``failed_gate`` lists the gates failed, ``gate_reason`` why: ``"missing"`` when the
    KPI is missing, ``"below"``/``"above"`` the threshold); cap; pool scaling.

    >>> from ccskills.incentives import Tier
    >>> scheme = BonusScheme([Tier("C", 0, 0.5, amount=0), Tier("B", 0.5, 0.8, multiple=1),
    ...                       Tier("A", 0.8, 1, multiple=2)], gates=[Gate("attendance", 0.95)],
    ...                      target_bonus=500)
    >>> kpis = pd.DataFrame({"attendance": [1.0, 0.9, None]}, index=["a", "b", "c"])
    >>> out = apply_scheme(pd.Series([0.85, 0.9, 0.6], index=["a", "b", "c"]), kpis, scheme)
    >>> out[["tier", "gate_reason", "bonus"]].values.tolist()
    [['A', '', 1000.0], ['A', 'below', 0.0], ['B', 'missing', 0.0]]
    """
    if not isinstance(scheme, BonusScheme):
        raise TypeError(f"scheme must be a BonusScheme, got {type(scheme).__name__!r}")
    history = as_history(scores)
    used = smooth_scores(history, scheme.smoothing)
    out = pd.DataFrame({"score": history.iloc[:, -1], "used_score": used,
                        "percentile": normalise(used, "rank_percentile", "higher")}, index=history.index)
    basis = out["used_score"] if scheme.basis == "score" else out["percentile"]
    out["tier"], out["tier_payout"] = _tiers(basis, scheme)
    passed, failed, reasons = _gates(out.index, kpis, scheme.gates)
    out["gates_passed"], out["failed_gate"], out["gate_reason"] = passed, failed, reasons
    raw = out["tier_payout"].where(out["gates_passed"], 0.0)
    if scheme.cap is not None:
        raw = raw.clip(upper=scheme.cap)
    out["bonus"] = raw if scheme.pool is None else scale_to_pool(raw, scheme.pool, scheme.cap)
    out.attrs.update(scheme=scheme.name, pool=scheme.pool)
    return out


def _tiers(basis: pd.Series, scheme: BonusScheme):
    """Tier name and payout per agent; ValueError if a value is above the top band."""
    top = scheme.tiers[-1]
    above = basis > top.upper
    if above.any():
        raise ValueError(f"scores must lie within the tier bands (top {top.upper:g}), "
                         f"got {float(basis[above].iloc[0])!r} for {basis.index[above][0]!r}")
    lowers = np.array([t.lower for t in scheme.tiers])
    # to 9 decimals, so that float sums such as (0.9 + 0.5 + 0.7) / 3 = 0.69999… stay in the 0.7 band
    position = np.searchsorted(lowers, basis.to_numpy().round(9), side="right") - 1
    names = [scheme.tiers[i].name if i >= 0 else "" for i in position]
    pays = [scheme.tiers[i].payout(scheme.target_bonus) if i >= 0 else 0.0 for i in position]
    return pd.Series(names, index=basis.index), pd.Series(pays, index=basis.index, dtype=float)


def _gates(index, kpis, gates: tuple[Gate, ...]):
    """Per agent: passed every gate, the gates failed and why ("; "-joined, "" if none)."""
    if not gates:
        return pd.Series(True, index=index), pd.Series("", index=index), pd.Series("", index=index)
    if not isinstance(kpis, pd.DataFrame):
        raise TypeError(f"kpis must be a DataFrame with the gates' columns, got {type(kpis).__name__!r}")
    failed = pd.DataFrame(index=index)
    for gate in gates:
        failed[gate.name] = _gate_reason(gate, kpis, index)
    names = failed.apply(lambda row: "; ".join(k for k, v in row.items() if v), axis=1)
    reasons = failed.apply(lambda row: "; ".join(v for v in row if v), axis=1)
    return names == "", names.astype(str), reasons.astype(str)


def _gate_reason(gate: Gate, kpis: pd.DataFrame, index) -> pd.Series:
    """'' where the gate holds, else 'missing', 'below' or 'above'."""
    if gate.column not in kpis.columns:
        raise ValueError(f"gates[{gate.name!r}].column must be a column of kpis {list(kpis.columns)!r}, "
                         f"got {gate.column!r}")
    try:
        x = kpis[gate.column].reindex(index).astype(float)
    except (TypeError, ValueError):
        raise TypeError(f"kpis[{gate.column!r}] must be numbers, got {kpis[gate.column].dtype}") from None
    fails = "below" if gate.direction == "at_least" else "above"
    held = x >= gate.threshold if gate.direction == "at_least" else x <= gate.threshold
    return pd.Series(np.where(x.isna(), "missing", np.where(held, "", fails)), index=index)


def scale_to_pool(bonuses, pool: float, cap: float | None = None) -> pd.Series:
    """Bonuses scaled in proportion so they add up to ``pool`` (奖金池), none above ``cap``.

    Each bonus becomes min(cap, λ × bonus) with the one λ that makes the total ``pool``
    (found by capping the largest and re-sharing what is left among the rest). If nobody has
    a bonus, or ``pool`` exceeds cap × the number with a bonus, the total stays below
    ``pool``: the rest is unspent (see :func:`~ccskills.incentives.bonus_cost`).

    >>> scale_to_pool(pd.Series([100.0, 300.0, 0.0]), 1000).tolist()
    [250.0, 750.0, 0.0]
    >>> scale_to_pool(pd.Series([100.0, 300.0, 0.0]), 1000, cap=600).tolist()
    [400.0, 600.0, 0.0]
    """
    raw = pd.Series(bonuses, dtype=float)
    pool = _number("pool", pool, low=0)
    cap = None if cap is None else _number("cap", cap, low=0)
    if (raw < 0).any() or raw.isna().any():
        raise ValueError(f"bonuses must be zero or positive amounts, got {float(raw[(raw < 0) | raw.isna()].iloc[0])!r}")
    capped = pd.Series(False, index=raw.index)
    while True:
        free = raw.where(~capped, 0.0)
        left = pool - (cap or 0.0) * int(capped.sum())
        if free.sum() <= 0 or left <= 0:  # nothing left to share: the capped get the cap
            return pd.Series(np.where(capped, cap or 0.0, 0.0), index=raw.index)
        scaled = free / free.sum() * left  # shares first: no overflow for tiny bonuses
        over = scaled > cap if cap is not None else pd.Series(False, index=raw.index)
        if not over.any():
            return scaled.where(~capped, cap)
        capped |= over


def tier_history(scores, scheme: BonusScheme) -> pd.DataFrame:
    """The tier each agent's score (smoothed as the scheme says) gives in every period.

    ``scores``: agents × periods, oldest first. Period p is scored on the history up to p, among
    the agents with a score in p (others: missing, NaN). Gates, cap and pool do not change a tier
    and are not applied. Counting the agents whose tier differs from one period to the next
    shows how much a scheme's pay would churn on noise.

    >>> from ccskills.incentives import Smoothing, Tier
    >>> s = BonusScheme([Tier("B", 0, 0.5, amount=0), Tier("A", 0.5, 1, amount=1)])
    >>> h = pd.DataFrame({"Jan": [0.6, 0.4], "Feb": [0.45, 0.55]}, index=["a", "b"])
    >>> tier_history(h, s).values.tolist()
    [['A', 'B'], ['B', 'A']]
    >>> tier_history(h, replace(s, smoothing=Smoothing("mean", previous=1))).values.tolist()
    [['A', 'A'], ['B', 'B']]
    """
    if not isinstance(scheme, BonusScheme):
        raise TypeError(f"scheme must be a BonusScheme, got {type(scheme).__name__!r}")
    if not isinstance(scores, pd.DataFrame):
        raise TypeError(f"scores must be a DataFrame agents × periods, got {type(scores).__name__!r}")
    bare = replace(scheme, gates=(), pool=None, cap=None)
    out = {}
    for i, period in enumerate(scores.columns, start=1):
        part = scores.iloc[:, :i]
        present = part[part.iloc[:, -1].notna()]
        out[period] = apply_scheme(present, None, bare)["tier"].reindex(scores.index)
    return pd.DataFrame(out, index=scores.index)
