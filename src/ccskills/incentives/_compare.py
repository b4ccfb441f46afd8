"""What a scheme costs, and who wins and who loses when it changes (CNY)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ._apply import RESULT_COLUMNS, apply_scheme
from ._scheme import BonusScheme, _number

OUTCOMES = ("gains", "loses", "same")


@dataclass(frozen=True)
class BonusCost:
    """The cost of a scheme's result: ``total`` CNY paid to ``paid`` of ``agents`` agents,
    ``gated_out`` who failed a gate, ``mean_paid`` per agent paid (0 if none), and
    ``unspent`` = budget − total when a budget is given (else None)."""

    total: float
    agents: int
    paid: int
    gated_out: int
    mean_paid: float
    unspent: float | None


def _result(result) -> pd.DataFrame:
    if not isinstance(result, pd.DataFrame) or not set(RESULT_COLUMNS) <= set(result.columns):
        raise TypeError(f"result must be a DataFrame from apply_scheme, got {type(result).__name__!r}")
    return result


def bonus_cost(result, budget=None) -> BonusCost:
    """Total, head counts and mean of the bonuses in ``result`` (from :func:`apply_scheme`).

    ``budget`` (CNY, optional; by default the scheme's pool if it had one): what is left unspent.

    >>> from ccskills.incentives import BonusScheme, Tier
    >>> s = BonusScheme([Tier("B", 0, 0.5, amount=0), Tier("A", 0.5, 1, amount=600)])
    >>> bonus_cost(apply_scheme(pd.Series([0.2, 0.7, 0.9]), None, s), budget=1500)
    BonusCost(total=1200.0, agents=3, paid=2, gated_out=0, mean_paid=600.0, unspent=300.0)
    """
    out = _result(result)
    budget = out.attrs.get("pool") if budget is None else _number("budget", budget, low=0)
    total = float(out["bonus"].sum())
    paid = int((out["bonus"] > 0).sum())
    return BonusCost(total=total, agents=len(out), paid=paid, gated_out=int((~out["gates_passed"]).sum()),
                     mean_paid=total / paid if paid else 0.0,
                     unspent=None if budget is None else float(budget) - total)


def compare_results(before, after, tolerance: float = 0.01) -> pd.DataFrame:
    """Agent by agent, two results (from :func:`apply_scheme`): tiers, bonuses, change, outcome.

    ``outcome`` is ``"gains"``/``"loses"`` when the bonus changes by ``tolerance`` CNY or more
    (default one fen), else ``"same"``. Agents in only one result are compared with a bonus of 0.
    """
    a, b = _result(before), _result(after)
    tolerance = _number("tolerance", tolerance, low=0)
    index = a.index.union(b.index, sort=False)
    out = pd.DataFrame({"tier_a": a["tier"].reindex(index).fillna(""), "tier_b": b["tier"].reindex(index).fillna(""),
                        "bonus_a": a["bonus"].reindex(index).fillna(0.0),
                        "bonus_b": b["bonus"].reindex(index).fillna(0.0)}, index=index)
    out["change"] = out["bonus_b"] - out["bonus_a"]
    out["outcome"] = "same"
    out.loc[out["change"] >= tolerance, "outcome"] = "gains"
    out.loc[out["change"] <= -tolerance, "outcome"] = "loses"
    return out


def compare_schemes(a: BonusScheme, b: BonusScheme, scores, kpis, tolerance: float = 0.01) -> pd.DataFrame:
    """Winners and losers (谁得谁失) when scheme ``a`` is replaced by ``b`` on the same scores.

    One row per agent: ``tier_a``, ``tier_b``, ``bonus_a``, ``bonus_b``, ``change`` (b − a, CNY)
    and ``outcome`` (gains / loses / same); :func:`comparison_summary` counts them and totals
    the cost under each scheme.

    >>> from ccskills.incentives import Tier
    >>> flat = BonusScheme([Tier("all", 0, 1, amount=500)])
    >>> steep = BonusScheme([Tier("B", 0, 0.5, amount=0), Tier("A", 0.5, 1, amount=1000)])
    >>> compare_schemes(flat, steep, pd.Series([0.3, 0.8], index=["x", "y"]), None)["outcome"].tolist()
    ['loses', 'gains']
    """
    return compare_results(apply_scheme(scores, kpis, a), apply_scheme(scores, kpis, b), tolerance)


@dataclass(frozen=True)
class ChangeSummary:
    """How many gain, lose or stay the same, the cost under each scheme (CNY) and its change,
    and the largest single gain and loss (both ≥ 0)."""

    gainers: int
    losers: int
    unchanged: int
    cost_a: float
    cost_b: float
    cost_change: float
    largest_gain: float
    largest_loss: float


def comparison_summary(comparison) -> ChangeSummary:
    """Counts and totals of a :func:`compare_schemes` (or :func:`compare_results`) table.

    >>> from ccskills.incentives import Tier
    >>> flat = BonusScheme([Tier("all", 0, 1, amount=500)])
    >>> steep = BonusScheme([Tier("B", 0, 0.5, amount=0), Tier("A", 0.5, 1, amount=1000)])
    >>> comparison_summary(compare_schemes(flat, steep, pd.Series([0.3, 0.8, 0.9]), None))
    ChangeSummary(gainers=2, losers=1, unchanged=0, cost_a=1500.0, cost_b=2000.0, cost_change=500.0, largest_gain=500.0, largest_loss=500.0)
    """
    if not isinstance(comparison, pd.DataFrame) or not {"bonus_a", "bonus_b", "change", "outcome"} <= set(comparison):
        raise TypeError(f"comparison must be a DataFrame from compare_schemes, got {type(comparison).__name__!r}")
    counts = comparison["outcome"].value_counts()
    cost_a, cost_b = float(comparison["bonus_a"].sum()), float(comparison["bonus_b"].sum())
    change = comparison["change"]
    return ChangeSummary(gainers=int(counts.get("gains", 0)), losers=int(counts.get("loses", 0)),
                         unchanged=int(counts.get("same", 0)), cost_a=cost_a, cost_b=cost_b,
                         cost_change=cost_b - cost_a, largest_gain=float(change.clip(lower=0).max() if len(change) else 0.0),
                         largest_loss=float((-change).clip(lower=0).max() if len(change) else 0.0))
