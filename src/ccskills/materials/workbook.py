"""学员手册 Participant workbook: one per workshop, built from the course itself.

The three-day workshop covers the chapters whose exercise sets the trainer guide schedules on
days 1-3. Per chapter: each lesson's learning goals and summary (from the committed notebooks),
the definitions and formulas of the indicators the chapter uses (from :data:`ccskills.kpi.REGISTRY`),
the lessons' key tables and a few charts drawn by the kit's chart functions from the kit's data,
the no-code questions of the chapter's sets with room to write (answers are never printed), the
discussion prompts of the lessons and the trainer notes, and a page for notes.
"""

from __future__ import annotations

import re

from ccskills.kpi.registry import REGISTRY, registry_table
from ccskills.materials._catalogue import Document
from ccskills.materials._workbook_charts import chapter_charts
from ccskills.materials._workbook_course import _guide, chapters, lesson, trainer_prompts, workshop_sets
from ccskills.materials._workbook_markdown import runs_text
from ccskills.materials._workbook_questions import set_items

__all__ = ["DOCUMENTS", "CHAPTER_INDICATORS", "workbook_data"]

CHAPTER_INDICATORS = {
    "01": ("service_level", "asa_s", "abandonment_rate", "fcr_rate", "csat_top2_box", "aht_s", "occupancy",
           "cost_per_contact"),
    "02": ("offered", "answered", "abandoned", "short_abandoned", "answer_rate", "abandonment_rate",
           "abandonment_rate_excl_short", "service_level", "asa_s", "avg_time_to_abandon_s", "aht_s", "occupancy"),
    "03": ("qa_score", "fcr_rate", "transfer_rate", "csat_top2_box", "nps", "ces"),
    "04": ("cost_per_contact", "cost_per_productive_hour", "occupancy", "utilisation", "shrinkage"),
    "05": ("service_level", "occupancy", "shrinkage", "schedule_adherence"),
    "06": ("aht_s", "fcr_rate", "qa_score", "csat_top2_box", "transfer_rate"),
}
"""Chapter → the registry indicators whose definitions its section prints (chapter 01 one per family)."""

_UNITS = {"seconds": " 秒", "CNY": " 元", "CNY/hour": " 元/小时"}


def _number(value: float, unit: str) -> str:
    return f"{value:.0%}" if unit == "fraction" else f"{value:g}{_UNITS.get(unit, '')}"


def target_text(ind) -> str:
    """The usual target as printed: "≥ 80%", "≤ 30 秒", "75%–85%" or "—"."""
    if ind.target is None:
        return "—"
    if isinstance(ind.target, tuple):
        return "–".join(_number(t, ind.unit) for t in ind.target)
    sign = {"higher": "≥ ", "lower": "≤ "}.get(ind.direction, "")
    return sign + _number(ind.target, ind.unit)


def definitions(ids) -> list[dict]:
    """The indicators' names, formula, direction, target and definition variants (zh, with en names)."""
    table = registry_table("zh")
    return [{"name_zh": REGISTRY[i].name_zh, "name_en": REGISTRY[i].name_en, "formula": REGISTRY[i].formula_zh,
             "formula_en": REGISTRY[i].formula_en, "direction": table.loc[i, "方向"],
             "target": target_text(REGISTRY[i]), "variants": [v.formula_zh for v in REGISTRY[i].variants[1:]]}
            for i in ids]


def _discussion(found: list[list[dict]]) -> list[list[dict]]:
    seen, kept = set(), []
    for runs in found:
        key = re.sub(r"\W", "", runs_text(runs))
        if key and key not in seen:
            seen.add(key)
            kept.append(runs)
    return kept


def chapter_data(number: str, sets: list[str]) -> dict:
    """One chapter's section of the workbook."""
    chapter = chapters()[number]
    lessons = [lesson(path) for path in chapter.lessons()]
    prompts = [p for les in lessons for p in les["discussion"]]
    prompts += [p for note in chapter.trainer_notes() for p in trainer_prompts(note)]
    return {"number": number, "title": chapter.title,
            "lessons": [{"title": les["title"], "goals": les["goals"], "summary": les["summary"]} for les in lessons],
            "tables": [t for les in lessons for t in les["tables"]],
            "definitions": definitions(CHAPTER_INDICATORS.get(number, ())),
            "charts": chapter_charts(number), "sets": [set_items(s) for s in sets],
            "discussion": _discussion(prompts)}


def workbook_data(days: tuple[int, ...] = (1, 2, 3)) -> dict:
    """The workbook of the workshop days ``days``: the chapters of their exercise sets, in order."""
    by_chapter: dict[str, list[str]] = {}
    for name in workshop_sets(days):
        by_chapter.setdefault(name[2:4], []).append(name)
    if not by_chapter:
        raise ValueError(f"days must name workshop days with exercise sets in the trainer guide, got {days!r}")
    course = re.search(r"《(.+?)》", _guide())
    numbers = list(by_chapter)
    return {"title": "学员手册", "title_en": "Participant workbook",
            "course": course.group(1) if course else "",
            "workshop": f"{len(days)} 天工作坊 · 第 {numbers[0]}–{numbers[-1]} 章",
            "chapters": [chapter_data(n, sets) for n, sets in by_chapter.items()]}


DOCUMENTS = (
    Document("workbook", "学员手册_participant_workbook.pdf", "学员手册（三天工作坊）",
             "Participant workbook (3-day workshop)", "workbook", workbook_data, pages=(40, 140)),
)
