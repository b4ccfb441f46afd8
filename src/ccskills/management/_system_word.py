"""Word templates of the management system: the team charter (团队章程) and the culture workshop sheet
(文化共创工作坊).

The charter is built from the supervisor's duties and rights of seeds/002, with a meeting rhythm,
decision and conflict rules and the team's KPIs (registry definitions; the worked example shows
team A1's March figures computed by the kit). The workshop sheet walks a group through drafting
核心价值 / 愿景 / 使命 and four strategic objectives with one registry KPI each.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from .._validation import check_lang
from ..kpi import REGISTRY
from ..kpi.display import label
from ._docx import WordDocument
from ._system_calc import baseline_kpis, strategic_objectives
from ._system_data import (CHARTER_KPIS, CHARTER_TEAM, CONFLICT_RULES, CULTURE, CULTURE_EXAMPLE,
                           DECISION_RULES, DUTIES, KPI_GROUPS, MEETINGS, OBJECTIVE_GROUPS, RIGHTS)
from ._template import pick as _pick

__all__ = ["charter_docx", "culture_docx", "team_kpis", "CHARTER_SECTIONS", "CULTURE_SECTIONS"]

#: Level-1 headings of the charter, in order (zh, en).
CHARTER_SECTIONS = (("目的", "Purpose"), ("成员", "Members"), ("班组长的职责", "The team leader's duties"),
                    ("我们的权利", "Our rights"), ("会议节奏", "Meeting rhythm"), ("决策规则", "Decision rules"),
                    ("冲突处理规则", "Conflict rules"), ("团队指标", "Team KPIs"), ("签署", "Signatures"))
#: Level-1 headings of the culture workshop sheet, in order (zh, en).
CULTURE_SECTIONS = (("工作坊说明", "About the workshop"), ("核心价值", "Core values"), ("愿景", "Vision"),
                    ("使命", "Mission"), ("四类战略目标", "Four strategic objectives"),
                    ("可选指标", "KPIs to choose from"))


def _unit_text(kpi: str, value: float) -> str:
    unit = REGISTRY[kpi].unit
    if value != value:
        return ""
    if unit == "fraction":
        return f"{value:.1%}"
    if unit == "seconds":
        return f"{value:.0f} s"
    return f"{value:.2f}" if unit.startswith("CNY") else f"{value:.1f}"


@cache
def _team_kpis(team: str) -> pd.Series:
    from ..datasets import load_agents, load_call_records
    from ..datasets.people import load_attendance
    from ..kpi import compute
    from ..people import attendance_summary

    calls = compute(load_call_records(), [k for k in CHARTER_KPIS if k != "attendance_rate"], freq=None,
                    by="team", agents=load_agents())
    values = calls.loc[team].astype(float)
    values["attendance_rate"] = float(attendance_summary(load_attendance(), by="team").loc[team, "attendance_rate"])
    return values[list(CHARTER_KPIS)]


def team_kpis(team: str = CHARTER_TEAM) -> pd.Series:
    """One team's March 2026 values of the charter's KPIs (:data:`CHARTER_KPIS`), computed from the datasets."""
    return _team_kpis(team).copy()


def _target_text(kpi: str) -> str:
    target = REGISTRY[kpi].target
    if target is None:
        return ""
    if isinstance(target, tuple):
        return " – ".join(_unit_text(kpi, t) for t in target)
    sign = "≥ " if REGISTRY[kpi].direction == "higher" else "≤ "
    return sign + _unit_text(kpi, float(target))


def _kpi_table(lang: str, filled: bool) -> pd.DataFrame:
    values = team_kpis() if filled else None
    rows = [[label(k, lang), _pick((REGISTRY[k].formula_zh, REGISTRY[k].formula_en), lang), _target_text(k),
             _unit_text(k, float(values[k])) if filled else ""] for k in CHARTER_KPIS]
    heads = (["指标", "公式", "目标（指标库）", f"{CHARTER_TEAM} 组 2026-03"] if lang == "zh" else
             ["KPI", "Formula", "Target (registry)", f"Team {CHARTER_TEAM} 2026-03"])
    return pd.DataFrame(rows, columns=heads)


def _members(lang: str, filled: bool) -> pd.DataFrame:
    heads = ["角色", "姓名 / 工号", "在团队中负责"] if lang == "zh" else ["Role", "Name / ID", "Responsible in the team for"]
    if not filled:
        return pd.DataFrame([[_pick(("班组长", "Team leader"), lang), "", ""]] + [["", "", ""]] * 5, columns=heads)
    from ..datasets import load_agents

    agents = load_agents()
    ids = agents.loc[agents["team"] == CHARTER_TEAM, "agent_id"].tolist()
    rows = [[_pick(("班组长", "Team leader"), lang), "L03", _pick(("会议、辅导、排班协调、绩效评价", "Meetings, coaching, schedules, reviews"), lang)],
            [_pick(("座席", "Agents"), lang), f"{ids[0]} … {ids[-1]} ({len(ids)})",
             _pick(("接听与处理来电；轮流担任会议记录", "Take and resolve calls; take turns at minuting meetings"), lang)],
            [_pick(("质检员（联系人）", "QA analyst (contact)"), lang), "QA1", _pick(("每月质检反馈与校准", "Monthly QA feedback and calibration"), lang)],
            [_pick(("运营主管（批准人）", "Supervisor (approver)"), lang), "", _pick(("批准章程和升级事项", "Approves the charter and escalations"), lang)]]
    return pd.DataFrame(rows, columns=heads)


def charter_docx(lang: str = "zh", filled: bool = True) -> bytes:
    """团队章程 (team charter): purpose, members, duties, rights, meetings, decisions, conflicts, KPIs."""
    check_lang(lang)
    title = _pick(("团队章程", "Team charter"), lang)
    sub = (_pick((f"示例：售后 {CHARTER_TEAM} 组，2026 年", f"Example: aftersales team {CHARTER_TEAM}, 2026"), lang) if filled
           else _pick(("模板", "Template"), lang))
    doc = WordDocument(title, lang, subtitle=sub)
    heads = [_pick(h, lang) for h in CHARTER_SECTIONS]
    doc.heading(heads[0])
    if filled:
        doc.paragraph(_pick(("一起把售后来电一次解决，让客户满意、让每个人成长；本章程写明我们怎样一起工作，每年复核一次。",
                             "Resolve aftersales calls in one contact together, so customers are satisfied and each of us "
                             "grows; this charter says how we work together and is reviewed yearly."), lang))
    else:
        doc.fill_lines(_pick(("团队为什么存在、为谁服务：", "Why the team exists and whom it serves:"), lang), 2)
    doc.fields([(_pick(("团队", "Team"), lang), CHARTER_TEAM if filled else ""),
                (_pick(("生效日期", "In force from"), lang), "2026-04-01" if filled else ""),
                (_pick(("复核周期", "Review cycle"), lang), _pick(("每年一次；成员变动一半以上时重订", "Yearly; rewritten when half the team has changed"), lang))])
    doc.heading(heads[1])
    doc.table(_members(lang, filled))
    doc.heading(heads[2])
    doc.numbered(_pick(d, lang) for d in DUTIES)
    doc.heading(heads[3])
    doc.paragraph(_pick(("来源：运营主管的基本权利。每一条对团队里的每个人都成立。",
                         "From the supervisor's basic rights; each holds for everyone in the team."), lang))
    doc.numbered(_pick(r, lang) for r in RIGHTS)
    doc.heading(heads[4])
    meeting_heads = ["会议", "频率", "时长 (分钟)", "内容"] if lang == "zh" else ["Meeting", "Frequency", "Minutes", "Content"]
    doc.table(pd.DataFrame([[_pick(m[0:2], lang), _pick(m[2:4], lang), str(m[4]), _pick(m[5:7], lang)] for m in MEETINGS],
                           columns=meeting_heads))
    doc.heading(heads[5])
    doc.bullets(_pick(r, lang) for r in DECISION_RULES)
    doc.heading(heads[6])
    doc.bullets(_pick(r, lang) for r in CONFLICT_RULES)
    doc.heading(heads[7])
    doc.table(_kpi_table(lang, filled), blank_rows=0 if filled else 2)
    doc.heading(heads[8])
    doc.fields([(_pick(("班组长", "Team leader"), lang), ""), (_pick(("成员", "Members"), lang), ""),
                (_pick(("运营主管", "Supervisor"), lang), ""), (_pick(("日期", "Date"), lang), "")])
    return doc.to_bytes()


# ---------------------------------------------------------------- 文化共创工作坊
_STEPS = (
    ("个人写（10 分钟）：每人在便利贴上写 3 个词，描述“我们最好的一天”", "Alone (10 min): three words each on sticky notes for 'our best day'"),
    ("小组归类（15 分钟）：相近的词归堆，每堆起一个名字，投票选 3 个作为核心价值", "Groups (15 min): cluster the words, name each cluster, vote three as core values"),
    ("起草愿景和使命（15 分钟）：愿景写三年后的样子，要含服务质量、满意度和成本；使命写我们为什么存在", "Draft vision and mission (15 min): vision = three years on, with quality, satisfaction and cost; mission = why we exist"),
    ("定四类战略目标（15 分钟）：客户、财务、内部运营、员工成长各一个，每个配一个指标库里的指标和目标", "Four objectives (15 min): customer, financial, internal, people, each with one registry KPI and a target"),
    ("全场分享（5 分钟）：每组 1 分钟；指定文化负责人，写进年度运营计划", "Share (5 min): one minute per group; name a culture owner and put it in the annual plan"),
)


def _objectives(lang: str, filled: bool) -> pd.DataFrame:
    heads = (["类别", "战略目标", "指标", "基线 (2026-03)", "目标"] if lang == "zh" else
             ["Group", "Objective", "KPI", "Baseline (2026-03)", "Target"])
    if not filled:
        return pd.DataFrame([[_pick(g, lang), "", "", "", ""] for g in OBJECTIVE_GROUPS.values()], columns=heads)
    table = strategic_objectives(lang).drop_duplicates("group")
    rows = [[r.group, r.objective, r.kpi_name, _unit_text(r.kpi, r.baseline), _unit_text(r.kpi, r.target)]
            for r in table.itertuples()]
    return pd.DataFrame(rows, columns=heads)


def _menu(lang: str) -> pd.DataFrame:
    base = baseline_kpis()
    rows = [[_pick(OBJECTIVE_GROUPS[g], lang), label(k, lang), _pick((REGISTRY[k].formula_zh, REGISTRY[k].formula_en), lang),
             _unit_text(k, float(base[k])) if k in base.index else "", _target_text(k)]
            for g in OBJECTIVE_GROUPS for k, group in KPI_GROUPS.items() if group == g]
    heads = (["类别", "指标", "公式", "示例中心 2026-03", "目标（指标库）"] if lang == "zh" else
             ["Group", "KPI", "Formula", "Example centre 2026-03", "Target (registry)"])
    return pd.DataFrame(rows, columns=heads)


def culture_docx(lang: str = "zh", filled: bool = True) -> bytes:
    """文化共创工作坊: steps, a box for each of 核心价值 / 愿景 / 使命, four objectives with one KPI each."""
    check_lang(lang)
    doc = WordDocument(_pick(("文化共创工作坊", "Culture workshop"), lang), lang,
                       subtitle=_pick(("示例：模拟中心的草稿", "Example: the simulated centre's draft"), lang) if filled
                       else _pick(("工作单（60 分钟，4–6 人一组）", "Worksheet (60 minutes, groups of 4–6)"), lang))
    heads = [_pick(h, lang) for h in CULTURE_SECTIONS]
    doc.heading(heads[0])
    doc.paragraph(_pick(("中心文化由核心价值、愿景和使命三部分组成；在文化之上定战略目标，通过完成战略目标实现愿景。"
                         "成熟的中心文化要有一个核心思想、专人负责，并有持续改进的机制。",
                         "A centre's culture has three parts, core values, vision and mission; strategic objectives sit on "
                         "top, and meeting them realises the vision. A mature culture has one core idea, an owner and a way "
                         "of improving every year."), lang))
    doc.numbered(_pick(s, lang) for s in _STEPS)
    for key, head in zip(("values", "vision", "mission"), heads[1:4]):
        zh, en, def_zh, def_en, example = CULTURE[key]
        doc.heading(head)
        doc.paragraph(_pick((def_zh, def_en), lang))
        doc.paragraph(_pick(("参考：", "For example: "), lang) + _pick(example, lang))
        if filled:
            doc.paragraph(_pick(CULTURE_EXAMPLE[key], lang), bold=True)
        else:
            doc.fill_lines(_pick(("我们的草稿：", "Our draft:"), lang), 3)
    doc.heading(heads[4])
    doc.paragraph(_pick(("每类一个目标、一个指标（名称和公式以指标库为准），写上基线和目标。",
                         "One objective and one KPI per group (name and formula as in the registry), with baseline and target."), lang))
    doc.table(_objectives(lang, filled))
    doc.heading(heads[5])
    doc.table(_menu(lang))
    return doc.to_bytes()
