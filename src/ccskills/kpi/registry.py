"""The registry of contact-centre indicators: names (zh/en), family, formula, unit, direction, target.

One :class:`Indicator` per KPI the kit knows, in four families (COPC's service,
quality and cost groups plus people): ``service``, ``quality``, ``cost_efficiency``
and ``people``. Each says which table it is computed from (``source``) and where
(``module``); :func:`ccskills.kpi.compute` computes every indicator whose module is
``ccskills.kpi``. Targets are the usual public benchmarks of ``reference/domain.md``
§1 where one exists (``target_source`` says which); the amber bands and the targets
marked "kit default" are this kit's teaching choices, to be replaced by a centre's own.
Definitions the industry disagrees on are listed as named :class:`Variant` s, the
first being the default.

>>> indicator("service_level").name_en, indicator("service_level").target
('Service level', 0.8)
>>> [v.name for v in indicator("occupancy").variants]
['handle_over_staffed', 'handle_over_logged_in']
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .service import SERVICE_LEVEL_DEFINITIONS, service_level_definition
from .._validation import check_lang

__all__ = ["Indicator", "Variant", "REGISTRY", "FAMILIES", "indicator", "registry_table"]

#: Indicator families, in the order of chapter 01 (zh, en).
FAMILIES = {
    "service": ("服务", "Service"),
    "quality": ("质量", "Quality"),
    "cost_efficiency": ("成本效率", "Cost & efficiency"),
    "people": ("人员", "People"),
}
_DIRECTIONS = ("higher", "lower", "band", None)


@dataclass(frozen=True)
class Variant:
    """One named definition of an indicator: name, formula in English and Chinese."""

    name: str
    formula_en: str
    formula_zh: str


@dataclass(frozen=True)
class Indicator:
    """A KPI: id, names, family, formula (zh/en), unit, direction, usual target and variants.

    ``direction`` is "higher" or "lower" (which way is better), "band" (``target`` and
    ``amber`` are (low, high) ranges: green inside ``target``, amber inside ``amber``)
    or None (a volume: no better way). ``amber`` is the edge of the amber band
    (e.g. target 0.80, amber 0.75: 0.77 is amber). ``unit``: "calls", "fraction",
    "seconds", "score", "CNY", "CNY/hour" or "responses".

    ``synonyms_zh`` / ``synonyms_en`` are other names the same indicator goes by in
    centres' own reports and ACD exports (呼损率, 及时接通率, 首问解决率 …; domain.md §1
    and §6); each names one indicator only, and none is an indicator's own name.
    """

    id: str
    name_zh: str
    name_en: str
    family: str
    formula_zh: str
    formula_en: str
    unit: str
    direction: str | None
    target: float | tuple | None = None
    amber: float | tuple | None = None
    target_source: str = ""
    variants: tuple = ()
    source: str = "calls"
    module: str = "ccskills.kpi"
    synonyms_zh: tuple[str, ...] = ()
    synonyms_en: tuple[str, ...] = ()

    def __post_init__(self):
        if self.family not in FAMILIES:
            raise ValueError(f"family must be one of {list(FAMILIES)!r}, got {self.family!r}")
        if self.direction not in _DIRECTIONS:
            raise ValueError(f"direction must be one of {_DIRECTIONS!r}, got {self.direction!r}")

    def variant(self, name: str | None = None) -> Variant:
        """The named definition (the default, i.e. the first, when ``name`` is None)."""
        if not self.variants:
            raise ValueError(f"definition must be None for {self.id!r} (one definition), got {name!r}")
        if name is None:
            return self.variants[0]
        for v in self.variants:
            if v.name == name:
                return v
        valid = ", ".join(repr(v.name) for v in self.variants)
        raise ValueError(f"definition for {self.id!r} must be one of {valid}, got {name!r}")


def _sl_variants() -> tuple:
    zh = {
        "offered": "T秒内接通量 / (接通量 + 放弃量)",
        "answered": "T秒内接通量 / 接通量",
        "abandon_within_t_success": "(T秒内接通量 + T秒内放弃量) / (接通量 + 放弃量)",
        "abandon_after_t_only": "T秒内接通量 / (接通量 + T秒后放弃量)",
        "exclude_short_abandons": "T秒内接通量 / (接通量 + 放弃量 − 短时放弃量)",
    }
    return tuple(Variant(n, service_level_definition(n).formula, zh[n]) for n in SERVICE_LEVEL_DEFINITIONS)


_ICMI = "ICMI benchmark data: abandonment 4-8 % typical"
_KIT = "kit default (no public benchmark; set your own)"

_I = Indicator
_ENTRIES = (
    # ----------------------------------------------------------------- service
    _I("offered", "来话量", "Calls offered", "service", "接通量 + 放弃量(不含占线)",
       "answered + abandoned (blocked calls apart)", "calls", None,
       synonyms_zh=("呼入量", "进线量", "来电量"), synonyms_en=("Calls offered to agents", "Inbound volume")),
    _I("answered", "接通量", "Calls answered", "service", "座席接起的来话数", "calls answered by an agent",
       "calls", None, synonyms_zh=("应答量", "接话量", "人工接通量"), synonyms_en=("Calls handled",)),
    _I("abandoned", "放弃量", "Calls abandoned", "service", "排队中挂断的来话数",
       "calls that hung up in the queue", "calls", None,
       synonyms_zh=("呼损量", "呼损", "客户放弃量"), synonyms_en=("Abandons", "Lost calls")),
    _I("short_abandoned", "短时放弃量", "Short abandons", "service", "排队 ≤ 短时阈值秒即挂断的放弃量",
       "abandoned calls that waited <= the short-abandon threshold", "calls", None,
       synonyms_zh=("速挂", "客户速挂"), synonyms_en=("False abandons",)),
    _I("blocked", "占线(阻塞)量", "Calls blocked", "service", "因队列满未能进入排队的呼叫",
       "attempts refused because the queue was full", "calls", None,
       synonyms_zh=("呼叫阻塞量",), synonyms_en=("Busy signals",)),
    _I("answer_rate", "接通率", "Answer rate", "service", "接通量 / 来话量", "answered / offered",
       "fraction", "higher", 0.95, 0.92, _ICMI + "; 1 − abandonment target",
       synonyms_zh=("人工接通率", "应答率", "接听率"), synonyms_en=("Answered rate",)),
    _I("abandonment_rate", "放弃率", "Abandonment rate", "service", "放弃量 / 来话量",
       "abandoned / offered", "fraction", "lower", 0.05, 0.08, _ICMI,
       (Variant("all_abandons", "abandoned / offered", "放弃量 / 来话量"),
        Variant("excl_short", "(abandoned − short) / (offered − short)",
                "(放弃量 − 短时放弃量) / (来话量 − 短时放弃量)")),
       synonyms_zh=("呼损率", "弃呼率", "挂断率"), synonyms_en=("Abandon rate", "Lost-call rate")),
    _I("abandonment_rate_excl_short", "放弃率(剔除短时放弃)", "Abandonment rate excl. short abandons",
       "service", "(放弃量 − 短时放弃量) / (来话量 − 短时放弃量)",
       "(abandoned − short abandons) / (offered − short abandons)", "fraction", "lower", 0.05, 0.08, _ICMI),
    _I("blocked_rate", "呼叫阻塞率", "Blocked rate", "service", "占线量 / (来话量 + 占线量)",
       "blocked / (offered + blocked)", "fraction", "lower", 0.01, 0.02, _KIT,
       synonyms_zh=("阻塞率", "占线率"), synonyms_en=("Busy rate",)),
    _I("service_level", "服务水平", "Service level", "service", "T秒内接通量 / 来话量 (默认定义)",
       "answered within T s / offered (default definition)", "fraction", "higher", 0.80, 0.75,
       "80/20 is a convention (AT&T, 1980s), not a standard", _sl_variants(),
       synonyms_zh=("及时接通率", "20 秒接通率", "服务水准"), synonyms_en=("TSF (telephone service factor)", "X/Y (80/20)")),
    _I("asa_s", "平均应答速度", "Average speed of answer (ASA)", "service", "接通来话的排队时长之和 / 接通量",
       "sum of queue waits of answered calls / answered", "seconds", "lower", 30.0, 60.0,
       "≤ 30 s (Chinese industry benchmark), 30-60 s (international)",
       synonyms_zh=("平均应答时间",), synonyms_en=("Speed of answer",)),
    _I("avg_queue_time_s", "平均排队时长", "Average queue time", "service", "来话排队时长之和 / 来话量",
       "sum of queue waits of offered calls / offered", "seconds", "lower",
       synonyms_zh=("平均等待时长",)),
    _I("avg_time_to_abandon_s", "平均放弃时间", "Average time to abandon", "service",
       "放弃来话的等待时长之和 / 放弃量", "sum of waits of abandoned calls / abandoned", "seconds", None,
       target_source="20-60 s usual (a description, not a goal)",
       synonyms_zh=("平均放弃等待时长",), synonyms_en=("Average abandon time",)),
    # ----------------------------------------------------------------- quality
    _I("transfer_rate", "转接率", "Transfer rate", "quality", "转接量 / 接通量", "transferred / answered",
       "fraction", "lower", 0.08, 0.12, _KIT),
    _I("fcr_rate", "一次解决率", "First-contact resolution (FCR)", "quality",
       "首次联络即解决的接通量 / 有解决标记的接通量", "answered calls resolved first time / answered calls with a flag",
       "fraction", "higher", 0.75, 0.70, "industry benchmarks: 70-75 % good, 80-85 % best",
       (Variant("agent_flag", "resolved flag set by the agent / flagged answered calls",
                "座席标记已解决 / 有标记的接通量"),
        Variant("survey", "customers saying 'resolved' / survey responses", "客户回答已解决 / 回访样本"),
        Variant("no_repeat_7d", "contacts with no repeat within 7 days / contacts",
                "7天内无重复来电的联络 / 联络量")),
       synonyms_zh=("首问解决率", "首次解决率", "一次性解决率"), synonyms_en=("First-call resolution",)),
    _I("csat_top2_box", "客户满意度(前两项)", "CSAT (top-2 box)", "quality", "评4或5分的回复 / 回复数",
       "responses scoring 4 or 5 / responses (1-5 scale)", "fraction", "higher", 0.85, 0.80, _KIT,
       (Variant("top2_box", "responses scoring 4-5 / responses", "4-5分回复 / 回复数"),
        Variant("mean_score", "mean of the 1-5 scores", "1-5分的平均分")),
       synonyms_zh=("满意率", "客户满意率")),
    _I("nps", "净推荐值", "Net Promoter Score (NPS)", "quality", "推荐者(9-10分)% − 贬损者(0-6分)%",
       "% promoters (9-10) − % detractors (0-6), −100..100", "score", "higher", 30.0, 10.0, _KIT,
       source="survey"),
    _I("ces", "客户费力度", "Customer Effort Score (CES)", "quality", "1-7分容易程度评分的平均值(7=非常容易)",
       "mean of the 1-7 ease rating (7 = very easy)", "score", "higher", 5.5, 5.0, _KIT,
       (Variant("mean", "mean of the 1-7 ease rating", "1-7分平均"),
        Variant("share_easy", "responses 5-7 / responses", "5-7分回复 / 回复数")), source="survey",
       synonyms_zh=("客户努力度",)),
    _I("qa_score", "质检得分", "QA score", "quality", "Σ(权重 × 得分) / Σ权重 × 100, 有致命错误记0分",
       "Σ(weight × score) / Σ weights × 100, 0 with a critical error", "score", "higher",
       source="qa_evaluations", module="ccskills.quality", synonyms_zh=("质检成绩", "品质得分"),
       synonyms_en=("Quality score",)),
    # ----------------------------------------------------------------- cost & efficiency
    _I("avg_talk_s", "平均通话时长", "Average talk time", "cost_efficiency", "通话时长之和 / 接通量",
       "sum of talk / answered", "seconds", "lower",
       synonyms_zh=("平均通话时间",), synonyms_en=("ATT",)),
    _I("avg_hold_s", "平均保持时长", "Average hold time", "cost_efficiency", "保持时长之和 / 接通量",
       "sum of hold / answered", "seconds", "lower",
       synonyms_zh=("平均保留时长",)),
    _I("avg_acw_s", "平均话后处理时长", "Average after-call work", "cost_efficiency", "话后处理时长之和 / 接通量",
       "sum of after-call work / answered", "seconds", "lower", 60.0, 90.0, "Chinese industry indicator lists: 30-60 s",
       synonyms_zh=("平均事后处理时长", "平均话后时长"), synonyms_en=("ACW", "Wrap-up time")),
    _I("aht_s", "平均处理时长", "Average handle time (AHT)", "cost_efficiency",
       "(通话 + 保持 + 话后处理) / 接通量", "(talk + hold + after-call work) / answered", "seconds", "lower",
       target_source="site-specific (plan against the forecast AHT)",
       variants=(Variant("talk_hold_acw", "(talk + hold + ACW) / answered", "(通话 + 保持 + 话后) / 接通量"),
                 Variant("talk_acw", "(talk + ACW) / answered (many Chinese ACD reports)",
                         "(通话 + 事后处理) / 应答量")),
       synonyms_zh=("平均处理时间",), synonyms_en=("Handle time",)),
    _I("occupancy", "占用率", "Occupancy", "cost_efficiency", "处理时长 / (处理时长 + 示闲等待时长)",
       "handle time / (handle time + available idle time)", "fraction", "band", (0.75, 0.85), (0.70, 0.90),
       "industry benchmarks: 75-85 %; warn above ~90 % (burnout)",
       (Variant("handle_over_staffed", "handle / (handle + available)", "处理 / (处理 + 示闲)"),
        Variant("handle_over_logged_in", "handle / logged-in (not-ready counted in)", "处理 / 签入时长")),
       source="agent_states", synonyms_zh=("座席占用率",), synonyms_en=("Agent occupancy",)),
    _I("utilisation", "座席利用率", "Utilisation", "cost_efficiency", "(处理 + 示闲) / 带薪时长",
       "(handle + available) / paid time", "fraction", "higher", 0.70, 0.65, _KIT + "; definitions conflict",
       (Variant("staffed_over_paid", "(handle + available) / paid", "(处理 + 示闲) / 带薪时长"),
        Variant("handle_over_paid", "handle / paid", "处理 / 带薪时长"),
        Variant("logged_in_over_paid", "logged-in / paid", "签入 / 带薪时长")), source="agent_states",
       synonyms_zh=("工时利用率",), synonyms_en=("Utilization",)),
    _I("shrinkage", "损耗率", "Shrinkage", "cost_efficiency", "不可接话的带薪时长 / 带薪时长",
       "paid time not available for contacts / paid time", "fraction", "lower", 0.30, 0.35,
       "industry benchmarks: 20-35 % typical",
       (Variant("not_available", "(paid − handle − available) / paid", "(带薪 − 处理 − 示闲) / 带薪"),
        Variant("offline_only", "(paid − logged-in) / paid", "(带薪 − 签入) / 带薪")), source="agent_states",
       synonyms_zh=("缩水率", "人力损耗率"), synonyms_en=("Shrink",)),
    _I("schedule_adherence", "排班遵从度", "Schedule adherence", "cost_efficiency",
       "在排定时间处于排定状态的分钟 / 排定分钟", "minutes in the scheduled state at the scheduled time / scheduled minutes",
       "fraction", "higher", 0.92, 0.90, "industry benchmarks: 90-95 %", source="schedules",
       module="ccskills.scheduling", synonyms_zh=("排班符合率", "准点率", "遵从度"), synonyms_en=("Adherence",)),
    _I("cost_per_contact", "单呼成本", "Cost per contact", "cost_efficiency", "运营总成本 / 接通量",
       "total operating cost / contacts handled", "CNY", "lower",
       target_source="2-5 元 (an older Chinese figure); compare with your own trend",
       variants=(Variant("per_answered", "total cost / answered calls", "总成本 / 接通量"),
                 Variant("per_offered", "total cost / offered calls", "总成本 / 来话量")), source="costs",
       synonyms_zh=("每次联络成本", "单通成本"), synonyms_en=("CPC", "Cost per call")),
    _I("cost_per_productive_hour", "每生产小时成本", "Cost per productive hour", "cost_efficiency",
       "运营总成本 / 生产小时", "total operating cost / productive agent hours", "CNY/hour", "lower",
       target_source="worked example: $10 M ÷ (150 × 2080 × 0.8) ≈ $40/h",
       variants=(Variant("staffed_hours", "total cost / (handle + available) hours", "总成本 / (处理 + 示闲)小时"),
                 Variant("handle_hours", "total cost / handle hours", "总成本 / 处理小时"),
                 Variant("logged_in_hours", "total cost / logged-in hours", "总成本 / 签入小时")),
       source="costs", synonyms_zh=("每工时成本",), synonyms_en=("Cost per staffed hour",)),
    # ----------------------------------------------------------------- people
    _I("attendance_rate", "出勤率", "Attendance rate", "people", "1 − 缺勤天数 / 应出勤天数",
       "1 − days absent / scheduled working days", "fraction", "higher", 0.95, 0.92, _KIT,
       source="attendance", module="ccskills.people", synonyms_zh=("到岗率",)),
    _I("attrition_rate", "人员流失率", "Attrition rate", "people", "离职人数 / 平均在职人数",
       "leavers / average headcount (monthly; 12 months ≈ annual)", "fraction", "lower",
       target_source="industry surveys: 30-45 %/yr in-house, 40-80 % BPO",
       source="hr_records", module="ccskills.people", synonyms_zh=("离职率", "流失率"),
       synonyms_en=("Turnover",)),
)

#: Every indicator by id, in the order of the families.
REGISTRY: dict[str, Indicator] = {i.id: i for i in _ENTRIES}


def indicator(id: str) -> Indicator:
    """The :class:`Indicator` called ``id`` (``ValueError`` listing the valid ids otherwise)."""
    if id not in REGISTRY:
        raise ValueError(f"id must be one of the registered indicators {list(REGISTRY)!r}, got {id!r}")
    return REGISTRY[id]


_HEADERS = {
    "zh": {"id": "指标代码", "name": "指标", "family": "类别", "formula": "公式", "unit": "单位",
           "direction": "方向", "target": "常用目标", "variants": "定义变体", "module": "计算模块"},
    "en": {"id": "id", "name": "indicator", "family": "family", "formula": "formula", "unit": "unit",
           "direction": "better", "target": "usual target", "variants": "definitions", "module": "module"},
}
_DIRECTION_TEXT = {"zh": {"higher": "越高越好", "lower": "越低越好", "band": "区间内为好", None: "—"},
                   "en": {"higher": "higher", "lower": "lower", "band": "within a band", None: "—"}}


def _target_text(i: Indicator) -> str:
    if i.target is None:
        return ""
    if isinstance(i.target, tuple):
        return "–".join(f"{v:g}" for v in i.target)
    return f"{i.target:g}"


def registry_table(lang: str = "zh", family: str | None = None) -> pd.DataFrame:
    """The registry as a table for a lesson or report, headers and names in ``lang`` ("zh" or "en").

    >>> registry_table("en", family="people")["indicator"].tolist()
    ['Attendance rate', 'Attrition rate']
    """
    check_lang(lang)
    if family is not None and family not in FAMILIES:
        raise ValueError(f"family must be None or one of {list(FAMILIES)!r}, got {family!r}")
    zh = lang == "zh"
    rows = [
        {
            "id": i.id,
            "name": f"{i.name_zh} {i.name_en}" if zh else i.name_en,
            "family": FAMILIES[i.family][0 if zh else 1],
            "formula": i.formula_zh if zh else i.formula_en,
            "unit": i.unit,
            "direction": _DIRECTION_TEXT[lang][i.direction],
            "target": _target_text(i),
            "variants": ", ".join(v.name for v in i.variants),
            "module": i.module,
        }
        for i in REGISTRY.values()
        if family is None or i.family == family
    ]
    return pd.DataFrame(rows).rename(columns=_HEADERS[lang]).set_index(_HEADERS[lang]["id"])
