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
Beyond the call records: ``registry`` (every indicator: names zh/en, family, formula,
unit, direction, target, definition variants), ``survey`` (NPS, CES), ``workforce``
(occupancy, utilisation, shrinkage from agent-state time), ``cost`` (cost per contact
and per productive hour), ``status`` (red/amber/green against targets) and ``compute``
(every registered KPI at any grain from one call), ``reports`` (daily/weekly/monthly
report tables and the what-changed view), ``tree`` (the indicator tree of chapter 02: results, direct and
indirect drivers, process measures, and walking a branch between two periods), ``schema`` (the call-record and agent table
contract) and ``upload`` (a centre's own call-record export, Chinese headers and words, read
into that contract with errors naming the column and rows).
"""

from .compute import COMPUTED_INDICATORS, compute, compute_grains
from .cost import (agent_pay_per_paid_hour, cost_breakdown, cost_per_contact,
                   cost_per_contact_factors, cost_per_productive_hour,
                   productive_hours_from_shrinkage, total_cost)
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
from .reports import (REPORT_INDICATORS, WHAT_CHANGED_INDICATORS, Report, explain_change, kpi_report,
                      what_changed)
from .registry import FAMILIES, REGISTRY, Indicator, Variant, indicator, registry_table
from .status import STATUSES, Target, rag_status, resolve_targets
from .summary import SUMMARY_COUNTS, SUMMARY_RATIOS, summarize
from .schema import AGENT_COLUMNS, CALL_RECORD_COLUMNS, validate_agents, validate_call_records
from .survey import CES_DEFINITIONS, customer_effort_score, net_promoter_score
from .tree import (BIG_SERVICE_INDICATORS, LEVEL_NAMES, LEVEL_OWNERS, LEVELS, TREE_EDGES, TREE_LEVELS, Edge,
                   affected_by, check_tree, drivers_of, indicator_level, indicator_tree, level_table,
                   small_service_indicators, walk_branch)
from .upload import (CALL_OUTCOME_ALIASES, CALL_RECORDS_ALIASES, MAX_CALL_SECONDS, UNANSWERED_WORDS,
                     read_call_records)
from .workforce import (OCCUPANCY_DEFINITIONS, PRODUCTIVE_HOURS_DEFINITIONS, SHRINKAGE_DEFINITIONS,
                        UTILISATION_DEFINITIONS, occupancy_rate, productive_hours, shrinkage_rate,
                        utilisation_rate)

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
    "REGISTRY",
    "FAMILIES",
    "Indicator",
    "Variant",
    "indicator",
    "registry_table",
    "compute",
    "compute_grains",
    "COMPUTED_INDICATORS",
    "STATUSES",
    "Target",
    "rag_status",
    "resolve_targets",
    "net_promoter_score",
    "customer_effort_score",
    "CES_DEFINITIONS",
    "occupancy_rate",
    "utilisation_rate",
    "shrinkage_rate",
    "productive_hours",
    "OCCUPANCY_DEFINITIONS",
    "UTILISATION_DEFINITIONS",
    "SHRINKAGE_DEFINITIONS",
    "PRODUCTIVE_HOURS_DEFINITIONS",
    "agent_pay_per_paid_hour",
    "cost_breakdown",
    "cost_per_contact",
    "cost_per_contact_factors",
    "cost_per_productive_hour",
    "productive_hours_from_shrinkage",
    "total_cost",
    "Report",
    "kpi_report",
    "REPORT_INDICATORS",
    "what_changed",
    "explain_change",
    "WHAT_CHANGED_INDICATORS",
    "CALL_RECORD_COLUMNS",
    "AGENT_COLUMNS",
    "validate_call_records",
    "validate_agents",
    "read_call_records",
    "CALL_RECORDS_ALIASES",
    "CALL_OUTCOME_ALIASES",
    "UNANSWERED_WORDS",
    "MAX_CALL_SECONDS",
    "Edge",
    "LEVELS",
    "LEVEL_NAMES",
    "LEVEL_OWNERS",
    "BIG_SERVICE_INDICATORS",
    "TREE_EDGES",
    "TREE_LEVELS",
    "check_tree",
    "indicator_level",
    "indicator_tree",
    "drivers_of",
    "affected_by",
    "small_service_indicators",
    "level_table",
    "walk_branch",
]
