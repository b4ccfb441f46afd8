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
