"""Tests of ccskills.forecasting.call_weighted_aht against hand arithmetic and a plain loop."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ccskills.forecasting import call_weighted_aht

IDX = pd.DatetimeIndex(["2026-03-02 09:00", "2026-03-02 09:30", "2026-03-03 09:00",
                        "2026-03-09 09:00", "2026-03-09 09:30"])
CALLS = pd.Series([100.0, 300, 50, 0, 20], index=IDX)
AHT = pd.Series([200.0, 240, 300, np.nan, 180], index=IDX)


def test_worked_example_per_day_week_and_whole():
    # Mon 2: (100 × 200 + 300 × 240) / 400 = 92,000 / 400 = 230 s; Tue 3: 300 s;
    # Mon 9: the slot with no calls (and no AHT) weighs nothing, 20 × 180 / 20 = 180 s
    daily = call_weighted_aht(CALLS, AHT)
    assert daily.index.tolist() == [pd.Timestamp("2026-03-02"), pd.Timestamp("2026-03-03"),
                                    pd.Timestamp("2026-03-09")]
    assert daily.tolist() == pytest.approx([230.0, 300.0, 180.0])
    # week of Mon 2: (92,000 + 15,000) / 450; week of Mon 9: 180 s
    weekly = call_weighted_aht(CALLS, AHT, "W")
    assert weekly.index.tolist() == [pd.Timestamp("2026-03-02"), pd.Timestamp("2026-03-09")]
    assert weekly.tolist() == pytest.approx([107_000 / 450, 180.0])
    # all: (107,000 + 3,600) / 470
    assert call_weighted_aht(CALLS, AHT, None) == pytest.approx(110_600 / 470)


def test_a_scalar_aht_is_itself_and_a_day_without_calls_is_nan():
    assert call_weighted_aht(CALLS, 210).tolist() == pytest.approx([210.0] * 3)
    quiet = pd.Series([0.0, 0.0], index=IDX[:2])
    assert math.isnan(call_weighted_aht(quiet, 200.0).iloc[0])
    assert math.isnan(call_weighted_aht(quiet, 200.0, None))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 200), st.floats(30, 900)), min_size=1, max_size=30))
def test_equals_a_plain_loop(rows):
    idx = pd.date_range("2026-03-02", periods=len(rows), freq="7h")
    calls = pd.Series([float(c) for c, _ in rows], index=idx)
    aht = pd.Series([a for _, a in rows], index=idx)
    got = call_weighted_aht(calls, aht)
    for day, value in got.items():
        num = den = 0.0
        for t, (c, a) in zip(idx, rows):
            if t.normalize() == day:
                num, den = num + c * a, den + c
        if den == 0:
            assert math.isnan(value)
        else:
            assert value == pytest.approx(num / den)


@pytest.mark.parametrize("calls, aht, freq, error, name", [
    ([1.0, 2.0], 200, "D", TypeError, "calls"),
    (CALLS.set_axis(range(5)), 200, "D", TypeError, "calls"),
    (CALLS * -1, 200, "D", ValueError, "calls"),
    (CALLS, AHT.iloc[:3], "D", ValueError, "aht"),
    (CALLS, -5, "D", ValueError, "aht"),
    (CALLS, "200", "D", TypeError, "aht"),
    (CALLS, None, "D", TypeError, "aht"),
    (CALLS, 200, "fortnightly", ValueError, "freq"),
])
def test_bad_input_names_the_parameter(calls, aht, freq, error, name):
    with pytest.raises(error, match=name):
        call_weighted_aht(calls, aht, freq)
