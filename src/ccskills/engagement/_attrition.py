"""Does a low pulse score predict leaving? Leave rate by score band and a logistic regression.

For every survey answer given at least ``horizon_months`` before ``as_of`` (so the whole
horizon is observed), the outcome is 1 when the person's last day (``leave_date``, of the
chosen ``leave_type``) falls within ``horizon_months`` calendar months of the survey date.

* **Bands**: leave rate per score band (Likert 1-2 / 3 / 4-5; eNPS detractors 0-6, passives
  7-8, promoters 9-10) with Wilson intervals and each band's share of all leavers.
* **Logistic regression** (statsmodels ``Logit``) of the outcome on the score(s), optionally
  with tenure-band dummies (new hires both score higher and leave more; their odds ratios
  compare each band with the first, 0-3m). A person answers
  in several waves, so the standard errors are cluster-robust by ``employee_id``
  (Cameron & Miller 2015, "A practitioner's guide to cluster-robust inference", J. Human
  Resources 50(2)). Odds ratios are reported **per one point lower** (exp(-beta)).
* **AUC** (concordance) of the fitted risk: the chance a random leaver is ranked above a
  random stayer (0.5 = no better than chance; Hanley & McNeil 1982). The honest effect size:
  an odds ratio of 2 per point can coexist with an AUC near 0.6, i.e. most low scorers stay.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ._exits import wilson_interval
from ._scores import _z, tenure_band

__all__ = ["AttritionLink", "attrition_link", "LEAVE_TYPES", "score_band"]

#: which leavers count as the outcome
LEAVE_TYPES = ("voluntary", "involuntary", "any")
_LIKERT_BANDS = (("1-2", 1, 2), ("3", 3, 3), ("4-5", 4, 5))
_ENPS_BANDS = (("0-6", 0, 6), ("7-8", 7, 8), ("9-10", 9, 10))


@dataclass(frozen=True)
class AttritionLink:
    """What :func:`attrition_link` found: counts, bands, odds ratios and AUC."""

    scores: tuple
    horizon_months: int
    leave_type: str
    as_of: pd.Timestamp
    n: int  # survey answers used
    people: int  # distinct employees among them
    leavers: int  # answers followed by a leave within the horizon
    base_rate: float  # leavers / n
    bands: pd.DataFrame  # per band of the first score: n, leavers, leave_rate, ci_low, ci_high, share_of_leavers
    odds_ratios: pd.DataFrame  # per term: odds_ratio (score: per point lower; tenure: vs 0-3m), ci_low, ci_high, p_value
    auc: float
    adjusted_for_tenure: bool


def score_band(values, score: str = "leader_support") -> pd.Series:
    """Band of each answer: 1-2 / 3 / 4-5 for 1-5 items, 0-6 / 7-8 / 9-10 for ``score == "enps"``.

    >>> score_band([1, 3, 5]).tolist(), score_band([6, 8, 9], "enps").tolist()
    (['1-2', '3', '4-5'], ['0-6', '7-8', '9-10'])
    """
    values = pd.Series(values, dtype=float)
    bands = _ENPS_BANDS if score == "enps" else _LIKERT_BANDS
    labels = [label for label, _, _ in bands]
    out = pd.Series(pd.NA, index=values.index, dtype=object)
    for label, low, high in bands:
        out[values.between(low, high)] = label
    return pd.Series(pd.Categorical(out, categories=labels), index=values.index, name="band")


def _check_inputs(survey, employees, scores, horizon_months, leave_type):
    from ..kpi._records import raise_bad_rows

    for name, frame in (("survey", survey), ("employees", employees)):
        if not isinstance(frame, pd.DataFrame):
            raise TypeError(f"{name} must be a DataFrame, got {type(frame).__name__!r}")
    need = ["survey_date", "employee_id", *scores]
    if not scores or any(c not in survey.columns for c in need):
        raise ValueError(f"survey must have columns {need!r}, got {list(survey.columns)!r}")
    if any(c not in employees.columns for c in ("employee_id", "leave_date", "leave_type")):
        raise ValueError("employees must have columns ['employee_id', 'leave_date', 'leave_type'], "
                         f"got {list(employees.columns)!r}")
    if isinstance(horizon_months, bool) or not isinstance(horizon_months, (int, np.integer)) \
            or not 1 <= horizon_months <= 36:
        raise ValueError(f"horizon_months must be a whole number of months 1 to 36, got {horizon_months!r}")
    if leave_type not in LEAVE_TYPES:
        raise ValueError(f"leave_type must be one of {LEAVE_TYPES!r}, got {leave_type!r}")
    unknown = ~survey["employee_id"].isin(employees["employee_id"])
    raise_bad_rows("employee_id", "an employee_id of employees", survey["employee_id"], unknown.to_numpy())


def _outcomes(survey, employees, scores, horizon_months, leave_type, as_of):
    """The usable answers with ``left`` (0/1); answers whose horizon ends after as_of dropped."""
    staff = employees.drop_duplicates("employee_id").set_index("employee_id")
    data = survey.dropna(subset=list(scores)).copy()
    data["survey_date"] = pd.to_datetime(data["survey_date"])
    end = data["survey_date"] + pd.DateOffset(months=int(horizon_months))
    data = data[end <= as_of]
    end = end[data.index]
    leave = pd.to_datetime(staff.loc[data["employee_id"], "leave_date"]).to_numpy()
    kind = staff.loc[data["employee_id"], "leave_type"].to_numpy()
    counted = np.ones(len(data), bool) if leave_type == "any" else kind == leave_type
    within = (leave >= data["survey_date"].to_numpy()) & (leave <= end.to_numpy())
    data["left"] = (counted & within).astype(int)
    for s in scores:
        data[s] = data[s].astype(float)
    return data


def _bands(data, score, confidence):
    band = score_band(data[score], score)
    table = data.groupby(band, observed=False)["left"].agg(n="size", leavers="sum")
    table = table[table["n"] > 0].astype("int64")
    low, high = wilson_interval(table["leavers"].to_numpy(), table["n"].to_numpy(), confidence)
    table["leave_rate"] = table["leavers"] / table["n"]
    table["ci_low"], table["ci_high"] = low, high
    table["share_of_leavers"] = table["leavers"] / table["leavers"].sum()
    table.index = table.index.astype(str)
    table.index.name = f"{score}_band"
    return table


def _design(data, scores, adjust_tenure):
    x = data[list(scores)].astype(float)
    if adjust_tenure:
        band = tenure_band(data["tenure_months"])
        x = x.join(pd.get_dummies(band, prefix="tenure", drop_first=True, dtype=float))
        x = x.loc[:, x.std() > 0]
    x.insert(0, "const", 1.0)
    return x


def _auc(risk: np.ndarray, left: np.ndarray) -> float:
    """Mann-Whitney AUC with ties counted one half (average ranks)."""
    from scipy.stats import rankdata

    ranks = rankdata(risk)
    pos = left == 1
    n1, n0 = pos.sum(), (~pos).sum()
    return float((ranks[pos].sum() - n1 * (n1 + 1) / 2) / (n1 * n0))


def attrition_link(survey: pd.DataFrame, employees: pd.DataFrame, score="leader_support",
                   horizon_months: int = 6, leave_type: str = "voluntary", as_of=None,
                   adjust_tenure: bool = False, confidence: float = 0.95) -> AttritionLink:
    """Does a low ``score`` (one column or several) predict leaving within ``horizon_months``?

    ``survey``: one row per answer with ``survey_date, employee_id`` and the score columns
    (``tenure_months`` too if ``adjust_tenure``); ``employees``: ``employee_id, leave_date,
    leave_type`` (``ccskills.datasets.people.load_employees``). ``as_of``: the date the
    register is complete to (default: the latest leave or survey date). Answers with a
    blank score are left out. See the module docstring for the method.

    >>> from ccskills.datasets.people import load_employees, load_pulse_survey
    >>> link = attrition_link(load_pulse_survey(), load_employees(), as_of="2026-03-31")
    >>> link.horizon_months, link.leavers > 30, bool(link.odds_ratios.loc["leader_support", "odds_ratio"] > 1)
    (6, True, True)
    """
    scores = (score,) if isinstance(score, str) else tuple(score)
    _check_inputs(survey, employees, scores, horizon_months, leave_type)
    if adjust_tenure and "tenure_months" not in survey.columns:
        raise ValueError("survey must have a tenure_months column when adjust_tenure is True")
    latest = max(pd.to_datetime(employees["leave_date"]).max(), pd.to_datetime(survey["survey_date"]).max())
    as_of = latest if as_of is None else pd.Timestamp(as_of)
    data = _outcomes(survey, employees, scores, horizon_months, leave_type, as_of)
    if data["left"].nunique() < 2:
        raise ValueError("survey must have answers followed by both leaving and staying within "
                         f"the horizon, got {int(data['left'].sum())} leavers of {len(data)} answers")
    return _fit(data, scores, horizon_months, leave_type, as_of, adjust_tenure, confidence)


def _fit(data, scores, horizon_months, leave_type, as_of, adjust_tenure, confidence):
    import statsmodels.api as sm

    x = _design(data, scores, adjust_tenure)
    groups = pd.factorize(data["employee_id"])[0]
    model = sm.Logit(data["left"].to_numpy(), x).fit(
        disp=0, cov_type="cluster", cov_kwds={"groups": groups})
    z = _z(confidence)
    # scores: per point lower (sign -1); tenure dummies: against the first band (sign +1)
    sign = pd.Series([-1.0 if t in scores else 1.0 for t in x.columns[1:]], index=x.columns[1:])
    beta, se = sign * model.params.drop("const"), model.bse.drop("const")
    odds = pd.DataFrame({"odds_ratio": np.exp(beta), "ci_low": np.exp(beta - z * se),
                         "ci_high": np.exp(beta + z * se), "p_value": model.pvalues.drop("const")})
    odds.index.name = "term"
    return AttritionLink(scores, int(horizon_months), leave_type, as_of, len(data),
                         int(data["employee_id"].nunique()), int(data["left"].sum()),
                         float(data["left"].mean()), _bands(data, scores[0], confidence), odds,
                         _auc(model.fittedvalues.to_numpy(), data["left"].to_numpy()), bool(adjust_tenure))
