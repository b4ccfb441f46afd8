"""The answer store: one row per attempt, in SQLite by default or PostgreSQL on a hub.

``ProgressStore(url)`` opens (and creates or migrates) the store. ``url`` None means
``CCSKILLS_PROGRESS_URL`` when set, else a SQLite file in the user's data directory
(platformdirs). SQLite runs in WAL mode with a busy timeout, so several kernels of one machine
write at once; PostgreSQL gets connect and statement timeouts. Every wait is bounded by
``timeout_s`` (seconds).

>>> import tempfile, os
>>> store = ProgressStore("sqlite:///" + os.path.join(tempfile.mkdtemp(), "p.sqlite3"))
>>> store.record("王芳", "ch02", "offered_load", "15.2", "correct", hints=1)
>>> store.attempts()[["trainee", "set", "question_id", "answer", "verdict", "correct", "hints"]]
  trainee   set   question_id answer  verdict  correct  hints
0      王芳  ch02  offered_load   15.2  correct     True      1
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
try:
    import sqlalchemy  # noqa: F401
except ImportError as _err:  # a core install, without the course extra: say how to get it
    from ccskills._extras import needs_extra
    raise needs_extra(_err, __name__) from _err
from sqlalchemy import Engine, create_engine, delete, event, insert, select
from sqlalchemy.engine import make_url

from ccskills.progress._config import ENV_URL, default_url
from ccskills.progress._schema import TRACKS, VERDICTS, Attempt, migrate

__all__ = ["COLUMNS", "ENV_URL", "AttemptRow", "ProgressStore", "default_url"]

COLUMNS = ["attempt_id", "trainee", "set", "question_id", "answer", "verdict", "correct", "mistake",
           "hints", "track", "at"]
"""The columns of :meth:`ProgressStore.attempts`, in order."""
MAX_ANSWER = 2000


@dataclass(frozen=True)
class AttemptRow:
    """One attempt as written: the store's columns (``at`` is a UTC datetime)."""

    attempt_id: str
    trainee: str
    set: str
    question_id: str
    answer: str | None
    verdict: str
    mistake: str | None
    hints: int
    track: str
    at: datetime

    def values(self) -> dict:
        """The row for the ``ccskills_attempts`` table (``at`` stored as naive UTC)."""
        at = self.at.astimezone(timezone.utc).replace(tzinfo=None)
        return {"attempt_id": self.attempt_id, "trainee": self.trainee, "set_name": self.set,
                "question_id": self.question_id, "answer": self.answer, "verdict": self.verdict,
                "mistake": self.mistake, "hints": self.hints, "track": self.track, "at": at}


def verdict_of(verdict) -> str:
    """``verdict`` as stored: "correct", "incorrect" or "not_attempted" (a bool or Status also works).

    >>> verdict_of(True), verdict_of("incorrect")
    ('correct', 'incorrect')
    """
    if isinstance(verdict, bool):
        return "correct" if verdict else "incorrect"
    verdict = getattr(verdict, "value", verdict)
    if verdict not in VERDICTS:
        raise ValueError(f"verdict must be one of {VERDICTS} or a bool, got {verdict!r}")
    return verdict


def _text(name: str, value, limit: int) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name} must be a non-empty text, got {value!r}")
    if len(value) > limit:
        raise ValueError(f"{name} must be at most {limit} characters, got {value[:40]!r}…")
    return value


def make_row(trainee, set, question_id, answer, verdict, *, mistake=None, hints=0, track="code",
             at: datetime | None = None) -> AttemptRow:
    """An :class:`AttemptRow`, validated (``ValueError`` naming the parameter)."""
    if not isinstance(hints, int) or isinstance(hints, bool) or hints < 0:
        raise ValueError(f"hints must be a whole number ≥ 0, got {hints!r}")
    if track not in TRACKS:
        raise ValueError(f"track must be one of {TRACKS}, got {track!r}")
    if answer is not None and not isinstance(answer, str):
        raise ValueError(f"answer must be a text or None, got {answer!r}")
    at = at or datetime.now(timezone.utc)
    if at.tzinfo is None:
        raise ValueError(f"at must be a timezone-aware datetime, got {at!r}")
    return AttemptRow(uuid.uuid4().hex, _text("trainee", trainee, 200), _text("set", set, 64),
                      _text("question_id", question_id, 100),
                      None if answer is None else answer[:MAX_ANSWER], verdict_of(verdict),
                      mistake or None, hints, track, at)


def _row_from(record: dict) -> AttemptRow:
    """An :class:`AttemptRow` from one row of :meth:`ProgressStore.attempts` (validated again)."""
    at = pd.Timestamp(record["at"])
    at = at.tz_localize("UTC") if at.tzinfo is None else at
    row = make_row(record["trainee"], record["set"], record["question_id"], _none(record["answer"]),
                   record["verdict"], mistake=_none(record["mistake"]), hints=int(record["hints"]),
                   track=record["track"], at=at.to_pydatetime())
    return AttemptRow(**{**row.__dict__, "attempt_id": _text("attempt_id", record["attempt_id"], 32)})


def _none(value):
    return None if value is None or (isinstance(value, float) and value != value) else value


def _sqlite_engine(url, timeout_s: float) -> Engine:
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": timeout_s})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(timeout_s * 1000)}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # writers take the write lock up front, so no read-to-write deadlock
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")

    return engine


def _postgres_engine(url, timeout_s: float) -> Engine:
    options = f"-c statement_timeout={int(timeout_s * 1000)} -c lock_timeout={int(timeout_s * 1000)}"
    return create_engine(url, pool_pre_ping=True, pool_timeout=timeout_s,
                         connect_args={"connect_timeout": max(1, round(timeout_s)), "options": options})


def make_engine(url: str, timeout_s: float = 5.0) -> Engine:
    """An engine for ``url`` whose waits (lock, connect, statement) are bounded by ``timeout_s``."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed, timeout_s)
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        return _postgres_engine(parsed, timeout_s)
    raise ValueError(f"url must be a sqlite:/// or postgresql:// URL, got {url!r}")


class ProgressStore:
    """The attempts store at ``url`` (see the module docstring); created or migrated on opening.

    Parameters
    ----------
    url : str, optional
        A SQLAlchemy URL (``sqlite:///path``, ``postgresql://user@host/db``); default
        :func:`default_url`.
    timeout_s : float
        Longest wait, in seconds, for a lock, a connection or a statement.
    """

    def __init__(self, url: str | None = None, *, timeout_s: float = 5.0) -> None:
        if url is not None and not isinstance(url, str):
            raise ValueError(f"url must be a text such as 'sqlite:///progress.sqlite3', got {url!r}")
        if not (isinstance(timeout_s, (int, float)) and timeout_s > 0):
            raise ValueError(f"timeout_s must be a number of seconds > 0, got {timeout_s!r}")
        self.url = url or default_url()
        self.engine = make_engine(self.url, timeout_s)
        with self.engine.connect().execution_options(write=True) as conn, conn.begin():
            self.schema_version = migrate(conn)

    def __repr__(self) -> str:
        return f"ProgressStore({self.engine.url.render_as_string(hide_password=True)!r})"

    def record(self, trainee: str, set: str, question_id: str, answer: str | None, correct, *,
               mistake: str | None = None, hints: int = 0, track: str = "code",
               at: datetime | None = None) -> None:
        """Store one attempt; ``correct`` is a bool or a verdict ("correct", "incorrect", "not_attempted")."""
        self.write([make_row(trainee, set, question_id, answer, correct, mistake=mistake, hints=hints,
                             track=track, at=at)])

    def write(self, rows) -> None:
        """Store :class:`AttemptRow` items in one transaction (each ``attempt_id`` once)."""
        rows = list(rows)
        if not rows:
            return
        with self.engine.connect().execution_options(write=True) as conn, conn.begin():
            known = set(conn.execute(select(Attempt.attempt_id).where(
                Attempt.attempt_id.in_([r.attempt_id for r in rows]))).scalars())
            fresh = [r.values() for r in rows if r.attempt_id not in known]
            if fresh:
                conn.execute(insert(Attempt), fresh)

    def attempts(self, trainee: str | None = None) -> pd.DataFrame:
        """Every attempt (or ``trainee``'s only, for 我的进度), oldest first: :data:`COLUMNS`.

        ``at`` is in UTC; ``correct`` is a bool (verdict "correct").
        """
        table = Attempt.__table__
        columns = [table.c.set_name.label("set") if c == "set" else table.c[c]
                   for c in COLUMNS if c != "correct"]
        query = select(*columns).order_by(table.c.at, table.c.id)
        if trainee is not None:
            query = query.where(table.c.trainee == _text("trainee", trainee, 200))
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        frame = pd.DataFrame(rows, columns=[c for c in COLUMNS if c != "correct"])
        frame["at"] = pd.to_datetime(frame["at"]).dt.tz_localize("UTC")
        frame["hints"] = frame["hints"].astype("int64")
        for column in ("answer", "mistake"):  # missing text is None, as stored, not NaN
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
        frame.insert(COLUMNS.index("correct"), "correct", frame["verdict"] == "correct")
        return frame[COLUMNS]

    # ---------------------------------------------------------------- housekeeping
    def import_attempts(self, attempts: pd.DataFrame) -> int:
        """Add another store's :meth:`attempts` (a class carried from a laptop to a hub); rows added.

        Attempts already here (same ``attempt_id``) are skipped, so importing twice adds nothing.
        """
        missing = [c for c in COLUMNS if c not in attempts.columns]
        if missing:
            raise ValueError(f"attempts must have the columns {COLUMNS}, got one without {missing}")
        before = self.count()
        self.write([_row_from(record) for record in attempts[COLUMNS].to_dict("records")])
        return self.count() - before

    def delete_trainee(self, trainee: str) -> int:
        """Delete every attempt of ``trainee`` (on their request); the number of rows deleted."""
        _text("trainee", trainee, 200)
        return self._delete(Attempt.trainee == trainee)

    def delete_before(self, cutoff: datetime) -> int:
        """Delete attempts older than ``cutoff`` (a retention rule); the number of rows deleted."""
        if not isinstance(cutoff, datetime) or cutoff.tzinfo is None:
            raise ValueError(f"cutoff must be a timezone-aware datetime, got {cutoff!r}")
        return self._delete(Attempt.at < cutoff.astimezone(timezone.utc).replace(tzinfo=None))

    def _delete(self, condition) -> int:
        with self.engine.connect().execution_options(write=True) as conn, conn.begin():
            return conn.execute(delete(Attempt).where(condition)).rowcount

    def count(self) -> int:
        """How many attempts the store holds."""
        from sqlalchemy import func

        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(Attempt)).scalar_one()

    def close(self) -> None:
        """Release the store's connections."""
        self.engine.dispose()
