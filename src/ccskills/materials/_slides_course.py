"""What the slide decks read from the trainer's side of the course: the trainer guide's schedule
rows (the workshop timings, each day's opening) and the chapter trainer notes (per lesson the
要点 / 数字 paragraphs and the 讨论题 with the expected answers the workbook leaves out).

Lesson text itself (titles, goals, 小结, **讨论**) comes from :mod:`._workbook_course`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ccskills.materials._workbook_course import _TRAILING_ANSWER, _guide
from ccskills.materials._workbook_markdown import md_blocks, md_runs

__all__ = ["GuideRow", "guide_rows", "chapter_rows", "lesson_row", "opening_rows", "NoteSection",
           "note_sections", "note_timing", "note_prompts", "note_opening"]

_DAY = re.compile(r"^### 第 (\d) 天")
_ROW = re.compile(r"^\|\s*(\d\d:\d\d)\s*\|\s*(\d+) 分钟\s*\|\s*(.+?)\s*\|\s*(.*?)\s*\|\s*(.*?)\s*\|\s*$")
_LESSON_FILE = re.compile(r"`(\d\d_\w+\.ipynb)`")


@dataclass(frozen=True)
class GuideRow:
    """One slot of the workshop schedule: day, start time, minutes, what is taught, materials, form."""

    day: int
    start: str
    minutes: int
    content: str
    where: str
    form: str

    def text(self) -> str:
        form = f"（{self.form}）" if self.form else ""
        return f"第 {self.day} 天 {self.start}，{self.minutes} 分钟：{self.content}{form}"


def guide_rows() -> list[GuideRow]:
    """Every timed slot of the trainer guide's day tables (lunch has no minutes and is left out)."""
    rows, day = [], 0
    for line in _guide().splitlines():
        if heading := _DAY.match(line):
            day = int(heading.group(1))
        elif day and (row := _ROW.match(line)):
            rows.append(GuideRow(day, row.group(1), int(row.group(2)), *row.group(3, 4, 5)))
    return rows


def chapter_rows(number: str) -> list[GuideRow]:
    """The slots that name chapter ``number`` ("第 02 章…", "第 01、02 章练习") or open its notebooks."""
    folder = f"course/{number}_"
    return [r for r in guide_rows() if re.search(rf"第 (\d\d、)*{number}(、\d\d)* 章", r.content) or folder in r.where]


def lesson_row(lesson: Path) -> GuideRow | None:
    """The slot whose notebook column opens ``lesson``."""
    wanted = f"{lesson.parent.name}/{lesson.name}"
    return next((r for r in guide_rows() if wanted in r.where), None)


def opening_rows(number: str) -> list[GuideRow]:
    """The day openings and chapter introductions (开场 / 导入) that lead into chapter ``number``.

    A slot naming "第 NN 章导入" belongs to that chapter; a day's first slot that opens the day
    without naming a chapter belongs to the first chapter the day teaches.
    """
    found = []
    rows = guide_rows()
    for row in rows:
        if not ("导入" in row.content or "开场" in row.content):
            continue
        named = re.search(r"第 (\d\d) 章导入", row.content)
        if named:
            owner = named.group(1)
        else:
            later = [re.search(r"第 (\d\d) 章", r.content) for r in rows if r.day == row.day and r.start > row.start]
            owner = next((m.group(1) for m in later if m), "")
        if owner == number:
            found.append(row)
    return found


@dataclass(frozen=True)
class NoteSection:
    """A trainer note's part about one lesson: the lesson's file name and the section's Markdown."""

    lesson_file: str
    markdown: str


def _note_text(note: Path) -> str:
    return note.read_text(encoding="utf-8")


def note_sections(note: Path) -> list[NoteSection]:
    """The note's "### 第 N 课 …（`NN_x.ipynb`）" sections; a note without them (the Kano note) is one
    section, its "## 要点…" part, for the first lesson file it names."""
    text = _note_text(note)
    parts = re.split(r"^### ", text, flags=re.M)[1:]
    sections = []
    for part in parts:
        named = _LESSON_FILE.search(part.splitlines()[0])
        if named:
            body = re.split(r"^## ", part, flags=re.M)[0]
            sections.append(NoteSection(named.group(1), body.split("\n", 1)[1].strip()))
    if not sections:
        named = _LESSON_FILE.search(text)
        points = re.search(r"^## 要点[^\n]*\n(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
        if named and points:
            sections.append(NoteSection(named.group(1), points.group(1).strip()))
    return sections


def note_timing(note: Path) -> tuple[str, list[list[str]]]:
    """The note's "## 时间安排（…）" heading remark and its table rows (时段, 内容, 时长, 形式)."""
    text = _note_text(note)
    found = re.search(r"^## 时间安排(.*?)\n(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
    if not found:
        return "", []
    table = next((b for b in md_blocks(found.group(2)) if b["kind"] == "table"), None)
    rows = [["".join(r["text"] for r in cell) for cell in row] for row in (table["rows"] if table else [])]
    return found.group(1).strip("（）() "), rows


def note_opening(note: Path) -> str:
    """The note's opening slot ("导入：…"), when its time table has one."""
    _, rows = note_timing(note)
    return next((r[1] for r in rows if len(r) > 1 and r[1].startswith("导入")), "")


def note_prompts(markdown: str) -> list[tuple[list[dict], str]]:
    """The 讨论题 bullets of a note's Markdown: (prompt runs without the answer, the bracketed answer or "")."""
    found, inside = [], False
    for line in markdown.splitlines():
        if line.startswith("讨论题"):
            inside = True
        elif inside and line.startswith("- "):
            text = line[2:].strip()
            answer = _TRAILING_ANSWER.search(text)
            found.append((md_runs(_TRAILING_ANSWER.sub("", text)), answer.group(0).strip(" （）()") if answer else ""))
        elif inside and line.strip():
            inside = False
    return found
