"""Tests of ccskills.forecasting._intervals (forecast intervals from backtest errors).

References, computed here without the module's helpers: seasonal naive's backtest errors by
hand (the value one week earlier is the forecast), their standardised quantiles with
``np.quantile``, and the coverage of simulated Poisson weeks whose distribution is known.
"""

import numpy as np
import pandas as pd
import pytest

from ccskills.forecasting._intervals import (
    ErrorModel, error_model, forecast_intervals, forecast_quantile, interval_columns)

MONDAY = pd.Timestamp("2026-01-05")
WEEK = pd.Timedelta(days=7)


def hourly_poisson(weeks: int, seed: int, level: float = 40.0) -> pd.Series:
    """Open 08:00–20:00 every day; Poisson counts around a daily shape (mean 0.5·level…1.5·level)."""
    idx = pd.date_range(MONDAY, MONDAY + weeks * WEEK, freq="h", inclusive="left")
    idx = idx[(idx.hour >= 8) & (idx.hour < 20)]
    mean = level * (1 + 0.5 * np.sin((idx.hour - 8) / 12 * np.pi) - 0.25 * (idx.day_of_week >= 5))
    rng = np.random.default_rng(seed)
    return pd.Series(rng.poisson(mean).astype(float), index=idx)


def test_columns_attrs_and_nesting():
    hist = hourly_poisson(12, seed=1)
    bands = forecast_intervals(hist, "7D", method="historical_average", k=4)
    assert list(bands.columns) == ["forecast", "lower_80", "upper_80", "lower_95", "upper_95"]
    assert bands.index[0] == pd.Timestamp("2026-03-30 08:00") and len(bands) == 7 * 12
    assert bands.attrs["method"] == "historical_average" and bands.attrs["backtest_origins"] == 8
    assert isinstance(bands.attrs["error_model"], ErrorModel)
    # 8 origins × 84 open slots = 672 errors → 3 buckets of ≥ 200
    assert bands.attrs["error_model"].n_errors == 672 and len(bands.attrs["error_model"].errors) == 3
    b = bands
    assert (b["lower_95"] >= 0).all()
    assert (b["lower_95"] <= b["lower_80"]).all() and (b["lower_80"] <= b["forecast"]).all()
    assert (b["forecast"] <= b["upper_80"]).all() and (b["upper_80"] <= b["upper_95"]).all()
    assert (b["upper_95"] > b["forecast"]).all()


def test_seasonal_naive_band_matches_hand_computed_quantiles():
    """Two origins × 84 slots = 168 errors: one bucket, so every slot uses the same z quantiles."""
    hist = hourly_poisson(6, seed=2)
    bands = forecast_intervals(hist, "7D", method="seasonal_naive", levels=(0.8, 0.95), backtest_origins=2)
    end = hist.index[-1] + pd.Timedelta(hours=1)
    origins = [end.ceil("D") - WEEK * i for i in (2, 1)]
    z = []
    for origin in origins:
        actual = hist[(hist.index >= origin) & (hist.index < origin + WEEK)]
        fc = hist.reindex(actual.index - WEEK).to_numpy()  # the same slot a week earlier
        z.append((actual.to_numpy() - fc) / np.sqrt(fc + 1))
    z = np.concatenate(z)
    assert z.size == 168
    f = hist[hist.index >= end - WEEK].to_numpy()
    assert np.allclose(bands["forecast"], f)
    for level in (0.8, 0.95):
        name = f"{level * 100:g}"
        lo = np.minimum(np.maximum(f + np.quantile(z, (1 - level) / 2) * np.sqrt(f + 1), 0), f)
        hi = np.maximum(f + np.quantile(z, (1 + level) / 2) * np.sqrt(f + 1), f)
        assert np.allclose(bands[f"lower_{name}"], lo) and np.allclose(bands[f"upper_{name}"], hi)


def test_error_model_buckets_by_forecast_level():
    """1,000 errors → 5 buckets of 200 sorted by forecast; quantiles interpolate between centres."""
    rng = np.random.default_rng(3)
    f = rng.uniform(0, 100, 1000)
    actual = f + rng.normal(0, 1, 1000) * np.sqrt(f + 1) * (1 + f / 50)  # wider when busier
    table = pd.DataFrame({"origin": MONDAY, "actual": actual, "forecast": f})
    model = error_model(table, "x", {})
    order = np.argsort(f)
    z = (actual - f) / np.sqrt(f + 1)
    assert np.allclose(model.centres, [np.median(f[order[i:i + 200]]) for i in range(0, 1000, 200)])
    q90 = [np.quantile(z[order[i:i + 200]], 0.9) for i in range(0, 1000, 200)]
    assert q90[-1] > 1.8 * q90[0]  # the busier buckets miss by more than √f allows
    mid = (model.centres[1] + model.centres[2]) / 2
    expected = mid + (q90[1] + q90[2]) / 2 * np.sqrt(mid + 1)
    assert np.isclose(model.quantile([mid], 0.9)[0], expected)
    assert np.isclose(model.quantile([500.0], 0.9)[0], 500 + q90[-1] * np.sqrt(501))  # flat beyond


def test_coverage_on_simulated_poisson_weeks():
    """Stationary Poisson counts: the 80 % and 95 % bands cover about that share of new weeks."""
    hits80, hits95, n = 0, 0, 0
    for seed in range(4):
        full = hourly_poisson(14, seed=10 + seed, level=60)
        cut = MONDAY + 12 * WEEK
        bands = forecast_intervals(full[full.index < cut], "14D", method="historical_average")
        actual = full[full.index >= cut].reindex(bands.index)
        hits80 += int(((actual >= bands["lower_80"]) & (actual <= bands["upper_80"])).sum())
        hits95 += int(((actual >= bands["lower_95"]) & (actual <= bands["upper_95"])).sum())
        n += len(bands)
    assert n == 4 * 14 * 12
    assert 0.74 <= hits80 / n <= 0.86 and 0.91 <= hits95 / n <= 0.985


def test_forecast_quantile_matches_the_bands_and_is_monotone():
    bands = forecast_intervals(hourly_poisson(12, seed=4), "7D", method="historical_average")
    assert np.array_equal(forecast_quantile(bands, 0.9), bands["upper_80"])
    assert np.array_equal(forecast_quantile(bands, 0.025), bands["lower_95"])
    qs = [forecast_quantile(bands, q).to_numpy() for q in (0.05, 0.3, 0.5, 0.7, 0.9, 0.99)]
    assert all((a <= b + 1e-12).all() for a, b in zip(qs, qs[1:]))
    assert (qs[-1] > qs[0]).all()


def test_forecast_quantile_from_columns_without_error_model():
    idx = pd.date_range("2026-03-02 09:00", periods=3, freq="15min")
    table = pd.DataFrame({"forecast": [10.0, 20, 30], "lower_80": [6.0, 14, 22],
                          "upper_80": [14.0, 27, 39], "upper_97.5": [20.0, 35, 50]}, index=idx)
    assert forecast_quantile(table, 0.9).tolist() == [14.0, 27.0, 39.0]
    assert forecast_quantile(table, 0.1).tolist() == [6.0, 14.0, 22.0]
    assert forecast_quantile(table, 0.9875).tolist() == [20.0, 35.0, 50.0]
    with pytest.raises(ValueError, match="quantile must be one the bands hold"):
        forecast_quantile(table, 0.7)


@pytest.mark.parametrize("q", [0, 1, 1.5, -0.1, True, "0.9", None, float("nan")])
def test_forecast_quantile_rejects_bad_q(q):
    bands = pd.DataFrame({"forecast": [1.0]}, index=pd.DatetimeIndex(["2026-03-02"]))
    with pytest.raises(ValueError, match="quantile must be"):
        forecast_quantile(bands, q)


def test_forecast_quantile_needs_a_distribution():
    s = pd.Series([1.0], index=pd.DatetimeIndex(["2026-03-02"]))
    with pytest.raises(ValueError, match="quantile needs calls with a distribution"):
        forecast_quantile(s, 0.9)


@pytest.mark.parametrize("levels", [(), (0.8, 1.0), (0, 0.5), (0.8, 0.8), ("a",), (float("nan"),)])
def test_bad_levels(levels):
    with pytest.raises(ValueError, match="levels must be"):
        forecast_intervals(hourly_poisson(12, seed=5), "7D", method="seasonal_naive", levels=levels)


@pytest.mark.parametrize("origins", [1, 0, 2.5, True, "8"])
def test_bad_backtest_origins(origins):
    with pytest.raises(ValueError, match="backtest_origins must be"):
        forecast_intervals(hourly_poisson(12, seed=5), "7D", method="seasonal_naive", backtest_origins=origins)


def test_levels_name_the_columns():
    assert interval_columns((0.95, 0.5, 0.975)) == ["lower_50", "upper_50", "lower_95", "upper_95",
                                                    "lower_97.5", "upper_97.5"]
    bands = forecast_intervals(hourly_poisson(12, seed=6), "2D", method="seasonal_naive", levels=(0.5,))
    assert list(bands.columns) == ["forecast", "lower_50", "upper_50"]


def test_short_history_uses_fewer_origins():
    """historical_average with k=4 needs 4 weeks before the first origin: 6 weeks allow 2 origins."""
    bands = forecast_intervals(hourly_poisson(6, seed=7), "7D", method="historical_average", k=4)
    assert bands.attrs["backtest_origins"] == 2
    with pytest.raises(ValueError, match="history"):
        forecast_intervals(hourly_poisson(5, seed=7), "7D", method="historical_average", k=4)


def test_auto_backtests_the_method_it_chose():
    hist = hourly_poisson(12, seed=8)
    bands = forecast_intervals(hist, "7D", candidates=["seasonal_naive"])
    chosen = bands.attrs["method"]
    assert chosen.startswith(("seasonal_naive", "historical_average", "median"))
    assert isinstance(bands.attrs["auto_backtest_wape"], dict) and chosen in bands.attrs["auto_backtest_wape"]
    assert bands.attrs["error_model"].method == chosen


def test_no_held_out_slots_is_refused():
    empty = pd.DataFrame({"origin": pd.DatetimeIndex([]), "actual": [], "forecast": []})
    with pytest.raises(ValueError, match="history must have open slots in the backtest weeks"):
        error_model(empty, "seasonal_naive", {})
