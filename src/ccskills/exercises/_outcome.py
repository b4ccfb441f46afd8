"""Typed results of ``check()``, ``hint()`` and ``solution()``, and how they render.

Each result is a frozen dataclass with a coloured ``_repr_html_`` for Jupyter
(green correct, red incorrect, grey not attempted, blue hints and thought
experiments) and a plain-text ``__repr__`` that nbval compares. No JavaScript.

Examples
--------
>>> Outcome(Status.INCORRECT, "`x`：应为 2，你的是 3。")
✗ 不正确：`x`：应为 2，你的是 3。
>>> Outcome(Status.CORRECT, "Correct!", lang="en")._repr_html_()[:40]
'<div style="border-left:4px solid #1a7f3'
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from enum import Enum

from ._messages import text

__all__ = ["Hint", "Outcome", "SolutionNote", "Status"]


class Status(Enum):
    """The three outcomes of a check, plus "nothing to check" for thought experiments."""

    CORRECT = "correct"
    INCORRECT = "incorrect"
    NOT_ATTEMPTED = "not_attempted"
    UNCHECKED = "unchecked"


_STYLE = {  # status: (colour, symbol)
    Status.CORRECT: ("#1a7f37", "✓"),
    Status.INCORRECT: ("#cf222e", "✗"),
    Status.NOT_ATTEMPTED: ("#57606a", "…"),
    Status.UNCHECKED: ("#0969da", "?"),
}
_HINT_COLOUR = "#0969da"
_SOLUTION_COLOUR = "#8250df"


def _colon(lang: str) -> str:
    return "：" if lang == "zh" else ": "


def inline_html(source: str) -> str:
    """Escape ``source`` for HTML, turning `code` spans and newlines into tags.

    >>> inline_html("用 `a < b`\\n然后")
    '用 <code>a &lt; b</code><br>然后'
    """
    escaped = html.escape(source, quote=False)
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", escaped).replace("\n", "<br>")


def _box(colour: str, inner: str) -> str:
    style = f"border-left:4px solid {colour};padding:0.3em 0.8em;margin:0.3em 0"
    return f'<div style="{style}">{inner}</div>'


def _label(colour: str, label: str) -> str:
    return f'<strong style="color:{colour}">{html.escape(label)}</strong>'


@dataclass(frozen=True, repr=False)
class Outcome:
    """The result of checking one question.

    Attributes
    ----------
    status : Status
        Correct, incorrect, not attempted, or unchecked (thought experiment).
    message : str
        The sentence for the trainee (the reason, for an incorrect answer).
    lang : str
        Language of the engine's words in ``message`` and the label.
    mistake : Mistake or None
        The typical mistake recognised in the answer, if any.
    unfinished : tuple of str
        Variables still ``____`` or missing (when not attempted).
    """

    status: Status
    message: str
    lang: str = "zh"
    mistake: object = None
    unfinished: tuple[str, ...] = ()

    @property
    def passed(self) -> bool:
        """True when the answer is correct."""
        return self.status is Status.CORRECT

    @property
    def correct(self) -> bool:
        """True when the answer is correct (the no-code contract's name for :attr:`passed`)."""
        return self.status is Status.CORRECT

    @property
    def feedback(self) -> str:
        """The sentence for the trainee (the no-code contract's name for :attr:`message`)."""
        return self.message

    def _label(self) -> str:
        return text(f"label_{self.status.value}", self.lang)

    def __repr__(self) -> str:
        symbol = _STYLE[self.status][1]
        if self.status is Status.CORRECT:
            return f"{symbol} {self.message}"
        return f"{symbol} {self._label()}{_colon(self.lang)}{self.message}"

    __str__ = __repr__

    def _repr_html_(self) -> str:
        colour, symbol = _STYLE[self.status]
        if self.status is Status.CORRECT:
            return _box(colour, _label(colour, f"{symbol} {self.message}"))
        head = _label(colour, f"{symbol} {self._label()}{_colon(self.lang)}")
        return _box(colour, head + inline_html(self.message))


@dataclass(frozen=True, repr=False)
class Hint:
    """One hint; ``number`` 0 marks a note from the engine (no hints, bad number)."""

    text: str
    number: int = 0
    total: int = 0
    lang: str = "zh"

    def _head(self) -> str:
        label = text("label_hint", self.lang)
        count = f" {self.number}/{self.total}" if self.number else ""
        return f"{label}{count}{_colon(self.lang)}"

    def __repr__(self) -> str:
        return f"💡 {self._head()}{self.text}"

    __str__ = __repr__

    def _repr_html_(self) -> str:
        return _box(_HINT_COLOUR, _label(_HINT_COLOUR, f"💡 {self._head()}") + inline_html(self.text))


@dataclass(frozen=True, repr=False)
class SolutionNote:
    """A solution: code shown as a code block, then an optional explanation."""

    code: str
    explanation: str = ""
    lang: str = "zh"

    def __repr__(self) -> str:
        parts = [f"{text('label_solution', self.lang)}{_colon(self.lang).rstrip()}"]
        if self.code:
            parts.append("\n".join("    " + line for line in self.code.strip("\n").splitlines()))
        if self.explanation:
            parts.append(self.explanation.strip())
        return "\n".join(parts)

    __str__ = __repr__

    def _repr_html_(self) -> str:
        inner = _label(_SOLUTION_COLOUR, text("label_solution", self.lang) + _colon(self.lang))
        if self.code:
            inner += f"<pre><code>{html.escape(self.code.strip(chr(10)))}</code></pre>"
        if self.explanation:
            inner += f"<p>{inline_html(self.explanation.strip())}</p>"
        return _box(_SOLUTION_COLOUR, inner)
