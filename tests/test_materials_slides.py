"""Slides per chapter (幻灯片) and their trainer notes (讲师备注), checked against the course read here.

Learning goals are parsed in this file from the notebooks' JSON, discussion questions from the
notebooks' "**讨论**" paragraphs and the trainer notes' 讨论题 lists, the workshop slots from the
trainer guide's day tables, the seven mistakes from lesson 06/03's table: none through the
decks' own readers. Each deck must have exactly the slides it planned (Typst adds a page
silently when a slide's content overflows), 16:9 pages, embedded fonts and its charts.
"""

from __future__ import annotations

import json
import re
import time
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from pypdf import PdfReader

from ccskills.materials import build
from ccskills.materials._workbook_charts import CHARTS
from ccskills.materials.slides import CHAPTERS, EXTRA_CHARTS, deck_data
from pdf_tools import flat_text, fonts

COURSE = Path(__file__).resolve().parents[1] / "course"


def flat(text: str) -> str:
    return "".join(text.split())


def plain(markdown: str) -> str:
    """Markdown inline marks removed: links keep their text, no ** or `."""
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown).replace("**", "").replace("`", "")


def key(text: str) -> str:
    """Text without punctuation or spaces, for comparing two wordings."""
    return re.sub(r"\W", "", text)


def folder(number: str) -> Path:
    return next(COURSE.glob(f"{number}_*"))


def markdown_cells(notebook: Path) -> list[str]:
    return ["".join(c["source"]) for c in json.loads(notebook.read_text(encoding="utf-8"))["cells"]
            if c["cell_type"] == "markdown"]


def goals_of(notebook: Path) -> list[str]:
    """The numbered items under "## 学习目标" of the notebook's first cell."""
    section = markdown_cells(notebook)[0].split("## 学习目标", 1)[1]
    return [plain(item) for item in re.findall(r"^\d+\.\s+(.*)$", section, flags=re.M)]


def lesson_prompts(notebook: Path) -> list[str]:
    """The lesson's "**讨论**：…" paragraphs (lines of a paragraph joined)."""
    found = []
    for cell in markdown_cells(notebook):
        for block in re.split(r"\n\s*\n", cell):
            if block.lstrip().startswith("**讨论**"):
                found.append(plain(re.sub(r"^\s*\*\*讨论\*\*[：:]\s*", "", block)).replace("\n", ""))
    return found


def note_prompts(note: Path) -> list[tuple[str, str]]:
    """The note's 讨论题 bullets: (question without a trailing bracketed answer, that answer or "")."""
    found, inside = [], False
    for line in note.read_text(encoding="utf-8").splitlines():
        if line.startswith("讨论题"):
            inside = True
        elif inside and line.startswith("- "):
            text = plain(line[2:].strip())
            answer = re.search(r"[（(]([^（）()]*)[）)]\s*$", text) if text.rstrip().endswith(("）", ")")) else None
            if answer and re.search(r"[？?]\s*[（(]", text):
                found.append((text[:answer.start()], answer.group(1)))
            else:
                found.append((text, ""))
        elif inside and line.strip():
            inside = False
    return found


def guide_slots() -> list[tuple[int, str, str]]:
    """The trainer guide's timed slots: (day, start, notebook column)."""
    slots, day = [], 0
    for line in (COURSE / "trainer_guide.md").read_text(encoding="utf-8").splitlines():
        if heading := re.match(r"^### 第 (\d) 天", line):
            day = int(heading.group(1))
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if day and len(cells) == 5 and re.fullmatch(r"\d\d:\d\d", cells[0]) and "分钟" in cells[1]:
            slots.append((day, cells[0], cells[2] + cells[3]))
    return slots


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("slides")
    names = [f"{kind}_ch{n}" for n in CHAPTERS for kind in ("slides", "slide_notes")]
    wall, cpu = time.perf_counter(), time.process_time()
    items = build(out, names)
    return {item.name: item for item in items}, time.perf_counter() - wall, time.process_time() - cpu


def reader(built, kind: str, number: str) -> PdfReader:
    return PdfReader(built[0][f"{kind}_ch{number}"].path)


@pytest.fixture(scope="module")
def texts(built):
    return {(kind, n): flat_text(reader(built, kind, n)) for n in CHAPTERS for kind in ("slides", "slide_notes")}


def test_every_deck_built_in_time(built):
    items, wall, cpu = built
    assert len(items) == 2 * len(CHAPTERS)
    assert set(CHAPTERS) >= {"01", "02", "03", "04", "05", "06"}
    assert cpu < 30, f"building the decks took {cpu:.1f} CPU seconds"


@pytest.mark.parametrize("number", CHAPTERS)
def test_pages_exactly_the_planned_slides(built, number):
    """No slide overflowed into a second page: the deck and its notes have one page per planned slide."""
    planned = len(deck_data(number)["slides"])
    assert 10 <= planned <= 40
    for kind in ("slides", "slide_notes"):
        assert len(reader(built, kind, number).pages) == planned, (kind, number)


@pytest.mark.parametrize("number", CHAPTERS)
def test_page_sizes_and_fonts(built, number):
    for page in reader(built, "slides", number).pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width / height - 16 / 9) < 1e-3
    for page in reader(built, "slide_notes", number).pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)  # A4
    for kind in ("slides", "slide_notes"):
        used = fonts(reader(built, kind, number))
        assert used and all(used.values()), used
        assert any("CJK" in name or "WenQuanYi" in name for name in used), used


def test_slides_stay_short():
    """At most 6 bullets or 4 questions a slide, and no text slide without any."""
    for number in CHAPTERS:
        for s in deck_data(number)["slides"]:
            if s["kind"] == "text":
                assert 1 <= len(s["items"]) <= 6, (number, s["title"])
            if s["kind"] == "discussion":
                assert 1 <= len(s["items"]) <= 4, (number, s["title"])
            if s["kind"] == "table":
                assert len(s["table"]["rows"]) <= 7, (number, s["title"])


@pytest.mark.parametrize("number", CHAPTERS)
def test_learning_goals_of_every_lesson(texts, number):
    lessons = sorted(folder(number).glob("0*.ipynb"))
    assert lessons
    for notebook in lessons:
        goals = goals_of(notebook)
        assert goals, notebook.name
        for goal in goals:
            assert flat(goal) in texts["slides", number], (notebook.name, goal)


@pytest.mark.parametrize("number", CHAPTERS)
def test_discussion_questions_and_answers(texts, number):
    """Every discussion question is on a slide; the trainer note's expected answers are in the notes."""
    questions = [q for nb in sorted(folder(number).glob("0*.ipynb")) for q in lesson_prompts(nb)]
    pairs = [p for note in sorted(folder(number).glob("trainer_note*.md")) for p in note_prompts(note)]
    assert pairs
    asked = questions + [q for q, _ in pairs]
    for question in asked:
        # a question the lesson and its trainer note ask in nearly the same words is printed once
        twins = [q for q in asked if SequenceMatcher(None, key(q), key(question)).ratio() >= 0.8]
        assert any(flat(q) in texts["slides", number] for q in twins), question
    for question, answer in pairs:
        if answer:
            assert flat(answer) in texts["slide_notes", number], (question, answer)


@pytest.mark.parametrize("number", CHAPTERS)
def test_charts_drawn(built, number):
    """Chart slides carry the chart as vector drawing: a page with a Form XObject or a long content stream."""
    expected = len(CHARTS.get(number, ())) + len(EXTRA_CHARTS.get(number, ()))
    pages = reader(built, "slides", number).pages
    sizes = [len(page.get_contents().get_data()) for page in pages]
    median = sorted(sizes)[len(sizes) // 2]
    drawn = [i for i, page in enumerate(pages) if "/XObject" in page["/Resources"] or sizes[i] > 4 * median]
    assert len(drawn) >= expected, (number, sizes)
    if expected:
        kinds = [s["kind"] for s in deck_data(number)["slides"]]
        assert kinds.count("chart") == expected
        assert all(kinds[i] == "chart" or kinds[i] == "table" for i in drawn if "/XObject" in pages[i]["/Resources"])


def test_talk_segments(texts):
    """Kano theory (ch01), GROW, the seven mistakes and SMART (ch06), DMAIC (ch07) have their slides."""
    for category in ("必备属性", "期望属性", "魅力属性", "无差异属性", "反向属性", "我很喜欢", "理应如此", "勉强接受"):
        assert category in texts["slides", "01"]
    sixth = markdown_cells(folder("06") / "03_corrective_coaching.ipynb")
    table = next(c for c in sixth if "七宗罪" in c and "|" in c)
    mistakes = [plain(row.split("|")[2].strip()) for row in table.splitlines() if re.match(r"^\|\s*\d+\s*\|", row)]
    assert len(mistakes) == 7
    for mistake in mistakes:
        assert flat(re.sub(r"（.*?）", "", mistake)) in texts["slides", "06"], mistake
    remedies = [plain(row.split("|")[4].strip()) for row in table.splitlines() if re.match(r"^\|\s*\d+\s*\|", row)]
    for remedy in remedies:  # why each mistake harms and what to do instead: in the trainer's notes
        assert flat(remedy) in texts["slide_notes", "06"], remedy
    for word in ("GROW", "Goal", "Reality", "Options", "Will", "10%", "40%", "30%", "20%", "Specific", "Time-bound"):
        assert word in texts["slides", "06"], word
    for phase in ("定义", "测量", "分析", "改进", "控制", "DMAIC"):
        assert phase in texts["slides", "07"]


def test_openings_and_workshop_slots(texts):
    """Each day's opening slot is on the deck of the chapter it opens; each lesson's slot is in its notes."""
    guide = (COURSE / "trainer_guide.md").read_text(encoding="utf-8")
    assert "课程目标、三天安排" in texts["slides", "01"] and "三天安排" in guide
    for number, words in (("03", "客户关心的第三件事"), ("05", "哪一步最薄弱"), ("07", "还是\"靠体系\"")):
        assert flat(words) in texts["slides", number], number
    for day, start, where in guide_slots():
        for notebook in re.findall(r"course/(\d\d)_\w+/(\d\d_\w+\.ipynb)", where):
            number = notebook[0]
            if number in CHAPTERS:
                assert f"第{day}天{start}" in texts["slide_notes", number], (day, start, notebook)


def test_an_unknown_chapter_is_refused_by_name():
    with pytest.raises(ValueError, match="number must name a chapter"):
        deck_data("99")
