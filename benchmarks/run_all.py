"""Run every benchmark in one process and print the figures the issue asks for."""

import calculator_session
import erlang_a_peer
import erlang_c_year
import precision

if __name__ == "__main__":
    for module in (erlang_c_year, erlang_a_peer, precision, calculator_session):
        module.main()
        print()
