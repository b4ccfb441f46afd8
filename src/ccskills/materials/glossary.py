"""术语与公式卡 Glossary and formula card: every indicator of :data:`ccskills.kpi.REGISTRY` with its
formula, unit, direction, usual target and named definition variants, zh and en, so the card
cannot drift from the library."""

from __future__ import annotations

from ccskills.kpi.registry import FAMILIES, REGISTRY, registry_table
from ccskills.materials._catalogue import Document

__all__ = ["DOCUMENTS", "glossary_data"]


def glossary_data() -> dict:
    """The card's data: families in chapter order, each with its indicators' rows (zh and en)."""
    zh, en = registry_table("zh"), registry_table("en")
    families = []
    for key, (family_zh, family_en) in FAMILIES.items():
        rows = []
        for ind in (i for i in REGISTRY.values() if i.family == key):
            z, e = zh.loc[ind.id], en.loc[ind.id]
            rows.append({"id": ind.id, "name_zh": ind.name_zh, "name_en": ind.name_en,
                         "formula_zh": ind.formula_zh, "formula_en": ind.formula_en,
                         "unit": ind.unit, "direction_zh": z["方向"], "direction_en": e["better"],
                         "target": z["常用目标"], "variants": [v.name for v in ind.variants]})
        families.append({"zh": family_zh, "en": family_en, "rows": rows})
    return {"title": "术语与公式卡 Glossary and formula card", "families": families,
            "count": len(REGISTRY)}


DOCUMENTS = (
    Document("glossary", "术语与公式卡_glossary.pdf", "术语与公式卡", "Glossary and formula card",
             "glossary", glossary_data, pages=(1, 4)),
)
