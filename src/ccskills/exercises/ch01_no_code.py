"""Chapter 01 no-code workbook: performance management foundations (运营绩效管理基础), without Python.

The answers re-use the code track's questions (:mod:`ccskills.exercises.ch01`) through
:func:`~._no_code.from_code`: the KPI family and the traffic light become choices among the
kit's names, the numbers stay numbers; the page shows the survey, the counts and the chart
points as tables computed here with the kit (``ccskills.kpi``, ``ccskills.spc``). The
interpretation questions add judgement: another KPI's family from the kit's registry, pairing
KPIs, reading an amber light, what a single day's point says.

>>> SET.name, len(SET.questions) >= 10
('ch01', True)
"""

from __future__ import annotations

import pandas as pd

from ccskills import kpi

from . import ch01
from ._givens import given
from ._no_code import Given, NoCodeQuestion, NoCodeSet, Say, from_code
from ._questions import Mistake

NAME = "ch01"
PCT = Say("%", "%")
FAMILIES = {"service": Say("服务类 (service)", "Service"), "quality": Say("质量类 (quality)", "Quality"),
            "cost_efficiency": Say("成本效率类 (cost-efficiency)", "Cost-efficiency"), "people": Say("人员类 (people)", "People")}
LIGHTS = {"green": Say("绿灯 (green)", "Green"), "amber": Say("黄灯 (amber)", "Amber"), "red": Say("红灯 (red)", "Red")}


# ---------------------------------------------------------------- givens (computed with the kit)
def _survey(lang: str) -> pd.DataFrame:
    scores = given(ch01.IMPORTS + ch01.SURVEY, "survey")["nps"]
    blank = Say("（未回答）", "(no answer)").get(lang)
    shown = [blank if pd.isna(v) else f"{v:.0f}" for v in scores]
    return pd.DataFrame({Say("推荐意愿 0–10 分", "Likelihood to recommend, 0–10").get(lang): shown},
                        index=pd.Index(range(1, len(shown) + 1), name=Say("客户", "Customer").get(lang)))


def _status(lang: str) -> list[tuple[str, str]]:
    today, target, amber = ch01._status()
    return [(Say("今天的服务水平", "Service level today").get(lang), f"{today * 100:g} %"),
            (Say("目标", "Target").get(lang), f"{target * 100:g} %"),
            (Say("警戒线（黄灯下限）", "Amber threshold").get(lang), f"{amber * 100:g} %")]


def _transfers(lang: str) -> list[tuple[str, str]]:
    answered = ch01._answered()
    moved = answered[answered["transferred"]]
    flag = moved["resolved_first_contact"]
    return [(Say("3 月被转接的接通电话", "Answered calls that were transferred, March").get(lang), f"{len(moved):,}"),
            (Say("其中标记为一次解决", "of which flagged resolved first time").get(lang), f"{int((flag == True).sum()):,}"),  # noqa: E712
            (Say("其中标记为未解决", "of which flagged not resolved").get(lang), f"{int((flag == False).sum()):,}"),  # noqa: E712
            (Say("其中没有解决标记", "of which without a flag").get(lang), f"{int(flag.isna().sum()):,}")]


def _days(lang: str) -> pd.DataFrame:
    abandoned, offered = given(ch01.P_CHART, "abandoned"), given(ch01.P_CHART, "offered")
    return pd.DataFrame({Say("放弃", "Abandoned").get(lang): abandoned, Say("来话", "Offered").get(lang): offered},
                        index=pd.Index(range(1, len(offered) + 1), name=Say("第几天", "Day").get(lang)))


def _asa(lang: str) -> pd.DataFrame:
    days = ch01._asa()
    return pd.DataFrame({Say("ASA（秒）", "ASA (s)").get(lang): days},
                        index=pd.Index(range(1, len(days) + 1), name=Say("第几天", "Day").get(lang)))


def _errors(lang: str) -> pd.DataFrame:
    names = {"wrong info": Say("信息错误", "Wrong information"), "no verification": Say("未核实身份", "No verification"),
             "hold too long": Say("保持过久", "Hold too long"), "no recap": Say("未复述确认", "No recap"),
             "rude tone": Say("语气生硬", "Rude tone"), "wrong transfer": Say("错误转接", "Wrong transfer")}
    errors = ch01._errors()
    return pd.DataFrame({Say("次数", "Count").get(lang): list(errors.values())},
                        index=[names[k].get(lang) if k in names else k for k in errors])


GIVENS = (
    Given("survey", Say("12 位客户的推荐意愿打分", "Twelve customers' likelihood-to-recommend scores"), _survey),
    Given("status", Say("今天的服务水平卡片", "Today's service-level card"), _status),
    Given("transfers", Say("被转接的电话", "Transferred calls"), _transfers),
    Given("days", Say("5 天的放弃与来话", "Abandoned and offered calls on 5 days"), _days,
          note=Say("p 图：中心线 p̄ = 放弃总数 ÷ 来话总数；控制上限 = p̄ + 3 √(p̄(1 − p̄) ÷ n)，n 为当天来话。",
                   "p-chart: centre p̄ = total abandoned ÷ total offered; UCL = p̄ + 3 √(p̄(1 − p̄) ÷ n), n that day's offered.")),
    Given("asa", Say("8 天的平均应答速度", "Eight days of ASA"), _asa,
          note=Say("单值图：σ ≈ 相邻两天之差的平均 (MR̄) ÷ 1.128；控制上限 = 平均 + 3σ。",
                   "Individuals chart: σ ≈ average difference of neighbouring days (MR̄) ÷ 1.128; UCL = mean + 3σ.")),
    Given("errors", Say("质检发现的错误类别（一个月）", "Kinds of mistake found by QA (one month)"), _errors),
)

# ---------------------------------------------------------------- answers from the code track
FAMILY = from_code(
    ch01.FAMILY, set=NAME, id="fcr_family", labels=FAMILIES, keep_hints=[],
    hints=["四类：服务（打得进、等得短）、质量（做得对、解决了）、成本效率（花多少）、人员（人的状态）。"],
    prompt=Say("一次解决率 (FCR) 属于哪一类 KPI？", "Which KPI family does first-contact resolution (FCR) belong to?"),
    hints_en=["Four families: service (getting through, short waits), quality (done right, resolved), cost-efficiency "
              "(what it costs), people (the state of the staff)."],
    feedback_en=["FCR is not about speed: service measures getting through and waiting little; FCR asks whether the "
                 "issue was solved — quality.",
                 "FCR affects cost (repeat calls), but it measures quality: was the issue solved the first time?"],
    explanation_en="FCR measures whether the service was right: quality. It is AHT's partner measure.",
    title_en="KPI family",
)

NPS = from_code(
    ch01.NPS, set=NAME, id="nps", givens=["survey"], unit=Say("分", "points"), decimals=1, keep_hints=[0],
    hints=["没回答的不算在分母里。"],
    prompt=Say("这 12 位客户的净推荐值 (NPS) 是多少？保留 1 位小数。", "What is the NPS of these twelve customers? One decimal."),
    hints_en=["NPS = % promoters (9–10) − % detractors (0–6), from −100 to 100.", "Customers who did not answer are not in the denominator."],
    feedback_en=["You took only the promoters' share; NPS subtracts the detractors' (0–6) share.",
                 "The customer who did not answer is not in the denominator: it is 11 answers."],
    explanation_en="11 answers: 6 promoters, 3 detractors, NPS = (6 − 3) ÷ 11 × 100 ≈ 27.3.",
    title_en="Net promoter score",
)

STATUS = from_code(
    ch01.STATUS_Q, set=NAME, id="rag_status", givens=["status"], labels=LIGHTS, keep_hints=[0],
    prompt=Say("服务水平越高越好。今天这张卡片亮什么灯？", "Service level: higher is better. Which light does today's card show?"),
    hints_en=["For a higher-is-better KPI: at target is green; below target but not below the amber threshold is amber; below it is red."],
    feedback_en=["77 % is not below the 75 % threshold: below target but within the threshold is amber.",
                 "77 % does not reach the 80 % target; it cannot be green."],
    explanation_en="77 % misses 80 % but is above the 75 % threshold: amber — watch the trend, no need to assign blame yet.",
    title_en="Traffic light",
)

FCR_TRANSFERRED = from_code(
    ch01.TRANSFER_FCR, set=NAME, id="fcr_transferred", givens=["transfers"], scale=100, unit=PCT, decimals=1,
    keep_hints=[], hints=["一次解决率 = 标记为一次解决的 ÷ 有解决标记的电话（没有标记的不算）。"],
    prompt=Say("被转接的电话，一次解决率是多少？填百分数，保留 1 位小数。", "What is the FCR of transferred calls? In percent, one decimal."),
    hints_en=["FCR = flagged resolved ÷ calls with a flag (unflagged calls do not count)."],
    feedback_en=["That is the FCR of all answered calls; the question asks about transferred calls only.",
                 "You worked out the unresolved share; FCR is resolved ÷ flagged."],
    explanation_en="Only about four in ten transferred calls are resolved first time: AHT “saved” by transferring pushes the work onto the customer and the next agent.",
    title_en="Transfers and FCR",
)

UCL_DAY3 = from_code(
    ch01.P_CHART_Q, set=NAME, id="p_chart_ucl_day3", givens=["days"], scale=100, unit=PCT, decimals=2, keep_hints=[0],
    hints=["第 3 天：n = 700。"],
    prompt=Say("第 3 天放弃率的控制上限 (UCL) 是多少？填百分数，保留 2 位小数。",
               "What is day 3's upper control limit for abandonment? In percent, two decimals."),
    hints_en=["Centre line p̄ = total abandoned ÷ total offered (all 5 days), not each day's rate.", "Day 3: n = 700."],
    feedback_en=["The standard deviation divides by that day's sample size n: √(p̄(1 − p̄) / n).",
                 "The centre line is p̄ of all 5 days (total abandoned ÷ total offered), not day 3's own rate."],
    explanation_en="Day 3 has the fewest calls and the widest limits; its 8.7 % abandonment is above the limit (about 8.3 %): a signal.",
    title_en="p-chart UCL",
)

XMR = from_code(
    ch01.XMR, set=NAME, id="xmr_ucl", givens=["asa"], unit=Say("秒", "s"), decimals=1, keep_hints=[0],
    prompt=Say("ASA 单值图的控制上限是多少秒？保留 1 位小数。", "What is the upper limit of the ASA individuals chart, in seconds? One decimal."),
    hints_en=["An individuals chart estimates σ from the moving range: σ = MR̄ ÷ 1.128 (MR = |difference of neighbouring days|)."],
    feedback_en=["An individuals chart does not use the sample standard deviation: σ = MR̄ ÷ 1.128 (outliers cannot widen the limits).",
                 "MR̄ must be divided by d2 = 1.128 to get σ: UCL = x̄ + 3 × MR̄ ÷ 1.128 (≈ x̄ + 2.66 MR̄)."],
    explanation_en="σ from the moving range reflects only short-term (day-to-day) variation, so trends and outliers do not widen the limits.",
    title_en="Individuals chart UCL",
)

VITAL_FEW = from_code(
    ch01.PARETO, set=NAME, id="vital_few", givens=["errors"], unit=Say("类", "kinds"), keep_hints=[0],
    prompt=Say("按帕累托图，“关键少数”有几类错误？", "By the Pareto chart, how many error kinds are the vital few?"),
    hints_en=["Sort from most to least and add up shares; the vital few run until the cumulative share reaches 80 % "
              "(including the kind that crosses 80 %)."],
    feedback_en=["By the second kind the total is only 69 %, short of 80 %: include the kind that takes it over 80 %.",
                 "The vital few are only the first kinds up to 80 %, not all of them."],
    explanation_en="Of 100 errors the top 3 kinds make 81 %: coaching and process fixes go there first.",
    title_en="Pareto: the vital few",
)

# ---------------------------------------------------------------- interpretation questions
OCC_FAMILY = NoCodeQuestion(
    set=NAME, id="occupancy_family", kind="choice",
    title="占用率的类别 occupancy's family", title_en="Occupancy's family",
    prompt=Say("占用率 (occupancy) 属于哪一类 KPI？", "Which KPI family does occupancy belong to?"),
    choices=list(FAMILIES.values()), expected=lambda: FAMILIES[kpi.indicator("occupancy").family].zh,
    hints=["占用率衡量的是座席的时间用得多满。"],
    hints_en=["Occupancy measures how fully agents' time is used."],
    explanation="占用率衡量人力用得多满：成本效率类。它和服务水平、ASA 互相牵制：人排得越紧，占用率越高，等待越长。",
    explanation_en="Occupancy measures how fully people's time is used: cost-efficiency. It pulls against service level "
                   "and ASA: the tighter the staffing, the higher the occupancy and the longer the waits.",
    mistakes=[Mistake(FAMILIES["people"].zh, "占用率和人有关，但它衡量的是人力的利用效率，不是人员的状态（出勤、流失）。",
                      feedback_en="Occupancy concerns people, but it measures how efficiently their time is used, not their state (attendance, attrition).")],
)

PAIRING = NoCodeQuestion(
    set=NAME, id="pair_with_aht", kind="multiple",
    title="配对看指标 pairing KPIs", title_en="Pairing KPIs",
    prompt=Say("只考核 AHT 时，座席最容易“缩短”通话的办法会伤害什么？应和 AHT 配对考核哪些指标？（多选）",
               "If only AHT is assessed, agents' easiest ways to “shorten” calls hurt something. Which KPIs should be paired with AHT? (tick all that apply)"),
    choices=[Say("一次解决率 (FCR)", "First-contact resolution (FCR)"), Say("转接率", "Transfer rate"),
             Say("客户满意度 (CSAT)", "Customer satisfaction (CSAT)"), Say("出勤率", "Attendance rate")],
    expected=("一次解决率 (FCR)", "转接率", "客户满意度 (CSAT)"),
    hints=["缩短通话最省事的办法：转接难题、匆忙结束。哪些指标会因此变差？"],
    hints_en=["The easiest ways to shorten calls: transfer the hard ones, hurry the ending. Which KPIs get worse?"],
    explanation=ch01.PRINCIPLES.solution.replace("**", "").replace("（第 2 课：被转接的电话一次解决率约 40 %）", ""),
    explanation_en=("If only AHT counts, agents transfer hard calls and hurry endings: AHT falls, FCR and satisfaction "
                    "fall, repeat calls rise. So pair AHT with FCR, transfer rate and satisfaction; likewise service "
                    "level with cost per contact, occupancy with ASA and attrition."),
    mistakes=[Mistake(("一次解决率 (FCR)", "转接率", "客户满意度 (CSAT)", "出勤率"),
                      "出勤率和 AHT 之间没有“此消彼长”的牵制；配对选的是座席为了压 AHT 会牺牲的指标。",
                      feedback_en="Attendance does not trade off against AHT; pair AHT with what agents would sacrifice to cut it.")],
)

AMBER = NoCodeQuestion(
    set=NAME, id="amber_reading", kind="choice", givens=["status"],
    title="黄灯怎么看 reading an amber light", title_en="Reading an amber light",
    prompt=Say("服务水平亮黄灯。主管该怎么做？", "Service level shows amber. What should the supervisor do?"),
    choices=[Say("关注趋势：连续几天黄灯或走向红灯再深入分析", "Watch the trend: dig in if it stays amber for days or heads for red"),
             Say("立刻找当班座席追责", "Hold the shift's agents to account at once"),
             Say("把警戒线调低，让它变绿", "Lower the threshold so it turns green")],
    expected="关注趋势：连续几天黄灯或走向红灯再深入分析",
    hints=["一天的数字有随机波动；黄灯是提醒，不是结论。"],
    hints_en=["One day's number varies by chance; amber is a reminder, not a verdict."],
    explanation="黄灯表示未达目标但在警戒线内：看趋势和控制图，不必立刻追责；改阈值只是改颜色。",
    explanation_en="Amber means below target but within the threshold: look at the trend and the control chart, no need to "
                   "assign blame at once; changing the threshold only changes the colour.",
    mistakes=[Mistake("立刻找当班座席追责", "一天的服务水平受来话波动、排班等很多因素影响，多数不在座席控制之内；先看趋势。",
                      feedback_en="A day's service level depends on call volume, scheduling and more, mostly beyond agents' control; look at the trend first.")],
)


def _day3_signal() -> str:
    points = ch01._p_chart().points
    above = bool(points["value"].iloc[2] > points["ucl"].iloc[2])
    return ("超出控制上限：有特殊原因，值得查当天发生了什么" if above
            else "在控制限内：普通波动，不必单独追查")


DAY3 = NoCodeQuestion(
    set=NAME, id="day3_signal", kind="choice", givens=["days"],
    title="第 3 天说明什么 what day 3 says", title_en="What day 3 says",
    prompt=Say("第 3 天放弃 61 通、来话 700 通。和它的控制上限比，这一天说明什么？",
               "Day 3: 61 abandoned of 700 offered. Against its upper limit, what does the day say?"),
    choices=[Say("超出控制上限：有特殊原因，值得查当天发生了什么", "Above the upper limit: a special cause worth investigating"),
             Say("在控制限内：普通波动，不必单独追查", "Within the limits: ordinary variation, no separate investigation")],
    expected=_day3_signal,
    hints=["先算第 3 天的放弃率（61 ÷ 700），再和上一题的控制上限比。"],
    hints_en=["Work out day 3's rate (61 ÷ 700) and compare it with the limit from the previous question."],
    explanation="8.7 % 高于约 8.3 % 的上限：特殊原因信号，去查那天的排班、系统或来话高峰。",
    explanation_en="8.7 % is above the limit of about 8.3 %: a special-cause signal; check that day's staffing, systems or call peak.",
    mistakes=[Mistake("在控制限内：普通波动，不必单独追查", "61 ÷ 700 ≈ 8.7 %，高于当天约 8.3 % 的控制上限。",
                      feedback_en="61 ÷ 700 ≈ 8.7 %, above that day's limit of about 8.3 %.")],
)

CSAT_FAMILY = NoCodeQuestion(
    set=NAME, id="csat_family", kind="choice",
    title="满意度的类别 satisfaction's family", title_en="Satisfaction's family",
    prompt=Say("客户满意度 (CSAT，前两项比例) 属于哪一类 KPI？", "Which KPI family does customer satisfaction (CSAT, top-two-box) belong to?"),
    choices=list(FAMILIES.values()), expected=lambda: FAMILIES[kpi.indicator("csat_top2_box").family].zh,
    hints=["满意度反映的是服务做得好不好，还是快不快、花多少？"],
    hints_en=["Does satisfaction reflect how well, how fast, or how costly the service was?"],
    explanation="满意度衡量服务做得好不好：质量类，和一次解决率、质检得分一起看。",
    explanation_en="Satisfaction measures how good the service was: quality, read with FCR and QA scores.",
    mistakes=[Mistake(FAMILIES["service"].zh, "服务类看的是打得进、等得短；满意度衡量的是体验的好坏，属于质量类。",
                      feedback_en="Service measures getting through and short waits; satisfaction measures how good the experience was: quality.")],
)

QUESTIONS = (FAMILY, OCC_FAMILY, CSAT_FAMILY, PAIRING, NPS, STATUS, AMBER, FCR_TRANSFERRED, UCL_DAY3, DAY3, XMR,
             VITAL_FEW)

SET = NoCodeSet(
    name=NAME,
    title=Say("第 01 章 运营绩效管理基础：练习册", "Chapter 01 Performance management foundations: workbook"),
    intro=Say("不用写代码：读下面的表格和事实，在框里填数或选择，点“检查”。需要时看“提示”，做完可以看“答案”。"
              "数字来自套件的示例数据（2026 年 3 月，电商客服热线）。",
              "No code needed: read the tables and facts, type a number or choose, then press Check. Use Hint when "
              "stuck and Answer when done. The numbers come from the kit's sample data (March 2026, an e-commerce "
              "service line)."),
    givens=GIVENS,
    questions=QUESTIONS,
)
