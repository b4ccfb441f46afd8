"""Tests of ccskills.forecasting on synthetic histories whose answer is known by construction.

References: a pure weekly pattern (any sensible method must give it back exactly), an exactly
linear trend (Holt's additive trend extrapolates it), hand-computed accuracy examples with the
arithmetic in the comments, and calendars built in the test (holidays, make-up days, events).
"""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ccskills.forecasting import METHODS, BacktestResult, accuracy, backtest, forecast, forecast_aht

MONDAY = pd.Timestamp("2026-01-05")  # a Monday


def pattern(index: pd.DatetimeIndex) -> np.ndarray:
    """A weekly pattern: different for every weekday and quarter-hour, always > 0."""
    hour = index.hour + index.minute / 60
    return 10 + 30 * np.exp(-((hour - 11) / 3) ** 2) + 3 * index.day_of_week


def grid(weeks: int, start=MONDAY, hours=(8, 22), weekdays=range(7), step="15min"):
    idx = pd.date_range(start, start + pd.Timedelta(weeks=weeks), freq=step, inclusive="left")
    hour = idx.hour + idx.minute / 60
    return idx[(hour >= hours[0]) & (hour < hours[1]) & np.isin(idx.day_of_week, list(weekdays))]


def weekly(weeks=10, **kw) -> pd.Series:
    idx = grid(weeks, **kw)
    return pd.Series(pattern(idx), index=idx)


def corporate(weeks=10, **kw) -> pd.Series:
    return weekly(weeks, hours=(9, 18), weekdays=range(5), **kw)


def calendar(start, end, holidays=(), makeup=(), name="国庆节") -> pd.DataFrame:
    days = pd.date_range(start, end, freq="D", name="date")
    hol, mk = days.isin(pd.DatetimeIndex(holidays)), days.isin(pd.DatetimeIndex(makeup))
    return pd.DataFrame({"is_holiday": hol, "is_makeup_workday": mk,
                         "is_workday": ((days.day_of_week < 5) & ~hol) | mk,
                         "holiday_name": np.where(hol, name, "")}, index=days)


NO_EVENTS = pd.DataFrame({"date": pd.DatetimeIndex([]), "event": []})


# ---------------------------------------------------------------- shapes and open slots
@pytest.mark.parametrize("method", ["seasonal_naive", "historical_average"])
def test_pure_weekly_pattern_is_reproduced_exactly(method):
    hist = weekly(10)
    fc = forecast(hist, "7D", method=method)
    expected = grid(1, start=MONDAY + pd.Timedelta(weeks=10))
    assert fc.index.equals(expected)
    np.testing.assert_allclose(fc.to_numpy(), pattern(expected))
    assert fc.attrs["method"] == method


@pytest.mark.parametrize("method", ["top_down", "bottom_up"])
def test_holt_winters_methods_follow_a_pure_weekly_pattern(method):
    hist = weekly(20)
    fc = forecast(hist, "7D", method=method)
    expected = pattern(fc.index)
    assert np.abs(fc.to_numpy() - expected).max() < 0.02 * expected.max()


def test_linear_trend_is_extrapolated_by_holt():
    """Every slot gains 0.2 calls a day: slot = pattern + 0.2 d on day d, so daily totals are an
    exact line plus a weekly cycle and the slot series an exact line plus a weekly cycle.
    Holt-Winters' additive trend (undamped) continues it; a flat historical average cannot."""
    hist = weekly(12)
    hist = hist + 0.2 * (hist.index.normalize() - MONDAY).days.to_numpy()
    fut = grid(1, start=MONDAY + pd.Timedelta(weeks=12))
    truth = pattern(fut) + 0.2 * (fut.normalize() - MONDAY).days.to_numpy()
    fc = forecast(hist, "7D", method="bottom_up", damped=False)
    assert np.abs(fc.to_numpy() / truth - 1).max() < 0.01
    # top-down: the daily totals follow the line (the intraday shares are last weeks')
    fc = forecast(hist, "7D", method="top_down", damped=False)
    days = fut.normalize()
    daily_truth = pd.Series(truth, fut).groupby(days).sum()
    assert np.abs(fc.groupby(days).sum() / daily_truth - 1).max() < 0.01
    flat = forecast(hist, "7D", method="historical_average")
    assert np.abs(flat.to_numpy() / truth - 1).max() > 0.1


def test_corporate_line_gets_no_night_or_weekend_slots():
    hist = corporate(10)
    for method in METHODS:
        if method == "holiday_adjusted":
            continue
        fc = forecast(hist, "14D", method=method)
        assert len(fc) == 10 * 36  # ten working days × 36 quarter-hours (09:00–18:00)
        assert (fc.index.day_of_week < 5).all()
        assert fc.index.hour.min() == 9 and fc.index.hour.max() == 17
        assert (fc >= 0).all()


def test_horizon_inside_closed_hours_gives_an_empty_forecast():
    hist = corporate(10)  # ends Friday 17:45
    fc = forecast(hist, "2D", method="historical_average")  # Friday 18:00 to Sunday 18:00
    assert len(fc) == 0 and isinstance(fc.index, pd.DatetimeIndex)


def test_horizon_starts_right_after_the_last_slot():
    hist = weekly(10)
    hist = hist[hist.index < MONDAY + pd.Timedelta(weeks=9, days=2, hours=12)]  # ends Wed 11:45
    fc = forecast(hist, "1D", method="seasonal_naive")
    assert fc.index[0] == MONDAY + pd.Timedelta(weeks=9, days=2, hours=12)
    assert fc.index[-1] == MONDAY + pd.Timedelta(weeks=9, days=3, hours=11, minutes=45)


@pytest.mark.parametrize("method, options", [
    ("seasonal_naive", {}), ("historical_average", {"k": 1}),
    ("holiday_adjusted", {"k": 1, "calendar": "none"})])
def test_read_only_values_and_a_key_missing_from_the_last_weeks(method, options):
    """A history made from a read-only array (pandas ``.values`` may hand one out), whose last
    Monday was closed: with k = 1 the Monday slots are not in the 1-week table and take the
    latest Monday (the fallback written into the lookup, which once raised "assignment
    destination is read-only"). Expected, by hand: every slot is the value a week before, or
    two weeks before for the Monday of the closed week."""
    idx = grid(10)
    week_no = (idx - MONDAY) // pd.Timedelta(weeks=1)
    values = np.asarray(pattern(idx) * (1 + 0.1 * week_no))  # a different level every week
    values.flags.writeable = False
    hist = pd.Series(values, index=idx, copy=False)
    hist = hist[hist.index.normalize() != MONDAY + pd.Timedelta(weeks=9)]  # the last Monday closed
    fc = forecast(hist, "7D", method=method, **options)
    expected = grid(1, start=MONDAY + pd.Timedelta(weeks=10))
    assert fc.index.equals(expected)
    week_ago = hist.reindex(expected - pd.Timedelta(weeks=1)).to_numpy()
    two_weeks_ago = hist.reindex(expected - pd.Timedelta(weeks=2)).to_numpy()
    np.testing.assert_allclose(fc.to_numpy(), np.where(np.isnan(week_ago), two_weeks_ago, week_ago))
    assert (expected.day_of_week == 0).sum() > 0 and np.isnan(week_ago[expected.day_of_week == 0]).all()


def test_closed_holiday_in_history_is_skipped_not_copied_as_zero():
    """Last week's Monday was closed (no rows): seasonal naive takes the Monday before."""
    hist = corporate(10)
    holiday = MONDAY + pd.Timedelta(weeks=9)
    hist = hist[hist.index.normalize() != holiday]
    fc = forecast(hist, "7D", method="seasonal_naive")
    monday = fc[fc.index.normalize() == holiday + pd.Timedelta(weeks=1)]
    assert len(monday) == 36
    np.testing.assert_allclose(monday.to_numpy(), pattern(monday.index))


def test_one_makeup_saturday_does_not_open_saturdays():
    hist = corporate(10)
    sat = MONDAY + pd.Timedelta(weeks=8, days=5)
    extra = grid(1, start=sat, hours=(9, 18), weekdays=[5])
    hist = pd.concat([hist, pd.Series(pattern(extra), index=extra)]).sort_index()
    assert (forecast(hist, "7D", method="historical_average").index.day_of_week < 5).all()


# ---------------------------------------------------------------- holidays, make-up days, events
def test_holiday_adjusted_closes_holidays_and_opens_makeup_days():
    """History: a Wednesday holiday (closed) and a make-up Saturday (open, like a weekday).
    Horizon: another Wednesday holiday → no slots; a make-up Sunday → 36 slots."""
    hist = corporate(12)
    past_hol = MONDAY + pd.Timedelta(weeks=5, days=2)
    past_mk = MONDAY + pd.Timedelta(weeks=6, days=5)
    extra = grid(1, start=past_mk, hours=(9, 18), weekdays=[5])
    hist = pd.concat([hist[hist.index.normalize() != past_hol],
                      pd.Series(pattern(extra - pd.Timedelta(days=3)), index=extra)]).sort_index()
    fut_hol = MONDAY + pd.Timedelta(weeks=12, days=2)
    fut_mk = MONDAY + pd.Timedelta(weeks=11, days=6)  # Sunday before the holiday week
    cal = calendar(MONDAY, MONDAY + pd.Timedelta(weeks=14), [past_hol, fut_hol], [past_mk, fut_mk])
    fc = forecast(hist, "7D", method="holiday_adjusted", calendar=cal, events=NO_EVENTS)
    days = fc.index.normalize()
    assert fut_hol not in days
    assert (days == fut_mk).sum() == 36
    assert sorted(set(fc.index.day_of_week)) == [0, 1, 3, 4, 6]
    # plain methods know nothing of the calendar: they open the holiday and not the Sunday
    plain = forecast(hist, "7D", method="historical_average").index.normalize()
    assert fut_hol in plain and fut_mk not in plain


def test_holiday_adjusted_on_a_base_without_k_and_with_its_own_options():
    """k (weeks averaged for the special-day shapes) goes to the base only if the base takes
    it: seasonal naive does not, and with k = 3 it still gives, by hand, last week's value at
    every slot but the closed Friday holiday's (closed because the past one was). The base's
    own options pass through (weeks, damped for bottom_up, also under "auto"); an option the
    base does not take is refused by name rather than failing inside the base (it raised
    TypeError before). Both holidays are Fridays, so the backlog days after them fall outside
    the weeks compared."""
    idx = grid(14, hours=(9, 18), weekdays=range(5))
    hist = pd.Series(pattern(idx) * (1 + 0.1 * ((idx - MONDAY) // pd.Timedelta(weeks=1))), index=idx)
    past_hol, fut_hol = MONDAY + pd.Timedelta(weeks=4, days=4), MONDAY + pd.Timedelta(weeks=14, days=4)
    hist = hist[hist.index.normalize() != past_hol]
    cal = calendar(MONDAY, MONDAY + pd.Timedelta(weeks=16), [past_hol, fut_hol])
    fc = forecast(hist, "7D", method="holiday_adjusted", base="seasonal_naive", k=3,
                  calendar=cal, events=NO_EVENTS)
    expected = grid(1, start=MONDAY + pd.Timedelta(weeks=14), hours=(9, 18), weekdays=range(4))
    assert fc.index.equals(expected)
    np.testing.assert_allclose(fc.to_numpy(), hist.reindex(expected - pd.Timedelta(weeks=1)).to_numpy())

    own = forecast(hist, "7D", method="holiday_adjusted", base="bottom_up", weeks=6, damped=False,
                   calendar=cal, events=NO_EVENTS)
    assert own.index.equals(expected) and (own > 0).all()
    picked = forecast(hist, "7D", candidates=["holiday_adjusted", "bottom_up"], damped=False, origins=2,
                      calendar=cal, events=NO_EVENTS)
    assert "holiday_adjusted" in picked.attrs["backtest_wape"]  # it ran at both origins
    with pytest.raises(ValueError, match="options must be among .* for method 'holiday_adjusted' "
                                         "with base 'seasonal_naive', got 'weights'"):
        forecast(hist, "7D", method="holiday_adjusted", base="seasonal_naive", weights="linear",
                 calendar=cal, events=NO_EVENTS)


def test_event_factor_learned_from_history_is_applied():
    """A shopping-event peak day had exactly twice the usual calls; next year's gets 2×."""
    hist = weekly(60)
    peak_past = MONDAY + pd.Timedelta(weeks=20, days=3)
    peak_next = MONDAY + pd.Timedelta(weeks=60, days=3)
    on_peak = hist.index.normalize() == peak_past
    hist = hist.where(~on_peak, hist * 2)
    events = pd.DataFrame({"date": [peak_past, peak_next], "event": ["双11", "双11"],
                           "days_to_peak": [0, 0]})
    cal = calendar(MONDAY, MONDAY + pd.Timedelta(weeks=62))
    fc = forecast(hist, "7D", method="holiday_adjusted", calendar=cal, events=events)
    peak = fc[fc.index.normalize() == peak_next]
    np.testing.assert_allclose(peak.to_numpy(), 2 * pattern(peak.index), rtol=1e-9)
    other = fc[fc.index.normalize() != peak_next]
    np.testing.assert_allclose(other.to_numpy(), pattern(other.index), rtol=1e-9)
    # seasonal naive copies the peak into the next week instead
    naive = forecast(hist[hist.index < peak_past + pd.Timedelta(days=1)], "7D", method="seasonal_naive")
    assert naive.iloc[-1] == pytest.approx(2 * pattern(naive.index[-1:])[0])


def test_real_calendar_business_hours_line_follows_the_state_council_notice():
    """A Mon–Fri 09–18 line built to open exactly on China's working days of 2025 (holidays
    shut, 调休 weekends open). From 26 Sep 2025, the next 16 days must have slots exactly on the
    working days of the official notice: 28 Sep (Sunday) and 11 Oct (Saturday) open, the
    National Day break 1–8 Oct closed. The calendar is loaded by the method itself."""
    from ccskills.workcalendar import china_calendar

    cal = china_calendar("2025-01-06", "2025-10-12")
    idx = grid(38, start=pd.Timestamp("2025-01-06"), hours=(9, 18))
    idx = idx[cal["is_workday"].reindex(idx.normalize()).to_numpy() & (idx < "2025-09-27")]
    hist = pd.Series(pattern(idx), index=idx)
    fc = forecast(hist, "16D", method="holiday_adjusted")
    days = pd.DatetimeIndex(sorted(set(fc.index.normalize())))
    expected = cal.index[cal["is_workday"] & (cal.index >= "2025-09-27") & (cal.index <= "2025-10-12")]
    assert list(days) == list(expected)
    assert pd.Timestamp("2025-09-28") in days and pd.Timestamp("2025-10-11") in days
    assert (fc.groupby(fc.index.normalize()).size() == 36).all()


def test_open_holidays_take_the_intraday_shape_of_past_holidays():
    """Five past holiday Wednesdays had a flat 30 calls in every slot (56 × 30 = 1680 a day)
    instead of the weekday peaks. The next holiday Wednesday: factor 1680 ÷ normal Wednesday
    total, times that total = 1680, spread flat like past holidays = 30 in every slot."""
    hist = weekly(20)
    past = [MONDAY + pd.Timedelta(weeks=w, days=2) for w in (3, 5, 7, 9, 11)]
    hist = hist.where(~hist.index.normalize().isin(past), 30.0)
    future = MONDAY + pd.Timedelta(weeks=20, days=2)
    cal = calendar(MONDAY, MONDAY + pd.Timedelta(weeks=22), [*past, future])
    fc = forecast(hist, "7D", method="holiday_adjusted", calendar=cal, events=NO_EVENTS)
    np.testing.assert_allclose(fc[fc.index.normalize() == future].to_numpy(), 30.0, rtol=1e-9)
    other = fc[fc.index.normalize() != future]
    np.testing.assert_allclose(other.to_numpy(), pattern(other.index), rtol=1e-9)


def test_backlog_after_a_break_is_learned():
    """The first working day after a closed Monday holiday had 1.3 × the usual calls (the
    backlog); the next break's first working day gets 1.3 ×, the second day 1 ×."""
    hist = corporate(20)
    past_hol = MONDAY + pd.Timedelta(weeks=10)
    on_tue = hist.index.normalize() == past_hol + pd.Timedelta(days=1)
    hist = hist[hist.index.normalize() != past_hol].where(~on_tue[hist.index.normalize() != past_hol],
                                                        lambda s: s * 1.3)
    fut_hol = MONDAY + pd.Timedelta(weeks=20)
    cal = calendar(MONDAY, MONDAY + pd.Timedelta(weeks=22), [past_hol, fut_hol])
    fc = forecast(hist, "7D", method="holiday_adjusted", calendar=cal, events=NO_EVENTS)
    days = fc.index.normalize()
    assert fut_hol not in days
    tue = fc[days == fut_hol + pd.Timedelta(days=1)]
    np.testing.assert_allclose(tue.to_numpy(), 1.3 * pattern(tue.index), rtol=1e-9)
    wed = fc[days == fut_hol + pd.Timedelta(days=2)]
    np.testing.assert_allclose(wed.to_numpy(), pattern(wed.index), rtol=1e-9)


def test_backtest_of_a_fully_closed_week_has_no_rows_and_nan_accuracy():
    hist = corporate(14)
    week, past = MONDAY + pd.Timedelta(weeks=12), MONDAY + pd.Timedelta(weeks=4, days=2)
    days = hist.index.normalize()
    hist = hist[((hist.index < week) | (hist.index >= week + pd.Timedelta(weeks=1))) & (days != past)]
    cal = calendar(MONDAY, MONDAY + pd.Timedelta(weeks=15), [past, *pd.date_range(week, periods=7)])
    result = backtest(hist, "holiday_adjusted", "7D", [week], calendar=cal, events=NO_EVENTS)
    assert len(result.table) == 0 and result.by_origin["wape"].isna().all()
    # a plain method forecasts the closed week and is charged for it (actual 0)
    plain = backtest(hist, "historical_average", "7D", [week])
    assert (plain.table["actual"] == 0).all() and plain.by_origin["bias"].isna().all()


# ---------------------------------------------------------------- accuracy
def test_accuracy_hand_computed():
    """actual (10, 2), forecast (8, 4): |errors| 2, 2.
    WAPE = 4/12 = 1/3; MAPE = (2/10 + 2/2)/2 = 0.6; RMSE = √((4+4)/2) = 2; bias = (12−12)/12 = 0."""
    acc = accuracy([10, 2], [8, 4])
    assert acc["wape"] == pytest.approx(1 / 3)
    assert acc["mape"] == pytest.approx(0.6)
    assert acc["rmse"] == pytest.approx(2.0)
    assert acc["bias"] == pytest.approx(0.0)
    assert np.isnan(acc["daily_mape"])  # no dates given


def test_wape_and_mape_disagree_on_small_slots():
    """A busy slot forecast perfectly and a 1-call slot forecast as 3:
    WAPE = (0 + 2)/(100 + 1) = 0.0198 — 2 calls wrong out of 101;
    MAPE = (0/100 + 2/1)/2 = 1.0 — a 100 % 'error' from one quiet slot."""
    acc = accuracy([100, 1], [100, 3])
    assert acc["wape"] == pytest.approx(2 / 101)
    assert acc["mape"] == pytest.approx(1.0)
    assert acc["bias"] == pytest.approx(2 / 101)


def test_mape_skips_zero_actuals_and_bias_sign():
    """actual (0, 10, 10), forecast (5, 12, 12): MAPE over the two non-zero slots = 0.2;
    WAPE = (5+2+2)/20 = 0.45; bias = (29 − 20)/20 = +0.45 (over-forecast)."""
    acc = accuracy([0, 10, 10], [5, 12, 12])
    assert acc["mape"] == pytest.approx(0.2)
    assert acc["wape"] == pytest.approx(0.45)
    assert acc["bias"] == pytest.approx(0.45)


def test_daily_mape_uses_daily_totals():
    """Day 1: slots (10, 10) vs (15, 5) — slot errors cancel, daily total 20 vs 20 (0 %);
    day 2: (10,) vs (12,) — 20 %. Daily MAPE = (0 + 0.2)/2 = 0.1; slot MAPE = (0.5+0.5+0.2)/3."""
    idx = pd.DatetimeIndex(["2026-01-05 09:00", "2026-01-05 09:15", "2026-01-06 09:00"])
    acc = accuracy(pd.Series([10.0, 10, 10], idx), pd.Series([15.0, 5, 12], idx))
    assert acc["daily_mape"] == pytest.approx(0.1)
    assert acc["mape"] == pytest.approx(1.2 / 3)


def test_accuracy_aligns_series_and_counts_missing_as_zero():
    """A slot forecast (4 calls) that had no row (closed): actual 0 there. WAPE = (0 + 4)/10."""
    idx = pd.DatetimeIndex(["2026-01-05 09:00", "2026-01-05 09:15"])
    acc = accuracy(pd.Series([10.0], idx[:1]), pd.Series([10.0, 4.0], idx))
    assert acc["wape"] == pytest.approx(0.4)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.floats(0.5, 1e4), min_size=1, max_size=30), st.floats(0.1, 100))
def test_accuracy_is_scale_free(values, scale):
    a = np.array(values)
    f = a * 1.1 + 1
    one, scaled = accuracy(a, f), accuracy(a * scale, f * scale)
    for m in ("wape", "bias"):
        assert scaled[m] == pytest.approx(one[m], rel=1e-9)
    assert one["wape"] >= 0 and accuracy(a, a)["wape"] == 0


# ---------------------------------------------------------------- backtest and auto
def test_backtest_rolling_origins_and_tables():
    hist = weekly(12)
    result = backtest(hist, "seasonal_naive", "7D", origins=3)
    assert isinstance(result, BacktestResult)
    origins = [MONDAY + pd.Timedelta(weeks=w) for w in (9, 10, 11)]
    assert list(result.by_origin.index) == origins
    assert list(result.table.columns) == ["origin", "timestamp", "actual", "forecast"]
    assert len(result.table) == 3 * 7 * 56
    assert (result.by_origin["wape"] == 0).all() and result.overall["wape"] == 0


def test_backtest_per_origin_accuracy_matches_its_rows():
    rng = np.random.default_rng(7)
    hist = weekly(12)
    hist = pd.Series(rng.poisson(hist.to_numpy()).astype(float), index=hist.index)
    result = backtest(hist, "historical_average", "7D", origins=[MONDAY + pd.Timedelta(weeks=10)], k=4)
    rows = result.table
    wape = np.abs(rows["actual"] - rows["forecast"]).sum() / rows["actual"].sum()
    assert result.by_origin["wape"].iloc[0] == pytest.approx(wape)
    # the forecast at the origin used only the four weeks before it
    before = hist[(hist.index >= MONDAY + pd.Timedelta(weeks=6)) & (hist.index < MONDAY + pd.Timedelta(weeks=10))]
    first = before[before.index.day_of_week == 0].groupby(before[before.index.day_of_week == 0].index.time).mean()
    assert rows["forecast"].iloc[0] == pytest.approx(first.iloc[0])


def test_backtest_progress_callable_and_text(capsys):
    calls = []
    backtest(weekly(10), "seasonal_naive", "1D", origins=3, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(1, 3), (2, 3), (3, 3)]
    backtest(weekly(10), "seasonal_naive", "1D", origins=2, progress=True)
    err = capsys.readouterr().err
    assert "\rbacktest: 1/2" in err and err.endswith("2/2 origins\n")


def test_auto_picks_seasonal_naive_when_the_level_jumps_every_week():
    """Weekly level 100, 150, 200, …: last week (off by 50) beats an 8-week average (off by
    225 on average), so "auto" restricted to these two must pick seasonal naive."""
    hist = weekly(20)
    level = 1 + 0.5 * ((hist.index.normalize() - MONDAY).days // 7).to_numpy()
    hist = hist * level
    fc = forecast(hist, "7D", candidates=["historical_average", "seasonal_naive"])
    assert fc.attrs["method"] == "seasonal_naive"
    wape = fc.attrs["backtest_wape"]
    means = [label for label in wape if label.startswith("historical_average(")]
    assert len(means) == 15  # k = 1..8 equal, k = 2..8 linear
    # k = 1 is seasonal naive itself (a tie, broken toward the simpler); longer means lag further
    assert all(wape["seasonal_naive"] <= wape[label] for label in means)
    assert wape["seasonal_naive"] < wape["historical_average(k=8)"]


def test_auto_picks_the_average_on_a_stable_noisy_line():
    """Poisson noise around a fixed weekly pattern: averaging 8 weeks cancels noise, one week
    does not (its error variance is about twice the average's)."""
    rng = np.random.default_rng(11)
    idx = grid(20)
    hist = pd.Series(rng.poisson(pattern(idx)).astype(float), index=idx)
    fc = forecast(hist, "7D", candidates=["seasonal_naive", "historical_average"], origins=3)
    assert fc.attrs["method"].startswith("historical_average(k=")
    assert fc.attrs["origins"] == 3
    wape = fc.attrs["backtest_wape"]
    assert wape[fc.attrs["method"]] < wape["seasonal_naive"]
    assert wape["historical_average(k=8)"] < wape["historical_average(k=1)"]
    calls = []
    forecast(hist, "7D", candidates=["seasonal_naive", "historical_average"], origins=3,
             progress=lambda done, total: calls.append((done, total)))
    # two methods (every k of the mean is one step) × 3 origins + the final forecast
    assert calls == [(d, 7) for d in range(1, 8)]


def test_backtest_of_auto_reselects_at_every_origin():
    """Backtesting "auto" itself: at each origin it picks again from the history before it.
    On the weekly-jump series seasonal naive wins everywhere, so the errors equal its own."""
    hist = weekly(24)
    hist = hist * (1 + 0.5 * ((hist.index.normalize() - MONDAY).days // 7).to_numpy())
    auto = backtest(hist, "auto", "7D", origins=2, candidates=["historical_average", "seasonal_naive"])
    naive = backtest(hist, "seasonal_naive", "7D", origins=2)
    np.testing.assert_allclose(auto.by_origin["wape"], naive.by_origin["wape"])


def test_auto_with_every_method_on_a_trend():
    """A steady linear trend: Holt-based methods beat both flat benchmarks."""
    hist = weekly(24)
    hist = hist + 0.2 * (hist.index.normalize() - MONDAY).days.to_numpy()
    fc = forecast(hist, "7D", candidates=["seasonal_naive", "historical_average", "top_down",
                                          "bottom_up"], damped=False, origins=2)
    assert fc.attrs["method"] in ("top_down", "bottom_up")


# ---------------------------------------------------------------- AHT
def test_forecast_aht_is_call_weighted_and_aligned():
    """Monday 09:00 over two weeks: 10 calls at 200 s, 30 calls at 300 s →
    (10·200 + 30·300)/40 = 275 s, not the plain mean 250 s."""
    hist = corporate(2)
    aht = pd.Series(250.0, index=hist.index)
    calls = hist.copy()
    first, second = MONDAY + pd.Timedelta(hours=9), MONDAY + pd.Timedelta(weeks=1, hours=9)
    calls[first], calls[second], aht[first], aht[second] = 10.0, 30.0, 200.0, 300.0
    fc_calls = forecast(calls, "7D", method="historical_average", k=2)
    out = forecast_aht(aht, calls, calls_forecast=fc_calls, k=2)
    assert out.index.equals(fc_calls.index)
    assert out.iloc[0] == pytest.approx(275.0)
    np.testing.assert_allclose(out.iloc[1:].to_numpy(), 250.0)
    assert forecast_aht(aht, calls, "7D", k=2).index.equals(fc_calls.index)


# ---------------------------------------------------------------- errors
def test_errors_name_the_parameter():
    hist = weekly(10)
    with pytest.raises(ValueError, match="history must have a DatetimeIndex"):
        forecast(pd.Series([1.0, 2.0, 3.0]), "7D")
    with pytest.raises(TypeError, match="history must be a pandas Series"):
        forecast([1, 2, 3], "7D")
    irregular = pd.Series([1.0, 2, 3], pd.DatetimeIndex(["2026-01-05 00:00", "2026-01-05 00:15",
                                                         "2026-01-05 00:40"]))
    with pytest.raises(ValueError, match="history must be on a regular interval"):
        forecast(irregular, "7D")
    with pytest.raises(ValueError, match="history must hold counts >= 0"):
        forecast(hist.where(hist.index != hist.index[5], -1.0), "7D")
    with pytest.raises(ValueError, match="history must hold counts >= 0"):
        forecast(hist.where(hist.index != hist.index[5], np.nan), "7D")
    with pytest.raises(ValueError, match=r"history must cover at least 8 weeks .*'historical_average', got 3 weeks"):
        forecast(weekly(3), "7D", method="historical_average")
    with pytest.raises(ValueError, match=r"history must cover at least 12 weeks"):
        forecast(weekly(3), "7D", method="historical_average", k=12)
    with pytest.raises(ValueError, match="method must be one of 'seasonal_naive', .*'auto', got 'arima'"):
        forecast(hist, "7D", method="arima")
    for bad in ("0D", "-1D", "soon", None):
        with pytest.raises(ValueError, match="horizon must be a positive time span"):
            forecast(hist, bad, method="seasonal_naive")
    with pytest.raises(ValueError, match="options must be among .* got 'kk'"):
        forecast(hist, "7D", method="historical_average", kk=3)
    with pytest.raises(ValueError, match="options must be among .* got 'kk'"):
        forecast(hist, "7D", kk=3)
    with pytest.raises(ValueError, match="candidates must be one of"):
        forecast(hist, "7D", candidates=["magic"])
    with pytest.raises(ValueError, match="base must be one of"):
        forecast(hist, "7D", method="holiday_adjusted", base="magic", calendar=calendar(MONDAY, MONDAY))
    for name, bad in (("k", 0), ("k", 2.5), ("weeks", True), ("fit_weeks", -1)):
        method = {"weeks": "bottom_up", "fit_weeks": "top_down"}.get(name, "historical_average")
        with pytest.raises(ValueError, match=f"{name} must be a whole number of weeks >= 1, got {bad!r}"):
            forecast(hist, "7D", method=method, **{name: bad})
    with pytest.raises(ValueError, match="damped must be True or False, got 'yes'"):
        forecast(hist, "7D", method="top_down", damped="yes")
    dup = pd.concat([hist, hist.iloc[:1]])
    with pytest.raises(ValueError, match="history must have one row per slot"):
        forecast(dup, "7D")


def test_backtest_and_accuracy_errors():
    hist = weekly(10)
    with pytest.raises(ValueError, match="origins must be a positive number"):
        backtest(hist, "seasonal_naive", "7D", origins=0)
    with pytest.raises(ValueError, match="origins must lie inside the history"):
        backtest(hist, "seasonal_naive", "7D", origins=["2030-01-01"])
    with pytest.raises(ValueError, match="progress must be None, True or a callable"):
        backtest(hist, "seasonal_naive", "7D", origins=1, progress="yes")
    with pytest.raises(ValueError, match="history must cover at least 8 weeks"):
        backtest(hist, "historical_average", "7D", origins=4)
    with pytest.raises(ValueError, match="forecast must have the length of actual"):
        accuracy([1, 2], [1])
    with pytest.raises(ValueError, match="actual must hold counts >= 0"):
        accuracy([-1, 2], [1, 2])
    with pytest.raises(ValueError, match="actual must hold at least one value"):
        accuracy([], [])
    with pytest.raises(ValueError, match="history_aht must be a Series"):
        forecast_aht([1, 2], hist, "7D")
    with pytest.raises(ValueError, match="horizon must be given"):
        forecast_aht(hist * 0 + 200, hist)
    with pytest.raises(ValueError, match="history must cover enough weeks"):
        forecast(weekly(2), "7D", candidates=["historical_average"])


def test_methods_mapping_documents_each_method():
    assert set(METHODS) == {"seasonal_naive", "historical_average", "top_down", "bottom_up",
                            "holiday_adjusted", "mstl_ets", "harmonic", "profile_top_down"}
    for name, method in METHODS.items():
        assert method.name == name and method.description and "{" not in method.description
    # the model methods' windows are read from their defaults, not written twice
    assert f"last {METHODS['mstl_ets'].defaults['weeks']} weeks" in METHODS["mstl_ets"].description
    assert f"AR({METHODS['harmonic'].defaults['ar_lags']})" in METHODS["harmonic"].description
    top_down = METHODS["profile_top_down"]
    assert top_down.defaults["daily"] == "weekday_mean"
    assert f"same weekday over the last {top_down.defaults['k']} weeks" in top_down.description


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 2**32 - 1), st.sampled_from(["seasonal_naive", "historical_average", "top_down"]),
       st.sampled_from(["1D", "3D", "7D", "10D"]))
def test_forecast_covers_only_open_slots_and_is_non_negative(seed, method, horizon):
    """Random counts on a random opening pattern (hours and weekdays) with random closed days:
    every forecast slot is after the history, inside the horizon, on a weekday × time of day
    the line kept open, and non-negative."""
    rng = np.random.default_rng(seed)
    open_from = int(rng.integers(0, 12))
    weekdays = sorted(rng.choice(7, size=int(rng.integers(1, 8)), replace=False).tolist())
    idx = grid(12, hours=(open_from, open_from + int(rng.integers(1, 12))), weekdays=weekdays)
    idx = idx[~idx.normalize().isin(rng.choice(idx.normalize().unique(), 3))]
    hist = pd.Series(rng.poisson(20, len(idx)).astype(float), index=idx)
    fc = forecast(hist, horizon, method=method)
    seen = set(zip(idx.day_of_week, idx.time))
    assert (fc >= 0).all()
    assert all(key in seen for key in zip(fc.index.day_of_week, fc.index.time))
    step = pd.Timedelta("15min")  # the window is [last slot + step, last slot + step + horizon)
    if len(fc):  # a short horizon may fall entirely on closed days
        assert fc.index.min() > idx.max() and fc.index.max() < idx.max() + step + pd.Timedelta(horizon)


def test_import_does_not_load_statsmodels():
    import subprocess
    import sys
    code = "import sys, ccskills.forecasting; print('statsmodels' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_accuracy_refuses_counts_that_would_overflow_and_names_inf():
    """Issue 9: 1e300 calls made RMSE inf silently; an infinite actual raised IndexError."""
    from ccskills.forecasting import accuracy

    with pytest.raises(ValueError, match=r"actual must hold counts of at most 1e\+15 in size, got 1e\+300"):
        accuracy([1e300, 1.0], [0.0, 1.0])
    with pytest.raises(ValueError, match=r"actual must hold counts >= 0, got inf"):
        accuracy([float("inf"), 1.0], [0.0, 1.0])
    with pytest.raises(ValueError, match=r"forecast must hold counts of at most"):
        accuracy([1.0], [-1e16])
    assert accuracy([1e15, 1e15], [-1e15, 1e15])["rmse"] == pytest.approx(2e15 / 2 ** 0.5, rel=1e-15)


def test_calendar_dates_outside_the_covered_span_are_named():
    """Issue 9: 2262-06 overflowed pandas' nanosecond range inside shopping_events, unnamed.
    (Here because the forecasts' special days read these calendars.)"""
    from ccskills.workcalendar import day_types, shopping_events

    with pytest.raises(ValueError, match="start and end must be from 1900-01-01 to 2200-12-31"):
        shopping_events("2026-01-01", "2262-01-01")
    with pytest.raises(ValueError, match="index must hold dates from 1900-01-01"):
        day_types(pd.to_datetime(["1850-01-01"]))
