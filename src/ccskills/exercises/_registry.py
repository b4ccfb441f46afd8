"""Where the no-code workbooks live: one module per set, imported when first asked for.

>>> [q.id for q in no_code_questions() if q.set == "ch02"][:2]
['offered_load', 'agents_80_20']
"""

from __future__ import annotations

from importlib import import_module

from ._no_code import NoCodeQuestion, NoCodeSet

__all__ = ["NO_CODE_SETS", "no_code_questions", "no_code_set"]

NO_CODE_SETS: dict[str, str] = {
    "ch01": "ccskills.exercises.ch01_no_code",
    "ch01_kano": "ccskills.exercises.ch01_kano_no_code",
    "ch02": "ccskills.exercises.ch02_no_code",
    "ch03": "ccskills.exercises.ch03_no_code",
    "ch04": "ccskills.exercises.ch04_no_code",
    "ch05": "ccskills.exercises.ch05_no_code",
    "ch06": "ccskills.exercises.ch06_no_code",
    "ch07": "ccskills.exercises.ch07_no_code",
    "ch07_system": "ccskills.exercises.ch07_system_no_code",
    "ch08": "ccskills.exercises.ch08_no_code",
    "pretest": "ccskills.exercises.assessments:PRETEST",
    "posttest": "ccskills.exercises.assessments:POSTTEST",
}
"""Set name → the module whose ``SET`` declares it (or ``module:NAME``), in course order."""


def no_code_set(name: str) -> NoCodeSet:
    """The workbook ``name`` ("ch02", "ch05", …); ``ValueError`` naming the known ones otherwise."""
    if name not in NO_CODE_SETS:
        raise ValueError(f"name must be one of {sorted(NO_CODE_SETS)}, got {name!r}")
    module, _, attribute = NO_CODE_SETS[name].partition(":")
    return getattr(import_module(module), attribute or "SET")


def no_code_questions() -> tuple[NoCodeQuestion, ...]:
    """Every no-code question of every set, in course order (the contract of issue 10)."""
    return tuple(q for name in NO_CODE_SETS for q in no_code_set(name).questions)
