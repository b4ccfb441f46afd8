"""Tier 2: the chapter 01 Kano problem set and its exercise notebook.

Every question grades its own solution as correct, an untouched answer as not
attempted and each typical mistake with that mistake's feedback (``verify``). The
notebook is run in-process, untouched (every check says "not attempted") and with
each solution filled in (every check says "correct"). Expected values come from
``ccskills.kano`` at check time; the trainer note must quote them.

The standard checks come from the shared suite (tests/exercise_suite.py).
"""

from __future__ import annotations

import pytest
from exercise_suite import exercise_suite, note_writer

from ccskills.exercises import Status, evaluate
from ccskills.exercises import ch01_kano as chapter

globals().update(exercise_suite(chapter, "01_performance_foundations", notebook="exercises_kano.ipynb", note="trainer_note_kano.md",
                                 min_checked=6, written=note_writer(quote_text=True)))


def test_answers_are_the_published_table_and_the_designed_data():
    # evaluation table (domain.md §3): like/live-with = A, must-be/dislike = M
    assert chapter.PAIR.expected_values == {"cat_1": "A", "cat_2": "M"}
    # hours_24x7 counts A 59, O 114, M 62, I 50 (datasets/kano/README.md design, test_datasets_kano):
    # Better = 173/285, Worse = -176/285
    assert chapter.COEFFICIENTS.expected_values["better_24x7"] == pytest.approx(173 / 285)
    assert chapter.COEFFICIENTS.expected_values["worse_24x7"] == pytest.approx(-176 / 285)
    assert chapter.QUADRANT.expected_values["disagree"] == ["marketing_sms"]
