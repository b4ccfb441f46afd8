"""The parts of a bonus scheme (奖金方案): gates, tiers, smoothing, and the scheme itself.

Every part is a frozen dataclass that checks itself when built, so a scheme that exists is a
scheme that can be applied; what depends on the data (a gate's column) is checked by
:func:`~ccskills.incentives.apply_scheme`. Amounts are in CNY (元).
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, field

import numpy as np

GATE_DIRECTIONS = ("at_least", "at_most")
BASES = ("score", "percentile")
SMOOTHING_METHODS = ("mean", "limit")


def _number(name: str, value, *, low: float | None = None, allow_inf: bool = False) -> float:
    """``value`` as a float; ValueError ``"{name} must be …, got {value!r}"`` otherwise."""
    ok = isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_)) and not math.isnan(value)
    ok = ok and (allow_inf or math.isfinite(value)) and (low is None or value >= low)
    if not ok:
        must = "a number" if low is None else "zero or a positive amount"
        raise ValueError(f"{name} must be {must}, got {value!r}")
    return float(value)


@dataclass(frozen=True)
class Gate:
    """A condition an agent must meet to get any bonus (门槛 gate).

    ``column``: a KPI column of the table passed to ``apply_scheme``; the gate holds when
    the value is ``>= threshold`` (``direction="at_least"``, e.g. attendance ≥ 0.95) or
    ``<= threshold`` (``"at_most"``, e.g. critical errors ≤ 0). A missing value fails the
    gate with the reason ``"missing"``. ``name`` defaults to the column.

    >>> Gate("attendance_rate", 0.95).holds(0.97), Gate("critical_errors", 0, "at_most").holds(1)
    (True, False)
    """

    column: str
    threshold: float
    direction: str = "at_least"
    name: str = ""

    def __post_init__(self):
        if not isinstance(self.column, str) or not self.column:
            raise ValueError(f"column must be the name of a KPI column, got {self.column!r}")
        object.__setattr__(self, "threshold", _number("threshold", self.threshold))
        if self.direction not in GATE_DIRECTIONS:
            raise ValueError(f"direction must be one of {GATE_DIRECTIONS!r}, got {self.direction!r}")
        object.__setattr__(self, "name", self.name or self.column)

    def holds(self, value) -> bool:
        """True if ``value`` meets the gate (a missing value never does)."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return False
        return value >= self.threshold if self.direction == "at_least" else value <= self.threshold


@dataclass(frozen=True)
class Tier:
    """A band of the score (or percentile) and what it pays (档位 tier).

    The band is ``lower <= x < upper`` (the top band of a scheme also includes its
    ``upper``; ``upper`` may be ``math.inf``). It pays either ``multiple`` × the scheme's
    target bonus or a fixed ``amount`` in CNY: exactly one of the two.

    >>> Tier("A", 0.8, 1.0, multiple=1.5).payout(1000.0)
    1500.0
    """

    name: str
    lower: float
    upper: float
    multiple: float | None = None
    amount: float | None = None

    def __post_init__(self):
        if not isinstance(self.name, str) or not self.name:
            raise ValueError(f"name must be a non-empty tier name, got {self.name!r}")
        lower = _number("lower", self.lower)
        upper = _number("upper", self.upper, allow_inf=True)
        if not lower < upper:
            raise ValueError(f"upper must be above lower ({lower!r}) in tier {self.name!r}, got {upper!r}")
        object.__setattr__(self, "lower", lower)
        object.__setattr__(self, "upper", upper)
        if (self.multiple is None) == (self.amount is None):
            raise ValueError(f"tier {self.name!r} must pay either a multiple or an amount, "
                             f"got multiple={self.multiple!r}, amount={self.amount!r}")
        if self.multiple is not None:
            object.__setattr__(self, "multiple", _number("multiple", self.multiple, low=0))
        else:
            object.__setattr__(self, "amount", _number("amount", self.amount, low=0))

    def payout(self, target_bonus: float | None) -> float:
        """What the tier pays in CNY, before gates, cap and pool."""
        return self.amount if self.multiple is None else self.multiple * float(target_bonus)


@dataclass(frozen=True)
class Smoothing:
    """How the score that sets the tier is smoothed over periods (平滑 smoothing).

    * ``method="mean"``: the mean of this period's score and the ``previous`` periods'
      before it (periods an agent has no score for are skipped: new agents);
    * ``method="limit"``: the score used may move at most ``max_change`` from the one used
      the period before (a limit on the month-on-month change), starting from the first score.

    The mean damps noise both ways and lags a real change by ``previous`` periods; the limit
    lets a steady agent's score through unchanged and only slows the jumps.

    >>> Smoothing("mean", previous=2).window
    3
    """

    method: str = "mean"
    previous: int = 2
    max_change: float | None = None

    def __post_init__(self):
        if self.method not in SMOOTHING_METHODS:
            raise ValueError(f"method must be one of {SMOOTHING_METHODS!r}, got {self.method!r}")
        if isinstance(self.previous, bool) or not isinstance(self.previous, int) or self.previous < 0:
            raise ValueError(f"previous must be a whole number of periods >= 0, got {self.previous!r}")
        if self.method == "limit":
            if self.max_change is None or _number("max_change", self.max_change, low=0) <= 0:
                raise ValueError(f"max_change must be a positive change of score for 'limit', got {self.max_change!r}")

    @property
    def window(self) -> int:
        """Periods averaged by ``"mean"``: this one and ``previous`` before it."""
        return self.previous + 1


def _check_tiers(tiers) -> tuple:
    """``tiers`` sorted by band, contiguous: no gap, no overlap, unique names."""
    if isinstance(tiers, Tier) or not tiers or not all(isinstance(t, Tier) for t in tiers):
        raise ValueError(f"tiers must be a non-empty sequence of Tier, got {tiers!r}")
    ordered = tuple(sorted(tiers, key=lambda t: t.lower))
    names = [t.name for t in ordered]
    if len(set(names)) < len(names):
        raise ValueError(f"tiers must have distinct names, got {names!r}")
    for low, high in zip(ordered, ordered[1:]):
        if low.upper > high.lower:
            raise ValueError(f"tiers must not overlap, got {low.name!r} [{low.lower:g}, {low.upper:g}) "
                             f"and {high.name!r} from {high.lower:g}")
        if low.upper < high.lower:
            raise ValueError(f"tiers must leave no gap, got {low.name!r} up to {low.upper:g} "
                             f"and {high.name!r} from {high.lower:g}")
    return ordered


@dataclass(frozen=True)
class BonusScheme:
    """A bonus scheme (奖金方案): gates, tiers on the score or its percentile, cap, smoothing, pool.

    ``basis``: ``"score"`` (the composite score, as from ``evaluation.composite_scores``) or
    ``"percentile"`` (its rank percentile among all agents scored, 0 = lowest, 1 = highest:
    ``evaluation.normalise(…, "rank_percentile")``). ``target_bonus``: CNY that a multiple of
    1 pays (needed when a tier pays a multiple). ``cap``: the most one agent gets (CNY).
    ``pool``: a fixed budget (奖金池 bonus pool) the bonuses are scaled to, in proportion,
    keeping the cap (see :func:`~ccskills.incentives.scale_to_pool`). Tiers are stored sorted.

    >>> s = BonusScheme([Tier("B", 0.5, 0.8, multiple=1.0), Tier("A", 0.8, 1.0, multiple=1.5)],
    ...                 target_bonus=800)
    >>> [t.name for t in s.tiers], s.tiers[0].payout(s.target_bonus)
    (['B', 'A'], 800.0)
    """

    tiers: tuple
    gates: tuple = ()
    basis: str = "score"
    target_bonus: float | None = None
    cap: float | None = None
    pool: float | None = None
    smoothing: Smoothing | None = None
    name: str = field(default="")

    def __post_init__(self):
        object.__setattr__(self, "tiers", _check_tiers(self.tiers))
        gates = (self.gates,) if isinstance(self.gates, Gate) else tuple(self.gates)
        if not all(isinstance(g, Gate) for g in gates):
            raise ValueError(f"gates must be a sequence of Gate, got {self.gates!r}")
        if len({g.name for g in gates}) < len(gates):
            raise ValueError(f"gates must have distinct names, got {[g.name for g in gates]!r}")
        object.__setattr__(self, "gates", gates)
        if self.basis not in BASES:
            raise ValueError(f"basis must be one of {BASES!r}, got {self.basis!r}")
        if self.basis == "percentile" and (self.tiers[0].lower < 0 or self.tiers[-1].upper > 1):
            raise ValueError(f"tiers must lie within 0..1 for basis 'percentile', got "
                             f"{self.tiers[0].lower:g} to {self.tiers[-1].upper:g}")
        if self.target_bonus is not None:
            object.__setattr__(self, "target_bonus", _number("target_bonus", self.target_bonus, low=0))
        elif any(t.multiple is not None for t in self.tiers):
            raise ValueError("target_bonus must be an amount in CNY when a tier pays a multiple, got None")
        for name in ("cap", "pool"):
            if getattr(self, name) is not None:
                object.__setattr__(self, name, _number(name, getattr(self, name), low=0))
        if self.smoothing is not None and not isinstance(self.smoothing, Smoothing):
            raise ValueError(f"smoothing must be a Smoothing or None, got {self.smoothing!r}")
