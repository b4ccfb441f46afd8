"""ccskills.incentives: bonus schemes against hand-worked values and independent pandas/numpy.

Every expected value is computed here (by hand in the comments, or with plain pandas/numpy on
the inputs), never read back from the library.
"""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ccskills import incentives as inc
from ccskills.incentives import BonusScheme, Gate, Smoothing, Tier

AGENTS = ["a", "b", "c", "d", "e", "f"]
SCORES = pd.Series([0.30, 0.55, 0.70, 0.82, 0.95, 0.65], index=AGENTS)
KPIS = pd.DataFrame({"attendance_rate": [1.0, 0.96, 0.90, 0.97, np.nan, 0.99],
                     "critical_errors": [0, 0, 0, 2, 0, 1]}, index=AGENTS)
TIERS = [Tier("C", 0.0, 0.5, amount=0), Tier("B", 0.5, 0.7, multiple=0.5),
         Tier("A", 0.7, 0.9, multiple=1.0), Tier("S", 0.9, 1.0, multiple=1.5)]
GATES = [Gate("attendance_rate", 0.95, name="出勤"), Gate("critical_errors", 1, "at_most", name="致命错误")]
SCHEME = BonusScheme(TIERS, gates=GATES, target_bonus=1000)


def by_hand_tier(x: float) -> str:
    """Bands [0, .5) C, [.5, .7) B, [.7, .9) A, [.9, 1] S."""
    return "C" if x < 0.5 else "B" if x < 0.7 else "A" if x < 0.9 else "S"


PAY = {"C": 0.0, "B": 500.0, "A": 1000.0, "S": 1500.0}


# ---------------------------------------------------------------- gates and tiers
def test_tiers_and_gates_hand_example():
    out = inc.apply_scheme(SCORES, KPIS, SCHEME)
    assert out["tier"].tolist() == [by_hand_tier(x) for x in SCORES] == ["C", "B", "A", "A", "S", "B"]
    # gates: c attendance 0.90 < 0.95; d 2 critical errors > 1; e attendance missing
    assert out["gates_passed"].tolist() == [True, True, False, False, False, True]
    assert out["failed_gate"].tolist() == ["", "", "出勤", "致命错误", "出勤", ""]
    assert out["gate_reason"].tolist() == ["", "", "below", "above", "missing", ""]
    assert out["bonus"].tolist() == [0.0, 500.0, 0.0, 0.0, 0.0, 500.0]
    assert out["tier_payout"].tolist() == [PAY[t] for t in out["tier"]]


def test_band_edges_are_lower_inclusive_and_the_top_band_closed():
    edges = pd.Series([0.0, 0.5, 0.7, 0.9, 1.0, 0.8999999])
    out = inc.apply_scheme(edges, None, BonusScheme(TIERS, target_bonus=1000))
    assert out["tier"].tolist() == ["C", "B", "A", "S", "S", "A"]


def test_several_failed_gates_are_all_named():
    kpis = pd.DataFrame({"attendance_rate": [0.5], "critical_errors": [3]}, index=["x"])
    out = inc.apply_scheme(pd.Series([0.8], index=["x"]), kpis, SCHEME)
    assert out.loc["x", "failed_gate"] == "出勤; 致命错误" and out.loc["x", "gate_reason"] == "below; above"


def test_an_agent_missing_from_the_kpi_table_fails_every_gate_as_missing():
    out = inc.apply_scheme(pd.Series([0.8, 0.8], index=["a", "zz"]), KPIS, SCHEME)
    assert out.loc["zz", "gate_reason"] == "missing; missing" and out.loc["zz", "bonus"] == 0


def test_below_the_lowest_band_is_no_tier_and_no_bonus():
    scheme = BonusScheme([Tier("A", 0.6, 1.0, amount=800)])
    out = inc.apply_scheme(pd.Series([0.2, 0.7]), None, scheme)
    assert out["tier"].tolist() == ["", "A"] and out["bonus"].tolist() == [0.0, 800.0]


def test_percentile_basis_against_pandas_rank():
    scheme = BonusScheme([Tier("low", 0, 0.5, amount=0), Tier("mid", 0.5, 0.8, amount=600),
                          Tier("top", 0.8, 1, amount=1200)], basis="percentile")
    out = inc.apply_scheme(SCORES, None, scheme)
    pct = (SCORES.rank() - 1) / (len(SCORES) - 1)  # 0, .2, .6, .8, 1, .4
    assert out["percentile"].tolist() == pytest.approx(pct.tolist())
    expected = np.select([pct >= 0.8, pct >= 0.5], [1200.0, 600.0], 0.0)
    assert out["bonus"].tolist() == expected.tolist()


def test_cap():
    scheme = BonusScheme(TIERS, target_bonus=1000, cap=1200)
    out = inc.apply_scheme(SCORES, None, scheme)
    assert out["bonus"].tolist() == [min(PAY[by_hand_tier(x)], 1200) for x in SCORES]


# ---------------------------------------------------------------- pool
def test_pool_scales_in_proportion():
    scheme = BonusScheme(TIERS, target_bonus=1000, pool=10_000)
    out = inc.apply_scheme(SCORES, None, scheme)
    raw = np.array([PAY[by_hand_tier(x)] for x in SCORES])  # 0 500 1000 1000 1500 500 = 4500
    assert out["bonus"].to_numpy() == pytest.approx(raw * 10_000 / raw.sum())
    assert inc.bonus_cost(out).unspent == pytest.approx(0.0, abs=1e-9)


def _lambda_by_bisection(raw, pool, cap):
    """Brute force: the λ with sum(min(cap, λ·raw)) = pool, by bisection."""
    lo, hi = 0.0, 1e9
    for _ in range(200):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if np.minimum(cap, mid * raw).sum() < pool else (lo, mid)
    return lo


def test_pool_with_cap_against_bisection():
    raw = pd.Series([100.0, 300.0, 900.0, 0.0, 50.0])
    out = inc.scale_to_pool(raw, 2000, cap=800)
    lam = _lambda_by_bisection(raw.to_numpy(), 2000, 800)
    assert out.to_numpy() == pytest.approx(np.minimum(800, lam * raw.to_numpy()), rel=1e-9)
    assert out.sum() == pytest.approx(2000)


def test_pool_larger_than_caps_allow_is_left_unspent():
    out = inc.scale_to_pool(pd.Series([100.0, 300.0, 0.0]), 5000, cap=1000)
    assert out.tolist() == [1000.0, 1000.0, 0.0]  # 2 paid × cap 1000 = 2000 < 5000


def test_pool_with_nobody_paid_is_all_zero_and_unspent():
    scheme = BonusScheme([Tier("A", 0.5, 1, amount=100)], pool=3000)
    out = inc.apply_scheme(pd.Series([0.1, 0.2]), None, scheme)
    assert out["bonus"].tolist() == [0.0, 0.0] and inc.bonus_cost(out).unspent == 3000.0


@settings(max_examples=200, deadline=None)
@given(raw=st.lists(st.one_of(st.just(0.0), st.floats(0.01, 5000)), min_size=1, max_size=30),  # CNY, to the fen
       pool=st.floats(1, 1e6), cap=st.one_of(st.none(), st.floats(50, 5000)))
def test_pool_total_equals_the_budget_when_it_can(raw, pool, cap):
    out = inc.scale_to_pool(pd.Series(raw), pool, cap)
    paid = sum(1 for r in raw if r > 0)
    reachable = pool if cap is None else min(pool, cap * paid)
    if paid == 0:
        assert out.sum() == 0
    else:
        assert out.sum() == pytest.approx(reachable, rel=1e-9)
    assert (out >= 0).all() and (cap is None or (out <= cap * (1 + 1e-12)).all())
    assert ((out > 0) == (pd.Series(raw) > 0)).all()  # nobody gated out gets money from the pool


@settings(max_examples=200, deadline=None)
@given(scores=st.lists(st.floats(0, 1), min_size=2, max_size=25), basis=st.sampled_from(["score", "percentile"]),
       pool=st.one_of(st.none(), st.floats(1000, 1e5)))
def test_bonus_is_monotone_in_score_among_agents_passing_the_gates(scores, basis, pool):
    s = pd.Series(scores, index=[f"x{i}" for i in range(len(scores))])
    scheme = BonusScheme(TIERS, gates=GATES, basis=basis, target_bonus=1000, cap=1400, pool=pool)
    kpis = pd.DataFrame({"attendance_rate": 1.0, "critical_errors": 0}, index=s.index)
    out = inc.apply_scheme(s, kpis, scheme).sort_values("score")
    assert (np.diff(out["bonus"].to_numpy()) >= -1e-9).all()


# ---------------------------------------------------------------- smoothing
HISTORY = pd.DataFrame({"Jan": [0.90, 0.40, np.nan], "Feb": [0.50, 0.80, 0.60], "Mar": [0.70, 0.95, 0.30]},
                       index=["p", "q", "r"])


def test_mean_smoothing_by_hand():
    used = inc.smooth_scores(HISTORY, Smoothing("mean", previous=2))
    # p (.9+.5+.7)/3 = .7; q (.4+.8+.95)/3; r joined in Feb: (.6+.3)/2 = .45
    assert used.tolist() == pytest.approx([0.7, 2.15 / 3, 0.45])
    assert inc.smooth_scores(HISTORY, Smoothing("mean", previous=1)).tolist() == pytest.approx([0.6, 0.875, 0.45])
    assert inc.smooth_scores(HISTORY, None).tolist() == HISTORY["Mar"].tolist()


def test_limit_smoothing_by_hand():
    used = inc.smooth_scores(HISTORY, Smoothing("limit", max_change=0.1))
    # p: .9 -> .8 (down .1) -> .7 (actual .7, down .1); q: .4 -> .5 -> .6; r: .6 -> .5
    assert used.tolist() == pytest.approx([0.7, 0.6, 0.5])


def test_smoothing_sets_the_tier_not_the_reported_score():
    scheme = BonusScheme(TIERS, target_bonus=1000, smoothing=Smoothing("mean", previous=2))
    out = inc.apply_scheme(HISTORY, None, scheme)
    assert out["score"].tolist() == HISTORY["Mar"].tolist()
    assert out["tier"].tolist() == [by_hand_tier(x) for x in [0.7, 2.15 / 3, 0.45]]


def test_tier_history_counts_churn():
    scheme = BonusScheme(TIERS, target_bonus=1000)
    th = inc.tier_history(HISTORY, scheme)
    expected = HISTORY.apply(lambda col: col.map(lambda x: by_hand_tier(x) if not math.isnan(x) else np.nan))
    pd.testing.assert_frame_equal(th, expected, check_dtype=False)


# ---------------------------------------------------------------- cost and comparison
def test_bonus_cost_by_hand():
    cost = inc.bonus_cost(inc.apply_scheme(SCORES, KPIS, SCHEME), budget=2000)
    assert cost == inc.BonusCost(total=1000.0, agents=6, paid=2, gated_out=3, mean_paid=500.0, unspent=1000.0)


def test_compare_schemes_counts_winners_and_losers():
    flat = BonusScheme([Tier("all", 0, 1, amount=700)], gates=GATES)
    table = inc.compare_schemes(flat, SCHEME, SCORES, KPIS)
    a = pd.Series([700.0, 700, 0, 0, 0, 700], index=AGENTS)  # flat: 700 to each agent passing the gates
    b = pd.Series([0.0, 500, 0, 0, 0, 500], index=AGENTS)
    assert table["change"].tolist() == (b - a).tolist()
    assert table["outcome"].tolist() == ["loses", "loses", "same", "same", "same", "loses"]
    summary = inc.comparison_summary(table)
    assert (summary.gainers, summary.losers, summary.unchanged) == (0, 3, 3)
    assert (summary.cost_a, summary.cost_b, summary.largest_loss, summary.largest_gain) == (2100.0, 1000.0, 700.0, 0.0)


def test_tolerance_treats_rounding_as_same():
    before = inc.apply_scheme(SCORES, None, BonusScheme(TIERS, target_bonus=1000))
    after = before.assign(bonus=before["bonus"] + 0.004)
    assert set(inc.compare_results(before, after)["outcome"]) == {"same"}


# ---------------------------------------------------------------- periods on the kit's data
def test_dekad_kpis_against_pandas_by_hand():
    from ccskills.datasets import load_call_records
    from ccskills.datasets.people import load_attendance

    calls, shifts = load_call_records(), load_attendance()
    tables = inc.dekad_kpis(calls, shifts)
    assert list(tables) == ["上旬", "中旬", "下旬"]
    mid = calls[(calls["arrival"].dt.day.between(11, 20)) & (calls["outcome"] == "answered")]
    aht = (mid["talk_s"] + mid["hold_s"] + mid["acw_s"]).astype(float).groupby(mid["agent_id"]).mean()
    pd.testing.assert_series_equal(tables["中旬"]["aht_s"], aht, check_names=False)
    late = shifts[shifts["date"].dt.day >= 21]
    rate = (late["status"] != "absent").groupby(late["agent_id"]).mean()
    pd.testing.assert_series_equal(tables["下旬"]["attendance_rate"], rate.reindex(tables["下旬"].index),
                                   check_names=False)


def test_period_scores_missing_rule():
    k = {"Jan": pd.DataFrame({"fcr": [0.7, 0.8, 0.9]}, index=["a", "b", "c"]),
         "Feb": pd.DataFrame({"fcr": [0.9, np.nan, 0.8]}, index=["a", "b", "c"])}
    with pytest.raises(ValueError, match=r"kpis must be finite numbers, got nan in column 'fcr', row 'b'"):
        inc.period_scores(k, {"fcr": 1}, {"fcr": "higher"})
    out = inc.period_scores(k, {"fcr": 1}, {"fcr": "higher"}, missing="skip")
    assert out["Feb"].tolist()[0] == 1.0 and math.isnan(out.loc["b", "Feb"]) and out.loc["c", "Feb"] == 0.0


# ---------------------------------------------------------------- bad input, messages pinned
@pytest.mark.parametrize("build, message", [
    (lambda: Tier("A", 0, 1, amount=-5), "amount must be zero or a positive amount, got -5"),
    (lambda: Tier("A", 0, 1, multiple=-0.5), "multiple must be zero or a positive amount, got -0.5"),
    (lambda: Tier("A", 0, 1), "tier 'A' must pay either a multiple or an amount, got multiple=None, amount=None"),
    (lambda: Tier("A", 0, 1, multiple=1, amount=5), "tier 'A' must pay either a multiple or an amount"),
    (lambda: Tier("A", 0.8, 0.5, amount=1), r"upper must be above lower \(0.8\) in tier 'A', got 0.5"),
    (lambda: Tier("A", float("nan"), 1, amount=1), "lower must be a number, got nan"),
    (lambda: Gate("x", 1, "more"), r"direction must be one of \('at_least', 'at_most'\), got 'more'"),
    (lambda: Gate("", 1), "column must be the name of a KPI column, got ''"),
    (lambda: Gate("x", float("nan")), "threshold must be a number, got nan"),
    (lambda: BonusScheme([Tier("B", 0, 0.6, amount=1), Tier("A", 0.5, 1, amount=2)]),
     r"tiers must not overlap, got 'B' \[0, 0.6\) and 'A' from 0.5"),
    (lambda: BonusScheme([Tier("B", 0, 0.5, amount=1), Tier("A", 0.6, 1, amount=2)]),
     "tiers must leave no gap, got 'B' up to 0.5 and 'A' from 0.6"),
    (lambda: BonusScheme([Tier("A", 0, 0.5, amount=1), Tier("A", 0.5, 1, amount=2)]),
     r"tiers must have distinct names, got \['A', 'A'\]"),
    (lambda: BonusScheme([]), r"tiers must be a non-empty sequence of Tier, got \[\]"),
    (lambda: BonusScheme(TIERS), "target_bonus must be an amount in CNY when a tier pays a multiple, got None"),
    (lambda: BonusScheme(TIERS, target_bonus=-100), "target_bonus must be zero or a positive amount, got -100"),
    (lambda: BonusScheme(TIERS, target_bonus=1, cap=-1), "cap must be zero or a positive amount, got -1"),
    (lambda: BonusScheme(TIERS, target_bonus=1, pool=-1), "pool must be zero or a positive amount, got -1"),
    (lambda: BonusScheme(TIERS, target_bonus=1, basis="rank"), r"basis must be one of \('score', 'percentile'\), got 'rank'"),
    (lambda: BonusScheme([Tier("A", 0, 2, amount=1)], basis="percentile"),
     "tiers must lie within 0..1 for basis 'percentile', got 0 to 2"),
    (lambda: BonusScheme(TIERS, target_bonus=1, gates=[Gate("x", 1), Gate("x", 2)]),
     r"gates must have distinct names, got \['x', 'x'\]"),
    (lambda: Smoothing("median"), r"method must be one of \('mean', 'limit'\), got 'median'"),
    (lambda: Smoothing("mean", previous=-1), "previous must be a whole number of periods >= 0, got -1"),
    (lambda: Smoothing("limit"), "max_change must be a positive change of score for 'limit', got None"),
])
def test_bad_parts_are_refused_naming_the_parameter(build, message):
    with pytest.raises(ValueError, match=message):
        build()


def test_unknown_gate_column_is_refused():
    scheme = BonusScheme(TIERS, target_bonus=1, gates=[Gate("attendence", 0.95)])
    with pytest.raises(ValueError, match=r"gates\['attendence'\].column must be a column of kpis "
                                         r"\['attendance_rate', 'critical_errors'\], got 'attendence'"):
        inc.apply_scheme(SCORES, KPIS, scheme)


def test_missing_current_score_and_score_above_the_bands_are_refused():
    with pytest.raises(ValueError, match="scores must be finite for the current period 'score', got nan for 'b'"):
        inc.apply_scheme(pd.Series([0.5, np.nan], index=["a", "b"]), None, SCHEME.__class__(TIERS, target_bonus=1))
    with pytest.raises(ValueError, match=r"scores must lie within the tier bands \(top 1\), got 1.3 for 'b'"):
        inc.apply_scheme(pd.Series([0.5, 1.3], index=["a", "b"]), None, BonusScheme(TIERS, target_bonus=1))


def test_bad_pool_inputs():
    with pytest.raises(ValueError, match="bonuses must be zero or positive amounts, got -1.0"):
        inc.scale_to_pool(pd.Series([1.0, -1.0]), 100)
    with pytest.raises(ValueError, match="pool must be zero or a positive amount, got -3"):
        inc.scale_to_pool(pd.Series([1.0]), -3)
    with pytest.raises(ValueError, match="budget must be zero or a positive amount, got -1"):
        inc.bonus_cost(inc.apply_scheme(SCORES, KPIS, SCHEME), budget=-1)
    with pytest.raises(ValueError, match="missing must be 'raise' or 'skip', got 'drop'"):
        inc.period_scores({"x": KPIS}, {"attendance_rate": 1}, {"attendance_rate": "higher"}, missing="drop")


# ---------------------------------------------------------------- cliff edges
def test_cliff_edges_by_hand():
    scores = pd.Series([0.49, 0.695, 0.88, 0.60, 0.995], index=["p", "q", "r", "s", "t"])
    out = inc.cliff_edges(inc.apply_scheme(scores, None, SCHEME.__class__(TIERS, target_bonus=1000)),
                          SCHEME, margin=0.02)
    # p C→B 0.01 below 0.5, step 500; q B→A 0.005 below 0.7, step 500; r A→S 0.02 below 0.9, step 500;
    # s is 0.1 from A, t is in the top tier: no edge above
    assert out.index.tolist() == ["q", "p", "r"]
    assert out["next_tier"].tolist() == ["A", "B", "S"] and out["step"].tolist() == [500.0, 500.0, 500.0]
    assert out["distance"].tolist() == pytest.approx([0.005, 0.01, 0.02])


def test_cliff_edges_on_percentiles_and_bad_margin():
    scheme = BonusScheme([Tier("low", 0, 0.5, amount=0), Tier("top", 0.5, 1, amount=900)], basis="percentile")
    out = inc.apply_scheme(pd.Series([0.1, 0.2, 0.3, 0.4, 0.5]), None, scheme)  # percentiles 0, .25, .5, .75, 1
    assert inc.cliff_edges(out, scheme, margin=0.25).index.tolist() == [1]
    with pytest.raises(ValueError, match="margin must be zero or a positive amount, got -0.1"):
        inc.cliff_edges(out, scheme, margin=-0.1)
    with pytest.raises(TypeError, match="result must be a DataFrame from apply_scheme"):
        inc.cliff_edges(pd.DataFrame({"x": [1]}), scheme)
