"""Contact-centre KPIs computed from call records (the service family for chapter 02).

Durations in seconds, rates as fractions 0..1. Every KPI is a ratio of sums of
per-call indicators, so :func:`summarize` gives the same numbers per interval,
day, queue or agent as the single-table functions give for the whole table.
Definitions the industry disagrees on are named parameters with a default:
service level (``definition``, five choices), the answer-time threshold
(``answer_time``, within T means ``wait_s <= T``) and short abandons
(``short_abandon``, ``wait_s <= short_abandon``). Sources: ICMI "Service Level
Calculations" (2005) and the KPI table in ``reference/domain.md`` §1.1-1.3.

Modules: ``service`` (volumes, abandonment, waits, service level), ``handling``
(talk, hold, ACW, AHT, transfers), ``customer`` (FCR, CSAT), ``summary`` (per grain).
"""

from .customer import csat_top2_box, first_contact_resolution_rate
from .handling import (
    average_after_call_work,
    average_handle_time,
    average_hold_time,
    average_talk_time,
    transfer_rate,
)
from .service import (
    SERVICE_LEVEL_DEFINITIONS,
    CallCounts,
    ServiceLevelDefinition,
    abandonment_rate,
    answer_rate,
    average_queue_time,
    average_speed_of_answer,
    average_time_to_abandon,
    blocked_rate,
    call_counts,
    service_level,
    service_level_by_definition,
    service_level_definition,
)
from .summary import SUMMARY_COUNTS, SUMMARY_RATIOS, summarize

__all__ = [
    "SERVICE_LEVEL_DEFINITIONS",
    "ServiceLevelDefinition",
    "service_level_definition",
    "service_level",
    "service_level_by_definition",
    "CallCounts",
    "call_counts",
    "answer_rate",
    "abandonment_rate",
    "blocked_rate",
    "average_speed_of_answer",
    "average_queue_time",
    "average_time_to_abandon",
    "average_talk_time",
    "average_hold_time",
    "average_after_call_work",
    "average_handle_time",
    "transfer_rate",
    "first_contact_resolution_rate",
    "csat_top2_box",
    "summarize",
    "SUMMARY_COUNTS",
    "SUMMARY_RATIOS",
]
