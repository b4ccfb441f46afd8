"""A save hook so that opening and rendering a notebook in JupyterLab leaves the file as it was.

JupyterLab writes the running kernel's ``language_info`` into a notebook's metadata as soon as
the kernel starts (``codemirror_mode``, ``mimetype``, … and the Python ``version``, e.g.
``3.11.7``), which marks the notebook changed; "Render with Voilà" then saves it (and Lab's
autosave would too). A tracked course notebook, stored with ``"language_info": {"name":
"python"}``, came back with eight more lines that depend on the machine's Python.

:func:`keep_language_info` is a Jupyter server ``pre_save_hook``, installed by the kit in
``etc/jupyter/jupyter_server_config.json`` (read by every server in the environment: JupyterLab,
``jupyter server``, a hub's single-user server; ``jupyter_server_config.d`` only enables extensions):
when a notebook already on disk is
saved with a ``language_info`` of the same language, the file's own ``language_info`` is
kept. Only that block: cells, outputs and every other setting are saved as sent, and a new
notebook or a change of language is saved as usual.
"""

from __future__ import annotations

import json

__all__ = ["keep_language_info"]


def keep_language_info(model: dict, path: str, contents_manager=None, **kwargs) -> None:
    """``pre_save_hook``: keep the saved file's ``language_info`` when the language is unchanged.

    ``model`` is the contents-API model being saved (changed in place); ``path`` its API path;
    ``contents_manager`` the server's (a file-based one: others are left alone).

    >>> model = {"type": "notebook", "content": {"metadata": {"language_info": {"name": "python",
    ...          "version": "3.12.1"}}}}
    >>> keep_language_info(model, "new.ipynb")  # nothing on disk to keep: saved as sent
    >>> model["content"]["metadata"]["language_info"]["version"]
    '3.12.1'
    """
    content = model.get("content") if model.get("type") == "notebook" else None
    metadata = content.get("metadata") if isinstance(content, dict) else None
    incoming = metadata.get("language_info") if isinstance(metadata, dict) else None
    if not isinstance(incoming, dict):
        return
    stored = _stored_language_info(contents_manager, path)
    if isinstance(stored, dict) and stored.get("name") == incoming.get("name"):
        metadata["language_info"] = stored


def _stored_language_info(contents_manager, path: str):
    """The ``language_info`` of the notebook file at ``path`` now, or None (no file, not JSON)."""
    os_path = getattr(contents_manager, "_get_os_path", None)
    if os_path is None:
        return None
    try:
        with open(os_path(path), encoding="utf-8") as handle:
            return json.load(handle).get("metadata", {}).get("language_info")
    except (OSError, ValueError, AttributeError):
        return None
