"""Tier 2: the chapter 01 problem set (without Kano) and its exercise notebook.

The shared tier-2 suite (tests/exercise_suite.py): self-grading, notebook run untouched and
solved, givens verbatim, no stored outputs, trainer note quotes every computed answer.
The note rounds money of 10,000 and more to whole yuan.
"""

from __future__ import annotations

from exercise_suite import exercise_suite, note_writer

from ccskills.exercises import ch01

globals().update(exercise_suite(ch01, "01_performance_foundations", min_checked=8,
                                 written=note_writer(round_from=10_000)))
