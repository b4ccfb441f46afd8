"""One forecast from a method name, an "auto" candidate's label or "auto" itself.

Imported by ``_api`` (forecast, backtest); it imports ``_select`` for "auto", which knows only
the registry and the backtest machinery — no module imports ``_api`` back.
"""

from __future__ import annotations

import pandas as pd

from ccskills.forecasting._history import History
from ccskills.forecasting._labels import COMBINERS, format_label, parse_label
from ccskills.forecasting._registry import check_options, empty_forecast, get_method, run_method, target_slots
from ccskills.forecasting._select import auto_select, median_forecast


def check_method(method, options: dict) -> None:
    """Raise ValueError for an unknown method or label, or options it does not take."""
    if method == "auto":
        return
    if not isinstance(method, str):
        get_method(method)
    name, parsed = parse_label(method)
    if name in COMBINERS:
        for member in parsed:
            check_method(member, options)
        return
    check_options(get_method(name), {**options, **parsed})


def forecast_slots(history: History, start, stop, method: str, options: dict) -> pd.Series:
    """Forecast every open slot in [start, stop) from a validated History."""
    if method == "auto":
        return auto_select(history, start, stop, options)
    name, parsed = parse_label(method)
    if name in COMBINERS:
        result = median_forecast([forecast_slots(history, start, stop, m, options) for m in parsed])
        result.attrs["method"] = method
        return result
    spec = get_method(name)
    checked = check_options(spec, {**options, **parsed})
    slots = target_slots(history, spec, start, stop)
    if len(slots) == 0:
        return empty_forecast()
    result = run_method(history, slots, spec, checked)
    result.attrs["method"] = format_label(spec.name, parsed)
    return result
