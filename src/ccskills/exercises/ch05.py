"""Chapter 05 problem set: forecasting and scheduling (预测与排班).

In ``course/05_forecasting_scheduling/exercises.ipynb``::

    from ccskills.exercises.ch05 import *
    bind(globals())

Each question's ``setup`` is the code the notebook runs before the answer (its givens);
expected values and typical wrong answers are computed from those givens with the kit's own
functions (``ccskills.workcalendar``, ``ccskills.forecasting``, ``ccskills.staffing``,
``ccskills.scheduling``, ``ccskills.simulation``) when a check runs, never pasted as numbers.
The data are the committed WFM files (``datasets/wfm/``).
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np

from . import EqualityQuestion, Mistake, ProblemSet, ThoughtExperiment, ____
from ._givens import given, run_givens

# ---------------------------------------------------------------- givens (one source)
# Each block is run verbatim by the tests and appears verbatim in the exercise notebook.

IMPORTS = """\
import pandas as pd

from ccskills import scheduling, staffing
from ccskills.datasets import wfm
from ccskills.forecasting import accuracy
from ccskills.simulation import simulate_interval
from ccskills.workcalendar import china_calendar
"""

DAILY = """\
daily = wfm.load_interval_series("ecommerce").resample("D").sum()
"""

FORECAST_CHECK = """\
actual = pd.Series([120, 80, 4, 60])
forecast = pd.Series([110, 90, 12, 60])
"""

MONDAY = """\
calls = wfm.load_interval_series("ecommerce")
aht = wfm.load_interval_series("ecommerce", "aht_s")
monday = slice("2026-09-14", "2026-09-14")
"""

SLOT = """\
slot = pd.Timestamp("2026-09-14 20:30")
slot_calls, slot_aht_s = calls[slot], aht[slot]
"""

TWO_WEEKS = """\
schedule = wfm.load_schedule()
states = wfm.load_agent_states()
two_weeks = slice("2026-09-14", "2026-09-27")
need = staffing.plan_staffing(calls[two_weeks], aht[two_weeks].fillna(aht[two_weeks].mean()),
                              shrinkage=0.0)
required = need.intervals["required"].astype(int)
by_interval = scheduling.adherence_table(schedule, states, by="interval")
on_phone = (by_interval["scheduled_phone_s"] / 900).reindex(required.index, fill_value=0)
"""

LOGS = """\
schedule = wfm.load_schedule()
states = wfm.load_agent_states()
"""

SIMULATION = """\
sim_calls, sim_aht_s, sim_agents = 95, 300, 35
"""


def _cal(start: str, end: str):
    from ccskills.workcalendar import china_calendar

    return china_calendar(start, end)


# ---- q1, q2: reading the data
def _october():
    return _cal("2025-10-01", "2025-10-31")


def _slots(days) -> int:
    return int(np.sum(days)) * 36


def _daily():
    return given(IMPORTS + DAILY, "daily")


def _break_days():
    cal = _cal("2025-09-17", "2025-10-08")
    return cal.index[cal["is_holiday"]]


def _holiday_effect(days=None, before=slice("2025-09-17", "2025-09-30"), how="mean"):
    daily = _daily()
    days = _break_days() if days is None else days
    return float(getattr(daily[days], how)() / getattr(daily[before], how)())


# ---- q3: accuracy
def _accuracy():
    from ccskills.forecasting import accuracy

    ns = run_givens(IMPORTS + FORECAST_CHECK)
    return accuracy(ns["actual"], ns["forecast"])


# ---- q4, q5: staffing
def _monday():
    ns = run_givens(IMPORTS + MONDAY)
    day = ns["monday"]
    return ns["calls"][day], ns["aht"][day]


@cache
def _plan(shrinkage=0.3):
    from ccskills.staffing import plan_staffing

    return plan_staffing(*_monday(), shrinkage=shrinkage)


def _slot():
    ns = run_givens(IMPORTS + MONDAY + SLOT)
    return ns["slot_calls"], ns["slot_aht_s"]


@cache
def _required(interval=900):
    from ccskills.staffing import required_agents

    return int(required_agents(*_slot(), interval))


# ---- q6, q7: coverage
def _coverage():
    ns = run_givens(IMPORTS + MONDAY + TWO_WEEKS)
    return ns["required"], ns["on_phone"]


@cache
def _fill_rate():
    from ccskills.scheduling import schedule_fill_rate

    return schedule_fill_rate(*_coverage())


@cache
def _efficiency():
    from ccskills.scheduling import schedule_efficiency

    return schedule_efficiency(*_coverage())


# ---- q8, q9: adherence
@cache
def _by_agent():
    from ccskills.scheduling import adherence_table

    ns = run_givens(IMPORTS + LOGS)
    return adherence_table(ns["schedule"], ns["states"], by="agent")


@cache
def _exceptions(**thresholds):
    from ccskills.scheduling import adherence_exceptions

    ns = run_givens(IMPORTS + LOGS)
    found = adherence_exceptions(ns["schedule"], ns["states"], **thresholds)
    return found["exception"].value_counts()


def _count(kind: str, **thresholds) -> int:
    return int(_exceptions(**thresholds).get(kind, 0))


# ---- q10: simulation
@cache
def _simulation():
    from ccskills.simulation import simulate_interval

    ns = run_givens(SIMULATION)
    return simulate_interval(ns["sim_calls"], ns["sim_aht_s"], ns["sim_agents"], interval=900,
                             service="lognormal", service_cv=0.55, replications=20, seed=5)


def _sl(row: str) -> float:
    return float(_simulation().summary.loc["service_level", row])


# ---------------------------------------------------------------- the questions
OPEN_SLOTS = EqualityQuestion(
    title="营业时段 open slots",
    expected={"open_slots": lambda: _slots(_october()["is_workday"])},
    setup=IMPORTS,
    hints=["企业线只在**工作日**营业，每天 09:00–18:00，共 36 个 15 分钟时段。",
           "工作日 = 周一到周五里不放假的日子，加上调休上班的周末：`china_calendar(...)[\"is_workday\"]`。",
           "`int(china_calendar(\"2025-10-01\", \"2025-10-31\")[\"is_workday\"].sum()) * 36`。"],
    solution='open_slots = int(china_calendar("2025-10-01", "2025-10-31")["is_workday"].sum()) * 36',
    explanation="10 月有 23 个周一到周五，其中 6 天在国庆、中秋假期里；10 月 11 日（周六）调休上班。",
    mistakes=[
        Mistake(lambda: _slots(_october().index.day_of_week < 5),
                "你数了所有周一到周五：国庆、中秋假期里的工作日企业线不营业。"),
        Mistake(lambda: _slots(_october()["is_workday"] & ~_october()["is_makeup_workday"]),
                "漏了调休上班日：10 月 11 日是周六，但按国务院通知要上班，企业线营业。"),
        Mistake(lambda: 31 * 36, "企业线只在工作日营业，不是每天都开；关门的日子没有记录。"),
    ],
)

HOLIDAY_EFFECT = EqualityQuestion(
    title="节假日效应 holiday effect",
    expected={"holiday_ratio": lambda: _holiday_effect()},
    setup=IMPORTS + DAILY,
    hints=["先用 `china_calendar(\"2025-09-17\", \"2025-10-08\")` 找出 `is_holiday` 为 True 的日子：2025 年国庆、中秋连休是哪几天？",
           "假期日均来话 ÷ 假期前 14 天（9 月 17–30 日）日均来话。用平均数，不是总数：两段天数不同。"],
    solution=('cal = china_calendar("2025-09-17", "2025-10-08")\n'
              'holiday_ratio = daily[cal.index[cal["is_holiday"]]].mean() / daily["2025-09-17":"2025-09-30"].mean()'),
    explanation="电商线国庆假期每天只有平时的约八成：预测要给假期单独的系数。",
    mistakes=[
        Mistake(lambda: _holiday_effect(days=slice("2025-10-01", "2025-10-07")),
                "2025 年国庆和中秋连在一起，放假是 10 月 1 日至 8 日共 8 天；你只取了 1–7 日。"),
        Mistake(lambda: _holiday_effect(how="sum"),
                "你用了总数：假期 8 天、对比期 14 天，天数不同，要比日均。"),
        Mistake(lambda: 1 / _holiday_effect(), "比例倒过来了：假期 ÷ 平时。"),
    ],
)

WAPE_MAPE = EqualityQuestion(
    title="WAPE 与 MAPE",
    expected={"wape": lambda: float(_accuracy()["wape"]), "mape": lambda: float(_accuracy()["mape"])},
    setup=IMPORTS + FORECAST_CHECK,
    rtol=1e-4,
    hints=["WAPE = Σ|实际 − 预测| ÷ Σ实际；MAPE = 每个时段 |实际 − 预测| ÷ 实际 的平均。",
           "用小数，不要乘 100。`accuracy(actual, forecast)` 一次给出两者。"],
    solution=('wape = accuracy(actual, forecast)["wape"]\n'
              'mape = accuracy(actual, forecast)["mape"]'),
    explanation=("只有 4 通电话的时段预测了 12 通，误差 200 %，把 MAPE 拉得很高；WAPE 按电话量加权，"
                 "这个小时段几乎不影响。排班看的是总工作量，所以本章用 WAPE。"),
    mistakes=[
        Mistake(lambda: float(_accuracy()["mape"]), "这是 MAPE（每个时段比例误差的平均）；WAPE 先把误差加总再除以实际总量。",
                var="wape"),
        Mistake(lambda: 100 * float(_accuracy()["wape"]), "请用小数（0..1），不要乘 100。", var="wape"),
        Mistake(lambda: float(_accuracy()["wape"]), "这是 WAPE；MAPE 是每个时段 |误差| ÷ 实际 的简单平均。",
                var="mape"),
    ],
)

PLAN = EqualityQuestion(
    title="人员需求与损耗 staffing with shrinkage",
    expected={"peak_scheduled": lambda: int(_plan().summary()["peak_scheduled"]),
              "paid_hours": lambda: float(_plan().summary()["paid_hours"])},
    setup=IMPORTS + MONDAY,
    hints=["`staffing.plan_staffing(calls[monday], aht[monday], shrinkage=0.3)` 默认 80/20。",
           "排班人数 = ⌈在线座席 ÷ (1 − 损耗)⌉；带薪小时 = 排班人数 × 0.25 小时，全天加总。",
           "`plan.summary()` 里有 `peak_scheduled` 和 `paid_hours`。"],
    solution=("plan = staffing.plan_staffing(calls[monday], aht[monday], shrinkage=0.3)\n"
              'peak_scheduled = plan.summary()["peak_scheduled"]\n'
              'paid_hours = plan.summary()["paid_hours"]'),
    explanation="损耗 30 % 时，在线 1 人要排约 1.43 人；这是中长期招聘和排班的依据。",
    mistakes=[
        Mistake(lambda: int(np.max(np.ceil(_plan(0.0).required * 1.3))),
                "损耗要除以 (1 − 0.3)，不是乘以 1.3：30 % 的时间不在线，在线的只有 70 %。"),
        Mistake(lambda: int(_plan().summary()["peak_required"]),
                "这是高峰时段的在线座席数 (required)；题目问的是考虑损耗后的排班人数。"),
        Mistake(lambda: float(_plan().summary()["phone_hours"]),
                "这是在线人时；带薪小时还要算上损耗（小休、用餐、培训、缺勤……）。", var="paid_hours"),
    ],
)

SLOT_AGENTS = EqualityQuestion(
    title="一个时段要几个人 agents for one slot",
    expected={"agents_needed": lambda: _required()},
    setup=IMPORTS + MONDAY + SLOT,
    hints=["话务量 = 来话 × AHT ÷ 900（15 分钟）。",
           "`staffing.required_agents(slot_calls, slot_aht_s, 900)`，默认 80/20。"],
    solution="agents_needed = staffing.required_agents(slot_calls, slot_aht_s, 900)",
    explanation="满足 80/20 要比话务量（Erlang 数）多几个人在线：这几个人就是排队的“缓冲”。",
    mistakes=[
        Mistake(lambda: _required(1800), "本数据的时段是 15 分钟 = 900 秒，不是 30 分钟 (1800 秒)。"),
        Mistake(lambda: math.ceil(_slot()[0] * _slot()[1] / 900),
                "你只把话务量取整了；满足 80/20 还要多几个人（Erlang C）。"),
    ],
)

FILL_RATE = EqualityQuestion(
    title="排班满足率 schedule fill rate",
    expected={"fill_rate": _fill_rate},
    setup=IMPORTS + MONDAY + TWO_WEEKS,
    hints=["排班满足率 = Σ min(排班在线人数, 需求) ÷ Σ 需求：多排的人不能补别的时段的缺口。",
           "`scheduling.schedule_fill_rate(required, on_phone)`。"],
    solution="fill_rate = scheduling.schedule_fill_rate(required, on_phone)",
    explanation="两周的需求里有一成多的“人 × 时段”没有排到人：集中在开门和晚高峰。",
    mistakes=[
        Mistake(_efficiency, "这是排班效率（Σ需求 ÷ Σ排班）；满足率是需求被覆盖的比例。"),
        Mistake(lambda: float(_coverage()[1].sum() / _coverage()[0].sum()),
                "Σ排班 ÷ Σ需求 会把下午多排的人算去填晚上的缺口；满足率每个时段只算 min(排班, 需求)。"),
    ],
)

EFFICIENCY = EqualityQuestion(
    title="排班效率 schedule efficiency",
    expected={"efficiency": _efficiency},
    setup=IMPORTS + MONDAY + TWO_WEEKS,
    hints=["排班效率 = Σ 需求 ÷ Σ 排班在线人数（两周所有时段）。",
           "`scheduling.schedule_efficiency(required, on_phone)`。"],
    solution="efficiency = scheduling.schedule_efficiency(required, on_phone)",
    explanation="效率高不等于排得好：人总数差不多，但放错了时段，满足率就低。两个数要一起看。",
    mistakes=[
        Mistake(_fill_rate, "这是排班满足率；效率是 Σ需求 ÷ Σ排班。"),
        Mistake(lambda: 1 / _efficiency(), "倒过来了：效率 = 需求 ÷ 排班。"),
    ],
)

ADHERENCE = EqualityQuestion(
    title="遵从度与一致率 adherence vs conformance",
    expected={"adherence_e066": lambda: float(_by_agent().loc["E066", "adherence"]),
              "conformance_e066": lambda: float(_by_agent().loc["E066", "conformance"])},
    setup=IMPORTS + LOGS,
    hints=["`scheduling.adherence_table(schedule, states, by=\"agent\")` 每位座席一行。",
           "遵从度看“在该做的时间做该做的事”；一致率只看在线时间总量，不管什么时候。"],
    solution=('table = scheduling.adherence_table(schedule, states, by="agent")\n'
              'adherence_e066 = table.loc["E066", "adherence"]\n'
              'conformance_e066 = table.loc["E066", "conformance"]'),
    explanation="E066 的在线总时长几乎和排班一样（一致率接近 100 %），但时间没对上（遵从度低约 5 个百分点）。",
    mistakes=[
        Mistake(lambda: float(_by_agent().loc["E066", "conformance"]),
                "这是一致率 (conformance)：只比在线时间总量。遵从度要求时间也对得上。", var="adherence_e066"),
        Mistake(lambda: float(_by_agent().loc["E066", "adherence"]),
                "这是遵从度；一致率 = 实际在线时间 ÷ 排班在线时间。", var="conformance_e066"),
    ],
)

EXCEPTIONS = EqualityQuestion(
    title="异常 exceptions",
    expected={"late_logins": lambda: _count("late_login"), "no_shows": lambda: _count("no_show")},
    setup=IMPORTS + LOGS,
    hints=["`scheduling.adherence_exceptions(schedule, states)` 默认：迟到超过 5 分钟 (300 秒) 才算。",
           "按 `exception` 列计数：`value_counts()`。"],
    solution=("found = scheduling.adherence_exceptions(schedule, states)\n"
              'late_logins = (found["exception"] == "late_login").sum()\n'
              'no_shows = (found["exception"] == "no_show").sum()'),
    explanation="迟登录集中在少数几位座席身上：辅导要对人，不要对全组。",
    mistakes=[
        Mistake(lambda: _count("late_login", late_login=0),
                "你把晚 1 秒也算成迟到了；本中心规定超过 5 分钟才算迟登录 (late_login=300)。"),
        Mistake(lambda: _count("late_login") + _count("no_show"),
                "缺勤 (no_show) 是整天没登录，不算迟登录；分开数。"),
    ],
)

SIMULATED = EqualityQuestion(
    title="仿真与 Erlang C simulation vs Erlang C",
    expected={"sl_erlang": lambda: _sl("formula"), "sl_simulated": lambda: _sl("mean")},
    setup=IMPORTS + SIMULATION,
    hints=["`simulate_interval(sim_calls, sim_aht_s, sim_agents, interval=900, service=\"lognormal\", "
           "service_cv=0.55, replications=20, seed=5)`。",
           "结果的 `summary` 每个指标一行：`formula` 列是 Erlang C，`mean` 列是仿真平均。"],
    solution=("sim = simulate_interval(sim_calls, sim_aht_s, sim_agents, interval=900, service=\"lognormal\",\n"
              "                        service_cv=0.55, replications=20, seed=5)\n"
              'sl_erlang = sim.summary.loc["service_level", "formula"]\n'
              'sl_simulated = sim.summary.loc["service_level", "mean"]'),
    explanation=("处理时长的波动比 Erlang C 假设的（指数分布，变异系数 1）小时，实际服务水平略好于公式；"
                 "但每次仿真的结果差别很大（看 sd 和置信区间）：一个 15 分钟时段的服务水平本来就波动。"),
    mistakes=[
        Mistake(lambda: _sl("formula"), "这是 Erlang C 公式的值；仿真平均在 `mean` 列。", var="sl_simulated"),
        Mistake(lambda: _sl("mean"), "这是仿真平均；Erlang C 的值在 `formula` 列。", var="sl_erlang"),
    ],
)

WHY_WAPE = ThoughtExperiment(
    title="为什么排班用 WAPE 不用 MAPE",
    solution=(
        "**MAPE 对每个时段一视同仁，WAPE 按电话量加权。** 开门、打烊这样只有几通电话的时段，"
        "差 5 通就是 100 % 以上的误差，会把 MAPE 拉得很高，但对排班几乎没有影响；晚高峰差 5 % "
        "却意味着缺好几个人。排班关心的是总工作量错了多少，所以看 WAPE（以及日总量误差和偏差 bias）。"
        "关门时段没有记录，MAPE 也无从计算——这也是为什么预测只对营业时段做。"
    ),
)

QUESTIONS = (OPEN_SLOTS, HOLIDAY_EFFECT, WAPE_MAPE, PLAN, SLOT_AGENTS, FILL_RATE, EFFICIENCY,
             ADHERENCE, EXCEPTIONS, SIMULATED, WHY_WAPE)
PROBLEMS = ProblemSet(QUESTIONS)
bind = PROBLEMS.bind
q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11 = PROBLEMS.views

__all__ = ["____", "bind", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11"]
