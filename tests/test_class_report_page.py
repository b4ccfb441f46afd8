"""The trainer dashboard page, headless, against a real SQLite store filled with a hand-built class.

The class (one minute apart, in this order; M1, M2 are mistake labels):

    ann  workbook load "3.8"  incorrect M1
    ann  workbook load "15.2" correct
    ann  workbook asa  "12"   correct
    bob  workbook load "15.2" correct
    bob  workbook asa  "20"   incorrect
    cy   workbook load "3.8"  incorrect M1
    cy   workbook load "60"   incorrect M2
    dan  workbook load (blank: pressed 检查 on an empty box, not counted)
    ann  code     q1   "16.0" correct

with ch02 holding load, asa, sl (workbook) and q1, q2 (code). Every expected figure below is
counted by hand from this list.
"""

from __future__ import annotations

import base64
import io
import re

import openpyxl
import pandas as pd
import pytest

from ccskills.apps._common import status_text
from ccskills.class_report.page import TrainerDashboard, build_trainer_dashboard, is_trainer, refresh_seconds
from ccskills.progress import ProgressStore
from ccskills.progress._config import load_config, passcode_hash
from test_class_report_access import hub  # noqa: F401  (the stand-in hub fixture, shared)

M1, M2 = "时段是 900 秒。", "AHT 是分钟。"
CLASS = [
    ("ann", "workbook", "load", "3.8", "incorrect", M1),
    ("ann", "workbook", "load", "15.2", "correct", None),
    ("ann", "workbook", "asa", "12", "correct", None),
    ("bob", "workbook", "load", "15.2", "correct", None),
    ("bob", "workbook", "asa", "20", "incorrect", None),
    ("cy", "workbook", "load", "3.8", "incorrect", M1),
    ("cy", "workbook", "load", "60", "incorrect", M2),
    ("dan", "workbook", "load", None, "not_attempted", None),
    ("ann", "code", "q1", "16.0", "correct", None),
]
QUESTIONS = {("workbook", "ch02"): ["load", "asa", "sl"], ("code", "ch02"): ["q1", "q2"]}
OFF_HUB: dict[str, str] = {}
NO_PASSCODE = load_config({}, paths=[])  # this machine's own class files are never read here


@pytest.fixture
def store(tmp_path):
    store = ProgressStore(f"sqlite:///{tmp_path / 'class.sqlite3'}")
    start = pd.Timestamp("2026-03-02 01:00", tz="UTC")
    for minute, (trainee, track, question, answer, verdict, mistake) in enumerate(CLASS):
        store.record(trainee, "ch02", question, answer, verdict, mistake=mistake, track=track,
                     at=(start + pd.Timedelta(minutes=minute)).to_pydatetime())
    yield store
    store.close()


def _page(store, lang="zh", **options) -> TrainerDashboard:
    options = {"environ": OFF_HUB, "config": NO_PASSCODE, **options}
    return build_trainer_dashboard(lang, store=store, questions=QUESTIONS, **options)


def test_cards_count_the_class(store):
    page = _page(store)
    assert page.shown("started") == "3"      # ann, bob, cy (dan only pressed 检查 on a blank box)
    assert page.shown("attempts") == "8"     # 9 rows less dan's blank one
    assert page.shown("first_try") == "50%"  # first tries: ann-load ✗, ann-asa ✓, bob-load ✓, bob-asa ✗,
    #                                          cy-load ✗, ann-q1 ✓ → 3 of 6
    assert "3 名学员，8 次作答" in page.status_text


def test_completion_per_trainee_and_set(store):
    table = _page(store).table("completion")
    assert list(table.columns) == ["学员", "ch02", "ch02 (代码)"]
    assert table.values.tolist() == [
        ["ann", "67%", "50%"],  # workbook: load, asa of 3; code: q1 of 2
        ["bob", "33%", "—"],    # load of 3; no code-track attempt
        ["cy", "0%", "—"],      # two wrong tries at load
        ["dan", "0%", "—"],     # a blank check: listed, nothing correct
    ]


def test_per_question_first_try_and_commonest_wrong_answer(store):
    table = _page(store).table("questions")
    assert table.values.tolist() == [
        # set, question, trainees, correct at first try, commonest wrong answer, times, mistake
        ["ch02 (代码)", "q1", 1, "100%", "—", "—", "—"],
        ["ch02", "asa", 2, "50%", "20", "1", "—"],      # ann ✓, bob ✗ "20"
        ["ch02", "load", 3, "33%", "3.8", "2", M1],     # bob ✓; "3.8" by ann and cy (M1), "60" once
    ]


def test_roster_lists_who_has_not_started(store):
    page = _page(store, roster=["ann", "bob", "dan", "eve"])
    assert page.table("not_started").iloc[:, 0].tolist() == ["dan", "eve"]  # dan's blank check is no start
    page.roster.value = "ann\n\n  cy \n"
    assert page.table("not_started").empty
    assert "名单上的学员都已开始。" in page.visible_text()


def test_without_roster_the_page_asks_for_one(store):
    assert "粘贴学员名单后" in _page(store).visible_text()


def test_no_pre_or_post_test_is_a_sentence(store):
    page = _page(store)
    assert page.table("pre_post").empty
    assert "还没有人做课前测或课后测。" in page.visible_text()


def test_excel_link_holds_every_table(store):
    page = _page(store, roster=["eve"])
    payload = re.search(r'base64,([^"]+)"', page.download.value).group(1)
    book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(payload)))
    assert book.sheetnames == ["completion", "first_try", "wrong_answers", "not_started", "pre_post", "attempts"]
    assert book["not_started"]["A2"].value == "eve"
    assert book["attempts"].max_row == 1 + len(CLASS)  # header + every stored row


def test_language_switch_relabels(store):
    page = _page(store)
    assert "完成情况" in page.visible_text()
    page.language.value = "en"
    text = page.visible_text()
    assert "Completion" in text and "完成情况" not in text
    assert list(page.table("completion").columns) == ["Trainee", "ch02", "ch02 (code)"]
    assert page.refresh_button.description == "Refresh"
    assert "3 trainees, 8 attempts" in page.status_text


def test_empty_store_says_so(tmp_path):
    page = _page(ProgressStore(f"sqlite:///{tmp_path / 'empty.sqlite3'}"))
    assert "还没有学员提交答案。" in page.visible_text()
    assert page.shown("started") == "0" and page.shown("first_try") == "—"
    assert page.download.value == ""


def test_missing_default_store_is_empty_and_not_created(tmp_path, monkeypatch):
    monkeypatch.delenv("CCSKILLS_PROGRESS_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))  # platformdirs' user data dir on Linux
    page = build_trainer_dashboard("en", environ=OFF_HUB, config=NO_PASSCODE, questions=QUESTIONS)
    assert "No trainee has submitted an answer yet." in page.visible_text()
    assert not any(tmp_path.rglob("*.sqlite3"))


def test_unreachable_store_names_host_never_password(monkeypatch):
    monkeypatch.setenv("CCSKILLS_PROGRESS_URL", "postgresql://trainer:s3cret@127.0.0.1:9/class")
    page = build_trainer_dashboard("zh", environ=OFF_HUB, config=NO_PASSCODE, questions=QUESTIONS)
    assert "无法读取进度库（127.0.0.1）" in page.status_text
    assert "s3cret" not in page.visible_text() and "Traceback" not in page.visible_text()


class _Broken:
    url = "postgresql://trainer:s3cret@db.example.org/class"

    def attempts(self):
        raise OSError("connection reset")


def test_store_failing_while_reading_is_a_sentence():
    page = _page(_Broken(), lang="en")
    assert "The progress store (db.example.org) cannot be read." in page.status_text
    assert "s3cret" not in page.visible_text()


def test_default_course_questions(store):
    page = build_trainer_dashboard("zh", store=store, environ=OFF_HUB, config=NO_PASSCODE)
    assert page.table("completion")["学员"].tolist() == ["ann", "bob", "cy", "dan"]


def test_pre_post_class_average_per_learning_goal(tmp_path):
    from ccskills.exercises.assessments import POSTTEST, PRETEST
    from ccskills.progress import answer_text

    def item(form, number):
        return next(q for q in form.questions if q.id == f"p{number:02d}")

    wrong_p02 = next(c.zh for c in item(POSTTEST, 2).choices if c.zh != item(POSTTEST, 2).answer)
    rows = [  # goal 1 = items p01–p03, goal 2 = p04–p06 (the kit's PAIRS)
        ("ann", "pretest", 1, answer_text(item(PRETEST, 1).answer), True),
        ("ann", "pretest", 2, answer_text(item(PRETEST, 2).answer), True),
        ("ann", "pretest", 3, answer_text(item(PRETEST, 3).answer), True),
        ("ann", "posttest", 1, answer_text(item(POSTTEST, 1).answer), True),
        ("ann", "posttest", 2, wrong_p02, False),
        ("bob", "pretest", 1, answer_text(item(PRETEST, 1).answer), True),
    ]
    store = ProgressStore(f"sqlite:///{tmp_path / 'tests.sqlite3'}")
    for trainee, form, number, answer, right in rows:
        store.record(trainee, form, f"p{number:02d}", answer, right, track="workbook")
    table = _page(store, lang="en").table("pre_post").set_index("Learning goal")
    goal1 = table.loc["Know the contact centre's KPI families"].tolist()
    # pre: ann 3/3, bob 1/3 → mean 2/3; post: ann 1/3 (bob none); gain: ann 1/3 − 1 (bob has no post-test)
    assert goal1 == ["67%", "33%", "-67%"]
    # goal 2: nobody answered p04–p06, every unanswered item counts wrong → 0% before and after
    assert table.loc["Service metrics and what distorts them"].tolist() == ["0%", "0%", "+0%"]
    store.close()


# ---------------------------------------------------------------- who may look
def test_hub_trainee_sees_a_sentence_and_a_link_to_my_progress(hub):
    page = build_trainer_dashboard("zh", store=_Broken(), questions=QUESTIONS, environ=hub.user("ann"),
                                   config=NO_PASSCODE)  # the store is never read
    assert status_text(page.status).startswith("只有讲师可以查看全班进度。")
    assert 'href="../workbooks/my_progress.ipynb"' in page.message.value
    text = page.visible_text()
    assert "我的进度" in text and "bob" not in text and "刷新" not in text and "无法读取" not in text
    assert not page.ticker.running


def test_hub_group_member_sees_the_class(store, hub):
    page = build_trainer_dashboard("zh", store=store, questions=QUESTIONS, config=NO_PASSCODE,
                                   environ=hub.user("liwei", groups=["trainers"]))
    assert page.shown("started") == "3" and page.access.reason == "hub_group"


def test_hub_admin_sees_the_class(store, hub):
    page = build_trainer_dashboard("en", store=store, questions=QUESTIONS, config=NO_PASSCODE,
                                   environ=hub.user("boss", admin=True))
    assert page.shown("attempts") == "8"


def test_hub_trainer_listed_sees_the_class(store, monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_USER", "zhangmin")
    monkeypatch.setenv("CCSKILLS_TRAINERS", "liwei, zhangmin")
    config = load_config(paths=[])  # CCSKILLS_TRAINERS from the environment
    assert build_trainer_dashboard("zh", store=store, questions=QUESTIONS, config=config).shown("started") == "3"


def test_hub_that_cannot_be_asked_shows_what_to_set():
    page = build_trainer_dashboard("en", store=_Broken(), questions=QUESTIONS, config=NO_PASSCODE,
                                   environ={"JUPYTERHUB_USER": "ann"})
    assert "JupyterHub could not be asked whether you are a trainer" in page.status_text
    assert "CCSKILLS_TRAINERS" in page.status_text and "Traceback" not in page.visible_text()


def test_trainer_rule():
    assert is_trainer({}, config=NO_PASSCODE) and is_trainer({"JUPYTERHUB_USER": " "}, config=NO_PASSCODE)
    assert not is_trainer({"JUPYTERHUB_USER": "ann"}, config=NO_PASSCODE)  # no hub to ask: no
    assert is_trainer({"JUPYTERHUB_USER": "ann"}, config=load_config({"CCSKILLS_TRAINERS": "ann"}, paths=[]))


def test_without_passcode_the_page_says_how_to_set_one(store):
    assert "ccskills class set-passcode" in _page(store).visible_text()


@pytest.fixture(scope="module")
def with_passcode(tmp_path_factory):
    path = tmp_path_factory.mktemp("class") / "class.toml"
    path.write_text(f'[class]\ntrainer_passcode = "{passcode_hash("课堂-2026", iterations=200_000)}"\n',
                    encoding="utf-8")
    return load_config({}, paths=[path])


def test_passcode_opens_the_class(store, with_passcode, tmp_path):
    page = _page(store, config=with_passcode, passcode_state=tmp_path / "tries.json")
    assert "请输入讲师口令" in page.status_text and page.data_box.layout.display == "none"
    assert "bob" not in page.visible_text() and "刷新" not in page.visible_text()
    page.enter.click()                          # an empty box is not counted as a try
    assert "请先输入讲师口令。" in page.visible_text()
    page.passcode.value = "课堂-2025"
    page.enter.click()
    assert "口令不对。还可以再试 4 次。" in page.visible_text() and page.passcode.value == ""
    page.passcode.value = "课堂-2026"
    page.enter.click()
    assert page.shown("started") == "3" and page.gate_row.layout.display == "none"
    assert "刷新" in page.visible_text()


def test_passcode_from_the_class_config_file(store, with_passcode, tmp_path, monkeypatch):
    path = tmp_path / "class.toml"
    path.write_text(f'[class]\ntrainer_passcode = "{with_passcode.trainer_passcode}"\n', encoding="utf-8")
    monkeypatch.setenv("CCSKILLS_CONFIG", str(path))
    page = build_trainer_dashboard("zh", store=store, questions=QUESTIONS, environ=None,
                                   passcode_state=tmp_path / "tries.json")  # config read as in Voila
    assert page.access.needs_passcode and page.try_passcode("课堂-2026") and page.shown("started") == "3"


def test_passcode_pauses_after_five_wrong_tries(store, with_passcode, tmp_path):
    page = _page(store, lang="en", config=with_passcode, passcode_state=tmp_path / "tries.json")
    for n in range(5):
        page.try_passcode(f"guess-{n}")
    assert "Too many wrong passcodes; try again in 60 s." in page.visible_text()
    assert page.try_passcode("课堂-2026") is False and page.data_box.layout.display == "none"
    again = _page(store, lang="en", config=with_passcode, passcode_state=tmp_path / "tries.json")
    assert again.try_passcode("课堂-2026") is False  # a reloaded page is paused too


def test_malformed_class_config_is_a_sentence(store, tmp_path, monkeypatch):
    bad = tmp_path / "class.toml"
    bad.write_text("[class]\ntrainer_group = 7\n", encoding="utf-8")
    monkeypatch.setenv("CCSKILLS_CONFIG", str(bad))
    page = build_trainer_dashboard("zh", store=store, questions=QUESTIONS, environ=None)
    assert status_text(page.status).startswith("班级设置有误") and "class.toml" in page.status_text
    assert page.data_box.layout.display == "none"


# ---------------------------------------------------------------- refreshing
def test_refresh_button(store):
    page = _page(store)
    run = page.run
    store.record("eve", "ch02", "load", "15.2", True, track="workbook")
    page.refresh_button.click()
    assert page.run == run + 1 and page.shown("started") == "4"


def test_auto_refresh_is_on_by_default_but_needs_an_event_loop(store):
    page = _page(store)
    assert page.auto.value and page.auto.description == "每 30 秒自动刷新"
    assert not page.ticker.running  # no event loop in a plain test: nothing ticks, nothing leaks


def _until(condition, timeout: float = 60.0):
    """Await ``condition()`` (polling the running loop), failing after ``timeout`` seconds."""
    import asyncio
    import time

    async def wait():
        deadline = time.monotonic() + timeout
        while not condition():
            assert time.monotonic() < deadline, "condition not met in time"
            await asyncio.sleep(0.02)
    return wait()


def test_auto_refresh_runs_on_the_event_loop_and_stops_when_unticked(store):
    import asyncio

    async def scenario():
        page = _page(store, refresh_s=0.05)
        assert page.ticker.running and page.auto.description == "每 0.05 秒自动刷新"
        store.record("eve", "ch02", "load", "15.2", True, track="workbook")
        await _until(lambda: page.shown("started") == "4")  # read by the timer, nobody pressed 刷新
        page.auto.value = False
        assert not page.ticker.running
        page.auto.value = True
        ticks = page.ticker.ticks
        await _until(lambda: page.ticker.ticks > ticks)
        page.close()
        assert not page.ticker.running

    asyncio.run(scenario())


class _Slow:
    """A store whose read waits until released (a read in progress)."""

    def __init__(self, store) -> None:
        import threading

        self.store, self.reading, self.release, self.reads = store, threading.Event(), threading.Event(), 0
        self.url = store.url

    def attempts(self, trainee=None):
        self.reads += 1
        if self.reads > 1:
            self.reading.set()
            assert self.release.wait(60)
        return self.store.attempts()


def test_reads_never_overlap(store):
    import asyncio

    async def scenario():
        slow = _Slow(store)
        page = _page(slow, refresh_s=0.05)
        await _until(slow.reading.is_set)        # a timer read is waiting on the store
        assert page.refresh() is False          # 刷新 meanwhile does not start a second read
        reads = slow.reads
        slow.release.set()
        await _until(lambda: page.ticker.ticks >= 1)
        assert slow.reads >= reads and page.refresh() is True
        page.close()

    asyncio.run(scenario())


def test_store_failing_during_auto_refresh_is_a_sentence(store):
    import asyncio

    async def scenario():
        page = _page(store, lang="en", refresh_s=0.05)
        page.store = _Broken()
        await _until(lambda: "cannot be read" in page.status_text)
        assert page.ticker.running and "Traceback" not in page.visible_text()
        page.store = store
        await _until(lambda: page.status_text.startswith("Updated"))  # and back when the store is
        page.close()

    asyncio.run(scenario())


def test_refresh_interval_from_the_environment_and_validated():
    assert refresh_seconds(None, {"CCSKILLS_DASHBOARD_REFRESH_S": " 2 "}) == 2.0
    assert refresh_seconds(5, {"CCSKILLS_DASHBOARD_REFRESH_S": "2"}) == 5.0
    with pytest.raises(ValueError, match=r"CCSKILLS_DASHBOARD_REFRESH_S must be a number of seconds > 0, got 'soon'"):
        refresh_seconds(None, {"CCSKILLS_DASHBOARD_REFRESH_S": "soon"})
    with pytest.raises(ValueError, match=r"refresh_s must be a number of seconds > 0, got 0"):
        refresh_seconds(0, {})
