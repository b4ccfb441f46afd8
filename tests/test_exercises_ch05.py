"""Tier 2: the chapter 05 problem set (forecasting and scheduling) and its exercise notebook.

The shared tier-2 suite (tests/exercise_suite.py): self-grading, notebook run untouched and
solved, givens verbatim, no stored outputs, trainer note quotes every computed answer.
Grading the questions whose givens re-read the state logs or simulate is marked slow; the
trainer note must also cover every lesson in the folder.
"""

from __future__ import annotations

from pathlib import Path

from exercise_suite import exercise_suite

from ccskills.exercises import ch05

HEAVY = (ch05.TWO_WEEKS, ch05.LOGS, ch05.SIMULATION)  # givens that read the logs or simulate

globals().update(exercise_suite(ch05, "05_forecasting_scheduling", min_checked=10,
                                 slow=lambda q: any(block in q.setup for block in HEAVY)))



def test_trainer_note_covers_every_lesson_in_the_folder():
    chapter = Path(__file__).resolve().parents[1] / "course" / "05_forecasting_scheduling"
    note = (chapter / "trainer_note.md").read_text(encoding="utf-8")
    lessons = sorted(p.name for p in chapter.glob("[0-9][0-9]_*.ipynb"))
    assert lessons, "the chapter has lessons"
    missing = [name for name in lessons if f"`{name}`" not in note]
    assert not missing, f"trainer note does not cover {missing}"
