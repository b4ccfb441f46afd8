"""Data of the management-system templates (管理体系): objective groups, audit items, requirement
lines, the supervisor's rights and duties, and the worked example's inputs.

Sources: seeds/002 (中心文化 = 核心价值/愿景/使命; four groups of strategic objectives; the
management system in three parts 运作模式 / 战略经营计划 / 绩效评审和提高方法 with DMAIC; the yearly
audit of CC-CMM; the supervisor's duties and rights; 数字化管理小组/专员 and the systems PBX, ACD,
IVR, CTI, CRM) and seeds/000 (硬效率—系统建设: choosing, buying and commissioning a platform).
Every text is a (zh, en) pair. Judgement inputs of the worked example (audit scores, vendor
scores, targets) are stated here as inputs; everything computed from them is computed.
"""

from __future__ import annotations

#: The four groups of strategic objectives (seeds/002): id → (zh, en).
OBJECTIVE_GROUPS = {
    "customer": ("客户", "Customer"),
    "financial": ("财务", "Financial"),
    "internal": ("内部运营", "Internal operations"),
    "people": ("员工成长", "People"),
}

#: Registry KPI id → objective group. Every registry KPI with a direction (better higher or lower)
#: is in exactly one group; pure counts (offered, answered…) are not objectives.
KPI_GROUPS = {
    **dict.fromkeys(("answer_rate", "abandonment_rate", "abandonment_rate_excl_short", "blocked_rate",
                     "service_level", "asa_s", "avg_queue_time_s", "fcr_rate", "csat_top2_box", "nps",
                     "ces"), "customer"),
    **dict.fromkeys(("cost_per_contact", "cost_per_productive_hour"), "financial"),
    **dict.fromkeys(("transfer_rate", "qa_score", "avg_talk_s", "avg_hold_s", "avg_acw_s", "aht_s",
                     "occupancy", "utilisation", "shrinkage", "schedule_adherence"), "internal"),
    **dict.fromkeys(("attendance_rate", "attrition_rate"), "people"),
}

#: The worked example's objectives: (group, KPI id, objective zh, objective en, target, owner role id).
#: A target of None takes the registry's target; the others are the example centre's choices:
#: cost per contact 5 % below the baseline, transfers down to 6 %, attendance up to 97 % (the
#: registry's 95 % is already met) and attrition down to 40 % a year (no registry target).
OBJECTIVES = (
    ("customer", "service_level", "20 秒内接起八成来话", "Answer 80 % of calls within 20 s", None, "supervisor"),
    ("customer", "csat_top2_box", "客户满意度提升到 85 %", "Raise CSAT (top-2 box) to 85 %", None, "supervisor"),
    ("customer", "nps", "净推荐值提升到 30", "Raise NPS to 30", None, "qa_analyst"),
    ("financial", "cost_per_contact", "单呼成本下降 5 %", "Cut cost per contact by 5 %", "minus_5_percent", "director"),
    ("internal", "shrinkage", "损耗率降到 30 %", "Bring shrinkage down to 30 %", None, "wfm_analyst"),
    ("internal", "transfer_rate", "转接率降到 6 %", "Bring transfers down to 6 %", 0.06, "trainer"),
    ("people", "attendance_rate", "出勤率提升到 97 %", "Raise attendance to 97 %", 0.97, "team_leader"),
    ("people", "attrition_rate", "年化流失率降到 40 %", "Annual attrition down to 40 %", 0.40, "director"),
)

#: Scores of the audit: 0–3 with their meaning.
AUDIT_SCALE = {
    0: ("没有", "Absent"),
    1: ("有，但不完整或未执行", "Exists, incomplete or not applied"),
    2: ("已执行，有证据", "Applied, with evidence"),
    3: ("已执行、有证据并持续改进", "Applied, evidenced and improved"),
}
#: The parts of the audit in order: culture and the three parts of the management system.
AUDIT_PARTS = {
    "culture": ("中心文化", "Culture"),
    "operating_model": ("运作模式", "Operating model"),
    "strategic_plan": ("战略经营计划", "Strategic operating plan"),
    "review": ("绩效评审和提高方法", "Performance review and improvement"),
}
#: Audit items: (id, part, item zh, item en, evidence zh, evidence en, weight, example score).
AUDIT_ITEMS = (
    ("C1", "culture", "核心价值成文并公开", "Core values written and published",
     "核心价值文本；员工手册或现场张贴", "Text of the core values; staff handbook or floor display", 2, 2),
    ("C2", "culture", "愿景包含服务质量、顾客满意度和成本", "Vision covers service quality, satisfaction and cost",
     "愿景文本", "Text of the vision", 1, 1),
    ("C3", "culture", "使命说明中心存在的理由", "Mission states why the centre exists",
     "使命文本", "Text of the mission", 1, 2),
    ("C4", "culture", "文化有专人负责、有持续改进机制", "Someone owns the culture; it is improved yearly",
     "负责人任命；年度文化活动计划与复盘记录", "Owner's appointment; yearly culture plan and its review", 2, 1),
    ("C5", "culture", "员工理解并能说出核心价值", "Staff understand and can state the core values",
     "随机访谈 5 名座席的记录", "Notes of interviews with 5 agents picked at random", 1, 1),
    ("O1", "operating_model", "组织架构、岗位职责和职位说明书现行有效", "Organisation chart, duties and job descriptions are current",
     "组织架构图、岗位职责文档、职位说明书（含版本日期）", "Chart, duty documents, job descriptions (with version dates)", 2, 3),
    ("O2", "operating_model", "服务对象、渠道和业务范围定义清楚", "Customers served, channels and scope are defined",
     "服务目录或业务范围说明", "Service catalogue or scope statement", 1, 2),
    ("O3", "operating_model", "主要流程有流程图、负责人和时限", "Main processes have maps, owners and time limits",
     "流程清单；RACI 矩阵（每项活动恰好一个 A）", "Process list; RACI matrix (exactly one A per activity)", 3, 2),
    ("O4", "operating_model", "日常运营让数据说话（平衡计分卡、六西格玛等）", "Daily management runs on data (balanced scorecard, Six Sigma)",
     "日报、周报、月报样本；指标口径表", "Sample daily, weekly, monthly reports; KPI definitions", 2, 2),
    ("O5", "operating_model", "系统平台满足运营需要并有优化计划", "Platforms meet operating needs and have an improvement plan",
     "系统清单、需求清单、故障与优化记录", "Systems list, requirement checklist, incident and improvement log", 1, 1),
    ("S1", "strategic_plan", "有市场趋势和竞争地位分析", "Market trends and competitive position analysed",
     "年度分析报告", "Yearly analysis report", 1, 1),
    ("S2", "strategic_plan", "四类战略目标各有 KPI、基线、目标和负责人", "Each of the four objective groups has KPIs, baseline, target and owner",
     "年度运营计划：战略目标表", "Annual operating plan: objectives sheet", 3, 2),
    ("S3", "strategic_plan", "人员配备由话务预测算出（月度 FTE）", "Staffing is computed from the volume forecast (monthly FTE)",
     "年度运营计划：月度人力计划；招聘计划", "Annual operating plan: monthly FTE sheet; hiring plan", 3, 2),
    ("S4", "strategic_plan", "服务对象的绩效指标有统一口径", "Performance measures for customers have one definition each",
     "指标口径表（与指标库一致）", "KPI definition table (matching the registry)", 2, 3),
    ("S5", "strategic_plan", "主要流程和负责人写进计划", "Main processes and their owners are named in the plan",
     "计划中的流程负责人清单", "List of process owners in the plan", 1, 2),
    ("P1", "review", "每季度评审经营计划完成度", "Plan achievement is reviewed every quarter",
     "季度评审纪要；里程碑达成表", "Quarterly review minutes; milestone table", 3, 1),
    ("P2", "review", "用 DMAIC 开展改进项目，有立项与结项", "Improvement projects run with DMAIC, opened and closed",
     "项目章程；控制图；结项报告", "Project charters; control charts; close-out reports", 2, 2),
    ("P3", "review", "数字化管理专员每天分析报表并推动行动", "A digital-management analyst reads the reports daily and drives actions",
     "日报；行动跟踪表", "Daily reports; action log", 2, 2),
    ("P4", "review", "改进成果固化到制度与流程", "Improvements are written into rules and processes",
     "制度、流程的修订记录", "Revision history of rules and processes", 2, 1),
    ("P5", "review", "管理体系每年审核一次，问题有整改计划", "The management system is audited yearly with an action plan",
     "上年审核报告；整改跟踪表", "Last year's audit report; action tracker", 2, 0),
)
#: Rating of an audit's weighted score (fraction of the points): (lower bound, zh, en), best first.
AUDIT_RATINGS = ((0.8, "良好", "Good"), (0.6, "基本具备", "Adequate"), (0.0, "需改进", "Needs improvement"))

#: Priorities of a requirement (MoSCoW without "won't"): id → (zh, en, default weight).
PRIORITIES = {"must": ("必须", "Must", 3), "should": ("应该", "Should", 2), "could": ("可以", "Could", 1)}
#: Vendor scores per requirement, 0–3.
VENDOR_SCALE = {
    0: ("不支持", "Not supported"),
    1: ("需二次开发", "Needs custom development"),
    2: ("配置可实现", "By configuration"),
    3: ("标准功能", "Out of the box"),
}
#: A vendor fails a "must" requirement it scores below this (0 = not supported).
MUST_MINIMUM = 1
#: Platform modules of the checklist: id → (zh, en).
MODULES = {
    "ACD": ("自动呼叫分配 ACD", "Automatic call distribution (ACD)"),
    "IVR": ("交互式语音应答 IVR", "Interactive voice response (IVR)"),
    "CTI": ("计算机电话集成 CTI", "Computer telephony integration (CTI)"),
    "CRM": ("客户关系管理 CRM", "Customer relationship management (CRM)"),
    "WFM": ("劳动力管理 WFM", "Workforce management (WFM)"),
    "QA": ("质检与录音 QA/recording", "Quality assurance and recording"),
    "RPT": ("报表 reporting", "Reporting"),
}
#: Example vendors' names (zh, en).
VENDORS = (("供应商甲", "Vendor A"), ("供应商乙", "Vendor B"), ("供应商丙", "Vendor C"))
#: Requirement lines: (id, module, requirement zh, requirement en, priority, example scores of the vendors).
REQUIREMENTS = (
    ("ACD1", "ACD", "按技能和优先级路由排队", "Skills- and priority-based routing", "must", (3, 3, 3)),
    ("ACD2", "ACD", "排队时可预约回拨 (callback)", "Queue callback", "should", (2, 3, 1)),
    ("ACD3", "ACD", "实时队列监控：来话、等待、座席状态", "Real-time queue view: calls, waits, agent states", "must", (3, 3, 2)),
    ("IVR1", "IVR", "业务人员可视化配置菜单", "Business users edit menus visually", "should", (2, 3, 2)),
    ("IVR2", "IVR", "自助查询，任何一层可转人工", "Self-service with a way to an agent at every level", "must", (3, 3, 3)),
    ("IVR3", "IVR", "语音识别导航", "Speech-recognition navigation", "could", (1, 3, 0)),
    ("CTI1", "CTI", "来电弹屏：客户资料和历史工单", "Screen pop: customer record and past tickets", "must", (3, 3, 2)),
    ("CTI2", "CTI", "座席状态（示闲、示忙、话后处理）与原因码", "Agent states (ready, not ready, ACW) with reason codes", "must", (3, 3, 3)),
    ("CRM1", "CRM", "工单创建、流转、升级，含 SLA 计时", "Tickets: create, route, escalate, SLA clock", "must", (2, 3, 2)),
    ("CRM2", "CRM", "知识库：检索、版本、失效", "Knowledge base: search, versions, retirement", "should", (2, 2, 1)),
    ("CRM3", "CRM", "客户 360 视图（多渠道历史）", "Customer 360 view (history across channels)", "should", (1, 3, 1)),
    ("WFM1", "WFM", "15 分钟话务预测与 Erlang 人力计算", "15-minute volume forecast and Erlang staffing", "must", (2, 0, 2)),
    ("WFM2", "WFM", "排班与实时遵从度 (adherence)", "Scheduling and real-time adherence", "should", (2, 1, 2)),
    ("WFM3", "WFM", "假期、调休与自助换班", "Leave, make-up days and shift swaps", "could", (1, 1, 2)),
    ("QA1", "QA", "全程录音与检索（保存至少 6 个月）", "Full recording with search (kept at least 6 months)", "must", (3, 3, 3)),
    ("QA2", "QA", "质检评分表配置与抽样", "Configurable QA forms and sampling", "should", (2, 2, 3)),
    ("QA3", "QA", "语音转写与关键词质检", "Speech-to-text and keyword QA", "could", (1, 3, 2)),
    ("RPT1", "RPT", "指标口径可配置（服务水平定义、T 秒、短时放弃）", "Configurable KPI definitions (service level, T, short abandons)", "must", (3, 2, 2)),
    ("RPT2", "RPT", "日报、周报、月报自动生成与订阅", "Daily, weekly, monthly reports generated and sent", "should", (2, 3, 2)),
    ("RPT3", "RPT", "原始明细导出（通话明细、座席状态）", "Raw exports (call records, agent states)", "must", (3, 2, 3)),
)

#: The supervisor's rights (seeds/002 运营主管的基本权利), as a team charter writes them.
RIGHTS = (
    ("即使意见不同，也有权在情感上支持团队成员", "To support team members emotionally even when we disagree"),
    ("可以批评想法，不批评人", "To criticise an idea, never a person"),
    ("有权说出自己的想法，不论他人是否赞同", "To speak our mind whether or not others agree"),
    ("冲突总会发生，我们从冲突中学习", "Conflict will happen; we learn from it"),
    ("期待新成员加入，并一起处理冲突", "To expect new members to join and to deal with conflict"),
    ("期待每位成员深度参与", "To expect every member to take part fully"),
    ("人人平等：没有谁的想法更重要，都接受同样的检验", "Everyone is equal: no idea counts more; all face the same test"),
    ("团队内部不讲职位和头衔的“权力”", "No power of rank or title inside the team"),
    ("有权表达自己的感受，不由别人规定“应该”怎样感受", "To express our feelings, not be told what we 'should' feel"),
    ("改进需要时间，我们有偶尔犯错的权利", "Change takes time; we have the right to make mistakes now and then"),
    ("合作有隐患：不让一成不变的合作压制个性、进步、多样性和变化",
     "Collaboration has hazards: routine agreement must not stifle individuality, progress, diversity and change"),
)
#: The supervisor's duties (seeds/002 运营主管的职责).
DUTIES = (
    ("直接解决团队成员的人事问题", "Resolve team members' personnel issues directly"),
    ("监听通话并辅导座席", "Monitor calls and coach agents"),
    ("培训新员工", "Train new staff"),
    ("管理团队成员的工作时间表", "Manage the team's schedules"),
    ("面试候选人", "Interview candidates"),
    ("进行绩效评价", "Carry out performance reviews"),
    ("组织小组会议", "Run team meetings"),
    ("为员工和管理层编写绩效报告", "Write performance reports for staff and management"),
)
#: Meeting rhythm of a team: (meeting zh, en, frequency zh, en, minutes, content zh, en).
MEETINGS = (
    ("班前会", "Pre-shift briefing", "每班", "Every shift", 10,
     "昨日指标、今日重点、业务变更", "Yesterday's figures, today's focus, business changes"),
    ("班组周会", "Weekly team meeting", "每周", "Weekly", 45,
     "周报、质检案例、改进行动", "Weekly report, QA cases, improvement actions"),
    ("一对一辅导", "One-to-one coaching", "每人每月", "Monthly per agent", 30,
     "个人指标、录音回听、GROW 辅导", "Personal figures, call review, GROW coaching"),
    ("月度绩效评审", "Monthly performance review", "每月", "Monthly", 60,
     "月报对照目标、综合考评", "Monthly report against targets, composite evaluation"),
    ("季度计划评审", "Quarterly plan review", "每季度", "Quarterly", 90,
     "年度运营计划里程碑达成", "Annual operating plan milestones"),
)
#: Decision rules of the charter.
DECISION_RULES = (
    ("先看数据：用指标库的口径和套件算出的数字讨论", "Data first: discuss with the registry's definitions and the kit's figures"),
    ("先求共识；30 分钟内达不成共识，由班组长听取意见后决定并说明理由",
     "Seek consensus; if none within 30 minutes, the team leader decides after hearing everyone and says why"),
    ("影响排班、考评和制度的决定报运营主管批准", "Decisions touching schedules, evaluation or rules go to the supervisor"),
    ("决定写进会议纪要：做什么、谁负责、何时完成", "Decisions are minuted: what, who, by when"),
)
#: Conflict rules of the charter.
CONFLICT_RULES = (
    ("对事不对人：批评想法，不批评人", "Issues, not people: criticise ideas, not persons"),
    ("先当面沟通，24 小时内没解决再找班组长", "Talk directly first; after 24 hours unresolved, go to the team leader"),
    ("班组长调解不成，升级到运营主管（见问题升级流程）", "If the team leader cannot settle it, escalate to the supervisor"),
    ("事后复盘：冲突里学到了什么，写进周会纪要", "Afterwards, review what the conflict taught us, in the weekly minutes"),
)
#: The team charter's KPIs (registry ids), computed for the example team.
CHARTER_KPIS = ("aht_s", "fcr_rate", "csat_top2_box", "transfer_rate", "attendance_rate")
#: The example team of the charter (datasets/agents.csv).
CHARTER_TEAM = "A1"

#: Culture (seeds/002): part id → (zh, en, definition zh, definition en, example (zh, en)).
CULTURE = {
    "values": ("核心价值", "Core values",
               "指导员工日常工作中所作决定和行动的基础原则", "The principles behind everyday decisions and actions",
               ("诺德斯特龙百货：“顾客服务至上”", "Nordstrom: “customer service above all”")),
    "vision": ("愿景", "Vision",
               "中心未来的长期发展方向，要包含服务质量、顾客满意度和成本，能激励员工一起行动",
               "The long-term direction; covers service quality, satisfaction and cost, and rallies staff",
               ("“成为全球行业的服务标准”", "“To be the service standard of the industry worldwide”")),
    "mission": ("使命", "Mission",
                "中心存在的原因和应该做的事情", "Why the centre exists and what it should do",
                ("“为客户提供最佳服务体验”", "“To give customers the best service experience”")),
}
#: The worked example's drafts for the simulated centre.
CULTURE_EXAMPLE = {
    "values": ("一次解决、说到做到、彼此尊重", "Solve it once, do what we say, respect each other"),
    "vision": ("三年内成为集团里客户最愿意打来的服务热线：满意度 85 % 以上、单呼成本行业中位以下",
               "Within three years, the hotline customers most like to call: CSAT above 85 %, cost per contact below the industry median"),
    "mission": ("让每一位来电客户一次把事情办好，让每一位座席在这里成长",
                "Get every caller's matter done in one contact, and let every agent grow here"),
}
