"""幻灯片 Slides per chapter (16:9) with the trainer's notes beside them (A4, one page per slide).

Built from the course itself, per chapter: a title slide, the day's opening or the chapter's
introduction (from the trainer guide), then per lesson its learning goals, its key points (the
lesson's 小结), the concept tables a trainer talks over (Kano's categories and evaluation table,
the two kinds of coaching, GROW, the seven common mistakes, SMART, the four pillars, DMAIC), the
lesson's charts drawn by the kit and its discussion questions; a summary slide closes the deck.
The notes page of each slide carries the workshop timing, the trainer note's figures for the
lesson and the expected answers of the discussion questions.

Two documents per chapter: ``slides_chNN`` (to project) and ``slide_notes_chNN`` (to print).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ccskills.materials._catalogue import Document
from ccskills.materials._slides_course import (chapter_rows, lesson_row, note_opening, note_prompts,
                                               note_sections, note_timing, opening_rows)
from ccskills.materials._slides_parts import (bullets, chunks, grow_slide, kano_table, mistakes_slide, para,
                                              plain, slide, smart_slide)
from ccskills.materials._workbook_charts import chapter_charts, svg
from ccskills.materials._workbook_course import _guide, chapters, lesson
from ccskills.materials._workbook_markdown import md_blocks, md_runs, runs_text

__all__ = ["DOCUMENTS", "CHAPTERS", "CONCEPT_TABLES", "EXTRA_CHARTS", "deck_data"]

CHAPTERS = ("01", "02", "03", "04", "05", "06", "07", "08")
"""Chapters with a deck: the 3-day workshop (01–06) and the optional management day (07–08)."""

CONCEPT_TABLES = {
    ("01", 4): ("为什么需要 Kano 模型",),
    ("06", 1): ("两类辅导",),
    ("06", 3): ("改进型辅导的步骤", "第 7 步：面谈后的跟进 (A-B-C)"),
    ("06", 4): ("改进计划的要素与 SMART",),
    ("07", 1): ("四大支柱",),
    ("07", 3): ("归一化：把不同单位放到一把尺子上",),
}
"""(chapter, lesson) → captions of the lesson's own tables shown as concept slides."""

_OPEN_QUESTION = "开放题：请两三位学员各举一个本中心的例子，讲师把共性写在白板上。"
_CHART_NOTE = "先请学员说出图上最先看到的一件事，再讲："
_CONTINUED = [para("接上一张：讲法与备注同上一张幻灯片。")]
_DISCUSSION_PER_SLIDE = 4
NEAR = 0.8
"""Similarity (difflib ratio) above which a lesson's and a trainer note's question are one question."""


def _course() -> str:
    found = re.search(r"《(.+?)》", _guide())
    return found.group(1) if found else ""


def _section_points(markdown: str) -> list[dict]:
    """A trainer-note section without its 讨论题 list (the questions have their own slides)."""
    kept, skipping = [], False
    for line in markdown.splitlines():
        if line.startswith("讨论题"):
            skipping = True
        elif skipping and (line.startswith("- ") or not line.strip()):
            continue
        else:
            skipping = False
            kept.append(line)
    return md_blocks("\n".join(kept))


def _lesson_timing(number: str, k: int, path, note) -> list[dict]:
    notes = []
    row = lesson_row(path)
    if row:
        notes.append(para(f"**三天工作坊 Workshop**：{row.text()}"))
    _, rows = note_timing(note) if note else ("", [])
    alone = [f"{r[0]} 起，{r[2]}：{r[1]}" + (f"（{r[3]}）" if len(r) > 3 and r[3] else "")
             for r in rows if len(r) > 2 and re.search(rf"第 {k} 课", r[1])]
    if alone:
        notes.append(para("**单独讲本章 Chapter alone**：" + "；".join(alone)))
    return notes


def _table_slide(title: str, table: dict, notes) -> dict:
    """A lesson table on a slide, without columns that only name code (kit identifiers)."""
    def code(cell):
        return bool(cell) and all(r["code"] or not r["text"].strip(" /、") for r in cell)

    def blank(cell):
        return runs_text(cell).strip() in ("", "—")

    columns = range(len(table["header"]))
    cells = [[r[i] if i < len(r) else [] for r in table["rows"]] for i in columns]
    keep = [i for i in columns if i == 0 or not (all(code(c) or blank(c) for c in cells[i]) and any(map(code, cells[i])))]
    header = [table["header"][i] for i in keep]
    rows = [[r[i] if i < len(r) else [] for i in keep] for r in table["rows"]]
    return slide("table", title, table={"header": header, "rows": rows}, notes=notes)


def _concepts(number: str, k: int, les: dict, points: list[dict]) -> list[dict]:
    found = []
    if (number, k) == ("01", 4):
        found.append(_table_slide("Kano 模型的五类属性 Kano categories",
                                  next(t for t in les["tables"] if t["caption"] == "为什么需要 Kano 模型"), points))
        found.append(slide("table", "评价表 Evaluation table", subtitle="行：正向题（具备时）；列：反向题（不具备时）",
                           table=kano_table(), notes=[para("Berger 等 (1993) 的评价表；类别按众数定，同票时 M > O > A > I。")]))
    if (number, k) == ("06", 2):
        found.append(grow_slide([para("30 分钟的面谈按 10/40/30/20 % 分配：G 3、R 12、O 9、W 6 分钟（`coaching.grow_agenda`）。"
                                      "演练时观察者记录辅导者说话的时间比例。")]))
    for caption in CONCEPT_TABLES.get((number, k), ()):
        if (number, k) == ("01", 4):
            continue
        table = next(t for t in les["tables"] if t["caption"] == caption)
        found.append(_table_slide(caption, table, [para(f"本表摘自第 {k} 课“{caption}”一节。先请学员对照本中心的做法，"
                                                        "说出一处相同、一处不同。")]))
    if (number, k) == ("06", 3):
        seven = next(t for t in les["tables"] if "七宗罪" in t["caption"])
        why = [f"{runs_text(r[1])}：{runs_text(r[2])}；改为 {runs_text(r[3])}" for r in seven["rows"]]
        found.append(mistakes_slide([para("课纲的“七宗罪”原文没有公开资料；这里是公开资料中常见的七种错误，课上说明这一点。"),
                                     bullets(why)]))
    if (number, k) == ("06", 4):
        found.append(smart_slide([para("检查器 `coaching.check_smart` 逐个字母给出是否合格和理由；"
                                       "A：目标不超过同伴最好四分之一；T：不超过一个季度。")]))
    return found


def _key_points(title: str, summary: list[dict], notes: list[dict]) -> list[dict]:
    items = [item for b in summary if b["kind"] == "list" for item in b["items"]]
    items += [b["runs"] for b in summary if b["kind"] == "paragraph"]
    found = []
    pages = chunks(items)
    for n, page in enumerate(pages):
        found.append(slide("text", title, subtitle="要点 Key points" + (" （续）" if n else ""), items=page,
                           notes=notes if n == 0 else _CONTINUED))
    for b in summary:
        if b["kind"] == "table":
            found.append(_table_slide(title, b, notes if not pages else []))
            found[-1]["subtitle"] = "要点 Key points"
    return found


def _discussion(title: str, prompts: list[tuple[list[dict], str]]) -> list[dict]:
    found, start = [], 1
    for page in chunks([p for p, _ in prompts], max_items=_DISCUSSION_PER_SLIDE, max_lines=9):
        answers = {runs_text(p): a for p, a in prompts}
        notes = [bullets([[*p, *plain(" → "), *md_runs(answers[runs_text(p)] or _OPEN_QUESTION)] for p in page])]
        found.append(slide("discussion", title, subtitle="讨论 Discussion", items=page, notes=notes, start=start))
        start += len(page)
    return found


def _chart_lesson(chart: dict) -> int:
    """The lesson a chart follows: "第 02 章第 2–3 课" after the last of a range, "第 2、4 课" after the first."""
    found = re.search(r"第 \d\d 章第 ([\d–、，]+) 课", chart["title"])
    if not found:
        return 0
    numbers = [int(n) for n in re.findall(r"\d+", found.group(1))]
    return numbers[-1] if "–" in found.group(1) else numbers[0]


def _charts(number: str, k: int) -> list[dict]:
    return [slide("chart", c["title"], svg=c["svg"], caption=c["caption"],
                  notes=[para(_CHART_NOTE + c["caption"])])
            for c in _chart_set(number) if _chart_lesson(c) == k]


def _evening_abandonment() -> dict:
    """Lesson 07/02's control phase: the daily evening (19-22) abandonment rate on a p-chart."""
    from ccskills import kpi, spc
    from ccskills.datasets import load_call_records
    from ccskills.kpi_charts import control_chart

    calls = load_call_records()
    daily = kpi.summarize(calls[calls["arrival"].dt.hour >= 19], freq="D")
    chart = control_chart(spc.p_chart(daily["abandoned"], daily["offered"]), title="晚间放弃率 evening abandonment",
                          fmt=".1%", width=440, height=190)
    return {"title": "每日晚间放弃率 p 控制图（第 07 章第 2 课）",
            "caption": "3 月每天 19–22 点的放弃率：周末低于下限、工作日偏高——两个过程，应分层。",
            "svg": svg(chart)}


EXTRA_CHARTS = {"07": (_evening_abandonment,)}
"""Chapter → charts the decks add to the workbook's (:data:`._workbook_charts.CHARTS`)."""


@lru_cache(maxsize=8)
def _chart_set(number: str) -> tuple:
    return tuple(chapter_charts(number)) + tuple(make() for make in EXTRA_CHARTS.get(number, ()))


def _lesson_slides(number: str, k: int, path, notes_by_file: dict, seen: set) -> list[dict]:
    les = lesson(path)
    note, section = notes_by_file.get(path.name, (None, None))
    title = f"第 {k} 课 {les['title']}"
    points = _section_points(section.markdown) if section else []
    found = [slide("text", title, subtitle="学习目标 Learning goals" + (" （续）" if n else ""), items=page,
                   notes=_lesson_timing(number, k, path, note) if n == 0 else _CONTINUED)
             for n, page in enumerate(chunks(les["goals"]))]
    found += _concepts(number, k, les, points)
    found += _key_points(title, les["summary"], points)
    found += _charts(number, k)
    prompts = [(p, "") for p in les["discussion"]] + (note_prompts(section.markdown) if section else [])
    fresh: dict[str, tuple] = {}
    for runs, answer in prompts:
        key = re.sub(r"\W", "", runs_text(runs))
        twin = next((k for k in fresh if _near(k, key)), None)
        if twin is not None:  # the lesson and the trainer note ask it in nearly the same words: one slide line
            kept, known = fresh.pop(twin)
            longer = runs if len(key) > len(twin) else kept
            fresh[max(key, twin, key=len)] = (longer, answer or known)
        elif key and key not in seen:
            seen.add(key)
            fresh[key] = (runs, answer)
    return found + _discussion(title, list(fresh.values()))


def _near(a: str, b: str) -> bool:
    """Two questions in nearly the same words (difflib ratio ≥ 0.8, punctuation ignored)."""
    from difflib import SequenceMatcher

    return a == b or SequenceMatcher(None, a, b).ratio() >= NEAR


def _title_slide(number: str, chapter, note) -> dict:
    rows = chapter_rows(number)
    days = sorted({r.day for r in rows})
    when = "、".join(f"第 {d} 天" for d in days)
    remark, timing = note_timing(note) if note else ("", [])
    notes = [para("**三天工作坊里的时段 Workshop slots**（`course/trainer_guide.md`）："), bullets([r.text() for r in rows])]
    if timing:
        notes += [para(f"**单独讲本章 Chapter alone**（{remark}）："),
                  bullets([f"{r[0]} {r[1]}，{r[2]}" for r in timing if len(r) > 2])]
    return slide("title", f"{chapter.title}", subtitle=_course(),
                 items=[plain(f"{'可选管理专题 · ' if 4 in days else '工作坊'}{when}" if days else "")], notes=notes)


def _openings(number: str, note) -> list[dict]:
    found = []
    rows = opening_rows(number)
    texts = [(r.content, r.text()) for r in rows] or ([(note_opening(note), "讲师手册的导入时段")] if note else [])
    for content, where in texts:
        if not content:
            continue
        items = [plain(part) for part in re.split(r"；", content) if part]
        title = "开场 Opening" if "开场" in content else "导入 Opening question"
        found.append(slide("opening", title, items=items, notes=[para(where)]))
        if "开场" in content:
            found.append(_overview())
    return found


def _overview() -> dict:
    section = re.search(r"^## 三天总览[^\n]*\n(.*?)(?=^## )", _guide(), flags=re.M | re.S)
    table = next(b for b in md_blocks(section.group(1)) if b["kind"] == "table")
    rows = [r[:3] for r in table["rows"]]
    return slide("table", "三天安排 The three days", table={"header": table["header"][:3], "rows": rows},
                 notes=[para("每天 09:00–12:00、13:30–16:30，共 6 小时；第 4 天是可选的管理专题。"
                             "各时段的分钟数见 `course/trainer_guide.md` 的日程表。")])


def _summary(number: str, titles: list[str], note) -> list[dict]:
    text = note.read_text(encoding="utf-8") if note else ""
    workbook = re.search(r"^## 不写代码的练习册[^\n]*\n+(.*?)\n", text, flags=re.M)
    exercises = [r.text() for r in chapter_rows(number) if "练习" in r.content]
    notes = [bullets(exercises)] if exercises else []
    if workbook:
        notes.append(para(workbook.group(1)))
    return [slide("text", "本章小结 Summary", subtitle="这一章学了什么" + (" （续）" if n else ""), items=page,
                  notes=notes if n == 0 else _CONTINUED)
            for n, page in enumerate(chunks([plain(t) for t in titles], max_items=6))]


@lru_cache(maxsize=8)
def deck_data(number: str) -> dict:
    """Chapter ``number``'s slides, each with its trainer notes (see the module docstring)."""
    known = chapters()
    if number not in known:
        raise ValueError(f"number must name a chapter of the trainer guide ({', '.join(known)}), got {number!r}")
    chapter = known[number]
    notes = chapter.trainer_notes()
    main = notes[0] if notes else None
    by_file = {s.lesson_file: (note, s) for note in notes for s in note_sections(note)}
    slides = [_title_slide(number, chapter, main), *_openings(number, main)]
    seen: set = set()
    titles = []
    for k, path in enumerate(chapter.lessons(), 1):
        slides += _lesson_slides(number, k, path, by_file, seen)
        titles.append(f"第 {k} 课 {lesson(path)['title']}")
    slides += _summary(number, titles, main)
    return {"title": f"第 {number} 章 {chapter.title}", "chapter_line": f"第 {number} 章 Chapter {number}",
            "footer": f"{_course()} · 第 {number} 章 {chapter.title}", "slides": slides}


def _documents(number: str) -> tuple[Document, Document]:
    title = chapters()[number].title
    data = lambda: deck_data(number)  # noqa: E731
    return (Document(f"slides_ch{number}", f"幻灯片_{number}_{title}.pdf", f"幻灯片：第 {number} 章 {title}",
                     f"Slides: chapter {number}", "slides", data, pages=(10, 40)),
            Document(f"slide_notes_ch{number}", f"讲师备注_{number}_{title}.pdf", f"讲师备注：第 {number} 章 {title}",
                     f"Trainer notes to the slides: chapter {number}", "slides_notes", data, pages=(10, 40)))


DOCUMENTS = tuple(doc for number in CHAPTERS for doc in _documents(number))
