"""Floor-management routines for a supervisor (seeds/003: 现场分区管理体系)."""

from ._scales import DONE_SCALE

FLOOR = {
    "key": "floor", "zh": "现场管理例行检查表 (班组长/值班主管用)",
    "en": "Floor-management routine checklist (for team leaders and duty supervisors)",
    "source": "seeds/003 (现场分区管理: 目视、交接班、班前会、应急、士气管理等)",
    "scale": DONE_SCALE,
    "sections": (
        ("visual", "目视管理 Visual management", "Visual management", (
            ("大屏实时显示排队数、服务水平、在线人数", "Wall board shows calls waiting, service level, agents logged in"),
            ("各区域负责人和当班人员一目了然", "Each zone's owner and today's staff are visible at a glance"),
            ("告警阈值 (如排队 > 10 或服务水平 < 70 %) 有颜色提示", "Alert thresholds (e.g. queue > 10, SL < 70 %) change colour"),
        )),
        ("handover", "交接班 Shift handover", "Shift handover", (
            ("交接本班话务、服务水平和未结工单", "Hand over this shift's volume, service level and open tickets"),
            ("交接系统故障、业务变更和重点客户", "Hand over system faults, business changes and key customers"),
            ("交接人员状态 (请假、缺勤、情绪异常)", "Hand over people matters (leave, absence, anyone struggling)"),
            ("双方在交接记录上签字, 记录留档", "Both sign the handover log; the log is kept"),
        )),
        ("briefing", "班前会 Pre-shift meeting", "Pre-shift meeting", (
            ("10 分钟内完成, 准时开始", "Starts on time and takes at most 10 minutes"),
            ("通报昨日指标和今日话务预测", "Shares yesterday's KPIs and today's forecast"),
            ("讲清新业务、口径变更和易错点", "Covers new products, script changes and common errors"),
            ("表扬具体行为 (行为-影响-感谢)", "Praises specific behaviour (behaviour, effect, thanks)"),
        )),
        ("escalation", "应急与问题升级 Emergencies & escalation", "Emergencies & escalation", (
            ("话务突增有预案: 暂停培训/会议、调用支援、IVR 分流", "Surge plan: stop training/meetings, borrow staff, IVR messages"),
            ("升级条件、时限和联系人贴在现场", "Escalation triggers, time limits and contacts are posted on the floor"),
            ("系统故障时有统一解释口径和记录方式", "System outage: one agreed script and a way to log calls"),
            ("事件结束后 24 小时内复盘", "Incidents are reviewed within 24 hours"),
        )),
        ("morale", "士气管理 Morale", "Morale", (
            ("巡场时关注情绪, 难缠来电后允许短暂缓冲", "Watch for strain on walk-rounds; allow a short break after hard calls"),
            ("每周至少一次公开认可", "At least one public recognition a week"),
            ("员工意见有收集渠道并在两周内回复", "Staff suggestions have a channel and get a reply within two weeks"),
            ("新人入职首月每周一次沟通", "New hires get a weekly check-in in their first month"),
        )),
    ),
}
