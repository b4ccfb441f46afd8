"""Excel files of the management track: the RACI matrix (filled or blank) and the role documents.

Written by :func:`ccskills.io.excel_bytes` (bold frozen header, text cells never formulas);
KPI targets stay numbers, formatted as percent for fractions.
"""

from __future__ import annotations

import pandas as pd

from .._validation import check_lang
from ..io import excel_bytes
from ..kpi import REGISTRY
from ..kpi.display import label, unit_name
from .raci import CODES, SEVERITIES, RaciMatrix
from .roles import ROLE_NAMES, ROLE_PROFILES
from ._template import pick as _pick

__all__ = ["RULES", "raci_excel", "roles_excel", "role_kpi_table"]

#: The rules :meth:`RaciMatrix.check` applies: rule id → (severity, zh, en).
RULES = {
    "no_accountable": ("error", "每项活动恰好一个 A:没有 A", "Exactly one A per activity: none"),
    "several_accountable": ("error", "每项活动恰好一个 A:两个或更多", "Exactly one A per activity: two or more"),
    "no_responsible": ("error", "每项活动至少一个 R", "At least one R per activity"),
    "role_without_work": ("warning", "每个角色至少在一项活动中有 R 或 A", "Each role has an R or A somewhere"),
    "everyone_involved": ("warning", "一项活动不要每个角色都参与", "Not every role on every activity"),
}
_SHEETS = {"zh": ("RACI矩阵", "图例", "规则", "检查"), "en": ("RACI matrix", "Legend", "Rules", "Check")}


def _legend(lang: str) -> pd.DataFrame:
    """The RACI codes in the workbook's language (the Chinese sheet keeps the English term beside)."""
    if lang == "zh":
        rows = [[code, zh, en, meaning_zh] for code, (zh, en, meaning_zh, _) in CODES.items()]
        return pd.DataFrame(rows, columns=["代码", "名称", "英文 (English)", "说明"])
    rows = [[code, en, meaning_en] for code, (_, en, _, meaning_en) in CODES.items()]
    return pd.DataFrame(rows, columns=["Code", "Name", "Meaning"])


def _rules(lang: str) -> pd.DataFrame:
    head = ["级别", "规则"] if lang == "zh" else ["Severity", "Rule"]
    rows = [[_pick(SEVERITIES[sev], lang), _pick((zh, en), lang)] for sev, zh, en in RULES.values()]
    return pd.DataFrame(rows, columns=head)


def _check(matrix: RaciMatrix, lang: str) -> pd.DataFrame:
    head = ["级别", "活动", "角色", "问题"] if lang == "zh" else ["Severity", "Activity", "Role", "Problem"]
    activities = {a.id: a.name(lang) for a in matrix.activities}
    roles = {r.id: r.name(lang) for r in matrix.roles}
    rows = [[_pick(SEVERITIES[p.severity], lang), activities.get(p.activity, ""),
             ("、" if lang == "zh" else ", ").join(roles[r] for r in p.roles), p.message(lang)] for p in matrix.check()]
    return pd.DataFrame(rows or [["", "", "", _pick(("无问题", "No problems"), lang)]], columns=head)


def raci_excel(matrix: RaciMatrix, lang: str = "zh", *, blank: bool = False) -> bytes:
    """The matrix as an .xlsx: the matrix (roles as columns), a legend, the rules and the check.

    ``blank=True`` gives the template: the same activities and roles with empty cells, the
    legend and the rules, and no check sheet (an empty matrix breaks every rule).

    >>> from ccskills.management import default_raci
    >>> raci_excel(default_raci())[:2]
    b'PK'
    """
    check_lang(lang)
    if not isinstance(matrix, RaciMatrix):
        raise ValueError(f"matrix must be a RaciMatrix, got {type(matrix).__name__!r}")
    shown = matrix.blank() if blank else matrix
    names = _SHEETS[lang]
    sheets = {names[0]: shown.table(lang), names[1]: _legend(lang), names[2]: _rules(lang)}
    if not blank:
        sheets[names[3]] = _check(matrix, lang)
    return excel_bytes(sheets)


def _bounds(ind):
    if ind.direction == "band":
        return ind.target
    if ind.target is None:
        return (None, None)
    return (ind.target, None) if ind.direction == "higher" else (None, ind.target)


def role_kpi_table(lang: str = "zh") -> pd.DataFrame:
    """One row per role and KPI: role, KPI id, name, formula, unit, target lower and upper bound.

    Names, formulas and targets come from :data:`ccskills.kpi.REGISTRY`; a "higher is better"
    target is a lower bound, a "lower is better" one an upper bound, a band both; fractions 0..1.
    """
    check_lang(lang)
    rows = []
    for p in ROLE_PROFILES:
        for kpi in p.kpis:
            ind = REGISTRY[kpi]
            rows.append([p.role.name(lang), kpi, label(kpi, lang), _pick((ind.formula_zh, ind.formula_en), lang),
                         unit_name(ind.unit, lang), *_bounds(ind)])
    head = (["岗位", "指标编号", "指标", "公式", "单位", "目标下限", "目标上限"] if lang == "zh" else
            ["Role", "KPI id", "KPI", "Formula", "Unit", "Target (at least)", "Target (at most)"])
    table = pd.DataFrame(rows, columns=head)
    table[head[-2:]] = table[head[-2:]].astype(float)
    return table


def _role_sheet(p, lang: str) -> pd.DataFrame:
    names = {r.id: r.name(lang) for r in ROLE_NAMES}
    zh = lang == "zh"
    rows = [["岗位" if zh else "Role", p.role.name(lang)],
            ["汇报对象" if zh else "Reports to", names.get(p.reports_to, "—")],
            ["岗位目的" if zh else "Purpose", _pick(p.purpose, lang)]]
    rows += [[f"{'主要职责' if zh else 'Duty'} {i}", _pick(d, lang)] for i, d in enumerate(p.duties, 1)]
    rows += [[f"{'考核指标' if zh else 'KPI'} {i}", label(k, lang)] for i, k in enumerate(p.kpis, 1)]
    rows += [[f"{'任职资格' if zh else 'Qualification'} {i}", _pick(q, lang)]
             for i, q in enumerate(p.qualifications, 1)]
    return pd.DataFrame(rows, columns=["栏目", "内容"] if zh else ["Section", "Content"])


def roles_excel(lang: str = "zh") -> bytes:
    """The role documents as an .xlsx: one sheet per role, then a KPI sheet with registry targets."""
    check_lang(lang)
    sheets = {p.role.name(lang): _role_sheet(p, lang) for p in ROLE_PROFILES}
    kpis = role_kpi_table(lang)
    units = [REGISTRY[k].unit for k in kpis.iloc[:, 1]]
    kpi_sheet = "考核指标" if lang == "zh" else "KPIs"
    sheets[kpi_sheet] = kpis
    formats = {kpi_sheet: ["0.0%" if u == "fraction" else "0.0" for u in units]}
    return excel_bytes(sheets, row_formats=formats)
