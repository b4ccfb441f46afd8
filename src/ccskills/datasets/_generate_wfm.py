"""Generate the workforce-management (WFM) data of chapter 05: two years of 15-minute history,
agents, a published two-week schedule and what the ACD logged against it.

Recipe (seed :data:`SEED`, one ``numpy.random.Generator`` used in a fixed order):

1. **Interval history**, 2024-10-01 … 2026-09-30, open slots only. Expected calls per slot =
   daily level × intraday share. Daily level = base × yearly growth × weekday factor × a mild
   annual cycle × holiday-break effect (from :func:`ccskills.workcalendar.china_calendar`) ×
   618/双11 effect (from :func:`ccskills.workcalendar.shopping_events`) × day noise (gamma, mean 1).
   Intraday shares come from piecewise-linear profiles (:data:`PROFILES`). Counts are
   gamma-Poisson (negative binomial, shape :data:`NB_SHAPE`), so variance > mean. The slot's AHT
   is the mean of its calls' handle times (each gamma, CV :data:`AHT_CV`): a gamma with shape
   ``calls / CV²`` around a mean that moves with time of day, season and events.
2. **Agents**: 72 e-commerce agents in 6 teams (10 full-time, 2 part-time each), 12 corporate.
3. **Schedule** for 2026-09-14 … 2026-09-27 (e-commerce), following :data:`SCHEDULING_RULES`.
4. **Agent states**: per scheduled agent-day, log-in/log-out, calls (talk, hold, after-call work,
   available), aux time, breaks, lunch, meetings and training, with per-agent discipline so some
   agents adhere worse than others; a few unplanned absences (no rows that day).

Same seed, same files, byte for byte.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..workcalendar import china_calendar, shopping_events
from ._csv import write_tables

SEED = 20261001
FILES = {
    "interval_history": "wfm/interval_history.csv",
    "agents": "wfm/agents.csv",
    "schedule": "wfm/schedule.csv",
    "agent_states": "wfm/agent_states.csv",
}
HISTORY_START, HISTORY_END = "2024-10-01", "2026-09-30"
SCHEDULE_START, SCHEDULE_DAYS = "2026-09-14", 14
SLOT = pd.Timedelta(minutes=15)
#: line -> (first slot "HH:MM", slots per open day)
OPEN_HOURS = {"ecommerce": ("08:00", 56), "corporate": ("09:00", 36)}
#: calls per day on a plain Wednesday at the start of the history, and yearly growth
BASE_DAILY = {"ecommerce": 2700.0, "corporate": 470.0}
GROWTH = {"ecommerce": 0.15, "corporate": 0.05}
WEEKDAY = {"ecommerce": (1.10, 1.04, 1.00, 0.98, 0.96, 0.92, 1.00),
           "corporate": (1.15, 1.05, 1.00, 0.97, 0.88, 0.0, 0.0)}
NB_SHAPE = {"ecommerce": 40.0, "corporate": 25.0}
DAY_NOISE_SD = 0.05
AHT_BASE = {"ecommerce": 310.0, "corporate": 420.0}
AHT_CV = 0.55
#: intraday profiles: (hour, relative level) knots, linear between them, evaluated at slot mid-points
PROFILES = {
    ("ecommerce", "weekday"): ((8, .45), (9, .85), (10, 1.15), (11, 1.25), (12, .95), (12.75, .85),
                               (13.5, 1.05), (15, 1.15), (17, 1.05), (18.5, .85), (19.5, 1.10),
                               (20.5, 1.28), (21.5, 1.05), (22, .80)),
    ("ecommerce", "weekend"): ((8, .35), (9, .65), (10.5, 1.0), (12, 1.0), (13, .9), (15, 1.05),
                               (17, 1.0), (18.5, .9), (20, 1.3), (21, 1.35), (22, .9)),
    ("corporate", "weekday"): ((9, .9), (9.75, 1.3), (10.5, 1.35), (11.5, 1.1), (12.25, .55),
                               (13, .6), (13.75, 1.1), (14.5, 1.25), (15.5, 1.15), (16.5, .95),
                               (17.5, .7), (18, .6)),
}
AHT_PROFILES = {
    "ecommerce": ((8, 1.08), (11, 1.02), (14, 1.0), (18, .97), (21, .94), (22, .96)),
    "corporate": ((9, 1.05), (12, 1.0), (17, .95), (18, .95)),
}
#: e-commerce volume factor inside holiday breaks, by break name; after-break catch-up days
HOLIDAY_FACTOR = {"春节": 0.45, "国庆节": 0.80, "国庆节、中秋节": 0.80}
OTHER_HOLIDAY_FACTOR = 0.88
AFTER_BREAK = {"春节": (1.22, 1.15, 1.10, 1.05, 1.03), "国庆节": (1.12, 1.06),
               "国庆节、中秋节": (1.12, 1.06)}
OTHER_AFTER_BREAK = (1.08,)
#: e-commerce volume on the peak day, and the after-sale days (days_to_peak = -1, -2, -3)
EVENT_PEAK = {"618": 1.9, "双11": 2.3}
EVENT_AFTER = {"618": (1.35, 1.25, 1.15), "双11": (1.6, 1.4, 1.25)}
EVENT_RUNUP = {"618": (0.05, 0.25, 5.0), "双11": (0.10, 0.35, 4.0)}  # flat, peak-ward, decay days

#: the scheduling norms (排班规范) the published schedule follows; see datasets/wfm/README.md
SCHEDULING_RULES = {
    "full_time_shift_h": 9, "full_time_lunch_min": 60, "breaks_min": (15, 15),
    "full_time_days_on": 5, "days_off_consecutive": 2, "min_rest_between_shifts_h": 12,
    "shift_starts": ("08:00", "09:00", "10:00", "11:00", "12:00", "13:00"),
    "break_not_in_first_or_last_hour": True, "shift_fixed_within_period": True,
}


def _knots(knots, hours: np.ndarray) -> np.ndarray:
    x, y = zip(*knots)
    return np.interp(hours, x, y)


def _slot_hours(line: str) -> np.ndarray:
    first, n = OPEN_HOURS[line]
    h0 = int(first[:2])
    return h0 + (np.arange(n) + 0.5) / 4


def _shares(line: str, kind: str) -> np.ndarray:
    key = (line, kind) if (line, kind) in PROFILES else (line, "weekday")
    shape = _knots(PROFILES[key], _slot_hours(line))
    return shape / shape.sum()


def _holiday_effects(cal: pd.DataFrame) -> np.ndarray:
    """E-commerce factor per day: dips inside holiday breaks, catch-up on the days after."""
    factor = np.ones(len(cal))
    names = cal["holiday_name"].to_numpy()
    for i, name in enumerate(names):
        if name:
            factor[i] = HOLIDAY_FACTOR.get(name, OTHER_HOLIDAY_FACTOR)
            if name == "春节" and i > 0 and names[i - 1] == "":  # the first three days of the break are the lowest
                factor[i:i + 3] = np.minimum(factor[i:i + 3], 0.35)
        elif i > 0 and names[i - 1]:
            tail = AFTER_BREAK.get(names[i - 1], OTHER_AFTER_BREAK)
            for k, value in enumerate(tail):
                if i + k < len(factor) and not names[i + k]:
                    factor[i + k] = max(factor[i + k], value)
    return factor


def _event_effects(days: pd.DatetimeIndex) -> np.ndarray:
    events = shopping_events(days[0], days[-1])
    factor = pd.Series(1.0, index=days)
    for event, d, left in zip(events["event"], events["date"], events["days_to_peak"]):
        flat, ramp, decay = EVENT_RUNUP[event]
        if left == 0:
            value = EVENT_PEAK[event]
        elif left < 0:
            value = EVENT_AFTER[event][-left - 1]
        else:
            value = 1 + flat + ramp * np.exp(-(left - 1) / decay)
        factor[d] = value
    return factor.to_numpy()


def _daily_level(line: str, cal: pd.DataFrame, rng) -> np.ndarray:
    days = cal.index
    years = (days - days[0]).days.to_numpy() / 365.25
    dow = days.day_of_week.to_numpy()
    weekday = np.asarray(WEEKDAY[line])[dow]
    doy = days.day_of_year.to_numpy()
    season = 1 + 0.05 * np.cos(2 * np.pi * (doy - 15) / 365.25)
    level = BASE_DAILY[line] * (1 + GROWTH[line]) ** years * season
    if line == "ecommerce":
        weekday = np.where(cal["is_makeup_workday"], 1.0, weekday)
        level = level * weekday * _holiday_effects(cal) * _event_effects(days)
    else:
        weekday = np.where(cal["is_makeup_workday"], 0.80, weekday)
        after = cal["is_workday"].to_numpy() & np.roll(cal["is_holiday"].to_numpy(), 1)
        level = level * weekday * np.where(after, 1.3, 1.0)
    noise = rng.gamma(1 / DAY_NOISE_SD**2, DAY_NOISE_SD**2, size=len(days))
    return level * noise


def _aht_means(line: str, cal: pd.DataFrame) -> np.ndarray:
    """Mean handle time (s) per day × slot: time of day, winter a little longer, a slow decline."""
    days = cal.index
    tod = _knots(AHT_PROFILES[line], _slot_hours(line))
    doy = days.day_of_year.to_numpy()
    years = (days - days[0]).days.to_numpy() / 365.25
    day = AHT_BASE[line] * (1 + 0.03 * np.cos(2 * np.pi * (doy - 20) / 365.25)) * 0.98**years
    if line == "ecommerce":
        ev = shopping_events(days[0], days[-1]).set_index("date")["days_to_peak"]
        left = ev.reindex(days).to_numpy()
        day = day * np.where(left > 0, 0.96, np.where(left < 0, 1.06, 1.0))
    return day[:, None] * tod[None, :]


def interval_history(rng) -> pd.DataFrame:
    """The 15-minute history of both lines, open slots only (see the module docstring)."""
    cal = china_calendar(HISTORY_START, HISTORY_END)
    frames = []
    for line in ("ecommerce", "corporate"):
        open_day = np.ones(len(cal), bool) if line == "ecommerce" else cal["is_workday"].to_numpy()
        level = _daily_level(line, cal, rng)
        weekendish = (cal.index.day_of_week >= 5) & ~cal["is_makeup_workday"] | cal["is_holiday"]
        shares = np.where(weekendish.to_numpy()[:, None], _shares(line, "weekend")[None, :],
                          _shares(line, "weekday")[None, :])
        mu = level[:, None] * shares
        k = NB_SHAPE[line]
        calls = rng.poisson(mu * rng.gamma(k, 1 / k, size=mu.shape))
        aht_mean = _aht_means(line, cal)
        a = 1 / AHT_CV**2
        safe = np.maximum(calls, 1)
        aht = rng.gamma(safe * a, aht_mean / (safe * a))
        first, n = OPEN_HOURS[line]
        offsets = pd.to_timedelta(first + ":00") + pd.to_timedelta(15 * np.arange(n), unit="min")
        offsets = offsets.to_numpy()
        starts = cal.index.to_numpy()[:, None] + offsets[None, :]
        keep = np.repeat(open_day, n)
        frames.append(pd.DataFrame({
            "line": line,
            "interval_start": np.asarray(starts).ravel()[keep],
            "calls": calls.ravel()[keep].astype("int64"),
            "aht_s": np.where(calls.ravel() > 0, aht.ravel(), np.nan)[keep],
        }))
    out = pd.concat(frames, ignore_index=True)
    out["interval_start"] = out["interval_start"].astype("datetime64[ns]")
    return out


def _as_text_1dp(values: pd.Series) -> pd.Series:
    """Floats as text with one decimal, empty when missing (write_csv's default is two)."""
    return values.map(lambda v: "" if pd.isna(v) else f"{v:.1f}")


def generate(seed: int = SEED) -> dict[str, pd.DataFrame]:
    """All four tables, keyed as :data:`FILES`."""
    rng = np.random.default_rng(seed)
    history = interval_history(rng)
    agents = build_agents(rng)
    schedule = build_schedule(agents, rng)
    states = simulate_states(schedule, agents, history, rng)
    return {"interval_history": history, "agents": agents, "schedule": schedule,
            "agent_states": states}


def write_datasets(directory, seed: int = SEED) -> list[Path]:
    """Generate the WFM tables and write them into ``directory/wfm/``; returns the paths."""
    tables = generate(seed)
    tables["interval_history"] = tables["interval_history"].assign(
        aht_s=_as_text_1dp(tables["interval_history"]["aht_s"]))
    return write_tables(tables, FILES, directory)


# ---------------------------------------------------------------------------------------------
# Agents, the published schedule and the logged agent states
# ---------------------------------------------------------------------------------------------

SURNAMES = tuple("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余")
GIVEN = tuple("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鑫斌宇浩凯健俊帆帅"
              "佳婷雪琳晨欣悦欢怡蕾倩瑶然婕")
TEAMS_ECOMMERCE = ("E1", "E2", "E3", "E4", "E5", "E6")
#: per e-commerce team: 10 full-time (40 h), one 30 h and one 20 h part-timer
TEAM_MAKEUP = (("full_time", 40),) * 10 + (("part_time", 30), ("part_time", 20))
#: full-time shift starts (hour) and how many agents get each; days-off pairs (Mon=0) and counts
FT_STARTS = {8: 18, 9: 10, 10: 4, 11: 4, 12: 6, 13: 18}
FT_DAYS_OFF = {0: 4, 1: 8, 2: 10, 3: 10, 4: 12, 5: 8, 6: 8}  # pattern p: off on days p and p+1
PT_DAYS_ON = ((0, 1, 2, 3), (3, 4, 5, 6), (0, 1, 5, 6), (1, 2, 3, 4), (0, 4, 5, 6), (2, 3, 5, 6))
TEAM_MEETING_DOW = (1, 2, 3, 1, 2, 3)  # weekly 30-min team meeting at 15:00
TRAINING = {"2026-09-23": ("E4", "E5", "E6"), "2026-09-24": ("E1", "E2", "E3")}
#: agents who adhere poorly (the adherence lesson should find them)
POOR_ADHERENCE = ("E005", "E014", "E027", "E038", "E041", "E044", "E047", "E063")


def _names(rng, n: int) -> list[str]:
    names: list[str] = []
    while len(names) < n:
        given = "".join(rng.choice(GIVEN, size=int(rng.integers(1, 3))))
        name = str(rng.choice(SURNAMES)) + given
        if name not in names:
            names.append(name)
    return names


def build_agents(rng) -> pd.DataFrame:
    """72 e-commerce agents (6 teams × 12) and 12 corporate agents (teams C1, C2), Chinese names."""
    rows = []
    for t, team in enumerate(TEAMS_ECOMMERCE):
        for k, (contract, hours) in enumerate(TEAM_MAKEUP):
            rows.append((f"E{12 * t + k + 1:03d}", team, "ecommerce", contract, hours))
    for k in range(12):
        contract, hours = ("part_time", 24) if k == 11 else ("full_time", 40)
        rows.append((f"C{k + 1:03d}", "C1" if k < 6 else "C2", "corporate", contract, hours))
    agents = pd.DataFrame(rows, columns=["agent_id", "team", "line", "contract", "weekly_hours"])
    agents.insert(1, "name", _names(rng, len(agents)))
    agents["weekly_hours"] = agents["weekly_hours"].astype("int64")
    return agents


def _place(shift: tuple[int, int], fixed: list, flexible: list) -> list[tuple[str, int, int]]:
    """Activities of one shift (minutes from midnight), phone filling the gaps.

    ``fixed``: (activity, start, minutes) placed as given; ``flexible``: (activity, target start,
    minutes) each moved in 15-min steps to the nearest start that overlaps nothing placed and keeps
    it out of the shift's first and last hour.
    """
    s, e = shift
    placed = [(a, b, b + m) for a, b, m in fixed]
    for act, target, minutes in flexible:
        for step in (0, 15, -15, 30, -30, 45, -45, 60, -60, 75, -75, 90, -90):
            b = target + step
            if b < s + 60 or b + minutes > e - 60:
                continue
            if all(b + minutes <= p0 or b >= p1 for _, p0, p1 in placed):
                placed.append((act, b, b + minutes))
                break
        else:
            raise RuntimeError(f"no room for {act} in shift {shift}")
    placed.sort(key=lambda x: x[1])
    out, t = [], s
    for act, b, c in placed:
        if b > t:
            out.append(("phone", t, b))
        out.append((act, b, c))
        t = c
    if t < e:
        out.append(("phone", t, e))
    return out


def _shift_plan(agents: pd.DataFrame, rng) -> dict[str, tuple[int, tuple[int, ...]]]:
    """agent_id -> (start hour, days of the week on) for the e-commerce agents."""
    starts = np.repeat(list(FT_STARTS), list(FT_STARTS.values()))
    patterns = np.repeat(list(FT_DAYS_OFF), list(FT_DAYS_OFF.values()))
    starts, patterns = rng.permutation(starts), rng.permutation(patterns)
    plan, ft, pt = {}, 0, {30: 0, 20: 0}
    for agent_id, hours in zip(agents["agent_id"], agents["weekly_hours"]):
        if hours == 40:
            off = {int(patterns[ft]), (int(patterns[ft]) + 1) % 7}
            plan[agent_id] = (int(starts[ft]), tuple(d for d in range(7) if d not in off))
            ft += 1
        else:
            k = pt[hours]
            pt[hours] += 1
            hour = 14 if hours == 30 else 17
            plan[agent_id] = (hour, PT_DAYS_ON[(k + 3 * (hours == 20)) % len(PT_DAYS_ON)])
    return plan


def _day_activities(hours: int, start_h: int, order: int, team: str, day: pd.Timestamp) -> list:
    s = 60 * start_h
    stagger = (order % 3 - 1) * 15
    fixed = []
    if TEAM_MEETING_DOW[TEAMS_ECOMMERCE.index(team)] == day.day_of_week and hours >= 30:
        fixed.append(("meeting", 15 * 60, 30))
    if hours == 40 and team in TRAINING.get(f"{day:%Y-%m-%d}", ()):
        fixed.append(("training", (14 if start_h <= 10 else 16) * 60, 60))
    if hours == 40:
        e = s + 9 * 60
        flexible = [("lunch", s + 240 + (order % 5 - 2) * 15, 60), ("break", s + 120 + stagger, 15),
                    ("break", s + 420 + stagger, 15)]
    elif hours == 30:
        e = s + 8 * 60
        flexible = [("lunch", s + 240 + stagger, 30), ("break", s + 120 + stagger, 15),
                    ("break", s + 375 + stagger, 15)]
    else:
        e = s + 5 * 60
        flexible = [("break", s + 150 + stagger, 15)]
    return _place((s, e), fixed, flexible)


def build_schedule(agents: pd.DataFrame, rng) -> pd.DataFrame:
    """The published two-week schedule of the e-commerce agents (rules: :data:`SCHEDULING_RULES`)."""
    eco = agents[agents["line"] == "ecommerce"]
    plan = _shift_plan(eco, rng)
    days = pd.date_range(SCHEDULE_START, periods=SCHEDULE_DAYS, freq="D")
    rows, order = [], {}
    for agent_id, team, hours in zip(eco["agent_id"], eco["team"], eco["weekly_hours"]):
        start_h, days_on = plan[agent_id]
        key = (start_h, hours)
        order[key] = order.get(key, -1) + 1
        for day in days:
            if day.day_of_week not in days_on:
                continue
            for act, b, c in _day_activities(int(hours), start_h, order[key], team, day):
                rows.append((agent_id, day + pd.Timedelta(minutes=b), day + pd.Timedelta(minutes=c), act))
    out = pd.DataFrame(rows, columns=["agent_id", "start", "end", "activity"])
    out[["start", "end"]] = out[["start", "end"]].astype("datetime64[ns]")
    return out.sort_values(["agent_id", "start"], ignore_index=True)


class _Log:
    """One agent-day of ACD states (seconds from midnight); equal neighbours merge."""

    def __init__(self):
        self.rows: list[list] = []

    def add(self, state: str, start: float, end: float) -> None:
        start, end = int(round(start)), int(round(end))
        if end <= start:
            return
        if self.rows and self.rows[-1][0] == state and self.rows[-1][2] == start:
            self.rows[-1][2] = end
        else:
            self.rows.append([state, start, end])


#: (share of days late at log-in, mean lateness s, break overrun mean s, lunch overrun mean s,
#:  share of days leaving early, early-leave range s, aux per hour, aux range s, absence share)
DISCIPLINE = {
    "good": (0.12, 80, 25, 60, 0.04, (120, 600), 0.4, (90, 240), 0.015),
    "poor": (0.50, 420, 200, 400, 0.35, (300, 1500), 1.1, (180, 480), 0.06),
}
TALK_SHARE, HOLD_P, HOLD_MEAN, ACW_P = 0.83, 0.12, 45.0, 0.4


def _calls(log: _Log, t: float, until: float, occ, aht, rng, aux) -> float:
    """Calls from ``t`` until a call ends at or after ``until``; returns when the agent is free."""
    per_hour, (aux_lo, aux_hi) = aux
    while t < until:
        slot = int(t // 900)
        o, a = occ.get(slot, 0.8), aht.get(slot, 300.0)
        if rng.random() < per_hour / 3600 * a:
            d = rng.uniform(aux_lo, aux_hi)
            log.add("not_ready", t, min(t + d, until))
            t = min(t + d, until)
            continue
        p0 = o**3
        gap = 0.0 if rng.random() < p0 else rng.exponential(a * (1 - o) / o / (1 - p0))
        if t + gap >= until:
            log.add("available", t, until)
            return until
        log.add("available", t, t + gap)
        t += gap
        talk = rng.gamma(2.5, TALK_SHARE * a / 2.5)
        if rng.random() < HOLD_P:
            hold = rng.gamma(2.0, HOLD_MEAN / 2)
            log.add("talk", t, t + talk / 2)
            log.add("hold", t + talk / 2, t + talk / 2 + hold)
            log.add("talk", t + talk / 2 + hold, t + talk + hold)
            t += talk + hold
        else:
            log.add("talk", t, t + talk)
            t += talk
        if rng.random() < ACW_P:
            acw = rng.gamma(2.0, ((1 - TALK_SHARE) * a - HOLD_P * HOLD_MEAN) / ACW_P / 2)
            log.add("acw", t, t + acw)
            t += acw
    return t


def _agent_day(plan: list, rng, style: tuple, occ: dict, aht: dict) -> list:
    """Simulated states of one scheduled agent-day (``plan``: activity, start s, end s)."""
    late_p, late_mean, brk, lunch, early_p, early_rng, aux_h, aux_rng, _ = style
    log = _Log()
    shift_start, shift_end = plan[0][1], plan[-1][2]
    if rng.random() < late_p:
        t = shift_start + 30 + rng.exponential(late_mean)
    else:
        t = shift_start - rng.uniform(0, 180)
    boot = rng.uniform(20, 90)
    log.add("not_ready", t, t + boot)
    t += boot
    leave = shift_end - rng.uniform(*early_rng) if rng.random() < early_p else shift_end
    for i, (act, start, end) in enumerate(plan):
        last = i == len(plan) - 1
        if act == "phone":
            target = leave if last else end
            if not last and style is DISCIPLINE["poor"] and rng.random() < 0.25:
                target -= rng.uniform(60, 300)  # off to break early
            if t < target:
                t = _calls(log, t, target, occ, aht, rng, (aux_h, aux_rng))
            if last:
                log.add("not_ready", t, t + rng.uniform(5, 60))  # wrap up, log out
        else:
            t = max(t, start)
            planned = end - start
            if act in ("meeting", "training"):
                back = max(end + rng.normal(0, 30), t + 60)
            else:
                over = rng.exponential(brk if act == "break" else lunch)
                back = t + planned + over - (0 if style is DISCIPLINE["poor"] else 30)
            log.add(act, t, back)
            t = back
    return log.rows


def _load_by_slot(history: pd.DataFrame, schedule: pd.DataFrame) -> tuple[dict, dict]:
    """(day, slot-of-day) -> occupancy the scheduled phone agents would face, and -> AHT."""
    eco = history[(history["line"] == "ecommerce")
                  & history["interval_start"].between(schedule["start"].min().normalize(),
                                                       schedule["end"].max())]
    phone = schedule[schedule["activity"] == "phone"]
    starts, ends = phone["start"].to_numpy(), phone["end"].to_numpy()
    occ, aht = {}, {}
    for ts, calls, a in zip(eco["interval_start"], eco["calls"], eco["aht_s"]):
        heads = int(((starts <= ts.to_datetime64()) & (ends > ts.to_datetime64())).sum())
        a = 300.0 if np.isnan(a) else float(a)
        key = (ts.normalize(), (ts.hour * 3600 + ts.minute * 60) // 900)
        occ[key] = float(np.clip(calls * a / 900 / max(heads, 1), 0.5, 0.95))
        aht[key] = a
    return occ, aht


def simulate_states(schedule: pd.DataFrame, agents: pd.DataFrame, history: pd.DataFrame,
                    rng) -> pd.DataFrame:
    """What the ACD logged for the scheduled agent-days (see :data:`DISCIPLINE`)."""
    occ_all, aht_all = _load_by_slot(history, schedule)
    rows = []
    sched = schedule.assign(day=schedule["start"].dt.normalize())
    for (agent_id, day), part in sched.groupby(["agent_id", "day"], sort=True):
        style = DISCIPLINE["poor" if agent_id in POOR_ADHERENCE else "good"]
        if rng.random() < style[-1]:
            continue  # unplanned absence: no log-in that day
        midnight = day.to_datetime64()
        sec = lambda s: (s.to_numpy() - midnight) / np.timedelta64(1, "s")  # noqa: E731
        plan = list(zip(part["activity"], sec(part["start"]), sec(part["end"])))
        occ = {k[1]: v for k, v in occ_all.items() if k[0] == day}
        aht = {k[1]: v for k, v in aht_all.items() if k[0] == day}
        for state, b, c in _agent_day(plan, rng, style, occ, aht):
            rows.append((agent_id, day + pd.Timedelta(seconds=b), day + pd.Timedelta(seconds=c), state))
    out = pd.DataFrame(rows, columns=["agent_id", "start", "end", "state"])
    out[["start", "end"]] = out[["start", "end"]].astype("datetime64[ns]")
    return out
