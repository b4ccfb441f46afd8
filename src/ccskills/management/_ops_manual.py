"""The 操作手册 (operations manual) outline: what an agent does, step by step, in the kit's words.

The catalogue's roles module (seeds/000) asks for an operations manual that captures the centre's
tacit knowledge (管理呼叫中心隐性知识). This outline has the seven sections a front-line manual
needs; the worked example fills them with the kit's own codes: the queues of :data:`ccskills.i18n.QUEUE_NAMES`,
the ACD states of :data:`ccskills.datasets.wfm.STATES` with the schedule activity each counts as
for adherence (:data:`ccskills.scheduling.ACTIVITY_OF_STATE`), the call-record flags that feed FCR
and the transfer rate, and the escalation steps of the RACI matrix.
"""

from __future__ import annotations

import pandas as pd

from .._validation import check_lang
from ..datasets.wfm import STATES
from ..i18n import QUEUE_NAMES
from ..kpi.display import label
from ..scheduling import ACTIVITY_OF_STATE
from ._default_raci import default_raci
from ._docx import WordDocument

__all__ = ["SECTIONS", "STATE_GUIDE", "state_codes", "operations_manual"]

#: Section id → (zh, en) heading, in order.
SECTIONS = {
    "login": ("系统登录", "System login"),
    "handling": ("来电处理步骤", "Call handling steps"),
    "tagging": ("来电标记 (小结)", "Tagging (disposition)"),
    "escalation": ("问题升级", "Escalation"),
    "knowledge": ("知识库使用", "Using the knowledge base"),
    "codes": ("小休与辅助状态代码", "Break and aux codes"),
    "emergency": ("应急情况", "Emergencies"),
}

#: ACD state → (zh name, en name, zh when to use, en when to use).
STATE_GUIDE = {
    "available": ("示闲", "Available", "登录后、处理完一通来电后,等待下一通", "Logged in, waiting for the next call"),
    "talk": ("通话", "Talk", "与客户通话中(系统自动)", "On a call (set by the system)"),
    "hold": ("保持", "Hold", "查询资料或请示时,先告知客户再保持,每次不超过 60 秒", "Tell the caller first; at most 60 s each time"),
    "acw": ("话后处理", "After-call work", "完成工单和小结;能边通话边完成的不留到话后", "Finish the ticket and tag; do during the call what you can"),
    "not_ready": ("示忙 (辅助)", "Not ready (aux)", "登录准备、收尾、经班组长同意的非接话工作", "Log-in set-up, wrap-up, off-phone work the team leader approved"),
    "break": ("小休", "Break", "按排班时间;手上来电结束后再切换", "At the scheduled time; switch when the current call ends"),
    "lunch": ("用餐", "Lunch", "按排班时间", "At the scheduled time"),
    "meeting": ("班组会", "Meeting", "班前会、班组会", "Pre-shift and team meetings"),
    "training": ("培训", "Training", "排班内的培训和辅导", "Scheduled training and coaching"),
}
_ACTIVITY = {"phone": ("在线接听", "On the phones"), "break": ("小休", "Break"), "lunch": ("用餐", "Lunch"),
             "meeting": ("班组会", "Meeting"), "training": ("培训", "Training"), "not_ready": ("不计入 (不遵从)", "None (out of adherence)")}

_STEPS = {
    "login": [("上班前 5 分钟到岗,登录电脑、CRM 和软电话", "Be at the desk 5 minutes early; log in to the PC, CRM and softphone"),
              ("用工号登录 ACD,状态先为示忙 (not_ready),检查耳麦和系统", "Log in to the ACD with your agent id in not-ready; check headset and systems"),
              ("排班开始时刻切换为示闲 (available)", "Switch to available at the scheduled start")],
    "handling": [("标准开头语:问候、报工号、询问需求", "Standard opening: greet, give your agent id, ask how to help"),
                 ("核实客户身份 (手机号 + 订单号)", "Verify the caller (phone number + order number)"),
                 ("倾听并复述问题,确认理解", "Listen and restate the problem"),
                 ("查询知识库和订单,给出解决方案", "Check the knowledge base and the order; give the solution"),
                 ("确认客户是否还有其他问题", "Ask whether there is anything else"),
                 ("标准结束语,邀请客户参加满意度评价", "Standard closing; invite the caller to the survey")],
    "knowledge": [("先搜关键词,再按业务目录查找", "Search by keyword first, then browse by topic"),
                  ("以知识库最新发布版本为准,不用个人笔记", "The latest published article wins, not personal notes"),
                  ("发现错误或缺漏,当班提交修改建议 (新建或修改知识条目)", "Report errors or gaps on shift (draft a new or changed article)")],
    "emergency": [("系统中断:按统一口径告知客户,记录来电号码,恢复后回拨", "System outage: use the agreed wording, note the caller's number, call back after recovery"),
                  ("话务突增:服从班组长的小休和会议调整", "Traffic surge: follow the team leader's changes to breaks and meetings"),
                  ("断电断网:原地等待指令,不自行离场", "Power or network failure: wait for instructions at your desk"),
                  ("舆情事件:不对外评论,统一口径,升级班组长", "Public-opinion incident: no comment, agreed wording, escalate to the team leader")],
}


def state_codes(lang: str = "zh") -> pd.DataFrame:
    """The ACD states an agent uses: code, name, the schedule activity it counts as, when to use it."""
    check_lang(lang)
    k = lang == "en"
    rows = [[s, STATE_GUIDE[s][k], _ACTIVITY[ACTIVITY_OF_STATE[s]][k], STATE_GUIDE[s][2 + k]] for s in STATES]
    head = ["代码", "名称", "计入排班活动", "何时使用"] if not k else ["Code", "Name", "Counts as", "When to use"]
    return pd.DataFrame(rows, columns=head)


def _tagging(lang: str) -> pd.DataFrame:
    k = lang == "en"
    rows = [["queue", ("队列", "Queue")[k], " / ".join(f"{q} {n[k]}" for q, n in QUEUE_NAMES.items()), ""],
            ["resolved_first_contact", ("一次解决", "Resolved first contact")[k], "true / false", label("fcr_rate", lang)],
            ["transferred", ("转接", "Transferred")[k], "true / false", label("transfer_rate", lang)],
            ["csat", ("满意度评价", "Survey score")[k], "1–5", label("csat_top2_box", lang)]]
    head = ["字段", "含义", "取值", "用于指标"] if not k else ["Field", "Meaning", "Values", "Feeds KPI"]
    return pd.DataFrame(rows, columns=head)


def _escalation(lang: str) -> pd.DataFrame:
    m = default_raci()
    names = {r.id: r.name(lang) for r in m.roles}
    sep = "、" if lang == "zh" else ", "
    rows = [[a.name(lang), sep.join(names[r] for r in m.holders(a.id, "R")), sep.join(names[r] for r in m.holders(a.id, "A"))]
            for a in m.activities if a.id in ("first_level", "second_level")]
    head = ["升级", "执行 (R)", "最终负责 (A)"] if lang == "zh" else ["Escalation", "Responsible (R)", "Accountable (A)"]
    return pd.DataFrame(rows, columns=head)


def _section(doc: WordDocument, key: str, lang: str, filled: bool, number: int) -> None:
    k = lang == "en"
    doc.heading(f"{number}. {SECTIONS[key][k]}", 1)
    tables = {"tagging": _tagging, "escalation": _escalation, "codes": state_codes}
    if key in _STEPS:
        if filled:
            doc.numbered(step[k] for step in _STEPS[key])
        else:
            doc.fill_lines(("步骤 (每行一步):", "Steps (one a line):")[k], 5)
    if key in tables:
        table = tables[key](lang)
        doc.table(table) if filled else doc.table(table.iloc[:0], blank_rows=len(table))
    if key == "escalation" and filled:
        doc.paragraph(("升级条件、时限和联系人见问题升级流程 (escalation matrix);重大投诉当班报告运营主管。",
                       "Triggers, time limits and contacts: see the escalation process (escalation matrix); "
                       "report major complaints to the supervisor on shift.")[k])
    if key == "emergency" and filled:
        doc.paragraph(("各场景的触发条件、级别和责任人见《应急预案》。", "Triggers, levels and owners of each scenario: see the emergency plan.")[k])


def operations_manual(lang: str = "zh", filled: bool = True) -> bytes:
    """The operations manual outline as Word: seven sections, filled with the kit's codes or blank.

    >>> operations_manual("zh", False)[:2]
    b'PK'
    """
    check_lang(lang)
    k = lang == "en"
    title = ("座席操作手册", "Agent operations manual")[k]
    doc = WordDocument(title, lang, subtitle=(("示例:按本中心系统和业务修改", "模板:按章节填写"), ("Worked example: adapt to your systems", "Template: fill in each section"))[k][not filled])
    doc.fields([(("适用范围", "Scope")[k], ("全体座席", "All agents")[k] if filled else ""), (("责任人", "Owner")[k], ("培训师", "Trainer")[k] if filled else ""),
                (("版本 / 日期", "Version / date")[k], ""), (("复核周期", "Review cycle")[k], ("每季度及业务变更时", "Quarterly and on every business change")[k] if filled else "")])
    for number, key in enumerate(SECTIONS, 1):
        _section(doc, key, lang, filled, number)
    return doc.to_bytes()
