"""Excel templates of the management system: annual operating plan, annual audit, system selection.

Written by :func:`ccskills.io.excel_bytes`: numbers stay numbers (percent, seconds, CNY formats
set per row or column), text is never a formula. Every summary is computed in Python by the
kit (:func:`audit_score`, :func:`vendor_scores`); the sheet a manager fills keeps the same
columns, so reading it back with pandas and calling the same function scores it.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from .._validation import check_lang
from ..io import excel_bytes
from ..kpi.display import unit_name
from ._system_calc import (AUDIT_COLUMNS, REQUIREMENT_COLUMNS, annual_fte_plan, audit_score,
                           strategic_objectives, vendor_scores)
from ._system_data import (AUDIT_ITEMS, AUDIT_PARTS, AUDIT_SCALE, MODULES, MUST_MINIMUM,
                           OBJECTIVE_GROUPS, PRIORITIES, REQUIREMENTS, VENDOR_SCALE, VENDORS)
from ._template import pick as _pick

__all__ = ["annual_plan_xlsx", "audit_xlsx", "selection_xlsx", "SHEETS", "audit_frame", "requirements_frame"]

#: Sheet names per template and language.
SHEETS = {
    "plan": {"zh": ("说明", "战略目标", "月度人力计划", "假设"), "en": ("About", "Objectives", "Monthly FTE", "Assumptions")},
    "audit": {"zh": ("说明", "审核清单", "评分汇总", "待改进项", "评分标准"),
              "en": ("About", "Checklist", "Summary", "Gaps", "Scale")},
    "selection": {"zh": ("说明", "需求清单", "评分汇总", "未满足的必须项", "评分标准", "选型步骤"),
                  "en": ("About", "Requirements", "Summary", "Failed musts", "Scale", "Steps")},
}
_FORMATS = {"fraction": "0.0%", "seconds": "0", "score": "0.0", "CNY": "#,##0.00", "CNY/hour": "#,##0.00"}


def _about(rows, lang) -> pd.DataFrame:
    return pd.DataFrame([[_pick(k, lang), _pick(v, lang)] for k, v in rows],
                        columns=["栏目", "内容"] if lang == "zh" else ["Section", "Content"])


# ---------------------------------------------------------------- 年度运营计划 annual operating plan
@cache
def _plan():
    from ..datasets.wfm import load_interval_history

    return annual_fte_plan(load_interval_history("ecommerce"))


_PLAN_ABOUT = (
    (("目的", "Purpose"), ("把中心文化和战略目标落成一年的数字：四类战略目标各有指标、基线、目标、负责人和季度里程碑；"
                         "话务预测逐月算成需要的 FTE。",
                         "Turn the culture and strategy into a year of numbers: each of the four objective groups "
                         "with KPIs, baseline, target, owner and quarter milestones; the volume forecast turned into FTE month by month.")),
    (("范围", "Scope"), ("整个呼叫中心；管理体系的第二部分“战略经营计划”。", "The whole centre; part two of the management system, the strategic operating plan.")),
    (("责任人", "Owner"), ("运营总监（批准）；运营主管与排班师（编制）。", "Operations director (approves); supervisor and WFM analyst (prepare).")),
    (("复核周期", "Review cycle"), ("每季度对照里程碑评审；每年编制一次。", "Reviewed against the milestones every quarter; written once a year.")),
    (("指标口径", "KPI definitions"), ("指标名称、公式、单位和目标取自套件指标库 ccskills.kpi.REGISTRY。",
                                   "Names, formulas, units and targets from the kit's registry, ccskills.kpi.REGISTRY.")),
    (("基线", "Baseline"), ("示例中心 2026 年 3 月的实际值，由套件从数据集算出（通话明细、客户调研、座席状态、成本、出勤；流失率为 2025-04 至 2026-03 座席月流失率之和）。",
                          "The example centre's March 2026 values, computed by the kit from its datasets (calls, survey, agent states, costs, "
                          "attendance; attrition is the sum of the agents' monthly rates April 2025 – March 2026).")),
    (("人力计划", "FTE plan"), ("电商业务线 15 分钟历史（datasets/wfm）：每个计划月 = 去年同月逐时段 × 同比增长；AHT × 同比变化；"
                              "每时段 Erlang C 求 20 秒内接起八成所需座席，按损耗率排班，带薪人时折成 FTE。",
                              "E-commerce line's 15-minute history (datasets/wfm): each plan month = the same month last year slot by slot "
                              "× year-on-year growth; AHT × its year-on-year change; Erlang C agents per slot for 80 % in 20 s, scheduled "
                              "after shrinkage, paid hours turned into FTE.")),
    (("里程碑", "Milestones"), ("从基线到目标按季度等分：Q k = 基线 + (目标 − 基线) × k ÷ 4。",
                              "Straight line from baseline to target: Q k = baseline + (target − baseline) × k ÷ 4.")),
)


def _objectives_sheet(lang: str, filled: bool) -> tuple[pd.DataFrame, list]:
    heads = (["目标类别", "战略目标", "指标编号", "指标", "公式", "单位", "基线 (2026-03)", "目标", "负责人",
              "Q1 里程碑", "Q2 里程碑", "Q3 里程碑", "Q4 里程碑", "复核频率"] if lang == "zh" else
             ["Group", "Objective", "KPI id", "KPI", "Formula", "Unit", "Baseline (2026-03)", "Target", "Owner",
              "Q1 milestone", "Q2 milestone", "Q3 milestone", "Q4 milestone", "Review"])
    review = _pick(("每季度", "Quarterly"), lang)
    if not filled:
        rows = [[_pick(name, lang)] + [""] * 5 + [None, None, ""] + [None] * 4 + [review]
                for name in OBJECTIVE_GROUPS.values() for _ in range(2)]
        return pd.DataFrame(rows, columns=heads), [None] * len(rows)
    table = strategic_objectives(lang)
    rows = table[["group", "objective", "kpi", "kpi_name", "formula", "unit", "baseline", "target", "owner",
                  "q1", "q2", "q3", "q4"]].assign(review=review, unit=[unit_name(u, lang) for u in table["unit"]])
    return rows.set_axis(heads, axis=1), [_FORMATS.get(u) for u in table["unit"]]


def _monthly_sheet(lang: str, filled: bool) -> pd.DataFrame:
    heads = (["月份", "参照月份", "预测来话量", "预测AHT (秒)", "工作量 (小时)", "在线人时", "带薪人时", "FTE",
              "预计服务水平", "峰值需求座席", "峰值排班人数"] if lang == "zh" else
             ["Month", "Basis month", "Forecast calls", "Forecast AHT (s)", "Workload (h)", "Phone hours", "Paid hours",
              "FTE", "Expected service level", "Peak agents required", "Peak agents scheduled"])
    if not filled:
        months = [f"第 {k} 月" if lang == "zh" else f"Month {k}" for k in range(1, 13)]
        return pd.DataFrame([[m, ""] + [None] * 9 for m in months], columns=heads)
    m = _plan().months
    frame = pd.concat([pd.Series(m.index, name="month"), m.reset_index(drop=True)], axis=1)
    return frame[["month", "basis_month", "calls", "aht_s", "workload_hours", "phone_hours", "paid_hours", "fte",
                  "service_level", "peak_required", "peak_scheduled"]].set_axis(heads, axis=1)


def _assumptions(lang: str, filled: bool) -> pd.DataFrame:
    p = _plan() if filled else None
    rows = [
        (("同比增长（来话）", "Year-on-year growth (calls)"), p and p.growth, ("近 12 个月来话 ÷ 前 12 个月", "Last 12 months' calls ÷ the 12 before")),
        (("AHT 同比变化", "AHT year-on-year change"), p and p.aht_trend, ("按来话加权的 AHT 之比", "Ratio of the call-weighted AHTs")),
        (("损耗率", "Shrinkage"), p and p.shrinkage, ("指标库目标 30 %；每高 1 个百分点，FTE 约增 1.4 %", "Registry target 30 %; each point more adds about 1.4 % FTE")),
        (("服务水平目标", "Service-level target"), p and p.target_sl, ("T 秒内接通 ÷ 来话", "Answered within T ÷ offered")),
        (("T (秒)", "T (seconds)"), p and p.answer_time, ("服务水平的应答时限", "Answer-time threshold of service level")),
        (("每 FTE 年带薪工时", "Paid hours per FTE a year"), p and p.hours_per_fte, ("248 天 × 8 小时", "248 days × 8 hours")),
    ]
    heads = ["参数", "值", "说明"] if lang == "zh" else ["Parameter", "Value", "Note"]
    return pd.DataFrame([[_pick(k, lang), v, _pick(n, lang)] for k, v, n in rows], columns=heads)


def annual_plan_xlsx(lang: str = "zh", filled: bool = True) -> bytes:
    """年度运营计划: about, strategic objectives (registry KPIs, baseline, target, owner, milestones),
    the monthly volume → FTE plan and its assumptions."""
    check_lang(lang)
    about, objectives, monthly, assumptions = SHEETS["plan"][lang]
    table, row_formats = _objectives_sheet(lang, filled)
    month_sheet = _monthly_sheet(lang, filled)
    heads = list(month_sheet.columns)
    formats = {monthly: {heads[0]: "yyyy-mm", heads[1]: "yyyy-mm", heads[2]: "#,##0", heads[3]: "0", heads[4]: "#,##0",
                         heads[5]: "#,##0", heads[6]: "#,##0", heads[7]: "0.0", heads[8]: "0.0%", heads[9]: "0",
                         heads[10]: "0"}}
    sheets = {about: _about(_PLAN_ABOUT, lang), objectives: table, monthly: month_sheet,
              assumptions: _assumptions(lang, filled)}
    return excel_bytes(sheets, number_formats=formats, row_formats={
        objectives: row_formats, assumptions: ["0.0%", "0.000", "0.0%", "0.0%", "0", "#,##0"]})


# ---------------------------------------------------------------- 管理体系年度审核 annual audit
_AUDIT_ABOUT = (
    (("目的", "Purpose"), ("每年审核一次管理体系（CC-CMM：成熟的中心必须有自己的管理系统，每年审核、发现问题并改善）。",
                         "Audit the management system once a year (CC-CMM: a mature centre has its own management system, "
                         "audited yearly, with its problems found and fixed).")),
    (("范围", "Scope"), ("中心文化与管理体系三部分：运作模式、战略经营计划、绩效评审和提高方法。",
                       "Culture and the three parts of the management system: operating model, strategic operating plan, "
                       "performance review and improvement.")),
    (("责任人", "Owner"), ("运营总监指定的审核组（不审核自己负责的部分）。", "An audit team named by the operations director (no one audits their own part).")),
    (("复核周期", "Review cycle"), ("每年一次；整改项每季度跟踪。", "Once a year; actions tracked every quarter.")),
    (("评分", "Scoring"), ("每项 0–3 分（见“评分标准”），按权重加总：得分率 = Σ 权重 × 得分 ÷ (3 × Σ 权重)；"
                         "≥ 80 % 良好，≥ 60 % 基本具备，其余需改进。没有证据不得 2 分。",
                         "Each item 0–3 (see Scale), weighted: percent = Σ weight × score ÷ (3 × Σ weight); ≥ 80 % good, "
                         "≥ 60 % adequate, otherwise needs improvement. No evidence, no 2.")),
    (("重新计算", "Recompute"), ("填好“审核清单”的得分后，由套件重新计算汇总：ccskills.management.system.audit_score(pandas.read_excel(文件, sheet_name=\"审核清单\"))。",
                             "After filling the scores, let the kit recompute the summary: "
                             "ccskills.management.system.audit_score(pandas.read_excel(file, sheet_name=\"Checklist\")).")),
)


def audit_frame(lang: str = "zh", filled: bool = True) -> pd.DataFrame:
    """The audit checklist as the sheet shows it (headers in ``lang``); ``filled`` adds the example's scores."""
    check_lang(lang)
    rows = [[i, _pick(AUDIT_PARTS[part], lang), _pick((zh, en), lang), _pick((ezh, een), lang), float(w),
             float(s) if filled else None, ""]
            for i, part, zh, en, ezh, een, w, s in AUDIT_ITEMS]
    return pd.DataFrame(rows, columns=[_pick(h, lang) for h in AUDIT_COLUMNS.values()])


def _gaps(result, lang) -> pd.DataFrame:
    gaps = result.gaps.assign(part=[_pick(AUDIT_PARTS[p], lang) for p in result.gaps["part"]])
    heads = ["编号", "部分", "检查项", "权重", "得分"] if lang == "zh" else ["ID", "Part", "Item", "Weight", "Score"]
    return gaps.reindex(columns=["item", "part", "text", "weight", "score"]).set_axis(heads, axis=1)


def audit_xlsx(lang: str = "zh", filled: bool = True) -> bytes:
    """管理体系年度审核: about, checklist (evidence, weight, score 0–3), the summary computed by
    :func:`audit_score`, the gaps (scored below 2, heaviest first) and the scale."""
    check_lang(lang)
    about, checklist, summary, gaps, scale = SHEETS["audit"][lang]
    frame = audit_frame(lang, filled)
    result = audit_score(frame)
    scale_rows = pd.DataFrame([[k, _pick(v, lang)] for k, v in AUDIT_SCALE.items()],
                              columns=["得分", "含义"] if lang == "zh" else ["Score", "Meaning"])
    sheets = {about: _about(_AUDIT_ABOUT, lang), checklist: frame, summary: result.table(lang),
              gaps: _gaps(result, lang), scale: scale_rows}
    percent = result.table(lang).columns[-1]
    return excel_bytes(sheets, number_formats={summary: {percent: "0.0%"}})


# ---------------------------------------------------------------- 系统选型需求清单 system selection
_SELECTION_ABOUT = (
    (("目的", "Purpose"), ("硬效率—系统建设：选平台前把需求写清楚，按优先级加权给供应商打分；任何一项“必须”不支持，总分再高也不选。",
                         "Hard efficiency, building the systems: write the requirements down before choosing, weight them by "
                         "priority and score the vendors; a vendor not supporting a single 'must' is out, whatever its total.")),
    (("范围", "Scope"), ("ACD、IVR、CTI、CRM、WFM、质检录音、报表。", "ACD, IVR, CTI, CRM, WFM, QA/recording, reporting.")),
    (("责任人", "Owner"), ("运营总监（决定）；运营主管、排班师、质检员和 IT（评分）。",
                         "Operations director (decides); supervisor, WFM analyst, QA analyst and IT (score).")),
    (("复核周期", "Review cycle"), ("每次选型或续约前；上线后 90 天复盘一次。", "Before each selection or renewal; reviewed 90 days after go-live.")),
    (("评分", "Scoring"), ("每个供应商每行 0–3 分（见“评分标准”）。加权总分 = Σ 权重 × 得分 ÷ (3 × Σ 权重)。"
                         "“必须”项得 0 分即未满足，该供应商不入围。",
                         "Each vendor 0–3 per line (see Scale). Weighted total = Σ weight × score ÷ (3 × Σ weight). "
                         "A 'must' scored 0 is failed and the vendor is out.")),
    (("重新计算", "Recompute"), ("填好后：ccskills.management.system.vendor_scores(pandas.read_excel(文件, sheet_name=\"需求清单\"))。"
                             "供应商列可增删、改名，备注列不计分。",
                             "After filling: ccskills.management.system.vendor_scores(pandas.read_excel(file, sheet_name=\"Requirements\")). "
                             "Vendor columns may be added, removed or renamed; the notes column is not scored.")),
)
_STEPS = (
    (("需求收集", "Collect requirements"), ("各岗位列需求，定优先级和权重", "Each role lists needs; set priority and weight"), ("运营主管", "Supervisor"), ("本需求清单", "This checklist")),
    (("发出需求书 (RFP)", "Send the RFP"), ("附需求清单，请供应商逐行答复", "Attach the checklist; vendors answer line by line"), ("运营总监", "Director"), ("供应商答复", "Vendor answers")),
    (("演示与试用 (POC)", "Demo and proof of concept"), ("用本中心数据演示“必须”项", "Show the 'musts' on the centre's own data"), ("评分小组", "Scoring team"), ("逐行得分", "Line scores")),
    (("评分与入围", "Score and shortlist"), ("套件计算加权总分，剔除未满足“必须”的供应商", "The kit computes totals and drops vendors failing a 'must'"), ("运营主管", "Supervisor"), ("评分汇总", "Summary")),
    (("商务与合同", "Commercials and contract"), ("验收标准写进合同：每个“必须”项一条", "Acceptance criteria in the contract: one per 'must'"), ("运营总监", "Director"), ("合同", "Contract")),
    (("调试与验收 (UAT)", "Commissioning and acceptance"), ("按需求清单逐项测试；报表口径与指标库核对", "Test line by line; check report definitions against the registry"), ("IT、排班师、质检员", "IT, WFM and QA analysts"), ("验收记录", "Acceptance log")),
    (("上线与割接", "Go-live and cut-over"), ("选低话务时段，保留回退方案", "Pick a quiet period; keep a way back"), ("IT、运营主管", "IT, supervisor"), ("上线方案", "Go-live plan")),
    (("上线后复盘", "Post-go-live review"), ("30 天、90 天对照需求清单复盘，列优化项", "Review at 30 and 90 days against the checklist; list improvements"), ("运营总监", "Director"), ("优化计划", "Improvement plan")),
)


def requirements_frame(lang: str = "zh", filled: bool = True) -> pd.DataFrame:
    """The requirement checklist as the sheet shows it; ``filled`` adds the example vendors' scores."""
    check_lang(lang)
    vendors = [_pick(v, lang) for v in VENDORS]
    rows = []
    for rid, module, zh, en, priority, scores in REQUIREMENTS:
        names = PRIORITIES[priority]
        shown = f"{names[0]} ({priority})" if lang == "zh" else names[1]
        rows.append([rid, _pick(MODULES[module], lang), _pick((zh, en), lang), shown, float(names[2]),
                     *([float(s) for s in scores] if filled else [None] * len(vendors)), ""])
    heads = [_pick(h, lang) for k, h in REQUIREMENT_COLUMNS.items() if k != "note"]
    return pd.DataFrame(rows, columns=[*heads, *vendors, _pick(REQUIREMENT_COLUMNS["note"], lang)])


def _selection_summary(frame, lang, filled) -> tuple[pd.DataFrame, pd.DataFrame]:
    heads = (["供应商", "得分", "满分", "加权总分", "未满足的必须项", "入围", "排名"] if lang == "zh" else
             ["Vendor", "Points", "Max points", "Weighted total", "Failed musts", "Eligible", "Rank"])
    failed_heads = ["供应商", "编号", "得分"] if lang == "zh" else ["Vendor", "ID", "Score"]
    if not filled:
        return (pd.DataFrame([[_pick(v, lang)] + [None] * 6 for v in VENDORS], columns=heads),
                pd.DataFrame(columns=failed_heads))
    result = vendor_scores(frame)
    table = result.table.reset_index()
    table["eligible"] = table["eligible"].map({True: _pick(("是", "yes"), lang), False: _pick(("否", "no"), lang)})
    return table.set_axis(heads, axis=1), result.failed.set_axis(failed_heads, axis=1)


def selection_xlsx(lang: str = "zh", filled: bool = True) -> bytes:
    """系统选型需求清单: about, requirement lines with must/should/could and weights and a column
    per vendor, the summary computed by :func:`vendor_scores`, failed musts, scale and steps."""
    check_lang(lang)
    about, requirements, summary, failed, scale, steps = SHEETS["selection"][lang]
    frame = requirements_frame(lang, filled)
    table, fails = _selection_summary(frame, lang, filled)
    scale_rows = [[k, _pick(v, lang), ""] for k, v in VENDOR_SCALE.items()]
    scale_rows += [[float(w), _pick((zh, en), lang), _pick(("优先级默认权重", "default weight of the priority"), lang)]
                   for zh, en, w in PRIORITIES.values()]
    scale_rows += [[MUST_MINIMUM, _pick(("“必须”项的最低得分", "lowest score that passes a 'must'"), lang), ""]]
    step_heads = ["步骤", "内容", "负责人", "产出"] if lang == "zh" else ["Step", "What", "Owner", "Output"]
    sheets = {about: _about(_SELECTION_ABOUT, lang), requirements: frame, summary: table, failed: fails,
              scale: pd.DataFrame(scale_rows, columns=["分值", "含义", "说明"] if lang == "zh" else ["Value", "Meaning", "Note"]),
              steps: pd.DataFrame([[_pick(c, lang) for c in row] for row in _STEPS], columns=step_heads)}
    return excel_bytes(sheets, number_formats={summary: {table.columns[3]: "0.0%"}})
