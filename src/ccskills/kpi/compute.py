"""One entry point for every registered KPI at any grain: :func:`compute` (and :func:`compute_grains`).

Each KPI is a ratio of sums, so each table is reduced once to per-row indicators
and then summed with one pandas ``groupby`` per grain (no per-row Python):

- call records -> volumes, abandonment, service level, ASA, handling, transfers,
  FCR, CSAT (the formulas of ``service``, ``handling``, ``customer``);
- survey responses -> NPS, CES (``survey``), grouped by ``responded_at``;
- agent states -> occupancy, utilisation, shrinkage (``workforce``), grouped by
  ``date``: one row per agent-day, so they are NaN at grains finer than a day;
- cost lines -> cost per contact and per productive hour (``cost``), grouped by
  ``month``: only at ``freq`` 'MS' or None and ``by`` None or 'queue', NaN elsewhere
  (monthly costs are not split into days or agents).
"""

from __future__ import annotations

import operator

import numpy as np
import pandas as pd
from pandas.tseries.frequencies import to_offset

from . import service, survey as survey_kpi, workforce
from ._records import (check_records, check_threshold, customer_indicators, handling_indicators,
                       queue_indicators, ratio, sums)
from .registry import REGISTRY, indicator
from .status import rag_status, resolve_targets
from .summary import _RATIO_FORMULAS, _period_start

__all__ = ["compute", "compute_grains", "COMPUTED_INDICATORS"]

_COUNTS = ("offered", "answered", "abandoned", "short_abandoned", "blocked")
# Call-record indicator -> formula over the summed indicators: the counts themselves plus the
# ratio formulas of ``summary`` (one mapping; service level is chosen by definition in _call_values).
_CALL_FORMULAS = {
    **{c: operator.itemgetter(c) for c in _COUNTS},
    **{id: f for id, f in _RATIO_FORMULAS.items() if f is not None},
}
_HANDLING = {"avg_talk_s", "avg_hold_s", "avg_acw_s", "aht_s", "transfer_rate"}
_CUSTOMER = {"fcr_rate", "csat_top2_box"}
_SURVEY = {"nps", "ces"}
_STATES = {"occupancy", "utilisation", "shrinkage"}
_COSTS = {"cost_per_contact", "cost_per_productive_hour"}
_STATE_KEYS = ("queue", "team", "agent_id")
#: Every indicator :func:`compute` can compute, in registry order.
COMPUTED_INDICATORS = tuple(i for i in REGISTRY if REGISTRY[i].module == "ccskills.kpi")


def _default_ids(survey, agent_states, costs) -> list:
    skip = set()
    if survey is None:
        skip |= _SURVEY
    if agent_states is None:
        skip |= _STATES | {"cost_per_productive_hour"}
    if costs is None:
        skip |= _COSTS
    return [i for i in COMPUTED_INDICATORS if i not in skip]


def _check_ids(indicators, survey, agent_states, costs) -> list:
    if indicators is None:
        return _default_ids(survey, agent_states, costs)
    ids = [indicators] if isinstance(indicators, str) else list(indicators)
    for id in ids:
        ind = indicator(id)
        if ind.module != "ccskills.kpi":
            raise ValueError(f"indicators must be computable by ccskills.kpi, got {id!r} "
                             f"(computed by {ind.module} from {ind.source})")
    needs = {"survey": (survey, _SURVEY), "agent_states": (agent_states, _STATES),
             "costs": (costs, _COSTS)}
    for name, (table, family) in needs.items():
        wanted = [i for i in ids if i in family]
        if wanted and table is None:
            raise ValueError(f"{name} must be given to compute {wanted[0]!r}, got None")
    if "cost_per_productive_hour" in ids and agent_states is None:
        raise ValueError("agent_states must be given to compute 'cost_per_productive_hour', got None")
    return ids


def _check_definitions(definitions, ids) -> dict:
    if definitions is None:
        return {}
    if not isinstance(definitions, dict):
        raise ValueError(f"definitions must be None or a dict of id -> definition name, got {definitions!r}")
    for id, name in definitions.items():
        indicator(id).variant(name)  # raises naming the valid ones
    return dict(definitions)


def _by_names(by) -> list:
    names = [] if by is None else [by] if isinstance(by, str) else by
    if not isinstance(names, (list, tuple)) or not all(isinstance(n, str) for n in names):
        raise ValueError(f"by must be None, a column name or a list of column names, got {by!r}")
    return list(names)


def _with_team(table, names, agents):
    """``table`` with a ``team`` column from ``agents`` (by ``agent_id``) when grouping needs it."""
    if "team" not in names or "team" in table.columns:
        return table
    if agents is None:
        raise ValueError("agents must be given to group by 'team' (the records have no team column), got None")
    check_records(agents, ["agent_id", "team"], "agents")
    team = table["agent_id"].map(agents.drop_duplicates("agent_id").set_index("agent_id")["team"])
    return table.assign(team=team)


def _is_sub_daily(freq) -> bool:
    if freq is None or freq in ("W", "MS"):
        return False
    noon = pd.Timestamp("2026-01-01 12:00")
    return noon.floor(to_offset(freq)) != noon.normalize()


class _Prepared:
    """Per-row indicators of one table plus its time column and group-key columns.

    :meth:`sums` is a groupby-sum done with numpy: integer codes per key (cached), one
    ``np.unique`` of the combined code and one ``np.bincount`` per indicator column, which
    is several times faster than ``DataFrame.groupby(...).sum()`` on a million rows and
    gives the same table (keys sorted, missing keys last).
    """

    def __init__(self, indicators: pd.DataFrame, time: pd.Series, keys: pd.DataFrame):
        self.indicators, self.time, self.keys = indicators, time, keys
        # missing values count as 0, as pandas' groupby-sum skips them
        self._columns = [np.nan_to_num(indicators[c].to_numpy(dtype=float, na_value=np.nan))
                         for c in indicators.columns]
        self._codes: dict = {}

    def _period_codes(self, freq):
        """Dense integer codes 0..k-1 of the period holding each row, and the k period starts."""
        if ("period", freq) not in self._codes:
            self._codes[("period", freq)] = _dense_period_codes(self.time, freq)
        return self._codes[("period", freq)]

    def _key_codes(self, name):
        if ("key", name) not in self._codes:
            column = self.keys[name]
            codes = column.cat.codes.to_numpy().astype(np.int64)
            categories = list(column.cat.categories)
            missing = codes < 0
            if missing.any():
                codes = np.where(missing, len(categories), codes)
                categories.append(np.nan)
            self._codes[("key", name)] = (codes, pd.Index(categories, name=name, dtype=object))
        return self._codes[("key", name)]

    def sums(self, freq, names) -> pd.DataFrame:
        levels = ([] if freq is None else [self._period_codes(freq)]) + [self._key_codes(n) for n in names]
        if not levels:
            return sums(self.indicators).set_axis(pd.Index(["all"], name="group"))
        combined = np.zeros(len(self.indicators), dtype=np.int64)
        size = 1
        for codes, values in levels:
            combined = combined * len(values) + codes
            size *= len(values)
        if size <= _DENSE_LIMIT:  # no sort: count per code, keep the codes that occur
            groups = np.flatnonzero(np.bincount(combined, minlength=size))
            lookup = np.empty(size, dtype=np.int64)
            lookup[groups] = np.arange(len(groups))
            inverse = lookup[combined]
        else:
            groups, inverse = np.unique(combined, return_inverse=True)
            inverse = inverse.ravel()
        data = {c: np.bincount(inverse, weights=w, minlength=len(groups))
                for c, w in zip(self.indicators.columns, self._columns)}
        arrays, rest = [], groups
        for codes, values in reversed(levels):
            arrays.append(values[rest % len(values)])
            rest = rest // len(values)
        arrays.reverse()
        index = arrays[0] if len(arrays) == 1 else pd.MultiIndex.from_arrays(arrays)
        return pd.DataFrame(data, index=index)


_DENSE_LIMIT = 20_000_000  # combined key space up to which group codes are found without sorting
_EPOCH_WEEKDAY = 3  # 1970-01-01 was a Thursday: Monday-based weeks start 3 days earlier


def _dense_period_codes(time: pd.Series, freq) -> tuple:
    """Codes 0..k-1 (k = periods from the first to the last row) and the period starts, by
    integer arithmetic on the timestamps: the same periods as :func:`summary._period_start`."""
    stamps = _period_start(pd.DataFrame({"arrival": time.iloc[:1]}), freq)  # validates freq
    del stamps
    arrival = pd.to_datetime(time, errors="coerce")
    if arrival.isna().any():
        _period_start(pd.DataFrame({"arrival": time}), freq)  # raises naming the rows
    ns = arrival.to_numpy(dtype="datetime64[ns]").view(np.int64)
    if len(ns) == 0:
        return np.zeros(0, dtype=np.int64), pd.DatetimeIndex([], name="period", dtype="datetime64[ns]")
    day = 86_400 * 10**9
    if freq == "MS":
        months = arrival.dt.year.to_numpy(dtype=np.int64) * 12 + arrival.dt.month.to_numpy(dtype=np.int64) - 1
        first = months.min()
        k = np.arange(_periods(months.max() - first + 1, freq))
        starts = pd.to_datetime({"year": (first + k) // 12, "month": (first + k) % 12 + 1, "day": 1})
        return months - first, pd.DatetimeIndex(starts, name="period").astype("datetime64[ns]")
    if freq == "W":
        slot = (ns // day + _EPOCH_WEEKDAY) // 7
        step, offset = 7 * day, -_EPOCH_WEEKDAY * day
    else:
        step, offset = (pd.Timestamp(0) + to_offset(freq)).value, 0
        slot = ns // step
    first = slot.min()
    starts = (first + np.arange(_periods(slot.max() - first + 1, freq))) * step + offset
    return slot - first, pd.DatetimeIndex(starts.astype("datetime64[ns]"), name="period")


#: Most periods one table may span at the chosen ``freq`` (about two years of minutes): beyond it
#: the arrival times hold a typing error (a year 1700 or 2200) and the table would not fit memory.
MAX_PERIODS = 1_000_000


def _periods(count, freq) -> int:
    if count > MAX_PERIODS:
        raise ValueError(f"freq must give at most {MAX_PERIODS:,} periods over the arrival times "
                         f"(check for a wrong year), got {freq!r} over {int(count):,} periods")
    return int(count)


def _keys(table, names, label="records") -> pd.DataFrame:
    check_records(table, names, label)
    return pd.DataFrame({n: table[n].astype("category") for n in names}, index=table.index)


def _prepare_calls(records, ids, names, agents, t, short) -> _Prepared:
    check_records(records, ["arrival"])
    records = _with_team(records, names, agents)
    parts = [queue_indicators(records, t, short)]
    if _HANDLING & set(ids):
        parts.append(handling_indicators(records).drop(columns="answered"))
    if _CUSTOMER & set(ids):
        cust = customer_indicators(records)
        cust["csat_sum"] = pd.to_numeric(records["csat"]).fillna(0).astype(float)
        parts.append(cust)
    ind = pd.concat(parts, axis=1).astype(float)
    return _Prepared(ind, records["arrival"], _keys(records, names))


def _prepare_survey(survey, ids, names, agents) -> _Prepared:
    check_records(survey, ["responded_at"], "survey")
    survey = _with_team(survey, names, agents)
    ind = survey_kpi.survey_indicators(survey, [c for c in ("nps", "ces") if c in ids])
    names = [n for n in names if n in survey.columns]
    return _Prepared(ind, survey["responded_at"], _keys(survey, names, "survey"))


def _prepare_states(states, names, agents) -> _Prepared:
    check_records(states, ["date"], "agent_states")
    states = _with_team(states, names, agents)
    return _Prepared(workforce.state_indicators(states), states["date"],
                     _keys(states, names, "agent_states"))


def _call_values(s, ids, defs, answer_time, short_abandon) -> dict:
    out = {}
    for id in ids:
        if id == "service_level":
            out[id] = service.service_level_definition(defs.get(id, "offered")).value(s)
        elif id == "abandonment_rate" and defs.get(id) == "excl_short":
            out[id] = service._abandonment_rate_excl_short(s)
        elif id == "aht_s" and defs.get(id) == "talk_acw":
            out[id] = ratio(s["talk_s"] + s["acw_s"], s["answered"])
        elif id == "csat_top2_box" and defs.get(id) == "mean_score":
            out[id] = ratio(s["csat_sum"], s["csat_responses"])
        elif id == "fcr_rate" and defs.get(id, "agent_flag") != "agent_flag":
            raise ValueError(f"definitions['fcr_rate'] must be 'agent_flag' for call records, "
                             f"got {defs[id]!r}")
        elif id in _CALL_FORMULAS:
            out[id] = _CALL_FORMULAS[id](s)
    return out


def _aligned(frame, index) -> pd.DataFrame:
    """``frame`` re-indexed on the call groups (missing groups: NaN)."""
    if isinstance(index, pd.MultiIndex) != isinstance(frame.index, pd.MultiIndex):
        return pd.DataFrame(index=index, columns=frame.columns, dtype=float)
    return frame.reindex(index)


def _grain_ok_for_costs(freq, names) -> bool:
    return freq in (None, "MS") and set(names) <= {"queue"}


def _compute_one(prepared, ids, defs, freq, names, costs, answer_time, short_abandon) -> pd.DataFrame:
    s = prepared["calls"].sums(freq, names)
    out = pd.DataFrame(_call_values(s, ids, defs, answer_time, short_abandon), index=s.index)
    for c in _COUNTS:
        if c in out:
            out[c] = out[c].astype("int64")
    if "survey" in prepared:
        fits = all(n in prepared["survey"].keys for n in names)
        ss = _aligned(prepared["survey"].sums(freq, names), s.index) if fits else None
        nan = pd.Series(float("nan"), index=s.index)
        if "nps" in ids:
            out["nps"] = nan if ss is None else survey_kpi._nps(ss)
        if "ces" in ids:
            out["ces"] = nan if ss is None else survey_kpi._ces(defs.get("ces", "mean"))(ss)
    states = None
    if "states" in prepared and not _is_sub_daily(freq):
        if all(n in prepared["states"].keys for n in names):
            states = _aligned(prepared["states"].sums(freq, names), s.index)
    for id in sorted(_STATES & set(ids), key=ids.index):
        out[id] = float("nan") if states is None else workforce.formula(id, defs.get(id))(states)
    if _COSTS & set(ids):
        _add_costs(out, s, states, costs, ids, defs, freq, names)
    return out[[i for i in ids if i in out]]


def _add_costs(out, s, states, costs, ids, defs, freq, names) -> None:
    total = None
    if _grain_ok_for_costs(freq, names):
        check_records(costs, ["month", "amount_cny"] + names, "costs")
        month = pd.DataFrame({"arrival": pd.to_datetime(costs["month"])})
        keys = ([] if freq is None else [_period_start(month, "MS")]) + [costs[n] for n in names]
        amount = costs["amount_cny"].astype(float)
        total = amount.groupby(keys).sum() if keys else pd.Series([amount.sum()], index=s.index)
        total = total.reindex(s.index) if keys else total
    nan = pd.Series(float("nan"), index=s.index)
    if "cost_per_contact" in ids:
        volume = s["offered"] if defs.get("cost_per_contact") == "per_offered" else s["answered"]
        out["cost_per_contact"] = nan if total is None else ratio(total, volume)
    if "cost_per_productive_hour" in ids:
        if total is None or states is None:
            out["cost_per_productive_hour"] = nan
        else:
            hours = workforce.formula("productive_hours", defs.get("cost_per_productive_hour"))(states)
            out["cost_per_productive_hour"] = ratio(total, hours)


def _prepare(records, ids, names, agents, survey, agent_states, answer_time, short_abandon) -> dict:
    t = check_threshold("answer_time", answer_time)
    short = check_threshold("short_abandon", short_abandon)
    prepared = {"calls": _prepare_calls(records, ids, names, agents, t, short)}
    if _SURVEY & set(ids):
        prepared["survey"] = _prepare_survey(survey, ids, [n for n in names if n in _STATE_KEYS + tuple(
            survey.columns)], agents)
    if (_STATES | {"cost_per_productive_hour"}) & set(ids):
        states_names = [n for n in names if n in _STATE_KEYS or n in agent_states.columns]
        prepared["states"] = _prepare_states(agent_states, states_names, agents)
    return prepared


def _with_status(out, targets) -> pd.DataFrame:
    if targets is None or targets is False:
        return out
    for id, t in resolve_targets(targets, list(out.columns)).items():
        out[f"{id}_status"] = rag_status(out[id], t.direction, t.target, t.amber)
    return out


def compute(records, indicators=None, freq="D", by=None, *, targets=None, definitions=None,
            agents=None, survey=None, agent_states=None, costs=None, answer_time=20,
            short_abandon=5) -> pd.DataFrame:
    """Registered KPIs per period and group, one column per indicator id (and ``<id>_status``).

    Parameters
    ----------
    records : call records (columns of ``ccskills.datasets.load_call_records``).
    indicators : ids of :data:`ccskills.kpi.REGISTRY` computed by ``ccskills.kpi`` (see
        :data:`COMPUTED_INDICATORS`); None: every one the given tables allow.
    freq : None (whole table), a fixed length ('15min', 'h', 'D'), 'W' (weeks from Monday)
        or 'MS' (calendar months), on the period holding ``arrival`` (calls),
        ``responded_at`` (survey), ``date`` (agent states) or ``month`` (costs).
    by : None, a column name or list of names, e.g. 'queue', 'team', 'agent_id'. 'team'
        is taken from ``agents`` (by ``agent_id``) when a table has no team column.
    targets : None (values only), True (the registry's targets) or a dict id -> target or
        (target, amber); adds a ``<id>_status`` column "green" / "amber" / "red".
    definitions : dict id -> variant name (e.g. ``{"service_level": "answered",
        "occupancy": "handle_over_logged_in"}``); defaults are each indicator's first.
    survey, agent_states, costs : the operations tables (``ccskills.datasets.operations``).
    answer_time, short_abandon : thresholds in seconds (service level; short abandons).

    Returns a DataFrame indexed like :func:`ccskills.kpi.summarize` (``period`` first,
    then ``by``; index ``['all']`` when neither is given): counts as int, rates as
    fractions, times in seconds, NPS -100..100, CES 1-7, costs in CNY; NaN where a
    denominator is 0 or the grain does not fit the table (see the module docstring).

    >>> calls = pd.DataFrame({
    ...     "arrival": pd.to_datetime(["2026-03-02 08:05", "2026-03-02 08:20", "2026-03-03 09:10"]),
    ...     "queue": ["presales"] * 3, "outcome": ["answered", "abandoned", "answered"],
    ...     "wait_s": [10, 50, 30]})
    >>> compute(calls, ["offered", "service_level", "asa_s"], freq="D", targets=True)
    ... # doctest: +NORMALIZE_WHITESPACE
                offered  service_level  asa_s service_level_status asa_s_status
    period
    2026-03-02        2            0.5   10.0                  red        green
    2026-03-03        1            0.0   30.0                  red        green
    """
    ids = _check_ids(indicators, survey, agent_states, costs)
    defs = _check_definitions(definitions, ids)
    names = _by_names(by)
    prepared = _prepare(records, ids, names, agents, survey, agent_states, answer_time, short_abandon)
    out = _compute_one(prepared, ids, defs, freq, names, costs, answer_time, short_abandon)
    out.attrs.update(freq=freq, by=names, definitions=defs, answer_time=answer_time,
                     short_abandon=short_abandon)
    return _with_status(out, targets)


def compute_grains(records, grains, indicators=None, *, targets=None, definitions=None,
                   agents=None, survey=None, agent_states=None, costs=None, answer_time=20,
                   short_abandon=5) -> dict:
    """:func:`compute` for many (freq, by) grains at once, preparing each table only once.

    ``grains`` is a list of ``(freq, by)`` pairs; returns a dict ``(freq, by) -> DataFrame``
    equal to ``compute(records, indicators, freq, by, ...)`` for each.

    >>> calls = pd.DataFrame({"arrival": pd.to_datetime(["2026-03-02 08:05", "2026-03-02 08:20"]),
    ...     "queue": ["presales", "aftersales"], "outcome": ["answered", "abandoned"], "wait_s": [10, 50]})
    >>> out = compute_grains(calls, [("D", None), (None, "queue")], ["offered"])
    >>> out[(None, "queue")]["offered"].to_dict()
    {'aftersales': 1, 'presales': 1}
    """
    ids = _check_ids(indicators, survey, agent_states, costs)
    defs = _check_definitions(definitions, ids)
    grains = [(f, tuple(_by_names(b)) if isinstance(b, (list, tuple)) else b) for f, b in grains]
    every = sorted({n for _, b in grains for n in _by_names(list(b) if isinstance(b, tuple) else b)})
    prepared = _prepare(records, ids, every, agents, survey, agent_states, answer_time, short_abandon)
    result = {}
    for freq, by in grains:
        names = _by_names(list(by) if isinstance(by, tuple) else by)
        out = _compute_one(prepared, ids, defs, freq, names, costs, answer_time, short_abandon)
        result[(freq, by)] = _with_status(out, targets)
    return result
