"""Auto-refresh from the kernel: a timer on the kernel's own event loop, and its interval.

An ipywidgets ``Play`` created playing never starts in Voila (the browser starts it only on a
later change), so the pages do not rely on the browser: :class:`Ticker` schedules a coroutine
on the event loop running in the kernel's main thread (ipykernel runs one; so does
``asyncio.run``), where widget changes are sent to the browser as comm messages. Each tick is
scheduled only after the previous one finished, so ticks never overlap; when the kernel shuts
down (the page closed) the loop, and the timer with it, ends.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Mapping

from ccskills.apps._common import log_unexpected

__all__ = ["REFRESH_ENV", "REFRESH_S", "Ticker", "refresh_seconds"]

REFRESH_S = 30
"""Seconds between automatic refreshes (the default)."""
REFRESH_ENV = "CCSKILLS_DASHBOARD_REFRESH_S"
"""Environment variable: seconds between automatic refreshes, overriding :data:`REFRESH_S`."""


def refresh_seconds(refresh_s: float | None = None, environ: Mapping[str, str] | None = None) -> float:
    """Seconds between automatic refreshes: ``refresh_s``, else ``CCSKILLS_DASHBOARD_REFRESH_S``, else 30.

    >>> refresh_seconds(), refresh_seconds(environ={"CCSKILLS_DASHBOARD_REFRESH_S": "2"})
    (30.0, 2.0)
    """
    environ = os.environ if environ is None else environ
    name, value = "refresh_s", refresh_s
    if value is None and environ.get(REFRESH_ENV, "").strip():
        name, value = REFRESH_ENV, environ[REFRESH_ENV].strip()
    if value is None:
        return float(REFRESH_S)
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        seconds = float("nan")
    if not seconds > 0 or seconds == float("inf"):
        raise ValueError(f"{name} must be a number of seconds > 0, got {value!r}")
    return seconds



class Ticker:
    """Runs ``tick`` (a coroutine function) every ``interval_s`` seconds on this thread's event loop.

    The next tick is scheduled only after the previous one finished, so ticks never overlap.
    :meth:`start` returns False (and does nothing) when no event loop runs in this thread.
    """

    def __init__(self, interval_s: float, tick: Callable[[], object]) -> None:
        self.interval_s, self.tick = interval_s, tick
        self._loop: asyncio.AbstractEventLoop | None = None
        self._handle: asyncio.TimerHandle | None = None
        self.ticks = 0

    @property
    def running(self) -> bool:
        """True between :meth:`start` and :meth:`stop`."""
        return self._loop is not None

    def start(self) -> bool:
        """Start ticking on the running loop (no-op when already running); False without a loop."""
        if self.running:
            return True
        try:
            self._loop = asyncio.get_running_loop()
        except RuntimeError:
            return False
        self._schedule()
        return True

    def stop(self) -> None:
        """Stop: no further tick starts (a tick already reading finishes)."""
        if self._handle is not None:
            self._handle.cancel()
        self._loop = self._handle = None

    def _schedule(self) -> None:
        if self._loop is not None and not self._loop.is_closed():
            self._handle = self._loop.call_later(self.interval_s, self._fire)

    def _fire(self) -> None:
        if self._loop is not None:
            self._loop.create_task(self._run())

    async def _run(self) -> None:
        try:
            await self.tick()
            self.ticks += 1
        except Exception as exc:  # a tick's failure is logged; the timer goes on
            log_unexpected(exc, "trainer dashboard: auto-refresh")
        finally:
            self._schedule()
