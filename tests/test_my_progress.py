"""我的进度 (My progress), headless, against a real SQLite store holding two trainees.

The store (one minute apart, in this order):

    ann  workbook s1 a  "1"  incorrect
    ann  workbook s1 a  "2"  correct
    ann  workbook s1 b  "9"  correct
    ann  workbook s1 c  (blank: pressed 检查 on an empty box, not an answer)
    ann  code     s1 q1 "5"  incorrect
    bob  workbook s1 a  "SECRET-BOB" correct
    bob  workbook s2 x  "7"  correct

with s1 holding a, b, c, d (workbook) and q1, q2 (code), s2 holding x, y. Every expected
figure is counted by hand from this list.
"""

from __future__ import annotations

import pandas as pd
import pytest

from ccskills.apps._common import status_text
from ccskills.class_report.my_progress import build_my_progress, trainee_sets
from ccskills.progress import ProgressStore

ROWS = [
    ("ann", "workbook", "s1", "a", "1", "incorrect"),
    ("ann", "workbook", "s1", "a", "2", "correct"),
    ("ann", "workbook", "s1", "b", "9", "correct"),
    ("ann", "workbook", "s1", "c", None, "not_attempted"),
    ("ann", "code", "s1", "q1", "5", "incorrect"),
    ("bob", "workbook", "s1", "a", "SECRET-BOB", "correct"),
    ("bob", "workbook", "s2", "x", "7", "correct"),
]
QUESTIONS = {("workbook", "s1"): ["a", "b", "c", "d"], ("workbook", "s2"): ["x", "y"],
             ("code", "s1"): ["q1", "q2"], ("code", "s2"): ["q1"]}
ANN = {"JUPYTERHUB_USER": "ann"}


@pytest.fixture
def store(tmp_path):
    store = ProgressStore(f"sqlite:///{tmp_path / 'class.sqlite3'}")
    start = pd.Timestamp("2026-03-02 01:00", tz="UTC")
    for minute, (trainee, track, set_name, question, answer, verdict) in enumerate(ROWS):
        store.record(trainee, set_name, question, answer, verdict, track=track,
                     at=(start + pd.Timedelta(minutes=minute)).to_pydatetime())
    yield store
    store.close()


def _page(store, lang="zh", environ=ANN, **options):
    return build_my_progress(lang, store=store, environ=environ, questions=QUESTIONS, **options)


def test_only_my_own_rows(store):
    page = _page(store)
    assert set(page.attempts["trainee"]) == {"ann"}
    text = page.visible_text()
    assert "bob" not in text and "SECRET-BOB" not in text


def test_per_set_answered_correct_first_try_and_left(store):
    table = trainee_sets(store.attempts(trainee="ann"), QUESTIONS)
    assert table.drop(columns="track").values.tolist() == [
        # set, questions, answered, correct, correct at first try, left
        ["s1", 4, 2, 2, 1, (3, 4)],   # a (✗ then ✓) and b (✓); c only a blank check, d untouched
        ["s2", 2, 0, 0, 0, (1, 2)],   # a workbook set I have not started is listed
        ["s1", 2, 1, 0, 0, (2,)],     # code track: q1 wrong once; s2's code set not listed (no attempt)
    ]


def test_page_shows_the_sets_and_cards(store):
    page = _page(store)
    assert page.shown("answered") == "3"       # a, b and code q1
    assert page.shown("first_try") == "33%"    # b right at the first try, of 3 answered
    shown = page.table("sets")
    assert list(shown.columns) == ["练习", "已作答 / 题目数", "已答对", "第一次就答对", "还没作答的题目（题号）"]
    assert shown.iloc[:, 1:].values.tolist() == [["2 / 4", 2, 1, "3、4"], ["0 / 2", 0, 0, "全部 2 题"],
                                                 ["1 / 2", 0, 0, "2"]]
    assert "你是：ann（JupyterHub 登录名）" in page.visible_text()
    assert page.name_row.layout.display == "none"   # on a hub the name is the login


def test_code_track_set_named_after_its_chapter(store):
    questions = {("workbook", "ch02"): ["offered_load"], ("code", "ch02"): ["q1", "q2"]}
    store.record("ann", "ch02", "q1", "16", True, track="code")
    zh = build_my_progress("zh", store=store, environ=ANN, questions=questions).table("sets")
    en = build_my_progress("en", store=store, environ=ANN, questions=questions).table("sets")
    assert zh.iloc[:, 0].tolist() == ["第 02 章 服务绩效指标：练习册", "第 02 章 服务绩效指标：代码练习"]
    assert en.iloc[1, 0] == "Chapter 02 Service performance metrics: code exercises"


def test_pre_and_post_test_per_learning_goal(tmp_path):
    from ccskills.exercises.assessments import POSTTEST, PRETEST
    from ccskills.progress import answer_text

    store = ProgressStore(f"sqlite:///{tmp_path / 'tests.sqlite3'}")
    right = {form.name: {q.id: answer_text(q.answer) for q in form.questions} for form in (PRETEST, POSTTEST)}
    for item in ("p01", "p02"):  # goal 1 = p01–p03: 2 of 3 before
        store.record("ann", "pretest", item, right["pretest"][item], True, track="workbook")
    for item in ("p01", "p02", "p03"):  # and 3 of 3 after
        store.record("ann", "posttest", item, right["posttest"][item], True, track="workbook")
    store.record("bob", "pretest", "p03", right["pretest"]["p03"], True, track="workbook")
    table = build_my_progress("en", store=store, environ=ANN).table("pre_post").set_index("Learning goal")
    assert table.loc["Know the contact centre's KPI families"].tolist() == ["67%", "100%", "+33%"]
    store.close()


def test_no_tests_is_a_sentence(store):
    assert "你还没有做课前测或课后测。" in _page(store).visible_text()


def test_nothing_answered_yet_is_a_friendly_sentence(store):
    page = _page(store, environ={"JUPYTERHUB_USER": "cy"})
    assert "你还没有提交过答案。打开一个练习册" in page.visible_text()
    assert page.shown("answered") == "0" and page.shown("first_try") == "—"


def test_missing_default_store_is_empty_and_not_created(tmp_path, monkeypatch):
    monkeypatch.delenv("CCSKILLS_PROGRESS_URL", raising=False)
    monkeypatch.delenv("CCSKILLS_CONFIG", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    page = build_my_progress("en", environ=ANN, questions=QUESTIONS)
    assert "You have not submitted an answer yet." in page.visible_text()
    assert not any(tmp_path.rglob("*.sqlite3"))


def test_a_broken_class_config_is_a_sentence_naming_file_and_key(tmp_path, monkeypatch):
    bad = tmp_path / "class.toml"
    bad.write_text("[progress]\nretention_days = -3\n", encoding="utf-8")
    monkeypatch.delenv("CCSKILLS_PROGRESS_URL", raising=False)
    monkeypatch.setenv("CCSKILLS_CONFIG", str(bad))
    page = build_my_progress("en", environ=ANN, questions=QUESTIONS)
    said = status_text(page.status)
    assert said.startswith("The class settings are wrong, so your progress cannot be read:")
    assert str(bad) in said and "progress.retention_days" in said
    assert "Traceback" not in page.visible_text()


class _Broken:
    url = "postgresql://trainer:s3cret@db.example.org/class"

    def attempts(self, trainee=None):
        raise OSError("connection reset")


def test_unreachable_store_is_a_sentence_without_password():
    page = _page(_Broken(), lang="en")
    assert status_text(page.status).startswith("The progress store (db.example.org) cannot be read.")
    assert "s3cret" not in page.visible_text() and "Traceback" not in page.visible_text()


def test_off_a_hub_the_name_is_set_once_on_the_page(store, tmp_path):
    folder = tmp_path / "config"
    page = _page(store, environ={}, config_dir=folder)
    assert page.name_row.layout.display == "" and "还没有设置你的姓名" in page.visible_text()
    page.name.value = "   "
    page.save.click()
    assert "姓名不能为空" in page.visible_text()
    page.name.value = "ann"
    page.save.click()
    assert page.name_row.layout.display == "none"
    assert "你是：ann（本机记住的姓名）" in page.visible_text() and page.shown("answered") == "3"
    assert (folder / "trainee.txt").read_text(encoding="utf-8").strip() == "ann"


def test_language_switch_relabels(store):
    page = _page(store)
    page.language.value = "en"
    text = page.visible_text()
    assert "My progress" in text and "我的进度" not in text
    assert list(page.table("sets").columns)[1] == "Answered / questions"
    assert page.table("sets").iloc[1, 4] == "all 2"


def test_refresh_shows_a_new_answer(store):
    page = _page(store)
    store.record("ann", "s1", "d", "4", True, track="workbook")
    page.refresh_button.click()
    assert page.table("sets").iloc[0, 1] == "3 / 4" and page.run == 2
