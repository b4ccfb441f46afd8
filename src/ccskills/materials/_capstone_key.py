"""The capstone's answer key (讲师答案): every figure computed by the kit from the case month.

Each function takes the :class:`~ccskills.materials._capstone_data.CaseMonth` and returns plain
numbers and small tables (lists of dicts) for the templates, with the kit function that made them.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ccskills import kpi
from ccskills.materials import _capstone_data as d

__all__ = ["CARD_IDS", "target_text", "kpi_card", "weekly", "afternoon_gap", "aht_rise", "qa_pareto", "not_ready",
           "coaching_plan", "planned_aht", "pay_per_hour"]

CARD_IDS = ("offered", "service_level", "abandonment_rate", "asa_s", "aht_s", "fcr_rate",
            "csat_top2_box", "occupancy", "utilisation", "shrinkage", "cost_per_contact")
INTERVAL_S = 900
TARGET_SL, ANSWER_TIME = 0.8, 20


def planned_aht(case, queue: str) -> float:
    """The plan's AHT for ``queue``: forecast AHT weighted by forecast calls (s)."""
    p = case.plan[case.plan["queue"] == queue]
    return float(np.average(p["forecast_aht_s"], weights=p["forecast_calls"]))


def pay_per_hour(case, queue: str) -> float:
    """Agent pay per paid hour of ``queue`` (CNY/h), :func:`ccskills.kpi.agent_pay_per_paid_hour`."""
    return kpi.agent_pay_per_paid_hour(case.costs[case.costs["queue"] == queue],
                                       case.agent_states[case.agent_states["queue"] == queue])


def kpi_card(case) -> pd.DataFrame:
    """Month KPIs per queue with the registry's targets (AHT: the plan's AHT), ``kpi.compute``."""
    targets = {"aht_s": None}
    card = kpi.compute(case.calls, list(CARD_IDS), freq=None, by="queue", agent_states=case.agent_states,
                       costs=case.costs, targets=True)
    for queue in card.index:
        targets[queue] = planned_aht(case, queue)
    card.attrs["planned_aht"] = {q: targets[q] for q in card.index}
    return card


def weekly(case) -> pd.DataFrame:
    """Offered, SL, abandonment and AHT per week (from Monday) and queue, ``kpi.compute``."""
    return kpi.compute(case.calls, ["offered", "service_level", "abandonment_rate", "aht_s"], freq="W",
                       by="queue")


def _interval_table(case, queue: str, days, hours) -> pd.DataFrame:
    """Per time of day over ``days``: calls, SL, AHT and handle seconds (``kpi.compute``), and the plan."""
    calls = case.calls[(case.calls["queue"] == queue) & case.calls["arrival"].dt.day.isin(list(days))]
    per = kpi.compute(calls, ["offered", "answered", "service_level", "abandonment_rate", "aht_s"],
                      freq="15min")
    per.index = pd.DatetimeIndex(per.index)
    per = per[(per.index.hour >= hours[0]) & (per.index.hour < hours[1])]
    plan = case.plan[case.plan["queue"] == queue].set_index("interval_start")
    per = per.join(plan[["scheduled_agents", "staffed_agents"]])
    per["handle_s"] = per["answered"] * per["aht_s"]
    return per


def afternoon_gap(case) -> dict:
    """The flu-week afternoon: per time of day SL, occupancy and the agents Erlang C asks for."""
    from ccskills.queueing import offered_load
    from ccskills.staffing import agent_hours, required_agents

    per = _interval_table(case, d.GAP_QUEUE, d.GAP_DAYS, d.GAP_HOURS)
    slot = per.groupby(per.index.strftime("%H:%M")).agg(
        offered=("offered", "sum"), answered=("answered", "sum"), handle_s=("handle_s", "sum"),
        staffed=("staffed_agents", "mean"), scheduled=("scheduled_agents", "mean"))
    sl = {t: kpi.service_level(g_calls) for t, g_calls in _gap_calls(case).groupby("slot")}
    days = len(d.GAP_DAYS)
    slot["service_level"] = pd.Series(sl)
    slot["calls_per_day"] = slot["offered"] / days
    slot["aht_s"] = slot["handle_s"] / slot["answered"]
    slot["load"] = offered_load(slot["calls_per_day"].to_numpy(), slot["aht_s"].to_numpy(), INTERVAL_S)
    slot["occupancy"] = slot["handle_s"] / days / (slot["staffed"] * INTERVAL_S)
    slot["needed"] = required_agents(slot["calls_per_day"].to_numpy(), slot["aht_s"].to_numpy(), INTERVAL_S,
                                     answer_time=ANSWER_TIME, target=TARGET_SL)
    slot["gap"] = np.maximum(slot["needed"] - slot["staffed"], 0)
    gap_hours = float(np.sum(agent_hours(slot["gap"].to_numpy(), INTERVAL_S))) * days
    rate = pay_per_hour(case, d.GAP_QUEUE)
    whole = _gap_calls(case)
    worst = slot["service_level"].idxmin()
    return {"slots": slot.reset_index(names="time"), "worst": worst,
            "service_level": kpi.service_level(whole), "abandonment_rate": kpi.abandonment_rate(whole),
            "offered": int(len(whole[whole["outcome"] != "blocked"])), "gap_agent_hours": gap_hours,
            "pay_per_hour": rate, "fix_cost_cny": gap_hours * rate}


def _gap_calls(case) -> pd.DataFrame:
    c = case.calls
    hour = c["arrival"].dt.hour
    sel = ((c["queue"] == d.GAP_QUEUE) & c["arrival"].dt.day.isin(list(d.GAP_DAYS))
           & (hour >= d.GAP_HOURS[0]) & (hour < d.GAP_HOURS[1]))
    out = c[sel]
    return out.assign(slot=out["arrival"].dt.floor("15min").dt.strftime("%H:%M"))


def aht_rise(case) -> dict:
    """Presales AHT before and after the rise, and what the extra seconds cost at 80/20."""
    from ccskills.staffing import aht_reduction_saving

    calls = case.calls[case.calls["queue"] == d.AHT_QUEUE]
    after = calls["arrival"].dt.day >= d.AHT_FROM_DAY
    before_aht, after_aht = kpi.average_handle_time(calls[~after]), kpi.average_handle_time(calls[after])
    offered = kpi.compute(calls[after], ["offered"], freq="15min")["offered"]
    days = int(calls.loc[after, "arrival"].dt.normalize().nunique())
    saving = aht_reduction_saving(offered.to_numpy(), after_aht, INTERVAL_S, after_aht - before_aht,
                                  period_days=days, answer_time=ANSWER_TIME, target=TARGET_SL)
    rate = pay_per_hour(case, d.AHT_QUEUE)
    return {"before": before_aht, "after": after_aht, "delta": after_aht - before_aht,
            "planned": planned_aht(case, d.AHT_QUEUE), "days": days,
            "sl_before": kpi.service_level(calls[~after]), "sl_after": kpi.service_level(calls[after]),
            "staff_hours": saving.staff_hours_saved, "staff_hours_year": saving.staff_hours_saved_per_year,
            "fte_year": float(saving.fte_saved_per_year), "pay_per_hour": rate,
            "cost_cny": saving.staff_hours_saved * rate, "cost_year_cny": saving.staff_hours_saved_per_year * rate}


def qa_pareto(case) -> dict:
    """The month's QA Pareto (``quality.item_summary``) and the planted item's fail rate per team."""
    from ccskills.quality.rollup import costliest_items, item_summary

    pareto = item_summary(case.items, case.scorecard)
    names = case.scorecard.set_index("item_id")["item_zh"]
    top = pareto.head(5).reset_index().assign(item_zh=lambda f: f["item_id"].map(names))
    with_team = case.items.merge(case.evaluations[["evaluation_id", "team"]], on="evaluation_id")
    teams = []
    for team, part in with_team.groupby("team"):
        row = item_summary(part.drop(columns="team"), case.scorecard).loc[d.QA_ITEM]
        teams.append({"team": team, "fail_rate": float(row["fail_rate"]), "failures": int(row["failures"]),
                      "evaluations": int(part["evaluation_id"].nunique())})
    first = costliest_items(with_team, case.scorecard, by="team", top=1)
    return {"top": top, "teams": teams, "item": d.QA_ITEM, "item_zh": str(names[d.QA_ITEM]),
            "team_top_item": dict(zip(first["team"], first["item_id"]))}


def not_ready(case) -> dict:
    """Utilisation and shrinkage per agent (``kpi.compute`` on agent states): the outlier and peers."""
    per = kpi.compute(case.calls, ["utilisation", "shrinkage", "occupancy"], freq=None, by="agent_id",
                      agent_states=case.agent_states)
    agent = d.not_ready_agent(case.agent_states)
    team = case.agents.set_index("agent_id")["team"]
    peers = per[(per.index.map(team) == d.NOT_READY_TEAM) & (per.index != agent)]
    s = case.agent_states
    share = s.groupby("agent_id")["not_ready_s"].sum() / s.groupby("agent_id")["logged_in_s"].sum()
    return {"agent": agent, "team": d.NOT_READY_TEAM, "utilisation": float(per.loc[agent, "utilisation"]),
            "shrinkage": float(per.loc[agent, "shrinkage"]), "lowest": per["utilisation"].idxmin(),
            "peer_median": float(peers["utilisation"].median()), "peers": peers["utilisation"],
            "not_ready_share": float(share[agent]), "peer_not_ready_share": float(share[peers.index].median()),
            "rank": int((per["utilisation"] < per.loc[agent, "utilisation"]).sum()) + 1, "agents": len(case.agents)}


def coaching_plan(case) -> dict:
    """A SMART plan for the not-ready agent, checked by ``coaching.check_smart`` against team peers."""
    from ccskills.coaching import SmartPlan, check_smart, top_quartile_level

    nr = not_ready(case)
    target = round(nr["peer_median"], 2)
    plan = SmartPlan(agent_id=nr["agent"], kpi="utilisation",
                     behaviour="只在排班表上的休息、会议和培训时段切未就绪（示忙）；每次话后处理结束即回到就绪，"
                               "单次未就绪不超过 5 分钟，班组长每天看一次状态报表",
                     baseline=round(nr["utilisation"], 3), target=target,
                     start=dt.date(2026, 12, 1), due=dt.date(2026, 12, 31),
                     team_target=kpi.REGISTRY["utilisation"].target)
    check = check_smart(plan, nr["peers"].to_numpy())
    return {"plan": plan, "messages": check.messages("zh"), "passed": check.passed,
            "top_quartile": float(top_quartile_level(nr["peers"].to_numpy(), 1))}



def target_text(id: str) -> str:
    """The registry's usual target of ``id`` as text (≥ 80.0%, ≤ 30.0 s, 75.0%–85.0%; '' for none)."""
    from ccskills.kpi.display import target_text as registry_target

    return registry_target(id)
