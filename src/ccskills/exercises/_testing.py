"""Self-test of a question: its solution passes and its typical mistakes are recognised.

A chapter's tests need one line per chapter::

    @pytest.mark.parametrize("question", ch02.QUESTIONS, ids=lambda q: q.title)
    def test_question(question):
        verify(question)
"""

from __future__ import annotations

from ._engine import evaluate, require
from ._outcome import Status
from ._questions import Question

__all__ = ["verify"]


def verify(question: Question, *, lang: str | None = None) -> None:
    """Assert that ``question`` grades its own answers as intended.

    Checks that the solution (run after ``setup``) is correct, that an untouched
    notebook is "not attempted", and that every typical mistake is judged
    incorrect with *that* mistake's feedback (two mistakes giving the same wrong
    value, or a "mistake" equal to the right answer, fail here).

    Raises
    ------
    AssertionError
        Naming the first namespace that was graded unexpectedly.

    Examples
    --------
    >>> from ccskills.exercises import EqualityQuestion, Mistake
    >>> verify(EqualityQuestion(expected={"x": lambda: 2 * 60}, solution="x = 2 * 60",
    ...        mistakes=[Mistake(2, "忘了乘以 60。")]))
    """
    label = question.title or type(question).__name__
    solved = evaluate(question, question.solution_namespace(), lang=lang)
    want = Status.CORRECT if question.names() else Status.UNCHECKED
    require(solved.status is want, f"{label}: the solution gives {solved!r}")
    if question.names():
        untouched = evaluate(question, question.untouched_namespace(), lang=lang)
        require(untouched.status is Status.NOT_ATTEMPTED, f"{label}: untouched gives {untouched!r}")
    for mistake, namespace in question.mistake_namespaces():
        outcome = evaluate(question, namespace, lang=lang)
        recognised = outcome.mistake is mistake and mistake.feedback in outcome.message
        require(recognised, f"{label}: mistake {mistake.feedback!r} gives {outcome!r}")
