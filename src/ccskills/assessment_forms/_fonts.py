"""The Chinese font the printed forms use; the code lives in :mod:`ccskills.reports._fonts`
(shared with the one-page calculator reports). This path keeps working for older imports.

:data:`TRUETYPE_CANDIDATES` is read here at each call, so a test may replace it on this module.
"""

from __future__ import annotations

from pathlib import Path

from ccskills.reports._fonts import CID_FONT, TRUETYPE_CANDIDATES, PdfFont, require_reportlab
from ccskills.reports._fonts import pdf_font as _shared_pdf_font

__all__ = ["CID_FONT", "TRUETYPE_CANDIDATES", "PdfFont", "pdf_font", "require_reportlab"]


def pdf_font(path: str | Path | None = None) -> PdfFont:
    """:func:`ccskills.reports._fonts.pdf_font` with this module's :data:`TRUETYPE_CANDIDATES`."""
    return _shared_pdf_font(path, candidates=TRUETYPE_CANDIDATES)
