"""The nine elements of the zone floor-management system, as data (zh, en pairs).

The elements are those of the China Mobile Shandong write-up (seeds/003: 现场分区管理 — 目视管理、
人员与环境管理、现场状态管理、设备管理、交接班管理、班前会管理、应急管理、士气管理、流程管理);
what the zone leader checks repeats the kit's floor checklist (:mod:`ccskills.checklists_data.floor`)
where it has the item; the rest, the frequencies and the records are the kit's worked example.
A KPI is a :data:`ccskills.kpi.REGISTRY` id, or None where no registry KPI measures the element.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .._validation import check_lang
from ..kpi.display import label

__all__ = ["FloorElement", "FLOOR_ELEMENTS", "PULSE_QUESTIONS", "floor_elements_table"]


@dataclass(frozen=True)
class FloorElement:
    """One element: id, name, purpose, the zone leader's checks, frequency, record, KPI id (or None)."""

    id: str
    name: tuple[str, str]
    purpose: tuple[str, str]
    checks: tuple[tuple[str, str], ...]
    frequency: tuple[str, str]
    record: tuple[str, str]
    kpi: str | None


FLOOR_ELEMENTS = (
    FloorElement("visual", ("目视管理", "Visual management"),
                 ("让每个人一眼看到排队、服务水平和谁在负责", "Everyone sees the queue, the service level and who is in charge at a glance"),
                 (("大屏实时显示排队数、服务水平、在线人数", "The wallboard shows calls waiting, service level and agents on line"),
                  ("各区域负责人和当班人员一目了然", "Each zone's leader and the people on shift are visible"),
                  ("告警阈值 (如排队 > 10 或服务水平 < 70 %) 有颜色提示", "Alert thresholds (e.g. > 10 waiting, SL < 70 %) change colour")),
                 ("每班开班时、巡场时", "At the start of each shift and on every floor walk"), ("现场巡检表", "Floor checklist"), "service_level"),
    FloorElement("people_environment", ("人员与环境管理", "People and environment"),
                 ("人按排班到岗,工位整洁、安静、安全", "People arrive as scheduled; desks tidy, quiet and safe"),
                 (("到岗、迟到、缺勤与排班核对", "Arrivals, late arrivals and absences against the schedule"),
                  ("工位整洁,无与工作无关的物品", "Desks tidy, nothing unrelated to work"),
                  ("噪音、温度、照明合适", "Noise, temperature and light are right")),
                 ("每班开班后 15 分钟内;每 2 小时巡场", "Within 15 minutes of the shift start; a walk every 2 hours"), ("考勤记录、巡检表", "Attendance record, floor checklist"), "attendance_rate"),
    FloorElement("floor_status", ("现场状态管理", "Real-time floor status"),
                 ("此刻的人在做排班要求的事,排队和人手相符", "People are doing what the schedule asks right now; staff match the queue"),
                 (("实时遵从度:谁不在排定状态、持续多久", "Real-time adherence: who is out of the scheduled state and for how long"),
                  ("示忙 (not_ready) 和超时小休", "Not-ready time and overlong breaks"),
                  ("排队与服务水平偏离时按日内调整规则处理", "Queue and service level off target: apply the intraday rules")),
                 ("每 15 分钟看一次实时视图", "The real-time view every 15 minutes"), ("日内调整记录、遵从度日报", "Intraday log, daily adherence report"), "schedule_adherence"),
    FloorElement("equipment", ("设备管理", "Equipment"),
                 ("系统、线路、耳麦和电脑可用,故障及时报修", "Systems, lines, headsets and PCs work; faults are reported at once"),
                 (("开班前试登录 ACD、CRM、软电话", "Test log-in to ACD, CRM and softphone before the shift"),
                  ("备用耳麦和备用工位可用", "Spare headsets and spare desks are ready"),
                  ("阻塞 (忙音) 和掉线有记录并报修", "Blocked calls and dropped lines are logged and reported")),
                 ("每班开班前;故障发生时", "Before each shift; whenever a fault occurs"), ("设备故障报修单", "Equipment fault log"), "blocked_rate"),
    FloorElement("handover", ("交接班管理", "Shift handover"),
                 ("下一班知道上一班留下的数字、事情和人", "The next shift knows the figures, issues and people the last one left"),
                 (("交接本班话务、服务水平和未结工单", "Hand over the shift's traffic, service level and open tickets"),
                  ("交接系统故障、业务变更和重点客户", "Hand over system faults, business changes and key customers"),
                  ("交接人员状态 (请假、缺勤、情绪异常)", "Hand over staff status (leave, absence, distress)"),
                  ("双方在交接记录上签字, 记录留档", "Both sign the handover record; it is filed")),
                 ("每次换班", "At every shift change"), ("交接班记录", "Shift handover record"), None),
    FloorElement("pre_shift", ("班前会管理", "Pre-shift meeting"),
                 ("10 分钟让全班对齐今天的目标和变化", "Ten minutes to align the shift on today's targets and changes"),
                 (("10 分钟内完成, 准时开始", "Starts on time, ends within 10 minutes"),
                  ("通报昨日指标和今日话务预测", "Yesterday's figures and today's forecast"),
                  ("讲清新业务、口径变更和易错点", "New business, changed wording and common mistakes"),
                  ("表扬具体行为 (行为-影响-感谢)", "Praise a specific behaviour (behaviour–impact–thanks)")),
                 ("每班开班前", "Before every shift"), ("班前会议程与签到", "Pre-shift agenda and attendance"), None),
    FloorElement("emergency", ("应急管理", "Emergencies"),
                 ("突发事件时按预案分级响应,服务不中断或尽快恢复", "Respond to incidents by level, per the plan; keep or restore service"),
                 (("话务突增有预案: 暂停培训/会议、调用支援、IVR 分流", "A traffic-surge plan: pause training and meetings, call in support, IVR overflow"),
                  ("升级条件、时限和联系人贴在现场", "Escalation triggers, time limits and contacts are posted on the floor"),
                  ("系统故障时有统一解释口径和记录方式", "Agreed wording and logging for system faults"),
                  ("事件结束后 24 小时内复盘", "Review within 24 hours of the end of an incident")),
                 ("事件发生时;预案每半年演练", "When an incident happens; drill the plan every six months"), ("应急事件记录、复盘报告", "Incident log, review report"), "abandonment_rate"),
    FloorElement("morale", ("士气管理", "Morale"),
                 ("及时发现情绪和压力,让员工愿意留下", "Spot stress and mood early, so people want to stay"),
                 (("巡场时关注情绪, 难缠来电后允许短暂缓冲", "Watch moods on the walk; allow a short buffer after a difficult call"),
                  ("每周至少一次公开认可", "Public recognition at least once a week"),
                  ("员工意见有收集渠道并在两周内回复", "Staff suggestions have a channel and get an answer within two weeks"),
                  ("新人入职首月每周一次沟通", "Weekly one-to-one in a new hire's first month")),
                 ("每天巡场;每月一次士气快测", "Every floor walk; a pulse check every month"), ("士气快测表、意见回复记录", "Pulse-check form, suggestion log"), "attrition_rate"),
    FloorElement("process", ("流程管理", "Process compliance"),
                 ("按流程和知识库处理来电,流程问题及时反馈", "Calls handled by the process and knowledge base; process problems fed back"),
                 (("抽听时核对是否按流程处理", "Check process compliance when listening in"),
                  ("转接和升级是否符合升级流程", "Transfers and escalations follow the escalation process"),
                  ("流程或知识库问题当班提交", "Process or knowledge-base problems reported on shift")),
                 ("每班抽听;每周汇总", "Listen-ins every shift; weekly summary"), ("质检记录、流程问题清单", "QA records, process issue list"), "transfer_rate"),
)

#: The monthly morale pulse check (士气快测): five statements scored 1 (disagree) – 5 (agree).
PULSE_QUESTIONS = (
    ("这周我有完成工作所需的信息和工具", "This week I had the information and tools to do my job"),
    ("难缠来电后,我能得到缓冲和支持", "After a difficult call I get a buffer and support"),
    ("最近一周有人认可过我的工作", "Someone recognised my work in the past week"),
    ("我的意见会被听取并得到回复", "My suggestions are heard and answered"),
    ("我会向朋友推荐在这里工作", "I would recommend working here to a friend"),
)


def floor_elements_table(lang: str = "zh") -> pd.DataFrame:
    """The nine elements: name, purpose, what the zone leader checks, frequency, record, KPI (registry name)."""
    k = int(check_lang(lang) == "en")
    sep = ";" if k == 0 else "; "
    rows = [[e.name[k], e.purpose[k], sep.join(c[k] for c in e.checks), e.frequency[k], e.record[k],
             label(e.kpi, lang) if e.kpi else "—"] for e in FLOOR_ELEMENTS]
    head = (["要素", "目的", "区域负责人检查", "频次", "记录", "指标"],
            ["Element", "Purpose", "What the zone leader checks", "Frequency", "Record", "KPI"])[k]
    return pd.DataFrame(rows, columns=head)
