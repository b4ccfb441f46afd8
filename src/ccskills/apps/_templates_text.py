"""How the management templates page reads: labels, sentences, and one line per template on what it is for.

Words only, in Chinese or English; the templates, their titles, parts and files come from
:mod:`ccskills.management.catalogue`. A template without a line in :data:`PURPOSES` (one added to
the catalogue later) is described from its part and title (:func:`purpose`), so the page never
shows an empty cell or an id.

>>> t("build", "en"), kind_name("docx"), purpose_of("rule_attendance", "rules", "考勤管理制度", "zh")[:5]
('Make file', 'Word', '出勤、迟到')
>>> purpose_of("new_form", "floor", "Spot check", "en")
'A floor-management document: Spot check'

"""

from __future__ import annotations

from ccskills.apps._common import style

__all__ = ["TEXT", "PURPOSES", "VERSIONS", "STYLE", "t", "kind_name", "purpose_of", "version_filled"]

TEXT = {
    "title": ("管理模板", "Management templates"),
    "intro": ("制度、流程、分工、现场管理和管理体系的模板，都是可以直接修改的 Word / Excel 文件。"
              "示例 (worked example) 用模拟中心 2026 年 3 月的数据填好，空白模板 (blank template) 章节相同、"
              "数字处留出横线待填。文件的语言跟随本页的语言。",
              "Templates for rules, processes, roles, the floor and the management system, as Word / Excel "
              "files you edit. The worked example is filled from the kit's simulated centre (March 2026); the "
              "blank template has the same sections with lines to fill in. Files come in this page's language."),
    "version": ("下载哪个版本", "Which version"),
    "version_example": ("示例", "Worked example"),
    "version_blank": ("空白模板", "Blank template"),
    "version_both": ("两者都要", "Both"),
    "col_title": ("模板", "Template"),
    "col_kind": ("格式", "Format"),
    "col_purpose": ("用途", "What it is for"),
    "col_make": ("生成", "Make"),
    "col_files": ("下载", "Download"),
    "build": ("生成文件", "Make file"),
    "build_tip": ("生成这个模板的文件，然后点出现的链接下载", "Make this template's file(s), then click the link to download"),
    "zip": ("全部下载 (.zip)", "Download all (.zip)"),
    "zip_tip": ("生成全部模板并打成一个压缩包 (.zip)，约需半分钟", "Make every template into one .zip (about half a minute)"),
    "zip_file": ("管理模板_{version}.zip", "management_templates_{version}.zip"),
    "zip_version_example": ("示例", "examples"),
    "zip_version_blank": ("空白模板", "blank"),
    "zip_version_both": ("示例与空白模板", "examples_and_blank"),
    "zip_link": ("下载压缩包：{n} 个文件 + 目录 README.md", "Download the .zip: {n} files + the index README.md"),
    "ready": ("共 {n} 个模板。选择版本，点“生成文件”后出现下载链接；或点“全部下载 (.zip)”。",
              "{n} templates. Choose a version and click \u201cMake file\u201d for a download link, or "
              "\u201cDownload all (.zip)\u201d."),
    "working": ("正在生成第 {i} / {n} 个文件：{title}（{version}）……", "Making file {i} of {n}: {title} ({version})…"),
    "made_one": ("已生成“{title}”：点链接下载。", "\u201c{title}\u201d is ready: click the link to download."),
    "made_zip": ("已生成 {n} 个文件的压缩包：点链接下载。", "The .zip of {n} files is ready: click the link to download."),
    "failed": ("生成“{title}”时出了问题（{kind}），没有生成文件。请再试一次；如果仍不行，请把日志文件发给讲师。",
               "Making \u201c{title}\u201d went wrong ({kind}); no file was made. Please try again; if it "
               "still fails, send the trainer the log file."),
    "stalled": ("生成“{title}”超过 {seconds} 秒没有进展，已停止等待。服务器可能很忙，请稍后再试。",
                "Making \u201c{title}\u201d made no progress for {seconds} s, so the page stopped waiting. "
                "The server may be busy: please try again later."),
    "all_templates": ("全部模板", "all templates"),
}

VERSIONS = ("example", "blank", "both")
"""The version choices: the worked example, the blank template, or both."""

PURPOSES = {
    "rule_capacity": ("每位座席的产能基准和计算口径，按队列公平比较，低于基准时怎么办",
                      "Each agent's capacity baseline and how it is counted, compared fairly within a queue"),
    "rule_quality": ("统一质检评分表、抽样量和定期校准，让质检结果一致可信",
                     "One QA scorecard, a large enough sample and regular calibration, so QA results are trusted"),
    "rule_call_handling": ("来电的接听、保持、转接和话后处理怎样做，让客户等得少",
                           "How calls are answered, held, transferred and wrapped up, so customers wait little"),
    "rule_quality_kpis": ("品质指标有哪些、怎么计算、怎么考核",
                          "Which quality KPIs there are, how each is computed and how it is assessed"),
    "rule_attendance": ("出勤、迟到、请假和调班的规定，让排班的人真正在线",
                        "Attendance, lateness, leave and shift swaps, so the people scheduled are really on line"),
    "rule_assessment": ("定期考核座席的业务知识和操作准确性，发现培训需求",
                        "Regular checks of agents' product knowledge and business accuracy, to find training needs"),
    "rule_evaluation": ("把效率、质量、满意度和出勤合成一个综合得分，公平评价座席",
                        "Efficiency, quality, satisfaction and attendance combined into one score, to evaluate agents fairly"),
    "process_recruitment": ("从提出用人需求到新员工入职的步骤、责任人和时限（含泳道图）",
                            "From a staffing request to a new hire's first day: steps, owners, time limits (swimlane map)"),
    "process_training": ("岗前培训、技能鉴定和在岗培训的步骤（含泳道图）",
                         "Induction training, certification and on-the-job training, step by step (swimlane map)"),
    "process_reporting": ("日报、周报、月报的取数、核对、发布和时限（含泳道图）",
                          "Daily, weekly and monthly reports: data, checks, release and deadlines (swimlane map)"),
    "process_knowledge": ("知识库条目的新建、审核、发布和下线，以及衡量指标（含泳道图）",
                          "Knowledge articles from new to review, publish and retire, with their metrics (swimlane map)"),
    "process_business_change": ("新产品、新政策上线前的人员、知识和排班准备（含泳道图）",
                                "Getting people, knowledge and schedules ready for a new product or policy (swimlane map)"),
    "process_escalation": ("客户问题谁在什么条件下、多长时间内接手（含泳道图）",
                           "Who takes over a customer issue, when, and how fast (swimlane map)"),
    "process_cross_department": ("转给其他部门的问题按约定时限响应和解决（含泳道图）",
                                 "Issues passed to other departments answered and solved on time (swimlane map)"),
    "process_steps": ("全部流程的步骤表，可在 Excel 里直接修改步骤、责任人和时限",
                      "Every process's steps in one workbook, to edit steps, owners and time limits"),
    "escalation_matrix": ("问题升级的级别、处理人和响应时限一览",
                          "The escalation levels, who handles each and how fast they respond"),
    "cross_department_sla": ("与其他部门约定的服务水平协议：响应和解决时限",
                             "The service levels agreed with other departments: response and resolution times"),
    "role_agent": ("座席的岗位职责、考核指标和任职要求", "The agent's duties, KPIs and qualifications"),
    "role_team_leader": ("班组长的岗位职责、考核指标和任职要求", "The team leader's duties, KPIs and qualifications"),
    "role_qa_analyst": ("质检员的岗位职责、考核指标和任职要求", "The QA analyst's duties, KPIs and qualifications"),
    "role_wfm_analyst": ("排班师的岗位职责、考核指标和任职要求", "The WFM analyst's duties, KPIs and qualifications"),
    "role_trainer": ("培训师的岗位职责、考核指标和任职要求", "The trainer's duties, KPIs and qualifications"),
    "role_supervisor": ("运营主管的岗位职责、考核指标和任职要求", "The operations supervisor's duties, KPIs and qualifications"),
    "role_director": ("运营总监的岗位职责、考核指标和任职要求", "The operations director's duties, KPIs and qualifications"),
    "raci_matrix": ("主要流程中谁负责 (R)、谁批准 (A)、咨询谁 (C)、通知谁 (I)",
                    "Who is responsible (R), accountable (A), consulted (C) and informed (I) in each main process"),
    "role_sheets": ("全部岗位的职责、指标和要求汇总在一个表格里", "Every role's duties, KPIs and requirements in one workbook"),
    "operations_manual": ("中心操作手册的章节提纲", "The outline of the centre's operations manual"),
    "floor_system": ("现场管理的九个要素：目的、班组长检查什么、频次和记录",
                     "The nine elements of floor management: purpose, what the zone leader checks, how often, records"),
    "handover_record": ("交接班记录：上一班的服务水平、人员出勤、未结问题和待跟进事项",
                        "What the outgoing shift hands over: service level, attendance, open issues, follow-ups"),
    "pre_shift_agenda": ("10 分钟班前会：昨日指标、今日预测、表扬和提醒",
                         "A 10-minute pre-shift meeting: yesterday's KPIs, today's forecast, recognition, reminders"),
    "emergency_plan": ("话务突增、系统故障等突发情况的触发条件和应对步骤",
                       "Triggers and actions for call surges, system failures and other emergencies"),
    "annual_plan": ("年度运营计划：战略目标、指标基线和目标、每月话务与人力",
                    "The annual operating plan: objectives, KPI baselines and targets, monthly calls and staff"),
    "system_audit": ("每年审核一次管理体系，按部分打分，找出要改进的地方",
                     "The yearly audit of the management system, scored by part, to find what to improve"),
    "system_selection": ("选呼叫中心系统（ACD、IVR、CTI、CRM、WFM 等）时的需求清单和供应商打分",
                         "Requirements and vendor scoring when choosing ACD, IVR, CTI, CRM, WFM and other systems"),
    "team_charter": ("团队章程：目的、成员、职责、权限、例会和决策方式",
                     "A team charter: purpose, members, duties, rights, meetings and how decisions are made"),
    "culture_workshop": ("工作坊：共同起草核心价值、愿景、使命和四类战略目标",
                         "A workshop to draft the core values, vision, mission and four strategic objectives"),
}
"""Template id → (zh, en): one line on what the template is for, as a manager would ask."""

_PART_WORDS = {"rules": ("一项制度", "A rule"), "processes": ("一个流程", "A process"), "roles": ("分工文件", "A role document"),
               "floor": ("现场管理文件", "A floor-management document"),
               "system": ("管理体系文件", "A management-system document")}

STYLE = style("""
.ccs-templates-page { font-family: var(--ccs-font-family, system-ui, sans-serif); max-width: 72em; }
.ccs-templates-grid { align-items: center; font-size: 13px; }
.ccs-templates-grid .ccs-template-head { font-weight: 600; color: #1f3b57; border-bottom: 1px solid #d0d7de; }
.ccs-templates-table .ccs-template-part { font-weight: 600; color: #1f3b57; background: #f3f5f7; padding: 0 6px;
  margin-top: 10px; }
.ccs-templates-grid .ccs-template-purpose { color: #57606a; line-height: 1.35; }
.ccs-template-links a { display: block; white-space: nowrap; }
""")


def t(key: str, lang: str, **values) -> str:
    """The text ``key`` in ``lang`` ('zh' or 'en'), formatted with ``values``."""
    phrase = TEXT[key][0 if lang == "zh" else 1]
    return phrase.format(**values) if values else phrase


def kind_name(kind: str) -> str:
    """What a person calls the file kind: Word for docx, Excel for xlsx."""
    return {"docx": "Word", "xlsx": "Excel"}.get(kind, kind)


def purpose_of(template_id: str, part: str, title: str, lang: str) -> str:
    """What the template is for: its line in :data:`PURPOSES`, else "<part word>: <title>"."""
    if template_id in PURPOSES:
        return PURPOSES[template_id][0 if lang == "zh" else 1]
    word = _PART_WORDS.get(part, ("模板", "A template"))[0 if lang == "zh" else 1]
    return f"{word}：{title}" if lang == "zh" else f"{word}: {title}"


def version_filled(version: str) -> tuple[bool, ...]:
    """The ``filled`` values of a version choice: example (True), blank (False) or both."""
    return {"example": (True,), "blank": (False,), "both": (True, False)}[version]
