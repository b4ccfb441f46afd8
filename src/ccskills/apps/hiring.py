"""The hiring & attrition planner (招聘与流失规划器), served by Voila from course/apps/hiring_planner.ipynb.

Pick the kit's weekly requirement, type one, or upload a CSV/Excel; set current FTE,
attrition, training weeks, pass rate and class rules. Every change recomputes with
:func:`ccskills.people.hiring_plan` (wiring only): cards, the classes with a sentence
explaining each number, the FTE trajectory chart and an Excel download. Bad input is one
sentence in the chosen language in the status line; controls are disabled while computing.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import lru_cache

import altair as alt
import ipywidgets as widgets
import pandas as pd

from ccskills.apps._keep import KeepBar
from ccskills.apps._workbook import template_link
from ccskills.apps._common import (ReadBack, busy, card, draw_chart, excel_link, log_unexpected,
                                   set_card, set_options, set_saved, status_html)
from ccskills.apps._hiring_text import (CARDS, ERRORS, INPUT_KEYS, STYLE, assumptions, card_texts, classes_frame,
                                        classes_html, classes_table, excel_sheets, input_settings, report_results,
                                        scenario_results, t, UPLOAD_ALIASES, upload_preview, verdict,
                                        week_labels)
from ccskills.charts import themed
from ccskills.i18n import LANGUAGES, error_message, parameter_of
from ccskills.io import UploadError, parse_numbers, read_table, require_columns, upload_message
from ccskills.people import HiringPlan, hiring_plan

__all__ = ["HiringPlanner", "build_hiring_planner", "HIRING_DEFAULTS"]

HIRING_DEFAULTS = {"current_fte": 72.0, "attrition": 4.41, "period": "month", "training_weeks": 4,
                   "pass_rate": 80.0, "class_every_weeks": 4, "min_class": 4, "max_class": 15}
"""What the planner shows first: the chapter 08 lesson's inputs (percent on screen)."""
_PERCENT = ("attrition_rate", "pass_rate")
_STYLE = {"description_width": "16em"}
_LAYOUT = {"width": "28em"}


def _css(name: str) -> str:
    return "ccs-" + name.replace("_", "-")


def dataset_requirement(queue: str = "total") -> pd.Series:
    """The kit's weekly requirement (heads) for ``queue``: 'total', 'presales' or 'aftersales'."""
    from ccskills.datasets.people import load_fte_requirement

    column = {"total": "required_fte", "presales": "presales_fte", "aftersales": "aftersales_fte"}[queue]
    return load_fte_requirement()[column]


def upload_template(lang: str) -> pd.DataFrame:
    """An example upload: eight weeks of the kit's requirement under the headers the reader accepts."""
    need = dataset_requirement("total").head(8)
    names = ("周", "需求人数") if lang == "zh" else ("week", "required_fte")
    return pd.DataFrame({names[0]: need.index, names[1]: need.to_numpy()})


def typed_requirement(text: str) -> pd.Series:
    """Numbers typed one per week (commas, spaces, new lines); ValueError naming required_fte."""
    parts = [p for p in re.split(r"[\s,;，、；]+", text.strip()) if p]
    try:
        values = [float(p) for p in parts]
    except ValueError:
        bad = next(p for p in parts if not _is_number(p))
        raise ValueError(f"required_fte must be numbers separated by commas, got {bad!r}") from None
    return pd.Series(values, dtype=float)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def uploaded_requirement(content: bytes, filename: str) -> pd.Series:
    """Columns ``week`` and ``required_fte`` of an upload; UploadError naming column and rows."""
    return _read_upload(content, filename)[0]


def _read_upload(content: bytes, filename: str) -> tuple[pd.Series, pd.DataFrame]:
    """The weekly need of an upload, and the table as read (its headers and notes, for the preview)."""
    raw = read_table(content, filename)
    frame = require_columns(raw, ["week", "required_fte"], aliases=UPLOAD_ALIASES)
    values = parse_numbers(frame, "required_fte", minimum=0)
    weeks = pd.to_datetime(frame["week"], errors="coerce", format="mixed")
    index = pd.DatetimeIndex(weeks) if weeks.notna().all() else pd.RangeIndex(len(frame))
    return pd.Series(values.to_numpy(), index=index, dtype=float), raw


@lru_cache(maxsize=2)
def _template_html(lang: str) -> str:
    """The upload hint with its example-file link in ``lang`` (built once per language)."""
    return (f"<small>{html.escape(t('upload_hint', lang))}</small> "
            + template_link(upload_template(lang), t("template_file", lang), lang))


class HiringPlanner(ReadBack, widgets.VBox):
    """Inputs on the left, cards and status on the right; classes table and chart below."""

    def __init__(self, lang: str = "zh") -> None:
        self.lang = lang if lang in LANGUAGES else LANGUAGES[0]
        d = HIRING_DEFAULTS
        self.language = widgets.ToggleButtons(options=[("中文", "zh"), ("English", "en")], value=self.lang)
        self.source = widgets.RadioButtons(options=[("", s) for s in ("dataset", "typed", "upload")],
                                           value="dataset")
        self.queue = widgets.Dropdown(options=[("", q) for q in ("total", "presales", "aftersales")],
                                      value="total", style=_STYLE, layout=widgets.Layout(**_LAYOUT))
        # committed when the box loses focus: recomputing (and disabling the box) on every key
        # dropped keystrokes, so the plan was for "8" while the box showed "80；85；90"
        self.typed = widgets.Textarea(value="80, 80, 82, 85, 90, 90, 88, 85", continuous_update=False,
                                      style=_STYLE,
                                      layout=widgets.Layout(**_LAYOUT))
        self.upload = widgets.FileUpload(accept=".csv,.xlsx,.txt", multiple=False)
        self.upload_hint, self.preview = widgets.HTML(), widgets.HTML()
        self._preview = None  # what the upload was read as, in a language
        self._wanted_upload: str | None = None  # a loaded scenario's file, until it is uploaded again
        self.numbers = {
            "current_fte": widgets.FloatText(value=d["current_fte"]),
            "attrition": widgets.FloatText(value=d["attrition"]),
            "training_weeks": widgets.IntText(value=d["training_weeks"]),
            "pass_rate": widgets.FloatText(value=d["pass_rate"]),
            "class_every_weeks": widgets.IntText(value=d["class_every_weeks"]),
            "min_class": widgets.IntText(value=d["min_class"]),
            "max_class": widgets.IntText(value=d["max_class"]),
        }
        self.period = widgets.Dropdown(options=[("", p) for p in ("week", "month", "year")],
                                       value=d["period"])
        for box in [*self.numbers.values(), self.period]:
            box.style, box.layout = _STYLE, widgets.Layout(**_LAYOUT)
        self.title, self.intro, self.status = widgets.HTML(), widgets.HTML(), widgets.HTML()
        self.cards = {name: card(_css(f"card_{name}")) for name in CARDS}
        self.table, self.download, self.chart_box = widgets.HTML(), widgets.HTML(), widgets.Box()
        self.chart = None
        self.plan: HiringPlan | None = None
        self._weeks = None  # the index of the weekly need planned (its labels in either language)
        self.runs = 0
        self._said: tuple[str, Callable[[str], str]] = ("computing", lambda lang: "")
        self._quiet_depth = 0
        named = {"language": self.language, "source": self.source, "queue": self.queue,
                 "typed": self.typed, "upload": self.upload, "period": self.period,
                 "status": self.status, "classes-box": self.table, "download": self.download,
                 "chart-box": self.chart_box, "preview-box": self.preview, **self.numbers}
        for name, widget in named.items():
            widget.add_class(_css(name))
        self.keep = KeepBar(self, "hiring", self.lang)
        super().__init__(children=self._layout())
        self.add_class("ccs-hiring-planner")
        for widget in [self.source, self.queue, self.typed, self.period, *self.numbers.values()]:
            widget.observe(self._on_input, names="value")
        self.upload.observe(self._on_upload, names="value")
        self.language.observe(self._on_language, names="value")
        self.relabel()
        self.recompute()

    def _layout(self) -> list[widgets.Widget]:
        n = self.numbers
        inputs = widgets.VBox([self.source, self.queue, self.typed, self.upload, self.upload_hint, self.preview,
                               n["current_fte"], n["attrition"], self.period, n["training_weeks"],
                               n["pass_rate"], n["class_every_weeks"], n["min_class"], n["max_class"]],
                              layout=widgets.Layout(margin="0 24px 0 0"))
        results = widgets.VBox([widgets.HBox(list(self.cards.values()),
                                             layout=widgets.Layout(flex_flow="row wrap")),
                                self.status, self.download, self.chart_box],
                               layout=widgets.Layout(flex="1 1 420px", min_width="0"))
        header = widgets.HBox([self.title, self.language],
                              layout=widgets.Layout(justify_content="space-between"))
        return [widgets.HTML(STYLE), header, self.intro,
                widgets.HBox([inputs, results], layout=widgets.Layout(flex_flow="row wrap")),
                self.table, self.keep]

    # Callbacks ---------------------------------------------------------------

    def _on_input(self, change) -> None:
        if not self._quiet_depth:
            self.recompute()

    def _on_upload(self, change) -> None:
        self._wanted_upload = None  # a file is here now: plan with it
        self._on_input(change)

    def _on_language(self, change) -> None:
        self.lang = change["new"]
        self.relabel()

    def relabel(self) -> None:
        """Every label, option, the status and the plan shown, in ``self.lang``, in one pass.

        Nothing is computed again (the plan does not depend on the language): the cards, table,
        workbook and chart are built in the new language first, then every widget is set in one
        quick sweep, the title last, so the page never shows two languages for long.
        """
        lang = self.lang
        answer = self._answer_view(self.plan, lang) if self.plan is not None else None
        kind, say = self._said
        status = status_html(kind, say(lang), self.runs)
        preview = self._preview(lang) if self._preview is not None else ""
        self.keep.relabel(lang)
        self._quiet_depth += 1
        try:
            if answer is not None:
                answer()
            else:
                self._clear()
            self.status.value, self.preview.value = status, preview
            self.intro.value = f"<p>{html.escape(t('intro', lang))}</p>"
            set_options(self.source, [(t(f"source_{s}", lang), s) for s in ("dataset", "typed", "upload")])
            set_options(self.queue, [(t(f"queue_{q}", lang), q) for q in ("total", "presales", "aftersales")])
            set_options(self.period, [(t(f"period_{p}", lang), p) for p in ("week", "month", "year")])
            self.queue.description, self.period.description = t("queue", lang), t("period", lang)
            self.typed.description = t("typed", lang)
            self.upload_hint.value = _template_html(lang)
            for name, box in self.numbers.items():
                box.description = t(name, lang)
            self.title.value = f"<h2>{html.escape(t('title', lang))}</h2>"  # last: the page is in ``lang`` now
        finally:
            self._quiet_depth -= 1
        self.keep.refresh()  # names saved meanwhile; no report in the old language stays

    # Computing ---------------------------------------------------------------

    def requirement(self) -> pd.Series | None:
        """The weekly requirement from the chosen source (None while waiting for an upload)."""
        source = self.source.value
        self.queue.layout.display = None if source == "dataset" else "none"
        self.typed.layout.display = None if source == "typed" else "none"
        self.upload.layout.display = self.upload_hint.layout.display = None if source == "upload" else "none"
        self.preview.layout.display = self.upload.layout.display
        self._preview, self.preview.value = None, ""
        if source == "dataset":
            return dataset_requirement(self.queue.value)
        if source == "typed":
            return typed_requirement(self.typed.value)
        if not self.upload.value or self._wanted_upload:
            return None
        item = self.upload.value[0]
        need, raw = _read_upload(bytes(item["content"]), item["name"])
        self._preview = lambda lang: upload_preview(need, raw, item["name"], lang)
        self.preview.value = self._preview(self.lang)
        return need

    def _limits(self) -> tuple[int, int | None]:
        high = self.numbers["max_class"].value
        return self.numbers["min_class"].value, (None if high == 0 else high)

    def _solve(self, need: pd.Series) -> HiringPlan:
        n = self.numbers
        low, high = self._limits()
        return hiring_plan(need, n["current_fte"].value, n["attrition"].value / 100,
                           n["training_weeks"].value, n["pass_rate"].value / 100,
                           attrition_period=self.period.value,
                           class_every_weeks=n["class_every_weeks"].value,
                           min_class=low, max_class=high)

    def recompute(self) -> None:
        """Plan for the current inputs; show it, or one sentence saying what is wrong."""
        with busy(self.busy_controls()):
            self._set_status("computing", lambda lang: t("computing", lang))
            try:
                need = self.requirement()
                if need is None:
                    self.plan = None
                    self._clear()
                    self.runs += 1
                    wanted = self._wanted_upload
                    self._set_status("computing", lambda lang: t("upload_again", lang, name=wanted) if wanted
                                     else t("waiting_upload", lang))
                else:
                    self.plan, self._weeks = self._solve(need), need.index
                    self.runs += 1
                    self._show(self.plan)
            except UploadError as err:
                self._fail(lambda lang, err=err: upload_message(err, lang))
            except Exception as exc:  # every failure becomes a sentence, never a traceback
                log_unexpected(exc, "hiring: plan")
                self._fail(lambda lang, exc=exc: self._message(exc, lang))
        self.keep.refresh()  # a report link of older inputs goes; the button makes a new one

    def _message(self, exc: BaseException, lang: str) -> str:
        """The library's error as one sentence; percent inputs shown as typed."""
        parsed = parameter_of(exc) if isinstance(exc, (ValueError, TypeError)) else None
        if parsed and parsed[0] in _PERCENT:
            typed = self.numbers["attrition" if parsed[0] == "attrition_rate" else "pass_rate"].value
            exc = ValueError(f"{parsed[0]} must be a percentage, got {typed!r}")
        if isinstance(exc, (ValueError, TypeError)) and parsed is None:
            return t("unexpected", lang, kind=type(exc).__name__)
        return error_message(exc, lang, percent=False, errors=ERRORS)

    def _fail(self, say: Callable[[str], str]) -> None:
        self.plan = None
        self.runs += 1
        self._clear()
        self._set_status("error", say)

    def _clear(self) -> None:
        for name, box in self.cards.items():
            set_card(box, t(name, self.lang), "—")
        self.table.value = self.download.value = ""
        self.chart_box.layout.display = "none"  # no chart of an earlier plan beside this one's error

    def _show(self, plan: HiringPlan) -> None:
        self._answer_view(plan, self.lang)()
        weeks, high = self._weeks, self._limits()[1]
        self._set_status("ok", lambda lang: verdict(plan, week_labels(weeks, lang), lang, high))

    def _answer_view(self, plan: HiringPlan, lang: str) -> Callable[[], None]:
        """The plan's cards, classes table, workbook and chart in ``lang``, all built now; returns
        the quick step that puts them on the page."""
        labels = week_labels(self._weeks, lang)
        low, high = self._limits()
        cards = card_texts(plan, lang)
        table = classes_html(classes_frame(plan, labels, lang, low, high))
        sheets, options = excel_sheets(plan, labels, lang, low, high, self._settings(lang))
        download = excel_link(sheets, t("excel_file", lang), t("download_excel", lang), **options)
        chart = self._chart(plan, labels, lang)

        def put() -> None:
            for name, (label, value) in cards.items():  # each card says what its number means
                set_card(self.cards[name], label, value, t(f"note_{name}", lang))
            self.table.value, self.download.value = table, download
            self._draw(chart)
            self.chart_box.layout.display = None
        return put

    def _settings(self, lang: str):
        """The inputs as the workbook's inputs sheet lists them, in ``lang``."""
        numbers = {name: box.value for name, box in self.numbers.items()}
        return input_settings(numbers, self.period.value, self._source_words(lang), lang)

    def _source_words(self, lang: str) -> str:
        """Where the weekly need came from, in words (for the workbook's inputs sheet)."""
        source = self.source.value
        if source == "dataset":
            return f"{t('source_dataset', lang)}（{t(f'queue_{self.queue.value}', lang)}）" if lang == "zh" \
                else f"{t('source_dataset', lang)} ({t(f'queue_{self.queue.value}', lang)})"
        if source == "typed":
            return self.typed.value
        return self.upload.value[0]["name"] if self.upload.value else ""

    # Scenarios and the report (ccskills.apps._keep.KeepBar) -----------------------

    def scenario_inputs(self) -> dict:
        """The inputs as shown on screen (percent as 80, choices in words), JSON-able. An uploaded
        file is not kept, only its name: loading the scenario asks for the file again."""
        inputs = {"source": self.source.label, "queue": self.queue.label, "typed": self.typed.value,
                  "period": self.period.label, **{name: box.value for name, box in self.numbers.items()}}
        if self.source.value == "upload":
            inputs["upload_name"] = self.upload.value[0]["name"] if self.upload.value else None
        return inputs

    def busy_controls(self) -> list[widgets.Widget]:
        """The inputs disabled while a plan (or its report) is being made."""
        return [self.source, self.queue, self.typed, self.period, self.language, *self.numbers.values()]

    def scenario_input_labels(self) -> dict[str, str]:
        return {key: t(label, self.lang) for key, label in INPUT_KEYS.items()}

    def apply_scenario(self, inputs: dict) -> str | None:
        """Set the controls from a saved scenario and plan once; unknown keys are ignored, missing
        ones keep their value. A scenario made from an uploaded file waits for that file: the
        sentence asking for it is returned (the bar shows it instead of "loaded and recomputed")."""
        x = dict(inputs)
        self._quiet_depth += 1
        try:
            for key, control in (("source", self.source), ("queue", self.queue), ("typed", self.typed),
                                 ("period", self.period), *self.numbers.items()):
                set_saved(control, _CHOICES.get((key, x.get(key)), x.get(key)))
            name = x.get("upload_name")
            same = bool(self.upload.value) and self.upload.value[0]["name"] == name
            self._wanted_upload = name if self.source.value == "upload" and name and not same else None
        finally:
            self._quiet_depth -= 1
        self.recompute()
        wanted = self._wanted_upload
        return t("upload_again", self.lang, name=wanted) if wanted and self.plan is None else None

    def scenario_results(self) -> list[tuple[str, str, object, str | None]]:
        if self.plan is None:
            return []
        return scenario_results(self.plan, week_labels(self._weeks, self.lang), self.lang)

    def report_content(self):
        """The plan on one page (:class:`ccskills.reports.Report`), or None without a plan."""
        from ccskills.reports import Report

        plan, lang = self.plan, self.lang
        if plan is None:
            return None
        labels = week_labels(self._weeks, lang)
        numbers = {name: box.value for name, box in self.numbers.items()}
        return Report(title=t("title", lang), lang=lang, settings=self._settings(lang),
                      results=report_results(plan, labels, lang), chart=self._chart(plan, labels, lang),
                      assumptions=assumptions(plan, labels, lang, self._source_words(lang), numbers,
                                              self.period.value, self._limits()[1]),
                      table=classes_table(plan, labels, lang), table_title=t("table_title", lang))

    def _chart(self, plan: HiringPlan, labels: list[str], lang: str):
        traj = plan.trajectory
        names = {c: t(f"series_{c}", lang) for c in ("required_fte", "productive_fte", "in_training")}
        long = pd.DataFrame([{"order": i, "week": labels[i], "series": names[c], "fte": float(traj[c].iloc[i])}
                             for c in names for i in range(len(traj))])
        chart = alt.Chart(long).mark_line(point=True).encode(
            alt.X("week:N", sort=labels, title=t("axis_week", lang), axis=alt.Axis(labelAngle=-45)),
            alt.Y("fte:Q", title=t("axis_fte", lang)),
            alt.Color("series:N", title=None, sort=list(names.values())),
            tooltip=[alt.Tooltip("week:N", title=t("axis_week", lang)),
                     alt.Tooltip("series:N", title=t("chart_series", lang)),
                     alt.Tooltip("fte:Q", title=t("axis_fte", lang), format=".1f")],
        ).properties(width=460, height=220, title=t("chart_title", lang))
        return themed(chart)

    def _draw(self, chart) -> None:
        self.chart = draw_chart(self.chart, self.chart_box, chart, "ccs-chart")

    def _set_status(self, kind: str, say: Callable[[str], str]) -> None:
        """Show ``say(lang)``; kept, so a language switch says it again in the other language."""
        self._said = (kind, say)
        self.status.value = status_html(kind, say(self.lang), self.runs)




_CHOICES = {(key, t(f"{key}_{value}", lang)): value for key, values in (
    ("source", ("dataset", "typed", "upload")), ("queue", ("total", "presales", "aftersales")),
    ("period", ("week", "month", "year"))) for value in values for lang in LANGUAGES}
"""(input, a choice's words in either language) → its value: scenarios keep the words a person read."""


def build_hiring_planner(lang: str = "zh") -> HiringPlanner:
    """The hiring & attrition planner in ``lang`` ('zh' default, or 'en'), already computed.

    >>> app = build_hiring_planner("en")
    >>> app.shown("classes")
    '5'
    """
    return HiringPlanner(lang=lang)
