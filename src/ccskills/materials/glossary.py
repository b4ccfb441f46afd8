"""术语与公式卡 Glossary and formula card, and the five service-level definitions handout.

The card lists every indicator of :data:`ccskills.kpi.REGISTRY` with its formula (zh/en), unit,
direction, usual target, named definition variants and the synonyms participants meet in their
own reports, then the planning formulas (:data:`FORMULA_CARDS`, each naming the kit function that
computes it and a worked example that function computes) and the common terms. Everything comes
from the registry and the kit's functions, so the card cannot drift from the library.

The handout ``sl_definitions`` puts the five definitions of
:data:`ccskills.kpi.SERVICE_LEVEL_DEFINITIONS` side by side on one month of the simulated
centre's calls (``ccskills.datasets.load_call_records``), computed with ``ccskills.kpi``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable

from ccskills.i18n import text
from ccskills.kpi.display import label
from ccskills.kpi.registry import FAMILIES, REGISTRY, Indicator, indicator, registry_table
from ccskills.materials._catalogue import Document

__all__ = ["DOCUMENTS", "FORMULA_CARDS", "FormulaCard", "TERMS", "UNIT_WORDS", "glossary_data",
           "sl_definitions_data"]

UNIT_WORDS: dict[str, tuple[str, str]] = {
    "calls": (text("unit_calls", "zh"), text("unit_calls", "en")),
    "fraction": ("比例 %", "fraction"),
    "seconds": (text("unit_seconds", "zh"), "seconds"),
    "score": ("分", "score"),
    "CNY": ("元", "CNY"),
    "CNY/hour": ("元/小时", "CNY per hour"),
    "responses": ("份", "responses"),
}
"""Each registry unit in words (zh, en), as the card prints it."""


@dataclass(frozen=True)
class FormulaCard:
    """A formula participants use in planning: titles, the formula as Typst math (a constant of
    this module, evaluated in math mode by the template; never text from outside), the kit
    function that computes it (``module:name``), and a worked example computed by that function."""

    title_zh: str
    title_en: str
    math: str
    function: str
    example: str
    value: Callable[[Callable], float]
    shown: str

    def kit_function(self) -> Callable:
        module, name = self.function.split(":")
        return getattr(importlib.import_module(module), name)

    def worked(self) -> str:
        """The example with the figure the kit function gives."""
        return f"{self.example} → {self.shown.format(self.value(self.kit_function()))}"


_EX = "N = 14, A = 10, AHT = 180 秒, t = 20 秒"
FORMULA_CARDS: tuple[FormulaCard, ...] = (
    FormulaCard("话务量", "Offered load (Erlang)", 'A = (lambda dot "AHT") / T',
                "ccskills.queueing:offered_load", "λ = 100 通, AHT = 180 秒, T = 1800 秒",
                lambda f: f(100, 180, 1800), "{:g} Erlang"),
    FormulaCard("Erlang B 阻塞概率", "Erlang B blocking", "B(N, A) = (A^N \\/ N!) / (sum_(k=0)^N A^k \\/ k!)",
                "ccskills.queueing:erlang_b", "N = 14, A = 10", lambda f: f(14, 10.0), "{:.4f}"),
    FormulaCard("Erlang C 等待概率", "P(wait), Erlang C", 'P_"wait" = C(N, A) = (N B(N, A)) / (N - A + A B(N, A))',
                "ccskills.queueing:erlang_c", "N = 14, A = 10", lambda f: f(14, 10.0), "{:.4f}"),
    FormulaCard("服务水平（Erlang C）", "Service level (Erlang C)",
                '"SL" = 1 - C(N, A) dot e^(-(N - A) t \\/ "AHT")',
                "ccskills.queueing:service_level", _EX, lambda f: f(14, 10.0, 180, 20), "{:.1%}"),
    FormulaCard("平均应答速度（Erlang C）", "ASA (Erlang C)", '"ASA" = (C(N, A) dot "AHT") / (N - A)',
                "ccskills.queueing:average_speed_of_answer", "N = 14, A = 10, AHT = 180 秒",
                lambda f: f(14, 10.0, 180), "{:.1f} 秒"),
    FormulaCard("占用率（Erlang）", "Occupancy (Erlang)", "rho = A / N", "ccskills.queueing:occupancy",
                "N = 14, A = 10", lambda f: f(14, 10.0), "{:.1%}"),
    FormulaCard("排班人数（含损耗）", "Headcount after shrinkage", 'H = ceil(N / (1 - s))',
                "ccskills.staffing:scheduled_headcount", "N = 14, s = 30 %", lambda f: f(14, 0.3), "{:d} 人"),
    FormulaCard("全职人力当量", "Full-time equivalents (FTE)", '"FTE" = h / (h_"FTE" dot (1 - s))',
                "ccskills.staffing:full_time_equivalents", "h = 1984 小时, s = 30 %",
                lambda f: f(1984, shrinkage=0.3), "{:.3f} FTE"),
    FormulaCard("预测误差 WAPE", "Forecast error (WAPE)", '"WAPE" = (sum_i |A_i - F_i|) / (sum_i A_i)',
                "ccskills.forecasting:accuracy", "实际 A = (10, 2), 预测 F = (8, 4)",
                lambda f: f([10, 2], [8, 4])["wape"], "{:.1%}"),
)
"""The planning formulas of the card, in the order of chapters 04-05."""

_SYMBOLS = (("N", "agents"), ("A", "offered_load"), ("λ", "calls"), ("T", "interval"), ("t", "answer_time"),
            ("AHT", "aht"), ("s", "shrinkage"))
"""Symbols of :data:`FORMULA_CARDS` → the i18n key of their words."""

TERMS: tuple[tuple[str, str, str], ...] = (
    ("坐席 / 座席", "agent", "接听电话的一线员工（客服代表），两种写法都常见"),
    (text("offered_load", "zh"), text("offered_load", "en"), "1 Erlang = 一名座席忙满一个时段"),
    (text("answer_time", "zh"), text("answer_time", "en"), "服务水平 X/Y 里的 Y 秒（如 80/20 的 20 秒）"),
    ("口径", "definition", "同一指标分子、分母怎么算；报数时写明口径"),
    ("话务预测", "forecasting", "按时段预测来话量和 AHT"),
    ("排班 / 班表", "scheduling / schedule", "把每个时段所需人数排成班次"),
    ("损耗", "shrinkage", "带薪却不能接话的时间：休息、培训、会议、缺勤"),
    (text("interval", "zh"), text("interval", "en"), "预测和排班的最小单位，常用 15 或 30 分钟"),
    (text("patience", "zh"), text("patience", "en"), "客户放弃前愿意等的时间（Erlang A）"),
    ("签入 / 示闲 / 示忙", "logged in / available / not ready", "座席状态，占用率和损耗由此算"),
    ("队列 / 技能组", "queue / skill group", "ACD 按技能组把来电分给座席"),
    ("ACD / IVR", "automatic call distributor / voice menu", "自动呼叫分配 / 交互式语音应答"),
    ("质检 / 校准", "quality monitoring / calibration", "按评分表听录音打分；多人对同一录音打分对齐尺度"),
)
"""General terms (not indicators) for the card's 常用术语 block: (zh, en, a short note in zh)."""

NOTES: tuple[str, ...] = (
    "呼损率：本卡按放弃率理解（呼损 = 排队中挂断）；有的系统把占线（系统忙）也算进呼损，"
    "电话交换理论（Erlang B）里的呼损率则是阻塞率 blocked rate。先看分子、分母各含什么。",
    "“20 秒接通率 / X 秒接通率”在很多中文系统里 = 20 秒内接通量 ÷ 接通量（answered 口径），"
    "比本套件默认的 offered 口径高。",
    "接通率：有的报表以全部来电（含 IVR 自助）为分母；人工接通率只算要求转人工的来电，即本卡的接通率。",
)
"""Reading one's own report: where the same word means different things (domain.md §1.2, §6)."""


def _number(value: float) -> str:
    return f"{value:g}"


def _target(ind: Indicator, lang: str) -> str:
    """The usual target with its unit and direction (≥ 80 %, ≤ 30 秒, 75–85 %); "" without one."""
    if ind.target is None:
        return ""
    scale, unit = {"fraction": (100, " %"), "seconds": (1, " 秒" if lang == "zh" else " s")}.get(ind.unit, (1, ""))
    if isinstance(ind.target, tuple):
        return "–".join(_number(v * scale) for v in ind.target) + unit
    sign = {"higher": "≥ ", "lower": "≤ "}[ind.direction]
    return sign + _number(ind.target * scale) + unit


def _row(ind: Indicator, zh, en) -> dict:
    return {"id": ind.id, "name_zh": ind.name_zh, "name_en": ind.name_en,
            "synonyms_zh": list(ind.synonyms_zh), "synonyms_en": list(ind.synonyms_en),
            "formula_zh": ind.formula_zh, "formula_en": ind.formula_en,
            "unit_zh": UNIT_WORDS[ind.unit][0], "unit_en": UNIT_WORDS[ind.unit][1],
            "direction_zh": zh.loc[ind.id, "方向"], "direction_en": en.loc[ind.id, "better"],
            "target_zh": _target(ind, "zh"), "target_en": _target(ind, "en"),
            "kit_default": ind.target is not None and ind.target_source.startswith("kit default"),
            "variants": [{"name": v.name, "formula_zh": v.formula_zh, "formula_en": v.formula_en}
                         for v in ind.variants]}


def glossary_data() -> dict:
    """The card's data: families in chapter order with their indicators' rows, the formula cards,
    their symbols, the common terms and the reading notes."""
    zh, en = registry_table("zh"), registry_table("en")
    families = [{"zh": family_zh, "en": family_en,
                 "rows": [_row(i, zh, en) for i in REGISTRY.values() if i.family == key]}
                for key, (family_zh, family_en) in FAMILIES.items()]
    cards = [{"title_zh": c.title_zh, "title_en": c.title_en, "math": c.math,
              "function": c.function.replace(":", "."), "example": c.worked()} for c in FORMULA_CARDS]
    symbols = [{"symbol": s, "zh": text(key, "zh"), "en": text(key, "en")} for s, key in _SYMBOLS]
    return {"title": "术语与公式卡 Glossary and formula card", "families": families, "count": len(REGISTRY),
            "cards": cards, "symbols": symbols, "notes": list(NOTES),
            "terms": [{"zh": z, "en": e, "note": n} for z, e, n in TERMS]}


ANSWER_TIME = 20
"""T of the handout, in seconds: the 20 of the 80/20 convention (answered within T is ``wait_s <= T``)."""
SHORT_ABANDON = 5
"""Short-abandon threshold of the handout, in seconds (the kit's default: misdials within 5 s)."""

SL_TREATMENT: dict[str, tuple[str, str]] = {
    "offered": ("放弃全部算失败（本套件默认）", "every abandon fails (kit default)"),
    "answered": ("完全不看放弃（不推荐）", "abandons ignored (not recommended)"),
    "abandon_within_t_success": ("T 秒内放弃算成功", "abandons within T succeed"),
    "abandon_after_t_only": ("T 秒内放弃不计，T 秒后放弃算失败", "abandons within T left out, later ones fail"),
    "exclude_short_abandons": ("剔除短时放弃，其余放弃算失败", "short abandons left out, others fail"),
}
"""What each service-level definition does with abandoned calls (lesson 02/02's table), zh and en."""



def _month_of_calls():
    """The first calendar month of the simulated centre's call records, and its label."""
    from ccskills.datasets import load_call_records

    calls = load_call_records()
    month = calls["arrival"].dt.to_period("M")
    return calls[month == month.min()], str(month.min())


def _sl_rows(calls, target: float) -> list[dict]:
    from ccskills import kpi

    whole = kpi.service_level_by_definition(calls, ANSWER_TIME, SHORT_ABANDON)
    queues = {q: kpi.service_level_by_definition(g, ANSWER_TIME, SHORT_ABANDON)["service_level"]
              for q, g in calls.groupby("queue")}
    variants = {v.name: v for v in indicator("service_level").variants}
    return [{"number": n, "name": name, "treatment_zh": SL_TREATMENT[name][0], "treatment_en": SL_TREATMENT[name][1],
             "formula_zh": variants[name].formula_zh, "formula_en": row["formula"],
             "numerator": int(row["numerator"]), "denominator": int(row["denominator"]),
             "numerator_text": f"{int(row['numerator']):,}", "denominator_text": f"{int(row['denominator']):,}",
             "sl": float(row["service_level"]), "sl_text": _percent(row["service_level"]),
             "meets": bool(row["service_level"] >= target),
             "queues": [_percent(queues[q][name]) for q in queues], "source": row["source"]}
            for n, (name, row) in enumerate(whole.iterrows(), 1)]


def _percent(fraction: float) -> str:
    return f"{fraction * 100:.1f} %"


def sl_definitions_data() -> dict:
    """The handout's data: one month of calls, the five definitions' counts and service levels
    (the whole centre and each queue), the target, and the call counts behind them."""
    from ccskills import kpi

    calls, month = _month_of_calls()
    target = indicator("service_level").target
    rows = _sl_rows(calls, target)
    counts = kpi.call_counts(calls, SHORT_ABANDON)
    levels = [r["sl"] for r in rows]
    by_name = {r["name"]: r for r in rows}
    within = by_name["offered"]["numerator"]
    counts = counts._asdict() | {"answered_within_t": within, "abandoned_within_t":
                                 by_name["abandon_within_t_success"]["numerator"] - within}
    return {"title": "服务水平的五种定义 The five service-level definitions", "month": month,
            "answer_time": ANSWER_TIME, "short_abandon": SHORT_ABANDON, "target": target,
            "target_text": _percent(target).replace(".0 ", " "), "rows": rows,
            "queues": [{"zh": label(q, "zh"), "en": label(q, "en")}
                       for q in sorted(calls["queue"].unique())],
            "counts": {k: f"{int(v):,}" for k, v in counts.items()},
            "low": _percent(min(levels)), "high": _percent(max(levels)),
            "spread": f"{(max(levels) - min(levels)) * 100:.1f}", "meeting": sum(r["meets"] for r in rows)}


DOCUMENTS = (
    Document("glossary", "术语与公式卡_glossary.pdf", "术语与公式卡", "Glossary and formula card",
             "glossary", glossary_data, pages=(2, 2)),
    Document("sl_definitions", "服务水平五种定义_sl_definitions.pdf", "服务水平的五种定义",
             "The five service-level definitions", "_glossary_sl_definitions", sl_definitions_data, pages=(1, 1)),
)
