"""The tier-2 tests every chapter's problem set gets, written once.

A chapter's test file calls :func:`exercise_suite` and puts the returned tests and fixture
into its namespace (``globals().update(...)``), then adds what is special to the chapter.
The suite checks that

* every question grades its own solution as correct, an untouched answer as not attempted
  and each typical mistake with that mistake's feedback (``verify``);
* every checked question has hints, a solution and at least one named mistake, and computes
  its expected values from the givens (callables, never pasted numbers);
* the exercise notebook, run in-process untouched, reports "not attempted" everywhere, and
  each solution filled into it is "correct" — so the notebook's givens are the questions';
* the notebook shows each question's givens verbatim and stores no outputs;
* the trainer note quotes every computed answer (as :func:`shown` writes it).
"""

from __future__ import annotations

import numbers
from pathlib import Path
from typing import Callable

import nbformat
import pandas as pd
import pytest

from ccskills.exercises import (CustomQuestion, EqualityQuestion, FunctionQuestion, Status,
                                ThoughtExperiment, evaluate, verify)

ROOT = Path(__file__).resolve().parents[1]


def note_writer(quote_text: bool = False, round_from: float | None = None) -> Callable[[object], str]:
    """How a trainer note writes an answer: text as it is (or in double quotes), sequences in
    brackets, a Series as "key value, …", whole numbers as such, numbers of ``round_from`` and
    more rounded to whole, others to 4 significant digits."""
    def shown(value) -> str:
        if isinstance(value, str):
            return f'"{value}"' if quote_text else value
        if isinstance(value, (list, tuple)):
            return "[" + ", ".join(shown(v) for v in value) + "]"
        if isinstance(value, pd.Series):
            return ", ".join(f"{k} {shown(v)}" for k, v in value.items())
        if round_from is not None and abs(float(value)) >= round_from:
            return str(round(float(value)))
        if isinstance(value, numbers.Integral) or float(value).is_integer():
            return str(int(value))
        return format(float(value), ".4g")
    return shown


shown = note_writer()
"""The default: text as it is, numbers to 4 significant digits."""


def exercise_suite(chapter, folder: str, *, notebook: str = "exercises.ipynb",
                   note: str = "trainer_note.md", min_checked: int = 8,
                   slow: Callable[[object], bool] = lambda question: False,
                   written: Callable[[object], str] = shown) -> dict:
    """Tests (and the ``untouched`` fixture) for ``chapter`` (a ``ccskills.exercises`` module).

    ``folder``: the chapter folder under ``course/``; ``notebook`` and ``note``: file names in
    it; ``min_checked``: how many checked questions the issue asks for; ``slow``: which
    questions' grading is marked slow; ``written``: how the note writes an answer.
    """
    questions = chapter.QUESTIONS
    checked = [q for q in questions if q.names()]
    path = ROOT / "course" / folder / notebook
    note_path = ROOT / "course" / folder / note

    def qid(question) -> str:
        return f"q{questions.index(question) + 1}"

    graded = [pytest.param(q, marks=pytest.mark.slow) if slow(q) else q for q in questions]

    @pytest.mark.parametrize("question", graded, ids=qid)
    def test_question_grades_itself(question):
        verify(question)

    def test_problem_set_covers_the_chapter():
        assert len(checked) >= min_checked
        assert len(chapter.PROBLEMS.views) == len(questions)
        assert any(isinstance(q, ThoughtExperiment) for q in questions)

    @pytest.mark.parametrize("question", checked, ids=qid)
    def test_question_has_hints_solution_and_a_named_mistake(question):
        assert question.hints and question.solution
        assert question.mistakes, "every checked question names at least one typical mistake"
        assert all(m.feedback.strip() for m in question.mistakes)

    @pytest.mark.parametrize("question", checked, ids=qid)
    def test_expected_values_are_computed_not_pasted(question):
        # equality questions compute expected values from the givens; the others check by code
        assert isinstance(question, (EqualityQuestion, FunctionQuestion, CustomQuestion))
        if isinstance(question, EqualityQuestion):
            assert all(callable(value) for value in question.expected.values())

    def notebook_code() -> list[str]:
        nb = nbformat.read(path, as_version=4)
        return [cell.source for cell in nb.cells if cell.cell_type == "code"]

    @pytest.fixture(scope="module")
    def untouched():
        """The notebook's namespace after running every code cell, answers untouched."""
        namespace: dict = {"__name__": "__main__"}
        for source in notebook_code():
            exec(compile(source, str(path), "exec"), namespace)
        yield namespace
        chapter.PROBLEMS.namespace = None

    def test_untouched_notebook_reports_not_attempted(untouched):
        for view in chapter.PROBLEMS.views:
            if not view.question.names():
                continue
            assert view.last_outcome is not None, f"q{view.number}.check() is not called"
            assert view.last_outcome.status is Status.NOT_ATTEMPTED, view.last_outcome

    @pytest.mark.parametrize("question", checked, ids=qid)
    def test_solution_in_the_notebook_is_correct(untouched, question):
        namespace = dict(untouched)
        exec(compile(question.solution, "<solution>", "exec"), namespace)
        outcome = evaluate(question, namespace)
        assert outcome.status is Status.CORRECT, outcome

    @pytest.mark.parametrize("question", checked, ids=qid)
    def test_notebook_shows_the_questions_givens_verbatim(question):
        code = "\n".join(notebook_code())
        missing = [line for line in question.setup.splitlines() if line.strip() and line not in code]
        assert not missing, f"lines of {question.title!r} setup not in the notebook: {missing}"

    def test_notebook_stores_no_outputs():
        nb = nbformat.read(path, as_version=4)
        assert not any(cell.get("outputs") for cell in nb.cells if cell.cell_type == "code")

    @pytest.mark.parametrize("question", [q for q in checked if isinstance(q, EqualityQuestion)], ids=qid)
    def test_trainer_note_quotes_every_answer(question):
        text = note_path.read_text(encoding="utf-8")
        for name, value in question.expected_values.items():
            if isinstance(value, pd.DataFrame):
                continue  # a table is shown in the note as a table, not as one value
            assert f"`{name}` = {written(value)}" in text, f"{name} = {written(value)} not in the note"

    return {name: value for name, value in locals().items()
            if name.startswith("test_") or name == "untouched"}
