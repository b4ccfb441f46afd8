"""Tests of kpi.cost_per_contact_factors and kpi.agent_pay_per_paid_hour by hand arithmetic."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ccskills import kpi
from ccskills.datasets.operations import load_agent_states, load_cost_lines


def test_three_factors_rebuild_a_worked_month():
    """12,000 CNY; 400 contacts at 270 s = 108,000 s = 30 h handling; 40 productive hours.

    cost per contact 12,000 / 400 = 30; cost per productive hour 12,000 / 40 = 300;
    occupancy 30 / 40 = 0.75; 300 × (270 / 3600 = 0.075) × (1 / 0.75) = 30.
    """
    f = kpi.cost_per_contact_factors(300.0, 270, 0.75)
    assert isinstance(f, pd.Series)
    assert f["cost_per_productive_hour"] == 300.0
    assert f["handle_hours"] == pytest.approx(0.075)
    assert f["staffed_per_handled"] == pytest.approx(4 / 3)
    assert f["cost_per_contact"] == pytest.approx(30.0)
    assert f["cost_per_contact"] == pytest.approx(kpi.cost_per_contact(12_000, 400))


def test_arrays_and_series_give_one_row_each_on_the_series_index():
    cph = pd.Series([300.0, 200.0], index=pd.Index(["a", "b"], name="queue"))
    f = kpi.cost_per_contact_factors(cph, [270, 360], [0.75, 0.8])
    assert f.index.equals(cph.index)
    # b: 200 × 0.1 / 0.8 = 25
    assert f["cost_per_contact"].tolist() == pytest.approx([30.0, 25.0])
    plain = kpi.cost_per_contact_factors(np.array([300.0]), 270, 0.75)
    assert isinstance(plain, pd.DataFrame) and plain.index.tolist() == [0]


@given(total=st.floats(1, 1e7), contacts=st.integers(1, 100_000), handle=st.floats(1, 1e7),
       extra=st.floats(0, 1e7))
def test_product_is_cost_per_contact_for_any_consistent_month(total, contacts, handle, extra):
    hours = (handle + extra) / 3600  # productive time: handling plus idle
    f = kpi.cost_per_contact_factors(total / hours, handle / contacts, handle / (handle + extra))
    assert f["cost_per_contact"] == pytest.approx(total / contacts, rel=1e-9)


def test_agent_pay_per_paid_hour_hand_example():
    costs = pd.DataFrame({"item": ["坐席薪酬及社保 agent pay", "线路租用 lines", "agent pay bonus"],
                          "amount_cny": [9_000.0, 500.0, 1_000.0]})
    states = pd.DataFrame({"paid_s": [28_800, 28_800, 14_400]})  # 8 + 8 + 4 = 20 h
    assert kpi.agent_pay_per_paid_hour(costs, states) == pytest.approx(10_000 / 20)
    assert kpi.agent_pay_per_paid_hour(costs, states, item="lines") == pytest.approx(25.0)


def test_agent_pay_per_paid_hour_on_the_course_data():
    costs, states = load_cost_lines(), load_agent_states()
    pay = sum(a for i, a in zip(costs["item"], costs["amount_cny"]) if "agent pay" in i)
    paid = sum(float(s) for s in states["paid_s"]) / 3600
    assert pay == pytest.approx(179_400 + 405_600)  # the two queues' pay lines
    assert kpi.agent_pay_per_paid_hour(costs, states) == pytest.approx(pay / paid)


@pytest.mark.parametrize("call, error, match", [
    (lambda: kpi.cost_per_contact_factors(-1, 270, 0.8), ValueError, "cost_per_productive_hour must"),
    (lambda: kpi.cost_per_contact_factors(300, -5, 0.8), ValueError, "aht must"),
    (lambda: kpi.cost_per_contact_factors(300, 270, 0), ValueError, "occupancy must be a fraction"),
    (lambda: kpi.cost_per_contact_factors(300, 270, 1.2), ValueError, "occupancy must be a fraction"),
    (lambda: kpi.cost_per_contact_factors(300, "x", 0.8), (TypeError, ValueError), "aht"),
    (lambda: kpi.agent_pay_per_paid_hour([1], pd.DataFrame({"paid_s": [1]})), TypeError, "costs"),
    (lambda: kpi.agent_pay_per_paid_hour(pd.DataFrame({"item": ["agent pay"], "amount_cny": [1.0]}),
                                         pd.DataFrame({"x": [1]})), ValueError, "agent_states"),
    (lambda: kpi.agent_pay_per_paid_hour(pd.DataFrame({"item": ["lines"], "amount_cny": [1.0]}),
                                         pd.DataFrame({"paid_s": [1]})), ValueError, "item must match"),
    (lambda: kpi.agent_pay_per_paid_hour(pd.DataFrame({"item": ["agent pay"], "amount_cny": [1.0]}),
                                         pd.DataFrame({"paid_s": [1]}), item=""), ValueError, "item must"),
    (lambda: kpi.agent_pay_per_paid_hour(pd.DataFrame({"item": ["agent pay"], "amount_cny": [-1.0]}),
                                         pd.DataFrame({"paid_s": [1]})), ValueError, "amount_cny must"),
    (lambda: kpi.agent_pay_per_paid_hour(pd.DataFrame({"item": ["agent pay"], "amount_cny": [1.0]}),
                                         pd.DataFrame({"paid_s": [0]})), ValueError, "paid_hours must"),
])
def test_errors_name_the_parameter(call, error, match):
    with pytest.raises(error, match=match):
        call()


# --- cost_breakdown -------------------------------------------------------------------------
LINES = pd.DataFrame({"queue": ["a", "a", "b", "b"],
                      "category": ["labour", "training", "labour", "training"],
                      "amount_cny": [500.0, 120.0, 300.0, 80.0],
                      "budget_cny": [500.0, 100.0, 300.0, 0.0]})


def test_cost_breakdown_by_hand():
    # labour 800 of 1,000 = 0.8, on budget; training 200 of 1,000 = 0.2, budget 100: +100 = +100 %
    out = kpi.cost_breakdown(LINES)
    assert out.index.tolist() == ["labour", "training"]
    assert out["amount_cny"].tolist() == [800.0, 200.0]
    assert out["share"].tolist() == pytest.approx([0.8, 0.2])
    assert out["variance_cny"].tolist() == [0.0, 100.0]
    assert out["variance_share"].tolist() == pytest.approx([0.0, 1.0])
    # by two columns; queue b training has no budget: its variance share is NaN
    two = kpi.cost_breakdown(LINES, by=["queue", "category"])
    assert two.loc[("a", "training"), "variance_share"] == pytest.approx(0.2)  # 20 / 100
    assert np.isnan(two.loc[("b", "training"), "variance_share"])
    assert two["share"].sum() == pytest.approx(1.0)


def test_cost_breakdown_on_the_course_data_adds_up():
    costs = load_cost_lines()
    out = kpi.cost_breakdown(costs)
    assert out["amount_cny"].sum() == pytest.approx(kpi.total_cost(costs))
    training = costs[costs["category"] == "training"]
    assert out.loc["training", "variance_cny"] == pytest.approx(
        sum(training["amount_cny"]) - sum(training["budget_cny"]))


@pytest.mark.parametrize("costs, by, error, match", [
    ("costs", "category", TypeError, "costs"),
    (LINES.drop(columns="budget_cny"), "category", ValueError, "budget_cny"),
    (LINES, "team", ValueError, "team"),
    (LINES, 3, ValueError, "by must"),
    (LINES, [], ValueError, "by must"),
    (LINES.assign(amount_cny=[-1.0, 0, 0, 0]), "category", ValueError, "amount_cny must"),
])
def test_cost_breakdown_errors(costs, by, error, match):
    with pytest.raises(error, match=match):
        kpi.cost_breakdown(costs, by)


def test_cost_ratios_refuse_results_beyond_float_range():
    from ccskills.kpi import cost

    with pytest.raises(ValueError, match="contacts must keep the result within float range"):
        cost.cost_per_contact(1e308, 1e-300)
    with pytest.raises(ValueError, match="productive_hours must keep the result within float range"):
        cost.cost_per_productive_hour(1e308, 1e-10)
    with pytest.raises(ValueError, match="fte must keep the result within float range"):
        cost.productive_hours_from_shrinkage(1e300, 1e10, 0.1)
    with pytest.raises(ValueError, match="occupancy must keep the result within float range"):
        cost.cost_per_contact_factors(40.0, 300, 5e-324)
    with pytest.raises(ValueError, match="contacts must be a positive number, got inf"):
        cost.cost_per_contact(100.0, float("inf"))
