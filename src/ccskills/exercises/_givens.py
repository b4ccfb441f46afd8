"""The notebook's givens, recreated for the checkers: run a chapter's setup code once and read names.

A chapter module keeps its givens as code strings (the same cells the notebook runs);
its expected values and typical mistakes read the variables from the namespace
those strings build, so nothing is pasted.
"""

from __future__ import annotations

from functools import cache

__all__ = ["given", "run_givens"]


@cache
def run_givens(setup: str) -> dict:
    """The namespace after running ``setup`` once (later calls reuse it; nothing mutates it)."""
    namespace: dict = {"__name__": "__givens__"}
    exec(compile(setup, "<givens>", "exec"), namespace)
    return namespace


def given(setup: str, name: str):
    """The value of ``name`` after running ``setup``: what the notebook has before the answer."""
    return run_givens(setup)[name]
