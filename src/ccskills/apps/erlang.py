"""The Erlang staffing calculator widget (served by Voila from course/apps/).

:func:`build_erlang_calculator` returns an :class:`ErlangCalculator`, an ipywidgets
``VBox``. Its callbacks read the inputs, call :func:`~ccskills.interval_staffing.solve`
(core calls only) and show the answer; bad input shows one sentence in the chosen
language in the status line. Controls are disabled while computing and restored in
``finally``. Every result has a stable CSS class (``ccs-required-agents`` …) for tests.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import replace
from contextlib import contextmanager

import ipywidgets as widgets
import pandas as pd

from ccskills.apps._common import (ReadBack, busy, card, draw_chart, excel_link, set_card,
                                   set_options, status_html,
                                   log_unexpected)
from ccskills.apps._erlang_day import (DAY, DAY_CARDS, DaySource, day_cards, day_chart, day_html, day_preview,
                                       day_template_link, day_upload_message, day_word, example_day, read_day)
from ccskills.apps._erlang_text import (CARDS, STYLE, REVERSE, ScenarioKeeping, card_notes, card_texts,
                                        excel_workbook, reverse_text, table_html)
from ccskills.apps._keep import KeepBar
from ccskills.interval_staffing import ErlangAnswer, ErlangInputs, plan_day, solve
from ccskills.charts import staffing_chart
from ccskills.i18n import LANGUAGES, error_message, text
from ccskills.io import UploadError

__all__ = ["ErlangCalculator", "build_erlang_calculator", "ErlangInputs", "ErlangAnswer",
           "solve"]

DEFAULTS = ErlangInputs()
"""What the calculator shows first (100 calls per 30 min, AHT 180 s, 80/20, …)."""
PATIENCE_DEFAULT = 120.0
"""Seconds offered in the patience box when the Erlang A box is ticked."""
HOURLY_COST_DEFAULT = 45.0
"""Cost of one paid hour (yuan) offered for the whole day."""

# name -> (label key, unit key, default in on-screen units: percent for fractions)
_NUMBERS = {
    "calls": ("calls", "unit_calls", DEFAULTS.calls),
    "aht": ("aht", "unit_seconds", DEFAULTS.aht),
    "target_sl": ("target_sl", "unit_percent", 100 * DEFAULTS.target_sl),
    "answer_time": ("answer_time", "unit_seconds", DEFAULTS.answer_time),
    "target_asa": ("target_asa", "unit_seconds", DEFAULTS.target_asa),
    "max_occupancy": ("max_occupancy", "unit_percent", 100 * DEFAULTS.max_occupancy),
    "shrinkage": ("shrinkage", "unit_percent", 100 * DEFAULTS.shrinkage),
    "patience": ("patience", "unit_seconds", PATIENCE_DEFAULT),
}
_INPUT_STYLE = {"description_width": "17em"}
_INPUT_LAYOUT = {"width": "29em"}


def _css(name: str) -> str:
    return "ccs-" + name.replace("_", "-")


def _number(name: str, value: float) -> widgets.FloatText:
    box = widgets.FloatText(value=value, style=_INPUT_STYLE,
                            layout=widgets.Layout(**_INPUT_LAYOUT))
    box.add_class(_css(name))
    return box


def _controls() -> dict[str, widgets.ValueWidget]:
    """Every input widget by name (labels are set later, per language)."""
    controls = {name: _number(name, default) for name, (_, _, default) in _NUMBERS.items()}
    controls["interval"] = widgets.Dropdown(options=[("", DEFAULTS.interval)],
                                            value=DEFAULTS.interval,
                                            style=_INPUT_STYLE,
                                            layout=widgets.Layout(**_INPUT_LAYOUT))
    controls["target_kind"] = widgets.RadioButtons(options=[("", DEFAULTS.target_kind)],
                                                   value=DEFAULTS.target_kind,
                                                   style=_INPUT_STYLE)
    controls["use_patience"] = widgets.Checkbox(value=False, indent=False)
    controls["reverse"] = widgets.BoundedIntText(value=0, min=0, max=1_000_000, style=_INPUT_STYLE,
                                                 layout=widgets.Layout(**_INPUT_LAYOUT))
    controls["patience"].disabled = True
    for name in ("interval", "target_kind", "use_patience", "reverse"):
        controls[name].add_class(_css(name))
    return controls


class ErlangCalculator(ScenarioKeeping, ReadBack, widgets.VBox):
    """Inputs on the left, results on the right, the ±5 table and the chart below, then the whole day."""

    def __init__(self, lang: str = "zh") -> None:
        self.lang = lang if lang in LANGUAGES else LANGUAGES[0]
        self.controls = _controls()
        self.controls["hourly_cost"] = _number("hourly_cost", HOURLY_COST_DEFAULT)
        self.language = widgets.ToggleButtons(options=[("中文", "zh"), ("English", "en")],
                                              value=self.lang)
        self.title = widgets.HTML()
        self.cards = {name: card(_css(name)) for name in CARDS}
        self.day_cards = {name: card(_css(name)) for name in DAY_CARDS}
        self.status, self.table, self.download = widgets.HTML(), widgets.HTML(), widgets.HTML()
        self.reverse_hint, self.reverse_result = widgets.HTML(), widgets.HTML()
        self.chart = self.day_chart = None  # the JupyterCharts, made with the first answer
        self.chart_box, self.day_chart_box = widgets.Box(), widgets.Box()
        self.day_heading, self.day_hint, self.day_source, self.day_preview, self.day_status, self.day_table = (
            widgets.HTML() for _ in range(6))
        self.day_upload = widgets.FileUpload(accept=".csv,.xlsx,.txt", multiple=False)
        self.day_example = widgets.Button()
        self.day = DaySource(example_day(), None, HOURLY_COST_DEFAULT)
        self.answer: ErlangAnswer | None = None
        self._shown: tuple | None = None  # (inputs, answer, agents without the cap): what the page shows
        self._inputs = DEFAULTS  # what the day on screen was planned with
        self._error = self._day_error = self._upload_error = None
        self.runs = 0  # finished renders, shown as data-run on the status line
        self._quiet_depth = 0
        for box, name in ((self.language, "language"), (self.status, "status"),
                          (self.table, "table"), (self.download, "download"),
                          (self.chart_box, "chart-box"), (self.title, "title"),
                          (self.reverse_result, "reverse-result"), (self.day_source, "day-source"),
                          (self.day_preview, "day-preview"), (self.day_status, "day-status"),
                          (self.day_table, "day-table-box"),
                          (self.day_upload, "day-upload"), (self.day_example, "day-example"),
                          (self.day_hint, "day-hint"), (self.day_chart_box, "day-chart-box")):
            box.add_class(_css(name))
        self.keep = KeepBar(self, "erlang", self.lang)
        super().__init__(children=self._layout())
        self.add_class("ccs-erlang-calculator")
        self._wire()
        self._label_controls()
        self.recompute()
        self._set_title()

    # Layout -----------------------------------------------------------------

    def _layout(self) -> list[widgets.Widget]:
        c = self.controls
        inputs = widgets.VBox([c["calls"], c["interval"], c["aht"], c["target_kind"],
                               c["target_sl"], c["answer_time"], c["target_asa"],
                               c["max_occupancy"], c["shrinkage"], c["use_patience"],
                               c["patience"]], layout=widgets.Layout(margin="0 24px 0 0"))
        results = widgets.VBox([widgets.HBox(list(self.cards.values()),
                                             layout=widgets.Layout(flex_flow="row wrap")),
                                self.status, c["reverse"], self.reverse_hint, self.reverse_result,
                                self.download, self.keep],
                               layout=widgets.Layout(flex="1 1 420px", min_width="0"))
        header = widgets.HBox([self.title, self.language],
                              layout=widgets.Layout(justify_content="space-between"))
        lower = widgets.HBox([self.table, self.chart_box],
                             layout=widgets.Layout(flex_flow="row wrap", margin="12px 0 0 0"))
        return [widgets.HTML(STYLE), header,
                widgets.HBox([inputs, results], layout=widgets.Layout(flex_flow="row wrap")),
                lower, self._day_layout()]

    def _day_layout(self) -> widgets.VBox:
        row = widgets.HBox([self.controls["hourly_cost"], self.day_upload, self.day_example],
                           layout=widgets.Layout(flex_flow="row wrap", align_items="center"))
        cards = widgets.HBox(list(self.day_cards.values()), layout=widgets.Layout(flex_flow="row wrap"))
        lower = widgets.HBox([self.day_table, self.day_chart_box], layout=widgets.Layout(flex_flow="row wrap"))
        box = widgets.VBox([self.day_heading, self.day_hint, row, self.day_source, self.day_preview,
                            self.day_status, cards, lower],
                           layout=widgets.Layout(margin="16px 0 0 0"))
        box.add_class("ccs-day")
        return box

    def _wire(self) -> None:
        self.language.observe(self._on_language, names="value")
        self.controls["use_patience"].observe(self._on_patience, names="value")
        for name, control in self.controls.items():
            if name != "use_patience":
                control.observe(self._on_input, names="value")
        self.day_upload.observe(self._on_day_upload, names="value")
        self.day_example.on_click(self._on_day_example)

    # Callbacks --------------------------------------------------------------

    def _on_input(self, change) -> None:
        if not self._quiet_depth:
            self._show_target_fields()
            self.recompute()

    def _on_patience(self, change) -> None:
        self.controls["patience"].disabled = not change["new"]
        if not self._quiet_depth:
            self.recompute()

    def _on_language(self, change) -> None:
        self.lang = change["new"]
        self.relabel()

    def _on_day_upload(self, change) -> None:
        if not self.day_upload.value:
            return
        item = self.day_upload.value[0]
        try:
            self.day = DaySource(read_day(bytes(item["content"]), item["name"]), item["name"], self.day.hourly_cost)
            self._upload_error = None
        except Exception as exc:  # the day on screen stays; the sentence says why the file was not used
            log_unexpected(exc, "erlang: read day")
            self._upload_error = exc
        self.recompute()

    def _on_day_example(self, button=None) -> None:
        self.day, self._upload_error = DaySource(example_day(), None, self.day.hourly_cost), None
        self.recompute()

    @contextmanager
    def _quiet(self) -> Iterator[None]:
        """Changes made inside (relabelling options) do not trigger a recompute."""
        self._quiet_depth += 1
        try:
            yield
        finally:
            self._quiet_depth -= 1

    # Computing --------------------------------------------------------------

    def read_inputs(self) -> ErlangInputs:
        """The inputs in library units: percent → fraction, patience None when unticked."""
        v = {name: control.value for name, control in self.controls.items()}
        return ErlangInputs(
            calls=v["calls"], interval=v["interval"], aht=v["aht"],
            target_kind=v["target_kind"], target_sl=v["target_sl"] / 100,
            answer_time=v["answer_time"], target_asa=v["target_asa"],
            max_occupancy=v["max_occupancy"] / 100, shrinkage=v["shrinkage"] / 100,
            patience=v["patience"] if v["use_patience"] else None)

    def busy_controls(self) -> list[widgets.Widget]:
        """The inputs disabled while an answer (or its report) is being made."""
        return [*self.controls.values(), self.language, self.day_upload, self.day_example]

    def recompute(self) -> None:
        """Solve the interval and plan the day for the current inputs, then show both."""
        with busy(self.busy_controls()):
            self._set_status("computing", text("computing", self.lang))
            inputs = self.read_inputs()
            try:
                answer = solve(inputs)
                uncapped = solve(replace(inputs, max_occupancy=1.0)).agents if answer.capped else None
                self.answer, self._shown, self._error = answer, (inputs, answer, uncapped), None
            except Exception as exc:  # every failure becomes a sentence, never a traceback
                log_unexpected(exc, "erlang: compute")
                self.answer, self._shown, self._error = None, None, exc
            self.day, self._inputs = self._plan_day(inputs), inputs
            self._render()

    def _plan_day(self, inputs: ErlangInputs) -> DaySource:
        frame, cost = self.day.frame, self.controls["hourly_cost"].value
        try:
            calls = pd.Series(frame["calls"].to_numpy(float), index=pd.DatetimeIndex(frame["interval_start"]))
            plan = plan_day(calls, frame["aht_s"].fillna(inputs.aht).to_numpy(), inputs, cost)
            self._day_error = None
        except Exception as exc:
            log_unexpected(exc, "erlang: day")
            plan, self._day_error = None, exc
        return DaySource(frame, self.day.name, cost, plan)

    # Showing (language-neutral answers, words in self.lang) -------------------

    def _render(self) -> None:
        """Show what was last computed in ``self.lang``; the status line (one more run) last."""
        self.runs += 1
        self._show_day()
        kind, message = self._show(*self._shown) if self._shown else self._show_error(self._error)
        self.keep.refresh()
        self._set_status(kind, message)

    def _show(self, inputs: ErlangInputs, answer: ErlangAnswer, uncapped: int | None) -> tuple[str, str]:
        notes = card_notes(answer, inputs, self.lang, uncapped)
        for name, (label, value) in card_texts(answer, inputs, self.lang).items():
            set_card(self.cards[name], label, value, notes[name])
        self.cards["abandonment"].layout.display = None if inputs.patience is not None else "none"
        said = reverse_text(int(self.controls["reverse"].value or 0), answer, inputs, self.lang)
        self.reverse_result.value = f"<p>{html.escape(said)}</p>" if said else ""
        self.table.value = table_html(answer, inputs, self.lang)
        sheets, options = excel_workbook(answer, inputs, self.lang, notes, self.day)
        self.download.value = excel_link(sheets, text("excel_file", self.lang),
                                         text("download_excel", self.lang), **options)
        self.chart = draw_chart(self.chart, self.chart_box, self._staffing_chart(inputs, answer), "ccs-chart")
        model = text("model_c" if inputs.patience is None else "model_a", self.lang)
        done = text("ok_capped" if answer.capped else "ok", self.lang)
        return "ok", text("status_done", self.lang, done=done, model=model)

    def _staffing_chart(self, inputs: ErlangInputs, answer: ErlangAnswer):
        return staffing_chart(answer.table, answer.agents, lang=self.lang,
                              target_sl=inputs.target_sl if inputs.target_kind == "sl" else None,
                              target_asa=inputs.target_asa if inputs.target_kind == "asa" else None)

    def _show_error(self, exc: BaseException) -> tuple[str, str]:
        for name, box in self.cards.items():
            set_card(box, text(name, self.lang), "—")
        self.table.value = self.download.value = self.reverse_result.value = ""
        return "error", error_message(exc, self.lang)

    def _show_day(self) -> None:
        lang, day = self.lang, self.day
        error = self._upload_error or self._day_error
        self.day_status.value = "" if error is None else status_html(
            "error", day_word("error", lang, message=self._day_message(error)), self.runs)
        self.day_source.value = f"<p>{html.escape(day.describe(lang))}</p>"
        self.day_preview.value = day_preview(day, lang)
        self.day_example.layout.display = None if day.name else "none"
        self.day_chart_box.layout.display = "none" if day.plan is None else None
        if day.plan is None:
            for name, box in self.day_cards.items():
                set_card(box, day_word(name, lang), "—")
            self.day_table.value = ""
            return
        for name, (label, value, note) in day_cards(day.plan, self._inputs, day.hourly_cost, lang).items():
            set_card(self.day_cards[name], label, value, note)
        self.day_table.value = day_html(day.plan, lang)
        self.day_chart = draw_chart(self.day_chart, self.day_chart_box, day_chart(day.plan, lang), "ccs-day-chart")

    def _day_message(self, exc: BaseException) -> str:
        if isinstance(exc, UploadError):
            return day_upload_message(exc, self.lang)
        return error_message(exc, self.lang, errors={"hourly_cost": DAY["hourly_cost_error"]})

    def _set_status(self, kind: str, message: str) -> None:
        self.status.value = status_html(kind, message, self.runs)

    # Language ---------------------------------------------------------------

    def relabel(self) -> None:
        """Every label in ``self.lang`` in one pass, the last answer shown again in it (no recompute),
        the title last: once the title has changed, nothing on the page is in the old language."""
        self._label_controls()
        self._render()
        self._set_title()

    def _label_controls(self) -> None:
        lang, c = self.lang, self.controls
        with self._quiet():
            for name, (key, unit, _) in _NUMBERS.items():
                c[name].description = f"{text(key, lang)} ({text(unit, lang)})"
            set_options(c["interval"], [(text("minutes_option", lang, n=m), m * 60.0)
                                         for m in (15, 30, 60)])
            c["interval"].description = text("interval", lang)
            set_options(c["target_kind"], [(text("target_kind_sl", lang), "sl"),
                                            (text("target_kind_asa", lang), "asa")])
            c["target_kind"].description = text("target_kind", lang)
            c["use_patience"].description = text("use_patience", lang)
            c["reverse"].description = REVERSE["label"][1 if lang == "en" else 0]
            hint = REVERSE["hint"][1 if lang == "en" else 0]
            self.reverse_hint.value = f'<span class="ccs-hint">{html.escape(hint)}</span>'
            c["hourly_cost"].description = f"{day_word('hourly_cost', lang)} ({day_word('cost_unit', lang)})"
            self.day_heading.value = f"<h3>{html.escape(day_word('heading', lang))}</h3>"
            self.day_hint.value = (f'<span class="ccs-hint">{html.escape(day_word("hint", lang))}</span> '
                                   + day_template_link(lang))
            self.day_upload.description = day_word("upload", lang)
            self.day_example.description = day_word("use_example", lang)
            self.keep.relabel(lang)
        self._show_target_fields()

    def _set_title(self) -> None:
        self.title.value = f"<h2>{html.escape(text('title', self.lang))}</h2>"

    def _show_target_fields(self) -> None:
        sl = self.controls["target_kind"].value == "sl"
        self.controls["target_sl"].layout.display = None if sl else "none"
        self.controls["target_asa"].layout.display = "none" if sl else None


def build_erlang_calculator(lang: str = "zh") -> ErlangCalculator:
    """The Erlang staffing calculator, in ``lang`` ("zh" default, or "en"), already computed.

    >>> app = build_erlang_calculator("en")
    >>> app.shown("required_agents") != "—"
    True
    """
    return ErlangCalculator(lang=lang)
