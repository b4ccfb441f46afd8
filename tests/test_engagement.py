"""ccskills.engagement against independent computations done here.

eNPS intervals: the adjusted-Wald formula written out by hand (Rocks 2016) and a coverage
simulation; exit-reason intervals: statsmodels ``proportion_confint(method="wilson")``;
attrition link: a statsmodels GLM (binomial, formula interface, cluster-robust by person)
fitted in the test, bands by pandas, AUC by counting every leaver-stayer pair.
"""

import math

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
import statsmodels.formula.api as smf
from scipy.stats import norm
from statsmodels.stats.proportion import proportion_confint

from ccskills import engagement as en
from ccskills.datasets.people import load_employees, load_exit_interviews, load_pulse_survey

Z95 = 1.959963984540054


def _hand_interval(p, d, n, z=Z95):
    """Adjusted Wald: add 3 to n, 3/4 to promoters and detractors (Rocks 2016)."""
    n2 = n + 3
    pp, dd = (p + 0.75) / n2, (d + 0.75) / n2
    half = z * math.sqrt((pp + dd - (pp - dd) ** 2) / n2)
    return max(pp - dd - half, -1), min(pp - dd + half, 1)


@pytest.fixture(scope="module")
def pulse():
    return load_pulse_survey()


@pytest.fixture(scope="module")
def staff():
    return load_employees()


# ---------------------------------------------------------------- eNPS
def test_enps_counts_and_interval_by_hand():
    scores = [10, 10, 9, 9, 9, 8, 7, 7, 6, 5, 3, 0, None, float("nan")]
    r = en.enps(scores)
    assert (r.promoters, r.passives, r.detractors, r.n) == (5, 3, 4, 12)
    assert r.enps == pytest.approx((5 - 4) / 12)
    assert (r.ci_low, r.ci_high) == pytest.approx(_hand_interval(5, 4, 12))
    r90 = en.enps(scores, confidence=0.90)
    assert (r90.ci_low, r90.ci_high) == pytest.approx(_hand_interval(5, 4, 12, norm.ppf(0.95)))


def test_enps_is_not_the_mean_score():
    # mean 7.5 "looks good", yet promoters and detractors cancel: eNPS 0
    r = en.enps([10, 10, 5, 5])
    assert np.mean([10, 10, 5, 5]) == 7.5 and r.enps == 0.0


def test_enps_extremes_stay_inside_minus_one_one():
    r = en.enps([10] * 5)
    assert r.enps == 1.0 and r.ci_high == 1.0 and -1 < r.ci_low < 1
    assert math.isnan(en.enps([None, None]).enps)


def test_enps_interval_coverage_by_simulation():
    rng = np.random.default_rng(7)
    probs, n, reps = (0.2, 0.35, 0.45), 30, 2000  # promoters, passives, detractors
    truth = probs[0] - probs[2]
    hits = 0
    for counts in rng.multinomial(n, probs, size=reps):
        scores = [9] * counts[0] + [7] * counts[1] + [3] * counts[2]
        r = en.enps(scores)
        hits += r.ci_low <= truth <= r.ci_high
    assert 0.93 < hits / reps < 0.975  # near the nominal 95 %


@pytest.mark.parametrize("bad, row, shown", [([3, 11, 9], 1, "11"), ([3, 9, 7.5], 2, "7.5"),
                                             ([-1], 0, "-1"), (["x", 3], 0, "'x'")])
def test_enps_rejects_values_outside_0_10_naming_the_row(bad, row, shown):
    with pytest.raises(ValueError, match=rf"scores must be a whole number 0 to 10 or blank, got {shown} in row {row}"):
        en.enps(bad)


def test_enps_bad_confidence():
    with pytest.raises(ValueError, match="confidence must be"):
        en.enps([9, 3], confidence=1.5)


def test_enps_by_team_against_pandas(pulse):
    latest = pulse[pulse["survey_date"] == pulse["survey_date"].max()]
    table = en.enps_by(latest, "team")
    for team, group in latest.groupby("team"):
        s = group["enps"].dropna().astype(int)
        p, d = int((s >= 9).sum()), int((s <= 6).sum())
        row = table.loc[team]
        assert (row["n"], row["promoters"], row["detractors"]) == (len(s), p, d)
        assert row["enps"] == pytest.approx((p - d) / len(s))
        assert (row["ci_low"], row["ci_high"]) == pytest.approx(_hand_interval(p, d, len(s)))


def test_enps_by_tenure_band_derived_from_tenure_months(pulse):
    table = en.enps_by(pulse, "tenure_band")
    assert list(table.index) == ["0-3m", "3-12m", "12-24m", "24m+"]
    new = pulse.loc[pulse["tenure_months"] < 3, "enps"].dropna()
    assert table.loc["0-3m", "n"] == len(new)
    assert table["n"].sum() == pulse["enps"].notna().sum()


def test_enps_by_two_keys_and_bad_by(pulse):
    table = en.enps_by(pulse, ["team", "tenure_band"])
    assert table.index.names == ["team", "tenure_band"]
    assert table["n"].sum() == pulse["enps"].notna().sum()
    with pytest.raises(ValueError, match="by must name columns of frame, got 'nope'"):
        en.enps_by(pulse, "nope")


def test_enps_difference_by_hand():
    a = [9] * 6 + [7] * 2 + [3] * 2  # eNPS 0.4
    b = [9] * 2 + [7] * 2 + [3] * 6  # eNPS -0.4
    d = en.enps_difference(a, b)
    assert d.difference == pytest.approx(0.8)
    n2 = 13
    pa, da, pb, db = 6.75 / n2, 2.75 / n2, 2.75 / n2, 6.75 / n2
    va, vb = pa + da - (pa - da) ** 2, pb + db - (pb - db) ** 2
    centre, half = (pa - da) - (pb - db), Z95 * math.sqrt(va / n2 + vb / n2)
    assert (d.ci_low, d.ci_high) == pytest.approx((centre - half, centre + half))
    assert d.clear == (centre - half > 0)


def test_small_teams_do_not_clearly_differ(pulse):
    latest = pulse[pulse["survey_date"] == pulse["survey_date"].max()]
    a3 = latest.loc[latest["team"] == "A3", "enps"]
    p2 = latest.loc[latest["team"] == "P2", "enps"]
    d = en.enps_difference(a3, p2)
    assert d.difference < -0.4  # a big gap in points...
    assert d.ci_low < -0.4 and d.ci_high > d.difference  # ...with a wide interval


# ---------------------------------------------------------------- items
def test_item_means_by_against_pandas(pulse):
    table = en.item_means_by(pulse, "team")
    items = list(en.DEFAULT_ITEMS)
    expected = pulse[items].astype(float).groupby(pulse["team"]).mean()
    assert np.allclose(table[items].to_numpy(), expected.to_numpy())
    assert (table["n"] == pulse.groupby("team").size()).all()
    fav = en.item_means_by(pulse, "team", ["pay"], statistic="favourable")["pay"]
    pay = pulse["pay"].astype(float)
    expected_fav = (pay >= 4).where(pay.notna()).astype(float).groupby(pulse["team"]).mean()
    assert np.allclose(fav.to_numpy(), expected_fav.to_numpy())


def test_item_means_by_bad_input():
    frame = pd.DataFrame({"team": ["A", "B"], "pay": [3, 6]})
    with pytest.raises(ValueError, match="pay must be a whole number 1 to 5 or blank, got 6 in row 1"):
        en.item_means_by(frame, "team", ["pay"])
    with pytest.raises(ValueError, match="statistic must be one of"):
        en.item_means_by(frame, "team", ["pay"], statistic="median")
    with pytest.raises(ValueError, match="items must name columns of frame"):
        en.item_means_by(frame, "team", ["tools"])


# ---------------------------------------------------------------- exit reasons
def test_exit_reasons_against_statsmodels_wilson():
    exits = load_exit_interviews()
    table = en.exit_reasons(exits)
    counts = exits["primary_reason"].value_counts()
    assert table["interviews"].to_dict() == counts.to_dict()
    assert table["share"].sum() == pytest.approx(1.0)
    assert table.index[0] == counts.idxmax()
    low, high = proportion_confint(table["interviews"], len(exits), alpha=0.05, method="wilson")
    assert np.allclose(table["ci_low"], low) and np.allclose(table["ci_high"], high)


def test_exit_reasons_mentioned_in_either_column():
    exits = load_exit_interviews()
    table = en.exit_reasons(exits, ["primary_reason", "secondary_reason"])
    for reason in ("pay", "leader"):
        mentioned = ((exits["primary_reason"] == reason) | (exits["secondary_reason"] == reason)).sum()
        assert table.loc[reason, "interviews"] == mentioned
    assert "none" not in table.index and table.attrs["n"] == len(exits)


def test_exit_reasons_bad_input():
    with pytest.raises(ValueError, match="column must name columns of frame"):
        en.exit_reasons(pd.DataFrame({"x": ["pay"]}))
    with pytest.raises(ValueError, match="at least one interview"):
        en.exit_reasons(pd.DataFrame({"primary_reason": []}))


# ---------------------------------------------------------------- attrition link
def _outcome_by_hand(pulse, staff, score, months=6, as_of="2026-03-31"):
    rows = pulse.dropna(subset=[score])
    rows = rows[rows["survey_date"] + pd.DateOffset(months=months) <= pd.Timestamp(as_of)]
    merged = rows.merge(staff[["employee_id", "leave_date", "leave_type"]], on="employee_id")
    end = merged["survey_date"] + pd.DateOffset(months=months)
    merged["left"] = ((merged["leave_type"] == "voluntary") & (merged["leave_date"] >= merged["survey_date"])
                      & (merged["leave_date"] <= end)).astype(int)
    merged[score] = merged[score].astype(float)
    return merged


def test_attrition_link_against_statsmodels_glm(pulse, staff):
    link = en.attrition_link(pulse, staff, "leader_support", as_of="2026-03-31")
    data = _outcome_by_hand(pulse, staff, "leader_support")
    assert (link.n, link.leavers) == (len(data), int(data["left"].sum()))
    assert link.people == data["employee_id"].nunique()
    groups = pd.factorize(data["employee_id"])[0]
    fit = smf.glm("left ~ leader_support", data, family=sm.families.Binomial()).fit(
        cov_type="cluster", cov_kwds={"groups": groups})
    beta, se = fit.params["leader_support"], fit.bse["leader_support"]
    row = link.odds_ratios.loc["leader_support"]
    assert row["odds_ratio"] == pytest.approx(math.exp(-beta), rel=1e-6)
    assert row["ci_low"] == pytest.approx(math.exp(-beta - Z95 * se), rel=1e-3)
    assert row["ci_high"] == pytest.approx(math.exp(-beta + Z95 * se), rel=1e-3)
    # the planted signal is there, and modest
    assert 1.3 < row["odds_ratio"] < 3.5 and row["ci_low"] > 1
    assert 0.55 < link.auc < 0.8


def test_attrition_link_bands_and_auc_by_hand(pulse, staff):
    link = en.attrition_link(pulse, staff, "enps", as_of="2026-03-31")
    data = _outcome_by_hand(pulse, staff, "enps")
    band = pd.cut(data["enps"], [-1, 6, 8, 10], labels=["0-6", "7-8", "9-10"])
    expected = data.groupby(band, observed=True)["left"].agg(["size", "sum"])
    assert link.bands["n"].tolist() == expected["size"].tolist()
    assert link.bands["leavers"].tolist() == expected["sum"].tolist()
    assert link.bands["share_of_leavers"].sum() == pytest.approx(1.0)
    low, high = proportion_confint(expected["sum"], expected["size"], method="wilson")
    assert np.allclose(link.bands["ci_low"], low) and np.allclose(link.bands["ci_high"], high)
    # AUC of a single score = P(leaver scored lower than a stayer), ties one half
    leavers = data.loc[data["left"] == 1, "enps"].to_numpy()
    stayers = data.loc[data["left"] == 0, "enps"].to_numpy()
    pairs = (leavers[:, None] < stayers[None, :]).mean() + 0.5 * (leavers[:, None] == stayers[None, :]).mean()
    assert link.auc == pytest.approx(pairs)


def test_attrition_link_adjusted_for_tenure(pulse, staff):
    link = en.attrition_link(pulse, staff, ["leader_support", "growth"], as_of="2026-03-31",
                             adjust_tenure=True)
    data = _outcome_by_hand(pulse, staff, "leader_support").dropna(subset=["growth"])
    data["growth"] = data["growth"].astype(float)
    data["band"] = pd.cut(data["tenure_months"], [0, 3, 12, 24, np.inf], right=False,
                          labels=["a", "b", "c", "d"])
    groups = pd.factorize(data["employee_id"])[0]
    fit = smf.glm("left ~ leader_support + growth + C(band)", data, family=sm.families.Binomial()).fit(
        cov_type="cluster", cov_kwds={"groups": groups})
    assert link.n == len(data)
    assert link.odds_ratios.loc["growth", "odds_ratio"] == pytest.approx(math.exp(-fit.params["growth"]), rel=1e-6)
    assert link.odds_ratios.loc["tenure_24m+", "odds_ratio"] == pytest.approx(
        math.exp(fit.params["C(band)[T.d]"]), rel=1e-6)
    assert link.odds_ratios.loc["tenure_24m+", "odds_ratio"] < 1  # long-tenured staff leave less


def test_attrition_link_horizon_drops_unobserved_answers(pulse, staff):
    short = en.attrition_link(pulse, staff, "growth", horizon_months=3, as_of="2026-03-31")
    long = en.attrition_link(pulse, staff, "growth", horizon_months=12, as_of="2026-03-31")
    assert short.n > long.n  # a longer horizon needs older answers
    assert long.base_rate > short.base_rate


def test_attrition_link_bad_input(pulse, staff):
    with pytest.raises(ValueError, match="horizon_months must be a whole number of months 1 to 36, got 0"):
        en.attrition_link(pulse, staff, horizon_months=0)
    with pytest.raises(ValueError, match="leave_type must be one of"):
        en.attrition_link(pulse, staff, leave_type="quit")
    with pytest.raises(ValueError, match=r"survey must have columns \['survey_date', 'employee_id', 'mood'\]"):
        en.attrition_link(pulse, staff, "mood")
    ghost = pulse.head(3).assign(employee_id=["X1", pulse["employee_id"].iloc[1], "X2"])
    with pytest.raises(ValueError, match="employee_id must be an employee_id of employees, got 'X1' in rows 0, 2"):
        en.attrition_link(ghost, staff)
    with pytest.raises(ValueError, match="both leaving and staying"):
        en.attrition_link(pulse, staff, as_of="2023-06-01")


# ---------------------------------------------------------------- labels
def test_labelled_renames_index_columns_and_index_names():
    table = en.enps_by(pd.DataFrame({"team": ["A3", ""], "enps": [9, 3]}), "team")
    zh = en.labelled(table)
    assert zh.index.name == "班组" and "中心职能岗" in zh.index and "推荐者" in zh.columns
    assert en.labelled(table, "en").columns[0] == "Answers"
    with pytest.raises(ValueError, match="lang must be 'zh' or 'en', got 'fr'"):
        en.labelled(table, "fr")
