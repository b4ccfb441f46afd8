"""Independent queueing references for the tests: textbook Erlang C in exact rationals and the
M/M/N+M (Erlang A) birth–death chain, written from the formulas, not from ccskills."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np


def ref_erlang_c(n: int, load: float) -> float:
    """Erlang C from the textbook sum, exact in rationals (load given as a decimal)."""
    a = Fraction(load).limit_denominator(10**9)
    terms = [a**k / math.factorial(k) for k in range(n)]
    last = a**n / math.factorial(n) * n / (n - a)
    return float(last / (sum(terms) + last))


def ref_service_level(n, load, aht, t):
    """Erlang C service level: 1 − C(n, A)·exp(−(n − A)·t / AHT); 0 when n ≤ A."""
    if n <= load:
        return 0.0
    return 1.0 - ref_erlang_c(n, load) * math.exp(-(n - load) * t / aht)


def ref_asa(n, load, aht):
    """Erlang C average speed of answer: C(n, A)·AHT / (n − A); infinite when n ≤ A."""
    return ref_erlang_c(n, load) * aht / (n - load) if n > load else math.inf


def ref_mmnm(n: int, load: float, aht: float, patience: float) -> dict[str, float]:
    """P(wait), abandonment rate and occupancy of M/M/N+M from its birth–death chain (60 σ)."""
    lam, mu, theta = load / aht, 1 / aht, 1 / patience
    top = int(n + load + 60 * math.sqrt(load + 1) + 60 * patience / aht + 200)
    p = [1.0]
    for k in range(1, top):
        p.append(p[-1] * lam / (min(k, n) * mu + max(k - n, 0) * theta))
    p = np.array(p) / sum(p)
    k = np.arange(p.size)
    queue = (np.maximum(k - n, 0) * p).sum()
    busy = (np.minimum(k, n) * p).sum()
    return {"p_wait": p[n:].sum(), "abandon_rate": theta * queue / lam, "occupancy": busy / n}


def mp_erlang_a(n, load, aht, patience, t, digits: int = 60) -> tuple[float, float, float]:
    """(P(wait), P(abandon), SL answered within t / offered) of M/M/N+M in ``digits``-digit mpmath.

    The closed forms of Garnett, Mandelbaum & Reiman (2002) through the lower incomplete gamma
    γ(x, y), x = Nμ/θ, y = λ/θ: A = x e^y y^{-x} γ(x, y), P(wait) = A·E_B / (1 + (A − 1)·E_B),
    P(Ab | wait) = 1/(ρA) + 1 − 1/ρ, and SL = 1 − P(wait) + P(wait)·(x/y)·[P(x+1, y) −
    P(x+1, y e^{−θt})] / P(x, y) with P the regularised γ (erlang.md §2.3). At 60 digits the
    cancellations that the library avoids with series cost nothing.
    """
    import mpmath as mp

    with mp.workdps(digits):
        n, a, aht, patience, t = (mp.mpf(v) for v in (n, load, aht, patience, t))
        x, y = n * patience / aht, a * patience / aht
        reg = lambda s, z: mp.gammainc(s, 0, z, regularized=True)  # noqa: E731
        big_a = x * mp.exp(y) * y ** (-x) * mp.gammainc(x, 0, y)
        e_b = mp.exp(n * mp.log(a) - a) / mp.gammainc(n + 1, a)
        p_wait = big_a * e_b / (1 + (big_a - 1) * e_b)
        rho = y / x
        p_ab = (1 / (rho * big_a) + 1 - 1 / rho) * p_wait
        s = mp.exp(-t / patience)
        sl = 1 - p_wait + p_wait * (x / y) * (reg(x + 1, y) - reg(x + 1, y * s)) / reg(x, y)
        return float(p_wait), float(p_ab), float(sl)


def mp_answered(n, load, aht, patience, digits: int = 80) -> float:
    """1 − P(abandon) of M/M/N+M, the closed form of :func:`mp_erlang_a` at ``digits`` digits,
    subtracted in mpmath so that an answered share of 1e-12 keeps every digit."""
    import mpmath as mp

    with mp.workdps(digits):
        n, a, aht, patience = (mp.mpf(v) for v in (n, load, aht, patience))
        x, y = n * patience / aht, a * patience / aht
        big_a = x * mp.exp(y) * y ** (-x) * mp.gammainc(x, 0, y)
        e_b = mp.exp(n * mp.log(a) - a) / mp.gammainc(n + 1, a)
        p_wait = big_a * e_b / (1 + (big_a - 1) * e_b)
        rho = y / x
        return float(1 - (1 / (rho * big_a) + 1 - 1 / rho) * p_wait)
