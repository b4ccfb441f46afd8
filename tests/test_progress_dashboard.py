"""The trainer's tables against hand-built attempt sets, with the expected values worked by hand.

The class below: dan only pressed Check on a blank box; ann, bob and cy answered three ch02
workbook questions; ann also did q1 of the code track. Each expectation is counted from that
list in the comments, not computed by the functions under test.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from ccskills.exercises.assessments import PAIRS, POSTTEST, PRETEST
from ccskills.progress import ProgressStore, answer_text
from ccskills.class_report import (common_wrong_answers, completion, course_questions, first_try,
                                         not_started, pre_post_by_goal)

M1, M2 = "时段是 900 秒。", "AHT 是分钟。"
CLASS = [  # trainee, track, question, answer, verdict, mistake; one minute apart, in this order
    ("dan", "workbook", "load", None, "not_attempted", None),
    ("ann", "workbook", "load", None, "not_attempted", None),
    ("ann", "workbook", "load", "3.8", "incorrect", M1),
    ("ann", "workbook", "load", "15.2", "correct", None),
    ("ann", "workbook", "asa", "12", "correct", None),
    ("bob", "workbook", "load", "15.2", "correct", None),
    ("bob", "workbook", "asa", "20", "incorrect", None),
    ("bob", "workbook", "asa", " 20 ", "incorrect", None),
    ("cy", "workbook", "load", "3.8", "incorrect", M1),
    ("cy", "workbook", "load", "60", "incorrect", M2),
    ("cy", "workbook", "asa", "12", "correct", None),
    ("ann", "code", "q1", "16.0", "correct", None),
]
QUESTIONS = {("workbook", "ch02"): ["load", "asa", "sl"], ("code", "ch02"): ["q1", "q2"]}


def _frame(rows, set_name="ch02") -> pd.DataFrame:
    start = pd.Timestamp("2026-03-02 01:00", tz="UTC")
    frame = pd.DataFrame(rows, columns=["trainee", "track", "question_id", "answer", "verdict", "mistake"])
    return frame.assign(set=set_name, at=[start + pd.Timedelta(minutes=i) for i in range(len(frame))])


@pytest.fixture
def attempts(tmp_path):
    """The class written to a real store and read back, as the dashboard will read it."""
    store = ProgressStore(f"sqlite:///{tmp_path / 'class.sqlite3'}")
    start = pd.Timestamp("2026-03-02 01:00", tz="UTC")
    for minute, (trainee, track, question, answer, verdict, mistake) in enumerate(CLASS):
        store.record(trainee, "ch02", question, answer, verdict, mistake=mistake, track=track,
                     at=(start + pd.Timedelta(minutes=minute)).to_pydatetime())
    return store.attempts()


def test_completion_per_trainee_and_set(attempts):
    table = completion(attempts, QUESTIONS)
    assert table.values.tolist() == [
        # trainee, track, set, questions, attempted (non-blank), correct at least once, correct ÷ questions
        ["ann", "code", "ch02", 2, 1, 1, 1 / 2],
        ["ann", "workbook", "ch02", 3, 2, 2, 2 / 3],   # load (3rd try), asa
        ["bob", "workbook", "ch02", 3, 2, 1, 1 / 3],   # load right; asa wrong twice
        ["cy", "workbook", "ch02", 3, 2, 1, 1 / 3],    # load wrong twice; asa right
        ["dan", "workbook", "ch02", 3, 0, 0, 0.0]]     # a blank check is not a try


def test_share_correct_at_first_try_skips_blank_checks(attempts):
    table = first_try(attempts)
    assert table.values.tolist() == [
        ["code", "ch02", "q1", 1, 1, 1.0],
        ["workbook", "ch02", "asa", 3, 2, 2 / 3],      # ann 12 ✓, bob 20 ✗, cy 12 ✓
        ["workbook", "ch02", "load", 3, 1, 1 / 3]]     # ann 3.8 ✗ (after a blank), bob ✓, cy 3.8 ✗


def test_commonest_wrong_answers_with_their_mistake_label(attempts):
    table = common_wrong_answers(attempts, top=2)
    assert table[["question_id", "answer", "attempts", "trainees", "mistake"]].values.tolist() == [
        ["asa", "20", 2, 1, None],      # bob twice (" 20 " is "20")
        ["load", "3.8", 2, 2, M1],      # ann and cy
        ["load", "60", 1, 1, M2]]       # cy
    assert common_wrong_answers(attempts, top=1)["answer"].tolist() == ["20", "3.8"]
    with pytest.raises(ValueError, match="top must be a whole number ≥ 1, got 0"):
        common_wrong_answers(attempts, top=0)


def test_who_has_not_started(attempts):
    roster = ["ann", "dan", "bob", "eve", "cy", "ann"]
    assert not_started(attempts, roster)["trainee"].tolist() == ["dan", "eve"]
    assert not_started(attempts, roster, sets=["ch05"])["trainee"].tolist() == ["ann", "dan", "bob", "eve", "cy"]
    with pytest.raises(ValueError, match="roster must be a list of names, got 'ann'"):
        not_started(attempts, "ann")


def test_course_questions_list_both_tracks():
    questions = course_questions()
    assert questions[("workbook", "pretest")] == [f"p{i:02d}" for i in range(1, 25)]
    assert questions[("code", "ch02")][:2] == ["q1", "q2"]
    assert ("code", "pretest") not in questions


def _item(form, number):
    return next(q for q in form.questions if q.id == f"p{number:02d}")


def _wrong(question):
    if question.kind == "number":
        return "0"
    return next(c.zh for c in question.choices if c.zh != question.answer)


def test_pre_post_score_per_learning_goal_counts_first_tries():
    right = lambda form, n: answer_text(_item(form, n).answer)  # noqa: E731 — the kit's reference answer
    rows = [  # trainee, form, item, answer, verdict (goal 1 = items 1–3, goal 2 = items 4–6)
        ("ann", "pretest", 1, right(PRETEST, 1), "correct"),
        ("ann", "pretest", 2, right(PRETEST, 2), "correct"),
        ("ann", "pretest", 3, right(PRETEST, 3), "correct"),
        ("ann", "pretest", 4, _wrong(_item(PRETEST, 4)), "incorrect"),
        ("ann", "posttest", 1, right(POSTTEST, 1), "correct"),
        ("ann", "posttest", 2, _wrong(_item(POSTTEST, 2)), "incorrect"),
        ("ann", "posttest", 2, right(POSTTEST, 2), "correct"),     # a second try does not count
        ("ann", "posttest", 3, None, "not_attempted"),
        ("ann", "posttest", 4, right(POSTTEST, 4), "correct"),
        ("bob", "pretest", 1, right(PRETEST, 1), "correct"),
    ]
    frames = [_frame([(t, "workbook", f"p{n:02d}", a, v, None)], set_name=form).assign(
        at=pd.Timestamp("2026-03-02 01:00", tz="UTC") + pd.Timedelta(minutes=i))
        for i, (t, form, n, a, v) in enumerate(rows)]
    table = pre_post_by_goal(pd.concat(frames, ignore_index=True), lang="en")
    items = {goal: sum(1 for g, *_ in PAIRS if g == goal) for goal in range(1, 10)}
    assert (items[1], items[2], sum(items.values())) == (3, 3, 24)
    ann = table[table["trainee"] == "ann"].set_index("goal")
    assert ann.loc[1, ["pre_correct", "pre_share", "post_correct"]].tolist() == [3, 1.0, 1]
    assert ann.loc[1, "gain"] == pytest.approx(1 / 3 - 1)
    assert ann.loc[2, ["pre_correct", "post_correct"]].tolist() == [0, 1]
    assert ann.loc[2, "gain"] == pytest.approx(1 / 3)
    assert ann.loc[9, ["pre_items", "pre_correct", "post_correct", "gain"]].tolist() == [2, 0, 0, 0.0]
    assert ann.loc[1, "learning_goal"] == "Know the contact centre's KPI families"
    bob = table[table["trainee"] == "bob"].set_index("goal")
    assert bob.loc[1, "pre_correct"] == 1 and math.isnan(bob.loc[1, "post_share"]) and math.isnan(bob.loc[1, "gain"])
    assert len(table) == 18  # 2 trainees × 9 goals


def test_pre_post_reads_several_ticked_options_back():
    question = _item(PRETEST, 3)
    assert question.kind == "multiple"
    frame = _frame([("ann", "workbook", "p03", answer_text(question.answer), "correct", None)], "pretest")
    table = pre_post_by_goal(frame)
    assert table.set_index("goal").loc[1, "pre_correct"] == 1


def test_an_empty_class_gives_empty_tables(tmp_path):
    empty = ProgressStore(f"sqlite:///{tmp_path / 'new.sqlite3'}").attempts()
    assert completion(empty, QUESTIONS).empty and first_try(empty).empty
    assert common_wrong_answers(empty).empty and pre_post_by_goal(empty).empty
    assert not_started(empty, ["ann"])["trainee"].tolist() == ["ann"]


def test_the_class_report_is_an_excel_workbook_with_every_table(attempts, tmp_path):
    from ccskills.class_report import write_class_report

    hostile = attempts.copy()
    hostile.loc[len(hostile) - 1, "answer"] = "=1+1"  # a trainee's answer must stay text in Excel
    path = write_class_report(tmp_path / "class.xlsx", hostile, ["ann", "eve"], questions=QUESTIONS)
    sheets = pd.read_excel(path, sheet_name=None)
    assert list(sheets) == ["completion", "first_try", "wrong_answers", "not_started", "pre_post", "attempts"]
    assert len(sheets["completion"]) == 5 and len(sheets["first_try"]) == 3
    assert sheets["not_started"]["trainee"].tolist() == ["eve"]
    assert len(sheets["attempts"]) == len(CLASS) and "=1+1" in sheets["attempts"]["answer"].iloc[-1]
    assert sheets["attempts"]["at"].iloc[0] == pd.Timestamp("2026-03-02 01:00")
    with pytest.raises(FileExistsError):
        write_class_report(tmp_path / "class.xlsx", attempts)
