"""The course evaluation form (课程评估表, reaction level): Likert items, a response, a summary.

Reaction level in Kirkpatrick's four levels (reaction, learning, behaviour, results): how the
trainees judged the course. Eight statements in four areas (content 内容, pace 节奏,
trainer 讲师, relevance 相关性), each rated on a 1–5 agreement scale, plus two open questions.
Learning (level 2) is the pre-test / post-test of :mod:`ccskills.exercises.assessments`.

>>> r = EvaluationResponse({item.id: 4 for item in EVALUATION_ITEMS}, {"most_useful": "Erlang"})
>>> s = summarize_evaluations([r, r])
>>> float(s.items.loc["pace_right", "mean"]), s.comments["text"].tolist()
(4.0, ['Erlang', 'Erlang'])
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

import pandas as pd

from ccskills._validation import check_lang

__all__ = ["AREAS", "COMMENT_QUESTIONS", "EVALUATION_ITEMS", "LIKERT_LABELS", "EvaluationItem",
           "EvaluationResponse", "EvaluationSummary", "summarize_evaluations"]


class EvaluationItem(NamedTuple):
    """One rated statement: its id, area and wording in Chinese and English."""

    id: str
    area: str
    zh: str
    en: str

    def text(self, lang: str = "zh") -> str:
        """The statement in ``lang``."""
        return self.en if check_lang(lang) == "en" else self.zh


AREAS: dict[str, tuple[str, str]] = {
    "content": ("内容 (content)", "Content"),
    "pace": ("节奏 (pace)", "Pace"),
    "trainer": ("讲师 (trainer)", "Trainer"),
    "relevance": ("相关性 (relevance)", "Relevance"),
}
"""The four areas of the form, in the order the form shows them."""

EVALUATION_ITEMS: tuple[EvaluationItem, ...] = (
    EvaluationItem("content_clear", "content", "课程内容清楚、有条理", "The content was clear and well organised"),
    EvaluationItem("content_realistic", "content", "案例和数据贴近客服中心的实际",
                   "The cases and data were true to a contact centre"),
    EvaluationItem("pace_right", "pace", "讲课的节奏合适，我跟得上", "The pace was right; I could keep up"),
    EvaluationItem("practice_time", "pace", "练习和讨论的时间足够", "There was enough time for exercises and discussion"),
    EvaluationItem("trainer_clear", "trainer", "讲师讲解清楚，能回答我们的问题",
                   "The trainer explained clearly and answered our questions"),
    EvaluationItem("trainer_engaging", "trainer", "讲师调动了讨论和练习", "The trainer got us discussing and practising"),
    EvaluationItem("relevant_to_job", "relevance", "内容和我的工作相关", "The content is relevant to my job"),
    EvaluationItem("will_apply", "relevance", "回去 30 天内我会用上至少一项内容",
                   "I will use at least one thing from the course within 30 days"),
)
"""The rated statements, grouped by area."""

LIKERT_LABELS: dict[int, tuple[str, str]] = {
    1: ("非常不同意", "Strongly disagree"),
    2: ("不同意", "Disagree"),
    3: ("一般", "Neutral"),
    4: ("同意", "Agree"),
    5: ("非常同意", "Strongly agree"),
}
"""The 1–5 agreement scale (Likert), each point labelled."""

COMMENT_QUESTIONS: dict[str, tuple[str, str]] = {
    "most_useful": ("这门课对你最有用的一点是什么？", "What was most useful to you?"),
    "improve": ("最需要改进的一点是什么？", "What should be improved first?"),
}
"""The open questions (意见和建议), answered in free text."""

_ITEM_IDS = {item.id for item in EVALUATION_ITEMS}


@dataclass(frozen=True)
class EvaluationResponse:
    """One trainee's filled-in form: ``ratings`` (item id → 1..5, or None when skipped) and ``comments``.

    Unknown ids, a rating outside 1..5 or a non-text comment raise ``ValueError`` naming the field.
    ``respondent`` is empty for an anonymous form.
    """

    ratings: Mapping[str, int | None]
    comments: Mapping[str, str] = field(default_factory=dict)
    respondent: str = ""

    def __post_init__(self) -> None:
        for key, value in dict(self.ratings).items():
            if key not in _ITEM_IDS:
                raise ValueError(f"ratings must use the form's item ids, got {key!r}")
            if value is not None and (isinstance(value, bool) or value not in LIKERT_LABELS):
                raise ValueError(f"ratings[{key!r}] must be 1, 2, 3, 4 or 5, got {value!r}")
        for key, value in dict(self.comments).items():
            if key not in COMMENT_QUESTIONS:
                raise ValueError(f"comments must use the form's question ids, got {key!r}")
            if not isinstance(value, str):
                raise ValueError(f"comments[{key!r}] must be text, got {value!r}")

    def missing(self) -> list[str]:
        """Ids of the items this response did not rate, in the form's order."""
        return [item.id for item in EVALUATION_ITEMS if self.ratings.get(item.id) is None]


@dataclass(frozen=True)
class EvaluationSummary:
    """The class's reaction: ``items`` (per item: area, text, n, mean, counts of 1..5),
    ``areas`` (mean per area over all its ratings) and ``comments`` (question, text; blanks dropped)."""

    responses: int
    items: pd.DataFrame
    areas: pd.DataFrame
    comments: pd.DataFrame


def summarize_evaluations(responses: Iterable[EvaluationResponse], lang: str = "zh") -> EvaluationSummary:
    """Means per item and per area, the distribution of 1..5 per item, and the comments list.

    A skipped item counts in neither its n nor its mean; an item nobody rated has mean NaN.
    Texts are in ``lang`` ("zh" or "en").
    """
    check_lang(lang)
    responses = list(responses)
    for i, response in enumerate(responses):
        if not isinstance(response, EvaluationResponse):
            raise ValueError(f"responses[{i}] must be an EvaluationResponse, got {response!r}")
    ratings = _ratings(responses)
    return EvaluationSummary(len(responses), _items(ratings, lang), _areas(ratings, lang),
                             _comments(responses, lang))


def _ratings(responses: list[EvaluationResponse]) -> pd.DataFrame:
    """One row per response, one column per item, NaN where skipped."""
    rows = [{item.id: r.ratings.get(item.id) for item in EVALUATION_ITEMS} for r in responses]
    return pd.DataFrame(rows, columns=[item.id for item in EVALUATION_ITEMS], dtype=float)


def _items(ratings: pd.DataFrame, lang: str) -> pd.DataFrame:
    table = pd.DataFrame({
        "area": [item.area for item in EVALUATION_ITEMS],
        "item": [item.text(lang) for item in EVALUATION_ITEMS],
        "n": ratings.count().astype(int).to_numpy(),
        "mean": ratings.mean().to_numpy(),
    }, index=pd.Index([item.id for item in EVALUATION_ITEMS], name="id"))
    for point in LIKERT_LABELS:
        table[point] = (ratings == point).sum().astype(int).to_numpy()
    return table


def _areas(ratings: pd.DataFrame, lang: str) -> pd.DataFrame:
    by_area = {area: ratings[[i.id for i in EVALUATION_ITEMS if i.area == area]].stack() for area in AREAS}
    return pd.DataFrame({
        "area_name": [AREAS[a][1 if lang == "en" else 0] for a in AREAS],
        "n": [int(v.count()) for v in by_area.values()],
        "mean": [float(v.mean()) if v.count() else float("nan") for v in by_area.values()],
    }, index=pd.Index(list(AREAS), name="area"))


def _comments(responses: list[EvaluationResponse], lang: str) -> pd.DataFrame:
    rows = [(key, COMMENT_QUESTIONS[key][1 if lang == "en" else 0], text.strip())
            for r in responses for key in COMMENT_QUESTIONS
            if (text := r.comments.get(key, "")).strip()]
    return pd.DataFrame(rows, columns=["question_id", "question", "text"])
