"""Tier 2: every no-code question (``ccskills.exercises.no_code_questions()``), the contract of issue 10.

For each question: its own answer is correct; a wrong value is incorrect; each declared typical
mistake is incorrect with *that* mistake's feedback in both languages; junk (None, "", text in
a number box, lists, NaN, objects) is "not attempted" or incorrect and never raises; every text
a trainee can see is bilingual and has no code. Numbers re-use the code track's declarations:
the expected value is the code question's own callable (scaled to the unit shown), so the two
tracks cannot drift apart.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pandas as pd
import pytest

from ccskills.exercises import (NO_CODE_SETS, NoCodeQuestion, Status, ch01, ch01_kano, ch02, ch03, ch04, ch05,
                                ch06, ch07, ch07_system, ch08, no_code_questions, no_code_set)
from ccskills.exercises._no_code import is_plain

QUESTIONS = no_code_questions()
JUNK = [None, "", "   ", "abc", "1/0", "12 people", [], [1, 2], {"a": 1}, (), float("nan"), math.inf,
        -math.inf, True, object(), b"12", np.array([1.0, 2.0]), "选项 Z", ["不存在的选项"]]


def qid(question: NoCodeQuestion) -> str:
    return f"{question.set}-{question.id}"


def test_the_sets_are_registered_and_large_enough():
    assert set(NO_CODE_SETS) >= {"ch01_kano", "ch02", "ch03", "ch05"}
    per_set = Counter(q.set for q in QUESTIONS)
    assert all(per_set[name] >= 10 for name in NO_CODE_SETS), per_set
    for name in [n for n in NO_CODE_SETS if n not in ("pretest", "posttest")]:  # code track + 5-10 interpretation
        questions = no_code_set(name).questions
        from_code = sum(1 for q in questions if q.source is not None)
        interpretation = sum(1 for q in questions if q.source is None and q.kind != "number")
        assert from_code >= 5 and 5 <= interpretation <= 10, (name, from_code, interpretation)


def test_ids_are_unique_within_a_set():
    pairs = [(q.set, q.id) for q in QUESTIONS]
    assert len(pairs) == len(set(pairs))


def test_titles_are_unique_within_a_set():
    for name in NO_CODE_SETS:
        titles = [q.title for q in no_code_set(name).questions]
        assert len(titles) == len(set(titles)), Counter(titles).most_common(2)
        titles_en = [q.title_en for q in no_code_set(name).questions]
        assert len(titles_en) == len(set(titles_en)), Counter(titles_en).most_common(2)


def test_unknown_set_is_refused_naming_the_known_ones():
    with pytest.raises(ValueError, match=r"name must be one of \['ch01', 'ch01_kano', 'ch02', 'ch03', 'ch04', 'ch05', 'ch06', 'ch07', 'ch07_system', 'ch08', 'posttest', 'pretest'"):
        no_code_set("ch99")


@pytest.mark.parametrize("question", QUESTIONS, ids=qid)
def test_contract_fields(question):
    assert question.kind in ("number", "choice", "multiple")
    if question.kind == "number":
        assert question.options == () and isinstance(question.answer, float)
    elif question.kind == "choice":
        assert question.answer in question.options
    else:
        assert isinstance(question.answer, tuple) and set(question.answer) <= set(question.options)
        assert question.answer


@pytest.mark.parametrize("question", QUESTIONS, ids=qid)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_answer_is_correct(question, lang):
    outcome = question.check(question.answer, lang=lang)
    assert outcome.correct and outcome.status is Status.CORRECT, outcome
    assert outcome.feedback == ("正确！" if lang == "zh" else "Correct!")


@pytest.mark.parametrize("question", [q for q in QUESTIONS if q.kind == "number"], ids=qid)
def test_number_answers_as_typed_text_are_correct(question):
    shown = question.answer_text("zh").split()[0]  # the rounded number the page's answer shows
    assert question.check(shown).correct, shown
    if question.unit.zh == "%":
        assert question.check(shown + "%").correct


@pytest.mark.parametrize("question", QUESTIONS, ids=qid)
def test_a_wrong_value_is_incorrect(question):
    if question.kind == "number":
        wrong = question.answer * 1.37 + 3
    elif question.kind == "choice":
        wrong = next(o for o in question.options if o != question.answer)
    else:
        wrong = question.answer[:-1] or question.options
    outcome = question.check(wrong)
    assert outcome.status is Status.INCORRECT and not outcome.correct, outcome
    assert outcome.feedback and is_plain(outcome.feedback), outcome.feedback


@pytest.mark.parametrize("question", QUESTIONS, ids=qid)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_mistake_gets_its_feedback(question, lang):
    for mistake in question.mistakes:
        outcome = question.check(question.mistake_values(mistake)["answer"], lang=lang)
        assert outcome.status is Status.INCORRECT, (mistake.feedback, outcome)
        assert outcome.mistake is mistake and outcome.feedback == mistake.in_language(lang), outcome


@pytest.mark.parametrize("question", QUESTIONS, ids=qid)
def test_junk_never_raises(question):
    for junk in JUNK:
        for lang in ("zh", "en", "fr", None, 3):
            outcome = question.check(junk, lang=lang)
            assert outcome.status in (Status.NOT_ATTEMPTED, Status.INCORRECT), (junk, outcome)
            assert not outcome.correct and isinstance(outcome.feedback, str) and outcome.feedback
            assert is_plain(outcome.feedback), (junk, outcome.feedback)


@pytest.mark.parametrize("question", QUESTIONS, ids=qid)
def test_blank_is_not_attempted(question):
    for blank in (None, "", "  ", [] if question.kind == "multiple" else None):
        assert question.check(blank).status is Status.NOT_ATTEMPTED


@pytest.mark.parametrize("question", QUESTIONS, ids=qid)
def test_text_is_bilingual_plain_and_explained(question):
    assert question.title and question.title_en
    assert question.prompt.zh and question.prompt.en
    assert question.hints and len(question.hints) == len(question.hints_en)
    assert question.explanation and question.explanation_en
    assert all(m.feedback and m.feedback_en for m in question.mistakes)
    assert all(c.zh and c.en for c in question.choices)
    assert [t for t in question.shown_texts() if not is_plain(t)] == []


@pytest.mark.parametrize("question", QUESTIONS, ids=qid)
def test_typical_mistake_declared_where_one_exists(question):
    assert question.mistakes, "every no-code question names at least one typical mistake"


FROM_CODE = [q for q in QUESTIONS if q.source is not None]
NUMBERS_FROM_CODE = [q for q in FROM_CODE if q.kind == "number"]
CATEGORIES_FROM_CODE = [q for q in FROM_CODE if q.kind == "choice"]


def test_answers_come_from_the_code_track():
    assert len(NUMBERS_FROM_CODE) >= 30 and len(CATEGORIES_FROM_CODE) >= 4
    code_track = {q for chapter in (ch01, ch01_kano, ch02, ch03, ch04, ch05, ch06, ch07, ch07_system, ch08) for q in chapter.QUESTIONS}
    assert {q.source for q in FROM_CODE} <= code_track


@pytest.mark.parametrize("question", CATEGORIES_FROM_CODE, ids=qid)
def test_category_is_the_code_tracks_expected_value(question):
    # the option stands for the code track's categorical answer ("A", "quality", …), the only label showing it
    values = [v for v in question.source.expected_values.values() if isinstance(v, str)]
    assert any([o for o in question.options if v in o] == [question.answer] for v in values), (question.answer, values)


@pytest.mark.parametrize("question", NUMBERS_FROM_CODE, ids=qid)
def test_number_equals_the_code_tracks_expected_value(question):
    # the same callable, scaled to the unit shown (100 for percent): one source, two tracks
    code_values = [x for v in question.source.expected_values.values()
                   for x in (v.tolist() if isinstance(v, pd.Series) else [v])]
    scale = 100.0 if question.unit.zh == "%" else 1.0
    assert any(math.isclose(question.answer, float(v) * scale, rel_tol=1e-12)
               for v in code_values if isinstance(v, (int, float, np.number)))


@pytest.mark.parametrize("question", NUMBERS_FROM_CODE, ids=qid)
def test_code_track_mistakes_keep_their_wrong_values(question):
    code_feedback = {m.feedback for m in question.source.mistakes}
    reused = [m for m in question.mistakes if m.feedback in code_feedback]
    for mistake in reused:
        original = next(m for m in question.source.mistakes if m.feedback == mistake.feedback)
        assert callable(mistake.wrong) or mistake.wrong is original.wrong


def test_tolerance_is_the_rounding_asked_for():
    q = next(q for q in QUESTIONS if q.id == "sl_offered")  # percent, one decimal
    assert q.check(round(q.answer, 1)).correct and q.check(q.answer + 0.049).correct
    assert not q.check(q.answer + 0.06).correct
    exact = next(q for q in QUESTIONS if q.id == "agents_80_20")  # whole agents: code track's tolerance
    assert exact.check(exact.answer).correct and not exact.check(exact.answer + 0.4).correct


def test_multiple_choice_ignores_order_and_names_what_is_missing():
    q = next(q for q in QUESTIONS if q.kind == "multiple")
    assert q.check(list(reversed(q.answer))).correct
    outcome = q.check(q.answer[:1], lang="en")
    assert not outcome.correct and "not ticked" in outcome.feedback


def test_english_labels_are_accepted_for_choices():
    q = next(q for q in QUESTIONS if q.kind == "choice")
    english = dict((label, text) for text, label in q.choice_labels("en"))[q.answer]
    assert q.check(english).correct
