"""Role-play kits (issue 15 item 4): one PDF per coaching case, read back with pypdf.

The agents' figures are recomputed here with pandas from the datasets (not through the kit's
KPI functions) and looked for on the coach card's page; the seven common mistakes are parsed
from the table of ch06 lesson 3 (the course's own list) and the GROW steps, coaching steps and
SMART letters come from ccskills.coaching; the timing totals are checked against the minutes the
trainer guide and the trainer notes give the role-plays.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pypdf import PdfReader

from ccskills import coaching
from ccskills.datasets import load_agents, load_call_records
from ccskills.datasets.quality import load_qa_results, load_scorecard
from ccskills.datasets.wfm import load_agent_states, load_schedule
from ccskills.materials import build, catalogue, roleplays
from pdf_tools import fonts

ROOT = Path(__file__).resolve().parents[1]
NAMES = [f"roleplay_{case}" for case in roleplays.CASES]


def flat(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("roleplays")
    return {item.name: item for item in build(out, only=NAMES)}


@pytest.fixture(scope="module")
def pages(built):
    """Per case: the flat text of each page."""
    return {name: [flat(p.extract_text()) for p in PdfReader(item.path).pages] for name, item in built.items()}


def page_with(texts, heading):
    found = [i for i, t in enumerate(texts) if heading in t]
    assert len(found) == 1, (heading, found)
    return found[0]


# --- figures recomputed from the datasets ------------------------------------------------------

@pytest.fixture(scope="module")
def march():
    """Per-agent March figures by hand: answered calls' means, FCR over flagged, CSAT 4-5 over responses."""
    calls = load_call_records()
    answered = calls[calls["outcome"] == "answered"].copy()
    answered["handle"] = answered["talk_s"] + answered["hold_s"] + answered["acw_s"]
    g = answered.groupby("agent_id")
    flagged = answered.dropna(subset=["resolved_first_contact"])
    rated = answered.dropna(subset=["csat"])
    table = pd.DataFrame({
        "aht_s": g["handle"].mean(), "avg_talk_s": g["talk_s"].mean(), "avg_hold_s": g["hold_s"].mean(),
        "avg_acw_s": g["acw_s"].mean(), "transfer_rate": g["transferred"].mean(),
        "fcr_rate": flagged.groupby("agent_id")["resolved_first_contact"].mean(),
        "csat_top2_box": (rated["csat"] >= 4).groupby(rated["agent_id"]).mean()})
    return table.join(load_agents().set_index("agent_id"))


def shown(kpi: str, value: float) -> str:
    return f"{100 * value:.1f}%" if kpi.endswith("_rate") or kpi.endswith("_box") else f"{value:.1f}"


@pytest.mark.parametrize("agent, kpis", [
    ("A002", ["aht_s", "avg_talk_s", "avg_hold_s", "avg_acw_s", "fcr_rate", "csat_top2_box"]),
    ("A022", ["aht_s", "avg_acw_s", "fcr_rate", "csat_top2_box", "transfer_rate"]),
    ("P004", ["aht_s", "fcr_rate", "csat_top2_box", "transfer_rate"]),
])
def test_the_coach_card_carries_the_agents_figures_and_the_peer_medians(pages, march, agent, kpis):
    texts = pages[f"roleplay_{agent}"]
    coach = texts[page_with(texts, "辅导者卡Coachcard")]
    peers = march[march["queue"] == march.loc[agent, "queue"]]
    for kpi in kpis:
        assert shown(kpi, march.loc[agent, kpi]) in coach, (agent, kpi, shown(kpi, march.loc[agent, kpi]))
        assert shown(kpi, peers[kpi].median()) in coach, (agent, kpi, "median")
    # the figures are the agent's, not on the agent's card
    agent_card = texts[page_with(texts, "员工卡Agentcard")]
    assert shown(kpis[0], march.loc[agent, kpis[0]]) not in agent_card


@pytest.mark.parametrize("agent, item, failures, evaluations", [
    ("A002", "listening", 9, 18), ("A022", "solution", 18, 30), ("P004", "information", 14, 18)])
def test_the_coach_card_carries_the_costliest_qa_item(pages, agent, item, failures, evaluations):
    """Failures and points lost per evaluation of the agent's costliest item, counted from the raw
    QA results (the counts are those quoted by ch03 lesson 4 and ch06 lesson 3)."""
    results, card = load_qa_results(), load_scorecard().set_index("item_id")
    mine = results[(results["agent_id"] == agent) & (results["item_id"] == item)]
    assert (int((~mine["passed"].astype(bool)).sum()), len(mine)) == (failures, evaluations)
    per_evaluation = card.loc[item, "weight"] * failures / evaluations
    texts = pages[f"roleplay_{agent}"]
    coach = texts[page_with(texts, "辅导者卡Coachcard")]
    assert f"{failures}/{evaluations}" in coach
    assert f"{per_evaluation:.1f}" in coach
    assert card.loc[item, "item_zh"] in coach


def test_p004s_mean_qa_score_is_the_weighted_passes_zeroed_by_critical_errors(pages):
    results, card = load_qa_results(), load_scorecard().set_index("item_id")
    rows = results[results["agent_id"] == "P004"].join(card[["weight", "critical_kind"]], on="item_id")
    rows["failed"] = ~rows["passed"].astype(bool)
    by_eval = rows.groupby("evaluation_id").apply(
        lambda e: 0.0 if (e["failed"] & (e["critical_kind"] != "")).any()
        else float(e.loc[~e["failed"], "weight"].sum()), include_groups=False)
    texts = pages["roleplay_P004"]
    coach = texts[page_with(texts, "辅导者卡Coachcard")]
    assert len(by_eval) == 18 and f"平均{by_eval.mean():.1f}分" in coach
    assert f"{results.loc[results['agent_id'] == 'P004', 'analyst_id'].nunique()}位不同的质检员" in coach


def test_e005s_adherence_counted_second_by_second(pages):
    """Adherence = seconds in the scheduled activity / scheduled seconds, by a one-second grid over
    E005's two weeks; absent days = scheduled days without any state row."""
    schedule, states = load_schedule(), load_agent_states()
    plan, real = schedule[schedule["agent_id"] == "E005"], states[states["agent_id"] == "E005"]
    origin = plan["start"].min().normalize()
    size = int((plan["end"].max() - origin).total_seconds())
    wanted, doing = np.full(size, "", dtype=object), np.full(size, "", dtype=object)
    phone = {"available", "talk", "hold", "acw"}
    for r in plan.itertuples():
        wanted[int((r.start - origin).total_seconds()):int((r.end - origin).total_seconds())] = r.activity
    for r in real.itertuples():
        a, b = int((r.start - origin).total_seconds()), int((r.end - origin).total_seconds())
        doing[max(a, 0):min(b, size)] = "phone" if r.state in phone else r.state
    scheduled = wanted != ""
    adherence = (scheduled & (wanted == doing)).sum() / scheduled.sum()
    days = plan["start"].dt.date
    absent = sorted(set(days) - set(real["start"].dt.date))
    worked = scheduled & ~np.isin((origin + pd.to_timedelta(np.arange(size), unit="s")).date, absent)
    worked_adherence = (worked & (wanted == doing)).sum() / worked.sum()
    texts = pages["roleplay_E005"]
    coach = texts[page_with(texts, "辅导者卡Coachcard")]
    assert f"{100 * adherence:.1f}%" in coach and f"{100 * worked_adherence:.1f}%" in coach
    assert len(absent) == 3 and f"缺勤{len(absent)}天" in coach
    for day in absent:
        assert f"{day}缺勤noshow" in coach


# --- the observer sheet and the transcripts ------------------------------------------------------

def lesson_mistakes() -> list[str]:
    """The seven common mistakes as the table of course/06_coaching/03_corrective_coaching.ipynb lists them."""
    nb = json.loads((ROOT / "course/06_coaching/03_corrective_coaching.ipynb").read_text(encoding="utf-8"))
    text = next("".join(c["source"]) for c in nb["cells"] if "七宗罪" in "".join(c["source"]) and "| 1 |" in "".join(c["source"]))
    rows = re.findall(r"^\| (\d) \| ([^|]+) \|", text, flags=re.M)
    return [re.sub(r"（.*?）", "", name).strip() for _, name in rows]


def test_the_kits_seven_mistakes_are_the_lessons():
    assert [zh for zh, _ in roleplays.COMMON_MISTAKES] == lesson_mistakes()
    assert len(roleplays.COMMON_MISTAKES) == 7


@pytest.mark.parametrize("case", roleplays.CASES)
def test_the_observer_sheet_lists_grow_the_steps_the_mistakes_and_smart(pages, case):
    texts = pages[f"roleplay_{case}"]
    sheet = texts[page_with(texts, "观察员记录表Observersheet")]
    for zh, en, question in coaching.GROW_STEPS.values():
        assert flat(zh) in sheet and flat(en) in sheet and flat(question) in sheet
    for zh in lesson_mistakes():
        assert flat(zh) in sheet, zh
    steps = coaching.DEVELOPMENTAL_STEPS if roleplays.load_case(case)["kind"] == "developmental" \
        else coaching.CORRECTIVE_STEPS
    for zh, _ in steps.values():
        assert flat(zh) in sheet, zh
    for letter, (zh, en) in coaching.SMART_LETTERS.items():
        assert f"{letter}{zh}{en}" in sheet
    assert "说话比例Talkratio" in sheet


@pytest.mark.parametrize("case", roleplays.CASES)
def test_cards_and_sheet_are_separate_pages_and_the_hidden_facts_stay_on_the_agents(pages, case):
    texts = pages[f"roleplay_{case}"]
    heads = ["辅导者卡Coachcard", "员工卡Agentcard", "观察员记录表Observersheet", "示范对话：好的Modeltranscript:good", "示范对话：差的Modeltranscript:poor",
             "复盘问题Debriefquestions"]
    where = [page_with(texts, h) for h in heads]
    assert len(set(where)) == len(heads) and where == sorted(where)
    hidden = roleplays.roleplay_data(case)["agent"]["hidden"]
    for fact in hidden:
        assert flat(fact)[:12] in texts[where[1]]
        assert flat(fact)[:12] not in texts[where[0]]


def characters(text: str) -> int:
    return len(re.findall(r"\w", text))


@pytest.mark.parametrize("case", roleplays.CASES)
def test_transcripts_good_follows_grow_poor_shows_several_mistakes(pages, case):
    data = roleplays.roleplay_data(case)
    good, poor = data["good"], data["poor"]
    assert 12 <= len(good) <= 20 and 12 <= len(poor) <= 20
    steps = [m for t in roleplays.load_case(case)["good"] for m in t.get("marks", [])]
    assert steps == sorted(steps, key="GROW".index) and set(steps) == set("GROW")
    wrong = {m for t in poor for m in t["marks"]}
    assert len(wrong) >= 5 and wrong <= {str(i) for i in range(1, 8)}
    coach = sum(characters(t["text"]) for t in good if t["who"] == "coach")
    share = coach / sum(characters(t["text"]) for t in good)
    assert share <= roleplays.TALK_SHARE_MAX[roleplays.load_case(case)["kind"]]
    poor_share = sum(characters(t["text"]) for t in poor if t["who"] == "coach") / sum(
        characters(t["text"]) for t in poor)
    assert poor_share > share
    texts = pages[f"roleplay_{case}"]
    good_page, poor_page = texts[page_with(texts, "示范对话：好的Modeltranscript:good")], texts[page_with(texts, "示范对话：差的Modeltranscript:poor")]
    assert f"{100 * share:.0f}%" in good_page
    for turn in good:
        assert flat(turn["text"]) in good_page
    for turn in poor:
        assert flat(turn["text"]) in poor_page
    assert not any("{" in t or "}" in t for t in texts)


@pytest.mark.parametrize("case", roleplays.CASES)
def test_the_plan_the_good_transcript_agrees_passes_smart(pages, case):
    checks = roleplays.roleplay_data(case)["plan"]["checks"]
    assert len(checks) == 5 and all(c.startswith("✓") for c in checks), checks
    texts = pages[f"roleplay_{case}"]
    debrief = texts[page_with(texts, "复盘问题Debriefquestions")]
    for message in checks:
        assert flat(message)[1:] in debrief


def test_a022_follows_lesson_03s_conclusion_not_lesson_04s_aht_plan(pages):
    """Issue 15 item 8: the 2026-04-01 talk found the cause in knowledge (FCR, transfers)."""
    spec = roleplays.load_case("A022")["plan"]
    assert spec["kpi"] == "fcr_rate" and spec["start"] == "2026-04-01"
    texts = pages["roleplay_A022"]
    coach = texts[page_with(texts, "辅导者卡Coachcard")]
    assert "2026年4月1日" in coach and "第06章第3课的结论" in coach and "第4课那份AHT计划" in coach


# --- the documents --------------------------------------------------------------------------------

def slot_minutes(path: str, pattern: str) -> int:
    match = re.search(pattern, (ROOT / path).read_text(encoding="utf-8"))
    assert match, (path, pattern)
    return int(match.group(1))


@pytest.mark.parametrize("case, path, pattern", [
    ("A002", "course/trainer_guide.md", r"A002 案例）.*?角色扮演 (\d+) 分钟"),
    ("A022", "course/06_coaching/trainer_note.md", r"七宗罪\"找茬 (\d+) 分钟"),
    ("P004", "course/trainer_guide.md", r"P004 的数据模拟面谈 (\d+) 分钟"),
    ("E005", "course/05_forecasting_scheduling/trainer_note.md", r"辅导对话角色扮演 (\d+) 分钟"),
])
def test_the_first_timing_column_fills_the_slot_the_course_gives(case, path, pattern):
    assert roleplays.roleplay_data(case)["timing"]["workshop_total"] == slot_minutes(path, pattern)


def test_each_kit_is_in_the_catalogue_in_range_with_fonts_embedded(built):
    docs = {d.name: d for d in catalogue()}
    for name in NAMES:
        item, doc = built[name], docs[name]
        assert doc.pages[0] >= 4 and doc.pages[1] <= 8
        assert doc.pages[0] <= item.pages <= doc.pages[1]
        assert item.path.name == doc.file and item.path.name.startswith("角色扮演_")
        used = fonts(PdfReader(item.path))
        assert used and all(used.values()), used
        assert any("CJK" in f or "MicroHei" in f for f in used)


def test_unknown_cases_are_refused_by_name():
    with pytest.raises(ValueError, match="case must be one of"):
        roleplays.load_case("A999")
    with pytest.raises(ValueError, match="case must be one of"):
        roleplays.case_figures("a002")
