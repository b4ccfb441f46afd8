"""Tier 2: the chapter 06 problem set (coaching) and its exercise notebook.

Every question grades its own solution as correct, an untouched answer as not
attempted and each typical mistake with that mistake's feedback (``verify``). The
notebook is run in-process, untouched and with each solution filled in. A few
answers are also worked by hand here (GROW minutes, the straight-line path).

The standard checks come from the shared suite (tests/exercise_suite.py).
"""

from __future__ import annotations

import pytest
from exercise_suite import exercise_suite, note_writer

from ccskills.exercises import Status, evaluate
from ccskills.exercises import ch06 as chapter

globals().update(exercise_suite(chapter, "06_coaching", min_checked=6, written=note_writer(quote_text=True)))


def test_answers_worked_by_hand():
    # 40 min x (10, 40, 30, 20) % = 4, 16, 12, 8
    assert chapter.AGENDA.expected_values["grow_minutes"].tolist() == [4.0, 16.0, 12.0, 8.0]
    # 0.51 + (0.63 - 0.51) x 14/28 = 0.57
    assert chapter.EXPECTED_PATH.expected_values["expected_apr15"] == pytest.approx(0.57)
    # path 0.54, 0.57, 0.60, 0.63; behind 0.01, 0.03, 0, -0.01; tolerance 0.012 -> one off track
    assert chapter.OFF_TRACK.expected_values["n_off_track"] == 1
    # plan: 330 s beyond the best quarter (about 353 s), 213 days > 92
    assert chapter.FAILED_LETTERS.expected_values["failed_letters"] == ("A", "T")


def test_fix_plan_feedback_names_the_failing_letter():
    from dataclasses import replace

    namespace = chapter.FIX_PLAN.solution_namespace()
    namespace["fixed_plan"] = replace(namespace["plan"], target=300, due="2026-05-31")
    outcome = evaluate(chapter.FIX_PLAN, namespace)
    assert outcome.status is Status.INCORRECT and "可达成" in outcome.message
    namespace["fixed_plan"] = "420 秒"
    assert evaluate(chapter.FIX_PLAN, namespace).status is Status.INCORRECT

