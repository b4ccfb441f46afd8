"""The Erlang calculator's whole day: calls and AHT per interval in, agents, hours and cost out.

Reading an uploaded day (:func:`read_day`, with the readers of :mod:`ccskills.io`), the example
day and its template, and how the day's plan (:func:`ccskills.interval_staffing.plan_day`) reads:
cards, the table, the Excel sheet, the chart. Formatting only; nothing here computes staffing.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from ccskills.apps._workbook import COUNT, NUMBER, PERCENT, SECONDS
from ccskills.formatting import format_percent, format_seconds
from ccskills.i18n import text
from ccskills.interval_staffing import ErlangInputs

__all__ = ["DAY", "DAY_CARDS", "DaySource", "day_word", "example_day", "day_template", "day_template_link",
           "read_day", "day_upload_message", "day_peak", "day_totals", "day_cards", "day_results", "day_preview",
           "day_frame", "day_html", "day_chart", "EXAMPLE_DAY"]


def _pct(fraction: float) -> str:
    return f"{100 * fraction:.3g}%"


DAY: dict[str, tuple[str, str]] = {
    "heading": ("全天各时段：来话量与 AHT 进，座席与成本出", "Whole day: calls and AHT per interval in, agents and cost out"),
    "hint": ("每行一个时段：时段开始（如 08:00）、来话量、AHT（秒，可省略：用上面的 AHT）。服务目标、占用率上限、"
             "损耗率与模型用上面的设置；时段长度按时间推得。",
             "One row per interval: its start (e.g. 08:00), calls, AHT (seconds; may be left out: the AHT above "
             "is used). Target, occupancy cap, shrinkage and model come from the settings above; the interval "
             "length from the times."),
    "hourly_cost": ("每小时人力成本", "Cost per paid hour"),
    "cost_unit": ("元/小时", "yuan/hour"),
    "upload": ("上传全天文件", "Upload a day"),
    "use_example": ("用示例日", "Use the example day"),
    "example": ("示例日：电商热线 {date}（{n} 个时段，每 {m} 分钟）",
                "Example day: e-commerce line, {date} ({n} intervals of {m} min)"),
    "uploaded": ("上传的文件：{name}（{n} 个时段，每 {m} 分钟）", "Uploaded file: {name} ({n} intervals of {m} min)"),
    "source": ("全天数据", "Day data"),
    "rows": ("全天数据（上传的各行）", "Day data (uploaded rows)"),
    "interval_length": ("全天时段长度", "Day interval length"),
    "time": ("时段", "Interval start"),
    "required": ("在线座席 (人)", "On the phones"),
    "scheduled": ("排班人数 (人)", "Scheduled headcount"),
    "aht_col": ("AHT (秒)", "AHT (s)"),
    "cost_col": ("成本 (元)", "Cost (yuan)"),
    "day_phone_hours": ("在线座席工时 (小时)", "Agent-hours on the phones"),
    "day_paid_hours": ("排班工时 (小时)", "Paid hours"),
    "day_cost": ("全天人力成本 (元)", "Cost of the day (yuan)"),
    "day_peak": ("峰值时段", "Peak interval"),
    "peak_value": ("{time}（{n} 人）", "{time} ({n} agents)"),
    "note_phone_hours": ("各时段在线座席 × 时段长度之和。", "Agents on the phones × interval length, summed."),
    "note_paid_hours": ("各时段排班人数（在线 ÷ (1 − 损耗率 {shrinkage})，向上取整）× 时段长度之和。",
                        "Scheduled headcount (on the phones ÷ (1 − {shrinkage} shrinkage), rounded up) × "
                        "interval length, summed."),
    "note_cost": ("排班工时 × 每小时 {cost} 元。", "Paid hours × {cost} yuan an hour."),
    "peak_agents": ("峰值时段在线座席 (人)", "Agents at the peak interval"),
    "note_peak_at": ("{time} 开始的时段；排班 {headcount} 人。", "The interval starting {time}; {headcount} scheduled."),
    "note_peak": ("这个时段需要的在线座席最多；排班 {headcount} 人。",
                  "The interval needing the most agents; {headcount} scheduled."),
    "chart_title": ("全天各时段所需座席", "Agents needed per interval"),
    "chart_y": ("座席数 (人)", "Agents"),
    "series": ("图例", "Series"),
    "sheet_day": ("全天各时段", "Day by interval"),
    "sheet_totals": ("全天汇总", "Day totals"),
    "template_file": ("全天来话量_上传示例", "day_calls_example"),
    "error": ("全天表：{message}", "Whole day: {message}"),
    "hourly_cost_error": ("每小时人力成本必须大于 0", "The cost per paid hour must be more than 0"),
}
"""The whole-day section's words (zh, en)."""


def day_word(key: str, lang: str, **fields) -> str:
    """The Chinese or English text of :data:`DAY` ``key``, formatted with ``fields``."""
    return DAY[key][1 if lang == "en" else 0].format(**fields)


@dataclass(frozen=True)
class DaySource:
    """The day on screen: its rows (``interval_start, calls, aht_s``), the uploaded file's name (None:
    the example day), the hourly cost, and its plan once computed (None before, or after an error)."""

    frame: pd.DataFrame
    name: str | None
    hourly_cost: float
    plan: object = None

    @property
    def minutes(self) -> float | None:
        """Interval length in minutes (from the plan; None before it is made)."""
        return None if self.plan is None else self.plan.settings.interval / 60

    def saved(self) -> dict | None:
        """What a scenario keeps of the day: None for the example day, else the file's name and rows."""
        if self.name is None:
            return None
        rows = [[f"{t:%Y-%m-%d %H:%M}", float(c), None if np.isnan(a) else float(a)]
                for t, c, a in self.frame[["interval_start", "calls", "aht_s"]].itertuples(index=False)]
        return {"name": self.name, "rows": rows}

    def restored(self, saved) -> "DaySource":
        """The day a scenario kept (:meth:`saved`), with this day's hourly cost; this day if unreadable."""
        if saved is None:
            return DaySource(example_day(), None, self.hourly_cost)
        try:
            frame = pd.DataFrame(saved["rows"], columns=["interval_start", "calls", "aht_s"])
            frame = frame.astype({"calls": float, "aht_s": float})
            frame["interval_start"] = pd.to_datetime(frame["interval_start"], format="%Y-%m-%d %H:%M")
            return DaySource(frame, str(saved["name"]), self.hourly_cost)
        except (KeyError, TypeError, ValueError):
            return self

    def describe(self, lang: str) -> str:
        """The day in words, e.g. "示例日：电商热线 2024-10-08（56 个时段，每 15 分钟）", in ``lang``."""
        m = f"{self.minutes:g}" if self.minutes is not None else "—"
        if self.name is None:
            return day_word("example", lang, date=EXAMPLE_DAY[1], n=len(self.frame), m=m)
        return day_word("uploaded", lang, name=self.name, n=len(self.frame), m=m)


DAY_CARDS = ("day_phone_hours", "day_paid_hours", "day_cost", "day_peak")
"""The day's result cards in screen order (CSS class ``ccs-<name with dashes>``)."""
EXAMPLE_DAY = ("ecommerce", "2024-10-08")
"""The day shown first: a Tuesday of the kit's e-commerce line, 08:00–22:00 in 15-minute intervals."""
_DAY_DATE = "2026-01-05"
"""The date put in front of times given without one (never shown)."""
_CLOCK = r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$"


def example_day() -> pd.DataFrame:
    """:data:`EXAMPLE_DAY` from the kit's interval history: ``interval_start, calls, aht_s`` (a fresh copy)."""
    return _example_day().copy()


@lru_cache(maxsize=1)
def _example_day() -> pd.DataFrame:
    from ccskills.datasets.wfm import load_interval_history

    line, date = EXAMPLE_DAY
    history = load_interval_history(line)
    day = history[history["interval_start"].dt.normalize() == pd.Timestamp(date)]
    return day[["interval_start", "calls", "aht_s"]].astype({"calls": float}).reset_index(drop=True)


def _day_aliases() -> dict[str, str]:
    from ccskills.io import INTERVAL_HISTORY_ALIASES

    words = {"来话量": "calls", "interval start": "interval_start", "时段开始": "interval_start",
             "aht 秒": "aht_s", "aht（秒）": "aht_s", "aht (秒)": "aht_s", "aht (s)": "aht_s", "aht s": "aht_s"}
    for lang in ("zh", "en"):
        words.update({text("calls", lang).lower(): "calls", day_word("time", lang).lower(): "interval_start",
                      day_word("aht_col", lang).lower(): "aht_s"})
    return {**INTERVAL_HISTORY_ALIASES, **words}


def day_template(lang: str) -> pd.DataFrame:
    """The example file the page offers: the example day with the headers the reader accepts, in ``lang``."""
    day = example_day()
    return pd.DataFrame({day_word("time", lang): day["interval_start"].dt.strftime("%H:%M"),
                         text("calls", lang): day["calls"].astype(int), day_word("aht_col", lang): day["aht_s"]})


@lru_cache(maxsize=2)
def day_template_link(lang: str) -> str:
    """The download link of :func:`day_template` (made once per language)."""
    from ccskills.apps._workbook import template_link

    return template_link(day_template(lang), day_word("template_file", lang), lang)


def read_day(source, filename: str | None = None) -> pd.DataFrame:
    """An uploaded day as ``interval_start, calls, aht_s`` (sorted), or :class:`~ccskills.io.UploadError`.

    ``interval_start`` is a time of day (``08:00``) or a date-time; ``calls`` ≥ 0 (fractions allowed:
    a forecast); ``aht_s`` optional, seconds > 0 where calls > 0 (``mm:ss`` accepted; NaN when absent).
    Times must not repeat and must lie on one grid within each day. Errors name the column as the
    file spells it and the spreadsheet rows (:func:`~ccskills.io.upload_message` words them).
    """
    from ccskills.io import read_table, require_columns

    raw = read_table(source, filename)
    aliases = _day_aliases()
    headers = {aliases.get(str(c).strip().lower(), str(c).strip().lower()): c for c in raw.columns}
    frame = require_columns(raw, ["interval_start", "calls", *(["aht_s"] if "aht_s" in headers else [])], aliases)
    try:
        day = _day_frame(frame)
    except Exception as err:
        if hasattr(err, "column"):
            err.column = headers.get(err.column, err.column)
        raise
    day.attrs = {"ccskills_notes": list(raw.attrs.get("ccskills_notes", [])),
                 "columns": {headers[key]: key for key in ("interval_start", "calls", "aht_s") if key in headers}}
    return day


def day_upload_message(err, lang: str) -> str:
    """:func:`ccskills.io.upload_message` for :func:`read_day`, missing columns named as the template names them."""
    from ccskills.io import UploadError, upload_message

    if err.problem == "missing_columns":
        names = {"interval_start": day_word("time", lang), "calls": text("calls", lang),
                 "aht_s": day_word("aht_col", lang)}
        column = ("、" if lang != "en" else ", ").join(names.get(c, c) for c in str(err.column).split(", "))
        err = UploadError(err.problem, str(err), column=column, rows=err.rows, value=err.value, expected=err.expected)
    return upload_message(err, lang)


def _day_frame(frame: pd.DataFrame) -> pd.DataFrame:
    from ccskills.io import UploadError, check_unique, parse_numbers, parse_timestamps, spreadsheet_rows

    typed = frame["interval_start"].astype(str).str.strip()
    clock = typed.str.extract(_CLOCK).astype(float)
    only_time = clock[0].notna()
    wrong = only_time & ((clock[0] > 23) | (clock[1] > 59) | (clock[2] > 59))
    if wrong.any():
        rows = spreadsheet_rows(frame, wrong)
        raise UploadError("bad_timestamp", f"interval_start must be times of day, got {typed[wrong].iloc[0]!r}",
                          column="interval_start", rows=rows, value=typed[wrong].iloc[0])
    times = parse_timestamps(frame.assign(interval_start=typed.where(~only_time, _DAY_DATE + " " + typed)),
                             "interval_start")
    check_unique(frame, "interval_start", times.dt.strftime("%H:%M") if only_time.all() else times)
    _check_day_grid(frame, times, typed)
    calls = parse_numbers(frame, "calls", minimum=0)
    aht = pd.Series(np.nan, index=frame.index)
    if "aht_s" in frame:
        aht = parse_numbers(frame, "aht_s", allow_missing=True, durations=True, maximum=86_400)
        bad = (aht <= 0) | (aht.isna() & (calls > 0))
        if bad.any():
            rows = spreadsheet_rows(frame, bad)
            value = frame["aht_s"][bad].iloc[0]
            raise UploadError("below_minimum", f"aht_s must be more than 0 where calls > 0, got {value!r}",
                              column="aht_s", rows=rows, value=value or "—", expected=0)
    day = pd.DataFrame({"interval_start": times, "calls": calls, "aht_s": aht})
    return day.sort_values("interval_start", kind="stable").reset_index(drop=True)


def _check_day_grid(frame: pd.DataFrame, times: pd.Series, typed: pd.Series) -> None:
    """Within each day every start lies on the grid of the most common step; else ``off_grid`` with the rows."""
    from ccskills.io import UploadError, spreadsheet_rows

    ordered = times.sort_values()
    steps = ordered.diff()[ordered.dt.normalize().diff() == pd.Timedelta(0)]
    if steps.empty:
        return
    step = steps.mode().iloc[0]
    off = ((times - times.groupby(times.dt.normalize()).transform("min")) % step) != pd.Timedelta(0)
    if off.any():
        rows = spreadsheet_rows(frame, off)
        raise UploadError("off_grid", f"interval_start must be every {step}, got {typed[off].iloc[0]!r}",
                          column="interval_start", rows=rows, value=typed[off].iloc[0],
                          expected=int(step.total_seconds() // 60))


def day_preview(day: DaySource, lang: str) -> str:
    """What an uploaded day was read as (:func:`ccskills.apps._preview.preview_html`); '' for the example."""
    from ccskills.apps._preview import preview_html
    from ccskills.io import upload_notes

    if day.name is None:
        return ""
    frame = day.frame
    names = {"interval_start": day_word("time", lang), "calls": text("calls", lang), "aht_s": day_word("aht_col", lang)}
    shown = pd.DataFrame({names["interval_start"]: _clock(pd.DatetimeIndex(frame["interval_start"])),
                          names["calls"]: frame["calls"], names["aht_s"]: frame["aht_s"]})
    columns = {header: names[key] for header, key in frame.attrs.get("columns", {}).items()}
    return preview_html(shown, lang, source=day.name, rows_read=len(frame), columns=columns,
                        notes=upload_notes(frame, lang))


def _clock(times: pd.DatetimeIndex) -> list[str]:
    """Interval starts as 08:15, or with the date when the table spans several days."""
    fmt = "%H:%M" if times.normalize().nunique() == 1 else "%Y-%m-%d %H:%M"
    return list(times.strftime(fmt))


def day_peak(plan) -> tuple[str, int, int]:
    """(start of the interval needing most agents, its agents, its scheduled headcount)."""
    at = int(np.argmax(plan.required))
    return _clock(plan.index)[at], int(plan.required[at]), int(plan.scheduled[at])


def day_totals(plan) -> dict[str, tuple[float, str]]:
    """Card key → (number, Excel format) of the day: phone hours, paid hours, cost, peak agents."""
    summary = plan.summary()
    return {"day_phone_hours": (float(summary["phone_hours"]), NUMBER),
            "day_paid_hours": (float(summary["paid_hours"]), NUMBER),
            "day_cost": (float(summary["cost"]), NUMBER),
            "day_peak": (int(summary["peak_required"]), COUNT)}


def day_cards(plan, inputs: ErlangInputs, hourly_cost: float, lang: str) -> dict[str, tuple[str, str, str]]:
    """Day card key → (label, value text, note), in ``lang``."""
    totals = day_totals(plan)
    time, agents, headcount = day_peak(plan)
    return {
        "day_phone_hours": (day_word("day_phone_hours", lang), f"{totals['day_phone_hours'][0]:,.2f}",
                            day_word("note_phone_hours", lang)),
        "day_paid_hours": (day_word("day_paid_hours", lang), f"{totals['day_paid_hours'][0]:,.2f}",
                           day_word("note_paid_hours", lang, shrinkage=_pct(inputs.shrinkage))),
        "day_cost": (day_word("day_cost", lang), f"{totals['day_cost'][0]:,.0f}",
                     day_word("note_cost", lang, cost=f"{hourly_cost:,.4g}")),
        "day_peak": (day_word("day_peak", lang), day_word("peak_value", lang, time=time, n=agents),
                     day_word("note_peak", lang, headcount=headcount)),
    }


def day_results(plan, inputs: ErlangInputs, hourly_cost: float, lang: str) -> list[tuple[str, str, float, str, str]]:
    """(key, label, number, Excel format, note) of the day's totals, for the Excel sheet and scenarios."""
    cards = day_cards(plan, inputs, hourly_cost, lang)
    time, _, headcount = day_peak(plan)
    cards["day_peak"] = (day_word("peak_agents", lang), "", day_word("note_peak_at", lang, time=time,
                                                                    headcount=headcount))
    return [(key, cards[key][0], value, fmt, cards[key][2]) for key, (value, fmt) in day_totals(plan).items()]


def _day_columns(lang: str, erlang_a: bool) -> dict[str, str]:
    unit = text("unit_seconds", lang)
    names = {"calls": text("calls", lang), "aht_s": day_word("aht_col", lang),
             "required": day_word("required", lang), "scheduled": day_word("scheduled", lang),
             "service_level": text("service_level", lang), "asa_s": f"{text('asa_short', lang)} ({unit})",
             "occupancy": text("occupancy", lang), "abandon_rate": text("abandonment", lang),
             "cost": day_word("cost_col", lang)}
    if not erlang_a:
        del names["abandon_rate"]
    return names


def day_frame(plan, lang: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """The day by interval for Excel (numbers stay numbers) and each column's number format."""
    names = _day_columns(lang, plan.settings.patience is not None)
    table = plan.intervals[list(names)].rename(columns=names)
    table.insert(0, day_word("time", lang), plan.index.to_numpy())
    one_day = plan.index.normalize().nunique() == 1
    formats = {day_word("time", lang): "hh:mm" if one_day else "yyyy-mm-dd hh:mm",
               names["calls"]: NUMBER, names["aht_s"]: SECONDS, names["required"]: COUNT,
               names["scheduled"]: COUNT, names["service_level"]: PERCENT, names["asa_s"]: SECONDS,
               names["occupancy"]: PERCENT, names["cost"]: NUMBER}
    if "abandon_rate" in names:
        formats[names["abandon_rate"]] = PERCENT
    return table.replace([np.inf, -np.inf], np.nan).reset_index(drop=True), formats


def day_html(plan, lang: str) -> str:
    """The day by interval as an HTML table (scrolls inside its box); the peak row has ``ccs-peak-row``."""
    names = _day_columns(lang, plan.settings.patience is not None)
    iv = plan.intervals
    peak = int(np.argmax(plan.required))
    shown = {"calls": lambda v: f"{v:,.0f}" if float(v).is_integer() else f"{v:,.1f}",
             "aht_s": lambda v: format_seconds(v, lang, short=True).split(" ")[0],
             "required": lambda v: f"{v:,.0f}", "scheduled": lambda v: f"{v:,.0f}",
             "service_level": format_percent, "asa_s": lambda v: format_seconds(v, lang, short=True).split(" ")[0],
             "occupancy": format_percent, "abandon_rate": format_percent, "cost": lambda v: f"{v:,.0f}"}
    head = "".join(f"<th>{html.escape(h)}</th>" for h in [day_word("time", lang), *names.values()])
    rows = []
    for i, (time, (_, row)) in enumerate(zip(_clock(plan.index), iv.iterrows())):
        cells = [time] + [shown[key](row[key]) for key in names]
        mark = ' class="ccs-peak-row"' if i == peak else ""
        rows.append(f"<tr{mark}>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    return (f'<div class="ccs-day-scroll"><table class="ccs-queue-table ccs-day-table"><thead><tr>{head}</tr>'
            f"</thead><tbody>{''.join(rows)}</tbody></table></div>")


def day_chart(plan, lang: str):
    """Agents on the phones and scheduled headcount per interval (steps), titled, axes labelled."""
    import altair as alt

    from ccskills.charts import themed

    keys = {"required": day_word("required", lang), "scheduled": day_word("scheduled", lang)}
    frame = pd.DataFrame({"time": plan.index, "required": plan.required, "scheduled": plan.scheduled})
    long = frame.melt("time", var_name="key", value_name="agents")
    long["series"] = long["key"].map(keys)
    time_title, fmt = day_word("time", lang), ("%H:%M" if plan.index.normalize().nunique() == 1 else "%m-%d %H:%M")
    chart = alt.Chart(long).mark_line(interpolate="step-after", strokeWidth=1.6).encode(
        x=alt.X("time:T", title=time_title, axis=alt.Axis(format=fmt, labelAngle=0)),
        y=alt.Y("agents:Q", title=day_word("chart_y", lang)),
        color=alt.Color("series:N", title=day_word("series", lang), legend=alt.Legend(orient="top"),
                        scale=alt.Scale(domain=list(keys.values()), range=["#1f6fb4", "#c0392b"])),
        tooltip=[alt.Tooltip("time:T", title=time_title, format=fmt),
                 alt.Tooltip("agents:Q", title=day_word("chart_y", lang)),
                 alt.Tooltip("series:N", title=day_word("series", lang))],
    ).properties(width=340, height=240, title=day_word("chart_title", lang))
    return themed(chart)
