"""The 现场管理体系 (floor management system) Word file: zone management and its nine elements.

Each element has its purpose, what the zone leader checks, frequency, record and KPI (the
registry's name, formula and target); 现场状态 shows the adherence the kit computes from the
chapter 05 agent-state data (:func:`floor_status`), 士气 the monthly pulse-check form.
"""

from __future__ import annotations

import pandas as pd

from .._validation import check_lang
from ..kpi import REGISTRY
from ..kpi.display import label
from ._docx import WordDocument
from ._floor_elements import FLOOR_ELEMENTS, PULSE_QUESTIONS
from ._floor_figures import STATUS_MOMENT, floor_status
from .role_documents import target_text

__all__ = ["floor_system_document", "status_sentence"]


def status_sentence(lang: str = "zh", at=STATUS_MOMENT) -> str:
    """The 现场状态 example: the day's adherence and conformance, and the real-time snapshot at ``at``."""
    k = int(check_lang(lang) == "en")
    s = floor_status(at)
    who = ", ".join(s.out_of_adherence) or ("无", "none")[k]
    return (f"示例 (第 05 章 WFM 数据,电商线 {s.day:%Y-%m-%d}):全天排班遵从度 {s.adherence:.1%},一致率 {s.conformance:.1%}"
            f"(目标 {target_text('schedule_adherence')});{s.at:%H:%M} 实时视图:在班 {s.on_shift} 人,"
            f"{len(s.out_of_adherence)} 人不在排定状态 ({who})。",
            f"Example (chapter 05 WFM data, e-commerce line, {s.day:%Y-%m-%d}): adherence {s.adherence:.1%} for the day, "
            f"conformance {s.conformance:.1%} (target {target_text('schedule_adherence', 'en')}); real-time view at {s.at:%H:%M}: "
            f"{s.on_shift} on shift, {len(s.out_of_adherence)} out of adherence ({who}).")[k]


def _kpi_line(kpi: str | None, lang: str) -> str:
    k = lang == "en"
    if kpi is None:
        return ("无注册指标:以记录完整率检查", "No registry KPI: check that the record is complete")[k]
    ind = REGISTRY[kpi]
    return f"{label(kpi, lang)} = {(ind.formula_zh, ind.formula_en)[k]}; {('目标', 'target')[k]} {target_text(kpi, lang)}"


def _element(doc: WordDocument, number: int, e, lang: str, filled: bool) -> None:
    k = lang == "en"
    doc.heading(f"{number}. {e.name[k]}", 2)
    if not filled:
        doc.fields([(lab, "") for lab in (("目的", "Purpose")[k], ("频次", "Frequency")[k], ("记录", "Record")[k], ("指标", "KPI")[k])])
        doc.fill_lines(("区域负责人检查:", "What the zone leader checks:")[k], 3)
    else:
        doc.fields([(("目的", "Purpose")[k], e.purpose[k]), (("频次", "Frequency")[k], e.frequency[k]),
                    (("记录", "Record")[k], e.record[k]), (("指标", "KPI")[k], _kpi_line(e.kpi, lang))])
        doc.paragraph(("区域负责人检查:", "What the zone leader checks:")[k], bold=True)
        doc.bullets(c[k] for c in e.checks)
    if e.id == "floor_status":
        doc.paragraph(status_sentence(lang) if filled else ("本中心示例:全天遵从度 ____ %,实时视图 ____ 人在班、____ 人不遵从。",
                                                             "Your centre: adherence ____ % for the day; real-time view ____ on shift, ____ out of adherence.")[k])
    if e.id == "morale":
        _pulse_form(doc, lang)


def _pulse_form(doc: WordDocument, lang: str) -> None:
    k = lang == "en"
    doc.paragraph(("士气快测 (每月,匿名,1 = 不同意 … 5 = 同意):", "Pulse check (monthly, anonymous, 1 = disagree … 5 = agree):")[k], bold=True)
    head = [("题目", "Statement")[k], "1", "2", "3", "4", "5"]
    doc.table(pd.DataFrame([[q[k], "", "", "", "", ""] for q in PULSE_QUESTIONS], columns=head))


def floor_system_document(lang: str = "zh", filled: bool = True) -> bytes:
    """The floor management system as Word: scope, zone model, the nine elements, the forms."""
    k = int(check_lang(lang) == "en")
    doc = WordDocument(("现场管理体系", "Floor management system")[k], lang,
                       subtitle=(("示例:按本中心情况修改", "模板"), ("Worked example: adapt to your centre", "Template"))[k][not filled])
    doc.fields([(("适用范围", "Scope")[k], ("全部话务现场", "All call floors")[k] if filled else ""),
                (("责任人", "Owner")[k], ("运营主管", "Operations supervisor")[k] if filled else ""),
                (("复核周期", "Review cycle")[k], ("每年", "Yearly")[k] if filled else "")])
    doc.heading(("分区管理", "Zone management")[k], 1)
    if filled:
        doc.paragraph(("把话务现场分成小区域,每个区域一个小团队、一名固定负责人 (班组长),形成聚焦式管理;"
                       "运营主管 (热线副经理) 与班组长 (团队督导) 分级管理、分线负责。",
                       "The floor is split into small zones, each with a small team and one fixed leader (team leader), "
                       "for focused management; the supervisor and the team leaders manage in grades, each line with its owner.")[k])
    else:
        doc.fill_lines(("区域划分与负责人:", "Zones and their leaders:")[k], 3)
    doc.heading(("九个要素", "The nine elements")[k], 1)
    for number, e in enumerate(FLOOR_ELEMENTS, 1):
        _element(doc, number, e, lang, filled)
    doc.heading(("表单", "Forms")[k], 1)
    doc.bullets((("交接班记录 (Excel)", "班前会议程 (Word)", "应急预案 (Word)", "问题升级矩阵 (流程部分)"),
                 ("Shift handover record (Excel)", "Pre-shift agenda (Word)", "Emergency plan (Word)", "Escalation matrix (processes part)"))[k])
    return doc.to_bytes()
