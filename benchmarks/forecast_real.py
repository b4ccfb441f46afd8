"""(f2) Forecast accuracy on real public data against the planner's benchmarks (issue 14).

Series: the real ones in ``ccskills.datasets.real`` (US bank calls per 5 min, UK online-retail
orders per 30 min), each at its own interval and open hours, and the kit's simulated lines
(ecommerce, corporate: 15 min, China). The fixed protocol: the last 8 weekly origins (4 with
``--quick``), a 7-day horizon, WAPE over the open slots pooled across origins; at each origin a
method, "auto" included, sees only the history before it (auto's own inner backtests too).

Per method: WAPE, its ratio to the best simple benchmark (the lower WAPE of seasonal naive and the
4-week weekday × slot mean, the planner's spreadsheet), seconds per 7-day forecast (backtest time
÷ origins, so auto's include its inner backtests), and whether the series' country was passed as
``calendar=`` (only when ``forecast`` accepts it). Then whether auto wins (ratio < 0.995), ties or
loses, and, when ``ccskills.forecasting`` has ``forecast_intervals``, the share of held-out slots
inside auto's 80 % and 95 % bands.

    python benchmarks/forecast_real.py [--quick] [--series NAME ...]

Measured at 2faa6ad (8 origins; auto WAPE ÷ best simple, 80 %/95 % coverage): bank 0.981, 77.1 %/94.9 %;
online retail 0.937, 79.4 %/94.2 %; ecommerce 0.934, 78.6 %/94.3 %; corporate 0.843, 77.1 %/91.8 %.
At 0057cdd: bank 1.152 (loses), retail auto crashed, ecommerce 1.003, corporate 0.869.
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np
import pandas as pd

import ccskills.forecasting as fc
from ccskills.datasets import real
from ccskills.datasets.wfm import load_interval_series

HORIZON = "7D"
ORIGINS = 8
QUICK_ORIGINS = 4
TIE = 0.005  # |WAPE ratio − 1| below this is a tie
LEVELS = (0.8, 0.95)


def series_list(names=None):
    """[(name, Series, country)] for the real series then the simulated lines."""
    out = [(name, real.load(name).astype(float), real.SOURCES[name].country) for name in real.NAMES]
    out += [(line, load_interval_series(line), "CN") for line in ("ecommerce", "corporate")]
    return [item for item in out if not names or item[0] in names]


def method_runs():
    """(label, method, options): the two benchmarks, every other method in METHODS, then auto."""
    runs = [("seasonal_naive", "seasonal_naive", {}),
            ("historical_average k=4", "historical_average", {"k": 4}),
            ("historical_average k=8", "historical_average", {"k": 8})]
    runs += [(name, name, {}) for name in fc.METHODS if name not in ("seasonal_naive", "historical_average")]
    return runs + [("auto", "auto", {})]


def takes_calendar(series, method, country) -> bool:
    """Whether ``method`` accepts ``calendar=country``: one cheap 1-day forecast from 16 weeks."""
    probe = series[series.index >= series.index[-1] - pd.Timedelta(weeks=16)]
    extra = {"candidates": ["seasonal_naive", "holiday_adjusted"], "origins": 1} if method == "auto" else {}
    try:
        fc.forecast(probe, "1D", method=method, calendar=country, **extra)
        return True
    except Exception as error:  # noqa: BLE001 - today's API may refuse or misread the option
        sys.stderr.write(f"      ({method}: calendar={country!r} not taken: {str(error)[:90]})\n")
        return False


def backtest(series, method, origins, options, country):
    """(BacktestResult, calendar used?): with ``calendar=country`` if the method takes it, else without."""
    used = takes_calendar(series, method, country)
    extra = {"calendar": country} if used else {}
    return fc.backtest(series, method, HORIZON, origins, progress=True, **extra, **options), used


def coverage(series, origins, country, use_calendar):
    """{level: share of held-out open slots inside auto's band} over ``origins``, or None."""
    intervals = getattr(fc, "forecast_intervals", None)
    if intervals is None:
        return None
    step = series.index.to_series().diff().min()
    inside, total = dict.fromkeys(LEVELS, 0), 0
    for i, origin in enumerate(origins):
        train = series[series.index < origin]
        actual = series[(series.index >= origin) & (series.index < origin + pd.Timedelta(HORIZON))]
        extra = {"calendar": country} if use_calendar else {}
        bands = intervals(train, HORIZON, "auto", LEVELS, **extra)
        bands = bands.reindex(actual.index)  # an open slot the forecast missed counts as outside
        for level in LEVELS:
            name = f"{level * 100:.10g}"
            inside[level] += int(((actual >= bands[f"lower_{name}"]) & (actual <= bands[f"upper_{name}"])).sum())
        total += len(actual)
        sys.stderr.write(f"\r      intervals: {i + 1}/{len(origins)} origins (step {step})")
    sys.stderr.write("\n")
    return {level: inside[level] / total for level in LEVELS}


def evaluate(name, series, country, n_origins):
    print(f"  {name}: {len(series):,} open slots at {series.index.to_series().diff().min()}, "
          f"{series.index[0]:%Y-%m-%d} … {series.index[-1]:%Y-%m-%d}, calendar {country}", flush=True)
    rows, origins, auto_calendar = {}, None, False
    for label, method, options in method_runs():
        sys.stderr.write(f"    {label} …\n")
        start = time.perf_counter()
        try:
            result, used = backtest(series, method, n_origins, options, country)
        except Exception as error:  # noqa: BLE001 - a method that fails is a finding, not the end of the run
            print(f"    {label:24s} FAILED: {type(error).__name__}: {error}", flush=True)
            continue
        seconds = (time.perf_counter() - start) / n_origins
        rows[label] = (float(result.overall["wape"]), seconds, used)
        if method == "auto":
            origins, auto_calendar = sorted(result.table["origin"].unique()), used
    naive, mean4 = rows["seasonal_naive"][0], rows["historical_average k=4"][0]
    best = min(naive, mean4)
    print(f"    {'method':24s} {'WAPE':>7s} {'÷best simple':>13s} {'s/forecast':>11s}  calendar")
    for label, (wape, seconds, used) in rows.items():
        print(f"    {label:24s} {wape:7.2%} {wape / best:13.3f} {seconds:11.2f}  {'yes' if used else 'no'}")
    simple = f"best simple = {'seasonal naive' if naive <= mean4 else '4-week mean'} {best:.2%}"
    ratio, verdict, covered = float("nan"), "failed", None
    if "auto" in rows:
        ratio = rows["auto"][0] / best
        verdict = "wins" if ratio < 1 - TIE else "ties" if ratio <= 1 + TIE else "loses"
        print(f"    {simple}; auto {rows['auto'][0]:.2%} → ratio {ratio:.3f}: auto {verdict} "
              f"({n_origins} origins)", flush=True)
        covered = coverage(series, origins, country, auto_calendar)
        print("    intervals: n/a" if covered is None else
              "    auto interval coverage on held-out weeks: "
              + ", ".join(f"{level:.0%} band {share:.1%}" for level, share in covered.items()), flush=True)
    else:
        print(f"    {simple}; auto FAILED ({n_origins} origins); intervals not measured", flush=True)
    return {"wape": {k: v[0] for k, v in rows.items()}, "seconds": {k: v[1] for k, v in rows.items()},
            "best_simple": best, "auto_ratio": ratio, "verdict": verdict, "coverage": covered}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_ORIGINS} origins instead of {ORIGINS}")
    parser.add_argument("--series", nargs="*", help="only these series (default: all)")
    args = parser.parse_args(argv)
    n_origins = QUICK_ORIGINS if args.quick else ORIGINS
    np.seterr(all="ignore")
    print(f"(f2) Forecasts on real data, horizon {HORIZON}, last {n_origins} weekly origins, WAPE over "
          f"open slots (machine load affects the times)")
    figures = {name: evaluate(name, series, country, n_origins)
               for name, series, country in series_list(args.series)}
    print("  summary: auto WAPE ÷ best simple benchmark (target ≤ 1, aim ≤ 0.95)")
    for name, f in figures.items():
        covered = "" if not f["coverage"] else "; coverage " + ", ".join(
            f"{level:.0%}: {share:.1%}" for level, share in f["coverage"].items())
        print(f"    {name:22s} {f['auto_ratio']:.3f} {f['verdict']}{covered}")
    return figures


if __name__ == "__main__":
    main()
