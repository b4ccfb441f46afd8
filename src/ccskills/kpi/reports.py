"""The data-driven report set: daily / weekly / monthly KPI reports with targets and RAG, and
the "what changed and why" view.

Report norms (seeds/002 数字化管理, seeds/000 报表管理规范): a fixed set of standard
indicators per report, each with its target and status, the previous period beside it,
and for what moved an explanation someone can act on. :func:`kpi_report` builds one
report (one period, one row per indicator, one column per group and the total);
:func:`what_changed` splits the change of a call-record KPI between two periods into
what each group contributed, as a change in its own rate (rate effect) and as a change
in its share of the volume (mix effect): with weights ``w`` (the KPI's denominator
share) and rates ``r``, ``Δ total = Σ w̄·Δr + Σ Δw·r̄`` exactly (symmetric shift-share).
Formatting, charts and Excel are in the presentation module ``ccskills.kpi_charts``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ._records import check_threshold
from .compute import (_CALL_FORMULAS, _default_ids, _prepare_calls, compute_grains)
from .status import resolve_targets
from .summary import _period_start
from .registry import indicator
from .service import service_level_definition
from .._validation import check_lang

__all__ = ["Report", "kpi_report", "REPORT_INDICATORS", "what_changed", "explain_change",
           "WHAT_CHANGED_INDICATORS"]

_DAILY = ["offered", "answered", "abandonment_rate", "service_level", "asa_s", "aht_s",
          "transfer_rate", "fcr_rate", "csat_top2_box", "occupancy"]
_WEEKLY = _DAILY[:3] + ["abandonment_rate_excl_short", "service_level", "asa_s",
                        "avg_time_to_abandon_s", "aht_s", "avg_acw_s", "transfer_rate", "fcr_rate",
                        "csat_top2_box", "nps", "ces", "occupancy", "utilisation", "shrinkage"]
_MONTHLY = _WEEKLY + ["cost_per_contact", "cost_per_productive_hour"]
#: The standard indicators of each report, by ``freq`` ('D' daily, 'W' weekly, 'MS' monthly).
REPORT_INDICATORS = {"D": tuple(_DAILY), "W": tuple(_WEEKLY), "MS": tuple(_MONTHLY)}
_KINDS = {"D": "daily", "W": "weekly", "MS": "monthly"}


@dataclass(frozen=True)
class Report:
    """One period's report: values and RAG status per indicator (rows) and group (columns).

    ``values`` and ``status`` have one row per indicator id and one column per group plus
    ``"total"``; ``previous`` holds the previous period's totals (NaN when there is none);
    ``targets`` is a DataFrame of direction, target, amber per indicator with a target.
    """

    kind: str
    period: pd.Timestamp
    previous_period: pd.Timestamp | None
    values: pd.DataFrame
    status: pd.DataFrame
    previous: pd.Series
    targets: pd.DataFrame

    @property
    def change(self) -> pd.Series:
        """Total this period minus total the period before, per indicator."""
        return self.values["total"] - self.previous

    def table(self, lang: str = "zh") -> pd.DataFrame:
        """The report as one table: indicator name, unit, target, each group's value and status,
        total, its status, the previous total and the change (numbers unformatted)."""
        check_lang(lang)
        zh = lang == "zh"
        rows = pd.DataFrame(index=self.values.index)
        rows["indicator" if not zh else "指标"] = [
            indicator(i).name_zh if zh else indicator(i).name_en for i in self.values.index]
        rows["unit" if not zh else "单位"] = [indicator(i).unit for i in self.values.index]
        rows["target" if not zh else "目标"] = self.targets["target"].reindex(self.values.index)
        for group in self.values.columns:
            label = ("合计" if zh else "total") if group == "total" else str(group)
            rows[label] = self.values[group]
            rows[f"{label} {'状态' if zh else 'status'}"] = self.status[group]
        rows["上期" if zh else "previous"] = self.previous
        rows["变化" if zh else "change"] = self.change
        return rows.rename_axis("id")


def _periods(index: pd.Index) -> list:
    level = index.get_level_values("period") if isinstance(index, pd.MultiIndex) else index
    return sorted(set(level))


def _pick(periods, period, freq):
    if period is None:
        return periods[-1]
    stamp = pd.Timestamp(period)
    start = _period_start(pd.DataFrame({"arrival": [stamp]}), freq).iloc[0]
    if start not in periods:
        raise ValueError(f"period must be a period with calls, from {periods[0]:%Y-%m-%d} to "
                         f"{periods[-1]:%Y-%m-%d}, got {period!r}")
    return start


def kpi_report(records, freq="D", period=None, *, by="queue", indicators=None, targets=True,
               definitions=None, agents=None, survey=None, agent_states=None, costs=None,
               answer_time=20, short_abandon=5) -> Report:
    """A daily ('D'), weekly ('W', from Monday) or monthly ('MS') report for one ``period``.

    ``period``: any date inside the period (default: the last period with calls);
    ``indicators``: default :data:`REPORT_INDICATORS` for ``freq``, keeping those the
    tables given allow; ``targets``: True (registry) or a dict id -> target (see
    :func:`ccskills.kpi.compute`). Values per ``by`` group and for the total.

    >>> from ccskills.datasets import load_call_records
    >>> report = kpi_report(load_call_records(), "W", "2026-03-09")
    >>> f"{report.period:%Y-%m-%d}", f"{report.previous_period:%Y-%m-%d}", list(report.values.columns)
    ('2026-03-09', '2026-03-02', ['aftersales', 'presales', 'total'])
    """
    if freq not in REPORT_INDICATORS:
        raise ValueError(f"freq must be 'D' (daily), 'W' (weekly) or 'MS' (monthly), got {freq!r}")
    if indicators is None:
        allowed = set(_default_ids(survey, agent_states, costs))
        indicators = [i for i in REPORT_INDICATORS[freq] if i in allowed]
    tables = dict(agents=agents, survey=survey, agent_states=agent_states, costs=costs)
    grains = [(freq, by), (freq, None)]
    out = compute_grains(records, grains, indicators, targets=targets, definitions=definitions,
                            answer_time=answer_time, short_abandon=short_abandon, **tables)
    grouped, total = out[grains[0]], out[grains[1]]
    periods = _periods(total.index)
    current = _pick(periods, period, freq)
    before = [p for p in periods if p < current]
    previous = before[-1] if before else None
    ids = [c for c in total.columns if not c.endswith("_status")]
    values = grouped.xs(current, level="period")[ids].T if by is not None else pd.DataFrame(index=ids)
    values["total"] = total.loc[current, ids]
    status_cols = {i: f"{i}_status" for i in ids}
    status = pd.DataFrame(index=ids, columns=values.columns, dtype="string")
    if targets:
        groups = grouped.xs(current, level="period") if by is not None else None
        for i, col in status_cols.items():
            if col in total.columns:
                row = status.index.get_loc(i)
                if groups is not None:  # by position: a group key may be missing (calls no agent took)
                    status.iloc[row, :-1] = groups[col].to_numpy()
                status.iloc[row, -1] = total.loc[current, col]
    prev = total.loc[previous, ids].astype(float) if previous is not None else pd.Series(float("nan"), index=ids)
    resolved = resolve_targets(targets, ids) if targets else {}
    target_frame = pd.DataFrame([(k, *v) for k, v in resolved.items()],
                                columns=["id", "direction", "target", "amber"]).set_index("id")
    return Report(_KINDS[freq], current, previous, values.astype(float), status, prev, target_frame)


# ------------------------------------------------------------------ what changed and why

_DENOMINATORS = {
    "answer_rate": lambda s: s["offered"],
    "abandonment_rate": lambda s: s["offered"],
    "abandonment_rate_excl_short": lambda s: s["offered"] - s["short_abandoned"],
    "blocked_rate": lambda s: s["offered"] + s["blocked"],
    "asa_s": lambda s: s["answered"],
    "avg_queue_time_s": lambda s: s["offered"],
    "avg_time_to_abandon_s": lambda s: s["abandoned"],
    "avg_talk_s": lambda s: s["answered"],
    "avg_hold_s": lambda s: s["answered"],
    "avg_acw_s": lambda s: s["answered"],
    "aht_s": lambda s: s["answered"],
    "transfer_rate": lambda s: s["answered"],
    "fcr_rate": lambda s: s["fcr_flagged"],
    "csat_top2_box": lambda s: s["csat_responses"],
}
#: Indicators :func:`what_changed` can split (ratios of call-record sums), plus service level.
WHAT_CHANGED_INDICATORS = ("service_level",) + tuple(_DENOMINATORS)


def _rate_and_weight(s, id, definition):
    if id == "service_level":
        rule = service_level_definition(definition or "offered")
        return rule.value(s), rule.denominator(s)
    return _CALL_FORMULAS[id](s), _DENOMINATORS[id](s)


def what_changed(records, indicator_id="service_level", freq="W", current=None, previous=None, *,
                 by="queue", agents=None, definition=None, answer_time=20,
                 short_abandon=5) -> pd.DataFrame:
    """Why a KPI moved between two periods: each group's contribution, split into rate and mix.

    For a KPI that is a ratio of sums (total = Σ w_g·r_g with w_g the group's share of the
    denominator, e.g. offered calls for service level, answered calls for AHT), the change
    from ``previous`` to ``current`` is split exactly into ``rate_effect`` = w̄·Δr (the
    group's own KPI moved) and ``mix_effect`` = Δw·r̄ (its share of the volume moved),
    w̄ and r̄ being the two periods' averages. One row per group, sorted by the size of the
    contribution, then a ``total`` row (contributions add up to the total change).

    ``current``/``previous``: dates inside the periods (default: the last two periods).

    >>> calls = pd.DataFrame({"arrival": pd.to_datetime(["2026-03-02"] * 4 + ["2026-03-03"] * 4),
    ...     "queue": ["a", "a", "b", "b", "a", "b", "b", "b"], "outcome": ["answered"] * 8,
    ...     "wait_s": [5, 5, 5, 60, 5, 5, 60, 60]})
    >>> table = what_changed(calls, freq="D")   # a: 2 of 4 calls -> 1 of 4; b: SL 1/2 -> 1/3
    >>> table[["previous", "current", "rate_effect", "mix_effect"]].round(3)
    ... # doctest: +NORMALIZE_WHITESPACE
           previous  current  rate_effect  mix_effect
    queue
    a          1.00    1.000        0.000      -0.250
    b          0.50    0.333       -0.104       0.104
    total      0.75    0.500       -0.104      -0.146
    """
    if indicator_id not in WHAT_CHANGED_INDICATORS:
        raise ValueError(f"indicator_id must be one of {WHAT_CHANGED_INDICATORS!r}, got {indicator_id!r}")
    if not isinstance(by, str):
        raise ValueError(f"by must be one column name, got {by!r}")
    t = check_threshold("answer_time", answer_time)
    short = check_threshold("short_abandon", short_abandon)
    prepared = _prepare_calls(records, [indicator_id], [by], agents, t, short)
    s = prepared.sums(freq, [by])
    periods = _periods(s.index)
    cur = _pick(periods, current, freq)
    earlier = [p for p in periods if p < cur]
    if previous is None and not earlier:
        raise ValueError(f"previous must be a period before {cur:%Y-%m-%d}; there is no earlier period")
    prev = _pick(periods, previous, freq) if previous is not None else earlier[-1]
    rate, weight = _rate_and_weight(s, indicator_id, definition)
    frame = pd.DataFrame({"rate": rate, "weight": weight})
    one, two = frame.xs(prev, level="period"), frame.xs(cur, level="period")
    groups = one.index.union(two.index)
    one, two = one.reindex(groups), two.reindex(groups)
    w0 = one["weight"].fillna(0) / one["weight"].sum()
    w1 = two["weight"].fillna(0) / two["weight"].sum()
    r0 = one["rate"].where(w0 > 0).fillna(two["rate"]).fillna(0)
    r1 = two["rate"].where(w1 > 0).fillna(one["rate"]).fillna(0)
    table = pd.DataFrame({"previous_share": w0, "current_share": w1,
                          "previous": one["rate"].where(w0 > 0), "current": two["rate"].where(w1 > 0),
                          "rate_effect": (w0 + w1) / 2 * (r1 - r0),
                          "mix_effect": (w1 - w0) * (r0 + r1) / 2})
    table["contribution"] = table["rate_effect"] + table["mix_effect"]
    table = table[(w0 > 0) | (w1 > 0)]  # e.g. unanswered calls without a team carry no AHT weight
    table = table.iloc[table["contribution"].abs().to_numpy().argsort(kind="stable")[::-1]]
    total_prev = (w0 * r0).sum()
    total_cur = (w1 * r1).sum()
    total = pd.DataFrame({"previous_share": [1.0], "current_share": [1.0], "previous": [total_prev],
                          "current": [total_cur], "rate_effect": [table["rate_effect"].sum()],
                          "mix_effect": [table["mix_effect"].sum()],
                          "contribution": [total_cur - total_prev]}, index=["total"])
    out = pd.concat([table, total])
    out.index.name = by
    out.attrs.update(indicator=indicator_id, current=cur, previous=prev, freq=freq)
    return out


def _fmt(id: str, value: float, points: bool = False) -> str:
    unit = indicator(id).unit
    if unit == "fraction":
        return f"{round(value * 100, 1) + 0.0:+.1f} pp" if points else f"{value:.1%}"
    return f"{round(value, 1) + 0.0:+.1f} s" if points else f"{value:.1f} s"


def explain_change(table: pd.DataFrame, lang: str = "zh", top: int = 3) -> str:
    """One paragraph saying how the KPI moved and which groups moved it (from :func:`what_changed`).

    >>> calls = pd.DataFrame({"arrival": pd.to_datetime(["2026-03-02"] * 4 + ["2026-03-03"] * 4),
    ...     "queue": ["a", "a", "b", "b", "a", "b", "b", "b"], "outcome": ["answered"] * 8,
    ...     "wait_s": [5, 5, 5, 60, 5, 5, 60, 60]})
    >>> print(explain_change(what_changed(calls, freq="D"), "en"))
    Service level went from 75.0% to 50.0% (-25.0 pp). a: -25.0 pp (own rate +0.0 pp, share of volume -25.0 pp); b: +0.0 pp (own rate -10.4 pp, share of volume +10.4 pp).
    """
    check_lang(lang)
    id = table.attrs["indicator"]
    ind = indicator(id)
    total = table.loc["total"]
    groups = table.drop(index="total").head(top)
    if lang == "zh":
        head = (f"{ind.name_zh}由 {_fmt(id, total['previous'])} 变为 {_fmt(id, total['current'])}"
                f"（{_fmt(id, total['contribution'], True)}）。")
        parts = [f"{g}：{_fmt(id, r['contribution'], True)}（自身变化 {_fmt(id, r['rate_effect'], True)}，"
                 f"话量占比变化 {_fmt(id, r['mix_effect'], True)}）" for g, r in groups.iterrows()]
        return head + "；".join(parts) + "。"
    head = (f"{ind.name_en} went from {_fmt(id, total['previous'])} to {_fmt(id, total['current'])} "
            f"({_fmt(id, total['contribution'], True)}).")
    parts = [f"{g}: {_fmt(id, r['contribution'], True)} (own rate {_fmt(id, r['rate_effect'], True)}, "
             f"share of volume {_fmt(id, r['mix_effect'], True)})" for g, r in groups.iterrows()]
    return head + " " + "; ".join(parts) + "."
