"""Tier 2: the chapter 07 management-system problem set and its exercise notebook.

Every question grades its own solution as correct, an untouched answer as not attempted and
each typical mistake with that mistake's feedback (``verify``). The notebook is run in-process,
untouched (every check says "not attempted") and with each solution filled in (every check says
"correct"). Expected values come from ``ccskills.management.system`` at check time; the trainer
note must quote them. The standard checks come from the shared suite (tests/exercise_suite.py).
"""

from __future__ import annotations

import pytest
from exercise_suite import exercise_suite, note_writer

from ccskills.exercises import Status, evaluate
from ccskills.exercises import ch07_system as chapter

globals().update(exercise_suite(chapter, "07_management_system", notebook="exercises_system.ipynb",
                                min_checked=6, written=note_writer(quote_text=True)))


def test_answers_by_hand():
    # audit: Σ w·s = 2·2 + 1·1 + 3·2 + 3·3 + 3·1 + 2·0 = 23 of 3 × 14 = 42
    assert chapter.AUDIT_TOTAL.expected_values["audit_total"] == pytest.approx(23 / 42)
    # vendor B: 3·3 + 3·3 + 3·3 + 3·0 + 1·3 + 2·3 = 36 of 3 × 15 = 45; it fails the must WFM1, so A is chosen
    assert chapter.VENDOR_TOTAL.expected_values["total_b"] == pytest.approx(36 / 45)
    assert chapter.CHOSEN.expected_values["chosen"] == "A"
    assert chapter.GROUPS.expected_values == {"group_shrinkage": "internal", "group_fcr": "customer"}


@pytest.mark.parametrize("question, answer, words", [
    (chapter.AUDIT_TOTAL, {"audit_total": 9 / 18}, "按权重加权"),                 # plain mean of the scores ÷ 3
    (chapter.VENDOR_TOTAL, {"total_b": 36 / 15}, "除以满分 3"),                   # weighted mean on the 0–3 scale
    (chapter.CHOSEN, {"chosen": "B"}, "不入围"),                                  # the highest total fails a must
    (chapter.GROUPS, {"group_shrinkage": "financial", "group_fcr": "customer"}, "内部运营"),
])
def test_typical_wrong_answers_written_out_here_get_their_feedback(question, answer, words):
    outcome = evaluate(question, dict(answer))
    assert outcome.status is Status.INCORRECT and words in outcome.feedback, outcome
