"""The management system (管理体系): culture, the three parts of the system, and their templates.

seeds/002 describes a centre's culture (核心价值 / 愿景 / 使命), four groups of strategic objectives
(customer, financial, internal operations, people) and a management system in three parts:
运作模式 (operating model), 战略经营计划 (strategic operating plan) and 绩效评审和提高方法
(performance review and improvement, DMAIC), audited once a year (CC-CMM). This module computes
what those need and lists the templates (:data:`TEMPLATES`, part "system"):

- :func:`strategic_objectives` and :func:`baseline_kpis`: objectives with registry KPIs, the
  simulated centre's baseline, target, owner and :func:`quarter_milestones`;
  :func:`objective_group` says which group a registry KPI belongs to;
- :func:`annual_fte_plan`: the next twelve months' calls, AHT and FTE from the interval history;
- :func:`audit_score`: the yearly audit checklist scored by weighted points per part;
- :func:`vendor_scores`: a system-selection checklist (ACD, IVR, CTI, CRM, WFM, QA, reporting)
  with weighted totals and the vendors failing a "must";
- :func:`daily_watch_list`: the standard indicators a 数字化管理专员 reads every day.

>>> [t.id for t in TEMPLATES]
['annual_plan', 'system_audit', 'system_selection', 'team_charter', 'culture_workshop']
>>> TEMPLATES[1].build("zh", False)[:2]
b'PK'
"""

from __future__ import annotations

from ._system_calc import (AUDIT_COLUMNS, REQUIREMENT_COLUMNS, AuditScore, FtePlan, VendorScores,
                           annual_fte_plan, audit_score, baseline_kpis, daily_watch_list,
                           objective_group, quarter_milestones, strategic_objectives, vendor_scores)
from ._system_data import (AUDIT_PARTS, AUDIT_SCALE, MUST_MINIMUM, OBJECTIVE_GROUPS, PRIORITIES,
                           VENDOR_SCALE)
from ._system_excel import SHEETS, annual_plan_xlsx, audit_frame, audit_xlsx, requirements_frame, selection_xlsx
from ._template import Template

__all__ = ["TEMPLATES", "OBJECTIVE_GROUPS", "AUDIT_PARTS", "AUDIT_SCALE", "AUDIT_COLUMNS", "PRIORITIES",
           "VENDOR_SCALE", "MUST_MINIMUM", "REQUIREMENT_COLUMNS", "SHEETS",
           "objective_group", "baseline_kpis", "quarter_milestones", "strategic_objectives",
           "FtePlan", "annual_fte_plan", "AuditScore", "audit_score", "audit_frame",
           "VendorScores", "vendor_scores", "requirements_frame", "daily_watch_list"]


def _charter(lang: str, filled: bool) -> bytes:
    from ._system_word import charter_docx  # python-docx (the apps extra) only when a Word file is built

    return charter_docx(lang, filled)


def _culture(lang: str, filled: bool) -> bytes:
    from ._system_word import culture_docx

    return culture_docx(lang, filled)


TEMPLATES = (
    Template("annual_plan", "system", "年度运营计划", "Annual operating plan", "xlsx", annual_plan_xlsx),
    Template("system_audit", "system", "管理体系年度审核", "Annual management-system audit", "xlsx", audit_xlsx),
    Template("system_selection", "system", "系统选型需求清单", "System selection checklist", "xlsx", selection_xlsx),
    Template("team_charter", "system", "团队章程", "Team charter", "docx", _charter),
    Template("culture_workshop", "system", "文化共创工作坊", "Culture workshop", "docx", _culture),
)
