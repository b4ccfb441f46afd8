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


def test_three_days_plus_the_optional_management_days(text):
    headings = list(days(text))
    assert [re.match(r"^### 第 (\d+) 天", h)[1] for h in headings] == ["1", "2", "3", "4", "5"]
    assert "可选" in headings[3] and "可选" in headings[4]
    day4 = text[text.index(headings[3]):text.index(headings[4])]
    day5 = text[text.index(headings[4]):]
    assert "course/07_management_system" in day4 and "course/08_floor_and_retention" in day5
    for chapter in ("01", "02", "03", "04", "05", "06"):
        first_three = text[text.index(headings[0]):text.index(headings[3])]
        assert f"course/{chapter}_" in first_three


@pytest.mark.parametrize("day", range(5))
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


# ---------------------------------------------------------------- the no-code workbooks (issue 10)
_WORKBOOK_ROW = re.compile(r"^\|[^|]+\|\s*`course/workbooks/(\w+)\.ipynb`\s*\|"
                           r"\s*(\d+)\s*\|\s*(\d+)\s*\|\s*(\d+)\s*\|\s*(\d+)\s*\|\s*(\d+) 分钟\s*\|")
MINUTES_PER_KIND = {"number": 2.0, "choice": 1.0, "multiple": 1.5}
"""The guide's stated estimate per question: a number 2 min, a single choice 1 min, a multiple choice 1.5 min."""


def test_every_workbook_page_is_named(text):
    pages = sorted(p.relative_to(REPO).as_posix() for p in REPO.glob("course/workbooks/*.ipynb"))
    assert len(pages) >= 12
    missing = [p for p in pages if p not in text]
    assert not missing, f"say when to use these workbook pages: {missing}"


def test_workbook_time_table_matches_the_question_sets(text):
    """Counts per set and kind are today's ``no_code_questions()``; the time follows the stated rule."""
    import math
    from collections import Counter

    from ccskills.exercises import NO_CODE_SETS, no_code_questions

    counts = Counter((q.set, q.kind) for q in no_code_questions())
    rows = {m[1]: tuple(int(x) for x in m.groups()[1:]) for line in text.splitlines() if (m := _WORKBOOK_ROW.match(line))}
    assert set(rows) == set(NO_CODE_SETS) | {"pretest", "posttest"}, sorted(rows)
    for name, (total, number, choice, multiple, minutes) in rows.items():
        assert (number, choice, multiple) == (counts[name, "number"], counts[name, "choice"], counts[name, "multiple"]), name
        assert total == number + choice + multiple, name
        kinds = {"number": number, "choice": choice, "multiple": multiple}
        assert minutes == math.ceil(sum(MINUTES_PER_KIND[k] * n for k, n in kinds.items())), name
    for kind, word in (("number", "数字题 2 分钟"), ("choice", "单选 1 分钟"), ("multiple", "多选 1.5 分钟")):
        assert word in text, f"state the estimate per {kind} question"


def test_pretest_opens_day_1_and_posttest_closes_day_3(text):
    heading = list(days(text))
    day1 = text[text.index(heading[0]):text.index(heading[1])]
    day3 = text[text.index(heading[2]):text.index(heading[3])]
    assert "course/workbooks/pretest.ipynb" in day1 and "course/workbooks/posttest.ipynb" in day3
    assert day1.index("pretest.ipynb") < day1.index("course/01_performance_foundations/01_")
    assert "course/workbooks/evaluation.ipynb" in day3
    day2 = text[text.index(heading[1]):text.index(heading[2])]
    day4 = text[text.index(heading[3]):]
    for chapters, day in ((("ch01", "ch01_kano", "ch02"), day1), (("ch03", "ch04"), day2), (("ch06",), day3),
                          (("ch07", "ch08"), day4)):
        for chapter in chapters:
            assert f"course/workbooks/{chapter}.ipynb" in re.split(r"\n## ", day)[0], chapter


def test_every_library_name_the_guide_gives_exists(text):
    """``ccskills.module.name`` in the guide (and names imported in its code blocks) can be imported."""
    import importlib

    names = set(re.findall(r"ccskills(?:\.\w+)+", text))
    names |= {f"{module}.{name.strip()}" for module, names_ in re.findall(r"from (ccskills[\w.]*) import ([\w, ]+)", text)
              for name in names_.split(",")}
    assert "ccskills.assessment_forms.write_certificates" in names
    for dotted in sorted(names):
        parts = dotted.split(".")
        for cut in range(len(parts), 0, -1):
            try:
                obj = importlib.import_module(".".join(parts[:cut]))
            except ImportError:
                continue
            for attr in parts[cut:]:
                assert hasattr(obj, attr), f"the guide names {dotted}, which does not exist"
                obj = getattr(obj, attr)
            break
