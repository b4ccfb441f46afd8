"""Generate the Kano survey of a customer-service line's service features (seeded).

Recipe (seed :data:`SEED`, one ``numpy.random.Generator``):

1. 300 respondents in three segments (:data:`SEGMENTS`: individual, business and
   senior customers), ids ``R001``..``R300`` shuffled across segments;
2. per segment and feature, the number of respondents in each Kano category is
   fixed by :data:`DESIGN` (shares, rounded by largest remainder so each segment's
   counts add up exactly), then dealt to the segment's respondents in random order;
3. each respondent's answer pair is drawn from the cells of the evaluation table
   that give that category, with the weights of :data:`CELL_WEIGHTS` (e.g. most
   attractive answers are "like / neutral").

So ``ccskills.kano.analyze`` gives back the designed counts exactly. The design
makes the categories differ (A callback, O 7x24 and short IVR, M greeting, I SMS
follow-up, R marketing SMS) and one feature borderline: ``same_agent`` is nearly
tied between A and I overall, and splits by segment (business A, individual I).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ._csv import write_tables

SEED = 20260405
FILES = {"survey": "kano/survey.csv", "features": "kano/features.csv"}

#: segment -> respondents.
SEGMENTS = {"individual": 180, "business": 70, "senior": 50}

#: feature -> (name zh, name en, functional question zh, dysfunctional question zh,
#: functional question en, dysfunctional question en).
FEATURES = {
    "callback": (
        "排队时可预约回拨", "Callback instead of queueing",
        "如果排队时可以选择挂机、由客服稍后回拨，您觉得如何？",
        "如果排队时只能一直等待、不能预约回拨，您觉得如何？",
        "If you could hang up and be called back instead of waiting in the queue, how would you feel?",
        "If you had to keep waiting in the queue with no callback option, how would you feel?"),
    "same_agent": (
        "再次来电由同一客服跟进", "Same agent on repeat contact",
        "如果为同一问题再次来电时由上次的客服接待，您觉得如何？",
        "如果为同一问题再次来电时由任意一位客服接待，您觉得如何？",
        "If the same agent took your call when you called again about the same issue, how would you feel?",
        "If any agent took your call when you called again about the same issue, how would you feel?"),
    "hours_24x7": (
        "7×24小时人工服务", "Human agents 7×24 hours",
        "如果任何时间都能找到人工客服（7×24小时），您觉得如何？",
        "如果只能在 8:00–22:00 找到人工客服，您觉得如何？",
        "If you could reach a human agent at any hour of any day, how would you feel?",
        "If human agents were available only from 8:00 to 22:00, how would you feel?"),
    "greeting": (
        "规范的开场问候", "Standard greeting script",
        "如果客服接起电话时使用规范的问候语并报工号，您觉得如何？",
        "如果客服接起电话时没有问候、直接问“什么事”，您觉得如何？",
        "If the agent answered with the standard greeting and their staff number, how would you feel?",
        "If the agent answered with no greeting, just 'what is it?', how would you feel?"),
    "short_ivr": (
        "语音菜单不超过两层", "Short IVR (two levels at most)",
        "如果语音导航(IVR)菜单不超过两层就能转到人工，您觉得如何？",
        "如果要按四层以上的语音菜单才能转到人工，您觉得如何？",
        "If the IVR menu reached an agent within two levels, how would you feel?",
        "If you had to go through four or more IVR levels to reach an agent, how would you feel?"),
    "sms_followup": (
        "通话后短信告知处理结果", "SMS follow-up with the outcome",
        "如果通话后收到一条短信，告知问题的处理结果，您觉得如何？",
        "如果通话后没有短信告知处理结果，您觉得如何？",
        "If you received an SMS with the outcome of your issue after the call, how would you feel?",
        "If you received no SMS about the outcome after the call, how would you feel?"),
    "marketing_sms": (
        "通话后推送优惠短信", "Promotional SMS after the call",
        "如果每次通话后都收到一条商品优惠推广短信，您觉得如何？",
        "如果通话后不会收到任何推广短信，您觉得如何？",
        "If you received a promotional SMS after every call, how would you feel?",
        "If you received no promotional SMS after calls, how would you feel?"),
}

FEATURE_COLUMNS = ("feature", "name_zh", "name_en", "functional_zh", "dysfunctional_zh",
                   "functional_en", "dysfunctional_en")
_CATS = ("A", "O", "M", "I", "R", "Q")

#: feature -> segment -> shares of A, O, M, I, R, Q (each row sums to 1).
DESIGN = {
    "callback": {"individual": (.46, .18, .06, .24, .02, .04), "business": (.42, .26, .08, .18, .02, .04),
                 "senior": (.50, .12, .04, .28, .02, .04)},
    "same_agent": {"individual": (.28, .14, .08, .42, .05, .03), "business": (.52, .18, .10, .14, .03, .03),
                   "senior": (.38, .10, .08, .36, .04, .04)},
    "hours_24x7": {"individual": (.22, .40, .16, .16, .02, .04), "business": (.10, .34, .40, .12, .02, .02),
                   "senior": (.24, .36, .10, .24, .02, .04)},
    "greeting": {"individual": (.04, .08, .46, .36, .03, .03), "business": (.04, .10, .50, .30, .04, .02),
                 "senior": (.06, .12, .52, .24, .02, .04)},
    "short_ivr": {"individual": (.14, .40, .26, .14, .02, .04), "business": (.10, .42, .30, .14, .02, .02),
                  "senior": (.08, .30, .44, .12, .02, .04)},
    "sms_followup": {"individual": (.22, .12, .08, .46, .08, .04), "business": (.30, .16, .10, .38, .04, .02),
                     "senior": (.20, .08, .06, .50, .12, .04)},
    "marketing_sms": {"individual": (.06, .02, .00, .36, .52, .04), "business": (.04, .02, .00, .34, .56, .04),
                      "senior": (.04, .00, .00, .38, .54, .04)},
}

#: category -> {(functional, dysfunctional): weight} over the evaluation-table cells of that category.
CELL_WEIGHTS = {
    "A": {(1, 2): .15, (1, 3): .55, (1, 4): .30},
    "O": {(1, 5): 1.0},
    "M": {(2, 5): .35, (3, 5): .40, (4, 5): .25},
    "I": {(3, 3): .40, (3, 4): .14, (4, 4): .10, (2, 3): .10, (2, 2): .08, (4, 3): .06,
          (3, 2): .05, (2, 4): .04, (4, 2): .03},
    "R": {(5, 1): .25, (5, 3): .25, (5, 4): .15, (5, 2): .05, (3, 1): .20, (4, 1): .05, (2, 1): .05},
    "Q": {(1, 1): .60, (5, 5): .40},
}


def _largest_remainder(shares, total: int) -> np.ndarray:
    """Whole counts proportional to ``shares`` that add up to ``total`` (ties: first listed)."""
    raw = np.asarray(shares, float) / sum(shares) * total
    counts = np.floor(raw).astype(int)
    order = np.argsort(-(raw - counts), kind="stable")
    counts[order[: total - counts.sum()]] += 1
    return counts


def _respondents(rng) -> pd.DataFrame:
    segments = np.repeat(list(SEGMENTS), list(SEGMENTS.values()))
    rng.shuffle(segments)
    ids = [f"R{k:03d}" for k in range(1, len(segments) + 1)]
    return pd.DataFrame({"respondent": ids, "segment": segments})


def _answers(category: str, size: int, rng) -> np.ndarray:
    cells = list(CELL_WEIGHTS[category])
    weights = np.array(list(CELL_WEIGHTS[category].values()))
    picks = rng.choice(len(cells), size=size, p=weights / weights.sum())
    return np.array(cells, dtype=np.int64).reshape(-1, 2)[picks]


def generate(seed: int = SEED) -> dict[str, pd.DataFrame]:
    """The survey (long: respondent, segment, feature, functional, dysfunctional) and the features table."""
    rng = np.random.default_rng(seed)
    people = _respondents(rng)
    parts = []
    for feature, by_segment in DESIGN.items():
        for segment, shares in by_segment.items():
            who = people.loc[people["segment"] == segment, "respondent"].to_numpy()
            counts = _largest_remainder(shares, len(who))
            cats = rng.permutation(np.repeat(_CATS, counts))
            pairs = np.empty((len(who), 2), dtype=np.int64)
            for cat in _CATS:
                hit = cats == cat
                pairs[hit] = _answers(cat, int(hit.sum()), rng)
            parts.append(pd.DataFrame({"respondent": who, "segment": segment, "feature": feature,
                                       "functional": pairs[:, 0], "dysfunctional": pairs[:, 1]}))
    survey = pd.concat(parts, ignore_index=True)
    order = {name: k for k, name in enumerate(FEATURES)}
    survey = survey.sort_values(["respondent", "feature"], key=lambda s: s.map(order)
                                if s.name == "feature" else s, kind="stable")
    features = pd.DataFrame(
        [(key, *values) for key, values in FEATURES.items()],
        columns=list(FEATURE_COLUMNS),
    )
    return {"survey": survey.reset_index(drop=True), "features": features}


def write_datasets(directory, seed: int = SEED) -> list[Path]:
    """Write ``kano/survey.csv`` and ``kano/features.csv`` under ``directory``; returns their paths."""
    return write_tables(generate(seed), FILES, directory)
