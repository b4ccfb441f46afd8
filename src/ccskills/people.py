"""People metrics: attendance, attrition, tenure survival, early-attrition cohorts, hiring plans.

Definitions (domain.md §1.3; named, not assumed):

* attendance rate = shifts attended (present or late) / scheduled shifts; absenteeism =
  absent shifts / scheduled shifts (so the two add to 1); late rate = late / attended.
* monthly attrition = leavers in the month / average headcount, with the average
  headcount chosen by ``headcount``: ``"start_end"`` (mean of the headcount on the first
  and the last day of the month) or ``"daily"`` (mean of every day's headcount).
  Annualised by ``annualise``: ``"sum"`` (x 12, "monthly sum ~ annual", [38]) or
  ``"compound"`` (1 - (1 - m)^12). A person counts on day d if hire_date <= d <= leave_date
  (leave_date is the last day employed).
* tenure survival: Kaplan-Meier product-limit estimate S(t) = prod over event times
  t_j <= t of (1 - d_j / n_j), with people still employed censored at ``as_of``; Greenwood
  standard error. Tenure in months of 30.4375 days.
* hiring plan: deterministic expected-value pipeline, weekly (see :func:`hiring_plan`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ._validation import check_fraction, check_nonnegative

__all__ = [
    "DAYS_PER_MONTH",
    "attendance_summary",
    "headcount_on",
    "monthly_attrition",
    "annualise_attrition",
    "event_flags",
    "kaplan_meier",
    "tenure_months",
    "tenure_survival",
    "early_attrition_cohorts",
    "weekly_attrition_rate",
    "HiringPlan",
    "hiring_plan",
]

DAYS_PER_MONTH = 30.4375  # 365.25 / 12
_HEADCOUNT = ("start_end", "daily")
_ANNUALISE = ("sum", "compound")


def _require(frame, columns, name):
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{name} must be a DataFrame, got {type(frame).__name__!r}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name} must have columns {list(columns)!r}, got {list(frame.columns)!r}")


def _date(name, value) -> pd.Timestamp:
    """``value`` as a Timestamp; ValueError naming ``name`` for anything that is not a date."""
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError, OverflowError):
        stamp = pd.NaT
    if pd.isna(stamp):
        raise ValueError(f"{name} must be a date such as '2026-03-31', got {value!r}")
    return stamp


def _choice(name, value, allowed):
    if value not in allowed:
        raise ValueError(f"{name} must be one of {allowed!r}, got {value!r}")


def attendance_summary(attendance, by="team", freq=None) -> pd.DataFrame:
    """Scheduled, attended, late and absent shifts with the three rates, per group.

    ``attendance`` has one row per scheduled shift with ``status`` in present / late /
    absent (``ccskills.datasets.people.load_attendance``); ``by`` a column name, list or
    None; ``freq`` None or a pandas frequency on ``date`` (e.g. 'W', 'MS').

    >>> shifts = pd.DataFrame({"team": ["T"] * 4, "status": ["present", "late", "absent", "present"]})
    >>> attendance_summary(shifts).loc["T", ["attendance_rate", "absenteeism_rate", "late_rate"]].tolist()
    [0.75, 0.25, 0.3333333333333333]
    """
    _require(attendance, ["status"], "attendance")
    bad = ~attendance["status"].isin(["present", "late", "absent"])
    if bad.any():
        raise ValueError(f"status must be 'present', 'late' or 'absent', got {attendance['status'][bad].iloc[0]!r}")
    keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
    if freq is not None:
        _require(attendance, ["date"], "attendance")
        keys = [attendance["date"].dt.to_period(freq).dt.start_time.rename("period")] + keys
    flags = pd.DataFrame({"scheduled": 1, "attended": attendance["status"] != "absent",
                          "late": attendance["status"] == "late",
                          "absent": attendance["status"] == "absent"}, index=attendance.index)
    if keys:
        counts = flags.groupby([attendance[k] if isinstance(k, str) else k for k in keys]).sum()
    else:
        counts = flags.sum().to_frame("all").T
    counts = counts.astype("int64")
    counts["attendance_rate"] = counts["attended"] / counts["scheduled"]
    counts["absenteeism_rate"] = counts["absent"] / counts["scheduled"]
    counts["late_rate"] = counts["late"] / counts["attended"].where(counts["attended"] > 0)
    return counts


def _employed(employees):
    """hire_date and leave_date, checked: every hire dated, no one leaving before being hired."""
    from .kpi._records import raise_bad_rows

    _require(employees, ["hire_date", "leave_date"], "employees")
    hire, leave = employees["hire_date"], employees["leave_date"]
    raise_bad_rows("hire_date", "a date", hire, hire.isna().to_numpy())
    raise_bad_rows("leave_date", "on or after hire_date (or empty)", leave, (leave < hire).to_numpy())
    return hire, leave


def headcount_on(employees, dates) -> pd.Series:
    """People employed on each date (hire_date <= date <= leave_date, or no leave_date)."""
    hire, leave = _employed(employees)
    d = pd.DatetimeIndex(pd.to_datetime(dates)).values[:, None]
    on = (hire.values[None, :] <= d) & (leave.isna().values[None, :] | (leave.values[None, :] >= d))
    return pd.Series(on.sum(1), index=pd.DatetimeIndex(pd.to_datetime(dates)), name="headcount")


def annualise_attrition(monthly, method="sum"):
    """Annual attrition from a monthly rate: ``"sum"`` 12 m, or ``"compound"`` 1 - (1 - m)^12.

    >>> annualise_attrition(0.03), round(annualise_attrition(0.03, "compound"), 4)
    (0.36, 0.3062)
    """
    _choice("method", method, _ANNUALISE)
    m = check_fraction("monthly", monthly)
    out = 12 * m if method == "sum" else 1 - (1 - m) ** 12
    return float(out) if out.ndim == 0 else out


def monthly_attrition(employees, start, end, by=None, headcount="start_end", annualise="sum"):
    """Leavers, average headcount and attrition per calendar month (and group).

    Months from ``start`` to ``end`` (inclusive, any day inside them). A leaver counts in the
    month of ``leave_date``. Columns: ``headcount_start, headcount_end, average_headcount,
    leavers, attrition_rate`` (leavers / average headcount; NaN in a month with nobody
    employed) and ``annualised_rate`` (a monthly rate above 1 is counted as 1). The
    definitions chosen are kept in ``.attrs``.
    """
    _choice("headcount", headcount, _HEADCOUNT)
    _choice("annualise", annualise, _ANNUALISE)
    months = pd.date_range(_date("start", start).to_period("M").start_time,
                           _date("end", end).to_period("M").start_time, freq="MS")
    if by is None:
        groups = [(None, employees)]
    else:
        groups = list(employees.groupby(by, sort=True))
    parts = [_attrition_rows(g, months, headcount).assign(**({} if k is None else {by: k}))
             for k, g in groups]
    out = pd.concat(parts)
    out["annualised_rate"] = _annualised(out["attrition_rate"].to_numpy(), annualise)
    if by is not None:
        out = out.set_index(by, append=True)
    out.attrs.update(headcount=headcount, annualise=annualise)
    return out


def _annualised(rate, method):
    """Annualise month by month; NaN (no one employed) stays NaN; a rate above 1 counts as 1."""
    out = np.full(rate.shape, np.nan)
    ok = ~np.isnan(rate)
    if ok.any():
        out[ok] = annualise_attrition(np.minimum(rate[ok], 1.0), method)
    return out


def _attrition_rows(employees, months, headcount):
    ends = months + pd.offsets.MonthEnd(0)
    start_hc = headcount_on(employees, months).to_numpy()
    end_hc = headcount_on(employees, ends).to_numpy()
    if headcount == "start_end":
        average = (start_hc + end_hc) / 2
    else:
        average = np.array([headcount_on(employees, pd.date_range(a, b)).mean()
                            for a, b in zip(months, ends)])
    left = employees["leave_date"].dropna().dt.to_period("M").dt.start_time
    leavers = left.value_counts().reindex(months, fill_value=0).to_numpy()
    rate = np.divide(leavers, average, out=np.full(len(months), np.nan), where=average > 0)
    return pd.DataFrame({"headcount_start": start_hc, "headcount_end": end_hc,
                         "average_headcount": average, "leavers": leavers,
                         "attrition_rate": rate}, index=pd.DatetimeIndex(months, name="month"))


_TRUE_TEXT = frozenset({"true", "yes", "1", "是"})
_FALSE_TEXT = frozenset({"false", "no", "0", "否"})


def _flag(value) -> bool | None:
    """One flag as bool, or None when it is not a clear true/false."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, float, np.integer, np.floating)) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        text = value.strip().lower()
        return True if text in _TRUE_TEXT else False if text in _FALSE_TEXT else None
    return None


def event_flags(name: str, value) -> np.ndarray:
    """Flags as a 1-D bool array: booleans, 0/1, or the text true/false, yes/no, 1/0, 是/否.

    Anything else (NaN, None, 2, "maybe") raises ValueError naming ``name``, the value and
    its position: a missing flag is not an event.

    >>> event_flags("observed", [True, 0, "Yes", "否"]).tolist()
    [True, False, True, False]
    """
    arr = np.asarray(value.to_numpy() if isinstance(value, pd.Series) else value, dtype=object).ravel()
    flags = [_flag(v) for v in arr]
    if None in flags:
        i = flags.index(None)
        raise ValueError(f"{name} must be True/False (or 1/0, yes/no, 是/否), got {arr[i]!r} at position {i}")
    return np.array(flags, dtype=bool)


def kaplan_meier(durations, observed) -> pd.DataFrame:
    """Kaplan-Meier survival table from durations and event flags (numpy, no extra library).

    ``observed`` flags are read by :func:`event_flags` (booleans, 0/1, true/false, yes/no,
    是/否); a missing or unclear flag raises ValueError (it is not silently an event).

    At each distinct event time t_j: n_j = durations >= t_j (at risk; a person censored at
    t_j still counts), d_j = events at t_j, S(t_j) = prod (1 - d_i / n_i) over t_i <= t_j,
    Greenwood SE = S sqrt(sum d_i / (n_i (n_i - d_i))). Returns one row per event time:
    ``time, at_risk, events, censored`` (censored in [t_j, t_{j+1})), ``survival, std_error``.

    >>> table = kaplan_meier([1, 2, 2, 3, 4], [True, True, False, True, False])
    >>> table[["time", "at_risk", "events", "survival"]].values.tolist()
    [[1.0, 5.0, 1.0, 0.8], [2.0, 4.0, 1.0, 0.6000000000000001], [3.0, 2.0, 1.0, 0.30000000000000004]]
    """
    t = check_nonnegative("durations", durations).ravel()
    e = event_flags("observed", observed)
    if e.shape != t.shape:
        raise ValueError(f"observed must have one flag per duration ({t.size}), got {e.size}")
    times = np.unique(t[e])
    at_risk = (t[None, :] >= times[:, None]).sum(1)
    events = (e[None, :] & (t[None, :] == times[:, None])).sum(1)
    upper = np.append(times[1:], np.inf)
    censored = (~e[None, :] & (t[None, :] >= times[:, None]) & (t[None, :] < upper[:, None])).sum(1)
    survival = np.cumprod(1 - events / at_risk)
    with np.errstate(divide="ignore", invalid="ignore"):
        green = np.cumsum(events / (at_risk * (at_risk - events)))
        se = np.where(survival > 0, survival * np.sqrt(green), np.nan)  # undefined once S = 0
    return pd.DataFrame({"time": times, "at_risk": at_risk, "events": events,
                         "censored": censored, "survival": survival,
                         "std_error": se})


def tenure_months(employees, as_of) -> pd.DataFrame:
    """Each person's tenure in months up to leaving or ``as_of``, and whether they left."""
    hire, leave = _employed(employees)
    as_of = _date("as_of", as_of)
    left = leave.notna() & (leave <= as_of)
    end = leave.where(left, as_of)
    months = (end - hire).dt.days / DAYS_PER_MONTH
    if (months < 0).any():
        raise ValueError(f"as_of must be on or after every hire_date, got {as_of.date()!s}")
    return pd.DataFrame({"tenure_months": months, "left": left}, index=employees.index)


def tenure_survival(employees, as_of, months=24) -> pd.DataFrame:
    """Share of hires still employed after 0..``months`` whole months of tenure (Kaplan-Meier).

    Columns ``survival, std_error, at_risk`` indexed by ``month``; evaluate the step function at
    each month (S just after month m). Pass only people hired inside the observed window
    (people hired before it and already gone are missing: left truncation).
    """
    ten = tenure_months(employees, as_of)
    table = kaplan_meier(ten["tenure_months"], ten["left"])
    grid = np.arange(_months(months) + 1, dtype=float)
    pos = np.searchsorted(table["time"].to_numpy(), grid, side="right") - 1
    surv = np.where(pos >= 0, table["survival"].to_numpy()[np.maximum(pos, 0)], 1.0)
    se = np.where(pos >= 0, table["std_error"].to_numpy()[np.maximum(pos, 0)], 0.0)
    at_risk = (ten["tenure_months"].to_numpy()[None, :] >= grid[:, None]).sum(1)
    return pd.DataFrame({"survival": surv, "std_error": se, "at_risk": at_risk},
                        index=pd.Index(grid.astype(int), name="month"))


def early_attrition_cohorts(employees, as_of, months=(1, 3, 6, 12), freq="M") -> pd.DataFrame:
    """Hire-month cohorts x months survived: share of each cohort still employed after k months.

    ``freq`` groups hires by calendar month ('M') or quarter ('Q') of ``hire_date``.
    Cell (cohort, k) = hires of that month with tenure >= k months (or still employed and
    observed for k months) / hires; NaN when some hire of the cohort has not yet reached k
    months by ``as_of`` (not observable yet). Column ``hires`` gives the cohort size.
    """
    ten = tenure_months(employees, as_of)
    _choice("freq", freq, ("M", "Q"))
    months = [_months(k) for k in (months if np.ndim(months) else [months])]
    cohort = employees["hire_date"].dt.to_period(freq).dt.start_time.rename("cohort")
    observable = ((pd.Timestamp(as_of) - employees["hire_date"]).dt.days / DAYS_PER_MONTH)
    out = pd.DataFrame({"hires": ten.groupby(cohort).size()})
    for k in months:
        stayed = (ten["tenure_months"] >= k).groupby(cohort).mean()
        seen = (observable >= k).groupby(cohort).all()
        out[k] = stayed.where(seen)
    return out


def weekly_attrition_rate(rate, period="month"):
    """A period's attrition rate as the equivalent weekly rate: 1 - (1 - r)^(7 / days in period).

    Periods: ``"week"`` (unchanged), ``"month"`` (30.4375 days), ``"year"`` (365.25 days).

    >>> round(weekly_attrition_rate(0.03), 6)
    0.006981
    """
    days = {"week": 7.0, "month": DAYS_PER_MONTH, "year": 365.25}
    _choice("period", period, tuple(days))
    r = check_fraction("attrition_rate", rate, high_open=True)
    out = 1 - (1 - r) ** (7.0 / days[period])
    return float(out) if out.ndim == 0 else out


@dataclass(frozen=True)
class HiringPlan:
    """Result of :func:`hiring_plan`: the classes to start and the week-by-week trajectory.

    ``first_graduation`` is the first week (0-based position) a class can put people on the
    floor (``first_start + training_weeks``); weeks before it cannot be helped by hiring, so a
    plan may have no class and still be short (:attr:`short_before_first_graduation`).
    """

    classes: pd.DataFrame
    trajectory: pd.DataFrame
    weekly_attrition: float
    training_weeks: int
    pass_rate: float
    first_graduation: int = 0

    @property
    def weeks_short(self) -> int:
        """Weeks where productive FTE stays below the requirement (``trajectory["short"]``)."""
        return int(self.trajectory["short"].sum())

    @property
    def short_before_first_graduation(self) -> int:
        """Short weeks before the first week a class could graduate: hiring cannot reach them."""
        return int(self.trajectory["short"].to_numpy()[: self.first_graduation].sum())

    @property
    def largest_gap(self) -> float:
        """The largest shortfall in FTE over the weeks (0.0 when no week is short)."""
        return float(max(-self.trajectory["gap"].min(), 0.0))


def _months(value) -> int:
    """A whole number of months of tenure, 0 to 1200 (a century; also bounds the work done)."""
    months = _check_int("months", value, 0)
    if months > 1200:
        raise ValueError(f"months must be at most 1200, got {value!r}")
    return months


def _check_int(name, value, low):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < low:
        raise ValueError(f"{name} must be a whole number >= {low}, got {value!r}")
    return int(value)


#: Largest FTE requirement or current staff :func:`hiring_plan` accepts, and largest class size
#: it will compute: beyond them the input is a typing error and the arithmetic leaves exact floats.
MAX_FTE = 1e7
#: Longest plan :func:`hiring_plan` computes, in weeks (20 years; the work grows with its square).
MAX_WEEKS = 1040


def _fte(name, value) -> np.ndarray:
    arr = check_nonnegative(name, value)
    _too_big = arr > MAX_FTE
    if _too_big.any():
        raise ValueError(f"{name} must be at most {MAX_FTE:.0e} FTE, got {arr[_too_big].flat[0].item()!r}")
    return arr


def _check_class_size(raw, pass_rate, gap, week) -> None:
    if not raw <= MAX_FTE:  # inf too: a tiny pass rate or survival to the binding week
        raise ValueError(f"pass_rate must be high enough (with this attrition) for a class of at most "
                         f"{MAX_FTE:.0e} to cover the gap of {gap:.4g} FTE in week {week}, got {pass_rate!r}")


def hiring_plan(required_fte, current_fte, attrition_rate, training_weeks, pass_rate, *,
                attrition_period="week", class_every_weeks=4, first_start=0,
                min_class=1, max_class=None) -> HiringPlan:
    """When and how many to hire so productive FTE meets a weekly requirement (expected values).

    Model, week by week (FTE = heads; attrition applies to productive staff):
    productive[w] = productive[w-1] (1 - a) + graduates[w], productive[0] = ``current_fte``;
    a class starting in week s with n hires graduates n x ``pass_rate`` at the start of week
    s + ``training_weeks`` (drop-outs in training are inside the pass rate). Classes may start
    in weeks ``first_start``, ``first_start + class_every_weeks``, ...; each covers the weeks from
    its graduation until the next class graduates: n = max over those weeks w of
    (required[w] - projected[w]) / (pass_rate (1 - a)^(w - graduation)), rounded up, where
    projected is the trajectory with the classes already planned; then raised to
    ``min_class`` and capped at ``max_class``. No class when nothing is short. Weeks before
    the first graduation cannot be helped by hiring; their gap stays in the trajectory.

    ``classes`` columns explain each size: ``binding_week`` (the tightest week covered),
    ``required_at_binding``, ``projected_without`` (FTE there without this class),
    ``gap_at_binding``, ``survival_to_binding`` ((1 - a)^(w - graduation)), ``raw_hires``,
    ``rounded_hires`` (rounded up), ``hires`` (after the class limits) and ``limited_by``
    ('', 'min_class' or 'max_class'); with a Series, also ``*_label`` columns.

    ``attrition_rate`` is per ``attrition_period`` ('week', 'month', 'year'), converted to
    weekly with :func:`weekly_attrition_rate`.

    >>> plan = hiring_plan([10, 10, 10, 10], 10, 0.1, 2, 0.5, class_every_weeks=1)
    >>> plan.classes[["start", "hires"]].values.tolist()
    [[0, 4], [1, 2]]
    """
    req = required_fte if isinstance(required_fte, pd.Series) else pd.Series(np.asarray(required_fte, float))
    need = _fte("required_fte", req.to_numpy(dtype=float))
    if need.size == 0:
        raise ValueError("required_fte must have at least one week, got an empty series")
    if need.size > MAX_WEEKS:
        raise ValueError(f"required_fte must have at most {MAX_WEEKS} weeks (20 years), got {need.size} weeks")
    f0 = float(_fte("current_fte", current_fte))
    a = weekly_attrition_rate(attrition_rate, attrition_period)
    weeks = _check_int("training_weeks", training_weeks, 0)
    p = float(check_fraction("pass_rate", pass_rate, low_open=True))
    every = _check_int("class_every_weeks", class_every_weeks, 1)
    first = _check_int("first_start", first_start, 0)
    low = _check_int("min_class", min_class, 0)
    high = None if max_class is None else _check_int("max_class", max_class, max(low, 1))
    n_weeks = need.size
    hires = np.zeros(n_weeks)
    rows = []
    for s in range(first, n_weeks, every):
        g = s + weeks
        if g >= n_weeks:
            break
        cover = np.arange(g, min(g + every, n_weeks))
        projected = _simulate(f0, hires, a, weeks, p)[0]
        survive = (1 - a) ** (cover - g)
        with np.errstate(over="ignore", divide="ignore"):
            raw = (need[cover] - projected[cover]) / (p * survive)
        k = int(np.argmax(raw))
        _check_class_size(raw[k], pass_rate, need[cover[k]] - projected[cover[k]], int(cover[k]))
        n = rounded = math.ceil(raw[k] - 1e-9) if raw[k] > 0 else 0
        limited = ""
        if 0 < n < low:
            n, limited = low, "min_class"
        if high is not None and n > high:
            n, limited = high, "max_class"
        if n == 0:
            continue
        hires[s] = n
        w = int(cover[k])
        rows.append({"start": s, "graduation": g, "hires": n, "graduates": n * p,
                     "binding_week": w, "required_at_binding": need[w],
                     "projected_without": projected[w], "gap_at_binding": need[w] - projected[w],
                     "survival_to_binding": survive[k], "raw_hires": raw[k],
                     "rounded_hires": rounded, "limited_by": limited})
    productive, training, graduates = _simulate(f0, hires, a, weeks, p)
    labels = req.index
    trajectory = pd.DataFrame({"required_fte": need, "productive_fte": productive,
                               "in_training": training, "hires_started": hires,
                               "graduates": graduates, "gap": productive - need}, index=labels)
    trajectory["short"] = trajectory["gap"] < -1e-9
    classes = pd.DataFrame(rows, columns=["start", "graduation", "hires", "graduates", "binding_week",
                                          "required_at_binding", "projected_without", "gap_at_binding",
                                          "survival_to_binding", "raw_hires", "rounded_hires",
                                          "limited_by"])
    if isinstance(required_fte, pd.Series):
        for col in ("start", "graduation", "binding_week"):
            classes[col + "_label"] = [labels[i] for i in classes[col]]
    return HiringPlan(classes, trajectory, a, weeks, p, first + weeks)


def _simulate(f0, hires, a, weeks, p):
    n = hires.size
    graduates = np.zeros(n)
    if weeks < n:
        graduates[weeks:] = hires[: n - weeks] * p
    productive = np.empty(n)
    level = f0
    for w in range(n):
        level = (level * (1 - a) if w > 0 else level) + graduates[w]
        productive[w] = level
    csum = np.concatenate([[0.0], np.cumsum(hires)])
    idx = np.arange(n)
    training = csum[idx + 1] - csum[np.maximum(idx + 1 - weeks, 0)]
    return productive, training, graduates
