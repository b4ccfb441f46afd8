"""Run every benchmark in one process and print the figures the issues ask for.

``QUICK=1`` in the environment (``make bench QUICK=1``, as ``make bench-forecast-real`` takes
it) runs the real-data forecast benchmark (``forecast_real``, the longest: 10 min wall for 8
origins on the busy 2-core machine at d9d3a0b) on 4 weekly origins instead of 8; the other
benchmarks have no shorter mode.
"""

import os

import calculator_session
import erlang_a_peer
import erlang_c_year
import forecast_accuracy
import forecast_real
import kpi_million
import load_calculators
import precision
import scheduling_targets
import staffing_plan_year

if __name__ == "__main__":
    quick = bool(os.environ.get("QUICK"))
    for module in (erlang_c_year, staffing_plan_year, erlang_a_peer, precision, scheduling_targets,
                   forecast_accuracy, kpi_million, calculator_session, load_calculators):
        module.main()
        print()
    forecast_real.main(["--quick"] if quick else [])  # its own arguments, not run_all's
    print()
