"""Small pieces every calculator shares: result cards, the status line, busy state, relabelled
options, the chart slot and the download links (any file's bytes, or tables as Excel).

Reading uploads and building workbooks live in :mod:`ccskills.io`.

Number formatting lives in :mod:`ccskills.formatting` (shared with the CLI); no
queueing formula lives here.

Unexpected errors (anything but a ``ValueError``/``TypeError`` naming a parameter) are shown
as one sentence and their traceback goes to a log file the trainer can send:
:func:`log_unexpected`, file ``ccskills.log`` in ``CCSKILLS_LOG_DIR`` or the user log folder
(``~/.local/state/ccskills/log`` on Linux), at most 3 × 1 MiB.
"""

from __future__ import annotations

import base64
import html
import logging
import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import ipywidgets as widgets
import pandas as pd

from ccskills.i18n import parameter_of
from ccskills.io import excel_bytes


__all__ = ["BASE_CSS", "style", "card", "card_value", "set_card", "busy", "download_link", "excel_link", "status_html",
           "status_text", "set_options", "set_saved", "draw_chart", "ReadBack", "log_unexpected", "log_path"]

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MIME_TYPES = {".xlsx": XLSX_MIME, ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              ".zip": "application/zip", ".pdf": "application/pdf", ".csv": "text/csv"}
"""The media type of a download by its file name's extension (others: application/octet-stream)."""

BASE_CSS = """
.ccs-card { border: 1px solid #d0d7de; border-radius: 6px; padding: 6px 10px; }
.ccs-card-label { color: #57606a; font-size: 12px; }
.ccs-card-value { font-size: 22px; font-weight: 600; }
.ccs-status-ok { color: #1a7f37; } .ccs-status-computing { color: #57606a; }
.ccs-status-error { color: #b42318; font-weight: 600; }
.ccs-hint { color: #57606a; font-size: 12px; }
a.ccs-download-link { font-size: 13px; }
"""
"""Rules every calculator shares: result cards, the status line, hints, the download link."""


def style(css: str) -> str:
    """A ``<style>`` block: :data:`BASE_CSS` then a calculator's own rules (system fonts only)."""
    return f"<style>{BASE_CSS}{css.strip()}\n</style>"


def card(css_class: str) -> widgets.HTML:
    """A result card (label over value) with a stable CSS class for tests and styling."""
    box = widgets.HTML(layout=widgets.Layout(min_width="11em", margin="2px 6px"))
    box.add_class("ccs-card")
    box.add_class(css_class)
    return box


def set_card(box: widgets.HTML, label: str, value: str, note: str = "") -> None:
    """Show ``label`` and ``value`` (text, escaped) in a card."""
    note_html = f'<div class="ccs-card-note">{html.escape(note)}</div>' if note else ""
    box.value = (f'<div class="ccs-card-label">{html.escape(label)}</div>'
                 f'<div class="ccs-card-value">{html.escape(value)}</div>{note_html}')


def card_value(box: widgets.HTML) -> str:
    """The value text a card shows (what a person reads), unescaped."""
    start = box.value.find('<div class="ccs-card-value">')
    if start < 0:
        return ""
    start += len('<div class="ccs-card-value">')
    return html.unescape(box.value[start:box.value.index("</div>", start)])


@contextmanager
def busy(controls: Iterable[widgets.Widget]) -> Iterator[None]:
    """Disable ``controls`` while a computation runs; restore each one's state in ``finally``."""
    controls = list(controls)
    before = [c.disabled for c in controls]
    for control in controls:
        control.disabled = True
    try:
        yield
    finally:
        for control, was in zip(controls, before):
            control.disabled = was


def set_saved(control: widgets.Widget, value) -> None:
    """Set ``control`` to a saved (scenario) value; ``None`` or a value it cannot take (an option
    gone, a wrong type: a scenario from another version) is skipped, keeping what it shows."""
    if value is None:
        return
    try:
        control.value = value
    except Exception:  # noqa: BLE001 - any refusal means "keep the current value"
        pass


def excel_link(tables: pd.DataFrame | Mapping[str, pd.DataFrame], filename: str, label: str,
               **options) -> str:
    """An HTML download link carrying ``tables`` as .xlsx in a data: URL (nothing touches disk).

    ``tables`` is one DataFrame (a sheet named after the file) or a mapping sheet → frame;
    ``options`` go to :func:`ccskills.io.excel_bytes` (e.g. ``number_formats``).
    """
    sheets = {filename: tables} if isinstance(tables, pd.DataFrame) else tables
    return download_link(excel_bytes(sheets, **options), f"{filename}.xlsx", label)


def download_link(payload: bytes, filename: str, label: str, css_class: str = "", **attributes) -> str:
    """An HTML download link (class ``ccs-download-link`` plus ``css_class``) carrying ``payload``
    in a data: URL (nothing touches disk); the media type follows ``filename``'s extension
    (:data:`MIME_TYPES`). ``attributes`` become ``data-<name>`` attributes, e.g. ``built=3``.

    >>> download_link(b"PK", "a.zip", "All files", built=1)
    '<a class="ccs-download-link" data-built="1" download="a.zip" href="data:application/zip;base64,UEs=">⬇ All files</a>'
    """
    mime = MIME_TYPES.get(Path(filename).suffix.lower(), "application/octet-stream")
    data = base64.b64encode(payload).decode("ascii")
    classes = " ".join(["ccs-download-link", *css_class.split()])
    extra = "".join(f' data-{name.replace("_", "-")}="{html.escape(str(value))}"' for name, value in attributes.items())
    return (f'<a class="{classes}"{extra} download="{html.escape(filename)}" '
            f'href="data:{mime};base64,{data}">⬇ {html.escape(label)}</a>')


def status_html(kind: str, message: str, run: int) -> str:
    """The status line: ``kind`` is "ok", "computing" or "error" (class ``ccs-status-<kind>``).

    ``run`` counts finished computations (attribute ``data-run``), so a test can wait
    for the answer to a change instead of sleeping.
    """
    return f'<span class="ccs-status-{kind}" data-run="{run}">{html.escape(message)}</span>'


def status_text(status: widgets.HTML) -> str:
    """What a status line made by :func:`status_html` says, as plain text."""
    return html.unescape(status.value.split(">", 1)[1].rsplit("<", 1)[0])


def set_options(control: widgets.Widget, options: list[tuple[str, object]]) -> None:
    """Replace the option labels of a selection widget (e.g. on a language switch), keeping its value."""
    value = control.value
    control.options = options
    control.value = value


def draw_chart(current, box: widgets.Box, chart, css_class: str):
    """Show ``chart`` in ``box``: the first call makes the offline JupyterChart, later ones redraw it.

    Returns the chart widget to keep for the next call (``current`` is None the first time).
    """
    from ccskills.charts import jupyter_chart

    if current is None:
        current = jupyter_chart(chart)
        current.add_class(css_class)
        box.children = [current]
    else:
        current.chart = chart
    return current


class ReadBack:
    """Reading a calculator's screen back (tests, notebooks): needs ``self.cards`` and ``self.status``."""

    def shown(self, name: str) -> str:
        """The text a result card shows now, e.g. ``shown("required_agents") == "14"``."""
        return card_value(self.cards[name])

    @property
    def status_text(self) -> str:
        """The status line as plain text."""
        return status_text(self.status)


LOG_BYTES, LOG_BACKUPS = 2**20, 2
"""The log file rotates at 1 MiB and keeps two older files (at most 3 MiB in all)."""

_log = logging.getLogger("ccskills.apps")
_log.propagate = False  # never onto the page through a root handler


def log_path() -> Path:
    """Where :func:`log_unexpected` writes: ``$CCSKILLS_LOG_DIR/ccskills.log``, else the user
    log folder (``~/.local/state/ccskills/log/ccskills.log`` on Linux)."""
    folder = os.environ.get("CCSKILLS_LOG_DIR")
    if not folder:
        import platformdirs

        folder = platformdirs.user_log_dir("ccskills", appauthor=False)
    return Path(folder) / "ccskills.log"


def _handler() -> logging.Handler | None:
    """The rotating file handler for :func:`log_path` (None if the folder cannot be written)."""
    from logging.handlers import RotatingFileHandler

    path = log_path()
    for handler in _log.handlers:
        if getattr(handler, "baseFilename", None) == str(path.absolute()):
            return handler
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS,
                                      encoding="utf-8", delay=False)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s pid %(process)d %(message)s"))
    for old in list(_log.handlers):
        _log.removeHandler(old)
        old.close()
    _log.addHandler(handler)
    return handler


def log_unexpected(exc: BaseException, context: str) -> None:
    """Write ``exc``'s traceback to the log file if it is not a known input error.

    A ``ValueError``/``TypeError`` whose message names a parameter (``"x must be …, got …"``) is
    the user's input and is not logged. ``context`` names the calculator and step, e.g.
    ``"erlang: compute"``. Never raises: an unwritable folder loses the record, not the page.
    """
    if isinstance(exc, (ValueError, TypeError)) and parameter_of(exc) is not None:
        return
    try:
        if _handler() is not None:
            _log.setLevel(logging.ERROR)
            _log.error("%s: %s: %s", context, type(exc).__name__, exc,
                       exc_info=(type(exc), exc, exc.__traceback__))
    except Exception:  # logging must never turn into a second error on the page
        pass
