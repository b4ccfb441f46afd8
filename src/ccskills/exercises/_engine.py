"""Evaluate a question against a namespace, and the notebook-facing views.

:func:`evaluate` is the pure core: ``(question, namespace) -> Outcome``. It never
raises: an unexpected error while checking becomes an "incorrect" outcome that
names the error. :class:`ProblemSet` holds a chapter's questions and the
notebook namespace it is bound to; each :class:`QuestionView` (``q1``, ``q2``, …)
offers ``check()``, ``hint()``, ``solution()`` and the ``assert_check_*``
helpers for test cells. Each check is handed to :mod:`ccskills.progress` (recorded in a
Jupyter kernel, off in scripts and tests unless ``CCSKILLS_PROGRESS=on``); a notice from the
store ("progress not saved", "name not set") is appended to the outcome, once per session.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence

from ._messages import check_language, get_language, text
from ._outcome import Hint, Outcome, SolutionNote, Status
from ._placeholder import contains_placeholder
from ._questions import Incorrect, Question, Unfinished

__all__ = ["ProblemSet", "QuestionView", "evaluate"]


def evaluate(question: Question, namespace: Mapping, *, lang: str | None = None) -> Outcome:
    """Check ``question`` against the variables in ``namespace``.

    Parameters
    ----------
    question : Question
        Any kind of question (equality, function, custom, thought experiment).
    namespace : Mapping
        The notebook's variables, e.g. ``globals()`` or a test's dict.
    lang : {"zh", "en"}, optional
        Language of the engine's words (default: :func:`get_language`).

    Returns
    -------
    Outcome
        Not attempted (naming unfinished variables), incorrect (with the reason
        or the recognised typical mistake), correct, or unchecked.

    Examples
    --------
    >>> from ccskills.exercises import EqualityQuestion, ____
    >>> q = EqualityQuestion(expected={"x": lambda: 2 * 60})
    >>> evaluate(q, {"x": ____}, lang="en")
    … Not attempted: replace ____ with your answer, run the cell, then check.
    >>> evaluate(q, {"x": "120"}, lang="en")
    ✗ Incorrect: `x`: wrong type: should be a number, yours is str '120'.
    >>> evaluate(q, {"x": 120.0}).status
    <Status.CORRECT: 'correct'>
    """
    lang = check_language(lang or get_language())
    try:
        return _evaluate(question, namespace, lang)
    except Exception as exc:  # an engine or reference bug must not reach the notebook
        return Outcome(Status.INCORRECT, _crash_text(exc, lang), lang)


def _crash_text(exc: Exception, lang: str) -> str:
    return text("checker_crashed", lang, error=f"{type(exc).__name__}: {exc}")


def _evaluate(question: Question, namespace: Mapping, lang: str) -> Outcome:
    names = question.names()
    if not names:
        return Outcome(Status.UNCHECKED, text("unchecked", lang), lang)
    pending = _pending(names, namespace, lang)
    if pending is not None:
        return pending
    return _judge(question, {name: namespace[name] for name in names}, lang)


def _quoted(names: Sequence[str]) -> str:
    return "、".join(f"`{name}`" for name in names)


def _pending(names: tuple[str, ...], namespace: Mapping, lang: str) -> Outcome | None:
    """A not-attempted outcome naming missing or unfilled variables, or None."""
    missing = [n for n in names if n not in namespace]
    unfilled = [n for n in names if n in namespace and contains_placeholder(namespace[n])]
    if not missing and not unfilled:
        return None
    if len(unfilled) == len(names):
        message = text("not_attempted", lang)
    else:
        parts = [text("missing", lang, names=_quoted(missing))] if missing else []
        parts += [text("unfinished", lang, names=_quoted(unfilled))] if unfilled else []
        message = " ".join(parts)
    return Outcome(Status.NOT_ATTEMPTED, message, lang, unfinished=tuple(missing + unfilled))


def _judge(question: Question, values: dict, lang: str) -> Outcome:
    try:
        question.judge(values, lang)
    except Unfinished as exc:
        return Outcome(Status.NOT_ATTEMPTED, str(exc), lang, unfinished=question.names())
    except Incorrect as exc:
        return _incorrect(question, values, str(exc), lang)
    except Exception as exc:  # e.g. a custom checker tripping over a wrong type
        return _incorrect(question, values, _crash_text(exc, lang), lang)
    return Outcome(Status.CORRECT, text("correct", lang), lang)


def _incorrect(question: Question, values: dict, reason: str, lang: str) -> Outcome:
    """An incorrect outcome; a recognised typical mistake replaces the generic reason."""
    try:
        mistake = question.match_mistake(values, lang)
    except Exception:  # a mistake that cannot be reproduced is simply not recognised
        mistake = None
    message = mistake.in_language(lang) if mistake else reason
    return Outcome(Status.INCORRECT, message, lang, mistake=mistake)


def require(condition: bool, message: str) -> None:
    """Raise ``AssertionError(message)`` unless ``condition`` (also under ``python -O``)."""
    if not condition:
        raise AssertionError(message)


def _ipython_namespace() -> Mapping | None:
    """The running IPython kernel's user namespace, if any (without importing IPython)."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return getattr(shell, "user_ns", None)


class ProblemSet:
    """A chapter's questions, bound to the namespace of the notebook that uses them.

    Parameters
    ----------
    questions : sequence of Question
        In the order of the notebook; the views are ``q1``, ``q2``, … in that order.
    name : str, optional
        The set's name in the progress store ("ch02"); default the last part of the name of
        the module that builds the set (``ccskills.exercises.ch02`` → "ch02").

    Examples
    --------
    >>> from ccskills.exercises import EqualityQuestion
    >>> problems = ProblemSet([EqualityQuestion(expected={"x": 1})])
    >>> (q1,) = problems.views
    >>> problems.bind({"x": 1}); q1.check()
    ✓ 正确！
    """

    def __init__(self, questions: Sequence[Question], name: str | None = None) -> None:
        if name is not None and (not isinstance(name, str) or not name.strip()):
            raise ValueError(f"name must be a non-empty text such as 'ch02', got {name!r}")
        self.name = name or sys._getframe(1).f_globals.get("__name__", "exercises").rpartition(".")[2]
        self.questions = tuple(questions)
        self.views = tuple(QuestionView(q, i, self) for i, q in enumerate(self.questions, 1))
        self.namespace: Mapping | None = None

    def bind(self, namespace: Mapping) -> None:
        """Read answers from ``namespace`` (pass ``globals()`` in the notebook)."""
        if not isinstance(namespace, Mapping):
            raise ValueError(f"namespace must be a dict such as globals(), got {namespace!r}")
        self.namespace = namespace


def _recorded(view: QuestionView, namespace: Mapping, outcome: Outcome) -> Outcome:
    """Hand the check to the progress recorder; the outcome, with its notice if any. Never raises."""
    try:
        from ccskills.progress.recorder import record_code_check

        return record_code_check(view._problem_set.name, f"q{view.number}", view.question.names(),
                                 namespace, outcome, hints=view.hints_shown)
    except Exception:  # the store is a convenience for the trainer; the check goes on
        return outcome


class QuestionView:
    """What the notebook sees as ``q1``: check, hint and solution for one question."""

    def __init__(self, question: Question, number: int, problem_set: ProblemSet) -> None:
        self.question = question
        self.number = number
        self._problem_set = problem_set
        self._next_hint = 1
        self.hints_shown = 0
        self.last_outcome: Outcome | None = None

    def __repr__(self) -> str:
        title = f" {self.question.title}" if self.question.title else ""
        return f"<q{self.number}{title}: .check() .hint() .solution()>"

    def _namespace(self) -> Mapping | None:
        bound = self._problem_set.namespace
        return bound if bound is not None else _ipython_namespace()

    def check(self, lang: str | None = None) -> Outcome:
        """Check the answer in the bound notebook; never raises.

        Without ``bind(globals())`` the running IPython kernel's namespace is
        used; outside IPython the outcome says to run ``bind(globals())``.
        """
        namespace = self._namespace()
        if namespace is None:
            lang = lang or get_language()
            return Outcome(Status.NOT_ATTEMPTED, text("unbound", lang), lang)
        outcome = evaluate(self.question, namespace, lang=lang)
        self.last_outcome = _recorded(self, namespace, outcome)
        return self.last_outcome

    def hint(self, n: int | None = None, lang: str | None = None) -> Hint:
        """Hint ``n`` (1-based); without ``n``, the next hint, cycling back to the first."""
        lang = lang or get_language()
        hints = self.question.hints
        if not hints:
            return Hint(text("no_hints", lang), lang=lang)
        n = self._next_hint if n is None else n
        if not isinstance(n, int) or not 1 <= n <= len(hints):
            return Hint(text("hint_range", lang, total=len(hints)), lang=lang)
        self._next_hint = n % len(hints) + 1
        self.hints_shown += 1
        return Hint(hints[n - 1], n, len(hints), lang)

    def solution(self, lang: str | None = None) -> SolutionNote | Hint:
        """The solution code and explanation."""
        lang = lang or get_language()
        if not (self.question.solution or self.question.explanation):
            return Hint(text("no_solution", lang), lang=lang)
        return self.question.solution_note(lang)

    # Assertions for test cells and pytest: these raise on purpose.
    def _assert_status(self, status: Status) -> Outcome:
        outcome = self.check()
        require(outcome.status is status, f"q{self.number}: expected {status.value}, got {outcome!r}")
        return outcome

    def assert_check_passed(self) -> None:
        """Assert the bound notebook's answer is correct."""
        self._assert_status(Status.CORRECT)

    def assert_check_failed(self, contains: str = "") -> None:
        """Assert the answer is incorrect and the feedback contains ``contains``."""
        outcome = self._assert_status(Status.INCORRECT)
        require(contains in outcome.message, f"q{self.number}: {contains!r} not in {outcome!r}")

    def assert_check_unattempted(self) -> None:
        """Assert the answer is not attempted (still ``____`` or missing)."""
        self._assert_status(Status.NOT_ATTEMPTED)
