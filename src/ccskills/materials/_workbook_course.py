"""What the participant workbook reads from the course itself: the workshop's chapters and
exercise sets (from the trainer guide), and per lesson its title, learning goals, summary and
discussion prompts (from the committed notebooks, read as JSON, and the trainer notes).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ccskills.materials._workbook_markdown import md_blocks, md_runs, runs_text

__all__ = ["Chapter", "course_dir", "workshop_sets", "chapters", "lesson", "trainer_prompts"]

_SET_ROW = re.compile(r"`course/workbooks/(ch\d\d\w*)\.ipynb`.*\|\s*(可选)?第 (\d) 天[^|]*\|\s*$")
_CHAPTER_ROW = re.compile(r"^\|\s*(\d\d) (\S+?)(（可选）)?\s*\|\s*`course/(\d\d_\w+)/")
_TRAILING_ANSWER = re.compile(r"(?<=[？?])\s*[（(][^（）()]*[）)]\s*$")


def course_dir() -> Path:
    """The course notebooks: the checkout's ``course/`` or the copy shipped in the package."""
    package = Path(__file__).resolve().parents[1]
    checkout = package.parents[1] / "course"
    return checkout if (checkout / "trainer_guide.md").is_file() else package / "_course"


def _guide() -> str:
    return (course_dir() / "trainer_guide.md").read_text(encoding="utf-8")


def workshop_sets(days: tuple[int, ...] = (1, 2, 3)) -> list[str]:
    """The chapter exercise sets the trainer guide schedules on ``days`` (optional days left out)."""
    found = []
    for line in _guide().splitlines():
        row = _SET_ROW.search(line)
        if row and not row.group(2) and int(row.group(3)) in days:
            found.append(row.group(1))
    return found


@dataclass(frozen=True)
class Chapter:
    """A chapter of the course: its number ("02"), Chinese title and folder."""

    number: str
    title: str
    folder: Path

    def lessons(self) -> list[Path]:
        return sorted(self.folder.glob("0*.ipynb"))

    def trainer_notes(self) -> list[Path]:
        return sorted(self.folder.glob("trainer_note*.md"))


def chapters() -> dict[str, Chapter]:
    """Every chapter of the trainer guide's table, by number."""
    found = {}
    for line in _guide().splitlines():
        row = _CHAPTER_ROW.match(line)
        if row and row.group(1) not in found:
            found[row.group(1)] = Chapter(row.group(1), row.group(2), course_dir() / row.group(4))
    return found


@lru_cache(maxsize=64)
def _markdown_cells(path: Path) -> tuple[str, ...]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return tuple("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def lesson(path: Path) -> dict:
    """One lesson's title, learning goals, summary blocks and discussion prompts (runs)."""
    cells = _markdown_cells(path)
    first = md_blocks(cells[0])
    title = runs_text(first[0]["runs"]) if first and first[0]["kind"] == "heading" else path.stem
    return {"title": title.split("：", 1)[-1], "goals": _goals(first), "summary": _summary(cells),
            "discussion": _discussion(cells), "tables": _tables(cells)}


def _tables(cells: tuple[str, ...]) -> list[dict]:
    """The lesson's Markdown tables, each captioned by the heading above it."""
    found, caption = [], ""
    for cell in cells[1:]:
        for block in md_blocks(cell):
            if block["kind"] == "heading":
                caption = re.sub(r"^\d+\.\s*", "", runs_text(block["runs"]))
            elif block["kind"] == "table":
                found.append({"caption": caption, "header": block["header"], "rows": block["rows"]})
    return found


def _goals(blocks: list[dict]) -> list[list[dict]]:
    for n, block in enumerate(blocks):
        if block["kind"] == "heading" and runs_text(block["runs"]).strip() == "学习目标":
            return next((b["items"] for b in blocks[n + 1:] if b["kind"] == "list"), [])
    return []


def _summary(cells: tuple[str, ...]) -> list[dict]:
    """The blocks under the "小结" heading, without the links to exercises and the next lesson."""
    for cell in cells:
        blocks = md_blocks(cell)
        for n, block in enumerate(blocks):
            if block["kind"] == "heading" and runs_text(block["runs"]).strip() == "小结":
                kept = []
                for b in blocks[n + 1:]:
                    if b["kind"] == "heading" and b["level"] <= block["level"]:
                        break
                    if b["kind"] == "paragraph" and runs_text(b["runs"]).startswith(("练习", "不写代码", "计算器")):
                        continue
                    kept.append(b)
                return kept
    return []


def _discussion(cells: tuple[str, ...]) -> list[list[dict]]:
    """The lessons' "**讨论**：…" paragraphs, without the label."""
    found = []
    for cell in cells:
        for block in md_blocks(cell):
            runs = block.get("runs", [])
            if block["kind"] == "paragraph" and runs and runs[0]["bold"] and runs[0]["text"].strip() == "讨论":
                rest = [dict(r) for r in runs[1:]]
                if rest:
                    rest[0]["text"] = rest[0]["text"].lstrip("：: ")
                found.append([r for r in rest if r["text"]])
    return found


def trainer_prompts(note: Path) -> list[list[dict]]:
    """The trainer note's 讨论题 bullets, each without a trailing bracket holding the expected answer."""
    prompts, inside = [], False
    for line in note.read_text(encoding="utf-8").splitlines():
        if line.startswith("讨论题"):
            inside = True
        elif inside and line.startswith("- "):
            prompts.append(md_runs(_TRAILING_ANSWER.sub("", line[2:].strip())))
        elif inside and line.strip():
            inside = False
    return prompts
