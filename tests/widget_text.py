"""Every text a calculator's widget tree shows (headless), to find Chinese left after a language switch.

Reads what reaches the page: HTML values (tags and data: links stripped), descriptions, option
labels, tab titles, placeholders and tooltips. Chart specs are not read (redrawn as a whole).
"""

from __future__ import annotations

import html
import re

import ipywidgets as widgets

CHINESE = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")


def _own_texts(widget) -> list[str]:
    out = []
    if isinstance(widget, widgets.HTML) and not widget.value.lstrip().startswith("<style"):
        text = re.sub(r"<[^>]+>", " ", re.sub(r'(href|download)="[^"]*"', "", widget.value))
        out.append(html.unescape(text))
    for name in ("description", "placeholder", "tooltip"):
        value = getattr(widget, name, None)
        if isinstance(value, str):
            out.append(value)
    out.extend(getattr(widget, "_options_labels", None) or ())
    out.extend(getattr(widget, "titles", None) or ())
    return out


def chinese_left(app, skip=()) -> list[str]:
    """The texts of ``app`` still holding Chinese, outside its language toggle and the ``skip`` widgets."""
    skip_ids = {id(w) for w in (getattr(app, "language", None), *skip) if w is not None}

    def walk(widget) -> list[str]:
        if id(widget) in skip_ids:
            return []
        return _own_texts(widget) + [t for child in getattr(widget, "children", ()) for t in walk(child)]

    return [t.strip() for t in walk(app) if CHINESE.search(t)]


def report_pages(app) -> list[str]:
    """The text of each page of the PDF that ``app``'s report button makes now (``[]`` when there is
    no answer to report)."""
    import base64
    import io

    import pypdf

    app.keep.build_report()  # what the button does (made on demand, never after each answer)
    found = re.search(r'href="data:application/pdf;base64,([^"]+)"', app.keep.report_link.value)
    if found is None:
        return []
    reader = pypdf.PdfReader(io.BytesIO(base64.b64decode(found.group(1))))
    return [page.extract_text() for page in reader.pages]


def flat(text: str) -> str:
    """PDF text with line breaks and spaces removed (cells wrap in narrow columns)."""
    return re.sub(r"\s+", "", text)
