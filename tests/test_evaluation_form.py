"""The course evaluation form: the response's checks, the summary's arithmetic, the page headless, the print.

Expected means and counts are worked by hand from the few responses written here.
"""

from __future__ import annotations

import io
import math
import sys
import subprocess

import pytest

from ccskills.assessment_forms import (AREAS, COMMENT_QUESTIONS, EVALUATION_ITEMS, LIKERT_LABELS,
                                       EvaluationResponse, summarize_evaluations)

IDS = [item.id for item in EVALUATION_ITEMS]


def rated(value_or_map, **comments) -> EvaluationResponse:
    ratings = value_or_map if isinstance(value_or_map, dict) else {i: value_or_map for i in IDS}
    return EvaluationResponse(ratings, comments)


# ---------------------------------------------------------------- the form's content
def test_form_covers_content_pace_trainer_relevance_in_both_languages():
    assert list(AREAS) == ["content", "pace", "trainer", "relevance"]
    assert {item.area for item in EVALUATION_ITEMS} == set(AREAS)
    assert len(set(IDS)) == len(IDS) >= 8
    for item in EVALUATION_ITEMS:
        assert item.text("zh") != item.text("en") and item.text("en").isascii()
    assert list(LIKERT_LABELS) == [1, 2, 3, 4, 5]
    assert LIKERT_LABELS[1] == ("非常不同意", "Strongly disagree") and LIKERT_LABELS[5][1] == "Strongly agree"
    assert set(COMMENT_QUESTIONS) == {"most_useful", "improve"}


# ---------------------------------------------------------------- a response
@pytest.mark.parametrize("ratings, comments, message", [
    ({"nonsense": 3}, {}, "ratings must use the form's item ids, got 'nonsense'"),
    ({"pace_right": 6}, {}, "ratings['pace_right'] must be 1, 2, 3, 4 or 5, got 6"),
    ({"pace_right": 0}, {}, "ratings['pace_right'] must be 1, 2, 3, 4 or 5, got 0"),
    ({"pace_right": "4"}, {}, "ratings['pace_right'] must be 1, 2, 3, 4 or 5, got '4'"),
    ({"pace_right": True}, {}, "ratings['pace_right'] must be 1, 2, 3, 4 or 5, got True"),
    ({}, {"other": "x"}, "comments must use the form's question ids, got 'other'"),
    ({}, {"improve": 5}, "comments['improve'] must be text, got 5"),
])
def test_bad_responses_are_refused_naming_the_field(ratings, comments, message):
    with pytest.raises(ValueError) as err:
        EvaluationResponse(ratings, comments)
    assert str(err.value) == message


def test_missing_lists_the_unrated_items_in_order():
    assert rated({"pace_right": 3, "content_clear": None}).missing() == [i for i in IDS if i != "pace_right"]
    assert rated(5).missing() == []


# ---------------------------------------------------------------- the summary
def test_means_distribution_and_areas_by_hand():
    responses = [
        rated(5, most_useful="Erlang 计算器", improve="  "),
        rated({**{i: 4 for i in IDS}, "pace_right": 2}),
        rated({**{i: 3 for i in IDS}, "pace_right": None}, improve="练习时间再长一点"),
    ]
    summary = summarize_evaluations(responses)
    items = summary.items
    assert summary.responses == 3
    assert list(items.index) == IDS
    assert items.loc["content_clear", "mean"] == pytest.approx(4.0)  # (5 + 4 + 3) / 3
    assert items.loc["pace_right", "n"] == 2  # one skipped
    assert items.loc["pace_right", "mean"] == pytest.approx(3.5)  # (5 + 2) / 2
    assert items.loc["pace_right", [1, 2, 3, 4, 5]].tolist() == [0, 1, 0, 0, 1]
    assert items.loc["content_clear", [1, 2, 3, 4, 5]].tolist() == [0, 0, 1, 1, 1]
    assert (items[[1, 2, 3, 4, 5]].sum(axis=1) == items["n"]).all()
    # pace: pace_right 5, 2 and practice_time 5, 4, 3 -> 19 / 5
    assert summary.areas.loc["pace", "mean"] == pytest.approx(19 / 5)
    assert summary.areas.loc["pace", "n"] == 5
    assert summary.areas.loc["trainer", "mean"] == pytest.approx(4.0)
    assert summary.comments["text"].tolist() == ["Erlang 计算器", "练习时间再长一点"]  # blank dropped
    assert summary.comments["question_id"].tolist() == ["most_useful", "improve"]


def test_summary_language_and_empty_class():
    en = summarize_evaluations([rated(4, improve="more practice")], lang="en")
    assert en.items.loc["will_apply", "item"].startswith("I will use")
    assert en.areas.loc["content", "area_name"] == "Content"
    assert en.comments["question"].tolist() == ["What should be improved first?"]
    empty = summarize_evaluations([])
    assert empty.responses == 0 and (empty.items["n"] == 0).all()
    assert math.isnan(empty.items.loc["pace_right", "mean"]) and math.isnan(empty.areas.loc["pace", "mean"])
    assert empty.comments.empty


def test_summary_refuses_what_is_not_a_response():
    with pytest.raises(ValueError, match=r"^responses\[1\] must be an EvaluationResponse, got \{"):
        summarize_evaluations([rated(3), {"pace_right": 3}])
    with pytest.raises(ValueError, match=r"^lang must be 'zh' or 'en', got 'fr'"):
        summarize_evaluations([], lang="fr")


# ---------------------------------------------------------------- the page, headless
from ccskills.assessment_forms.page import build_evaluation_form  # noqa: E402


def fill(page, value=4) -> None:
    for scale in page.ratings.values():
        scale.value = value


def test_page_submits_a_complete_form_to_memory_and_the_recorder():
    seen = []
    page = build_evaluation_form(recorder=seen.append)
    fill(page, 4)
    page.ratings["pace_right"].value = 2
    page.comments["improve"].value = "节奏再慢一点"
    page.name.value = " 张三 "
    response = page.submit()
    assert response is not None and page.responses == [response] and seen == [response]
    assert response.ratings["pace_right"] == 2 and response.respondent == "张三"
    assert "已提交" in page.status.value
    summary = summarize_evaluations(page.responses)
    assert summary.items.loc["pace_right", "mean"] == 2 and summary.comments["text"].tolist() == ["节奏再慢一点"]


def test_page_names_the_unrated_statements_and_records_nothing():
    seen = []
    page = build_evaluation_form(recorder=seen.append)
    fill(page, 5)
    page.ratings["trainer_clear"].value = None
    assert page.submit() is None
    number = IDS.index("trainer_clear") + 1
    assert f"还有 1 项没有打分：{number}" in page.status.value
    assert page.responses == [] and seen == []


def test_a_failing_recorder_does_not_break_the_page():
    def broken(response):
        raise RuntimeError("store is down")

    page = build_evaluation_form(recorder=broken)
    fill(page, 3)
    assert page.submit() is not None and len(page.responses) == 1


def test_language_switch_relabels_and_keeps_the_ratings():
    page = build_evaluation_form()
    page.ratings["will_apply"].value = 5
    assert page.ratings["will_apply"].options[4][0] == "5 非常同意"
    page.language.value = "en"
    assert page.submit_button.description == "Submit"
    assert page.ratings["will_apply"].value == 5
    assert page.ratings["will_apply"].options[0][0] == "1 Strongly disagree"
    assert "strongly disagree" in page.intro.value and "I will use" in page.prompts["will_apply"].value


def test_package_import_stays_cheap():
    code = ("import sys, ccskills.assessment_forms; "
            "print([m for m in ('ipywidgets', 'reportlab', 'altair') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ---------------------------------------------------------------- the printable form
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_printable_form_has_every_statement_on_one_a4_page(lang):
    import pypdf
    from ccskills.assessment_forms import evaluation_form_pdf

    reader = pypdf.PdfReader(io.BytesIO(evaluation_form_pdf(lang)))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx((595.28, 841.89), abs=0.1)
    shown = page.extract_text().replace(" ", "").replace("\n", "")
    for item in EVALUATION_ITEMS:
        assert item.text(lang).replace(" ", "") in shown
    for words in COMMENT_QUESTIONS.values():
        assert words[1 if lang == "en" else 0].replace(" ", "") in shown
    assert ("课程评估表" if lang == "zh" else "Courseevaluation") in shown
