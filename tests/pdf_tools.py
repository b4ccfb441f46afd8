"""Reading the kit's PDFs back in tests: which fonts they use (and whether embedded), and their text."""

from __future__ import annotations

from pypdf import PdfReader

__all__ = ["fonts", "text_of", "flat_text"]


def fonts(reader: PdfReader) -> dict[str, bool]:
    """Every font the PDF uses → whether its program is embedded."""
    found = {}
    for page in reader.pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            base = descendants[0].get_object() if descendants else font
            descriptor = base.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            found[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return found


def text_of(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def flat_text(reader: PdfReader) -> str:
    """The text with all whitespace removed (line breaks fall anywhere in a table cell)."""
    return "".join(text_of(reader).split())
