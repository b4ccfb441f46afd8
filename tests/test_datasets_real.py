"""Tests for the real public series (datasets/real/, ccskills.datasets.real).

Every reference value is recomputed here from the raw gzip CSV with plain pandas; the facts about the
sources come from their documentation: fpp3's help page for bank_calls ("weekdays between 7:00am and
9:05pm … (164 days)") and the UK bank holidays of 2010–2011 published on gov.uk.
"""

from __future__ import annotations

import gzip

import pandas as pd
import pytest

from ccskills.datasets import data_dir, real

FOLDER = data_dir() / "real"


def raw(name: str) -> pd.DataFrame:
    """The committed file read independently of the loader."""
    with gzip.open(FOLDER / real.SOURCES[name].file, "rt", encoding="utf-8") as handle:
        frame = pd.read_csv(handle)
    frame["timestamp"] = pd.to_datetime(frame["timestamp"])
    return frame


@pytest.mark.parametrize("name", real.NAMES)
def test_load_matches_the_raw_file(name):
    frame, series = raw(name), real.load(name)
    column = real.SOURCES[name].column
    assert series.name == column and str(series.dtype) == "int64"
    assert isinstance(series.index, pd.DatetimeIndex) and series.index.is_monotonic_increasing
    assert len(series) == len(frame)
    assert int(series.sum()) == int(frame[column].sum())
    assert (series.index == pd.DatetimeIndex(frame["timestamp"])).all()
    steps = frame.groupby(frame["timestamp"].dt.normalize())["timestamp"].diff().dropna()
    assert set(steps) == {real.SOURCES[name].interval}  # slots within a day are contiguous


@pytest.mark.parametrize("name", real.NAMES)
def test_describe_agrees_with_the_data(name):
    table = real.describe()
    assert list(table.index) == list(real.NAMES)
    row = table.loc[name]
    assert row["country"] in {"US", "GB"} and row["licence"] and row["citation"] and row["source"]
    series = real.load(name)
    assert series.index.to_series().diff().min() == row["interval"]


def test_bank_calls_is_fpp3s_shape():
    frame = raw("bank_calls")
    days = frame.groupby(frame["timestamp"].dt.normalize())
    assert days.ngroups == 164
    assert (days.size() == 169).all()  # 07:00, 07:05, …, 21:00
    times = frame["timestamp"].dt.strftime("%H:%M")
    assert times.min() == "07:00" and times.max() == "21:00"
    assert (frame["timestamp"].dt.day_of_week < 5).all()
    missing = pd.bdate_range("2003-03-03", "2003-10-24").difference(pd.DatetimeIndex(list(days.groups)))
    assert {"2003-05-26", "2003-07-04", "2003-09-01"} <= set(missing.strftime("%Y-%m-%d"))
    assert days.size()[pd.Timestamp("2003-10-13")] == 169  # Columbus Day, a federal holiday: open


def test_online_retail_is_closed_on_uk_bank_holidays_and_saturdays():
    frame = raw("online_retail_orders")
    days = set(frame["timestamp"].dt.normalize().dt.strftime("%Y-%m-%d"))
    bank_holidays = ["2010-04-02", "2010-04-05", "2010-05-03", "2010-05-31", "2010-08-30", "2010-12-27",
                     "2010-12-28", "2011-01-03", "2011-04-22", "2011-04-25", "2011-04-29", "2011-05-02",
                     "2011-05-30", "2011-08-29"]
    assert days.isdisjoint(bank_holidays)
    assert not (frame["timestamp"].dt.day_of_week == 5).any()
    assert {"2010-12-24", "2010-12-25"}.isdisjoint(days) and "2010-12-23" in days
    assert (frame["orders"] == 0).any()  # quiet open slots are rows with 0, not missing rows
    sundays = frame[frame["timestamp"].dt.day_of_week == 6]
    assert sundays["timestamp"].dt.strftime("%H:%M").min() == "10:00"


def test_folder_is_small_and_documented():
    assert sum(p.stat().st_size for p in FOLDER.iterdir() if p.is_file()) < 1_000_000
    text = (FOLDER / "README.md").read_text(encoding="utf-8")
    for spec in real.SOURCES.values():
        assert spec.file in text
    assert "CC BY 4.0" in text and "GPL-3" in text


def test_unknown_name_is_named():
    with pytest.raises(ValueError, match=r"name must be one of 'bank_calls', 'online_retail_orders', got 'calls'"):
        real.load("calls")


@pytest.mark.parametrize("body, message", [
    ("timestamp,calls\n2003-03-03 07:00:00,1\n2003-03-03 07:02:00,2\n", "grid"),
    ("timestamp,calls\n2003-03-03 07:05:00,1\n2003-03-03 07:00:00,2\n", "increasing"),
    ("timestamp,calls\n2003-03-03 07:00:00,-1\n", "whole counts"),
    ("timestamp,calls\n2003-03-03 07:00:00,1.5\n", "whole counts"),
    ("when,calls\n2003-03-03 07:00:00,1\n", "columns"),
])
def test_a_damaged_file_is_refused(tmp_path, monkeypatch, body, message):
    (tmp_path / "real").mkdir()
    with gzip.open(tmp_path / "real" / real.SOURCES["bank_calls"].file, "wt", encoding="utf-8") as handle:
        handle.write(body)
    monkeypatch.setattr(real, "data_dir", lambda: tmp_path)
    with pytest.raises(ValueError, match=message):
        real.load("bank_calls")
