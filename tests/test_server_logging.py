"""Unexpected errors in a calculator: the same one sentence on screen, the traceback in a log file.

Headless (tier 3): the calculator is built in this process, a core call is made to raise, and
the log file under ``CCSKILLS_LOG_DIR`` is read back.
"""

from __future__ import annotations

import logging

import pytest

import ccskills.apps._common as common
import ccskills.apps.erlang as erlang_app
from ccskills.apps import build_erlang_calculator
from ccskills.i18n import text


@pytest.fixture
def log_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CCSKILLS_LOG_DIR", str(tmp_path / "logs"))
    yield tmp_path / "logs"
    for handler in list(common._log.handlers):  # release the file for the next test
        common._log.removeHandler(handler)
        handler.close()


def _boom(*args, **kwargs):
    raise RuntimeError("solver exploded on purpose")


def test_an_unexpected_error_keeps_its_sentence_and_logs_the_traceback(log_dir, monkeypatch):
    app = build_erlang_calculator()
    monkeypatch.setattr(erlang_app, "solve", _boom)
    app.controls["calls"].value = 251  # any change recomputes
    # The sentence the calculator has always shown for an unexpected error (i18n "unexpected").
    assert app.status_text == text("unexpected", "zh", kind="RuntimeError")
    logged = (log_dir / "ccskills.log").read_text("utf-8")
    assert "erlang: compute" in logged
    assert "Traceback (most recent call last)" in logged
    assert "RuntimeError: solver exploded on purpose" in logged
    assert "_boom" in logged  # the frame that raised, not only the message


def test_a_bad_input_is_the_users_not_the_log_s(log_dir):
    app = build_erlang_calculator()
    app.controls["aht"].value = 0  # the library's ValueError naming a parameter
    assert app.status_text  # a sentence about the input
    assert not (log_dir / "ccskills.log").exists() or "aht" not in (log_dir / "ccskills.log").read_text("utf-8")


def test_an_unwritable_log_folder_loses_the_record_not_the_page(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CCSKILLS_LOG_DIR", str(blocker / "logs"))
    app = build_erlang_calculator()
    monkeypatch.setattr(erlang_app, "solve", _boom)
    app.controls["calls"].value = 252
    assert app.status_text == text("unexpected", "zh", kind="RuntimeError")


def test_the_log_is_bounded(log_dir, monkeypatch):
    monkeypatch.setattr(common, "LOG_BYTES", 4096)
    for handler in list(common._log.handlers):
        common._log.removeHandler(handler)
        handler.close()
    for i in range(200):
        try:
            raise RuntimeError(f"error number {i} " + "x" * 200)
        except RuntimeError as exc:
            common.log_unexpected(exc, "test: bounded")
    files = sorted(p.name for p in log_dir.iterdir())
    assert files == ["ccskills.log", "ccskills.log.1", "ccskills.log.2"]
    assert all((log_dir / name).stat().st_size <= 4096 + 2048 for name in files)
    assert "error number 199" in (log_dir / "ccskills.log").read_text("utf-8")


def test_log_records_never_reach_the_page_through_the_root_logger(log_dir, caplog):
    with caplog.at_level(logging.DEBUG):
        try:
            raise KeyError("x")
        except KeyError as exc:
            common.log_unexpected(exc, "test: root")
    assert not caplog.records
