"""Tests of ccskills.quality agreement statistics against independent references.

References: Fleiss (1971) psychiatric diagnoses (30 patients × 6 raters, κ = 0.430;
R irr::kappam.fleiss gives 0.4302445), the Wikipedia Fleiss example (10 items × 14
raters, κ = 0.210), Shrout & Fleiss (1979) Table 1/2/4 (6 targets × 4 judges),
a hand-computed Cohen kappa, statsmodels' independent implementations, brute-force
ANOVA by loops, and hypothesis properties.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from statsmodels.stats import inter_rater as sm_ir

from ccskills.quality import (
    ICC_FORMS,
    cohen_kappa,
    fleiss_kappa,
    icc,
    icc_band,
    icc_table,
    kappa_band,
    mean_squares,
)

# Fleiss 1971, Table 1, as raw labels (R package irr, data set `diagnoses`):
# categories 1 depression, 2 personality disorder, 3 schizophrenia, 4 neurosis, 5 other.
DIAGNOSES = np.array([
    [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5],
    [2, 2, 2, 4, 4, 4], [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4],
    [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5], [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4],
    [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5], [3, 3, 3, 3, 3, 5],
    [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
    [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4],
    [1, 4, 4, 4, 4, 5], [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4],
    [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
])

# Wikipedia "Fleiss' kappa" worked example: counts n_ij of 14 raters over 5 categories.
WIKI_COUNTS = np.array([
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
])

# Shrout & Fleiss 1979, Table 1: 6 targets rated by 4 judges.
SHROUT_FLEISS = np.array([
    [9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7],
])
# Their Table 4 (two decimals).
SHROUT_FLEISS_ICC = {"ICC(1,1)": 0.17, "ICC(2,1)": 0.29, "ICC(3,1)": 0.71,
                     "ICC(1,k)": 0.44, "ICC(2,k)": 0.62, "ICC(3,k)": 0.91}


def counts_to_labels(counts):
    """Rows of category counts back to rows of labels (category index per rater)."""
    return np.array([np.repeat(np.arange(len(row)), row) for row in counts])


# ---------------------------------------------------------------- published examples
def test_fleiss_1971_diagnoses():
    assert fleiss_kappa(DIAGNOSES) == pytest.approx(0.4302445, abs=1e-7)
    assert round(fleiss_kappa(DIAGNOSES), 3) == 0.430
    assert kappa_band(fleiss_kappa(DIAGNOSES), "en") == "moderate"


def test_fleiss_wikipedia_example():
    assert fleiss_kappa(counts_to_labels(WIKI_COUNTS)) == pytest.approx(0.210, abs=5e-4)


def test_fleiss_accepts_dataframe_of_text_labels():
    frame = pd.DataFrame(DIAGNOSES).replace({1: "dep", 2: "pd", 3: "sch", 4: "neu", 5: "oth"})
    assert fleiss_kappa(frame) == pytest.approx(0.4302445, abs=1e-7)


def test_shrout_fleiss_mean_squares():
    # Table 2: BMS 11.24, WMS 6.26, JMS 32.49, EMS 1.02
    ms = mean_squares(SHROUT_FLEISS)
    assert (ms.rows, ms.within, ms.columns, ms.error) == pytest.approx(
        (11.24, 6.26, 32.49, 1.02), abs=0.006)
    assert (ms.n, ms.k) == (6, 4)


@pytest.mark.parametrize("form", ICC_FORMS)
def test_shrout_fleiss_table_4(form):
    assert round(icc(SHROUT_FLEISS, form), 2) == SHROUT_FLEISS_ICC[form]
    assert round(icc_table(SHROUT_FLEISS)[form], 2) == SHROUT_FLEISS_ICC[form]


def test_icc_forms_written_with_the_number_of_raters():
    assert icc(SHROUT_FLEISS, "ICC(2,4)") == icc(SHROUT_FLEISS, "ICC(2,k)")
    assert icc(SHROUT_FLEISS, "ICC(3, 4)") == icc(SHROUT_FLEISS, "ICC(3,k)")
    assert icc(SHROUT_FLEISS) == icc(SHROUT_FLEISS, "ICC(2,1)")


def test_cohen_hand_computed():
    # 50 items: both yes 20, A yes/B no 5, A no/B yes 10, both no 15.
    # p_o = 35/50 = 0.70; A yes 25/50 = 0.5, B yes 30/50 = 0.6;
    # p_e = 0.5·0.6 + 0.5·0.4 = 0.50; κ = (0.70 − 0.50)/(1 − 0.50) = 0.40
    a = ["yes"] * 20 + ["yes"] * 5 + ["no"] * 10 + ["no"] * 15
    b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.40)
    assert kappa_band(cohen_kappa(a, b), "en") == "fair"


def test_cohen_matches_statsmodels_on_fleiss_raters():
    for i, j in [(0, 1), (2, 5), (3, 4)]:
        table, _ = sm_ir.to_table(DIAGNOSES[:, [i, j]])
        expected = sm_ir.cohens_kappa(table, return_results=False)
        assert cohen_kappa(DIAGNOSES[:, i], DIAGNOSES[:, j]) == pytest.approx(expected)


# ---------------------------------------------------------------- brute force
def brute_mean_squares(x):
    """Sums of squares by explicit loops (Shrout & Fleiss Table 2 definitions)."""
    n, k = len(x), len(x[0])
    grand = sum(sum(r) for r in x) / (n * k)
    rmean = [sum(r) / k for r in x]
    cmean = [sum(x[i][j] for i in range(n)) / n for j in range(k)]
    ssr = sum(k * (m - grand) ** 2 for m in rmean)
    ssc = sum(n * (m - grand) ** 2 for m in cmean)
    ssw = sum((x[i][j] - rmean[i]) ** 2 for i in range(n) for j in range(k))
    sse = sum((x[i][j] - rmean[i] - cmean[j] + grand) ** 2 for i in range(n) for j in range(k))
    return ssr / (n - 1), ssw / (n * (k - 1)), ssc / (k - 1), sse / ((n - 1) * (k - 1))


tables = st.integers(2, 7).flatmap(lambda n: st.integers(2, 5).flatmap(
    lambda k: st.lists(st.lists(st.integers(0, 100), min_size=k, max_size=k), min_size=n, max_size=n)))


@settings(max_examples=60, deadline=None)
@given(tables)
def test_mean_squares_match_loops(x):
    ms = mean_squares(x)
    assert (ms.rows, ms.within, ms.columns, ms.error) == pytest.approx(brute_mean_squares(x), abs=1e-7)


@settings(max_examples=60, deadline=None)
@given(tables)
def test_spearman_brown_links_single_and_average_forms(x):
    # ICC(1,k) and ICC(3,k) are Spearman-Brown step-ups of ICC(1,1) and ICC(3,1)
    k = len(x[0])
    forms = icc_table(x)  # NaN where a form is undefined (icc raises there)
    for single, average in [("ICC(1,1)", "ICC(1,k)"), ("ICC(3,1)", "ICC(3,k)")]:
        r1, rk = forms[single], forms[average]
        if math.isnan(r1) or math.isnan(rk) or np.isclose(1 + (k - 1) * r1, 0):
            continue
        assert rk == pytest.approx(k * r1 / (1 + (k - 1) * r1), rel=1e-6, abs=1e-9)


@settings(max_examples=40, deadline=None)
@given(tables, st.lists(st.integers(-20, 20), min_size=5, max_size=5))
def test_rater_offsets_leave_consistency_unchanged(x, offsets):
    shifted = np.array(x, float) + np.array(offsets[: len(x[0])])
    a, b = icc_table(x)["ICC(3,1)"], icc_table(shifted)["ICC(3,1)"]
    assert (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b, abs=1e-9)


def test_lenient_rater_lowers_absolute_agreement_only():
    x = SHROUT_FLEISS.astype(float).copy()
    x[:, 0] += 5  # judge 1, already the most lenient, adds five points to every target
    assert icc(x, "ICC(3,1)") == pytest.approx(icc(SHROUT_FLEISS, "ICC(3,1)"))
    assert icc(x, "ICC(2,1)") < icc(SHROUT_FLEISS, "ICC(2,1)")


label_tables = st.integers(2, 8).flatmap(lambda n: st.integers(2, 5).flatmap(
    lambda m: st.lists(st.lists(st.sampled_from("abc"), min_size=m, max_size=m), min_size=n, max_size=n)))


@settings(max_examples=80, deadline=None)
@given(label_tables)
def test_fleiss_matches_statsmodels(rows):
    counts, _ = sm_ir.aggregate_raters(np.array(rows))
    with np.errstate(all="ignore"):
        expected = sm_ir.fleiss_kappa(counts)
    if len({c for r in rows for c in r}) == 1:  # one category: kappa 0/0 (statsmodels: NaN)
        assert math.isnan(expected)
        with pytest.raises(ValueError, match="ratings must use at least two categories"):
            fleiss_kappa(rows)
    else:
        assert fleiss_kappa(rows) == pytest.approx(expected, abs=1e-9)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("xyz"), st.sampled_from("xyz")), min_size=1, max_size=30))
def test_cohen_symmetric_and_bounded(pairs):
    a, b = [p[0] for p in pairs], [p[1] for p in pairs]
    if len(set(a) | set(b)) == 1:  # one category between them: undefined, said so
        for x, y in ((a, b), (b, a)):
            with pytest.raises(ValueError, match="rater_a must use at least two categories"):
                cohen_kappa(x, y)
        return
    k_ab, k_ba = cohen_kappa(a, b), cohen_kappa(b, a)
    assert k_ab == pytest.approx(k_ba)
    assert -1 - 1e-12 <= k_ab <= 1 + 1e-12


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from("pqr"), min_size=2, max_size=30).filter(lambda v: len(set(v)) > 1),
       st.integers(2, 6))
def test_perfect_agreement_is_one(labels, raters):
    assert cohen_kappa(labels, list(labels)) == pytest.approx(1.0)
    assert fleiss_kappa([[v] * raters for v in labels]) == pytest.approx(1.0)
    scores = [[float(ord(v))] * raters for v in labels]
    for form in ICC_FORMS:
        assert icc(scores, form) == pytest.approx(1.0)


def test_one_category_only_is_undefined_and_says_why():
    # p_e = 1 makes kappa 0/0 (Cohen 1960; Fleiss 1971); every ICC form is 0/0 on constant scores
    with pytest.raises(ValueError, match=r"rater_a must use at least two categories .* kappa 0/0\), "
                                         r"got only 'a' from both raters on all 2 items"):
        cohen_kappa(["a", "a"], ["a", "a"])
    with pytest.raises(ValueError, match="rater_a must use at least two categories .* got only 2 "):
        cohen_kappa([2], [2])
    with pytest.raises(ValueError, match="ratings must use at least two categories .* got only 'a' in all 4 ratings"):
        fleiss_kappa([["a", "a"], ["a", "a"]])
    for form in ICC_FORMS:
        with pytest.raises(ValueError, match=r"scores must vary between targets .* got every score equal to 5.0"):
            icc([[5, 5], [5, 5]], form)
    assert icc_table([[5, 5], [5, 5]]).isna().all()


def test_one_category_each_but_different_is_zero_agreement():
    # a says "a" to all, b says "b" to all: p_o = 0, p_e = 1·0 + 0·1 = 0, kappa = 0 (defined)
    assert cohen_kappa(["a", "a"], ["b", "b"]) == 0.0


@settings(max_examples=60, deadline=None)
@given(tables)
def test_icc_raises_exactly_where_the_table_shows_nan(x):
    forms = icc_table(x)
    for form in ICC_FORMS:
        if math.isnan(forms[form]):
            with pytest.raises(ValueError, match="scores must vary between targets"):
                icc(x, form)
        else:
            assert icc(x, form) == forms[form] and forms[form] <= 1 + 1e-12


def test_icc_undefined_forms_with_spread_only_in_the_interaction():
    # rows and columns have equal means, all variance is rater x target interaction:
    # MSR = MSC = 0, MSE = 1 (by hand: SS_total = 4 x 0.25 = 1 on 1 df); ICC(3,1) = -1/1 = -1 is
    # defined, ICC(2,1)'s denominator 0 + 1·1 + 2(0 - 1)/2 = 0 and ICC(2,k)'s 0 + (0 - 1)/2 < 0 are not
    x = [[1.0, 2.0], [2.0, 1.0]]
    assert icc(x, "ICC(3,1)") == pytest.approx(-1.0)
    for form in ("ICC(2,1)", "ICC(2,k)", "ICC(1,k)", "ICC(3,k)"):
        with pytest.raises(ValueError, match=f"for {re.escape(form)} to be defined"):
            icc(x, form)


@pytest.mark.parametrize("scores, shown", [
    ([[1.0, float("inf")], [2.0, 3.0]], "got inf in column 1, row 0"),
    (pd.DataFrame({"A": [1.0, 2.0], "B": [3.0, -np.inf]}, index=["c1", "c2"]), "got -inf in column 'B', row 'c2'"),
])
def test_icc_refuses_infinite_scores_naming_column_and_row(scores, shown):
    for call in (lambda: icc(scores), lambda: icc_table(scores), lambda: mean_squares(scores)):
        with pytest.raises(ValueError, match="scores must be finite numbers, " + shown):
            call()


def test_icc_is_scale_free_down_to_tiny_and_up_to_huge_scores():
    # ICC is unchanged when every score is multiplied by c > 0 (all mean squares scale by c²)
    base = icc(SHROUT_FLEISS, "ICC(2,1)")
    for c in (1e-300, 1e-8, 1e8, 1e300):
        assert icc(SHROUT_FLEISS * c, "ICC(2,1)") == pytest.approx(base, rel=1e-9)
    with pytest.raises(ValueError, match="scores must be below about 1e150"):
        mean_squares(SHROUT_FLEISS * 1e300)


# ---------------------------------------------------------------- bands
@pytest.mark.parametrize("value, en, zh", [
    (-0.1, "poor", "无一致性"), (0.0, "slight", "轻微"), (0.2, "fair", "一般"),
    (0.43, "moderate", "中等"), (0.6, "substantial", "较强"), (0.8, "almost perfect", "几乎完全一致"),
    (1.0, "almost perfect", "几乎完全一致"),
])
def test_landis_koch_bands(value, en, zh):
    assert kappa_band(value, "en") == en and kappa_band(value, "zh") == zh and kappa_band(value) == zh


@pytest.mark.parametrize("value, en", [
    (0.17, "poor"), (0.5, "moderate"), (0.71, "moderate"), (0.75, "good"), (0.9, "excellent"), (1, "excellent"),
])
def test_koo_li_bands(value, en):
    assert icc_band(value, "en") == en
    assert icc_band(value) in {"差", "中等", "良好", "优秀"}


# ---------------------------------------------------------------- errors
@pytest.mark.parametrize("call, match", [
    (lambda: cohen_kappa(["a"], ["a", "b"]), "rater_b must have as many labels as rater_a"),
    (lambda: cohen_kappa([], []), "rater_a must be a non-empty"),
    (lambda: cohen_kappa(["a", None], ["a", "b"]), "rater_a must not contain missing labels"),
    (lambda: cohen_kappa([["a"]], [["a"]]), "rater_a must be a non-empty one-dimensional"),
    (lambda: fleiss_kappa([["a", "b"]]), "ratings must be a table with at least 2 rows"),
    (lambda: fleiss_kappa([["a"], ["b"]]), "ratings must be a table with at least 2 rows and 2 rater"),
    (lambda: fleiss_kappa([["a", None], ["b", "b"]]), "ratings must not contain missing values"),
    (lambda: icc([[1, 2], [3, None]]), "scores must not contain missing values"),
    (lambda: icc([[1, 2], [3, "x"]]), "scores must be a table of numbers"),
    (lambda: icc([1, 2, 3]), "scores must be a table with at least 2 rows"),
    (lambda: icc(SHROUT_FLEISS, "ICC(4,1)"), "form must be one of"),
    (lambda: icc(SHROUT_FLEISS, "ICC(2,3)"), r"form must be one of .*k = 4 raters"),
    (lambda: kappa_band(0.5, "fr"), "lang must be 'zh' or 'en', got 'fr'"),
    (lambda: kappa_band(float("nan")), "kappa must be a number in"),
    (lambda: icc_band(1.5), "value must be a number in"),
])
def test_value_errors(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_type_errors():
    with pytest.raises(TypeError, match="kappa must be a number, got 'high'"):
        kappa_band("high")
    with pytest.raises(TypeError, match="value must be a number, got None"):
        icc_band(None)
