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

def brute_force_rules(x):
    """The five rules point by point with loops (centre 0, sigma 1, limits ±3)."""
    n = len(x)
    out = {r: [False] * n for r in spc.RULES}
    for i in range(n):
        out["beyond_limits"][i] = abs(x[i]) > 3
        for side in (1, -1):
            if i >= 2 and side * x[i] > 2 and sum(side * v > 2 for v in x[i - 2:i + 1]) >= 2:
                out["two_of_three_beyond_2sigma"][i] = True
            if i >= 4 and side * x[i] > 1 and sum(side * v > 1 for v in x[i - 4:i + 1]) >= 4:
                out["four_of_five_beyond_1sigma"][i] = True
            if i >= 7 and all(side * v > 0 for v in x[i - 7:i + 1]):
                out["run_of_8"][i] = True
            if i >= 5 and all(side * (x[j] - x[j - 1]) > 0 for j in range(i - 4, i + 1)):
                out["trend_of_6"][i] = True
    return pd.DataFrame(out)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.floats(-4, 4, allow_nan=False).map(lambda v: round(v, 2)), min_size=1, max_size=40))
def test_run_rules_match_a_brute_force_reference(values):
    got = spc.run_rule_flags(values, center=0.0, sigma=1.0)
    pd.testing.assert_frame_equal(got, brute_force_rules(values), check_dtype=False)
