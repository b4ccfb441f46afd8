"""Slides as data for ``templates/_slides_parts.typ``, and the talk segments built from the kit's
own tables: Kano's evaluation table (:mod:`ccskills.kano`), GROW (:mod:`ccskills.coaching`), the
seven common mistakes of corrective coaching (:data:`ccskills.materials.roleplays.COMMON_MISTAKES`)
and SMART.

A slide is a dict with every key the template reads: ``kind`` ("title", "opening", "text", "table",
"chart" or "discussion"), ``title``, ``subtitle``, ``items`` (a list of runs), ``table`` (header and rows of
runs), ``svg``, ``caption`` and ``notes`` (blocks of :mod:`._workbook_markdown`, the trainer's notes).
"""

from __future__ import annotations

from ccskills.materials._workbook_markdown import md_runs, runs_text

__all__ = ["slide", "plain", "para", "bullets", "chunks", "kano_table", "grow_slide", "mistakes_slide",
           "smart_slide", "WIDTH_CHARS", "MAX_LINES", "MAX_ITEMS"]

WIDTH_CHARS = 37
"""Chinese characters that fit on one line of a slide's body text (20 pt on a 16:9 page)."""
MAX_LINES = 11
"""Body lines a text slide holds under its title."""
MAX_ITEMS = 6
"""Bullets per slide (fewer when they are long)."""


def plain(text: str) -> list[dict]:
    """Text as one run (no Markdown read)."""
    return [{"text": text, "bold": False, "code": False}]


def para(text: str | list[dict]) -> dict:
    """A notes paragraph from Markdown text or runs."""
    return {"kind": "paragraph", "runs": md_runs(text) if isinstance(text, str) else text}


def bullets(items: list) -> dict:
    """A notes bullet list from Markdown texts or runs."""
    return {"kind": "list", "ordered": False, "items": [md_runs(i) if isinstance(i, str) else i for i in items]}


def slide(kind: str, title: str, *, subtitle: str = "", items=(), table=None, svg: str = "", caption: str = "",
          notes=(), start: int = 1) -> dict:
    """One slide with every key the template reads (``start``: the number of a discussion slide's first question)."""
    return {"kind": kind, "title": title, "subtitle": subtitle, "items": list(items), "start": start,
            "table": table or {"header": [], "rows": []}, "svg": svg, "caption": caption, "notes": list(notes)}


def _lines(runs: list[dict]) -> int:
    width = sum(0.55 if ch.isascii() else 1.0 for ch in runs_text(runs))
    return max(1, -(-int(width + 2) // WIDTH_CHARS))


def chunks(items: list[list[dict]], max_items: int = MAX_ITEMS, max_lines: int = MAX_LINES) -> list[list]:
    """Bullets split into slides: at most ``max_items`` per slide and about ``max_lines`` lines, the
    slides filled evenly (7 bullets make 4 + 3, not 6 + 1)."""
    pages = _greedy(items, max_items, max_lines)
    even = _greedy(items, -(-len(items) // max(len(pages), 1)), max_lines)
    return even if len(even) == len(pages) else pages


def _greedy(items: list[list[dict]], max_items: int, max_lines: int) -> list[list]:
    pages, page, used = [], [], 0
    for item in items:
        need = _lines(item)
        if page and (len(page) >= max_items or used + need > max_lines):
            pages.append(page)
            page, used = [], 0
        page.append(item)
        used += need
    return pages + ([page] if page else [])


def kano_table() -> dict:
    """Kano's 5 × 5 evaluation table: functional answer (rows) × dysfunctional answer (columns)."""
    from ccskills.kano import ANSWER_WORDINGS, CATEGORY_NAMES, EVALUATION_TABLE

    words = [ANSWER_WORDINGS[code][0] for code in sorted(ANSWER_WORDINGS)]
    header = [plain("正向 \\ 反向")] + [plain(w) for w in words]
    rows = [[plain(words[i])] + [plain(f"{c} {CATEGORY_NAMES[c][0][:-2]}") for c in row]
            for i, row in enumerate(EVALUATION_TABLE)]
    return {"header": header, "rows": rows}


def grow_slide(notes) -> dict:
    """GROW: the four steps, the question that opens each, their share of a conversation's time."""
    from ccskills.coaching import GROW_STEPS, GROW_TIME_SPLIT

    rows = [[plain(f"{key} {zh}"), plain(en), plain(question.split("？")[0] + "？"), plain(f"{GROW_TIME_SPLIT[key]:.0%}")]
            for key, (zh, en, question) in GROW_STEPS.items()]
    header = [plain("步骤"), plain("English"), plain("开场提问"), plain("时间")]
    return slide("table", "GROW 辅导模型 GROW model", subtitle="Whitmore 1992；时间分配是一门中文课程的建议",
                 table={"header": header, "rows": rows}, notes=notes)


def mistakes_slide(notes) -> dict:
    """改进型辅导的"七宗罪": the seven common mistakes, numbered, zh with en."""
    from ccskills.materials.roleplays import COMMON_MISTAKES

    rows = [[plain(str(n)), plain(zh), plain(en)] for n, (zh, en) in enumerate(COMMON_MISTAKES, 1)]
    return slide("table", "改进型辅导的“七宗罪” Seven common mistakes",
                 table={"header": [plain("#"), plain("错误"), plain("English")], "rows": rows}, notes=notes)


def smart_slide(notes) -> dict:
    """SMART: each letter's name in zh and en (the checker's letters)."""
    from ccskills.coaching import SMART_LETTERS

    items = [plain(f"{letter}  {zh} {en}") for letter, (zh, en) in SMART_LETTERS.items()]
    return slide("text", "SMART 改进计划 SMART plans", subtitle="Doran 1981", items=items, notes=notes)
