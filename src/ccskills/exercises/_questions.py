"""The kinds of question a chapter problem set declares.

Every question is a frozen, keyword-only dataclass: hints, a solution (code) with
an optional explanation, ``setup`` code that recreates the notebook's givens, and
typical :class:`Mistake` s whose feedback names the error. The kinds:

* :class:`EqualityQuestion`: notebook variables compared with expected values;
* :class:`~._function.FunctionQuestion` (in ``_function.py``): a trainee
  function checked on test cases against a reference function;
* :class:`CustomQuestion`: a check function that raises :class:`Incorrect`;
* :class:`ThoughtExperiment`: a solution to read, nothing to check.

Expected and wrong values are given as zero-argument callables (``lambda:
erlang_c(...)``) so they are computed by the kit's reference functions when a
check runs, not pasted as numbers; plain values are accepted too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ._compare import Rules, compare
from ._messages import text
from ._outcome import SolutionNote
from ._placeholder import ____

__all__ = [
    "CustomQuestion", "EqualityQuestion", "Incorrect", "Mistake", "Question",
    "ThoughtExperiment", "Unfinished",
]


class Incorrect(Exception):
    """Raised by a check to say the answer is wrong; its message is the feedback."""


class Unfinished(Exception):
    """Raised during a check when the answer still contains ``____``."""


@dataclass(frozen=True)
class Mistake:
    """A typical wrong answer and the feedback that names the mistake.

    Parameters
    ----------
    wrong : value, zero-argument callable, or function
        For equality and custom questions, the wrong value (or a callable
        computing it); for a function question, a wrong implementation.
    feedback : str
        What the trainee did wrong, in Chinese with the English term where useful.
    var : str, optional
        The variable this mistake is about (default: the question's first).
    feedback_en : str, optional
        The feedback in English (no-code workbooks are bilingual); default: ``feedback``.

    >>> Mistake(3, "忘了乘以 60。", feedback_en="You forgot to multiply by 60.").in_language("en")
    'You forgot to multiply by 60.'
    """

    wrong: Any
    feedback: str
    var: str | None = None
    feedback_en: str = ""

    def in_language(self, lang: str) -> str:
        """The feedback in ``lang`` (Chinese when no English text is given)."""
        return self.feedback_en if lang == "en" and self.feedback_en else self.feedback


def _resolve(value):
    """Call a zero-argument callable to get the value; return other values as is."""
    return value() if callable(value) else value


def _as_tuple(name: str, items, kind: type) -> tuple:
    items = (items,) if isinstance(items, (str, kind)) else tuple(items)
    for item in items:
        if not isinstance(item, kind):
            raise ValueError(f"{name} must hold only {kind.__name__} items, got {item!r}")
    return items


def _check_tolerance(name: str, value: float) -> None:
    if not value >= 0:
        raise ValueError(f"{name} must be zero or a positive number, got {value!r}")


@dataclass(frozen=True, kw_only=True, eq=False)
class Question:
    """Fields shared by every kind of question (see the module docstring)."""

    title: str = ""
    hints: Sequence[str] = ()
    solution: str = ""
    explanation: str = ""
    setup: str = ""
    mistakes: Sequence[Mistake] = ()
    rtol: float = 1e-6
    atol: float = 0.0
    reveal_expected: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "hints", _as_tuple("hints", self.hints, str))
        object.__setattr__(self, "mistakes", _as_tuple("mistakes", self.mistakes, Mistake))
        _check_tolerance("rtol", self.rtol)
        _check_tolerance("atol", self.atol)

    @property
    def rules(self) -> Rules:
        """The comparison rules built from ``rtol``, ``atol`` and ``reveal_expected``."""
        return Rules(self.rtol, self.atol, self.reveal_expected)

    def names(self) -> tuple[str, ...]:
        """The notebook variables this question reads (none for thought experiments)."""
        return ()

    def judge(self, values: Mapping[str, Any], lang: str) -> None:
        """Return if ``values`` are right; raise :class:`Incorrect` if not."""

    def solution_note(self, lang: str) -> SolutionNote:
        """The solution as shown by ``solution()``: the code, then the explanation."""
        return SolutionNote(self.solution, self.explanation, lang)

    def match_mistake(self, values: Mapping[str, Any], lang: str) -> Mistake | None:
        """The first typical mistake that ``values`` reproduce, or None."""
        for mistake in self.mistakes:
            name = mistake.var or self.names()[0]
            if compare(values[name], _resolve(mistake.wrong), self.rules, lang) is None:
                return mistake
        return None

    def mistake_values(self, mistake: Mistake) -> dict[str, Any]:
        """The notebook variables a trainee making ``mistake`` would have."""
        return {mistake.var or self.names()[0]: _resolve(mistake.wrong)}

    # Namespaces for tests: what a notebook holds after setup and an answer.
    def setup_namespace(self) -> dict[str, Any]:
        """A fresh namespace after running ``setup`` (the notebook's givens and ``____``)."""
        namespace: dict[str, Any] = {"__name__": "__exercise__", "____": ____}
        exec(compile(self.setup, "<setup>", "exec"), namespace)
        return namespace

    def solution_namespace(self) -> dict[str, Any]:
        """The namespace after ``setup`` and the solution code have run."""
        namespace = self.setup_namespace()
        exec(compile(self.solution, "<solution>", "exec"), namespace)
        return namespace

    def untouched_namespace(self) -> dict[str, Any]:
        """The namespace of an untouched notebook: givens, answers still ``____``."""
        return {**self.setup_namespace(), **dict.fromkeys(self.names(), ____)}

    def mistake_namespaces(self) -> list[tuple[Mistake, dict[str, Any]]]:
        """For each typical mistake, the solution namespace with that mistake made."""
        right = self.solution_namespace()
        return [(m, {**right, **self.mistake_values(m)}) for m in self.mistakes]


@dataclass(frozen=True, kw_only=True, eq=False)
class EqualityQuestion(Question):
    """Notebook variables that must equal expected values (within tolerance).

    ``expected`` maps each variable name to its expected value, or to a
    zero-argument callable computing it with a ccskills reference function.
    """

    expected: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self.expected or not all(str(k).isidentifier() for k in self.expected):
            raise ValueError(f"expected must map variable names to values, got {self.expected!r}")

    def names(self) -> tuple[str, ...]:
        return tuple(self.expected)

    @cached_property
    def expected_values(self) -> dict[str, Any]:
        """The expected value of each variable, computed once."""
        return {name: _resolve(value) for name, value in self.expected.items()}

    def judge(self, values, lang) -> None:
        for name, expected in self.expected_values.items():
            reason = compare(values[name], expected, self.rules, lang)
            if reason:
                raise Incorrect(text("variable", lang, name=name, reason=reason))


@dataclass(frozen=True, kw_only=True, eq=False)
class CustomQuestion(Question):
    """Variables checked by ``checker(**values)``, which raises :class:`Incorrect`.

    An ``AssertionError`` from the checker counts as incorrect too, with its
    message as the feedback.
    """

    variables: Sequence[str] = ()
    checker: Callable[..., None] | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "variables", _as_tuple("variables", self.variables, str))
        if not self.variables or not callable(self.checker):
            raise ValueError(f"variables and checker must be given, got {self.variables!r}")

    def names(self) -> tuple[str, ...]:
        return self.variables

    def judge(self, values, lang) -> None:
        try:
            self.checker(**values)
        except AssertionError as exc:
            raise Incorrect(str(exc) or text("assert_failed", lang)) from exc


@dataclass(frozen=True, kw_only=True, eq=False)
class ThoughtExperiment(Question):
    """A question to think about; ``solution`` is the answer in Markdown."""

    def solution_note(self, lang: str) -> SolutionNote:
        return SolutionNote("", "\n\n".join(filter(None, [self.solution, self.explanation])), lang)

    def solution_namespace(self) -> dict[str, Any]:
        return self.setup_namespace()
