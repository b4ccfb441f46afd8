"""A throwaway JupyterHub on 127.0.0.1 for the browser tier and the hub benchmark.

:func:`running_hub` writes a ``jupyterhub_config.py`` into a temporary folder and starts
JupyterHub (from this venv) with configurable-http-proxy (from npm), a
``DummyAuthenticator`` with one shared password, and ``SimpleLocalProcessSpawner``: each
user's server is this venv's ``jupyterhub-singleuser`` (JupyterLab with Voila and the kit),
started in ``<tmp>/homes/<user>``, into which the course folder is copied as ``course/``
(the layout ``deploy/`` gives: the course in the home folder, the server started from
home, not from the repository). Every port is a free port of 127.0.0.1. On exit the hub is
stopped (it stops the proxy and every user server), and any process left from the hub's
tree is killed and reported; no process outlives the ``with`` block.

When jupyterhub or configurable-http-proxy is missing the test FAILS with :data:`INSTALL`,
never a silent skip.

What a user server gets (checked by ``tests/browser/test_hub_browser.py``):

- environment: ``JUPYTERHUB_USER`` (the user name), ``JUPYTERHUB_API_URL``
  (``http://127.0.0.1:<hub port>/hub/api``), ``JUPYTERHUB_API_TOKEN`` (the server token),
  ``JUPYTERHUB_SERVICE_PREFIX`` (``/user/<name>/``, the server's base URL; links in the
  course are built from it), plus ``JUPYTERHUB_BASE_URL``, ``JUPYTERHUB_CLIENT_ID``,
  ``JUPYTERHUB_HOST``, ``JUPYTERHUB_OAUTH_CALLBACK_URL``, ``JUPYTERHUB_SERVER_NAME`` and the
  ``env`` given here. Kernels inherit all of it.
- the server token's scopes: JupyterHub 5's default (role ``server``:
  ``users:activity!user``, ``access:servers!server``; this fixture does not change it).
  Checked here: with that token, ``GET $JUPYTERHUB_API_URL/user`` answers 200 with the token
  owner's ``name``, ``admin`` (true for ``admin_users``) and ``groups`` (e.g.
  ``["trainers"]``); the hub grants ``read:users:name!user`` and ``read:users:groups!user``
  for one's own model. Other users' models answer 404. So a trainer role can be read from
  hub groups or the admin flag with no ``c.Spawner.server_token_scopes`` setting; kernels
  (Voila's included) inherit the server's environment, token included.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
COURSE = REPO / "course"
VENV_BIN = Path(sys.executable).parent
CHP_CANDIDATES = [REPO / ".venv" / "node_modules" / ".bin" / "configurable-http-proxy",
                  Path(sys.prefix) / "node_modules" / ".bin" / "configurable-http-proxy"]

INSTALL = ("JupyterHub and configurable-http-proxy are needed for the hub tests: "
           "`make chp` installs the proxy (or: npm install --prefix .venv configurable-http-proxy, "
           "which needs node and npm, e.g. apt-get install -y nodejs npm) and `make test` installs "
           "jupyterhub with the [test] extra (or: .venv/bin/pip install jupyterhub).")

# Generous bounds, not expected durations (a 2-core machine running other test jobs).
HUB_START_S = 120
SERVER_START_S = 240
STOP_S = 60



def find_proxy() -> str | None:
    """configurable-http-proxy: ``.venv/node_modules/.bin`` (``make chp``), then PATH."""
    for candidate in [os.environ.get("CCSKILLS_CHP"), *map(str, CHP_CANDIDATES),
                      shutil.which("configurable-http-proxy")]:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def require_hub() -> tuple[str, str]:
    """(jupyterhub executable, proxy executable); fails the test with :data:`INSTALL`."""
    hub = VENV_BIN / "jupyterhub"
    proxy = find_proxy()
    try:
        import jupyterhub  # noqa: F401
    except ImportError:
        pytest.fail(INSTALL, pytrace=False)
    if not hub.exists() or not (VENV_BIN / "jupyterhub-singleuser").exists() or proxy is None:
        pytest.fail(INSTALL, pytrace=False)
    if shutil.which("node") is None and shutil.which("nodejs") is None:
        pytest.fail(INSTALL, pytrace=False)
    return str(hub), proxy


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _children() -> dict[int, list[int]]:
    """pid -> child pids, from /proc."""
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        tree.setdefault(parent, []).append(int(entry.name))
    return tree


def descendants(pid: int) -> set[int]:
    """Every process below ``pid`` now (children, their children, ...)."""
    tree, found, todo = _children(), set(), [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@dataclass
class Hub:
    """A running hub: its URL, the admin service's token, the users' password and homes."""

    process: subprocess.Popen
    url: str
    api_token: str
    password: str
    folder: Path
    users: list[str]
    log: Path
    course_folder: str = "course"
    _seen: set[int] = field(default_factory=set)

    # --- REST API (as the admin service) ---

    def api(self, method: str, path: str, body: dict | None = None, token: str | None = None,
            timeout: float = 60) -> tuple[int, dict | list | None]:
        """Call ``/hub/api<path>``; (status, parsed JSON or None). Never raises on HTTP errors."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"{self.url}/hub/api{path}", data=data, method=method,
                                         headers={"Authorization": f"token {token or self.api_token}",
                                                  "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as answer:
                raw, status = answer.read(), answer.status
        except urllib.error.HTTPError as error:
            raw, status = error.read(), error.code
        try:
            return status, json.loads(raw) if raw else None
        except ValueError:
            return status, None

    def user_model(self, user: str) -> dict:
        status, model = self.api("GET", f"/users/{user}")
        assert status == 200, f"GET /users/{user}: {status} {model}"
        return model

    def start_server(self, user: str, timeout: float = SERVER_START_S) -> str:
        """Start ``user``'s server through the REST API; return its URL once it is ready."""
        status, answer = self.api("POST", f"/users/{user}/server")
        if status not in (201, 202, 400):  # 400: already running
            raise RuntimeError(f"starting {user}'s server: {status} {answer}; see {self.log}")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            server = self.user_model(user).get("servers", {}).get("")
            if server and server.get("ready"):
                self._remember()
                return self.user_url(user)
            if server is None:
                raise RuntimeError(f"{user}'s server failed to start; see {self.log}:\n"
                                   + self.log.read_text(errors="replace")[-3000:])
            if self.process.poll() is not None:
                raise RuntimeError(f"the hub exited with {self.process.returncode}; see {self.log}")
            time.sleep(0.5)
        raise RuntimeError(f"{user}'s server was not ready within {timeout} s; see {self.log}")

    def stop_server(self, user: str, timeout: float = STOP_S) -> None:
        """Stop ``user``'s server (REST API) and wait until the hub says it is gone."""
        self.api("DELETE", f"/users/{user}/server")
        deadline = time.monotonic() + timeout
        while self.user_model(user).get("servers", {}).get(""):
            if time.monotonic() > deadline:
                raise RuntimeError(f"{user}'s server did not stop within {timeout} s")
            time.sleep(0.5)

    def server_pid(self, user: str) -> int | None:
        """Pid of ``user``'s single-user server (a child of the hub running jupyterhub-singleuser)."""
        for pid in descendants(self.process.pid):
            if self.home(user) == _cwd(pid) and "jupyterhub-singleuser" in _cmdline(pid):
                return pid
        return None

    def server_env(self, user: str) -> dict[str, str]:
        """The environment ``user``'s server was started with (from /proc)."""
        pid = self.server_pid(user)
        assert pid is not None, f"{user} has no running server"
        raw = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
        return dict(item.decode(errors="replace").split("=", 1) for item in raw if b"=" in item)

    # --- URLs and the browser ---

    def user_url(self, user: str) -> str:
        return f"{self.url}/user/{user}/"

    def lab_url(self, user: str, path: str = "") -> str:
        """JupyterLab on ``path`` (relative to the course folder) in ``user``'s server."""
        return f"{self.user_url(user)}lab/tree/{self.course_folder}/{path}"

    def voila_url(self, user: str, notebook: str) -> str:
        """Voila rendering ``notebook`` (relative to the course folder, e.g. apps/x.ipynb)."""
        return f"{self.user_url(user)}voila/render/{self.course_folder}/{notebook}"

    def home(self, user: str) -> Path:
        return self.folder / "homes" / user

    def login(self, page, user: str, next_url: str | None = None) -> None:
        """Log ``user`` in through the hub's login form in ``page`` (Playwright).

        Returns once the browser has left the login page (the hub then sends it on to the
        user's server, or to ``next_url``).
        """
        target = f"{self.url}/hub/login"
        if next_url:
            from urllib.parse import quote
            target += "?next=" + quote(next_url.removeprefix(self.url))
        page.goto(target)
        page.fill("#username_input", user)
        page.fill("#password_input", self.password)
        page.click("#login_submit")
        page.wait_for_url(lambda url: "/hub/login" not in url)

    # --- stopping ---

    def _remember(self) -> None:
        self._seen |= descendants(self.process.pid)

    def stop(self, timeout: float = STOP_S) -> list[int]:
        """Stop the hub (SIGTERM: it stops the proxy and every server); kill leftovers.

        Returns the pids that had to be killed (empty when the hub cleaned up after itself).
        """
        self._remember()
        tree = set(self._seen)
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        deadline = time.monotonic() + 15
        while any(_alive(pid) for pid in tree) and time.monotonic() < deadline:
            time.sleep(0.2)
        left = sorted(pid for pid in tree if _alive(pid) and _is_ours(pid, self.folder))
        for pid in left:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        return left


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _cwd(pid: int) -> Path | None:
    try:
        return Path(os.readlink(f"/proc/{pid}/cwd"))
    except OSError:
        return None


def _is_ours(pid: int, folder: Path) -> bool:
    """True if ``pid`` still looks like one of the hub's processes (not a recycled pid)."""
    cwd, command = _cwd(pid), _cmdline(pid)
    return bool((cwd and str(cwd).startswith(str(folder))) or "configurable-http-proxy" in command
                or "jupyterhub" in command or "ipykernel" in command)


def _config(*, port: int, hub_port: int, api_port: int, proxy: str, password: str, token: str,
            users: list[str], admins: list[str], groups: dict[str, list[str]], env: dict[str, str],
            folder: Path, spawner_args: list[str], extra_config: str) -> str:
    as_root = ["--allow-root"] if os.geteuid() == 0 else []
    values = {
        "port": port, "hub_port": hub_port, "api_port": api_port, "proxy": proxy,
        "password": password, "token": token, "users": users, "admins": admins,
        "groups": {name: {"users": members} for name, members in groups.items()},
        "env": env, "folder": str(folder), "singleuser": str(VENV_BIN / "jupyterhub-singleuser"),
        "args": [*as_root, *spawner_args],  # offline JupyterLab: the kit's installed jupyter_lab_config.json
        "path": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    return f"""# Written by tests/hub_server.py for one test run.
import json
v = json.loads({json.dumps(json.dumps(values))})
c = get_config()  # noqa: F821
c.JupyterHub.bind_url = f"http://127.0.0.1:{{v['port']}}"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{{v['hub_port']}}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{{v['api_port']}}"
c.ConfigurableHTTPProxy.command = [v["proxy"]]
c.JupyterHub.db_url = f"sqlite:///{{v['folder']}}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = f"{{v['folder']}}/jupyterhub_cookie_secret"
c.JupyterHub.pid_file = f"{{v['folder']}}/jupyterhub.pid"
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True
c.JupyterHub.check_running_servers = False

c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = v["password"]
c.Authenticator.allowed_users = set(v["users"])
c.Authenticator.admin_users = set(v["admins"])
c.JupyterHub.load_groups = v["groups"]
c.JupyterHub.services = [{{"name": "ccskills-test", "api_token": v["token"]}}]
c.JupyterHub.load_roles = [{{
    "name": "ccskills-test-admin",
    "scopes": ["admin:users", "admin:servers", "admin:groups", "tokens", "access:servers",
               "read:hub", "proxy", "read:roles"],
    "services": ["ccskills-test"],
}}]

c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = v["folder"] + "/homes/{{username}}"
c.Spawner.cmd = [v["singleuser"]]
c.Spawner.args = v["args"]
c.Spawner.notebook_dir = "~"
c.Spawner.default_url = "/lab"
c.Spawner.environment = {{**v["env"], "PATH": v["path"]}}
c.Spawner.start_timeout = 240
c.Spawner.http_timeout = 240
c.JupyterHub.tornado_settings = {{"slow_spawn_timeout": 0}}
""" + extra_config


def _copy_course(home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    shutil.copytree(COURSE, home / "course",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))


@contextlib.contextmanager
def running_hub(tmp_path: Path, users: list[str] = ("ann", "bob"), admins: list[str] = (),
                groups: dict[str, list[str]] | None = None, env: dict[str, str] | None = None,
                spawner_args: list[str] = (), extra_config: str = "",
                timeout: float = HUB_START_S) -> Iterator[Hub]:
    """Start a hub in ``tmp_path`` for ``users`` (each home holds ``course/``); yield a :class:`Hub`.

    ``admins`` become hub admins, ``groups`` maps a group name to its members (e.g.
    ``{"trainers": ["ann"]}``), ``env`` is added to every user server's environment,
    ``spawner_args`` to its command line, ``extra_config`` (Python) to the hub's config.
    """
    hub_exe, proxy = require_hub()
    folder = Path(tmp_path) / "jupyterhub"
    folder.mkdir(parents=True, exist_ok=True)
    for user in users:
        _copy_course(folder / "homes" / user)
    port, password, token = _free_port(), secrets.token_urlsafe(12), secrets.token_hex(32)
    config = folder / "jupyterhub_config.py"
    config.write_text(_config(port=port, hub_port=_free_port(), api_port=_free_port(), proxy=proxy,
                              password=password, token=token, users=list(users),
                              admins=list(admins), groups=dict(groups or {}), env=dict(env or {}),
                              folder=folder, spawner_args=list(spawner_args),
                              extra_config=extra_config), encoding="utf-8")
    log = folder / "jupyterhub.log"
    environment = {**os.environ, "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    with open(log, "wb") as handle:
        process = subprocess.Popen([hub_exe, "-f", str(config)], cwd=folder, stdout=handle,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   env=environment)
    hub = Hub(process, f"http://127.0.0.1:{port}", token, password, folder, list(users), log)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"jupyterhub exited with {process.returncode}:\n"
                                   + log.read_text(errors="replace")[-3000:])
            status, _ = hub.api("GET", "/", timeout=10) if _answers(hub.url) else (0, None)
            if status == 200:
                break
            if time.monotonic() > deadline:
                raise RuntimeError(f"jupyterhub did not answer within {timeout} s; see {log}")
            time.sleep(0.5)
        hub._remember()
        yield hub
    finally:
        left = hub.stop()
        if left:
            raise AssertionError(f"processes outlived the hub and were killed: {left}; see {log}")


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/hub/api/", timeout=10):
            return True
    except urllib.error.HTTPError:
        return True
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False
