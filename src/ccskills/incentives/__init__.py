"""Incentive design (激励设计): from the composite evaluation (综合考评) to a bonus scheme.

A :class:`BonusScheme` holds **gates** (门槛: conditions on named KPI columns that must hold
for any bonus; a missing KPI fails its gate with the reason ``"missing"``), **tiers** (档位:
contiguous bands of the composite score or of its percentile, each paying a multiple of a
target bonus or an amount in CNY), an optional **cap** (封顶), **smoothing** (平滑: the mean
of this and the previous periods' scores, or a limit on the change from the last period) and
an optional **pool** (奖金池: bonuses scaled in proportion to a fixed budget).

:func:`apply_scheme` gives each agent's gates, tier and bonus; :func:`bonus_cost` what it
costs; :func:`compare_schemes` and :func:`comparison_summary` who wins and who loses when the
scheme changes. Scores come from :func:`ccskills.evaluation.composite_scores`; several periods
from :func:`period_scores` (the kit's data: the three 旬 of March, :func:`dekad_kpis`).
Amounts in CNY; scores and percentiles as fractions 0..1.
"""

from ._apply import RESULT_COLUMNS, apply_scheme, scale_to_pool, tier_history
from ._compare import (OUTCOMES, BonusCost, ChangeSummary, bonus_cost, compare_results, compare_schemes,
                       comparison_summary)
from ._risks import cliff_edges
from ._periods import DEKADS, dekad, dekad_kpis, period_scores
from ._scheme import BASES, GATE_DIRECTIONS, SMOOTHING_METHODS, BonusScheme, Gate, Smoothing, Tier
from ._smoothing import smooth_scores

__all__ = [
    "BonusScheme",
    "Gate",
    "Tier",
    "Smoothing",
    "apply_scheme",
    "scale_to_pool",
    "tier_history",
    "smooth_scores",
    "bonus_cost",
    "BonusCost",
    "compare_schemes",
    "compare_results",
    "comparison_summary",
    "cliff_edges",
    "ChangeSummary",
    "period_scores",
    "dekad",
    "dekad_kpis",
    "DEKADS",
    "BASES",
    "GATE_DIRECTIONS",
    "SMOOTHING_METHODS",
    "OUTCOMES",
    "RESULT_COLUMNS",
]
