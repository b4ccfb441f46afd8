"""No-code questions: the same engine as the code track, answered in a box instead of a cell.

A :class:`NoCodeQuestion` is a :class:`~._questions.Question` whose one answer is typed or
ticked on a workbook page: ``kind`` "number" (a number in the unit shown), "choice" (one
option) or "multiple" (several options). ``check(value, lang)`` turns whatever the page
(or anyone) passes into an :class:`~._outcome.Outcome` with the code track's three verdicts
and wording, and never raises: blank is *not attempted*, text that is not a number (or not
an option) is *incorrect* with a sentence saying so, and a real answer goes through
:func:`~._engine.evaluate` with its typical mistakes.

Where a code-track question has the number, :func:`from_code` re-uses its declaration: the
expected-value callable, its typical mistakes' wrong values and feedback, and its hints
without code; only the English text and, where the code track's words name code, a plain
rewording are added. Every text a trainee can see is bilingual (:class:`Say`).

Examples
--------
>>> q = NoCodeQuestion(set="demo", id="load", kind="number", expected=lambda: 36 * 380 / 900,
...                    prompt=Say("话务量是多少？", "What is the offered load?"), decimals=2,
...                    unit=Say("Erlang", "Erlang"),
...                    mistakes=[Mistake(lambda: 36 * 380 / 3600, "时段是 900 秒。",
...                                      feedback_en="The interval is 900 s.")])
>>> q.answer
15.2
>>> q.check("15.2").correct, q.check(15.2).feedback
(True, '正确！')
>>> q.check(3.8, lang="en")
✗ Incorrect: The interval is 900 s.
>>> q.check("")
… 未作答：还没有作答：填写或选择答案后，再点“检查”。
>>> q.check("fifteen", lang="en").feedback
'please enter just a number (the unit is shown beside the box); you entered “fifteen”.'
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np

from ._compare import Rules, compare
from ._engine import evaluate
from ._messages import LANGUAGES, text
from ._outcome import Outcome, Status
from ._questions import Incorrect, Mistake, Question, _resolve

__all__ = ["KINDS", "NoCodeQuestion", "NoCodeSet", "Given", "Say", "from_code", "is_plain"]

KINDS = ("number", "choice", "multiple")
ANSWER = "answer"
_CODE = re.compile(r"`|[A-Za-z]\w*_\w+|(?<![\w.])(?!min\(|max\()[a-z]\w+\(|\[\"|==|<=|>=|\.\w+\(")


@dataclass(frozen=True)
class Say:
    """One text in Chinese and English.

    >>> Say("服务水平 (service level)", "Service level").get("en")
    'Service level'
    """

    zh: str
    en: str = ""

    def get(self, lang: str) -> str:
        """The text in ``lang`` (Chinese if the English is missing)."""
        return self.en if lang == "en" and self.en else self.zh


def is_plain(shown: str) -> bool:
    """True when ``shown`` has no code: no backticks, snake_case names, calls or comparisons.

    >>> is_plain("服务水平 = 20 秒内接起 ÷ 来话量"), is_plain("用 `wait_s <= 20`")
    (True, False)
    >>> is_plain("Σ min(排班, 需求)"), is_plain("accuracy(actual, forecast)"), is_plain("plan.summary()")
    (True, False, False)
    >>> is_plain("ICC(2,1)、z²·p(1−p)/E²")  # notation, not code
    True
    """
    return not _CODE.search(shown)


@dataclass(frozen=True)
class Given:
    """Something a workbook shows before its questions: a table or a few facts.

    ``build(lang)`` returns a pandas DataFrame (a table, labels in ``lang``) or a list of
    ``(label, value text)`` pairs (short facts), computed with the kit from the code track's
    givens.
    """

    id: str
    title: Say
    build: Callable[[str], Any]
    note: Say = Say("")


@dataclass(frozen=True, kw_only=True, eq=False)
class NoCodeQuestion(Question):
    """A question answered on a workbook page (see the module docstring).

    Parameters
    ----------
    set, id : str
        The workbook ("ch02") and the question's id, unique within it.
    kind : {"number", "choice", "multiple"}
    prompt : Say
        The question as the trainee reads it.
    expected : value or zero-argument callable
        The reference answer: a number in the unit shown, an option's Chinese label, or a
        tuple of labels (computed by the kit when the check runs).
    choices : sequence of Say
        The options (choice kinds); their Chinese texts are the labels ``answer`` uses.
    unit : Say
        The unit shown beside a number box ("%", "秒", "人"…).
    decimals : int, optional
        How precisely the number is asked for; adds half a unit of the last decimal to
        the code track's tolerance (a person types a rounded number).
    givens : sequence of str
        Ids of the :class:`Given` items this question reads.
    calculator : str
        For a calculator task, the calculator the page links to (its notebook's name in
        ``course/apps`` without ``.ipynb``, e.g. "erlang_calculator").
    source : Question, optional
        The code-track question whose declaration this one re-uses.
    """

    set: str
    id: str
    kind: str
    prompt: Say
    expected: Any = None
    choices: Sequence[Say] = ()
    unit: Say = Say("")
    decimals: int | None = None
    givens: Sequence[str] = ()
    calculator: str = ""
    title_en: str = ""
    hints_en: Sequence[str] = ()
    explanation_en: str = ""
    source: Question | None = None
    reveal_expected: bool = False

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, got {self.kind!r}")
        if (self.kind == "number") == bool(self.choices):
            raise ValueError(f"choices must be given exactly for choice kinds, got {self.choices!r}")
        object.__setattr__(self, "choices", tuple(self.choices))
        object.__setattr__(self, "givens", tuple(self.givens))
        object.__setattr__(self, "hints_en", tuple(self.hints_en))

    # ------------------------------------------------------------- the contract
    @property
    def options(self) -> tuple[str, ...]:
        """The option labels (Chinese texts) for choice kinds; empty for numbers."""
        return tuple(c.zh for c in self.choices)

    @cached_property
    def answer(self):
        """The reference answer: a number (unit shown), an option label, or a tuple of labels."""
        value = _resolve(self.expected)
        if self.kind == "number":
            return float(value)
        return self._labels(value) if self.kind == "multiple" else value

    def check(self, value, lang: str = "zh") -> Outcome:
        """Check an answer from the page; never raises (see the module docstring)."""
        lang = lang if lang in LANGUAGES else LANGUAGES[0]
        try:
            return self._check(value, lang)
        except Exception:  # a bug in a reference must not reach the page as a traceback
            return Outcome(Status.INCORRECT, text("nc_checker_failed", lang), lang)

    def _check(self, value, lang: str) -> Outcome:
        parsed = self.read(value)
        if parsed is None:
            return Outcome(Status.NOT_ATTEMPTED, text("nc_not_attempted", lang), lang)
        if isinstance(parsed, _Junk):
            return Outcome(Status.INCORRECT, parsed.say(lang), lang)
        return evaluate(self, {ANSWER: parsed}, lang=lang)

    # ------------------------------------------------------------- reading what was entered
    def read(self, value):
        """The answer in checkable form, None when blank, or a junk marker (never raises)."""
        if self.kind == "number":
            return _read_number(value, percent=self.unit.zh.strip() == "%")
        if self.kind == "choice":
            return self._read_choice(value)
        return self._read_multiple(value)

    def _label(self, entered) -> str | None:
        if not isinstance(entered, str):
            return None
        entered = entered.strip()
        for choice in self.choices:
            if entered in (choice.zh, choice.en):
                return choice.zh
        return None

    def _read_choice(self, value):
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        label = self._label(value)
        return label if label is not None else _Junk("nc_not_an_option")

    def _read_multiple(self, value):
        if isinstance(value, str):
            value = value.strip()
        if value is None or (isinstance(value, (str, list, tuple, set, frozenset)) and not value):
            return None
        if isinstance(value, str):
            value = (value,)
        if not isinstance(value, (list, tuple, set, frozenset)):
            return _Junk("nc_not_an_option")
        labels = [self._label(v) for v in value]
        return _Junk("nc_not_an_option") if None in labels else self._labels(labels)

    def _labels(self, labels) -> tuple[str, ...]:
        """Labels in option order, each once (ticking order does not matter)."""
        chosen = set(labels)
        return tuple(label for label in self.options if label in chosen)

    # ------------------------------------------------------------- judging (the engine calls these)
    @property
    def rules(self) -> Rules:
        extra = 0.5 * 10.0 ** -self.decimals if self.decimals is not None else 0.0
        return Rules(self.rtol, max(self.atol, extra * (1 + 1e-9)), self.reveal_expected)

    def names(self) -> tuple[str, ...]:
        return (ANSWER,)

    def judge(self, values, lang) -> None:
        try:
            expected = self.answer
        except Exception as exc:
            raise Incorrect(text("nc_checker_failed", lang)) from exc
        got = values[ANSWER]
        if self.kind == "choice" and got != expected:
            raise Incorrect(text("nc_choice_wrong", lang))
        if self.kind == "multiple" and got != expected:
            raise Incorrect(_multiple_reason(got, expected, lang))
        reason = compare(got, expected, self.rules, lang)
        if reason:
            raise Incorrect(reason)

    def match_mistake(self, values, lang) -> Mistake | None:
        got = values[ANSWER]
        for mistake in self.mistakes:
            wrong = _resolve(mistake.wrong)
            if self.kind == "multiple":
                wrong = self._labels(wrong)
            if compare(got, wrong, self.rules, lang) is None:
                return mistake
        return None

    def mistake_values(self, mistake: Mistake) -> dict[str, Any]:
        wrong = _resolve(mistake.wrong)
        return {ANSWER: self._labels(wrong) if self.kind == "multiple" else wrong}

    # ------------------------------------------------------------- what the page shows
    def title_in(self, lang: str) -> str:
        """The title in ``lang``."""
        return self.title_en if lang == "en" and self.title_en else self.title

    def hints_in(self, lang: str) -> tuple[str, ...]:
        """The hints in ``lang``."""
        return self.hints_en if lang == "en" and self.hints_en else self.hints

    def choice_labels(self, lang: str) -> list[tuple[str, str]]:
        """``(text in lang, label)`` pairs for a selection widget."""
        return [(c.get(lang), c.zh) for c in self.choices]

    def answer_text(self, lang: str) -> str:
        """The reference answer as the page shows it, e.g. "15.2 Erlang" or an option's text."""
        if self.kind == "number":
            digits = self.decimals if self.decimals is not None else 4
            number = f"{self.answer:.{digits}f}" if self.decimals is not None else f"{self.answer:.{digits}g}"
            unit = self.unit.get(lang)
            return f"{number} {unit}".strip() if unit != "%" else f"{number} %"
        by_label = {c.zh: c.get(lang) for c in self.choices}
        answers = self.answer if self.kind == "multiple" else (self.answer,)
        return "；".join(by_label[a] for a in answers) if lang == "zh" else "; ".join(by_label[a] for a in answers)

    def explanation_in(self, lang: str) -> str:
        """The solution's explanation in ``lang``."""
        return self.explanation_en if lang == "en" and self.explanation_en else self.explanation

    def shown_texts(self) -> list[str]:
        """Every text of this question a trainee can see, in both languages (for tests)."""
        texts = [self.title, self.title_en, *self.hints, *self.hints_en, self.explanation,
                 self.explanation_en, self.prompt.zh, self.prompt.en, self.unit.zh, self.unit.en]
        texts += [t for c in self.choices for t in (c.zh, c.en)]
        texts += [t for m in self.mistakes for t in (m.feedback, m.feedback_en)]
        return [t for t in texts if t]


@dataclass(frozen=True)
class _Junk:
    """An entry that is not an answer of the right kind; ``say`` is the engine's sentence."""

    key: str
    got: str = ""

    def say(self, lang: str) -> str:
        return text(self.key, lang, got=self.got)


_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")


def _read_number(value, percent: bool):
    """A float from a number or a typed text; None for blank or NaN; junk otherwise.

    >>> _read_number(" 1,234.5 ", False), _read_number("80%", True), _read_number("", False)
    (1234.5, 80.0, None)
    """
    if value is None:
        return None
    if isinstance(value, (bool, np.bool_)):
        return _Junk("nc_not_a_number", str(value))
    if isinstance(value, (numbers.Real, np.number)):
        return _finite(float(value), str(value))
    if not isinstance(value, str):
        return _Junk("nc_not_a_number", _short(value))
    typed = value.strip().replace("％", "%").replace("，", ",")
    if percent and typed.endswith("%"):
        typed = typed[:-1].strip()
    if not typed:
        return None
    if _GROUPED.match(typed):
        typed = typed.replace(",", "")
    try:
        return _finite(float(typed), value.strip())
    except ValueError:
        return _Junk("nc_not_a_number", _short(value))


def _finite(number: float, shown: str):
    if math.isnan(number):
        return None
    return number if math.isfinite(number) else _Junk("nc_not_a_number", shown)


def _short(value) -> str:
    shown = str(value).strip()
    return shown if len(shown) <= 30 else shown[:29] + "…"


def _multiple_reason(got: tuple, expected: tuple, lang: str) -> str:
    missing = len(set(expected) - set(got))
    extra = len(set(got) - set(expected))
    parts = [text("nc_missing_options", lang, n=missing)] if missing else []
    parts += [text("nc_extra_options", lang, n=extra)] if extra else []
    return " ".join(parts)


def from_code(code: Question, var: str | None = None, *, set: str, id: str, prompt: Say,
              scale: float = 1.0, keep: Sequence[int] | None = None,
              feedback: dict[int, str] | None = None, feedback_en: Sequence[str] = (),
              extra_mistakes: Sequence[Mistake] = (), keep_hints: Sequence[int] | None = None,
              hints: Sequence[str] = (), hints_en: Sequence[str] = (),
              labels: Mapping[Any, Say] | None = None, **fields) -> NoCodeQuestion:
    """A question re-using a code-track question's declaration for variable ``var``.

    A number question by default; with ``labels`` (the code track's categorical answers, e.g.
    "A", "M", mapped to options) a single-choice question whose answer and typical mistakes are
    the code track's values turned into those options.

    The expected value is the code question's callable (times ``scale``, e.g. 100 to ask a
    fraction in percent), with the same tolerances; its typical mistakes for ``var`` (those at
    the positions in ``keep``, default all) keep their wrong values (scaled) and feedback, with
    ``feedback`` replacing, by position, a sentence that names code; ``feedback_en`` gives the
    English of each kept mistake in order. Its hints without code (those at the positions in
    ``keep_hints``, default all) come first, then ``hints``.
    """
    var = var or code.names()[0]
    own = [(i, m) for i, m in enumerate(code.mistakes) if (m.var or code.names()[0]) == var]
    kept = [(i, m) for i, m in own if keep is None or i in keep]
    feedback = feedback or {}
    english = list(feedback_en) + [""] * len(kept)
    convert = (lambda value: _as_label(value, labels)) if labels else (lambda value: _scaled(value, scale))
    mistakes = [Mistake(convert(m.wrong), feedback.get(i, m.feedback), feedback_en=english[n])
                for n, (i, m) in enumerate(kept)]
    plain_hints = [h for i, h in enumerate(code.hints) if is_plain(h) and (keep_hints is None or i in keep_hints)]
    fields.setdefault("title", code.title)
    fields.setdefault("explanation", code.explanation)
    if labels:
        fields.update(kind="choice", choices=list(labels.values()))
    return NoCodeQuestion(
        set=set, id=id, kind=fields.pop("kind", "number"), prompt=prompt,
        expected=convert(code.expected[var]), mistakes=[*mistakes, *extra_mistakes],
        hints=[*plain_hints, *hints], hints_en=hints_en, rtol=code.rtol, atol=code.atol * scale,
        source=code, **fields)


def _as_label(value, labels: Mapping[Any, Say]):
    """The option (Chinese label) standing for the code track's ``value``, computed at check time."""
    return lambda: labels[_resolve(value)].zh


def _scaled(value, scale: float):
    """``value`` (or what a callable returns) times ``scale``, still computed at check time."""
    if scale == 1.0:
        return value
    return lambda: float(_resolve(value)) * scale


@dataclass(frozen=True)
class NoCodeSet:
    """One workbook: its name ("ch02"), title, introduction, givens and questions in order."""

    name: str
    title: Say
    intro: Say
    givens: Sequence[Given] = field(default_factory=tuple)
    questions: Sequence[NoCodeQuestion] = field(default_factory=tuple)

    def given(self, id: str) -> Given:
        """The given called ``id``."""
        return next(g for g in self.givens if g.id == id)
