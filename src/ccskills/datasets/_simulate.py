"""A first-come-first-served multi-server queue with impatient callers and a staffing plan.

One day of one queue, event by event in arrival order. Under FCFS a caller takes
the first agent to come free after everyone ahead of them has been served or has
hung up, so processing callers in arrival order is exact: caller *i* would be
answered at ``t = max(arrival, earliest agent free)``; if ``t - arrival`` exceeds
their patience they abandon at ``arrival + patience`` and take no agent. Agent
*slot* ``s`` works in interval ``k`` when ``s < staffed[k]``; a call in progress at
the end of a slot's shift is finished. After closing, the last interval's agents
clear the queue. A caller who finds ``capacity`` callers waiting is blocked.
"""

from __future__ import annotations

import heapq
import math
from typing import Callable

import numpy as np

ANSWERED, ABANDONED, BLOCKED = 0, 1, 2


def _next_active(staffed: np.ndarray, slots: int) -> list[list[int]]:
    """For slot s and interval k, the first interval >= k in which s works (len(staffed) if none)."""
    n = len(staffed)
    table = []
    for s in range(slots):
        nxt, row = n, [n] * (n + 1)
        for k in range(n - 1, -1, -1):
            if staffed[k] > s:
                nxt = k
            row[k] = nxt
        table.append(row)
    return table


def simulate_day(
    arrivals: np.ndarray,
    patience: np.ndarray,
    forced_abandon: np.ndarray,
    staffed: np.ndarray,
    interval_s: int,
    capacity: int,
    handle_time: Callable[[int, int, float], int],
):
    """Outcome code, wait (s), agent slot (-1 if none) and answer time for each caller.

    ``arrivals`` are sorted seconds after opening; ``patience`` in seconds;
    ``forced_abandon`` marks callers who hang up after ``patience`` whatever the
    queue (misdials); ``staffed`` agents per interval; ``handle_time(i, slot,
    answered_at)`` returns the seconds the agent stays busy with caller ``i``.
    """
    n, k_end = len(arrivals), len(staffed)
    slots = int(max(staffed.max(), 1))
    nxt = _next_active(staffed, slots)
    last_open = [s < staffed[-1] for s in range(slots)]
    free = [0.0] * slots
    waiting: list[float] = []
    outcome = np.full(n, ABANDONED, dtype=np.int8)
    wait = np.zeros(n)
    slot_of = np.full(n, -1, dtype=np.int64)
    answered_at = np.full(n, np.nan)
    for i in range(n):
        a = float(arrivals[i])
        while waiting and waiting[0] <= a:
            heapq.heappop(waiting)
        if len(waiting) >= capacity:
            outcome[i] = BLOCKED
            continue
        if forced_abandon[i]:
            wait[i] = patience[i]
            heapq.heappush(waiting, a + patience[i])
            continue
        best, best_free, best_s = math.inf, math.inf, -1
        for s in range(slots):
            x = free[s] if free[s] > a else a
            k = int(x // interval_s)
            if k >= k_end:
                t = x if last_open[s] else math.inf
            elif staffed[k] > s:
                t = x
            else:
                k2 = nxt[s][k]
                t = k2 * interval_s if k2 < k_end else math.inf
            if t < best or (t == best and free[s] < best_free):
                best, best_free, best_s = t, free[s], s
        if best - a <= patience[i]:
            outcome[i], wait[i], slot_of[i], answered_at[i] = ANSWERED, best - a, best_s, best
            free[best_s] = best + handle_time(i, best_s, best)
            if best > a:
                heapq.heappush(waiting, best)
        else:
            wait[i] = patience[i]
            heapq.heappush(waiting, a + patience[i])
    return outcome, wait, slot_of, answered_at
