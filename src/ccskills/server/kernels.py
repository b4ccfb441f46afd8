"""A kernel manager that frees calculator kernels and caps how many run at once.

Every calculator page Voila serves starts a Python kernel of about 160 MB. Jupyter's own
culler has one idle timeout for every kernel; a classroom needs two: a page that was
closed (no websocket left) should give its memory back within a couple of minutes, while a
page a trainee keeps open through a 30-minute exercise or a break must not be taken away.
Kernels started outside Voila (a notebook opened in JupyterLab) keep Jupyter's own rule.

Configured by the files the kit installs (``voila.json``, ``jupyter_server_config.json``)::

    CappedKernelManager.max_kernels         = 0     # 0: derived from memory, see default_max_kernels
    CappedKernelManager.page_closed_timeout = 60    # s without a page and without activity
    CappedKernelManager.page_idle_timeout   = 7200  # s an open page may stay untouched
    CappedKernelManager.kernel_transport    = "auto"  # ipc on Linux/macOS, tcp on Windows
    MappingKernelManager.cull_interval      = 30    # s between checks

Kernels talk to the server over Unix sockets where there are any ("ipc"), not over TCP ports of
127.0.0.1. With TCP each server picks "free" ports and the kernel binds them a moment later; on a
hub, where 20 user servers start kernels in the same seconds, two of them were handed the same
port: 6 "Address already in use" failures and one kernel dead after 5 restarts in the hub
benchmark at 20 trainees. Unix sockets live in the server's runtime folder, so they cannot
collide.
"""

from __future__ import annotations

import os
import stat
import tempfile
import uuid
from datetime import timedelta
from pathlib import Path

from jupyter_core.utils import ensure_async
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from jupyter_server._tz import utcnow
from tornado import web
from traitlets import Integer, Unicode

from ccskills.server.busy import BUSY_MESSAGE, install_retry_after

__all__ = ["CappedKernelManager", "default_max_kernels", "KERNEL_BUDGET_BYTES"]

KERNEL_BUDGET_BYTES = 300 * 2**20
"""Memory set aside per kernel: a calculator kernel is ~160 MB, more after an upload."""

_VOILA_ENV = ("VOILA_REQUEST_URL", "VOILA_PREHEAT")


def ipc_folder() -> Path:
    """A short private folder for the kernels' Unix sockets: ``<tmp>/ccskills-kernels-<uid>``.

    A socket path must stay under about 100 bytes, which a hub home's runtime folder can exceed;
    the folder is the user's own (mode 0700), so no one else can connect to a kernel.
    """
    folder = Path(tempfile.gettempdir()) / f"ccskills-kernels-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    info = folder.lstat()
    if stat.S_ISLNK(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise RuntimeError(f"{folder} must be a folder of this user only (mode 0700) to hold kernel sockets")
    return folder


def default_max_kernels(total_bytes: int | None = None) -> int:
    """Kernels that fit in half the machine's memory at 300 MiB each (at least 4).

    The other half is left to the server, the browsers of a machine that also runs them, and
    the system: 24 GiB gives 40 (7 preheated calculators plus 33 pages).

    >>> default_max_kernels(24 * 2**30)
    40
    >>> default_max_kernels(2 * 2**30)
    4
    """
    if total_bytes is None:
        total_bytes = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return max(4, int(total_bytes * 0.5 // KERNEL_BUDGET_BYTES))


class CappedKernelManager(AsyncMappingKernelManager):
    """Jupyter's async kernel manager with a kernel cap and page-aware culling."""

    max_kernels = Integer(
        0, config=True,
        help="Most kernels running at once, preheated ones included (0: default_max_kernels()). "
             "A page request beyond it gets the 'server busy' page (HTTP 503).")
    page_closed_timeout = Integer(
        60, config=True,
        help="Seconds a calculator kernel with no page connected may stay idle before it is shut down.")
    page_idle_timeout = Integer(
        7200, config=True,
        help="Seconds a calculator kernel with its page still open may stay idle before it is shut down.")

    kernel_transport = Unicode(
        "auto", config=True,
        help='"ipc" (Unix sockets), "tcp", or "auto": ipc where the system has Unix sockets, else tcp.')

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._starting: set[str] = set()
        self._page_kernels: set[str] = set()
        self._first_seen: dict = {}
        self._stopping_all = False

    def transport(self) -> str:
        """The kernels' transport: ``kernel_transport``, with "auto" meaning ipc on POSIX systems."""
        if self.kernel_transport == "auto":
            return "ipc" if os.name == "posix" else "tcp"
        if self.kernel_transport not in ("ipc", "tcp"):
            raise ValueError(f'CappedKernelManager.kernel_transport must be "auto", "ipc" or "tcp", '
                             f"got {self.kernel_transport!r}")
        return self.kernel_transport

    def _create_kernel_manager_factory(self):
        create = super()._create_kernel_manager_factory()

        def create_with_transport(*args, **kwargs):
            kwargs.setdefault("transport", self.transport())
            if kwargs["transport"] == "ipc" and "ip" not in kwargs:
                name = Path(kwargs.get("connection_file") or f"kernel-{uuid.uuid4()}").stem
                kwargs["ip"] = str(ipc_folder() / f"{name}-ipc")
            return create(*args, **kwargs)

        return create_with_transport

    @property
    def kernel_cap(self) -> int:
        """The cap in force (``max_kernels``, or the memory-derived default)."""
        return self.max_kernels if self.max_kernels > 0 else default_max_kernels()

    def kernel_count(self) -> int:
        """Kernels running or starting now."""
        return len(set(self.list_kernel_ids()) | self._starting)

    async def start_kernel(self, *, kernel_id: str | None = None, path=None, **kwargs) -> str:
        """Start a kernel unless the cap is reached; then raise HTTP 503 (the busy page)."""
        if kernel_id is not None and kernel_id in self:
            return await super().start_kernel(kernel_id=kernel_id, path=path, **kwargs)
        install_retry_after(self.parent)  # before the first refusal's request starts
        if self.kernel_count() >= self.kernel_cap:
            self.log.warning("Kernel cap of %d reached: answering 'server busy'.", self.kernel_cap)
            raise web.HTTPError(503, BUSY_MESSAGE, reason="Server busy")
        kernel_id = kernel_id or self.new_kernel_id()
        self._starting.add(kernel_id)
        try:
            kernel_id = await super().start_kernel(kernel_id=kernel_id, path=path, **kwargs)
        finally:
            self._starting.discard(kernel_id)
        if any(name in (kwargs.get("env") or {}) for name in _VOILA_ENV):
            self._page_kernels.add(kernel_id)
        self.initialize_culler()
        return kernel_id

    async def shutdown_kernel(self, kernel_id: str, now: bool = False, restart: bool = False):
        """Shut a kernel down; the freed place refills Voila's preheated pools."""
        self._page_kernels.discard(kernel_id)
        self._first_seen.pop(kernel_id, None)
        result = await ensure_async(super().shutdown_kernel(kernel_id, now=now, restart=restart))
        if not restart and not self._stopping_all:
            self._refill_pools()
        return result

    async def shutdown_all(self, now: bool = False):
        self._stopping_all = True
        return await ensure_async(super().shutdown_all(now=now))

    def _refill_pools(self) -> None:
        """Voila refills a preheated pool only when a page takes from it; a refill refused at
        the cap leaves a failed entry behind. Drop those and top the pools up again."""
        pools = getattr(self, "_pools", None)
        fill = getattr(self, "fill_if_needed", None)
        if not pools or fill is None:
            return
        for name, pool in pools.items():
            pool[:] = [task for task in pool
                       if not (task.done() and (task.cancelled() or task.exception()))]
            fill(notebook_name=name)

    async def cull_kernel_if_idle(self, kernel_id: str):
        """Calculator kernels: closed pages go after ``page_closed_timeout``, open ones after
        ``page_idle_timeout``; never while busy. Other kernels: Jupyter's rule."""
        if kernel_id not in self._page_kernels:
            if self.cull_idle_timeout <= 0:  # Jupyter's rule is off: keep it off
                return None
            return await ensure_async(super().cull_kernel_if_idle(kernel_id))
        kernel = self._kernels.get(kernel_id)
        if kernel is None or getattr(kernel, "execution_state", None) == "busy":
            return None
        last = getattr(kernel, "last_activity", None)
        if getattr(kernel, "execution_state", None) != "dead" and last is None:
            return None
        # A preheated kernel handed to a page keeps the activity time of its pre-rendering:
        # count from when the culler first saw it outside the pool (Voila skips pool kernels).
        now = utcnow()
        since = max(last, self._first_seen.setdefault(kernel_id, now)) if last else now
        connected = self._kernel_connections.get(kernel_id, 0) > 0
        limit = self.page_idle_timeout if connected else self.page_closed_timeout
        dead = getattr(kernel, "execution_state", None) == "dead"
        if dead or now - since > timedelta(seconds=limit):
            self.log.info("Freeing calculator kernel %s (%s, idle since %s).", kernel_id,
                          "page open" if connected else "page closed", since)
            await ensure_async(self.shutdown_kernel(kernel_id))
        return None

    def initialize_culler(self) -> None:
        """Start the periodic check even when Jupyter's own ``cull_idle_timeout`` is 0."""
        if self._initialized_culler or self._culler_callback is not None:
            return
        if self.cull_idle_timeout > 0:
            return super().initialize_culler()
        from tornado.ioloop import PeriodicCallback

        interval = self.cull_interval if self.cull_interval > 0 else self.cull_interval_default
        self._culler_callback = PeriodicCallback(self.cull_kernels, 1000 * interval)
        self._culler_callback.start()
        self._initialized_culler = True
        self.log.info("Freeing calculator kernels: closed pages after %s s, open idle pages "
                      "after %s s, checked every %s s; at most %s kernels.",
                      self.page_closed_timeout, self.page_idle_timeout, interval, self.kernel_cap)
