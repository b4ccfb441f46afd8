"""Tests for ccskills.drivers: Shapley (LMG) split of R², bootstrap intervals, importance–performance.

Independent references, computed here and not read from the library: the R² of every
subset from statsmodels OLS (``sm.OLS(y, add_constant(X)).fit().rsquared``), and the
Shapley shares by brute force, averaging each driver's gain in that R² over all p!
orders of entry (itertools.permutations). For an orthogonal design the share of each
driver is its squared correlation with the target (R² adds up without overlap).
"""

from __future__ import annotations

import math
from itertools import combinations, permutations

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from ccskills.drivers import (
    QUADRANT_NAMES,
    importance_performance,
    relative_importance,
    subset_r2,
)


def statsmodels_r2(data: pd.DataFrame, target: str, subset) -> float:
    """R² of the OLS of target on the subset (with intercept) by statsmodels; 0 for no driver."""
    if not subset:
        return 0.0
    exog = sm.add_constant(data[list(subset)].astype(float), has_constant="add")
    return float(sm.OLS(data[target].astype(float), exog).fit().rsquared)


def brute_force_shapley(data: pd.DataFrame, target: str, drivers) -> dict:
    """Each driver's gain in R² averaged over every order of entry (p! orders)."""
    r2 = {frozenset(s): statsmodels_r2(data, target, list(s))
          for k in range(len(drivers) + 1) for s in combinations(drivers, k)}
    gains = dict.fromkeys(drivers, 0.0)
    for order in permutations(drivers):
        seen = frozenset()
        for d in order:
            gains[d] += r2[seen | {d}] - r2[seen]
            seen = seen | {d}
    count = math.factorial(len(drivers))
    return {d: g / count for d, g in gains.items()}


def correlated(n=300, p=5, seed=1) -> pd.DataFrame:
    """Drivers sharing a common factor (so the order of entry matters), target linear + noise."""
    rng = np.random.default_rng(seed)
    common = rng.normal(size=n)
    x = 0.6 * common[:, None] + rng.normal(size=(n, p))
    y = x @ np.linspace(1.0, 0.2, p) + rng.normal(scale=1.5, size=n)
    frame = pd.DataFrame(x, columns=[f"x{i}" for i in range(p)])
    frame["y"] = y
    return frame


DRIVERS5 = [f"x{i}" for i in range(5)]


def test_every_subset_r2_matches_statsmodels():
    data = correlated(p=4)
    names = DRIVERS5[:4]
    cov = np.cov(data[names + ["y"]].to_numpy(), rowvar=False)
    got = subset_r2(cov)
    for mask in range(16):
        subset = [names[j] for j in range(4) if mask >> j & 1]
        assert got[mask] == pytest.approx(statsmodels_r2(data, "y", subset), abs=1e-10)


@pytest.mark.parametrize("p", [2, 3, 5])
def test_shares_match_brute_force_over_all_orders(p):
    data = correlated(p=p, seed=p)
    names = DRIVERS5[:p]
    table = relative_importance(data, "y", names, bootstrap=0)
    expected = brute_force_shapley(data, "y", names)
    for d in names:
        assert table.loc[d, "r2_share"] == pytest.approx(expected[d], abs=1e-10)


def test_shares_add_up_to_r2_and_explained_to_one():
    data = correlated()
    table = relative_importance(data, "y", DRIVERS5, bootstrap=0)
    full = statsmodels_r2(data, "y", DRIVERS5)
    assert table.attrs["r2"] == pytest.approx(full, abs=1e-10)
    assert table["r2_share"].sum() == pytest.approx(full, abs=1e-10)
    assert table["explained_share"].sum() == pytest.approx(1.0, abs=1e-12)
    assert table.attrs["n"] == len(data) and table.attrs["dropped_rows"] == 0


def test_ranked_most_important_first():
    table = relative_importance(correlated(), "y", DRIVERS5, bootstrap=0)
    assert list(table["rank"]) == [1, 2, 3, 4, 5]
    assert table["r2_share"].is_monotonic_decreasing
    assert sorted(table.index) == DRIVERS5


def test_orthogonal_design_share_is_squared_correlation():
    rng = np.random.default_rng(7)
    n = 200
    raw = rng.normal(size=(n, 3))
    q, _ = np.linalg.qr(raw - raw.mean(axis=0))  # centred, mutually orthogonal columns
    y = q @ np.array([3.0, -2.0, 1.0]) + rng.normal(scale=0.1, size=n)
    data = pd.DataFrame(q, columns=["a", "b", "c"]).assign(y=y)
    table = relative_importance(data, "y", ["a", "b", "c"], bootstrap=0)
    for col in "abc":
        r = np.corrcoef(data[col], data["y"])[0, 1]
        assert table.loc[col, "r2_share"] == pytest.approx(r**2, abs=1e-12)
        assert table.loc[col, "correlation"] == pytest.approx(r, abs=1e-12)


def test_shares_do_not_depend_on_units():
    data = correlated(p=3)
    names = DRIVERS5[:3]
    scaled = data.assign(x0=data["x0"] * 3600 + 17)
    a = relative_importance(data, "y", names, bootstrap=0)["r2_share"]
    b = relative_importance(scaled, "y", names, bootstrap=0)["r2_share"]
    pd.testing.assert_series_equal(a, b, atol=1e-10)


@pytest.mark.filterwarnings("ignore:The design matrix is rank-deficient")
def test_duplicated_driver_splits_its_share_in_half():
    """x1 = 2 * x0: every subset's R² is statsmodels' (pinv), each copy takes half."""
    data = correlated(p=3).assign(x1=lambda f: 2 * f["x0"])
    names = DRIVERS5[:3]
    table = relative_importance(data, "y", names, bootstrap=0)
    expected = brute_force_shapley(data, "y", names)
    for d in names:
        assert table.loc[d, "r2_share"] == pytest.approx(expected[d], abs=1e-8)
    assert table.loc["x0", "r2_share"] == pytest.approx(table.loc["x1", "r2_share"], abs=1e-8)


def test_bootstrap_is_seeded_and_brackets_the_estimate():
    data = correlated(n=400)
    first = relative_importance(data, "y", DRIVERS5, bootstrap=100, seed=3)
    again = relative_importance(data, "y", DRIVERS5, bootstrap=100, seed=3)
    other = relative_importance(data, "y", DRIVERS5, bootstrap=100, seed=4)
    pd.testing.assert_frame_equal(first, again)
    assert not np.allclose(first["r2_share_low"], other["r2_share_low"])
    for name in ("r2_share", "explained_share"):
        assert (first[f"{name}_low"] <= first[name]).all()
        assert (first[name] <= first[f"{name}_high"]).all()
    assert first.attrs["bootstrap"] == 100 and first.attrs["level"] == 0.95


def test_bootstrap_interval_is_the_percentile_of_resampled_brute_force():
    """A few resamples drawn with the library's documented generator, each solved by statsmodels."""
    data = correlated(n=120, p=3)
    names = DRIVERS5[:3]
    table = relative_importance(data, "y", names, bootstrap=5, seed=11, level=0.8)
    rng = np.random.default_rng(11)
    draws = []
    for _ in range(5):
        sample = data.iloc[rng.integers(0, len(data), len(data))].reset_index(drop=True)
        shares = brute_force_shapley(sample, "y", names)
        draws.append([shares[d] for d in names])
    low, high = np.percentile(np.array(draws), [10, 90], axis=0)
    assert table.loc[names, "r2_share_low"].to_numpy() == pytest.approx(low, abs=1e-10)
    assert table.loc[names, "r2_share_high"].to_numpy() == pytest.approx(high, abs=1e-10)


def test_no_bootstrap_omits_the_interval():
    table = relative_importance(correlated(p=2), "y", DRIVERS5[:2], bootstrap=0)
    assert list(table.columns) == ["correlation", "r2_share", "explained_share", "rank"]


def test_missing_values_drop_whole_rows_and_are_counted():
    data = correlated(p=3)
    names = DRIVERS5[:3]
    holed = data.copy()
    holed.loc[[2, 5], "x1"] = np.nan
    holed.loc[[5, 9], "y"] = np.nan
    table = relative_importance(holed, "y", names, bootstrap=0)
    assert table.attrs["dropped_rows"] == 3 and table.attrs["n"] == len(data) - 3
    expected = brute_force_shapley(holed.dropna(), "y", names)
    for d in names:
        assert table.loc[d, "r2_share"] == pytest.approx(expected[d], abs=1e-10)


def test_kit_calls_csat_drivers_match_brute_force():
    """The kit's month of calls: CSAT against FCR, transfer, wait and handle-time parts."""
    from ccskills.datasets import load_call_records

    calls = load_call_records()
    rated = calls[calls["csat"].notna()]
    names = ["resolved_first_contact", "transferred", "wait_s", "talk_s", "hold_s", "acw_s"]
    table = relative_importance(rated, "csat", names, bootstrap=50, seed=0)
    reference = rated[["csat", *names]].dropna().astype(float)
    assert table.attrs["dropped_rows"] == len(rated) - len(reference)
    expected = brute_force_shapley(reference, "csat", names)
    for d in names:
        assert table.loc[d, "r2_share"] == pytest.approx(expected[d], abs=1e-10)
    # the generator makes CSAT rise with resolution and fall with transfers and waits
    assert table.loc["resolved_first_contact", "correlation"] > 0
    assert table.loc["transferred", "correlation"] < 0 and table.loc["wait_s", "correlation"] < 0
    assert table.index[0] == "resolved_first_contact"


# ---------------------------------------------------------------- importance–performance

def test_matrix_quadrants_split_at_the_means():
    data = correlated()
    names = DRIVERS5
    given = {"x0": 0.9, "x1": 0.5, "x2": 0.7, "x3": 0.2, "x4": 0.95}
    table = importance_performance(data, "y", names, given)
    shares = brute_force_shapley(data, "y", names)
    importance = {d: shares[d] / sum(shares.values()) for d in names}
    imp_split, perf_split = np.mean(list(importance.values())), np.mean(list(given.values()))
    for d in names:
        high_i, high_p = importance[d] >= imp_split, given[d] >= perf_split
        code = {(True, False): "concentrate", (True, True): "keep_up",
                (False, False): "low_priority", (False, True): "possible_overkill"}[high_i, high_p]
        assert table.loc[d, "importance"] == pytest.approx(importance[d], abs=1e-10)
        assert table.loc[d, "quadrant"] == code
        assert (table.loc[d, "quadrant_zh"], table.loc[d, "quadrant_en"]) == QUADRANT_NAMES[code]
    assert list(table.index) == names
    assert table.attrs["performance_split"] == pytest.approx(perf_split)


def test_matrix_performance_defaults_to_the_mean_of_complete_rows():
    data = correlated(p=3)
    data.loc[4, "x2"] = np.nan
    table = importance_performance(data, "y", DRIVERS5[:3])
    expected = data.dropna()[DRIVERS5[:3]].mean()
    assert table["performance"].to_numpy() == pytest.approx(expected.to_numpy(), abs=1e-12)
    assert table.attrs["dropped_rows"] == 1


def test_quadrant_labels_are_the_agreed_wording():
    assert QUADRANT_NAMES == {
        "concentrate": ("重点改进", "Concentrate here"),
        "keep_up": ("保持", "Keep up"),
        "low_priority": ("低优先", "Low priority"),
        "possible_overkill": ("可能过度", "Possible overkill"),
    }


@pytest.mark.parametrize("performance, match", [
    ({"x0": 0.5}, r"performance must give a value for every driver, got none for \['x1'\]"),
    ({"x0": 0.5, "x1": "high"}, r"performance\['x1'\] must be a finite number, got 'high'"),
    ([0.5, 0.6], r"performance must map each driver to a number"),
])
def test_matrix_bad_performance(performance, match):
    with pytest.raises(ValueError, match=match):
        importance_performance(correlated(p=2), "y", ["x0", "x1"], performance)


# ---------------------------------------------------------------- bad input

def small():
    return pd.DataFrame({"a": [1.0, 2, 3, 4, 5, 6], "b": [2.0, 1, 4, 3, 6, 5],
                         "y": [1.0, 3, 2, 5, 4, 6]})


@pytest.mark.parametrize("change, kwargs, match", [
    (None, {"drivers": ["a", "zz"]}, r"data must have the column\(s\) 'zz'"),
    (None, {"target": "nope"}, r"data must have the column\(s\) 'nope'"),
    (lambda f: f.astype({"b": object}).assign(b=[2, 1, "x", 3, 6, 5]), {},
     r"data\['b'\] must be a finite number or missing, got 'x' in row 2"),
    (lambda f: f.assign(a=[1, 2, np.inf, 4, 5, 6]), {},
     r"data\['a'\] must be a finite number or missing, got inf in row 2"),
    (lambda f: f.assign(b=7.0), {}, r"drivers must vary over the complete rows, got column 'b' constant at 7.0"),
    (lambda f: f.assign(y=1.0), {}, r"target must vary over the complete rows, got column 'y' constant"),
    (lambda f: f.iloc[:3], {}, r"data must have at least 4 complete rows \(drivers \+ 2\) for 2 driver\(s\), got 3"),
    (lambda f: f.assign(a=[1, np.nan, np.nan, 4, np.nan, 6]), {}, r"data must have at least 4 complete rows.*got 3 of 6"),
    (None, {"drivers": ["a", "y"]}, r"drivers must not include the target 'y'"),
    (None, {"drivers": ["a", "a"]}, r"drivers must be distinct columns, got a more than once"),
    (None, {"drivers": []}, r"drivers must name at least one column"),
    (None, {"drivers": "a"}, r"drivers must be a list of column names, got 'a'"),
    (None, {"method": "pratt"}, r"method must be 'shapley', got 'pratt'"),
    (None, {"bootstrap": -1}, r"bootstrap must be a whole number of resamples >= 0, got -1"),
    (None, {"bootstrap": 2.5}, r"bootstrap must be a whole number"),
    (None, {"level": 1.0}, r"level must be a fraction between 0 and 1 \(exclusive\), got 1.0"),
    (None, {"seed": -3}, r"seed must be a whole number >= 0, got -3"),
])
def test_bad_input_names_the_parameter(change, kwargs, match):
    frame = small() if change is None else change(small())
    args = {"target": "y", "drivers": ["a", "b"], "bootstrap": 0} | kwargs
    with pytest.raises(ValueError, match=match):
        relative_importance(frame, args.pop("target"), args.pop("drivers"), **args)


def test_more_than_twelve_drivers_is_refused_naming_drivers():
    data = pd.DataFrame(np.random.default_rng(0).normal(size=(50, 14)),
                        columns=[f"d{i}" for i in range(13)] + ["y"])
    with pytest.raises(ValueError, match=r"drivers must be at most 12 columns .* got 13"):
        relative_importance(data, "y", [f"d{i}" for i in range(13)])


def test_data_must_be_a_dataframe():
    with pytest.raises(TypeError, match="data must be a pandas DataFrame"):
        relative_importance([[1, 2]], "y", ["a"])


def test_boolean_and_nullable_columns_are_numbers():
    data = correlated(p=2)
    flag = pd.array(data["x1"] > 0, dtype="boolean")
    flag[3] = pd.NA
    data["flag"] = flag
    table = relative_importance(data, "y", ["x0", "flag"], bootstrap=0)
    reference = data[["y", "x0", "flag"]].dropna().astype(float)
    expected = brute_force_shapley(reference, "y", ["x0", "flag"])
    assert table.loc["flag", "r2_share"] == pytest.approx(expected["flag"], abs=1e-10)
    assert table.attrs["dropped_rows"] == 1


# ---------------------------------------------------------------- the driver table (survey + calls + QA)
# References: the joins redone here with pandas merges/groupbys on the raw CSV files, the QA score
# by hand from the scorecard's weights (a failed critical item zeroes the call), R² by statsmodels.

from pathlib import Path  # noqa: E402

from ccskills.drivers import driver_labels, driver_table, share_meeting  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "datasets"


def tiny_calls() -> pd.DataFrame:
    return pd.DataFrame({"call_id": ["c1", "c2", "c3", "c4"],
                         "resolved_first_contact": [True, False, None, True],
                         "transferred": ["false", "true", "false", "no"],
                         "wait_s": [5, 80, 20, 0], "talk_s": [200, 300, 150, 100],
                         "hold_s": [0, 40, 0, 10], "acw_s": [30, 60, 20, 15], "csat": [9, 9, 9, 9]})


def tiny_survey() -> pd.DataFrame:
    return pd.DataFrame({"call_id": ["c1", "c3", "c9", None, "c2"], "csat": [5, 4, 2, 3, 1],
                         "nps": [10, 8, 3, 5, np.nan]})


def tiny_qa() -> pd.DataFrame:
    """Call c1 evaluated twice (pass rates average), c2 once, c4 (no survey) once."""
    rows = [("E1", "c1", "greet", True), ("E1", "c1", "solve", False), ("E1", "c1", "verify", True),
            ("E2", "c1", "greet", True), ("E2", "c1", "solve", True), ("E2", "c1", "verify", True),
            ("E3", "c2", "greet", False), ("E3", "c2", "solve", True), ("E3", "c2", "verify", False),
            ("E4", "c4", "greet", True), ("E4", "c4", "solve", True), ("E4", "c4", "verify", True)]
    return pd.DataFrame(rows, columns=["evaluation_id", "call_id", "item_id", "passed"])


TINY_CARD = pd.DataFrame({"item_id": ["greet", "solve", "verify"], "section": ["opening", "resolution", "resolution"],
                          "weight": [20, 80, 0], "critical_kind": ["", "", "compliance"],
                          "section_zh": ["开场", "解决", "解决"], "section_en": ["Opening", "Resolution", "Resolution"],
                          "item_zh": ["问候", "方案", "核身"], "item_en": ["Greeting", "Solution", "Verify"]})


def test_join_keeps_answers_with_a_call_and_counts_the_rest():
    table = driver_table(tiny_calls(), tiny_survey())
    assert list(table["call_id"]) == ["c1", "c3", "c2"]
    assert list(table["csat"]) == [5, 4, 1]  # the survey's score, not the call record's
    assert table.loc[0, "resolved_first_contact"] == 1.0 and np.isnan(table.loc[1, "resolved_first_contact"])
    assert table["transferred"].tolist() == [0.0, 0.0, 1.0]
    assert table["handle_s"].tolist() == [230.0, 170.0, 400.0]
    assert not table["qa_evaluated"].any()
    assert {k: table.attrs[k] for k in ("survey_rows", "matched", "no_call_id", "unknown_call", "qa_matched")} == \
        {"survey_rows": 5, "matched": 3, "no_call_id": 1, "unknown_call": 1, "qa_matched": 0}


def test_qa_pass_rates_sections_and_score_by_hand():
    table = driver_table(tiny_calls(), tiny_survey(), tiny_qa(), scorecard=TINY_CARD).set_index("call_id")
    assert table["qa_evaluated"].tolist() == [True, False, True]
    assert table.loc["c1", "qa_solve"] == 0.5 and table.loc["c1", "qa_greet"] == 1.0
    assert np.isnan(table.loc["c3", "qa_solve"])
    # c1: E1 loses solve (80) -> 20, E2 100 -> mean 60; c2: verify (critical) failed -> 0
    assert table.loc["c1", "qa_score"] == pytest.approx(60.0)
    assert table.loc["c2", "qa_score"] == 0.0
    # section shares: opening = greet / 20, resolution = solve / 80 (verify weighs 0)
    assert table.loc["c1", "qa_resolution"] == pytest.approx(0.5)
    assert table.loc["c2", "qa_opening"] == 0.0 and table.loc["c2", "qa_resolution"] == 1.0
    assert table.attrs["qa_matched"] == 2
    names = driver_labels(table)
    assert names["qa_resolution"] == "质检：解决" and names["qa_solve"] == "质检：方案"
    assert driver_labels(table, "en")["qa_score"] == "QA score"


def test_qa_items_joined_to_evaluations_give_the_same_table():
    qa = tiny_qa()
    evaluations = qa[["evaluation_id", "call_id"]].drop_duplicates()
    a = driver_table(tiny_calls(), tiny_survey(), qa)
    b = driver_table(tiny_calls(), tiny_survey(), qa.drop(columns="call_id"), qa_evaluations=evaluations)
    pd.testing.assert_frame_equal(a, b)


@pytest.mark.parametrize("change, match", [
    (lambda c, s, q: (c.drop(columns=["hold_s", "acw_s"]), s, q), r"calls must have the column\(s\) 'hold_s', 'acw_s'"),
    (lambda c, s, q: (c, s.drop(columns=["csat", "nps"]), q), r"survey must have at least one of the column\(s\) 'csat'"),
    (lambda c, s, q: (c, s.drop(columns="call_id"), q), r"survey must have the column\(s\) 'call_id'"),
    (lambda c, s, q: (c, s, q.drop(columns="item_id")), r"qa_items must have the column\(s\) 'item_id'"),
    (lambda c, s, q: (c.assign(call_id=["c1", "c1", "c3", "c4"]), s, q),
     r"calls\['call_id'\] must be unique \(one row per call\), got 'c1' in rows 0, 1"),
    (lambda c, s, q: (c.assign(wait_s=[5, -1, 20, 0]), s, q), r"calls\['wait_s'\] must be a number of seconds >= 0"),
    (lambda c, s, q: (c.assign(transferred=["no", "maybe", "no", "no"]), s, q), r"transferred must be true or false, got 'maybe'"),
    (lambda c, s, q: (c, s.assign(csat=[5, "good", 2, 3, 1]), q), r"survey\['csat'\] must be a number or missing, got 'good'"),
    (lambda c, s, q: (c, s, q.assign(passed=[True] * 11 + [None])), r"qa_items\['passed'\] must be true or false"),
])
def test_bad_tables_name_the_table_and_column(change, match):
    calls, survey, qa = change(tiny_calls(), tiny_survey(), tiny_qa())
    with pytest.raises(ValueError, match=match):
        driver_table(calls, survey, qa)


def test_scorecard_or_evaluations_without_items_is_refused():
    with pytest.raises(ValueError, match="qa_items must be given with a scorecard, got None"):
        driver_table(tiny_calls(), tiny_survey(), scorecard=TINY_CARD)
    with pytest.raises(ValueError, match="qa_items must be given with qa_evaluations"):
        driver_table(tiny_calls(), tiny_survey(), qa_evaluations=tiny_qa())
    with pytest.raises(ValueError, match=r"qa_items\['evaluation_id'\] must be an evaluation listed in qa_evaluations, got 'E4'"):
        driver_table(tiny_calls(), tiny_survey(), tiny_qa().drop(columns="call_id"),
                     qa_evaluations=tiny_qa()[["evaluation_id", "call_id"]].drop_duplicates().iloc[:3])


@pytest.fixture(scope="module")
def kit_tables():
    """The kit's raw CSV files read here, and the driver table built from the loaders."""
    from ccskills.datasets import load_call_records
    from ccskills.datasets.operations import load_survey_responses
    from ccskills.datasets.quality import load_qa_results, load_scorecard

    raw = {"calls": pd.read_csv(DATA / "call_records.csv"),
           "survey": pd.read_csv(DATA / "operations" / "survey_responses.csv"),
           "evaluations": pd.read_csv(DATA / "quality" / "evaluations.csv"),
           "items": pd.read_csv(DATA / "quality" / "evaluation_items.csv")}
    table = driver_table(load_call_records(), load_survey_responses(), load_qa_results(), scorecard=load_scorecard())
    return raw, table


def test_kit_join_counts_match_a_pandas_merge(kit_tables):
    raw, table = kit_tables
    linked = raw["survey"].merge(raw["calls"], on="call_id", suffixes=("", "_call"))
    evaluated = linked["call_id"].isin(raw["evaluations"]["call_id"])
    assert table.attrs["matched"] == len(linked) == 5213
    assert table.attrs["no_call_id"] == int(raw["survey"]["call_id"].isna().sum())
    assert table.attrs["qa_matched"] == int(evaluated.sum()) == 142  # quoted in the lesson
    assert (linked["csat"] == linked["csat_call"]).all()  # the survey's CSAT is the call's
    pass_rate = (raw["items"].merge(raw["evaluations"], on="evaluation_id")
                 .pivot_table(index="call_id", columns="item_id", values="passed", aggfunc="mean"))
    mine = table.set_index("call_id")
    both = pass_rate.index.intersection(mine.index)
    np.testing.assert_allclose(mine.loc[both, "qa_solution"], pass_rate.loc[both, "solution"])


def test_kit_csat_model_r2_matches_statsmodels_on_an_independent_merge(kit_tables):
    raw, table = kit_tables
    linked = raw["survey"].merge(raw["calls"].drop(columns="csat"), on="call_id")
    names = list(CALL_DRIVERS_FOR_TEST)
    reference = linked[["csat", *names]].dropna().astype(float)
    shares = relative_importance(table, "csat", names, bootstrap=0)
    assert shares.attrs["n"] == len(reference)
    assert shares.attrs["r2"] == pytest.approx(statsmodels_r2(reference, "csat", names), abs=1e-10)
    assert shares.attrs["r2"] == pytest.approx(0.26, abs=0.005)  # "R² ≈ 0.26" in the lesson
    nps = relative_importance(table, "nps", names, bootstrap=0)
    ref_nps = linked[["nps", *names]].dropna().astype(float)
    assert nps.attrs["r2"] == pytest.approx(statsmodels_r2(ref_nps, "nps", names), abs=1e-10)


CALL_DRIVERS_FOR_TEST = ("resolved_first_contact", "transferred", "wait_s", "talk_s", "hold_s", "acw_s")


def test_kit_qa_rows_shares_match_brute_force(kit_tables):
    raw, table = kit_tables
    rated = table[table["qa_evaluated"]]
    names = ["resolved_first_contact", "transferred", "wait_s", "qa_accuracy", "qa_resolution"]
    got = relative_importance(rated, "csat", names, bootstrap=0)
    expected = brute_force_shapley(rated[["csat", *names]].dropna().astype(float), "csat", names)
    for d in names:
        assert got.loc[d, "r2_share"] == pytest.approx(expected[d], abs=1e-10)


def test_share_meeting_against_pandas():
    data = correlated(n=50, p=2).assign(flag=lambda f: (f["x1"] > 0).astype(float))
    data.loc[3, "x0"] = np.nan
    got = share_meeting(data, at_most={"x0": 0.5}, at_least={"flag": 1})
    assert got["x0"] == pytest.approx((data["x0"].dropna() <= 0.5).mean())
    assert got["flag"] == pytest.approx(data["flag"].mean())


@pytest.mark.parametrize("kwargs, match", [
    ({}, "at_most or at_least must name at least one column, got neither"),
    ({"at_most": {"zz": 1}}, r"table must have the column\(s\) 'zz'"),
    ({"at_most": {"x0": "20"}}, r"at_most\['x0'\] must be a finite number, got '20'"),
    ({"at_least": [1]}, r"at_least must map column names to limits, got \[1\]"),
])
def test_share_meeting_bad_input(kwargs, match):
    with pytest.raises(ValueError, match=match):
        share_meeting(correlated(n=10, p=2), **kwargs)
