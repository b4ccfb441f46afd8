"""Cost KPIs: cost per contact and cost per productive hour (CNY).

Both are total operating cost over a volume of the same period and scope
(domain.md §1.3 [34][35][36]): cost per contact = total cost / contacts handled;
cost per productive hour = total cost / productive agent hours, where productive
hours = paid hours × (1 − shrinkage) (e.g. $10 M ÷ (150 × 2080 × 0.8) ≈ $40/h).
Scalars or arrays broadcast; a scalar in gives a float out.
"""

from __future__ import annotations

import numpy as np

from .._validation import check_nonnegative, check_positive

__all__ = ["cost_per_contact", "cost_per_productive_hour", "productive_hours_from_shrinkage",
           "total_cost"]


def _out(arr):
    return float(arr) if np.ndim(arr) == 0 else arr


def cost_per_contact(total_cost, contacts):
    """Cost per contact (单呼成本) = total cost / contacts handled, CNY per contact.

    >>> cost_per_contact(1_000_000, 40_000)
    25.0
    """
    return _out(check_nonnegative("total_cost", total_cost) / check_positive("contacts", contacts))


def cost_per_productive_hour(total_cost, productive_hours):
    """Cost per productive hour (每生产小时成本) = total cost / productive agent hours, CNY per hour.

    >>> round(cost_per_productive_hour(10_000_000, productive_hours_from_shrinkage(150, 2080, 0.2)), 2)
    40.06
    """
    cost = check_nonnegative("total_cost", total_cost)
    return _out(cost / check_positive("productive_hours", productive_hours))


def productive_hours_from_shrinkage(fte, paid_hours_per_fte, shrinkage):
    """Productive hours = FTE × paid hours per FTE × (1 − shrinkage) (domain.md §1.3 [36]).

    >>> productive_hours_from_shrinkage(150, 2080, 0.2)
    249600.0
    """
    fte = check_nonnegative("fte", fte)
    hours = check_nonnegative("paid_hours_per_fte", paid_hours_per_fte)
    s = check_nonnegative("shrinkage", shrinkage)
    if np.any(s >= 1):
        raise ValueError(f"shrinkage must be a fraction from 0 to below 1, got {shrinkage!r}")
    return _out(fte * hours * (1 - s))


def total_cost(costs) -> float:
    """Sum of ``amount_cny`` of a cost-line table (e.g. ``load_cost_lines()``), CNY.

    >>> import pandas as pd
    >>> total_cost(pd.DataFrame({"amount_cny": [100.0, 250.5]}))
    350.5
    """
    from ._records import check_records

    check_records(costs, ["amount_cny"], "costs")
    return float(check_nonnegative("amount_cny", costs["amount_cny"].to_numpy(dtype=float)).sum())
