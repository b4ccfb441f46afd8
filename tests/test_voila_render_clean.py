"""Opening a calculator notebook in JupyterLab and pressing "Render with Voilà" leaves the tracked file
as it was (issue 13).

Measured in Chromium (tests/browser/test_voila_render_clean_browser.py does it for real): Lab writes the
kernel's ``language_info`` into the notebook as soon as the kernel starts, and the Render command saves
the notebook, so ``course/apps/erlang_calculator.ipynb`` came back with eight more lines, among them
``"version": "3.11.7"``, the machine's Python. The kit installs a server ``pre_save_hook``
(:func:`ccskills.server.notebooks.keep_language_info`, named in ``etc/jupyter/jupyter_server_config.json``)
that keeps the file's own ``language_info``.

Here the save goes through the contents manager JupyterLab uses (``AsyncLargeFileManager``), configured
by the hook's import string as the installed jupyter_server_config.json names it, with the model Lab sends after a render: the
kernel's ``language_info`` for this Python and for another one.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ipykernel.ipkernel import IPythonKernel
from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager

REPO = Path(__file__).resolve().parents[1]
APPS = sorted((REPO / "course" / "apps").glob("*.ipynb"))
CONFIG = REPO / "share" / "jupyter-config" / "jupyter_server_config.json"  # installed as etc/jupyter/
HOOK = json.loads(CONFIG.read_text("utf-8"))["ContentsManager"]["pre_save_hook"]


def _manager(root: Path, hook: str | None = HOOK) -> AsyncLargeFileManager:
    return AsyncLargeFileManager(root_dir=str(root), **({"pre_save_hook": hook} if hook else {}))


def _save_as_lab_does(manager, path: str, language_info: dict) -> None:
    """Load the notebook, set the kernel's language_info (as Lab does on kernel start), save it back."""
    async def run():
        model = await manager.get(path, content=True, type="notebook")
        model["content"]["metadata"]["language_info"] = language_info
        await manager.save({"type": "notebook", "format": "json", "content": model["content"]}, path)
    asyncio.run(run())


KERNEL_INFO = dict(IPythonKernel.language_info)  # what this Python's kernel reports
OTHER_PYTHON = {**KERNEL_INFO, "version": "3.13.1"}


@pytest.mark.parametrize("language_info", [KERNEL_INFO, OTHER_PYTHON], ids=["this-python", "other-python"])
@pytest.mark.parametrize("notebook", APPS, ids=[p.name for p in APPS])
def test_a_render_save_leaves_the_calculator_notebook_unchanged(tmp_path, notebook, language_info):
    shutil.copyfile(notebook, tmp_path / notebook.name)
    _save_as_lab_does(_manager(tmp_path), notebook.name, language_info)
    assert (tmp_path / notebook.name).read_bytes() == notebook.read_bytes()


def test_without_the_hook_the_file_changes(tmp_path):
    """The defect as the issue saw it: the same save with the server's defaults rewrites the file."""
    notebook = APPS[0]
    shutil.copyfile(notebook, tmp_path / notebook.name)
    _save_as_lab_does(_manager(tmp_path, hook=None), notebook.name, KERNEL_INFO)
    saved = json.loads((tmp_path / notebook.name).read_text("utf-8"))
    assert saved["metadata"]["language_info"]["version"] == KERNEL_INFO["version"]
    assert (tmp_path / notebook.name).read_bytes() != notebook.read_bytes()


def test_edits_new_notebooks_and_a_new_language_are_saved_as_sent(tmp_path):
    notebook = APPS[0]
    shutil.copyfile(notebook, tmp_path / "edited.ipynb")
    manager = _manager(tmp_path)

    async def edit():
        model = await manager.get("edited.ipynb", content=True, type="notebook")
        model["content"]["cells"][0]["source"] = "# changed\n"
        model["content"]["metadata"]["language_info"] = {"name": "R", "version": "4.4.0"}
        await manager.save({"type": "notebook", "format": "json", "content": model["content"]}, "edited.ipynb")
        new = {"cells": [], "metadata": {"language_info": KERNEL_INFO}, "nbformat": 4, "nbformat_minor": 5}
        await manager.save({"type": "notebook", "format": "json", "content": new}, "new.ipynb")
    asyncio.run(edit())
    edited = json.loads((tmp_path / "edited.ipynb").read_text("utf-8"))
    assert edited["cells"][0]["source"] == ["# changed\n"]  # nbformat stores source as lines
    assert edited["metadata"]["language_info"] == {"name": "R", "version": "4.4.0"}
    assert json.loads((tmp_path / "new.ipynb").read_text("utf-8"))["metadata"]["language_info"] == KERNEL_INFO


_LAB_HOOK = """
from jupyterlab.labapp import LabApp
server = LabApp.initialize_server(argv=["--no-browser", "--port=0", "--allow-root"])
hook = server.contents_manager.pre_save_hook
print(f"{hook.__module__}.{hook.__name__}" if hook else None)
"""


@pytest.mark.slow
def test_jupyterlab_started_with_no_flags_has_the_hook(tmp_path):
    """The installed config, not a flag, sets it: JupyterLab under make start, on a hub or a trainee's own
    `jupyter lab`. It sits in jupyter_server_config.json because a server reads nothing but
    jpserver_extensions from jupyter_server_config.d (measured). (In a checkout, reinstall the kit if this fails: the installed
    copy is older than share/.)"""
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")}
    env.update(HOME=str(tmp_path), JUPYTER_CONFIG_DIR=str(tmp_path / "user-config"))
    done = subprocess.run([sys.executable, "-c", _LAB_HOOK], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=120)
    assert done.stdout.split() == [HOOK], done.stderr[-2000:]
