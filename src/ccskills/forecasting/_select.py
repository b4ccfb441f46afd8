""""auto": backtest every candidate at the same weekly origins and keep the best (NICE "Best
Pick", Genesys "Automatic Best Method"), honestly.

* The benchmarks are always candidates: seasonal naive and the k-week weekday × slot mean for
  k = 1…8 with equal or linear recency weights (``historical_average(k=4)``,
  ``historical_average(k=6, weights=linear)``), k and weights chosen by the backtest.
* A combination, ``median(a, b, c)``: the slot-by-slot median of the best :data:`COMBINE_TOP`
  methods (the best variant of each method), scored on the same backtest from the forecasts
  already made at each origin — nothing is refitted.
* Rolling origins: ``origins`` weekly origins (default: 4 to 8, as many as the history has
  weeks beyond 8), the same for every candidate; a candidate sees only the history before each.
* The choice: among the candidates whose pooled WAPE is within :data:`TIE_TOLERANCE` (0.5 %,
  relative) of the best, the simplest in :data:`SIMPLICITY` order; never one whose WAPE is
  above the best benchmark's, so "auto" cannot lose its own backtest to the 4-week mean or
  seasonal naive.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ccskills.forecasting._backtest import (
    origin_frame, pooled_wape, progress_reporter, rolling_origins)
from ccskills.forecasting._history import History
from ccskills.forecasting._labels import combination_label, format_label
from ccskills.forecasting._registry import (
    METHODS, Method, allowed_options, check_enough, check_options, get_method, run_method, target_slots)

BENCHMARKS = ("seasonal_naive", "historical_average")
"""Always candidates, whatever ``candidates`` says."""
SIMPLICITY = ("seasonal_naive", "historical_average", "top_down", "profile_top_down", "holiday_adjusted",
              "bottom_up", "harmonic", "mstl_ets", "median")
"""Simplest first: the order ties are broken in (within the mean: equal weights, then smaller k)."""
SLOW = ("mstl_ets",)
"""Left out of the default candidates: the slowest fit (0.5–1.5 s on 10 weeks of 15-minute slots,
nine fits per "auto") and never the best on the kit's lines or the real series measured for
issue 14 (e-commerce: 0.2103 against 0.1906 for the 4-week mean); pass it in ``candidates``."""
AUTO_CANDIDATES = tuple(name for name in SIMPLICITY if name in METHODS and name not in SLOW)
K_RANGE = range(1, 9)
WEIGHT_CHOICES = ("equal", "linear")
TIE_TOLERANCE = 0.005
"""Relative WAPE difference under which two candidates tie (the simpler one is kept)."""
COMBINE_TOP = 3
MIN_AUTO_ORIGINS, MAX_AUTO_ORIGINS = 4, 8
MODEL_ERRORS = (ValueError, ImportError, ArithmeticError, np.linalg.LinAlgError)
"""What a candidate may raise on some history (too short, singular fit): it is then left out."""


@dataclass(frozen=True)
class Candidate:
    """One candidate: its label (the ``backtest_wape`` key), method and full options."""

    label: str
    method: Method
    options: dict

    @property
    def rank(self) -> tuple:
        weights = self.options.get("weights", "equal")
        return SIMPLICITY.index(self.method.name), weights != "equal", self.options.get("k", 0)

    def run(self, history: History, start, stop) -> pd.Series:
        return run_method(history, target_slots(history, self.method, start, stop), self.method, self.options)


def default_origins(history: History) -> int:
    """4 weekly origins, up to 8 as the history grows beyond 12 weeks."""
    return int(min(MAX_AUTO_ORIGINS, max(MIN_AUTO_ORIGINS, history.weeks - 8)))


def median_forecast(forecasts: list[pd.Series]) -> pd.Series:
    """Slot-by-slot median of several forecasts; a slot missing from one counts as 0 there, and
    slots missing from more than half of them are left out (closed)."""
    frame = pd.concat(forecasts, axis=1, keys=range(len(forecasts)), sort=True)
    present = frame.notna().sum(axis=1).to_numpy()
    combined = frame.fillna(0.0).median(axis=1)
    return combined[present * 2 > len(forecasts)].rename("forecast").astype(float)


def _mean_variants(history: History, options: dict) -> list[tuple[str, dict]]:
    if "k" in options or "weights" in options:
        return [("historical_average", {})]
    variants = [(format_label("historical_average", {"k": k}), {"k": k}) for k in K_RANGE]
    variants += [(format_label("historical_average", {"k": k, "weights": "linear"}), {"k": k, "weights": "linear"})
                 for k in K_RANGE if k > 1]
    return variants


def candidates_for(history: History, names, options: dict) -> list[Candidate]:
    """Every candidate with enough history before the first origin (``history`` is cut there)."""
    names = list(dict.fromkeys([*BENCHMARKS, *names]))
    found = []
    for name in names:
        method = get_method(name, "candidates")
        if method.name == "holiday_adjusted" and _is_none(options.get("calendar")):
            continue  # with no calendar it is its base method
        variants = _mean_variants(history, options) if name == "historical_average" else [(name, {})]
        for label, extra in variants:
            shared = {k: v for k, v in options.items() if k in allowed_options(method, options)}
            opts = check_options(method, {**shared, **extra})
            try:
                check_enough(history, method, opts)
            except ValueError:
                continue
            found.append(Candidate(label, method, opts))
    return found


def _is_none(calendar) -> bool:
    return isinstance(calendar, str) and calendar == "none"


def _resolve_calendar(history: History, stop, options: dict) -> None:
    """Load the calendar table once for every origin (holiday_adjusted would load it each time)."""
    from ccskills.forecasting._special_days import check_calendar, load_calendar

    calendar = check_calendar(options.get("calendar"))
    if isinstance(calendar, str) and calendar != "none":
        table, events = load_calendar(history.values.index[0].normalize(), stop.normalize(), calendar)
        options["calendar"] = table
        if options.get("events") is None:
            options["events"] = events
    else:
        options["calendar"] = calendar


def _check_auto_options(options: dict, names) -> None:
    known = set().union(*(allowed_options(get_method(n, "candidates"), options)
                          for n in [*BENCHMARKS, *names]))
    unknown = sorted(set(options) - known)
    if unknown:
        valid = sorted(known | {"candidates", "origins", "progress"})
        raise ValueError(f"options must be among {valid} for method 'auto', got {unknown[0]!r}")


@dataclass(frozen=True)
class Selection:
    """What "auto" measured: every candidate's backtest and the label it chose."""

    tables: dict  # label -> backtest table (origin, timestamp, actual, forecast)
    members: dict  # combination label -> member labels
    chosen: str

    @property
    def scores(self) -> dict:
        return {label: pooled_wape(table) for label, table in self.tables.items()}


def _backtest_candidates(history, candidates, horizon, stamps, report):
    forecasts = {c.label: [] for c in candidates}
    families = list(dict.fromkeys(c.method.name for c in candidates))
    total = len(families) * len(stamps) + 1
    done = 0
    for origin in stamps:
        train = history.truncated(origin)
        for family in families:
            for cand in (c for c in candidates if c.method.name == family):
                if cand.label in forecasts:
                    try:
                        forecasts[cand.label].append(cand.run(train, origin, origin + horizon))
                    except MODEL_ERRORS:
                        del forecasts[cand.label]
            done += 1
            report(done, total)
    return forecasts


def select(history: History, horizon: pd.Timedelta, stamps, candidates, report) -> Selection:
    """Backtest ``candidates`` (and their combination) at ``stamps`` and choose."""
    forecasts = _backtest_candidates(history, candidates, horizon, stamps, report)
    by_label = {c.label: c for c in candidates if c.label in forecasts}
    tables = {label: _table(history, horizon, stamps, fcs) for label, fcs in forecasts.items()}
    scores = {label: pooled_wape(table) for label, table in tables.items()}
    members = {}
    top = _best_of_each_method(scores, by_label)[:COMBINE_TOP]
    if len(top) == COMBINE_TOP:
        label = combination_label("median", top)
        members[label] = top
        fcs = [median_forecast([forecasts[m][i] for m in top]) for i in range(len(stamps))]
        tables[label] = _table(history, horizon, stamps, fcs)
        scores[label] = pooled_wape(tables[label])
    if not tables:
        raise ValueError("history must cover enough weeks for at least one method plus the "
                         f"{len(stamps)} weekly backtest origins, got {history.weeks} weeks")
    return Selection(tables, members, choose(scores, {**by_label, **members}))


def _table(history, horizon, stamps, forecasts) -> pd.DataFrame:
    return pd.concat([origin_frame(history, o, horizon, fc) for o, fc in zip(stamps, forecasts)],
                     ignore_index=True)


def _best_of_each_method(scores: dict, by_label: dict) -> list[str]:
    best = {}
    for label in sorted(by_label, key=lambda n: (_finite(scores[n]), by_label[n].rank)):
        best.setdefault(by_label[label].method.name, label)
    return [label for label in best.values() if np.isfinite(scores[label])]


def _finite(value: float) -> float:
    return value if np.isfinite(value) else np.inf


def _rank(entry) -> tuple:
    return entry.rank if isinstance(entry, Candidate) else (SIMPLICITY.index("median"), False, 0)


def choose(scores: dict, entries: dict) -> str:
    """The simplest label whose WAPE is within TIE_TOLERANCE of the best and not above the best
    benchmark's (seasonal naive, k-week mean)."""
    best = min(_finite(v) for v in scores.values())
    bench = [_finite(scores[n]) for n, e in entries.items()
             if isinstance(e, Candidate) and e.method.name in BENCHMARKS]
    ceiling = min(bench) if bench else np.inf
    eligible = [n for n, v in scores.items()
                if _finite(v) <= best * (1 + TIE_TOLERANCE) and _finite(v) <= ceiling] or list(scores)
    return min(eligible, key=lambda n: _rank(entries[n]))


def auto_select(history: History, start, stop, options: dict) -> pd.Series:
    """Backtest every candidate, choose (see the module docstring) and forecast [start, stop)."""
    options = dict(options)
    names = list(options.pop("candidates", AUTO_CANDIDATES))
    for name in names:
        get_method(name, "candidates")
    n_origins = options.pop("origins", None)
    report = progress_reporter(options.pop("progress", None))
    _check_auto_options(options, names)
    horizon = stop - start
    n_origins = default_origins(history) if n_origins is None else n_origins
    stamps = rolling_origins(history, horizon, n_origins)
    _resolve_calendar(history, stop, options)
    candidates = candidates_for(history.truncated(stamps[0]), names, options)
    selection = select(history, horizon, stamps, candidates, report)
    entries = {c.label: c for c in candidates}
    chosen = selection.chosen
    if chosen in selection.members:
        result = median_forecast([entries[m].run(history, start, stop) for m in selection.members[chosen]])
    else:
        result = entries[chosen].run(history, start, stop)
    total = len({c.method.name for c in candidates}) * len(stamps) + 1
    report(total, total)
    result.attrs.update(method=chosen, backtest_wape=selection.scores, origins=n_origins,
                        members=selection.members.get(chosen, [chosen]))
    return result
