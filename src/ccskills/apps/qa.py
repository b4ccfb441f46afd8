"""The QA scorecard & calibration calculator (served by Voila from course/apps/qa_calibration.ipynb).

:func:`build_qa_calculator` returns a :class:`QACalculator`, an ipywidgets ``VBox`` with
two tabs: score one call on the kit's scorecard (critical errors zero the score), and
analyse a calibration round — the committed one or an uploaded CSV/Excel file — with
ICC(2,1), Fleiss' kappa, their bands and each analyst's deviation from the reference
(table, chart, Excel report). Callbacks only call :mod:`ccskills.quality` and
:mod:`ccskills.io`; every failure becomes one sentence in the chosen language.
"""

from __future__ import annotations

import functools
import html

import ipywidgets as widgets
import pandas as pd

from ccskills import quality as qa
from ccskills.apps._workbook import template_link
from ccskills.apps._keep import KeepBar
from ccskills.apps._common import (ReadBack, busy, card, draw_chart, excel_link, set_card,
                                   status_html,
                                   log_unexpected)
from ccskills.apps import _qa_text as tx
from ccskills.datasets.quality import load_calibration, load_scorecard
from ccskills.i18n import LANGUAGES, error_message
from ccskills.io import (UploadError, check_allowed, check_unique, parse_numbers, read_table,
                         require_columns, row_words, spreadsheet_rows, upload_message)

__all__ = ["QACalculator", "build_qa_calculator", "read_calibration_upload"]

TOLERANCE = 10.0
"""Points within which an analyst agrees with the reference (domain.md §2.3)."""

REFERENCE_NAMES = ("master", "reference", "标准答案", "参考答案", "主管")
ITEM_COLUMNS = ("call_id", "analyst_id", "item_id", "passed")
ITEM_ALIASES = {"通话": "call_id", "通话编号": "call_id", "call": "call_id", "质检员": "analyst_id",
                "评分者": "analyst_id", "analyst": "analyst_id", "rater": "analyst_id",
                "评分项": "item_id", "item": "item_id", "是否达标": "passed", "达标": "passed"}
PASSED_VALUES = {"true": True, "false": False, "1": True, "0": False, "是": True, "否": False,
                 "达标": True, "不达标": False, "yes": True, "no": False, "pass": True, "fail": False}

# ----------------------------------------------------------------------------- uploads


def upload_template(lang: str) -> pd.DataFrame:
    """An example upload: the kit's round as a score table (call, one column per analyst, reference)."""
    scores, _ = qa.calibration_tables(load_calibration(), load_scorecard())
    reference = "标准答案" if lang == "zh" else "master"
    table = scores.rename(columns={"master": reference})
    table = table[[c for c in table.columns if c != reference] + [reference]]
    return table.rename_axis(tx.t("call", lang)).reset_index()


def _is_item_table(frame: pd.DataFrame) -> bool:
    names = {str(c).strip().lower() for c in frame.columns}
    return any(n in names for n in ("item_id", "评分项", "item"))


def _read_items(frame: pd.DataFrame, scorecard: pd.DataFrame):
    frame = require_columns(frame, ITEM_COLUMNS, ITEM_ALIASES)
    frame["passed"] = frame["passed"].str.lower()
    check_allowed(frame, "passed", list(PASSED_VALUES))
    check_allowed(frame, "item_id", list(scorecard["item_id"]))
    check_unique(frame, ["call_id", "analyst_id", "item_id"])
    items = frame[list(ITEM_COLUMNS)].assign(passed=frame["passed"].map(PASSED_VALUES).astype(bool))
    scores, decisions = qa.calibration_tables(items, scorecard)
    return scores, decisions


def _read_scores(frame: pd.DataFrame) -> pd.DataFrame:
    call = frame.columns[0]
    check_unique(frame, call, values=frame[call])
    table = pd.DataFrame(index=frame[call].astype(str).rename("call_id"))
    for column in frame.columns[1:]:
        values = parse_numbers(frame, column, minimum=0)
        high = values > 100
        if high.any():
            rows = spreadsheet_rows(frame, high)
            raise UploadError("above_maximum", f"{column} must be at most 100", column=column,
                              rows=rows, value=frame[column][high].iloc[0])
        table[column] = values.to_numpy()
    return table


def read_calibration_upload(data, filename: str, scorecard: pd.DataFrame | None = None):
    """(scores, reference column or None, decisions or None) from an uploaded calibration file.

    A file with an ``item_id`` (评分项) column is an item table scored on ``scorecard``;
    otherwise the first column is the call ID and every other column an analyst's scores
    (0–100), a column named master/标准答案 being the reference. Raises
    :class:`~ccskills.io.UploadError` naming the column and rows of the first problem.
    """
    frame = read_table(data, filename)
    if _is_item_table(frame):
        card_ = load_scorecard() if scorecard is None else scorecard
        scores, decisions = _read_items(frame, card_)
    else:
        scores, decisions = _read_scores(frame), None
    reference = next((c for c in scores.columns if str(c).strip().lower() in REFERENCE_NAMES), None)
    analysts = len(scores.columns) - (reference is not None)
    if len(scores) < 2 or analysts < 2:
        raise UploadError("too_small", f"file must have at least 2 calls and 2 analysts, got "
                          f"{len(scores)} calls and {analysts} analysts",
                          value=(len(scores), analysts), expected=(2, 2))
    return scores, reference, decisions


@functools.lru_cache(maxsize=2)
def _upload_help(lang: str) -> str:
    """The upload help and its example-file link (an .xlsx built once per language)."""
    return (f'<div style="max-width:44em;font-size:12px">{html.escape(tx.t("upload_help", lang))} '
            f'{template_link(upload_template(lang), tx.t("template_file", lang), lang)}</div>')


# ----------------------------------------------------------------------------- the widget


class QACalculator(ReadBack, widgets.VBox):
    """Tab 1 scores a call on the scorecard; tab 2 analyses a calibration round."""

    def __init__(self, lang: str = "zh") -> None:
        self.lang = lang if lang in LANGUAGES else LANGUAGES[0]
        self.scorecard = load_scorecard()
        self.language = widgets.ToggleButtons(options=[("中文", "zh"), ("English", "en")],
                                              value=self.lang)
        self.title, self.score_help = widgets.HTML(), widgets.HTML()
        self.items = {row.item_id: self._item_box(row) for row in self.scorecard.itertuples()}
        self.cards = {name: card(f"ccs-qa-{name.replace('_', '-')}")
                      for name in ("score", "raw_score", "critical", "icc", "kappa", "calls", "analysts")}
        self.sections = widgets.HTML()
        self.source = widgets.RadioButtons(options=[("", "sample"), ("", "upload")], value="sample")
        self.upload = widgets.FileUpload(accept=".csv,.xlsx,.xls,.txt", multiple=False)
        self.upload_help, self.status, self.preview = widgets.HTML(), widgets.HTML(), widgets.HTML()
        self.deviation, self.download = widgets.HTML(), widgets.HTML()
        self.chart, self.chart_box, self._chart_spec = None, widgets.Box(), None
        self.summary: qa.CalibrationSummary | None = None
        self.call_result: qa.ScoredCall | None = None
        self.runs, self._quiet, self._upload, self._reference = 0, False, None, None
        for box, name in ((self.language, "language"), (self.status, "status"), (self.sections, "sections"),
                          (self.deviation, "deviation"), (self.download, "download"), (self.source, "source"),
                          (self.upload, "upload"), (self.chart_box, "chart-box"), (self.preview, "upload-preview-box")):
            box.add_class(f"ccs-{name}")
        self.keep = KeepBar(self, "qa_calibration", self.lang, scenarios=False, report=True)
        self.tabs = widgets.Tab(children=[self._score_tab(), self._calibration_tab()])
        super().__init__(children=[widgets.HTML(tx.STYLE),
                                   widgets.HBox([self.title, self.language], layout=widgets.Layout(
                                       justify_content="space-between")), self.tabs])
        self.add_class("ccs-qa-calculator")
        self._wire()
        self.relabel()

    # Layout ----------------------------------------------------------------

    def _item_box(self, row) -> widgets.Checkbox:
        box = widgets.Checkbox(value=not row.critical_kind, indent=False,
                               layout=widgets.Layout(width="auto"))
        box.add_class(f"ccs-item-{row.item_id.replace('_', '-')}")
        return box

    def _score_tab(self) -> widgets.Widget:
        self.section_titles = {}
        groups = []
        card_ = self.scorecard
        for section in pd.unique(card_["section"]):
            self.section_titles[section] = widgets.HTML()
            ids = card_.loc[(card_["section"] == section) & (card_["critical_kind"] == ""), "item_id"]
            groups += [self.section_titles[section], *[self.items[i] for i in ids]]
        self.section_titles["critical"] = widgets.HTML()
        crit = card_.loc[card_["critical_kind"] != "", "item_id"]
        groups += [self.section_titles["critical"], *[self.items[i] for i in crit]]
        results = widgets.VBox([widgets.HBox([self.cards[n] for n in ("score", "raw_score", "critical")],
                                             layout=widgets.Layout(flex_flow="row wrap")),
                                self.sections], layout=widgets.Layout(flex="1 1 360px"))
        return widgets.VBox([self.score_help, widgets.HBox(
            [widgets.VBox(groups, layout=widgets.Layout(margin="0 24px 0 0")), results],
            layout=widgets.Layout(flex_flow="row wrap"))])

    def _calibration_tab(self) -> widgets.Widget:
        cards = widgets.HBox([self.cards[n] for n in ("icc", "kappa", "calls", "analysts")],
                             layout=widgets.Layout(flex_flow="row wrap"))
        return widgets.VBox([self.source, widgets.HBox([self.upload, self.upload_help]), self.preview, self.status,
                             cards, widgets.HBox([self.deviation, self.chart_box],
                                                 layout=widgets.Layout(flex_flow="row wrap")),
                             self.download, self.keep])

    def _wire(self) -> None:
        self.language.observe(self._on_language, names="value")
        for box in self.items.values():
            box.observe(lambda change: self.score_now(), names="value")
        self.source.observe(lambda change: None if self._quiet else self.analyse(), names="value")
        self.upload.observe(self._on_upload, names="value")

    # Tab 1: one call -------------------------------------------------------

    def score_now(self) -> qa.ScoredCall | None:
        """Score the ticked call; show total, raw score, critical kinds and the dimensions."""
        try:
            met = {i: (box.value if not k else not box.value) for (i, box), k in
                   zip(self.items.items(), self.scorecard["critical_kind"])}
            result = qa.score_call(met, self.scorecard)
        except Exception as exc:  # never a traceback on screen
            log_unexpected(exc, "qa: score call")
            self.call_result = None
            set_card(self.cards["score"], tx.t("score", self.lang), "—",
                     error_message(exc, self.lang, errors=tx.ERRORS))
            return None
        self.call_result = result
        self._show_call(result)
        return result

    def _show_call(self, result: qa.ScoredCall) -> None:
        lang = self.lang
        set_card(self.cards["score"], tx.t("score", lang), format(result.score, ".0f"))
        set_card(self.cards["raw_score"], tx.t("raw_score", lang), format(result.raw_score, ".0f"))
        set_card(self.cards["critical"], tx.t("critical", lang), tx.kind_names(result.critical_kinds, lang))
        names = self.scorecard.drop_duplicates("section").set_index("section")[f"section_{lang}"].to_dict()
        self.sections.value = tx.section_table_html(result.sections, names, lang)

    def set_item(self, item_id: str, met: bool) -> None:
        """Tick or untick ``item_id`` as a person would; for a critical item ``met=False`` ticks the error."""
        kind = self.scorecard.set_index("item_id").loc[item_id, "critical_kind"]
        self.items[item_id].value = bool(met) if not kind else not met

    # Tab 2: calibration ----------------------------------------------------

    def _on_upload(self, change) -> None:
        if change["new"]:
            self.load_upload(bytes(change["new"][0]["content"]), change["new"][0]["name"])

    def load_upload(self, data: bytes, filename: str) -> None:
        """Take an uploaded file (what the FileUpload widget hands over) and analyse it."""
        self._upload = (data, filename)
        if self.source.value != "upload":
            self._quiet = True
            try:
                self.source.value = "upload"
            finally:
                self._quiet = False
        self.analyse()

    def _round(self):
        if self.source.value == "sample":
            scores, decisions = qa.calibration_tables(load_calibration(), self.scorecard)
            return scores, "master", decisions, None
        if self._upload is None:
            return None
        data, name = self._upload
        scores, reference, decisions = read_calibration_upload(data, name, self.scorecard)
        self._reference = reference
        return scores, reference, decisions, name

    def analyse(self) -> qa.CalibrationSummary | None:
        """Analyse the chosen round; show cards, the table, the chart and the Excel link."""
        lang = self.lang
        with busy([self.language, self.source, self.upload]):
            self._status("computing", tx.t("computing", lang))
            try:
                source = self._round()
                if source is None:
                    self._clear()
                    self._status("ok", tx.t("waiting_upload", lang))
                    return None
                scores, reference, decisions, name = source
                self.summary = qa.summarize_calibration(scores, reference, decisions, TOLERANCE)
                self._show(self.summary, name)
            except UploadError as err:
                self._fail(self._upload_text(err))
            except Exception as exc:  # every failure becomes a sentence
                log_unexpected(exc, "qa: calibration")
                self._fail(error_message(exc, lang, errors=tx.ERRORS))
        return self.summary

    def _upload_text(self, err: UploadError) -> str:
        if err.problem == "above_maximum":
            return tx.t("above_maximum", self.lang, column=err.column,
                        rows=row_words(err.rows, self.lang), value=err.value)
        if err.problem == "too_small":
            calls, analysts = err.value
            return tx.t("too_small", self.lang, calls=calls, analysts=analysts)
        return upload_message(err, self.lang)

    def _show(self, s: qa.CalibrationSummary, name: str | None) -> None:
        lang = self.lang
        icc = s.icc["ICC(2,1)"]
        icc_note = qa.icc_band(icc, lang) if pd.notna(icc) and -1 <= icc <= 1 else ""
        set_card(self.cards["icc"], tx.t("icc", lang), format(icc, ".3f") if pd.notna(icc) else "—", icc_note)
        if pd.notna(s.kappa):
            set_card(self.cards["kappa"], tx.t("kappa", lang), format(s.kappa, ".3f"), qa.kappa_band(s.kappa, lang))
        else:
            set_card(self.cards["kappa"], tx.t("kappa", lang), "—", tx.t("kappa_na", lang))
        set_card(self.cards["calls"], tx.t("calls", lang), str(len(s.scores)))
        set_card(self.cards["analysts"], tx.t("analysts", lang), str(s.scores.shape[1]))
        self.preview.value = "" if name is None else tx.upload_preview(
            read_table(*self._upload), self._reference, ITEM_ALIASES, name, lang)  # what the file was read as
        self.deviation.value = tx.deviation_table_html(s, lang, TOLERANCE)
        source = self._upload[1] if self.source.value == "upload" and getattr(self, "_upload", None) else ""
        sheets, options = tx.excel_sheets(s, lang, TOLERANCE, source)
        self.download.value = excel_link(sheets, tx.t("excel_file", lang), tx.t("download_excel", lang), **options)
        self._chart_spec = tx.deviation_chart(s, lang, TOLERANCE)
        self._draw(self._chart_spec)
        self.keep.refresh()
        counts = dict(calls=len(s.scores), analysts=s.scores.shape[1])
        message = (tx.t("done_sample", lang, **counts) if name is None
                   else tx.t("done_upload", lang, name=name, **counts))
        self.runs += 1
        self._status("ok", message + (tx.t("mean_reference", lang) if s.reference_is_mean else ""))

    def report_content(self):
        """The calibration round's one-page report (see :func:`_qa_text.report`); None without a round."""
        name = self._upload[1] if self.source.value == "upload" and self._upload else ""
        return None if self.summary is None else tx.report(self.summary, self.lang, TOLERANCE, name, self._chart_spec)

    def _draw(self, chart) -> None:
        self.chart = draw_chart(self.chart, self.chart_box, chart, "ccs-chart")

    def _clear(self) -> None:
        self.summary = None
        for name in ("icc", "kappa", "calls", "analysts"):
            set_card(self.cards[name], tx.t(name, self.lang), "—")
        self.deviation.value = self.download.value = self.preview.value = ""
        self.chart_box.layout.display = "none"
        self.keep.refresh()  # no round, no report

    def _fail(self, message: str) -> None:
        self._clear()
        self.runs += 1
        self._status("error", message)

    def _status(self, kind: str, message: str) -> None:
        if kind == "ok" and self.summary is not None:
            self.chart_box.layout.display = None
        self.status.value = status_html(kind, message, self.runs)

    # Reading back (tests) and language ---------------------------------------

    def _on_language(self, change) -> None:
        """Every label in the new language in one pass: controls, then the answers on screen re-rendered
        from the cached results (nothing recomputed), the title last, so a page whose title reads
        English is English throughout (issue 13)."""
        self.lang = change["new"]
        self._relabel_controls()
        if self.call_result is not None:
            self._show_call(self.call_result)
        else:
            self.score_now()
        if self.summary is not None:
            self._show(self.summary, self._upload[1] if self.source.value == "upload" else None)
        else:
            self.analyse()  # a waiting or failed round: its sentence, said again in the new language
        self._relabel_title()

    def relabel(self) -> None:
        """Every label in ``self.lang``; then score the call and analyse the round again."""
        self._relabel_controls()
        self.score_now()
        self.analyse()
        self._relabel_title()

    def _relabel_title(self) -> None:
        self.title.value = f"<h2>{html.escape(tx.t('title', self.lang))}</h2>"

    def _relabel_controls(self) -> None:
        lang, card_ = self.lang, self.scorecard
        self.keep.relabel(lang)
        self.score_help.value = f"<p>{html.escape(tx.t('score_help', lang))}</p>"
        for row in card_.itertuples():
            label = getattr(row, f"item_{lang}")
            self.items[row.item_id].description = (
                f"{label} ({row.weight} {tx.t('points', lang)})" if not row.critical_kind
                else f"{label} [{tx.t('kind_' + row.critical_kind, lang)}]")
        names = card_.drop_duplicates("section").set_index("section")[f"section_{lang}"]
        for section, box in self.section_titles.items():
            title = tx.t("critical_header", lang) if section == "critical" else names[section]
            box.value = f'<div class="ccs-section-title">{html.escape(title)}</div>'
        self._quiet = True
        try:
            value = self.source.value
            self.source.options = [(tx.t("source_sample", lang), "sample"),
                                   (tx.t("source_upload", lang), "upload")]
            self.source.value = value
        finally:
            self._quiet = False
        self.source.description = tx.t("source", lang)
        self.upload.description = tx.t("upload", lang)
        self.upload_help.value = _upload_help(lang)
        self.tabs.titles = (tx.t("tab_score", lang), tx.t("tab_calibration", lang))


def build_qa_calculator(lang: str = "zh") -> QACalculator:
    """The QA scorecard & calibration calculator in ``lang`` ("zh" default, or "en"), already computed.

    >>> app = build_qa_calculator("en")
    >>> app.shown("score"), app.shown("icc")
    ('100', '0.714')
    """
    return QACalculator(lang=lang)
