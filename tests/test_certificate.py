"""Completion certificates (ccskills.assessment_forms): one A4 landscape page per trainee, read back with pypdf.

Expected texts are what the certificate is specified to show (name, course, hours, date, score);
the PDF is parsed by pypdf, an independent reader, not by the library that wrote it.
"""

from __future__ import annotations

import datetime as dt
import io
import sys

import pytest

import pypdf  # the test extra: an independent PDF reader

from ccskills.assessment_forms import (CID_FONT, COURSE_TITLE, Trainee, certificates_pdf, pdf_font,  # noqa: E402
                                       posttest_score, write_certificates)
from ccskills.assessment_forms._fonts import TRUETYPE_CANDIDATES  # noqa: E402
from ccskills.exercises.assessments import POSTTEST  # noqa: E402

A4_LANDSCAPE = (841.89, 595.28)  # points: 297 mm × 210 mm
CLASS = [Trainee("张三", 83.3), ("李四", 100), Trainee("Wang Wu", 0), Trainee("赵六")]


def pages(payload: bytes) -> list:
    return pypdf.PdfReader(io.BytesIO(payload)).pages


def text(page) -> str:
    return page.extract_text().replace(" ", "")


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return certificates_pdf(CLASS, date=dt.date(2026, 12, 4), hours=18)


def test_one_a4_landscape_page_per_trainee_in_order(pdf):
    assert pdf.startswith(b"%PDF-")
    got = pages(pdf)
    assert len(got) == len(CLASS)
    for page in got:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4_LANDSCAPE, abs=0.1)
    names = ["张三", "李四", "WangWu", "赵六"]
    for page, name in zip(got, names):
        assert name in text(page)
    assert "李四" not in text(got[0])


def test_each_page_shows_course_hours_date_and_score(pdf):
    first = text(pages(pdf)[0])
    for shown in ("结业证书", "CertificateofCompletion", f"《{COURSE_TITLE}》", "学时Hours：18",
                  "2026年12月4日", "2026-12-04", "课后测成绩Post-testscore：83.3/100"):
        assert shown in first, shown
    assert "：100/100" in text(pages(pdf)[1])
    assert "：0/100" in text(pages(pdf)[2])
    assert "课后测成绩" not in text(pages(pdf)[3])  # no score given: the line is left off


def test_course_hours_and_date_are_the_arguments():
    pdf = certificates_pdf([("张三", 90)], course="排班专题", date="2027-01-15", hours=6.5)
    shown = text(pages(pdf)[0])
    assert "《排班专题》" in shown and "学时Hours：6.5" in shown and "2027-01-15" in shown
    assert COURSE_TITLE not in shown


def test_a_long_name_is_shrunk_not_dropped():
    name = "Alexandra Konstantinopoulou-Worthington 欧阳娜娜"
    assert name.replace(" ", "") in text(pages(certificates_pdf([(name, 50)], date="2026-12-04"))[0])


def test_the_same_input_gives_the_same_bytes():
    once = certificates_pdf(CLASS, date="2026-12-04")
    assert once == certificates_pdf(CLASS, date="2026-12-04")


def test_font_is_embedded_when_a_truetype_cjk_font_is_present(pdf):
    font = pdf_font()
    fonts = pages(pdf)[0]["/Resources"]["/Font"]
    descriptors = [f.get_object().get("/FontDescriptor") for f in fonts.values()]
    embedded = any(d is not None and any(k in d.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                   for d in descriptors)
    if font.embedded:
        assert embedded and font.path in [c[1] for c in TRUETYPE_CANDIDATES]
    else:
        assert font.name == CID_FONT and not embedded


def test_cid_fallback_renders_chinese(monkeypatch):
    import ccskills.assessment_forms._fonts as fonts

    monkeypatch.setattr(fonts, "TRUETYPE_CANDIDATES", ())
    assert fonts.pdf_font() == fonts.PdfFont(CID_FONT, False, None)
    page = pages(certificates_pdf([("张三", 80)], date="2026-12-04"))[0]
    assert "张三" in text(page)
    base_fonts = [str(f.get_object()["/BaseFont"]) for f in page["/Resources"]["/Font"].values()]
    assert any(CID_FONT in name for name in base_fonts), base_fonts


@pytest.mark.parametrize("trainees, message", [
    ([], "trainees must name at least one trainee, got []"),
    ([("", 80)], "trainees[0].name must be a non-empty name, got ''"),
    ([("张三", 80), ("   ", 80)], "trainees[1].name must be a non-empty name, got '   '"),
    ([("张三", 101)], "trainees[0].score must be a number from 0 to 100, got 101"),
    ([("张三", -1)], "trainees[0].score must be a number from 0 to 100, got -1"),
    ([("张三", "90")], "trainees[0].score must be a number from 0 to 100, got '90'"),
    ([("张三", float("nan"))], "trainees[0].score must be a number from 0 to 100, got nan"),
    (["张三"], "trainees[0] must be a Trainee or a (name, score) pair, got '张三'"),
    ("张三", "trainees must be a list of Trainee or (name, score) pairs, got '张三'"),
])
def test_bad_trainees_are_refused_naming_the_parameter(trainees, message):
    with pytest.raises(ValueError) as err:
        certificates_pdf(trainees, date="2026-12-04")
    assert str(err.value) == message


@pytest.mark.parametrize("hours", [0, -6, float("inf"), "18", True])
def test_hours_must_be_positive(hours):
    with pytest.raises(ValueError, match=r"^hours must be a positive number of hours, got "):
        certificates_pdf([("张三", 80)], hours=hours, date="2026-12-04")


@pytest.mark.parametrize("kwargs, start", [
    ({"date": "04/12/2026"}, "date must be a date or 'YYYY-MM-DD', got '04/12/2026'"),
    ({"date": 20261204}, "date must be a date or 'YYYY-MM-DD', got 20261204"),
    ({"course": " "}, "course must be a non-empty title, got ' '"),
    ({"font_path": "/no/such/font.ttf"}, "path must be a TrueType font file, got '/no/such/font.ttf'"),
])
def test_other_bad_arguments(kwargs, start):
    with pytest.raises(ValueError) as err:
        certificates_pdf([("张三", 80)], **{"date": "2026-12-04", **kwargs})
    assert str(err.value) == start


def test_write_certificates_is_atomic_and_refuses_to_overwrite(tmp_path):
    target = tmp_path / "结业证书.pdf"
    assert write_certificates(target, CLASS, date="2026-12-04") == target
    assert len(pages(target.read_bytes())) == 4
    with pytest.raises(FileExistsError):
        write_certificates(target, [("李四", 60)], date="2026-12-04")
    assert len(pages(target.read_bytes())) == 4
    write_certificates(target, [("李四", 60)], date="2026-12-04", overwrite=True)
    assert len(pages(target.read_bytes())) == 1
    with pytest.raises(ValueError):
        write_certificates(tmp_path / "bad.pdf", [("", 60)])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["结业证书.pdf"]


def test_posttest_score_is_the_share_of_items_correct():
    questions = POSTTEST.questions
    assert len(questions) == 24
    all_right = {q.id: q.answer for q in questions}
    assert posttest_score(all_right) == 100.0
    assert posttest_score({}) == 0.0
    six_right = {q.id: q.answer for q in questions[:6]}
    assert posttest_score(six_right) == pytest.approx(25.0)  # 6 of 24
    pdf = certificates_pdf([("张三", posttest_score(six_right))], date="2026-12-04")
    assert "25/100" in text(pages(pdf)[0])


def test_class_list_from_the_progress_store_attempts():
    """Post-test score of each trainee's first try per item; no post-test -> no score; unset labels skipped."""
    import pandas as pd

    from ccskills.assessment_forms import trainees_from_progress

    questions = POSTTEST.questions
    rows = []
    at = pd.Timestamp("2026-12-04 15:50", tz="UTC")

    def attempt(trainee, set_name, question_id, answer, verdict, minute):
        rows.append({"trainee": trainee, "track": "workbook", "set": set_name, "question_id": question_id,
                     "answer": answer, "verdict": verdict, "mistake": None, "at": at + pd.Timedelta(minutes=minute)})

    for i, q in enumerate(questions[:12]):  # 王芳: 12 of 24 right at the first try
        attempt("王芳", "posttest", q.id, str(q.answer) if q.kind == "number" else q.answer, "correct", i)
    attempt("王芳", "posttest", questions[12].id, "0", "incorrect", 20)
    attempt("王芳", "posttest", questions[12].id, str(questions[12].answer), "correct", 21)  # second try: not counted
    attempt("李强", "ch02", "asa", "12", "incorrect", 0)  # answered a workbook, no post-test
    attempt("unset:pc1@host", "posttest", questions[0].id, "1", "incorrect", 0)
    attempts = pd.DataFrame(rows)
    got = trainees_from_progress(attempts)
    assert [t.name for t in got] == ["李强", "王芳"]
    assert got[0].score is None
    assert got[1].score == pytest.approx(50.0)  # 12 of 24


def test_without_reportlab_the_error_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "reportlab", None)  # import reportlab now raises ImportError
    with pytest.raises(ImportError, match=r"pip install 'reportlab"):
        certificates_pdf([("张三", 80)], date="2026-12-04")
