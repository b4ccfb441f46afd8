"""The management track (issue 16): rules, processes, roles, floor system and management system.

What a manager takes home is a template: a Word or Excel file, pre-filled from the kit's simulated
centre as a worked example, or blank (:mod:`.catalogue`, :func:`write_templates`, ``python -m
ccskills templates``). Behind them is data the kit checks: the RACI matrix (:class:`RaciMatrix`,
exactly one A per activity), the role documents (:data:`ROLE_PROFILES`), the process maps
(:data:`PROCESS_LIST`, each checked for reachable steps and an owner who is the RACI's A), the
escalation matrix, the nine floor elements, and the management-system audit and system selection
scores (:func:`audit_score`, :func:`vendor_scores`).

The RACI and role names import with a core install; the names that write Word files (python-docx,
the ``apps`` extra) load on first use, so ``import ccskills.management`` stays cheap.
"""

from __future__ import annotations

import importlib

from ._default_raci import PROCESSES, default_raci
from ._excel import RULES, raci_excel, role_kpi_table, roles_excel
from ._template import PARTS, Template
from .raci import CODES, SEVERITIES, Activity, RaciMatrix, RaciProblem, RoleName
from .roles import ROLE_NAMES, ROLE_PROFILES, RoleProfile, profile

#: Public names loaded on first use: name → module of this package.
_LAZY = {
    **dict.fromkeys(("catalogue_table", "template", "template_ids", "write_templates",
                     "templates_zip", "INDEX_NAME"), "catalogue"),
    **dict.fromkeys(("RULE_IDS", "rule_document", "rule_figures"), "rules"),
    **dict.fromkeys(("PROCESS_LIST", "Process", "process", "escalation_matrix", "sla_table"), "processes"),
    **dict.fromkeys(("role_document", "blank_roles_excel"), "role_documents"),
    **dict.fromkeys(("FLOOR_ELEMENTS", "floor_elements_table", "handover_record", "pre_shift_agenda",
                     "surge_table"), "floor"),
    **dict.fromkeys(("audit_score", "vendor_scores", "annual_fte_plan", "strategic_objectives", "baseline_kpis",
                     "objective_group", "daily_watch_list"), "system"),
}

__all__ = [
    "RaciMatrix", "RaciProblem", "Activity", "RoleName", "CODES", "SEVERITIES", "RULES",
    "default_raci", "PROCESSES", "raci_excel",
    "ROLE_NAMES", "ROLE_PROFILES", "RoleProfile", "profile", "roles_excel", "role_kpi_table",
    "PARTS", "Template", "main", *_LAZY,
]


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main(argv: list[str] | None = None) -> int:
    """``python -m ccskills templates``: write the templates (see :mod:`ccskills.management._cli`)."""
    from ._cli import main as templates

    return templates(argv)
