"""Compare a trainee's value with the expected one, and say why they differ.

:func:`compare` returns ``None`` when the values agree and otherwise one sentence
(in the engine language) naming the first difference. The kind of comparison
follows the type of the *expected* value (``functools.singledispatch``):

* numbers: within ``rtol``/``atol`` as in ``numpy.isclose`` (relative to the
  expected value); ``nan`` only matches ``nan``;
* ``numpy`` arrays: same shape, then element by element (exact for non-numbers);
* ``pandas.Series``: same index, then values by label; the name and the dtype
  (int vs float) are ignored;
* ``pandas.DataFrame``: same column names (any order) and index, then column by
  column;
* lists/tuples and dicts: item by item, recursively; anything else: ``==``.

A value of the wrong type (a string where a number belongs) gives a sentence,
never an exception.

Examples
--------
>>> compare(0.2000001, 0.2, Rules(), "en") is None
True
>>> compare(0.25, 0.2, Rules(), "en")
'expected 0.2, got 0.25.'
>>> compare("0.2", 0.2, Rules(), "en")
"wrong type: should be a number, yours is str '0.2'."
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from functools import singledispatch

import numpy as np
import pandas as pd

from ._messages import text

__all__ = ["Rules", "compare", "show"]


@dataclass(frozen=True)
class Rules:
    """How strictly to compare: tolerances, and whether to reveal the expected value.

    Parameters
    ----------
    rtol : float
        Relative tolerance, as a fraction of the expected value (default 1e-6).
    atol : float
        Absolute tolerance, in the unit of the value (default 0).
    reveal : bool
        Say the expected value in the feedback (else only "too high/too low").
    """

    rtol: float = 1e-6
    atol: float = 0.0
    reveal: bool = True


def compare(got, expected, rules: Rules, lang: str | None = None) -> str | None:
    """``None`` if ``got`` matches ``expected`` under ``rules``, else the reason."""
    return _compare(expected, got, rules, lang)


def show(value) -> str:
    """A short, readable rendering of ``value`` for feedback sentences.

    >>> show(0.123456789), show(np.int64(14)), show("x" * 80)[-3:]
    ('0.1234568', '14', 'xx…')
    """
    if isinstance(value, numbers.Integral) and not isinstance(value, (bool, np.bool_)):
        return str(int(value))
    if isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_)):
        return f"{float(value):.7g}"
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:59] + "…"


def _wrong_type(kind: str, got, lang, **fields) -> str:
    kind_text = text(kind, lang, **fields)
    return text("wrong_type", lang, kind=kind_text, got_type=type(got).__name__, got=show(got))


def _mismatch(got, expected, rules: Rules, lang) -> str:
    if rules.reveal:
        return text("expected_got", lang, expected=show(expected), got=show(got))
    if _is_real(got) and _is_real(expected):
        return text("too_high" if got > expected else "too_low", lang, got=show(got))
    return text("differs", lang, got=show(got))


def _is_real(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))


@singledispatch
def _compare(expected, got, rules: Rules, lang) -> str | None:
    try:
        same = bool(got == expected)
    except Exception:  # e.g. an array compared with a scalar
        same = False
    return None if same else _mismatch(got, expected, rules, lang)


@_compare.register(bool)
@_compare.register(np.bool_)
def _(expected, got, rules, lang):
    if isinstance(got, (bool, np.bool_)) and bool(got) == bool(expected):
        return None
    return _mismatch(got, expected, rules, lang)


@_compare.register(numbers.Real)
def _(expected, got, rules, lang):
    if not _is_real(got):
        return _wrong_type("kind_number", got, lang)
    if np.isnan(float(got)) and not np.isnan(float(expected)):
        return text("nan", lang)
    if np.isclose(float(got), float(expected), rtol=rules.rtol, atol=rules.atol, equal_nan=True):
        return None
    return _mismatch(got, expected, rules, lang)


@_compare.register(str)
def _(expected, got, rules, lang):
    if got == expected:
        return None
    return _mismatch(got, expected, rules, lang)


@_compare.register(np.ndarray)
def _(expected, got, rules, lang):
    if isinstance(got, (str, bytes)) or got is None:
        return _wrong_type("kind_array", got, lang)
    try:
        got_arr = np.asarray(got, dtype=float if _numeric(expected) else None)
    except (TypeError, ValueError):
        return _wrong_type("kind_array", got, lang)
    if got_arr.shape != expected.shape:
        return text("shape", lang, expected=expected.shape, got=got_arr.shape)
    return _elementwise(got_arr, expected, rules, lang, labels=None)


def _numeric(values) -> bool:
    dtype = values.dtype
    return pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)


def _elementwise(got: np.ndarray, expected: np.ndarray, rules, lang, labels) -> str | None:
    """Compare same-shaped arrays; name the first bad element by label or position."""
    if _numeric(expected) and _numeric(got):
        ok = np.isclose(got.astype(float), expected.astype(float),
                        rtol=rules.rtol, atol=rules.atol, equal_nan=True)
    else:
        ok = np.array([_compare(e, g, rules, lang) is None
                       for g, e in zip(got.ravel(), expected.ravel())]).reshape(expected.shape)
    if ok.all():
        return None
    first = tuple(int(i) for i in np.argwhere(~ok)[0])
    where = f"[{_item(labels[first[0]])!r}]" if labels is not None else str(list(first))
    detail = _compare(_item(expected[first]), _item(got[first]), rules, lang)
    return text("elements", lang, n=ok.size, bad=int((~ok).sum()), where=where, detail=detail)


def _item(value):
    """A numpy scalar as the matching Python scalar (other values unchanged)."""
    return value.item() if isinstance(value, np.generic) else value


@_compare.register(pd.Series)
def _(expected, got, rules, lang):
    if not isinstance(got, pd.Series):
        return _wrong_type("kind_series", got, lang)
    return _labelled(expected, got, rules, lang)


def _labelled(expected: pd.Series, got: pd.Series, rules, lang) -> str | None:
    if len(got) != len(expected):
        return text("shape", lang, expected=(len(expected),), got=(len(got),))
    if not got.index.equals(expected.index):
        return text("index", lang, expected=show(list(expected.index)), got=show(list(got.index)))
    exp_values = expected.to_numpy()
    if _numeric(expected):
        try:
            got_values = got.to_numpy(dtype=float, na_value=np.nan)
        except (TypeError, ValueError):
            return _wrong_type("kind_array", got.tolist(), lang)
        exp_values = expected.to_numpy(dtype=float, na_value=np.nan)
    else:
        got_values = got.to_numpy()
    return _elementwise(got_values, exp_values, rules, lang, labels=expected.index)


@_compare.register(pd.DataFrame)
def _(expected, got, rules, lang):
    if not isinstance(got, pd.DataFrame):
        return _wrong_type("kind_frame", got, lang)
    missing = [c for c in expected.columns if c not in got.columns]
    extra = [c for c in got.columns if c not in expected.columns]
    if missing or extra:
        return text("columns", lang, missing=show(missing), extra=show(extra))
    for name in expected.columns:
        reason = _labelled(expected[name], got[name], rules, lang)
        if reason:
            return text("column", lang, name=name, reason=reason)
    return None


@_compare.register(list)
@_compare.register(tuple)
def _(expected, got, rules, lang):
    if not isinstance(got, (list, tuple, np.ndarray, pd.Series)) or len(got) != len(expected):
        return _wrong_type("kind_sequence", got, lang, n=len(expected))
    for i, (g, e) in enumerate(zip(list(got), expected)):
        reason = _compare(e, _item(g), rules, lang)
        if reason:
            return text("item", lang, i=i, reason=reason)
    return None


@_compare.register(dict)
def _(expected, got, rules, lang):
    if not isinstance(got, dict):
        return _wrong_type("kind_mapping", got, lang)
    missing = [k for k in expected if k not in got]
    extra = [k for k in got if k not in expected]
    if missing or extra:
        return text("keys", lang, missing=show(missing), extra=show(extra))
    for key, e in expected.items():
        reason = _compare(e, got[key], rules, lang)
        if reason:
            return text("key", lang, name=key, reason=reason)
    return None
