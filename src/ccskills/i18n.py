"""Chinese and English words for the calculators: labels, units, messages, glossary.

One table, :data:`TEXT`, maps a key to its ``(zh, en)`` pair; :func:`text` looks a
key up in a language. The library raises ``ValueError``/``TypeError`` worded as
``"{name} must be …, got {value!r}"``; :func:`error_message` turns such an error
into one sentence in the user's language, chosen by the parameter ``name``, so a
trainee never sees a traceback. Nothing here imports widgets or charts.

>>> text("service_level", "en")
'Service level'
>>> error_message(ValueError("aht must be a positive number, got 0"), "en")
'Average handle time (AHT) must be more than 0 seconds (you entered 0).'

:func:`label` is the word a learner reads for a code the kit computes with: a KPI id
(the registry's name), a queue code or a status code; lessons show tables with
``frame.rename(columns=label, index=label)``.
"""

from __future__ import annotations

import math
import re

from ._validation import check_lang

__all__ = ["LANGUAGES", "TEXT", "ERRORS", "QUEUE_NAMES", "STATUS_NAMES", "text", "label", "error_message",
           "parameter_of"]

LANGUAGES: tuple[str, ...] = ("zh", "en")
"""Supported languages; the first is the default."""

TEXT: dict[str, tuple[str, str]] = {
    # Domain glossary (labels shown on screen).
    "service_level": ("服务水平", "Service level"),
    "asa": ("平均应答速度", "Average speed of answer (ASA)"),
    "asa_short": ("平均应答速度", "ASA"),
    "occupancy": ("占用率", "Occupancy"),
    "abandonment": ("放弃率", "Abandonment rate"),
    "p_wait": ("等待概率", "P(wait)"),
    "offered_load": ("话务量（爱尔兰）", "Offered load (Erlang)"),
    "agents": ("座席数", "Agents"),
    "required_agents": ("所需座席数", "Required agents"),
    "scheduled_headcount": ("排班人数", "Scheduled headcount"),
    "shrinkage": ("损耗率", "Shrinkage"),
    "patience": ("耐心时间", "Patience"),
    "aht": ("平均处理时长（AHT）", "Average handle time (AHT)"),
    "calls": ("每时段来话量", "Calls offered per interval"),
    "interval": ("时段长度", "Interval length"),
    "answer_time": ("应答时限", "Answer time"),
    "target_sl": ("服务水平目标", "Service level target"),
    "target_asa": ("平均应答速度目标", "ASA target"),
    "max_occupancy": ("最高占用率", "Maximum occupancy"),
    "max_abandon": ("最高放弃率", "Maximum abandonment rate"),
    # Controls and headings.
    "title": ("Erlang 座席计算器", "Erlang staffing calculator"),
    "language": ("语言", "Language"),
    "inputs": ("输入", "Inputs"),
    "results": ("结果", "Results"),
    "target_kind": ("目标", "Target"),
    "target_kind_sl": ("服务水平（X % 在 Y 秒内接听）", "Service level (X % within Y s)"),
    "target_kind_asa": ("平均应答速度（秒）", "Average speed of answer (s)"),
    "use_patience": ("考虑客户放弃（Erlang A）", "Callers abandon (Erlang A)"),
    "model": ("模型", "Model"),
    "model_c": ("Erlang C（不放弃）", "Erlang C (no abandonment)"),
    "model_a": ("Erlang A（含放弃）", "Erlang A (with abandonment)"),
    "table_title": ("答案附近的座席数（±5）", "Around the answer (±5 agents)"),
    "chart_title": ("服务水平与平均应答速度随座席数的变化",
                    "Service level and ASA against agents"),
    "target_line": ("目标", "Target"),
    "answer_mark": ("答案", "Answer"),
    "download_excel": ("下载 Excel 表", "Download the table (Excel)"),
    "excel_file": ("座席测算", "staffing"),
    "computing": ("计算中…", "Computing…"),
    "ok": ("已计算。", "Calculated."),
    "status_done": ("{done}模型：{model}", "{done} Model: {model}"),
    "ok_capped": ("已计算；占用率上限决定了座席数。",
                  "Calculated; the occupancy cap set the number of agents."),
    "headcount_note": ("排班人数 = 所需座席数 ÷ (1 − 损耗率)，向上取整",
                       "Scheduled headcount = required agents ÷ (1 − shrinkage), rounded up"),
    # Units and options.
    "unit_seconds": ("秒", "s"),
    "unit_minutes": ("分钟", "min"),
    "unit_percent": ("%", "%"),
    "unit_calls": ("通", "calls"),
    "unit_people": ("人", "people"),
    "minutes_option": ("{n} 分钟", "{n} min"),
    "infinite": ("无穷大（座席不足）", "infinite (too few agents)"),
    "not_applicable": ("—", "—"),
    "row_answer": ("← 答案", "← answer"),
    "unexpected": ("计算时出现意外问题（{kind}）。请检查输入后重试。",
                   "Something unexpected went wrong ({kind}). Check the inputs and try again."),
    "invalid_generic": ("输入有误：{name}（输入值：{value}）。",
                        "Invalid input: {name} (you entered {value})."),
}
"""Key → (Chinese, English)."""

ERRORS: dict[str, tuple[str, str]] = {
    "calls": ("每时段来话量必须是 0 或正数", "Calls offered per interval must be zero or more"),
    "aht": ("平均处理时长（AHT）必须大于 0 秒",
            "Average handle time (AHT) must be more than 0 seconds"),
    "interval": ("时段长度必须大于 0", "The interval length must be more than 0"),
    "load": ("话务量必须是 0 或正数", "The offered load must be zero or more"),
    "agents": ("座席数必须是正整数", "The number of agents must be a positive whole number"),
    "answer_time": ("应答时限必须是 0 或正的秒数",
                    "The answer time must be zero or more seconds"),
    "target": ("服务水平目标必须大于 0 % 且小于 100 %",
               "The service level target must be more than 0 % and less than 100 %"),
    "target_asa": ("平均应答速度目标必须大于 0 秒",
                   "The ASA target must be more than 0 seconds"),
    "max_occupancy": ("最高占用率必须大于 0 % 且不超过 100 %",
                      "The maximum occupancy must be more than 0 % and at most 100 %"),
    "shrinkage": ("损耗率必须在 0 % 到 100 % 之间（不含 100 %）",
                  "Shrinkage must be from 0 % up to, but not including, 100 %"),
    "patience": ("耐心时间必须大于 0 秒", "Patience must be more than 0 seconds"),
    "max_abandon": ("最高放弃率必须在 0 % 到 100 % 之间",
                    "The maximum abandonment rate must be between 0 % and 100 %"),
    # Limits of the range the formulas are verified for (ccskills.queueing._limits).
    "calls:max": ("来话量太大：话务量（来话量 × AHT ÷ 时段长度）最多 1,000,000 爱尔兰",
                  "Too many calls: the offered load (calls × AHT ÷ interval) can be at most "
                  "1,000,000 Erlangs"),
    "calls:min": ("来话量太小：话务量要么是 0，要么至少 1e-300 爱尔兰",
                  "Too few calls: the offered load must be 0 or at least 1e-300 Erlangs"),
    "load:max": ("话务量最多 1,000,000 爱尔兰", "The offered load can be at most 1,000,000 Erlangs"),
    "load:min": ("话务量要么是 0，要么至少 1e-300 爱尔兰", "The offered load must be 0 or at least 1e-300 Erlangs"),
    "agents:max": ("座席数最多 2,000,000", "The number of agents can be at most 2,000,000"),
    "agents:min": ("座席数至少是百万分之一（0.000001）", "The number of agents must be at least 0.000001"),
    "patience:max": ("耐心时间最多是 AHT 的 1,000,000 倍（客户从不放弃时请用 Erlang C）",
                     "Patience can be at most 1,000,000 × AHT (for callers who never abandon, "
                     "use Erlang C)"),
    "patience:min": ("耐心时间至少是 AHT 的百万分之一", "Patience must be at least AHT ÷ 1,000,000"),
    "target:reach": ("这个服务水平目标需要超过 2,000,000 名座席，请降低目标",
                     "This service level target would need more than 2,000,000 agents; lower it"),
    "target_asa:reach": ("这个平均应答速度目标需要超过 2,000,000 名座席，请放宽目标",
                         "This ASA target would need more than 2,000,000 agents; raise it"),
    "max_abandon:reach": ("这个放弃率上限需要超过 2,000,000 名座席，请放宽上限",
                          "This abandonment cap would need more than 2,000,000 agents; raise it"),
    "max_occupancy:min": ("最高占用率太低：所需座席会超过 2,000,000",
                          "The maximum occupancy is too low: it would need more than 2,000,000 agents"),
    "shrinkage:max": ("损耗率太接近 100 %：排班人数会大到无法准确计算",
                      "Shrinkage is too close to 100 %: the headcount would be too large to count exactly"),
    "interval:max": ("时段长度最多 86,400 秒（一天）", "The interval can be at most 86,400 seconds (one day)"),
}
"""Parameter name → the rule it broke, as a sentence stem in (Chinese, English).

A key ``"{name}:max"``, ``"{name}:min"`` or ``"{name}:reach"`` is the sentence for an
upper bound ("must be at most / below"), a lower bound ("must be [0 or] at least") or a
target no staffing within the limits reaches ("must be reachable"); without one, the
parameter's own sentence is used.
"""

QUEUE_NAMES: dict[str, tuple[str, str]] = {"presales": ("售前", "Presales"),
                                           "aftersales": ("售后", "Aftersales")}
"""The sample data's queue codes → (Chinese, English); other groups (uploads, teams, agents) show as written."""

STATUS_NAMES: dict[str, tuple[str, str]] = {
    "on_track": ("在轨", "On track"),
    "green": ("绿灯", "Green"), "amber": ("黄灯", "Amber"), "red": ("红灯", "Red"),
}
"""Status codes (a plan's check-in, a KPI's RAG status) → (Chinese, English)."""

_VARIANT = re.compile(r" must be (?:0 or )?(at most|below|at least|reachable) ")
_KINDS = {"at most": "max", "below": "max", "at least": "min", "reachable": "reach"}

PERCENT_PARAMETERS = frozenset({"target", "target_sl", "max_occupancy", "shrinkage", "max_abandon"})
"""Parameters entered in percent on screen but passed to the library as fractions."""

_ENTERED = ("（输入值：{value}）。", " (you entered {value}).")
_MESSAGE = re.compile(r"^\s*(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:\[[^\]]*\]| [A-Za-z_][A-Za-z0-9_]*)? must .*?"
                      r"(?:, got (?P<value>.*))?$", re.DOTALL)
"""``"{name} must …, got {value!r}"``; a table parameter may name its column (``"{name} {column} must …"``)
and a mapping parameter its entry (``"{name}['key'] must …"``)."""


def _index(lang: str) -> int:
    """Position of ``lang`` in the (zh, en) pairs; unknown languages fall back to zh."""
    return LANGUAGES.index(lang) if lang in LANGUAGES else 0


def text(key: str, lang: str = "zh", **fields) -> str:
    """The string for ``key`` in ``lang`` ("zh" or "en"), formatted with ``fields``.

    >>> text("minutes_option", "zh", n=15)
    '15 分钟'
    """
    return TEXT[key][_index(lang)].format(**fields)


def parameter_of(exc: BaseException) -> tuple[str, str] | None:
    """``(name, value_repr)`` from a ``"{name} must be …, got {value!r}"`` message, else None.

    >>> parameter_of(ValueError("patience must be a positive number, got 0.0"))
    ('patience', '0.0')
    >>> parameter_of(ValueError("results passed must be True/False, got 2"))  # a table and its column
    ('results', '2')
    >>> parameter_of(ValueError("answers['q1'] must be 1-5, got 7"))  # an entry of a mapping
    ('answers', '7')
    """
    match = _MESSAGE.match(str(exc))
    if match is None:
        return None
    return match["name"], (match["value"] or "").strip()


def _shown_value(name: str, value: str, percent: bool) -> str:
    """The received value as the user typed it: percent parameters back in percent."""
    try:
        number = float(value)
    except ValueError:
        return value.strip("'\"") or "—"
    if percent and name in PERCENT_PARAMETERS and math.isfinite(number):
        number *= 100
    return f"{number:g}"


def error_message(exc: BaseException, lang: str = "zh", *, percent: bool = True,
                  errors: dict[str, tuple[str, str]] | None = None) -> str:
    """One sentence in ``lang`` explaining a ``ValueError``/``TypeError`` from the library.

    The sentence is chosen by the parameter name at the start of the message;
    values of percent parameters are shown in percent, as the calculators take them
    (``percent=False`` shows them as the fractions the CLI takes). ``errors`` adds a
    calculator's own parameter sentences to :data:`ERRORS` (its entries win).

    >>> error_message(ValueError("shrinkage must be a fraction in [0, 1), got 1.0"), "zh")
    '损耗率必须在 0 % 到 100 % 之间（不含 100 %）（输入值：100）。'
    """
    parsed = parameter_of(exc) if isinstance(exc, (ValueError, TypeError)) else None
    if parsed is None:
        return text("unexpected", lang, kind=type(exc).__name__)
    name, value = parsed
    shown = _shown_value(name, value, percent)
    table = ERRORS if errors is None else {**ERRORS, **errors}
    key = _sentence_key(name, str(exc), table)
    if key is None:
        label = TEXT[name][_index(lang)] if name in TEXT else name
        return text("invalid_generic", lang, name=label, value=shown)
    return table[key][_index(lang)] + _ENTERED[_index(lang)].format(value=shown)


def _sentence_key(name: str, message: str, table: dict) -> str | None:
    """The key of ``table`` for this message: the bound's variant of ``name`` if it has one."""
    found = _VARIANT.search(message)
    variant = f"{name}:{_KINDS[found[1]]}" if found else None
    if variant in table:
        return variant
    return name if name in table else None
