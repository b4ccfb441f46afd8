"""The floor system (现场管理) as files a manager edits, filled from the kit's simulated centre.

Zone floor management (现场分区管理, seeds/003): small teams in small zones with a fixed leader,
managed in grades, and a floor system of nine elements (:data:`FLOOR_ELEMENTS`). The templates:

* **现场管理体系** (Word): the nine elements, each with purpose, what the zone leader checks,
  frequency, record and KPI; 现场状态 shows the adherence the kit computes from its agent-state
  data (chapter 05 lesson 06), and 士气 a short pulse-check form;
* **交接班记录** (Excel): one row per handover and zone of one March day, the outgoing shift's
  SL/ASA/abandonment computed from the call records (:func:`handover_record`);
* **班前会议程** (Word): ten minutes in five blocks, filled with yesterday's KPIs, today's forecast
  and a recognition picked from the data (:func:`pre_shift_agenda`);
* **应急预案** (Word): five scenarios, the surge trigger by Erlang C, the escalation matrix.

>>> floor_elements_table("en").iloc[2, :2].tolist()
['Real-time floor status', 'People are doing what the schedule asks right now; staff match the queue']
"""

from __future__ import annotations

import pandas as pd

from .._validation import check_lang
from ..i18n import QUEUE_NAMES
from ..io import excel_bytes
from ..kpi import REGISTRY
from ..kpi.display import format_value, label
from ._docx import WordDocument
from ._floor_elements import FLOOR_ELEMENTS, PULSE_QUESTIONS, FloorElement, floor_elements_table
from ._floor_figures import (BRIEFING_DAY, HANDOVER_DAY, SHIFTS, STATUS_MOMENT, SURGE_LEVELS, FloorStatus,
                             day_figures, duty_leader, floor_status, forecast_figures, handover_figures,
                             surge_staffing)
from ._floor_plan import emergency_plan, surge_table
from ._floor_system import floor_system_document
from ._template import Template
from .role_documents import target_text

__all__ = ["TEMPLATES", "FLOOR_ELEMENTS", "FloorElement", "floor_elements_table", "handover_record",
           "handover_excel", "pre_shift_agenda", "pre_shift_document", "floor_system_document", "emergency_plan",
           "PULSE_QUESTIONS", "HANDOVER_DAY", "BRIEFING_DAY", "STATUS_MOMENT", "SHIFTS", "SURGE_LEVELS",
           "FloorStatus", "floor_status", "day_figures", "forecast_figures", "handover_figures", "duty_leader",
           "surge_staffing", "surge_table"]

_REASONS = {"sick": ("病假", "sick"), "personal": ("事假", "personal"), "emergency": ("紧急事务", "emergency"),
            "no_show": ("旷工", "no show")}
_SHIFT_NAMES = {"early": ("早班", "Early"), "late": ("晚班", "Late")}


def _k(lang: str) -> int:
    return int(check_lang(lang) == "en")


_HANDOVER_HEAD = (
    ("交接时间", "Handover time"), ("区域", "Zone"), ("交班班次", "Outgoing shift"), ("交班班组长", "Outgoing leader"),
    ("接班班组长", "Incoming leader"), ("来话量", "Offered"), ("服务水平", "Service level"), ("平均应答速度(秒)", "ASA (s)"),
    ("放弃率", "Abandonment rate"), ("排班人数", "Scheduled"), ("出勤(含迟到)", "Present (incl. late)"), ("迟到", "Late"),
    ("缺勤", "Absent"), ("缺勤人员(原因)", "Absent (reason)"), ("接班排班人数", "Incoming scheduled"),
    ("未结问题", "Open issues"), ("系统故障", "System faults"), ("跟进事项", "Follow-ups"),
    ("交班人签字", "Outgoing signature"), ("接班人签字", "Incoming signature"))


def _issues(row, k: int) -> str:
    parts = []
    if row["low_sl_intervals"]:
        parts.append((f"服务水平 < {REGISTRY['service_level'].target:.0%} 的时段: ", f"Intervals with SL < {REGISTRY['service_level'].target:.0%}: ")[k] + row["low_sl_intervals"])
    if row["understaffed_intervals"]:
        parts.append(("在线人数低于需求的时段: ", "Intervals staffed below requirement: ")[k] + row["understaffed_intervals"])
    return "; ".join(parts) or ("无", "None")[k]


def _follow_ups(row, k: int) -> str:
    todo = []
    if row["service_level"] < REGISTRY["service_level"].target:
        todo.append(("接班后第一小时盯服务水平,必要时推迟培训/会议", "Watch the service level in the first hour; postpone training/meetings if needed")[k])
    if row["absent"]:
        todo.append((f"回访缺勤 {row['absent']} 人,更新考勤", f"Follow up {row['absent']} absent, update attendance")[k])
    if row["blocked"]:
        todo.append(("与 IT 核对中继/队列容量", "Check trunk/queue capacity with IT")[k])
    return "; ".join(todo) or ("无", "None")[k]


def handover_record(day=HANDOVER_DAY, lang: str = "zh") -> pd.DataFrame:
    """The shift handover record of ``day``: :func:`handover_figures` as the form's columns in ``lang``."""
    k = _k(lang)
    fig = handover_figures(day)
    reasons = lambda text: ", ".join(f"{a}: {_REASONS[r][k]}" for a, r in (p.split(": ") for p in text.split(", "))) if text else ""  # noqa: E731
    cols = [fig["time"], fig["queue"].map(lambda q: QUEUE_NAMES[q][k] + ("区", " zone")[k]),
            fig["outgoing_shift"].map(lambda s: _SHIFT_NAMES[s][k]), fig["outgoing_leader"], fig["incoming_leader"],
            fig["offered"], fig["service_level"], fig["asa_s"], fig["abandonment_rate"], fig["scheduled"],
            fig["present"], fig["late"], fig["absent"], fig["absent_ids"].map(reasons), fig["incoming_scheduled"],
            fig.apply(_issues, axis=1, k=k),
            fig["blocked"].map(lambda b: (f"阻塞 {b} 通 (队列满)", f"{b} blocked calls (queue full)")[k] if b else ("无", "None")[k]),
            fig.apply(_follow_ups, axis=1, k=k), "", ""]
    return pd.DataFrame(dict(zip((h[k] for h in _HANDOVER_HEAD), cols)))


def _definitions(lang: str) -> pd.DataFrame:
    k = _k(lang)
    rows = [[label(i, lang), (REGISTRY[i].formula_zh, REGISTRY[i].formula_en)[k], target_text(i, lang)]
            for i in ("service_level", "asa_s", "abandonment_rate")]
    rows.append([("出勤", "Present")[k], ("排班班次中出勤或迟到的人数", "Scheduled shifts worked, late included")[k], ""])
    rows.append([("签字", "Signatures")[k], ("交接双方签字后留档", "Both leaders sign; the record is filed")[k], ""])
    return pd.DataFrame(rows, columns=(["字段", "定义", "目标"], ["Field", "Definition", "Target"])[k])


def handover_excel(lang: str = "zh", filled: bool = True, *, day=HANDOVER_DAY, blank_rows: int = 12) -> bytes:
    """The handover record as .xlsx: the record (filled for ``day`` or ``blank_rows`` empty rows) and the definitions."""
    k = _k(lang)
    record = handover_record(day, lang) if filled else pd.DataFrame(
        [[None] * len(_HANDOVER_HEAD)] * blank_rows, columns=[h[k] for h in _HANDOVER_HEAD])
    sheet, notes = ("交接班记录", "Handover record")[k], ("填写说明", "Definitions")[k]
    heads = [h[k] for h in _HANDOVER_HEAD]
    formats = {heads[6]: "0.0%", heads[8]: "0.0%", heads[7]: "0.0", heads[0]: "yyyy-mm-dd hh:mm"}
    return excel_bytes({sheet: record, notes: _definitions(lang)}, number_formats={sheet: formats})


def _fmt_figures(row, k: int) -> str:
    keys = ("offered", "service_level", "asa_s", "abandonment_rate", "fcr_rate", "csat_top2_box")
    return (", " if k else ",").join(f"{label(i, ('zh', 'en')[k])} {format_value(i, row[i])}" for i in keys)


def pre_shift_agenda(day=BRIEFING_DAY, lang: str = "zh", *, filled: bool = True) -> pd.DataFrame:
    """The 10-minute pre-shift agenda of ``day``'s early shift: five 2-minute blocks, filled from the data.

    Columns: time (minutes), topic, content (yesterday's KPIs per queue, today's forecast and
    understaffed intervals, the queue with the highest transfer rate, the agent with the best FCR
    yesterday, yesterday's absences), owner.
    """
    k = _k(lang)
    topics = [("昨日数字", "Yesterday's numbers"), ("今日预测与人力", "Today's forecast and staffing"),
              ("业务与知识更新", "Business and knowledge update"), ("表扬", "Recognition"), ("安全与士气", "Safety and morale")]
    owners = [("值班班组长", "Duty team leader"), ("值班班组长", "Duty team leader"), ("培训师 / 质检员", "Trainer / QA analyst"),
              ("值班班组长", "Duty team leader"), ("值班班组长", "Duty team leader")]
    content = _agenda_content(day, k) if filled else [""] * 5
    return pd.DataFrame({("时间", "Time")[k]: [f"{m}–{m + 2} {('分钟', 'min')[k]}" for m in range(0, 10, 2)],
                         ("议程", "Topic")[k]: [t[k] for t in topics], ("要点", "Content")[k]: content,
                         ("负责人", "Owner")[k]: [o[k] for o in owners]})


def _agenda_content(day, k: int) -> list[str]:
    today = pd.Timestamp(day)
    yesterday = today - pd.Timedelta("1D")
    past, plan = day_figures(yesterday), forecast_figures(today)
    q = lambda queue: QUEUE_NAMES[queue][k]  # noqa: E731
    lines = "; ".join(f"{q(x)}: {_fmt_figures(r, k)}" for x, r in past.iterrows())
    fc = "; ".join((f"{q(x)}: 预测来话 {r.forecast_calls:,.0f} 通,高峰 {r.peak_interval:%H:%M} ({r.peak_calls:.0f} 通/15 分钟),在线低于需求: {r.understaffed_intervals or '无'}",
                    f"{q(x)}: forecast {r.forecast_calls:,.0f} calls, peak {r.peak_interval:%H:%M} ({r.peak_calls:.0f} per 15 min), staffed below requirement: {r.understaffed_intervals or 'none'}")[k]
                   for x, r in plan.iterrows())
    worst = past["transfer_rate"].idxmax()
    knowledge = (f"{q(worst)}昨日转接率 {past.loc[worst, 'transfer_rate']:.1%} (目标 {target_text('transfer_rate')}):讲解最常见的转接原因和正确处理方法",
                 f"{q(worst)} transfer rate yesterday {past.loc[worst, 'transfer_rate']:.1%} (target {target_text('transfer_rate', 'en')}): the commonest transfer reasons and how to resolve them")[k]
    best = best_fcr_agent(yesterday)
    praise = (f"{best['agent_id']}:昨日接听 {best['answered']} 通,一次解决率 {best['fcr_rate']:.1%}——说出具体做法和对客户的影响",
              f"{best['agent_id']}: {best['answered']} calls yesterday, FCR {best['fcr_rate']:.1%}: name the behaviour and its effect on customers")[k]
    absent = absences(yesterday)
    morale = (f"昨日缺勤 {absent} 人;难缠来电后可示忙 1–2 分钟缓冲 (告知班组长);注意用嗓和用眼休息",
              f"{absent} absent yesterday; after a difficult call take 1–2 minutes not-ready (tell the team leader); rest voice and eyes")[k]
    return [lines, fc, knowledge, praise, morale]


def best_fcr_agent(day, min_flagged: int = 20) -> pd.Series:
    """The agent with the highest FCR on ``day`` among those with ≥ ``min_flagged`` flagged calls (ties: more calls, then id)."""
    from ..datasets import load_call_records

    calls = load_call_records()
    calls = calls[(calls["arrival"].dt.normalize() == pd.Timestamp(day)) & (calls["outcome"] == "answered")]
    flagged = calls.dropna(subset=["resolved_first_contact"])
    per = pd.DataFrame({"answered": calls.groupby("agent_id").size(),
                        "flagged": flagged.groupby("agent_id").size(),
                        "fcr_rate": flagged.groupby("agent_id")["resolved_first_contact"].mean().astype(float)})
    per = per[per["flagged"] >= min_flagged].reset_index().rename(columns={"index": "agent_id"})
    return per.sort_values(["fcr_rate", "answered", "agent_id"], ascending=[False, False, True]).iloc[0]


def absences(day) -> int:
    """Shifts marked absent on ``day`` in the March attendance."""
    from ..datasets.people import load_attendance

    a = load_attendance()
    return int(((a["date"] == pd.Timestamp(day)) & (a["status"] == "absent")).sum())


def pre_shift_document(lang: str = "zh", filled: bool = True, *, day=BRIEFING_DAY) -> bytes:
    """The pre-shift agenda as Word: meeting details, the five blocks, yesterday's KPIs, sign-in."""
    k = _k(lang)
    doc = WordDocument(("班前会议程 (10 分钟)", "Pre-shift meeting agenda (10 minutes)")[k], lang,
                       subtitle=((f"示例:{day} 早班,数字由套件从本中心数据计算", "模板"),
                                 (f"Worked example: {day} early shift, figures computed from the centre's data", "Template"))[k][not filled])
    leaders = ", ".join(duty_leader(day, "early", x) for x in ("presales", "aftersales")) if filled else ""
    doc.fields([(("日期", "Date")[k], str(day) if filled else ""), (("班次", "Shift")[k], ("早班 08:00–15:00", "Early 08:00–15:00")[k] if filled else ""),
                (("主持 (值班班组长)", "Host (duty team leaders)")[k], leaders), (("开始时间", "Start")[k], "07:50" if filled else "")])
    doc.heading(("议程", "Agenda")[k], 1)
    doc.table(pre_shift_agenda(day, lang, filled=filled))
    doc.heading(("昨日指标", "Yesterday's KPIs")[k], 1)
    doc.table(_kpi_table(day, lang, filled), blank_rows=0 if filled else 2)
    doc.heading(("签到", "Sign-in")[k], 1)
    doc.fill_lines(("到会人员:", "Present:")[k], 2)
    return doc.to_bytes()


def _kpi_table(day, lang: str, filled: bool) -> pd.DataFrame:
    k = _k(lang)
    keys = ("offered", "service_level", "asa_s", "abandonment_rate", "fcr_rate", "csat_top2_box")
    head = [("队列", "Queue")[k], *(label(i, lang) for i in keys)]
    if not filled:
        return pd.DataFrame(columns=head)
    past = day_figures(pd.Timestamp(day) - pd.Timedelta("1D"))
    rows = [[QUEUE_NAMES[x][k], *(format_value(i, r[i]) for i in keys)] for x, r in past.iterrows()]
    rows.append([("目标", "Target")[k], "", *(target_text(i, lang) for i in keys[1:])])
    return pd.DataFrame(rows, columns=head)


TEMPLATES = (
    Template("floor_system", "floor", "现场管理体系", "Floor management system", "docx", floor_system_document),
    Template("handover_record", "floor", "交接班记录", "Shift handover record", "xlsx", handover_excel),
    Template("pre_shift_agenda", "floor", "班前会议程", "Pre-shift meeting agenda", "docx", pre_shift_document),
    Template("emergency_plan", "floor", "应急预案", "Emergency plan", "docx", emergency_plan),
)
