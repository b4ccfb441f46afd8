"""Scores over several periods, the input of smoothing.

The kit's call, attendance and QA data cover one month (March 2026). A scheme smooths over
months; to show the mechanics on the data that exists, :func:`dekad_kpis` cuts the month into
its three 旬 (dekads: days 1–10, 11–20, 21–end), each a stand-in period with its own KPI table.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from ccskills import evaluation

DEKADS = ("上旬", "中旬", "下旬")


def dekad(dates) -> pd.Series:
    """The 旬 of each date: 1 (days 1–10), 2 (11–20) or 3 (21 to the month's end).

    >>> dekad(pd.to_datetime(pd.Series(["2026-03-01", "2026-03-11", "2026-03-31"]))).tolist()
    [1, 2, 3]
    """
    days = pd.to_datetime(pd.Series(dates)).dt.day
    return pd.Series(np.minimum((days.to_numpy() - 1) // 10, 2) + 1, index=days.index)


def dekad_kpis(calls, attendance=None, scored=None, answer_time=20) -> dict:
    """One KPI table per 旬 (:data:`DEKADS` → table), as :func:`ccskills.evaluation.agent_kpis`.

    ``scored``: QA evaluations scored by ``ccskills.quality.score_evaluations``; each counts in
    the 旬 of the call it evaluated (matched on ``call_id``), giving ``qa_score`` (mean) and
    ``critical_errors`` (count) per agent; an agent with no evaluation in a 旬 has them missing.
    """
    call_dekad = dekad(calls["arrival"])
    out = {}
    for number, name in enumerate(DEKADS, start=1):
        part = calls[call_dekad.to_numpy() == number]
        shifts = None if attendance is None else attendance[dekad(attendance["date"]).to_numpy() == number]
        table = evaluation.agent_kpis(part, shifts, answer_time=answer_time)
        if scored is not None:
            table = table.join(_qa_by_agent(scored, set(part["call_id"])))
        out[name] = table
    return out


def _qa_by_agent(scored: pd.DataFrame, call_ids: set) -> pd.DataFrame:
    from ccskills.quality import quality_rollup

    rollup = quality_rollup(scored[scored["call_id"].isin(call_ids)], "agent_id")
    return rollup.rename(columns={"mean_score": "qa_score"})[["qa_score", "critical_errors"]]


def period_scores(kpis_by_period, weights, directions, method="min_max", targets=None,
                  groups=None, missing="raise") -> pd.DataFrame:
    """Composite scores per agent and period (:func:`ccskills.evaluation.composite_scores` on
    each period's table): rows agents, columns periods in the order given; NaN where an agent
    has no row in a period. This is the history :func:`apply_scheme` smooths.

    ``missing``: what to do with an agent whose weighted KPI is missing in a period (e.g. no QA
    evaluation that 旬): ``"raise"`` (ValueError naming it, as ``composite_scores``) or
    ``"skip"`` (that period is scored without the agent, whose score there is NaN).

    >>> k = {"Jan": pd.DataFrame({"fcr": [0.7, 0.8]}, index=["a", "b"]),
    ...      "Feb": pd.DataFrame({"fcr": [0.9, 0.8]}, index=["a", "b"])}
    >>> period_scores(k, {"fcr": 1}, {"fcr": "higher"}).values.tolist()
    [[0.0, 1.0], [1.0, 0.0]]
    """
    if not isinstance(kpis_by_period, Mapping) or not kpis_by_period:
        raise ValueError(f"kpis_by_period must be a non-empty mapping period -> KPI table, got {kpis_by_period!r}")
    if missing not in ("raise", "skip"):
        raise ValueError(f"missing must be 'raise' or 'skip', got {missing!r}")
    columns = {}
    for period, table in kpis_by_period.items():
        if missing == "skip":
            weighted = [k for k in dict(weights) if k in table.columns]
            table = table.dropna(subset=weighted)
        columns[period] = evaluation.composite_scores(table, weights, directions, method, targets,
                                                      groups=groups)["composite"]
    return pd.DataFrame(columns)
