"""The trainer dashboard (培训师看板), served by Voila from course/trainer/dashboard.ipynb.

Wiring only: the attempts come from a :class:`ccskills.progress.ProgressStore` (default: the
store ``CCSKILLS_PROGRESS_URL`` names, else the SQLite file in the user's data directory), the
tables from :mod:`ccskills.class_report`. The page shows three cards (trainees started,
attempts, share correct at first try for the whole class), completion per trainee × set, per
question the share correct at first try with the commonest wrong answer and its mistake label,
who on the pasted roster has not started, the pre/post score per learning goal, and all of it as
one Excel download.

Definitions: an *attempt* is a check of a non-blank answer (pressing 检查 on an empty box does
not count, as in :mod:`ccskills.class_report`); the first-try card is the first tries answered
correctly ÷ all first tries, over every trainee and question.

Refreshing: the 刷新 / Refresh button reads the store again. Auto-refresh uses an
``ipywidgets.Play`` widget as a timer: it counts in the browser every 30 s (``REFRESH_S``) and
each tick reaches the kernel as a value change, so the kernel holds no thread or loop. The
browser starts the timer only when ``playing`` changes after the page is shown, so auto-refresh
starts when the trainer ticks "每 30 秒自动刷新"; unticking it pauses.

Who may look: on a JupyterHub (``JUPYTERHUB_USER`` set) only the users listed in
``CCSKILLS_TRAINERS`` (comma-separated hub names, e.g. ``CCSKILLS_TRAINERS=liwei,zhangmin``) see
the class; anyone else sees "只有培训师可以查看全班进度" and the store is not read. Off a hub
(a trainer's own machine) the page opens.

Nothing raises onto the page: an empty store says "还没有学员提交答案", an unreachable one
names its host (or the SQLite file's name), never the URL's password. Merely opening the page
creates no file: when the default SQLite file does not exist the class is shown as empty.

>>> import os, tempfile
>>> from ccskills.progress import ProgressStore
>>> store = ProgressStore("sqlite:///" + os.path.join(tempfile.mkdtemp(), "class.sqlite3"))
>>> store.record("王芳", "ch02", "offered_load", "15.2", True, track="workbook")
>>> page = build_trainer_dashboard("en", store=store, environ={})
>>> page.shown("started"), page.shown("first_try")
('1', '100%')
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path

import ipywidgets as widgets
import pandas as pd

from ccskills.apps._common import ReadBack, card, excel_link, set_card, status_html
from ccskills.class_report._page_text import (CARDS, EXCEL_FORMATS, STYLE, completion_view, message_html,
                                              percent, pre_post_view, question_view, store_place, t,
                                              table_html)
from ccskills.workbooks._visible import visible_text
from ccskills.class_report._tables import (class_report, class_summary, common_wrong_answers, completion,
                                           course_questions, first_try, not_started, pre_post_by_goal)

__all__ = ["REFRESH_S", "TRAINERS_ENV", "TrainerDashboard", "build_trainer_dashboard", "is_trainer"]

REFRESH_S = 30
"""Seconds between automatic refreshes while auto-refresh is ticked."""
TRAINERS_ENV = "CCSKILLS_TRAINERS"
"""Environment variable: the hub user names (comma-separated) allowed to see the class."""
TABLES = ("completion", "questions", "not_started", "pre_post")
LANGUAGE_OPTIONS = [("中文", "zh"), ("English", "en")]


def is_trainer(environ: Mapping[str, str] | None = None) -> bool:
    """True off a hub (no ``JUPYTERHUB_USER``), or when the hub user is listed in ``CCSKILLS_TRAINERS``.

    >>> is_trainer({}), is_trainer({"JUPYTERHUB_USER": "ann"})
    (True, False)
    >>> is_trainer({"JUPYTERHUB_USER": "ann", "CCSKILLS_TRAINERS": "bob, ann"})
    True
    """
    environ = os.environ if environ is None else environ
    user = environ.get("JUPYTERHUB_USER", "").strip()
    trainers = {name.strip() for name in environ.get(TRAINERS_ENV, "").split(",") if name.strip()}
    return not user or user in trainers


def _roster_names(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _default_store():
    """The default store, or None when it is the default SQLite file and that file does not exist yet."""
    from ccskills.progress import ProgressStore, default_url

    url = default_url()
    if url.startswith("sqlite:///") and not Path(url[len("sqlite:///"):]).exists():
        return None
    return ProgressStore(url, timeout_s=3.0)


def _no_attempts() -> pd.DataFrame:
    from ccskills.progress import COLUMNS

    return pd.DataFrame({c: pd.Series([], dtype="datetime64[ns, UTC]" if c == "at" else object)
                         for c in COLUMNS})


class TrainerDashboard(ReadBack, widgets.VBox):
    """Header and controls, the cards, then the class tables and the Excel link (see the module docstring)."""

    def __init__(self, lang: str = "zh", store=None, roster: Iterable[str] | str | None = None, *,
                 questions: Mapping[tuple[str, str], Sequence[str]] | None = None,
                 environ: Mapping[str, str] | None = None) -> None:
        self.lang = lang if lang in ("zh", "en") else "zh"
        self.store, self.allowed, self._questions = store, is_trainer(environ), questions
        self.attempts: pd.DataFrame | None = None
        self.problem: str | None = None  # "trainers_only", "unreachable" or "empty"
        self.run = 0
        self._build_controls(roster)
        self.cards = {name: card(f"ccs-card-{name.replace('_', '-')}") for name in CARDS}
        self.headings = {name: widgets.HTML() for name in TABLES}
        self.tables = {name: widgets.HTML() for name in TABLES}
        self.shown_tables: dict[str, pd.DataFrame] = {}
        sections = {name: widgets.VBox([self.headings[name], self.tables[name]]) for name in TABLES}
        for name, box in self.tables.items():
            box.add_class("ccs-dashboard-table")
            box.add_class(f"ccs-table-{name.replace('_', '-')}")
        self.sections = sections
        self.data_box = widgets.VBox([widgets.HBox(list(self.cards.values())), sections["completion"],
                                      sections["questions"], sections["not_started"], sections["pre_post"],
                                      self.download])
        header = widgets.HBox([self.title, self.language], layout=widgets.Layout(justify_content="space-between"))
        super().__init__([widgets.HTML(STYLE), header, self.intro, self.controls, self.status, self.message,
                          self.data_box])
        self.add_class("ccs-trainer-dashboard")
        self.refresh()

    def _build_controls(self, roster) -> None:
        self.language = widgets.ToggleButtons(options=LANGUAGE_OPTIONS, value=self.lang)
        self.language.add_class("ccs-language")
        self.title, self.intro, self.message, self.download = (widgets.HTML() for _ in range(4))
        self.status = widgets.HTML()
        self.status.add_class("ccs-status")
        self.message.add_class("ccs-message-box")
        self.download.add_class("ccs-download")
        self.refresh_button = widgets.Button(icon="refresh", layout=widgets.Layout(width="auto"))
        self.refresh_button.add_class("ccs-refresh")
        self.auto = widgets.Checkbox(value=False, indent=False, layout=widgets.Layout(width="auto"))
        self.auto.add_class("ccs-auto-refresh")
        self.timer = widgets.Play(value=0, min=0, max=10**9, step=1, interval=REFRESH_S * 1000,
                                  playing=False, show_repeat=False, layout=widgets.Layout(display="none"))
        text = roster if isinstance(roster, str) else "\n".join(roster or ())
        self.roster = widgets.Textarea(value=text, rows=4, continuous_update=False,
                                       layout=widgets.Layout(width="18em"))
        self.roster.add_class("ccs-roster")
        self.roster_label = widgets.HTML()
        self.controls = widgets.HBox([widgets.VBox([self.refresh_button, self.auto, self.timer]),
                                      widgets.VBox([self.roster_label, self.roster])])
        self.language.observe(self._on_language, names="value")
        self.refresh_button.on_click(lambda _: self.refresh())
        self.auto.observe(self._on_auto, names="value")
        self.timer.observe(lambda _: self.auto.value and self.refresh(), names="value")
        self.roster.observe(lambda _: self._show(), names="value")

    # ---------------------------------------------------------------- reading the store
    @property
    def questions(self) -> Mapping[tuple[str, str], Sequence[str]]:
        """``(track, set) → question ids``: as given, else the kit's sets (:func:`course_questions`)."""
        if self._questions is None:
            self._questions = course_questions()
        return self._questions

    def refresh(self) -> None:
        """Read the store again (unless this user may not see the class) and redraw the page."""
        if self.allowed:
            self._read()
        else:
            self.attempts, self.problem = None, "trainers_only"
            self.auto.value = False
        self.run += 1
        self.read_at = datetime.now(timezone.utc)
        self._show()

    def _read(self) -> None:
        self.refresh_button.disabled = True
        try:
            if self.store is None:
                self.store = _default_store()
            attempts = _no_attempts() if self.store is None else self.store.attempts()
            self.attempts, self.summary = attempts, class_summary(attempts)
            self.problem = None if self.summary.attempts else "empty"
        except Exception:  # a store that cannot be read is a sentence on the page, never a traceback
            self.attempts, self.problem = None, "unreachable"
        finally:
            self.refresh_button.disabled = not self.allowed

    def _on_auto(self, change) -> None:
        self.timer.playing = bool(change["new"]) and self.allowed

    def _on_language(self, change) -> None:
        self.lang = change["new"]
        self._show()

    # ---------------------------------------------------------------- drawing
    def _show(self) -> None:
        self._relabel()
        self._show_status()
        readable = self.attempts is not None
        self.data_box.layout.display = "" if readable else "none"
        self.controls.layout.display = "" if self.allowed else "none"
        for name in ("completion", "questions", "pre_post"):
            self.sections[name].layout.display = "" if self.problem is None else "none"
        if readable:
            self._show_cards()
            self._show_tables()

    def _relabel(self) -> None:
        lang = self.lang
        self.title.value = f"<h2>{html.escape(t('title', lang))}</h2>"
        self.intro.value = f"<p>{html.escape(t('intro', lang))}</p>"
        self.refresh_button.description = t("refresh", lang)
        self.auto.description = t("auto", lang)
        self.roster.placeholder = t("roster_placeholder", lang)
        self.roster_label.value = html.escape(t("roster", lang))
        for name in TABLES:
            self.headings[name].value = f"<h3>{html.escape(t(name, lang))}</h3>"

    def _show_status(self) -> None:
        lang, now = self.lang, self.read_at.strftime("%H:%M:%S")
        if self.problem in ("trainers_only", "unreachable"):
            place = store_place(self._url(), lang)
            sentence = t(self.problem, lang, place=place)
            self.status.value = status_html("error", sentence, self.run)
            self.message.value = ""
        elif self.problem == "empty":
            self.status.value = status_html("ok", t("updated_empty", lang, time=now), self.run)
            self.message.value = message_html(t("empty", lang))
        else:
            self.status.value = status_html("ok", t("updated", lang, time=now, trainees=self.summary.started,
                                                    attempts=self.summary.attempts), self.run)
            self.message.value = ""

    def _url(self) -> str:
        from ccskills.progress import default_url

        return getattr(self.store, "url", None) or default_url()

    def _show_cards(self) -> None:
        lang, summary = self.lang, self.summary
        set_card(self.cards["started"], t("card_started", lang), str(summary.started))
        set_card(self.cards["attempts"], t("card_attempts", lang), str(summary.attempts))
        set_card(self.cards["first_try"], t("card_first_try", lang), percent(summary.first_try_share),
                 t("card_first_try_note", lang))

    def _show_tables(self) -> None:
        lang, attempts, roster = self.lang, self.attempts, _roster_names(self.roster.value)
        shown = {"not_started": not_started(attempts, roster).rename(columns={"trainee": t("trainee", lang)})}
        if self.problem is None:
            shown["completion"] = completion_view(completion(attempts, self.questions), lang)
            shown["questions"] = question_view(first_try(attempts), common_wrong_answers(attempts, top=1), lang)
            shown["pre_post"] = pre_post_view(pre_post_by_goal(attempts, lang), lang)
        self.shown_tables = shown
        for name, table in shown.items():
            self.tables[name].value = self._table_html(name, table, roster)
        self.download.value = self._excel(roster) if self.problem is None else ""

    def _table_html(self, name: str, table: pd.DataFrame, roster: list[str]) -> str:
        if name == "not_started" and not table.empty:
            separator = "、" if self.lang == "zh" else ", "
            return "<p>" + separator.join(html.escape(n) for n in table.iloc[:, 0]) + "</p>"
        empty = {"not_started": "no_roster" if not roster else "all_started", "pre_post": "no_tests"}
        if table.empty and name in empty:
            return f"<p>{html.escape(t(empty[name], self.lang))}</p>"
        return table_html(table)

    def _excel(self, roster: list[str]) -> str:
        report = class_report(self.attempts, roster, self.questions, self.lang)
        return excel_link(report, "class_report", t("download", self.lang), number_formats=EXCEL_FORMATS)

    # ---------------------------------------------------------------- for tests and notebooks
    def table(self, name: str) -> pd.DataFrame:
        """The table ``name`` ("completion", "questions", "not_started", "pre_post") as shown now."""
        return self.shown_tables[name]

    def visible_text(self) -> str:
        """Every text a person can see on the page (HTML tags removed), for tests."""
        return visible_text(self)


def build_trainer_dashboard(lang: str = "zh", store=None, roster: Iterable[str] | str | None = None, *,
                            questions: Mapping[tuple[str, str], Sequence[str]] | None = None,
                            environ: Mapping[str, str] | None = None) -> TrainerDashboard:
    """The trainer dashboard in ``lang`` ("zh" or "en"), reading ``store`` (default: the class's store).

    ``roster``: the class's names (a list, or text with one name per line), pre-filled in the
    roster box; ``questions``: ``(track, set) → question ids`` (default: the kit's sets);
    ``environ``: where to look for ``JUPYTERHUB_USER`` and ``CCSKILLS_TRAINERS`` (default
    ``os.environ``).
    """
    return TrainerDashboard(lang, store, roster, questions=questions, environ=environ)
