"""A staffing plan as an Excel workbook a manager can open: summary first, then week, day, interval.

Headers in Chinese or English, percentages formatted as percent, hours and FTE with
one decimal; built and written atomically by :mod:`ccskills.io`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ccskills._validation import check_lang

__all__ = ["plan_sheets", "plan_workbook_bytes", "write_plan_workbook"]

_LABELS = {
    # column: (zh, en, Excel number format)
    "interval_start": ("时段开始", "Interval start", None),
    "date": ("日期", "Date", "yyyy-mm-dd"),
    "week_start": ("周一", "Week (Monday)", "yyyy-mm-dd"),
    "calls": ("来话量 calls", "Calls", "#,##0.0"),
    "aht_s": ("AHT（秒）", "AHT (s)", "0.0"),
    "load": ("话务量 Erlang", "Load (Erlang)", "0.00"),
    "workload_hours": ("工作量（小时）", "Workload (h)", "#,##0.0"),
    "required": ("在线所需座席 required", "Agents required", "0"),
    "service_level": ("服务水平 SL", "Service level", "0.0%"),
    "asa_s": ("平均应答速度 ASA（秒）", "ASA (s)", "0.0"),
    "occupancy": ("占用率 occupancy", "Occupancy", "0.0%"),
    "abandon_rate": ("放弃率 abandon", "Abandon rate", "0.0%"),
    "shrinkage": ("损耗 shrinkage", "Shrinkage", "0.0%"),
    "scheduled": ("排班人数 scheduled", "Agents scheduled", "0"),
    "phone_hours": ("在线工时（小时）", "Phone hours", "#,##0.0"),
    "paid_hours": ("排班工时（小时）", "Paid hours", "#,##0.0"),
    "fte": ("FTE", "FTE", "#,##0.0"),
    "cost": ("成本", "Cost", "#,##0"),
    "peak_required": ("峰值所需座席", "Peak agents required", "0"),
    "peak_scheduled": ("峰值排班人数", "Peak agents scheduled", "0"),
}
_SHEETS = {"summary": ("汇总", "Summary"), "weekly": ("按周", "Weekly"),
           "daily": ("按日", "Daily"), "intervals": ("按时段", "Intervals"),
           "settings": ("参数", "Settings")}
_SUMMARY_HEAD = {"first_day": ("开始日期", "First day"), "last_day": ("结束日期", "Last day"),
                 "days": ("天数", "Days"), "open_days": ("营业天数", "Open days"),
                 "model": ("模型", "Model")}
_SETTINGS = {"interval": ("时段长度（秒）", "Interval (s)"),
             "answer_time": ("服务水平时限（秒）", "Answer time (s)"),
             "target_sl": ("服务水平目标", "SL target"), "target_asa": ("ASA 目标（秒）", "ASA target (s)"),
             "patience": ("平均耐心（秒）", "Mean patience (s)"),
             "max_abandon": ("放弃率上限", "Max abandon rate"),
             "max_occupancy": ("占用率上限", "Max occupancy"),
             "min_agents": ("最少座席", "Minimum agents"),
             "hours_per_fte": ("每 FTE 年工时", "Paid hours per FTE a year"),
             "hourly_cost": ("每小时成本", "Cost per paid hour")}
_PERCENT = {"service_level", "occupancy", "abandon_rate", "shrinkage"}
_UNITS = {**{k: ("%", "%") for k in _PERCENT}, "days": ("天", "days"), "open_days": ("天", "days"),
          "calls": ("通", "calls"), "aht_s": ("秒", "s"),
          **{k: ("人", "agents") for k in ("peak_required", "peak_scheduled")}}


def _lang_index(lang: str) -> int:
    check_lang(lang)
    return 0 if lang == "zh" else 1


def _table(frame: pd.DataFrame, i: int) -> tuple[pd.DataFrame, dict[str, str]]:
    """``frame`` with its index as the first column, headers translated, and their formats."""
    table = frame.reset_index()
    table = table.dropna(axis=1, how="all")
    formats = {_LABELS[c][i]: _LABELS[c][2] for c in table.columns if c in _LABELS and _LABELS[c][2]}
    return table.rename(columns={c: _LABELS[c][i] for c in table.columns if c in _LABELS}), formats


def _summary_table(plan, i: int) -> pd.DataFrame:
    """The summary as (metric, value, unit) rows; percentages shown as numbers in %."""
    rows = []
    for key, value in plan.summary().items():
        if isinstance(value, float) and pd.isna(value):
            continue
        label = _SUMMARY_HEAD.get(key, _LABELS.get(key, (key, key)))[i]
        if key in _PERCENT:
            value = round(float(value) * 100, 2)
        elif isinstance(value, (float, np.floating)):
            value = round(float(value), 2)
        elif not isinstance(value, (int, np.integer)):
            value = str(value)  # dates as 2026-09-14, the model's name
        rows.append((label, value, _UNITS.get(key, ("", ""))[i]))
    names = (("指标", "数值", "单位"), ("Metric", "Value", "Unit"))[i]
    return pd.DataFrame(rows, columns=list(names))


def _settings_table(plan, i: int) -> pd.DataFrame:
    s = plan.settings
    rows = [(label[i], getattr(s, key)) for key, label in _SETTINGS.items()
            if getattr(s, key) is not None]
    rows.append((("模型", "Model")[i], s.model))
    return pd.DataFrame(rows, columns=[("参数", "Setting")[i], ("取值", "Value")[i]])


def plan_sheets(plan, lang: str = "zh") -> tuple[dict[str, pd.DataFrame], dict[str, dict[str, str]]]:
    """The workbook's sheets (summary, weekly, daily, intervals, settings) and number formats."""
    i = _lang_index(lang)
    sheets = {_SHEETS["summary"][i]: _summary_table(plan, i)}
    formats = {_SHEETS["summary"][i]: {}}
    for key, frame in (("weekly", plan.weekly()), ("daily", plan.daily()),
                       ("intervals", plan.intervals)):
        sheets[_SHEETS[key][i]], formats[_SHEETS[key][i]] = _table(frame, i)
    sheets[_SHEETS["settings"][i]] = _settings_table(plan, i)
    return sheets, formats


def plan_workbook_bytes(plan, lang: str = "zh") -> bytes:
    """The plan as .xlsx bytes (:func:`ccskills.io.excel_bytes`)."""
    from ccskills.io import excel_bytes

    sheets, formats = plan_sheets(plan, lang)
    return excel_bytes(sheets, number_formats=formats)


def write_plan_workbook(plan, path, lang: str = "zh", *, overwrite: bool = False):
    """Write the plan's workbook to ``path`` atomically (:func:`ccskills.io.write_excel`).

    An existing file is replaced only with ``overwrite=True`` (else ``FileExistsError``).
    """
    from ccskills.io import write_excel

    sheets, formats = plan_sheets(plan, lang)
    return write_excel(path, sheets, number_formats=formats, overwrite=overwrite)
