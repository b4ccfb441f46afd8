"""Tests for ccskills.spc: control-chart constants, p / X̄–R / XmR charts, run rules, Pareto.

References: the constants are re-derived independently (d2 by numerical integration of
the expected range of n standard normals, d3 by a seeded simulation; A2 = 3/(d2√n),
D3/D4 = 1 ∓ 3·d3/d2 as in SAS QC [68]); chart limits are computed by hand with the
arithmetic beside each number; the run rules on series built to trip exactly one rule.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import integrate, stats

from ccskills import spc
from ccskills.spc import CONTROL_CHART_CONSTANTS as K


def expected_range(n: int) -> float:
    """d2 = E[range of n standard normals] = ∫ 1 − Φ(x)^n − (1 − Φ(x))^n dx."""
    f = lambda x: 1 - stats.norm.cdf(x) ** n - stats.norm.sf(x) ** n  # noqa: E731
    return integrate.quad(f, -np.inf, np.inf)[0]


@pytest.mark.parametrize("n", range(2, 11))
def test_d2_matches_numerical_integration(n):
    assert K.loc[n, "d2"] == pytest.approx(expected_range(n), abs=6e-4)


@pytest.mark.parametrize("n", range(2, 11))
def test_d3_matches_simulation(n):
    rng = np.random.default_rng(n)
    x = rng.standard_normal((200_000, n))
    sd_range = np.ptp(x, axis=1).std()
    assert K.loc[n, "d3"] == pytest.approx(sd_range, abs=0.01)


@pytest.mark.parametrize("n", range(2, 11))
def test_a2_d3_d4_follow_from_d2_and_d3(n):
    d2, d3 = K.loc[n, "d2"], K.loc[n, "d3"]
    assert K.loc[n, "A2"] == pytest.approx(3 / (d2 * math.sqrt(n)), abs=1.5e-3)
    assert K.loc[n, "D4"] == pytest.approx(1 + 3 * d3 / d2, abs=2e-3)
    assert K.loc[n, "D3"] == pytest.approx(max(0.0, 1 - 3 * d3 / d2), abs=2e-3)


def test_n5_constants_as_quoted_in_the_reference():
    # domain.md §2.4 [67][68]: n = 5: A2 = 0.577, D3 = 0, D4 = 2.114
    assert tuple(K.loc[5, ["A2", "D3", "D4"]]) == (0.577, 0.0, 2.114)


# --- p chart --------------------------------------------------------------------------------

def test_p_chart_with_varying_sample_sizes():
    # abandoned / offered on four days: 10/200, 12/300, 30/250, 8/250 -> p̄ = 60/1000 = 0.06
    chart = spc.p_chart([10, 12, 30, 8], [200, 300, 250, 250])
    assert chart.center == pytest.approx(0.06)
    pts = chart.points
    # UCL day 1 = 0.06 + 3 √(0.06·0.94/200) = 0.06 + 3 · 0.016793 = 0.110379
    assert pts["ucl"].iloc[0] == pytest.approx(0.06 + 3 * math.sqrt(0.06 * 0.94 / 200))
    assert pts["ucl"].iloc[1] == pytest.approx(0.06 + 3 * math.sqrt(0.06 * 0.94 / 300))
    # LCL day 1 = 0.06 − 0.050379 = 0.009621 (> 0, not clipped)
    assert pts["lcl"].iloc[0] == pytest.approx(0.06 - 3 * math.sqrt(0.06 * 0.94 / 200))
    # day 3: 30/250 = 0.12 > UCL 0.06 + 3·0.01502 = 0.10506
    assert pts["beyond_limits"].tolist() == [False, False, True, False]
    assert list(chart.signals.index) == [2]


def test_p_chart_lcl_is_clipped_at_zero_and_keeps_the_series_index():
    counts = pd.Series([1, 0, 2], index=pd.date_range("2026-03-02", periods=3, name="day"))
    chart = spc.p_chart(counts, [20, 20, 20])
    assert (chart.points["lcl"] == 0).all()
    assert chart.points.index.equals(counts.index)


@pytest.mark.parametrize("d, n, match", [
    ([1, 2], [10], "n must have one sample size per value of defectives"),
    ([1, 2], [10, 0], "n must be sample sizes > 0"),
    ([1, 12], [10, 10], "defectives must be counts from 0 to n"),
    (["a"], [10], "defectives must be a number or an array of numbers"),
])
def test_p_chart_errors(d, n, match):
    with pytest.raises((ValueError, TypeError), match=match):
        spc.p_chart(d, n)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(50, 500)), min_size=2, max_size=30))
def test_p_chart_limits_bracket_the_centre(rows):
    d, n = zip(*rows)
    chart = spc.p_chart(list(d), list(n))
    pts = chart.points
    assert (pts["lcl"] >= 0).all() and (pts["ucl"] <= 1).all()
    assert (pts["lcl"] <= chart.center + 1e-12).all() and (pts["ucl"] >= chart.center - 1e-12).all()
    # wider limits for smaller samples
    order = np.argsort(pts["n"].to_numpy())
    assert np.all(np.diff((pts["ucl"] - pts["lcl"]).to_numpy()[order]) <= 1e-12)


# --- X̄–R chart ------------------------------------------------------------------------------

def test_xbar_r_chart_by_hand():
    # four subgroups of 5 AHTs (s)
    groups = [[300, 320, 310, 290, 280],   # mean 300, range 40
              [310, 330, 300, 320, 340],   # mean 320, range 40
              [290, 300, 310, 280, 320],   # mean 300, range 40
              [310, 350, 340, 340, 350]]   # mean 338, range 40
    chart = spc.xbar_r_chart(groups)
    x_bar, r_bar = (300 + 320 + 300 + 338) / 4, 40.0   # 314.5, 40
    assert chart.xbar.center == pytest.approx(x_bar)
    assert chart.xbar.points["ucl"].iloc[0] == pytest.approx(x_bar + 0.577 * r_bar)  # 337.58
    assert chart.xbar.points["lcl"].iloc[0] == pytest.approx(x_bar - 0.577 * r_bar)  # 291.42
    assert chart.r.points["ucl"].iloc[0] == pytest.approx(2.114 * r_bar)
    assert chart.r.points["lcl"].iloc[0] == 0.0
    assert chart.xbar.points["beyond_limits"].tolist() == [False, False, False, True]  # 338 > 337.58


def test_xbar_r_chart_from_a_flat_list_drops_the_incomplete_subgroup():
    chart = spc.xbar_r_chart([1, 2, 3, 4, 5, 6, 7], subgroup_size=3)
    assert chart.xbar.points["value"].tolist() == [2.0, 5.0]
    assert chart.r.points["value"].tolist() == [2.0, 2.0]


@pytest.mark.parametrize("values, size, match", [
    ([1, 2, 3, 4], None, "subgroup_size must be given"),
    ([1, 2, 3, 4], 11, "subgroup_size must be a whole number from 2 to 10, got 11"),
    ([1, 2, 3, 4], 2.5, "subgroup_size must be a whole number from 2 to 10"),
    ([[1, 2]], None, "values must form at least 2 subgroups"),
    ([[1] * 11, [2] * 11], None, "values must form at least 2 subgroups of 2 to 10 values"),
])
def test_xbar_r_errors(values, size, match):
    with pytest.raises(ValueError, match=match):
        spc.xbar_r_chart(values, size)


# --- XmR chart ------------------------------------------------------------------------------

def test_individuals_chart_by_hand():
    # daily ASA: 20, 24, 22, 26, 23 -> x̄ = 23; moving ranges 4, 2, 4, 3 -> MR̄ = 3.25
    chart = spc.individuals_chart([20, 24, 22, 26, 23])
    assert chart.x.center == pytest.approx(23.0)
    assert chart.x.points["ucl"].iloc[0] == pytest.approx(23 + 2.66 * 3.25, abs=0.01)  # 31.645
    assert chart.x.points["ucl"].iloc[0] == pytest.approx(23 + 3 * 3.25 / 1.128)
    assert chart.mr.center == pytest.approx(3.25)
    assert chart.mr.points["ucl"].iloc[0] == pytest.approx(3.267 * 3.25)
    assert math.isnan(chart.mr.points["value"].iloc[0])
    assert not chart.x.points["signal"].any()


def test_individuals_chart_needs_two_values():
    with pytest.raises(ValueError, match="values must be at least 2 numbers in a row"):
        spc.individuals_chart([5])


# --- run rules ------------------------------------------------------------------------------

def flags(values):
    return spc.run_rule_flags(values, center=0.0, sigma=1.0)


def test_rule_beyond_limits_only():
    f = flags([0.5, -0.5, 3.5, 0.2])
    assert f["beyond_limits"].tolist() == [False, False, True, False]
    assert f.drop(columns="beyond_limits").to_numpy().sum() == 0


def test_rule_run_of_8_on_one_side():
    seven = flags([0.5, -0.2] + [0.3] * 7)
    assert not seven["run_of_8"].any()
    eight = flags([-0.5] + [0.3] * 8)
    assert eight["run_of_8"].tolist() == [False] * 8 + [True]


def test_rule_two_of_three_beyond_2_sigma():
    f = flags([0.1, 2.5, 0.1, 2.2, 0.0])
    assert f["two_of_three_beyond_2sigma"].tolist() == [False, False, False, True, False]
    # on opposite sides: no signal
    assert not flags([2.5, -2.5, 0.0])["two_of_three_beyond_2sigma"].any()


def test_rule_four_of_five_beyond_1_sigma():
    f = flags([1.5, 1.2, 0.0, 1.1, 1.3])
    assert f["four_of_five_beyond_1sigma"].tolist() == [False] * 4 + [True]


def test_rule_trend_of_6():
    f = flags([0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.4])   # 6 rising points end at index 5
    assert f["trend_of_6"].tolist() == [False] * 5 + [True, False]
    assert not flags([0.0, 0.1, 0.2, 0.3, 0.4, 0.3])["trend_of_6"].any()


def test_rules_use_varying_limits():
    # the same value is beyond 3 sigma where sigma is small and inside where it is large
    f = spc.run_rule_flags([0.5, 0.5], center=0.0, sigma=[0.1, 1.0])
    assert f["beyond_limits"].tolist() == [True, False]


def test_rules_table_columns():
    assert tuple(flags([0.0, 1.0]).columns) == spc.RULES


# --- Pareto ---------------------------------------------------------------------------------

def test_pareto_from_counts():
    table = spc.pareto_table(pd.Series({"greeting": 5, "wrong info": 40, "hold": 10, "verify": 25,
                                        "closing": 20}))
    assert table.index.tolist() == ["wrong info", "verify", "closing", "hold", "greeting"]
    assert table["cumulative_share"].tolist() == pytest.approx([0.4, 0.65, 0.85, 0.95, 1.0])
    # the first category that brings the cumulative share to 80 % is in the vital few
    assert table["vital_few"].tolist() == [True, True, True, False, False]


def test_pareto_from_labels_counts_them():
    table = spc.pareto_table(["a", "b", "a", "c", "a", "b"])
    assert table["count"].tolist() == [3, 2, 1]


@pytest.mark.parametrize("counts, share, match", [
    ({"a": -1, "b": 3}, 0.8, "counts must be >= 0 with a positive total"),
    ({"a": 0}, 0.8, "counts must be >= 0 with a positive total"),
    ({"a": 1}, 1.5, "vital_share must be a fraction above 0 and at most 1, got 1.5"),
])
def test_pareto_errors(counts, share, match):
    with pytest.raises(ValueError, match=match):
        spc.pareto_table(counts, share)


# --- run rules against a plain-Python reference -----------------------------------------------
# An independent reading of the rules: scan every window position (zone windows may hang off
# either end of the series: only the points that exist count) and mark, in each window that
# holds the pattern, the point that completes it (the last qualifying point). Missing values are
# left out before scanning (they break no run) and never flag.

def _scan_zone(x, out, window, need, limit):
    n = len(x)
    for side in (1, -1):
        for start in range(-(window - 1), n):
            members = [j for j in range(start, start + window) if 0 <= j < n and side * x[j] > limit]
            if len(members) >= need:
                out[members[-1]] = True


def _scan_runs(x, run, trend):
    n = len(x)
    for start in range(n):
        for side in (1, -1):
            if start + 8 <= n and all(side * v > 0 for v in x[start:start + 8]):
                run[start + 7] = True
            if start + 6 <= n and all(side * (x[j + 1] - x[j]) > 0 for j in range(start, start + 5)):
                trend[start + 5] = True


def brute_force_rules(values):
    """The five rules with loops (centre 0, sigma 1, limits ±3); None/NaN are missing."""
    present = [i for i, v in enumerate(values) if v is not None and not math.isnan(v)]
    x = [values[i] for i in present]
    m = len(x)
    found = {"beyond_limits": [abs(v) > 3 for v in x], "two_of_three_beyond_2sigma": [False] * m,
             "four_of_five_beyond_1sigma": [False] * m, "run_of_8": [False] * m,
             "trend_of_6": [False] * m}
    _scan_zone(x, found["two_of_three_beyond_2sigma"], 3, 2, 2)
    _scan_zone(x, found["four_of_five_beyond_1sigma"], 5, 4, 1)
    _scan_runs(x, found["run_of_8"], found["trend_of_6"])
    out = {r: [False] * len(values) for r in spc.RULES}
    for k, i in enumerate(present):
        for r in spc.RULES:
            out[r][i] = found[r][k]
    return pd.DataFrame(out)


_point = st.floats(-4, 4, allow_nan=False).map(lambda v: round(v, 2))


@settings(max_examples=80, deadline=None)
@given(st.lists(_point, min_size=1, max_size=40))
def test_run_rules_match_a_brute_force_reference(values):
    got = spc.run_rule_flags(values, center=0.0, sigma=1.0)
    pd.testing.assert_frame_equal(got, brute_force_rules(values), check_dtype=False)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(_point, st.just(float("nan")), st.none()), min_size=0, max_size=40))
def test_run_rules_with_missing_values_match_the_reference_for_lists_arrays_and_series(values):
    expected = brute_force_rules(values)
    as_float = [float("nan") if v is None else v for v in values]
    for given_as in (values, np.array(as_float), pd.Series(as_float, dtype=float),
                     pd.Series(values, dtype="Float64")):
        got = spc.run_rule_flags(given_as, center=0.0, sigma=1.0)
        pd.testing.assert_frame_equal(got, expected, check_dtype=False)


# Hand-built series: each pattern at the very start, at the very end, and across a gap.
@pytest.mark.parametrize("values, rule, expected", [
    ([2.5, 2.2, 0.0, 0.0], "two_of_three_beyond_2sigma", [False, True, False, False]),
    ([-2.5, 0.0, -2.1, 0.0], "two_of_three_beyond_2sigma", [False, False, True, False]),
    ([0.0, 0.0, 0.0, 2.5, 2.6], "two_of_three_beyond_2sigma", [False] * 4 + [True]),
    ([1.5, 1.2, 1.1, 1.3, 0.0, 0.0], "four_of_five_beyond_1sigma", [False] * 3 + [True, False, False]),
    ([1.5, 0.0, 1.2, 1.1, 1.3], "four_of_five_beyond_1sigma", [False] * 4 + [True]),
    ([0.0] * 5 + [-1.5, -1.2, -1.1, -1.3], "four_of_five_beyond_1sigma", [False] * 8 + [True]),
    ([0.1] * 8 + [-0.1], "run_of_8", [False] * 7 + [True, False]),
    ([-0.1] + [0.1] * 8, "run_of_8", [False] * 8 + [True]),
    ([0.0, 0.1, 0.2, 0.3, 0.4, 0.5], "trend_of_6", [False] * 5 + [True]),
    ([0.5, 0.4, 0.3, 0.2, 0.1, 0.0, 0.1], "trend_of_6", [False] * 5 + [True, False]),
    ([0.1, 0.1, 0.2, 0.3, 0.4, 0.5], "trend_of_6", [False] * 6),  # a tie breaks the trend
    # missing values break no run: the pattern is read across the gap, the gap never flags
    ([2.5, None, 2.2, 0.0], "two_of_three_beyond_2sigma", [False, False, True, False]),
    ([2.5, float("nan"), float("nan"), 2.2], "two_of_three_beyond_2sigma", [False] * 3 + [True]),
    ([0.1] * 4 + [None] + [0.1] * 4, "run_of_8", [False] * 8 + [True]),
    ([0.0, 0.1, 0.2, None, 0.3, 0.4, 0.5], "trend_of_6", [False] * 6 + [True]),
])
def test_run_rules_by_hand(values, rule, expected):
    for given_as in (values, np.array([np.nan if v is None else v for v in values], float)):
        f = spc.run_rule_flags(given_as, center=0.0, sigma=1.0)
        assert f[rule].tolist() == expected


def test_two_points_beyond_2_sigma_are_a_signal_in_a_two_point_series():
    assert spc.run_rule_flags([2.5, 2.5], 0.0, 1.0)["two_of_three_beyond_2sigma"].tolist() == [False, True]


@pytest.mark.parametrize("kwargs, match", [
    ({"values": [1.0, float("inf")]}, r"values must be numbers or missing from -1e\+12 to 1e\+12, got inf at position 1"),
    ({"values": [1.0, 1e13]}, r"values must be .* got 10000000000000.0 at position 1"),
    ({"values": ["a", 1.0]}, "values must be a number or an array of numbers"),
    ({"values": [[1.0, 2.0]]}, r"values must be a one-dimensional series of numbers, got shape \(1, 2\)"),
    ({"sigma": float("nan")}, r"sigma must be a finite number >= 0 \(at most 1e\+12 in size\) at every point, got nan at position 0"),
    ({"sigma": -1.0}, "sigma must be a finite number >= 0 .* at every point, got -1.0"),
    ({"center": float("inf")}, "center must be a finite number .* at every point, got inf"),
    ({"ucl": [1.0, float("nan")]}, "ucl must be a finite number .* at every point, got nan at position 1"),
    ({"center": [1.0, 2.0, 3.0]}, "center must be a number or one number per point"),
])
def test_run_rule_flags_errors_name_the_parameter(kwargs, match):
    args = {"values": [0.0, 1.0], "center": 0.0, "sigma": 1.0, **kwargs}
    with pytest.raises((ValueError, TypeError), match=match):
        spc.run_rule_flags(**args)


@pytest.mark.parametrize("chart, args, match", [
    (spc.individuals_chart, ([1.0, float("nan"), 2.0],), "values must be numbers .none missing.* got nan at position 1"),
    (spc.individuals_chart, (pd.Series([1.0, None, 2.0]),), "values must be numbers .none missing.* at position 1"),
    (spc.individuals_chart, ([1.0, 1e300],), "values must be numbers .none missing. from"),
    (spc.p_chart, ([1, float("inf")], [10, 10]), "defectives must be numbers .none missing.* got inf"),
    (spc.p_chart, ([1, 1], [10, float("nan")]), "n must be numbers .none missing.* got nan"),
    (spc.xbar_r_chart, ([[1.0, float("nan")], [2.0, 3.0]],), "values must not be NaN"),
    (spc.xbar_r_chart, (pd.DataFrame([[1.0, np.inf], [2.0, 3.0]]),), "values must be numbers .none missing.* got inf"),
])
def test_charts_refuse_missing_and_non_finite_values(chart, args, match):
    with pytest.raises(ValueError, match=match):
        chart(*args)


def test_pareto_refuses_infinite_counts():
    with pytest.raises(ValueError, match="counts must be numbers .none missing.* got inf"):
        spc.pareto_table({"a": 1, "b": float("inf")})


def test_moving_range_chart_skips_its_missing_first_point():
    # MR = 0, 0, 0, 0, 0, 0, 0 then 8 constant steps: the first MR (NaN) is left out, not a run-breaker
    chart = spc.individuals_chart([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0])
    assert not chart.mr.points["signal"].iloc[0]
    assert chart.mr.points["value"].iloc[1:].tolist() == [1.0] * 8
