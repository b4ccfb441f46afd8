"""Tests of ccskills.queueing against independent references.

References: mpmath at 50 digits (Erlang B as A^N e^{-A} / Γ(N+1, A)), the classical
Erlang-B recursion, a brute-force M/M/N+M birth–death chain with a tagged-customer
computation, a discrete-event simulation, and published worked examples.
"""

import math

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.linalg import expm
from scipy.special import logsumexp

from ccskills.queueing import (
    agents_for_asa,
    agents_for_service_level,
    average_speed_of_answer,
    erlang_a,
    erlang_b,
    erlang_c,
    occupancy,
    offered_load,
    service_level,
)

mp.mp.dps = 50


# ---------------------------------------------------------------- references
def mp_erlang_b(n, a):
    """B(x, A) = A^x e^{-A} / Γ(x+1, A) (upper incomplete gamma), exact in mpmath."""
    n, a = mp.mpf(n), mp.mpf(a)
    return mp.exp(n * mp.log(a) - a) / mp.gammainc(n + 1, a)


def mp_erlang_c(n, a):
    b = mp_erlang_b(n, a)
    return n * b / (n - a + a * b)


def recursion_b(n, a):
    """The textbook recursion B(k) = A·B(k−1) / (k + A·B(k−1))."""
    b = 1.0
    for k in range(1, n + 1):
        b = a * b / (k + a * b)
    return b


def rel_err(value, ref):
    """Relative error; below the double range (< 1e-300) underflow to ~0 counts as exact."""
    if abs(ref) < mp.mpf("1e-300"):
        return 0.0 if abs(value) < 1e-300 else 1.0
    return float(abs((mp.mpf(value) - ref) / ref))


GRID = [(n, n * r) for n in (1, 3, 10, 50, 200, 1000, 3000, 8000)
        for r in (0.05, 0.3, 0.7, 0.9, 0.97, 0.995, 1.0, 1.02, 1.3, 3.0)]


# ---------------------------------------------------------------- Erlang B / C
@pytest.mark.parametrize("n,a", GRID)
def test_erlang_b_matches_mpmath(n, a):
    """Erlang B to 1e-11 relative against 50-digit mpmath, up to thousands of agents."""
    ref = mp_erlang_b(n, a)
    assert rel_err(erlang_b(n, a), ref) < 1e-11


@pytest.mark.parametrize("n,a", [(20000, 19500.0), (50000, 49000.0), (50000, 50000.0), (50000, 60000.0)])
def test_erlang_b_large_agent_counts(n, a):
    """No factorials, no overflow: 50,000 agents still agree with mpmath to 1e-10."""
    assert rel_err(erlang_b(n, a), mp_erlang_b(n, a)) < 1e-10


def test_erlang_b_equals_recursion_at_integers():
    for n in range(0, 60):
        for a in (0.3, 5.0, 37.5, 80.0):
            assert erlang_b(n, a) == pytest.approx(recursion_b(n, a), rel=1e-12)


@pytest.mark.parametrize("x,a", [(13.5, 10.0), (0.5, 3.0), (100.3, 120.0), (4999.5, 4990.2), (2.5, 900.0)])
def test_erlang_b_fractional_agents(x, a):
    """The continuous extension through the incomplete gamma function (Jagerman 1974)."""
    assert rel_err(erlang_b(x, a), mp_erlang_b(x, a)) < 1e-11


def test_erlang_b_published_values():
    """B(1,1) = 1/2, B(2,1) = 1/5 (closed form); Erlang-B table: 10 lines, 1 % → 4.461 Erl."""
    assert erlang_b(1, 1.0) == pytest.approx(0.5, rel=1e-15)
    assert erlang_b(2, 1.0) == pytest.approx(0.2, rel=1e-15)
    assert erlang_b(10, 4.461) == pytest.approx(0.01, abs=5e-6)


@pytest.mark.parametrize("n,a", [g for g in GRID if g[0] > g[1]])
def test_erlang_c_sl_asa_match_mpmath(n, a):
    """C, SL = 1 − C e^{−(N−A)t/AHT} and ASA = C·AHT/(N−A), all against mpmath."""
    aht, t = 240.0, 20.0
    c = mp_erlang_c(mp.mpf(n), mp.mpf(a))
    assert rel_err(erlang_c(n, a), c) < 1e-10
    sl = 1 - c * mp.exp(-(n - mp.mpf(a)) * t / aht)
    assert rel_err(service_level(n, a, aht, t), sl) < 1e-10
    if c > mp.mpf("1e-300"):
        assert rel_err(average_speed_of_answer(n, a, aht), c * aht / (n - mp.mpf(a))) < 1e-10


def test_unstable_queue_documented_values():
    """Agents ≤ load: every call waits, nobody is answered in time, ASA is infinite."""
    assert erlang_c(10, 10.0) == 1.0 and erlang_c(8, 10.0) == 1.0
    assert service_level(10, 10.0, 180, 20) == 0.0
    assert average_speed_of_answer(9, 10.0, 180) == math.inf
    assert occupancy(8, 10.0) == 1.0


def test_zero_load():
    assert erlang_b(3, 0.0) == 0.0 and erlang_b(0, 0.0) == 1.0
    assert erlang_c(3, 0.0) == 0.0
    assert service_level(3, 0.0, 180, 20) == 1.0
    assert average_speed_of_answer(3, 0.0, 180) == 0.0
    assert agents_for_service_level(0.0, 180, 20, 0.8) == 0


def test_callcentrehelper_worked_example():
    """100 calls in 30 min, AHT 3 min, 80/20 (callcentrehelper.com; pyworkforce's tests):
    14 agents, P(wait) 0.174, SL 88.8 %, occupancy 71.4 %; with max occupancy 70 %: 15
    agents, SL 94.1 %, P(wait) 0.102."""
    load = offered_load(100, 180, 1800)
    assert load == 10.0
    assert agents_for_service_level(load, 180, 20, 0.8) == 14
    assert round(erlang_c(14, load), 3) == 0.174
    assert round(service_level(14, load, 180, 20), 3) == 0.888
    assert round(occupancy(14, load), 3) == 0.714
    assert agents_for_service_level(load, 180, 20, 0.8, max_occupancy=0.7) == 15
    assert round(service_level(15, load, 180, 20), 3) == 0.941
    assert round(erlang_c(15, load), 3) == 0.102


def test_scalars_give_python_numbers_and_arrays_broadcast():
    assert type(erlang_c(14, 10.0)) is float
    assert type(agents_for_service_level(10.0, 180, 20, 0.8)) is int
    loads = np.array([[5.0, 10.0], [20.0, 40.0]])
    out = agents_for_service_level(loads, 180, 20, 0.8)
    assert out.shape == (2, 2) and out.dtype.kind == "i"
    assert out[0, 1] == 14
    sl = service_level(np.arange(11, 20), 10.0, 180, [[20], [30]])
    assert sl.shape == (2, 9)


# ---------------------------------------------------------------- staffing
def brute_min_agents(load, aht, t, target, max_occ=1.0):
    """Scan N upward from 1 with the mpmath reference until SL and occupancy are met."""
    n = 1
    while True:
        if n > load:
            c = mp_erlang_c(mp.mpf(n), mp.mpf(load))
            sl = 1 - c * mp.exp(-(n - mp.mpf(load)) * t / aht)
            if sl >= target and load / n <= max_occ:
                return n
        n += 1


@pytest.mark.parametrize("load,aht,t,target,occ", [
    (0.4, 300, 20, 0.8, 1.0), (2.7, 240, 15, 0.9, 1.0), (10.0, 180, 20, 0.8, 0.85),
    (47.3, 420, 30, 0.8, 1.0), (133.0, 300, 60, 0.95, 0.9), (612.5, 280, 20, 0.8, 1.0),
])
def test_agents_for_service_level_equals_brute_force(load, aht, t, target, occ):
    assert agents_for_service_level(load, aht, t, target, max_occupancy=occ) == \
        brute_min_agents(load, aht, t, target, occ)


def test_occupancy_cap_is_immune_to_round_off():
    """A/occ = 8.5/0.85 is 10.000000000000002 in floating point; 10 agents give exactly 85 %."""
    assert agents_for_service_level(8.5, 30, 600, 0.01, max_occupancy=0.85) == 10


def test_year_of_intervals_vectorised_equals_scalar_calls():
    rng = np.random.default_rng(7)
    loads = rng.uniform(0.1, 800, 400)
    ahts = rng.uniform(120, 600, 400)
    vec = agents_for_service_level(loads, ahts, 20, 0.8)
    assert all(vec[i] == agents_for_service_level(loads[i], ahts[i], 20, 0.8) for i in range(0, 400, 37))
    sl_at = service_level(vec, loads, ahts, 20)
    sl_below = service_level(np.maximum(vec - 1, 1), loads, ahts, 20)
    assert np.all(sl_at >= 0.8) and np.all(sl_below < 0.8)


def test_agents_for_asa():
    """ASA at 12 agents (A = 10, AHT 180 s) is 40.4 s and at 13 is 17.1 s, by the closed form."""
    c12, c13 = mp_erlang_c(mp.mpf(12), mp.mpf(10)), mp_erlang_c(mp.mpf(13), mp.mpf(10))
    assert 20 < c12 * 180 / 2 and c13 * 180 / 3 <= 20
    assert agents_for_asa(10.0, 180, 20) == 13
    assert agents_for_asa(10.0, 180, 20, max_occupancy=0.7) == 15


@settings(max_examples=60, deadline=None)
@given(load=st.floats(0.05, 2000), aht=st.floats(30, 1200), t=st.floats(0, 120),
       target=st.floats(0.05, 0.99))
def test_staffing_is_the_smallest_meeting_the_target(load, aht, t, target):
    n = agents_for_service_level(load, aht, t, target)
    assert service_level(n, load, aht, t) >= target
    if n > 1:
        assert service_level(n - 1, load, aht, t) < target


@settings(max_examples=60, deadline=None)
@given(n=st.integers(1, 3000), load=st.floats(0.01, 3000))
def test_monotonicity_in_agents_and_load(n, load):
    assert erlang_b(n + 1, load) <= erlang_b(n, load)
    assert erlang_b(n, load * 1.01) >= erlang_b(n, load)
    assert erlang_c(n + 1, load) <= erlang_c(n, load)
    assert service_level(n + 1, load, 300, 20) >= service_level(n, load, 300, 20)
    assert average_speed_of_answer(n + 1, load, 300) <= average_speed_of_answer(n, load, 300)


# ---------------------------------------------------------------- Erlang A
def brute_erlang_a(n, a, aht, patience, t):
    """M/M/N+M by brute force: truncated birth–death chain in log space, then the tagged
    customer who finds k callers ahead moves through stages of rate Nμ + iθ (i = k..0),
    each completing before his own abandonment (rate θ) with probability r/(r+θ).
    Returns (P(wait), P(abandon), SL offered, ASA answered, occupancy, mean wait of all)."""
    lam, mu, th = a / aht, 1 / aht, 1 / patience
    kmax = int(a * patience / aht + 40 * math.sqrt(a * patience / aht + n) + 200)
    size = n + kmax
    death = np.minimum(np.arange(1, size + 1), n) * mu + np.maximum(np.arange(1, size + 1) - n, 0) * th
    logp = np.concatenate([[0.0], np.cumsum(np.log(lam) - np.log(death))])
    p = np.exp(logp - logsumexp(logp))
    ahead = p[n:]  # arrivals finding k = 0, 1, ... callers waiting ahead (PASTA)
    k = np.arange(ahead.size)
    r = n * mu + k * th
    log_stage = np.log(r / (r + th))
    served = np.exp(np.cumsum(log_stage))             # P(served | k ahead)
    mean_time = np.cumsum(1 / (r + th))               # E[time | served, k ahead]
    p_wait = ahead.sum()
    p_ab = p_wait - (ahead * served).sum()
    asa = (ahead * served * mean_time).sum() / (1 - p_ab)
    lq = (p[n:] * k).sum()
    busy = (p * np.minimum(np.arange(p.size), n)).sum()
    # SL: absorbing chain over "callers ahead" with exit to served / abandoned, over time t.
    m = min(ahead.size, int(np.searchsorted(np.cumsum(ahead), p_wait * (1 - 1e-15))) + 2)
    q = np.zeros((m + 2, m + 2))
    for j in range(m):
        q[j, j - 1 if j else m] = r[j]                # next stage, or served (state m)
        q[j, m + 1] = th                              # own abandonment (state m + 1)
        q[j, j] = -(r[j] + th)
    within = expm(q * t)[:m, m]
    sl = p[:n].sum() + (ahead[:m] * within).sum()
    return p_wait, p_ab, sl, asa, busy / n, lq / lam  # mean wait by Little: Lq / λ


ERLANG_A_CASES = [
    (14, 10.0, 180, 300, 20),     # pyworkforce's test scenario
    (5, 8.0, 300, 60, 20),        # overloaded
    (50, 80.0, 200, 30, 10),      # heavily overloaded, short patience
    (100, 95.0, 300, 1500, 20),
    (1, 0.5, 100, 50, 5),
    (300, 250.0, 300, 18000, 20),  # long patience, over-staffed: the cancelling case
    (1000, 1000.0, 300, 300, 20),
]


@pytest.mark.parametrize("n,a,aht,patience,t", ERLANG_A_CASES)
def test_erlang_a_against_brute_force_chain(n, a, aht, patience, t):
    p_wait, p_ab, sl, asa, occ, mean_wait = brute_erlang_a(n, a, aht, patience, t)
    r = erlang_a(n, a, aht, patience, t)
    assert r.p_wait == pytest.approx(p_wait, rel=1e-9)
    assert r.p_abandon == pytest.approx(p_ab, rel=1e-7, abs=1e-15)
    assert r.service_level == pytest.approx(sl, rel=1e-8)
    assert r.asa == pytest.approx(asa, rel=1e-7)
    assert r.mean_wait == pytest.approx(mean_wait, rel=1e-7, abs=1e-12)  # Little: E[W] = Lq / λ
    assert r.occupancy == pytest.approx(occ, rel=1e-9)  # busy agents = λ(1 − Pab)·AHT
    assert r.service_level_answered == pytest.approx(sl / (1 - p_ab), rel=1e-8)


def test_erlang_a_pyworkforce_reference_values():
    """pyworkforce test_abandonment.py, N = 14 (transactions 100/30 min, AHT 3, patience 5 min):
    Pw 0.14526, Pab 0.013984, occupancy 0.704297, ASA(all) 0.069919 min, SL 0.916792."""
    r = erlang_a(14, 10.0, 180, 300, 20)
    assert round(r.p_wait, 5) == 0.14526
    assert round(r.p_abandon, 6) == 0.013984
    assert round(r.occupancy, 6) == 0.704297
    assert round(r.mean_wait / 60, 6) == 0.069919
    assert round(r.service_level, 6) == 0.916792


def mp_p_abandon_given_wait(n, a, patience_over_aht):
    """P(Ab | W>0) = Σ j t_j / (y Σ t_j), t_j = Π_{k≤j} y/(x+k), in 50-digit mpmath."""
    x, y = mp.mpf(n) * patience_over_aht, mp.mpf(a) * patience_over_aht
    t, s0, s1, j = mp.mpf(1), mp.mpf(1), mp.mpf(0), 0
    while t > mp.mpf("1e-40") * s0:
        j += 1
        t *= y / (x + j)
        s0 += t
        s1 += j * t
    return s1 / (y * s0)


def test_erlang_a_cancellation_reference_value():
    """N = 300, R = 250, patience 60·AHT: P(Ab | W>0) = 3.3212175034e-4 (erlang.md, mpmath)."""
    assert float(mp_p_abandon_given_wait(300, 250.0, 60)) == pytest.approx(3.3212175034e-4, rel=1e-10)


@pytest.mark.parametrize("n,a", [(300, 250.0), (300, 290.0), (50, 30.0)])
@pytest.mark.parametrize("patience_over_aht", [60, 600, 6000, 60000])
def test_erlang_a_long_patience_does_not_cancel(n, a, patience_over_aht):
    """Over-staffed with long patience, 1/(ρA) + 1 − 1/ρ cancels (up to 2e-10 lost here);
    the library must stay at double precision."""
    r = erlang_a(n, a, 300.0, patience_over_aht * 300.0, 20)
    exact = mp_p_abandon_given_wait(n, a, patience_over_aht)
    assert rel_err(r.p_abandon / r.p_wait, exact) < 1e-13


def test_erlang_a_tends_to_erlang_c():
    """As patience → ∞ Erlang A becomes Erlang C; patience = inf is Erlang C exactly."""
    c, sl, asa = erlang_c(14, 10.0), service_level(14, 10.0, 180, 20), average_speed_of_answer(14, 10.0, 180)
    r = erlang_a(14, 10.0, 180, 1e8, 20)
    assert r.p_wait == pytest.approx(c, rel=1e-5) and r.service_level == pytest.approx(sl, rel=1e-5)
    assert r.asa == pytest.approx(asa, rel=1e-4)
    exact = erlang_a(14, 10.0, 180, math.inf, 20)
    assert (exact.p_wait, exact.p_abandon, exact.service_level, exact.asa) == (c, 0.0, sl, asa)


def test_erlang_a_fewer_agents_than_load():
    """The queue is stable with abandonment: λ = 100/min, AHT 3 min, patience 5 min, 80/20
    needs 294 agents (SL 0.8165) although the load is 300 Erlangs (erlang.md §1.1)."""
    assert agents_for_service_level(300.0, 180, 20, 0.8, patience=300) == 294
    assert round(erlang_a(294, 300.0, 180, 300, 20).service_level, 4) == 0.8165
    r = erlang_a(8, 10.0, 180, 60, 20)
    assert 0 < r.p_abandon < 1 and math.isfinite(r.asa)


@settings(max_examples=25, deadline=None)
@given(load=st.floats(0.2, 400), patience=st.floats(10, 2000), target=st.floats(0.3, 0.95),
       max_ab=st.one_of(st.none(), st.floats(0.01, 0.3)))
def test_erlang_a_staffing_is_smallest(load, patience, target, max_ab):
    def meets(n):
        r = erlang_a(n, load, 240, patience, 20)
        return r.service_level >= target and (max_ab is None or r.p_abandon <= max_ab)
    n = agents_for_service_level(load, 240, 20, target, patience=patience, max_abandon=max_ab)
    assert meets(n)
    assert n == 1 or not meets(n - 1)


@pytest.mark.parametrize("load,aht,patience,target", [
    (10.0, 180, 120, 20), (4.0, 300, 60, 10), (95.0, 240, 300, 15), (300.0, 180, 300, 30)])
def test_agents_for_asa_with_patience_is_smallest(load, aht, patience, target):
    """Erlang A: ASA of answered calls (checked against the brute-force chain above) ≤ target
    at the answer and not one agent below; may need fewer agents than Erlang C."""
    n = agents_for_asa(load, aht, target, patience=patience)
    assert erlang_a(n, load, aht, patience, 20).asa <= target
    assert n == 1 or erlang_a(n - 1, load, aht, patience, 20).asa > target
    assert n <= agents_for_asa(load, aht, target)


@settings(max_examples=40, deadline=None)
@given(n=st.integers(1, 500), load=st.floats(0.1, 600), patience=st.floats(5, 5000))
def test_erlang_a_monotone_in_agents(n, load, patience):
    lo, hi = erlang_a(n, load, 240, patience, 20), erlang_a(n + 1, load, 240, patience, 20)
    assert hi.service_level >= lo.service_level - 1e-12
    assert hi.p_abandon <= lo.p_abandon + 1e-15
    assert hi.p_wait <= lo.p_wait + 1e-15


def simulate_mmn_m(n, lam, aht, patience, t, calls, seed):
    """FCFS M/M/N+M by simulation: a caller starts service at max(arrival, first free
    agent) unless that is later than arrival + patience, in which case he abandons."""
    rng = np.random.default_rng(seed)
    arrivals = np.cumsum(rng.exponential(1 / lam, calls))
    patience_draws = rng.exponential(patience, calls)
    service = rng.exponential(aht, calls)
    free = np.zeros(n)
    waits, abandoned = np.empty(calls), np.zeros(calls, bool)
    for i in range(calls):
        j = free.argmin()
        start = max(arrivals[i], free[j])
        waits[i] = start - arrivals[i]
        if waits[i] > patience_draws[i]:
            abandoned[i], waits[i] = True, patience_draws[i]
        else:
            free[j] = start + service[i]
    keep = slice(calls // 10, None)  # drop the warm-up
    return (~abandoned[keep] & (waits[keep] <= t)).mean(), abandoned[keep].mean()


def test_erlang_a_against_simulation():
    """Simulated M/M/20+M (λ = 1/12 s, AHT 216 s, patience 120 s) agrees within 4 standard errors."""
    sl_sim, ab_sim = simulate_mmn_m(20, 1 / 12, 216, 120, 20, 200_000, seed=20261123)
    r = erlang_a(20, 18.0, 216, 120, 20)
    # Spread of this estimator over 8 independent seeds at this run length: SL 0.0036, abandon 0.0013.
    assert abs(sl_sim - r.service_level) < 4 * 0.0036
    assert abs(ab_sim - r.p_abandon) < 4 * 0.0013


# ---------------------------------------------------------------- validation
@pytest.mark.parametrize("call,message", [
    (lambda: offered_load(-1, 180, 1800), "calls must be zero or a positive number, got -1"),
    (lambda: offered_load(100, 0, 1800), "aht must be a positive number, got 0"),
    (lambda: service_level(10, 5, 180, -1), "answer_time must be zero or a positive number, got -1"),
    (lambda: erlang_c(0, 5), "agents must be a positive number, got 0"),
    (lambda: erlang_b([3, -2], 5), "agents must be zero or a positive number, got -2.0"),
    (lambda: agents_for_service_level(10, 180, 20, 1.0), r"target must be a fraction in \(0, 1\), got 1.0"),
    (lambda: agents_for_service_level(10, 180, 20, 0.8, max_occupancy=0),
     r"max_occupancy must be a fraction in \(0, 1\], got 0"),
    (lambda: agents_for_service_level(10, 180, 20, 0.8, max_abandon=0.05), "max_abandon needs patience"),
    (lambda: erlang_a(10, 5, 180, 0, 20), "patience must be a positive number, got 0"),
    (lambda: erlang_c(float("nan"), 5), "agents must not be NaN"),
])
def test_bad_input_names_the_parameter(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_text_input_is_a_type_error():
    with pytest.raises(TypeError, match="load must be a number or an array of numbers, got 'ten'"):
        erlang_c(10, "ten")


# ---------------------------------------------------------------- the verified range (issue 9)
from ccskills.queueing import agents_for_abandonment  # noqa: E402
from ccskills.queueing._limits import MAX_AGENTS, MAX_LOAD, MAX_PATIENCE_RATIO  # noqa: E402
from queue_reference import mp_answered, mp_erlang_a  # noqa: E402


@pytest.mark.parametrize("n,a", [(MAX_AGENTS, MAX_LOAD), (1_001_000, MAX_LOAD), (1_000_000, MAX_LOAD), (1_000_000.5, 999_996.75),
                                 (999_000, MAX_LOAD), (10, MAX_LOAD), (0.5, MAX_LOAD), (1e-6, 5.0), (1e-6, 1e-300)])
def test_erlang_b_is_exact_at_the_limits(n, a):
    """The limits are where the formulas were verified: ≤ 2e-15 relative against 50-digit mpmath."""
    assert rel_err(erlang_b(n, a), mp_erlang_b(n, a)) < 1e-13


@pytest.mark.parametrize("n,a,ratio", [(14, 10.0, 1e-6), (14, 10.0, 1e6), (1000, 990.0, 1e6),
                                       (1_000_000, MAX_LOAD, 1e-6), (1e-3, 1e-3, 1e-6), (1e-3, 1e-3, 1e6),
                                       (5, MAX_LOAD, 1e-6)])
def test_erlang_a_is_exact_at_the_patience_limits(n, a, ratio):
    """Patience from AHT / 10⁶ to 10⁶ × AHT: P(wait), P(abandon) and SL against 60-digit mpmath."""
    aht = 180.0
    t = 1e4 if a > 100 * n else 20.0
    r = erlang_a(n, a, aht, ratio * aht, t)
    p_wait, p_ab, sl = mp_erlang_a(n, a, aht, ratio * aht, t)
    assert r.p_wait == pytest.approx(p_wait, rel=1e-12)
    assert r.p_abandon == pytest.approx(p_ab, rel=1e-12)
    assert r.service_level == pytest.approx(sl, rel=1e-10, abs=1e-15)


@pytest.mark.parametrize("call, match", [
    (lambda: erlang_b(5, MAX_LOAD * 1.000001), "load must be at most 1,000,000 Erlangs"),
    (lambda: erlang_c(MAX_AGENTS + 1, 5.0), "agents must be at most 2,000,000"),
    (lambda: erlang_a(10, 8.0, 180, 180 * MAX_PATIENCE_RATIO * 1.01, 20), "patience must be at most"),
    (lambda: erlang_a(10, 8.0, 180, 180 / MAX_PATIENCE_RATIO / 1.01, 20), "patience must be at least"),
    (lambda: agents_for_service_level(2.0 ** 53, 180, 20, 0.8), "load must be at most"),
    (lambda: agents_for_asa(1e17, 180, 20), "load must be at most"),
    (lambda: offered_load(1e17, 180, 1800), "calls must be at most"),
    (lambda: offered_load([1.0, 1e17], 180, 1800), r"calls must be at most .*got 1e\+17"),
    (lambda: agents_for_service_level(10.0, 180, 20, 0.8, max_occupancy=1e-300), "max_occupancy must be at least"),
    (lambda: agents_for_abandonment(1e6, 180, 180, 0.05, max_occupancy=0.4), "max_abandon must be reachable"),
])
def test_inputs_beyond_the_verified_range_are_refused_up_front(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_limits_are_inclusive():
    assert 0 < erlang_c(MAX_AGENTS, MAX_LOAD) < 1e-300 or erlang_c(MAX_AGENTS, MAX_LOAD) == 0.0
    assert offered_load(MAX_LOAD, 1, 1) == MAX_LOAD
    assert erlang_a(10, 8.0, 180, 180 * MAX_PATIENCE_RATIO, 20).p_wait > 0


def _first_meeting(asa_of, target, start):
    n = start
    while asa_of(n) > target:
        n += 1
    return n


def test_asa_search_is_exact_far_below_the_float_range():
    """ASA ≤ 5e-324 s at AHT 1e300 s needs C ≈ 1e-600, far below doubles: the search carries
    Erlang B as mantissa × 2^exponent. Reference: 50-digit mpmath Erlang C, scanned upward."""
    w, aht = mp.mpf("5e-324"), mp.mpf("1e300")
    small = _first_meeting(lambda n: mp_erlang_c(n, mp.mpf("1e-300")) * aht / (n - mp.mpf("1e-300")), w, 1)
    assert agents_for_asa(1e-300, 1e300, 5e-324) == small == 3
    found = agents_for_asa(1e6, 1e300, 1e-300)
    asa = lambda n: mp_erlang_c(n, mp.mpf(10) ** 6) * aht / (n - mp.mpf(10) ** 6)  # noqa: E731
    assert asa(found) <= mp.mpf("1e-300") < asa(found - 1)


def test_erlang_c_search_at_the_largest_load_is_exact():
    """At 1,000,000 Erlangs, 80/20: the answer meets the target and one fewer does not (mpmath)."""
    found = agents_for_service_level(MAX_LOAD, 180, 20, 0.8)
    sl = lambda n: 1 - mp_erlang_c(n, MAX_LOAD) * mp.exp(-(n - MAX_LOAD) * 20 / mp.mpf(180))  # noqa: E731
    assert sl(found) >= 0.8 > sl(found - 1)


@pytest.mark.parametrize("n,a,ratio", [(1e-6, 1e6, 1.0), (1e-6, 1e6, 1e-6), (0.5, 1e6, 1e-6), (14, 10.0, 300 / 180)])
def test_answered_share_keeps_its_digits_when_almost_everyone_abandons(n, a, ratio):
    """Occupancy = load × (1 − P(abandon)) / agents: at P(abandon) = 1 − 1e-12 the answered share
    is computed without subtracting from 1 (it lost 4 digits that way). Reference: 80-digit mpmath."""
    r = erlang_a(n, a, 180, 180 * ratio, 20)
    answered = mp_answered(n, a, 180, 180 * ratio)
    assert r.occupancy == pytest.approx(min(a * answered / n, 1.0), rel=1e-10)
    assert 0.0 <= r.service_level_answered <= 1.0 and r.asa >= 0


def test_service_level_of_answered_calls_never_exceeds_one():
    """SL / (1 − P(abandon)) at P(abandon) ≈ 1 − 1e-5 loses digits to round-off; it is kept ≤ 1."""
    r = erlang_a(1e-6, 1e-6, 180, 180e-6, 20)
    assert 0.0 <= r.service_level_answered <= 1.0
