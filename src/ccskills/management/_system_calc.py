"""What the management-system templates compute: the centre's baseline KPIs, strategic objectives
with quarter milestones, the monthly volume → FTE plan, the audit score and the vendor scores.

Fractions 0..1, seconds, CNY. Every function checks its input at the boundary and names the
column and the row of a bad cell, so a manager's own filled sheet (read back with pandas) is
scored the same way as the kit's example.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from .._validation import check_fraction, check_lang, check_positive
from ..kpi import REGISTRY
from ..kpi.display import label
from ..kpi.reports import REPORT_INDICATORS
from ._system_data import (AUDIT_PARTS, AUDIT_RATINGS, KPI_GROUPS, MUST_MINIMUM, OBJECTIVE_GROUPS,
                           OBJECTIVES, PRIORITIES)
from .roles import ROLE_NAMES
from ._template import pick as _pick

__all__ = ["objective_group", "baseline_kpis", "quarter_milestones", "strategic_objectives",
           "FtePlan", "annual_fte_plan", "AUDIT_COLUMNS", "AuditScore", "audit_score",
           "REQUIREMENT_COLUMNS", "VendorScores", "vendor_scores", "daily_watch_list"]

#: Audit sheet columns: id → (zh header, en header).
AUDIT_COLUMNS = {"id": ("编号", "ID"), "part": ("部分", "Part"), "item": ("检查项", "Item"),
                 "evidence": ("证据要求", "Evidence required"), "weight": ("权重", "Weight"),
                 "score": ("得分 (0–3)", "Score (0–3)"), "note": ("备注", "Notes")}
#: Requirement checklist columns before the vendor columns: id → (zh header, en header).
REQUIREMENT_COLUMNS = {"id": ("编号", "ID"), "module": ("模块", "Module"),
                       "requirement": ("需求", "Requirement"), "priority": ("优先级", "Priority"),
                       "weight": ("权重", "Weight"), "note": ("备注", "Notes")}


# ---------------------------------------------------------------- objectives and baselines
def objective_group(kpi: str) -> str:
    """The strategic-objective group of a registry KPI: 'customer', 'financial', 'internal' or 'people'.

    >>> objective_group("occupancy"), objective_group("attrition_rate")
    ('internal', 'people')
    """
    if kpi not in KPI_GROUPS:
        known = sorted(KPI_GROUPS)
        raise ValueError(f"kpi must be a registry KPI with a direction, one of {known}, got {kpi!r}")
    return KPI_GROUPS[kpi]


@cache
def _baseline() -> pd.Series:
    from ..datasets import load_call_records
    from ..datasets.operations import load_agent_states, load_cost_lines, load_survey_responses
    from ..datasets.people import load_attendance, load_employees
    from ..kpi import compute
    from ..people import attendance_summary, monthly_attrition

    values = compute(load_call_records(), freq=None, survey=load_survey_responses(),
                     agent_states=load_agent_states(), costs=load_cost_lines()).iloc[0]
    values = values[[i for i in values.index if i in KPI_GROUPS]].astype(float)
    values["attendance_rate"] = float(attendance_summary(load_attendance(), by=None)["attendance_rate"].iloc[0])
    staff = load_employees()
    months = monthly_attrition(staff[staff["role"] == "agent"], "2025-04-01", "2026-03-31")
    values["attrition_rate"] = float(months["attrition_rate"].sum())
    return values.rename("baseline")


def baseline_kpis() -> pd.Series:
    """The simulated centre's March 2026 value of every registry KPI with a direction.

    From the kit's datasets: call records, survey, agent states and costs through
    :func:`ccskills.kpi.compute` (whole month, registry default definitions); attendance rate
    of the March shifts (:func:`ccskills.people.attendance_summary`); attrition of agents over
    April 2025 – March 2026, the sum of the twelve monthly rates (leavers ÷ average of the
    month's start and end headcount, :func:`ccskills.people.monthly_attrition`).

    >>> round(float(baseline_kpis()["service_level"]), 4)
    0.7918
    """
    return _baseline().copy()


def quarter_milestones(baseline: float, target: float) -> tuple[float, float, float, float]:
    """Quarter-end milestones on a straight line from ``baseline`` to ``target``: Q k = b + (t − b) × k / 4.

    >>> quarter_milestones(0.75, 0.85)
    (0.775, 0.8, 0.825, 0.85)
    """
    for name, value in (("baseline", baseline), ("target", target)):
        if not isinstance(value, (int, float)) or not math.isfinite(value):
            raise ValueError(f"{name} must be a finite number, got {value!r}")
    return tuple(float(baseline + (target - baseline) * k / 4) for k in range(1, 5))


def _target(kpi: str, rule, baseline: float) -> float:
    if rule is None:
        target = REGISTRY[kpi].target
        return float(target if not isinstance(target, tuple) else target[1])
    if rule == "minus_5_percent":
        return baseline * 0.95
    return float(rule)


def strategic_objectives(lang: str = "zh", baseline: pd.Series | None = None) -> pd.DataFrame:
    """The worked example's strategic objectives: two per group at most, one registry KPI each.

    Columns (ids; the Excel sheet puts headers in ``lang``): group, objective, kpi, kpi_name,
    formula, unit, direction, baseline, target, owner, q1–q4. The baseline defaults to
    :func:`baseline_kpis`; the target is the registry's (the upper end of a band), or the
    example's choice stated in ``_system_data.OBJECTIVES``; milestones by :func:`quarter_milestones`.

    >>> table = strategic_objectives("en")
    >>> sorted(set(table["group"])) == sorted(["Customer", "Financial", "Internal operations", "People"])
    True
    """
    check_lang(lang)
    values = baseline_kpis() if baseline is None else baseline
    roles = {r.id: r.name(lang) for r in ROLE_NAMES}
    rows = []
    for group, kpi, zh, en, rule, owner in OBJECTIVES:
        ind, base = REGISTRY[kpi], float(values[kpi])
        target = _target(kpi, rule, base)
        rows.append([_pick(OBJECTIVE_GROUPS[group], lang), _pick((zh, en), lang), kpi, label(kpi, lang),
                     _pick((ind.formula_zh, ind.formula_en), lang), ind.unit, ind.direction, base, target,
                     roles[owner], *quarter_milestones(base, target)])
    return pd.DataFrame(rows, columns=["group", "objective", "kpi", "kpi_name", "formula", "unit", "direction",
                                       "baseline", "target", "owner", "q1", "q2", "q3", "q4"])


# ---------------------------------------------------------------- the monthly FTE plan
@dataclass(frozen=True)
class FtePlan:
    """A year's volume → FTE plan: one row per plan month, and the assumptions it was made with.

    ``months`` columns: basis_month (the same month last year), calls, aht_s, workload_hours,
    phone_hours, paid_hours, fte, service_level, peak_required, peak_scheduled; indexed by
    the plan month (first day). ``growth`` and ``aht_trend`` are the year-on-year ratios measured
    on the history (or given).
    """

    months: pd.DataFrame
    growth: float
    aht_trend: float
    shrinkage: float
    target_sl: float
    answer_time: float
    hours_per_fte: float


def _history(history) -> pd.DataFrame:
    if not isinstance(history, pd.DataFrame):
        raise ValueError(f"history must be a DataFrame with interval_start, calls, aht_s, got {type(history).__name__!r}")
    missing = [c for c in ("interval_start", "calls", "aht_s") if c not in history.columns]
    if missing:
        raise ValueError(f"history must have the column {missing[0]!r}, got columns {list(history.columns)!r}")
    frame = history.set_index(pd.DatetimeIndex(history["interval_start"])).sort_index()
    bad = frame["calls"].isna() | (frame["calls"] < 0)
    if bad.any():
        raise ValueError(f"calls must be a number ≥ 0, got {frame['calls'][bad].iloc[0]!r} at {bad.idxmax()}")
    return frame


def _year_slices(frame: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp, pd.Timestamp]:
    """Start of the prior year, of the last year and the end (exclusive): the last 24 whole months."""
    end = frame.index[-1].to_period("M").start_time
    if (frame.index[-1] + pd.Timedelta(days=1)).to_period("M").start_time > end:
        end = end + pd.offsets.MonthBegin(1)  # the last month is complete
    last, prior = end - pd.DateOffset(years=1), end - pd.DateOffset(years=2)
    if frame.index[0].normalize() > prior:
        raise ValueError(f"history must cover 24 whole months before {end:%Y-%m-%d}, "
                         f"got one starting {frame.index[0]:%Y-%m-%d}")
    return prior, last, end


def annual_fte_plan(history, *, growth: float | None = None, shrinkage: float | None = None,
                    target_sl: float = 0.8, answer_time: float = 20, hours_per_fte: float = 1984.0) -> FtePlan:
    """The next twelve months' calls, AHT and FTE from two years of interval history.

    Forecast (the annual budget's method): each plan month is the same month last year, slot by
    slot, with calls × ``growth`` (default: Σ calls of the last 12 months ÷ Σ calls of the 12
    before) and AHT × the year-on-year ratio of the call-weighted AHT
    (:func:`ccskills.forecasting.call_weighted_aht`), so the intraday and weekly shapes, the
    holidays and the shopping festivals of last year carry over. Staffing: per slot the Erlang C
    agents for ``target_sl`` within ``answer_time`` seconds, scheduled after ``shrinkage``
    (default: the registry's target, 0.30), paid hours and FTE = paid hours ÷ (``hours_per_fte``
    × days ÷ 365), all by :func:`ccskills.staffing.plan_staffing`.

    ``history``: columns interval_start, calls, aht_s (``ccskills.datasets.wfm.load_interval_history``),
    at least the last 24 whole months.

    >>> from ccskills.datasets.wfm import load_interval_history
    >>> plan = annual_fte_plan(load_interval_history("ecommerce"))
    >>> f"{plan.months.index[0]:%Y-%m}", len(plan.months), round(plan.growth, 3)
    ('2026-10', 12, 1.143)
    """
    from ..forecasting import call_weighted_aht
    from ..staffing import plan_staffing

    frame = _history(history)
    prior, last, end = _year_slices(frame)
    before, recent = frame.loc[prior:last - pd.Timedelta(1)], frame.loc[last:end - pd.Timedelta(1)]
    measured = float(recent["calls"].sum() / before["calls"].sum())
    growth = measured if growth is None else float(check_positive("growth", growth))
    trend = float(call_weighted_aht(recent["calls"], recent["aht_s"], None)
                  / call_weighted_aht(before["calls"], before["aht_s"], None))
    shrink = REGISTRY["shrinkage"].target if shrinkage is None else shrinkage
    shrink = float(check_fraction("shrinkage", shrink, high_open=True))
    rows = {}
    for month, slots in recent.groupby(recent.index.to_period("M")):
        plan = plan_staffing(slots["calls"].astype(float) * growth, slots["aht_s"] * trend, target_sl=target_sl,
                             answer_time=answer_time, shrinkage=shrink, hours_per_fte=hours_per_fte)
        summary = plan.summary()
        rows[month.start_time + pd.DateOffset(years=1)] = {"basis_month": month.start_time, **{
            k: float(summary[k]) for k in ("calls", "aht_s", "workload_hours", "phone_hours", "paid_hours", "fte",
                                           "service_level", "peak_required", "peak_scheduled")}}
    months = pd.DataFrame.from_dict(rows, orient="index").rename_axis("month")
    return FtePlan(months, growth, trend, shrink, target_sl, float(answer_time), float(hours_per_fte))


# ---------------------------------------------------------------- reading a filled sheet
def _columns(frame, columns: dict, required: tuple, what: str) -> tuple[pd.DataFrame, dict]:
    """``frame`` with its headers (ids, zh or en headers) renamed to ids, and id → header shown."""
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"{what} must be a DataFrame, got {type(frame).__name__!r}")
    names = {}
    for header in frame.columns:
        text = str(header).strip().lower()
        for key, (zh, en) in columns.items():
            if text in (key, zh.lower(), en.lower()):
                names[header] = key
    renamed = frame.rename(columns=names)
    for key in required:
        if key not in renamed.columns:
            zh, en = columns[key]
            raise ValueError(f"{what} must have the column {key!r} ({zh} / {en}), got columns {list(frame.columns)!r}")
    return renamed, {v: k for k, v in names.items()}


def _row_names(frame: pd.DataFrame) -> list:
    if "id" in frame.columns:
        return [str(v) if pd.notna(v) else f"#{i + 1}" for i, v in enumerate(frame["id"])]
    return [str(i) for i in frame.index]


def _numbers(frame, key, shown, rows, *, low, high=None, whole=False, blank_ok=False) -> np.ndarray:
    """The column ``key`` as floats; a bad cell raises naming the column as shown and the row."""
    out = np.full(len(frame), np.nan)
    must = f"a whole number {low}–{high}" if whole else f"a number ≥ {low}"
    for i, value in enumerate(frame[key].tolist()):
        if value is None or (isinstance(value, float) and math.isnan(value)) or (isinstance(value, str) and not value.strip()):
            if blank_ok:
                continue
            raise ValueError(f"{shown.get(key, key)} must be {must}, got an empty cell in row {rows[i]!r}")
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = math.nan
        if isinstance(value, bool) or not math.isfinite(number) or number < low or (high is not None and number > high) \
                or (whole and number != round(number)):
            raise ValueError(f"{shown.get(key, key)} must be {must}, got {value!r} in row {rows[i]!r}")
        out[i] = number
    return out


def _category(frame, key, shown, rows, options: dict) -> list[str]:
    """Each cell of ``key`` as an option id; the cell may hold the id, the zh or the en name."""
    out = []
    for i, value in enumerate(frame[key].tolist()):
        text = str(value).strip().lower() if value is not None else ""
        found = [k for k, names in options.items() if k in text or names[0] in text or names[1].lower() in text]
        if len(found) != 1:
            allowed = [f"{k} ({names[0]})" for k, names in options.items()]
            raise ValueError(f"{shown.get(key, key)} must be one of {allowed}, got {value!r} in row {rows[i]!r}")
        out.append(found[0])
    return out


# ---------------------------------------------------------------- the annual audit
@dataclass(frozen=True)
class AuditScore:
    """The annual management-system audit scored (by :func:`audit_score`).

    ``total``: Σ weight × score ÷ (3 × Σ weight) over the scored items (0..1); ``parts``: per
    part (index part id) items, scored, weight, points, max_points, percent; ``gaps``: scored
    items below 2 (no evidence yet), heaviest first; ``unscored``: items left empty.
    """

    total: float
    parts: pd.DataFrame
    gaps: pd.DataFrame
    unscored: int

    def rating(self, lang: str = "zh") -> str:
        """良好 / 基本具备 / 需改进 (≥ 80 %, ≥ 60 %, below)."""
        check_lang(lang)
        return next(_pick((zh, en), lang) for low, zh, en in AUDIT_RATINGS if self.total >= low)

    def table(self, lang: str = "zh") -> pd.DataFrame:
        """The per-part summary with a total row and headers in ``lang`` (what the Excel summary shows)."""
        check_lang(lang)
        parts = self.parts.copy()
        parts.index = [_pick(AUDIT_PARTS[p], lang) for p in parts.index]
        total = parts[["items", "scored", "weight", "points", "max_points"]].sum()
        total["percent"] = self.total
        parts.loc[_pick(("合计", "Total"), lang)] = total
        heads = (["检查项数", "已评分", "权重合计", "得分", "满分", "得分率"] if lang == "zh" else
                 ["Items", "Scored", "Weight", "Points", "Max points", "Percent"])
        return parts.set_axis(heads, axis=1).rename_axis(_pick(("部分", "Part"), lang)).reset_index()


def audit_score(frame: pd.DataFrame) -> AuditScore:
    """Score a filled audit checklist: weighted points per part and in total, and the gaps.

    ``frame``: one row per item with the columns part, weight and score (ids, or the sheet's
    Chinese or English headers; id and item are used when present). Part: an id or name of
    :data:`AUDIT_PARTS`; weight ≥ 0; score a whole number 0–3 (:data:`AUDIT_SCALE`) or empty
    (not scored yet: left out of the points and counted in ``unscored``). A bad cell raises
    ``ValueError`` naming the column and the row (the item id, else the index).

    >>> audit = pd.DataFrame({"part": ["culture", "review"], "weight": [2, 1], "score": [3, 0]})
    >>> result = audit_score(audit)
    >>> round(result.total, 4), float(result.parts.loc["culture", "points"])
    (0.6667, 6.0)
    """
    table, shown = _columns(frame, AUDIT_COLUMNS, ("part", "weight", "score"), "frame")
    rows = _row_names(table)
    parts = _category(table, "part", shown, rows, AUDIT_PARTS)
    weight = _numbers(table, "weight", shown, rows, low=0)
    score = _numbers(table, "score", shown, rows, low=0, high=3, whole=True, blank_ok=True)
    scored = ~np.isnan(score)
    items = pd.DataFrame({"part": parts, "weight": weight, "scored": scored,
                          "points": np.where(scored, weight * np.nan_to_num(score), 0.0),
                          "max_points": np.where(scored, 3 * weight, 0.0)})
    by = items.groupby("part", sort=False).agg(items=("part", "size"), scored=("scored", "sum"),
                                               weight=("weight", "sum"), points=("points", "sum"),
                                               max_points=("max_points", "sum"))
    by = by.reindex([p for p in AUDIT_PARTS if p in by.index])
    by["percent"] = by["points"] / by["max_points"].where(by["max_points"] > 0)
    possible = items["max_points"].sum()
    total = float(items["points"].sum() / possible) if possible > 0 else math.nan
    low = scored & (np.nan_to_num(score, nan=3) < 2)
    gaps = pd.DataFrame({"item": rows, "part": parts, "weight": weight, "score": score})[low]
    if "item" in table.columns:
        gaps["text"] = table["item"].to_numpy()[low]
    gaps = gaps.sort_values(["weight", "score"], ascending=[False, True], kind="stable").reset_index(drop=True)
    return AuditScore(total, by.astype({"items": int, "scored": int}), gaps, int((~scored).sum()))


# ---------------------------------------------------------------- vendor selection
@dataclass(frozen=True)
class VendorScores:
    """The system-selection checklist scored (by :func:`vendor_scores`).

    ``table`` (index vendor): points, max_points, weighted_total (0..1), failed_musts (count),
    eligible (no failed "must"), rank (1 = best among the eligible; NaN when not eligible);
    ``failed``: one row per vendor and "must" requirement scored below :data:`MUST_MINIMUM`.
    """

    table: pd.DataFrame
    failed: pd.DataFrame

    @property
    def best(self) -> str | None:
        """The eligible vendor with the highest weighted total (None when every vendor fails a must)."""
        ranked = self.table["rank"].dropna()
        return None if ranked.empty else str(ranked.idxmin())


def vendor_scores(frame: pd.DataFrame) -> VendorScores:
    """Weighted totals of the vendors on a requirement checklist, and who fails a "must".

    ``frame``: one row per requirement with the columns priority (must / should / could, or
    必须 / 应该 / 可以) and weight (≥ 0), then one column per vendor with a score 0–3 on every line
    (:data:`VENDOR_SCALE`); id, module, requirement and note columns are read as text. Weighted
    total = Σ weight × score ÷ (3 × Σ weight). A vendor scoring a "must" below
    :data:`MUST_MINIMUM` (0, not supported) fails it and is not eligible, whatever its total.

    >>> req = pd.DataFrame({"priority": ["must", "could"], "weight": [3, 1], "X": [0, 3], "Y": [2, 1]})
    >>> result = vendor_scores(req)
    >>> result.table["weighted_total"].round(4).tolist(), result.best
    ([0.25, 0.5833], 'Y')
    """
    table, shown = _columns(frame, REQUIREMENT_COLUMNS, ("priority", "weight"), "frame")
    vendors = [c for c in table.columns if c not in REQUIREMENT_COLUMNS]
    if not vendors:
        raise ValueError(f"frame must have at least one vendor column after {list(REQUIREMENT_COLUMNS)}, "
                         f"got columns {list(frame.columns)!r}")
    rows = _row_names(table)
    priority = np.array(_category(table, "priority", shown, rows, {k: v[:2] for k, v in PRIORITIES.items()}))
    weight = _numbers(table, "weight", shown, rows, low=0)
    if weight.sum() <= 0:
        raise ValueError(f"weight must have a positive total, got {weight.sum()!r}")
    must, out, failed = priority == "must", {}, []
    for vendor in vendors:
        score = _numbers(table, vendor, {}, rows, low=0, high=3, whole=True)
        fails = must & (score < MUST_MINIMUM)
        failed += [(str(vendor), rows[i], float(score[i])) for i in np.flatnonzero(fails)]
        out[str(vendor)] = {"points": float(weight @ score), "max_points": float(3 * weight.sum()),
                            "weighted_total": float(weight @ score / (3 * weight.sum())),
                            "failed_musts": int(fails.sum()), "eligible": not fails.any()}
    result = pd.DataFrame.from_dict(out, orient="index").rename_axis("vendor")
    ok = result["eligible"]
    result["rank"] = result["weighted_total"].where(ok).rank(ascending=False, method="min")
    return VendorScores(result, pd.DataFrame(failed, columns=["vendor", "requirement", "score"]))


# ---------------------------------------------------------------- the digital-management role
def daily_watch_list(lang: str = "zh") -> pd.DataFrame:
    """The standard indicators a 数字化管理专员 (digital-management analyst) reads every day.

    The daily report's indicators (:data:`ccskills.kpi.REPORT_INDICATORS` ``["D"]``), each with
    its name, objective group, formula, unit, direction and registry target (NaN when the
    registry sets none; a band shows its lower end in ``target`` and upper in ``target_high``).

    >>> daily_watch_list("en")["kpi"].tolist()[:3]
    ['offered', 'answered', 'abandonment_rate']
    """
    check_lang(lang)
    rows = []
    for kpi in REPORT_INDICATORS["D"]:
        ind = REGISTRY[kpi]
        low, high = ind.target if isinstance(ind.target, tuple) else (ind.target, None)
        group = _pick(OBJECTIVE_GROUPS[KPI_GROUPS[kpi]], lang) if kpi in KPI_GROUPS else _pick(("（业务量）", "(volume)"), lang)
        rows.append([kpi, label(kpi, lang), group, _pick((ind.formula_zh, ind.formula_en), lang), ind.unit,
                     ind.direction or "", low, high])
    frame = pd.DataFrame(rows, columns=["kpi", "name", "group", "formula", "unit", "direction", "target", "target_high"])
    frame[["target", "target_high"]] = frame[["target", "target_high"]].astype(float)
    return frame

