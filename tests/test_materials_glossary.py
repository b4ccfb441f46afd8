"""The glossary and formula card and the five service-level definitions handout (issue 15 §5, §7).

Each PDF is built by the catalogue and read back with pypdf. Expected words come from the kpi
registry; expected figures are computed here independently: the Erlang formulas from their
textbook sums (Erlang B by its recursion, Erlang C from B, SL and ASA from C), the service levels
from the call records with pandas (counting waits ≤ 20 s by hand), not with ccskills.kpi.
"""

from __future__ import annotations

import importlib
import math

import pytest
from pypdf import PdfReader

from ccskills.datasets import load_call_records
from ccskills.kpi.registry import REGISTRY
from ccskills.materials import build
from ccskills.materials.glossary import FORMULA_CARDS, NOTES, TERMS, UNIT_WORDS, glossary_data
from pdf_tools import flat_text, fonts


def _flat(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("glossary")
    return {item.name: item for item in build(out, ["glossary", "sl_definitions"])}


@pytest.fixture(scope="module")
def card(built):
    return PdfReader(built["glossary"].path)


@pytest.fixture(scope="module")
def handout(built):
    return PdfReader(built["sl_definitions"].path)


def test_the_card_is_two_pages_and_the_handout_one(card, handout):
    assert len(card.pages) == 2
    assert len(handout.pages) == 1
    for page in list(card.pages) + list(handout.pages):  # A4 (595 × 842 pt), either way round
        assert sorted(round(float(v)) for v in page.mediabox[2:]) == [595, 842]


def test_every_font_is_embedded_and_the_chinese_one_too(card, handout):
    for reader in (card, handout):
        used = fonts(reader)
        assert used and all(used.values()), used
        assert any("CJK" in name or "MicroHei" in name for name in used), used


def test_every_indicator_with_formula_variants_and_synonyms_is_on_the_card(card):
    flat = flat_text(card)
    for ind in REGISTRY.values():
        words = [ind.name_zh, ind.name_en, ind.formula_zh, ind.formula_en, *ind.synonyms_zh, *ind.synonyms_en]
        for v in ind.variants:
            words += [v.name, v.formula_zh, v.formula_en]
        for word in words:
            assert _flat(word) in flat, (ind.id, word)


def test_units_are_in_words_and_targets_carry_them(card):
    flat = flat_text(card)
    used = {i.unit for i in REGISTRY.values()}
    assert used <= set(UNIT_WORDS)
    for unit in used:
        zh, en = UNIT_WORDS[unit]
        assert _flat(zh) in flat and _flat(en) in flat, unit
    # usual targets of domain.md §1 with their units: 80/20, ASA ≤ 30 s, occupancy 75-85 %, abandonment 5 %
    for shown in ("≥80%", "≤30秒", "≤30s", "75–85%", "≤5%", "≥75%"):
        assert shown in flat, shown


def _erlang_b(n: int, a: float) -> float:
    b = 1.0
    for k in range(1, n + 1):  # B(k) = A·B(k−1) / (k + A·B(k−1))
        b = a * b / (k + a * b)
    return b


def _erlang_c(n: int, a: float) -> float:
    top = a ** n / math.factorial(n) * n / (n - a)
    return top / (sum(a ** k / math.factorial(k) for k in range(n)) + top)


def test_the_formula_card_names_real_kit_functions_and_their_examples_are_right(card):
    flat = flat_text(card)
    for c in FORMULA_CARDS:
        module, name = c.function.split(":")
        assert callable(getattr(importlib.import_module(module), name)), c.function
        assert _flat(f"{module}.{name}") in flat
        assert _flat(c.title_zh) in flat and _flat(c.title_en) in flat
    n, a, aht, t = 14, 10.0, 180, 20  # the kit's docstring example: 100 calls / 30 min, AHT 180 s
    p_wait = _erlang_c(n, a)
    expected = {
        "ccskills.queueing:offered_load": f"→{100 * 180 / 1800:g}Erlang",
        "ccskills.queueing:erlang_b": f"→{_erlang_b(n, a):.4f}",
        "ccskills.queueing:erlang_c": f"→{p_wait:.4f}",
        "ccskills.queueing:service_level": f"→{(1 - p_wait * math.exp(-(n - a) * t / aht)) * 100:.1f}%",
        "ccskills.queueing:average_speed_of_answer": f"→{p_wait * aht / (n - a):.1f}秒",
        "ccskills.queueing:occupancy": f"→{a / n * 100:.1f}%",
        "ccskills.staffing:scheduled_headcount": f"→{math.ceil(round(n / (1 - 0.3), 9))}人",
        "ccskills.staffing:full_time_equivalents": f"→{1984 / (1984 * 0.7):.3f}FTE",
        "ccskills.forecasting:accuracy": f"→{(2 + 2) / 12 * 100:.1f}%",
    }
    assert set(expected) == {c.function for c in FORMULA_CARDS}
    for function, shown in expected.items():
        assert shown in flat, (function, shown)


def test_the_math_comes_from_the_formula_cards_only():
    data = glossary_data()
    assert [c["math"] for c in data["cards"]] == [c.math for c in FORMULA_CARDS]
    assert all("math" not in row for fam in data["families"] for row in fam["rows"])


def test_terms_and_reading_notes_are_on_the_card(card):
    flat = flat_text(card)
    for zh, en, note in TERMS:
        assert _flat(zh) in flat and _flat(en) in flat and _flat(note) in flat
    for note in NOTES:
        assert _flat(note) in flat
    for word in ("坐席", "话务量", "排班", "损耗", "Erlang"):
        assert word in flat


@pytest.fixture(scope="module")
def march():
    calls = load_call_records()
    return calls[calls["arrival"].dt.strftime("%Y-%m") == "2026-03"]


def _five_by_hand(calls) -> dict[str, float]:
    """The five definitions counted with pandas (T = 20 s, short abandon ≤ 5 s; domain.md §1.2)."""
    answered = calls["outcome"] == "answered"
    abandoned = calls["outcome"] == "abandoned"
    within = calls["wait_s"] <= 20
    ans, ab = answered.sum(), abandoned.sum()
    ans_t, ab_t = (answered & within).sum(), (abandoned & within).sum()
    short = (abandoned & (calls["wait_s"] <= 5)).sum()
    return {"offered": ans_t / (ans + ab), "answered": ans_t / ans,
            "abandon_within_t_success": (ans_t + ab_t) / (ans + ab),
            "abandon_after_t_only": ans_t / (ans + ab - ab_t),
            "exclude_short_abandons": ans_t / (ans + ab - short)}


def test_the_handout_shows_each_definition_recomputed_from_the_call_records(handout, march):
    flat = flat_text(handout)
    centre = _five_by_hand(march)
    assert len(march) > 40_000 and len(set(f"{v:.3f}" for v in centre.values())) == 5
    for name, value in centre.items():
        assert name in flat
        assert f"{value * 100:.1f}%" in flat, (name, value)
    for _, group in march.groupby("queue"):
        assert f"{_five_by_hand(group)['offered'] * 100:.1f}%" in flat
    within = ((march["outcome"] == "answered") & (march["wait_s"] <= 20)).sum()
    offered = march["outcome"].isin(["answered", "abandoned"]).sum()
    assert f"{within:,}" in flat and f"{offered:,}" in flat
    low, high = min(centre.values()), max(centre.values())
    assert f"相差{(high - low) * 100:.1f}个百分点" in flat
    meeting = sum(v >= 0.8 for v in centre.values())
    assert f"{meeting}种口径“达标”" in flat and f"{5 - meeting}种“未达标”" in flat


def test_the_handout_has_each_definitions_formula_from_the_registry(handout):
    flat = flat_text(handout)
    for v in REGISTRY["service_level"].variants:
        assert _flat(v.formula_zh) in flat and _flat(v.formula_en) in flat


def _smallest_text_pt(reader: PdfReader) -> float:
    sizes = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            sizes.append(abs(size * (tm[3] or 1) * (cm[3] or 1)))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return min(sizes)


def test_nothing_on_the_printed_card_or_handout_is_below_7_pt(card, handout):
    # math scripts included: the formula card's math is set at 10 pt, so scripts (70 %) are 7 pt
    assert _smallest_text_pt(card) >= 6.99
    assert _smallest_text_pt(handout) >= 6.99
