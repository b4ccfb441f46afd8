"""Chapter 08 no-code workbook: floor management and retention (现场管理与人员保留), without Python.

The numbers re-use the code track's questions (:mod:`ccskills.exercises.ch08`) through
:func:`~._no_code.from_code`; the page shows attendance, headcount, a small tenure table, a
hiring cohort and a small hiring case as tables computed here with the kit (``ccskills.people``).
The interpretation questions add judgement: censoring in a retention curve, what to do about
early attrition, a team with high absence, stating the attrition definition, career paths, and
for lesson 04 (staff voice) whether a team gap in eNPS is real and how to use the attrition signal.

>>> SET.name, len(SET.questions) >= 10
('ch08', True)
"""

from __future__ import annotations

import pandas as pd

from .. import engagement
from . import ch08
from ._givens import given, run_givens
from ._no_code import Given, NoCodeQuestion, NoCodeSet, Say, from_code
from ._questions import Mistake

NAME = "ch08"
PCT = Say("%", "%")


# ---------------------------------------------------------------- givens (computed with the kit)
def _attendance(lang: str) -> pd.DataFrame:
    counts = ch08._a3()["status"].value_counts()
    names = {"present": Say("正常出勤", "Present"), "late": Say("迟到", "Late"), "absent": Say("缺勤", "Absent")}
    return pd.DataFrame({Say("班次", "Shifts").get(lang): [int(counts.get(k, 0)) for k in names]},
                        index=[n.get(lang) for n in names.values()])


def _february(lang: str) -> list[tuple[str, str]]:
    feb = ch08._february()
    return [(Say("2 月初在职座席", "Agents at the start of February").get(lang), f"{int(feb['headcount_start'])}"),
            (Say("2 月末在职座席", "Agents at the end of February").get(lang), f"{int(feb['headcount_end'])}"),
            (Say("2 月离职座席", "Agents who left in February").get(lang), f"{int(feb['leavers'])}")]


def _monthly(lang: str) -> list[tuple[str, str]]:
    rate = given(ch08.MONTHLY, "monthly_rate")
    weekly = given(ch08.WEEKLY, "attrition_per_month")
    return [(Say("月流失率（年化题）", "Monthly attrition (annualising)").get(lang), f"{rate * 100:g} %"),
            (Say("月流失率（周率题）", "Monthly attrition (weekly rate)").get(lang), f"{weekly * 100:g} %"),
            (Say("一个月平均天数", "Average days in a month").get(lang), "30.4375")]


def _tenure(lang: str) -> pd.DataFrame:
    ns = run_givens(ch08.SURVIVAL)
    status = [Say("已离职", "left").get(lang) if gone else Say("仍在职（删失）", "still employed (censored)").get(lang)
              for gone in ns["left"]]
    return pd.DataFrame({Say("在职月数（或至今）", "Months employed (or so far)").get(lang): ns["tenure"],
                         Say("状态", "Status").get(lang): status},
                        index=pd.Index(range(1, len(status) + 1), name=Say("员工", "Employee").get(lang)))


def _cohort(lang: str) -> pd.DataFrame:
    cohort = ch08._cohort().sort_values("hire_date")
    still = Say("在职", "employed").get(lang)
    leave = cohort["leave_date"].dt.strftime("%Y-%m-%d").fillna(still)
    return pd.DataFrame({Say("入职日期", "Hired").get(lang): cohort["hire_date"].dt.strftime("%Y-%m-%d").to_numpy(),
                         Say("离职日期", "Left").get(lang): leave.to_numpy()},
                        index=pd.Index(range(1, len(cohort) + 1), name=Say("座席", "Agent").get(lang)))


def _small_plan(lang: str) -> list[tuple[str, str]]:
    ns = run_givens(ch08.SMALL_PLAN)
    return [(Say("未来 12 周每周需要的在岗人数", "Heads needed each of the next 12 weeks").get(lang), f"{ns['need'][0]:g}"),
            (Say("现在在岗", "On the floor now").get(lang), f"{ns['current']}"),
            (Say("月流失率", "Monthly attrition").get(lang), f"{ns['monthly_attrition'] * 100:g} %"),
            (Say("新人培训周数", "Training weeks").get(lang), f"{ns['training_weeks']}"),
            (Say("培训鉴定通过率", "Training pass rate").get(lang), f"{ns['pass_rate'] * 100:g} %"),
            (Say("开班节奏", "Class rhythm").get(lang), Say("第 0 周开第一班，之后每 4 周一班", "first class in week 0, then every 4 weeks").get(lang))]


def _team_counts(lang: str) -> list[tuple[str, str]]:
    p, m, d = ch08._counts()
    return [(Say("推荐者（9–10 分）", "Promoters (9–10)").get(lang), f"{p}"),
            (Say("中立者（7–8 分）", "Passives (7–8)").get(lang), f"{m}"),
            (Say("贬损者（0–6 分）", "Detractors (0–6)").get(lang), f"{d}")]


def _a3_answers(lang: str) -> pd.DataFrame:
    scores = sorted(int(v) for v in ch08._team("a3_scores").dropna())
    return pd.DataFrame({Say("推荐题得分（0–10）", "Likelihood to recommend (0–10)").get(lang): scores},
                        index=pd.Index(range(1, len(scores) + 1), name=Say("回答", "Answer").get(lang)))


def _two_teams(lang: str) -> pd.DataFrame:
    rows = {}
    for team in ("a3_scores", "a2_scores"):
        r = engagement.enps(ch08._team(team))
        rows[team[:2].upper()] = {Say("回答数", "Answers").get(lang): r.n,
                                  Say("推荐者", "Promoters").get(lang): r.promoters,
                                  Say("中立者", "Passives").get(lang): r.passives,
                                  Say("贬损者", "Detractors").get(lang): r.detractors}
    table = pd.DataFrame(rows).T
    table.index.name = Say("班组", "Team").get(lang)
    return table


def _gap_interval(lang: str) -> list[tuple[str, str]]:
    gap = ch08._gap()
    return [(Say("A3 − A2 之差的 95 % 区间", "95 % interval of A3 − A2").get(lang),
             f"{100 * gap.ci_low:.1f} % … {100 * gap.ci_high:.1f} %")]


REASON_LABELS = {"pay": Say("薪酬 (pay)", "Pay"), "workload": Say("工作量 (workload)", "Workload"),
                 "career": Say("职业发展 (career)", "Career"), "leader": Say("与班组长的关系 (leader)", "Team leader")}


def _exit_counts(lang: str) -> list[tuple[str, str]]:
    exits, staff = ch08._exits(), given(ch08.IMPORTS + ch08.LOAD, "staff")
    leavers = staff[staff["leave_type"] != ""]
    facts = [(Say("花名册中的全部离职者", "All leavers in the register").get(lang), f"{len(leavers)}"),
             (Say("其中主动离职", "Of whom voluntary").get(lang), f"{int((leavers['leave_type'] == 'voluntary').sum())}"),
             (Say("做了离职面谈", "Gave an exit interview").get(lang), f"{len(exits)}")]
    for reason, count in exits["primary_reason"].value_counts().items():
        word = engagement.label(reason, lang)
        facts.append((Say("面谈主要原因：", "Main reason: ").get(lang) + word, f"{count}"))
    return facts


def _signal(lang: str) -> pd.DataFrame:
    link = engagement.attrition_link(ch08._team("pulse"), given(ch08.IMPORTS + ch08.LOAD, "staff"),
                                     "leader_support", as_of="2026-03-31")
    bands = link.bands
    return pd.DataFrame({Say("回答数", "Answers").get(lang): bands["n"].to_numpy(),
                         Say("其后 6 个月内主动离职", "Left within 6 months").get(lang): bands["leavers"].to_numpy(),
                         Say("离职率", "Leave rate").get(lang): [f"{100 * v:.1f} %" for v in bands["leave_rate"]],
                         Say("占全部离职者", "Share of leavers").get(lang): [f"{100 * v:.1f} %" for v in bands["share_of_leavers"]]},
                        index=pd.Index(bands.index, name=Say("班组长支持得分", "Team-leader support score").get(lang)))


GIVENS = (
    Given("attendance", Say("A3 组 3 月的排班班次", "Team A3's scheduled shifts in March"), _attendance),
    Given("february", Say("2 月的座席人数", "Agents in February"), _february),
    Given("rates", Say("两个月流失率", "Two monthly attrition rates"), _monthly),
    Given("tenure", Say("6 位员工的在职时长", "Six employees' tenure"), _tenure),
    Given("cohort", Say("2025 年第二季度入职的一批座席（统计到 2026 年 3 月 31 日）", "Agents hired in Q2 2025 (as of 31 March 2026)"),
          _cohort),
    Given("plan", Say("一个小型招聘计划", "A small hiring case"), _small_plan),
    Given("team_counts", Say("一个班组的推荐题回答（第 4 课 eNPS）", "One team's answers to the recommend question (lesson 4, eNPS)"),
          _team_counts),
    Given("a3_answers", Say("A3 组 2026-03-15 调研的推荐题回答", "Team A3's answers in the 2026-03-15 pulse survey"),
          _a3_answers),
    Given("two_teams", Say("同一次调研：A3 组与 A2 组", "The same survey: teams A3 and A2"), _two_teams),
    Given("gap_interval", Say("A3 与 A2 的 eNPS 之差的区间", "The interval of the eNPS gap between A3 and A2"), _gap_interval),
    Given("exit_counts", Say("离职面谈（2022-10 至 2026-03）", "Exit interviews (2022-10 to 2026-03)"), _exit_counts),
    Given("signal", Say("调研后 6 个月内是否主动离职（2025-09 及以前的回答）",
                        "Voluntary leaving within 6 months of the survey (answers up to 2025-09)"), _signal),
)

# ---------------------------------------------------------------- numbers from the code track
ATTEND = from_code(
    ch08.ATTENDANCE, "attendance_rate", set=NAME, id="attendance_rate", givens=["attendance"], scale=100, unit=PCT,
    decimals=1, keep_hints=[0],
    prompt=Say("A3 组 3 月的出勤率是多少？填百分数，保留 1 位小数。", "What is team A3's attendance rate in March? In percent, one decimal."),
    hints_en=["Attendance = (present + late) ÷ scheduled shifts; absenteeism = absent ÷ scheduled shifts."],
    feedback_en=["A late shift is still attended; lateness is counted separately."],
    explanation_en="Late counts as attended; the two rates add up to 1. Team A3 has the centre's highest absenteeism.",
    title_en="Attendance rate",
)

ABSENT = from_code(
    ch08.ATTENDANCE, "absenteeism_rate", set=NAME, id="absenteeism_rate", givens=["attendance"], scale=100, unit=PCT,
    decimals=1, keep_hints=[0],
    prompt=Say("A3 组 3 月的缺勤率是多少？填百分数，保留 1 位小数。", "What is team A3's absenteeism rate in March? In percent, one decimal."),
    hints_en=["Attendance = (present + late) ÷ scheduled shifts; absenteeism = absent ÷ scheduled shifts."],
    feedback_en=["The denominator of absenteeism is scheduled shifts (absences included), not attended shifts."],
    explanation_en="Late counts as attended; the two rates add up to 1. Team A3 has the centre's highest absenteeism.",
    title="缺勤率 absenteeism", title_en="Absenteeism rate",
)

FEB = from_code(
    ch08.ATTRITION, set=NAME, id="feb_attrition", givens=["february"], scale=100, unit=PCT, decimals=2, keep_hints=[0],
    prompt=Say("2 月座席的月流失率是多少？填百分数，保留 2 位小数。", "What is February's monthly agent attrition? In percent, two decimals."),
    hints_en=["Monthly attrition = leavers in the month ÷ average headcount; average = (start + end) ÷ 2."],
    feedback_en=["You divided by the end-of-month headcount; the definition uses the average headcount (start + end) ÷ 2.",
                 "You divided by the start-of-month headcount; the definition uses the average headcount (start + end) ÷ 2."],
    explanation_en="3 left in February; 76 at the start, 75 at the end, 75.5 on average.",
    title_en="Monthly attrition",
)

ANNUAL_SUM = from_code(
    ch08.ANNUAL, "annual_sum", set=NAME, id="annual_sum", givens=["rates"], scale=100, unit=PCT, decimals=1,
    keep_hints=[0],
    extra_mistakes=[Mistake(lambda: 100 * float(ch08.ANNUAL.expected_values["annual_compound"]),
                            "这是复利口径；简单相加口径 = 12 × 月率。",
                            feedback_en="That is the compound definition; the simple one is 12 × the monthly rate.")],
    prompt=Say("月流失率 4 %，按简单相加口径年化是多少？填百分数，保留 1 位小数。",
               "Monthly attrition is 4 %: annualised by simple addition? In percent, one decimal."),
    hints_en=["Simple: 12 × monthly rate; compound: 1 − (1 − monthly rate)¹² (each month 1 − rate stay)."],
    explanation_en="The same monthly rate gives annual figures 9 points apart; state the definition when you report attrition.",
    title="年化：简单相加 annualised, simple", title_en="Annualised, simple",
)

ANNUAL_COMPOUND = from_code(
    ch08.ANNUAL, "annual_compound", set=NAME, id="annual_compound", givens=["rates"], scale=100, unit=PCT, decimals=1,
    keep_hints=[0],
    prompt=Say("同样 4 % 的月流失率，按复利口径年化是多少？填百分数，保留 1 位小数。",
               "The same 4 % monthly attrition, annualised by compounding? In percent, one decimal."),
    hints_en=["Simple: 12 × monthly rate; compound: 1 − (1 − monthly rate)¹² (each month 1 − rate stay)."],
    feedback_en=["Attrition means fewer and fewer stay: each month 1 − rate stay, a year (1 − rate)¹², annual attrition "
                 "1 − (1 − rate)¹², not the interest-like (1 + rate)¹² − 1."],
    explanation_en="The same monthly rate gives annual figures 9 points apart; state the definition when you report attrition.",
    title="年化：复利 annualised, compound", title_en="Annualised, compound",
)

SURVIVAL = from_code(
    ch08.KAPLAN_MEIER, set=NAME, id="survival_3m", givens=["tenure"], scale=100, unit=PCT, decimals=1, keep_hints=[0, 1],
    prompt=Say("用 Kaplan–Meier 留存曲线，员工在职满 3 个月的比例是多少？填百分数，保留 1 位小数。",
               "With a Kaplan–Meier retention curve, what share stays 3 months? In percent, one decimal."),
    hints_en=["At each time someone leaves: S = previous S × (1 − leavers ÷ people still observed then).",
              "0.5 months: 6 observed, 1 leaves; 2.0 months: 4 (the 1.5-month person is censored), 1 leaves; 2.5 months: 3, 1 leaves."],
    feedback_en=["You counted those past 3 months ÷ everyone, treating the censored 1.5-month person (not yet 3 months, "
                 "may or may not leave) as gone: use Kaplan–Meier.",
                 "That is the share employed today, ignoring time: the 1.5-month person has not reached 3 months and "
                 "cannot count as “still employed at 3 months”."],
    explanation_en="5/6 × 3/4 × 2/3 = 41.7 %. The person censored at 1.5 months counts as observed only at earlier times.",
    title_en="Kaplan–Meier retention",
)

STAYED_3 = from_code(
    ch08.COHORT_Q, "stayed_3m", set=NAME, id="stayed_3m", givens=["cohort"], scale=100, unit=PCT, decimals=1,
    keep_hints=[0],
    extra_mistakes=[Mistake(lambda: 100 * float(ch08._cohort()["leave_date"].isna().mean()),
                            "这是今天仍在职的比例；题目问入职后满 3 个月时仍在职的比例。",
                            feedback_en="That is the share employed today; the question asks for the share still employed 3 months after hire.")],
    prompt=Say("这批座席中，入职满 3 个月时仍在职的占多少？填百分数，保留 1 位小数。",
               "What share of this cohort was still employed 3 months after hire? In percent, one decimal."),
    hints_en=["The cohort is the agents hired in Q2 2025; work out the share employed for 3 and 6 months."],
    explanation_en="16 in the cohort; 3 left within 3 months, and by 6 months fewer than six in ten remain.",
    title="满 3 个月留存 stayed 3 months", title_en="Stayed 3 months",
)

STAYED_6 = from_code(
    ch08.COHORT_Q, "stayed_6m", set=NAME, id="stayed_6m", givens=["cohort"], scale=100, unit=PCT, decimals=1,
    keep_hints=[0],
    prompt=Say("入职满 6 个月时仍在职的占多少？填百分数，保留 1 位小数。",
               "What share was still employed 6 months after hire? In percent, one decimal."),
    hints_en=["The cohort is the agents hired in Q2 2025; work out the share employed for 3 and 6 months."],
    feedback_en=["That is the share employed today (31 March), which also drops those who left after 6 months; the "
                 "question asks for the share who stayed 6 months."],
    explanation_en="16 in the cohort; 3 left within 3 months, and by 6 months fewer than six in ten remain.",
    title="满 6 个月留存 stayed 6 months", title_en="Stayed 6 months",
)

WEEKLY = from_code(
    ch08.WEEKLY_RATE, set=NAME, id="weekly_rate", givens=["rates"], scale=100, unit=PCT, decimals=2, keep_hints=[0],
    prompt=Say("月流失率 4.41 %，换算成周流失率是多少？填百分数，保留 2 位小数。",
               "Monthly attrition is 4.41 %: what is the weekly rate? In percent, two decimals."),
    hints_en=["A month averages 30.4375 days; the share staying each week = (1 − monthly rate)^(7 ÷ 30.4375)."],
    feedback_en=["A month is not 4 weeks (4.35 on average), and attrition cannot be split evenly by week: use "
                 "(1 − monthly rate)^(7 ÷ 30.4375).",
                 "Annualising and dividing by 52 approximates the simple definition; use the compound conversion "
                 "1 − (1 − monthly rate)^(7 ÷ 30.4375), as the model does."],
    explanation_en="About 1.03 %: each week about one in a hundred on the floor leaves.",
    title_en="Weekly attrition",
)

FIRST_CLASS = from_code(
    ch08.HIRING, set=NAME, id="first_class", givens=["plan"], unit=Say("人", "people"), keep_hints=[0, 1],
    prompt=Say("第一个培训班要招多少人？", "How many people should the first class hire?"),
    hints_en=["The class starts in week 0 and finishes in week 3; it must cover until the next class finishes (weeks 3–6).",
              "The largest gap in those weeks: need − heads without hiring; divide by the pass rate and by the share "
              "staying from graduation to that week, round up."],
    feedback_en=["You forgot the pass rate: of n hired only n × 75 % reach the floor; divide by the pass rate.",
                 "You forgot that people on the floor leave: by week 6 nearly 3 of today's 48 are gone."],
    explanation_en="48 people leave at about 0.93 % a week, leaving 45.37 by week 6, 4.63 short; ÷ 0.75 ÷ three weeks' "
                   "retention 0.972 = 6.35, rounded up to 7.",
    title_en="The first class",
)

# ---------------------------------------------------------------- interpretation questions
CENSORED = NoCodeQuestion(
    set=NAME, id="censoring", kind="choice", givens=["tenure"],
    title="仍在职的人怎么算 the censored employee", title_en="Counting the employee still employed",
    prompt=Say("第 2 位员工入职 1.5 个月、至今在职。计算留存曲线时怎么处理他？",
               "Employee 2 joined 1.5 months ago and is still employed. How is he treated in the retention curve?"),
    choices=[Say("删失：1.5 个月之前算在观察中，之后不再计入", "Censored: observed up to 1.5 months, not counted after"),
             Say("当作已经离职", "As having left"), Say("当作在职满 3 个月", "As having stayed 3 months"),
             Say("直接从数据中删掉", "Dropped from the data")],
    expected="删失：1.5 个月之前算在观察中，之后不再计入",
    hints=["我们只知道他至少在职 1.5 个月，不知道以后会不会走。"],
    hints_en=["All we know is that he stayed at least 1.5 months, not whether he will leave later."],
    explanation=("删失 (censored) 的员工提供了“至少留了这么久”的信息：在那之前算在观察中，之后不再计入分母。"
                 "当成离职会低估留存，删掉会丢掉信息，当成满 3 个月则高估。"),
    explanation_en=("A censored employee tells us “stayed at least this long”: observed until then, out of the "
                    "denominator after. Counting him as gone understates retention, dropping him loses information, "
                    "counting him as 3 months overstates it."),
    mistakes=[Mistake("当作已经离职", "他还在职：当成离职会低估留存，这正是“直接数人头”的错误。",
                      feedback_en="He is still employed: counting him as gone understates retention — the head-count mistake.")],
)

EARLY = NoCodeQuestion(
    set=NAME, id="early_attrition_action", kind="multiple", givens=["cohort"],
    title="早期流失怎么办 early attrition", title_en="Acting on early attrition",
    prompt=Say("这批新人 3 个月内就走了近两成。哪些做法针对早期流失？（多选）",
               "Nearly one in five of this cohort left within 3 months. Which actions target early attrition? (tick all that apply)"),
    choices=[Say("离职面谈，按原因汇总", "Exit interviews, with reasons tallied"),
             Say("新人上岗头三个月配导师 (buddy)", "A buddy for the first three months on the floor"),
             Say("招聘时如实介绍工作内容和排班（真实工作预览）", "A realistic job preview when hiring (work and shifts as they are)"),
             Say("提高老员工的年终奖", "A bigger year-end bonus for long-serving staff")],
    expected=("离职面谈，按原因汇总", "新人上岗头三个月配导师 (buddy)", "招聘时如实介绍工作内容和排班（真实工作预览）"),
    hints=["早期流失的原因多在“工作和预期不符”“上岗后没人带”。", "年终奖留住的是谁？"],
    hints_en=["Early leavers mostly cite “not what I expected” and “nobody helped me once on the floor”.",
              "Who does a year-end bonus keep?"],
    explanation=("先用离职面谈找到原因；早期流失常见的两个根源是预期不符（招聘时说清楚）和上岗初期无人支持（导师制、"
                 "新人辅导）。年终奖对前三个月的新人几乎没有作用。"),
    explanation_en=("Find the reasons with exit interviews first; early attrition usually comes from mismatched "
                    "expectations (say it plainly when hiring) and no support in the first weeks (buddies, coaching for "
                    "new starters). A year-end bonus hardly touches people in their first three months."),
    mistakes=[Mistake(("离职面谈，按原因汇总", "新人上岗头三个月配导师 (buddy)", "招聘时如实介绍工作内容和排班（真实工作预览）",
                       "提高老员工的年终奖"),
                      "年终奖针对的是老员工；三个月内离开的新人拿不到它。",
                      feedback_en="A year-end bonus targets long-serving staff; people leaving within three months never see it.")],
)

ABSENCE = NoCodeQuestion(
    set=NAME, id="absence_next_step", kind="choice", givens=["attendance"],
    title="缺勤高的班组 a team with high absence", title_en="A team with high absence",
    prompt=Say("A3 组缺勤率全中心最高。班组长第一步该做什么？", "Team A3 has the centre's highest absenteeism. What should its team leader do first?"),
    choices=[Say("看缺勤集中在哪些人、哪些日子和班次，再分别谈", "See which people, days and shifts the absences cluster on, then talk to each"),
             Say("全组扣绩效", "Dock the whole team's performance pay"),
             Say("多排 5 % 的人抵消缺勤", "Schedule 5 % more people to absorb it")],
    expected="看缺勤集中在哪些人、哪些日子和班次，再分别谈",
    hints=["缺勤往往集中在少数人或特定的班次（例如周一、晚班）。"],
    hints_en=["Absence often clusters on a few people or particular shifts (Mondays, late shifts)."],
    explanation=("先找规律：集中在少数人身上就个别谈（健康、家庭、对工作的不满），集中在某些班次就看排班是否合理。"
                 "全组扣钱打击的是没缺勤的人；多排人只是为问题付费。"),
    explanation_en=("Find the pattern first: a few people means individual talks (health, family, dissatisfaction); "
                    "particular shifts means checking the schedule. Docking everyone punishes those who came in; "
                    "over-scheduling only pays for the problem."),
    mistakes=[Mistake("全组扣绩效", "全组受罚打击的是按时出勤的人；先找出缺勤集中在谁、什么时候。",
                      feedback_en="Punishing everyone hits those who came in; find who and when first.")],
)

DEFINITION = NoCodeQuestion(
    set=NAME, id="state_the_definition", kind="choice", givens=["rates"],
    title="报流失率要写口径 stating the definition", title_en="Stating the attrition definition",
    prompt=Say("两个中心都报“年流失率 45 %”。能直接说两者一样吗？", "Two centres both report “45 % annual attrition”. Are they the same?"),
    choices=[Say("不能：要先确认口径（分母、年化方法、是否含试用期离职）", "No: check the definitions first (denominator, annualising, whether probation leavers count)"),
             Say("能：数字一样就一样", "Yes: the same number is the same"),
             Say("不能：只有月流失率能比较", "No: only monthly rates can be compared")],
    expected="不能：要先确认口径（分母、年化方法、是否含试用期离职）",
    hints=["同一个 4 % 的月率，简单相加和复利年化差多少？"],
    hints_en=["For the same 4 % monthly rate, how far apart are the simple and compound annual figures?"],
    explanation="同一个月率，两种年化差 9 个百分点；分母（月初、月末、平均）和是否含试用期离职也会改变结果。比较前先对齐口径。",
    explanation_en="The same monthly rate annualises 9 points apart by the two methods; the denominator (start, end, "
                   "average) and whether probation leavers count change it too. Align definitions before comparing.",
    mistakes=[Mistake("能：数字一样就一样", "口径不同，同样的 45 % 可以代表很不一样的流失：先问分母和年化方法。",
                      feedback_en="With different definitions the same 45 % can mean very different attrition: ask about the denominator and annualising first.")],
)

CAREERS = NoCodeQuestion(
    set=NAME, id="career_paths", kind="choice",
    title="职业通道 career paths", title_en="Career paths",
    prompt=Say("好座席不想带人，又觉得没有上升空间。最合适的安排是？",
               "A strong agent does not want to lead people and sees no way up. What fits best?"),
    choices=[Say("技能通道：资深 / 专家座席、质检员、培训师、排班师", "A skills path: senior or expert agent, QA analyst, trainer, WFM analyst"),
             Say("直接提拔为班组长", "Promote to team leader anyway"),
             Say("加薪即可，不需要通道", "A raise is enough; no path needed")],
    expected="技能通道：资深 / 专家座席、质检员、培训师、排班师",
    hints=["管理通道名额少，也不是每个人都想带人。"],
    hints_en=["Management paths have few places, and not everyone wants to lead."],
    explanation=("管理通道给想带人的人；技能通道（资深 / 专家座席、质检员、培训师、排班师）让不想带人的好座席也有上升空间。"
                 "用数据检验：有通道以后，留存曲线 6 个月、12 个月的点是否抬高。"),
    explanation_en=("The management path is for those who want to lead; a skills path (senior or expert agent, QA "
                    "analyst, trainer, WFM analyst) gives strong agents who do not a way up. Check with data: do the "
                    "6- and 12-month points of the retention curve rise once the paths exist?"),
    mistakes=[Mistake("直接提拔为班组长", "不想带人的人当班组长，往往失去一个好座席、多一个不快乐的组长。",
                      feedback_en="Making someone who does not want to lead a team leader often loses a good agent and gains an unhappy leader.")],
)

# ---------------------------------------------------------------- lesson 04: staff voice
TEAM_ENPS = from_code(
    ch08.ENPS_COUNTS, set=NAME, id="team_enps", givens=["team_counts"], scale=100, unit=PCT, decimals=1,
    keep=[0, 1], keep_hints=[0],
    prompt=Say("这个班组的员工净推荐值 (eNPS) 是多少？填百分数，保留 1 位小数。",
               "What is this team's employee net promoter score (eNPS)? In percent, one decimal."),
    hints_en=["eNPS = share of promoters − share of detractors; the denominator is every answer, passives (7–8) included."],
    feedback_en=["You left the passives (7–8) out of the denominator; they answered too, the denominator is all 45 answers.",
                 "That is only the promoters' share; eNPS subtracts the detractors' (0–6) share."],
    explanation_en="(12 − 18) ÷ 45 = −13.3 %: six fewer promoters than detractors, out of 45 answers.",
    title_en="eNPS from counts",
)

A3_ENPS = from_code(
    ch08.AVERAGE_TRAP, set=NAME, id="a3_enps", givens=["a3_answers"], scale=100, unit=PCT, decimals=1,
    keep=[1], keep_hints=[0],
    extra_mistakes=[Mistake(lambda: float(ch08._team("a3_scores").mean()),
                            "你算的是平均分；eNPS 不看平均，只数推荐者 (9–10) 和贬损者 (0–6) 各占多少。",
                            feedback_en="You took the average score; eNPS ignores the average and counts promoters (9–10) and detractors (0–6).")],
    prompt=Say("A3 组这 15 个回答的 eNPS 是多少？填百分数，保留 1 位小数。",
               "What is the eNPS of team A3's 15 answers? In percent, one decimal."),
    hints_en=["Count the 9–10s and the 0–6s, divide each by the number of answers; a blank is not an answer."],
    feedback_en=["The average ÷ 10 is still an average; eNPS = promoters' share − detractors' share, the two ends are what matter."],
    explanation_en="15 answers: 2 promoters, 10 detractors, eNPS = (2 − 10) ÷ 15 = −53.3 %; the average of 5.93 hides that many detractors.",
    title_en="The average-score trap",
)

GAP = from_code(
    ch08.TEAM_GAP, "gap", set=NAME, id="team_gap", givens=["two_teams"], scale=100, unit=PCT, decimals=1,
    keep=[], keep_hints=[0],
    extra_mistakes=[Mistake(lambda: -100 * ch08._gap().difference, "方向反了：题目问 A3 − A2，A3 更低，差值是负数。",
                            feedback_en="The sign is reversed: the question asks A3 − A2; A3 is lower, so the gap is negative.")],
    prompt=Say("A3 组的 eNPS 减去 A2 组的 eNPS 是多少？填百分数，保留 1 位小数。",
               "What is team A3's eNPS minus team A2's? In percent, one decimal."),
    hints_en=["Gap = A3's eNPS − A2's eNPS; for two independent samples the variance of the gap is the sum of the two variances."],
    explanation_en="A3 is 41.6 points below A2, but the 95 % interval runs from −82 % to 13 % and contains 0: with 15–17 "
                   "answers per team, this one survey cannot say A3 is really lower.",
    title="两个班组的 eNPS 之差 the eNPS gap", title_en="The eNPS gap between two teams",
)

REALLY_LOWER = NoCodeQuestion(
    set=NAME, id="gap_is_real", kind="choice", givens=["two_teams", "gap_interval"],
    title="A3 真的更低吗 is A3 really lower", title_en="Is A3 really lower",
    prompt=Say("凭这一次调研，能说 A3 组的 eNPS 真的比 A2 组低吗？",
               "From this one survey, can you say team A3's eNPS is really lower than A2's?"),
    choices=[Say("不能确定：差值的 95 % 区间包含 0", "Not sure: the 95 % interval of the gap contains 0"),
             Say("能：A3 比 A2 低 40 多分", "Yes: A3 is more than 40 points lower"),
             Say("能：A3 的贬损者比 A2 多", "Yes: A3 has more detractors than A2")],
    expected="不能确定：差值的 95 % 区间包含 0",
    hints=["每组只有 15–17 个回答；看差值区间的两端是否都在 0 的同一侧。"],
    hints_en=["Each team has only 15–17 answers; see whether both ends of the gap's interval are on the same side of 0."],
    explanation=("差 0.42 看起来很大，但区间从 −82 % 到 13 %，包含 0：这么小的样本，差值可能只是抽样的偶然。"
                 "把最近一年几次合起来看、或等下一次调研，再下结论；先别据此评价班组长。"),
    explanation_en=("A 42-point gap looks large, but the interval runs from −82 % to 13 % and contains 0: with samples this "
                    "small it may be chance. Pool the last year's surveys or wait for the next before concluding; do not "
                    "judge the team leader on it yet."),
    mistakes=[Mistake("能：A3 比 A2 低 40 多分", "点估计差得多，不等于真的不同：差值的区间包含 0，每组只有十几个回答。",
                      feedback_en="A large point gap is not a real difference: the interval of the gap contains 0, with a dozen or so answers per team.")],
)

TOP = from_code(
    ch08.TOP_REASON, "top_reason", set=NAME, id="top_exit_reason", givens=["exit_counts"], labels=REASON_LABELS,
    extra_mistakes=[Mistake("与班组长的关系 (leader)", "“与班组长的关系”只出现在次要原因里；题目问面谈的主要原因。",
                            feedback_en="“Team leader” only appears as a secondary reason; the question asks for the main reason.")],
    hints=["看“面谈主要原因”中次数最多的一项。"], hints_en=["Take the main reason with the most interviews."], keep_hints=[],
    prompt=Say("离职面谈中最常见的主要原因是什么？", "What is the most frequent main reason in the exit interviews?"),
    explanation_en="Pay: 22 of 67 interviews, about a third.",
    title="离职面谈第一原因 top exit reason", title_en="Top exit reason",
)

TOP_SHARE = from_code(
    ch08.TOP_REASON, "top_share", set=NAME, id="top_exit_share", givens=["exit_counts"], scale=100, unit=PCT, decimals=1,
    keep=[], keep_hints=[],
    extra_mistakes=[
        Mistake(lambda: 100 * float(ch08._reasons()["interviews"].iloc[0])
                / int((given(ch08.IMPORTS + ch08.LOAD, "staff")["leave_type"] != "").sum()),
                "分母用了花名册里的全部离职者（含被动离职和没做面谈的人）；题目问的是面谈中的占比。",
                feedback_en="You divided by every leaver in the register (involuntary and not interviewed included); the question asks for the share of interviews."),
        Mistake(lambda: 100 * float(ch08._reasons()["interviews"].iloc[0])
                / int((given(ch08.IMPORTS + ch08.LOAD, "staff")["leave_type"] == "voluntary").sum()),
                "分母用了全部主动离职者；其中有些人没做面谈，分母应是面谈次数。",
                feedback_en="You divided by every voluntary leaver; some gave no interview, the denominator is the number of interviews."),
    ],
    hints=["只看离职面谈的主要原因；分母是面谈次数。"], hints_en=["Main reasons of the exit interviews only; the denominator is the number of interviews."],
    prompt=Say("薪酬作为主要原因占全部面谈的比例是多少？填百分数，保留 1 位小数。",
               "What share of all interviews give pay as the main reason? In percent, one decimal."),
    explanation="67 次面谈中 22 次以薪酬为主要原因，占 32.8 %（95 % 区间约 23 % 至 45 %）。",
    explanation_en="22 of the 67 interviews give pay as the main reason: 32.8 % (95 % interval about 23 % to 45 %).",
    title="薪酬原因占比 share of pay", title_en="Share of pay",
)

WATCH_LIST = NoCodeQuestion(
    set=NAME, id="watch_list", kind="choice", givens=["signal"],
    title="高危名单 a watch list", title_en="A watch list",
    prompt=Say("运营总监要把“班组长支持”打 1–2 分的座席列成高危名单、逐个约谈。看上表，最合适的回应是？",
               "The operations director wants agents who scored team-leader support 1–2 on a watch list, each called in. "
               "From the table, what is the best response?"),
    choices=[Say("不合适：低分者四个里三个没走，近三成离职者打了高分；用来找班组和问题，不给个人贴标签",
                 "Not a good idea: three in four low scorers stayed and nearly a third of leavers scored high; use it to find teams and issues, not to label people"),
             Say("合适：低分者的离职率是高分者的 4 倍", "Good idea: low scorers leave at four times the rate of high scorers"),
             Say("不合适：调研分数和离职没有关系", "Not a good idea: the scores have nothing to do with leaving")],
    expected="不合适：低分者四个里三个没走，近三成离职者打了高分；用来找班组和问题，不给个人贴标签",
    hints=["看“离职率”和“占全部离职者”两列：名单会抓住多少要走的人，又会冤枉多少不走的人？"],
    hints_en=["Read the leave-rate and share-of-leavers columns: how many leavers would the list catch, and how many stayers would it wrongly flag?"],
    explanation=("信号是真的（1–2 分 26 % 对 4–5 分 6 %），但区分能力一般：名单冤枉多数低分者、漏掉近三成打高分的离职者；"
                 "按分数约谈个人还会破坏调研的信任。更好的做法是看哪个班组、哪道题低，在班组层面改，并告诉员工改了什么。"),
    explanation_en=("The signal is real (26 % at 1–2 against 6 % at 4–5) but weak at picking people: the list wrongly flags most "
                    "low scorers and misses nearly a third of leavers who scored high, and calling people in by score breaks "
                    "the survey's trust. Better: find the teams and items that are low, act at team level, tell staff what changed."),
    mistakes=[Mistake("合适：低分者的离职率是高分者的 4 倍", "4 倍是真的，但低分者四个里三个并没有走；名单会冤枉多数人、漏掉很多要走的人。",
                      feedback_en="Four times is true, but three in four low scorers did not leave; the list wrongly flags most and misses many leavers."),
              Mistake("不合适：调研分数和离职没有关系", "有关系：1–2 分的离职率约是 4–5 分的 4 倍；问题是它分不准到个人。",
                      feedback_en="They are related: the 1–2 group leaves at about four times the rate of 4–5; the problem is it cannot pick individuals.")],
)

QUESTIONS = (ATTEND, ABSENT, ABSENCE, FEB, ANNUAL_SUM, ANNUAL_COMPOUND, DEFINITION, WEEKLY, SURVIVAL, CENSORED,
             STAYED_3, STAYED_6, EARLY, FIRST_CLASS, CAREERS, TEAM_ENPS, A3_ENPS, GAP, REALLY_LOWER, TOP, TOP_SHARE,
             WATCH_LIST)

SET = NoCodeSet(
    name=NAME,
    title=Say("第 08 章 现场管理与人员保留：练习册", "Chapter 08 Floor management and retention: workbook"),
    intro=Say("不用写代码：读下面的表格和事实，在框里填数或选择，点“检查”。需要时看“提示”，做完可以看“答案”。"
              "数字来自套件的人员示例数据（出勤、在职与离职记录）。",
              "No code needed: read the tables and facts, type a number or choose, then press Check. Use Hint when "
              "stuck and Answer when done. The numbers come from the kit's people sample data (attendance, hires and leavers)."),
    givens=GIVENS,
    questions=QUESTIONS,
)
