"""The seven rules (制度) as Word files: sections, registry KPIs, and the example's figures.

Expected figures are recomputed here by hand with pandas from the dataset CSVs (attendance from
datasets/people/attendance_2026_03.csv, calls from datasets/call_records.csv, QA scores from the
item results and the scorecard weights, sample sizes from the normal quantile of the standard
library's NormalDist, Spearman correlations from scipy) — never read back from the library.
"""

from __future__ import annotations

import io
import math
import re
from functools import lru_cache
from pathlib import Path
from statistics import NormalDist

import docx
import pandas as pd
import pytest
from scipy.stats import spearmanr

from ccskills.kpi import REGISTRY
from ccskills.management import ROLE_NAMES
from ccskills.management import rules

DATA = Path(__file__).resolve().parents[1] / "datasets"
RULES = ["capacity", "quality", "call_handling", "quality_kpis", "attendance", "assessment", "evaluation"]
HEADINGS = {
    "zh": ["目的 (Purpose)", "适用范围 (Scope)", "责任人 (Owner)", "术语与指标 (Terms and KPIs)",
           "制度条款 (Provisions)", "考核与后果 (Consequences)", "复核周期 (Review cycle)", "修订记录 (Revision history)"],
    "en": ["Purpose", "Scope", "Owner", "Terms and KPIs", "Provisions", "Consequences", "Review cycle", "Revision history"],
}
TITLES = {"capacity": "产能管理制度", "quality": "品质管理制度", "call_handling": "受话管理制度",
          "quality_kpis": "品质指标管理制度", "attendance": "考勤管理制度", "assessment": "业务考核制度",
          "evaluation": "综合考评制度"}
CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")


@lru_cache(maxsize=None)
def document(rule: str, lang: str, filled: bool):
    return docx.Document(io.BytesIO(rules.rule_document(rule, lang, filled)))


def headings(doc, level=1):
    return [p.text for p in doc.paragraphs if p.style.name == f"Heading {level}"]


def all_text(doc) -> str:
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def provisions(doc) -> str:
    return "\n".join(p.text for p in doc.paragraphs if p.style.name == "List Number")


def table_with(doc, first_header: str) -> pd.DataFrame:
    for t in doc.tables:
        head = [c.text for c in t.rows[0].cells]
        if head[0] == first_header:
            return pd.DataFrame([[c.text for c in r.cells] for r in t.rows[1:]], columns=head)
    raise AssertionError(f"no table headed {first_header!r}")


def pct(x) -> str:
    return f"{x * 100:.1f}%"


# ------------------------------------------------------------------ independent computations
@lru_cache(maxsize=None)
def calls() -> pd.DataFrame:
    return pd.read_csv(DATA / "call_records.csv")


@lru_cache(maxsize=None)
def answered() -> pd.DataFrame:
    a = calls()[calls()["outcome"] == "answered"].copy()
    a["handle"] = a["talk_s"] + a["hold_s"] + a["acw_s"]
    return a


@lru_cache(maxsize=None)
def attendance() -> pd.DataFrame:
    return pd.read_csv(DATA / "people" / "attendance_2026_03.csv")


@lru_cache(maxsize=None)
def agents() -> pd.DataFrame:
    return pd.read_csv(DATA / "agents.csv").set_index("agent_id")


def score_by_hand(items: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """100 − Σ weight of failed items; 0 when a critical item failed (weights sum to 100)."""
    card = pd.read_csv(DATA / "quality" / "scorecard.csv", keep_default_na=False)
    df = items.merge(card[["item_id", "weight", "critical_kind"]], on="item_id")
    df["failed"] = df["passed"].astype(str).str.lower() == "false"
    df["lost"] = df["weight"] * df["failed"]
    for kind in ("customer", "business", "compliance"):
        df[kind] = df["failed"] & (df["critical_kind"] == kind)
    out = df.groupby(keys).agg(lost=("lost", "sum"), customer=("customer", "any"),
                               business=("business", "any"), compliance=("compliance", "any"))
    out["critical"] = out[["customer", "business", "compliance"]].any(axis=1)
    out["score"] = (100.0 - out["lost"]).where(~out["critical"], 0.0)
    return out


@lru_cache(maxsize=None)
def qa() -> pd.DataFrame:
    items = pd.read_csv(DATA / "quality" / "evaluation_items.csv")
    evals = pd.read_csv(DATA / "quality" / "evaluations.csv").set_index("evaluation_id")
    return score_by_hand(items, ["evaluation_id"]).join(evals)


def actuals() -> dict[str, str]:
    c, a = calls(), answered()
    offered = c["outcome"].isin(["answered", "abandoned"]).sum()
    flagged = a["resolved_first_contact"].notna()
    csat = c["csat"].dropna()
    att = attendance()
    return {
        "service_level": pct(((c["outcome"] == "answered") & (c["wait_s"] <= 20)).sum() / offered),
        "answer_rate": pct(len(a) / offered),
        "abandonment_rate": pct((c["outcome"] == "abandoned").sum() / offered),
        "asa_s": f"{a['wait_s'].mean():.1f} s",
        "avg_acw_s": f"{a['acw_s'].mean():.1f} s",
        "aht_s": f"{a['handle'].mean():.1f} s",
        "transfer_rate": pct(a["transferred"].mean()),
        "fcr_rate": pct((a.loc[flagged, "resolved_first_contact"] == True).mean()),  # noqa: E712
        "csat_top2_box": pct((csat >= 4).mean()),
        "attendance_rate": pct(1 - (att["status"] == "absent").mean()),
        "qa_score": f"{qa()['score'].mean():.1f}",
    }


def target_by_hand(kpi: str) -> str:
    ind = REGISTRY[kpi]
    fmt = {"fraction": lambda v: f"{v * 100:.1f}%", "seconds": lambda v: f"{v:.1f} s", "score": lambda v: f"{v:.1f}"}
    if ind.target is None:
        return None
    if ind.direction == "band":
        return "–".join(fmt[ind.unit](v) for v in ind.target)
    return ("≥ " if ind.direction == "higher" else "≤ ") + fmt[ind.unit](ind.target)


# ------------------------------------------------------------------ structure
@pytest.mark.parametrize("filled", [True, False])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("rule", RULES)
def test_rule_has_its_sections_in_order(rule, lang, filled):
    doc = document(rule, lang, filled)
    assert headings(doc) == HEADINGS[lang]
    title = [p.text for p in doc.paragraphs if p.style.name == "Title"]
    assert title == [TITLES[rule] if lang == "zh" else rules.TEMPLATES[RULES.index(rule)].title_en]
    assert len([p for p in doc.paragraphs if p.style.name == "List Number"]) >= 4  # provisions
    assert len(table_with(doc, "情形 (situation)" if lang == "zh" else "Situation")) >= 3  # consequences
    revisions = table_with(doc, "版本 (version)" if lang == "zh" else "Version")
    assert len(revisions) == 5 and (revisions.iloc[0, 0] == "1.0") == filled


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("rule", RULES)
def test_owner_is_one_of_the_seven_roles(rule, lang):
    owner = table_with(document(rule, lang, True), "责任人 (owner)" if lang == "zh" else "Owner").columns[1]
    names = [f"{r.name_zh} ({r.name_en})" if lang == "zh" else r.name_en for r in ROLE_NAMES]
    assert owner in names


@pytest.mark.parametrize("filled", [True, False])
@pytest.mark.parametrize("rule", RULES)
def test_english_version_is_in_english(rule, filled):
    assert not CJK.findall(all_text(document(rule, "en", filled)))


def test_chinese_headings_carry_the_english_term():
    assert all(re.fullmatch(r"[\u4e00-\u9fff]+ \([A-Z][A-Za-z ]+\)", h) for h in HEADINGS["zh"])
    assert headings(document("attendance", "zh", True)) == HEADINGS["zh"]


# ------------------------------------------------------------------ KPIs from the registry
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("rule", RULES)
def test_kpi_formula_and_target_are_the_registry_s(rule, lang):
    table = table_with(document(rule, lang, True), "指标 (KPI)" if lang == "zh" else "KPI")
    by_name = {(f"{i.name_zh} ({i.name_en})" if lang == "zh" else i.name_en): i for i in REGISTRY.values()}
    assert len(table) >= 3
    for _, row in table.iterrows():
        ind = by_name[row.iloc[0]]
        assert row.iloc[1] == (ind.formula_zh if lang == "zh" else ind.formula_en)
        expected = target_by_hand(ind.id)
        assert row.iloc[2] == (expected or ("由中心自定 (set by the centre)" if lang == "zh" else "set by the centre"))
        assert row.iloc[3] == ind.target_source


@pytest.mark.parametrize("rule", RULES)
def test_kpi_actuals_equal_a_recomputation_and_blank_has_none(rule):
    expected = actuals()
    filled = table_with(document(rule, "en", True), "KPI")
    blank = table_with(document(rule, "en", False), "KPI")
    ids = {i.name_en: k for k, i in REGISTRY.items()}
    for _, row in filled.iterrows():
        assert row.iloc[4] == expected.get(ids[row.iloc[0]], "—"), row.iloc[0]
    assert (blank.iloc[:, 4] == "").all()


# ------------------------------------------------------------------ figures of the example
def test_attendance_figures_from_the_csv():
    att = attendance()
    absent, late = att["status"] == "absent", att["status"] == "late"
    team_rate = 1 - absent.groupby(att["team"]).mean()
    agent_rate = 1 - absent.groupby(att["agent_id"]).mean()
    text = provisions(document("attendance", "zh", True))
    assert f"2026 年 3 月中心出勤率 {pct(1 - absent.mean())}" in text
    assert f"缺勤率 {pct(absent.mean())}" in text
    assert f"迟到率 {pct(late.sum() / (~absent).sum())}" in text
    assert f"旷工 {(att['absence_reason'] == 'no_show').sum()} 班次" in text
    assert f"本月 {team_rate.idxmin()}，{pct(team_rate.min())}" in text
    assert f"本月 {(agent_rate < 0.95).sum()} 人" in text
    assert "出勤率目标 95.0%" in text


def test_capacity_figures_from_the_csv():
    a, att = answered(), attendance()
    per = a.groupby("agent_id").agg(calls=("call_id", "size"), handle=("handle", "sum"))
    per["hours"] = att[att["status"] != "absent"].groupby("agent_id")["scheduled_hours"].sum()
    per["cph"], per["share"] = per["calls"] / per["hours"], per["handle"] / 3600 / per["hours"]
    per["queue"] = agents()["queue"]
    base = per.groupby("queue")[["cph", "share"]].median()
    below = (per["cph"] < 0.8 * per["queue"].map(base["cph"])).sum()
    text = provisions(document("capacity", "en", True))
    assert (f"presales {base.loc['presales', 'cph']:.2f} calls per attended hour, aftersales "
            f"{base.loc['aftersales', 'cph']:.2f}") in text
    assert (f"median handle share presales {pct(base.loc['presales', 'share'])}, aftersales "
            f"{pct(base.loc['aftersales', 'share'])}") in text
    assert f"(this month {below})" in text


def sample_size_by_hand(margin, p, population):
    z = NormalDist().inv_cdf(0.975)
    n0 = z * z * p * (1 - p) / margin ** 2
    return math.ceil(n0 / (1 + (n0 - 1) / population) - 1e-9)


def calibration_by_hand():
    items = pd.read_csv(DATA / "quality" / "calibration.csv")
    scores = score_by_hand(items, ["call_id", "analyst_id"])["score"].unstack("analyst_id")
    within = scores.drop(columns="master").sub(scores["master"], axis=0).abs().le(10).mean()
    return len(scores), within


def test_quality_sampling_and_calibration_figures():
    a, q = answered(), qa()
    n, per_agent = len(a), int(a.groupby("agent_id").size().median())
    evals = int(q.groupby("agent_id").size().median())
    sd = q.groupby("agent_id")["score"].std().median()
    margin = NormalDist().inv_cdf(0.975) * sd / math.sqrt(evals)
    calls_n, within = calibration_by_hand()
    ok, redo = (within >= 0.85).sum(), sorted(within[within < 0.75].index)
    text = provisions(document("quality", "en", True))
    assert f"At least {sample_size_by_hand(0.05, 0.5, n)} calls a month" in text
    assert f"this month {n:,} calls answered; ±5% at 95% confidence" in text
    assert f"at least {evals} evaluations a month" in text
    assert f"about ±{margin:.1f} points" in text
    assert f"would need {sample_size_by_hand(0.10, 0.9, per_agent)} evaluations per agent (median calls per agent {per_agent})" in text
    assert "agreement ≥ 85% is calibrated, 75%–85% borderline" in text
    assert (f"{calls_n} calls, {len(within)} analysts; {ok} calibrated, {len(within) - ok - len(redo)} borderline, "
            f"to recalibrate: {', '.join(redo)}") in text
    assert f"to recalibrate: {', '.join(redo)})" in provisions(document("quality_kpis", "en", True))


def test_quality_kpi_and_business_figures():
    q = qa()
    text = provisions(document("quality_kpis", "en", True))
    assert f"mean QA score {q['score'].mean():.1f}, critical-error rate {pct(q['critical'].mean())}" in text
    for kind in ("customer", "business", "compliance"):
        assert f"{kind} {pct(1 - q[kind].mean())}" in text
    team = 1 - q.groupby("team")["business"].mean()
    business = provisions(document("assessment", "zh", True))
    assert f"本月 {pct(1 - q['business'].mean())}；最低班组 {team.idxmin()}（{pct(team.min())}）" in business


def composite_by_hand(weights: dict) -> pd.Series:
    a, att, q = answered(), attendance(), qa()
    flagged = a[a["resolved_first_contact"].notna()]
    surveyed = a[a["csat"].notna()]
    k = pd.DataFrame({
        "aht_s": a.groupby("agent_id")["handle"].mean(),
        "fcr_rate": (flagged["resolved_first_contact"] == True).groupby(flagged["agent_id"]).mean(),  # noqa: E712
        "csat_top2_box": (surveyed["csat"] >= 4).groupby(surveyed["agent_id"]).mean(),
        "attendance_rate": 1 - (att["status"] == "absent").groupby(att["agent_id"]).mean(),
        "qa_score": q.groupby("agent_id")["score"].mean(),
    })
    queue = agents()["queue"].reindex(k.index)
    norm = pd.DataFrame(index=k.index)
    for col in k:
        lo, hi = k[col].groupby(queue).transform("min"), k[col].groupby(queue).transform("max")
        norm[col] = (hi - k[col]) / (hi - lo) if col == "aht_s" else (k[col] - lo) / (hi - lo)
    return sum(norm[c] * w for c, w in weights.items()) / sum(weights.values())


def test_composite_evaluation_figures():
    from ccskills.management._rules_figures import WEIGHTINGS

    balanced = {"aht_s": 1, "fcr_rate": 1, "csat_top2_box": 1, "attendance_rate": 1, "qa_score": 1}
    assert {k: v / sum(WEIGHTINGS["balanced"].values()) for k, v in WEIGHTINGS["balanced"].items()} == \
        {k: 0.2 for k in balanced}  # the weights of ch07 lesson 03
    composite = composite_by_hand(balanced)
    top = composite.sort_values(ascending=False).head(3)
    team = composite.groupby(agents()["team"].reindex(composite.index)).mean()
    sets = {name: composite_by_hand(w) for name, w in WEIGHTINGS.items()}
    rho = min(spearmanr(sets[x], sets[y]).statistic for x in sets for y in sets)
    ranks = pd.DataFrame({n: s.rank(ascending=False, method="min") for n, s in sets.items()})
    unstable = ((ranks.max(axis=1) - ranks.min(axis=1)) >= 10).sum()
    text = provisions(document("evaluation", "en", True))
    assert f"top three: {', '.join(f'{a} ({c:.3f})' for a, c in top.items())}; best team {team.idxmax()}" in text
    assert f"between the three is {rho:.3f}" in text
    assert f"(this month {unstable})" in text
    assert "Average handle time (AHT) 20%, First-contact resolution (FCR) 20%" in text


# ------------------------------------------------------------------ blank templates
def distinctive_figures() -> list[str]:
    """Figure texts recomputed above that cannot appear by chance (they hold '%', '.', ',' or letters+digits)."""
    q, att = qa(), attendance()
    absent = att["status"] == "absent"
    _, within = calibration_by_hand()
    return [pct(1 - absent.mean()), pct(absent.mean()), f"{q['score'].mean():.1f}", f"{len(answered()):,}",
            pct(q["critical"].mean()), ", ".join(sorted(within[within < 0.75].index)),
            *(f"{a} (" for a in composite_by_hand({"aht_s": 1, "fcr_rate": 1, "csat_top2_box": 1,
                                                    "attendance_rate": 1, "qa_score": 1}).nlargest(3).index)]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("rule", RULES)
def test_blank_template_has_no_computed_figure(rule, lang):
    blank = document(rule, lang, False)
    text = all_text(blank)
    assert not [f for f in distinctive_figures() if f in text]
    assert "2026-04-01" not in text
    figures = rules.rule_figures(rule)
    if figures:
        table = table_with(blank, "数据 (figure)" if lang == "zh" else "Figure")
        assert len(table) == len(figures) and (table.iloc[:, 1] == "").all()
        assert rules.BLANK in provisions(blank)
        filled_table = table_with(document(rule, lang, True), "数据 (figure)" if lang == "zh" else "Figure")
        assert (filled_table.iloc[:, 1] != "").all()


def test_settings_stay_in_the_blank_template():
    text = provisions(document("quality", "zh", False))
    assert "一致率 ≥ 85% 为已校准，75%–85% 为临界" in text
    assert "全项目每月至少质检 ________ 通（本月接通 ________ 通，误差 ±5%" in text


def test_bad_rule_and_language():
    with pytest.raises(ValueError, match=r"rule_id must be one of .*'attendance'.*, got 'holidays'"):
        rules.rule_document("holidays")
    with pytest.raises(ValueError, match="lang must be 'zh' or 'en', got 'fr'"):
        rules.rule_document("attendance", "fr")
    with pytest.raises(ValueError, match="rule must be one of"):
        rules.rule_figures("holidays")


def test_templates_contract():
    assert [t.id for t in rules.TEMPLATES] == [f"rule_{r}" for r in RULES]
    assert {t.part for t in rules.TEMPLATES} == {"rules"} and {t.kind for t in rules.TEMPLATES} == {"docx"}
    assert [t.title_zh for t in rules.TEMPLATES] == [TITLES[r] for r in RULES]
    assert rules.TEMPLATES[4].build("zh", True)[:2] == b"PK"
