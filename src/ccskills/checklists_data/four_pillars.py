"""Operating-model self-check on the four pillars of seeds/000: 建制度、理流程、明分工、重效率."""

from ._scales import DONE_SCALE

FOUR_PILLARS = {
    "key": "four_pillars", "zh": "四大支柱自查表 (建制度、理流程、明分工、重效率)",
    "en": "Four pillars self-check (rules, processes, roles, efficiency)",
    "source": "seeds/000 (客服运营管理模式: 建制度、理流程、明分工、重效率)",
    "scale": DONE_SCALE,
    "sections": (
        ("rules", "建制度 Rules", "Rules", (
            ("产能管理制度: 有人均产能目标及考核方式", "Capacity rules: per-agent output targets and how they count"),
            ("品质管理制度: 质检评分表、致命错误和抽样规则成文", "Quality rules: scorecard, critical errors and sampling written down"),
            ("受话管理制度: 接听规范、示忙/小休规则明确", "Call-handling rules: answering standards, not-ready and break rules"),
            ("考勤管理制度: 迟到、缺勤、请假、调班规则明确", "Attendance rules: lateness, absence, leave and shift swaps"),
            ("业务考核制度: 定期业务测试及补考规则", "Business-knowledge assessment: regular tests and retakes"),
            ("综合考评制度: 指标、权重、归一化方法公开", "Overall evaluation: KPIs, weights and normalisation published"),
        )),
        ("processes", "理流程 Processes", "Processes", (
            ("招聘流程: 渠道、面试标准、录用和试岗", "Recruitment: sources, interview standard, offer and trial"),
            ("培训流程: 岗前、认证、在岗、提升四层", "Training: pre-job, certification, on-the-job, development"),
            ("报表流程: 日报、周报、月报的口径与发送时间", "Reporting: definitions and send times of daily/weekly/monthly reports"),
            ("知识管理流程: 新增、审核、发布、下线", "Knowledge: add, review, publish, retire"),
            ("整体工作量化评定方案成文并按期执行", "Workload-quantification scheme written and run on schedule"),
            ("问题升级流程: 升级条件、时限、责任人", "Escalation: triggers, time limits, owners"),
            ("与相关部门的处理流程和时限协议", "Hand-offs with other departments and their time limits"),
        )),
        ("roles", "明分工 Roles", "Roles", (
            ("每个岗位有岗位职责文档", "Each role has a responsibilities document"),
            ("每个岗位有职位说明书 (任职要求、考核指标)", "Each role has a job description (requirements, KPIs)"),
            ("关键操作有操作手册, 隐性经验被写下来", "Key tasks have manuals; tacit know-how is written down"),
            ("岗位之间的边界清楚, 没有无人负责的事", "Boundaries are clear; nothing is nobody's job"),
        )),
        ("efficiency", "重效率 Efficiency", "Efficiency", (
            ("系统平台 (ACD、CTI、CRM、知识库) 满足业务, 有优化计划", "Platform (ACD, CTI, CRM, knowledge base) fits; improvement plan exists"),
            ("分工机制减少等待和重复劳动", "Division of labour removes waiting and rework"),
            ("排班规范: 按时段预测和需求测算排班", "Scheduling standard: schedules from interval forecasts and requirements"),
            ("效率指标 (占用率、排班满足率) 每周复盘", "Efficiency KPIs (occupancy, schedule fill) reviewed weekly"),
        )),
    ),
}
