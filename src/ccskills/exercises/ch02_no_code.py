"""Chapter 02 no-code workbook: service performance metrics (服务绩效指标), without Python.

The numbers are the code track's questions (:mod:`ccskills.exercises.ch02`) re-used through
:func:`~._no_code.from_code`: same expected-value callables on the same givens, same typical
mistakes; the page shows the givens as tables and facts computed here with the kit. The
interpretation questions add judgement: which service-level definition a report used, what
ASA hides, why short abandons are removed, when pooling saves agents, what to do about a KPI
card, where AHT can be moved, and the indicator tree of lesson 5 (levels, the direct drivers of
service level, which driver pushed the other way, what a team leader can move today).

>>> SET.name, len(SET.questions) >= 10
('ch02', True)
"""

from __future__ import annotations

import pandas as pd

from ccskills import kpi
from ccskills.kpi.display import format_value, label

from . import ch02
from ._givens import given
from ._no_code import Given, NoCodeQuestion, NoCodeSet, Say, from_code
from ._questions import Mistake

NAME = "ch02"
PCT = Say("%", "%")


def _frame(rows: list[tuple[Say, object]], lang: str, column: Say) -> pd.DataFrame:
    """A one-column table: row labels in ``lang``."""
    return pd.DataFrame({column.get(lang): [v for _, v in rows]}, index=[s.get(lang) for s, _ in rows])


COUNT = Say("数量", "Count")


# ---------------------------------------------------------------- givens (computed with the kit)
def _interval(lang: str) -> list[tuple[str, str]]:
    calls, aht, interval = ch02._interval()
    return [(Say("一个时段的来话量 (calls)", "Calls in the interval").get(lang), f"{calls}"),
            (Say("平均处理时长 (AHT)", "Average handle time (AHT)").get(lang), f"{aht} 秒" if lang == "zh" else f"{aht} s"),
            (Say("时段长度 (interval)", "Interval length").get(lang),
             f"15 分钟 = {interval} 秒" if lang == "zh" else f"15 minutes = {interval} s")]


def _evening(lang: str) -> pd.DataFrame:
    c = kpi.call_counts(ch02._evening_presales())
    rows = [(Say("来话量 (offered) = 接通 + 放弃", "Offered = answered + abandoned"), c.offered),
            (Say("接通 (answered)", "Answered"), c.answered),
            (Say("放弃 (abandoned)", "Abandoned"), c.abandoned),
            (Say("其中短时放弃 (≤ 5 秒)", "of which short abandons (≤ 5 s)"), c.short_abandoned),
            (Say("阻塞 (blocked，未进入队列)", "Blocked (never queued)"), c.blocked)]
    return _frame(rows, lang, COUNT)


def _monday(lang: str) -> pd.DataFrame:
    calls = ch02._monday_morning()
    answered = calls[calls["outcome"] == "answered"]
    abandoned = calls[calls["outcome"] == "abandoned"]
    c = kpi.call_counts(calls)
    rows = [(Say("来话量 (offered) = 接通 + 放弃", "Offered = answered + abandoned"), c.offered),
            (Say("接通 (answered)", "Answered"), c.answered),
            (Say("　接通：等待 0–19 秒", "  answered after 0–19 s"), int((answered["wait_s"] < 20).sum())),
            (Say("　接通：正好等待 20 秒", "  answered after exactly 20 s"), int((answered["wait_s"] == 20).sum())),
            (Say("放弃 (abandoned)", "Abandoned"), c.abandoned),
            (Say("　放弃：20 秒内（含）", "  abandoned within 20 s"), int((abandoned["wait_s"] <= 20).sum())),
            (Say("　放弃：其中短时放弃 (≤ 5 秒)", "  of which short abandons (≤ 5 s)"), c.short_abandoned),
            (Say("阻塞 (blocked，未进入队列，等待记为 0)", "Blocked (never queued, wait recorded as 0)"), c.blocked),
            (Say("接通电话的等待合计（秒）", "Total wait of answered calls (s)"), int(answered["wait_s"].sum())),
            (Say("放弃电话的等待合计（秒）", "Total wait of abandoned calls (s)"), int(abandoned["wait_s"].sum()))]
    return _frame(rows, lang, COUNT)


def _queues(lang: str) -> pd.DataFrame:
    calls, aht = given(ch02.TWO_QUEUES, "queue_calls"), given(ch02.TWO_QUEUES, "queue_aht_s")
    return pd.DataFrame({Say("每 15 分钟来话量", "Calls per 15 min").get(lang): calls,
                         Say("AHT（秒）", "AHT (s)").get(lang): aht},
                        index=[Say("队列 A", "Queue A").get(lang), Say("队列 B", "Queue B").get(lang)])


def _aht_day(lang: str) -> pd.DataFrame:
    day, saving = ch02._monday_plan(), ch02._aht_saving()
    changed = saving.agents_saved > 0
    return pd.DataFrame({
        Say("时段开始", "Interval start").get(lang): day["interval_start"][changed].dt.strftime("%H:%M"),
        Say("所需座席（现在）", "Agents needed now").get(lang): saving.agents_now[changed],
        Say("所需座席（AHT − 10 秒）", "Agents needed, AHT − 10 s").get(lang): saving.agents_reduced[changed],
    }).set_index(Say("时段开始", "Interval start").get(lang))


def _aht_facts(lang: str) -> list[tuple[str, str]]:
    day = ch02._monday_plan()
    return [(Say("当天（3 月 9 日，售后）预测来话合计", "Forecast calls that day (9 March, after-sales)").get(lang),
             f"{int(day['forecast_calls'].sum())}"),
            (Say("时段数（每个 15 分钟）", "Intervals (15 minutes each)").get(lang), f"{len(day)}"),
            (Say("其余时段所需座席不变", "All other intervals need the same agents").get(lang), "✓")]


def _teams(lang: str) -> pd.DataFrame:
    x, y = ch02._team("team_x"), ch02._team("team_y")
    return pd.DataFrame({Say("X 组等待（秒）", "Team X wait (s)").get(lang): x["wait_s"].to_numpy(),
                         Say("Y 组等待（秒）", "Team Y wait (s)").get(lang): y["wait_s"].to_numpy()},
                        index=range(1, len(x) + 1))


def _sundays(lang: str) -> pd.DataFrame:
    """The service-level branch on the two Sundays, as the kit walks it (names, not codes)."""
    walk = ch02._branch()
    days, sunday, week_before = ch02._sundays()
    top = days.loc[[week_before, sunday], ["service_level"]].T.to_numpy()[0]
    rows = [(label("service_level", lang), *[f"{v:.1%}" for v in top])]
    rows += [(label(r.driver, lang), format_value(r.driver, r.previous),
              format_value(r.driver, r.current)) for r in walk.itertuples()
             if r.affects == "service_level"]
    head = [Say("指标", "Indicator").get(lang), Say("3 月 1 日（周日）", "1 March (Sun)").get(lang),
            Say("3 月 8 日（周日）", "8 March (Sun)").get(lang)]
    return pd.DataFrame(rows, columns=head).set_index(head[0])


def _report(lang: str) -> list[tuple[str, str]]:
    return [(Say("报表：周一上午售后服务水平 (service level, 20 秒)",
                 "Report: Monday-morning after-sales service level (20 s)").get(lang),
             f"{_reported_sl() * 100:.1f} %")]


GIVENS = (
    Given("interval", Say("一个 15 分钟时段", "One 15-minute interval"), _interval),
    Given("evening", Say("工作日晚间 (19:00–22:00) 售前来电，3 月", "Weekday evening (19:00–22:00) pre-sales calls, March"),
          _evening),
    Given("monday", Say("周一上午 (08:00–12:00) 售后来电，3 月", "Monday morning (08:00–12:00) after-sales calls, March"),
          _monday),
    Given("queues", Say("两个队列（同一个 15 分钟时段）", "Two queues (the same 15-minute interval)"), _queues),
    Given("aht_day", Say("AHT 缩短 10 秒后所需座席有变化的时段", "Intervals whose agents change when AHT falls by 10 s"),
          _aht_day),
    Given("aht_facts", Say("这一天", "That day"), _aht_facts),
    Given("teams", Say("两个班组各 10 通接通电话的等待时长", "Waits of 10 answered calls in each of two teams"), _teams),
    Given("report", Say("一份报表上的数字", "A number from a report"), _report),
    Given("sundays", Say("两个周日的服务水平和它的直接影响指标", "Service level and its direct drivers on two Sundays"),
          _sundays),
)

# ---------------------------------------------------------------- numbers from the code track
ERLANG = Say("打开 Erlang 座席计算器（导读里的链接）。", "Open the Erlang calculator (linked from the guide).")

LOAD = from_code(
    ch02.LOAD, set=NAME, id="offered_load", givens=["interval"], unit=Say("Erlang", "Erlang"), decimals=2,
    prompt=Say("这个时段的话务量 (offered load) 是多少 Erlang？保留 2 位小数。",
               "What is the offered load of this interval, in Erlang? Two decimals."),
    title_en="Offered load",
    hints_en=["Offered load (Erlang) = calls × AHT ÷ interval length, all times in seconds."],
    feedback_en=["The interval is 15 minutes = 900 s; you divided by an hour (3,600 s).",
                 "Calls × AHT is the total handling seconds; divide by the interval length (900 s) to get Erlang."],
    explanation_en="36 × 380 ÷ 900: this interval holds enough work to keep more than 15 agents busy non-stop.",
)

ABANDON = from_code(
    ch02.ABANDONMENT, "abandon_rate", set=NAME, id="abandon_rate", givens=["evening"], scale=100, unit=PCT,
    decimals=1, prompt=Say("工作日晚间售前的放弃率 (abandonment rate) 是多少？填百分数，保留 1 位小数。",
                           "What is the weekday-evening pre-sales abandonment rate? In percent, one decimal."),
    title_en="Evening abandonment rate",
    hints_en=["Abandonment rate = abandoned ÷ offered; offered = answered + abandoned (blocked calls are not offered).",
              "Removing short abandons (≤ 5 s) takes them out of both the numerator and the denominator."],
    feedback_en=["You divided by answered calls; the abandonment rate is over offered calls (answered + abandoned)."],
    explanation_en="Weekday evenings lose about twice the month's average share of pre-sales callers: the evening shift is short-staffed.",
)

ABANDON_SHORT = from_code(
    ch02.ABANDONMENT, "abandon_rate_excl_short", set=NAME, id="abandon_rate_excl_short", givens=["evening"],
    title="剔除短时放弃的放弃率 abandonment without short abandons",
    scale=100, unit=PCT, decimals=1,
    prompt=Say("剔除短时放弃 (short abandons, ≤ 5 秒) 后，放弃率是多少？填百分数，保留 1 位小数。",
               "With short abandons (≤ 5 s) removed, what is the abandonment rate? In percent, one decimal."),
    title_en="Abandonment without short abandons",
    hints_en=["Abandonment rate = abandoned ÷ offered; offered = answered + abandoned (blocked calls are not offered).",
              "Removing short abandons (≤ 5 s) takes them out of both the numerator and the denominator."],
    feedback_en=["When short abandons are removed, remove them from the denominator too: "
                 "(abandoned − short) ÷ (offered − short)."],
    explanation_en="Short abandons are mostly misdials and quick hang-ups; removing them changes the rate only a little.",
)

SL_OFFERED = from_code(
    ch02.SERVICE_LEVEL, set=NAME, id="sl_offered", givens=["monday"], scale=100, unit=PCT, decimals=1,
    feedback={1: "“20 秒内”包括正好等了 20 秒的电话：正好 20 秒接起的也算达标。"},
    hints=["服务水平（来话量口径）= 20 秒内接起的电话 ÷ 来话量（接通 + 放弃）。", "“20 秒内”包括正好 20 秒。"],
    prompt=Say("按来话量口径 (offered)，周一上午售后的服务水平 (service level, 20 秒) 是多少？填百分数，保留 1 位小数。",
               "Over offered calls, what is the Monday-morning after-sales service level (20 s)? In percent, one decimal."),
    title_en="Service level over offered calls",
    hints_en=["Definition offered: calls answered within 20 s ÷ offered (answered + abandoned).",
              "“Within 20 s” includes exactly 20 s."],
    feedback_en=["You divided by answered calls; here the denominator is offered calls (answered + abandoned): "
                 "a caller who hung up was not answered within 20 s either.",
                 "“Within 20 s” includes calls answered after exactly 20 s."],
    explanation_en="Monday-morning after-sales calls came 35 % above forecast; the service level is far below 80 %.",
)

ASA = from_code(
    ch02.ASA, set=NAME, id="asa", givens=["monday"], unit=Say("秒", "s"), decimals=1,
    feedback={1: "你对所有电话求了平均：放弃电话和阻塞电话（等待记为 0，根本没进队列）都混进来了；ASA 只算接通电话。"},
    prompt=Say("周一上午售后的平均应答速度 (ASA) 是多少秒？保留 1 位小数。",
               "What is the Monday-morning after-sales average speed of answer (ASA), in seconds? One decimal."),
    title_en="Average speed of answer",
    explanation="ASA 只看接通的客户；放弃的客户等了多久，要看放弃率和平均排队时长。",
    explanation_en="ASA looks only at callers who were answered; how long abandoners waited shows in the abandonment rate and the average queue time.",
    hints_en=["ASA counts answered calls only: total wait of answered calls ÷ answered calls."],
    feedback_en=["ASA counts answered calls only; you included the waits of abandoned calls (that is the average queue time).",
                 "You averaged over every call: abandoned and blocked calls (wait recorded as 0, never queued) are mixed in; "
                 "ASA counts answered calls only."],
)

AGENTS = from_code(
    ch02.AGENTS, "agents_needed", set=NAME, id="agents_80_20", givens=["interval"], unit=Say("人", "agents"),
    calculator="erlang_calculator",
    prompt=Say("用 Erlang 座席计算器：这个时段要达到 80/20（80 % 的电话 20 秒内接起），最少需要几名在线座席？",
               "With the Erlang calculator: how many agents on the phones does this interval need for 80/20 "
               "(80 % of calls answered within 20 s)?"),
    hints=["打开 Erlang 座席计算器（导读里的链接），输入来话量 36、AHT 380 秒、时段 15 分钟、目标 80 % / 20 秒，损耗填 0。"],
    title_en="Agents for 80/20",
    hints_en=["Erlang C: the fewest agents that answer 80 % of calls within 20 s.",
              "Open the Erlang calculator (linked from the guide): 36 calls, AHT 380 s, 15-minute interval, "
              "target 80 % in 20 s, shrinkage 0."],
    feedback_en=["You only rounded the offered load up: staff just the load and the queue keeps growing. "
                 "Use Erlang C for the agents that meet 80/20."],
    explanation_en="Meeting 80/20 takes several agents more than the offered load; shrinkage adds more to the schedule.",
)

HEADCOUNT = from_code(
    ch02.AGENTS, "headcount", set=NAME, id="headcount", givens=["interval"], unit=Say("人", "people"),
    title="排班人数 scheduled headcount",
    prompt=Say("上一题的在线座席数，损耗率 (shrinkage) 30 % 时要排多少人？（向上取整）",
               "With the agents of the last question and 30 % shrinkage, how many people must be scheduled? (round up)"),
    title_en="Scheduled headcount",
    keep_hints=[], hints=["损耗 30 %：排班人数 = 在线座席 ÷ (1 − 30 %)，向上取整。"],
    hints_en=["Shrinkage 30 %: scheduled = agents on the phones ÷ (1 − 30 %), rounded up."],
    feedback_en=["Divide by (1 − 0.3) for 30 % shrinkage, do not multiply by 1.3: 30 % of people are off the phones, "
                 "so only 70 % of those scheduled are on them."],
    explanation_en="Meeting 80/20 takes several agents more than the offered load; shrinkage adds more to the schedule.",
)

POOLING = from_code(
    ch02.POOLING, set=NAME, id="pooling_saved", givens=["queues"], unit=Say("人", "agents"),
    calculator="erlang_calculator",
    prompt=Say("用 Erlang 座席计算器（80/20）：两个队列分开排班各需几人？合并成一个队列（座席两类电话都能接）需几人？"
               "合并能节省几名座席？",
               "With the Erlang calculator (80/20): how many agents does each queue need on its own, and the two "
               "pooled into one (agents take both kinds of call)? How many agents does pooling save?"),
    hints=["合并后的来话量 = 40 + 36；合并后的 AHT 按来话量加权：(40 × 200 + 36 × 380) ÷ 76 秒。"],
    title_en="Pooling",
    hints_en=["Work out each queue's agents for 80/20 and add them; then treat both as one queue "
              "(calls added, AHT weighted by calls) and work it out once more.",
              "Pooled calls = 40 + 36; pooled AHT weighted by calls: (40 × 200 + 36 × 380) ÷ 76 s."],
    feedback_en=["Pooled agents are not the two queues added up: when one queue is busy, idle agents of the other "
                 "can answer; the larger the group, the less spare it needs.",
                 "The question asks for the agents saved (separate − pooled); you gave the agents the pooled queue needs."],
    explanation_en="Pooled, random peaks cancel out, so fewer agents are needed than the two separate totals "
                   "(provided agents can take both kinds of call).",
)

OCCUPANCY = from_code(
    ch02.OCCUPANCY, set=NAME, id="occupancy", givens=["interval"], scale=100, unit=PCT, decimals=1, keep=[0],
    feedback={0: "占用率 = 话务量 ÷ 座席数，你倒过来了（结果不可能超过 100 %）。"},
    extra_mistakes=[Mistake(lambda: ch02.OCCUPANCY.expected_values["occ"],
                            "单位是 %：请填百分数（例如 80），不是小数 0.8。",
                            feedback_en="The unit is %: enter a percentage (e.g. 80), not the fraction 0.8.")],
    keep_hints=[], hints=["占用率 = 话务量 ÷ 在线座席数。", "座席数用 80/20 那道题的答案，话务量用第一题的答案。"],
    prompt=Say("这个时段按 80/20 排座席时，占用率 (occupancy) 是多少？填百分数，保留 1 位小数。",
               "Staffed for 80/20, what is this interval's occupancy? In percent, one decimal."),
    title_en="Occupancy",
    hints_en=["Occupancy = offered load ÷ agents on the phones.",
              "Use the agents of the 80/20 question and the load of the first question."],
    feedback_en=["Occupancy = offered load ÷ agents; you turned it upside down (it can never exceed 100 %)."],
    explanation_en="Within the usual 75–85 % target; for the same target, the bigger the queue, the higher the occupancy.",
)

AHT_SAVING = from_code(
    ch02.AHT_SAVING, set=NAME, id="aht_saving_hours", givens=["aht_day", "aht_facts"], unit=Say("小时", "hours"),
    decimals=2,
    prompt=Say("3 月 9 日售后：AHT 缩短 10 秒，当天能少排多少人时 (staff hours)？保留 2 位小数。",
               "9 March, after-sales: if AHT falls by 10 s, how many staff hours does that day need fewer? Two decimals."),
    title_en="AHT −10 s",
    hints_en=["In each 15-minute interval, compare the agents needed at today's AHT and at AHT − 10 s.",
              "Turn the agent-intervals saved into hours: one 15-minute interval = 0.25 hours."],
    feedback_en=["That is the handling work removed (calls × 10 s), not the staff hours saved: "
                 "the agents must be worked out again with Erlang C in each interval.",
                 "That is the count of agent-intervals; each interval is 15 minutes = 0.25 hours."],
    explanation_en="Agents come in whole numbers, so only some intervals need one agent fewer; added up, they show what a second of AHT is worth.",
)

SL_Y = from_code(
    ch02.SL_VS_ASA, "sl_y", set=NAME, id="sl_team_y", givens=["teams"], scale=100, unit=PCT, decimals=0,
    title="Y 组的服务水平 team Y service level",
    feedback={1: "正好等 20 秒的电话也算“20 秒内”。"},
    prompt=Say("Y 组的服务水平（20 秒内接起的比例）是多少？填百分数。",
               "What is team Y's service level (share answered within 20 s)? In percent."),
    title_en="Team Y service level",
    hints_en=["ASA is the average wait; service level is the share answered within 20 s (20 s included)."],
    feedback_en=["Team Y's ASA is only 10 s, but not every call was answered within 20 s: count the waits over 20 s.",
                 "A call answered after exactly 20 s is “within 20 s” too."],
    explanation_en="Same ASA, different service level: ASA is an average; service level looks at the customers who waited long (the tail).",
)

# ---------------------------------------------------------------- interpretation questions
DEFINITIONS = {  # kit definition name -> option
    "offered": Say("接起数 ÷ 来话量（接通 + 放弃）(offered)", "answered within 20 s ÷ offered (answered + abandoned)"),
    "answered": Say("接起数 ÷ 接通量 (answered)", "answered within 20 s ÷ answered"),
    "abandon_within_t_success": Say("（接起数 + 20 秒内放弃）÷ 来话量", "(answered within 20 s + abandoned within 20 s) ÷ offered"),
    "abandon_after_t_only": Say("接起数 ÷（接通 + 20 秒后才放弃）", "answered within 20 s ÷ (answered + abandoned after 20 s)"),
    "exclude_short_abandons": Say("接起数 ÷（来话量 − 短时放弃）", "answered within 20 s ÷ (offered − short abandons)"),
}
REPORTED = "answered"
"""The definition the report of question ``sl_definition`` used (its number is computed with the kit)."""


def _by_definition() -> pd.Series:
    return kpi.service_level_by_definition(ch02._monday_morning())["service_level"]


def _reported_sl() -> float:
    return float(kpi.service_level(ch02._monday_morning(), 20, REPORTED))


def _definition_matching(value: float) -> str:
    """The option of the one definition whose kit value rounds to the reported one (0.1 %)."""
    table = _by_definition()
    found = [name for name, v in table.items() if round(v * 100, 1) == round(value * 100, 1)]
    if len(found) != 1:
        raise ValueError(f"value must match exactly one definition, got {value!r} matching {found!r}")
    return DEFINITIONS[found[0]].zh


SL_DEFINITION = NoCodeQuestion(
    set=NAME, id="sl_definition", kind="choice", givens=["monday", "report"],
    title="报表用的是哪种口径 which SL definition", title_en="Which service-level definition did the report use",
    prompt=Say("报表上的服务水平是用哪种口径算的？（“接起数”= 20 秒内接起的电话）",
               "Which definition did the report use for its service level? (“answered within 20 s” counts the calls "
               "answered within 20 s)"),
    choices=list(DEFINITIONS.values()),
    expected=lambda: _definition_matching(_reported_sl()),
    hints=["先数“接起数”：等待 0–19 秒接起的，加上正好 20 秒接起的。",
           "用接起数分别除以各个分母，看哪个等于报表上的数。"],
    hints_en=["First count “answered within 20 s”: answered after 0–19 s plus answered after exactly 20 s.",
              "Divide it by each denominator in turn and see which gives the report's number."],
    explanation=("接起数 ÷ 接通量：这个口径完全不看放弃，放弃越多、分母越小，服务水平反而越好看——所以不推荐。"
                 "报服务水平时把口径写在数字旁边；和外包商、兄弟中心比较前先对齐口径。"),
    explanation_en=("Answered within 20 s ÷ answered: this definition ignores abandons entirely, so the more callers "
                    "hang up, the better it looks — not recommended. Write the definition beside the number, and align "
                    "definitions before comparing with an outsourcer or another centre."),
    mistakes=[Mistake(DEFINITIONS["offered"].zh, "按来话量算是更低的数：报表上的数更高，说明分母更小。",
                      feedback_en="Over offered calls the number is lower: the report's is higher, so its denominator is smaller."),
              Mistake(DEFINITIONS["exclude_short_abandons"].zh,
                      "剔除短时放弃只去掉了 61 通，算出来仍低于报表上的数：分母还要更小。",
                      feedback_en="Removing short abandons takes out only a few calls; the result is still below the report's: "
                                  "the denominator must be smaller still.")],
)


def _highest() -> str:
    return DEFINITIONS[_by_definition().idxmax()].zh


HIGHEST = NoCodeQuestion(
    set=NAME, id="highest_definition", kind="choice", givens=["monday"],
    title="哪种口径最高 which definition is highest", title_en="Which definition gives the highest service level",
    prompt=Say("同一份周一上午的数据，五种服务水平口径中哪一种算出来最高？",
               "On the same Monday-morning data, which of the five service-level definitions gives the highest number?"),
    choices=list(DEFINITIONS.values()), expected=_highest,
    hints=["五种口径的分子几乎相同（20 秒内接起的电话），差别在分母怎样对待放弃电话。",
           "分母越小，服务水平越高：哪种口径的分母把放弃电话全部去掉了？"],
    hints_en=["The numerators are almost the same (calls answered within 20 s); the definitions differ in how the "
              "denominator treats abandoned calls.",
              "The smaller the denominator, the higher the service level: which denominator leaves out every abandon?"],
    explanation=("只除以接通量的口径最高，除以来话量的最低。放弃越多，两者差得越多：只看接通量的口径会把"
                 "“客户等不及挂断”变成“服务水平更好”。"),
    explanation_en=("Over answered calls is highest, over offered lowest. The more abandons, the wider the gap: the "
                    "answered-only definition turns “callers gave up waiting” into “better service level”."),
    mistakes=[Mistake(DEFINITIONS["abandon_within_t_success"].zh,
                      "把 20 秒内放弃算作达标会抬高分子，但分母仍是全部来话量；只除以接通量的口径更高。",
                      feedback_en="Counting abandons within 20 s as successes raises the numerator, but the denominator is "
                                  "still every offered call; over answered calls is higher.")],
)

ASA_TAIL = NoCodeQuestion(
    set=NAME, id="asa_vs_sl", kind="choice", givens=["teams"],
    title="ASA 相同说明什么 what equal ASAs hide", title_en="What equal ASAs hide",
    prompt=Say("X、Y 两组的平均应答速度 (ASA) 都是 10 秒。哪种说法对？",
               "Teams X and Y both have an ASA of 10 s. Which statement is right?"),
    choices=[Say("两组客户的等待体验一样，不用再看别的指标", "Callers waited the same in both teams; nothing else to look at"),
             Say("Y 组有客户等了 20 秒以上：平均数掩盖了等得久的客户，要同时看服务水平",
                 "Some Y callers waited over 20 s: the average hides the long waits, so look at service level too"),
             Say("Y 组更好，因为 7 位客户完全不用等", "Team Y is better because 7 callers did not wait at all"),
             Say("ASA 相同，服务水平也一定相同", "Equal ASA means equal service level")],
    expected="Y 组有客户等了 20 秒以上：平均数掩盖了等得久的客户，要同时看服务水平",
    hints=["ASA 是平均数；数一数两组各有几通电话等了 20 秒以上。"],
    hints_en=["ASA is an average; count the calls in each team that waited over 20 s."],
    explanation="ASA 相同，服务水平不同：ASA 是平均数，服务水平看的是等得久的那部分客户（尾部）。",
    explanation_en="Same ASA, different service level: ASA is an average; service level looks at the customers who waited long (the tail).",
    mistakes=[Mistake("ASA 相同，服务水平也一定相同",
                      "平均数相同，分布可以完全不同：X 组每通都等 10 秒，Y 组有两通等了 20 秒以上。",
                      feedback_en="The same average can come from very different spreads: every X caller waited 10 s, "
                                  "two Y callers waited over 20 s."),
              Mistake("Y 组更好，因为 7 位客户完全不用等",
                      "不用等的客户多，不等于没有客户等得太久：客户记住的是最长的那次等待。",
                      feedback_en="Many callers not waiting does not mean no caller waited too long: callers remember the long waits.")],
)

SHORT_ABANDONS = NoCodeQuestion(
    set=NAME, id="why_short_abandons", kind="choice", givens=["evening"],
    title="为什么剔除短时放弃 why remove short abandons", title_en="Why remove short abandons",
    prompt=Say("很多中心计算放弃率时剔除 5 秒内的短时放弃 (short abandons)。主要理由是什么？",
               "Many centres remove abandons within 5 s (short abandons) from the abandonment rate. Why, mainly?"),
    choices=[Say("5 秒内挂断的多是拨错号或马上改主意，不是因为等太久", "Hang-ups within 5 s are mostly misdials or changed minds, not waits too long"),
             Say("为了让放弃率看起来更低，报表好看", "To make the abandonment rate look lower in the report"),
             Say("短时放弃的客户之后一定会再打进来", "Short abandoners always call back"),
             Say("系统记录不到 5 秒内的放弃", "The phone system cannot record abandons within 5 s")],
    expected="5 秒内挂断的多是拨错号或马上改主意，不是因为等太久",
    hints=["5 秒之内，座席再多也来不及接：这些放弃和排班有关系吗？"],
    hints_en=["Within 5 s no number of agents could answer: do these abandons say anything about staffing?"],
    explanation=("短时放弃反映的不是服务能力：5 秒内谁也接不起来。剔除它们是为了让放弃率衡量“等不及”的客户；"
                 "剔除时分子分母都要减，并在报表上写明口径。"),
    explanation_en=("Short abandons do not measure capacity: nobody can answer within 5 s. They are removed so the "
                    "rate measures callers who gave up waiting; remove them from both numerator and denominator and "
                    "state the definition in the report."),
    mistakes=[Mistake("为了让放弃率看起来更低，报表好看",
                      "剔除是为了让指标衡量该衡量的东西，不是为了好看；口径要写在报表上，前后一致。",
                      feedback_en="They are removed so the measure measures what it should, not to look good; the definition "
                                  "is stated in the report and kept the same over time.")],
)

POOLING_WHEN = NoCodeQuestion(
    set=NAME, id="pooling_conditions", kind="multiple",
    title="合并队列的前提和效果 pooling", title_en="Pooling: conditions and effects",
    prompt=Say("关于把两个小队列合并成一个（pooling），哪些说法对？（多选）",
               "About pooling two small queues into one, which statements are right? (tick all that apply)"),
    choices=[Say("座席要能处理两类电话（技能、系统权限）", "Agents must be able to handle both kinds of call (skills, system access)"),
             Say("同样的服务水平目标，合并后需要的座席更少", "For the same service-level target, the pooled queue needs fewer agents"),
             Say("合并后占用率会下降", "Occupancy falls after pooling"),
             Say("合并后所需座席等于两个队列之和", "The pooled queue needs the sum of the two queues' agents"),
             Say("AHT 差别很大或需要专门技能时，合并的好处会打折扣", "Very different AHTs or specialist skills reduce the gain")],
    expected=("座席要能处理两类电话（技能、系统权限）", "同样的服务水平目标，合并后需要的座席更少",
              "AHT 差别很大或需要专门技能时，合并的好处会打折扣"),
    hints=["规模效应：一个队列忙时，另一个队列的空闲座席可以接。", "人少了、工作量没变，占用率会怎样？"],
    hints_en=["Economies of scale: when one queue is busy, idle agents of the other can answer.",
              "Fewer agents, the same work: what happens to occupancy?"],
    explanation=("合并后随机波动互相抵消，所需座席少于分开之和；同样的工作量由更少的人做，占用率上升而不是下降。"
                 "前提是座席能接两类电话；AHT 差别大或要专门技能时，好处会变小。"),
    explanation_en=("Pooled, random peaks cancel out, so fewer agents are needed than the separate total; the same work "
                    "done by fewer people raises occupancy rather than lowering it. Agents must handle both kinds of "
                    "call; very different AHTs or specialist skills shrink the gain."),
    mistakes=[Mistake(("座席要能处理两类电话（技能、系统权限）", "同样的服务水平目标，合并后需要的座席更少", "合并后占用率会下降",
                       "AHT 差别很大或需要专门技能时，合并的好处会打折扣"),
                      "合并后人更少、工作量不变，占用率是上升的。",
                      feedback_en="After pooling, fewer people do the same work: occupancy rises.")],
)

KPI_CARD = NoCodeQuestion(
    set=NAME, id="kpi_card_next_step", kind="choice", givens=["evening"],
    title="看到 KPI 卡片之后 after the KPI card", title_en="After the KPI card",
    prompt=Say("KPI 卡片：全月服务水平 78 %（目标 80 %），工作日晚间售前放弃率约为全月的两倍，白天达标。运营主管下一步最该做什么？",
               "KPI card: the month's service level is 78 % (target 80 %); weekday-evening pre-sales abandonment is "
               "about twice the month's, daytime meets target. What should the operations manager do next?"),
    choices=[Say("对比晚间的需求和实际排班，补足晚班人手（调班、弹性班次）", "Compare evening demand with the actual schedule and fill the evening gap (shift swaps, flexible shifts)"),
             Say("全天统一加人，直到全月达标", "Add agents all day until the month meets target"),
             Say("要求座席缩短通话时间", "Tell agents to cut their calls short"),
             Say("改用只除以接通量的口径，让服务水平达标", "Switch to the answered-only definition so the service level meets target")],
    expected="对比晚间的需求和实际排班，补足晚班人手（调班、弹性班次）",
    hints=["问题集中在哪个时段？月平均会把问题时段“摊薄”。"],
    hints_en=["Where is the problem concentrated? A monthly average spreads the problem interval thin."],
    explanation=("问题在晚间：先把晚间的需求和排班对齐（覆盖率、满足率），再决定调班或加弹性班次；"
                 "全天加人浪费白天的人力，改口径只是改数字。"),
    explanation_en=("The problem is in the evening: match evening demand with the schedule first (coverage, fill rate), "
                    "then decide on swaps or flexible shifts; adding people all day wastes daytime hours, and a new "
                    "definition only changes the number."),
    mistakes=[Mistake("改用只除以接通量的口径，让服务水平达标",
                      "改口径只改了数字，客户照样在晚上等不及挂断。",
                      feedback_en="A new definition changes the number, not the evening callers who hang up."),
              Mistake("全天统一加人，直到全月达标", "白天已经达标，全天加人会浪费白天的人力；缺口只在晚间。",
                      feedback_en="Daytime meets target already; adding people all day wastes daytime hours; the gap is in the evening.")],
)

AHT_LEVERS = NoCodeQuestion(
    set=NAME, id="aht_levers", kind="multiple",
    title="AHT 从哪里降 where AHT can move", title_en="Where AHT can be moved",
    prompt=Say("哪些做法能在不伤害一次解决率 (FCR) 的前提下降低 AHT？（多选）",
               "Which actions can lower AHT without hurting first-contact resolution (FCR)? (tick all that apply)"),
    choices=[Say("完善知识库，座席更快找到答案（知识）", "Improve the knowledge base so agents find answers faster (knowledge)"),
             Say("简化需要多个系统来回切换的流程（流程）", "Simplify processes that switch between several systems (process)"),
             Say("针对话后处理慢的座席做辅导（技能）", "Coach agents whose after-call work is slow (skills)"),
             Say("规定每通电话不得超过 3 分钟，超时扣分", "Cap every call at 3 minutes and penalise longer ones"),
             Say("遇到复杂问题让客户稍后再打", "Ask customers with complex issues to call back later")],
    expected=("完善知识库，座席更快找到答案（知识）", "简化需要多个系统来回切换的流程（流程）", "针对话后处理慢的座席做辅导（技能）"),
    hints=["AHT 的三个发力点：知识、流程、技能。", "催座席挂电话会怎样影响重复来电？"],
    hints_en=["AHT has three levers: knowledge, process, skills.", "What does hurrying agents off the phone do to repeat calls?"],
    explanation=("知识、流程、技能三个发力点能真正缩短处理时间；硬性限时和把问题推回给客户只是把工作量变成重复来电，"
                 "一次解决率下降、总工作量反而上升。"),
    explanation_en=("Knowledge, process and skills really shorten handling; hard time caps and pushing issues back to "
                    "customers only turn work into repeat calls: FCR falls and total work rises."),
    mistakes=[Mistake(("完善知识库，座席更快找到答案（知识）", "简化需要多个系统来回切换的流程（流程）", "针对话后处理慢的座席做辅导（技能）",
                       "规定每通电话不得超过 3 分钟，超时扣分"),
                      "硬性限时会让座席没解决问题就结束通话，客户再打进来：一次解决率下降，总工作量上升。",
                      feedback_en="A hard cap makes agents end calls before the issue is solved; customers call again: "
                                  "FCR falls and total work rises.")],
)

# ---------------------------------------------------------------- the indicator tree (lesson 5)
def _level_say(level: str) -> Say:
    zh, en = kpi.LEVEL_NAMES[level]
    return Say(f"{zh} ({level})", en)


def _indicator_say(id: str) -> Say:
    return Say(label(id, "zh"), label(id, "en"))


ADHERENCE_LEVEL = from_code(
    ch02.LEVELS, "adherence_level", set=NAME, id="adherence_level",
    labels={level: _level_say(level) for level in kpi.LEVELS},
    title="排班遵从度在哪一层 where adherence sits",
    prompt=Say("在指标树里，排班遵从度 (schedule adherence) 属于哪一层？",
               "In the indicator tree, which level does schedule adherence belong to?"),
    keep_hints=[], hints=["直接影响指标出现在服务水平的公式或排队模型里；遵从度是现场每天、实时盯的。"],
    hints_en=["Direct drivers appear in service level's own formula or queue model; adherence is watched on the "
              "floor every day, in real time."],
    feedback={0: "遵从度不直接出现在服务水平的公式里，它通过在线人数和占用率起作用；它是现场每天、实时盯的过程指标。"},
    feedback_en=["Adherence is not in service level's formula; it acts through the agents on the phones and "
                 "occupancy. It is a process measure, watched on the floor every day."],
    title_en="Where adherence sits",
    explanation_en=("Schedule adherence acts through “fewer on the phones → higher occupancy”: a process measure a team "
                    "leader can watch and move the same day."),
)

SL_DRIVER_CHOICES = ("offered", "aht_s", "occupancy", "schedule_adherence", "attendance_rate", "csat_top2_box")


def _sl_direct() -> tuple:
    return tuple(label(i) for i in SL_DRIVER_CHOICES if i in kpi.drivers_of("service_level"))


SL_DRIVERS = NoCodeQuestion(
    set=NAME, id="sl_direct_drivers", kind="multiple",
    title="服务水平的直接影响指标 direct drivers of SL", title_en="The direct drivers of service level",
    prompt=Say("指标树里，哪些是服务水平 (service level) 的直接影响指标？（多选）",
               "In the indicator tree, which are the direct drivers of service level? (tick all that apply)"),
    choices=[_indicator_say(i) for i in SL_DRIVER_CHOICES],
    expected=_sl_direct,
    hints=["直接影响指标出现在 Erlang C 的输入里：负荷 = 来话量 × AHT，占用率 = 负荷 ÷ 座席数。",
           "出勤和遵从度会改变在线座席数，它们通过哪个指标起作用？"],
    hints_en=["Direct drivers are the inputs of Erlang C: load = calls × AHT, occupancy = load ÷ agents.",
              "Attendance and adherence change the agents on the phones: through which indicator do they act?"],
    explanation=("来话量、平均处理时长和占用率是 Erlang C 的输入，一变服务水平就变；出勤率和排班遵从度通过"
                 "“在线人数 → 占用率”起作用，是下面几层的指标；客户满意度是另一个结果。"),
    explanation_en=("Calls offered, AHT and occupancy are the inputs of Erlang C: when they move, service level moves. "
                    "Attendance and adherence act through “agents on the phones → occupancy”, lower in the tree; "
                    "CSAT is another result."),
    mistakes=[Mistake(tuple(label(i) for i in SL_DRIVER_CHOICES[:5]),
                      "出勤率和排班遵从度不直接出现在服务水平的公式里：它们改变在线人数，通过占用率起作用。",
                      feedback_en="Attendance and adherence are not in service level's formula: they change the agents "
                                  "on the phones and act through occupancy."),
              Mistake(tuple(label(i) for i in ("offered", "aht_s")),
                      "还少一个：座席相对负荷的多少就是占用率，它也直接决定服务水平。",
                      feedback_en="One is missing: agents against the load is occupancy, which sets service level directly too.")],
)

UP_CHOICES = ("offered", "aht_s", "occupancy")

NOT_THE_CAUSE = NoCodeQuestion(
    set=NAME, id="not_the_cause", kind="choice", givens=["sundays"],
    title="哪个指标反而往上推 which driver pushed up", title_en="Which driver pushed the other way",
    prompt=Say("3 月 8 日的服务水平比一周前低了 18 个百分点。服务水平的三个直接影响指标里，哪一个这一周反而把服务水平往上推？",
               "Service level on 8 March was 18 points below the week before. Of its three direct drivers, which one "
               "pushed service level up that week?"),
    choices=[_indicator_say(i) for i in UP_CHOICES],
    expected=lambda: label(ch02._direct(+1)[0]),
    hints=["来话量、处理时长、占用率升高，服务水平都会下降；哪个指标这一周是下降的？"],
    hints_en=["More calls, longer handling or higher occupancy all lower service level; which of them fell that week?"],
    explanation=ch02.BRANCH.explanation,
    explanation_en=("On 8 March calls were up by over 40 % and occupancy rose with them, pushing service level down; AHT "
                    "was shorter and pushed it up. The problem that day was demand, not handling speed: the answer is in "
                    "forecasting and scheduling, not in hurrying agents."),
    mistakes=[Mistake(label("offered"), "来话量多了四成多，正是把服务水平往下推的指标；题目问的是反而往上推的那个。",
                      feedback_en="Calls offered rose by over 40 %: that pushed service level down; the question asks for "
                                  "the one that pushed it up."),
              Mistake(label("occupancy"), "占用率升高（在线座席更忙）把服务水平往下推；找这一周下降的那个指标。",
                      feedback_en="Higher occupancy (busier agents) pushed service level down; look for the one that fell.")],
)

TODAY_CHOICES = ("service_level", "cost_per_contact", "attendance_rate", "nps")


def _movable_today() -> str:
    (id,) = [i for i in TODAY_CHOICES if kpi.indicator_level(i) == "process"]
    return label(id)


TEAM_LEADER_TODAY = NoCodeQuestion(
    set=NAME, id="team_leader_today", kind="choice",
    title="班组长今天能推动哪个 what a team leader moves today", title_en="What a team leader can move today",
    prompt=Say("下面哪个指标是班组长今天上班就能直接推动的？",
               "Which of these indicators can a team leader move directly today, on shift?"),
    choices=[_indicator_say(i) for i in TODAY_CHOICES],
    expected=_movable_today,
    hints=["结果层的指标要通过下面几层去推；过程指标是现场每天、实时能看见、能管的。"],
    hints_en=["Results are moved through the levels below them; process measures are the ones seen and managed on "
              "the floor every day."],
    explanation=("出勤率是过程指标：班前点名、跟进缺勤、调整休息，当天就能推动。服务水平、单呼成本、净推荐值是结果，"
                 "班组长通过出勤、遵从、辅导这些过程指标去影响它们，由运营主管按月评审。"),
    explanation_en=("Attendance is a process measure: roll call, following up absences and moving breaks change it the "
                    "same day. Service level, cost per contact and NPS are results, moved through process measures such "
                    "as attendance, adherence and coaching, and reviewed monthly by the operations manager."),
    mistakes=[Mistake(label("service_level"),
                      "服务水平是结果：班组长推不动结果本身，要通过出勤、遵从这些过程指标去推。",
                      feedback_en="Service level is a result: a team leader moves it through process measures such as "
                                  "attendance and adherence, not directly.")],
)

QUESTIONS = (LOAD, AGENTS, HEADCOUNT, OCCUPANCY, POOLING, POOLING_WHEN, ABANDON, ABANDON_SHORT, SHORT_ABANDONS,
             SL_OFFERED, ASA, SL_DEFINITION, HIGHEST, SL_Y, ASA_TAIL, AHT_SAVING, AHT_LEVERS, KPI_CARD,
             ADHERENCE_LEVEL, SL_DRIVERS, NOT_THE_CAUSE, TEAM_LEADER_TODAY)

SET = NoCodeSet(
    name=NAME,
    title=Say("第 02 章 服务绩效指标：练习册", "Chapter 02 Service performance metrics: workbook"),
    intro=Say("不用写代码：读下面的表格和事实，在框里填数或选择，点“检查”。需要时看“提示”，做完可以看“答案”。"
              "数字来自套件的示例数据（2026 年 3 月，电商客服热线）。",
              "No code needed: read the tables and facts, type a number or choose, then press Check. Use Hint when "
              "stuck and Answer when done. The numbers come from the kit's sample data (March 2026, an e-commerce "
              "service line)."),
    givens=GIVENS,
    questions=QUESTIONS,
)
