"""The seven rules (制度) of the operating system as Word templates a manager edits.

产能管理、品质管理、受话管理、品质指标管理、考勤管理、业务考核、综合考评 — each with the same eight
sections (:data:`SECTIONS`): purpose, scope, owner (a role of :data:`~ccskills.management.ROLE_NAMES`),
terms and KPIs (name, formula and target read from :data:`ccskills.kpi.REGISTRY`, never restated),
provisions, consequences, review cycle and a revision table. ``filled=True`` gives the worked example:
the provisions quote the simulated centre's computed March 2026 figures (:func:`rule_figures`) and the
KPI table its actual values; ``filled=False`` the blank template, with a fill-in line wherever the
example had a computed figure. Settings (registry targets, calibration thresholds 85 % / 75 %,
sampling margins) stay in both.

>>> [t.id for t in TEMPLATES][:2], target_text("attendance_rate", "en"), target_text("occupancy", "zh")
(['rule_capacity', 'rule_quality'], '≥ 95.0%', '75.0%–85.0%')
"""

from __future__ import annotations

from functools import partial

import pandas as pd

from .._validation import check_lang
from ..kpi import REGISTRY
from ..kpi.display import target_text as display_target
from ._docx import WordDocument
from ._rules_figures import PARAMETERS, Figure, kpi_actuals, rule_figures, weights_text
from ._rules_text import RULE_TEXTS, RuleText
from ._template import Template
from ._template import pick as _pick
from .roles import ROLE_NAMES

__all__ = ["RULE_IDS", "SECTIONS", "BLANK", "TEMPLATES", "Figure", "rule_figures", "rule_document",
           "target_text", "kpi_table"]

#: The rules' ids, in the order of the outline.
RULE_IDS = tuple(r.id for r in RULE_TEXTS)
#: The section headings every rule has, (zh, en), in order.
SECTIONS = (
    ("目的 (Purpose)", "Purpose"), ("适用范围 (Scope)", "Scope"), ("责任人 (Owner)", "Owner"),
    ("术语与指标 (Terms and KPIs)", "Terms and KPIs"), ("制度条款 (Provisions)", "Provisions"),
    ("考核与后果 (Consequences)", "Consequences"), ("复核周期 (Review cycle)", "Review cycle"),
    ("修订记录 (Revision history)", "Revision history"),
)
#: What the blank template shows where the example has a computed figure.
BLANK = "________"
_ROLES = {r.id: r for r in ROLE_NAMES}
_EXAMPLE_MONTH = ("2026 年 3 月", "March 2026")


#: What a KPI without a registry target reads as in every management template (zh, en).
NO_TARGET = ("由中心自定 (set by the centre)", "set by the centre")


def _rule(rule_id: str) -> RuleText:
    for r in RULE_TEXTS:
        if r.id == rule_id:
            return r
    raise ValueError(f"rule_id must be one of {list(RULE_IDS)!r}, got {rule_id!r}")


def _role(role_id: str, lang: str) -> str:
    role = _ROLES[role_id]
    return f"{role.name_zh} ({role.name_en})" if lang == "zh" else role.name_en


def target_text(kpi: str, lang: str = "zh") -> str:
    """The registry target of ``kpi`` as a rule states it: ≥ / ≤ a value, a band a–b, or 'set by the centre'."""
    return display_target(kpi, missing=_pick(NO_TARGET, check_lang(lang)))


def kpi_table(rule_id: str, lang: str = "zh", *, filled: bool = True) -> pd.DataFrame:
    """The rule's KPIs: name, formula and target from the registry, the target's source, March 2026 actual."""
    check_lang(lang)
    zh = lang == "zh"
    rows = []
    for kpi in _rule(rule_id).kpis:
        ind = REGISTRY[kpi]
        name = f"{ind.name_zh} ({ind.name_en})" if zh else ind.name_en
        actual = kpi_actuals(kpi) if filled else ""
        rows.append([name, ind.formula_zh if zh else ind.formula_en, target_text(kpi, lang), ind.target_source,
                     actual or ("—" if filled else "")])
    month = _pick(_EXAMPLE_MONTH, lang) if filled else _pick(("本月", "this month"), lang)
    head = (["指标 (KPI)", "公式 (formula)", "目标 (target)", "目标依据 (target source)", f"{month}实际 (actual)"] if zh
            else ["KPI", "Formula", "Target", "Target source", f"Actual, {month}"])
    return pd.DataFrame(rows, columns=head)


def _values(rule_id: str, lang: str, filled: bool) -> tuple[dict[str, str], tuple[Figure, ...]]:
    figures = rule_figures(rule_id)
    values = dict(PARAMETERS, weights=weights_text(lang))
    values.update({f.key: (f.text if filled else BLANK) for f in figures})
    return values, figures


def _figure_table(figures, lang: str, filled: bool) -> pd.DataFrame:
    head = (["数据 (figure)", "数值 (value)", "计算函数 (kit function)"] if lang == "zh"
            else ["Figure", "Value", "Kit function"])
    return pd.DataFrame([[f.name(lang), f.text if filled else "", f.source] for f in figures], columns=head)


def _owner(doc: WordDocument, rule: RuleText, lang: str, filled: bool) -> None:
    zh = lang == "zh"
    doc.fields([
        ("责任人 (owner)" if zh else "Owner", _role(rule.owner, lang)),
        ("执行人 (carried out by)" if zh else "Carried out by",
         ("、" if zh else ", ").join(_role(r, lang) for r in rule.executors)),
        ("批准人 (approved by)" if zh else "Approved by", _role("director", lang)),
        ("制度编号 (document no.)" if zh else "Document no.", f"CC-R-{RULE_IDS.index(rule.id) + 1:02d}" if filled else ""),
        ("生效日期 (effective date)" if zh else "Effective date", "2026-04-01" if filled else ""),
    ])


def _terms(doc: WordDocument, rule: RuleText, lang: str, filled: bool, figures, values: dict) -> None:
    doc.bullets(_pick(t, lang).format_map(values) for t in rule.terms)
    doc.table(kpi_table(rule.id, lang, filled=filled))
    if figures:
        doc.heading(_pick(("本例计算 (computed for this example)", "Computed for this example"), lang), level=2)
        if filled:
            doc.paragraph(_pick(("以下数据由 ccskills 根据模拟中心 2026 年 3 月的数据计算。",
                                 "The kit computed these figures from the simulated centre's March 2026 data."), lang))
        doc.table(_figure_table(figures, lang, filled))


def _consequences(rule: RuleText, lang: str, values: dict) -> pd.DataFrame:
    head = ["情形 (situation)", "后果 (consequence)"] if lang == "zh" else ["Situation", "Consequence"]
    rows = [[_pick(s, lang).format_map(values), _pick(c, lang).format_map(values)] for s, c in rule.consequences]
    return pd.DataFrame(rows, columns=head)


def _revisions(rule: RuleText, lang: str, filled: bool) -> pd.DataFrame:
    head = (["版本 (version)", "日期 (date)", "修订内容 (change)", "修订人 (by)", "批准人 (approved by)"]
            if lang == "zh" else ["Version", "Date", "Change", "By", "Approved by"])
    rows = [["1.0", "2026-04-01", _pick(("首次发布 (first issue)", "First issue"), lang),
             _role(rule.owner, lang), _role("director", lang)]] if filled else []
    return pd.DataFrame(rows, columns=head)


def rule_document(rule_id: str, lang: str = "zh", filled: bool = True) -> bytes:
    """The rule ``rule_id`` (one of :data:`RULE_IDS`) as a .docx: worked example or blank template.

    >>> rule_document("attendance", "en", filled=False)[:2]
    b'PK'
    """
    check_lang(lang)
    rule = _rule(rule_id)
    values, figures = _values(rule_id, lang, filled)
    kind = (("示例：模拟中心 2026 年 3 月数据 (worked example)", "Worked example: the simulated centre, March 2026")
            if filled else ("模板 (template)：在横线处填写本中心的数据", "Template: fill in your centre's figures on the lines"))
    doc = WordDocument(_pick(rule.title, lang), lang, subtitle=_pick(kind, lang))
    sections = iter(_pick(s, lang) for s in SECTIONS)
    doc.heading(next(sections))
    doc.paragraph(_pick(rule.purpose, lang))
    doc.heading(next(sections))
    doc.paragraph(_pick(rule.scope, lang))
    doc.heading(next(sections))
    _owner(doc, rule, lang, filled)
    doc.heading(next(sections))
    _terms(doc, rule, lang, filled, figures, values)
    doc.heading(next(sections))
    doc.numbered(_pick(p, lang).format_map(values) for p in rule.provisions)
    doc.heading(next(sections))
    doc.table(_consequences(rule, lang, values), blank_rows=2)
    doc.heading(next(sections))
    doc.paragraph(_pick(rule.review, lang))
    doc.fields([(_pick(("下次复核日期 (next review)", "Next review"), lang), ""),
                (_pick(("复核人 (reviewer)", "Reviewer"), lang), _role(rule.owner, lang))])
    doc.heading(next(sections))
    doc.table(_revisions(rule, lang, filled), blank_rows=4 if filled else 5)
    return doc.to_bytes()


TEMPLATES = tuple(
    Template(f"rule_{r.id}", "rules", r.title[0], r.title[1], "docx", partial(rule_document, r.id))
    for r in RULE_TEXTS
)
