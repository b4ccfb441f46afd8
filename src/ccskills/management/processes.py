"""The processes part (流程) of the operating system: seven process maps, checked, drawn and exported.

:data:`PROCESS_LIST` holds the catalogue's processes as :class:`Process` data — 招聘 recruitment,
培训 training, 报表 reporting, 知识管理 knowledge management, 业务管理 business change, 问题升级
escalation and 跨部门 cross-department handling — each with purpose, scope, owner (the A of its
activity in the kit's RACI matrix), SIPOC, steps in swimlanes with time limits, and metrics
(registry indicators or defined ones with their formulas). :func:`escalation_matrix` and
:func:`sla_table` are the escalation levels L1–L4 and the SLAs with other departments as tables;
:func:`steps_table` and :func:`metrics_table` are a process's steps and metrics.
:data:`TEMPLATES` lists the Word file of each process (with its swimlane map) and the Excel
workbooks; the map itself is :func:`ccskills.management._swimlane.process_map_png`.

>>> [p.id for p in PROCESS_LIST]
['recruitment', 'training', 'reporting', 'knowledge', 'business_change', 'escalation', 'cross_department']
>>> all(p.check() == () for p in PROCESS_LIST)
True
>>> escalation_matrix("en", as_text=True).loc[0, ["Level", "Handled by", "Response within"]].tolist()
['L1', 'Team leader', '5 min']
"""

from __future__ import annotations

from ._process_data_escalation import ESCALATION_LEVELS, SLA_ROWS, EscalationLevel, SlaRow
from ._process_model import (EXTERNAL_LANES, STEP_KINDS, Edge, Metric, Process, ProcessProblem, Step,
                             duration_text, lane_name)
from ._process_tables import PROCESS_LIST, escalation_matrix, metrics_table, sla_table, steps_table
from ._template import Template

__all__ = ["PROCESS_LIST", "process", "Process", "Step", "Edge", "Metric", "ProcessProblem", "EXTERNAL_LANES",
           "STEP_KINDS", "EscalationLevel", "ESCALATION_LEVELS", "SlaRow", "SLA_ROWS", "escalation_matrix",
           "sla_table", "steps_table", "metrics_table", "lane_name", "duration_text", "TEMPLATES"]

_BY_ID = {p.id: p for p in PROCESS_LIST}


def process(process_id: str) -> Process:
    """The kit's process with id ``process_id`` (see :data:`PROCESS_LIST`).

    >>> process("knowledge").owner
    'trainer'
    """
    if process_id not in _BY_ID:
        raise ValueError(f"process_id must be one of {list(_BY_ID)!r}, got {process_id!r}")
    return _BY_ID[process_id]


def _word(process_id: str):
    def build(lang: str, filled: bool) -> bytes:
        from ._process_docs import process_docx

        return process_docx(process(process_id), lang, filled)
    return build


def _excel(name: str):
    def build(lang: str, filled: bool) -> bytes:
        from . import _process_docs

        return getattr(_process_docs, name)(lang, filled)
    return build


TEMPLATES = tuple(Template(f"process_{p.id}", "processes", p.name_zh, p.name_en, "docx", _word(p.id))
                  for p in PROCESS_LIST) + (
    Template("process_steps", "processes", "流程步骤表(全部流程)", "Process steps (all processes)", "xlsx",
             _excel("steps_excel")),
    Template("escalation_matrix", "processes", "问题升级矩阵", "Escalation matrix", "xlsx", _excel("escalation_excel")),
    Template("cross_department_sla", "processes", "跨部门服务水平协议(SLA)", "Cross-department SLAs", "xlsx",
             _excel("sla_excel")),
)
