"""Run every benchmark in one process and print the figures the issues ask for."""

import calculator_session
import erlang_a_peer
import erlang_c_year
import forecast_accuracy
import kpi_million
import load_calculators
import precision
import scheduling_targets
import staffing_plan_year

if __name__ == "__main__":
    for module in (erlang_c_year, staffing_plan_year, erlang_a_peer, precision, scheduling_targets,
                   forecast_accuracy, kpi_million, calculator_session, load_calculators):
        module.main()
        print()
