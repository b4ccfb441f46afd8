"""The weekly planning cycle in one call: forecast → accuracy → staffing requirement → schedule.

What a WFM analyst does every week, as the workforce planner calculator runs it:

1. forecast calls for every open slot of the horizon (:func:`ccskills.forecasting.forecast`,
   ``"auto"`` by default, with the holiday calendar ``PlanningInputs.calendar``: China's by
   default, 'none' or a country code) and AHT (:func:`ccskills.forecasting.forecast_aht`);
2. measure that method honestly on held-out weeks (:func:`ccskills.forecasting.backtest`), and
   say whether "auto"'s choice beats the planner's spreadsheet, the 4-week weekday × slot mean,
   by the 5 % rule (:meth:`PlanningResult.benchmark`);
3. turn the forecast into agents per slot (:func:`ccskills.staffing.plan_staffing`), and read
   the prediction interval (预测区间) from the same held-out errors
   (:func:`ccskills.forecasting.bands_from_backtest`): what staffing every slot for
   the upper bound of the 80 % interval (the 0.9 quantile of calls) would add (:class:`RiskCover`);
4. cover them with shifts (:func:`ccskills.scheduling.shift_patterns` with a break and an unpaid
   lunch in their windows, :func:`ccskills.scheduling.schedule`) and read the coverage
   (排班满足率, 排班效率).

Shrinkage here is the part of paid time that the shift patterns do *not* already plan
(absence, training, meetings): breaks and lunch are placed explicitly in every shift, so
counting them again in shrinkage would double them. The schedule covers
⌈required ÷ (1 − shrinkage)⌉ agents on the phones per slot.

Nothing here draws or reads files; the calculator and lessons call :func:`run_planning`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Callable, NamedTuple

import numpy as np
import pandas as pd

from ccskills._validation import check_fraction, check_positive

__all__ = ["PlanningInputs", "PlanningResult", "ClosedHorizon", "RiskCover", "BenchmarkVerdict", "run_planning",
           "first_open_day", "STAGES", "BREAK", "LUNCH", "RISK_QUANTILE", "BENCHMARK", "CLEAR_MARGIN"]

MAX_START_DAYS = 56
"""The first planning day may be at most this many days after the history's last day."""

STAGES: tuple[str, ...] = ("forecast", "accuracy", "staffing", "schedule")
"""The steps :func:`run_planning` reports to its ``progress`` callback, in order."""

RISK_QUANTILE = 0.9
"""Quantile of calls the risk plan staffs for: the upper bound of the 80 % prediction interval."""

BENCHMARK = "historical_average(k=4)"
"""The planner's spreadsheet benchmark as "auto" labels it: the 4-week weekday × slot mean
(4 周同期均值, course chapter 05 lesson 3)."""

CLEAR_MARGIN = 0.05
"""A method is clearly better than the benchmark when its backtest WAPE is at least 5 % lower
(WAPE ÷ benchmark WAPE ≤ 0.95): the 5 % rule of chapter 05 lesson 3."""


class BenchmarkVerdict(NamedTuple):
    """The chosen forecast against the 4-week mean, both from "auto"'s backtest at the same origins."""

    method: str  # the label "auto" chose
    wape: float  # its pooled backtest WAPE
    benchmark_wape: float  # the 4-week mean's (:data:`BENCHMARK`)
    ratio: float  # wape ÷ benchmark_wape
    clearly_better: bool  # ratio ≤ 1 − CLEAR_MARGIN and the choice is not the benchmark itself


class RiskCover(NamedTuple):
    """What staffing every slot for the ``quantile`` of its calls (default: the upper bound of the
    80 % prediction interval) adds to the plan on the point forecast.

    Paid hours are the staffing plans' (required agents after shrinkage × slot length, before
    shifts); ``extra_cost`` is ``extra_paid_hours × hourly_cost``, None when the planner has
    no hourly cost.
    """

    quantile: float
    calls: float  # calls offered in the horizon, point forecast
    risk_calls: float  # the same at the quantile, slot by slot
    paid_hours: float
    risk_paid_hours: float
    extra_paid_hours: float
    extra_cost: float | None


def _rules():
    from ccskills.scheduling import BreakRule

    return (BreakRule("break", 900, 3600, 2 * 3600),
            BreakRule("lunch", 1800, 3 * 3600, 5 * 3600, paid=False))


BREAK_RULE_TEXT = "15-min paid break 1–2 h after the start; 30-min unpaid lunch 3–5 h after the start"
"""The breaks every planner shift carries (see :func:`_rules`)."""
BREAK, LUNCH = "break", "lunch"


@dataclass(frozen=True)
class PlanningInputs:
    """The planner's settings, in library units (seconds, fractions, hours for shift lengths)."""

    horizon_days: int = 7
    method: str = "auto"
    target_sl: float = 0.8
    answer_time: float = 20.0
    patience: float | None = None
    max_occupancy: float | None = None
    shrinkage: float = 0.15
    shift_hours: tuple[float, ...] = (8.0, 9.0)
    start_step_min: int = 30
    breaks: bool = True
    soft: bool = False
    time_limit: float = 10.0
    backtest_origins: int = 4
    aht: float | None = None
    hourly_cost: float | None = None
    start: pd.Timestamp | None = None  # first planning day; None: the day after the history
    calendar: str = "CN"  # whose holidays: 'CN' (holidays, 调休, 618/双11), 'none' or a country code ('US')

    def checked(self) -> "PlanningInputs":
        """Itself, after checking every field (ValueError naming the field otherwise)."""
        if not isinstance(self.horizon_days, (int, np.integer)) or not 1 <= self.horizon_days <= 28:
            raise ValueError(f"horizon_days must be a whole number of days from 1 to 28, got {self.horizon_days!r}")
        check_fraction("target_sl", self.target_sl, low_open=True, high_open=True)
        if not (isinstance(self.answer_time, (int, float)) and math.isfinite(self.answer_time)
                and self.answer_time >= 0):
            raise ValueError(f"answer_time must be zero or more seconds, got {self.answer_time!r}")
        if self.patience is not None:
            check_positive("patience", self.patience)
        if self.max_occupancy is not None:
            check_fraction("max_occupancy", self.max_occupancy, low_open=True)
        check_fraction("shrinkage", self.shrinkage, high_open=True)
        if not self.shift_hours:
            raise ValueError("shift_hours must list at least one shift length, got none")
        for hours in self.shift_hours:
            if not (isinstance(hours, (int, float)) and 2 <= hours <= 12 and (hours * 4) == int(hours * 4)):
                raise ValueError(f"shift_hours must be lengths from 2 to 12 h in quarter hours, got {hours!r}")
        if self.start_step_min not in (15, 30, 60):
            raise ValueError(f"start_step_min must be 15, 30 or 60, got {self.start_step_min!r}")
        check_positive("time_limit", self.time_limit)
        if not isinstance(self.backtest_origins, (int, np.integer)) or not 1 <= self.backtest_origins <= 26:
            raise ValueError(f"backtest_origins must be a whole number from 1 to 26, got {self.backtest_origins!r}")
        if self.aht is not None:
            check_positive("aht", self.aht)
        if self.hourly_cost is not None:
            check_positive("hourly_cost", self.hourly_cost)
        if self.start is not None:
            try:
                pd.Timestamp(self.start)
            except (TypeError, ValueError):
                raise ValueError(f"start must be a date, got {self.start!r}") from None
        return replace(self, calendar=_checked_calendar(self.calendar))


def _checked_calendar(calendar) -> str:
    """'CN', 'none' or an upper-case country code of the ``holidays`` package (ValueError naming
    ``calendar`` otherwise; a calendar table is for the forecasting functions, not the planner)."""
    from ccskills.forecasting import check_calendar

    if not isinstance(calendar, str):
        raise ValueError(f"calendar must be 'CN', 'none' or a country code such as 'US', got {calendar!r}")
    return check_calendar(calendar)


class ClosedHorizon(ValueError):
    """The line is closed on every day of the planning horizon: nothing to schedule
    (a ValueError naming ``horizon_days``; the calculator says which start date to pick).

    ``first`` and ``last`` are the horizon's days; ``next_open`` the first day after it that
    the line is open (None if none within :data:`MAX_START_DAYS` days).
    """

    def __init__(self, days: int, first: pd.Timestamp, last: pd.Timestamp, next_open: pd.Timestamp | None):
        self.first, self.last, self.next_open = first, last, next_open
        after = f"{next_open:%Y-%m-%d}" if next_open is not None else "none found"
        super().__init__(f"horizon_days must reach a day the line is open, got {days!r} (closed from "
                         f"{first:%Y-%m-%d} to {last:%Y-%m-%d}; next open day: {after})")


def _day_after(history: pd.Series) -> pd.Timestamp:
    return history.index.max().normalize() + pd.Timedelta(days=1)


def first_open_day(calls_history: pd.Series, after: pd.Timestamp | None = None,
                   calendar: str = "CN") -> pd.Timestamp | None:
    """The first day on or after ``after`` (default: the day after the history) the line is open.

    Open days come from the holiday-adjusted forecast with ``calendar`` ('CN': China's public
    holidays and make-up working days, :mod:`ccskills.workcalendar`; a country code such as 'US':
    its public holidays; 'none': no holidays) and the weekdays the history was open; looks at
    most :data:`MAX_START_DAYS` days past the history. None if no day is open.
    """
    from ccskills import forecasting

    calendar = _checked_calendar(calendar)
    first = _day_after(calls_history)
    after = first if after is None else max(pd.Timestamp(after).normalize(), first)
    span = pd.Timedelta(days=MAX_START_DAYS + 1)
    try:
        slots = forecasting.forecast(calls_history, span, method="holiday_adjusted", calendar=calendar).index
    except (ValueError, ImportError):  # too short for the calendar method: the weekly pattern
        slots = forecasting.forecast(calls_history, span, method="seasonal_naive").index
    days = slots.normalize()
    days = days[days >= after]
    return days.min() if len(days) else None


@dataclass(frozen=True)
class PlanningResult:
    """Everything one planning run produced; :meth:`sheets` lays it out for Excel."""

    inputs: PlanningInputs
    forecast: pd.Series  # calls per open slot of the horizon
    aht: pd.Series  # seconds per open slot
    method: str
    candidates: dict  # method -> backtest WAPE, for "auto" (empty otherwise)
    accuracy: pd.Series  # wape, mape, rmse, bias, daily_mape of `method` on held-out weeks
    plan: object  # ccskills.staffing.StaffingPlan
    required: pd.Series  # agents to cover on the phones per period of the planning days
    patterns: object  # ccskills.scheduling.PatternSet
    schedule: object  # ccskills.scheduling.ScheduleResult
    fill_rate: float  # 排班满足率
    efficiency: float  # 排班效率
    extra: dict = field(default_factory=dict)
    bands: pd.DataFrame | None = None  # forecast, lower_80, upper_80, lower_95, upper_95 per slot
    risk_plan: object = None  # StaffingPlan on the RISK_QUANTILE of calls

    def risk_cover(self) -> RiskCover | None:
        """The cost of covering the upper bound of the 80 % interval (None without bands)."""
        if self.risk_plan is None:
            return None
        base, risk = self.plan.summary(), self.risk_plan.summary()
        extra = float(risk["paid_hours"] - base["paid_hours"])
        cost = self.plan.settings.hourly_cost
        return RiskCover(float(self.risk_plan.settings.quantile), float(base["calls"]), float(risk["calls"]),
                         float(base["paid_hours"]), float(risk["paid_hours"]), extra,
                         None if cost is None else extra * cost)

    def benchmark(self) -> BenchmarkVerdict | None:
        """The chosen method against the 4-week mean (:data:`BENCHMARK`) in "auto"'s own backtest
        (``candidates``: every label's pooled WAPE at the same origins); None when "auto" did not
        run or did not test both (the benchmark's WAPE is then not known without another backtest)."""
        wape, bench = self.candidates.get(self.method), self.candidates.get(BENCHMARK)
        if wape is None or bench is None or not bench > 0:
            return None
        ratio = float(wape) / float(bench)
        return BenchmarkVerdict(self.method, float(wape), float(bench), ratio,
                                self.method != BENCHMARK and ratio <= 1 - CLEAR_MARGIN)

    def candidate_table(self) -> pd.DataFrame:
        """One row per method family "auto" tried (one k-week mean, one seasonal naive, each model,
        the median combination): the chosen label in its family, else the family's lowest WAPE;
        sorted by WAPE. Columns: family, wape, ratio (÷ the 4-week mean's WAPE, NaN if it was not
        tested), chosen. Empty without "auto"."""
        from ccskills.forecasting import parse_label

        columns = ["family", "wape", "ratio", "chosen"]
        if not self.candidates:
            return pd.DataFrame(columns=columns, index=pd.Index([], name="method"))
        table = pd.DataFrame({"family": [parse_label(label)[0] for label in self.candidates],
                              "wape": [float(v) for v in self.candidates.values()]},
                             index=pd.Index(list(self.candidates), name="method"))
        table["chosen"] = table.index == self.method
        ordered = table.sort_values(["chosen", "wape"], ascending=[False, True], kind="stable")
        best = ordered[~ordered["family"].duplicated()].sort_values("wape", kind="stable")
        bench = self.candidates.get(BENCHMARK)
        best["ratio"] = best["wape"] / bench if bench else np.nan
        return best[columns]

    def summary(self) -> pd.Series:
        """Headline figures: method and accuracy, staffing totals, schedule status and coverage."""
        plan = self.plan.summary()
        s = self.schedule
        return pd.Series({
            "first_day": plan["first_day"], "last_day": plan["last_day"],
            "method": self.method, "wape": self.accuracy["wape"], "mape": self.accuracy["mape"],
            "bias": self.accuracy["bias"], "daily_mape": self.accuracy["daily_mape"],
            "calls": plan["calls"], "peak_required": plan["peak_required"],
            "phone_hours_required": plan["phone_hours"],
            "shifts": int(s.counts.sum()), "paid_hours_scheduled": s.paid_hours,
            "fill_rate": self.fill_rate, "efficiency": self.efficiency,
            "under_agent_hours": float(s.coverage["under"].sum() * self._period_hours),
            "over_agent_hours": float(s.coverage["over"].sum() * self._period_hours),
            "solver_status": s.status, "solver_gap": s.gap, "solve_seconds": s.seconds,
        }, name="plan")

    @property
    def _period_hours(self) -> float:
        index = self.required.index
        return (index[1] - index[0]).total_seconds() / 3600 if len(index) > 1 else 0.25

    def sheets(self) -> dict[str, pd.DataFrame]:
        """Tables for an Excel workbook (English column names; the calculator relabels them)."""
        forecast = pd.DataFrame({"calls": self.forecast, "aht_s": self.aht})
        shifts = self.schedule.shifts.reset_index(drop=True)
        return {
            "summary": self.summary().rename("value").rename_axis("item").reset_index(),
            "forecast": forecast.rename_axis("interval_start").reset_index(),
            "staffing": self.plan.intervals.reset_index(),
            "daily": self.plan.daily().reset_index(),
            "shifts": shifts,
            "coverage": self.schedule.coverage.rename_axis("interval_start").reset_index(),
        }


def _open_hours(slots: pd.DatetimeIndex, period: pd.Timedelta) -> tuple[str, str]:
    """Earliest slot start and latest slot end (clock time) of the forecast: the shifts' window."""
    from ccskills.scheduling._patterns import _clock

    seconds = (slots - slots.normalize()).total_seconds()
    return _clock(int(seconds.min())), _clock(int(seconds.max() + period.total_seconds()))


def run_planning(calls_history: pd.Series, aht_history: pd.Series | None = None,
                 inputs: PlanningInputs | None = None,
                 progress: Callable[[str, float], None] | None = None) -> PlanningResult:
    """Forecast, measure, staff and schedule the ``horizon_days`` after ``calls_history``.

    ``calls_history``: calls per open slot on a regular DatetimeIndex (closed slots absent);
    ``aht_history``: AHT per slot in seconds on the same slots (NaN where no calls), or None
    when the file had none — then ``inputs.aht`` is used for every slot. ``progress`` is
    called as ``progress(stage, fraction_done)`` with a stage from :data:`STAGES`.

    Raises ValueError naming the parameter for bad settings or a history too short for the
    method, and :class:`ClosedHorizon` (a ValueError with the next open day)
    when the line is closed over the whole horizon. ``inputs.start`` moves the first planning
    day later than the day after the history (up to :data:`MAX_START_DAYS` days), e.g. past a
    holiday week: see :func:`first_open_day`.
    """
    from ccskills import forecasting, scheduling, staffing
    from ccskills.forecasting import bands_from_backtest

    inputs = (inputs or PlanningInputs()).checked()
    report = progress or (lambda stage, fraction: None)
    horizon = pd.Timedelta(days=inputs.horizon_days)

    report("forecast", 0.0)
    auto = {"origins": inputs.backtest_origins,
            "progress": lambda done, total: report("forecast", done / total)}
    start = _day_after(calls_history) if inputs.start is None else pd.Timestamp(inputs.start).normalize()
    lead = (start - _day_after(calls_history)).days
    if not 0 <= lead <= MAX_START_DAYS:
        raise ValueError(f"start must be from the day after the history to {MAX_START_DAYS} days later, "
                         f"got '{start:%Y-%m-%d}'")
    calls = forecasting.forecast(calls_history, horizon + pd.Timedelta(days=lead), method=inputs.method,
                                 calendar=inputs.calendar, **(auto if inputs.method == "auto" else {}))
    calls = calls[calls.index >= start]
    if calls.empty:
        last = start + horizon - pd.Timedelta(days=1)
        next_open = first_open_day(calls_history, after=last + pd.Timedelta(days=1), calendar=inputs.calendar)
        raise ClosedHorizon(inputs.horizon_days, start, last, next_open)
    method = calls.attrs.get("method", inputs.method)
    candidates = dict(calls.attrs.get("backtest_wape", {}))
    has_aht = aht_history is not None and aht_history.notna().any()
    if has_aht:
        aht = forecasting.forecast_aht(aht_history, calls_history, calls_forecast=calls)
    elif inputs.aht is not None:
        aht = pd.Series(float(inputs.aht), index=calls.index)
    else:
        raise ValueError("aht must be given when the history has no AHT column, got None")
    report("forecast", 1.0)

    report("accuracy", 0.0)
    tested = forecasting.backtest(calls_history, method, horizon, origins=inputs.backtest_origins,
                                  progress=lambda done, total: report("accuracy", done / total),
                                  calendar=inputs.calendar)
    accuracy = tested.overall
    bands = bands_from_backtest(calls, tested)

    report("staffing", 0.0)
    targets = dict(target_sl=inputs.target_sl, answer_time=inputs.answer_time, patience=inputs.patience,
                   max_occupancy=inputs.max_occupancy, shrinkage=inputs.shrinkage,
                   hourly_cost=inputs.hourly_cost)
    plan = staffing.plan_staffing(calls, aht, **targets)
    risk_plan = staffing.plan_staffing(bands, aht, quantile=RISK_QUANTILE, **targets)
    report("staffing", 1.0)

    report("schedule", 0.0)
    period = pd.Timedelta(seconds=plan.settings.interval)
    # planning days: from the start (the day after the history's last day unless chosen; closed
    # days included, with no requirement; or the forecast's first day if earlier) to the last forecast day
    first = min(calls.index.min().normalize(), start)
    days = max(inputs.horizon_days, (calls.index.max().normalize() - first).days + 1)
    index = pd.date_range(first, periods=int(pd.Timedelta(days=days) / period), freq=period)
    on_phones = pd.Series(plan.scheduled, index=plan.index)  # ⌈required ÷ (1 − shrinkage)⌉
    required = on_phones.reindex(index, fill_value=0).astype("int64").rename("required")
    open_hours = _open_hours(calls.index, period)
    patterns = scheduling.shift_patterns(
        index, lengths=tuple(int(h * 3600) for h in inputs.shift_hours), open_hours=open_hours,
        start_step=inputs.start_step_min * 60, breaks=_rules() if inputs.breaks else ())
    result = scheduling.schedule(required, patterns, soft=inputs.soft, time_limit=inputs.time_limit)
    scheduled = result.coverage["scheduled"]
    report("schedule", 1.0)
    return PlanningResult(
        inputs=inputs, forecast=calls.rename("calls"), aht=aht.rename("aht_s"), method=method,
        candidates=candidates, accuracy=accuracy, plan=plan, required=required, patterns=patterns,
        schedule=result, fill_rate=scheduling.schedule_fill_rate(required, scheduled),
        efficiency=scheduling.schedule_efficiency(required, scheduled),
        extra={"open_hours": open_hours, "patterns": len(patterns)}, bands=bands, risk_plan=risk_plan)
