"""Checks at the boundary of the library, with one message format.

Every check raises ``ValueError`` (or ``TypeError`` for non-numbers) worded as
``"{name} must be …, got {value!r}"``; the apps and the CLI translate these by the
parameter name, so the wording is a contract pinned by tests.
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "as_float_array",
    "check_positive",
    "check_nonnegative",
    "check_fraction",
    "check_finite",
    "check_at_most",
    "check_lang",
]


def as_float_array(name: str, value) -> np.ndarray:
    """Return ``value`` as a float array, or raise ``TypeError`` naming ``name``."""
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(f"{name} must be a number or an array of numbers, got {value!r}")
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(
            f"{name} must be a number or an array of numbers, got {value!r}"
        ) from None
    if np.isnan(arr).any():
        raise ValueError(f"{name} must not be NaN, got {_first_bad(value, np.isnan(arr))!r}")
    return arr


def _first_bad(value, bad: np.ndarray):
    """The value itself for scalars, else the first offending element."""
    if np.ndim(value) == 0:
        return value
    return np.asarray(value, dtype=float)[bad].flat[0].item()


def _raise_where(name: str, value, arr: np.ndarray, bad: np.ndarray, must: str) -> None:
    if bad.any():
        raise ValueError(f"{name} must be {must}, got {_first_bad(value, bad)!r}")


def check_positive(name: str, value, *, allow_inf: bool = False) -> np.ndarray:
    """Array of ``value``; every element > 0 (and finite unless ``allow_inf``)."""
    arr = as_float_array(name, value)
    bad = ~(arr > 0) | (~np.isfinite(arr) if not allow_inf else np.zeros_like(arr, bool))
    _raise_where(name, value, arr, bad, "a positive number")
    return arr


def check_nonnegative(name: str, value) -> np.ndarray:
    """Array of ``value``; every element finite and >= 0."""
    arr = as_float_array(name, value)
    _raise_where(name, value, arr, ~(arr >= 0) | ~np.isfinite(arr), "zero or a positive number")
    return arr


def check_finite(name: str, value) -> np.ndarray:
    """Array of ``value``; every element finite."""
    arr = as_float_array(name, value)
    _raise_where(name, value, arr, ~np.isfinite(arr), "a finite number")
    return arr


def check_at_most(name: str, value, limit: float, must: str, *, mask=None) -> np.ndarray:
    """Array of ``value``; every element ≤ ``limit`` (the model's verified range), else
    ``ValueError("{name} must be {must}, got …")`` with the first offending element.

    ``mask``, if given, is the derived quantity compared with ``limit`` instead (same shape
    as ``value``), e.g. the load that ``calls`` give; the message still shows ``value``.
    """
    arr = as_float_array(name, value)
    _raise_where(name, value, arr, ~((arr if mask is None else np.asarray(mask)) <= limit), must)
    return arr


def check_fraction(
    name: str, value, *, low_open: bool = False, high_open: bool = False
) -> np.ndarray:
    """Array of ``value``; every element in [0, 1] with the chosen ends open."""
    arr = as_float_array(name, value)
    low = arr > 0 if low_open else arr >= 0
    high = arr < 1 if high_open else arr <= 1
    interval = f"{'(' if low_open else '['}0, 1{')' if high_open else ']'}"
    _raise_where(name, value, arr, ~(low & high), f"a fraction in {interval}")
    return arr


def check_lang(lang) -> str:
    """``lang`` itself if it is one of the library's two languages, 'zh' or 'en'; else ValueError."""
    if lang not in ("zh", "en"):
        raise ValueError(f"lang must be 'zh' or 'en', got {lang!r}")
    return lang
