"""Role documents (岗位职责 / 职位说明书) of the seven contact-centre roles, as structured data.

Each :class:`RoleProfile` holds a role's purpose, main duties, KPIs (ids of
:data:`ccskills.kpi.REGISTRY`, so names, formulas and targets come from the registry, never
restated here), qualifications and the role it reports to. The supervisor's duties follow the
article on operating by the numbers (resolve the team's people issues, monitor and coach calls,
train new staff, manage the team's timetable, interview candidates, evaluate performance, hold
team meetings, report to staff and management); the director's duties and qualifications follow
its job advert (design and adjust the centre, set strategy, rules, quality norms and KPIs, steer
training, QA and appraisal, deploy resources and handle emergencies; centre-management experience,
COPC/CC-CMM-type certification, data analysis). The other roles are the kit's worked example.
Role words are the kit's vocabulary (座席, 班组长, 质检员, 排班师, 培训师, 运营主管, 运营总监).

>>> profile("supervisor").reports_to, profile("agent").kpis[0]
('director', 'fcr_rate')
"""

from __future__ import annotations

from dataclasses import dataclass

from .raci import RoleName

__all__ = ["ROLE_NAMES", "RoleProfile", "ROLE_PROFILES", "profile"]

#: The seven roles in the order of the RACI columns, front line first.
ROLE_NAMES = (
    RoleName("agent", "座席", "Agent"),
    RoleName("team_leader", "班组长", "Team leader"),
    RoleName("qa_analyst", "质检员", "QA analyst"),
    RoleName("wfm_analyst", "排班师", "WFM analyst"),
    RoleName("trainer", "培训师", "Trainer"),
    RoleName("supervisor", "运营主管", "Operations supervisor"),
    RoleName("director", "运营总监", "Operations director"),
)


@dataclass(frozen=True)
class RoleProfile:
    """One role's document: purpose, duties and qualifications as (zh, en) pairs, KPI ids, reports-to id."""

    role: RoleName
    purpose: tuple[str, str]
    duties: tuple[tuple[str, str], ...]
    kpis: tuple[str, ...]
    qualifications: tuple[tuple[str, str], ...]
    reports_to: str | None


_R = {r.id: r for r in ROLE_NAMES}

ROLE_PROFILES = (
    RoleProfile(_R["agent"], ("按标准受理客户来电,一次解决客户问题", "Handle customer contacts to standard and resolve them first time"), (
        ("按服务规范受理来电,准确记录工单", "Handle calls to the service standard and log tickets accurately"),
        ("一次解决客户问题,无法解决的按升级流程升级", "Resolve first time; escalate by the escalation process when not possible"),
        ("遵守排班与考勤,按时登录、休息和下线", "Keep to the schedule and attendance rules: log in, break and log out on time"),
        ("话后处理及时完整", "Complete after-call work promptly and fully"),
        ("发现知识库缺漏时提出新建或修改条目", "Propose new or corrected knowledge articles when gaps are found"),
        ("参加班前会、培训与辅导", "Attend pre-shift meetings, training and coaching"),
    ), ("fcr_rate", "csat_top2_box", "qa_score", "schedule_adherence", "avg_acw_s", "attendance_rate"), (
        ("中专或大专及以上学历", "Secondary vocational or college education"),
        ("普通话标准,打字每分钟 40 字以上", "Clear Mandarin; types 40+ characters a minute"),
        ("通过岗前培训结业考核", "Passed the new-hire training sign-off"),
    ), "team_leader"),
    RoleProfile(_R["team_leader"], ("带领班组达成服务、质量与考勤目标", "Lead a team to its service, quality and attendance targets"), (
        ("主持班前会,传达当班重点", "Run the pre-shift meeting and brief the shift's priorities"),
        ("现场巡视,处理一线升级", "Walk the floor and handle first-level escalations"),
        ("根据质检结果对组员辅导", "Coach team members from QA results"),
        ("监督排班遵从与考勤", "Monitor schedule adherence and attendance"),
        ("完成交接班记录", "Complete the shift handover record"),
        ("参与面试与月度绩效考评", "Take part in interviews and the monthly performance evaluation"),
    ), ("fcr_rate", "csat_top2_box", "qa_score", "schedule_adherence", "attendance_rate", "attrition_rate"), (
        ("一年以上座席经验,绩效优良", "A year or more as an agent with good results"),
        ("熟悉业务知识与服务规范", "Knows the products and service standard"),
        ("具备沟通辅导能力", "Able to communicate and coach"),
    ), "supervisor"),
    RoleProfile(_R["qa_analyst"], ("按标准评价服务质量,让评分一致可信", "Assess service quality to a standard, with consistent and credible scores"), (
        ("按抽样方案抽取并评分录音与工单", "Sample and score recordings and tickets by the sampling plan"),
        ("组织并参加质检校准会", "Organise and attend calibration sessions"),
        ("输出质检报表与共性问题分析", "Produce QA reports and an analysis of common faults"),
        ("向班组长反馈个人问题,提出辅导建议", "Feed individual findings back to team leaders with coaching advice"),
        ("审核知识条目的准确性", "Review knowledge articles for accuracy"),
    ), ("qa_score", "csat_top2_box", "fcr_rate", "transfer_rate"), (
        ("一年以上座席经验,业务知识全面", "A year or more as an agent, broad product knowledge"),
        ("熟悉质检评分表与校准方法", "Knows the QA form and calibration methods"),
        ("会用 Excel 做数据统计", "Uses Excel for data analysis"),
    ), "supervisor"),
    RoleProfile(_R["wfm_analyst"], ("让合适的人数在合适的时间在线", "Have the right number of people on line at the right time"), (
        ("预测话务量与处理时长", "Forecast contact volumes and handle times"),
        ("测算各时段所需座席数与排班人数", "Compute required agents and scheduled headcount per interval"),
        ("编制并发布排班表", "Build and publish the schedule"),
        ("实时监控并做日内调整", "Monitor in real time and adjust intraday"),
        ("编制日报并提出招聘需求", "Produce the daily report and raise hiring needs"),
    ), ("service_level", "asa_s", "abandonment_rate", "occupancy", "schedule_adherence", "shrinkage"), (
        ("大专及以上学历,统计或相关专业优先", "College education, statistics or similar preferred"),
        ("熟悉 Erlang C 与排班方法", "Knows Erlang C and scheduling methods"),
        ("熟练使用 Excel 或 Python", "Fluent in Excel or Python"),
    ), "supervisor"),
    RoleProfile(_R["trainer"], ("让新老员工具备上岗所需的知识与技能", "Give new and current staff the knowledge and skills the job needs"), (
        ("设计并实施新员工岗前培训与结业考核", "Design and deliver new-hire training and its sign-off"),
        ("根据质检与绩效结果分析培训需求", "Analyse training needs from QA and performance results"),
        ("组织在岗培训与新业务培训", "Run refresher and new-product training"),
        ("负责知识库:新建、审核、发布与下线", "Own the knowledge base: new, review, publish, retire"),
        ("评估培训效果", "Evaluate training effectiveness"),
    ), ("qa_score", "fcr_rate", "aht_s", "attrition_rate"), (
        ("两年以上呼叫中心经验,业务知识全面", "Two years or more in a contact centre, broad product knowledge"),
        ("具备授课与课程开发能力", "Able to teach and develop courses"),
    ), "supervisor"),
    RoleProfile(_R["supervisor"], ("带领多个班组,达成中心的运营指标", "Lead several teams to the centre's operating targets"), (
        ("直接解决团队成员的人事问题", "Resolve team members' people issues directly"),
        ("监控通话并指导座席", "Monitor calls and coach agents"),
        ("培训新员工", "Train new staff"),
        ("管理团队成员的工作时间表", "Manage the team's timetable"),
        ("面试候选人", "Interview candidates"),
        ("进行绩效评价", "Evaluate performance"),
        ("组织小组会议", "Hold team meetings"),
        ("为工作人员及管理层创建绩效报告", "Produce performance reports for staff and management"),
    ), ("service_level", "abandonment_rate", "fcr_rate", "csat_top2_box", "qa_score", "attendance_rate",
        "attrition_rate", "occupancy"), (
        ("三年以上呼叫中心经验,一年以上班组长经验", "Three years or more in a contact centre, a year or more as team leader"),
        ("熟悉运营指标与排班、质检方法", "Knows the operating KPIs, scheduling and QA methods"),
        ("具备团队管理与沟通协调能力", "Able to manage a team and coordinate"),
    ), "director"),
    RoleProfile(_R["director"], ("设计并经营呼叫中心,达成服务、成本与人员目标", "Design and run the centre to its service, cost and people targets"), (
        ("根据业务模式对运营中心进行总体设计、建设与调整", "Design, build and adjust the centre to the business model"),
        ("制定战略、运营计划、规章制度、质量规范与考核指标", "Set strategy, operating plan, rules, quality norms and KPIs"),
        ("掌握整体运营情况,推动各项指标达成", "Oversee operations and drive the KPIs to target"),
        ("指导培训、质检、绩效考核与员工激励", "Steer training, QA, appraisal and incentives"),
        ("合理安排人力和物力资源,妥善处理突发事件", "Deploy people and equipment; handle emergencies"),
        ("协调相关部门,持续提升客户满意度", "Coordinate other departments and keep raising customer satisfaction"),
    ), ("service_level", "csat_top2_box", "nps", "fcr_rate", "cost_per_contact", "attrition_rate"), (
        ("本科及以上学历", "Bachelor's degree or higher"),
        ("五年以上客服或营销类呼叫中心管理经验", "Five years or more managing service or sales contact centres"),
        ("有 COPC、CC-CMM 等行业认证体系实施经验", "Has implemented industry standards such as COPC or CC-CMM"),
        ("具备较强的数据统计分析与跨部门协调能力", "Strong in data analysis and cross-department coordination"),
    ), None),
)


def profile(role_id: str) -> RoleProfile:
    """The document of ``role_id`` (one of :data:`ROLE_NAMES`' ids), else ValueError."""
    for p in ROLE_PROFILES:
        if p.role.id == role_id:
            return p
    raise ValueError(f"role_id must be one of {[r.id for r in ROLE_NAMES]}, got {role_id!r}")
