"""Shared helpers for the benchmark scripts: timing and a year of interval loads."""

from __future__ import annotations

import time

import numpy as np

INTERVAL_S = 900  # 15-minute intervals
AHT_S = 300.0


def best_of(fn, repeats=5):
    """(best wall time in seconds, last result) over ``repeats`` calls."""
    best, result = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def year_of_loads(seed: int = 2026) -> np.ndarray:
    """35,040 quarter-hour loads from 1 to 800 Erlangs: intraday and weekly shape, noise."""
    rng = np.random.default_rng(seed)
    slot = np.arange(365 * 96)
    hour = (slot % 96) / 4
    intraday = np.exp(-((hour - 11) / 3.0) ** 2) + 0.8 * np.exp(-((hour - 20) / 2.5) ** 2)
    weekly = 1 - 0.25 * (((slot // 96) % 7) >= 5)
    shape = intraday * weekly * rng.lognormal(0, 0.15, slot.size)
    return 1 + 799 * (shape - shape.min()) / (shape.max() - shape.min())
