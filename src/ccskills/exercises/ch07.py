"""Chapter 07 problem set: the management system (运营管理体系).

In ``course/07_management_system/exercises.ipynb``::

    from ccskills.exercises.ch07 import *
    bind(globals())

Each question's ``setup`` is the code the notebook runs before the answer (its givens);
expected values and typical wrong answers are computed from those givens with the kit's
own functions (``ccskills.checklists``, ``ccskills.evaluation``, ``ccskills.kpi``,
``ccskills.queueing``) when a check runs, never pasted as numbers.
"""

from __future__ import annotations


from ccskills import checklists, evaluation
from ccskills.queueing import erlang_a, offered_load

from . import EqualityQuestion, Mistake, ProblemSet, ThoughtExperiment, ____
from ._givens import given, run_givens

# ---------------------------------------------------------------- givens (one source)
IMPORTS = """\
import pandas as pd
from ccskills import checklists, evaluation, kpi
from ccskills.queueing import erlang_a, offered_load
from ccskills.datasets import load_call_records, load_call_staffing
from ccskills.datasets.people import load_attendance
"""

LOAD_CALLS = "calls = load_call_records()\n"
LOAD_PLAN = "plan = load_call_staffing()\n"
LOAD_ATTENDANCE = "attendance = load_attendance()\n"

HANDOVER = """\
floor = checklists.get_checklist("floor")
handover_answers = {"floor.handover.1": 2, "floor.handover.2": 1,
                    "floor.handover.3": 0, "floor.handover.4": 2}
"""

WORKLOAD_AGENT = 'agent_id = "A022"\n'

EVENING = """\
evening_aftersales = plan[(plan["queue"] == "aftersales")
                          & (plan["interval_start"].dt.hour >= 19)]
"""

INTERVAL = """\
calls_in_interval, aht_s, patience_s = 30, 360, 300
staffed, required = 12, 14
"""

THREE_AGENTS = """\
kpis = pd.DataFrame({"aht_s": [300.0, 420.0, 330.0], "fcr_rate": [0.70, 0.85, 0.80]},
                    index=["X", "Y", "Z"])
directions = {"aht_s": "lower", "fcr_rate": "higher"}
weights = {"aht_s": 0.4, "fcr_rate": 0.6}
"""

TWO_RANKINGS = """\
ranks = pd.DataFrame({"speed": [1, 2, 3, 4, 5], "quality": [2, 1, 5, 3, 4]},
                     index=["a", "b", "c", "d", "e"])
"""


def _handover():
    ns = run_givens(IMPORTS + HANDOVER)
    return checklists.score_checklist(ns["floor"], ns["handover_answers"]).sections.loc["handover"]


def _workload():
    ns = run_givens(IMPORTS + LOAD_CALLS + LOAD_ATTENDANCE + WORKLOAD_AGENT)
    return evaluation.agent_workload(ns["calls"], ns["attendance"]).loc[ns["agent_id"]]


def _evening():
    return given(IMPORTS + LOAD_PLAN + EVENING, "evening_aftersales")


def _interval():
    ns = run_givens(INTERVAL + "from ccskills.queueing import erlang_a, offered_load\n")
    load = offered_load(ns["calls_in_interval"], ns["aht_s"], 900)
    return ns, load


def _p_abandon(agents_name):
    ns, load = _interval()
    return erlang_a(ns[agents_name], load, ns["aht_s"], ns["patience_s"], 20).p_abandon


def _three():
    ns = run_givens(IMPORTS + THREE_AGENTS)
    return ns["kpis"], ns["directions"], ns["weights"]


def _composite(method="min_max", directions=None):
    kpis, dirs, weights = _three()
    return evaluation.composite_scores(kpis, weights, directions or dirs, method=method)


def _ranks():
    return given(IMPORTS + TWO_RANKINGS, "ranks")


# ---------------------------------------------------------------- the questions
HANDOVER_SCORE = EqualityQuestion(
    title="交接班自查得分 handover checklist",
    expected={"handover_percent": lambda: float(_handover()["percent"])},
    setup=IMPORTS + HANDOVER,
    hints=["每项 0/1/2 分，满分 = 项数 × 2；得分率 = 得分 ÷ 满分。",
           '`checklists.score_checklist(floor, handover_answers).sections.loc["handover", "percent"]`。'],
    solution=('handover_percent = checklists.score_checklist(floor, handover_answers)'
              '.sections.loc["handover", "percent"]'),
    explanation="5 分 ÷ 满分 8 分：交接人员状态一项没做到，是最该补的一项。",
    mistakes=[
        Mistake(lambda: float(_handover()["score"]), "这是得分 (5 分)，题目要得分率：除以满分。"),
        Mistake(lambda: float(_handover()["mean"]), "这是平均每项得分 (0..2)，得分率还要再除以每项满分 2。"),
    ],
)

WORKLOAD = EqualityQuestion(
    title="工作量化 workload",
    expected={"calls_per_hour": lambda: float(_workload()["calls_per_attended_hour"]),
              "handle_share": lambda: float(_workload()["handle_share"])},
    setup=IMPORTS + LOAD_CALLS + LOAD_ATTENDANCE + WORKLOAD_AGENT,
    hints=["每出勤小时接话量 = 接通量 ÷ 出勤工时；处理工时占比 = 接通量 × AHT ÷ 出勤工时（都用小时）。",
           "`evaluation.agent_workload(calls, attendance).loc[agent_id]` 一次给出两列。"],
    solution=("row = evaluation.agent_workload(calls, attendance).loc[agent_id]\n"
              'calls_per_hour = row["calls_per_attended_hour"]\n'
              'handle_share = row["handle_share"]'),
    explanation="出勤工时只算没缺勤的班次；处理工时占比低于占用率，因为分母里含小休、会议和培训。",
    mistakes=[
        Mistake(lambda: float(_workload()["answered"] / (len(
            run_givens(IMPORTS + LOAD_CALLS + LOAD_ATTENDANCE + WORKLOAD_AGENT)["attendance"]
            .query("agent_id == 'A022'")) * 7)),
            "缺勤的班次没有出勤，不能算进出勤工时：只数 status 不是 absent 的班次。"),
        Mistake(lambda: float(_workload()["handle_hours"] * 3600 / _workload()["attended_hours"]),
                "处理工时要用小时 (秒 ÷ 3600)，和出勤小时同单位。", var="handle_share"),
    ],
)

EVENING_GAP = EqualityQuestion(
    title="晚间缺口人时 evening staffing gap",
    expected={"short_hours": lambda: float(
        (_evening()["required_agents"] - _evening()["staffed_agents"]).sum() * 0.25)},
    setup=IMPORTS + LOAD_PLAN + EVENING,
    hints=["每个 15 分钟时段的缺口 = 需求座席 − 实排座席；全月相加。",
           "一个时段 = 0.25 小时：座席 × 时段 要乘 0.25 才是人时。"],
    solution=('short_hours = (evening_aftersales["required_agents"]\n'
              '               - evening_aftersales["staffed_agents"]).sum() * 0.25'),
    explanation="这就是 DMAIC 分析阶段找到的根因：晚间按白天比例排班，缺 16 % 的人时。",
    mistakes=[
        Mistake(lambda: float((_evening()["required_agents"] - _evening()["staffed_agents"]).sum()),
                "这是“座席 × 时段”的个数；每个时段 15 分钟 = 0.25 小时。"),
    ],
)

WHAT_IF = EqualityQuestion(
    title="补足人手的效果 staffing what-if",
    expected={"abandon_now": lambda: _p_abandon("staffed"),
              "abandon_required": lambda: _p_abandon("required")},
    setup=INTERVAL + "from ccskills.queueing import erlang_a, offered_load\n",
    hints=["先算话务量：`offered_load(calls_in_interval, aht_s, 900)`。",
           "`erlang_a(agents, load, aht_s, patience_s, 20).p_abandon` 是放弃概率。"],
    solution=("load = offered_load(calls_in_interval, aht_s, 900)\n"
              "abandon_now = erlang_a(staffed, load, aht_s, patience_s, 20).p_abandon\n"
              "abandon_required = erlang_a(required, load, aht_s, patience_s, 20).p_abandon"),
    explanation="多 2 个人，放弃率大约减半：在人手紧的时段，每加一人的效果最大。",
    mistakes=[
        Mistake(lambda: erlang_a(12, offered_load(30, 360, 3600), 360, 300, 20).p_abandon,
                "时段是 15 分钟 = 900 秒，话务量不能除以 3600。", var="abandon_now"),
    ],
)

MIN_MAX = EqualityQuestion(
    title="归一化 min-max normalisation",
    expected={"aht_score_z": lambda: float(_composite().loc["Z", "aht_s"])},
    setup=IMPORTS + THREE_AGENTS,
    hints=["AHT 越低越好：得分 = (最大 − x) ÷ (最大 − 最小)。",
           '`evaluation.normalise(kpis["aht_s"], "min_max", "lower")["Z"]`。'],
    solution='aht_score_z = evaluation.normalise(kpis["aht_s"], "min_max", "lower")["Z"]',
    explanation="(420 − 330) ÷ (420 − 300) = 0.75：离最好的 X 只差 30 秒。",
    mistakes=[
        Mistake(lambda: float(evaluation.normalise(_three()[0]["aht_s"], "min_max", "higher")["Z"]),
                "AHT 越低越好，要翻转方向：(最大 − x) ÷ (最大 − 最小)。"),
    ],
)

COMPOSITE = EqualityQuestion(
    title="综合得分 composite score",
    expected={"composite_x": lambda: float(_composite().loc["X", "composite"]),
              "best_agent": lambda: _composite()["composite"].idxmax()},
    setup=IMPORTS + THREE_AGENTS,
    hints=["先把两个指标都按 min_max 归一化（注意方向），再按权重加权相加。",
           "`evaluation.composite_scores(kpis, weights, directions)` 给出 `composite` 和 `rank` 列。"],
    solution=("scores = evaluation.composite_scores(kpis, weights, directions)\n"
              'composite_x = scores.loc["X", "composite"]\n'
              'best_agent = scores["composite"].idxmax()'),
    explanation="X 的 AHT 最好 (1) 但一次解决最差 (0)：0.4 × 1 + 0.6 × 0 = 0.4；Z 两项都居中偏上，综合第一。",
    mistakes=[
        Mistake(lambda: float(_composite(directions={"aht_s": "higher", "fcr_rate": "higher"})
                              .loc["X", "composite"]),
                "AHT 越低越好：X 的 AHT 最短，归一化后应得 1 分，不是 0 分。", var="composite_x"),
        Mistake(lambda: 0.4 * 300 + 0.6 * 0.70,
                "秒和比例不能直接加权相加：先归一化到同一尺度。", var="composite_x"),
    ],
)

SPEARMAN = EqualityQuestion(
    title="等级相关 rank stability",
    expected={"rho": lambda: float(evaluation.rank_stability(_ranks()).loc["speed", "quality"]),
              "c_spread": lambda: float(evaluation.rank_range(_ranks()).loc["c", "spread"])},
    setup=IMPORTS + TWO_RANKINGS,
    hints=["Spearman 相关 = 两套名次的皮尔逊相关；无并列时 = 1 − 6Σd² ÷ (n(n² − 1))。",
           '`evaluation.rank_stability(ranks).loc["speed", "quality"]`；'
           '`evaluation.rank_range(ranks).loc["c", "spread"]`。'],
    solution=('rho = evaluation.rank_stability(ranks).loc["speed", "quality"]\n'
              'c_spread = evaluation.rank_range(ranks).loc["c", "spread"]'),
    explanation="Σd² = 1 + 1 + 4 + 1 + 1 = 8，ρ = 1 − 48/120 = 0.6；c 从第 3 名到第 5 名，差 2 名。",
    mistakes=[
        Mistake(lambda: 1 - 6 * 8 / 5, "公式分母是 n(n² − 1) = 5 × 24 = 120，不是 n。", var="rho"),
    ],
)

WEIGHTS = ThoughtExperiment(
    title="谁来定权重 who sets the weights",
    solution=(
        "**权重是管理意图的表达，应当在考评周期开始前由管理层定下并公开**，而不是看了结果再调。"
        "定权重时：(1) 和中心当年的战略目标一致（本年重质量，就给质量更高权重）；(2) 小样本指标"
        "（质检每人每月二十条上下、满意度回访）权重不宜过高或改用几个月累计；(3) 发布前做敏感度检验：换几套"
        "合理权重，名次变化大的人不单独依据一个月的综合分做奖惩；(4) 每年复盘一次，写进综合考评制度。"
    ),
)

QUESTIONS = (HANDOVER_SCORE, WORKLOAD, EVENING_GAP, WHAT_IF, MIN_MAX, COMPOSITE, SPEARMAN, WEIGHTS)
PROBLEMS = ProblemSet(QUESTIONS)
bind = PROBLEMS.bind
q1, q2, q3, q4, q5, q6, q7, q8 = PROBLEMS.views
__all__ = ["____", "bind", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"]
