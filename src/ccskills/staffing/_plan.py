"""Staffing plans: a forecast of calls and AHT per interval → agents, shrinkage, FTE and cost.

The chain every WFM tool runs (NICE, Genesys, Calabrio: forecast → service goal →
staffing → shrinkage): per interval the offered load ``calls × AHT / interval``, the
fewest agents meeting every target given (:mod:`ccskills.queueing`: service level,
ASA, abandonment, occupancy cap; Erlang C, or Erlang A with a mean patience), the
queue those agents give, then the people to schedule after shrinkage
(:func:`~ccskills.staffing.scheduled_headcount`), their paid hours, FTE
(:func:`~ccskills.staffing.full_time_equivalents`) and cost. Durations in seconds,
rates as fractions.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from ccskills._validation import check_at_most, check_fraction, check_nonnegative, check_positive
from ccskills.queueing._limits import MAX_AGENTS
from ccskills.queueing import (agents_for_abandonment, agents_for_asa, agents_for_service_level,
                               offered_load)
from ccskills.queueing._figures import queue_figures
from ccskills.staffing._requirements import (DAYS_PER_YEAR, HOURS_PER_FTE, agent_hours,
                                             full_time_equivalents, scheduled_headcount)

__all__ = ["PlanSettings", "StaffingPlan", "plan_staffing", "compare_scenarios",
           "interval_seconds"]

INTERVAL_COLUMNS = ("calls", "aht_s", "load", "required", "service_level", "asa_s",
                    "occupancy", "abandon_rate", "shrinkage", "scheduled", "phone_hours",
                    "paid_hours", "cost")
"""Columns of :attr:`StaffingPlan.intervals` (``cost`` only with an hourly cost)."""

DAY_S = 86_400
"""Longest interval a plan accepts, in seconds."""
HOURS_PER_LEAP_YEAR = 8_784
"""Most paid hours an FTE can have in a year (366 × 24): the upper end of ``hours_per_fte``."""
MAX_HOURLY_COST = 1e12
"""Largest ``hourly_cost`` accepted (any currency), so every cost stays a finite number."""


@dataclass(frozen=True)
class PlanSettings:
    """The targets and assumptions a plan was made with (seconds, fractions)."""

    interval: float
    answer_time: float
    target_sl: float | None
    target_asa: float | None
    patience: float | None
    max_abandon: float | None
    max_occupancy: float | None
    min_agents: int
    hours_per_fte: float
    hourly_cost: float | None
    quantile: float | None = None  # calls staffed for: None = the point forecast

    @property
    def model(self) -> str:
        """``"Erlang C"``, or ``"Erlang A"`` when a patience is given."""
        return "Erlang C" if self.patience is None else "Erlang A"


def interval_seconds(index: pd.DatetimeIndex, interval=None) -> float:
    """Interval length in seconds: ``interval`` if given, else the step between slots of a day.

    Slots must be regular within each day: every step between consecutive slots of
    the same day is a whole multiple of the interval (a closed slot inside the day is
    allowed); gaps between days are free (only open slots are listed).

    >>> idx = pd.DatetimeIndex(["2026-03-02 08:00", "2026-03-02 08:15", "2026-03-03 08:00"])
    >>> interval_seconds(idx)
    900.0
    """
    steps = _within_day_steps(index)
    if interval is None:
        if steps.size == 0:
            raise ValueError("interval must be given when no day has two slots, got interval=None")
        interval = float(steps.min())
    length = float(check_positive("interval", interval))
    check_at_most("interval", interval, DAY_S, "at most 86,400 seconds (one day)")
    ratio = steps / length
    if np.any(np.abs(ratio - np.round(ratio)) > 1e-9) or np.any(ratio < 1 - 1e-9):
        bad = float(steps[np.argmax((np.abs(ratio - np.round(ratio)) > 1e-9) | (ratio < 1))])
        raise ValueError(f"calls.index must be regular within each day (steps a multiple of "
                         f"{length:g} s), got a step of {bad!r} s")
    return length


def _within_day_steps(index: pd.DatetimeIndex) -> np.ndarray:
    seconds = (index - index[0]).total_seconds().to_numpy()
    same_day = index.normalize()[1:] == index.normalize()[:-1]
    return np.diff(seconds)[same_day]


def _check_forecast(calls, aht) -> tuple[pd.Series, np.ndarray]:
    if not isinstance(calls, pd.Series) or not isinstance(calls.index, pd.DatetimeIndex):
        raise TypeError(f"calls must be a pandas Series on a DatetimeIndex, got {type(calls).__name__}")
    if not calls.index.is_monotonic_increasing or not calls.index.is_unique:
        raise ValueError("calls.index must be sorted and without duplicates, got an unsorted "
                         "or repeated DatetimeIndex")
    if calls.empty:
        raise ValueError(f"calls must have at least one interval, got {calls!r}")
    counts = check_nonnegative("calls", calls.to_numpy(dtype=float))
    if isinstance(aht, pd.Series):
        if not aht.index.equals(calls.index):
            raise ValueError("aht must be a number or a Series on the same index as calls, "
                             "got a Series on another index")
        aht = aht.to_numpy(dtype=float)
    if isinstance(aht, (str, bytes)) or aht is None:
        check_positive("aht", aht)  # raises the TypeError
    handle = np.broadcast_to(np.asarray(aht, dtype=float), counts.shape).astype(float)
    unknown = np.isnan(handle)
    if np.any(unknown & (counts > 0)):
        raise ValueError("aht must be a positive number where calls > 0, got nan")
    check_positive("aht", handle[~unknown])
    return calls.astype(float), handle


def _shrinkage_per_interval(shrinkage, index: pd.DatetimeIndex) -> np.ndarray:
    """Shrinkage per slot: a constant, or a Series whose value holds from its date on (asof)."""
    if not isinstance(shrinkage, pd.Series):
        value = check_fraction("shrinkage", shrinkage, high_open=True)
        if value.ndim:
            raise ValueError(f"shrinkage must be a number or a Series indexed by date, got {shrinkage!r}")
        return np.full(len(index), float(value))
    if not isinstance(shrinkage.index, pd.DatetimeIndex) or shrinkage.empty:
        raise ValueError("shrinkage must be a number or a Series indexed by date, got "
                         f"a Series on {type(shrinkage.index).__name__}")
    check_fraction("shrinkage", shrinkage.to_numpy(dtype=float), high_open=True)
    table = shrinkage.sort_index().astype(float)
    if index[0] < table.index[0]:
        raise ValueError(f"shrinkage must start on or before the first interval {index[0]}, "
                         f"got a first date of {table.index[0]}")
    position = table.index.searchsorted(index, side="right") - 1
    return table.to_numpy()[position]


def _required(load, aht, s: PlanSettings) -> np.ndarray:
    """Fewest agents meeting every target given (each search includes the occupancy cap)."""
    occ = 1.0 if s.max_occupancy is None else s.max_occupancy
    found = [np.full(load.shape, s.min_agents, dtype=np.int64)]
    if s.target_sl is not None:
        found.append(agents_for_service_level(load, aht, s.answer_time, s.target_sl,
                                              max_occupancy=occ, patience=s.patience))
    if s.target_asa is not None:
        found.append(agents_for_asa(load, aht, s.target_asa, max_occupancy=occ, patience=s.patience))
    if s.max_abandon is not None:
        found.append(agents_for_abandonment(load, aht, s.patience, s.max_abandon, max_occupancy=occ))
    return np.maximum.reduce([np.atleast_1d(f) for f in found])


def _calls_to_staff(calls, quantile) -> tuple[pd.Series, float | None]:
    """The calls per interval a plan staffs for: as given, the bands' forecast, or a quantile."""
    if quantile is None:
        if isinstance(calls, pd.DataFrame) and "forecast" in calls.columns:
            return calls["forecast"].rename("calls"), None
        return calls, None
    from ccskills.forecasting import forecast_quantile

    if isinstance(quantile, (bool, np.bool_)) or not isinstance(quantile, (int, float, np.integer, np.floating)) \
            or not 0 < float(quantile) < 1:
        raise ValueError(f"quantile must be a number between 0 and 1 (e.g. 0.9) or None, got {quantile!r}")
    if not isinstance(calls, pd.DataFrame):
        raise ValueError(f"quantile needs calls with a distribution (the forecast_intervals table), "
                         f"got a {type(calls).__name__} of point forecasts")
    return forecast_quantile(calls, float(quantile)).rename("calls"), float(quantile)


def _settings(interval, answer_time, target_sl, target_asa, patience, max_abandon,
              max_occupancy, min_agents, hours_per_fte, hourly_cost, quantile=None) -> PlanSettings:
    if target_sl is None and target_asa is None and max_abandon is None:
        raise ValueError("target_sl must be given unless target_asa or max_abandon is, got None for all three")
    if max_abandon is not None and patience is None:
        raise ValueError(f"max_abandon needs patience (Erlang A), got patience={patience!r}")
    if isinstance(min_agents, bool) or not float(check_nonnegative("min_agents", min_agents)).is_integer():
        raise ValueError(f"min_agents must be a whole number ≥ 0, got {min_agents!r}")
    check_at_most("min_agents", min_agents, MAX_AGENTS, f"at most {MAX_AGENTS:,.0f}")
    for name, value in (("patience", patience), ("target_asa", target_asa),
                        ("hourly_cost", hourly_cost)):
        if value is not None:
            check_positive(name, value)
    if hourly_cost is not None:
        check_at_most("hourly_cost", hourly_cost, MAX_HOURLY_COST, f"at most {MAX_HOURLY_COST:g}")
    check_nonnegative("answer_time", answer_time)
    check_positive("hours_per_fte", hours_per_fte)
    if not 1 <= hours_per_fte <= HOURS_PER_LEAP_YEAR:
        raise ValueError(f"hours_per_fte must be from 1 to {HOURS_PER_LEAP_YEAR:,} hours a year, "
                         f"got {hours_per_fte!r}")
    if target_sl is not None:
        check_fraction("target_sl", target_sl, low_open=True, high_open=True)
    if max_occupancy is not None:
        check_fraction("max_occupancy", max_occupancy, low_open=True)
    if max_abandon is not None:
        check_fraction("max_abandon", max_abandon, low_open=True, high_open=True)
    return PlanSettings(interval, float(answer_time), target_sl, target_asa, patience,
                        max_abandon, max_occupancy, int(min_agents), float(hours_per_fte),
                        hourly_cost, quantile)


def plan_staffing(calls, aht, *, target_sl=0.8, answer_time=20, target_asa=None, patience=None,
                  max_abandon=None, max_occupancy=None, shrinkage=0.3, hourly_cost=None,
                  hours_per_fte=HOURS_PER_FTE, interval=None, min_agents=0,
                  quantile=None) -> "StaffingPlan":
    """A staffing plan for a forecast: agents per interval for the targets, then shrinkage, FTE, cost.

    Per interval: load A = calls × AHT / interval (Erlangs); required agents N = the
    fewest meeting *every* target given — ``target_sl`` within ``answer_time``,
    ``target_asa`` (seconds), ``max_abandon`` (needs ``patience``), never above
    ``max_occupancy``, at least ``min_agents`` — under Erlang C, or Erlang A when
    ``patience`` (mean, seconds) is given; scheduled = ⌈N / (1 − shrinkage)⌉
    (:func:`~ccskills.staffing.scheduled_headcount`); paid hours = scheduled ×
    interval / 3600; cost = paid hours × ``hourly_cost``.

    Planning for risk: with ``quantile`` = q each interval is staffed for the q-quantile of
    its calls offered instead of the point forecast (0.9 = the upper bound of the 80 %
    prediction interval: the forecast is exceeded in about one interval in ten).

    Parameters
    ----------
    calls : Series on a DatetimeIndex, or a bands DataFrame
        Forecast calls offered per interval (≥ 0), only open slots listed; the index
        is the interval start. Or the table of
        :func:`ccskills.forecasting.forecast_intervals` (column ``forecast`` and the
        bands): planned on ``forecast``, or on the ``quantile`` asked for.
    aht : float or Series on the same index
        Forecast average handle time in seconds (> 0); NaN is accepted where calls
        are 0 (history has no AHT for a slot without calls).
    target_sl, answer_time : float
        Service-level target (fraction, e.g. 0.8) within ``answer_time`` seconds;
        ``target_sl=None`` drops it (then give ``target_asa`` or ``max_abandon``).
    target_asa : float, optional
        Highest ASA in seconds (Erlang A: ASA of answered calls).
    patience : float, optional
        Mean patience in seconds; switches every figure to Erlang A.
    max_abandon : float, optional
        Highest abandonment rate (fraction of offered calls; needs ``patience``).
    max_occupancy : float, optional
        Occupancy cap, 0 < max_occupancy ≤ 1.
    shrinkage : float or Series
        Share of paid time not on the phones, 0 ≤ shrinkage < 1: a constant, or a
        Series on dates whose value holds from each date on (e.g. one value per week
        start) and starts on or before the first interval.
    hourly_cost : float, optional
        Cost of one paid hour (any currency, 0 < hourly_cost ≤ 1e12); adds a ``cost`` column.
    hours_per_fte : float
        Paid hours of one FTE a year, 1 … 8,784 (default 1,984); summaries turn a period's
        paid hours into FTE at hours_per_fte × days / 365.
    interval : float, optional
        Interval length in seconds (at most 86,400); inferred from the index when not given.
    min_agents : int
        Agents every listed interval keeps even with no calls (0 … 2,000,000; default 0).
    quantile : float, optional
        0 < q < 1: staff each interval for the q-quantile of calls
        (:func:`ccskills.forecasting.forecast_quantile`); needs ``calls`` to carry a
        distribution (the bands table). None (default): the calls as given / the point
        forecast. The plan's ``calls`` column holds the calls staffed for.

    Loads above 1,000,000 Erlangs raise ``ValueError`` naming ``calls`` (the verified range
    of :mod:`ccskills.queueing`).

    Returns
    -------
    StaffingPlan

    Examples
    --------
    >>> idx = pd.date_range("2026-03-02 09:00", periods=2, freq="30min")
    >>> plan = plan_staffing(pd.Series([100.0, 0.0], index=idx), 180)
    >>> plan.intervals[["load", "required", "scheduled", "paid_hours"]].to_numpy().tolist()
    [[10.0, 14.0, 20.0, 10.0], [0.0, 0.0, 0.0, 0.0]]
    """
    calls, quantile = _calls_to_staff(calls, quantile)
    calls, handle = _check_forecast(calls, aht)
    length = interval_seconds(calls.index, interval)
    settings = _settings(length, answer_time, target_sl, target_asa, patience, max_abandon,
                         max_occupancy, min_agents, hours_per_fte, hourly_cost, quantile)
    shrink = _shrinkage_per_interval(shrinkage, calls.index)
    load = np.atleast_1d(offered_load(calls.to_numpy(), _filled(handle, calls.to_numpy()), length))
    required = _required(load, _filled(handle, calls.to_numpy()), settings)
    return StaffingPlan(calls.index, calls.to_numpy(), handle, load, required, shrink, settings)


def _filled(aht: np.ndarray, calls: np.ndarray) -> np.ndarray:
    """AHT with the unknown values (slots without calls) set to the call-weighted mean."""
    known = ~np.isnan(aht)
    if known.all():
        return aht
    weights = calls[known]
    mean = (np.average(aht[known], weights=weights) if weights.sum() > 0
            else (aht[known].mean() if known.any() else 1.0))
    return np.where(known, aht, mean)


@dataclass(frozen=True, eq=False)
class StaffingPlan:
    """A staffing plan over a forecast (made by :func:`plan_staffing`).

    ``intervals`` is the table per interval; ``daily()``, ``weekly()`` and
    ``summary()`` aggregate it; ``to_excel(path)`` / ``excel_bytes()`` write a
    formatted workbook (summary sheet first).
    """

    index: pd.DatetimeIndex
    calls: np.ndarray
    aht: np.ndarray
    load: np.ndarray
    required: np.ndarray
    shrinkage: np.ndarray
    settings: PlanSettings

    @cached_property
    def aht_filled(self) -> np.ndarray:
        """AHT per interval with slots that had no AHT (no calls) at the call-weighted mean."""
        return _filled(self.aht, self.calls)

    @cached_property
    def scheduled(self) -> np.ndarray:
        """People to schedule per interval after shrinkage."""
        return np.atleast_1d(scheduled_headcount(self.required, self.shrinkage))

    def _queue(self) -> dict[str, np.ndarray]:
        """Expected SL, ASA (s), occupancy and abandonment at the required agents (NaN at 0 agents)."""
        n, a, h, s = self.required.astype(float), self.load, self.aht_filled, self.settings
        staffed = n > 0
        out = {k: np.full(n.shape, np.nan) for k in ("service_level", "asa_s", "occupancy", "abandon_rate")}
        if not staffed.any():
            return out
        figures = queue_figures(n[staffed], a[staffed], h[staffed], s.answer_time, s.patience)
        for key in out:
            out[key][staffed] = figures[key]
        return out

    @cached_property
    def intervals(self) -> pd.DataFrame:
        """One row per interval: :data:`INTERVAL_COLUMNS` (seconds, fractions, hours)."""
        length = self.settings.interval
        frame = pd.DataFrame({"calls": self.calls, "aht_s": self.aht, "load": self.load,
                              "required": self.required, **self._queue(),
                              "shrinkage": self.shrinkage, "scheduled": self.scheduled,
                              "phone_hours": agent_hours(self.required, length),
                              "paid_hours": agent_hours(self.scheduled, length)},
                             index=self.index.rename("interval_start"))
        if self.settings.hourly_cost is not None:
            frame["cost"] = frame["paid_hours"] * self.settings.hourly_cost
        return frame

    def daily(self) -> pd.DataFrame:
        """Totals and call-weighted queue figures per day (see :func:`_aggregate`)."""
        return self._grouped(self.index.normalize().rename("date"), 1)

    def weekly(self) -> pd.DataFrame:
        """Totals and call-weighted queue figures per week, labelled by its Monday.

        A week cut by the start or end of the plan counts only its days inside the plan
        for FTE.
        """
        monday = (self.index.normalize() - pd.to_timedelta(self.index.day_of_week, unit="D"))
        first, last = self.index[0].normalize(), self.index[-1].normalize()
        starts = monday.unique()
        days = {m: (min(last, m + pd.Timedelta(days=6)) - max(first, m)).days + 1 for m in starts}
        return self._grouped(monday.rename("week_start"), days)

    def summary(self) -> pd.Series:
        """The whole plan in one column: totals, FTE over the period, queue figures, peaks."""
        days = self.index.normalize().unique()
        span = (days[-1] - days[0]).days + 1
        row = _aggregate(self.intervals, np.zeros(len(self.index), int), span, self.settings).iloc[0]
        head = pd.Series({"first_day": days[0].date(), "last_day": days[-1].date(),
                          "days": span, "open_days": len(days), "model": self.settings.model})
        return pd.concat([head, row]).rename("plan")

    def _grouped(self, keys: pd.Index, days) -> pd.DataFrame:
        """Aggregate by ``keys``; ``days`` is the period length, or a dict key -> days."""
        if isinstance(days, dict):
            days = pd.Series(days).sort_index().to_numpy()
        return _aggregate(self.intervals, keys.to_numpy(), days, self.settings).rename_axis(keys.name)

    def excel_bytes(self, lang: str = "zh") -> bytes:
        """The plan as an .xlsx file in memory (summary, weekly, daily, intervals, settings)."""
        from ccskills.staffing._excel import plan_workbook_bytes

        return plan_workbook_bytes(self, lang)

    def to_excel(self, path, lang: str = "zh", *, overwrite: bool = False):
        """Write the :meth:`excel_bytes` workbook to ``path`` atomically (temp file + rename); returns the path.

        An existing file is replaced only with ``overwrite=True`` (else ``FileExistsError``).
        """
        from ccskills.staffing._excel import write_plan_workbook

        return write_plan_workbook(self, path, lang, overwrite=overwrite)


def _parts(frame: pd.DataFrame) -> pd.DataFrame:
    """Per interval, the additive pieces every summary is made of (NaN figures weigh 0)."""
    calls = frame["calls"]
    answered = calls * (1 - frame["abandon_rate"].fillna(0))
    aht = frame["aht_s"].fillna(0)

    def weighted(values, weights):
        known = values.notna() & (weights > 0)
        return (values.fillna(0) * weights).where(known, 0.0), weights.where(known, 0.0)

    sl, sl_w = weighted(frame["service_level"], calls)
    asa, asa_w = weighted(frame["asa_s"], answered)
    ab, ab_w = weighted(frame["abandon_rate"], calls)
    return pd.DataFrame({
        "calls": calls, "work_s": calls * aht, "handled_s": answered * aht,
        "phone_hours": frame["phone_hours"], "paid_hours": frame["paid_hours"],
        "cost": frame["cost"] if "cost" in frame else np.nan,
        "sl": sl, "sl_w": sl_w, "asa": asa, "asa_w": asa_w, "ab": ab, "ab_w": ab_w,
        "peak_required": frame["required"], "peak_scheduled": frame["scheduled"]})


def _aggregate(frame: pd.DataFrame, keys, days, s: PlanSettings) -> pd.DataFrame:
    """Totals, FTE and weighted queue figures per group of intervals (one row per key).

    FTE = paid hours ÷ (hours_per_fte × days / 365): the full-time staff whose paid
    time over ``days`` days (a number, or a Series by key) covers the block. AHT is
    the call-weighted mean Σ calls × AHT / Σ calls (seconds; NaN without calls); SL and
    abandonment are weighted by calls, ASA by answered calls; occupancy is handled
    workload ÷ phone hours.
    """
    grouped = _parts(frame).groupby(keys, sort=True)
    sums = grouped.sum(min_count=1)
    peaks = grouped[["peak_required", "peak_scheduled"]].max()
    with np.errstate(divide="ignore", invalid="ignore"):
        out = pd.DataFrame({
            "calls": sums["calls"], "aht_s": sums["work_s"] / sums["calls"],
            "workload_hours": sums["work_s"] / 3600,
            "phone_hours": sums["phone_hours"], "paid_hours": sums["paid_hours"],
            "fte": full_time_equivalents(sums["paid_hours"] * DAYS_PER_YEAR / days,
                                         hours_per_fte=s.hours_per_fte),
            "cost": sums["cost"],
            "service_level": sums["sl"] / sums["sl_w"], "asa_s": sums["asa"] / sums["asa_w"],
            "occupancy": sums["handled_s"] / 3600 / sums["phone_hours"],
            "abandon_rate": (sums["ab"] / sums["ab_w"] if s.patience is not None else np.nan),
            "peak_required": peaks["peak_required"], "peak_scheduled": peaks["peak_scheduled"],
        })
    return out.replace([np.inf, -np.inf], np.nan)


def compare_scenarios(plans: dict) -> pd.DataFrame:
    """What-if scenarios side by side: one column of :meth:`StaffingPlan.summary` per plan.

    Adds the targets each plan was made with, so a reader sees what changed.

    >>> idx = pd.date_range("2026-03-02 09:00", periods=4, freq="15min")
    >>> calls = pd.Series([60.0, 80, 80, 60], index=idx)
    >>> table = compare_scenarios({"base": plan_staffing(calls, 300),
    ...                            "AHT -10 s": plan_staffing(calls, 290)})
    >>> table.loc["phone_hours"].tolist()  # 25 + 32 + 32 + 25 agents vs 24 + 31 + 31 + 24, × 0.25 h
    [28.5, 27.5]
    """
    if not isinstance(plans, dict) or not plans:
        raise ValueError(f"plans must be a non-empty dict of name -> StaffingPlan, got {plans!r}")
    columns = {}
    for name, plan in plans.items():
        if not isinstance(plan, StaffingPlan):
            raise TypeError(f"plans must map names to StaffingPlan, got {type(plan).__name__} for {name!r}")
        s = plan.settings
        targets = pd.Series({"target_sl": s.target_sl, "answer_time": s.answer_time,
                             "target_asa": s.target_asa, "patience": s.patience,
                             "max_abandon": s.max_abandon, "max_occupancy": s.max_occupancy,
                             "mean_shrinkage": float(np.mean(plan.shrinkage))})
        columns[name] = pd.concat([plan.summary(), targets])
    return pd.DataFrame(columns)
