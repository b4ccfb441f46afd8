"""Scorecards as data, and scoring QA evaluations on them (质检评分表与评分).

A scorecard is a table with one row per item: ``item_id``, ``section`` (the business
dimension it belongs to), ``weight`` (points; they are rescaled to sum to 100) and
``critical_kind`` — ``"customer"``, ``"business"``, ``"compliance"`` or empty for a
non-critical item. Results are a long table, one row per evaluation and item, with
``passed`` (True/False or a fraction of the item's points earned).

Scoring (domain.md §2.1): ``raw = 100 · Σ w_i s_i / Σ w_i``; if any critical item is
failed (``passed`` < 1) the score is 0 — a critical error zeroes the evaluation.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

__all__ = [
    "CRITICAL_KINDS",
    "SCORECARD_COLUMNS",
    "RESULT_COLUMNS",
    "check_scorecard",
    "ScoredCall",
    "score_call",
    "score_evaluations",
    "section_scores",
    "points_lost",
]

CRITICAL_KINDS = ("customer", "business", "compliance")
SCORECARD_COLUMNS = ("item_id", "section", "weight", "critical_kind")
RESULT_COLUMNS = ("evaluation_id", "item_id", "passed")


def _py(value):
    """A numpy scalar as the plain Python value, so messages read ``2``, not ``np.int64(2)``."""
    return value.item() if isinstance(value, np.generic) else value


def _require(name: str, frame, columns) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame, got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name} must have the columns {', '.join(columns)}, got no {missing[0]!r}")


def check_scorecard(scorecard: pd.DataFrame) -> pd.DataFrame:
    """Validated copy of ``scorecard`` with ``critical_kind`` as '' for none and ``points`` (sum 100).

    >>> card = pd.DataFrame({"item_id": ["greet", "solve", "verify"], "section": ["a", "b", "b"],
    ...                      "weight": [1, 3, 0], "critical_kind": ["", "", "compliance"]})
    >>> check_scorecard(card)["points"].tolist()
    [25.0, 75.0, 0.0]
    """
    _require("scorecard", scorecard, SCORECARD_COLUMNS)
    card = scorecard.reset_index(drop=True).copy()
    dup = card["item_id"][card["item_id"].duplicated()]
    if len(dup):
        raise ValueError(f"scorecard item_id must be unique, got {_py(dup.iloc[0])!r} twice")
    weight = pd.to_numeric(card["weight"], errors="coerce")
    bad = weight.isna() | ~np.isfinite(weight) | (weight < 0)
    if bad.any():
        raise ValueError(f"scorecard weight must be zero or a positive number, got "
                         f"{_py(card['weight'][bad].iloc[0])!r}")
    if not weight.max() > 0:  # weights >= 0: a positive sum is a positive maximum (no overflow)
        raise ValueError(f"scorecard weight must sum to more than 0, got {weight.sum()!r}")
    kind = card["critical_kind"].fillna("").astype(str).str.strip()
    wrong = ~kind.isin(("",) + CRITICAL_KINDS)
    if wrong.any():
        raise ValueError(f"scorecard critical_kind must be one of {', '.join(CRITICAL_KINDS)} or "
                         f"empty, got {kind[wrong].iloc[0]!r}")
    unit = np.ldexp(weight.astype(float), -int(np.frexp(weight.max())[1]))  # exact; the sum stays finite
    return card.assign(weight=weight.astype(float), critical_kind=kind,
                       points=100.0 * unit / unit.sum())


def _long(results: pd.DataFrame, card: pd.DataFrame) -> pd.DataFrame:
    """Results joined to the scorecard, checked complete, with per-item points lost."""
    _require("results", results, RESULT_COLUMNS)
    unknown = ~results["item_id"].isin(card["item_id"])
    if unknown.any():
        raise ValueError(f"results item_id must be an item of the scorecard, got "
                         f"{_py(results['item_id'][unknown].iloc[0])!r}")
    passed = pd.to_numeric(results["passed"].astype(object).replace({True: 1.0, False: 0.0}),
                           errors="coerce")
    bad = passed.isna() | (passed < 0) | (passed > 1)
    if bad.any():
        raise ValueError(f"results passed must be True/False or a fraction in [0, 1], got "
                         f"{_py(results['passed'][bad].iloc[0])!r}")
    df = results.assign(passed=passed.astype(float)).merge(
        card[["item_id", "section", "points", "critical_kind"]], on="item_id", how="left")
    size = df.groupby("evaluation_id", sort=False)["item_id"].agg(["size", "nunique"])
    short = size[(size["size"] != len(card)) | (size["nunique"] != len(card))]
    if len(short):
        raise ValueError(f"results must have each of the {len(card)} scorecard items once per "
                         f"evaluation, got {short['size'].iloc[0]} rows for evaluation "
                         f"{_py(short.index[0])!r}")
    df["critical_error"] = (df["critical_kind"] != "") & (df["passed"] < 1)
    df["points_lost"] = df["points"] * (1 - df["passed"])
    return df


def _per_evaluation(df: pd.DataFrame) -> pd.DataFrame:
    g = df.groupby("evaluation_id", sort=False)
    out = pd.DataFrame({"raw_score": 100.0 - g["points_lost"].sum()})
    for kind in CRITICAL_KINDS:
        hit = df["critical_error"] & (df["critical_kind"] == kind)
        out[f"{kind}_error"] = hit.groupby(df["evaluation_id"], sort=False).any()
    out["critical_error"] = out[[f"{k}_error" for k in CRITICAL_KINDS]].any(axis=1)
    out["score"] = out["raw_score"].where(~out["critical_error"], 0.0).clip(lower=0.0)
    return out


def score_evaluations(results: pd.DataFrame, scorecard: pd.DataFrame) -> pd.DataFrame:
    """One row per evaluation: ``raw_score`` (before critical errors), ``score`` (0 if any
    critical error), ``customer_error``, ``business_error``, ``compliance_error``,
    ``critical_error`` (bools). Other columns of ``results`` that are constant within an
    evaluation (agent, team, analyst…) are kept, so the result can be rolled up directly.

    >>> card = pd.DataFrame({"item_id": ["greet", "solve", "verify"], "section": ["a", "b", "b"],
    ...                      "weight": [1, 3, 0], "critical_kind": ["", "", "compliance"]})
    >>> res = pd.DataFrame({"evaluation_id": [1, 1, 1, 2, 2, 2],
    ...                     "item_id": ["greet", "solve", "verify"] * 2,
    ...                     "passed": [False, True, True, True, True, False]})
    >>> score_evaluations(res, card)[["evaluation_id", "raw_score", "score"]].to_numpy().tolist()
    [[1.0, 75.0, 75.0], [2.0, 100.0, 0.0]]
    """
    df = _long(results, check_scorecard(scorecard))
    out = _per_evaluation(df)
    extra = [c for c in results.columns if c not in RESULT_COLUMNS]
    if extra:
        keep = df.groupby("evaluation_id", sort=False)[extra].nunique(dropna=False).le(1).all()
        extra = [c for c in extra if keep[c]]
        out = df.groupby("evaluation_id", sort=False)[extra].first().join(out)
    cols = ["raw_score", "score", *[f"{k}_error" for k in CRITICAL_KINDS], "critical_error"]
    return out[[c for c in out.columns if c not in cols] + cols].reset_index()


def section_scores(results: pd.DataFrame, scorecard: pd.DataFrame) -> pd.DataFrame:
    """Points earned per evaluation (rows) and section (columns), before critical errors.

    A section's maximum is the sum of its items' points; the row sums are ``raw_score``.
    """
    card = check_scorecard(scorecard)
    df = _long(results, card)
    earned = df["points"] * df["passed"]
    table = earned.groupby([df["evaluation_id"], df["section"]], sort=False).sum().unstack()
    return table[list(pd.unique(card["section"]))]


def points_lost(results: pd.DataFrame, scorecard: pd.DataFrame) -> pd.DataFrame:
    """``results`` with ``points_lost`` per row: what each item cost its evaluation.

    A failed non-critical item costs its points; a failed critical item costs its own
    points plus the raw score the critical error wiped out (shared equally when one
    evaluation has several critical errors). So per evaluation the points lost add up
    to ``100 − score``: the basis of the coaching ranking in :mod:`.rollup`.
    """
    card = check_scorecard(scorecard)
    df = _long(results, card)
    per_eval = _per_evaluation(df)
    n_crit = df.groupby("evaluation_id", sort=False)["critical_error"].transform("sum")
    wiped = df["evaluation_id"].map(per_eval["raw_score"] - per_eval["score"])
    share = np.where(df["critical_error"], wiped / n_crit.where(n_crit > 0, 1), 0.0)
    return df.assign(points_lost=df["points_lost"] + share)


class ScoredCall(NamedTuple):
    """One call scored on a scorecard (what the calculator shows)."""

    score: float  # 0-100, 0 after a critical error
    raw_score: float  # 0-100 before critical errors
    critical_kinds: tuple  # kinds of critical error found, in CRITICAL_KINDS order
    sections: pd.DataFrame  # per section: points, max_points


def score_call(item_results, scorecard: pd.DataFrame) -> ScoredCall:
    """Score one call from ``{item_id: passed}`` (every scorecard item present).

    >>> card = pd.DataFrame({"item_id": ["greet", "solve", "verify"], "section": ["a", "b", "b"],
    ...                      "weight": [1, 3, 0], "critical_kind": ["", "", "compliance"]})
    >>> score_call({"greet": True, "solve": True, "verify": False}, card)[:3]
    (0.0, 100.0, ('compliance',))
    """
    if not hasattr(item_results, "items"):
        raise TypeError(f"item_results must be a mapping of item_id to passed, got {item_results!r}")
    res = pd.DataFrame({"evaluation_id": "call", "item_id": list(item_results.keys()),
                        "passed": list(item_results.values())})
    card = check_scorecard(scorecard)
    row = score_evaluations(res, card).iloc[0]
    earned = section_scores(res, card).iloc[0]
    maxima = card.groupby("section", sort=False)["points"].sum()
    sections = pd.DataFrame({"points": earned, "max_points": maxima})
    sections.index.name = "section"
    kinds = tuple(k for k in CRITICAL_KINDS if row[f"{k}_error"])
    return ScoredCall(float(row["score"]), float(row["raw_score"]), kinds, sections)
