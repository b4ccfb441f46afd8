"""The data model of a process (流程): steps in lanes, SIPOC, metrics, and the checks the kit applies.

A :class:`Process` is built from :class:`Step` s (each in a lane: a role of
:data:`~ccskills.management.ROLE_NAMES` or an external lane of :data:`EXTERNAL_LANES`), its SIPOC
lists and its :class:`Metric` s. Data that cannot be drawn at all (a next step that does not exist,
an unknown lane or kind, two steps with one id) is a ValueError at construction that names the
process and the step; :meth:`Process.check` reports the rest as :class:`ProcessProblem` s: a
single start, at least one end, every step reachable from the start and able to reach an end,
decisions with two or more labelled branches, and agreement with the kit's RACI matrix (the owner
is the A of the process's activity; a step tied to an activity sits in the lane of a role with
R or A there).

>>> p = Process("demo", "演示", "Demo", owner="supervisor", steps=(
...     Step("s", "开始", "Start", "customer", "start", ("e",)),
...     Step("e", "结束", "End", "agent", "end")))
>>> p.check(), p.step("s").next[0].to
((), 'e')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from .._validation import check_lang
from ._process_lanes import _LANES, _ROLES, EXTERNAL_LANES, STEP_KINDS, ProcessProblem, lane_name

__all__ = ["EXTERNAL_LANES", "STEP_KINDS", "Edge", "Step", "Metric", "Process", "ProcessProblem",
           "lane_name", "duration_text"]

def duration_text(seconds: float | None, lang: str = "zh") -> str:
    """A time limit as words: whole days, hours or minutes when exact, else seconds; None → "—".

    >>> duration_text(2 * 86400), duration_text(1800, "en"), duration_text(90), duration_text(None)
    ('2 天', '30 min', '90 秒', '—')
    """
    check_lang(lang)
    if seconds is None:
        return "—"
    for size, zh, en in ((86400, "天", "d"), (3600, "小时", "h"), (60, "分钟", "min"), (1, "秒", "s")):
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)} {zh if lang == 'zh' else en}"
    return f"{seconds:g} {'秒' if lang == 'zh' else 's'}"


class Edge(NamedTuple):
    """An arrow to step ``to``; decisions label their branches (zh, en)."""

    to: str
    label_zh: str = ""
    label_en: str = ""

    def label(self, lang: str = "zh") -> str:
        return self.label_zh if check_lang(lang) == "zh" else self.label_en


@dataclass(frozen=True)
class Step:
    """One box of a process map: id, text (zh, en), lane, kind, next steps, time limit (seconds).

    ``next`` holds :class:`Edge` s or plain step ids; ``activity`` optionally names the RACI
    activity (of :func:`~ccskills.management.default_raci`) the step carries out.
    """

    id: str
    text_zh: str
    text_en: str
    lane: str
    kind: str = "step"
    next: tuple = ()
    time_limit_s: float | None = None
    activity: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in STEP_KINDS:
            raise ValueError(f"step {self.id!r}: kind must be one of {list(STEP_KINDS)!r}, got {self.kind!r}")
        if self.time_limit_s is not None and not (self.time_limit_s > 0):
            raise ValueError(f"step {self.id!r}: time_limit_s must be positive seconds or None, "
                             f"got {self.time_limit_s!r}")
        edges = tuple(Edge(e) if isinstance(e, str) else Edge(*e) for e in self.next)
        object.__setattr__(self, "next", edges)

    def text(self, lang: str = "zh") -> str:
        return self.text_zh if check_lang(lang) == "zh" else self.text_en


@dataclass(frozen=True)
class Metric:
    """A process metric: a :data:`ccskills.kpi.REGISTRY` id (name, formula and target read from the
    registry, never restated), or a metric defined here with its name, formula, unit, direction and
    target. Units: "fraction" (0..1), "seconds", "count"; direction "higher", "lower" or None."""

    id: str
    name_zh: str = ""
    name_en: str = ""
    formula_zh: str = ""
    formula_en: str = ""
    unit: str = ""
    direction: str | None = None
    target: float | None = None

    def __post_init__(self) -> None:
        own = (self.name_zh, self.name_en, self.formula_zh, self.formula_en, self.unit)
        if self.from_registry:
            if any(own) or self.target is not None or self.direction is not None:
                raise ValueError(f"metric {self.id!r} is a registry indicator: its name, formula and "
                                 f"target come from ccskills.kpi.REGISTRY, got a definition as well")
        elif not all(own) or self.unit not in ("fraction", "seconds", "count"):
            raise ValueError(f"metric {self.id!r} must be a registry id or define names, formulas and "
                             f"a unit of fraction/seconds/count, got unit {self.unit!r}")

    @property
    def from_registry(self) -> bool:
        from ..kpi import REGISTRY

        return self.id in REGISTRY

    def _field(self, name: str):
        from ..kpi import REGISTRY

        return getattr(REGISTRY[self.id], name) if self.from_registry else getattr(self, name)

    def name(self, lang: str = "zh") -> str:
        return self._field("name_zh" if check_lang(lang) == "zh" else "name_en")

    def formula(self, lang: str = "zh") -> str:
        return self._field("formula_zh" if check_lang(lang) == "zh" else "formula_en")

    def target_text(self, lang: str = "zh") -> str:
        """The target as words: "≥ 95.0 %", "≤ 30 天", "75.0 %–85.0 %", or "—" (no target)."""
        check_lang(lang)
        target, unit, direction = self._field("target"), self._field("unit"), self._field("direction")
        if target is None:
            return "—"
        if isinstance(target, tuple):
            return "–".join(_value_text(t, unit, lang) for t in target)
        sign = {"higher": "≥ ", "lower": "≤ "}.get(direction, "")
        return sign + _value_text(target, unit, lang)


def _value_text(value: float, unit: str, lang: str) -> str:
    if unit == "fraction":
        return f"{100 * value:.1f} %"
    if unit == "seconds":
        return duration_text(value, lang)
    return f"{value:g}"


Pair = tuple[str, str]


@dataclass(frozen=True)
class Process:
    """A process: names, purpose and scope (zh, en), owner role, RACI activity, SIPOC, steps, metrics.

    ``suppliers``, ``inputs``, ``outputs`` and ``customers`` are tuples of (zh, en) pairs;
    ``raci_activity`` is the activity of the kit's RACI matrix whose A must be the ``owner``
    (None for a process the matrix does not hold); ``review`` says how often it is reviewed.
    """

    id: str
    name_zh: str
    name_en: str
    owner: str
    steps: tuple[Step, ...]
    purpose: Pair = ("", "")
    scope: Pair = ("", "")
    raci_activity: str | None = None
    suppliers: tuple[Pair, ...] = ()
    inputs: tuple[Pair, ...] = ()
    outputs: tuple[Pair, ...] = ()
    customers: tuple[Pair, ...] = ()
    metrics: tuple[Metric, ...] = ()
    review: Pair = ("每年复核一次;业务、组织或系统变化时随时修订",
                    "Reviewed yearly, and whenever the business, organisation or systems change")

    def __post_init__(self) -> None:
        if self.owner not in _ROLES:
            raise ValueError(f"process {self.id!r}: owner must be a role id of ROLE_NAMES, got {self.owner!r}")
        object.__setattr__(self, "steps", tuple(self.steps))
        object.__setattr__(self, "metrics", tuple(self.metrics))
        from ._process_checks import structure_problems

        problems = structure_problems(self)
        if problems:
            raise ValueError(problems[0].message_en)

    def name(self, lang: str = "zh") -> str:
        return self.name_zh if check_lang(lang) == "zh" else self.name_en

    def step(self, step_id: str) -> Step:
        """The step with id ``step_id``."""
        for s in self.steps:
            if s.id == step_id:
                return s
        raise ValueError(f"step_id must be a step of process {self.id!r}, got {step_id!r}")

    def lanes(self) -> tuple[str, ...]:
        """The lanes the steps use, in the order the steps first enter them (the start's lane on top)."""
        return tuple(dict.fromkeys(s.lane for s in self.steps))

    def check(self) -> tuple[ProcessProblem, ...]:
        """Every rule broken (see the module notes); an empty tuple for a sound process."""
        from ._process_checks import flow_problems, raci_problems

        return tuple(flow_problems(self)) + tuple(raci_problems(self))

    def sipoc(self, lang: str = "zh"):
        """The SIPOC table: suppliers, inputs, process (the steps in order), outputs, customers."""
        import pandas as pd

        check_lang(lang)
        i = 0 if lang == "zh" else 1
        columns = {"供应方 Suppliers": self.suppliers, "输入 Inputs": self.inputs,
                   "流程 Process": tuple((s.text_zh, s.text_en) for s in self.steps if s.kind != "end"),
                   "输出 Outputs": self.outputs, "客户 Customers": self.customers}
        rows = max(len(v) for v in columns.values())
        return pd.DataFrame({(k if lang == "zh" else k.split(" ")[1]): [v[r][i] if r < len(v) else "" for r in range(rows)]
                             for k, v in columns.items()})
