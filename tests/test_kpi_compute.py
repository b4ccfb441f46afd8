"""Tests for ccskills.kpi.compute: every registered KPI at any grain from one call.

A small two-queue, two-day world is counted by hand (the arithmetic is beside each
number); random tables are checked against a plain-Python, row-by-row reference
(hypothesis); the March 2026 dataset is checked against the single-table functions.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ccskills import kpi


def call(t, queue, outcome, wait, agent=None, talk=None, hold=None, acw=None, transferred=False,
         fcr=None, csat=None):
    return dict(arrival=pd.Timestamp(t), queue=queue, outcome=outcome, wait_s=wait, agent_id=agent,
                talk_s=talk, hold_s=hold, acw_s=acw, transferred=transferred,
                resolved_first_contact=fcr, csat=csat)


@pytest.fixture(scope="module")
def world():
    calls = pd.DataFrame([
        # 2026-03-02, presales: 3 answered (waits 5, 15, 40), 1 abandoned after 30 s, 1 short abandon
        call("2026-03-02 08:05", "presales", "answered", 5, "P1", 100, 0, 20, False, True, 5),
        call("2026-03-02 08:10", "presales", "answered", 15, "P2", 200, 30, 40, True, False, 2),
        call("2026-03-02 09:00", "presales", "answered", 40, "P1", 150, 0, 30, False, True, None),
        call("2026-03-02 09:30", "presales", "abandoned", 30),
        call("2026-03-02 09:40", "presales", "abandoned", 3),
        # 2026-03-02, aftersales: 2 answered (waits 10, 25), 1 blocked
        call("2026-03-02 10:00", "aftersales", "answered", 10, "A1", 300, 60, 60, False, True, 4),
        call("2026-03-02 10:05", "aftersales", "answered", 25, "A1", 280, 0, 50, False, None, None),
        call("2026-03-02 10:06", "aftersales", "blocked", 0),
        # 2026-03-03, presales: 1 answered at 0 s
        call("2026-03-03 08:00", "presales", "answered", 0, "P2", 120, 0, 20, False, True, 4),
    ])
    calls["resolved_first_contact"] = calls["resolved_first_contact"].astype("boolean")
    calls["csat"] = calls["csat"].astype("Int64")
    agents = pd.DataFrame({"agent_id": ["P1", "P2", "A1"], "team": ["T1", "T1", "T2"],
                           "queue": ["presales", "presales", "aftersales"]})
    survey = pd.DataFrame({
        "responded_at": pd.to_datetime(["2026-03-02 12:00", "2026-03-02 13:00", "2026-03-02 14:00",
                                        "2026-03-03 09:00"]),
        "queue": ["presales", "presales", "aftersales", "presales"],
        "agent_id": ["P1", "P2", "A1", "P2"],
        "nps": [10, 3, 9, None], "ces": [6, 2, 7, 5]})
    states = pd.DataFrame({
        "date": pd.to_datetime(["2026-03-02", "2026-03-02", "2026-03-02", "2026-03-03"]),
        "agent_id": ["P1", "P2", "A1", "P2"], "team": ["T1", "T1", "T2", "T1"],
        "queue": ["presales", "presales", "aftersales", "presales"],
        "paid_s": [28800] * 4, "logged_in_s": [27000] * 4,
        "available_s": [7000, 9000, 5000, 10000], "talk_s": [15000, 14000, 18000, 12000],
        "hold_s": [0] * 4, "acw_s": [3000, 2000, 2000, 2000],
        "not_ready_s": [2000, 2000, 2000, 3000]})
    costs = pd.DataFrame({"month": pd.to_datetime(["2026-03-01"] * 3),
                          "queue": ["presales", "presales", "aftersales"],
                          "category": ["labour", "telecom", "labour"],
                          "amount_cny": [1000.0, 200.0, 900.0]})
    return dict(records=calls, agents=agents, survey=survey, agent_states=states, costs=costs)


def test_daily_service_indicators_by_queue(world):
    out = kpi.compute(world["records"], ["offered", "abandonment_rate", "abandonment_rate_excl_short",
                                         "service_level", "asa_s", "blocked_rate"], freq="D", by="queue")
    pre = out.loc[(pd.Timestamp("2026-03-02"), "presales")]
    assert pre["offered"] == 5                                     # 3 answered + 2 abandoned
    assert pre["abandonment_rate"] == pytest.approx(2 / 5)
    assert pre["abandonment_rate_excl_short"] == pytest.approx(1 / 4)  # (2 − 1) / (5 − 1)
    assert pre["service_level"] == pytest.approx(2 / 5)            # waits 5, 15 within 20 s / offered
    assert pre["asa_s"] == pytest.approx((5 + 15 + 40) / 3)
    after = out.loc[(pd.Timestamp("2026-03-02"), "aftersales")]
    assert after["blocked_rate"] == pytest.approx(1 / 3)           # 1 blocked / (2 offered + 1)
    assert out["offered"].dtype == "int64"


def test_handling_and_customer_indicators_by_team(world):
    out = kpi.compute(world["records"], ["aht_s", "transfer_rate", "fcr_rate", "csat_top2_box"],
                      freq=None, by="team", agents=world["agents"])
    t1 = out.loc["T1"]  # P1, P2: 4 answered calls
    assert t1["aht_s"] == pytest.approx((120 + 270 + 180 + 140) / 4)
    assert t1["transfer_rate"] == pytest.approx(1 / 4)
    assert t1["fcr_rate"] == pytest.approx(3 / 4)   # flags True, False, True, True
    assert t1["csat_top2_box"] == pytest.approx(2 / 3)  # scores 5, 2, 4
    t2 = out.loc["T2"]
    assert t2["fcr_rate"] == 1.0  # one flagged call (the other has no flag)
    assert len(out) == 3  # T1, T2 and the unanswered calls without an agent (NaN team)


def test_definitions_change_the_formula(world):
    out = kpi.compute(world["records"], ["service_level", "aht_s", "csat_top2_box", "abandonment_rate"],
                      freq=None, definitions={"service_level": "answered", "aht_s": "talk_acw",
                                              "csat_top2_box": "mean_score",
                                              "abandonment_rate": "excl_short"})
    row = out.iloc[0]
    assert row["service_level"] == pytest.approx(4 / 6)  # waits 5, 15, 40, 10, 25, 0: 4 of 6 within 20 s
    talk_acw = (120 + 240 + 180 + 360 + 330 + 140) / 6
    assert row["aht_s"] == pytest.approx(talk_acw)
    assert row["csat_top2_box"] == pytest.approx((5 + 2 + 4 + 4) / 4)
    assert row["abandonment_rate"] == pytest.approx(1 / 7)  # (2 − 1) / (8 offered − 1 short)


def test_survey_indicators_by_queue_and_day(world):
    out = kpi.compute(world["records"], ["nps", "ces"], freq="D", by="queue", survey=world["survey"])
    pre = out.loc[(pd.Timestamp("2026-03-02"), "presales")]
    assert pre["nps"] == pytest.approx(100 * (1 - 1) / 2)  # 10 promoter, 3 detractor
    assert pre["ces"] == pytest.approx((6 + 2) / 2)
    day2 = out.loc[(pd.Timestamp("2026-03-03"), "presales")]
    assert math.isnan(day2["nps"]) and day2["ces"] == 5.0  # NPS skipped


def test_workforce_indicators_by_team_and_whole_period(world):
    out = kpi.compute(world["records"], ["occupancy", "utilisation", "shrinkage"], freq=None, by="team",
                      agents=world["agents"], agent_states=world["agent_states"])
    handle_t1 = 18000 + 16000 + 14000
    avail_t1 = 7000 + 9000 + 10000
    assert out.loc["T1", "occupancy"] == pytest.approx(handle_t1 / (handle_t1 + avail_t1))
    assert out.loc["T1", "utilisation"] == pytest.approx((handle_t1 + avail_t1) / (3 * 28800))
    assert out.loc["T2", "shrinkage"] == pytest.approx(1 - (20000 + 5000) / 28800)


def test_workforce_indicators_are_nan_below_a_day(world):
    out = kpi.compute(world["records"], ["offered", "occupancy"], freq="h",
                      agent_states=world["agent_states"])
    assert out["occupancy"].isna().all() and out["offered"].sum() == 8


def test_cost_indicators_per_month_and_queue(world):
    out = kpi.compute(world["records"], ["cost_per_contact", "cost_per_productive_hour"], freq="MS",
                      by="queue", agent_states=world["agent_states"], costs=world["costs"])
    pre = out.loc[(pd.Timestamp("2026-03-01"), "presales")]
    assert pre["cost_per_contact"] == pytest.approx(1200 / 4)      # 4 answered presales calls
    staffed_h = (18000 + 7000 + 16000 + 9000 + 14000 + 10000) / 3600
    assert pre["cost_per_productive_hour"] == pytest.approx(1200 / staffed_h)
    per_offered = kpi.compute(world["records"], ["cost_per_contact"], freq=None, costs=world["costs"],
                              definitions={"cost_per_contact": "per_offered"})
    assert per_offered.iloc[0, 0] == pytest.approx(2100 / 8)


def test_cost_indicators_are_nan_at_grains_costs_do_not_have(world):
    out = kpi.compute(world["records"], ["cost_per_contact"], freq="D", costs=world["costs"])
    assert out["cost_per_contact"].isna().all()
    out = kpi.compute(world["records"], ["cost_per_contact"], freq="MS", by="agent_id",
                      costs=world["costs"])
    assert out["cost_per_contact"].isna().all()


def test_targets_add_status_columns(world):
    out = kpi.compute(world["records"], ["offered", "service_level", "asa_s"], freq=None,
                      targets={"service_level": 0.5, "asa_s": 20})
    assert list(out.columns) == ["offered", "service_level", "asa_s", "service_level_status",
                                 "asa_s_status"]
    # SL 4/8 = 0.5 >= 0.5: green (on the target); ASA (5+15+40+10+25+0)/6 = 15.8 <= 20: green
    assert out.iloc[0]["service_level_status"] == "green" and out.iloc[0]["asa_s_status"] == "green"


def test_default_indicators_follow_the_tables_given(world):
    calls_only = kpi.compute(world["records"], freq=None)
    assert "nps" not in calls_only and "occupancy" not in calls_only
    every = kpi.compute(freq=None, **world)
    assert list(every.columns) == list(kpi.COMPUTED_INDICATORS)


def test_compute_grains_equals_compute(world):
    grains = [("D", "queue"), ("W", "team"), ("MS", None), (None, ["queue", "agent_id"])]
    many = kpi.compute_grains(grains=grains, targets=True, **world)
    for freq, by in grains:
        key = (freq, tuple(by) if isinstance(by, list) else by)
        one = kpi.compute(freq=freq, by=by, targets=True, **world)
        pd.testing.assert_frame_equal(many[key], one)


def test_whole_table_equals_the_single_table_functions_on_the_month():
    from ccskills.datasets import load_call_records

    calls = load_call_records()
    out = kpi.compute(calls, freq=None).iloc[0]
    assert out["service_level"] == pytest.approx(kpi.service_level(calls))
    assert out["aht_s"] == pytest.approx(kpi.average_handle_time(calls))
    assert out["fcr_rate"] == pytest.approx(kpi.first_contact_resolution_rate(calls))


@pytest.mark.parametrize("freq", ["15min", "h", "D", "W", "MS"])
def test_grouping_equals_pandas_groupby_in_summarize(freq):
    # summarize groups with DataFrame.groupby; compute with integer codes and bincount
    from ccskills.datasets import load_call_records

    calls = load_call_records()
    calls = calls[calls["arrival"].dt.day.isin([1, 2, 8, 31])]
    ids = ["offered", "answered", "service_level", "aht_s", "fcr_rate"]
    want = kpi.summarize(calls, freq=freq, by=["queue", "agent_id"])[ids]
    got = kpi.compute(calls, ids, freq=freq, by=["queue", "agent_id"])
    assert got.index.tolist() == want.index.tolist() or (
        len(got) == len(want) and got.index.to_frame().astype(str).values.tolist()
        == want.index.to_frame().astype(str).values.tolist())
    np.testing.assert_allclose(got.to_numpy(float), want.to_numpy(float), equal_nan=True)


def test_survey_kpis_on_the_month_equal_the_single_table_functions():
    # the survey has skipped NPS and CES answers (missing values)
    from ccskills.datasets import load_call_records
    from ccskills.datasets.operations import load_survey_responses

    survey = load_survey_responses()
    march = survey[survey["responded_at"] < "2026-04-01"]
    out = kpi.compute(load_call_records(), ["nps", "ces"], freq="MS", survey=survey).iloc[0]
    assert out["nps"] == pytest.approx(kpi.net_promoter_score(march))
    assert out["ces"] == pytest.approx(kpi.customer_effort_score(march))


def test_empty_records_give_an_empty_table(world):
    out = kpi.compute(world["records"].iloc[:0], ["offered", "service_level"], freq="D", by="queue")
    assert len(out) == 0


# --- a plain-Python reference on random tables ----------------------------------------------

call_rows = st.lists(
    st.tuples(st.sampled_from(["answered", "abandoned", "blocked"]), st.integers(0, 90),
              st.sampled_from(["q1", "q2"]), st.integers(0, 2), st.integers(10, 400)),
    min_size=1, max_size=40)


@settings(max_examples=40, deadline=None)
@given(call_rows)
def test_grouped_values_match_a_row_by_row_reference(rows):
    frame = pd.DataFrame({
        "arrival": [pd.Timestamp("2026-03-02") + pd.Timedelta(days=d, hours=9) for *_, d, _ in rows],
        "queue": [q for _, _, q, _, _ in rows],
        "outcome": [o for o, *_ in rows],
        "wait_s": [0 if o == "blocked" else w for o, w, *_ in rows],
        "talk_s": [t if o == "answered" else None for o, *_, t in rows],
        "hold_s": [0 if o == "answered" else None for o, *_ in rows],
        "acw_s": [10 if o == "answered" else None for o, *_ in rows],
        "transferred": False,
    })
    out = kpi.compute(frame, ["offered", "service_level", "asa_s", "aht_s"], freq="D", by="queue")
    for (period, queue), got in out.iterrows():
        group = [r for r, a in zip(frame.itertuples(), frame["arrival"])
                 if a.normalize() == period and r.queue == queue]
        answered = [r for r in group if r.outcome == "answered"]
        offered = [r for r in group if r.outcome != "blocked"]
        assert got["offered"] == len(offered)
        sl = sum(r.wait_s <= 20 for r in answered) / len(offered) if offered else float("nan")
        asa = sum(r.wait_s for r in answered) / len(answered) if answered else float("nan")
        aht = sum(r.talk_s + 10 for r in answered) / len(answered) if answered else float("nan")
        np.testing.assert_allclose([got["service_level"], got["asa_s"], got["aht_s"]], [sl, asa, aht])


# --- errors ---------------------------------------------------------------------------------

@pytest.mark.parametrize("kwargs, match", [
    ({"indicators": ["sla"]}, "id must be one of the registered indicators"),
    ({"indicators": ["attrition_rate"]}, r"indicators must be computable by ccskills.kpi, got 'attrition_rate' "
                                          r"\(computed by ccskills.people from hr_records\)"),
    ({"indicators": ["nps"]}, "survey must be given to compute 'nps', got None"),
    ({"indicators": ["occupancy"]}, "agent_states must be given to compute 'occupancy', got None"),
    ({"indicators": ["cost_per_contact"]}, "costs must be given to compute 'cost_per_contact', got None"),
    ({"indicators": ["offered"], "by": "team"}, "agents must be given to group by 'team'"),
    ({"indicators": ["offered"], "by": 3}, "by must be None, a column name or a list"),
    ({"indicators": ["offered"], "definitions": ["answered"]}, "definitions must be None or a dict"),
    ({"indicators": ["service_level"], "definitions": {"service_level": "fast"}},
     "definition for 'service_level' must be one of 'offered'"),
    ({"indicators": ["fcr_rate"], "definitions": {"fcr_rate": "survey"}},
     r"definitions\['fcr_rate'\] must be 'agent_flag' for call records, got 'survey'"),
    ({"indicators": ["offered"], "answer_time": -1}, "answer_time must be a number of seconds >= 0"),
    ({"indicators": ["offered"], "freq": "fortnight"}, "freq must be None, a fixed length"),
])
def test_errors_name_the_parameter(world, kwargs, match):
    with pytest.raises(ValueError, match=match):
        kpi.compute(world["records"], **kwargs)


def test_cost_per_productive_hour_needs_agent_states(world):
    with pytest.raises(ValueError, match="agent_states must be given to compute 'cost_per_productive_hour'"):
        kpi.compute(world["records"], ["cost_per_productive_hour"], costs=world["costs"])


@pytest.mark.parametrize("table, drop, match", [
    ("survey", "responded_at", r"survey must have the column\(s\) 'responded_at'"),
    ("agent_states", "paid_s", r"agent_states must have the column\(s\) 'paid_s'"),
    ("costs", "amount_cny", r"costs must have the column\(s\) 'month', 'amount_cny'|costs must have the column\(s\) 'amount_cny'"),
])
def test_a_table_missing_a_column_is_named(world, table, drop, match):
    ids = {"survey": ["nps"], "agent_states": ["occupancy"], "costs": ["cost_per_contact"]}[table]
    tables = {table: world[table].drop(columns=drop)}
    with pytest.raises(ValueError, match=match):
        kpi.compute(world["records"], ids, freq="MS", **tables)


def test_agents_table_is_named(world):
    with pytest.raises(TypeError, match="agents must be a pandas DataFrame, got 'list'"):
        kpi.compute(world["records"], ["offered"], by="team", agents=["P1"])


# --- non-finite and huge durations (issue 9) ------------------------------------------------------

def _three_calls(**changes):
    frame = pd.DataFrame({
        "call_id": ["c1", "c2", "c3"], "queue": ["q"] * 3,
        "arrival": pd.to_datetime(["2026-03-02 08:00", "2026-03-02 08:05", "2026-03-02 08:10"]),
        "outcome": ["answered", "answered", "abandoned"], "wait_s": [10.0, 30.0, 40.0],
        "talk_s": [100.0, 200.0, None], "hold_s": [0.0, 0.0, None], "acw_s": [20.0, 20.0, None],
        "agent_id": ["a", "b", None], "transferred": [False, True, False],
        "resolved_first_contact": [True, False, None], "csat": [5, None, None]})
    for column, (row, value) in changes.items():
        frame[column] = frame[column].astype(object)
        frame.loc[row, column] = value
    return frame


def test_compute_by_hand_on_three_calls():
    # offered 3, answered 2; ASA = (10 + 30) / 2 = 20 s; SL(20 s, offered) = 1/3; AHT = (120 + 220) / 2
    out = kpi.compute(_three_calls(), ["offered", "asa_s", "service_level", "aht_s"], freq=None)
    assert out[["offered", "asa_s", "service_level", "aht_s"]].iloc[0].tolist() == [3, 20, 1 / 3, 170]


@pytest.mark.parametrize("column, row, value, shown", [
    ("wait_s", 1, float("inf"), "inf in row 1"),
    ("wait_s", 0, "inf", "'inf' in row 0"),
    ("wait_s", 2, 1e30, "1e\\+30 in row 2"),
    ("talk_s", 0, float("inf"), "inf in row 0"),
    ("acw_s", 1, 2e9, "2000000000.0 in row 1"),
])
def test_compute_refuses_infinite_and_huge_durations_naming_column_and_row(column, row, value, shown):
    # ASA used to come out as inf from one wait_s = inf
    records = _three_calls(**{column: (row, value)})
    with pytest.raises(ValueError, match=f"{column} must be a finite number of seconds, at most 1e\\+09, got {shown}"):
        kpi.compute(records, ["asa_s", "aht_s"], freq=None)


def test_compute_refuses_nan_wait_naming_the_row():
    records = _three_calls(wait_s=(1, float("nan")))
    with pytest.raises(ValueError, match="wait_s must be a number of seconds >= 0 for answered calls, got None in row 1"):
        kpi.compute(records, ["asa_s"], freq=None)


def test_agent_state_seconds_refuse_inf():
    states = pd.DataFrame({"date": pd.to_datetime(["2026-03-02"]), "agent_id": ["a"], "queue": ["q"],
                           "team": ["t"]})
    for col in kpi.workforce.STATE_COLUMNS:
        states[col] = 3600.0
    states.loc[0, kpi.workforce.STATE_COLUMNS[0]] = float("inf")
    with pytest.raises(ValueError, match="must be a finite number of seconds, at most 1e\\+09, got inf in row 0"):
        kpi.occupancy_rate(states)


@pytest.mark.parametrize("value, ok", [(True, True), (1, True), ("是", True), (" Yes ", True), ("否", True),
                                       (2, False), ("maybe", False), (float("inf"), False)])
def test_boolean_flags_accept_clear_values_and_name_anything_else(value, ok):
    records = _three_calls(transferred=(0, value))
    if ok:
        kpi.compute(records, ["transfer_rate"], freq=None)
    else:
        with pytest.raises(ValueError, match="transferred must be true or false, got .* in row 0"):
            kpi.compute(records, ["transfer_rate"], freq=None)


def _one_state(**seconds):
    row = {"paid_s": 28800.0, "logged_in_s": 27000.0, "available_s": 5000.0, "talk_s": 15000.0,
           "hold_s": 1000.0, "acw_s": 4000.0, "not_ready_s": 2000.0, **seconds}
    return pd.DataFrame([row])


def test_agent_states_must_nest_so_rates_stay_between_0_and_1():
    # handle 20,000 + available 5,000 = 25,000 <= logged-in 27,000 <= paid 28,800: fine
    assert kpi.occupancy_rate(_one_state()) == 0.8  # 20000 / 25000
    with pytest.raises(ValueError, match="logged_in_s must be at least talk_s \\+ hold_s \\+ acw_s \\+ available_s, got 24000.0 in row 0"):
        kpi.occupancy_rate(_one_state(logged_in_s=24000.0))
    with pytest.raises(ValueError, match="paid_s must be at least logged_in_s, got 26000.0 in row 0"):
        kpi.shrinkage_rate(_one_state(paid_s=26000.0))


def test_a_wrong_year_cannot_make_millions_of_periods():
    # 1800 to 2026 at 15 minutes: about 7.9 million periods of zeros; refused naming freq
    records = _three_calls()
    records["arrival"] = pd.to_datetime(["1800-03-02 08:00", "2026-03-02 08:05", "2026-03-02 08:10"])
    with pytest.raises(ValueError, match="freq must give at most 1,000,000 periods over the arrival times .* got '15min'"):
        kpi.compute(records, ["offered"], freq="15min")
    out = kpi.compute(records, ["offered"], freq="MS")  # 2,725 months is fine
    assert out["offered"].sum() == 3 and len(out) == 2  # only months with calls are kept
