"""The one-page report: a calculator's inputs, results, chart and assumptions on one A4 page.

Layout (portrait, 15 mm margins): title, date, inputs (two label/value pairs a row), results
(label, value, note), the chart as a PNG (Altair → vl-convert, external URLs refused, so
nothing is fetched), an optional small table, "假设与说明 / Assumptions", footer. The page
is **always one page**: the content is measured first and, while too tall, reduced step by
step (:data:`_STEPS`): smaller chart, fewer table rows (a "…" row and a note say how many
were left out), smaller type, fewer input rows, shorter assumptions, and at last no chart.
Text is wrapped inside its cell (Chinese by character); the Chinese font is embedded when the
machine has a TrueType CJK font (:func:`ccskills.reports._fonts.pdf_font`).
"""

from __future__ import annotations

import html
import io
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from ccskills.reports._cells import Setting, format_cell, is_number
from ccskills.reports._fonts import pdf_font, require_reportlab

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Report", "report_pdf", "chart_png", "REPORT_WORDS"]

REPORT_WORDS: dict[str, tuple[str, str]] = {
    "generated": ("生成时间：{when}", "Generated {when}"),
    "inputs": ("输入参数", "Inputs"),
    "results": ("结果", "Results"),
    "table": ("明细", "Details"),
    "assumptions": ("假设与说明", "Assumptions"),
    "more_rows": ("另有 {n} 行未列出（完整表格见 Excel 下载）。", "{n} more rows not shown (the Excel download has them all)."),
    "more_inputs": ("另有 {n} 项输入未列出（完整列表见 Excel 下载的“输入参数”表）。",
                    "{n} more inputs not shown (the Excel download's Inputs sheet lists them all)."),
    "more_results": ("另有 {n} 项结果未列出。", "{n} more results not shown."),
    "more_notes": ("另有 {n} 条说明未列出。", "{n} more notes not shown."),
    "no_chart": ("（图表因篇幅省略。）", "(Chart left out to fit the page.)"),
    "chart_failed": ("（图表无法生成。）", "(The chart could not be drawn.)"),
    "footer": ("由 ccskills 生成", "Made with ccskills"),
}
"""Words of the report itself, (zh, en)."""

_log = logging.getLogger("ccskills.reports")
_log.addHandler(logging.NullHandler())  # a library stays quiet unless the application configures logging

_MM = 72 / 25.4
_PAGE_W, _PAGE_H = 210 * _MM, 297 * _MM
_MARGIN = 15 * _MM
_FOOTER_H = 8 * _MM
_WIDTH = _PAGE_W - 2 * _MARGIN
_HEIGHT = _PAGE_H - 2 * _MARGIN - _FOOTER_H


@dataclass
class Report:
    """What a calculator puts on its one-page report; every text already in ``lang``.

    ``settings`` are the inputs (the same :class:`Setting` rows as the Excel inputs sheet),
    ``results`` are (label, value as shown on screen, note), ``chart`` an Altair chart or None,
    ``assumptions`` whole sentences, ``table`` an optional small DataFrame (about 12 rows fit; its
    index is not printed, so reset a meaningful one into a column),
    ``generated`` the time printed under the title (default: now, local time), ``table_formats``
    column → Excel number format for the table's numbers (as in the workbook: ``"0.0%"`` …).
    """

    title: str
    lang: str = "zh"
    settings: list[Setting] = field(default_factory=list)
    results: list[tuple[str, str, str]] = field(default_factory=list)
    chart: object | None = None
    assumptions: list[str] = field(default_factory=list)
    table: pd.DataFrame | None = None
    footer: str | None = None
    table_title: str | None = None
    generated: datetime | None = None
    table_formats: dict[str, str] | None = None


class _Level(NamedTuple):
    font: float        # body type size, points
    chart_h: float     # chart height, points (0: no chart)
    table_rows: int    # rows of the optional table shown
    inputs: int        # input rows shown (pairs of settings)
    notes: int         # assumption sentences shown
    note_chars: int    # characters of each assumption / result note / cell kept
    results: int = 99  # result rows shown


_FULL = _Level(9.5, 230, 12, 99, 99, 600, 99)
_CHART_MIN = 90.0
_STEPS: tuple[tuple[str, float], ...] = (
    ("chart_h", 190), ("note_chars", 300), ("table_rows", 8), ("chart_h", 160), ("font", 9), ("notes", 8),
    ("note_chars", 200), ("table_rows", 5), ("chart_h", 130), ("notes", 6), ("note_chars", 140), ("font", 8),
    ("table_rows", 3), ("inputs", 12), ("notes", 4), ("note_chars", 100), ("chart_h", 110), ("inputs", 9),
    ("results", 16), ("font", 7), ("note_chars", 70), ("table_rows", 2), ("chart_h", _CHART_MIN), ("inputs", 7),
    ("results", 12), ("notes", 3), ("font", 6.5), ("chart_h", 0), ("note_chars", 50), ("inputs", 5),
    ("results", 8), ("table_rows", 0), ("notes", 2), ("inputs", 3), ("results", 5), ("notes", 1),
    ("note_chars", 30), ("inputs", 2), ("results", 3),
)
"""Reductions in order of preference, applied one after another until the page fits (the chart is
then grown back into any space left)."""


def _word(key: str, lang: str, **fields) -> str:
    return REPORT_WORDS[key][1 if lang == "en" else 0].format(**fields)


def chart_png(chart, scale: float = 2.0) -> bytes:
    """``chart`` (Altair) as PNG bytes via vl-convert, offline: external data URLs are refused."""
    import vl_convert

    return vl_convert.vegalite_to_png(chart.to_dict(), scale=scale, allowed_base_urls=[])


def report_pdf(report: Report, *, on_chart_error: Callable[[BaseException, str], None] | None = None) -> bytes:
    """``report`` as a PDF of exactly one A4 portrait page (see the module notes for the layout).

    The chart is drawn once; if it cannot be drawn the page says so in a line instead and
    ``on_chart_error(exc, "report: chart")`` is called (the calculators pass their log writer;
    by default the logger ``ccskills.reports`` gets it, silent unless configured).
    Raises ``ValueError`` naming ``report`` if it is not a :class:`Report` or has no title.
    """
    if not isinstance(report, Report):
        raise ValueError(f"report must be a ccskills.reports.Report, got {type(report).__name__!r}")
    if not str(report.title or "").strip():
        raise ValueError(f"report must have a title, got {report.title!r}")
    require_reportlab()
    font = pdf_font().name
    png = _chart_image(report.chart, on_chart_error)
    return _render(report, _fitted(report, font, png), font)


def _fitted(report: Report, font: str, png: bytes | None) -> list:
    """The fullest story that fits the page (see :data:`_STEPS`), with the chart as tall as the space allows."""
    level = _FULL
    story = _story(report, level, font, png)
    height = _height(story)
    for name, value in _STEPS:
        if height <= _HEIGHT:
            break
        level = level._replace(**{name: value})
        story = _story(report, level, font, png)
        height = _height(story)
    if png and height < _HEIGHT and level.chart_h < _FULL.chart_h:
        room = _HEIGHT - height - (0 if level.chart_h else level.font * 2)
        grown = min(_FULL.chart_h, level.chart_h + room)
        if grown >= _CHART_MIN:
            taller = _story(report, level._replace(chart_h=grown), font, png)
            if _height(taller) <= _HEIGHT:
                story = taller
    return story


def _chart_image(chart, on_error) -> bytes | None:
    if chart is None:
        return None
    try:
        return chart_png(chart)
    except Exception as exc:  # a chart that will not draw must not cost the manager the page
        if on_error is not None:
            on_error(exc, "report: chart")
        else:
            _log.warning("report chart not drawn: %s: %s", type(exc).__name__, exc)
        return b""


def _styles(font: str, size: float, lang: str):
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    wrap = "CJK" if lang != "en" else None
    body = ParagraphStyle("body", fontName=font, fontSize=size, leading=size * 1.3, wordWrap=wrap,
                          splitLongWords=1)
    return {
        "title": ParagraphStyle("title", parent=body, fontSize=16, leading=20),
        "date": ParagraphStyle("date", parent=body, fontSize=8, leading=10, textColor=colors.HexColor("#57606a")),
        "head": ParagraphStyle("head", parent=body, fontSize=size + 2, leading=(size + 2) * 1.3,
                               spaceBefore=size * 0.8, spaceAfter=size * 0.3, textColor=colors.HexColor("#1f3b57")),
        "body": body,
        "value": ParagraphStyle("value", parent=body, fontSize=size + 1.5, leading=(size + 1.5) * 1.25),
        "small": ParagraphStyle("small", parent=body, fontSize=size - 1, leading=(size - 1) * 1.3,
                                textColor=colors.HexColor("#57606a")),
        "num": ParagraphStyle("num", parent=body, alignment=2),
    }


def _p(text, style):
    from reportlab.platypus import Paragraph

    return Paragraph(html.escape(_drawable(str(text), style.fontName)).replace("\n", "<br/>"), style)


def _drawable(text: str, font: str) -> str:
    """``text`` without the characters ``font`` has no glyph for (an emoji status dot would print as a
    box); a CID font, whose glyphs cannot be listed here, keeps everything."""
    from reportlab.pdfbase import pdfmetrics

    glyphs = getattr(getattr(pdfmetrics.getFont(font), "face", None), "charToGlyph", None)
    if not glyphs or all(ord(c) in glyphs or c in "\n\t" for c in text):
        return text
    return "".join(c for c in text if ord(c) in glyphs or c in "\n\t").strip()


def _cut(text: str, limit: int) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: max(limit - 1, 1)].rstrip() + "…"


def _story(report: Report, level: _Level, font: str, png: bytes | None) -> list:
    s = _styles(font, level.font, report.lang)
    when = (report.generated or datetime.now()).strftime("%Y-%m-%d %H:%M")
    story = [_p(_cut(report.title, 160), s["title"]), _p(_word("generated", report.lang, when=when), s["date"])]
    story += _inputs(report, level, s)
    story += _results(report, level, s)
    story += _chart(report, level, s, png)
    story += _table(report, level, s)
    story += _assumptions(report, level, s)
    return story


def _grid(rows, widths, size: float, header: bool = False, font: str = ""):
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    table = Table(rows, colWidths=widths, hAlign="LEFT", repeatRows=0)
    commands = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3), ("TOPPADDING", (0, 0), (-1, -1), size * 0.15),
                ("BOTTOMPADDING", (0, 0), (-1, -1), size * 0.15),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#d0d7de"))]
    if font:  # empty cells are drawn as strings too: in the page's font, not Helvetica
        commands.append(("FONTNAME", (0, 0), (-1, -1), font))
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f6")))
    table.setStyle(TableStyle(commands))
    return table


def _inputs(report: Report, level: _Level, s) -> list:
    shown = [x if isinstance(x, Setting) else Setting(*x) for x in report.settings]
    shown = [x for x in shown if x.value is not None]
    if not shown:
        return []
    pairs = [shown[i:i + 2] for i in range(0, len(shown), 2)]
    kept = pairs[: level.inputs]
    left_out = len(shown) - sum(len(p) for p in kept)
    rows = []
    for pair in kept:
        row = []
        for setting in pair:
            value = format_cell(setting.value, setting.fmt, report.lang)
            value = f"{value} {setting.unit}".strip()
            row += [_p(_cut(setting.label, level.note_chars), s["body"]), _p(_cut(value, level.note_chars), s["body"])]
        rows.append(row + [""] * (4 - len(row)))
    out = [_p(_word("inputs", report.lang), s["head"]), _grid(rows, [_WIDTH * w for w in (.3, .2, .3, .2)], level.font, font=s["body"].fontName)]
    if left_out:
        out.append(_p(_word("more_inputs", report.lang, n=left_out), s["small"]))
    return out


def _results(report: Report, level: _Level, s) -> list:
    if not report.results:
        return []
    cut = level.note_chars
    rows = [[_p(_cut(label, cut), s["body"]), _p(_cut(value, cut), s["value"]), _p(_cut(note or "", cut), s["small"])]
            for label, value, note in report.results[: level.results]]
    out = [_p(_word("results", report.lang), s["head"]), _grid(rows, [_WIDTH * w for w in (.3, .2, .5)], level.font, font=s["body"].fontName)]
    if len(report.results) > level.results:
        out.append(_p(_word("more_results", report.lang, n=len(report.results) - level.results), s["small"]))
    return out


def _chart(report: Report, level: _Level, s, png: bytes | None) -> list:
    if png is None:
        return []
    if png == b"":
        return [_p(_word("chart_failed", report.lang), s["small"])]
    if level.chart_h <= 0:
        return [_p(_word("no_chart", report.lang), s["small"])]
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image, Spacer

    width, height = ImageReader(io.BytesIO(png)).getSize()
    scale = min(_WIDTH / width, level.chart_h / height)
    image = Image(io.BytesIO(png), width=width * scale, height=height * scale, hAlign="CENTER")
    return [Spacer(1, level.font * 0.6), image]


def _table(report: Report, level: _Level, s) -> list:
    frame = report.table
    if frame is None or len(frame.columns) == 0:
        return []
    shown = frame.head(level.table_rows)
    width = _WIDTH / len(frame.columns)
    cut = max(level.note_chars // len(frame.columns), 12)
    header = [_p(_cut(c, cut), s["body"]) for c in frame.columns]
    formats = [(report.table_formats or {}).get(c) for c in frame.columns]
    rows = [header] + [[_p(_cut(format_cell(v, f, report.lang), cut), s["num"] if is_number(v) else s["body"])
                        for v, f in zip(row, formats)] for row in shown.itertuples(index=False)]
    out = [_p(report.table_title or _word("table", report.lang), s["head"])]
    if len(frame) > len(shown):
        rows.append([_p("…", s["body"])] + [""] * (len(frame.columns) - 1))
        out += [_grid(rows, [width] * len(frame.columns), level.font, header=True, font=s["body"].fontName),
                _p(_word("more_rows", report.lang, n=len(frame) - len(shown)), s["small"])]
    else:
        out.append(_grid(rows, [width] * len(frame.columns), level.font, header=True, font=s["body"].fontName))
    return out


def _assumptions(report: Report, level: _Level, s) -> list:
    notes = [n for n in report.assumptions if str(n).strip()]
    if not notes:
        return []
    out = [_p(_word("assumptions", report.lang), s["head"])]
    out += [_p("• " + _cut(n, level.note_chars), s["body"]) for n in notes[: level.notes]]
    if len(notes) > level.notes:
        out.append(_p(_word("more_notes", report.lang, n=len(notes) - level.notes), s["small"]))
    return out


def _height(story: list) -> float:
    total = 0.0
    for flowable in story:
        _, height = flowable.wrap(_WIDTH, _PAGE_H * 4)
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def _render(report: Report, story: list, font: str) -> bytes:
    from reportlab.lib import colors
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Frame

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(_PAGE_W, _PAGE_H), pageCompression=1, initialFontName=font,
                    lang="en" if report.lang == "en" else "zh-CN")
    canvas.setTitle(report.title)
    canvas.setCreator("ccskills")
    frame = Frame(_MARGIN, _MARGIN + _FOOTER_H, _WIDTH, _HEIGHT, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0, showBoundary=0)
    frame.addFromList(list(story), canvas)  # whatever does not fit is dropped: one page, always
    footer = _fit_line(report.footer or _word("footer", report.lang), font, 7)
    canvas.setFont(font, 7)
    canvas.setFillColor(colors.HexColor("#57606a"))
    canvas.drawString(_MARGIN, _MARGIN, footer)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()



def _fit_line(text: str, font: str, size: float) -> str:
    """``text`` on one line of the page width, cut with "…" if longer."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    text = " ".join(_drawable(str(text), font).split())
    if stringWidth(text, font, size) <= _WIDTH:
        return text
    while text and stringWidth(text + "…", font, size) > _WIDTH:
        text = text[:-1]
    return text + "…"
