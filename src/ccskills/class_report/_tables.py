"""The trainer's tables, computed from :meth:`ProgressStore.attempts` (pandas in, DataFrames out).

Definitions (each a named choice):

- An attempt *counts* when its verdict is not ``not_attempted`` (pressing 检查 on a blank box is
  not a try).
- **Completion** of a set: questions answered correctly at least once ÷ questions in the set.
- **First try**: a trainee's earliest counting attempt at a question.
- **Started**: a trainee with at least one counting attempt (in the sets asked about).
- **Pre/post score**: each trainee's first counting answer per test item, scored per learning goal
  by :func:`ccskills.exercises.assessments.score_by_goal`; an item never answered counts as wrong.

Example, one trainee, two tries at one question:

>>> import pandas as pd
>>> attempts = pd.DataFrame({"trainee": ["ann", "ann"], "track": "workbook", "set": "ch02",
...     "question_id": "asa", "answer": ["12", "15"], "verdict": ["incorrect", "correct"],
...     "mistake": [None, None], "at": pd.to_datetime(["2026-01-05 09:00", "2026-01-05 09:01"], utc=True)})
>>> first_try(attempts)[["question_id", "tried", "correct_first", "share_first"]]
  question_id  tried  correct_first  share_first
0         asa      1              0          0.0
>>> completion(attempts, {("workbook", "ch02"): ["asa", "sl"]})[["trainee", "correct", "completion"]]
  trainee  correct  completion
0     ann        1         0.5
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

import pandas as pd

__all__ = ["ClassSummary", "class_report", "class_summary", "common_wrong_answers", "completion",
           "course_questions", "first_try", "not_started", "pre_post_by_goal", "write_class_report"]

QUESTION = ["track", "set", "question_id"]


def _counting(attempts: pd.DataFrame) -> pd.DataFrame:
    return attempts[attempts["verdict"] != "not_attempted"]


def course_questions() -> dict[tuple[str, str], list[str]]:
    """``(track, set) → question ids`` for every set of the kit: workbooks, pre/post tests, code track."""
    from importlib import import_module

    from ccskills.exercises import no_code_set
    from ccskills.exercises._registry import NO_CODE_SETS

    table = {("workbook", name): [q.id for q in no_code_set(name).questions] for name in NO_CODE_SETS}
    for name in NO_CODE_SETS:
        problems = getattr(_module(import_module, f"ccskills.exercises.{name}"), "PROBLEMS", None)
        if problems is not None:
            table[("code", name)] = [f"q{view.number}" for view in problems.views]
    return table


def _module(importer, name: str):
    try:
        return importer(name)
    except ImportError:  # a workbook without a code-track chapter
        return None


def completion(attempts: pd.DataFrame, questions: Mapping[tuple[str, str], Sequence[str]] | None = None
               ) -> pd.DataFrame:
    """Per trainee × (track, set): questions, attempted, correct and completion (correct ÷ questions).

    ``questions`` maps ``(track, set)`` to the set's question ids (default :func:`course_questions`);
    only sets a trainee has attempts in are listed.
    """
    questions = course_questions() if questions is None else questions
    rows = []
    for (trainee, track, set_name), group in attempts.groupby(["trainee", "track", "set"], sort=True):
        ids = set(questions.get((track, set_name), group["question_id"]))
        counted = _counting(group)
        tried = set(counted["question_id"]) & ids
        right = set(counted.loc[counted["verdict"] == "correct", "question_id"]) & ids
        rows.append((trainee, track, set_name, len(ids), len(tried), len(right), len(right) / len(ids)))
    return pd.DataFrame(rows, columns=["trainee", "track", "set", "questions", "attempted", "correct",
                                       "completion"])


def _first_tries(attempts: pd.DataFrame) -> pd.DataFrame:
    counted = _counting(attempts).sort_values("at", kind="stable")
    return counted.groupby(["trainee", *QUESTION], sort=False).head(1)


def first_try(attempts: pd.DataFrame) -> pd.DataFrame:
    """Per question: trainees who tried, how many were correct at their first try, and that share."""
    first = _first_tries(attempts).assign(right=lambda f: f["verdict"] == "correct")
    table = first.groupby(QUESTION, sort=True)["right"].agg(tried="size", correct_first="sum").reset_index()
    table["correct_first"] = table["correct_first"].astype("int64")
    table["share_first"] = table["correct_first"] / table["tried"]
    return table


class ClassSummary(NamedTuple):
    """The whole class at a glance: trainees started, counting attempts, share correct at first try."""

    started: int
    attempts: int
    first_try_share: float | None  # first tries answered correctly ÷ all first tries; None before any


def class_summary(attempts: pd.DataFrame) -> ClassSummary:
    """Trainees with a counting attempt, how many counting attempts, and the class's first-try share.

    >>> import pandas as pd
    >>> attempts = pd.DataFrame({"trainee": ["ann", "ann", "bob"], "track": "workbook", "set": "ch02",
    ...     "question_id": "asa", "verdict": ["incorrect", "correct", "correct"],
    ...     "at": pd.to_datetime(["2026-01-05 09:00", "2026-01-05 09:01", "2026-01-05 09:02"], utc=True)})
    >>> class_summary(attempts)
    ClassSummary(started=2, attempts=3, first_try_share=0.5)
    """
    counted = _counting(attempts)
    if counted.empty:
        return ClassSummary(0, 0, None)
    firsts = first_try(counted)
    share = float(firsts["correct_first"].sum() / firsts["tried"].sum())
    return ClassSummary(int(counted["trainee"].nunique()), len(counted), share)


def common_wrong_answers(attempts: pd.DataFrame, top: int = 3) -> pd.DataFrame:
    """Per question, its ``top`` commonest wrong answers: answer, attempts, trainees and mistake label.

    Answers are compared after trimming spaces; ties keep the answer first given.
    """
    if not isinstance(top, int) or top < 1:
        raise ValueError(f"top must be a whole number ≥ 1, got {top!r}")
    wrong = attempts[attempts["verdict"] == "incorrect"].sort_values("at", kind="stable")
    wrong = wrong.assign(answer=wrong["answer"].fillna("").str.strip())
    table = wrong.groupby([*QUESTION, "answer"], sort=False).agg(
        attempts=("trainee", "size"), trainees=("trainee", "nunique"),
        mistake=("mistake", lambda m: next((x for x in m if isinstance(x, str) and x), None)))
    table["mistake"] = table["mistake"].astype(object).where(table["mistake"].notna(), None)
    table = table.reset_index().sort_values([*QUESTION, "attempts"], ascending=[True] * 3 + [False],
                                             kind="stable")
    return table.groupby(QUESTION, sort=False).head(top).reset_index(drop=True)


def not_started(attempts: pd.DataFrame, roster: Iterable[str], sets: Iterable[str] | None = None
                ) -> pd.DataFrame:
    """The trainees of ``roster`` (in its order) with no counting attempt (in ``sets``, if given)."""
    if isinstance(roster, str):
        raise ValueError(f"roster must be a list of names, got {roster!r}")
    counted = _counting(attempts)
    if sets is not None:
        counted = counted[counted["set"].isin(list(sets))]
    started = set(counted["trainee"])
    return pd.DataFrame({"trainee": [name for name in dict.fromkeys(roster) if name not in started]})


def _answer_value(stored):
    """The answer as the page gave it: a JSON list of options back to a tuple, else the text."""
    if isinstance(stored, str) and stored.startswith("["):
        try:
            return tuple(json.loads(stored))
        except ValueError:
            return stored
    return stored


def _form_scores(first: pd.DataFrame, form: str, lang: str) -> pd.DataFrame:
    from ccskills.exercises.assessments import score_by_goal

    rows = []
    for trainee, group in first[first["set"] == form].groupby("trainee", sort=True):
        answers = {q: _answer_value(a) for q, a in zip(group["question_id"], group["answer"])}
        scores = score_by_goal(form, answers, lang=lang).reset_index()
        rows.append(scores.assign(trainee=trainee))
    columns = ["trainee", "goal", "learning_goal", "items", "correct", "share"]
    return pd.concat(rows)[columns] if rows else pd.DataFrame(columns=columns)


def pre_post_by_goal(attempts: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """Per trainee × learning goal: pre-test and post-test correct and share, and the gain (post − pre).

    A trainee who has not taken a form has NaN for it (not zero).
    """
    first = _first_tries(attempts[attempts["track"] == "workbook"])
    pre, post = (_form_scores(first, form, lang) for form in ("pretest", "posttest"))
    keys = ["trainee", "goal", "learning_goal"]
    table = pre.merge(post, on=keys, how="outer", suffixes=("_pre", "_post"))
    table = table.rename(columns={"items_pre": "pre_items", "correct_pre": "pre_correct",
                                  "share_pre": "pre_share", "items_post": "post_items",
                                  "correct_post": "post_correct", "share_post": "post_share"})
    table["gain"] = table["post_share"] - table["pre_share"]
    return table.sort_values(["trainee", "goal"], kind="stable").reset_index(drop=True)


def class_report(attempts: pd.DataFrame, roster: Iterable[str] = (),
                 questions: Mapping[tuple[str, str], Sequence[str]] | None = None,
                 lang: str = "zh") -> dict[str, pd.DataFrame]:
    """Every table above, by sheet name, plus the attempts themselves (times as UTC without zone)."""
    raw = attempts.assign(at=attempts["at"].dt.tz_convert("UTC").dt.tz_localize(None))
    return {"completion": completion(attempts, questions), "first_try": first_try(attempts),
            "wrong_answers": common_wrong_answers(attempts), "not_started": not_started(attempts, list(roster)),
            "pre_post": pre_post_by_goal(attempts, lang), "attempts": raw}


def write_class_report(path, attempts: pd.DataFrame, roster: Iterable[str] = (), *,
                       questions: Mapping[tuple[str, str], Sequence[str]] | None = None,
                       lang: str = "zh", overwrite: bool = False):
    """:func:`class_report` as an Excel workbook at ``path`` (answers kept as text, never formulas)."""
    from ccskills.io import write_excel

    formats = {"completion": {"completion": "0%"}, "first_try": {"share_first": "0%"},
               "pre_post": {"pre_share": "0%", "post_share": "0%", "gain": "+0%;-0%;0%"}}
    return write_excel(path, class_report(attempts, roster, questions, lang), overwrite=overwrite,
                       number_formats=formats)
