"""Tests for ccskills.kpi (service metrics).

Expected values come from the ICMI worked example (ICMI QueueTips, March 2005,
"Service Level Calculations"; reproduced in reference/domain.md §1.1-1.2), from
tables small enough to count by hand (the arithmetic is written next to each
number), and from a brute-force row-by-row reference for random tables.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ccskills import kpi
from ccskills.kpi import SERVICE_LEVEL_DEFINITIONS


def records(rows):
    """A records table from (outcome, wait_s, talk, hold, acw, transferred, fcr, csat) tuples."""
    cols = ["outcome", "wait_s", "talk_s", "hold_s", "acw_s", "transferred",
            "resolved_first_contact", "csat"]
    df = pd.DataFrame(rows, columns=cols)
    df["resolved_first_contact"] = df["resolved_first_contact"].astype("boolean")
    df["csat"] = df["csat"].astype("Int64")
    return df


def answered(wait, talk=100, hold=0, acw=20, transferred=False, fcr=None, csat=None):
    return ("answered", wait, talk, hold, acw, transferred, fcr, csat)


def abandoned(wait):
    return ("abandoned", wait, None, None, None, False, None, None)


BLOCKED = ("blocked", 0, None, None, None, False, None, None)


@pytest.fixture(scope="module")
def icmi():
    """ICMI data: answered 1000 (860 within 20 s); abandoned 60 (20 within 20 s, 40 after; 10 within 5 s)."""
    rows = (
        [answered(10)] * 860 + [answered(45)] * 140
        + [abandoned(3)] * 10 + [abandoned(12)] * 10 + [abandoned(60)] * 40
    )
    return records(rows)


# --- ICMI worked example -------------------------------------------------------------------

ICMI_PUBLISHED = {  # definition -> (published %, exact fraction)
    "abandon_within_t_success": (83.0, 880 / 1060),
    "answered": (86.0, 860 / 1000),
    "offered": (81.1, 860 / 1060),
    "abandon_after_t_only": (82.7, 860 / 1040),
    "exclude_short_abandons": (81.9, 860 / 1050),
}


@pytest.mark.parametrize("definition", list(ICMI_PUBLISHED))
def test_service_level_matches_icmi_worked_example(icmi, definition):
    published, exact = ICMI_PUBLISHED[definition]
    sl = kpi.service_level(icmi, answer_time=20, definition=definition, short_abandon=5)
    assert round(100 * sl, 1) == published
    assert sl == pytest.approx(exact, rel=1e-12)


def test_service_level_default_is_over_offered_calls(icmi):
    assert kpi.service_level(icmi) == pytest.approx(860 / 1060)


def test_icmi_rates_and_counts(icmi):
    assert kpi.call_counts(icmi) == (1060, 1000, 60, 10, 0)
    assert round(100 * kpi.answer_rate(icmi), 1) == 94.3  # 1000 / 1060
    assert round(100 * kpi.abandonment_rate(icmi), 1) == 5.7  # 60 / 1060
    excl = kpi.abandonment_rate(icmi, exclude_short_abandons=True)
    assert round(100 * excl, 1) == 4.8 and excl == pytest.approx(50 / 1050)


def test_service_level_by_definition_table(icmi):
    table = kpi.service_level_by_definition(icmi)
    assert list(table.index) == list(SERVICE_LEVEL_DEFINITIONS)
    assert table.loc["exclude_short_abandons", ["numerator", "denominator"]].tolist() == [860, 1050]
    assert table.loc["abandon_within_t_success", ["numerator", "denominator"]].tolist() == [880, 1060]
    assert table.loc["abandon_after_t_only", "denominator"] == 1040
    for name, (published, _) in ICMI_PUBLISHED.items():
        assert round(100 * table.loc[name, "service_level"], 1) == published
    assert {"formula", "source"} <= set(table.columns)


def test_blocked_calls_change_no_service_level(icmi):
    with_blocked = pd.concat([icmi, records([BLOCKED] * 25)], ignore_index=True)
    for d in SERVICE_LEVEL_DEFINITIONS:
        assert kpi.service_level(with_blocked, definition=d) == kpi.service_level(icmi, definition=d)
    assert kpi.blocked_rate(with_blocked) == pytest.approx(25 / 1085)  # blocked / (offered + blocked)


# --- thresholds: "within T" is wait_s <= T --------------------------------------------------

def test_within_t_includes_the_threshold_itself():
    calls = records([answered(20), answered(21), abandoned(5), abandoned(6)])
    assert kpi.service_level(calls, answer_time=20) == 1 / 4
    assert kpi.service_level(calls, answer_time=21) == 2 / 4
    assert kpi.call_counts(calls, short_abandon=5).short_abandoned == 1  # 5 s counts, 6 s not
    assert kpi.call_counts(calls, short_abandon=6).short_abandoned == 2
    # answer_time=0: only calls answered with no wait at all
    assert kpi.service_level(records([answered(0), answered(1)]), answer_time=0) == 0.5


# --- the other KPIs on a hand-counted table --------------------------------------------------

@pytest.fixture(scope="module")
def small():
    return records([
        answered(0, talk=100, hold=0, acw=20, fcr=True, csat=5),
        answered(30, talk=200, hold=40, acw=30, transferred=True, fcr=False, csat=2),
        answered(8, talk=150, hold=20, acw=10, fcr=True, csat=None),
        answered(2, talk=90, hold=0, acw=40, fcr=None, csat=4),
        abandoned(4),
        abandoned(50),
        BLOCKED,
    ])


def test_small_table_counts_and_rates(small):
    assert kpi.call_counts(small) == kpi.CallCounts(6, 4, 2, 1, 1)
    assert kpi.answer_rate(small) == pytest.approx(4 / 6)
    assert kpi.abandonment_rate(small) == pytest.approx(2 / 6)
    assert kpi.abandonment_rate(small, exclude_short_abandons=True) == pytest.approx(1 / 5)
    assert kpi.blocked_rate(small) == pytest.approx(1 / 7)


def test_small_table_waits(small):
    assert kpi.average_speed_of_answer(small) == pytest.approx((0 + 30 + 8 + 2) / 4)
    assert kpi.average_queue_time(small) == pytest.approx((0 + 30 + 8 + 2 + 4 + 50) / 6)
    assert kpi.average_time_to_abandon(small) == pytest.approx((4 + 50) / 2)


def test_small_table_handling(small):
    assert kpi.average_talk_time(small) == pytest.approx((100 + 200 + 150 + 90) / 4)
    assert kpi.average_hold_time(small) == pytest.approx((0 + 40 + 20 + 0) / 4)
    assert kpi.average_after_call_work(small) == pytest.approx((20 + 30 + 10 + 40) / 4)
    assert kpi.average_handle_time(small) == pytest.approx((120 + 270 + 180 + 130) / 4)
    assert kpi.transfer_rate(small) == pytest.approx(1 / 4)


def test_small_table_customer_outcomes(small):
    assert kpi.first_contact_resolution_rate(small) == pytest.approx(2 / 3)  # 3 answered calls flagged
    assert kpi.csat_top2_box(small) == pytest.approx(2 / 3)  # scores 5, 2, 4


def test_handle_time_columns_may_be_zero_instead_of_missing_for_unanswered():
    calls = records([answered(3, talk=100, hold=0, acw=20), ("abandoned", 9, 0, 0, 0, False, None, None)])
    assert kpi.average_handle_time(calls) == 120.0


def test_text_booleans_from_an_upload_are_understood():
    calls = records([answered(3), answered(3)])
    calls["transferred"] = ["TRUE", "false"]
    assert kpi.transfer_rate(calls) == 0.5


# --- empty groups and zero denominators -------------------------------------------------------

def test_no_answered_calls_gives_nan_not_an_error():
    calls = records([abandoned(10), abandoned(40)])
    assert math.isnan(kpi.average_speed_of_answer(calls))
    assert math.isnan(kpi.average_handle_time(calls))
    assert math.isnan(kpi.service_level(calls, definition="answered"))
    assert math.isnan(kpi.first_contact_resolution_rate(calls))
    assert kpi.service_level(calls) == 0.0
    assert kpi.abandonment_rate(calls) == 1.0


def test_empty_table_gives_nan_and_zero_counts():
    empty = records([])
    assert kpi.call_counts(empty) == (0, 0, 0, 0, 0)
    for d in SERVICE_LEVEL_DEFINITIONS:
        assert math.isnan(kpi.service_level(empty, definition=d))
    assert math.isnan(kpi.csat_top2_box(empty))
    assert kpi.summarize(empty.assign(arrival=pd.Series(dtype="datetime64[ns]")), freq="h").empty


def test_only_blocked_calls():
    calls = records([BLOCKED, BLOCKED])
    assert math.isnan(kpi.service_level(calls))
    assert math.isnan(kpi.abandonment_rate(calls))
    assert kpi.blocked_rate(calls) == 1.0


# --- summarize per grain ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def two_queues():
    rows = [
        # arrival, queue, agent, record
        ("2026-03-01 23:50", "presales", "P1", answered(10, talk=100, hold=0, acw=20, fcr=True, csat=5)),
        ("2026-03-02 08:05", "presales", "P1", answered(25, talk=200, hold=10, acw=30, fcr=False, csat=3)),
        ("2026-03-02 08:40", "presales", None, abandoned(3)),
        ("2026-03-02 08:50", "aftersales", "A1", answered(5, talk=300, hold=60, acw=40, transferred=True)),
        ("2026-03-02 09:10", "aftersales", None, BLOCKED),
        ("2026-03-02 09:20", "aftersales", None, abandoned(70)),
        ("2026-04-01 10:00", "presales", "P2", answered(0, talk=50, hold=0, acw=10, fcr=True, csat=4)),
    ]
    df = records([r[3] for r in rows])
    df.insert(0, "arrival", pd.to_datetime([r[0] for r in rows]))
    df.insert(1, "queue", [r[1] for r in rows])
    df.insert(2, "agent_id", [r[2] for r in rows])
    return df


def test_summarize_by_hour(two_queues):
    s = kpi.summarize(two_queues, freq="h")
    assert list(s.index) == list(pd.to_datetime(
        ["2026-03-01 23:00", "2026-03-02 08:00", "2026-03-02 09:00", "2026-04-01 10:00"]))
    assert s.index.name == "period"
    h8 = s.loc[pd.Timestamp("2026-03-02 08:00")]
    assert (h8["offered"], h8["answered"], h8["abandoned"], h8["short_abandoned"]) == (3, 2, 1, 1)
    assert h8["service_level"] == pytest.approx(1 / 3)  # 5 s answered within 20; 25 s not; 1 abandon
    assert h8["asa_s"] == pytest.approx((25 + 5) / 2)
    assert h8["aht_s"] == pytest.approx((240 + 400) / 2)
    assert h8["abandonment_rate_excl_short"] == 0.0  # (1 - 1) / (3 - 1)
    h9 = s.loc[pd.Timestamp("2026-03-02 09:00")]
    assert (h9["offered"], h9["blocked"], h9["blocked_rate"]) == (1, 1, 0.5)
    assert math.isnan(h9["asa_s"]) and math.isnan(h9["aht_s"]) and h9["service_level"] == 0.0


def test_summarize_by_queue_and_day(two_queues):
    s = kpi.summarize(two_queues, freq="D", by="queue")
    assert s.index.names == ["period", "queue"]
    row = s.loc[(pd.Timestamp("2026-03-02"), "aftersales")]
    assert (row["offered"], row["answered"], row["blocked"]) == (2, 1, 1)
    assert row["transfer_rate"] == 1.0 and row["avg_time_to_abandon_s"] == 70.0
    assert math.isnan(row["fcr_rate"]) and math.isnan(row["csat_top2_box"])
    assert row["csat_responses"] == 0


def test_summarize_week_starts_monday_and_month(two_queues):
    weeks = kpi.summarize(two_queues, freq="W")
    # Sunday 1 March belongs to the week of Monday 23 February; Monday 2 March starts a new one
    assert list(weeks.index) == list(pd.to_datetime(["2026-02-23", "2026-03-02", "2026-03-30"]))
    assert weeks["offered"].tolist() == [1, 4, 1]  # the blocked call is not offered
    months = kpi.summarize(two_queues, freq="MS")
    assert list(months.index) == list(pd.to_datetime(["2026-03-01", "2026-04-01"]))
    assert months["csat_top2_box"].tolist() == [0.5, 1.0]  # March: 5 and 3; April: 4


def test_summarize_by_agent_keeps_unanswered_calls_as_their_own_group(two_queues):
    s = kpi.summarize(two_queues, by="agent_id")
    assert s.loc["P1", "answered"] == 2 and s.loc["P1", "avg_talk_s"] == 150.0
    assert s["offered"].sum() == 6 and s["blocked"].sum() == 1
    assert s.index.isna().sum() == 1


def test_summarize_by_list_of_columns(two_queues):
    s = kpi.summarize(two_queues, by=["queue", "agent_id"])
    assert s.index.names == ["queue", "agent_id"]
    assert s.loc[("presales", "P2"), "service_level"] == 1.0


def test_summarize_whole_table_equals_the_single_table_functions(two_queues):
    s = kpi.summarize(two_queues, answer_time=10, short_abandon=3, definition="answered")
    assert list(s.index) == ["all"]
    row = s.iloc[0]
    assert row["service_level"] == kpi.service_level(two_queues, 10, "answered", 3)
    assert row["asa_s"] == kpi.average_speed_of_answer(two_queues)
    assert row["aht_s"] == kpi.average_handle_time(two_queues)
    assert row["fcr_rate"] == kpi.first_contact_resolution_rate(two_queues)
    assert s.attrs["definition"] == "answered"


def test_summarize_columns_are_counts_then_ratios(two_queues):
    s = kpi.summarize(two_queues, freq="15min")
    assert list(s.columns) == list(kpi.SUMMARY_COUNTS) + list(kpi.SUMMARY_RATIOS)
    assert all(s[c].dtype == "int64" for c in kpi.SUMMARY_COUNTS)


# --- independent brute-force reference on random tables ---------------------------------------

def brute_force_service_levels(outcomes, waits, t, short):
    """Row-by-row counting, written separately from the library."""
    ans_in = ans = ab = ab_in = ab_short = 0
    for o, w in zip(outcomes, waits):
        if o == "answered":
            ans += 1
            ans_in += w <= t
        elif o == "abandoned":
            ab += 1
            ab_in += w <= t
            ab_short += w <= short

    def div(a, b):
        return a / b if b else math.nan

    return {
        "offered": div(ans_in, ans + ab),
        "answered": div(ans_in, ans),
        "abandon_within_t_success": div(ans_in + ab_in, ans + ab),
        "abandon_after_t_only": div(ans_in, ans + ab - ab_in),
        "exclude_short_abandons": div(ans_in, ans + ab - ab_short),
    }


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(["answered", "abandoned", "blocked"]),
                       st.integers(0, 120)), max_size=40),
    st.integers(0, 60),
    st.integers(0, 10),
)
def test_service_level_matches_brute_force(rows, t, short):
    outcomes = [o for o, _ in rows]
    waits = [0 if o == "blocked" else w for o, w in rows]
    calls = pd.DataFrame({"outcome": pd.Series(outcomes, dtype=object), "wait_s": waits})
    expected = brute_force_service_levels(outcomes, waits, t, short)
    for d in SERVICE_LEVEL_DEFINITIONS:
        got = kpi.service_level(calls, answer_time=t, definition=d, short_abandon=short)
        assert (math.isnan(got) and math.isnan(expected[d])) or got == pytest.approx(expected[d])


# --- invalid input ------------------------------------------------------------------------------

def test_unknown_definition_lists_the_valid_names(icmi):
    with pytest.raises(ValueError) as err:
        kpi.service_level(icmi, definition="handled")
    msg = str(err.value)
    assert msg.startswith("definition must be one of 'offered', 'answered'")
    assert msg.endswith("got 'handled'")
    assert all(repr(d) in msg for d in SERVICE_LEVEL_DEFINITIONS)


@pytest.mark.parametrize("bad", [-1, float("nan"), float("inf"), "20", True, None])
def test_answer_time_must_be_seconds(icmi, bad):
    with pytest.raises(ValueError, match=r"^answer_time must be a number of seconds >= 0, got "):
        kpi.service_level(icmi, answer_time=bad)


def test_short_abandon_must_be_seconds(icmi):
    with pytest.raises(ValueError, match=r"short_abandon must be a number of seconds >= 0, got -5"):
        kpi.abandonment_rate(icmi, exclude_short_abandons=True, short_abandon=-5)


def test_exclude_short_abandons_must_be_a_bool(icmi):
    with pytest.raises(ValueError, match="exclude_short_abandons must be True or False, got 'yes'"):
        kpi.abandonment_rate(icmi, exclude_short_abandons="yes")


def test_records_must_be_a_dataframe():
    with pytest.raises(TypeError, match="records must be a pandas DataFrame, got 'list'"):
        kpi.service_level([("answered", 3)])


def test_missing_column_is_named():
    with pytest.raises(ValueError, match=r"records must have the column\(s\) 'wait_s'"):
        kpi.service_level(pd.DataFrame({"outcome": ["answered"]}))
    with pytest.raises(ValueError, match=r"'talk_s', 'hold_s'"):
        kpi.average_handle_time(pd.DataFrame({"outcome": ["answered"], "acw_s": [1], "transferred": [False]}))


def test_bad_outcome_names_value_and_rows():
    calls = pd.DataFrame({"outcome": ["answered", "done", "abandoned", "done"], "wait_s": [1, 2, 3, 4]})
    with pytest.raises(ValueError) as err:
        kpi.service_level(calls)
    assert str(err.value) == (
        "outcome must be one of 'answered', 'abandoned', 'blocked', got 'done' in rows 1, 3")


def test_bad_waits_are_named():
    calls = pd.DataFrame({"outcome": ["answered"] * 3, "wait_s": [1, -4, 2]})
    with pytest.raises(ValueError, match=r"wait_s must be a number of seconds >= 0, got -4 in row 1$"):
        kpi.average_speed_of_answer(calls)
    calls = pd.DataFrame({"outcome": ["answered"] * 2, "wait_s": [1, None]})
    with pytest.raises(ValueError, match=r"wait_s must be a number of seconds >= 0 .*got None in row 1"):
        kpi.average_speed_of_answer(calls)


def test_answered_call_without_talk_time_is_an_error():
    calls = records([answered(3), answered(3, talk=None)])
    with pytest.raises(ValueError, match="talk_s must be a number of seconds >= 0 for answered calls, got None in row 1"):
        kpi.average_handle_time(calls)


def test_bad_csat_and_booleans_are_named():
    calls = records([answered(3, csat=4), answered(3)])
    calls["csat"] = [4, 9]
    with pytest.raises(ValueError, match="csat must be an integer score 1 to 5 or missing, got 9 in row 1"):
        kpi.csat_top2_box(calls)
    calls = records([answered(3), answered(3)])
    calls["transferred"] = ["no", "maybe"]
    with pytest.raises(ValueError, match="transferred must be true or false, got 'maybe' in row 1"):
        kpi.transfer_rate(calls)


def test_many_bad_rows_are_summarised():
    calls = pd.DataFrame({"outcome": ["x"] * 8, "wait_s": np.zeros(8)})
    with pytest.raises(ValueError, match=r"got 'x' in rows 0, 1, 2, 3, 4 and 3 more$"):
        kpi.call_counts(calls)


@pytest.mark.parametrize("freq", ["fortnight", "2W-WED", 15, "Q"])
def test_summarize_rejects_unknown_freq(two_queues, freq):
    with pytest.raises(ValueError, match=r"^freq must be None, a fixed length such as '15min'"):
        kpi.summarize(two_queues, freq=freq)


def test_summarize_rejects_bad_by(two_queues):
    with pytest.raises(ValueError, match=r"records must have the column\(s\) 'team'"):
        kpi.summarize(two_queues, by="team")
    with pytest.raises(ValueError, match="by must be None, a column name or a list of column names, got 3"):
        kpi.summarize(two_queues, by=3)


def test_summarize_names_bad_arrival(two_queues):
    calls = two_queues.astype({"arrival": object})
    calls.loc[2, "arrival"] = "yesterday"
    with pytest.raises(ValueError, match="arrival must be a date and time, got 'yesterday' in row 2"):
        kpi.summarize(calls, freq="D")
