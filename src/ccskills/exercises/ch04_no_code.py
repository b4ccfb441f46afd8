"""Chapter 04 no-code workbook: cost and efficiency metrics (服务成本效率指标), without Python.

The numbers re-use the code track's questions (:mod:`ccskills.exercises.ch04`) through
:func:`~._no_code.from_code`; the page shows the month's cost lines, call counts and agent
time as tables computed here with the kit (``ccskills.kpi``). The interpretation questions add
judgement: which cost to compare between centres, what a very high occupancy costs, what counts
as shrinkage, how to read a budget overspend, which savings hurt service.

>>> SET.name, len(SET.questions) >= 10
('ch04', True)
"""

from __future__ import annotations

import pandas as pd

from ccskills import kpi
from ccskills.staffing import HOURS_PER_FTE

from . import ch04
from ._givens import given
from ._no_code import Given, NoCodeQuestion, NoCodeSet, Say, from_code
from ._questions import Mistake

NAME = "ch04"
PCT = Say("%", "%")
YUAN = Say("元", "CNY")
CATEGORIES = {"labour": Say("人工 (labour)", "Labour"), "management_overhead": Say("管理费用", "Management overhead"),
              "it": Say("IT 系统", "IT"), "facilities": Say("场地", "Facilities"), "telecom": Say("通信", "Telecom"),
              "training": Say("培训", "Training"), "recruitment": Say("招聘", "Recruitment")}


def _fraction_typed(question, var: str) -> Mistake:
    """The typical slip of the no-code track: a fraction typed where a percentage is asked."""
    return Mistake(lambda: float(question.expected_values[var]), "单位是 %：请填百分数（例如 65），不是小数 0.65。",
                   feedback_en="The unit is %: enter a percentage (e.g. 65), not the fraction 0.65.")


# ---------------------------------------------------------------- givens (computed with the kit)
def _costs(lang: str) -> pd.DataFrame:
    table = ch04._costs().groupby("category")[["amount_cny", "budget_cny"]].sum()
    table = table.loc[[c for c in CATEGORIES if c in table.index]]
    table.index = [CATEGORIES[c].get(lang) for c in table.index]
    table.columns = [Say("实际（元）", "Actual (CNY)").get(lang), Say("预算（元）", "Budget (CNY)").get(lang)]
    total = table.sum().rename(Say("合计", "Total").get(lang))
    return pd.concat([table, total.to_frame().T]).map("{:,.2f}".format)


def _presales(lang: str) -> list[tuple[str, str]]:
    counts = kpi.call_counts(ch04._presales("presales_calls"))
    return [(Say("售前队列 3 月总成本", "Pre-sales queue, March total cost").get(lang),
             f"{kpi.total_cost(ch04._presales('presales_costs')):,.2f} {YUAN.get(lang)}"),
            (Say("全中心 3 月总成本", "Whole centre, March total cost").get(lang),
             f"{kpi.total_cost(ch04._costs()):,.2f} {YUAN.get(lang)}"),
            (Say("售前来话量 (offered)", "Pre-sales offered calls").get(lang), f"{counts.offered:,}"),
            (Say("售前接通量 (answered，处理的联络)", "Pre-sales answered calls (contacts handled)").get(lang), f"{counts.answered:,}")]


def _aftersales(lang: str) -> list[tuple[str, str]]:
    states = ch04._aftersales("aftersales_states")
    handle = kpi.productive_hours(states, "handle_hours")
    productive = kpi.productive_hours(states)
    hours = Say("小时", "hours").get(lang)
    return [(Say("售后队列 3 月总成本", "After-sales queue, March total cost").get(lang),
             f"{kpi.total_cost(ch04._aftersales('aftersales_costs')):,.2f} {YUAN.get(lang)}"),
            (Say("处理小时（通话 + 保持 + 话后处理）", "Handle hours (talk + hold + after-call work)").get(lang), f"{handle:,.2f} {hours}"),
            (Say("示闲等电话的小时 (available)", "Available hours, waiting for calls").get(lang), f"{productive - handle:,.2f} {hours}"),
            (Say("带薪小时 (paid)", "Paid hours").get(lang), f"{states['paid_s'].sum() / 3600:,.2f} {hours}")]


def _day(lang: str) -> pd.DataFrame:
    day = ch04._day().iloc[0]
    names = {"paid_s": Say("带薪", "Paid"), "logged_in_s": Say("签入系统", "Logged in"),
             "available_s": Say("示闲等电话", "Available"), "talk_s": Say("通话", "Talk"), "hold_s": Say("保持", "Hold"),
             "acw_s": Say("话后处理", "After-call work"), "not_ready_s": Say("示忙（签入但不接电话）", "Not ready (logged in, not taking calls)")}
    return pd.DataFrame({Say("秒", "Seconds").get(lang): [int(day[c]) for c in names]},
                        index=[n.get(lang) for n in names.values()])


def _identity(lang: str) -> list[tuple[str, str]]:
    cost, aht, occ = ch04._identity()
    return [(Say("每生产小时成本", "Cost per productive hour").get(lang), f"{cost} {YUAN.get(lang)}"),
            ("AHT", f"{aht} 秒" if lang == "zh" else f"{aht} s"),
            (Say("占用率 (occupancy)", "Occupancy").get(lang), f"{occ * 100:.0f} %")]


def _online(lang: str) -> list[tuple[str, str]]:
    online = given(ch04.IMPORTS + ch04.ONLINE, "online_hours")
    month = given(ch04.IMPORTS + ch04.ONLINE, "hours_per_fte_month")
    return [(Say("一个月需要的在线小时", "Online hours needed in a month").get(lang), f"{online:,}"),
            (Say("一个全职人力 (FTE) 一年的带薪小时", "Paid hours of one FTE a year").get(lang), f"{HOURS_PER_FTE:,.0f}"),
            (Say("折算到 3 月（31 天）", "Pro rata for March (31 days)").get(lang), f"{month:.2f}")]


GIVENS = (
    Given("costs", Say("3 月成本明细（按类别）", "March cost lines by category"), _costs),
    Given("presales", Say("售前队列", "Pre-sales queue"), _presales),
    Given("aftersales", Say("售后队列的成本与座席时间", "After-sales cost and agent time"), _aftersales),
    Given("day", Say("一位座席一天 8 小时的时间构成", "One agent's 8-hour day"), _day),
    Given("identity", Say("一个队列的三个数", "Three numbers of a queue"), _identity),
    Given("online", Say("在线小时与全职人力", "Online hours and full-time equivalents"), _online),
)

# ---------------------------------------------------------------- numbers from the code track
LABOUR = from_code(
    ch04.LABOUR_SHARE, set=NAME, id="labour_share", givens=["costs"], scale=100, unit=PCT, decimals=1, keep=[1],
    feedback={1: "分母用了预算总额；这里问的是实际成本的构成。"},
    keep_hints=[], hints=["人工占比 = 人工的实际金额 ÷ 全部实际金额。"],
    extra_mistakes=[_fraction_typed(ch04.LABOUR_SHARE, "labour_share")],
    prompt=Say("3 月实际成本中，人工 (labour) 占多少？填百分数，保留 1 位小数。",
               "What share of March's actual cost is labour? In percent, one decimal."),
    hints_en=["Labour share = actual labour ÷ total actual cost."],
    feedback_en=["You divided by the total budget; the question is about the make-up of actual cost."],
    explanation_en="About two thirds of the money goes on agents and team leaders; with management, people's time is the bulk of cost.",
    title_en="Labour share",
)

CPC = from_code(
    ch04.COST_PER_CONTACT, set=NAME, id="cpc_presales", givens=["presales"], unit=YUAN, decimals=2, keep_hints=[0],
    feedback={0: "你除以了来话量；本题按接通量（处理的联络）算。", 1: "分子用了全中心的成本；只取售前队列的成本。"},
    prompt=Say("售前的单呼成本 (cost per contact) 是多少元？保留 2 位小数。",
               "What is the pre-sales cost per contact, in CNY? Two decimals."),
    hints_en=["Cost per contact = the pre-sales total cost ÷ pre-sales answered calls (default: contacts handled)."],
    feedback_en=["You divided by offered calls (per-offered definition); this question uses answered calls (contacts handled).",
                 "The numerator is the whole centre's cost; take the pre-sales queue's cost only."],
    explanation_en="About 15.6 CNY per pre-sales call, far cheaper than after-sales: half the AHT.",
    title_en="Cost per contact",
)

CPPH = from_code(
    ch04.COST_PER_HOUR, set=NAME, id="cpph_aftersales", givens=["aftersales"], unit=Say("元/小时", "CNY per hour"),
    decimals=1, keep_hints=[0],
    prompt=Say("售后的每生产小时成本 (cost per productive hour) 是多少元？保留 1 位小数。",
               "What is the after-sales cost per productive hour, in CNY? One decimal."),
    hints_en=["Productive hours (default) = handle + available hours: time on line, able to take calls."],
    feedback_en=["You divided by paid hours; productive hours are only time on line able to take calls (handle + "
                 "available), without breaks, meetings and not-ready.",
                 "You counted handle hours only; the default productive hours also include available time waiting for calls."],
    explanation_en="About 162 CNY an hour: behind each hour on line able to take calls are pay, premises, systems and management.",
    title_en="Cost per productive hour",
)

OCC = from_code(
    ch04.OCCUPANCY, set=NAME, id="occupancy", givens=["day"], scale=100, unit=PCT, decimals=1, keep_hints=[0],
    extra_mistakes=[_fraction_typed(ch04.OCCUPANCY, "occ")],
    prompt=Say("这一天的占用率 (occupancy) 是多少？填百分数，保留 1 位小数。", "What is this day's occupancy? In percent, one decimal."),
    hints_en=["Occupancy (default) = handle ÷ (handle + available); handle = talk + hold + after-call work."],
    feedback_en=["You divided by logged-in time: not-ready time is not waiting for calls; the default denominator is handle + available.",
                 "Handling is not only talk: hold and after-call work are handling too."],
    explanation_en="(12,600 + 900 + 2,700) ÷ (16,200 + 5,400) = 75 %: at the lower edge of the usual 75–85 % target.",
    title_en="Occupancy",
)

UTIL = from_code(
    ch04.UTILISATION, "util", set=NAME, id="utilisation", givens=["day"], scale=100, unit=PCT, decimals=1,
    keep_hints=[0],
    prompt=Say("这一天的利用率 (utilisation) 是多少？填百分数，保留 1 位小数。", "What is this day's utilisation? In percent, one decimal."),
    hints_en=["Utilisation = (handle + available) ÷ paid; shrinkage = 1 − utilisation (default)."],
    feedback_en=["Logged in is not taking calls: not-ready time is logged in but takes no calls. Utilisation's numerator is handle + available."],
    explanation_en="6 of 8 hours on line able to take calls: 25 % shrinkage, within the usual 20–35 %.",
    title="利用率 utilisation", title_en="Utilisation",
)

SHRINK = from_code(
    ch04.UTILISATION, "shrink", set=NAME, id="shrinkage", givens=["day"], scale=100, unit=PCT, decimals=1,
    keep_hints=[0],
    prompt=Say("这一天的损耗率 (shrinkage) 是多少？填百分数，保留 1 位小数。", "What is this day's shrinkage? In percent, one decimal."),
    hints_en=["Utilisation = (handle + available) ÷ paid; shrinkage = 1 − utilisation (default)."],
    feedback_en=["You counted only the time not logged in; not-ready (logged in, not taking calls) is shrinkage too."],
    explanation_en="6 of 8 hours on line able to take calls: 25 % shrinkage, within the usual 20–35 %.",
    title="损耗率 shrinkage", title_en="Shrinkage",
)

OVERSPEND = from_code(
    ch04.BUDGET, set=NAME, id="training_overspend", givens=["costs"], unit=YUAN, decimals=2, keep_hints=[],
    hints=["超支 = 实际 − 预算，只看培训这一类，单位元。"],
    prompt=Say("3 月培训费用超支多少元？", "By how many CNY did March's training cost overrun its budget?"),
    hints_en=["Overspend = actual − budget, training only, in CNY."],
    feedback_en=["The sign is reversed: overspend = actual − budget, a positive number.",
                 "That is the overspend as a ratio; the question asks for the amount (CNY)."],
    explanation_en="Training overran by about 11,000 CNY (35 %): many new hires this quarter — look at attrition, not just the training bill.",
    title_en="Budget variance",
)

IDENTITY = from_code(
    ch04.IDENTITY_Q, set=NAME, id="cpc_identity", givens=["identity"], unit=YUAN, decimals=2,
    prompt=Say("这个队列的单呼成本是多少元？保留 2 位小数。", "What is this queue's cost per contact, in CNY? Two decimals."),
    hints_en=["Cost per contact = cost per productive hour × AHT (hours) ÷ occupancy.", "AHT 300 s = 300 / 3,600 hours."],
    feedback_en=["You forgot occupancy: agents are not handling calls 100 % of the time, and the idle time is shared "
                 "over the calls too: divide by occupancy.",
                 "Divide by occupancy, do not multiply: the lower the occupancy, the dearer each call."],
    explanation_en="150 × 300/3,600 ÷ 0.75 ≈ 16.7 CNY: the lower the occupancy, the more idle time each call carries.",
    title_en="Cost per contact from its three factors",
)

FTE = from_code(
    ch04.FTE, set=NAME, id="fte_saved", givens=["online"], unit=Say("个全职人力", "FTE"), decimals=2, keep_hints=[0],
    hints=["分别算损耗 36 % 和 30 % 时的 FTE，再相减。"],
    prompt=Say("损耗率从 36 % 降到 30 %，这个月能少用多少个全职人力 (FTE)？保留 2 位小数。",
               "If shrinkage falls from 36 % to 30 %, how many fewer FTE does the month need? Two decimals."),
    hints_en=["FTE = online hours ÷ (paid hours per FTE in the month × (1 − shrinkage)).",
              "Work out the FTE at 36 % and at 30 % shrinkage, then subtract."],
    feedback_en=["Divide by (1 − shrinkage), do not multiply: 30 % of the time off line means scheduling more people.",
                 "That is the FTE needed at 36 % shrinkage; the question asks for the FTE saved between the two (subtract)."],
    explanation_en="For every 1,000 online hours, 6 points less shrinkage saves about 0.8 of a full-time person.",
    title_en="FTE and shrinkage",
)

# ---------------------------------------------------------------- interpretation questions
COMPARE = NoCodeQuestion(
    set=NAME, id="compare_centres", kind="choice",
    title="跨中心比较成本 comparing centres", title_en="Comparing centres' cost",
    prompt=Say("两个中心业务不同：A 中心 AHT 3 分钟，B 中心 AHT 8 分钟。比较两者的成本效率，哪个指标更公平？",
               "Two centres handle different work: A's AHT is 3 minutes, B's 8. Which measure compares their cost efficiency more fairly?"),
    choices=[Say("每生产小时成本：不受业务复杂度（AHT）的影响", "Cost per productive hour: not driven by the work's complexity (AHT)"),
             Say("单呼成本：越低越好", "Cost per contact: the lower the better"),
             Say("总成本", "Total cost")],
    expected="每生产小时成本：不受业务复杂度（AHT）的影响",
    hints=["单呼成本 = 每生产小时成本 × AHT ÷ 占用率：AHT 长的中心单呼成本天然就高。"],
    hints_en=["Cost per contact = cost per productive hour × AHT ÷ occupancy: a long-AHT centre has a high cost per contact by nature."],
    explanation=("单呼成本里含着 AHT，业务复杂的中心天然更贵；每生产小时成本看的是“一小时可接话的人力花多少钱”，"
                 "更适合跨中心比较。同一个中心看自己的趋势时，两者都有用。"),
    explanation_en=("Cost per contact carries AHT, so a centre with complex work is dearer by nature; cost per productive "
                    "hour asks what an hour of people able to take calls costs, fairer across centres. For one centre's "
                    "own trend both are useful."),
    mistakes=[Mistake("单呼成本：越低越好", "B 中心每通电话本来就要 8 分钟：单呼成本高不代表效率低。",
                      feedback_en="B's calls simply take 8 minutes: a high cost per contact does not mean low efficiency.")],
)

HIGH_OCC = NoCodeQuestion(
    set=NAME, id="occupancy_95", kind="multiple",
    title="占用率 95 % 的代价 the price of 95 % occupancy", title_en="The price of 95 % occupancy",
    prompt=Say("为了降低单呼成本，主管把目标占用率从 80 % 提到 95 %。可能的后果有哪些？（多选）",
               "To cut cost per contact, a manager raises the occupancy target from 80 % to 95 %. What are the likely consequences? (tick all that apply)"),
    choices=[Say("座席疲劳、缺勤和流失上升", "Agent fatigue, absence and attrition rise"),
             Say("排队变长，服务水平下降、放弃率上升", "Queues lengthen: service level falls, abandonment rises"),
             Say("单呼成本在短期内下降", "Cost per contact falls in the short term"),
             Say("一次解决率一定上升", "First-contact resolution certainly rises")],
    expected=("座席疲劳、缺勤和流失上升", "排队变长，服务水平下降、放弃率上升", "单呼成本在短期内下降"),
    hints=["单呼成本 = 每生产小时成本 × AHT ÷ 占用率：占用率高，单呼成本低。", "人能一直连续接电话吗？排队会怎样？"],
    hints_en=["Cost per contact = cost per productive hour × AHT ÷ occupancy: higher occupancy, lower cost per contact.",
              "Can people take calls back to back all day? What happens to the queue?"],
    explanation=("占用率高，账面上单呼成本下降；但座席没有喘息，疲劳、缺勤、流失上升，招聘培训成本随之上升；"
                 "小队列要维持 95 % 占用率只能让客户排长队。常见目标是 75–85 %。"),
    explanation_en=("Higher occupancy lowers cost per contact on paper; but agents get no breathing space, so fatigue, "
                    "absence and attrition rise, and hiring and training costs with them; a small queue only reaches 95 % "
                    "by making customers wait. The usual target is 75–85 %."),
    mistakes=[Mistake(("座席疲劳、缺勤和流失上升", "排队变长，服务水平下降、放弃率上升"),
                      "还漏了一项：账面上单呼成本确实会下降——这正是它诱人的地方。",
                      feedback_en="One is missing: on paper cost per contact does fall — that is what makes it tempting.")],
)

NOT_READY = NoCodeQuestion(
    set=NAME, id="not_ready_is_shrinkage", kind="choice", givens=["day"],
    title="示忙算不算损耗 is not-ready shrinkage", title_en="Is not-ready time shrinkage",
    prompt=Say("座席签入了系统但处于示忙 (not ready) 状态的时间，算不算损耗？", "Is time logged in but not ready shrinkage?"),
    choices=[Say("算：签入了但不能接电话，和休息一样是损耗", "Yes: logged in but unable to take calls, it is shrinkage like a break"),
             Say("不算：座席已经签入了", "No: the agent is logged in"),
             Say("只有超过 30 分钟才算", "Only beyond 30 minutes")],
    expected="算：签入了但不能接电话，和休息一样是损耗",
    hints=["利用率的分子是处理 + 示闲：示忙在不在里面？"],
    hints_en=["Utilisation's numerator is handle + available: is not-ready in it?"],
    explanation=("损耗 = 1 − (处理 + 示闲) ÷ 带薪：示忙不在分子里，所以是损耗。只数没签入的时间会低估损耗，"
                 "这一天就是 25 % 和 9 % 的差别。"),
    explanation_en=("Shrinkage = 1 − (handle + available) ÷ paid: not-ready is outside the numerator, so it is shrinkage. "
                    "Counting only time not logged in understates it: 25 % against 9 % on this day."),
    mistakes=[Mistake("不算：座席已经签入了", "签入不等于可接电话：示忙的时间签入了，却不接电话。",
                      feedback_en="Logged in is not available: not-ready time is logged in but takes no calls.")],
)

TRAINING = NoCodeQuestion(
    set=NAME, id="training_overspend_reading", kind="choice", givens=["costs"],
    title="培训超支怎么看 reading the training overspend", title_en="Reading the training overspend",
    prompt=Say("培训和招聘都超支，其他类别基本持平。运营经理首先该看什么？",
               "Training and recruitment both overran; the other categories are on budget. What should the operations manager look at first?"),
    choices=[Say("人员流失：新人多，招聘和培训费用自然上升", "Attrition: more new hires push recruitment and training costs up"),
             Say("砍掉下个月的培训预算", "Cut next month's training budget"),
             Say("换一家便宜的培训机构", "Switch to a cheaper training provider")],
    expected="人员流失：新人多，招聘和培训费用自然上升",
    hints=["招聘和培训一起超支，共同的原因是什么？"],
    hints_en=["Recruitment and training overran together: what do they have in common?"],
    explanation="招聘、培训一起超支，根源多半是流失：先看离职率和司龄结构，砍培训只会让新人更慢上手、流失更多。",
    explanation_en="Recruitment and training overrunning together usually means attrition: look at leavers and tenure first; "
                   "cutting training only slows new hires down and loses more of them.",
    mistakes=[Mistake("砍掉下个月的培训预算", "砍培训治标不治本：新人上手更慢，流失可能更多，招聘费用还会再涨。",
                      feedback_en="Cutting training treats the symptom: new hires ramp up slower, more may leave, and recruitment costs rise again.")],
)

SAVINGS = NoCodeQuestion(
    set=NAME, id="savings_that_hurt", kind="multiple",
    title="哪些省钱会伤害服务 savings that hurt service", title_en="Savings that hurt service",
    prompt=Say("下面哪些降本做法最可能伤害客户体验？（多选）", "Which cost cuts are most likely to hurt the customer experience? (tick all that apply)"),
    choices=[Say("把语音菜单加到五层，让更多客户自助", "Deepen the IVR to five levels so more customers self-serve"),
             Say("按预测减少晚间排班，不看实际放弃率", "Cut evening staffing to forecast without watching abandonment"),
             Say("完善知识库，缩短查询时间", "Improve the knowledge base to shorten look-ups"),
             Say("降低损耗：把会议挪到话务低谷", "Lower shrinkage: move meetings into quiet hours")],
    expected=("把语音菜单加到五层，让更多客户自助", "按预测减少晚间排班，不看实际放弃率"),
    hints=["好的降本减少的是浪费（查询慢、会议排在高峰），坏的降本把成本转嫁给客户（等待、绕路）。"],
    hints_en=["Good savings remove waste (slow look-ups, meetings at peak); bad ones shift the cost onto customers (waiting, detours)."],
    explanation=("知识库和错峰开会减少的是浪费；加深语音菜单、削减晚班是把成本转嫁给客户，放弃率和重复来电会把省下的钱吃回去。"),
    explanation_en=("The knowledge base and off-peak meetings remove waste; a deeper IVR and thinner evenings shift the cost "
                    "to customers, and abandonment and repeat calls eat the savings back."),
    mistakes=[Mistake(("把语音菜单加到五层，让更多客户自助", "按预测减少晚间排班，不看实际放弃率", "降低损耗：把会议挪到话务低谷"),
                      "把会议挪到低谷不减少接听能力，反而让高峰有更多人在线：这是好的降本。",
                      feedback_en="Moving meetings to quiet hours takes no capacity from the peak, it adds to it: a good saving.")],
)

QUESTIONS = (LABOUR, OVERSPEND, TRAINING, CPC, CPPH, COMPARE, IDENTITY, HIGH_OCC, OCC, UTIL, SHRINK, NOT_READY, FTE,
             SAVINGS)

SET = NoCodeSet(
    name=NAME,
    title=Say("第 04 章 服务成本效率指标：练习册", "Chapter 04 Cost and efficiency metrics: workbook"),
    intro=Say("不用写代码：读下面的表格和事实，在框里填数或选择，点“检查”。需要时看“提示”，做完可以看“答案”。"
              "数字来自套件的示例数据（2026 年 3 月的成本明细、通话和座席时间）。",
              "No code needed: read the tables and facts, type a number or choose, then press Check. Use Hint when "
              "stuck and Answer when done. The numbers come from the kit's sample data (March 2026 cost lines, calls "
              "and agent time)."),
    givens=GIVENS,
    questions=QUESTIONS,
)
