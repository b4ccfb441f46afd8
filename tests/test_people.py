"""ccskills.people: attendance, attrition, Kaplan-Meier tenure curves, cohorts, hiring plans.

Expected values are worked by hand in the comments or come from brute force."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ccskills import people


def _staff(rows):
    frame = pd.DataFrame(rows, columns=["employee_id", "team", "hire_date", "leave_date"])
    frame["hire_date"] = pd.to_datetime(frame["hire_date"])
    frame["leave_date"] = pd.to_datetime(frame["leave_date"])
    return frame


STAFF = _staff([
    ("a", "X", "2025-01-01", None),
    ("b", "X", "2025-01-01", "2025-02-10"),
    ("c", "X", "2025-02-01", "2025-02-28"),
    ("d", "Y", "2025-02-15", None),
])


def test_attendance_summary_hand_example():
    shifts = pd.DataFrame({"team": ["X", "X", "X", "Y", "Y"],
                           "status": ["present", "late", "absent", "absent", "present"]})
    out = people.attendance_summary(shifts)
    # X: 3 scheduled, 2 attended (1 late), 1 absent -> 2/3, 1/3, late 1/2
    assert out.loc["X", "attendance_rate"] == pytest.approx(2 / 3)
    assert out.loc["X", "absenteeism_rate"] == pytest.approx(1 / 3)
    assert out.loc["X", "late_rate"] == pytest.approx(0.5)
    assert out.loc["Y", "late_rate"] == 0.0
    whole = people.attendance_summary(shifts, by=None)
    assert whole.loc["all", "attendance_rate"] == pytest.approx(3 / 5)


def test_attendance_summary_by_week_and_bad_status():
    shifts = pd.DataFrame({"date": pd.to_datetime(["2026-03-02", "2026-03-03", "2026-03-09"]),
                           "team": "X", "status": ["present", "absent", "present"]})
    out = people.attendance_summary(shifts, freq="W")
    assert out["scheduled"].tolist() == [2, 1]
    with pytest.raises(ValueError, match="status must be"):
        people.attendance_summary(shifts.assign(status="gone"))
    with pytest.raises(TypeError, match="attendance must be a DataFrame"):
        people.attendance_summary([1, 2])
    with pytest.raises(ValueError, match="attendance must have columns"):
        people.attendance_summary(pd.DataFrame({"x": [1]}))


def test_headcount_counts_the_last_day():
    hc = people.headcount_on(STAFF, ["2025-02-10", "2025-02-11", "2025-02-28", "2025-03-01"])
    # 2-10: a, b (last day), c  -> 3; 2-11: a, c -> 2; 2-28: a, c (last day), d -> 3; 3-01: a, d -> 2
    assert hc.tolist() == [3, 2, 3, 2]


def test_monthly_attrition_start_end_definition():
    out = people.monthly_attrition(STAFF, "2025-01", "2025-03")
    feb = out.loc["2025-02-01"]
    # Feb: start (2-01) a, b, c = 3; end (2-28) a, c, d = 3; average 3; leavers b, c = 2 -> 2/3
    assert (feb["headcount_start"], feb["headcount_end"], feb["leavers"]) == (3, 3, 2)
    assert feb["attrition_rate"] == pytest.approx(2 / 3)
    assert out.loc["2025-03-01", "attrition_rate"] == 0
    assert out.attrs["headcount"] == "start_end"


def test_monthly_attrition_daily_average_and_groups():
    out = people.monthly_attrition(STAFF, "2025-02", "2025-02", headcount="daily")
    # daily headcount in Feb 2025 (28 days): a 28, b 10 (1-10), c 28, d 14 (15-28) -> 80/28
    assert out["average_headcount"].iloc[0] == pytest.approx(80 / 28)
    by_team = people.monthly_attrition(STAFF, "2025-02", "2025-02", by="team")
    assert by_team.xs("Y", level="team")["leavers"].iloc[0] == 0
    with pytest.raises(ValueError, match="headcount must be one of"):
        people.monthly_attrition(STAFF, "2025-02", "2025-02", headcount="end")


def test_annualise_attrition():
    assert people.annualise_attrition(0.04) == pytest.approx(0.48)
    assert people.annualise_attrition(0.04, "compound") == pytest.approx(1 - 0.96 ** 12)
    with pytest.raises(ValueError, match="method must be one of"):
        people.annualise_attrition(0.04, "x")
    with pytest.raises(ValueError, match="monthly must be a fraction"):
        people.annualise_attrition(1.5)


def test_kaplan_meier_hand_example():
    table = people.kaplan_meier([1, 2, 2, 3, 4], [True, True, False, True, False])
    # t=1: 5 at risk, 1 event -> 0.8; t=2: 4 at risk, 1 event -> 0.8*3/4 = 0.6
    # t=3: 2 at risk (3, 4), 1 event -> 0.6*1/2 = 0.3
    assert table["at_risk"].tolist() == [5, 4, 2]
    assert table["survival"].tolist() == pytest.approx([0.8, 0.6, 0.3])
    assert table["censored"].tolist() == [0, 1, 1]
    # Greenwood at t=1: 0.8 * sqrt(1 / (5 * 4))
    assert table["std_error"].iloc[0] == pytest.approx(0.8 * math.sqrt(1 / 20))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 12), min_size=1, max_size=30))
def test_kaplan_meier_without_censoring_is_the_empirical_survival(durations):
    table = people.kaplan_meier(durations, [True] * len(durations))
    d = np.array(durations)
    for t, s in zip(table["time"], table["survival"]):
        assert s == pytest.approx((d > t).mean(), abs=1e-12)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 8), st.booleans()), min_size=1, max_size=25))
def test_kaplan_meier_matches_brute_force_product(pairs):
    d = np.array([p[0] for p in pairs])
    e = np.array([p[1] for p in pairs])
    table = people.kaplan_meier(d, e)
    s = 1.0
    for t in sorted(set(d[e].tolist())):
        s *= 1 - ((d == t) & e).sum() / (d >= t).sum()
        assert table.set_index("time").loc[t, "survival"] == pytest.approx(s)


def test_kaplan_meier_errors():
    with pytest.raises(ValueError, match="observed must have one flag per duration"):
        people.kaplan_meier([1, 2], [True])
    with pytest.raises(ValueError, match="durations must be zero or a positive number"):
        people.kaplan_meier([-1, 2], [True, True])


def test_tenure_survival_and_cohorts_hand_example():
    staff = _staff([
        ("a", "X", "2025-01-01", "2025-01-20"),   # left after 19 days (0.62 month)
        ("b", "X", "2025-01-01", "2025-05-01"),   # 120 days = 3.94 months
        ("c", "X", "2025-01-01", None),           # censored at as_of
        ("d", "X", "2025-02-01", None),
    ])
    surv = people.tenure_survival(staff, "2025-07-31", months=6)
    # events at 0.62 (4 at risk) and 3.94 (3 at risk): S = 3/4 then 3/4 * 2/3 = 1/2
    assert surv.loc[0, "survival"] == 1.0
    assert surv.loc[1, "survival"] == pytest.approx(0.75)
    assert surv.loc[4, "survival"] == pytest.approx(0.5)
    cohorts = people.early_attrition_cohorts(staff, "2025-07-31", months=(1, 3, 6, 12))
    assert cohorts.loc["2025-01-01", "hires"] == 3
    assert cohorts.loc["2025-01-01", 1] == pytest.approx(2 / 3)
    assert cohorts.loc["2025-01-01", 6] == pytest.approx(1 / 3)
    assert np.isnan(cohorts.loc["2025-02-01", 12])  # not observable yet
    with pytest.raises(ValueError, match="as_of must be on or after every hire_date"):
        people.tenure_months(staff, "2024-12-31")


def test_weekly_attrition_rate():
    assert people.weekly_attrition_rate(0.03) == pytest.approx(1 - 0.97 ** (7 / 30.4375))
    assert people.weekly_attrition_rate(0.01, "week") == pytest.approx(0.01)
    assert people.weekly_attrition_rate(0.4, "year") == pytest.approx(1 - 0.6 ** (7 / 365.25))
    with pytest.raises(ValueError, match="period must be one of"):
        people.weekly_attrition_rate(0.03, "day")
    with pytest.raises(ValueError, match=r"attrition_rate must be a fraction in \[0, 1\)"):
        people.weekly_attrition_rate(1.0)


def test_hiring_plan_hand_example():
    plan = people.hiring_plan([10, 10, 10, 10], 10, 0.1, 2, 0.5, class_every_weeks=1)
    # no hires: 10, 9, 8.1, 7.29. Class at week 0 graduates week 2: (10 - 8.1) / 0.5 = 3.8 -> 4,
    # week 2 becomes 8.1 + 2 = 10.1, week 3 = 9.09; class at week 1: (10 - 9.09) / 0.5 = 1.82 -> 2
    assert plan.classes["hires"].tolist() == [4, 2]
    assert plan.trajectory["productive_fte"].tolist() == pytest.approx([10, 9, 10.1, 10.09])
    assert plan.trajectory["in_training"].tolist() == [4, 6, 2, 0]
    assert plan.trajectory["short"].tolist() == [False, True, False, False]
    assert plan.classes["raw_hires"].tolist() == pytest.approx([3.8, 1.82])
    assert plan.classes["rounded_hires"].tolist() == [4, 2]


def test_hiring_plan_class_covers_until_next_graduation_and_limits():
    # 0 attrition: need 10 in weeks 0-1, 14 in weeks 2-5; class every 2 weeks, 1 week training
    need = [10, 10, 14, 14, 14, 14]
    plan = people.hiring_plan(need, 10, 0.0, 1, 1.0, class_every_weeks=2)
    # class at week 0 graduates week 1 covering weeks 1-2: need 14 - 10 = 4 hires
    assert plan.classes[["start", "hires", "binding_week"]].values.tolist() == [[0, 4, 2]]
    capped = people.hiring_plan(need, 10, 0.0, 1, 1.0, class_every_weeks=2, max_class=3)
    assert capped.classes["limited_by"].tolist() == ["max_class", ""]
    assert capped.classes["rounded_hires"].iloc[0] == 4 and capped.classes["hires"].iloc[0] == 3
    assert capped.trajectory["short"].iloc[2]
    floor = people.hiring_plan([10, 11], 10, 0.0, 1, 1.0, min_class=5)
    assert floor.classes["hires"].tolist() == [5]
    assert floor.classes["limited_by"].tolist() == ["min_class"]


def test_hiring_plan_keeps_series_labels_and_monthly_rates():
    weeks = pd.date_range("2026-04-06", periods=8, freq="7D")
    plan = people.hiring_plan(pd.Series(80.0, index=weeks), 80, 0.03, 2, 0.8,
                              attrition_period="month", class_every_weeks=2)
    assert plan.trajectory.index.equals(weeks)
    assert plan.weekly_attrition == pytest.approx(1 - 0.97 ** (7 / 30.4375))
    assert plan.classes["start_label"].iloc[0] == weeks[0]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(0, 200), min_size=1, max_size=20), st.floats(0, 150),
       st.floats(0, 0.05), st.integers(0, 5), st.floats(0.3, 1.0), st.integers(1, 4))
def test_hiring_plan_meets_requirement_after_first_graduation(need, f0, a, weeks, p, every):
    plan = people.hiring_plan(need, f0, a, weeks, p, class_every_weeks=every)
    t = plan.trajectory
    assert (t["gap"].iloc[weeks:] >= -1e-6).all()
    assert (plan.classes["hires"] > 0).all()


@pytest.mark.parametrize("kwargs, message", [
    ({"required_fte": [-1]}, "required_fte must be zero or a positive number"),
    ({"required_fte": []}, "required_fte must have at least one week"),
    ({"current_fte": -5}, "current_fte must be zero or a positive number"),
    ({"training_weeks": 2.5}, "training_weeks must be a whole number"),
    ({"pass_rate": 0}, r"pass_rate must be a fraction in \(0, 1\]"),
    ({"attrition_rate": 1.2}, "attrition_rate must be a fraction"),
    ({"class_every_weeks": 0}, "class_every_weeks must be a whole number >= 1"),
    ({"min_class": 3, "max_class": 2}, "max_class must be a whole number >= 3"),
    ({"attrition_period": "day"}, "period must be one of"),
])
def test_hiring_plan_errors(kwargs, message):
    args = {"required_fte": [10, 10], "current_fte": 10, "attrition_rate": 0.01,
            "training_weeks": 1, "pass_rate": 0.8}
    args.update(kwargs)
    with pytest.raises(ValueError, match=message):
        people.hiring_plan(**args)


def test_cohorts_by_quarter():
    staff = _staff([
        ("a", "X", "2025-01-05", "2025-01-20"),
        ("b", "X", "2025-03-01", None),
        ("c", "X", "2025-04-01", None),
    ])
    out = people.early_attrition_cohorts(staff, "2025-12-31", months=(1,), freq="Q")
    # Q1: a left after 15 days, b stayed -> 1/2; Q2: c stayed -> 1
    assert out[1].tolist() == [0.5, 1.0]
    assert out["hires"].tolist() == [2, 1]
    with pytest.raises(ValueError, match="freq must be one of"):
        people.early_attrition_cohorts(staff, "2025-12-31", freq="W")


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 120), st.one_of(st.none(), st.integers(0, 120))),
                min_size=1, max_size=15))
def test_monthly_attrition_matches_a_day_by_day_count(pairs):
    start = pd.Timestamp("2025-01-01")
    rows = [(f"e{i}", "X", start + pd.Timedelta(days=h),
             None if stay is None else start + pd.Timedelta(days=h + stay))
            for i, (h, stay) in enumerate(pairs)]
    staff = _staff(rows)
    out = people.monthly_attrition(staff, "2025-01", "2025-06", headcount="daily")
    for month, row in out.iterrows():
        days = pd.date_range(month, month + pd.offsets.MonthEnd(0))
        daily = [sum(1 for _, _, h, l in rows if h <= d and (l is None or l >= d)) for d in days]
        leavers = sum(1 for *_, l in rows if l is not None and l.to_period("M") == month.to_period("M"))
        assert row["average_headcount"] == pytest.approx(np.mean(daily))
        assert row["leavers"] == leavers


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(0, 120), min_size=1, max_size=16), st.floats(0, 100), st.floats(0, 0.05),
       st.integers(0, 4), st.floats(0.3, 1.0), st.integers(1, 4), st.integers(0, 6))
def test_hiring_trajectory_matches_a_plain_loop(need, f0, a, weeks, p, every, cap):
    plan = people.hiring_plan(need, f0, a, weeks, p, class_every_weeks=every, min_class=0,
                              max_class=cap or None)
    hires = dict(zip(plan.classes["start"], plan.classes["hires"]))
    level, productive, training = f0, [], []
    for w in range(len(need)):
        if w > 0:
            level *= 1 - a
        level += hires.get(w - weeks, 0) * p
        productive.append(level)
        training.append(sum(n for s, n in hires.items() if s <= w < s + weeks))
    assert plan.trajectory["productive_fte"].tolist() == pytest.approx(productive)
    assert plan.trajectory["in_training"].tolist() == pytest.approx(training)
    if cap:
        assert (plan.classes["hires"] <= cap).all()


# --- event flags and the hiring plan's short weeks (issue 9) -------------------------------------

def test_kaplan_meier_reads_text_flags_as_written():
    # "false" is a censored person, not an event: same table as the boolean flags (hand example above)
    as_text = people.kaplan_meier([1, 2, 2, 3, 4], ["true", "TRUE", "false", " yes ", "no"])
    as_bool = people.kaplan_meier([1, 2, 2, 3, 4], [True, True, False, True, False])
    pd.testing.assert_frame_equal(as_text, as_bool)
    as_01 = people.kaplan_meier([1, 2, 2, 3, 4], np.array([1.0, 1.0, 0.0, 1.0, 0.0]))
    pd.testing.assert_frame_equal(as_01, as_bool)
    as_zh = people.kaplan_meier([1, 2, 2, 3, 4], pd.Series(["是", "是", "否", "是", "否"]))
    pd.testing.assert_frame_equal(as_zh, as_bool)


@pytest.mark.parametrize("flags, shown", [
    ([True, float("nan"), False], "nan at position 1"),
    ([True, None, False], "None at position 1"),
    ([1, 2, 0], "2 at position 1"),
    (["true", "maybe", "false"], "'maybe' at position 1"),
    (np.array([1.0, np.nan, 0.0]), "nan at position 1"),
])
def test_kaplan_meier_refuses_unclear_flags(flags, shown):
    with pytest.raises(ValueError, match=r"observed must be True/False \(or 1/0, yes/no, 是/否\), got " + shown):
        people.kaplan_meier([1, 2, 3], flags)


def test_hiring_plan_knows_the_weeks_hiring_cannot_reach():
    # 3 weeks, training 4: the first class would graduate in week index 4, after the plan; every
    # week is short by need - 72 (1 - a)^w, a = 0 here: 128 each week.
    plan = people.hiring_plan([200, 200, 200], 72, 0.0, 4, 0.8)
    assert plan.classes.empty
    assert plan.first_graduation == 4
    assert plan.weeks_short == 3 and plan.short_before_first_graduation == 3
    assert plan.largest_gap == 128.0
    # first_start 1, training 2: weeks 0-2 cannot be reached; week 3 onwards is covered
    later = people.hiring_plan([10] * 6, 5, 0.0, 2, 1.0, first_start=1, class_every_weeks=1)
    assert later.first_graduation == 3
    assert later.trajectory["short"].tolist() == [True, True, True, False, False, False]
    assert later.short_before_first_graduation == later.weeks_short == 3
    assert later.largest_gap == 5.0


def test_hiring_plan_with_nothing_short_has_no_gap():
    plan = people.hiring_plan([10, 10], 12, 0.0, 1, 1.0)
    assert plan.weeks_short == 0 and plan.largest_gap == 0.0 and plan.classes.empty


def test_hiring_plan_bounds_its_inputs_and_class_sizes():
    with pytest.raises(ValueError, match="required_fte must be at most 1e\\+07 FTE, got 1e\\+300"):
        people.hiring_plan([10, 1e300], 5, 0.0, 1, 0.5)
    with pytest.raises(ValueError, match="current_fte must be at most 1e\\+07 FTE, got 100000000.0"):
        people.hiring_plan([10, 10], 1e8, 0.0, 1, 0.5)
    with pytest.raises(ValueError, match="required_fte must be zero or a positive number, got inf"):
        people.hiring_plan([10, float("inf")], 5, 0.0, 1, 0.5)
    # a gap of 1e-9 FTE with a pass rate of 5e-324: raw = 1e-9 / 5e-324 overflows to inf
    with pytest.raises(ValueError, match="pass_rate must be high enough .* in week 0, got 5e-324"):
        people.hiring_plan([1e-9], 0.0, 0.0, 0, 5e-324)


def test_employee_dates_are_checked_naming_the_row():
    staff = pd.DataFrame({"hire_date": pd.to_datetime(["2026-01-05", None, "2026-02-02"]),
                          "leave_date": pd.to_datetime([None, None, "2026-01-30"])})
    with pytest.raises(ValueError, match="hire_date must be a date, got None in row 1"):
        people.tenure_months(staff, "2026-03-31")
    staff.loc[1, "hire_date"] = pd.Timestamp("2026-01-12")
    with pytest.raises(ValueError, match="leave_date must be on or after hire_date .*, got Timestamp.'2026-01-30 00:00:00'. in row 2"):
        people.tenure_survival(staff, "2026-03-31")


def test_dates_and_months_are_checked_naming_the_parameter():
    staff = pd.DataFrame({"hire_date": pd.to_datetime(["2026-01-05"]), "leave_date": pd.to_datetime([None])})
    with pytest.raises(ValueError, match="as_of must be a date such as '2026-03-31', got 'soon'"):
        people.tenure_months(staff, "soon")
    with pytest.raises(ValueError, match="start must be a date such as '2026-03-31', got None"):
        people.monthly_attrition(staff, None, "2026-03-31")
    with pytest.raises(ValueError, match="months must be a whole number >= 0, got inf"):
        people.tenure_survival(staff, "2026-03-31", months=float("inf"))
    with pytest.raises(ValueError, match="months must be at most 1200, got 1000000000"):
        people.tenure_survival(staff, "2026-03-31", months=10**9)
    with pytest.raises(ValueError, match="months must be a whole number >= 0, got nan"):
        people.early_attrition_cohorts(staff, "2026-03-31", months=(3, float("nan")))


def test_hiring_plan_is_bounded_to_twenty_years():
    with pytest.raises(ValueError, match="required_fte must have at most 1040 weeks .20 years., got 1041 weeks"):
        people.hiring_plan([10.0] * 1041, 5, 0.0, 1, 0.5)
