"""The indicator tree (ccskills.kpi.tree) and its chart.

Structure is checked here by independent means (Kahn's topological sort written in this file,
networkx when installed, a transitive closure by repeated squaring of the adjacency matrix);
every sign the tree claims and the kit can compute is checked with the kit's own queueing,
cost and KPI functions on two scenarios that differ only in the driver; the rest are
judgement, listed in JUDGEMENT so a new edge must be put in one list or the other.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from ccskills import kpi
from ccskills.kpi import (BIG_SERVICE_INDICATORS, LEVELS, REGISTRY, TREE_EDGES, TREE_LEVELS, Edge, affected_by,
                          check_tree, drivers_of, indicator_level, indicator_tree, level_table,
                          small_service_indicators, walk_branch)
from ccskills.queueing import average_speed_of_answer, erlang_a, occupancy, offered_load, service_level

EDGES = [(e.driver, e.affects) for e in TREE_EDGES]
SIGN = {(e.driver, e.affects): e.sign for e in TREE_EDGES}


# ---------------------------------------------------------------- structure, checked independently
def test_every_node_is_a_registry_indicator_and_every_indicator_is_placed():
    nodes = {n for edge in EDGES for n in edge}
    assert nodes <= set(REGISTRY)
    assert set(TREE_LEVELS) == set(REGISTRY)
    assert nodes == set(REGISTRY)  # no indicator left out of the tree


def test_no_cycle_by_kahns_topological_sort():
    indegree = {n: 0 for n in REGISTRY}
    for _, parent in EDGES:
        indegree[parent] += 1
    ready, order = [n for n, d in indegree.items() if d == 0], []
    while ready:
        node = ready.pop()
        order.append(node)
        for driver, parent in EDGES:
            if driver == node:
                indegree[parent] -= 1
                if indegree[parent] == 0:
                    ready.append(parent)
    assert len(order) == len(REGISTRY), "a cycle leaves nodes that never reach indegree 0"


def test_no_cycle_by_networkx():
    nx = pytest.importorskip("networkx")
    graph = nx.DiGraph(EDGES)
    assert nx.is_directed_acyclic_graph(graph)
    assert nx.is_weakly_connected(graph) or nx.number_weakly_connected_components(graph) <= 4


def test_levels_are_consistent():
    rank = {level: k for k, level in enumerate(["result", "direct", "indirect", "process"])}
    assert tuple(rank) == LEVELS
    for driver, parent in EDGES:
        assert TREE_LEVELS[driver] != "result", f"a result is never a child: {driver}"
        assert rank[TREE_LEVELS[parent]] < rank[TREE_LEVELS[driver]], (driver, parent)
    for id, level in TREE_LEVELS.items():
        has_parent = any(d == id for d, _ in EDGES)
        assert has_parent == (level != "result"), id
    assert set(BIG_SERVICE_INDICATORS) == {"service_level", "asa_s"}
    assert all(TREE_LEVELS[i] == "result" for i in BIG_SERVICE_INDICATORS)


def test_the_outline_placements():
    """The 3-day outline's chapter 2: SL and ASA are results; AHT's levers sit under AHT."""
    assert set(drivers_of("service_level")) == {"offered", "aht_s", "occupancy"}
    assert set(drivers_of("aht_s")) >= {"avg_talk_s", "avg_hold_s", "avg_acw_s"}
    assert {"fcr_rate", "transfer_rate", "avg_queue_time_s"} <= set(drivers_of("csat_top2_box"))
    assert indicator_level("attendance_rate") == indicator_level("schedule_adherence") == "process"


def test_an_improvement_never_worsens_what_it_drives():
    """Where both ends have a better direction, the edge's sign agrees with them: better driver,
    better parent (e.g. AHT lower is better, service level higher: AHT up pushes SL down)."""
    better = {"higher": 1, "lower": -1}
    checked = 0
    for e in TREE_EDGES:
        d, p = REGISTRY[e.driver].direction, REGISTRY[e.affects].direction
        if d in better and p in better:
            assert e.sign * better[d] * better[p] == 1, (e.driver, e.affects, e.sign)
            checked += 1
    assert checked >= 20


def _closure(step) -> dict:
    """Reachability by repeated boolean squaring of the adjacency matrix (not the library's walk)."""
    ids = list(REGISTRY)
    index = {n: k for k, n in enumerate(ids)}
    m = np.zeros((len(ids), len(ids)), dtype=bool)
    for a, b in EDGES:
        i, j = (index[a], index[b]) if step == "up" else (index[b], index[a])
        m[i, j] = True
    reach = m.copy()
    for _ in range(6):  # paths up to 64 edges
        reach = reach | ((reach.astype(int) @ reach.astype(int)) > 0)
    return {n: {ids[j] for j in np.flatnonzero(reach[index[n]])} for n in ids}


def test_drivers_and_affected_match_the_edges_and_their_closure():
    up, down = _closure("up"), _closure("down")
    for id in REGISTRY:
        assert set(drivers_of(id)) == {d for d, p in EDGES if p == id}
        assert set(affected_by(id)) == {p for d, p in EDGES if d == id}
        assert set(drivers_of(id, recursive=True)) == down[id]
        assert set(affected_by(id, recursive=True)) == up[id]
        assert len(set(drivers_of(id, recursive=True))) == len(drivers_of(id, recursive=True))
    assert set(small_service_indicators()) == down["service_level"] | down["asa_s"]
    assert {"offered", "aht_s", "occupancy", "shrinkage", "attendance_rate", "schedule_adherence"} <= set(
        small_service_indicators())


def test_unknown_id_is_refused_by_name():
    for f in (drivers_of, affected_by, indicator_level):
        with pytest.raises(ValueError, match=r"id must be one of the registered indicators .*got 'sl'"):
            f("sl")


# ---------------------------------------------------------------- validation of a bad tree
def _levels(**changes):
    return {**TREE_LEVELS, **changes}


BAD_TREES = [
    (_levels(), list(TREE_EDGES) + [Edge("aht_s", "speed", -1, "", "")], "'speed'"),
    ({**TREE_LEVELS, "speed": "result"}, TREE_EDGES, "got 'speed'"),
    ({k: v for k, v in TREE_LEVELS.items() if k != "nps"}, [e for e in TREE_EDGES if "nps" not in (e.driver, e.affects)],
     "'nps' has none"),
    (_levels(nps="top"), TREE_EDGES, "level of 'nps'"),
    (_levels(), list(TREE_EDGES) + [Edge("service_level", "csat_top2_box", -1, "", "")],
     "a result has no parent, got 'service_level'"),
    (_levels(), list(TREE_EDGES) + [Edge("fcr_rate", "aht_s", -1, "", ""), Edge("aht_s", "fcr_rate", -1, "", "")],
     "no cycle, got one through '(aht_s|fcr_rate)'"),
    (_levels(), list(TREE_EDGES) + [Edge("fcr_rate", "aht_s", -1, "", "")], "closer to the results, got 'fcr_rate'"),
    (_levels(), [replace(TREE_EDGES[0], sign=0)] + list(TREE_EDGES[1:]), "sign of 'offered'"),
    (_levels(), list(TREE_EDGES) + [TREE_EDGES[0]], "must not repeat, got 'offered'"),
    (_levels(), [e for e in TREE_EDGES if e.driver != "ces"], "'ces' drives none"),
]


@pytest.mark.parametrize("levels, edges, message", BAD_TREES)
def test_a_bad_tree_is_refused_naming_the_id(levels, edges, message):
    with pytest.raises(ValueError, match=message):
        check_tree(levels, edges)


def test_the_kits_tree_passes_its_own_check():
    check_tree(TREE_LEVELS, TREE_EDGES)


# ---------------------------------------------------------------- signs the kit can compute
def _calls(rows):
    return pd.DataFrame(rows, columns=["outcome", "wait_s", "talk_s", "hold_s", "acw_s"]).assign(transferred=False)


BASE_CALLS = [("answered", 5, 200, 20, 40), ("answered", 30, 250, 0, 30), ("abandoned", 40, 0, 0, 0),
              ("abandoned", 12, 0, 0, 0), ("blocked", 0, 0, 0, 0), ("answered", 0, 180, 10, 20)]


def _states(absent: int):
    present = {"paid_s": 28800, "logged_in_s": 27000, "available_s": 5000, "talk_s": 15000, "hold_s": 1000,
               "acw_s": 4000, "not_ready_s": 2000}
    gone = dict.fromkeys(present, 0) | {"paid_s": 28800}
    return pd.DataFrame([present] * (4 - absent) + [gone] * absent)


def _kpi_calls(f, change):
    def run():
        rows = list(BASE_CALLS)
        return f(_calls(rows)), f(_calls(change(rows)))
    return run


def _with(rows, *extra):
    return rows + list(extra)


def _talk_plus(k):
    return lambda rows: [(o, w, t + 10 * (k == 2), h + 10 * (k == 3), a + 10 * (k == 4)) if o == "answered"
                         else (o, w, t, h, a) for o, w, t, h, a in rows]


def _a(load_agents, **kw):
    return erlang_a(load_agents[0], load_agents[1], 180, kw.get("patience", 120), 20)


NUMERIC = {
    # queueing (Erlang C): the driver goes up, everything else held
    ("offered", "service_level"): lambda: [service_level(14, offered_load(c, 180, 1800), 180, 20) for c in (100, 110)],
    ("offered", "asa_s"): lambda: [average_speed_of_answer(14, offered_load(c, 180, 1800), 180) for c in (100, 110)],
    ("aht_s", "service_level"): lambda: [service_level(14, offered_load(100, h, 1800), h, 20) for h in (180, 200)],
    ("aht_s", "asa_s"): lambda: [average_speed_of_answer(14, offered_load(100, h, 1800), h) for h in (180, 200)],
    # occupancy up = fewer agents for the same load (checked below to go up)
    ("occupancy", "service_level"): lambda: [service_level(n, 10.0, 180, 20) for n in (15, 14)],
    ("occupancy", "asa_s"): lambda: [average_speed_of_answer(n, 10.0, 180) for n in (15, 14)],
    # Erlang A: fewer agents -> longer mean wait -> abandonment; longer patience -> fewer abandons
    ("avg_queue_time_s", "abandonment_rate"): lambda: [erlang_a(n, 12.0, 180, 120, 20).p_abandon for n in (14, 12)],
    ("avg_queue_time_s", "answer_rate"): lambda: [1 - erlang_a(n, 12.0, 180, 120, 20).p_abandon for n in (14, 12)],
    ("avg_time_to_abandon_s", "abandonment_rate"): lambda: [erlang_a(12, 12.0, 180, p, 20).p_abandon
                                                           for p in (60, 180)],
    # cost per contact = cost per productive hour × AHT / occupancy
    ("aht_s", "cost_per_contact"): lambda: [kpi.cost_per_contact_factors(40.0, h, 0.8)["cost_per_contact"]
                                            for h in (300, 320)],
    ("occupancy", "cost_per_contact"): lambda: [kpi.cost_per_contact_factors(40.0, 300, o)["cost_per_contact"]
                                                for o in (0.8, 0.85)],
    ("cost_per_productive_hour", "cost_per_contact"): lambda: [
        kpi.cost_per_contact_factors(c, 300, 0.8)["cost_per_contact"] for c in (40.0, 45.0)],
    ("shrinkage", "cost_per_productive_hour"): lambda: [
        kpi.cost_per_productive_hour(1e7, kpi.productive_hours_from_shrinkage(150, 2080, s)) for s in (0.2, 0.3)],
    ("utilisation", "cost_per_productive_hour"): lambda: [kpi.cost_per_productive_hour(1e7, 150 * 2080 * u)
                                                         for u in (0.7, 0.8)],
    # the same headcount scheduled: agents on the phones = headcount × (1 − shrinkage) or × adherence
    ("shrinkage", "occupancy"): lambda: [occupancy(20 * (1 - s), 10.0) for s in (0.2, 0.3)],
    ("schedule_adherence", "occupancy"): lambda: [occupancy(16 * a, 10.0) for a in (0.9, 1.0)],
    ("attendance_rate", "shrinkage"): lambda: [kpi.shrinkage_rate(_states(a)) for a in (1, 0)],
    # the KPI formulas on call records
    ("avg_talk_s", "aht_s"): _kpi_calls(kpi.average_handle_time, _talk_plus(2)),
    ("avg_hold_s", "aht_s"): _kpi_calls(kpi.average_handle_time, _talk_plus(3)),
    ("avg_acw_s", "aht_s"): _kpi_calls(kpi.average_handle_time, _talk_plus(4)),
    ("abandoned", "abandonment_rate"): _kpi_calls(kpi.abandonment_rate, lambda r: _with(r, ("abandoned", 50, 0, 0, 0))),
    ("abandoned", "abandonment_rate_excl_short"): _kpi_calls(
        lambda c: kpi.abandonment_rate(c, exclude_short_abandons=True), lambda r: _with(r, ("abandoned", 50, 0, 0, 0))),
    ("short_abandoned", "abandonment_rate_excl_short"): _kpi_calls(
        lambda c: kpi.abandonment_rate(c, exclude_short_abandons=True),
        lambda r: [(o, 3 if (o, w) == ("abandoned", 12) else w, t, h, a) for o, w, t, h, a in r]),  # same abandons
    ("answered", "answer_rate"): _kpi_calls(kpi.answer_rate, lambda r: _with(r, ("answered", 3, 100, 0, 10))),
    ("blocked", "blocked_rate"): _kpi_calls(kpi.blocked_rate, lambda r: _with(r, ("blocked", 0, 0, 0, 0))),
}

DRIVER_UP = {  # the scenarios where the driver is computed, not set: check it really went up
    ("occupancy", "service_level"): lambda: [occupancy(n, 10.0) for n in (15, 14)],
    ("avg_queue_time_s", "abandonment_rate"): lambda: [erlang_a(n, 12.0, 180, 120, 20).mean_wait for n in (14, 12)],
    ("attendance_rate", "shrinkage"): lambda: [1 - a / 4 for a in (1, 0)],
}

JUDGEMENT = {  # edges whose sign is a judgement or a finding of the kit's data (checked on data below)
    ("avg_queue_time_s", "abandonment_rate_excl_short"), ("avg_queue_time_s", "csat_top2_box"),
    ("attrition_rate", "aht_s"), ("attrition_rate", "fcr_rate"), ("fcr_rate", "csat_top2_box"),
    ("fcr_rate", "nps"), ("transfer_rate", "csat_top2_box"), ("ces", "nps"), ("qa_score", "fcr_rate"),
    ("qa_score", "csat_top2_box"),
}


def test_every_edge_is_checked_numerically_or_named_as_judgement():
    assert set(NUMERIC) | JUDGEMENT == set(EDGES)
    assert not set(NUMERIC) & JUDGEMENT
    assert len(NUMERIC) >= 20


@pytest.mark.parametrize("edge", list(NUMERIC), ids="->".join)
def test_the_kits_numbers_move_the_way_the_edge_says(edge):
    before, after = (float(v) for v in NUMERIC[edge]())
    assert np.sign(after - before) == SIGN[edge], (edge, before, after)


@pytest.mark.parametrize("edge", list(DRIVER_UP), ids="->".join)
def test_the_driver_went_up_in_those_scenarios(edge):
    before, after = (float(v) for v in DRIVER_UP[edge]())
    assert after > before


@pytest.fixture(scope="module")
def calls():
    from ccskills.datasets import load_call_records
    return load_call_records()


def test_the_kits_call_data_agrees_with_the_customer_edges(calls):
    """Cross-sectional, on the March 2026 calls: resolved calls are rated higher, transferred lower,
    calls that waited over a minute lower (the direction the tree claims, not a causal estimate)."""
    resolved = calls["resolved_first_contact"].fillna(False).astype(bool)
    answered = calls[calls["outcome"] == "answered"]
    r = resolved.loc[answered.index]
    assert np.sign(kpi.csat_top2_box(answered[r]) - kpi.csat_top2_box(answered[~r])) == SIGN["fcr_rate", "csat_top2_box"]
    t = answered["transferred"].astype(bool)
    assert np.sign(kpi.csat_top2_box(answered[t]) - kpi.csat_top2_box(answered[~t])) == SIGN[
        "transfer_rate", "csat_top2_box"]
    long = answered["wait_s"] > 60
    assert np.sign(kpi.csat_top2_box(answered[long]) - kpi.csat_top2_box(answered[~long])) == SIGN[
        "avg_queue_time_s", "csat_top2_box"]


def test_the_kits_survey_agrees_with_effort_driving_loyalty():
    from ccskills.datasets.operations import load_survey_responses
    survey = load_survey_responses()
    easy = survey["ces"] >= 5
    assert np.sign(kpi.net_promoter_score(survey[easy]) - kpi.net_promoter_score(survey[~easy])) == SIGN["ces", "nps"]


# ---------------------------------------------------------------- tables
def test_indicator_tree_table_in_codes_and_words():
    codes = indicator_tree()
    assert list(zip(codes["driver"], codes["affects"])) == EDGES
    assert (codes["driver_level"] == codes["driver"].map(TREE_LEVELS)).all()
    zh = indicator_tree("zh")
    assert list(zh.columns) == ["指标", "层级", "影响", "被影响层级", "方向", "原因"]
    assert zh["指标"].iloc[0] == REGISTRY[EDGES[0][0]].name_zh
    assert set(zh["层级"]) == {"直接影响", "间接影响", "过程指标"}
    assert not any("_" in str(v) for v in zh.to_numpy().ravel())  # no code identifiers
    with pytest.raises(ValueError, match="lang must be 'zh' or 'en', got 'fr'"):
        indicator_tree("fr")


def test_level_table_lists_every_indicator_once():
    table = level_table("zh")
    assert table["层级"].tolist() == ["服务结果", "直接影响", "间接影响", "过程指标"]
    names = [n for cell in table["指标"] for n in cell.split("、")]
    assert sorted(names) == sorted(i.name_zh for i in REGISTRY.values())
    assert "班组长" in table.set_index("层级").at["过程指标", "谁先管"]


# ---------------------------------------------------------------- walking a branch on the kit's data
@pytest.fixture(scope="module")
def days(calls):
    from ccskills.datasets.operations import load_agent_states
    return kpi.compute(calls, freq="D", agent_states=load_agent_states())


def test_walk_branch_on_the_kits_worst_monday(calls, days):
    now, before = pd.Timestamp("2026-03-09"), pd.Timestamp("2026-03-02")
    walk = walk_branch(days, "service_level", now, before).set_index(["driver", "affects"])
    assert days.at[now, "service_level"] < days.at[before, "service_level"]
    day = calls["arrival"].dt.normalize()
    offered = {d: int(calls[(day == d) & calls["outcome"].isin(["answered", "abandoned"])].shape[0]) for d in (now, before)}
    assert walk.at[("offered", "service_level"), "change"] == offered[now] - offered[before]  # counted here by hand
    answered = {d: calls[(day == d) & (calls["outcome"] == "answered")] for d in (now, before)}
    aht = {d: float((a["talk_s"] + a["hold_s"] + a["acw_s"]).mean()) for d, a in answered.items()}
    assert walk.at[("aht_s", "service_level"), "change"] == pytest.approx(aht[now] - aht[before])
    assert walk.at[("offered", "service_level"), "push"] == -1 and walk.at[("aht_s", "service_level"), "push"] == -1
    assert ("avg_talk_s", "aht_s") in walk.index and ("attendance_rate", "shrinkage") not in walk.index
    assert walk.index.is_unique


def test_walk_branch_refuses_a_period_not_in_the_table(days):
    with pytest.raises(ValueError, match=r"current must be a row label of values, got '2026-04-01'"):
        walk_branch(days, "service_level", "2026-04-01", pd.Timestamp("2026-03-02"))


# ---------------------------------------------------------------- the chart
def test_chart_spec_has_every_node_edge_and_labelled_levels():
    from ccskills.kpi_charts import indicator_tree_chart

    spec = indicator_tree_chart("zh").to_dict()
    rows = [row for data in spec["datasets"].values() for row in data]
    names = {row["name"] for row in rows if "name" in row}
    assert names == {i.name_zh for i in REGISTRY.values()}
    assert sum(1 for row in rows if "x2" in row) == len(TREE_EDGES)
    assert spec["title"] == "指标树：什么在推动服务结果"
    text = str(spec)
    for word in ("服务结果", "直接影响", "间接影响", "过程指标", "类别", "方向"):
        assert word in text
    en = str(indicator_tree_chart("en").to_dict())
    assert "Process measure" in en and "Service level" in en
    with pytest.raises(ValueError, match="lang must be 'zh' or 'en'"):
        indicator_tree_chart("de")
