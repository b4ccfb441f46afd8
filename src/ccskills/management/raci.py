"""RACI matrices (责任分配矩阵): who does, owns, advises and hears about each activity, checked by the kit.

A :class:`RaciMatrix` is a table of activities (rows) by roles (columns); each cell is
empty or one of the letters of :data:`CODES`:

* **R** responsible (执行): does the work;
* **A** accountable (批准/最终负责): owns the result and signs it off;
* **C** consulted (咨询): asked before, two-way;
* **I** informed (知会): told after, one-way;
* **R/A**: the accountable role also does the work (the one combination allowed; "A/R" is
  read as "R/A"). C and I never combine with another letter: C already implies being informed,
  and a role that does or owns the work is more than consulted.

:meth:`RaciMatrix.check` applies the well-known rules, as errors and warnings in zh/en
sentences that name the activity and the role:

* exactly one A per activity — none or two or more is an error (PMI, *PMBOK Guide*, 6th ed.,
  §9.1.2.2 "RACI chart": only one person is accountable for any one task, to avoid confusion
  over who owns it);
* at least one R per activity — an error (someone must do the work);
* a role with no R and no A anywhere — a warning (the "vertical analysis": the role is only
  consulted or informed, so it may not belong in the chart);
* an activity where every role has a letter, in a matrix of four roles or more — a warning
  (the "horizontal analysis": too many people involved slow the decision).

The two analyses follow Smith, M. L. & Erwin, J. (2005), "Role & Responsibility Charting
(RACI)", PMI Project Management Forum.

>>> m = RaciMatrix([Activity("hire", "面试与录用", "Interview and hire")],
...                [RoleName("tl", "班组长", "Team leader"), RoleName("sup", "运营主管", "Supervisor")],
...                {"hire": {"tl": "R", "sup": "a/r"}})
>>> m.code("hire", "sup"), m.ok
('R/A', True)
>>> [p.rule for p in RaciMatrix(m.activities, m.roles, {"hire": {"tl": "R", "sup": "R"}}).check()]
['no_accountable']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd

from .._validation import check_lang

__all__ = ["CODES", "SEVERITIES", "Activity", "RoleName", "RaciProblem", "RaciMatrix"]

#: Cell codes: zh name, en name, zh meaning, en meaning.
CODES = {
    "R": ("执行", "Responsible", "做这件事的人;可以有多个", "Does the work; there may be several"),
    "A": ("批准/最终负责", "Accountable", "对结果负最终责任并批准;每项活动恰好一个",
          "Owns the result and signs it off; exactly one per activity"),
    "C": ("咨询", "Consulted", "事前征求意见(双向沟通)", "Asked for input before (two-way)"),
    "I": ("知会", "Informed", "事后通知结果(单向沟通)", "Told of the result after (one-way)"),
    "R/A": ("执行并最终负责", "Responsible and accountable", "最终负责人同时亲自执行",
            "The accountable role also does the work"),
}
_ALIASES = {"A/R": "R/A"}
_CROWD = 4  # roles from which "every role has a letter" is a warning
#: Problem severities (zh, en).
SEVERITIES = {"error": ("错误", "error"), "warning": ("警告", "warning")}


class Activity(NamedTuple):
    """One row of a RACI matrix: id, names (zh, en) and the process it belongs to (zh, en)."""

    id: str
    name_zh: str
    name_en: str
    process_zh: str = ""
    process_en: str = ""

    def name(self, lang: str = "zh") -> str:
        return self.name_zh if check_lang(lang) == "zh" else self.name_en

    def process(self, lang: str = "zh") -> str:
        return self.process_zh if check_lang(lang) == "zh" else self.process_en


class RoleName(NamedTuple):
    """One column of a RACI matrix: role id and names (zh, en)."""

    id: str
    name_zh: str
    name_en: str

    def name(self, lang: str = "zh") -> str:
        return self.name_zh if check_lang(lang) == "zh" else self.name_en


class RaciProblem(NamedTuple):
    """One finding of :meth:`RaciMatrix.check`: severity, rule, where, and the sentence in zh/en."""

    severity: str
    rule: str
    activity: str | None
    roles: tuple[str, ...]
    message_zh: str
    message_en: str

    def message(self, lang: str = "zh") -> str:
        return self.message_zh if check_lang(lang) == "zh" else self.message_en


def _normalise(value, activity: str, role: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        code = value.strip().upper().replace(" ", "")
        code = _ALIASES.get(code, code)
        if code == "" or code in CODES:
            return code
    raise ValueError(f"cells[{activity!r}][{role!r}] must be one of R, A, C, I, R/A or empty, "
                     f"got {value!r}")


def _unique_ids(name: str, items) -> None:
    ids = [item.id for item in items]
    if not ids:
        raise ValueError(f"{name} must hold at least one entry, got none")
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise ValueError(f"{name} ids must be distinct, got {repeated[0]!r} more than once")


@dataclass(frozen=True)
class RaciMatrix:
    """Activities × roles with R/A/C/I cells (see the module notes for codes and rules).

    ``cells`` maps activity id → role id → code; missing entries, None and "" are empty.
    Codes are read case-insensitively, "A/R" as "R/A"; anything else, or an activity or role
    id not in ``activities`` / ``roles``, is a ValueError naming it.
    """

    activities: tuple[Activity, ...]
    roles: tuple[RoleName, ...]
    cells: Mapping[str, Mapping[str, str]]

    def __post_init__(self):
        activities = tuple(Activity(*a) for a in self.activities)
        roles = tuple(RoleName(*r) for r in self.roles)
        _unique_ids("activities", activities)
        _unique_ids("roles", roles)
        role_ids = [r.id for r in roles]
        unknown = [a for a in self.cells if a not in {x.id for x in activities}]
        if unknown:
            raise ValueError(f"cells activity must be one of the activities, got {unknown[0]!r}")
        grid = {}
        for a in activities:
            row = self.cells.get(a.id, {})
            extra = [r for r in row if r not in role_ids]
            if extra:
                raise ValueError(f"cells[{a.id!r}] role must be one of the roles, got {extra[0]!r}")
            grid[a.id] = {r: _normalise(row.get(r), a.id, r) for r in role_ids}
        object.__setattr__(self, "activities", activities)
        object.__setattr__(self, "roles", roles)
        object.__setattr__(self, "cells", grid)

    def code(self, activity: str, role: str) -> str:
        """The cell of ``activity`` and ``role`` ("" when empty)."""
        return self.cells[activity][role]

    def holders(self, activity: str, letter: str) -> tuple[str, ...]:
        """Role ids whose cell in ``activity`` includes ``letter`` ("R" counts "R/A" too)."""
        return tuple(r.id for r in self.roles if letter in self.cells[activity][r.id].split("/"))

    def blank(self) -> RaciMatrix:
        """The same activities and roles with every cell empty (a template to fill in)."""
        return RaciMatrix(self.activities, self.roles, {})

    def table(self, lang: str = "zh") -> pd.DataFrame:
        """One row per activity: process, activity, then one column per role (its name in ``lang``)."""
        check_lang(lang)
        head = ("流程", "活动") if lang == "zh" else ("Process", "Activity")
        rows = [[a.process(lang), a.name(lang)] + [self.cells[a.id][r.id] for r in self.roles]
                for a in self.activities]
        return pd.DataFrame(rows, columns=[*head, *(r.name(lang) for r in self.roles)])

    @property
    def ok(self) -> bool:
        """True when :meth:`check` finds no error (warnings allowed)."""
        return not any(p.severity == "error" for p in self.check())

    def check(self) -> tuple[RaciProblem, ...]:
        """Every rule broken, activities in order first, then roles (see the module notes)."""
        found = [p for a in self.activities for p in self._check_activity(a)]
        return tuple(found + [p for r in self.roles for p in self._check_role(r)])

    def _names(self, role_ids, lang):
        names = {r.id: r.name(lang) for r in self.roles}
        return ("、" if lang == "zh" else ", ").join(names[i] for i in role_ids)

    def _check_activity(self, a: Activity):
        accountable, responsible = self.holders(a.id, "A"), self.holders(a.id, "R")
        if not accountable:
            yield RaciProblem("error", "no_accountable", a.id, (),
                              f"活动“{a.name_zh}”没有 A(最终负责人):每项活动必须恰好有一个 A。",
                              f"Activity '{a.name_en}' has no A (accountable): every activity "
                              "needs exactly one.")
        elif len(accountable) > 1:
            n = len(accountable)
            yield RaciProblem("error", "several_accountable", a.id, accountable,
                              f"活动“{a.name_zh}”有 {n} 个 A({self._names(accountable, 'zh')}):"
                              "每项活动只能有一个 A。",
                              f"Activity '{a.name_en}' has {n} A's ({self._names(accountable, 'en')}): "
                              "only one role may be accountable.")
        if not responsible:
            yield RaciProblem("error", "no_responsible", a.id, (),
                              f"活动“{a.name_zh}”没有 R(执行人):至少要有一个角色做这件事。",
                              f"Activity '{a.name_en}' has no R (responsible): at least one role "
                              "must do the work.")
        if len(self.roles) >= _CROWD and all(self.cells[a.id].values()):
            yield RaciProblem("warning", "everyone_involved", a.id, (),
                              f"活动“{a.name_zh}”每个角色都有字母:参与的人太多会拖慢决定,"
                              "看看哪些 C、I 可以去掉。",
                              f"Activity '{a.name_en}' has a letter for every role: too many people "
                              "involved slow the decision; see which C's and I's can go.")

    def _check_role(self, r: RoleName):
        if not any(r.id in self.holders(a.id, "R") + self.holders(a.id, "A") for a in self.activities):
            yield RaciProblem("warning", "role_without_work", None, (r.id,),
                              f"角色“{r.name_zh}”在所有活动中都没有 R 或 A:这个岗位只被咨询或知会,"
                              "确认它是否应在矩阵中。",
                              f"Role '{r.name_en}' has no R or A in any activity: it is only consulted "
                              "or informed; check that it belongs in the matrix.")
