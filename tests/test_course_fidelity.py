"""What a trainer's read of the course found (issue 15 item 8), pinned so it stays fixed.

- Day 1 teaches the report lesson (what changed and why, control charts) after the
  lesson that defines service level, abandonment and ASA.
"""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GUIDE = REPO / "course" / "trainer_guide.md"


def _day_rows(text: str, day: str) -> list[str]:
    """The schedule rows of ``### 第 {day} 天`` in the trainer guide, in order."""
    start = text.index(f"### 第 {day} 天")
    end = text.index("\n### ", start + 1)
    return [line for line in text[start:end].splitlines() if re.match(r"^\| \d\d:\d\d \|", line)]


def test_day_1_defines_service_level_before_the_report_lesson_uses_it():
    rows = _day_rows(GUIDE.read_text(encoding="utf-8"), "1")
    where = {name: next(i for i, row in enumerate(rows) if name in row)
             for name in ("02_service_metrics/01_offered_answered_abandoned", "02_service_metrics/02_service_level_and_asa",
                          "01_performance_foundations/03_report_set")}
    assert where["01_performance_foundations/03_report_set"] > where["02_service_metrics/02_service_level_and_asa"]
    assert where["01_performance_foundations/03_report_set"] > where["02_service_metrics/01_offered_answered_abandoned"]
