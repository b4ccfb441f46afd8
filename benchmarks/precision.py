"""(c) Largest relative error of ccskills against 50-digit mpmath over a grid to 50,000 agents.

Erlang B as A^N e^{-A} / Γ(N+1, A); Erlang C, service level and ASA from it; Erlang A's
P(wait) and P(abandon) from the incomplete-gamma closed forms with the series for
P(Ab | W>0), all evaluated in mpmath. Values below the double range (< 1e-300) must
underflow to zero. Target: max relative error ≤ 1e-10.
"""

from __future__ import annotations

import mpmath as mp

import ccskills

mp.mp.dps = 50
AGENTS = (1, 2, 5, 10, 30, 100, 300, 1000, 3000, 10000, 30000, 50000)
RATIOS = (0.05, 0.3, 0.6, 0.8, 0.9, 0.95, 0.98, 0.995, 1.0, 1.005, 1.02, 1.1, 1.5, 3.0)
AHT, T = 300, 20


def mp_b(n, a):
    return mp.exp(n * mp.log(a) - a) / mp.gammainc(n + 1, a)


def mp_erlang_a(n, a, pat_over_aht):
    """P(W>0) and P(Ab) for M/M/N+M (Garnett–Mandelbaum–Reiman 2002) in mpmath."""
    x, y = n * pat_over_aht, a * pat_over_aht
    if y <= x:  # A(x, y) = Σ_j Π_{k≤j} y/(x+k): terms fall
        big_a, term, j = mp.mpf(1), mp.mpf(1), 0
        while term > mp.mpf("1e-45") * big_a:
            j += 1
            term *= y / (x + j)
            big_a += term
    else:  # A = x e^y y^{-x} (Γ(x) − Γ(x, y)), no cancellation when y > x
        big_a = x * mp.exp(y - x * mp.log(y)) * (mp.gamma(x) - mp.gammainc(x, y))
    eb = mp_b(n, a)
    p_wait = big_a * eb / (1 + (big_a - 1) * eb)
    p_ab_w = 1 / ((y / x) * big_a) + 1 - x / y
    return p_wait, p_wait * p_ab_w


def rel(value, ref):
    if abs(ref) < mp.mpf("1e-300"):
        return 0.0 if abs(value) < 1e-300 else 1.0
    return float(abs((mp.mpf(value) - ref) / ref))


def worst_erlang_bc():
    worst = {"erlang_b": (0.0, None), "erlang_c": (0.0, None), "service_level": (0.0, None), "asa": (0.0, None)}
    for n in AGENTS:
        for r in RATIOS:
            a = mp.mpf(n) * mp.mpf(r)
            fa = float(a)
            b = mp_b(n, a)
            errs = {"erlang_b": rel(ccskills.erlang_b(n, fa), b)}
            if n > a:
                c = n * b / (n - a + a * b)
                errs["erlang_c"] = rel(ccskills.erlang_c(n, fa), c)
                errs["service_level"] = rel(ccskills.service_level(n, fa, AHT, T), 1 - c * mp.exp(-(n - a) * T / AHT))
                errs["asa"] = rel(ccskills.average_speed_of_answer(n, fa, AHT), c * AHT / (n - a))
            for k, e in errs.items():
                if e > worst[k][0]:
                    worst[k] = (e, (n, fa))
    return worst


def worst_erlang_a():
    worst = {"erlang_a.p_wait": (0.0, None), "erlang_a.p_abandon": (0.0, None)}
    for n in (1, 10, 100, 1000, 5000):
        for r in (0.5, 0.9, 1.0, 1.1, 2.0):
            for pat in (0.1, 1.0, 10.0):
                a = mp.mpf(n) * mp.mpf(r)
                pw, pab = mp_erlang_a(mp.mpf(n), a, mp.mpf(pat))
                res = ccskills.erlang_a(n, float(a), AHT, pat * AHT, T)
                for k, v, ref in (("erlang_a.p_wait", res.p_wait, pw), ("erlang_a.p_abandon", res.p_abandon, pab)):
                    e = rel(v, ref)
                    if e > worst[k][0]:
                        worst[k] = (e, (n, float(a), pat))
    return worst


def main():
    worst = {**worst_erlang_bc(), **worst_erlang_a()}
    overall = max(e for e, _ in worst.values())
    print(f"(c) max relative error against 50-digit mpmath, agents 1–{max(AGENTS):,} (target ≤ 1e-10)")
    for k, (e, where) in worst.items():
        print(f"    {k:20s} {e:9.1e}  at {where}")
    print(f"    overall              {overall:9.1e}  {'meets' if overall <= 1e-10 else 'MISSES'} the target")
    return {"max_rel_error": overall}


if __name__ == "__main__":
    main()
