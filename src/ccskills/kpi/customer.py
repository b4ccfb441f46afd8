"""Customer-outcome KPIs from call records: first-contact resolution and CSAT.

Both are measured on a subset: FCR on answered calls that carry a resolution
flag (agent disposition or survey), CSAT on calls with a survey response. The
denominators say so, and a table with no flags or no responses gives NaN.
"""

from __future__ import annotations

import pandas as pd  # noqa: F401  (the doctests below build tables with it)

from ._records import customer_indicators, ratio, scalar, sums

__all__ = ["first_contact_resolution_rate", "csat_top2_box"]


def _fcr_rate(s):
    return ratio(s["fcr_resolved"], s["fcr_flagged"])


def _csat_top2_box(s):
    return ratio(s["csat_top2"], s["csat_responses"])


def first_contact_resolution_rate(records) -> float:
    """FCR (一次解决率) = answered calls resolved on first contact / answered calls with a flag.

    Calls whose ``resolved_first_contact`` is missing are left out of both counts
    (domain.md §1.3: measured by survey, agent flag or no repeat within a window;
    70-75 % good, 80-85 % best in class).

    >>> calls = pd.DataFrame({"outcome": ["answered"] * 3 + ["abandoned"],
    ...                       "resolved_first_contact": [True, False, None, None],
    ...                       "csat": [5, None, None, None]})
    >>> first_contact_resolution_rate(calls)
    0.5
    """
    return scalar(_fcr_rate(sums(customer_indicators(records))))


def csat_top2_box(records) -> float:
    """CSAT top-2 box (客户满意度) = responses scoring 4 or 5 / responses, on the 1-5 scale.

    Source: domain.md §1.3 (satisfied, top-2 box, over responses). Calls without a
    survey (``csat`` missing) are not responses.

    >>> calls = pd.DataFrame({"outcome": ["answered"] * 4, "resolved_first_contact": [True] * 4,
    ...                       "csat": [5, 4, 2, None]})
    >>> round(csat_top2_box(calls), 3)
    0.667
    """
    return scalar(_csat_top2_box(sums(customer_indicators(records))))
