"""ccskills.workcalendar against the State Council's published holiday notices.

Sources (国务院办公厅关于…年部分节假日安排的通知):
* 2025: https://www.gov.cn/gongbao/2024/issue_11726/202411/content_6989767.html
  春节 1月28日至2月4日放假调休共8天, 1月26日(周日)、2月8日(周六)上班;
  劳动节 5月1日至5日, 4月27日(周日)上班; 国庆节、中秋节 10月1日至8日共8天,
  9月28日(周日)、10月11日(周六)上班.
* 2026: https://www.gov.cn/gongbao/2025/issue_12406/202511/content_7048922.html
  元旦 1月1日至3日, 1月4日(周日)上班; 春节 2月15日至23日共9天, 2月14日(周六)、2月28日(周六)上班;
  国庆节 10月1日至7日, 9月20日(周日)、10月10日(周六)上班.
* 2024: https://www.gov.cn/gongbao/2023/issue_10806/202311/content_6913823.html
  国庆节 10月1日至7日, 9月29日(周日)、10月12日(周六)上班.
"""

from __future__ import annotations

import pandas as pd
import pytest

from ccskills.workcalendar import DAY_TYPES, china_calendar, day_types, shopping_events


@pytest.fixture(scope="module")
def cal():
    return china_calendar("2024-09-01", "2026-12-31")


def _days(first, last):
    return pd.date_range(first, last, freq="D")


@pytest.mark.parametrize("day", ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28",
                                 "2025-10-11", "2026-01-04", "2026-02-14", "2026-02-28",
                                 "2026-09-20", "2026-10-10", "2024-09-29", "2024-10-12"])
def test_published_makeup_days_are_working_days(cal, day):
    row = cal.loc[day]
    assert pd.Timestamp(day).day_of_week >= 5
    assert row["is_makeup_workday"] and row["is_workday"] and not row["is_holiday"]


@pytest.mark.parametrize("first,last,name", [
    ("2025-01-28", "2025-02-04", "春节"),
    ("2025-05-01", "2025-05-05", "劳动节"),
    ("2025-10-01", "2025-10-08", "国庆节、中秋节"),
    ("2026-01-01", "2026-01-03", "元旦"),
    ("2026-02-15", "2026-02-23", "春节"),
    ("2026-10-01", "2026-10-07", "国庆节"),
    ("2024-10-01", "2024-10-07", "国庆节"),
])
def test_published_breaks_are_holidays_with_their_name(cal, first, last, name):
    block = cal.loc[first:last]
    assert len(block) == len(_days(first, last))
    assert block["is_holiday"].all() and not block["is_workday"].any()
    assert set(block["holiday_name"]) == {name}
    # the day before and after the break is not part of it
    outside = cal.loc[[pd.Timestamp(first) - pd.Timedelta(days=1), pd.Timestamp(last) + pd.Timedelta(days=1)]]
    assert not outside["is_holiday"].any()


def test_ordinary_days(cal):
    assert cal.loc["2025-03-12", "is_workday"]  # a Wednesday
    assert not cal.loc["2025-03-15", "is_workday"]  # a Saturday
    assert cal.loc["2025-03-15", "holiday_name"] == ""
    assert not cal["is_workday"][cal["is_holiday"]].any()
    weekday = cal.index.day_of_week < 5
    assert (cal["is_workday"] == ((weekday & ~cal["is_holiday"]) | cal["is_makeup_workday"])).all()


def test_frame_shape_and_dtypes():
    c = china_calendar("2025-01-01", "2025-12-31")
    assert len(c) == 365 and c.index.name == "date"
    assert list(c.columns) == ["is_holiday", "is_makeup_workday", "is_workday", "holiday_name"]
    for col in ["is_holiday", "is_makeup_workday", "is_workday"]:
        assert c[col].dtype == bool
    # 2025: 13 statutory days off (国务院令第795号) + weekend days inside the breaks = 28 days of breaks
    assert int(c["is_holiday"].sum()) == 1 + 8 + 3 + 5 + 3 + 8
    # 2025 working days by hand: 261 weekdays - 18 weekdays inside breaks (1/1; 1/28-31, 2/3-4;
    # 4/4; 5/1, 5/2, 5/5; 6/2; 10/1-3, 10/6-8) + 5 make-up weekend days = 248
    assert int(c["is_workday"].sum()) == 248


def test_edges_of_a_break_are_named_even_when_range_cuts_it():
    c = china_calendar("2025-02-03", "2025-02-03")
    assert c.loc["2025-02-03", "is_holiday"] and c.loc["2025-02-03", "holiday_name"] == "春节"


@pytest.mark.parametrize("start,end", [("2025-02-01", "2025-01-01"), ("not a date", "2025-01-01"),
                                       (None, "2025-01-01")])
def test_bad_ranges(start, end):
    with pytest.raises(ValueError, match="must be"):
        china_calendar(start, end)
    with pytest.raises(ValueError, match="must be"):
        shopping_events(start, end)


def test_shopping_events_windows():
    ev = shopping_events("2025-01-01", "2025-12-31")
    assert list(ev.columns) == ["date", "event", "days_to_peak"]
    e618 = ev[ev["event"] == "618"]
    assert e618["date"].min() == pd.Timestamp("2025-06-01")
    assert e618.loc[e618["days_to_peak"] == 0, "date"].tolist() == [pd.Timestamp("2025-06-18")]
    e11 = ev[ev["event"] == "双11"]
    assert e11["date"].min() == pd.Timestamp("2025-10-21")
    assert e11["date"].max() == pd.Timestamp("2025-11-14")
    assert len(e11) == 21 + 1 + 3 and len(e618) == 17 + 1 + 3
    assert ev["date"].is_monotonic_increasing and not ev["date"].duplicated().any()


def test_day_types_of_timestamps():
    stamps = pd.to_datetime(["2025-01-26 10:00", "2025-01-29 08:00", "2025-03-12 12:15",
                             "2025-03-15 21:45", "2025-10-04 09:00"])
    kinds = day_types(stamps)
    # 1/26 Sunday make-up day; 1/29 春节; 3/12 Wednesday; 3/15 Saturday; 10/4 Saturday inside 国庆
    assert kinds.tolist() == ["makeup_workday", "holiday", "weekday", "weekend", "holiday"]
    assert kinds.name == "day_type" and kinds.index.equals(stamps)
    assert set(kinds) <= set(DAY_TYPES)
    assert day_types(pd.DatetimeIndex([])).empty


def test_day_types_rejects_missing():
    with pytest.raises(ValueError, match="index must hold dates"):
        day_types(pd.to_datetime(["2025-01-01", None]))
