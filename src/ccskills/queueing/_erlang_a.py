"""Erlang A (M/M/N+M): Erlang C with callers who abandon after exponential patience.

Closed forms through the incomplete gamma function (Garnett, Mandelbaum & Reiman,
"Designing a call center with impatient customers", MSOM 4(3):208–227, 2002;
Mandelbaum & Zeltyn, "The Palm/Erlang-A queue", 2005), with the service-level and
answered-ASA expressions re-derived from the birth–death chain. Notation: θ = 1/patience,
μ = 1/AHT, x = Nμ/θ, y = λ/θ, ρ = y/x, and

    A(x, y) = Σ_{j≥0} Π_{k=1..j} y / (x + k) = P(x, y) / f(x, y),

with P the regularised lower incomplete gamma and f(x, y) = e^{−y} y^x / Γ(x+1).
Given that a call waits, its offered (virtual) wait V satisfies
P(V > v | wait) = γ(x, y·e^{−θv}) / γ(x, y).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from scipy import special

from ccskills._validation import check_nonnegative, check_positive
from ccskills.queueing._erlang import (_asa, _erlang_b, _erlang_b_complement, _erlang_c, _out,
                                       _service_level)
from ccskills.queueing._limits import check_agents, check_load, check_patience
from ccskills.queueing._special import _TINY, log_poisson_pmf, poisson_tail_series

__all__ = ["ErlangAResult", "erlang_a"]


def _log_a(x: np.ndarray, z: np.ndarray):
    """(ln A(x, z), A(x, z) − 1), accurate for every x > 0, z ≥ 0 (1-d arrays).

    Where the terms of the series fall fast (z well below x, or z small) or the
    incomplete gamma underflows (long patience), the series is summed directly;
    elsewhere A = P(x, z) / f(x, z) with f in log space.
    """
    log_a, am1 = np.empty_like(x), np.empty_like(x)
    series = (z < 0.5 * (x + 1.0)) | (z < 30.0)
    g = np.flatnonzero(~series)
    p = special.gammainc(x[g], z[g])
    series[g[p <= _TINY]] = True
    g, p = g[p > _TINY], p[p > _TINY]
    log_a[g] = np.log(p) - log_poisson_pmf(x[g], z[g])
    with np.errstate(over="ignore"):  # A − 1 = inf in deep overload is the right limit
        am1[g] = np.expm1(log_a[g])
    if series.any():
        s0, _ = poisson_tail_series(x[series], z[series])
        am1[series], log_a[series] = s0, np.log1p(s0)
    return log_a, am1


def _p_abandon_given_wait(x, y, log_a):
    """P(Ab | W > 0) = 1/(ρA) + 1 − 1/ρ, switching to Σ j·t_j / (y·A) where that cancels."""
    rho = y / x
    inv_a = np.exp(-log_a)
    out = (inv_a - (1.0 - rho)) / rho
    cancel = (rho < 1.0) & (out * rho < 0.1 * inv_a)  # more than one digit would cancel
    if cancel.any():
        s0, s1 = poisson_tail_series(x[cancel], y[cancel], weighted=True)
        out[cancel] = s1 / (y[cancel] * (1.0 + s0))
    return np.clip(out, 0.0, 1.0)


@dataclass(frozen=True)
class _Core:
    """The Erlang-A quantities for validated 1-d inputs with load > 0."""

    x: np.ndarray
    y: np.ndarray
    log_a: np.ndarray
    p_wait: np.ndarray
    p_abandon: np.ndarray
    p_answered: np.ndarray


def _core(n, a, aht, patience) -> _Core:
    """P(wait), P(abandon) and P(answered) = 1 − P(abandon), the last without cancellation.

    1 − P(Ab) = (1 − Pw) + Pw·(1 − P(Ab | wait)) with 1 − P(Ab | wait) = (A − 1)/(ρA), so
    that at P(abandon) = 1 − 1e-12 the answered share keeps all its digits.
    """
    ratio = patience / aht  # in [1e-6, 1e6]: the products below cannot underflow to 0 first
    x, y = n * ratio, a * ratio
    log_a, _ = _log_a(x, y)
    eb, not_eb = _erlang_b(n, a), _erlang_b_complement(n, a)
    inv_a = np.exp(-log_a)
    denom = eb + not_eb * inv_a
    p_wait = eb / denom
    given = _p_abandon_given_wait(x, y, log_a)
    served_given = np.minimum(-np.expm1(-log_a) * x / y, 1.0)  # (A − 1)/A ÷ ρ
    p_answered = not_eb * inv_a / denom + p_wait * served_given
    return _Core(x, y, log_a, p_wait, p_wait * given, np.clip(p_answered, 0.0, 1.0))


def _service_level_a(core: _Core, patience, t):
    """Answered within t / offered: 1 − Pw + Pw·(1/ρ)·[(A−1) − G·(A(x, ys) − 1)] / A."""
    x, y = core.x, core.y
    with np.errstate(over="ignore"):  # t / patience = inf (AHT 1e-300 s) gives s = 0, exact
        theta_t = t / patience
    s = np.exp(-theta_t)
    log_at, am1_t = _log_a(x, y * s)
    log_g = -x * theta_t - y * np.expm1(-theta_t)  # ln(s^x e^{y(1−s)})
    with np.errstate(divide="ignore"):
        tail = np.exp(log_g + np.log(am1_t) - core.log_a)
    head = -np.expm1(-core.log_a)  # (A − 1)/A
    sl = 1.0 - core.p_wait + core.p_wait * (x / y) * (head - tail)
    return np.clip(sl, 0.0, 1.0)


def _delayed_served_wait(x: float, y: float, log_a: float) -> float:
    """E[w·e^{−w} | wait] with w = θV, by quadrature of its density in log space."""
    peak = np.log(y / (x + 1.0)) if y > x + 1.0 else 0.0
    width = 1.0 / np.sqrt(x + 1.0) if peak > 0 else 1.0 / max(x + 1.0 - y, np.sqrt(y), 1e-12)
    lo, hi = max(0.0, peak - 40 * width), peak + 40 * width
    log_x = np.log(x)
    from scipy import integrate  # only ASA needs it; keeps a calculator's start-up short

    def integrand(w):
        return w * np.exp(log_x - (x + 1.0) * w - y * np.expm1(-w) - log_a)

    value, _ = integrate.quad(integrand, lo, hi, points=[peak] if lo < peak < hi else None,
                              epsabs=0.0, epsrel=1e-12, limit=200)
    return value


@dataclass(frozen=True)
class ErlangAResult:
    """Erlang A figures for a staffing level (floats for scalar inputs, else arrays).

    Attributes
    ----------
    p_wait : probability that a call has to wait.
    p_abandon : fraction of offered calls that abandon.
    service_level : calls answered within ``answer_time`` / calls offered.
    service_level_answered : calls answered within ``answer_time`` / calls answered (its
        absolute round-off is about 1e-16 / P(answered), so it keeps fewer digits when
        nearly every caller abandons; kept within [0, 1]).
    mean_wait : mean wait in seconds of all arrivals, abandoners' waits included
        (``P(abandon) × patience``).
    occupancy : ``load × (1 − P(abandon)) / agents``.
    asa : mean wait in seconds of *answered* calls (computed on first access, by
        quadrature, so that staffing whole tables does not pay for it); inf where
        P(abandon) rounds to 1 (no call is answered).
    """

    p_wait: object
    p_abandon: object
    service_level: object
    service_level_answered: object
    mean_wait: object
    occupancy: object
    _asa_parts: tuple = field(repr=False, compare=False)

    @cached_property
    def asa(self):
        """Mean wait in seconds of answered calls: E[V·1{served}] / P(served)."""
        shape, base, finite, core, patience = self._asa_parts
        out = base.copy()
        out[finite] = answered_asa(core, patience)
        return _out(out.reshape(shape))


def answered_asa(core: _Core, patience: np.ndarray) -> np.ndarray:
    """ASA of answered calls, Pw·patience·E[w e^{−w} | wait] / (1 − P(Ab)), row by row.

    The density's exponent is a difference of terms of size x + y = (N + A)·patience / AHT,
    so the relative accuracy is about 1e-16 × (x + y): 1e-12 for a few hundred agents, about
    1e-7 at the limits (a million agents, patience 1,000 × AHT), where quad also warns that
    its own 1e-12 target is out of reach.
    """
    values = np.where(core.p_answered > 0.0, 0.0, np.inf)  # nobody answered: inf, as ASA at N ≤ A
    for i in np.flatnonzero((core.p_wait > 0) & (core.p_answered > 0.0)):
        e = _delayed_served_wait(core.x[i], core.y[i], core.log_a[i])
        values[i] = core.p_wait[i] * patience[i] * e / core.p_answered[i]
    return values


def erlang_a(agents, load, aht, patience, answer_time):
    """Erlang A (M/M/N+M) figures: waiting, abandonment, service level, ASA, occupancy.

    Callers abandon after an exponentially distributed patience with mean ``patience``
    seconds. Unlike Erlang C the queue is stable for any number of agents, so N < load
    is allowed. ``patience=inf`` gives Erlang C (no abandonment).

    Parameters
    ----------
    agents : float or array
        Number of agents, 1e-6 ≤ N ≤ 2,000,000 (may be fractional).
    load : float or array
        Offered load λ·AHT in Erlangs, 0 ≤ load ≤ 1,000,000.
    aht : float or array
        Average handle time in seconds (> 0).
    patience : float or array
        Mean patience in seconds: inf (Erlang C), or from aht / 10⁶ to 10⁶ × aht (the
        range verified against mpmath).
    answer_time : float or array
        Service-level threshold in seconds (≥ 0).

    Returns
    -------
    ErlangAResult

    References
    ----------
    Garnett, Mandelbaum & Reiman (2002), MSOM 4(3):208–227, eqs. for P(W>0) and
    P(Ab); Mandelbaum & Zeltyn (2005), "The Palm/Erlang-A queue".

    Examples
    --------
    >>> r = erlang_a(14, 10.0, 180, 300, 20)  # 100 calls/30 min, AHT 3 min, patience 5 min
    >>> round(r.p_wait, 5), round(r.p_abandon, 6), round(r.service_level, 6)
    (0.14526, 0.013984, 0.916792)
    >>> round(r.occupancy, 6), round(r.mean_wait / 60, 6)
    (0.704297, 0.069919)
    """
    n = check_agents(agents)
    a = check_load(load)
    h = check_positive("aht", aht)
    p = check_patience(patience, h)
    t = check_nonnegative("answer_time", answer_time)
    shape = np.broadcast_shapes(n.shape, a.shape, h.shape, p.shape, t.shape)
    n, a, h, p, t = (np.broadcast_to(v, shape).ravel().astype(float) for v in (n, a, h, p, t))
    zero, no_ab = a == 0, np.isinf(p) & (a > 0)
    finite = ~zero & ~no_ab
    core = _core(n[finite], a[finite], h[finite], p[finite])
    cols = _fill(shape, zero, no_ab, finite, n, a, h, p, t, core)
    cols["service_level"][finite] = _service_level_a(core, p[finite], t[finite])
    base_asa = np.where(no_ab, _asa(n, a, h), 0.0)
    sl, answered = cols["service_level"], cols.pop("p_answered")
    with np.errstate(divide="ignore", invalid="ignore"):
        within = np.where(answered > 0.0, sl / answered, 0.0)
    cols["service_level_answered"] = np.clip(within, 0.0, 1.0)  # round-off in SL near 0
    return ErlangAResult(**{k: _out(v.reshape(shape)) for k, v in cols.items()},
                         _asa_parts=(shape, base_asa, finite, core, p[finite]))


def _fill(shape, zero, no_ab, finite, n, a, h, p, t, core):
    """Columns for the three regimes: no load, no abandonment (Erlang C), Erlang A."""
    size = int(np.prod(shape, dtype=int))
    cols = {k: np.zeros(size) for k in ("p_wait", "p_abandon", "service_level", "mean_wait")}
    cols["service_level"][zero] = 1.0
    c = no_ab
    cols["p_wait"][c] = _erlang_c(n[c], a[c])
    cols["service_level"][c] = _service_level(n[c], a[c], h[c], t[c])
    cols["mean_wait"][c] = _asa(n[c], a[c], h[c])
    cols["p_wait"][finite] = core.p_wait
    cols["p_abandon"][finite] = core.p_abandon
    cols["mean_wait"][finite] = core.p_abandon * p[finite]
    cols["p_answered"] = np.ones(size)
    cols["p_answered"][finite] = core.p_answered
    cols["occupancy"] = np.minimum(a * cols["p_answered"] / n, 1.0)
    return cols
