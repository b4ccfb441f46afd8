"""Holiday, make-up working day and shopping-event adjustment on top of a base method.

Each date is one of: a public holiday (``holiday:<name>``), a make-up working day (``makeup``,
调休), one of the first three open days after a break (``after:<name>:<n>``, the backlog), a day
of a shopping-event window (``event:618:<days to peak>``, peak = 0) or a normal day, in that
order of precedence (closures matter most). The base method is fitted on the
history with every special day removed. For each special day in the history a factor is
learned: its total ÷ the mean total of normal days around it (same weekday within ±6 weeks;
for a weekday the line normally keeps closed, any normal open day within ±2 weeks). Factors
are averaged per kind (``holiday:国庆节``, ``event:双11:0``), falling back to the shorter kind
(``event:双11``, then ``event`` or ``holiday``) for a kind never seen — with a country calendar
(``calendar='US'``…) only down to the holiday's own name, so a public holiday the history never
showed is a normal day (see :data:`POOLED_ATTR`); a mean within 2.5
standard errors of 1 (the day-to-day noise of normal days ÷ √occurrences) is taken as 1.
A kind whose days were always closed in the history (factor 0) gives no slots — a
business-hours line closed on public holidays — while a make-up working day the line opened
gets slots shaped like an average open weekday. Open holiday days take the intraday shape of
past holidays (a flatter morning and a stronger evening, say), their totals kept.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ccskills.forecasting._history import DAY, WEEK, History
from ccskills.forecasting._methods import historical_average

AROUND_WEEKS = 6
AFTER_DAYS = 3
SIGNIFICANCE = 2.5
MIN_SHAPE_DAYS = 5


CALENDAR_HELP = ("'CN' (China's public holidays, 调休 make-up days and 618/双11, the default), 'none' "
                 "(no holiday adjustment), an ISO 3166 country code of the holidays package such as "
                 "'US', 'GB', 'DE' (its public holidays, no events), or a calendar DataFrame")


POOLED_ATTR = "pool_unseen_holidays"
"""``calendar.attrs`` flag: may a holiday never seen in the history take the factor pooled over
the holidays that were (True for China, where every public holiday is a day off by the State
Council's notice; False for a country calendar, whose public holidays mix days off for all with
days many lines work — the US bank of fpp3's bank_calls was open on Columbus Day, closed on
Memorial Day, Independence Day and Labor Day). Tables given by the user pool."""


def check_calendar(calendar):
    """``calendar`` as the methods take it: None or 'CN' → 'CN', 'none', an upper-case country
    code the ``holidays`` package knows, or a calendar table (returned as given)."""
    if calendar is None:
        return "CN"
    if isinstance(calendar, pd.DataFrame):
        return calendar
    if isinstance(calendar, str):
        code = calendar.strip()
        if code.lower() == "none":
            return "none"
        if code.upper() == "CN":
            return "CN"
        import holidays

        if code.upper() in holidays.list_supported_countries():
            return code.upper()
    raise ValueError(f"calendar must be {CALENDAR_HELP}, got {calendar!r}")


def load_calendar(start, end, calendar="CN") -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """The calendar table and events for ``calendar`` (see :func:`check_calendar`) from
    ``start`` to ``end``: 'CN' → ``ccskills.workcalendar`` (holidays, 调休, shopping events);
    a country code → its public holidays from the ``holidays`` package, no make-up days or
    events; 'none' → (None, None)."""
    calendar = check_calendar(calendar)
    if isinstance(calendar, pd.DataFrame):
        return calendar, None
    if calendar == "none":
        return None, None
    if calendar == "CN":
        from ccskills.workcalendar import china_calendar, shopping_events

        return china_calendar(start, end), shopping_events(start, end)
    return country_calendar(calendar, start, end), None


def country_calendar(code: str, start, end) -> pd.DataFrame:
    """Public holidays of ``code`` (``holidays.country_holidays``, category 'public') as a
    calendar table: is_holiday, is_makeup_workday (always False), is_workday, holiday_name."""
    import holidays

    days = pd.date_range(pd.Timestamp(start).normalize(), pd.Timestamp(end).normalize(), freq="D", name="date")
    table = holidays.country_holidays(code, years=range(days[0].year, days[-1].year + 1),
                                      categories=("public",))
    names = np.array([table.get(d.date(), "") for d in days], dtype=object)
    is_holiday = names != ""
    table = pd.DataFrame({"is_holiday": is_holiday, "is_makeup_workday": np.zeros(len(days), bool),
                         "is_workday": (days.day_of_week < 5) & ~is_holiday, "holiday_name": names},
                         index=days)
    table.attrs[POOLED_ATTR] = False
    return table


def day_kinds(days: pd.DatetimeIndex, calendar: pd.DataFrame, events: pd.DataFrame | None,
              open_weekdays=range(7)) -> pd.Series:
    """Kind of each date: 'holiday:<name>', 'makeup', 'after:<name>:<n>' (n-th open day after a
    break, n ≤ 3: the backlog), 'event:<name>[:<days to peak>]' or '' (a normal day)."""
    cal = calendar.set_index("date") if "date" in calendar.columns else calendar
    cal = cal.set_axis(pd.DatetimeIndex(cal.index).normalize()).reindex(days)
    kinds = pd.Series("", index=days, dtype=object)
    if events is not None and len(events):
        ev = events.assign(date=pd.DatetimeIndex(events["date"]).normalize())
        ev = ev[ev["date"].isin(days)].drop_duplicates("date").set_index("date")
        label = "event:" + ev["event"].astype(str)
        if "days_to_peak" in ev.columns:
            label = label + ":" + ev["days_to_peak"].astype(int).astype(str)
        kinds[ev.index] = label.to_numpy()
    kinds[cal["is_makeup_workday"].fillna(False).astype(bool).to_numpy()] = "makeup"
    holiday = cal["is_holiday"].fillna(False).astype(bool).to_numpy()
    names = cal["holiday_name"].fillna("").astype(str) if "holiday_name" in cal else pd.Series("", index=days)
    kinds[holiday] = ("holiday:" + names[holiday]).to_numpy()
    _mark_after_breaks(kinds, holiday, names.to_numpy(), set(open_weekdays))
    return kinds


def _mark_after_breaks(kinds: pd.Series, holiday: np.ndarray, names: np.ndarray, open_weekdays) -> None:
    """Label the first AFTER_DAYS open days after each break (makeup days count but keep their
    label)."""
    ends = np.flatnonzero(holiday[:-1] & ~holiday[1:])
    for end in ends:
        n, i = 0, end + 1
        while i < len(kinds) and n < AFTER_DAYS and not holiday[i]:
            is_open = kinds.iloc[i] == "makeup" or kinds.index[i].weekday() in open_weekdays
            if is_open:
                n += 1
                if kinds.iloc[i] != "makeup":
                    kinds.iloc[i] = f"after:{names[end]}:{n}"
            i += 1


def _prefixes(kind: str) -> list[str]:
    """'event:双11:0' -> ['event:双11:0', 'event:双11', 'event']."""
    parts = kind.split(":")
    return [":".join(parts[:n]) for n in range(len(parts), 0, -1)]


def _references(totals: pd.Series, kinds: pd.Series, days: pd.DatetimeIndex, open_weekdays) -> np.ndarray:
    """Mean total of normal open days around each of ``days``: the same weekday within ±6 weeks
    if it is an open weekday, else any open weekday within ±2 weeks (NaN when none)."""
    is_normal = (kinds.reindex(totals.index) == "").to_numpy()
    day_no = (totals.index - pd.Timestamp(0)).days.to_numpy()[is_normal]
    weekday = totals.index.day_of_week.to_numpy()[is_normal]
    values = totals.to_numpy()[is_normal]
    open_mask = np.isin(weekday, list(open_weekdays))
    out = np.full(len(days), np.nan)
    for i, day in enumerate(days):
        d, wd = (day - pd.Timestamp(0)).days, day.weekday()
        if wd in open_weekdays:
            near = (weekday == wd) & (np.abs(day_no - d) <= AROUND_WEEKS * 7)
        else:
            near = open_mask & (np.abs(day_no - d) <= 14)
        if near.any():
            out[i] = values[near].mean()
    return out


def learn_factors(history: History, kinds: pd.Series, open_weekdays) -> pd.Series:
    """Mean factor (special day total ÷ normal reference) per kind and per pooled kind."""
    values = history.values
    days = pd.date_range(values.index[0].normalize(), (history.end - pd.Timedelta(1)).normalize())
    totals = values.groupby(values.index.normalize()).sum().reindex(days, fill_value=0.0)
    special = kinds.reindex(days)
    special = special[special != ""]
    informative = [not (day.weekday() not in open_weekdays and totals[day] == 0 and kind != "makeup")
                   for day, kind in special.items()]  # a holiday on a closed weekday says nothing
    special = special[informative]
    refs = _references(totals, kinds, special.index, open_weekdays)
    ratios = {}
    for (day, kind), ref in zip(special.items(), refs):
        if np.isfinite(ref) and ref > 0:
            for key in _prefixes(kind):
                ratios.setdefault(key, []).append(totals[day] / ref)
    noise = _normal_day_noise(totals, kinds, open_weekdays)
    return pd.Series({kind: _significant(r, noise) for kind, r in ratios.items()}, dtype=float)


def _significant(ratios: list[float], noise: float) -> float:
    """The mean ratio, or 1 when it is within SIGNIFICANCE standard errors of 1 (a kind seen
    once on a line it does not affect — 618 on a corporate hotline — is noise, not a factor)."""
    mean = float(np.mean(ratios))
    return mean if abs(mean - 1) > SIGNIFICANCE * noise / np.sqrt(len(ratios)) else 1.0


def _normal_day_noise(totals: pd.Series, kinds: pd.Series, open_weekdays) -> float:
    """Standard deviation of a normal day's total ÷ the mean of its weekday's normal days
    around it (a centred window of 13 weeks)."""
    normal = totals[(kinds.reindex(totals.index) == "").to_numpy()
                    & np.isin(totals.index.day_of_week, list(open_weekdays)) & (totals > 0).to_numpy()]
    level = normal.groupby(normal.index.day_of_week).transform(
        lambda s: s.rolling(13, center=True, min_periods=3).mean())
    ratio = (normal / level).dropna()
    return float(ratio.std()) if len(ratio) > 2 else 0.0


def _factor(factors: pd.Series, kind: str, pooled: bool = True) -> float:
    """The factor of the longest known prefix of ``kind``; with ``pooled`` False, never the
    pooled 'holiday'/'after'/'event' factor (a holiday never seen is a normal day)."""
    for key in _prefixes(kind)[:None if pooled else -1]:
        if key in factors.index:
            return float(factors[key])
    return 1.0


def adjust(history: History, slots: pd.DatetimeIndex, base, calendar, events, k: int = 8):
    """The base forecast on [slots.min(), slots.max()] with special days scaled, closed or
    added (``slots``: the whole grid of the horizon)."""
    days = pd.date_range(history.values.index[0].normalize(), slots.max().normalize())
    line_weekdays = np.unique(history.open_keys() // history.slots_per_day)
    kinds = day_kinds(days, calendar, events, line_weekdays)
    special_days = kinds.index[kinds != ""]
    clean = history.without_days(special_days)  # keeps the line's weekly opening pattern
    open_weekdays = set(line_weekdays.tolist())
    factors = learn_factors(history, kinds, open_weekdays)
    grid, slots = slots, clean.future_slots(slots.min(), slots.max() + history.step)
    values = pd.Series(base(clean, slots) if len(slots) else [], index=slots, dtype=float)
    extra = _makeup_slots(clean, grid, kinds, open_weekdays, k)
    values = pd.concat([values, extra]).sort_index()
    values = _holiday_shape(history, kinds, values)
    day_kind = kinds.reindex(values.index.normalize()).fillna("").to_numpy()
    pooled = calendar.attrs.get(POOLED_ATTR, True)
    factor_of = {kind: _factor(factors, kind, pooled) if kind else 1.0 for kind in set(day_kind)}
    scale = np.array([factor_of[kind] for kind in day_kind])
    values = values * scale
    return values[scale != 0]


def _holiday_shape(history: History, kinds: pd.Series, values: pd.Series) -> pd.Series:
    """Give open holiday days the intraday shape the line had on past holidays (share of the day
    by time of day, pooled over every past holiday day with calls), keeping each day's total;
    unchanged when the history has fewer than MIN_SHAPE_DAYS such days."""
    past = history.values[kinds.reindex(history.values.index.normalize()).fillna("")
                          .str.startswith("holiday:").to_numpy()]
    if past.index.normalize().nunique() < MIN_SHAPE_DAYS or len(values) == 0:
        return values
    tod = lambda index: (index - index.normalize()) // history.step  # noqa: E731
    share = past.groupby(tod(past.index)).sum()
    days = values.index.normalize()
    future = kinds.reindex(days).fillna("").str.startswith("holiday:").to_numpy()
    if not future.any():
        return values
    shaped = values.copy()
    part = values[future]
    weight = share.reindex(tod(part.index)).fillna(0.0).to_numpy()
    day_of = part.index.normalize()
    weight_sum = pd.Series(weight, part.index).groupby(day_of).transform("sum").to_numpy()
    totals = part.groupby(day_of).transform("sum").to_numpy()
    shaped[future] = np.where(weight_sum > 0, totals * weight / np.where(weight_sum > 0, weight_sum, 1),
                              part.to_numpy())
    return shaped


def _makeup_slots(clean: History, slots, kinds, open_weekdays, k) -> pd.Series:
    """Slots for make-up working days on weekdays the line keeps closed: the mean open-weekday
    profile by time of day (historical average over ``k`` weeks)."""
    horizon_days = pd.date_range(slots.min().normalize(), slots.max().normalize())
    slots = pd.DatetimeIndex([slots.min(), slots.max()])
    makeup = [d for d in horizon_days if kinds.get(d, "") == "makeup" and d.weekday() not in open_weekdays]
    if not makeup or not open_weekdays:
        return pd.Series(dtype=float, index=pd.DatetimeIndex([]))
    tods = np.unique(clean.open_keys() % clean.slots_per_day)
    pieces = []
    for day in makeup:
        stamps = day + pd.to_timedelta(tods * clean.step.value, unit="ns")
        stamps = stamps[(stamps >= slots.min()) & (stamps <= slots.max())]
        per_weekday = [historical_average(clean, stamps - (day.weekday() - w) * DAY, k)
                       for w in sorted(open_weekdays)]
        pieces.append(pd.Series(np.mean(per_weekday, axis=0), index=stamps))
    return pd.concat(pieces)
