"""Tests for the QA month under datasets/quality/: byte-for-byte regeneration, links to the
call month, and the properties chapter 03 relies on (critical errors of every kind, a lenient
and an inconsistent analyst, new agents scoring lower)."""

from __future__ import annotations

import filecmp

import pandas as pd
import pytest

from ccskills import quality as q
from ccskills.datasets import data_dir, load_agents, load_call_records
from ccskills.datasets import _generate_quality as gen
from ccskills.datasets.quality import (
    load_calibration,
    load_qa_evaluations,
    load_qa_results,
    load_scorecard,
)


@pytest.fixture(scope="module")
def card():
    return load_scorecard()


@pytest.fixture(scope="module")
def res():
    return load_qa_results()


@pytest.fixture(scope="module")
def scored(res, card):
    return q.score_evaluations(res, card)


@pytest.fixture(scope="module")
def calibration(card):
    cal = load_calibration()
    scores = q.score_evaluations(cal.assign(evaluation_id=cal["call_id"] + "/" + cal["analyst_id"]), card)
    return cal, q.score_table(scores, rater="analyst_id")


def test_regenerates_byte_for_byte(tmp_path):
    paths = gen.write_datasets(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == list(gen.FILES.values())
    for path in paths:
        assert filecmp.cmp(path, data_dir() / path.relative_to(tmp_path), shallow=False), path


def test_files_are_small():
    assert sum((data_dir() / f).stat().st_size for f in gen.FILES.values()) < 8_000_000


def test_scorecard_shape(card):
    assert card["weight"].sum() == 100
    assert card["section"].nunique() == 5  # the five business dimensions
    crit = card[card["critical_kind"] != ""]
    assert sorted(crit["critical_kind"]) == sorted(q.CRITICAL_KINDS * 2)
    assert (crit["weight"] == 0).all() and (card.loc[card["critical_kind"] == "", "weight"] > 0).all()
    assert card[["section_zh", "section_en", "item_zh", "item_en"]].notna().all().all()


def test_evaluations_reference_answered_calls_of_their_agent():
    evals, calls = load_qa_evaluations(), load_call_records().set_index("call_id")
    assert 1400 <= len(evals) <= 1600 and evals["call_id"].is_unique
    linked = calls.loc[evals["call_id"]]
    assert (linked["outcome"] == "answered").all()
    assert (linked["agent_id"].to_numpy() == evals["agent_id"].to_numpy()).all()
    agents = load_agents().set_index("agent_id")
    assert set(evals["agent_id"]) == set(agents.index)
    assert (agents.loc[evals["agent_id"], "team"].to_numpy() == evals["team"].to_numpy()).all()
    assert (evals["evaluated_on"] > linked["arrival"].to_numpy()).all()


def test_every_evaluation_has_every_item(res, card):
    assert len(res) == len(load_qa_evaluations()) * len(card)
    assert res.groupby("evaluation_id")["item_id"].nunique().eq(len(card)).all()


def test_critical_errors_of_every_kind(scored):
    counts = scored[[f"{k}_error" for k in q.CRITICAL_KINDS]].sum()
    assert (counts >= 10).all()
    assert 0.02 < scored["critical_error"].mean() < 0.08
    assert (q.critical_error_accuracy(scored) > 0.95).all()


def test_new_agents_score_lower_and_get_more_evaluations(scored):
    agents = load_agents().set_index("agent_id")
    new = agents.loc[scored["agent_id"], "hire_date"].to_numpy() >= gen.NEW_SINCE
    assert scored["raw_score"][new].mean() < scored["raw_score"][~new].mean() - 3
    per_agent = scored.groupby("agent_id").size()
    assert set(per_agent) == {gen.EVALS_NEW, gen.EVALS_TENURED}


def test_lenient_analyst_shows_in_the_month(scored):
    by = scored.groupby("analyst_id")["raw_score"].mean()
    assert by.idxmax() == gen.LENIENT and by[gen.LENIENT] > by.drop(gen.LENIENT).max() + 4


def test_agents_differ_in_their_costliest_item(res, card):
    top = q.costliest_items(res, card, top=1)
    assert len(top) == 75 and top["item_id"].nunique() >= 5


def test_calibration_round(calibration, card):
    cal, table = calibration
    assert list(table.columns) == ["QA1", "QA2", "QA3", "QA4", "QA5", "QA6", "master"]
    assert len(table) == gen.CALIBRATION_CALLS
    assert len(cal) == gen.CALIBRATION_CALLS * 7 * len(card)
    dev = q.rater_deviation(table, "master")
    assert dev["mean_deviation"].idxmax() == gen.LENIENT and dev.loc[gen.LENIENT, "mean_deviation"] > 10
    assert abs(dev.loc[gen.INCONSISTENT, "mean_deviation"]) < 5
    assert dev.loc[gen.INCONSISTENT, "within_tolerance"] < 0.85
    good = dev.drop([gen.LENIENT, gen.INCONSISTENT])
    assert (good["within_tolerance"] >= 0.8).all()
    # calibration calls are not part of the month's evaluations
    assert not set(table.index) & set(load_qa_evaluations()["call_id"])


def test_calibration_agreement_improves_without_the_two_outliers(calibration):
    cal, table = calibration
    analysts = table.drop(columns="master")
    rest = analysts.drop(columns=[gen.LENIENT, gen.INCONSISTENT])
    assert q.icc(analysts, "ICC(2,1)") < 0.75 <= 0.9 <= q.icc(rest, "ICC(2,1)")
    labels = cal.pivot_table(index=["call_id", "item_id"], columns="analyst_id", values="passed",
                             aggfunc="first").drop(columns="master")
    all_k = q.fleiss_kappa(labels)
    rest_k = q.fleiss_kappa(labels.drop(columns=[gen.LENIENT, gen.INCONSISTENT]))
    assert 0.4 <= all_k < 0.7 and rest_k > all_k + 0.1


def test_loaders_dtypes():
    evals = load_qa_evaluations()
    assert str(evals["evaluated_on"].dtype) == "datetime64[ns]"
    assert load_qa_results(with_evaluations=False)["passed"].dtype == bool
    assert list(load_qa_results(with_evaluations=False).columns) == ["evaluation_id", "item_id", "passed"]
    assert load_calibration()["passed"].dtype == bool


def test_bad_boolean_is_named():
    from ccskills.datasets import quality as loader

    frame = pd.DataFrame({"evaluation_id": ["Q1"], "item_id": ["greeting"], "passed": ["yes"]})
    with pytest.raises(ValueError, match="passed must be true or false, got 'yes'"):
        loader._bool(frame, "passed")
