"""The named forecasting methods, their options and how much history each needs."""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Callable

import numpy as np
import pandas as pd

from ccskills.forecasting import _methods, _special_days
from ccskills.forecasting._history import History


@dataclass(frozen=True)
class Method:
    """One forecasting method: what it is, its options with defaults, its history needs."""

    name: str
    description: str
    run: Callable  # (History, DatetimeIndex of target slots, **options) -> pd.Series
    defaults: dict
    min_weeks: Callable  # options -> weeks of history needed


def _on_slots(func):
    def run(history: History, slots: pd.DatetimeIndex, calendar=None, **options) -> pd.Series:
        clean = history.without_low_days()  # holidays the calendar misses, outages: see History.low_days
        return pd.Series(func(clean, slots, **options), index=slots, dtype=float)
    return run


DEFAULT_BASE = "historical_average"
"""The base method holiday_adjusted adjusts unless ``base`` names another."""


def _holiday_run(history, slots, base=DEFAULT_BASE, calendar=None, events=None,
                 k=8, **base_options):
    """The base method on normal days, adjusted for special days. ``k`` (weeks averaged for the
    special-day shapes) goes on to the base only if its function takes ``k``; ``base_options``
    are the base's own (``check_options`` refuses the rest)."""
    base_method = base_of({"base": base})
    options = {**base_method.defaults, **base_options}
    if "k" in base_method.defaults:
        options["k"] = k
    options.pop("calendar", None)
    if not isinstance(calendar, pd.DataFrame):
        start, end = history.values.index[0].normalize(), slots.max().normalize()
        calendar, loaded_events = _special_days.load_calendar(start, end, calendar)
        events = loaded_events if events is None else events
        if calendar is None:  # calendar="none": the base method on the history as it is
            return base_method.run(history, history.future_slots(slots.min(), slots.max() + history.step),
                                   **options)
    base = lambda h, s: base_method.run(h, s, **options).to_numpy()  # noqa: E731
    return _special_days.adjust(history, slots, base, calendar, events, k)


def _options(func) -> dict:
    params = inspect.signature(func).parameters.values()
    return {p.name: p.default for p in params if p.default is not inspect.Parameter.empty}


def _method(name, description, func, min_weeks):
    return Method(name, description, _on_slots(func), _options(func), min_weeks)


def _base_methods() -> list[Method]:
    return [
        _method("seasonal_naive", "same weekday and time of day, most recent week it was open",
                _methods.seasonal_naive, lambda o: 1),
        _method("historical_average", "mean of each weekday × interval over the last k weeks "
                "(equal or linearly recency-weighted)", _methods.historical_average, lambda o: int(o.get("k", 8))),
        _method("top_down", "Holt-Winters daily totals × weekday intraday profile (k weeks)",
                _methods.top_down, lambda o: max(4, int(o.get("k", 8)))),
        _method("bottom_up", "Holt-Winters on the open-slot series of the last weeks (default 16), one season = one week",
                _methods.bottom_up, lambda o: 3),
        Method("holiday_adjusted",
               "base method on normal days × factors learned for holidays, make-up days "
               "and shopping events (calendar: 'CN' by default, a country code or 'none'); "
               "closed holidays give no slots",
               _holiday_run,
               {"base": DEFAULT_BASE, "calendar": None, "events": None, "k": 8},
               lambda o: base_of(o).min_weeks(o) + 2),
    ]


MODEL_METHODS = {
    "mstl_ets": "MSTL decomposition (daily and weekly seasons) of the open slots of the last {weeks} "
                "weeks (at most {max_slots} slots) on the {transform} scale; damped Holt on the "
                "seasonally adjusted daily level + each slot's mean seasonal component",
    "harmonic": "dynamic harmonic regression on the last {weeks} weeks ({transform} scale): "
                "{day_order} Fourier pairs for the day, {week_order} for the week and weekday dummies, "
                "least squares weighted by recency (half-life {half_life:g} weeks), AR({ar_lags}) errors",
    "profile_top_down": "daily totals (mean of the same weekday over the last {k} weeks, or "
                        "Holt-Winters with daily='holt_winters') × intraday profile of the last "
                        "{profile_weeks} weeks, recency-weighted (half-life {half_life:g} weeks)",
}
"""Model methods of ``_models.py`` (statsmodels, imported when they run): name → description,
with ``{option}`` filled from the function's defaults (``{max_slots}``: ``MSTL_MAX_SLOTS``)."""


def _model_methods() -> list[Method]:
    """The model methods ``ccskills.forecasting._models`` defines, with the weeks of history
    each needs (its ``MIN_WEEKS``)."""
    from ccskills.forecasting import _models

    methods = []
    for name, description in MODEL_METHODS.items():
        func = getattr(_models, name)
        text = description.format(**_options(func), max_slots=f"{_models.MSTL_MAX_SLOTS:,}")
        methods.append(_method(name, text, func, lambda o, w=_models.MIN_WEEKS[name]: w))
    return methods


METHODS: dict[str, Method] = {m.name: m for m in (*_base_methods(), *_model_methods())}
"""Name → Method for every method ``forecast`` accepts besides ``"auto"``."""


def get_method(name, param: str = "method") -> Method:
    """The Method called ``name``, or a ValueError listing the valid names."""
    if name not in METHODS:
        valid = ", ".join(repr(n) for n in [*METHODS, "auto"] if param == "method" or n != "auto")
        raise ValueError(f"{param} must be one of {valid}, got {name!r}")
    return METHODS[name]


WEEK_OPTIONS = ("k", "weeks", "fit_weeks")


COMMON_OPTIONS = {"calendar"}
"""Options every method accepts: ``calendar`` (used by holiday_adjusted, ignored by the rest)."""


def base_of(options: dict) -> Method:
    """The base method of holiday_adjusted named by ``options['base']`` (default
    :data:`DEFAULT_BASE`); ValueError for an unknown name or holiday_adjusted itself."""
    base = options.get("base", DEFAULT_BASE)
    method = get_method(base, "base")
    if method.name == "holiday_adjusted":
        raise ValueError(f"base must be a method other than 'holiday_adjusted', got {base!r}")
    return method


def allowed_options(method: Method, options: dict | None = None) -> set:
    """Option names ``method`` accepts; holiday_adjusted also takes the options of its base
    (``options['base']``, :data:`DEFAULT_BASE` by default) and passes them on."""
    if method.name == "holiday_adjusted":
        return set(method.defaults) | allowed_options(base_of(options or {})) | COMMON_OPTIONS
    return set(method.defaults) | COMMON_OPTIONS


def check_options(method: Method, options: dict) -> dict:
    """The method's defaults updated with ``options``; unknown names raise ValueError."""
    allowed = allowed_options(method, options)
    unknown = sorted(set(options) - allowed)
    if unknown:
        target = f"method {method.name!r}"
        if method.name == "holiday_adjusted":
            target += f" with base {base_of(options).name!r}"
        raise ValueError(f"options must be among {sorted(allowed)} for {target}, got {unknown[0]!r}")
    for name, value in options.items():
        if name in WEEK_OPTIONS and (isinstance(value, bool) or not isinstance(value, (int, np.integer))
                                     or value < 1):
            raise ValueError(f"{name} must be a whole number of weeks >= 1, got {value!r}")
        if name == "damped" and not isinstance(value, (bool, np.bool_)):
            raise ValueError(f"damped must be True or False, got {value!r}")
        if name == "weights" and value not in _methods.WEIGHTS:
            raise ValueError(f"weights must be one of {', '.join(map(repr, _methods.WEIGHTS))}, got {value!r}")
    checked = {**method.defaults, **options}
    if "calendar" in options:
        checked["calendar"] = _special_days.check_calendar(options["calendar"])
    return checked


def check_enough(history: History, method: Method, options: dict) -> None:
    """Raise ValueError when the history is shorter than the method needs."""
    need = method.min_weeks(options)
    if history.weeks < need:
        raise ValueError(f"history must cover at least {need} weeks for method {method.name!r}, "
                         f"got {history.weeks} weeks")


def run_method(history: History, slots: pd.DatetimeIndex, method: Method, options: dict) -> pd.Series:
    """Run ``method`` for the target slots; non-negative floats named 'forecast'."""
    check_enough(history, method, options)
    result = method.run(history, slots, **options)
    return result.clip(lower=0.0).astype(float).rename("forecast")


def target_slots(history: History, method: Method, start, stop) -> pd.DatetimeIndex:
    """Slots a method is asked for: the open slots in [start, stop); the whole grid for
    holiday_adjusted, which decides itself which days open (make-up days) or close."""
    if method.name == "holiday_adjusted":
        return pd.date_range(start, stop, freq=history.step, inclusive="left")
    return history.future_slots(start, stop)


def empty_forecast() -> pd.Series:
    return pd.Series(np.array([], dtype=float), index=pd.DatetimeIndex([], dtype="datetime64[ns]"),
                     name="forecast")
