"""Erlang B and Erlang C (M/M/N/N and M/M/N): blocking, waiting, service level, ASA.

All durations are in seconds and loads in Erlangs; every function broadcasts over
numpy arrays and returns a Python float when all inputs are scalars.
"""

from __future__ import annotations

import numpy as np
from scipy import special

from ccskills._validation import check_at_most, check_nonnegative, check_positive
from ccskills.queueing._limits import MAX_LOAD, MIN_LOAD, check_agents, check_load
from ccskills.queueing._special import _TINY, log_poisson_pmf

__all__ = [
    "offered_load",
    "erlang_b",
    "erlang_c",
    "service_level",
    "average_speed_of_answer",
    "occupancy",
]


def _out(arr: np.ndarray):
    """A Python float for 0-d results, the array otherwise."""
    arr = np.asarray(arr, dtype=float)
    return float(arr) if arr.ndim == 0 else arr


def offered_load(calls, aht, interval):
    """Offered load in Erlangs: ``calls × aht / interval``.

    Parameters
    ----------
    calls : float or array
        Calls offered in the interval (≥ 0).
    aht : float or array
        Average handle time in seconds (> 0).
    interval : float or array
        Interval length in seconds (> 0), e.g. 1800 for half an hour.

    The load must come out 0 or from 1e-300 to 1,000,000 Erlangs (the range the Erlang
    formulas are verified for); outside it ``ValueError`` names ``calls``.

    Examples
    --------
    >>> offered_load(100, 180, 1800)
    10.0
    """
    c = check_nonnegative("calls", calls)
    h = check_positive("aht", aht)
    t = check_positive("interval", interval)
    with np.errstate(over="ignore"):
        load = c * h / t
    shown = np.broadcast_to(c, load.shape) if load.ndim else calls
    check_at_most("calls", shown, MAX_LOAD,
                  f"at most {MAX_LOAD:,.0f} × interval / aht (an offered load of {MAX_LOAD:,.0f} Erlangs)",
                  mask=load)
    check_at_most("calls", shown, 0.0, f"0 or at least {MIN_LOAD:g} × interval / aht (an offered load "
                  f"of {MIN_LOAD:g} Erlangs)",
                  mask=np.where((load > 0) & (load < MIN_LOAD), 1.0, 0.0))
    return _out(load)


def _erlang_b_overload(x: np.ndarray, a: np.ndarray, complement: bool = False) -> np.ndarray:
    """Erlang B in overload via 1/B = Σ_j Π_{i<j} (x−i)/a.

    Exact and fast for integer x < a (the series terminates and its terms fall by at
    least x/a per step). For fractional x it is an asymptotic series, used only where
    Q(x+1, a) underflows (a ≫ x); it is cut at its smallest term, far below 1e-17.
    The sum past its first term, S, is kept apart: B = 1/(1 + S) and, with ``complement``,
    1 − B = S/(1 + S) without cancellation.
    """
    rest = np.zeros_like(x)
    term = np.ones_like(x)
    active = np.arange(x.size)
    j = 0
    while active.size:
        ks = np.arange(j, j + 256, dtype=float)
        terms = term[active, None] * np.cumprod((x[active, None] - ks) / a[active, None], axis=1)
        growing = np.abs(x[active, None] - ks) > a[active, None]  # past the smallest term
        terms[np.cumsum(growing, axis=1) > 0] = 0.0
        rest[active] += terms.sum(axis=1)
        term[active] = terms[:, -1]
        done = (np.abs(term[active]) <= 1e-17 * np.abs(1.0 + rest[active])) | growing[:, -1]
        active = active[~done]
        j += 256
    return (rest if complement else 1.0) / (1.0 + rest)


def _erlang_b(n: np.ndarray, a: np.ndarray) -> np.ndarray:
    """Erlang B for validated float arrays (n ≥ 0 real, a ≥ 0), same shape."""
    n, a = np.broadcast_arrays(n, a)
    out = np.ones(n.shape)
    work = (n > 0) & (a > 0)
    out[(n > 0) & (a == 0)] = 0.0
    nw, aw = n[work], a[work]
    q = special.gammaincc(nw + 1.0, aw)  # P(Poisson(a) ≤ n) at integers
    b = np.empty_like(nw)
    # Well into overload the series is exact and fast for whole numbers of agents.
    ok = (q > _TINY) & ((nw >= 0.9 * aw) | (nw != np.floor(nw)))
    b[ok] = np.exp(log_poisson_pmf(nw[ok], aw[ok]) - np.log(q[ok]))
    if (~ok).any():
        b[~ok] = _erlang_b_overload(nw[~ok], aw[~ok])
    out[work] = np.minimum(b, 1.0)
    return out


def _erlang_b_complement(n: np.ndarray, a: np.ndarray) -> np.ndarray:
    """1 − B(N, A) for validated arrays, without cancellation where B is near 1 (N ≪ A, N < 1).

    There 1 − B = Q(N, A) / Q(N+1, A) (regularised upper incomplete gamma, by Q(s+1, A) =
    Q(s, A) + A^s e^{−A}/Γ(s+1)), or the overload series' S/(1 + S) where Q underflows.
    """
    n, a = np.broadcast_arrays(n, a)
    out = 1.0 - _erlang_b(n, a)
    near = np.flatnonzero((out < 0.5) & (n > 0) & (a > 0))
    q1 = special.gammaincc(n[near] + 1.0, a[near])
    fine = q1 > _TINY
    out[near[fine]] = special.gammaincc(n[near[fine]], a[near[fine]]) / q1[fine]
    out[near[~fine]] = _erlang_b_overload(n[near[~fine]], a[near[~fine]], complement=True)
    return out


def erlang_b(agents, load):
    """Erlang B blocking probability of an M/M/N/N loss system.

    ``B(N, A) = (A^N / N!) / Σ_{k≤N} A^k / k!``, evaluated as the ratio of the Poisson
    probability to the Poisson distribution function (both in log space), which is the
    continuous extension ``A^x e^{-A} / Γ(x+1, A)`` for fractional ``agents`` (Jagerman
    1974) and equals the classical recursion ``B(n) = A·B(n−1) / (n + A·B(n−1))`` at
    integers.

    Parameters
    ----------
    agents : float or array
        Number of servers: 0, or 1e-6 ≤ N ≤ 2,000,000 (may be fractional).
    load : float or array
        Offered load in Erlangs: 0, or 1e-300 ≤ A ≤ 1,000,000.

    Returns
    -------
    float or ndarray
        Probability that an arriving call finds every server busy.

    Examples
    --------
    >>> round(erlang_b(2, 1), 12)  # (1/2) / (1 + 1 + 1/2)
    0.2
    >>> round(erlang_b(13, 10.0), 7)
    0.0843389
    """
    n = check_agents(agents, allow_zero=True)
    a = check_load(load)
    return _out(_erlang_b(*np.broadcast_arrays(n, a)))


def _c_from_b(n, a, b):
    """Erlang C from Erlang B at the same N > A: C = N·B / (N − A + A·B).

    That is N·B / (N − A(1 − B)) written to avoid cancellation as ρ → 1.
    """
    return n * b / (n - a + a * b)


def _sl_from_c(n, a, c, aht, t):
    """Service level from P(wait) = C (N > A): 1 − C·exp(−(N − A)·t / AHT).

    t / AHT may overflow to inf (AHT 1e-300 s): exp(−inf) = 0 is then the exact limit.
    """
    with np.errstate(over="ignore"):
        return 1.0 - c * np.exp(-(n - a) * t / aht)


def _asa_from_c(n, a, c, aht):
    """ASA in seconds from P(wait) = C (N > A): C·AHT / (N − A) (inf beyond the float range)."""
    with np.errstate(over="ignore"):
        return c * aht / (n - a)


def _erlang_c(n: np.ndarray, a: np.ndarray) -> np.ndarray:
    """Erlang C for validated arrays; 1 where n ≤ a (unstable queue)."""
    n, a = np.broadcast_arrays(n, a)
    b = _erlang_b(n, a)
    stable = n > a
    c = np.ones(n.shape)
    c[stable] = _c_from_b(n[stable], a[stable], b[stable])
    return c


def erlang_c(agents, load):
    """Erlang C: probability that a call has to wait (M/M/N, no abandonment).

    ``C(N, A) = N·B(N, A) / (N − A + A·B(N, A))`` for N > A, and 1.0 when N ≤ A
    (the queue grows without bound, so every call waits).

    Parameters
    ----------
    agents : float or array
        Number of agents, 1e-6 ≤ N ≤ 2,000,000 (may be fractional).
    load : float or array
        Offered load in Erlangs: 0, or 1e-300 ≤ A ≤ 1,000,000.

    Examples
    --------
    >>> round(erlang_c(14, 10.0), 4)  # 100 calls / 30 min, AHT 180 s
    0.1741
    >>> erlang_c(10, 10.0)
    1.0
    """
    n = check_agents(agents)
    a = check_load(load)
    return _out(_erlang_c(n, a))


def _service_level(n, a, aht, t):
    n, a, aht, t = np.broadcast_arrays(n, a, aht, t)
    c = _erlang_c(n, a)
    stable = n > a
    sl = np.zeros(n.shape)
    sl[stable] = _sl_from_c(n[stable], a[stable], c[stable], aht[stable], t[stable])
    return sl


def service_level(agents, load, aht, answer_time):
    """Fraction of offered calls answered within ``answer_time`` seconds (Erlang C).

    ``SL = 1 − C(N, A)·exp(−(N − A)·t / AHT)`` for N > A, and 0.0 when N ≤ A.

    Parameters
    ----------
    agents : float or array
        Number of agents, 1e-6 ≤ N ≤ 2,000,000 (may be fractional).
    load : float or array
        Offered load in Erlangs: 0, or 1e-300 ≤ A ≤ 1,000,000.
    aht : float or array
        Average handle time in seconds (> 0).
    answer_time : float or array
        Service-level threshold t in seconds (≥ 0), e.g. 20 for "80/20".

    Examples
    --------
    >>> round(service_level(14, 10.0, 180, 20), 3)  # callcentrehelper.com worked example: 88.8 %
    0.888
    """
    n = check_agents(agents)
    a = check_load(load)
    h = check_positive("aht", aht)
    t = check_nonnegative("answer_time", answer_time)
    return _out(_service_level(n, a, h, t))


def _asa(n, a, aht):
    n, a, aht = np.broadcast_arrays(n, a, aht)
    c = _erlang_c(n, a)
    stable = n > a
    out = np.full(n.shape, np.inf)
    out[stable] = _asa_from_c(n[stable], a[stable], c[stable], aht[stable])
    return out


def average_speed_of_answer(agents, load, aht):
    """ASA: mean wait in seconds over all calls (Erlang C); inf when N ≤ A.

    ``ASA = C(N, A)·AHT / (N − A)``. Calls answered at once count with zero wait.
    Agents and load as in :func:`erlang_c`, AHT in seconds (> 0). Also inf where the
    mean wait is beyond the largest float (≈ 1.8e308 s, e.g. AHT 1e300 s at N − A = 1e-10).

    Examples
    --------
    >>> round(average_speed_of_answer(14, 10.0, 180), 1)  # 0.1741 × 180 / (14 − 10)
    7.8
    >>> average_speed_of_answer(9, 10.0, 180)
    inf
    """
    n = check_agents(agents)
    a = check_load(load)
    h = check_positive("aht", aht)
    return _out(_asa(n, a, h))


def occupancy(agents, load):
    """Agent occupancy ``min(A / N, 1)``: the share of logged-in time spent handling calls.

    Examples
    --------
    >>> round(occupancy(14, 10.0), 4)
    0.7143
    >>> occupancy(8, 10.0)
    1.0
    """
    n = check_agents(agents)
    a = check_load(load)
    return _out(np.minimum(a / n, 1.0))
