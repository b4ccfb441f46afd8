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
from ccskills.class_report.page import TrainerDashboard, build_trainer_dashboard, is_trainer
from ccskills.progress import ProgressStore

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
    return build_trainer_dashboard(lang, store=store, questions=QUESTIONS, environ=OFF_HUB, **options)


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
    assert "还没有人做前测或后测。" in page.visible_text()


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
    page = build_trainer_dashboard("en", environ=OFF_HUB, questions=QUESTIONS)
    assert "No trainee has submitted an answer yet." in page.visible_text()
    assert not any(tmp_path.rglob("*.sqlite3"))


def test_unreachable_store_names_host_never_password(monkeypatch):
    monkeypatch.setenv("CCSKILLS_PROGRESS_URL", "postgresql://trainer:s3cret@127.0.0.1:9/class")
    page = build_trainer_dashboard("zh", environ=OFF_HUB, questions=QUESTIONS)
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


def test_hub_user_not_listed_sees_no_data(store, monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_USER", "ann")
    monkeypatch.setenv("CCSKILLS_TRAINERS", "liwei, zhangmin")
    page = build_trainer_dashboard("zh", store=_Broken(), questions=QUESTIONS)  # never read
    assert status_text(page.status) == "只有培训师可以查看全班进度。"
    text = page.visible_text()
    assert "只有培训师可以查看全班进度。" in text and "bob" not in text and "刷新" not in text


def test_hub_trainer_listed_sees_the_class(store, monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_USER", "zhangmin")
    monkeypatch.setenv("CCSKILLS_TRAINERS", "liwei, zhangmin")
    assert build_trainer_dashboard("zh", store=store, questions=QUESTIONS).shown("started") == "3"


def test_trainer_rule():
    assert is_trainer({}) and is_trainer({"JUPYTERHUB_USER": " "})
    assert not is_trainer({"JUPYTERHUB_USER": "ann", "CCSKILLS_TRAINERS": ""})
    assert is_trainer({"JUPYTERHUB_USER": "ann", "CCSKILLS_TRAINERS": "ann"})


def test_refresh_button_and_auto_refresh_timer(store):
    page = _page(store)
    run = page.run
    store.record("eve", "ch02", "load", "15.2", True, track="workbook")
    page.timer.value += 1                      # a browser tick while auto-refresh is off: nothing read
    assert page.run == run and page.shown("started") == "3"
    page.refresh_button.click()
    assert page.run == run + 1 and page.shown("started") == "4"
    page.auto.value = True
    assert page.timer.playing and page.timer.interval == 30_000
    store.record("fay", "ch02", "load", "15.2", True, track="workbook")
    page.timer.value += 1                      # the browser's next tick
    assert page.run == run + 2 and page.shown("started") == "5"
    page.auto.value = False
    assert not page.timer.playing


def test_default_course_questions(store):
    page = build_trainer_dashboard("zh", store=store, environ=OFF_HUB)
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
