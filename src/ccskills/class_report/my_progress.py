"""我的进度 (My progress): a trainee's own record, served by Voila from course/workbooks/my_progress.ipynb.

Wiring only, like the trainer dashboard (:mod:`ccskills.class_report.page`), but it reads only
the trainee's own rows (``store.attempts(trainee=me)``), so any trainee may open it. It shows
who the page thinks you are (the hub login, or the name set on this machine; off a hub, a box
to set it once with :func:`ccskills.progress.set_trainee` while it is unset), then per set:
questions answered of the set's total, answered correctly, correct at the first try, and the
numbers of the questions not yet answered; and the pre-test and post-test score per learning
goal. The definitions are the trainer's (:mod:`ccskills.class_report`): checking a blank box is
not an answer; the first try is the earliest answer to a question.

An empty or missing store is a friendly sentence; a store that cannot be read is a sentence
naming its host (or file), never a traceback. Opening the page creates no file.

>>> import os, tempfile
>>> from ccskills.progress import ProgressStore
>>> store = ProgressStore("sqlite:///" + os.path.join(tempfile.mkdtemp(), "class.sqlite3"))
>>> store.record("wangfang", "ch02", "offered_load", "16", False, track="workbook")
>>> store.record("wangfang", "ch02", "offered_load", "15.2", True, track="workbook")
>>> store.record("lilei", "ch02", "asa", "20", True, track="workbook")
>>> page = build_my_progress("en", store=store, environ={"JUPYTERHUB_USER": "wangfang"})
>>> page.shown("answered"), page.shown("first_try")
('1', '0%')
>>> page.table("sets").iloc[2, :2].tolist()
['Chapter 02 Service performance metrics: workbook', '1 / 22']
"""

from __future__ import annotations

import html
import os
from collections.abc import Mapping, Sequence

try:
    import ipywidgets as widgets
except ImportError as _err:  # a core install, without the course extra: say how to get it
    from ccskills._extras import needs_extra
    raise needs_extra(_err, __name__) from _err
import pandas as pd

from ccskills.apps._common import ReadBack, card, set_card, status_html
from ccskills.class_report._page_text import STYLE, message_html, percent, pre_post_view, store_place, t, table_html
from ccskills.class_report._tables import completion, course_questions, first_try, pre_post_by_goal
from ccskills.workbooks._visible import visible_text
from ccskills.progress._config import ConfigError

__all__ = ["MyProgress", "build_my_progress", "trainee_sets"]

LANGUAGE_OPTIONS = [("中文", "zh"), ("English", "en")]
MY_CARDS = ("answered", "first_try")


def trainee_sets(attempts: pd.DataFrame, questions: Mapping[tuple[str, str], Sequence[str]]) -> pd.DataFrame:
    """One trainee's sets: questions, answered, correct, correct at first try, and the numbers left.

    Every workbook set of ``questions`` (``(track, set) → question ids``, in course order) is
    listed; a code-track set only once it has an attempt. ``left`` holds the 1-based numbers of
    the questions not answered yet.

    >>> attempts = pd.DataFrame({"trainee": "ann", "track": "workbook", "set": "s", "question_id": ["a", "b"],
    ...     "answer": ["1", "2"], "verdict": ["incorrect", "correct"], "mistake": None,
    ...     "at": pd.to_datetime(["2026-01-05 09:00", "2026-01-05 09:01"], utc=True)})
    >>> trainee_sets(attempts, {("workbook", "s"): ["a", "b", "c"]})
          track set  questions  answered  correct  first_try  left
    0  workbook   s          3         2        1          1  (3,)
    """
    done = {(r.track, r.set): r for r in completion(attempts, questions).itertuples()}
    firsts = first_try(attempts)
    first_right = firsts.groupby(["track", "set"])["correct_first"].sum()
    counted = attempts[attempts["verdict"] != "not_attempted"]
    rows = []
    for (track, set_name), ids in questions.items():
        if track != "workbook" and (track, set_name) not in done:
            continue
        tried = set(counted.loc[(counted["track"] == track) & (counted["set"] == set_name), "question_id"])
        row = done.get((track, set_name))
        rows.append((track, set_name, len(ids), 0 if row is None else row.attempted, 0 if row is None else row.correct,
                     int(first_right.get((track, set_name), 0)),
                     tuple(n for n, q in enumerate(ids, 1) if q not in tried)))
    return pd.DataFrame(rows, columns=["track", "set", "questions", "answered", "correct", "first_try", "left"])


def _set_title(track: str, set_name: str, lang: str) -> str:
    """The set as a trainee knows it: the workbook's title; a code-track set as its chapter's code exercises."""
    from ccskills.exercises import no_code_set

    try:
        title = no_code_set(set_name).title.get(lang)
    except ValueError:
        return set_name
    if track == "workbook":
        return title
    return f"{title.rsplit(':' if lang == 'en' else '：', 1)[0]}{t('my_code_suffix', lang)}"


def _left_text(left: tuple[int, ...], total: int, lang: str) -> str:
    if not left:
        return t("my_all_done", lang)
    if len(left) == total:
        return t("my_none_done", lang, total=total)
    return ("、" if lang == "zh" else ", ").join(str(n) for n in left)


def _no_attempts() -> pd.DataFrame:
    from ccskills.progress import COLUMNS

    return pd.DataFrame({c: pd.Series([], dtype="datetime64[ns, UTC]" if c == "at" else object) for c in COLUMNS})


class MyProgress(ReadBack, widgets.VBox):
    """The trainee's page: who I am, my sets, my pre/post scores (see the module docstring)."""

    def __init__(self, lang: str = "zh", store=None, *, environ: Mapping[str, str] | None = None,
                 config_dir: str | os.PathLike | None = None,
                 questions: Mapping[tuple[str, str], Sequence[str]] | None = None) -> None:
        self.lang = lang if lang in ("zh", "en") else "zh"
        self.store, self._environ, self._config_dir, self._questions = store, environ, config_dir, questions
        self.attempts: pd.DataFrame | None = None
        self.problem: str | None = None  # "unreachable", "empty" or None
        self.run = 0
        self.shown_tables: dict[str, pd.DataFrame] = {}
        self._build()
        self.refresh()

    def _build(self) -> None:
        self.language = widgets.ToggleButtons(options=LANGUAGE_OPTIONS, value=self.lang)
        self.language.add_class("ccs-language")
        self.title, self.intro, self.who, self.message = (widgets.HTML() for _ in range(4))
        self.who.add_class("ccs-who")
        self.message.add_class("ccs-message-box")
        self.status = widgets.HTML()
        self.status.add_class("ccs-status")
        self.name = widgets.Text(layout=widgets.Layout(width="14em"))
        self.name.add_class("ccs-my-name")
        self.save = widgets.Button(layout=widgets.Layout(width="auto"))
        self.save.add_class("ccs-save-name")
        self.name_said = widgets.HTML()
        self.name_row = widgets.HBox([self.name, self.save, self.name_said])
        self.refresh_button = widgets.Button(icon="refresh", layout=widgets.Layout(width="auto"))
        self.refresh_button.add_class("ccs-refresh")
        self.cards = {name: card(f"ccs-card-{name.replace('_', '-')}") for name in MY_CARDS}
        self.headings = {name: widgets.HTML() for name in ("sets", "pre_post")}
        self.tables = {name: widgets.HTML() for name in ("sets", "pre_post")}
        for name, box in self.tables.items():
            box.add_class("ccs-dashboard-table")
            box.add_class(f"ccs-table-my-{name.replace('_', '-')}")
        self.data_box = widgets.VBox([widgets.HBox(list(self.cards.values())), self.headings["sets"],
                                      self.tables["sets"], self.headings["pre_post"], self.tables["pre_post"]])
        header = widgets.HBox([self.title, self.language], layout=widgets.Layout(justify_content="space-between"))
        super().__init__([widgets.HTML(STYLE), header, self.intro, self.who, self.name_row,
                          widgets.HBox([self.refresh_button, self.status]), self.message, self.data_box])
        self.add_class("ccs-my-progress")
        self.language.observe(self._on_language, names="value")
        self.refresh_button.on_click(lambda _: self.refresh())
        self.save.on_click(lambda _: self.save_name())

    # ---------------------------------------------------------------- who and what
    @property
    def identity(self):
        """Who this page shows: :func:`ccskills.progress.trainee_identity`."""
        from ccskills.progress import trainee_identity

        return trainee_identity(environ=self._environ, config_dir=self._config_dir)

    @property
    def questions(self) -> Mapping[tuple[str, str], Sequence[str]]:
        """``(track, set) → question ids``: as given, else the kit's sets."""
        if self._questions is None:
            self._questions = course_questions()
        return self._questions

    def save_name(self, name: str | None = None) -> bool:
        """Remember the typed name (or ``name``) with ``set_trainee``, then show that trainee's record."""
        from ccskills.progress import set_trainee

        try:
            set_trainee(self.name.value if name is None else name, config_dir=self._config_dir)
        except (ValueError, OSError):
            self.name_said.value = html.escape(t("my_name_refused", self.lang))
            return False
        self.name_said.value = ""
        self.refresh()
        return True

    def refresh(self) -> None:
        """Read this trainee's attempts again and redraw the page."""
        me = self.identity
        try:
            if self.store is None:
                from ccskills.class_report.page import _default_store

                self.store = _default_store()
            attempts = _no_attempts() if self.store is None else self.store.attempts(trainee=me.name)
            self.attempts = attempts
            self.problem = None if (attempts["verdict"] != "not_attempted").any() else "empty"
        except ConfigError as err:  # a broken class config file: its own sentence, naming the file and key
            self.attempts, self.problem, self.config_error = None, "config", err
        except Exception:  # a store that cannot be read is a sentence, never a traceback
            self.attempts, self.problem = None, "unreachable"
        self.run += 1
        self._show()

    def _on_language(self, change) -> None:
        self.lang = change["new"]
        self._show()

    # ---------------------------------------------------------------- drawing
    def _show(self) -> None:
        lang, me = self.lang, self.identity
        self.title.value = f"<h2>{html.escape(t('my_title', lang))}</h2>"
        self.intro.value = f"<p>{html.escape(t('my_intro', lang))}</p>"
        self.who.value = f"<p>{html.escape(t('my_who_' + me.source, lang, name=me.name))}</p>"
        self.name_row.layout.display = "none" if me.is_set else ""
        self.name.placeholder = t("my_your_name", lang)
        self.save.description = t("my_save_name", lang)
        self.refresh_button.description = t("refresh", lang)
        self.headings["sets"].value = f"<h3>{html.escape(t('my_sets', lang))}</h3>"
        self.headings["pre_post"].value = f"<h3>{html.escape(t('pre_post_mine', lang))}</h3>"
        self._show_status()
        self.data_box.layout.display = "" if self.attempts is not None else "none"
        if self.attempts is not None:
            self._show_data()

    def _show_status(self) -> None:
        lang = self.lang
        if self.problem == "config":
            detail = self.config_error.message(lang)
            self.status.value = status_html("error", t("my_config_error", lang, detail=detail), self.run)
            self.message.value = ""
            return
        if self.problem == "unreachable":
            from ccskills.progress import default_url

            place = store_place(getattr(self.store, "url", None) or default_url(), lang)
            self.status.value = status_html("error", t("my_unreachable", lang, place=place), self.run)
            self.message.value = ""
            return
        self.status.value = status_html("ok", t("my_updated", lang), self.run)
        self.message.value = message_html(t("my_empty", lang)) if self.problem == "empty" else ""

    def _show_data(self) -> None:
        lang, attempts = self.lang, self.attempts
        sets = trainee_sets(attempts, self.questions)
        answered = int(sets["answered"].sum())
        set_card(self.cards["answered"], t("my_card_answered", lang), str(answered))
        share = sets["first_try"].sum() / answered if answered else None
        set_card(self.cards["first_try"], t("card_first_try", lang), percent(share), t("my_card_first_note", lang))
        shown = pd.DataFrame({
            t("set", lang): [_set_title(k, s, lang) for k, s in zip(sets["track"], sets["set"])],
            t("my_answered", lang): [f"{a} / {n}" for a, n in zip(sets["answered"], sets["questions"])],
            t("my_correct", lang): sets["correct"], t("share_first", lang): sets["first_try"],
            t("my_left", lang): [_left_text(left, n, lang) for left, n in zip(sets["left"], sets["questions"])]})
        tests = pre_post_view(pre_post_by_goal(attempts, lang), lang)
        self.shown_tables = {"sets": shown, "pre_post": tests}
        self.tables["sets"].value = table_html(shown)
        self.tables["pre_post"].value = (table_html(tests) if not tests.empty
                                         else f"<p>{html.escape(t('my_no_tests', lang))}</p>")

    # ---------------------------------------------------------------- for tests and notebooks
    def table(self, name: str) -> pd.DataFrame:
        """The table ``name`` ("sets" or "pre_post") as shown now."""
        return self.shown_tables[name]

    def visible_text(self) -> str:
        """Every text a person can see on the page (HTML tags removed), for tests."""
        return visible_text(self)


def build_my_progress(lang: str = "zh", store=None, *, environ: Mapping[str, str] | None = None,
                      config_dir: str | os.PathLike | None = None,
                      questions: Mapping[tuple[str, str], Sequence[str]] | None = None) -> MyProgress:
    """我的进度 in ``lang`` ("zh" or "en"): this trainee's record in ``store`` (default: the class's store).

    ``environ``: where to look for ``JUPYTERHUB_USER`` (default ``os.environ``); ``config_dir``:
    where the trainee's name is remembered (default: the user config directory);
    ``questions``: ``(track, set) → question ids`` (default: the kit's sets).
    """
    return MyProgress(lang, store, environ=environ, config_dir=config_dir, questions=questions)
