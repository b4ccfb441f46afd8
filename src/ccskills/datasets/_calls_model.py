"""The model behind the call-record month: calendar, demand, handle times and the staffing plan.

Everything here is deterministic (no random numbers): the *forecast* a planner
would have had, the staffing plan built from it, and the ways the real month
departs from the plan (the stress periods a chapter-02 lesson can discover):

- ``evening_shortfall``: Monday-Friday 19:00-22:00 the late shift is short-handed
  (presales staffed at 70 %, aftersales at 80 % of the requirement);
- ``monday_surge``: Monday 08:00-12:00 aftersales receives 45 % more calls than
  forecast (weekend orders and deliveries), staffed to the forecast;
- ``promotion``: the 3.8 女王节 sale, presales on 7 and 8 March gets 1.5x and 1.9x
  the usual volume while the forecast allowed 1.3x and 1.4x; aftersales then runs
  15 % above normal (10 % forecast) with 10 % longer talk on 9-13 March.

Staffing per interval is square-root safety staffing, N = ceil(R + beta * sqrt(R)),
R = forecast calls x forecast AHT / 900 s (Halfin-Whitt; with beta = 1.0 it lands
near 80/20 for these loads). It is written here, not taken from
``ccskills.queueing``, so the committed data never changes when that module does.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

MONTH_START = pd.Timestamp("2026-03-01")
DAYS = 31
OPEN_HOUR, CLOSE_HOUR = 8, 22
INTERVAL_S = 900
INTERVALS_PER_DAY = (CLOSE_HOUR - OPEN_HOUR) * 3600 // INTERVAL_S
QUEUES = ("presales", "aftersales")

#: Expected calls per day by weekday (Mon..Sun) before promotions.
DAILY_CALLS = {
    "presales": (620, 600, 590, 600, 640, 760, 780),
    "aftersales": (1000, 980, 940, 930, 900, 720, 680),
}

#: Intraday shape per (queue, weekend): baseline plus Gaussian bumps (weight, centre hour,
#: width in hours); the negative bump is the lunch dip.
SHAPES = {
    ("presales", False): (0.45, [(1.0, 10.5, 1.2), (0.6, 15.0, 1.5), (1.25, 20.5, 1.1),
                                 (-0.35, 12.5, 0.6)]),
    ("presales", True): (0.55, [(0.9, 11.0, 1.5), (0.8, 15.5, 1.8), (1.15, 20.5, 1.2),
                                (-0.3, 12.5, 0.6)]),
    ("aftersales", False): (0.40, [(1.4, 10.25, 1.1), (0.9, 14.75, 1.4), (0.5, 20.0, 1.2),
                                   (-0.4, 12.5, 0.6)]),
    ("aftersales", True): (0.50, [(1.0, 10.75, 1.4), (0.8, 15.0, 1.6), (0.5, 20.0, 1.2),
                                  (-0.3, 12.5, 0.6)]),
}

#: Mean talk, hold (when there is one) and after-call work in seconds; share of calls with a hold.
HANDLING = {
    "presales": {"talk": 170.0, "hold": 35.0, "hold_share": 0.15, "acw": 25.0},
    "aftersales": {"talk": 290.0, "hold": 55.0, "hold_share": 0.35, "acw": 50.0},
}

SQRT_STAFFING_BETA = 1.0
MIN_AGENTS = {"presales": 2, "aftersales": 3}
EVENING_SHORTFALL = {"presales": 0.65, "aftersales": 0.75}
MONDAY_SURGE = 1.35
#: day of month -> (actual, forecast) volume multiplier
PROMOTION = {
    "presales": {6: (1.2, 1.2), 7: (1.5, 1.3), 8: (1.9, 1.4)},
    "aftersales": {d: (1.15, 1.10) for d in range(9, 14)},
}
POST_PROMOTION_TALK = 1.10


def interval_starts() -> pd.DatetimeIndex:
    """Start of every 15-minute interval of the month while the line is open (08:00-22:00)."""
    days = pd.date_range(MONTH_START, periods=DAYS, freq="D")
    offsets = pd.to_timedelta(OPEN_HOUR * 3600 + INTERVAL_S * np.arange(INTERVALS_PER_DAY), unit="s")
    return pd.DatetimeIndex([d + o for d in days for o in offsets])


def _shape(queue: str, weekend: bool) -> np.ndarray:
    base, bumps = SHAPES[(queue, weekend)]
    hours = OPEN_HOUR + (np.arange(INTERVALS_PER_DAY) + 0.5) * INTERVAL_S / 3600
    w = base + sum(a * np.exp(-0.5 * ((hours - c) / s) ** 2) for a, c, s in bumps)
    return w / w.sum()


def talk_factor(queue: str, hour: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Multiplier on mean talk time by time of day (and after the promotion)."""
    if queue == "presales":
        f = np.where((hour >= 10) & (hour < 14), 1.06, np.where(hour >= 19, 0.92, 1.0))
    else:
        f = np.where(hour < 12, 1.08, np.where(hour >= 19, 0.95, 1.0))
        f = f * np.where(np.isin(day, list(PROMOTION["aftersales"])), POST_PROMOTION_TALK, 1.0)
    return f


def mean_handle_time(queue: str, hour, day) -> np.ndarray:
    """Expected talk + hold + ACW in seconds for an average agent."""
    h = HANDLING[queue]
    talk = h["talk"] * talk_factor(queue, np.asarray(hour), np.asarray(day))
    return talk + h["hold_share"] * h["hold"] + h["acw"]


def sqrt_staffing(load, beta=SQRT_STAFFING_BETA, minimum=1) -> np.ndarray:
    """Square-root safety staffing ceil(R + beta sqrt(R)), at least ``minimum`` agents."""
    load = np.asarray(load, dtype=float)
    return np.maximum(np.ceil(load + beta * np.sqrt(load) - 1e-9).astype(int), minimum)


def staffing_plan() -> pd.DataFrame:
    """Forecast, requirement, staffing and the true expected volume per queue and interval.

    Columns: queue, interval_start, forecast_calls, forecast_aht_s, required_agents,
    staffed_agents, expected_calls (the truth the simulation draws from, before daily
    noise), stress (``""`` or the name of the stress period).
    """
    starts = interval_starts()
    hour = (starts.hour + starts.minute / 60).to_numpy()
    day = starts.day.to_numpy()
    weekday = starts.day_of_week.to_numpy()
    frames = [_queue_plan(q, starts, hour, day, weekday) for q in QUEUES]
    return pd.concat(frames, ignore_index=True)


def _queue_plan(queue, starts, hour, day, weekday) -> pd.DataFrame:
    shape = {w: _shape(queue, w) for w in (False, True)}
    per_interval = np.concatenate(
        [DAILY_CALLS[queue][wd] * shape[wd >= 5] for wd in weekday[::INTERVALS_PER_DAY]]
    )
    promo = PROMOTION[queue]
    actual_mult = np.array([promo.get(d, (1.0, 1.0))[0] for d in day])
    forecast_mult = np.array([promo.get(d, (1.0, 1.0))[1] for d in day])
    forecast = per_interval * forecast_mult
    aht = mean_handle_time(queue, hour, day)
    required = sqrt_staffing(forecast * aht / INTERVAL_S, minimum=MIN_AGENTS[queue])
    evening = (weekday < 5) & (hour >= 19)
    monday = (queue == "aftersales") & (weekday == 0) & (hour < 12)
    staffed = np.where(evening, np.ceil(required * EVENING_SHORTFALL[queue] - 1e-9), required)
    stress = np.where(evening, "evening_shortfall", "")
    stress = np.where(monday, "monday_surge", stress)
    stress = np.where((stress == "") & (actual_mult > forecast_mult), "promotion", stress)
    return pd.DataFrame(
        {
            "queue": queue,
            "interval_start": starts,
            "forecast_calls": forecast,
            "forecast_aht_s": aht,
            "required_agents": required,
            "staffed_agents": staffed.astype(int),
            "expected_calls": per_interval * actual_mult * np.where(monday, MONDAY_SURGE, 1.0),
            "stress": stress,
        }
    )


def lognormal_mu(mean: float, sigma: float) -> float:
    """``mu`` of a lognormal with the given mean and log-sd."""
    return math.log(mean) - sigma**2 / 2
