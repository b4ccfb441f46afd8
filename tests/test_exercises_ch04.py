"""Tier 2: the chapter 04 problem set and its exercise notebook.

The shared tier-2 suite (tests/exercise_suite.py): self-grading, notebook run untouched and
solved, givens verbatim, no stored outputs, trainer note quotes every computed answer.
"""

from __future__ import annotations

from exercise_suite import exercise_suite

from ccskills.exercises import ch04

globals().update(exercise_suite(ch04, "04_cost_efficiency", min_checked=8))
