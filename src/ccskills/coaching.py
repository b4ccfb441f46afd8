"""Coaching (辅导): SMART improvement plans and their checker, plan tracking, GROW and coaching records.

- :class:`SmartPlan` is an improvement plan as data; :func:`check_smart` says which
  SMART letter fails and why, in Chinese and English (Doran 1981, *Management Review*;
  the common reading Specific, Measurable, Achievable, Relevant, Time-bound,
  reference/domain.md §4 [82]). The rules are this kit's, documented on
  :func:`check_smart`; a trainer still judges what a rule cannot.
- :func:`plan_trajectory` compares actual results with the straight path from
  baseline to target and flags each check-in on or off track.
- :class:`GrowConversation` (GROW: Goal, Reality, Options, Will; Whitmore 1992 [78][79],
  plus a follow-up date, the "T" of GROWT [89]), :class:`CoachingRecord` (developmental
  five steps or corrective steps) and :class:`FollowUp` validate what a coach writes down.
- :func:`targets_from_qa` turns "points lost per QA item per agent" into plan targets.

Every KPI value is in the unit of its KPI id (seconds for ``*_s``, fractions for rates).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import numbers
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .kpi._records import check_records, raise_bad_rows
from ._validation import check_lang

__all__ = [
    "kpi_directions", "kpi_direction", "kpi_name", "VAGUE_WORDS",
    "SMART_LETTERS", "SmartPlan", "SmartVerdict", "SmartCheck", "check_smart", "top_quartile_level",
    "peer_table",
    "plan_trajectory", "GROW_STEPS", "GROW_TIME_SPLIT", "grow_agenda", "GrowConversation",
    "DEVELOPMENTAL_STEPS", "CORRECTIVE_STEPS", "CoachingRecord", "FollowUp", "records_table",
    "targets_from_qa",
]

_COACHING_KPIS = {"qa_points_lost": -1}  # mean QA points lost per evaluation (targets_from_qa)


def kpi_directions() -> dict:
    """Every KPI id a plan may name -> +1 (higher is better) or -1 (lower is better).

    The ids with a direction ("higher" or "lower") in ``ccskills.kpi.registry.REGISTRY``,
    plus ``qa_points_lost``.
    """
    from .kpi.registry import REGISTRY

    found = {k: {"higher": 1, "lower": -1}.get(i.direction) for k, i in REGISTRY.items()}
    return {**{k: v for k, v in found.items() if v}, **_COACHING_KPIS}


def kpi_name(kpi: str, lang: str = "zh") -> str:
    """The name a participant reads for a KPI id: the registry's (平均处理时长 for ``aht_s``), the
    coaching KPIs' own, or the text itself when it is no known id (a plan may name anything).

    >>> kpi_name("fcr_rate"), kpi_name("aht_s", "en"), kpi_name("微笑服务")
    ('一次解决率', 'Average handle time (AHT)', '微笑服务')
    """
    from .kpi.display import label

    return label(kpi, lang)


def kpi_direction(kpi: str) -> int:
    """+1 if a higher value of ``kpi`` is better, -1 if lower is better.

    >>> kpi_direction("aht_s"), kpi_direction("fcr_rate")
    (-1, 1)
    """
    directions = kpi_directions()
    if kpi not in directions:
        raise ValueError(f"kpi must be one of {sorted(directions)!r}, got {kpi!r}")
    return directions[kpi]


#: Words that carry no observable behaviour on their own (zh/en). A behaviour made only of
#: these (plus punctuation and fewer than 3 other characters) counts as vague.
VAGUE_WORDS = (
    "努力", "加油", "提高", "提升", "改善", "改进", "加强", "注意", "服务", "意识", "态度", "质量", "水平",
    "更加", "更", "好", "认真", "积极", "尽量", "争取", "一些", "一点", "工作", "要",
    "improve", "improving", "better", "more", "be", "work", "harder", "hard", "try", "attitude",
    "quality", "service", "careful", "good", "to", "the", "my", "a", "be", "more", "positive",
)
_VAGUE = sorted(set(VAGUE_WORDS), key=len, reverse=True)


def _is_vague(behaviour: str) -> bool:
    rest = behaviour.lower()
    for word in _VAGUE:
        rest = re.sub(rf"\b{word}\b" if word.isascii() else re.escape(word), " ", rest)
    return len(re.sub(r"[\W_]+", "", rest)) < 3


def _date(name: str, value, *, optional: bool = False):
    if value is None and optional:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"{name} must be a date such as '2026-04-30', got {value!r}")


def _number(name: str, value, *, optional: bool = True):
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number{' or None' if optional else ''}, got {value!r}")
    return float(value)


def _text(name: str, value, *, blank_ok: bool = False) -> str:
    if not isinstance(value, str) or (not blank_ok and not value.strip()):
        raise ValueError(f"{name} must be {'text' if blank_ok else 'non-empty text'}, got {value!r}")
    return value.strip()


@dataclass(frozen=True)
class SmartPlan:
    """An individual improvement plan: who, which KPI or behaviour, from where to where, by when.

    ``kpi`` is a KPI id (see :func:`kpi_directions`) or None; ``behaviour`` the
    observable behaviour to change (text, may be blank if a KPI is named);
    ``baseline`` / ``target`` / ``team_target`` in the KPI's unit (None = not set);
    ``start`` and ``due`` dates (date or 'YYYY-MM-DD'; ``due`` may be None).
    """

    agent_id: str
    kpi: str | None
    behaviour: str
    baseline: float | None
    target: float | None
    start: dt.date
    due: dt.date | None
    team_target: float | None = None

    def __post_init__(self):
        fix = object.__setattr__
        fix(self, "agent_id", _text("agent_id", self.agent_id))
        if self.kpi is not None:
            fix(self, "kpi", _text("kpi", self.kpi))
        fix(self, "behaviour", _text("behaviour", self.behaviour, blank_ok=True))
        for name in ("baseline", "target", "team_target"):
            fix(self, name, _number(name, getattr(self, name)))
        fix(self, "start", _date("start", self.start))
        fix(self, "due", _date("due", self.due, optional=True))

    @property
    def direction(self) -> int:
        """+1 if higher is better for this plan's KPI, -1 if lower; from the numbers if the KPI is unknown."""
        known = kpi_directions()
        if self.kpi in known:
            return known[self.kpi]
        if self.baseline is not None and self.target is not None and self.target < self.baseline:
            return -1
        return 1


SMART_LETTERS = {
    "S": ("具体", "Specific"), "M": ("可衡量", "Measurable"), "A": ("可达成", "Achievable"),
    "R": ("相关", "Relevant"), "T": ("有时限", "Time-bound"),
}

_REASONS = {
    "kpi": ("指明了指标 {kpi}。", "names the KPI {kpi}."),
    "behaviour": ("指明了可观察的行为：{behaviour}。", "names an observable behaviour: {behaviour}."),
    "unknown_kpi": ("“{kpi}”不是已登记的指标，也没有写明可观察的行为。",
                    "'{kpi}' is not a registered KPI and no observable behaviour is given."),
    "vague": ("“{behaviour}”太笼统：写出对方可以观察到的具体行为，或指明一个指标。",
              "'{behaviour}' is too vague: name a behaviour someone could observe, or a KPI."),
    "nothing": ("既没有指明指标，也没有写明行为。", "names neither a KPI nor a behaviour."),
    "numbers": ("有基线 {baseline:g} 和目标 {target:g}。", "has a baseline {baseline:g} and a target {target:g}."),
    "missing_numbers": ("缺少基线或目标数值，无法衡量进展。",
                        "lacks a baseline or a target number, so progress cannot be measured."),
    "no_change": ("目标 {target:g} 与基线相同，计划不要求任何改变。",
                  "the target {target:g} equals the baseline: the plan asks for no change."),
    "within_peers": ("目标 {target:g} 没有超过同伴前 25% 的水平 {level:g}。",
                     "the target {target:g} is within what the best quarter of peers reach ({level:g})."),
    "beyond_peers": ("目标 {target:g} 超过了同伴前 25% 的水平 {level:g}，很难达成。",
                     "the target {target:g} goes beyond what the best quarter of peers reach ({level:g})."),
    "no_peers": ("没有同伴数据，未检查可达成性。", "no peer values were given, so achievability was not checked."),
    "needs_numbers": ("没有基线和目标，未检查。", "without a baseline and a target this was not checked."),
    "toward_team": ("目标把 {baseline:g} 推向团队目标 {team_target:g}。",
                    "the target moves {baseline:g} toward the team target {team_target:g}."),
    "no_team_target": ("没有团队目标，计划与指标差距无关。",
                       "no team target is given, so the plan is not tied to a KPI gap."),
    "no_gap": ("基线 {baseline:g} 已达到团队目标 {team_target:g}，没有差距需要改进。",
               "the baseline {baseline:g} already meets the team target {team_target:g}: there is no gap."),
    "wrong_way": ("目标 {target:g} 与团队目标 {team_target:g} 方向相反。",
                  "the target {target:g} moves away from the team target {team_target:g}."),
    "dated": ("截止日期 {due}（{days} 天）。", "due on {due} ({days} days)."),
    "no_date": ("没有截止日期。", "has no due date."),
    "not_after_start": ("截止日期 {due} 不晚于开始日期 {start}。", "the due date {due} is not after the start {start}."),
    "too_long": ("周期 {days} 天，超过 {max_days} 天：拆成更短的阶段目标。",
                 "runs {days} days, more than {max_days}: split it into shorter milestones."),
}


@dataclass(frozen=True)
class SmartVerdict:
    """One letter's verdict: ``passed`` True / False / None (not checked), a reason code and its values."""

    letter: str
    passed: bool | None
    reason: str
    values: dict = field(default_factory=dict)

    def message(self, lang: str = "zh") -> str:
        """The verdict as one sentence in ``lang`` ('zh' or 'en')."""
        k = _lang(lang)
        head = f"{self.letter} {SMART_LETTERS[self.letter][k]}"
        mark = {True: "✓", False: "✗", None: "–"}[self.passed]
        values = dict(self.values)
        if "kpi" in values:
            values["kpi"] = kpi_name(values["kpi"], lang)
        return f"{mark} {head}{'：' if k == 0 else ': '}{_REASONS[self.reason][k].format(**values)}"


@dataclass(frozen=True)
class SmartCheck:
    """The five verdicts of :func:`check_smart`, in S, M, A, R, T order."""

    verdicts: tuple

    @property
    def passed(self) -> bool:
        """True when no letter fails (a letter not checked does not fail)."""
        return not self.failed

    @property
    def failed(self) -> tuple:
        """Letters that fail, e.g. ('A', 'T')."""
        return tuple(v.letter for v in self.verdicts if v.passed is False)

    def __getitem__(self, letter: str) -> SmartVerdict:
        return next(v for v in self.verdicts if v.letter == letter)

    def messages(self, lang: str = "zh") -> list:
        """One sentence per letter in ``lang``."""
        return [v.message(lang) for v in self.verdicts]


def _lang(lang: str) -> int:
    check_lang(lang)
    return 0 if lang == "zh" else 1


def top_quartile_level(peer_values, direction: int) -> float:
    """The level the best quarter of peers reach: 75th percentile if higher is better, else 25th.

    Missing peers (NaN/None) are left out; an infinite value raises ValueError.

    >>> top_quartile_level([300, 320, 340, 360, 380], -1)  # AHT in seconds, lower is better
    320.0
    """
    try:
        values = np.asarray(peer_values, dtype=float).ravel()
    except (TypeError, ValueError):
        raise TypeError(f"peer_values must be numbers, got {peer_values!r}") from None
    if np.isinf(values).any():
        raise ValueError(f"peer_values must be finite numbers or missing, got {values[np.isinf(values)][0].item()!r}")
    values = values[~np.isnan(values)]
    if values.size == 0:
        raise ValueError(f"peer_values must hold at least one finite number, got {peer_values!r}")
    return float(np.percentile(values, 75 if direction > 0 else 25))


def peer_table(per_agent: pd.DataFrame, kpis) -> pd.DataFrame:
    """Each agent's KPI values beside their peers': median, best-quarter and worst-quarter levels.

    ``per_agent`` has one row per agent (e.g. ``ccskills.kpi.summarize(calls,
    by="agent_id")``) and a column per KPI id in ``kpis``. Returns a long table
    ``agent_id`` (the index values), ``kpi``, ``value``, ``peer_median``, ``top_quartile``
    (the level the best quarter reach, :func:`top_quartile_level`), ``bottom_quartile``
    (the level the worst quarter are beyond) and ``bottom`` (True if the agent is in the
    worst quarter: at or beyond ``bottom_quartile``). Agents without a value are left out.

    >>> t = pd.DataFrame({"aht_s": [300.0, 320, 340, 360, 500]}, index=pd.Index(list("abcde"), name="agent_id"))
    >>> peer_table(t, ["aht_s"])[["agent_id", "value", "top_quartile", "bottom_quartile", "bottom"]]
      agent_id  value  top_quartile  bottom_quartile  bottom
    0        a  300.0         320.0            360.0   False
    1        b  320.0         320.0            360.0   False
    2        c  340.0         320.0            360.0   False
    3        d  360.0         320.0            360.0    True
    4        e  500.0         320.0            360.0    True
    """
    names = [kpis] if isinstance(kpis, str) else list(kpis)
    check_records(per_agent, names)
    parts = []
    for kpi in names:
        d = kpi_direction(kpi)
        values = pd.to_numeric(per_agent[kpi], errors="coerce").dropna()
        frame = pd.DataFrame({"agent_id": values.index, "kpi": kpi, "value": values.to_numpy(float)})
        frame["peer_median"] = float(values.median())
        frame["top_quartile"] = top_quartile_level(values, d)
        frame["bottom_quartile"] = top_quartile_level(values, -d)
        frame["bottom"] = d * (frame["value"] - frame["bottom_quartile"]) <= 1e-12
        parts.append(frame)
    return pd.concat(parts, ignore_index=True)


def _specific(plan: SmartPlan) -> SmartVerdict:
    if plan.kpi in kpi_directions():
        return SmartVerdict("S", True, "kpi", {"kpi": plan.kpi})
    if plan.behaviour and not _is_vague(plan.behaviour):
        return SmartVerdict("S", True, "behaviour", {"behaviour": plan.behaviour})
    if plan.behaviour:
        return SmartVerdict("S", False, "vague", {"behaviour": plan.behaviour})
    if plan.kpi:
        return SmartVerdict("S", False, "unknown_kpi", {"kpi": plan.kpi})
    return SmartVerdict("S", False, "nothing")


def _measurable(plan: SmartPlan) -> SmartVerdict:
    if plan.baseline is None or plan.target is None:
        return SmartVerdict("M", False, "missing_numbers")
    values = {"baseline": plan.baseline, "target": plan.target}
    if plan.target == plan.baseline:
        return SmartVerdict("M", False, "no_change", values)
    return SmartVerdict("M", True, "numbers", values)


def _achievable(plan: SmartPlan, peer_values) -> SmartVerdict:
    if plan.baseline is None or plan.target is None:
        return SmartVerdict("A", None, "needs_numbers")
    if peer_values is None or np.size(peer_values) == 0:
        return SmartVerdict("A", None, "no_peers")
    level = top_quartile_level(peer_values, plan.direction)
    values = {"target": plan.target, "level": round(level, 4)}
    ok = plan.direction * (plan.target - level) <= 1e-12
    return SmartVerdict("A", bool(ok), "within_peers" if ok else "beyond_peers", values)


def _relevant(plan: SmartPlan) -> SmartVerdict:
    if plan.team_target is None:
        return SmartVerdict("R", False, "no_team_target")
    if plan.baseline is None or plan.target is None:
        return SmartVerdict("R", None, "needs_numbers")
    d = plan.direction
    values = {"baseline": plan.baseline, "target": plan.target, "team_target": plan.team_target}
    if d * (plan.team_target - plan.baseline) <= 0:
        return SmartVerdict("R", False, "no_gap", values)
    if d * (plan.target - plan.baseline) <= 0:
        return SmartVerdict("R", False, "wrong_way", values)
    return SmartVerdict("R", True, "toward_team", values)


def _time_bound(plan: SmartPlan, max_days: int) -> SmartVerdict:
    if plan.due is None:
        return SmartVerdict("T", False, "no_date")
    days = (plan.due - plan.start).days
    values = {"due": plan.due.isoformat(), "start": plan.start.isoformat(), "days": days,
              "max_days": max_days}
    if days <= 0:
        return SmartVerdict("T", False, "not_after_start", values)
    if days > max_days:
        return SmartVerdict("T", False, "too_long", values)
    return SmartVerdict("T", True, "dated", values)


def check_smart(plan: SmartPlan, peer_values=None, *, max_days: int = 92) -> SmartCheck:
    """Check a plan letter by letter and say which letter fails and why (zh/en messages).

    Rules (this kit's, documented choices):

    - **S** specific: ``kpi`` is a known KPI id (:func:`kpi_directions`), or ``behaviour``
      names something observable (not only :data:`VAGUE_WORDS`).
    - **M** measurable: ``baseline`` and ``target`` are numbers and differ.
    - **A** achievable: the target is no better than the level the best quarter of
      ``peer_values`` reach (:func:`top_quartile_level`; peers' values of the same KPI,
      e.g. every agent's AHT this month). Not checked (None) without peers.
    - **R** relevant: the plan is tied to a KPI gap: the baseline falls short of
      ``team_target`` and the target moves toward it.
    - **T** time-bound: a ``due`` date after ``start``, at most ``max_days`` days later
      (default 92, about a quarter).

    >>> plan = SmartPlan("A017", "aht_s", "", baseline=410, target=300, start="2026-04-01",
    ...                  due="2026-04-30", team_target=360)
    >>> result = check_smart(plan, peer_values=[320, 340, 350, 360, 380, 400, 410])
    >>> result.failed
    ('A',)
    >>> result["A"].message("en")
    '✗ A Achievable: the target 300 goes beyond what the best quarter of peers reach (345).'
    """
    if not isinstance(plan, SmartPlan):
        raise TypeError(f"plan must be a SmartPlan, got {type(plan).__name__!r}")
    if isinstance(max_days, bool) or not isinstance(max_days, numbers.Integral) or max_days < 1:
        raise ValueError(f"max_days must be a whole number of days >= 1, got {max_days!r}")
    return SmartCheck((_specific(plan), _measurable(plan), _achievable(plan, peer_values),
                       _relevant(plan), _time_bound(plan, int(max_days))))


def _actuals(actuals) -> pd.Series:
    if isinstance(actuals, pd.DataFrame):
        check_records(actuals, ["date", "value"])
        actuals = actuals.set_index("date")["value"]
    if not isinstance(actuals, pd.Series):
        raise TypeError(f"actuals must be a Series indexed by date or a DataFrame with date, value, "
                        f"got {type(actuals).__name__!r}")
    index = pd.to_datetime(pd.Series(actuals.index, dtype=object), errors="coerce")
    raise_bad_rows("date", "a date such as '2026-04-30'", pd.Series(actuals.index),
                   index.isna().to_numpy())
    values = pd.to_numeric(actuals, errors="coerce").astype(float)
    raw = actuals.reset_index(drop=True)
    raise_bad_rows("value", "a number", raw, values.isna().to_numpy())
    raise_bad_rows("value", "a finite number", raw, np.isinf(values.to_numpy()))
    return pd.Series(values.to_numpy(float), index=pd.DatetimeIndex(index, name="date"))


def plan_trajectory(plan: SmartPlan, actuals, tolerance: float = 0.1) -> pd.DataFrame:
    """Actual results against the plan's straight path from baseline (at start) to target (at due).

    ``actuals``: a Series of KPI values indexed by check-in date, or a DataFrame with
    columns ``date, value``. ``expected`` = baseline + (target - baseline) x elapsed /
    planned days (elapsed clipped to [0, planned], so after the due date the target);
    a check-in is ``on_track`` when the actual is no more than ``tolerance`` x |target -
    baseline| behind the path (behind = on the worse side for the KPI's direction).

    Returns a DataFrame indexed by ``date`` with ``actual``, ``expected``, ``behind``
    (how far behind the path, in the KPI's unit; negative = ahead) and ``on_track``.

    >>> plan = SmartPlan("A017", "aht_s", "", 400, 340, "2026-04-01", "2026-04-21", 360)
    >>> plan_trajectory(plan, pd.Series([385, 380], index=["2026-04-11", "2026-04-21"]))
    ... # doctest: +NORMALIZE_WHITESPACE
                actual  expected  behind  on_track
    date
    2026-04-11   385.0     370.0    15.0     False
    2026-04-21   380.0     340.0    40.0     False
    """
    if plan.baseline is None or plan.target is None or plan.due is None or plan.due <= plan.start:
        raise ValueError(f"plan must have a baseline, a target and a due date after start, got {plan!r}")
    tol = _number("tolerance", tolerance, optional=False)
    if tol < 0:
        raise ValueError(f"tolerance must be a fraction >= 0 of the planned change, got {tolerance!r}")
    series = _actuals(actuals)
    start = pd.Timestamp(plan.start)
    share = ((series.index - start).days / (plan.due - plan.start).days).to_numpy(float).clip(0, 1)
    expected = plan.baseline + (plan.target - plan.baseline) * share
    behind = plan.direction * (expected - series.to_numpy())
    return pd.DataFrame({"actual": series.to_numpy(), "expected": expected, "behind": behind + 0.0,
                         "on_track": behind <= tol * abs(plan.target - plan.baseline) + 1e-9},
                        index=series.index)


# --- conversations and records ---------------------------------------------------------------

#: GROW steps: key -> (zh, en, the question that opens it) [78][81].
GROW_STEPS = {
    "G": ("聚焦目标", "Goal", "你希望达成什么？ What do you want to achieve?"),
    "R": ("了解现状", "Reality", "现在是什么情况，你试过什么？ What is happening now, what have you tried?"),
    "O": ("探索行动方案", "Options", "你可以怎么做？ What could you do?"),
    "W": ("强化意愿", "Will / Way forward", "你会做什么、何时、由谁？ What will you do, when, who?"),
}

#: Share of a GROW conversation's time per step, from a Chinese course [80]: G 10 %, R 40 %, O 30 %, W 20 %.
GROW_TIME_SPLIT = {"G": 0.10, "R": 0.40, "O": 0.30, "W": 0.20}


def grow_agenda(minutes: float) -> pd.Series:
    """Minutes per GROW step for a conversation of ``minutes`` (split :data:`GROW_TIME_SPLIT`).

    >>> grow_agenda(30).tolist()
    [3.0, 12.0, 9.0, 6.0]
    """
    total = _number("minutes", minutes, optional=False)
    if total <= 0:
        raise ValueError(f"minutes must be a positive number, got {minutes!r}")
    return pd.Series({k: round(total * v, 2) for k, v in GROW_TIME_SPLIT.items()}, name="minutes")


@dataclass(frozen=True)
class GrowConversation:
    """A GROW coaching conversation as written down, with the follow-up date (the 'T').

    ``options`` holds at least one option; ``will_when`` and ``follow_up_on`` are
    dates on or after ``held_on`` (date or 'YYYY-MM-DD').
    """

    agent_id: str
    coach: str
    held_on: dt.date
    goal: str
    reality: str
    options: tuple
    will_what: str
    will_when: dt.date
    will_who: str
    follow_up_on: dt.date | None = None

    def __post_init__(self):
        fix = object.__setattr__
        for name in ("agent_id", "coach", "goal", "reality", "will_what", "will_who"):
            fix(self, name, _text(name, getattr(self, name)))
        options = (self.options,) if isinstance(self.options, str) else tuple(self.options)
        if not options or not all(isinstance(o, str) and o.strip() for o in options):
            raise ValueError(f"options must be one or more non-empty texts, got {self.options!r}")
        fix(self, "options", tuple(o.strip() for o in options))
        fix(self, "held_on", _date("held_on", self.held_on))
        for name in ("will_when", "follow_up_on"):
            value = _date(name, getattr(self, name), optional=name == "follow_up_on")
            if value is not None and value < self.held_on:
                raise ValueError(f"{name} must be on or after held_on {self.held_on}, got {value!r}")
            fix(self, name, value)


#: Developmental coaching in five steps: key -> (zh, en). Our grouping of the steps in
#: domain.md §4 [88][89] (gather data and set one objective; trust and strengths; guide
#: with questions; agree actions; follow up).
DEVELOPMENTAL_STEPS = {
    "prepare": ("准备：看数据、听录音，只选一个目标", "Prepare: data and recordings, one objective"),
    "strengths": ("建立信任，从优点谈起", "Build trust, start with strengths"),
    "questions": ("用提问引导员工自己找办法", "Guide with questions"),
    "agree": ("共同商定行动（SMART）", "Agree actions (SMART)"),
    "follow_up": ("约定并执行跟进", "Follow up"),
}

#: Corrective coaching steps: key -> (zh, en), synthesized in domain.md §4 from [85][87][89].
CORRECTIVE_STEPS = {
    "state": ("说明观察到的行为和标准", "State the observed behaviour and the standard"),
    "evidence": ("出示证据（质检项、录音）", "Show the evidence (QA item, recording)"),
    "gap_cause": ("就差距和原因达成一致", "Agree the gap and its cause"),
    "instruct": ("给出清晰的做法并示范", "Give clear instruction, model it"),
    "commit": ("员工承诺 SMART 计划", "Agent commits to a SMART plan"),
    "recheck": ("约定复查时间", "Schedule the re-check"),
}
_KINDS = {"developmental": DEVELOPMENTAL_STEPS, "corrective": CORRECTIVE_STEPS}


@dataclass(frozen=True)
class CoachingRecord:
    """A coaching session: kind ('developmental' or 'corrective'), a note per step done, plan, follow-up.

    ``notes`` maps step keys of :data:`DEVELOPMENTAL_STEPS` or :data:`CORRECTIVE_STEPS`
    (by ``kind``) to what was said or agreed; :meth:`missing_steps` lists the steps
    without a note, in order.
    """

    agent_id: str
    coach: str
    held_on: dt.date
    kind: str
    notes: dict
    plan: SmartPlan | None = None
    follow_up_on: dt.date | None = None

    def __post_init__(self):
        fix = object.__setattr__
        for name in ("agent_id", "coach"):
            fix(self, name, _text(name, getattr(self, name)))
        if self.kind not in _KINDS:
            raise ValueError(f"kind must be 'developmental' or 'corrective', got {self.kind!r}")
        unknown = [k for k in self.notes if k not in _KINDS[self.kind]]
        if unknown:
            raise ValueError(f"notes must use the steps {list(_KINDS[self.kind])!r}, got {unknown!r}")
        fix(self, "notes", dict(self.notes))
        fix(self, "held_on", _date("held_on", self.held_on))
        follow = _date("follow_up_on", self.follow_up_on, optional=True)
        if follow is not None and follow <= self.held_on:
            raise ValueError(f"follow_up_on must be after held_on {self.held_on}, got {follow!r}")
        fix(self, "follow_up_on", follow)
        if self.plan is not None and not isinstance(self.plan, SmartPlan):
            raise TypeError(f"plan must be a SmartPlan or None, got {type(self.plan).__name__!r}")

    def missing_steps(self) -> tuple:
        """Steps of this kind with no note (a follow-up step also needs ``follow_up_on``)."""
        missing = [k for k in _KINDS[self.kind] if not str(self.notes.get(k, "")).strip()]
        last = "follow_up" if self.kind == "developmental" else "recheck"
        if self.follow_up_on is None and last not in missing:
            missing.append(last)
        return tuple(missing)


@dataclass(frozen=True)
class FollowUp:
    """A follow-up check-in after a coaching talk: the KPI value seen and whether the commitment was kept."""

    agent_id: str
    on: dt.date
    kpi: str
    value: float
    kept_commitment: bool
    note: str = ""

    def __post_init__(self):
        fix = object.__setattr__
        fix(self, "agent_id", _text("agent_id", self.agent_id))
        fix(self, "on", _date("on", self.on))
        kpi_direction(self.kpi)
        fix(self, "value", _number("value", self.value, optional=False))
        if not isinstance(self.kept_commitment, bool):
            raise ValueError(f"kept_commitment must be True or False, got {self.kept_commitment!r}")
        fix(self, "note", _text("note", self.note, blank_ok=True))


def records_table(records) -> pd.DataFrame:
    """A list of plans, conversations, coaching records or follow-ups as a DataFrame (one row each)."""
    rows = list(records)
    if not all(dataclasses.is_dataclass(r) and not isinstance(r, type) for r in rows):
        raise TypeError(f"records must be ccskills.coaching records, got {rows!r}")
    return pd.DataFrame([dataclasses.asdict(r) for r in rows])


def targets_from_qa(points_lost: pd.DataFrame, top_items: int = 1, target_quantile: float = 0.5
                    ) -> pd.DataFrame:
    """Plan targets from QA: per agent, the items where they lose most points against their peers.

    ``points_lost`` has columns ``agent_id, item, points_lost`` (``item_id`` is read as
    ``item``, so ``ccskills.quality.points_lost`` output fits; one row per agent and
    item, or per evaluation and item: rows are averaged; an agent with no row for an
    item lost 0 on it). For each item the peer level is the ``target_quantile`` of the
    agents' values (default the median). An agent gets a target on an item where their
    baseline is above that level, at most ``top_items`` items, largest gap first.

    Returns columns ``agent_id, item, baseline, target, gap`` (points lost; ``target`` is
    the peer level, so a plan with ``kpi='qa_points_lost'`` and the item as behaviour
    passes the A and R checks with the item's values as peers and ``team_target``).

    >>> qa = pd.DataFrame({"agent_id": ["a", "a", "b", "c"], "item": ["greet", "verify", "verify", "verify"],
    ...                    "points_lost": [2.0, 6.0, 1.0, 0.0]})
    >>> targets_from_qa(qa)
      agent_id    item  baseline  target  gap
    0        a  verify       6.0     1.0  5.0
    """
    if isinstance(points_lost, pd.DataFrame) and "item" not in points_lost and "item_id" in points_lost:
        points_lost = points_lost.rename(columns={"item_id": "item"})
    check_records(points_lost, ["agent_id", "item", "points_lost"])
    lost = pd.to_numeric(points_lost["points_lost"], errors="coerce")
    raise_bad_rows("points_lost", "a number >= 0", points_lost["points_lost"],
                   (lost.isna() | (lost < 0)).to_numpy())
    if isinstance(top_items, bool) or not isinstance(top_items, numbers.Integral) or top_items < 1:
        raise ValueError(f"top_items must be a whole number >= 1, got {top_items!r}")
    q = _number("target_quantile", target_quantile, optional=False)
    if not 0 <= q <= 1:
        raise ValueError(f"target_quantile must be a fraction in [0, 1], got {target_quantile!r}")
    wide = points_lost.assign(points_lost=lost).pivot_table(
        index="agent_id", columns="item", values="points_lost", aggfunc="mean", fill_value=0.0)
    level = wide.quantile(q)
    long = wide.stack().rename("baseline").reset_index()
    long["target"] = long["item"].map(level)
    long["gap"] = long["baseline"] - long["target"]
    long = long[long["gap"] > 1e-12].sort_values(["agent_id", "gap", "item"], ascending=[True, False, True])
    out = long.groupby("agent_id", sort=False).head(int(top_items))
    return out[["agent_id", "item", "baseline", "target", "gap"]].reset_index(drop=True)
