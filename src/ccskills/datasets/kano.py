"""Loaders of the Kano survey (``datasets/kano/``): answers per respondent and feature, and the features.

>>> survey = load_kano_survey()
>>> len(survey), survey["respondent"].nunique(), survey["feature"].nunique()
(2100, 300, 7)
>>> load_kano_features().loc["callback", "name_zh"]
'排队时可预约回拨'
"""

from __future__ import annotations

import pandas as pd

from ..kano import SURVEY_COLUMNS, answer_codes
from ..kpi._records import check_records, raise_bad_rows
from . import data_dir
from ._generate_kano import FEATURE_COLUMNS, FILES, SEGMENTS

__all__ = ["load_kano_survey", "load_kano_features", "KANO_SEGMENTS"]

#: Respondent segments of the survey: individual, business and senior customers.
KANO_SEGMENTS = tuple(SEGMENTS)


def load_kano_survey() -> pd.DataFrame:
    """The Kano survey, one row per respondent and feature (300 respondents x 7 features).

    Columns: ``respondent`` (R001..R300), ``segment`` (:data:`KANO_SEGMENTS`),
    ``feature`` (id, see :func:`load_kano_features`), ``functional`` and
    ``dysfunctional`` (answer codes 1 like .. 5 dislike, int64). Ready for
    ``ccskills.kano.analyze``.
    """
    frame = pd.read_csv(data_dir() / FILES["survey"], encoding="utf-8",
                        dtype={"respondent": str, "segment": str, "feature": str})
    check_records(frame, (*SURVEY_COLUMNS, "segment"))
    raise_bad_rows("segment", f"one of {', '.join(KANO_SEGMENTS)}", frame["segment"],
                   ~frame["segment"].isin(KANO_SEGMENTS).to_numpy())
    for column in ("functional", "dysfunctional"):
        frame[column] = answer_codes(frame[column].to_numpy(), column)
    return frame


def load_kano_features() -> pd.DataFrame:
    """The surveyed features, indexed by ``feature``: names and both questions in Chinese and English."""
    frame = pd.read_csv(data_dir() / FILES["features"], encoding="utf-8", dtype=str)
    check_records(frame, FEATURE_COLUMNS)
    return frame.set_index("feature")
