"""The management track's Word writer: page, fonts, text kept as typed, lists restarting at 1."""

import io

import docx
import pandas as pd
import pytest
from docx.oxml.ns import qn

from ccskills.management._docx import EAST_ASIAN_FONT, WordDocument


def _read(doc: WordDocument):
    return docx.Document(io.BytesIO(doc.to_bytes()))


def test_a4_page_and_east_asian_font():
    read = _read(WordDocument("考勤管理制度", "zh"))
    section = read.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert round(section.left_margin.cm, 2) == 2.0  # stored in twips: 1134 twips = 2.0003 cm
    fonts = read.styles["Normal"].element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == EAST_ASIAN_FONT
    assert read.core_properties.title == "考勤管理制度"


def test_each_numbered_list_starts_again_at_one():
    doc = WordDocument("t", "zh")
    doc.numbered(["a", "b"])
    doc.paragraph("between")
    doc.numbered(["c", "d"])
    read = _read(doc)
    items = {p.text: p._p.pPr.numPr.numId.val for p in read.paragraphs if p.text in "abcd" and p.text}
    assert items["a"] == items["b"] != items["c"] == items["d"]
    numbering = read.part.numbering_part.numbering_definitions._numbering
    for num_id in (items["a"], items["c"]):
        num = numbering.num_having_numId(num_id)
        starts = num.xpath("./w:lvlOverride[@w:ilvl='0']/w:startOverride/@w:val")
        assert starts == ["1"]


def test_user_text_stays_text_in_paragraphs_forms_and_tables():
    doc = WordDocument("t", "en")
    doc.paragraph("=SUM(A1:A3)")
    doc.fields([("Owner", "=HYPERLINK(\"x\")"), ("Blank", "")])
    doc.table(pd.DataFrame({"step": ["+1 call"], "limit": [float("nan")]}), blank_rows=2)
    read = _read(doc)
    assert "=SUM(A1:A3)" in [p.text for p in read.paragraphs]
    form, table = read.tables
    assert [c.text for c in form.rows[0].cells] == ["Owner", "=HYPERLINK(\"x\")"]
    assert form.rows[1].cells[1].text == ""
    assert [c.text for c in table.rows[1].cells] == ["+1 call", ""]  # NaN is an empty cell, not "nan"
    assert len(table.rows) == 4  # header, one row, two blank rows
    assert b"instrText" not in doc.to_bytes()  # no field codes anywhere


def test_bad_language_is_refused():
    with pytest.raises(ValueError, match="lang"):
        WordDocument("t", "fr")
