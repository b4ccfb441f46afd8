"""Escalation (问题升级) with its matrix L1–L4, and cross-department handling (跨部门) with its SLA table.

The escalation steps take their time limits from :data:`ESCALATION_LEVELS`, so the map and the
matrix cannot disagree; the cross-department steps time the other department against
:data:`SLA_ROWS`. Both are the kit's worked example for the simulated e-commerce centre (pre-sales
and after-sales queues): a centre replaces the triggers, authorities and hours with its own.
"""

from __future__ import annotations

from typing import NamedTuple

from ._process_model import Metric, Process, Step

__all__ = ["EscalationLevel", "ESCALATION_LEVELS", "SlaRow", "SLA_ROWS", "ESCALATION", "CROSS_DEPARTMENT"]

MINUTE, HOUR, DAY = 60, 3600, 86400


class EscalationLevel(NamedTuple):
    """One row of the escalation matrix: level, trigger (zh, en), from and to lanes, who is informed,
    response and resolution limits in seconds (None: handled under the crisis plan)."""

    level: str
    trigger_zh: str
    trigger_en: str
    raised_by: str
    handled_by: str
    informed: tuple[str, ...]
    response_s: float
    resolution_s: float | None


ESCALATION_LEVELS = (
    EscalationLevel("L1", "座席权限内无法解决;客户要求找负责人;补偿超出座席权限",
                    "Beyond the agent's authority; the customer asks for a manager; compensation above the agent's limit",
                    "agent", "team_leader", (), 5 * MINUTE, DAY),
    EscalationLevel("L2", "L1 24 小时未解决;7 天内第 3 次来电;补偿超出班组长权限;客户扬言投诉至监管",
                    "L1 unresolved after 24 h; third call in 7 days; compensation above the team leader's limit; "
                    "the customer threatens a regulator complaint",
                    "team_leader", "supervisor", ("qa_analyst",), 30 * MINUTE, 2 * DAY),
    EscalationLevel("L3", "跨部门处理超出 SLA;监管或 12315 投诉;服务水平连续 4 个时段低于 60 %;系统故障超过 15 分钟",
                    "Cross-department handling past its SLA; a regulator or 12315 complaint; service level below 60 % "
                    "for 4 intervals in a row; a system fault over 15 minutes",
                    "supervisor", "director", ("other_department",), HOUR, 3 * DAY),
    EscalationLevel("L4", "媒体曝光或舆情;诉讼风险;大面积故障(影响 1000 名以上客户或超过 2 小时);人身安全",
                    "Media or social-media exposure; legal risk; a major outage (over 1,000 customers or 2 hours); "
                    "personal safety",
                    "director", "management", ("supervisor", "other_department"), HOUR, None),
)


class SlaRow(NamedTuple):
    """One agreement with another department: request type and department (zh, en), response and
    resolution limits in seconds."""

    request_zh: str
    request_en: str
    department_zh: str
    department_en: str
    response_s: float
    resolution_s: float


SLA_ROWS = (
    SlaRow("账务争议与退款", "Billing disputes and refunds", "财务部", "Finance", 4 * HOUR, 3 * DAY),
    SlaRow("物流与配送异常", "Delivery problems", "物流部", "Logistics", 2 * HOUR, 2 * DAY),
    SlaRow("商品质量投诉", "Product quality complaints", "质量部", "Quality department", 4 * HOUR, 5 * DAY),
    SlaRow("网站或系统故障", "Website or system faults", "技术部", "IT", 30 * MINUTE, 8 * HOUR),
    SlaRow("促销活动规则", "Promotion rules", "市场部", "Marketing", 4 * HOUR, DAY),
    SlaRow("超权限赔偿审批", "Compensation above the centre's limit", "客户关系部", "Customer relations",
           4 * HOUR, 2 * DAY),
    SlaRow("系统账号与权限", "System accounts and access", "技术部", "IT", 4 * HOUR, DAY),
    SlaRow("人员招聘需求", "Hiring requests", "人力资源部", "HR department", DAY, 30 * DAY),
)

_L = {lv.level: lv for lv in ESCALATION_LEVELS}

ESCALATION = Process(
    "escalation", "问题升级流程", "Escalation", owner="supervisor", raci_activity="second_level",
    purpose=("明确谁在什么条件下、多长时间内接手客户问题,保证问题处理质量",
             "Say who takes over a customer problem, when and how fast, so problems are handled well"),
    scope=("座席当场无法解决的客户问题、投诉与运营异常,按升级矩阵 L1–L4 处理",
           "Customer problems, complaints and operating incidents the agent cannot settle, by the L1–L4 matrix"),
    suppliers=(("客户", "Customers"), ("座席", "Agents"), ("系统监控", "System monitoring")),
    inputs=(("投诉或问题描述", "Complaint or problem"), ("客户历史与工单", "Customer history and tickets"),
            ("升级矩阵", "Escalation matrix")),
    outputs=(("答复与解决方案", "Answer and resolution"), ("升级记录", "Escalation log"),
             ("根因与改进项", "Root causes and actions")),
    customers=(("客户", "Customers"), ("运营主管", "Operations supervisor"), ("质检员、培训师", "QA analysts, trainers")),
    steps=(
        Step("e0", "客户提出问题或投诉", "Customer raises a problem or complaint", "customer", "start", ("e1",)),
        Step("e1", "座席权限内能解决?", "Within the agent's authority?", "agent", "decision",
             (("e10", "能", "yes"), ("e2", "不能", "no")), activity="first_level"),
        Step("e2", "L1:班组长接手", "L1: team leader takes over", "team_leader", next=("e3",),
             time_limit_s=_L["L1"].response_s, activity="first_level"),
        Step("e3", "24 小时内解决?", "Resolved within 24 h?", "team_leader", "decision",
             (("e8", "是", "yes"), ("e4", "否或重大投诉", "no, or major complaint")), _L["L1"].resolution_s),
        Step("e4", "L2:运营主管处理", "L2: supervisor handles", "supervisor", next=("e5",),
             time_limit_s=_L["L2"].response_s, activity="second_level"),
        Step("e5", "需跨部门或超出权限?", "Needs other departments or more authority?", "supervisor", "decision",
             (("e6", "是", "yes"), ("e8", "否", "no")), _L["L2"].resolution_s),
        Step("e6", "L3:运营总监协调", "L3: director coordinates", "director", "decision",
             (("e7", "危机事件", "crisis"), ("e8", "非危机", "not a crisis")), _L["L3"].response_s),
        Step("e7", "L4:上报管理层,启动危机预案", "L4: report to senior management, crisis plan", "management",
             next=("e8",), time_limit_s=_L["L4"].response_s),
        Step("e8", "答复客户并回访", "Answer and call the customer back", "team_leader", next=("e9",), time_limit_s=DAY),
        Step("e9", "结案,分析根因", "Close and analyse the root cause", "supervisor", "end"),
        Step("e10", "当场解决并记录", "Resolve on the call and log it", "agent", "end"),
    ),
    metrics=(
        Metric("escalation_rate", "升级率", "Escalation rate", "升级至班组长及以上的来电数 ÷ 接通量",
               "calls escalated to a team leader or above ÷ answered calls", "fraction", "lower", 0.03),
        Metric("escalation_response_on_time", "升级按时响应率", "Escalations answered on time",
               "在升级矩阵响应时限内接手的升级数 ÷ 升级总数", "escalations taken over within the matrix's limit ÷ escalations",
               "fraction", "higher", 0.95),
        Metric("repeat_complaint_rate", "重复投诉率", "Repeat complaint rate",
               "7 天内同一客户就同一问题再次投诉的次数 ÷ 投诉总数",
               "complaints repeated by the same customer on the same issue within 7 days ÷ complaints",
               "fraction", "lower", 0.05),
        Metric("csat_top2_box"),
    ),
    review=("每季度复核升级矩阵的触发条件与时限;重大投诉后复盘修订",
            "Triggers and limits reviewed quarterly, and after every major complaint"),
)

CROSS_DEPARTMENT = Process(
    "cross_department", "跨部门协作流程", "Cross-department handling", owner="supervisor",
    raci_activity="ticket_follow_up",
    purpose=("与相关部门约定服务水平协议(SLA),转派问题按时响应、按时解决",
             "Agree SLAs with other departments so that handed-off problems are answered and solved on time"),
    scope=("座席无法处理、须由其他部门处理的客户问题(转派工单),见 SLA 表",
           "Customer problems that other departments must handle (handed-off tickets), per the SLA table"),
    suppliers=(("座席", "Agents"), ("其他部门", "Other departments"), ("工单系统", "Ticketing system")),
    inputs=(("转派工单", "Handed-off ticket"), ("SLA 表", "SLA table"), ("客户期望", "Customer's expectation")),
    outputs=(("处理结果与回访", "Resolution and call-back"), ("SLA 达成报告", "SLA report"),
             ("跨部门改进项", "Cross-department actions")),
    customers=(("客户", "Customers"), ("运营主管、运营总监", "Supervisor, director"), ("其他部门", "Other departments")),
    steps=(
        Step("x0", "客户问题需其他部门处理", "A problem needs another department", "customer", "start", ("x1",)),
        Step("x1", "建转派工单:类别、描述、期望", "Open a ticket: type, details, expectation", "agent",
             next=("x2",), time_limit_s=10 * MINUTE),
        Step("x2", "按类别派单,SLA 开始计时", "Routed by type; the SLA clock starts", "system", next=("x3",)),
        Step("x3", "受理并响应", "Acknowledge and respond", "other_department", next=("x4",)),
        Step("x4", "在解决时限内完成?", "Solved within the limit?", "other_department", "decision",
             (("x6", "是", "yes"), ("x5", "否", "no"))),
        Step("x5", "超时催办,仍超时按矩阵升级", "Chase; escalate by the matrix if still late", "team_leader",
             next=("x3",), time_limit_s=4 * HOUR, activity="ticket_follow_up"),
        Step("x6", "回复结果,关闭工单", "Reply and close the ticket", "other_department", next=("x7",)),
        Step("x7", "回访客户", "Call the customer back", "agent", next=("x8",), time_limit_s=DAY),
        Step("x8", "客户认可?", "Customer satisfied?", "customer", "decision",
             (("x9", "认可", "yes"), ("x1", "不认可,重开", "no, reopen"))),
        Step("x9", "月度 SLA 复盘", "Monthly SLA review", "supervisor", "end"),
    ),
    metrics=(
        Metric("sla_met_rate", "SLA 达成率", "SLA met", "在解决时限内关闭的转派工单数 ÷ 本期关闭的转派工单数",
               "tickets closed within their resolution limit ÷ tickets closed", "fraction", "higher", 0.9),
        Metric("overdue_tickets", "超时未结工单数", "Overdue open tickets", "已超过解决时限仍未关闭的转派工单数",
               "open tickets past their resolution limit", "count", "lower", 0),
        Metric("ticket_reopen_rate", "工单重开率", "Ticket reopen rate", "客户不认可而重开的工单数 ÷ 关闭的工单数",
               "tickets reopened because the customer disagreed ÷ tickets closed", "fraction", "lower", 0.05),
        Metric("fcr_rate"),
    ),
    review=("每半年与各部门复核 SLA;连续两个月未达成时专项复盘",
            "SLAs reviewed with each department every six months, and after two months below target"),
)
