"""Shift scheduling, rostering and adherence: from required agents per period to who works when.

* :func:`shift_patterns` — shift patterns (start grid, lengths, breaks in their windows,
  open hours; weekly tours with days off) as a sparse coverage matrix and a readable table;
  :func:`combine_patterns` joins sets made with different rules.
* :func:`schedule` — set covering (hard) or under/over penalties (soft) with HiGHS via
  ``scipy.optimize.milp``; the result reports status, dual bound, gap and solve time.
* :func:`coverage_table`, :func:`schedule_fill_rate` (排班满足率),
  :func:`schedule_efficiency` (排班效率) — measures that need no solve.
* :func:`roster` — named agents onto the chosen shifts with rest rules.
* :func:`adherence_table`, :func:`adherence_exceptions` — adherence (排班遵从度) and
  conformance (排班一致率) from agent-state logs against the schedule;
  :func:`adherence_snapshot` — who is out of adherence at one moment (real-time view).

Durations in seconds; clock times as 'HH:MM'; rates as fractions.
"""

from ccskills.scheduling._adherence import (ACTIVITY_OF_STATE, adherence_exceptions, adherence_snapshot,
                                            adherence_table)
from ccskills.scheduling._cover import ScheduleResult, schedule
from ccskills.scheduling._measures import coverage_table, schedule_efficiency, schedule_fill_rate
from ccskills.scheduling._patterns import (BreakRule, PatternSet, combine_patterns, days_off_patterns,
                                           planning_index, shift_patterns)
from ccskills.scheduling._roster import roster

__all__ = [
    "ACTIVITY_OF_STATE",
    "BreakRule",
    "PatternSet",
    "ScheduleResult",
    "adherence_exceptions",
    "adherence_snapshot",
    "adherence_table",
    "combine_patterns",
    "coverage_table",
    "days_off_patterns",
    "planning_index",
    "roster",
    "schedule",
    "schedule_efficiency",
    "schedule_fill_rate",
    "shift_patterns",
]
