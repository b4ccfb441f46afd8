"""Tier 2: the pre-test and post-test (课前测 / 课后测), parallel forms over the nine learning goals.

Every item is a workbook question (one source: same expected value, hints and mistakes); the
two forms pair item by item on the same goal and the same kind of task; scores come per goal.
The generic checks of every no-code question (right, wrong, mistakes, junk) run over these
items too, in tests/test_no_code.py, because ``no_code_questions()`` includes them.
"""

from __future__ import annotations

import pytest

from ccskills.exercises import no_code_set
from ccskills.exercises.assessments import GOALS, PAIRS, POSTTEST, PRETEST, goal_of, score_by_goal

FORMS = {"pretest": PRETEST, "posttest": POSTTEST}


@pytest.mark.parametrize("form", FORMS.values(), ids=FORMS)
def test_form_has_20_to_25_items_over_all_nine_goals(form):
    assert 20 <= len(form.questions) <= 25
    assert {goal_of(form.name, q.id) for q in form.questions} == set(GOALS) == set(range(1, 10))
    assert all(q.set == form.name for q in form.questions)


def test_forms_are_parallel_and_do_not_share_an_item():
    pre = [(s, i) for _, (s, i), _ in PAIRS]
    post = [(s, i) for _, _, (s, i) in PAIRS]
    assert not set(pre) & set(post)
    for (goal, _, _), a, b in zip(PAIRS, PRETEST.questions, POSTTEST.questions):
        assert goal_of("pretest", a.id) == goal_of("posttest", b.id) == goal
        assert (a.kind == "number") == (b.kind == "number"), (a.id, b.id)  # same kind of task


@pytest.mark.parametrize("column", [1, 2])
def test_items_are_the_workbooks_questions(column):
    form = PRETEST if column == 1 else POSTTEST
    for pair, item in zip(PAIRS, form.questions):
        set_name, question_id = pair[column]
        source = next(q for q in no_code_set(set_name).questions if q.id == question_id)
        assert item.expected is source.expected and item.mistakes == source.mistakes
        assert item.answer == source.answer
        assert all(g.startswith(f"{set_name}:") for g in item.givens)
        assert all(any(g == given.id for given in form.givens) for g in item.givens)


def test_score_by_goal_counts_right_answers_and_survives_junk():
    right = {q.id: q.answer for q in PRETEST.questions}
    full = score_by_goal("pretest", right)
    assert full["share"].eq(1.0).all() and int(full["items"].sum()) == len(PRETEST.questions)
    junk = score_by_goal("pretest", {"p01": None, "p02": "abc", "p05": [1, 2], "zz": 3})
    assert int(junk["correct"].sum()) == 0
    empty = score_by_goal("posttest", None, lang="en")
    assert list(empty.index) == list(range(1, 10)) and empty["learning_goal"].iloc[0] == GOALS[1].en


def test_unknown_form_is_refused():
    with pytest.raises(ValueError, match="form must be 'pretest' or 'posttest'"):
        score_by_goal("midterm", {})
