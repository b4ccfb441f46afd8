"""The guide (course/00_guide.ipynb) reaches every lesson, exercise set, calculator and workbook.

A trainee finds a notebook from the guide's course map and tables: a lesson added to a chapter
folder (or the management templates page) that the guide does not link cannot be found in class.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

COURSE = Path(__file__).resolve().parents[1] / "course"
LINK = re.compile(r"\]\(([^)\s#]+\.ipynb)\)")


@pytest.fixture(scope="module")
def links() -> set[str]:
    cells = nbformat.read(COURSE / "00_guide.ipynb", as_version=4).cells
    text = "\n".join(c.source for c in cells if c.cell_type == "markdown")
    return set(LINK.findall(text))


def _notebooks(pattern: str) -> list[str]:
    return sorted(p.relative_to(COURSE).as_posix() for p in COURSE.glob(pattern))


@pytest.mark.parametrize("notebook", _notebooks("0[1-8]_*/*.ipynb"))
def test_every_chapter_notebook_is_on_the_course_map(links, notebook):
    assert notebook in links, f"00_guide.ipynb does not link {notebook}"


# The course evaluation is handed out by the trainer at the close (trainer guide), not a guide entry.
TRAINER_HANDS_OUT = {"workbooks/evaluation.ipynb"}


@pytest.mark.parametrize("notebook", [n for n in _notebooks("apps/*.ipynb") + _notebooks("workbooks/*.ipynb")
                                      if n not in TRAINER_HANDS_OUT])
def test_every_calculator_and_workbook_is_in_the_guide_tables(links, notebook):
    assert notebook in links, f"00_guide.ipynb does not link {notebook}"


def test_every_link_of_the_guide_exists(links):
    missing = sorted(target for target in links if not (COURSE / target).is_file())
    assert not missing, missing


def test_the_management_templates_are_reachable(links):
    assert {"07_management_system/templates.ipynb", "apps/management_templates.ipynb"} <= links
