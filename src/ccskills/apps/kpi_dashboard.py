"""The KPI dashboard (KPI 仪表板), served by Voila from course/apps/kpi_dashboard.ipynb.

Choose the committed month of call records or upload your own (CSV/Excel; UTF-8, BOM or
GBK), a report period (day / week / month), a breakdown (queue / team / agent) and a period:
the dashboard shows the KPI report against the registry's targets with red/amber/green
(:func:`ccskills.kpi.kpi_report`), the trend of one indicator, a daily p-chart of
abandonment or service level with its limits and signals (:func:`ccskills.spc.p_chart`), a
Pareto chart of abandoned calls (:func:`ccskills.spc.pareto_table`), "what changed and why"
(:func:`ccskills.kpi.what_changed`, :func:`ccskills.kpi.explain_change`) and an Excel
report. Every number comes from :mod:`ccskills.kpi` and :mod:`ccskills.spc`; the KPIs of
all periods are computed once per data set, so changing the view is quick. An upload
problem names the column and rows; any other failure is one sentence, never a traceback.
"""

from __future__ import annotations

import functools
import html
from dataclasses import dataclass, replace

import ipywidgets as widgets
import pandas as pd

from ccskills import kpi
from ccskills.apps._common import (ReadBack, card, draw_chart, excel_link, set_card, set_options,
                                   status_html,
                                   log_unexpected)
from ccskills.apps._kpi_dashboard_text import (BREAKDOWNS, CARDS, CONTROL_CHOICES, ERRORS, GRAINS,
                                               PARETO_CHOICES, STYLE, WEEKDAYS, excel_sheets, group_label,
                                               QUEUE_LEVEL, format_indicator, groups_html, indicator_name, per_handler,
                                               period_label, queue_level_note, report_assumptions, report_results,
                                               report_table, report_totals, signals_text, t, table_html,
                                               upload_preview, view_settings)
from ccskills.apps._keep import KeepBar
from ccskills.apps._workbook import template_link
from ccskills.i18n import LANGUAGES, error_message
from ccskills.io import UploadError, read_table, upload_message
from ccskills.kpi import read_call_records
from ccskills.kpi.display import RAG_MARKS
from ccskills.spc import ControlChart, p_chart, pareto_table

__all__ = ["KpiDashboard", "DashboardView", "dashboard_view", "build_kpi_dashboard", "TREND_CHOICES"]

TREND_CHOICES = tuple(i for i in kpi.REPORT_INDICATORS["W"] if i in kpi.COMPUTED_INDICATORS
                      and kpi.indicator(i).source == "calls")
"""Indicators offered for the trend: the weekly report's, those computed from call records."""
MANY_GROUPS = 6
"""Above this many groups (e.g. agents) the groups get their own table, one row per group."""
_STYLE = {"description_width": "12em"}
_LAYOUT = {"width": "27em"}


def _css(name: str) -> str:
    return "ccs-" + name.replace("_", "-")


@dataclass(frozen=True)
class DashboardView:
    """Everything one view of the dashboard shows, computed by :mod:`ccskills.kpi` and :mod:`ccskills.spc`.

    ``report``: the KPI report of the period; ``trend``: the total per period of the report
    grain (``trend_id`` and its status); ``control``: the daily p-chart of ``control_id``;
    ``pareto``: abandoned calls by ``pareto_by``; ``change``: :func:`ccskills.kpi.what_changed`
    against the previous period (None when there is none).
    """

    freq: str
    by: str | None
    report: kpi.Report
    trend_id: str
    trend: pd.DataFrame
    control_id: str
    control: ControlChart
    pareto_by: str
    pareto: pd.DataFrame
    change: pd.DataFrame | None
    change_by: str = "queue"  # what "what changed" is split by (queue indicators: never by team)

    @property
    def many_groups(self) -> bool:
        return len(self.report.values.columns) - 1 > MANY_GROUPS


def upload_template(lang: str) -> pd.DataFrame:
    """An example upload: ten answered and two abandoned calls of the sample, in the words the
    reader accepts (Chinese headers and 接通/放弃/是/否, or the English names)."""
    from ccskills.datasets import load_call_records

    calls = load_call_records()
    rows = pd.concat([calls[calls["outcome"] == "answered"].head(10), calls[calls["outcome"] == "abandoned"].head(2)])
    zh = lang == "zh"
    yes_no = (lambda v: "" if pd.isna(v) else ("是" if v else "否")) if zh else \
        (lambda v: "" if pd.isna(v) else ("true" if v else "false"))
    out = rows.drop(columns=["queue", "outcome", "transferred", "resolved_first_contact"]).assign(
        queue=[group_label(q, lang) for q in rows["queue"]],
        outcome=[{"answered": "接通", "abandoned": "放弃"}[o] if zh else o for o in rows["outcome"]],
        transferred=[yes_no(v) for v in rows["transferred"]],
        fcr=[yes_no(v) for v in rows["resolved_first_contact"]])
    order = ["call_id", "queue", "arrival", "outcome", "wait_s", "talk_s", "hold_s", "acw_s", "agent_id",
             "transferred", "fcr", "csat"]
    names = (["通话编号", "队列", "来电时间", "结果", "等待时长", "通话时长", "保持时长", "话后处理时长", "坐席工号",
              "是否转接", "首次解决", "满意度"] if zh else
             ["call_id", "queue", "arrival", "outcome", "wait", "talk", "hold", "acw", "agent", "transferred",
              "fcr", "csat"])
    return out[order].set_axis(names, axis=1).reset_index(drop=True)


class _Data:
    """One data set (records, agents) with the KPIs of every period computed once."""

    def __init__(self, records: pd.DataFrame, agents: pd.DataFrame | None):
        self.records, self.agents = records, agents
        grains = kpi.compute_grains(records, [(f, None) for f in GRAINS], targets=True)
        self.totals = {f: grains[(f, None)] for f in GRAINS}
        hourly = kpi.compute(records, ["abandoned"], freq="h")["abandoned"]
        by_queue = kpi.compute(records, ["abandoned"], freq=None, by="queue")["abandoned"]
        self.abandoned = {"hour": hourly.groupby(hourly.index.hour).sum(),
                          "weekday": hourly.groupby(hourly.index.day_of_week).sum(), "queue": by_queue}

    def periods(self, freq: str) -> list[pd.Timestamp]:
        return list(self.totals[freq].index)

    @property
    def has_team(self) -> bool:
        return self.agents is not None or "team" in self.records.columns


class NoOfferedCalls(ValueError):
    """The data has no answered or abandoned call (e.g. only blocked ones): no KPI to show."""


def _control(daily: pd.DataFrame, id: str) -> ControlChart:
    """Daily p-chart of abandonment (abandoned / offered) or service level (within T / offered)."""
    days = daily[daily["offered"] > 0]
    if days.empty:
        raise NoOfferedCalls("records must include answered or abandoned calls, got none")
    n = days["offered"].astype(float)
    events = days["abandoned"].astype(float) if id == "abandonment_rate" else (days[id] * n).round()
    return p_chart(events, n)


def _pareto(counts: pd.Series, by: str, lang: str) -> pd.DataFrame:
    if by == "hour":
        counts = counts.set_axis([f"{h:02d}:00" for h in counts.index])
    elif by == "weekday":
        counts = counts.set_axis([WEEKDAYS[d][1 if lang == "en" else 0] for d in counts.index])
    counts = counts[counts > 0]
    return pareto_table(counts.astype(float)) if len(counts) else pareto_table(pd.Series({"—": 1.0})).iloc[:0]


def dashboard_view(data: _Data, freq="D", by="queue", period=None, trend_id="service_level",
                   control_id="abandonment_rate", pareto_by="hour", lang="zh") -> DashboardView:
    """Compute one view: report, trend, control chart, Pareto and what changed (see :class:`DashboardView`)."""
    group = None if by in (None, "none") else by
    report = per_handler(kpi.kpi_report(data.records, freq, period, by=group, agents=data.agents), group)
    totals = data.totals[freq]
    trend = totals[[c for c in (trend_id, f"{trend_id}_status") if c in totals.columns]]
    control = _control(data.totals["D"], control_id)
    pareto = _pareto(data.abandoned[pareto_by], pareto_by, lang)
    change = None
    change_id = trend_id if trend_id in kpi.WHAT_CHANGED_INDICATORS else "service_level"
    change_by = "queue" if group is None or change_id in QUEUE_LEVEL else group
    if report.previous_period is not None:
        change = kpi.what_changed(data.records, change_id, freq, report.period, report.previous_period,
                                  by=change_by, agents=data.agents)
    return DashboardView(freq, group, report, trend_id, trend, control_id, control, pareto_by, pareto, change,
                         change_by)


@functools.lru_cache(maxsize=2)
def _upload_hint(lang: str) -> str:
    """The upload hint and its example-file link (an .xlsx built once per language)."""
    return (f'<span class="ccs-hint">{html.escape(t("upload_hint", lang))}</span> '
            + template_link(upload_template(lang), t("template_file", lang), lang))


def _sample() -> tuple[pd.DataFrame, pd.DataFrame]:
    from ccskills.datasets import load_agents, load_call_records

    return load_call_records(), load_agents()


class KpiDashboard(ReadBack, widgets.VBox):
    """Data and view settings on the left, cards and the KPI table on the right, charts below."""

    def __init__(self, lang: str = "zh") -> None:
        self.lang = lang if lang in LANGUAGES else LANGUAGES[0]
        self.language = widgets.ToggleButtons(options=[("中文", "zh"), ("English", "en")], value=self.lang)
        self.source = widgets.RadioButtons(options=[("", "sample"), ("", "upload")], value="sample")
        self.upload = widgets.FileUpload(accept=".csv,.xlsx,.txt", multiple=False)
        self.upload_hint, self.data_note = widgets.HTML(), widgets.HTML()

        def dropdown(options, value):
            return widgets.Dropdown(options=[("", o) for o in options], value=value, style=_STYLE,
                                    layout=widgets.Layout(**_LAYOUT))

        self.grain = dropdown(GRAINS, "D")
        self.breakdown = dropdown(BREAKDOWNS, "queue")
        self.period = widgets.Dropdown(options=[], style=_STYLE, layout=widgets.Layout(**_LAYOUT))
        self.trend_indicator = dropdown(TREND_CHOICES, "service_level")
        self.control_choice = dropdown(CONTROL_CHOICES, "abandonment_rate")
        self.pareto_choice = dropdown(PARETO_CHOICES, "hour")
        self.status = widgets.HTML()
        self.title, self.intro = widgets.HTML(), widgets.HTML()
        self.headings = {k: widgets.HTML() for k in ("source", "settings", "table_heading", "change_heading",
                                                      "charts_heading")}
        self.cards = {name: card(_css(f"card_{name}")) for name in CARDS}
        self.table, self.groups, self.change, self.download, self.signals = (widgets.HTML() for _ in range(5))
        self.trend_box, self.control_box, self.pareto_box = widgets.Box(), widgets.Box(), widgets.Box()
        self._charts: dict[str, object] = {}
        self._trend_chart = None  # the main chart, for the report too
        self.keep = KeepBar(self, "kpi_dashboard", self.lang, scenarios=False, report=True)
        self.data: _Data | None = None
        self._data_name: str | None = None
        self._raw: pd.DataFrame | None = None  # an upload as read, for its preview
        self.view: DashboardView | None = None
        self.runs = 0
        self._quiet = False
        for widget, name in ((self.language, "language"), (self.source, "source"), (self.upload, "upload"),
                             (self.grain, "grain"), (self.breakdown, "breakdown"), (self.period, "period"),
                             (self.trend_indicator, "trend_indicator"), (self.control_choice, "control"),
                             (self.pareto_choice, "pareto"), (self.status, "status"),
                             (self.table, "kpi-table-box"), (self.groups, "groups-box"),
                             (self.change, "change"), (self.download, "download"), (self.signals, "signals"),
                             (self.trend_box, "trend-chart-box"), (self.control_box, "control-chart-box"),
                             (self.pareto_box, "pareto-chart-box"), (self.data_note, "data-note")):
            widget.add_class(_css(name))
        super().__init__(children=self._layout())
        self.add_class("ccs-kpi-dashboard")
        self.relabel()
        self.language.observe(self._on_language, names="value")
        self.source.observe(lambda _: self._load_source(), names="value")
        self.upload.observe(self._on_upload, names="value")
        self.grain.observe(self._on_grain, names="value")
        for control in (self.breakdown, self.period, self.trend_indicator, self.control_choice,
                        self.pareto_choice):
            control.observe(lambda _: self.refresh(), names="value")
        self._load_source()

    # Layout ------------------------------------------------------------------

    def _layout(self) -> list[widgets.Widget]:
        h = self.headings
        inputs = widgets.VBox([
            h["source"], self.source, self.upload, self.upload_hint, self.data_note,
            h["settings"], self.grain, self.breakdown, self.period, self.trend_indicator,
            self.control_choice, self.pareto_choice, self.status,
        ], layout=widgets.Layout(margin="0 24px 0 0", width="28em"))
        # a wide table (English names, many teams) scrolls inside its box instead of running off the page
        self.table.layout = widgets.Layout(max_width="100%", overflow="auto")
        results = widgets.VBox([
            widgets.HBox(list(self.cards.values()), layout=widgets.Layout(flex_flow="row wrap")),
            h["table_heading"], self.table, self.groups, h["change_heading"], self.change, self.download,
            self.keep,
        ], layout=widgets.Layout(flex="1 1 480px", min_width="0"))
        header = widgets.HBox([self.title, self.language], layout=widgets.Layout(justify_content="space-between"))
        charts = widgets.HBox([self.trend_box, self.control_box, self.pareto_box],
                              layout=widgets.Layout(flex_flow="row wrap"))
        return [widgets.HTML(STYLE), header, self.intro,
                widgets.HBox([inputs, results], layout=widgets.Layout(flex_flow="row wrap")),
                h["charts_heading"], self.signals, charts]

    # Data --------------------------------------------------------------------

    def _load_source(self) -> None:
        uploading = self.source.value == "upload"
        self.upload.layout.display = None if uploading else "none"
        self.upload_hint.layout.display = None if uploading else "none"
        if uploading:
            if self.upload.value:
                self._read_upload()
            else:
                self._clear()
                self.data_note.value = ""
                self._finish("computing", t("no_file", self.lang))
            return
        records, agents = _sample()
        self._use(_Data(records, agents), name=None)

    def _on_upload(self, change) -> None:
        if self.source.value == "upload" and self.upload.value:
            self._read_upload()

    def _read_upload(self) -> None:
        item = self.upload.value[0]
        try:
            records = read_call_records(bytes(item["content"]), item["name"])
            data = _Data(records, None)
            self._raw = read_table(bytes(item["content"]), item["name"])  # the file as written, for the preview
        except Exception as exc:  # a sentence naming the column and rows, never a traceback
            log_unexpected(exc, "kpi_dashboard: read upload")
            self._clear()
            self.data_note.value = ""
            self._show_error(exc)
            return
        self._use(data, name=item["name"])

    def _use(self, data: _Data, name: str | None) -> None:
        self.data, self._data_name = data, name
        self._show_data_note()
        self._quiet = True
        try:
            self._relabel_breakdown()
            self._set_periods()
        finally:
            self._quiet = False
        self.refresh()

    def _show_data_note(self) -> None:
        """What was read: the sample's span, or an upload's preview (:func:`upload_preview`)."""
        r, name, lang = self.data.records, self._data_name, self.lang
        if name:  # what the file was read as: counts, dates, columns recognised, first rows, decisions
            self.data_note.value = upload_preview(self._raw, r, name, lang)
            return
        fields = dict(rows=f"{len(r):,}", first=f"{r['arrival'].min():%Y-%m-%d %H:%M}",
                      last=f"{r['arrival'].max():%Y-%m-%d %H:%M}")
        note = t("sample_span", lang, **fields)
        self.data_note.value = f'<span class="ccs-hint">{html.escape(note)}</span>'

    def _on_grain(self, change) -> None:
        self._quiet = True
        try:
            self._set_periods()
        finally:
            self._quiet = False
        self.refresh()

    def _set_periods(self) -> None:
        periods = self.data.periods(self.grain.value) if self.data is not None else []
        self.period.options = [(period_label(p, self.grain.value, self.lang), p) for p in periods]
        if periods:
            self.period.value = periods[-1]

    # Computing ---------------------------------------------------------------

    def refresh(self) -> None:
        """Recompute the view from the current data and settings; show it or one sentence."""
        if self._quiet or self.data is None:
            return
        try:
            self.view = dashboard_view(self.data, self.grain.value, self.breakdown.value, self.period.value,
                                       self.trend_indicator.value, self.control_choice.value,
                                       self.pareto_choice.value, self.lang)
            self._show()
        except Exception as exc:  # every failure becomes a sentence, never a traceback
            log_unexpected(exc, "kpi_dashboard: compute")
            self.view = None
            self._clear()
            self._show_error(exc)

    def _show(self) -> None:
        from ccskills.kpi_charts import control_chart, pareto_chart, trend_chart

        v, lang = self.view, self.lang
        report = v.report
        for id, box in self.cards.items():
            value = report.values.loc[id, "total"] if id in report.values.index else float("nan")
            status = report.status.loc[id, "total"] if id in report.status.index else None
            set_card(box, indicator_name(id, lang), format_indicator(id, value, lang) or "—")
            if isinstance(status, str) and status in RAG_MARKS:
                note = f'<div class="ccs-card-note ccs-rag-{status}">● {html.escape(t(f"status_{status}", lang))}</div>'
                box.value += note
        caption = f"{t(f'kind_{v.freq}', lang)} · {period_label(report.period, v.freq, lang)}"
        if v.many_groups:
            shown = report_table(report, lang)
            keep = [*shown.columns[:2], *shown.columns[-3:]]  # indicator, target, total, previous, change
            self.table.value = table_html(shown[keep], "ccs-kpi-table", caption, lang)
            self.groups.value = groups_html(report, lang)
        else:
            self.table.value = table_html(report_table(report, lang), "ccs-kpi-table", caption, lang)
            self.groups.value = ""
        note = queue_level_note(report, v.by, lang)
        if note:
            self.table.value += f'<p class="ccs-hint ccs-queue-level-note">{html.escape(note)}</p>'
        self.change.value = self._change_html()
        sheets, options = excel_sheets(v, lang, self._data_settings())
        self.download.value = excel_link(sheets, t("excel_file", lang), t("download", lang), **options)
        target = report.targets["target"].get(v.trend_id) if len(report.targets) else None
        if target is None and v.trend_id in kpi.resolve_targets(True, [v.trend_id]):
            target = kpi.resolve_targets(True, [v.trend_id])[v.trend_id].target
        status = v.trend.get(f"{v.trend_id}_status")
        trend_title = t("trend_title", lang, name=indicator_name(v.trend_id, lang), kind=t(f"grain_{v.freq}", lang))
        self._trend_chart = trend_chart(v.trend[v.trend_id], v.trend_id, target=target, status=status, lang=lang,
                                        width=380).properties(title=trend_title)
        self._draw("trend", self.trend_box, self._trend_chart)
        self._draw("control", self.control_box, control_chart(
            v.control, title=t(f"control_{v.control_id}", lang), lang=lang, fmt=".1%", width=380))
        self.signals.value = f"<p>{html.escape(signals_text(v.control, t(f'control_{v.control_id}', lang), lang))}</p>"
        if len(v.pareto):
            pareto_title = f"{t('pareto', lang)} · {t(f'pareto_{v.pareto_by}', lang)}"
            self._draw("pareto", self.pareto_box, pareto_chart(v.pareto, lang=lang, width=380)
                       .properties(title=pareto_title))
        self.keep.refresh()
        offered = report.values.loc["offered", "total"] if "offered" in report.values.index else 0
        self._finish("ok", t("done", lang, kind=t(f"kind_{v.freq}", lang),
                             period=period_label(report.period, v.freq, lang), offered=f"{offered:,.0f}",
                             signals=int(v.control.points["signal"].sum())))

    def _data_settings(self) -> list:
        """What the report was made from, for the workbook's inputs sheet."""
        from ccskills.apps._workbook import Setting

        if self.source.value == "upload" and self.upload.value:
            return [Setting(t("source", self.lang), self.upload.value[0]["name"])]
        return [Setting(t("source", self.lang), t("source_sample", self.lang))]

    def report_content(self):
        """The one-page report of the view on screen (None when there is none): the workbook's inputs,
        the cards with their targets, the trend chart, every indicator's total, and the definitions."""
        from ccskills.reports import Report

        v, lang = self.view, self.lang
        if v is None:
            return None
        title = t("report_title", lang, kind=t(f"kind_{v.freq}", lang), period=period_label(v.report.period, v.freq, lang))
        return Report(title=title, lang=lang, settings=view_settings(v, lang, self._data_settings()),
                      results=report_results(v.report, lang), chart=self._trend_chart,
                      assumptions=report_assumptions(v, lang), table=report_totals(v.report, lang),
                      table_title=t("report_table", lang))

    def _change_html(self) -> str:
        v, lang = self.view, self.lang
        if v.change is None:
            return f"<p>{html.escape(t('no_previous', lang))}</p>"
        change = v.change.rename(index=lambda g: g if g == "total" else group_label(g, lang))
        sentence = kpi.explain_change(change, lang)
        where = t("change_intro", lang, current=period_label(v.report.period, v.freq, lang),
                  previous=period_label(v.report.previous_period, v.freq, lang),
                  by=t(f"by_{v.change_by}", lang))
        return f"<p>{html.escape(sentence)} <span class='ccs-hint'>{html.escape(where)}</span></p>"

    def _draw(self, key: str, box: widgets.Box, chart) -> None:
        self._charts[key] = draw_chart(self._charts.get(key), box, chart, f"ccs-{key}-chart")

    def _clear(self) -> None:
        for id, box in self.cards.items():
            set_card(box, indicator_name(id, self.lang), "—")
        self.table.value = self.groups.value = self.change.value = self.download.value = self.signals.value = ""
        self.data = None if self.source.value == "upload" else self.data
        self.view = None
        self.keep.refresh()  # no answer, no report

    def _show_error(self, exc: BaseException) -> None:
        if isinstance(exc, UploadError):
            message = upload_message(exc, self.lang)
        elif isinstance(exc, NoOfferedCalls):
            message = t("no_offered", self.lang)
        else:
            message = error_message(exc, self.lang, errors=ERRORS)
            if message.startswith(("计算时出现意外问题", "Something unexpected")):
                message = t("unexpected", self.lang, kind=type(exc).__name__)
        self._finish("error", message)

    def _finish(self, kind: str, message: str) -> None:
        self.runs += 1
        self.status.value = status_html(kind, message, self.runs)

    # Reading the screen (tests) -----------------------------------------------

    def card_status(self, name: str) -> str:
        """The status under a card ("green", "amber", "red"; "" when the indicator has no target)."""
        for status in RAG_MARKS:
            if f"ccs-rag-{status}" in self.cards[name].value:
                return status
        return ""

    # Language ----------------------------------------------------------------

    def _on_language(self, change) -> None:
        """Every label in the new language in one pass: controls, then the answer on screen re-rendered
        from the cached view (nothing recomputed), the title last, so a page whose title reads English
        is English throughout (issue 13: half-translated for 3–6 s while the KPIs were recomputed)."""
        self.lang = change["new"]
        self._quiet = True
        try:
            self._relabel_controls()
            if self.data is not None:
                value = self.period.value
                self._set_periods()
                self.period.value = value
                self._show_data_note()
        finally:
            self._quiet = False
        if self.view is not None:
            v = self.view
            self.view = replace(v, pareto=_pareto(self.data.abandoned[v.pareto_by], v.pareto_by, self.lang))
            self._show()
        elif self.data is not None:
            self.refresh()  # the failure, said again in the new language
        elif self.source.value == "upload" and self.upload.value:
            self._read_upload()  # the upload's problem, said again in the new language
        elif self.source.value == "upload":
            self._finish("computing", t("no_file", self.lang))
        self._relabel_title()

    def _relabel_breakdown(self) -> None:
        keep = [b for b in BREAKDOWNS if b != "team" or self.data is None or self.data.has_team]
        value = self.breakdown.value if self.breakdown.value in keep else "queue"  # no teams: by queue
        self.breakdown.options = [(t(f"breakdown_{b}", self.lang), b) for b in keep]
        self.breakdown.value = value

    def relabel(self) -> None:
        """Every label and option in ``self.lang`` (values kept)."""
        self._relabel_controls()
        self._relabel_title()

    def _relabel_title(self) -> None:
        self.title.value = f"<h2>{html.escape(t('title', self.lang))}</h2>"

    def _relabel_controls(self) -> None:
        lang = self.lang
        self.keep.relabel(lang)
        self.intro.value = f"<p>{html.escape(t('intro', lang))}</p>"
        for key, widget in self.headings.items():
            widget.value = f"<h3>{html.escape(t(key, lang))}</h3>"
        set_options(self.source, [(t(f"source_{s}", lang), s) for s in ("sample", "upload")])
        set_options(self.grain, [(t(f"grain_{g}", lang), g) for g in GRAINS])
        self._relabel_breakdown()
        set_options(self.trend_indicator, [(indicator_name(i, lang), i) for i in TREND_CHOICES])
        set_options(self.control_choice, [(t(f"control_{c}", lang), c) for c in CONTROL_CHOICES])
        set_options(self.pareto_choice, [(t(f"pareto_{p}", lang), p) for p in PARETO_CHOICES])
        self.upload.description = t("upload_button", lang)
        self.upload_hint.value = _upload_hint(lang)
        for widget, key in ((self.grain, "grain"), (self.breakdown, "breakdown"), (self.period, "period"),
                            (self.trend_indicator, "trend_indicator"), (self.control_choice, "control"),
                            (self.pareto_choice, "pareto")):
            widget.description = t(key, lang)
        for id, box in self.cards.items():
            if not box.value:
                set_card(box, indicator_name(id, lang), "—")



def build_kpi_dashboard(lang: str = "zh") -> KpiDashboard:
    """The KPI dashboard in ``lang`` ("zh" default, or "en"), showing the sample month's last day.

    >>> app = build_kpi_dashboard("en")
    >>> app.status_text
    'Daily report: 2026-03-31 (Tue). 1,528 calls offered; 9 control-chart signal(s).'
    """
    return KpiDashboard(lang=lang)
