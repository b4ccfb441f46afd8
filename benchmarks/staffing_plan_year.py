"""(e) A year's staffing plan: 35,040 quarter-hours through plan_staffing, Erlang C and Erlang A.

Times plan_staffing (the staffing searches) and the full interval table (queue
figures at the chosen staffing, shrinkage, hours), then checks the answer
independently of the search: the service level recomputed from the Erlang formulas at
the chosen agents meets 80/20 on every interval and at one agent fewer misses it on
every interval (minimality). Agreement with pyworkforce is erlang_c_year.py's job.
Also times one simulated interval, 100 replications (ciw). Target: Erlang C plan
well under 1 s.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
from _common import AHT_S, INTERVAL_S, best_of, year_of_loads

from ccskills.queueing import erlang_a, service_level
from ccskills.simulation import simulate_interval
from ccskills.staffing import plan_staffing

PATIENCE_S = 120.0


def year_of_calls() -> pd.Series:
    loads = year_of_loads()
    index = pd.date_range("2026-01-01", periods=loads.size, freq=f"{INTERVAL_S}s")
    return pd.Series(loads * INTERVAL_S / AHT_S, index=index)


def minimal_everywhere(plan, sl_at) -> tuple[int, int]:
    """(intervals meeting 80/20 at N, intervals still meeting it at N − 1)."""
    n, load = plan.required.astype(float), plan.load
    meets = np.asarray(sl_at(n, load)) >= 0.8
    one_less = np.asarray(sl_at(np.maximum(n - 1, 1), load)) >= 0.8
    return int(meets.sum()), int((one_less & (n > 1)).sum())


def timed_once(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main():
    calls = year_of_calls()
    t_c, plan_c = best_of(lambda: plan_staffing(calls, AHT_S, shrinkage=0.3, hourly_cost=60.0))
    t_c_table, _ = best_of(lambda: plan_staffing(calls, AHT_S, shrinkage=0.3).intervals)
    t_sum, _ = best_of(lambda: (plan_c.daily(), plan_c.weekly(), plan_c.summary()), repeats=3)
    t_a, plan_a = best_of(lambda: plan_staffing(calls, AHT_S, patience=PATIENCE_S, shrinkage=0.3),
                          repeats=2)
    t_a_table, _ = timed_once(lambda: plan_a.intervals)
    ok_c, fewer_c = minimal_everywhere(plan_c, lambda n, a: service_level(n, a, AHT_S, 20))
    ok_a, fewer_a = minimal_everywhere(
        plan_a, lambda n, a: erlang_a(n, a, AHT_S, PATIENCE_S, 20).service_level)
    t_sim, _ = timed_once(lambda: simulate_interval(100, 180, 14, replications=100, seed=1))
    rows = calls.size
    print(f"(e) Staffing plan, {rows:,} quarter-hours, 80/20, shrinkage 30 %")
    print(f"    Erlang C plan_staffing {t_c:8.3f} s  (best of 5; target well under 1 s)")
    print(f"    Erlang C with table    {t_c_table:8.3f} s  (plan + interval table)")
    print(f"    daily + weekly + summary {t_sum:6.3f} s  (365 days, 53 weeks; best of 3)")
    print(f"    Erlang A plan_staffing {t_a:8.3f} s  (patience {PATIENCE_S:.0f} s; best of 2)")
    print(f"    Erlang A table         {t_a_table:8.3f} s  (ASA of answered calls by quadrature, once)")
    print(f"    Erlang C: meets 80/20 at N on {ok_c:,}/{rows:,}; still meets at N − 1 on {fewer_c}")
    print(f"    Erlang A: meets 80/20 at N on {ok_a:,}/{rows:,}; still meets at N − 1 on {fewer_a}")
    print(f"    simulation, 1 interval × 100 replications (ciw) {t_sim:8.3f} s")
    return {"plan_c_s": t_c, "plan_c_table_s": t_c_table, "summaries_s": t_sum, "plan_a_s": t_a,
            "plan_a_table_s": t_a_table, "minimal_c": ok_c == rows and fewer_c == 0,
            "minimal_a": ok_a == rows and fewer_a == 0, "simulation_s": t_sim}


if __name__ == "__main__":
    main()
