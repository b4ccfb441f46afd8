"""The trainer dashboard (讲师看板), served by Voila from course/trainer/dashboard.ipynb.

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

Refreshing: the 刷新 / Refresh button reads the store again. Auto-refresh is on when the page
opens: the kernel itself reads the store every ``refresh_s`` seconds (default :data:`REFRESH_S`,
or ``CCSKILLS_DASHBOARD_REFRESH_S``) on its own event loop, the read in a worker thread and the
redraw on the loop, so widget updates reach the browser as comm messages while the page stays
answerable. Reads never overlap (a tick that finds a read running is skipped); unticking "自动刷新"
stops the timer, and closing the page (its kernel shut down) ends it. Outside a running event
loop (a script, a test) nothing ticks; :meth:`TrainerDashboard.refresh` still works.

Who may look: see :mod:`ccskills.class_report.access` (a hub's admins, its group "trainers" and
the config's ``trainers`` on a hub; the trainer passcode, if set, on one machine). Anyone else
sees a sentence pointing to 我的进度 (My progress), and the store is not read.

Nothing raises onto the page: an empty store says "还没有学员提交答案", an unreachable one
names its host (or the SQLite file's name), never the URL's password. Merely opening the page
creates no file: when the default SQLite file does not exist the class is shown as empty.

>>> import os, tempfile
>>> from types import SimpleNamespace
>>> from ccskills.progress import ProgressStore
>>> store = ProgressStore("sqlite:///" + os.path.join(tempfile.mkdtemp(), "class.sqlite3"))
>>> store.record("王芳", "ch02", "offered_load", "15.2", True, track="workbook")
>>> no_passcode = SimpleNamespace(trainers=(), trainer_group="trainers", trainer_passcode=None)
>>> page = build_trainer_dashboard("en", store=store, environ={}, config=no_passcode)
>>> page.shown("started"), page.shown("first_try")
('1', '100%')
"""

from __future__ import annotations

import asyncio
import html
import os
import threading
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import NamedTuple

try:
    import ipywidgets as widgets
except ImportError as _err:  # a core install, without the course extra: say how to get it
    from ccskills._extras import needs_extra
    raise needs_extra(_err, __name__) from _err
import pandas as pd

from ccskills.apps._common import ReadBack, card, excel_link, set_card, status_html
from ccskills.class_report._page_text import (CARDS, EXCEL_FORMATS, STYLE, completion_view, message_html,
                                              my_progress_link, percent, pre_post_view, question_view,
                                              seconds_text, store_place, t, table_html)
from ccskills.class_report._tables import (ClassSummary, class_report, class_summary, common_wrong_answers,
                                           completion, course_questions, first_try, not_started,
                                           pre_post_by_goal)
from ccskills.class_report._ticker import REFRESH_ENV, REFRESH_S, Ticker, refresh_seconds
from ccskills.class_report.access import Access, PasscodeGate, trainer_access
from ccskills.workbooks._visible import visible_text

__all__ = ["REFRESH_ENV", "REFRESH_S", "TRAINERS_ENV", "TrainerDashboard", "build_trainer_dashboard",
           "is_trainer", "refresh_seconds"]

TRAINERS_ENV = "CCSKILLS_TRAINERS"
"""Environment variable: the hub user names (comma-separated) allowed to see the class."""
TABLES = ("completion", "questions", "not_started", "pre_post")
LANGUAGE_OPTIONS = [("中文", "zh"), ("English", "en")]


def is_trainer(environ: Mapping[str, str] | None = None, *, config=None) -> bool:
    """True when this kernel's user may see the class now, without a passcode (:func:`trainer_access`).

    >>> from types import SimpleNamespace
    >>> config = SimpleNamespace(trainers=("ann",), trainer_group="trainers", trainer_passcode=None)
    >>> is_trainer({}, config=config), is_trainer({"JUPYTERHUB_USER": "ann"}, config=config)
    (True, True)
    """
    return trainer_access(environ, config=config).is_trainer


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


def _config_and_access(environ, config) -> tuple[object | None, Access]:
    """The class config (None when it cannot be read) and what it allows this user."""
    if config is None:
        from ccskills.progress._config import load_config

        try:
            config = load_config(environ)
        except ValueError:  # trainer_access says why, as a sentence
            return None, trainer_access(environ)
    return config, trainer_access(environ, config=config)


class Reading(NamedTuple):
    """One read of the store: who may look, the attempts and their summary, and what is wrong (if any)."""

    access: Access
    attempts: pd.DataFrame | None
    summary: ClassSummary | None
    problem: str | None  # "trainers_only", "unreachable", "empty" or None


class TrainerDashboard(ReadBack, widgets.VBox):
    """Header and controls, the cards, then the class tables and the Excel link (see the module docstring)."""

    def __init__(self, lang: str = "zh", store=None, roster: Iterable[str] | str | None = None, *,
                 questions: Mapping[tuple[str, str], Sequence[str]] | None = None,
                 environ: Mapping[str, str] | None = None, config=None, refresh_s: float | None = None,
                 passcode_state: str | os.PathLike | None = None) -> None:
        self.lang = lang if lang in ("zh", "en") else "zh"
        self.store, self._questions, self._environ = store, questions, environ
        self.refresh_s = refresh_seconds(refresh_s, environ)
        self.config, self.access = _config_and_access(environ, config)
        self.unlocked = False
        self.gate = (PasscodeGate(self.config.trainer_passcode, state_file=passcode_state)
                     if self.access.needs_passcode else None)
        self.attempts: pd.DataFrame | None = None
        self.problem: str | None = None  # "trainers_only", "unreachable" or "empty"
        self.run = 0
        self._lock = threading.Lock()
        self.ticker = Ticker(self.refresh_s, self._tick)
        self._build_controls(roster)
        self._build_gate()
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
        super().__init__([widgets.HTML(STYLE), header, self.intro, self.access_note, self.gate_row, self.controls,
                          self.status, self.message, self.data_box])
        self.add_class("ccs-trainer-dashboard")
        self.refresh()
        self._follow_auto()

    def _build_controls(self, roster) -> None:
        self.language = widgets.ToggleButtons(options=LANGUAGE_OPTIONS, value=self.lang)
        self.language.add_class("ccs-language")
        self.title, self.intro, self.message, self.download = (widgets.HTML() for _ in range(4))
        self.status, self.access_note = widgets.HTML(), widgets.HTML()
        self.status.add_class("ccs-status")
        self.access_note.add_class("ccs-access-note")
        self.message.add_class("ccs-message-box")
        self.download.add_class("ccs-download")
        self.refresh_button = widgets.Button(icon="refresh", layout=widgets.Layout(width="auto"))
        self.refresh_button.add_class("ccs-refresh")
        self.auto = widgets.Checkbox(value=True, indent=False, layout=widgets.Layout(width="auto"))
        self.auto.add_class("ccs-auto-refresh")
        text = roster if isinstance(roster, str) else "\n".join(roster or ())
        self.roster = widgets.Textarea(value=text, rows=4, continuous_update=False,
                                       layout=widgets.Layout(width="18em"))
        self.roster.add_class("ccs-roster")
        self.roster_label = widgets.HTML()
        self.controls = widgets.HBox([widgets.VBox([self.refresh_button, self.auto]),
                                      widgets.VBox([self.roster_label, self.roster])])
        self.language.observe(self._on_language, names="value")
        self.refresh_button.on_click(lambda _: self.refresh())
        self.auto.observe(lambda _: self._follow_auto(), names="value")
        self.roster.observe(lambda _: self._show(), names="value")

    def _build_gate(self) -> None:
        """The passcode box and its button (shown only off a hub with a passcode set, until accepted)."""
        self.passcode = widgets.Password(layout=widgets.Layout(width="14em"))
        self.passcode.add_class("ccs-passcode")
        self.enter = widgets.Button(button_style="primary", layout=widgets.Layout(width="auto"))
        self.enter.add_class("ccs-passcode-enter")
        self.gate_said = widgets.HTML()
        self.gate_said.add_class("ccs-passcode-said")
        self.gate_row = widgets.HBox([self.passcode, self.enter, self.gate_said])
        self.enter.on_click(lambda _: self.try_passcode())

    # ---------------------------------------------------------------- who may look
    @property
    def allowed(self) -> bool:
        """True when this page may show the class: a trainer, or the passcode was accepted here."""
        return self.access.is_trainer or self.unlocked

    def try_passcode(self, passcode: str | None = None) -> bool:
        """Check the typed passcode (or ``passcode``); on success show the class and start auto-refresh.

        An empty box is not a try (it is not counted against the trainer).
        """
        if self.gate is None or self.unlocked:
            return self.allowed
        typed = self.passcode.value if passcode is None else passcode
        if not typed:
            self.gate_said.value = html.escape(t("passcode_empty", self.lang))
            return False
        result = self.gate.attempt(typed)
        self.passcode.value = ""
        self.gate_said.value = html.escape(result.sentence(self.lang))
        if result.ok:
            self.unlocked = True
            self.refresh()
            self._follow_auto()
        return result.ok

    def _current_access(self) -> Access:
        if self.access.user and self.config is not None:  # on a hub the answer may change: ask again
            return trainer_access(self._environ, config=self.config)
        return self.access

    # ---------------------------------------------------------------- reading the store
    @property
    def questions(self) -> Mapping[tuple[str, str], Sequence[str]]:
        """``(track, set) → question ids``: as given, else the kit's sets (:func:`course_questions`)."""
        if self._questions is None:
            self._questions = course_questions()
        return self._questions

    def refresh(self) -> bool:
        """Read the store again (unless this user may not see the class) and redraw; False if a read is running."""
        if not self._lock.acquire(blocking=False):
            return False
        try:
            self._apply(self._fetch())
        finally:
            self._lock.release()
        return True

    async def _tick(self) -> None:
        """One automatic refresh: read in a worker thread, redraw here (on the kernel's loop)."""
        if not self._lock.acquire(blocking=False):
            return
        try:
            reading = await asyncio.get_running_loop().run_in_executor(None, self._fetch)
            self._apply(reading)
        finally:
            self._lock.release()

    def _fetch(self) -> Reading:
        """Who may look and what the store holds; never raises (a failing store is "unreachable")."""
        access = self._current_access()
        if not (access.is_trainer or self.unlocked):
            return Reading(access, None, None, "trainers_only")
        try:
            if self.store is None:
                self.store = _default_store()
            attempts = _no_attempts() if self.store is None else self.store.attempts()
            summary = class_summary(attempts)
            return Reading(access, attempts, summary, None if summary.attempts else "empty")
        except Exception:  # a store that cannot be read is a sentence on the page, never a traceback
            return Reading(access, None, None, "unreachable")

    def _apply(self, reading: Reading) -> None:
        self.access, self.attempts, self.problem = reading.access, reading.attempts, reading.problem
        if reading.summary is not None:
            self.summary = reading.summary
        self.run += 1
        self.read_at = datetime.now(timezone.utc)
        if not self.allowed:
            self.ticker.stop()
        self._show()

    def _follow_auto(self) -> None:
        """Start or stop the timer as the auto-refresh box says (only for someone who may look)."""
        if self.auto.value and self.allowed:
            self.ticker.start()
        else:
            self.ticker.stop()

    def _on_language(self, change) -> None:
        self.lang = change["new"]
        self._show()

    def close(self) -> None:
        """Stop auto-refresh, then close the widgets."""
        if hasattr(self, "ticker"):  # also from __del__ of a page whose building failed
            self.ticker.stop()
        super().close()

    # ---------------------------------------------------------------- drawing
    def _show(self) -> None:
        self._relabel()
        self._show_status()
        readable = self.attempts is not None
        self.data_box.layout.display = "" if readable else "none"
        self.controls.layout.display = "" if self.allowed else "none"
        self.gate_row.layout.display = "" if self.gate is not None and not self.unlocked else "none"
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
        self.auto.description = t("auto", lang, seconds=seconds_text(self.refresh_s))
        self.roster.placeholder = t("roster_placeholder", lang)
        self.roster_label.value = html.escape(t("roster", lang))
        self.passcode.placeholder = t("passcode", lang)
        self.enter.description = t("enter", lang)
        note = self.access.sentence(lang) if self.access.reason == "local" else ""
        self.access_note.value = f'<p class="ccs-hint">{html.escape(note)}</p>' if note else ""
        for name in TABLES:
            self.headings[name].value = f"<h3>{html.escape(t(name, lang))}</h3>"

    def _show_status(self) -> None:
        lang, now = self.lang, self.read_at.strftime("%H:%M:%S")
        if self.problem == "trainers_only":
            group = getattr(self.config, "trainer_group", None) or "trainers"
            kind = "computing" if self.access.needs_passcode else "error"
            self.status.value = status_html(kind, self.access.sentence(lang, group), self.run)
            self.message.value = my_progress_link(lang)
        elif self.problem == "unreachable":
            sentence = t("unreachable", lang, place=store_place(self._url(), lang))
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
                            environ: Mapping[str, str] | None = None, config=None,
                            refresh_s: float | None = None,
                            passcode_state: str | os.PathLike | None = None) -> TrainerDashboard:
    """The trainer dashboard in ``lang`` ("zh" or "en"), reading ``store`` (default: the class's store).

    ``roster``: the class's names (a list, or text with one name per line), pre-filled in the
    roster box; ``questions``: ``(track, set) → question ids`` (default: the kit's sets);
    ``environ``: where to look for ``JUPYTERHUB_*`` and the class settings (default
    ``os.environ``); ``config``: the class config (default ``load_config(environ)``);
    ``refresh_s``: seconds between automatic refreshes (default :func:`refresh_seconds`);
    ``passcode_state``: the file counting wrong passcodes (default: the user state directory).
    """
    return TrainerDashboard(lang, store, roster, questions=questions, environ=environ, config=config,
                            refresh_s=refresh_s, passcode_state=passcode_state)
