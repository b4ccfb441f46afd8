"""(a) Staff a year of 15-minute intervals (35,040 rows, 1–800 Erlangs) for 80/20.

ccskills: one vectorised call. pyworkforce 0.5.1: ErlangC(...).required_positions per
interval, as its documentation shows. Prints both times, the ratio and whether every
interval agrees. Target: ccskills ≥ 100× faster and under 0.5 s.
"""

from __future__ import annotations

import time

import numpy as np
from _common import AHT_S, INTERVAL_S, best_of, year_of_loads

import ccskills


def pyworkforce_year(loads):
    from pyworkforce.queuing import ErlangC

    out = np.empty(loads.size, dtype=np.int64)
    for i, load in enumerate(loads):
        calls = load * INTERVAL_S / AHT_S
        erlang = ErlangC(transactions=calls, aht=AHT_S, asa=20, interval=INTERVAL_S)
        out[i] = erlang.required_positions(service_level=0.8)["raw_positions"]
    return out


def main():
    loads = year_of_loads()
    t_cc, ours = best_of(lambda: ccskills.agents_for_service_level(loads, AHT_S, 20, 0.8))
    start = time.perf_counter()
    theirs = pyworkforce_year(loads)
    t_pw = time.perf_counter() - start
    agree = np.array_equal(ours, theirs)
    print(f"(a) Erlang C staffing, {loads.size:,} intervals, loads {loads.min():.0f}–{loads.max():.0f} Erl, 80/20")
    print(f"    ccskills    {t_cc:8.3f} s  (best of 5; target < 0.5 s)")
    print(f"    pyworkforce {t_pw:8.3f} s  (one pass)")
    print(f"    ratio       {t_pw / t_cc:8.0f}×  (target ≥ 100×)")
    print(f"    agree on every interval: {agree}"
          + ("" if agree else f" ({np.count_nonzero(ours != theirs)} differ)"))
    return {"ccskills_s": t_cc, "pyworkforce_s": t_pw, "agree": agree}


if __name__ == "__main__":
    main()
