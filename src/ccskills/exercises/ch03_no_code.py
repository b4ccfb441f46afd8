"""Chapter 03 no-code workbook: service quality metrics (服务质量指标), without Python.

The numbers re-use the code track's questions (:mod:`ccskills.exercises.ch03`) through
:func:`~._no_code.from_code`; the page shows the scorecard, team counts, the calibration round
and a control chart's points as tables computed here with the kit (``ccskills.quality``,
``ccskills.spc``). The interpretation questions add judgement: which days of a p-chart are
special causes and why, which kind a critical error is, why calibration uses ICC(2,1), what an
analyst's deviation says, whether five evaluations can rank agents; and for key drivers (lesson 5,
tables computed with ``ccskills.drivers``): reading a correlation as importance, two overlapping
intervals, which driver to act on first, what 142 QA-linked answers can say.

>>> SET.name, len(SET.questions) >= 10
('ch03', True)
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from ccskills import drivers
from ccskills import quality as qa

from . import ch03
from ._givens import given
from ._no_code import Given, NoCodeQuestion, NoCodeSet, Say, from_code
from ._questions import Mistake

NAME = "ch03"
PCT = Say("%", "%")
POINTS = Say("分", "points")
KINDS = {"customer": Say("客户类 (customer)", "Customer"), "business": Say("业务类 (business)", "Business"),
         "compliance": Say("合规类 (compliance)", "Compliance")}


def _item(item_id: str, lang: str) -> str:
    row = ch03._card().set_index("item_id").loc[item_id]
    return row["item_en"] if lang == "en" else row["item_zh"]


# ---------------------------------------------------------------- givens (computed with the kit)
def _scorecard(lang: str) -> pd.DataFrame:
    card = ch03._card()
    kind = card["critical_kind"].map(lambda k: KINDS[k].get(lang) if k else "")
    return pd.DataFrame({Say("分值", "Weight").get(lang): card["weight"].to_numpy(),
                         Say("致命项类别", "Critical kind").get(lang): kind.to_numpy()},
                        index=[_item(i, lang) for i in card["item_id"]])


def _call(lang: str) -> list[tuple[str, str]]:
    missed = [k for k, ok in ch03._call().items() if not ok]
    extra = [k for k, ok in ch03._call("call2").items() if not ok and k not in missed]
    sep = "、" if lang == "zh" else "; "
    return [(Say("第一通电话：未达标的项", "Call 1: items not met").get(lang), sep.join(_item(i, lang) for i in missed)),
            (Say("第一通电话：其余各项", "Call 1: every other item").get(lang), Say("达标", "met").get(lang)),
            (Say("第二通电话：与第一通相同，另外", "Call 2: as call 1, and also").get(lang),
             sep.join(_item(i, lang) for i in extra))]


def _teams(lang: str) -> pd.DataFrame:
    scored = ch03._scored()
    counts = scored.groupby("team").agg(n=("score", "size"), customer=("customer_error", "sum"),
                                        business=("business_error", "sum"),
                                        compliance=("compliance_error", "sum"), any=("critical_error", "sum"))
    counts.columns = [Say("质检数", "Evaluations").get(lang), *(KINDS[k].get(lang) for k in KINDS),
                      Say("有任一致命错误", "Any critical error").get(lang)]
    counts.index.name = Say("班组", "Team").get(lang)
    return counts.astype(int)


def _sampling(lang: str) -> list[tuple[str, str]]:
    n, sd = ch03.given(ch03.SAMPLING, "evaluations_per_month"), ch03.given(ch03.SAMPLING, "score_sd")
    margin, calls = ch03.given(ch03.POPULATION, "margin"), ch03.given(ch03.POPULATION, "calls_per_month")
    return [(Say("每位座席每月质检次数 n", "Evaluations per agent per month, n").get(lang), f"{n}"),
            (Say("质检得分的标准差 s", "Standard deviation of scores, s").get(lang), f"{sd}"),
            (Say("置信度 95 % 时 z", "z at 95 % confidence").get(lang), "1.96"),
            (Say("比例 p 取最保守的", "Most cautious proportion p").get(lang), "0.5"),
            (Say("要求的误差范围 E（达标率）", "Margin wanted, E (pass rate)").get(lang), f"± {margin * 100:g} %"),
            (Say("项目每月通话量 N", "Calls per month in the programme, N").get(lang), f"{calls:,}")]


def _qa5(lang: str) -> pd.DataFrame:
    table = ch03._calibration("table")
    return pd.DataFrame({Say("QA5 的得分", "QA5's score").get(lang): table["QA5"].astype(int).to_numpy(),
                         Say("标准答案 (master)", "Master score").get(lang): table["master"].astype(int).to_numpy()},
                        index=pd.Index(range(1, len(table) + 1), name=Say("电话", "Call").get(lang)))


def _a026(lang: str) -> pd.DataFrame:
    top = qa.costliest_items(given(ch03.IMPORTS + ch03.LOAD, "results"), ch03._card(), by="agent_id", top=5)
    mine = top[top["agent_id"] == "A026"].set_index("item_id")
    weight = ch03._card().set_index("item_id")["weight"]
    return pd.DataFrame({Say("分值", "Weight").get(lang): weight[mine.index].to_numpy(),
                         Say("不达标次数", "Times not met").get(lang): mine["failures"].to_numpy(),
                         Say("质检次数", "Evaluations").get(lang): mine["evaluations"].to_numpy()},
                        index=[_item(i, lang) for i in mine.index])


@cache
def _chart():
    from ccskills import spc
    from ccskills.datasets import load_call_records

    calls = load_call_records()
    presales = calls[calls["queue"] == "presales"]
    day = presales["arrival"].dt.strftime("%Y-%m-%d")
    abandoned = (presales["outcome"] == "abandoned").groupby(day).sum()
    offered = presales["outcome"].isin(["answered", "abandoned"]).groupby(day).sum()
    return spc.p_chart(abandoned, offered)


SHOWN_DAYS = ("2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10", "2026-03-11",
              "2026-03-15", "2026-03-16", "2026-03-17", "2026-03-28", "2026-03-29", "2026-03-30")


def _day_label(day: str, lang: str) -> str:
    stamp = pd.Timestamp(day)
    return f"3 月 {stamp.day} 日" if lang == "zh" else f"{stamp.day} March"


def _p_chart(lang: str) -> pd.DataFrame:
    points = _chart().points.loc[list(SHOWN_DAYS)]
    pct = lambda s: (100 * s).map("{:.1f} %".format)  # noqa: E731 - a display format
    return pd.DataFrame({Say("放弃率", "Abandonment").get(lang): pct(points["value"]).to_numpy(),
                         Say("控制下限 LCL", "LCL").get(lang): pct(points["lcl"]).to_numpy(),
                         Say("中心线", "Centre line").get(lang): pct(points["center"]).to_numpy(),
                         Say("中心线 + 2σ", "Centre + 2σ").get(lang): pct(points["center"] + 2 * points["sigma"]).to_numpy(),
                         Say("控制上限 UCL", "UCL").get(lang): pct(points["ucl"]).to_numpy()},
                        index=[_day_label(d, lang) for d in SHOWN_DAYS])


# ---------------------------------------------------------------- key drivers (lesson 5)
BOOTSTRAP, SEED = 1000, 2026  # as in the lesson
QA_SECTIONS = ("qa_opening", "qa_communication", "qa_attitude", "qa_accuracy", "qa_resolution")


def _driver_name(code: str, lang: str) -> str:
    return drivers.driver_labels(_qa_table(), lang).get(code, code)


@cache
def _shares() -> pd.DataFrame:
    return drivers.relative_importance(ch03._driver_table(), "csat", list(drivers.CALL_DRIVERS),
                                       bootstrap=BOOTSTRAP, seed=SEED)


@cache
def _qa_table() -> pd.DataFrame:
    from ccskills.datasets import load_call_records
    from ccskills.datasets.operations import load_survey_responses

    return drivers.driver_table(load_call_records(), load_survey_responses(),
                                given(ch03.IMPORTS + ch03.LOAD, "results"), scorecard=ch03._card())


@cache
def _qa_shares() -> pd.DataFrame:
    evaluated = _qa_table()[_qa_table()["qa_evaluated"]]
    return drivers.relative_importance(evaluated, "csat", [*drivers.CALL_DRIVERS[:3], *QA_SECTIONS],
                                       bootstrap=BOOTSTRAP, seed=SEED)


def _pct(value: float) -> str:
    return f"{100 * value:.1f} %"


def _kd_shares(lang: str) -> pd.DataFrame:
    t = _shares()
    table = pd.DataFrame({Say("与满意度的相关 r", "Correlation r").get(lang): t["correlation"].map("{:+.3f}".format).to_numpy(),
                          Say("R² 份额", "Share of R²").get(lang): t["r2_share"].map("{:.4f}".format).to_numpy(),
                          Say("占可解释部分的 95 % 区间", "95 % interval, share of explained").get(lang):
                              [f"{_pct(lo)} – {_pct(hi)}" for lo, hi in
                               zip(t["explained_share_low"], t["explained_share_high"])]},
                         index=[_driver_name(d, lang) for d in t.index])
    total = Say(f"六项合计 = R²（{t.attrs['n']:,} 份答卷）", f"All six = R² ({t.attrs['n']:,} answers)").get(lang)
    table.loc[total] = ["", f"{t.attrs['r2']:.4f}", ""]
    table.index.name = Say("驱动因素", "Driver").get(lang)
    return table


def _kd_two(lang: str) -> list[tuple[str, str]]:
    r2 = {n: ch03._two(n) for n in ("r2_fcr", "r2_transfer", "r2_both")}
    return [(Say("只用一次解决：R²", "First-contact resolution alone: R²").get(lang), f"{r2['r2_fcr']:.4f}"),
            (Say("只用被转接：R²", "Transferred alone: R²").get(lang), f"{r2['r2_transfer']:.4f}"),
            (Say("两个一起：R²", "Both together: R²").get(lang), f"{r2['r2_both']:.4f}")]


def _kd_matrix(lang: str) -> pd.DataFrame:
    m = ch03._matrix()
    table = pd.DataFrame({Say("重要性（占可解释部分）", "Importance (share of explained)").get(lang): m["importance"].map(_pct).to_numpy(),
                          Say("表现（达到标准的电话占比）", "Performance (calls meeting the standard)").get(lang):
                              m["performance"].map(_pct).to_numpy()},
                         index=[_driver_name(d, lang) for d in m.index])
    table.loc[Say("平均（分界线）", "Mean (the split)").get(lang)] = [_pct(m.attrs["importance_split"]),
                                                                   _pct(m.attrs["performance_split"])]
    table.index.name = Say("驱动因素", "Driver").get(lang)
    return table


def _kd_qa(lang: str) -> list[tuple[str, str]]:
    t, q = _qa_table(), _qa_shares()
    facts = [(Say("能对上通话的调研答卷", "Survey answers linked to a call").get(lang), f"{t.attrs['matched']:,}"),
             (Say("其中那通电话也被质检过", "... of which the call was also QA-evaluated").get(lang), f"{t.attrs['qa_matched']}"),
             (Say("回归用到的完整答卷 n；R²", "Complete answers used, n; R²").get(lang), f"{q.attrs['n']}; {q.attrs['r2']:.2f}")]
    for d in QA_SECTIONS:
        facts.append((Say(f"{_driver_name(d, 'zh')}：与满意度的相关 r；占可解释部分的 95 % 区间",
                          f"{_driver_name(d, 'en')}: r with CSAT; 95 % interval of its share").get(lang),
                      f"{q.loc[d, 'correlation']:+.2f}; {_pct(q.loc[d, 'explained_share_low'])} – "
                      f"{_pct(q.loc[d, 'explained_share_high'])}"))
    return facts


GIVENS = (
    Given("scorecard", Say("质检评分表 (scorecard)：分值为 0 的是致命项", "The QA scorecard: weight-0 items are critical"),
          _scorecard),
    Given("calls", Say("两通电话的质检结果", "Two evaluated calls"), _call),
    Given("teams", Say("3 月各班组的质检数与致命错误数", "Evaluations and critical errors per team, March"), _teams),
    Given("sampling", Say("抽样的已知条件", "Sampling facts"), _sampling),
    Given("qa5", Say("校准会：12 通电话，QA5 与标准答案的得分", "Calibration round: QA5 and the master score on 12 calls"),
          _qa5),
    Given("a026", Say("座席 A026 失分最多的 5 个评分项（3 月）", "Agent A026's five costliest items (March)"), _a026),
    Given("p_chart", Say("售前每日放弃率的 p 控制图（部分日期）", "p-chart of daily pre-sales abandonment (some days)"),
          _p_chart, note=Say("判异规则之一：连续 3 点中有 2 点在中心线同一侧 2σ 之外。",
                             "One run rule: 2 of 3 points in a row beyond 2σ on the same side.")),
    Given("kd_shares", Say("关键驱动因素：3 月满意度 (CSAT) 对六个通话因素的相对重要性",
                           "Key drivers: relative importance of six call drivers for March CSAT"),
          _kd_shares, note=Say("R² 份额加起来等于 R²；占可解释部分 = R² 份额 ÷ R²。区间来自 1,000 次 bootstrap 重抽样。",
                               "The shares add up to R²; share of explained = share of R² ÷ R². Intervals from 1,000 bootstrap resamples.")),
    Given("kd_two", Say("只看两个因素：三个模型的 R²（同一批答卷）", "Two drivers only: R² of three models (same answers)"),
          _kd_two),
    Given("kd_matrix", Say("重要性–表现矩阵的数据（标准：一次解决；不转接；20 秒内接起；通话 ≤ 6 分钟；保持、话后处理 ≤ 1 分钟）",
                           "Importance–performance data (standards: resolved first time; not transferred; answered in 20 s; "
                           "talk ≤ 6 min; hold and after-call work ≤ 1 min)"),
          _kd_matrix),
    Given("kd_qa", Say("质检维度能当满意度的驱动因素吗：只有对得上质检的答卷可用",
                       "Can QA dimensions be drivers of CSAT: only answers whose call was evaluated"),
          _kd_qa),
)

# ---------------------------------------------------------------- numbers from the code track
CALL_SCORE = from_code(
    ch03.CALL_SCORE, set=NAME, id="call_score", givens=["scorecard", "calls"], unit=POINTS,
    feedback={1: "“信息准确完整”是 15 分，不是 10 分：先看评分表的分值。"},
    prompt=Say("第一通电话的质检得分是多少（满分 100）？", "What is call 1's QA score (out of 100)?"),
    keep_hints=[], hints=["得分 = Σ(分值 × 达标) ÷ Σ 分值 × 100；看评分表里这两项各多少分。",
                          "只有两项没达标：从 100 分里扣掉它们的分值。"],
    hints_en=["Score = Σ(weight × met) ÷ Σ weights × 100; look up the two items' weights on the scorecard.",
              "Only two items were not met: take their weights off 100."],
    feedback_en=["You used items met ÷ all items; the scorecard is weighted and items carry different weights "
                 "(information 15, listening 10).",
                 "“Information correct and complete” weighs 15, not 10: read the weights on the scorecard first."],
    explanation_en="“Listens actively” weighs 10 and “information correct and complete” 15: 100 − 10 − 15 = 75.",
    title_en="Score a call",
)

CRITICAL = from_code(
    ch03.CRITICAL_SCORE, "critical_score", set=NAME, id="critical_score", givens=["scorecard", "calls"], unit=POINTS,
    keep_hints=[0],
    prompt=Say("第二通电话的质检得分是多少？", "What is call 2's QA score?"),
    hints=["致命项的分值是 0，但它决定整通电话的得分。"],
    hints_en=["“Required recording/terms notice missing” is a compliance critical item: once it happens, the whole call scores 0.",
              "Critical items weigh 0, but they decide the whole call's score."],
    feedback_en=["A critical error sets the score to 0 (one strike); it is not just a deduction by weight."],
    explanation_en="Critical items weigh 0 and leave the raw score alone; but they zero the score and count separately "
                   "in the compliance critical-error accuracy.",
    title="致命错误一票否决 a critical error", title_en="A critical error",
)

CRITICAL_RAW = from_code(
    ch03.CRITICAL_SCORE, "critical_raw", set=NAME, id="critical_raw", givens=["scorecard", "calls"], unit=POINTS,
    keep_hints=[1],
    prompt=Say("第二通电话的原始分 (raw score) 是多少？", "What is call 2's raw score?"),
    hints_en=["The raw score is the score as if there were no critical error."],
    feedback_en=["The raw score ignores critical errors: it is still the 75 points worked out by weight."],
    explanation_en="Critical items weigh 0 and leave the raw score alone; but they zero the score and count separately "
                   "in the compliance critical-error accuracy.",
    title="原始分 raw score", title_en="Raw score",
)

CEA = from_code(
    ch03.CEA, set=NAME, id="cea_business_a3", givens=["teams"], scale=100, unit=PCT, decimals=1, keep_hints=[0],
    prompt=Say("A3 组的业务类致命错误准确率 (critical error accuracy, business) 是多少？填百分数，保留 1 位小数。",
               "What is team A3's business critical-error accuracy? In percent, one decimal."),
    hints_en=["Business critical-error accuracy = evaluations without a business critical error ÷ all evaluations, team A3 only."],
    feedback_en=["You worked out the error rate; accuracy is the share without the error (1 − error rate).",
                 "You put the three kinds together; the question asks for the business kind only, and the three are reported apart."],
    explanation_en="Team A3's business critical-error accuracy is clearly below the other teams': look at process "
                   "and systems first (wrong orders, tickets not logged).",
    title_en="Critical-error accuracy",
)

MARGIN = from_code(
    ch03.MARGIN, "pass_rate_margin", set=NAME, id="pass_rate_margin", givens=["sampling"], scale=100, unit=PCT,
    decimals=1, keep_hints=[0],
    prompt=Say("每月只质检 5 次时，达标率的误差范围 (margin of error, 95 %) 是正负多少？填百分数，保留 1 位小数。",
               "With 5 evaluations a month, what is the margin of error of a pass rate (95 %)? In percent, one decimal."),
    hints_en=["Margin of a proportion E = z·√(p(1−p)/n), with the most cautious p = 0.5 and z = 1.96 at 95 %."],
    feedback_en=["That is the standard error; multiply by z = 1.96 (95 % confidence) for the margin of error."],
    explanation_en="With 5 a month the pass rate is uncertain by about ±44 points and the mean score by about ±18: "
                   "enough for coaching material, not for ranking.",
    title="达标率的误差范围 margin of a pass rate", title_en="Margin of error of a pass rate",
)

SCORE_MARGIN = from_code(
    ch03.MARGIN, "score_margin", set=NAME, id="score_margin", givens=["sampling"], unit=POINTS, decimals=1,
    keep_hints=[1],
    prompt=Say("同样 5 次质检，平均分的误差范围 (95 %) 是正负多少分？保留 1 位小数。",
               "With the same 5 evaluations, what is the margin of error of the mean score (95 %), in points? One decimal."),
    hints_en=["Margin of a mean E = z·s/√n."],
    feedback_en=["The margin of a mean divides by √n, not by n."],
    explanation_en="With 5 a month the pass rate is uncertain by about ±44 points and the mean score by about ±18: "
                   "enough for coaching material, not for ranking.",
    title="平均分的误差范围 margin of a mean score", title_en="Margin of error of a mean score",
)

SAMPLE = from_code(
    ch03.SAMPLE_SIZE, set=NAME, id="sample_size", givens=["sampling"], unit=Say("通", "calls"),
    keep_hints=[0, 1],
    prompt=Say("要让项目的达标率误差在 ±5 % 以内（95 %），每月至少要质检多少通电话？",
               "How many calls a month must the programme evaluate for a pass-rate margin within ±5 % (95 %)?"),
    hints_en=["n₀ = z²·p(1−p)/E² (p = 0.5, z = 1.96); with a finite total N, n = n₀ / (1 + (n₀ − 1)/N).",
              "Round the sample size up."],
    feedback_en=["That is the sample for an unlimited population; with only 1,000 calls a month, apply the finite "
                 "population correction n₀/(1 + (n₀ − 1)/N).",
                 "Round the sample size up: one call fewer and the margin exceeds ±5 %."],
    explanation_en="The finite-population correction takes 385 down to 278: the smaller the population, the fewer "
                   "to sample (but not in proportion).",
    title_en="Sample size",
)

BIAS = from_code(
    ch03.DEVIATION, "qa5_bias", set=NAME, id="qa5_bias", givens=["qa5"], unit=POINTS, decimals=1, keep_hints=[0],
    prompt=Say("QA5 相对标准答案的平均偏差是多少分（正数表示偏松）？保留 1 位小数。",
               "What is QA5's mean deviation from the master score, in points (positive = lenient)? One decimal."),
    hints_en=["Deviation = analyst's score − master score; keep the sign, then average."],
    feedback_en=["Keep the sign in the mean deviation (lenient or strict); you worked out the mean absolute deviation.",
                 "Deviation = analyst − master; you subtracted the other way (a positive number should mean lenient)."],
    explanation_en="The mean deviation is close to 0, but fewer than six calls in ten are within ±10 points: "
                   "lenient one call, strict the next; the average hides it.",
    title="QA5 的平均偏差 QA5's mean deviation", title_en="QA5's mean deviation",
)

WITHIN = from_code(
    ch03.DEVIATION, "qa5_within", set=NAME, id="qa5_within", givens=["qa5"], scale=100, unit=PCT, decimals=1,
    keep_hints=[1],
    extra_mistakes=[Mistake(lambda: float(ch03._deviation().loc["QA5", "within_tolerance"]
                                          * ch03._deviation().loc["QA5", "calls"]),
                            "你填的是电话通数；题目问占比：通数 ÷ 12，再换成百分数。",
                            feedback_en="You entered a number of calls; the question asks for a share: calls ÷ 12, as a percentage.")],
    prompt=Say("QA5 的得分与标准答案相差不超过 ±10 分的电话占多少？填百分数，保留 1 位小数。",
               "What share of calls does QA5 score within ±10 points of the master? In percent, one decimal."),
    hints_en=["Share within ±10 points: calls with |deviation| ≤ 10 ÷ 12."],
    explanation_en="The mean deviation is close to 0, but fewer than six calls in ten are within ±10 points: "
                   "lenient one call, strict the next; the average hides it.",
    title="±10 分以内的占比 share within ±10", title_en="Share within ±10 points",
)

COST_POINTS = from_code(
    ch03.COSTLIEST, "top_item_points", set=NAME, id="costliest_points", givens=["scorecard", "a026"], unit=POINTS,
    decimals=2, keep_hints=[],
    hints=["普通项：失分 = 分值 × 不达标次数；平均到每次质检再除以质检次数。",
           "致命项分值为 0，但出现一次整通电话归零：它的失分是那几通电话被清零的分数。"],
    prompt=Say("A026 失分最多的那一项，平均每次质检失多少分？保留 2 位小数。",
               "For A026's costliest item, how many points are lost per evaluation on average? Two decimals."),
    hints_en=["Ordinary items: points lost = weight × times not met; per evaluation, divide by the evaluations.",
              "Critical items weigh 0, but one occurrence zeroes the call: they cost the points those calls lost."],
    feedback_en=["That is the month's total points lost; the question asks for the average per evaluation (divide by the evaluations)."],
    explanation_en="A026 loses most on “workable solution”, then on “ticket not logged” (critical: once is enough to zero a call).",
    title="每次质检失分 points lost per evaluation", title_en="Points lost per evaluation",
)

# ---------------------------------------------------------------- interpretation questions
def _signal_days() -> tuple[str, ...]:
    points = _chart().points.loc[list(SHOWN_DAYS)]
    return tuple(_day_label(d, "zh") for d in points.index[points["signal"]])


SPECIAL_DAYS = NoCodeQuestion(
    set=NAME, id="special_cause_days", kind="multiple", givens=["p_chart"],
    title="哪几天是特殊原因 special causes", title_en="Which days are special causes",
    prompt=Say("表中哪几天发出了特殊原因 (special cause) 信号，值得去查原因？（多选）",
               "Which days in the table signal a special cause worth investigating? (tick all that apply)"),
    choices=[Say(_day_label(d, "zh"), _day_label(d, "en")) for d in SHOWN_DAYS],
    expected=_signal_days,
    hints=["超出控制上限或下限的点是特殊原因；低于下限的也是（放弃率异常地低，同样要问为什么）。",
           "还要看判异规则：连续 3 点中有 2 点在同一侧 2σ 之外。"],
    hints_en=["Points beyond the upper or lower control limit are special causes; below the lower one too "
              "(unusually low abandonment also asks why).",
              "Also check the run rule: 2 of 3 points in a row beyond 2σ on the same side."],
    explanation=("3 月 8 日（女王节大促）和 16 日超出控制上限，29 日低于控制下限；9 日在控制限内，但和 8 日一起"
                 "“连续 3 点中 2 点超出 2σ”，也是特殊原因。其余日子的起伏是普通原因 (common cause)，"
                 "不要逐日追问，要改善就改系统（排班、流程）。"),
    explanation_en=("8 March (the promotion) and 16 March are above the upper limit, 29 March below the lower; "
                    "9 March is inside the limits but, with 8 March, makes 2 of 3 points beyond 2σ: a special cause "
                    "too. The other days' ups and downs are common cause: do not chase each day; to improve, change "
                    "the system (scheduling, process)."),
    mistakes=[Mistake((_day_label("2026-03-08", "zh"), _day_label("2026-03-16", "zh")),
                      "还漏了两天：低于控制下限的点也是特殊原因；控制限内的点也可能触发判异规则（看 9 日）。",
                      feedback_en="Two are missing: a point below the lower limit is a special cause too, and a point "
                                  "inside the limits can still trip a run rule (look at 9 March).")],
)

NINTH = NoCodeQuestion(
    set=NAME, id="ninth_march", kind="choice", givens=["p_chart"],
    title="3 月 9 日怎么判 reading 9 March", title_en="Reading 9 March",
    prompt=Say("3 月 9 日的放弃率在控制限之内。它是普通原因波动吗？",
               "9 March's abandonment is inside the control limits. Is it common-cause variation?"),
    choices=[Say("是，点在控制限内就是普通原因", "Yes: inside the limits means common cause"),
             Say("不是：它和 3 月 8 日构成“连续 3 点中 2 点超出 2σ”，是特殊原因", "No: with 8 March it makes 2 of 3 points beyond 2σ, a special cause"),
             Say("不是：放弃率超过 10 % 就是特殊原因", "No: any abandonment above 10 % is a special cause")],
    expected=lambda: ("不是：它和 3 月 8 日构成“连续 3 点中 2 点超出 2σ”，是特殊原因"
                      if bool(_chart().points.loc["2026-03-09", "two_of_three_beyond_2sigma"])
                      else "是，点在控制限内就是普通原因"),
    hints=["比较 8 日、9 日的放弃率和“中心线 + 2σ”。"],
    hints_en=["Compare 8 and 9 March with the centre + 2σ column."],
    explanation=("控制限只是第一条规则。8 日、9 日连续两天都在 2σ 之外：大促后售后和售前的来电都还没回落，"
                 "这是同一个特殊原因的延续。"),
    explanation_en=("The control limits are only the first rule. 8 and 9 March are both beyond 2σ: calls had not "
                    "settled after the promotion; the same special cause carried on."),
    mistakes=[Mistake("不是：放弃率超过 10 % 就是特殊原因",
                      "控制图的界限来自过程自己的波动，不是一个拍脑袋的目标值；目标是管理要求，控制限是过程的声音。",
                      feedback_en="Control limits come from the process's own variation, not from a target; the target "
                                  "is management's wish, the limits are the voice of the process.")],
)


def _kind_of(item_id: str) -> str:
    return KINDS[ch03._card().set_index("item_id").loc[item_id, "critical_kind"]].zh


DISCLOSURE = NoCodeQuestion(
    set=NAME, id="disclosure_kind", kind="choice", givens=["scorecard"],
    title="致命错误的类别 kind of critical error", title_en="Kind of critical error",
    prompt=Say("“未按规定告知录音或条款”属于哪一类致命错误？", "Which kind of critical error is “required recording/terms notice missing”?"),
    choices=list(KINDS.values()), expected=lambda: _kind_of("disclosure"),
    hints=["三类：伤害客户的、给公司业务造成损失的、违反法规或监管要求的。"],
    hints_en=["Three kinds: harming the customer, costing the business, breaking law or regulation."],
    explanation="告知录音和条款是监管要求：合规类。三类致命错误要分开统计准确率，因为改进的责任人不同。",
    explanation_en="Telling callers about recording and terms is a regulatory duty: compliance. The three kinds are "
                   "reported apart because different people own the fix.",
    mistakes=[Mistake(KINDS["customer"].zh, "客户当下未必受损；这是监管要求的告知义务，属于合规类。",
                      feedback_en="The customer is not necessarily harmed there and then; it is a regulatory duty: compliance.")],
)

ICC_WHICH = NoCodeQuestion(
    set=NAME, id="icc_choice", kind="choice",
    title="校准用哪种 ICC which ICC for calibration", title_en="Which ICC for calibration",
    prompt=Say("质检校准为什么用 ICC(2,1)（绝对一致），而不用 ICC(3,1)（一致性）？",
               "Why does QA calibration use ICC(2,1) (absolute agreement) rather than ICC(3,1) (consistency)?"),
    choices=[Say("ICC(2,1) 能发现某位质检员整体偏松或偏严；ICC(3,1) 只看排序是否一致", "ICC(2,1) catches an analyst who is lenient or strict overall; ICC(3,1) only checks the ordering"),
             Say("ICC(2,1) 算出来总是更高", "ICC(2,1) always comes out higher"),
             Say("ICC(3,1) 只能用于两位评分者", "ICC(3,1) works only for two raters"),
             Say("两者没有区别", "They are the same")],
    expected="ICC(2,1) 能发现某位质检员整体偏松或偏严；ICC(3,1) 只看排序是否一致",
    hints=["QA3 给每通电话都比标准高十几分，但高低顺序和别人差不多：哪种 ICC 看得见这个问题？"],
    hints_en=["QA3 scores every call well above the master but in much the same order: which ICC sees that?"],
    explanation="校准关心的是分数本身是否一致（同一通电话谁打都差不多），整体偏松也是问题：用绝对一致的 ICC(2,1)。",
    explanation_en="Calibration cares whether the scores themselves agree (anyone scoring a call gets about the same), "
                   "so overall leniency is a problem: use absolute agreement, ICC(2,1).",
    mistakes=[Mistake("ICC(2,1) 算出来总是更高", "通常相反：绝对一致更严格，整体偏差会拉低它。",
                      feedback_en="Usually the reverse: absolute agreement is stricter, and an overall offset lowers it.")],
)

QA5_MEANS = NoCodeQuestion(
    set=NAME, id="qa5_reading", kind="choice", givens=["qa5"],
    title="QA5 的问题 what QA5's numbers say", title_en="What QA5's numbers say",
    prompt=Say("QA5 的平均偏差接近 0，但只有约六成电话在 ±10 分之内。这说明什么？",
               "QA5's mean deviation is near 0, yet only about six calls in ten are within ±10 points. What does that say?"),
    choices=[Say("时松时严：平均把问题掩盖了，要逐通复盘评分理由", "Lenient one call, strict the next: the average hides it; review the reasons call by call"),
             Say("QA5 评分很准，不需要处理", "QA5 scores accurately; nothing to do"),
             Say("QA5 整体偏松", "QA5 is lenient overall"),
             Say("标准答案错了", "The master scores are wrong")],
    expected="时松时严：平均把问题掩盖了，要逐通复盘评分理由",
    hints=["平均偏差接近 0，可以是每通都准，也可以是正负抵消。看逐通的偏差。"],
    hints_en=["A mean deviation near 0 can mean every call is right, or pluses and minuses cancelling. Look call by call."],
    explanation="正负偏差互相抵消：平均看不出来，±10 分内的占比和偏差的标准差才看得出“不稳定”。",
    explanation_en="Positive and negative deviations cancel out: the mean cannot show it; the share within ±10 and the "
                   "spread of deviations show the inconsistency.",
    mistakes=[Mistake("QA5 评分很准，不需要处理", "平均偏差接近 0 不等于准：有的电话高 15 分，有的低 30 分。",
                      feedback_en="A mean near 0 is not accuracy: some calls are 15 points high, others 30 low.")],
)

RANKING = NoCodeQuestion(
    set=NAME, id="ranking", kind="choice", givens=["sampling"],
    title="5 次质检能排名吗 ranking on five evaluations", title_en="Ranking on five evaluations",
    prompt=Say("每位座席每月质检 5 次。用月平均分给座席排名并据此发奖金，合适吗？",
               "Each agent gets 5 evaluations a month. Is ranking agents on the monthly mean score, and paying bonuses on it, sound?"),
    choices=[Say("不合适：误差约 ±18 分，排名多半是运气；5 次质检用于辅导，要比较就合并几个月", "No: ±18 points of error makes the ranking mostly luck; use 5 evaluations for coaching, pool months to compare"),
             Say("合适：每位座席的质检次数相同，所以公平", "Yes: everyone gets the same number of evaluations, so it is fair"),
             Say("合适：只要平均分相差 1 分以上就有意义", "Yes: any difference above 1 point is meaningful")],
    expected="不合适：误差约 ±18 分，排名多半是运气；5 次质检用于辅导，要比较就合并几个月",
    hints=["先算平均分的误差范围（前面的题）；排名相邻的座席差几分？"],
    hints_en=["Work out the margin of a mean score (the earlier question); how far apart are neighbouring agents?"],
    explanation=("不能。每月 5 次质检，平均分的误差约 ±18 分、达标率误差约 ±44 个百分点：排名第 10 和第 50 的座席，"
                 "真实水平可能没有差别，按这个排名发奖金等于按运气发。5 次质检能说明的是具体哪通电话、哪一项出了问题——"
                 "用来辅导；出现致命错误一次就要处理。要比较座席，合并几个月的质检。"),
    explanation_en=("No. With 5 evaluations a month the mean score is uncertain by about ±18 points and the pass rate by "
                    "about ±44: agents ranked 10th and 50th may not differ at all, so bonuses on that ranking pay for "
                    "luck. Five evaluations show which call and which item went wrong — use them to coach; a critical "
                    "error is acted on at once."),
    mistakes=[Mistake("合适：每位座席的质检次数相同，所以公平", "次数相同不等于准确：5 次的平均分误差约 ±18 分，对每个人都一样大。",
                      feedback_en="The same number is not the same as accurate: a 5-evaluation mean is ±18 points for everyone.")],
)

# ---------------------------------------------------------------- key drivers (lesson 5)
FCR_SHARE = from_code(
    ch03.FCR_SHARE, set=NAME, id="fcr_share", givens=["kd_shares"], scale=100, unit=PCT, decimals=1,
    keep_hints=[0], keep=[0, 1],
    prompt=Say("一次解决占满意度可解释部分的份额是多少？填百分数，保留 1 位小数。",
               "What share of the explained part of CSAT goes to first-contact resolution? In percent, one decimal."),
    hints=["用表中一次解决的 R² 份额除以最后一行的 R²。"],
    hints_en=["Relative importance shares R² among the drivers; share of explained = the driver's share of R² ÷ R².",
              "Divide first-contact resolution's share of R² by the R² in the last row."],
    feedback_en=["That is the share of R² (of all CSAT variation); the question asks for the share of the explained part: "
                 "divide by R².",
                 "You used the squared correlation r²: resolution overlaps with transfers and the rest, and r² gives it the "
                 "overlap too; use the relative-importance share."],
    explanation_en="About 64 %: first-contact resolution takes nearly two thirds of what the drivers explain, the biggest lever.",
    title_en="FCR's share of explained R²",
)

TWO_SHARE = from_code(
    ch03.TWO_SHARE, set=NAME, id="fcr_two", givens=["kd_two"], unit=Say("", ""), decimals=3, keep_hints=[0, 1],
    prompt=Say("一次解决在这两个因素的模型中分到的 Shapley 份额（R² 份额）是多少？保留 3 位小数。",
               "What Shapley share (of R²) does first-contact resolution get in the two-driver model? Three decimals."),
    hints_en=["Two drivers, two orders of entry: resolution first (its gain = its R² alone) or last (gain = R² of both "
              "− R² of transfers alone).",
              "The Shapley share is the average of the two gains."],
    feedback_en=["That is resolution's R² alone (its gain entering first): all the overlap with transfers goes to it; "
                 "average it with the gain entering last.",
                 "That is resolution's gain entering last: none of the overlap goes to it; average it with the gain "
                 "entering first.",
                 "You split R² evenly between the two; the shares follow each driver's gains, and resolution's are far larger."],
    explanation_en="The average of the two orders: entering first resolution takes all of the overlap, entering last none; "
                   "averaged, the two drivers share the overlap half and half.",
    title_en="Shapley share by hand",
)

def _overlap_answer() -> str:
    t = _shares()
    a, b = t.loc["transferred"], t.loc["wait_s"]
    overlap = a["explained_share_low"] <= b["explained_share_high"] and b["explained_share_low"] <= a["explained_share_high"]
    return CI_CHOICES[0].zh if overlap else (CI_CHOICES[1].zh if a["explained_share"] > b["explained_share"]
                                              else CI_CHOICES[2].zh)


CI_CHOICES = [Say("数据分不出先后：两个区间几乎完全重叠，只能说它们同属第二梯队",
                  "The data cannot order them: the intervals almost coincide; both are in the second tier"),
              Say("被转接更重要：它的估计值略高", "Transfers: their estimate is a little higher"),
              Say("等待更重要：它的区间上限更高", "Waits: their interval reaches higher")]

CI_OVERLAP = NoCodeQuestion(
    set=NAME, id="kd_overlap", kind="choice", givens=["kd_shares"],
    title="两个区间重叠 overlapping intervals", title_en="Overlapping intervals",
    prompt=Say("被转接和排队等待时长，哪一个对满意度更重要？", "Which matters more for CSAT: transfers or the wait in queue?"),
    choices=CI_CHOICES, expected=_overlap_answer,
    hints=["看两行的 95 % 区间：一个区间的下限有没有高过另一个的上限？"],
    hints_en=["Look at the two 95 % intervals: is either one's lower end above the other's upper end?"],
    explanation=("两者占可解释部分都约 15 %，区间都在 11 %–20 % 左右，几乎完全重叠：重抽样时谁排前面只是运气。"
                 "区间重叠时不要排先后；要分出先后，需要更多数据或试点。"),
    explanation_en=("Both take about 15 % of the explained part, with intervals of about 11–20 %: they almost coincide, "
                    "so which comes first in a resample is luck. Do not rank overlapping intervals; more data or a pilot "
                    "is needed to tell them apart."),
    mistakes=[Mistake(CI_CHOICES[1].zh, "估计值只差 0.1 个百分点，远小于区间的宽度（约 9 个百分点）：这个差别是噪声。",
                      feedback_en="The estimates differ by 0.1 point, far less than the interval width (about 9 points): "
                                  "that difference is noise.")],
)

CORRELATION = NoCodeQuestion(
    set=NAME, id="kd_correlation", kind="choice", givens=["kd_shares"],
    title="把相关当重要性 a correlation read as importance", title_en="A correlation read as importance",
    prompt=Say("一份月报写道：“被转接与满意度的相关系数是 −0.26，r² ≈ 6.6 %，所以转接单独解释了满意度的 6.6 %；"
               "六个因素的 r² 加起来是 33 %。”这段话错在哪里？",
               "A monthly report says: “Transfers correlate −0.26 with CSAT, r² ≈ 6.6 %, so transfers alone explain "
               "6.6 % of CSAT; the six drivers' r² add up to 33 %.” What is wrong?"),
    choices=[Say("因素彼此相关（被转接的电话很少一次解决），r² 把重叠部分重复计算了：六个 r² 加起来超过六个因素一起的 R²（约 26 %）",
                 "The drivers overlap (transferred calls are seldom resolved first time), so r² counts the overlap more "
                 "than once: the six add up to more than the R² of all six together (about 26 %)"),
             Say("没有错：r² 就是一个因素解释的份额", "Nothing: r² is the share a driver explains"),
             Say("相关系数是负的，说明转接会提高满意度", "The correlation is negative, so transfers raise CSAT"),
             Say("应该用 r 而不是 r²，即转接解释了 26 %", "It should use r, not r²: transfers explain 26 %")],
    expected="因素彼此相关（被转接的电话很少一次解决），r² 把重叠部分重复计算了：六个 r² 加起来超过六个因素一起的 R²（约 26 %）",
    hints=["表的最后一行是六个因素一起的 R²。六个 r² 加起来（33 %）比它大，多出来的部分是什么？"],
    hints_en=["The last row is the R² of all six together. The six r² add up to 33 %, more than that: what is the excess?"],
    explanation=("r² 只在因素互不相关时才能相加。转接与一次解决相关 (−0.26)，转接电话的不满有一部分其实来自“没一次解决”；"
                 "相对重要性把这种重叠公平地分给两者，所以转接的份额只有约 4 %（R² 份额），占可解释部分约 15 %。"),
    explanation_en=("r² add up only when the drivers are unrelated. Transfers correlate with resolution (−0.26): part of "
                    "the dissatisfaction after a transfer comes from the call not being resolved. Relative importance shares "
                    "that overlap fairly, so transfers get about 4 % of R², about 15 % of the explained part."),
    mistakes=[Mistake("没有错：r² 就是一个因素解释的份额",
                      "只有因素互不相关时才是；这里六个 r² 加起来（33 %）超过了六个因素一起能解释的 R²（26 %），说明有重复计算。",
                      feedback_en="Only when the drivers are unrelated; here the six r² add up to 33 %, more than the 26 % "
                                  "all six explain together: something is counted twice.")],
)

ACT_FIRST = NoCodeQuestion(
    set=NAME, id="kd_act_first", kind="choice", givens=["kd_matrix"],
    title="先改哪一项 which driver first", title_en="Which driver first",
    prompt=Say("按重要性–表现矩阵，为了提升满意度，应该先改哪一项？", "By the importance–performance matrix, which driver should be improved first for CSAT?"),
    choices=[Say(drivers.DRIVER_NAMES[d][0], drivers.DRIVER_NAMES[d][1]) for d in drivers.CALL_DRIVERS],
    expected=lambda: drivers.DRIVER_NAMES[ch03._act_first()][0],
    hints=["“重点改进”象限：重要性高于平均、表现低于平均。用最后一行的平均值当分界线。"],
    hints_en=["The “concentrate here” quadrant: importance above the mean and performance below it. The last row gives the means."],
    explanation=("一次解决：重要性约 64 %，远高于平均的 16.7 %；表现只有约 69 %，低于平均的 83 %：在“重点改进”象限。"
                 "先从知识库、授权和转接前的排查入手。"),
    explanation_en=("First-contact resolution: importance about 64 %, far above the 16.7 % mean; performance only about 69 %, "
                    "below the 83 % mean: the “concentrate here” quadrant. Start with the knowledge base, authority to "
                    "resolve and checks before transferring."),
    mistakes=[Mistake(drivers.DRIVER_NAMES["talk_s"][0],
                      "通话时长的重要性不到 5 %：为了满意度去压 AHT 收效甚微，还可能让一次解决下降。",
                      feedback_en="Talk time's importance is under 5 %: cutting handle time for CSAT achieves little and "
                                  "may lower first-contact resolution."),
              Mistake(drivers.DRIVER_NAMES["wait_s"][0],
                      "等待的重要性略低于平均，85 % 的电话 20 秒内接起，表现高于平均：属于“可能过度”，保持即可。",
                      feedback_en="The wait's importance is just below the mean and 85 % of calls are answered in 20 s, "
                                  "above the mean: “possible overkill”, keep it up.")],
)

QA_CONCLUDE = NoCodeQuestion(
    set=NAME, id="kd_qa_dimensions", kind="choice", givens=["kd_qa"],
    title="质检维度与满意度 QA dimensions and CSAT", title_en="QA dimensions and CSAT",
    prompt=Say("有人据此提出：“质检五个维度与满意度几乎不相关，评分表可以大幅简化。”这个结论站得住吗？",
               "Someone concludes: “The five QA dimensions hardly relate to CSAT, so the scorecard can be cut down.” "
               "Does that hold?"),
    choices=[Say("站不住：只有一百多份答卷对得上质检，区间从接近 0 到十几个百分点，既不能说有作用也不能说没有；先让质检优先抽有答卷的电话",
                 "No: only about 140 answers are linked to an evaluation; the intervals run from near 0 to over 10 %, so "
                 "the data say neither yes nor no; first make QA sample calls that have a survey answer"),
             Say("站得住：相关系数都在 ±0.1 以内", "Yes: every correlation is within ±0.1"),
             Say("站得住：一次解决拿走了大部分份额，质检没有份额", "Yes: resolution takes most of the share, QA gets none"),
             Say("站不住：因为 R² 太低", "No: because R² is too low")],
    expected="站不住：只有一百多份答卷对得上质检，区间从接近 0 到十几个百分点，既不能说有作用也不能说没有；先让质检优先抽有答卷的电话",
    hints=["先看有多少份答卷可用，再看区间有多宽。区间包含 0 又包含 10 % 以上，说明什么？"],
    hints_en=["First see how many answers are usable, then how wide the intervals are. What does an interval holding both "
              "0 and more than 10 % say?"],
    explanation=("142 份答卷（完整的 135 份）太少：每个质检维度的区间都从接近 0 到 7 %–15 %，数据不能区分“没有作用”和“有一点作用”。"
                 "而且评分表的价值首先在于标准本身（第 1 课）。要回答这个问题，让质检抽样覆盖有调研答卷的电话，或合并几个月。"),
    explanation_en=("142 answers (135 complete) are too few: every QA dimension's interval runs from near 0 to 7–15 %, so "
                    "the data cannot tell “no effect” from “some effect”. And a scorecard's value lies first in its standards "
                    "(lesson 1). To answer the question, make QA sample calls with a survey answer, or pool months."),
    mistakes=[Mistake("站得住：相关系数都在 ±0.1 以内",
                      "135 份答卷时，相关系数的随机误差约 ±0.17：±0.1 以内的相关和 0 分不开，也和一个小的真实作用分不开。",
                      feedback_en="With 135 answers a correlation is uncertain by about ±0.17: values within ±0.1 cannot be "
                                  "told from 0, nor from a small real effect.")],
)


QUESTIONS = (CALL_SCORE, CRITICAL, CRITICAL_RAW, DISCLOSURE, CEA, MARGIN, SCORE_MARGIN, SAMPLE, RANKING, BIAS,
             WITHIN, QA5_MEANS, ICC_WHICH, COST_POINTS, SPECIAL_DAYS, NINTH,
             FCR_SHARE, TWO_SHARE, CORRELATION, CI_OVERLAP, ACT_FIRST, QA_CONCLUDE)

SET = NoCodeSet(
    name=NAME,
    title=Say("第 03 章 服务质量指标：练习册", "Chapter 03 Service quality metrics: workbook"),
    intro=Say("不用写代码：读下面的表格和事实，在框里填数或选择，点“检查”。需要时看“提示”，做完可以看“答案”。"
              "数字来自套件的质检示例数据（3 月的质检结果、校准会和通话明细）和 3 月的客户调研。",
              "No code needed: read the tables and facts, type a number or choose, then press Check. Use Hint when "
              "stuck and Answer when done. The numbers come from the kit's QA sample data (March evaluations, a "
              "calibration round and call records) and the March survey."),
    givens=GIVENS,
    questions=QUESTIONS,
)
