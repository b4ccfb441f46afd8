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
