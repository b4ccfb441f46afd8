"""The catalogue of management templates and the writer that puts them in a folder.

Every public module of :mod:`ccskills.management` (not starting with ``_``) may list ``TEMPLATES``,
a tuple of :class:`~ccskills.management._template.Template`; :func:`catalogue` collects them in the
order of :data:`~ccskills.management._template.PARTS` (rules, processes, roles, floor, system), so
adding templates is adding a module. :func:`write_templates` builds each file in memory and writes
it atomically (temporary file, then rename: an error leaves no half-written file), then an index
``README.md`` listing part, titles and files.

>>> ids = [t.id for t in catalogue()]
>>> "rule_attendance" in ids, template("rule_attendance").part
(True, 'rules')
"""

from __future__ import annotations

import importlib
import io
import pkgutil
import zipfile
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

from .._validation import check_lang
from ._template import PARTS, Template

__all__ = ["INDEX_NAME", "catalogue", "catalogue_table", "template", "template_ids", "write_templates", "templates_zip"]

#: The index file :func:`write_templates` leaves in the output folder.
INDEX_NAME = "README.md"


def catalogue() -> list[Template]:
    """Every template of the public management modules, in :data:`PARTS` order (ids unique, else ValueError)."""
    import ccskills.management as package

    names = sorted(m.name for m in pkgutil.iter_modules(package.__path__) if not m.name.startswith("_"))
    found: list[Template] = []
    for name in names:
        found.extend(getattr(importlib.import_module(f"ccskills.management.{name}"), "TEMPLATES", ()))
    seen: dict[str, str] = {}
    for t in found:
        if t.id in seen:
            raise ValueError(f"template ids must be unique, got {t.id!r} twice ({seen[t.id]!r} and {t.title_en!r})")
        seen[t.id] = t.title_en
    order = list(PARTS)
    return sorted(found, key=lambda t: order.index(t.part))


def template_ids() -> list[str]:
    """The ids of :func:`catalogue`, in order."""
    return [t.id for t in catalogue()]


def _unknown(ids: Iterable[str], known: list[str]) -> None:
    bad = [i for i in ids if i not in known]
    if bad:
        raise ValueError(f"only must name templates of the catalogue ({', '.join(known)}), "
                         f"got {', '.join(map(repr, bad))}")


def template(id: str) -> Template:
    """The template called ``id`` (ValueError naming it and listing the valid ids otherwise)."""
    found = {t.id: t for t in catalogue()}
    if id not in found:
        raise ValueError(f"id must be one of the catalogue's templates ({', '.join(found)}), got {id!r}")
    return found[id]


def _as_tuple(name: str, value, kind) -> tuple:
    items = (value,) if isinstance(value, kind) else tuple(value)
    if not items:
        raise ValueError(f"{name} must name at least one value, got {value!r}")
    return items


def _selection(only, langs, filled) -> tuple[list[Template], tuple[str, ...], tuple[bool, ...]]:
    langs = tuple(check_lang(lang) for lang in _as_tuple("langs", langs, str))
    filled = _as_tuple("filled", filled, bool)
    bad = [f for f in filled if not isinstance(f, bool)]
    if bad:
        raise ValueError(f"filled must be True (worked example) and/or False (blank template), got {bad[0]!r}")
    chosen = catalogue()
    if only is not None:
        ids = _as_tuple("only", only, str)
        _unknown(ids, [t.id for t in chosen])
        chosen = [t for t in chosen if t.id in ids]
    return chosen, langs, filled


def _folder(out_dir) -> Path:
    folder = Path(out_dir).expanduser()
    if folder.exists() and not folder.is_dir():
        raise ValueError(f"out_dir must be a folder, got the file {str(folder)!r}")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_templates(out_dir, langs=("zh", "en"), only=None, filled=(True, False), *,
                    progress: Callable[[int, int, str], None] | None = None) -> list[Path]:
    """Write the templates (all, or the ids in ``only``) into ``out_dir``; returns the files written.

    One file per template, language in ``langs`` and version in ``filled`` (True: worked example,
    False: blank template), at ``<part>/<id>_<示例|模板|example|template>.<docx|xlsx>``; each is built
    in memory first and written atomically. Then the index :data:`INDEX_NAME` lists every catalogue
    file present in the folder. ``progress(done, total, relative_path)`` is called before each file.
    """
    from ..io import write_bytes_atomic

    chosen, langs, filled = _selection(only, langs, filled)
    folder = _folder(out_dir)
    jobs = [(t, lang, f) for t in chosen for lang in langs for f in filled]
    written = []
    for i, (t, lang, f) in enumerate(jobs):
        name = t.filename(lang, filled=f)
        if progress:
            progress(i, len(jobs), name)
        payload = t.build(lang, f)
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        written.append(write_bytes_atomic(folder / name, payload))
    write_bytes_atomic(folder / INDEX_NAME, _index(folder).encode("utf-8"))
    return written


def _files(folder: Path, t: Template) -> list[str]:
    names = [t.filename(lang, filled=f) for lang in ("zh", "en") for f in (True, False)]
    return [n for n in names if (folder / n).is_file()]


def catalogue_table(lang: str = "zh", out_dir=None) -> pd.DataFrame:
    """The catalogue as a table: part, id, title, kind and, with ``out_dir``, the files present there
    (paths relative to ``out_dir``, a list per template; templates without files are left out).

    >>> catalogue_table("en").columns.tolist()
    ['Part', 'Id', 'Title', 'Kind']
    """
    check_lang(lang)
    k = 0 if lang == "zh" else 1
    head = (["部分", "编号", "模板", "格式"] if lang == "zh" else ["Part", "Id", "Title", "Kind"])
    rows = [[PARTS[t.part][k], t.id, t.title(lang), t.kind] for t in catalogue()]
    table = pd.DataFrame(rows, columns=head)
    if out_dir is not None:
        folder = Path(out_dir).expanduser()
        table["文件" if lang == "zh" else "Files"] = [_files(folder, t) for t in catalogue()]
        table = table[table.iloc[:, -1].map(len) > 0].reset_index(drop=True)
    return table


def _index(folder: Path) -> str:
    lines = ["# 管理模板 Management templates", "",
             "由 `python -m ccskills templates` 生成；示例 (example) 用模拟中心 2026 年 3 月的数据填写，"
             "模板 (template) 留空待填。Written by `python -m ccskills templates`: examples are filled from the "
             "kit's simulated centre (March 2026), templates are blank.", "",
             "| 部分 Part | 编号 Id | 模板 Template | Title | 文件 Files |", "|---|---|---|---|---|"]
    for t in catalogue():
        files = _files(folder, t)
        if files:
            part = " ".join(PARTS[t.part])
            links = "<br>".join(f"[{Path(n).name}]({n})" for n in files)
            lines.append(f"| {part} | `{t.id}` | {t.title_zh} | {t.title_en} | {links} |")
    return "\n".join(lines) + "\n"


def templates_zip(out_dir) -> bytes:
    """The catalogue files present in ``out_dir`` and its index, as one .zip (for a download link)."""
    folder = Path(out_dir).expanduser()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in [n for t in catalogue() for n in _files(folder, t)] + [INDEX_NAME]:
            if (folder / name).is_file():
                archive.write(folder / name, name)
    return buffer.getvalue()
