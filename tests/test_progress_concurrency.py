"""30 trainees answering at the same second: 30 processes × 50 attempts into one store.

On a real SQLite file (WAL) and on a throwaway PostgreSQL cluster: every process opens the
store itself (so 30 migrations race on the empty database), waits at a barrier, then records
50 attempts through the same :class:`Recorder` the exercises use, with its defaults (a check
waits at most 1 s; the background write up to 30 s), then waits until its attempts are written.
Exactly 1,500 rows must arrive, each attempt once; no trainee is told that progress is not
saved (a "database is locked" would surface as that notice); and a reader refreshing the
dashboard's tables meanwhile never errors. The figures are printed (run with ``-s``).
"""

from __future__ import annotations

import multiprocessing
import queue
import statistics
import time

import pytest
from pg_server import fresh_database, postgres_cluster

from ccskills.progress import ProgressStore
from ccskills.class_report import common_wrong_answers, first_try

WRITERS, ATTEMPTS = 30, 50


def _writer(url: str, index: int, barrier, results) -> None:
    """One trainee's kernel: open the store, wait for the others, record 50 answers."""
    from ccskills.exercises import Outcome, Status
    from ccskills.progress import Recorder

    try:
        ProgressStore(url).close()  # 30 processes open (and migrate) the new store at once
        record = Recorder(url, trainee=f"t{index:02d}")  # the trainees' defaults: 1 s wait, 30 s timeout
        right, wrong = Outcome(Status.CORRECT, "正确！"), Outcome(Status.INCORRECT, "不正确")
        barrier.wait(timeout=300)
        start, latencies, notices = time.time(), [], []
        for n in range(ATTEMPTS):
            began = time.perf_counter()
            said = record("ch02", f"q{n:02d}", str(n), right if n % 3 else wrong)
            latencies.append(time.perf_counter() - began)
            notices += [said] if said else []
        saved = record.flush(120)
        results.put((index, start, time.time(), latencies, notices, 0 if saved else len(record.pending), None))
    except Exception as exc:  # reported to the test, which fails naming it
        results.put((index, 0, 0, [], [], 0, repr(exc)))


def _run_class(url: str) -> tuple[list, int, float]:
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(WRITERS), context.Queue()
    workers = [context.Process(target=_writer, args=(url, i, barrier, results)) for i in range(WRITERS)]
    for worker in workers:
        worker.start()
    reader, reads, done = None, 0, []
    deadline = time.monotonic() + 600
    while len(done) < WRITERS and time.monotonic() < deadline:
        try:
            done.append(results.get(timeout=0.05))
            continue
        except queue.Empty:
            pass
        reader = reader or ProgressStore(url, timeout_s=3.0)
        attempts = reader.attempts()  # the dashboard refreshing while the class writes
        first_try(attempts), common_wrong_answers(attempts)
        reads += 1
    for worker in workers:
        worker.join(timeout=60)
    assert len(done) == WRITERS, f"only {len(done)} of {WRITERS} writers reported"
    wall = max(r[2] for r in done) - min(r[1] for r in done)
    return done, reads, wall


@pytest.fixture(scope="module")
def postgres_server():
    with postgres_cluster() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def class_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'class.sqlite3'}"
    return fresh_database(request.getfixturevalue("postgres_server"))


def test_thirty_writers_at_once_store_every_attempt_exactly_once(class_url):
    done, reads, wall = _run_class(class_url)
    assert [r[6] for r in done if r[6]] == []
    assert [n for r in done for n in r[4]] == []  # nobody was told progress is not saved
    assert sum(r[5] for r in done) == 0  # nothing left waiting in memory
    attempts = ProgressStore(class_url).attempts()
    assert len(attempts) == WRITERS * ATTEMPTS == 1500
    assert attempts["attempt_id"].is_unique
    per_question = attempts.groupby(["trainee", "question_id"]).size()
    assert len(per_question) == 1500 and set(per_question) == {1}
    assert sorted(attempts["trainee"].unique()) == [f"t{i:02d}" for i in range(WRITERS)]
    assert (attempts["verdict"] == "incorrect").sum() == WRITERS * 17  # n = 0, 3, …, 48 in each writer
    latencies = sorted(x for r in done for x in r[3])
    p50, p95 = statistics.median(latencies), latencies[int(0.95 * len(latencies))]
    print(f"\n{class_url.split(':')[0]}: {WRITERS}×{ATTEMPTS} attempts all stored in {wall:.2f} s = "
          f"{1500 / wall:.0f} attempts/s; check latency p50 {p50 * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
          f"max {latencies[-1] * 1000:.0f} ms; {reads} dashboard reads meanwhile")
