"""The participant workbook (学员手册): built from the course, checked against the course read here.

Learning goals are parsed in this file from the notebooks' JSON (not by the workbook's reader), the
chapters and sets from the trainer guide's table by another route, and every no-code question's
prompt must be in the PDF text while no answer or explanation is.
"""

from __future__ import annotations

import io
import json
import re
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from ccskills.exercises import no_code_set
from ccskills.materials import _typst, build
from ccskills.materials._workbook_markdown import md_blocks, md_runs
from pdf_tools import flat_text, fonts

COURSE = Path(__file__).resolve().parents[1] / "course"


def flat(text: str) -> str:
    return "".join(text.split())


def workshop_sets() -> list[str]:
    """The trainer guide's workbook table: chapter sets scheduled on day 1-3 (not the optional day)."""
    sets = []
    for line in (COURSE / "trainer_guide.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        page = re.search(r"course/workbooks/(ch\w+)\.ipynb", line)
        if page and cells[-1][:5] in ("第 1 天", "第 2 天", "第 3 天"):
            sets.append(page.group(1))
    return sets


def goals_of(notebook: Path) -> list[str]:
    """The numbered items under "## 学习目标" in the notebook's first cell, Markdown removed."""
    first = "".join(json.loads(notebook.read_text(encoding="utf-8"))["cells"][0]["source"])
    section = first.split("## 学习目标", 1)[1]
    items = re.findall(r"^\d+\.\s+(.*)$", section, flags=re.M)
    return [re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", item).replace("**", "").replace("`", "") for item in items]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("workbook")
    wall, cpu = time.perf_counter(), time.process_time()
    (item,) = build(out, ["workbook"])
    return item, time.perf_counter() - wall, time.process_time() - cpu


@pytest.fixture(scope="module")
def reader(built):
    return PdfReader(built[0].path)


@pytest.fixture(scope="module")
def text(reader):
    return flat_text(reader)


def test_the_sets_are_the_three_days_chapters():
    sets = workshop_sets()
    assert sets[0] == "ch01" and "ch06" in sets and not {"ch07", "ch08"} & set(sets)


def test_pages_fonts_and_build_time(built, reader):
    item, wall, cpu = built
    assert 40 <= item.pages <= 140 and len(reader.pages) == item.pages
    used = fonts(reader)
    assert used and all(used.values()), used
    assert any("CJK" in name or "MicroHei" in name for name in used)
    assert cpu < 20, f"build took {cpu:.1f} s of CPU ({wall:.1f} s wall)"


def test_contents_lists_every_chapter_of_the_workshop(reader):
    contents = flat(reader.pages[1].extract_text())
    assert "目录" in contents
    for number in sorted({s[2:4] for s in workshop_sets()}):
        folder = next(COURSE.glob(f"{number}_*"))
        assert f"第{number}章" in contents, number
        lessons = sorted(folder.glob("0*.ipynb"))
        assert lessons, folder


def test_every_lessons_learning_goals_are_printed(text):
    for number in sorted({s[2:4] for s in workshop_sets()}):
        for notebook in sorted(next(COURSE.glob(f"{number}_*")).glob("0*.ipynb")):
            goals = goals_of(notebook)
            assert goals, notebook
            for goal in goals:
                assert flat(goal) in text, (notebook.name, goal)


def test_every_question_prompt_and_option_is_printed(text):
    for name in workshop_sets():
        questions = no_code_set(name).questions
        assert questions
        for q in questions:
            assert flat(q.prompt.zh) in text, (name, q.id)
            for choice in q.choices:
                assert flat(choice.zh) in text, (name, q.id, choice.zh)


def test_no_answer_or_explanation_is_printed(text):
    assert not re.search(r"答案[:：]?[A-Z0-9]", text)  # a chart or line printing "答案 14" or "答案：B"
    for name in workshop_sets():
        for q in no_code_set(name).questions:
            if q.explanation and len(flat(q.explanation)) > 12:
                assert flat(q.explanation) not in text, (name, q.id)
            if q.kind == "number":
                assert "答Answer：" + flat(q.answer_text("zh")) not in text, (name, q.id)
            else:
                letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                answers = q.answer if q.kind == "multiple" else (q.answer,)
                picked = "".join(letters[q.options.index(a)] for a in answers)
                assert f"答案{picked}" not in text and f"答案：{picked}" not in text, (name, q.id)


def test_markdown_becomes_runs_and_blocks():
    assert md_runs("a **b** `c_d` [e](x.ipynb) f") == [
        {"text": "a ", "bold": False, "code": False}, {"text": "b", "bold": True, "code": False},
        {"text": " ", "bold": False, "code": False}, {"text": "c_d", "bold": False, "code": True},
        {"text": " e f", "bold": False, "code": False}]
    blocks = md_blocks("## 小结\n\n第一行\n第二行 and\nmore\n\n1. 一\n2. **二**\n\n- x\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert [b["kind"] for b in blocks] == ["heading", "paragraph", "list", "list", "table"]
    assert blocks[1]["runs"][0]["text"] == "第一行第二行 and more"
    assert blocks[2]["ordered"] and blocks[2]["items"][1][0]["bold"] and not blocks[3]["ordered"]
    assert blocks[4]["header"][1][0]["text"] == "b" and blocks[4]["rows"][0][0][0]["text"] == "1"


def test_hostile_characters_stay_text_through_the_converter_and_template():
    hostile = '#panic("x") ] $ x $ [y] *z* \\ // <a> @b = f'
    blocks = md_blocks(f"## {hostile}\n\n{hostile}\n\n- {hostile}\n\n| {hostile.replace('|', '')} | b |\n|---|---|\n| 1 | 2 |")
    assert blocks[1]["runs"] == [{"text": hostile, "bold": False, "code": False}]
    runs = md_runs(hostile)
    data = {"title": hostile, "title_en": "", "course": hostile, "workshop": hostile, "chapters": [{
        "number": "01", "title": hostile, "lessons": [{"title": hostile, "goals": [runs], "summary": blocks}],
        "tables": [{"caption": hostile, "header": [runs, runs], "rows": [[runs, runs]]}],
        "definitions": [], "charts": [], "discussion": [runs],
        "sets": [{"name": "x", "title": hostile, "items": [
            {"item": "given", "title": hostile, "note": hostile, "facts": [[hostile, hostile]]},
            {"item": "question", "number": 1, "title": hostile, "kind": "choice", "kind_label": hostile,
             "prompt": hostile, "unit": "", "options": [{"letter": "A", "text": hostile}]}]}]}]}
    pdf = _typst.compile_pdf("workbook", data)
    assert flat(hostile) in flat_text(PdfReader(io.BytesIO(pdf)))
