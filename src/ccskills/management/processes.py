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

import pandas as pd

from .._validation import check_lang
from ._process_data_escalation import CROSS_DEPARTMENT, ESCALATION, ESCALATION_LEVELS, SLA_ROWS, EscalationLevel, SlaRow
from ._process_data_ops import BUSINESS_CHANGE, KNOWLEDGE, REPORTING
from ._process_data_people import RECRUITMENT, TRAINING
from ._process_model import (EXTERNAL_LANES, STEP_KINDS, Edge, Metric, Process, ProcessProblem, Step,
                             duration_text, lane_name)
from ._template import Template

__all__ = ["PROCESS_LIST", "process", "Process", "Step", "Edge", "Metric", "ProcessProblem", "EXTERNAL_LANES",
           "STEP_KINDS", "EscalationLevel", "ESCALATION_LEVELS", "SlaRow", "SLA_ROWS", "escalation_matrix",
           "sla_table", "steps_table", "metrics_table", "lane_name", "duration_text", "TEMPLATES"]

PROCESS_LIST = (RECRUITMENT, TRAINING, REPORTING, KNOWLEDGE, BUSINESS_CHANGE, ESCALATION, CROSS_DEPARTMENT)
_BY_ID = {p.id: p for p in PROCESS_LIST}
_KIND_NAMES = {"start": ("开始", "start"), "step": ("步骤", "step"), "decision": ("判断", "decision"),
               "end": ("结束", "end")}


def process(process_id: str) -> Process:
    """The kit's process with id ``process_id`` (see :data:`PROCESS_LIST`).

    >>> process("knowledge").owner
    'trainer'
    """
    if process_id not in _BY_ID:
        raise ValueError(f"process_id must be one of {list(_BY_ID)!r}, got {process_id!r}")
    return _BY_ID[process_id]


def _time(seconds, lang, as_text):
    return duration_text(seconds, lang) if as_text else (float("nan") if seconds is None else float(seconds))


def escalation_matrix(lang: str = "zh", *, as_text: bool = False) -> pd.DataFrame:
    """The escalation matrix: one row per level L1–L4 with trigger, who raises, who handles, who is
    informed, and the response and resolution limits — in seconds (NaN: under the crisis plan), or as
    words ("30 分钟") with ``as_text=True``.

    >>> escalation_matrix().iloc[:, [0, 3]].values.tolist()
    [['L1', '班组长'], ['L2', '运营主管'], ['L3', '运营总监'], ['L4', '公司管理层']]
    """
    check_lang(lang)
    zh = lang == "zh"
    unit = "" if as_text else ("(秒)" if zh else " (s)")
    head = (["级别", "触发条件", "升级人", "处理人", "知会", f"响应时限{unit}", f"解决时限{unit}"] if zh else
            ["Level", "Trigger", "Raised by", "Handled by", "Informed", f"Response within{unit}",
             f"Resolution within{unit}"])
    sep = "、" if zh else ", "
    rows = [[lv.level, lv.trigger_zh if zh else lv.trigger_en, lane_name(lv.raised_by, lang),
             lane_name(lv.handled_by, lang), sep.join(lane_name(x, lang) for x in lv.informed),
             _time(lv.response_s, lang, as_text),
             ("按危机预案" if zh else "per the crisis plan") if as_text and lv.resolution_s is None
             else _time(lv.resolution_s, lang, as_text)] for lv in ESCALATION_LEVELS]
    return pd.DataFrame(rows, columns=head)


def sla_table(lang: str = "zh", *, as_text: bool = False) -> pd.DataFrame:
    """The SLAs with other departments: request type, owner department, response and resolution
    limits (seconds, or words with ``as_text=True``).

    >>> sla_table("en", as_text=True).iloc[3].tolist()
    ['Website or system faults', 'IT', '30 min', '8 h']
    """
    check_lang(lang)
    zh = lang == "zh"
    unit = "" if as_text else ("(秒)" if zh else " (s)")
    head = (["请求类别", "责任部门", f"响应时限{unit}", f"解决时限{unit}"] if zh else
            ["Request type", "Owner department", f"Response within{unit}", f"Resolution within{unit}"])
    rows = [[r.request_zh if zh else r.request_en, r.department_zh if zh else r.department_en,
             _time(r.response_s, lang, as_text), _time(r.resolution_s, lang, as_text)] for r in SLA_ROWS]
    return pd.DataFrame(rows, columns=head)


def steps_table(proc: Process, lang: str = "zh") -> pd.DataFrame:
    """A process's steps: id, lane, kind, text, next steps (with branch labels), time limit as words."""
    check_lang(lang)
    zh = lang == "zh"
    head = (["编号", "泳道(角色)", "类型", "步骤", "下一步", "时限"] if zh else
            ["Id", "Lane (role)", "Kind", "Step", "Next", "Time limit"])
    rows = [[s.id, lane_name(s.lane, lang), _KIND_NAMES[s.kind][0 if zh else 1], s.text(lang),
             ("、" if zh else ", ").join(e.to + (f"({e.label(lang)})" if e.label(lang) else "") for e in s.next),
             duration_text(s.time_limit_s, lang) if s.time_limit_s else ""] for s in proc.steps]
    return pd.DataFrame(rows, columns=head)


def metrics_table(proc: Process, lang: str = "zh") -> pd.DataFrame:
    """A process's metrics: name, formula, target as words and source (the registry or this process)."""
    check_lang(lang)
    zh = lang == "zh"
    head = ["指标", "公式", "目标", "来源"] if zh else ["Metric", "Formula", "Target", "Source"]
    source = {True: ("指标库 kpi.REGISTRY", "kpi.REGISTRY"), False: ("本流程定义", "defined here")}
    rows = [[m.name(lang), m.formula(lang), m.target_text(lang), source[m.from_registry][0 if zh else 1]]
            for m in proc.metrics]
    return pd.DataFrame(rows, columns=head)


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
