"""Start Voila on 127.0.0.1 and Debian's Chromium for the browser tier (and the benchmark).

Nothing here downloads a browser: Playwright drives the Chromium found by
:func:`find_chromium` (``CCSKILLS_CHROMIUM``, then ``/usr/bin/chromium``, then PATH).
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[2]
APPS = REPO / "course" / "apps"

MISSING_CHROMIUM = (
    "Chromium was not found, so the browser tests cannot run. Install it with "
    "`sudo apt-get install chromium` on Debian/Ubuntu (or `make chromium` as root), "
    "or set CCSKILLS_CHROMIUM=/path/to/chrome."
)

# As root in a container Chromium needs --no-sandbox; the rest stop it calling Google.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    "--disable-default-apps", "--disable-extensions", "--metrics-recording-only",
]

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}

# Generous upper bounds, never expected durations: every wait below returns as soon as its
# condition holds, so these only decide how long a broken test takes to say so. They are
# sized for a 2-core machine running three other test jobs (load ~10).
SERVER_START_S = 240      # Voila/JupyterLab answering GET / (imports, preheating kernels)
PAGE_TIMEOUT_MS = 240_000  # a page loaded and its first answer shown (a cold kernel)
EXPECT_TIMEOUT_MS = 120_000  # any later change shown on the page


def find_chromium() -> str | None:
    """Path of a Chromium/Chrome executable, or None."""
    candidates = [os.environ.get("CCSKILLS_CHROMIUM"), "/usr/bin/chromium",
                  *(shutil.which(name) for name in ("chromium", "chromium-browser",
                                                    "google-chrome", "google-chrome-stable"))]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def is_local(url: str) -> bool:
    """True for URLs that stay on this machine (loopback hosts, data:, blob:, about:)."""
    parts = urlsplit(url)
    if parts.scheme in {"data", "blob", "about", "chrome-error"}:
        return True
    return (parts.hostname or "") in LOCAL_HOSTS


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class VoilaServer:
    """A running Voila (or JupyterLab with Voila inside) and its base URL.

    ``prefix`` is the notebook's folder as the server sees it ("" for ``voila
    course/apps``, "apps/" for JupyterLab serving course/); ``token`` is JupyterLab's.
    """

    process: subprocess.Popen
    url: str
    log: Path
    prefix: str = ""
    token: str = ""

    def render_url(self, notebook: str) -> str:
        query = f"?token={self.token}" if self.token else ""
        return f"{self.url}/voila/render/{self.prefix}{notebook}{query}"

    def stop(self) -> None:
        """Terminate the server (and its kernels), killing it if it does not stop in 10 s."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def _voila_command(port: int, template: str, extra: list[str]) -> list[str]:
    return [sys.executable, "-m", "voila", str(APPS), "--no-browser", "--Voila.ip=127.0.0.1",
            f"--port={port}", f"--template={template}", *extra]


def _lab_command(port: int, token: str) -> list[str]:
    """JupyterLab as ``make start`` runs it (course/ as root, Voila template ccskills)."""
    as_root = ["--allow-root"] if os.geteuid() == 0 else []
    return [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1",
            f"--port={port}", f"--ServerApp.root_dir={REPO / 'course'}",
            f"--IdentityProvider.token={token}", "--VoilaConfiguration.template=ccskills", *as_root]


def start_voila(log: Path, template: str = "ccskills", extra: list[str] | None = None,
                timeout: float = SERVER_START_S) -> VoilaServer:
    """Start Voila on a free port of 127.0.0.1 serving course/apps; wait until it answers."""
    port = free_port()
    return _started(_voila_command(port, template, extra or []), port, log, timeout)


def start_lab(log: Path, timeout: float = SERVER_START_S) -> VoilaServer:
    """Start JupyterLab (Voila as its server extension) on 127.0.0.1 serving course/."""
    port, token = free_port(), secrets.token_hex(16)
    return _started(_lab_command(port, token), port, log, timeout, prefix="apps/",
                    token=token)


def _started(command: list[str], port: int, log: Path, timeout: float,
             **where: str) -> VoilaServer:
    """Run ``command`` from the repository root; return once GET / answers."""
    handle = open(log, "wb")
    process = subprocess.Popen(command, cwd=REPO, stdout=handle, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL)
    server = VoilaServer(process, f"http://127.0.0.1:{port}", log, **where)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{command[2]} exited with {process.returncode}; see {log}")
        try:
            with urllib.request.urlopen(server.url + "/", timeout=30):
                return server
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            time.sleep(0.5)
    server.stop()
    raise RuntimeError(f"{command[2]} did not answer within {timeout} s; see {log}")


def wait_until(condition, timeout: float, what: str, interval: float = 1.0):
    """Poll ``condition()`` until it returns something truthy (returned); fail after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what}")
        time.sleep(interval)


def kernel_pids(server: VoilaServer) -> dict[int, str]:
    """The server's kernel processes now: pid -> kernel id (from the connection file name)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            args = (entry / "cmdline").read_bytes().split(b"\0")
        except (OSError, ValueError, IndexError):
            continue  # the process ended while we looked
        if parent != server.process.pid:
            continue
        for arg in args:
            name = Path(arg.decode(errors="replace")).name
            if name.startswith("kernel-") and name.endswith(".json"):
                found[int(entry.name)] = name[len("kernel-"):-len(".json")]
    return found


def page_kernel_id(page) -> str:
    """The kernel id a Voila page was served with (its jupyter-config-data)."""
    import json

    return json.loads(page.locator("#jupyter-config-data").text_content())["kernelId"]


def launch_chromium(playwright, executable: str):
    """Headless Chromium from ``executable`` with the flags this machine needs."""
    return playwright.chromium.launch(executable_path=executable, headless=True,
                                      args=CHROMIUM_ARGS)


# --- reading a calculator page (every calculator has a status line with a data-run counter) ---

_NEXT_RUN = "n => Number(document.querySelector('.ccs-status [data-run]')?.dataset.run) > n"


def runs(page) -> int:
    """How many computations the app has finished (``data-run`` on its status line)."""
    return int(page.locator(".ccs-status [data-run]").get_attribute("data-run"))


def after_run(page, action, timeout: float | None = None) -> None:
    """Do ``action`` (one change on the page) and wait until the app has finished one more run.

    The apps disable their controls while they compute, so waiting on the run counter, not
    on time, keeps the next keystroke from landing on a disabled input.
    """
    before = runs(page)
    action()
    options = {} if timeout is None else {"timeout": timeout}
    page.wait_for_function(_NEXT_RUN, arg=before, **options)


def assert_no_traceback(page) -> None:
    """No Python traceback, error banner or stderr output anywhere on the page."""
    body = page.locator("body").inner_text()
    assert "Traceback" not in body and "Error:" not in body
    assert page.locator('[data-mime-type="application/vnd.jupyter.stderr"]').count() == 0
