"""The ``____`` placeholder that trainees replace with their answer.

An untouched exercise notebook must run top to bottom without an error, so that
``q1.check()`` can say "not attempted". The placeholder therefore absorbs the
operations that starter code typically applies to it: arithmetic, comparisons,
``round``, ``math.ceil``/``math.floor``, numpy ufuncs and functions, pandas
arithmetic, attribute access and calls (``____.mean()``), indexing and
formatting all give back ``____`` itself, so anything computed from an unfilled
answer is still recognisably unfilled.

Limits (what Python does not allow to return ``____``):

* ``float(____)``, the ``math`` functions that go through it (``math.sqrt``,
  ``math.exp``, …) and float arrays (``np.array([____], dtype=float)``) give
  ``nan``; the checker then says the value is ``nan`` and reminds the trainee to
  fill in ``____``.
* ``int(____)``, ``range(____)`` and ``some_list[____]`` raise a ``TypeError``
  whose message says to replace ``____`` first.
* Building containers (``[____, 1]``, ``np.array([1, ____])``,
  ``pd.Series([____])``) keeps the placeholder inside them (numpy and pandas make
  an object array); the engine looks for it inside lists, tuples, dicts, sets,
  numpy object arrays and pandas objects, three levels deep.
* ``len(____)`` is 0, iterating over it yields nothing and ``bool(____)`` is False.

Examples
--------
>>> from ccskills.exercises import ____
>>> ____
____
>>> aht_s = ____
>>> round(aht_s * 120 / 1800, 3)
____
>>> ____ == ____, ____ == 0, bool(____)
(True, False, False)
>>> f"{____:.1%}"
'____'
"""

from __future__ import annotations

import math

import numpy as np

__all__ = ["Placeholder", "____", "contains_placeholder"]

_FILL_FIRST = "____ is a placeholder: replace ____ with your answer first / 请先把 ____ 换成你的答案"


class Placeholder:
    """Type of the ``____`` singleton; see the module docstring for its rules."""

    __slots__ = ()
    _instance: Placeholder | None = None
    # Higher than DataFrame (4000) so pandas hands arithmetic back to us.
    __pandas_priority__ = 10_000

    def __new__(cls) -> Placeholder:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "____"

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return "____"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Placeholder)

    def __ne__(self, other: object) -> bool:
        return not isinstance(other, Placeholder)

    def __hash__(self) -> int:
        return hash("ccskills.exercises.____")

    def __bool__(self) -> bool:
        return False

    def __len__(self) -> int:
        return 0

    def __iter__(self):
        return iter(())

    def __contains__(self, item: object) -> bool:
        return False

    def __float__(self) -> float:
        return math.nan

    def __int__(self) -> int:
        raise TypeError(_FILL_FIRST)

    __index__ = __int__

    def _absorb(self, *args, **kwargs) -> Placeholder:
        return self

    # Arithmetic, reflected arithmetic, unary operators, rounding, comparisons.
    __add__ = __radd__ = __sub__ = __rsub__ = _absorb
    __mul__ = __rmul__ = __matmul__ = __rmatmul__ = _absorb
    __truediv__ = __rtruediv__ = __floordiv__ = __rfloordiv__ = _absorb
    __mod__ = __rmod__ = __pow__ = __rpow__ = __divmod__ = __rdivmod__ = _absorb
    __neg__ = __pos__ = __abs__ = __invert__ = _absorb
    __round__ = __ceil__ = __floor__ = __trunc__ = _absorb
    __lt__ = __le__ = __gt__ = __ge__ = _absorb
    __and__ = __rand__ = __or__ = __ror__ = __xor__ = __rxor__ = _absorb
    # ``____.mean()``, ``____["col"]``, ``____.loc[...]`` stay the placeholder.
    __call__ = __getitem__ = _absorb

    def __getattr__(self, name: str) -> Placeholder:
        if name.startswith("_"):  # keep copy, pickle, IPython and numpy probes honest
            raise AttributeError(name)
        return self

    def __setattr__(self, name: str, value: object) -> None:
        """Ignore: the singleton is shared and must never change."""

    def __setitem__(self, key: object, value: object) -> None:
        """Ignore, as for attributes."""

    def __copy__(self) -> Placeholder:
        return self

    def __deepcopy__(self, memo: dict) -> Placeholder:
        return self

    def __reduce__(self) -> str:
        return "____"

    def __array__(self, dtype=None, copy=None) -> np.ndarray:
        """A 0-d object array holding ``____``, so ``np.array([1, ____])`` works."""
        held = np.empty((), dtype=object)
        held[()] = self
        return held if dtype is None else held.astype(dtype)

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        if ufunc is np.equal:
            return all(isinstance(x, Placeholder) for x in inputs)
        if ufunc is np.not_equal:
            return not all(isinstance(x, Placeholder) for x in inputs)
        return self

    def __array_function__(self, func, types, args, kwargs) -> Placeholder:
        return self


____ = Placeholder()


def contains_placeholder(value: object, depth: int = 3) -> bool:
    """True if ``value`` is ``____`` or holds it (containers, object arrays, pandas).

    Examples
    --------
    >>> contains_placeholder([1, {"a": ____}]), contains_placeholder((1, 2.5))
    (True, False)
    """
    if isinstance(value, Placeholder):
        return True
    if depth == 0:
        return False
    return any(contains_placeholder(v, depth - 1) for v in _members(value))


def _members(value: object):
    """The items to look into for a placeholder (nothing for scalars)."""
    if isinstance(value, (list, tuple, set, frozenset)):
        return value
    if isinstance(value, dict):
        return value.values()
    if hasattr(value, "columns") and hasattr(value, "dtypes"):  # DataFrame
        return [value.iloc[:, i] for i, dt in enumerate(value.dtypes) if dt == object]
    if getattr(value, "dtype", None) == object and hasattr(value, "__array__"):
        return np.asarray(value, dtype=object).ravel()  # object ndarray or Series
    return ()
