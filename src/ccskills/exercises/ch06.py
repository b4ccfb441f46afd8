"""Chapter 06 problem set: coaching and improvement plans (人员工作提升辅导).

In ``course/06_coaching/exercises.ipynb``::

    from ccskills.exercises.ch06 import *
    bind(globals())

Each question's ``setup`` is the code the notebook runs before the answer (its
givens); expected values and typical wrong answers are computed from those givens
with ``ccskills.coaching`` (and ``ccskills.kpi`` / ``ccskills.quality`` for the
data) when a check runs, never pasted. Questions 2–7 read the committed March 2026
call records; question 8 the March QA results.
"""

from __future__ import annotations

from dataclasses import replace

from ccskills import coaching
from ccskills.coaching import check_smart, grow_agenda, plan_trajectory, top_quartile_level

from . import CustomQuestion, EqualityQuestion, Incorrect, Mistake, ProblemSet, ThoughtExperiment, ____
from ._givens import given

# ---------------------------------------------------------------- givens (one source)
IMPORTS = """\
import pandas as pd
from ccskills import coaching, kpi, quality
from ccskills.coaching import SmartPlan, check_smart, grow_agenda, peer_table
from ccskills.coaching import plan_trajectory, targets_from_qa, top_quartile_level
from ccskills.datasets import load_agents, load_call_records
from ccskills.datasets.quality import load_qa_results, load_scorecard
"""

LOAD = """\
calls = load_call_records()
per_agent = load_agents().set_index("agent_id").join(kpi.summarize(calls, by="agent_id"))
aftersales = per_agent[per_agent["queue"] == "aftersales"]
"""

PLAN = """\
plan = SmartPlan(agent_id="A001", kpi="aht_s", behaviour="", baseline=494, target=330,
                 start="2026-04-01", due="2026-10-31", team_target=373)
"""

TRACKED = """\
tracked = SmartPlan(agent_id="A001", kpi="fcr_rate", behaviour="先查知识库再决定转接",
                    baseline=0.51, target=0.63, start="2026-04-01", due="2026-04-29",
                    team_target=0.74)
actual = pd.Series([0.53, 0.54, 0.60, 0.64],
                   index=["2026-04-08", "2026-04-15", "2026-04-22", "2026-04-29"])
"""

QA = """\
points = quality.points_lost(load_qa_results(), load_scorecard())
"""


def _aftersales():
    return given(IMPORTS + LOAD, "aftersales")


def _plan():
    return given(IMPORTS + PLAN, "plan")


def _bottom(kpi: str, best: bool = False) -> list:
    table = coaching.peer_table(_aftersales(), [kpi])
    if best:
        d = coaching.kpi_direction(kpi)
        hit = d * (table["value"] - table["top_quartile"]) >= 0
    else:
        hit = table["bottom"]
    return sorted(table.loc[hit, "agent_id"])


def _trajectory(tolerance: float = 0.1):
    return plan_trajectory(given(IMPORTS + TRACKED, "tracked"), given(IMPORTS + TRACKED, "actual"),
                           tolerance=tolerance)


def _qa_target(column: str, quantile: float = 0.5):
    targets = coaching.targets_from_qa(given(IMPORTS + QA, "points"), target_quantile=quantile)
    return targets.set_index("agent_id").loc["A022", column]


# ---------------------------------------------------------------- the questions
AGENDA = EqualityQuestion(
    title="GROW 时间分配 GROW agenda",
    expected={"grow_minutes": lambda: grow_agenda(40)},
    setup=IMPORTS,
    hints=["G 10 %、R 40 %、O 30 %、W 20 %：现状谈得最久。",
           "`grow_agenda(40)` 返回每一步的分钟数。"],
    solution="grow_minutes = grow_agenda(40)",
    explanation="40 分钟：目标 4、现状 16、方案 12、行动 8 分钟。",
    mistakes=[Mistake(lambda: grow_agenda(40) * 0 + 10.0,
                      "四步不是平均分配：现状 (R) 占 40 %，目标 (G) 只占 10 %。")],
)

BEST_QUARTER = EqualityQuestion(
    title="同伴最好四分之一的 AHT best quarter",
    expected={"aht_best_quarter": lambda: top_quartile_level(_aftersales()["aht_s"], -1)},
    setup=IMPORTS + LOAD,
    hints=["AHT 越低越好：最好的四分之一是最低的那 25 %，看第 25 百分位数。",
           "`top_quartile_level(aftersales[\"aht_s\"], -1)`：-1 表示越低越好。"],
    solution='aht_best_quarter = top_quartile_level(aftersales["aht_s"], -1)',
    explanation="约 353 秒：A 字母检查的上限——目标不应比这更短。",
    mistakes=[Mistake(lambda: top_quartile_level(_aftersales()["aht_s"], 1),
                      "你取了第 75 百分位数；AHT 越低越好，最好的四分之一在第 25 百分位数以下。"),
              Mistake(lambda: float(_aftersales()["aht_s"].median()),
                      "这是中位数（团队水平），不是最好四分之一达到的水平（第 25 百分位数）。")],
)

BOTTOM_FCR = EqualityQuestion(
    title="一次解决率最差的四分之一 bottom quartile FCR",
    expected={"fcr_bottom": lambda: _bottom("fcr_rate")},
    setup=IMPORTS + LOAD,
    hints=["`peer_table(aftersales, [\"fcr_rate\"])` 的 `bottom` 列标出最差四分之一。",
           "FCR 越高越好：最差四分之一是最低的那些；答案是排好序的座席编号列表 `sorted(...)`。"],
    solution=('fcr = peer_table(aftersales, ["fcr_rate"])\n'
              'fcr_bottom = sorted(fcr.loc[fcr["bottom"], "agent_id"])'),
    explanation="这些座席多是 2025 年底以后入职的新员工：改进型辅导的对象。",
    mistakes=[Mistake(lambda: _bottom("fcr_rate", best=True),
                      "这是一次解决率最高的四分之一；FCR 越高越好，要找的是最低的那些。")],
)

FAILED_LETTERS = EqualityQuestion(
    title="哪个字母不合格 failed letters",
    expected={"failed_letters": lambda: check_smart(_plan(), _aftersales()["aht_s"]).failed},
    setup=IMPORTS + LOAD + PLAN,
    hints=["`check_smart(plan, peer_values=aftersales[\"aht_s\"])` 逐个字母检查。",
           "`.failed` 是不合格字母组成的元组，例如 ('A',)。",
           "看看目标和期限：330 秒比同伴最好四分之一还短吗？4 月到 10 月有多少天？"],
    solution='failed_letters = check_smart(plan, peer_values=aftersales["aht_s"]).failed',
    explanation="A：330 秒比同伴最好四分之一 (约 353 秒) 还短；T：213 天，超过一个季度。",
    mistakes=[Mistake(("A",), "还有一个字母不合格：看看开始到截止一共多少天（上限 92 天）。"),
              Mistake(("T",), "还有一个字母不合格：目标 330 秒和同伴最好四分之一的 AHT 比一比。")],
)


def _fixed_plan_ok(fixed_plan) -> None:
    if not isinstance(fixed_plan, coaching.SmartPlan):
        raise Incorrect("fixed_plan 要是一个 SmartPlan。")
    if fixed_plan.agent_id != "A001" or fixed_plan.kpi != "aht_s":
        raise Incorrect("请保留座席 A001 和指标 aht_s，只改目标和期限。")
    result = check_smart(fixed_plan, _aftersales()["aht_s"])
    if not result.passed:
        raise Incorrect(" ".join(result[letter].message("zh") for letter in result.failed))


FIX_PLAN = CustomQuestion(
    title="改好这份计划 fix the plan",
    variables=["fixed_plan"],
    checker=_fixed_plan_ok,
    setup=IMPORTS + LOAD + PLAN,
    hints=["`replace(plan, target=..., due=...)` 复制计划并改字段（`from dataclasses import replace`）。",
           "目标不要比同伴最好四分之一 (约 353 秒) 更短，也要比基线 494 秒短、朝团队目标 373 秒。",
           "期限不超过 92 天，例如 2026-06-30。"],
    solution=("from dataclasses import replace\n"
              'fixed_plan = replace(plan, target=420, due="2026-06-30")'),
    explanation="目标 420 秒、期限三个月：对新员工现实，又朝团队水平迈了一大步。",
    mistakes=[Mistake(lambda: replace(_plan(), due="2026-06-30"),
                      "期限改好了，但目标 330 秒仍比同伴最好四分之一还短：A 不合格。"),
              Mistake(lambda: replace(_plan(), target=420),
                      "目标改好了，但期限 4 月到 10 月超过 92 天：T 不合格。")],
)

EXPECTED_PATH = EqualityQuestion(
    title="路径上的应达值 expected on the path",
    expected={"expected_apr15": lambda: _trajectory().loc["2026-04-15", "expected"]},
    setup=IMPORTS + TRACKED,
    hints=["路径是从基线（开始日）到目标（截止日）的直线。",
           "4 月 1 日到 29 日共 28 天，4 月 15 日走了一半：0.51 + (0.63 − 0.51) × 14/28。",
           "`plan_trajectory(tracked, actual).loc[\"2026-04-15\", \"expected\"]`。"],
    solution='expected_apr15 = plan_trajectory(tracked, actual).loc["2026-04-15", "expected"]',
    explanation="0.57：4 月 15 日应达到的一次解决率；实际 0.54，落后 0.03。",
    mistakes=[Mistake(lambda: given(IMPORTS + TRACKED, "tracked").target,
                      "这是最终目标；路径上的应达值随时间从基线直线走到目标，4 月 15 日只走了一半。"),
              Mistake(lambda: given(IMPORTS + TRACKED, "tracked").baseline,
                      "这是基线；4 月 15 日已经过了计划的一半时间，应达值要往目标移动一半。")],
)

OFF_TRACK = EqualityQuestion(
    title="不在轨的跟进次数 check-ins off track",
    expected={"n_off_track": lambda: int((~_trajectory()["on_track"]).sum())},
    setup=IMPORTS + TRACKED,
    hints=["`plan_trajectory(tracked, actual)` 的 `on_track` 列：落后不超过改变量的 10 % 为在轨。",
           "改变量 0.63 − 0.51 = 0.12，容许落后 0.012；数一数 `on_track` 为 False 的行。"],
    solution=("track = plan_trajectory(tracked, actual)\n"
              'n_off_track = int((~track["on_track"]).sum())'),
    explanation="只有 4 月 15 日落后 0.03，超过容许的 0.012；8 日落后 0.01 仍在容差内，22 日、29 日追上了。",
    mistakes=[Mistake(lambda: int(_trajectory()["on_track"].sum()),
                      "这是在轨的次数；题目问的是不在轨 (on_track 为 False) 的次数。"),
              Mistake(lambda: int((~_trajectory(0.0)["on_track"]).sum()),
                      "按计划的容差（改变量的 10 %）判断；你用了零容差，稍有落后就算不在轨。")],
)

QA_TARGET = EqualityQuestion(
    title="质检扣分变目标 QA to target",
    expected={"a022_item": lambda: _qa_target("item"), "a022_target": lambda: _qa_target("target")},
    setup=IMPORTS + QA,
    hints=["`targets_from_qa(points)` 给每位座席挑出差距最大的评分项，目标是同伴中位数。",
           "`.set_index(\"agent_id\").loc[\"A022\"]` 取 A022 那一行。"],
    solution=("a022 = targets_from_qa(points).set_index(\"agent_id\").loc[\"A022\"]\n"
              'a022_item = a022["item"]\n'
              'a022_target = a022["target"]'),
    explanation="“解决方案”项平均每次扣 9 分，同伴中位数约 3.33 分：先把业务知识补上。",
    mistakes=[Mistake(0.0, "目标不是零扣分：以同伴中位数为目标，先回到团队水平。", var="a022_target"),
              Mistake(lambda: _qa_target("target", 0.25),
                      "这是同伴最好四分之一的水平；默认目标是同伴中位数 (target_quantile=0.5)。",
                      var="a022_target")],
)

SEVEN_SINS = ThoughtExperiment(
    title="改进型辅导的常见错误 classic mistakes",
    solution=(
        "班组长在工位旁当着其他人说：“你最近态度有问题，FCR、AHT、满意度都不行，下周必须改好。”"
        "说完就走了。这段话犯了至少五种错误：**公开批评**（应一对一）、**对人不对事**（“态度”不是"
        "可观察的行为）、**一次谈太多问题**（三个指标）、**没有证据**（没有具体的质检项或录音）、"
        "**没有倾听也没有员工的承诺**，而且**没有约定跟进**。改成：私下、带着质检“解决方案”项"
        "和一通录音，先问发生了什么，只谈一项，让员工说出做法，写成 SMART 计划，约好下周复查。"
    ),
)

QUESTIONS = (AGENDA, BEST_QUARTER, BOTTOM_FCR, FAILED_LETTERS, FIX_PLAN, EXPECTED_PATH, OFF_TRACK,
             QA_TARGET, SEVEN_SINS)
PROBLEMS = ProblemSet(QUESTIONS)
bind = PROBLEMS.bind
q1, q2, q3, q4, q5, q6, q7, q8, q9 = PROBLEMS.views

__all__ = ["____", "bind", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9"]
