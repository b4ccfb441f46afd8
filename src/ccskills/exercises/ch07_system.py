"""Chapter 07 management-system problem set: culture, objectives, the annual plan, the audit, system selection.

In ``course/07_management_system/exercises_system.ipynb``::

    from ccskills.exercises.ch07_system import *
    bind(globals())

Each question's ``setup`` is the code the notebook runs before the answer (its givens);
expected values and typical wrong answers are computed from those givens with
``ccskills.management.system`` when a check runs, never pasted. Question 5 reads the kit's
interval history (``datasets/wfm``) and question 6 the March baseline (``datasets/``).
"""

from __future__ import annotations

from functools import cache

from ccskills.management.system import audit_score, objective_group, quarter_milestones, vendor_scores

from . import EqualityQuestion, Mistake, ProblemSet, ThoughtExperiment, ____
from ._givens import given

# ---------------------------------------------------------------- givens (one source)
IMPORTS = """\
import pandas as pd
from ccskills.management.system import annual_fte_plan, audit_score, baseline_kpis
from ccskills.management.system import objective_group, quarter_milestones, vendor_scores
"""

AUDIT = """\
audit = pd.DataFrame({
    "part": ["culture", "culture", "operating_model", "strategic_plan", "review", "review"],
    "weight": [2, 1, 3, 3, 3, 2],
    "score": [2, 1, 2, 3, 1, 0],
})
"""

REQUIREMENTS = """\
requirements = pd.DataFrame({
    "id": ["ACD1", "IVR2", "CRM1", "WFM1", "QA3", "RPT2"],
    "priority": ["must", "must", "must", "must", "could", "should"],
    "weight": [3, 3, 3, 3, 1, 2],
    "A": [3, 2, 2, 2, 1, 2],
    "B": [3, 3, 3, 0, 3, 3],
})
"""

PLAN = """\
from ccskills.datasets.wfm import load_interval_history
plan = annual_fte_plan(load_interval_history("ecommerce"))
nov = plan.months.loc["2026-11-01"]
"""

CSAT = """\
baseline = baseline_kpis()["csat_top2_box"]
target = 0.85
"""


def _audit():
    return given(IMPORTS + AUDIT, "audit")


def _requirements():
    return given(IMPORTS + REQUIREMENTS, "requirements")


@cache
def _nov():
    return given(IMPORTS + PLAN, "nov")


def _csat() -> tuple[float, float]:
    return given(IMPORTS + CSAT, "baseline"), given(IMPORTS + CSAT, "target")


def _vendor_total(vendor: str) -> float:
    return float(vendor_scores(_requirements()).table.loc[vendor, "weighted_total"])


# ---------------------------------------------------------------- the questions
AUDIT_TOTAL = EqualityQuestion(
    title="审核得分率 audit score",
    expected={"audit_total": lambda: audit_score(_audit()).total},
    setup=IMPORTS + AUDIT,
    hints=["得分率 = Σ 权重 × 得分 ÷ (3 × Σ 权重)：每项满分 3 分。",
           "权重大的检查项更重要：不能直接把得分平均。",
           "`audit_score(audit)` 返回的结果里 `.total` 就是得分率。"],
    solution="audit_total = audit_score(audit).total",
    explanation="23 分 ÷ 满分 42 分 ≈ 54.8 %，低于 60 %：需改进；绩效评审和提高方法只有 20 %，是最弱的一部分。",
    mistakes=[
        Mistake(lambda: float(_audit()["score"].mean() / 3),
                "你把得分直接平均了：检查项的权重不同，要按权重加权（Σ 权重 × 得分 ÷ (3 × Σ 权重)）。"),
        Mistake(lambda: float((_audit()["weight"] * _audit()["score"]).sum() / _audit()["weight"].sum()),
                "这是 0–3 分制下的加权平均分；得分率还要除以满分 3。"),
    ],
)

VENDOR_TOTAL = EqualityQuestion(
    title="供应商加权总分 weighted vendor total",
    expected={"total_b": lambda: _vendor_total("B")},
    setup=IMPORTS + REQUIREMENTS,
    hints=["加权总分 = Σ 权重 × 得分 ÷ (3 × Σ 权重)。",
           "`vendor_scores(requirements).table` 每个供应商一行，列 `weighted_total`。"],
    solution='total_b = vendor_scores(requirements).table.loc["B", "weighted_total"]',
    explanation="B 得 36 分，满分 3 × 15 = 45 分：80 %，比 A（71.1 %）高。",
    mistakes=[
        Mistake(lambda: float(_requirements()["B"].mean() / 3),
                "你没有按权重加权：“必须”项权重 3，“可以”项只有 1。"),
        Mistake(lambda: float((_requirements()["weight"] * _requirements()["B"]).sum() / _requirements()["weight"].sum()),
                "这是 0–3 分制的加权平均分；加权总分还要除以满分 3。"),
    ],
)

CHOSEN = EqualityQuestion(
    title="选哪个供应商 which vendor",
    expected={"chosen": lambda: vendor_scores(_requirements()).best},
    setup=IMPORTS + REQUIREMENTS,
    hints=["先看有没有供应商在“必须”项上得 0 分（不支持）。",
           "`vendor_scores(requirements).best` 是入围供应商里加权总分最高的。"],
    solution="chosen = vendor_scores(requirements).best",
    explanation="B 总分更高，但“15 分钟话务预测与 Erlang 人力计算”(WFM1) 是必须项、B 不支持：B 不入围，选 A。",
    mistakes=[
        Mistake("B", "B 的加权总分最高，但它在必须项 WFM1 上得 0 分（不支持）：未满足“必须”的供应商总分再高也不入围。"),
    ],
)

GROUPS = EqualityQuestion(
    title="指标属于哪类战略目标 objective groups",
    expected={"group_shrinkage": lambda: objective_group("shrinkage"),
              "group_fcr": lambda: objective_group("fcr_rate")},
    setup=IMPORTS,
    hints=["四类：客户 customer、财务 financial、内部运营 internal、员工成长 people。",
           "损耗率是排班和现场管理管得住的运营效率；一次解决率是客户直接感受到的结果。",
           "`objective_group(\"shrinkage\")`。"],
    solution='group_shrinkage = objective_group("shrinkage")\ngroup_fcr = objective_group("fcr_rate")',
    explanation="损耗率影响成本，但它是运营过程指标，归内部运营；一次解决率是客户结果，归客户类。财务类只放钱的结果（单呼成本）。",
    mistakes=[
        Mistake("financial", "损耗率会推高成本，但它本身是运营过程指标（排班、现场管理管得住），归内部运营 internal；"
                             "财务类放的是钱的结果，例如单呼成本。", var="group_shrinkage"),
        Mistake("internal", "一次解决率是客户直接感受到的结果，归客户 customer 类。", var="group_fcr"),
    ],
)

FTE = EqualityQuestion(
    title="一个月的 FTE monthly FTE",
    expected={"fte_nov": lambda: float(_nov()["fte"])},
    setup=IMPORTS + PLAN,
    hints=["FTE = 带薪人时 ÷ (每 FTE 年带薪工时 1,984 × 当月天数 ÷ 365)。",
           "用带薪人时 `paid_hours`（已按损耗率排班），不是在线人时 `phone_hours`。",
           "11 月有 30 天。"],
    solution='fte_nov = nov["paid_hours"] / (1984 * 30 / 365)',
    explanation="2026 年 11 月（参照 2025 年 11 月，含双 11）是全年需要人力最多的月份，约 113 FTE。",
    mistakes=[
        Mistake(lambda: float(_nov()["phone_hours"] / (1984 * 30 / 365)),
                "你用了在线人时：座席还要小休、培训、请假（损耗），要用按损耗率排班后的带薪人时 paid_hours。"),
        Mistake(lambda: float(_nov()["paid_hours"] / (1984 / 12)),
                "每月工时不是 1,984 ÷ 12：按当月天数折算，1,984 × 30 ÷ 365。"),
    ],
)

MILESTONE = EqualityQuestion(
    title="第二季度里程碑 Q2 milestone",
    expected={"q2_milestone": lambda: quarter_milestones(*_csat())[1]},
    setup=IMPORTS + CSAT,
    hints=["里程碑从基线到目标按季度等分：Q k = 基线 + (目标 − 基线) × k ÷ 4。",
           "`quarter_milestones(baseline, target)` 返回 Q1–Q4 四个值；Q2 是第二个（下标 1）。"],
    solution="q2_milestone = quarter_milestones(baseline, target)[1]",
    explanation="三月满意度 75.3 %，目标 85 %：第二季度末应到两者正中间，约 80.2 %。",
    mistakes=[
        Mistake(lambda: (_csat()[1] - _csat()[0]) / 2,
                "这只是要提升的幅度的一半；里程碑是基线加上它：基线 + (目标 − 基线) × 2 ÷ 4。"),
        Mistake(lambda: quarter_milestones(*_csat())[2],
                "这是第三季度的里程碑：Python 下标从 0 开始，Q2 是 `[1]`。"),
    ],
)

FIRST_FIX = ThoughtExperiment(
    title="审核之后先改什么 what to fix first",
    solution=(
        "**先补“绩效评审和提高方法”里权重最大、得分最低的项**：示例中心的季度计划评审只有 1 分（权重 3），"
        "年度审核本身 0 分。没有评审，年度计划里的目标和里程碑就没人对照，文化和流程写得再好也落不了地。"
        "做法：把季度计划评审排进日历（运营总监主持，对照里程碑表），把本次审核的待改进项写成整改计划、"
        "指定负责人和完成时间，下季度评审时逐项关闭。文化的分数低（47.6 %）也要改，但要先有评审机制，"
        "才能知道文化活动有没有效果。"
    ),
)

QUESTIONS = (AUDIT_TOTAL, VENDOR_TOTAL, CHOSEN, GROUPS, FTE, MILESTONE, FIRST_FIX)
PROBLEMS = ProblemSet(QUESTIONS)
bind = PROBLEMS.bind
q1, q2, q3, q4, q5, q6, q7 = PROBLEMS.views

__all__ = ["____", "bind", "q1", "q2", "q3", "q4", "q5", "q6", "q7"]
