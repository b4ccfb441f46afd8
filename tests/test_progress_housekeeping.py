"""Housekeeping of the class store: export/import round trip (laptop SQLite → hub PostgreSQL),
idempotent import, bad files refused with nothing written, deleting a trainee, retention.

Stores run on a SQLite file and on a fresh database of a throwaway PostgreSQL cluster
(tests/pg_server.py), as in test_progress_store.py. Expected rows are the attempts the test
itself recorded, never the output of the code under test pasted back.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import openpyxl
import pandas as pd
import pytest
from pg_server import fresh_database, postgres_cluster

from ccskills.progress import ProgressStore
from ccskills.progress.housekeeping import (ClassFileError, ImportResult, apply_retention, delete_trainee,
                                            export_class, import_class)

T0 = datetime(2026, 3, 2, 9, 30, 15, 123456, tzinfo=timezone(timedelta(hours=8)))  # 01:30:15.123456 UTC
CLASS = [  # trainee, set, question, answer, verdict, mistake, hints, track, minutes after T0
    ("王芳", "ch02", "offered_load", "3.8", "incorrect", "时段是 900 秒。", 2, "workbook", 0),
    ("王芳", "ch02", "offered_load", "15.2", "correct", None, 0, "workbook", 1),
    ("李雷", "ch02", "q1", None, "not_attempted", None, 0, "code", 2),
    ("李雷", "ch05", "q3", '=HYPERLINK("http://x")', "incorrect", "引号 \"与\" 换行\n", 1, "code", 3),
    ("Ann O'Neil", "ch05", "q3", "多行\n答案\u2028", "correct", None, 5, "code", 4),
]


@pytest.fixture(scope="module")
def postgres_server():
    with postgres_cluster() as url:
        yield url


def url_of(kind, request, tmp_path, name="progress"):
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / (name + '.sqlite3')}"
    return fresh_database(request.getfixturevalue("postgres_server"))


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    store = ProgressStore(url_of(request.param, request, tmp_path))
    yield store
    store.close()


def fill(store, rows=CLASS, start=T0):
    for trainee, set_, question, answer, verdict, mistake, hints, track, minutes in rows:
        store.record(trainee, set_, question, answer, verdict, mistake=mistake, hints=hints, track=track,
                     at=start + timedelta(minutes=minutes))


def by_id(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values("attempt_id").reset_index(drop=True)


def expected_values(rows=CLASS, start=T0):
    """The class as recorded, in the order of ``attempts()`` (oldest first), without attempt ids."""
    return [[t, s, q, a, v, v == "correct", m, h, tr,
             pd.Timestamp(start + timedelta(minutes=mins)).tz_convert("UTC")]
            for t, s, q, a, v, m, h, tr, mins in rows]


VALUE_COLUMNS = ["trainee", "set", "question_id", "answer", "verdict", "correct", "mistake", "hints", "track", "at"]


# ------------------------------------------------------------------ round trip
@pytest.mark.parametrize("target", ["sqlite", "postgresql"])
def test_a_laptop_class_carried_to_the_hub_arrives_exactly(request, tmp_path, target):
    laptop = ProgressStore(url_of("sqlite", request, tmp_path, "laptop"))
    fill(laptop)
    assert export_class(laptop, tmp_path / "class.jsonl") == len(CLASS)
    hub = ProgressStore(url_of(target, request, tmp_path, "hub"))
    assert import_class(hub, tmp_path / "class.jsonl") == ImportResult(added=5, skipped_duplicates=0)
    assert hub.attempts()[VALUE_COLUMNS].values.tolist() == expected_values()
    pd.testing.assert_frame_equal(by_id(hub.attempts()), by_id(laptop.attempts()), check_exact=True)


def test_a_hub_class_exported_from_postgresql_imports_back_into_sqlite(request, tmp_path):
    hub = ProgressStore(url_of("postgresql", request, tmp_path))
    fill(hub)
    export_class(hub, tmp_path / "hub.jsonl")
    copy = ProgressStore(url_of("sqlite", request, tmp_path, "copy"))
    import_class(copy, tmp_path / "hub.jsonl")
    pd.testing.assert_frame_equal(by_id(copy.attempts()), by_id(hub.attempts()), check_exact=True)


def test_the_export_file_is_json_lines_with_a_header_utc_times_and_the_attempt_ids(store, tmp_path):
    fill(store, CLASS[:2])
    export_class(store, tmp_path / "c.jsonl")
    lines = (tmp_path / "c.jsonl").read_text("utf-8").splitlines()
    assert json.loads(lines[0]) == {"format": "ccskills-class-export", "schema_version": 1, "attempts": 2}
    first = json.loads(lines[1])
    assert first["at"] == "2026-03-02T01:30:15.123456+00:00" and first["trainee"] == "王芳"
    assert [json.loads(line)["attempt_id"] for line in lines[1:]] == store.attempts()["attempt_id"].tolist()
    assert "correct" not in first  # it follows from the verdict


def test_an_empty_store_exports_a_header_only_file_that_imports_as_nothing(store, tmp_path):
    assert export_class(store, tmp_path / "empty.jsonl") == 0
    assert import_class(store, tmp_path / "empty.jsonl") == ImportResult(0, 0)


def test_export_does_not_replace_a_file_unless_asked(store, tmp_path):
    (tmp_path / "c.jsonl").write_text("keep me")
    with pytest.raises(FileExistsError):
        export_class(store, tmp_path / "c.jsonl")
    assert (tmp_path / "c.jsonl").read_text() == "keep me"
    fill(store, CLASS[:1])
    assert export_class(store, tmp_path / "c.jsonl", overwrite=True) == 1


# ------------------------------------------------------------------ idempotent
def test_importing_the_same_file_twice_adds_nothing_the_second_time(store, tmp_path, request):
    source = ProgressStore(url_of("sqlite", request, tmp_path, "source"))
    fill(source)
    export_class(source, tmp_path / "c.jsonl")
    fill(store, CLASS[:1], start=T0 + timedelta(days=1))  # the hub already has an attempt of its own
    assert import_class(store, tmp_path / "c.jsonl") == ImportResult(added=5, skipped_duplicates=0)
    assert import_class(store, tmp_path / "c.jsonl") == ImportResult(added=0, skipped_duplicates=5)
    assert store.count() == 6 and store.attempts()["attempt_id"].is_unique


def test_a_file_holding_some_known_attempts_adds_only_the_new_ones(store, tmp_path, request):
    source = ProgressStore(url_of("sqlite", request, tmp_path, "source"))
    fill(source, CLASS[:2])
    export_class(source, tmp_path / "first.jsonl")
    import_class(store, tmp_path / "first.jsonl")
    fill(source, CLASS[2:])
    export_class(source, tmp_path / "second.jsonl")
    assert import_class(store, tmp_path / "second.jsonl") == ImportResult(added=3, skipped_duplicates=2)
    pd.testing.assert_frame_equal(by_id(store.attempts()), by_id(source.attempts()))


def test_a_class_larger_than_one_lookup_batch_imports_whole_and_once(store, tmp_path, request):
    from ccskills.progress.store import make_row

    source = ProgressStore(url_of("sqlite", request, tmp_path, "big"))
    source.write([make_row(f"trainee{i % 40}", "ch02", f"q{i % 18}", str(i), i % 3 == 0, hints=i % 4,
                           at=T0 + timedelta(seconds=i)) for i in range(1234)])  # > 2 batches of 500
    export_class(source, tmp_path / "big.jsonl")
    store.record("ann", "ch02", "q1", "1", True)
    assert import_class(store, tmp_path / "big.jsonl") == ImportResult(added=1234, skipped_duplicates=0)
    assert import_class(store, tmp_path / "big.jsonl") == ImportResult(added=0, skipped_duplicates=1234)
    assert store.count() == 1235
    mine = store.attempts()
    pd.testing.assert_frame_equal(by_id(mine[mine["trainee"] != "ann"]), by_id(source.attempts()))


# ------------------------------------------------------------------ bad files
def good_file(tmp_path, request):
    source = ProgressStore(url_of("sqlite", request, tmp_path, "source"))
    fill(source)
    export_class(source, tmp_path / "good.jsonl")
    return (tmp_path / "good.jsonl").read_text("utf-8").rstrip("\n").split("\n")  # not splitlines: U+2028


def edited(lines, number, **changes):
    """``lines`` with line ``number`` (1 = header) changed: keys set, or removed when the value is ...."""
    record = json.loads(lines[number - 1])
    for key, value in changes.items():
        if value is ...:
            del record[key]
        else:
            record[key] = value
    return lines[:number - 1] + [json.dumps(record, ensure_ascii=False)] + lines[number:]


@pytest.mark.parametrize(("line", "changes", "column", "en"), [
    (3, {"verdict": "maybe"}, "verdict", 'line 3: "verdict" must be one of correct, incorrect, not_attempted, '
                                         "got 'maybe'."),
    (4, {"hints": -1}, "hints", 'line 4: "hints" must be a whole number ≥ 0, got -1.'),
    (4, {"hints": "2"}, "hints", "got '2'."),
    (5, {"trainee": "  "}, "trainee", "must be a non-empty text of at most 200 characters, got '  '."),
    (6, {"at": "2026-03-02 09:30"}, "at", "must be an ISO 8601 time with its UTC offset"),
    (6, {"at": "yesterday"}, "at", "got 'yesterday'"),
    (2, {"track": "paper"}, "track", "must be one of code, workbook"),
    (2, {"attempt_id": "x" * 33}, "attempt_id", "at most 32 characters"),
    (2, {"answer": 15.2}, "answer", "got 15.2."),
])
def test_a_bad_value_is_named_by_line_and_column_and_nothing_is_written(store, tmp_path, request,
                                                                          line, changes, column, en):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(edited(good_file(tmp_path, request), line, **changes)) + "\n", "utf-8")
    fill(store, CLASS[:1])
    with pytest.raises(ClassFileError) as caught:
        import_class(store, bad)
    err = caught.value
    assert (err.line, err.column) == (line, column)
    assert str(err).startswith(f"{bad}, line {line}: \"{column}\" must be ") and en in str(err)
    assert str(err).endswith("Nothing was imported.")
    assert err.message("zh").startswith(f"{bad} 第 {line} 行的“{column}”必须是")
    assert store.count() == 1  # the row recorded before, and nothing from the file


@pytest.mark.parametrize(("mangle", "problem", "en"), [
    (lambda lines: lines[:1] + ["{not json"] + lines[2:], "json", "line 2 is not valid JSON"),
    (lambda lines: edited(lines, 3, mistake=...), "columns", "line 3: the columns must be exactly"),
    (lambda lines: edited(lines, 3, extra=1), "columns", "unknown ['extra']"),
    (lambda lines: lines[1:], "header", "is not a .jsonl file written by `ccskills class export`"),
    (lambda lines: [], "header", "line 1 must be its header"),
    (lambda lines: lines[:-1], "truncated", "its header announces 5 attempts but 4 were read"),
    (lambda lines: edited(lines, 1, schema_version=99), "newer", "exported by a newer ccskills (schema version 99)"),
    (lambda lines: lines + [edited(lines, 2, hints=3)[1]], "conflict", "already appears on line 2"),
])
def test_a_broken_file_is_refused_whole(store, tmp_path, request, mangle, problem, en):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(mangle(good_file(tmp_path, request))) + "\n", "utf-8")
    with pytest.raises(ClassFileError) as caught:
        import_class(store, bad)
    assert caught.value.problem == problem and en in str(caught.value)
    assert caught.value.message("zh") != str(caught.value)
    assert store.count() == 0


def test_an_excel_or_csv_file_is_not_imported(store, tmp_path):
    (tmp_path / "class.xlsx").write_bytes(b"PK")
    with pytest.raises(ClassFileError, match=r"class.xlsx must end in .jsonl."):
        import_class(store, tmp_path / "class.xlsx")
    with pytest.raises(ClassFileError, match="must end in .jsonl / .xlsx"):
        export_class(store, tmp_path / "class.csv")


# ------------------------------------------------------------------ excel for reading
def test_the_excel_export_keeps_text_as_text_and_times_in_utc(store, tmp_path):
    fill(store)
    assert export_class(store, tmp_path / "class.xlsx") == len(CLASS)
    sheet = openpyxl.load_workbook(tmp_path / "class.xlsx")["attempts"]
    header = [c.value for c in sheet[1]]
    assert header[-1] == "at (UTC)" and "attempt_id" in header
    cell = sheet.cell(row=5, column=header.index("answer") + 1)  # the '=HYPERLINK(...)' answer
    assert cell.data_type == "s" and "HYPERLINK" in str(cell.value)
    assert sheet.cell(row=2, column=len(header)).value == datetime(2026, 3, 2, 1, 30, 15, 123000)  # Excel: ms


# ------------------------------------------------------------------ deleting
def test_delete_trainee_removes_only_their_attempts(store):
    fill(store)
    assert delete_trainee(store, "李雷") == 2
    assert sorted(set(store.attempts()["trainee"])) == sorted({"王芳", "Ann O'Neil"})


def test_retention_deletes_attempts_older_than_the_days_given(store):
    now = datetime(2026, 6, 1, tzinfo=timezone.utc)
    for days_old in (400, 181, 179, 1):
        store.record("ann", "ch02", f"q{days_old}", "1", True, at=now - timedelta(days=days_old))
    assert apply_retention(store, 180, now=now) == 2
    assert sorted(store.attempts()["question_id"]) == ["q1", "q179"]
    assert apply_retention(store, 180, now=now) == 0


@pytest.mark.parametrize(("days", "now", "message"), [
    (0, None, "days must be a whole number of days ≥ 1, got 0"),
    (-5, None, "got -5"),
    (True, None, "got True"),
    (30, datetime(2026, 1, 1), "now must be a timezone-aware datetime"),
])
def test_retention_refuses_bad_arguments(store, days, now, message):
    fill(store)
    with pytest.raises(ValueError, match=message):
        apply_retention(store, days, now=now)
    assert store.count() == len(CLASS)


# ------------------------------------------------------------------ ccskills class (the command line)
@pytest.fixture
def cli_env(tmp_path, monkeypatch):
    """No configuration but the test's own: a clean user config dir, system prefix and environment."""
    import sys

    for name in ("CCSKILLS_PROGRESS_URL", "CCSKILLS_CONFIG", "CCSKILLS_TRAINERS", "CCSKILLS_TRAINER_GROUP",
                 "CCSKILLS_RETENTION_DAYS", "JUPYTERHUB_USER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "prefix"))
    return tmp_path


def cli(capsys, *args):
    from ccskills.cli import main

    status = main(["class", *args])
    out = capsys.readouterr()
    return status, out.out, out.err


def test_cli_export_then_import_into_another_store(cli_env, capsys):
    laptop = ProgressStore(f"sqlite:///{cli_env / 'laptop.sqlite3'}")
    fill(laptop)
    status, out, err = cli(capsys, "export", str(cli_env / "c.jsonl"), "--url", laptop.url, "--lang", "en")
    assert (status, out.strip(), err) == (0, f"Exported 5 attempts to {cli_env / 'c.jsonl'}.", "")
    hub_url = f"sqlite:///{cli_env / 'hub.sqlite3'}"
    assert cli(capsys, "import", str(cli_env / "c.jsonl"), "--url", hub_url)[1].strip() == \
        "已导入 5 条新记录；0 条已在存储中，已跳过。"
    status, out, _ = cli(capsys, "import", str(cli_env / "c.jsonl"), "--url", hub_url, "--lang", "en")
    assert (status, out.strip()) == (0, "Imported 0 new attempts; 5 were already in the store and were skipped.")
    pd.testing.assert_frame_equal(by_id(ProgressStore(hub_url).attempts()), by_id(laptop.attempts()))


def test_cli_uses_the_configured_store_without_url(cli_env, capsys, monkeypatch):
    url = f"sqlite:///{cli_env / 'configured.sqlite3'}"
    fill(ProgressStore(url), CLASS[:2])
    monkeypatch.setenv("CCSKILLS_PROGRESS_URL", url)
    assert cli(capsys, "export", str(cli_env / "c.jsonl"), "--lang", "en")[1].startswith("Exported 2 attempts")


def test_cli_export_refuses_to_replace_a_file_without_force(cli_env, capsys):
    url = f"sqlite:///{cli_env / 'p.sqlite3'}"
    (cli_env / "c.jsonl").write_text("keep")
    status, out, err = cli(capsys, "export", str(cli_env / "c.jsonl"), "--url", url, "--lang", "en")
    assert (status, out) == (2, "") and err.strip() == f"{cli_env / 'c.jsonl'} already exists; add --force to replace it."
    assert cli(capsys, "export", str(cli_env / "c.jsonl"), "--url", url, "--force")[0] == 0


def test_cli_import_of_a_bad_file_is_one_sentence_exit_2_and_nothing_written(cli_env, capsys):
    url = f"sqlite:///{cli_env / 'p.sqlite3'}"
    bad = cli_env / "bad.jsonl"
    bad.write_text('{"format": "ccskills-class-export", "schema_version": 1, "attempts": 1}\n{"attempt_id": 1}\n')
    status, out, err = cli(capsys, "import", str(bad), "--url", url)
    assert status == 2 and out == "" and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"{bad} 第 2 行的列必须正好是")
    assert ProgressStore(url).count() == 0
    status, _, err = cli(capsys, "import", str(cli_env / "missing.jsonl"), "--url", url, "--lang", "en")
    assert status == 2 and err.strip() == f"{cli_env / 'missing.jsonl'} cannot be read (No such file or directory)."


def test_cli_delete_trainee_asks_first(cli_env, capsys, monkeypatch):
    url = f"sqlite:///{cli_env / 'p.sqlite3'}"
    fill(ProgressStore(url))
    prompts = []
    monkeypatch.setattr("builtins.input", lambda prompt="": prompts.append(prompt) or "no")
    status, out, _ = cli(capsys, "delete-trainee", "李雷", "--url", url, "--lang", "en")
    assert status == 1 and out.strip() == "Cancelled; nothing was deleted."
    assert prompts == ["Delete all 2 attempts of “李雷”? This cannot be undone. Type yes to confirm: "]
    assert ProgressStore(url).count() == 5
    monkeypatch.setattr("builtins.input", lambda prompt="": "yes")
    assert cli(capsys, "delete-trainee", "李雷", "--url", url)[1].strip() == "已删除“李雷”的 2 条记录。"
    assert "李雷" not in set(ProgressStore(url).attempts()["trainee"]) and ProgressStore(url).count() == 3


def test_cli_delete_trainee_with_yes_does_not_ask(cli_env, capsys, monkeypatch):
    url = f"sqlite:///{cli_env / 'p.sqlite3'}"
    fill(ProgressStore(url))
    monkeypatch.setattr("builtins.input", lambda prompt="": pytest.fail("asked for confirmation"))
    status, out, _ = cli(capsys, "delete-trainee", "王芳", "--yes", "--url", url, "--lang", "en")
    assert (status, out.strip()) == (0, "Deleted 2 attempts of “王芳”.")
    status, out, _ = cli(capsys, "delete-trainee", "nobody", "--url", url, "--lang", "en")
    assert (status, out.strip()) == (0, "The store holds no attempts of “nobody”; nothing was deleted.")


def test_cli_prune_uses_the_configured_retention_or_days(cli_env, capsys, monkeypatch):
    url = f"sqlite:///{cli_env / 'p.sqlite3'}"
    store = ProgressStore(url)
    now = datetime.now(timezone.utc)
    for days_old in (100, 40, 10):
        store.record("ann", "ch02", f"q{days_old}", "1", True, at=now - timedelta(days=days_old))
    status, _, err = cli(capsys, "prune", "--url", url, "--lang", "en")
    assert status == 2 and err.startswith("No retention is set: pass --days N")
    monkeypatch.setenv("CCSKILLS_RETENTION_DAYS", "60")
    status, out, _ = cli(capsys, "prune", "--url", url, "--lang", "en")
    assert status == 0 and out.startswith("Deleted 1 attempts older than ") and out.strip().endswith("(keeping 60 days).")
    assert cli(capsys, "prune", "--days", "20", "--url", url)[1].startswith("已删除 1 条早于")
    assert sorted(store.attempts()["question_id"]) == ["q10"]


@pytest.mark.parametrize("days", ["0", "-3", "2.5", "abc"])
def test_cli_prune_refuses_bad_days(cli_env, capsys, days):
    url = f"sqlite:///{cli_env / 'p.sqlite3'}"
    fill(ProgressStore(url))
    status, out, err = cli(capsys, "prune", "--days", days, "--url", url, "--lang", "en")
    assert (status, out) == (2, "") and err.startswith("--days must be a whole number of days ≥ 1 (you entered ")
    assert ProgressStore(url).count() == len(CLASS)


def test_cli_set_passcode_stores_only_a_hash_that_checks(cli_env, capsys, monkeypatch):
    import getpass
    import hashlib

    from ccskills.progress import load_config

    typed = iter(["课堂口令2026", "课堂口令2026"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(typed))
    status, out, _ = cli(capsys, "set-passcode", "--lang", "en")
    path = cli_env / "config" / "ccskills" / "config.toml"
    assert status == 0 and out.strip() == f"The trainer passcode is saved in {path} (only its hash, never the passcode itself)."
    text = path.read_text("utf-8")
    assert "课堂口令2026" not in text
    _, iterations, salt, digest = load_config().trainer_passcode.split("$")
    assert digest == hashlib.pbkdf2_hmac("sha256", "课堂口令2026".encode(), bytes.fromhex(salt), int(iterations)).hex()


@pytest.mark.parametrize(("first", "second", "sentence"), [
    ("abcdefg", "abcdefh", "The two passcodes differ; nothing was saved."),
    ("abc", "abc", "The passcode needs at least 6 characters; nothing was saved."),
])
def test_cli_set_passcode_refuses_a_mismatch_or_a_short_passcode(cli_env, capsys, monkeypatch, first, second,
                                                                   sentence):
    import getpass

    typed = iter([first, second])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(typed))
    assert cli(capsys, "set-passcode", "--lang", "en")[::2] == (2, sentence + "\n")
    assert not (cli_env / "config" / "ccskills" / "config.toml").exists()


def test_cli_set_passcode_on_a_hub_needs_an_explicit_file(cli_env, capsys, monkeypatch):
    import getpass

    monkeypatch.setenv("JUPYTERHUB_USER", "lihua")
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": "abcdefgh")
    status, _, err = cli(capsys, "set-passcode", "--lang", "en")
    assert status == 2 and "not read from a user's own config file" in err
    target = cli_env / "admin.toml"
    assert cli(capsys, "set-passcode", "--config", str(target))[0] == 0
    monkeypatch.setenv("CCSKILLS_CONFIG", str(target))
    from ccskills.progress import check_passcode, load_config

    assert check_passcode("abcdefgh", load_config().trainer_passcode)


def test_cli_where_shows_the_url_with_its_password_masked_and_the_files(cli_env, capsys, monkeypatch):
    user = cli_env / "config" / "ccskills" / "config.toml"
    user.parent.mkdir(parents=True)
    user.write_text('[progress]\nurl = "postgresql://class:s3cr@t@hub-db:5432/ccskills"\nretention_days = 90\n')
    monkeypatch.setenv("CCSKILLS_TRAINERS", "lihua")
    status, out, _ = cli(capsys, "where", "--lang", "en")
    assert status == 0 and "s3cr" not in out
    assert out.splitlines() == ["Progress store: postgresql://class:***@hub-db:5432/ccskills", "Retention: 90",
                                "Settings that applied (lowest precedence first):", f"  {user}",
                                "  env:CCSKILLS_TRAINERS"]


def test_cli_where_with_nothing_configured(cli_env, capsys):
    status, out, _ = cli(capsys, "where")
    assert status == 0 and out.splitlines() == [
        f"进度存储：sqlite:///{cli_env / 'data' / 'ccskills' / 'progress.sqlite3'}", "保留天数：不自动删除",
        "（没有设置文件或环境变量，使用默认值）"]


def test_cli_a_bad_config_file_is_one_sentence_and_exit_2(cli_env, capsys):
    user = cli_env / "config" / "ccskills" / "config.toml"
    user.parent.mkdir(parents=True)
    user.write_text("[progress]\nretention_days = -1\n")
    status, out, err = cli(capsys, "prune")
    assert (status, out) == (2, "")
    assert err.strip() == f"设置有误：{user} 中的 progress.retention_days 必须是大于等于 1 的整数天数（现在是 -1）。"


@pytest.mark.parametrize(("url", "status", "sentence"), [
    ("mysql://host/db", 2, "url must be a sqlite:/// or postgresql:// URL, got 'mysql://host/db'."),
    ("nonsense", 2, "nonsense is not a database URL; write sqlite:///path/to/file or postgresql://user@host/db."),
    ("postgresql://ann:pw@127.0.0.1:1/none", 1, "The progress store postgresql://ann:***@127.0.0.1:1/none "
                                                 "cannot be reached (OperationalError)."),
])
def test_cli_a_bad_or_unreachable_store_is_one_sentence(cli_env, capsys, url, status, sentence):
    got, out, err = cli(capsys, "export", str(cli_env / "c.jsonl"), "--url", url, "--lang", "en")
    assert (got, out, err.strip()) == (status, "", sentence)
