"""How the Erlang calculator's answer reads: card texts, the ±5 table, the Excel sheet.

Formatting only (fractions → percent, seconds → "12.3 秒"), in the chosen language.
"""

from __future__ import annotations

import html

import numpy as np
import pandas as pd

from ccskills.apps._common import set_saved, style
from ccskills.apps._erlang_day import DaySource, day_cards, day_frame, day_results, day_word
from ccskills.formatting import format_percent, format_seconds
from ccskills.interval_staffing import ErlangAnswer, ErlangInputs, queue_table
from ccskills.i18n import text
from ccskills.apps._workbook import COUNT, NUMBER, PERCENT, SECONDS, Setting, with_inputs

__all__ = ["CARDS", "STYLE", "NOTES", "REVERSE", "ASSUMPTIONS", "card_texts", "card_notes", "reverse_text",
           "table_html", "excel_frame", "excel_workbook", "result_values", "settings", "assumptions",
           "ScenarioKeeping"]

CARDS = ("required_agents", "scheduled_headcount", "offered_load", "service_level", "asa",
         "p_wait", "occupancy", "abandonment")
"""Result cards in screen order; each has the CSS class ``ccs-<name with dashes>``."""

STYLE = style("""
.ccs-erlang-calculator { font-family: var(--ccs-font-family, system-ui, sans-serif); }
.ccs-required-agents .ccs-card-value, .ccs-scheduled-headcount .ccs-card-value {
  color: #1f6fb4; }
table.ccs-queue-table { border-collapse: collapse; font-size: 13px; margin-right: 24px; }
table.ccs-queue-table th, table.ccs-queue-table td { padding: 3px 8px; text-align: right;
  border-bottom: 1px solid #e5e7eb; }
.ccs-erlang-calculator .ccs-card-note { color: #57606a; font-size: 12px; max-width: 15em;
  line-height: 1.3; margin-top: 2px; }
table.ccs-queue-table tr.ccs-answer-row, table.ccs-day-table tr.ccs-peak-row { background: #e8f1fb;
  font-weight: 700; }
.ccs-day-scroll { max-height: 340px; overflow-y: auto; margin-right: 24px; }
table.ccs-day-table thead th { position: sticky; top: 0; background: #fff; }
""")
"""Styles for the calculator (system fonts; nothing fetched)."""


def card_texts(answer: ErlangAnswer, inputs: ErlangInputs, lang: str) -> dict[str, tuple[str, str]]:
    """Card name → (label, value text) for ``answer``, in ``lang``."""
    people = text("unit_people", lang)
    return {
        "required_agents": (text("required_agents", lang), f"{answer.agents}"),
        "scheduled_headcount": (f"{text('scheduled_headcount', lang)} ({people})",
                                f"{answer.headcount}"),
        "offered_load": (text("offered_load", lang), f"{answer.load:,.2f}"),
        "service_level": (f"{text('service_level', lang)} ({inputs.answer_time:g} "
                          f"{text('unit_seconds', lang)})", format_percent(answer.service_level)),
        "asa": (text("asa", lang), format_seconds(answer.asa, lang)),
        "p_wait": (text("p_wait", lang), format_percent(answer.p_wait)),
        "occupancy": (text("occupancy", lang), format_percent(answer.occupancy)),
        "abandonment": (text("abandonment", lang), format_percent(answer.abandonment)),
    }


NOTES: dict[str, tuple[str, str]] = {
    "set_by_cap": ("占用率上限 {cap} 决定了座席数；只看{target}需要 {n} 人。",
                   "The {cap} occupancy cap set this number; the {target} alone needs {n}."),
    "set_by_sl": ("服务水平目标（{answer_time} 秒内接起 {sl}）决定了座席数。",
                  "The service level target ({sl} answered in {answer_time} s) set this number."),
    "set_by_asa": ("平均应答速度目标（≤ {asa} 秒）决定了座席数。",
                   "The ASA target (≤ {asa} s) set this number."),
    "target_sl": ("服务水平", "service level"),
    "target_asa": ("平均应答速度目标", "ASA target"),
    "scheduled_headcount": ("在线座席 {agents} ÷ (1 − 损耗率 {shrinkage})，向上取整。",
                            "{agents} on the phones ÷ (1 − {shrinkage} shrinkage), rounded up."),
    "offered_load": ("来话量 × AHT ÷ 时段长度：平均同时在处理的来电数。",
                     "Calls × AHT ÷ interval: calls in progress at once, on average."),
    "service_level": ("{answer_time} 秒内接起的来电占比。", "Share of calls answered within {answer_time} s."),
    "asa": ("所有来电的平均等待时间（含无需等待的）。",
            "Mean wait over all calls, those answered at once included."),
    "p_wait": ("需要排队等待的来电占比。", "Share of calls that wait in the queue."),
    "occupancy": ("座席在线时间中用于处理来电的比例。", "Share of on-phone time spent handling calls."),
    "abandonment": ("等待中挂断的来电占比（平均耐心 {patience} 秒）。",
                    "Share of calls hung up while waiting (mean patience {patience} s)."),
}
"""One short explanation under each result card: what it means, or what set it."""


def _note(key: str, lang: str, **fields) -> str:
    return NOTES[key][1 if lang == "en" else 0].format(**fields)


def _pct(fraction: float) -> str:
    return f"{100 * fraction:.3g}%"


def card_notes(answer: ErlangAnswer, inputs: ErlangInputs, lang: str,
               uncapped_agents: int | None = None) -> dict[str, str]:
    """Card name → its explanation; ``uncapped_agents``: the answer with no occupancy cap
    (given when ``answer.capped``: the cap, not the target, set the number)."""
    target = "target_asa" if inputs.target_kind == "asa" else "target_sl"
    if answer.capped and uncapped_agents is not None:
        required = _note("set_by_cap", lang, cap=_pct(inputs.max_occupancy), n=uncapped_agents,
                         target=_note(target, lang))
    elif inputs.target_kind == "asa":
        required = _note("set_by_asa", lang, asa=f"{inputs.target_asa:g}")
    else:
        required = _note("set_by_sl", lang, sl=_pct(inputs.target_sl), answer_time=f"{inputs.answer_time:g}")
    answer_time = f"{inputs.answer_time:g}"
    return {
        "required_agents": required,
        "scheduled_headcount": _note("scheduled_headcount", lang, agents=answer.agents,
                                     shrinkage=_pct(inputs.shrinkage)),
        "offered_load": _note("offered_load", lang),
        "service_level": _note("service_level", lang, answer_time=answer_time),
        "asa": _note("asa", lang), "p_wait": _note("p_wait", lang), "occupancy": _note("occupancy", lang),
        "abandonment": _note("abandonment", lang, patience=f"{inputs.patience or 0:g}"),
    }


REVERSE: dict[str, tuple[str, str]] = {
    "label": ("反算：已有在线座席数", "Reverse: agents on the phones"),
    "hint": ("填入座席数，看它们能给出的服务水平（0 = 不反算）",
             "Type a number of agents to see the service they give (0 = off)"),
    "result": ("有 {n} 名在线座席时：服务水平 {sl}（{t} 秒内），平均应答速度 {asa}，等待概率 {pw}，占用率 {occ}{ab}。",
               "With {n} agents on the phones: service level {sl} (within {t} s), ASA {asa}, P(wait) {pw}, "
               "occupancy {occ}{ab}."),
    "abandon": ("，放弃率 {ab}", ", abandonment {ab}"),
    "short": ("{n} 名在线座席不多于话务量 {load} 爱尔兰：队列会无限增长，请增加座席。",
              "{n} agents is not more than the load of {load} Erlang: the queue grows without end; add agents."),
}
"""The reverse question's words: with N agents, what service level, ASA and abandonment?"""


def reverse_text(agents: int, answer: ErlangAnswer, inputs: ErlangInputs, lang: str) -> str:
    """One sentence: the queue ``agents`` give at this load (:func:`queue_table`); '' for 0 agents."""
    if agents <= 0:
        return ""
    k = 1 if lang == "en" else 0
    if inputs.patience is None and agents <= answer.load:
        return REVERSE["short"][k].format(n=agents, load=f"{answer.load:,.2f}")
    row = queue_table(np.array([agents]), answer.load, inputs).iloc[0]
    ab = "" if inputs.patience is None else REVERSE["abandon"][k].format(ab=format_percent(row["abandonment"]))
    return REVERSE["result"][k].format(n=agents, sl=format_percent(row["service_level"]),
                                       t=f"{inputs.answer_time:g}", asa=format_seconds(row["asa"], lang),
                                       pw=format_percent(row["p_wait"]), occ=format_percent(row["occupancy"]), ab=ab)


def _headers(lang: str) -> list[str]:
    unit = text("unit_seconds", lang)
    return [text("agents", lang), f"{text('service_level', lang)} (%)",
            f"{text('asa_short', lang)} ({unit})", f"{text('p_wait', lang)} (%)",
            f"{text('occupancy', lang)} (%)", f"{text('abandonment', lang)} (%)"]


def _row_cells(row: pd.Series, lang: str) -> list[str]:
    return [f"{int(row['agents'])}", format_percent(row["service_level"]),
            format_seconds(row["asa"], lang, short=True), format_percent(row["p_wait"]),
            format_percent(row["occupancy"]), format_percent(row["abandonment"])]


def table_html(answer: ErlangAnswer, inputs: ErlangInputs, lang: str) -> str:
    """The ±5 table as HTML; the answer's row has class ``ccs-answer-row``."""
    keep = slice(0, 5) if inputs.patience is None else slice(None)
    head = "".join(f"<th>{html.escape(h)}</th>" for h in _headers(lang)[keep])
    rows = []
    for _, row in answer.table.iterrows():
        mark = ' class="ccs-answer-row"' if int(row["agents"]) == answer.agents else ""
        cells = "".join(f"<td>{html.escape(c)}</td>" for c in _row_cells(row, lang)[keep])
        rows.append(f"<tr{mark}>{cells}</tr>")
    caption = f"<caption>{html.escape(text('table_title', lang))}</caption>"
    return (f'<table class="ccs-queue-table">{caption}<thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def excel_frame(answer: ErlangAnswer, lang: str) -> pd.DataFrame:
    """The ±5 table for Excel: translated headers, fractions kept (shown as percent), inf as blank."""
    table = answer.table.copy()
    table["asa"] = table["asa"].replace([np.inf, -np.inf], np.nan)
    if table["abandonment"].isna().all():
        table = table.drop(columns="abandonment")
    unit = text("unit_seconds", lang)
    names = {"agents": text("agents", lang), "service_level": text("service_level", lang),
             "asa": f"{text('asa_short', lang)} ({unit})", "p_wait": text("p_wait", lang),
             "occupancy": text("occupancy", lang), "abandonment": text("abandonment", lang)}
    return table.rename(columns=names)


_SHEETS = {"table": ("座席与服务水平", "Agents and service level"), "results": ("结果", "Results")}
_RESULT_HEAD = (("项目", "数值", "说明"), ("Result", "Value", "Explanation"))


def result_values(answer: ErlangAnswer, inputs: ErlangInputs) -> dict[str, tuple[float | int | None, str]]:
    """Card name → (number, Excel format) of the cards shown (abandonment only under Erlang A)."""
    values = {"required_agents": (answer.agents, COUNT), "scheduled_headcount": (answer.headcount, COUNT),
              "offered_load": (answer.load, NUMBER), "service_level": (answer.service_level, PERCENT),
              "asa": (None if np.isinf(answer.asa) else answer.asa, SECONDS), "p_wait": (answer.p_wait, PERCENT),
              "occupancy": (answer.occupancy, PERCENT), "abandonment": (answer.abandonment, PERCENT)}
    if inputs.patience is None:
        del values["abandonment"]
    return values


def _results(answer: ErlangAnswer, inputs: ErlangInputs, lang: str, notes: dict) -> tuple[pd.DataFrame, list]:
    values = result_values(answer, inputs)
    labels = card_texts(answer, inputs, lang)
    rows = [(labels[k][0], v, notes.get(k, "")) for k, (v, _) in values.items()]
    return (pd.DataFrame(rows, columns=list(_RESULT_HEAD[1 if lang == "en" else 0])),
            [f for _, f in values.values()])


def settings(inputs: ErlangInputs, lang: str, day: DaySource | None = None) -> list[Setting]:
    """The inputs as the Excel inputs sheet and the one-page report list them; ``day`` adds the
    whole day's data, interval length and hourly cost."""
    sec, pct = text("unit_seconds", lang), PERCENT
    kind = text(f"target_kind_{inputs.target_kind}", lang)
    rows = [Setting(text("calls", lang), inputs.calls, text("unit_calls", lang), COUNT),
            Setting(text("interval", lang), inputs.interval / 60, text("unit_minutes", lang), COUNT),
            Setting(text("aht", lang), inputs.aht, sec, SECONDS),
            Setting(text("target_kind", lang), kind)]
    if inputs.target_kind == "asa":
        rows.append(Setting(text("target_asa", lang), inputs.target_asa, sec, SECONDS))
    else:
        rows += [Setting(text("target_sl", lang), inputs.target_sl, "", pct),
                 Setting(text("answer_time", lang), inputs.answer_time, sec, SECONDS)]
    rows += [Setting(text("max_occupancy", lang), inputs.max_occupancy, "", pct),
             Setting(text("shrinkage", lang), inputs.shrinkage, "", pct),
             Setting(text("patience", lang), inputs.patience, sec, SECONDS),
             Setting(text("model", lang), text("model_c" if inputs.patience is None else "model_a", lang))]
    if day is not None:
        rows += [Setting(day_word("source", lang), day.describe(lang)),
                 Setting(day_word("interval_length", lang), day.minutes, text("unit_minutes", lang), COUNT),
                 Setting(day_word("hourly_cost", lang), day.hourly_cost, day_word("cost_unit", lang), NUMBER)]
    return rows


def excel_workbook(answer: ErlangAnswer, inputs: ErlangInputs, lang: str, notes: dict,
                   day: DaySource | None = None) -> tuple[dict, dict]:
    """The calculator's workbook: the ±5 table, the results with what set them, the whole day by
    interval and its totals (when ``day`` has a plan), the inputs; and the options for
    :func:`ccskills.io.excel_bytes` (number formats)."""
    table = excel_frame(answer, lang)
    unit = text("unit_seconds", lang)
    formats = {c: PERCENT for c in table.columns}
    formats[text("agents", lang)] = COUNT
    formats[f"{text('asa_short', lang)} ({unit})"] = SECONDS
    results, result_formats = _results(answer, inputs, lang, notes)
    name = {k: v[1 if lang == "en" else 0] for k, v in _SHEETS.items()}
    sheets, number_formats = {name["table"]: table, name["results"]: results}, {name["table"]: formats}
    row_formats = {name["results"]: result_formats}
    if day is not None and day.plan is not None:
        by_interval, day_formats = day_frame(day.plan, lang)
        totals = day_results(day.plan, inputs, day.hourly_cost, lang)
        sheets[day_word("sheet_day", lang)] = by_interval
        sheets[day_word("sheet_totals", lang)] = pd.DataFrame(
            [(label, value, note) for _, label, value, _, note in totals],
            columns=list(_RESULT_HEAD[1 if lang == "en" else 0]))
        number_formats[day_word("sheet_day", lang)] = day_formats
        row_formats[day_word("sheet_totals", lang)] = [fmt for _, _, _, fmt, _ in totals]
    return with_inputs(sheets, settings(inputs, lang, day), lang, number_formats=number_formats,
                       row_formats=row_formats)


ASSUMPTIONS: dict[str, tuple[str, str]] = {
    "poisson": ("来电随机到达（泊松过程），每个时段内到达率不变；每个时段单独计算。",
                "Calls arrive at random (a Poisson process) at a steady rate within each interval; "
                "each interval is computed on its own."),
    "exponential": ("处理时长服从指数分布，平均为 AHT；座席都能处理任一来电。",
                    "Handle times are exponential with mean AHT; every agent can take any call."),
    "no_retrials": ("放弃或未接通的来电不会重拨（重拨会增加来话量，须计入来话量）。",
                    "Calls that abandon are not retried (retries add calls: count them in the calls)."),
    "erlang_c": ("Erlang C：来电不放弃，一直等到接起，所以服务水平与等待时间偏保守。",
                 "Erlang C: no caller hangs up; everyone waits to be answered, so the service level "
                 "and waits are on the cautious side."),
    "erlang_a": ("Erlang A：来电的耐心服从指数分布，平均 {patience} 秒，等待超过耐心即放弃。",
                 "Erlang A: callers' patience is exponential with mean {patience} s; a caller whose wait "
                 "exceeds it hangs up."),
    "cap": ("占用率上限 {cap}：座席数至少要使占用率（话务量 ÷ 座席数）不超过上限，避免座席长期满负荷。",
            "Occupancy cap {cap}: at least enough agents that occupancy (load ÷ agents) stays at or "
            "below the cap, so agents are not run flat out."),
    "shrinkage": ("损耗率 {shrinkage}：排班时间中不在线接听的比例（休息、培训、会议、缺勤）；"
                  "排班人数 = 在线座席 ÷ (1 − 损耗率)，向上取整。",
                  "Shrinkage {shrinkage}: the share of paid time not on the phones (breaks, training, "
                  "meetings, absence); scheduled headcount = agents ÷ (1 − shrinkage), rounded up."),
    "day": ("全天表：每个时段按同一目标单独计算；排班工时 = 各时段排班人数 × 时段长度之和，成本 = 排班工时 × 每小时成本。",
            "Whole day: each interval is staffed for the same target on its own; paid hours = scheduled "
            "headcount × interval length, summed; cost = paid hours × cost per hour."),
}
"""The Erlang model's assumptions in words, for the one-page report."""


def assumptions(inputs: ErlangInputs, lang: str, with_day: bool = True) -> list[str]:
    """The sentences under "假设与说明 / Assumptions" for ``inputs``, in ``lang``."""
    k = 1 if lang == "en" else 0
    model = ("erlang_c", {}) if inputs.patience is None else ("erlang_a", {"patience": f"{inputs.patience:g}"})
    keys = [("poisson", {}), ("exponential", {}), ("no_retrials", {}), model,
            ("cap", {"cap": _pct(inputs.max_occupancy)}), ("shrinkage", {"shrinkage": _pct(inputs.shrinkage)})]
    if with_day:
        keys.append(("day", {}))
    return [ASSUMPTIONS[key][k].format(**fields) for key, fields in keys]


_TARGET_KINDS = {text(f"target_kind_{kind}", lang): kind for kind in ("sl", "asa") for lang in ("zh", "en")}
"""A saved target's words (either language) → the radio button's value."""


class ScenarioKeeping:
    """What the calculator gives its :class:`~ccskills.apps._keep.KeepBar`: the inputs of a scenario,
    applying one, its results, and the one-page report. Needs the calculator's ``controls``, ``day``,
    ``_shown`` (inputs, answer, agents without the cap), ``lang`` and ``recompute()``."""

    def scenario_inputs(self) -> dict:
        """The inputs as on screen (percent, seconds, interval in minutes), the day and its rows if uploaded."""
        values = {name: control.value for name, control in self.controls.items()}
        values["interval"] /= 60
        values["target_kind"] = self.controls["target_kind"].label  # the words on screen, not "sl"
        return {**values, "day": self.day.describe(self.lang), "day_rows": self.day.saved()}

    def apply_scenario(self, inputs: dict) -> None:
        """Set the controls from ``inputs`` (unknown keys ignored, missing ones kept) and recompute once."""
        with self._quiet():
            for name, value in inputs.items():
                if name in self.controls:
                    if name == "target_kind":
                        value = _TARGET_KINDS.get(value, value)
                    if name == "interval" and isinstance(value, (int, float)):
                        value = value * 60  # saved in minutes, the control counts seconds
                    set_saved(self.controls[name], value)  # a value this page cannot show is skipped
            if "day_rows" in inputs:
                self.day, self._upload_error = self.day.restored(inputs["day_rows"]), None
        self.controls["patience"].disabled = not self.controls["use_patience"].value
        self._show_target_fields()
        self.recompute()

    def scenario_input_labels(self) -> dict[str, str]:
        """Input key → its label on screen."""
        labels = {name: control.description for name, control in self.controls.items()}
        labels["interval"] += f" ({text('unit_minutes', self.lang)})"
        return {**labels, "day": day_word("source", self.lang), "day_rows": day_word("rows", self.lang)}

    def scenario_results(self) -> list[tuple[str, str, object, str]]:
        """(key, label, number, Excel format) of every card shown, then the day's totals."""
        if self._shown is None:
            return []
        inputs, answer, _ = self._shown
        labels = card_texts(answer, inputs, self.lang)
        labels["asa"] = (f"{labels['asa'][0]} ({text('unit_seconds', self.lang)})", "")  # a bare number elsewhere
        rows = [(key, labels[key][0], value, fmt) for key, (value, fmt) in result_values(answer, inputs).items()]
        if self.day.plan is not None:
            rows += [(key, label, value, fmt) for key, label, value, fmt, _ in
                     day_results(self.day.plan, inputs, self.day.hourly_cost, self.lang)]
        return rows

    def report_content(self):
        """The one-page report: inputs, the cards with their notes, the chart, the assumptions."""
        if self._shown is None:
            return None
        from ccskills.reports import Report

        inputs, answer, uncapped = self._shown
        notes = card_notes(answer, inputs, self.lang, uncapped)
        results = [(label, value, notes[name]) for name, (label, value) in card_texts(answer, inputs, self.lang).items()
                   if name in result_values(answer, inputs)]
        if self.day.plan is not None:
            results += list(day_cards(self.day.plan, inputs, self.day.hourly_cost, self.lang).values())
        return Report(title=text("title", self.lang), lang=self.lang, settings=settings(inputs, self.lang, self.day),
                      results=results, chart=self._staffing_chart(inputs, answer),
                      assumptions=assumptions(inputs, self.lang, self.day.plan is not None), table=None)

