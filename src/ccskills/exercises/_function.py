"""Function questions: the trainee writes a function, checked on test cases.

Each case is a tuple of positional arguments or a dict of keyword arguments; the
expected result is the reference function's on the same (copied) arguments. A
crash in the trainee's function becomes an "incorrect" naming the call that
crashed; a result still holding ``____`` means the body is unfinished.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ._compare import compare, show
from ._messages import text
from ._placeholder import contains_placeholder
from ._questions import Incorrect, Mistake, Question, Unfinished

__all__ = ["FunctionQuestion", "call_repr"]


@dataclass(frozen=True, kw_only=True, eq=False)
class FunctionQuestion(Question):
    """A function the trainee writes, checked against ``reference`` on ``cases``.

    Each case is a tuple of positional arguments or a dict of keyword arguments.
    A :class:`Mistake`'s ``wrong`` is a wrong implementation of the function.
    """

    name: str = ""
    reference: Callable[..., Any] | None = None
    cases: Sequence[tuple | Mapping[str, Any]] = ()

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self.name.isidentifier():
            raise ValueError(f"name must be the function's name, got {self.name!r}")
        if not callable(self.reference) or not self.cases:
            raise ValueError(f"reference and cases must be given, got {self.reference!r}")

    def names(self) -> tuple[str, ...]:
        return (self.name,)

    def judge(self, values, lang) -> None:
        function = values[self.name]
        if not callable(function):
            raise Incorrect(text("variable", lang, name=self.name, reason=text(
                "wrong_type", lang, kind=text("kind_function", lang),
                got_type=type(function).__name__, got=show(function))))
        for case in self.cases:
            got = call_trainee(function, self.name, case, lang)
            reason = compare(got, call(self.reference, case), self.rules, lang)
            if reason:
                raise Incorrect(text("call_wrong", lang, call=call_repr(self.name, case), reason=reason))

    def match_mistake(self, values, lang) -> Mistake | None:
        for mistake in self.mistakes:
            if all(self._same_output(values[self.name], mistake.wrong, case, lang) for case in self.cases):
                return mistake
        return None

    def _same_output(self, function, wrong, case, lang) -> bool:
        try:
            got = call_trainee(function, self.name, case, lang)
        except (Incorrect, Unfinished):
            return False
        return compare(got, call(wrong, case), self.rules, lang) is None

    def mistake_values(self, mistake: Mistake) -> dict[str, Any]:
        return {self.name: mistake.wrong}


def _split(case) -> tuple[tuple, dict]:
    if isinstance(case, Mapping):
        return (), dict(case)
    return (case if isinstance(case, tuple) else (case,)), {}


def call(function, case):
    """Call ``function`` with a case (copies of its arguments)."""
    args, kwargs = copy.deepcopy(_split(case))
    return function(*args, **kwargs)


def call_repr(name: str, case) -> str:
    """How a call looks in code, e.g. ``f(120, aht_s=240)``.

    >>> call_repr("f", (120, "a")), call_repr("g", {"aht_s": 240})
    ("f(120, 'a')", 'g(aht_s=240)')
    """
    args, kwargs = _split(case)
    shown = [show(a) if not isinstance(a, str) else repr(a) for a in args]
    shown += [f"{k}={show(v) if not isinstance(v, str) else repr(v)}" for k, v in kwargs.items()]
    return f"{name}({', '.join(shown)})"


def call_trainee(function, name: str, case, lang: str):
    """Call the trainee's function; a crash becomes :class:`Incorrect` naming the input."""
    try:
        result = call(function, case)
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"
        raise Incorrect(text("call_crashed", lang, call=call_repr(name, case), error=error)) from exc
    if contains_placeholder(result):
        raise Unfinished(text("call_unfinished", lang, call=call_repr(name, case)))
    return result
