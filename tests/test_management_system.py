"""The management-system part (管理体系, issue 16): templates, audit and vendor scoring, baselines, FTE plan.

Expected values come from independent computations here: pandas over the committed CSVs
(baselines), pandas group-bys and hand arithmetic (audit and vendor scores), and an Erlang C
written out in this file (the monthly FTE plan), never from the library's output pasted back.
"""

from __future__ import annotations

import io
import math
import zipfile

import numpy as np
import openpyxl
import pandas as pd
import pytest

from ccskills.datasets import data_dir
from ccskills.kpi import REGISTRY
from ccskills.management import system
from ccskills.management._system_data import AUDIT_ITEMS, KPI_GROUPS, REQUIREMENTS
from ccskills.management._template import PARTS

DATA = data_dir()


# ---------------------------------------------------------------- templates open and have their sections
def _book(template, lang, filled):
    return openpyxl.load_workbook(io.BytesIO(template.build(lang, filled)))


def _docx_text(data: bytes) -> tuple[list[str], str]:
    import docx

    doc = docx.Document(io.BytesIO(data))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    cells = " ".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    return headings, " ".join(p.text for p in doc.paragraphs) + " " + cells


def test_templates_are_the_five_of_the_system_part():
    assert [t.id for t in system.TEMPLATES] == ["annual_plan", "system_audit", "system_selection", "team_charter",
                                                "culture_workshop"]
    assert {t.part for t in system.TEMPLATES} == {"system"} and "system" in PARTS
    assert [t.kind for t in system.TEMPLATES] == ["xlsx"] * 3 + ["docx"] * 2


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("filled", [True, False])
@pytest.mark.parametrize("key, index", [("plan", 0), ("audit", 1), ("selection", 2)])
def test_excel_templates_open_with_their_sheets_and_no_formulas(key, index, lang, filled):
    book = _book(system.TEMPLATES[index], lang, filled)
    assert book.sheetnames == list(system.SHEETS[key][lang])
    for ws in book.worksheets:
        assert ws["A1"].value and ws["A1"].font.b, ws.title  # a bold header row on every sheet
        assert not [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"], ws.title


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_annual_plan_numbers_are_numbers_with_formats(lang):
    book = _book(system.TEMPLATES[0], lang, True)
    objectives = book.worksheets[1]
    head = [c.value for c in objectives[1]]
    base = head.index("基线 (2026-03)" if lang == "zh" else "Baseline (2026-03)")
    kpi_col = head.index("指标编号" if lang == "zh" else "KPI id")
    for row in objectives.iter_rows(min_row=2):
        kpi, cell = row[kpi_col].value, row[base]
        assert isinstance(cell.value, float)
        assert KPI_GROUPS[kpi]  # every objective's KPI is a registry KPI with a group
        if REGISTRY[kpi].unit == "fraction":
            assert cell.number_format == "0.0%"
    groups = {row[0].value for row in objectives.iter_rows(min_row=2)}
    assert len(groups) == 4  # customer, financial, internal, people
    monthly = book.worksheets[2]
    assert monthly.max_row == 13 and isinstance(monthly["H2"].value, float) and monthly["H2"].number_format == "0.0"
    assert monthly["I2"].number_format == "0.0%" and monthly["A2"].number_format == "yyyy-mm"


def test_blank_templates_keep_the_sections_and_leave_the_numbers_empty():
    plan = _book(system.TEMPLATES[0], "zh", False)
    assert all(row[6].value is None for row in plan.worksheets[1].iter_rows(min_row=2))
    assert {row[0].value for row in plan.worksheets[1].iter_rows(min_row=2)} == {"客户", "财务", "内部运营", "员工成长"}
    assert all(row[2].value is None for row in plan.worksheets[2].iter_rows(min_row=2))
    audit = _book(system.TEMPLATES[1], "zh", False).worksheets[1]
    assert audit.max_row == len(AUDIT_ITEMS) + 1 and all(row[5].value is None for row in audit.iter_rows(min_row=2))
    selection = _book(system.TEMPLATES[2], "en", False).worksheets[1]
    assert all(c.value is None for row in selection.iter_rows(min_row=2) for c in row[5:8])


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("filled", [True, False])
def test_word_templates_open_with_their_sections(lang, filled):
    from ccskills.management._system_word import CHARTER_SECTIONS, CULTURE_SECTIONS

    i = 0 if lang == "zh" else 1
    for template, sections in ((system.TEMPLATES[3], CHARTER_SECTIONS), (system.TEMPLATES[4], CULTURE_SECTIONS)):
        data = template.build(lang, filled)
        assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
        headings, text = _docx_text(data)
        assert [s[i] for s in sections] == [h for h in headings if h in {s[i] for s in sections}]
    _, charter = _docx_text(system.TEMPLATES[3].build(lang, filled))
    assert ("有权批评某种想法" in charter or "可以批评想法，不批评人" in charter) if lang == "zh" else "criticise an idea" in charter


def test_charter_example_shows_team_a1_figures_from_the_csvs():
    calls = pd.read_csv(DATA / "call_records.csv")
    agents = pd.read_csv(DATA / "agents.csv")
    a1 = calls[calls["agent_id"].isin(agents.loc[agents["team"] == "A1", "agent_id"])]
    answered = a1[a1["outcome"] == "answered"]
    transfer = answered["transferred"].astype(bool).mean()
    _, text = _docx_text(system.TEMPLATES[3].build("zh", True))
    assert f"{transfer:.1%}" in text


def test_culture_example_has_one_objective_per_group_with_a_registry_kpi():
    _, text = _docx_text(system.TEMPLATES[4].build("en", True))
    for name in ("Customer", "Financial", "Internal operations", "People", "Service level", "Shrinkage",
                 "Cost per contact"):
        assert name in text


# ---------------------------------------------------------------- audit_score
def test_audit_score_by_hand():
    frame = pd.DataFrame({"part": ["culture", "culture", "review", "strategic_plan"],
                          "weight": [2, 1, 3, 1], "score": [3, 1, 0, None]})
    result = system.audit_score(frame)
    # scored: 2×3 + 1×1 + 3×0 = 7 points of 3 × (2 + 1 + 3) = 18
    assert result.total == pytest.approx(7 / 18)
    assert result.parts.loc["culture", "percent"] == pytest.approx(7 / 9)
    assert result.parts.loc["review", "percent"] == 0.0
    assert math.isnan(result.parts.loc["strategic_plan", "percent"]) and result.unscored == 1
    assert result.gaps["score"].tolist() == [0.0, 1.0]  # heaviest first: review (3), then culture (1)
    assert result.rating("en") == "Needs improvement"


def test_audit_score_of_the_example_against_pandas():
    frame = pd.DataFrame(AUDIT_ITEMS, columns=["id", "part", "zh", "en", "ezh", "een", "weight", "score"])
    frame["points"] = frame["weight"] * frame["score"]
    by = frame.groupby("part")[["weight", "points"]].sum()
    result = system.audit_score(frame[["id", "part", "weight", "score"]])
    assert result.total == pytest.approx(frame["points"].sum() / (3 * frame["weight"].sum()))
    for part, row in by.iterrows():
        assert result.parts.loc[part, "percent"] == pytest.approx(row["points"] / (3 * row["weight"]))
    assert set(result.gaps["item"]) == set(frame.loc[frame["score"] < 2, "id"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_audit_sheet_read_back_scores_the_same_as_its_summary(lang):
    data = system.TEMPLATES[1].build(lang, True)
    sheets = pd.read_excel(io.BytesIO(data), sheet_name=None)
    names = system.SHEETS["audit"][lang]
    checklist, summary = sheets[names[1]], sheets[names[2]]
    points = (checklist.iloc[:, 4] * checklist.iloc[:, 5]).sum() / (3 * checklist.iloc[:, 4].sum())
    assert summary.iloc[-1, -1] == pytest.approx(points)
    assert system.audit_score(checklist).total == pytest.approx(points)


@pytest.mark.parametrize("change, words", [
    ({"score": [4, 2]}, ["score", "4", "'C1'"]),
    ({"score": [2.5, 2]}, ["score", "2.5", "'C1'"]),
    ({"score": ["good", 2]}, ["score", "good", "'C1'"]),
    ({"weight": [1, -2]}, ["weight", "-2", "'C2'"]),
    ({"weight": [1, None]}, ["weight", "empty", "'C2'"]),
    ({"part": ["culture", "marketing"]}, ["part", "marketing", "'C2'"]),
])
def test_audit_score_bad_cells_name_column_and_row(change, words):
    frame = pd.DataFrame({"id": ["C1", "C2"], "part": ["culture", "culture"], "weight": [1, 1], "score": [2, 2]})
    for column, values in change.items():
        frame[column] = values
    with pytest.raises(ValueError) as err:
        system.audit_score(frame)
    assert all(w in str(err.value) for w in words), str(err.value)


def test_audit_score_names_the_chinese_header_and_a_missing_column():
    frame = system.audit_frame("zh", True)
    frame.loc[3, "得分 (0–3)"] = 4
    with pytest.raises(ValueError, match=r"得分 \(0–3\) must be a whole number 0–3, got 4(\.0)? in row 'C4'"):
        system.audit_score(frame)
    with pytest.raises(ValueError, match=r"frame must have the column 'weight' \(权重 / Weight\)"):
        system.audit_score(frame.drop(columns="权重"))
    with pytest.raises(ValueError, match="frame must be a DataFrame"):
        system.audit_score([1, 2])


# ---------------------------------------------------------------- vendor_scores
def _requirements() -> pd.DataFrame:
    weights = {"must": 3, "should": 2, "could": 1}
    rows = [[rid, p, weights[p], *scores] for rid, _, _, _, p, scores in REQUIREMENTS]
    return pd.DataFrame(rows, columns=["id", "priority", "weight", "A", "B", "C"])


def test_vendor_scores_against_pandas():
    frame = _requirements()
    result = system.vendor_scores(frame)
    for vendor in "ABC":
        expected = (frame["weight"] * frame[vendor]).sum() / (3 * frame["weight"].sum())
        assert result.table.loc[vendor, "weighted_total"] == pytest.approx(expected)
        fails = frame.loc[(frame["priority"] == "must") & (frame[vendor] == 0), "id"].tolist()
        assert result.failed.loc[result.failed["vendor"] == vendor, "requirement"].tolist() == fails
        assert result.table.loc[vendor, "eligible"] == (not fails)
    totals = {v: (frame["weight"] * frame[v]).sum() for v in "ABC"}
    assert max(totals, key=totals.get) == "B"  # the highest total fails a must (WFM1) ...
    assert result.best == "A" and math.isnan(result.table.loc["B", "rank"])  # ... so A is chosen


def test_vendor_scores_by_hand_and_every_vendor_failing():
    frame = pd.DataFrame({"优先级": ["必须 (must)", "应该 (should)"], "权重": [3, 2], "X": [0, 3], "Y": [0, 1]})
    result = system.vendor_scores(frame)
    assert result.table["weighted_total"].tolist() == pytest.approx([6 / 15, 2 / 15])
    assert result.best is None and result.table["failed_musts"].tolist() == [1, 1]


@pytest.mark.parametrize("change, words", [
    ({"A": [4, 1]}, ["A", "4", "'R1'"]),
    ({"A": [None, 1]}, ["A", "empty", "'R1'"]),
    ({"weight": [3, -1]}, ["weight", "-1", "'R2'"]),
    ({"priority": ["must", "maybe"]}, ["priority", "maybe", "'R2'"]),
])
def test_vendor_scores_bad_cells_name_column_and_row(change, words):
    frame = pd.DataFrame({"id": ["R1", "R2"], "priority": ["must", "could"], "weight": [3, 1], "A": [2, 1]})
    for column, values in change.items():
        frame[column] = values
    with pytest.raises(ValueError) as err:
        system.vendor_scores(frame)
    assert all(w in str(err.value) for w in words), str(err.value)


def test_vendor_scores_missing_columns():
    frame = pd.DataFrame({"id": ["R1"], "priority": ["must"], "weight": [3], "A": [2]})
    with pytest.raises(ValueError, match="frame must have the column 'priority'"):
        system.vendor_scores(frame.drop(columns="priority"))
    with pytest.raises(ValueError, match="at least one vendor column"):
        system.vendor_scores(frame.drop(columns="A"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_selection_sheet_read_back_scores_the_same(lang):
    data = system.TEMPLATES[2].build(lang, True)
    names = system.SHEETS["selection"][lang]
    sheets = pd.read_excel(io.BytesIO(data), sheet_name=None)
    again = system.vendor_scores(sheets[names[1]])
    summary = sheets[names[2]].set_index(sheets[names[2]].columns[0])
    assert np.allclose(again.table["weighted_total"], summary.iloc[:, 2])


# ---------------------------------------------------------------- objectives, groups, baselines
def test_every_registry_kpi_with_a_direction_has_one_group():
    directed = {k for k, ind in REGISTRY.items() if ind.direction}
    assert directed == set(KPI_GROUPS)
    assert system.objective_group("occupancy") == "internal" and system.objective_group("nps") == "customer"
    with pytest.raises(ValueError, match="kpi must be a registry KPI with a direction.*got 'offered'"):
        system.objective_group("offered")


def test_quarter_milestones_by_hand():
    assert system.quarter_milestones(0.36, 0.30) == pytest.approx((0.345, 0.33, 0.315, 0.30))
    with pytest.raises(ValueError, match="target must be a finite number, got nan"):
        system.quarter_milestones(0.3, float("nan"))


@pytest.fixture(scope="module")
def baseline():
    return system.baseline_kpis()


def test_call_record_baselines_against_pandas(baseline):
    calls = pd.read_csv(DATA / "call_records.csv")
    answered = calls["outcome"] == "answered"
    offered = calls["outcome"].isin(["answered", "abandoned"])
    assert baseline["service_level"] == pytest.approx((answered & (calls["wait_s"] <= 20)).sum() / offered.sum())
    assert baseline["abandonment_rate"] == pytest.approx((calls["outcome"] == "abandoned").sum() / offered.sum())
    csat = calls["csat"].dropna()
    assert baseline["csat_top2_box"] == pytest.approx((csat >= 4).mean())
    assert baseline["transfer_rate"] == pytest.approx(calls.loc[answered, "transferred"].astype(bool).mean())
    costs = pd.read_csv(DATA / "operations" / "cost_lines.csv")
    assert baseline["cost_per_contact"] == pytest.approx(costs["amount_cny"].sum() / answered.sum())


def test_survey_state_and_people_baselines_against_pandas(baseline):
    nps = pd.read_csv(DATA / "operations" / "survey_responses.csv")["nps"].dropna()
    assert baseline["nps"] == pytest.approx(100 * ((nps >= 9).mean() - (nps <= 6).mean()))
    states = pd.read_csv(DATA / "operations" / "agent_states.csv")
    on_calls = states[["available_s", "talk_s", "hold_s", "acw_s"]].to_numpy().sum()
    assert baseline["shrinkage"] == pytest.approx(1 - on_calls / states["paid_s"].sum())
    shifts = pd.read_csv(DATA / "people" / "attendance_2026_03.csv")
    assert baseline["attendance_rate"] == pytest.approx((shifts["status"] != "absent").mean())


def test_attrition_baseline_against_pandas(baseline):
    staff = pd.read_csv(DATA / "people" / "employees.csv", parse_dates=["hire_date", "leave_date"])
    agents = staff[staff["role"] == "agent"]

    def employed(day):
        return int(((agents["hire_date"] <= day) & (agents["leave_date"].isna() | (agents["leave_date"] >= day))).sum())

    total = 0.0
    for start in pd.date_range("2025-04-01", "2026-03-01", freq="MS"):
        end = start + pd.offsets.MonthEnd(0)
        leavers = ((agents["leave_date"] >= start) & (agents["leave_date"] <= end)).sum()
        total += leavers / ((employed(start) + employed(end)) / 2)
    assert baseline["attrition_rate"] == pytest.approx(total)


def test_objectives_use_the_baselines_registry_targets_and_milestones(baseline):
    table = system.strategic_objectives("zh")
    assert set(table["group"]) == {"客户", "财务", "内部运营", "员工成长"}
    row = table.set_index("kpi").loc["service_level"]
    assert row["baseline"] == baseline["service_level"] and row["target"] == REGISTRY["service_level"].target
    cost = table.set_index("kpi").loc["cost_per_contact"]
    assert cost["target"] == pytest.approx(0.95 * baseline["cost_per_contact"])
    assert cost["q2"] == pytest.approx((cost["baseline"] + cost["target"]) / 2)
    with pytest.raises(ValueError, match="lang must be 'zh' or 'en', got 'fr'"):
        system.strategic_objectives("fr")


def test_daily_watch_list_is_the_daily_report():
    from ccskills.kpi import REPORT_INDICATORS

    table = system.daily_watch_list("zh")
    assert table["kpi"].tolist() == list(REPORT_INDICATORS["D"])
    sl = table.set_index("kpi").loc["service_level"]
    assert sl["group"] == "客户" and sl["target"] == 0.8


# ---------------------------------------------------------------- the monthly FTE plan
def _erlang_c_agents(calls: float, aht: float, interval: float = 900, target=0.8, t=20) -> int:
    """Fewest agents with P(wait ≤ t) ≥ target, Erlang B recursion then Erlang C (written out here)."""
    load = calls * aht / interval
    if load == 0:
        return 0
    n = max(1, math.floor(load) + 1)
    while True:
        b = 1.0
        for k in range(1, n + 1):
            b = load * b / (k + load * b)
        c = n * b / (n - load * (1 - b))
        if 1 - c * math.exp(-(n - load) * t / aht) >= target - 1e-12:
            return n
        n += 1


@pytest.fixture(scope="module")
def history():
    frame = pd.read_csv(DATA / "wfm" / "interval_history.csv", parse_dates=["interval_start"])
    return frame[frame["line"] == "ecommerce"].reset_index(drop=True)


@pytest.fixture(scope="module")
def plan(history):
    return system.annual_fte_plan(history)


def test_fte_plan_growth_and_calls_against_pandas(history, plan):
    h = history.set_index("interval_start")
    recent, before = h.loc["2025-10-01":"2026-09-30"], h.loc["2024-10-01":"2025-09-30"]
    growth = recent["calls"].sum() / before["calls"].sum()
    aht = lambda f: (f["calls"] * f["aht_s"]).sum() / f.loc[f["aht_s"].notna(), "calls"].sum()  # noqa: E731
    assert plan.growth == pytest.approx(growth) and plan.aht_trend == pytest.approx(aht(recent) / aht(before))
    monthly = recent["calls"].groupby(recent.index.to_period("M")).sum() * growth
    assert plan.months["calls"].to_numpy() == pytest.approx(monthly.to_numpy())
    assert [f"{m:%Y-%m}" for m in plan.months.index] == [f"{y}-{m:02d}" for y, m in
                                                           [(2026, 10), (2026, 11), (2026, 12)] + [(2027, k) for k in range(1, 10)]]


def test_fte_of_one_month_against_an_erlang_c_written_here(history, plan):
    h = history.set_index("interval_start").loc["2026-02-01":"2026-02-28"]
    agents = [_erlang_c_agents(c * plan.growth, a * plan.aht_trend) if c > 0 else 0
              for c, a in zip(h["calls"], h["aht_s"])]
    paid = sum(math.ceil(n / (1 - 0.3) - 1e-9) for n in agents) * 0.25
    row = plan.months.loc["2027-02-01"]
    assert row["paid_hours"] == pytest.approx(paid)
    assert row["fte"] == pytest.approx(paid / (1984 * 28 / 365))
    assert row["phone_hours"] == pytest.approx(sum(agents) * 0.25)


def test_fte_plan_bad_input(history):
    with pytest.raises(ValueError, match="history must have the column 'calls'"):
        system.annual_fte_plan(history.drop(columns="calls"))
    with pytest.raises(ValueError, match="history must cover 24 whole months"):
        system.annual_fte_plan(history[history["interval_start"] >= "2025-01-01"])
    with pytest.raises(ValueError, match="shrinkage"):
        system.annual_fte_plan(history, shrinkage=1.2)
    with pytest.raises(ValueError, match="growth"):
        system.annual_fte_plan(history, growth=-1)
