"""The processes as tables: the escalation matrix, the SLAs with other departments, a process's steps
and metrics (zh/en). Public through :mod:`ccskills.management.processes`; the Word and Excel
builders (:mod:`._process_docs`) read them from here.
"""

from __future__ import annotations

import pandas as pd

from .._validation import check_lang
from ._process_data_escalation import CROSS_DEPARTMENT, ESCALATION, ESCALATION_LEVELS, SLA_ROWS
from ._process_data_ops import BUSINESS_CHANGE, KNOWLEDGE, REPORTING
from ._process_data_people import RECRUITMENT, TRAINING
from ._process_model import Process, duration_text, lane_name

__all__ = ["PROCESS_LIST", "escalation_matrix", "sla_table", "steps_table", "metrics_table"]

#: The catalogue's seven processes, in its order.
PROCESS_LIST = (RECRUITMENT, TRAINING, REPORTING, KNOWLEDGE, BUSINESS_CHANGE, ESCALATION, CROSS_DEPARTMENT)
_KIND_NAMES = {"start": ("开始", "start"), "step": ("步骤", "step"), "decision": ("判断", "decision"),
               "end": ("结束", "end")}


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
