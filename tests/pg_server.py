"""A throwaway PostgreSQL cluster for the progress-store tests (Debian's postgresql package).

:func:`postgres_cluster` finds ``initdb`` and ``pg_ctl`` under ``/usr/lib/postgresql/*/bin``,
creates a cluster in a temporary directory, starts it on a free port of 127.0.0.1 (as the
``postgres`` user when run as root, since initdb refuses root), yields its SQLAlchemy URL, and
stops and deletes it afterwards. When the server is not installed the test fails with
:data:`INSTALL`, never a silent skip. :func:`fresh_database` gives each test its own database.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

INSTALL = ("PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin: "
           "install Debian's postgresql package (as root: apt-get install -y postgresql; `make test` "
           "does it when run as root) to run the progress store's PostgreSQL tests.")


def server_binaries() -> Path:
    """The newest ``/usr/lib/postgresql/<version>/bin`` holding initdb and pg_ctl; fails with INSTALL."""
    found = [Path(b) for b in glob.glob("/usr/lib/postgresql/*/bin")
             if (Path(b) / "initdb").exists() and (Path(b) / "pg_ctl").exists()]
    if not found:
        pytest.fail(INSTALL, pytrace=False)
    return max(found, key=lambda b: float(b.parent.name) if b.parent.name.replace(".", "").isdigit() else 0)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _runner(folder: Path) -> list[str]:
    """The command prefix that runs the server as an unprivileged user when we are root."""
    if os.geteuid() != 0:
        return []
    for user in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            entry = pwd.getpwnam(user)
            os.chown(folder, entry.pw_uid, entry.pw_gid)
            return ["runuser", "-u", user, "--"]
    pytest.fail("running as root and neither the 'postgres' nor the 'nobody' user exists to run PostgreSQL",
                pytrace=False)


def _run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")


@contextlib.contextmanager
def postgres_cluster() -> Iterator[str]:
    """Start a throwaway cluster; yield ``postgresql+psycopg://ccskills@127.0.0.1:<port>/postgres``."""
    binaries = server_binaries()
    folder = Path(tempfile.mkdtemp(prefix="ccskills-pg-"))
    run_as, port, data = _runner(folder), _free_port(), folder / "data"
    try:
        _run([*run_as, str(binaries / "initdb"), "-D", str(data), "-U", "ccskills", "--auth=trust",
              "-E", "UTF8", "--locale=C.UTF-8"])
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=200"
        _run([*run_as, str(binaries / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"),
              "-o", options, "-w", "-t", "60", "start"])
        yield f"postgresql+psycopg://ccskills@127.0.0.1:{port}/postgres"
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run([*run_as, str(binaries / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                           capture_output=True, timeout=120)
        shutil.rmtree(folder, ignore_errors=True)


def fresh_database(server_url: str) -> str:
    """Create an empty database on the cluster at ``server_url``; its URL."""
    import sqlalchemy

    name = "t_" + uuid.uuid4().hex[:12]
    engine = sqlalchemy.create_engine(server_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine.dispose()
    return server_url.rsplit("/", 1)[0] + "/" + name
