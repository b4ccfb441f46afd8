"""Staffing: from calls and AHT per interval to agents, headcount, hours, FTE and cost.

Core layer: plain functions over numbers, numpy arrays and pandas objects (no widgets).
Durations in seconds; shrinkage as a fraction of paid time not available for calls.

* :mod:`ccskills.staffing._requirements` — agents per interval, headcount after
  shrinkage, staff-hours, FTE, pooling and AHT-saving helpers (chapter 02).
* :mod:`ccskills.staffing._plan` — staffing plans over a forecast: required agents,
  shrinkage, scheduled FTE and cost per interval, daily/weekly summaries, scenarios
  and an Excel report (chapter 05).
"""

from ccskills.staffing._requirements import (
    DAYS_PER_YEAR,
    HOURS_PER_FTE,
    AhtSaving,
    PoolingEffect,
    agent_hours,
    aht_reduction_saving,
    full_time_equivalents,
    pooling_effect,
    required_agents,
    scheduled_headcount,
    staffing_by_load,
)
from ccskills.staffing._plan import (PlanSettings, StaffingPlan, compare_scenarios,
                                     interval_seconds, plan_staffing)

__all__ = ["scheduled_headcount", "required_agents", "agent_hours", "staffing_by_load",
           "PoolingEffect", "pooling_effect", "full_time_equivalents", "AhtSaving",
           "aht_reduction_saving", "HOURS_PER_FTE", "DAYS_PER_YEAR",
           "plan_staffing", "StaffingPlan", "PlanSettings", "compare_scenarios", "interval_seconds"]
