"""The Chinese working calendar: public holidays, make-up working days (调休) and shopping festivals.

Public holidays and the State Council's make-up working days come from the ``holidays`` package
(``holidays.China``, pinned at 0.109), which encodes each year's 国务院办公厅关于部分节假日安排的通知:
a weekday given as a day off is listed as a holiday "substituted from" a weekend day, and that
weekend day is in ``China.weekend_workdays``. Notices used for the years of the course data:

* 2024: https://www.gov.cn/gongbao/2023/issue_10806/202311/content_6913823.html
* 2025: https://www.gov.cn/gongbao/2024/issue_11726/202411/content_6989767.html
* 2026: https://www.gov.cn/gongbao/2025/issue_12406/202511/content_7048922.html

(the addresses cited by ``holidays/countries/china.py``; archived copies are linked there).

A notice names whole breaks ("1月28日至2月4日放假调休，共8天"), weekends inside them included, so
:func:`china_calendar` marks as holiday every day of a run of non-working days that contains a
statutory or substituted day off. Years without a published notice (2027 on, as of holidays 0.109)
get rule-based holiday dates and no make-up days: treat them as provisional.

The ``holidays`` import happens inside the functions, so ``import ccskills`` stays cheap.
"""

from __future__ import annotations

import re

import pandas as pd

__all__ = ["china_calendar", "shopping_events", "day_types", "DAY_TYPES", "SHOPPING_EVENTS"]

#: Shopping festivals as (event, peak month, peak day, run-up days before the peak, after-sale days).
#: 618: JD.com's anniversary sale, campaign from 1 June, peak on 18 June (京东618).
#: 双11: Singles' Day (Tmall/JD), pre-sales from about 21 October, peak on 11 November; the days
#: after the peak bring delivery and return enquiries. The run-up lengths are a stylised,
#: documented choice for the course data, not a published calendar.
SHOPPING_EVENTS = (("618", 6, 18, 17, 3), ("双11", 11, 11, 21, 3))

_PAD = pd.Timedelta(days=20)
FIRST_DAY, LAST_DAY = pd.Timestamp("1900-01-01"), pd.Timestamp("2200-12-31")
"""Dates the calendars cover: inside pandas' nanosecond range with room for the padding and a
whole shopping season, and a span that builds in about a second."""


def _date_range(start, end) -> pd.DatetimeIndex:
    try:
        first, last = pd.Timestamp(start), pd.Timestamp(end)
    except (TypeError, ValueError):
        raise ValueError(f"start and end must be dates, got {start!r} and {end!r}") from None
    if pd.isna(first) or pd.isna(last):
        raise ValueError(f"start and end must be dates, got {start!r} and {end!r}")
    first, last = first.normalize(), last.normalize()
    if last < first:
        raise ValueError(f"end must be on or after start, got {end!r}")
    if first < FIRST_DAY or last > LAST_DAY:
        raise ValueError(f"start and end must be from {FIRST_DAY.date()} to {LAST_DAY.date()}, "
                         f"got {start!r} and {end!r}")
    return pd.date_range(first, last, freq="D")


def _base_name(name: str) -> str:
    """'端午节（观察日）' -> '端午节'; substituted days off ('休息日（由 … 调休）') -> ''."""
    if name.startswith("休息日"):
        return ""
    return re.sub(r"（.*?）|\(.*?\)", "", name).strip()


def _break_name(names: list[str]) -> str:
    """One name for a holiday break: distinct base names in order, 除夕 folded into 春节."""
    distinct = list(dict.fromkeys(n for n in names if n))
    if "春节" in distinct and "农历除夕" in distinct:
        distinct.remove("农历除夕")
    return "、".join(distinct)


def china_calendar(start, end) -> pd.DataFrame:
    """Daily working calendar of mainland China from ``start`` to ``end`` (both included).

    Columns: ``is_holiday`` (day of a public-holiday break, weekends inside the break included),
    ``is_makeup_workday`` (a Saturday/Sunday declared a working day, 调休上班), ``is_workday``
    (Monday–Friday outside holidays, or a make-up day) and ``holiday_name`` (Chinese name of the
    break, e.g. '春节' or '国庆节、中秋节'; empty on other days). Index: daily DatetimeIndex ``date``.

    Source: ``holidays.China`` (State Council notices, see the module docstring).

    >>> cal = china_calendar("2025-01-25", "2025-02-09")
    >>> cal.loc["2025-01-26", ["is_makeup_workday", "is_workday"]].tolist()
    [True, True]
    >>> int(cal["is_holiday"].sum()), cal.loc["2025-02-01", "holiday_name"]
    (8, '春节')
    """
    days = _date_range(start, end)
    import holidays

    wide = pd.date_range(days[0] - _PAD, days[-1] + _PAD, freq="D")
    years = list(range(wide[0].year, wide[-1].year + 1))
    cn = holidays.China(years=years, categories=("public",), language="zh_CN")
    makeup = {pd.Timestamp(d) for d in cn.weekend_workdays}
    is_makeup = wide.isin(list(makeup))
    is_weekend = wide.day_of_week >= 5
    day_off = [d.date() in cn for d in wide]
    names = [_base_name(cn.get(d.date(), "")) for d in wide]
    working_normally = (~is_weekend & ~pd.Series(day_off, index=wide).to_numpy()) | is_makeup
    frame = pd.DataFrame(
        {"off": ~working_normally, "listed": day_off, "name": names}, index=wide
    )
    run = (frame["off"] != frame["off"].shift()).cumsum()
    frame["run"] = run
    holiday = frame["off"] & frame.groupby("run")["listed"].transform("any")
    run_name = frame.groupby("run")["name"].agg(lambda s: _break_name(list(s)))
    out = pd.DataFrame(
        {
            "is_holiday": holiday.to_numpy(),
            "is_makeup_workday": is_makeup,
            "is_workday": working_normally,
            "holiday_name": [run_name[r] if h else "" for r, h in zip(run, holiday)],
        },
        index=pd.DatetimeIndex(wide, name="date"),
    )
    return out.loc[days[0] : days[-1]].copy()


def shopping_events(start, end) -> pd.DataFrame:
    """Days of the 618 and 双11 shopping festivals between ``start`` and ``end`` (both included).

    One row per day: ``date`` (datetime64), ``event`` ('618' or '双11'), ``days_to_peak`` (int:
    17…1 in the run-up, 0 on the peak day, -1…-3 on the after-sale days). Windows are given in
    :data:`SHOPPING_EVENTS`: 618 from 1 June to 18 June, 双11 from 21 October to 11 November, each
    followed by three after-sale days.

    >>> ev = shopping_events("2025-11-01", "2025-11-30")
    >>> ev.loc[ev["days_to_peak"] == 0, "date"].dt.strftime("%Y-%m-%d").tolist()
    ['2025-11-11']
    >>> len(ev)
    14
    """
    days = _date_range(start, end)
    rows = []
    for year in range(days[0].year, days[-1].year + 1):
        for event, month, day, before, after in SHOPPING_EVENTS:
            peak = pd.Timestamp(year, month, day)
            for offset in range(before, -after - 1, -1):
                rows.append((peak - pd.Timedelta(days=offset), event, offset))
    frame = pd.DataFrame(rows, columns=["date", "event", "days_to_peak"])
    frame["date"] = frame["date"].astype("datetime64[ns]")
    frame["days_to_peak"] = frame["days_to_peak"].astype("int64")
    keep = frame["date"].between(days[0], days[-1])
    return frame[keep].sort_values("date").reset_index(drop=True)


#: Labels of :func:`day_types`, most specific first.
DAY_TYPES = ("holiday", "makeup_workday", "weekend", "weekday")


def day_types(index) -> pd.Series:
    """Kind of day of each timestamp: 'holiday', 'makeup_workday', 'weekend' or 'weekday'.

    'holiday' is a day of a public-holiday break (:func:`china_calendar`), 'makeup_workday' a
    Saturday/Sunday worked under 调休; the rest are plain weekends and weekdays. Returns a Series on
    ``index`` named ``day_type`` (handy for grouping 15-minute history by kind of day).

    >>> day_types(pd.to_datetime(["2025-02-08 09:00", "2025-02-09 09:00", "2025-10-03 20:00"])).tolist()
    ['makeup_workday', 'weekend', 'holiday']
    """
    stamps = pd.DatetimeIndex(index)
    if len(stamps) == 0:
        return pd.Series([], index=stamps, name="day_type", dtype=object)
    if stamps.hasnans:
        raise ValueError("index must hold dates and times, got a missing value (NaT)")
    days = stamps.normalize()
    if days.min() < FIRST_DAY or days.max() > LAST_DAY:
        raise ValueError(f"index must hold dates from {FIRST_DAY.date()} to {LAST_DAY.date()}, "
                         f"got {days.min().date()} … {days.max().date()}")
    cal = china_calendar(days.min(), days.max()).reindex(days)
    kind = pd.Series("weekday", index=stamps, name="day_type", dtype=object)
    kind[days.day_of_week >= 5] = "weekend"
    kind[cal["is_makeup_workday"].to_numpy()] = "makeup_workday"
    kind[cal["is_holiday"].to_numpy()] = "holiday"
    return kind
