"""Writing a file so that an interruption leaves either the old file or the new one, never half of one.

The content goes to a temporary file in the target's folder, is flushed to disk
(``fsync``) and then renamed over the target in one step (``os.replace``). With
``overwrite=False`` the rename is a hard link that fails if the target exists, so a
file that appeared meanwhile is not replaced either.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_NEW_FILE_MODE = 0o644


def _exists_error(target: Path) -> FileExistsError:
    return FileExistsError(errno.EEXIST, "path must not exist yet (pass overwrite=True to replace it)",
                           str(target))


def _fsync(path) -> None:
    with open(path, "rb+") as handle:
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows: folders cannot be opened; the rename is durable enough
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _publish(tmp: Path, target: Path, overwrite: bool) -> None:
    if overwrite:
        os.replace(tmp, target)
        return
    try:
        os.link(tmp, target)  # atomic "create if absent"
    except FileExistsError:
        raise _exists_error(target) from None
    except OSError:  # no hard links on this file system
        if target.exists():
            raise _exists_error(target) from None
        os.replace(tmp, target)
        return
    tmp.unlink()


@contextmanager
def atomic_path(path, *, overwrite: bool = True) -> Iterator[Path]:
    """A temporary path to write; on success it replaces ``path`` atomically, on error it is removed.

    Raises ``FileExistsError`` naming ``path`` when it exists and ``overwrite`` is False
    (checked before writing and again at the rename). The new file keeps the mode of
    the file it replaces, else ``rw-r--r--``.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> with atomic_path(target) as tmp:
    ...     _ = tmp.write_text("new")
    >>> target.read_text(), sorted(p.name for p in target.parent.iterdir())
    ('new', ['a.txt'])
    """
    target = Path(path)
    if not overwrite and target.exists():
        raise _exists_error(target)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    tmp = Path(name)
    try:
        if target.exists():
            shutil.copymode(target, tmp)
        else:
            os.chmod(tmp, _NEW_FILE_MODE)
        yield tmp
        _fsync(tmp)
        _publish(tmp, target, overwrite)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_folder(target.parent)


def write_bytes_atomic(path, payload: bytes, *, overwrite: bool = True) -> Path:
    """Write ``payload`` to ``path`` through :func:`atomic_path`; returns the path."""
    with atomic_path(path, overwrite=overwrite) as tmp:
        tmp.write_bytes(payload)
    return Path(path)
