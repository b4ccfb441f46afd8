"""Service KPIs from call records: volumes, abandonment, waits and service level.

All durations are in seconds and all rates are fractions 0..1. Definitions follow
the ICMI service-level note and the KPI table of ``reference/domain.md`` §1.1-1.3
(ICMI, "Service Level Calculations", QueueTips 2005; Call Centre Helper, "Service
level threshold calculations"):

- offered = answered + abandoned (queue level); blocked calls never entered the
  queue and are counted apart;
- a call is handled *within T* when ``wait_s <= T``;
- a *short abandon* is an abandoned call with ``wait_s <= short_abandon``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, NamedTuple

import pandas as pd

from ._records import check_threshold, queue_indicators, ratio, scalar, sums

__all__ = [
    "SERVICE_LEVEL_DEFINITIONS",
    "ServiceLevelDefinition",
    "service_level_definition",
    "CallCounts",
    "service_level",
    "service_level_by_definition",
    "call_counts",
    "answer_rate",
    "abandonment_rate",
    "blocked_rate",
    "average_speed_of_answer",
    "average_queue_time",
    "average_time_to_abandon",
]


@dataclass(frozen=True)
class ServiceLevelDefinition:
    """One way to count service level: name, formula in words, numerator and denominator."""

    name: str
    formula: str
    numerator: Callable[[pd.DataFrame], pd.Series]
    denominator: Callable[[pd.DataFrame], pd.Series]
    source: str

    def value(self, s: pd.DataFrame) -> pd.Series:
        """Service level from a frame of summed indicators (NaN where the denominator is 0)."""
        return ratio(self.numerator(s), self.denominator(s))


def _answered_within(s):
    return s["answered_within_t"]


_ICMI = "ICMI QueueTips 2005 / Call Centre Helper (domain.md §1.2)"
_DEFINITIONS = {
    d.name: d
    for d in (
        ServiceLevelDefinition(
            "offered",
            "answered within T / (answered + abandoned)",
            _answered_within,
            lambda s: s["offered"],
            _ICMI + ", definition 3: every abandon is a failure",
        ),
        ServiceLevelDefinition(
            "answered",
            "answered within T / answered",
            _answered_within,
            lambda s: s["answered"],
            _ICMI + ", definition 2: abandons ignored (not recommended)",
        ),
        ServiceLevelDefinition(
            "abandon_within_t_success",
            "(answered within T + abandoned within T) / (answered + abandoned)",
            lambda s: s["answered_within_t"] + s["abandoned_within_t"],
            lambda s: s["offered"],
            _ICMI + ", definition 1: abandons within T count as success",
        ),
        ServiceLevelDefinition(
            "abandon_after_t_only",
            "answered within T / (answered + abandoned after T)",
            _answered_within,
            lambda s: s["answered"] + s["abandoned"] - s["abandoned_within_t"],
            _ICMI + ", definition 4: only abandons after T count (Bright Pattern)",
        ),
        ServiceLevelDefinition(
            "exclude_short_abandons",
            "answered within T / (answered + abandoned - short abandons)",
            _answered_within,
            lambda s: s["offered"] - s["short_abandoned"],
            "domain.md §1.2 definition 5: short abandons (misdials) removed",
        ),
    )
}

#: The service-level definitions :func:`service_level` accepts, in the ICMI order of the lesson.
SERVICE_LEVEL_DEFINITIONS = tuple(_DEFINITIONS)


def service_level_definition(definition: str) -> ServiceLevelDefinition:
    """The :class:`ServiceLevelDefinition` called ``definition``, or ``ValueError`` naming the valid ones."""
    if definition not in _DEFINITIONS:
        valid = ", ".join(repr(d) for d in SERVICE_LEVEL_DEFINITIONS)
        raise ValueError(f"definition must be one of {valid}, got {definition!r}")
    return _DEFINITIONS[definition]


def _queue_sums(records, answer_time=20, short_abandon=5) -> pd.DataFrame:
    t = check_threshold("answer_time", answer_time)
    short = check_threshold("short_abandon", short_abandon)
    return sums(queue_indicators(records, t, short))


def service_level(records, answer_time=20, definition="offered", short_abandon=5) -> float:
    """Service level (服务水平) of a call-record table: share of calls handled within ``answer_time`` s.

    ``definition`` chooses who counts (T = ``answer_time``; "within T" is ``wait_s <= T``):

    - ``"offered"`` (default): answered within T / (answered + abandoned)
    - ``"answered"``: answered within T / answered
    - ``"abandon_within_t_success"``: (answered within T + abandoned within T) / offered
    - ``"abandon_after_t_only"``: answered within T / (answered + abandoned after T)
    - ``"exclude_short_abandons"``: answered within T / (offered - abandoned within
      ``short_abandon`` s)

    Source: ICMI, "Service Level Calculations" (QueueTips, March 2005), the four
    definitions on one data set; the fifth is domain.md §1.2. On the ICMI data
    (answered 1000, 860 within 20 s; abandoned 60, 20 within 20 s, 10 within 5 s)
    they give 81.1 %, 86.0 %, 83.0 %, 82.7 % and 81.9 %.

    Parameters: ``records`` with columns ``outcome`` and ``wait_s`` (seconds);
    ``answer_time`` and ``short_abandon`` in seconds (>= 0). Returns a fraction 0..1,
    NaN when the denominator is 0 (no calls).

    >>> calls = pd.DataFrame({"outcome": ["answered", "answered", "abandoned", "answered", "blocked"],
    ...                       "wait_s": [5, 30, 12, 20, 0]})
    >>> service_level(calls)                           # 2 answered within 20 s / 4 offered
    0.5
    >>> round(service_level(calls, definition="answered"), 3)   # 2 / 3 answered
    0.667
    """
    rule = service_level_definition(definition)
    return scalar(rule.value(_queue_sums(records, answer_time, short_abandon)))


def service_level_by_definition(records, answer_time=20, short_abandon=5) -> pd.DataFrame:
    """All five service-level definitions side by side for one table (the lesson's comparison).

    One row per name in :data:`SERVICE_LEVEL_DEFINITIONS` with columns ``formula``,
    ``numerator`` and ``denominator`` (call counts), ``service_level`` (fraction,
    NaN for a zero denominator) and ``source``. Formulas and source as in
    :func:`service_level`.

    >>> calls = pd.DataFrame({"outcome": ["answered", "answered", "abandoned", "abandoned"],
    ...                       "wait_s": [5, 30, 3, 40]})
    >>> service_level_by_definition(calls)["service_level"].round(3).tolist()
    [0.25, 0.5, 0.5, 0.333, 0.333]
    """
    s = _queue_sums(records, answer_time, short_abandon)
    rows = [
        {
            "definition": d.name,
            "formula": d.formula,
            "numerator": int(scalar(d.numerator(s))),
            "denominator": int(scalar(d.denominator(s))),
            "service_level": scalar(d.value(s)),
            "source": d.source,
        }
        for d in _DEFINITIONS.values()
    ]
    return pd.DataFrame(rows).set_index("definition")


class CallCounts(NamedTuple):
    """Call counts of a table: offered = answered + abandoned; blocked apart."""

    offered: int
    answered: int
    abandoned: int
    short_abandoned: int
    blocked: int


def call_counts(records, short_abandon=5) -> CallCounts:
    """Offered (来话量), answered (接通量), abandoned (放弃量), short abandons and blocked calls.

    offered = answered + abandoned; a short abandon is an abandoned call with
    ``wait_s <= short_abandon`` seconds; blocked calls (busy, queue full) never
    entered the queue and are not offered (domain.md §1.1, ICMI).

    >>> calls = pd.DataFrame({"outcome": ["answered", "abandoned", "abandoned", "blocked"],
    ...                       "wait_s": [5, 3, 40, 0]})
    >>> call_counts(calls)
    CallCounts(offered=3, answered=1, abandoned=2, short_abandoned=1, blocked=1)
    """
    s = _queue_sums(records, 0, short_abandon)
    return CallCounts(*(int(scalar(s[c])) for c in CallCounts._fields))


def _answer_rate(s):
    return ratio(s["answered"], s["offered"])


def _abandonment_rate(s):
    return ratio(s["abandoned"], s["offered"])


def _abandonment_rate_excl_short(s):
    return ratio(s["abandoned"] - s["short_abandoned"], s["offered"] - s["short_abandoned"])


def _blocked_rate(s):
    return ratio(s["blocked"], s["offered"] + s["blocked"])


def _asa(s):
    return ratio(s["wait_answered_s"], s["answered"])


def _average_queue_time(s):
    return ratio(s["wait_answered_s"] + s["wait_abandoned_s"], s["offered"])


def _average_time_to_abandon(s):
    return ratio(s["wait_abandoned_s"], s["abandoned"])


def answer_rate(records) -> float:
    """Answer rate (接通率) = answered / offered, a fraction (ICMI; domain.md §1.1: 1000/1060 = 94.3 %).

    >>> answer_rate(pd.DataFrame({"outcome": ["answered", "abandoned", "blocked"], "wait_s": [0, 9, 0]}))
    0.5
    """
    return scalar(_answer_rate(_queue_sums(records)))


def abandonment_rate(records, exclude_short_abandons=False, short_abandon=5) -> float:
    """Abandonment rate (放弃率) = abandoned / offered, a fraction.

    With ``exclude_short_abandons=True``: (abandoned - short) / (offered - short),
    where short abandons wait ``<= short_abandon`` s (domain.md §1.1 after Google
    CCAI's data dictionary; ICMI data: 60/1060 = 5.7 %, 50/1050 = 4.8 %).

    >>> calls = pd.DataFrame({"outcome": ["answered"] * 2 + ["abandoned"] * 2, "wait_s": [0, 0, 3, 40]})
    >>> abandonment_rate(calls), round(abandonment_rate(calls, exclude_short_abandons=True), 3)
    (0.5, 0.333)
    """
    if not isinstance(exclude_short_abandons, bool):
        raise ValueError(f"exclude_short_abandons must be True or False, got {exclude_short_abandons!r}")
    s = _queue_sums(records, 0, short_abandon)
    rate = _abandonment_rate_excl_short if exclude_short_abandons else _abandonment_rate
    return scalar(rate(s))


def blocked_rate(records) -> float:
    """Blocked rate (呼叫阻塞率) = blocked / (offered + blocked): share of attempts that got a busy signal.

    >>> blocked_rate(pd.DataFrame({"outcome": ["answered", "blocked", "abandoned", "answered"],
    ...                            "wait_s": [0, 0, 9, 4]}))
    0.25
    """
    return scalar(_blocked_rate(_queue_sums(records)))


def average_speed_of_answer(records) -> float:
    """ASA (平均应答速度) = sum of ``wait_s`` of answered calls / answered, in seconds (domain.md §1.3).

    Abandoned calls are left out (their waits are in :func:`average_time_to_abandon`);
    NaN when no call was answered.

    >>> average_speed_of_answer(pd.DataFrame({"outcome": ["answered", "answered", "abandoned"],
    ...                                       "wait_s": [10, 30, 100]}))
    20.0
    """
    return scalar(_asa(_queue_sums(records)))


def average_queue_time(records) -> float:
    """Average queue time (平均排队时长) = sum of ``wait_s`` of offered calls / offered, seconds (§1.3).

    >>> average_queue_time(pd.DataFrame({"outcome": ["answered", "answered", "abandoned"],
    ...                                  "wait_s": [10, 30, 110]}))
    50.0
    """
    return scalar(_average_queue_time(_queue_sums(records)))


def average_time_to_abandon(records) -> float:
    """Average time to abandon (平均放弃时间) = sum of ``wait_s`` of abandoned / abandoned, seconds (§1.3).

    >>> average_time_to_abandon(pd.DataFrame({"outcome": ["abandoned", "answered", "abandoned"],
    ...                                       "wait_s": [10, 30, 50]}))
    30.0
    """
    return scalar(_average_time_to_abandon(_queue_sums(records)))
