"""Chapter 07 problem set: the management system (运营管理体系).

In ``course/07_management_system/exercises.ipynb``::

    from ccskills.exercises.ch07 import *
    bind(globals())

Each question's ``setup`` is the code the notebook runs before the answer (its givens);
expected values and typical wrong answers are computed from those givens with the kit's
own functions (``ccskills.checklists``, ``ccskills.evaluation``, ``ccskills.kpi``,
``ccskills.queueing``, ``ccskills.incentives``) when a check runs, never pasted as numbers.
"""

from __future__ import annotations


from ccskills import checklists, evaluation, incentives
from ccskills.queueing import erlang_a, offered_load

from . import EqualityQuestion, Mistake, ProblemSet, ThoughtExperiment, ____
from ._givens import given, run_givens

# ---------------------------------------------------------------- givens (one source)
IMPORTS = """\
import pandas as pd
from ccskills import checklists, evaluation, incentives, kpi
from ccskills.queueing import erlang_a, offered_load
from ccskills.datasets import load_call_records, load_call_staffing
from ccskills.datasets.people import load_attendance
from ccskills.incentives import BonusScheme, Gate, Tier
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


SIX_AGENTS = """\
month_scores = pd.Series([0.48, 0.62, 0.79, 0.81, 0.66, 0.90], index=["U", "V", "W", "X", "Y", "Z"])
month_kpis = pd.DataFrame({"attendance_rate": [0.98, 0.92, 0.97, 0.99, 0.85, 0.96],
                           "critical_errors": [0, 1, 3, 0, 0, 1]}, index=month_scores.index)
tiers = [Tier("C", 0.0, 0.5, amount=0), Tier("B", 0.5, 0.65, multiple=0.5),
         Tier("A", 0.65, 0.8, multiple=1.0), Tier("S", 0.8, 1.0, multiple=1.5)]
gates = [Gate("attendance_rate", 0.90, name="出勤率"), Gate("critical_errors", 2, "at_most", name="致命错误")]
scheme_a = BonusScheme(tiers, gates, target_bonus=1000)
"""

BUDGET = "budget = 2800\n"

SCHEME_B = """\
ranked = [Tier("后50%", 0.0, 0.5, amount=0), Tier("中30%", 0.5, 0.8, multiple=1.0),
          Tier("前20%", 0.8, 1.0, multiple=2.0)]
scheme_b = BonusScheme(ranked, gates, basis="percentile", target_bonus=1000)
"""


def _six():
    ns = run_givens(IMPORTS + SIX_AGENTS + BUDGET + SCHEME_B)
    return ns


def _bonus(scheme="scheme_a", **change):
    """The result of a scheme of the six-agent givens, optionally changed (``dataclasses.replace``)."""
    from dataclasses import replace

    ns = _six()
    chosen = replace(ns[scheme], **change) if change else ns[scheme]
    return incentives.apply_scheme(ns["month_scores"], ns["month_kpis"], chosen)


def _change(**change):
    from dataclasses import replace

    ns = _six()
    b = replace(ns["scheme_b"], **change) if change else ns["scheme_b"]
    return incentives.comparison_summary(incentives.compare_schemes(ns["scheme_a"], b, ns["month_scores"], ns["month_kpis"]))


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

AGENT_BONUS = EqualityQuestion(
    title="一位座席的奖金 an agent's bonus",
    expected={"bonus_v": lambda: float(_bonus().loc["V", "bonus"])},
    setup=IMPORTS + SIX_AGENTS,
    hints=["先看 V 的得分落在哪一档（下限含、上限不含），再看两道门槛是否都过，最后 倍数 × 目标奖金。",
           '`incentives.apply_scheme(month_scores, month_kpis, scheme_a).loc["V", "bonus"]`。'],
    solution='bonus_v = incentives.apply_scheme(month_scores, month_kpis, scheme_a).loc["V", "bonus"]',
    explanation="V 得 0.62，落在 B 档 [0.5, 0.65)；出勤 92 % ≥ 90 %、致命错误 1 条 ≤ 2，两道门槛都过：0.5 × 1,000 = 500 元。",
    mistakes=[
        Mistake(lambda: float(_six()["scheme_a"].target_bonus), "1,000 元是目标奖金（1 倍）；B 档只发 0.5 倍。"),
        Mistake(lambda: 0.5, "0.5 是倍数，奖金要乘目标奖金 1,000 元，答案以元计。"),
    ],
)

GATES = EqualityQuestion(
    title="谁没过门槛 who fails a gate",
    expected={"failed_w": lambda: _bonus().loc["W", "failed_gate"],
              "gated_out": lambda: int((~_bonus()["gates_passed"]).sum())},
    setup=IMPORTS + SIX_AGENTS,
    hints=["逐人看两道门槛：出勤率至少 90 %，致命错误至多 2 条。没过任何一道就没有奖金。",
           '`result = incentives.apply_scheme(month_scores, month_kpis, scheme_a)`；看 `result["failed_gate"]` 和 `result["gates_passed"]`。'],
    solution=("result = incentives.apply_scheme(month_scores, month_kpis, scheme_a)\n"
              'failed_w = result.loc["W", "failed_gate"]\n'
              'gated_out = int((~result["gates_passed"]).sum())'),
    explanation="W 有 3 条致命错误 (> 2)，Y 出勤 85 % (< 90 %)：两人被门槛挡住。U 也没拿到奖金，但那是因为得分 0.48 在 C 档，不是门槛。",
    mistakes=[
        Mistake(lambda: int((~_bonus()["gates_passed"]).sum()) + 1,
                "U 没拿到奖金是因为得分在 C 档（0 元），他两道门槛都过了：没过门槛和没拿到奖金不是一回事。", var="gated_out"),
        Mistake(lambda: 1, "两道门槛都要看：W 出勤没问题，但致命错误 3 条超过了 2 条。", var="gated_out"),
        Mistake(lambda: "出勤率", "W 的出勤 97 % 过了出勤门槛；他没过的是致命错误（3 条 > 2 条）。", var="failed_w"),
    ],
)

COST = EqualityQuestion(
    title="奖金总额与奖金池 cost and pool",
    expected={"total_cost": lambda: incentives.bonus_cost(_bonus()).total,
              "pooled_x": lambda: float(_bonus(pool=float(_six()["budget"])).loc["X", "bonus"])},
    setup=IMPORTS + SIX_AGENTS + BUDGET,
    hints=["总额 = 每人奖金相加（没过门槛的是 0）；奖金池把每人的奖金乘同一个比例 = 预算 ÷ 原总额。",
           "`incentives.bonus_cost(result).total`；奖金池：`dataclasses.replace(scheme_a, pool=budget)` 再 `apply_scheme`。"],
    solution=("from dataclasses import replace\n"
              "total_cost = incentives.bonus_cost(incentives.apply_scheme(month_scores, month_kpis, scheme_a)).total\n"
              "pooled = incentives.apply_scheme(month_scores, month_kpis, replace(scheme_a, pool=budget))\n"
              'pooled_x = pooled.loc["X", "bonus"]'),
    explanation="V 500 + X 1,500 + Z 1,500 = 3,500 元；预算 2,800 元，比例 0.8：X 拿 1,200 元。",
    mistakes=[
        Mistake(lambda: float(_bonus(gates=())["bonus"].sum()),
                "没过门槛的 W、Y 不发奖金：总额只加过了门槛的人。", var="total_cost"),
        Mistake(lambda: float(_bonus().loc["X", "bonus"]), "这是没有奖金池时 X 的奖金；预算不够，要按比例缩小。", var="pooled_x"),
        Mistake(lambda: _six()["budget"] / 3, "奖金池是按比例缩放，不是平分：S 档的人仍然比 B 档的人多。", var="pooled_x"),
    ],
)

WINNERS = EqualityQuestion(
    title="换方案谁少拿 who loses under scheme B",
    expected={"losers": lambda: _change().losers, "cost_change": lambda: _change().cost_change},
    setup=IMPORTS + SIX_AGENTS + SCHEME_B,
    hints=["方案 B 按百分位分档：6 人按得分排序，百分位 = (名次 − 1) ÷ 5，最低 0、最高 1；门槛不变。",
           "`incentives.comparison_summary(incentives.compare_schemes(scheme_a, scheme_b, month_scores, month_kpis))`。"],
    solution=("summary = incentives.comparison_summary(incentives.compare_schemes(scheme_a, scheme_b, month_scores, month_kpis))\n"
              "losers = summary.losers\n"
              "cost_change = summary.cost_change"),
    explanation="百分位：U 0、V 0.2、Y 0.4、W 0.6、X 0.8、Z 1。V 从 B 档 500 元落到后 50 %（0 元），是唯一少拿的人；X、Z 各多拿 500 元，总成本多 500 元。",
    mistakes=[
        Mistake(lambda: _change(basis="score").losers,
                "方案 B 按百分位分档，不按分数：V 得 0.62，但在 6 人里排倒数第二（百分位 0.2），落在后 50 %。", var="losers"),
        Mistake(lambda: -_change().cost_change, "变化 = 方案 B − 方案 A：B 多花钱，是正数。", var="cost_change"),
    ],
)

CLIFF = ThoughtExperiment(
    title="档位悬崖 cliff edges",
    solution=(
        "**0.79 和 0.81 的差别远小于一个月分数的噪声，奖金却差 500 元：这是档位悬崖 (cliff edge)。**"
        "后果：分界线附近的人为每一个小数点申诉，或者去刷最容易动的指标（草草挂机压 AHT、挑电话）。"
        "对策：(1) 用平滑后的分数定档（本月和前两个月平均），减少噪声跨档；(2) 档位少而宽，相邻档的金额差不要太陡，"
        "或在档位之间线性过渡；(3) 分界和金额事先公布，申诉按制度走；(4) 每月用 `incentives.cliff_edges` 看分界线附近有多少人。"
    ),
)

QUESTIONS = (HANDOVER_SCORE, WORKLOAD, EVENING_GAP, WHAT_IF, MIN_MAX, COMPOSITE, SPEARMAN, WEIGHTS,
             AGENT_BONUS, GATES, COST, WINNERS, CLIFF)
PROBLEMS = ProblemSet(QUESTIONS)
bind = PROBLEMS.bind
q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12, q13 = PROBLEMS.views
__all__ = ["____", "bind", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11", "q12", "q13"]
