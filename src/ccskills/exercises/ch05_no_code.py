"""Chapter 05 no-code workbook: forecasting and scheduling (预测与排班), without Python.

The numbers re-use the code track's questions (:mod:`ccskills.exercises.ch05`) through
:func:`~._no_code.from_code`; the page shows their givens as tables and facts computed here
with the kit (``workcalendar``, ``staffing``, ``scheduling``). The interpretation questions
add judgement: the order of the four steps, which days are make-up working days, why WAPE,
what adherence and conformance say together, a fill rate against an efficiency, what counts
as shrinkage, which pair of shifts breaks the rest rule, what to do intraday.

>>> SET.name, len(SET.questions) >= 10
('ch05', True)
"""

from __future__ import annotations

import inspect
from functools import cache

import numpy as np
import pandas as pd

from . import ch05
from ._givens import run_givens
from ._no_code import Given, NoCodeQuestion, NoCodeSet, Say, from_code
from ._questions import Mistake

NAME = "ch05"
PCT = Say("%", "%")
COUNT = Say("数量", "Count")
WEEKDAYS = (Say("周一", "Mon"), Say("周二", "Tue"), Say("周三", "Wed"), Say("周四", "Thu"), Say("周五", "Fri"),
            Say("周六", "Sat"), Say("周日", "Sun"))


def _day(stamp: pd.Timestamp, lang: str) -> str:
    """'10 月 11 日（周六）' or '11 Oct (Sat)'."""
    weekday = WEEKDAYS[stamp.day_of_week].get(lang)
    return f"{stamp.month} 月 {stamp.day} 日（{weekday}）" if lang == "zh" else f"{stamp:%d %b} ({weekday})"


def _span(days: pd.DatetimeIndex, lang: str) -> str:
    if len(days) == 0:
        return "—"
    return f"{_day(days[0], lang)} – {_day(days[-1], lang)}" if len(days) > 1 else _day(days[0], lang)


# ---------------------------------------------------------------- givens (computed with the kit)
def _october(lang: str) -> list[tuple[str, str]]:
    cal = ch05._october()
    weekdays = int((cal.index.day_of_week < 5).sum())
    holidays = cal.index[cal["is_holiday"]]
    makeup = cal.index[cal["is_makeup_workday"]]
    unit = "天" if lang == "zh" else "days"
    return [(Say("2025 年 10 月的天数", "Days in October 2025").get(lang), f"{len(cal)} {unit}"),
            (Say("其中周一到周五", "of which Monday to Friday").get(lang), f"{weekdays} {unit}"),
            (Say("国庆、中秋放假 (public holiday)", "National Day and Mid-Autumn holiday").get(lang), _span(holidays, lang)),
            (Say("调休上班 (make-up working day)", "Make-up working day").get(lang),
             "、".join(_day(d, lang) for d in makeup) if lang == "zh" else ", ".join(_day(d, lang) for d in makeup)),
            (Say("企业线营业时间", "Enterprise line opening hours").get(lang),
             Say("工作日 09:00–18:00，每天 36 个 15 分钟时段", "working days 09:00–18:00, 36 fifteen-minute intervals a day").get(lang))]


def _daily_calls(lang: str) -> pd.DataFrame:
    cal = ch05._cal("2025-09-17", "2025-10-08")
    daily = ch05._daily()[cal.index]
    holiday = Say("放假", "holiday").get(lang)
    return pd.DataFrame({Say("日期", "Date").get(lang): [_day(d, lang) for d in cal.index],
                         Say("来话量", "Calls").get(lang): daily.to_numpy(),
                         Say("假期", "Holiday").get(lang): np.where(cal["is_holiday"], holiday, "")}
                        ).set_index(Say("日期", "Date").get(lang))


def _forecast_check(lang: str) -> pd.DataFrame:
    ns = run_givens(ch05.IMPORTS + ch05.FORECAST_CHECK)
    return pd.DataFrame({Say("实际来话 (actual)", "Actual").get(lang): ns["actual"].to_numpy(),
                         Say("预测来话 (forecast)", "Forecast").get(lang): ns["forecast"].to_numpy()},
                        index=[Say(f"时段 {i}", f"Interval {i}").get(lang) for i in range(1, 5)])


def _monday(lang: str) -> list[tuple[str, str]]:
    summary = ch05._plan().summary()
    return [(Say("2026 年 9 月 14 日（周一）电商线，高峰时段所需在线座席 (required)",
                 "Monday 14 Sep 2026, e-commerce line: agents needed on the phones at the peak").get(lang),
             f"{int(summary['peak_required'])}"),
            (Say("损耗率 (shrinkage)", "Shrinkage").get(lang), "30 %")]


def _slot(lang: str) -> list[tuple[str, str]]:
    calls, aht = ch05._slot()
    return [(Say("9 月 14 日 20:30–20:45 预测来话", "Calls forecast for 14 Sep, 20:30–20:45").get(lang), f"{int(calls)}"),
            (Say("这个时段的 AHT", "AHT of this interval").get(lang), f"{float(aht):.1f} 秒" if lang == "zh" else f"{float(aht):.1f} s"),
            (Say("时段长度", "Interval length").get(lang), Say("15 分钟", "15 minutes").get(lang))]


@cache
def _coverage_sums() -> tuple[float, float, float]:
    required, on_phone = ch05._coverage()
    aligned = on_phone.reindex(required.index, fill_value=0).to_numpy()
    return float(required.sum()), float(aligned.sum()), float(np.minimum(aligned, required.to_numpy()).sum())


def _coverage(lang: str) -> list[tuple[str, str]]:
    need, scheduled, covered = _coverage_sums()
    unit = " 人×时段" if lang == "zh" else " agent-intervals"
    return [(Say("两周（9 月 14–27 日）Σ 需求 (required)", "Two weeks (14–27 Sep): Σ required").get(lang), f"{need:,.0f}{unit}"),
            (Say("Σ 排班在线人数 (scheduled on the phones)", "Σ scheduled on the phones").get(lang), f"{scheduled:,.1f}{unit}"),
            (Say("Σ 每个时段 min(排班, 需求)：需求中被排班覆盖的部分", "Σ per interval min(scheduled, required): the part of demand covered").get(lang),
             f"{covered:,.1f}{unit}")]


def _e066(lang: str) -> pd.DataFrame:
    row = ch05._by_agent().loc["E066"]
    rows = [(Say("排班时间合计（所有活动）", "Scheduled time (all activities)"), row["scheduled_s"]),
            (Say("其中按排班做对活动的时间 (in adherence)", "of which doing the scheduled activity (in adherence)"), row["in_adherence_s"]),
            (Say("排班在线时间 (scheduled phone time)", "Scheduled phone time"), row["scheduled_phone_s"]),
            (Say("实际在线时间 (worked phone time)", "Worked phone time"), row["worked_phone_s"])]
    return pd.DataFrame({Say("秒", "Seconds").get(lang): [f"{int(v):,}" for _, v in rows]},
                        index=[s.get(lang) for s, _ in rows])


BANDS = (0, 60, 300, 900, 3600, np.inf)


def _lateness(lang: str) -> pd.DataFrame:
    from ccskills.scheduling import adherence_exceptions

    ns = run_givens(ch05.IMPORTS + ch05.LOGS)
    found = adherence_exceptions(ns["schedule"], ns["states"], late_login=0)
    late = found.loc[found["exception"] == "late_login", "excess_s"]
    counts = pd.cut(late, BANDS).value_counts(sort=False).to_numpy()
    labels = [Say("晚 1 秒–1 分钟", "1 s – 1 min late"), Say("晚 1–5 分钟", "1–5 min late"),
              Say("晚 5–15 分钟", "5–15 min late"), Say("晚 15–60 分钟", "15–60 min late"),
              Say("晚 1 小时以上", "over 1 hour late")]
    rows = [*zip(labels, counts), (Say("缺勤：整天没有登录 (no show)", "No show: never logged in that day"),
                                   int((found["exception"] == "no_show").sum()))]
    return pd.DataFrame({Say("人次", "Agent-days").get(lang): [int(v) for _, v in rows]},
                        index=[s.get(lang) for s, _ in rows])


GIVENS = (
    Given("october", Say("2025 年 10 月的日历（企业线只在工作日营业）", "October 2025 calendar (the enterprise line opens on working days only)"),
          _october),
    Given("daily", Say("电商线每天来话量，2025 年 9 月 17 日 – 10 月 8 日", "E-commerce line calls per day, 17 Sep – 8 Oct 2025"),
          _daily_calls),
    Given("forecast_check", Say("四个时段的实际与预测来话", "Actual and forecast calls of four intervals"), _forecast_check),
    Given("monday", Say("一天的人员需求", "One day's staffing requirement"), _monday),
    Given("slot", Say("晚高峰的一个时段", "One interval of the evening peak"), _slot),
    Given("coverage", Say("两周排班与需求（每 15 分钟一个时段）", "Two weeks of schedule against requirement (15-minute intervals)"),
          _coverage),
    Given("e066", Say("座席 E066 两周的排班与实际（来自排班和座席状态日志）", "Agent E066 over two weeks (schedule and agent-state log)"),
          _e066),
    Given("lateness", Say("两周的登录迟到和缺勤（每人每天算一次）", "Late log-ins and no-shows over two weeks (once per agent and day)"),
          _lateness),
)

# ---------------------------------------------------------------- numbers from the code track
OPEN_SLOTS = from_code(
    ch05.OPEN_SLOTS, set=NAME, id="open_slots", givens=["october"], unit=Say("个时段", "intervals"),
    keep_hints=[0],
    hints=["工作日 = 周一到周五里不放假的日子，加上调休上班的周末。"],
    prompt=Say("2025 年 10 月，企业线一共营业多少个 15 分钟时段？",
               "How many 15-minute intervals is the enterprise line open in October 2025?"),
    title_en="Open intervals",
    hints_en=["The enterprise line opens on working days only, 09:00–18:00: 36 fifteen-minute intervals a day.",
              "Working days = Monday to Friday minus holidays, plus make-up working weekend days."],
    feedback_en=["You counted every Monday to Friday: the enterprise line is closed on weekdays inside the "
                 "National Day and Mid-Autumn holiday.",
                 "You left out the make-up working day: 11 October is a Saturday but a working day by the State Council notice.",
                 "The enterprise line opens on working days only, not every day; closed days have no records."],
    explanation_en="October has 23 weekdays, 6 of them inside the National Day and Mid-Autumn holiday; Saturday 11 October is a make-up working day.",
)

HOLIDAY = from_code(
    ch05.HOLIDAY_EFFECT, set=NAME, id="holiday_ratio", givens=["daily"], scale=100, unit=PCT, decimals=1,
    keep_hints=[], hints=["先找出表中标为“放假”的日子：2025 年国庆、中秋连休是哪几天？",
                          "假期日均来话 ÷ 假期前 14 天（9 月 17–30 日）日均来话。用平均数，不是总数：两段天数不同。"],
    prompt=Say("假期日均来话是假期前 14 天（9 月 17–30 日）日均来话的百分之几？保留 1 位小数。",
               "Average daily calls in the holiday are what percent of the average of the 14 days before (17–30 Sep)? One decimal."),
    title_en="Holiday effect",
    hints_en=["First find the days marked holiday: which days was the 2025 National Day and Mid-Autumn break?",
              "Average daily calls in the holiday ÷ average daily calls of the 14 days before. Averages, not totals: "
              "the two periods have different numbers of days."],
    feedback_en=["National Day and Mid-Autumn ran together in 2025: the holiday is 1–8 October, 8 days; you took 1–7 only.",
                 "You used totals: 8 holiday days against 14 days before; compare daily averages.",
                 "The ratio is upside down: holiday ÷ normal."],
    explanation_en="The e-commerce line gets only about four fifths of its normal daily calls in the holiday: the forecast needs its own holiday factor.",
)

WAPE = from_code(
    ch05.WAPE_MAPE, "wape", set=NAME, id="wape", title="预测误差 WAPE", givens=["forecast_check"], scale=100, unit=PCT, decimals=1,
    keep=[0], keep_hints=[0], hints=["先算每个时段的 |实际 − 预测|，再加总。"],
    extra_mistakes=[Mistake(lambda: float(ch05._accuracy()["wape"]), "单位是 %：请填百分数（例如 10.6），不是小数。",
                            feedback_en="The unit is %: enter a percentage (e.g. 10.6), not a fraction.")],
    prompt=Say("这四个时段预测的 WAPE（加权平均绝对百分比误差）是多少？填百分数，保留 1 位小数。",
               "What is the WAPE (weighted absolute percentage error) of the forecast over these four intervals? In percent, one decimal."),
    title_en="WAPE",
    hints_en=["WAPE = Σ|actual − forecast| ÷ Σ actual; MAPE = the average over intervals of |actual − forecast| ÷ actual.",
              "First work out |actual − forecast| for each interval, then add them up."],
    feedback_en=["That is MAPE (the average of each interval's percentage error); WAPE adds the errors first, then divides by total actual."],
    explanation_en=("The interval with 4 calls was forecast at 12, a 200 % error that drives MAPE up; WAPE weights by "
                    "calls, so that small interval hardly counts. Scheduling looks at total work, so this chapter uses WAPE."),
)

MAPE = from_code(
    ch05.WAPE_MAPE, "mape", set=NAME, id="mape", title="预测误差 MAPE", givens=["forecast_check"], scale=100, unit=PCT, decimals=1,
    keep_hints=[0], hints=["MAPE：四个时段各自的 |实际 − 预测| ÷ 实际，再求平均。"],
    prompt=Say("同样四个时段，MAPE（平均绝对百分比误差）是多少？填百分数，保留 1 位小数。",
               "For the same four intervals, what is the MAPE (mean absolute percentage error)? In percent, one decimal."),
    title_en="MAPE",
    hints_en=["WAPE = Σ|actual − forecast| ÷ Σ actual; MAPE = the average over intervals of |actual − forecast| ÷ actual.",
              "MAPE: each interval's |actual − forecast| ÷ actual, then their average."],
    feedback_en=["That is WAPE; MAPE is the simple average of each interval's |error| ÷ actual."],
    explanation_en=("The interval with 4 calls was forecast at 12, a 200 % error that drives MAPE up; WAPE weights by "
                    "calls, so that small interval hardly counts. Scheduling looks at total work, so this chapter uses WAPE."),
)

PEAK = from_code(
    ch05.PLAN, "peak_scheduled", set=NAME, id="peak_scheduled", title="高峰排班人数 peak scheduled headcount", givens=["monday"], unit=Say("人", "people"),
    keep_hints=[1], hints=[],
    prompt=Say("考虑 30 % 的损耗，高峰时段要排多少人？（向上取整）",
               "With 30 % shrinkage, how many people must be scheduled at the peak? (round up)"),
    title_en="Peak scheduled headcount",
    hints_en=["Scheduled = ⌈agents on the phones ÷ (1 − shrinkage)⌉; paid hours = scheduled × 0.25 hours, added over the day."],
    feedback_en=["Divide by (1 − 0.3) for shrinkage, do not multiply by 1.3: 30 % of the time is off the phones, "
                 "so only 70 % is on them.",
                 "That is the agents needed on the phones at the peak (required); the question asks for the people "
                 "to schedule once shrinkage is allowed for."],
    explanation_en="With 30 % shrinkage, one agent on the phones takes about 1.43 people on the schedule; this drives "
                   "medium- and long-term hiring and scheduling.",
)

SLOT_AGENTS = from_code(
    ch05.SLOT_AGENTS, set=NAME, id="slot_agents", givens=["slot"], unit=Say("人", "agents"),
    calculator="erlang_calculator",
    hints=["用 Erlang 座席计算器（导读里的链接）：输入这个时段的来话量和 AHT，时段 15 分钟，目标 80 % / 20 秒，损耗 0。"],
    prompt=Say("用 Erlang 座席计算器：这个时段要达到 80/20，最少需要几名在线座席？",
               "With the Erlang calculator: how many agents on the phones does this interval need for 80/20?"),
    title_en="Agents for one interval",
    hints_en=["Offered load = calls × AHT ÷ 900 (15 minutes).",
              "With the Erlang calculator (linked from the guide): this interval's calls and AHT, a 15-minute "
              "interval, target 80 % in 20 s, shrinkage 0."],
    feedback_en=["The intervals in this data are 15 minutes = 900 s, not 30 minutes (1,800 s).",
                 "You only rounded the offered load up; meeting 80/20 takes a few more agents (Erlang C)."],
    explanation_en="Meeting 80/20 takes a few agents more than the offered load (Erlang): they are the queue's buffer.",
)

FILL = from_code(
    ch05.FILL_RATE, set=NAME, id="fill_rate", givens=["coverage"], scale=100, unit=PCT, decimals=1,
    prompt=Say("两周的排班满足率 (schedule fill rate) 是多少？填百分数，保留 1 位小数。",
               "What is the two weeks' schedule fill rate? In percent, one decimal."),
    title_en="Schedule fill rate",
    hints_en=["Fill rate = Σ min(scheduled, required) ÷ Σ required: people scheduled beyond need cannot fill another interval's gap."],
    feedback_en=["That is schedule efficiency (Σ required ÷ Σ scheduled); fill rate is the share of demand covered.",
                 "Σ scheduled ÷ Σ required lets extra afternoon people fill the evening gap; fill rate counts only "
                 "min(scheduled, required) in each interval."],
    explanation_en="More than a tenth of the two weeks' agent-intervals needed had nobody scheduled: mostly at opening and the evening peak.",
)

EFFICIENCY = from_code(
    ch05.EFFICIENCY, set=NAME, id="efficiency", givens=["coverage"], scale=100, unit=PCT, decimals=1,
    prompt=Say("两周的排班效率 (schedule efficiency) 是多少？填百分数，保留 1 位小数。",
               "What is the two weeks' schedule efficiency? In percent, one decimal."),
    title_en="Schedule efficiency",
    hints_en=["Efficiency = Σ required ÷ Σ scheduled on the phones (every interval of the two weeks)."],
    feedback_en=["That is the fill rate; efficiency is Σ required ÷ Σ scheduled.", "Upside down: efficiency = required ÷ scheduled."],
    explanation_en="High efficiency is not a good schedule: about the right number of people in the wrong intervals "
                   "gives a low fill rate. Read the two together.",
)

ADHERENCE = from_code(
    ch05.ADHERENCE, "adherence_e066", set=NAME, id="adherence_e066", title="遵从度 adherence", givens=["e066"], scale=100, unit=PCT, decimals=1,
    prompt=Say("E066 这两周的遵从度 (adherence) 是多少？填百分数，保留 1 位小数。",
               "What is E066's adherence over the two weeks? In percent, one decimal."),
    title_en="Adherence",
    hints_en=["Adherence: doing the scheduled activity at the scheduled time; conformance only compares phone time totals, whenever worked.",
              ],
    feedback_en=["That is conformance: it compares phone time totals only. Adherence needs the timing to match too."],
    explanation_en="E066's phone time is almost exactly as scheduled (conformance near 100 %), but not at the scheduled "
                   "times (adherence about 5 points lower).",
)

CONFORMANCE = from_code(
    ch05.ADHERENCE, "conformance_e066", set=NAME, id="conformance_e066", title="一致率 conformance", givens=["e066"], scale=100, unit=PCT,
    decimals=1, hints=["一致率 = 实际在线时间 ÷ 排班在线时间。"],
    prompt=Say("E066 这两周的一致率 (conformance) 是多少？填百分数，保留 1 位小数。",
               "What is E066's conformance over the two weeks? In percent, one decimal."),
    title_en="Conformance",
    hints_en=["Adherence: doing the scheduled activity at the scheduled time; conformance only compares phone time totals, whenever worked.",
              "Conformance = worked phone time ÷ scheduled phone time."],
    feedback_en=["That is adherence; conformance = worked phone time ÷ scheduled phone time."],
    explanation_en="E066's phone time is almost exactly as scheduled (conformance near 100 %), but not at the scheduled "
                   "times (adherence about 5 points lower).",
)

LATE = from_code(
    ch05.EXCEPTIONS, "late_logins", set=NAME, id="late_logins", givens=["lateness"], unit=Say("人次", "agent-days"),
    keep_hints=[], hints=["本中心规定：登录比排班晚超过 5 分钟 (300 秒) 才算迟登录。", "缺勤是整天没有登录，单独统计。"],
    feedback={0: "你把晚 1 秒也算成迟到了；本中心规定晚了超过 5 分钟才算迟登录。",
              1: "缺勤 (no show) 是整天没登录，不算迟登录；分开数。"},
    prompt=Say("按本中心的规定，这两周一共有多少人次迟登录 (late log-in)？",
               "By this centre's rule, how many late log-ins (agent-days) were there in the two weeks?"),
    title_en="Late log-ins",
    hints_en=["This centre's rule: a log-in more than 5 minutes (300 s) after the shift start is late.",
              "A no-show never logged in that day and is counted separately."],
    feedback_en=["You counted one second late as late; this centre counts a log-in as late only beyond 5 minutes.",
                 "A no-show never logged in that day; it is not a late log-in. Count them apart."],
    explanation_en="Late log-ins cluster on a few agents: coach the people, not the whole team.",
)

# ---------------------------------------------------------------- interpretation questions
STEPS = NoCodeQuestion(
    set=NAME, id="four_steps", kind="choice",
    title="四个步骤的顺序 the four steps", title_en="The order of the four steps",
    prompt=Say("排班工作的四个步骤，正确的顺序是？", "What is the right order of the four workforce-management steps?"),
    choices=[Say("预测 → 人员需求 → 排班 → 日内管理", "Forecast → staffing requirement → schedule → intraday"),
             Say("排班 → 预测 → 人员需求 → 日内管理", "Schedule → forecast → staffing requirement → intraday"),
             Say("人员需求 → 预测 → 排班 → 日内管理", "Staffing requirement → forecast → schedule → intraday"),
             Say("预测 → 排班 → 人员需求 → 日内管理", "Forecast → schedule → staffing requirement → intraday")],
    expected="预测 → 人员需求 → 排班 → 日内管理",
    hints=["没有来话预测，就算不出每个时段要几个人。", "先知道每个时段要几个人，才能决定谁上什么班。"],
    hints_en=["Without a call forecast you cannot work out the agents per interval.",
              "You must know the agents needed per interval before deciding who works which shift."],
    explanation=("预测来话量和 AHT → 用 Erlang C 和损耗算出每个时段的人员需求 → 按需求排班（班次、休息、休假）→ "
                 "当天按实际来话做日内调整。前一步的输出是后一步的输入。"),
    explanation_en=("Forecast calls and AHT → staffing requirement per interval with Erlang C and shrinkage → a "
                    "schedule that covers it (shifts, breaks, days off) → intraday adjustments to the actual calls. "
                    "Each step's output is the next step's input."),
    mistakes=[Mistake("预测 → 排班 → 人员需求 → 日内管理", "先排班再算需求，就只能凭经验排：人员需求是排班的依据。",
                      feedback_en="Scheduling before working out the requirement means scheduling by guesswork: the "
                                  "requirement is what the schedule must cover.")],
)


def _makeup_days() -> tuple[str, ...]:
    cal = ch05._cal("2025-09-17", "2025-10-12")
    return tuple(_day(d, "zh") for d in cal.index[cal["is_makeup_workday"]])


MAKEUP_CHOICES = [pd.Timestamp(d) for d in ("2025-09-27", "2025-09-28", "2025-10-01", "2025-10-08", "2025-10-11",
                                             "2025-10-12")]

MAKEUP = NoCodeQuestion(
    set=NAME, id="makeup_days", kind="multiple", givens=["october", "daily"],
    title="调休上班日 make-up working days", title_en="Make-up working days",
    prompt=Say("2025 年 9 月 17 日到 10 月 12 日之间，哪几天是调休上班日 (make-up working day)？（多选）",
               "Between 17 September and 12 October 2025, which days are make-up working days? (tick all that apply)"),
    choices=[Say(_day(d, "zh"), _day(d, "en")) for d in MAKEUP_CHOICES],
    expected=_makeup_days,
    hints=["国庆、中秋连休 8 天（10 月 1–8 日），要用前后两个周末的各一天补回来。",
           "调休上班日是周六或周日；放假的日子不可能同时是上班日。"],
    hints_en=["The 8-day National Day and Mid-Autumn break (1–8 Oct) is paid back with one day of a weekend before and after.",
              "A make-up working day is a Saturday or Sunday; a holiday cannot also be a working day."],
    explanation=("2025 年国庆、中秋连休 10 月 1–8 日，9 月 28 日（周日）和 10 月 11 日（周六）调休上班。"
                 "预测时调休上班日按工作日处理，企业线这两天营业。"),
    explanation_en=("In 2025 the National Day and Mid-Autumn break ran 1–8 October; Sunday 28 September and Saturday "
                    "11 October were make-up working days. Forecast them as working days; the enterprise line opens."),
    mistakes=[Mistake((_day(pd.Timestamp("2025-10-11"), "zh"),),
                      "还漏了一天：假期前的 9 月 28 日（周日）也调休上班。",
                      feedback_en="One is missing: Sunday 28 September, before the break, was a make-up working day too.")],
)

WHY_WAPE = NoCodeQuestion(
    set=NAME, id="why_wape", kind="choice", givens=["forecast_check"],
    title="排班为什么看 WAPE why WAPE", title_en="Why scheduling uses WAPE",
    prompt=Say("评价用于排班的来话预测，为什么看 WAPE 而不看 MAPE？", "Why judge a forecast used for scheduling by WAPE rather than MAPE?"),
    choices=[Say("WAPE 按电话量加权：几通电话的小时段误差大，对排班影响却很小", "WAPE weights by calls: a small interval's big error matters little to the schedule"),
             Say("WAPE 总是比 MAPE 小，报表更好看", "WAPE is always smaller than MAPE, so the report looks better"),
             Say("MAPE 只能用于月度预测", "MAPE can only be used for monthly forecasts"),
             Say("两者没有区别，随便用哪个", "They are the same; either will do")],
    expected="WAPE 按电话量加权：几通电话的小时段误差大，对排班影响却很小",
    hints=["看第 3 个时段：实际 4 通、预测 12 通，百分比误差多大？少排或多排了几个人？"],
    hints_en=["Look at interval 3: 4 actual, 12 forecast. How big is its percentage error? How many agents does it move?"],
    explanation=ch05.WHY_WAPE.solution.replace("**", ""),
    explanation_en=("MAPE treats every interval alike, WAPE weights by calls. An interval with a handful of calls (opening, "
                    "closing) is 100 %+ off with a miss of 5 calls, which drives MAPE up but barely changes the schedule; "
                    "5 % off at the evening peak means several agents missing. Scheduling cares about how much total work "
                    "was wrong, so read WAPE (with daily total error and bias)."),
    mistakes=[Mistake("WAPE 总是比 MAPE 小，报表更好看",
                      "选指标看它衡量的是不是排班关心的东西，不是看哪个数小；WAPE 也不总是更小。",
                      feedback_en="Choose a measure for what scheduling cares about, not for the smaller number; WAPE is not always smaller either.")],
)

ADHERENCE_MEANS = NoCodeQuestion(
    set=NAME, id="adherence_vs_conformance", kind="choice", givens=["e066"],
    title="遵从度低、一致率高 low adherence, high conformance", title_en="Low adherence, high conformance",
    prompt=Say("E066 的一致率接近 100 %，遵从度约低 5 个百分点。最可能的情况是？",
               "E066's conformance is near 100 %, adherence about 5 points lower. What most likely happened?"),
    choices=[Say("在线时间总量够了，但时间没对上（例如提前或推迟休息、用餐）", "Enough phone time in total, at the wrong times (breaks or lunch taken early or late)"),
             Say("经常缺勤", "Frequent no-shows"),
             Say("在线时间远少于排班", "Far less phone time than scheduled"),
             Say("通话时间太长", "Calls too long")],
    expected="在线时间总量够了，但时间没对上（例如提前或推迟休息、用餐）",
    hints=["一致率只比总量，遵从度还要求时间对得上。"],
    hints_en=["Conformance compares totals only; adherence also needs the timing to match."],
    explanation=("一致率高说明总量没问题；遵从度低说明在错的时间做了对的事。排班按时段覆盖需求，时间错开同样会造成缺口："
                 "辅导时看他什么时候离线，而不是离线多久。"),
    explanation_en=("High conformance means the total is fine; low adherence means the right things at the wrong times. "
                    "The schedule covers demand interval by interval, so shifted time leaves gaps too: in coaching, look "
                    "at when the agent was off the phones, not how long."),
    mistakes=[Mistake("在线时间远少于排班", "那样一致率也会低；这里一致率接近 100 %，在线总量够了。",
                      feedback_en="Then conformance would be low too; here it is near 100 %: the total phone time is there.")],
)

FILL_VS_EFFICIENCY = NoCodeQuestion(
    set=NAME, id="fill_vs_efficiency", kind="choice", givens=["coverage"],
    title="满足率与效率一起看 fill rate and efficiency", title_en="Fill rate and efficiency together",
    prompt=Say("这两周的排班效率约 95 %，满足率约 87 %。这说明什么？",
               "Over these two weeks schedule efficiency is about 95 % and the fill rate about 87 %. What does that say?"),
    choices=[Say("总人数差不多，但放错了时段：有的时段缺人，有的时段多排", "About the right number of people, in the wrong intervals: some short, some over"),
             Say("排的人总数远远不够", "Far too few people scheduled in total"),
             Say("排班很好，两个指标都接近 100 %", "A good schedule: both near 100 %"),
             Say("预测偏高了", "The forecast was too high")],
    expected="总人数差不多，但放错了时段：有的时段缺人，有的时段多排",
    hints=["效率看总量；满足率只算每个时段被覆盖的部分。两个数差得多，说明什么？"],
    hints_en=["Efficiency looks at totals; fill rate counts only what each interval has covered. What does a big gap between them say?"],
    explanation="效率高不等于排得好：人总数差不多，但放错了时段，满足率就低。两个数要一起看。",
    explanation_en="High efficiency is not a good schedule: about the right number of people in the wrong intervals gives a low fill rate. Read the two together.",
    mistakes=[Mistake("排班很好，两个指标都接近 100 %", "满足率 87 % 意味着一成多的需求没人覆盖：这些时段的客户在排队。",
                      feedback_en="An 87 % fill rate means more than a tenth of demand had nobody: callers queue in those intervals.")],
)

SHRINKAGE = NoCodeQuestion(
    set=NAME, id="shrinkage_items", kind="multiple",
    title="哪些算损耗 what counts as shrinkage", title_en="What counts as shrinkage",
    prompt=Say("计算损耗率 (shrinkage) 时，哪些时间算损耗？（多选）", "Which time counts as shrinkage? (tick all that apply)"),
    choices=[Say("小休和用餐", "Breaks and lunch"), Say("培训和班组会议", "Training and team meetings"),
             Say("请假和缺勤", "Leave and absence"), Say("话后处理 (ACW)", "After-call work (ACW)"),
             Say("在线等待来电的空闲时间", "Idle time on the phones waiting for calls")],
    expected=("小休和用餐", "培训和班组会议", "请假和缺勤"),
    hints=["损耗是“带薪但不在线接电话”的时间。", "话后处理已经算在 AHT 里；等待来电的空闲是在线时间。"],
    hints_en=["Shrinkage is paid time not available on the phones.",
              "After-call work is already part of AHT; idle time waiting for calls is time on the phones."],
    explanation=("损耗 = 带薪但不能接电话的时间：小休、用餐、培训、会议、请假、缺勤……话后处理属于 AHT，"
                 "等待来电的空闲属于在线时间（占用率的问题），都不算损耗。"),
    explanation_en=("Shrinkage = paid time not available for calls: breaks, lunch, training, meetings, leave, absence… "
                    "After-call work belongs to AHT, and idle time waiting for calls is on-phone time (an occupancy "
                    "matter); neither is shrinkage."),
    mistakes=[Mistake(("小休和用餐", "培训和班组会议", "请假和缺勤", "话后处理 (ACW)"),
                      "话后处理已经算在 AHT 里（通话 + 保持 + 话后处理）；再算进损耗就重复了。",
                      feedback_en="After-call work is already in AHT (talk + hold + ACW); counting it as shrinkage counts it twice.")],
)

SHIFT_PAIRS = (("13:30", "22:00", "08:00", "16:30"), ("08:00", "16:30", "13:30", "22:00"),
               ("10:00", "18:30", "08:00", "16:30"), ("09:00", "17:30", "09:00", "17:30"))
"""(today's start, today's end, tomorrow's start, tomorrow's end) of each option."""


def _minimum_rest_s() -> int:
    from ccskills.scheduling import roster

    return int(inspect.signature(roster).parameters["min_rest"].default)


def _pair_text(pair, lang: str) -> str:
    return (f"今天 {pair[0]}–{pair[1]}，明天 {pair[2]}–{pair[3]}" if lang == "zh"
            else f"today {pair[0]}–{pair[1]}, tomorrow {pair[2]}–{pair[3]}")


def _rest_s(pair) -> int:
    end, start = pd.Timedelta(pair[1] + ":00"), pd.Timedelta(pair[2] + ":00")
    return int((pd.Timedelta(days=1) + start - end).total_seconds())


def _breaking_pair() -> str:
    broken = [p for p in SHIFT_PAIRS if _rest_s(p) < _minimum_rest_s()]
    if len(broken) != 1:
        raise ValueError(f"SHIFT_PAIRS must hold exactly one pair breaking the rest rule, got {broken!r}")
    return _pair_text(broken[0], "zh")


def _rest_rule(lang: str) -> list[tuple[str, str]]:
    hours = _minimum_rest_s() / 3600
    return [(Say("排班规则：两个班次之间至少休息", "Rule: minimum rest between two shifts").get(lang),
             f"{hours:g} 小时" if lang == "zh" else f"{hours:g} hours")]


_REST_H = _minimum_rest_s() / 3600  # the rule the question gives (scheduling.roster's default)

REST = NoCodeQuestion(
    set=NAME, id="rest_rule", kind="choice", givens=["rest"],
    title="哪对班次违反休息规则 which shifts break the rest rule", title_en="Which pair of shifts breaks the rest rule",
    prompt=Say("同一位座席连续两天的班次，哪一组违反了最短休息时间的规则？",
               "One agent's shifts on two consecutive days: which pair breaks the minimum-rest rule?"),
    choices=[Say(_pair_text(p, "zh"), _pair_text(p, "en")) for p in SHIFT_PAIRS],
    expected=_breaking_pair,
    hints=["休息时间 = 明天上班时间 + 24 小时 − 今天下班时间。", "晚班接早班最容易出问题。"],
    hints_en=["Rest = tomorrow's start + 24 hours − today's end.", "A late shift followed by an early one is the usual culprit."],
    explanation=f"22:00 下班、次日 08:00 上班只休息 10 小时，少于规则的 {_REST_H:g} 小时；排班工具按这条规则自动检查，手工调班时最容易出错。",
    explanation_en=f"Off at 22:00 and back at 08:00 is only 10 hours of rest, under the rule's {_REST_H:g}; scheduling tools check "
                   "this rule, hand-made swaps break it most often.",
    mistakes=[Mistake(_pair_text(SHIFT_PAIRS[1], "zh"), "早班接晚班：16:30 下班到次日 13:30 上班，休息 21 小时，没有问题。",
                      feedback_en="Early then late: off at 16:30, back at 13:30 next day is 21 hours of rest; no problem.")],
)

INTRADAY = NoCodeQuestion(
    set=NAME, id="intraday_action", kind="choice",
    title="日内管理 intraday", title_en="Intraday management",
    prompt=Say("上午 10:00，来话比预测多 20 %，服务水平快速下滑，预计持续到中午。现场主管最该先做什么？",
               "At 10:00 calls run 20 % above forecast and service level is dropping fast, likely until noon. "
               "What should the floor supervisor do first?"),
    choices=[Say("推迟非紧急的培训、会议和辅导，让这些座席先上线", "Postpone non-urgent training, meetings and coaching and put those agents on the phones"),
             Say("等到明天再修改预测", "Wait until tomorrow and fix the forecast"),
             Say("要求所有座席缩短通话", "Tell all agents to shorten their calls"),
             Say("把服务水平目标改为 70/20", "Change the service-level target to 70/20")],
    expected="推迟非紧急的培训、会议和辅导，让这些座席先上线",
    hints=["日内管理先动用当天就能调的人：哪些人此刻带薪但不在线？"],
    hints_en=["Intraday, use the people you can move today first: who is paid but off the phones right now?"],
    explanation=("日内管理先调可以调的损耗（培训、会议、辅导、小休错峰），再考虑加班或请兼职；"
                 "预测偏差要记下来，在下一个预测周期修正。催座席缩短通话会伤害一次解决率，改目标只是改数字。"),
    explanation_en=("Intraday, move the shrinkage you can (training, meetings, coaching, staggered breaks) first, then "
                    "overtime or part-timers; note the forecast miss and correct it in the next cycle. Hurrying agents "
                    "hurts first-contact resolution, and a new target only changes the number."),
    mistakes=[Mistake("要求所有座席缩短通话", "催座席缩短通话会让问题没解决就挂断，客户再打进来，来话更多。",
                      feedback_en="Hurrying agents ends calls before issues are solved; customers call again and volume rises.")],
)

GIVENS = (*GIVENS, Given("rest", Say("排班规则", "Scheduling rule"), _rest_rule))

QUESTIONS = (STEPS, MAKEUP, OPEN_SLOTS, HOLIDAY, WAPE, MAPE, WHY_WAPE, PEAK, SHRINKAGE, SLOT_AGENTS, FILL,
             EFFICIENCY, FILL_VS_EFFICIENCY, REST, ADHERENCE, CONFORMANCE, ADHERENCE_MEANS, LATE, INTRADAY)

SET = NoCodeSet(
    name=NAME,
    title=Say("第 05 章 预测与排班：练习册", "Chapter 05 Forecasting and scheduling: workbook"),
    intro=Say("不用写代码：读下面的表格和事实，在框里填数或选择，点“检查”。需要时看“提示”，做完可以看“答案”。"
              "数字来自套件的排班示例数据（电商线和企业线的区间话务、排班与座席状态日志）。",
              "No code needed: read the tables and facts, type a number or choose, then press Check. Use Hint when "
              "stuck and Answer when done. The numbers come from the kit's workforce sample data (interval calls, "
              "schedules and agent-state logs of an e-commerce line and an enterprise line)."),
    givens=GIVENS,
    questions=QUESTIONS,
)
