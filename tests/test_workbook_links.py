"""Every chapter links its no-code workbook, and every linked file exists.

A chapter gives the relative link that JupyterLab opens, ``../workbooks/<set>.ipynb`` (then
Render with Voilà), and points to the guide's links cell for the Voila page. It never gives an
absolute ``/voila/render/...`` address: that is the server's root, which on a JupyterHub
(``/user/<name>/...``) and on Binder is a 404.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from ccskills.exercises import NO_CODE_SETS

COURSE = Path(__file__).resolve().parents[1] / "course"
# exercises.ipynb of chapter NN is set chNN; exercises_<part>.ipynb (a chapter's second set) is chNN_<part>
EXERCISES = {
    f"{p.parent.name}/{p.name}": f"ch{p.parent.name[:2]}" + p.stem.removeprefix("exercises")
    for p in COURSE.glob("0[1-8]_*/exercises*.ipynb")
}
LINK = re.compile(r"\]\(([^)\s]+)\)")


def markdown(path: Path) -> str:
    cells = nbformat.read(path, as_version=4).cells
    return "\n".join(c.source for c in cells if c.cell_type == "markdown")


def last_lesson(chapter: Path) -> Path:
    return sorted(chapter.glob("0*.ipynb"))[-1]


def test_every_exercise_set_has_a_chapter_notebook_here():
    chapters = {p.name[:2] for p in COURSE.glob("0[1-8]_*") if p.is_dir()}
    assert {name[2:4] for name in EXERCISES.values()} == chapters
    chapter_sets = {name for name in NO_CODE_SETS if re.fullmatch(r"ch\d\d(_\w+)?", name)}
    assert set(EXERCISES.values()) == chapter_sets  # every chapter set has its code-track notebook
    assert len(EXERCISES) == 10


@pytest.mark.parametrize("notebook, workbook", sorted(EXERCISES.items()))
def test_exercises_link_their_workbook_both_ways(notebook, workbook):
    text = markdown(COURSE / notebook)
    assert f"[不写代码的练习册 (no-code workbook)](../workbooks/{workbook}.ipynb)" in text
    assert "](../00_guide.ipynb)" in text and "/voila/render" not in text


@pytest.mark.parametrize("chapter", sorted(p.name for p in COURSE.glob("0[1-8]_*") if p.is_dir()))
def test_each_chapter_closing_summary_links_its_workbook(chapter):
    text = markdown(last_lesson(COURSE / chapter))
    summary = text[text.rindex("小结"):]
    assert f"](../workbooks/ch{chapter[:2]}.ipynb)" in summary
    assert "](../00_guide.ipynb)" in summary and "/voila/render" not in text


@pytest.mark.parametrize("path", sorted(COURSE.glob("0*/*.ipynb")), ids=lambda p: p.relative_to(COURSE).as_posix())
def test_every_workbook_link_points_at_a_workbook_notebook(path):
    for target in LINK.findall(markdown(path)):
        if "workbooks/" not in target:
            continue
        relative = target.removeprefix("/voila/render/")
        file = (COURSE / relative) if target.startswith("/voila/render/") else (path.parent / target)
        assert file.resolve().is_file(), f"{path.name} links {target}, which does not exist"


NOTE_COUNTS = re.compile(r"`course/workbooks/(\w+)\.ipynb`.*?共 (\d+) 题：数字题 (\d+)、单选 (\d+)、多选 (\d+)")


@pytest.mark.parametrize("note", sorted(COURSE.glob("0*/trainer_note*.md")),
                         ids=lambda p: p.relative_to(COURSE).as_posix())
def test_each_trainer_note_names_its_workbook_with_todays_counts(note):
    from ccskills.exercises import no_code_set

    expected = "ch01_kano" if note.name == "trainer_note_kano.md" else f"ch{note.parent.name[:2]}"
    found = NOTE_COUNTS.search(note.read_text("utf-8"))
    assert found and found[1] == expected, f"{note.name}: add the workbook section for {expected}"
    assert (COURSE / "workbooks" / f"{expected}.ipynb").is_file()
    questions = no_code_set(expected).questions
    kinds = [sum(q.kind == k for q in questions) for k in ("number", "choice", "multiple")]
    assert [int(x) for x in found.groups()[1:]] == [len(questions), *kinds]


@pytest.mark.parametrize("path", sorted(COURSE.rglob("*.ipynb")), ids=lambda p: p.relative_to(COURSE).as_posix())
def test_no_course_notebook_links_the_servers_root(path):
    """A link starting with "/" leaves /user/<name>/ on a hub and on Binder: the page is a 404 there."""
    if ".ipynb_checkpoints" in path.parts:
        return
    rooted = [target for target in LINK.findall(markdown(path)) if target.startswith("/")]
    assert not rooted, f"{path.relative_to(COURSE)} links {rooted}: use a relative link or the guide's links cell"
