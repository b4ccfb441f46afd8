"""Overall evaluation (综合考评 / 整体工作量化评定): composite scores from weighted KPIs.

Every choice that changes a ranking is a named parameter:

* the KPIs and their **direction** (``"higher"`` or ``"lower"`` is better);
* the **normalisation** that puts KPIs on one scale (:data:`NORMALISATIONS`):

  - ``"min_max"``: (x - min) / (max - min), 0 = worst agent, 1 = best (0.5 if all equal);
  - ``"z_score"``: (x - mean) / sd (population sd), sign flipped when lower is better (0 if all equal);
  - ``"target_ratio"``: x / target if higher is better, target / x if lower, capped at ``cap``
    (values must be >= 0, and > 0 when lower is better: a ratio to a target is of amounts);
  - ``"rank_percentile"``: (average rank - 1) / (n - 1), 0 = worst, 1 = best (ties share);

* the **weights**, which are normalised to sum to 1; composite = sum w_k s_k.

KPI values must be finite: a missing or infinite value raises ``ValueError`` naming it and
its row (an ``inf`` would otherwise squash every other agent's score to 0).

How much the weights decide is shown by ranking under several weight sets
(:func:`ranks_under_weightings`), Spearman rank correlation between them
(:func:`rank_stability`) and each agent's best and worst rank (:func:`rank_range`).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from ._validation import check_nonnegative, check_positive

__all__ = [
    "NORMALISATIONS",
    "normalise",
    "composite_scores",
    "team_scores",
    "ranks_under_weightings",
    "rank_stability",
    "rank_range",
    "random_weightings",
    "agent_kpis",
    "agent_workload",
]

NORMALISATIONS = ("min_max", "z_score", "target_ratio", "rank_percentile")
_DIRECTIONS = ("higher", "lower")


def _direction(name, value):
    if value not in _DIRECTIONS:
        raise ValueError(f"directions[{name!r}] must be 'higher' or 'lower', got {value!r}")
    return value


def normalise(values, method="min_max", direction="higher", target=None, cap=1.2) -> pd.Series:
    """One KPI column on a common scale where larger is always better (see module doc).

    >>> normalise(pd.Series([300.0, 360.0, 420.0]), "min_max", "lower").tolist()
    [1.0, 0.5, 0.0]
    >>> normalise(pd.Series([0.7, 0.8, 0.9]), "target_ratio", "higher", target=0.8).round(3).tolist()
    [0.875, 1.0, 1.125]
    """
    if method not in NORMALISATIONS:
        raise ValueError(f"method must be one of {NORMALISATIONS!r}, got {method!r}")
    _direction("direction", direction)
    x = _finite_series(values)
    sign = 1.0 if direction == "higher" else -1.0
    if method in ("min_max", "z_score"):  # both unchanged by x -> (x - x0) / scale: no overflow
        x = _rescaled(x)
    if method == "min_max":
        span = x.max() - x.min()
        if span == 0:
            return x * 0 + 0.5
        return (x - x.min()) / span if direction == "higher" else (x.max() - x) / span
    if method == "z_score":
        x = x - x.iloc[0] if len(x) else x  # exact zeros when every value is equal
        sd = x.std(ddof=0)
        return sign * (x - x.mean()) / sd if sd > 0 else x * 0.0
    if method == "rank_percentile":
        r = (sign * x).rank(method="average")
        return (r - 1) / (len(x) - 1) if len(x) > 1 else x * 0 + 0.5
    if target is None:
        raise ValueError("target must be a positive number for 'target_ratio', got None")
    t = float(check_positive("target", target))
    check_positive("cap", cap)
    if direction == "lower":
        check_positive("values", x.to_numpy())
    else:
        check_nonnegative("values", x.to_numpy())
    with np.errstate(over="ignore"):  # a ratio past float range is past the cap anyway
        ratio = x / t if direction == "higher" else t / x
    return ratio.clip(upper=cap)


def _finite_series(values) -> pd.Series:
    """``values`` as a float Series; ValueError naming the first missing or infinite value's label."""
    try:
        x = pd.Series(values, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"values must be numbers, got {values!r}") from None
    if x.isna().any():
        raise ValueError(f"values must not be missing, got NaN at {x.index[x.isna()][0]!r}")
    bad = ~np.isfinite(x.to_numpy())
    if bad.any():
        raise ValueError(f"values must be finite numbers, got {float(x[bad].iloc[0])!r} at {x.index[bad][0]!r}")
    return x


def _rescaled(x: pd.Series) -> pd.Series:
    """``x`` divided by a power of two (exact) when its values are so large that differences,
    squares or sums could overflow; min-max and z-scores are unchanged by it."""
    big = float(np.abs(x).max()) if len(x) else 0.0
    if big <= 1e150:
        return x
    return pd.Series(np.ldexp(x.to_numpy(), -int(np.frexp(big)[1])), index=x.index)  # |x| < 1


def _weights(weights, columns) -> pd.Series:
    w = pd.Series(weights, dtype=float)
    missing = [k for k in w.index if k not in columns]
    if missing:
        raise ValueError(f"weights must name KPI columns {list(columns)!r}, got {missing[0]!r}")
    check_nonnegative("weights", w.to_numpy())
    if not w.max() > 0:  # weights are >= 0: a positive sum is a positive maximum
        raise ValueError(f"weights must have a positive sum, got {dict(w)!r}")
    w = pd.Series(np.ldexp(w.to_numpy(), -int(np.frexp(w.max())[1])), index=w.index)  # exact, no overflow
    return w / w.sum()


def composite_scores(kpis, weights, directions, method="min_max", targets=None, cap=1.2,
                     groups=None) -> pd.DataFrame:
    """Normalised KPI scores, the weighted composite and the rank (1 = best) per row.

    ``kpis``: one row per agent (or team), one column per KPI; ``weights``: KPI -> weight
    (normalised to sum 1; KPIs without a weight are ignored); ``directions``: KPI ->
    'higher'/'lower'; ``targets``: KPI -> target (``target_ratio`` only).
    ``groups`` (optional Series aligned on the rows, e.g. each agent's queue): normalise within
    each group, so agents are compared with peers doing the same work.
    Returns the normalised columns, ``composite`` and ``rank`` (ties: lowest rank).

    >>> kpis = pd.DataFrame({"aht_s": [300, 360, 420], "fcr": [0.70, 0.90, 0.80]}, index=["a", "b", "c"])
    >>> out = composite_scores(kpis, {"aht_s": 1, "fcr": 1}, {"aht_s": "lower", "fcr": "higher"})
    >>> out[["composite", "rank"]].round(6).values.tolist()
    [[0.5, 2.0], [0.75, 1.0], [0.25, 3.0]]
    """
    if not isinstance(kpis, pd.DataFrame):
        raise TypeError(f"kpis must be a DataFrame, got {type(kpis).__name__!r}")
    w = _weights(weights, kpis.columns)
    targets = dict(targets or {})
    if not isinstance(directions, Mapping):
        raise TypeError(f"directions must be a mapping KPI -> 'higher'/'lower', got {directions!r}")
    _check_kpis(kpis, list(w.index))
    out = pd.DataFrame(index=kpis.index)
    for k in w.index:
        if k not in directions:
            raise ValueError(f"directions must give 'higher' or 'lower' for {k!r}, got {dict(directions)!r}")
        _direction(k, directions[k])
        column = kpis[k]
        if groups is None:
            out[k] = normalise(column, method, directions[k], targets.get(k), cap)
        else:
            g = pd.Series(groups).reindex(kpis.index)
            out[k] = pd.concat([normalise(part, method, directions[k], targets.get(k), cap)
                                for _, part in column.groupby(g, sort=True)]).reindex(kpis.index)
    scores = out[list(w.index)].to_numpy()
    # a weighted mean lies between its smallest and largest score; clip only the rounding of w
    out["composite"] = np.clip(scores @ w.to_numpy(), scores.min(axis=1), scores.max(axis=1))
    out["rank"] = out["composite"].rank(ascending=False, method="min")
    out.attrs.update(method=method, weights=dict(w))
    return out


def _check_kpis(kpis: pd.DataFrame, columns: list) -> None:
    """Every weighted KPI column numeric and finite; ValueError naming column, value and row."""
    for k in columns:
        x = pd.to_numeric(kpis[k], errors="coerce").astype(float)
        bad = ~np.isfinite(x.to_numpy())
        if bad.any():
            row = kpis.index[bad][0]
            raise ValueError(f"kpis must be finite numbers, got {_plain(kpis[k][bad].iloc[0])!r} "
                             f"in column {k!r}, row {row!r}")


def _plain(value):
    return value.item() if isinstance(value, np.generic) else value


def team_scores(scores, teams) -> pd.DataFrame:
    """Team mean of agents' composite scores with team size and rank (1 = best).

    ``teams``: Series agent -> team (aligned on the index of ``scores``)."""
    team = pd.Series(teams).reindex(scores.index)
    if team.isna().any():
        raise ValueError(f"teams must give a team for every agent, got none for {team.index[team.isna()][0]!r}")
    out = scores.groupby(team)["composite"].agg(["mean", "size"]).rename(
        columns={"mean": "composite", "size": "agents"})
    out["rank"] = out["composite"].rank(ascending=False, method="min")
    return out


def ranks_under_weightings(kpis, weightings, directions, method="min_max", targets=None,
                           groups=None) -> pd.DataFrame:
    """Rank of every row under each named weight set: one column per weighting."""
    if not isinstance(weightings, Mapping) or not weightings:
        raise ValueError(f"weightings must be a non-empty mapping name -> weights, got {weightings!r}")
    return pd.DataFrame({name: composite_scores(kpis, w, directions, method, targets, groups=groups)["rank"]
                         for name, w in weightings.items()})


def rank_stability(ranks) -> pd.DataFrame:
    """Spearman rank correlation between every pair of weightings (columns of ``ranks``).

    Spearman = Pearson correlation of the (average-tie) ranks; 1 = same order.
    """
    r = pd.DataFrame(ranks).rank(method="average")
    return r.corr(method="pearson")


def rank_range(ranks) -> pd.DataFrame:
    """Each agent's best (lowest) and worst rank over the weightings and the spread between them."""
    r = pd.DataFrame(ranks)
    out = pd.DataFrame({"best_rank": r.min(axis=1), "worst_rank": r.max(axis=1),
                        "median_rank": r.median(axis=1)})
    out["spread"] = out["worst_rank"] - out["best_rank"]
    return out


def random_weightings(kpis_names, n=50, seed=0, base=None, concentration=20.0) -> dict:
    """``n`` weight sets drawn from a Dirichlet around ``base`` (equal weights if None).

    Larger ``concentration`` keeps the draws closer to ``base``; seeded, reproducible.
    """
    names = list(kpis_names)
    if not names:
        raise ValueError(f"kpis_names must name at least one KPI, got {kpis_names!r}")
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 1 <= n <= 100_000:
        raise ValueError(f"n must be a whole number of weight sets from 1 to 100000, got {n!r}")
    b = np.full(len(names), 1 / len(names)) if base is None else _weights(base, names).reindex(names).to_numpy()
    check_positive("concentration", concentration)
    rng = np.random.default_rng(seed)
    draws = rng.dirichlet(np.maximum(b * concentration, 1e-3), size=int(n))
    return {f"w{i + 1:02d}": dict(zip(names, row)) for i, row in enumerate(draws)}


def agent_kpis(calls, attendance=None, qa=None, answer_time=20) -> pd.DataFrame:
    """Per-agent KPI table for the evaluation, from call records (``ccskills.kpi.summarize``).

    Columns: ``answered, aht_s, fcr_rate, csat_top2_box, transfer_rate`` from the answered calls;
    ``attendance_rate`` (from :func:`ccskills.people.attendance_summary`) if ``attendance`` is
    given; ``qa_score`` if ``qa`` is given: a Series agent_id -> mean QA score (0-100), e.g.
    ``ccskills.quality.quality_rollup(scored, "agent_id")["mean_score"]``.
    """
    from .kpi import summarize
    from .people import attendance_summary

    answered = calls[calls["outcome"] == "answered"]
    cols = ["answered", "aht_s", "fcr_rate", "csat_top2_box", "transfer_rate"]
    out = summarize(answered, by="agent_id", answer_time=answer_time)[cols]
    if attendance is not None:
        out["attendance_rate"] = attendance_summary(attendance, by="agent_id")["attendance_rate"]
    if qa is not None:
        out["qa_score"] = pd.Series(qa, dtype=float)
    return out


def agent_workload(calls, attendance, shift_hours_column="scheduled_hours") -> pd.DataFrame:
    """Workload quantification (工作量化) per agent: calls, handle hours, attended hours, rates.

    ``handle_hours`` = sum of talk + hold + ACW of answered calls / 3600 (= answered x AHT);
    ``attended_hours`` = scheduled hours of shifts not absent (late shifts count in full);
    ``calls_per_attended_hour`` and ``handle_share`` = handle hours / attended hours (a rough
    utilisation: it includes breaks and meetings in the denominator, so it is below occupancy).
    """
    from .kpi import summarize

    answered = calls[calls["outcome"] == "answered"]
    table = summarize(answered, by="agent_id")[["answered", "aht_s"]]
    table["handle_hours"] = table["answered"] * table["aht_s"] / 3600
    attended = attendance[attendance["status"] != "absent"]
    table["attended_hours"] = attended.groupby("agent_id")[shift_hours_column].sum()
    table["calls_per_attended_hour"] = table["answered"] / table["attended_hours"]
    table["handle_share"] = table["handle_hours"] / table["attended_hours"]
    return table
