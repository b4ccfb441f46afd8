"""From scored evaluations to reports: critical-error accuracy, rollups, the costliest items.

Critical-error accuracy (致命错误准确率) is reported per kind and never folded into the
average score (COPC practice, domain.md §1.5):
``CEA_kind = evaluations without an error of that kind / evaluations``.
"""

from __future__ import annotations

import pandas as pd

from .sampling import score_margin_of_error
from .scorecard import CRITICAL_KINDS, check_scorecard, points_lost

__all__ = ["critical_error_accuracy", "quality_rollup", "score_interval", "item_summary",
           "costliest_items"]

_ERRORS = [f"{k}_error" for k in CRITICAL_KINDS]


def _by(name: str, frame: pd.DataFrame, by) -> list:
    keys = [by] if isinstance(by, str) else list(by)
    missing = [k for k in keys if k not in frame.columns]
    if missing or not keys:
        raise ValueError(f"by must name columns of {name}, got {by!r}")
    return keys


def critical_error_accuracy(scored: pd.DataFrame, by=None):
    """Share of evaluations with no critical error of each kind (Series; DataFrame with ``by``).

    ``scored`` is the output of :func:`~ccskills.quality.score_evaluations` (it needs
    ``customer_error``, ``business_error``, ``compliance_error``).

    >>> scored = pd.DataFrame({"customer_error": [False, True, False, False],
    ...                        "business_error": [False] * 4,
    ...                        "compliance_error": [True, False, False, False]})
    >>> critical_error_accuracy(scored).tolist()
    [0.75, 1.0, 0.75]
    """
    if not isinstance(scored, pd.DataFrame) or any(c not in scored.columns for c in _ERRORS):
        raise ValueError(f"scored must be a table from score_evaluations with the columns "
                         f"{', '.join(_ERRORS)}, got {type(scored).__name__}")
    ok = ~scored[_ERRORS].astype(bool)
    ok.columns = list(CRITICAL_KINDS)
    if by is None:
        return ok.mean().rename("critical_error_accuracy")
    return ok.groupby([scored[k] for k in _by("scored", scored, by)]).mean()


def quality_rollup(scored: pd.DataFrame, by) -> pd.DataFrame:
    """Per group (agent, team, analyst…): evaluations, mean score, mean raw score, evaluations
    with a critical error, and the three critical-error accuracies side by side."""
    keys = _by("scored", scored, by)
    g = scored.groupby(keys)
    out = pd.DataFrame({
        "evaluations": g.size(),
        "mean_score": g["score"].mean(),
        "mean_raw_score": g["raw_score"].mean(),
        "critical_errors": g["critical_error"].sum().astype(int),
    })
    return out.join(critical_error_accuracy(scored, keys).add_suffix("_accuracy"))


def score_interval(scored: pd.DataFrame, by="agent_id", confidence: float = 0.95,
                   sd: float | None = None) -> pd.DataFrame:
    """Per group: ``evaluations``, ``mean_score``, ``margin`` (± points) and the interval ``low``–``high``.

    ``margin = z · sd / √n`` (:func:`~ccskills.quality.score_margin_of_error`); ``sd`` is
    the spread of single evaluation scores, by default the median of the groups' own
    standard deviations (one shared value, so a group with few evaluations is not judged
    on its own noisy spread). A group whose ``high`` is below the standard is below it
    with the chosen confidence; one whose interval contains the standard is not shown to
    differ from it, however low its mean looks.
    """
    keys = _by("scored", scored, by)
    g = scored.groupby(keys)["score"]
    spread = float(g.std().median()) if sd is None else sd
    if sd is None and not spread > 0:
        raise ValueError("sd must be given when the groups' own spread cannot be estimated (each group "
                         f"has one evaluation, or every score is equal: median sd {spread!r}), got None")
    out = pd.DataFrame({"evaluations": g.size(), "mean_score": g.mean()})
    out["margin"] = [score_margin_of_error(int(n), spread, confidence) for n in out["evaluations"]]
    out["low"] = out["mean_score"] - out["margin"]
    out["high"] = out["mean_score"] + out["margin"]
    return out


def item_summary(results: pd.DataFrame, scorecard: pd.DataFrame) -> pd.DataFrame:
    """Per scorecard item, ranked by points lost: failures, fail rate, points lost (total and per
    evaluation), share and cumulative share of all points lost — the Pareto table of the month."""
    card = check_scorecard(scorecard)
    df = points_lost(results, card)
    n_eval = df["evaluation_id"].nunique()
    g = df.groupby("item_id")
    out = card.set_index("item_id")[["section", "critical_kind", "points"]].join(pd.DataFrame({
        "failures": g["passed"].apply(lambda s: int((s < 1).sum())),
        "points_lost": g["points_lost"].sum(),
    }))
    out["fail_rate"] = out["failures"] / n_eval
    out["points_lost_per_evaluation"] = out["points_lost"] / n_eval
    out = out.sort_values(["points_lost", "failures"], ascending=False, kind="stable")
    total = out["points_lost"].sum()
    out["share"] = out["points_lost"] / total if total > 0 else 0.0
    out["cumulative_share"] = out["share"].cumsum()
    return out


def costliest_items(results: pd.DataFrame, scorecard: pd.DataFrame, by="agent_id",
                    top: int = 3) -> pd.DataFrame:
    """For each group (an agent by default), the ``top`` items that cost most points, ranked.

    ``results`` carries the ``by`` column(s) beside ``evaluation_id, item_id, passed``.
    Columns: ``rank`` (1 = costliest), ``item_id``, ``section``, ``failures``,
    ``points_lost_per_evaluation`` and ``share`` of the group's lost points. Items that
    cost nothing are left out. This is the input to an improvement interview (质量提升面谈).
    """
    keys = _by("results", results, by)
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise ValueError(f"top must be a whole number >= 1, got {top!r}")
    df = points_lost(results, scorecard)
    n_eval = df.groupby(keys)["evaluation_id"].nunique().rename("evaluations")
    agg = df.groupby(keys + ["item_id", "section"]).agg(
        failures=("passed", lambda s: int((s < 1).sum())), points_lost=("points_lost", "sum"))
    agg = agg[agg["points_lost"] > 0].reset_index().merge(n_eval.reset_index(), on=keys)
    agg["points_lost_per_evaluation"] = agg["points_lost"] / agg["evaluations"]
    agg["share"] = agg["points_lost"] / agg.groupby(keys)["points_lost"].transform("sum")
    agg = agg.sort_values(keys + ["points_lost", "item_id"], ascending=[True] * len(keys) + [False, True])
    agg["rank"] = agg.groupby(keys).cumcount() + 1
    cols = keys + ["rank", "item_id", "section", "evaluations", "failures",
                   "points_lost_per_evaluation", "share"]
    return agg[agg["rank"] <= top][cols].reset_index(drop=True)
