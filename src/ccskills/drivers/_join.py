"""One row per survey answer with the drivers of its call: the table key-driver analysis reads.

:func:`driver_table` joins three sources on ``call_id``:

- the survey (``survey_responses.csv``: ``csat``, ``nps``, ``ces`` per respondent);
- the call records (``call_records.csv``: first-contact resolution, transfer, wait and the
  three parts of handle time, talk, hold and after-call work);
- optionally the QA evaluations (``evaluations.csv`` + ``evaluation_items.csv``: one pass/fail
  per scorecard item per evaluated call).

Survey answers that name no call, or a call not in the records, are left out and counted;
a call evaluated more than once gets the mean of its evaluations. How many surveyed calls
also carry a QA evaluation is reported, because QA samples a few calls per agent and the
survey reaches about one call in ten: their overlap is small (in the kit's month, 142 rows).
"""

from __future__ import annotations

import numbers

import numpy as np
import pandas as pd

from .._validation import check_lang
from ..kpi._records import boolean_column, check_records, raise_bad_rows

#: The call-record columns every driver table carries (seconds, or true/false flags).
CALL_DRIVERS = ("resolved_first_contact", "transferred", "wait_s", "talk_s", "hold_s", "acw_s")
#: Outcome columns taken from the survey when present (at least one is required).
OUTCOMES = ("csat", "nps", "ces")

#: Column -> (Chinese, English) for the columns :func:`driver_table` makes.
DRIVER_NAMES = {
    "resolved_first_contact": ("一次解决 (FCR)", "First-contact resolution (FCR)"),
    "transferred": ("被转接", "Transferred"),
    "wait_s": ("排队等待时长", "Wait in queue"),
    "talk_s": ("通话时长", "Talk time"),
    "hold_s": ("保持时长", "Hold time"),
    "acw_s": ("话后处理时长", "After-call work"),
    "handle_s": ("处理时长 (AHT)", "Handle time (AHT)"),
    "csat": ("满意度 (CSAT)", "Satisfaction (CSAT)"),
    "nps": ("推荐意愿 (NPS 题 0–10)", "Likelihood to recommend (NPS, 0–10)"),
    "ces": ("费力度 (CES，7 = 很容易)", "Ease (CES, 7 = very easy)"),
    "qa_score": ("质检得分", "QA score"),
}


def _check_calls(calls: pd.DataFrame) -> pd.DataFrame:
    check_records(calls, ["call_id", *CALL_DRIVERS], name="calls")
    twice = calls["call_id"].duplicated(keep=False).to_numpy()
    raise_bad_rows("calls['call_id']", "unique (one row per call)", calls["call_id"], twice)
    out = pd.DataFrame({"call_id": calls["call_id"].astype("string")}, index=calls.index)
    for flag in CALL_DRIVERS[:2]:
        out[flag] = boolean_column(calls, flag).astype("Float64").astype(float)
    for name in CALL_DRIVERS[2:]:
        secs = pd.to_numeric(calls[name], errors="coerce").astype(float)
        bad = (calls[name].notna() & secs.isna()) | (secs < 0) | np.isinf(secs)
        raise_bad_rows(f"calls[{name!r}]", "a number of seconds >= 0 or missing", calls[name], bad.to_numpy())
        out[name] = secs
    out["handle_s"] = out["talk_s"] + out["hold_s"] + out["acw_s"]
    return out


def _check_survey(survey: pd.DataFrame) -> list:
    check_records(survey, ["call_id"], name="survey")
    outcomes = [c for c in OUTCOMES if c in survey.columns]
    if not outcomes:
        raise ValueError(f"survey must have at least one of the column(s) 'csat', 'nps', 'ces', "
                         f"got columns {list(survey.columns)!r}")
    for name in outcomes:
        score = pd.to_numeric(survey[name], errors="coerce")
        bad = (survey[name].notna() & score.isna()) | np.isinf(score.astype(float))
        raise_bad_rows(f"survey[{name!r}]", "a number or missing", survey[name], bad.to_numpy())
    return outcomes


def _qa_long(qa_items: pd.DataFrame, qa_evaluations) -> pd.DataFrame:
    """Item results with ``call_id``: as given, or joined to ``qa_evaluations`` by evaluation."""
    if qa_evaluations is None:
        check_records(qa_items, ["evaluation_id", "call_id", "item_id", "passed"], name="qa_items")
        long = qa_items[["evaluation_id", "call_id", "item_id"]].copy()
    else:
        check_records(qa_items, ["evaluation_id", "item_id", "passed"], name="qa_items")
        check_records(qa_evaluations, ["evaluation_id", "call_id"], name="qa_evaluations")
        calls = qa_evaluations.drop_duplicates("evaluation_id").set_index("evaluation_id")["call_id"]
        long = qa_items[["evaluation_id", "item_id"]].assign(call_id=qa_items["evaluation_id"].map(calls))
        raise_bad_rows("qa_items['evaluation_id']", "an evaluation listed in qa_evaluations",
                       qa_items["evaluation_id"], long["call_id"].isna().to_numpy())
    passed = boolean_column(qa_items, "passed")
    raise_bad_rows("qa_items['passed']", "true or false", qa_items["passed"], passed.isna().to_numpy())
    return long.assign(passed=passed.astype(bool).astype(float))


def _qa_per_call(long: pd.DataFrame, scorecard) -> tuple[pd.DataFrame, dict]:
    """Per call: each item's pass rate (``qa_<item>``), with a scorecard also each section's
    share of its points (``qa_<section>``) and the score 0-100 (``qa_score``), averaged over
    the call's evaluations; and the columns' labels."""
    items = long.pivot_table(index="call_id", columns="item_id", values="passed", aggfunc="mean")
    per_call = items.add_prefix("qa_")
    labels = {f"qa_{i}": (f"质检项：{i}", f"QA item: {i}") for i in items.columns}
    if scorecard is not None:
        from .. import quality

        card = quality.check_scorecard(scorecard)
        results = long[["evaluation_id", "item_id", "passed"]].assign(passed=long["passed"] > 0.5)
        evaluation_call = long.drop_duplicates("evaluation_id").set_index("evaluation_id")["call_id"]
        sections = quality.section_scores(results, card)
        maxima = card.groupby("section", sort=False)["weight"].sum()[sections.columns]
        sections = sections.loc[:, maxima > 0] / maxima[maxima > 0]  # sections of critical items only: no points
        scored = quality.score_evaluations(results, card).set_index("evaluation_id")
        parts = sections.add_prefix("qa_").assign(qa_score=scored["score"])
        per_call = per_call.join(parts.groupby(evaluation_call[parts.index].to_numpy()).mean())
        labels |= _scorecard_labels(card)
    return per_call, labels


def _scorecard_labels(card: pd.DataFrame) -> dict:
    labels = {"qa_score": DRIVER_NAMES["qa_score"]}
    for column, zh, en in (("item_id", "item_zh", "item_en"), ("section", "section_zh", "section_en")):
        if zh in card.columns and en in card.columns:
            for _, row in card.drop_duplicates(column).iterrows():
                labels[f"qa_{row[column]}"] = (f"质检：{row[zh]}", f"QA: {row[en]}")
    return labels


def driver_table(calls, survey, qa_items=None, *, qa_evaluations=None, scorecard=None) -> pd.DataFrame:
    """One row per survey answer linked to a call, with the call's drivers (and its QA results).

    ``calls``: call records with ``call_id`` (unique) and ``resolved_first_contact``,
    ``transferred`` (true/false; missing FCR stays missing), ``wait_s``, ``talk_s``,
    ``hold_s``, ``acw_s`` (seconds). ``survey``: ``call_id`` and at least one of ``csat``,
    ``nps``, ``ces``. ``qa_items`` (optional): item results ``evaluation_id, item_id,
    passed`` with ``call_id`` (as ``load_qa_results()``), or without it and
    ``qa_evaluations`` (``evaluation_id, call_id``) to join them. ``scorecard`` (optional,
    needs ``qa_items``): adds each section's share of its points and the QA score 0-100.

    Returns a DataFrame with ``call_id``, the survey's outcomes and other columns, the
    drivers as numbers (flags 1.0/0.0, durations in seconds), ``handle_s`` = talk + hold +
    after-call work, ``qa_evaluated`` (bool) and the QA columns ``qa_<item>`` (pass rate
    0..1), ``qa_<section>`` (share of its points 0..1) and ``qa_score`` (missing where the
    call has no evaluation). ``attrs``: ``survey_rows``, ``matched`` (rows kept),
    ``no_call_id``, ``unknown_call`` (answers left out), ``qa_matched`` (kept rows with a QA
    evaluation) and ``labels`` (column -> (Chinese, English), see :func:`driver_labels`).

    >>> calls = pd.DataFrame({"call_id": ["c1", "c2", "c3"], "resolved_first_contact": [True, False, None],
    ...                       "transferred": [False, True, False], "wait_s": [5, 80, 20],
    ...                       "talk_s": [200, 300, 150], "hold_s": [0, 40, 0], "acw_s": [30, 60, 20]})
    >>> survey = pd.DataFrame({"call_id": ["c1", "c3", "c9", None], "csat": [5, 4, 2, 3]})
    >>> table = driver_table(calls, survey)
    >>> table[["call_id", "csat", "resolved_first_contact", "handle_s"]].to_numpy().tolist()
    [['c1', 5, 1.0, 230.0], ['c3', 4, nan, 170.0]]
    >>> {k: table.attrs[k] for k in ("survey_rows", "matched", "no_call_id", "unknown_call")}
    {'survey_rows': 4, 'matched': 2, 'no_call_id': 1, 'unknown_call': 1}
    """
    drivers = _check_calls(calls)
    _check_survey(survey)
    if scorecard is not None and qa_items is None:
        raise ValueError("qa_items must be given with a scorecard, got None")
    if qa_evaluations is not None and qa_items is None:
        raise ValueError("qa_items must be given with qa_evaluations, got None")
    answers = survey.drop(columns=[c for c in drivers.columns if c != "call_id" and c in survey.columns])
    answers = answers.assign(call_id=survey["call_id"].astype("string"))
    table = answers.merge(drivers, on="call_id", how="inner", sort=False)
    labels = dict(DRIVER_NAMES)
    if qa_items is not None:
        per_call, qa_labels = _qa_per_call(_qa_long(qa_items, qa_evaluations), scorecard)
        per_call.index = per_call.index.astype("string")
        table = table.merge(per_call, left_on="call_id", right_index=True, how="left")
        table.insert(table.columns.get_loc(per_call.columns[0]), "qa_evaluated",
                     table["call_id"].isin(per_call.index).to_numpy())
        labels |= qa_labels
    else:
        table["qa_evaluated"] = False
    no_id = int(survey["call_id"].isna().sum())
    table.attrs.update(survey_rows=len(survey), matched=len(table), no_call_id=no_id,
                       unknown_call=len(survey) - no_id - _linked(survey, drivers),
                       qa_matched=int(table["qa_evaluated"].sum()),
                       labels={k: v for k, v in labels.items() if k in table.columns})
    return table.reset_index(drop=True)


def _linked(survey: pd.DataFrame, drivers: pd.DataFrame) -> int:
    """Survey rows whose call is in the records (counted before the join)."""
    return int(survey["call_id"].astype("string").isin(drivers["call_id"]).sum())


def driver_labels(table: pd.DataFrame, lang: str = "zh") -> dict:
    """Column -> the name a learner reads, for renaming a driver table or an importance table.

    Reads ``table.attrs["labels"]`` (set by :func:`driver_table`), else :data:`DRIVER_NAMES`.

    >>> driver_labels(pd.DataFrame())["resolved_first_contact"], driver_labels(pd.DataFrame(), "en")["wait_s"]
    ('一次解决 (FCR)', 'Wait in queue')
    """
    check_lang(lang)
    names = table.attrs.get("labels", DRIVER_NAMES) if isinstance(table, pd.DataFrame) else DRIVER_NAMES
    return {k: v[0 if lang == "zh" else 1] for k, v in names.items()}


def share_meeting(table: pd.DataFrame, at_most=None, at_least=None) -> pd.Series:
    """Share of rows meeting each driver's standard (0..1), over the rows where it is known.

    ``at_most`` / ``at_least``: mappings column -> limit; a row meets ``at_most`` when its
    value is <= the limit (e.g. ``{"wait_s": 20, "transferred": 0}``: answered within 20 s,
    not transferred) and ``at_least`` when >= (e.g. ``{"resolved_first_contact": 1}``). The
    result puts every driver on one scale, higher = better: the performance axis of
    :func:`importance_performance`.

    >>> t = pd.DataFrame({"wait_s": [5, 30, 10, np.nan], "resolved_first_contact": [1.0, 0.0, 1.0, 1.0]})
    >>> share_meeting(t, at_most={"wait_s": 20}, at_least={"resolved_first_contact": 1}).round(3).to_dict()
    {'wait_s': 0.667, 'resolved_first_contact': 0.75}
    """
    rules = [(name, limit, "at_most") for name, limit in _rules("at_most", at_most)]
    rules += [(name, limit, "at_least") for name, limit in _rules("at_least", at_least)]
    if not rules:
        raise ValueError("at_most or at_least must name at least one column, got neither")
    check_records(table, [name for name, _, _ in rules], name="table")
    shares = {}
    for name, limit, side in rules:
        values = pd.to_numeric(table[name], errors="coerce").astype(float).dropna()
        if values.empty:
            raise ValueError(f"table[{name!r}] must have at least one number, got none")
        shares[name] = float((values <= limit).mean() if side == "at_most" else (values >= limit).mean())
    return pd.Series(shares, name="share_meeting")


def _rules(name: str, mapping) -> list:
    if mapping is None:
        return []
    if not hasattr(mapping, "items"):
        raise ValueError(f"{name} must map column names to limits, got {mapping!r}")
    for column, limit in mapping.items():
        if not isinstance(limit, numbers.Real) or isinstance(limit, bool) or not np.isfinite(limit):
            raise ValueError(f"{name}[{column!r}] must be a finite number, got {limit!r}")
    return list(mapping.items())
