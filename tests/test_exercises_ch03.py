"""Tier 2: the chapter 03 problem set and its exercise notebook.

The shared tier-2 suite (tests/exercise_suite.py): self-grading, notebook run untouched and
solved, givens verbatim, no stored outputs, trainer note quotes every computed answer (text in
double quotes).
"""

from __future__ import annotations

from exercise_suite import exercise_suite, note_writer

from ccskills.exercises import ch03

globals().update(exercise_suite(ch03, "03_quality_metrics", min_checked=8,
                                written=note_writer(quote_text=True)))
