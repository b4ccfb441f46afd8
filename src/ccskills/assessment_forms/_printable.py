"""The printable course evaluation form: the same items as the page, on one A4 portrait sheet.

For classes without a screen per trainee: print it, collect it, and type the ticks into
:class:`~ccskills.assessment_forms.EvaluationResponse` to summarise with the page's answers.
"""

from __future__ import annotations

import io
from pathlib import Path

from ccskills._validation import check_lang
from ccskills.assessment_forms._certificate import COURSE_TITLE
from ccskills.assessment_forms._fonts import pdf_font, require_reportlab
from ccskills.assessment_forms._reaction import AREAS, COMMENT_QUESTIONS, EVALUATION_ITEMS, LIKERT_LABELS

__all__ = ["FORM_WORDS", "evaluation_form_pdf"]

FORM_WORDS: dict[str, tuple[str, str]] = {
    "title": ("课程评估表", "Course evaluation"),
    "course": ("课程：《{course}》", "Course: «{course}»"),
    "fill": ("日期：________　　（可匿名填写）", "Date: ________    (you may leave your name off)"),
    "scale": ("每项圈一个数：", "Circle one number per statement:"),
}


def _word(key: str, lang: str, **fields) -> str:
    return FORM_WORDS[key][1 if lang == "en" else 0].format(**fields)


def evaluation_form_pdf(lang: str = "zh", *, course: str = COURSE_TITLE, font_path: str | Path | None = None) -> bytes:
    """The blank evaluation form as a one-page A4 PDF in ``lang`` ("zh" or "en")."""
    check_lang(lang)
    require_reportlab()
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = pdf_font(font_path).name
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    sheet.setTitle(_word("title", lang))
    y = _header(sheet, font, lang, course)
    y = _ratings(sheet, font, lang, y)
    _comments(sheet, font, lang, y)
    sheet.showPage()
    sheet.save()
    return buffer.getvalue()


def _header(sheet, font: str, lang: str, course: str) -> float:
    width, height = sheet._pagesize
    sheet.setFont(font, 20)
    sheet.drawCentredString(width / 2, height - 60, _word("title", lang))
    sheet.setFont(font, 11)
    sheet.drawString(50, height - 90, _word("course", lang, course=course))
    sheet.drawString(50, height - 108, _word("fill", lang))
    scale = "　".join(f"{n} = {LIKERT_LABELS[n][1 if lang == 'en' else 0]}" for n in LIKERT_LABELS)
    sheet.setFont(font, 9)
    sheet.drawString(50, height - 130, f"{_word('scale', lang)} {scale}")
    return height - 160


def _ratings(sheet, font: str, lang: str, y: float) -> float:
    column = 1 if lang == "en" else 0
    for area, names in AREAS.items():
        sheet.setFont(font, 12)
        sheet.drawString(50, y, names[column])
        y -= 22
        for item in (i for i in EVALUATION_ITEMS if i.area == area):
            sheet.setFont(font, 10)
            sheet.drawString(64, y, item.text(lang))
            for n in LIKERT_LABELS:
                x = 380 + 34 * n
                sheet.circle(x, y + 3.5, 8)
                sheet.drawCentredString(x, y, str(n))
            y -= 24
        y -= 6
    return y


def _comments(sheet, font: str, lang: str, y: float) -> None:
    width = sheet._pagesize[0]
    for key, words in COMMENT_QUESTIONS.items():
        sheet.setFont(font, 11)
        sheet.drawString(50, y, words[1 if lang == "en" else 0])
        sheet.rect(50, y - 95, width - 100, 85)
        y -= 115
