"""The ``calendar`` option: China (default), 'none', any country of the ``holidays`` package.

References: lines built in the test that close on their own country's public holidays (dates
from ``holidays.country_holidays``, the package the option uses) and follow an exact weekly
pattern otherwise, so the right answer is known: the pattern on normal days, no slots on the
country's holidays, and no adjustment for another country's holidays.
"""

import holidays
import numpy as np
import pandas as pd
import pytest

from ccskills.forecasting import forecast


def pattern(index: pd.DatetimeIndex) -> np.ndarray:
    return 20 + 5 * index.hour + 2 * index.day_of_week


def business_line(start, end, country) -> pd.Series:
    """Hourly slots 09:00–17:00 on weekdays, closed on ``country``'s public holidays."""
    idx = pd.date_range(start, end, freq="h")
    idx = idx[(idx.day_of_week < 5) & (idx.hour >= 9) & (idx.hour < 17)]
    closed = holidays.country_holidays(country, years=range(idx[0].year, idx[-1].year + 1),
                                       categories=("public",))
    idx = idx[~np.isin(idx.date, list(closed))]
    return pd.Series(pattern(idx).astype(float), index=idx)


US = business_line("2025-09-08", "2026-11-22 23:00", "US")  # ends the Sunday before Thanksgiving


def test_us_line_closes_thanksgiving_with_calendar_us_only():
    thanksgiving = pd.Timestamp("2026-11-26")
    us = forecast(US, "7D", method="holiday_adjusted", calendar="US")
    cn = forecast(US, "7D", method="holiday_adjusted", calendar="CN")
    assert thanksgiving not in set(us.index.normalize())  # closed, learned from Thanksgiving 2025
    assert thanksgiving in set(cn.index.normalize())  # the Chinese calendar does not know it
    normal = us.index.normalize() != pd.Timestamp("2026-11-27")  # the day after: backlog kind
    np.testing.assert_allclose(us[normal].to_numpy(), pattern(us.index[normal]))


def test_us_line_is_not_adjusted_for_national_day():
    """Week of 28 Sep – 4 Oct 2026 holds 国庆 (1–7 Oct): with calendar='US' every weekday stays
    open at its pattern; with 'none' the forecast is the base method's, slot for slot."""
    hist = US[US.index < "2026-09-28"]
    us = forecast(hist, "7D", method="holiday_adjusted", calendar="US")
    days = pd.date_range("2026-09-28", periods=5)
    assert set(us.index.normalize()) == set(days)
    np.testing.assert_allclose(us.to_numpy(), pattern(us.index))
    none = forecast(hist, "7D", method="holiday_adjusted", calendar="none")
    base = forecast(hist, "7D", method="historical_average", k=8)
    pd.testing.assert_series_equal(none, base, check_names=False)


def test_a_country_holiday_never_seen_is_a_normal_day():
    """fpp3's US bank closed on Memorial, Independence and Labor Day but not on Columbus Day.
    A line whose history (from November) never saw Columbus Day keeps it open with
    calendar='US'; the closures of other holidays are not pooled onto it. A user's own table
    (as China's) does pool them and closes it."""
    line = business_line("2025-11-03", "2026-10-11 23:00", "US")
    columbus = pd.Timestamp("2026-10-12")
    us = forecast(line, "7D", method="holiday_adjusted", calendar="US")
    assert columbus in set(us.index.normalize())
    np.testing.assert_allclose(us.to_numpy(), pattern(us.index))
    from ccskills.forecasting._special_days import country_calendar

    table = country_calendar("US", "2025-11-03", "2026-10-18")
    table.attrs = {}  # a plain table: unseen holidays take the pooled factor (0, closed)
    pooled = forecast(line, "7D", method="holiday_adjusted", calendar=table)
    assert columbus not in set(pooled.index.normalize())


def test_gb_line_closes_may_day_and_china_does_not():
    gb_line = business_line("2025-03-03", "2026-05-03 23:00", "GB")  # May Day 2025 seen closed
    gb = forecast(gb_line, "7D", method="holiday_adjusted", calendar="gb")
    cn = forecast(gb_line, "7D", method="holiday_adjusted")  # default: China (劳动节 1–5 May)
    may_day = pd.Timestamp("2026-05-04")
    assert may_day not in set(gb.index.normalize())
    assert may_day in set(cn.index.normalize())  # past 劳动节/国庆 were normal days on this line


def test_calendar_is_accepted_by_every_method_and_by_auto():
    hist = US[US.index < "2026-03-01"]
    plain = forecast(hist, "7D", method="historical_average", calendar="US")
    pd.testing.assert_series_equal(plain, forecast(hist, "7D", method="historical_average"))
    auto = forecast(hist, "7D", calendar="none", candidates=["seasonal_naive", "historical_average",
                                                             "holiday_adjusted"], origins=2)
    assert not any(k.startswith("holiday_adjusted") for k in auto.attrs["backtest_wape"])
    auto = forecast(hist, "7D", calendar="US", candidates=["seasonal_naive", "historical_average",
                                                           "holiday_adjusted"], origins=2)
    assert "holiday_adjusted" in auto.attrs["backtest_wape"]


@pytest.mark.parametrize("bad", ["XX", "China", 7, ""])
def test_bad_calendar_is_named_with_how_to_spell_it(bad):
    hist = US[US.index < "2026-03-01"]
    with pytest.raises(ValueError, match=r"calendar must be 'CN' .*'none' .*'US', 'GB', 'DE'.*got"):
        forecast(hist, "7D", method="holiday_adjusted", calendar=bad)
    with pytest.raises(ValueError, match="calendar must be"):
        forecast(hist, "7D", calendar=bad)
