"""Who a process step can belong to (the lanes: the seven roles and the lanes outside the centre),
the step kinds, and :class:`ProcessProblem`, the finding a process check reports.

Below both the process model and its checks, so that neither imports the other's module to know them.
"""

from __future__ import annotations

from typing import NamedTuple

from .._validation import check_lang
from .roles import ROLE_NAMES

__all__ = ["EXTERNAL_LANES", "STEP_KINDS", "ProcessProblem", "lane_name"]

#: Lanes outside the centre's seven roles: id → (zh, en).
EXTERNAL_LANES = {
    "customer": ("客户", "Customer"),
    "candidate": ("候选人", "Candidate"),
    "hr": ("人力资源部", "HR department"),
    "business": ("业务部门", "Business department"),
    "other_department": ("其他部门", "Other departments"),
    "management": ("公司管理层", "Senior management"),
    "system": ("系统", "System"),
}
#: Step kinds: start and end events, ordinary steps, decisions (two or more labelled branches).
STEP_KINDS = ("start", "step", "decision", "end")
_ROLES = {r.id: (r.name_zh, r.name_en) for r in ROLE_NAMES}
_LANES = {**_ROLES, **EXTERNAL_LANES}


def lane_name(lane: str, lang: str = "zh") -> str:
    """The name of a lane (a role id or an external lane id) in ``lang``.

    >>> lane_name("team_leader"), lane_name("customer", "en")
    ('班组长', 'Customer')
    """
    check_lang(lang)
    if lane not in _LANES:
        raise ValueError(f"lane must be a role id or one of {list(EXTERNAL_LANES)!r}, got {lane!r}")
    return _LANES[lane][0 if lang == "zh" else 1]


class ProcessProblem(NamedTuple):
    """One finding of :meth:`Process.check`: process id, step id (or None), rule, sentence zh/en."""

    process: str
    step: str | None
    rule: str
    message_zh: str
    message_en: str

    def message(self, lang: str = "zh") -> str:
        return self.message_zh if check_lang(lang) == "zh" else self.message_en
