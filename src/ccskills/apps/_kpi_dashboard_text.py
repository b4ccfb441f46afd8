"""Words and tables of the KPI dashboard (zh/en): labels, period names, HTML tables, Excel sheets.

Formatting only: values come from :mod:`ccskills.kpi` (reports, what changed) and
:mod:`ccskills.spc` (control chart, Pareto); value text and RAG marks from
:mod:`ccskills.kpi_charts`.
"""

from __future__ import annotations

import dataclasses
import html

import numpy as np
import pandas as pd

from ccskills.apps._common import style
from ccskills.apps._workbook import COUNT, NUMBER, PERCENT, SECONDS, Setting, with_inputs
from ccskills.i18n import QUEUE_NAMES
from ccskills.kpi import WHAT_CHANGED_INDICATORS as WHAT_CHANGED
from ccskills.kpi import indicator
from ccskills.kpi.display import RAG_MARKS, format_value

__all__ = ["rag_dot", "signals_text", "TEXT", "ERRORS", "STYLE", "CARDS", "GRAINS", "BREAKDOWNS", "CONTROL_CHOICES", "PARETO_CHOICES",
           "t", "indicator_name", "period_label", "table_html", "groups_html", "excel_sheets",
           "group_label", "per_handler", "queue_level_note", "format_indicator", "QUEUE_LEVEL",
           "view_settings", "report_results", "report_totals", "report_assumptions", "FIELD_LABELS",
           "upload_preview"]

GRAINS = ("D", "W", "MS")
BREAKDOWNS = ("none", "queue", "team", "agent_id")
CONTROL_CHOICES = ("abandonment_rate", "service_level")
PARETO_CHOICES = ("hour", "weekday", "queue")
CARDS = ("offered", "service_level", "abandonment_rate", "asa_s", "aht_s", "fcr_rate")
"""Cards in screen order (indicator ids); CSS class ``ccs-card-<id with dashes>``."""

TEXT: dict[str, tuple[str, str]] = {
    "title": ("KPI 仪表板", "KPI dashboard"),
    "intro": ("按日、周或月查看服务、质量和效率指标与目标的对比（红黄绿灯）、趋势、控制图和帕累托图，"
              "并说明“变化了什么、为什么”。可以使用示例数据或上传自己的通话记录。",
              "Service, quality and efficiency KPIs by day, week or month against their targets "
              "(red/amber/green), with the trend, a control chart, a Pareto chart and what changed and "
              "why. Use the sample month or upload your own call records."),
    "source": ("数据", "Data"),
    "source_sample": ("示例：2026 年 3 月通话记录（两条队列）", "Sample: call records of March 2026 (two queues)"),
    "source_upload": ("上传通话记录（CSV / Excel）", "Upload call records (CSV / Excel)"),
    "upload_button": ("选择文件", "Choose file"),
    "upload_hint": ("需要的列：通话编号、队列、来电时间、结果（接通/放弃/占线）、等待时长、通话时长、保持时长、"
                    "话后处理时长（均为秒）、坐席工号、是否转接（是/否）；可选：首次解决、满意度（1–5）、班组。"
                    "编码 UTF-8、UTF-8 BOM 或 GBK 均可。",
                    "Columns: call_id, queue, arrival, outcome (answered/abandoned/blocked), wait, talk, hold, "
                    "acw (all in seconds), agent, transferred (true/false); optional fcr, csat (1–5), team. "
                    "UTF-8, UTF-8 with BOM or GBK."),
    "no_file": ("请先选择要上传的文件。", "Choose a file to upload first."),
    "template_file": ("通话记录_上传示例", "call_records_upload_example"),
    "settings": ("查看方式", "View"),
    "grain": ("报表周期", "Report period"),
    "grain_D": ("日", "Day"), "grain_W": ("周（周一起）", "Week (from Monday)"), "grain_MS": ("月", "Month"),
    "breakdown": ("分组", "Breakdown"),
    "breakdown_none": ("不分组（合计）", "None (total)"), "breakdown_queue": ("按队列", "By queue"),
    "breakdown_team": ("按班组", "By team"), "breakdown_agent_id": ("按座席", "By agent"),
    "period": ("期间", "Period"),
    "trend_indicator": ("趋势指标", "Trend indicator"),
    "control": ("控制图（按日）", "Control chart (daily)"),
    "control_abandonment_rate": ("放弃率 p 控制图", "Abandonment rate p-chart"),
    "control_service_level": ("服务水平 p 控制图", "Service level p-chart"),
    "pareto": ("帕累托：放弃来电", "Pareto: abandoned calls"),
    "trend_title": ("{name}趋势（按{kind}）", "{name} trend (by {kind})"),
    "pareto_hour": ("按小时", "By hour"), "pareto_weekday": ("按星期", "By weekday"),
    "pareto_queue": ("按队列", "By queue"),
    "table_heading": ("KPI 与目标", "KPIs against targets"),
    "groups_heading": ("分组明细", "By group"),
    "change_heading": ("变化了什么、为什么", "What changed and why"),
    "charts_heading": ("图表", "Charts"),
    "no_previous": ("没有更早的期间可以比较（选择更细的报表周期或更晚的期间）。",
                    "There is no earlier period to compare with (choose a finer report period or a later one)."),
    "change_intro": ("（{current} 对比 {previous}，按{by}拆分）",
                     "({current} against {previous}, split by {by})"),
    "by_queue": ("队列", "queue"), "by_team": ("班组", "team"), "by_agent_id": ("座席", "agent"),
    "day": ("{d:%Y-%m-%d}（{wd}）", "{d:%Y-%m-%d} ({wd})"),
    "week": ("{d:%Y-%m-%d} 起的一周", "week of {d:%Y-%m-%d}"),
    "month": ("{d:%Y 年 %m 月}", "{d:%B %Y}"),
    "loaded": ("已读取 {name}：{rows} 条通话记录，{first} 至 {last}。",
               "Read {name}: {rows} call records, {first} to {last}."),
    "sample_span": ("示例数据：{rows} 条通话记录，{first} 至 {last}。",
                    "Sample: {rows} call records, {first} to {last}."),
    "done": ("{kind}：{period}。共 {offered} 通来话；{signals} 个控制图信号。",
             "{kind}: {period}. {offered} calls offered; {signals} control-chart signal(s)."),
    "kind_D": ("日报", "Daily report"), "kind_W": ("周报", "Weekly report"), "kind_MS": ("月报", "Monthly report"),
    "no_offered": ("文件里没有接通或放弃的来电（只有占线），无法计算 KPI。",
                   "The file has no answered or abandoned calls (only blocked ones): there are no KPIs to compute."),
    "status_green": ("达标", "on target"), "status_amber": ("接近目标", "near target"),
    "status_red": ("未达标", "off target"), "no_target": ("无目标", "no target"),
    "signals": ("{chart}的信号（超出控制限或符合连串规则，值得查找特殊原因）：{days}。",
                "{chart} signals (beyond the limits or a run rule: look for a special cause): {days}."),
    "no_signals": ("{chart}没有信号：各天的波动都在共同原因范围内。",
                   "{chart}: no signals; the daily variation is all common cause."),
    "unassigned": ("未分配（未接通）", "unassigned (not answered)"),
    "not_per_group": ("不适用", "n/a"),
    "queue_level_note": ("“不适用”：{names}是队列指标。放弃的来电没有接到任何班组或座席，等待也由整条队列决定，"
                         "所以这些指标只看合计，不按{by}拆分。",
                         "“n/a”: {names} are queue indicators. Abandoned calls never reached a team or agent, and "
                         "waiting is set by the whole queue, so these are shown for the total only, not per {by}."),
    "total": ("合计", "Total"), "previous": ("上期", "Previous"), "change": ("变化", "Change"),
    "col_indicator": ("指标", "Indicator"), "col_unit": ("单位", "Unit"),
    "col_direction": ("方向", "Direction"), "status_suffix": ("状态", " status"),
    "direction_higher": ("越高越好", "higher is better"), "direction_lower": ("越低越好", "lower is better"),
    "direction_band": ("在区间内", "within the band"),
    "targets_source": ("目标来源", "Targets from"),
    "targets_registry": ("指标词典的默认目标", "the KPI glossary's default targets"),
    "unexpected": ("计算时出现意外问题（{kind}）。请检查文件后重试。",
                   "Something unexpected happened ({kind}). Check the file and try again."),
    "download": ("下载 Excel 报表", "Download the Excel report"),
    "excel_file": ("KPI报表", "kpi_report"),
    "sheet_report": ("KPI表", "KPI table"), "sheet_data": ("KPI数据", "KPI data"),
    "sheet_groups": ("分组明细", "By group"),
    "sheet_trend": ("趋势", "Trend"), "sheet_control": ("控制图", "Control chart"),
    "sheet_pareto": ("帕累托", "Pareto"), "sheet_change": ("变化原因", "What changed"),
    "col_period": ("期间", "Period"), "col_value": ("数值", "Value"), "col_status": ("状态", "Status"),
    "col_target": ("目标", "Target"), "col_n": ("样本量", "Sample size"), "col_events": ("事件数", "Events"),
    "col_center": ("中心线", "Centre line"), "col_lcl": ("下控制限", "LCL"), "col_ucl": ("上控制限", "UCL"),
    "col_signal": ("信号", "Signal"), "col_category": ("类别", "Category"), "col_count": ("次数", "Count"),
    "col_share": ("占比", "Share"), "col_cumulative": ("累计占比", "Cumulative share"),
    "col_vital": ("关键少数", "Vital few"), "col_group": ("分组", "Group"),
    "col_previous_share": ("上期占比", "Previous share"), "col_current_share": ("本期占比", "Current share"),
    "col_previous": ("上期", "Previous"), "col_current": ("本期", "Current"),
    "col_rate_effect": ("自身变化", "Rate effect"), "col_mix_effect": ("结构变化", "Mix effect"),
    "col_contribution": ("贡献", "Contribution"),
}

WEEKDAYS = (("周一", "Mon"), ("周二", "Tue"), ("周三", "Wed"), ("周四", "Thu"), ("周五", "Fri"),
            ("周六", "Sat"), ("周日", "Sun"))

ERRORS: dict[str, tuple[str, str]] = {
    "agents": ("上传的文件没有班组（team）列，不能按班组分组", "The upload has no team column: it cannot be split by team"),
    "previous": ("没有更早的期间可以比较", "There is no earlier period to compare with"),
}
"""Parameter name → sentence stem (see :func:`ccskills.i18n.error_message`)."""

STYLE = style("""
.ccs-kpi-dashboard { font-family: var(--ccs-font-family, system-ui, sans-serif); }
.ccs-kpi-dashboard h3 { margin: 10px 0 4px 0; font-size: 15px; }
.ccs-kpi-dashboard .ccs-card-value { font-size: 20px; }
table.ccs-table { border-collapse: collapse; font-size: 13px; margin: 4px 24px 8px 0; }
table.ccs-table th, table.ccs-table td { padding: 3px 8px; text-align: right;
  border-bottom: 1px solid #e5e7eb; white-space: nowrap; }
table.ccs-table th:first-child, table.ccs-table td:first-child { text-align: left; }
.ccs-groups-scroll { max-height: 360px; overflow: auto; }
.ccs-rag-green { color: #2e8b57; } .ccs-rag-amber { color: #c98f00; } .ccs-rag-red { color: #c0392b; }
.ccs-card-note { font-size: 12px; font-weight: 600; }
""")


QUEUE_LEVEL = ("offered", "service_level", "abandonment_rate", "abandonment_rate_excl_short", "asa_s",
               "avg_time_to_abandon_s")
"""Indicators of the queue, not of whoever answered: per team or agent they are not applicable
(abandoned calls reached nobody, so a team's abandonment would read 0 % and its SL only its
answered calls)."""
HANDLER_BREAKDOWNS = ("team", "agent_id")
"""Breakdowns by who handled the call (answered calls only)."""


def per_handler(report, by: str | None):
    """``report`` for a team/agent breakdown: no column for calls nobody took, and the
    :data:`QUEUE_LEVEL` indicators left empty in the group columns (the total keeps them)."""
    if by not in HANDLER_BREAKDOWNS:
        return report
    keep = [c for c in report.values.columns if c == "total" or not pd.isna(c)]
    groups = [c for c in keep if c != "total"]
    values, status = report.values[keep].copy(), report.status[keep].copy()
    rows = [i for i in values.index if i in QUEUE_LEVEL]
    values.loc[rows, groups] = np.nan
    status.loc[rows, groups] = pd.NA
    return dataclasses.replace(report, values=values, status=status)


def queue_level_note(report, by: str | None, lang: str) -> str:
    """The sentence under a team/agent table saying why queue indicators are "n/a" ('' otherwise)."""
    rows = [i for i in report.values.index if i in QUEUE_LEVEL]
    if by not in HANDLER_BREAKDOWNS or not rows:
        return ""
    names = ("、" if lang == "zh" else ", ").join(indicator_name(i, lang) for i in rows)
    return t("queue_level_note", lang, names=names, by=t(f"by_{by}", lang))


def format_indicator(id: str, value, lang: str, change: bool = False) -> str:
    """An indicator's value as text in ``lang`` (seconds as 秒 / s); '' when missing."""
    text = format_value(id, value, change=change)
    if text and indicator(id).unit == "seconds":
        return text[:-2] + (" 秒" if lang == "zh" else " s")
    if text and lang == "en" and indicator(id).unit.startswith("CNY"):
        return text.replace(" 元", " CNY")
    return text


def _target_text(id: str, target, lang: str) -> str:
    if isinstance(target, tuple):
        return "–".join(format_indicator(id, v, lang) for v in target)
    if target is None or (isinstance(target, float) and np.isnan(target)):
        return ""
    sign = {"higher": "≥ ", "lower": "≤ "}.get(indicator(id).direction, "")
    return sign + format_indicator(id, target, lang)


def _marked(id: str, value, status, lang: str, group_cell: bool) -> str:
    if group_cell and id in QUEUE_LEVEL and (value is None or pd.isna(value)):
        return t("not_per_group", lang)
    mark = RAG_MARKS.get(status, "") if isinstance(status, str) else ""
    return f"{mark} {format_indicator(id, value, lang)}".strip()


def t(key: str, lang: str, **fields) -> str:
    """The dashboard's string for ``key`` in ``lang``, formatted with ``fields``."""
    return TEXT[key][1 if lang == "en" else 0].format(**fields)


def indicator_name(id: str, lang: str) -> str:
    """An indicator's name from the registry in ``lang``."""
    ind = indicator(id)
    return ind.name_en if lang == "en" else ind.name_zh


def signals_text(chart, title: str, lang: str) -> str:
    """The days a control chart flags (value in percent), or that there are none."""
    flagged = chart.signals
    if flagged.empty:
        return t("no_signals", lang, chart=title)
    sep = ", " if lang == "en" else "、"
    days = sep.join(f"{d:%m-%d} ({v:.1%})" if lang == "en" else f"{d:%m-%d}（{v:.1%}）"
                    for d, v in flagged["value"].items())
    return t("signals", lang, chart=title, days=days)


def period_label(period: pd.Timestamp, freq: str, lang: str) -> str:
    """A period as people name it: a day with its weekday, a week by its Monday, a month."""
    if freq == "D":
        return t("day", lang, d=period, wd=WEEKDAYS[period.weekday()][1 if lang == "en" else 0])
    return t("week" if freq == "W" else "month", lang, d=period)




def group_label(group, lang: str) -> str:
    """A group's name on screen; calls without an agent (not answered) are 'unassigned'."""
    if group is None or (not isinstance(group, str) and pd.isna(group)):
        return t("unassigned", lang)
    names = QUEUE_NAMES.get(str(group))
    return names[1 if lang == "en" else 0] if names else str(group)


def rag_dot(status, lang: str = "zh") -> str:
    """A coloured dot for a status (readable without emoji fonts); '' for no status."""
    if not isinstance(status, str) or status not in RAG_MARKS:
        return ""
    return f'<span class="ccs-rag ccs-rag-{status}" title="{html.escape(t(f"status_{status}", lang))}">●</span>'


def _cell(value, lang: str = "zh") -> str:
    text = html.escape(str(value))
    for status, mark in RAG_MARKS.items():
        text = text.replace(mark, rag_dot(status, lang))
    return text


def table_html(frame: pd.DataFrame, css: str, caption: str = "", lang: str = "zh") -> str:
    """A DataFrame of text as an escaped HTML table with class ``ccs-table <css>``; the RAG marks
    of :mod:`ccskills.kpi_charts` become coloured dots."""
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    rows = ["<tr>" + "".join(f"<td>{_cell(v, lang)}</td>" for v in row) + "</tr>"
            for row in frame.itertuples(index=False)]
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return (f'<table class="ccs-table {css}">{cap}<thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def groups_display(report, lang: str) -> pd.DataFrame:
    """One row per group (many groups, e.g. agents), one column per indicator: value with its RAG mark."""
    groups = [g for g in report.values.columns if g != "total"]
    out = pd.DataFrame({t("col_group", lang): [group_label(g, lang) for g in groups]})
    for id in report.values.index:
        out[indicator_name(id, lang)] = [_marked(id, report.values.loc[id, g], report.status.loc[id, g], lang, True)
                                         for g in groups]
    return out


def groups_html(report, lang: str) -> str:
    """The by-group table in a scrolling box."""
    return f'<div class="ccs-groups-scroll">{table_html(groups_display(report, lang), "ccs-groups", lang=lang)}</div>'


def report_table(report, lang: str) -> pd.DataFrame:
    """The KPI table on screen: indicator, target, each group and the total with RAG marks,
    the previous total and the change, in ``lang`` (names from the registry)."""
    ids = list(report.values.index)
    targets = report.targets["target"] if len(report.targets) else pd.Series(dtype=object)
    out = pd.DataFrame({t("col_indicator", lang): [indicator_name(i, lang) for i in ids],
                        t("col_target", lang): [_target_text(i, targets.get(i), lang) for i in ids]})
    for group in report.values.columns:
        label = t("total", lang) if group == "total" else group_label(group, lang)
        out[label] = [_marked(i, report.values.loc[i, group], report.status.loc[i, group], lang, group != "total")
                      for i in ids]
    out[t("previous", lang)] = [format_indicator(i, report.previous.get(i), lang) for i in ids]
    out[t("change", lang)] = [format_indicator(i, report.change.get(i), lang, change=True) for i in ids]
    return out


def _columns(frame: pd.DataFrame, lang: str, names: dict) -> pd.DataFrame:
    return frame.rename(columns={k: t(v, lang) for k, v in names.items()})


UNIT_FORMATS = {"fraction": PERCENT, "seconds": SECONDS, "calls": COUNT, "CNY": NUMBER, "CNY/hour": NUMBER,
                "score": NUMBER}
UNIT_WORDS = {"fraction": ("", ""), "seconds": ("秒", "s"), "calls": ("通", "calls"), "CNY": ("元", "CNY"),
              "CNY/hour": ("元/小时", "CNY/h"), "score": ("分", "points")}
"""Excel number format and unit word by registry unit."""


def _fmt(id: str) -> str:
    return UNIT_FORMATS.get(indicator(id).unit, NUMBER)


def _status_word(status, lang: str, na: bool = False) -> str:
    if na:
        return t("not_per_group", lang)
    return t(f"status_{status}", lang) if isinstance(status, str) and status in RAG_MARKS else ""


def _number(value):
    return None if value is None or pd.isna(value) else float(value)


def _report_sheet(report, lang: str) -> tuple[pd.DataFrame, list[str]]:
    """The KPI table with numbers: each group's value and its status as separate columns."""
    ids = list(report.values.index)
    targets = report.targets["target"] if len(report.targets) else pd.Series(dtype=object)
    out = pd.DataFrame({t("col_indicator", lang): [indicator_name(i, lang) for i in ids],
                        t("col_unit", lang): [UNIT_WORDS.get(indicator(i).unit, ("", ""))[_i(lang)] for i in ids]})
    target = [targets.get(i) for i in ids]
    out[t("col_target", lang)] = [_target_text(i, v, lang) if isinstance(v, tuple) else _number(v)
                                  for i, v in zip(ids, target)]
    out[t("col_direction", lang)] = [t(f"direction_{indicator(i).direction}", lang)
                                     if f"direction_{indicator(i).direction}" in TEXT and v is not None
                                     and not (isinstance(v, float) and pd.isna(v)) else ""
                                     for i, v in zip(ids, target)]
    for group in report.values.columns:
        label = t("total", lang) if group == "total" else group_label(group, lang)
        values = [_number(report.values.loc[i, group]) for i in ids]
        na = [group != "total" and i in QUEUE_LEVEL and v is None for i, v in zip(ids, values)]
        out[label] = values
        out[f"{label}{t('status_suffix', lang)}"] = [_status_word(report.status.loc[i, group], lang, n)
                                                     for i, n in zip(ids, na)]
    out[t("previous", lang)] = [_number(report.previous.get(i)) for i in ids]
    out[t("change", lang)] = [_number(report.change.get(i)) for i in ids]
    return out, [_fmt(i) for i in ids]


def _groups_sheet(report, lang: str) -> tuple[pd.DataFrame, dict]:
    groups = [g for g in report.values.columns if g != "total"]
    out = pd.DataFrame({t("col_group", lang): [group_label(g, lang) for g in groups]})
    formats = {}
    for id in report.values.index:
        if id in QUEUE_LEVEL and report.values.loc[id, groups].isna().all():
            continue  # not applicable per group: the note on the page says why
        name = indicator_name(id, lang)
        out[name] = [_number(report.values.loc[id, g]) for g in groups]
        formats[name] = _fmt(id)
    return out, formats


def _i(lang: str) -> int:
    return 1 if lang == "en" else 0


def excel_sheets(view, lang: str, data: list[Setting] | None = None) -> tuple[dict, dict]:
    """The dashboard's workbook (KPI table, groups, trend, control chart, Pareto, what changed,
    inputs) with numbers as numbers, and the options for :func:`ccskills.io.excel_bytes`."""
    report = view.report
    name = {k: t(f"sheet_{k}", lang) for k in ("report", "groups", "trend", "control", "pareto", "change")}
    sheets, formats, rows = {}, {}, {}
    sheets[name["report"]], rows[name["report"]] = _report_sheet(report, lang)
    if view.many_groups:
        sheets[name["groups"]], formats[name["groups"]] = _groups_sheet(report, lang)
    trend = pd.DataFrame({"period": view.trend.index, "value": view.trend[view.trend_id].to_numpy(float)})
    status_col = f"{view.trend_id}_status"
    trend["status"] = [_status_word(v, lang) for v in view.trend[status_col]] if status_col in view.trend else ""
    sheets[name["trend"]] = _columns(trend, lang, {"period": "col_period", "value": "col_value",
                                                   "status": "col_status"})
    formats[name["trend"]] = {t("col_value", lang): _fmt(view.trend_id)}
    points = view.control.points.reset_index()
    points = points.rename(columns={points.columns[0]: "period"})
    control = points[["period", "defectives", "n", "value", "center", "lcl", "ucl", "signal"]]
    sheets[name["control"]] = _columns(control, lang, {
        "period": "col_period", "defectives": "col_events", "n": "col_n", "value": "col_value",
        "center": "col_center", "lcl": "col_lcl", "ucl": "col_ucl", "signal": "col_signal"})
    formats[name["control"]] = {t(k, lang): PERCENT for k in ("col_value", "col_center", "col_lcl", "col_ucl")}
    pareto = view.pareto.reset_index()
    if view.pareto_by == "queue":
        pareto[pareto.columns[0]] = [group_label(g, lang) for g in pareto[pareto.columns[0]]]
    sheets[name["pareto"]] = _columns(pareto, lang, {
        "category": "col_category", "count": "col_count", "share": "col_share",
        "cumulative_share": "col_cumulative", "vital_few": "col_vital"})
    formats[name["pareto"]] = {t("col_count", lang): COUNT, t("col_share", lang): PERCENT,
                               t("col_cumulative", lang): PERCENT}
    if view.change is not None:
        change = view.change.reset_index()
        change = change.rename(columns={change.columns[0]: "group"})
        change["group"] = [t("total", lang) if g == "total" else group_label(g, lang) for g in change["group"]]
        sheets[name["change"]] = _columns(change, lang, {
            "group": "col_group", "previous_share": "col_previous_share",
            "current_share": "col_current_share", "previous": "col_previous", "current": "col_current",
            "rate_effect": "col_rate_effect", "mix_effect": "col_mix_effect",
            "contribution": "col_contribution"})
        value_fmt = _fmt(view.trend_id if view.trend_id in WHAT_CHANGED else "service_level")
        formats[name["change"]] = {**{t(k, lang): PERCENT for k in ("col_previous_share", "col_current_share")},
                                   **{t(k, lang): value_fmt for k in ("col_previous", "col_current",
                                                                       "col_rate_effect", "col_mix_effect",
                                                                       "col_contribution")}}
    return with_inputs(sheets, view_settings(view, lang, data or []), lang, number_formats=formats, row_formats=rows)


def view_settings(view, lang: str, data: list[Setting]) -> list[Setting]:
    """The inputs of a view (data, grain, period, breakdown, charts, targets): the workbook's inputs
    sheet and the report's inputs."""
    return [*data,
            Setting(t("grain", lang), t(f"grain_{view.freq}", lang)),
            Setting(t("period", lang), period_label(view.report.period, view.freq, lang)),
            Setting(t("breakdown", lang), t(f"breakdown_{view.by or 'none'}", lang)),
            Setting(t("trend_indicator", lang), indicator_name(view.trend_id, lang)),
            Setting(t("control", lang), t(f"control_{view.control_id}", lang)),
            Setting(t("pareto", lang), t(f"pareto_{view.pareto_by}", lang)),
            Setting(t("targets_source", lang), t("targets_registry", lang))]


# The one-page report ----------------------------------------------------------------------------

TEXT.update({
    "report_title": ("KPI 报告：{kind} {period}", "KPI report: {kind} {period}"),
    "report_note": ("目标 {target}：{status}", "target {target}: {status}"),
    "report_table": ("各指标（合计）", "Every indicator (total)"),
    "assume_sl": ("服务水平 = {formula}，T = {answer_time} 秒；来话量 = 接通量 + 放弃量，系统占线不计入。",
                  "Service level = {formula}, T = {answer_time} s; offered = answered + abandoned, blocked "
                  "calls not counted."),
    "assume_abandon": ("放弃率 = {formula}，{short} 秒内的短时放弃也计入（“放弃率（不含短时放弃）”另列）。",
                       "Abandonment rate = {formula}, short abandons (within {short} s) included (the rate "
                       "without them is listed apart)."),
    "assume_targets": ("红黄绿按指标登记表的目标与黄线：{targets}。",
                       "Red/amber/green follow the registry's targets and amber lines: {targets}."),
    "assume_target_one": ("{name}目标 {target}、黄线 {amber}", "{name} target {target}, amber line {amber}"),
    "assume_control": ("控制图为每日 p 图（中心线 ± 3σ）；{signals}",
                       "The control chart is a daily p-chart (centre line ± 3σ); {signals}"),
})

ANSWER_TIME_S, SHORT_ABANDON_S = 20, 5
"""The dashboard's thresholds, those of :func:`ccskills.kpi.kpi_report`'s defaults (seconds)."""


def _status_note(id: str, report, lang: str) -> str:
    status = report.status.loc[id, "total"] if id in report.status.index else None
    targets = report.targets["target"] if len(report.targets) else pd.Series(dtype=object)
    target = _target_text(id, targets.get(id), lang)
    if not target or not isinstance(status, str) or status not in RAG_MARKS:
        return ""
    return t("report_note", lang, target=target, status=t(f"status_{status}", lang))


def report_results(report, lang: str) -> list[tuple[str, str, str]]:
    """The cards as (name, value as shown, "target ≥ 80.0%: on target") rows."""
    return [(indicator_name(i, lang), format_indicator(i, report.values.loc[i, "total"], lang) or "—",
             _status_note(i, report, lang)) for i in CARDS if i in report.values.index]


def report_totals(report, lang: str) -> pd.DataFrame:
    """Every indicator's total, target, status word, previous and change (no colour marks: print)."""
    ids = list(report.values.index)
    targets = report.targets["target"] if len(report.targets) else pd.Series(dtype=object)
    status = [report.status.loc[i, "total"] for i in ids]
    return pd.DataFrame({
        t("col_indicator", lang): [indicator_name(i, lang) for i in ids],
        t("col_target", lang): [_target_text(i, targets.get(i), lang) for i in ids],
        t("total", lang): [format_indicator(i, report.values.loc[i, "total"], lang) for i in ids],
        t("col_status", lang): [t(f"status_{s}", lang) if isinstance(s, str) and s in RAG_MARKS else ""
                                for s in status],
        t("previous", lang): [format_indicator(i, report.previous.get(i), lang) for i in ids],
        t("change", lang): [format_indicator(i, report.change.get(i), lang, change=True) for i in ids]})


def report_assumptions(view, lang: str) -> list[str]:
    """The definitions, thresholds, targets and control-chart rule behind the numbers, in words."""
    en = lang == "en"
    sl, ab = indicator("service_level"), indicator("abandonment_rate")
    one = [t("assume_target_one", lang, name=indicator_name(i.id, lang), target=_target_text(i.id, i.target, lang),
             amber=format_indicator(i.id, i.amber, lang)) for i in (sl, ab)]
    title = t(f"control_{view.control_id}", lang)
    out = [t("assume_sl", lang, formula=sl.formula_en if en else sl.formula_zh, answer_time=ANSWER_TIME_S),
           t("assume_abandon", lang, formula=ab.formula_en if en else ab.formula_zh, short=SHORT_ABANDON_S),
           t("assume_targets", lang, targets=("; " if en else "；").join(one)),
           t("assume_control", lang, signals=signals_text(view.control, title, lang))]
    note = queue_level_note(view.report, view.by, lang)
    return out + ([note] if note else [])


# What an upload was read as -----------------------------------------------------------------------

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "call_id": ("通话编号", "Call ID"), "queue": ("队列", "Queue"), "arrival": ("来电时间", "Arrival time"),
    "outcome": ("结果", "Outcome"), "wait_s": ("等待时长", "Wait (s)"), "talk_s": ("通话时长", "Talk (s)"),
    "hold_s": ("保持时长", "Hold (s)"), "acw_s": ("话后处理时长", "After-call work (s)"),
    "agent_id": ("坐席工号", "Agent ID"), "transferred": ("是否转接", "Transferred"),
    "resolved_first_contact": ("首次解决", "Resolved first contact"), "csat": ("满意度", "CSAT (1–5)"),
    "team": ("班组", "Team"),
}
"""The call-record fields an upload fills, as the preview names them (zh = the example file's headers)."""


def upload_preview(raw: pd.DataFrame, records: pd.DataFrame, name: str, lang: str) -> str:
    """What an uploaded file was read as: rows read and skipped, the dates, which columns became which
    field, the first rows as in the file, and what the reader decided (:func:`ccskills.io.upload_notes`)."""
    from ccskills.apps._preview import preview_html
    from ccskills.io import upload_notes
    from ccskills.kpi.upload import CALL_RECORDS_ALIASES

    i = 1 if lang == "en" else 0
    columns = {}
    for header in raw.columns:
        field = CALL_RECORDS_ALIASES.get(str(header).strip().lower(), str(header).strip().lower())
        if field in FIELD_LABELS:
            columns[str(header)] = FIELD_LABELS[field][i]
    skipped = sum(len(n.rows) for n in records.attrs.get("ccskills_notes", []) if n.problem == "dropped_total_row")
    dates = (records["arrival"].min(), records["arrival"].max()) if len(records) else None
    return preview_html(raw, lang, source=name, rows_read=len(records), rows_skipped=skipped, columns=columns,
                        date_range=dates, notes=upload_notes(records, lang))
