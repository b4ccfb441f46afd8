"""Words of the workforce planner (zh/en): labels, stages, cards, Excel headers, error sentences.

Formatting only; the numbers come from :func:`ccskills.planning.run_planning`.
"""

from __future__ import annotations

import html
import re

import pandas as pd

from ccskills.apps._common import style
from ccskills.apps._workbook import COUNT, NUMBER, PERCENT, SECONDS, Setting, with_inputs
from ccskills.forecasting import COMBINERS, parse_label  # the label format "auto" writes
from ccskills.formatting import format_percent

__all__ = ["TEXT", "ERRORS", "CARDS", "STYLE", "CALENDARS", "t", "method_name", "calendar_name", "verdict_text",
           "card_texts", "card_note", "risk_text", "excel_sheets",
           "candidates_html", "daily_html", "chart_coverage", "CHART_ROWS", "input_settings",
           "scenario_results", "report_results", "assumptions", "daily_table", "INPUT_KEYS", "upload_preview",
           "with_band"]

TEXT: dict[str, tuple[str, str]] = {
    "title": ("排班规划器", "Workforce planner"),
    "intro": ("一次完成一周的规划：预测 → 人力需求 → 排班。选好数据和参数，点击“开始规划”。",
              "A week's plan in one go: forecast → staffing requirement → schedule. Choose the data "
              "and settings, then press “Plan”."),
    "source": ("数据", "Data"),
    "source_ecommerce": ("示例：电商热线（每天 08:00–22:00）", "Sample: e-commerce line (daily 08:00–22:00)"),
    "source_corporate": ("示例：企业热线（工作日 09:00–18:00）", "Sample: corporate line (working days 09:00–18:00)"),
    "source_upload": ("上传 CSV / Excel 文件", "Upload a CSV / Excel file"),
    "upload_button": ("选择文件", "Choose file"),
    "upload_hint": ("需要的列：时段、来话量；可选：平均处理时长（秒）、业务线。只需列出营业时段。"
                    "编码 UTF-8、UTF-8 BOM 或 GBK 均可。",
                    "Columns: interval_start and calls; optional aht (seconds) and line. List open "
                    "slots only. UTF-8, UTF-8 with BOM or GBK."),
    "no_file": ("请先选择要上传的文件。", "Choose a file to upload first."),
    "template_file": ("排班规划_上传示例", "workforce_planner_upload_example"),
    "template_line": ("电商热线", "e-commerce"),
    "line": ("业务线", "Line"),
    "loaded": ("已读取 {name}：{rows} 个时段，{first} 至 {last}。",
               "Read {name}: {rows} slots, {first} to {last}."),
    "history_span": ("历史数据：{rows} 个开放时段，{first} 至 {last}。",
                     "History: {rows} open slots, {first} to {last}."),
    "forecast_heading": ("1 预测", "1 Forecast"),
    "staffing_heading": ("2 人力需求", "2 Staffing requirement"),
    "schedule_heading": ("3 排班", "3 Schedule"),
    "method": ("预测方法", "Forecast method"),
    "method_auto": ("自动（按回测 WAPE 择优）", "Automatic (best backtest WAPE)"),
    "method_seasonal_naive": ("季节性朴素（上周同时段）", "Seasonal naive (same slot last week)"),
    "method_historical_average": ("历史平均（星期 × 时段，近 8 周）",
                                  "Historical average (weekday × slot, 8 weeks)"),
    "method_top_down": ("自上而下（日总量 Holt-Winters × 日内分布）",
                        "Top-down (daily Holt-Winters × intraday profile)"),
    "method_bottom_up": ("自下而上 Holt-Winters", "Bottom-up Holt-Winters"),
    "method_holiday_adjusted": ("节假日与大促调整", "Holiday and event adjusted"),
    "method_profile_top_down": ("自上而下（近期加权日内分布）", "Top-down (recency-weighted intraday profile)"),
    "method_harmonic": ("动态谐波回归", "Dynamic harmonic regression"),
    "method_mstl_ets": ("MSTL 多季节分解 + ETS", "MSTL decomposition + ETS"),
    "method_k_mean": ("近 {k} 周同期均值（同星期同时段）", "{k}-week weekday × slot mean"),
    "method_k_mean_linear": ("近 {k} 周同期均值（同星期同时段，近期加权）",
                             "{k}-week weekday × slot mean (recency-weighted)"),
    "method_median": ("前 {n} 名中位数组合：{members}", "Median of the best {n}: {members}"),
    "calendar": ("节假日日历", "Holiday calendar"),
    "calendar_note": ("上传数据的节假日按所选国家或地区识别；示例数据用中国日历。",
                      "Holidays of an upload are read from the chosen country's calendar; the samples use China's."),
    "ratio_benchmark": ("÷ 4 周同期均值", "÷ 4-week mean"),
    "verdict_better": ("所选方法的回测 WAPE 比 4 周同期均值低 {gain}（{wape} 对 {bench}），"
                       "达到“至少低 {margin}”的标准：明显胜过计划员表格的基准。",
                       "The chosen method's backtest WAPE is {gain} lower than the 4-week mean's "
                       "({wape} against {bench}): at least {margin} lower, so it clearly beats the planner's "
                       "spreadsheet benchmark."),
    "verdict_small": ("所选方法的回测 WAPE 只比 4 周同期均值低 {gain}（{wape} 对 {bench}），不到 {margin}："
                      "没有方法明显胜过 4 周同期均值；规划采用“{method}”，保留 4 周同期均值同样合理。",
                      "The chosen method's backtest WAPE is only {gain} lower than the 4-week mean's "
                      "({wape} against {bench}), less than {margin}: no method clearly beats the 4-week mean; the plan "
                      "uses {method}, and keeping the 4-week mean would be just as sound."),
    "verdict_benchmark": ("没有方法胜过 4 周同期均值（回测 WAPE {bench}）；规划采用 4 周同期均值。",
                          "No method beats the 4-week mean (backtest WAPE {bench}); the plan uses the 4-week mean."),
    "verdict_none": ("没有方法胜过 4 周同期均值（回测 WAPE {bench}）；规划采用“{method}”（{wape}）。",
                     "No method beats the 4-week mean (backtest WAPE {bench}); the plan uses {method} ({wape})."),
    "horizon": ("规划天数", "Days to plan"),
    "start": ("开始日期", "First day to plan"),
    "closed_horizon": ("{first} 至 {last} 该业务线全部关闭（节假日或休息日），没有可排的班。"
                       "请把开始日期改为 {next}（下一个营业日）。",
                       "The line is closed on every day from {first} to {last} (holidays or closed days): "
                       "nothing to schedule. Set the start date to {next}, the next open day."),
    "closed_horizon_none": ("{first} 至 {last} 该业务线全部关闭（节假日或休息日），之后 {days} 天内也没有营业日。"
                            "请检查数据是否只含营业时段。",
                            "The line is closed on every day from {first} to {last} (holidays or closed days) "
                            "and on the {days} days after. Check that the data lists the open slots."),
    "aht": ("AHT（文件无此列时，秒）", "AHT if the file has none (s)"),
    "aht_setting": ("平均处理时长（仅在数据没有此列时使用）", "AHT (used only when the data has none)"),
    "target_sl": ("服务水平目标 (%)", "Service level target (%)"),
    "answer_time": ("应答时限 (秒)", "Answer time (s)"),
    "shrinkage": ("班外损耗 (%)", "Shrinkage outside shifts (%)"),
    "shrinkage_note": ("班外损耗：缺勤、培训、会议等。休息和午餐已排进每个班次，不要重复计入。",
                       "Shrinkage outside shifts: absence, training, meetings. Breaks and lunch are "
                       "placed in every shift; do not count them twice."),
    "shift_hours": ("班次长度", "Shift lengths"),
    "hours_option": ("{n} 小时", "{n} h"),
    "start_step": ("上班时间间隔", "Start-time grid"),
    "minutes_option": ("{n} 分钟", "{n} min"),
    "breaks": ("每班含 15 分钟休息和 30 分钟午餐（午餐不计薪）",
               "Each shift has a 15-min break and a 30-min unpaid lunch"),
    "soft": ("允许少量缺口以减少冗余（软约束）", "Allow small gaps to cut overstaffing (soft cover)"),
    "run": ("开始规划", "Plan"),
    "ready": ("选好数据和参数后，点击“开始规划”。", "Choose the data and settings, then press “Plan”."),
    "stage_forecast": ("第 1/4 步：预测来话量和平均处理时长…", "Step 1/4: forecasting calls and AHT…"),
    "stage_accuracy": ("第 2/4 步：在历史周上回测预测准确度…", "Step 2/4: backtesting accuracy on past weeks…"),
    "stage_staffing": ("第 3/4 步：计算每个时段的人力需求…", "Step 3/4: agents needed per slot…"),
    "stage_schedule": ("第 4/4 步：求解排班（整数规划）…", "Step 4/4: solving the schedule (integer programme)…"),
    "done": ("规划完成：{first} 至 {last}，预测方法：{method}。",
             "Plan ready: {first} to {last}, forecast method: {method}."),
    "card_method": ("预测方法", "Forecast method"),
    "card_wape": ("回测 WAPE（时段）", "Backtest WAPE (slots)"),
    "card_daily_mape": ("回测 MAPE（日总量）", "Backtest MAPE (daily totals)"),
    "card_peak": ("峰值排班人数（人）", "Peak scheduled headcount"),
    "card_shifts": ("班次数", "Shifts"),
    "card_paid_hours": ("排班计薪工时", "Paid hours scheduled"),
    "card_fill_rate": ("排班满足率", "Schedule fill rate"),
    "card_efficiency": ("排班效率", "Schedule efficiency"),
    "card_solver": ("求解状态", "Solver"),
    "card_risk": ("覆盖 80 % 预测区间上限", "Covering the 80 % upper bound"),
    "risk_hours": ("+{hours} 计薪工时（+{share}）", "+{hours} paid hours (+{share})"),
    "risk_cost": ("+{hours} 计薪工时（+{share}），成本 +{cost}", "+{hours} paid hours (+{share}), cost +{cost}"),
    "solver_optimal": ("最优（差距 {gap}，{seconds} 秒）", "optimal (gap {gap}, {seconds} s)"),
    "solver_time_limit": ("到达时限（差距 {gap}，{seconds} 秒）", "time limit (gap {gap}, {seconds} s)"),
    "solver_gap_limit": ("在差距上限内停止（差距 {gap}，{seconds} 秒）", "stopped within the gap limit (gap {gap}, {seconds} s)"),
    "candidates_title": ("各方法回测 WAPE（越低越好）", "Backtest WAPE by method (lower is better)"),
    "daily_title": ("每日汇总", "Daily summary"),
    "download": ("下载规划 Excel", "Download the plan (Excel)"),
    "excel_file": ("排班规划", "workforce_plan"),
    "unexpected": ("计算时出现意外问题（{kind}）。请检查数据和参数后重试。",
                   "Something unexpected went wrong ({kind}). Check the data and settings and try again."),
    # scenarios and the one-page report
    "upload_file": ("上传的文件（不随情景保存，载入后需重新上传）",
                    "Uploaded file (not saved with the scenario: upload it again after loading)"),
    "upload_again": ("这个情景用的是上传的文件“{name}”，文件本身没有随情景保存：请重新上传它，再点击“开始规划”。",
                     "This scenario used the uploaded file \u201c{name}\u201d, which is not saved with it: "
                     "upload it again, then press \u201cPlan\u201d."),
    "result_avg_sl": ("平均服务水平（按计划）", "Average service level (planned)"),
    "note_method": ("生成来话量预测的方法。", "How the calls were forecast."),
    "note_wape": ("在历史周上回测：各时段预测误差之和 ÷ 实际来话量之和，越低越准。",
                  "Backtest on past weeks: the sum of slot errors ÷ the calls offered; lower is better."),
    "note_daily_mape": ("同一回测按日总量计算的平均百分比误差。", "The same backtest on daily totals, mean % error."),
    "note_peak": ("规划期内单个时段需要排班的最多人数（所需座席数已按班外损耗放大）。",
                  "The most people to schedule in one slot (agents needed, grossed up for shrinkage)."),
    "note_shifts": ("排出的班次总数（每人每天一个班次）。", "Shifts placed (one per person per day)."),
    "note_paid_hours": ("所有班次的计薪时长之和（午餐不计薪）。", "The paid length of every shift added up (lunch unpaid)."),
    "note_fill_rate": ("排班人数覆盖需求的比例；100 % 表示没有缺口。",
                       "Share of the headcount needed that the schedule covers; 100 % means no gap."),
    "note_efficiency": ("需求 ÷ 排班：其余是冗余（班次长度和上班时间档造成）。",
                        "Needed ÷ scheduled: the rest is over-cover (from shift lengths and start times)."),
    "note_risk": ("每个时段按来话量 80 % 预测区间（prediction interval）的上限（第 90 百分位）配置人力，"
                  "比按点预测多出的计薪工时（排班前的需求，已按班外损耗放大）。预测区间来自回测误差。"
                  "本规划器没有小时成本输入，只给工时。",
                  "Agents per slot for the upper bound of the 80 % prediction interval of calls offered (the "
                  "90th percentile) instead of the point forecast: the extra paid hours (requirement before "
                  "shifts, grossed up for shrinkage). The interval comes from the backtest errors. The planner "
                  "has no hourly cost input, so it gives hours only."),
    "note_risk_cost": ("每个时段按来话量 80 % 预测区间（prediction interval）的上限（第 90 百分位）配置人力，"
                       "比按点预测多出的计薪工时和成本（排班前的需求，已按班外损耗放大）。预测区间来自回测误差。",
                       "Agents per slot for the upper bound of the 80 % prediction interval of calls offered (the "
                       "90th percentile) instead of the point forecast: the extra paid hours and their cost "
                       "(requirement before shifts, grossed up for shrinkage). The interval comes from the "
                       "backtest errors."),
    "band_title": ("最近两周的来话量与预测（阴影：80 % 和 95 % 预测区间）",
                   "Recent calls offered and the forecast (shaded: 80 % and 95 % prediction intervals)"),
    "band_80": ("80 % 预测区间", "80 % prediction interval"),
    "band_95": ("95 % 预测区间", "95 % prediction interval"),
    "note_solver": ("整数规划求解器的结果：最优，或在时限内得到的最好排班。",
                    "What the integer programme reached: optimal, or the best schedule within its time limit."),
    "note_avg_sl": ("按排班后在线人数，以 Erlang 模型估计的规划期平均服务水平。",
                    "The service level the scheduled agents give over the horizon, by the Erlang model."),
    "table_title": ("每日汇总", "Daily summary"),
    "assume_sample": ("数据：{source}，该业务线 {rows} 个开放时段（{first} 至 {last}）。",
                      "Data: {source}, {rows} open slots of the line ({first} to {last})."),
    "assume_upload": ("数据：上传的文件“{name}”，业务线“{line}”，{rows} 个开放时段（{first} 至 {last}）。",
                      "Data: the uploaded file \u201c{name}\u201d, line \u201c{line}\u201d, {rows} open slots "
                      "({first} to {last})."),
    "assume_forecast": ("预测方法：{method}。在最近 {origins} 个历史周上回测，时段 WAPE {wape}，日总量 MAPE {mape}，"
                        "偏差 {bias}（正数表示预测偏高）。",
                        "Forecast method: {method}. Backtested on the last {origins} weeks of history: slot WAPE "
                        "{wape}, daily-total MAPE {mape}, bias {bias} (positive: the forecast runs high)."),
    "assume_calendar": ("节假日日历：{calendar}。节假日调整和营业日（包括开始日期）都按它识别假日。",
                        "Holiday calendar: {calendar}. The holiday adjustment and the open days (the start date "
                        "too) read holidays from it."),
    "assume_auto": ("“自动”在同样的历史周上回测了 {n} 类方法（{labels} 个候选，包括 1–8 周的各种同期均值），"
                    "选用 WAPE 最低的一种（相差很小时选更简单的）。",
                    "\u201cAutomatic\u201d backtested {n} kinds of method on the same past weeks ({labels} "
                    "candidates, the 1- to 8-week means among them) and kept the one with the lowest WAPE (the "
                    "simpler one when two are very close)."),
    "assume_erlang": ("人力需求按 {model} 逐个时段计算：来话随机到达（泊松），客户不放弃、不重拨，时段之间互不影响；"
                      "目标是 {sl} 的来话在 {answer} 秒内应答。",
                      "Agents per slot by {model}: calls arrive at random (Poisson), callers neither abandon nor "
                      "retry, and slots are independent; the target is {sl} answered within {answer} s."),
    "assume_aht_file": ("平均处理时长取自历史数据，按星期和时段预测（规划期平均 {aht} 秒）。",
                        "AHT comes from the history, forecast by weekday and slot ({aht} s on average)."),
    "assume_aht_typed": ("历史数据没有平均处理时长，每个时段都按输入的 {aht} 秒计算。",
                         "The history has no AHT: every slot uses the {aht} s typed."),
    "assume_shrinkage": ("班外损耗 {shrinkage}（缺勤、培训、会议）：每个时段排班人数 = ⌈所需座席数 ÷ (1 − 损耗)⌉。"
                         "休息和午餐已排进班次，没有重复计入损耗。",
                         "Shrinkage outside shifts {shrinkage} (absence, training, meetings): headcount per slot = "
                         "⌈agents needed ÷ (1 − shrinkage)⌉. Breaks and lunch are placed in the shifts, not counted "
                         "in shrinkage again."),
    "assume_schedule": ("班次长度 {lengths}，上班时间每 {step} 分钟一档；{breaks}；{cover}。",
                        "Shift lengths {lengths}, start times every {step} min; {breaks}; {cover}."),
    "assume_breaks_yes": ("每班含 15 分钟休息和 30 分钟不计薪午餐", "each shift has a 15-min break and a 30-min unpaid lunch"),
    "assume_breaks_no": ("班次内不排休息", "no breaks placed in the shifts"),
    "assume_cover_hard": ("每个时段都必须排够人（硬约束）", "every slot must be fully covered (hard cover)"),
    "assume_cover_soft": ("允许少量缺口以减少冗余（软约束）", "small gaps are allowed to cut over-cover (soft cover)"),
}
"""Key → (Chinese, English)."""

ERRORS: dict[str, tuple[str, str]] = {
    "history": ("历史数据不够长：所选预测方法和回测需要更多周的历史。请上传更长的历史，或选“季节性朴素”",
                "The history is too short for this method and its backtest. Upload more weeks, or "
                "choose “Seasonal naive”"),
    "horizon_days": ("规划天数必须是 1 到 28 的整数", "Days to plan must be a whole number from 1 to 28"),
    "start": ("开始日期必须在历史数据最后一天之后的 56 天内",
              "The first day to plan must be within 56 days after the history's last day"),
    "lengths": ("班次长度超过了营业时间，请选择更短的班次",
                "The shift length does not fit inside the opening hours; choose shorter shifts"),
    "shift_hours": ("请至少选择一种班次长度", "Choose at least one shift length"),
    "aht": ("文件没有平均处理时长：请在“平均处理时长”框中填入大于 0 的秒数",
            "The file has no AHT: enter a number of seconds above 0 in the AHT box"),
    "target_sl": ("服务水平目标必须大于 0 % 且小于 100 %",
                  "The service level target must be more than 0 % and less than 100 %"),
    "answer_time": ("应答时限必须是 0 或正的秒数", "The answer time must be zero or more seconds"),
    "shrinkage": ("班外损耗必须在 0 % 到 100 % 之间（不含 100 %）",
                  "Shrinkage must be from 0 % up to, but not including, 100 %"),
    "backtest_origins": ("回测起点数必须在 1 到 26 之间", "Backtest origins must be from 1 to 26"),
}
"""Parameter name → the rule broken, as a sentence stem (see :func:`ccskills.i18n.error_message`)."""

CARDS = ("method", "wape", "daily_mape", "peak", "shifts", "paid_hours", "fill_rate", "efficiency",
         "solver", "risk")
"""Result cards in screen order; CSS class ``ccs-card-<name with dashes>``."""

STYLE = style("""
.ccs-card-note { color: #57606a; font-size: 12px; max-width: 15em; line-height: 1.3; margin-top: 2px; }
.ccs-planner { font-family: var(--ccs-font-family, system-ui, sans-serif); }
.ccs-planner h3 { margin: 10px 0 4px 0; font-size: 15px; }
.ccs-planner .ccs-card-value { font-size: 20px; }
table.ccs-table { border-collapse: collapse; font-size: 13px; margin: 4px 24px 8px 0; }
table.ccs-table th, table.ccs-table td { padding: 3px 8px; text-align: right;
  border-bottom: 1px solid #e5e7eb; }
table.ccs-table th:first-child, table.ccs-table td:first-child { text-align: left; }
table.ccs-table tr.ccs-chosen { background: #e8f1fb; font-weight: 700; }
table.ccs-table td.ccs-verdict { text-align: left; white-space: normal; max-width: 28em; color: #24292f;
  border-bottom: none; padding-top: 6px; }
""")


def t(key: str, lang: str, **fields) -> str:
    """The planner's string for ``key`` in ``lang``, formatted with ``fields``."""
    return TEXT[key][1 if lang == "en" else 0].format(**fields)


CALENDARS: dict[str, tuple[str, str]] = {
    "CN": ("中国（法定节假日、调休、618/双11）", "China (public holidays, make-up days, 618/Double 11)"),
    "none": ("无（不做节假日调整）", "None (no holiday adjustment)"),
    "US": ("美国", "United States"), "GB": ("英国", "United Kingdom"), "HK": ("中国香港", "Hong Kong, China"),
    "SG": ("新加坡", "Singapore"), "JP": ("日本", "Japan"), "KR": ("韩国", "South Korea"),
    "DE": ("德国", "Germany"), "FR": ("法国", "France"), "AU": ("澳大利亚", "Australia"), "CA": ("加拿大", "Canada"),
}
"""The holiday calendars an upload may choose (codes of :class:`~ccskills.planning.PlanningInputs`'s
``calendar``; each country is one the ``holidays`` package supports) → (Chinese, English)."""


def calendar_name(code: str, lang: str) -> str:
    """A calendar's name on screen (its code when the planner has no words for it)."""
    return _word(CALENDARS, code, lang)


def method_name(method: str, lang: str) -> str:
    """A method or "auto" label in words: ``historical_average(k=4)`` → "近 4 周同期均值（同星期同时段）",
    ``median(a, b, c)`` → "前 3 名中位数组合：…" naming each member; the label itself when the
    planner has no words for it."""
    key = f"method_{method}"
    if key in TEXT:
        return t(key, lang)
    try:
        name, parsed = parse_label(method)
    except ValueError:
        return method
    if name in COMBINERS:
        members = ("、" if lang == "zh" else ", ").join(method_name(m, lang) for m in parsed)
        return t(f"method_{name}", lang, n=len(parsed), members=members) if f"method_{name}" in TEXT else method
    weights = {"equal": "method_k_mean", "linear": "method_k_mean_linear"}.get(parsed.get("weights", "equal"))
    if name == "historical_average" and weights and set(parsed) <= {"k", "weights"} and "k" in parsed:
        return t(weights, lang, k=parsed["k"])
    return method


def verdict_text(result, lang: str) -> str:
    """Does the chosen forecast beat the 4-week mean (:meth:`~ccskills.planning.PlanningResult.benchmark`)?
    One sentence; empty when "auto" did not test both."""
    from ccskills.planning import BENCHMARK, CLEAR_MARGIN

    verdict = result.benchmark()
    if verdict is None:
        return ""
    words = dict(method=method_name(verdict.method, lang), wape=format_percent(verdict.wape),
                 bench=format_percent(verdict.benchmark_wape), gain=format_percent(1 - verdict.ratio),
                 margin=f"{100 * CLEAR_MARGIN:g} %")
    if verdict.method == BENCHMARK:
        return t("verdict_benchmark", lang, **words)
    if verdict.clearly_better:
        return t("verdict_better", lang, **words)
    return t("verdict_small" if verdict.ratio < 1 else "verdict_none", lang, **words)


SOLVER_STATUS = {"optimal": "solver_optimal", "gap_limit": "solver_gap_limit", "time_limit": "solver_time_limit"}
"""The schedule's solver status → the words the planner shows (see :class:`ccskills.scheduling.ScheduleResult`)."""


def _n(value, digits: int = 2) -> str:
    """A number with thousands separators (3,742.5), never -0.0."""
    return f"{round(float(value), digits) + 0.0:,.{digits}f}"


def card_texts(result, lang: str) -> dict[str, str]:
    """Card name → value text for a :class:`~ccskills.planning.PlanningResult`."""
    s = result.schedule
    solver = (t(SOLVER_STATUS[s.status], lang, gap=format_percent(s.gap), seconds=f"{s.seconds:.1f}")
              if s.status in SOLVER_STATUS else s.status)
    summary = result.summary()
    return {
        "method": method_name(result.method, lang),
        "wape": format_percent(result.accuracy["wape"]),
        "daily_mape": format_percent(result.accuracy["daily_mape"]),
        "peak": f"{int(result.required.max())}",
        "shifts": f"{int(summary['shifts'])}",
        "paid_hours": _n(summary["paid_hours_scheduled"], 1),
        "fill_rate": format_percent(result.fill_rate),
        "efficiency": format_percent(result.efficiency),
        "solver": solver,
        "risk": risk_text(result, lang),
    }


def risk_text(result, lang: str) -> str:
    """The risk card: extra paid hours (and cost, with an hourly cost) of covering the 80 % upper
    bound, from :meth:`~ccskills.planning.PlanningResult.risk_cover`; "–" without bands."""
    cover = result.risk_cover() if hasattr(result, "risk_cover") else None
    if cover is None:
        return "–"
    share = format_percent(cover.extra_paid_hours / cover.paid_hours) if cover.paid_hours else "–"
    if cover.extra_cost is None:
        return t("risk_hours", lang, hours=_n(cover.extra_paid_hours, 1), share=share)
    return t("risk_cost", lang, hours=_n(cover.extra_paid_hours, 1), share=share, cost=_n(cover.extra_cost, 0))


def card_note(result, name: str, lang: str) -> str:
    """What a card's number means (the risk card says whether it has a cost)."""
    if name == "risk" and result.inputs.hourly_cost is not None:
        return t("note_risk_cost", lang)
    return t(f"note_{name}", lang)


def candidates_html(result, lang: str) -> str:
    """The backtest WAPE of the methods "auto" tried, one row per family
    (:meth:`~ccskills.planning.PlanningResult.candidate_table`), with the ratio to the 4-week mean's
    WAPE; the chosen one highlighted; the verdict under it (:func:`verdict_text`)."""
    table = result.candidate_table()
    if table.empty:
        return ""
    rows = []
    for method, row in table.iterrows():
        mark = ' class="ccs-chosen"' if row["chosen"] else ""
        ratio = f"{row['ratio']:.3f}" if pd.notna(row["ratio"]) else "–"
        rows.append(f"<tr{mark}><td>{html.escape(method_name(method, lang))}</td>"
                    f"<td>{html.escape(format_percent(row['wape']))}</td><td>{ratio}</td></tr>")
    head = (f"<tr><th>{html.escape(t('method', lang))}</th><th>WAPE</th>"
            f"<th>{html.escape(t('ratio_benchmark', lang))}</th></tr>")
    verdict = verdict_text(result, lang)
    foot = f'<tfoot><tr><td colspan="3" class="ccs-verdict">{html.escape(verdict)}</td></tr></tfoot>' if verdict else ""
    return (f'<table class="ccs-table ccs-candidates"><caption>{html.escape(t("candidates_title", lang))}'
            f"</caption><thead>{head}</thead><tbody>{''.join(rows)}</tbody>{foot}</table>")


# Excel and table headers: column -> (zh, en, Excel format); columns not listed keep their name.
# Names follow the glossary (ccskills.kpi.REGISTRY, ccskills.i18n): 来话量, 所需座席数, 排班人数.
COLUMNS: dict[str, tuple[str, str, str | None]] = {
    "item": ("项目", "Item", None), "value": ("数值", "Value", None), "unit": ("单位", "Unit", None),
    "interval_start": ("时段", "Interval start", None), "date": ("日期", "Date", None),
    "day": ("日期", "Date", None),
    "calls": ("来话量", "Calls offered", "#,##0.0"), "aht_s": ("平均处理时长（秒）", "AHT (s)", SECONDS),
    "load": ("话务量（爱尔兰）", "Load (Erlang)", NUMBER), "required": ("所需座席数", "Required agents", COUNT),
    "service_level": ("服务水平", "Service level", PERCENT), "asa_s": ("平均应答速度（秒）", "ASA (s)", SECONDS),
    "occupancy": ("占用率", "Occupancy", PERCENT), "abandon_rate": ("放弃率", "Abandonment rate", PERCENT),
    "shrinkage": ("损耗率", "Shrinkage", PERCENT), "scheduled": ("排班人数", "Scheduled headcount", COUNT),
    "phone_hours": ("在线工时", "Phone hours", "#,##0.0"), "paid_hours": ("计薪工时", "Paid hours", "#,##0.0"),
    "workload_hours": ("工作量（小时）", "Workload (h)", "#,##0.0"), "fte": ("全职人力（FTE）", "FTE", "#,##0.0"),
    "cost": ("成本", "Cost", "#,##0.00"), "peak_required": ("峰值所需座席数", "Peak required agents", COUNT),
    "peak_scheduled": ("峰值排班人数", "Peak scheduled headcount", COUNT), "under": ("缺口", "Under", COUNT),
    "over": ("冗余", "Over", COUNT), "start": ("上班", "Start", None), "end": ("下班", "End", None),
    "breaks": ("休息安排", "Breaks", None), "agents": ("人数", "Agents", COUNT),
}
COVERAGE_COLUMNS = {"required": ("排班人数（需求）", "Headcount needed", COUNT),
                    "scheduled": ("已排班人数", "Headcount scheduled", COUNT)}
"""The schedule's coverage: its "required" is the headcount to schedule (after shrinkage)."""
SHEETS: dict[str, tuple[str, str]] = {
    "summary": ("汇总", "Summary"), "forecast": ("预测", "Forecast"), "staffing": ("人力需求", "Staffing"),
    "daily": ("每日", "Daily"), "shifts": ("班次", "Shifts"), "coverage": ("覆盖", "Coverage"),
}
SUMMARY_ITEMS: dict[str, tuple[str, str, str, str | None]] = {
    # key: (zh, en, unit zh|en, format)
    "first_day": ("开始日期", "First day", "", "yyyy-mm-dd"), "last_day": ("结束日期", "Last day", "", "yyyy-mm-dd"),
    "method": ("预测方法", "Forecast method", "", None), "wape": ("回测 WAPE", "Backtest WAPE", "", PERCENT),
    "mape": ("回测 MAPE", "Backtest MAPE", "", PERCENT), "bias": ("回测偏差", "Backtest bias", "", PERCENT),
    "daily_mape": ("回测日总量 MAPE", "Backtest daily MAPE", "", PERCENT),
    "calls": ("预测来话量", "Forecast calls offered", "通|calls", COUNT),
    "peak_required": ("峰值所需座席数", "Peak required agents", "人|agents", COUNT),
    "phone_hours_required": ("所需在线工时", "Phone hours required", "小时|h", "#,##0.0"),
    "shifts": ("班次数", "Shifts", "", COUNT),
    "paid_hours_scheduled": ("排班计薪工时", "Paid hours scheduled", "小时|h", "#,##0.0"),
    "fill_rate": ("排班满足率", "Schedule fill rate", "", PERCENT),
    "efficiency": ("排班效率", "Schedule efficiency", "", PERCENT),
    "under_agent_hours": ("缺口（座席·小时）", "Under-cover (agent-hours)", "座席·小时|agent-h", "#,##0.0"),
    "over_agent_hours": ("冗余（座席·小时）", "Over-cover (agent-hours)", "座席·小时|agent-h", "#,##0.0"),
    "solver_status": ("求解状态", "Solver status", "", None), "solver_gap": ("最优性差距", "Optimality gap", "", PERCENT),
    "solve_seconds": ("求解时间", "Solve time", "秒|s", "#,##0.0"),
}
SOLVER_WORDS = {"optimal": ("最优", "optimal"), "gap_limit": ("在差距上限内停止", "stopped within the gap limit"),
                "time_limit": ("到达时限", "time limit")}
BREAK_WORDS = {"break": ("休息", "break"), "lunch": ("午餐", "lunch")}


def _i(lang: str) -> int:
    return 1 if lang == "en" else 0


def _word(table: dict, key: str, lang: str) -> str:
    return table[key][_i(lang)] if key in table else key


def _summary_sheet(result, lang: str) -> tuple[pd.DataFrame, list]:
    rows, formats = [], []
    for key, value in result.summary().items():
        zh, en, unit, fmt = SUMMARY_ITEMS.get(key, (key, key, "", None))
        if key == "method":
            value = method_name(value, lang)
        elif key == "solver_status":
            value = _word(SOLVER_WORDS, value, lang)
        elif key in ("first_day", "last_day"):
            value = pd.Timestamp(value)
        if isinstance(value, float) and pd.isna(value):
            value = None
        unit = unit.split("|")[_i(lang)] if unit else ""
        rows.append(((zh, en)[_i(lang)], value, unit))
        formats.append(fmt)
    names = [_word(COLUMNS, c, lang) for c in ("item", "value", "unit")]
    return pd.DataFrame(rows, columns=names), formats


def _breaks(text: str, lang: str) -> str:
    """'break 09:00–09:15; lunch 11:45–12:15' in ``lang``."""
    parts = []
    for part in str(text).split(";"):
        kind, _, span = part.strip().partition(" ")
        parts.append(f"{_word(BREAK_WORDS, kind, lang)} {span}".strip())
    return ("；" if lang == "zh" else "; ").join(p for p in parts if p)


def _bare(label: str) -> str:
    """A field's label without its unit in brackets ("服务水平目标 (%)" → "服务水平目标")."""
    return re.sub(r"\s*[（(][^）)]*[）)]$", "", label)


def input_settings(result, lang: str, data: list[Setting]) -> list[Setting]:
    """The plan's inputs, as the workbook's inputs sheet and the one-page report list them;
    ``data`` names the data used (first rows)."""
    x, zh = result.inputs, lang == "zh"
    hours, sec = ("小时", "秒") if zh else ("h", "s")
    yes_no = (("是", "否") if zh else ("yes", "no"))
    start = result.summary()["first_day"]
    return [*data,
            Setting(t("start", lang), pd.Timestamp(start), "", "yyyy-mm-dd"),
            Setting(t("horizon", lang), x.horizon_days, "天" if zh else "days", COUNT),
            Setting(t("method", lang), method_name(x.method, lang)),
            Setting(t("calendar", lang), calendar_name(x.calendar, lang)),
            Setting(t("aht_setting", lang), x.aht, sec, SECONDS),
            Setting(_bare(t("target_sl", lang)), x.target_sl, "", PERCENT),
            Setting(_bare(t("answer_time", lang)), x.answer_time, sec, SECONDS),
            Setting(_bare(t("shrinkage", lang)), x.shrinkage, "", PERCENT),
            Setting(t("shift_hours", lang), "、".join(f"{h:g}" for h in x.shift_hours) if zh
                    else ", ".join(f"{h:g}" for h in x.shift_hours), hours),
            Setting(t("start_step", lang), x.start_step_min, "分钟" if zh else "min", COUNT),
            Setting(t("breaks", lang), yes_no[0] if x.breaks else yes_no[1]),
            Setting(t("soft", lang), yes_no[0] if x.soft else yes_no[1])]


def excel_sheets(result, lang: str, data: list[Setting] | None = None) -> tuple[dict, dict]:
    """The plan's workbook in ``lang`` (numbers as numbers, formats per column, the inputs last)
    and the options for :func:`ccskills.io.excel_bytes`; ``data``: settings naming the data used."""
    sheets, formats, rows = {}, {}, {}
    for name, frame in result.sheets().items():
        sheet = _word(SHEETS, name, lang)
        if name == "summary":
            sheets[sheet], rows[sheet] = _summary_sheet(result, lang)
            continue
        frame = frame.copy()
        if name == "shifts":
            frame["breaks"] = frame["breaks"].map(lambda b: _breaks(b, lang))
        labels = {**COLUMNS, **(COVERAGE_COLUMNS if name == "coverage" else {})}
        formats[sheet] = {labels[c][_i(lang)]: labels[c][2] for c in frame.columns if c in labels and labels[c][2]}
        frame.columns = [labels[c][_i(lang)] if c in labels else c for c in frame.columns]
        sheets[sheet] = frame
    return with_inputs(sheets, input_settings(result, lang, data or []), lang, number_formats=formats,
                       row_formats=rows)


def daily_html(result, lang: str) -> str:
    """The plan's daily summary: calls, phone and paid hours, FTE, service level."""
    daily = result.plan.daily()
    head = "".join(f"<th>{html.escape(_word(COLUMNS, c, lang))}</th>"
                   for c in ("date", "calls", "peak_required", "phone_hours", "paid_hours", "service_level"))
    rows = []
    for day, row in daily.iterrows():
        cells = [f"{day:%Y-%m-%d}", _n(row["calls"], 0), f"{int(row['peak_required'])}",
                 _n(row["phone_hours"], 1), _n(row["paid_hours"], 1),
                 format_percent(row["service_level"])]
        rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    return (f'<table class="ccs-table ccs-daily"><caption>{html.escape(t("daily_title", lang))}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


CHART_ROWS = 5_000
"""Altair's row limit per chart: the page's charts stay under it (a bounded payload, no MaxRowsError)."""


def chart_coverage(coverage: pd.DataFrame, limit: int = CHART_ROWS // 2) -> pd.DataFrame:
    """The schedule's coverage thinned for the chart, at most ``limit`` periods (two series each).

    A closed run (nothing required, nobody scheduled) keeps only its first period: the step
    line stays at zero until the next open period. If a long horizon of fine periods is still
    above ``limit`` (a 24-hour line over 28 days), periods are merged into 30 or 60 minutes,
    keeping each one's highest required and scheduled agents.
    """
    closed = (coverage["required"] == 0) & (coverage["scheduled"] == 0)
    thinned = coverage.loc[~(closed & closed.shift(fill_value=False))]
    for minutes in (30, 60, 120):
        if len(thinned) <= limit:
            break
        thinned = coverage.resample(f"{minutes}min").max().dropna(how="all")
        closed = (thinned["required"] == 0) & (thinned["scheduled"] == 0)
        thinned = thinned.loc[~(closed & closed.shift(fill_value=False))]
    return thinned


def with_band(chart, bands: pd.DataFrame | None, lang: str):
    """The forecast chart with the 95 % and 80 % prediction intervals shaded under its lines.

    (Belongs in ``wfm_charts.forecast_chart`` as a ``bands=`` option; kept here until it moves.)
    """
    import altair as alt

    from ccskills.charts import themed
    from ccskills.wfm_charts import LABELS

    if bands is None or bands.empty:
        return chart
    frame = bands.rename_axis("time").reset_index().assign(day=bands.index.normalize().astype(str))
    layers = []
    for level, opacity in (("95", 0.15), ("80", 0.3)):
        name = t(f"band_{level}", lang)
        time, calls = (LABELS[key][1 if lang == "en" else 0] for key in ("time", "calls"))
        layers.append(alt.Chart(frame).mark_area(color="#1f6fb4", opacity=opacity).encode(
            x=alt.X("time:T", title=time), y=alt.Y(f"lower_{level}:Q", title=calls), y2=f"upper_{level}:Q",
            detail="day:N",
            tooltip=[alt.Tooltip("time:T", title=time, format="%Y-%m-%d %H:%M"),
                     alt.Tooltip(f"lower_{level}:Q", title=f"{name} ↓", format=".1f"),
                     alt.Tooltip(f"upper_{level}:Q", title=f"{name} ↑", format=".1f")]))
    lines = chart.copy(deep=True)
    width, height = lines.width, lines.height
    lines.config = lines.title = lines.width = lines.height = alt.Undefined
    return themed(alt.layer(*layers, lines).properties(title=t("band_title", lang), width=width, height=height))


# Scenarios and the one-page report -------------------------------------------------------------

INPUT_KEYS = {"source": "source", "upload_name": "upload_file", "line": "line", "calendar": "calendar",
              "method": "method",
              "start": "start", "horizon": "horizon", "aht": "aht", "target_sl": "target_sl",
              "answer_time": "answer_time", "shrinkage": "shrinkage", "shift_hours": "shift_hours",
              "start_step": "start_step", "breaks": "breaks", "soft": "soft"}
"""Scenario input key → its label's key in :data:`TEXT` (values as on screen: percent as 80)."""


def scenario_results(result, lang: str) -> list[tuple[str, str, object, str | None]]:
    """(key, label, value, Excel format) of a plan, for saving and comparing scenarios."""
    summary, plan = result.summary(), result.plan.summary()
    rows = [("method", t("card_method", lang), method_name(result.method, lang), None)]
    for key in ("wape", "calls", "peak_required", "shifts", "paid_hours_scheduled", "fill_rate", "efficiency"):
        zh, en, _, fmt = SUMMARY_ITEMS[key]
        rows.append((key, (zh, en)[_i(lang)], _plain(summary[key]), fmt))
        if key == "peak_required":
            rows.append(("peak_scheduled", _word(COLUMNS, "peak_scheduled", lang), _plain(plan["peak_scheduled"]),
                         COUNT))
    rows.append(("avg_sl", t("result_avg_sl", lang), _plain(plan["service_level"]), PERCENT))
    if pd.notna(plan.get("cost")):
        rows.append(("cost", _word(COLUMNS, "cost", lang), _plain(plan["cost"]), NUMBER))
    return rows


def _plain(value):
    """A numpy number as a Python int or float (JSON-able); NaN as None."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def report_results(result, lang: str) -> list[tuple[str, str, str]]:
    """The cards as the report lists them: (label, value as on screen, what it means)."""
    rows = [(t(f"card_{name}", lang), value, card_note(result, name, lang))
            for name, value in card_texts(result, lang).items()]
    rows.append((t("result_avg_sl", lang), format_percent(result.plan.summary()["service_level"]),
                 t("note_avg_sl", lang)))
    return rows


def assumptions(result, lang: str, data: str, typed_aht: bool) -> list[str]:
    """The plan's assumptions in words: the data (``data``, a sentence), the forecast and its backtest,
    the Erlang model, AHT (``typed_aht``: the history had none), shrinkage and the shift rules."""
    x, acc, plan = result.inputs, result.accuracy, result.plan.summary()
    notes = [data, t("assume_forecast", lang, method=method_name(result.method, lang), origins=x.backtest_origins,
                     wape=format_percent(acc["wape"]), mape=format_percent(acc["daily_mape"]),
                     bias=format_percent(acc["bias"]))]
    notes.extend(filter(None, [verdict_text(result, lang)]))  # early: the report keeps the first notes
    notes.append(t("assume_calendar", lang, calendar=calendar_name(x.calendar, lang)))
    if result.candidates:
        notes.append(t("assume_auto", lang, n=len(result.candidate_table()), labels=len(result.candidates)))
    notes.append(t("assume_erlang", lang, model=plan["model"], sl=format_percent(x.target_sl),
                   answer=f"{x.answer_time:g}"))
    aht_key = "assume_aht_typed" if typed_aht else "assume_aht_file"
    notes.append(t(aht_key, lang, aht=_n(x.aht if typed_aht else plan["aht_s"], 1)))
    notes.append(t("assume_shrinkage", lang, shrinkage=format_percent(x.shrinkage)))
    lengths = ("、" if lang == "zh" else ", ").join(t("hours_option", lang, n=f"{h:g}") for h in x.shift_hours)
    notes.append(t("assume_schedule", lang, lengths=lengths, step=x.start_step_min,
                   breaks=t("assume_breaks_yes" if x.breaks else "assume_breaks_no", lang),
                   cover=t("assume_cover_soft" if x.soft else "assume_cover_hard", lang)))
    return notes


def daily_table(result, lang: str) -> pd.DataFrame:
    """The daily summary for the report (numbers rounded as on screen, service level as text)."""
    daily = result.plan.daily()
    return pd.DataFrame({
        _word(COLUMNS, "date", lang): [f"{d:%Y-%m-%d}" for d in daily.index],
        _word(COLUMNS, "calls", lang): daily["calls"].round().astype(int).to_list(),
        _word(COLUMNS, "peak_required", lang): daily["peak_required"].astype(int).to_list(),
        _word(COLUMNS, "paid_hours", lang): daily["paid_hours"].round(1).to_list(),
        _word(COLUMNS, "service_level", lang): [format_percent(v) for v in daily["service_level"]],
    })


def upload_preview(history: pd.DataFrame, raw: pd.DataFrame, name: str, lang: str) -> str:
    """What an uploaded history was read as (:func:`ccskills.apps._preview.preview_html`)."""
    from ccskills.apps._preview import preview_html
    from ccskills.io import INTERVAL_HISTORY_ALIASES, upload_notes

    label = {**{key: _word(COLUMNS, key, lang) for key in ("interval_start", "calls", "aht_s")}, "line": t("line", lang)}
    fields = {header: INTERVAL_HISTORY_ALIASES.get(str(header).lower(), str(header).lower()) for header in raw.columns}
    columns = {header: label[key] for header, key in fields.items() if key in label}
    shown = history.head(10).rename(columns=label)[[label[k] for k in ("interval_start", "calls", "aht_s", "line")]]
    notes = upload_notes(history, lang)
    skipped = sum(len(n.rows) for n in raw.attrs.get("ccskills_notes", []) if n.problem == "dropped_total_row")
    return preview_html(shown, lang, source=name, rows_read=len(history), rows_skipped=skipped, columns=columns,
                        date_range=(history["interval_start"].min(), history["interval_start"].max()), notes=notes)
