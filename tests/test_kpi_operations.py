"""Tests for the operations KPIs: NPS and CES (kpi.survey), occupancy, utilisation, shrinkage and
productive hours (kpi.workforce), cost per contact and per productive hour (kpi.cost).

Expected values are counted by hand (arithmetic beside each), taken from the published
example in reference/domain.md §1.3 ($10 M ÷ (150 × 2080 × 0.8) ≈ $40/h [36]) or from a
plain-Python reference for random tables (hypothesis).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ccskills import kpi

# --- survey ---------------------------------------------------------------------------------


def test_nps_hand_counted():
    # 10 answers: promoters 9,10,10 (3); passives 7,8 (2); detractors 0,3,5,6,6 (5); one skipped
    survey = pd.DataFrame({"nps": [9, 10, 10, 7, 8, 0, 3, 5, 6, 6, None]})
    assert kpi.net_promoter_score(survey) == pytest.approx(100 * (3 - 5) / 10)  # -20


def test_nps_all_promoters_and_all_detractors():
    assert kpi.net_promoter_score(pd.DataFrame({"nps": [9, 10]})) == 100.0
    assert kpi.net_promoter_score(pd.DataFrame({"nps": [0, 6]})) == -100.0


def test_ces_mean_and_share_easy():
    survey = pd.DataFrame({"ces": [7, 6, 5, 4, 1, None]})
    assert kpi.customer_effort_score(survey) == pytest.approx((7 + 6 + 5 + 4 + 1) / 5)  # 4.6
    assert kpi.customer_effort_score(survey, "share_easy") == pytest.approx(3 / 5)


def test_no_survey_answers_gives_nan():
    assert math.isnan(kpi.net_promoter_score(pd.DataFrame({"nps": [None, None]})))


@pytest.mark.parametrize("column, bad", [("nps", 11), ("nps", 4.5), ("ces", 0), ("ces", "easy")])
def test_scores_off_the_scale_are_named(column, bad):
    survey = pd.DataFrame({column: [5, bad]})
    with pytest.raises(ValueError, match=rf"{column} must be a whole number .* or missing, got {bad!r} in row 1"):
        (kpi.net_promoter_score if column == "nps" else kpi.customer_effort_score)(survey)


def test_unknown_ces_definition():
    with pytest.raises(ValueError, match=r"definition must be one of \('mean', 'share_easy'\), got 'median'"):
        kpi.customer_effort_score(pd.DataFrame({"ces": [5]}), "median")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(0, 10)), min_size=1, max_size=40))
def test_nps_matches_plain_python(answers):
    given_ = [a for a in answers if a is not None]
    got = kpi.net_promoter_score(pd.DataFrame({"nps": pd.array(answers, dtype="Int64")}))
    if not given_:
        assert math.isnan(got)
    else:
        want = 100 * (sum(a >= 9 for a in given_) - sum(a <= 6 for a in given_)) / len(given_)
        assert got == pytest.approx(want)
        assert -100 <= got <= 100


# --- workforce ------------------------------------------------------------------------------

def states(rows):
    cols = ["paid_s", "logged_in_s", "available_s", "talk_s", "hold_s", "acw_s", "not_ready_s"]
    return pd.DataFrame(rows, columns=cols)


@pytest.fixture
def two_days():
    # day 1: paid 28800, logged in 27000 = available 6000 + handle 18000 (15000+1000+2000) + not-ready 3000
    # day 2: paid 28800, logged in 25200 = available 3000 + handle 19800 (16000+800+3000) + not-ready 2400
    return states([(28800, 27000, 6000, 15000, 1000, 2000, 3000),
                   (28800, 25200, 3000, 16000, 800, 3000, 2400)])


def test_occupancy_definitions(two_days):
    handle, available, logged_in = 18000 + 19800, 6000 + 3000, 27000 + 25200
    assert kpi.occupancy_rate(two_days) == pytest.approx(handle / (handle + available))  # 0.8077
    assert kpi.occupancy_rate(two_days, "handle_over_logged_in") == pytest.approx(handle / logged_in)


def test_utilisation_and_shrinkage_definitions(two_days):
    paid, handle, available, logged_in = 57600, 37800, 9000, 52200
    assert kpi.utilisation_rate(two_days) == pytest.approx((handle + available) / paid)  # 0.8125
    assert kpi.utilisation_rate(two_days, "handle_over_paid") == pytest.approx(handle / paid)
    assert kpi.utilisation_rate(two_days, "logged_in_over_paid") == pytest.approx(logged_in / paid)
    assert kpi.shrinkage_rate(two_days) == pytest.approx(1 - (handle + available) / paid)  # 0.1875
    assert kpi.shrinkage_rate(two_days, "offline_only") == pytest.approx((paid - logged_in) / paid)


def test_utilisation_plus_shrinkage_is_one_under_the_default_definitions(two_days):
    assert kpi.utilisation_rate(two_days) + kpi.shrinkage_rate(two_days) == pytest.approx(1.0)


def test_productive_hours_definitions(two_days):
    assert kpi.productive_hours(two_days) == pytest.approx(46800 / 3600)  # 13 h
    assert kpi.productive_hours(two_days, "handle_hours") == pytest.approx(10.5)
    assert kpi.productive_hours(two_days, "logged_in_hours") == pytest.approx(14.5)


def test_state_errors_are_named(two_days):
    bad = two_days.assign(talk_s=[-1, 10])
    with pytest.raises(ValueError, match="talk_s must be a number of seconds >= 0, got -1 in row 0"):
        kpi.occupancy_rate(bad)
    with pytest.raises(ValueError, match=r"definition must be one of \('handle_over_staffed'"):
        kpi.occupancy_rate(two_days, "busy")
    with pytest.raises(ValueError, match="must have the column"):
        kpi.shrinkage_rate(two_days.drop(columns="paid_s"))


# --- cost -----------------------------------------------------------------------------------

def test_cost_per_productive_hour_published_example():
    # domain.md §1.3 [36]: $10 M ÷ (150 FTE × 2080 h × (1 − 0.2)) ≈ $40 per productive hour
    hours = kpi.productive_hours_from_shrinkage(150, 2080, 0.2)
    assert hours == 150 * 2080 * 0.8
    assert kpi.cost_per_productive_hour(10_000_000, hours) == pytest.approx(40.06, abs=0.01)


def test_cost_per_contact_scalar_and_array():
    assert kpi.cost_per_contact(900_000, 45_000) == 20.0
    np.testing.assert_allclose(kpi.cost_per_contact([100.0, 300.0], [10, 20]), [10.0, 15.0])


def test_total_cost_sums_lines():
    assert kpi.total_cost(pd.DataFrame({"amount_cny": [1000.0, 234.5, 0.5]})) == 1235.0


@pytest.mark.parametrize("call, match", [
    (lambda: kpi.cost_per_contact(1000, 0), "contacts must be a positive number, got 0"),
    (lambda: kpi.cost_per_contact(-5, 10), "total_cost must be zero or a positive number, got -5"),
    (lambda: kpi.cost_per_productive_hour(1000, -1), "productive_hours must be a positive number"),
    (lambda: kpi.productive_hours_from_shrinkage(10, 2080, 1.0), "shrinkage must be a fraction from 0"),
    (lambda: kpi.total_cost(pd.DataFrame({"amount_cny": [-1.0]})), "amount_cny must be zero or a positive"),
])
def test_cost_errors_are_named(call, match):
    with pytest.raises(ValueError, match=match):
        call()
