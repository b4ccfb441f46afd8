"""Self-assessment checklists with scoring per section: 5S, the four pillars, CC-CMM-style, floor.

A checklist has sections of items (Chinese with English) and an answer scale: 0/1/2
(not / partly / fully in place) or maturity levels 1-5 (CC-CMM-style). Scoring per section:

* ``score`` = sum of the answered items' scores, ``max_score`` = answered items x top of scale;
* ``percent`` = (score - answered x bottom) / (answered x (top - bottom)), a fraction 0..1
  (so a maturity answer of 1 counts 0 and 5 counts 1);
* ``mean`` = average answered score (for maturity: the section's level).

Unanswered items are left out of the section's score and counted in ``unanswered``; a section
with no answered item has ``percent`` and ``mean`` NaN (0/0: nothing to average), by design.
Answers are whole numbers of the scale (True/False, 1.5, inf are refused, naming the item).
The content lives in :mod:`ccskills.checklists_data`.

>>> five_s = get_checklist("five_s")
>>> len(five_s.sections), five_s.sections[0].items[0].key
(5, 'five_s.structure.1')
>>> result = score_checklist(five_s, {"five_s.structure.1": 2, "five_s.structure.2": 1})
>>> result.sections.loc["structure", ["score", "max_score", "percent"]].tolist()
[3.0, 4.0, 0.75]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from .checklists_data import RAW_CHECKLISTS
from ._validation import check_lang

__all__ = [
    "ChecklistItem",
    "ChecklistSection",
    "Checklist",
    "ChecklistScore",
    "CHECKLIST_KEYS",
    "get_checklist",
    "checklist_table",
    "score_checklist",
    "answers_from_table",
    "checklist_excel",
]


@dataclass(frozen=True)
class ChecklistItem:
    """One question: ``key`` like 'floor.handover.2', text in Chinese and English."""

    key: str
    zh: str
    en: str


@dataclass(frozen=True)
class ChecklistSection:
    """A titled group of items."""

    key: str
    zh: str
    en: str
    items: tuple[ChecklistItem, ...]


@dataclass(frozen=True)
class Checklist:
    """A checklist: sections, the answer scale ``((score, zh, en), ...)`` and its source."""

    key: str
    zh: str
    en: str
    source: str
    scale: tuple[tuple[int, str, str], ...]
    sections: tuple[ChecklistSection, ...]

    @property
    def items(self) -> tuple[ChecklistItem, ...]:
        return tuple(item for section in self.sections for item in section.items)

    @property
    def scores(self) -> tuple[int, ...]:
        return tuple(s for s, _, _ in self.scale)


@dataclass(frozen=True)
class ChecklistScore:
    """Result of :func:`score_checklist`: per-section table and the overall row."""

    checklist: Checklist
    sections: pd.DataFrame
    overall: pd.Series


def _build(raw) -> Checklist:
    sections = tuple(
        ChecklistSection(key, zh, en, tuple(ChecklistItem(f"{raw['key']}.{key}.{i}", izh, ien)
                                            for i, (izh, ien) in enumerate(items, start=1)))
        for key, zh, en, items in raw["sections"])
    return Checklist(raw["key"], raw["zh"], raw["en"], raw["source"], tuple(raw["scale"]), sections)


_CHECKLISTS = {raw["key"]: _build(raw) for raw in RAW_CHECKLISTS}
CHECKLIST_KEYS = tuple(_CHECKLISTS)


def get_checklist(key: str) -> Checklist:
    """The checklist named ``key`` (one of :data:`CHECKLIST_KEYS`)."""
    if key not in _CHECKLISTS:
        raise ValueError(f"key must be one of {CHECKLIST_KEYS!r}, got {key!r}")
    return _CHECKLISTS[key]


def _lang(lang):
    check_lang(lang)
    return lang


def checklist_table(checklist: Checklist, lang: str = "zh", answers=None) -> pd.DataFrame:
    """The checklist as a printable table: section, item key, item text, score (blank or given)."""
    lang = _lang(lang)
    given = _check_answers(checklist, answers or {})
    heads = {"zh": ("部分", "编号", "检查项", "得分"), "en": ("section", "item", "check", "score")}[lang]
    rows = [(getattr(s, lang), item.key, getattr(item, lang), given.get(item.key))
            for s in checklist.sections for item in s.items]
    frame = pd.DataFrame(rows, columns=list(heads))
    frame[heads[3]] = frame[heads[3]].astype("Int64")
    return frame


def _check_answers(checklist: Checklist, answers) -> dict:
    if not isinstance(answers, Mapping):
        raise TypeError(f"answers must be a mapping item key -> score, got {type(answers).__name__!r}")
    known = {item.key for item in checklist.items}
    allowed = checklist.scores
    out = {}
    for key, value in answers.items():
        if key not in known:
            raise ValueError(f"answers must use item keys of {checklist.key!r}, got {key!r}")
        if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
            continue
        if isinstance(value, bool) or value not in allowed:
            raise ValueError(f"answers[{key!r}] must be one of {allowed!r}, got {value!r}")
        out[key] = int(value)
    return out


def score_checklist(checklist: Checklist, answers) -> ChecklistScore:
    """Score a filled checklist per section (see module doc); ``answers``: item key -> score."""
    given = _check_answers(checklist, answers)
    low, high = min(checklist.scores), max(checklist.scores)
    rows = []
    for section in checklist.sections:
        values = [given[i.key] for i in section.items if i.key in given]
        rows.append(_section_row(section, values, low, high))
    table = pd.DataFrame(rows).set_index("section")
    every = list(given.values())
    overall = pd.Series(_section_row(ChecklistSection("all", "合计", "overall", checklist.items),
                                     every, low, high)).drop("section")
    return ChecklistScore(checklist, table, overall)


def _section_row(section, values, low, high) -> dict:
    n = len(values)
    score = float(sum(values))
    return {"section": section.key, "zh": section.zh, "en": section.en, "items": len(section.items),
            "answered": n, "unanswered": len(section.items) - n, "score": score,
            "max_score": float(n * high),
            "percent": (score - n * low) / (n * (high - low)) if n else float("nan"),
            "mean": score / n if n else float("nan")}


def answers_from_table(table: pd.DataFrame, key_column=None, score_column=None) -> dict:
    """Answers back from a filled table (e.g. the Excel form read with ``ccskills.io.read_table``).

    Columns default to the form's own: 'item'/'编号' and 'score'/'得分'. Blank scores are
    unanswered; other cells must be whole numbers."""
    key_column = key_column or next((c for c in ("item", "编号") if c in table.columns), "item")
    score_column = score_column or next((c for c in ("score", "得分") if c in table.columns), "score")
    for col in (key_column, score_column):
        if col not in table.columns:
            raise ValueError(f"table must have a {col!r} column, got {list(table.columns)!r}")
    out = {}
    for key, raw in zip(table[key_column], table[score_column]):
        if raw is None or raw is pd.NA or (isinstance(raw, float) and pd.isna(raw)) or str(raw).strip() == "":
            continue
        try:
            out[str(key)] = int(str(raw).strip())
        except ValueError:
            raise ValueError(f"score must be a whole number, got {raw!r} for {key!r}") from None
    return out


def checklist_excel(checklist: Checklist, answers=None, lang: str = "zh") -> bytes:
    """An Excel workbook: the form (with any answers), the scale and, if answered, section scores."""
    from .io import excel_bytes

    lang = _lang(lang)
    names = {"zh": ("检查表", "评分标准", "分项得分"), "en": ("checklist", "scale", "scores")}[lang]
    scale = pd.DataFrame([(s, zh if lang == "zh" else en) for s, zh, en in checklist.scale],
                         columns=["得分", "含义"] if lang == "zh" else ["score", "meaning"])
    sheets = {names[0]: checklist_table(checklist, lang, answers), names[1]: scale}
    if answers:
        scored = score_checklist(checklist, answers).sections.reset_index()
        sheets[names[2]] = scored[["section", lang, "answered", "score", "max_score", "percent"]]
    return excel_bytes(sheets)
