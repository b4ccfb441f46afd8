"""Cliff edges (悬崖效应): agents just below a tier boundary, and what crossing it is worth."""

from __future__ import annotations

import pandas as pd

from ._apply import RESULT_COLUMNS
from ._scheme import BonusScheme, _number


def cliff_edges(result, scheme: BonusScheme, margin: float = 0.02) -> pd.DataFrame:
    """Agents whose basis value (score or percentile, as the scheme tiers on) is within
    ``margin`` below the next tier's lower edge: ``tier``, ``next_tier``, ``distance`` to the
    edge and ``step`` (CNY the next tier pays more, before gates, cap and pool), largest step first.

    A step worth a month's target bonus for 0.01 of score is where gaming and disputes start.

    >>> from ccskills.incentives import Tier, apply_scheme
    >>> s = BonusScheme([Tier("B", 0, 0.7, amount=0), Tier("A", 0.7, 1, amount=1000)])
    >>> out = cliff_edges(apply_scheme(pd.Series([0.69, 0.5], index=["x", "y"]), None, s), s)
    >>> out[["next_tier", "step"]].values.tolist(), round(float(out["distance"].iloc[0]), 6)
    ([['A', 1000.0]], 0.01)
    """
    if not isinstance(result, pd.DataFrame) or not set(RESULT_COLUMNS) <= set(result.columns):
        raise TypeError(f"result must be a DataFrame from apply_scheme, got {type(result).__name__!r}")
    margin = _number("margin", margin, low=0)
    basis = result["used_score"] if scheme.basis == "score" else result["percentile"]
    tiers = {t.name: t for t in scheme.tiers}
    following = dict(zip([""] + [t.name for t in scheme.tiers], scheme.tiers))
    rows = []
    for agent, tier in result["tier"].items():
        upper = following.get(tier)
        if upper is None:
            continue
        distance = round(upper.lower - float(basis[agent]), 9)  # as tiers: float noise does not decide
        if 0 < distance <= margin:
            now = tiers[tier].payout(scheme.target_bonus) if tier else 0.0
            rows.append((agent, tier, upper.name, distance, upper.payout(scheme.target_bonus) - now))
    out = pd.DataFrame(rows, columns=["agent", "tier", "next_tier", "distance", "step"]).set_index("agent")
    return out.sort_values(["step", "distance"], ascending=[False, True])
