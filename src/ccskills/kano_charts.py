"""The Kano quadrant chart (Better against |Worse|), with the course look and no internet.

Presentation layer: imports altair. The numbers come from :func:`ccskills.kano.analyze`;
this module only draws them (x = |Worse|, y = Better, both 0..1, split lines at 0.5 or
at the features' means; domain.md §3 [73]).
"""

from __future__ import annotations

try:
    import altair as alt
except ImportError as _err:  # a core install, without the course extra: say how to get it
    from ccskills._extras import needs_extra
    raise needs_extra(_err, __name__) from _err
import pandas as pd

from .charts import CONFIG
from .kano import CATEGORY_NAMES
from ._validation import check_lang

__all__ = ["CATEGORY_COLORS", "QUADRANT_LABELS", "quadrant_chart", "quadrant_data"]

#: One colour per Kano category, the same in every chart.
CATEGORY_COLORS = {"A": "#2e8b57", "O": "#1f6fb4", "M": "#c0392b", "I": "#7f7f7f",
                   "R": "#8e44ad", "Q": "#d9731a"}

#: Quadrant corner labels: (zh, en), keyed by the quadrant's category.
QUADRANT_LABELS = {"A": ("魅力 A", "Attractive A"), "O": ("期望 O", "One-dimensional O"),
                   "M": ("必备 M", "Must-be M"), "I": ("无差异 I", "Indifferent I")}

_TITLES = {
    "zh": ("Kano 象限图：满意系数 Better 与不满意系数 |Worse|", "|Worse| 不满意影响", "Better 满意影响",
           "功能", "类别"),
    "en": ("Kano quadrants: Better against |Worse|", "|Worse| (dissatisfaction)",
           "Better (satisfaction)", "Feature", "Category"),
}


def _lang(lang: str) -> int:
    check_lang(lang)
    return 0 if lang == "zh" else 1


def quadrant_data(result: pd.DataFrame, labels=None, lang: str = "zh") -> pd.DataFrame:
    """The points of the chart: ``feature, label, category, category_name, better, abs_worse``.

    ``result`` is the output of :func:`ccskills.kano.analyze` (one row per feature);
    ``labels`` optionally maps feature id -> display name. Features without
    coefficients (only R/Q answers) are left out.
    """
    k = _lang(lang)
    frame = result.reset_index()
    feature = frame["feature"].astype(str)
    names = feature.map(lambda f: (labels or {}).get(f, f))
    return pd.DataFrame({
        "feature": feature, "label": names, "category": frame["category"],
        "category_name": frame["category"].map(lambda c: CATEGORY_NAMES[c][k]),
        "better": frame["better"].astype(float), "abs_worse": frame["worse"].astype(float).abs(),
    }).dropna(subset=["better", "abs_worse"]).reset_index(drop=True)


def quadrant_chart(result: pd.DataFrame, labels=None, *, lang: str = "zh",
                   split: str | float = 0.5, width: int = 420, height: int = 360) -> alt.LayerChart:
    """Scatter of the features on Better (y) against |Worse| (x), coloured by Kano category.

    ``split`` is 0.5 (default), another number in (0, 1) or ``"mean"`` (split at the
    features' mean Better and mean |Worse|; 0.5 when no feature has coefficients). Quadrant names sit in the corners.

    >>> r = pd.DataFrame({"category": ["A", "M"], "better": [0.7, 0.2], "worse": [-0.2, -0.7]},
    ...                  index=pd.Index(["callback", "greeting"], name="feature"))
    >>> chart = quadrant_chart(r, lang="en")
    >>> len(chart.layer), chart.title
    (6, 'Kano quadrants: Better against |Worse|')
    """
    k = _lang(lang)
    title, x_title, y_title, f_title, c_title = _TITLES[lang]
    data = quadrant_data(result, labels, lang)
    if split == "mean" and data.empty:
        bx = by = 0.5  # no feature has coefficients (only R/Q answers): nothing to average
    elif split == "mean":
        bx, by = float(data["abs_worse"].mean()), float(data["better"].mean())
    elif isinstance(split, (int, float)) and 0 < split < 1:
        bx = by = float(split)
    else:
        raise ValueError(f"split must be a number in (0, 1) or 'mean', got {split!r}")
    cats = [c for c in CATEGORY_COLORS if c in set(data["category"])] or list(CATEGORY_COLORS)
    color = alt.Color("category:N", title=c_title, legend=alt.Legend(orient="right"),
                      scale=alt.Scale(domain=cats, range=[CATEGORY_COLORS[c] for c in cats]))
    axis = alt.Axis(format=".0%", values=[0, 0.2, 0.4, 0.6, 0.8, 1])
    x = alt.X("abs_worse:Q", title=x_title, scale=alt.Scale(domain=[0, 1]), axis=axis)
    y = alt.Y("better:Q", title=y_title, scale=alt.Scale(domain=[0, 1]), axis=axis)
    tooltip = [alt.Tooltip("label:N", title=f_title), alt.Tooltip("category_name:N", title=c_title),
               alt.Tooltip("better:Q", title="Better", format=".2f"),
               alt.Tooltip("abs_worse:Q", title="|Worse|", format=".2f")]
    points = alt.Chart().mark_point(filled=True, size=90).encode(x, y, color, tooltip=tooltip)
    names = alt.Chart().mark_text(align="left", dx=7, dy=-6, fontSize=11).encode(
        x, y, text="label:N")
    rules = [alt.Chart().mark_rule(strokeDash=[5, 4], color="#888").encode(x=alt.datum(bx)),
             alt.Chart().mark_rule(strokeDash=[5, 4], color="#888").encode(y=alt.datum(by))]
    corners = pd.DataFrame({"x": [0.02, 0.98, 0.98, 0.02], "y": [0.98, 0.98, 0.02, 0.02],
                            "align": ["left", "right", "right", "left"],
                            "text": [QUADRANT_LABELS[c][k] for c in ("A", "O", "M", "I")]})
    corner_marks = [alt.Chart(corners[corners["align"] == a]).mark_text(
        align=a, fontSize=12, color="#555").encode(x="x:Q", y="y:Q", text="text:N")
        for a in ("left", "right")]
    return alt.LayerChart(data=data, layer=[*rules, points, names, *corner_marks], title=title,
                          width=width, height=height, config=CONFIG)
