"""The figures the rules cite, computed from the kit's simulated centre (March 2026).

Each rule's worked example quotes numbers the kit computes, never typed ones: capacity baselines
from :func:`ccskills.evaluation.agent_workload`, QA sample sizes from
:func:`ccskills.quality.sample_size`, the calibration round from
:func:`ccskills.quality.summarize_calibration` (thresholds :data:`~ccskills.quality.calibration.AGREED_WITHIN`
and :data:`~ccskills.quality.calibration.RECALIBRATE_BELOW`), attendance from
:func:`ccskills.people.attendance_summary` and the composite evaluation from
:func:`ccskills.evaluation.composite_scores` with the weights of chapter 07 lesson 03.
Fractions print as percent with one decimal (``96.3%``), counts with thousands separators.

>>> f = {x.key: x for x in rule_figures("attendance")}
>>> f["attendance_rate"].source
'ccskills.people.attendance_summary'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from ..kpi import REGISTRY
from ..kpi.display import format_value, label

__all__ = ["Figure", "rule_figures", "kpi_actuals", "weights_text", "PARAMETERS", "WEIGHTINGS", "DIRECTIONS"]

#: The composite evaluation of chapter 07 lesson 03: KPIs, directions and the three weight sets.
DIRECTIONS = {"aht_s": "lower", "fcr_rate": "higher", "csat_top2_box": "higher",
              "attendance_rate": "higher", "qa_score": "higher"}
WEIGHTINGS = {
    "balanced": {"aht_s": 0.2, "fcr_rate": 0.2, "csat_top2_box": 0.2, "attendance_rate": 0.2, "qa_score": 0.2},
    "efficiency": {"aht_s": 0.4, "fcr_rate": 0.15, "csat_top2_box": 0.15, "attendance_rate": 0.2, "qa_score": 0.1},
    "quality": {"aht_s": 0.1, "fcr_rate": 0.25, "csat_top2_box": 0.25, "attendance_rate": 0.1, "qa_score": 0.3},
}
#: A rank spread (worst − best rank over the three weightings) from which one month's composite
#: alone does not decide a reward; the capacity floor as a share of the queue's baseline.
UNSTABLE_SPREAD = 10
CAPACITY_FLOOR = 0.8
PROJECT_MARGIN, AGENT_MARGIN, AGENT_PASS_RATE = 0.05, 0.10, 0.9


@dataclass(frozen=True)
class Figure:
    """One computed number a rule quotes: key (its placeholder), names, value, text, kit function."""

    key: str
    name_zh: str
    name_en: str
    value: object
    text: str
    source: str

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en


def _pct(x) -> str:
    return f"{float(x):.1%}"


def _count(n) -> str:
    return f"{int(n):,}"


def _setting(x) -> str:
    """A setting in percent without decimals when it is whole (85%, 7.5%)."""
    return f"{float(x) * 100:g}%"


def _parameters() -> dict[str, str]:
    from ..quality.calibration import AGREED_WITHIN, RECALIBRATE_BELOW

    out = {"agreed_within": _setting(AGREED_WITHIN), "recalibrate_below": _setting(RECALIBRATE_BELOW),
           "tolerance": "10", "project_margin": _setting(PROJECT_MARGIN), "agent_margin": _setting(AGENT_MARGIN),
           "agent_pass_rate": _setting(AGENT_PASS_RATE), "capacity_floor": _setting(CAPACITY_FLOOR),
           "unstable_spread": str(UNSTABLE_SPREAD)}
    for kpi, ind in REGISTRY.items():
        if isinstance(ind.target, (int, float)):
            out[f"target_{kpi}"] = format_value(kpi, ind.target)
    return out


#: Settings a rule states in the example and the template alike (not computed from data):
#: calibration thresholds, sampling margins, floors and the registry's targets, by placeholder.
PARAMETERS = _parameters()


def weights_text(lang: str = "zh", weighting: str = "balanced") -> str:
    """The composite's KPIs and weights as a rule states them, e.g. 'AHT 20%, …' (names from the registry)."""
    sep = "、" if lang == "zh" else ", "
    return sep.join(f"{label(k, lang)} {_setting(w)}" for k, w in WEIGHTINGS[weighting].items())


@lru_cache(maxsize=1)
def _data():
    from ..datasets import load_agents, load_call_records
    from ..datasets.people import load_attendance
    from ..datasets.quality import load_qa_results, load_scorecard
    from ..quality import score_evaluations

    scored = score_evaluations(load_qa_results(), load_scorecard())
    return load_call_records(), load_attendance(), load_agents().set_index("agent_id"), scored


def _fig(key, zh, en, value, text, source) -> Figure:
    return Figure(key, zh, en, value, text, source)


def _capacity() -> list[Figure]:
    from ..evaluation import agent_workload

    calls, attendance, agents, _ = _data()
    work = agent_workload(calls, attendance).join(agents["queue"])
    base = work.groupby("queue")[["calls_per_attended_hour", "handle_share"]].median()
    src = "ccskills.evaluation.agent_workload"
    out = []
    for q in ("presales", "aftersales"):
        zh, en = label(q, "zh"), label(q, "en")
        cph, share = base.loc[q, "calls_per_attended_hour"], base.loc[q, "handle_share"]
        out += [_fig(f"cph_{q}", f"{zh}每出勤小时接话量基准 (calls per attended hour, 中位数)",
                     f"{en} calls per attended hour (median)", float(cph), f"{cph:.2f}", src),
                _fig(f"share_{q}", f"{zh}处理工时占比 (handle share, 中位数)", f"{en} handle share (median)",
                     float(share), _pct(share), src)]
    below = work[work["calls_per_attended_hour"] < CAPACITY_FLOOR * work["queue"].map(base["calls_per_attended_hour"])]
    floor = _setting(CAPACITY_FLOOR)
    out.append(_fig("below_floor", f"低于本队列基准 {floor} 的座席人数", f"Agents below {floor} of their queue's baseline",
                    len(below), _count(len(below)), src))
    return out


def _sampling() -> list[Figure]:
    from ..quality import sample_size, score_margin_of_error

    calls, _, _, scored = _data()
    answered = calls[calls["outcome"] == "answered"]
    n_month, per_agent = len(answered), int(answered.groupby("agent_id").size().median())
    per_agent_evals = int(scored.groupby("agent_id").size().median())
    sd = float(scored.groupby("agent_id")["score"].std().median())
    src = "ccskills.quality.sample_size"
    return [
        _fig("answered", "本月接通量 (calls answered)", "Calls answered this month", n_month, _count(n_month),
             "ccskills.datasets.load_call_records"),
        _fig("project_sample", "全项目每月最少质检量 (±5%, 95%)", "Minimum monthly QA sample, whole centre (±5%, 95%)",
             sample_size(PROJECT_MARGIN, population=n_month), _count(sample_size(PROJECT_MARGIN, population=n_month)), src),
        _fig("agent_calls", "每位座席月接通量 (中位数)", "Calls answered per agent (median)", per_agent, _count(per_agent),
             "ccskills.datasets.load_call_records"),
        _fig("agent_sample", "每位座席每月质检量 (±10%, 达标率 90%)", "Monthly QA sample per agent (±10%, pass rate 90%)",
             sample_size(AGENT_MARGIN, proportion=AGENT_PASS_RATE, population=per_agent),
             _count(sample_size(AGENT_MARGIN, proportion=AGENT_PASS_RATE, population=per_agent)), src),
        _fig("evaluations", "本月质检量 (evaluations)", "QA evaluations this month", len(scored), _count(len(scored)),
             "ccskills.quality.score_evaluations"),
        _fig("agent_evals", "每位座席本月质检量 (中位数)", "Evaluations per agent this month (median)",
             per_agent_evals, _count(per_agent_evals), "ccskills.quality.score_evaluations"),
        _fig("agent_score_margin", "个人平均分误差范围 (margin of error, ±分)", "Margin of error of an agent's mean score (± points)",
             score_margin_of_error(per_agent_evals, sd), f"{score_margin_of_error(per_agent_evals, sd):.1f}",
             "ccskills.quality.score_margin_of_error"),
    ]


def _calibration() -> list[Figure]:
    from ..datasets.quality import load_calibration, load_scorecard
    from ..quality import calibration_tables, summarize_calibration
    from ..quality.calibration import AGREED_WITHIN, RECALIBRATE_BELOW

    scores, _ = calibration_tables(load_calibration(), load_scorecard(), rater="analyst_id")
    within = summarize_calibration(scores, reference="master").deviation["within_tolerance"]
    src = "ccskills.quality.summarize_calibration"
    ok, redo = within[within >= AGREED_WITHIN - 1e-9], within[within < RECALIBRATE_BELOW]
    names = ", ".join(redo.index) or "—"
    hi, lo = _setting(AGREED_WITHIN), _setting(RECALIBRATE_BELOW)
    return [
        _fig("calib_calls", "校准会录音数 (calibration calls)", "Calls in the calibration round", len(scores),
             _count(len(scores)), src),
        _fig("calib_analysts", "参加校准的质检员", "QA analysts calibrated", len(within), _count(len(within)), src),
        _fig("calib_ok", f"已校准人数 (calibrated, ≥ {hi})", f"Analysts calibrated (≥ {hi})", len(ok), _count(len(ok)), src),
        _fig("calib_borderline", f"临界人数 (borderline, {lo}–{hi})", f"Analysts borderline ({lo}–{hi})",
             len(within) - len(ok) - len(redo), _count(len(within) - len(ok) - len(redo)), src),
        _fig("calib_redo", f"需重新校准 (recalibrate, < {lo})", f"Analysts to recalibrate (< {lo})", names, names, src),
    ]


def _critical() -> list[Figure]:
    from ..quality import critical_error_accuracy

    _, _, _, scored = _data()
    acc = critical_error_accuracy(scored)
    by_team = critical_error_accuracy(scored, by="team")["business"]
    src = "ccskills.quality.critical_error_accuracy"
    return [
        _fig("qa_mean", "本月质检平均分 (QA score)", "Mean QA score this month", float(scored["score"].mean()),
             f"{scored['score'].mean():.1f}", "ccskills.quality.score_evaluations"),
        _fig("critical_rate", "致命错误率 (critical-error rate)", "Critical-error rate",
             float(scored["critical_error"].mean()), _pct(scored["critical_error"].mean()), "ccskills.quality.score_evaluations"),
        *[_fig(f"accuracy_{k}", f"{zh}致命错误准确率 ({en} critical-error accuracy)", f"{en.capitalize()} critical-error accuracy",
               float(acc[k]), _pct(acc[k]), src)
          for k, zh, en in (("customer", "客户类", "customer"), ("business", "业务类", "business"),
                            ("compliance", "合规类", "compliance"))],
        _fig("business_low_team", "业务准确率最低的班组", "Team with the lowest business accuracy",
             str(by_team.idxmin()), str(by_team.idxmin()), src),
        _fig("business_low_value", "该班组业务准确率", "That team's business accuracy", float(by_team.min()),
             _pct(by_team.min()), src),
    ]


def _attendance() -> list[Figure]:
    from ..people import attendance_summary

    _, attendance, _, _ = _data()
    total = attendance_summary(attendance, by=None).iloc[0]
    teams = attendance_summary(attendance, by="team")["attendance_rate"]
    agents = attendance_summary(attendance, by="agent_id")["attendance_rate"]
    below = int((agents < REGISTRY["attendance_rate"].target).sum())
    no_show = int((attendance["absence_reason"] == "no_show").sum())
    src = "ccskills.people.attendance_summary"
    return [
        _fig("attendance_rate", "2026 年 3 月出勤率 (attendance rate)", "Attendance rate, March 2026",
             float(total["attendance_rate"]), _pct(total["attendance_rate"]), src),
        _fig("absenteeism_rate", "缺勤率 (absenteeism rate)", "Absenteeism rate", float(total["absenteeism_rate"]),
             _pct(total["absenteeism_rate"]), src),
        _fig("late_rate", "迟到率 (late rate)", "Late rate", float(total["late_rate"]), _pct(total["late_rate"]), src),
        _fig("no_show", "旷工班次 (no-show shifts)", "No-show shifts", no_show, _count(no_show), "ccskills.datasets.people.load_attendance"),
        _fig("low_team", "出勤率最低的班组", "Team with the lowest attendance", str(teams.idxmin()), str(teams.idxmin()), src),
        _fig("low_team_rate", "该班组出勤率", "That team's attendance rate", float(teams.min()), _pct(teams.min()), src),
        _fig("agents_below", "出勤率低于目标的座席人数", "Agents below the attendance target", below, _count(below), src),
    ]


def _composite() -> list[Figure]:
    from ..evaluation import agent_kpis, composite_scores, rank_range, ranks_under_weightings, rank_stability, team_scores
    from ..quality import quality_rollup

    calls, attendance, agents, scored = _data()
    kpis = agent_kpis(calls, attendance, quality_rollup(scored, "agent_id")["mean_score"])
    scores = composite_scores(kpis, WEIGHTINGS["balanced"], DIRECTIONS, groups=agents["queue"])
    ranks = ranks_under_weightings(kpis, WEIGHTINGS, DIRECTIONS, groups=agents["queue"])
    top = scores.sort_values(["rank", "composite"], ascending=[True, False]).head(3)
    unstable = int((rank_range(ranks)["spread"] >= UNSTABLE_SPREAD).sum())
    rho = float(rank_stability(ranks).min().min())
    teams = team_scores(scores, agents["team"])
    src = "ccskills.evaluation.composite_scores"
    top_text = ", ".join(f"{a} ({c:.3f})" for a, c in top["composite"].items())
    return [
        _fig("top3", "综合得分前三名 (composite score)", "Top three by composite score", top_text, top_text, src),
        _fig("best_team", "综合得分最高的班组", "Best team by composite score", str(teams["composite"].idxmax()),
             str(teams["composite"].idxmax()), "ccskills.evaluation.team_scores"),
        _fig("min_spearman", "三套权重名次的最低 Spearman 相关", "Lowest Spearman correlation between the three weightings",
             rho, f"{rho:.3f}", "ccskills.evaluation.rank_stability"),
        _fig("unstable", f"名次相差 {UNSTABLE_SPREAD} 名及以上的座席人数", f"Agents whose rank moves by {UNSTABLE_SPREAD} or more", unstable,
             _count(unstable), "ccskills.evaluation.rank_range"),
    ]


_BUILDERS = {"capacity": (_capacity,), "quality": (_sampling, _calibration), "call_handling": (),
             "quality_kpis": (_critical, _calibration), "attendance": (_attendance,),
             "assessment": (_critical,), "evaluation": (_composite,)}


def rule_figures(rule: str) -> tuple[Figure, ...]:
    """The computed figures rule ``rule`` quotes in its worked example (empty for none)."""
    if rule not in _BUILDERS:
        raise ValueError(f"rule must be one of {list(_BUILDERS)!r}, got {rule!r}")
    return tuple(f for build in _BUILDERS[rule] for f in build())


@lru_cache(maxsize=1)
def _actuals() -> dict[str, float]:
    from ..kpi import summarize
    from ..people import attendance_summary

    calls, attendance, _, scored = _data()
    row = summarize(calls).iloc[0]
    out = {k: float(v) for k, v in row.items() if k in REGISTRY and REGISTRY[k].unit != "calls"}
    out["attendance_rate"] = float(attendance_summary(attendance, by=None)["attendance_rate"].iloc[0])
    out["qa_score"] = float(scored["score"].mean())
    return out


def kpi_actuals(kpi: str) -> str:
    """March 2026 value of ``kpi`` on the simulated centre as text ('' when the kit does not compute it here)."""
    value = _actuals().get(kpi)
    return "" if value is None else format_value(kpi, value)
