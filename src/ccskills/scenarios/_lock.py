"""An exclusive lock on a file, held by one process (one kernel) at a time.

The lock is taken on a separate ``<file>.lock`` (never on the data file, which is replaced by
a rename on every write): ``fcntl.flock`` on Linux/macOS, ``msvcrt.locking`` on Windows. The
operating system drops the lock when the holder exits, so a crashed kernel cannot leave the
store locked. A lock that stays busy for :data:`WAIT_SECONDS` raises :class:`LockBusy`.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["LockBusy", "WAIT_SECONDS", "locked"]

WAIT_SECONDS = 10.0
"""How long to wait for another process's save before giving up."""

_POLL_SECONDS = 0.02


class LockBusy(TimeoutError):
    """The lock stayed held by another process for longer than the wait."""


def _try_lock(fd: int) -> bool:
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


@contextmanager
def locked(path: str | Path, wait: float | None = None) -> Iterator[None]:
    """Hold the exclusive lock for ``path`` (on ``<path>.lock``) inside the ``with`` block, waiting at
    most ``wait`` seconds (default :data:`WAIT_SECONDS`) for another holder."""
    wait = WAIT_SECONDS if wait is None else wait
    lock_file = Path(path).with_name(Path(path).name + ".lock")
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait
        while not _try_lock(fd):
            if time.monotonic() > deadline:
                raise LockBusy(f"path must not be locked by another process, got {str(path)!r}")
            time.sleep(_POLL_SECONDS)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)
