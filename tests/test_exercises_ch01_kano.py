"""Tier 2: the chapter 01 Kano problem set and its exercise notebook.

Every question grades its own solution as correct, an untouched answer as not
attempted and each typical mistake with that mistake's feedback (``verify``). The
notebook is run in-process, untouched (every check says "not attempted") and with
each solution filled in (every check says "correct"). Expected values come from
``ccskills.kano`` at check time; the trainer note must quote them.
"""

from __future__ import annotations

import numbers
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from ccskills.exercises import EqualityQuestion, Status, ThoughtExperiment, evaluate, verify
from ccskills.exercises import ch01_kano as chapter

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "course" / "01_performance_foundations"
NOTEBOOK = FOLDER / "exercises_kano.ipynb"
NOTE = FOLDER / "trainer_note_kano.md"
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
    assert isinstance(question, EqualityQuestion)
    assert all(callable(value) for value in question.expected.values())


def test_answers_are_the_published_table_and_the_designed_data():
    # evaluation table (domain.md §3): like/live-with = A, must-be/dislike = M
    assert chapter.PAIR.expected_values == {"cat_1": "A", "cat_2": "M"}
    # hours_24x7 counts A 59, O 114, M 62, I 50 (datasets/kano/README.md design, test_datasets_kano):
    # Better = 173/285, Worse = -176/285
    assert chapter.COEFFICIENTS.expected_values["better_24x7"] == pytest.approx(173 / 285)
    assert chapter.COEFFICIENTS.expected_values["worse_24x7"] == pytest.approx(-176 / 285)
    assert chapter.QUADRANT.expected_values["disagree"] == ["marketing_sms"]


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
    """How the trainer note writes an answer: text quoted, numbers to 4 significant digits."""
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list):
        return "[" + ", ".join(shown(v) for v in value) + "]"
    if isinstance(value, numbers.Integral) or float(value).is_integer():
        return str(int(value))
    return format(float(value), ".4g")


@pytest.mark.parametrize("question", CHECKED, ids=qid)
def test_trainer_note_quotes_every_answer(question):
    note = NOTE.read_text(encoding="utf-8")
    for name, value in question.expected_values.items():
        if isinstance(value, pd.DataFrame):
            continue
        assert f"`{name}` = {shown(value)}" in note, f"{name} = {shown(value)} not in the note"
