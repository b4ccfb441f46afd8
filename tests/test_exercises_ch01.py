"""Tier 2: the chapter 01 problem set (without Kano) and its exercise notebook.

Every question grades its own solution as correct, an untouched answer as not
attempted and each typical mistake with that mistake's feedback (``verify``). The
notebook is then run in-process, untouched (every check says "not attempted") and
with each solution filled in (every check says "correct"), which proves that the
notebook's givens are the questions' givens. Expected values come from the kit's
functions at check time (``ccskills.exercises.ch01``); the trainer note must quote
them.
"""

from __future__ import annotations

import numbers
from pathlib import Path

import nbformat
import pytest

from ccskills.exercises import EqualityQuestion, Status, ThoughtExperiment, evaluate, verify
from ccskills.exercises import ch01

ROOT = Path(__file__).resolve().parents[1]
CHAPTER = ROOT / "course" / "01_performance_foundations"
NOTEBOOK = CHAPTER / "exercises.ipynb"
CHECKED = [q for q in ch01.QUESTIONS if q.names()]


@pytest.mark.parametrize("question", ch01.QUESTIONS, ids=lambda q: f"q{ch01.QUESTIONS.index(q) + 1}")
def test_question_grades_itself(question):
    verify(question)


def test_problem_set_covers_the_chapter():
    assert len(CHECKED) >= 8
    assert len(ch01.PROBLEMS.views) == len(ch01.QUESTIONS)
    assert any(isinstance(q, ThoughtExperiment) for q in ch01.QUESTIONS)


@pytest.mark.parametrize("question", CHECKED, ids=lambda q: f"q{ch01.QUESTIONS.index(q) + 1}")
def test_question_has_hints_solution_and_a_named_mistake(question):
    assert question.hints and question.solution
    assert question.mistakes, "every checked question names at least one typical mistake"
    assert all(m.feedback.strip() for m in question.mistakes)


@pytest.mark.parametrize("question", CHECKED, ids=lambda q: f"q{ch01.QUESTIONS.index(q) + 1}")
def test_expected_values_are_computed_not_pasted(question):
    assert isinstance(question, EqualityQuestion)
    assert all(callable(value) for value in question.expected.values())


# ---------------------------------------------------------------- the notebook
def notebook_code() -> list[str]:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    return [cell.source for cell in nb.cells if cell.cell_type == "code"]


@pytest.fixture(scope="module")
def untouched():
    """The exercise notebook's namespace after running every code cell, answers untouched."""
    namespace: dict = {"__name__": "__main__"}
    for source in notebook_code():
        exec(compile(source, str(NOTEBOOK), "exec"), namespace)
    yield namespace
    ch01.PROBLEMS.namespace = None


def test_untouched_notebook_reports_not_attempted(untouched):
    for view in ch01.PROBLEMS.views:
        if not view.question.names():
            continue
        assert view.last_outcome is not None, f"q{view.number}.check() is not called"
        assert view.last_outcome.status is Status.NOT_ATTEMPTED, view.last_outcome


@pytest.mark.parametrize("question", CHECKED, ids=lambda q: f"q{ch01.QUESTIONS.index(q) + 1}")
def test_solution_in_the_notebook_is_correct(untouched, question):
    namespace = dict(untouched)
    exec(compile(question.solution, "<solution>", "exec"), namespace)
    outcome = evaluate(question, namespace)
    assert outcome.status is Status.CORRECT, outcome


@pytest.mark.parametrize("question", CHECKED, ids=lambda q: f"q{ch01.QUESTIONS.index(q) + 1}")
def test_notebook_shows_the_questions_givens_verbatim(question):
    code = "\n".join(notebook_code())
    missing = [line for line in question.setup.splitlines() if line.strip() and line not in code]
    assert not missing, f"lines of {question.title!r} setup not in the notebook: {missing}"


def test_notebook_stores_no_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert not any(cell.get("outputs") for cell in nb.cells if cell.cell_type == "code")


# ---------------------------------------------------------------- the trainer note
def shown(value) -> str:
    """How the trainer note writes an answer: text as such, whole numbers as such, 10,000 and
    more rounded to a whole number, others to 4 significant digits."""
    if isinstance(value, str):
        return value
    if abs(float(value)) >= 10_000:
        return str(round(float(value)))
    if isinstance(value, numbers.Integral) or float(value).is_integer():
        return str(int(value))
    return format(float(value), ".4g")


@pytest.mark.parametrize("question", CHECKED, ids=lambda q: f"q{ch01.QUESTIONS.index(q) + 1}")
def test_trainer_note_quotes_every_answer(question):
    note = (CHAPTER / "trainer_note.md").read_text(encoding="utf-8")
    for name, value in question.expected_values.items():
        assert f"`{name}` = {shown(value)}" in note, f"{name} = {shown(value)} not in the note"
