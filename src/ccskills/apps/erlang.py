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

from ccskills.apps._common import (ReadBack, busy, card, draw_chart, excel_link, set_card,
                                   set_options, status_html,
                                   log_unexpected)
from ccskills.interval_staffing import ErlangAnswer, ErlangInputs, solve
from ccskills.apps._erlang_text import (CARDS, STYLE, REVERSE, card_notes, card_texts, excel_workbook, reverse_text,
                                        table_html)
from ccskills.charts import staffing_chart
from ccskills.i18n import LANGUAGES, error_message, text

__all__ = ["ErlangCalculator", "build_erlang_calculator", "ErlangInputs", "ErlangAnswer",
           "solve"]

DEFAULTS = ErlangInputs()
"""What the calculator shows first (100 calls per 30 min, AHT 180 s, 80/20, …)."""
PATIENCE_DEFAULT = 120.0
"""Seconds offered in the patience box when the Erlang A box is ticked."""

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


class ErlangCalculator(ReadBack, widgets.VBox):
    """Inputs on the left, results on the right, the ±5 table and the chart below."""

    def __init__(self, lang: str = "zh") -> None:
        self.lang = lang if lang in LANGUAGES else LANGUAGES[0]
        self.controls = _controls()
        self.language = widgets.ToggleButtons(options=[("中文", "zh"), ("English", "en")],
                                              value=self.lang)
        self.title = widgets.HTML()
        self.cards = {name: card(_css(name)) for name in CARDS}
        self.status, self.table, self.download = widgets.HTML(), widgets.HTML(), widgets.HTML()
        self.reverse_hint, self.reverse_result = widgets.HTML(), widgets.HTML()
        self.chart = None  # the JupyterChart, made with the first answer
        self.chart_box = widgets.Box()
        self.answer: ErlangAnswer | None = None
        self.runs = 0  # finished computations, shown as data-run on the status line
        self._quiet_depth = 0
        for box, name in ((self.language, "language"), (self.status, "status"),
                          (self.table, "table"), (self.download, "download"),
                          (self.chart_box, "chart-box"), (self.title, "title"),
                          (self.reverse_result, "reverse-result")):
            box.add_class(_css(name))
        super().__init__(children=self._layout())
        self.add_class("ccs-erlang-calculator")
        self._wire()
        self.relabel()

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
                                self.download],
                               layout=widgets.Layout(flex="1 1 420px", min_width="0"))
        header = widgets.HBox([self.title, self.language],
                              layout=widgets.Layout(justify_content="space-between"))
        lower = widgets.HBox([self.table, self.chart_box],
                             layout=widgets.Layout(flex_flow="row wrap", margin="12px 0 0 0"))
        return [widgets.HTML(STYLE), header,
                widgets.HBox([inputs, results], layout=widgets.Layout(flex_flow="row wrap")),
                lower]

    def _wire(self) -> None:
        self.language.observe(self._on_language, names="value")
        self.controls["use_patience"].observe(self._on_patience, names="value")
        for name, control in self.controls.items():
            if name != "use_patience":
                control.observe(self._on_input, names="value")

    # Callbacks --------------------------------------------------------------

    def _on_input(self, change) -> None:
        if not self._quiet_depth:
            self._show_target_fields()
            self.recompute()

    def _on_patience(self, change) -> None:
        self.controls["patience"].disabled = not change["new"]
        self.recompute()

    def _on_language(self, change) -> None:
        self.lang = change["new"]
        self.relabel()

    @contextmanager
    def _quiet(self) -> Iterator[None]:
        """Changes made inside (relabelling options) do not trigger a recompute."""
        self._quiet_depth += 1
        try:
            yield
        finally:
            self._quiet_depth -= 1

    # Reading and showing ----------------------------------------------------

    def read_inputs(self) -> ErlangInputs:
        """The inputs in library units: percent → fraction, patience None when unticked."""
        v = {name: control.value for name, control in self.controls.items()}
        return ErlangInputs(
            calls=v["calls"], interval=v["interval"], aht=v["aht"],
            target_kind=v["target_kind"], target_sl=v["target_sl"] / 100,
            answer_time=v["answer_time"], target_asa=v["target_asa"],
            max_occupancy=v["max_occupancy"] / 100, shrinkage=v["shrinkage"] / 100,
            patience=v["patience"] if v["use_patience"] else None)

    def recompute(self) -> None:
        """Solve for the current inputs; show the answer or a translated sentence."""
        with busy([*self.controls.values(), self.language]):
            self._set_status("computing", text("computing", self.lang))
            try:
                inputs = self.read_inputs()
                self.answer = solve(inputs)
                self.runs += 1
                self._show(inputs, self.answer)
            except Exception as exc:  # every failure becomes a sentence, never a traceback
                log_unexpected(exc, "erlang: compute")
                self.answer = None
                self.runs += 1
                self._show_error(exc)

    def _show(self, inputs: ErlangInputs, answer: ErlangAnswer) -> None:
        uncapped = solve(replace(inputs, max_occupancy=1.0)).agents if answer.capped else None
        notes = card_notes(answer, inputs, self.lang, uncapped)
        for name, (label, value) in card_texts(answer, inputs, self.lang).items():
            set_card(self.cards[name], label, value, notes[name])
        self.cards["abandonment"].layout.display = None if inputs.patience is not None else "none"
        said = reverse_text(int(self.controls["reverse"].value or 0), answer, inputs, self.lang)
        self.reverse_result.value = f"<p>{html.escape(said)}</p>" if said else ""
        self.table.value = table_html(answer, inputs, self.lang)
        sheets, options = excel_workbook(answer, inputs, self.lang, notes)
        self.download.value = excel_link(sheets, text("excel_file", self.lang),
                                         text("download_excel", self.lang), **options)
        self._draw(staffing_chart(
            answer.table, answer.agents, lang=self.lang,
            target_sl=inputs.target_sl if inputs.target_kind == "sl" else None,
            target_asa=inputs.target_asa if inputs.target_kind == "asa" else None))
        model = text("model_c" if inputs.patience is None else "model_a", self.lang)
        done = text("ok_capped" if answer.capped else "ok", self.lang)
        message = text("status_done", self.lang, done=done, model=model)
        self._set_status("ok", message)

    def _draw(self, chart) -> None:
        self.chart = draw_chart(self.chart, self.chart_box, chart, "ccs-chart")

    def _show_error(self, exc: BaseException) -> None:
        for name, box in self.cards.items():
            set_card(box, text(name, self.lang), "—")
        self.table.value = self.download.value = self.reverse_result.value = ""
        self._set_status("error", error_message(exc, self.lang))

    def _set_status(self, kind: str, message: str) -> None:
        self.status.value = status_html(kind, message, self.runs)

    # Language ---------------------------------------------------------------

    def relabel(self) -> None:
        """Put every label, unit and option in ``self.lang``, then recompute."""
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
            self.reverse_hint.value = f'<span class="ccs-hint">{html.escape(REVERSE["hint"][1 if lang == "en" else 0])}</span>'
            self.title.value = f"<h2>{html.escape(text('title', lang))}</h2>"
        self._show_target_fields()
        self.recompute()

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
