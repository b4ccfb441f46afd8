"""The authority (权限) of each role, and the supervisor's team rights, as (zh, en) pairs.

The decisions a role signs off come from the RACI matrix (its A cells), not from here; this
holds what a role may do on its own. The supervisor's eleven rights are those of the article on
operating by the numbers (呼叫中心运营主管的基本权利, seeds/002); the rest are the kit's worked
example to adapt.
"""

from __future__ import annotations

__all__ = ["AUTHORITY", "SUPERVISOR_RIGHTS", "COLLABORATION_CAUTION"]

#: Role id → what the role may decide or do on its own.
AUTHORITY = {
    "agent": (
        ("在业务规则的额度内为客户办理补偿、退款", "Grant refunds and goodwill within the business rules' limits"),
        ("对辱骂、骚扰来电按规范警示后结束通话", "End abusive calls after the scripted warning"),
        ("对知识条目提出新建或修改", "Propose new or corrected knowledge articles"),
    ),
    "team_leader": (
        ("当班调整本组小休顺序(不改变总时长)", "Reorder the team's breaks on shift (same total time)"),
        ("批准本组当班临时离席", "Approve short absences from the desk on shift"),
        ("随时监听本组通话并现场辅导", "Listen to the team's calls at any time and coach on the spot"),
        ("决定一线升级的处理方式", "Decide how a first-level escalation is handled"),
    ),
    "qa_analyst": (
        ("调取任一录音和工单用于质检", "Pull any recording or ticket for QA"),
        ("发现致命错误时当日通报班组长和运营主管", "Report a critical error to the team leader and supervisor the same day"),
        ("评分有争议时发起校准", "Call a calibration when a score is disputed"),
    ),
    "wfm_analyst": (
        ("日内调整小休、会议和培训时间", "Move breaks, meetings and training intraday"),
        ("话务偏离预测时向运营主管建议启动应急预案", "Advise the supervisor to invoke the emergency plan when traffic departs from forecast"),
        ("发布经批准的排班表", "Publish the approved schedule"),
    ),
    "trainer": (
        ("结业考核未通过者不得独立上岗", "Withhold solo work from anyone who failed the sign-off"),
        ("发布和下线知识条目", "Publish and retire knowledge articles"),
    ),
    "supervisor": (
        ("批准请假、调班和加班", "Approve leave, shift swaps and overtime"),
        ("启动二级升级与二级应急响应", "Invoke second-level escalation and the level-2 emergency response"),
        ("在考评中提出奖惩建议", "Recommend rewards and sanctions in the evaluation"),
    ),
    "director": (
        ("批准制度、流程、指标与年度目标", "Approve rules, processes, KPIs and annual targets"),
        ("启动一级应急响应并对外沟通", "Invoke the level-1 emergency response and speak for the centre"),
        ("审批编制、预算与系统采购", "Approve headcount, budget and system purchases"),
    ),
}

#: The supervisor's basic rights (seeds/002, items 1–10) and the caution that ends the list (item 11).
SUPERVISOR_RIGHTS = (
    ("尽管就某个问题有不同的意见,仍有权在情感上支持团队成员",
     "The right to support team members emotionally, even when disagreeing on an issue"),
    ("有权批评某种想法,但无权批评某个人", "The right to criticise an idea, never a person"),
    ("有权说出自己的想法,不管他人是否赞同", "The right to say what one thinks, whether others agree or not"),
    ("冲突总会发生,要善于从中学习", "Conflict will happen; the right to learn from it"),
    ("有权期待新成员加入并处理冲突", "The right to expect new members to join in and handle conflict"),
    ("期待成员加入并深度参与", "The expectation that members join in and take part fully"),
    ("所有人都是平等的,没有谁的想法更重要,都要经受同样的检验",
     "Everyone is equal: no one's idea counts for more, all face the same test"),
    ("希望成员在团队内部不带“权力”意识(地位和头衔)", "Members leave rank and title at the team's door"),
    ("有权表达自己的情感,而不是由别人告诉我们“应该”有怎样的感受",
     "The right to express one's feelings rather than be told what one 'should' feel"),
    ("这个过程需要很长时间,有偶尔犯错误的权利", "It takes a long time: the right to make the occasional mistake"),
)
#: Item 11 of the article: collaboration has hazards.
COLLABORATION_CAUTION = (
    "协作的隐患:一成不变的合作是个性、进步、多样性和变化的克星,主管要注意",
    "The hazard of collaboration: unchanging cooperation is the enemy of individuality, progress, "
    "diversity and change; a supervisor watches for it",
)
