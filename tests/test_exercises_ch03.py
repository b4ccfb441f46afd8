"""Tier 2: the chapter 03 problem set and its exercise notebook.

The shared tier-2 suite (tests/exercise_suite.py): self-grading, notebook run untouched and
solved, givens verbatim, no stored outputs, trainer note quotes every computed answer (text in
double quotes).
"""

from __future__ import annotations

from exercise_suite import exercise_suite, note_writer

from ccskills.exercises import ch03

globals().update(exercise_suite(ch03, "03_quality_metrics", min_checked=8,
                                written=note_writer(quote_text=True)))


# ---------------------------------------------------------------- key drivers (lesson 5, questions 12-15)
# The numbers the key-driver prompts and explanations quote, recomputed here from the kit's CSV files
# with pandas and statsmodels (not read from the library's drivers package).

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
import statsmodels.api as sm  # noqa: E402

from ccskills.exercises import ch03_no_code  # noqa: E402
from exercise_suite import ROOT  # noqa: E402

SIX = ["resolved_first_contact", "transferred", "wait_s", "talk_s", "hold_s", "acw_s"]


@pytest.fixture(scope="module")
def linked():
    survey = pd.read_csv(ROOT / "datasets" / "operations" / "survey_responses.csv")
    calls = pd.read_csv(ROOT / "datasets" / "call_records.csv").drop(columns="csat")
    return survey.merge(calls, on="call_id")[["csat", *SIX]].dropna().astype(float)


def r2(data, names):
    return sm.OLS(data["csat"], sm.add_constant(data[names])).fit().rsquared


def test_quoted_correlations_and_r2_are_the_data(linked):
    r = linked.corr()["csat"]
    assert round(r["transferred"], 2) == -0.26 and round(100 * r["transferred"] ** 2, 1) == 6.6
    assert round(100 * (r[SIX] ** 2).sum()) == 33  # "六个 r² 加起来是 33 %"
    assert round(100 * r2(linked, SIX)) == 26  # "约 26 %"
    assert round(linked[["resolved_first_contact", "transferred"]].corr().iloc[0, 1], 2) == -0.26


def test_two_driver_shapley_by_hand_is_the_code_tracks_answer(linked):
    a, b = r2(linked, ["resolved_first_contact"]), r2(linked, ["transferred"])
    both = r2(linked, ["resolved_first_contact", "transferred"])
    assert ch03.TWO_SHARE.expected_values["fcr_two"] == pytest.approx((a + both - b) / 2, abs=1e-10)


def test_act_first_is_the_most_important_worst_performing_driver(linked):
    from ccskills.exercises.ch03 import _act_first

    performance = {"resolved_first_contact": linked["resolved_first_contact"].mean(),
                   "transferred": (linked["transferred"] == 0).mean(), "wait_s": (linked["wait_s"] <= 20).mean()}
    assert _act_first() == "resolved_first_contact"
    assert min(performance, key=performance.get) == "resolved_first_contact"


def test_qa_linked_count_is_a_merge_of_the_csv_files():
    survey = pd.read_csv(ROOT / "datasets" / "operations" / "survey_responses.csv")
    evaluations = pd.read_csv(ROOT / "datasets" / "quality" / "evaluations.csv")
    assert ch03.QA_LINKED.expected_values["qa_linked"] == int(survey["call_id"].isin(evaluations["call_id"]).sum())


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("given_id", ["kd_shares", "kd_two", "kd_matrix", "kd_qa"])
def test_key_driver_givens_render_without_gaps(given_id, lang):
    shown = next(g for g in ch03_no_code.GIVENS if g.id == given_id).build(lang)
    cells = shown.to_numpy().ravel().tolist() if isinstance(shown, pd.DataFrame) else [v for _, v in shown]
    assert cells and not any(isinstance(v, float) and np.isnan(v) for v in cells), shown
    assert not any("nan" in str(v).lower() for v in cells), shown
