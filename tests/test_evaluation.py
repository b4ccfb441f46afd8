"""ccskills.evaluation: normalisations, composite scores, rank stability (hand-worked values)."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ccskills import evaluation as ev
from ccskills.evaluation import NORMALISATIONS, composite_scores, normalise

KPIS = pd.DataFrame({"aht_s": [300.0, 360.0, 420.0, 330.0],
                     "fcr": [0.70, 0.90, 0.80, 0.75],
                     "qa": [90.0, 80.0, 85.0, 95.0]}, index=["a", "b", "c", "d"])
DIRS = {"aht_s": "lower", "fcr": "higher", "qa": "higher"}


def test_min_max_both_directions():
    # (x - 300) / 120 and (420 - x) / 120
    assert ev.normalise(KPIS["aht_s"], "min_max", "higher").tolist() == pytest.approx([0, 0.5, 1, 0.25])
    assert ev.normalise(KPIS["aht_s"], "min_max", "lower").tolist() == pytest.approx([1, 0.5, 0, 0.75])


def test_z_score_population_sd():
    x = KPIS["fcr"]  # mean 0.7875, population sd sqrt(mean of squared deviations)
    sd = np.sqrt(((x - 0.7875) ** 2).mean())
    assert ev.normalise(x, "z_score").tolist() == pytest.approx(((x - 0.7875) / sd).tolist())
    assert ev.normalise(x, "z_score", "lower").tolist() == pytest.approx((-(x - 0.7875) / sd).tolist())


def test_target_ratio_and_cap():
    # lower is better: 330 / x; 300 -> 1.1, 420 -> 0.786
    out = ev.normalise(KPIS["aht_s"], "target_ratio", "lower", target=330, cap=1.05)
    assert out.tolist() == pytest.approx([1.05, 330 / 360, 330 / 420, 1.0])
    with pytest.raises(ValueError, match="target must be a positive number"):
        ev.normalise(KPIS["aht_s"], "target_ratio", "lower")


def test_rank_percentile_with_ties():
    # ranks of [1, 2, 2, 3] = 1, 2.5, 2.5, 4 -> (r - 1) / 3
    out = ev.normalise(pd.Series([1, 2, 2, 3]), "rank_percentile")
    assert out.tolist() == pytest.approx([0, 0.5, 0.5, 1])


def test_constant_column_is_neutral():
    flat = pd.Series([5.0, 5.0, 5.0])
    assert ev.normalise(flat, "min_max").tolist() == [0.5] * 3
    assert ev.normalise(flat, "z_score").tolist() == [0.0] * 3


def test_composite_scores_hand_example():
    out = ev.composite_scores(KPIS, {"aht_s": 2, "fcr": 1, "qa": 1}, DIRS)
    # min-max: aht (lower) a 1, b .5, c 0, d .75; fcr a 0, b 1, c .5, d .25; qa a 2/3, b 0, c 1/3, d 1
    # weights .5 .25 .25: a .5 + 0 + 1/6 = .6667; b .25+.25+0 = .5; c 0+.125+.0833 = .2083; d .375+.0625+.25 = .6875
    assert out["composite"].tolist() == pytest.approx([2 / 3, 0.5, 0.125 + 1 / 12, 0.6875])
    assert out["rank"].tolist() == [2, 3, 4, 1]
    assert out.attrs["weights"] == pytest.approx({"aht_s": 0.5, "fcr": 0.25, "qa": 0.25})


def test_composite_within_groups():
    groups = pd.Series({"a": "P", "b": "P", "c": "A", "d": "A"})
    out = ev.composite_scores(KPIS, {"aht_s": 1}, DIRS, groups=groups)
    # within P: a 300 best (1), b 360 worst (0); within A: d 330 best (1), c 420 (0)
    assert out["aht_s"].tolist() == [1.0, 0.0, 0.0, 1.0]


def test_team_scores():
    out = ev.composite_scores(KPIS, {"aht_s": 1}, DIRS)
    teams = ev.team_scores(out, pd.Series({"a": "T1", "b": "T1", "c": "T2", "d": "T2"}))
    assert teams.loc["T1", "composite"] == pytest.approx(0.75)   # (1 + .5) / 2
    assert teams.loc["T2", "composite"] == pytest.approx(0.375)  # (0 + .75) / 2
    assert teams["rank"].tolist() == [1, 2]
    with pytest.raises(ValueError, match="teams must give a team for every agent"):
        ev.team_scores(out, pd.Series({"a": "T1"}))


def test_rank_stability_is_spearman():
    from scipy.stats import spearmanr

    weightings = {"speed": {"aht_s": 1}, "quality": {"qa": 1}, "mix": {"aht_s": 1, "fcr": 1, "qa": 1}}
    ranks = ev.ranks_under_weightings(KPIS, weightings, DIRS)
    assert ranks["speed"].tolist() == [1, 3, 4, 2]
    rho = ev.rank_stability(ranks)
    assert rho.loc["speed", "quality"] == pytest.approx(spearmanr(ranks["speed"], ranks["quality"])[0])
    spread = ev.rank_range(ranks)
    assert spread.loc["b", ["best_rank", "worst_rank"]].tolist() == [
        ranks.loc["b"].min(), ranks.loc["b"].max()]


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 6), st.integers(0, 10_000))
def test_random_weightings_sum_to_one(n, seed):
    sets = ev.random_weightings(["x", "y", "z"], n=n, seed=seed)
    assert len(sets) == n
    for w in sets.values():
        assert sum(w.values()) == pytest.approx(1)
        assert min(w.values()) >= 0


def test_agent_kpis_from_the_kit():
    from ccskills.datasets import load_call_records
    from ccskills.datasets.people import load_attendance

    calls = load_call_records()
    qa = pd.Series({"A001": 90.0, "P001": 70.0})
    table = ev.agent_kpis(calls, load_attendance(), qa)
    agent = calls[(calls["agent_id"] == "A001") & (calls["outcome"] == "answered")]
    aht = (agent["talk_s"] + agent["hold_s"] + agent["acw_s"]).mean()
    assert table.loc["A001", "aht_s"] == pytest.approx(aht)
    assert table["attendance_rate"].between(0, 1).all()
    assert table.loc["A001", "qa_score"] == 90.0 and table["qa_score"].notna().sum() == 2


@pytest.mark.parametrize("call, message", [
    (lambda: ev.normalise(KPIS["fcr"], "minmax"), "method must be one of"),
    (lambda: ev.normalise(KPIS["fcr"], "min_max", "up"), "direction.* must be 'higher' or 'lower'"),
    (lambda: ev.normalise(pd.Series([1.0, None]), "min_max"), "values must not be missing"),
    (lambda: ev.composite_scores(KPIS, {"speed": 1}, DIRS), "weights must name KPI columns"),
    (lambda: ev.composite_scores(KPIS, {"fcr": 0}, DIRS), "weights must have a positive sum"),
    (lambda: ev.composite_scores(KPIS, {"fcr": -1, "qa": 2}, DIRS), "weights must be zero or a positive"),
    (lambda: ev.composite_scores(KPIS, {"fcr": 1}, {}), "directions must give 'higher' or 'lower' for 'fcr'"),
    (lambda: ev.composite_scores(KPIS, {"fcr": 1}, {"fcr": "big"}), r"directions\['fcr'\] must be"),
    (lambda: ev.ranks_under_weightings(KPIS, {}, DIRS), "weightings must be a non-empty mapping"),
])
def test_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_type_errors():
    with pytest.raises(TypeError, match="kpis must be a DataFrame"):
        ev.composite_scores([1, 2], {"a": 1}, {"a": "higher"})
    with pytest.raises(TypeError, match="directions must be a mapping"):
        ev.composite_scores(KPIS, {"fcr": 1}, ["higher"])


def test_agent_workload_hand_example():
    calls = pd.DataFrame({
        "arrival": pd.to_datetime(["2026-03-02 08:05", "2026-03-02 09:00", "2026-03-03 10:00"]),
        "queue": "presales", "outcome": ["answered", "answered", "abandoned"],
        "wait_s": [5, 10, 60], "talk_s": [300, 500, None], "hold_s": [0, 100, None],
        "acw_s": [60, 40, None], "agent_id": ["x", "x", None], "transferred": False,
        "resolved_first_contact": [True, True, None], "csat": [None, None, None]})
    shifts = pd.DataFrame({"agent_id": ["x", "x", "x"], "scheduled_hours": [7.0, 7.0, 7.0],
                           "status": ["present", "late", "absent"]})
    out = ev.agent_workload(calls, shifts).loc["x"]
    # handle 360 + 640 = 1000 s = 0.2778 h over 14 attended hours; 2 calls / 14 h
    assert out["handle_hours"] == pytest.approx(1000 / 3600)
    assert out["attended_hours"] == 14
    assert out["calls_per_attended_hour"] == pytest.approx(2 / 14)
    assert out["handle_share"] == pytest.approx(1000 / 3600 / 14)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(1, 1000), min_size=3, max_size=12, unique=True), st.floats(0.01, 1), st.floats(0.01, 1))
def test_composite_properties(aht, w1, w2):
    """min_max composites lie in [0, 1]; rank_percentile ignores any increasing transform."""
    kpis = pd.DataFrame({"aht_s": aht, "fcr": list(reversed(aht))})
    dirs = {"aht_s": "lower", "fcr": "higher"}
    out = ev.composite_scores(kpis, {"aht_s": w1, "fcr": w2}, dirs)
    assert out["composite"].between(-1e-12, 1 + 1e-12).all()
    squashed = kpis.apply(np.log)
    a = ev.composite_scores(kpis, {"aht_s": w1, "fcr": w2}, dirs, method="rank_percentile")
    b = ev.composite_scores(squashed, {"aht_s": w1, "fcr": w2}, dirs, method="rank_percentile")
    assert a["rank"].tolist() == b["rank"].tolist()


# --- non-finite and extreme values (issue 9) -----------------------------------------------------

@pytest.mark.parametrize("method", NORMALISATIONS)
def test_normalise_refuses_infinite_values_naming_the_row(method):
    # an inf used to squash every other agent's min-max score to 0
    values = pd.Series([300.0, float("inf"), 420.0], index=["a", "b", "c"])
    with pytest.raises(ValueError, match="values must be finite numbers, got inf at 'b'"):
        normalise(values, method, "lower", target=300.0)


def test_composite_scores_name_the_column_and_row_of_a_non_finite_kpi():
    kpis = pd.DataFrame({"aht_s": [300.0, 360.0], "fcr": [0.7, -float("inf")]}, index=["a", "b"])
    with pytest.raises(ValueError, match="kpis must be finite numbers, got -inf in column 'fcr', row 'b'"):
        composite_scores(kpis, {"aht_s": 1, "fcr": 1}, {"aht_s": "lower", "fcr": "higher"})


def test_normalise_constant_values_exactly_and_huge_values_without_overflow():
    # equal values: min-max 0.5 and z-score 0 by definition, with no rounding noise (0.1 is inexact)
    assert normalise(pd.Series([0.1] * 3), "z_score").tolist() == [0.0, 0.0, 0.0]
    assert normalise(pd.Series([0.1] * 3), "min_max").tolist() == [0.5, 0.5, 0.5]
    # ±1e308: max - min overflows a float unless rescaled; by hand min-max gives 1, 0, 1/2 and
    # z-scores ±sqrt(3/2), 0 (population sd of (1, -1, 0) is sqrt(2/3))
    huge = pd.Series([1e308, -1e308, 0.0])
    assert normalise(huge, "min_max").tolist() == [1.0, 0.0, 0.5]
    assert normalise(huge, "z_score").tolist() == pytest.approx([1.5 ** 0.5, -(1.5 ** 0.5), 0.0])


def test_huge_weights_are_normalised_without_overflow():
    kpis = pd.DataFrame({"x": [1.0, 2.0], "y": [2.0, 1.0]}, index=["a", "b"])
    out = composite_scores(kpis, {"x": 1e308, "y": 1e308}, {"x": "higher", "y": "higher"})
    assert out["composite"].tolist() == [0.5, 0.5]  # equal weights: (0 + 1) / 2 each


def test_composite_of_perfect_scores_is_exactly_one_whatever_the_weights():
    # weights 20 and 4.1e16 normalise to fractions whose rounded sum is not exactly 1; a
    # weighted mean of 1 and 1 is 1 (and of 0 and 0 is 0) all the same
    kpis = pd.DataFrame({"x": [1.0, 0.0], "y": [1.0, 0.0]}, index=["best", "worst"])
    out = composite_scores(kpis, {"x": 20.0, "y": 4.11757680216731e16}, {"x": "higher", "y": "higher"})
    assert out["composite"].tolist() == [1.0, 0.0]


@pytest.mark.parametrize("n", [0, float("nan"), float("inf"), 2.5, 10**6, True])
def test_random_weightings_count_is_checked(n):
    # int(nan) and int(inf) used to escape as unnamed errors; a million draws ties up a kernel
    with pytest.raises(ValueError, match="n must be a whole number of weight sets from 1 to 100000"):
        ev.random_weightings(["aht_s", "fcr"], n=n)


def test_random_weightings_need_a_kpi():
    with pytest.raises(ValueError, match="kpis_names must name at least one KPI, got \\[\\]"):
        ev.random_weightings([])
