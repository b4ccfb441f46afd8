"""Tests for the WFM data of chapter 05 (datasets/wfm/): regeneration, loaders, and the properties
the lessons rely on (open slots only, calendar, holiday and 双11 effects, over-dispersion, growth,
schedule rules and a schedule/state log that agree).

Reference values are recomputed here with plain pandas from the files, and the calendar facts come
from the State Council notices cited in tests/test_workcalendar.py.
"""

from __future__ import annotations

import filecmp

import numpy as np
import pandas as pd
import pytest

from ccskills.datasets import _generate_wfm, data_dir, wfm
from ccskills.workcalendar import china_calendar

ECOMMERCE_SLOTS = [f"{h:02d}:{m:02d}" for h in range(8, 22) for m in (0, 15, 30, 45)]
CORPORATE_SLOTS = [f"{h:02d}:{m:02d}" for h in range(9, 18) for m in (0, 15, 30, 45)]


@pytest.fixture(scope="module")
def history():
    return wfm.load_interval_history()


@pytest.fixture(scope="module")
def daily(history):
    return history.groupby(["line", history["interval_start"].dt.normalize()])["calls"].sum()


@pytest.fixture(scope="module")
def schedule():
    return wfm.load_schedule()


@pytest.fixture(scope="module")
def states():
    return wfm.load_agent_states()


@pytest.mark.slow
def test_regenerates_byte_for_byte(tmp_path):
    paths = _generate_wfm.write_datasets(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == list(_generate_wfm.FILES.values())
    for path in paths:
        committed = data_dir() / path.relative_to(tmp_path)
        assert filecmp.cmp(path, committed, shallow=False), f"{committed} differs from the generator"


def test_sizes_within_budget():
    folder = data_dir() / "wfm"
    assert (folder / "agent_states.csv").stat().st_size < 5_000_000
    assert sum(p.stat().st_size for p in folder.iterdir()) < 8_000_000
    assert (folder / "README.md").is_file()


def test_history_dtypes_and_range(history):
    assert list(history.columns) == ["line", "interval_start", "calls", "aht_s"]
    assert str(history["interval_start"].dtype) == "datetime64[ns]"
    assert history["calls"].dtype == "int64" and history["aht_s"].dtype == "float64"
    assert history["interval_start"].min() == pd.Timestamp("2024-10-01 08:00")
    assert history["interval_start"].max() == pd.Timestamp("2026-09-30 21:45")
    assert (history["calls"] >= 0).all()
    assert history["aht_s"].isna().equals(history["calls"] == 0)


def test_aht_written_with_one_decimal_and_empty_for_no_calls():
    text = pd.read_csv(data_dir() / "wfm/interval_history.csv", dtype=str, keep_default_na=False)
    filled = text.loc[text["aht_s"] != "", "aht_s"]
    assert filled.str.fullmatch(r"\d+\.\d").all()
    assert (text.loc[text["aht_s"] == "", "calls"] == "0").all()


def test_ecommerce_open_every_day_08_to_22(history):
    eco = history[history["line"] == "ecommerce"]
    times = eco["interval_start"].dt.strftime("%H:%M")
    assert sorted(times.unique()) == ECOMMERCE_SLOTS
    per_day = eco.groupby(eco["interval_start"].dt.normalize()).size()
    assert len(per_day) == 730 and (per_day == 56).all()


def test_corporate_open_on_working_days_only(history):
    corp = history[history["line"] == "corporate"]
    assert sorted(corp["interval_start"].dt.strftime("%H:%M").unique()) == CORPORATE_SLOTS
    days = corp["interval_start"].dt.normalize()
    assert (days.value_counts() == 36).all()
    cal = china_calendar("2024-10-01", "2026-09-30")
    assert set(days.unique()) == set(cal.index[cal["is_workday"]])
    # closed in the 2025 National Day break (10/1-10/8), open on the make-up Saturday 2025-10-11
    # and the make-up Sundays 2025-01-26 and 2025-09-28
    assert not days.between("2025-10-01", "2025-10-08 23:59").any()
    for makeup in ["2025-10-11", "2025-01-26", "2025-09-28", "2026-02-28"]:
        assert (days == makeup).sum() == 36


def test_double_eleven_peak(daily):
    eco = daily["ecommerce"]
    for year in (2024, 2025):
        peak = eco[f"{year}-11-11"]
        # same weekday two, three and four weeks after the peak (after-sale days end on 14 Nov)
        base = eco[[pd.Timestamp(f"{year}-11-11") + pd.Timedelta(weeks=w) for w in (2, 3, 4)]]
        assert 1.8 < peak / base.mean() < 3.0
    june = eco["2025-06-18"] / eco[["2025-05-07", "2025-05-14", "2025-05-21"]].mean()
    assert 1.5 < june < 2.6  # 2025-06-18 is a Wednesday, as are the base days


def test_spring_festival_dip_and_catch_up(daily):
    eco = daily["ecommerce"]
    before = eco["2026-02-02":"2026-02-06"].mean()
    assert eco["2026-02-17"] < 0.5 * before  # 初一 2026
    assert eco["2026-02-24"] > eco["2026-02-17"] * 2  # back to work after the break


def test_growth_year_on_year(daily):
    eco = daily["ecommerce"]
    first, second = eco[:"2025-09-30"].sum(), eco["2025-10-01":].sum()
    assert 1.10 < second / first < 1.22  # generator: +15 % a year


def test_over_dispersion_within_weekday_slot_cells(history):
    eco = history[(history["line"] == "ecommerce")
                  & history["interval_start"].between("2026-03-02", "2026-05-24")]
    cal = china_calendar("2026-03-01", "2026-05-31")
    plain = cal.index[~cal["is_holiday"] & ~cal["is_makeup_workday"]]
    eco = eco[eco["interval_start"].dt.normalize().isin(plain)]
    cells = eco.groupby([eco["interval_start"].dt.day_of_week, eco["interval_start"].dt.time])["calls"]
    ratio = cells.var() / cells.mean()
    assert (ratio > 1).mean() > 0.9 and ratio.median() > 1.5  # Poisson would give about 1


def test_weekly_and_intraday_shape(history):
    eco = history[history["line"] == "ecommerce"]
    by_time = eco.groupby(eco["interval_start"].dt.strftime("%H:%M"))["calls"].mean()
    assert by_time["12:30"] < by_time["11:00"]  # lunch dip
    assert by_time["20:30"] > by_time["15:00"]  # evening peak
    assert by_time["08:00"] == by_time.min()
    corp = history[history["line"] == "corporate"]
    corp_time = corp.groupby(corp["interval_start"].dt.strftime("%H:%M"))["calls"].mean()
    assert corp_time["12:15"] < 0.6 * corp_time["10:30"]
    assert 5 < corp["calls"].mean() < 30


def test_series_loader(history):
    s = wfm.load_interval_series("corporate", "aht_s")
    corp = history[history["line"] == "corporate"]
    assert s.name == "aht_s" and isinstance(s.index, pd.DatetimeIndex) and len(s) == len(corp)
    np.testing.assert_array_equal(s.to_numpy(), corp["aht_s"].to_numpy())


@pytest.mark.parametrize("call,match", [
    (lambda: wfm.load_interval_history("retail"), "line must be one of"),
    (lambda: wfm.load_interval_series("retail"), "line must be one of"),
    (lambda: wfm.load_interval_series("ecommerce", "agents"), "column must be"),
])
def test_loader_arguments(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def _good_history():
    return pd.DataFrame({"line": ["ecommerce", "ecommerce"],
                         "interval_start": ["2026-01-05 08:00:00", "2026-01-05 08:15:00"],
                         "calls": ["3", "0"], "aht_s": [250.5, np.nan]})


@pytest.mark.parametrize("column,value,match", [
    ("line", "retail", "line must be one of"),
    ("interval_start", "yesterday", "interval_start must be a date and time"),
    ("interval_start", "2026-01-05 08:10:00", "15-minute boundary"),
    ("calls", "-1", "calls must be a whole number"),
    ("calls", "2.5", "calls must be a whole number"),
    ("aht_s", np.nan, "aht_s must be a positive number"),
])
def test_history_validation(column, value, match):
    frame = _good_history()
    frame.loc[0, column] = value
    with pytest.raises(ValueError, match=match):
        wfm.validate_interval_history(frame)


def test_history_validation_duplicates_and_stray_aht():
    frame = _good_history()
    frame.loc[1, "interval_start"] = frame.loc[0, "interval_start"]
    with pytest.raises(ValueError, match="line \\+ interval_start must be unique"):
        wfm.validate_interval_history(frame)
    frame = _good_history()
    frame.loc[1, "aht_s"] = 100.0
    with pytest.raises(ValueError, match="empty when calls = 0"):
        wfm.validate_interval_history(frame)


def _copy_with(tmp_path, monkeypatch, name, edit):
    (tmp_path / "wfm").mkdir()
    for f in (data_dir() / "wfm").glob("*.csv"):
        frame = pd.read_csv(f, dtype=str, keep_default_na=False)
        if f.name == name:
            frame = edit(frame)
        frame.to_csv(tmp_path / "wfm" / f.name, index=False)
    monkeypatch.setattr(wfm, "data_dir", lambda: tmp_path)


@pytest.mark.parametrize("name,edit,loader,match", [
    ("agents.csv", lambda f: f.assign(contract="zero_hours"), wfm.load_wfm_agents, "contract must be one of"),
    ("agents.csv", lambda f: pd.concat([f, f.head(1)]), wfm.load_wfm_agents, "agent_id must be unique"),
    ("agents.csv", lambda f: f.assign(weekly_hours="lots"), wfm.load_wfm_agents, "weekly_hours must be"),
    ("agents.csv", lambda f: f.drop(columns="team"), wfm.load_wfm_agents, "must have the columns"),
    ("schedule.csv", lambda f: f.assign(activity="lunchbreak"), wfm.load_schedule, "activity must be one of"),
    ("schedule.csv", lambda f: f.assign(end=f["start"]), wfm.load_schedule, "end must be after start"),
    ("agent_states.csv", lambda f: f.assign(state="idle"), wfm.load_agent_states, "state must be one of"),
    ("agent_states.csv", lambda f: f.assign(start="soon"), wfm.load_agent_states, "start must be a date"),
    ("agent_states.csv", lambda f: pd.concat([f.head(1), f.head(1)]), wfm.load_agent_states,
     "agent_id \\+ start must be unique"),
])
def test_table_validation(tmp_path, monkeypatch, name, edit, loader, match):
    _copy_with(tmp_path, monkeypatch, name, edit)
    with pytest.raises(ValueError, match=match):
        loader()


def test_agents():
    agents = wfm.load_wfm_agents()
    assert list(agents.columns) == ["agent_id", "name", "team", "line", "contract", "weekly_hours"]
    eco = agents[agents["line"] == "ecommerce"]
    assert len(eco) == 72 and eco["team"].nunique() == 6
    assert (agents["line"] == "corporate").sum() == 12
    full = agents["contract"] == "full_time"
    assert (agents.loc[full, "weekly_hours"] == 40).all()
    assert agents.loc[~full, "weekly_hours"].between(20, 30).all()
    assert agents["name"].str.fullmatch(r"[\u4e00-\u9fff]{2,3}").all() and agents["name"].is_unique


def _days(frame):
    return frame["start"].dt.normalize()


def test_schedule_follows_the_rules(schedule):
    agents = wfm.load_wfm_agents().set_index("agent_id")
    assert set(schedule["agent_id"]) == set(agents.index[agents["line"] == "ecommerce"])
    assert _days(schedule).min() == pd.Timestamp("2026-09-14") and _days(schedule).max() == pd.Timestamp("2026-09-27")
    for (agent, day), part in schedule.groupby(["agent_id", _days(schedule)]):
        assert (part["start"].iloc[1:].to_numpy() == part["end"].iloc[:-1].to_numpy()).all()  # no gaps
        minutes = (part["end"] - part["start"]).dt.total_seconds() / 60
        length = minutes.sum()
        kinds = part["activity"].tolist()
        breaks = minutes[part["activity"] == "break"].tolist()
        if agents.loc[agent, "weekly_hours"] == 40:
            assert length == 540 and minutes[part["activity"] == "lunch"].tolist() == [60]
            assert breaks == [15, 15]
        assert part["start"].min() >= day + pd.Timedelta(hours=8)
        assert part["end"].max() <= day + pd.Timedelta(hours=22)
        # no break, lunch, meeting or training in the first or last hour of the shift
        off = part[part["activity"] != "phone"]
        assert (off["start"] >= part["start"].min() + pd.Timedelta(hours=1)).all()
        assert (off["end"] <= part["end"].max() - pd.Timedelta(hours=1)).all()
        assert kinds[0] == "phone" and kinds[-1] == "phone"
    full = agents.index[agents["weekly_hours"] == 40]
    worked = schedule[schedule["agent_id"].isin(full)].groupby("agent_id")["start"].apply(
        lambda s: sorted(set(s.dt.normalize())))
    for agent, days in worked.items():
        assert len(days) == 10  # 5 days a week for two weeks
        off = sorted(set(pd.date_range("2026-09-14", periods=7).day_of_week) - {d.day_of_week for d in days})
        assert len(off) == 2 and (off[1] - off[0]) in (1, 6)  # two consecutive days off


def test_paid_hours_match_contracts(schedule):
    agents = wfm.load_wfm_agents().set_index("agent_id")
    paid = schedule[schedule["activity"] != "lunch"]
    hours = (paid["end"] - paid["start"]).dt.total_seconds().groupby(paid["agent_id"]).sum() / 3600 / 2
    assert (hours == agents.loc[hours.index, "weekly_hours"]).all()


def test_states_consistent_with_schedule(schedule, states):
    assert set(states["agent_id"]) <= set(schedule["agent_id"])
    shifts = schedule.groupby(["agent_id", _days(schedule)]).agg(start=("start", "min"), end=("end", "max"))
    logged = states.groupby(["agent_id", _days(states)]).agg(start=("start", "min"), end=("end", "max"))
    assert set(logged.index) <= set(shifts.index)
    absent = len(shifts) - len(logged)
    assert 5 <= absent <= 0.06 * len(shifts)  # some unplanned absences
    shift = shifts.loc[logged.index]
    assert (logged["start"] >= shift["start"] - pd.Timedelta(minutes=5)).all()
    assert (logged["end"] <= shift["end"] + pd.Timedelta(minutes=30)).all()
    ordered = states.sort_values(["agent_id", "start"])
    same = ordered["agent_id"].to_numpy()[1:] == ordered["agent_id"].to_numpy()[:-1]
    assert (ordered["start"].to_numpy()[1:][same] >= ordered["end"].to_numpy()[:-1][same]).all()
    assert (states["start"].dt.microsecond == 0).all()


def _adherence(schedule, states):
    """Share of scheduled seconds in which the logged state matches the activity (phone = any of
    available/talk/hold/acw), per agent, on a one-second grid, computed with plain pandas."""
    phone_states = {"available", "talk", "hold", "acw"}
    results = {}
    for agent, sched in schedule.groupby("agent_id"):
        log = states[states["agent_id"] == agent]
        total = matched = 0
        for _, row in sched.iterrows():
            length = (row["end"] - row["start"]).total_seconds()
            total += length
            overlap_lo = log["start"].clip(lower=row["start"])
            overlap_hi = log["end"].clip(upper=row["end"])
            seconds = (overlap_hi - overlap_lo).dt.total_seconds().clip(lower=0)
            ok = log["state"].isin(phone_states) if row["activity"] == "phone" else log["state"] == row["activity"]
            matched += seconds[ok].sum()
        results[agent] = matched / total
    return pd.Series(results)


@pytest.mark.slow
def test_some_agents_adhere_worse(schedule, states):
    adherence = _adherence(schedule[_days(schedule) < "2026-09-17"], states[_days(states) < "2026-09-17"])
    poor = adherence.index.isin(_generate_wfm.POOR_ADHERENCE)
    assert 0.80 < adherence[~poor].median() < 0.97
    assert adherence[poor].median() < adherence[~poor].median() - 0.04


def test_state_mix_is_plausible(states):
    seconds = (states["end"] - states["start"]).dt.total_seconds().groupby(states["state"]).sum()
    handling = seconds[["talk", "hold", "acw"]].sum()
    occupancy = handling / (handling + seconds["available"])
    assert 0.6 < occupancy < 0.92
    assert set(states["state"]) == set(wfm.STATES)
