"""Tests for ccskills.kpi.registry and ccskills.kpi.status: the indicator registry and RAG status.

Registry facts are checked against reference/domain.md §1 (families, formulas, the
usual targets: 80/20, ASA ≤ 30 s, abandonment 5 %, occupancy 75-85 %, shrinkage
20-35 %, FCR 70-75 %); status thresholds against hand-placed values on each side.
"""

from __future__ import annotations

import pandas as pd
import pytest

from ccskills import kpi
from ccskills.kpi import FAMILIES, REGISTRY, indicator, rag_status, registry_table, resolve_targets

BRIEF_IDS = [  # the indicators issue 4 §2 asks for
    "offered", "answered", "abandoned", "answer_rate", "abandonment_rate",
    "abandonment_rate_excl_short", "service_level", "asa_s", "avg_time_to_abandon_s",
    "avg_talk_s", "avg_hold_s", "avg_acw_s", "aht_s", "transfer_rate", "fcr_rate",
    "csat_top2_box", "nps", "ces", "occupancy", "utilisation", "cost_per_contact",
    "cost_per_productive_hour", "attendance_rate", "attrition_rate",
]


def test_every_indicator_the_brief_lists_is_registered():
    assert set(BRIEF_IDS) <= set(REGISTRY)


def test_every_entry_is_complete():
    for id, ind in REGISTRY.items():
        assert ind.id == id
        assert ind.family in FAMILIES
        assert ind.name_zh and ind.name_en and ind.formula_zh and ind.formula_en and ind.unit
        if ind.target is not None:
            assert ind.direction is not None
        names = [v.name for v in ind.variants]
        assert len(names) == len(set(names))


def test_all_four_families_are_used():
    assert {i.family for i in REGISTRY.values()} == set(FAMILIES)


@pytest.mark.parametrize("id, direction, target", [
    ("service_level", "higher", 0.80),   # 80/20 (domain.md §1.2)
    ("asa_s", "lower", 30.0),            # ASA ≤ 30 s (§1.3 [11])
    ("abandonment_rate", "lower", 0.05),  # 4-8 % typical (§1.1 [7])
    ("occupancy", "band", (0.75, 0.85)),  # 75-85 % (§1.3 [21])
    ("shrinkage", "lower", 0.30),        # 20-35 % typical (§1.3 [23])
    ("fcr_rate", "higher", 0.75),        # 70-75 % good (§1.3 [31])
])
def test_usual_targets_follow_the_reference(id, direction, target):
    ind = indicator(id)
    assert (ind.direction, ind.target) == (direction, target)


def test_service_level_variants_are_the_five_definitions():
    names = [v.name for v in indicator("service_level").variants]
    assert names == list(kpi.SERVICE_LEVEL_DEFINITIONS)


def test_people_indicators_are_registered_but_computed_elsewhere():
    assert indicator("attendance_rate").module == "ccskills.people"
    assert indicator("attrition_rate").module == "ccskills.people"
    assert "attrition_rate" not in kpi.COMPUTED_INDICATORS


def test_variant_default_and_unknown():
    ind = indicator("occupancy")
    assert ind.variant().name == "handle_over_staffed"
    with pytest.raises(ValueError, match=r"definition for 'occupancy' must be one of 'handle_over_staffed'"):
        ind.variant("busy")
    with pytest.raises(ValueError, match="definition must be None for 'offered'"):
        indicator("offered").variant("x")


def test_unknown_indicator_lists_the_ids():
    with pytest.raises(ValueError, match=r"id must be one of the registered indicators .*got 'sla'"):
        indicator("sla")


def test_registry_table_in_both_languages():
    zh = registry_table("zh")
    en = registry_table("en")
    assert len(zh) == len(en) == len(REGISTRY)
    assert zh.loc["service_level", "指标"] == "服务水平 Service level"
    assert en.loc["occupancy", "usual target"] == "0.75–0.85"
    assert en.loc["asa_s", "better"] == "lower"
    assert set(registry_table("zh", family="people")["类别"]) == {"人员"}


@pytest.mark.parametrize("kwargs, match", [
    ({"lang": "fr"}, "lang must be 'zh' or 'en', got 'fr'"),
    ({"family": "money"}, "family must be None or one of"),
])
def test_registry_table_rejects_bad_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        registry_table(**kwargs)


def test_bad_family_or_direction_in_an_entry():
    with pytest.raises(ValueError, match="family must be one of"):
        kpi.Indicator("x", "x", "x", "money", "f", "f", "calls", None)
    with pytest.raises(ValueError, match="direction must be one of"):
        kpi.Indicator("x", "x", "x", "service", "f", "f", "calls", "up")


# --- status ---------------------------------------------------------------------------------

def test_rag_higher_is_better_edges():
    # target 0.80, amber edge 0.75: exactly on the target is green, exactly on the edge amber
    got = rag_status([0.80, 0.7999, 0.75, 0.7499], "higher", 0.80, 0.75).tolist()
    assert got == ["green", "amber", "amber", "red"]


def test_rag_lower_is_better_edges():
    got = rag_status([30, 31, 60, 61], "lower", 30, 60).tolist()
    assert got == ["green", "amber", "amber", "red"]


def test_rag_band_and_missing():
    got = rag_status([0.74, 0.75, 0.85, 0.86, 0.91, None], "band", (0.75, 0.85), (0.70, 0.90)).tolist()
    assert got == ["amber", "green", "green", "amber", "red", pd.NA]


def test_rag_without_amber_band_is_green_or_red():
    assert rag_status([0.9, 0.7], "higher", 0.8).tolist() == ["green", "red"]


def test_rag_keeps_the_index():
    values = pd.Series([1.0, 2.0], index=["a", "b"])
    assert list(rag_status(values, "lower", 1.5).index) == ["a", "b"]


def test_rag_rejects_unknown_direction():
    with pytest.raises(ValueError, match="direction must be 'higher', 'lower' or 'band', got 'up'"):
        rag_status([1], "up", 1)


def test_resolve_targets_registry_and_overrides():
    reg = resolve_targets(True, ["service_level", "offered", "aht_s"])
    assert set(reg) == {"service_level"}  # volumes and AHT (site-specific) have no usual target
    own = resolve_targets({"service_level": 0.9, "aht_s": (300, 330)}, ["service_level", "aht_s"])
    assert own["service_level"] == ("higher", 0.9, 0.85)  # keeps the registry's 5-point amber band
    assert own["aht_s"] == ("lower", 300, 330)


@pytest.mark.parametrize("targets, match", [
    ("yes", "targets must be None, True or a dict"),
    ({"sla": 0.8}, "targets must be keyed by indicator ids, got 'sla'"),
    ({"service_level": "high"}, r"targets\['service_level'\] must be a number or a \(target, amber\) pair"),
    ({"offered": 100}, "targets must not set a target for 'offered'"),
])
def test_resolve_targets_rejects(targets, match):
    with pytest.raises(ValueError, match=match):
        resolve_targets(targets, ["service_level", "offered"])


@pytest.mark.parametrize("direction, target, amber, match", [
    ("higher", float("nan"), None, "target must be a finite number"),
    ("lower", 0.8, float("inf"), "amber must be a finite number"),
    ("band", (0.75, float("nan")), None, "target must be a finite number"),
    ("band", 0.8, None, r"target must be a \(low, high\) pair for a band"),
    ("higher", "0.8", None, "target must be a finite number"),
])
def test_rag_status_refuses_targets_that_would_colour_everything_red(direction, target, amber, match):
    # a NaN target compares False with every value, so every value used to show as red
    from ccskills.kpi.status import rag_status

    with pytest.raises(ValueError, match=match):
        rag_status([0.7, 0.9], direction, target, amber)


# --- synonyms (the names participants meet in their own reports) ------------------------------

def _norm(word: str) -> str:
    return "".join(word.split()).casefold()


def test_each_synonym_names_one_indicator_and_is_no_indicators_own_name():
    names = {_norm(n): i.id for i in REGISTRY.values() for n in (i.name_zh, i.name_en)}
    owner: dict[str, str] = {}
    for ind in REGISTRY.values():
        for word in ind.synonyms_zh + ind.synonyms_en:
            key = _norm(word)
            assert key and key not in names, (ind.id, word, names.get(key))
            assert owner.setdefault(key, ind.id) == ind.id, (word, owner[key], ind.id)


@pytest.mark.parametrize("word, id", [
    # domain.md §6: 放弃量 / 呼损 are the abandoned calls (ccskills.kpi.upload reads 呼损 as abandoned),
    # so 呼损率 is the abandonment rate; a blocked (busy) call is 占线 / 呼叫阻塞, counted apart.
    ("呼损率", "abandonment_rate"),
    ("呼损", "abandoned"),
    ("及时接通率", "service_level"),
    ("20 秒接通率", "service_level"),
    ("人工接通率", "answer_rate"),   # answered / calls that asked for an agent (queue-level offered)
    ("首问解决率", "fcr_rate"),
    ("首次解决率", "fcr_rate"),      # domain.md §6
    ("缩水率", "shrinkage"),         # domain.md §1.3
    ("排班符合率", "schedule_adherence"),  # domain.md §1.3
])
def test_report_words_name_the_right_indicator(word, id):
    assert word in indicator(id).synonyms_zh


def test_synonyms_are_tuples_of_words():
    for ind in REGISTRY.values():
        for words in (ind.synonyms_zh, ind.synonyms_en):
            assert isinstance(words, tuple) and all(isinstance(w, str) and w.strip() == w and w for w in words)
