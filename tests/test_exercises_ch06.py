"""Tier 2: the chapter 06 problem set (coaching) and its exercise notebook.

Every question grades its own solution as correct, an untouched answer as not
attempted and each typical mistake with that mistake's feedback (``verify``). The
notebook is run in-process, untouched and with each solution filled in. A few
answers are also worked by hand here (GROW minutes, the straight-line path).
"""

from __future__ import annotations

import numbers
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from ccskills.exercises import EqualityQuestion, Status, ThoughtExperiment, evaluate, verify
from ccskills.exercises import ch06 as chapter

ROOT = Path(__file__).resolve().parents[1]
CHAPTER = ROOT / "course" / "06_coaching"
NOTEBOOK = CHAPTER / "exercises.ipynb"
CHECKED = [q for q in chapter.QUESTIONS if q.names()]


def qid(question) -> str:
    return f"q{chapter.QUESTIONS.index(question) + 1}"


@pytest.mark.parametrize("question", chapter.QUESTIONS, ids=qid)
def test_question_grades_itself(question):
    verify(question)


def test_problem_set_size():
    assert len(CHECKED) >= 6
    assert len(chapter.PROBLEMS.views) == len(chapter.QUESTIONS)
    assert any(isinstance(q, ThoughtExperiment) for q in chapter.QUESTIONS)


@pytest.mark.parametrize("question", CHECKED, ids=qid)
def test_question_has_hints_solution_and_a_named_mistake(question):
    assert question.hints and question.solution
    assert question.mistakes and all(m.feedback.strip() for m in question.mistakes)
    if isinstance(question, EqualityQuestion):
        assert all(callable(value) for value in question.expected.values())


def test_answers_worked_by_hand():
    # 40 min x (10, 40, 30, 20) % = 4, 16, 12, 8
    assert chapter.AGENDA.expected_values["grow_minutes"].tolist() == [4.0, 16.0, 12.0, 8.0]
    # 0.51 + (0.63 - 0.51) x 14/28 = 0.57
    assert chapter.EXPECTED_PATH.expected_values["expected_apr15"] == pytest.approx(0.57)
    # path 0.54, 0.57, 0.60, 0.63; behind 0.01, 0.03, 0, -0.01; tolerance 0.012 -> one off track
    assert chapter.OFF_TRACK.expected_values["n_off_track"] == 1
    # plan: 330 s beyond the best quarter (about 353 s), 213 days > 92
    assert chapter.FAILED_LETTERS.expected_values["failed_letters"] == ("A", "T")


def test_fix_plan_feedback_names_the_failing_letter():
    namespace = chapter.FIX_PLAN.solution_namespace()
    from dataclasses import replace
    namespace["fixed_plan"] = replace(namespace["plan"], target=300, due="2026-05-31")
    outcome = evaluate(chapter.FIX_PLAN, namespace)
    assert outcome.status is Status.INCORRECT and "可达成" in outcome.message
    namespace["fixed_plan"] = "420 秒"
    assert evaluate(chapter.FIX_PLAN, namespace).status is Status.INCORRECT


def notebook_code() -> list[str]:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    return [cell.source for cell in nb.cells if cell.cell_type == "code"]


@pytest.fixture(scope="module")
def untouched():
    namespace: dict = {"__name__": "__main__"}
    for source in notebook_code():
        exec(compile(source, str(NOTEBOOK), "exec"), namespace)
    yield namespace
    chapter.PROBLEMS.namespace = None


def test_untouched_notebook_reports_not_attempted(untouched):
    for view in chapter.PROBLEMS.views:
        if view.question.names():
            assert view.last_outcome is not None, f"q{view.number}.check() is not called"
            assert view.last_outcome.status is Status.NOT_ATTEMPTED, view.last_outcome


@pytest.mark.parametrize("question", CHECKED, ids=qid)
def test_solution_in_the_notebook_is_correct(untouched, question):
    namespace = dict(untouched)
    exec(compile(question.solution, "<solution>", "exec"), namespace)
    outcome = evaluate(question, namespace)
    assert outcome.status is Status.CORRECT, outcome


@pytest.mark.parametrize("question", CHECKED, ids=qid)
def test_notebook_shows_the_questions_givens_verbatim(question):
    code = "\n".join(notebook_code())
    missing = [line for line in question.setup.splitlines() if line.strip() and line not in code]
    assert not missing, f"lines of {question.title!r} setup not in the notebook: {missing}"


def test_notebook_stores_no_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert not any(cell.get("outputs") for cell in nb.cells if cell.cell_type == "code")


def shown(value) -> str:
    """How the trainer note writes an answer: text quoted, sequences bracketed, numbers to 4 digits."""
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(shown(v) for v in value) + "]"
    if isinstance(value, pd.Series):
        return ", ".join(f"{k} {shown(v)}" for k, v in value.items())
    if isinstance(value, numbers.Integral) or float(value).is_integer():
        return str(int(value))
    return format(float(value), ".4g")


@pytest.mark.parametrize("question", [q for q in CHECKED if isinstance(q, EqualityQuestion)], ids=qid)
def test_trainer_note_quotes_every_answer(question):
    note = (CHAPTER / "trainer_note.md").read_text(encoding="utf-8")
    for name, value in question.expected_values.items():
        assert f"`{name}` = {shown(value)}" in note, f"{name} = {shown(value)} not in the note"
