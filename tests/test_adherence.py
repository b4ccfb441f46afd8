"""Adherence and conformance on hand-made state logs (arithmetic in the comments), a
minute-by-minute brute force on random logs, exceptions and every error path."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ccskills.scheduling import adherence_exceptions, adherence_snapshot, adherence_table

D = "2026-03-02 "


def _frame(rows, kind):
    return pd.DataFrame([(a, pd.Timestamp(D + s), pd.Timestamp(D + e), k) for a, s, e, k in rows],
                        columns=["agent_id", "start", "end", kind])


SCHEDULE = _frame([
    ("A", "09:00", "11:00", "phone"), ("A", "11:00", "11:15", "break"), ("A", "11:15", "13:00", "phone"),
    ("B", "09:00", "10:00", "phone"), ("B", "10:00", "10:30", "meeting"),
    ("C", "14:00", "16:00", "phone"),
], "activity")
STATES = _frame([
    ("A", "09:06", "10:00", "available"), ("A", "10:00", "10:30", "talk"), ("A", "10:30", "11:05", "acw"),
    ("A", "11:05", "11:30", "break"), ("A", "11:30", "12:40", "talk"),
    ("B", "08:50", "10:00", "available"), ("B", "10:00", "10:30", "not_ready"),
], "state")


def test_agent_adherence_by_hand():
    t = adherence_table(SCHEDULE, STATES, by="agent")
    # A: phone 09:00–11:00 → phone states 09:06–11:00 = 6,840 s; break 11:00–11:15 → break state
    # 11:05–11:15 = 600 s; phone 11:15–13:00 → talk 11:30–12:40 = 4,200 s. 11,640 / 14,400.
    assert t.loc["A", "scheduled_s"] == 14_400 and t.loc["A", "in_adherence_s"] == 11_640
    assert t.loc["A", "adherence"] == pytest.approx(11_640 / 14_400)
    # conformance: phone states 09:06–11:05 (7,140 s) + 11:30–12:40 (4,200 s) over 13,500 s scheduled
    assert t.loc["A", "conformance"] == pytest.approx(11_340 / 13_500)
    # B: phone 3,600 of 3,600, meeting spent not_ready: 3,600 / 5,400; worked 08:50–10:00 = 4,200 s
    assert t.loc["B", "adherence"] == pytest.approx(2 / 3)
    assert t.loc["B", "conformance"] == pytest.approx(4_200 / 3_600)
    # C never logged in
    assert t.loc["C", "adherence"] == 0 and t.loc["C", "conformance"] == 0


def test_interval_and_day_views_by_hand():
    t = adherence_table(SCHEDULE, STATES, by="interval")
    nine = t.loc[pd.Timestamp(D + "09:00")]
    # 09:00–09:15: A scheduled 900 s, in phone from 09:06 (540 s); B 900 of 900
    assert (nine["scheduled_s"], nine["in_adherence_s"], nine["worked_phone_s"]) == (1_800, 1_440, 1_440)
    early = t.loc[pd.Timestamp(D + "08:45")]  # B logged in 10 min before anything was scheduled
    assert early["scheduled_s"] == 0 and early["worked_phone_s"] == 600 and np.isnan(early["conformance"])
    day = adherence_table(SCHEDULE, STATES, by="day").iloc[0]
    assert day["in_adherence_s"] == 11_640 + 3_600 and day["scheduled_s"] == 14_400 + 5_400 + 7_200
    clock = adherence_table(SCHEDULE, STATES, by="time_of_day")
    assert clock.loc["09:00", "in_adherence_s"] == 1_440  # one day only: same as the interval
    both = adherence_table(SCHEDULE, STATES, by="agent_day")
    assert both.loc[("A", pd.Timestamp("2026-03-02")), "in_adherence_s"] == 11_640


def test_time_zone_aware_logs_keep_their_local_clock():
    aware = [frame.assign(start=frame["start"].dt.tz_localize("Asia/Shanghai"),
                          end=frame["end"].dt.tz_localize("Asia/Shanghai")) for frame in (SCHEDULE, STATES)]
    pd.testing.assert_frame_equal(adherence_table(*aware, by="agent_day"),
                                  adherence_table(SCHEDULE, STATES, by="agent_day"))


def test_exceptions_by_hand():
    e = adherence_exceptions(SCHEDULE, STATES)
    got = {(r.agent_id, r.exception): r.excess_s for r in e.itertuples()}
    assert got == {("A", "late_login"): 360,     # 09:06 vs 09:00
                   ("A", "early_logout"): 1_200,  # 12:40 vs 13:00
                   ("A", "long_break"): 600,      # 25 min of break state vs 15 scheduled
                   ("C", "no_show"): 7_200}
    assert e.loc[e["exception"] == "late_login", "detail"].item() == "scheduled 09:00, logged in 09:06"
    lenient = adherence_exceptions(SCHEDULE, STATES, late_login=600, early_logout=1_800, long_break=600)
    assert set(lenient["exception"]) == {"no_show"}


def test_snapshot_by_hand():
    # 11:10: A scheduled break (11:00–11:15), on break since 11:05 → in adherence;
    # C scheduled 14:00–16:00 only → absent from the 11:10 view; B's shift ended 10:30
    at = adherence_snapshot(SCHEDULE, STATES, D + "11:10")
    assert at.index.tolist() == ["A"]
    assert (at.loc["A", "scheduled"], at.loc["A", "state"], bool(at.loc["A", "in_adherence"])) == ("break", "break", True)
    assert at.loc["A", "since"] == pd.Timestamp(D + "11:05")
    # 11:20: A should be on the phone again but is still on break; 08:55: B logged in, not scheduled
    assert not adherence_snapshot(SCHEDULE, STATES, D + "11:20").loc["A", "in_adherence"]
    early = adherence_snapshot(SCHEDULE, STATES, D + "08:55")
    assert early.loc["B", "scheduled"] == "" and early.loc["B", "in_adherence"]
    # 12:50: A is scheduled on the phone but has logged out (12:40)
    late = adherence_snapshot(SCHEDULE, STATES, D + "12:50").loc["A"]
    assert late["state"] == "logged_out" and not late["in_adherence"] and pd.isna(late["since"])


ACTS = ["phone", "break", "meeting"]
STATES_ALL = ["available", "talk", "break", "meeting", "not_ready"]


def _segments(cuts, kinds, agent, kind_col, gaps=False):
    """Consecutive minute segments from sorted cut points (every other one dropped if ``gaps``)."""
    rows = []
    for i, (s, e) in enumerate(zip(cuts[:-1], cuts[1:])):
        if e > s and not (gaps and i % 3 == 2):
            rows.append((agent, pd.Timestamp("2026-03-02") + pd.Timedelta(minutes=s),
                         pd.Timestamp("2026-03-02") + pd.Timedelta(minutes=e), kinds[i % len(kinds)]))
    return pd.DataFrame(rows, columns=["agent_id", "start", "end", kind_col])


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(480, 720), min_size=2, max_size=8, unique=True),
       st.lists(st.integers(470, 730), min_size=2, max_size=14, unique=True),
       st.permutations(ACTS), st.permutations(STATES_ALL))
def test_matches_minute_by_minute_count(sched_cuts, state_cuts, acts, states):
    sched = _segments(sorted(sched_cuts), acts, "X", "activity")
    logs = _segments(sorted(state_cuts), states, "X", "state", gaps=True)
    if sched.empty or logs.empty:
        return
    # brute force: one label per minute of the day
    plan = np.full(1440, "", dtype=object)
    for r in sched.itertuples():
        plan[r.start.hour * 60 + r.start.minute: r.end.hour * 60 + r.end.minute] = r.activity
    done = np.full(1440, "", dtype=object)
    phone = {"available", "talk"}
    for r in logs.itertuples():
        done[r.start.hour * 60 + r.start.minute: r.end.hour * 60 + r.end.minute] = \
            "phone" if r.state in phone else r.state
    scheduled = (plan != "").sum() * 60
    adherent = ((plan != "") & (plan == done)).sum() * 60
    t = adherence_table(sched, logs, by="agent").loc["X"]
    assert t["scheduled_s"] == scheduled and t["in_adherence_s"] == adherent
    assert t["worked_phone_s"] == (done == "phone").sum() * 60
    assert t["scheduled_phone_s"] == (plan == "phone").sum() * 60
    per_interval = adherence_table(sched, logs, by="interval")
    assert per_interval["in_adherence_s"].sum() == adherent


def test_errors():
    with pytest.raises(ValueError, match="schedule must be a DataFrame with columns"):
        adherence_table(SCHEDULE.drop(columns="activity"), STATES)
    bad = STATES.copy()
    bad.loc[0, "state"] = "coffee"
    with pytest.raises(ValueError, match="states must have state in"):
        adherence_table(SCHEDULE, bad)
    overlap = pd.concat([STATES, _frame([("A", "09:30", "09:40", "talk")], "state")])
    with pytest.raises(ValueError, match="states must not overlap within an agent, got 'A'"):
        adherence_table(SCHEDULE, overlap)
    backwards = _frame([("A", "10:00", "09:00", "phone")], "activity")
    with pytest.raises(ValueError, match="schedule must have start < end"):
        adherence_table(backwards, STATES)
    with pytest.raises(ValueError, match="by must be one of"):
        adherence_table(SCHEDULE, STATES, by="team")
    with pytest.raises(ValueError, match="freq must divide a day"):
        adherence_table(SCHEDULE, STATES, freq="7h")
    with pytest.raises(ValueError, match="late_login must be"):
        adherence_exceptions(SCHEDULE, STATES, late_login=-1)
