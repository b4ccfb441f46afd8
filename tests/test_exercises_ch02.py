"""Tier 2: the chapter 02 problem set and its exercise notebook.

The shared tier-2 suite (tests/exercise_suite.py): self-grading, notebook run untouched and
solved, givens verbatim, no stored outputs, trainer note quotes every computed answer.
"""

from __future__ import annotations

import pandas as pd
import pytest
from exercise_suite import exercise_suite

from ccskills.exercises import ch02

globals().update(exercise_suite(ch02, "02_service_metrics", min_checked=8))


# ---------------------------------------------------------------- questions 11-12: the indicator tree
def test_q11_answers_match_a_computation_by_hand():
    """AHT and occupancy of the two Sundays from the raw tables with pandas, not through ccskills.kpi."""
    from ccskills.datasets import load_call_records
    from ccskills.datasets.operations import load_agent_states

    calls, states = load_call_records(), load_agent_states()
    answered = calls[calls["outcome"] == "answered"]
    day = answered["arrival"].dt.strftime("%Y-%m-%d")
    aht = (answered["talk_s"] + answered["hold_s"] + answered["acw_s"]).groupby(day).mean()
    assert ch02.BRANCH.expected_values["aht_change_s"] == pytest.approx(aht["2026-03-08"] - aht["2026-03-01"])
    state_day = states["date"].dt.strftime("%Y-%m-%d")
    handle = (states["talk_s"] + states["hold_s"] + states["acw_s"]).groupby(state_day).sum()
    offered = calls[calls["outcome"] != "blocked"].groupby(calls["arrival"].dt.strftime("%Y-%m-%d")).size()
    drivers = pd.DataFrame({"offered": offered, "aht_s": aht,
                            "occupancy": handle / (handle + states["available_s"].groupby(state_day).sum())})
    # the one direct driver of service level that fell (pushed SL up) while the others rose
    fell = drivers.columns[drivers.loc["2026-03-08"] < drivers.loc["2026-03-01"]].tolist()
    assert fell == [ch02.BRANCH.expected_values["not_the_cause"]] == ["aht_s"]


def test_q12_levels_agree_with_the_tree_and_a_wrong_level_is_caught():
    from ccskills.exercises import Status, evaluate

    assert ch02.LEVELS.expected_values == {"adherence_level": "process", "talk_level": "indirect"}
    outcome = evaluate(ch02.LEVELS, {"adherence_level": "direct", "talk_level": "indirect"})
    assert outcome.status is Status.INCORRECT and "过程指标" in outcome.feedback
