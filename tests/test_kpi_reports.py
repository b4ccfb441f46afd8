"""Tests for ccskills.kpi.reports: the daily/weekly/monthly report and the what-changed view.

The shift-share split is checked by hand on tables small enough to count (arithmetic beside
the numbers) and, on random tables, against the identity it must satisfy: group
contributions add up to the change of the total, and the totals equal the KPI computed on
each period alone. Report values are checked against the plain counts of the month.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ccskills import kpi
from ccskills.datasets import load_agents, load_call_records


@pytest.fixture(scope="module")
def calls():
    return load_call_records()


def day_calls(rows):
    """(day, queue, wait_s) answered calls on 2026-03-02 + day."""
    return pd.DataFrame({
        "arrival": [pd.Timestamp("2026-03-02") + pd.Timedelta(days=d, hours=9) for d, _, _ in rows],
        "queue": [q for _, q, _ in rows], "outcome": "answered", "wait_s": [w for *_, w in rows]})


def test_what_changed_by_hand():
    # day 0: a 2 calls (both within 20 s), b 2 calls (1 within)  -> SL 3/4
    # day 1: a 1 call (within), b 3 calls (1 within)             -> SL 2/4
    calls = day_calls([(0, "a", 5), (0, "a", 5), (0, "b", 5), (0, "b", 60),
                       (1, "a", 5), (1, "b", 5), (1, "b", 60), (1, "b", 60)])
    table = what = kpi.what_changed(calls, freq="D")
    assert what.attrs["indicator"] == "service_level"
    b = table.loc["b"]
    # weights 0.5 -> 0.75; rate 1/2 -> 1/3: rate effect = 0.625 × (−1/6), mix = 0.25 × (5/12)
    assert b["rate_effect"] == pytest.approx(0.625 * (1 / 3 - 1 / 2))
    assert b["mix_effect"] == pytest.approx(0.25 * (1 / 2 + 1 / 3) / 2)
    a = table.loc["a"]
    assert a["rate_effect"] == 0 and a["mix_effect"] == pytest.approx(-0.25 * 1.0)
    total = table.loc["total"]
    assert (total["previous"], total["current"]) == (pytest.approx(0.75), pytest.approx(0.5))
    assert total["contribution"] == pytest.approx(-0.25)
    assert table.index[0] == "a"  # the biggest contribution first


def test_a_group_present_in_one_period_only_is_pure_mix():
    calls = day_calls([(0, "a", 5), (1, "a", 5), (1, "c", 60)])
    table = kpi.what_changed(calls, freq="D")
    c = table.loc["c"]
    assert c["previous_share"] == 0 and c["rate_effect"] == 0
    assert c["contribution"] == pytest.approx(0.5 * 0.0 - 0)  # c adds half the volume at SL 0
    assert table.loc["total", "contribution"] == pytest.approx(0.5 - 1.0)


group_rows = st.lists(st.tuples(st.integers(0, 1), st.sampled_from(["a", "b", "c"]), st.integers(0, 60)),
                      min_size=2, max_size=40)


@settings(max_examples=60, deadline=None)
@given(group_rows)
def test_contributions_add_up_to_the_change(rows):
    rows = rows + [(0, "a", 10), (1, "b", 30)]  # both periods present
    calls = day_calls(rows)
    table = kpi.what_changed(calls, "asa_s", freq="D")
    groups = table.drop(index="total")
    total = table.loc["total"]
    assert groups["contribution"].sum() == pytest.approx(total["contribution"], abs=1e-9)
    assert (groups["rate_effect"] + groups["mix_effect"]).sum() == pytest.approx(total["contribution"], abs=1e-9)
    for day, column in ((0, "previous"), (1, "current")):
        one = calls[calls["arrival"].dt.day == 2 + day]
        assert total[column] == pytest.approx(kpi.average_speed_of_answer(one))


def test_what_changed_on_the_month_matches_weekly_totals(calls):
    table = kpi.what_changed(calls, "service_level", "W", current="2026-03-09")
    weekly = kpi.compute(calls, ["service_level"], freq="W")["service_level"]
    assert table.loc["total", "current"] == pytest.approx(weekly[pd.Timestamp("2026-03-09")])
    assert table.loc["total", "previous"] == pytest.approx(weekly[pd.Timestamp("2026-03-02")])


def test_what_changed_by_team_drops_groups_without_weight(calls):
    table = kpi.what_changed(calls, "aht_s", "W", by="team", agents=load_agents())
    assert table.index.notna().all()
    assert set(table.index) == {"A1", "A2", "A3", "P1", "P2", "total"}


def test_explain_change_names_the_groups(calls):
    table = kpi.what_changed(calls, "service_level", "W", current="2026-03-09")
    zh = kpi.explain_change(table, "zh")
    en = kpi.explain_change(table, "en", top=1)
    assert zh.startswith("服务水平由 76.6% 变为 76.1%") and "presales" in zh and "aftersales" in zh
    assert en.count("own rate") == 1


@pytest.mark.parametrize("kwargs, match", [
    ({"indicator_id": "nps"}, "indicator_id must be one of"),
    ({"by": ["queue", "agent_id"]}, "by must be one column name"),
    ({"current": "2026-05-01"}, "period must be a period with calls"),
    ({"freq": "MS"}, "previous must be a period before 2026-03-01; there is no earlier period"),
])
def test_what_changed_errors(calls, kwargs, match):
    with pytest.raises(ValueError, match=match):
        kpi.what_changed(calls, **kwargs)


def test_explain_change_language():
    calls = day_calls([(0, "a", 5), (1, "a", 50)])
    with pytest.raises(ValueError, match="lang must be 'zh' or 'en', got 'fr'"):
        kpi.explain_change(kpi.what_changed(calls, freq="D"), "fr")


# --- reports --------------------------------------------------------------------------------

def test_daily_report_counts_and_status(calls):
    report = kpi.kpi_report(calls, "D", "2026-03-07 15:30")
    assert report.kind == "daily" and report.period == pd.Timestamp("2026-03-07")
    assert report.previous_period == pd.Timestamp("2026-03-06")
    day = calls[calls["arrival"].dt.day == 7]
    offered = day["outcome"].isin(["answered", "abandoned"]).sum()
    assert report.values.loc["offered", "total"] == offered
    within = ((day["outcome"] == "answered") & (day["wait_s"] <= 20)).sum()
    sl = within / offered
    assert report.values.loc["service_level", "total"] == pytest.approx(sl)
    want = "green" if sl >= 0.80 else "amber" if sl >= 0.75 else "red"
    assert report.status.loc["service_level", "total"] == want
    assert pd.isna(report.status.loc["offered", "total"])  # volumes have no target
    assert list(report.values.index) == [i for i in kpi.REPORT_INDICATORS["D"] if i != "occupancy"]


def test_report_previous_and_change(calls):
    report = kpi.kpi_report(calls, "W", "2026-03-12")
    weekly = kpi.compute(calls, ["offered"], freq="W")["offered"]
    assert report.previous["offered"] == weekly[pd.Timestamp("2026-03-02")]
    assert report.change["offered"] == weekly[pd.Timestamp("2026-03-09")] - weekly[pd.Timestamp("2026-03-02")]


def test_monthly_report_with_every_table(calls):
    from ccskills.datasets.operations import load_agent_states, load_cost_lines, load_survey_responses

    report = kpi.kpi_report(calls, "MS", agents=load_agents(), survey=load_survey_responses(),
                            agent_states=load_agent_states(), costs=load_cost_lines())
    assert list(report.values.index) == list(kpi.REPORT_INDICATORS["MS"])
    assert report.previous_period is None and report.previous.isna().all()
    costs = load_cost_lines()
    answered = (calls["outcome"] == "answered").sum()
    assert report.values.loc["cost_per_contact", "total"] == pytest.approx(costs["amount_cny"].sum() / answered)
    assert report.targets.loc["occupancy", "target"] == (0.75, 0.85)


def test_report_table_in_both_languages(calls):
    report = kpi.kpi_report(calls, "D", "2026-03-02", targets={"service_level": 0.9})
    zh, en = report.table("zh"), report.table("en")
    assert list(zh.columns[:3]) == ["指标", "单位", "目标"]
    assert "total status" in en.columns and "presales status" in en.columns
    assert en.loc["service_level", "target"] == 0.9
    with pytest.raises(ValueError, match="lang must be 'zh' or 'en'"):
        report.table("de")


def test_report_without_targets_has_no_status(calls):
    report = kpi.kpi_report(calls, "D", "2026-03-02", targets=None)
    assert report.status.isna().all().all() and report.targets.empty


@pytest.mark.parametrize("kwargs, match", [
    ({"freq": "h"}, r"freq must be 'D' \(daily\), 'W' \(weekly\) or 'MS' \(monthly\), got 'h'"),
    ({"freq": "D", "period": "2026-04-02"}, "period must be a period with calls, from 2026-03-01 to 2026-03-31"),
])
def test_report_errors(calls, kwargs, match):
    with pytest.raises(ValueError, match=match):
        kpi.kpi_report(calls, **kwargs)


def test_report_by_agent_when_no_call_was_answered(calls):
    # every call abandoned: no call has an agent, so the only group key is missing
    lost = calls[calls["arrival"].dt.day == 7].head(40).assign(
        outcome="abandoned", agent_id=pd.NA, talk_s=pd.NA, hold_s=pd.NA, acw_s=pd.NA,
        transferred=pd.NA, resolved_first_contact=pd.NA, csat=pd.NA)
    report = kpi.kpi_report(lost, "D", by="agent_id")
    assert report.values.loc["abandonment_rate", "total"] == 1.0
    assert report.status.loc["abandonment_rate", "total"] == "red"
    assert report.values.shape[1] == 2  # the missing-agent group and the total
