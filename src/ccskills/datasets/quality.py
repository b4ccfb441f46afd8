"""Loaders for the QA month (``datasets/quality/``): scorecard, evaluations, item results, calibration.

>>> card = load_scorecard()
>>> int(card["weight"].sum()), card["section"].nunique(), sorted(card["critical_kind"].value_counts().items())
(100, 5, [('', 11), ('business', 2), ('compliance', 2), ('customer', 2)])
>>> len(load_qa_evaluations()) > 1400
True
"""

from __future__ import annotations

import pandas as pd

from . import data_dir
from ._generate_quality import FILES

__all__ = ["load_scorecard", "load_qa_evaluations", "load_qa_results", "load_calibration"]

_TEXT = dict(dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")


def _read(key: str) -> pd.DataFrame:
    return pd.read_csv(data_dir() / FILES[key], **_TEXT)


def _bool(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    values = frame[column].map({"true": True, "false": False})
    if values.isna().any():
        raise ValueError(f"{column} must be true or false, got {frame[column][values.isna()].iloc[0]!r}")
    return frame.assign(**{column: values.astype(bool)})


def load_scorecard() -> pd.DataFrame:
    """The QA scorecard: ``item_id, section, section_zh, section_en, item_zh, item_en, weight,
    critical_kind`` (weight in points, sum 100; ``critical_kind`` '' for non-critical items)."""
    card = _read("scorecard")
    return card.assign(weight=card["weight"].astype(int), critical_kind=card["critical_kind"].fillna(""))


def load_qa_evaluations() -> pd.DataFrame:
    """One row per QA evaluation: ``evaluation_id, call_id, agent_id, team, analyst_id, evaluated_on``."""
    evals = _read("evaluations")
    return evals.assign(evaluated_on=pd.to_datetime(evals["evaluated_on"], format="%Y-%m-%d").astype("datetime64[ns]"))


def load_qa_results(with_evaluations: bool = True) -> pd.DataFrame:
    """Item-level results ``evaluation_id, item_id, passed`` (bool), by default joined with the
    evaluation's ``call_id, agent_id, team, analyst_id, evaluated_on`` so they can be rolled up."""
    items = _bool(_read("items"), "passed")
    if not with_evaluations:
        return items
    return load_qa_evaluations().merge(items, on="evaluation_id", how="right", validate="one_to_many")


def load_calibration() -> pd.DataFrame:
    """The calibration round: ``call_id, analyst_id, item_id, passed``; ``analyst_id == "master"``
    is the reference score agreed by the quality lead."""
    return _bool(_read("calibration"), "passed")
