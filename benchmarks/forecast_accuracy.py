"""(f) Forecast accuracy of every ccskills.forecasting method on held-out weeks of both lines.

Data: datasets/wfm/interval_history.csv (15-min, 2024-10 … 2026-09; ecommerce open daily
08–22, corporate working days 09–18). Each method forecasts 7 days from 8 weekly rolling origins
(the last 8 weeks), and from 4 special weeks (国庆, 双11, 春节, 618). Prints WAPE, MAPE, bias and
daily MAPE, the WAPE and daily-MAPE ratios to the seasonal-naive benchmark (< 1 = better), the
time of one 7-day forecast from the full two years (target < 2 s per method) and of "auto"
(4 origins; target < 15 s), and which method "auto" picks.
"""

from __future__ import annotations

import time

from _common import best_of

from ccskills.datasets.wfm import load_interval_series
from ccskills.forecasting import METHODS, backtest, forecast

HORIZON = "7D"
ORIGINS = 8
SPECIAL_WEEKS = ["2025-09-29", "2025-11-10", "2026-02-16", "2026-06-15"]


def evaluate(series, origins):
    """{method: (overall accuracy Series, backtest seconds)} for every method."""
    out = {}
    for name in METHODS:
        start = time.perf_counter()
        result = backtest(series, name, HORIZON, origins)
        out[name] = (result.overall, time.perf_counter() - start)
    return out


def print_table(title, scores):
    naive = scores["seasonal_naive"][0]
    print(f"    {title}")
    print(f"    {'method':20s} {'WAPE':>7s} {'MAPE':>7s} {'bias':>7s} {'dayMAPE':>8s} "
          f"{'WAPE/naive':>11s} {'day/naive':>10s} {'backtest s':>11s}")
    for name, (acc, seconds) in scores.items():
        print(f"    {name:20s} {acc.wape:7.1%} {acc.mape:7.1%} {acc.bias:+7.1%} {acc.daily_mape:8.1%} "
              f"{acc.wape / naive.wape:11.2f} {acc.daily_mape / naive.daily_mape:10.2f} {seconds:11.2f}")


def main():
    figures = {}
    print(f"(f) Forecast accuracy, 15-min calls, horizon {HORIZON} (machine load affects the times)")
    for line in ("ecommerce", "corporate"):
        series = load_interval_series(line)
        print(f"  {line}: {len(series):,} open slots, {series.index[0]:%Y-%m-%d} … {series.index[-1]:%Y-%m-%d}")
        recent = evaluate(series, ORIGINS)
        print_table(f"last {ORIGINS} weeks ({ORIGINS} weekly origins)", recent)
        special = evaluate(series, SPECIAL_WEEKS)
        print_table(f"special weeks {', '.join(SPECIAL_WEEKS)} (国庆, 双11, 春节, 618)", special)
        times = {name: best_of(lambda n=name: forecast(series, HORIZON, method=n), repeats=3)[0]
                 for name in METHODS}
        start = time.perf_counter()
        auto = forecast(series, HORIZON)
        t_auto = time.perf_counter() - start
        print("    one 7-day forecast from two years: "
              + ", ".join(f"{n} {t:.2f} s" for n, t in times.items()) + "  (target < 2 s each)")
        print(f"    auto: picked {auto.attrs['method']!r} in {t_auto:.1f} s (4 origins; target < 15 s); "
              f"{len(auto)} slots forecast")
        if line == "corporate":
            print("    note: MAPE and daily MAPE skip slots/days with 0 actual, so they do not see the plain"
                  " methods forecasting calls on closed holidays; WAPE and bias do.")
        figures[line] = {"recent": {n: a for n, (a, _) in recent.items()},
                         "special": {n: a for n, (a, _) in special.items()},
                         "forecast_s": times, "auto_s": t_auto, "auto_method": auto.attrs["method"]}
    return figures


if __name__ == "__main__":
    main()
