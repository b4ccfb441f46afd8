"""Who is answering: the hub user, else a name the trainee sets once, else a visible "unset:" label.

On JupyterHub, ``JUPYTERHUB_USER`` names the trainee. On a single machine the trainee sets a
name once with :func:`set_trainee`; it is remembered in a small file in the user config
directory (platformdirs). Until then attempts are stored as ``unset:<login>@<host>``: visibly
unset, and never mixed with another machine's unnamed trainee.

>>> import os, tempfile
>>> folder = tempfile.mkdtemp()
>>> trainee_identity(environ={}, config_dir=folder).source
'unset'
>>> set_trainee("王芳", config_dir=folder)
Identity(name='王芳', source='config')
>>> trainee_identity(environ={"JUPYTERHUB_USER": "wangfang"}, config_dir=folder)
Identity(name='wangfang', source='hub')
"""

from __future__ import annotations

import getpass
import os
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

__all__ = ["Identity", "UNSET_PREFIX", "name_file", "set_trainee", "trainee_identity"]

UNSET_PREFIX = "unset:"
MAX_NAME = 100


@dataclass(frozen=True)
class Identity:
    """A trainee's name as stored, and where it came from: "hub", "config" or "unset"."""

    name: str
    source: str

    @property
    def is_set(self) -> bool:
        """False while the trainee has not named themself (the name is an ``unset:`` label)."""
        return self.source != "unset"


def name_file(config_dir: str | os.PathLike | None = None) -> Path:
    """The file that remembers the trainee's name (in the user config directory by default)."""
    folder = Path(config_dir) if config_dir is not None else Path(platformdirs.user_config_dir("ccskills"))
    return folder / "trainee.txt"


def _check_name(name) -> str:
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"name must be a non-empty text, got {name!r}")
    name = " ".join(name.split())
    if len(name) > MAX_NAME or name.startswith(UNSET_PREFIX):
        raise ValueError(f"name must be at most {MAX_NAME} characters and not start with "
                         f"{UNSET_PREFIX!r}, got {name!r}")
    return name


def set_trainee(name: str, *, config_dir: str | os.PathLike | None = None) -> Identity:
    """Remember ``name`` as this machine user's trainee name (once; used by every later session)."""
    from ccskills.io import atomic_path  # an interrupted save keeps the old name, never half of one

    name = _check_name(name)
    path = name_file(config_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path) as tmp:
        tmp.write_text(name + "\n", encoding="utf-8")
    return Identity(name, "config")


def _unset_label() -> str:
    try:
        login = getpass.getuser()
    except Exception:  # no login name in this environment
        login = "user"
    return f"{UNSET_PREFIX}{login}@{socket.gethostname()}"


def trainee_identity(*, environ: Mapping[str, str] | None = None,
                     config_dir: str | os.PathLike | None = None) -> Identity:
    """The hub user, else the remembered name, else an ``unset:login@host`` label."""
    environ = os.environ if environ is None else environ
    hub_user = environ.get("JUPYTERHUB_USER", "").strip()
    if hub_user:
        return Identity(hub_user, "hub")
    try:
        remembered = name_file(config_dir).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        remembered = ""
    if remembered:
        return Identity(remembered, "config")
    return Identity(_unset_label(), "unset")
