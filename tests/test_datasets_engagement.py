"""datasets/people pulse survey and exit interviews: byte-stable, consistent with the register.

The register (employees.csv) is fixed; these tables are drawn conditional on it, so every
check here compares them with it, and the lesson's claims (README) are recomputed by hand.
"""

import filecmp

import numpy as np
import pandas as pd
import pytest

from ccskills import datasets
from ccskills.datasets import _generate_engagement as gen
from ccskills.datasets.people import (
    EXIT_SECONDARY_REASONS,
    PULSE_ITEMS,
    load_employees,
    load_exit_interviews,
    load_pulse_survey,
)

AS_OF = pd.Timestamp("2026-03-31")


@pytest.fixture(scope="module")
def staff():
    return load_employees().set_index("employee_id")


@pytest.fixture(scope="module")
def pulse():
    return load_pulse_survey()


@pytest.fixture(scope="module")
def exits():
    return load_exit_interviews()


def test_regenerates_byte_for_byte(tmp_path):
    paths = gen.write_datasets(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == list(gen.FILES.values())
    for path in paths:
        committed = datasets.data_dir() / path.relative_to(tmp_path)
        assert filecmp.cmp(path, committed, shallow=False), path.name


def test_registered_with_the_other_generators():
    assert gen in datasets.generators()


def test_pulse_schema(pulse):
    assert list(pulse.columns) == ["survey_date", "employee_id", "role", "team", "tenure_months",
                                   "enps", *PULSE_ITEMS]
    assert 5 <= len(PULSE_ITEMS) <= 8
    assert str(pulse["survey_date"].dtype) == "datetime64[ns]"
    assert pulse["enps"].dropna().between(0, 10).all()
    for item in PULSE_ITEMS:
        assert str(pulse[item].dtype) == "Int64"
        assert pulse[item].dropna().between(1, 5).all()
    dates = sorted(pulse["survey_date"].unique())
    assert len(dates) == 13 and {d.month for d in pd.DatetimeIndex(dates)} == {3, 6, 9, 12}
    assert not pulse.duplicated(["survey_date", "employee_id"]).any()
    raw = pd.read_csv(datasets.data_dir() / gen.FILES["pulse"], dtype=str, keep_default_na=False)
    answers = raw[["enps", *PULSE_ITEMS]].stack()
    assert answers.str.fullmatch(r"\d{0,2}").all()  # whole numbers or blank, never "4.00"


def test_every_respondent_employed_on_the_survey_date(pulse, staff):
    person = staff.loc[pulse["employee_id"]]
    hire, leave = person["hire_date"].to_numpy(), person["leave_date"].to_numpy()
    day = pulse["survey_date"].to_numpy()
    assert (hire <= day).all()
    assert (pd.isna(leave) | (leave >= day)).all()
    assert (pulse["team"].to_numpy() == person["team"].to_numpy()).all()
    assert (pulse["role"].to_numpy() == person["role"].to_numpy()).all()
    tenure = (pulse["survey_date"] - person["hire_date"].to_numpy()).dt.days / 30.4375
    assert np.allclose(pulse["tenure_months"], tenure.round(2))


def test_some_non_response(pulse, staff):
    hire, leave = staff["hire_date"], staff["leave_date"]
    for day, wave in pulse.groupby("survey_date"):
        invited = ((hire <= day) & (leave.isna() | (leave >= day))).sum()
        assert 0.65 < len(wave) / invited < 0.95, day
    skipped = pulse[list(PULSE_ITEMS)].isna().mean().mean()
    assert 0.01 < skipped < 0.06


def test_exit_interviews_only_for_voluntary_leavers(exits, staff):
    assert exits["employee_id"].is_unique
    person = staff.loc[exits["employee_id"]]
    assert (person["leave_type"] == "voluntary").all()
    assert (exits["primary_reason"].to_numpy() == person["leave_reason"].to_numpy()).all()
    assert (exits["leave_date"].to_numpy() == person["leave_date"].to_numpy()).all()
    assert (exits["hire_date"].to_numpy() == person["hire_date"].to_numpy()).all()
    assert ((exits["interview_date"] <= exits["leave_date"])
            & (exits["interview_date"] >= exits["leave_date"] - pd.Timedelta(days=5))).all()
    assert (exits["secondary_reason"] != exits["primary_reason"]).all()
    assert exits["secondary_reason"].isin(EXIT_SECONDARY_REASONS).all()
    voluntary = (staff["leave_type"] == "voluntary").sum()
    assert 0.7 < len(exits) / voluntary < 0.97  # most, not all, leavers are interviewed


def _left_within(pulse, staff, months=6):
    """Hand computation: voluntary leave within `months` calendar months of the survey date."""
    usable = pulse[pulse["survey_date"] + pd.DateOffset(months=months) <= AS_OF]
    person = staff.loc[usable["employee_id"]]
    end = usable["survey_date"] + pd.DateOffset(months=months)
    left = ((person["leave_type"].to_numpy() == "voluntary")
            & (person["leave_date"].to_numpy() >= usable["survey_date"].to_numpy())
            & (person["leave_date"].to_numpy() <= end.to_numpy()))
    return usable.assign(left=left)


def test_readme_claims(pulse, staff):
    answers = pulse["enps"].dropna()
    overall = (answers >= 9).mean() - (answers <= 6).mean()
    assert -0.35 < overall < -0.15  # "全中心 eNPS 约 −25 %"
    by_team = pulse[pulse["team"] != ""].groupby("team")["enps"].apply(
        lambda s: (s.dropna() >= 9).mean() - (s.dropna() <= 6).mean())
    assert by_team.idxmin() == "A3"
    data = _left_within(pulse, staff).dropna(subset=["leader_support"])
    low = data.loc[data["leader_support"] <= 2, "left"].mean()
    high = data.loc[data["leader_support"] >= 4, "left"].mean()
    assert 0.18 < low < 0.32 and 0.03 < high < 0.10  # "约 25 % ... 约 7 %"


def test_a2_leader_change_shows_in_leader_support(pulse):
    a2 = pulse[pulse["team"] == "A2"].dropna(subset=["leader_support"])
    before = a2.loc[a2["survey_date"] < "2024-07-01", "leader_support"].astype(float).mean()
    after = a2.loc[a2["survey_date"] >= "2024-07-01", "leader_support"].astype(float).mean()
    assert after - before > 0.2
