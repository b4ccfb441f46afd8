"""Where the store is: ``CCSKILLS_PROGRESS_URL``, else a SQLite file in the user data directory.

Kept apart from :mod:`.store` so the recorder can fix its store's URL when it is created
without importing SQLAlchemy.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

__all__ = ["ENV_URL", "default_url"]

ENV_URL = "CCSKILLS_PROGRESS_URL"


def default_url(environ=None) -> str:
    """``CCSKILLS_PROGRESS_URL`` when set, else ``sqlite:///<user data dir>/progress.sqlite3``.

    >>> default_url({"CCSKILLS_PROGRESS_URL": "postgresql://hub-db/class"})
    'postgresql://hub-db/class'
    """
    environ = os.environ if environ is None else environ
    configured = environ.get(ENV_URL, "").strip()
    if configured:
        return configured
    return "sqlite:///" + str(Path(platformdirs.user_data_dir("ccskills")) / "progress.sqlite3")
