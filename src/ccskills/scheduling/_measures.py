"""Coverage measures of a schedule against the requirement, usable without a solve.

排班满足率 (schedule fill rate) = Σ min(scheduled, required) / Σ required — the share of
required agent-periods that the schedule staffs. 排班效率 (schedule efficiency) = Σ required /
Σ scheduled — the share of scheduled phone time that the requirement needed. Both are
ratios of agent-periods, i.e. staff-hours when every period has the same length.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ccskills.queueing._limits import MAX_AGENTS

__all__ = ["coverage_table", "schedule_fill_rate", "schedule_efficiency"]


def _check_required(required) -> pd.Series:
    """A Series of whole agents ≥ 0 on a DatetimeIndex."""
    if not isinstance(required, pd.Series) or not isinstance(required.index, pd.DatetimeIndex):
        raise TypeError(f"required must be a pandas Series on a DatetimeIndex, got {type(required).__name__}")
    values = pd.to_numeric(required, errors="coerce").to_numpy(dtype=float)
    bad = ~np.isfinite(values) | (values < 0) | (values != np.round(values)) | (values > MAX_AGENTS)
    if bad.any():
        raise ValueError(f"required must be whole numbers of agents ≥ 0 and ≤ {MAX_AGENTS:,.0f}, "
                         f"got {required[bad].iloc[0]!r}")
    return pd.Series(values.astype(np.int64), index=required.index, name="required")


def _align(required, scheduled):
    req = _check_required(required)
    sch = pd.Series(scheduled, index=req.index) if not isinstance(scheduled, pd.Series) else scheduled
    if not sch.index.equals(req.index):
        raise ValueError("scheduled must have the same index as required, got a different index")
    values = sch.to_numpy(dtype=float)
    bad = ~((values >= 0) & (values <= MAX_AGENTS))  # NaN and inf too
    if bad.any():
        raise ValueError(f"scheduled must be agents ≥ 0 and ≤ {MAX_AGENTS:,.0f}, got {float(values[bad][0])!r}")
    return req, values


def coverage_table(required, scheduled) -> pd.DataFrame:
    """Per period: required, scheduled, under = max(required − scheduled, 0), over = max(scheduled − required, 0).

    >>> idx = pd.date_range("2026-03-02 09:00", periods=3, freq="15min")
    >>> coverage_table(pd.Series([3, 5, 2], idx), [4, 4, 4])[["under", "over"]].sum().tolist()
    [1, 3]
    """
    req, sch = _align(required, scheduled)
    r = req.to_numpy()
    s = np.rint(sch).astype(np.int64)
    return pd.DataFrame({"required": r, "scheduled": s, "under": np.maximum(r - s, 0),
                         "over": np.maximum(s - r, 0)}, index=req.index)


def schedule_fill_rate(required, scheduled) -> float:
    """排班满足率: Σ min(scheduled, required) / Σ required (1.0 when nothing is required).

    >>> idx = pd.date_range("2026-03-02 09:00", periods=3, freq="15min")
    >>> schedule_fill_rate(pd.Series([3, 5, 2], idx), [4, 4, 4])  # (3 + 4 + 2) / 10
    0.9
    """
    req, sch = _align(required, scheduled)
    total = req.sum()
    return 1.0 if total == 0 else float(np.minimum(sch, req.to_numpy()).sum() / total)


def schedule_efficiency(required, scheduled) -> float:
    """排班效率: Σ required / Σ scheduled (staff-hours needed per staff-hour scheduled).

    May exceed 1 when the schedule is short. NaN when nothing is scheduled.

    >>> idx = pd.date_range("2026-03-02 09:00", periods=3, freq="15min")
    >>> schedule_efficiency(pd.Series([3, 5, 2], idx), [4, 4, 4])  # 10 / 12
    0.8333333333333334
    """
    req, sch = _align(required, scheduled)
    total = sch.sum()
    return float("nan") if total == 0 else float(req.sum() / total)
