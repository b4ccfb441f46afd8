"""5S operations self-check (seeds/003: structure, staff, support, system, skills)."""

from ._scales import DONE_SCALE

FIVE_S = {
    "key": "five_s", "zh": "5S 运营自查表", "en": "5S operations self-check",
    "source": "seeds/003 (中国移动山东客服中心: 以 5S 为导向的运营管理系统化)",
    "scale": DONE_SCALE,
    "sections": (
        ("structure", "结构 Structure", "Structure", (
            ("组织层级精简, 每位座席都清楚自己的直接上级", "Few layers; every agent knows their direct leader"),
            ("班组规模合理 (每名班组长约 12–18 人)", "Team spans are sensible (about 12-18 agents per leader)"),
            ("管理制度定期复盘, 过时条款及时废止", "Rules are reviewed regularly; obsolete ones are retired"),
            ("上下级、部门间有固定的沟通机制 (例会、通报)", "Fixed channels up, down and across (meetings, bulletins)"),
        )),
        ("staff", "人员 Staff", "Staff", (
            ("每位座席每月至少一次一对一辅导", "Every agent gets at least one 1:1 coaching a month"),
            ("新人有带教师傅和过渡期目标", "New hires have a buddy and ramp-up targets"),
            ("每人的绩效、质检、出勤数据本人可以查看", "Each agent can see their own KPI, QA and attendance data"),
            ("离职面谈有记录并按原因汇总", "Exit interviews are recorded and summarised by reason"),
        )),
        ("support", "支持 Support", "Support", (
            ("现场有明确的求助渠道 (举手、组长席、在线群)", "Clear ways to get help on the floor (hand, leader desk, chat)"),
            ("班组之间可以临时借调支援高峰", "Teams lend agents to each other at peaks"),
            ("质检、培训、排班对一线的支持有服务承诺", "QA, training and WFM have service commitments to the floor"),
            ("优秀做法在班组间定期分享", "Good practice is shared between teams regularly"),
        )),
        ("system", "流程 System", "System", (
            ("核心业务流程成文, 与实际做法一致", "Core processes are written and match practice"),
            ("跨部门工单有时限和责任人", "Cross-department tickets have deadlines and owners"),
            ("流程变更先培训后上线", "Process changes are trained before going live"),
            ("流程问题有反馈入口并定期处理", "There is a channel for process problems, handled regularly"),
        )),
        ("skills", "技能 Skills", "Skills", (
            ("管理人员接受过辅导与沟通技能培训", "Leaders are trained in coaching and communication"),
            ("管理人员会读报表并能用数据说明问题", "Leaders read reports and explain problems with data"),
            ("既看整体指标, 也看个人与时段 (点面结合)", "Leaders look at totals and at people and intervals"),
            ("每位管理人员有年度能力提升计划", "Each leader has a yearly development plan"),
        )),
    ),
}
