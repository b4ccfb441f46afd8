"""Tier 2: the chapter 07 problem set and its exercise notebook.

The shared tier-2 suite (tests/exercise_suite.py): self-grading, notebook run untouched and
solved, givens verbatim, no stored outputs, trainer note quotes every computed answer.
"""

from __future__ import annotations

from exercise_suite import exercise_suite

from ccskills.exercises import ch07

globals().update(exercise_suite(ch07, "07_management_system", min_checked=6))
