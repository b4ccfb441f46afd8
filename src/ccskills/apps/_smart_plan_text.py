"""How the SMART plan builder reads: labels, error sentences, verdict list, tables, Excel sheets.

Formatting only, in Chinese or English; the verdicts and the trajectory come from
:mod:`ccskills.coaching` (:func:`~ccskills.coaching.check_smart`,
:func:`~ccskills.coaching.plan_trajectory`).
"""

from __future__ import annotations

import html
import inspect

import altair as alt
import pandas as pd

from ccskills.apps._common import style
from ccskills.apps._workbook import Setting, with_inputs
from ccskills.charts import themed

from ccskills.coaching import SMART_LETTERS, SmartCheck, SmartPlan, check_smart

__all__ = ["TEXT", "ERRORS", "STYLE", "t", "verdicts_html", "result_text", "plan_frame",
           "verdicts_frame", "trajectory_frame", "table_html", "excel_sheets", "peers_chart"]

TEXT = {
    "title": ("SMART 改进计划生成器", "SMART plan builder"),
    "intro": ("为一位座席填写改进计划：指标、可观察的行为、基线、目标、团队目标和期限。"
              "检查器逐个字母 (S/M/A/R/T) 给出是否合格和原因；基线和同伴分布来自 3 月通话记录。",
              "Fill an improvement plan for one agent: KPI, observable behaviour, baseline, target, "
              "team target and dates. The checker gives each letter (S/M/A/R/T) a verdict and the reason; "
              "the baseline and the peers come from the March call records."),
    "agent": ("座席", "Agent"),
    "kpi": ("指标", "KPI"),
    "kpi_none": ("（不指定指标，只写行为）", "(no KPI: behaviour only)"),
    "behaviour": ("可观察的行为", "Observable behaviour"),
    "behaviour_default": ("话后处理使用工单模板", "Use the ticket template for after-call work"),
    "baseline": ("基线", "Baseline"),
    "target": ("目标", "Target"),
    "team_target": ("团队目标", "Team target"),
    "start": ("开始日期", "Start"),
    "due": ("截止日期", "Due"),
    "actuals": ("每周实际值", "Weekly actuals"),
    "actuals_placeholder": ("可选：每周一个数，如 470, 455, 440", "optional: one a week, e.g. 470, 455, 440"),
    "unit_seconds": ("秒", "s"),
    "unit_percent": ("%", "%"),
    "unit_none": ("数值", "value"),
    "queue_presales": ("售前", "presales"),
    "queue_aftersales": ("售后", "aftersales"),
    "agent_option": ("{agent}（{queue}，{team} 组）", "{agent} ({queue}, team {team})"),
    "prefill_note": ("基线 = {agent} 在 3 月的实际值；团队目标 = {queue}队列 {n} 名座席的中位数；"
                     "同伴最好四分之一的水平是 {level}。",
                     "Baseline = {agent}'s actual value in March; team target = the median of the "
                     "{n} agents in {queue}; the best quarter of peers reach {level}."),
    "no_peers_note": ("没有指定指标：没有同伴数据，A 不检查。",
                      "No KPI chosen: there are no peers, so A is not checked."),
    "result": ("检查结果", "Verdict"),
    "result_pass": ("✓ 五个字母都合格", "✓ every letter passes"),
    "result_fail": ("✗ 不合格：{letters}", "✗ fails: {letters}"),
    "verdicts_heading": ("逐个字母检查", "Letter by letter"),
    "peers_heading": ("同伴分布（检查 A 的依据）", "Peers (the basis of A)"),
    "trajectory_heading": ("跟进：实际值与计划路径（开始日期后每 7 天一次）",
                           "Follow-up: actuals against the planned path (every 7 days from the start)"),
    "on_track_hint": ("应达值是从基线（开始日期）到目标（截止日期）的直线；落后不超过计划改变量 |目标 − 基线| 的 {tol:.0%} 算在轨。",
                      "Expected is the straight line from the baseline (start) to the target (due); a check-in no more "
                      "than {tol:.0%} of the planned change |target − baseline| behind is on track."),
    "computing": ("正在检查……", "Checking…"),
    "ok": ("已检查：{summary}", "Checked: {summary}"),
    "ok_trajectory": ("已检查：{summary}；{n} 次跟进中 {on} 次在轨。",
                      "Checked: {summary}; {on} of {n} check-ins on track."),
    "unexpected": ("检查时出现意外问题（{kind}）。请检查输入后重试。",
                   "Something unexpected went wrong ({kind}). Please check the inputs and try again."),
    "download_excel": ("下载 Excel", "Download Excel"),
    "excel_file": ("SMART改进计划", "smart_plan"),
    "sheet_plan": ("计划", "plan"),
    "sheet_verdicts": ("SMART检查", "SMART check"),
    "sheet_trajectory": ("跟进", "follow-up"),
    "col_field": ("项目", "field"),
    "col_value": ("内容", "value"),
    "col_letter": ("字母", "letter"),
    "col_name": ("含义", "meaning"),
    "col_passed": ("结果", "result"),
    "col_reason": ("原因", "reason"),
    "col_date": ("跟进日", "check-in"),
    "col_actual": ("实际值", "actual"),
    "col_expected": ("应达值", "expected"),
    "col_behind": ("落后（正数为落后）", "behind (positive = behind)"),
    "col_on_track": ("在轨", "on track"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "passed_true": ("✓ 合格", "✓ pass"),
    "passed_false": ("✗ 不合格", "✗ fail"),
    "passed_none": ("– 未检查", "– not checked"),
    "series_peers": ("同伴", "peers"),
    "series_agent": ("本人（基线）", "this agent (baseline)"),
    "rule_target": ("目标", "target"),
    "rule": ("参照线", "reference line"),
    "rule_team": ("团队目标", "team target"),
    "rule_top": ("同伴最好四分之一", "best quarter of peers"),
    "axis_value": ("{kpi}（{unit}）", "{kpi} ({unit})"),
}

ERRORS = {
    "behaviour": ("请写出座席要做的、可以观察到的行为，不能为空",
                  "Write the behaviour the agent will change, one someone could observe; it cannot be empty"),
    "baseline": ("基线必须是一个数字（可以留空）", "The baseline must be a number (or left empty)"),
    "target": ("目标必须是一个数字（可以留空）", "The target must be a number (or left empty)"),
    "team_target": ("团队目标必须是一个数字（可以留空）", "The team target must be a number (or left empty)"),
    "start": ("请选择开始日期", "Choose a start date"),
    "due": ("截止日期不能早于开始日期", "The due date cannot be before the start date"),
    "actuals": ("每周实际值必须是用逗号分隔的数字", "Weekly actuals must be numbers separated by commas"),
    "plan": ("要看跟进，计划需要有基线、目标和晚于开始日期的截止日期",
             "To follow up, the plan needs a baseline, a target and a due date after the start"),
    "agent_id": ("请选择座席", "Choose an agent"),
}
"""Sentences by parameter name, added to :data:`ccskills.i18n.ERRORS`."""

STYLE = style("""
.ccs-smart-plan { font-family: var(--ccs-font-family, system-ui, sans-serif); }
.ccs-smart-plan .ccs-card-value { font-size: 20px; }
ul.ccs-verdicts { list-style: none; padding-left: 0; margin: 4px 0; }
ul.ccs-verdicts li { padding: 3px 0; font-size: 14px; }
li.ccs-verdict-pass { color: #1a7f37; } li.ccs-verdict-fail { color: #b42318; }
li.ccs-verdict-unchecked { color: #57606a; }
table.ccs-trajectory-table { border-collapse: collapse; font-size: 13px; }
table.ccs-trajectory-table th, table.ccs-trajectory-table td { padding: 3px 8px; text-align: right;
  border-bottom: 1px solid #e5e7eb; }
tr.ccs-off-track td { color: #b42318; }
""")

_STATE = {True: "pass", False: "fail", None: "unchecked"}


def t(key: str, lang: str, **values) -> str:
    """The text ``key`` in ``lang`` ('zh' or 'en'), formatted with ``values``."""
    phrase = TEXT[key][0 if lang == "zh" else 1]
    return phrase.format(**values) if values else phrase


def reason(verdict, lang: str, kpi: str = "", kpi_label: str = "") -> str:
    """A verdict's sentence with the KPI's name in place of its identifier (平均处理时长, not aht_s)."""
    text = verdict.message(lang)
    return text.replace(kpi, kpi_label) if kpi and kpi_label else text


def verdicts_html(check: SmartCheck, lang: str, kpi: str = "", kpi_label: str = "") -> str:
    """The five verdicts as a list; each item has classes ``ccs-verdict-<letter>`` and pass/fail/unchecked."""
    items = "".join(
        f'<li class="ccs-verdict ccs-verdict-{v.letter} ccs-verdict-{_STATE[v.passed]}">'
        f"{html.escape(reason(v, lang, kpi, kpi_label))}</li>" for v in check.verdicts)
    return f'<ul class="ccs-verdicts">{items}</ul>'


def result_text(check: SmartCheck, lang: str) -> str:
    """'✓ every letter passes' or '✗ fails: A, T'."""
    if check.passed:
        return t("result_pass", lang)
    return t("result_fail", lang, letters=", ".join(check.failed))


def plan_frame(plan: SmartPlan, kpi_label: str, unit: str, lang: str) -> pd.DataFrame:
    """The plan as two columns (field, value), in the units shown on screen; numbers as numbers,
    dates as dates."""
    rows = [(t("agent", lang), plan.agent_id), (t("kpi", lang), kpi_label),
            (t("behaviour", lang), plan.behaviour),
            (f"{t('baseline', lang)} ({unit})", plan.baseline),
            (f"{t('target', lang)} ({unit})", plan.target),
            (f"{t('team_target', lang)} ({unit})", plan.team_target),
            (t("start", lang), pd.Timestamp(plan.start)),
            (t("due", lang), pd.Timestamp(plan.due) if plan.due else None)]
    return pd.DataFrame(rows, columns=[t("col_field", lang), t("col_value", lang)])


_PLAN_FORMATS = [None, None, None, "#,##0.0##", "#,##0.0##", "#,##0.0##", "yyyy-mm-dd", "yyyy-mm-dd"]
"""Excel format of each :func:`plan_frame` row."""


def verdicts_frame(check: SmartCheck, lang: str, kpi: str = "", kpi_label: str = "") -> pd.DataFrame:
    """One row per letter: letter, its meaning, pass / fail / not checked, the reason."""
    k = 0 if lang == "zh" else 1
    return pd.DataFrame({
        t("col_letter", lang): [v.letter for v in check.verdicts],
        t("col_name", lang): [SMART_LETTERS[v.letter][k] for v in check.verdicts],
        t("col_passed", lang): [t(f"passed_{str(v.passed).lower()}", lang) for v in check.verdicts],
        t("col_reason", lang): [reason(v, lang, kpi, kpi_label) for v in check.verdicts],
    })


def trajectory_frame(trajectory: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The :func:`~ccskills.coaching.plan_trajectory` table with translated headers, rounded to 0.1."""
    return pd.DataFrame({
        t("col_date", lang): [f"{d:%Y-%m-%d}" for d in trajectory.index],
        t("col_actual", lang): trajectory["actual"].round(1).to_list(),
        t("col_expected", lang): trajectory["expected"].round(1).to_list(),
        t("col_behind", lang): (trajectory["behind"].round(1) + 0.0).to_list(),  # + 0.0: never "-0.0"
        t("col_on_track", lang): [t("yes" if x else "no", lang) for x in trajectory["on_track"]],
    })


def table_html(frame: pd.DataFrame, on_track: list[bool]) -> str:
    """The trajectory table as HTML; rows off track get class ``ccs-off-track``."""
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    rows = "".join(
        f'<tr class="{"ccs-on-track" if ok else "ccs-off-track"}">'
        + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>"
        for row, ok in zip(frame.itertuples(index=False), on_track))
    return f'<table class="ccs-trajectory-table"><tr>{head}</tr>{rows}</table>'


def excel_sheets(plan: SmartPlan, check: SmartCheck, trajectory: pd.DataFrame | None,
                 kpi_label: str, unit: str, lang: str, kpi: str = "",
                 settings: list[Setting] | None = None) -> tuple[dict, dict]:
    """Sheets for the download (the plan, the verdicts, the follow-up if typed, the inputs) and
    the options for :func:`ccskills.io.excel_bytes`."""
    sheets = {t("sheet_plan", lang): plan_frame(plan, kpi_label, unit, lang),
              t("sheet_verdicts", lang): verdicts_frame(check, lang, kpi, kpi_label)}
    formats = {}
    if trajectory is not None:
        follow = trajectory_frame(trajectory, lang)
        follow[t("col_date", lang)] = pd.to_datetime(follow[t("col_date", lang)])
        sheets[t("sheet_trajectory", lang)] = follow
        formats[t("sheet_trajectory", lang)] = {t(c, lang): "#,##0.0" for c in ("col_actual", "col_expected",
                                                                                 "col_behind")}
    return with_inputs(sheets, settings or [], lang, number_formats=formats,
                       row_formats={t("sheet_plan", lang): _PLAN_FORMATS})


def peers_chart(table: pd.DataFrame, plan: SmartPlan, title: str, lang: str):
    """Peers' values as dots (the plan's agent highlighted), rules at target, team target and best quarter.

    ``table`` is :func:`ccskills.coaching.peer_table` for one KPI, in the units shown on screen.
    """
    who = [t("series_agent" if a == plan.agent_id else "series_peers", lang) for a in table["agent_id"]]
    dots = pd.DataFrame({"agent": table["agent_id"], "value": table["value"], "who": who})
    rules = pd.DataFrame([(t(key, lang), value) for key, value in (
        ("rule_top", float(table["top_quartile"].iloc[0])), ("rule_team", plan.team_target),
        ("rule_target", plan.target)) if value is not None], columns=["rule", "value"])
    x = alt.X("value:Q", title=title, scale=alt.Scale(zero=False))
    points = alt.Chart(dots).mark_circle(size=70, opacity=0.75).encode(
        x, alt.Color("who:N", title=None, sort=[t("series_agent", lang), t("series_peers", lang)]),
        tooltip=[alt.Tooltip("agent:N", title=t("agent", lang)), alt.Tooltip("value:Q", title=title, format=".1f")])
    lines = alt.Chart(rules).mark_rule(strokeWidth=2, strokeDash=[5, 3]).encode(
        x, alt.StrokeDash("rule:N", title=None),
        tooltip=[alt.Tooltip("rule:N", title=t("rule", lang)), alt.Tooltip("value:Q", title=title, format=".1f")])
    return themed(alt.layer(points, lines).properties(width=520, height=110))


# The one-page report ----------------------------------------------------------------------------

TEXT.update({
    "report_title": ("SMART 改进计划：{agent}", "SMART improvement plan: {agent}"),
    "report_follow": ("跟进", "Follow-up"),
    "report_follow_value": ("{n} 次中 {on} 次在轨", "{on} of {n} on track"),
    "report_table": ("每周跟进", "Weekly follow-up"),
    "assume_S": ("S 具体：指明一个登记过的指标，或写出别人能观察到的行为（不只是“提高”“注意”之类的词）。",
                 "S specific: names a registered KPI, or a behaviour someone could observe (not only words such "
                 "as 'improve' or 'pay attention')."),
    "assume_M": ("M 可衡量：基线和目标都是数字，且不相等。", "M measurable: baseline and target are numbers and differ."),
    "assume_A": ("A 可达成：目标不超过同队列最好的四分之一座席已达到的水平（无同伴数据时不检查）。",
                 "A achievable: the target is no better than the level the best quarter of the queue's agents "
                 "reach (not checked without peers)."),
    "assume_R": ("R 相关：基线未达团队目标，且目标朝团队目标移动。",
                 "R relevant: the baseline falls short of the team target and the target moves toward it."),
    "assume_T": ("T 有时限：截止日期晚于开始日期，且相隔不超过 {days} 天（约一个季度）。",
                 "T time-bound: a due date after the start, at most {days} days later (about a quarter)."),
    "assume_units": ("比率以百分数填写和检查（例如 85 表示 85%）。",
                     "Rates are typed and checked in percent (85 means 85 %)."),
})

MAX_DAYS = inspect.signature(check_smart).parameters["max_days"].default
"""The T check's longest plan, days (:func:`ccskills.coaching.check_smart`'s default, read from it)."""


def report_results(check: SmartCheck, trajectory, lang: str, kpi: str, kpi_label: str) -> list[tuple[str, str, str]]:
    """The verdict, then each letter (✓/✗/—) with its reason, then the follow-up count if typed."""
    marks = {True: "✓", False: "✗", None: "—"}
    out = [(t("result", lang), result_text(check, lang), "")]
    out += [(v.letter, marks[v.passed], reason(v, lang, kpi, kpi_label)) for v in check.verdicts]
    if trajectory is not None:
        out.append((t("report_follow", lang), t("report_follow_value", lang, n=len(trajectory),
                                                 on=int(trajectory["on_track"].sum())), ""))
    return out


def report_assumptions(lang: str, tolerance: float) -> list[str]:
    """The five checks, the follow-up rule and the units, in words."""
    return [*(t(f"assume_{letter}", lang, days=MAX_DAYS) for letter in "SMART"),
            t("on_track_hint", lang, tol=tolerance), t("assume_units", lang)]
