"""Fuzz tier (issue 9, item 10) for the operations modules: kpi, quality, kano, evaluation,
people, spc.

Every public call below gets extreme inputs (0, tiny, huge, inf, NaN, negative, empty,
constant) and must either return a result with no unexplained NaN and every rate or
probability in [0, 1], or raise ValueError / TypeError whose message names a parameter in the
house format ``"{name} must …"``. Each example has a deadline of a few seconds; the file runs in
well under a minute. The expectations are the documented contracts, not outputs pasted back.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ccskills import evaluation, kano, people, spc
from ccskills import kpi
from ccskills import quality as qa
from ccskills.i18n import parameter_of

FUZZ = settings(max_examples=40, deadline=5000, suppress_health_check=[HealthCheck.too_slow],
                derandomize=True)
# "{name} must …", also "answers['key'] must …" (an entry of a mapping parameter) and
# "results passed must …" (a table parameter and its column)
_NAMED = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\]| [A-Za-z_][A-Za-z0-9_]*)? must ")

EXTREME = [0.0, -0.0, 5e-324, 1e-300, 1e-9, 0.5, 1.0, 3.0, 20.0, 1e6, 1e9, 1e12, 1e15, 1e300,
           1.7976931348623157e308, math.inf, -math.inf, math.nan, -1.0, -1e300]
extreme = st.one_of(st.sampled_from(EXTREME), st.floats(allow_nan=True, allow_infinity=True))
count_like = st.one_of(st.sampled_from([0, 1, 2, 5, 10**6, 10**15, 10**16]), extreme)


def named_error(call):
    """The call's result, or None after a ValueError/TypeError that names a parameter."""
    try:
        return call()
    except (ValueError, TypeError) as err:
        assert _NAMED.match(str(err)), f"unnamed error: {type(err).__name__}: {err}"
        assert parameter_of(err) is not None, f"a calculator would not name the parameter: {err}"
        return None


def in_unit(values, *, allow_nan=False):
    arr = np.asarray(values, dtype=float).ravel()
    if allow_nan:
        arr = arr[~np.isnan(arr)]
    assert not np.isnan(arr).any(), arr
    assert ((arr >= 0) & (arr <= 1)).all(), arr


# --- kpi --------------------------------------------------------------------------------------

def _records(rows):
    outcomes, waits, talks = zip(*rows) if rows else ((), (), ())
    n = len(rows)
    return pd.DataFrame({
        "call_id": [f"c{i}" for i in range(n)], "queue": ["q"] * n,
        "arrival": pd.Timestamp("2026-03-02 08:00") + pd.to_timedelta(np.arange(n), "min"),
        "outcome": list(outcomes), "wait_s": list(waits), "talk_s": list(talks),
        "hold_s": [0.0] * n, "acw_s": [10.0] * n, "agent_id": ["a"] * n,
        "transferred": [i % 2 == 0 for i in range(n)], "resolved_first_contact": [True] * n,
        "csat": [5] * n})


call_rows = st.lists(st.tuples(st.sampled_from(["answered", "abandoned", "blocked"]), extreme, extreme),
                     min_size=0, max_size=8)
RATES = ["abandonment_rate", "service_level", "transfer_rate", "fcr_rate"]


@FUZZ
@given(call_rows, st.sampled_from([0, 20, 1e9, math.inf, -1, math.nan]))
def test_kpi_compute(rows, answer_time):
    records = _records(rows)
    out = named_error(lambda: kpi.compute(records, ["offered", "answered", "asa_s", "aht_s", *RATES],
                                          freq=None, answer_time=answer_time))
    if out is None or out.empty:
        return
    row = out.iloc[0]
    in_unit(row[RATES], allow_nan=True)
    # NaN only where the denominator is 0 (documented): ASA and AHT over answered calls
    answered = row["answered"]
    for column, most in (("asa_s", 1e9), ("aht_s", 3e9)):  # durations at most 1e9 s each
        assert math.isnan(row[column]) == (answered == 0)
        assert math.isnan(row[column]) or 0 <= row[column] <= most
    assert math.isnan(row["service_level"]) == (row["offered"] == 0)


@FUZZ
@given(call_rows, st.sampled_from([0, 20, 1e9, math.inf, -5]), st.sampled_from([0, 5, 1e9, math.nan]))
def test_service_level_definitions(rows, answer_time, short_abandon):
    records = _records(rows)
    table = named_error(lambda: kpi.service_level_by_definition(records, answer_time, short_abandon))
    if table is not None:
        in_unit(table.select_dtypes("number").filter(like="service_level"), allow_nan=True)


# --- quality ----------------------------------------------------------------------------------

labels = st.lists(st.one_of(st.sampled_from(["pass", "fail", 2, 2.0, math.inf, None, math.nan]),
                            st.text(max_size=2)), min_size=0, max_size=12)


@FUZZ
@given(labels, labels)
def test_cohen_kappa(a, b):
    k = named_error(lambda: qa.cohen_kappa(a, b))
    assert k is None or -1 - 1e-12 <= k <= 1 + 1e-12


@FUZZ
@given(st.integers(0, 6), st.integers(0, 5), st.lists(st.sampled_from(["a", "b", "c", None]), min_size=36,
                                                        max_size=36))
def test_fleiss_kappa(n, m, pool):
    table = [pool[i * m:(i + 1) * m] for i in range(n)]
    k = named_error(lambda: qa.fleiss_kappa(table))
    assert k is None or -1 - 1e-12 <= k <= 1 + 1e-12


score_tables = st.integers(1, 5).flatmap(lambda n: st.integers(1, 4).flatmap(
    lambda k: st.lists(st.lists(extreme, min_size=k, max_size=k), min_size=n, max_size=n)))


@FUZZ
@given(score_tables, st.sampled_from(list(qa.ICC_FORMS) + ["ICC(4,1)", None]))
def test_icc(scores, form):
    value = named_error(lambda: qa.icc(scores, form))
    assert value is None or (math.isfinite(value) and value <= 1 + 1e-9)
    table = named_error(lambda: qa.icc_table(scores))
    if table is not None:  # NaN documented there for undefined forms
        assert (table.dropna() <= 1 + 1e-9).all()


@FUZZ
@given(extreme, extreme, extreme, st.sampled_from([None, 1, 10, 10**6, 10**13, 0, -3, 2.5]))
def test_sample_size_and_margins(margin, confidence, proportion, population):
    n = named_error(lambda: qa.sample_size(margin, confidence, proportion, population))
    assert n is None or (isinstance(n, int) and 1 <= n <= 1e12)
    m = named_error(lambda: qa.margin_of_error(385, confidence, proportion, population))
    assert m is None or (math.isfinite(m) and m >= 0)
    s = named_error(lambda: qa.score_margin_of_error(5, margin, confidence, population))
    assert s is None or (math.isfinite(s) and s >= 0)


# --- kano -------------------------------------------------------------------------------------

@FUZZ
@given(count_like, count_like, count_like, count_like)
def test_kano_coefficients(a, o, m, i):
    better = named_error(lambda: kano.better_coefficient(a, o, m, i))
    worse = named_error(lambda: kano.worse_coefficient(a, o, m, i))
    assert (better is None) == (worse is None)
    if better is not None:
        in_unit([better, -worse])
        q = named_error(lambda: kano.quadrant(better, worse))
        assert q in ("O", "A", "M", "I")


@FUZZ
@given(st.lists(count_like, min_size=0, max_size=5))
def test_kano_coefficients_in_arrays(counts):
    out = named_error(lambda: kano.better_coefficient(counts, counts, counts, counts))
    if out is not None:  # NaN documented for a feature with no A, O, M or I answer
        in_unit(out, allow_nan=True)
        assert np.array_equal(np.isnan(out), np.asarray(counts, float) == 0)


# --- evaluation -------------------------------------------------------------------------------

@FUZZ
@given(st.lists(extreme, min_size=0, max_size=6), st.sampled_from(evaluation.NORMALISATIONS),
       st.sampled_from(["higher", "lower"]), st.sampled_from([None, 0.8, 1e-300, 1e300, math.inf]))
def test_normalise(values, method, direction, target):
    out = named_error(lambda: evaluation.normalise(pd.Series(values, dtype=float), method, direction, target))
    if out is None:
        return
    assert np.isfinite(out.to_numpy()).all()
    if method in ("min_max", "rank_percentile"):
        in_unit(out)
    if method == "target_ratio":
        assert ((out >= 0) & (out <= 1.2)).all()


@FUZZ
@given(st.lists(st.tuples(extreme, extreme), min_size=1, max_size=5), extreme, extreme)
def test_composite_scores(rows, w1, w2):
    kpis = pd.DataFrame(rows, columns=["aht_s", "fcr"], index=[f"a{i}" for i in range(len(rows))])
    out = named_error(lambda: evaluation.composite_scores(kpis, {"aht_s": w1, "fcr": w2},
                                                          {"aht_s": "lower", "fcr": "higher"}))
    if out is not None:
        in_unit(out[["aht_s", "fcr", "composite"]])


# --- people -----------------------------------------------------------------------------------

flags = st.sampled_from([True, False, 0, 1, "true", "false", "yes", "no", math.nan, None, 2, "maybe"])


@FUZZ
@given(st.lists(st.tuples(extreme, flags), min_size=0, max_size=10))
def test_kaplan_meier(pairs):
    durations = [d for d, _ in pairs]
    observed = [f for _, f in pairs]
    table = named_error(lambda: people.kaplan_meier(durations, observed))
    if table is None:
        return
    in_unit(table["survival"])
    assert (np.diff(table["survival"]) <= 0).all()
    assert (table["events"] <= table["at_risk"]).all()


@FUZZ
@given(extreme, st.sampled_from(["week", "month", "year", "day"]), st.sampled_from(["sum", "compound"]))
def test_attrition_rates(rate, period, method):
    weekly = named_error(lambda: people.weekly_attrition_rate(rate, period))
    if weekly is not None:
        in_unit(weekly)
    annual = named_error(lambda: people.annualise_attrition(rate, method))
    if annual is not None:
        assert math.isfinite(annual) and annual >= 0
        if method == "compound":
            in_unit(annual)


@FUZZ
@given(st.lists(extreme, min_size=0, max_size=12), extreme, extreme,
       st.sampled_from([0, 1, 4, 52, -1, 2.5]), extreme, st.sampled_from([1, 2, 4, 0]),
       st.sampled_from([None, 1, 15, 10**12]))
def test_hiring_plan(need, current, attrition, weeks, pass_rate, every, cap):
    plan = named_error(lambda: people.hiring_plan(need, current, attrition, weeks, pass_rate,
                                                  class_every_weeks=every, max_class=cap))
    if plan is None:
        return
    traj = plan.trajectory
    assert np.isfinite(traj[["productive_fte", "in_training", "gap"]].to_numpy()).all()
    assert plan.weeks_short == int(traj["short"].sum())
    assert plan.largest_gap >= 0 and plan.short_before_first_graduation <= plan.weeks_short
    # no hiring needed only when no week is short, or no class can reach the short weeks
    if plan.classes.empty and plan.weeks_short:
        assert plan.short_before_first_graduation == plan.weeks_short or cap is not None


# --- spc --------------------------------------------------------------------------------------

series = st.lists(extreme, min_size=0, max_size=20)


@FUZZ
@given(series, extreme, extreme)
def test_run_rule_flags(values, center, sigma):
    flags = named_error(lambda: spc.run_rule_flags(values, center, sigma))
    if flags is not None:
        assert list(flags.columns) == list(spc.RULES) and len(flags) == len(values)
        missing = np.isnan(np.asarray(values, float)) if values else np.zeros(0, bool)
        assert not flags.to_numpy()[missing].any()


@FUZZ
@given(series)
def test_individuals_chart(values):
    chart = named_error(lambda: spc.individuals_chart(values))
    if chart is not None:
        points = chart.x.points[["center", "lcl", "ucl", "sigma"]].to_numpy()
        assert np.isfinite(points).all()


@FUZZ
@given(st.lists(st.tuples(extreme, extreme), min_size=0, max_size=10))
def test_p_chart(pairs):
    d = [a for a, _ in pairs]
    n = [b for _, b in pairs]
    chart = named_error(lambda: spc.p_chart(d, n))
    if chart is not None:
        in_unit(chart.points[["value", "center", "lcl", "ucl"]])


@FUZZ
@given(series, st.sampled_from([None, 1, 2, 5, 11, 2.5]))
def test_xbar_r_chart(values, size):
    chart = named_error(lambda: spc.xbar_r_chart(values, size))
    if chart is not None:
        for part in chart:
            assert np.isfinite(part.points[["center", "lcl", "ucl"]].to_numpy()).all()


@FUZZ
@given(st.dictionaries(st.text(min_size=1, max_size=3), count_like, max_size=6), extreme)
def test_pareto_table(counts, share):
    table = named_error(lambda: spc.pareto_table(counts, share))
    if table is not None:
        in_unit(table["share"])
        in_unit(table["cumulative_share"].clip(upper=1.0))
        assert table["cumulative_share"].iloc[-1] == pytest.approx(1.0)


# --- more of the public surface: costs, RAG status, coaching, Kano survey, checklists ----------

@FUZZ
@given(extreme, extreme, extreme)
def test_cost_ratios(total, volume, share):
    from ccskills.kpi import cost

    for call in (lambda: cost.cost_per_contact(total, volume),
                 lambda: cost.cost_per_productive_hour(total, volume),
                 lambda: cost.productive_hours_from_shrinkage(total, volume, share)):
        value = named_error(call)
        assert value is None or (math.isfinite(value) and value >= 0)
    factors = named_error(lambda: cost.cost_per_contact_factors(total, volume, share))
    if factors is not None:
        assert np.isfinite(factors.to_numpy()).all()


@FUZZ
@given(st.lists(extreme, max_size=5), st.sampled_from(["higher", "lower", "band", "up"]),
       st.one_of(extreme, st.tuples(extreme, extreme)), st.one_of(st.none(), extreme, st.tuples(extreme, extreme)))
def test_rag_status(values, direction, target, amber):
    out = named_error(lambda: kpi.status.rag_status(values, direction, target, amber))
    if out is not None:
        shown = out.dropna()
        assert shown.isin(["green", "amber", "red"]).all()
        # <NA> exactly where the value is missing (documented)
        assert out.isna().tolist() == [v != v for v in values]


@FUZZ
@given(st.lists(st.one_of(extreme, st.none()), max_size=8), st.sampled_from([1, -1]), extreme)
def test_coaching_levels(peers, direction, minutes):
    from ccskills import coaching

    level = named_error(lambda: coaching.top_quartile_level(peers, direction))
    assert level is None or math.isfinite(level)
    agenda = named_error(lambda: coaching.grow_agenda(minutes))
    if agenda is not None:
        assert np.isfinite(agenda.to_numpy()).all() and (agenda >= 0).all()


answers = st.sampled_from([1, 2, 3, 4, 5, "like", "我很喜欢", "dislike", 0, 6, math.nan, None, "", 2.5, True])


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(["x", "y"]), answers, answers), min_size=0, max_size=10))
def test_kano_analyze(rows):
    survey = pd.DataFrame([{"respondent": f"r{i}", "feature": f, "functional": a, "dysfunctional": b}
                           for i, (f, a, b) in enumerate(rows)],
                          columns=["respondent", "feature", "functional", "dysfunctional"])
    result = named_error(lambda: kano.analyze(survey))
    if result is not None and len(result):
        # NaN only for a feature whose answers are all R or Q (documented)
        aomi = result[["A", "O", "M", "I"]].sum(axis=1)
        assert result["better"].isna().equals(aomi == 0)
        in_unit(result["better"], allow_nan=True)
        in_unit(-result["worse"], allow_nan=True)


@FUZZ
@given(st.dictionaries(st.sampled_from(["five_s.structure.1", "five_s.structure.2", "nope"]),
                       st.one_of(st.sampled_from([0, 1, 2, 3, -1, True, None, "2"]), extreme), max_size=3))
def test_checklist_scores(answers_given):
    from ccskills import checklists

    result = named_error(lambda: checklists.score_checklist(checklists.get_checklist("five_s"), answers_given))
    if result is not None:
        answered = result.sections["answered"] > 0
        in_unit(result.sections.loc[answered, "percent"])
        assert result.sections.loc[~answered, "percent"].isna().all()  # 0/0 by design


@FUZZ
@given(st.lists(st.tuples(*[extreme] * 6), min_size=0, max_size=4),
       st.sampled_from(["occupancy", "utilisation", "shrinkage"]))
def test_workforce_rates(rows, kind):
    states = pd.DataFrame(rows, columns=["paid_s", "logged_in_s", "available_s", "talk_s", "hold_s", "acw_s"])
    rate = {"occupancy": kpi.occupancy_rate, "utilisation": kpi.utilisation_rate,
            "shrinkage": kpi.shrinkage_rate}[kind]
    value = named_error(lambda: rate(states))
    if value is not None:
        in_unit([value], allow_nan=True)  # NaN documented: the denominator sums to 0
        paid = states["paid_s"].sum() if len(states) else 0.0
        assert not math.isnan(value) or kind == "occupancy" or paid == 0


nps_answers = st.one_of(st.sampled_from([0, 6, 7, 9, 10, 11, -1, None, "9", "nine", 8.5]), extreme)


@FUZZ
@given(st.lists(st.tuples(nps_answers, nps_answers), min_size=0, max_size=8))
def test_survey_scores(rows):
    survey = pd.DataFrame(rows, columns=["nps", "ces"])
    nps = named_error(lambda: kpi.net_promoter_score(survey))
    if nps is not None:
        assert math.isnan(nps) == (survey["nps"].notna().sum() == 0)  # NaN: no response (documented)
        assert math.isnan(nps) or -100 <= nps <= 100
    share = named_error(lambda: kpi.customer_effort_score(survey, "share_easy"))
    if share is not None:
        in_unit([share], allow_nan=True)


_CARD = pd.DataFrame({"item_id": ["greet", "solve", "verify"], "section": ["a", "b", "b"],
                      "weight": [1, 3, 0], "critical_kind": ["", "", "compliance"]})
passed_values = st.one_of(st.sampled_from([True, False, 0, 1, 0.5, "false", "1", None, 2]), extreme)


@FUZZ
@given(st.fixed_dictionaries({"greet": passed_values, "solve": passed_values, "verify": passed_values}),
       st.lists(extreme, min_size=3, max_size=3))
def test_qa_score_call(results, weights):
    scored = named_error(lambda: qa.score_call(results, _CARD))
    if scored is not None:
        assert 0 <= scored.score <= scored.raw_score <= 100
    card = _CARD.assign(weight=weights)
    scored = named_error(lambda: qa.score_call({"greet": True, "solve": False, "verify": True}, card))
    if scored is not None:
        assert 0 <= scored.score <= 100 and np.isfinite(scored.sections.to_numpy()).all()
