"""Read a Word file back for the management-template tests: headings, paragraphs and tables in order."""

from __future__ import annotations

import io

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph


def blocks(data: bytes) -> list[tuple[str, object]]:
    """The body in order: ("Heading 1", text), ("p", text) or ("table", rows of cell texts)."""
    document = docx.Document(io.BytesIO(data))
    out = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            p = Paragraph(element, document)
            style = p.style.name
            out.append((style if style.startswith(("Heading", "Title")) else "p", p.text))
        elif tag == "tbl":
            out.append(("table", [[c.text for c in row.cells] for row in Table(element, document).rows]))
    return out


def headings(data: bytes) -> list[str]:
    return [text for kind, text in blocks(data) if kind.startswith("Heading")]


def tables(data: bytes) -> list[list[list[str]]]:
    return [rows for kind, rows in blocks(data) if kind == "table"]


def text(data: bytes) -> str:
    """All paragraph and cell text, one line each."""
    lines = []
    for kind, content in blocks(data):
        lines.extend(["\t".join(r) for r in content] if kind == "table" else [content])
    return "\n".join(lines)


def table_after(data: bytes, heading: str, index: int = 0) -> list[list[str]]:
    """The ``index``-th table between the heading whose text starts with ``heading`` and the next heading."""
    seen, found = False, []
    for kind, content in blocks(data):
        if kind.startswith("Heading"):
            if seen:
                break
            seen = content.startswith(heading)
        elif seen and kind == "table":
            found.append(content)
    return found[index]
