"""One-page print/PDF reports of a calculator's answer, and the input rows reports and workbooks share.

* :class:`Report` holds what goes on the page (title, inputs as :class:`Setting` rows,
  results as shown on screen with a note each, an Altair chart, an optional small table,
  assumptions in words); :func:`report_pdf` makes exactly one A4 page of it, with the
  Chinese font embedded and the chart drawn offline (vl-convert).
* :class:`Setting` and the Excel formats (:data:`PERCENT`, :data:`SECONDS`, :data:`COUNT`,
  :data:`NUMBER`) are the inputs rows every calculator's Excel inputs sheet uses too
  (``ccskills.apps._workbook`` re-exports them); :func:`format_cell` shows a value as its
  Excel format would.

Importing this package imports neither reportlab nor altair nor ipywidgets; a PDF needs
reportlab and vl-convert-python (the ``course`` extra).
"""

from ccskills.reports._cells import COUNT, NUMBER, PERCENT, SECONDS, Setting, format_cell, is_number
from ccskills.reports._fonts import PdfFont, pdf_font
from ccskills.reports._pdf import REPORT_WORDS, Report, chart_png, report_pdf

__all__ = ["Report", "report_pdf", "chart_png", "REPORT_WORDS", "Setting", "PERCENT", "SECONDS", "COUNT",
           "NUMBER", "format_cell", "is_number", "PdfFont", "pdf_font"]
