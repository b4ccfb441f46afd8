"""Radar (spider) chart of checklist section scores, drawn with altair in the course theme.

Altair has no polar line mark, so the polygon is drawn in x/y: section k of n sits at
angle 2 pi k / n from the top, clockwise, at radius = its percent (0..1); grid rings at
25/50/75/100 %. Presentation layer: imports altair.
"""

from __future__ import annotations

import math

try:
    import altair as alt
except ImportError as _err:  # a core install, without the course extra: say how to get it
    from ccskills._extras import needs_extra
    raise needs_extra(_err, __name__) from _err
import pandas as pd

from .charts import COLORS, themed
from ._validation import check_lang

__all__ = ["radar_points", "radar_chart"]

_RINGS = (0.25, 0.5, 0.75, 1.0)


def radar_points(labels, values) -> pd.DataFrame:
    """x/y of each value on its spoke (closed: the first point repeated at the end)."""
    labels, values = list(labels), [float(v) for v in values]
    if len(labels) != len(values) or len(labels) < 3:
        raise ValueError(f"values must give one number per label, at least 3, got {len(values)} for {len(labels)}")
    n = len(labels)
    rows = []
    for order, k in enumerate(list(range(n)) + [0]):
        angle = 2 * math.pi * k / n
        v = 0.0 if math.isnan(values[k]) else values[k]
        rows.append({"label": labels[k], "value": values[k], "order": order,
                     "x": v * math.sin(angle), "y": v * math.cos(angle)})
    return pd.DataFrame(rows)


def _rings(n: int) -> pd.DataFrame:
    rows = []
    for ring in _RINGS:
        for order, k in enumerate(list(range(n)) + [0]):
            angle = 2 * math.pi * k / n
            rows.append({"ring": ring, "order": order, "x": ring * math.sin(angle),
                         "y": ring * math.cos(angle)})
    return pd.DataFrame(rows)


def radar_chart(scores, lang: str = "zh", title: str | None = None, size: int = 320) -> alt.LayerChart:
    """Radar chart of section percents from :func:`ccskills.checklists.score_checklist`.

    ``scores`` is a :class:`~ccskills.checklists.ChecklistScore` or a DataFrame with a ``zh``/``en``
    label column and ``percent`` (0..1). Unanswered sections (NaN) are drawn at 0 and marked '—'.
    """
    table = getattr(scores, "sections", scores)
    check_lang(lang)
    labels = [str(x).split(" ")[0] if lang == "zh" else str(x) for x in table[lang]]
    points = radar_points(labels, table["percent"].tolist())
    points["shown"] = [("—" if math.isnan(v) else f"{v:.0%}") for v in points["value"]]
    n = len(labels)
    axis = alt.Axis(labels=False, ticks=False, grid=False, domain=False, title=None)
    scale = alt.Scale(domain=[-1.35, 1.35])
    x, y = alt.X("x:Q", scale=scale, axis=axis), alt.Y("y:Q", scale=scale, axis=axis)
    grid = alt.Chart(_rings(n)).mark_line(color="#bbbbbb", strokeWidth=0.8).encode(
        x=x, y=y, detail="ring:N", order="order:O")
    spokes = pd.DataFrame([{"spoke": k, "x": v * math.sin(2 * math.pi * k / n),
                            "y": v * math.cos(2 * math.pi * k / n)} for k in range(n) for v in (0, 1)])
    spoke = alt.Chart(spokes).mark_line(color="#dddddd").encode(x=x, y=y, detail="spoke:N")
    area = alt.Chart(points).mark_line(color=COLORS["service_level"], strokeWidth=2, point=True).encode(
        x=x, y=y, order="order:O", tooltip=["label:N", "shown:N"])
    label_rows = points.iloc[:-1].assign(
        lx=[1.18 * math.sin(2 * math.pi * k / n) for k in range(n)],
        ly=[1.18 * math.cos(2 * math.pi * k / n) for k in range(n)],
        text=lambda f: f["label"] + " " + f["shown"])
    text = alt.Chart(label_rows).mark_text(fontSize=12).encode(
        x=alt.X("lx:Q", scale=scale, axis=axis), y=alt.Y("ly:Q", scale=scale, axis=axis), text="text:N")
    chart = alt.layer(grid, spoke, area, text).properties(width=size, height=size)
    if title:
        chart = chart.properties(title=title)
    return themed(chart)
