"""Every course notebook is stored clean, and every lesson has goals and a summary.

Clean means what ``tests/notebook_tools.py finalize`` leaves: the ``python3``
kernelspec, outputs only in ``# NBVAL_CHECK_OUTPUT`` cells (which must have them,
for ``pytest --nbval-lax`` to compare), no widget state, under 400 KB. Lessons are
the notebooks in a chapter folder (``course/NN_*/``) other than the exercise notebooks (``exercises*.ipynb``);
the guide and the calculators (``course/apps/``) are not lessons.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

import notebook_tools as tools

COURSE = Path(__file__).resolve().parents[1] / "course"
NOTEBOOKS = tools.notebooks([COURSE])
LESSONS = [p for p in NOTEBOOKS
           if re.fullmatch(r"\d\d_.+", p.parent.name) and not p.name.startswith("exercises")]


def label(path: Path) -> str:
    return str(path.relative_to(COURSE))


def test_course_has_the_guide_and_lessons():
    assert COURSE / "00_guide.ipynb" in NOTEBOOKS
    assert len(LESSONS) >= 2


@pytest.mark.parametrize("path", NOTEBOOKS, ids=label)
def test_notebook_is_stored_clean(path):
    assert tools.problems(path) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=label)
def test_checked_cells_store_their_outputs(path):
    nb = nbformat.read(path, as_version=4)
    empty = [i for i, cell in enumerate(nb.cells, 1) if tools.is_checked(cell) and not cell.outputs]
    assert not empty, f"cells {empty} are marked {tools.MARKER} but store no output"


@pytest.mark.parametrize("path", LESSONS, ids=label)
def test_lesson_starts_with_goals_and_has_a_summary(path):
    cells = nbformat.read(path, as_version=4).cells
    assert cells[0].cell_type == "markdown" and "学习目标" in cells[0].source
    assert any(c.cell_type == "markdown" and "小结" in c.source for c in cells)


LINK = re.compile(r"\]\(([^)\s]+)\)")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=label)
def test_relative_links_point_at_files(path):
    """Links without a scheme or leading '/' open files in JupyterLab, so the file must exist."""
    cells = nbformat.read(path, as_version=4).cells
    targets = [t for c in cells if c.cell_type == "markdown" for t in LINK.findall(c.source)]
    relative = [t.split("#")[0] for t in targets if not re.match(r"[a-z]+:|/|#", t)]
    missing = [t for t in relative if not (path.parent / t).is_file()]
    assert not missing, f"links to missing files: {missing}"
