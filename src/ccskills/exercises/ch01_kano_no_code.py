"""Chapter 01 Kano no-code workbook: the Kano model (卡诺模型), without Python.

The categories and coefficients re-use the code track's questions
(:mod:`ccskills.exercises.ch01_kano`) through :func:`~._no_code.from_code`: a categorical
answer ("A", "M"…) becomes a choice among the kit's category names; the page shows the Kano
evaluation table, the survey's vote counts and Better/Worse, all computed with ``ccskills.kano``.
The interpretation questions add judgement: which features sit in which quadrant, what to do
first with a limited budget, what to do with a reverse feature, whether a delighter stays one.

>>> SET.name, len(SET.questions) >= 10
('ch01_kano', True)
"""

from __future__ import annotations

import pandas as pd

from ccskills.kano import ANSWER_WORDINGS, CATEGORY_NAMES, EVALUATION_TABLE, analyze, quadrant

from . import ch01_kano as kano_track
from ._givens import given
from ._no_code import Given, NoCodeQuestion, NoCodeSet, Say, from_code
from ._questions import Mistake

NAME = "ch01_kano"
CATEGORY = {code: Say(f"{zh} {code} ({en.lower()})", f"{en} ({code})") for code, (zh, en) in CATEGORY_NAMES.items()}
MAIN = {code: CATEGORY[code] for code in ("A", "O", "M", "I", "R")}


def _features():
    from ccskills.datasets.kano import load_kano_features

    return load_kano_features()


def _feature(feature: str, lang: str) -> str:
    return _features().loc[feature, "name_en" if lang == "en" else "name_zh"]


def _category(code: str, lang: str) -> str:
    return CATEGORY[code].get(lang)


# ---------------------------------------------------------------- givens (computed with the kit)
def _evaluation(lang: str) -> pd.DataFrame:
    words = [ANSWER_WORDINGS[i][1 if lang == "en" else 0] for i in range(1, 6)]
    table = pd.DataFrame([[code for code in row] for row in EVALUATION_TABLE], index=words, columns=words)
    table.index.name = Say("有这项功能时 ↓ / 没有时 →", "If present ↓ / if absent →").get(lang)
    return table


def _pairs(lang: str) -> list[tuple[str, str]]:
    out = []
    for n, name in ((1, "pair_1"), (2, "pair_2")):
        functional, dysfunctional = given(kano_track.PAIRS, name)
        codes = [next(i for i, w in ANSWER_WORDINGS.items() if w[0] == word) for word in (functional, dysfunctional)]
        shown = [ANSWER_WORDINGS[c][1 if lang == "en" else 0] for c in codes]
        label = Say(f"第 {n} 位客户：有 / 没有这项功能时", f"Customer {n}: if present / if absent").get(lang)
        out.append((label, f"{shown[0]} / {shown[1]}"))
    return out


def _votes(lang: str) -> list[tuple[str, str]]:
    votes = given(kano_track.VOTES, "votes")
    return [(_category(code, lang), str(n)) for code, n in votes.items()]


def _survey(lang: str) -> pd.DataFrame:
    result = kano_track._result()
    table = result[["A", "O", "M", "I", "R", "Q"]].copy()
    table[Say("类别", "Category").get(lang)] = [CATEGORY[c].get(lang) for c in result["category"]]
    table["Better"] = result["better"].map("{:.2f}".format)
    table["Worse"] = result["worse"].map("{:.2f}".format)
    table.index = [_feature(f, lang) for f in result.index]
    return table


def _segments(lang: str) -> pd.DataFrame:
    by = analyze(kano_track._survey(), by="segment")
    rows = by.xs("same_agent", level="feature")[["A", "O", "M", "I", "R", "Q"]]
    names = {"individual": Say("个人客户", "Individual"), "senior": Say("老年客户", "Senior"),
             "business": Say("企业客户", "Business")}
    rows.index = [names[s].get(lang) if s in names else s for s in rows.index]
    return rows


GIVENS = (
    Given("evaluation", Say("卡诺评价表 (Kano evaluation table)", "The Kano evaluation table"), _evaluation,
          note=Say("A 魅力、O 期望、M 必备、I 无差异、R 反向、Q 可疑", "A attractive, O one-dimensional, M must-be, "
                   "I indifferent, R reverse, Q questionable")),
    Given("pairs", Say("两位客户对同一项功能的回答", "Two customers' answers about one feature"), _pairs),
    Given("votes", Say("一项功能的票数", "Votes for one feature"), _votes),
    Given("survey", Say("卡诺问卷结果：300 位客户、7 项功能", "Kano survey: 300 customers, 7 features"), _survey,
          note=Say("Better = (A + O) ÷ (A + O + M + I)；Worse = −(O + M) ÷ (A + O + M + I)。",
                   "Better = (A + O) ÷ (A + O + M + I); Worse = −(O + M) ÷ (A + O + M + I).")),
    Given("segments", Say("“再次来电由同一客服跟进”按客户群的票数", "“Same agent on repeat contact”: votes by segment"),
          _segments),
)

# ---------------------------------------------------------------- categories and numbers from the code track
PAIR_1 = from_code(
    kano_track.PAIR, "cat_1", set=NAME, id="pair_1", givens=["evaluation", "pairs"], labels=MAIN,
    prompt=Say("第 1 位客户的回答属于哪一类？", "Which category is customer 1's answer?"),
    hints_en=["Rows are the answer if the feature is present, columns if absent; the cell where they cross is the category.",
              "Without it customer 1 can merely live with it, not dislike it; “I dislike it” without it would mean dissatisfaction."],
    feedback_en=["One-dimensional (O) needs dissatisfaction without it (“I dislike it” when absent); here the customer "
                 "can live without it, so it is attractive."],
    explanation_en="Likes it when present and can live without it: attractive (A); expected when present and disliked when absent: must-be (M).",
    title="一对回答的类别 1 answer pair 1", title_en="Answer pair 1",
)

PAIR_2 = from_code(
    kano_track.PAIR, "cat_2", set=NAME, id="pair_2", givens=["evaluation", "pairs"], labels=MAIN,
    prompt=Say("第 2 位客户的回答属于哪一类？", "Which category is customer 2's answer?"),
    hints_en=["Rows are the answer if the feature is present, columns if absent; the cell where they cross is the category.",
              "Without it customer 1 can merely live with it, not dislike it; “I dislike it” without it would mean dissatisfaction."],
    feedback_en=["The answer if present is “it must be that way”, not “I like it”: no credit for having it, "
                 "dissatisfaction without it — must-be."],
    explanation_en="Likes it when present and can live without it: attractive (A); expected when present and disliked when absent: must-be (M).",
    title="一对回答的类别 2 answer pair 2", title_en="Answer pair 2",
)

TIE = from_code(
    kano_track.TIE, set=NAME, id="tie", givens=["votes"], labels=MAIN, keep_hints=[0, 1],
    prompt=Say("按票数，这项功能归为哪一类？", "By the votes, which category is this feature?"),
    hints_en=["Find the category with the most votes first; here O and M both have 15.",
              "On a tie, take M > O > A > I."],
    feedback_en=["O and M both have 15 votes; on a tie take M > O > A > I: must-be first.",
                 "A has only 12 votes, not the most; find the categories with the most votes first (O and M, 15 each)."],
    explanation_en="On a tie, secure the must-be first: its absence causes dissatisfaction outright.",
    title_en="A tie",
)

BETTER = from_code(
    kano_track.COEFFICIENTS, "better_24x7", set=NAME, id="better_24x7", givens=["survey"], unit=Say("", ""),
    decimals=2, keep_hints=[0, 1],
    prompt=Say("“7×24小时人工服务”的 Better 系数是多少？保留 2 位小数。",
               "What is the Better coefficient of “human agents 7×24 hours”? Two decimals."),
    hints_en=["Better = (A + O) ÷ (A + O + M + I); Worse = −(O + M) ÷ (A + O + M + I).",
              "R and Q are not in the denominator; Worse is written as a negative number."],
    feedback_en=["The denominator is A + O + M + I only: R (reverse) and Q (questionable) votes do not count in the coefficients."],
    explanation_en="Better and |Worse| are both around 0.6: done well it pleases most, done badly it displeases most — one-dimensional.",
    title="Better 系数 Better coefficient", title_en="Better coefficient",
)

WORSE = from_code(
    kano_track.COEFFICIENTS, "worse_24x7", set=NAME, id="worse_24x7", givens=["survey"], unit=Say("", ""),
    decimals=2, keep_hints=[0, 1],
    prompt=Say("“7×24小时人工服务”的 Worse 系数是多少（写成负数）？保留 2 位小数。",
               "What is the Worse coefficient of “human agents 7×24 hours” (as a negative number)? Two decimals."),
    hints_en=["Better = (A + O) ÷ (A + O + M + I); Worse = −(O + M) ÷ (A + O + M + I).",
              "R and Q are not in the denominator; Worse is written as a negative number."],
    feedback_en=["Worse is written as a negative number: −(O + M) ÷ (A + O + M + I), “not providing it lowers satisfaction”.",
                 "The denominator is A + O + M + I only: R and Q votes do not count in the coefficients."],
    explanation_en="Better and |Worse| are both around 0.6: done well it pleases most, done badly it displeases most — one-dimensional.",
    title="Worse 系数 Worse coefficient", title_en="Worse coefficient",
)

SEGMENT_INDIVIDUAL = from_code(
    kano_track.SEGMENTS, "same_agent_individual", set=NAME, id="same_agent_individual", givens=["segments"],
    labels=MAIN, keep_hints=[], hints=["看个人客户这一行：哪一类票最多？"],
    prompt=Say("对个人客户，“再次来电由同一客服跟进”属于哪一类？",
               "For individual customers, which category is “same agent on repeat contact”?"),
    hints_en=["Read the individual customers' row: which category has the most votes?"],
    feedback_en=["That is the conclusion for all respondents (A only 2 votes ahead of I); the question asks about individual customers."],
    explanation_en="Overall only 2 votes apart (A 106, I 104); by segment it is clear: individuals do not care, business customers see it as attractive.",
    title="个人客户 individual customers", title_en="Individual customers",
)

SEGMENT_BUSINESS = from_code(
    kano_track.SEGMENTS, "same_agent_business", set=NAME, id="same_agent_business", givens=["segments"],
    labels=MAIN, keep_hints=[], hints=["看企业客户这一行：哪一类票最多？"],
    extra_mistakes=[Mistake(MAIN["I"].zh, "这是个人客户的结论；企业客户这一行 A 票最多。",
                            feedback_en="That is the individual customers' answer; in the business row A has the most votes.")],
    prompt=Say("对企业客户，同一项功能属于哪一类？", "For business customers, which category is the same feature?"),
    hints_en=["Read the business customers' row: which category has the most votes?"],
    explanation_en="Overall only 2 votes apart (A 106, I 104); by segment it is clear: individuals do not care, business customers see it as attractive.",
    title="企业客户 business customers", title_en="Business customers",
)


# ---------------------------------------------------------------- interpretation questions
def _feature_choices() -> list[Say]:
    return [Say(_feature(f, "zh"), _feature(f, "en")) for f in kano_track._result().index]


def _in_quadrant(code: str) -> tuple[str, ...]:
    result = kano_track._result()
    quadrants = quadrant(result["better"], result["worse"])
    return tuple(_feature(f, "zh") for f, q in zip(result.index, quadrants) if q == code)


DISAGREE = NoCodeQuestion(
    set=NAME, id="quadrant_disagrees", kind="multiple", givens=["survey"],
    title="象限与类别不一致 quadrant vs category", title_en="Quadrant against category",
    prompt=Say("按 Better / Worse（以 0.5 为界）画象限图，哪些功能落在的象限与它的类别不一致？（多选）",
               "Placing features by Better / Worse (0.5 as the border), which land in a quadrant that differs from "
               "their category? (tick all that apply)"),
    choices=_feature_choices(),
    expected=lambda: tuple(_feature(f, "zh") for f in kano_track._disagreeing()),
    hints=["象限图只有 A、O、M、I 四个象限。", "Better 和 Worse 不计哪一类票？"],
    hints_en=["The quadrant chart has only four quadrants: A, O, M, I.", "Which votes do Better and Worse leave out?"],
    explanation=kano_track.QUADRANT.explanation,
    explanation_en=("Promotional SMS is mostly R (reverse) votes, which the coefficients leave out, so it lands in the "
                    "indifferent quadrant: the quadrant chart alone misses reverse features."),
    mistakes=[Mistake((_feature("same_agent", "zh"),),
                      "A 和 I 票数接近不等于不一致：它的 Better 在 0.5 以上、Worse 在 −0.5 以内，象限也是 A。"
                      "找类别是 R 的那一项。",
                      feedback_en="A close A/I vote is not a disagreement: Better above 0.5 and Worse within −0.5 put it in "
                                  "quadrant A too. Look for the feature whose category is R.")],
)

O_QUADRANT = NoCodeQuestion(
    set=NAME, id="o_quadrant", kind="multiple", givens=["survey"],
    title="期望象限 the one-dimensional quadrant", title_en="The one-dimensional quadrant",
    prompt=Say("哪些功能落在期望 O 象限（Better ≥ 0.5 且 Worse ≤ −0.5）？（多选）",
               "Which features land in the one-dimensional quadrant (Better ≥ 0.5 and Worse ≤ −0.5)? (tick all that apply)"),
    choices=_feature_choices(), expected=lambda: _in_quadrant("O"),
    hints=["两个条件都要满足：做好了多数人更满意，做不好多数人不满。"],
    hints_en=["Both conditions must hold: done well it pleases most, done badly it displeases most."],
    explanation="7×24 小时人工和两层以内的语音菜单：投入越多满意度越高，做得差就直接扣分，是运营投入的主战场。",
    explanation_en="Human agents 7×24 and a short IVR: the more you invest the more satisfied customers are, and doing "
                   "them badly costs you directly — the main field for operating investment.",
    mistakes=[Mistake(_in_quadrant("O") + (_feature("greeting", "zh"),),
                      "规范的开场问候 Worse 很低但 Better 只有 0.14：做好了不加分，是必备 M 象限。",
                      feedback_en="The standard greeting has a low Worse but Better only 0.14: doing it well earns nothing; it is in the must-be quadrant.")],
)

BUDGET = NoCodeQuestion(
    set=NAME, id="budget_first", kind="choice", givens=["survey"],
    title="预算有限先做什么 what first on a tight budget", title_en="What first on a tight budget",
    prompt=Say("规范的开场问候（必备）目前质检达标率只有 80 %；预约回拨（魅力）还没有上线。预算只够做一件，先做哪件？",
               "The standard greeting (must-be) passes QA only 80 % of the time; callbacks (attractive) are not live "
               "yet. The budget covers one: which first?"),
    choices=[Say("先把必备的开场问候做到位：它做不好直接引起不满", "Fix the must-be greeting first: doing it badly causes dissatisfaction outright"),
             Say("先上线预约回拨：魅力属性最能提升满意度", "Launch callbacks first: attractive features raise satisfaction most"),
             Say("两件都不做，等下次调查", "Neither; wait for the next survey")],
    expected="先把必备的开场问候做到位：它做不好直接引起不满",
    hints=["必备属性做不好会怎样？魅力属性没有又会怎样？"],
    hints_en=["What happens when a must-be is done badly? And when an attractive feature is missing?"],
    explanation="顺序是先必备、再期望、后魅力：必备没做好时，魅力功能带来的惊喜抵不过基本服务缺失引起的不满。",
    explanation_en="The order is must-be, then one-dimensional, then attractive: while a must-be is broken, a delighter's "
                   "surprise does not outweigh the dissatisfaction from the missing basics.",
    mistakes=[Mistake("先上线预约回拨：魅力属性最能提升满意度",
                      "魅力属性没有也不会引起不满；必备属性做不好却直接引起不满，要先补上。",
                      feedback_en="Missing an attractive feature causes no dissatisfaction; a broken must-be does, so fix it first.")],
)

REVERSE = NoCodeQuestion(
    set=NAME, id="reverse_feature", kind="choice", givens=["survey"],
    title="反向属性怎么办 a reverse feature", title_en="What to do with a reverse feature",
    prompt=Say("“通话后推送优惠短信”的类别是反向属性 R。运营上该怎么做？",
               "“Promotional SMS after the call” is a reverse (R) feature. What should operations do?"),
    choices=[Say("停止默认推送；最多让愿意的客户自己选择订阅", "Stop sending by default; at most let willing customers opt in"),
             Say("增加推送频率，让更多客户看到优惠", "Send more often so more customers see the offers"),
             Say("象限图上它在无差异象限，可以不管", "It sits in the indifferent quadrant, so ignore it")],
    expected="停止默认推送；最多让愿意的客户自己选择订阅",
    hints=["反向属性：有它客户反而不满。"],
    hints_en=["Reverse: having it makes customers less satisfied."],
    explanation="反向属性做得越多越招人烦：默认关闭，只对主动选择的客户提供。它在象限图上看不出来，要看类别。",
    explanation_en="The more of a reverse feature, the more annoyed customers get: off by default, offered only to those "
                   "who choose it. The quadrant chart does not show it; read the category.",
    mistakes=[Mistake("象限图上它在无差异象限，可以不管",
                      "象限图不计 R 票，所以它落在无差异象限；它的多数票是反向，要处理。",
                      feedback_en="The quadrant chart leaves out R votes, which is why it lands in the indifferent "
                                  "quadrant; most of its votes are reverse: act on it.")],
)

DECAY = NoCodeQuestion(
    set=NAME, id="decay", kind="choice",
    title="魅力属性会变吗 does a delighter stay one", title_en="Does a delighter stay one",
    prompt=Say("预约回拨今天是魅力属性。三年后、同行都提供之后，它最可能是什么？",
               "Callbacks are attractive today. In three years, once competitors all offer them, what are they most likely?"),
    choices=[Say("变成期望甚至必备属性：要定期重做卡诺调查", "One-dimensional or even must-be: redo the Kano survey regularly"),
             Say("永远是魅力属性", "Attractive forever"), Say("变成反向属性", "Reverse")],
    expected="变成期望甚至必备属性：要定期重做卡诺调查",
    hints=["客户的期待会随行业水平上升。"],
    hints_en=["Customers' expectations rise with the industry."],
    explanation=kano_track.DECAY.solution.replace("**", ""),
    explanation_en=("Yes, delighters wear off: today's callback surprises (A); once everyone has it customers expect it "
                    "(O); a few years on, its absence annoys (M). Redo the Kano survey regularly (e.g. yearly), plan "
                    "today's delighters into tomorrow's standard service, and keep looking for new ones."),
    mistakes=[Mistake("永远是魅力属性", "魅力会“贬值”：同行都做了，客户就把它当成应该有的。",
                      feedback_en="Delighters wear off: once everyone offers it, customers take it for granted.")],
)

QUESTIONS = (PAIR_1, PAIR_2, TIE, BETTER, WORSE, O_QUADRANT, DISAGREE, SEGMENT_INDIVIDUAL, SEGMENT_BUSINESS,
             BUDGET, REVERSE, DECAY)

SET = NoCodeSet(
    name=NAME,
    title=Say("第 01 章 卡诺模型：练习册", "Chapter 01 The Kano model: workbook"),
    intro=Say("不用写代码：读下面的表格和事实，在框里填数或选择，点“检查”。需要时看“提示”，做完可以看“答案”。"
              "数字来自套件的卡诺问卷示例数据（300 位客户对 7 项服务功能的回答）。",
              "No code needed: read the tables and facts, type a number or choose, then press Check. Use Hint when "
              "stuck and Answer when done. The numbers come from the kit's Kano sample survey (300 customers, 7 "
              "service features)."),
    givens=GIVENS,
    questions=QUESTIONS,
)
