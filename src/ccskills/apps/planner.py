"""The workforce planner (排班规划器), served by Voila from course/apps/workforce_planner.ipynb.

Pick a sample line or upload an interval history (CSV/Excel; UTF-8, BOM or GBK), set the
forecast, staffing and shift rules, press “Plan”: :func:`ccskills.planning.run_planning`
forecasts with accuracy shown, turns the forecast into agents and solves a schedule, while a
progress bar names the step. Results: cards, the backtest table, the forecast and coverage
charts, a daily summary and an Excel download. An upload problem names the column and rows;
any other failure is one sentence in the chosen language, never a traceback.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import lru_cache

import ipywidgets as widgets
import pandas as pd

from ccskills.apps._common import (ReadBack, busy, card, draw_chart, excel_link, set_card,
                                   set_options, set_saved, status_html,
                                   log_unexpected)
from ccskills.apps._keep import KeepBar
from ccskills.apps._planner_text import (CALENDARS, CARDS, ERRORS, INPUT_KEYS, STYLE, assumptions, calendar_name,
                                         candidates_html, card_note, card_texts, chart_coverage, daily_html,
                                         daily_table, excel_sheets, input_settings, method_name, report_results,
                                         scenario_results, t, upload_preview, with_band)
from ccskills.apps._workbook import Setting, template_link
from ccskills.i18n import LANGUAGES, error_message
from ccskills.io import UploadError, read_interval_history, read_table, upload_message
from ccskills.planning import STAGES, ClosedHorizon, PlanningInputs, first_open_day, run_planning

__all__ = ["WorkforcePlanner", "build_workforce_planner"]

SAMPLES = ("ecommerce", "corporate")
"""Lines of the committed interval history offered as samples."""
METHOD_CHOICES = ("auto", "seasonal_naive", "historical_average", "top_down", "bottom_up",
                  "holiday_adjusted")
SHIFT_HOURS = (6, 8, 9, 10)
_STYLE = {"description_width": "15em"}
_LAYOUT = {"width": "27em"}


def _css(name: str) -> str:
    return "ccs-" + name.replace("_", "-")


def _sample_history(line: str) -> pd.DataFrame:
    from ccskills.datasets.wfm import load_interval_history

    return load_interval_history(line)


@lru_cache(maxsize=2)
def _template_html(lang: str) -> str:
    """The upload hint's example-file link in ``lang`` (built once per language: it is an Excel file)."""
    return template_link(upload_template(lang), t("template_file", lang), lang)


def upload_template(lang: str) -> pd.DataFrame:
    """An example upload: two days of the e-commerce sample with headers the reader accepts."""
    history = _sample_history("ecommerce")
    days = history[history["interval_start"] < history["interval_start"].min().normalize() + pd.Timedelta(days=2)]
    names = (("时段", "来话量", "平均处理时长", "业务线") if lang == "zh" else ("interval_start", "calls", "aht", "line"))
    frame = days[["interval_start", "calls", "aht_s"]].round({"aht_s": 1}).assign(line=t("template_line", lang))
    return frame.set_axis(list(names), axis=1).reset_index(drop=True)


class WorkforcePlanner(ReadBack, widgets.VBox):
    """Data and settings on the left, the plan on the right, charts and tables below."""

    def __init__(self, lang: str = "zh") -> None:
        self.lang = lang if lang in LANGUAGES else LANGUAGES[0]
        d = PlanningInputs()
        self.language = widgets.ToggleButtons(options=[("中文", "zh"), ("English", "en")], value=self.lang)
        self.source = widgets.RadioButtons(options=[("", s) for s in (*SAMPLES, "upload")], value=SAMPLES[0])
        self.upload = widgets.FileUpload(accept=".csv,.xlsx,.txt", multiple=False)
        self.upload_hint, self.history_note = widgets.HTML(), widgets.HTML()
        self.line = widgets.Dropdown(options=[], style=_STYLE, layout=widgets.Layout(**_LAYOUT))
        self.method = widgets.Dropdown(options=[("", m) for m in METHOD_CHOICES], value="auto",
                                       style=_STYLE, layout=widgets.Layout(**_LAYOUT))
        self.calendar = widgets.Dropdown(options=[("", c) for c in CALENDARS], value=d.calendar,
                                         style=_STYLE, layout=widgets.Layout(**_LAYOUT))
        self.horizon = widgets.BoundedIntText(value=d.horizon_days, min=1, max=28, style=_STYLE,
                                              layout=widgets.Layout(**_LAYOUT))
        self.start = widgets.DatePicker(style=_STYLE, layout=widgets.Layout(**_LAYOUT))
        self.aht = widgets.FloatText(value=300.0, style=_STYLE, layout=widgets.Layout(**_LAYOUT))
        self.target_sl = widgets.FloatText(value=100 * d.target_sl, style=_STYLE, layout=widgets.Layout(**_LAYOUT))
        self.answer_time = widgets.FloatText(value=d.answer_time, style=_STYLE, layout=widgets.Layout(**_LAYOUT))
        self.shrinkage = widgets.FloatText(value=100 * d.shrinkage, style=_STYLE, layout=widgets.Layout(**_LAYOUT))
        self.shift_hours = {h: widgets.Checkbox(value=h in d.shift_hours, indent=False,
                                                layout=widgets.Layout(width="6.5em")) for h in SHIFT_HOURS}
        self.start_step = widgets.Dropdown(options=[("", m) for m in (15, 30, 60)], value=d.start_step_min,
                                           style=_STYLE, layout=widgets.Layout(**_LAYOUT))
        self.breaks = widgets.Checkbox(value=d.breaks, indent=False, layout=widgets.Layout(width="auto"))
        self.soft = widgets.Checkbox(value=d.soft, indent=False, layout=widgets.Layout(width="auto"))
        self.run_button = widgets.Button(button_style="primary", icon="play")
        self.progress = widgets.IntProgress(value=0, min=0, max=100, layout=widgets.Layout(width="27em"))
        self.status = widgets.HTML()
        self.title, self.intro = widgets.HTML(), widgets.HTML()
        self.headings = {k: widgets.HTML() for k in ("source", "forecast_heading", "staffing_heading",
                                                      "schedule_heading", "shrinkage_note")}
        self.cards = {name: card(_css(f"card_{name}")) for name in CARDS}
        self.candidates, self.daily, self.download = widgets.HTML(), widgets.HTML(), widgets.HTML()
        self.forecast_box, self.coverage_box = widgets.Box(), widgets.Box()
        self._charts: dict[str, object] = {}
        self.history: pd.DataFrame | None = None  # all lines of the chosen data
        self.result = None
        self.runs = 0
        self._said: tuple[str, Callable[[str], str]] = ("computing", lambda lang: "")
        self._history_name: str | None = None  # the uploaded file's name, None for a sample
        self._planned_calls: pd.Series | None = None  # the history the plan was made from (its chart)
        self._relabelling = False
        self._planned: dict = {}  # the data the plan was made from: source, file name, line, AHT typed
        self._preview: Callable[[str], str] | None = None  # what the upload was read as, in a language
        self.preview = widgets.HTML()
        self.preview.add_class("ccs-preview-box")
        for widget, name in ((self.language, "language"), (self.source, "source"), (self.upload, "upload"),
                             (self.line, "line"), (self.calendar, "calendar"), (self.method, "method"),
                             (self.horizon, "horizon"),
                             (self.start, "start"), (self.aht, "aht"), (self.target_sl, "target_sl"),
                             (self.answer_time, "answer_time"), (self.shrinkage, "shrinkage"),
                             (self.start_step, "start_step"), (self.breaks, "breaks"), (self.soft, "soft"),
                             (self.run_button, "run"), (self.progress, "progress"), (self.status, "status"),
                             (self.candidates, "candidates-box"), (self.daily, "daily-box"),
                             (self.download, "download"), (self.forecast_box, "forecast-chart-box"),
                             (self.coverage_box, "coverage-chart-box"), (self.history_note, "history-note")):
            widget.add_class(_css(name))
        for hours, box in self.shift_hours.items():
            box.add_class(f"ccs-shift-{hours}h")
        self.keep = KeepBar(self, "planner", self.lang)
        super().__init__(children=self._layout())
        self.add_class("ccs-planner")
        self.language.observe(self._on_language, names="value")
        self.source.observe(self._on_source, names="value")
        self.upload.observe(self._on_upload, names="value")
        self.line.observe(self._on_line, names="value")
        self.calendar.observe(self._on_line, names="value")  # its holidays move the first open day
        self.run_button.on_click(lambda _: self.run())
        self.relabel()
        self._load_source()

    # Layout ------------------------------------------------------------------

    def _layout(self) -> list[widgets.Widget]:
        h = self.headings
        shifts = widgets.HBox(list(self.shift_hours.values()))
        self.shift_label = widgets.HTML()
        self.step_label = widgets.HTML()
        inputs = widgets.VBox([
            h["source"], self.source, self.upload, self.upload_hint, self.preview, self.line, self.calendar,
            self.history_note,
            h["forecast_heading"], self.method, self.start, self.horizon, self.aht,
            h["staffing_heading"], self.target_sl, self.answer_time, self.shrinkage, h["shrinkage_note"],
            h["schedule_heading"], self.shift_label, shifts, self.start_step, self.breaks, self.soft,
            self.run_button, self.progress, self.status,
        ], layout=widgets.Layout(margin="0 24px 0 0", width="30em"))
        results = widgets.VBox([
            widgets.HBox(list(self.cards.values()), layout=widgets.Layout(flex_flow="row wrap")),
            widgets.HBox([self.candidates, self.daily], layout=widgets.Layout(flex_flow="row wrap")),
            self.download,
        ], layout=widgets.Layout(flex="1 1 480px", min_width="0"))
        header = widgets.HBox([self.title, self.language], layout=widgets.Layout(justify_content="space-between"))
        return [widgets.HTML(STYLE), header, self.intro,
                widgets.HBox([inputs, results], layout=widgets.Layout(flex_flow="row wrap")),
                self.forecast_box, self.coverage_box, self.keep]

    # Data --------------------------------------------------------------------

    def _on_source(self, change) -> None:
        if not self._relabelling:  # new option labels pass through other values: not a choice
            self._load_source()

    def _load_source(self) -> None:
        """Load the chosen sample, or the uploaded file if there is one; show what was read."""
        uploading = self.source.value == "upload"
        self.upload.layout.display = None if uploading else "none"
        self.upload_hint.layout.display = self.preview.layout.display = None if uploading else "none"
        self.calendar.layout.display = None if uploading else "none"  # the samples are Chinese lines: CN
        self.history = None
        self.line.options = []
        self.history_note.value = ""
        if uploading:
            if self.upload.value:
                self._read_upload()
            else:
                self._set_status("computing", lambda lang: t("no_file", lang))
            return
        self._use_history(_sample_history(self.source.value), name=None)

    def _on_upload(self, change) -> None:
        if self.source.value == "upload" and self.upload.value:
            self._read_upload()

    def _read_upload(self) -> None:
        item = self.upload.value[0]
        self._preview, self.preview.value = None, ""
        try:
            raw = read_table(bytes(item["content"]), item["name"])
            history = read_interval_history(bytes(item["content"]), item["name"])
        except UploadError as err:
            self.history = None
            self.line.options = []
            self.runs += 1
            self._set_status("error", lambda lang, err=err: upload_message(err, lang))
            return
        except Exception as exc:  # a file nothing could read: a sentence, never a traceback
            log_unexpected(exc, "planner: read upload")
            self.history = None
            self.runs += 1
            kind = type(exc).__name__
            self._set_status("error", lambda lang: t("unexpected", lang, kind=kind))
            return
        self._preview = lambda lang: upload_preview(history, raw, item["name"], lang)
        self.preview.value = self._preview(self.lang)
        self._use_history(history, name=item["name"])

    def _use_history(self, history: pd.DataFrame, name: str | None) -> None:
        self.history = history
        lines = list(dict.fromkeys(history["line"]))
        self.line.options = lines
        self.line.value = lines[0]
        self.line.layout.display = None if len(lines) > 1 else "none"
        self._describe_history(name)

    def _on_line(self, change) -> None:
        if self.history is not None and change["new"] is not None and not self._relabelling:
            self._describe_history(self._history_name)

    def _describe_history(self, name: str | None) -> None:
        part = self._line_history()
        if part is None or part.empty:
            return
        self._history_name = name
        self.history_note.value = self._history_html(self.lang)
        self.start.value = self._first_open_day(part, self._calendar())
        self._set_status("computing", lambda lang: t("ready", lang))

    def _history_html(self, lang: str) -> str:
        """What was read, in ``lang``: slots and dates of the chosen line (and the upload's notes)."""
        part, name = self._line_history(), self._history_name
        if part is None or part.empty:
            return ""
        fields = dict(rows=f"{len(part):,}", first=f"{part['interval_start'].min():%Y-%m-%d %H:%M}",
                      last=f"{part['interval_start'].max():%Y-%m-%d %H:%M}")
        note = t("loaded", lang, name=name, **fields) if name else t("history_span", lang, **fields)
        return f'<span class="ccs-hint">{html.escape(note)}</span>'

    def _calendar(self) -> str:
        """The holiday calendar of the plan: the one chosen for an upload, China's for the samples."""
        return self.calendar.value if self.source.value == "upload" else "CN"

    @staticmethod
    def _first_open_day(part: pd.DataFrame, calendar: str):
        """The default start: the line's first open day after its history (past a holiday week)."""
        try:
            day = first_open_day(part.set_index("interval_start")["calls"].astype(float), calendar=calendar)
        except Exception as exc:  # a history the forecast cannot read: the day after it
            log_unexpected(exc, "planner: first open day")
            day = None
        after = part["interval_start"].max().normalize() + pd.Timedelta(days=1)
        return (day if day is not None else after).date()

    def _line_history(self) -> pd.DataFrame | None:
        if self.history is None:
            return None
        return self.history.loc[self.history["line"] == self.line.value]

    # Computing ---------------------------------------------------------------

    def read_inputs(self) -> PlanningInputs:
        """The settings in library units (percent → fraction)."""
        return PlanningInputs(
            horizon_days=int(self.horizon.value), method=self.method.value,
            target_sl=self.target_sl.value / 100, answer_time=float(self.answer_time.value),
            shrinkage=self.shrinkage.value / 100,
            shift_hours=tuple(float(h) for h, box in self.shift_hours.items() if box.value),
            start_step_min=int(self.start_step.value), breaks=bool(self.breaks.value),
            soft=bool(self.soft.value), aht=float(self.aht.value) if self.aht.value > 0 else None,
            start=pd.Timestamp(self.start.value) if self.start.value else None, calendar=self._calendar())

    def run(self) -> None:
        """Plan with the current data and settings; show the plan or one sentence."""
        with busy(self.busy_controls()):
            try:
                part = self._line_history()
                if part is None:
                    raise ValueError("file must be chosen, got none")
                series = part.set_index("interval_start")
                inputs = self.read_inputs()
                self.progress.value = 0
                self.result = run_planning(series["calls"].astype(float), series["aht_s"], inputs,
                                           progress=self._progress)
                self.runs += 1
                self._planned_calls = series["calls"]
                self._planned = dict(source=self.source.value, line=self.line.value,
                                     name=self.upload.value[0]["name"] if self.source.value == "upload" else None,
                                     typed_aht=bool(series["aht_s"].isna().all()))
                self._show(series["calls"])
            except Exception as exc:  # every failure becomes a sentence, never a traceback
                log_unexpected(exc, "planner: forecast")
                self.result = None
                self.runs += 1
                self._show_error(exc)
        self.keep.refresh()  # a report link of older inputs goes; the button makes a new one

    def _progress(self, stage: str, fraction: float) -> None:
        step = STAGES.index(stage)
        self.progress.value = int(100 * (step + min(max(fraction, 0.0), 1.0)) / len(STAGES))
        self._set_status("computing", lambda lang: t(f"stage_{stage}", lang))

    def _show(self, history_calls: pd.Series) -> None:
        self._answer_view(self.lang, history_calls)()
        r = self.result
        first, last = r.plan.summary()[["first_day", "last_day"]]
        method = r.method
        self.progress.value = 100
        self._set_status("ok", lambda lang: t("done", lang, first=first, last=last,
                                             method=method_name(method, lang)))

    def _answer_view(self, lang: str, history_calls: pd.Series) -> Callable[[], None]:
        """The plan's cards, tables, download and charts in ``lang``, all built now (the slow part:
        the workbook, the charts); returns the step that puts them on the page, which is quick."""
        from ccskills.wfm_charts import coverage_chart, forecast_chart

        r = self.result
        cards = {name: (t(f"card_{name}", lang), value) for name, value in card_texts(r, lang).items()}
        candidates, daily = candidates_html(r, lang), daily_html(r, lang)
        sheets, options = excel_sheets(r, lang, self._data_settings(lang))
        download = excel_link(sheets, t("excel_file", lang), t("download", lang), **options)
        forecast = with_band(forecast_chart(history_calls, r.forecast, lang=lang), r.bands, lang)
        coverage = coverage_chart(chart_coverage(r.schedule.coverage), lang=lang)

        def put() -> None:
            for name, (label, value) in cards.items():  # each card says what its number means
                set_card(self.cards[name], label, value, card_note(r, name, lang))
            self.candidates.value, self.daily.value, self.download.value = candidates, daily, download
            self._draw("forecast", self.forecast_box, forecast)
            self._draw("coverage", self.coverage_box, coverage)
            self.forecast_box.layout.display = self.coverage_box.layout.display = None
        return put

    def _data_settings(self, lang: str) -> list[Setting]:
        """What the plan was made from, for the workbook's inputs sheet and the report."""
        made = self._planned
        if made["source"] != "upload":
            return [Setting(t("source", lang), t(f"source_{made['source']}", lang))]
        return [Setting(t("source", lang), made["name"]), Setting(t("line", lang), str(made["line"]))]

    def _data_sentence(self, lang: str) -> str:
        """The data the plan was made from, in words (the report's first assumption)."""
        made, calls = self._planned, self._planned_calls
        span = dict(rows=f"{len(calls):,}", first=f"{calls.index.min():%Y-%m-%d}", last=f"{calls.index.max():%Y-%m-%d}")
        if made["source"] != "upload":
            return t("assume_sample", lang, source=t(f"source_{made['source']}", lang), **span)
        return t("assume_upload", lang, name=made["name"], line=made["line"], **span)

    def _draw(self, key: str, box: widgets.Box, chart) -> None:
        self._charts[key] = draw_chart(self._charts.get(key), box, chart, f"ccs-{key}-chart")

    def _show_error(self, exc: BaseException) -> None:
        for name, box in self.cards.items():
            set_card(box, t(f"card_{name}", self.lang), "—")
        self.candidates.value = self.daily.value = self.download.value = ""
        self.forecast_box.layout.display = self.coverage_box.layout.display = "none"  # no earlier plan's charts
        self.progress.value = 0
        self._set_status("error", lambda lang: self._error_text(exc, lang))

    @staticmethod
    def _error_text(exc: BaseException, lang: str) -> str:
        """What went wrong, as one sentence in ``lang``."""
        if isinstance(exc, UploadError):
            return upload_message(exc, lang)
        if isinstance(exc, ClosedHorizon):
            return WorkforcePlanner._closed_message(exc, lang)
        if str(exc).startswith("file must be chosen"):
            return t("no_file", lang)
        message = error_message(exc, lang, errors=ERRORS)
        if message.startswith(("计算时出现意外问题", "Something unexpected")):
            message = t("unexpected", lang, kind=type(exc).__name__)
        return message

    @staticmethod
    def _closed_message(exc: ClosedHorizon, lang: str) -> str:
        from ccskills.planning import MAX_START_DAYS

        days = dict(first=f"{exc.first:%Y-%m-%d}", last=f"{exc.last:%Y-%m-%d}")
        if exc.next_open is None:
            return t("closed_horizon_none", lang, days=MAX_START_DAYS, **days)
        return t("closed_horizon", lang, next=f"{exc.next_open:%Y-%m-%d}", **days)

    def _set_status(self, kind: str, say: Callable[[str], str]) -> None:
        """Show ``say(lang)``; kept, so a language switch says it again in the other language."""
        self._said = (kind, say)
        self.status.value = status_html(kind, say(self.lang), self.runs)

    # Scenarios and the report (ccskills.apps._keep.KeepBar) -----------------------

    def scenario_inputs(self) -> dict:
        """The settings as shown on screen (percent as 80, choices in words), JSON-able. An uploaded
        history is not kept, only its file name: loading the scenario asks for the file again."""
        inputs = {"source": self.source.label, "method": self.method.label,
                  "start": self.start.value.isoformat() if self.start.value else None,
                  "horizon": self.horizon.value, "aht": self.aht.value, "target_sl": self.target_sl.value,
                  "answer_time": self.answer_time.value, "shrinkage": self.shrinkage.value,
                  "shift_hours": [h for h, box in self.shift_hours.items() if box.value],
                  "start_step": self.start_step.value, "breaks": self.breaks.value, "soft": self.soft.value}
        if self.source.value == "upload":
            inputs["upload_name"] = self.upload.value[0]["name"] if self.upload.value else None
            inputs["line"], inputs["calendar"] = self.line.value, self.calendar.label
        return inputs

    def busy_controls(self) -> list[widgets.Widget]:
        """The inputs disabled while a plan (or its report) is being made."""
        return [self.run_button, self.source, self.upload, self.line, self.calendar, self.method, self.horizon,
                self.start, self.aht, self.target_sl, self.answer_time, self.shrinkage, self.start_step,
                self.breaks, self.soft, self.language, *self.shift_hours.values()]

    def scenario_input_labels(self) -> dict[str, str]:
        return {key: t(label, self.lang) for key, label in INPUT_KEYS.items()}

    def apply_scenario(self, inputs: dict) -> str | None:
        """Set the controls from a saved scenario and plan once; unknown keys are ignored, missing
        ones keep their value. A scenario made from an uploaded file plans only if that file is the
        one uploaded now; otherwise the status asks for it again, and so does the sentence
        returned (the bar shows it instead of "loaded and recomputed")."""
        x = dict(inputs)
        set_saved(self.source, _CHOICES.get(x.get("source"), x.get("source")))
        set_saved(self.line, x.get("line"))
        set_saved(self.calendar, _CHOICES.get(x.get("calendar"), x.get("calendar")))
        set_saved(self.method, _CHOICES.get(x.get("method"), x.get("method")))
        for key in ("horizon", "aht", "target_sl", "answer_time", "shrinkage", "start_step", "breaks", "soft"):
            set_saved(getattr(self, key), x.get(key))
        if x.get("start"):
            set_saved(self.start, _day(x["start"]))
        if isinstance(x.get("shift_hours"), list):
            for hours, box in self.shift_hours.items():
                box.value = hours in x["shift_hours"]
        name = x.get("upload_name")
        if self.source.value == "upload" and name and not (self.upload.value and self.upload.value[0]["name"] == name):
            self.history, self.result = None, None
            self.runs += 1  # an answer to the load: the file is asked for
            self._show_error(ValueError("file must be chosen, got none"))
            self._set_status("computing", lambda lang: t("upload_again", lang, name=name))
            self.keep.refresh()
            return t("upload_again", self.lang, name=name)
        self.run()
        return None

    def scenario_results(self) -> list[tuple[str, str, object, str | None]]:
        return scenario_results(self.result, self.lang) if self.result is not None else []

    def report_content(self):
        """The plan on one page (:class:`ccskills.reports.Report`), or None before a plan."""
        from ccskills.reports import Report
        from ccskills.wfm_charts import coverage_chart

        r, lang = self.result, self.lang
        if r is None:
            return None
        return Report(title=t("title", lang), lang=lang, settings=input_settings(r, lang, self._data_settings(lang)),
                      results=report_results(r, lang),
                      chart=coverage_chart(chart_coverage(r.schedule.coverage), lang=lang),
                      assumptions=assumptions(r, lang, self._data_sentence(lang), self._planned["typed_aht"]),
                      table=daily_table(r, lang), table_title=t("table_title", lang))

    # Language ----------------------------------------------------------------

    def _on_language(self, change) -> None:
        self.lang = change["new"]
        self.relabel()

    def relabel(self) -> None:
        """Every label, option, note, the status and the plan shown, in ``self.lang``, in one pass.

        The plan is not computed again (it does not depend on the language): its cards, tables,
        workbook and charts are rebuilt in the new language first, then every widget is set in
        one quick sweep, the title last, so the page never shows two languages for long.
        """
        lang = self.lang
        answer = None
        if self.result is not None:
            answer = self._answer_view(lang, self._planned_calls)
        kind, say = self._said
        status, note = status_html(kind, say(lang), self.runs), self._history_html(lang)
        preview = self._preview(lang) if self._preview is not None else ""
        self.keep.relabel(lang)
        hint = f'<span class="ccs-hint">{html.escape(t("upload_hint", lang))}</span> ' + _template_html(lang)
        if answer is not None:
            answer()
        else:
            for name, box in self.cards.items():
                set_card(box, t(f"card_{name}", lang), "—")
        self.status.value, self.history_note.value, self.upload_hint.value = status, note, hint
        self.preview.value = preview
        self.intro.value = f"<p>{html.escape(t('intro', lang))}</p>"
        for key, widget in self.headings.items():
            tag = "p class='ccs-hint'" if key == "shrinkage_note" else "h3"
            widget.value = f"<{tag}>{html.escape(t(key, lang))}</{tag.split()[0]}>"
        self._relabelling = True
        try:
            set_options(self.source, [(t(f"source_{s}", lang), s) for s in (*SAMPLES, "upload")])
            set_options(self.calendar, [(calendar_name(c, lang), c) for c in CALENDARS])
        finally:
            self._relabelling = False
        set_options(self.method, [(method_name(m, lang), m) for m in METHOD_CHOICES])
        set_options(self.start_step, [(t("minutes_option", lang, n=m), m) for m in (15, 30, 60)])
        self.upload.description, self.calendar.tooltip = t("upload_button", lang), t("calendar_note", lang)
        for widget, key in ((self.line, "line"), (self.calendar, "calendar"), (self.method, "method"),
                            (self.horizon, "horizon"), (self.start, "start"),
                            (self.aht, "aht"), (self.target_sl, "target_sl"),
                            (self.answer_time, "answer_time"), (self.shrinkage, "shrinkage"),
                            (self.start_step, "start_step"), (self.breaks, "breaks"), (self.soft, "soft")):
            widget.description = t(key, lang)
        for hours, box in self.shift_hours.items():
            box.description = t("hours_option", lang, n=hours)
        self.shift_label.value = f"<span>{html.escape(t('shift_hours', lang))}</span>"
        self.run_button.description = t("run", lang)
        self.title.value = f"<h2>{html.escape(t('title', lang))}</h2>"  # last: the page is in ``lang`` now
        self.keep.refresh()  # names saved meanwhile; no report in the old language stays


_CHOICES = {**{t(f"source_{s}", lang): s for s in (*SAMPLES, "upload") for lang in LANGUAGES},
            **{method_name(m, lang): m for m in METHOD_CHOICES for lang in LANGUAGES},
            **{calendar_name(c, lang): c for c in CALENDARS for lang in LANGUAGES}}
"""A choice's words in either language → its value: scenarios keep the words a person read."""


def _day(text: str):
    try:
        return pd.Timestamp(text).date()
    except (ValueError, TypeError):
        return None


def build_workforce_planner(lang: str = "zh") -> WorkforcePlanner:
    """The workforce planner in ``lang`` ("zh" default, or "en"), with the e-commerce sample loaded.

    >>> app = build_workforce_planner("en")
    >>> app.status_text
    'Choose the data and settings, then press “Plan”.'
    """
    return WorkforcePlanner(lang=lang)
