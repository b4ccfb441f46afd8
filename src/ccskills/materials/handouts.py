"""讲义与表单 Handouts ready to print: the month's KPI card, the QA scorecard, calibration sheet and
interview form, the GROW and SMART forms, the shrinkage list, the scheduling norms, the four
checklists, the pre-/post-test with the trainer's answer key, the evaluation form and a
certificate sample.

Every figure is the kit's, computed when the handout is built: the KPI card is
:func:`ccskills.kpi.kpi_report` of the March call month (as lesson 01/01 shows it), the
scorecard is :func:`ccskills.datasets.quality.load_scorecard` scored by
:func:`ccskills.quality.check_scorecard`, the tests are the no-code questions of
:mod:`ccskills.exercises.assessments` with their own answers, the norms are the published
schedule's rules and what that schedule actually does. The evaluation form and the
certificate are the reportlab printers of :mod:`ccskills.assessment_forms`, wrapped.
"""

from __future__ import annotations

import datetime as dt
import inspect
import os
from functools import lru_cache, partial

import pandas as pd

from ccskills.materials._catalogue import Document

__all__ = ["DOCUMENTS", "kpi_card_data", "scorecard_data", "calibration_data", "interview_data",
           "grow_data", "smart_data", "shrinkage_data", "scheduling_data", "checklist_data",
           "test_data", "answer_key_data", "evaluation_form_bytes", "certificate_sample_bytes"]

FOOTER = "ccskills · 讲义 Handouts"


def _default(function, name):
    """The default of parameter ``name`` of ``function`` (the kit's own setting, not a copy)."""
    return inspect.signature(function).parameters[name].default


def _head(title_zh: str, title_en: str, purpose: str) -> dict:
    return {"title": f"{title_zh} {title_en}", "purpose": purpose, "footer": f"{FOOTER} · {title_zh} {title_en}"}


# ------------------------------------------------------------------ 1. KPI card
@lru_cache(maxsize=1)
def _month_report():
    """The month's report as lesson 01/01 builds it: every table, by queue, registry targets."""
    from ccskills import kpi
    from ccskills.datasets import load_agents, load_call_records
    from ccskills.datasets.operations import load_agent_states, load_cost_lines, load_survey_responses

    return kpi.kpi_report(load_call_records(), "MS", agents=load_agents(), survey=load_survey_responses(),
                          agent_states=load_agent_states(), costs=load_cost_lines())


def _edge_text(id: str, edge) -> str:
    from ccskills.apps._kpi_dashboard_text import format_indicator
    from ccskills.kpi import indicator

    if isinstance(edge, tuple):
        return "–".join(format_indicator(id, v, "zh") for v in edge)
    if edge is None or pd.isna(edge):
        return ""
    return {"higher": "≥ ", "lower": "≤ "}.get(indicator(id).direction, "") + format_indicator(id, edge, "zh")


def _status(report, id: str, group) -> str:
    """The status of one cell ('green', 'amber', 'red'), '' when the indicator has no target."""
    value = report.status.loc[id, group]
    return value if isinstance(value, str) else ""


def kpi_card_data() -> dict:
    """The month's KPI card: per indicator its target, amber edge, each queue's and the total's value
    with the status word (达标 / 接近目标 / 未达标, the KPI dashboard's words)."""
    from ccskills import kpi
    from ccskills.apps._kpi_dashboard_text import format_indicator, group_label, t
    from ccskills.kpi import indicator

    report = _month_report()
    groups = list(report.values.columns)
    targets = report.targets
    rows = []
    for id in report.values.index:
        ind = indicator(id)
        cells = [{"value": format_indicator(id, report.values.loc[id, g], "zh"),
                  "status": _status(report, id, g)}
                 for g in groups]
        rows.append({"id": id, "name_zh": ind.name_zh, "name_en": ind.name_en, "formula": ind.formula_zh,
                     "target": _edge_text(id, targets["target"].get(id)) if id in targets.index else "",
                     "amber": _edge_text(id, targets["amber"].get(id)) if id in targets.index else "",
                     "cells": cells})
    red = [indicator(i).name_zh for i in report.values.index if _status(report, i, "total") == "red"]
    words = {s: t(f"status_{s}", "zh") for s in ("green", "amber", "red")}
    return {**_head("月度 KPI 卡", "Monthly KPI card",
                    "对照目标读一张月度指标卡：哪些达标、哪些接近目标、哪些未达标，下一步先看哪里。"),
            "month": f"{report.period.year} 年 {report.period.month} 月", "period": f"{report.period:%Y-%m}",
            "groups": [group_label(g, "zh") if g != "total" else t("total", "zh") for g in groups],
            "groups_en": [group_label(g, "en") if g != "total" else t("total", "en") for g in groups],
            "rows": rows, "words": words, "words_en": {s: t(f"status_{s}", "en") for s in words},
            "red": red, "answer_time": _default(kpi.kpi_report, "answer_time"),
            "short_abandon": _default(kpi.kpi_report, "short_abandon")}


# ------------------------------------------------------------------ 2. QA forms
def _kind_words() -> dict:
    from ccskills.apps._qa_text import t
    from ccskills.quality import CRITICAL_KINDS

    return {k: f"{t(f'kind_{k}', 'zh')}类 ({k})" for k in CRITICAL_KINDS}


def scorecard_data() -> dict:
    """The QA scorecard: items by section with their points, the critical errors by kind, blank boxes."""
    from ccskills.datasets.quality import load_scorecard
    from ccskills.quality import check_scorecard

    card = check_scorecard(load_scorecard())
    normal, critical = card[card["critical_kind"] == ""], card[card["critical_kind"] != ""]
    sections = [{"zh": zh, "en": en, "points": float(part["points"].sum()),
                 "items": [{"zh": r.item_zh, "en": r.item_en, "points": float(r.points)} for r in part.itertuples()]}
                for (zh, en), part in normal.groupby(["section_zh", "section_en"], sort=False)]
    kinds = _kind_words()
    return {**_head("质检评分表", "QA scorecard",
                    "给一通电话打分：逐项判定达标与否，再检查致命错误；任一致命错误出现，本次得分为 0。"),
            "sections": sections, "total": float(normal["points"].sum()),
            "critical": [{"zh": r.item_zh, "en": r.item_en, "kind": kinds[r.critical_kind]}
                         for r in critical.itertuples()]}


def calibration_data() -> dict:
    """The calibration sheet: as many call rows and analyst columns as the kit's calibration round,
    the tolerance and verdict bands of the QA calculator."""
    from ccskills.apps._qa_text import t
    from ccskills.quality.calibration import AGREED_WITHIN, RECALIBRATE_BELOW
    from ccskills.datasets.quality import load_calibration
    from ccskills.quality import rater_deviation

    round_ = load_calibration()
    analysts = sorted(a for a in round_["analyst_id"].unique() if a != "master")
    return {**_head("校准记录表", "Calibration sheet",
                    "校准会上几位质检员给同一批电话打分，与标准答案比：谁偏松、谁偏严、谁不稳定。"),
            "calls": int(round_["call_id"].nunique()), "analysts": len(analysts),
            "tolerance": _default(rater_deviation, "tolerance"),
            "agreed": round(100 * AGREED_WITHIN), "recalibrate": round(100 * RECALIBRATE_BELOW),
            "verdicts": {k: t(k, "zh") for k in ("ok", "borderline", "lenient", "harsh", "inconsistent")}}


def interview_data() -> dict:
    """The QA feedback interview form (lesson 03/04): header, up to three items, follow-up, signatures."""
    from ccskills.datasets.quality import load_scorecard

    card = load_scorecard()
    return {**_head("质检反馈面谈表", "QA feedback interview form",
                    "把质检数据变成一次谈话：每个改进项写清现状、证据、目标、行动和跟进日期。"),
            "rows": 3, "items": [r.item_zh for r in card[card["weight"] > 0].itertuples()]}


# ------------------------------------------------------------------ 3. coaching forms
def grow_data() -> dict:
    """The GROW form: each stage with its opening question and minutes of a 30-minute talk."""
    from ccskills import coaching

    minutes = 30
    agenda = coaching.grow_agenda(minutes)
    stages = []
    for key, (zh, en, question) in coaching.GROW_STEPS.items():
        q_zh, _, q_en = question.partition("？ ")
        stages.append({"key": key, "zh": zh, "en": en, "question": q_zh + "？", "question_en": q_en,
                       "minutes": float(agenda[key]), "share": round(100 * coaching.GROW_TIME_SPLIT[key])})
    return {**_head("GROW 辅导谈话表", "GROW coaching form",
                    "按 GROW 四步准备和记录一次辅导谈话，最后约定跟进日期。"),
            "minutes": minutes, "stages": stages}


def smart_data() -> dict:
    """The SMART plan form: the plan's fields and each letter with the kit's rule for it."""
    from ccskills import coaching

    max_days = _default(coaching.check_smart, "max_days")
    rules = {"S": "指明一个已登记的指标，或写出别人能观察到的具体行为（不能只有“提高”“加强”“注意”之类的词）。",
             "M": "写出基线和目标两个数字，而且两者不同。",
             "A": "目标不超过同伴中最好四分之一已经做到的水平。",
             "R": "基线没有达到团队目标，计划的目标朝团队目标方向移动。",
             "T": f"有截止日期，在开始日期之后，最长 {max_days} 天（更长就拆成阶段目标）。"}
    return {**_head("SMART 辅导计划表", "SMART coaching plan",
                    "把辅导谈话商定的行动写成一份 SMART 改进计划，并逐个字母自查。"),
            "letters": [{"key": k, "zh": zh, "en": en, "rule": rules[k]}
                        for k, (zh, en) in coaching.SMART_LETTERS.items()],
            "max_days": max_days, "checkins": 4,
            "tolerance": f"{100 * _default(coaching.plan_trajectory, 'tolerance'):g}"}


# ------------------------------------------------------------------ 4. shrinkage list
@lru_cache(maxsize=1)
def _schedule_facts() -> dict:
    """What the published two-week schedule (chapter 05) does, per contract: minutes and shifts."""
    from ccskills.datasets.wfm import load_schedule, load_wfm_agents

    plan = load_schedule().merge(load_wfm_agents()[["agent_id", "weekly_hours"]], on="agent_id")
    plan["minutes"] = (plan["end"] - plan["start"]).dt.total_seconds() / 60
    plan["day"] = plan["start"].dt.normalize()
    weeks = (plan["day"].max() - plan["day"].min()).days / 7 + 1 / 7
    shifts = plan.groupby(["agent_id", "day"]).agg(start=("start", "min"), end=("end", "max"),
                                                   hours=("weekly_hours", "first")).reset_index()
    per = plan.groupby(["weekly_hours", "activity"])["minutes"].sum().unstack(fill_value=0.0)
    agents = plan.groupby("weekly_hours")["agent_id"].nunique()
    days = shifts.groupby("hours").size()
    return {"plan": plan, "shifts": shifts, "weeks": weeks, "per_agent_week": per.div(agents * weeks, axis=0),
            "per_shift": per.div(days, axis=0), "agents": agents, "shifts_per_week": days / agents / weeks}


def _share(minutes: float, paid: float) -> str:
    return f"平均每周 {round(minutes, 1):g} 分钟（带薪时间的 {100 * minutes / paid:.1f} %）"


def shrinkage_data() -> dict:
    """The shrinkage list: the components the kit's data record, what the sample schedule plans for a
    full-timer, the sample centre's month split, the registry's target and the reference's ranges."""
    from ccskills.kpi import indicator, shrinkage_rate
    from ccskills.datasets.operations import load_agent_states

    facts = _schedule_facts()
    full = facts["per_agent_week"].loc[40]
    paid = full.drop(labels=["lunch"], errors="ignore").sum()
    rows = [
        ("小休", "Breaks", "计划内 · 效率损耗", "排班活动 break", _share(full.get("break", 0.0), paid)),
        ("班组会", "Team meetings", "计划内 · 效率损耗", "排班活动 meeting", _share(full.get("meeting", 0.0), paid)),
        ("培训", "Training", "计划内 · 效率损耗", "排班活动 training",
         _share(full.get("training", 0.0), paid) + "，两周一次"),
        ("辅导与质检反馈", "Coaching & QA feedback", "计划内 · 效率损耗", "签出时间（第 04 章数据）", ""),
        ("示忙：后台工作、邮件、个人事务", "Not ready (aux)", "计划外 · 效率损耗", "座席状态 not_ready", ""),
        ("迟到、早退、超时小休", "Late log-in, early log-out, overruns", "计划外 · 效率损耗", "遵从度例外（第 05 章）", ""),
        ("缺勤：病假、事假、旷工", "Absence (sick, personal, no-show)", "计划外 · 缺勤损耗", "整天没有状态记录", ""),
        ("年假、法定假日调休", "Annual leave, holidays", "计划内 · 缺勤损耗", "—", ""),
    ]
    states = load_agent_states()
    total, offline = shrinkage_rate(states), shrinkage_rate(states, "offline_only")
    ind = indicator("shrinkage")
    return {**_head("损耗项目清单", "Shrinkage list",
                    "列出带薪却不能接电话的时间都去了哪里，填上你们中心每一项的数，排班时按损耗把在线人数折成排班人数。"),
            "rows": [dict(zip(("zh", "en", "kind", "where", "sample"), r)) for r in rows],
            "lunch": f"{facts['per_shift'].loc[40, 'lunch']:g}",
            "paid_hours": f"{paid / 60:g}",
            "formula": ind.formula_zh, "variants": [(v.name, v.formula_zh) for v in ind.variants],
            "target": f"{ind.target:.0%}", "amber": f"{ind.amber:.0%}",
            "centre": f"{total:.1%}", "offline": f"{offline:.1%}", "not_ready": f"{total - offline:.1%}",
            "typical": "20–35 %", "range": "10–40 %"}


# ------------------------------------------------------------------ 5. scheduling norms
def _clock(stamp) -> str:
    return f"{stamp:%H:%M}"


def _length(plan: pd.DataFrame, activity: str) -> str:
    """Minutes one scheduled ``activity`` lasts (the median of its rows)."""
    return f"{plan.loc[plan['activity'] == activity, 'minutes'].median():g}"


def scheduling_data() -> dict:
    """The six scheduling norms of datasets/wfm/README.md: the rule values the generator holds
    (``SCHEDULING_RULES``) beside what the published schedule measurably does."""
    from ccskills.datasets._generate_wfm import OPEN_HOURS, SLOT, SCHEDULING_RULES as R

    facts = _schedule_facts()
    shifts, per_shift, plan = facts["shifts"], facts["per_shift"], facts["plan"]
    full = shifts[shifts["hours"] == 40]
    starts = full.assign(clock=full["start"].map(_clock)).groupby("clock")["agent_id"].nunique()
    ordered = shifts.sort_values(["agent_id", "start"])
    rest = (ordered["start"] - ordered.groupby("agent_id")["end"].shift()).dt.total_seconds() / 3600
    lunches = plan[(plan["activity"] == "lunch") & (plan["weekly_hours"] == 40)].merge(
        full[["agent_id", "day", "start"]].rename(columns={"start": "shift_start"}), on=["agent_id", "day"])
    gaps = lunches.groupby(["day", "shift_start"])["start"].apply(
        lambda s: s.drop_duplicates().sort_values().diff().dt.total_seconds().div(60).min()).dropna()
    breaks = plan[plan["activity"] == "break"].groupby("weekly_hours")["minutes"].agg(["size", "first"])
    part = []
    for hours in sorted(h for h in facts["agents"].index if h != 40):
        mine = shifts[shifts["hours"] == hours]
        length = (mine["end"] - mine["start"]).dt.total_seconds().median() / 3600
        part.append({"hours": int(hours), "shifts": round(float(facts["shifts_per_week"][hours])),
                     "length": f"{length:g}", "start": mine["start"].map(_clock).mode()[0],
                     "end": mine["end"].map(_clock).mode()[0],
                     "lunch": f"{per_shift.loc[hours].get('lunch', 0.0):g}",
                     "breaks": round(breaks.loc[hours, "size"] / len(mine)), "break_min": f"{breaks.loc[hours, 'first']:g}"})
    days = plan["day"].nunique()
    return {**_head("排班规范", "Scheduling norms",
                    "示例电商中心排班遵守的六条规范（第 05 章数据），对照写下你们中心自己的规定。"),
            "shift_h": R["full_time_shift_h"], "lunch": R["full_time_lunch_min"],
            "breaks": len(R["breaks_min"]), "break_min": R["breaks_min"][0],
            "paid_h": f"{R['full_time_shift_h'] - R['full_time_lunch_min'] / 60:g}",
            "starts": [{"clock": c, "agents": int(n)} for c, n in starts.items()],
            "rule_starts": list(R["shift_starts"]),
            "days_on": R["full_time_days_on"], "days_off": R["days_off_consecutive"],
            "rest": R["min_rest_between_shifts_h"], "rest_measured": f"{rest.min():g}",
            "period_days": days, "period_weeks": round(facts["weeks"]), "first_day": f"{plan['day'].min():%Y-%m-%d}",
            "open_h": f"{OPEN_HOURS['ecommerce'][1] * SLOT / pd.Timedelta(hours=1):g}",
            "edge_rule": R["break_not_in_first_or_last_hour"], "fixed": R["shift_fixed_within_period"],
            "stagger": f"{gaps.min():g}",
            "meeting": _length(plan, "meeting"), "training": _length(plan, "training"),
            "meeting_days": int(plan.loc[plan["activity"] == "meeting", "day"].dt.day_of_week.nunique()),
            "part_time": part}


# ------------------------------------------------------------------ 6. checklists
def checklist_data(key: str) -> dict:
    """One checklist of :mod:`ccskills.checklists` with its scale and a score box per item."""
    from ccskills.checklists import get_checklist

    c = get_checklist(key)
    return {"title": f"{c.zh} {c.en}", "footer": f"{FOOTER} · {c.zh}",
            "purpose": "逐项对照现场实际打分，每项在分数上画圈；各部分小计，找出得分最低的部分先改进。",
            "source": c.source, "scale": [{"score": s, "zh": zh, "en": en} for s, zh, en in c.scale],
            "sections": [{"zh": s.zh, "en": "" if s.en in s.zh else s.en, "max": len(s.items) * max(c.scores),
                          "items": [{"key": f"{n}.{k}", "zh": i.zh, "en": i.en} for k, i in enumerate(s.items, 1)]}
                         for n, s in enumerate(c.sections, 1)],
            "max": len(c.items) * max(c.scores), "maturity": min(c.scores) == 1}


# ------------------------------------------------------------------ 7. tests and answer key
def _given(given) -> dict:
    built = given.build("zh")
    if isinstance(built, pd.DataFrame):
        frame = built.reset_index()
        head = [str(c) if not str(c).startswith("index") else "" for c in frame.columns]
        return {"title": given.title.zh, "note": given.note.zh, "head": head,
                "rows": [[_cell(v) for v in row] for row in frame.itertuples(index=False)]}
    return {"title": given.title.zh, "note": given.note.zh, "facts": [[str(a), str(b)] for a, b in built]}


def _cell(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return f"{value:g}"
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def test_data(form: str) -> dict:
    """A test form on paper: the givens (numbered, each before the first question that reads it) and
    every question with a box for a number or boxes to tick."""
    from ccskills.exercises import no_code_set
    from ccskills.exercises.assessments import GOALS, goal_of

    test = no_code_set(form)
    numbers, items = {}, []
    for q in test.questions:
        new = [g for g in q.givens if g not in numbers]
        for g in new:
            numbers[g] = len(numbers) + 1
        items.append({"id": q.id, "kind": q.kind, "title": q.title, "prompt": q.prompt.zh,
                      "unit": q.unit.zh, "choices": [c.zh for c in q.choices], "goal": goal_of(form, q.id),
                      "uses": [numbers[g] for g in q.givens],
                      "givens": [{"n": numbers[g], **_given(test.given(g))} for g in new]})
    when = "开课前" if form == "pretest" else "课程结束时"
    return {"title": f"{test.title.zh} {test.title.en}", "footer": f"{FOOTER} · {test.title.zh} {test.title.en}",
            "purpose": (f"{when}独立完成，约 40 分钟。数字题把答案写在方框里（单位已印在旁边），选择题在方框里打勾；"
                        "“多选”可选多项。题目后面写着用到的资料编号。"),
            "items": items, "goals": {str(k): v.zh for k, v in GOALS.items()}}


def answer_key_data() -> dict:
    """The trainer's key to both forms: each item's answer as the workbook checks it, its goal and why."""
    from ccskills.exercises import no_code_set
    from ccskills.exercises.assessments import GOALS, goal_of

    forms = []
    for form in ("pretest", "posttest"):
        test = no_code_set(form)
        forms.append({"title": f"{test.title.zh} {test.title.en}",
                      "items": [{"id": q.id, "title": q.title, "answer": q.answer_text("zh"),
                                 "goal": goal_of(form, q.id), "why": q.explanation,
                                 "tolerance": _tolerance(q)} for q in test.questions]})
    return {**_head("课前测与课后测答案", "Pre-/post-test answer key",
                    "讲师用：两份测验每题的标准答案（由套件计算）、对应的学习目标和简短解释；学员不发。"),
            "forms": forms, "goals": [{"n": k, "zh": v.zh} for k, v in GOALS.items()]}


def _tolerance(q) -> str:
    """How close a number must be to count as right, as the workbook checks it (its rounding)."""
    if q.kind != "number" or q.decimals is None:
        return ""
    return f"± {0.5 * 10 ** -q.decimals:g}"


# ------------------------------------------------------------------ 8. evaluation form, certificate
def _embedded_start_font(printer):
    """Run a reportlab ``printer`` with the forms' embedded CJK font as the canvas's starting font.

    reportlab opens every page in Helvetica, a font it never embeds, even where no Latin text is
    drawn in it; with the embedded CJK font as the start, every font of the printed set is
    embedded. Without a TrueType CJK font (the CID fallback) the printer runs unchanged.
    """
    from reportlab import rl_config

    from ccskills.assessment_forms import pdf_font

    font = pdf_font()
    if not font.embedded:
        return printer()
    before = rl_config.canvas_basefontname
    rl_config.canvas_basefontname = font.name
    try:
        return printer()
    finally:
        rl_config.canvas_basefontname = before


def evaluation_form_bytes() -> bytes:
    """The course evaluation form, as :func:`ccskills.assessment_forms.evaluation_form_pdf` prints it."""
    from ccskills.assessment_forms import evaluation_form_pdf

    return _embedded_start_font(lambda: evaluation_form_pdf("zh"))


def _build_date() -> dt.date:
    """The date printed on the sample: SOURCE_DATE_EPOCH's day when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date() if epoch.strip() else dt.date.today()


SAMPLE_NAME = "（学员姓名 Trainee's name）"
"""The name on the certificate sample: a trainer writes each name on it, or prints the class's
certificates with :func:`ccskills.assessment_forms.write_certificates`."""


def certificate_sample_bytes() -> bytes:
    """One certificate page with a placeholder name and no score (:func:`certificates_pdf`)."""
    from ccskills.assessment_forms import certificates_pdf

    return _embedded_start_font(lambda: certificates_pdf([(SAMPLE_NAME, None)], date=_build_date()))


def _doc(name, zh, en, template, data, pages=(1, 4), make=None) -> Document:
    return Document(name, f"{zh}_{name}.pdf", zh, en, template, data, pages=pages, make=make)


_CHECKLISTS = (("five_s", "5S运营自查表", "5S self-check"),
               ("four_pillars", "四大支柱自查表", "Four pillars self-check"),
               ("cc_cmm", "CC-CMM式成熟度自评", "CC-CMM-style maturity self-check"),
               ("floor", "现场管理例行检查表", "Floor-management checklist"))

DOCUMENTS = (
    _doc("kpi_card", "月度KPI卡", "Monthly KPI card", "handout_kpi_card", kpi_card_data),
    _doc("qa_scorecard", "质检评分表", "QA scorecard", "handout_qa_scorecard", scorecard_data),
    _doc("qa_calibration", "校准记录表", "Calibration sheet", "handout_qa_calibration", calibration_data),
    _doc("qa_interview", "质检反馈面谈表", "QA feedback interview form", "handout_qa_interview", interview_data),
    _doc("grow_form", "GROW辅导谈话表", "GROW coaching form", "handout_grow", grow_data),
    _doc("smart_form", "SMART辅导计划表", "SMART coaching plan", "handout_smart", smart_data),
    _doc("shrinkage_list", "损耗项目清单", "Shrinkage list", "handout_shrinkage", shrinkage_data),
    _doc("scheduling_norms", "排班规范", "Scheduling norms", "handout_scheduling", scheduling_data),
    *(_doc(f"checklist_{key}", zh, en, "handout_checklist", partial(checklist_data, key))
      for key, zh, en in _CHECKLISTS),
    _doc("pretest", "课前测", "Pre-test", "handout_test", partial(test_data, "pretest"), pages=(2, 6)),
    _doc("posttest", "课后测", "Post-test", "handout_test", partial(test_data, "posttest"), pages=(2, 6)),
    _doc("test_answer_key", "课前测与课后测答案", "Pre-/post-test answer key", "handout_answer_key",
         answer_key_data),
    _doc("evaluation_form", "课程评估表", "Course evaluation form", None, None, pages=(1, 1),
         make=evaluation_form_bytes),
    _doc("certificate_sample", "结业证书样张", "Certificate sample", None, None, pages=(1, 1),
         make=certificate_sample_bytes),
)
