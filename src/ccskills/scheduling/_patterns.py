"""Shift patterns: the columns of the covering model (which periods each pattern staffs).

A *daily shift* starts on a clock-time grid inside the open hours, lasts one of the given
lengths and carries its breaks (each break placed anywhere in its window, on the period
grid). A *pattern* is one daily shift on one day; a *weekly tour* is one daily shift
worked on the same clock times on five (or 7 − days-off) days of the week.

The coverage matrix has a row per period of the planning index and a column per pattern:
``a[t, j] = 1`` when pattern ``j`` puts one agent on the phones in period ``t`` (on shift and
not on a break) — Dantzig's (1954) set-covering matrix. It is built with
``scipy.sparse.kron`` (days ⊗ daily shifts), so it stays sparse.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["BreakRule", "PatternSet", "shift_patterns", "combine_patterns", "days_off_patterns",
           "planning_index"]

DAY_S = 86_400
_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class BreakRule:
    """One break inside every shift: its activity, duration and start window.

    ``earliest`` and ``latest`` are the earliest and latest *start* of the break, in
    seconds after the shift start; the break may start at any period boundary in between.
    ``paid=False`` (a lunch, typically) takes the break out of the paid hours.
    """

    activity: str
    duration: int
    earliest: int
    latest: int
    paid: bool = True

    def __post_init__(self):
        if not isinstance(self.activity, str) or not self.activity:
            raise ValueError(f"activity must be a non-empty name, got {self.activity!r}")
        for name in ("duration", "earliest", "latest"):
            value = getattr(self, name)
            if not isinstance(value, (int, np.integer)) or value < 0:
                raise ValueError(f"{name} must be a whole number of seconds ≥ 0, got {value!r}")
        if self.duration == 0:
            raise ValueError(f"duration must be a positive number of seconds, got {self.duration!r}")
        if self.latest < self.earliest:
            raise ValueError(f"latest must be ≥ earliest ({self.earliest}), got {self.latest!r}")


@dataclass(frozen=True)
class PatternSet:
    """Patterns for one planning index: sparse coverage matrix plus a readable table.

    ``matrix`` is a ``scipy.sparse`` CSC matrix, periods × patterns (0/1 on the phones);
    ``table`` has one row per pattern (``day`` or ``days_off``, ``start``, ``end``,
    ``breaks``, ``paid_hours``); ``index`` is the DatetimeIndex of the periods.
    """

    index: pd.DatetimeIndex
    matrix: object
    table: pd.DataFrame

    def __len__(self):
        return self.matrix.shape[1]

    @property
    def paid_hours(self) -> np.ndarray:
        """Paid hours of each pattern (the cost of the hard covering model)."""
        return self.table["paid_hours"].to_numpy(dtype=float)

    def scheduled(self, counts) -> pd.Series:
        """Agents on the phones per period for ``counts`` agents on each pattern."""
        x = np.asarray(counts, dtype=float)
        if x.shape != (len(self),):
            raise ValueError(f"counts must have one value per pattern ({len(self)}), got shape {x.shape!r}")
        return pd.Series(np.rint(self.matrix @ x).astype(np.int64), index=self.index, name="scheduled")


def planning_index(start, days: int = 7, freq: str = "15min") -> pd.DatetimeIndex:
    """Periods of ``days`` whole days from midnight of ``start`` (672 for a week of 15 min).

    >>> len(planning_index("2026-03-02"))
    672
    """
    if not isinstance(days, (int, np.integer)) or days < 1:
        raise ValueError(f"days must be a whole number ≥ 1, got {days!r}")
    first = pd.Timestamp(start).normalize()
    return pd.date_range(first, first + pd.Timedelta(days=days), freq=freq, inclusive="left")


def _period_seconds(index) -> int:
    """Length of one period in seconds; the index must be regular, start at midnight, whole days."""
    if not isinstance(index, pd.DatetimeIndex) or len(index) < 2:
        raise ValueError(f"index must be a regular DatetimeIndex of at least two periods, got {type(index).__name__}")
    steps = np.diff(index.asi8)
    if not (steps == steps[0]).all() or steps[0] <= 0:
        raise ValueError(f"index must be regular (one fixed period length), got steps {sorted(set(steps.tolist()))[:3]!r}")
    period = int(pd.Timedelta(int(steps[0]), unit=index.unit).total_seconds())
    if DAY_S % period or index[0] != index[0].normalize() or len(index) % (DAY_S // period):
        raise ValueError(f"index must cover whole days from midnight in periods dividing a day, got {index[0]} … ({len(index)} periods)")
    return period


def _clock_seconds(name: str, value) -> int:
    """'08:30' → 30600; '24:00' allowed as the end of the day."""
    try:
        hours, minutes = str(value).split(":")
        seconds = int(hours) * 3600 + int(minutes) * 60
    except ValueError:
        raise ValueError(f"{name} must be a clock time 'HH:MM', got {value!r}") from None
    if not 0 <= seconds <= DAY_S:
        raise ValueError(f"{name} must be a clock time between 00:00 and 24:00, got {value!r}")
    return seconds


def _clock(seconds: int) -> str:
    """Seconds after midnight as clock text 'HH:MM' (86,400 → '24:00'); the inverse of ``_clock_seconds``."""
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"


def days_off_patterns(rule: str) -> list[tuple[int, ...]]:
    """Days-off sets of a week (0 = Monday): ``"any2"`` (21 sets) or ``"consecutive2"`` (7, cyclic).

    >>> len(days_off_patterns("any2")), days_off_patterns("consecutive2")[5]
    (21, (5, 6))
    """
    if rule == "any2":
        return list(itertools.combinations(range(7), 2))
    if rule == "consecutive2":
        return [tuple(sorted((d, (d + 1) % 7))) for d in range(7)]
    raise ValueError(f"days_off must be 'any2', 'consecutive2' or None, got {rule!r}")


MAX_PATTERNS = 100_000
"""Most patterns :func:`shift_patterns` builds: beyond it the model outgrows memory and any
sensible time limit (HiGHS needs seconds for the LP relaxation alone at 20,000 weekly tours)."""


def _shift_count(period, open_s, close_s, step, lengths, breaks) -> int:
    """Daily shifts the rules give at most (overlapping break placements not yet removed)."""
    total = 0
    for length in lengths:
        starts = len(range(open_s, close_s - length + 1, step))
        placements = [len([o for o in range(r.earliest, r.latest + 1, period) if o + r.duration <= length])
                      for r in breaks]
        total += starts * int(np.prod(placements, dtype=float))
    return total


def _check_count(count: int, start_step) -> None:
    if count > MAX_PATTERNS:
        raise ValueError(f"start_step must give at most {MAX_PATTERNS:,} patterns with these lengths, "
                         f"breaks and days (each break window multiplies them; {count:,.0f} here), "
                         f"got {start_step!r}")


def _daily_shifts(period, open_s, close_s, step, lengths, breaks):
    """Daily shift templates: (start_s, length_s, ((activity, start_s, duration), …)) tuples."""
    shifts = []
    for length in lengths:
        for start in range(open_s, close_s - length + 1, step):
            windows = []
            for rule in breaks:
                offsets = range(rule.earliest, rule.latest + 1, period)
                windows.append([(rule, start + off) for off in offsets if off + rule.duration <= length])
            for combo in itertools.product(*windows):
                spans = sorted((b_start, b_start + rule.duration) for rule, b_start in combo)
                if any(a_end > b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:])):
                    continue  # two breaks overlap: not a placement
                shifts.append((start, length, tuple(combo)))
    return shifts


def _template_matrix(shifts, period):
    """Dense 0/1 (periods of a day × shifts) and paid hours of each daily shift."""
    per_day = DAY_S // period
    out = np.zeros((per_day, len(shifts)), dtype=np.int8)
    paid = np.empty(len(shifts))
    for j, (start, length, combo) in enumerate(shifts):
        out[start // period:(start + length) // period, j] = 1
        unpaid = 0
        for rule, b_start in combo:
            out[b_start // period:(b_start + rule.duration) // period, j] = 0
            unpaid += 0 if rule.paid else rule.duration
        paid[j] = (length - unpaid) / 3600
    return out, paid


def _describe(shifts):
    return pd.DataFrame({
        "start": [_clock(s) for s, _, _ in shifts],
        "end": [_clock(s + n) for s, n, _ in shifts],
        "breaks": ["; ".join(f"{r.activity} {_clock(b)}–{_clock(b + r.duration)}" for r, b in combo)
                   for _, _, combo in shifts],
    })


def shift_patterns(index, *, lengths=(8 * 3600,), open_hours=("08:00", "22:00"), start_step=1800,
                   breaks=(), days_off=None) -> PatternSet:
    """Every shift pattern the rules allow on the planning ``index``.

    Parameters
    ----------
    index : DatetimeIndex
        Regular periods covering whole days from midnight (e.g. ``required.index``).
    lengths : seconds
        Shift lengths from start to end, breaks included (8 h = 28800).
    open_hours : ('HH:MM', 'HH:MM')
        Shifts start at ``open`` or later and end at ``close`` or earlier (no shift crosses
        midnight; use ``('00:00', '24:00')`` for round-the-clock starts within a day).
    start_step : seconds
        Grid of start times from ``open`` (a multiple of the period length).
    breaks : sequence of BreakRule
        Breaks every shift carries; each placement on the period grid inside its window is
        a separate pattern (the explicit break formulation), overlapping placements skipped.
    days_off : None, 'any2' or 'consecutive2'
        None: one pattern per day and daily shift. Otherwise weekly tours: the same daily
        shift on the five working days of a days-off set (index must be exactly 7 days).

    Returns
    -------
    PatternSet
        ``paid_hours`` per pattern is shift length minus unpaid breaks (per week for tours).
        At most :data:`MAX_PATTERNS` (100,000) patterns; more raise ``ValueError`` naming
        ``start_step`` before any is built.

    Examples
    --------
    >>> idx = planning_index("2026-03-02", days=1)
    >>> p = shift_patterns(idx, lengths=(8 * 3600,), open_hours=("08:00", "17:00"), start_step=3600)
    >>> p.table[["start", "end", "paid_hours"]].to_string(index=False)
    'start   end  paid_hours\\n08:00 16:00         8.0\\n09:00 17:00         8.0'
    """
    from scipy import sparse

    period = _period_seconds(index)
    open_s, close_s = (_clock_seconds(n, v) for n, v in zip(("open_hours", "open_hours"), open_hours))
    if close_s <= open_s:
        raise ValueError(f"open_hours must open before they close, got {open_hours!r}")
    if not isinstance(start_step, (int, np.integer)) or start_step <= 0 or start_step % period:
        raise ValueError(f"start_step must be a positive multiple of the period ({period} s), got {start_step!r}")
    lengths = tuple(lengths)
    for length in lengths:
        if not isinstance(length, (int, np.integer)) or length <= 0 or length % period:
            raise ValueError(f"lengths must be positive multiples of the period ({period} s), got {length!r}")
    for rule in breaks:
        if not isinstance(rule, BreakRule):
            raise TypeError(f"breaks must be BreakRule objects, got {rule!r}")
        if rule.duration % period or rule.earliest % period:
            raise ValueError(f"breaks must fit the period grid ({period} s), got {rule!r}")
    columns = len(days_off_patterns(days_off)) if days_off is not None else len(index) * period // DAY_S
    _check_count(_shift_count(period, open_s, close_s, start_step, lengths, tuple(breaks)) * columns,
                 start_step)
    shifts = _daily_shifts(period, open_s, close_s, start_step, lengths, tuple(breaks))
    if not shifts:
        raise ValueError(f"lengths must fit inside open_hours {open_hours!r}, got {lengths!r}")
    template, paid = _template_matrix(shifts, period)
    n_days = len(index) * period // DAY_S
    described = _describe(shifts)
    if days_off is None:
        work = np.eye(n_days, dtype=np.int8)
        table = pd.concat([described.assign(day=day) for day in index.normalize().unique()],
                          ignore_index=True)
        table["paid_hours"] = np.tile(paid, n_days)
        table = table[["day", "start", "end", "breaks", "paid_hours"]]
    else:
        if n_days != 7:
            raise ValueError(f"index must be exactly 7 days for weekly tours, got {n_days} days")
        offs = days_off_patterns(days_off)
        work = np.ones((7, len(offs)), dtype=np.int8)
        for k, off in enumerate(offs):
            work[list(off), k] = 0
        weekday = [index[d * DAY_S // period].day_of_week for d in range(7)]
        names = [", ".join(_DAY_NAMES[weekday[d]] for d in off) for off in offs]
        table = pd.concat([described.assign(days_off=name) for name in names], ignore_index=True)
        table["paid_hours"] = np.tile(paid * 5, len(offs))
        table = table[["days_off", "start", "end", "breaks", "paid_hours"]]
    matrix = sparse.kron(sparse.csc_matrix(work), sparse.csc_matrix(template), format="csc")
    return PatternSet(index=index, matrix=matrix, table=table)


def combine_patterns(*sets: PatternSet) -> PatternSet:
    """One pattern set from several on the same index (e.g. full-time shifts with lunch
    plus part-time shifts without), columns in the order given.

    >>> idx = planning_index("2026-03-02", days=1, freq="1h")
    >>> full = shift_patterns(idx, lengths=(8 * 3600,), open_hours=("08:00", "16:00"), start_step=3600)
    >>> part = shift_patterns(idx, lengths=(4 * 3600,), open_hours=("08:00", "16:00"), start_step=3600)
    >>> len(combine_patterns(full, part)), combine_patterns(full, part).table["end"].tolist()[:3]
    (6, ['16:00', '12:00', '13:00'])
    """
    from scipy import sparse

    if not sets or not all(isinstance(p, PatternSet) for p in sets):
        raise TypeError(f"sets must be PatternSet objects, got {[type(p).__name__ for p in sets]!r}")
    if any(not p.index.equals(sets[0].index) for p in sets):
        raise ValueError("sets must share one planning index, got different indexes")
    if any(list(p.table.columns) != list(sets[0].table.columns) for p in sets):
        raise ValueError("sets must be all daily patterns or all weekly tours, got a mix")
    table = pd.concat([p.table for p in sets], ignore_index=True)
    return PatternSet(index=sets[0].index, matrix=sparse.hstack([p.matrix for p in sets], format="csc"),
                      table=table)
