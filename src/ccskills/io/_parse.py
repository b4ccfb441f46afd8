"""Turning columns of strings into typed data, or an :class:`UploadError` naming column and rows.

Numbers must be finite: ``inf``, ``nan`` and values beyond float range such as
``1e400`` are refused, and so are whole numbers above :data:`MAX_WHOLE_NUMBER`, so
that a count or a number of seconds always fits a 64-bit integer exactly. Duration
columns (``durations=True``) also accept ``h:mm:ss`` and ``mm:ss`` (two parts are
minutes and seconds, as ACD exports write talk times) and the Chinese ``1小时2分3秒``,
``5分30秒``, ``90分钟``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from ._errors import _ROWS_SHOWN, UploadError, _first_bad, _rows

MAX_WHOLE_NUMBER = 10**15
"""Whole-number columns (counts, seconds) must be at most this: exact in float64 and int64."""

_THOUSANDS = r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$"  # 1,234 or 12,345.5; "12,5" is not a number
_DURATION = r"^(?:(?P<h>\d+):(?=\d{1,2}:))?(?P<m>\d+):(?P<s>\d{1,2}(?:\.\d+)?)$"
_DURATION_ZH = (r"^(?=\d)(?:(?P<h>\d+)\s*(?:小时|时))?\s*(?:(?P<m>\d+)\s*(?:分钟|分))?\s*"
                r"(?:(?P<s>\d+(?:\.\d+)?)\s*秒)?$")
_DURATION_HINT = r"[:：时分秒]"


def require_columns(frame: pd.DataFrame, columns: Iterable[str],
                    aliases: Mapping[str, str] | None = None) -> pd.DataFrame:
    """``frame`` with its columns renamed to ``columns``; header case and aliases (e.g. Chinese) allowed.

    ``aliases`` maps another header (``"时段"``) to a required name (``"interval_start"``).
    Raises :class:`UploadError` ``missing_columns`` listing what is missing and what was found.
    """
    wanted = list(columns)
    lookup = {name.lower(): name for name in wanted}
    for alias, name in (aliases or {}).items():
        lookup[alias.strip().lower()] = name
    renamed = {}
    for col in frame.columns:
        target = lookup.get(str(col).strip().lower())
        if target is not None and target not in renamed.values():
            renamed[col] = target
    missing = [name for name in wanted if name not in renamed.values()]
    if missing:
        raise UploadError(
            "missing_columns",
            f"columns must include {', '.join(missing)}, got {', '.join(map(str, frame.columns))}",
            column=", ".join(missing), value=list(frame.columns), expected=wanted)
    return frame.rename(columns=renamed)


def _refuse(problem: str, frame, column: str, raw: pd.Series, bad, what: str, expected=None):
    rows, value = _first_bad(raw, bad, frame)
    raise UploadError(problem, f"{column} must be {what}, got {value!r} in row {rows[0]}",
                      column=column, rows=rows, value=value, expected=expected)


def _durations(raw: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Seconds of the clock (``h:mm:ss``, ``mm:ss``) and Chinese (``5分30秒``) cells, and which cells
    look like a duration but are not one (``1:75``, ``5 分 70 秒``)."""
    clock, zh = raw.str.extract(_DURATION), raw.str.extract(_DURATION_ZH)
    parts = clock.where(clock["m"].notna(), zh)
    found = parts[["h", "m", "s"]].notna().any(axis=1)
    h, m, s = (pd.to_numeric(parts[k], errors="coerce") for k in ("h", "m", "s"))
    wrong = found & (((s >= 60) & (h.notna() | m.notna())) | ((m >= 60) & h.notna()))
    looks = raw.str.contains(_DURATION_HINT) & raw.str.contains(r"\d") & ~found  # 四十秒: not a number
    seconds = h.fillna(0) * 3600 + m.fillna(0) * 60 + s.fillna(0)
    return seconds.where(found), wrong | looks


def parse_numbers(frame: pd.DataFrame, column: str, *, minimum: float | None = None,
                  maximum: float | None = None, integer: bool = False, allow_missing: bool = False,
                  durations: bool = False) -> pd.Series:
    """Column ``column`` as float64 numbers, or :class:`UploadError` naming the first bad rows.

    Thousands separators (``1,234``) and surrounding spaces are accepted. Empty cells
    are an error unless ``allow_missing`` (they become NaN). ``inf``, ``nan`` and
    ``1e400`` are refused (``not_finite`` / ``not_a_number``). ``minimum=0`` rejects
    negative numbers (problem ``negative``); ``maximum`` rejects larger ones
    (``above_maximum``); ``integer`` rejects fractions and numbers above
    :data:`MAX_WHOLE_NUMBER`. ``durations`` also reads ``h:mm:ss`` and ``mm:ss`` as seconds.

    >>> parse_numbers(pd.DataFrame({"talk_s": ["95", "1:35", "0:01:35", "1分35秒"]}), "talk_s",
    ...               durations=True).tolist()
    [95.0, 95.0, 95.0, 95.0]
    >>> try:
    ...     parse_numbers(pd.DataFrame({"wait_s": ["3", "1e30"]}), "wait_s", integer=True)
    ... except UploadError as err:
    ...     print(err)
    wait_s must be at most 1000000000000000, got '1e30' in row 3
    """
    raw = frame[column].astype(str).str.strip()
    empty = raw == ""
    numbers = pd.to_numeric(raw.where(~empty), errors="coerce").astype("float64")
    retry = numbers.isna() & ~empty  # 1,234 and 0:05:00 (few cells: the regular expressions run on these)
    if retry.any():
        numbers = numbers.where(~retry, _other_spellings(frame, column, raw, retry, durations))
    _check_values(frame, column, raw, numbers, empty, allow_missing)
    _check_range(frame, column, raw, numbers, minimum, maximum, integer)
    return numbers.astype("float64").rename(column)


def _other_spellings(frame, column: str, raw: pd.Series, retry: pd.Series, durations: bool) -> pd.Series:
    """Numbers of the cells plain parsing missed: thousands separators, and clock durations if asked."""
    cells = raw[retry]
    text = cells.where(~cells.str.match(_THOUSANDS), cells.str.replace(",", "", regex=False))
    values = pd.to_numeric(text, errors="coerce").astype("float64")
    if durations:
        seconds, wrong = _durations(cells)
        if wrong.any():
            _refuse("bad_duration", frame, column, raw, wrong.reindex(raw.index, fill_value=False),
                    "seconds or h:mm:ss")
        values = values.where(seconds.isna(), seconds)
    return values.reindex(raw.index)


def _check_values(frame, column, raw, numbers, empty, allow_missing) -> None:
    bad = numbers.isna() & ~empty
    if bad.any():
        _refuse("not_a_number", frame, column, raw, bad, "numbers")
    infinite = ~np.isfinite(numbers.fillna(0))
    if infinite.any():
        _refuse("not_finite", frame, column, raw, infinite, "finite numbers")
    if empty.any() and not allow_missing:
        rows = _rows(empty, frame)
        raise UploadError("missing_value", f"{column} must not be empty, got an empty cell in row {rows[0]}",
                          column=column, rows=rows)


def _check_range(frame, column, raw, numbers, minimum, maximum, integer) -> None:
    finite = numbers.notna()
    if minimum is not None and (low := finite & (numbers < minimum)).any():
        rows, value = _first_bad(raw, low, frame)
        problem = "negative" if minimum == 0 else "below_minimum"
        raise UploadError(problem, f"{column} must be at least {minimum:g}, got {value!r} in row {rows[0]}",
                          column=column, rows=rows, value=value, expected=minimum)
    limits = [x for x in (maximum, MAX_WHOLE_NUMBER if integer else None) if x is not None]
    if limits and (high := finite & (numbers > min(limits))).any():
        top = min(limits)
        shown = int(top) if float(top).is_integer() else top
        _refuse("above_maximum", frame, column, raw, high, f"at most {shown}", expected=shown)
    if integer and (fractional := finite & (numbers != numbers.round())).any():
        rows, value = _first_bad(raw, fractional, frame)
        raise UploadError("not_integer", f"{column} must be whole numbers, got {value!r} in row {rows[0]}",
                          column=column, rows=rows, value=value)


def check_unique(frame: pd.DataFrame, columns: str | list[str], values: pd.Series | None = None) -> None:
    """Raise :class:`UploadError` ``duplicate`` when a value (or a combination) appears twice.

    ``values`` may give the parsed column (e.g. timestamps, so ``8:00`` and ``08:00``
    count as the same); the rows named are every row of the first duplicated value.
    """
    cols = [columns] if isinstance(columns, str) else list(columns)
    keys = values if values is not None else (frame[cols[0]] if len(cols) == 1 else frame[cols])
    dup = keys.duplicated(keep=False)
    dup = dup.to_numpy() if hasattr(dup, "to_numpy") else dup
    if dup.any():
        first_value = (keys[dup].iloc[0] if isinstance(keys, pd.Series)
                       else tuple(keys[dup].iloc[0]))
        same = (keys == first_value) if isinstance(keys, pd.Series) else (keys == keys[dup].iloc[0]).all(axis=1)
        rows = _rows(same, frame)
        label = ", ".join(cols)
        shown = first_value.isoformat(sep=" ") if hasattr(first_value, "isoformat") else first_value
        raise UploadError("duplicate", f"{label} must not repeat, got {shown!r} in rows "
                          f"{', '.join(map(str, rows[:_ROWS_SHOWN]))}", column=label, rows=rows, value=shown)


def check_allowed(frame: pd.DataFrame, column: str, allowed: Iterable[str]) -> None:
    """Raise :class:`UploadError` ``unknown_value`` when ``column`` holds a value outside ``allowed``."""
    options = list(allowed)
    raw = frame[column].astype(str).str.strip()
    bad = ~raw.isin(options)
    if bad.any():
        rows, value = _first_bad(raw, bad, frame)
        raise UploadError("unknown_value", f"{column} must be one of {', '.join(options)}, got {value!r} "
                          f"in row {rows[0]}", column=column, rows=rows, value=value, expected=options)
