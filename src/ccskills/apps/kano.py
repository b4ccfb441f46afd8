"""The Kano analyser (served by Voila from course/apps/kano_analyser.ipynb).

:func:`build_kano_analyser` returns a :class:`KanoAnalyser`, an ipywidgets ``VBox``:
pick the kit's survey or upload a CSV/Excel file (long table: respondent, feature,
functional, dysfunctional, optional segment), choose a segment and the quadrant split,
and see each feature's counts, category, Better and Worse, the quadrant chart and an
Excel report. Callbacks only call :mod:`ccskills.kano` and :mod:`ccskills.io`; every
failure becomes one sentence in the chosen language naming the column and the rows.
"""

from __future__ import annotations

import functools
import html

import ipywidgets as widgets
import pandas as pd

from ccskills import kano
from ccskills.apps import _kano_text as tx
from ccskills.apps._keep import KeepBar
from ccskills.apps._workbook import Setting, template_link
from ccskills.apps._common import (ReadBack, busy, card, draw_chart, excel_link, set_card,
                                   status_html,
                                   log_unexpected)
from ccskills.datasets.kano import load_kano_features, load_kano_survey
from ccskills.i18n import LANGUAGES, error_message
from ccskills.io import (UploadError, read_table, require_columns, row_words, spreadsheet_rows,
                         upload_message)
from ccskills.kano_charts import quadrant_chart

__all__ = ["KanoAnalyser", "build_kano_analyser", "read_survey_upload", "SURVEY_ALIASES"]

SURVEY_ALIASES = {
    "受访者": "respondent", "受访者编号": "respondent", "客户": "respondent", "编号": "respondent",
    "功能": "feature", "属性": "feature", "需求": "feature",
    "正向题": "functional", "正向": "functional", "具备": "functional",
    "反向题": "dysfunctional", "反向": "dysfunctional", "不具备": "dysfunctional",
}
"""Chinese headers an uploaded survey may use, mapped to the library's column names."""

SEGMENT_NAMES = ("segment", "分群", "客户分群", "群组")


def upload_template(lang: str) -> pd.DataFrame:
    """An example upload: two respondents of the kit's survey (a row per feature), Chinese or English headers."""
    survey = load_kano_survey()
    rows = survey[survey["respondent"].isin(survey["respondent"].unique()[:2])]
    names = load_kano_features()[f"name_{lang}"]
    frame = pd.DataFrame({"respondent": rows["respondent"], "feature": rows["feature"].map(names),
                          "functional": rows["functional"], "dysfunctional": rows["dysfunctional"],
                          "segment": [tx.segment_label(s, lang) for s in rows["segment"]]})
    if lang == "zh":
        frame.columns = ["受访者", "功能", "正向题", "反向题", "分群"]
    return frame.reset_index(drop=True)


def _check_present(frame: pd.DataFrame, column: str) -> None:
    blank = frame[column].astype(str).str.strip() == ""
    if blank.any():
        raise UploadError("missing_value", f"{column} must not be empty", column=column,
                          rows=spreadsheet_rows(frame, blank))


def _check_answers(frame: pd.DataFrame, column: str) -> None:
    bad = kano.invalid_answers(frame[column].to_numpy(dtype=object))
    if bad.any():
        rows = spreadsheet_rows(frame, bad)
        raise UploadError("bad_answer", f"{column} must be a Kano answer", column=column, rows=rows,
                          value=frame[column][bad].iloc[0])


def _wide_survey(frame: pd.DataFrame, segment: str | None) -> pd.DataFrame:
    """A wide upload (one row per respondent, a column pair per feature) checked, then made long."""
    ids = next((c for c in frame.columns
                if SURVEY_ALIASES.get(str(c).strip(), str(c).strip().lower()) == "respondent"), None)
    for column in [c for c in frame.columns if kano.wide_column(c) is not None]:
        _check_answers(frame, column)
    if ids is not None:
        _check_present(frame, ids)
        twice = frame[ids].duplicated(keep=False)
        if twice.any():
            first = frame.loc[twice, ids].iloc[0]
            raise UploadError("repeated", f"{ids} must not repeat", column=ids,
                              rows=spreadsheet_rows(frame, frame[ids] == first), value=first)
    long = kano.survey_from_wide(frame, respondent=ids, keep=[segment] if segment else [])
    return long.rename(columns={segment: "segment"}) if segment else long


def read_survey_upload(data, filename: str) -> pd.DataFrame:
    """The uploaded survey as a long table ready for :func:`ccskills.kano.analyze`.

    Long files have columns ``respondent, feature, functional, dysfunctional``
    (Chinese headers of :data:`SURVEY_ALIASES` accepted); wide files (one row per
    respondent) have a column pair per feature such as ``回拨_正向`` / ``回拨_反向`` (see
    :func:`ccskills.kano.survey_from_wide`). Either may have a ``segment`` (分群) column.
    Raises :class:`~ccskills.io.UploadError` naming the column and spreadsheet rows of the
    first problem: a missing column, an empty id, an answer that is not a Kano answer
    (``bad_answer``) or a respondent answering a feature twice (``repeated``).
    """
    frame = read_table(data, filename)
    segment = next((c for c in frame.columns if str(c).strip().lower() in SEGMENT_NAMES), None)
    names = {SURVEY_ALIASES.get(str(c).strip(), str(c).strip().lower()) for c in frame.columns}
    wide = any(kano.wide_column(c) is not None for c in frame.columns)
    if wide and not {"feature", "functional", "dysfunctional"} <= names:
        out = _wide_survey(frame, segment)
        return out.astype({"segment": str}) if segment else out
    frame = require_columns(frame, kano.SURVEY_COLUMNS, SURVEY_ALIASES)
    for column in ("respondent", "feature"):
        _check_present(frame, column)
    for column in ("functional", "dysfunctional"):
        _check_answers(frame, column)
    twice = frame.duplicated(["respondent", "feature"], keep=False)
    if twice.any():
        first = frame[twice].iloc[0]
        same = (frame["respondent"] == first["respondent"]) & (frame["feature"] == first["feature"])
        raise UploadError("repeated", "respondent and feature must not repeat", column="respondent",
                          rows=spreadsheet_rows(frame, same), value=f"{first['respondent']} / {first['feature']}")
    out = frame[list(kano.SURVEY_COLUMNS)].copy()
    if segment is not None:
        out["segment"] = frame[segment].astype(str)
    return out


class KanoAnalyser(ReadBack, widgets.VBox):
    """Data choice and options on top; cards, the result table, the chart and the download below."""

    def __init__(self, lang: str = "zh") -> None:
        self.lang = lang if lang in LANGUAGES else LANGUAGES[0]
        self.features = load_kano_features()
        self.language = widgets.ToggleButtons(options=[("中文", "zh"), ("English", "en")],
                                              value=self.lang)
        self.title, self.upload_help = widgets.HTML(), widgets.HTML()
        self.source = widgets.RadioButtons(options=[("", "sample"), ("", "upload")], value="sample")
        self.upload = widgets.FileUpload(accept=".csv,.xlsx,.xls,.txt", multiple=False)
        self.segment = widgets.Dropdown(options=[("", "")], value="")
        self.split = widgets.RadioButtons(options=[("", 0.5), ("", "mean")], value=0.5)
        self.status, self.table, self.download = widgets.HTML(), widgets.HTML(), widgets.HTML()
        self.preview = widgets.HTML()  # what an upload was read as
        self.cards = {name: card(f"ccs-kano-{name}") for name in ("respondents", "features")}
        self.chart, self.chart_box, self._chart_spec = None, widgets.Box(), None
        self.keep = KeepBar(self, "kano_analyser", self.lang, scenarios=False, report=True)
        self.result: pd.DataFrame | None = None
        self.runs, self._quiet, self._upload, self._survey = 0, False, None, None
        self._shown: tuple | None = None  # (survey, the segment analysed, file name or None)
        for box, name in ((self.language, "language"), (self.status, "status"),
                          (self.table, "table"), (self.download, "download"),
                          (self.source, "source"), (self.upload, "upload"),
                          (self.segment, "segment"), (self.split, "split"),
                          (self.chart_box, "chart-box"), (self.preview, "upload-preview-box")):
            box.add_class(f"ccs-{name}")
        super().__init__(children=self._layout())
        self.add_class("ccs-kano-analyser")
        self._wire()
        self.relabel()

    def _layout(self) -> list[widgets.Widget]:
        header = widgets.HBox([self.title, self.language],
                              layout=widgets.Layout(justify_content="space-between"))
        options = widgets.HBox([self.segment, self.split], layout=widgets.Layout(flex_flow="row wrap"))
        cards = widgets.HBox(list(self.cards.values()), layout=widgets.Layout(flex_flow="row wrap"))
        lower = widgets.HBox([self.table, self.chart_box], layout=widgets.Layout(flex_flow="row wrap"))
        return [widgets.HTML(tx.STYLE), header, self.source,
                widgets.HBox([self.upload, self.upload_help]), self.preview, options, self.status, cards, lower,
                self.download, self.keep]

    def _wire(self) -> None:
        self.language.observe(self._on_language, names="value")
        self.upload.observe(self._on_upload, names="value")
        for control in (self.source, self.segment, self.split):
            control.observe(lambda change: None if self._quiet else self.analyse(), names="value")

    # Data -------------------------------------------------------------------

    def _on_upload(self, change) -> None:
        files = change["new"]
        if files:
            self.load_upload(bytes(files[0]["content"]), files[0]["name"])

    def load_upload(self, data: bytes, filename: str) -> None:
        """Take an uploaded file (what the FileUpload widget hands over) and analyse it."""
        self._upload, self._survey = (data, filename), None
        self._set_quietly(self.source, "upload")
        self._set_quietly(self.segment, "")
        self.analyse()

    def _data(self):
        """(survey, file name or None), or None while waiting for an upload."""
        if self.source.value == "sample":
            return load_kano_survey(), None
        if self._upload is None:
            return None
        if self._survey is None:
            self._survey = read_survey_upload(*self._upload)
        return self._survey, self._upload[1]

    def _labels(self, name) -> dict:
        if name is not None:
            return {}
        return self.features[f"name_{self.lang}"].to_dict()

    def _segments(self, survey: pd.DataFrame) -> None:
        found = sorted(survey["segment"].unique()) if "segment" in survey else []
        options = [(tx.t("all_segments", self.lang), "")] + [
            (tx.segment_label(s, self.lang), s) for s in found]
        value = self.segment.value if self.segment.value in found else ""
        self._quiet = True
        try:
            self.segment.options, self.segment.value = options, value
        finally:
            self._quiet = False
        self.segment.layout.display = None if found else "none"

    # Analysis ---------------------------------------------------------------

    def analyse(self) -> pd.DataFrame | None:
        """Analyse the chosen survey; show cards, table, chart and Excel link, or one sentence."""
        lang = self.lang
        with busy([self.language, self.source, self.upload, self.segment, self.split]):
            self._status("computing", tx.t("computing", lang))
            try:
                data = self._data()
                if data is None:
                    self._clear()
                    self.runs += 1
                    self._status("ok", tx.t("waiting_upload", lang))
                    return None
                survey, name = data
                self._segments(survey)
                chosen = survey[survey["segment"] == self.segment.value] if self.segment.value else survey
                self.result = kano.analyze(chosen)
                self._shown = (survey, chosen, name)
                self._show(chosen, name)
            except UploadError as err:
                self._fail(self._upload_text(err))
            except Exception as exc:  # every failure becomes a sentence, never a traceback
                log_unexpected(exc, "kano: analyse")
                self._fail(error_message(exc, lang, errors=tx.ERRORS))
        return self.result

    def _upload_text(self, err: UploadError) -> str:
        if err.problem in ("bad_answer", "repeated"):
            return tx.t(err.problem, self.lang, column=err.column,
                        rows=row_words(err.rows, self.lang), value=err.value)
        return upload_message(err, self.lang)

    def _show(self, survey: pd.DataFrame, name: str | None) -> None:
        lang, result = self.lang, self.result
        labels = self._labels(name)
        counts = dict(respondents=survey["respondent"].nunique(), features=len(result))
        set_card(self.cards["respondents"], tx.t("respondents", lang), str(counts["respondents"]))
        set_card(self.cards["features"], tx.t("features", lang), str(counts["features"]))
        self.table.value = tx.result_table_html(result, labels, lang)
        self.preview.value = "" if name is None else tx.upload_preview(
            read_table(*self._upload), SURVEY_ALIASES, SEGMENT_NAMES, name, lang)
        sheets, options = tx.excel_sheets(result, labels, lang, self._settings(survey, name))
        self.download.value = excel_link(sheets, tx.t("excel_file", lang), tx.t("download_excel", lang), **options)
        self._chart_spec = quadrant_chart(result, labels, lang=lang, split=self.split.value)
        self._draw(self._chart_spec)
        self.keep.refresh()
        self.runs += 1
        done = (tx.t("done_sample", lang, **counts) if name is None
                else tx.t("done_upload", lang, name=name, **counts))
        self._status("ok", done)

    def _settings(self, survey: pd.DataFrame, name: str | None) -> list[Setting]:
        """The inputs (data, segment, quadrant split, respondents): the workbook's inputs sheet and the report's."""
        lang, mean = self.lang, self.split.value == "mean"
        return [Setting(tx.t("source", lang), name or tx.t("source_sample", lang)),
                Setting(tx.t("segment", lang), self.segment.label or ""),
                Setting(tx.t("split", lang), tx.t("split_mean", lang) if mean else float(self.split.value), "",
                        None if mean else "0.00"),
                Setting(tx.t("respondents", lang), survey["respondent"].nunique(), "", "#,##0")]

    def report_content(self):
        """The analysis on screen as a one-page report (None without one): inputs as in the workbook, the
        features of each category, the quadrant chart, the result table, the classification rule in words."""
        from ccskills.reports import Report

        if self._shown is None or self.result is None:
            return None
        _, chosen, name = self._shown
        lang, labels = self.lang, self._labels(name)
        return Report(title=tx.t("report_title", lang, source=name or tx.t("report_source_sample", lang)), lang=lang,
                      settings=self._settings(chosen, name),
                      results=tx.report_results(self.result, labels, chosen["respondent"].nunique(), lang),
                      chart=self._chart_spec, assumptions=tx.report_assumptions(self.split.value, lang),
                      table=tx.result_frame(self.result, labels, lang), table_title=tx.t("table_caption", lang))

    def _draw(self, chart) -> None:
        self.chart = draw_chart(self.chart, self.chart_box, chart, "ccs-chart")
        self.chart_box.layout.display = None

    def _clear(self) -> None:
        self.result, self._shown = None, None
        for key, box in self.cards.items():
            set_card(box, tx.t(key, self.lang), "—")
        self.table.value = self.download.value = self.preview.value = ""
        self.chart_box.layout.display = "none"
        self.keep.refresh()  # no analysis, no report

    def _fail(self, message: str) -> None:
        self._clear()
        self.runs += 1
        self._status("error", message)

    def _status(self, kind: str, message: str) -> None:
        self.status.value = status_html(kind, message, self.runs)

    # Reading back (tests) and language --------------------------------------


    def _set_quietly(self, control, value) -> None:
        self._quiet = True
        try:
            control.value = value
        finally:
            self._quiet = False

    def _on_language(self, change) -> None:
        """Every label in the new language in one pass: controls, then the answer on screen re-rendered
        from the cached analysis (nothing recomputed), the title last, so a page whose title reads
        English is English throughout (issue 13)."""
        self.lang = change["new"]
        self._relabel_controls()
        if self._shown is not None:
            survey, chosen, name = self._shown
            self._segments(survey)
            self._show(chosen, name)
        else:
            self.analyse()  # a waiting or failed upload: its sentence, said again in the new language
        self._relabel_title()

    def relabel(self) -> None:
        """Every label in ``self.lang``; then analyse again."""
        self._relabel_controls()
        self.analyse()
        self._relabel_title()

    def _relabel_title(self) -> None:
        self.title.value = f"<h2>{html.escape(tx.t('title', self.lang))}</h2>"

    def _relabel_controls(self) -> None:
        lang = self.lang
        self.keep.relabel(lang)
        self._quiet = True
        try:
            for control, options in (
                    (self.source, [(tx.t("source_sample", lang), "sample"),
                                   (tx.t("source_upload", lang), "upload")]),
                    (self.split, [(tx.t("split_half", lang), 0.5), (tx.t("split_mean", lang), "mean")])):
                value = control.value
                control.options = options
                control.value = value
        finally:
            self._quiet = False
        self.source.description = tx.t("source", lang)
        self.segment.description = tx.t("segment", lang)
        self.split.description = tx.t("split", lang)
        self.upload.description = tx.t("upload", lang)
        self.upload_help.value = _upload_help(lang)


@functools.lru_cache(maxsize=2)
def _upload_help(lang: str) -> str:
    """The upload help and its example-file link (an .xlsx built once per language)."""
    return (f'<div style="max-width:48em;font-size:12px">{html.escape(tx.t("upload_help", lang))} '
            f'{template_link(upload_template(lang), tx.t("template_file", lang), lang)}</div>')


def build_kano_analyser(lang: str = "zh") -> KanoAnalyser:
    """The Kano analyser in ``lang`` ("zh" default, or "en"), already showing the kit's survey.

    >>> app = build_kano_analyser("en")
    >>> app.shown("respondents"), app.shown("features"), app.result.loc["greeting", "category"]
    ('300', '7', 'M')
    """
    return KanoAnalyser(lang=lang)
