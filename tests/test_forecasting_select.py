"""Tests of "auto" selection (ccskills.forecasting._select) and of low-volume days.

References: every reported backtest WAPE is recomputed here from the public ``backtest`` of that
candidate's label; the combination from the members' backtest tables with pandas' median; the
k-week means (equal and linear weights) by hand with pandas groupby; the tie rule on planted
scores; planted low days whose exclusion gives the exact weekly pattern back.
"""

import ast
import pathlib

import numpy as np
import pandas as pd
import pytest

from ccskills.forecasting import backtest, forecast
from ccskills.forecasting._history import check_history
from ccskills.forecasting._select import TIE_TOLERANCE, Candidate, choose
from ccskills.forecasting._registry import METHODS

MONDAY = pd.Timestamp("2026-01-05")


def pattern(index: pd.DatetimeIndex) -> np.ndarray:
    hour = index.hour + index.minute / 60
    return 10 + 30 * np.exp(-((hour - 11) / 3) ** 2) + 3 * index.day_of_week


def hourly(weeks: int, hours=(8, 20)) -> pd.DatetimeIndex:
    idx = pd.date_range(MONDAY, MONDAY + pd.Timedelta(weeks=weeks), freq="h", inclusive="left")
    return idx[(idx.hour >= hours[0]) & (idx.hour < hours[1])]


def noisy(weeks: int, seed: int, level=None) -> pd.Series:
    idx = hourly(weeks)
    mean = pattern(idx) * (1.0 if level is None else level(idx))
    return pd.Series(np.random.default_rng(seed).poisson(mean).astype(float), index=idx)


BENCH = ["seasonal_naive", "historical_average"]


def test_every_reported_wape_is_the_backtest_of_its_label_and_k_is_chosen():
    """A level that steps up by 60 % five weeks before the end: short means follow it, the
    8-week mean lags. Each key of backtest_wape, backtested on its own, gives the same WAPE;
    the chosen label is the lowest within the documented tie rule."""
    step = MONDAY + pd.Timedelta(weeks=11)
    hist = noisy(16, 3, level=lambda idx: np.where(idx >= step, 1.6, 1.0))
    fc = forecast(hist, "7D", candidates=BENCH, origins=4)
    wape = fc.attrs["backtest_wape"]
    for label, value in wape.items():
        assert backtest(hist, label, "7D", origins=4).overall["wape"] == pytest.approx(value, rel=1e-12)
    best = min(wape.values())
    assert wape[fc.attrs["method"]] <= best * (1 + TIE_TOLERANCE)
    chosen_k = int(fc.attrs["method"].split("k=")[1].split(",")[0].rstrip(")"))
    assert chosen_k <= 5 and wape["historical_average(k=8)"] > wape[fc.attrs["method"]]
    # the forecast is that label's own forecast
    pd.testing.assert_series_equal(fc, forecast(hist, "7D", method=fc.attrs["method"]), check_names=False)


def test_linear_weights_by_hand():
    """historical_average(k=3, weights=linear): weeks back 1, 2, 3 weigh 3, 2, 1."""
    hist = noisy(6, 5)
    fc = forecast(hist, "7D", method="historical_average(k=3, weights=linear)")
    end = hist.index[-1].normalize() + pd.Timedelta(days=1)
    last3 = hist[hist.index >= end - pd.Timedelta(weeks=3)]
    weight = 3 - (end - last3.index).days // 7
    key = [last3.index.day_of_week, last3.index.hour]
    expected = (last3 * weight).groupby(key).sum() / pd.Series(weight, last3.index).groupby(key).sum()
    got = fc.groupby([fc.index.day_of_week, fc.index.hour]).first()
    np.testing.assert_allclose(got.to_numpy(), expected.reindex(got.index).to_numpy())
    assert fc.attrs["method"] == "historical_average(k=3, weights=linear)"
    with pytest.raises(ValueError, match="weights must be one of 'equal', 'linear', got 'square'"):
        forecast(hist, "7D", method="historical_average", weights="square")


def test_combination_is_the_median_of_the_best_three_members_backtests():
    hist = noisy(14, 8, level=lambda idx: 1 + 0.01 * ((idx - MONDAY).days.to_numpy() // 7))
    fc = forecast(hist, "7D", candidates=["seasonal_naive", "historical_average", "top_down",
                                          "profile_top_down"], origins=3)
    wape = fc.attrs["backtest_wape"]
    combos = [label for label in wape if label.startswith("median(")]
    assert len(combos) == 1
    members = combos[0][len("median("):-1].split(", ")
    assert len(members) == 3 and len({m.split("(")[0] for m in members}) == 3
    # the three are the best label of three different methods
    families = {}
    for label, value in sorted(((l, v) for l, v in wape.items() if l not in combos), key=lambda kv: kv[1]):
        families.setdefault(label.split("(")[0], label)
    assert members == list(families.values())[:3]
    tables = [backtest(hist, m, "7D", origins=3).table.set_index(["origin", "timestamp"]) for m in members]
    joined = pd.concat([t["forecast"] for t in tables], axis=1).fillna(0.0)
    actual = pd.concat([t["actual"] for t in tables], axis=1).max(axis=1)
    median = joined.median(axis=1)
    assert wape[combos[0]] == pytest.approx(np.abs(actual - median).sum() / actual.sum(), rel=1e-12)
    again = backtest(hist, combos[0], "7D", origins=3)
    assert again.overall["wape"] == pytest.approx(wape[combos[0]], rel=1e-12)


def _entries(scores):
    def cand(label):
        name = label.split("(")[0]
        opts = {"k": int(label.split("k=")[1].rstrip(")"))} if "k=" in label else {}
        return Candidate(label, METHODS[name], opts)
    return {label: cand(label) for label in scores}


def test_ties_go_to_the_simpler_method_but_never_above_a_benchmark():
    scores = {"seasonal_naive": 0.2, "historical_average(k=4)": 0.1003, "top_down": 0.1}
    assert choose(scores, _entries(scores)) == "historical_average(k=4)"  # 0.3 % worse: a tie
    scores["historical_average(k=4)"] = 0.102  # 2 % worse: top_down wins
    assert choose(scores, _entries(scores)) == "top_down"
    # seasonal naive is within the tolerance of the best, but above the k-week mean
    scores = {"seasonal_naive": 0.1004, "historical_average(k=4)": 0.1002, "bottom_up": 0.1}
    assert choose(scores, _entries(scores)) == "historical_average(k=4)"
    scores = {"historical_average(k=2)": 0.1, "historical_average(k=6)": 0.1}
    assert choose(scores, _entries(scores)) == "historical_average(k=2)"


def test_exact_weekly_pattern_ties_at_zero_and_keeps_seasonal_naive():
    idx = hourly(12)
    hist = pd.Series(pattern(idx), index=idx)
    fc = forecast(hist, "7D", candidates=["seasonal_naive", "historical_average", "top_down"])
    assert fc.attrs["method"] == "seasonal_naive"
    assert fc.attrs["origins"] == 4  # 12 weeks: 4 origins (8 from 16 weeks on)
    assert forecast(noisy(20, 1), "1D", candidates=BENCH).attrs["origins"] == 8


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_auto_is_never_worse_than_its_benchmarks(seed):
    rng = np.random.default_rng(seed)
    trend = rng.uniform(-0.03, 0.03)
    hist = noisy(14, seed, level=lambda idx: 1 + trend * ((idx - MONDAY).days.to_numpy() // 7))
    fc = forecast(hist, "7D", candidates=["seasonal_naive", "historical_average", "top_down",
                                          "harmonic"], origins=3)
    wape = fc.attrs["backtest_wape"]
    bench = min(v for k, v in wape.items() if k == "seasonal_naive" or k.startswith("historical_average"))
    assert wape[fc.attrs["method"]] <= bench


# ---------------------------------------------------------------- low days
def test_a_planted_low_day_is_left_out_of_the_means():
    """An exact pattern with one Wednesday at 20 % (a holiday no calendar knows): the k-week mean
    and seasonal naive give the pattern back exactly; a day at 60 % is kept."""
    idx = hourly(10)
    values = pd.Series(pattern(idx), index=idx)
    low = MONDAY + pd.Timedelta(weeks=9, days=2)  # the last Wednesday
    values[values.index.normalize() == low] *= 0.2
    assert list(check_history(values).low_days()) == [low]
    for method in ("historical_average(k=4)", "seasonal_naive"):
        fc = forecast(values, "7D", method=method)
        np.testing.assert_allclose(fc.to_numpy(), pattern(fc.index))
    kept = pd.Series(pattern(idx), index=idx)
    kept[kept.index.normalize() == low] *= 0.6
    assert len(check_history(kept).low_days()) == 0
    fc = forecast(kept, "7D", method="historical_average(k=4)")
    wednesday = fc[fc.index.day_of_week == 2]
    np.testing.assert_allclose(wednesday.to_numpy(), pattern(wednesday.index) * (3 + 0.6) / 4)


def test_a_low_day_does_not_bend_the_intraday_profile():
    """top_down's intraday shares come from the same history without the low day: on an exact
    pattern whose last Tuesday ran flat at 30 % of its volume, the forecast keeps each
    Tuesday slot's share of the pattern's day exactly."""
    idx = hourly(10)
    values = pd.Series(pattern(idx), index=idx)
    low = MONDAY + pd.Timedelta(weeks=9, days=1)
    day = values.index.normalize() == low
    values[day] = 0.3 * values[day].mean()  # a flat low day (a different shape)
    fc = forecast(values, "7D", method="top_down")
    tue = fc[fc.index.day_of_week == 1]
    shape = np.asarray(pattern(tue.index), float)
    expected = shape / shape.sum()
    np.testing.assert_allclose((tue / tue.sum()).to_numpy(), expected, rtol=1e-9)


def test_partial_last_day_is_not_a_low_day():
    idx = hourly(9)
    values = pd.Series(pattern(idx), index=idx)
    cut = values[values.index < MONDAY + pd.Timedelta(weeks=8, days=4, hours=10)]  # Friday 10:00
    assert len(check_history(cut).low_days()) == 0


# ---------------------------------------------------------------- structure
def test_forecasting_modules_import_no_circle():
    """Module-level imports inside ccskills.forecasting form no cycle (the old _api ↔ _backtest)."""
    import ccskills.forecasting as package

    folder = pathlib.Path(package.__file__).parent
    graph = {}
    for path in folder.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imports = set()
        for node in tree.body:  # top level only: lazy imports inside functions are not a circle
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("ccskills.forecasting"):
                target = node.module.rsplit(".", 1)[-1]
                names = [a.name for a in node.names] if target == "forecasting" else [target]
                imports.update(n for n in names if (folder / f"{n}.py").exists())
        graph[path.stem] = imports - {path.stem}
    state = {}

    def visit(node, trail):
        if state.get(node) == "open":
            raise AssertionError(f"import circle: {' -> '.join(trail + [node])}")
        if state.get(node) == "done":
            return
        state[node] = "open"
        for nxt in graph.get(node, ()):
            visit(nxt, trail + [node])
        state[node] = "done"

    for module in graph:
        if module != "__init__":
            visit(module, [])
    assert "forecast_slots" not in (folder / "_backtest.py").read_text(encoding="utf-8")
