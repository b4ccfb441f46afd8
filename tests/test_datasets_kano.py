"""Tests for the Kano survey data: byte-for-byte regeneration and the properties the lesson uses.

Category counts are recomputed here with the published evaluation table typed out
(reference/domain.md §3) and plain pandas, independently of ccskills.kano.analyze.
"""

from __future__ import annotations

import pandas as pd
import pytest

from ccskills import datasets
from ccskills.datasets import _generate_kano
from ccskills.datasets.kano import KANO_SEGMENTS, load_kano_features, load_kano_survey
from ccskills.kano import analyze

TABLE = ["QAAAO", "RIIIM", "RIIIM", "RIIIM", "RRRRQ"]


@pytest.fixture(scope="module")
def survey():
    return load_kano_survey()


@pytest.fixture(scope="module")
def counts(survey):
    cats = [TABLE[f - 1][d - 1] for f, d in zip(survey["functional"], survey["dysfunctional"])]
    return survey.assign(cat=cats).groupby(["feature", "cat"]).size().unstack(fill_value=0)


def test_regenerates_byte_for_byte(tmp_path):
    paths = _generate_kano.write_datasets(tmp_path)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in paths) == sorted(
        _generate_kano.FILES.values())
    for path in paths:
        committed = datasets.data_dir() / path.relative_to(tmp_path)
        assert committed.read_bytes() == path.read_bytes(), committed


def test_shape_and_dtypes(survey):
    assert len(survey) == 300 * 7
    assert survey["respondent"].nunique() == 300
    assert not survey.duplicated(["respondent", "feature"]).any()
    assert survey.groupby("respondent")["segment"].nunique().max() == 1
    sizes = survey.drop_duplicates("respondent")["segment"].value_counts()
    assert sizes.to_dict() == {"individual": 180, "business": 70, "senior": 50}
    assert set(survey["segment"]) == set(KANO_SEGMENTS)
    assert str(survey["functional"].dtype) == "int64"
    assert survey[["functional", "dysfunctional"]].isin(range(1, 6)).all().all()


def test_features_table(survey):
    features = load_kano_features()
    assert list(features.index) == list(survey["feature"].unique())
    assert features.notna().all().all()


def test_categories_differ_as_designed(counts):
    mode = counts.idxmax(axis=1)
    assert mode.to_dict() == {"callback": "A", "same_agent": "A", "hours_24x7": "O", "greeting": "M",
                              "short_ivr": "O", "sms_followup": "I", "marketing_sms": "R"}
    assert set(mode) == set("AOMIR")


def test_same_agent_is_borderline(counts, survey):
    row = counts.loc["same_agent"]
    assert 0 < row["A"] - row["I"] <= 5  # A wins by a handful of answers out of 300
    by = analyze(survey, by="segment")["category"]
    assert by[("individual", "same_agent")] == "I" and by[("business", "same_agent")] == "A"


def test_segments_differ_where_the_readme_says(survey):
    by = analyze(survey, by="segment")["category"]
    assert by[("business", "hours_24x7")] == "M"
    assert by[("senior", "short_ivr")] == "M"


def test_every_feature_has_some_questionable_answers(counts):
    assert (counts["Q"] > 0).all()


def test_analyze_agrees_with_the_independent_count(survey, counts):
    out = analyze(survey)
    pd.testing.assert_frame_equal(out[list("AOMIRQ")].sort_index(),
                                  counts[list("AOMIRQ")].sort_index(), check_names=False)
