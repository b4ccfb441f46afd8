"""Operating processes: reporting (报表), knowledge management (知识管理) and business change (业务管理).

Reporting is the daily → weekly → monthly report flow of the catalogue's 报表流程规范 (the daily
report shows the registry's service level and abandonment rate; the monthly report feeds the
director's business review). Knowledge management is an article's lifecycle: new → review →
publish → in use → periodic review → retire, with the metrics that keep a knowledge base alive.
Business change rolls a new product or policy out to the floor: impact, staffing, articles,
training to 100 % coverage, launch, first-week follow-up.
"""

from __future__ import annotations

from ._process_model import Metric, Process, Step

__all__ = ["REPORTING", "KNOWLEDGE", "BUSINESS_CHANGE"]

MINUTE, HOUR, DAY = 60, 3600, 86400

REPORTING = Process(
    "reporting", "报表流程", "Reporting", owner="supervisor", raci_activity="daily_report",
    purpose=("按时发布准确的日报、周报和月报,让管理者用数据运营", "Publish accurate daily, weekly and monthly reports on time"),
    scope=("中心全部运营报表:日报(次日 09:30 前)、周报(周一)、月报(次月 3 个工作日内)",
           "All operating reports: daily (by 09:30 next day), weekly (Mondays), monthly (within 3 working days)"),
    suppliers=(("系统:ACD、CRM、质检、排班", "Systems: ACD, CRM, QA, WFM"), ("质检员", "QA analysts"),
               ("班组长(异常说明)", "Team leaders (exception notes)")),
    inputs=(("话务与座席状态数据", "Call and agent-state data"), ("质检评分", "QA scores"),
            ("排班与考勤", "Schedules and attendance"), ("指标定义(指标库)", "Indicator definitions (the registry)")),
    outputs=(("日报、周报、月报", "Daily, weekly and monthly reports"), ("异常说明与改进项", "Exceptions and actions"),
             ("经营分析", "Business review")),
    customers=(("运营主管、班组长", "Supervisor and team leaders"), ("运营总监", "Operations director"),
               ("相关部门", "Other departments")),
    steps=(
        Step("p0", "系统日终生成数据", "Systems close the day's data", "system", "start", ("p1",)),
        Step("p1", "提取数据", "Extract the data", "wfm_analyst", next=("p2",), time_limit_s=HOUR,
             activity="daily_report"),
        Step("p2", "数据完整且与 ACD 一致?", "Complete and matching the ACD?", "wfm_analyst", "decision",
             (("p4", "是", "yes"), ("p3", "否", "no"))),
        Step("p3", "查明原因,补数或标注", "Find the cause, fill or flag the gap", "wfm_analyst", next=("p1",),
             time_limit_s=2 * HOUR),
        Step("p4", "编制日报:服务水平、放弃率等", "Build the daily report: service level, abandonment …",
             "wfm_analyst", next=("p5",), time_limit_s=HOUR, activity="daily_report"),
        Step("p5", "审核并发布日报", "Review and publish the daily report", "supervisor", next=("p6",),
             time_limit_s=30 * MINUTE, activity="daily_report"),
        Step("p6", "周末或月末?", "End of week or month?", "wfm_analyst", "decision",
             (("p7", "周末", "week end"), ("p8", "月末", "month end"), ("p10", "否", "neither"))),
        Step("p7", "编制周报:趋势与异常", "Weekly report: trends and exceptions", "wfm_analyst", next=("p10",),
             time_limit_s=DAY),
        Step("p8", "编制月报与经营分析", "Monthly report and business review", "wfm_analyst", next=("p9",),
             time_limit_s=3 * DAY, activity="monthly_report"),
        Step("p9", "月度经营分析会,批准月报", "Monthly review meeting, approve the report", "director",
             next=("p10",), time_limit_s=2 * DAY, activity="monthly_report"),
        Step("p10", "报表归档", "File the reports", "system", "end"),
    ),
    metrics=(
        Metric("report_on_time_rate", "报表按时发布率", "Reports published on time",
               "按时发布的报表份数 ÷ 应发布的报表份数", "reports published by their deadline ÷ reports due",
               "fraction", "higher", 0.98),
        Metric("report_error_rate", "报表差错率", "Report error rate",
               "发布后更正的报表份数 ÷ 发布的报表份数", "reports corrected after publication ÷ reports published",
               "fraction", "lower", 0.01),
        Metric("service_level"),
        Metric("abandonment_rate"),
    ),
    review=("每季度复核报表清单与口径;指标定义变化时随时修订",
            "Report list and definitions reviewed quarterly, and whenever a definition changes"),
)

KNOWLEDGE = Process(
    "knowledge", "知识管理流程", "Knowledge management", owner="trainer", raci_activity="article_review",
    purpose=("知识库条目准确、及时、好用:新建、审核、发布、定期复核与下线各有时限",
             "Keep the knowledge base accurate, current and used: every stage of an article has a time limit"),
    scope=("知识库全部条目(业务规则、话术、常见问题)从新建到下线的生命周期",
           "Every article (rules, scripts, FAQs) from draft to retirement"),
    suppliers=(("座席(知识缺口)", "Agents (gaps found)"), ("业务部门(新业务、新政策)", "Business departments"),
               ("质检员(质检发现)", "QA analysts (findings)")),
    inputs=(("新建或修改申请", "New or change requests"), ("业务文件", "Business documents"),
            ("条目使用记录", "Article usage logs")),
    outputs=(("已发布条目", "Published articles"), ("更新通知", "Update notices"), ("下线存档", "Retired archive")),
    customers=(("座席", "Agents"), ("班组长、质检员", "Team leaders, QA analysts"), ("客户(间接)", "Customers (indirectly)")),
    steps=(
        Step("k0", "发现知识缺口或业务变化", "Gap or business change found", "agent", "start", ("k1",)),
        Step("k1", "提交新建或修改条目", "Draft a new or changed article", "agent", next=("k2",), time_limit_s=DAY,
             activity="article_new"),
        Step("k2", "审核:准确、完整、合规?", "Review: accurate, complete, compliant?", "qa_analyst", "decision",
             (("k3", "通过", "approved"), ("k1", "退回修改", "sent back")), 2 * DAY, "article_review"),
        Step("k3", "发布条目并通知座席", "Publish and announce", "trainer", next=("k4",), time_limit_s=DAY,
             activity="article_publish"),
        Step("k4", "条目在用,记录查阅与引用", "Article in use; views and citations logged", "system", next=("k5",)),
        Step("k5", "到期复核:仍有效?", "Periodic review: still valid?", "qa_analyst",
             "decision", (("k4", "有效,续期", "valid, renew"), ("k1", "需修改", "needs change"),
                          ("k6", "已失效", "obsolete")), 90 * DAY, "article_review"),
        Step("k6", "下线过期条目", "Retire the article", "trainer", next=("k7",), time_limit_s=DAY,
             activity="article_retire"),
        Step("k7", "存档,可追溯", "Archive (traceable)", "system", "end"),
    ),
    metrics=(
        Metric("review_on_time_rate", "条目按时审核率", "Articles reviewed on time",
               "在时限内完成审核的条目数(新提交 2 天内、到期复核 90 天内) ÷ 应审核的条目数",
               "articles reviewed within their limit (2 days after submission, 90 days for periodic reviews) "
               "÷ articles due for review", "fraction", "higher", 0.95),
        Metric("overdue_reviews", "逾期未复核条目数", "Overdue reviews",
               "已过复核日期仍未复核的在用条目数", "articles in use past their review date and not yet reviewed",
               "count", "lower", 0),
        Metric("article_usage_rate", "条目使用率", "Article usage rate",
               "本月被查阅或引用至少一次的在用条目数 ÷ 在用条目总数",
               "articles in use viewed or cited at least once in the month ÷ articles in use",
               "fraction", "higher", 0.6),
        Metric("retired_articles", "下线条目数", "Articles retired",
               "本期下线的条目数(失效与合并)", "articles retired in the period (obsolete or merged)", "count"),
        Metric("fcr_rate"),
    ),
)

BUSINESS_CHANGE = Process(
    "business_change", "业务管理流程(新业务上线)", "Business change (new product or policy rollout)",
    owner="supervisor",
    purpose=("新产品、新政策上线前人员、知识、排班准备到位,确保业务处理规范一致",
             "Have people, articles and schedules ready before a new product or policy reaches the floor"),
    scope=("业务部门提出的新产品、新政策、资费与流程变更,从收到资料到上线首周复盘",
           "New products, policies, prices and procedures from the business, from briefing to the first-week review"),
    suppliers=(("业务部门", "Business departments"), ("排班师", "WFM analyst"), ("培训师", "Trainer")),
    inputs=(("业务资料与上线日期", "Briefing and launch date"), ("预计话量影响", "Expected call impact"),
            ("现有排班", "Current schedule")),
    outputs=(("知识条目与话术", "Articles and scripts"), ("培训与考试记录", "Training and test records"),
             ("调整后的排班", "Adjusted schedule"), ("首周问题清单", "First-week issue list")),
    customers=(("座席", "Agents"), ("客户", "Customers"), ("业务部门", "Business departments")),
    steps=(
        Step("b0", "业务部门提出新产品或新政策", "Business proposes a product or policy", "business", "start", ("b1",)),
        Step("b1", "提供资料与上线日期(至少提前 10 天)", "Send the briefing and launch date (≥ 10 days ahead)",
             "business", next=("b2",)),
        Step("b2", "评估影响:话量、话术、系统、人力", "Assess impact: calls, scripts, systems, staff", "supervisor",
             next=("b3",), time_limit_s=2 * DAY),
        Step("b3", "需要调整人力或排班?", "Staffing or schedule change needed?", "wfm_analyst", "decision",
             (("b4", "是", "yes"), ("b5", "否", "no"))),
        Step("b4", "重新预测并调整排班", "Re-forecast and adjust the schedule", "wfm_analyst", next=("b5",),
             time_limit_s=3 * DAY),
        Step("b5", "编写条目与话术(走知识审核)", "Write articles and scripts (knowledge review)", "trainer",
             next=("b6",), time_limit_s=3 * DAY),
        Step("b6", "上线前培训与考试", "Pre-launch training and test", "trainer", next=("b7",), time_limit_s=3 * DAY),
        Step("b7", "培训覆盖率达到 100 %?", "Training coverage 100 %?", "supervisor", "decision",
             (("b8", "是", "yes"), ("b6", "否,补训", "no, retrain"))),
        Step("b8", "上线当日:班前会通报、现场支持", "Launch day: pre-shift briefing, floor support", "team_leader",
             next=("b9",)),
        Step("b9", "首周跟踪:收集问题、反馈业务部门", "First week: collect issues, report to the business",
             "team_leader", next=("b10",), time_limit_s=7 * DAY),
        Step("b10", "上线复盘,关闭变更", "Review the launch, close the change", "supervisor", "end"),
    ),
    metrics=(
        Metric("prelaunch_training_coverage", "上线前培训覆盖率", "Pre-launch training coverage",
               "上线前完成培训并通过考试的座席数 ÷ 该业务线在岗座席数",
               "agents trained and tested before launch ÷ agents on the line", "fraction", "higher", 1.0),
        Metric("briefing_lead_time_rate", "资料提前期达标率", "Briefings on time",
               "提前 10 天及以上提供资料的变更数 ÷ 变更总数", "changes briefed ≥ 10 days ahead ÷ changes",
               "fraction", "higher", 0.9),
        Metric("fcr_rate"),
        Metric("transfer_rate"),
    ),
)
