"""Numerical building blocks for the Erlang formulas, safe at tens of thousands of agents.

Nothing here uses factorials or powers of the load: the Poisson probability
``e^{-m} m^x / Γ(x+1)`` is evaluated in log space through Loader's deviance
``bd0`` and Stirling's error term, which keep full relative precision where the
naive ``x ln m − m − ln Γ(x+1)`` would cancel away ten digits at x ≈ 50,000.

References
----------
C. Loader, "Fast and Accurate Computation of Binomial Probabilities", 2000
(the ``bd0`` and ``stirlerr`` functions of R's nmath library).
"""

from __future__ import annotations

import numpy as np
from scipy import special

_HALF_LOG_2PI = 0.5 * np.log(2.0 * np.pi)
_TINY = 1e-280  # below this a regularised incomplete gamma is treated as underflowed


def stirlerr(x: np.ndarray) -> np.ndarray:
    """ln Γ(x+1) − [(x + ½) ln x − x + ½ ln 2π], the error of Stirling's formula (x > 0)."""
    x = np.asarray(x, dtype=float)
    out = np.empty_like(x)
    big = x > 15.0
    xb = x[big]
    inv2 = 1.0 / (xb * xb)
    # Asymptotic series: 1/12x − 1/360x³ + 1/1260x⁵ − 1/1680x⁷ (error < 1e-17 for x > 15).
    out[big] = (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 / 1680))) / xb
    xs = x[~big]
    out[~big] = special.gammaln(xs + 1.0) - ((xs + 0.5) * np.log(xs) - xs + _HALF_LOG_2PI)
    return out


def bd0(x: np.ndarray, m: np.ndarray) -> np.ndarray:
    """Deviance ``x ln(x/m) + m − x`` (≥ 0), accurate when x ≈ m (Loader 2000); x, m > 0."""
    x, m = np.broadcast_arrays(np.asarray(x, float), np.asarray(m, float))
    with np.errstate(over="ignore", under="ignore", divide="ignore"):
        ratio = x / m
        # x / m beyond the float range (a subnormal load): ln x − ln m has every digit there
        log_ratio = np.where((ratio > 0) & np.isfinite(ratio), np.log(ratio), np.log(x) - np.log(m))
    out = x * log_ratio + m - x
    near = np.abs(x - m) < 0.1 * (x + m)
    if near.any():
        xn, mn = x[near], m[near]
        v = (xn - mn) / (xn + mn)
        s = (xn - mn) * v
        ej = 2.0 * xn * v
        v2 = v * v
        for j in range(1, 40):  # |v| < 0.1 so the terms fall by 100× per step
            ej = ej * v2
            s1 = s + ej / (2 * j + 1)
            if np.all(s1 == s):
                break
            s = s1
        out = out.copy()
        out[near] = s
    return out


def log_poisson_pmf(x, m) -> np.ndarray:
    """ln(e^{-m} m^x / Γ(x+1)) for real x ≥ 0 and m ≥ 0, without cancellation."""
    x, m = np.broadcast_arrays(np.asarray(x, float), np.asarray(m, float))
    out = np.empty(x.shape)
    pos = (x > 0) & (m > 0)
    xp, mp = x[pos], m[pos]
    out[pos] = -bd0(xp, mp) - 0.5 * np.log(2.0 * np.pi * xp) - stirlerr(xp)
    out[(x == 0)] = -m[(x == 0)]
    out[(x > 0) & (m == 0)] = -np.inf
    return out


def poisson_tail_series(x, z, *, weighted: bool = False, block: int = 512):
    """Σ_{j≥1} t_j (and Σ j·t_j) with t_j = Π_{k=1..j} z/(x+k), summed to full precision.

    This is A(x, z) − 1 for the Erlang-A function A(x, z) = Σ_{j≥0} t_j
    (Garnett, Mandelbaum & Reiman 2002). Terms are built a block at a time with
    ``cumprod`` so the loop runs over blocks, not terms. Meant for z < x, where the
    terms fall at least geometrically; returns ``(s0, s1)`` arrays (s1 only if
    ``weighted``, else None).
    """
    x, z = np.broadcast_arrays(np.asarray(x, float), np.asarray(z, float))
    x, z = x.ravel(), z.ravel()
    s0, s1 = np.zeros_like(x), np.zeros_like(x)
    last = np.ones_like(x)
    active = np.arange(x.size)
    k0 = 0
    while active.size:
        k = np.arange(k0 + 1, k0 + block + 1, dtype=float)
        terms = last[active, None] * np.cumprod(z[active, None] / (x[active, None] + k), axis=1)
        s0[active] += terms.sum(axis=1)
        if weighted:
            s1[active] += terms @ k
        last[active] = terms[:, -1]
        done = (last[active] <= 1e-17 * s0[active]) | (last[active] == 0)
        active = active[~done]
        k0 += block
    return s0, (s1 if weighted else None)
