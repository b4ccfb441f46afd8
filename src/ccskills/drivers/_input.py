"""Checks at the boundary of the key-driver analysis: one clean numeric table out.

Missing values are handled by *complete cases* (listwise deletion, as statsmodels'
``missing="drop"``): a row missing the target or any driver is left out and counted,
so every subset model is fitted on the same rows and the shares add up. A value that
is present but not a finite number is refused, naming the column and the rows.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

from ..kpi._records import check_records, raise_bad_rows

#: Most drivers accepted: the Shapley split fits every subset, 2**p models per sample.
MAX_DRIVERS = 12


class CleanData(NamedTuple):
    """The complete rows: ``x`` (n, p) drivers, ``y`` (n,) target, rows left out, row labels."""

    x: np.ndarray
    y: np.ndarray
    dropped_rows: int
    index: pd.Index


def check_drivers(target, drivers) -> list:
    """``drivers`` as a list of 1..12 distinct column names, none of them ``target``."""
    if isinstance(drivers, str) or not hasattr(drivers, "__iter__"):
        raise ValueError(f"drivers must be a list of column names, got {drivers!r}")
    names = list(drivers)
    if not names:
        raise ValueError(f"drivers must name at least one column, got {names!r}")
    if len(names) > MAX_DRIVERS:
        raise ValueError(
            f"drivers must be at most {MAX_DRIVERS} columns (the split fits 2**p subset "
            f"models), got {len(names)}: {names!r}"
        )
    twice = sorted({str(n) for n in names if names.count(n) > 1})
    if twice:
        raise ValueError(f"drivers must be distinct columns, got {', '.join(twice)} more than once")
    if target in names:
        raise ValueError(f"drivers must not include the target {target!r}, got {names!r}")
    return names


def _numeric(name: str, column: pd.Series) -> pd.Series:
    """A column as float with NaN for missing; present non-numbers and infinities refused."""
    if pd.api.types.is_bool_dtype(column) or pd.api.types.is_object_dtype(column):
        as_bool = column.map(lambda v: float(v) if isinstance(v, (bool, np.bool_)) else v)
        column = as_bool.astype(object)
    values = pd.to_numeric(column, errors="coerce").astype(float)
    bad = (column.notna() & values.isna()) | np.isinf(values)
    raise_bad_rows(f"data[{name!r}]", "a finite number or missing", column, bad.to_numpy())
    return values


def clean(data, target, drivers) -> CleanData:
    """Check ``data`` and return its complete rows as float arrays (see the module docstring)."""
    names = check_drivers(target, drivers)
    check_records(data, [target, *names], name="data")
    table = pd.DataFrame({n: _numeric(n, data[n]) for n in [target, *names]}, index=data.index)
    complete = table.dropna()
    need = len(names) + 2
    if len(complete) < need:
        raise ValueError(
            f"data must have at least {need} complete rows (drivers + 2) for {len(names)} "
            f"driver(s), got {len(complete)} of {len(table)}"
        )
    for n in names:
        _check_varies("drivers", n, complete[n])
    _check_varies("target", target, complete[target])
    return CleanData(complete[names].to_numpy(), complete[target].to_numpy(),
                     len(table) - len(complete), complete.index)


def _check_varies(param: str, name, values: pd.Series) -> None:
    if values.nunique() < 2:
        raise ValueError(
            f"{param} must vary over the complete rows, got column {name!r} constant "
            f"at {float(values.iloc[0])!r}"
        )
