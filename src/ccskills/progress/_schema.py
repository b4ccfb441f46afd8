"""The store's tables (SQLAlchemy 2.x models) and the versioned migrations that create them.

The schema table ``ccskills_schema`` holds one row, the version applied. :func:`migrate` runs,
in one transaction that only one process at a time can hold (SQLite ``BEGIN IMMEDIATE``,
PostgreSQL advisory lock), every step of :data:`MIGRATIONS` above that version. A later slice
adds steps to the list; nobody runs SQL by hand.
"""

from __future__ import annotations

from collections.abc import Callable

try:
    import sqlalchemy  # noqa: F401
except ImportError as _err:  # a core install, without the course extra: say how to get it
    from ccskills._extras import needs_extra
    raise needs_extra(_err, __name__) from _err
from sqlalchemy import (CheckConstraint, Connection, DateTime, Index, Integer, String, Text,
                        select, text)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = ["VERDICTS", "Attempt", "Base", "MIGRATIONS", "SCHEMA_VERSION", "SchemaVersion", "migrate",
           "schema_version"]

VERDICTS = ("correct", "incorrect", "not_attempted")
TRACKS = ("code", "workbook")
_LOCK_KEY = 0x63637370  # "ccsp": the advisory lock that serialises migrations on PostgreSQL


class Base(DeclarativeBase):
    """The store's declarative base."""


class SchemaVersion(Base):
    """The single row saying which migration the database has reached."""

    __tablename__ = "ccskills_schema"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)


class Attempt(Base):
    """One answer attempt: who, which question, what was answered, the verdict, when (UTC)."""

    __tablename__ = "ccskills_attempts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    attempt_id: Mapped[str] = mapped_column(String(32), unique=True, nullable=False)
    trainee: Mapped[str] = mapped_column(String(200), nullable=False)
    set_name: Mapped[str] = mapped_column(String(64), nullable=False)
    question_id: Mapped[str] = mapped_column(String(100), nullable=False)
    answer: Mapped[str | None] = mapped_column(Text)
    verdict: Mapped[str] = mapped_column(String(16), nullable=False)
    mistake: Mapped[str | None] = mapped_column(Text)
    hints: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    track: Mapped[str] = mapped_column(String(16), nullable=False)
    at: Mapped[object] = mapped_column(DateTime(timezone=False), nullable=False)  # UTC, naive

    __table_args__ = (
        CheckConstraint(f"verdict IN {VERDICTS}", name="ck_attempt_verdict"),
        CheckConstraint(f"track IN {TRACKS}", name="ck_attempt_track"),
        CheckConstraint("hints >= 0", name="ck_attempt_hints"),
        Index("ix_attempt_trainee_set", "trainee", "set_name"),
        Index("ix_attempt_question", "set_name", "question_id"),
    )


def _v1_attempts(conn: Connection) -> None:
    Attempt.__table__.create(conn)


MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _v1_attempts}
"""Version → the step that brings the schema from version − 1 to it."""
SCHEMA_VERSION = max(MIGRATIONS)


def schema_version(conn: Connection) -> int:
    """The version applied (0 for a database the kit has not touched)."""
    if not conn.dialect.has_table(conn, SchemaVersion.__tablename__):
        return 0
    return conn.execute(select(SchemaVersion.version)).scalar_one_or_none() or 0


def migrate(conn: Connection) -> int:
    """Bring the schema up to :data:`SCHEMA_VERSION` inside ``conn``'s transaction; the version."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
    SchemaVersion.__table__.create(conn, checkfirst=True)
    current = schema_version(conn)
    if current > SCHEMA_VERSION:
        raise RuntimeError(f"the progress store has schema version {current}, newer than this kit's "
                           f"{SCHEMA_VERSION}: update ccskills")
    for version in range(current + 1, SCHEMA_VERSION + 1):
        MIGRATIONS[version](conn)
    if current == 0:
        conn.execute(SchemaVersion.__table__.insert().values(id=1, version=SCHEMA_VERSION))
    elif current < SCHEMA_VERSION:
        conn.execute(SchemaVersion.__table__.update().values(version=SCHEMA_VERSION))
    return SCHEMA_VERSION
