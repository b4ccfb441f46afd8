"""CC-CMM-style maturity self-check: five domains, each item rated on five maturity levels.

CC-CMM (客户中心能力成熟度模型, CC-CMM 国际标准组织 / 客户世界机构) assesses five domains
(设计与规划、运营与管理、数据与绩效、客户体验、创新与提高; 14 review indicators, 170 check
points in the 2025 CC-CMM-OC edition) and borrows CMM's five levels (initial, repeatable,
defined, managed/predictable, optimising): ucaimi.com/wiki/term/呼叫中心成熟度模型 and
ccmw.net/?p=192486. seeds/002 adds that CC-CMM expects a culture with a core idea, an owner
and continuous improvement, and a management system audited once a year. domain.md has no
CC-CMM entry. The items below are this kit's own questions, not the standard's check points.
"""

from ._scales import MATURITY_SCALE

CC_CMM = {
    "key": "cc_cmm", "zh": "CC-CMM 式成熟度自评 (非官方)", "en": "CC-CMM-style maturity self-check (unofficial)",
    "source": "CC-CMM 五大维度与 CMM 五级 (ucaimi.com, ccmw.net); seeds/002",
    "scale": MATURITY_SCALE,
    "sections": (
        ("design", "设计与规划 Design & planning", "Design & planning", (
            ("中心有成文的核心价值、愿景和使命, 并有专人负责文化建设", "Written values, vision and mission, with an owner for culture"),
            ("有 1–3 年战略经营计划 (客户、人员、流程、成本)", "A 1-3 year business plan (customers, people, process, cost)"),
            ("人力规划与业务量预测挂钩", "Workforce plans follow the volume forecast"),
        )),
        ("operations", "运营与管理 Operations & management", "Operations & management", (
            ("制度、流程、分工成文并被执行", "Rules, processes and roles are written and followed"),
            ("现场管理有固定例行工作 (交接班、班前会、巡场)", "Floor routines are fixed (handover, pre-shift meeting, walk-rounds)"),
            ("管理系统每年审核一次并改进", "The management system is audited yearly and improved"),
        )),
        ("data", "数据与绩效 Data & performance", "Data & performance", (
            ("指标口径成文 (服务水平、放弃率等的定义)", "KPI definitions are written (service level, abandonment, ...)"),
            ("绩效数据按人、按时段可追溯", "Performance data can be traced per agent and interval"),
            ("综合考评公开权重, 并检验排名对权重的敏感度", "Overall evaluation publishes weights and tests rank sensitivity"),
        )),
        ("experience", "客户体验 Customer experience", "Customer experience", (
            ("定期测量满意度/NPS/费力度并回访不满意客户", "CSAT/NPS/effort measured; unhappy customers called back"),
            ("投诉与重复来电按原因分析", "Complaints and repeat calls analysed by cause"),
            ("客户声音进入流程与产品改进", "Voice of the customer feeds process and product changes"),
        )),
        ("improvement", "创新与提高 Innovation & improvement", "Innovation & improvement", (
            ("用 DMAIC 等方法做改进项目, 有立项和结项", "Improvement projects run with DMAIC, opened and closed formally"),
            ("用控制图等工具巩固改进成果", "Gains are held with control charts and similar tools"),
            ("员工建议 (金点子) 有收集、评估和奖励", "Staff ideas are collected, assessed and rewarded"),
        )),
    ),
}
