"""Chapter 01 Kano problem set: the Kano model (卡诺模型) on the kit's survey.

In ``course/01_performance_foundations/exercises_kano.ipynb``::

    from ccskills.exercises.ch01_kano import *
    bind(globals())

Each question's ``setup`` is the code the notebook runs before the answer (its
givens); expected values and typical wrong answers are computed from those givens
with ``ccskills.kano`` when a check runs, never pasted. Questions 2, 3, 5 and 6 read
the committed survey (``datasets/kano/``).
"""

from __future__ import annotations

from functools import cache

from ccskills.kano import (analyze, better_coefficient, category_of_counts, classify, quadrant,
                           worse_coefficient)

from . import EqualityQuestion, Mistake, ProblemSet, ThoughtExperiment, ____
from ._givens import given

# ---------------------------------------------------------------- givens (one source)
IMPORTS = """\
from ccskills.datasets.kano import load_kano_survey
from ccskills.kano import analyze, better_coefficient, category_of_counts, classify
from ccskills.kano import quadrant, worse_coefficient
"""

LOAD_SURVEY = "survey = load_kano_survey()\n"

PAIRS = """\
pair_1 = ("我很喜欢", "勉强接受")    # (正向题, 反向题)
pair_2 = ("理应如此", "我很不喜欢")
"""

VOTES = 'votes = {"A": 12, "O": 15, "M": 15, "I": 8, "R": 0, "Q": 2}\n'


def _survey():
    return given(IMPORTS + LOAD_SURVEY, "survey")


@cache
def _result():
    return analyze(_survey())


def _counts(feature: str):
    return _result().loc[feature, ["A", "O", "M", "I", "R", "Q"]]


def _segment_category(segment: str) -> str:
    return analyze(_survey(), by="segment").loc[(segment, "same_agent"), "category"]


def _disagreeing() -> list:
    r = _result()
    quadrants = quadrant(r["better"], r["worse"])
    return [f for f, q, c in zip(r.index, quadrants, r["category"]) if q != c]


# ---------------------------------------------------------------- the questions
PAIR = EqualityQuestion(
    title="一对回答的类别 one answer pair",
    expected={"cat_1": lambda: classify(*given(PAIRS, "pair_1")),
              "cat_2": lambda: classify(*given(PAIRS, "pair_2"))},
    setup=IMPORTS + PAIRS,
    hints=["行是正向题（具备时）的回答，列是反向题（不具备时）的回答，交叉处就是类别。",
           "没有它时客户只是“勉强接受”，并不不满；没有它时“我很不喜欢”，才是不满。",
           "`classify(*pair_1)` 直接查评价表。"],
    solution="cat_1 = classify(*pair_1)\ncat_2 = classify(*pair_2)",
    explanation="有它喜欢、没有也能接受：魅力 A；有它是应该的、没有就不满：必备 M。",
    mistakes=[
        Mistake("O", "期望属性 O 要求“没有它就不满”（反向题选“我很不喜欢”）；这里没有它客户只是"
                     "勉强接受，所以是魅力属性。", var="cat_1"),
        Mistake("O", "正向题选的是“理应如此”，不是“我很喜欢”：有它不加分、没它就不满，"
                     "这是必备属性。", var="cat_2"),
    ],
)

RESULT = EqualityQuestion(
    title="分析整份问卷 analyse the survey",
    expected={"kano_result": _result},
    setup=IMPORTS + LOAD_SURVEY,
    hints=["`analyze` 接受长表：每行一位受访者、一项功能，列 respondent, feature, functional, "
           "dysfunctional。",
           "`kano_result = analyze(survey)`。"],
    solution="kano_result = analyze(survey)",
    explanation="每项功能一行：A、O、M、I、R、Q 的票数、类别、Better 和 Worse。",
    mistakes=[
        Mistake(lambda: analyze(_survey().rename(columns={"functional": "dysfunctional",
                                                          "dysfunctional": "functional"})),
                "你把正向题和反向题对调了：评价表的行是正向题（具备时），列是反向题（不具备时）。"),
    ],
)

COEFFICIENTS = EqualityQuestion(
    title="7×24 小时人工的 Better / Worse",
    expected={"better_24x7": lambda: better_coefficient(*_counts("hours_24x7")[["A", "O", "M", "I"]]),
              "worse_24x7": lambda: worse_coefficient(*_counts("hours_24x7")[["A", "O", "M", "I"]])},
    setup=IMPORTS + LOAD_SURVEY + "counts = analyze(survey).loc[\"hours_24x7\"]\n",
    hints=["Better = (A + O) ÷ (A + O + M + I)；Worse = −(O + M) ÷ (A + O + M + I)。",
           "R 和 Q 不进分母；Worse 写成负数。",
           "`better_coefficient(counts[\"A\"], counts[\"O\"], counts[\"M\"], counts[\"I\"])`。"],
    solution=('better_24x7 = better_coefficient(counts["A"], counts["O"], counts["M"], counts["I"])\n'
              'worse_24x7 = worse_coefficient(counts["A"], counts["O"], counts["M"], counts["I"])'),
    explanation="Better 和 |Worse| 都在 0.6 左右：做好了多数人更满意，做不好多数人不满——期望属性。",
    mistakes=[
        Mistake(lambda: (lambda c: (c["A"] + c["O"]) / c.sum())(_counts("hours_24x7")),
                "分母只算 A + O + M + I：R（反向）和 Q（可疑）的票不计入系数。", var="better_24x7"),
        Mistake(lambda: -worse_coefficient(*_counts("hours_24x7")[["A", "O", "M", "I"]]),
                "Worse 习惯写成负数：−(O + M) ÷ (A + O + M + I)，表示“不提供会降低满意度”。",
                var="worse_24x7"),
        Mistake(lambda: (lambda c: -(c["O"] + c["M"]) / c.sum())(_counts("hours_24x7")),
                "分母只算 A + O + M + I：R 和 Q 的票不计入系数。", var="worse_24x7"),
    ],
)

TIE = EqualityQuestion(
    title="票数相同 a tie",
    expected={"tie_category": lambda: category_of_counts(given(VOTES, "votes"))},
    setup=IMPORTS + VOTES,
    hints=["先找票数最多的类别；这里 O 和 M 都是 15 票。",
           "票数相同时按 M > O > A > I 取。",
           "`category_of_counts(votes)`。"],
    solution="tie_category = category_of_counts(votes)",
    explanation="同票时先保证必备属性：不具备它会直接引起不满。",
    mistakes=[
        Mistake("O", "O 和 M 同为 15 票；同票时按 M > O > A > I 取，必备属性优先。"),
        Mistake("A", "A 只有 12 票，不是最多；先找票数最多的类别（O、M 各 15 票）。"),
    ],
)

SEGMENTS = EqualityQuestion(
    title="分群看边界功能 segments",
    expected={"same_agent_individual": lambda: _segment_category("individual"),
              "same_agent_business": lambda: _segment_category("business")},
    setup=IMPORTS + LOAD_SURVEY,
    hints=["`analyze(survey, by=\"segment\")` 按客户分群分别分析，索引是 (segment, feature)。",
           "取 `.loc[(\"individual\", \"same_agent\"), \"category\"]`。"],
    solution=('by_segment = analyze(survey, by="segment")\n'
              'same_agent_individual = by_segment.loc[("individual", "same_agent"), "category"]\n'
              'same_agent_business = by_segment.loc[("business", "same_agent"), "category"]'),
    explanation="全体只差 2 票（A 106、I 104）；分群后结论清楚：个人客户无所谓，企业客户视为魅力。",
    mistakes=[
        Mistake("A", "这是全体受访者的结论（A 比 I 只多 2 票）；题目问的是个人客户这一群。",
                var="same_agent_individual"),
    ],
)

QUADRANT = EqualityQuestion(
    title="象限与类别不一致 quadrant vs category",
    expected={"disagree": _disagreeing},
    setup=IMPORTS + LOAD_SURVEY + "kano_result = analyze(survey)\n",
    hints=["`quadrant(kano_result[\"better\"], kano_result[\"worse\"])` 给出每项功能的象限（0.5 分界）。",
           "把象限和 `kano_result[\"category\"]` 逐项比较，列出不一致的功能（按表中顺序）。",
           "Better 和 Worse 不计哪一类票？"],
    solution=('quadrants = quadrant(kano_result["better"], kano_result["worse"])\n'
              "disagree = [feature for feature, q, c in\n"
              '            zip(kano_result.index, quadrants, kano_result["category"]) if q != c]'),
    explanation="推广短信的众数是 R（反向），系数不计 R 票，所以它落在无差异象限：只看象限图会漏掉反向属性。",
    mistakes=[
        Mistake([], "有一项功能不一致：找一找类别是 R 的那一项——象限图只有 A、O、M、I 四个象限。"),
    ],
)

DECAY = ThoughtExperiment(
    title="魅力属性会变吗 attractive today",
    solution=(
        "**会。** 魅力属性会随时间“贬值”：今天排队回拨让客户惊喜（A），同行都做了以后客户就会"
        "期待它（O），再过几年没有它客户就会不满（M）。所以 Kano 调查要定期重做（例如每年一次），"
        "今天的魅力功能要提前规划成明天的标准服务；同时不断寻找新的魅力点。"
    ),
)

QUESTIONS = (PAIR, RESULT, COEFFICIENTS, TIE, SEGMENTS, QUADRANT, DECAY)
PROBLEMS = ProblemSet(QUESTIONS)
bind = PROBLEMS.bind
q1, q2, q3, q4, q5, q6, q7 = PROBLEMS.views

__all__ = ["____", "bind", "q1", "q2", "q3", "q4", "q5", "q6", "q7"]
