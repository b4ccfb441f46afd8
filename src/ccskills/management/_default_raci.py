"""The kit's default RACI matrix: the main processes of a contact centre × the seven roles.

The processes are those of the operating-system catalogue (建制度、理流程、明分工: recruitment,
training, reporting, knowledge management, escalation, cross-department) plus scheduling,
QA & calibration, floor management and performance evaluation; the supervisor's duties follow
the article on operating by the numbers (interview candidates, train new staff, manage the
team's timetable, monitor and coach calls, evaluate performance, report to management), the
director's its job advert (design the centre, set rules and KPIs, handle emergencies).
It is a worked example to adapt, and it passes :meth:`RaciMatrix.check` with no problem.
"""

from __future__ import annotations

from .raci import Activity, RaciMatrix
from .roles import ROLE_NAMES

__all__ = ["PROCESSES", "default_raci"]

#: Process id → (zh, en).
PROCESSES = {
    "recruitment": ("招聘", "Recruitment"),
    "training": ("培训", "Training"),
    "scheduling": ("排班", "Scheduling (WFM)"),
    "quality": ("质检与校准", "QA & calibration"),
    "reporting": ("报表", "Reporting"),
    "knowledge": ("知识管理", "Knowledge management"),
    "escalation": ("问题升级", "Escalation"),
    "cross_department": ("跨部门协作", "Cross-department SLA"),
    "floor": ("现场管理", "Floor management"),
    "performance": ("绩效考评", "Performance evaluation"),
}

# (process, activity id, zh, en, {role: code}); roles: agent, team_leader, qa_analyst,
# wfm_analyst, trainer, supervisor, director.
_ROWS = (
    ("recruitment", "hiring_need", "提出招聘需求(人数与到岗时间)", "Raise the hiring need (headcount, start dates)",
     {"wfm_analyst": "R", "supervisor": "R", "director": "A", "trainer": "I"}),
    ("recruitment", "interview", "面试与录用", "Interview and hire",
     {"team_leader": "R", "trainer": "C", "supervisor": "A", "director": "I"}),
    ("training", "new_hire_training", "新员工岗前培训与结业考核", "New-hire training and sign-off",
     {"trainer": "R", "team_leader": "C", "qa_analyst": "C", "supervisor": "A"}),
    ("training", "training_needs", "在岗辅导与培训需求分析", "Coaching and training-needs analysis",
     {"team_leader": "R", "trainer": "R/A", "qa_analyst": "C", "supervisor": "I"}),
    ("scheduling", "forecast", "话务预测与人力需求测算", "Forecast and staffing requirement",
     {"wfm_analyst": "R", "supervisor": "A", "director": "I"}),
    ("scheduling", "schedule", "排班与发布", "Build and publish the schedule",
     {"wfm_analyst": "R", "team_leader": "C", "supervisor": "A", "agent": "I"}),
    ("scheduling", "intraday", "实时监控与日内调整", "Intraday monitoring and adjustment",
     {"wfm_analyst": "R", "team_leader": "R", "supervisor": "A", "agent": "I"}),
    ("quality", "qa_scoring", "抽样与评分", "Sample and score contacts",
     {"qa_analyst": "R", "supervisor": "A", "team_leader": "I", "agent": "I"}),
    ("quality", "calibration", "质检校准会", "Calibration session",
     {"qa_analyst": "R", "team_leader": "R", "trainer": "C", "supervisor": "A"}),
    ("quality", "qa_feedback", "质检结果反馈与辅导", "QA feedback and coaching",
     {"team_leader": "R", "qa_analyst": "C", "supervisor": "A", "agent": "I"}),
    ("reporting", "daily_report", "日报", "Daily report",
     {"wfm_analyst": "R", "supervisor": "A", "team_leader": "I"}),
    ("reporting", "monthly_report", "月报与经营分析", "Monthly report and business review",
     {"supervisor": "R", "wfm_analyst": "R", "qa_analyst": "C", "director": "A"}),
    ("knowledge", "article_new", "新建或修改知识条目", "Draft a new or changed article",
     {"agent": "R", "team_leader": "C", "trainer": "A"}),
    ("knowledge", "article_review", "知识条目审核", "Review an article",
     {"qa_analyst": "R", "supervisor": "C", "trainer": "A"}),
    ("knowledge", "article_publish", "知识条目发布与通知", "Publish and announce an article",
     {"trainer": "R/A", "agent": "I", "team_leader": "I", "qa_analyst": "I"}),
    ("knowledge", "article_retire", "过期知识条目下线", "Retire an outdated article",
     {"trainer": "R/A", "qa_analyst": "C", "agent": "I"}),
    ("escalation", "first_level", "一线升级(座席→班组长)", "First-level escalation (agent → team leader)",
     {"agent": "R", "team_leader": "A"}),
    ("escalation", "second_level", "二级升级与重大投诉", "Second-level escalation and major complaints",
     {"team_leader": "R", "qa_analyst": "C", "supervisor": "A", "director": "I"}),
    ("cross_department", "sla_agreement", "与相关部门约定服务水平协议(SLA)", "Agree SLAs with other departments",
     {"supervisor": "R", "director": "A"}),
    ("cross_department", "ticket_follow_up", "转派工单跟踪与超时催办", "Track handed-off tickets, chase overdue ones",
     {"team_leader": "R", "supervisor": "A", "agent": "I"}),
    ("floor", "pre_shift", "班前会", "Pre-shift meeting",
     {"team_leader": "R", "supervisor": "A", "agent": "I"}),
    ("floor", "handover", "交接班", "Shift handover",
     {"team_leader": "R/A", "supervisor": "I"}),
    ("floor", "emergency", "启动应急预案", "Invoke the emergency plan",
     {"supervisor": "R", "team_leader": "R", "wfm_analyst": "R", "director": "A", "agent": "I"}),
    ("performance", "monthly_evaluation", "月度绩效考评", "Monthly performance evaluation",
     {"team_leader": "R", "qa_analyst": "C", "wfm_analyst": "C", "supervisor": "A", "agent": "I"}),
    ("performance", "annual_targets", "年度指标与目标设定", "Set the annual KPIs and targets",
     {"supervisor": "R", "wfm_analyst": "C", "qa_analyst": "C", "director": "A"}),
)


def default_raci() -> RaciMatrix:
    """The kit's worked-example matrix: 25 activities of 10 processes × 7 roles.

    >>> m = default_raci()
    >>> len(m.activities), len(m.roles), m.check()
    (25, 7, ())
    >>> m.code("handover", "team_leader"), m.holders("emergency", "A")
    ('R/A', ('director',))
    """
    activities = [Activity(aid, zh, en, *PROCESSES[process]) for process, aid, zh, en, _ in _ROWS]
    return RaciMatrix(activities, ROLE_NAMES, {aid: cells for _, aid, _, _, cells in _ROWS})
