"""The trainer guide (course/trainer_guide.md) names what exists, every notebook, and days of 6 hours.

Each day is a table under a heading ``### 第 N 天 …`` whose rows are
``| HH:MM | NN 分钟 | content | notebooks | form |``; a lunch row reads ``午休 NN 分钟`` in the
duration column and does not count toward the day's 6 hours.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
GUIDE = REPO / "course" / "trainer_guide.md"
DAY_MINUTES = 6 * 60

_PATH = re.compile(r"(?:course|datasets)/[\w./-]+\.(?:ipynb|md|csv)")
_ROW = re.compile(r"^\|\s*(\d{2}):(\d{2})\s*\|\s*([^|]+?)\s*\|")
_BLOCK = re.compile(r"^(\d+) 分钟$")
_LUNCH = re.compile(r"^午休 (\d+) 分钟$")


@pytest.fixture(scope="module")
def text() -> str:
    return GUIDE.read_text("utf-8")


def days(text: str) -> dict[str, list[tuple[int, str]]]:
    """Heading of each day -> its rows as (start minute of the day, duration cell)."""
    out: dict[str, list[tuple[int, str]]] = {}
    current = None
    for line in text.splitlines():
        if line.startswith("## "):
            current = None
        if re.match(r"^### 第 \d+ 天", line):
            current = line
            out[current] = []
        elif current and (m := _ROW.match(line)):
            out[current].append((int(m[1]) * 60 + int(m[2]), m[3]))
    return out


def test_every_path_the_guide_names_exists(text):
    named = set(_PATH.findall(text))
    assert len(named) > 40
    missing = sorted(p for p in named if not (REPO / p).exists())
    assert not missing, f"the guide names files that do not exist: {missing}"


def test_every_chapter_notebook_is_named(text):
    notebooks = sorted(p.relative_to(REPO).as_posix() for p in REPO.glob("course/0*/*.ipynb"))
    notebooks += ["course/00_guide.ipynb"]
    assert len(notebooks) > 30
    missing = [p for p in notebooks if p not in text]
    assert not missing, f"add these notebooks to the trainer guide: {missing}"


def test_every_trainer_note_is_named(text):
    notes = sorted(p.relative_to(REPO).as_posix() for p in REPO.glob("course/0*/trainer_note*.md"))
    missing = [p for p in notes if p not in text]
    assert not missing, f"add these trainer notes to the guide: {missing}"


def test_every_calculator_is_named_and_every_named_one_exists(text):
    on_disk = {p.relative_to(REPO).as_posix() for p in REPO.glob("course/apps/*.ipynb")}
    named = set(re.findall(r"course/apps/\w+\.ipynb", text))
    assert named <= on_disk, sorted(named - on_disk)
    assert on_disk <= named, f"say when to use: {sorted(on_disk - named)}"
    for name in ("erlang_calculator", "workforce_planner", "qa_calibration", "kpi_dashboard",
                 "kano_analyser", "hiring_planner", "smart_plan_builder"):
        assert f"course/apps/{name}.ipynb" in named


def test_three_days_plus_the_optional_management_day(text):
    headings = list(days(text))
    assert [re.match(r"^### 第 (\d+) 天", h)[1] for h in headings] == ["1", "2", "3", "4"]
    assert "可选" in headings[3]
    day4 = text[text.index(headings[3]):]
    assert "course/07_management_system" in day4 and "course/08_floor_and_retention" in day4
    for chapter in ("01", "02", "03", "04", "05", "06"):
        first_three = text[text.index(headings[0]):text.index(headings[3])]
        assert f"course/{chapter}_" in first_three


@pytest.mark.parametrize("day", range(4))
def test_each_day_is_six_hours_and_the_clock_adds_up(text, day):
    heading, rows = list(days(text).items())[day]
    minutes = [int(_BLOCK.match(d)[1]) for _, d in rows if _BLOCK.match(d)]
    assert len(minutes) >= 8, heading
    assert sum(minutes) == DAY_MINUTES, f"{heading}: {sum(minutes)} minutes"
    for (start, duration), (next_start, _) in zip(rows, rows[1:]):
        length = _BLOCK.match(duration) or _LUNCH.match(duration)
        assert length, f"{heading}: duration {duration!r} is not 'NN 分钟' or '午休 NN 分钟'"
        assert start + int(length[1]) == next_start, f"{heading}: the block at {start // 60}:{start % 60:02d}"
    assert sum(1 for _, d in rows if _LUNCH.match(d)) == 1, heading
