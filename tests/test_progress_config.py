"""The class settings file: precedence, the hub's trainer rule, errors naming file and key, passcodes.

Every file here is written by the test itself in a temporary folder; the user config dir is
pointed there through XDG_CONFIG_HOME, and the system file is passed explicitly (``paths=``)
or looked up under a patched ``sys.prefix``.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
import tomllib

import pytest

from ccskills.progress import _config
from ccskills.progress._config import (CONFIG_ENV, ClassConfig, ConfigError, check_passcode, config_paths,
                                       default_url, load_config, passcode_hash, write_user_config)

HASH = passcode_hash("trainer-2026", iterations=200_000)  # a valid stored hash for the files below


@pytest.fixture
def dirs(tmp_path, monkeypatch):
    """System file, user file, a named file: three paths in a clean temporary folder."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "user"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "prefix"))
    system = tmp_path / "prefix" / "etc" / "ccskills" / "config.toml"
    user = tmp_path / "user" / "ccskills" / "config.toml"
    named = tmp_path / "named.toml"
    for path in (system, user):
        path.parent.mkdir(parents=True)
    return system, user, named


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ where the files are
def test_config_paths_are_system_user_then_the_named_file(dirs):
    system, user, named = dirs
    assert config_paths({}) == [system, user]
    assert config_paths({CONFIG_ENV: str(named)}) == [system, user, named]


def test_nothing_configured_gives_the_sqlite_default_and_no_trainers(dirs, tmp_path):
    config = load_config({})
    assert config == ClassConfig(url=f"sqlite:///{tmp_path / 'data' / 'ccskills' / 'progress.sqlite3'}",
                                 retention_days=None, trainers=(), trainer_group="trainers",
                                 trainer_passcode=None, sources=())


# ------------------------------------------------------------------ precedence
def test_later_files_override_earlier_ones_key_by_key_and_the_environment_overrides_all(dirs):
    system, user, named = dirs
    write(system, '[progress]\nurl = "postgresql://hub/system"\nretention_days = 365\n'
                  '[class]\ntrainers = ["admin"]\ntrainer_group = "staff"\n')
    write(user, '[progress]\nretention_days = 90\n')
    write(named, '[class]\ntrainers = ["lihua", "wangfang"]\n')
    config = load_config({CONFIG_ENV: str(named)})
    assert (config.url, config.retention_days, config.trainers, config.trainer_group) == (
        "postgresql://hub/system", 90, ("lihua", "wangfang"), "staff")
    assert config.sources == (str(system), str(user), str(named))

    env = {CONFIG_ENV: str(named), "CCSKILLS_PROGRESS_URL": "sqlite:////tmp/x.sqlite3",
           "CCSKILLS_TRAINERS": " zhao , qian,, ", "CCSKILLS_TRAINER_GROUP": "tutors",
           "CCSKILLS_RETENTION_DAYS": "30"}
    config = load_config(env)
    assert (config.url, config.retention_days, config.trainers, config.trainer_group) == (
        "sqlite:////tmp/x.sqlite3", 30, ("zhao", "qian"), "tutors")
    assert config.sources[-4:] == ("env:CCSKILLS_PROGRESS_URL", "env:CCSKILLS_TRAINERS",
                                   "env:CCSKILLS_TRAINER_GROUP", "env:CCSKILLS_RETENTION_DAYS")


def test_default_url_reads_the_files_and_the_environment_still_wins(dirs):
    system, user, _ = dirs
    write(user, '[progress]\nurl = "postgresql://laptop/class"\n')
    assert default_url({}) == "postgresql://laptop/class"
    assert default_url({"CCSKILLS_PROGRESS_URL": "postgresql://hub/class"}) == "postgresql://hub/class"


def test_an_empty_environment_variable_counts_as_unset(dirs):
    _, user, _ = dirs
    write(user, '[progress]\nurl = "postgresql://laptop/class"\n')
    assert load_config({"CCSKILLS_PROGRESS_URL": "  ", "CCSKILLS_TRAINERS": ""}).url == "postgresql://laptop/class"


# ------------------------------------------------------------------ the hub's trainer rule
TRAINER_FILE = f'[progress]\nretention_days = 60\n[class]\ntrainers = ["trainee1"]\ntrainer_group = "all"\n' \
               f'trainer_passcode = "{HASH}"\n'


def test_on_a_hub_a_trainee_cannot_name_themself_trainer_in_their_own_file(dirs):
    _, user, _ = dirs
    write(user, TRAINER_FILE)
    config = load_config({"JUPYTERHUB_USER": "trainee1"})
    assert (config.trainers, config.trainer_group, config.trainer_passcode) == ((), "trainers", None)
    assert config.retention_days == 60  # the user's other settings still count


def test_on_a_hub_the_trainer_keys_come_from_the_system_file_the_named_file_and_the_environment(dirs):
    system, user, named = dirs
    write(user, TRAINER_FILE)
    write(system, '[class]\ntrainers = ["lihua"]\n')
    write(named, f'[class]\ntrainer_passcode = "{HASH}"\n')
    config = load_config({"JUPYTERHUB_USER": "trainee1", CONFIG_ENV: str(named)})
    assert (config.trainers, config.trainer_group, config.trainer_passcode) == (("lihua",), "trainers", HASH)
    config = load_config({"JUPYTERHUB_USER": "trainee1", "CCSKILLS_TRAINERS": "zhao"})
    assert config.trainers == ("zhao",)


def test_on_a_hub_naming_the_own_file_in_ccskills_config_does_not_lift_the_rule(dirs):
    _, user, _ = dirs
    write(user, TRAINER_FILE)
    assert load_config({"JUPYTERHUB_USER": "trainee1", CONFIG_ENV: str(user)}).trainers == ()


def test_off_a_hub_the_user_file_names_the_trainers(dirs):
    _, user, _ = dirs
    write(user, TRAINER_FILE)
    config = load_config({})
    assert (config.trainers, config.trainer_group, config.trainer_passcode) == (("trainee1",), "all", HASH)


# ------------------------------------------------------------------ errors name the file and the key
@pytest.mark.parametrize(("text", "key", "en", "zh"), [
    ("[progress]\nretention_days = -3\n", "progress.retention_days",
     "progress.retention_days must be a whole number of days ≥ 1, got -3.", "必须是大于等于 1 的整数天数（现在是 -3）"),
    ("[progress]\nretention_days = \"30\"\n", "progress.retention_days", "got '30'.", "（现在是 '30'）"),
    ("[progress]\nretention_days = true\n", "progress.retention_days", "got True.", "（现在是 True）"),
    ("[progress]\nurl = 5\n", "progress.url", "progress.url must be a non-empty database URL", "数据库地址"),
    ("[progress]\nurls = \"x\"\n", "progress.urls",
     "progress.urls must be one of the known settings: progress.url, progress.retention_days", "已知的设置之一"),
    ("[class]\ntrainers = \"lihua\"\n", "class.trainers", "a list of non-empty login names, got 'lihua'.",
     "登录名"),
    ("[class]\ntrainers = [\"lihua\", 3]\n", "class.trainers", "got ['lihua', 3].", "登录名"),
    ("[class]\ntrainer_group = \"\"\n", "class.trainer_group", "a non-empty group name", "组名"),
    ("[class]\ntrainer_passcode = \"secret123\"\n", "class.trainer_passcode",
     "never the passcode itself, got '(hidden)'.", "不能是口令本身"),
    ("url = \"postgresql://x/y\"\n", "url", "url must be one of the known settings: [progress], [class]",
     "已知的设置之一"),
    ("progress = 3\n", "progress", "progress must be a table ([progress]), got 3.", "必须是一个表"),
])
def test_a_bad_setting_names_the_file_and_the_key_in_both_languages(dirs, text, key, en, zh):
    _, user, _ = dirs
    write(user, text)
    with pytest.raises(ConfigError) as caught:
        load_config({})
    err = caught.value
    assert isinstance(err, ValueError) and (err.where, err.key) == (str(user), key)
    assert str(err).startswith(f"{user}: {key} must be ") and en in str(err)
    assert err.message("zh").startswith(f"设置有误：{user} 中的 {key} 必须是") and zh in err.message("zh")
    assert err.message("en") == str(err)


def test_a_plain_passcode_in_the_file_is_never_echoed(dirs):
    _, user, _ = dirs
    write(user, '[class]\ntrainer_passcode = "secret123"\n')
    with pytest.raises(ConfigError) as caught:
        load_config({})
    assert "secret123" not in caught.value.message("en") + caught.value.message("zh")


def test_a_malformed_file_names_the_file_and_where_in_it(dirs):
    system, _, _ = dirs
    write(system, "[progress]\nurl = \n")
    with pytest.raises(ConfigError) as caught:
        load_config({})
    assert str(caught.value).startswith(f"{system} must be a valid TOML file (")
    assert "line 2" in str(caught.value)
    assert caught.value.message("zh").startswith(f"设置有误：{system} 必须是有效的 TOML 文件")


def test_a_file_not_in_utf8_is_refused(dirs):
    _, user, _ = dirs
    user.write_bytes('[class]\ntrainers = ["李华"]\n'.encode("gbk"))
    with pytest.raises(ConfigError, match="must be a readable UTF-8 file \\(not UTF-8\\)"):
        load_config({})


def test_a_named_file_that_does_not_exist_is_an_error_not_a_silent_default(dirs, tmp_path):
    missing = tmp_path / "nope.toml"
    with pytest.raises(ConfigError) as caught:
        load_config({CONFIG_ENV: str(missing)})
    assert str(caught.value) == f"$CCSKILLS_CONFIG must be an existing file, got {str(missing)!r}."


@pytest.mark.parametrize(("name", "value", "expected"), [
    ("CCSKILLS_RETENTION_DAYS", "-5", "$CCSKILLS_RETENTION_DAYS: progress.retention_days must be a whole "
                                      "number of days ≥ 1, got -5."),
    ("CCSKILLS_RETENTION_DAYS", "ninety", "got 'ninety'."),
    ("CCSKILLS_RETENTION_DAYS", "0", "got 0."),
    ("CCSKILLS_TRAINERS", ", ,", "$CCSKILLS_TRAINERS: class.trainers must be"),
])
def test_a_bad_environment_variable_is_named(dirs, name, value, expected):
    if name == "CCSKILLS_TRAINERS":  # only separators: no names at all is read as "no override"
        assert load_config({name: value}).trainers == ()
        return
    with pytest.raises(ConfigError) as caught:
        load_config({name: value})
    assert expected in str(caught.value) and caught.value.where == f"${name}"


# ------------------------------------------------------------------ passcodes
def test_a_passcode_hash_has_the_documented_format_and_matches_an_independent_pbkdf2():
    stored = passcode_hash("课堂口令 2026")
    scheme, iterations, salt, digest = stored.split("$")
    assert scheme == "pbkdf2_sha256" and int(iterations) >= 200_000 and len(bytes.fromhex(salt)) >= 16
    assert digest == hashlib.pbkdf2_hmac("sha256", "课堂口令 2026".encode(), bytes.fromhex(salt),
                                         int(iterations)).hex()
    assert "课堂口令" not in stored and passcode_hash("课堂口令 2026") != stored  # salted


def test_check_passcode_accepts_the_right_passcode_only():
    assert check_passcode("trainer-2026", HASH)
    assert not check_passcode("trainer-2025", HASH)
    assert not check_passcode("Trainer-2026", HASH)


@pytest.mark.parametrize("stored", [None, "", "trainer-2026", "pbkdf2_sha256$abc$00$00", HASH[:-2],
                                    HASH.replace("pbkdf2_sha256", "md5"), HASH + "$x", 42,
                                    "pbkdf2_sha256$99999999$" + "00" * 16 + "$" + "00" * 32])
def test_a_malformed_stored_hash_gives_false_never_an_exception(stored):
    assert check_passcode("trainer-2026", stored) is False


@pytest.mark.parametrize("typed", [None, "", 123, "\ud800abc"])
def test_odd_user_input_gives_false_never_an_exception(typed):
    assert check_passcode(typed, HASH) is False


def test_a_too_short_passcode_is_refused():
    with pytest.raises(ValueError, match="passcode must be a text of at least 6 characters"):
        passcode_hash("12345")


# ------------------------------------------------------------------ writing the user's file
def test_write_user_config_sets_keys_and_keeps_the_others(dirs):
    _, user, _ = dirs
    write(user, '[progress]\nurl = "postgresql://laptop/class"\nretention_days = 90\n')
    assert write_user_config(trainer_passcode=HASH, trainers=["李华", 'a"b\\c']) == user
    assert tomllib.loads(user.read_text("utf-8")) == {
        "progress": {"url": "postgresql://laptop/class", "retention_days": 90},
        "class": {"trainers": ["李华", 'a"b\\c'], "trainer_passcode": HASH}}
    write_user_config(retention_days=None, url="sqlite:////tmp/other.sqlite3")
    assert tomllib.loads(user.read_text("utf-8")) == {
        "progress": {"url": "sqlite:////tmp/other.sqlite3"},
        "class": {"trainers": ["李华", 'a"b\\c'], "trainer_passcode": HASH}}
    assert load_config({}).trainer_passcode == HASH


def test_write_user_config_creates_a_private_file(dirs):
    _, user, _ = dirs
    write_user_config(trainer_passcode=HASH)
    assert stat.S_IMODE(os.stat(user).st_mode) == 0o600
    assert [p.name for p in user.parent.iterdir()] == ["config.toml"]  # no temporary file left


def test_write_user_config_refuses_bad_values_and_leaves_the_file_alone(dirs, tmp_path):
    _, user, _ = dirs
    before = write(user, '[progress]\nretention_days = 90\n').read_bytes()
    with pytest.raises(ConfigError, match="progress.retention_days must be"):
        write_user_config(retention_days=-1)
    with pytest.raises(ConfigError, match="class.trainer_passcode must be a hash"):
        write_user_config(trainer_passcode="plain-passcode")
    with pytest.raises(ConfigError, match="colour must be one of the known settings"):
        write_user_config(colour="red")
    assert user.read_bytes() == before
    other = write(tmp_path / "broken.toml", "[progress\n")
    with pytest.raises(ConfigError, match="must be a valid TOML file"):
        write_user_config(path=other, retention_days=30)
    assert other.read_text() == "[progress\n"


@pytest.mark.parametrize("text", ["plain", "引号\"与\\反斜杠", "tab\tnew\nline\r", "\x00\x1f\x7f", "é😀"])
def test_any_text_written_reads_back_unchanged(tmp_path, text):
    path = tmp_path / "c.toml"
    write_user_config(path=path, trainer_group=text + "x")  # a group name is kept as written (stripped)
    assert tomllib.loads(path.read_text("utf-8"))["class"]["trainer_group"] == (text + "x").strip()


def test_reading_the_config_does_not_import_sqlalchemy():
    import subprocess

    code = ("import sys, ccskills.progress._config as c; c.load_config({}, paths=[]); "
            "print('sqlalchemy' in sys.modules, 'pandas' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]
    assert _config.PASSCODE_ITERATIONS >= 200_000
