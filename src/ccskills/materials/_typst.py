"""Typst, the one engine behind every printable file: a template (``templates/*.typ``) plus the
kit's figures as JSON, compiled to PDF with a Chinese font embedded.

Why Typst: one pip wheel (``typst``, the compiler itself, about 34 MB) with no system library,
no network and no TeX installation; a document of several pages compiles in about a second;
fonts are embedded as subsets; output is byte-for-byte reproducible for a fixed timestamp.
The data never passes through markup: templates read ``sys.inputs.data`` with ``json(...)``,
so a trainee's name or a question text can never be read as Typst code.

Chinese fonts: Debian's ``fonts-noto-cjk`` (Noto Serif/Sans CJK SC, what the templates ask
for) or ``fonts-wqy-microhei`` as a fallback; on Windows and macOS the system's own CJK fonts.
"""

from __future__ import annotations

import json
import os
import sys
from functools import lru_cache
from pathlib import Path

__all__ = ["TEMPLATES", "FONT_DIRS", "MissingFont", "cjk_fonts", "compile_pdf", "page_count", "require_typst"]

TEMPLATES = Path(__file__).with_name("templates")
"""Folder of the Typst templates; ``common.typ`` holds the shared page style."""

FONT_DIRS: tuple[str, ...] = (
    "/usr/share/fonts/opentype/noto",  # Debian fonts-noto-cjk
    "/usr/share/fonts/truetype/wqy",  # Debian fonts-wqy-microhei / zenhei
    "/usr/share/fonts/noto-cjk",  # Fedora / Arch
    "/System/Library/Fonts",  # macOS (PingFang)
    os.path.join(os.environ.get("WINDIR", r"C:\Windows"), "Fonts"),  # Windows (Microsoft YaHei, SimSun)
)
"""Folders searched for a CJK font, in order; ``CCSKILLS_FONT_DIR`` is searched first when set."""

_CJK_NAMES = ("notoserifcjk", "notosanscjk", "wqy-microhei", "wqy-zenhei", "pingfang", "msyh", "simsun",
              "sourcehansans", "sourcehanserif")

INSTALL_FONTS = ("printable files need a Chinese font: on Debian/Ubuntu run "
                 "'sudo apt-get install fonts-noto-cjk' (or make materials as root, which installs it); "
                 "elsewhere set CCSKILLS_FONT_DIR to a folder holding Noto Serif CJK SC or another CJK font")


class MissingFont(RuntimeError):
    """No Chinese font was found; the message says how to install one."""


def require_typst() -> None:
    """Raise ``ImportError`` saying how to install the ``typst`` compiler when it is missing."""
    try:
        import typst  # noqa: F401
    except ImportError:
        raise ImportError("printable files need the typst compiler, which a core install leaves out: "
                          "pip install \"ccskills[materials]\" (or just pip install 'typst>=0.13,<0.16')") from None


def _font_dirs() -> list[str]:
    extra = os.environ.get("CCSKILLS_FONT_DIR")
    return ([extra] if extra else []) + list(FONT_DIRS)


@lru_cache(maxsize=4)
def _scan(dirs: tuple[str, ...]) -> tuple[str, ...]:
    found = []
    for folder in dirs:
        base = Path(folder)
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.suffix.lower() in (".otf", ".ttf", ".ttc", ".otc") and \
                    any(name in path.name.lower().replace(" ", "") for name in _CJK_NAMES):
                found.append(folder)
                break
    return tuple(found)


def cjk_fonts() -> list[str]:
    """The folders holding a CJK font that Typst is given; :class:`MissingFont` when there is none."""
    found = list(_scan(tuple(_font_dirs())))
    if not found:
        raise MissingFont(INSTALL_FONTS)
    return found


def compile_pdf(template: str, data: dict, *, timestamp: int | None = None) -> bytes:
    """Compile ``templates/<template>.typ`` with ``data`` (JSON-able) and return the PDF bytes.

    ``timestamp`` (seconds since 1970, default ``SOURCE_DATE_EPOCH`` or 0) is the date the PDF
    records, so the same inputs give the same bytes.
    """
    require_typst()
    import typst

    source = TEMPLATES / f"{template}.typ"
    if not source.is_file():
        raise ValueError(f"template must name a file in {TEMPLATES}, got {template!r}")
    if timestamp is None:
        timestamp = int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0)
    payload = json.dumps(data, ensure_ascii=False, allow_nan=False, default=_plain)
    try:
        return typst.compile(str(source), root=str(TEMPLATES), font_paths=cjk_fonts(),
                             sys_inputs={"data": payload}, timestamp=timestamp)
    except (RuntimeError, ValueError) as err:
        if isinstance(err, MissingFont):
            raise
        raise RuntimeError(f"template {template!r} did not compile: {err}") from None


def _plain(value):
    """JSON for numpy numbers and dates (the kit's figures)."""
    if hasattr(value, "item"):
        return value.item()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def page_count(pdf: bytes) -> int:
    """Pages in a PDF (counted by pypdf)."""
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


if __name__ == "__main__":  # pragma: no cover - a manual check
    sys.stdout.write("\n".join(cjk_fonts()) + "\n")
