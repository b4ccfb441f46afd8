"""Chapter 06 no-code workbook: coaching and improvement plans (人员工作提升辅导), without Python.

The numbers re-use the code track's questions (:mod:`ccskills.exercises.ch06`): the GROW
agenda, the SMART letters that fail (computed by ``ccskills.coaching.check_smart``), the plan's
path and check-ins. The interpretation questions add judgement: which coaching step a written
record skipped (``CoachingRecord.missing_steps``), which kind of coaching fits, what to do
after an off-track check-in, what the classic mistake of corrective coaching is.

>>> SET.name, len(SET.questions) >= 10
('ch06', True)
"""

from __future__ import annotations

import inspect
from functools import cache

from ccskills import coaching

from . import ch06
from ._givens import given
from ._no_code import Given, NoCodeQuestion, NoCodeSet, Say, from_code
from ._questions import Mistake, _resolve

NAME = "ch06"
MINUTES = Say("分钟", "minutes")
STEPS = {key: Say(f"{zh} {key}", f"{en} ({key})") for key, (zh, en, _) in coaching.GROW_STEPS.items()}
LETTERS = {letter: Say(f"{letter} {zh}", f"{letter} {en}")
           for letter, zh, en in (("S", "具体", "specific"), ("M", "可衡量", "measurable"), ("A", "可达成", "achievable"),
                                  ("R", "相关", "relevant"), ("T", "有时限", "time-bound"))}
DEVELOPMENTAL = {key: Say(zh, en) for key, (zh, en) in coaching.DEVELOPMENTAL_STEPS.items()}


def _max_days() -> int:
    return int(inspect.signature(coaching.check_smart).parameters["max_days"].default)


# ---------------------------------------------------------------- givens (computed with the kit)
def _grow(lang: str) -> list[tuple[str, str]]:
    split = coaching.GROW_TIME_SPLIT
    return [(STEPS[k].get(lang), f"{split[k] * 100:.0f} %") for k in coaching.GROW_STEPS]


def _plan(lang: str) -> list[tuple[str, str]]:
    plan = ch06._plan()
    best = coaching.top_quartile_level(ch06._aftersales()["aht_s"], -1)
    seconds = "秒" if lang == "zh" else "s"
    days = (plan.due - plan.start).days
    return [(Say("座席 / 指标", "Agent / KPI").get(lang), f"{plan.agent_id} / AHT"),
            (Say("基线 → 目标", "Baseline → target").get(lang), f"{plan.baseline:g} → {plan.target:g} {seconds}"),
            (Say("团队目标（同伴中位数）", "Team target (peers' median)").get(lang), f"{plan.team_target:g} {seconds}"),
            (Say("同伴最好四分之一的 AHT（第 25 百分位）", "Peers' best-quarter AHT (25th percentile)").get(lang),
             f"{best:.0f} {seconds}"),
            (Say("开始 → 截止", "Start → due").get(lang), f"{plan.start} → {plan.due}（{days} 天）" if lang == "zh"
             else f"{plan.start} → {plan.due} ({days} days)"),
            (Say("本中心规则：计划周期最长", "Centre rule: longest plan period").get(lang),
             f"{_max_days()} 天" if lang == "zh" else f"{_max_days()} days")]


def _tracked(lang: str) -> list[tuple[str, str]]:
    plan = given(ch06.IMPORTS + ch06.TRACKED, "tracked")
    actual = given(ch06.IMPORTS + ch06.TRACKED, "actual")
    rows = [(Say("指标：一次解决率 (FCR)", "KPI: first-contact resolution (FCR)").get(lang),
             f"{plan.baseline * 100:.0f} % → {plan.target * 100:.0f} %"),
            (Say("开始 → 截止", "Start → due").get(lang), f"{plan.start} → {plan.due}"),
            (Say("在轨的容差：落后不超过改变量的", "On track: behind by at most this share of the change").get(lang), "10 %")]
    label = Say("跟进 {day} 的实际值", "Actual at the check-in on {day}")
    return rows + [(label.get(lang).format(day=day), f"{value * 100:.0f} %") for day, value in actual.items()]


TRANSCRIPT = {
    "prepare": ("主管会前看了 A014 近两周的一次解决率和三段录音，只选了“转接前先查知识库”这一个目标。",
                "Before the talk the supervisor read A014's last two weeks of FCR and three recordings, and chose one objective: check the knowledge base before transferring."),
    "strengths": ("开场先肯定 A014 的语气和耐心，客户评价一直很好。",
                  "The talk opens with A014's tone and patience, which customers always praise."),
    "agree": ("两人商定：四周内转接率从 18 % 降到 12 %，每次转接前先查知识库。",
              "They agree: transfers from 18 % to 12 % within four weeks, checking the knowledge base before every transfer."),
    "follow_up": ("约定两周后一起听三段新录音复查。", "They agree to review three new recordings together in two weeks."),
}
"""A developmental coaching record as a supervisor wrote it: one note per step done."""


@cache
def _record() -> coaching.CoachingRecord:
    notes = {key: zh for key, (zh, _) in TRANSCRIPT.items()}
    return coaching.CoachingRecord("A014", "S03", "2026-04-02", "developmental", notes, follow_up_on="2026-04-16")


def _transcript(lang: str) -> list[tuple[str, str]]:
    return [(str(n), text[1] if lang == "en" else text[0]) for n, text in enumerate(TRANSCRIPT.values(), 1)]


def _qa_item(item_id: str, lang: str) -> str:
    from ccskills.datasets.quality import load_scorecard

    return load_scorecard().set_index("item_id").loc[item_id, "item_en" if lang == "en" else "item_zh"]


def _a022(lang: str) -> list[tuple[str, str]]:
    """A022's costliest QA item, its points lost and the peers' levels (``coaching.targets_from_qa``)."""
    points = Say("分 / 每次质检", "points per evaluation").get(lang)
    return [(Say("A022 失分最多的评分项", "A022's costliest item").get(lang),
             _qa_item(ch06._qa_target("item"), lang)),
            (Say("A022 在这一项的平均失分", "A022's average points lost on it").get(lang), f"{ch06._qa_target('baseline'):.2f} {points}"),
            (Say("同伴的中位数", "Peers' median").get(lang), f"{ch06._qa_target('target'):.2f} {points}"),
            (Say("同伴最好的四分之一（第 25 百分位）", "Peers' best quarter (25th percentile)").get(lang),
             f"{ch06._qa_target('target', 0.25):.2f} {points}")]


GIVENS = (
    Given("a022", Say("从质检扣分定改进目标（座席 A022，3 月）", "A target from QA points lost (agent A022, March)"), _a022),
    Given("grow", Say("GROW 辅导谈话的时间分配", "Time split of a GROW coaching talk"), _grow),
    Given("plan", Say("一份 SMART 改进计划（售后座席 A001）", "A SMART improvement plan (after-sales agent A001)"), _plan),
    Given("tracked", Say("一份正在跟进的计划（座席 A001）", "A plan being followed up (agent A001)"), _tracked),
    Given("transcript", Say("主管写下的一次发展型辅导记录", "A supervisor's notes of a developmental coaching talk"),
          _transcript),
)

# ---------------------------------------------------------------- numbers from the code track
REALITY = NoCodeQuestion(
    set=NAME, id="grow_reality_minutes", kind="number", givens=["grow"], unit=MINUTES, decimals=1,
    title="GROW 时间分配 GROW agenda", title_en="GROW agenda",
    prompt=Say("一次 40 分钟的 GROW 辅导谈话，“了解现状 R”这一步应安排几分钟？",
               "In a 40-minute GROW talk, how many minutes go to “Reality (R)”?"),
    expected=lambda: float(_resolve(ch06.AGENDA.expected["grow_minutes"])["R"]),
    mistakes=[Mistake(lambda: float(_resolve(ch06.AGENDA.mistakes[0].wrong)["R"]),
                      ch06.AGENDA.mistakes[0].feedback,
                      feedback_en="The four steps are not split evenly: Reality (R) takes 40 %, Goal (G) only 10 %.")],
    hints=[ch06.AGENDA.hints[0]],
    hints_en=["G 10 %, R 40 %, O 30 %, W 20 %: Reality gets the most time."],
    explanation=ch06.AGENDA.explanation,
    explanation_en="40 minutes: goal 4, reality 16, options 12, will 8 minutes.",
    source=ch06.AGENDA,
)

FAILED = NoCodeQuestion(
    set=NAME, id="failed_letters", kind="multiple", givens=["plan"],
    title="哪个字母不合格 failed letters", title_en="Which letters fail",
    prompt=Say("按 SMART 检查这份计划，哪些字母不合格？（多选）", "Checking this plan against SMART, which letters fail? (tick all that apply)"),
    choices=list(LETTERS.values()),
    expected=lambda: tuple(LETTERS[letter].zh for letter in _resolve(ch06.FAILED_LETTERS.expected["failed_letters"])),
    mistakes=[Mistake(tuple(LETTERS[letter].zh for letter in m.wrong), m.feedback, feedback_en=en)
              for m, en in zip(ch06.FAILED_LETTERS.mistakes,
                               ("Another letter fails: count the days from start to due (at most 92).",
                                "Another letter fails: compare the 330 s target with the peers' best-quarter AHT."))],
    hints=["看看目标和期限：330 秒比同伴最好四分之一还短吗？4 月到 10 月有多少天？"],
    hints_en=["Look at the target and the period: is 330 s shorter than the peers' best quarter? How many days from April to October?"],
    explanation=ch06.FAILED_LETTERS.explanation,
    explanation_en="A: 330 s is shorter than the peers' best quarter (about 353 s); T: 213 days, more than a quarter.",
    source=ch06.FAILED_LETTERS,
)

EXPECTED = from_code(
    ch06.EXPECTED_PATH, set=NAME, id="expected_apr15", givens=["tracked"], scale=100, unit=Say("%", "%"), decimals=1,
    keep_hints=[0, 1],
    prompt=Say("按计划路径，4 月 15 日的一次解决率应达到多少？填百分数，保留 1 位小数。",
               "On the plan's path, what FCR is expected on 15 April? In percent, one decimal."),
    hints_en=["The path is a straight line from the baseline (start) to the target (due).",
              "1 to 29 April is 28 days; 15 April is halfway: 51 % + (63 % − 51 %) × 14/28."],
    feedback_en=["That is the final target; the expected value moves in a straight line from baseline to target, and by 15 April only halfway.",
                 "That is the baseline; by 15 April half the plan's time has passed, so the expected value moves halfway to the target."],
    explanation_en="57 %: the FCR expected on 15 April; the actual 54 % is 3 points behind.",
    title_en="Expected on the path",
)

OFF_TRACK = from_code(
    ch06.OFF_TRACK, set=NAME, id="off_track", givens=["tracked"], unit=Say("次", "check-ins"), keep_hints=[],
    hints=["改变量 = 目标 − 基线；容许落后改变量的 10 %。", "逐次比较实际值和路径上的应达值。"],
    feedback={0: "这是在轨的次数；题目问的是不在轨的次数。"},
    prompt=Say("四次跟进中，有几次不在轨 (off track)？", "Of the four check-ins, how many were off track?"),
    hints_en=["Change = target − baseline; falling behind by up to 10 % of it is still on track.",
              "Compare each actual with the value expected on the path that day."],
    feedback_en=["That is the number on track; the question asks how many were off track.",
                 "Judge with the plan's tolerance (10 % of the change); you used zero tolerance, so any lag counted as off track."],
    explanation_en="Only 15 April is 3 points behind, more than the 1.2 allowed; 8 April is 1 point behind and within "
                   "tolerance; 22 and 29 April caught up.",
    title_en="Check-ins off track",
)


# ---------------------------------------------------------------- interpretation questions
def _skipped() -> str:
    missing = _record().missing_steps()
    if len(missing) != 1:
        raise ValueError(f"the record must skip exactly one step, got {missing!r}")
    return DEVELOPMENTAL[missing[0]].zh


SKIPPED = NoCodeQuestion(
    set=NAME, id="skipped_step", kind="choice", givens=["transcript"],
    title="跳过了哪一步 which step was skipped", title_en="Which step was skipped",
    prompt=Say("对照发展型辅导的五个步骤，这份记录跳过了哪一步？", "Against the five steps of developmental coaching, which step does this record skip?"),
    choices=list(DEVELOPMENTAL.values()), expected=_skipped,
    hints=["五步：准备、建立信任、提问引导、共同商定、跟进。逐条对照记录。", "行动是谁想出来的？记录里有没有员工自己的想法？"],
    hints_en=["Five steps: prepare, trust, questions, agree, follow up. Match the notes one by one.",
              "Who came up with the action? Is there anything of the agent's own thinking in the notes?"],
    explanation=("记录里没有“用提问引导员工自己找办法”：行动是主管直接给的。员工自己想出的办法更容易执行，"
                 "发展型辅导的核心就是提问，而不是告诉。"),
    explanation_en=("The notes have no “guide with questions”: the supervisor handed over the action. Agents carry out "
                    "what they thought of themselves; asking, not telling, is the heart of developmental coaching."),
    mistakes=[Mistake(DEVELOPMENTAL["follow_up"].zh, "记录最后约定了两周后复查，跟进这一步在。",
                      feedback_en="The notes end with a review in two weeks: the follow-up step is there.")],
)

KIND = NoCodeQuestion(
    set=NAME, id="coaching_kind", kind="choice",
    title="哪种辅导 which kind of coaching", title_en="Which kind of coaching",
    prompt=Say("新员工 A031 的一次解决率在同组最差四分之一，质检显示多次没按流程核实信息。该用哪种辅导？",
               "New agent A031's FCR is in the team's bottom quarter, and QA shows identity checks repeatedly skipped. Which coaching fits?"),
    choices=[Say("改进型辅导：说明标准、出示证据、给出做法、承诺计划、约定复查", "Corrective: state the standard, show evidence, instruct, commit to a plan, re-check"),
             Say("发展型辅导：从优点谈起，用提问引导他自己找办法", "Developmental: start with strengths, guide with questions"),
             Say("先不辅导，等季度考评", "No coaching until the quarterly review")],
    expected="改进型辅导：说明标准、出示证据、给出做法、承诺计划、约定复查",
    hints=["有明确的标准没做到（而且涉及合规），还是想把做得好的人带得更好？"],
    hints_en=["Is a clear standard being missed (a compliance one, too), or is a good performer being stretched?"],
    explanation=("没做到明确的标准、又是新员工：用改进型辅导，标准和做法要讲清楚、示范，再约定复查；"
                 "发展型辅导适合已经达标、想进一步提升的人。合规问题不能等季度考评。"),
    explanation_en=("A clear standard missed by a new agent: corrective coaching, with the standard and the method made "
                    "plain, modelled, and a re-check agreed; developmental coaching suits people already meeting the "
                    "standard. A compliance gap cannot wait for the quarterly review."),
    mistakes=[Mistake("先不辅导，等季度考评", "合规问题和新员工的习惯都要尽早纠正：拖到季度考评，错误已经重复了几百次。",
                      feedback_en="Compliance gaps and a new agent's habits need correcting early: by the quarterly review the mistake has been repeated hundreds of times.")],
)

OFF_TRACK_NEXT = NoCodeQuestion(
    set=NAME, id="after_off_track", kind="choice", givens=["tracked"],
    title="不在轨之后 after an off-track check-in", title_en="After an off-track check-in",
    prompt=Say("4 月 15 日的跟进不在轨。主管下一步最该做什么？", "The 15 April check-in is off track. What should the supervisor do next?"),
    choices=[Say("和座席一起看原因，调整做法或给支持，约好下次跟进", "Look at the cause with the agent, adjust the method or give support, set the next check-in"),
             Say("立刻改成绩效改进计划 (PIP)", "Switch to a performance improvement plan (PIP) at once"),
             Say("把目标降低，让计划在轨", "Lower the target so the plan is on track"),
             Say("等到截止日再看结果", "Wait for the due date and look at the result")],
    expected="和座席一起看原因，调整做法或给支持，约好下次跟进",
    hints=["一次落后说明什么？跟进的目的是什么？"],
    hints_en=["What does one lag say? What is a check-in for?"],
    explanation=("跟进就是为了及早发现落后并调整：一起找原因（方法不对？没有时间练？系统问题？），给支持，再约下一次。"
                 "一次落后不是启动绩效改进计划的理由；随意降目标会让计划失去意义。后来两次跟进都追上了。"),
    explanation_en=("Check-ins exist to catch a lag early and adjust: find the cause together (wrong method? no time to "
                    "practise? a system problem?), give support, set the next one. One lag is no reason for a PIP, and "
                    "lowering the target at will empties the plan. The next two check-ins caught up."),
    mistakes=[Mistake("立刻改成绩效改进计划 (PIP)", "一次落后、而且只落后几个百分点，还不到启动绩效改进计划的时候；先找原因、给支持。",
                      feedback_en="One lag of a few points is not the time for a PIP; find the cause and give support first."),
              Mistake("等到截止日再看结果", "那样跟进就失去了意义：落后要在过程中发现、及时调整。",
                      feedback_en="Then the check-ins are pointless: lags are to be found along the way and acted on.")],
)

TELLING = NoCodeQuestion(
    set=NAME, id="grow_rushed", kind="choice", givens=["grow"],
    title="最常见的错误 the classic mistake", title_en="The classic mistake",
    prompt=Say("主管一坐下就说：“你的 AHT 太长，以后话后处理用模板。”GROW 的哪一步被跳过得最多？",
               "The supervisor sits down and says: “Your AHT is too long; use the template for after-call work from now on.” "
               "Which GROW step is skipped most?"),
    choices=list(STEPS.values()), expected=STEPS["R"].zh,
    hints=["GROW 里占时间最多的是哪一步？这位主管有没有问过现在是什么情况？"],
    hints_en=["Which GROW step takes the most time? Did the supervisor ask what is happening now?"],
    explanation=("直接给方案跳过了“了解现状”：不知道 AHT 长在哪里（查询慢？系统卡？不熟流程？），给的办法很可能不对症，"
                 "员工也不会认同。现状要占谈话时间的四成。"),
    explanation_en=("Jumping to a solution skips Reality: without knowing where the time goes (slow look-ups? a slow "
                    "system? an unfamiliar process?) the fix may miss, and the agent will not own it. Reality takes "
                    "four tenths of the talk."),
    mistakes=[Mistake(STEPS["W"].zh, "行动（模板）倒是给了，只是主管替员工定的；被跳过最多的是前面的了解现状。",
                      feedback_en="An action (the template) was given, if chosen for the agent; the step skipped most is Reality, before it.")],
)

QA_TARGET = from_code(
    ch06.QA_TARGET, "a022_target", set=NAME, id="a022_target", givens=["a022"], unit=Say("分", "points"), decimals=2,
    keep_hints=[], hints=["改进目标先定在回到团队水平：同伴的哪个数？"],
    feedback={1: "这是同伴最好四分之一的水平；默认目标是同伴中位数。"},
    prompt=Say("给 A022 在这一项定改进目标（平均每次质检失分），按本课的做法应定为多少？保留 2 位小数。",
               "What target (points lost per evaluation) does this lesson's method set for A022 on this item? Two decimals."),
    hints_en=["The first target is to get back to the team's level: which peers' number is that?"],
    feedback_en=["The target is not zero points lost: aim for the peers' median, back to the team's level first.",
                 "That is the peers' best quarter; the default target is the peers' median."],
    explanation_en="“Workable solution” costs A022 9 points per evaluation against a peers' median of about 3.33: "
                   "shore up product knowledge first.",
    title="质检扣分变目标 QA to target", title_en="From QA points lost to a target",
)

CANDIDATES = (("420", "2026-06-30"), ("330", "2026-06-30"), ("420", "2026-10-31"), ("500", "2026-06-30"))
"""(target s, due date) of the plans offered to fix A001's plan."""


def _candidate_text(target: str, due: str, lang: str) -> str:
    return f"目标 {target} 秒，截止 {due}" if lang == "zh" else f"target {target} s, due {due}"


def _passing_candidate() -> str:
    from dataclasses import replace

    peers = ch06._aftersales()["aht_s"]
    passing = [c for c in CANDIDATES
               if coaching.check_smart(replace(ch06._plan(), target=float(c[0]), due=c[1]), peers).passed]
    if len(passing) != 1:
        raise ValueError(f"exactly one candidate must pass SMART, got {passing!r}")
    return _candidate_text(*passing[0], "zh")


FIXED = NoCodeQuestion(
    set=NAME, id="fixed_plan", kind="choice", givens=["plan"],
    title="改好这份计划 fix the plan", title_en="Fix the plan",
    prompt=Say("把这份计划改成 SMART 全部合格，只改目标和截止日期。哪一种改法可以？",
               "Change only the target and the due date so the plan passes all of SMART. Which change works?"),
    choices=[Say(_candidate_text(*c, "zh"), _candidate_text(*c, "en")) for c in CANDIDATES],
    expected=_passing_candidate,
    hints=["目标不要比同伴最好四分之一更短，也要比基线短、朝团队目标走。", "期限不超过本中心规定的天数。"],
    hints_en=["The target must not be shorter than the peers' best quarter, yet shorter than the baseline, towards the team target.",
              "The period must not exceed the centre's limit."],
    explanation=ch06.FIX_PLAN.explanation,
    explanation_en="Target 420 s in three months: realistic for a new agent, and a big step towards the team level.",
    mistakes=[Mistake(_candidate_text(*CANDIDATES[1], "zh"), ch06.FIX_PLAN.mistakes[0].feedback,
                      feedback_en="The period is fixed, but 330 s is still shorter than the peers' best quarter: A fails."),
              Mistake(_candidate_text(*CANDIDATES[2], "zh"), ch06.FIX_PLAN.mistakes[1].feedback,
                      feedback_en="The target is fixed, but April to October is more than 92 days: T fails.")],
)

SINS = NoCodeQuestion(
    set=NAME, id="corrective_mistakes", kind="multiple",
    title="改进型辅导的常见错误 classic mistakes", title_en="Classic mistakes of corrective coaching",
    prompt=Say("班组长在工位旁当着其他人说：“你最近态度有问题，FCR、AHT、满意度都不行，下周必须改好。”说完就走了。"
               "这段话犯了哪些错误？（多选）",
               "At the desk, in front of others, the team leader says: “Your attitude has been a problem lately; FCR, AHT "
               "and satisfaction are all poor. Fix it by next week.” Then walks off. Which mistakes are in this? (tick all that apply)"),
    choices=[Say("公开批评（应一对一）", "Criticism in public (should be one to one)"),
             Say("对人不对事：“态度”不是可观察的行为", "About the person, not the behaviour: “attitude” is not observable"),
             Say("一次谈太多问题", "Too many issues at once"),
             Say("没有证据（质检项、录音）", "No evidence (QA item, recording)"),
             Say("没有约定跟进", "No follow-up agreed"),
             Say("谈话时间太短，应该至少一小时", "Too short; it should take at least an hour")],
    expected=("公开批评（应一对一）", "对人不对事：“态度”不是可观察的行为", "一次谈太多问题", "没有证据（质检项、录音）", "没有约定跟进"),
    hints=["对照改进型辅导的步骤：说明行为和标准、出示证据、就原因达成一致、给出做法、承诺计划、约定复查。",
           "时间长短本身不是问题，问题在说了什么、怎么说。"],
    hints_en=["Match the steps of corrective coaching: state the behaviour and standard, show evidence, agree the cause, "
              "instruct, commit to a plan, schedule the re-check.",
              "Length as such is not the problem; what was said, and how, is."],
    explanation=ch06.SEVEN_SINS.solution.replace("**", ""),
    explanation_en=("At least five mistakes: criticism in public (do it one to one), the person not the behaviour "
                    "(“attitude” is not observable), too many issues (three KPIs), no evidence, no listening and no "
                    "commitment from the agent, and no follow-up agreed. Instead: in private, with the QA item and one "
                    "recording, ask what happened first, one issue only, let the agent say how, write a SMART plan, "
                    "re-check next week."),
    mistakes=[Mistake(("公开批评（应一对一）", "对人不对事：“态度”不是可观察的行为", "一次谈太多问题", "没有证据（质检项、录音）",
                       "没有约定跟进", "谈话时间太短，应该至少一小时"),
                      "谈话长短不是问题：一次聚焦一个行为、带着证据、十几分钟也能谈好。",
                      feedback_en="Length is not the problem: one behaviour, with evidence, can be handled well in a quarter of an hour.")],
)

QUESTIONS = (REALITY, TELLING, SKIPPED, KIND, SINS, FAILED, FIXED, QA_TARGET, EXPECTED, OFF_TRACK, OFF_TRACK_NEXT)

SET = NoCodeSet(
    name=NAME,
    title=Say("第 06 章 人员工作提升辅导：练习册", "Chapter 06 Coaching: workbook"),
    intro=Say("不用写代码：读下面的表格和记录，在框里填数或选择，点“检查”。需要时看“提示”，做完可以看“答案”。"
              "计划和数字来自套件的示例数据（3 月的通话明细和质检结果）。",
              "No code needed: read the tables and notes, type a number or choose, then press Check. Use Hint when "
              "stuck and Answer when done. The plans and numbers come from the kit's sample data (March call records "
              "and QA results)."),
    givens=GIVENS,
    questions=QUESTIONS,
)
