"""Tests of the chapter-02 staffing helpers: economies of scale, pooling, AHT savings, FTE.

Reference: Erlang C written out from its textbook definition in exact rational
arithmetic (``fractions.Fraction``: C = (A^N/N!·N/(N−A)) / (Σ_{k<N} A^k/k! +
A^N/N!·N/(N−A))), the service level 1 − C·e^{−(N−A)t/AHT} and ASA C·AHT/(N−A),
and a plain upward search for the fewest agents, with no code shared with
``ccskills.queueing``. Hand-worked figures are stated where used.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from queue_reference import ref_asa, ref_service_level

from ccskills.staffing import (
    AhtSaving,
    PoolingEffect,
    aht_reduction_saving,
    full_time_equivalents,
    pooling_effect,
    staffing_by_load,
)


# ---------------------------------------------------------------- reference
def ref_agents(load, aht, t=20, target=0.8):
    """Fewest whole agents with service level ≥ target: search up from ⌊A⌋ + 1."""
    if load == 0:
        return 0
    n = math.floor(load) + 1
    while ref_service_level(n, load, aht, t) < target:
        n += 1
    return n


def ref_required(calls, aht, interval, t=20, target=0.8):
    return ref_agents(calls * aht / interval, aht, t, target)


# ---------------------------------------------------------------- staffing_by_load
def test_staffing_by_load_matches_reference_row_by_row():
    loads = [2.5, 5, 10, 20, 40, 80]
    table = staffing_by_load(loads, 300)
    assert list(table.index) == loads
    for load, row in table.iterrows():
        n = ref_agents(load, 300)
        assert row["agents"] == n
        assert row["agents_per_erlang"] == pytest.approx(n / load)
        assert row["occupancy"] == pytest.approx(load / n)
        assert row["service_level"] == pytest.approx(ref_service_level(n, load, 300, 20), rel=1e-9)
        assert row["asa_s"] == pytest.approx(ref_asa(n, load, 300), rel=1e-9)


def test_staffing_by_load_shows_economies_of_scale():
    """Agents per Erlang fall and occupancy rises as the load grows (same 80/20 target)."""
    table = staffing_by_load([5, 10, 20, 40, 80, 160], 300)
    assert table["agents_per_erlang"].is_monotonic_decreasing
    assert table["occupancy"].is_monotonic_increasing


def test_staffing_by_load_occupancy_cap():
    """At 160 Erlangs 80/20 alone runs above 90 % occupancy; a cap of 85 % needs ⌈160/0.85⌉ = 189."""
    capped = staffing_by_load([160], 300, max_occupancy=0.85)
    assert capped["agents"].iloc[0] == 189
    assert capped["occupancy"].iloc[0] <= 0.85


def test_staffing_by_load_rejects_zero_load():
    with pytest.raises(ValueError, match="loads must be a positive number, got 0"):
        staffing_by_load([0, 10], 300)


# ---------------------------------------------------------------- pooling_effect
def test_pooling_two_equal_queues_hand_example():
    """Two queues of 100 calls × 180 s / 1800 s = 10 Erlangs: 14 + 14 apart; 20 Erlangs merged: 24."""
    assert ref_agents(10, 180) == 14 and ref_agents(20, 180) == 24
    assert pooling_effect([100, 100], 180, 1800) == PoolingEffect(28, 24, 4)


def test_pooling_uses_call_weighted_aht_and_keeps_the_index():
    """Merged load = Σ calls·AHT / interval; the pooled AHT is the call-weighted mean."""
    index = pd.date_range("2026-03-02 10:00", periods=3, freq="15min")
    calls = pd.DataFrame({"presales": [20, 12, 0], "aftersales": [30, 18, 0]}, index=index)
    aht = pd.DataFrame({"presales": [200, 210, 200], "aftersales": [380, 360, 380]}, index=index)
    effect = pooling_effect(calls, aht, 900)
    for i in range(3):
        c, h = calls.iloc[i], aht.iloc[i]
        separate = sum(ref_required(c[q], h[q], 900) for q in calls)
        total = c.sum()
        pooled = ref_required(total, (c * h).sum() / total, 900) if total else 0
        assert effect.separate.iloc[i] == separate
        assert effect.pooled.iloc[i] == pooled
        assert effect.saved.iloc[i] == separate - pooled
    assert effect.saved.index.equals(index) and effect.saved.name == "saved"


@settings(max_examples=40, deadline=None)
@given(calls=st.lists(st.integers(0, 300), min_size=2, max_size=4),
       aht=st.integers(60, 600))
def test_pooling_never_costs_agents_when_aht_is_shared(calls, aht):
    """Erlang C staffing is subadditive in the load: merging never needs more agents."""
    effect = pooling_effect(calls, aht, 1800)
    assert effect.saved >= 0
    assert effect.pooled == ref_required(sum(calls), aht, 1800)


def test_pooling_rejects_bad_aht():
    with pytest.raises(ValueError, match="aht must be a positive number, got 0"):
        pooling_effect([10, 10], [180, 0], 900)


# ---------------------------------------------------------------- full_time_equivalents
def test_fte_closed_form():
    """248 working days × 8 h = 1,984 paid hours a year is one FTE (China from 2025: 365 − 104
    weekend days − 13 public holidays); with 30 % shrinkage 1,984 h on the phones need 1/0.7."""
    assert full_time_equivalents(2 * 248 * 8) == 2.0
    assert full_time_equivalents(1984, shrinkage=0.3) == pytest.approx(1 / 0.7)
    assert full_time_equivalents(1000, hours_per_fte=1000) == 1.0


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"staff_hours": -1}, "staff_hours must be zero or a positive number, got -1"),
    ({"staff_hours": 1, "shrinkage": 1.0}, r"shrinkage must be a fraction in \[0, 1\), got 1.0"),
    ({"staff_hours": 1, "hours_per_fte": 0}, "hours_per_fte must be a positive number, got 0"),
])
def test_fte_rejects_bad_input(kwargs, message):
    with pytest.raises(ValueError, match=message):
        full_time_equivalents(**kwargs)


# ---------------------------------------------------------------- aht_reduction_saving
def test_aht_saving_against_reference_on_a_day_of_intervals():
    """A day of 15-minute intervals: every figure rebuilt from the reference staffing."""
    rng = np.random.default_rng(20260301)
    calls = pd.Series(rng.integers(5, 40, size=56).astype(float))
    aht = pd.Series(rng.choice([200.0, 210.0, 360.0, 380.0], size=56))
    saving = aht_reduction_saving(calls, aht, 900, 10, period_days=1, shrinkage=0.3)
    now = [ref_required(c, h, 900) for c, h in zip(calls, aht)]
    reduced = [ref_required(c, h - 10, 900) for c, h in zip(calls, aht)]
    assert isinstance(saving, AhtSaving)
    assert saving.agents_now.tolist() == now
    assert saving.agents_reduced.tolist() == reduced
    assert saving.agents_saved.tolist() == [a - b for a, b in zip(now, reduced)]
    hours = sum(now[i] - reduced[i] for i in range(56)) * 0.25
    assert saving.staff_hours_saved == pytest.approx(hours)
    assert saving.staff_hours_saved_per_year == pytest.approx(hours * 365)
    assert saving.fte_saved_per_year == pytest.approx(hours * 365 / (1984 * 0.7))


def test_aht_saving_zero_reduction_saves_nothing():
    saving = aht_reduction_saving([100, 50], [180, 240], 1800, 0, period_days=31)
    assert saving.staff_hours_saved == 0.0 and saving.fte_saved_per_year == 0.0


def test_aht_saving_grows_with_the_cut_and_tracks_the_workload():
    """Large centre (133 Erlangs): each extra second saves more, and about one agent-hour per
    hour of workload removed (marginal agents per Erlang ≈ 1 at scale), within 15 %."""
    calls = np.full(200, 400.0)  # 400 calls per 15 min × 300 s / 900 s = 133.3 Erlangs
    hours = [aht_reduction_saving(calls, 300.0, 900, cut, period_days=1).staff_hours_saved
             for cut in (5, 10, 20)]
    assert hours[0] < hours[1] < hours[2]
    workload_hours = calls.sum() * 10 / 3600  # 222.2 h of handle time removed
    assert hours[1] == pytest.approx(workload_hours, rel=0.15)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"aht_reduction": 200}, "aht - aht_reduction must be a positive number, got 0.0"),
    ({"aht_reduction": -5}, "aht_reduction must be zero or a positive number, got -5"),
    ({"aht_reduction": 10, "period_days": 0}, "period_days must be a positive number, got 0"),
])
def test_aht_saving_rejects_bad_input(kwargs, message):
    kwargs.setdefault("period_days", 31)
    with pytest.raises(ValueError, match=message):
        aht_reduction_saving([100], [200], 900, **kwargs)


def test_asa_target_with_patience_uses_erlang_a():
    # callers who abandon shorten the queue: fewer agents meet the same ASA than under Erlang C
    from ccskills.queueing import agents_for_asa, erlang_a
    from ccskills.staffing import required_agents

    calls, aht, interval, asa, patience = 300, 240, 1800, 15, 60
    load = calls * aht / interval
    n = required_agents(calls, aht, interval, target_asa=asa, patience=patience)
    assert n == agents_for_asa(load, aht, asa, patience=patience)
    assert n < required_agents(calls, aht, interval, target_asa=asa)
    assert erlang_a(n, load, aht, patience, 20).asa <= asa < erlang_a(n - 1, load, aht, patience, 20).asa


# ---------------------------------------------------------------- no overflow, no silent inf (issue 9)
def test_scheduled_headcount_is_exact_or_refused():
    """The issue's case gave −9223372036854775808 (int64 overflow); now the bound says why.
    Reference for the largest exact case: the ceiling in exact rationals of the float inputs."""
    from fractions import Fraction

    from ccskills.staffing import scheduled_headcount

    with pytest.raises(ValueError, match=r"agents must be at most 2,000,000, got 1e\+19"):
        scheduled_headcount(1e19, 0.3)
    with pytest.raises(ValueError, match=r"shrinkage must be below 1 − agents / 2\*\*53"):
        scheduled_headcount(2e6, 1 - 1e-16)
    with pytest.raises(ValueError, match=r"shrinkage must be below .*got 0\.99999999999"):
        scheduled_headcount([14, 2e6], [0.3, 1 - 1e-11])
    exact = math.ceil(Fraction(2_000_000) / (1 - Fraction(0.999999)))
    assert scheduled_headcount(2e6, 0.999999) == exact == 1_999_999_999_943
    assert scheduled_headcount([14, 100], 0.4).tolist() == [24, 167]  # ⌈14 / 0.6⌉, ⌈166.7⌉


def test_hours_and_fte_never_overflow_silently():
    from ccskills.staffing import agent_hours

    with pytest.raises(ValueError, match="agents must be small enough"):
        agent_hours(2e6, 1e308)
    with pytest.raises(ValueError, match="staff_hours must be small enough"):
        full_time_equivalents([1.0, 1e308], hours_per_fte=1e-300)
    with pytest.raises(ValueError, match="loads must be at most 1,000,000 Erlangs"):
        staffing_by_load([10.0, 1e17], 180)


def test_required_agents_refuses_a_load_beyond_the_range_instead_of_looping():
    """2**53 Erlangs once looped forever (2**53 + 1 == 2**53 in floats)."""
    from ccskills.staffing import required_agents

    with pytest.raises(ValueError, match="calls must be at most"):
        required_agents(2.0 ** 53, 1800, 1800)
    with pytest.raises(ValueError, match="calls must be at most"):
        required_agents([100, 2.0 ** 53], 180, 1800, target_asa=20)
