"""综合案例 Capstone case: a fresh month of the simulated centre with four planted problems a team
finds and fixes end to end (KPI card → service/occupancy → QA Pareto → cost → staffing fix →
coaching plan → a 5-minute presentation).

Four documents: the team brief, the data pack (.xlsx), the scoring rubric and the trainer's
answer key. The month is made by the kit's generators with :data:`SEED` (see
:mod:`ccskills.materials._capstone_data`); every figure of the answer key is computed by the kit
when the key is built (:mod:`ccskills.materials._capstone_key`), never typed.
"""

from __future__ import annotations

import pandas as pd

from ccskills.kpi.display import format_value
from ccskills.kpi.registry import REGISTRY
from ccskills.materials import _capstone_data as d
from ccskills.materials import _capstone_key as k
from ccskills.materials import _capstone_text as text
from ccskills.materials._capstone_pack import pack_bytes, pack_sheets
from ccskills.materials._catalogue import Document

__all__ = ["DOCUMENTS", "SEED", "brief_data", "rubric_data", "key_data", "pack"]

SEED = d.SEED
QUEUES = {"presales": "售前 presales", "aftersales": "售后 aftersales"}
STATUS = {"green": "绿", "amber": "黄", "red": "红"}


def pct(x: float) -> str:
    return f"{x:.1%}"


def secs(x: float) -> str:
    return f"{x:.1f} 秒"


def cny(x: float) -> str:
    return f"{x:,.0f} 元"


def _month_label() -> str:
    return f"{d.MONTH_START.year} 年 {d.MONTH_START.month} 月"


def brief_data(seed: int = SEED) -> dict:
    """The team brief: situation, tasks in order, deliverables, timing and the data pack's sheets."""
    case = d.case_month(seed)
    facts = {"agents": len(case.agents), "teams": case.agents["team"].nunique(), "month": _month_label(),
             "offered": f"{int((case.calls['outcome'] != 'blocked').sum()):,}"}
    sheets = [{"name": name, "rows": f"{len(frame):,}", "columns": len(frame.columns)}
              for name, frame in pack_sheets(case).items()]
    return {"title": "综合案例 · 团队任务书", "subtitle": f"Capstone case · Team brief · {_month_label()}（种子 {seed}）",
            "situation": [p.format(**facts) for p in text.SITUATION],
            "steps": [{"step": s, "zh": zh, "en": en, "minutes": m, "task": t} for s, zh, en, m, t in text.STEPS],
            "total_minutes": sum(s[3] for s in text.STEPS), "deliverables": list(text.DELIVERABLES),
            "timing": text.TIMING_NOTE, "sheets": sheets}


def planted_facts() -> dict:
    """Where the planted problems sit, as words (from the parameters of ``_capstone_data``)."""
    from ccskills.datasets._generate_quality import SCORECARD

    item = next(row[2] for row in SCORECARD if row[0] == d.QA_ITEM)
    return {"gap_queue": QUEUES[d.GAP_QUEUE], "gap_days": f" {d.MONTH_START.month} 月 {d.GAP_DAYS[0]}-{d.GAP_DAYS[-1]} 日",
            "gap_hours": f" {d.GAP_HOURS[0]}:00-{d.GAP_HOURS[1]}:00", "aht_queue": QUEUES[d.AHT_QUEUE],
            "aht_from": f" {d.MONTH_START.month} 月 {d.AHT_FROM_DAY} 日", "qa_team": d.QA_TEAM, "qa_item": item}


def rubric_data() -> dict:
    """The scoring rubric: criteria per step with points (100 in all) and the full-mark answer."""
    facts = planted_facts()
    rows = [{"step": s, "criterion": c, "points": p, "full": f.format(**facts)} for s, c, p, f in text.RUBRIC]
    return {"title": "综合案例 · 评分表", "subtitle": "Capstone case · Scoring rubric", "rows": rows,
            "total": sum(r["points"] for r in rows), "steps": {s: zh for s, zh, *_ in text.STEPS}}


def _card_rows(card) -> list:
    rows = []
    for id in k.CARD_IDS:
        ind = REGISTRY[id]
        target = card.attrs["planned_aht"] if id == "aht_s" else None
        cells = []
        for q in ("presales", "aftersales"):
            status = card.loc[q].get(f"{id}_status")
            if target is not None:  # AHT: against the plan's AHT
                status = "green" if card.loc[q, id] <= target[q] else "red"
            cells.append({"value": format_value(id, card.loc[q, id]), "status": STATUS.get(status, "")})
        goal = ("预测 " + " / ".join(secs(target[q]) for q in ("presales", "aftersales"))) if target else \
            k.target_text(id)
        rows.append({"name": f"{ind.name_zh} {ind.name_en}", "cells": cells, "target": goal})
    return rows


def _weekly_rows(case) -> list:
    w = k.weekly(case)
    out = []
    for week in w.index.get_level_values(0).unique():
        first, last = max(week, d.MONTH_START), min(week + pd.Timedelta(days=6), d.MONTH_END - pd.Timedelta(days=1))
        row = {"week": f"{first:%m-%d}–{last:%m-%d}"}
        for q in ("presales", "aftersales"):
            r = w.loc[(week, q)]
            row[q] = {"offered": f"{int(r['offered']):,}", "sl": pct(r["service_level"]),
                      "ab": pct(r["abandonment_rate"]), "aht": secs(r["aht_s"])}
        out.append(row)
    return out


def _gap(case) -> dict:
    g = k.afternoon_gap(case)
    slots = [{"time": r.time, "calls": f"{r.calls_per_day:.1f}", "aht": f"{r.aht_s:.0f}",
              "scheduled": f"{r.scheduled:.1f}", "staffed": f"{r.staffed:.1f}", "sl": pct(r.service_level),
              "occ": pct(r.occupancy), "needed": str(int(r.needed)), "gap": f"{r.gap:.1f}"}
             for r in g["slots"].itertuples()]
    worst = g["slots"].set_index("time").loc[g["worst"]]
    return {"slots": slots, "worst": g["worst"], "worst_sl": pct(worst["service_level"]),
            "worst_occ": pct(worst["occupancy"]), "sl": pct(g["service_level"]),
            "ab": pct(g["abandonment_rate"]), "offered": f"{g['offered']:,}",
            "gap_hours": f"{g['gap_agent_hours']:.1f}", "rate": f"{g['pay_per_hour']:.2f}",
            "cost": cny(g["fix_cost_cny"]), "cost_value": g["fix_cost_cny"]}


def _aht(case) -> dict:
    a = k.aht_rise(case)
    return {"before": secs(a["before"]), "after": secs(a["after"]), "delta": secs(a["delta"]),
            "planned": secs(a["planned"]), "sl_before": pct(a["sl_before"]), "sl_after": pct(a["sl_after"]),
            "days": a["days"], "hours": f"{a['staff_hours']:.2f}", "hours_year": f"{a['staff_hours_year']:,.0f}",
            "fte_year": f"{a['fte_year']:.2f}", "rate": f"{a['pay_per_hour']:.2f}", "cost": cny(a["cost_cny"]),
            "cost_year": cny(a["cost_year_cny"]), "cost_value": a["cost_cny"]}


def _qa(case) -> dict:
    q = k.qa_pareto(case)
    top = [{"item": f"{r.item_zh} {r.item_id}", "failures": str(int(r.failures)), "fail_rate": pct(r.fail_rate),
            "share": pct(r.share), "cum": pct(r.cumulative_share)} for r in q["top"].itertuples()]
    teams = [{"team": t["team"], "evaluations": str(t["evaluations"]), "failures": str(t["failures"]),
              "fail_rate": pct(t["fail_rate"]), "top_item": q["team_top_item"].get(t["team"], "")}
             for t in q["teams"]]
    return {"top": top, "teams": teams, "item": q["item"], "item_zh": q["item_zh"], "team": d.QA_TEAM}


def _coaching(case) -> dict:
    n, c = k.not_ready(case), k.coaching_plan(case)
    plan = c["plan"]
    return {"agent": n["agent"], "team": n["team"], "utilisation": pct(n["utilisation"]),
            "peer_median": pct(n["peer_median"]), "shrinkage": pct(n["shrinkage"]),
            "not_ready": pct(n["not_ready_share"]), "peer_not_ready": pct(n["peer_not_ready_share"]),
            "rank": str(n["rank"]), "agents": str(n["agents"]), "top_quartile": pct(c["top_quartile"]),
            "plan": {"behaviour": plan.behaviour, "baseline": pct(plan.baseline), "target": pct(plan.target),
                     "team_target": pct(plan.team_target), "start": str(plan.start), "due": str(plan.due)},
            "messages": c["messages"], "passed": c["passed"]}


def key_data(seed: int = SEED) -> dict:
    """The answer key: each planted problem with the figures the kit computes from the case month."""
    case = d.case_month(seed)
    gap, aht, card, facts = _gap(case), _aht(case), k.kpi_card(case), planted_facts()
    return {
        "seed": seed, "title": "综合案例 · 讲师答案",
        "subtitle": f"Capstone case · Trainer's answer key · {_month_label()}（种子 {seed}，讲师专用，勿发学员）",
        "card": _card_rows(card), "weekly": _weekly_rows(case),
        "sl_ok": bool((card["service_level"] >= REGISTRY["service_level"].target).all()),
        "gap": gap, "aht": aht, "qa": _qa(case), "coach": _coaching(case),
        "total_cost": cny(gap["cost_value"] + aht["cost_value"]),
        "gap_def": {"queue": facts["gap_queue"], "days": facts["gap_days"].strip(),
                    "hours": facts["gap_hours"].strip(), "share": pct(d.GAP_SHARE)},
        "aht_def": {"queue": facts["aht_queue"], "from": facts["aht_from"].strip(),
                    "factor": f"{d.AHT_TALK_FACTOR:.2f}"},
        "qa_def": {"extra": pct(d.QA_EXTRA_FAIL)}, "nr_def": {"share": pct(d.NOT_READY_SHARE)},
    }


def pack() -> bytes:
    """The data pack workbook (.xlsx bytes) of the case month."""
    return pack_bytes(d.case_month(SEED))


DOCUMENTS = (
    Document("capstone_brief", "综合案例_团队任务书_capstone_brief.pdf", "综合案例 团队任务书",
             "Capstone case: team brief", "capstone_brief", brief_data, pages=(2, 4)),
    Document("capstone_data", "综合案例_数据包_capstone_data.xlsx", "综合案例 数据包", "Capstone case: data pack",
             None, None, make=pack),
    Document("capstone_rubric", "综合案例_评分表_capstone_rubric.pdf", "综合案例 评分表",
             "Capstone case: scoring rubric", "capstone_rubric", rubric_data, pages=(1, 2)),
    Document("capstone_key", "综合案例_讲师答案_capstone_key.pdf", "综合案例 讲师答案",
             "Capstone case: trainer's answer key", "capstone_key", key_data, pages=(3, 8)),
)
