"""Chapter 03 problem set: service quality metrics (服务质量指标).

In ``course/03_quality_metrics/exercises.ipynb``::

    from ccskills.exercises.ch03 import *
    bind(globals())

Each question's ``setup`` is the code the notebook runs before the answer (its
givens); expected values and typical wrong answers are computed from those givens
with ``ccskills.quality`` (and ``ccskills.drivers`` for the key-driver questions 12-15) when a
check runs, never pasted as numbers. The data are the committed QA month and calibration
round (``datasets/quality/``), and for key drivers the March survey joined to its calls.
"""

from __future__ import annotations

import math

from ccskills import drivers
from ccskills import quality as qa

from . import EqualityQuestion, Mistake, ProblemSet, ThoughtExperiment, ____
from ._givens import given

# ---------------------------------------------------------------- givens (one source)
IMPORTS = """\
from ccskills import quality as qa
from ccskills.datasets.quality import load_calibration, load_qa_results, load_scorecard
"""

DRIVER_IMPORTS = """\
from ccskills import drivers
from ccskills.datasets import load_call_records
from ccskills.datasets.operations import load_survey_responses
"""

DRIVER_TABLE = """\
answers = drivers.driver_table(load_call_records(), load_survey_responses(), load_qa_results())
CALL = list(drivers.CALL_DRIVERS)
"""

TWO_DRIVERS = """\
two = ["resolved_first_contact", "transferred"]
rows = answers.dropna(subset=["csat", *two])
r2_fcr = drivers.relative_importance(rows, "csat", ["resolved_first_contact"], bootstrap=0).attrs["r2"]
r2_transfer = drivers.relative_importance(rows, "csat", ["transferred"], bootstrap=0).attrs["r2"]
r2_both = drivers.relative_importance(rows, "csat", two, bootstrap=0).attrs["r2"]
"""

STANDARDS = """\
performance = drivers.share_meeting(
    answers, at_least={"resolved_first_contact": 1},
    at_most={"transferred": 0, "wait_s": 20, "talk_s": 360, "hold_s": 60, "acw_s": 60})
"""

KEY_DRIVERS = IMPORTS + DRIVER_IMPORTS + DRIVER_TABLE

LOAD = """\
card = load_scorecard()
results = load_qa_results()
"""

SCORE = "scored = qa.score_evaluations(results, card)\n"

ONE_CALL = """\
call = {item: True for item in card["item_id"]}
call["listening"] = False
call["information"] = False
"""

CRITICAL_CALL = """\
call2 = dict(call)
call2["disclosure"] = False
"""

SAMPLING = "evaluations_per_month, score_sd = 5, 20\n"

POPULATION = "margin, calls_per_month = 0.05, 1000\n"

CALIBRATION = """\
calibration = load_calibration()
cal_scored = qa.score_evaluations(
    calibration.assign(evaluation_id=calibration["call_id"] + "/" + calibration["analyst_id"]), card)
table = qa.score_table(cal_scored, target="call_id", rater="analyst_id")
analysts = table.drop(columns="master")
"""

DECISIONS = """\
decisions = calibration.pivot_table(index=["call_id", "item_id"], columns="analyst_id",
                                    values="passed", aggfunc="first")
"""


def _card():
    return given(IMPORTS + LOAD, "card")


def _call(name: str = "call"):
    return given(IMPORTS + LOAD + ONE_CALL + CRITICAL_CALL, name)


def _scored():
    return given(IMPORTS + LOAD + SCORE, "scored")


def _calibration(name: str):
    return given(IMPORTS + LOAD + CALIBRATION, name)


def _decisions():
    return given(IMPORTS + LOAD + CALIBRATION + DECISIONS, "decisions")


def _deviation():
    return qa.rater_deviation(_calibration("table"), "master")


def _driver_table():
    return given(KEY_DRIVERS, "answers")


def _importance():
    """CSAT on the six call drivers, no bootstrap (the point estimates)."""
    return drivers.relative_importance(_driver_table(), "csat", list(drivers.CALL_DRIVERS), bootstrap=0)


def _fcr(column: str) -> float:
    return float(_importance().loc["resolved_first_contact", column])


def _two(name: str) -> float:
    return given(KEY_DRIVERS + TWO_DRIVERS, name)


def _matrix():
    return drivers.importance_performance(_driver_table(), "csat", list(drivers.CALL_DRIVERS),
                                          given(KEY_DRIVERS + STANDARDS, "performance"))


def _act_first() -> str:
    """The driver to improve first: the most important one in the "concentrate" quadrant."""
    matrix = _matrix()
    return str(matrix.loc[matrix["quadrant"] == "concentrate", "importance"].idxmax())


def _costliest(agent: str = "A026"):
    top = qa.costliest_items(given(IMPORTS + LOAD, "results"), _card(), by="agent_id", top=1)
    return top[top["agent_id"] == agent].iloc[0]


# ---------------------------------------------------------------- the questions
CALL_SCORE = EqualityQuestion(
    title="给一通电话打分 score a call",
    expected={"call_score": lambda: qa.score_call(_call(), _card()).score},
    setup=IMPORTS + LOAD + ONE_CALL,
    hints=["得分 = Σ(分值 × 达标) ÷ Σ 分值 × 100；看 `card` 里两项各多少分。",
           "`qa.score_call(call, card).score`。"],
    solution="call_score = qa.score_call(call, card).score",
    explanation="“耐心倾听”10 分、“信息准确完整”15 分：100 − 10 − 15 = 75。",
    mistakes=[
        Mistake(lambda: 100 * (int((_card()["weight"] > 0).sum()) - 2) / int((_card()["weight"] > 0).sum()),
                "你按“达标项数 ÷ 总项数”算了；评分表是加权的，每项分值不同（信息准确 15 分、倾听 10 分）。"),
        Mistake(80, "“信息准确完整”是 15 分，不是 10 分：先看 `card` 的 weight 列。"),
    ],
)

CRITICAL_SCORE = EqualityQuestion(
    title="致命错误一票否决 a critical error",
    expected={"critical_score": lambda: qa.score_call(_call("call2"), _card()).score,
              "critical_raw": lambda: qa.score_call(_call("call2"), _card()).raw_score},
    setup=IMPORTS + LOAD + ONE_CALL + CRITICAL_CALL,
    hints=["“未按规定告知录音或条款”是合规致命项：一旦出现，整通电话得 0 分。",
           "原始分 (raw score) 是不考虑致命错误时的得分。",
           "`r = qa.score_call(call2, card)`，再取 `r.score` 和 `r.raw_score`。"],
    solution=("result = qa.score_call(call2, card)\n"
              "critical_score = result.score\n"
              "critical_raw = result.raw_score"),
    explanation="致命项分值为 0，不影响原始分；但它让得分归零，并单独计入合规致命错误准确率。",
    mistakes=[
        Mistake(lambda: qa.score_call(_call(), _card()).score,
                "出现致命错误时得分归零（一票否决），不能只按分值扣分。", var="critical_score"),
        Mistake(0, "原始分不考虑致命错误：它仍是按分值算出的 75 分。", var="critical_raw"),
    ],
)

CEA = EqualityQuestion(
    title="致命错误准确率 critical error accuracy",
    expected={"cea_business_a3": lambda: qa.critical_error_accuracy(_scored(), by="team").loc["A3", "business"]},
    setup=IMPORTS + LOAD + SCORE,
    hints=["业务致命错误准确率 = 没有业务致命错误的质检数 ÷ 质检总数，只看 A3 组。",
           "`qa.critical_error_accuracy(scored, by=\"team\")`，取 A3 行、business 列。"],
    solution='cea_business_a3 = qa.critical_error_accuracy(scored, by="team").loc["A3", "business"]',
    explanation="A3 组业务致命错误准确率明显低于其他组：先查流程和系统（错单、漏记工单）。",
    mistakes=[
        Mistake(lambda: 1 - qa.critical_error_accuracy(_scored(), by="team").loc["A3", "business"],
                "你算的是出错率；准确率 = 没有出错的质检占比（1 − 出错率）。"),
        Mistake(lambda: 1 - _scored().loc[_scored()["team"] == "A3", "critical_error"].mean(),
                "你把三类致命错误合在一起了；题目只问业务 (business) 类，三类要分开报告。"),
    ],
)

MEAN_SCORE = EqualityQuestion(
    title="班组平均分 team mean score",
    expected={"mean_score_p1": lambda: qa.quality_rollup(_scored(), "team").loc["P1", "mean_score"]},
    setup=IMPORTS + LOAD + SCORE,
    hints=["P1 组所有质检的 `score` 求平均；有致命错误的质检按 0 分计入。",
           "`qa.quality_rollup(scored, \"team\").loc[\"P1\", \"mean_score\"]`。"],
    solution='mean_score_p1 = qa.quality_rollup(scored, "team").loc["P1", "mean_score"]',
    mistakes=[
        Mistake(lambda: qa.quality_rollup(_scored(), "team").loc["P1", "mean_raw_score"],
                "你用了原始分 (raw_score)：有致命错误的质检得分为 0，平均分要用 score。"),
        Mistake(lambda: _scored().loc[(_scored()["team"] == "P1") & ~_scored()["critical_error"], "score"].mean(),
                "你把有致命错误的质检剔除了；它们按 0 分计入平均分（同时单独报告致命错误准确率）。"),
    ],
)

MARGIN = EqualityQuestion(
    title="5 次质检的误差范围 margin of error",
    expected={"pass_rate_margin": lambda: qa.margin_of_error(given(SAMPLING, "evaluations_per_month")),
              "score_margin": lambda: qa.score_margin_of_error(
                  given(SAMPLING, "evaluations_per_month"), given(SAMPLING, "score_sd"))},
    setup=IMPORTS + SAMPLING,
    hints=["比例的误差 E = z·√(p(1−p)/n)，p 取最保守的 0.5，95 % 时 z = 1.96。",
           "平均分的误差 E = z·s/√n。",
           "`qa.margin_of_error(n)`，`qa.score_margin_of_error(n, sd)`。"],
    solution=("pass_rate_margin = qa.margin_of_error(evaluations_per_month)\n"
              "score_margin = qa.score_margin_of_error(evaluations_per_month, score_sd)"),
    explanation="每月 5 次：达标率误差约 ±44 个百分点，平均分误差约 ±18 分——只够做辅导素材，不够排名。",
    mistakes=[
        Mistake(lambda: math.sqrt(0.25 / given(SAMPLING, "evaluations_per_month")),
                "这是标准误，还要乘以 z = 1.96（95 % 置信度）才是误差范围。", var="pass_rate_margin"),
        Mistake(lambda: 1.959964 * given(SAMPLING, "score_sd") / given(SAMPLING, "evaluations_per_month"),
                "平均分的误差是除以 √n，不是除以 n。", var="score_margin"),
    ],
    rtol=1e-3,  # z = 1.96 typed by hand is right too
)

SAMPLE_SIZE = EqualityQuestion(
    title="样本量 sample size",
    expected={"n_needed": lambda: qa.sample_size(given(POPULATION, "margin"),
                                                 population=given(POPULATION, "calls_per_month"))},
    setup=IMPORTS + POPULATION,
    hints=["n₀ = z²·p(1−p)/E²（p = 0.5，z = 1.96）；通话总量 N 有限时 n = n₀ / (1 + (n₀ − 1)/N)。",
           "样本量向上取整。",
           "`qa.sample_size(margin, population=calls_per_month)`。"],
    solution="n_needed = qa.sample_size(margin, population=calls_per_month)",
    explanation="有限总体修正把 385 降到 278：总体越小，需要抽的越少（但不是按比例减少）。",
    mistakes=[
        Mistake(lambda: qa.sample_size(given(POPULATION, "margin")),
                "这是总体无限大时的样本量；每月只有 1,000 通，要做有限总体修正 n₀/(1 + (n₀ − 1)/N)。"),
        Mistake(lambda: qa.sample_size(given(POPULATION, "margin"),
                                       population=given(POPULATION, "calls_per_month")) - 1,
                "样本量要向上取整：少一通，误差就超过 ±5 %。"),
    ],
)

ICC = EqualityQuestion(
    title="校准会的 ICC calibration ICC",
    expected={"icc_all": lambda: qa.icc(_calibration("analysts"), "ICC(2,1)")},
    setup=IMPORTS + LOAD + CALIBRATION,
    hints=["质检校准用 ICC(2,1)：双向随机、绝对一致，对“整体偏松”敏感。",
           "只用 6 位质检员的分数（`analysts`），标准答案 master 不是被检验的评分者。",
           "`qa.icc(analysts, \"ICC(2,1)\")`。"],
    solution='icc_all = qa.icc(analysts, "ICC(2,1)")',
    explanation="约 0.71，Koo & Li 分级为“中等”；去掉 QA3、QA5 后升到 0.90（优秀）。",
    mistakes=[
        Mistake(lambda: qa.icc(_calibration("analysts"), "ICC(3,1)"),
                "你用了 ICC(3,1)（一致性 consistency）：它看不见 QA3 的整体偏松；校准要用绝对一致 ICC(2,1)。"),
        Mistake(lambda: qa.icc(_calibration("table"), "ICC(2,1)"),
                "你把标准答案 master 也当成一位质检员算进去了；只用 `analysts`。"),
    ],
    rtol=1e-4,
)

DEVIATION = EqualityQuestion(
    title="不稳定的质检员 the inconsistent analyst",
    expected={"qa5_bias": lambda: _deviation().loc["QA5", "mean_deviation"],
              "qa5_within": lambda: _deviation().loc["QA5", "within_tolerance"]},
    setup=IMPORTS + LOAD + CALIBRATION,
    hints=["偏差 = 质检员得分 − 标准答案（master），保留正负号再求平均。",
           "±10 分以内的电话占比：|偏差| ≤ 10 的电话数 ÷ 12。",
           "`qa.rater_deviation(table, \"master\")`，取 QA5 行。"],
    solution=('deviation = qa.rater_deviation(table, "master")\n'
              'qa5_bias = deviation.loc["QA5", "mean_deviation"]\n'
              'qa5_within = deviation.loc["QA5", "within_tolerance"]'),
    explanation="平均偏差接近 0，但只有不到六成电话在 ±10 分内：时松时严，平均把问题掩盖了。",
    mistakes=[
        Mistake(lambda: _deviation().loc["QA5", "mean_abs_deviation"],
                "平均偏差要保留正负号（看偏松还是偏严）；你算的是平均绝对偏差。", var="qa5_bias"),
        Mistake(lambda: -_deviation().loc["QA5", "mean_deviation"],
                "偏差 = 质检员 − 标准答案，你减反了（正数应表示偏松）。", var="qa5_bias"),
    ],
    rtol=1e-4,
)

KAPPA = EqualityQuestion(
    title="逐项判定的 Fleiss kappa",
    expected={"kappa_all": lambda: qa.fleiss_kappa(_decisions()[list(_calibration("analysts").columns)])},
    setup=IMPORTS + LOAD + CALIBRATION + DECISIONS,
    hints=["每一行是一通电话的一个评分项，每一列是一位评分者的判定（达标/不达标）。",
           "只用 6 位质检员的列：`decisions[analysts.columns]`。",
           "`qa.fleiss_kappa(decisions[analysts.columns])`。"],
    solution="kappa_all = qa.fleiss_kappa(decisions[analysts.columns])",
    explanation="约 0.64，Landis & Koch 分级“较强”；kappa 扣除了“大部分项都达标”带来的碰巧一致。",
    mistakes=[
        Mistake(lambda: qa.fleiss_kappa(_decisions()),
                "你把标准答案 master 这一列也算进去了；只用 6 位质检员的列。"),
    ],
    rtol=1e-4,
)

COSTLIEST = EqualityQuestion(
    title="最失分的项 the costliest item",
    expected={"top_item": lambda: _costliest()["item_id"],
              "top_item_points": lambda: _costliest()["points_lost_per_evaluation"]},
    setup=IMPORTS + LOAD,
    hints=["`qa.costliest_items(results, card, by=\"agent_id\", top=1)` 给出每位座席最失分的项。",
           "取 agent_id 为 A026 的那一行：`item_id` 和 `points_lost_per_evaluation`。"],
    solution=('top = qa.costliest_items(results, card, by="agent_id", top=1)\n'
              'mine = top[top["agent_id"] == "A026"].iloc[0]\n'
              'top_item = mine["item_id"]\n'
              'top_item_points = mine["points_lost_per_evaluation"]'),
    explanation="A026 最失分的是“提供可行方案”，其次是“未按规定记录工单”（致命项，一次就让整通电话归零）。",
    mistakes=[
        Mistake(lambda: _costliest()["points_lost_per_evaluation"] * _costliest()["evaluations"],
                "这是整月的失分合计；题目问每次质检平均失多少分（除以质检次数）。", var="top_item_points"),
    ],
    rtol=1e-4,
)

RANKING = ThoughtExperiment(
    title="用 5 次质检给座席排名？ ranking on five evaluations",
    solution=(
        "**不能。** 每月 5 次质检，平均分的误差约 ±18–19 分、达标率误差约 ±44 个百分点："
        "排名第 10 和第 50 的座席，真实水平可能没有差别，按这个排名发奖金等于按运气发。"
        "5 次质检能说明的是具体哪通电话、哪一项出了问题——用来辅导；出现致命错误一次就要处理。"
        "要比较座席，合并几个月的质检，或只在平均分的区间（`qa.score_interval`）整体低于标准时才下结论；"
        "要给管理层报质量水平，合并到班组或全项目（样本量 `qa.sample_size`）。"
    ),
)


FCR_SHARE = EqualityQuestion(
    title="一次解决的份额 FCR's share of explained R²",
    expected={"fcr_share": lambda: _fcr("explained_share")},
    setup=KEY_DRIVERS,
    hints=["相对重要性把 R² 分给各因素；“占可解释部分”= 该因素的 R² 份额 ÷ R²，六项加起来是 1。",
           "`drivers.relative_importance(answers, \"csat\", CALL, bootstrap=0)`，取 resolved_first_contact 行的 "
           "`explained_share`。"],
    solution=('shares = drivers.relative_importance(answers, "csat", CALL, bootstrap=0)\n'
              'fcr_share = shares.loc["resolved_first_contact", "explained_share"]'),
    explanation="约 0.64：一次解决占满意度可解释部分的近三分之二，是最大的杠杆。",
    mistakes=[
        Mistake(lambda: _fcr("r2_share"),
                "这是 R² 份额（占满意度全部差异的份额）；题目问占可解释部分的份额：再除以 R²。"),
        Mistake(lambda: _fcr("correlation") ** 2,
                "你用了相关系数的平方 r²：一次解决与转接等因素相关，r² 把重叠的部分也算给了它；要用相对重要性的份额。"),
        Mistake(lambda: _fcr("correlation"),
                "你填的是相关系数 r：它只说明方向和强弱，不是份额。"),
    ],
    rtol=1e-4,
)

TWO_SHARE = EqualityQuestion(
    title="两个因素时手算 Shapley 份额 Shapley share by hand",
    expected={"fcr_two": lambda: float(drivers.relative_importance(
        _driver_table(), "csat", ["resolved_first_contact", "transferred"], bootstrap=0
    ).loc["resolved_first_contact", "r2_share"])},
    setup=KEY_DRIVERS + TWO_DRIVERS,
    hints=["两个因素有两种加入顺序：一次解决先进（增量 = 它单独的 R²），或后进（增量 = 两个一起的 R² − 转接单独的 R²）。",
           "Shapley 份额 = 两种顺序下增量的平均。",
           "`fcr_two = (r2_fcr + (r2_both - r2_transfer)) / 2`。"],
    solution="fcr_two = (r2_fcr + (r2_both - r2_transfer)) / 2",
    explanation="两种顺序的平均：一次解决先进时拿走全部重叠，后进时一点也拿不到；平均后重叠部分两个因素各分一半。",
    mistakes=[
        Mistake(lambda: _two("r2_fcr"),
                "这是一次解决单独的 R²（它先进模型时的增量）：与转接重叠的部分全算给了它；还要和后进时的增量取平均。"),
        Mistake(lambda: _two("r2_both") - _two("r2_transfer"),
                "这是一次解决最后进模型时的增量：重叠的部分一点也没分给它；还要和先进时的增量取平均。"),
        Mistake(lambda: _two("r2_both") / 2,
                "你把 R² 平均分给两个因素了；份额要看各自的增量，一次解决远大于转接。"),
    ],
    rtol=1e-6,
)

ACT_FIRST = EqualityQuestion(
    title="先改哪一项 which driver first",
    expected={"act_first": _act_first},
    setup=KEY_DRIVERS + STANDARDS,
    hints=["重要性–表现矩阵：重要性高于平均、表现低于平均的因素在“重点改进”象限。",
           "`matrix = drivers.importance_performance(answers, \"csat\", CALL, performance)`，看 `quadrant` 列为 "
           "\"concentrate\" 的行；不止一个时取重要性最高的。"],
    solution=('matrix = drivers.importance_performance(answers, "csat", CALL, performance)\n'
              'act_first = matrix.loc[matrix["quadrant"] == "concentrate", "importance"].idxmax()'),
    explanation="一次解决：最重要，而且 100 通里只有约 69 通一次解决，表现最差。",
    mistakes=[
        Mistake("talk_s", "通话时长（AHT 的一部分）份额不到 5 %：为了满意度去压 AHT 收效甚微，还可能降低一次解决。"),
        Mistake("wait_s", "等待的重要性低于平均，而且 85 % 的电话 20 秒内接起：在“可能过度”象限，保持即可。"),
        Mistake("transferred", "转接的重要性略低于平均，91 % 的电话没被转接：在“可能过度”象限，不是最先要改的。"),
    ],
)

QA_LINKED = EqualityQuestion(
    title="对得上质检的答卷 answers with a QA evaluation",
    expected={"qa_linked": lambda: _driver_table().attrs["qa_matched"]},
    setup=KEY_DRIVERS,
    hints=["只有那通电话既有调研答卷、又被质检过，质检项才能当满意度的驱动因素。",
           "`answers.attrs[\"qa_matched\"]`，或者数 `answers[\"qa_evaluated\"]` 为 True 的行。"],
    solution='qa_linked = answers.attrs["qa_matched"]',
    explanation="142 份：质检每人每月抽十几通，调研约每十通电话一份答卷，两者碰上的很少；要分析质检项，先让质检优先抽有答卷的电话。",
    mistakes=[
        Mistake(lambda: int(given(IMPORTS + LOAD, "results")["evaluation_id"].nunique()),
                "这是本月全部质检数；大多数被质检的电话没有调研答卷，不能用来分析满意度。"),
        Mistake(lambda: _driver_table().attrs["matched"],
                "这是能对上通话的答卷数；其中只有很少一部分那通电话也被质检过。"),
    ],
)

QUESTIONS = (CALL_SCORE, CRITICAL_SCORE, CEA, MEAN_SCORE, MARGIN, SAMPLE_SIZE, ICC, DEVIATION,
             KAPPA, COSTLIEST, RANKING, FCR_SHARE, TWO_SHARE, ACT_FIRST, QA_LINKED)
PROBLEMS = ProblemSet(QUESTIONS)
bind = PROBLEMS.bind
q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12, q13, q14, q15 = PROBLEMS.views

__all__ = ["____", "bind", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11",
           "q12", "q13", "q14", "q15"]
