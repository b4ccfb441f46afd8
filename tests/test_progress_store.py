"""The progress store on a real SQLite file and a real PostgreSQL server: schema, rows, identity.

Every store test runs twice: on a SQLite file in a temporary folder and on a fresh database of
a throwaway PostgreSQL cluster (tests/pg_server.py; the test fails saying how to install
PostgreSQL when its server binaries are missing).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pandas as pd
import pytest
import sqlalchemy
from pg_server import fresh_database, postgres_cluster

from ccskills.progress import COLUMNS, SCHEMA_VERSION, ProgressStore, default_url, set_trainee, trainee_identity
from ccskills.progress._schema import SchemaVersion, schema_version
from ccskills.progress.identity import name_file


@pytest.fixture(scope="module")
def postgres_server():
    with postgres_cluster() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'progress.sqlite3'}"
    return fresh_database(request.getfixturevalue("postgres_server"))


def test_a_new_store_is_created_at_the_current_schema_version(store_url):
    store = ProgressStore(store_url)
    with store.engine.connect() as conn:
        assert schema_version(conn) == SCHEMA_VERSION == 1
        assert conn.execute(sqlalchemy.select(sqlalchemy.func.count()).select_from(SchemaVersion)).scalar() == 1
    assert store.attempts().columns.tolist() == COLUMNS and store.attempts().empty
    ProgressStore(store_url).record("ann", "ch02", "q1", "1", True)  # reopening migrates nothing
    assert len(ProgressStore(store_url).attempts()) == 1


def test_attempts_round_trip_with_chinese_text_verdicts_and_utc_times(store_url):
    store = ProgressStore(store_url)
    at = datetime(2026, 3, 2, 9, 30, tzinfo=timezone(timedelta(hours=8)))  # 09:30 in Beijing = 01:30 UTC
    store.record("王芳", "ch02", "offered_load", "3.8", "incorrect", mistake="时段是 900 秒。", hints=2,
                 track="workbook", at=at)
    store.record("王芳", "ch02", "offered_load", "15.2", True, track="workbook",
                 at=at + timedelta(minutes=1))
    store.record("李雷", "ch02", "q1", None, "not_attempted", at=at + timedelta(minutes=2))
    frame = store.attempts()
    assert frame[["trainee", "set", "question_id", "answer", "verdict", "correct", "mistake", "hints", "track"]
                 ].values.tolist() == [
        ["王芳", "ch02", "offered_load", "3.8", "incorrect", False, "时段是 900 秒。", 2, "workbook"],
        ["王芳", "ch02", "offered_load", "15.2", "correct", True, None, 0, "workbook"],
        ["李雷", "ch02", "q1", None, "not_attempted", False, None, 0, "code"]]
    assert frame["at"].iloc[0] == pd.Timestamp("2026-03-02 01:30", tz="UTC")
    assert frame["attempt_id"].is_unique


def test_rewriting_the_same_attempts_stores_each_once(store_url):
    from ccskills.progress.store import make_row

    store = ProgressStore(store_url)
    rows = [make_row("ann", "ch05", f"q{i}", str(i), True) for i in range(3)]
    store.write(rows[:2])
    store.write(rows)  # a retry after a lost acknowledgement
    assert sorted(store.attempts()["question_id"]) == ["q0", "q1", "q2"]


@pytest.mark.parametrize(("field", "value", "message"), [
    ("verdict", "maybe", "verdict must be one of"),
    ("hints", -1, "hints must be a whole number ≥ 0, got -1"),
    ("trainee", "  ", "trainee must be a non-empty text, got '  '"),
    ("track", "paper", "track must be one of"),
    ("answer", 15.2, "answer must be a text or None, got 15.2"),
    ("at", datetime(2026, 1, 1), "at must be a timezone-aware datetime"),
])
def test_bad_attempts_are_refused_naming_the_parameter(tmp_path, field, value, message):
    store = ProgressStore(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    given = {"trainee": "ann", "verdict": "correct", "hints": 0, "track": "code", "answer": "1", "at": None}
    given[field] = value
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        store.record(given["trainee"], "ch02", "q1", given["answer"], given["verdict"], hints=given["hints"],
                     track=given["track"], at=given["at"])
    assert store.attempts().empty


def test_a_store_newer_than_the_kit_is_refused(store_url):
    store = ProgressStore(store_url)
    with store.engine.begin() as conn:
        conn.execute(SchemaVersion.__table__.update().values(version=SCHEMA_VERSION + 1))
    with pytest.raises(RuntimeError, match="newer than this kit's"):
        ProgressStore(store_url)


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    store = ProgressStore(f"sqlite:///{tmp_path / 'p.sqlite3'}", timeout_s=2.5)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 2500


def test_default_store_is_a_sqlite_file_in_the_user_data_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("CCSKILLS_PROGRESS_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    store = ProgressStore()
    store.record("ann", "ch02", "q1", "1", True)
    assert store.url == f"sqlite:///{tmp_path / 'data' / 'ccskills' / 'progress.sqlite3'}"
    assert (tmp_path / "data" / "ccskills" / "progress.sqlite3").exists()


def test_the_url_comes_from_the_environment_when_set(tmp_path):
    url = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    assert default_url({"CCSKILLS_PROGRESS_URL": url}) == url


def test_a_plain_postgresql_url_uses_psycopg(postgres_server):
    url = fresh_database(postgres_server).replace("postgresql+psycopg://", "postgresql://")
    store = ProgressStore(url)
    assert store.engine.url.drivername == "postgresql+psycopg"


@pytest.mark.parametrize(("url", "message"), [
    (42, "url must be a text such as 'sqlite:///progress.sqlite3', got 42"),
    ("mysql://host/db", "url must be a sqlite:/// or postgresql:// URL, got 'mysql://host/db'"),
])
def test_bad_urls_are_refused_naming_the_parameter(url, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        ProgressStore(url)


# ------------------------------------------------------------------ identity
def test_the_hub_user_names_the_trainee(tmp_path):
    set_trainee("王芳", config_dir=tmp_path)
    who = trainee_identity(environ={"JUPYTERHUB_USER": "wangfang"}, config_dir=tmp_path)
    assert (who.name, who.source, who.is_set) == ("wangfang", "hub", True)


def test_a_name_set_once_is_remembered_in_the_user_config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    set_trainee("  王   芳 ")
    assert name_file() == tmp_path / "ccskills" / "trainee.txt"
    assert trainee_identity(environ={}).name == "王 芳"


def test_an_unset_name_is_labelled_unset_with_login_and_host(tmp_path):
    import getpass
    import socket

    who = trainee_identity(environ={}, config_dir=tmp_path)
    assert who.name == f"unset:{getpass.getuser()}@{socket.gethostname()}"
    assert (who.source, who.is_set) == ("unset", False)


@pytest.mark.parametrize("name", ["", "   ", None, "x" * 101, "unset:me"])
def test_bad_names_are_refused_naming_the_parameter(tmp_path, name):
    with pytest.raises(ValueError, match="name must be"):
        set_trainee(name, config_dir=tmp_path)
    assert not name_file(tmp_path).exists()


# ------------------------------------------------------------------ housekeeping
def _class(store):
    at = datetime(2026, 3, 2, 1, 0, tzinfo=timezone.utc)
    for day, trainee in enumerate(["ann", "bob", "ann"]):
        store.record(trainee, "ch02", "q1", "16", day % 2 == 0, mistake=None if day else "AHT 是分钟",
                     hints=day, at=at + timedelta(days=day))


def test_a_class_carried_to_another_store_arrives_once(store_url, tmp_path):
    laptop = ProgressStore(f"sqlite:///{tmp_path / 'laptop.sqlite3'}")
    _class(laptop)
    hub = ProgressStore(store_url)
    assert hub.import_attempts(laptop.attempts()) == 3
    assert hub.import_attempts(laptop.attempts()) == 0  # importing twice adds nothing
    pd.testing.assert_frame_equal(hub.attempts(), laptop.attempts())
    with pytest.raises(ValueError, match="attempts must have the columns"):
        hub.import_attempts(laptop.attempts().drop(columns="verdict"))


def test_deleting_one_trainee_and_a_retention_cutoff(store_url):
    store = ProgressStore(store_url)
    _class(store)
    assert store.attempts(trainee="ann")["hints"].tolist() == [0, 2]  # 我的进度: one trainee's rows only
    assert store.delete_before(datetime(2026, 3, 3, 1, 0, tzinfo=timezone.utc)) == 1  # ann's first day
    assert store.delete_trainee("ann") == 1
    assert store.attempts()["trainee"].tolist() == ["bob"] and store.count() == 1
    with pytest.raises(ValueError, match="cutoff must be a timezone-aware datetime"):
        store.delete_before(datetime(2026, 3, 3))
