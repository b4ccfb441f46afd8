"""角色扮演资料包 Role-play kits for the four coaching cases the course uses: A002 developmental
coaching (ch06 lesson 2), A022 corrective coaching (ch06 lesson 3), P004 QA feedback interview
(ch03 lesson 4) and E005 schedule adherence (ch05 lesson 6).

One PDF per case: a trainer page (purpose, roles, timing), the coach card with the agent's figures
computed here from the kit's datasets, the agent card with the facts only the agent knows, the
observer sheet (GROW steps, talk-ratio tally, the seven common mistakes, SMART check), a good and a
poor model transcript, and the debrief questions with the SMART checker's verdict on the plan the
good transcript agrees.

The Chinese text lives in ``roleplay_cases/<case>.toml`` (one file per case, plus ``common.toml``);
figures enter it through ``{name}`` fields filled at build time, so no number is typed. GROW steps,
coaching steps and SMART letters come from :mod:`ccskills.coaching`.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

import pandas as pd

from ccskills import coaching
from ccskills.kpi.registry import REGISTRY
from ccskills.materials._catalogue import Document

__all__ = ["CASES", "TALK_SHARE_MAX", "COMMON_MISTAKES", "load_case", "case_figures", "talk_share",
           "roleplay_data", "DOCUMENTS"]

CASES = ("A002", "A022", "P004", "E005")
"""The four cases, in the order the course meets them in ch06 (P004 and E005 come from ch03 and ch05)."""

TALK_SHARE_MAX = {"developmental": 1 / 3, "corrective": 1 / 2}
"""Most of the talk the coach should take, by kind of coaching: a third in developmental coaching
(ch06 lesson 2: 辅导者说话的时间最好不超过三分之一); corrective coaching gives more instruction
(lesson 3), so this kit's guide is under half."""

KINDS = {"developmental": ("发展型辅导", "Developmental coaching", coaching.DEVELOPMENTAL_STEPS),
         "corrective": ("改进型辅导", "Corrective coaching", coaching.CORRECTIVE_STEPS)}


def _read(name: str) -> dict:
    return tomllib.loads(resources.files("ccskills.materials").joinpath("roleplay_cases", name)
                         .read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _common() -> dict:
    return _read("common.toml")


COMMON_MISTAKES = tuple((m["zh"], m["en"]) for m in _common()["mistakes"])
"""The seven common mistakes of corrective coaching (改进型辅导"七宗罪"), as ch06 lesson 3 lists them:
(zh, en) pairs in the lesson's order."""


def load_case(case: str) -> dict:
    """The case's text (``roleplay_cases/<case>.toml``) as a dict; ValueError for an unknown case."""
    if case not in CASES:
        raise ValueError(f"case must be one of {CASES!r}, got {case!r}")
    return _read(f"{case}.toml")


def case_figures(case: str) -> dict:
    """The case's figures from the datasets: ``{"rows", "tables", "values", "plan", "plan_peers"}``.

    ``rows`` are the coach card's indicator rows (label, value, peer median, best quarter, flag),
    ``tables`` extra tables (QA items, adherence exceptions) as ``{title, header, rows}``,
    ``values`` the formatted figures (and counts) the text's ``{name}`` fields use, ``plan`` the
    numbers a case's ``[plan]`` may name (``baseline``, ``team_target``; in the KPI's unit) and
    ``plan_peers`` the peers' values of the plan's KPI for the SMART check.
    """
    if case not in CASES:
        raise ValueError(f"case must be one of {CASES!r}, got {case!r}")
    return _FIGURES[case]()


# --- figures ---------------------------------------------------------------------------------

def _num(value, unit: str) -> str:
    """A figure as printed: seconds and scores with one decimal, fractions as percent with one."""
    if unit == "fraction":
        return f"{100 * value:.1f} %"
    return f"{value:.1f}"


def _label(kpi: str) -> str:
    ind = REGISTRY[kpi]
    unit = {"seconds": "（秒）", "fraction": "", "score": "（分）"}.get(ind.unit, "")
    return f"{ind.name_zh}{unit} {ind.name_en}"


@lru_cache(maxsize=1)
def _centre():
    """Per-agent KPIs of March (agents joined with ``kpi.summarize``), QA results and scorecard."""
    from ccskills import kpi
    from ccskills.datasets import load_agents, load_call_records
    from ccskills.datasets.quality import load_qa_results, load_scorecard

    per_agent = load_agents().set_index("agent_id").join(kpi.summarize(load_call_records(), by="agent_id"))
    return per_agent, load_qa_results(), load_scorecard()


def _peer_rows(agent: str, kpis) -> tuple[list, dict]:
    """Coach-card rows for ``agent`` against the peers of its queue, and their values by KPI id."""
    per_agent = _centre()[0]
    queue = per_agent[per_agent["queue"] == per_agent.loc[agent, "queue"]]
    table = coaching.peer_table(queue, kpis)
    mine = table[table["agent_id"] == agent].set_index("kpi")
    rows, values = [], {}
    for kpi in kpis:
        r, unit = mine.loc[kpi], REGISTRY[kpi].unit
        rows.append({"label": _label(kpi), "value": _num(r["value"], unit),
                     "median": _num(r["peer_median"], unit), "best": _num(r["top_quartile"], unit),
                     "flag": "最差四分之一" if r["bottom"] else ""})
        values.update({kpi: _num(r["value"], unit), f"{kpi}_median": _num(r["peer_median"], unit),
                       f"{kpi}_best": _num(r["top_quartile"], unit)})
    values["peers"] = len(queue)
    return rows, values


@lru_cache(maxsize=1)
def _qa_tables():
    """March QA: scored evaluations, per-agent score intervals, costliest items, points lost, targets."""
    from ccskills import quality

    _, results, card = _centre()
    scored = quality.score_evaluations(results, card)
    lost = quality.points_lost(results, card)
    return {"scored": scored, "interval": quality.score_interval(scored, "agent_id"),
            "items": quality.costliest_items(results, card, top=3), "lost": lost,
            "targets": coaching.targets_from_qa(lost).set_index("agent_id")}


def _qa(agent: str) -> tuple[dict, object]:
    """The agent's QA figures (mean score and 95 % interval, costliest items with evidence, the
    targets_from_qa item) and the peers' mean points lost on that item."""
    _, results, card = _centre()
    qa = _qa_tables()
    interval, target = qa["interval"].loc[agent], qa["targets"].loc[agent]
    items = qa["items"][qa["items"]["agent_id"] == agent]
    names = card.set_index("item_id")["item_zh"]
    failed = results[(results["agent_id"] == agent) & ~results["passed"].astype(bool)]
    evidence = failed.groupby("item_id")["evaluation_id"].apply(lambda ids: "、".join(ids.head(3)))
    rows = [[names[i.item_id], f"{i.failures} / {i.evaluations}", f"{i.points_lost_per_evaluation:.1f}",
             f"{100 * i.share:.1f} %", evidence.get(i.item_id, "")] for i in items.itertuples()]
    first, second = items.iloc[0], items.iloc[1]
    values = {"qa_mean": f"{interval['mean_score']:.1f}", "qa_low": f"{interval['low']:.1f}",
              "qa_high": f"{interval['high']:.1f}", "qa_n": int(interval["evaluations"]),
              "qa_standard": f"{qa['scored']['score'].mean():.1f}",
              "item1": names[first["item_id"]], "item1_lost": f"{first['points_lost_per_evaluation']:.1f}",
              "item1_fail": int(first["failures"]), "item1_share": f"{100 * first['share']:.1f} %",
              "item1_evidence": evidence.get(first["item_id"], ""),
              "item2": names[second["item_id"]], "item2_lost": f"{second['points_lost_per_evaluation']:.1f}",
              "item2_fail": int(second["failures"]),
              "gap_item": names[target["item"]], "gap_baseline": f"{target['baseline']:.2f}",
              "gap_target": f"{target['target']:.2f}",
              "analysts": int(results.loc[results["agent_id"] == agent, "analyst_id"].nunique()),
              "item1_first": evidence.get(first["item_id"], "").split("、")[0], **_best_item(agent)}
    table = {"title": "质检最失分的项 Costliest QA items",
             "header": ["评分项 item", "失分次数 failures", "每次失分 points / evaluation", "占失分 share",
                        "证据（质检单）evidence"], "rows": rows}
    lost = qa["lost"]
    peers = lost[lost["item_id"] == target["item"]].groupby("agent_id")["points_lost"].mean().to_numpy()
    return {"table": table, "values": values, "target": target}, peers


def _best_item(agent: str) -> dict:
    """The scored item (weight > 0) the agent passes most often: a true strength to open with."""
    _, results, card = _centre()
    weighted = card.loc[card["weight"] > 0, "item_id"]
    mine = results[(results["agent_id"] == agent) & results["item_id"].isin(weighted)]
    passes = mine.groupby("item_id")["passed"].agg(["sum", "size"]).sort_values(["sum", "size"], ascending=False)
    best = passes.index[0]
    return {"best_item": card.set_index("item_id").loc[best, "item_zh"], "best_pass": int(passes.loc[best, "sum"])}


def _agent_values(agent: str) -> dict:
    row = _centre()[0].loc[agent]
    return {"agent": agent, "team": row["team"], "hired": f"{row['hire_date']:%Y 年 %-m 月 %-d 日}",
            "answered": int(row["answered"])}


def _a002() -> dict:
    rows, values = _peer_rows("A002", ["aht_s", "avg_talk_s", "avg_hold_s", "avg_acw_s", "fcr_rate",
                                       "csat_top2_box"])
    qa, _ = _qa("A002")
    per_agent = _centre()[0]
    queue = per_agent[per_agent["queue"] == "aftersales"]
    talk, median = float(per_agent.loc["A002", "avg_talk_s"]), float(queue["avg_talk_s"].median())
    values.update(**_agent_values("A002"), **qa["values"], talk_gap=f"{talk - median:.1f}",
                  plan_baseline=round(talk), plan_team=round(median))
    return {"rows": rows, "tables": [qa["table"]], "values": values,
            "plan": {"baseline": round(talk), "team_target": round(median)},
            "plan_peers": queue["avg_talk_s"].to_numpy()}


def _a022() -> dict:
    kpis = ["aht_s", "avg_acw_s", "fcr_rate", "csat_top2_box", "transfer_rate"]
    rows, values = _peer_rows("A022", kpis)
    qa, _ = _qa("A022")
    per_agent = _centre()[0]
    queue = per_agent[per_agent["queue"] == "aftersales"]
    fcr, median = float(per_agent.loc["A022", "fcr_rate"]), float(queue["fcr_rate"].median())
    values.update(**_agent_values("A022"), **qa["values"], plan_baseline=f"{100 * round(fcr, 2):.0f} %",
                  plan_team=f"{100 * round(median, 2):.0f} %")
    return {"rows": rows, "tables": [qa["table"]], "values": values,
            "plan": {"baseline": round(fcr, 2), "team_target": round(median, 2)},
            "plan_peers": queue["fcr_rate"].to_numpy()}


def _p004() -> dict:
    rows, values = _peer_rows("P004", ["aht_s", "fcr_rate", "csat_top2_box", "transfer_rate"])
    qa, peers = _qa("P004")
    values.update(**_agent_values("P004"), **qa["values"])
    return {"rows": rows, "tables": [qa["table"]], "values": values,
            "plan": {"baseline": round(float(qa["target"]["baseline"]), 2),
                     "team_target": round(float(qa["target"]["target"]), 2)},
            "plan_peers": peers}


_EXCEPTIONS = {"no_show": "缺勤 no show", "late_login": "迟到登录 late log-in",
               "early_logout": "提前退出 early log-out", "long_break": "休息超时 long break"}


def _e005() -> dict:
    from ccskills.datasets.wfm import load_agent_states, load_schedule, load_wfm_agents
    from ccskills.scheduling import adherence_exceptions, adherence_table

    schedule, states = load_schedule(), load_agent_states()
    by_agent = adherence_table(schedule, states, by="agent")
    me = by_agent.loc["E005"]
    exceptions = adherence_exceptions(schedule, states)
    mine = exceptions[exceptions["agent_id"] == "E005"]
    absent = set(mine.loc[mine["exception"] == "no_show", "day"].astype(str))
    days = schedule["start"].dt.strftime("%Y-%m-%d")
    worked = adherence_table(schedule[(schedule["agent_id"] == "E005") & ~days.isin(absent)],
                             states[states["agent_id"] == "E005"], by="agent").loc["E005"]
    spans = schedule.groupby(["agent_id", days])
    spans = pd.DataFrame({"start": spans["start"].min(), "end": spans["end"].max()})
    nine = spans[spans["end"] - spans["start"] == pd.Timedelta(hours=9)]
    starts = "、".join(sorted(nine["start"].dt.strftime("%H:%M").unique()))
    shifts = schedule[schedule["agent_id"] == "E005"].groupby(days)
    shift = f"{shifts['start'].min().min():%H:%M}–{shifts['end'].max().max():%H:%M}"
    ind = REGISTRY["schedule_adherence"]
    rows = [{"label": "排班遵从度 Schedule adherence", "value": _num(me["adherence"], "fraction"),
             "median": _num(by_agent["adherence"].median(), "fraction"),
             "best": _num(by_agent["adherence"].quantile(0.75), "fraction"), "flag": "全中心最低"
             if me["adherence"] == by_agent["adherence"].min() else ""},
            {"label": "排班一致率 Conformance", "value": _num(me["conformance"], "fraction"),
             "median": _num(by_agent["conformance"].median(), "fraction"),
             "best": _num(by_agent["conformance"].quantile(0.75), "fraction"), "flag": ""},
            {"label": "出勤日的遵从度 Adherence on days worked", "value": _num(worked["adherence"], "fraction"),
             "median": "", "best": "", "flag": ""}]
    counts = mine["exception"].value_counts()
    early_days = set(mine.loc[mine["exception"] == "early_logout", "day"].astype(str).str[:10])
    mine_states = states[states["agent_id"] == "E005"]
    logout = mine_states.groupby(mine_states["start"].dt.strftime("%Y-%m-%d"))["end"].max()
    earliest_logout = f"{logout[logout.index.isin(early_days)].dt.time.min():%H:%M}"
    table = {"title": "两周异常清单 Exceptions（容差 5 分钟 tolerance 5 min）",
             "header": ["日期 day", "异常 exception", "超出分钟 minutes over", "明细 detail"],
             "rows": [[str(r.day)[:10], _EXCEPTIONS[r.exception], f"{r.excess_s / 60:.0f}", r.detail]
                      for r in mine.itertuples()]}
    name = load_wfm_agents().set_index("agent_id").loc["E005"]
    values = {"agent": "E005", "name": name["name"], "team": name["team"], "shift": shift,
              "adherence": rows[0]["value"], "adherence_median": rows[0]["median"],
              "conformance": rows[1]["value"], "worked_adherence": rows[2]["value"],
              "days": shifts.ngroups, "absent_days": len(absent), "exceptions": len(mine),
              "late": int(counts.get("late_login", 0)), "early": int(counts.get("early_logout", 0)),
              "long_break": int(counts.get("long_break", 0)),
              "target": _num(ind.target, "fraction"), "amber": _num(ind.amber, "fraction"),
              "agents": len(by_agent), "below_90": int((by_agent["adherence"] < 0.9).sum()),
              "first_day": min(days[schedule["agent_id"] == "E005"]), "last_day": max(days),
              "plan_baseline": f"{100 * round(float(me['adherence']), 2):.0f} %",
              "plan_team": f"{100 * ind.target:.0f} %", "shift_starts": starts,
              "earliest_logout": earliest_logout}
    return {"rows": rows, "tables": [table], "values": values,
            "plan": {"baseline": round(float(me["adherence"]), 2), "team_target": ind.target, "amber": ind.amber},
            "plan_peers": by_agent["adherence"].to_numpy()}


_FIGURES = {"A002": _a002, "A022": _a022, "P004": _p004, "E005": _e005}


def talk_share(turns, who: str = "coach") -> float:
    """Share of the transcript's characters (punctuation and spaces left out) that ``who`` speaks."""
    def size(text):
        return sum(ch.isalnum() for ch in text)
    total = sum(size(t["text"]) for t in turns)
    if total == 0:
        raise ValueError(f"turns must hold some text, got {turns!r}")
    return sum(size(t["text"]) for t in turns if t["who"] == who) / total
# --- the document's data ----------------------------------------------------------------------

def _fill(node, values: dict):
    """Every string of a TOML tree with its ``{name}`` fields filled from ``values``."""
    if isinstance(node, str):
        return node.format(**values)
    if isinstance(node, list):
        return [_fill(item, values) for item in node]
    if isinstance(node, dict):
        return {key: _fill(item, values) for key, item in node.items()}
    return node


def _plan_check(spec: dict, figures: dict) -> list[str]:
    """The SMART checker's verdicts (zh) on the plan the good transcript agrees."""
    def number(value):
        return figures["plan"][value] if isinstance(value, str) else value
    plan = coaching.SmartPlan(agent_id=spec["agent_id"], kpi=spec["kpi"], behaviour=spec["behaviour"],
                              baseline=number(spec["baseline"]), target=number(spec["target"]),
                              start=spec["start"], due=spec["due"], team_target=number(spec["team_target"]))
    return coaching.check_smart(plan, peer_values=figures["plan_peers"]).messages("zh")


def _observer(kind: str, minutes: float) -> dict:
    common = _common()
    zh, en, steps = KINDS[kind]
    agenda = coaching.grow_agenda(minutes)
    share = TALK_SHARE_MAX[kind]
    return {"intro": common["observer"]["intro"], "tally": common["observer"]["tally"],
            "grow": [{"key": k, "zh": z, "en": e, "question": q, "minutes": f"{agenda[k]:g}"}
                     for k, (z, e, q) in coaching.GROW_STEPS.items()],
            "kind_zh": zh, "kind_en": en, "steps": [{"zh": z, "en": e} for z, e in steps.values()],
            "mistakes": [{"n": i + 1, **m} for i, m in enumerate(common["mistakes"])],
            "smart": [{"letter": k, "zh": z, "en": e, "question": common["smart"][k]}
                      for k, (z, e) in coaching.SMART_LETTERS.items()],
            "talk_max": f"{100 * share:.0f} %", "talk_cells": int(round(minutes * 2)), "minutes": f"{minutes:g}"}


def _turns(turns: list, roles: dict, *, repeat: bool = True) -> list:
    """Turns with the speaker's role and the margin marks as text; ``repeat=False`` prints a mark
    only where it changes (the GROW step of the good transcript)."""
    out, last = [], None
    for t in turns:
        marks = [str(m) for m in t.get("marks", [])]
        out.append({**t, "speaker": roles[t["who"]], "marks": marks if repeat or marks != last else []})
        last = marks
    return out


def _date_zh(day: str) -> str:
    return f"{int(day[5:7])} 月 {int(day[8:10])} 日"


def _plan_values(spec: dict, figures: dict) -> dict:
    """The plan's target and dates as the text prints them."""
    target = figures["plan"][spec["target"]] if isinstance(spec["target"], str) else spec["target"]
    unit = REGISTRY[spec["kpi"]].unit if spec["kpi"] in REGISTRY else "score"
    shown = f"{100 * target:.0f} %" if unit == "fraction" else f"{target:g}"
    return {"plan_target": shown, "plan_start": _date_zh(spec["start"]), "plan_due": _date_zh(spec["due"])}


def roleplay_data(case: str) -> dict:
    """Everything the ``roleplay`` template prints for ``case``, figures computed from the datasets."""
    raw, figures = load_case(case), case_figures(case)
    kind = raw["kind"]
    minutes = max(max(r["workshop"], r["chapter"]) for r in raw["timing"]["rows"] if r.get("play"))
    values = {**figures["values"], **_plan_values(raw["plan"], figures), "minutes": minutes,
              "talk_max": f"{100 * TALK_SHARE_MAX[kind]:.0f} %"}
    text = _fill(raw, values)
    kind_zh, kind_en, _ = KINDS[kind]
    rows = text["timing"]["rows"]
    roles = {"coach": text["coach"]["role"], "agent": text["agent"]["role"]}
    good, poor = _turns(text["good"], roles, repeat=False), _turns(text["poor"], roles)
    return {"case": case, "title": text["title"], "title_en": text["title_en"], "kind_zh": kind_zh,
            "kind_en": kind_en, "trainer": text["trainer"],
            "timing": {**text["timing"], "workshop_total": sum(r["workshop"] for r in rows),
                       "chapter_total": sum(r["chapter"] for r in rows)},
            "coach": {**text["coach"], "rows": figures["rows"], "tables": figures["tables"]},
            "agent": text["agent"], "observer": _observer(kind, minutes),
            "good": good, "poor": poor, "mistakes": [m["zh"] for m in _common()["mistakes"]],
            "talk": {"good": f"{100 * talk_share(good):.0f} %", "poor": f"{100 * talk_share(poor):.0f} %",
                     "max": values["talk_max"]},
            "plan": {"text": text["plan"]["text"], "peers": text["plan"]["peers"],
                     "checks": _plan_check(raw["plan"], figures)},
            "debrief": text["debrief"]}


def _document(case: str) -> Document:
    text = load_case(case)
    return Document(f"roleplay_{case}", text["file"], f"角色扮演：{text['title']}",
                    f"Role-play: {text['title_en']}", "roleplay", lambda: roleplay_data(case), pages=(4, 8))


DOCUMENTS = tuple(_document(case) for case in CASES)
