"""The Chinese font every PDF of the kit uses (forms, certificates, one-page reports): an embedded TrueType font if the machine has one, else a CID font.

reportlab's built-in CID font ``STSong-Light`` needs no file and renders Chinese, but it is
**not embedded**: the PDF names it and the reader substitutes a Song face it has (Adobe
Reader may ask for its Asian font pack; Chrome, Firefox and poppler use a system font). A
certificate printed on another computer should look the same, so a TrueType CJK font found
on the machine (Debian's ``fonts-wqy-microhei`` / ``fonts-wqy-zenhei``) is embedded as a
subset instead; the CID font is the fallback. Noto CJK is OpenType/CFF, which reportlab
cannot embed, so it is not in the list.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

__all__ = ["CID_FONT", "TRUETYPE_CANDIDATES", "PdfFont", "pdf_font", "require_reportlab"]

CID_FONT = "STSong-Light"
TRUETYPE_CANDIDATES: tuple[tuple[str, str, int], ...] = (
    ("WQYMicroHei", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("WQYZenHei", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
)
"""(reportlab name, font file, index in a .ttc collection), tried in order."""


def require_reportlab() -> None:
    """Raise ``ImportError`` saying how to install reportlab if it is missing (PDFs need it)."""
    try:
        import reportlab  # noqa: F401
    except ImportError:
        raise ImportError("making PDFs needs reportlab, which a core install of ccskills leaves out: "
                          "pip install \"ccskills[course]\" (or just pip install 'reportlab>=4.0,<6')") from None


class PdfFont(NamedTuple):
    """The font registered with reportlab: its name, whether PDFs embed it, and its file (or None)."""

    name: str
    embedded: bool
    path: str | None


def pdf_font(path: str | Path | None = None, *,
             candidates: tuple[tuple[str, str, int], ...] | None = None) -> PdfFont:
    """Register and return the Chinese font for PDFs: ``path`` (a TrueType .ttf/.ttc) if given,
    else the first of ``candidates`` (default :data:`TRUETYPE_CANDIDATES`) present, else the CID
    font :data:`CID_FONT`.

    A ``path`` that does not exist or is not a TrueType font raises ``ValueError`` naming ``path``.
    """
    require_reportlab()
    from reportlab.pdfbase import pdfmetrics

    if path is not None:
        return _register_truetype("CustomCJK", Path(path), 0, strict=True)
    for name, file, index in (TRUETYPE_CANDIDATES if candidates is None else candidates):
        font = _register_truetype(name, Path(file), index, strict=False)
        if font is not None:
            return font
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if CID_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FONT))
    return PdfFont(CID_FONT, False, None)


def _register_truetype(name: str, file: Path, index: int, strict: bool) -> PdfFont | None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont, TTFError

    if not file.is_file():
        if strict:
            raise ValueError(f"path must be a TrueType font file, got {str(file)!r}")
        return None
    if strict or name not in pdfmetrics.getRegisteredFontNames():
        try:
            pdfmetrics.registerFont(TTFont(name, str(file), subfontIndex=index))
        except (TTFError, OSError) as err:
            if strict:
                raise ValueError(f"path must be a TrueType font file, got {str(file)!r} ({err})") from None
            return None
    return PdfFont(name, True, str(file))
