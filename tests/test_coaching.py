"""Tests for ccskills.coaching: the SMART checker letter by letter, plan tracking, records, QA link.

Expected values are worked by hand (percentiles by the linear rule written out,
straight-line paths by arithmetic), never pasted from the library's output.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ccskills import coaching
from ccskills.coaching import (
    CoachingRecord,
    FollowUp,
    GrowConversation,
    SmartPlan,
    check_smart,
    grow_agenda,
    kpi_direction,
    plan_trajectory,
    records_table,
    targets_from_qa,
    top_quartile_level,
)

PEERS_AHT = [320, 340, 350, 360, 380, 400, 410]  # 25th pct: rank 0.25*6 = 1.5 -> 340 + 0.5*10 = 345


def plan(**changes):
    base = dict(agent_id="A017", kpi="aht_s", behaviour="", baseline=410, target=360,
                start="2026-04-01", due="2026-04-30", team_target=350)
    base.update(changes)
    return SmartPlan(**base)


def test_a_good_plan_passes_every_letter():
    result = check_smart(plan(), PEERS_AHT)
    assert result.passed and result.failed == ()
    assert [v.passed for v in result.verdicts] == [True] * 5
    assert [v.letter for v in result.verdicts] == list("SMART")


@pytest.mark.parametrize("changes, letter, reason", [
    (dict(kpi=None, behaviour="提升服务意识"), "S", "vague"),
    (dict(kpi=None, behaviour="work harder"), "S", "vague"),
    (dict(kpi="speed", behaviour=""), "S", "unknown_kpi"),
    (dict(kpi=None, behaviour=""), "S", "nothing"),
    (dict(target=None), "M", "missing_numbers"),
    (dict(baseline=None), "M", "missing_numbers"),
    (dict(target=410), "M", "no_change"),
    (dict(target=300), "A", "beyond_peers"),  # 300 < 345, the best quarter's level
    (dict(team_target=None), "R", "no_team_target"),
    (dict(team_target=420), "R", "no_gap"),   # 410 already better (lower) than 420
    (dict(target=430, team_target=350), "R", "wrong_way"),
    (dict(due=None), "T", "no_date"),
    (dict(due="2026-04-01"), "T", "not_after_start"),
    (dict(due="2026-09-30"), "T", "too_long"),  # 182 days > 92
])
def test_each_failing_letter_says_why(changes, letter, reason):
    result = check_smart(plan(**changes), PEERS_AHT)
    assert letter in result.failed
    assert result[letter].reason == reason
    assert result[letter].message("zh").startswith(f"✗ {letter} ")
    assert result[letter].message("en").startswith(f"✗ {letter} ")


def test_behaviour_without_kpi_is_specific():
    result = check_smart(plan(kpi=None, behaviour="结束通话前复述解决方案并确认客户理解"), [1, 2, 3])
    assert result["S"].passed and result["S"].reason == "behaviour"


def test_achievable_boundary_and_higher_is_better():
    # AHT: exactly the best quarter's level (345) is achievable
    assert check_smart(plan(target=345), PEERS_AHT)["A"].passed
    assert not check_smart(plan(target=344), PEERS_AHT)["A"].passed
    # FCR, higher is better: peers 0.70..0.90, 75th pct of [.70,.75,.80,.85,.90] = .85
    fcr = plan(kpi="fcr_rate", baseline=0.72, target=0.85, team_target=0.80)
    peers = [0.70, 0.75, 0.80, 0.85, 0.90]
    assert check_smart(fcr, peers)["A"].passed
    assert check_smart(plan(kpi="fcr_rate", baseline=0.72, target=0.88, team_target=0.8),
                       peers)["A"].reason == "beyond_peers"


def test_achievable_not_checked_without_peers():
    result = check_smart(plan())
    assert result["A"].passed is None and result["A"].reason == "no_peers"
    assert result.passed  # not checked is not a failure
    assert check_smart(plan(target=None))["A"].reason == "needs_numbers"


def test_top_quartile_level_by_hand():
    assert top_quartile_level(PEERS_AHT, -1) == pytest.approx(345)
    # 75th pct of 320..410: rank 4.5 -> 380 + 0.5*20 = 390
    assert top_quartile_level(PEERS_AHT, 1) == pytest.approx(390)
    with pytest.raises(ValueError, match="^peer_values must hold"):
        top_quartile_level([np.nan], 1)


def test_messages_in_both_languages_carry_the_numbers():
    result = check_smart(plan(target=300), PEERS_AHT)
    assert result["A"].message("en") == (
        "✗ A Achievable: the target 300 goes beyond what the best quarter of peers reach (345).")
    assert "345" in result["A"].message("zh") and "可达成" in result["A"].message("zh")
    assert len(result.messages("zh")) == 5
    with pytest.raises(ValueError, match="^lang must be"):
        result.messages("fr")


def test_kpi_directions():
    assert kpi_direction("aht_s") == -1 and kpi_direction("csat_top2_box") == 1
    assert kpi_direction("qa_points_lost") == -1
    for kpi in ("aht_s", "fcr_rate", "transfer_rate", "csat_top2_box", "avg_acw_s"):
        assert kpi in coaching.kpi_directions()
    with pytest.raises(ValueError, match="^kpi must be one of"):
        kpi_direction("speed")


def test_unknown_kpi_direction_follows_the_numbers():
    assert plan(kpi=None, behaviour="x", baseline=5, target=3).direction == -1
    assert plan(kpi=None, behaviour="x", baseline=3, target=5).direction == 1


@pytest.mark.parametrize("changes, message", [
    (dict(agent_id=" "), "^agent_id must be non-empty text"),
    (dict(baseline="410"), "^baseline must be a finite number or None, got '410'"),
    (dict(target=float("nan")), "^target must be a finite number"),
    (dict(start="April"), r"^start must be a date such as '2026-04-30', got 'April'"),
    (dict(due="2026-13-01"), "^due must be a date"),
    (dict(behaviour=None), "^behaviour must be text"),
])
def test_plan_validation(changes, message):
    with pytest.raises(ValueError, match=message):
        plan(**changes)


def test_check_smart_bad_arguments():
    with pytest.raises(TypeError, match="^plan must be a SmartPlan"):
        check_smart({"kpi": "aht_s"})
    with pytest.raises(ValueError, match="^max_days must be"):
        check_smart(plan(), max_days=0)


# --- trajectory ---------------------------------------------------------------------------


def test_trajectory_by_hand():
    # baseline 410 on 04-01, target 360 on 04-30 (29 days): -50/29 s per day
    p = plan()
    actual = pd.Series([405.0, 392.0, 362.0, 358.0],
                       index=["2026-04-01", "2026-04-15", "2026-04-30", "2026-05-10"])
    out = plan_trajectory(p, actual, tolerance=0.1)
    expected = [410, 410 - 50 * 14 / 29, 360, 360]  # after the due date: the target
    assert out["expected"].tolist() == pytest.approx(expected)
    behind = [405 - 410, 392 - expected[1], 2, -2]  # lower is better: actual - expected
    assert out["behind"].tolist() == pytest.approx(behind)
    # tolerance 0.1 x 50 = 5 s: 392 vs 385.86 is 6.14 behind -> off track
    assert out["on_track"].tolist() == [True, False, True, True]
    assert out.index.name == "date" and str(out.index.dtype).startswith("datetime64")


def test_trajectory_higher_is_better_and_dataframe_input():
    p = plan(kpi="fcr_rate", baseline=0.70, target=0.80, team_target=0.78,
             start="2026-04-01", due="2026-04-11")
    frame = pd.DataFrame({"date": ["2026-04-06"], "value": [0.74]})
    out = plan_trajectory(p, frame, tolerance=0.1)
    # expected 0.70 + 0.10 * 5/10 = 0.75; behind = 0.75 - 0.74 = 0.01 <= 0.1 * 0.10
    assert out["expected"].iloc[0] == pytest.approx(0.75)
    assert out["behind"].iloc[0] == pytest.approx(0.01)
    assert bool(out["on_track"].iloc[0])


@given(st.floats(100, 600), st.floats(100, 600), st.integers(1, 120), st.integers(0, 150))
@settings(max_examples=100, deadline=None)
def test_trajectory_on_the_path_is_on_track(baseline, target, days, day):
    start = dt.date(2026, 4, 1)
    p = plan(baseline=baseline, target=target, start=start, due=start + dt.timedelta(days=days))
    date = start + dt.timedelta(days=day)
    on_path = baseline + (target - baseline) * min(day / days, 1)
    out = plan_trajectory(p, pd.Series([on_path], index=[date]), tolerance=0.0)
    assert bool(out["on_track"].iloc[0])
    assert out["behind"].iloc[0] == pytest.approx(0, abs=1e-6)


def test_trajectory_errors():
    with pytest.raises(ValueError, match="^plan must have a baseline"):
        plan_trajectory(plan(due=None), pd.Series([1.0], index=["2026-04-02"]))
    with pytest.raises(ValueError, match="^tolerance must be"):
        plan_trajectory(plan(), pd.Series([1.0], index=["2026-04-02"]), tolerance=-1)
    with pytest.raises(ValueError, match=r"^date must be a date .* in row 1$"):
        plan_trajectory(plan(), pd.Series([1.0, 2.0], index=["2026-04-02", "soon"]))
    with pytest.raises(ValueError, match=r"^value must be a number, got 'x' in row 0$"):
        plan_trajectory(plan(), pd.Series(["x"], index=["2026-04-02"]))
    with pytest.raises(TypeError, match="^actuals must be"):
        plan_trajectory(plan(), [1, 2])
    with pytest.raises(ValueError, match="must have the column"):
        plan_trajectory(plan(), pd.DataFrame({"when": [1], "value": [2]}))


# --- GROW and records ------------------------------------------------------------------------


def test_grow_agenda_by_hand():
    # 30 min x (10 %, 40 %, 30 %, 20 %) = 3, 12, 9, 6
    assert grow_agenda(30).to_dict() == {"G": 3.0, "R": 12.0, "O": 9.0, "W": 6.0}
    with pytest.raises(ValueError, match="^minutes must be a positive number"):
        grow_agenda(0)


def grow(**changes):
    base = dict(agent_id="A017", coach="T01", held_on="2026-04-01", goal="AHT 410 s -> 360 s",
                reality="ACW 95 s, peers 60 s", options=["templates", "shadow a peer"],
                will_what="use the ACW template on every call", will_when="2026-04-02",
                will_who="A017", follow_up_on="2026-04-15")
    base.update(changes)
    return GrowConversation(**base)


def test_grow_conversation_valid_and_invalid():
    g = grow(options="templates")
    assert g.options == ("templates",) and g.held_on == dt.date(2026, 4, 1)
    with pytest.raises(ValueError, match="^reality must be non-empty text"):
        grow(reality="")
    with pytest.raises(ValueError, match="^options must be one or more"):
        grow(options=[])
    with pytest.raises(ValueError, match="^will_when must be on or after held_on"):
        grow(will_when="2026-03-30")
    with pytest.raises(ValueError, match="^follow_up_on must be on or after"):
        grow(follow_up_on="2026-03-01")


def test_coaching_record_missing_steps():
    notes = {"prepare": "AHT and 3 recordings", "strengths": "warm greeting",
             "questions": "what slows the wrap-up?"}
    rec = CoachingRecord("A017", "T01", "2026-04-01", "developmental", notes)
    assert rec.missing_steps() == ("agree", "follow_up")
    full = dict(notes, agree="template", follow_up="check on 04-15")
    assert CoachingRecord("A017", "T01", "2026-04-01", "developmental", full,
                          follow_up_on="2026-04-15").missing_steps() == ()
    # a written follow-up note without a date still counts as missing
    assert CoachingRecord("A017", "T01", "2026-04-01", "developmental", full).missing_steps() == (
        "follow_up",)
    corrective = CoachingRecord("A017", "T01", "2026-04-01", "corrective", {"state": "no ID check"})
    assert corrective.missing_steps() == ("evidence", "gap_cause", "instruct", "commit", "recheck")


def test_coaching_record_errors():
    with pytest.raises(ValueError, match="^kind must be 'developmental' or 'corrective'"):
        CoachingRecord("A017", "T01", "2026-04-01", "friendly", {})
    with pytest.raises(ValueError, match=r"^notes must use the steps .*got \['state'\]"):
        CoachingRecord("A017", "T01", "2026-04-01", "developmental", {"state": "x"})
    with pytest.raises(ValueError, match="^follow_up_on must be after held_on"):
        CoachingRecord("A017", "T01", "2026-04-01", "corrective", {}, follow_up_on="2026-04-01")
    with pytest.raises(TypeError, match="^plan must be a SmartPlan or None"):
        CoachingRecord("A017", "T01", "2026-04-01", "corrective", {}, plan="better AHT")


def test_follow_up_and_records_table():
    ups = [FollowUp("A017", "2026-04-08", "aht_s", 395, True),
           FollowUp("A017", "2026-04-15", "aht_s", 380, False, "skipped template twice")]
    table = records_table(ups)
    assert table["value"].tolist() == [395.0, 380.0] and list(table["kept_commitment"]) == [True, False]
    with pytest.raises(ValueError, match="^kept_commitment must be True or False"):
        FollowUp("A017", "2026-04-08", "aht_s", 395, "yes")
    with pytest.raises(ValueError, match="^kpi must be one of"):
        FollowUp("A017", "2026-04-08", "speed", 395, True)
    with pytest.raises(TypeError, match="^records must be"):
        records_table([{"a": 1}])


# --- QA link ----------------------------------------------------------------------------


def test_targets_from_qa_by_hand():
    qa = pd.DataFrame({
        "agent_id": ["a", "a", "a", "b", "b", "c", "c", "d"],
        "item": ["verify", "verify", "empathy", "verify", "empathy", "verify", "empathy", "empathy"],
        "points_lost": [6.0, 4.0, 3.0, 1.0, 0.0, 2.0, 1.0, 5.0],
    })
    # means: a verify (6+4)/2=5, empathy 3; b verify 1, empathy 0; c verify 2, empathy 1;
    # d verify 0 (no row), empathy 5.
    # medians: verify of [5,1,2,0] = 1.5; empathy of [3,0,1,5] = 2.0
    # gaps: a verify 3.5, a empathy 1.0; c verify 0.5; d empathy 3.0
    out = targets_from_qa(qa)
    assert out.to_dict("records") == [
        {"agent_id": "a", "item": "verify", "baseline": 5.0, "target": 1.5, "gap": 3.5},
        {"agent_id": "c", "item": "verify", "baseline": 2.0, "target": 1.5, "gap": 0.5},
        {"agent_id": "d", "item": "empathy", "baseline": 5.0, "target": 2.0, "gap": 3.0},
    ]
    assert len(targets_from_qa(qa, top_items=2)) == 4  # a gets both items


def test_qa_targets_make_plans_that_pass_a_and_r():
    qa = pd.DataFrame({"agent_id": list("abcde"), "item": ["verify"] * 5,
                       "points_lost": [6.0, 1.0, 2.0, 0.0, 3.0]})
    row = targets_from_qa(qa).iloc[0]
    p = SmartPlan(row["agent_id"], "qa_points_lost", f"QA item: {row['item']}", row["baseline"],
                  row["target"], "2026-04-01", "2026-04-30", team_target=row["target"])
    result = check_smart(p, peer_values=qa["points_lost"])
    assert result.passed and result["A"].passed and result["R"].passed


def test_targets_from_qa_errors():
    with pytest.raises(ValueError, match="must have the column"):
        targets_from_qa(pd.DataFrame({"agent_id": ["a"], "item": ["x"]}))
    bad = pd.DataFrame({"agent_id": ["a", "b"], "item": ["x", "x"], "points_lost": [1, -2]})
    with pytest.raises(ValueError, match=r"^points_lost must be a number >= 0, got -2 in row 1$"):
        targets_from_qa(bad)
    good = bad.assign(points_lost=[1, 2])
    with pytest.raises(ValueError, match="^top_items must be"):
        targets_from_qa(good, top_items=0)
    with pytest.raises(ValueError, match="^target_quantile must be a fraction"):
        targets_from_qa(good, target_quantile=1.5)


def test_targets_from_qa_reads_item_id_as_item():
    qa = pd.DataFrame({"agent_id": ["a", "b", "c"], "item_id": ["verify"] * 3,
                       "points_lost": [4.0, 0.0, 1.0]})
    # median of [4, 0, 1] = 1; only a is above it: gap 3
    assert targets_from_qa(qa).to_dict("records") == [
        {"agent_id": "a", "item": "verify", "baseline": 4.0, "target": 1.0, "gap": 3.0}]


def test_peer_table_by_hand():
    per_agent = pd.DataFrame({"aht_s": [300.0, 320, 340, 360, 500, np.nan],
                              "fcr_rate": [0.9, 0.8, 0.7, 0.6, 0.5, 0.75]},
                             index=pd.Index(list("abcdef"), name="agent_id"))
    out = coaching.peer_table(per_agent, ["aht_s", "fcr_rate"]).set_index(["kpi", "agent_id"])
    # AHT (lower better) of 300..500 without f: median 340; 25th pct 320; 75th pct 360
    aht = out.loc["aht_s"]
    assert len(aht) == 5
    assert aht["peer_median"].iloc[0] == 340 and aht["top_quartile"].iloc[0] == 320
    assert aht["bottom_quartile"].iloc[0] == 360
    assert aht["bottom"].to_dict() == {"a": False, "b": False, "c": False, "d": True, "e": True}
    # FCR (higher better) of [.9,.8,.7,.6,.5,.75]: sorted .5,.6,.7,.75,.8,.9; 25th pct rank 1.25 ->
    # .6 + .25 x .1 = .625 (worst quarter at or below); 75th pct rank 3.75 -> .75 + .75 x .05 = .7875
    fcr = out.loc["fcr_rate"]
    assert fcr["bottom_quartile"].iloc[0] == pytest.approx(0.625)
    assert fcr["top_quartile"].iloc[0] == pytest.approx(0.7875)
    assert fcr.index[fcr["bottom"]].tolist() == ["d", "e"]
    with pytest.raises(ValueError, match="must have the column"):
        coaching.peer_table(per_agent, ["csat"])


def test_infinite_values_are_refused_naming_the_row():
    with pytest.raises(ValueError, match=r"^value must be a finite number, got inf in row 1$"):
        plan_trajectory(plan(), pd.Series([1.0, float("inf")], index=["2026-04-02", "2026-04-03"]))
    with pytest.raises(ValueError, match=r"^peer_values must be finite numbers or missing, got inf"):
        top_quartile_level([300.0, float("inf")], -1)
    # missing peers are left out (documented): the 25th percentile of 300, 320, 340 is 310
    assert top_quartile_level([300.0, None, 320.0, float("nan"), 340.0], -1) == 310.0
