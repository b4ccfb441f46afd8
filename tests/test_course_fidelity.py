"""What a trainer's read of the course found (issue 15 item 8), pinned so it stays fixed.

- Day 1 teaches the report lesson (what changed and why, control charts) after the
  lesson that defines service level, abandonment and ASA.
- Lesson tables show Chinese labels, not code identifiers (registry ids such as
  ``abandonment_rate_excl_short``, queue codes such as ``presales``, status codes such as
  ``on_track``). Read from the stored outputs, i.e. the ``# NBVAL_CHECK_OUTPUT`` cells;
  lessons not yet fixed are listed in :data:`STILL_SHOWING` (a ratchet: a fixed lesson
  must leave the list, a new lesson must be clean).
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


# ---------------------------------------------------------------- code identifiers in learner-facing output
import nbformat  # noqa: E402
import pytest  # noqa: E402

import notebook_tools as tools  # noqa: E402

COURSE = REPO / "course"
LESSONS = [p for p in tools.notebooks([COURSE])
           if re.fullmatch(r"\d\d_.+", p.parent.name) and not p.name.startswith("exercises")]
SHOWN = ("text/plain", "text/html")


def known_identifiers() -> frozenset:
    """Code words a learner should see as Chinese labels: registry ids, queue codes, status codes."""
    from ccskills import kpi
    from ccskills.datasets import load_call_records

    queues = set(load_call_records()["queue"].unique())
    # One-word ids (offered, occupancy, shrinkage ...) are also English words that bilingual
    # labels use ("占用率 occupancy"), so only ids with an underscore count.
    return frozenset({i for i in kpi.REGISTRY if "_" in i} | queues | {"on_track"})


def identifiers_shown(path: Path, known: frozenset) -> dict:
    """``{cell number: sorted known identifiers}`` in the stored outputs of ``path``'s code cells.

    Only outputs are read (text/plain, text/html and stream text); a cell's own source
    may name identifiers, that is code. A word counts when it stands alone, not inside
    a longer identifier (``aht_s`` is not found in ``avg_aht_s``).
    """
    found = {}
    for number, cell in enumerate(nbformat.read(path, as_version=4).cells, 1):
        if cell.cell_type != "code":
            continue
        text = " ".join(str(o.get("text", "")) + " ".join(str(o.get("data", {}).get(k, "")) for k in SHOWN)
                        for o in cell.outputs)
        words = set(re.findall(r"(?<![A-Za-z0-9_])[a-z][a-z0-9_]*(?![A-Za-z0-9_])", text)) & known
        if words:
            found[number] = sorted(words)
    return found


#: Lessons whose stored tables still show code identifiers (issue 15 item 8, to fix one by one;
#: strict, so a lesson that is fixed must leave this list). Empty now: lessons show names with
#: ``ccskills.i18n.label``; a new lesson must be clean.
STILL_SHOWING: set[str] = set()


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: str(p.relative_to(COURSE)))
def test_lesson_output_shows_labels_not_code_identifiers(path):
    label = str(path.relative_to(COURSE))
    shown = identifiers_shown(path, known_identifiers())
    if label in STILL_SHOWING:
        assert shown, f"{label} shows labels now: take it off STILL_SHOWING"
        pytest.xfail(f"known, to fix: cells {shown}")
    assert shown == {}, f"cells show code identifiers, not labels: {shown}"
