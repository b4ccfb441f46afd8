"""Tests of ccskills.quality scoring, rollups, sampling and calibration deviation.

Expected values are hand-computed with the arithmetic shown, taken from domain.md
§2.1–2.3 (sample-size checks and the margin table), or recomputed by brute force
(plain Python loops over the item results); hypothesis checks the inverse relation
of sample size and margin of error.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ccskills.quality import (
    CRITICAL_KINDS,
    check_scorecard,
    costliest_items,
    critical_error_accuracy,
    item_summary,
    margin_of_error,
    points_lost,
    quality_rollup,
    rater_deviation,
    sample_size,
    score_call,
    score_interval,
    score_evaluations,
    score_margin_of_error,
    score_table,
    section_scores,
    z_value,
)

# A small card: weights 10 + 30 + 20 + 40 = 100 points, two critical gates.
CARD = pd.DataFrame({
    "item_id": ["greet", "listen", "info", "solve", "verify", "rude"],
    "section": ["open", "talk", "know", "know", "open", "talk"],
    "weight": [10, 30, 20, 40, 0, 0],
    "critical_kind": ["", "", "", "", "compliance", "customer"],
})
ITEMS = list(CARD["item_id"])


def results(rows):
    """rows: {evaluation_id: (agent, {item: passed, …})}; unlisted items pass."""
    out = []
    for ev, (agent, fails) in rows.items():
        for item in ITEMS:
            out.append({"evaluation_id": ev, "item_id": item, "passed": fails.get(item, True),
                        "agent_id": agent})
    return pd.DataFrame(out)


RESULTS = results({
    "E1": ("a", {"listen": False}),                    # raw 70, score 70
    "E2": ("a", {"solve": False, "verify": False}),    # raw 60, compliance error → 0
    "E3": ("b", {"greet": False, "info": False}),      # raw 70, score 70
    "E4": ("b", {}),                                   # 100
    "E5": ("b", {"rude": False, "verify": False, "listen": False}),  # raw 70 → 0, two kinds
})


# ---------------------------------------------------------------- scoring
def test_scores_hand_computed():
    s = score_evaluations(RESULTS, CARD).set_index("evaluation_id")
    assert s["raw_score"].tolist() == [70, 60, 70, 100, 70]
    assert s["score"].tolist() == [70, 0, 70, 100, 0]
    assert s["compliance_error"].tolist() == [False, True, False, False, True]
    assert s["customer_error"].tolist() == [False, False, False, False, True]
    assert not s["business_error"].any()
    assert s["critical_error"].tolist() == [False, True, False, False, True]
    assert s["agent_id"].tolist() == ["a", "a", "b", "b", "b"]  # constant columns are kept


def test_weights_are_rescaled_to_100_points():
    card = CARD.assign(weight=CARD["weight"] / 10)  # 1, 3, 2, 4: same shares
    assert check_scorecard(card)["points"].tolist() == [10, 30, 20, 40, 0, 0]
    assert score_evaluations(RESULTS, card)["score"].tolist() == [70, 0, 70, 100, 0]


def test_partial_credit():
    res = RESULTS[RESULTS["evaluation_id"] == "E4"].astype({"passed": float})
    res.loc[res["item_id"] == "solve", "passed"] = 0.5  # half of 40 points
    assert score_evaluations(res, CARD)["score"].tolist() == [80.0]


def test_critical_item_with_points_loses_them_too():
    card = CARD.assign(weight=[10, 30, 20, 30, 10, 0])
    res = RESULTS[RESULTS["evaluation_id"] == "E2"]
    # raw = 100 − solve 30 − verify 10 = 60; score 0 for the compliance error
    row = score_evaluations(res, card).iloc[0]
    assert (row["raw_score"], row["score"]) == (60, 0)


def test_section_scores_add_up_to_raw_score():
    sec = section_scores(RESULTS, CARD)
    assert list(sec.columns) == ["open", "talk", "know"]
    assert sec.loc["E3"].tolist() == [0, 30, 40]  # greet and info lost
    assert sec.sum(axis=1).tolist() == [70, 60, 70, 100, 70]


def test_score_call():
    r = score_call({i: i != "rude" for i in ITEMS}, CARD)
    assert (r.score, r.raw_score, r.critical_kinds) == (0.0, 100.0, ("customer",))
    assert r.sections.loc["know"].tolist() == [60.0, 60.0]
    r = score_call({i: i != "greet" for i in ITEMS}, CARD)
    assert (r.score, r.critical_kinds) == (90.0, ())


# ---------------------------------------------------------------- critical-error accuracy and rollups
def test_critical_error_accuracy_per_kind():
    s = score_evaluations(RESULTS, CARD)
    cea = critical_error_accuracy(s)
    # customer: 1 of 5 evaluations in error → 0.8; business none → 1; compliance 2 of 5 → 0.6
    assert cea.to_dict() == {"customer": 0.8, "business": 1.0, "compliance": 0.6}
    by = critical_error_accuracy(s, by="agent_id")
    assert by.loc["a"].tolist() == [1.0, 1.0, 0.5]
    assert by.loc["b"].tolist() == pytest.approx([2 / 3, 1.0, 2 / 3])


def test_quality_rollup_keeps_accuracy_apart_from_the_average():
    roll = quality_rollup(score_evaluations(RESULTS, CARD), "agent_id")
    assert roll.loc["a", "evaluations"] == 2
    assert roll.loc["a", "mean_score"] == 35  # (70 + 0) / 2
    assert roll.loc["a", "mean_raw_score"] == 65  # (70 + 60) / 2
    assert roll.loc["b", "critical_errors"] == 1
    assert roll.loc["b", "compliance_accuracy"] == pytest.approx(2 / 3)


def test_score_interval_hand_computed():
    s = score_evaluations(RESULTS, CARD)
    # agent a: scores 70, 0 → mean 35; with sd = 10: margin = 1.959964 · 10 / √2 = 13.859
    iv = score_interval(s, "agent_id", sd=10)
    assert iv.loc["a", "mean_score"] == 35 and iv.loc["a", "evaluations"] == 2
    assert iv.loc["a", "margin"] == pytest.approx(1.959964 * 10 / math.sqrt(2), rel=1e-6)
    assert iv.loc["b", "high"] == pytest.approx(170 / 3 + 1.959964 * 10 / math.sqrt(3), rel=1e-6)
    # default sd: median of the groups' own sds: a: sd(70, 0) = 49.50; b: sd(70, 100, 0) = 51.32
    default = score_interval(s, "agent_id")
    spread = np.median([np.std([70, 0], ddof=1), np.std([70, 100, 0], ddof=1)])
    assert default.loc["a", "margin"] == pytest.approx(1.959964 * spread / math.sqrt(2), rel=1e-6)


def test_points_lost_add_up_to_what_each_evaluation_missed():
    lost = points_lost(RESULTS, CARD)
    by_eval = lost.groupby("evaluation_id")["points_lost"].sum()
    scores = score_evaluations(RESULTS, CARD).set_index("evaluation_id")["score"]
    assert (by_eval + scores).tolist() == [100] * 5
    # E5: listen costs its 30 points; the wiped 70 is shared by rude and verify: 35 each
    e5 = lost[lost["evaluation_id"] == "E5"].set_index("item_id")["points_lost"]
    assert e5[["listen", "rude", "verify"]].tolist() == [30, 35, 35]


def brute_costs(res, card):
    """Points lost per (agent, item) by plain loops over evaluations."""
    points = dict(zip(card["item_id"], card["weight"]))  # weights already sum to 100
    crit = {i for i, k in zip(card["item_id"], card["critical_kind"]) if k}
    costs = {}
    for ev, grp in res.groupby("evaluation_id"):
        agent = grp["agent_id"].iloc[0]
        failed = [i for i, p in zip(grp["item_id"], grp["passed"]) if not p]
        raw = 100 - sum(points[i] for i in failed)
        gates = [i for i in failed if i in crit]
        for i in failed:
            extra = raw / len(gates) if i in gates else 0
            costs[(agent, i)] = costs.get((agent, i), 0) + points[i] + extra
    return costs


def test_costliest_items_match_brute_force():
    costs = brute_costs(RESULTS, CARD)
    top = costliest_items(RESULTS, CARD, by="agent_id", top=2)
    # agent a: E2 loses solve 40 + verify 60 (wiped raw); E1 loses listen 30 → verify, solve
    a = top[top["agent_id"] == "a"]
    assert a["item_id"].tolist() == ["verify", "solve"]
    assert a["points_lost_per_evaluation"].tolist() == [costs[("a", "verify")] / 2, costs[("a", "solve")] / 2]
    b = top[top["agent_id"] == "b"]
    # agent b: rude 35 and verify 35 (E5's wiped 70, tie broken by name), listen 30, info 20, greet 10
    assert b["item_id"].tolist() == ["rude", "verify"]
    assert b["points_lost_per_evaluation"].tolist() == [costs[("b", "rude")] / 3] * 2
    assert b["share"].iloc[0] == pytest.approx(35 / 130)
    assert top["rank"].tolist() == [1, 2, 1, 2]


def test_item_summary_is_a_pareto_table():
    summary = item_summary(RESULTS, CARD)
    assert summary["points_lost"].is_monotonic_decreasing
    assert summary["cumulative_share"].iloc[-1] == pytest.approx(1.0)
    assert summary.loc["listen", "failures"] == 2 and summary.loc["listen", "fail_rate"] == 0.4
    assert summary["points_lost"].sum() == pytest.approx(500 - 240)  # 5 × 100 − Σ scores


# ---------------------------------------------------------------- sampling (domain.md §2.2)
def test_sample_size_published_checks():
    assert sample_size(0.05, population=1000) == 278  # 384.15 / (1 + 383.15/1000) = 277.8
    assert sample_size(0.10) == 97  # 1.96² · 0.25 / 0.01 = 96.04
    assert sample_size(0.10, proportion=0.9) == 35  # 1.96² · 0.09 / 0.01 = 34.57
    assert sample_size(0.05) == 385 and sample_size(0.05, proportion=0.9) == 139
    assert sample_size(0.03) == 1068  # 1067.07 rounded up (domain.md: "≈1 067 by the formula")


@pytest.mark.parametrize("n, half, ninety", [
    (4, 49.0, 29.4), (5, 43.8, 26.3), (10, 31.0, 18.6), (20, 21.9, 13.1),
    (30, 17.9, 10.7), (50, 13.9, 8.3), (100, 9.8, 5.9),
])
def test_margin_table_of_domain_md(n, half, ninety):
    assert round(100 * margin_of_error(n), 1) == half
    assert round(100 * margin_of_error(n, proportion=0.9), 1) == ninety
    assert round(score_margin_of_error(n, 10), 1) == round(1.96 * 10 / math.sqrt(n), 1)


def test_finite_population():
    assert margin_of_error(50, population=50) == 0.0
    # FPC √((N − n)/(N − 1)) with N = 100, n = 20: √(80/99)
    assert margin_of_error(20, population=100) == pytest.approx(margin_of_error(20) * math.sqrt(80 / 99))
    assert sample_size(0.5, population=1) == 1
    assert z_value(0.95) == pytest.approx(1.959964, abs=1e-6)
    assert z_value(0.90) == pytest.approx(1.644854, abs=1e-6)


@settings(max_examples=150, deadline=None)
@given(st.floats(0.01, 0.4), st.floats(0.05, 0.95), st.sampled_from([0.8, 0.9, 0.95, 0.99]),
       st.one_of(st.none(), st.integers(2, 5000)))
def test_sample_size_and_margin_are_inverse(margin, p, conf, population):
    n = sample_size(margin, conf, p, population)
    assert margin_of_error(n, conf, p, population) <= margin + 1e-12
    if n > 1:
        assert margin_of_error(n - 1, conf, p, population) > margin


# ---------------------------------------------------------------- calibration deviation
def test_rater_deviation_hand_computed():
    t = pd.DataFrame({"ref": [80, 60, 90, 0], "lenient": [90, 75, 95, 10],
                      "noisy": [60, 75, 90, 0]}, index=list("wxyz"))
    d = rater_deviation(t, "ref")
    # lenient: +10, +15, +5, +10 → mean 10, within ±10 on 3 of 4
    assert d.loc["lenient"].tolist()[:3] == [4, 10, 10]
    assert d.loc["lenient", "within_tolerance"] == 0.75
    # noisy: −20, +15, 0, 0 → mean −1.25, mean |d| 8.75
    assert d.loc["noisy", "mean_deviation"] == -1.25 and d.loc["noisy", "mean_abs_deviation"] == 8.75
    assert d.loc["noisy", "sd_deviation"] == pytest.approx(np.std([-20, 15, 0, 0], ddof=1))
    same = rater_deviation(t.drop(columns="ref"), t["ref"])
    pd.testing.assert_frame_equal(same, d)


def test_score_table_pivots_long_scores():
    long = pd.DataFrame(itertools.product(["c1", "c2"], ["A", "B"]), columns=["call_id", "rater"])
    long["score"] = [80, 70, 60, 65]
    t = score_table(long)
    assert t.loc["c1"].tolist() == [80, 70] and list(t.columns) == ["A", "B"]


# ---------------------------------------------------------------- errors
def bad(**changes):
    card = CARD.copy()
    for k, v in changes.items():
        card[k] = v
    return card


@pytest.mark.parametrize("call, match", [
    (lambda: check_scorecard(CARD.drop(columns="weight")), "scorecard must have the columns .* got no 'weight'"),
    (lambda: check_scorecard(bad(item_id=["a", "a", "b", "c", "d", "e"])), "item_id must be unique, got 'a'"),
    (lambda: check_scorecard(bad(weight=[10, -1, 0, 0, 0, 0])), "weight must be zero or a positive number, got -1"),
    (lambda: check_scorecard(bad(weight=[0] * 6)), "weight must sum to more than 0"),
    (lambda: check_scorecard(bad(weight=["x", 1, 1, 1, 1, 1])), "weight must be zero or a positive number, got 'x'"),
    (lambda: check_scorecard(bad(critical_kind=["fatal", "", "", "", "", ""])), "critical_kind must be one of customer, business, compliance or empty, got 'fatal'"),
    (lambda: score_evaluations(RESULTS.drop(columns="passed"), CARD), "results must have the columns .* got no 'passed'"),
    (lambda: score_evaluations(RESULTS.replace({"greet": "hello"}), CARD), "results item_id must be an item of the scorecard, got 'hello'"),
    (lambda: score_evaluations(RESULTS.assign(passed=2), CARD), "results passed must be True/False or a fraction in \\[0, 1\\], got 2"),
    (lambda: score_evaluations(RESULTS.assign(passed="yes"), CARD), "got 'yes'"),
    (lambda: score_evaluations(RESULTS.iloc[1:], CARD), "results must have each of the 6 scorecard items once per evaluation, got 5 rows for evaluation 'E1'"),
    (lambda: quality_rollup(score_evaluations(RESULTS, CARD), "team"), "by must name columns of scored, got 'team'"),
    (lambda: critical_error_accuracy(pd.DataFrame({"score": [1]})), "scored must be a table from score_evaluations"),
    (lambda: costliest_items(RESULTS, CARD, by="team"), "by must name columns of results"),
    (lambda: costliest_items(RESULTS, CARD, top=0), "top must be a whole number >= 1, got 0"),
    (lambda: sample_size(0), r"margin must be a fraction in \(0, 1\), got 0"),
    (lambda: sample_size(0.05, proportion=1), r"proportion must be a fraction in \(0, 1\), got 1"),
    (lambda: sample_size(0.05, confidence=1.2), r"confidence must be a fraction in \(0, 1\), got 1.2"),
    (lambda: sample_size(0.05, population=0), "population must be a whole number of calls >= 1, got 0"),
    (lambda: sample_size(0.05, population=10.5), "population must be a whole number of calls >= 1, got 10.5"),
    (lambda: margin_of_error(0), "n must be a whole number of evaluations >= 1, got 0"),
    (lambda: margin_of_error(2.5), "n must be a whole number of evaluations >= 1, got 2.5"),
    (lambda: margin_of_error(20, population=10), r"n must be at most population \(10\), got 20"),
    (lambda: score_margin_of_error(5, 0), "sd must be a positive number, got 0"),
    (lambda: rater_deviation(pd.DataFrame({"a": [1]}), "ref"), "reference must name a column of scores, got 'ref'"),
    (lambda: rater_deviation(pd.DataFrame({"a": [1, 2]}), pd.Series([1])), "reference must have a score for every call"),
    (lambda: rater_deviation(pd.DataFrame({"r": [1], "a": [1]}), "r", tolerance=-1), "tolerance must be zero or a positive number of points, got -1"),
    (lambda: score_table(pd.DataFrame({"call_id": [1], "rater": ["A"]})), "value must name a column of scored, got 'score'"),
    (lambda: score_table(pd.DataFrame({"call_id": [1, 1], "rater": ["A", "A"], "score": [1, 2]})), "got 1 scored twice by 'A'"),
    (lambda: score_table(pd.DataFrame({"call_id": [1, 2], "rater": ["A", "B"], "score": [1, 2]})), "got 2 missing scores"),
])
def test_value_errors(call, match):
    with pytest.raises(ValueError, match=match):
        call()


@pytest.mark.parametrize("call, match", [
    (lambda: check_scorecard([1, 2]), "scorecard must be a pandas DataFrame, got list"),
    (lambda: score_call(["greet"], CARD), "item_results must be a mapping"),
    (lambda: rater_deviation([[1]], "r"), "scores must be a pandas DataFrame"),
    (lambda: sample_size("5%"), "margin must be a number"),
])
def test_type_errors(call, match):
    with pytest.raises(TypeError, match=match):
        call()


def test_kinds_are_the_three_of_copc():
    assert CRITICAL_KINDS == ("customer", "business", "compliance")


# ---------------------------------------------------------------- calibration summary
def test_calibration_tables_and_summary():
    from ccskills.quality import calibration_tables, summarize_calibration

    rows = []
    for call, rater, fails in [("c1", "m", ()), ("c1", "A", ()), ("c1", "B", ("solve",)),
                               ("c2", "m", ("listen",)), ("c2", "A", ()), ("c2", "B", ("listen",))]:
        rows += [{"call_id": call, "analyst_id": rater, "item_id": i, "passed": i not in fails}
                 for i in ITEMS]
    scores, decisions = calibration_tables(pd.DataFrame(rows), CARD)
    # c1: m 100, A 100, B 60; c2: m 70, A 100, B 70
    assert scores.loc["c1"].to_dict() == {"A": 100, "B": 60, "m": 100}
    assert scores.loc["c2"].to_dict() == {"A": 100, "B": 70, "m": 70}
    assert decisions.shape == (12, 3)
    summary = summarize_calibration(scores, "m", decisions)
    assert list(summary.scores.columns) == ["A", "B"] and not summary.reference_is_mean
    assert summary.deviation.loc["A", "mean_deviation"] == 15  # (0 + 30) / 2
    assert summary.deviation.loc["B", "mean_deviation"] == -20  # (−40 + 0) / 2
    assert summary.icc["ICC(2,1)"] == pytest.approx(__import__("ccskills").quality.icc(scores[["A", "B"]]))
    # decisions of A and B differ on 2 of 12 (call, item) pairs
    from ccskills.quality import fleiss_kappa
    assert summary.kappa == pytest.approx(fleiss_kappa(decisions[["A", "B"]]))
    no_ref = summarize_calibration(scores[["A", "B"]])
    assert no_ref.reference_is_mean and no_ref.reference.tolist() == [80, 85]
    assert math.isnan(no_ref.kappa)
    with pytest.raises(ValueError, match="reference must name a column of scores, got 'x'"):
        summarize_calibration(scores, "x")
    with pytest.raises(TypeError, match="scores must be a pandas DataFrame"):
        summarize_calibration([[1]])
    with pytest.raises(ValueError, match="rater must name a column of items, got 'who'"):
        calibration_tables(pd.DataFrame(rows), CARD, rater="who")


def test_calibration_with_unanimous_decisions_and_equal_scores_shows_undefined_as_nan():
    # every analyst passes every item and gives every call 100: kappa is 0/0 (one category) and
    # every ICC form is 0/0 (no spread): the summary shows both as NaN (documented), no exception
    from ccskills.quality import summarize_calibration

    scores = pd.DataFrame({"A": [100, 100], "B": [100, 100]}, index=["c1", "c2"])
    decisions = pd.DataFrame({"A": [True] * 4, "B": [True] * 4})
    summary = summarize_calibration(scores, None, decisions)
    assert math.isnan(summary.kappa)
    assert summary.icc.isna().all()
    assert summary.deviation.loc["A", "mean_deviation"] == 0


def test_sample_sizes_stay_finite_at_the_extremes():
    # n0 = z² p(1-p) / E² with E = 1e-300 overflows; with a population the sample is every call
    assert sample_size(1e-300, population=1000) == 1000
    with pytest.raises(ValueError, match="margin must be wide enough for a sample of at most 1e\\+12 evaluations, got 1e-300"):
        sample_size(1e-300)
    with pytest.raises(ValueError, match="n must be at most 1e\\+12 evaluations, got 10000000000000"):
        margin_of_error(10**13)
    with pytest.raises(ValueError, match="population must be at most 1e\\+12 calls"):
        margin_of_error(5, population=10**400)
    with pytest.raises(ValueError, match="sd must be a positive number, got inf"):
        score_margin_of_error(5, float("inf"))


def test_scorecard_points_from_huge_weights_without_overflow():
    # weights 1e308 and 3e307: their sum overflows a float; the points are 100 x w / Σw = 10/13, 3/13
    card = pd.DataFrame({"item_id": ["a", "b"], "section": ["s", "s"], "weight": [1e308, 3e307],
                         "critical_kind": ["", ""]})
    assert check_scorecard(card)["points"].tolist() == pytest.approx([1000 / 13, 300 / 13], rel=1e-15)


def test_score_interval_says_when_the_spread_cannot_be_estimated():
    one_each = pd.DataFrame({"agent_id": ["a", "b"], "score": [80.0, 90.0]})  # std of one value: NaN
    with pytest.raises(ValueError, match="sd must be given when the groups' own spread cannot be estimated"):
        score_interval(one_each, "agent_id")
    equal = pd.DataFrame({"agent_id": ["a", "a"], "score": [80.0, 80.0]})  # spread 0
    with pytest.raises(ValueError, match="sd must be given .* median sd 0.0"):
        score_interval(equal, "agent_id")
    # with sd given: margin = 1.959964 x 10 / sqrt(1) (score_margin_of_error, hand value)
    assert score_interval(one_each, "agent_id", sd=10)["margin"].tolist() == pytest.approx([19.59964] * 2, rel=1e-6)
