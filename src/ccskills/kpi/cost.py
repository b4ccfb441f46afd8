"""Cost KPIs: cost per contact and cost per productive hour (CNY).

Both are total operating cost over a volume of the same period and scope
(domain.md §1.3 [34][35][36]): cost per contact = total cost / contacts handled;
cost per productive hour = total cost / productive agent hours, where productive
hours = paid hours × (1 − shrinkage) (e.g. $10 M ÷ (150 × 2080 × 0.8) ≈ $40/h).
Scalars or arrays broadcast; a scalar in gives a float out.

The two are tied by AHT and occupancy: cost per contact = cost per productive hour ×
AHT / 3600 / occupancy (:func:`cost_per_contact_factors`). :func:`agent_pay_per_paid_hour`
is the hourly cost of agent time that plans are costed with.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._validation import check_fraction, check_nonnegative, check_positive

__all__ = ["agent_pay_per_paid_hour", "cost_breakdown", "cost_per_contact", "cost_per_contact_factors",
           "cost_per_productive_hour", "productive_hours_from_shrinkage", "total_cost"]


def _out(arr):
    return float(arr) if np.ndim(arr) == 0 else arr


def _fits(result, name: str, value):
    """``result`` if every element is finite; else ValueError naming the input that overflowed it."""
    if not np.all(np.isfinite(result)):
        raise ValueError(f"{name} must keep the result within float range (about 1e308), got {value!r}")
    return result


def cost_per_contact(total_cost, contacts):
    """Cost per contact (单呼成本) = total cost / contacts handled, CNY per contact.

    >>> cost_per_contact(1_000_000, 40_000)
    25.0
    """
    with np.errstate(over="ignore"):
        ratio = check_nonnegative("total_cost", total_cost) / check_positive("contacts", contacts)
    return _out(_fits(ratio, "contacts", contacts))


def cost_per_productive_hour(total_cost, productive_hours):
    """Cost per productive hour (每生产小时成本) = total cost / productive agent hours, CNY per hour.

    >>> round(cost_per_productive_hour(10_000_000, productive_hours_from_shrinkage(150, 2080, 0.2)), 2)
    40.06
    """
    cost = check_nonnegative("total_cost", total_cost)
    with np.errstate(over="ignore"):
        ratio = cost / check_positive("productive_hours", productive_hours)
    return _out(_fits(ratio, "productive_hours", productive_hours))


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
    with np.errstate(over="ignore"):
        hours = fte * hours * (1 - s)
    return _out(_fits(hours, "fte", fte))


def total_cost(costs) -> float:
    """Sum of ``amount_cny`` of a cost-line table (e.g. ``load_cost_lines()``), CNY.

    >>> import pandas as pd
    >>> total_cost(pd.DataFrame({"amount_cny": [100.0, 250.5]}))
    350.5
    """
    from ._records import check_records

    check_records(costs, ["amount_cny"], "costs")
    return float(check_nonnegative("amount_cny", costs["amount_cny"].to_numpy(dtype=float)).sum())


def cost_per_contact_factors(cost_per_productive_hour, aht, occupancy):
    """Cost per contact as the product of three factors (单呼成本三因素分解).

    cost per contact = cost per productive hour × AHT / 3600 / occupancy: an hour of
    productive (staffed) time costs ``cost_per_productive_hour`` CNY, a contact takes
    ``aht`` seconds of it while handling, and only the ``occupancy`` share (0 < occupancy
    ≤ 1) of staffed time is handling, so each handled hour carries 1 / occupancy staffed
    hours. This holds exactly when the three come from the same cost, contacts and
    agent time (total / contacts = total / hours × handle / contacts × hours / handle).

    Returns the factors and their product: ``cost_per_productive_hour`` (CNY/h),
    ``handle_hours`` (AHT / 3600, hours per contact), ``staffed_per_handled`` (1 /
    occupancy) and ``cost_per_contact`` (CNY). A Series for scalar inputs; a DataFrame,
    one row per element, for arrays or Series (on the index of the first Series given).

    >>> cost_per_contact_factors(40.0, 300, 0.8).round(4).to_dict()  # 40 × (300 / 3600) × (1 / 0.8)
    {'cost_per_productive_hour': 40.0, 'handle_hours': 0.0833, 'staffed_per_handled': 1.25, 'cost_per_contact': 4.1667}
    """
    cost = check_nonnegative("cost_per_productive_hour", cost_per_productive_hour)
    handle = check_nonnegative("aht", aht) / 3600
    occ = check_fraction("occupancy", occupancy, low_open=True)
    cost, handle, occ = np.broadcast_arrays(cost, handle, occ)
    with np.errstate(over="ignore"):
        per_contact = _fits(cost * handle / occ, "occupancy", occupancy)
    columns = {"cost_per_productive_hour": cost, "handle_hours": handle,
               "staffed_per_handled": _fits(1 / occ, "occupancy", occupancy), "cost_per_contact": per_contact}
    if cost.ndim == 0:
        return pd.Series({k: float(v) for k, v in columns.items()})
    index = next((v.index for v in (cost_per_productive_hour, aht, occupancy)
                  if isinstance(v, pd.Series)), None)
    return pd.DataFrame({k: np.ravel(v) for k, v in columns.items()}, index=index)


def agent_pay_per_paid_hour(costs, agent_states, item: str = "agent pay") -> float:
    """Agent pay per paid agent hour (每带薪小时座席成本), CNY/h: the hourly cost to plan with.

    = Σ ``amount_cny`` of the cost lines whose ``item`` contains ``item`` (in
    ``load_cost_lines()``: "坐席薪酬及社保 agent pay", pay and social insurance) ÷
    Σ ``paid_s`` / 3600 of the agent-state rows (``load_agent_states()``) of the same
    period and scope. Filter both tables to one queue for that queue's rate.

    >>> costs = pd.DataFrame({"item": ["pay agent pay", "lines"], "amount_cny": [9000.0, 500.0]})
    >>> states = pd.DataFrame({"paid_s": [28800, 28800, 14400]})  # 8 + 8 + 4 = 20 paid hours
    >>> agent_pay_per_paid_hour(costs, states)  # 9,000 / 20
    450.0
    """
    from ._records import check_records

    check_records(costs, ["item", "amount_cny"], "costs")
    check_records(agent_states, ["paid_s"], "agent_states")
    if not isinstance(item, str) or not item:
        raise ValueError(f"item must be a non-empty text, got {item!r}")
    lines = costs["item"].astype(str).str.contains(item, regex=False)
    if not lines.any():
        raise ValueError(f"item must match at least one cost line's item, got {item!r}")
    pay = check_nonnegative("amount_cny", costs.loc[lines, "amount_cny"].to_numpy(dtype=float)).sum()
    paid = check_nonnegative("paid_s", agent_states["paid_s"].to_numpy(dtype=float)).sum() / 3600
    return float(pay / check_positive("paid_hours", paid))


def cost_breakdown(costs, by="category") -> pd.DataFrame:
    """Cost lines summed per group with each group's share and its variance against budget.

    One row per value of ``by`` (a column name or list of names of ``costs``, e.g.
    ``load_cost_lines()``), sorted by it: ``amount_cny`` and ``budget_cny`` (sums, CNY),
    ``share`` = amount / total amount of all groups (NaN when every amount is 0: 0/0),
    ``variance_cny`` = amount − budget
    (positive: over budget) and ``variance_share`` = variance / budget (NaN where the
    budget is 0).

    >>> lines = pd.DataFrame({"category": ["labour", "labour", "training"],
    ...                       "amount_cny": [600.0, 200.0, 200.0], "budget_cny": [600.0, 200.0, 160.0]})
    >>> cost_breakdown(lines)[["share", "variance_cny", "variance_share"]].to_dict("index")
    {'labour': {'share': 0.8, 'variance_cny': 0.0, 'variance_share': 0.0}, \
'training': {'share': 0.2, 'variance_cny': 40.0, 'variance_share': 0.25}}
    """
    from ._records import check_records

    keys = [by] if isinstance(by, str) else list(by) if isinstance(by, (list, tuple)) else None
    if not keys:
        raise ValueError(f"by must be a column name or a list of column names, got {by!r}")
    check_records(costs, [*keys, "amount_cny", "budget_cny"], "costs")
    amount = check_nonnegative("amount_cny", costs["amount_cny"].to_numpy(dtype=float))
    budget = check_nonnegative("budget_cny", costs["budget_cny"].to_numpy(dtype=float))
    frame = costs[keys].assign(amount_cny=amount, budget_cny=budget)
    out = frame.groupby(keys if len(keys) > 1 else keys[0], sort=True)[["amount_cny", "budget_cny"]].sum()
    total = out["amount_cny"].sum()
    out["share"] = out["amount_cny"] / total if total > 0 else np.nan
    out["variance_cny"] = out["amount_cny"] - out["budget_cny"]
    out["variance_share"] = out["variance_cny"] / out["budget_cny"].where(out["budget_cny"] > 0)
    return out
