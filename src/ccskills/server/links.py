"""Links from the course guide to the calculators and workbooks, right on any server.

A Voila page lives at ``<base URL>voila/render/<path from the server's root>``, and both
parts change with where the course runs:

============================  ====================  ===================================
where                         base URL              the guide, from the server's root
============================  ====================  ===================================
``make start`` / ``ccskills``  ``/``                 ``00_guide.ipynb``
a JupyterHub user server      ``/user/<name>/``     ``course/00_guide.ipynb`` (deploy/)
Binder                        ``/user/<name>/``     ``course/00_guide.ipynb`` (the repo)
============================  ====================  ===================================

A Markdown link cannot follow that: JupyterLab opens a relative link as a file in the
Lab (never in Voila), and an absolute ``/voila/render/…`` link points at the host's root,
which is the hub (404) on a hub or Binder. So the guide has a code cell calling
:func:`course_links`, which runs in the kernel, where the answer is known:

- the server's base URL and root folder come from the server's own runtime file
  (``jpserver-<pid>.json`` in the Jupyter runtime folder, written by every Jupyter server,
  matched to the kernel's parent process), else from ``JUPYTERHUB_SERVICE_PREFIX`` and
  ``JUPYTERHUB_ROOT_DIR`` (set on every hub and on Binder), else ``/`` and the current folder;
- the notebooks' paths come from the kernel's working folder, which Jupyter sets to the
  folder of the notebook being run (the guide's), so ``apps/`` and ``workbooks/`` beside the
  guide are found wherever the course was copied.

The links are absolute paths (``/user/ann/voila/render/course/apps/…``): JupyterLab leaves
them alone and the browser opens them in a new tab on the same host, behind any proxy.

>>> voila_path("apps/erlang_calculator.ipynb", base_url="/user/ann/", root="/home/ann",
...            folder="/home/ann/course")
'/user/ann/voila/render/course/apps/erlang_calculator.ipynb'
"""

from __future__ import annotations

import html
import json
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

__all__ = ["ServerLocation", "server_location", "voila_path", "course_links", "course_notebooks"]

# The groups the guide lists, in order: (folder beside the guide, Chinese, English).
GROUPS: tuple[tuple[str, str, str], ...] = (
    ("apps", "计算器", "Calculators"),
    ("workbooks", "练习册", "Workbooks"),
    ("trainer", "讲师", "Trainer"),
)
# Workbooks in class order; anything else follows alphabetically.
_ORDER = ("pretest", "ch01", "ch01_kano", "ch02", "ch03", "ch04", "ch05", "ch06", "ch07", "ch08",
          "posttest", "evaluation", "my_progress")


@dataclass(frozen=True)
class ServerLocation:
    """Where the Jupyter server running this kernel serves from: base URL and root folder."""

    base_url: str
    root: Path


def _runtime_files() -> list[Path]:
    try:
        from jupyter_core.paths import jupyter_runtime_dir
    except ImportError:  # no Jupyter here: nothing to read
        return []
    folder = Path(jupyter_runtime_dir())
    return sorted(folder.glob("jpserver-*.json")) if folder.is_dir() else []


def server_location(environ: dict[str, str] | None = None) -> ServerLocation:
    """The running server's base URL (ending in ``/``) and root folder (see the module doc)."""
    environ = os.environ if environ is None else environ
    parent = os.getppid()
    for info_file in _runtime_files():
        try:
            info = json.loads(info_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if info.get("pid") == parent and info.get("root_dir"):
            return ServerLocation(_slashed(info.get("base_url") or "/"), Path(info["root_dir"]))
    base = environ.get("JUPYTERHUB_SERVICE_PREFIX") or "/"
    root = environ.get("JUPYTERHUB_ROOT_DIR")
    if root:
        return ServerLocation(_slashed(base), Path(os.path.expanduser(root)))
    if environ.get("JUPYTERHUB_SERVICE_PREFIX"):  # a hub or Binder: servers start in the home folder
        return ServerLocation(_slashed(base), Path(environ.get("HOME") or Path.cwd()))
    return ServerLocation(_slashed(base), Path.cwd())


def _slashed(url: str) -> str:
    return "/" + url.strip("/") + "/" if url.strip("/") else "/"


def voila_path(notebook: str | os.PathLike, *, base_url: str, root: str | os.PathLike,
               folder: str | os.PathLike | None = None) -> str:
    """``<base_url>voila/render/<notebook's path from root>`` for a notebook relative to ``folder``.

    ``folder`` defaults to the current folder (the running notebook's). A notebook outside
    ``root`` cannot be served, so it raises ``ValueError`` naming both.
    """
    where = Path(folder) if folder is not None else Path.cwd()
    target = Path(os.path.normpath(where / notebook))
    try:
        relative = target.relative_to(os.path.normpath(root))
    except ValueError:
        raise ValueError(f"notebook must be inside the server's root folder {str(root)!r}, "
                         f"got {str(target)!r}") from None
    return _slashed(base_url) + "voila/render/" + quote(relative.as_posix())


def _title(path: Path) -> str:
    try:
        title = json.loads(path.read_text(encoding="utf-8")).get("metadata", {}).get("title")
    except (OSError, ValueError):
        title = None
    return title or path.stem


def _order(path: Path) -> tuple[int, str]:
    return (_ORDER.index(path.stem) if path.stem in _ORDER else len(_ORDER), path.stem)


def course_notebooks(folder: str | os.PathLike | None = None) -> list[tuple[str, str, str]]:
    """(group, notebook path relative to ``folder``, title) for every Voila page beside the guide."""
    where = Path(folder) if folder is not None else Path.cwd()
    found = []
    for group, _, _ in GROUPS:
        for path in sorted((where / group).glob("*.ipynb"), key=_order):
            found.append((group, f"{group}/{path.name}", _title(path)))
    return found


def course_links(folder: str | os.PathLike | None = None, location: ServerLocation | None = None):
    """An HTML table (IPython display) linking every calculator and workbook in Voila.

    Run from the guide (``course/00_guide.ipynb``): links open in a new tab, under
    ``make start``, a JupyterHub user server and Binder alike.
    """
    from IPython.display import HTML

    where = Path(folder) if folder is not None else Path.cwd()
    location = location or server_location()
    names = {group: f"{zh} {en}" for group, zh, en in GROUPS}
    rows = []
    for group, notebook, title in course_notebooks(where):
        try:
            href = voila_path(notebook, base_url=location.base_url, root=location.root, folder=where)
        except ValueError:  # the server cannot reach it (root elsewhere): say where it is instead
            rows.append(f"<tr><td>{html.escape(names[group])}</td><td>{html.escape(title)}</td>"
                        f"<td><code>{html.escape(notebook)}</code></td></tr>")
            continue
        rows.append(f"<tr><td>{html.escape(names[group])}</td><td>{html.escape(title)}</td>"
                    f'<td><a class="ccs-voila-link" href="{html.escape(href)}" target="_blank" '
                    f'rel="noopener">{html.escape(notebook)}</a></td></tr>')
    if not rows:
        return HTML("<p>没有在本文件夹找到 apps/ 或 workbooks/。No apps/ or workbooks/ folder "
                    "beside this notebook.</p>")
    head = "<tr><th>类别 Kind</th><th>名称 Title</th><th>在新标签页打开 Open in a new tab</th></tr>"
    return HTML(f'<table class="ccs-course-links">{head}{"".join(rows)}</table>')
