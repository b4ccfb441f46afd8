"""Processes about people: recruitment (招聘) and training (培训), the kit's worked examples.

Recruitment follows the catalogue's 招聘流程规范 (the WFM analyst's staffing gap raises the need,
the director approves it, the team leader and the supervisor interview); training follows the
China Mobile Shandong write-up's layered system: 岗前新学员培训 → 技能鉴定考试 → 在岗培训 → 素质提升培训
(pre-job training, skill certification, on-the-job training, development), with monthly
on-the-job training on the hard questions customers ask and on new business.
"""

from __future__ import annotations

from ._process_model import Metric, Process, Step

__all__ = ["RECRUITMENT", "TRAINING"]

MINUTE, HOUR, DAY = 60, 3600, 86400

RECRUITMENT = Process(
    "recruitment", "招聘流程", "Recruitment", owner="supervisor", raci_activity="interview",
    purpose=("按时招到合格座席,补足人力缺口,确保招聘工作质量",
             "Hire qualified agents on time to fill the staffing gap, to a known standard"),
    scope=("呼叫中心一线座席岗位的社会招聘与校园招聘,从人力缺口出现到新员工进入岗前培训",
           "External and campus hiring of front-line agents, from the staffing gap to the start of new-hire training"),
    suppliers=(("排班师(人力需求测算)", "WFM analyst (staffing requirement)"), ("人力资源部", "HR department"),
               ("招聘渠道:网站、校园、内部推荐", "Sourcing channels: job sites, campuses, referrals")),
    inputs=(("人力缺口与到岗时间", "Staffing gap and start dates"), ("职位说明书", "Job description"),
            ("招聘预算", "Hiring budget"), ("候选人简历", "Candidates' CVs")),
    outputs=(("录用并入职的新员工", "Hired and onboarded agents"), ("面试评估记录", "Interview assessments"),
             ("人才库", "Talent pool")),
    customers=(("培训师(岗前培训)", "Trainer (new-hire training)"), ("班组长", "Team leaders"),
               ("运营主管", "Operations supervisor")),
    steps=(
        Step("r0", "出现人力缺口(预测或流失)", "Staffing gap appears (forecast or attrition)", "wfm_analyst", "start", ("r1",)),
        Step("r1", "测算缺口,提出招聘需求", "Size the gap, raise the hiring need", "wfm_analyst", next=("r2",),
             time_limit_s=2 * DAY, activity="hiring_need"),
        Step("r2", "审批招聘需求", "Approve the hiring need", "director", "decision",
             (("r3", "批准", "approved"), ("r1", "退回修改", "sent back")), 2 * DAY, "hiring_need"),
        Step("r3", "发布职位、筛选简历", "Post the job, screen CVs", "hr", next=("r4",), time_limit_s=5 * DAY),
        Step("r4", "投递简历、参加面试", "Apply and attend interviews", "candidate", next=("r5",)),
        Step("r5", "初试:语音、打字、情景模拟", "First interview: voice, typing, role-play", "team_leader",
             next=("r6",), time_limit_s=3 * DAY, activity="interview"),
        Step("r6", "复试并决定录用", "Final interview and hiring decision", "supervisor", "decision",
             (("r7", "录用", "hire"), ("r9", "不录用", "reject")), 2 * DAY, "interview"),
        Step("r7", "发录用通知、办理入职", "Send the offer, onboard", "hr", next=("r8",), time_limit_s=3 * DAY),
        Step("r8", "是否接受录用", "Accept the offer?", "candidate", "decision",
             (("r10", "接受", "accepts"), ("r3", "拒绝", "declines"))),
        Step("r9", "发未录用通知,简历入人才库", "Send the rejection, keep the CV in the talent pool", "hr", "end"),
        Step("r10", "转入培训流程", "Hand over to the training process", "trainer", "end"),
    ),
    metrics=(
        Metric("time_to_fill", "到岗周期", "Time to fill",
               "平均(新员工入职日期 − 招聘需求批准日期)", "mean(start date − approval date of the hiring need)",
               "seconds", "lower", 30 * DAY),
        Metric("offer_acceptance_rate", "录用接受率", "Offer acceptance rate",
               "接受录用人数 ÷ 发出录用通知人数", "offers accepted ÷ offers made", "fraction", "higher", 0.8),
        Metric("new_hire_retention_90d", "新员工 90 天留存率", "90-day new-hire retention",
               "入职满 90 天仍在职人数 ÷ 同期入职人数", "hires still employed after 90 days ÷ hires of the period",
               "fraction", "higher", 0.85),
        Metric("attrition_rate"),
    ),
)

TRAINING = Process(
    "training", "培训流程", "Training", owner="supervisor", raci_activity="new_hire_training",
    purpose=("新员工经岗前培训和技能鉴定后上岗,在岗人员持续提升,确保培训工作质量",
             "New hires go live only after pre-job training and skill certification; staff keep improving on the job"),
    scope=("岗前新学员培训—技能鉴定考试—在岗培训—素质提升培训的全过程,覆盖全体座席",
           "Pre-job training, skill certification, on-the-job training and development, for every agent"),
    suppliers=(("人力资源部(新员工)", "HR (new hires)"), ("质检员(质检失分)", "QA analysts (points lost)"),
               ("业务部门(新业务资料)", "Business departments (new products)"), ("外部专家", "External experts")),
    inputs=(("新员工名单", "New-hire list"), ("培训课程与考题", "Courses and tests"),
            ("质检结果与客户咨询难点", "QA results and customers' hard questions"), ("知识库", "Knowledge base")),
    outputs=(("通过鉴定的上岗座席", "Certified agents on the floor"), ("培训档案与成绩", "Training records and scores"),
             ("培训需求分析", "Training-needs analysis")),
    customers=(("班组长", "Team leaders"), ("座席", "Agents"), ("运营主管", "Operations supervisor")),
    steps=(
        Step("t0", "新员工入职(来自招聘流程)", "New hire joins (from recruitment)", "hr", "start", ("t1",)),
        Step("t1", "岗前培训:业务、系统、服务规范", "Pre-job training: products, systems, service standard",
             "trainer", next=("t2",), time_limit_s=10 * DAY, activity="new_hire_training"),
        Step("t2", "参加培训、模拟接听", "Attend training, practise calls", "agent", next=("t3",)),
        Step("t3", "技能鉴定考试:笔试+模拟通话", "Skill certification: written test + mock call", "trainer", "decision",
             (("t5", "通过", "pass"), ("t4", "未通过", "fail")), DAY, "new_hire_training"),
        Step("t4", "补训后补考(限一次)", "Retrain and resit (once)", "trainer", "decision",
             (("t5", "通过", "pass"), ("t9", "未通过", "fail")), 5 * DAY, "new_hire_training"),
        Step("t5", "签字结业、安排上岗", "Sign off and go live", "supervisor", next=("t6",), time_limit_s=DAY,
             activity="new_hire_training"),
        Step("t6", "在岗辅导与每月集中业务培训", "On-the-job coaching and monthly product training", "team_leader",
             next=("t7",), activity="training_needs"),
        Step("t7", "培训需求分析:质检失分、咨询难点、新业务", "Needs analysis: QA points lost, hard questions, new business",
             "trainer", next=("t8",), time_limit_s=7 * DAY, activity="training_needs"),
        Step("t8", "素质提升培训:内训分享、外部研讨、拓展", "Development: peer sharing, external seminars, outdoor training",
             "trainer", next=("t10",)),
        Step("t9", "不予上岗,反馈人力资源部", "Not certified: back to HR", "hr", "end"),
        Step("t10", "培训档案归档、评估效果", "File the records, evaluate the effect", "trainer", "end"),
    ),
    metrics=(
        Metric("certification_first_pass_rate", "技能鉴定一次通过率", "Skill certification first-pass rate",
               "首次考试通过人数 ÷ 参加首次考试人数", "passed at the first sitting ÷ sat the first time",
               "fraction", "higher", 0.85),
        Metric("training_hours_per_agent", "人均月度在岗培训时长", "On-the-job training per agent per month",
               "当月在岗培训总时长 ÷ 在岗座席数", "on-the-job training time in the month ÷ agents on the floor",
               "seconds", "higher", 8 * HOUR),
        Metric("qa_score"),
        Metric("fcr_rate"),
    ),
    review=("每半年复核一次;新业务上线或鉴定通过率低于目标时修订",
            "Reviewed every six months, and when new business launches or the pass rate is below target"),
)
