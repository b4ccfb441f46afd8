"""Chapter 07 no-code workbook: the operating management system (运营管理体系), without Python.

The answers re-use the code track's questions (:mod:`ccskills.exercises.ch07`) through
:func:`~._no_code.from_code`; the page shows the checklist answers, an agent's workload, the
evening plan, two agents-on-a-queue cases, the evaluation tables and a six-agent bonus scheme, computed here with the kit
(``ccskills.checklists``, ``ccskills.evaluation``, ``ccskills.queueing``). The interpretation
questions add judgement: which handover item to fix first, the DMAIC phases, who sets the
weights, what a rank correlation of 0.6 allows, what to do about a cliff edge between tiers.

>>> SET.name, len(SET.questions) >= 10
('ch07', True)
"""

from __future__ import annotations

import pandas as pd

from ccskills import checklists

from . import ch07
from ._givens import given, run_givens
from ._no_code import Given, NoCodeQuestion, NoCodeSet, Say, from_code
from ._questions import Mistake

NAME = "ch07"
PCT = Say("%", "%")
AGENTS = {name: Say(f"座席 {name}", f"Agent {name}") for name in ("X", "Y", "Z")}


def _handover_items() -> list:
    ns = run_givens(ch07.IMPORTS + ch07.HANDOVER)
    answers = ns["handover_answers"]
    return [(item, answers[item.key]) for item in ns["floor"].items if item.key in answers]


def _scheduled_hours() -> float:
    """A022's scheduled hours, absent shifts included (7 hours a shift): a typical wrong denominator."""
    ns = run_givens(ch07.IMPORTS + ch07.LOAD_CALLS + ch07.LOAD_ATTENDANCE + ch07.WORKLOAD_AGENT)
    return 7.0 * int((ns["attendance"]["agent_id"] == ns["agent_id"]).sum())


# ---------------------------------------------------------------- givens (computed with the kit)
def _handover(lang: str) -> pd.DataFrame:
    scale = {score: (zh, en) for score, zh, en in checklists.get_checklist("floor").scale}
    rows = _handover_items()
    return pd.DataFrame({Say("自查结果", "Self-check").get(lang):
                         [f"{s} {scale[s][1] if lang == 'en' else scale[s][0]}" for _, s in rows]},
                        index=[item.en if lang == "en" else item.zh for item, _ in rows])


def _workload(lang: str) -> list[tuple[str, str]]:
    ns = run_givens(ch07.IMPORTS + ch07.LOAD_CALLS + ch07.LOAD_ATTENDANCE + ch07.WORKLOAD_AGENT)
    shifts = ns["attendance"][ns["attendance"]["agent_id"] == ns["agent_id"]]
    row = ch07._workload()
    hours = Say("小时", "hours").get(lang)
    return [(Say("座席 A022 3 月接通量", "Agent A022, calls answered in March").get(lang), f"{int(row['answered'])}"),
            (Say("排班班次（每班 7 小时）", "Scheduled shifts (7 hours each)").get(lang), f"{len(shifts)}"),
            (Say("其中缺勤班次", "of which absent").get(lang), f"{int((shifts['status'] == 'absent').sum())}"),
            (Say("处理工时（通话 + 保持 + 话后处理）", "Handle time (talk + hold + after-call work)").get(lang),
             f"{row['handle_hours']:.2f} {hours}")]


def _evening(lang: str) -> list[tuple[str, str]]:
    evening = ch07._evening()
    unit = " 座席×时段" if lang == "zh" else " agent-intervals"
    return [(Say("3 月售后晚间 (19:00 以后) 15 分钟时段数", "After-sales evening (after 19:00) 15-minute intervals in March").get(lang),
             f"{len(evening)}"),
            (Say("Σ 需求座席", "Σ agents required").get(lang), f"{int(evening['required_agents'].sum()):,}{unit}"),
            (Say("Σ 实排座席", "Σ agents staffed").get(lang), f"{int(evening['staffed_agents'].sum()):,}{unit}")]


def _interval(lang: str) -> list[tuple[str, str]]:
    ns, _ = ch07._interval()
    s = "秒" if lang == "zh" else "s"
    return [(Say("15 分钟来话", "Calls in 15 minutes").get(lang), f"{ns['calls_in_interval']}"),
            ("AHT", f"{ns['aht_s']} {s}"),
            (Say("客户平均耐心 (patience)", "Average patience").get(lang), f"{ns['patience_s']} {s}"),
            (Say("实排座席 / 需求座席", "Agents staffed / required").get(lang), f"{ns['staffed']} / {ns['required']}")]


def _three(lang: str) -> pd.DataFrame:
    kpis, directions, weights = ch07._three()
    lower, higher = Say("越低越好", "lower is better").get(lang), Say("越高越好", "higher is better").get(lang)
    names = {"aht_s": "AHT（秒）" if lang == "zh" else "AHT (s)", "fcr_rate": Say("一次解决率", "FCR").get(lang)}
    table = kpis.rename(columns=names)
    table.index = [AGENTS[i].get(lang) for i in kpis.index]
    extra = pd.DataFrame([[f"{weights[c] * 100:.0f} %" for c in kpis.columns],
                          [lower if directions[c] == "lower" else higher for c in kpis.columns]],
                         columns=table.columns, index=[Say("权重", "Weight").get(lang), Say("方向", "Direction").get(lang)])
    return pd.concat([table.astype(object), extra])


def _ranks(lang: str) -> pd.DataFrame:
    ranks = ch07._ranks()
    return ranks.rename(columns={"speed": Say("按速度排名", "Rank by speed").get(lang),
                                 "quality": Say("按质量排名", "Rank by quality").get(lang)})


def _six(lang: str) -> pd.DataFrame:
    ns = ch07._six()
    table = pd.DataFrame({Say("综合得分", "Composite score").get(lang): ns["month_scores"].map("{:.2f}".format),
                          Say("出勤率", "Attendance").get(lang): ns["month_kpis"]["attendance_rate"].map("{:.0%}".format),
                          Say("致命错误（条）", "Critical errors").get(lang): ns["month_kpis"]["critical_errors"]})
    table.index = [Say(f"座席 {a}", f"Agent {a}").get(lang) for a in table.index]
    return table


def _scheme_a(lang: str) -> list[tuple[str, str]]:
    ns = ch07._six()
    scheme = ns["scheme_a"]
    bands = "; ".join(f"{t.name} [{t.lower:g}, {t.upper:g}) {t.payout(scheme.target_bonus) / scheme.target_bonus:g} ×"
                      for t in scheme.tiers)
    return [(Say("目标奖金", "Target bonus").get(lang), f"{scheme.target_bonus:,.0f} " + Say("元", "CNY").get(lang)),
            (Say("档位（下限含、上限不含，最高档含 1）", "Tiers (lower edge included, upper not; the top includes 1)").get(lang),
             bands),
            (Say("门槛 1", "Gate 1").get(lang), Say("出勤率至少 90 %", "attendance at least 90 %").get(lang)),
            (Say("门槛 2", "Gate 2").get(lang), Say("当月致命错误至多 2 条", "at most 2 critical errors in the month").get(lang)),
            (Say("方案 B（门槛相同）", "Scheme B (same gates)").get(lang),
             Say("按百分位（6 人按得分排序，百分位 = (名次 − 1) ÷ 5）：后 50 % 0 倍；中间 30 % 1 倍；前 20 % 2 倍",
                 "by percentile (6 agents ranked by score, percentile = (rank − 1) ÷ 5): bottom 50 % 0 ×; "
                 "middle 30 % 1 ×; top 20 % 2 ×").get(lang))]


GIVENS = (
    Given("handover", Say("交接班自查（每项 0 / 1 / 2 分）", "Shift-handover self-check (0 / 1 / 2 per item)"), _handover),
    Given("workload", Say("一位座席的工作量", "One agent's workload"), _workload),
    Given("evening", Say("晚间排班与需求", "Evening staffing against requirement"), _evening),
    Given("interval", Say("一个人手不足的时段", "An understaffed interval"), _interval),
    Given("three", Say("三位座席的两项指标", "Three agents, two KPIs"), _three),
    Given("ranks", Say("两种排名", "Two rankings"), _ranks),
    Given("six", Say("六位座席的得分与门槛指标", "Six agents: score and gate KPIs"), _six),
    Given("scheme_a", Say("奖金方案 A 与方案 B", "Bonus schemes A and B"), _scheme_a),
)

# ---------------------------------------------------------------- answers from the code track
HANDOVER = NoCodeQuestion(
    set=NAME, id="handover_percent", kind="number", givens=["handover"], unit=PCT, decimals=1,
    title=ch07.HANDOVER_SCORE.title, title_en="Handover checklist",
    prompt=Say("交接班这一部分的自查得分率是多少？填百分数，保留 1 位小数。",
               "What is the handover section's self-check score rate? In percent, one decimal."),
    expected=lambda: 100 * float(ch07.HANDOVER_SCORE.expected_values["handover_percent"]),
    mistakes=[Mistake(ch07.HANDOVER_SCORE.mistakes[0].wrong, ch07.HANDOVER_SCORE.mistakes[0].feedback,
                      feedback_en="That is the score (5 points); the question asks for the rate: divide by the maximum."),
              Mistake(ch07.HANDOVER_SCORE.mistakes[1].wrong, ch07.HANDOVER_SCORE.mistakes[1].feedback,
                      feedback_en="That is the average per item (0..2); divide by the item maximum of 2 as well.")],
    hints=[ch07.HANDOVER_SCORE.hints[0]], hints_en=["Each item scores 0/1/2; maximum = items × 2; rate = score ÷ maximum."],
    explanation=ch07.HANDOVER_SCORE.explanation,
    explanation_en="5 points of a possible 8: handing over the staffing status was not done, the first item to fix.",
    source=ch07.HANDOVER_SCORE,
)

CALLS_PER_HOUR = from_code(
    ch07.WORKLOAD, "calls_per_hour", set=NAME, id="calls_per_hour", givens=["workload"], unit=Say("通/小时", "calls per hour"),
    decimals=2, keep_hints=[0],
    feedback={0: "缺勤的班次没有出勤，不能算进出勤工时：只数没有缺勤的班次。"},
    prompt=Say("A022 每个出勤小时接多少通电话？保留 2 位小数。", "How many calls does A022 answer per attended hour? Two decimals."),
    hints_en=["Calls per attended hour = answered ÷ attended hours; handle share = handle hours ÷ attended hours."],
    feedback_en=["Absent shifts were not attended and do not count as attended hours: count only shifts without an absence."],
    explanation_en="Attended hours count only shifts not missed; the handle share is below occupancy because the denominator includes breaks, meetings and training.",
    title="每出勤小时接话量 calls per attended hour", title_en="Calls per attended hour",
)

HANDLE_SHARE = from_code(
    ch07.WORKLOAD, "handle_share", set=NAME, id="handle_share", givens=["workload"], scale=100, unit=PCT, decimals=1,
    keep_hints=[0], keep=[],
    extra_mistakes=[Mistake(lambda: 100 * float(ch07._workload()["handle_hours"]) / _scheduled_hours(),
                            "缺勤的班次没有出勤，不能算进出勤工时：分母只算没有缺勤的班次。",
                            feedback_en="Absent shifts were not attended: the denominator counts only shifts without an absence."),
                    Mistake(lambda: float(ch07._workload()["handle_share"]), "单位是 %：请填百分数（例如 54），不是小数。",
                            feedback_en="The unit is %: enter a percentage (e.g. 54), not a fraction.")],
    prompt=Say("A022 的处理工时占出勤工时的比例是多少？填百分数，保留 1 位小数。",
               "What share of A022's attended hours is handle time? In percent, one decimal."),
    hints_en=["Calls per attended hour = answered ÷ attended hours; handle share = handle hours ÷ attended hours."],
    explanation_en="Attended hours count only shifts not missed; the handle share is below occupancy because the denominator includes breaks, meetings and training.",
    title="处理工时占比 handle share", title_en="Handle share",
)

SHORT_HOURS = from_code(
    ch07.EVENING_GAP, set=NAME, id="evening_short_hours", givens=["evening"], unit=Say("人时", "staff hours"), decimals=2,
    prompt=Say("3 月售后晚间一共缺多少人时？", "How many staff hours short was the after-sales evening in March?"),
    hints_en=["The gap in each 15-minute interval = agents required − agents staffed; add over the month.",
              "One interval = 0.25 hours: agent-intervals × 0.25 are staff hours."],
    feedback_en=["That is the count of agent-intervals; each interval is 15 minutes = 0.25 hours."],
    explanation_en="This is the root cause the DMAIC analysis found: evenings staffed at the daytime ratio, 16 % of staff hours short.",
    title_en="Evening staffing gap",
)

ABANDON_NOW = from_code(
    ch07.WHAT_IF, "abandon_now", set=NAME, id="abandon_now", givens=["interval"], scale=100, unit=PCT, decimals=1,
    calculator="erlang_calculator", keep_hints=[],
    hints=["用 Erlang 座席计算器：来话 30、时段 15 分钟、AHT 360 秒、耐心 300 秒、损耗 0；在结果表里找 12 名座席那一行的放弃率。"],
    prompt=Say("用 Erlang 座席计算器（Erlang A，考虑客户耐心）：现在只排了 12 人，放弃率是多少？填百分数，保留 1 位小数。",
               "With the Erlang calculator (Erlang A, with patience): with the 12 agents staffed, what is the abandonment rate? In percent, one decimal."),
    hints_en=["In the Erlang calculator: 30 calls, a 15-minute interval, AHT 360 s, patience 300 s, shrinkage 0; read the abandonment in the table's 12-agent row."],
    feedback_en=["The interval is 15 minutes = 900 s; the offered load cannot divide by 3,600."],
    explanation_en="Two more agents roughly halve abandonment: where staffing is tight, each added agent helps most.",
    title="现在的放弃率 abandonment now", title_en="Abandonment now",
)

ABANDON_REQUIRED = from_code(
    ch07.WHAT_IF, "abandon_required", set=NAME, id="abandon_required", givens=["interval"], scale=100, unit=PCT,
    decimals=1, calculator="erlang_calculator", keep_hints=[],
    hints=["同一张结果表，找 14 名座席那一行。"],
    extra_mistakes=[Mistake(lambda: 100 * float(ch07.WHAT_IF.expected_values["abandon_now"]),
                            "这是 12 人时的放弃率；题目问补足到 14 人以后。",
                            feedback_en="That is the rate with 12 agents; the question asks after staffing up to 14.")],
    prompt=Say("补足到需求的 14 人，放弃率是多少？填百分数，保留 1 位小数。",
               "Staffed up to the 14 required, what is the abandonment rate? In percent, one decimal."),
    hints_en=["Same result table: read the 14-agent row."],
    explanation_en="Two more agents roughly halve abandonment: where staffing is tight, each added agent helps most.",
    title="补足以后的放弃率 abandonment when staffed", title_en="Abandonment when fully staffed",
)

MIN_MAX = from_code(
    ch07.MIN_MAX, set=NAME, id="aht_score_z", givens=["three"], unit=Say("", ""), decimals=2, keep_hints=[0],
    prompt=Say("按最小–最大归一化 (min–max)，座席 Z 的 AHT 得分是多少（0 到 1）？保留 2 位小数。",
               "With min–max normalisation, what is agent Z's AHT score (0 to 1)? Two decimals."),
    hints_en=["AHT: lower is better, so score = (max − x) ÷ (max − min)."],
    feedback_en=["Lower AHT is better, so flip the direction: (max − x) ÷ (max − min)."],
    explanation_en="(420 − 330) ÷ (420 − 300) = 0.75: only 30 s behind the best, X.",
    title_en="Min–max normalisation",
)

COMPOSITE_X = from_code(
    ch07.COMPOSITE, "composite_x", set=NAME, id="composite_x", givens=["three"], unit=Say("", ""), decimals=2,
    keep_hints=[], hints=["先把两个指标都按最小–最大归一化（注意方向），再按权重加权相加。"],
    prompt=Say("座席 X 的综合得分是多少（0 到 1）？保留 2 位小数。", "What is agent X's composite score (0 to 1)? Two decimals."),
    hints_en=["Normalise both KPIs with min–max first (mind the direction), then add them with the weights."],
    feedback_en=["Lower AHT is better: X has the shortest AHT and scores 1, not 0.",
                 "Seconds and proportions cannot be weighted together directly: normalise to one scale first."],
    explanation_en="X has the best AHT (1) but the worst FCR (0): 0.4 × 1 + 0.6 × 0 = 0.4; Z is upper-middle on both and ranks first.",
    title="综合得分 composite score", title_en="Composite score",
)

BEST = from_code(
    ch07.COMPOSITE, "best_agent", set=NAME, id="best_agent", givens=["three"], labels=AGENTS, keep_hints=[],
    hints=["先把两个指标都按最小–最大归一化（注意方向），再按权重加权相加。"],
    extra_mistakes=[Mistake(AGENTS["Y"].zh, "Y 的一次解决率最好，但 AHT 最差：加权以后是 0.6，低于 Z 的 0.7。",
                            feedback_en="Y has the best FCR but the worst AHT: weighted it scores 0.6, below Z's 0.7.")],
    prompt=Say("综合得分最高的是哪位座席？", "Which agent has the highest composite score?"),
    hints_en=["Normalise both KPIs with min–max first (mind the direction), then add them with the weights."],
    explanation_en="X has the best AHT (1) but the worst FCR (0): 0.4 × 1 + 0.6 × 0 = 0.4; Z is upper-middle on both and ranks first.",
    title="综合第一 top of the composite", title_en="Top of the composite",
)

RHO = from_code(
    ch07.SPEARMAN, "rho", set=NAME, id="rho", givens=["ranks"], unit=Say("", ""), decimals=2, keep_hints=[0],
    prompt=Say("两种排名的 Spearman 等级相关系数 ρ 是多少？保留 2 位小数。",
               "What is the Spearman rank correlation ρ of the two rankings? Two decimals."),
    hints_en=["Spearman = Pearson correlation of the ranks; without ties = 1 − 6Σd² ÷ (n(n² − 1))."],
    feedback_en=["The denominator is n(n² − 1) = 5 × 24 = 120, not n."],
    explanation_en="Σd² = 1 + 1 + 4 + 1 + 1 = 8, ρ = 1 − 48/120 = 0.6; c goes from 3rd to 5th, 2 places apart.",
    title_en="Rank correlation",
)

# ---------------------------------------------------------------- interpretation questions
def _weakest_item() -> str:
    worst = min(_handover_items(), key=lambda pair: pair[1])
    return worst[0].zh


HANDOVER_FIRST = NoCodeQuestion(
    set=NAME, id="handover_fix_first", kind="choice", givens=["handover"],
    title="先补哪一项 which item first", title_en="Which item to fix first",
    prompt=Say("交接班自查里，最该先补的是哪一项？", "In the handover self-check, which item should be fixed first?"),
    choices=[Say(item.zh, item.en) for item, _ in _handover_items()], expected=_weakest_item,
    hints=["0 分是“未做到”。"], hints_en=["0 means “not in place”."],
    explanation="0 分的项完全没做到，先补它；1 分的项部分做到，再逐步完善。自查表的价值在于找出具体要补的动作。",
    explanation_en="A 0 item is not in place at all: fix it first; 1s are partly in place and come next. A self-check is "
                   "worth as much as the concrete actions it points to.",
    mistakes=[Mistake(_handover_items()[1][0].zh, "这一项部分做到 (1 分)；完全没做到 (0 分) 的那一项更紧急。",
                      feedback_en="That item is partly in place (1); the one not in place at all (0) is more urgent.")],
)

DMAIC = NoCodeQuestion(
    set=NAME, id="dmaic_order", kind="choice",
    title="DMAIC 的顺序 the DMAIC order", title_en="The DMAIC order",
    prompt=Say("用 DMAIC 解决晚间放弃率高的问题，五个阶段的顺序是？", "Solving high evening abandonment with DMAIC, what is the order of the five phases?"),
    choices=[Say("定义 → 测量 → 分析 → 改进 → 控制", "Define → Measure → Analyse → Improve → Control"),
             Say("测量 → 定义 → 改进 → 分析 → 控制", "Measure → Define → Improve → Analyse → Control"),
             Say("定义 → 分析 → 测量 → 改进 → 控制", "Define → Analyse → Measure → Improve → Control")],
    expected="定义 → 测量 → 分析 → 改进 → 控制",
    hints=["先说清楚问题和目标，再量现状，再找根因。"],
    hints_en=["First state the problem and goal, then measure the current state, then find the root cause."],
    explanation=("定义（晚间放弃率、目标）→ 测量（按时段的放弃率和排班）→ 分析（根因：晚间按白天比例排班，缺人时）"
                 "→ 改进（调班、弹性班次）→ 控制（看板和控制图盯住晚间时段）。"),
    explanation_en=("Define (evening abandonment, the goal) → Measure (abandonment and staffing by interval) → Analyse "
                    "(root cause: evenings staffed at the daytime ratio, staff hours short) → Improve (shift swaps, "
                    "flexible shifts) → Control (dashboard and control chart on the evening intervals)."),
    mistakes=[Mistake("定义 → 分析 → 测量 → 改进 → 控制", "没有测量就分析，根因只能靠猜：先把按时段的数据量出来。",
                      feedback_en="Analysing before measuring means guessing the root cause: measure by interval first.")],
)

WEIGHTS = NoCodeQuestion(
    set=NAME, id="who_sets_weights", kind="choice", givens=["three"],
    title="谁来定权重 who sets the weights", title_en="Who sets the weights",
    prompt=Say("综合考评的权重应该怎么定？", "How should the weights of an overall evaluation be set?"),
    choices=[Say("考评周期开始前由管理层按战略定下并公开，发布前做敏感度检验", "By management before the period, from strategy, published, with a sensitivity check"),
             Say("看了结果再调，让表现好的人排在前面", "Adjusted after seeing results so good performers come first"),
             Say("每个指标一样的权重，最公平", "Equal weights for every KPI, the fairest")],
    expected="考评周期开始前由管理层按战略定下并公开，发布前做敏感度检验",
    hints=["权重表达的是管理意图；如果看了结果再调，排名说明的是什么？"],
    hints_en=["Weights express management's intent; if they are tuned after the results, what does a ranking mean?"],
    explanation=ch07.WEIGHTS.solution.replace("**", ""),
    explanation_en=("Weights express management's intent: set and published before the period, not tuned after the "
                    "results. Align them with the year's strategy; keep small-sample KPIs (QA, call-back surveys) light or "
                    "pooled over months; check sensitivity before publishing, and do not reward or punish on one month's "
                    "composite for people whose rank moves a lot; review yearly in the evaluation rules."),
    mistakes=[Mistake("看了结果再调，让表现好的人排在前面", "看了结果再调，考评就成了为既定结论找理由：权重要事先定、事先公开。",
                      feedback_en="Tuning after the results turns the evaluation into a justification: set and publish weights in advance.")],
)

RHO_MEANS = NoCodeQuestion(
    set=NAME, id="rho_reading", kind="choice", givens=["ranks"],
    title="ρ = 0.6 说明什么 what ρ = 0.6 says", title_en="What ρ = 0.6 says",
    prompt=Say("两种排名的等级相关约 0.6，座席 c 的名次从第 3 跳到第 5。据此发奖金前应怎么做？",
               "The two rankings correlate at about 0.6, and agent c moves from 3rd to 5th. What should happen before paying bonuses on one ranking?"),
    choices=[Say("名次不稳的人不单凭一种排名奖惩；换几套合理权重看名次变化", "Do not reward or punish rank-unstable agents on one ranking; try several sensible weightings"),
             Say("ρ 是正数，说明两种排名一致，可以直接用", "ρ is positive, so the rankings agree and either can be used"),
             Say("只用速度排名，因为它更客观", "Use only the speed ranking; it is more objective")],
    expected="名次不稳的人不单凭一种排名奖惩；换几套合理权重看名次变化",
    hints=["0.6 是中等相关：大体一致，但个别人的名次差得多。"],
    hints_en=["0.6 is a moderate correlation: broadly similar, yet some individuals move a lot."],
    explanation="中等相关说明两种排名大体一致，但个别人（如 c）差两名：名次变化大的人不单独依据一种排名做奖惩。",
    explanation_en="A moderate correlation means broadly similar rankings, but some (like c) move two places: do not "
                   "reward or punish those on one ranking alone.",
    mistakes=[Mistake("ρ 是正数，说明两种排名一致，可以直接用", "正相关不等于一致：0.6 只是中等，c 的名次差了两名。",
                      feedback_en="Positive is not the same as agreeing: 0.6 is moderate, and c moves two places.")],
)

SHARE_MEANS = NoCodeQuestion(
    set=NAME, id="handle_share_reading", kind="choice", givens=["workload"],
    title="处理工时占比低说明什么 reading a low handle share", title_en="Reading a low handle share",
    prompt=Say("A022 的处理工时只占出勤工时的五成多，而中心的占用率约八成。这说明 A022 在偷懒吗？",
               "A022's handle time is just over half of attended hours, while the centre's occupancy is about 80 %. Is A022 slacking?"),
    choices=[Say("不能这么说：两个比例的分母不同，出勤工时里还有小休、会议、培训和等电话的时间", "Not so: the denominators differ; attended hours also hold breaks, meetings, training and waiting for calls"),
             Say("是：处理工时占比应该和占用率一样高", "Yes: the handle share should be as high as occupancy"),
             Say("是：低于 60 % 就说明工作量不饱和", "Yes: below 60 % means too little work")],
    expected="不能这么说：两个比例的分母不同，出勤工时里还有小休、会议、培训和等电话的时间",
    hints=["占用率的分母是处理 + 示闲；处理工时占比的分母是整个出勤工时。"],
    hints_en=["Occupancy's denominator is handle + available; the handle share's is all attended hours."],
    explanation=ch07.WORKLOAD.explanation,
    explanation_en="Attended hours count only shifts not missed; the handle share is below occupancy because the "
                   "denominator includes breaks, meetings and training.",
    mistakes=[Mistake("是：处理工时占比应该和占用率一样高", "分母不同的两个比例不能直接比：占用率不含小休、会议和培训的时间。",
                      feedback_en="Two ratios with different denominators cannot be compared directly: occupancy leaves out breaks, meetings and training.")],
)

BONUS_V = from_code(
    ch07.AGENT_BONUS, set=NAME, id="bonus_v", givens=["six", "scheme_a"], unit=Say("元", "CNY"), decimals=0,
    keep_hints=[0],
    prompt=Say("按方案 A，座席 V 拿多少奖金？", "Under scheme A, what bonus does agent V get?"),
    hints_en=["Find V's tier (lower edge included, upper not), check both gates, then multiple × target bonus."],
    feedback_en=["1,000 CNY is the target bonus (1 ×); tier B pays only 0.5 ×.",
                 "0.5 is the multiple; the bonus is the multiple × the 1,000 CNY target, in CNY."],
    explanation_en="V scores 0.62, in tier B [0.5, 0.65); attendance 92 % ≥ 90 % and 1 critical error ≤ 2 pass both "
                   "gates: 0.5 × 1,000 = 500 CNY.",
    title_en="An agent's bonus",
)

GATED_OUT = from_code(
    ch07.GATES, "gated_out", set=NAME, id="gated_out", givens=["six", "scheme_a"], unit=Say("人", "agents"),
    decimals=0, keep_hints=[0],
    prompt=Say("按方案 A，六人里有几人被门槛挡住（没过任何一道门槛）？", "Under scheme A, how many of the six fail a gate?"),
    hints_en=["Check each agent against both gates: attendance at least 90 %, at most 2 critical errors."],
    feedback_en=["U gets no bonus because his score is in tier C (0 CNY); he passes both gates: failing a gate and "
                 "getting no bonus are not the same.",
                 "Check both gates: W's attendance is fine, but 3 critical errors are more than 2."],
    explanation_en="W has 3 critical errors (> 2), Y attends 85 % (< 90 %): two agents stopped by a gate. U gets no "
                   "bonus either, but because 0.48 is in tier C, not because of a gate.",
    title="被门槛挡住的人数 how many fail a gate", title_en="How many fail a gate",
)

TOTAL_COST = from_code(
    ch07.COST, "total_cost", set=NAME, id="total_cost", givens=["six", "scheme_a"], unit=Say("元", "CNY"), decimals=0,
    keep_hints=[0],
    prompt=Say("方案 A 一共要发多少奖金？", "What does scheme A pay in total?"),
    hints_en=["Total = each agent's bonus added up (0 for those failing a gate); a pool multiplies every bonus by "
              "one ratio = budget ÷ the total."],
    feedback_en=["W and Y fail a gate and get nothing: add only the agents who pass."],
    explanation_en="V 500 + X 1,500 + Z 1,500 = 3,500 CNY; with a 2,800 CNY budget the ratio is 0.8 and X gets 1,200.",
    title="奖金总额 total cost", title_en="Total cost",
)

LOSERS = from_code(
    ch07.WINNERS, "losers", set=NAME, id="losers", givens=["six", "scheme_a"], unit=Say("人", "agents"), decimals=0,
    keep_hints=[0],
    prompt=Say("从方案 A 换到方案 B，有几人少拿？", "Moving from scheme A to scheme B, how many agents get less?"),
    hints_en=["Scheme B tiers on percentiles: rank the 6 by score, percentile = (rank − 1) ÷ 5, lowest 0, highest 1; "
              "the gates stay."],
    feedback_en=["Scheme B tiers on percentile, not on score: V scores 0.62 but ranks second from the bottom "
                 "(percentile 0.2), in the bottom 50 %."],
    explanation_en="Percentiles: U 0, V 0.2, Y 0.4, W 0.6, X 0.8, Z 1. V drops from tier B's 500 CNY to the bottom 50 % "
                   "(0 CNY), the only one who loses; X and Z gain 500 CNY each, and the total cost rises by 500.",
    title_en="Who loses under scheme B",
)

CLIFF = NoCodeQuestion(
    set=NAME, id="cliff_edge", kind="choice", givens=["scheme_a"],
    title="档位悬崖 cliff edges", title_en="Cliff edges",
    prompt=Say("方案 A 里，得分 0.79 的人拿 1,000 元，0.81 的人拿 1,500 元；两人的差别比一个月分数的噪声还小。最好的改法是？",
               "Under scheme A, a score of 0.79 pays 1,000 CNY and 0.81 pays 1,500; the gap is smaller than a month's "
               "noise. What is the best fix?"),
    choices=[Say("用几个月平滑后的分数定档，档位少而宽、相邻档金额差不要太陡，分界事先公布",
                 "Set tiers on a score smoothed over months, with few wide tiers and gentle steps, edges published in advance"),
             Say("把档位分得更细，每 0.01 分一档，就没有悬崖了", "Cut the tiers finer, one per 0.01 of score, so there is no cliff"),
             Say("分界线附近的人由主管酌情决定进哪一档", "Let the supervisor decide the tier of agents near an edge")],
    expected="用几个月平滑后的分数定档，档位少而宽、相邻档金额差不要太陡，分界事先公布",
    hints=["0.79 和 0.81 谁更好，一个月的数据说不清；怎样让噪声少决定奖金？"],
    hints_en=["One month's data cannot tell 0.79 from 0.81; how can noise decide less of the bonus?"],
    explanation=("0.79 和 0.81 的差别远小于一个月分数的噪声，奖金却差 500 元：这是档位悬崖。分界线附近的人会为每一个小数点申诉，"
                 "或者去刷最容易动的指标。对策：用几个月平滑后的分数定档；档位少而宽，相邻档金额差不要太陡（或在档位之间线性过渡）；"
                 "分界和金额事先公布。"),
    explanation_en="0.79 and 0.81 differ by less than a month's noise, yet the bonus differs by 500 CNY: a cliff edge. "
                   "Agents near an edge dispute every decimal or game the easiest KPI. Smooth the score over months, "
                   "keep few wide tiers with gentle steps (or a linear slope between them), publish edges in advance.",
    mistakes=[Mistake("把档位分得更细，每 0.01 分一档，就没有悬崖了",
                      "档位越细，噪声跨档越频繁：每个月都有一半的人换档，奖金跟着噪声走。",
                      feedback_en="Finer tiers make noise cross them more often: half the agents change tier every month, "
                                  "and pay follows noise."),
              Mistake("分界线附近的人由主管酌情决定进哪一档",
                      "酌情决定让规则变成人情：分界要事先公布，按制度执行。",
                      feedback_en="Discretion turns a rule into favours: publish the edges in advance and apply the rule.")],
)

QUESTIONS = (HANDOVER, HANDOVER_FIRST, CALLS_PER_HOUR, HANDLE_SHARE, SHARE_MEANS, DMAIC, SHORT_HOURS, ABANDON_NOW, ABANDON_REQUIRED,
             MIN_MAX, COMPOSITE_X, BEST, WEIGHTS, RHO, RHO_MEANS, BONUS_V, GATED_OUT, TOTAL_COST, LOSERS, CLIFF)

SET = NoCodeSet(
    name=NAME,
    title=Say("第 07 章 运营管理体系：练习册", "Chapter 07 The operating management system: workbook"),
    intro=Say("不用写代码：读下面的表格和事实，在框里填数或选择，点“检查”。需要时看“提示”，做完可以看“答案”。"
              "数字来自套件的示例数据（3 月的排班、出勤和通话）和课上的小例子。",
              "No code needed: read the tables and facts, type a number or choose, then press Check. Use Hint when "
              "stuck and Answer when done. The numbers come from the kit's sample data (March staffing, attendance "
              "and calls) and the lesson's small examples."),
    givens=GIVENS,
    questions=QUESTIONS,
)
