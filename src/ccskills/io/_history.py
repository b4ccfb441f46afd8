"""Reading an uploaded interval history (calls and AHT per slot) for the planner."""

from __future__ import annotations

import pandas as pd

from ._dates import parse_timestamps
from ._errors import _ROWS_SHOWN, NOTES_ATTR, UploadError, _first_bad, _rows, upload_message  # noqa: F401
from ._parse import parse_numbers, require_columns
from ._read import read_table

MAX_AHT_S = 86_400
"""An average handle time above one day (in seconds) is refused as a data error."""

INTERVAL_HISTORY_ALIASES: dict[str, str] = {
    "时段": "interval_start", "时间": "interval_start", "开始时间": "interval_start",
    "时段开始": "interval_start", "interval": "interval_start", "timestamp": "interval_start",
    "来话量": "calls", "calls offered": "calls", "offered": "calls", "calls_offered": "calls",
    "来电量": "calls", "来电": "calls", "话务量": "calls",
    "平均处理时长": "aht_s", "average handle time (aht)": "aht_s", "average handle time": "aht_s",
    "处理时长": "aht_s", "aht": "aht_s",
    "业务线": "line", "队列": "line", "queue": "line",
    "時段": "interval_start", "來話量": "calls", "來電量": "calls", "來電": "calls", "話務量": "calls", "佇列": "line",
}
"""Chinese and common English headers accepted for :func:`read_interval_history` (keys lower case):
the registry's names first (:data:`ccskills.kpi.REGISTRY`: 来话量 / Calls offered, 平均处理时长 /
Average handle time (AHT)), then the words centres' exports also use (来电量, 话务量, 处理时长)."""


def read_interval_history(source, filename: str | None = None) -> pd.DataFrame:
    """An uploaded interval history as ``line, interval_start, calls, aht_s``, checked row by row.

    Required columns: ``interval_start`` (date-time of the slot start) and ``calls``
    (whole numbers ≥ 0); optional ``aht_s`` (seconds > 0, or ``h:mm:ss``/``mm:ss``, at
    most :data:`MAX_AHT_S`; may be empty where calls are 0) and ``line`` (several lines
    in one file are kept apart; default ``"upload"``). Headers may be Chinese (see
    :data:`INTERVAL_HISTORY_ALIASES`). Only open slots need rows. Slots must lie on one
    regular grid (the most common step, e.g. 15 minutes), and a slot may appear once
    per line. Raises :class:`UploadError` naming the column as the file spells it and
    the spreadsheet rows. Sorted by line and time; what the reader decided (a dropped
    total row, an ambiguous date order) is in ``attrs["ccskills_notes"]``.

    >>> text = "时段,来话量\\n2026-03-02 08:00,12\\n2026-03-02 08:15,-3\\n"
    >>> try:
    ...     read_interval_history(text.encode("utf-8-sig"), "h.csv")
    ... except UploadError as err:
    ...     print(upload_message(err, "zh"))
    “来话量”列不能为负数；第 3 行是 -3。
    """
    raw = read_table(source, filename)
    headers = {INTERVAL_HISTORY_ALIASES.get(str(c).lower(), str(c).lower()): c for c in raw.columns}
    optional = [name for name in ("aht_s", "line") if name in headers]
    frame = require_columns(raw, ["interval_start", "calls", *optional], INTERVAL_HISTORY_ALIASES)
    try:
        out = _interval_history(frame)
    except UploadError as err:
        err.column = headers.get(err.column, err.column)
        raise
    out.attrs[NOTES_ATTR] = [note._replace(column=headers.get(note.column, note.column))
                             for note in frame.attrs.get(NOTES_ATTR, [])]
    return out


def _interval_history(frame: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame({
        "line": frame["line"].astype(str) if "line" in frame else "upload",
        "interval_start": parse_timestamps(frame, "interval_start"),
        "calls": parse_numbers(frame, "calls", minimum=0, integer=True).astype("int64"),
    })
    if "aht_s" in frame:
        aht = parse_numbers(frame, "aht_s", allow_missing=True, durations=True, maximum=MAX_AHT_S)
        bad = (aht <= 0) | (aht.isna() & (out["calls"] > 0))
        if bad.any():
            rows, value = _first_bad(frame["aht_s"], bad, frame)
            raise UploadError("below_minimum", f"aht_s must be more than 0 where calls > 0, got {value!r} "
                              f"in row {rows[0]}", column="aht_s", rows=rows, value=value, expected=0)
        out["aht_s"] = aht
    else:
        out["aht_s"] = float("nan")
    out.attrs = {key: frame.attrs[key] for key in ("ccskills_rows",) if key in frame.attrs}
    _check_slots_unique(out)
    _check_grid(out)
    return out.sort_values(["line", "interval_start"], kind="stable").reset_index(drop=True)


def _check_slots_unique(out: pd.DataFrame) -> None:
    """A slot appears once per line; else ``duplicate`` with every row of the first repeated slot."""
    keys = out[["line", "interval_start"]]
    dup = keys.duplicated(keep=False)
    if dup.any():
        first = keys[dup].iloc[0]
        rows = _rows((keys == first).all(axis=1), out)
        shown = first["interval_start"].isoformat(sep=" ")
        raise UploadError("duplicate", f"interval_start must not repeat, got {shown!r} in rows "
                          f"{', '.join(map(str, rows[:_ROWS_SHOWN]))}", column="interval_start",
                          rows=rows, value=shown)


def _check_grid(out: pd.DataFrame) -> None:
    """Every slot of a line lies on the grid of its most common step; else ``off_grid`` with the rows."""
    for _, times in out.groupby("line", sort=False)["interval_start"]:
        ordered = times.sort_values()
        steps = ordered.diff().dropna()
        steps = steps[steps > pd.Timedelta(0)]
        if steps.empty:
            continue
        step = steps.mode().iloc[0]
        off = ((times - ordered.iloc[0]) % step) != pd.Timedelta(0)
        if off.any():
            rows = _rows(out.index.isin(times.index[off.to_numpy()]), out)
            value = times[off].iloc[0].isoformat(sep=" ")
            minutes = int(step.total_seconds() // 60)
            raise UploadError("off_grid", f"interval_start must be every {minutes} min, got {value!r} "
                              f"in row {rows[0]}", column="interval_start", rows=rows, value=value,
                              expected=minutes)
