"""Chapter 08 problem set: floor management and retention (现场管理与人员保留).

In ``course/08_floor_and_retention/exercises.ipynb``::

    from ccskills.exercises.ch08 import *
    bind(globals())

Each question's ``setup`` is the code the notebook runs before the answer (its givens);
expected values and typical wrong answers are computed from those givens with
``ccskills.people`` and ``ccskills.engagement`` when a check runs, never pasted as numbers.
Questions 1, 2, 5 and 10-12 read the committed HR data (``ccskills.datasets.people``);
questions 9-13 go with lesson 04 (staff voice: eNPS, exit interviews, the attrition link).
"""

from __future__ import annotations


from ccskills import engagement, people

from . import EqualityQuestion, Mistake, ProblemSet, ThoughtExperiment, ____
from ._givens import given, run_givens

# ---------------------------------------------------------------- givens (one source)
IMPORTS = """\
import pandas as pd
from ccskills import people
from ccskills.datasets.people import load_attendance, load_employees
"""

LOAD = """\
attendance = load_attendance()
staff = load_employees()
agents = staff[staff["role"] == "agent"]
"""

A3_SHIFTS = 'a3 = attendance[attendance["team"] == "A3"]\n'

MONTHLY = "monthly_rate = 0.04\n"

SURVIVAL = """\
tenure = [0.5, 1.5, 2.0, 2.5, 4.0, 6.0]          # months employed (or observed so far)
left = [True, False, True, True, False, False]   # False: still employed (censored)
"""

COHORT = """\
window = agents[agents["hire_date"] >= "2023-04-01"]
cohort = window[window["hire_date"].between("2025-04-01", "2025-06-30")]
"""

WEEKLY = "attrition_per_month = 0.0441\n"

SMALL_PLAN = """\
need = [50.0] * 12            # heads needed, 12 weeks
current, monthly_attrition = 48, 0.04
training_weeks, pass_rate = 3, 0.75
"""

ENGAGEMENT = """\
from ccskills import engagement
from ccskills.datasets.people import load_exit_interviews, load_pulse_survey
pulse = load_pulse_survey()
exits = load_exit_interviews()
latest = pulse[pulse["survey_date"] == "2026-03-15"]
"""

COUNTS = "promoters, passives, detractors = 12, 15, 18\n"

A3_SCORES = 'a3_scores = latest.loc[latest["team"] == "A3", "enps"]\n'

A2_SCORES = 'a2_scores = latest.loc[latest["team"] == "A2", "enps"]\n'


def _a3():
    return given(IMPORTS + LOAD + A3_SHIFTS, "a3")


def _a3_summary():
    return people.attendance_summary(_a3(), by=None).iloc[0]


def _agents():
    return given(IMPORTS + LOAD, "agents")


def _february():
    return people.monthly_attrition(_agents(), "2026-02", "2026-02").iloc[0]


def _km():
    ns = run_givens(SURVIVAL)
    return people.kaplan_meier(ns["tenure"], ns["left"])


def _survival_at(t):
    table = _km()
    return float(table.loc[table["time"] <= t, "survival"].iloc[-1])


def _cohort():
    return given(IMPORTS + LOAD + COHORT, "cohort")


def _cohort_table():
    return people.early_attrition_cohorts(_cohort(), "2026-03-31", months=(3, 6), freq="Q").iloc[0]


def _plan(**changes):
    ns = run_givens(SMALL_PLAN)
    args = dict(required_fte=ns["need"], current_fte=ns["current"],
                attrition_rate=ns["monthly_attrition"], training_weeks=ns["training_weeks"],
                pass_rate=ns["pass_rate"])
    args.update(changes)
    return people.hiring_plan(**args, attrition_period="month", class_every_weeks=4)


def _counts():
    ns = run_givens(COUNTS)
    return ns["promoters"], ns["passives"], ns["detractors"]


def _counts_enps():
    p, m, d = _counts()
    return engagement.enps([9] * p + [7] * m + [3] * d).enps


def _team(name):
    return given(IMPORTS + LOAD + ENGAGEMENT + A3_SCORES + A2_SCORES, name)


def _gap():
    return engagement.enps_difference(_team("a3_scores"), _team("a2_scores"))


def _exits():
    return given(IMPORTS + LOAD + ENGAGEMENT, "exits")


def _reasons():
    return engagement.exit_reasons(_exits())


# ---------------------------------------------------------------- the questions
ATTENDANCE = EqualityQuestion(
    title="出勤率 attendance rate",
    expected={"attendance_rate": lambda: float(_a3_summary()["attendance_rate"]),
              "absenteeism_rate": lambda: float(_a3_summary()["absenteeism_rate"])},
    setup=IMPORTS + LOAD + A3_SHIFTS,
    hints=["出勤率 = (正常出勤 + 迟到) ÷ 排班班次；缺勤率 = 缺勤 ÷ 排班班次。",
           '`people.attendance_summary(a3, by=None)` 的 `attendance_rate` 与 `absenteeism_rate` 列。'],
    solution=("summary = people.attendance_summary(a3, by=None)\n"
              'attendance_rate = summary["attendance_rate"].iloc[0]\n'
              'absenteeism_rate = summary["absenteeism_rate"].iloc[0]'),
    explanation="迟到也算出勤；两者相加为 1。A3 组的缺勤率是全中心最高的。",
    mistakes=[
        Mistake(lambda: float((_a3()["status"] == "present").mean()),
                "迟到 (late) 的班次人来了，算出勤；只是另计迟到率。"),
        Mistake(lambda: float((_a3()["status"] == "absent").sum() / (_a3()["status"] != "absent").sum()),
                "缺勤率的分母是排班班次（含缺勤），不是出勤班次。", var="absenteeism_rate"),
    ],
)

ATTRITION = EqualityQuestion(
    title="月流失率 monthly attrition",
    expected={"feb_rate": lambda: float(_february()["attrition_rate"])},
    setup=IMPORTS + LOAD,
    hints=["月流失率 = 当月离职人数 ÷ 平均在职人数；平均 = (月初 + 月末) ÷ 2。",
           '`people.monthly_attrition(agents, "2026-02", "2026-02")["attrition_rate"]`。'],
    solution='feb_rate = people.monthly_attrition(agents, "2026-02", "2026-02")["attrition_rate"].iloc[0]',
    explanation="2 月 3 人离职，月初 76 人、月末 75 人，平均 75.5 人。",
    mistakes=[
        Mistake(lambda: float(_february()["leavers"] / _february()["headcount_end"]),
                "分母用的是月末人数；口径是平均在职人数 (月初 + 月末) ÷ 2。"),
        Mistake(lambda: float(_february()["leavers"] / _february()["headcount_start"]),
                "分母用的是月初人数；口径是平均在职人数 (月初 + 月末) ÷ 2。"),
    ],
)

ANNUAL = EqualityQuestion(
    title="年化流失率 annualised attrition",
    expected={"annual_sum": lambda: people.annualise_attrition(given(MONTHLY, "monthly_rate"), "sum"),
              "annual_compound": lambda: people.annualise_attrition(given(MONTHLY, "monthly_rate"),
                                                                    "compound")},
    setup=MONTHLY,
    hints=["简单相加：12 × 月率；复利：1 − (1 − 月率)¹²（每月留下 1 − 月率）。",
           '`people.annualise_attrition(monthly_rate, "sum")` 和 `"compound"`。'],
    solution=("annual_sum = 12 * monthly_rate\n"
              "annual_compound = 1 - (1 - monthly_rate) ** 12"),
    explanation="同一个月率，两种年化差 9 个百分点；报流失率要写口径。",
    mistakes=[
        Mistake(lambda: (1 + given(MONTHLY, "monthly_rate")) ** 12 - 1,
                "流失是“留下的人越来越少”：每月留下 1 − 月率，年留下 (1 − 月率)¹²，"
                "年流失 = 1 − (1 − 月率)¹²，不是利滚利的 (1 + 月率)¹² − 1。", var="annual_compound"),
    ],
)

KAPLAN_MEIER = EqualityQuestion(
    title="留存曲线 Kaplan-Meier",
    expected={"survival_3m": lambda: _survival_at(3.0)},
    setup=IMPORTS + SURVIVAL,
    hints=["在每个有人离职的时点：S = 前一个 S × (1 − 离职人数 ÷ 当时仍在观察的人数)。",
           "0.5 月：6 人在观察，1 人走；2.0 月：4 人（1.5 月那位已删失），1 人走；2.5 月：3 人，1 人走。",
           '`people.kaplan_meier(tenure, left)`，取 time ≤ 3 的最后一行的 `survival`。'],
    solution=("table = people.kaplan_meier(tenure, left)\n"
              'survival_3m = table.loc[table["time"] <= 3, "survival"].iloc[-1]'),
    explanation="5/6 × 3/4 × 2/3 = 0.4167。1.5 月删失的那位只在前面的时点算“在观察”。",
    mistakes=[
        Mistake(2 / 6, "直接数在职满 3 个月的人 ÷ 全部人数，把 1.5 月删失（还没满 3 个月、"
                       "不知道会不会走）的人当成了已经走了：要用 Kaplan–Meier。"),
        Mistake(3 / 6, "这是今天还在职的比例，没有看时间：1.5 月那位还没满 3 个月，"
                       "不能算作“满 3 个月仍在职”。"),
    ],
)

COHORT_Q = EqualityQuestion(
    title="早期流失 early attrition",
    expected={"stayed_3m": lambda: float(_cohort_table()[3]),
              "stayed_6m": lambda: float(_cohort_table()[6])},
    setup=IMPORTS + LOAD + COHORT,
    hints=["入职批次 = 2025 年第二季度入职的座席；算在职满 3 个月、6 个月的人占这批的比例。",
           '`people.early_attrition_cohorts(cohort, "2026-03-31", months=(3, 6), freq="Q")`。'],
    solution=('table = people.early_attrition_cohorts(cohort, "2026-03-31", months=(3, 6), freq="Q")\n'
              "stayed_3m = table[3].iloc[0]\n"
              "stayed_6m = table[6].iloc[0]"),
    explanation="这一批 16 人，3 个月走了 3 人，6 个月时只剩不到六成。",
    mistakes=[
        Mistake(lambda: float(_cohort()["leave_date"].isna().mean()),
                "这是今天（3 月 31 日）还在职的比例，包含了 6 个月以后才走的人；"
                "题目问在职满 6 个月的比例。", var="stayed_6m"),
    ],
)

WEEKLY_RATE = EqualityQuestion(
    title="周流失率 weekly attrition",
    expected={"weekly_rate": lambda: people.weekly_attrition_rate(given(WEEKLY, "attrition_per_month"))},
    setup=IMPORTS + WEEKLY,
    hints=["一个月平均 30.4375 天；每周留下的比例 = (1 − 月率)^(7 ÷ 30.4375)。",
           '`people.weekly_attrition_rate(attrition_per_month, "month")`。'],
    solution='weekly_rate = people.weekly_attrition_rate(attrition_per_month, "month")',
    explanation="约 1.03 %：每周走掉在岗人数的百分之一。",
    mistakes=[
        Mistake(lambda: given(WEEKLY, "attrition_per_month") / 4,
                "一个月不是 4 周（平均 4.35 周），而且流失率不能直接按周平分：用 "
                "(1 − 月率)^(7 ÷ 30.4375)。"),
        Mistake(lambda: given(WEEKLY, "attrition_per_month") * 12 / 52,
                "按年化再除以 52 是简单相加口径的近似；本题要与模型一致的复利换算 "
                "1 − (1 − 月率)^(7 ÷ 30.4375)。"),
    ],
)

HIRING = EqualityQuestion(
    title="第一个培训班 first class",
    expected={"first_class": lambda: int(_plan().classes["hires"].iloc[0])},
    setup=IMPORTS + SMALL_PLAN,
    hints=["第 0 周开班，第 3 周结业；这个班要管到下一班结业前（第 3–6 周）。",
           "缺口最大的一周：需求 − 不招时的人数；再除以通过率和结业后到那一周的留存，向上取整。",
           '`people.hiring_plan(need, current, monthly_attrition, training_weeks, pass_rate, '
           'attrition_period="month", class_every_weeks=4).classes["hires"].iloc[0]`。'],
    solution=("plan = people.hiring_plan(need, current, monthly_attrition, training_weeks, pass_rate,\n"
              '                          attrition_period="month", class_every_weeks=4)\n'
              'first_class = plan.classes["hires"].iloc[0]'),
    explanation="48 人每周流失约 0.93 %，到第 6 周只剩 45.37 人，差 4.63 人；÷ 0.75 ÷ 三周留存 0.972 = 6.35，取整 7 人。",
    mistakes=[
        Mistake(lambda: int(_plan(pass_rate=1.0).classes["hires"].iloc[0]),
                "忘了鉴定通过率：招 n 人只有 n × 75 % 能上岗，要除以通过率。"),
        Mistake(lambda: int(_plan(attrition_rate=0.0).classes["hires"].iloc[0]),
                "忘了在岗人员会流失：到第 6 周，现有 48 人已经走掉将近 3 人。"),
    ],
)

CAREERS = ThoughtExperiment(
    title="职业通道 career paths",
    solution=(
        "**要点：** (1) 第 2 课里“职业发展”是主动离职的主要原因之一，早期流失集中在前 3 个月——"
        "先做离职面谈并按原因汇总（5S 自查表的人员项），再定措施；(2) 管理通道（座席 → 组长助理 → "
        "班组长 → 主管）给“一个路径、一个预期”，名额少，要公开选拔标准；(3) 技能通道（资深/专家座席、"
        "质检员、培训师、排班师）让不想带人的好座席也有上升空间，配套绩效奖、突出贡献奖、话务英雄奖；"
        "(4) 用数据检验：有通道以后，留存曲线 6 个月、12 个月的点是否抬高，年化流失率是否下降，"
        "招聘计划少招了多少人（第 3 课：月流失 4.41 % 降到 3 %，半年少招 9 人）。"
    ),
)

ENPS_COUNTS = EqualityQuestion(
    title="按人数算 eNPS eNPS from counts",
    expected={"team_enps": _counts_enps},
    setup=COUNTS,
    hints=["eNPS = 推荐者比例 − 贬损者比例；分母是全部回答，中立者 (7–8 分) 也在分母里。",
           "答案写成 −1 到 1 之间的小数（不是 −100 到 100 的分数）。"],
    solution="team_enps = (promoters - detractors) / (promoters + passives + detractors)",
    explanation="(12 − 18) ÷ 45 = −0.133：推荐者比贬损者少 6 人，占 45 个回答的 13 %。",
    mistakes=[
        Mistake(lambda: (_counts()[0] - _counts()[2]) / (_counts()[0] + _counts()[2]),
                "你把中立者 (7–8 分) 从分母里去掉了；他们也回答了，分母是全部 45 个回答。"),
        Mistake(lambda: _counts()[0] / sum(_counts()),
                "这只是推荐者的比例；eNPS 还要减去贬损者 (0–6 分) 的比例。"),
        Mistake(lambda: 100 * _counts_enps(),
                "这是 −100 到 100 的“分”；本题要 −1 到 1 的小数（除以 100）。"),
    ],
)

AVERAGE_TRAP = EqualityQuestion(
    title="平均分的误区 the average-score trap",
    expected={"a3_enps": lambda: engagement.enps(_team("a3_scores")).enps},
    setup=IMPORTS + LOAD + ENGAGEMENT + A3_SCORES,
    hints=["数一数 9–10 分和 0–6 分各有几个，再除以回答数；空白 (未答) 不算回答。",
           "`engagement.enps(a3_scores).enps`。"],
    solution="a3_enps = engagement.enps(a3_scores).enps",
    explanation="15 个回答：推荐者 2、贬损者 10，eNPS = (2 − 10) ÷ 15 = −0.53；平均分 5.93 看不出这么多贬损者。",
    mistakes=[
        Mistake(lambda: float(_team("a3_scores").mean()),
                "你算的是平均分；eNPS 不看平均，只数推荐者 (9–10) 和贬损者 (0–6) 各占多少。"),
        Mistake(lambda: float(_team("a3_scores").mean()) / 10,
                "平均分 ÷ 10 仍是平均分；eNPS = 推荐者比例 − 贬损者比例，两头的人数才是关键。"),
    ],
)

TEAM_GAP = EqualityQuestion(
    title="两个班组真的不同吗 is the gap real",
    expected={"gap": lambda: _gap().difference, "gap_low": lambda: _gap().ci_low,
              "gap_high": lambda: _gap().ci_high},
    setup=IMPORTS + LOAD + ENGAGEMENT + A3_SCORES + A2_SCORES,
    rtol=1e-4,
    hints=["差值 = A3 的 eNPS − A2 的 eNPS；两个独立样本，差值的方差 = 两者方差之和。",
           "`engagement.enps_difference(a3_scores, a2_scores)` 的 `difference`、`ci_low`、`ci_high`。"],
    solution=("d = engagement.enps_difference(a3_scores, a2_scores)\n"
              "gap, gap_low, gap_high = d.difference, d.ci_low, d.ci_high"),
    explanation="A3 比 A2 低 0.42，但 95 % 区间从 −0.82 到 0.13，包含 0：每组只有 15–17 个回答，"
                "凭这一次调研不能说 A3 真的更低。",
    mistakes=[
        Mistake(lambda: float(_team("a3_scores").mean() - _team("a2_scores").mean()),
                "这是两组平均分之差；要比较的是 eNPS（推荐者比例 − 贬损者比例）之差。", var="gap"),
        Mistake(lambda: engagement.enps(_team("a3_scores")).ci_low - engagement.enps(_team("a2_scores")).ci_high,
                "两组各自区间的端点相减不是差值的区间；差值的方差是两组方差之和，用 `enps_difference`。",
                var="gap_low"),
    ],
)

TOP_REASON = EqualityQuestion(
    title="离职原因占比 top exit reason",
    expected={"top_reason": lambda: str(_reasons().index[0]),
              "top_share": lambda: float(_reasons()["share"].iloc[0])},
    setup=IMPORTS + LOAD + ENGAGEMENT,
    hints=["只看离职面谈的主要原因 (primary_reason)；分母是面谈次数。",
           "`engagement.exit_reasons(exits)`：第一行是最多的原因，`share` 是占比。"],
    solution=("reasons = engagement.exit_reasons(exits)\n"
              "top_reason = reasons.index[0]\n"
              'top_share = reasons["share"].iloc[0]'),
    explanation="67 次面谈中 22 次以薪酬为主要原因，占 32.8 %（95 % 区间约 23 % 至 45 %）。",
    mistakes=[
        Mistake(lambda: float((given(IMPORTS + LOAD, "staff")["leave_reason"] == "pay").sum()
                              / (given(IMPORTS + LOAD, "staff")["leave_type"] != "").sum()),
                "分母用了花名册里的全部离职者（含被动离职、没做面谈的人）；题目问的是面谈中的占比。",
                var="top_share"),
        Mistake(lambda: float(engagement.exit_reasons(_exits(), ["primary_reason", "secondary_reason"])
                              .loc["pay", "share"]),
                "你把次要原因也算上了；题目只问主要原因 (primary_reason)。", var="top_share"),
    ],
)

WARNING_LIST = ThoughtExperiment(
    title="流失预警怎么用 using the attrition signal",
    solution=(
        "**要点：** (1) 第 4 课的数字：“班组长支持”打 1–2 分的人 6 个月内约 26 % 离职，4–5 分的约 6 %，"
        "每低 1 分几率约 ×2——信号是真的；(2) 但 AUC 只有约 0.67：打 1–2 分的人四个里有三个没走，"
        "近三成离职者打了 4–5 分，名单会冤枉多数人、漏掉很多要走的人；(3) 调研承诺匿名或保密时，"
        "按分数约谈个人会毁掉信任，下一次作答率和真话都会下降；(4) 更好的用法：看哪个班组、"
        "哪道题低（A3 的工作量和班组长支持），在班组层面改（班组长辅导、排班、管理通道和技能通道），"
        "把“你说我改”告诉员工，下一次调研和流失数字检验效果。"
    ),
)

QUESTIONS = (ATTENDANCE, ATTRITION, ANNUAL, KAPLAN_MEIER, COHORT_Q, WEEKLY_RATE, HIRING, CAREERS,
             ENPS_COUNTS, AVERAGE_TRAP, TEAM_GAP, TOP_REASON, WARNING_LIST)
PROBLEMS = ProblemSet(QUESTIONS)
bind = PROBLEMS.bind
q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12, q13 = PROBLEMS.views
__all__ = ["____", "bind", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11", "q12",
           "q13"]
