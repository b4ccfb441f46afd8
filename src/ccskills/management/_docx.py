"""A small Word writer for the management templates: A4, Chinese fonts, headings, forms and tables.

Every Word template of the track is written through :class:`WordDocument`, so they share one look:
A4 with 2 cm margins, the East Asian font set for Chinese text (Word falls back to a Chinese font a
manager has), bold repeated table headers and fill-in lines. Text goes in as text only (never a
field code), so whatever a user typed comes out as typed.

>>> doc = WordDocument("考勤管理制度", "zh")
>>> doc.heading("目的")
>>> doc.fields([("责任人", "运营主管"), ("复核周期", "每年")])
>>> doc.to_bytes()[:2]
b'PK'
"""

from __future__ import annotations

import io
from typing import Iterable, Sequence

try:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt
except ImportError as err:  # pragma: no cover - exercised on a core install only
    from .._extras import needs_extra

    raise needs_extra(err, "ccskills.management templates", "apps") from err

import pandas as pd

from .._validation import check_lang

__all__ = ["WordDocument", "EAST_ASIAN_FONT", "LATIN_FONT"]

#: The fonts asked for; Word and LibreOffice substitute an installed Chinese font when missing.
EAST_ASIAN_FONT = "Microsoft YaHei"
LATIN_FONT = "Calibri"
_BLANK_LINE = "_" * 36


def _set_fonts(style, size_pt: float | None = None) -> None:
    style.font.name = LATIN_FONT
    if size_pt is not None:
        style.font.size = Pt(size_pt)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)


class WordDocument:
    """One Word file being written: title first, then headings, paragraphs, lists, forms and tables."""

    def __init__(self, title: str, lang: str, *, subtitle: str = "") -> None:
        check_lang(lang)
        self.lang = lang
        self._doc = Document()
        section = self._doc.sections[0]
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(2.0))
        _set_fonts(self._doc.styles["Normal"], 10.5)
        for level in (1, 2, 3):
            _set_fonts(self._doc.styles[f"Heading {level}"])
        _set_fonts(self._doc.styles["Title"])
        self._doc.core_properties.title = title
        self._doc.core_properties.author = "ccskills"
        self._doc.add_heading(title, level=0)
        if subtitle:
            self._doc.add_paragraph(subtitle).italic = True

    def heading(self, text: str, level: int = 1) -> None:
        """A section heading (level 1–3)."""
        self._doc.add_heading(text, level=level)

    def paragraph(self, text: str, *, bold: bool = False) -> None:
        """One paragraph of plain text."""
        self._doc.add_paragraph().add_run(text).bold = bold

    def bullets(self, items: Iterable[str]) -> None:
        """A bulleted list, one item per line."""
        for item in items:
            self._doc.add_paragraph(item, style="List Bullet")

    def numbered(self, items: Iterable[str]) -> None:
        """A numbered list (steps), starting again at 1 whatever lists came before it."""
        num_id = self._restarted_numbering()
        for item in items:
            paragraph = self._doc.add_paragraph(item, style="List Number")
            numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            numbering.get_or_add_ilvl().val = 0
            numbering.get_or_add_numId().val = num_id

    def _restarted_numbering(self) -> int:
        """A new numbering instance of the "List Number" style's list, overridden to start at 1."""
        definitions = self._doc.part.numbering_part.numbering_definitions._numbering
        style_num = self._doc.styles["List Number"].element.pPr.numPr.numId.val
        abstract = definitions.num_having_numId(style_num).abstractNumId.val
        num = definitions.add_num(abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return num.numId

    def fields(self, pairs: Sequence[tuple[str, str]]) -> None:
        """A two-column form: label | value (an empty value leaves a line to fill in)."""
        table = self._doc.add_table(rows=0, cols=2, style="Table Grid")
        for name, value in pairs:
            cells = table.add_row().cells
            cells[0].paragraphs[0].add_run(name).bold = True
            cells[1].text = value if value else ""
        table.columns[0].width = Cm(4.5)
        self._doc.add_paragraph()

    def table(self, frame: pd.DataFrame, *, blank_rows: int = 0) -> None:
        """A table from a DataFrame (header bold, repeated on each page), plus empty rows to fill in."""
        table = self._doc.add_table(rows=1, cols=len(frame.columns), style="Table Grid")
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        header = table.rows[0]
        header._tr.get_or_add_trPr().append(_repeat_header())
        for cell, name in zip(header.cells, frame.columns):
            cell.paragraphs[0].add_run(str(name)).bold = True
        for row in frame.itertuples(index=False):
            for cell, value in zip(table.add_row().cells, row):
                cell.text = _text(value)
        for _ in range(blank_rows):
            table.add_row()
        self._doc.add_paragraph()

    def fill_lines(self, label: str, count: int = 3) -> None:
        """A label followed by ``count`` lines to write on."""
        self.paragraph(label, bold=True)
        for _ in range(count):
            self._doc.add_paragraph(_BLANK_LINE * 2)

    def image(self, png: bytes, width_cm: float = 17.0) -> None:
        """A picture (PNG bytes) at ``width_cm`` wide."""
        self._doc.add_picture(io.BytesIO(png), width=Cm(width_cm))

    def page_break(self) -> None:
        """Start a new page."""
        self._doc.add_page_break()

    def to_bytes(self) -> bytes:
        """The .docx file."""
        out = io.BytesIO()
        self._doc.save(out)
        return out.getvalue()


def _repeat_header():
    from docx.oxml import OxmlElement

    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    return element


def _text(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)
