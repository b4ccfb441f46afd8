"""The class settings: where the store is, how long attempts are kept, who the trainers are.

Read from TOML files, in increasing precedence (:func:`config_paths`): the system file
``<sys.prefix>/etc/ccskills/config.toml`` (a hub admin's), the user's
``<user config dir>/config.toml``, then the file ``CCSKILLS_CONFIG`` names; the environment
(``CCSKILLS_PROGRESS_URL``, ``CCSKILLS_TRAINERS``, ``CCSKILLS_TRAINER_GROUP``,
``CCSKILLS_RETENTION_DAYS``) overrides them all::

    [progress]
    url = "postgresql://hub-db/class"   # default: a SQLite file in the user data directory
    retention_days = 180                # default: keep attempts until deleted

    [class]
    trainers = ["lihua", "wangfang"]    # hub logins that see the trainer pages
    trainer_group = "trainers"          # a hub group whose members are trainers
    trainer_passcode = "pbkdf2_sha256$…" # made by `ccskills class set-passcode`, never plain

On a hub (``JUPYTERHUB_USER`` set) the ``[class]`` keys are not read from the user's own
file, where a trainee could name themself trainer. Kept apart from :mod:`.store` and free of
SQLAlchemy, so the recorder reads it cheaply.

>>> load_config({"CCSKILLS_PROGRESS_URL": "postgresql://hub-db/class", "CCSKILLS_TRAINERS": "lihua, wangfang"},
...             paths=[]).trainers
('lihua', 'wangfang')
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import platformdirs

__all__ = ["CONFIG_ENV", "ENV_URL", "ClassConfig", "ConfigError", "check_passcode", "config_paths",
           "default_url", "load_config", "passcode_hash", "system_config_path", "user_config_path",
           "write_user_config"]

ENV_URL = "CCSKILLS_PROGRESS_URL"
CONFIG_ENV = "CCSKILLS_CONFIG"
HUB_ENV = "JUPYTERHUB_USER"
ENV_KEYS = {"url": ENV_URL, "trainers": "CCSKILLS_TRAINERS", "trainer_group": "CCSKILLS_TRAINER_GROUP",
            "retention_days": "CCSKILLS_RETENTION_DAYS"}
"""Key → the environment variable that overrides it."""
TABLES = {"progress": ("url", "retention_days"), "class": ("trainers", "trainer_group", "trainer_passcode")}
"""The tables of the file and their keys."""
TRAINER_KEYS = TABLES["class"]
PASSCODE_ITERATIONS = 600_000
"""PBKDF2-SHA256 rounds of a new hash (OWASP's 2023 figure); stored hashes need 200,000 to 10,000,000."""
_ITERATION_RANGE = (200_000, 10_000_000)
_HASH = re.compile(r"pbkdf2_sha256\$(\d{6,8})\$([0-9a-f]{32,128})\$([0-9a-f]{64})")

_RULES = {  # problem → what the value must be, (zh, en)
    "url": ("非空的数据库地址（如 sqlite:///… 或 postgresql://…）",
            "a non-empty database URL (sqlite:///… or postgresql://…)"),
    "retention_days": ("大于等于 1 的整数天数", "a whole number of days ≥ 1"),
    "trainers": ("登录名（非空文字）的列表", "a list of non-empty login names"),
    "trainer_group": ("非空的组名", "a non-empty group name"),
    "trainer_passcode": ("用 `ccskills class set-passcode` 生成的散列值（pbkdf2_sha256$…），不能是口令本身",
                         "a hash made by `ccskills class set-passcode` (pbkdf2_sha256$…), never the passcode "
                         "itself"),
    "table": ("一个表（[{key}]）", "a table ([{key}])"),
    "unknown": ("已知的设置之一：{known}", "one of the known settings: {known}"),
    "toml": ("有效的 TOML 文件（{detail}）", "a valid TOML file ({detail})"),
    "file": ("可读取的 UTF-8 文件（{detail}）", "a readable UTF-8 file ({detail})"),
    "missing": ("一个存在的文件", "an existing file"),
}


class ConfigError(ValueError):
    """A setting that cannot be used: which file (or ``$VARIABLE``), which key, what was found.

    ``where`` is the file's path or ``$NAME`` of an environment variable; ``key`` the setting
    (``progress.retention_days``), or None when the whole file is at fault; ``problem`` the rule
    broken. ``str(err)`` is English; :meth:`message` gives the sentence in Chinese or English.

    >>> print(ConfigError("/etc/ccskills/config.toml", "progress.retention_days", "retention_days", -3).message())
    设置有误：/etc/ccskills/config.toml 中的 progress.retention_days 必须是大于等于 1 的整数天数（现在是 -3）。
    """

    def __init__(self, where: str, key: str | None, problem: str, value=None, **details) -> None:
        self.where, self.key, self.problem, self.value, self.details = where, key, problem, value, details
        super().__init__(self.message("en"))

    def message(self, lang: str = "zh") -> str:
        """One sentence in ``lang`` ("zh" or "en"; anything else gives Chinese)."""
        zh, en = _RULES[self.problem]
        fields = {"key": self.key, **self.details}
        shown = "" if self.value is None else repr(self.value)
        if lang == "en":
            subject = f"{self.where}: {self.key}" if self.key else self.where
            return f"{subject} must be {en.format(**fields)}" + (f", got {shown}." if shown else ".")
        subject = f"{self.where} 中的 {self.key} " if self.key else f"{self.where} "
        return f"设置有误：{subject}必须是{zh.format(**fields)}" + (f"（现在是 {shown}）。" if shown else "。")


@dataclass(frozen=True)
class ClassConfig:
    """The class settings in force (see the module docstring).

    ``sources`` are the files read, lowest precedence first, then ``env:NAME`` for each
    environment variable that overrode them.
    """

    url: str
    retention_days: int | None
    trainers: tuple[str, ...]
    trainer_group: str  # default "trainers"
    trainer_passcode: str | None  # a stored hash, never plain
    sources: tuple[str, ...]


def default_data_url() -> str:
    """``sqlite:///<user data dir>/progress.sqlite3``: the store when nothing else is configured."""
    return "sqlite:///" + str(Path(platformdirs.user_data_dir("ccskills")) / "progress.sqlite3")


def system_config_path() -> Path:
    """The hub admin's file: ``<sys.prefix>/etc/ccskills/config.toml``."""
    return Path(sys.prefix) / "etc" / "ccskills" / "config.toml"


def user_config_path() -> Path:
    """The user's file: ``<user config dir>/config.toml`` (platformdirs)."""
    return Path(platformdirs.user_config_dir("ccskills")) / "config.toml"


def config_paths(environ=None) -> list[Path]:
    """The config files in increasing precedence: system, user, then ``$CCSKILLS_CONFIG`` when set.

    >>> [p.name for p in config_paths({"CCSKILLS_CONFIG": "/srv/class.toml"})]
    ['config.toml', 'config.toml', 'class.toml']
    """
    environ = os.environ if environ is None else environ
    paths = [system_config_path(), user_config_path()]
    named = environ.get(CONFIG_ENV, "").strip()
    return paths + [Path(named).expanduser()] if named else paths


def load_config(environ=None, *, paths=None) -> ClassConfig:
    """The settings in force: ``paths`` (default :func:`config_paths`) read in order, then the environment.

    A missing file is skipped, except the one ``CCSKILLS_CONFIG`` names. On a hub
    (``JUPYTERHUB_USER`` set) the trainer keys of the user's own file are ignored. Raises
    :class:`ConfigError` for a malformed file, an unknown key, a wrong type or a negative retention.
    """
    environ = os.environ if environ is None else environ
    paths = config_paths(environ) if paths is None else [Path(p) for p in paths]
    named = environ.get(CONFIG_ENV, "").strip()
    named = Path(named).expanduser() if named else None
    on_hub = bool(environ.get(HUB_ENV, "").strip())
    settings: dict = {}
    sources: list[str] = []
    for path in paths:
        values = _read_file(path, required=path == named)
        if values is None:
            continue
        if on_hub and _same_file(path, user_config_path()):  # a trainee may write here
            values = {k: v for k, v in values.items() if k not in TRAINER_KEYS}
        settings.update(values)
        sources.append(str(path))
    for key, name in ENV_KEYS.items():
        raw = environ.get(name, "").strip()
        if raw:
            settings[key] = _from_env(key, name, raw)
            sources.append(f"env:{name}")
    return ClassConfig(url=settings.get("url") or default_data_url(),
                       retention_days=settings.get("retention_days"),
                       trainers=tuple(settings.get("trainers", ())),
                       trainer_group=settings.get("trainer_group", "trainers"),
                       trainer_passcode=settings.get("trainer_passcode"), sources=tuple(sources))


def default_url(environ=None) -> str:
    """The store's URL: ``CCSKILLS_PROGRESS_URL``, else the config files' ``[progress] url``, else SQLite.

    The SQLite default is ``sqlite:///<user data dir>/progress.sqlite3``.

    >>> default_url({"CCSKILLS_PROGRESS_URL": "postgresql://hub-db/class"})
    'postgresql://hub-db/class'
    """
    return load_config(environ).url


# ---------------------------------------------------------------- reading
def _same_file(path: Path, other: Path) -> bool:
    return os.path.realpath(path) == os.path.realpath(other)


def _read_file(path: Path, required: bool = False) -> dict | None:
    """The checked ``key → value`` settings of one file; None when it does not exist (and may not)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if required:
            raise ConfigError(f"${CONFIG_ENV}", None, "missing", str(path)) from None
        return None
    except OSError as err:
        raise ConfigError(str(path), None, "file", detail=err.strerror or type(err).__name__) from None
    try:
        document = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(str(path), None, "file", detail="not UTF-8") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(str(path), None, "toml", detail=str(err)) from None
    return _check_document(document, str(path))


def _check_document(document: dict, where: str) -> dict:
    settings = {}
    for table, values in document.items():
        if table not in TABLES:
            raise ConfigError(where, table, "unknown", known="[progress], [class]")
        if not isinstance(values, dict):
            raise ConfigError(where, table, "table", values)
        for key, value in values.items():
            if key not in TABLES[table]:
                raise ConfigError(where, f"{table}.{key}", "unknown",
                                  known=", ".join(f"{table}.{k}" for k in TABLES[table]))
            settings[key] = check_value(key, value, where=where)
    return settings


_VALID = {"url": lambda v: isinstance(v, str) and bool(v.strip()),
          "retention_days": lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 1,
          "trainers": lambda v: isinstance(v, (list, tuple)) and all(isinstance(n, str) and n.strip() for n in v),
          "trainer_group": lambda v: isinstance(v, str) and bool(v.strip()),
          "trainer_passcode": lambda v: _parse_hash(v) is not None}


def check_value(key: str, value, *, where: str = "config"):
    """``value`` as stored if it is a valid setting ``key``, else :class:`ConfigError` naming ``where`` and the key.

    >>> check_value("trainers", [" lihua ", "wf"])
    ['lihua', 'wf']
    """
    if not _VALID[key](value):
        shown = "(hidden)" if key == "trainer_passcode" and isinstance(value, str) else value
        raise ConfigError(where, _TABLE_OF[key] + "." + key, key, shown)
    if key == "trainers":
        return [name.strip() for name in value]
    return value.strip() if key in ("url", "trainer_group") else value


_TABLE_OF = {key: table for table, keys in TABLES.items() for key in keys}


def _from_env(key: str, name: str, raw: str):
    if key == "trainers":
        return check_value(key, [n for n in raw.split(",") if n.strip()], where=f"${name}")
    if key == "retention_days" and re.fullmatch(r"[+-]?\d+", raw):
        raw = int(raw)
    return check_value(key, raw, where=f"${name}")


# ---------------------------------------------------------------- passcode
def passcode_hash(passcode: str, *, iterations: int = PASSCODE_ITERATIONS) -> str:
    """A salted PBKDF2-SHA256 hash of ``passcode``: ``pbkdf2_sha256$<iterations>$<salt_hex>$<hash_hex>``.

    >>> stored = passcode_hash("课堂 2026")
    >>> check_passcode("课堂 2026", stored), check_passcode("课堂 2025", stored)
    (True, False)
    """
    if not isinstance(passcode, str) or len(passcode.strip()) < 6:
        raise ValueError("passcode must be a text of at least 6 characters, got "
                         + ("a shorter one" if isinstance(passcode, str) else repr(type(passcode).__name__)))
    low, high = _ITERATION_RANGE
    if not isinstance(iterations, int) or not low <= iterations <= high:
        raise ValueError(f"iterations must be a whole number from {low} to {high}, got {iterations!r}")
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", passcode.encode("utf-8"), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def _parse_hash(stored) -> tuple[int, bytes, bytes] | None:
    match = _HASH.fullmatch(stored) if isinstance(stored, str) else None
    if match is None or len(match[2]) % 2:
        return None
    iterations = int(match[1])
    if not _ITERATION_RANGE[0] <= iterations <= _ITERATION_RANGE[1]:
        return None
    return iterations, bytes.fromhex(match[2]), bytes.fromhex(match[3])


def check_passcode(passcode, stored) -> bool:
    """True when ``passcode`` matches the hash ``stored``; False for anything else, never an exception."""
    parsed = _parse_hash(stored)
    if parsed is None or not isinstance(passcode, str) or not passcode:
        return False
    iterations, salt, expected = parsed
    try:
        digest = hashlib.pbkdf2_hmac("sha256", passcode.encode("utf-8"), salt, iterations)
    except (UnicodeEncodeError, ValueError):  # lone surrogates from a terminal
        return False
    return hmac.compare_digest(digest, expected)


# ---------------------------------------------------------------- writing
def write_user_config(*, path=None, **updates) -> Path:
    """Set ``updates`` (``url=…``, ``retention_days=…``, ``trainer_passcode=…`` …) in the user's file.

    The file's other settings are kept (its comments are not); ``None`` removes a key. Each value
    is checked as :func:`load_config` checks it (:class:`ConfigError`), and so is the file already
    there; the file is replaced atomically and a new one is readable by its owner only. Returns
    the path written (default :func:`user_config_path`).
    """
    target = Path(path) if path is not None else user_config_path()
    settings = _read_file(target) or {}
    for key, value in updates.items():
        if key not in _TABLE_OF:
            raise ConfigError(str(target), key, "unknown", known=", ".join(_TABLE_OF))
        if value is None:
            settings.pop(key, None)
        else:
            settings[key] = check_value(key, value, where=str(target))
    document = {table: {k: settings[k] for k in keys if k in settings} for table, keys in TABLES.items()}
    return _write_toml(target, {table: values for table, values in document.items() if values})


def _write_toml(target: Path, document: dict) -> Path:
    from ccskills.io import atomic_path  # an interrupted save keeps the old file, never half of one

    target.parent.mkdir(parents=True, exist_ok=True)
    existed = target.exists()
    with atomic_path(target) as tmp:
        tmp.write_text(toml_text(document), encoding="utf-8")
        if not existed:
            os.chmod(tmp, 0o600)
    return target


def toml_text(document: dict) -> str:
    """``document`` (tables of texts, whole numbers and lists of texts) as TOML text.

    >>> print(toml_text({"class": {"trainers": ["李华", "wf"], "trainer_group": 'a"b'}}), end="")
    [class]
    trainers = ["李华", "wf"]
    trainer_group = "a\\"b"
    """
    lines: list[str] = []
    for table, values in document.items():
        lines += ([""] if lines else []) + [f"[{table}]"]
        lines += [f"{key} = {_toml_value(value)}" for key, value in values.items()]
    return "\n".join(lines) + "\n"


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _toml_value(value) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, str, list, tuple)):
        raise TypeError(f"value must be a text, a whole number or a list of texts, got {value!r}")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return '"' + "".join(_ESCAPES.get(ch) or (f"\\u{ord(ch):04x}" if ord(ch) < 0x20 or ord(ch) == 0x7f
                                                  else ch) for ch in value) + '"'
    return "[" + ", ".join(_toml_value(v) for v in value) + "]"
