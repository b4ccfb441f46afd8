"""The roles part (分工) as files a manager edits: job documents, the RACI matrix, an operations manual.

One Word file per role of :data:`ROLE_PROFILES` holds both documents of the catalogue's roles
module (seeds/000, 分工机制建设): the **岗位职责** (job responsibilities: purpose, duties, the
role's cells of the RACI matrix, authority) and the **职位说明书** (job description: KPIs with
the registry's exact names, formulas and targets, qualifications, sign-off). The RACI matrix and
the role sheets are the Excel files of :mod:`ccskills.management._excel`; the **操作手册**
(operations manual) outline is in :mod:`ccskills.management._ops_manual`.

``filled=True`` is the kit's worked example; ``filled=False`` the same headings with empty
fields, tables and lines to write on.

>>> role_raci("team_leader", "en").iloc[0].tolist()
['Recruitment', 'Interview and hire', 'R']
>>> target_text("service_level"), target_text("asa_s", "en"), target_text("occupancy")
('≥ 80.0%', '≤ 30.0 s', '75.0%–85.0%')
"""

from __future__ import annotations

import pandas as pd

from .._validation import check_lang
from ..io import excel_bytes
from ..kpi import REGISTRY
from ..kpi.display import label
from ._default_raci import default_raci
from ._docx import WordDocument
from ._excel import _role_sheet, raci_excel, role_kpi_table, roles_excel
from ._ops_manual import operations_manual
from ._role_rights import AUTHORITY, COLLABORATION_CAUTION, SUPERVISOR_RIGHTS
from ._template import Template
from ._template import pick as _pick
from .rules import target_text
from .raci import RaciMatrix
from .roles import ROLE_NAMES, ROLE_PROFILES, profile

__all__ = ["TEMPLATES", "role_document", "role_raci", "role_kpis", "target_text", "blank_roles_excel"]

_LEAD = ("R", "A", "R/A")
_BLANK_ROWS = 6


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def role_kpis(role_id: str, lang: str = "zh") -> pd.DataFrame:
    """The KPIs of ``role_id``: name, formula and target, word for word from :data:`ccskills.kpi.REGISTRY`."""
    check_lang(lang)
    rows = [[label(k, lang), (REGISTRY[k].formula_zh, REGISTRY[k].formula_en)[lang == "en"], target_text(k, lang)]
            for k in profile(role_id).kpis]
    return pd.DataFrame(rows, columns=[_t(lang, "指标", "KPI"), _t(lang, "公式", "Formula"), _t(lang, "目标", "Target")])


def role_raci(role_id: str, lang: str = "zh", matrix: RaciMatrix | None = None, *,
              codes=("R", "A", "R/A")) -> pd.DataFrame:
    """The activities where ``role_id`` holds one of ``codes`` in ``matrix`` (default: :func:`default_raci`)."""
    check_lang(lang)
    profile(role_id)
    matrix = default_raci() if matrix is None else matrix
    rows = [[a.process(lang), a.name(lang), matrix.code(a.id, role_id)]
            for a in matrix.activities if matrix.code(a.id, role_id) in codes]
    return pd.DataFrame(rows, columns=[_t(lang, "流程", "Process"), _t(lang, "活动", "Activity"),
                                       _t(lang, "责任", "Code")])


def _responsibilities(doc: WordDocument, p, lang: str, filled: bool) -> None:
    names = {r.id: r.name(lang) for r in ROLE_NAMES}
    reports = [q.role.name(lang) for q in ROLE_PROFILES if q.reports_to == p.role.id]
    sep = "、" if lang == "zh" else ", "
    doc.heading(_t(lang, "一、岗位职责 (job responsibilities)", "Part 1. Job responsibilities"))
    doc.heading(_t(lang, "1. 基本信息", "1. Position"), 2)
    doc.fields([(_t(lang, "岗位", "Position"), p.role.name(lang)),
                (_t(lang, "所属部门", "Department"), _t(lang, "客服中心", "Contact centre") if filled else ""),
                (_t(lang, "汇报对象", "Reports to"), names.get(p.reports_to, "—") if filled else ""),
                (_t(lang, "直接下属", "Direct reports"), (sep.join(reports) or "—") if filled else ""),
                (_t(lang, "编写人 / 日期", "Written by / date"), ""), (_t(lang, "审核人 / 日期", "Approved by / date"), "")])
    doc.heading(_t(lang, "2. 岗位目的", "2. Purpose"), 2)
    doc.paragraph(_pick(p.purpose, lang)) if filled else doc.fill_lines(_t(lang, "本岗位为什么存在:", "Why the role exists:"), 2)
    doc.heading(_t(lang, "3. 主要职责", "3. Main duties"), 2)
    doc.numbered(_pick(d, lang) for d in p.duties) if filled else doc.fill_lines(_t(lang, "职责(每行一项,动词开头):", "Duties (one a line, start with a verb):"), 6)
    doc.heading(_t(lang, "4. 在主要流程中的责任 (RACI)", "4. Part in the main processes (RACI)"), 2)
    doc.paragraph(_t(lang, "执行 (R) 与最终负责 (A) 的活动,取自中心的 RACI 矩阵:",
                     "Activities the role does (R) or owns (A), from the centre's RACI matrix:"))
    _table_or_blank(doc, role_raci(p.role.id, lang), filled)
    doc.paragraph(_t(lang, "需要征求意见 (C) 或知会 (I) 的活动:", "Activities where the role is consulted (C) or informed (I):"))
    _table_or_blank(doc, role_raci(p.role.id, lang, codes=("C", "I")), filled)
    doc.heading(_t(lang, "5. 权限", "5. Authority"), 2)
    if not filled:
        doc.fill_lines(_t(lang, "本岗位可自行决定的事项:", "What the role decides on its own:"), 4)
        return
    signs = role_raci(p.role.id, lang, codes=("A", "R/A")).iloc[:, 1].tolist()
    doc.paragraph(_t(lang, "批准 (A):", "Signs off (A): ") + (sep.join(signs) if signs else "—"))
    doc.bullets(_pick(a, lang) for a in AUTHORITY[p.role.id])
    if p.role.id == "supervisor":
        doc.heading(_t(lang, "运营主管的基本权利 (团队章程)", "The supervisor's basic rights (team charter)"), 3)
        for i, right in enumerate(SUPERVISOR_RIGHTS, 1):  # numbered by hand: Word would continue the duties' list
            doc.paragraph(f"{i}. {_pick(right, lang)}")
        doc.paragraph(_pick(COLLABORATION_CAUTION, lang))


def _table_or_blank(doc: WordDocument, frame: pd.DataFrame, filled: bool) -> None:
    if filled:
        doc.table(frame)
    else:
        doc.table(frame.iloc[:0], blank_rows=_BLANK_ROWS)


def _description(doc: WordDocument, p, lang: str, filled: bool) -> None:
    doc.heading(_t(lang, "二、职位说明书 (job description)", "Part 2. Job description"))
    doc.heading(_t(lang, "6. 考核指标 (KPI)", "6. KPIs"), 2)
    doc.paragraph(_t(lang, "指标名称、公式和目标与中心指标库 (KPI registry) 一致;目标每年复核。",
                     "Names, formulas and targets as in the centre's KPI registry; targets reviewed yearly."))
    _table_or_blank(doc, role_kpis(p.role.id, lang), filled)
    doc.heading(_t(lang, "7. 任职资格", "7. Qualifications"), 2)
    doc.bullets(_pick(q, lang) for q in p.qualifications) if filled else doc.fill_lines(_t(lang, "学历、经验、技能、证书:", "Education, experience, skills, certificates:"), 4)
    doc.heading(_t(lang, "8. 确认", "8. Sign-off"), 2)
    doc.fields([(_t(lang, "任职人签字 / 日期", "Job holder / date"), ""), (_t(lang, "直接上级签字 / 日期", "Manager / date"), ""),
                (_t(lang, "人力资源 / 日期", "HR / date"), ""), (_t(lang, "复核周期", "Review cycle"), _t(lang, "每年", "Yearly") if filled else "")])


def role_document(role_id: str, lang: str = "zh", *, filled: bool = True) -> bytes:
    """The Word file of ``role_id``: 岗位职责 (part 1) and 职位说明书 (part 2).

    >>> role_document("agent", "en", filled=False)[:2]
    b'PK'
    """
    check_lang(lang)
    p = profile(role_id)
    title = _t(lang, f"{p.role.name(lang)} 岗位职责与职位说明书", f"{p.role.name(lang)}: job responsibilities and description")
    subtitle = _t(lang, "示例:按本中心情况修改" if filled else "模板:填写后由上级和人力资源确认",
                  "Worked example: adapt to your centre" if filled else "Template: fill in, then sign off with the manager and HR")
    doc = WordDocument(title, lang, subtitle=subtitle)
    _responsibilities(doc, p, lang, filled)
    _description(doc, p, lang, filled)
    return doc.to_bytes()


def blank_roles_excel(lang: str = "zh") -> bytes:
    """The role sheets of :func:`roles_excel` with the section labels kept and every content cell empty."""
    check_lang(lang)
    sheets = {}
    for p in ROLE_PROFILES:
        sheet = _role_sheet(p, lang)
        sheet.iloc[1:, 1] = ""
        sheets[p.role.name(lang)] = sheet
    sheets[_t(lang, "考核指标", "KPIs")] = role_kpi_table(lang).iloc[:0]
    return excel_bytes(sheets)


def _role_template(p) -> Template:
    return Template(f"role_{p.role.id}", "roles", f"{p.role.name_zh}岗位职责与职位说明书",
                    f"{p.role.name_en}: job responsibilities and description", "docx",
                    lambda lang, filled, _id=p.role.id: role_document(_id, lang, filled=filled))


TEMPLATES = (
    *(_role_template(p) for p in ROLE_PROFILES),
    Template("raci_matrix", "roles", "RACI 责任分配矩阵", "RACI matrix", "xlsx",
             lambda lang, filled: raci_excel(default_raci(), lang, blank=not filled)),
    Template("role_sheets", "roles", "岗位说明汇总表", "Role documents workbook", "xlsx",
             lambda lang, filled: roles_excel(lang) if filled else blank_roles_excel(lang)),
    Template("operations_manual", "roles", "操作手册", "Operations manual", "docx", operations_manual),
)
