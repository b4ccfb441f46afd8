"""How many QA evaluations are enough: sample size and margin of error (抽样量与误差范围).

Both follow the normal approximation for a proportion (a pass rate, an error rate)
and for a mean score, with the finite-population correction when the month's
calls ``population`` are few (domain.md §2.2):

- ``n0 = z² p (1 − p) / E²`` and ``n = n0 / (1 + (n0 − 1) / N)``;
- ``E = z √(p (1 − p) / n) · √((N − n) / (N − 1))``, the exact inverse of the above;
- for a mean score with standard deviation ``s``: ``E = z s / √n`` (same correction).

``z`` is the two-sided normal quantile of ``confidence`` (1.96 at 95 %).
"""

from __future__ import annotations

import math

import numpy as np

from .._validation import check_fraction, check_positive

__all__ = ["z_value", "sample_size", "margin_of_error", "score_margin_of_error"]


#: Largest sample :func:`sample_size` returns: beyond it the margin is a typing error.
MAX_SAMPLE = 1e12


def z_value(confidence: float = 0.95) -> float:
    """Two-sided normal quantile ``z`` for ``confidence`` in (0, 1): 1.959964 at 0.95."""
    from scipy.stats import norm

    c = float(check_fraction("confidence", confidence, low_open=True, high_open=True))
    return float(norm.ppf(0.5 + c / 2))


def _check_population(population, n=None):
    if population is None:
        return None
    if isinstance(population, bool) or not isinstance(population, (int, np.integer)) or population < 1:
        raise ValueError(f"population must be a whole number of calls >= 1, got {population!r}")
    if population > MAX_SAMPLE:
        raise ValueError(f"population must be at most {MAX_SAMPLE:.0e} calls, got {population!r}")
    if n is not None and n > population:
        raise ValueError(f"n must be at most population ({population}), got {n!r}")
    return int(population)


def _check_n(n) -> int:
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"n must be a whole number of evaluations >= 1, got {n!r}")
    if n > MAX_SAMPLE:
        raise ValueError(f"n must be at most {MAX_SAMPLE:.0e} evaluations, got {n!r}")
    return int(n)


def sample_size(margin, confidence=0.95, proportion=0.5, population=None) -> int:
    """Evaluations needed so a proportion is known to within ± ``margin`` (rounded up).

    ``margin`` and ``proportion`` are fractions (0.05 = ±5 percentage points);
    ``population`` is the number of calls the sample is drawn from (None: unlimited).
    Formula in the module docstring (domain.md §2.2: 95 %, ±5 %, 1,000 calls → 278).

    >>> sample_size(0.05), sample_size(0.05, population=1000), sample_size(0.10, proportion=0.9)
    (385, 278, 35)
    """
    e = float(check_fraction("margin", margin, low_open=True, high_open=True))
    p = float(check_fraction("proportion", proportion, low_open=True, high_open=True))
    z = z_value(confidence)
    with np.errstate(over="ignore"):
        n0 = float(np.float64(z / e) ** 2 * p * (1 - p))  # inf for a margin below ~1e-154
    big_n = _check_population(population)
    if big_n is not None and n0 > 0:
        n0 = float(big_n) if math.isinf(n0) else n0 * big_n / (n0 + (big_n - 1))  # = n0 / (1 + (n0 - 1) / N)
    if n0 > MAX_SAMPLE:
        raise ValueError(f"margin must be wide enough for a sample of at most {MAX_SAMPLE:.0e} "
                         f"evaluations, got {margin!r}")
    return max(1, math.ceil(n0 - 1e-9))


def margin_of_error(n, confidence=0.95, proportion=0.5, population=None) -> float:
    """± margin (a fraction) of a proportion measured on ``n`` evaluations; inverse of :func:`sample_size`.

    With ``population`` N the finite-population factor √((N − n)/(N − 1)) applies
    (0 when every call is evaluated). domain.md §2.2 table: n = 5, p = 0.5 → ±43.8 pp.

    >>> round(margin_of_error(5), 3), round(margin_of_error(5, proportion=0.9), 3)
    (0.438, 0.263)
    """
    n = _check_n(n)
    p = float(check_fraction("proportion", proportion, low_open=True, high_open=True))
    return z_value(confidence) * math.sqrt(p * (1 - p) / n) * _fpc(n, population)


def score_margin_of_error(n, sd, confidence=0.95, population=None) -> float:
    """± margin (in score points) of a mean QA score over ``n`` evaluations: ``z · sd / √n``.

    ``sd`` is the standard deviation of single evaluation scores (points).
    domain.md §2.2: n = 5, s = 10 points → ±8.8 points.

    >>> round(score_margin_of_error(5, 10), 1)
    8.8
    """
    n = _check_n(n)
    s = float(check_positive("sd", sd))
    return z_value(confidence) * s / math.sqrt(n) * _fpc(n, population)


def _fpc(n: int, population) -> float:
    big_n = _check_population(population, n)
    if big_n is None or big_n == 1:
        return 1.0
    return math.sqrt((big_n - n) / (big_n - 1))
