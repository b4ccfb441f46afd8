"""Chapter 02 problem set: service performance metrics (服务绩效指标).

In ``course/02_service_metrics/exercises.ipynb``::

    from ccskills.exercises.ch02 import *
    bind(globals())

Each question's ``setup`` is the code the notebook runs before the answer (its
givens); expected values and typical wrong answers are computed from those givens
with the kit's own functions (``ccskills.kpi``, ``ccskills.queueing``,
``ccskills.staffing``) when a check runs, never pasted as numbers. Questions 2–4
read the committed March 2026 call records, question 8 the month's staffing plan,
questions 11–12 walk the indicator tree (``kpi.walk_branch``, ``kpi.indicator_level``).
"""

from __future__ import annotations

import math

from ccskills import kpi
from ccskills.queueing import occupancy, offered_load
from ccskills.staffing import (aht_reduction_saving, pooling_effect, required_agents,
                               scheduled_headcount)

from . import EqualityQuestion, Mistake, ProblemSet, ThoughtExperiment, ____
from ._givens import given

# ---------------------------------------------------------------- givens (one source)
# Each block is run verbatim by the tests and appears verbatim in the exercise notebook.

IMPORTS = """\
from ccskills import kpi, occupancy, offered_load
from ccskills.datasets import load_call_records, load_call_staffing
from ccskills.staffing import aht_reduction_saving, pooling_effect, required_agents
from ccskills.staffing import scheduled_headcount
"""

LOAD_CALLS = "calls = load_call_records()\n"
LOAD_PLAN = "plan = load_call_staffing()\n"

INTERVAL = "calls_in_interval, aht_s, interval_s = 36, 380, 900\n"

EVENING_PRESALES = """\
arrival = calls["arrival"].dt
evening_presales = calls[(calls["queue"] == "presales")
                         & (arrival.day_of_week < 5) & (arrival.hour >= 19)]
"""

MONDAY_MORNING = """\
arrival = calls["arrival"].dt
monday_morning = calls[(calls["queue"] == "aftersales")
                       & (arrival.day_of_week == 0) & (arrival.hour < 12)]
"""

TWO_QUEUES = "queue_calls, queue_aht_s = [40, 36], [200, 380]\n"

MONDAY_PLAN = """\
day = plan[(plan["queue"] == "aftersales")
           & (plan["interval_start"].dt.strftime("%Y-%m-%d") == "2026-03-09")]
"""

TWO_TEAMS = """\
import pandas as pd
team_x = pd.DataFrame({"outcome": ["answered"] * 10, "wait_s": [10] * 10})
team_y = pd.DataFrame({"outcome": ["answered"] * 10, "wait_s": [0] * 7 + [20, 30, 50]})
"""


TWO_SUNDAYS = """\
from ccskills.datasets.operations import load_agent_states
days = kpi.compute(calls, freq="D", agent_states=load_agent_states())
sunday, week_before = pd.Timestamp("2026-03-08"), pd.Timestamp("2026-03-01")
"""


def _interval():
    return (given(INTERVAL, "calls_in_interval"), given(INTERVAL, "aht_s"),
            given(INTERVAL, "interval_s"))


def _load():
    return offered_load(*_interval())


def _agents():
    return required_agents(*_interval())


def _evening_presales():
    return given(IMPORTS + LOAD_CALLS + EVENING_PRESALES, "evening_presales")


def _monday_morning():
    return given(IMPORTS + LOAD_CALLS + MONDAY_MORNING, "monday_morning")


def _pooling():
    return pooling_effect(given(TWO_QUEUES, "queue_calls"), given(TWO_QUEUES, "queue_aht_s"), 900)


def _monday_plan():
    return given(IMPORTS + LOAD_PLAN + MONDAY_PLAN, "day")


def _aht_saving():
    day = _monday_plan()
    return aht_reduction_saving(day["forecast_calls"], day["forecast_aht_s"], 900, 10,
                                period_days=1)


def _team(name: str):
    return given(TWO_TEAMS, name)


def _sundays():
    """Per-day KPIs and the two Sundays of question 11."""
    code = "import pandas as pd\n" + IMPORTS + LOAD_CALLS + TWO_SUNDAYS
    return given(code, "days"), given(code, "sunday"), given(code, "week_before")


def _branch():
    """The service-level branch walked from 1 March to 8 March (the kit's :func:`kpi.walk_branch`)."""
    days, sunday, week_before = _sundays()
    return kpi.walk_branch(days, "service_level", sunday, week_before)


def _direct(push: int) -> list:
    walk = _branch()
    rows = walk[(walk["driver_level"] == "direct") & (walk["affects"] == "service_level") & (walk["push"] == push)]
    return list(rows["driver"])


def _aht_change() -> float:
    days, sunday, week_before = _sundays()
    return float(days.at[sunday, "aht_s"] - days.at[week_before, "aht_s"])


# ---------------------------------------------------------------- the questions
LOAD = EqualityQuestion(
    title="话务量 offered load",
    expected={"load_erl": _load},
    setup=IMPORTS + INTERVAL,
    hints=["话务量 (Erlang) = 来话量 × AHT ÷ 时段长度，时间都用秒。",
           "库函数：`offered_load(calls, aht, interval)`。"],
    solution="load_erl = offered_load(calls_in_interval, aht_s, interval_s)",
    explanation="36 × 380 ÷ 900：这 15 分钟的工作量够 15 个多座席不停地接。",
    mistakes=[
        Mistake(lambda: offered_load(36, 380, 3600),
                "时段是 15 分钟 = 900 秒，你除以了一小时 (3600 秒)。"),
        Mistake(lambda: 36 * 380,
                "来话量 × AHT 是总处理秒数，还要除以时段长度 (900 秒) 才是 Erlang。"),
    ],
)

ABANDONMENT = EqualityQuestion(
    title="晚间放弃率 abandonment rate",
    expected={
        "abandon_rate": lambda: kpi.abandonment_rate(_evening_presales()),
        "abandon_rate_excl_short": lambda: kpi.abandonment_rate(
            _evening_presales(), exclude_short_abandons=True),
    },
    setup=IMPORTS + LOAD_CALLS + EVENING_PRESALES,
    hints=["放弃率 = 放弃量 ÷ 来话量，来话量 = 接通 + 放弃（阻塞电话不算）。",
           "剔除短时放弃 (≤ 5 秒)：分子、分母都减去短时放弃。",
           "`kpi.call_counts(evening_presales)` 数出各类电话；"
           "`kpi.abandonment_rate(..., exclude_short_abandons=True)` 直接算。"],
    solution=("abandon_rate = kpi.abandonment_rate(evening_presales)\n"
              "abandon_rate_excl_short = kpi.abandonment_rate(evening_presales,\n"
              "                                               exclude_short_abandons=True)"),
    explanation="工作日晚间售前的放弃率约为全月平均的两倍：这是晚班缺员。",
    mistakes=[
        Mistake(lambda: _ratio(kpi.call_counts(_evening_presales()), "abandoned", "answered"),
                "你除以了接通量；放弃率的分母是来话量（接通 + 放弃）。", var="abandon_rate"),
        Mistake(lambda: _excl_short_over_offered(kpi.call_counts(_evening_presales())),
                "剔除短时放弃时，分母也要减去短时放弃：(放弃 − 短时放弃) ÷ (来话 − 短时放弃)。",
                var="abandon_rate_excl_short"),
    ],
)


def _ratio(counts, numerator: str, denominator: str) -> float:
    return getattr(counts, numerator) / getattr(counts, denominator)


def _excl_short_over_offered(counts) -> float:
    return (counts.abandoned - counts.short_abandoned) / counts.offered


SERVICE_LEVEL = EqualityQuestion(
    title="服务水平口径 service level definition",
    expected={"sl_offered": lambda: kpi.service_level(_monday_morning(), 20, "offered")},
    setup=IMPORTS + LOAD_CALLS + MONDAY_MORNING,
    hints=["口径 `offered`：20 秒内接起的电话 ÷ 来话量（接通 + 放弃）。",
           "“20 秒内”包括正好 20 秒：`wait_s <= 20`。",
           "`kpi.service_level(monday_morning, answer_time=20, definition=\"offered\")`。"],
    solution='sl_offered = kpi.service_level(monday_morning, answer_time=20, definition="offered")',
    explanation="周一上午售后来电比预测多 35 %，服务水平远低于 80 %。",
    mistakes=[
        Mistake(lambda: kpi.service_level(_monday_morning(), 20, "answered"),
                "你除以了接通量；这里的服务水平分母是来话量（offered：接通 + 放弃），"
                "放弃的客户也算没有在 20 秒内接起。"),
        Mistake(lambda: kpi.service_level(_monday_morning(), 19, "offered"),
                "“20 秒内”包括正好等了 20 秒的电话：用 `wait_s <= 20`，不是 `< 20`。"),
    ],
)

ASA = EqualityQuestion(
    title="平均应答速度 ASA",
    expected={"asa_s": lambda: kpi.average_speed_of_answer(_monday_morning())},
    setup=IMPORTS + LOAD_CALLS + MONDAY_MORNING,
    hints=["ASA 只算接通电话：接通电话的等待时长之和 ÷ 接通量。",
           "`kpi.average_speed_of_answer(monday_morning)`。"],
    solution="asa_s = kpi.average_speed_of_answer(monday_morning)",
    mistakes=[
        Mistake(lambda: kpi.average_queue_time(_monday_morning()),
                "ASA 只算接通电话；你把放弃电话的等待也算进去了（那是平均排队时长）。"),
        Mistake(lambda: float(_monday_morning()["wait_s"].mean()),
                "你对所有行求了平均：放弃电话和阻塞电话（wait_s = 0，根本没进队列）都混进来了；"
                "ASA 只算接通电话。"),
    ],
)

AGENTS = EqualityQuestion(
    title="80/20 所需座席 agents for 80/20",
    expected={"agents_needed": _agents,
              "headcount": lambda: scheduled_headcount(_agents(), 0.3)},
    setup=IMPORTS + INTERVAL,
    hints=["Erlang C：满足 80 % 电话在 20 秒内接起的最少座席数。",
           "`required_agents(calls, aht, interval)` 默认就是 80/20。",
           "损耗 30 %：排班人数 = 在线座席 ÷ (1 − 30 %)，向上取整；"
           "`scheduled_headcount(agents, 0.3)`。"],
    solution=("agents_needed = required_agents(calls_in_interval, aht_s, interval_s)\n"
              "headcount = scheduled_headcount(agents_needed, 0.3)"),
    explanation="在线座席要比话务量多出几人才能达到 80/20；再考虑损耗，排班人数还要更多。",
    mistakes=[
        Mistake(lambda: math.ceil(_load()),
                "你只把话务量取整了：只排“话务量”个人，电话会越排越长。"
                "要用 Erlang C 求满足 80/20 的人数。", var="agents_needed"),
        Mistake(lambda: math.ceil(_agents() * 1.3),
                "损耗 30 % 要除以 (1 − 0.3)，不是乘以 1.3：30 % 的人不在线，"
                "在线的只有排班人数的 70 %。", var="headcount"),
    ],
)

POOLING = EqualityQuestion(
    title="合并队列 pooling",
    expected={"saved_agents": lambda: _pooling().saved},
    setup=IMPORTS + TWO_QUEUES,
    hints=["分别按 80/20 算两个队列的人数再相加；再把两个队列当作一个（来话相加、AHT 按来话量加权）算一次。",
           "`pooling_effect(queue_calls, queue_aht_s, 900)` 返回 separate、pooled、saved。"],
    solution="saved_agents = pooling_effect(queue_calls, queue_aht_s, 900).saved",
    explanation="合并后随机波动互相抵消，所需座席少于分开排班之和（前提是座席能接两类电话）。",
    mistakes=[
        Mistake(0, "合并后所需座席不是两个队列简单相加：一个队列忙时，另一个队列的空闲座席可以接，"
                   "规模越大，需要的富余越少。"),
        Mistake(lambda: _pooling().pooled,
                "题目问的是节省的座席数（分开 − 合并），你给的是合并后需要的座席数。"),
    ],
)

OCCUPANCY = EqualityQuestion(
    title="占用率 occupancy",
    expected={"occ": lambda: occupancy(_agents(), _load())},
    setup=IMPORTS + INTERVAL,
    hints=["占用率 = 话务量 ÷ 在线座席数，用小数表示（0..1）。",
           "`occupancy(agents, load)`，座席数用第 5 题的 80/20 人数。"],
    solution=("occ = occupancy(required_agents(calls_in_interval, aht_s, interval_s),\n"
              "                offered_load(calls_in_interval, aht_s, interval_s))"),
    explanation="在 75–85 % 的常见目标之内；同样的目标，队列越大占用率越高。",
    mistakes=[
        Mistake(lambda: _agents() / _load(), "占用率 = 话务量 ÷ 座席数，你倒过来了（结果不可能超过 1）。"),
        Mistake(lambda: 100 * occupancy(_agents(), _load()),
                "请用小数表示（例如 0.8），不要乘以 100。"),
    ],
)

AHT_SAVING = EqualityQuestion(
    title="AHT 缩短 10 秒 AHT −10 s",
    expected={"hours_saved": lambda: _aht_saving().staff_hours_saved},
    setup=IMPORTS + LOAD_PLAN + MONDAY_PLAN,
    hints=["每个 15 分钟时段：按当前 AHT 和 AHT − 10 秒分别算 80/20 所需座席，相减。",
           "少用的“座席 × 时段”要换算成人时：一个 15 分钟时段 = 0.25 小时。",
           "`aht_reduction_saving(day[\"forecast_calls\"], day[\"forecast_aht_s\"], 900, 10, "
           "period_days=1).staff_hours_saved`。"],
    solution=('saving = aht_reduction_saving(day["forecast_calls"], day["forecast_aht_s"], 900, 10,\n'
              "                              period_days=1)\n"
              "hours_saved = saving.staff_hours_saved"),
    explanation="座席是整数，只有部分时段能少排一人；累计起来才看得出一秒 AHT 的价值。",
    mistakes=[
        Mistake(lambda: float(_monday_plan()["forecast_calls"].sum()) * 10 / 3600,
                "这是少掉的处理工作量（来话 × 10 秒），不是少排的人时："
                "要按 Erlang C 在每个时段重新测算座席数。"),
        Mistake(lambda: float(_aht_saving().agents_saved.sum()),
                "这是“座席 × 时段”的个数；每个时段 15 分钟 = 0.25 小时，换算成人时。"),
    ],
)

SL_VS_ASA = EqualityQuestion(
    title="ASA 与服务水平 ASA vs service level",
    expected={
        "asa_x": lambda: kpi.average_speed_of_answer(_team("team_x")),
        "asa_y": lambda: kpi.average_speed_of_answer(_team("team_y")),
        "sl_x": lambda: kpi.service_level(_team("team_x")),
        "sl_y": lambda: kpi.service_level(_team("team_y")),
    },
    setup=TWO_TEAMS + "from ccskills import kpi\n",
    hints=["ASA 是平均等待；服务水平是 20 秒内（含 20 秒）接起的比例。",
           "`kpi.average_speed_of_answer(team_x)`、`kpi.service_level(team_x)`。"],
    solution=("asa_x = kpi.average_speed_of_answer(team_x)\n"
              "asa_y = kpi.average_speed_of_answer(team_y)\n"
              "sl_x = kpi.service_level(team_x)\n"
              "sl_y = kpi.service_level(team_y)"),
    explanation="ASA 相同，服务水平不同：ASA 是平均数，服务水平看的是等得久的那部分客户（尾部）。",
    mistakes=[
        Mistake(1.0, "Y 组 ASA 只有 10 秒，但不是每通都在 20 秒内接起：数一数等待超过 20 秒的电话。",
                var="sl_y"),
        Mistake(lambda: kpi.service_level(_team("team_y"), answer_time=19),
                "正好等 20 秒的电话也算“20 秒内”：用 `wait_s <= 20`。", var="sl_y"),
    ],
)

DEFINITIONS = ThoughtExperiment(
    title="五种服务水平口径 five definitions",
    solution=(
        "**`answered`（只除以接通量）最高，`offered`（除以来话量）最低。** 五种口径的分子几乎相同"
        "（20 秒内接起的电话），差别在分母怎样对待放弃电话：`answered` 完全不看放弃，放弃越多、"
        "分母越小，服务水平反而越好看——所以不推荐。报服务水平时把口径写在数字旁边；"
        "和外包商、兄弟中心比较前先对齐口径。"
    ),
)

BRANCH = EqualityQuestion(
    title="沿指标树往下找 walk the branch",
    expected={"aht_change_s": _aht_change, "not_the_cause": lambda: _direct(+1)[0]},
    setup="import pandas as pd\n" + IMPORTS + LOAD_CALLS + TWO_SUNDAYS,
    hints=["`kpi.walk_branch(days, \"service_level\", sunday, week_before)` 列出服务水平下面每个指标的两天的值、"
           "变化 (`change` = 本期 − 上期) 和推动方向 (`push`：+1 往上推，−1 往下推)。",
           "直接影响指标是 `driver_level == \"direct\"` 的行；找 `push` 为 +1 的那一个。"],
    solution=('walk = kpi.walk_branch(days, "service_level", sunday, week_before)\n'
              'aht_change_s = days.at[sunday, "aht_s"] - days.at[week_before, "aht_s"]\n'
              'direct = walk[walk["driver_level"] == "direct"]\n'
              'not_the_cause = direct.loc[direct["push"] == 1, "driver"].iloc[0]'),
    explanation=("3 月 8 日来话量多了四成多，占用率随之升高，把服务水平往下推；AHT 反而短了，"
                 "是往上推的。这一天的问题是需求，不是处理速度：对策在预测和排班，不在催座席。"),
    mistakes=[
        Mistake(lambda: -_aht_change(),
                "方向反了：变化 = 本期 (3 月 8 日) − 上期 (3 月 1 日)；AHT 这一周是变短了。", var="aht_change_s"),
        Mistake("offered", "来话量多了四成多，正是把服务水平往下推的指标；题目问的是反而往上推的那个。",
                var="not_the_cause"),
        Mistake("occupancy", "占用率升高（在线座席更忙）把服务水平往下推；找 `push` 为 +1 的直接影响指标。",
                var="not_the_cause"),
    ],
)

LEVELS = EqualityQuestion(
    title="指标的层级 indicator levels",
    expected={"adherence_level": lambda: kpi.indicator_level("schedule_adherence"),
              "talk_level": lambda: kpi.indicator_level("avg_talk_s")},
    setup=IMPORTS,
    hints=["四个层级："
           "\"result\"（服务结果）、\"direct\"（直接影响）、\"indirect\"（间接影响）、\"process\"（过程指标）。",
           "直接影响指标出现在结果的公式或排队模型里；通话时长是 AHT 的一部分，排班遵从度是现场实时盯的。",
           "`kpi.indicator_level(\"schedule_adherence\")`；整张表：`kpi.level_table()`。"],
    solution=('adherence_level = kpi.indicator_level("schedule_adherence")\n'
              'talk_level = kpi.indicator_level("avg_talk_s")'),
    explanation=("排班遵从度不在服务水平的公式里：它通过“在线的人少了 → 占用率高了”起作用，"
                 "是班组长当天就能盯、能推动的过程指标；通话时长通过 AHT 起作用，是间接影响指标。"),
    mistakes=[
        Mistake("direct", "遵从度不直接出现在服务水平的公式里，它通过在线人数和占用率起作用；"
                          "它是现场每天、实时盯的过程指标 (process)。", var="adherence_level"),
        Mistake("direct", "服务水平公式里的是 AHT；通话时长是 AHT 的一部分，通过 AHT 起作用，"
                          "是间接影响指标 (indirect)。", var="talk_level"),
    ],
)

QUESTIONS = (LOAD, ABANDONMENT, SERVICE_LEVEL, ASA, AGENTS, POOLING, OCCUPANCY, AHT_SAVING,
             SL_VS_ASA, DEFINITIONS, BRANCH, LEVELS)
PROBLEMS = ProblemSet(QUESTIONS)
bind = PROBLEMS.bind
q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12 = PROBLEMS.views

__all__ = ["____", "bind", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11", "q12"]
