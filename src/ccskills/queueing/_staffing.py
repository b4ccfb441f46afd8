"""Staffing searches: the fewest whole agents that meet every given target.

Erlang C searches step upward from ⌊A⌋ + 1 with the Erlang-B recursion
``B(n+1) = A·B(n) / (n + 1 + A·B(n))``, one closed-form evaluation per row and then a
few vector operations per step, so a year of 15-minute intervals (35,040 rows) is
staffed without a Python loop over rows. Erlang A searches bracket and bisect,
starting below the load: with abandonment fewer agents than the load can suffice.
"""

from __future__ import annotations

import numpy as np

from ccskills._validation import check_fraction, check_nonnegative, check_positive
from ccskills.queueing._erlang import _erlang_b, _sl_from_c
from ccskills.queueing._limits import (MAX_AGENTS, check_answer_reachable, check_load,
                                       check_patience)
from ccskills.queueing._erlang_a import _core, _service_level_a, answered_asa

__all__ = ["agents_for_service_level", "agents_for_asa", "agents_for_abandonment"]


def _flat(*arrays):
    """Broadcast to one shape; return the shape and 1-d float copies."""
    shape = np.broadcast_shapes(*(np.shape(v) for v in arrays))
    return shape, [np.array(np.broadcast_to(v, shape), dtype=float).ravel() for v in arrays]


def _as_int(arr: np.ndarray):
    arr = np.asarray(arr, dtype=np.int64)
    return int(arr) if arr.ndim == 0 else arr


def agents_for_occupancy(load: np.ndarray, max_occupancy: np.ndarray) -> np.ndarray:
    """Fewest agents with load / agents ≤ max_occupancy, immune to round-off in A / occ.

    ValueError naming ``max_occupancy`` when that takes more than :data:`MAX_AGENTS`.
    """
    with np.errstate(over="ignore"):
        n = np.ceil(load / max_occupancy)
    fits_one_less = (n > 1) & (load <= max_occupancy * (n - 1) * (1 + 1e-12))
    n = np.where(fits_one_less, n - 1, n)
    return check_answer_reachable(n, "max_occupancy", max_occupancy,
                                  f"at least load / {MAX_AGENTS:,.0f} (at most {MAX_AGENTS:,.0f} agents)")


def _step_erlang_c(load, meets):
    """Fewest n > load with ``meets(n, load_rows, log C(n), rows)`` true; rows with load 0 give 0.

    Steps upward with the Erlang-B recursion B(n+1) = A·B(n) / (n + 1 + A·B(n)), B carried as
    mantissa × 2^exponent (``frexp``, exact) so that log C stays exact far below the float
    range (a target ASA of 1e-300 s at AHT 1e300 s needs C ≈ 1e-600). Stops at
    :data:`MAX_AGENTS`; rows not met by then come back as ``inf``.
    """
    n = np.floor(load) + 1.0
    b, e = np.frexp(_erlang_b(n, load))
    ma, ea = np.frexp(load)
    rows = np.flatnonzero(load > 0)
    out = np.where(load > 0, np.inf, 0.0)
    with np.errstate(divide="ignore", over="ignore", under="ignore"):
        while rows.size:
            nr, ar, br, er = n[rows], load[rows], b[rows], e[rows]
            true_b = np.ldexp(br, er)
            ok = meets(nr, ar, np.log(nr * br / (nr - ar + ar * true_b)) + er * np.log(2.0), rows)
            out[rows[ok]] = nr[ok]
            keep = ~ok & (nr < MAX_AGENTS)
            rows, ar, true_b = rows[keep], ar[keep], true_b[keep]
            n[rows] += 1.0
            b[rows], step = np.frexp(ma[rows] * b[rows] / (n[rows] + ar * true_b))
            e[rows] += ea[rows] + step
    return out


def _validated(load, aht, max_occupancy):
    a = check_load(load)
    h = check_positive("aht", aht)
    occ = check_fraction("max_occupancy", max_occupancy, low_open=True)
    return a, h, occ


def agents_for_service_level(load, aht, answer_time, target, *, max_occupancy=1.0,
                             patience=None, max_abandon=None):
    """Fewest agents meeting a service-level target (and optional occupancy/abandon caps).

    Under Erlang C (``patience=None``) the service level is the fraction of offered
    calls answered within ``answer_time``; occupancy is load / agents. With a mean
    ``patience`` in seconds the model is Erlang A: service level is answered within
    ``answer_time`` / offered, occupancy is load × (1 − P(abandon)) / agents, and
    ``max_abandon`` caps the abandonment rate. Zero load needs zero agents.

    Parameters
    ----------
    load : float or array
        Offered load in Erlangs (≥ 0).
    aht : float or array
        Average handle time in seconds (> 0).
    answer_time : float or array
        Service-level threshold in seconds (≥ 0).
    target : float or array
        Service-level target as a fraction, 0 < target < 1 (0.8 for "80/20").
    max_occupancy : float or array, optional
        Highest acceptable occupancy, 0 < max_occupancy ≤ 1.
    patience : float or array, optional
        Mean patience in seconds (> 0); switches to Erlang A.
    max_abandon : float or array, optional
        Highest acceptable abandonment rate, 0 < max_abandon < 1 (needs ``patience``).

    Returns
    -------
    int or ndarray of int

    Examples
    --------
    >>> agents_for_service_level(10.0, 180, 20, 0.8)  # pyworkforce's worked example: 14
    14
    >>> agents_for_service_level(10.0, 180, 20, 0.8, max_occupancy=0.7)
    15
    """
    a, h, occ = _validated(load, aht, max_occupancy)
    t = check_nonnegative("answer_time", answer_time)
    sl = check_fraction("target", target, low_open=True, high_open=True)
    if patience is None:
        if max_abandon is not None:
            raise ValueError(f"max_abandon needs patience (Erlang A), got patience={patience!r}")
        shape, (a, h, t, sl, occ) = _flat(a, h, t, sl, occ)
        n = _step_erlang_c(a, lambda n, ar, lc, r: _sl_from_c(n, ar, np.exp(lc), h[r], t[r]) >= sl[r])
        n = check_answer_reachable(n, "target", sl)
        return _as_int(np.maximum(n, agents_for_occupancy(a, occ)).reshape(shape))
    p = check_patience(patience, h, allow_inf=False)
    ab = (np.array(1.0) if max_abandon is None
          else check_fraction("max_abandon", max_abandon, low_open=True, high_open=True))
    return _as_int(_search_erlang_a(a, h, p, t, sl, occ, ab))


def agents_for_asa(load, aht, target_asa, *, max_occupancy=1.0, patience=None):
    """Fewest agents whose ASA (seconds) is at most ``target_asa``.

    Under Erlang C (``patience=None``) ASA is the mean wait of all calls,
    ``C·AHT / (N − A)``. With a mean ``patience`` in seconds the model is Erlang A and
    ASA is the mean wait of *answered* calls (:attr:`ErlangAResult.asa`), searched from
    below the load; occupancy is then load × (1 − P(abandon)) / agents.

    Examples
    --------
    >>> agents_for_asa(10.0, 180, 20)  # ASA 17.1 s at 13 agents, 40.4 s at 12
    13
    """
    a, h, occ = _validated(load, aht, max_occupancy)
    w = check_positive("target_asa", target_asa)
    if patience is not None:
        p = check_patience(patience, h, allow_inf=False)
        shape, (a, h, p, w, occ) = _flat(a, h, p, w, occ)
        found = _bisect_agents(a, lambda n, r: _asa_meets(n, a[r], h[r], p[r], w[r], occ[r]), "target_asa", w)
        return _as_int(found.reshape(shape))
    shape, (a, h, w, occ) = _flat(a, h, w, occ)
    n = _step_erlang_c(a, lambda n, ar, lc, r: lc + np.log(h[r]) - np.log(n - ar) <= np.log(w[r]))
    n = check_answer_reachable(n, "target_asa", w)
    return _as_int(np.maximum(n, agents_for_occupancy(a, occ)).reshape(shape))


def agents_for_abandonment(load, aht, patience, max_abandon, *, max_occupancy=1.0):
    """Fewest agents whose abandonment rate (Erlang A) is at most ``max_abandon``.

    The model is Erlang A (M/M/N+M): callers leave after an exponential patience with
    mean ``patience`` seconds; the abandonment rate is P(abandon) of offered calls
    (:attr:`ErlangAResult.p_abandon`) and occupancy is load × (1 − P(abandon)) /
    agents. P(abandon) falls as agents are added, so the search brackets and
    bisects every row at once, starting below the load. Zero load needs zero agents.

    Parameters
    ----------
    load : float or array
        Offered load in Erlangs (≥ 0).
    aht : float or array
        Average handle time in seconds (> 0).
    patience : float or array
        Mean patience in seconds (> 0).
    max_abandon : float or array
        Highest acceptable abandonment rate, 0 < max_abandon < 1.
    max_occupancy : float or array, optional
        Highest acceptable occupancy, 0 < max_occupancy ≤ 1.

    Examples
    --------
    >>> agents_for_abandonment(10.0, 180, 300, 0.05)  # 7.0 % abandon at 11 agents, 4.3 % at 12
    12
    >>> agents_for_abandonment([0.0, 10.0, 100.0], 180, 300, 0.05).tolist()
    [0, 12, 98]
    """
    a, h, occ = _validated(load, aht, max_occupancy)
    p = check_patience(patience, h, allow_inf=False)
    ab = check_fraction("max_abandon", max_abandon, low_open=True, high_open=True)
    shape, (a, h, p, ab, occ) = _flat(a, h, p, ab, occ)

    def meets(n, r):
        core = _core(n, a[r], h[r], p[r])
        occupancy = a[r] * core.p_answered / n
        return (core.p_abandon <= ab[r]) & (occupancy <= occ[r] * (1 + 1e-12))

    return _as_int(_bisect_agents(a, meets, "max_abandon", ab).reshape(shape))


def _asa_meets(n, a, h, p, w, occ):
    """Row-wise: does n agents meet the answered-ASA and occupancy targets (Erlang A)?"""
    core = _core(n, a, h, p)
    occupancy = a * core.p_answered / n
    return (answered_asa(core, p) <= w) & (occupancy <= occ * (1 + 1e-12))


def _erlang_a_meets(n, a, h, p, t, sl, occ, ab):
    """Row-wise: does n agents meet the SL, abandonment and occupancy targets (Erlang A)?"""
    core = _core(n, a, h, p)
    service = _service_level_a(core, p, t)
    occupancy = a * core.p_answered / n
    return (service >= sl) & (core.p_abandon <= ab) & (occupancy <= occ * (1 + 1e-12))


def _search_erlang_a(*arrays):
    """Erlang-A staffing for SL, abandonment and occupancy targets (flat arrays in, shape kept)."""
    shape, (a, h, p, t, sl, occ, ab) = _flat(*arrays)
    found = _bisect_agents(a, lambda n, r: _erlang_a_meets(n, a[r], h[r], p[r], t[r], sl[r], occ[r], ab[r]),
                           "target", sl)
    return found.reshape(shape)


def _bisect_agents(a, meets, name, target):
    """Smallest n ≥ 1 with ``meets(n, rows)`` true, for a monotone ``meets``; 0 where load is 0.

    Doubles an upper bracket from ⌈A⌉ (starting below the load matters under Erlang A)
    up to :data:`MAX_AGENTS` (ValueError naming ``name`` for a row not met there), then
    bisects every row at once: at most 2 × 21 evaluations per row.
    """
    rows = np.flatnonzero(a > 0)
    lo, hi = np.zeros(a.size), np.maximum(np.ceil(a), 1.0)
    todo = rows
    while todo.size:
        ok = meets(hi[todo], todo)
        lo[todo[~ok]] = hi[todo[~ok]]
        todo = todo[~ok]
        check_answer_reachable(np.where(hi[todo] >= MAX_AGENTS, np.inf, 0.0), name, target[todo])
        hi[todo] = np.minimum(hi[todo] * 2.0, MAX_AGENTS)
    todo = rows[hi[rows] - lo[rows] > 1]
    while todo.size:
        mid = np.floor((lo[todo] + hi[todo]) / 2)
        ok = meets(mid, todo)
        hi[todo[ok]], lo[todo[~ok]] = mid[ok], mid[~ok]
        todo = todo[hi[todo] - lo[todo] > 1]
    hi[a == 0] = 0.0
    return hi
