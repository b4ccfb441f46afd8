"""Looking after a class's store: carry it to another machine, delete a trainee, apply a retention rule.

:func:`export_class` writes every attempt to a ``.jsonl`` file (JSON Lines: a header line, then one
attempt per line with its ``attempt_id`` and its UTC time to the microsecond), which
:func:`import_class` reads back exactly, into the same or another store: a class laptop's SQLite
file carried to the hub's PostgreSQL. Importing is idempotent (an ``attempt_id`` already in the
store is skipped) and all-or-nothing: every line is checked first, and a bad one is named by
line and column (:class:`ClassFileError`) with nothing written. A ``.xlsx`` export is for
reading only (text kept as text, never a formula).

>>> import os, tempfile
>>> from ccskills.progress import ProgressStore
>>> folder = tempfile.mkdtemp()
>>> laptop = ProgressStore("sqlite:///" + os.path.join(folder, "laptop.sqlite3"))
>>> laptop.record("王芳", "ch02", "q1", "15.2", True)
>>> export_class(laptop, os.path.join(folder, "class.jsonl"))
1
>>> hub = ProgressStore("sqlite:///" + os.path.join(folder, "hub.sqlite3"))
>>> import_class(hub, os.path.join(folder, "class.jsonl")), import_class(hub, os.path.join(folder, "class.jsonl"))
(ImportResult(added=1, skipped_duplicates=0), ImportResult(added=0, skipped_duplicates=1))
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import NamedTuple

from ccskills.progress._schema import SCHEMA_VERSION, TRACKS, VERDICTS
from ccskills.progress.store import COLUMNS, AttemptRow, make_row

__all__ = ["EXPORT_KIND", "ClassFileError", "ImportResult", "apply_retention", "delete_trainee",
           "export_class", "import_class"]

EXPORT_KIND = "ccskills-class-export"
"""The header line's ``format``: what marks a file as written by :func:`export_class`."""
FIELDS = [c for c in COLUMNS if c != "correct"]
"""The keys of each attempt line (``correct`` follows from ``verdict``)."""
_CHUNK = 500  # attempt ids looked up per query (SQLite allows a few thousand parameters)

_RULES = {  # column → what it must hold, (zh, en)
    "attempt_id": ("不超过 32 个字符的非空文字", "a non-empty text of at most 32 characters"),
    "trainee": ("不超过 200 个字符的非空文字", "a non-empty text of at most 200 characters"),
    "set": ("不超过 64 个字符的非空文字", "a non-empty text of at most 64 characters"),
    "question_id": ("不超过 100 个字符的非空文字", "a non-empty text of at most 100 characters"),
    "answer": ("文字或 null（最多 2000 个字符）", "a text (at most 2000 characters) or null"),
    "verdict": ("以下之一：" + "、".join(VERDICTS), "one of " + ", ".join(VERDICTS)),
    "mistake": ("文字或 null", "a text or null"),
    "hints": ("≥ 0 的整数", "a whole number ≥ 0"),
    "track": ("以下之一：" + "、".join(TRACKS), "one of " + ", ".join(TRACKS)),
    "at": ("带时区的 ISO 8601 时间，如 2026-03-02T01:30:00.000000+00:00",
           "an ISO 8601 time with its UTC offset, e.g. 2026-03-02T01:30:00.000000+00:00"),
}
_PROBLEMS = {  # problem → sentence, (zh, en); {file} {line} {column} {rule} {value} {detail} filled in
    "value": ("{file} 第 {line} 行的“{column}”必须是{rule}（现在是 {value}）。导入已取消，什么也没有写入。",
              "{file}, line {line}: \"{column}\" must be {rule}, got {value}. Nothing was imported."),
    "columns": ("{file} 第 {line} 行的列必须正好是 {rule}（{detail}）。导入已取消，什么也没有写入。",
                "{file}, line {line}: the columns must be exactly {rule} ({detail}). Nothing was imported."),
    "json": ("{file} 第 {line} 行不是有效的 JSON（{detail}）。导入已取消，什么也没有写入。",
             "{file}, line {line} is not valid JSON ({detail}). Nothing was imported."),
    "header": ("{file} 不是 `ccskills class export` 导出的 .jsonl 文件（第 1 行应是它写的文件头）。",
               "{file} is not a .jsonl file written by `ccskills class export` (line 1 must be its header)."),
    "newer": ("{file} 由更新版本的 ccskills 导出（数据结构版本 {value}），请先升级 ccskills。",
              "{file} was exported by a newer ccskills (schema version {value}); update ccskills first."),
    "truncated": ("{file} 不完整：文件头说有 {value} 条记录，实际读到 {detail} 条。请重新复制或导出。",
                  "{file} is incomplete: its header announces {value} attempts but {detail} were read. "
                  "Copy or export it again."),
    "conflict": ("{file} 第 {line} 行的 attempt_id {value} 已在第 {detail} 行出现且内容不同。导入已取消。",
                 "{file}, line {line}: attempt_id {value} already appears on line {detail} with different "
                 "content. Nothing was imported."),
    "suffix": ("{file} 的文件名必须以 {rule} 结尾。", "{file} must end in {rule}."),
    "unreadable": ("无法读取 {file}（{detail}）。", "{file} cannot be read ({detail})."),
}


class ClassFileError(ValueError):
    """A class file that cannot be imported (or a path that cannot be exported to), and where.

    ``problem`` names the sentence; ``line`` (1 = the header) and ``column`` say where; ``str(err)``
    is English and :meth:`message` words it in Chinese or English.
    """

    def __init__(self, problem: str, file, *, line: int | None = None, column: str | None = None,
                 value=None, rule: str | None = None, detail=None) -> None:
        self.problem, self.file, self.line, self.column = problem, str(file), line, column
        self.value, self.rule, self.detail = value, rule, detail
        super().__init__(self.message("en"))

    def message(self, lang: str = "zh") -> str:
        """One sentence in ``lang`` ("zh" or "en"; anything else gives Chinese)."""
        en = lang == "en"
        rule = self.rule
        if self.column in _RULES and self.problem == "value":
            rule = _RULES[self.column][1 if en else 0]
        sentence = _PROBLEMS[self.problem][1 if en else 0]
        return sentence.format(file=self.file, line=self.line, column=self.column, rule=rule,
                               value=self.value if self.problem in ("newer", "truncated") else repr(self.value),
                               detail=self.detail)


class ImportResult(NamedTuple):
    """What :func:`import_class` did: attempts added, and attempts skipped as already in the store."""

    added: int
    skipped_duplicates: int


# ---------------------------------------------------------------- export
def export_class(store, path, *, overwrite: bool = False) -> int:
    """Write every attempt of ``store`` to ``path`` (``.jsonl`` to carry, ``.xlsx`` to read); rows written.

    The file is written atomically; an existing one is replaced only with ``overwrite=True``
    (else ``FileExistsError``).
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".jsonl", ".xlsx"):
        raise ClassFileError("suffix", target, rule=".jsonl / .xlsx")
    attempts = store.attempts()
    if suffix == ".xlsx":
        return _export_excel(attempts, target, overwrite)
    from ccskills.io import atomic_path

    header = {"format": EXPORT_KIND, "schema_version": SCHEMA_VERSION, "attempts": len(attempts)}
    lines = [json.dumps(header)] + [json.dumps(_line(record), ensure_ascii=False)
                                    for record in attempts[FIELDS].to_dict("records")]
    with atomic_path(target, overwrite=overwrite) as tmp:
        tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(attempts)


def _line(record: dict) -> dict:
    at = record["at"].to_pydatetime().astimezone(timezone.utc)
    return {**record, "hints": int(record["hints"]), "at": at.isoformat(timespec="microseconds")}


def _export_excel(attempts, target: Path, overwrite: bool) -> int:
    from ccskills.io import write_excel

    table = attempts.assign(at=attempts["at"].dt.tz_convert("UTC").dt.tz_localize(None))
    write_excel(target, {"attempts": table.rename(columns={"at": "at (UTC)"})}, overwrite=overwrite)
    return len(attempts)


# ---------------------------------------------------------------- import
def import_class(store, path) -> ImportResult:
    """Add the attempts of a ``.jsonl`` class file to ``store``, skipping those already there.

    Every line is checked before anything is written (:class:`ClassFileError` names the line and
    the column); the new attempts are then written in one transaction, so a file is imported
    whole or not at all, and importing it again adds nothing.
    """
    rows = read_class_file(path)
    added = _write_new(store, rows)
    return ImportResult(added=added, skipped_duplicates=len(rows) - added)


def read_class_file(path) -> list[AttemptRow]:
    """The attempts of a ``.jsonl`` class file, each checked (see :func:`import_class`)."""
    source = Path(path)
    if source.suffix.lower() != ".jsonl":
        raise ClassFileError("suffix", source, rule=".jsonl")
    try:
        text = source.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise ClassFileError("unreadable", source, detail=getattr(err, "strerror", None) or "not UTF-8") from None
    lines = [(number, line) for number, line in enumerate(text.split("\n"), start=1) if line.strip()]
    if not lines:
        raise ClassFileError("header", source, line=1)
    expected = _check_header(source, *lines[0])
    rows, seen = [], {}
    for number, line in lines[1:]:
        row = _parse_row(source, number, line)
        if row.attempt_id in seen:
            first, earlier = seen[row.attempt_id]
            if earlier != row:
                raise ClassFileError("conflict", source, line=number, value=row.attempt_id, detail=first)
            continue
        seen[row.attempt_id] = (number, row)
        rows.append(row)
    if len(lines) - 1 != expected:
        raise ClassFileError("truncated", source, value=expected, detail=len(lines) - 1)
    return rows


def _check_header(source: Path, number: int, line: str) -> int:
    try:
        header = json.loads(line)
    except json.JSONDecodeError:
        header = None
    if not isinstance(header, dict) or header.get("format") != EXPORT_KIND \
            or not isinstance(header.get("attempts"), int) or not isinstance(header.get("schema_version"), int):
        raise ClassFileError("header", source, line=number)
    if header["schema_version"] > SCHEMA_VERSION:
        raise ClassFileError("newer", source, line=number, value=header["schema_version"])
    return header["attempts"]


def _parse_row(source: Path, number: int, line: str) -> AttemptRow:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise ClassFileError("json", source, line=number, detail=err.msg) from None
    if not isinstance(record, dict) or sorted(record) != sorted(FIELDS):
        keys = sorted(record) if isinstance(record, dict) else []
        detail = (f"missing {sorted(set(FIELDS) - set(keys))}, unknown {sorted(set(keys) - set(FIELDS))}"
                  if keys else "not an object")
        raise ClassFileError("columns", source, line=number, rule=", ".join(FIELDS), detail=detail)
    for column in FIELDS:
        if not _CHECKS[column](record[column]):
            raise ClassFileError("value", source, line=number, column=column, value=record[column])
    at = datetime.fromisoformat(record["at"])
    try:
        row = make_row(record["trainee"], record["set"], record["question_id"], record["answer"],
                       record["verdict"], mistake=record["mistake"], hints=record["hints"],
                       track=record["track"], at=at)
    except ValueError as err:  # a rule of the store's own that the checks above missed
        column = str(err).split(" ", 1)[0]
        raise ClassFileError("value", source, line=number, column=column, value=record.get(column)) from None
    return AttemptRow(**{**row.__dict__, "attempt_id": record["attempt_id"]})


def _text(limit: int, optional: bool = False):
    return lambda v: (optional and v is None) or (isinstance(v, str) and bool(v.strip()) and len(v) <= limit)


def _iso_time(value) -> bool:
    try:
        return isinstance(value, str) and datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


_CHECKS = {"attempt_id": _text(32), "trainee": _text(200), "set": _text(64), "question_id": _text(100),
           "answer": lambda v: v is None or (isinstance(v, str) and len(v) <= 2000),
           "verdict": lambda v: v in VERDICTS, "mistake": lambda v: v is None or isinstance(v, str),
           "hints": lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0,
           "track": lambda v: v in TRACKS, "at": _iso_time}


def _write_new(store, rows: list[AttemptRow]) -> int:
    """Insert the rows whose ``attempt_id`` the store lacks, in one transaction; how many."""
    from sqlalchemy import insert, select

    from ccskills.progress._schema import Attempt

    added = 0
    with store.engine.connect().execution_options(write=True) as conn, conn.begin():
        for start in range(0, len(rows), _CHUNK):
            chunk = rows[start:start + _CHUNK]
            known = set(conn.execute(select(Attempt.attempt_id).where(
                Attempt.attempt_id.in_([r.attempt_id for r in chunk]))).scalars())
            fresh = [r.values() for r in chunk if r.attempt_id not in known]
            if fresh:
                conn.execute(insert(Attempt), fresh)
            added += len(fresh)
    return added


# ---------------------------------------------------------------- deleting
def delete_trainee(store, name: str) -> int:
    """Delete every attempt of trainee ``name`` (on their request); the number deleted."""
    return store.delete_trainee(name)


def apply_retention(store, days: int, now: datetime | None = None) -> int:
    """Delete attempts older than ``days`` days before ``now`` (default: this moment); the number deleted.

    >>> apply_retention(None, 0)
    Traceback (most recent call last):
    ...
    ValueError: days must be a whole number of days ≥ 1, got 0
    """
    if not isinstance(days, int) or isinstance(days, bool) or days < 1:
        raise ValueError(f"days must be a whole number of days ≥ 1, got {days!r}")
    now = datetime.now(timezone.utc) if now is None else now
    if not isinstance(now, datetime) or now.tzinfo is None:
        raise ValueError(f"now must be a timezone-aware datetime, got {now!r}")
    return store.delete_before(now - timedelta(days=days))
