"""The recorder both tracks call: what each check stores, the notices, and the offline path.

Real parts: a SQLite file in a temporary folder, the kit's own ch02 code-track questions and
ch02 workbook page, and for the unreachable store a PostgreSQL URL on a closed local port.
"""

from __future__ import annotations

import socket
import time

import pytest

from ccskills.exercises import ProblemSet, Status
from ccskills.exercises import ch02
from ccskills.progress import ProgressStore, Recorder, recording_enabled
from ccskills.progress import recorder as recorder_module
from ccskills.workbooks import build_workbook


@pytest.fixture
def recording(tmp_path, monkeypatch):
    """Recording switched on, into a SQLite file here; the user's dirs pointed here too."""
    url = f"sqlite:///{tmp_path / 'class.sqlite3'}"
    monkeypatch.setenv("CCSKILLS_PROGRESS", "on")
    monkeypatch.setenv("CCSKILLS_PROGRESS_URL", url)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    monkeypatch.setattr(recorder_module, "_DEFAULT", None)
    return url


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens once the socket is closed


def test_recording_is_off_in_tests_unless_turned_on(monkeypatch):
    monkeypatch.delenv("CCSKILLS_PROGRESS", raising=False)
    assert not recording_enabled()  # pytest is not a Jupyter kernel
    assert build_workbook("ch02").recorder is None
    with pytest.raises(ValueError, match="CCSKILLS_PROGRESS must be one of"):
        recording_enabled({"CCSKILLS_PROGRESS": "sometimes"})


def test_the_code_track_records_each_check_with_its_mistake_and_hints(recording, monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_USER", "wangfang")
    problems = ProblemSet(ch02.QUESTIONS, name="ch02")
    q1 = problems.views[0]
    question = q1.question
    problems.bind(question.untouched_namespace())
    assert q1.check().status is Status.NOT_ATTEMPTED
    mistake, wrong = next(iter(question.mistake_namespaces()))
    problems.bind(wrong)
    q1.hint(), q1.hint()
    assert q1.check().message == mistake.feedback  # no notice: saved, and the hub names the trainee
    problems.bind(question.solution_namespace())
    assert q1.check().passed
    assert recorder_module.default_recorder().flush(10)
    frame = ProgressStore(recording).attempts()
    assert frame[["trainee", "set", "question_id", "verdict", "mistake", "hints", "track"]].values.tolist() == [
        ["wangfang", "ch02", "q1", "not_attempted", None, 0, "code"],
        ["wangfang", "ch02", "q1", "incorrect", mistake.feedback, 2, "code"],
        ["wangfang", "ch02", "q1", "correct", None, 2, "code"]]
    var = question.names()[0]
    assert frame["answer"].iloc[2] == recorder_module.answer_text(question.solution_namespace()[var])


def test_a_chapter_set_is_named_after_its_module():
    assert ch02.PROBLEMS.name == "ch02"
    with pytest.raises(ValueError, match="name must be a non-empty text such as 'ch02', got ''"):
        ProblemSet(ch02.QUESTIONS, name="")


def test_the_workbook_page_records_through_the_same_recorder(recording, monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_USER", "lilei")
    page = build_workbook("ch02", lang="en")
    assert isinstance(page.recorder, Recorder) and page.recorder is recorder_module.default_recorder()
    card = page.card("offered_load")
    card.show_hint()
    card.value = "3.8"
    card.check()
    card.value = "15.2"
    card.check()
    assert recorder_module.default_recorder().flush(10)
    frame = ProgressStore(recording).attempts()
    assert frame[["trainee", "set", "question_id", "answer", "verdict", "hints", "track"]].values.tolist() == [
        ["lilei", "ch02", "offered_load", "3.8", "incorrect", 1, "workbook"],
        ["lilei", "ch02", "offered_load", "15.2", "correct", 1, "workbook"]]
    assert frame["mistake"].iloc[0] == card.question.mistakes[0].feedback
    assert page.notice.value == "" and page.name_row.layout.display == "none"


def test_an_unset_name_is_said_once_and_the_page_asks_for_it(recording):
    page = build_workbook("ch02")
    assert page.name_row.layout.display == ""
    card = page.card("offered_load")
    card.value = "15.2"
    card.check()
    assert "还没有设置你的姓名" in page.notice.value and "unset:" in page.notice.value
    page.notice.value = ""
    card.check()
    assert page.notice.value == ""  # once per session
    page.name_row.name.value = "韩梅梅"
    page.name_row.save_name()
    assert page.name_row.layout.display == "none" and "韩梅梅" in page.notice.value
    card.check()
    assert recorder_module.default_recorder().flush(10)
    trainees = ProgressStore(recording).attempts()["trainee"].tolist()
    assert trainees[:2] == [trainees[0]] * 2 and trainees[0].startswith("unset:") and trainees[2] == "韩梅梅"


def test_a_blank_name_is_refused_on_the_page(recording):
    page = build_workbook("ch02", lang="en")
    page.name_row.name.value = "   "
    page.name_row.save_name()
    assert "must not be blank" in page.name_row.said.value and page.name_row.layout.display == ""


def test_an_unreachable_store_is_said_once_in_the_trainees_language_and_the_check_answers(
        recording, monkeypatch):
    monkeypatch.setenv("CCSKILLS_PROGRESS_URL", f"postgresql://nobody@127.0.0.1:{_closed_port()}/class")
    monkeypatch.setenv("JUPYTERHUB_USER", "wangfang")
    problems = ProblemSet(ch02.QUESTIONS, name="ch02")
    q1 = problems.views[0]
    problems.bind(q1.question.solution_namespace())
    started = time.monotonic()
    first = q1.check("en")
    assert first.passed and "your progress is not being saved" in first.message
    assert first.message.startswith("Correct!\n(Note:")
    second = q1.check("zh")
    assert second.passed and "进度" not in second.message  # said once
    assert time.monotonic() - started < 10  # bounded by the 3 s timeout, not retried at once
    assert len(recorder_module.default_recorder().pending) == 2  # kept for when the store is back


def test_a_broken_class_config_is_said_and_the_check_still_answers(recording, monkeypatch, tmp_path):
    bad = tmp_path / "class.toml"
    bad.write_text("[progress]\nretention_days = -3\n", encoding="utf-8")
    monkeypatch.setenv("CCSKILLS_CONFIG", str(bad))
    monkeypatch.delenv("CCSKILLS_PROGRESS_URL")
    monkeypatch.setenv("JUPYTERHUB_USER", "wangfang")
    problems = ProblemSet(ch02.QUESTIONS, name="ch02")
    q1 = problems.views[0]
    problems.bind(q1.question.solution_namespace())
    first = q1.check("en")
    assert first.passed and first.message.startswith("Correct!\n(Note: your progress is not being saved")
    assert "retention_days" in first.message and str(bad) in first.message  # says where and what
    assert "进度" not in q1.check("zh").message  # said once
    page = build_workbook("ch02", lang="zh")
    assert page.recorder is not None  # the workbook page is built, and its checks answer too


def test_attempts_wait_in_memory_and_are_stored_once_when_the_store_is_back(tmp_path):
    from ccskills.exercises import Outcome

    blocker = tmp_path / "class"  # a file where the store's folder should be: it cannot open
    blocker.write_text("")
    url = f"sqlite:///{blocker / 'class.sqlite3'}"
    record = Recorder(url, trainee="ann", retry_s=0.1)
    notices = [record("ch05", "wape", str(v), Outcome(Status.INCORRECT, "wrong", "zh")) for v in (1, 2)]
    assert "进度暂时没有保存" in notices[0] and notices[1] is None
    blocker.unlink()
    assert record("ch05", "wape", "10.6", Outcome(Status.CORRECT, "正确！", "zh")) is None
    assert record.flush(10)
    frame = ProgressStore(url).attempts()
    assert frame["answer"].tolist() == ["1", "2", "10.6"] and record.pending == []
    assert record("ch05", "mape", "3", Outcome(Status.CORRECT, "正确！", "zh")) is None
    assert record.flush(10)
    assert len(ProgressStore(url).attempts()) == 4


def test_a_thought_experiment_is_not_stored(tmp_path):
    from ccskills.exercises import Outcome

    url = f"sqlite:///{tmp_path / 'p.sqlite3'}"
    assert Recorder(url, trainee="ann")("ch02", "q9", None, Outcome(Status.UNCHECKED, "think")) is None
    assert ProgressStore(url).attempts().empty


def test_a_check_waits_at_most_wait_s_on_a_busy_store_and_the_attempt_lands_later(tmp_path):
    from ccskills.exercises import Outcome

    url = f"sqlite:///{tmp_path / 'p.sqlite3'}"
    store = ProgressStore(url)
    record = Recorder(url, trainee="ann", wait_s=0.3)
    with store.engine.connect().execution_options(write=True) as conn, conn.begin():
        conn.exec_driver_sql("DELETE FROM ccskills_attempts")  # hold the write lock for 2 s
        started = time.monotonic()
        said = record("ch05", "wape", "10.6", Outcome(Status.CORRECT, "正确！", "zh"))
        waited = time.monotonic() - started
        time.sleep(2 - waited)
    assert said is None and waited < 0.6  # busy is not "not saved", and the check did not wait for it
    assert record.flush(10) and store.attempts()["answer"].tolist() == ["10.6"]


@pytest.mark.parametrize("name", ["wait_s", "timeout_s", "retry_s"])
def test_recorder_waits_must_be_positive(name):
    with pytest.raises(ValueError, match=f"{name} must be a number of seconds > 0, got 0"):
        Recorder("sqlite://", **{name: 0})


def test_answers_are_stored_as_text():
    answer_text = recorder_module.answer_text
    assert answer_text(("甲", "乙")) == '["甲", "乙"]'
    assert answer_text(0.1 + 0.2) == "0.30000000000000004"
    import numpy as np
    assert answer_text(np.float64(2.0)) == "2"
    assert answer_text([1.5, 2]).startswith("[1.5, 2")


def _in_a_kernel(code: str, env: dict) -> str:
    """Run ``code`` in a real IPython kernel started with ``env``; what it printed."""
    from jupyter_client.manager import start_new_kernel

    manager, client = start_new_kernel(kernel_name="python3", env=env)
    try:
        printed = []
        client.execute_interactive(code, timeout=60, output_hook=lambda m: printed.append(
            m["content"].get("text", "") if m["msg_type"] == "stream" else ""))
        return "".join(printed).strip()
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def test_a_trainees_kernel_records_and_a_kernel_started_by_tests_does_not():
    import os

    code = "from ccskills.progress import recording_enabled; print(recording_enabled())"
    base = {k: v for k, v in os.environ.items() if k not in ("CCSKILLS_PROGRESS", "PYTEST_CURRENT_TEST")}
    assert _in_a_kernel(code, base) == "True"  # a notebook or Voila page: recorded by default
    assert _in_a_kernel(code, {**base, "PYTEST_CURRENT_TEST": "tests/x.py::t (setup)"}) == "False"


def test_a_missing_postgresql_server_fails_saying_how_to_install_it(monkeypatch):
    import pg_server

    monkeypatch.setattr(pg_server.glob, "glob", lambda pattern: [])
    with pytest.raises(pytest.fail.Exception, match=r"apt-get install -y postgresql"):
        pg_server.server_binaries()


def test_pre_and_post_test_pages_feed_the_score_per_learning_goal(recording, monkeypatch):
    from ccskills.class_report import pre_post_by_goal

    monkeypatch.setenv("JUPYTERHUB_USER", "ann")
    for form, entered in (("pretest", "right"), ("posttest", "wrong")):
        page = build_workbook(form)
        card = page.card("p01")  # learning goal 1, a single choice
        question = card.question
        card.value = question.answer if entered == "right" else next(
            c.zh for c in question.choices if c.zh != question.answer)
        card.check()
    assert recorder_module.default_recorder().flush(10)
    table = pre_post_by_goal(ProgressStore(recording).attempts()).set_index("goal")
    assert table.loc[1, ["pre_correct", "post_correct"]].tolist() == [1, 0]
    assert table.loc[2, ["pre_correct", "post_correct"]].tolist() == [0, 0]


def test_the_name_box_is_seen_only_while_the_name_is_unset(recording, monkeypatch):
    assert "请填写姓名" in build_workbook("ch02").visible_text()
    monkeypatch.setenv("JUPYTERHUB_USER", "ann")
    assert "请填写姓名" not in build_workbook("ch02").visible_text()


def test_the_code_track_says_once_how_to_set_the_name(recording):
    problems = ProblemSet(ch02.QUESTIONS, name="ch02")
    q1 = problems.views[0]
    problems.bind(q1.question.solution_namespace())
    said = q1.check("zh").message.split("\n", 1)[1]
    assert "unset:" in said and "from ccskills.progress import set_trainee" in said
    namespace = {}
    exec(said.split("`")[1].replace("你的姓名", "王芳"), namespace)  # the sentence's code works as written
    assert "\n" not in q1.check("zh").message
    assert recorder_module.default_recorder().identity().name == "王芳"


def test_a_recorder_keeps_the_store_configured_when_it_was_created(tmp_path, monkeypatch):
    from ccskills.exercises import Outcome

    first, later = (f"sqlite:///{tmp_path / name}" for name in ("first.sqlite3", "later.sqlite3"))
    monkeypatch.setenv("CCSKILLS_PROGRESS_URL", first)
    record = Recorder(trainee="ann")
    monkeypatch.setenv("CCSKILLS_PROGRESS_URL", later)  # e.g. a test's environment being restored
    record("ch05", "wape", "10.6", Outcome(Status.CORRECT, "正确！", "zh"))
    assert record.flush(10)
    assert len(ProgressStore(first).attempts()) == 1 and not (tmp_path / "later.sqlite3").exists()
