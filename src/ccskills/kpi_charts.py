"""Presentation of KPIs: formatted report tables with RAG marks, Excel reports, control, Pareto
and trend charts (altair, the course look, no internet).

Presentation layer: imports altair and ``ccskills.io``. The numbers come from
:mod:`ccskills.kpi` (reports, registry) and :mod:`ccskills.spc` (charts); this module
only formats and draws them.
"""

from __future__ import annotations

try:
    import altair as alt
except ImportError as _err:  # a core install, without the course extra: say how to get it
    from ccskills._extras import needs_extra
    raise needs_extra(_err, __name__) from _err
import numpy as np
import pandas as pd

from .charts import CONFIG
from .kpi import indicator
from .kpi.registry import FAMILIES
from .kpi.tree import LEVEL_NAMES, LEVELS, TREE_EDGES, TREE_LEVELS
from .kpi.display import RAG_MARKS, format_value  # re-exported: they were defined here
from .kpi.display import target_text
from .kpi.display import label as label_of
from .kpi.reports import Report
from .spc import ControlChart
from ._validation import check_lang

__all__ = ["RAG_MARKS", "RAG_COLORS", "format_value", "report_display", "report_workbook", "report_sheets",
           "report_excel_bytes", "write_report_excel", "control_chart", "pareto_chart", "trend_chart",
           "indicator_tree_chart", "tree_layout"]

RAG_COLORS = {"green": "#2e8b57", "amber": "#e0a800", "red": "#c0392b"}
_SIGNAL = "#c0392b"


def _lang(lang: str) -> bool:
    check_lang(lang)
    return lang == "zh"


def report_display(report: Report, lang: str = "zh") -> pd.DataFrame:
    """The report as text for a notebook or a page: formatted values with 🟢🟡🔴 and the change."""
    zh = _lang(lang)
    out = pd.DataFrame(index=report.values.index)
    out["指标" if zh else "indicator"] = [indicator(i).name_zh if zh else indicator(i).name_en
                                         for i in out.index]
    targets = report.targets["target"] if len(report.targets) else pd.Series(dtype=object)
    out["目标" if zh else "target"] = [target_text(i, targets.get(i)) for i in out.index]
    for group in report.values.columns:
        label = ("合计" if zh else "total") if group == "total" else str(label_of(group, lang))
        marks = report.status[group].map(lambda s: RAG_MARKS.get(s, "") if isinstance(s, str) else "")
        values = [format_value(i, v) for i, v in report.values[group].items()]
        out[label] = [f"{m} {v}".strip() for m, v in zip(marks, values)]
    out["上期" if zh else "previous"] = [format_value(i, v) for i, v in report.previous.items()]
    out["变化" if zh else "change"] = [format_value(i, v, change=True) for i, v in report.change.items()]
    return out.reset_index(drop=True)


_KINDS = {"daily": "D", "weekly": "W", "monthly": "MS"}
_WORDS = {
    "sheet_definitions": ("指标定义", "Definitions"), "col_formula": ("公式", "Formula"),
    "col_amber": ("黄灯界限", "Amber edge"),
    "report": ("报表", "Report"), "period": ("期间", "Period"), "previous_period": ("上期", "Previous period"),
    "groups": ("分组", "Groups"), "none": ("无", "none"), "indicators": ("指标数", "Indicators"),
}
"""Words of the report workbook beyond the KPI dashboard's (zh, en)."""


def report_workbook(report: Report, lang: str = "zh") -> tuple[dict, dict]:
    """The report as Excel sheets, and the options for :func:`ccskills.io.excel_bytes`.

    The KPI table is the KPI dashboard's export (numbers as numbers, formatted per
    indicator's unit, each group's status in its own text column), then the indicators'
    definitions (formula, unit, direction, target, amber edge) and the inputs
    sheet every calculator export ends with, so the file stands on its own.
    """
    from .apps._kpi_dashboard_text import _report_sheet, period_label, t
    from .apps._workbook import with_inputs

    zh = _lang(lang)
    title = t(f"kind_{_KINDS[report.kind]}", lang)
    name = f"{title} {report.period:%Y-%m-%d}"
    table, rows = _report_sheet(report, lang)
    definitions, formats = _definitions_sheet(report, lang)
    sheets = {name: table, _WORDS["sheet_definitions"][0 if zh else 1]: definitions}
    settings = _report_settings(report, title, lang, period_label)
    return with_inputs(sheets, settings, lang, row_formats={name: rows, _WORDS["sheet_definitions"][0 if zh else 1]:
                                                            formats})


def _definitions_sheet(report: Report, lang: str) -> tuple[pd.DataFrame, list[str]]:
    """Each indicator's definition from the registry, with the target and amber edge the report used."""
    from .apps._kpi_dashboard_text import UNIT_WORDS, _fmt, _number, _target_text, indicator_name, t

    i = 0 if _lang(lang) else 1
    ids = list(report.values.index)
    targets = report.targets.reindex(ids) if len(report.targets) else pd.DataFrame(index=ids)
    cells = {"target": [], "amber": []}
    for id in ids:
        for column in cells:
            value = targets[column].get(id) if column in targets else None
            cells[column].append(_target_text(id, value, lang) if isinstance(value, tuple) else _number(value))
    frame = pd.DataFrame({
        t("col_indicator", lang): [indicator_name(id, lang) for id in ids],
        _WORDS["col_formula"][i]: [indicator(id).formula_en if i else indicator(id).formula_zh for id in ids],
        t("col_unit", lang): [UNIT_WORDS.get(indicator(id).unit, ("", ""))[i] for id in ids],
        t("col_direction", lang): [t(f"direction_{indicator(id).direction}", lang) if indicator(id).direction
                                   else "" for id in ids],
        t("col_target", lang): cells["target"], _WORDS["col_amber"][i]: cells["amber"],
    })
    return frame, [_fmt(id) for id in ids]


def _report_settings(report: Report, title: str, lang: str, period_label) -> list:
    from .apps._kpi_dashboard_text import group_label
    from .apps._workbook import Setting

    i = 0 if _lang(lang) else 1
    freq = _KINDS[report.kind]
    groups = [group_label(g, lang) for g in report.values.columns if g != "total"]
    previous = report.previous_period
    return [Setting(_WORDS["report"][i], title),
            Setting(_WORDS["period"][i], period_label(report.period, freq, lang)),
            Setting(_WORDS["previous_period"][i], period_label(previous, freq, lang) if previous is not None
                    else _WORDS["none"][i]),
            Setting(_WORDS["groups"][i], ("、" if i == 0 else ", ").join(groups) or _WORDS["none"][i]),
            Setting(_WORDS["indicators"][i], len(report.values.index), fmt="#,##0")]


def report_sheets(report: Report, lang: str = "zh") -> dict:
    """The sheets of :func:`report_workbook` (KPI table, definitions, inputs), without the formats."""
    return report_workbook(report, lang)[0]


def report_excel_bytes(report: Report, lang: str = "zh") -> bytes:
    """The report as an .xlsx workbook that computes (:func:`report_workbook` via :func:`ccskills.io.excel_bytes`)."""
    from .io import excel_bytes

    sheets, options = report_workbook(report, lang)
    return excel_bytes(sheets, **options)


def write_report_excel(path, report: Report, lang: str = "zh", *, overwrite: bool = False):
    """Write the report to ``path`` as .xlsx, atomically (via :func:`ccskills.io.write_excel`).

    An existing file is replaced only with ``overwrite=True`` (else ``FileExistsError``).
    """
    from .io import write_excel

    sheets, options = report_workbook(report, lang)
    return write_excel(path, sheets, overwrite=overwrite, **options)


# ------------------------------------------------------------------ charts

def _period_axis(points: pd.DataFrame) -> tuple[pd.DataFrame, alt.X]:
    frame = points.reset_index()
    key = frame.columns[0]
    frame = frame.rename(columns={key: "x"})
    kind = "T" if pd.api.types.is_datetime64_any_dtype(frame["x"]) else "O"
    return frame, alt.X(f"x:{kind}", title=None)


def control_chart(chart: ControlChart, *, title: str = "", lang: str = "zh", fmt: str = ",.3~f",
                  width: int = 520, height: int = 220) -> alt.LayerChart:
    """Draw a :class:`ccskills.spc.ControlChart`: values, centre line, (stepped) limits, signals in red."""
    zh = _lang(lang)
    frame, x = _period_axis(chart.points)
    frame["signal_label"] = np.where(frame["signal"], "信号" if zh else "signal", "")
    base = alt.Chart(frame).encode(x=x)
    y_title = title or ("数值" if zh else "value")
    line = base.mark_line(point=True, color="#1f6fb4").encode(
        y=alt.Y("value:Q", title=y_title, scale=alt.Scale(zero=False), axis=alt.Axis(format=fmt)),
        tooltip=[alt.Tooltip("x", title=""), alt.Tooltip("value:Q", format=fmt),
                 alt.Tooltip("lcl:Q", format=fmt), alt.Tooltip("ucl:Q", format=fmt)])
    step = "step" if chart.kind == "p" else "linear"
    limits = [base.mark_line(color="#7f7f7f", strokeDash=[4, 3], interpolate=step).encode(y=f"{c}:Q")
              for c in ("lcl", "ucl")]
    center = base.mark_line(color="#444444").encode(y="center:Q")
    signals = alt.Chart(frame[frame["signal"]]).mark_point(color=_SIGNAL, size=110, filled=True).encode(
        x=x, y="value:Q")
    layer = alt.layer(center, *limits, line, signals).properties(width=width, height=height)
    return layer.properties(config=CONFIG, title=title) if title else layer.properties(config=CONFIG)


def pareto_chart(table: pd.DataFrame, *, lang: str = "zh", width: int = 480,
                 height: int = 240) -> alt.LayerChart:
    """Pareto chart from :func:`ccskills.spc.pareto_table`: bars by count, cumulative-share line, 80 % rule."""
    zh = _lang(lang)
    frame = table.reset_index()
    frame["order"] = np.arange(len(frame))
    x = alt.X("category:N", sort=alt.SortField("order"), title=None)
    bars = alt.Chart(frame).mark_bar().encode(
        x=x, y=alt.Y("count:Q", title="次数" if zh else "count"),
        color=alt.condition("datum.vital_few", alt.value("#c0392b"), alt.value("#9aa7b1")))
    line = alt.Chart(frame).mark_line(point=True, color="#444444").encode(
        x=x, y=alt.Y("cumulative_share:Q", title="累计占比" if zh else "cumulative share",
                     axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])))
    rule = alt.Chart(pd.DataFrame({"y": [0.8]})).mark_rule(strokeDash=[4, 3], color="#7f7f7f").encode(
        y=alt.Y("y:Q", scale=alt.Scale(domain=[0, 1])))
    layer = alt.layer(bars, alt.layer(line, rule)).resolve_scale(y="independent")
    return layer.properties(width=width, height=height, config=CONFIG)


def trend_chart(values: pd.Series, id: str, *, target=None, status: pd.Series | None = None,
                lang: str = "zh", width: int = 520, height: int = 200) -> alt.LayerChart:
    """A KPI per period as a line, points coloured by RAG status, the target as a dashed rule."""
    zh = _lang(lang)
    ind = indicator(id)
    frame = pd.DataFrame({"x": values.index, "value": values.to_numpy(dtype=float)})
    frame["status"] = (status.to_numpy() if status is not None else None)
    frame["status"] = frame["status"].fillna("none") if status is not None else "none"
    fmt = "%" if ind.unit == "fraction" else ",.1f"
    kind = "T" if pd.api.types.is_datetime64_any_dtype(frame["x"]) else "O"
    base = alt.Chart(frame).encode(x=alt.X(f"x:{kind}", title=None))
    y = alt.Y("value:Q", title=ind.name_zh if zh else ind.name_en, axis=alt.Axis(format=fmt),
              scale=alt.Scale(zero=False))
    line = base.mark_line(color="#9aa7b1").encode(y=y)
    domain = list(RAG_COLORS) + ["none"]
    points = base.mark_point(filled=True, size=60).encode(
        y=y, color=alt.Color("status:N", scale=alt.Scale(domain=domain, range=list(RAG_COLORS.values())
                                                          + ["#1f6fb4"]), legend=None))
    layers = [line, points]
    targets = [] if target is None else list(target) if isinstance(target, tuple) else [target]
    for t in targets:
        layers.append(alt.Chart(pd.DataFrame({"t": [t]})).mark_rule(color="#c0392b", strokeDash=[4, 3])
                      .encode(y="t:Q"))
    return alt.layer(*layers).properties(width=width, height=height, config=CONFIG)


# ------------------------------------------------------------------ the indicator tree

_FAMILY_COLORS = {"service": "#1f6fb4", "quality": "#2e8b57", "cost_efficiency": "#d9731a", "people": "#8e44ad"}


def tree_layout() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Positions of the tree's nodes and edges: one column per level, process measures on the left
    and results on the right (``column`` 0..3), rows ordered so edges cross little (results by
    family, every other column by the mean row of what each indicator affects), each column
    spread over the same height (``row`` 0..1, top = 0).

    >>> nodes, edges = tree_layout()
    >>> len(nodes), len(edges), sorted(nodes["column"].unique().tolist())
    (31, 35, [0, 1, 2, 3])
    """
    order = {f: k for k, f in enumerate(FAMILIES)}
    ids = list(TREE_LEVELS)
    rows: dict[str, float] = {}
    for level in LEVELS:  # results first: every other indicator's parents are placed before it
        members = [i for i in ids if TREE_LEVELS[i] == level]
        if level == "result":
            key = {i: (order[indicator(i).family], ids.index(i)) for i in members}
        else:
            key = {i: (float(np.mean([rows[e.affects] for e in TREE_EDGES if e.driver == i])), ids.index(i))
                   for i in members}
        ranked = sorted(members, key=key.get)
        for k, i in enumerate(ranked):
            rows[i] = k / max(len(ranked) - 1, 1)
    return _tree_frames(rows)


def _tree_frames(rows: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    column = {level: k for k, level in enumerate(reversed(LEVELS))}
    nodes = pd.DataFrame({"id": list(rows), "row": list(rows.values())})
    nodes["level"] = nodes["id"].map(TREE_LEVELS)
    nodes["column"] = nodes["level"].map(column)
    nodes["family"] = nodes["id"].map(lambda i: indicator(i).family)
    edges = pd.DataFrame([{"driver": e.driver, "affects": e.affects, "sign": e.sign,
                           "x": column[TREE_LEVELS[e.driver]], "y": rows[e.driver],
                           "x2": column[TREE_LEVELS[e.affects]], "y2": rows[e.affects]} for e in TREE_EDGES])
    return nodes, edges


def indicator_tree_chart(lang: str = "zh", *, width: int = 760, height: int = 520) -> alt.LayerChart:
    """The indicator tree drawn from the registry: levels as columns (过程指标 → 间接影响 → 直接影响 →
    服务结果), each indicator a dot coloured by family with its name, each edge a line from the driver
    to what it affects (solid: same direction, dashed: opposite direction).

    >>> chart = indicator_tree_chart("en")
    >>> chart.to_dict()["title"]
    'Indicator tree: what drives the service results'
    """
    zh = _lang(lang)
    k = 0 if zh else 1
    nodes, edges = tree_layout()
    nodes["name"] = nodes["id"].map(lambda i: indicator(i).name_zh if zh else indicator(i).name_en)
    nodes["family_name"] = nodes["family"].map(lambda f: FAMILIES[f][k])
    words = {1: "同向 (+)" if zh else "same way (+)", -1: "反向 (−)" if zh else "opposite (−)"}
    edges["direction"] = edges["sign"].map(words)
    columns = [LEVEL_NAMES[level][k] for level in reversed(LEVELS)]
    label_expr = "[" + ", ".join(f"'{c}'" for c in columns) + "][datum.value]"
    x_scale, y_scale = alt.Scale(domain=[-0.3, 3.45]), alt.Scale(domain=[-0.05, 1.05], reverse=True)
    axis = alt.Axis(values=[0, 1, 2, 3], labelExpr=label_expr, grid=False, orient="top", labelFontSize=13,
                    labelFontWeight="bold", ticks=False, domain=False)
    x_title = "层级（从左到右：影响的方向）" if zh else "level (left to right: the direction of effect)"
    x = alt.X("column:Q", title=x_title, scale=x_scale, axis=axis)
    y = alt.Y("row:Q", title=None, scale=y_scale, axis=None)
    lines = alt.Chart(edges).mark_rule(opacity=0.55, strokeWidth=1.2).encode(
        x=alt.X("x:Q", title=x_title, scale=x_scale, axis=axis), y=alt.Y("y:Q", scale=y_scale, axis=None), x2="x2:Q", y2="y2:Q",
        strokeDash=alt.StrokeDash("direction:N", title="方向" if zh else "direction",
                                  scale=alt.Scale(domain=[words[1], words[-1]], range=[[1, 0], [5, 3]])),
        color=alt.value("#7f7f7f"))
    family_domain = [FAMILIES[f][k] for f in FAMILIES]
    dots = alt.Chart(nodes).mark_circle(size=90, opacity=1).encode(
        x=x, y=y, color=alt.Color("family_name:N", title="类别" if zh else "family",
                                  scale=alt.Scale(domain=family_domain, range=list(_FAMILY_COLORS.values()))),
        tooltip=[alt.Tooltip("name:N", title="指标" if zh else "indicator"),
                 alt.Tooltip("family_name:N", title="类别" if zh else "family")])
    names = alt.Chart(nodes).mark_text(align="center", dy=-11, fontSize=12).encode(x=x, y=y, text="name:N")
    title = "指标树：什么在推动服务结果" if zh else "Indicator tree: what drives the service results"
    return alt.layer(lines, dots, names).properties(width=width, height=height, title=title, config=CONFIG)
