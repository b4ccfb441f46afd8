"""Charts of the planning cycle: recent history with the forecast, and schedule coverage.

Presentation layer (altair), with the course look from :func:`ccskills.charts.themed`;
axis titles in Chinese or English. The workforce planner and the chapter 05 lessons use them.
"""

from __future__ import annotations

try:
    import altair as alt
except ImportError as _err:  # a core install, without the course extra: say how to get it
    from ccskills._extras import needs_extra
    raise needs_extra(_err, __name__) from _err
import pandas as pd

from ccskills.charts import themed

__all__ = ["forecast_chart", "coverage_chart", "LABELS"]

LABELS: dict[str, tuple[str, str]] = {
    "time": ("时间", "Time"),
    "calls": ("来话量（每时段）", "Calls offered per interval"),
    "agents": ("座席数", "Agents"),
    "series": ("图例", "Series"),
    "history": ("历史", "History"),
    "forecast": ("预测", "Forecast"),
    "required": ("需求（在线座席）", "Required (on the phones)"),
    "scheduled": ("排班（在线座席）", "Scheduled (on the phones)"),
    "forecast_title": ("最近两周的来电与预测", "Recent calls and the forecast"),
    "coverage_title": ("排班覆盖：需求与排班", "Schedule coverage: required vs scheduled"),
}
"""Key → (Chinese, English)."""

_COLORS = {"history": "#8c8c8c", "forecast": "#1f6fb4", "required": "#c0392b", "scheduled": "#1f6fb4"}


def _label(key: str, lang: str) -> str:
    return LABELS[key][1 if lang == "en" else 0]


def _legend(keys: list[str], lang: str) -> alt.Color:
    names = [_label(k, lang) for k in keys]
    return alt.Color("series:N", title=_label("series", lang),
                     scale=alt.Scale(domain=names, range=[_COLORS[k] for k in keys]),
                     legend=alt.Legend(orient="top"))


def forecast_chart(history: pd.Series, forecast: pd.Series, *, lang: str = "zh",
                   days_shown: int = 14, width: int = 760, height: int = 220) -> alt.Chart:
    """The last ``days_shown`` days of ``history`` in grey and ``forecast`` in blue, per slot.

    Closed slots are gaps (each day is its own line segment), never drawn as zeros.
    """
    start = history.index.max() - pd.Timedelta(days=days_shown)
    parts = []
    for key, series in (("history", history[history.index > start]), ("forecast", forecast)):
        frame = pd.DataFrame({"time": series.index, "value": series.to_numpy(dtype=float)})
        parts.append(frame.assign(series=_label(key, lang), day=series.index.normalize().astype(str)))
    data = pd.concat(parts, ignore_index=True)
    chart = alt.Chart(data).mark_line(strokeWidth=1.4).encode(
        x=alt.X("time:T", title=_label("time", lang), axis=alt.Axis(format="%m-%d", labelAngle=0)),
        y=alt.Y("value:Q", title=_label("calls", lang)),
        color=_legend(["history", "forecast"], lang),
        detail="day:N",
        tooltip=[alt.Tooltip("time:T", title=_label("time", lang), format="%Y-%m-%d %H:%M"),
                 alt.Tooltip("value:Q", title=_label("calls", lang), format=".1f"),
                 alt.Tooltip("series:N", title=_label("series", lang))],
    ).properties(width=width, height=height, title=_label("forecast_title", lang))
    return themed(chart)


def coverage_chart(coverage: pd.DataFrame, *, lang: str = "zh", width: int = 760,
                   height: int = 220) -> alt.Chart:
    """Required and scheduled agents per period as steps (``coverage`` from a schedule result)."""
    frame = coverage[["required", "scheduled"]].rename_axis("time").reset_index()
    long = frame.melt("time", var_name="key", value_name="agents")
    long["series"] = long["key"].map(lambda k: _label(k, lang))
    chart = alt.Chart(long).mark_line(interpolate="step-after", strokeWidth=1.4).encode(
        x=alt.X("time:T", title=_label("time", lang), axis=alt.Axis(format="%m-%d %H:%M", labelAngle=0)),
        y=alt.Y("agents:Q", title=_label("agents", lang)),
        color=_legend(["required", "scheduled"], lang),
        tooltip=[alt.Tooltip("time:T", title=_label("time", lang), format="%Y-%m-%d %H:%M"),
                 alt.Tooltip("agents:Q", title=_label("agents", lang)),
                 alt.Tooltip("series:N", title=_label("series", lang))],
    ).properties(width=width, height=height, title=_label("coverage_title", lang))
    return themed(chart)
