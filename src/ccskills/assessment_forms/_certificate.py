"""Completion certificates (结业证书): one A4 landscape PDF page per trainee, for the trainer to print.

Each page names the trainee, the course (the 3-day workshop of the outline), its hours, the
date and the trainee's post-test score (课后测成绩, percent of the 24 post-test items correct,
:func:`posttest_score`). Drawn with reportlab in the font :func:`pdf_font` picks (an embedded
TrueType CJK font when the machine has one, else the non-embedded CID font ``STSong-Light``).
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ccskills.assessment_forms._fonts import pdf_font, require_reportlab
from ccskills.io import atomic_path

__all__ = ["COURSE_HOURS", "COURSE_TITLE", "Trainee", "certificates_pdf", "posttest_score",
           "trainees_from_progress", "write_certificates"]

COURSE_TITLE = "紧贴用户体验下的服务运营绩效管理"
"""The workshop's title in the outline (seed 001): 3 days, 6 hours a day."""
COURSE_HOURS = 18
"""The workshop's hours: 3 days × 6 hours (the optional management day adds 6)."""


@dataclass(frozen=True)
class Trainee:
    """A trainee on a certificate: ``name`` and post-test ``score`` in percent (0–100, or None to leave it off)."""

    name: str
    score: float | None = None


def posttest_score(answers) -> float:
    """The post-test score in percent: items correct over all 24 items, × 100 (unanswered counts wrong).

    ``answers`` maps post-test item ids ("p01"…"p24") to what the trainee entered, as
    :func:`ccskills.exercises.assessments.score_by_goal` takes them.

    >>> posttest_score({})
    0.0
    """
    from ccskills.exercises.assessments import score_by_goal

    table = score_by_goal("posttest", answers)
    return 100.0 * float(table["correct"].sum()) / float(table["items"].sum())


def trainees_from_progress(attempts) -> list[Trainee]:
    """The class list for certificates from the progress store's attempts (``ProgressStore().attempts()``).

    Every named trainee who answered anything, sorted by name, with the post-test score of their
    first try at each item (100 × correct ÷ 24, as :func:`ccskills.class_report.pre_post_by_goal`
    scores it), or None if they did not take the post-test. Trainees still stored under an
    ``unset:`` label are left out: their real name is not known.
    """
    from ccskills.class_report import pre_post_by_goal
    from ccskills.progress.identity import UNSET_PREFIX

    names = sorted({str(n) for n in attempts["trainee"] if not str(n).startswith(UNSET_PREFIX)})
    scores = pre_post_by_goal(attempts).dropna(subset=["post_items"]).groupby("trainee")[["post_correct", "post_items"]].sum()
    return [Trainee(n, 100.0 * float(scores.loc[n, "post_correct"]) / float(scores.loc[n, "post_items"])
                    if n in scores.index else None) for n in names]


def certificates_pdf(trainees: Iterable[Trainee | tuple], *, course: str = COURSE_TITLE,
                     date: dt.date | str | None = None, hours: float = COURSE_HOURS,
                     font_path: str | Path | None = None) -> bytes:
    """A PDF with one A4 landscape certificate page per trainee, in the order given.

    ``trainees``: :class:`Trainee` objects or ``(name, score)`` pairs; ``date`` a ``datetime.date``
    or "YYYY-MM-DD" (today if None); ``hours`` > 0; ``font_path`` a TrueType CJK font to embed
    (else :func:`pdf_font` chooses). Bad input raises ``ValueError`` naming the parameter.
    """
    people = _check_trainees(trainees)
    require_reportlab()
    course, day, hours = _check_course(course), _check_date(date), _check_hours(hours)
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    font = pdf_font(font_path).name
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=landscape(A4), invariant=True)
    sheet.setTitle("结业证书 Certificate of Completion")
    sheet.setAuthor(course)
    sheet.setCreator("ccskills")
    for person in people:
        _draw_page(sheet, font, person, course, day, hours)
        sheet.showPage()
    sheet.save()
    return buffer.getvalue()


def write_certificates(path: str | Path, trainees: Iterable[Trainee | tuple], *, course: str = COURSE_TITLE,
                       date: dt.date | str | None = None, hours: float = COURSE_HOURS,
                       font_path: str | Path | None = None, overwrite: bool = False) -> Path:
    """Write :func:`certificates_pdf` to ``path`` atomically; an existing file is replaced only with ``overwrite=True``."""
    payload = certificates_pdf(trainees, course=course, date=date, hours=hours, font_path=font_path)
    with atomic_path(path, overwrite=overwrite) as tmp:
        tmp.write_bytes(payload)
    return Path(path)


# ---------------------------------------------------------------- checks at the boundary
def _check_trainees(trainees) -> list[Trainee]:
    if isinstance(trainees, (str, bytes)) or not isinstance(trainees, Iterable):
        raise ValueError(f"trainees must be a list of Trainee or (name, score) pairs, got {trainees!r}")
    people = [_as_trainee(i, t) for i, t in enumerate(trainees)]
    if not people:
        raise ValueError(f"trainees must name at least one trainee, got {people!r}")
    return people


def _as_trainee(i: int, item) -> Trainee:
    if not isinstance(item, Trainee):
        if not isinstance(item, (tuple, list)) or len(item) != 2:
            raise ValueError(f"trainees[{i}] must be a Trainee or a (name, score) pair, got {item!r}")
        item = Trainee(*item)
    if not isinstance(item.name, str) or not item.name.strip():
        raise ValueError(f"trainees[{i}].name must be a non-empty name, got {item.name!r}")
    score = item.score
    if score is not None and (isinstance(score, bool) or not isinstance(score, (int, float))
                              or not 0 <= score <= 100):
        raise ValueError(f"trainees[{i}].score must be a number from 0 to 100, got {score!r}")
    return Trainee(item.name.strip(), score)


def _check_course(course) -> str:
    if not isinstance(course, str) or not course.strip():
        raise ValueError(f"course must be a non-empty title, got {course!r}")
    return course.strip()


def _check_date(date) -> dt.date:
    if date is None:
        return dt.date.today()
    if isinstance(date, dt.datetime):
        return date.date()
    if isinstance(date, dt.date):
        return date
    try:
        return dt.date.fromisoformat(date)
    except (TypeError, ValueError):
        raise ValueError(f"date must be a date or 'YYYY-MM-DD', got {date!r}") from None


def _check_hours(hours) -> float:
    if isinstance(hours, bool) or not isinstance(hours, (int, float)) or not math.isfinite(hours) or hours <= 0:
        raise ValueError(f"hours must be a positive number of hours, got {hours!r}")
    return hours


# ---------------------------------------------------------------- drawing
def _number(value: float) -> str:
    return f"{value:g}" if float(value).is_integer() else f"{value:.1f}"


def _centred(sheet, font: str, size: float, y: float, text: str, max_width: float = 680) -> None:
    """``text`` centred at height ``y``, shrunk until it fits ``max_width`` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    while size > 8 and stringWidth(text, font, size) > max_width:
        size -= 1
    sheet.setFont(font, size)
    sheet.drawCentredString(sheet._pagesize[0] / 2, y, text)


def _draw_page(sheet, font: str, person: Trainee, course: str, day: dt.date, hours: float) -> None:
    width, height = sheet._pagesize
    sheet.setStrokeColorRGB(0.12, 0.44, 0.71)
    sheet.setLineWidth(3)
    sheet.rect(28, 28, width - 56, height - 56)
    sheet.setLineWidth(0.8)
    sheet.rect(38, 38, width - 76, height - 76)
    sheet.setFillColorRGB(0.1, 0.1, 0.1)
    _centred(sheet, font, 40, 470, "结业证书")
    _centred(sheet, font, 16, 440, "Certificate of Completion")
    _centred(sheet, font, 14, 395, "兹证明 This certifies that")
    _centred(sheet, font, 32, 345, person.name, max_width=600)
    sheet.line(width / 2 - 310, 335, width / 2 + 310, 335)
    _centred(sheet, font, 17, 295, f"已完成工作坊《{course}》")
    _centred(sheet, font, 12, 273, "has completed the workshop above")
    facts = [f"学时 Hours：{_number(hours)}"]
    if person.score is not None:
        facts.append(f"课后测成绩 Post-test score：{_number(person.score)} / 100")
    _centred(sheet, font, 14, 220, "　　".join(facts))
    _centred(sheet, font, 14, 192, f"日期 Date：{day.year} 年 {day.month} 月 {day.day} 日（{day.isoformat()}）")
    sheet.setFont(font, 12)
    sheet.drawString(width - 330, 110, "讲师签名 Trainer：")
    sheet.line(width - 220, 108, width - 80, 108)
