"""(b) Erlang A service level at 1,000 agents, against pyworkforce's ErlangA where it exists.

pyworkforce added ErlangA in 0.5.2; the newest release on the package registry here is
0.5.1, which has ErlangC only. When ErlangA is missing this script says so and checks
ccskills against an independent brute force instead: the M/M/N+M birth–death chain with
a tagged caller absorbed into served/abandoned, solved by a matrix exponential.
"""

from __future__ import annotations

import math
import time

import numpy as np
from _common import best_of
from scipy.linalg import expm
from scipy.special import logsumexp

import ccskills

N, LOAD, AHT, PATIENCE, T = 1000, 1000.0, 300.0, 300.0, 20.0


def brute_service_level(n, a, aht, patience, t):
    """Answered within t / offered for M/M/N+M, by the truncated chain and expm."""
    lam, mu, th = a / aht, 1 / aht, 1 / patience
    size = n + int(a * patience / aht + 40 * math.sqrt(a + n) + 200)
    k = np.arange(1, size + 1)
    logp = np.concatenate([[0.0], np.cumsum(np.log(lam) - np.log(np.minimum(k, n) * mu + np.maximum(k - n, 0) * th))])
    p = np.exp(logp - logsumexp(logp))
    ahead = p[n:]
    m = min(ahead.size, int(np.searchsorted(np.cumsum(ahead), ahead.sum() * (1 - 1e-15))) + 2)
    r = n * mu + np.arange(m) * th
    q = np.zeros((m + 2, m + 2))
    for j in range(m):
        q[j, j - 1 if j else m], q[j, m + 1], q[j, j] = r[j], th, -(r[j] + th)
    return p[:n].sum() + (ahead[:m] * expm(q * t)[:m, m]).sum()


def main():
    t_cc, ours = best_of(lambda: ccskills.erlang_a(N, LOAD, AHT, PATIENCE, T).service_level)
    print(f"(b) Erlang A service level, N = {N}, load {LOAD:.0f} Erl, AHT {AHT:.0f} s, patience {PATIENCE:.0f} s, t = {T:.0f} s")
    print(f"    ccskills    {t_cc * 1e3:8.2f} ms  SL = {ours:.12f}")
    try:
        from pyworkforce.queuing import ErlangA
    except ImportError:
        import pyworkforce
        print(f"    pyworkforce {getattr(pyworkforce, '__version__', '?')} installed: no ErlangA (added in 0.5.2,"
              " not on the registry); comparing with a brute-force chain instead")
        start = time.perf_counter()
        ref = brute_service_level(N, LOAD, AHT, PATIENCE, T)
        t_ref = time.perf_counter() - start
        print(f"    brute force {t_ref * 1e3:8.2f} ms  SL = {ref:.12f}  |diff| = {abs(ref - ours):.1e}")
        return {"ccskills_s": t_cc, "reference": "brute force", "abs_diff": abs(ref - ours)}
    peer = ErlangA(transactions=LOAD * 1800 / AHT, aht=AHT / 60, asa=T / 60, interval=30, patience=PATIENCE / 60)
    t_pw, theirs = best_of(lambda: peer.service_level(N), repeats=1)
    print(f"    pyworkforce {t_pw * 1e3:8.2f} ms  SL = {theirs:.12f}  ratio {t_pw / t_cc:.0f}×  |diff| = {abs(theirs - ours):.1e}")
    return {"ccskills_s": t_cc, "pyworkforce_s": t_pw, "abs_diff": abs(theirs - ours)}


if __name__ == "__main__":
    main()
