"""Who may see the whole class (the trainer role), on a JupyterHub or on one machine.

On a hub (``JUPYTERHUB_USER`` set) a user is a trainer when the class config lists them
(``trainers``, e.g. ``CCSKILLS_TRAINERS=liwei,zhangmin``), or when the hub itself says so: the
user is a hub admin, or a member of the hub group ``trainer_group`` (default "trainers"). The
page asks the hub with the single-user server's own token: ``GET $JUPYTERHUB_API_URL/user``
with ``Authorization: token $JUPYTERHUB_API_TOKEN``, at most once a minute per process
(:data:`HUB_CACHE_S`), waiting at most :data:`HUB_TIMEOUT_S` seconds. JupyterHub 5 answers a
server token with its own user's model, ``admin`` and ``groups`` included, with its default
scopes (role "server"; checked against a real hub in tests/browser/test_class_flow_browser.py).
When the hub cannot be asked, or its answer leaves out ``admin`` and ``groups``, the answer is
*no*, with a sentence saying what the hub's admin should set: never a trainer by accident.

This is a gate for the pages, not a wall around the data: whoever can run code in a kernel
that holds the store's URL can read the store. On a hub, keep trainees out of the class's data
with the database's own rights (and keep ``CCSKILLS_TRAINERS`` in the spawner's environment or
the admin's config file, which a trainee cannot change).

Off a hub the class store is the trainer's own machine's. When a trainer passcode is set in the
config (``ccskills class set-passcode``; only its hash is stored), the page asks for it:
:class:`PasscodeGate` allows :data:`MAX_TRIES` wrong tries, then pauses :data:`PAUSE_S`
seconds (doubling with each further wrong try, at most :data:`MAX_PAUSE_S`), counted in a file
shared by every page of this machine user, so reloading the page does not reset the count.
With no passcode set, the machine's user is the trainer (and the page says how to set one).

Nothing here imports widgets.

>>> from types import SimpleNamespace
>>> config = SimpleNamespace(trainers=("liwei",), trainer_group="trainers", trainer_passcode=None)
>>> trainer_access({"JUPYTERHUB_USER": "liwei"}, config=config)
Access(is_trainer=True, reason='hub_listed', needs_passcode=False, user='liwei', detail='')
>>> trainer_access({}, config=config).reason
'local'
>>> access = trainer_access({"JUPYTERHUB_USER": "ann"}, config=config)  # no hub API to ask
>>> access.is_trainer, access.reason
(False, 'hub_unreachable')
"""

from __future__ import annotations

import hashlib
import json
import os
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["HUB_CACHE_S", "HUB_TIMEOUT_S", "MAX_PAUSE_S", "MAX_TRIES", "PAUSE_S", "Access", "HubError",
           "PasscodeGate", "TryResult", "access_text", "clear_hub_cache", "hub_user_model", "trainer_access"]

HUB_TIMEOUT_S = 3.0
"""Seconds to wait for the hub's answer."""
HUB_CACHE_S = 60.0
"""Seconds a hub answer is reused in this process (a role change shows within a minute)."""
MAX_TRIES = 5
"""Wrong passcodes allowed before the page pauses."""
PAUSE_S = 60.0
"""Seconds of the first pause; each further wrong try doubles it."""
MAX_PAUSE_S = 900.0
"""The longest pause, in seconds."""

TEXT: dict[str, tuple[str, str]] = {
    "hub_listed": ("你是讲师（班级配置的讲师名单中有你）。",
                   "You are a trainer (listed among the class's trainers)."),
    "hub_admin": ("你是讲师（JupyterHub 管理员）。", "You are a trainer (a JupyterHub admin)."),
    "hub_group": ("你是讲师（JupyterHub 组“{detail}”的成员）。",
                  "You are a trainer (a member of the JupyterHub group “{detail}”)."),
    "hub_trainee": ("只有讲师可以查看全班进度。你自己的进度在“我的进度”(My progress) 页。",
                    "Only a trainer can view the class's progress. Your own record is on the "
                    "My progress (我的进度) page."),
    "hub_unreachable": ("无法向 JupyterHub 确认你是否是讲师（{detail}），所以不显示全班进度。"
                        "请管理员把讲师加入 JupyterHub 组“{group}”，或在 CCSKILLS_TRAINERS 中列出讲师的登录名。",
                        "JupyterHub could not be asked whether you are a trainer ({detail}), so the class "
                        "is not shown. The hub's admin should add the trainers to the JupyterHub group "
                        "“{group}”, or list their logins in CCSKILLS_TRAINERS."),
    "hub_no_groups": ("JupyterHub 没有告诉本页你是不是管理员、属于哪些组，所以不显示全班进度。"
                      "请管理员在 jupyterhub_config.py 中让单用户服务器的令牌 (server token) 能读取自己的用户信息："
                      "c.Spawner.server_token_scopes 加上 read:users!user 和 read:users:groups!user"
                      "，或在 CCSKILLS_TRAINERS 中列出讲师的登录名。",
                      "JupyterHub did not tell this page whether you are an admin or which groups you are "
                      "in, so the class is not shown. The hub's admin should let the single-user server's "
                      "token read its own user: add read:users!user and read:users:groups!user to "
                      "c.Spawner.server_token_scopes in jupyterhub_config.py, or list "
                      "the trainers' logins in CCSKILLS_TRAINERS."),
    "config_error": ("班级设置有误，所以不显示全班进度：{detail}", "The class settings are wrong, so the class is not shown: {detail}"),
    "passcode": ("请输入讲师口令 (trainer passcode) 查看全班进度。", "Enter the trainer passcode to view the class."),
    "unlocked": ("口令正确：你是讲师。", "Passcode accepted: you are a trainer."),
    "local": ("本机没有设置讲师口令 (trainer passcode)：能打开本页的人都能看到全班进度。"
              "在终端运行 ccskills class set-passcode 可以设置口令。",
              "No trainer passcode is set on this machine: anyone who can open this page sees the class. "
              "Set one by running ccskills class set-passcode in a terminal."),
    "wrong": ("口令不对。还可以再试 {tries} 次。", "Wrong passcode. {tries} tries left."),
    "paused": ("口令错误次数太多，请 {seconds} 秒后再试。", "Too many wrong passcodes; try again in {seconds} s."),
}


@dataclass(frozen=True)
class Access:
    """May this user see the class, why (a :data:`TEXT` key), and whether a passcode would let them.

    ``detail`` fills the sentence: the hub group for "hub_group", what failed for "hub_unreachable".
    """

    is_trainer: bool
    reason: str
    needs_passcode: bool = False
    user: str = ""
    detail: str = ""
    error: object = field(default=None, repr=False, compare=False)  # a ConfigError, for its own sentence

    def sentence(self, lang: str, group: str = "trainers") -> str:
        """Why, in ``lang`` ("zh" or "en")."""
        message = getattr(self.error, "message", None)
        detail = message(lang) if callable(message) else self.detail
        return access_text(self.reason, lang, detail=detail, group=group)


def access_text(key: str, lang: str, **values) -> str:
    """The access sentence ``key`` in ``lang`` ("zh" or "en"; anything else gives Chinese)."""
    zh, en = TEXT[key]
    return (en if lang == "en" else zh).format(**values)


class HubError(Exception):
    """The hub could not be asked (no API address or token, not reachable, refused, not JSON)."""

    def message(self, lang: str = "zh") -> str:
        """What went wrong, for the sentence (the technical part, e.g. "HTTP 403", is the same in both)."""
        if str(self) == NO_HUB_API:
            return "没有 JUPYTERHUB_API_URL 或 JUPYTERHUB_API_TOKEN" if lang != "en" else NO_HUB_API
        return str(self)


NO_HUB_API = "JUPYTERHUB_API_URL or JUPYTERHUB_API_TOKEN not set"


_cache: dict[tuple[str, str, str], tuple[float, dict]] = {}
_cache_lock = threading.Lock()


def clear_hub_cache() -> None:
    """Forget the hub's answers (tests; a trainer who was just added to the group)."""
    with _cache_lock:
        _cache.clear()


def _ssl_context(environ: Mapping[str, str]) -> ssl.SSLContext | None:
    """The hub's internal TLS (``JUPYTERHUB_SSL_*``), when the hub uses it."""
    certfile, keyfile = environ.get("JUPYTERHUB_SSL_CERTFILE"), environ.get("JUPYTERHUB_SSL_KEYFILE")
    cafile = environ.get("JUPYTERHUB_SSL_CLIENT_CA")
    if not (certfile or cafile):
        return None
    context = ssl.create_default_context(cafile=cafile or None)
    if certfile:
        context.load_cert_chain(certfile, keyfile or None)
    return context


def _ask_hub(url: str, token: str, environ: Mapping[str, str], timeout_s: float) -> dict:
    request = urllib.request.Request(url, headers={"Authorization": f"token {token}",
                                                   "Accept": "application/json"})
    handlers = [urllib.request.ProxyHandler({})]  # the hub's API address is internal: no proxy
    context = _ssl_context(environ)
    if context is not None:
        handlers.append(urllib.request.HTTPSHandler(context=context))
    try:
        with urllib.request.build_opener(*handlers).open(request, timeout=timeout_s) as answer:
            model = json.loads(answer.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        raise HubError(f"HTTP {error.code}") from None
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise HubError(type(error).__name__ if not str(error) else str(error)[:120]) from None
    if not isinstance(model, dict):
        raise HubError("not a user model")
    return model


def hub_user_model(environ: Mapping[str, str] | None = None, *, timeout_s: float | None = None,
                   cache_s: float | None = None) -> dict:
    """The hub's model of this server's user (``GET $JUPYTERHUB_API_URL/user``), reused for ``cache_s``.

    ``timeout_s`` defaults to :data:`HUB_TIMEOUT_S`, ``cache_s`` to :data:`HUB_CACHE_S` (seconds).
    Raises :class:`HubError` when the hub cannot be asked; errors are not cached.
    """
    environ = os.environ if environ is None else environ
    timeout_s = HUB_TIMEOUT_S if timeout_s is None else timeout_s
    cache_s = HUB_CACHE_S if cache_s is None else cache_s
    url = environ.get("JUPYTERHUB_API_URL", "").strip().rstrip("/")
    token = environ.get("JUPYTERHUB_API_TOKEN", "").strip()
    if not url or not token:
        raise HubError(NO_HUB_API)
    key = (url, environ.get("JUPYTERHUB_USER", ""), hashlib.sha256(token.encode()).hexdigest())
    with _cache_lock:
        seen = _cache.get(key)
    if seen is not None and time.monotonic() - seen[0] < cache_s:
        return seen[1]
    model = _ask_hub(url + "/user", token, environ, timeout_s)
    with _cache_lock:
        _cache[key] = (time.monotonic(), model)
    return model


def _hub_access(user: str, config, environ: Mapping[str, str]) -> Access:
    if user in tuple(config.trainers or ()):
        return Access(True, "hub_listed", user=user)
    try:
        model = hub_user_model(environ)
    except HubError as error:
        return Access(False, "hub_unreachable", user=user, detail=str(error), error=error)
    if model.get("name") != user:  # a token that is not this user's says nothing about them
        return Access(False, "hub_unreachable", user=user, detail=f"the token belongs to {model.get('name')!r}")
    if model.get("admin") is True:
        return Access(True, "hub_admin", user=user)
    groups = model.get("groups")
    if not isinstance(groups, list):
        return Access(False, "hub_no_groups", user=user)
    group = config.trainer_group or "trainers"
    if group in groups:
        return Access(True, "hub_group", user=user, detail=group)
    return Access(False, "hub_trainee", user=user)


def trainer_access(environ: Mapping[str, str] | None = None, *, config=None) -> Access:
    """May the user of this kernel see the whole class? (see the module docstring for the rules).

    ``config``: a :class:`ccskills.progress._config.ClassConfig` (default: ``load_config(environ)``;
    a config that cannot be read denies, reason "config_error"); only ``trainers``,
    ``trainer_group`` and ``trainer_passcode`` are read. Never raises for the hub's sake: a hub
    that cannot be asked denies (reason "hub_unreachable").
    """
    environ = os.environ if environ is None else environ
    user = environ.get("JUPYTERHUB_USER", "").strip()
    if config is None:
        from ccskills.progress._config import load_config

        try:
            config = load_config(environ)
        except ValueError as error:  # a malformed config grants nobody anything
            return Access(False, "config_error", user=user, detail=str(error), error=error)
    if user:
        return _hub_access(user, config, environ)
    if config.trainer_passcode:
        return Access(False, "passcode", needs_passcode=True)
    return Access(True, "local")


# ---------------------------------------------------------------- the passcode, off a hub
@dataclass(frozen=True)
class TryResult:
    """One passcode try: accepted or not, tries left before a pause, seconds to wait now."""

    ok: bool
    tries_left: int
    wait_s: float

    def sentence(self, lang: str) -> str:
        """What the page says after the try."""
        if self.ok:
            return access_text("unlocked", lang)
        if self.wait_s > 0:
            return access_text("paused", lang, seconds=int(-(-self.wait_s // 1)))
        return access_text("wrong", lang, tries=self.tries_left)


def _tries_file() -> Path:
    import platformdirs

    return Path(platformdirs.user_state_dir("ccskills")) / "passcode_tries.json"


class PasscodeGate:
    """Checks a typed passcode against the stored hash, with a bounded number of wrong tries.

    ``MAX_TRIES`` wrong tries in a row, then a pause of ``pause_s`` seconds, doubled with each
    further wrong try (at most ``MAX_PAUSE_S``); a right passcode clears the count. The count is
    kept in ``state_file`` (default: the user state directory), so every page of this machine
    user shares it; if that file cannot be written the count is kept in memory.

    >>> import tempfile, os
    >>> from ccskills.progress._config import passcode_hash
    >>> gate = PasscodeGate(passcode_hash("s3cret!"), state_file=os.path.join(tempfile.mkdtemp(), "t.json"))
    >>> gate.attempt("guess").sentence("en")
    'Wrong passcode. 4 tries left.'
    >>> gate.attempt("s3cret!").ok
    True
    """

    def __init__(self, stored: str, *, state_file: str | os.PathLike | None = None, max_tries: int = MAX_TRIES,
                 pause_s: float = PAUSE_S, clock: Callable[[], float] = time.time) -> None:
        if not isinstance(max_tries, int) or max_tries < 1:
            raise ValueError(f"max_tries must be a whole number ≥ 1, got {max_tries!r}")
        self.stored, self.max_tries, self.pause_s, self.clock = stored, max_tries, float(pause_s), clock
        self.state_file = Path(state_file) if state_file is not None else _tries_file()
        self._memory = {"failures": 0, "until": 0.0}
        self._lock = threading.Lock()

    def _load(self) -> dict:
        try:
            state = json.loads(self.state_file.read_text(encoding="utf-8"))
            return {"failures": int(state["failures"]), "until": float(state["until"])}
        except FileNotFoundError:
            return {"failures": 0, "until": 0.0}
        except (OSError, ValueError, KeyError, TypeError):
            return dict(self._memory)

    def _save(self, state: dict) -> None:
        self._memory = dict(state)
        try:
            from ccskills.io import atomic_path

            self.state_file.parent.mkdir(parents=True, exist_ok=True)
            with atomic_path(self.state_file) as tmp:
                Path(tmp).write_text(json.dumps(state), encoding="utf-8")
        except OSError:
            pass  # the count stays in memory: still bounded for this page

    def wait_s(self) -> float:
        """Seconds until another try is allowed (0 when a try is allowed now)."""
        return max(0.0, self._load()["until"] - self.clock())

    def attempt(self, passcode: str) -> TryResult:
        """Try ``passcode``; while paused it is not even checked."""
        from ccskills.progress._config import check_passcode

        with self._lock:
            state = self._load()
            now = self.clock()
            if state["until"] > now:
                return TryResult(False, 0, state["until"] - now)
            if check_passcode(passcode or "", self.stored):
                self._save({"failures": 0, "until": 0.0})
                return TryResult(True, self.max_tries, 0.0)
            failures = state["failures"] + 1
            over = failures - self.max_tries
            pause = 0.0 if over < 0 else min(MAX_PAUSE_S, self.pause_s * 2 ** over)
            self._save({"failures": failures, "until": now + pause})
            return TryResult(False, max(0, self.max_tries - failures), pause)
