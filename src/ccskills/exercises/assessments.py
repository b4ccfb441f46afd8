"""Pre-test and post-test (课前测 / 课后测): parallel forms over the workshop's nine learning goals.

Seed 001 (the 3-day workshop) lists nine 学习目标; each form asks 2–4 questions per goal, 24 in
all. The questions are the workbooks' own (one source): each pair below names a pre-test item
and its parallel post-test item, the same goal and the same kind of task, taken from the
chapter workbooks with their expected values, hints and typical mistakes; only ``set`` and
``id`` change ("pretest"/"posttest", "p01"…). :func:`score_by_goal` scores a trainee's answers
per learning goal, so the trainer sees which goal moved between the two forms.

>>> len(PRETEST.questions), len(POSTTEST.questions)
(24, 24)
>>> int(score_by_goal("pretest", {"p01": "质量类 (quality)"}).loc[1, "correct"])
1
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from ._no_code import Given, NoCodeQuestion, NoCodeSet, Say
from ._registry import no_code_set

__all__ = ["GOALS", "PAIRS", "POSTTEST", "PRETEST", "goal_of", "score_by_goal"]

GOALS: dict[int, Say] = {
    1: Say("了解客服中心三大指标体系 (KPI families)", "Know the contact centre's KPI families"),
    2: Say("掌握服务指标和干扰因素排除 (service metrics)", "Service metrics and what distorts them"),
    3: Say("掌握服务质量指标的设定与管理 (quality metrics)", "Setting and managing quality metrics"),
    4: Say("掌握成本效率指标的关系与管理 (cost-efficiency)", "Cost-efficiency metrics and how they relate"),
    5: Say("掌握流程制定与优化 (process)", "Designing and improving processes"),
    6: Say("掌握质量管理方法 (quality methods)", "Quality management methods"),
    7: Say("实践预测排班理论及方法 (forecasting and scheduling)", "Forecasting and scheduling in practice"),
    8: Say("掌握人员改进型辅导 (corrective coaching)", "Corrective coaching"),
    9: Say("掌握 SMART 计划工具 (SMART plans)", "Using SMART plans"),
}
"""The nine 学习目标 of the workshop outline (seed 001), in its order."""

PAIRS: tuple[tuple[int, tuple[str, str], tuple[str, str]], ...] = (
    (1, ("ch01", "fcr_family"), ("ch01", "csat_family")),
    (1, ("ch01", "rag_status"), ("ch01", "amber_reading")),
    (1, ("ch01", "pair_with_aht"), ("ch04", "occupancy_95")),
    (2, ("ch02", "abandon_rate"), ("ch02", "abandon_rate_excl_short")),
    (2, ("ch02", "sl_offered"), ("ch02", "asa")),
    (2, ("ch02", "sl_definition"), ("ch02", "highest_definition")),
    (3, ("ch03", "call_score"), ("ch03", "critical_score")),
    (3, ("ch03", "disclosure_kind"), ("ch03", "qa5_reading")),
    (4, ("ch04", "cpc_presales"), ("ch04", "cpph_aftersales")),
    (4, ("ch04", "occupancy"), ("ch04", "utilisation")),
    (4, ("ch04", "compare_centres"), ("ch04", "not_ready_is_shrinkage")),
    (5, ("ch07", "dmaic_order"), ("ch07", "handover_fix_first")),
    (5, ("ch07", "evening_short_hours"), ("ch07", "calls_per_hour")),
    (6, ("ch03", "ninth_march"), ("ch01", "day3_signal")),
    (6, ("ch01", "vital_few"), ("ch03", "sample_size")),
    (6, ("ch03", "pass_rate_margin"), ("ch03", "score_margin")),
    (7, ("ch05", "wape"), ("ch05", "mape")),
    (7, ("ch05", "peak_scheduled"), ("ch02", "headcount")),
    (7, ("ch05", "four_steps"), ("ch05", "why_wape")),
    (7, ("ch05", "fill_rate"), ("ch05", "efficiency")),
    (8, ("ch06", "coaching_kind"), ("ch06", "grow_rushed")),
    (8, ("ch06", "skipped_step"), ("ch06", "after_off_track")),
    (9, ("ch06", "failed_letters"), ("ch06", "fixed_plan")),
    (9, ("ch06", "expected_apr15"), ("ch06", "off_track")),
)
"""(learning goal, pre-test item, post-test item): the parallel forms, item by item."""


def _question(set_name: str, question_id: str) -> NoCodeQuestion:
    return next(q for q in no_code_set(set_name).questions if q.id == question_id)


def _item(form: str, number: int, ref: tuple[str, str]) -> NoCodeQuestion:
    """The workbook question ``ref`` as item ``number`` of ``form``; its givens keep their set's name."""
    source = _question(*ref)
    return replace(source, set=form, id=f"p{number:02d}", givens=[f"{ref[0]}:{g}" for g in source.givens])


def _givens(refs) -> tuple[Given, ...]:
    seen: dict[str, Given] = {}
    for set_name, question_id in refs:
        for given_id in _question(set_name, question_id).givens:
            given = no_code_set(set_name).given(given_id)
            seen.setdefault(f"{set_name}:{given_id}", replace(given, id=f"{set_name}:{given_id}"))
    return tuple(seen.values())


def _form(name: str, column: int, title: Say, intro: Say) -> NoCodeSet:
    refs = [pair[column] for pair in PAIRS]
    items = tuple(_item(name, n, ref) for n, ref in enumerate(refs, 1))
    return NoCodeSet(name=name, title=title, intro=intro, givens=_givens(refs), questions=items)


_INTRO = Say("不用写代码：{when}做这份测验，每题填数或选择后点“检查”。共 24 题，覆盖课程的九个学习目标；"
             "{purpose}",
             "No code needed: take this test {when_en}; type or choose, then press Check. 24 questions cover the "
             "course's nine learning goals; {purpose_en}")

PRETEST = _form("pretest", 1,
                Say("课前测", "Pre-test"),
                Say(_INTRO.zh.format(when="开课前", purpose="只看结果、先不要看提示和答案，讲师据此了解大家的起点。"),
                    _INTRO.en.format(when_en="before the course", purpose_en="check without hints or answers, so the trainer sees where everyone starts.")))
POSTTEST = _form("posttest", 2,
                 Say("课后测", "Post-test"),
                 Say(_INTRO.zh.format(when="课程结束时", purpose="题目和课前测一一平行（同一个学习目标、同一类任务），按学习目标比较进步。"),
                     _INTRO.en.format(when_en="at the end of the course", purpose_en="each item parallels one of the pre-test (same goal, same kind of task), so progress shows per goal.")))


def goal_of(form: str, item_id: str) -> int:
    """The learning goal (1–9) that item ``item_id`` of ``form`` tests."""
    return PAIRS[int(item_id[1:]) - 1][0]


def score_by_goal(form: str, answers, lang: str = "zh") -> pd.DataFrame:
    """Per learning goal: items, correct answers and their share, for ``answers`` (item id → value).

    Unanswered or junk answers count as not correct; nothing raises on a bad answer.
    ``form`` is "pretest" or "posttest".
    """
    test = {"pretest": PRETEST, "posttest": POSTTEST}.get(form)
    if test is None:
        raise ValueError(f"form must be 'pretest' or 'posttest', got {form!r}")
    answers = dict(answers or {})
    rows = [(goal_of(form, q.id), q.check(answers.get(q.id), lang=lang).correct) for q in test.questions]
    table = pd.DataFrame(rows, columns=["goal", "correct"]).groupby("goal")["correct"].agg(["size", "sum"])
    table.columns = ["items", "correct"]
    table["share"] = table["correct"] / table["items"]
    table.insert(0, "learning_goal", [GOALS[g].get(lang) for g in table.index])
    return table
