"""The process templates as files: one Word document per process, Excel workbooks of the steps,
the escalation matrix and the cross-department SLAs.

A Word file holds, in order: purpose, scope, owner and review cycle, the SIPOC table, the swimlane
map (on a landscape page), the steps with lane and time limit, the metrics with their exact formulas
and targets (registry indicators from :data:`ccskills.kpi.REGISTRY`), the process's own table where
it has one (the escalation matrix, the SLA table), and a revision record. The blank template keeps
every section with empty rows and an empty swimlane grid of the same lanes to draw on.
"""

from __future__ import annotations

import pandas as pd
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.shared import Cm

from .._validation import check_lang
from ..io import excel_bytes
from ._docx import WordDocument
from ._process_model import Process, lane_name
from ._swimlane import process_map_png
from ._process_tables import PROCESS_LIST, escalation_matrix, metrics_table, sla_table, steps_table
from ._template import pick as _pick

__all__ = ["SECTIONS", "process_docx", "steps_excel", "escalation_excel", "sla_excel"]

#: The sections of every process document, in order (zh, en).
SECTIONS = (("目的", "Purpose"), ("范围", "Scope"), ("流程负责人与复核", "Owner and review"),
            ("SIPOC 表 (SIPOC)", "SIPOC"), ("泳道图 (swimlane map)", "Swimlane map"), ("流程步骤", "Steps"),
            ("流程指标 (metrics)", "Metrics"), ("修订记录", "Revision record"))
_EXTRA = {"escalation": (("升级矩阵", "Escalation matrix"), lambda lang: escalation_matrix(lang, as_text=True)),
          "cross_department": (("服务水平协议(SLA)", "Service-level agreements (SLA)"),
                               lambda lang: sla_table(lang, as_text=True))}
_BLANK_ROWS = 8


class _ProcessDocument(WordDocument):
    """A :class:`WordDocument` that can put one picture on a landscape page of its own."""

    def landscape_image(self, png: bytes) -> None:
        landscape = self._doc.add_section(WD_SECTION.NEW_PAGE)
        landscape.orientation = WD_ORIENT.LANDSCAPE
        landscape.page_width, landscape.page_height = Cm(29.7), Cm(21.0)
        self.image(png, width_cm=25.5)
        portrait = self._doc.add_section(WD_SECTION.NEW_PAGE)
        portrait.orientation = WD_ORIENT.PORTRAIT
        portrait.page_width, portrait.page_height = Cm(21.0), Cm(29.7)


def _empty(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.iloc[0:0]


def _revision(proc: Process, lang: str, filled: bool) -> pd.DataFrame:
    head = ["版本", "日期", "修订内容", "修订人", "批准人"] if lang == "zh" else \
        ["Version", "Date", "Change", "Changed by", "Approved by"]
    rows = [["V1.0", "2026-01-05", _pick(("首次发布", "First issue"), lang), lane_name(proc.owner, lang),
             lane_name("director", lang)]] if filled else []
    return pd.DataFrame(rows, columns=head)


def _owner_fields(proc: Process, lang: str, filled: bool):
    zh = lang == "zh"
    labels = ("流程负责人 (process owner)", "复核周期 (review cycle)", "流程编号") if zh else \
        ("Process owner", "Review cycle", "Process id")
    values = (lane_name(proc.owner, lang), _pick(proc.review, lang), _document_number(proc)) if filled else ("", "", "")
    return list(zip(labels, values))


def _document_number(proc: Process) -> str:
    """The process standard's number, CC-P-01 … in catalogue order, as the rules are CC-R-01 …"""
    ids = [p.id for p in PROCESS_LIST]
    return f"CC-P-{ids.index(proc.id) + 1:02d}" if proc.id in ids else proc.id


def process_docx(proc: Process, lang: str = "zh", filled: bool = True) -> bytes:
    """The Word file of ``proc``: the worked example (``filled=True``) or the blank template."""
    check_lang(lang)
    zh = lang == "zh"
    kind = ("示例" if filled else "模板") if zh else ("example" if filled else "template")
    doc = _ProcessDocument(proc.name(lang), lang, subtitle=f"{'流程规范' if zh else 'Process standard'} · {kind}")
    heads = [_pick(s, lang) for s in SECTIONS]
    for head, text in zip(heads[:2], (proc.purpose, proc.scope)):
        doc.heading(head)
        if filled:
            doc.paragraph(_pick(text, lang))
        else:
            doc.fill_lines(_pick(("(请填写)", "(fill in)"), lang), 2)
    doc.heading(heads[2])
    doc.fields(_owner_fields(proc, lang, filled))
    doc.heading(heads[3])
    sipoc = proc.sipoc(lang)
    doc.table(sipoc if filled else _empty(sipoc), blank_rows=0 if filled else _BLANK_ROWS)
    doc.heading(heads[4])
    doc.paragraph(_pick(("横向为泳道(角色),从左到右为步骤顺序;菱形为判断,箭头上的文字为分支条件。",
                         "Lanes are roles; steps run left to right; diamonds are decisions, labelled on their branches."),
                        lang))
    doc.landscape_image(process_map_png(proc, lang, blank=not filled))
    _tables(doc, proc, lang, filled, heads)
    return doc.to_bytes()


def _tables(doc, proc, lang, filled, heads):
    for head, frame in ((heads[5], steps_table(proc, lang)), (heads[6], metrics_table(proc, lang))):
        doc.heading(head)
        doc.table(frame if filled else _empty(frame), blank_rows=0 if filled else _BLANK_ROWS)
    if proc.id in _EXTRA:
        title, build = _EXTRA[proc.id]
        frame = build(lang)
        doc.heading(_pick(title, lang))
        doc.table(frame if filled else _empty(frame), blank_rows=0 if filled else len(frame))
    doc.heading(heads[7])
    doc.table(_revision(proc, lang, filled), blank_rows=1 if filled else 4)


def _sheet_name(proc: Process, lang: str) -> str:
    return proc.name(lang).replace("流程", "") if lang == "zh" else proc.name_en.split(" (")[0]


def steps_excel(lang: str = "zh", filled: bool = True, processes=PROCESS_LIST) -> bytes:
    """The steps of ``processes`` (default: all the kit's), one sheet per process (header frozen,
    text never a formula), then a sheet of their metrics; the blank keeps headers and 15 empty rows."""
    check_lang(lang)
    sheets = {}
    for proc in processes:
        frame = steps_table(proc, lang)
        sheets[_sheet_name(proc, lang)] = frame if filled else _blank(frame, 15)
    metrics = pd.concat([metrics_table(p, lang).assign(**{("流程" if lang == "zh" else "Process"): p.name(lang)})
                         for p in processes], ignore_index=True)
    metrics = metrics[[metrics.columns[-1], *metrics.columns[:-1]]]
    sheets["流程指标" if lang == "zh" else "Metrics"] = metrics if filled else _blank(metrics, 15)
    return excel_bytes(sheets)


def _blank(frame: pd.DataFrame, rows: int) -> pd.DataFrame:
    return pd.DataFrame([[""] * len(frame.columns)] * rows, columns=frame.columns)


def escalation_excel(lang: str = "zh", filled: bool = True) -> bytes:
    """The escalation matrix L1–L4 (times as words); the blank keeps the levels and empty cells."""
    check_lang(lang)
    frame = escalation_matrix(lang, as_text=True)
    if not filled:
        frame = _blank(frame, len(frame)).assign(**{frame.columns[0]: frame.iloc[:, 0]})
    return excel_bytes({"升级矩阵" if lang == "zh" else "Escalation matrix": frame})


def sla_excel(lang: str = "zh", filled: bool = True) -> bytes:
    """The SLAs with other departments (times as words); the blank keeps the headers and empty rows."""
    check_lang(lang)
    frame = sla_table(lang, as_text=True)
    return excel_bytes({"SLA": frame if filled else _blank(frame, 12)})
