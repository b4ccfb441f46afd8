"""The trainer role (class_report.access): a hub's answer, the class config, the passcode's bounded tries.

The hub here is a stand-in HTTP server on 127.0.0.1 that answers ``GET /hub/api/user`` per
token, the way JupyterHub 5 answers a single-user server's token: the full model (with
``admin`` and ``groups``) when the token may read its user, the identity only (``name``,
``kind``, ``scopes``) with the default server scopes. The same rules against a real JupyterHub
are in tests/browser/test_class_flow_browser.py.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ccskills.class_report import access as access_module
from ccskills.class_report.access import (MAX_TRIES, Access, PasscodeGate, clear_hub_cache, hub_user_model,
                                          trainer_access)
from ccskills.progress._config import load_config, passcode_hash

NO_CLASS_FILES = dict(paths=[])


def config(**environ):
    """The class config from ``environ`` alone (no file of this machine is read)."""
    return load_config(environ, **NO_CLASS_FILES)


class FakeHub:
    """``GET /hub/api/user``: ``models[token]`` is (status, JSON body); counts requests; may answer late."""

    def __init__(self) -> None:
        self.models: dict[str, tuple[int, object]] = {}
        self.requests = 0
        self.delay_s = 0.0
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                hub.requests += 1
                time.sleep(hub.delay_s)
                token = self.headers.get("Authorization", "").removeprefix("token ")
                status, body = hub.models.get(token, (403, {"status": 403, "message": "Forbidden"}))
                if self.path != "/hub/api/user":
                    status, body = 404, {"status": 404}
                raw = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.api_url = f"http://127.0.0.1:{self.server.server_address[1]}/hub/api"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def user(self, name: str, *, admin: bool = False, groups=(), identity_only: bool = False) -> dict[str, str]:
        """A token for ``name`` and the environment a server of that user's kernel has."""
        token = f"token-{name}-{len(self.models)}"
        model = {"kind": "user", "name": name, "scopes": ["access:servers!server=" + name]}
        if not identity_only:
            model |= {"admin": admin, "groups": list(groups), "server": f"/user/{name}/"}
        self.models[token] = (200, model)
        return {"JUPYTERHUB_USER": name, "JUPYTERHUB_API_URL": self.api_url, "JUPYTERHUB_API_TOKEN": token}

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def hub():
    clear_hub_cache()
    hub = FakeHub()
    yield hub
    hub.close()
    clear_hub_cache()


# ---------------------------------------------------------------- on a hub
def test_hub_trainee_is_refused_and_pointed_to_my_progress(hub):
    access = trainer_access(hub.user("ann"), config=config())
    assert access == Access(False, "hub_trainee", user="ann")
    assert "我的进度" in access.sentence("zh") and "My progress" in access.sentence("en")


def test_hub_group_member_is_a_trainer(hub):
    access = trainer_access(hub.user("liwei", groups=["trainers", "ops"]), config=config())
    assert (access.is_trainer, access.reason, access.detail) == (True, "hub_group", "trainers")


def test_hub_group_name_comes_from_the_config(hub):
    environ = hub.user("liwei", groups=["trainers"])
    assert not trainer_access(environ, config=config(CCSKILLS_TRAINER_GROUP="teachers")).is_trainer
    clear_hub_cache()
    environ = hub.user("liwei", groups=["teachers"])
    assert trainer_access(environ, config=config(CCSKILLS_TRAINER_GROUP="teachers")).reason == "hub_group"


def test_hub_admin_is_a_trainer(hub):
    assert trainer_access(hub.user("boss", admin=True), config=config()).reason == "hub_admin"


def test_listed_trainer_needs_no_question_to_the_hub(hub):
    environ = {"JUPYTERHUB_USER": "zhangmin"}  # no hub API at all
    access = trainer_access(environ, config=config(CCSKILLS_TRAINERS="liwei, zhangmin"))
    assert access.reason == "hub_listed" and hub.requests == 0


def test_default_server_scopes_give_no_groups_so_nobody_is_let_in(hub):
    # JupyterHub 5's default server token (users:activity!user, access:servers!server): identity only
    access = trainer_access(hub.user("boss", identity_only=True), config=config())
    assert (access.is_trainer, access.reason) == (False, "hub_no_groups")
    assert "read:users:groups!user" in access.sentence("en") and "server_token_scopes" in access.sentence("zh")


def test_hub_refusing_the_token_denies_with_what_to_set(hub):
    environ = hub.user("ann", groups=["trainers"]) | {"JUPYTERHUB_API_TOKEN": "not-a-token"}
    access = trainer_access(environ, config=config())
    assert (access.is_trainer, access.reason, access.detail) == (False, "hub_unreachable", "HTTP 403")
    sentence = access.sentence("zh", group="trainers")
    assert "HTTP 403" in sentence and "JupyterHub 组“trainers”" in sentence and "CCSKILLS_TRAINERS" in sentence


def test_hub_not_running_denies():
    import socket

    with socket.socket() as sock:  # a port nothing listens on once the socket is closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    environ = {"JUPYTERHUB_USER": "ann", "JUPYTERHUB_API_URL": f"http://127.0.0.1:{port}/hub/api",
               "JUPYTERHUB_API_TOKEN": "t"}
    access = trainer_access(environ, config=config())
    assert (access.is_trainer, access.reason) == (False, "hub_unreachable")


def test_no_hub_api_in_the_environment_denies():
    access = trainer_access({"JUPYTERHUB_USER": "ann"}, config=config())
    assert (access.is_trainer, access.reason) == (False, "hub_unreachable")
    assert "没有 JUPYTERHUB_API_URL 或 JUPYTERHUB_API_TOKEN" in access.sentence("zh")
    assert "JUPYTERHUB_API_URL or JUPYTERHUB_API_TOKEN not set" in access.sentence("en")


def test_a_token_of_another_user_says_nothing_about_this_one(hub):
    environ = hub.user("boss", admin=True) | {"JUPYTERHUB_USER": "ann"}
    assert trainer_access(environ, config=config()).reason == "hub_unreachable"


def test_a_slow_hub_is_not_waited_for_beyond_the_timeout(hub):
    hub.delay_s = 5.0
    start = time.monotonic()
    with pytest.raises(access_module.HubError):
        hub_user_model(hub.user("ann"), timeout_s=0.5)
    assert time.monotonic() - start < 4.5  # bounded by the timeout, not by the hub's 5 s
    hub.delay_s = 0.0


def test_hub_answer_is_reused_for_a_minute_and_errors_are_not(hub):
    environ = hub.user("liwei", groups=["trainers"])
    for _ in range(3):
        assert trainer_access(environ, config=config()).is_trainer
    assert hub.requests == 1
    assert hub_user_model(environ, cache_s=0.0)["name"] == "liwei"  # an expired answer is asked again
    assert hub.requests == 2
    bad = environ | {"JUPYTERHUB_API_TOKEN": "nope"}
    for _ in range(2):
        assert not trainer_access(bad, config=config()).is_trainer
    assert hub.requests == 4  # refusals are asked again each time


def test_on_a_hub_the_users_own_config_file_cannot_make_them_trainer(hub, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))  # platformdirs' user config dir on Linux
    monkeypatch.delenv("CCSKILLS_TRAINERS", raising=False)
    monkeypatch.delenv("CCSKILLS_CONFIG", raising=False)
    own = tmp_path / "ccskills" / "config.toml"
    own.parent.mkdir(parents=True)
    own.write_text('[class]\ntrainers = ["ann"]\ntrainer_group = "everyone"\n', encoding="utf-8")
    assert load_config({}).trainers == ("ann",)  # the file is read (off a hub it would count)
    access = trainer_access(hub.user("ann", groups=["everyone"]))  # config read from the files
    assert (access.is_trainer, access.reason) == (False, "hub_trainee")


def test_a_malformed_class_config_grants_nothing(tmp_path):
    bad = tmp_path / "class.toml"
    bad.write_text("[class]\ntrainers = 3\n", encoding="utf-8")
    access = trainer_access({"CCSKILLS_CONFIG": str(bad)})
    assert (access.is_trainer, access.reason) == (False, "config_error")
    assert "class.toml" in access.sentence("zh") and "class.toml" in access.sentence("en")


# ---------------------------------------------------------------- off a hub
def test_off_a_hub_without_passcode_the_machine_user_is_trainer_and_told_how_to_set_one():
    access = trainer_access({}, config=config())
    assert (access.is_trainer, access.reason, access.needs_passcode) == (True, "local", False)
    assert "ccskills class set-passcode" in access.sentence("zh")


def test_off_a_hub_with_a_passcode_the_page_asks_for_it(tmp_path):
    with_passcode = load_config({}, paths=[_passcode_file(tmp_path, "课堂-2026")])
    assert trainer_access({}, config=with_passcode) == Access(False, "passcode", needs_passcode=True)


def _passcode_file(folder, passcode: str):
    path = folder / "class.toml"
    path.write_text(f'[class]\ntrainer_passcode = "{passcode_hash(passcode, iterations=200_000)}"\n',
                    encoding="utf-8")
    return path


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def stored():
    return passcode_hash("课堂-2026", iterations=200_000)


def test_passcode_right_and_wrong(tmp_path, stored):
    gate = PasscodeGate(stored, state_file=tmp_path / "tries.json")
    wrong = gate.attempt("课堂-2025")
    assert (wrong.ok, wrong.tries_left, wrong.wait_s) == (False, MAX_TRIES - 1, 0.0)
    assert wrong.sentence("zh") == "口令不对。还可以再试 4 次。"
    assert gate.attempt("课堂-2026").ok
    assert gate.attempt("").ok is False


def test_five_wrong_tries_pause_the_gate_even_for_the_right_passcode(tmp_path, stored):
    clock = Clock()
    gate = PasscodeGate(stored, state_file=tmp_path / "tries.json", clock=clock, pause_s=60)
    results = [gate.attempt(f"guess-{n}") for n in range(MAX_TRIES)]
    assert [r.tries_left for r in results] == [4, 3, 2, 1, 0]
    assert results[-1].wait_s == 60 and results[-1].sentence("en") == "Too many wrong passcodes; try again in 60 s."
    clock.now += 30
    paused = gate.attempt("课堂-2026")  # not even checked while paused
    assert (paused.ok, paused.wait_s) == (False, 30)
    clock.now += 30
    again = gate.attempt("guess-6")  # after the pause, one more wrong try pauses twice as long
    assert again.wait_s == 120
    clock.now += 120
    assert gate.attempt("课堂-2026").ok  # the right one clears the count
    assert gate.attempt("guess-7").tries_left == MAX_TRIES - 1


def test_reloading_the_page_does_not_reset_the_count(tmp_path, stored):
    clock, state = Clock(), tmp_path / "tries.json"
    for n in range(MAX_TRIES):
        PasscodeGate(stored, state_file=state, clock=clock).attempt(f"guess-{n}")  # a new page each time
    assert PasscodeGate(stored, state_file=state, clock=clock).wait_s() == 60


def test_unwritable_count_file_still_bounds_the_tries_in_memory(tmp_path, stored):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    gate = PasscodeGate(stored, state_file=blocker / "tries.json", clock=Clock())
    for n in range(MAX_TRIES):
        gate.attempt(f"guess-{n}")
    assert gate.attempt("课堂-2026").ok is False


def test_max_tries_is_validated(stored):
    with pytest.raises(ValueError, match=r"max_tries must be a whole number ≥ 1, got 0"):
        PasscodeGate(stored, max_tries=0)
