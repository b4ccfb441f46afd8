"""The management templates page (管理模板), served by Voila from course/apps/management_templates.ipynb.

For managers who do not write Python: the templates of :mod:`ccskills.management.catalogue` in a
table grouped by part (rules, processes, roles, floor, management system) with each one's title,
format (Word or Excel) and what it is for; a choice of the worked example, the blank template or
both; a "make file" button per template that puts download links beside it; and one button that
makes every template into a .zip (:func:`~ccskills.management.catalogue.write_templates` into a
temporary folder, then :func:`~ccskills.management.catalogue.templates_zip`). Files come in the
page's language. Wiring only: every file is built by the catalogue.

Building runs in a worker thread that the page watches: the progress bar and the status line follow
it file by file (a process template draws its swimlane map, about a second), and if no file is
finished for :data:`STALL_S` seconds the page stops waiting and says so, so a stuck build never
keeps the controls disabled. Controls are disabled while a build runs and restored in ``finally``;
any error is one sentence in the page's language, its traceback goes to the log file.
"""

from __future__ import annotations

import html
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import ipywidgets as widgets

from ccskills.apps._common import busy, download_link, log_unexpected, set_options, status_html, status_text
from ccskills.apps._templates_text import STYLE, VERSIONS, kind_name, purpose_of, t, version_filled
from ccskills.i18n import LANGUAGES
from ccskills.management import PARTS, catalogue

__all__ = ["TemplatesPage", "build_templates_page", "BuildStalled", "run_watched", "STALL_S"]

STALL_S = 120.0
"""Seconds without a finished file after which the page stops waiting for a build."""
POLL_S = 0.1
"""How often the page looks at a running build (progress bar and status line)."""

_COLUMNS = "16em 4.5em minmax(12em, 1fr) 7.5em 20em"
"""The table's columns (title, format, purpose, button, links): fixed tracks, so the grid of each
part lines up with the header's."""


class BuildStalled(RuntimeError):
    """A build made no progress for :data:`STALL_S` seconds (the page stopped waiting for it)."""


def run_watched(job: Callable[[Callable[[int, int, str], None]], object],
                on_step: Callable[[int, int, str], None], stall_s: float | None = None):
    """Run ``job(report)`` in a worker thread and return what it returns (or raise what it raised).

    ``job`` calls ``report(done, total, name)`` before each file; the calling thread passes the
    latest report to ``on_step`` (so widgets are only touched from the caller's thread) and raises
    :class:`BuildStalled` when nothing was reported for ``stall_s`` seconds (default :data:`STALL_S`).

    >>> run_watched(lambda report: report(0, 1, "a.docx") or 42, lambda done, total, name: None)
    42
    """
    stall_s = STALL_S if stall_s is None else stall_s
    lock = threading.Lock()
    box: dict = {"step": None, "at": time.monotonic(), "result": None, "error": None}

    def report(done: int, total: int, name: str) -> None:
        with lock:
            box["step"], box["at"] = (done, total, name), time.monotonic()

    def work() -> None:
        try:
            box["result"] = job(report)
        except BaseException as exc:  # handed to the caller's thread
            box["error"] = exc

    worker = threading.Thread(target=work, name="ccskills-templates", daemon=True)
    worker.start()
    seen = None
    while True:
        worker.join(POLL_S)
        with lock:
            step, at = box["step"], box["at"]
        if step is not None and step != seen:
            seen = step
            on_step(*step)
        if not worker.is_alive():
            break
        if time.monotonic() - at > stall_s:
            raise BuildStalled(f"no file finished within {stall_s} s")
    if box["error"] is not None:
        raise box["error"]
    return box["result"]


@dataclass
class _Row:
    """One template's cells: title, format, purpose, its button and its download links."""

    template: object
    title: widgets.HTML
    kind: widgets.HTML
    purpose: widgets.HTML
    button: widgets.Button
    links: widgets.HTML

    def cells(self) -> list[widgets.Widget]:
        return [self.title, self.kind, self.purpose, self.button, self.links]


def _css(name: str) -> str:
    return "ccs-" + name.replace("_", "-")


def _classed(widget: widgets.DOMWidget, *names: str) -> widgets.DOMWidget:
    for name in names:
        widget.add_class(name)
    return widget


class TemplatesPage(widgets.VBox):
    """Title and language on top, the version choice and the .zip button, then the table of templates."""

    def __init__(self, lang: str = "zh") -> None:
        self.lang = lang if lang in LANGUAGES else LANGUAGES[0]
        self.templates = catalogue.catalogue()
        self.runs = 0  # finished builds (successful or not), shown as data-run on the status line
        self.built = 0  # files offered so far, shown as data-built on each link
        self._said: tuple[str, Callable[[str], str]] = ("ok", self._ready)
        self.language = _classed(widgets.ToggleButtons(options=[("中文", "zh"), ("English", "en")],
                                                       value=self.lang), "ccs-language")
        self.version = _classed(widgets.ToggleButtons(options=[("", v) for v in VERSIONS], value="example"),
                                "ccs-version")
        self.title, self.intro = widgets.HTML(), widgets.HTML()
        self.status = _classed(widgets.HTML(), "ccs-status")
        self.progress = _classed(widgets.IntProgress(min=0, max=1, value=0,
                                                     layout=widgets.Layout(width="24em", display="none")),
                                 "ccs-progress")
        self.zip_button = _classed(widgets.Button(layout=widgets.Layout(width="auto")), "ccs-zip-build")
        self.zip_link = _classed(widgets.HTML(), "ccs-zip-link")
        self.heads = {key: _classed(widgets.HTML(), "ccs-template-head") for key in
                      ("col_title", "col_kind", "col_purpose", "col_make", "col_files")}
        self.parts = {part: _classed(widgets.HTML(), "ccs-template-part", _css(f"part_{part}")) for part in PARTS}
        self.rows = {tpl.id: self._row(tpl) for tpl in self.templates}
        self.grids = {part: self._grid([cell for row in self.rows.values() if row.template.part == part
                                        for cell in row.cells()]) for part in PARTS}
        self.table = _classed(widgets.VBox(self._table()), "ccs-templates-table")
        super().__init__(children=self._layout())
        self.add_class("ccs-templates-page")
        self.language.observe(self._on_language, names="value")
        self.zip_button.on_click(lambda _: self.build_zip())
        self.relabel()

    # Widgets -----------------------------------------------------------------

    def _row(self, tpl) -> _Row:
        cell = widgets.Layout(margin="1px 0")
        row = _Row(tpl, *(widgets.HTML(layout=cell) for _ in range(3)),
                   widgets.Button(layout=widgets.Layout(width="7em")), widgets.HTML(layout=cell))
        for widget, name in zip(row.cells(), ("title", "kind", "purpose", "build", "links")):
            _classed(widget, f"ccs-template-{name}")
        _classed(row.button, _css(f"build_{tpl.id}"))
        _classed(row.links, _css(f"links_{tpl.id}"))
        row.button.on_click(lambda _, template_id=tpl.id: self.build_one(template_id))
        return row

    @staticmethod
    def _grid(cells: list[widgets.Widget]) -> widgets.GridBox:
        return _classed(widgets.GridBox(cells, layout=widgets.Layout(
            grid_template_columns=_COLUMNS, grid_gap="2px 10px", width="100%")), "ccs-templates-grid")

    def _table(self) -> list[widgets.Widget]:
        """The header's grid, then each part that has templates: its heading and its grid."""
        table = [self._grid(list(self.heads.values()))]
        for part in PARTS:
            if self.grids[part].children:
                table += [self.parts[part], self.grids[part]]
        return table

    def _layout(self) -> list[widgets.Widget]:
        header = widgets.HBox([self.title, self.language], layout=widgets.Layout(justify_content="space-between"))
        actions = widgets.HBox([self.version, self.zip_button, self.zip_link],
                               layout=widgets.Layout(flex_flow="row wrap", align_items="center",
                                                     grid_gap="4px 16px"))
        return [widgets.HTML(STYLE), header, self.intro, actions, self.progress, self.status, self.table]

    def busy_controls(self) -> list[widgets.Widget]:
        """What is disabled while a build runs: language, version, the .zip and every template button."""
        return [self.language, self.version, self.zip_button, *(row.button for row in self.rows.values())]

    # Language ----------------------------------------------------------------

    def _on_language(self, change) -> None:
        self.lang = change["new"]
        self._said = ("ok", self._ready)  # links of files in the other language go (below)
        self.relabel()

    def relabel(self) -> None:
        """Every text of the page in ``self.lang``, in one pass (the title last).

        The texts are made first, then set in one quick sweep, so the page never shows two
        languages for long. Links already made are taken away: their files are in the other language.
        """
        lang = self.lang
        k = 0 if lang == "zh" else 1
        rows = {tid: (html.escape(row.template.title(lang)), kind_name(row.template.kind),
                      html.escape(purpose_of(tid, row.template.part, row.template.title(lang), lang)))
                for tid, row in self.rows.items()}
        counts = {part: sum(row.template.part == part for row in self.rows.values()) for part in PARTS}
        kind, say = self._said
        status = status_html(kind, say(lang), self.runs)
        for key, head in self.heads.items():
            head.value = html.escape(t(key, lang))
        for part, head in self.parts.items():
            head.value = html.escape(f"{PARTS[part][k]}（{counts[part]}）" if k == 0 else
                                     f"{PARTS[part][k]} ({counts[part]})")
        for tid, (title, kind_word, purpose) in rows.items():
            row = self.rows[tid]
            row.title.value, row.kind.value, row.purpose.value = title, kind_word, purpose
            row.button.description, row.button.tooltip = t("build", lang), t("build_tip", lang)
            row.links.value = ""
        set_options(self.version, [(t(f"version_{v}", lang), v) for v in VERSIONS])
        self.version.description = t("version", lang)
        self.version.style.description_width = "initial"
        self.zip_button.description, self.zip_button.tooltip = t("zip", lang), t("zip_tip", lang)
        self.zip_link.value = ""
        self.status.value = status
        self.intro.value = f"<p>{html.escape(t('intro', lang))}</p>"
        self.title.value = f"<h2>{html.escape(t('title', lang))}</h2>"  # last: the page is in ``lang`` now

    # Building ----------------------------------------------------------------

    def build_one(self, template_id: str) -> None:
        """Make the chosen version(s) of one template and put their download links in its row."""
        row, lang, filled = self.rows[template_id], self.lang, version_filled(self.version.value)
        tpl = row.template

        def job(report):
            made = []
            for i, f in enumerate(filled):
                name = tpl.filename(lang, filled=f)
                report(i, len(filled), name)
                made.append((name, tpl.build(lang, f)))
            return made

        def show(made) -> None:
            row.links.value = "".join(self._link(name, payload) for name, payload in made)
            self._set_status("ok", lambda lg: t("made_one", lg, title=tpl.title(lg)))

        row.links.value = ""
        self._build(job, show, lambda lg: tpl.title(lg), {tpl.filename(lang, filled=f): (tpl, f) for f in filled})

    def build_zip(self) -> None:
        """Make every template (chosen version, page language) into one .zip with the catalogue's
        file names and its index, and offer it as a download link."""
        lang, version = self.lang, self.version.value
        filled = version_filled(version)
        names = {tpl.filename(lang, filled=f): (tpl, f) for tpl in self.templates for f in filled}

        def job(report):
            with tempfile.TemporaryDirectory(prefix="ccskills-templates-") as folder:
                written = catalogue.write_templates(folder, langs=(lang,), filled=filled, progress=report)
                return len(written), catalogue.templates_zip(folder)

        def show(made) -> None:
            count, payload = made
            self.built += 1
            name = t("zip_file", lang, version=t(f"zip_version_{version}", lang))
            self.zip_link.value = download_link(payload, name, t("zip_link", lang, n=count), "ccs-zip-file",
                                                built=self.built)
            self._set_status("ok", lambda lg: t("made_zip", lg, n=count))

        self.zip_link.value = ""
        self._build(job, show, lambda lg: t("all_templates", lg), names)

    def _build(self, job, show, title: Callable[[str], str], names: dict) -> None:
        """Run ``job`` watched, with the controls disabled and the progress shown; then ``show`` its
        result, or say in one sentence why there is none."""
        with busy(self.busy_controls()):
            self.progress.value, self.progress.max = 0, max(1, len(names))
            self.progress.layout.display = None
            try:
                made = run_watched(job, lambda done, total, name: self._step(done, total, names.get(name)))
                self.runs += 1
                show(made)
            except BuildStalled:
                self.runs += 1
                self._set_status("error", lambda lg: t("stalled", lg, title=title(lg), seconds=f"{STALL_S:g}"))
            except Exception as exc:  # every failure becomes a sentence, never a traceback
                log_unexpected(exc, "templates: build")
                self.runs += 1
                kind = type(exc).__name__
                self._set_status("error", lambda lg: t("failed", lg, title=title(lg), kind=kind))
            finally:
                self.progress.layout.display = "none"

    def _step(self, done: int, total: int, made) -> None:
        """Progress: ``done`` of ``total`` files finished, ``made`` = (template, filled) being made now."""
        self.progress.max, self.progress.value = max(1, total), done
        if made is not None:
            tpl, filled = made
            version = lambda lg: t("version_example" if filled else "version_blank", lg)  # noqa: E731
            self._set_status("computing", lambda lg: t("working", lg, i=done + 1, n=total, title=tpl.title(lg),
                                                       version=version(lg)))

    def _link(self, name: str, payload: bytes) -> str:
        self.built += 1
        return download_link(payload, Path(name).name, Path(name).name, "ccs-template-file", built=self.built)

    def _ready(self, lang: str) -> str:
        return t("ready", lang, n=len(self.templates))

    def _set_status(self, kind: str, say: Callable[[str], str]) -> None:
        """Show ``say(lang)``; kept, so it can be said again."""
        self._said = (kind, say)
        self.status.value = status_html(kind, say(self.lang), self.runs)

    @property
    def status_text(self) -> str:
        """The status line as plain text."""
        return status_text(self.status)


def build_templates_page(lang: str = "zh") -> TemplatesPage:
    """The management templates page in ``lang`` ('zh' default, or 'en').

    >>> page = build_templates_page("en")
    >>> page.status_text.startswith(f"{len(page.templates)} templates. Choose a version")
    True
    """
    return TemplatesPage(lang=lang)
