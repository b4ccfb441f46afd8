"""One vocabulary (issue 13): every ccskills.i18n label that names a registry indicator uses the registry's
name (ccskills.kpi.REGISTRY, zh and en), and the interval-history reader accepts those names as headers.

The issue saw 来电量 in the calculators' labels while the registry and the other calculators say 来话量.
"""

from __future__ import annotations

import re

import pytest

from ccskills.i18n import ERRORS, TEXT
from ccskills.io import INTERVAL_HISTORY_ALIASES, read_interval_history
from ccskills.kpi import REGISTRY

INDICATORS = {i.id: i for i in (REGISTRY.values() if isinstance(REGISTRY, dict) else REGISTRY)}

# i18n key → the registry indicator it names (a target or cap of an indicator names it too).
LABELS = {
    "calls": "offered",
    "service_level": "service_level",
    "target_sl": "service_level",
    "asa": "asa_s",
    "asa_short": "asa_s",
    "target_asa": "asa_s",
    "aht": "aht_s",
    "occupancy": "occupancy",
    "max_occupancy": "occupancy",
    "abandonment": "abandonment_rate",
    "max_abandon": "abandonment_rate",
    "shrinkage": "shrinkage",
}

# Words for a registry indicator that are not its registry name (→ the registry's word).
SYNONYMS = {"来电量": "来话量", "来电数": "来话量", "呼入量": "来话量", "进线量": "来话量", "接听率": "接通率",
            "弃呼率": "放弃率", "平均应答时间": "平均应答速度", "平均通话时间": "平均通话时长",
            "首次解决率": "一次解决率", "Calls per interval": "Calls offered per interval"}


def _abbreviation(name_en: str) -> str | None:
    """"Average handle time (AHT)" → "AHT"."""
    found = re.search(r"\(([A-Z]{2,})\)", name_en)
    return found[1] if found else None


@pytest.mark.parametrize("key, indicator_id", sorted(LABELS.items()))
def test_label_uses_the_registry_name(key, indicator_id):
    zh, en = TEXT[key]
    indicator = INDICATORS[indicator_id]
    assert indicator.name_zh in zh, (key, zh, indicator.name_zh)
    short = _abbreviation(indicator.name_en)
    assert indicator.name_en.casefold() in en.casefold() or (short and re.search(rf"\b{short}\b", en)), \
        (key, en, indicator.name_en)


def test_every_label_named_like_an_indicator_is_checked():
    """A new i18n key named after a registry indicator (``transfer_rate``, ``aht``) must join LABELS."""
    stems = {re.sub(r"_(s|rate)$", "", id): id for id in INDICATORS} | dict.fromkeys(INDICATORS)
    named = {key for key in TEXT if key in stems or re.sub(r"^(target|max)_", "", key) in stems}
    assert named <= set(LABELS), sorted(named - set(LABELS))


def _synonyms_in(table: dict) -> list[tuple[str, str, str]]:
    return [(key, word, "→ " + SYNONYMS[word]) for key, pair in table.items() for word in SYNONYMS
            for text in pair if word in text]


@pytest.mark.parametrize("table", [TEXT, ERRORS], ids=["TEXT", "ERRORS"])
def test_no_synonym_of_a_registry_name(table):
    assert not _synonyms_in(table)


def test_the_mismatch_the_issue_saw_is_caught():
    """Both checks fail on the label the issue saw (a test that cannot fail proves nothing)."""
    assert _synonyms_in({"calls": ("每时段来电量", "Calls per interval")})
    assert INDICATORS["offered"].name_zh not in "每时段来电量"


@pytest.mark.parametrize("indicator_id, column", [("offered", "calls"), ("aht_s", "aht_s")])
def test_history_reader_accepts_the_registry_names(indicator_id, column):
    indicator = INDICATORS[indicator_id]
    for header in (indicator.name_zh, indicator.name_en, indicator.id):
        assert INTERVAL_HISTORY_ALIASES.get(header.lower(), header.lower()) == column, header


@pytest.mark.parametrize("calls, aht", [("来话量", "平均处理时长"), ("Calls offered", "Average handle time (AHT)"),
                                        ("来电量", "aht"), ("offered", "aht_s")])
def test_history_file_with_registry_headers_reads(calls, aht):
    text = f"时段,{calls},{aht}\n2026-03-02 08:00,12,280\n2026-03-02 08:15,7,300\n"
    history = read_interval_history(text.encode("utf-8-sig"), "history.csv")
    assert history["calls"].tolist() == [12, 7] and history["aht_s"].tolist() == [280.0, 300.0]
