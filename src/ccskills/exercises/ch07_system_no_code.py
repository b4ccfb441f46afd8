"""Chapter 07 management-system no-code workbook: culture, objectives, the plan, the audit, selection.

The numbers and categories re-use the code track's questions (:mod:`ccskills.exercises.ch07_system`)
through :func:`~._no_code.from_code`: the audit score, the weighted vendor total and the chosen
vendor, the objective groups, a month's FTE and a quarter milestone. The page shows the same
givens as tables computed with ``ccskills.management.system``. The interpretation questions add
judgement: which part of the culture a sentence is, which part of the management system an
activity belongs to, what the digital-management analyst reads every day, which charter rule
applies, what to do with a vendor failing a "must".

>>> SET.name, len(SET.questions) >= 10
('ch07_system', True)
"""

from __future__ import annotations

import pandas as pd

from ccskills.kpi import REPORT_INDICATORS
from ccskills.kpi.display import label
from ccskills.management.system import AUDIT_PARTS

from . import ch07_system as track
from ._givens import given
from ._no_code import Given, NoCodeQuestion, NoCodeSet, Say, from_code
from ._questions import Mistake

NAME = "ch07_system"
PCT = Say("%", "%")
VENDOR = {"A": Say("供应商 A", "Vendor A"), "B": Say("供应商 B", "Vendor B")}
GROUP = {"customer": Say("客户 (customer)", "Customer"), "financial": Say("财务 (financial)", "Financial"),
         "internal": Say("内部运营 (internal)", "Internal operations"), "people": Say("员工成长 (people)", "People")}
PART = {key: Say(zh, en) for key, (zh, en) in AUDIT_PARTS.items() if key != "culture"}


def _pick(pair, lang):
    return pair[0] if lang == "zh" else pair[1]


# ---------------------------------------------------------------- givens (computed with the kit)
def _audit(lang: str) -> pd.DataFrame:
    frame = track._audit().copy()
    frame["part"] = [_pick(AUDIT_PARTS[p], lang) for p in frame["part"]]
    heads = ["部分", "权重", "得分 (0–3)"] if lang == "zh" else ["Part", "Weight", "Score (0–3)"]
    return frame.set_axis(heads, axis=1)


def _requirements(lang: str) -> pd.DataFrame:
    frame = track._requirements().copy()
    words = {"must": ("必须", "Must"), "should": ("应该", "Should"), "could": ("可以", "Could")}
    frame["priority"] = [_pick(words[p], lang) for p in frame["priority"]]
    heads = (["编号", "优先级", "权重", "供应商 A", "供应商 B"] if lang == "zh" else
             ["ID", "Priority", "Weight", "Vendor A", "Vendor B"])
    return frame.set_axis(heads, axis=1)


def _plan(lang: str) -> pd.DataFrame:
    months = given(track.IMPORTS + track.PLAN, "plan").months
    table = pd.DataFrame({"month": [f"{m:%Y-%m}" for m in months.index], "days": months.index.days_in_month,
                          "calls": months["calls"].round().astype(int),
                          "phone": months["phone_hours"].round(2), "paid": months["paid_hours"].round(2)})
    heads = (["月份", "天数", "预测来话量", "在线人时", "带薪人时"] if lang == "zh" else
             ["Month", "Days", "Forecast calls", "Phone hours", "Paid hours"])
    return table.set_axis(heads, axis=1).set_index(heads[0])


def _csat(lang: str) -> list[tuple[str, str]]:
    baseline, target = track._csat()
    return [(_pick(("客户满意度（前两项）2026 年 3 月基线", "CSAT (top-2 box), March 2026 baseline"), lang), f"{baseline:.2%}"),
            (_pick(("年度目标", "Target for the year"), lang), f"{target:.0%}")]


GIVENS = (
    Given("audit", Say("年度审核打分（每项 0–3 分）", "Audit scores (0–3 per item)"), _audit,
          note=Say("得分率 = Σ 权重 × 得分 ÷ (3 × Σ 权重)。", "Percent = Σ weight × score ÷ (3 × Σ weight).")),
    Given("requirements", Say("系统选型需求清单（每行 0–3 分，0 = 不支持）", "Selection checklist (0–3 per line, 0 = not supported)"),
          _requirements, note=Say("加权总分 = Σ 权重 × 得分 ÷ (3 × Σ 权重)。", "Weighted total = Σ weight × score ÷ (3 × Σ weight).")),
    Given("plan", Say("年度运营计划：月度人力计划（电商业务线）", "Annual operating plan: monthly FTE plan (e-commerce line)"), _plan,
          note=Say("每 FTE 一年带薪 1,984 小时；带薪人时已按 30 % 损耗率排班。",
                   "One FTE is paid 1,984 hours a year; paid hours are scheduled after 30 % shrinkage.")),
    Given("csat", Say("客户满意度目标", "The CSAT objective"), _csat),
)

# ---------------------------------------------------------------- numbers and categories from the code track
AUDIT_TOTAL = from_code(
    track.AUDIT_TOTAL, set=NAME, id="audit_total", givens=["audit"], scale=100, unit=PCT, decimals=1,
    prompt=Say("这次审核的加权得分率是多少？填百分数，保留 1 位小数。", "What is the audit's weighted score? In percent, one decimal."),
    hints_en=["Percent = Σ weight × score ÷ (3 × Σ weight): each item's maximum is 3.",
              "Items with a bigger weight matter more: do not just average the scores."],
    feedback_en=["You averaged the scores: items have different weights; weight them (Σ weight × score ÷ (3 × Σ weight)).",
                 "That is the weighted mean on the 0–3 scale; the percent also divides by the maximum, 3."],
    explanation_en="23 points of a possible 42 ≈ 54.8 %, below 60 %: needs improvement; performance review and improvement "
                   "scores only 20 %, the weakest part.",
    title_en="Audit score",
)

VENDOR_TOTAL = from_code(
    track.VENDOR_TOTAL, set=NAME, id="total_b", givens=["requirements"], scale=100, unit=PCT, decimals=1, keep_hints=[0],
    prompt=Say("供应商 B 的加权总分是多少？填百分数，保留 1 位小数。", "What is vendor B's weighted total? In percent, one decimal."),
    hints_en=["Weighted total = Σ weight × score ÷ (3 × Σ weight)."],
    feedback_en=["You did not weight the lines: a 'must' weighs 3, a 'could' only 1.",
                 "That is the weighted mean on the 0–3 scale; the total also divides by the maximum, 3."],
    explanation_en="B scores 36 of a possible 3 × 15 = 45: 80 %, above A (71.1 %).",
    title_en="Weighted vendor total",
)

CHOSEN = from_code(
    track.CHOSEN, set=NAME, id="chosen", givens=["requirements"], labels=VENDOR, keep_hints=[0],
    prompt=Say("应该选哪家供应商？", "Which vendor should be chosen?"),
    hints_en=["First look for a vendor scoring 0 (not supported) on a 'must'."],
    feedback_en=["B has the highest weighted total but scores 0 (not supported) on the must WFM1: a vendor failing a "
                 "'must' is out, whatever its total."],
    explanation_en="B has the higher total, but the 15-minute forecast with Erlang staffing (WFM1) is a must and B does "
                   "not support it: B is out, choose A.",
    title_en="Which vendor",
)

GROUP_SHRINKAGE = from_code(
    track.GROUPS, "group_shrinkage", set=NAME, id="group_shrinkage", labels=GROUP, keep_hints=[0, 1],
    prompt=Say("损耗率 (shrinkage) 属于哪一类战略目标？", "Which group of strategic objectives does shrinkage belong to?"),
    hints_en=["Four groups: customer, financial, internal operations, people.",
              "Shrinkage is operating efficiency that scheduling and floor management control; FCR is an outcome the customer feels."],
    feedback_en=["Shrinkage raises cost, but it is an operating process measure (scheduling and the floor control it): "
                 "internal operations. The financial group holds money outcomes such as cost per contact."],
    explanation_en="Shrinkage affects cost but is an operating process measure: internal operations. FCR is a customer "
                   "outcome: customer. The financial group holds money outcomes (cost per contact).",
    title="损耗率的类别 group of shrinkage", title_en="Group of shrinkage",
)

GROUP_FCR = from_code(
    track.GROUPS, "group_fcr", set=NAME, id="group_fcr", labels=GROUP, keep_hints=[0, 1],
    prompt=Say("一次解决率 (FCR) 属于哪一类战略目标？", "Which group of strategic objectives does first-contact resolution belong to?"),
    hints_en=["Four groups: customer, financial, internal operations, people.",
              "Shrinkage is operating efficiency that scheduling and floor management control; FCR is an outcome the customer feels."],
    feedback_en=["First-contact resolution is an outcome the customer feels directly: the customer group."],
    explanation_en="Shrinkage affects cost but is an operating process measure: internal operations. FCR is a customer "
                   "outcome: customer. The financial group holds money outcomes (cost per contact).",
    title="一次解决率的类别 group of FCR", title_en="Group of FCR",
)

FTE = from_code(
    track.FTE, set=NAME, id="fte_nov", givens=["plan"], unit=Say("FTE", "FTE"), decimals=1,
    prompt=Say("2026 年 11 月需要多少 FTE？保留 1 位小数。", "How many FTE does November 2026 need? One decimal."),
    feedback={0: "你用了在线人时：座席还要小休、培训、请假（损耗），要用按损耗率排班后的带薪人时。"},
    keep_hints=[0, 2], hints=["用带薪人时（已按损耗率排班），不是在线人时。"],
    hints_en=["FTE = paid hours ÷ (1,984 paid hours a year × days in the month ÷ 365).", "November has 30 days.",
              "Use the paid hours (scheduled after shrinkage), not the phone hours."],
    feedback_en=["You used the phone hours: agents also take breaks, training and leave (shrinkage); use the paid hours "
                 "scheduled after shrinkage.",
                 "A month's hours are not 1,984 ÷ 12: scale by the month's days, 1,984 × 30 ÷ 365."],
    explanation_en="November 2026 (based on November 2025, with Double 11) needs the most staff of the year, about 113 FTE.",
    title_en="A month's FTE",
)

MILESTONE = from_code(
    track.MILESTONE, set=NAME, id="q2_milestone", givens=["csat"], scale=100, unit=PCT, decimals=1, keep_hints=[0],
    feedback={1: "这是第三季度的里程碑：第二季度末是基线 + (目标 − 基线) × 2 ÷ 4。"},
    prompt=Say("里程碑从基线到目标按季度等分。第二季度末的满意度里程碑是多少？填百分数，保留 1 位小数。",
               "Milestones go from baseline to target in equal quarterly steps. What is the CSAT milestone at the end of "
               "Q2? In percent, one decimal."),
    hints_en=["Milestones go in equal steps: Q k = baseline + (target − baseline) × k ÷ 4."],
    feedback_en=["That is only half the improvement; the milestone is the baseline plus it: baseline + (target − baseline) × 2 ÷ 4.",
                 "That is the Q3 milestone: the end of Q2 is baseline + (target − baseline) × 2 ÷ 4."],
    explanation_en="March CSAT 75.3 %, target 85 %: by the end of Q2 it should be halfway, about 80.2 %.",
    title_en="Q2 milestone",
)


# ---------------------------------------------------------------- interpretation questions
CULTURE = NoCodeQuestion(
    set=NAME, id="culture_part", kind="choice",
    title="文化的哪一部分 which part of the culture", title_en="Which part of the culture",
    prompt=Say("“让每一位来电客户一次把事情办好，让每一位座席在这里成长。”这句话是中心文化的哪一部分？",
               "'Get every caller's matter done in one contact, and let every agent grow here.' Which part of the culture is it?"),
    choices=[Say("使命 (mission)：中心存在的理由和应该做的事", "Mission: why the centre exists and what it should do"),
             Say("愿景 (vision)：三年后的样子", "Vision: where the centre will be in three years"),
             Say("核心价值 (core values)：日常决定的原则", "Core values: principles for everyday decisions")],
    expected="使命 (mission)：中心存在的理由和应该做的事",
    hints=["它说的是“我们为什么存在、做什么”，还是“将来成为什么”，还是“怎样做决定”？"],
    hints_en=["Does it say why we exist and what we do, what we will become, or how we decide?"],
    explanation="使命说明中心存在的原因和应该做的事；愿景是长期方向（要含服务质量、满意度、成本）；核心价值是日常决定的原则。",
    explanation_en="The mission says why the centre exists and what it should do; the vision is the long-term direction "
                   "(with quality, satisfaction and cost); core values are the principles for everyday decisions.",
    mistakes=[Mistake("愿景 (vision)：三年后的样子",
                      "愿景描述将来的样子，要有方向和可衡量的内容（服务质量、满意度、成本）；这句话说的是我们每天为什么而做。",
                      feedback_en="A vision describes the future, with direction and measurable content (quality, "
                                  "satisfaction, cost); this sentence says why we do the work every day.")],
)

REVIEW_PART = NoCodeQuestion(
    set=NAME, id="review_part", kind="choice",
    title="季度评审属于哪部分 where the quarterly review belongs", title_en="Where the quarterly review belongs",
    prompt=Say("“每季度对照里程碑评审年度运营计划的完成情况”属于管理体系的哪一部分？",
               "'Every quarter, review the annual operating plan against its milestones.' Which part of the management system is it?"),
    choices=[PART["review"], PART["strategic_plan"], PART["operating_model"]],
    expected=PART["review"].zh,
    hints=["战略经营计划写“要做到什么”；哪一部分负责考核计划完成状况、发现问题并改进？"],
    hints_en=["The strategic plan says what to achieve; which part checks how far the plan got and improves?"],
    explanation="绩效评审和提高方法：对经营计划完成状况进行考核，对运作模式不断发现问题、改善提高（例如 DMAIC）。",
    explanation_en="Performance review and improvement: checking how the plan is going and finding and fixing problems in "
                   "the operating model (for example with DMAIC).",
    mistakes=[Mistake(PART["strategic_plan"].zh, "计划本身属于战略经营计划；对照里程碑评审完成情况是绩效评审和提高方法。",
                      feedback_en="The plan itself is the strategic operating plan; reviewing progress against its "
                                  "milestones is performance review and improvement.")],
)

STAFFING_PART = NoCodeQuestion(
    set=NAME, id="staffing_part", kind="choice",
    title="人员配备设计属于哪部分 where staffing design belongs", title_en="Where staffing design belongs",
    prompt=Say("“按话务预测逐月测算需要的 FTE，并据此定招聘计划”属于管理体系的哪一部分？",
               "'Compute the FTE needed month by month from the volume forecast and set the hiring plan from it.' Which part is it?"),
    choices=[PART["strategic_plan"], PART["operating_model"], PART["review"]],
    expected=PART["strategic_plan"].zh,
    hints=["原文：战略经营计划包含市场分析、人员配备和需求的设计、服务对象与绩效指标、主要流程和负责人。"],
    hints_en=["The source: the strategic plan covers market analysis, staffing and demand design, customers and their "
              "measures, main processes and owners."],
    explanation="人员配备和需求的设计是战略经营计划的内容，年度运营计划的月度人力计划就是它。",
    explanation_en="Staffing and demand design is part of the strategic operating plan: the annual plan's monthly FTE sheet is it.",
    mistakes=[Mistake(PART["operating_model"].zh, "运作模式是组织架构、服务方法、流程和日常管理方法；为未来一年测算人力是计划。",
                      feedback_en="The operating model is the structure, service methods, processes and daily "
                                  "management; sizing the year ahead is the plan.")],
)


def _daily_choices() -> list[Say]:
    ids = ("abandonment_rate", "service_level", "fcr_rate", "occupancy", "cost_per_contact", "attrition_rate")
    return [Say(label(i, "zh"), label(i, "en")) for i in ids]


DAILY = NoCodeQuestion(
    set=NAME, id="daily_watch", kind="multiple",
    title="数字化管理专员每天看什么 the daily watch list", title_en="What the digital-management analyst reads daily",
    prompt=Say("数字化管理专员每天分析日报。下面哪些是套件日报 (daily report) 的标准指标？（多选）",
               "The digital-management analyst reads the daily report. Which of these are the kit's daily report indicators? "
               "(tick all that apply)"),
    choices=_daily_choices(),
    expected=lambda: tuple(label(i, "zh") for i in ("abandonment_rate", "service_level", "fcr_rate", "occupancy")
                           if i in REPORT_INDICATORS["D"]),
    hints=["日报要能当天行动：排队、接通、解决、忙闲。成本按月核算，流失按月统计。"],
    hints_en=["A daily report must lead to action the same day: queues, answering, resolution, busy time. Costs are "
              "booked monthly and attrition counted monthly."],
    explanation="日报看放弃率、服务水平、一次解决率、占用率等当天能行动的指标；单呼成本进月报，流失率按月统计。",
    explanation_en="The daily report holds what can be acted on that day: abandonment, service level, FCR, occupancy; "
                   "cost per contact goes in the monthly report and attrition is counted monthly.",
    mistakes=[Mistake((label("abandonment_rate", "zh"), label("service_level", "zh"), label("fcr_rate", "zh"),
                       label("occupancy", "zh"), label("cost_per_contact", "zh")),
                      "单呼成本按月核算（成本明细是月度的），放在月报里，不在日报。",
                      feedback_en="Cost per contact is booked monthly (the cost lines are monthly): monthly report, not daily.")],
)

CHARTER = NoCodeQuestion(
    set=NAME, id="charter_rule", kind="choice",
    title="章程的哪条规则 which charter rule", title_en="Which charter rule",
    prompt=Say("周会上一位座席对同事说：“你这个人就是不负责任。”按团队章程，班组长应当提醒哪一条？",
               "At the weekly meeting an agent tells a colleague: 'You are just an irresponsible person.' Which charter "
               "rule should the team leader recall?"),
    choices=[Say("对事不对人：可以批评想法，不批评人", "Issues, not people: criticise ideas, never a person"),
             Say("班组长听取意见后决定", "The team leader decides after hearing everyone"),
             Say("冲突总会发生，不用管", "Conflict always happens; leave it")],
    expected="对事不对人：可以批评想法，不批评人",
    hints=["运营主管的基本权利里，有一条讲批评。"],
    hints_en=["One of the supervisor's basic rights is about criticism."],
    explanation="“有权批评某种想法，但是无权批评某个人”：把话题拉回到事实和做法上（哪一单、哪一步没跟进）。",
    explanation_en="'The right to criticise an idea, never a person': bring the talk back to facts and actions (which "
                   "case, which step was not followed up).",
    mistakes=[Mistake("冲突总会发生，不用管",
                      "章程说冲突总会发生、要从中学习，不是放任：人身批评要当场纠正。",
                      feedback_en="The charter says conflict will happen and we learn from it, not that we let it go: "
                                  "a personal attack is corrected on the spot.")],
)

MUST_PROMISE = NoCodeQuestion(
    set=NAME, id="must_promise", kind="choice", givens=["requirements"],
    title="必须项的承诺 a promise on a must", title_en="A promise on a must",
    prompt=Say("供应商 B 说：WFM1 半年后免费开发好。运营总监该怎么办？",
               "Vendor B says it will build WFM1 free of charge within six months. What should the director do?"),
    choices=[Say("B 仍不入围；若确要考虑，先经批准把 WFM1 改成“应该”并写进合同验收，再重新评分",
                 "B stays out; to consider it at all, first approve turning WFM1 into a 'should', put it in the "
                 "contract's acceptance, and rescore"),
             Say("选 B：它加权总分最高", "Choose B: its weighted total is the highest"),
             Say("把 B 的 WFM1 改成 3 分", "Change B's WFM1 score to 3")],
    expected="B 仍不入围；若确要考虑，先经批准把 WFM1 改成“应该”并写进合同验收，再重新评分",
    hints=["“必须”的意思是上线时就要有。承诺不是功能。"],
    hints_en=["'Must' means present at go-live. A promise is not a feature."],
    explanation="打分按现在能演示的功能；上线时没有 Erlang 人力计算，排班就要回到手工表格。改需求要走批准，不能改分数迁就供应商。",
    explanation_en="Score what can be shown today; without Erlang staffing at go-live, scheduling falls back to "
                   "spreadsheets. Changing a requirement needs approval; never change a score to suit a vendor.",
    mistakes=[Mistake("把 B 的 WFM1 改成 3 分", "分数要反映现在能演示的功能；按承诺给分会让“必须”形同虚设。",
                      feedback_en="Scores reflect what can be shown now; scoring promises makes 'must' meaningless.")],
)

QUESTIONS = (AUDIT_TOTAL, VENDOR_TOTAL, CHOSEN, GROUP_SHRINKAGE, GROUP_FCR, FTE, MILESTONE,
             CULTURE, REVIEW_PART, STAFFING_PART, DAILY, CHARTER, MUST_PROMISE)

SET = NoCodeSet(
    name=NAME,
    title=Say("第 07 章 管理体系与文化：练习册", "Chapter 07 Management system and culture: workbook"),
    intro=Say("不用写代码：读下面的表格和事实，在框里填数或选择，点“检查”。需要时看“提示”，做完可以看“答案”。"
              "数字由套件算出：审核打分、选型清单、电商业务线的月度人力计划和示例中心三月的满意度。",
              "No code needed: read the tables and facts, type a number or choose, then press Check. Use Hint when "
              "stuck and Answer when done. The kit computes the numbers: audit scores, the selection checklist, the "
              "e-commerce line's monthly FTE plan and the example centre's March CSAT."),
    givens=GIVENS,
    questions=QUESTIONS,
)
