"""Tests for ccskills.kano: evaluation table, category rule, Better/Worse, analysis of a survey.

The expected evaluation table is typed here from the published Kano evaluation table
(Berger et al. 1993, "Kano's methods for understanding customer-defined quality",
Center for Quality Management Journal 2(4); as reproduced by agilesoftwaredevelopment.com,
"Kano questionnaires", 2006, reference/domain.md §3 [70]), one string per functional
answer, not read from the library. Coefficients are worked by
hand with the arithmetic shown.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ccskills import kano
from ccskills.kano import (
    analyze,
    answer_code,
    better_coefficient,
    category_of_counts,
    classify,
    quadrant,
    worse_coefficient,
)

# Published evaluation table [70]: rows functional like..dislike, columns dysfunctional like..dislike.
PUBLISHED = {
    1: "QAAAO",  # like
    2: "RIIIM",  # must-be
    3: "RIIIM",  # neutral
    4: "RIIIM",  # live with
    5: "RRRRQ",  # dislike
}
CELLS = [(f, d) for f in range(1, 6) for d in range(1, 6)]


@pytest.mark.parametrize("functional, dysfunctional", CELLS)
def test_all_25_cells_match_the_published_table(functional, dysfunctional):
    assert classify(functional, dysfunctional) == PUBLISHED[functional][dysfunctional - 1]


def test_textbook_cells_by_name():
    # Berger et al.: like/dislike = one-dimensional; like/neutral = attractive;
    # neutral/dislike = must-be; neutral/neutral = indifferent; like/like = questionable.
    assert classify("like", "dislike") == "O"
    assert classify("like", "neutral") == "A"
    assert classify("neutral", "dislike") == "M"
    assert classify("neutral", "neutral") == "I"
    assert classify("like", "like") == "Q"
    assert classify("dislike", "like") == "R"


SPELLINGS = {
    1: [1, 1.0, "1", " 1 ", "like", "Like", "I like it", "我很喜欢", "我喜欢", "喜欢", "我很喜歡"],
    2: [2, "2", "must-be", "Must be", "must_be", "It must be that way", "理应如此", "理所当然", "理應如此"],
    3: [3, "3.0", "neutral", "I am neutral", "无所谓", "無所謂"],
    4: [4, "live-with", "live with", "Live_With", "I can live with it", "勉强接受", "能忍受", "可以忍受"],
    5: [5, "dislike", "I dislike it", "我很不喜欢", "我不喜欢", "不喜欢", "我很不喜歡"],
}


@pytest.mark.parametrize("code, spelling",
                         [(code, s) for code, words in SPELLINGS.items() for s in words])
def test_every_spelling_reads_as_its_code(code, spelling):
    assert answer_code(spelling) == code


def test_domain_md_wordings_are_the_shown_wordings():
    # reference/domain.md §3 [72]: 我很喜欢 / 理应如此 / 无所谓 / 勉强接受 / 我很不喜欢
    zh = [kano.ANSWER_WORDINGS[c][0] for c in range(1, 6)]
    assert zh == ["我很喜欢", "理应如此", "无所谓", "勉强接受", "我很不喜欢"]
    assert [answer_code(w) for w in zh] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("bad", [0, 6, 2.5, True, None, "", "maybe", "喜", np.nan, [1]])
def test_bad_answers_name_the_parameter(bad):
    with pytest.raises(ValueError, match=r"^dysfunctional must be an answer 1-5"):
        if isinstance(bad, list):
            classify([1, 2], [1, 9])
        else:
            classify(1, bad)


def test_classify_arrays_equal_scalar_calls():
    f = [c[0] for c in CELLS]
    d = [c[1] for c in CELLS]
    out = classify(f, d)
    assert out.shape == (25,)
    assert out.tolist() == [classify(a, b) for a, b in CELLS]
    # broadcasting: one functional answer against every dysfunctional answer
    assert classify("like", ["like", "must-be", "neutral", "live-with", "dislike"]).tolist() == list(
        PUBLISHED[1])


@given(st.lists(st.tuples(st.sampled_from(sum(SPELLINGS.values(), [])),
                          st.sampled_from(sum(SPELLINGS.values(), []))), min_size=1, max_size=30))
@settings(max_examples=60, deadline=None)
def test_vectorised_equals_scalar_for_any_spelling(pairs):
    f = np.array([p[0] for p in pairs], dtype=object)
    d = np.array([p[1] for p in pairs], dtype=object)
    assert classify(f, d).tolist() == [classify(a, b) for a, b in pairs]


# --- category rule --------------------------------------------------------------------------


def test_mode_wins():
    assert category_of_counts({"A": 5, "O": 9, "M": 2, "I": 4, "R": 0, "Q": 1}) == "O"
    assert category_of_counts({"R": 3, "I": 1}) == "R"


@pytest.mark.parametrize("counts, expected", [
    ({"M": 4, "O": 4, "A": 4, "I": 4}, "M"),   # M > O > A > I
    ({"O": 4, "A": 4, "I": 4}, "O"),
    ({"A": 4, "I": 4, "M": 1}, "A"),
    ({"I": 4, "R": 4}, "I"),
    ({"R": 2, "Q": 2}, "R"),
    ({"A": 3, "O": 3, "M": 2}, "O"),
])
def test_tie_rule_m_o_a_i(counts, expected):
    assert category_of_counts(counts) == expected


@pytest.mark.parametrize("counts", [{}, {"A": 0}, {"A": -1, "O": 3}, {"A": "x"}])
def test_bad_counts(counts):
    with pytest.raises(ValueError, match="^counts must"):
        category_of_counts(counts)


# --- coefficients --------------------------------------------------------------------------


def test_better_worse_by_hand():
    # A=40, O=30, M=20, I=10: Better = (40+30)/100 = 0.70; Worse = -(30+20)/100 = -0.50
    assert better_coefficient(40, 30, 20, 10) == pytest.approx(0.70)
    assert worse_coefficient(40, 30, 20, 10) == pytest.approx(-0.50)
    # A=3, O=0, M=6, I=3: Better = 3/12 = 0.25; Worse = -6/12 = -0.5
    assert better_coefficient(3, 0, 6, 3) == pytest.approx(0.25)
    assert worse_coefficient(3, 0, 6, 3) == pytest.approx(-0.5)
    assert isinstance(better_coefficient(1, 1, 1, 1), float)


def test_coefficients_without_answers_say_why_and_arrays_broadcast():
    # (A + O) / (A + O + M + I) = 0/0: one set of counts raises, saying why; in an array that
    # feature is NaN (documented) and the others are computed
    for coefficient in (better_coefficient, worse_coefficient):
        with pytest.raises(ValueError, match=r"a must be above 0 when o, m and i are all 0 .*0/0"):
            coefficient(0, 0, 0, 0)
    out = better_coefficient([1, 0], [1, 0], [2, 0], 0)
    assert out[0] == pytest.approx(0.5) and np.isnan(out[1])
    assert worse_coefficient(5, 0, 0, 5) == 0.0 and not np.signbit(worse_coefficient(5, 0, 0, 5))


def test_bad_coefficient_counts():
    with pytest.raises(ValueError, match="^m must be a count >= 0"):
        worse_coefficient(1, 1, -1, 1)


@pytest.mark.parametrize("counts, message", [
    ((float("inf"), 1, 1, 1), "a must be a count >= 0 and at most 1e\\+15, got inf"),
    ((1, float("nan"), 1, 1), "o must be a count >= 0 and at most 1e\\+15, got nan"),
    ((1, 1, [1, float("inf")], 1), "m must be a count >= 0 and at most 1e\\+15, got inf"),
    ((1, 1, 1, 1e16), "i must be a count >= 0 and at most 1e\\+15, got 1e\\+16"),
])
def test_coefficients_refuse_infinite_missing_and_huge_counts(counts, message):
    for coefficient in (better_coefficient, worse_coefficient):
        with pytest.raises(ValueError, match=message):
            coefficient(*counts)


def test_coefficients_refuse_text_counts():
    with pytest.raises(TypeError, match="a must be a count or an array of counts, got '3'"):
        better_coefficient("3", 1, 1, 1)


def test_quadrant_checks_its_inputs_and_leaves_nan_features_without_a_quadrant():
    assert quadrant([0.7, float("nan")], [-0.6, float("nan")]).tolist() == ["O", ""]
    with pytest.raises(ValueError, match="better must not be NaN"):
        quadrant(float("nan"), -0.5)
    with pytest.raises(ValueError, match="worse must be a coefficient from -1 to 1, got -inf"):
        quadrant(0.5, float("-inf"))
    with pytest.raises(ValueError, match="better_split must be a fraction in \\[0, 1\\], got 2"):
        quadrant(0.5, -0.5, better_split=2)


@given(st.integers(0, 500), st.integers(0, 500), st.integers(0, 500), st.integers(0, 500))
@settings(max_examples=200, deadline=None)
def test_coefficient_ranges_and_identity(a, o, m, i):
    if a + o + m + i == 0:
        with pytest.raises(ValueError, match="0/0"):
            better_coefficient(a, o, m, i)
        return
    b, w = better_coefficient(a, o, m, i), worse_coefficient(a, o, m, i)
    assert 0 <= b <= 1 and -1 <= w <= 0
    # Better - Worse = (A + 2·O + M)/(A+O+M+I) counts O twice
    assert b - w == pytest.approx((a + 2 * o + m) / (a + o + m + i))


def test_quadrants():
    assert quadrant(0.7, -0.6) == "O"
    assert quadrant(0.7, -0.1) == "A"
    assert quadrant(0.1, -0.7) == "M"
    assert quadrant(0.1, -0.1) == "I"
    assert quadrant(0.5, -0.5) == "O"  # on the split counts as high
    assert quadrant([0.7, 0.2], [-0.2, -0.2], better_split=0.3).tolist() == ["A", "I"]


# --- analyze ------------------------------------------------------------------------------


def _survey(rows):
    return pd.DataFrame(rows, columns=["respondent", "feature", "functional", "dysfunctional"])


def test_analyze_counts_category_and_coefficients_by_hand():
    # feature x: answers (1,5)=O, (1,3)=A, (3,5)=M, (3,3)=I, (5,1)=R, (1,1)=Q, (2,5)=M
    # counts A1 O1 M2 I1 R1 Q1 -> category M; Better = (1+1)/5 = 0.4; Worse = -(1+2)/5 = -0.6
    rows = [(k, "x", f, d) for k, (f, d) in
            enumerate([(1, 5), (1, 3), (3, 5), (3, 3), (5, 1), (1, 1), (2, 5)])]
    rows += [(0, "y", "like", "neutral"), (1, "y", "我很喜欢", "无所谓"), (2, "y", 3, 3)]
    out = analyze(_survey(rows))
    assert out.index.tolist() == ["x", "y"] and out.index.name == "feature"
    assert out.loc["x", list("AOMIRQ")].tolist() == [1, 1, 2, 1, 1, 1]
    assert out.loc["x", "category"] == "M"
    assert out.loc["x", "better"] == pytest.approx(0.4)
    assert out.loc["x", "worse"] == pytest.approx(-0.6)
    # y: A=2, I=1 -> A; Better = 2/3; Worse = 0
    assert out.loc["y", "category"] == "A"
    assert out.loc["y", "better"] == pytest.approx(2 / 3)
    assert out.loc["y", "worse"] == 0
    assert list(out.columns) == ["A", "O", "M", "I", "R", "Q", "category", "better", "worse"]
    assert all(out[c].dtype == "int64" for c in "AOMIRQ")


def test_analyze_tie_rule_on_a_survey():
    # two M answers and two O answers -> M (M > O)
    rows = [(1, "f", 1, 5), (2, "f", 1, 5), (3, "f", 3, 5), (4, "f", 2, 5)]
    assert analyze(_survey(rows)).loc["f", "category"] == "M"


def test_analyze_only_r_and_q_gives_nan_coefficients():
    out = analyze(_survey([(1, "f", 5, 1), (2, "f", 1, 1)]))
    assert out.loc["f", "category"] == "R"
    assert np.isnan(out.loc["f", "better"]) and np.isnan(out.loc["f", "worse"])


def test_analyze_by_segment():
    frame = _survey([(1, "f", 1, 5), (2, "f", 1, 3), (3, "f", 1, 3)]).assign(seg=["a", "b", "b"])
    out = analyze(frame, by="seg")
    assert out.index.names == ["seg", "feature"]
    assert out.loc[("a", "f"), "category"] == "O" and out.loc[("b", "f"), "A"] == 2


def test_analyze_bad_answer_names_column_and_rows():
    rows = [(1, "f", 1, 5), (2, "f", 7, 3), (3, "f", "x", 3), (4, "f", 1, 3)]
    with pytest.raises(ValueError, match=r"^functional must be an answer 1-5.*got 7 in rows 1, 2$"):
        analyze(_survey(rows))
    rows = [(1, "f", 1, 5), (2, "f", 1, None)]
    with pytest.raises(ValueError, match=r"^dysfunctional must be .*got None in row 1$"):
        analyze(_survey(rows))


def test_analyze_structural_errors():
    with pytest.raises(TypeError, match="^survey must be a pandas DataFrame"):
        analyze([(1, "f", 1, 5)])
    with pytest.raises(ValueError, match="must have the column.*'dysfunctional'"):
        analyze(pd.DataFrame({"respondent": [1], "feature": ["f"], "functional": [1]}))
    with pytest.raises(ValueError, match=r"^feature must be present, got None in row 1$"):
        analyze(_survey([(1, "f", 1, 5), (2, None, 1, 5)]))
    with pytest.raises(ValueError, match=r"^respondent must be answered once per feature.*rows 0, 1$"):
        analyze(_survey([(1, "f", 1, 5), (1, "f", 1, 3)]))
    with pytest.raises(ValueError, match="must have the column.*'seg'"):
        analyze(_survey([(1, "f", 1, 5)]), by="seg")


@given(st.lists(st.tuples(st.sampled_from("uvw"), st.integers(1, 5), st.integers(1, 5)),
                min_size=1, max_size=60))
@settings(max_examples=80, deadline=None)
def test_analyze_properties(answers):
    frame = _survey([(k, feat, f, d) for k, (feat, f, d) in enumerate(answers)])
    out = analyze(frame)
    counts = frame.groupby("feature").size()
    # every answer lands in exactly one category
    assert (out[list("AOMIRQ")].sum(axis=1) == counts.reindex(out.index)).all()
    for feature, row in out.iterrows():
        top = row[list("AOMIRQ")].max()
        assert row[row["category"]] == top  # the category is a most frequent one
        tied = [c for c in "AOMIRQ" if row[c] == top]
        assert row["category"] == min(tied, key="MOAIRQ".index)
        # brute force of the coefficients from the pairs themselves
        mine = frame[frame["feature"] == feature]
        cats = [PUBLISHED[f][d - 1] for f, d in zip(mine["functional"], mine["dysfunctional"])]
        n = sum(c in "AOMI" for c in cats)
        if n:
            assert row["better"] == pytest.approx(sum(c in "AO" for c in cats) / n)
            assert row["worse"] == pytest.approx(-sum(c in "OM" for c in cats) / n)


# --- quadrant chart (presentation) --------------------------------------------------------


def test_quadrant_chart_data_and_splits():
    from ccskills.kano_charts import quadrant_chart, quadrant_data

    rows = [(1, "x", 1, 5), (2, "x", 3, 5), (1, "y", 1, 3), (2, "y", 3, 3), (1, "z", 5, 1)]
    result = analyze(_survey(rows))
    data = quadrant_data(result, {"x": "功能X"}, lang="zh")
    # z has only an R answer: no coefficients, not drawn
    assert data["feature"].tolist() == ["x", "y"]
    assert data["label"].tolist() == ["功能X", "y"]
    # x: O and M -> Better 1/2, |Worse| 2/2; y: A and I -> Better 1/2, |Worse| 0
    assert data["better"].tolist() == pytest.approx([0.5, 0.5])
    assert data["abs_worse"].tolist() == pytest.approx([1.0, 0.0])
    spec = quadrant_chart(result, lang="en", split="mean").to_dict()
    assert spec["title"] == "Kano quadrants: Better against |Worse|"
    assert spec["layer"][0]["encoding"]["x"]["datum"] == pytest.approx(0.5)  # mean |Worse|
    with pytest.raises(ValueError, match="^split must be"):
        quadrant_chart(result, split=2)
    with pytest.raises(ValueError, match="^lang must be"):
        quadrant_chart(result, lang="de")


def test_invalid_answers_marks_every_bad_one():
    values = ["like", "7", "我不喜欢", None, 3, 0, "must be", ""]
    assert kano.invalid_answers(values).tolist() == [False, True, False, True, False, True, False, True]


def test_quadrant_chart_without_coefficients_has_no_nan():
    import json

    from ccskills.kano_charts import quadrant_chart

    result = analyze(_survey([(1, "z", 5, 1), (2, "z", 1, 1)]))  # only R and Q answers
    spec = json.dumps(quadrant_chart(result, split="mean").to_dict())
    assert "NaN" not in spec


def test_category_margin_by_hand():
    # same_agent in the kit survey: A 106, I 104 of 300 answers -> (106 - 104)/300
    r = pd.DataFrame({"A": [106, 0, 3], "O": [43, 0, 0], "M": [25, 0, 0], "I": [104, 0, 1],
                      "R": [13, 0, 0], "Q": [9, 0, 0]}, index=["same_agent", "none", "clear"])
    margin = kano.category_margin(r)
    assert margin["same_agent"] == pytest.approx(2 / 300)
    assert np.isnan(margin["none"])
    assert margin["clear"] == pytest.approx(2 / 4)
    with pytest.raises(ValueError, match="must have the column"):
        kano.category_margin(r.drop(columns="Q"))


def test_survey_from_wide_matches_the_long_table():
    wide = pd.DataFrame({
        "受访者": ["r1", "r2"], "seg": ["a", "b"],
        "callback_functional": [1, 3], "callback_dysfunctional": ["5", "3"],
        "问候-正向题": ["理应如此", 1], "问候-反向题": ["我很不喜欢", 1],
        "ivr 具备": [2, 2], "ivr 不具备": [5, 4], "note": ["x", "y"],
    })
    long = kano.survey_from_wide(wide, respondent="受访者", keep=["seg"])
    assert list(long.columns) == ["respondent", "feature", "functional", "dysfunctional", "seg"]
    # respondent by respondent, features in column order
    assert long[["respondent", "feature"]].values.tolist() == [
        ["r1", "callback"], ["r1", "问候"], ["r1", "ivr"], ["r2", "callback"], ["r2", "问候"], ["r2", "ivr"]]
    out = analyze(long)
    # callback: (1,5)=O, (3,3)=I; 问候: (2,5)=M, (1,1)=Q; ivr: (2,5)=M, (2,4)=I
    assert out.loc["callback", list("AOMIRQ")].tolist() == [0, 1, 0, 1, 0, 0]
    assert out.loc["问候", list("AOMIRQ")].tolist() == [0, 0, 1, 0, 0, 1]
    assert out.loc["ivr", "category"] == "M"  # tie M/I -> M
    assert kano.survey_from_wide(wide.drop(columns="受访者"))["respondent"].tolist()[:3] == [1, 1, 1]


def test_survey_from_wide_errors():
    with pytest.raises(ValueError, match="^frame must have column pairs"):
        kano.survey_from_wide(pd.DataFrame({"callback_functional": [1]}))
    with pytest.raises(TypeError, match="^frame must be a pandas DataFrame"):
        kano.survey_from_wide({"a_functional": [1]})
    with pytest.raises(ValueError, match="must have the column"):
        kano.survey_from_wide(pd.DataFrame({"a_正向": [1], "a_反向": [5]}), respondent="id")


def test_invalid_answers_with_missing_values_and_look_alikes():
    values = [1, np.nan, "like", np.nan, None, True, 1.0, np.float64(2), np.int64(5), pd.NA, False]
    assert kano.invalid_answers(values).tolist() == [
        False, True, False, True, True, True, False, False, False, True, True]
