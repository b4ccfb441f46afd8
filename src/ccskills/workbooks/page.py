"""The workbook page: givens, then each question with its answer box and 检查 / 提示 / 看答案.

Wiring only: the questions, their answers and their verdicts come from
:mod:`ccskills.exercises` (``no_code_set(name).questions``, ``question.check(value, lang)``);
the verdict, hint and solution boxes are the code track's own renderings
(:class:`~ccskills.exercises.Outcome`, :class:`~ccskills.exercises.Hint`,
:class:`~ccskills.exercises.SolutionNote`). No code, traceback or Python name is shown.

Every check goes to ``recorder``, a callable ``recorder(set_name, question_id, value, outcome)``;
an error in it is swallowed (the page never fails because of the store). The default, "auto",
is the session's :class:`ccskills.progress.Recorder` when recording is on (in a Jupyter kernel
or Voila; off in scripts and tests unless ``CCSKILLS_PROGRESS=on``); None records nothing. A
sentence the recorder returns ("progress not saved") is shown under the progress line, and
while the trainee's name is not set a name box asks for it once.
"""

from __future__ import annotations

import html
from collections.abc import Callable

try:
    import ipywidgets as widgets
except ImportError as _err:  # a core install, without the course extra: say how to get it
    from ccskills._extras import needs_extra
    raise needs_extra(_err, __name__) from _err

from ccskills.exercises import Hint, NoCodeQuestion, NoCodeSet, Outcome, SolutionNote, no_code_set
from ccskills.workbooks._visible import visible_text
from ccskills.workbooks._text import STYLE, calculator_link, given_html, t

__all__ = ["QuestionCard", "Workbook", "build_workbook"]

LANGUAGE_OPTIONS = [("中文", "zh"), ("English", "en")]
Recorder = Callable[[str, str, object, Outcome], None]


def _css(name: str) -> str:
    return "ccs-" + name.replace("_", "-")


def _plain(shown: str) -> str:
    """Course text for the page: Markdown bold marks dropped."""
    return shown.replace("**", "")


class QuestionCard(widgets.VBox):
    """One question: title and prompt, the answer box (with its unit), buttons, verdict, hint, solution."""

    def __init__(self, question: NoCodeQuestion, number: int, page: Workbook) -> None:
        self.question, self.number, self.page = question, number, page
        self.heading = widgets.HTML()
        self.box = self._answer_box()
        self.unit = widgets.HTML()
        self.unit.add_class("ccs-unit")
        self.buttons = {name: widgets.Button(layout=widgets.Layout(width="auto")) for name in ("check", "hint", "solution")}
        for name, button in self.buttons.items():
            button.add_class(_css(f"{name}_button"))
        self.buttons["check"].button_style = "primary"
        self.buttons["check"].on_click(lambda _: self.check())
        self.buttons["hint"].on_click(lambda _: self.show_hint())
        self.buttons["solution"].on_click(lambda _: self.show_solution())
        self.verdict, self.note = widgets.HTML(), widgets.HTML()
        self.verdict.add_class("ccs-verdict")
        self.note.add_class("ccs-note")
        self.outcome: Outcome | None = None
        self.hints_seen, self.showing = 0, ""
        self.checks = 0
        self.hints_shown = 0
        row = [self.box, self.unit] if question.kind == "number" else [self.box]
        controls = widgets.HBox([*self.buttons.values()])
        super().__init__([self.heading, widgets.HBox(row), widgets.HBox([controls, self.verdict]), self.note])
        self.add_class("ccs-question")
        self.add_class(_css(f"q_{question.id}"))

    def _answer_box(self) -> widgets.Widget:
        kind = self.question.kind
        if kind == "number":
            box = widgets.Text(value="", layout=widgets.Layout(width="12em"))
        elif kind == "choice":
            box = widgets.RadioButtons(options=self.question.choice_labels(self.page.lang), value=None,
                                       layout=widgets.Layout(width="auto"))
        else:
            self.ticks = [widgets.Checkbox(value=False, description=text, indent=False,
                                           layout=widgets.Layout(width="auto"))
                          for text, _ in self.question.choice_labels(self.page.lang)]
            box = widgets.VBox(self.ticks)
        box.add_class("ccs-answer")
        return box

    # ---------------------------------------------------------------- reading and writing the answer
    @property
    def value(self):
        """What the trainee entered: text, an option label, or a tuple of labels."""
        if self.question.kind == "multiple":
            return tuple(label for tick, label in zip(self.ticks, self.question.options) if tick.value)
        return self.box.value

    @value.setter
    def value(self, value) -> None:
        if self.question.kind == "multiple":
            chosen = value if isinstance(value, (list, tuple, set, frozenset)) else (value,)
            for tick, label in zip(self.ticks, self.question.options):
                tick.value = label in chosen
        elif self.question.kind == "number":
            self.box.value = "" if value is None else str(value)
        else:
            self.box.value = value

    # ---------------------------------------------------------------- the buttons
    def check(self) -> Outcome:
        """Check the entered answer, show the verdict beside the question, call the recorder."""
        self.outcome = self.question.check(self.value, lang=self.page.lang)
        self.checks += 1
        self._show_verdict()
        self.page.answered(self.question, self.value, self.outcome, hints=self.hints_shown)
        return self.outcome

    def show_hint(self) -> None:
        """The next hint, cycling."""
        hints = self.question.hints_in(self.page.lang)
        self.hints_seen = self.hints_seen % len(hints) + 1
        self.hints_shown += 1
        self.showing = "hint"
        self._show_note()

    def show_solution(self) -> None:
        """The answer and why."""
        self.showing = "solution"
        self._show_note()

    # ---------------------------------------------------------------- drawing
    def relabel(self) -> None:
        """Redraw every text in the page's language (after a switch)."""
        lang, q = self.page.lang, self.question
        title = html.escape(q.title_in(lang))
        self.heading.value = (f'<div class="ccs-question-title">{t("question", lang, n=self.number)}　{title}</div>'
                              f'<div class="ccs-prompt">{html.escape(_plain(q.prompt.get(lang)))}'
                              f'{self._kind_note(lang)}</div>{self._calculator(lang)}')
        self.unit.value = html.escape(q.unit.get(lang))
        for name, button in self.buttons.items():
            button.description = t(name, lang)
        if q.kind == "number":
            self.box.placeholder = t("number_placeholder", lang)
        elif q.kind == "choice":
            value = self.box.value
            self.box.options = q.choice_labels(lang)
            self.box.value = value
        else:
            for tick, (text, _) in zip(self.ticks, q.choice_labels(lang)):
                tick.description = text
        if self.outcome is not None:
            self.outcome = q.check(self.value, lang=lang)
            self._show_verdict()
        self._show_note()

    def _calculator(self, lang: str) -> str:
        name = self.question.calculator
        return f'<div class="ccs-calculator">{calculator_link(name, lang)}</div>' if name else ""

    def _kind_note(self, lang: str) -> str:
        kind = {"choice": "choose_one", "multiple": "choose_many"}.get(self.question.kind)
        return f'<span class="ccs-kind">（{t(kind, lang)}）</span>' if kind and lang == "zh" else (
            f'<span class="ccs-kind"> ({t(kind, lang)})</span>' if kind else "")

    def _show_verdict(self) -> None:
        status = self.outcome.status.value
        self.verdict.value = (f'<div class="ccs-verdict-{status.replace("_", "-")}" data-checks="{self.checks}">'
                              f"{self.outcome._repr_html_()}</div>")

    def _show_note(self) -> None:
        lang, q = self.page.lang, self.question
        if self.showing == "hint":
            hints = q.hints_in(lang)
            shown = Hint(_plain(hints[self.hints_seen - 1]), self.hints_seen, len(hints), lang)
        elif self.showing == "solution":
            answer = t("answer_is", lang, answer=q.answer_text(lang))
            shown = SolutionNote("", f"{answer}\n{_plain(q.explanation_in(lang))}", lang)
        else:
            return
        self.note.value = f'<div class="ccs-{self.showing}-note">{shown._repr_html_()}</div>'


class Workbook(widgets.VBox):
    """A whole workbook page: header with the language switch, then givens and question cards."""

    def __init__(self, problem_set: NoCodeSet, lang: str = "zh", recorder: Recorder | str | None = "auto") -> None:
        self.problem_set = problem_set
        self.lang = lang if lang in ("zh", "en") else "zh"
        self.recorder = _default_recorder() if recorder == "auto" else recorder
        self.notice = widgets.HTML()
        self.notice.add_class("ccs-progress-notice")
        self.name_row = _NameRow(self)
        self.language = widgets.ToggleButtons(options=LANGUAGE_OPTIONS, value=self.lang)
        self.language.add_class("ccs-language")
        self.title, self.intro, self.progress = widgets.HTML(), widgets.HTML(), widgets.HTML()
        self.progress.add_class("ccs-progress")
        self.givens: dict[str, widgets.HTML] = {}
        self.cards: dict[str, QuestionCard] = {}
        body = []
        for number, question in enumerate(problem_set.questions, 1):
            body += [self._given_box(g) for g in question.givens if g not in self.givens]
            self.cards[question.id] = QuestionCard(question, number, self)
            body.append(self.cards[question.id])
        header = widgets.HBox([self.title, self.language], layout=widgets.Layout(justify_content="space-between"))
        super().__init__([widgets.HTML(STYLE), header, self.intro, self.name_row, self.progress, self.notice, *body])
        self.add_class("ccs-workbook")
        self.add_class(_css(f"workbook_{problem_set.name}"))
        self.language.observe(self._on_language, names="value")
        self.relabel()

    def _given_box(self, given_id: str) -> widgets.HTML:
        box = widgets.HTML()
        box.add_class("ccs-given")
        box.add_class(_css(f"given_{given_id}"))
        self.givens[given_id] = box
        return box

    def _on_language(self, change) -> None:
        self.lang = change["new"]
        self.relabel()

    def relabel(self) -> None:
        """Redraw the page in ``self.lang``: header, givens (computed again in that language), cards."""
        lang, s = self.lang, self.problem_set
        self.title.value = f"<h2>{html.escape(s.title.get(lang))}</h2>"
        self.intro.value = f"<p>{html.escape(s.intro.get(lang))}</p>"
        for given_id, box in self.givens.items():
            given = s.given(given_id)
            box.value = given_html(given.title.get(lang), given.build(lang), given.note.get(lang))
        for card in self.cards.values():
            card.relabel()
        self.name_row.relabel()
        self._show_progress()

    def answered(self, question: NoCodeQuestion, value, outcome: Outcome, hints: int = 0) -> None:
        """After a check: update the progress line and hand the answer to the recorder, if any."""
        self._show_progress()
        if self.recorder is None:
            return
        try:
            if _is_progress_recorder(self.recorder):
                said = self.recorder(self.problem_set.name, question.id, value, outcome, hints=hints)
            else:
                said = self.recorder(self.problem_set.name, question.id, value, outcome)
        except Exception:  # recording is a convenience for the trainer; the trainee's page goes on
            return
        if isinstance(said, str) and said:
            self.notice.value = f'<div class="ccs-notice">{html.escape(said)}</div>'

    def _show_progress(self) -> None:
        correct = sum(1 for c in self.cards.values() if c.outcome is not None and c.outcome.correct)
        self.progress.value = f'<span data-correct="{correct}">{t("progress", self.lang, correct=correct, total=len(self.cards))}</span>'

    # ---------------------------------------------------------------- for tests and notebooks
    def card(self, question_id: str) -> QuestionCard:
        """The card of question ``question_id``."""
        return self.cards[question_id]

    def visible_text(self) -> str:
        """Every text a person can see on the page (HTML tags removed), for tests."""
        return visible_text(self)


def _default_recorder():
    """The session's progress recorder, or None when recording is off (never raises)."""
    try:
        from ccskills.progress.recorder import default_recorder

        return default_recorder()
    except Exception:
        return None


def _is_progress_recorder(recorder) -> bool:
    from ccskills.progress.recorder import Recorder as ProgressRecorder

    return isinstance(recorder, ProgressRecorder)


class _NameRow(widgets.HBox):
    """"Your name" box and button, shown only while a progress recorder has no name to store."""

    def __init__(self, page: Workbook) -> None:
        self.page = page
        self.label, self.said = widgets.HTML(), widgets.HTML()
        self.name = widgets.Text(layout=widgets.Layout(width="14em"))
        self.save = widgets.Button(layout=widgets.Layout(width="auto"))
        self.save.on_click(lambda _: self.save_name())
        super().__init__([self.label, self.name, self.save, self.said])
        self.add_class("ccs-name-row")
        self.layout.display = "" if self.needed() else "none"

    def needed(self) -> bool:
        """True when the page records and the trainee's name is not set."""
        recorder = self.page.recorder
        try:
            return _is_progress_recorder(recorder) and not recorder.identity().is_set
        except Exception:
            return False

    def relabel(self) -> None:
        lang = self.page.lang
        self.label.value = html.escape(t("name_needed", lang))
        self.name.placeholder = t("your_name", lang)
        self.save.description = t("save_name", lang)

    def save_name(self) -> None:
        """Remember the typed name (``set_trainee``); say where progress goes, or why it was refused."""
        from ccskills.progress.identity import set_trainee

        lang = self.page.lang
        try:
            who = set_trainee(self.name.value)
        except (ValueError, OSError):
            self.said.value = html.escape(t("name_refused", lang))
            return
        self.said.value = ""
        self.layout.display = "none"
        self.page.notice.value = f'<div class="ccs-notice">{html.escape(t("name_saved", lang, name=who.name))}</div>'


def build_workbook(set_name: str, lang: str = "zh", recorder: Recorder | str | None = "auto") -> Workbook:
    """The workbook page of ``set_name`` ("ch02", "ch05", …) in ``lang``, ready to display.

    >>> page = build_workbook("ch02", lang="en")
    >>> card = page.card("offered_load")
    >>> card.value = "15.2"
    >>> card.check().correct
    True
    """
    return Workbook(no_code_set(set_name), lang=lang, recorder=recorder)
