"""The indicator tree (指标树) of chapter 02: which indicators drive which, level by level.

The 3-day outline sorts service indicators into 服务结果 (results the customer and the
business see: 大服务指标 such as service level and ASA) and the 小服务指标 that move them:
直接影响 (direct drivers, in the result's own formula or queue model), 间接影响 (indirect
drivers, acting through a direct one) and 过程指标 (process measures watched and moved on
the floor every day). Every node is an id of :data:`ccskills.kpi.REGISTRY` (names and
formulas come from there); each registry indicator has one level and, unless it is a
result, at least one parent: an indicator it drives, always at a level closer to the
results. Each edge has a sign (+1: the driver up moves its parent up; −1: down, the
others held still) and a one-line why in Chinese and English. The tree is checked on
import by :func:`check_tree` (known ids, no cycles, results never drive).

>>> drivers_of("service_level")
('offered', 'aht_s', 'occupancy')
>>> affected_by("attendance_rate", recursive=True)
('shrinkage', 'occupancy', 'cost_per_productive_hour', 'service_level', 'asa_s', 'cost_per_contact')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np
import pandas as pd

from .registry import REGISTRY
from .._validation import check_lang

__all__ = ["Edge", "LEVELS", "LEVEL_NAMES", "LEVEL_OWNERS", "BIG_SERVICE_INDICATORS", "TREE_EDGES",
           "TREE_LEVELS", "check_tree", "indicator_level", "indicator_tree", "drivers_of", "affected_by",
           "small_service_indicators", "level_table", "walk_branch"]

#: The four levels, from the results down to the process measures.
LEVELS = ("result", "direct", "indirect", "process")
#: Level names (zh, en), the outline's words.
LEVEL_NAMES = {"result": ("服务结果", "Service result"), "direct": ("直接影响", "Direct driver"),
               "indirect": ("间接影响", "Indirect driver"), "process": ("过程指标", "Process measure")}
#: Who watches and moves each level first, and how often (zh, en): roles of the kit's vocabulary.
LEVEL_OWNERS = {
    "result": (("运营主管", "operations manager"), ("每月评审、对结果负责", "monthly review, accountable")),
    "direct": (("排班师、运营主管", "WFM analyst, operations manager"), ("每周：预测、排班、人力", "weekly: forecast, staffing")),
    "indirect": (("班组长、排班师", "team leader, WFM analyst"), ("每周：辅导、损耗计划", "weekly: coaching, shrinkage plan")),
    "process": (("座席、班组长", "agent, team leader"), ("每天、实时：出勤、遵从、质检", "daily, real time: attendance, adherence, QA")),
}
#: The outline's 大服务指标 (service-speed results); their drivers are the 小服务指标.
BIG_SERVICE_INDICATORS = ("service_level", "asa_s")

#: Level of every registry indicator.
TREE_LEVELS: dict[str, str] = {
    **dict.fromkeys(("service_level", "asa_s", "answer_rate", "abandonment_rate", "abandonment_rate_excl_short",
                     "blocked_rate", "csat_top2_box", "nps", "cost_per_contact"), "result"),
    **dict.fromkeys(("offered", "aht_s", "occupancy", "avg_queue_time_s", "fcr_rate", "transfer_rate", "ces",
                     "cost_per_productive_hour"), "direct"),
    **dict.fromkeys(("avg_talk_s", "avg_hold_s", "avg_acw_s", "shrinkage", "utilisation", "attrition_rate",
                     "avg_time_to_abandon_s"), "indirect"),
    **dict.fromkeys(("answered", "abandoned", "short_abandoned", "blocked", "attendance_rate",
                     "schedule_adherence", "qa_score"), "process"),
}


@dataclass(frozen=True)
class Edge:
    """``driver`` moves ``affects``: ``sign`` +1 (same way) or −1 (opposite way), and why (zh, en)."""

    driver: str
    affects: str
    sign: int
    why_zh: str
    why_en: str


_E = Edge
#: The edges of the tree, grouped by the result they lead to.
TREE_EDGES: tuple[Edge, ...] = (
    # service speed: load against agents (Erlang C)
    _E("offered", "service_level", -1, "座席不变时来话越多，排队越多 (Erlang C)", "same agents, more calls: more queueing (Erlang C)"),
    _E("offered", "asa_s", +1, "座席不变时来话越多，等得越久", "same agents, more calls: longer waits"),
    _E("aht_s", "service_level", -1, "每通占用座席更久，负荷 = 来话 × AHT 变大", "each call holds an agent longer: load = calls × AHT grows"),
    _E("aht_s", "asa_s", +1, "负荷变大，等得更久", "more load, longer waits"),
    _E("occupancy", "service_level", -1, "占用率高 = 座席相对负荷少，空闲座席少", "high occupancy = few agents for the load, few idle"),
    _E("occupancy", "asa_s", +1, "空闲座席少，来电更常排队", "few idle agents: calls queue more often"),
    _E("avg_talk_s", "aht_s", +1, "AHT = 通话 + 保持 + 话后处理", "AHT = talk + hold + after-call work"),
    _E("avg_hold_s", "aht_s", +1, "AHT = 通话 + 保持 + 话后处理", "AHT = talk + hold + after-call work"),
    _E("avg_acw_s", "aht_s", +1, "AHT = 通话 + 保持 + 话后处理", "AHT = talk + hold + after-call work"),
    _E("attrition_rate", "aht_s", +1, "流失多、新人多，新人处理更慢", "more leavers, more new hires, who handle slower"),
    _E("shrinkage", "occupancy", +1, "排班人数不变，损耗越高在线的人越少、越忙", "same headcount, more shrinkage: fewer on the phones, busier"),
    _E("schedule_adherence", "occupancy", -1, "该在线时不在线，在线的人更忙", "off the phones when scheduled on: the rest are busier"),
    _E("attendance_rate", "shrinkage", -1, "缺勤是损耗的一部分", "absence is part of shrinkage"),
    # waiting and abandonment
    _E("avg_queue_time_s", "abandonment_rate", +1, "等得越久，放弃的客户越多", "the longer callers wait, the more give up"),
    _E("avg_queue_time_s", "abandonment_rate_excl_short", +1, "等得越久，放弃的客户越多", "the longer callers wait, the more give up"),
    _E("avg_queue_time_s", "answer_rate", -1, "等得越久，接通的越少", "the longer callers wait, the fewer are answered"),
    _E("avg_queue_time_s", "csat_top2_box", -1, "等待是满意度的驱动之一", "waiting is one driver of satisfaction"),
    _E("avg_time_to_abandon_s", "abandonment_rate", -1, "客户越有耐心，同样的排队放弃越少 (Erlang A)", "more patient callers abandon less in the same queue (Erlang A)"),
    _E("abandoned", "abandonment_rate", +1, "放弃量是放弃率的分子", "abandons are the rate's numerator"),
    _E("abandoned", "abandonment_rate_excl_short", +1, "放弃量是放弃率的分子", "abandons are the rate's numerator"),
    _E("short_abandoned", "abandonment_rate_excl_short", -1, "剔除的短时放弃越多，剩下的放弃率越低", "more short abandons removed, lower remaining rate"),
    _E("answered", "answer_rate", +1, "接通量是接通率的分子", "answered calls are the rate's numerator"),
    _E("blocked", "blocked_rate", +1, "阻塞量是阻塞率的分子", "blocked calls are the rate's numerator"),
    # customer experience
    _E("fcr_rate", "csat_top2_box", +1, "问题一次解决，客户最满意", "solved first time: the strongest driver of satisfaction"),
    _E("fcr_rate", "nps", +1, "问题一次解决，客户更愿推荐", "solved first time: more likely to recommend"),
    _E("transfer_rate", "csat_top2_box", -1, "转来转去，客户要重复说明", "passed around, customers repeat themselves"),
    _E("ces", "nps", +1, "越省力越愿推荐 (Dixon 等, 2010)", "the easier, the more loyal (Dixon et al., 2010)"),
    _E("qa_score", "fcr_rate", +1, "质检项里的正确解答和流程，决定能否一次解决", "correct answers and process in the QA form decide first-time resolution"),
    _E("qa_score", "csat_top2_box", +1, "沟通和服务礼仪影响满意度", "communication and courtesy move satisfaction"),
    _E("attrition_rate", "fcr_rate", -1, "新人多，一次解决率低", "more new hires, lower first-contact resolution"),
    # cost: cost per contact = cost per productive hour × AHT / occupancy
    _E("cost_per_productive_hour", "cost_per_contact", +1, "单呼成本 = 每生产小时成本 × AHT ÷ 占用率", "cost per contact = cost per productive hour × AHT ÷ occupancy"),
    _E("aht_s", "cost_per_contact", +1, "每通占用的生产时间更长", "each contact takes more productive time"),
    _E("occupancy", "cost_per_contact", -1, "空闲的生产时间也要付钱", "idle productive time is paid for too"),
    _E("shrinkage", "cost_per_productive_hour", +1, "带薪不接话的时间越多，每个生产小时越贵", "more paid time off the phones: each productive hour costs more"),
    _E("utilisation", "cost_per_productive_hour", -1, "同样的工资换来更多生产小时", "the same pay buys more productive hours"),
)


def check_tree(levels: Mapping[str, str], edges: Sequence[Edge], known=REGISTRY) -> None:
    """Raise ``ValueError`` naming the id unless the tree is sound.

    Sound: every id is in ``known`` and has a level of :data:`LEVELS`; every known id has a
    level; a result drives nothing; every other indicator drives at least one; each edge
    goes to a level closer to the results and has sign +1 or −1; no edge repeats; no cycle.
    """
    for id, level in levels.items():
        if id not in known:
            raise ValueError(f"levels must name registry indicators, got {id!r}")
        if level not in LEVELS:
            raise ValueError(f"level of {id!r} must be one of {LEVELS!r}, got {level!r}")
    for id in known:
        if id not in levels:
            raise ValueError(f"levels must give every registry indicator a level, {id!r} has none")
    seen: set = set()
    for e in edges:
        _check_edge(e, levels, seen)
    _check_acyclic(edges)
    for e in edges:
        if LEVELS.index(levels[e.affects]) >= LEVELS.index(levels[e.driver]):
            raise ValueError(f"an edge must go to a level closer to the results, got {e.driver!r} "
                             f"({levels[e.driver]}) -> {e.affects!r} ({levels[e.affects]})")
    for id, level in levels.items():
        if level != "result" and not any(e.driver == id for e in edges):
            raise ValueError(f"every indicator below the results must drive one, {id!r} drives none")


def _check_edge(e: Edge, levels: Mapping[str, str], seen: set) -> None:
    for id in (e.driver, e.affects):
        if id not in levels:
            raise ValueError(f"edges must join indicators with a level, got {id!r}")
    if levels[e.driver] == "result":
        raise ValueError(f"a result has no parent, got {e.driver!r} driving {e.affects!r}")
    if e.sign not in (1, -1):
        raise ValueError(f"sign of {e.driver!r} -> {e.affects!r} must be 1 or -1, got {e.sign!r}")
    if (e.driver, e.affects) in seen:
        raise ValueError(f"edges must not repeat, got {e.driver!r} -> {e.affects!r} twice")
    seen.add((e.driver, e.affects))


def _check_acyclic(edges: Sequence[Edge]) -> None:
    """Depth-first search with three colours; a grey node met again closes a cycle."""
    up: dict[str, list[str]] = {}
    for e in edges:
        up.setdefault(e.driver, []).append(e.affects)
    state: dict[str, int] = {}  # 1 on the path, 2 done

    def visit(id: str) -> None:
        state[id] = 1
        for parent in up.get(id, ()):
            if state.get(parent) == 1:
                raise ValueError(f"the tree must have no cycle, got one through {parent!r}")
            if parent not in state:
                visit(parent)
        state[id] = 2

    for id in list(up):
        if id not in state:
            visit(id)


check_tree(TREE_LEVELS, TREE_EDGES)


def _known(id: str) -> str:
    if id not in TREE_LEVELS:
        raise ValueError(f"id must be one of the registered indicators {list(REGISTRY)!r}, got {id!r}")
    return id


def indicator_level(id: str) -> str:
    """The level of indicator ``id``: "result", "direct", "indirect" or "process".

    >>> indicator_level("aht_s"), indicator_level("attendance_rate")
    ('direct', 'process')
    """
    return TREE_LEVELS[_known(id)]


def _walk(id: str, step, recursive: bool) -> tuple[str, ...]:
    found = list(step(_known(id)))
    if recursive:
        i = 0
        while i < len(found):
            found += [n for n in step(found[i]) if n not in found]
            i += 1
    return tuple(dict.fromkeys(found))


def drivers_of(id: str, recursive: bool = False) -> tuple[str, ...]:
    """The indicators that drive ``id`` (its children), in the tree's order; all below it if ``recursive``.

    >>> drivers_of("aht_s")
    ('avg_talk_s', 'avg_hold_s', 'avg_acw_s', 'attrition_rate')
    """
    return _walk(id, lambda n: [e.driver for e in TREE_EDGES if e.affects == n], recursive)


def affected_by(id: str, recursive: bool = False) -> tuple[str, ...]:
    """The indicators ``id`` drives (its parents); all above it up to the results if ``recursive``.

    >>> affected_by("aht_s")
    ('service_level', 'asa_s', 'cost_per_contact')
    """
    return _walk(id, lambda n: [e.affects for e in TREE_EDGES if e.driver == n], recursive)


def small_service_indicators() -> tuple[str, ...]:
    """The outline's 小服务指标: every indicator below the 大服务指标 (service level, ASA).

    >>> small_service_indicators()[:3]
    ('offered', 'aht_s', 'occupancy')
    """
    found = [d for big in BIG_SERVICE_INDICATORS for d in drivers_of(big, recursive=True)]
    return tuple(dict.fromkeys(found))


_HEADERS = {
    "zh": {"driver": "指标", "driver_level": "层级", "affects": "影响", "affects_level": "被影响层级",
           "sign": "方向", "why": "原因", "previous": "上期", "current": "本期", "change": "变化",
           "push": "推动被影响指标", "level": "层级", "owner": "谁先管", "cadence": "多久看一次",
           "indicators": "指标"},
    "en": {"driver": "indicator", "driver_level": "level", "affects": "affects", "affects_level": "level affected",
           "sign": "direction", "why": "why", "previous": "previous", "current": "current", "change": "change",
           "push": "pushes the affected", "level": "level", "owner": "owned first by", "cadence": "how often",
           "indicators": "indicators"},
}
_SIGN_WORDS = {"zh": {1: "同向 +", -1: "反向 −"}, "en": {1: "same way +", -1: "opposite −"}}
_PUSH_WORDS = {"zh": {1: "↑ 升", -1: "↓ 降", 0: "— 不变"}, "en": {1: "↑ up", -1: "↓ down", 0: "— flat"}}


def _name(id: str, lang: str) -> str:
    return REGISTRY[id].name_zh if lang == "zh" else REGISTRY[id].name_en


def _words(frame: pd.DataFrame, lang: str | None) -> pd.DataFrame:
    """Ids, levels and signs as words of ``lang`` and headers in ``lang`` (unchanged for None)."""
    if lang is None:
        return frame
    check_lang(lang)
    k = 0 if lang == "zh" else 1
    out = frame.copy()
    for column in ("driver", "affects"):
        if column in out:
            out[column] = out[column].map(lambda id: _name(id, lang))
    for column in ("driver_level", "affects_level", "level"):
        if column in out:
            out[column] = out[column].map(lambda lv: LEVEL_NAMES[lv][k])
    if "sign" in out:
        out["sign"] = out["sign"].map(_SIGN_WORDS[lang])
    if "push" in out:
        out["push"] = out["push"].map(_PUSH_WORDS[lang])
    return out.rename(columns=_HEADERS[lang])


def indicator_tree(lang: str | None = None) -> pd.DataFrame:
    """The edges as a table: driver, its level, the indicator it affects, that level, sign, why.

    ``lang`` None gives ids and codes with ``why_zh`` and ``why_en``; "zh" or "en" gives names,
    level words and headers in that language with one ``why`` column (for a lesson or report).

    >>> t = indicator_tree()
    >>> t.loc[t["driver"] == "shrinkage", ["affects", "driver_level", "affects_level", "sign"]].values.tolist()
    [['occupancy', 'indirect', 'direct', 1], ['cost_per_productive_hour', 'indirect', 'direct', 1]]
    """
    frame = pd.DataFrame([{"driver": e.driver, "driver_level": TREE_LEVELS[e.driver], "affects": e.affects,
                           "affects_level": TREE_LEVELS[e.affects], "sign": e.sign, "why_zh": e.why_zh,
                           "why_en": e.why_en} for e in TREE_EDGES])
    if lang is None:
        return frame
    check_lang(lang)
    frame["why"] = frame["why_zh" if lang == "zh" else "why_en"]
    return _words(frame.drop(columns=["why_zh", "why_en"]), lang)


def level_table(lang: str = "zh") -> pd.DataFrame:
    """One row per level: its name, who watches and moves it first, how often, and its indicators.

    >>> level_table("en")["level"].tolist()
    ['Service result', 'Direct driver', 'Indirect driver', 'Process measure']
    """
    check_lang(lang)
    k = 0 if lang == "zh" else 1
    sep = "、" if lang == "zh" else ", "
    rows = [{"level": level, "owner": LEVEL_OWNERS[level][0][k], "cadence": LEVEL_OWNERS[level][1][k],
             "indicators": sep.join(_name(i, lang) for i, lv in TREE_LEVELS.items() if lv == level)}
            for level in LEVELS]
    return _words(pd.DataFrame(rows), lang)


def walk_branch(values: pd.DataFrame, id: str, current, previous, lang: str | None = None) -> pd.DataFrame:
    """Walk down the branch under ``id`` between two periods: which driver moved, and which way it pushed.

    ``values`` has one row per period (e.g. :func:`ccskills.kpi.compute` with ``freq="D"``) and
    indicator ids as columns; ``current`` and ``previous`` are two of its index labels. One row
    per edge below ``id`` (breadth first) whose driver is a column of ``values``: the driver,
    its level, what it affects, the sign, both values, the change and ``push`` = sign × the sign
    of the change (+1: this driver's move pushed its parent up, −1 down, 0 it did not move).
    Drivers not in ``values`` (e.g. QA score, computed elsewhere) are left out.

    >>> v = pd.DataFrame({"service_level": [0.8, 0.7], "offered": [100, 120], "aht_s": [300.0, 300.0],
    ...                   "occupancy": [0.5, 0.75]}, index=["mon", "tue"])
    >>> walk_branch(v, "service_level", "tue", "mon")[["driver", "change", "push"]].values.tolist()
    [['offered', 20.0, -1], ['aht_s', 0.0, 0], ['occupancy', 0.25, -1]]
    """
    _known(id)
    for name, label in (("current", current), ("previous", previous)):
        if label not in values.index:
            raise ValueError(f"{name} must be a row label of values, got {label!r}")
    rows, queue, seen = [], [id], {id}
    while queue:
        node = queue.pop(0)
        for e in (e for e in TREE_EDGES if e.affects == node and e.driver in values.columns):
            before, after = float(values.at[previous, e.driver]), float(values.at[current, e.driver])
            change = after - before
            rows.append({"driver": e.driver, "driver_level": TREE_LEVELS[e.driver], "affects": e.affects,
                         "sign": e.sign, "previous": before, "current": after, "change": change,
                         "push": int(e.sign * np.sign(change)) if np.isfinite(change) else 0})
            if e.driver not in seen:
                seen.add(e.driver)
                queue.append(e.driver)
    columns = ["driver", "driver_level", "affects", "sign", "previous", "current", "change", "push"]
    return _words(pd.DataFrame(rows, columns=columns), lang)
