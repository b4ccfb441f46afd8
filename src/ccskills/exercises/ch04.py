"""Chapter 04 problem set: cost and efficiency metrics (服务成本效率指标).

In ``course/04_cost_efficiency/exercises.ipynb``::

    from ccskills.exercises.ch04 import *
    bind(globals())

Each question's ``setup`` is the code the notebook runs before the answer (its
givens); expected values and typical wrong answers are computed from those givens
with the kit's own functions (``ccskills.kpi``, ``ccskills.staffing``) when a check
runs, never pasted as numbers. Questions 1-3 and 6 read the committed March 2026
cost lines, calls and agent states, question 7 the month's staffing plan.
"""

from __future__ import annotations


from ccskills import kpi
from ccskills.staffing import HOURS_PER_FTE, full_time_equivalents, plan_staffing

from . import EqualityQuestion, Mistake, ProblemSet, ThoughtExperiment, ____
from ._givens import given

# ---------------------------------------------------------------- givens (one source)
# Each block is run verbatim by the tests and appears verbatim in the exercise notebook.

IMPORTS = """\
import pandas as pd

from ccskills import kpi
from ccskills.datasets import load_call_records, load_call_staffing
from ccskills.datasets.operations import load_agent_states, load_cost_lines
from ccskills.staffing import HOURS_PER_FTE, full_time_equivalents, plan_staffing
"""

LOAD = """\
calls = load_call_records()
costs = load_cost_lines()
states = load_agent_states()
"""

PRESALES = """\
presales_calls = calls[calls["queue"] == "presales"]
presales_costs = costs[costs["queue"] == "presales"]
"""

AFTERSALES = """\
aftersales_costs = costs[costs["queue"] == "aftersales"]
aftersales_states = states[states["queue"] == "aftersales"]
"""

ONE_DAY = """\
day = pd.DataFrame({"paid_s": [28800], "logged_in_s": [26100], "available_s": [5400],
                    "talk_s": [12600], "hold_s": [900], "acw_s": [2700], "not_ready_s": [4500]})
"""

PLAN = """\
plan = load_call_staffing()
aftersales = plan[plan["queue"] == "aftersales"].set_index("interval_start")
forecast_calls, forecast_aht = aftersales["forecast_calls"], aftersales["forecast_aht_s"]
"""

IDENTITY = "cost_per_hour, aht_s, occupancy = 150, 300, 0.75\n"

ONLINE = """\
online_hours = 1000
hours_per_fte_month = HOURS_PER_FTE * 31 / 365
"""


def _costs():
    return given(IMPORTS + LOAD, "costs")


def _category(name: str, column: str = "amount_cny") -> float:
    costs = _costs()
    return float(costs.loc[costs["category"] == name, column].sum())


def _presales(name: str):
    return given(IMPORTS + LOAD + PRESALES, name)


def _aftersales(name: str):
    return given(IMPORTS + LOAD + AFTERSALES, name)


def _day():
    return given(IMPORTS + ONE_DAY, "day")


def _plan_paid_hours(shrinkage: float) -> float:
    calls = given(IMPORTS + PLAN, "forecast_calls")
    aht = given(IMPORTS + PLAN, "forecast_aht")
    return float(plan_staffing(calls, aht, shrinkage=shrinkage).summary()["paid_hours"])


def _identity():
    return (given(IDENTITY, "cost_per_hour"), given(IDENTITY, "aht_s"), given(IDENTITY, "occupancy"))


def _fte(shrinkage: float) -> float:
    per_month = HOURS_PER_FTE * 31 / 365
    return full_time_equivalents(given(IMPORTS + ONLINE, "online_hours"), hours_per_fte=per_month,
                                 shrinkage=shrinkage)


def _online_per_fte() -> float:
    return given(IMPORTS + ONLINE, "online_hours") / given(IMPORTS + ONLINE, "hours_per_fte_month")


# ---------------------------------------------------------------- the questions
LABOUR_SHARE = EqualityQuestion(
    title="人工成本占比 labour share",
    expected={"labour_share": lambda: _category("labour") / kpi.total_cost(_costs())},
    setup=IMPORTS + LOAD,
    hints=["人工占比 = 类别 `labour` 的实际金额 ÷ 全部实际金额，用小数。",
           "`costs.loc[costs[\"category\"] == \"labour\", \"amount_cny\"].sum()`；总额用 `kpi.total_cost(costs)`。"],
    solution=('labour = costs.loc[costs["category"] == "labour", "amount_cny"].sum()\n'
              "labour_share = labour / kpi.total_cost(costs)"),
    explanation="约三分之二的钱花在座席和班组长身上；再加上管理人员，人的时间是成本的大头。",
    mistakes=[
        Mistake(lambda: 100 * _category("labour") / kpi.total_cost(_costs()),
                "请用小数表示（例如 0.65），不要乘以 100。"),
        Mistake(lambda: _category("labour") / float(_costs()["budget_cny"].sum()),
                "分母用了预算总额；这里问的是实际成本 (amount_cny) 的构成。"),
    ],
)

COST_PER_CONTACT = EqualityQuestion(
    title="单呼成本 cost per contact",
    expected={"cpc_presales": lambda: kpi.cost_per_contact(
        kpi.total_cost(_presales("presales_costs")), kpi.call_counts(_presales("presales_calls")).answered)},
    setup=IMPORTS + LOAD + PRESALES,
    hints=["单呼成本 = 售前的总成本 ÷ 售前的接通量（默认口径：处理的联络数）。",
           "`kpi.call_counts(presales_calls).answered`；"
           "`kpi.cost_per_contact(kpi.total_cost(presales_costs), answered)`。"],
    solution=("answered = kpi.call_counts(presales_calls).answered\n"
              "cpc_presales = kpi.cost_per_contact(kpi.total_cost(presales_costs), answered)"),
    explanation="售前每通电话约 15.6 元，比售后便宜得多：AHT 短一半。",
    mistakes=[
        Mistake(lambda: kpi.total_cost(_presales("presales_costs"))
                / kpi.call_counts(_presales("presales_calls")).offered,
                "你除以了来话量（口径 per_offered）；本题按接通量（处理的联络）算。"),
        Mistake(lambda: kpi.total_cost(_costs()) / kpi.call_counts(_presales("presales_calls")).answered,
                "分子用了全中心的成本；只取售前队列的成本明细 `presales_costs`。"),
    ],
)

COST_PER_HOUR = EqualityQuestion(
    title="每生产小时成本 cost per productive hour",
    expected={"cpph_aftersales": lambda: kpi.cost_per_productive_hour(
        kpi.total_cost(_aftersales("aftersales_costs")), kpi.productive_hours(_aftersales("aftersales_states")))},
    setup=IMPORTS + LOAD + AFTERSALES,
    hints=["生产小时（默认口径）= 处理 + 示闲的小时：座席在线可接电话的时间。",
           "`kpi.productive_hours(aftersales_states)`；"
           "`kpi.cost_per_productive_hour(kpi.total_cost(aftersales_costs), hours)`。"],
    solution=("hours = kpi.productive_hours(aftersales_states)\n"
              "cpph_aftersales = kpi.cost_per_productive_hour(kpi.total_cost(aftersales_costs), hours)"),
    explanation="约 162 元/小时：每个在线可接话的小时背后是薪酬、场地、系统和管理的全部成本。",
    mistakes=[
        Mistake(lambda: kpi.total_cost(_aftersales("aftersales_costs"))
                / (_aftersales("aftersales_states")["paid_s"].sum() / 3600),
                "你除以了带薪小时；生产小时只算在线可接电话的时间（处理 + 示闲），不含休息、会议和示忙。"),
        Mistake(lambda: kpi.cost_per_productive_hour(
            kpi.total_cost(_aftersales("aftersales_costs")),
            kpi.productive_hours(_aftersales("aftersales_states"), "handle_hours")),
                "你只算了处理小时；默认口径的生产小时还包括示闲等电话的时间。"),
    ],
)

OCCUPANCY = EqualityQuestion(
    title="占用率 occupancy",
    expected={"occ": lambda: kpi.occupancy_rate(_day())},
    setup=IMPORTS + ONE_DAY,
    hints=["占用率（默认口径）= 处理 ÷ (处理 + 示闲)，处理 = 通话 + 保持 + 话后处理。",
           "`kpi.occupancy_rate(day)`。"],
    solution="occ = kpi.occupancy_rate(day)",
    explanation="(12600 + 900 + 2700) ÷ (16200 + 5400) = 0.75：在常见的 75–85 % 目标下沿。",
    mistakes=[
        Mistake(lambda: kpi.occupancy_rate(_day(), "handle_over_logged_in"),
                "你除以了签入时长：示忙时间不是等电话的时间，默认口径的分母是处理 + 示闲。"),
        Mistake(lambda: float(_day()["talk_s"].iloc[0] / (_day()["talk_s"].iloc[0] + _day()["available_s"].iloc[0])),
                "处理时间不只是通话：保持和话后处理也在处理电话。"),
    ],
)

UTILISATION = EqualityQuestion(
    title="利用率与损耗 utilisation and shrinkage",
    expected={"util": lambda: kpi.utilisation_rate(_day()),
              "shrink": lambda: kpi.shrinkage_rate(_day())},
    setup=IMPORTS + ONE_DAY,
    hints=["利用率 = (处理 + 示闲) ÷ 带薪；损耗 = 1 − 利用率（默认口径）。",
           "`kpi.utilisation_rate(day)`、`kpi.shrinkage_rate(day)`。"],
    solution="util = kpi.utilisation_rate(day)\nshrink = kpi.shrinkage_rate(day)",
    explanation="8 小时里 6 小时在线可接电话：损耗 25 %，在 20–35 % 的常见范围内。",
    mistakes=[
        Mistake(lambda: kpi.utilisation_rate(_day(), "logged_in_over_paid"),
                "签入不等于可接电话：示忙的时间签入了，却不接电话。利用率的分子是处理 + 示闲。",
                var="util"),
        Mistake(lambda: kpi.shrinkage_rate(_day(), "offline_only"),
                "你只算了没签入的时间；示忙（签入但不接电话）也是损耗。", var="shrink"),
    ],
)

BUDGET = EqualityQuestion(
    title="预算差异 budget variance",
    expected={"training_overspend": lambda: _category("training") - _category("training", "budget_cny")},
    setup=IMPORTS + LOAD,
    hints=["超支 = 实际 − 预算，只看类别 `training`，单位元。",
           "分别对 `amount_cny` 和 `budget_cny` 求和再相减。"],
    solution=('training = costs[costs["category"] == "training"]\n'
              'training_overspend = training["amount_cny"].sum() - training["budget_cny"].sum()'),
    explanation="培训超支约 1.1 万元（35 %）：本季度新员工多——看人员流失，而不只是看培训费。",
    mistakes=[
        Mistake(lambda: _category("training", "budget_cny") - _category("training"),
                "符号反了：超支 = 实际 − 预算，超支是正数。"),
        Mistake(lambda: _category("training") / _category("training", "budget_cny") - 1,
                "这是超支的比例；题目问的是金额（元）。"),
    ],
)

SHRINKAGE_PLAN = EqualityQuestion(
    title="降低损耗省多少带薪小时 paid hours saved",
    expected={"paid_hours_saved": lambda: _plan_paid_hours(0.36) - _plan_paid_hours(0.30)},
    setup=IMPORTS + PLAN,
    hints=["用 `plan_staffing(forecast_calls, forecast_aht, shrinkage=...)` 做两个方案：损耗 0.36 和 0.30。",
           "`.summary()[\"paid_hours\"]` 是整月的带薪小时；相减。"],
    solution=('base = plan_staffing(forecast_calls, forecast_aht, shrinkage=0.36).summary()["paid_hours"]\n'
              'lower = plan_staffing(forecast_calls, forecast_aht, shrinkage=0.30).summary()["paid_hours"]\n'
              "paid_hours_saved = base - lower"),
    explanation="在线人数不变，少排的是“为损耗多排的人”：约 634 小时，按每小时 59 元约 3.8 万元。",
    mistakes=[
        Mistake(lambda: 0.06 * _plan_paid_hours(0.36),
                "排班人数 = 在线人数 ÷ (1 − 损耗)，不是按 6 个百分点线性减少："
                "分别用两个损耗做方案再相减。"),
        Mistake(0.0, "在线人数 (phone_hours) 不变，但排班（带薪）小时变少了：比较 `paid_hours`。"),
    ],
)

IDENTITY_Q = EqualityQuestion(
    title="单呼成本的三个因素 cost per contact identity",
    expected={"cpc": lambda: kpi.cost_per_contact_factors(*_identity())["cost_per_contact"]},
    setup=IDENTITY,
    hints=["单呼成本 = 每生产小时成本 × AHT(小时) ÷ 占用率。",
           "AHT 300 秒 = 300 / 3600 小时。"],
    solution="cpc = cost_per_hour * aht_s / 3600 / occupancy",
    explanation="150 × 300/3600 ÷ 0.75 ≈ 16.7 元：占用率越低，每通电话分摊的空闲越多。",
    mistakes=[
        Mistake(lambda: _identity()[0] * _identity()[1] / 3600,
                "忘了占用率：座席不是 100 % 在处理电话，空闲的时间也要分摊到每通电话上，要除以占用率。"),
        Mistake(lambda: _identity()[0] * _identity()[1] / 3600 * _identity()[2],
                "占用率要除，不是乘：占用率越低，每通电话越贵。"),
    ],
)

FTE = EqualityQuestion(
    title="损耗与 FTE FTE and shrinkage",
    expected={"fte_saved": lambda: _fte(0.36) - _fte(0.30)},
    setup=IMPORTS + ONLINE,
    hints=["FTE = 在线小时 ÷ (每人每月带薪小时 × (1 − 损耗))。",
           "`full_time_equivalents(online_hours, hours_per_fte=hours_per_fte_month, shrinkage=0.36)`，"
           "再算 0.30，相减。"],
    solution=("fte_036 = full_time_equivalents(online_hours, hours_per_fte=hours_per_fte_month,\n"
              "                                shrinkage=0.36)\n"
              "fte_030 = full_time_equivalents(online_hours, hours_per_fte=hours_per_fte_month,\n"
              "                                shrinkage=0.30)\n"
              "fte_saved = fte_036 - fte_030"),
    explanation="每 1,000 个在线小时，损耗降 6 个百分点约省 0.8 个全职人力。",
    mistakes=[
        Mistake(lambda: _online_per_fte() * (1 - 0.30) - _online_per_fte() * (1 - 0.36),
                "损耗要除以 (1 − 损耗)，不是乘：30 % 的时间不在线，要多排人。"),
        Mistake(lambda: _fte(0.36),
                "这是损耗 36 % 时需要的 FTE；题目问的是两种损耗之间省下的 FTE（相减）。"),
    ],
)

STRATEGY = ThoughtExperiment(
    title="谁为降本买单 who pays for the saving",
    solution=(
        "**把服务水平目标从 80/20 降到 70/20 最容易，但代价由客户承担**：等待变长、放弃和重复来电增加，"
        "省下的钱一部分会以重复来电、投诉和流失的客户还回来。降低损耗、缩短 AHT（不牺牲一次解决率）、"
        "用好空闲时间、合并队列，花的是管理者的功夫，客户感受不到甚至更好。"
        "选择降本策略时，每个方案都要同时报：省多少钱、服务水平与 ASA 变成多少、质量指标是否受影响。"
    ),
)

QUESTIONS = (LABOUR_SHARE, COST_PER_CONTACT, COST_PER_HOUR, OCCUPANCY, UTILISATION, BUDGET,
             SHRINKAGE_PLAN, IDENTITY_Q, FTE, STRATEGY)
PROBLEMS = ProblemSet(QUESTIONS)
bind = PROBLEMS.bind
q1, q2, q3, q4, q5, q6, q7, q8, q9, q10 = PROBLEMS.views

__all__ = ["____", "bind", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10"]
