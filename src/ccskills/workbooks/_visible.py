"""What a person sees on a widget page, as text: for the pages' tests and doctests.

Kept apart from the calculators' shared pieces (:mod:`ccskills.apps._common`) so that a workbook
imports no chart library.
"""

from __future__ import annotations

import html
import re

import ipywidgets as widgets

__all__ = ["visible_text"]


def _shown_widgets(widget: widgets.Widget):
    """``widget`` and its children, depth first, skipping anything hidden (``display: none``)."""
    if getattr(getattr(widget, "layout", None), "display", None) == "none":
        return
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _shown_widgets(child)


def visible_text(page: widgets.Widget) -> str:
    """Every text a person can see on ``page`` (HTML tags removed, style blocks skipped), for tests.

    HTML values, descriptions, placeholders and the labels of radio and toggle buttons of every
    widget not hidden.
    """
    parts = []
    for widget in _shown_widgets(page):
        if isinstance(widget, widgets.HTML) and not widget.value.startswith("<style>"):
            parts.append(widget.value)
        parts += [str(getattr(widget, attr, "") or "") for attr in ("description", "placeholder")]
        if isinstance(widget, (widgets.RadioButtons, widgets.ToggleButtons)):
            parts += [label for label, _ in widget.options]
    return html.unescape(re.sub(r"<[^>]+>", " ", "\n".join(parts)))
