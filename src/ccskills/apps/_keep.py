"""The bar under a calculator that keeps its answers: save, load, compare scenarios; a one-page PDF.

:class:`KeepBar` is wiring only: the store, the comparison and the PDF live in
:mod:`ccskills.scenarios` and :mod:`ccskills.reports`. The calculator (``app``) provides:

* ``scenario_inputs() -> dict``: the inputs as shown on screen, JSON-able;
* ``apply_scenario(inputs: dict) -> str | None``: set the controls and recompute once; a sentence
  it returns (e.g. "choose the file again") is shown instead of "loaded and recomputed";
* ``scenario_results() -> list[(key, label, value, excel_format)]``: empty when there is no answer;
* ``scenario_input_labels() -> dict[key, label]``;
* ``report_content() -> ccskills.reports.Report | None`` (None: no answer, no report);
* optionally ``busy_controls() -> list[widget]``: disabled while the PDF is made;
* ``lang``; and it calls :meth:`KeepBar.refresh` after each computation and
  :meth:`KeepBar.relabel` on a language switch.

Every action ends in one sentence on the message line (class ``ccs-scenario-message``,
attribute ``data-done`` counting finished actions, for tests to wait on); an unexpected
error is logged (:func:`ccskills.apps._common.log_unexpected`), never shown as a traceback.

The one-page PDF is made on demand (button ``ccs-report-make``): making it costs about a second
of CPU, too much for every input change on a shared class server. Any later answer or language
switch takes the link away again (a PDF of older inputs is never offered).
"""

from __future__ import annotations

import base64
import html
import re

import ipywidgets as widgets

from ccskills.apps._common import busy, excel_link, log_unexpected
from ccskills.scenarios import (Scenario, ScenarioStore, compare_frame, compare_html, compare_sheets,
                                scenario_message, scenario_text)

__all__ = ["KeepBar", "KEEP_CSS", "pdf_link"]

KEEP_CSS = """<style>
.ccs-keep-bar { border-top: 1px solid #d0d7de; margin-top: 12px; padding-top: 6px; }
.ccs-keep-bar table.ccs-compare-table { border-collapse: collapse; font-size: 13px; margin: 6px 0; width: auto !important;
  table-layout: auto; }
.ccs-keep-bar table.ccs-compare-table th, .ccs-keep-bar table.ccs-compare-table td { padding: 3px 10px;
  line-height: 1.4; border-bottom: 1px solid #e5e7eb; text-align: left; vertical-align: top; }
.ccs-keep-bar table.ccs-compare-table tbody th { font-weight: normal; max-width: 18em; }
.ccs-keep-bar table.ccs-compare-table .ccs-num { text-align: right; white-space: nowrap;
  font-variant-numeric: tabular-nums; }
.ccs-keep-bar table.ccs-compare-table tr.ccs-compare-section th { font-weight: 600; background: #f3f5f7;
  color: #1f3b57; }
.ccs-scenario-message { font-size: 13px; }
</style>"""
"""Styles of the bar (system fonts; nothing fetched)."""

COMPARE_MIN, COMPARE_MAX = 2, 4
_GOOD = frozenset({"saved", "replaced", "loaded", "deleted", "compared"})
"""Messages that report success (the others are shown as errors)."""


def pdf_link(payload: bytes, filename: str, label: str, built: int = 0) -> str:
    """An HTML download link (class ``ccs-report-link``) carrying ``payload`` as a PDF in a data: URL."""
    data = base64.b64encode(payload).decode("ascii")
    return (f'<a class="ccs-download-link ccs-report-link" data-built="{built}" '
            f'download="{html.escape(filename)}.pdf" href="data:application/pdf;base64,{data}">'
            f"⬇ {html.escape(label)}</a>")


def _file_name(title: str, fallback: str) -> str:
    """``title`` as a safe file name (no path or reserved characters)."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", title).strip(" .")
    return name[:80] or fallback


def _classed(widget: widgets.DOMWidget, css: str) -> widgets.DOMWidget:
    widget.add_class(css)
    return widget


class KeepBar(widgets.VBox):
    """Scenarios (save, load, delete, compare 2–4 with an Excel download) and the one-page PDF report."""

    def __init__(self, app, calculator: str, lang: str = "zh", *, scenarios: bool = True, report: bool = True,
                 store: ScenarioStore | None = None) -> None:
        self.app, self.calculator, self.lang = app, calculator, lang
        self.store = store if store is not None else ScenarioStore()
        self.done = 0  # finished actions, shown as data-done on the message line
        self.reports_built = 0  # PDFs made, shown as data-built on the link
        self._said: list[tuple[str, dict] | str | BaseException] = []  # the message line, re-worded on relabel
        self._compared: list[str] = []
        self._scenarios = scenarios
        self._make_widgets()
        children = [widgets.HTML(KEEP_CSS)]
        if scenarios:
            children += self._scenario_rows()
        if report:
            children += [self.report_make, self.report_link]
        super().__init__(children=children)
        self.add_class("ccs-keep-bar")
        self._wire()
        self.relabel(lang)
        if scenarios:
            self._run(self._reload_names, quiet=True)

    # Widgets ------------------------------------------------------------------

    def _make_widgets(self) -> None:
        layout = widgets.Layout(width="auto")
        self.name = _classed(widgets.Text(layout=widgets.Layout(width="22em")), "ccs-scenario-name")
        self.save = _classed(widgets.Button(layout=layout), "ccs-scenario-save")
        self.replace = _classed(widgets.Checkbox(value=False, indent=False, layout=layout), "ccs-scenario-replace")
        self.pick = _classed(widgets.Dropdown(options=[], value=None, layout=widgets.Layout(width="22em")),
                             "ccs-scenario-pick")
        self.load = _classed(widgets.Button(layout=layout), "ccs-scenario-load")
        self.delete = _classed(widgets.Button(layout=layout), "ccs-scenario-delete")
        self.compare_pick = _classed(widgets.SelectMultiple(options=[], rows=4, layout=widgets.Layout(width="22em")),
                                     "ccs-scenario-compare-pick")
        self.compare = _classed(widgets.Button(layout=layout), "ccs-scenario-compare")
        self.table = _classed(widgets.HTML(), "ccs-scenario-table")
        self.excel = _classed(widgets.HTML(), "ccs-scenario-excel")
        self.message = _classed(widgets.HTML(), "ccs-scenario-message")
        self.report_make = _classed(widgets.Button(layout=widgets.Layout(width="auto")), "ccs-report-make")
        self.report_link = _classed(widgets.HTML(), "ccs-report-link")

    def _scenario_rows(self) -> list[widgets.Widget]:
        row = widgets.Layout(flex_flow="row wrap", align_items="center")
        return [widgets.HBox([self.name, self.save, self.replace], layout=row),
                widgets.HBox([self.pick, self.load, self.delete], layout=row),
                widgets.HBox([self.compare_pick, self.compare], layout=row),
                self.message, self.table, self.excel]

    def _wire(self) -> None:
        self.save.on_click(lambda _: self._run(self._act_save))
        self.load.on_click(lambda _: self._run(self._act_load))
        self.delete.on_click(lambda _: self._run(self._act_delete))
        self.compare.on_click(lambda _: self._run(self._act_compare))
        self.report_make.on_click(lambda _: self._act_report())

    @property
    def _buttons(self) -> list[widgets.Widget]:
        return [self.save, self.load, self.delete, self.compare]

    # Public -------------------------------------------------------------------

    def relabel(self, lang: str) -> None:
        """Every label, the message, the comparison and the report in ``lang``."""
        self.lang = lang

        def t(key):
            return scenario_text(key, lang)

        self.name.description, self.name.placeholder = t("name"), t("name_placeholder")
        self.name.style.description_width = "initial"
        self.save.description, self.replace.description = t("save"), t("replace")
        self.pick.description, self.pick.style.description_width = t("pick"), "initial"
        self.load.description, self.delete.description = t("load"), t("delete")
        self.compare_pick.description = t("compare_pick")
        self.compare_pick.style.description_width = "initial"
        self.compare.description = t("compare")
        self.report_make.description = t("report_make")
        self._stale_report()
        if self._compared:
            self._run(lambda: self._show_comparison(self._compared), quiet=True)
        self._say_again()

    def refresh(self) -> None:
        """After an answer (or a failed one): re-list saved scenarios and take the report link away,
        showing the button that makes a new one. Cheap: no PDF is made here."""
        if self._scenarios:
            self._run(self._reload_names, quiet=True, hold=False)  # saved meanwhile in another window
        self._stale_report()

    def _stale_report(self) -> None:
        """The link (if any) was for older inputs or another language: gone; the button is back."""
        self.report_link.value = ""
        self.report_make.layout.display = None

    def _act_report(self) -> None:
        """The button: make the PDF with the bar's buttons and the app's inputs (its
        ``busy_controls()``, if it has one) disabled, so nothing changes under the report."""
        extra = getattr(self.app, "busy_controls", None)
        with busy([*self._buttons, self.report_make, *(extra() if extra else [])]):
            self.build_report()

    def build_report(self) -> None:
        """Make the PDF now and put its download link (class ``ccs-report-link``, attribute
        ``data-built`` counting PDFs made) in :attr:`report_link`, hiding the button; a failure
        (or no answer yet) is one sentence and the button stays."""
        try:
            content = self.app.report_content()
            if content is None:
                said = scenario_text("report_no_answer", self.lang)
                self.report_link.value = f'<span class="ccs-status-error">{html.escape(said)}</span>'
                return
            from ccskills.reports import report_pdf

            payload = report_pdf(content, on_chart_error=lambda exc, step: log_unexpected(
                exc, f"{self.calculator}: {step}"))
            self.reports_built += 1
            name = _file_name(content.title, scenario_text("report_file", self.lang))
            self.report_link.value = pdf_link(payload, name, scenario_text("report_link", self.lang),
                                              built=self.reports_built)
            self.report_make.layout.display = "none"
        except Exception as exc:  # the page stays; the link says why it is missing
            log_unexpected(exc, f"{self.calculator}: report")
            said = scenario_text("report_failed", self.lang, kind=type(exc).__name__)
            self.report_link.value = f'<span class="ccs-status-error">{html.escape(said)}</span>'

    # Actions ------------------------------------------------------------------

    def _run(self, action, quiet: bool = False, hold: bool = True) -> None:
        """Run ``action`` with the buttons disabled (unless not ``hold``); what it returns (or its
        error) is the message.

        ``quiet``: a background step (listing names, redoing a comparison) that keeps the
        current message unless something goes wrong."""
        with busy(self._buttons if hold else []):
            try:
                said = [action()]
            except Exception as exc:  # one sentence, never a traceback
                log_unexpected(exc, f"{self.calculator}: scenarios")
                said = [exc]
            moved = self.store.moved_aside()
        said = [x for x in said if x is not None]
        if moved is not None:
            said.insert(0, ("corrupt", {"bad": moved.name}))
        if said or not quiet:
            self._said = said
        if not quiet:
            self.done += 1
        self._say_again()

    def _act_save(self):
        rows = list(self.app.scenario_results())
        if not rows:
            return ("no_answer", {})
        labels = {**self.app.scenario_input_labels(), **{key: label for key, label, _, _ in rows}}
        scenario = Scenario(self.calculator, self.name.value, dict(self.app.scenario_inputs()),
                            [(key, value, fmt) for key, _, value, fmt in rows], lang=self.lang, labels=labels)
        replacing = bool(self.replace.value)
        stored = self.store.save(scenario, replace=replacing)
        self._reload_names(select=stored.name)
        existed = replacing and stored.name in self._compared
        if existed:
            self._show_comparison(self._compared)
        return ("replaced" if replacing else "saved", {"name": stored.name})

    def _act_load(self):
        if not self.pick.value:
            return ("pick_first", {})
        scenario = self.store.load(self.calculator, self.pick.value)
        self.name.value = scenario.name
        said = self.app.apply_scenario(dict(scenario.inputs))
        if isinstance(said, str) and said:
            return said  # the app's own sentence (e.g. the file must be chosen again)
        return ("loaded", {"name": scenario.name})

    def _act_delete(self):
        if not self.pick.value:
            return ("pick_first", {})
        name = self.pick.value
        self.store.delete(self.calculator, name)
        self._reload_names()
        if name in self._compared:
            self._compared = []
            self.table.value = self.excel.value = ""
        return ("deleted", {"name": name})

    def _act_compare(self):
        chosen = list(self.compare_pick.value)
        if not COMPARE_MIN <= len(chosen) <= COMPARE_MAX:
            return ("compare_count", {"n": len(chosen)})
        self._show_comparison(chosen)
        return ("compared", {"n": len(chosen)})

    def _show_comparison(self, names: list[str]) -> None:
        scenarios = [self.store.load(self.calculator, name) for name in names]
        labels = {**self.app.scenario_input_labels(),
                  **{key: label for key, label, _, _ in self.app.scenario_results()}}
        frame, formats = compare_frame(scenarios, labels, self.lang)
        self.table.value = compare_html(frame, formats, self.lang)
        sheets, options = compare_sheets(frame, formats, self.lang)
        self.excel.value = excel_link(sheets, scenario_text("excel_file", self.lang),
                                      scenario_text("excel_label", self.lang), **options)
        self._compared = names

    def _reload_names(self, select: str | None = None) -> None:
        names = self.store.names(self.calculator)
        if tuple(names) == tuple(self.pick.options) and select in (None, self.pick.value):
            return  # nothing new: no messages to the page
        keep = select if select in names else (self.pick.value if self.pick.value in names else None)
        self.pick.options = names
        self.pick.value = keep if keep is not None else (names[-1] if names else None)
        chosen = tuple(n for n in self.compare_pick.value if n in names)
        self.compare_pick.options = names
        self.compare_pick.value = chosen

    # Message ------------------------------------------------------------------

    def _say_again(self) -> None:
        """Show the last message in the current language."""
        texts, kind = [], "ok"
        for said in self._said:
            if isinstance(said, str):
                texts.append(said)
                kind = "error"  # something is still to do
                continue
            if isinstance(said, BaseException):
                texts.append(scenario_message(said, self.lang))
            else:
                texts.append(scenario_text(said[0], self.lang, **said[1]))
            if isinstance(said, BaseException) or said[0] not in _GOOD:
                kind = "error"
        sep = " " if self.lang == "en" else ""
        self.message.value = (f'<span class="ccs-status-{kind}" data-done="{self.done}">'
                              f"{html.escape(sep.join(texts))}</span>")
