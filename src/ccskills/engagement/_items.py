"""Pulse-survey items (1-5 Likert) per group: mean score or favourable share (4-5, "top-2 box")."""

from __future__ import annotations

import pandas as pd

from ._scores import _keys

__all__ = ["item_means_by", "ITEM_STATISTICS", "DEFAULT_ITEMS"]

#: the statistics item_means_by can report
ITEM_STATISTICS = ("mean", "favourable")
#: the seven items of the kit's pulse survey (``datasets/people/pulse_survey.csv``)
DEFAULT_ITEMS = ("workload", "schedule_fairness", "leader_support", "growth", "pay",
                 "recognition", "tools")


def _likert(frame: pd.DataFrame, item: str) -> pd.Series:
    from ..kpi._records import raise_bad_rows

    raw = frame[item].astype(object).where(frame[item].notna(), None)
    values = pd.to_numeric(raw, errors="coerce")
    raise_bad_rows(item, "a whole number 1 to 5 or blank", raw,
                   (raw.notna() & ~values.isin(range(1, 6))).to_numpy())
    return values


def item_means_by(frame: pd.DataFrame, by, items=None, statistic: str = "mean") -> pd.DataFrame:
    """Per group, each item's mean answer (1-5) or favourable share (answers 4-5 / answers).

    ``items`` default: the :data:`DEFAULT_ITEMS` present in ``frame``; blanks are left out
    of each item separately. Column ``n`` = rows (respondents) in the group. ``by`` as in
    :func:`enps_by` (``"tenure_band"`` derived from ``tenure_months``).

    >>> df = pd.DataFrame({"team": ["A", "A", "B"], "pay": [2, 4, 5], "tools": [None, 3, 4]})
    >>> item_means_by(df, "team", ["pay", "tools"]).to_dict("index")
    {'A': {'n': 2, 'pay': 3.0, 'tools': 3.0}, 'B': {'n': 1, 'pay': 5.0, 'tools': 4.0}}
    >>> item_means_by(df, "team", ["pay"], statistic="favourable")["pay"].tolist()
    [0.5, 1.0]
    """
    if statistic not in ITEM_STATISTICS:
        raise ValueError(f"statistic must be one of {ITEM_STATISTICS!r}, got {statistic!r}")
    frame, keys = _keys(frame, by)
    if items is None:
        items = [i for i in DEFAULT_ITEMS if i in frame.columns]
    items = [items] if isinstance(items, str) else list(items)
    missing = [i for i in items if i not in frame.columns]
    if not items or missing:
        raise ValueError(f"items must name columns of frame, got {items!r}")
    values = pd.DataFrame({i: _likert(frame, i) for i in items})
    if statistic == "favourable":
        values = (values >= 4).astype(float).where(values.notna())
    groups = [frame[k] for k in keys]
    out = values.groupby(groups, observed=True).mean()
    out.insert(0, "n", frame.groupby(keys, observed=True).size().astype("int64"))
    return out
