"""The catalogue of printable documents and the build that writes them.

Each public module of this package (not starting with ``_``) declares ``DOCUMENTS``, a tuple of
:class:`Document`; :func:`catalogue` collects them in module order, so adding a printable set
is adding a module. :func:`build` compiles each document and writes it atomically.
"""

from __future__ import annotations

import importlib
import pkgutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, NamedTuple

from ccskills.materials._typst import compile_pdf, page_count

__all__ = ["Document", "Built", "catalogue", "build"]

ORDER = ("glossary", "handouts", "roleplays", "capstone", "workbook", "slides")
"""Module order in the catalogue (the order a trainer's print list follows); others come after."""


@dataclass(frozen=True)
class Document:
    """One printable file: ``name`` (an identifier, as ``--only`` takes it), the file name, titles
    in zh/en, the Typst template, a function giving its data, and the page range it must fill.

    A document the kit already prints another way (the reportlab evaluation form, say) gives
    ``make``, a function returning the PDF bytes, and no template; an ``.xlsx`` data pack is a
    document whose ``make`` returns the workbook bytes (pages are then not counted).
    """

    name: str
    file: str
    title_zh: str
    title_en: str
    template: str | None
    data: Callable[[], dict] | None
    pages: tuple[int, int] = (1, 200)
    make: Callable[[], bytes] | None = None

    def render(self) -> bytes:
        """The file's bytes: ``make()`` when given, else the template compiled with ``data()``."""
        if self.make is not None:
            return self.make()
        return compile_pdf(self.template, self.data())

    @property
    def is_pdf(self) -> bool:
        return self.file.lower().endswith(".pdf")


class Built(NamedTuple):
    """A written file: the document's name, its path, page count and build seconds."""

    name: str
    path: Path
    pages: int
    seconds: float


def catalogue() -> list[Document]:
    """Every document, from the package's public modules in :data:`ORDER`."""
    import ccskills.materials as package

    names = [m.name for m in pkgutil.iter_modules(package.__path__) if not m.name.startswith("_")]
    names.sort(key=lambda n: (ORDER.index(n) if n in ORDER else len(ORDER), n))
    docs: list[Document] = []
    for name in names:
        docs.extend(getattr(importlib.import_module(f"ccskills.materials.{name}"), "DOCUMENTS", ()))
    seen = set()
    for doc in docs:
        if doc.name in seen:
            raise ValueError(f"document names must be unique, {doc.name!r} appears twice")
        seen.add(doc.name)
    return docs


def build(out, only=None, *, progress: Callable[[int, int, str], None] | None = None,
          overwrite: bool = True) -> list[Built]:
    """Compile the catalogue (or the documents named in ``only``) into the folder ``out``.

    Each PDF is written atomically; a document whose page count falls outside its declared
    range raises ``ValueError`` naming it (a template that lost its data shows up here).
    """
    from ccskills.io import write_bytes_atomic

    docs = catalogue()
    if only:
        known = {d.name for d in docs}
        unknown = [n for n in only if n not in known]
        if unknown:
            raise ValueError(f"only must name documents of the catalogue ({', '.join(sorted(known))}), "
                             f"got {', '.join(map(repr, unknown))}")
        docs = [d for d in docs if d.name in only]
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise ValueError(f"out must be a folder, {str(folder)!r} is a file")
    folder.mkdir(parents=True, exist_ok=True)
    built = []
    for i, doc in enumerate(docs):
        if progress:
            progress(i, len(docs), doc.name)
        start = time.perf_counter()
        payload = doc.render()
        pages = page_count(payload) if doc.is_pdf else 0
        low, high = doc.pages
        if doc.is_pdf and not low <= pages <= high:
            raise ValueError(f"document {doc.name!r} has {pages} pages, outside its {low}-{high}")
        path = write_bytes_atomic(folder / doc.file, payload, overwrite=overwrite)
        built.append(Built(doc.name, path, pages, time.perf_counter() - start))
    if progress:
        progress(len(docs), len(docs), "")
    return built
