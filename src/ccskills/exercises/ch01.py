"""Chapter 01 problem set: performance management foundations (运营绩效管理基础), without Kano.

In ``course/01_performance_foundations/exercises.ipynb``::

    from ccskills.exercises.ch01 import *
    bind(globals())

Each question's ``setup`` is the code the notebook runs before the answer (its
givens); expected values and typical wrong answers are computed from those givens
with the kit's own functions (``ccskills.kpi``, ``ccskills.spc``,
``ccskills.staffing``) when a check runs, never pasted as numbers. Questions 4, 5
and 8 read the committed March 2026 data.
"""

from __future__ import annotations

import math
import statistics

from ccskills import kpi, spc
from ccskills.staffing import plan_staffing

from . import EqualityQuestion, Mistake, ProblemSet, ThoughtExperiment, ____
from ._givens import given

# ---------------------------------------------------------------- givens (one source)
# Each block is run verbatim by the tests and appears verbatim in the exercise notebook.

IMPORTS = """\
import pandas as pd

from ccskills import kpi, spc
from ccskills.datasets import load_call_records, load_call_staffing
from ccskills.staffing import plan_staffing
"""

LOAD = "calls = load_call_records()\n"

SURVEY = """\
survey = pd.DataFrame({"nps": [10, 9, 9, 8, 7, 10, 6, 3, 9, 5, None, 10]})
"""

STATUS = "service_level_today, target, amber = 0.77, 0.80, 0.75\n"

PLAN = """\
plan = load_call_staffing()
aftersales = plan[plan["queue"] == "aftersales"].set_index("interval_start")
forecast_calls, forecast_aht = aftersales["forecast_calls"], aftersales["forecast_aht_s"]
hourly_cost = 59.45
"""

ANSWERED = 'answered = calls[calls["outcome"] == "answered"]\n'

P_CHART = """\
abandoned = [40, 52, 61, 38, 45]
offered = [800, 950, 700, 820, 900]
"""

ASA_DAYS = "asa_by_day = [12, 15, 11, 14, 13, 18, 12, 16]\n"

ERRORS = """\
errors = {"wrong info": 48, "no verification": 21, "hold too long": 12, "no recap": 9,
          "rude tone": 6, "wrong transfer": 4}
"""


def _survey():
    return given(IMPORTS + SURVEY, "survey")


def _status():
    return (given(STATUS, "service_level_today"), given(STATUS, "target"), given(STATUS, "amber"))


def _plan_cost(target: float) -> float:
    calls = given(IMPORTS + PLAN, "forecast_calls")
    aht = given(IMPORTS + PLAN, "forecast_aht")
    cost = given(IMPORTS + PLAN, "hourly_cost")
    return float(plan_staffing(calls, aht, target_sl=target, shrinkage=0.36,
                               hourly_cost=cost).summary()["cost"])


def _plan_hours(target: float) -> float:
    calls = given(IMPORTS + PLAN, "forecast_calls")
    aht = given(IMPORTS + PLAN, "forecast_aht")
    return float(plan_staffing(calls, aht, target_sl=target, shrinkage=0.36).summary()["paid_hours"])


def _answered():
    return given(IMPORTS + LOAD + ANSWERED, "answered")


def _p_chart():
    return spc.p_chart(given(P_CHART, "abandoned"), given(P_CHART, "offered"))


def _asa():
    return given(ASA_DAYS, "asa_by_day")


def _why():
    return kpi.what_changed(given(IMPORTS + LOAD, "calls"), "service_level", "W", current="2026-03-09")


def _errors():
    return given(ERRORS, "errors")


# ---------------------------------------------------------------- the questions
FAMILY = EqualityQuestion(
    title="指标类别 KPI family",
    expected={"family": lambda: kpi.indicator("fcr_rate").family},
    setup=IMPORTS,
    hints=["每个指标在登记表 `kpi.REGISTRY` 里都有类别 (family)。",
           "`kpi.indicator(\"fcr_rate\").family`；类别代码是 service / quality / cost_efficiency / people。"],
    solution='family = kpi.indicator("fcr_rate").family',
    explanation="一次解决率衡量服务得对不对：质量类。它是 AHT 的配对指标。",
    mistakes=[
        Mistake("service", "一次解决率不是“及时”的指标：服务类看打得进、等得短；一次解决看问题是否解决，属于质量类。"),
        Mistake("cost_efficiency", "一次解决率会影响成本（重复来电），但它衡量的是质量：问题有没有一次解决。"),
    ],
)

NPS = EqualityQuestion(
    title="净推荐值 NPS",
    expected={"nps": lambda: kpi.net_promoter_score(_survey())},
    setup=IMPORTS + SURVEY,
    hints=["NPS = 推荐者 (9–10 分) 的百分比 − 贬损者 (0–6 分) 的百分比，范围 −100 到 100。",
           "没回答的 (None) 不算在分母里。`kpi.net_promoter_score(survey)`。"],
    solution="nps = kpi.net_promoter_score(survey)",
    explanation="11 个回答：推荐者 6 个、贬损者 3 个，NPS = (6 − 3) ÷ 11 × 100 ≈ 27.3。",
    mistakes=[
        Mistake(lambda: 100 * 6 / 11, "你只算了推荐者的比例；NPS 还要减去贬损者 (0–6 分) 的比例。"),
        Mistake(lambda: 100 * (6 - 3) / 12, "没回答这一题的客户 (None) 不算在分母里：分母是 11 个回答。"),
    ],
)

STATUS_Q = EqualityQuestion(
    title="红黄绿灯 RAG status",
    expected={"status": lambda: kpi.rag_status([_status()[0]], "higher", _status()[1], _status()[2]).iloc[0]},
    setup=IMPORTS + STATUS,
    hints=["越高越好的指标：达到目标是绿灯；未达目标但不低于警戒线是黄灯；低于警戒线是红灯。",
           "`kpi.rag_status([service_level_today], \"higher\", target, amber).iloc[0]`。"],
    solution='status = kpi.rag_status([service_level_today], "higher", target, amber).iloc[0]',
    explanation="77 % 未达 80 %，但在 75 % 的警戒线之上：黄灯，要关注趋势，不必立刻追责。",
    mistakes=[
        Mistake("red", "77 % 没有低于警戒线 75 %：未达目标但在警戒线内是黄灯 (amber)。"),
        Mistake("green", "77 % 没有达到 80 % 的目标，不能是绿灯。"),
    ],
)

SL_COST = EqualityQuestion(
    title="服务水平与成本 SL vs cost",
    expected={"extra_cost": lambda: _plan_cost(0.9) - _plan_cost(0.8)},
    setup=IMPORTS + LOAD + PLAN,
    hints=["用 `plan_staffing(forecast_calls, forecast_aht, target_sl=..., shrinkage=0.36, "
           "hourly_cost=hourly_cost)` 做 0.8 和 0.9 两个方案。",
           "`.summary()[\"cost\"]` 是整月成本；相减。"],
    solution=('cost_80 = plan_staffing(forecast_calls, forecast_aht, target_sl=0.8, shrinkage=0.36,\n'
              '                        hourly_cost=hourly_cost).summary()["cost"]\n'
              'cost_90 = plan_staffing(forecast_calls, forecast_aht, target_sl=0.9, shrinkage=0.36,\n'
              '                        hourly_cost=hourly_cost).summary()["cost"]\n'
              "extra_cost = cost_90 - cost_80"),
    explanation="售后一个月多花约 4 万元，换来服务水平约 +7.5 个百分点：最后的几个百分点最贵。",
    mistakes=[
        Mistake(lambda: _plan_cost(0.9), "这是 90 % 方案的整月成本；题目问的是比 80 % 多花多少（相减）。"),
        Mistake(lambda: _plan_hours(0.9) - _plan_hours(0.8),
                "这是多出的带薪小时；还要乘以每小时成本（或在方案里给 `hourly_cost`）。"),
    ],
)

TRANSFER_FCR = EqualityQuestion(
    title="转接与一次解决 transfers and FCR",
    expected={"fcr_transferred": lambda: kpi.first_contact_resolution_rate(
        _answered()[_answered()["transferred"]])},
    setup=IMPORTS + LOAD + ANSWERED,
    hints=["只取被转接的接通电话：`answered[answered[\"transferred\"]]`。",
           "`kpi.first_contact_resolution_rate(...)`：分母是有解决标记的电话。"],
    solution='fcr_transferred = kpi.first_contact_resolution_rate(answered[answered["transferred"]])',
    explanation="被转接的电话只有约四成一次解决：靠转接“压”出来的 AHT，是把工作推给了客户和下一位座席。",
    mistakes=[
        Mistake(lambda: kpi.first_contact_resolution_rate(_answered()),
                "这是全部接通电话的一次解决率；题目只问被转接的电话。"),
        Mistake(lambda: 1 - kpi.first_contact_resolution_rate(_answered()[_answered()["transferred"]]),
                "你算的是未解决的比例；一次解决率是解决的 ÷ 有标记的。"),
    ],
)

P_CHART_Q = EqualityQuestion(
    title="p 控制图上限 p-chart UCL",
    expected={"ucl_day3": lambda: float(_p_chart().points["ucl"].iloc[2])},
    setup=IMPORTS + P_CHART,
    hints=["中心线 p̄ = 放弃总数 ÷ 来话总数（5 天合计），不是每天的放弃率。",
           "第 3 天：UCL = p̄ + 3 √(p̄(1 − p̄) / n₃)，n₃ = 700。`spc.p_chart(abandoned, offered)`。"],
    solution='ucl_day3 = spc.p_chart(abandoned, offered).points["ucl"].iloc[2]',
    explanation="第 3 天来话最少，控制限最宽；它的放弃率 8.7 % 超出了上限 (约 8.3 %)：一个异常信号。",
    mistakes=[
        Mistake(lambda: _p_chart().center + 3 * math.sqrt(_p_chart().center * (1 - _p_chart().center)),
                "标准差要除以当天的样本量 n：√(p̄(1 − p̄) / n)。"),
        Mistake(lambda: 61 / 700 + 3 * math.sqrt((61 / 700) * (1 - 61 / 700) / 700),
                "中心线用全部 5 天的 p̄（放弃总数 ÷ 来话总数），不是第 3 天自己的放弃率。"),
    ],
)

XMR = EqualityQuestion(
    title="单值图上限 XmR UCL",
    expected={"ucl": lambda: float(spc.individuals_chart(_asa()).x.points["ucl"].iloc[0])},
    setup=IMPORTS + ASA_DAYS,
    hints=["单值图的 σ 用移动极差估计：σ = MR̄ ÷ 1.128（MR = 相邻两天之差的绝对值）。",
           "UCL = x̄ + 3 × MR̄ ÷ 1.128 ≈ x̄ + 2.66 MR̄；`spc.individuals_chart(asa_by_day)`。"],
    solution='ucl = spc.individuals_chart(asa_by_day).x.points["ucl"].iloc[0]',
    explanation="用移动极差估计的 σ 只反映短期（相邻两天）的波动，所以趋势和异常点不会把控制限撑宽。",
    mistakes=[
        Mistake(lambda: statistics.mean(_asa()) + 3 * statistics.stdev(_asa()),
                "单值图不用样本标准差：用移动极差 MR̄ ÷ 1.128 估计 σ（异常点不会把控制限撑宽）。"),
        Mistake(lambda: statistics.mean(_asa()) + 3 * statistics.mean(
            abs(b - a) for a, b in zip(_asa(), _asa()[1:])),
                "MR̄ 要除以 d2 = 1.128 才是 σ：UCL = x̄ + 3 × MR̄ ÷ 1.128（≈ x̄ + 2.66 MR̄）。"),
    ],
)

WHAT_CHANGED = EqualityQuestion(
    title="变化了什么 what changed",
    expected={"aftersales_rate_effect": lambda: float(_why().loc["aftersales", "rate_effect"])},
    setup=IMPORTS + LOAD,
    hints=["`kpi.what_changed(calls, \"service_level\", \"W\", current=\"2026-03-09\")` 按队列拆分周对周的变化。",
           "自身变化 (rate_effect) = 两周平均占比 × 售后自身服务水平的变化。"],
    solution=('why = kpi.what_changed(calls, "service_level", "W", current="2026-03-09")\n'
              'aftersales_rate_effect = why.loc["aftersales", "rate_effect"]'),
    explanation="售后自身变差约 2.6 个百分点，被它话量占比上升抵消，合计几乎不变：只看合计会漏掉它。",
    mistakes=[
        Mistake(lambda: float(_why().loc["aftersales", "current"] - _why().loc["aftersales", "previous"]),
                "这是售后自身服务水平的变化（−4.7 个百分点）；对合计的影响还要乘以售后的平均占比。"),
        Mistake(lambda: float(_why().loc["aftersales", "contribution"]),
                "这是售后的总贡献（自身变化 + 结构变化）；题目只问自身变化 rate_effect。"),
    ],
)

PARETO = EqualityQuestion(
    title="帕累托：关键少数 vital few",
    expected={"vital_few": lambda: int(spc.pareto_table(_errors())["vital_few"].sum())},
    setup=IMPORTS + ERRORS,
    hints=["按次数从多到少排，算累计占比；关键少数是累计占比达到 80 % 为止的那几类（含刚好越过 80 % 的那一类）。",
           "`spc.pareto_table(errors)[\"vital_few\"].sum()`。"],
    solution='vital_few = int(spc.pareto_table(errors)["vital_few"].sum())',
    explanation="100 个错误里，前 3 类占 81 %：辅导和流程改进先针对它们。",
    mistakes=[
        Mistake(2, "累计到第 2 类只有 69 %，还没到 80 %：把让累计占比越过 80 % 的那一类也算进关键少数。"),
        Mistake(6, "关键少数只是累计到 80 % 的前几类，不是全部类别。"),
    ],
)

PRINCIPLES = ThoughtExperiment(
    title="配对看指标 pairing KPIs",
    solution=(
        "**只考核 AHT，座席最容易的办法是转接难题、匆忙结束通话**：AHT 变短，一次解决率和满意度下降，"
        "重复来电增加（第 2 课：被转接的电话一次解决率约 40 %）。所以 AHT 要和一次解决率、转接率、"
        "满意度配对考核；同样，服务水平配单呼成本，占用率配 ASA 和流失率。选 KPI 的原则："
        "从客户出发、四类平衡、定义写清、可控可归责、少而精、看趋势和控制图而不是单点。"
    ),
)

QUESTIONS = (FAMILY, NPS, STATUS_Q, SL_COST, TRANSFER_FCR, P_CHART_Q, XMR, WHAT_CHANGED, PARETO,
             PRINCIPLES)
PROBLEMS = ProblemSet(QUESTIONS)
bind = PROBLEMS.bind
q1, q2, q3, q4, q5, q6, q7, q8, q9, q10 = PROBLEMS.views

__all__ = ["____", "bind", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10"]
