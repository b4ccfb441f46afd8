"""Survey KPIs from respondent-level answers: NPS (0-10) and CES (1-7, 7 = very easy).

A *survey* table has one row per respondent with ``nps`` (0-10 likelihood to
recommend) and/or ``ces`` (1-7 ease rating); a skipped question is missing and
is left out of that question's count. Formulas: domain.md §1.3 after [33]
(NPS = % promoters 9-10 − % detractors 0-6, −100..100; CES = mean ease rating).
"""

from __future__ import annotations

import pandas as pd

from ._records import check_records, raise_bad_rows, ratio, scalar, sums

__all__ = ["net_promoter_score", "customer_effort_score", "CES_DEFINITIONS"]

#: CES definitions: the mean rating (default) or the share of easy answers (5-7).
CES_DEFINITIONS = ("mean", "share_easy")


def _score(survey: pd.DataFrame, name: str, lo: int, hi: int) -> pd.Series:
    raw = survey[name]
    score = pd.to_numeric(raw, errors="coerce")
    bad = raw.notna() & ~score.isin(range(lo, hi + 1))
    raise_bad_rows(name, f"a whole number {lo} to {hi} or missing", raw, bad.to_numpy())
    return score


def survey_indicators(survey, columns=("nps", "ces")) -> pd.DataFrame:
    """Per-respondent counts behind NPS and CES (only for the columns asked for)."""
    check_records(survey, list(columns), "survey")
    out = {}
    if "nps" in columns:
        nps = _score(survey, "nps", 0, 10)
        out.update(nps_responses=nps.notna(), promoters=(nps >= 9).fillna(False),
                   detractors=(nps <= 6).fillna(False))
    if "ces" in columns:
        ces = _score(survey, "ces", 1, 7)
        out.update(ces_responses=ces.notna(), ces_sum=ces.fillna(0), ces_easy=(ces >= 5).fillna(False))
    return pd.DataFrame(out, index=survey.index).astype(float)


def _nps(s):
    return 100 * ratio(s["promoters"] - s["detractors"], s["nps_responses"])


def _ces(definition: str):
    if definition not in CES_DEFINITIONS:
        raise ValueError(f"definition must be one of {CES_DEFINITIONS!r}, got {definition!r}")
    column = "ces_sum" if definition == "mean" else "ces_easy"
    return lambda s: ratio(s[column], s["ces_responses"])


def net_promoter_score(survey) -> float:
    """NPS (净推荐值) = 100 × (promoters 9-10 − detractors 0-6) / responses, from −100 to 100.

    Blank answers are not responses; with no response at all NPS is NaN (0/0, nothing to report).

    >>> net_promoter_score(pd.DataFrame({"nps": [10, 9, 8, 3, None]}))   # (2 − 1) / 4
    25.0
    """
    return scalar(_nps(sums(survey_indicators(survey, ["nps"]))))


def customer_effort_score(survey, definition="mean") -> float:
    """CES (客户费力度): mean 1-7 ease rating (7 = very easy), or the share rating 5-7 (``"share_easy"``).

    Blank answers are not responses; with no response at all CES is NaN (0/0).

    >>> survey = pd.DataFrame({"ces": [7, 5, 2, None]})
    >>> customer_effort_score(survey), round(customer_effort_score(survey, "share_easy"), 3)
    (4.666666666666667, 0.667)
    """
    rule = _ces(definition)
    return scalar(rule(sums(survey_indicators(survey, ["ces"]))))
