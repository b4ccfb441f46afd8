"""Date-times as centres' exports spell them, read to datetime64[ns] or refused with column and row.

Accepted: ISO (``2026-03-02 08:15``, ``2026-03-02T08:15:00``), slashes or dots with the
year first (``2026/3/2 8:15``, ``2026.3.2``), Chinese (``2026年3月2日 08:15``), the year
last (``03/02/2026``), and Excel's date cells. Decisions, each documented:

- **Day/month order** with the year last is decided per column: a first number above
  12 means day first, a second above 12 month first; a column with both is refused
  (``mixed_date_order``); a column where every date reads either way is read month
  first (:data:`DEFAULT_DATE_ORDER`, as Excel in the United States writes them) and a
  note says so.
- **Time zones**: an offset (``+08:00``, ``Z``) is dropped and the clock time kept as
  written (intervals are the centre's local clock), with a note; a column whose rows
  carry different offsets is refused (``mixed_timezones``).
- **Years** outside :data:`YEAR_RANGE` (e.g. 2500) are refused (``date_out_of_range``).
"""

from __future__ import annotations

import pandas as pd

from ._errors import UploadError, UploadNote, _first_bad, _rows, add_note

YEAR_RANGE = (1900, 2200)
"""Years from 1900 up to (not including) 2200 are accepted."""

DEFAULT_DATE_ORDER = "month first"
"""How ``03/02/2026`` is read when no date in its column decides (2 March, as en-US Excel)."""

_DATE = (r"^(?:(?P<y>\d{4})\s*[-/.年]\s*(?P<mo>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*[日号]?"
         r"|(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.](?P<y2>\d{4}))")
_TIME = r"(?:(?:\s*|T)(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?P<f>\.\d+)?)?)?"
_ZONE = r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?$"
_PATTERN = _DATE + _TIME + _ZONE


def _order(frame, column: str, raw: pd.Series, p: pd.DataFrame) -> str:
    """Day or month first for the year-last dates of one column (see the module notes)."""
    a, b = pd.to_numeric(p["a"], errors="coerce"), pd.to_numeric(p["b"], errors="coerce")
    day_first, month_first = a > 12, b > 12
    if day_first.any() and month_first.any():
        rows = [_rows(day_first, frame)[0], _rows(month_first, frame)[0]]
        values = [raw[day_first].iloc[0], raw[month_first].iloc[0]]
        raise UploadError("mixed_date_order", f"{column} must use one day/month order, got {values[0]!r} "
                          f"and {values[1]!r} in rows {rows[0]}, {rows[1]}", column=column, rows=rows,
                          value=values)
    if day_first.any():
        return "day first"
    if month_first.any():
        return "month first"
    ambiguous = p["a"].notna()
    if ambiguous.any():
        add_note(frame, UploadNote("ambiguous_date_order", column, tuple(_rows(ambiguous, frame)[:1]),
                                   raw[ambiguous].iloc[0], DEFAULT_DATE_ORDER))
    return DEFAULT_DATE_ORDER


def _zone(frame, column: str, raw: pd.Series, p: pd.DataFrame) -> None:
    zones = p["tz"].dropna().str.replace(":", "", regex=False).replace("Z", "+0000")
    if zones.empty:
        return
    first = zones.iloc[0]
    differ = (p["tz"].notna() & (p["tz"].str.replace(":", "", regex=False).replace("Z", "+0000") != first))
    if differ.any() or len(zones) < len(p):
        mask = differ if differ.any() else p["tz"].isna()
        rows, value = _first_bad(raw, mask, frame)
        raise UploadError("mixed_timezones", f"{column} must use one time zone, got {value!r} in row {rows[0]}",
                          column=column, rows=rows, value=value)
    add_note(frame, UploadNote("timezone_dropped", column, (), p["tz"].dropna().iloc[0]))


def _iso(p: pd.DataFrame, order: str) -> pd.Series:
    """The parts as ISO text ``YYYY-MM-DD HH:MM:SS.f`` (midnight when the time is absent)."""
    first, second = (p["b"], p["a"]) if order == "day first" else (p["a"], p["b"])
    year, month, day = p["y"].fillna(p["y2"]), p["mo"].fillna(first), p["d"].fillna(second)
    return (year + "-" + month.str.zfill(2) + "-" + day.str.zfill(2) + " " + p["H"].fillna("0").str.zfill(2)
            + ":" + p["M"].fillna("00") + ":" + p["S"].fillna("00") + p["f"].fillna(""))


def _check_years(frame, column: str, raw: pd.Series, year: pd.Series) -> None:
    outside = (year < YEAR_RANGE[0]) | (year >= YEAR_RANGE[1])
    if outside.any():
        rows, value = _first_bad(raw, outside, frame)
        raise UploadError("date_out_of_range", f"{column} must have years in {YEAR_RANGE[0]}–"
                          f"{YEAR_RANGE[1] - 1}, got {value!r} in row {rows[0]}", column=column, rows=rows,
                          value=value, expected=f"{YEAR_RANGE[0]}–{YEAR_RANGE[1] - 1}")


def _patterns(frame, column: str, raw: pd.Series, slow: pd.Series) -> pd.Series:
    """Date-times of the ``slow`` cells by the accepted patterns (NaT elsewhere), or UploadError."""
    parts = raw[slow].str.extract(_PATTERN).reindex(raw.index)
    unmatched = slow & parts["y"].isna() & parts["y2"].isna()
    if unmatched.any():
        rows, value = _first_bad(raw, unmatched, frame)
        raise UploadError("bad_timestamp", f"{column} must be date-times, got {value!r} in row {rows[0]}",
                          column=column, rows=rows, value=value)
    _check_years(frame, column, raw, pd.to_numeric(parts["y"].fillna(parts["y2"])))
    order = _order(frame, column, raw, parts)
    _zone(frame, column, raw, parts)
    parsed = pd.to_datetime(_iso(parts, order), errors="coerce", format="ISO8601")
    if (bad := slow & parsed.isna()).any():  # 2026-02-30, 25:00
        rows, value = _first_bad(raw, bad, frame)
        raise UploadError("bad_timestamp", f"{column} must be date-times, got {value!r} in row {rows[0]}",
                          column=column, rows=rows, value=value)
    return parsed.astype("datetime64[us]")


def parse_timestamps(frame: pd.DataFrame, column: str) -> pd.Series:
    """Column ``column`` as datetime64[ns], or :class:`UploadError` naming the rows.

    Problems: ``missing_value``, ``bad_timestamp``, ``date_out_of_range``,
    ``mixed_date_order``, ``mixed_timezones``. Notes (ambiguous day/month order, a
    dropped time zone) are added to ``frame.attrs["ccskills_notes"]``.

    >>> frame = pd.DataFrame({"t": ["2026年3月2日 08:15", "2026.3.2", "13/02/2026 8:00"]})
    >>> [f"{t:%Y-%m-%d %H:%M}" for t in parse_timestamps(frame, "t")]
    ['2026-03-02 08:15', '2026-03-02 00:00', '2026-02-13 08:00']
    """
    raw = frame[column].astype(str).str.strip()
    empty = raw == ""
    if empty.any():
        rows = _rows(empty, frame)
        raise UploadError("missing_value", f"{column} must not be empty, got an empty cell in row {rows[0]}",
                          column=column, rows=rows)
    parsed = pd.to_datetime(raw, format="%Y-%m-%d %H:%M:%S", errors="coerce").astype("datetime64[us]")
    slow = parsed.isna()  # every spelling but the committed files' one goes through the patterns
    if slow.any():
        parsed = parsed.where(~slow, _patterns(frame, column, raw, slow))
    _check_years(frame, column, raw, parsed.dt.year)
    return parsed.astype("datetime64[ns]").rename(column)
