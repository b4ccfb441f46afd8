"""The charts a trainer talks over, per chapter: the kit's chart functions on the kit's data,
computed as the lessons compute them and rendered to SVG with vl-convert (no browser, offline).

Each chart is ``{"title", "caption", "svg"}``; the template gives the SVG text to Typst's
``image(bytes(...))``, so no file is written.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ccskills.kpi.display import label

__all__ = ["CHARTS", "chapter_charts", "svg"]



def svg(chart, relabel: dict | None = None) -> str:
    """An altair chart as SVG text (dates in Chinese); ``relabel`` replaces texts of the spec's marks."""
    import vl_convert

    spec = _relabel(chart.to_dict(), relabel or {})
    return vl_convert.vegalite_to_svg(spec, time_format_locale="zh-CN", format_locale="zh-CN")


def _relabel(node, words: dict):
    """The spec with every string starting with a key of ``words`` starting with its value instead."""
    if isinstance(node, dict):
        return {k: _relabel(v, words) for k, v in node.items()}
    if isinstance(node, list):
        return [_relabel(v, words) for v in node]
    if isinstance(node, str):
        for old, new in words.items():
            if node.startswith(old):
                return new + node[len(old):]
    return node


def _daily_abandonment():
    from ccskills import kpi, spc
    from ccskills.datasets import load_call_records
    from ccskills.kpi_charts import control_chart

    daily = kpi.compute(load_call_records(), ["offered", "abandoned"], freq="D")
    chart = control_chart(spc.p_chart(daily["abandoned"], daily["offered"]), title="每日放弃率 daily abandonment",
                          fmt=".1%", width=440, height=190)
    return ("放弃率 p 控制图 p-chart（第 01 章第 3 课）",
            "3 月每天的放弃率，虚线为控制上下限，圆点为信号：只有信号日才需要追查特殊原因。", chart)


def _abandonment_pareto():
    from ccskills import spc
    from ccskills.datasets import load_call_records
    from ccskills.kpi_charts import pareto_chart

    calls = load_call_records()
    abandoned = calls[calls["outcome"] == "abandoned"]
    band = pd.cut(abandoned["arrival"].dt.hour, [8, 12, 15, 19, 22], right=False,
                  labels=["上午 08-12", "午间 12-15", "下午 15-19", "晚间 19-22"])
    where = abandoned["queue"].map(label) + band.astype(str)
    return ("放弃电话的帕累托图 Pareto（第 01 章第 3 课）",
            "放弃电话按“队列 + 时段”计数、排序、累计；红柱是占到 80 % 的少数几项。",
            pareto_chart(spc.pareto_table(where), width=440, height=190))


def _kano_quadrant():
    from ccskills.datasets.kano import load_kano_features, load_kano_survey
    from ccskills.kano import analyze
    from ccskills.kano_charts import quadrant_chart

    result, features = analyze(load_kano_survey()), load_kano_features()
    return ("卡诺象限图 Kano quadrant（第 01 章第 4 课）",
            "每项功能的 Better（提供它能加多少满意）和 Worse（缺了它会增加多少不满）。",
            quadrant_chart(result, features["name_zh"].to_dict(), lang="zh", split="mean", width=360, height=260))


def _erlang_staffing():
    from ccskills import average_speed_of_answer, service_level
    from ccskills.charts import staffing_chart

    agents = np.arange(11, 19)
    table = pd.DataFrame({"agents": agents, "service_level": service_level(agents, 10.0, 180, 20),
                          "asa": average_speed_of_answer(agents, 10.0, 180)})
    return ("座席数与服务水平、ASA（第 02 章第 2–3 课）",
            "话务量 10 Erlang、AHT 180 秒：每多一个座席，服务水平和 ASA 怎样变化；80/20 目标需要的座席数已标出。",
            staffing_chart(table, 14, target_sl=0.8, lang="zh"))


def _critical_errors():
    from ccskills import quality as qa
    from ccskills import spc
    from ccskills.datasets.quality import load_qa_results, load_scorecard
    from ccskills.kpi_charts import control_chart

    scored = qa.score_evaluations(load_qa_results(), load_scorecard())
    daily = scored.groupby("evaluated_on").agg(evaluations=("score", "size"), critical=("critical_error", "sum"))
    chart = control_chart(spc.p_chart(daily["critical"], daily["evaluations"]), title="致命错误率 critical-error rate",
                          fmt=".0%", width=440, height=190)
    return ("致命错误率的 p 控制图（第 03 章第 3 课）",
            "每天质检中有致命错误的比例；点在控制限内的起伏是正常波动。", chart)


def _forecast():
    from ccskills import forecasting
    from ccskills.datasets import wfm
    from ccskills.wfm_charts import forecast_chart

    calls = wfm.load_interval_series("ecommerce")
    history = calls[:"2026-09-13"]
    ahead = forecasting.forecast(history, "7D", method="holiday_adjusted")
    return ("最近两周的话务与下一周的预测（第 05 章第 2、4 课）",
            "电商线 15 分钟来话：灰色是历史，蓝色是节假日调整的历史同期平均 (holiday_adjusted) 预测。",
            forecast_chart(history, ahead, lang="zh", days_shown=14, width=460, height=190))


CHARTS = {
    "01": (_daily_abandonment, _abandonment_pareto, _kano_quadrant),
    "02": (_erlang_staffing,),
    "03": (_critical_errors,),
    "05": (_forecast,),
}
"""Chapter number → the charts printed in its section (the others print their tables)."""


def chapter_charts(number: str) -> list[dict]:
    """The chapter's charts as ``{"title", "caption", "svg"}``."""
    charts = []
    for make in CHARTS.get(number, ()):
        title, caption, chart = make()
        # a printed "答案" would read as a question's answer: the staffing chart marks the lesson's result
        charts.append({"title": title, "caption": caption, "svg": svg(chart, {"答案": "所需座席"})})
    return charts
