"""The server settings the kit installs, and its kernel manager on real kernels (no browser).

The browser tier (tests/browser/test_server_browser.py) checks the same behaviour through a
real Voila and Chromium; here each rule is checked directly and quickly.
"""

from __future__ import annotations

import asyncio
import os
import sys
import json
import tomllib
from pathlib import Path

import pytest
from tornado import web

from ccskills.io import MAX_UPLOAD_BYTES
from ccskills.server import CappedKernelManager, default_max_kernels
from ccskills.server.kernels import ipc_folder
from ccskills.server.busy import BUSY_MESSAGE, RETRY_AFTER_S, RetryAfter, install_retry_after

REPO = Path(__file__).resolve().parents[1]
CONFIG = REPO / "share" / "jupyter-config"
VOILA_PAGE_ENV = {"VOILA_REQUEST_URL": "http://127.0.0.1/voila/render/x.ipynb"}


def _json(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))


def test_the_repository_voila_json_is_the_installed_one():
    assert _json(REPO / "voila.json") == _json(CONFIG / "voila.json")


def test_both_servers_get_the_kernel_manager_and_the_upload_size():
    voila = _json(CONFIG / "voila.json")
    lab = _json(CONFIG / "jupyter_server_config.json")
    manager = "ccskills.server.CappedKernelManager"
    assert voila["VoilaConfiguration"]["multi_kernel_manager_class"] == manager
    assert lab["ServerApp"]["kernel_manager_class"] == manager
    for size in (voila["Voila"]["tornado_settings"]["websocket_max_message_size"],
                 lab["ServerApp"]["tornado_settings"]["websocket_max_message_size"]):
        # The advertised upload limit plus room for the message's JSON header and framing.
        assert size >= MAX_UPLOAD_BYTES + 2**20
    # The server file leaves max_kernels at its default (0: from memory) so a hub's
    # /etc/jupyter/jupyter_server_config.json, lower in priority, can set it.
    assert "max_kernels" not in lab["CappedKernelManager"]
    assert {**voila["CappedKernelManager"], "max_kernels": 0} == {**lab["CappedKernelManager"], "max_kernels": 0}
    assert voila["VoilaExecutor"] == lab["VoilaExecutor"]


def test_the_settings_are_installed_with_the_kit():
    shared = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))[
        "tool"]["hatch"]["build"]["targets"]["wheel"]["shared-data"]
    assert shared["share/jupyter-config/voila.json"] == "etc/jupyter/voila.json"
    assert (shared["share/jupyter-config/jupyter_server_config.json"]
            == "etc/jupyter/jupyter_server_config.json")


_SERVER_SETTINGS = """
import sys
import jupyter_core.paths
jupyter_core.paths.SYSTEM_CONFIG_PATH = [sys.argv[1]]  # stands in for /etc/jupyter
from jupyter_server.serverapp import ServerApp
app = ServerApp()
app.initialize(argv=["--no-browser", "--port=0"])
print(type(app.kernel_manager).__name__, app.contents_manager.pre_save_hook.__name__,
      app.kernel_manager.cull_interval, app.kernel_manager.max_kernels)
"""


@pytest.mark.slow
def test_a_server_started_with_no_flags_uses_the_kits_settings(tmp_path):
    """A plain `jupyter server` (as a hub's single-user server is) uses the capped kernel manager and
    the save hook; and a lower-priority system file (the hub's /etc/jupyter) still sets max_kernels.
    Before, the settings sat in jupyter_server_config.d, from which a server reads only the extension
    list: it ran the default kernel manager (measured)."""
    import subprocess
    system = tmp_path / "system"
    system.mkdir()
    (system / "jupyter_server_config.json").write_text(
        json.dumps({"CappedKernelManager": {"max_kernels": 6}}), "utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")}
    env.update(HOME=str(tmp_path), JUPYTER_CONFIG_DIR=str(tmp_path / "user-config"))
    done = subprocess.run([sys.executable, "-c", _SERVER_SETTINGS, str(system)], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=120)
    assert done.stdout.split() == ["CappedKernelManager", "keep_language_info", "30", "6"], done.stderr[-2000:]


def test_the_busy_page_speaks_both_languages():
    page = (REPO / "share/jupyter/voila/templates/ccskills/503.html").read_text("utf-8")
    assert "服务器繁忙" in page and "The server is busy" in page
    assert f'content="{RETRY_AFTER_S}"' in page  # it retries when Retry-After says
    assert "服务器繁忙" in BUSY_MESSAGE and "The server is busy" in BUSY_MESSAGE


def test_the_default_cap_follows_memory():
    assert default_max_kernels(24 * 2**30) == 40
    assert default_max_kernels(64 * 2**30) > default_max_kernels(24 * 2**30)
    assert default_max_kernels(1 * 2**30) == 4
    assert default_max_kernels() >= 4


class _App:
    def __init__(self):
        self.web_app = web.Application()


def test_retry_after_is_added_once_to_503_answers():
    app = _App()
    install_retry_after(app)
    install_retry_after(app)
    assert app.web_app.transforms.count(RetryAfter) == 1
    transform = RetryAfter(None)
    _, headers, _ = transform.transform_first_chunk(503, {}, b"", True)
    assert headers["Retry-After"] == str(RETRY_AFTER_S)
    _, headers, _ = transform.transform_first_chunk(200, {}, b"", True)
    assert "Retry-After" not in headers


def _run(coroutine_function, **traits):
    """Run ``coroutine_function(manager)`` against a real kernel manager; shut every kernel down."""
    async def body():
        manager = CappedKernelManager(**traits)
        try:
            return await coroutine_function(manager)
        finally:
            await manager.shutdown_all(now=True)
            assert manager.list_kernel_ids() == []
    return asyncio.run(body())


@pytest.mark.slow
def test_beyond_the_cap_a_start_is_refused_with_503():
    async def scenario(manager):
        first = await manager.start_kernel(env=VOILA_PAGE_ENV)
        with pytest.raises(web.HTTPError) as refused:
            await manager.start_kernel(env=VOILA_PAGE_ENV)
        assert refused.value.status_code == 503
        assert refused.value.log_message == BUSY_MESSAGE
        assert manager.list_kernel_ids() == [first]  # the refusal started nothing
        await manager.shutdown_kernel(first)
        second = await manager.start_kernel(env=VOILA_PAGE_ENV)  # a freed place is usable
        assert manager.list_kernel_ids() == [second]

    _run(scenario, max_kernels=1)


@pytest.mark.slow
def test_a_closed_page_is_freed_an_open_page_and_other_kernels_are_kept():
    async def scenario(manager):
        closed = await manager.start_kernel(env=VOILA_PAGE_ENV)
        open_page = await manager.start_kernel(env=VOILA_PAGE_ENV)
        notebook = await manager.start_kernel()  # a notebook opened in JupyterLab
        manager.notify_connect(open_page)
        # Two checks, as the periodic culler makes them: the first notes when it saw each
        # page kernel (a preheated kernel handed to a page counts from then), the second frees.
        for _ in range(2):
            await asyncio.sleep(0.1)
            for kernel_id in manager.list_kernel_ids():
                await manager.cull_kernel_if_idle(kernel_id)
        assert sorted(manager.list_kernel_ids()) == sorted([open_page, notebook])
        assert closed not in manager.list_kernel_ids()

    _run(scenario, max_kernels=5, page_closed_timeout=0, page_idle_timeout=3600)


@pytest.mark.slow
def test_kernels_talk_over_unix_sockets_so_servers_sharing_a_machine_cannot_collide_on_ports(tmp_path):
    """On a hub 20 user servers start kernels in the same seconds; over TCP two were handed the same
    port ("Address already in use", a kernel dead after 5 restarts). Over ipc there are no ports."""
    used: list[str] = []

    async def scenario(manager):
        kernel_id = await manager.start_kernel()
        kernel = manager.get_kernel(kernel_id)
        assert kernel.transport == "ipc"
        sockets = [f"{kernel.ip}-{getattr(kernel, name + '_port')}" for name in ("shell", "iopub", "stdin", "hb")]
        assert os.path.dirname(sockets[0]) == str(ipc_folder()) and len(sockets[0]) < 100
        used.extend(sockets)
        client = kernel.client()
        client.start_channels()
        try:
            reply = await client.kernel_info(reply=True, timeout=120)
            assert reply["content"]["status"] == "ok"
            assert all(os.path.exists(path) for path in sockets), sockets  # socket files, not TCP ports
        finally:
            client.stop_channels()

    _run(scenario)
    assert not any(os.path.exists(path) for path in used), used  # shutdown removes the socket files
    with pytest.raises(ValueError, match='kernel_transport must be "auto", "ipc" or "tcp"'):
        CappedKernelManager(kernel_transport="udp").transport()
    assert CappedKernelManager(kernel_transport="tcp").transport() == "tcp"
