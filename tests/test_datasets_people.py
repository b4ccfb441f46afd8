"""datasets/people: byte-stable regeneration, consistency with the call month, lesson properties."""

import filecmp

import pandas as pd
import pytest

from ccskills import datasets, people
from ccskills.datasets import _generate_people as gen
from ccskills.datasets.people import (
    load_attendance,
    load_employees,
    load_fte_requirement,
)


def test_regenerates_byte_for_byte(tmp_path):
    paths = gen.write_datasets(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == list(gen.FILES.values())
    for path in paths:
        committed = datasets.data_dir() / path.relative_to(tmp_path)
        assert filecmp.cmp(path, committed, shallow=False), path.name


def test_current_agents_match_the_call_month():
    agents = datasets.load_agents().set_index("agent_id")
    staff = load_employees().set_index("employee_id")
    current = staff.loc[agents.index]
    assert (current["role"] == "agent").all()
    assert current["team"].equals(agents["team"])
    assert current["hire_date"].equals(agents["hire_date"])
    # everyone who answered calls in March was employed all month (a few leave on 03-31)
    assert (current["leave_date"].isna() | (current["leave_date"] == "2026-03-31")).all()
    assert staff.index.is_unique


def test_attendance_agrees_with_call_records():
    calls = datasets.load_call_records()
    answered = calls[calls["outcome"] == "answered"]
    worked = set(zip(answered["agent_id"], answered["arrival"].dt.normalize()))
    shifts = load_attendance()
    present = shifts[shifts["status"] != "absent"]
    assert set(zip(present["agent_id"], present["date"])) == worked
    absent = shifts[shifts["status"] == "absent"]
    assert not set(zip(absent["agent_id"], absent["date"])) & worked
    assert (absent["absence_reason"] != "").all()
    assert (present["absence_reason"] == "").all()


def test_lesson_properties():
    staff = load_employees()
    agents = staff[staff["role"] == "agent"]
    window = agents[agents["hire_date"] >= "2023-04-01"]
    surv = people.tenure_survival(window, "2026-03-31", months=12)["survival"]
    assert surv.loc[3] < 0.85            # early attrition: a quarter gone within 3 months
    assert surv.loc[12] < 0.5
    by_source = {s: people.tenure_survival(g, "2026-03-31", 6)["survival"].loc[6]
                 for s, g in window.groupby("source")}
    assert by_source["agency"] < by_source["referral"]
    year = people.monthly_attrition(agents, "2025-04", "2026-03", by="team")
    sums = year.groupby(level="team")[["leavers", "average_headcount"]].sum()
    annual = sums["leavers"] / (sums["average_headcount"] / 12)
    assert annual.idxmax() == "A3"
    overall = people.attendance_summary(load_attendance(), by=None)
    assert 0.93 < overall["attendance_rate"].iloc[0] < 0.98


def test_qa_analysts_match_the_quality_data():
    from ccskills.datasets.quality import load_qa_evaluations

    staff = load_employees()
    analysts = set(staff.loc[staff["role"] == "qa_analyst", "employee_id"])
    assert set(load_qa_evaluations()["analyst_id"]) <= analysts


def test_requirement_table():
    need = load_fte_requirement()
    assert len(need) == 26 and need.index[0] == pd.Timestamp("2026-04-06")
    assert (need["required_fte"] - need["presales_fte"] - need["aftersales_fte"]).abs().max() < 0.011
    assert need["required_fte"].idxmax().month == 6  # the 618 peak
