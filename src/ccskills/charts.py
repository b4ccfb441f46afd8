"""Altair charts for the course, with one look and no internet.

Every chart here gets :func:`themed` (a system font stack that covers Chinese, no web
fonts). :func:`jupyter_chart` wraps a chart in altair's ``JupyterChart`` after
``JupyterChart.enable_offline()``, so the vega JavaScript comes from
``vl-convert-python`` on this machine, never from a CDN; that is what the Voila
calculators display. Labels come from :mod:`ccskills.i18n`.

Importing this module imports altair and pandas (not ipywidgets until
:func:`jupyter_chart` is called); the core (``ccskills.queueing``) never imports it.
"""

from __future__ import annotations

import os
import tempfile
from importlib.metadata import version
from pathlib import Path

try:
    import altair as alt
except ImportError as _err:  # a core install, without the course extra: say how to get it
    from ccskills._extras import needs_extra
    raise needs_extra(_err, __name__) from _err
import numpy as np
import pandas as pd

from ccskills.i18n import text

__all__ = ["FONT", "COLORS", "themed", "staffing_chart", "jupyter_chart", "enable_offline"]

FONT = ('system-ui, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", '
        '"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", '
        '"Droid Sans Fallback", Helvetica, Arial, sans-serif')
"""System fonts only, Chinese-capable first; nothing is downloaded."""

COLORS = {"service_level": "#1f6fb4", "asa": "#d9731a", "target": "#c0392b", "answer": "#444444"}
"""One colour per meaning, the same in every chart."""

_WIDTH, _HEIGHT = 380, 170

CONFIG = alt.Config(font=FONT, axis=alt.AxisConfig(labelFontSize=12, titleFontSize=13,
                                                    gridOpacity=0.4),
                    title=alt.TitleConfig(fontSize=14, anchor="start"),
                    view=alt.ViewConfig(strokeWidth=0))
"""The course look: system CJK font stack, quiet grid, no border."""


def themed(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """``chart`` with the course look (:data:`CONFIG`)."""
    return chart.properties(config=CONFIG)


def _x(lang: str) -> alt.X:
    return alt.X("agents:Q", title=text("agents", lang), scale=alt.Scale(zero=False),
                 axis=alt.Axis(format="d", tickMinStep=1))


def _curve(column: str, title: str, fmt: str, lang: str, domain=None) -> alt.Chart:
    """Line with points of ``column`` against agents (missing values skipped), with tooltips."""
    scale = alt.Scale(domain=domain) if domain else alt.Scale(zero=True)
    y = alt.Y(f"{column}:Q", title=title, scale=scale, axis=alt.Axis(format=fmt))
    tooltip = [alt.Tooltip("agents:Q", title=text("agents", lang)),
               alt.Tooltip(f"{column}:Q", title=title, format=fmt.replace("0", "1"))]
    color = COLORS[column]
    line = alt.Chart().mark_line(color=color, point=alt.OverlayMarkDef(color=color, size=40))
    return line.encode(_x(lang), y, tooltip=tooltip)


def _marks(answer: int, column: str, target: float | None, label: str,
           lang: str) -> list[alt.Chart]:
    """The answer (solid vertical rule, labelled) and the target (dashed rule), one row each."""
    one = alt.Chart().transform_filter(alt.datum.agents == answer)
    marks = [one.mark_rule(color=COLORS["answer"], strokeWidth=2).encode(x="agents:Q"),
             one.mark_text(color=COLORS["answer"], align="left", dx=4, y=8,
                           text=f"{text('answer_mark', lang)} {answer}").encode(x="agents:Q")]
    if target is not None:
        marks += [one.mark_rule(color=COLORS["target"], strokeDash=[6, 4]).encode(
                      y=alt.datum(target)),
                  one.mark_text(color=COLORS["target"], align="left", dx=4, dy=-6, x=0,
                                text=label).encode(y=alt.datum(target))]
    return marks


def staffing_chart(table: pd.DataFrame, answer: int, *, target_sl: float | None = None,
                   target_asa: float | None = None, lang: str = "zh") -> alt.VConcatChart:
    """Service level (top) and ASA (bottom) against agents, target dashed, answer marked.

    ``table`` has columns ``agents``, ``service_level`` (fraction) and ``asa``
    (seconds; inf, i.e. too few agents, is left out). ``target_sl`` is a fraction and
    ``target_asa`` seconds; give the one the answer was staffed for. The chart holds
    one dataset; each layer reads it (built lean: altair copies every sub-chart).

    >>> t = pd.DataFrame({"agents": [13, 14], "service_level": [.7, .85], "asa": [30., 12.]})
    >>> chart = staffing_chart(t, 14, target_sl=0.8, lang="en")
    >>> len(chart.vconcat), chart.title
    (2, 'Service level and ASA against agents')
    """
    data = pd.DataFrame({"agents": table["agents"].astype(int),
                         "service_level": table["service_level"].astype(float),
                         "asa": table["asa"].astype(float).replace([np.inf, -np.inf], np.nan)})
    mark, unit = text("target_line", lang), text("unit_seconds", lang)
    sl = [_curve("service_level", f"{text('service_level', lang)} (%)", ".0%", lang, [0, 1]),
          *_marks(answer, "service_level", target_sl, f"{mark} {target_sl or 0:.0%}", lang)]
    asa = [_curve("asa", f"{text('asa_short', lang)} ({unit})", ".0f", lang),
           *_marks(answer, "asa", target_asa, f"{mark} {target_asa or 0:g} {unit}", lang)]
    panels = [alt.LayerChart(layer=layers, width=_WIDTH, height=_HEIGHT) for layers in (sl, asa)]
    return alt.VConcatChart(data=data, vconcat=panels, title=text("chart_title", lang),
                            resolve=alt.Resolve(scale=alt.ScaleResolveMap(x="shared")),
                            config=CONFIG)


def _bundle_cache() -> Path:
    """Where the offline vega bundle is kept, one file per altair/vl-convert version pair."""
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "ccskills"
    key = f"altair-{version('altair')}-vlc-{version('vl-convert-python')}"
    return root / f"jupyterchart-offline-{key}.js"


def _write_atomically(path: Path, content: str) -> None:
    """Write ``content`` to a temporary file beside ``path``, then rename (never half-written)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(content)
    os.replace(tmp, path)


def enable_offline() -> None:
    """Make every ``alt.JupyterChart`` load vega from vl-convert's bundle, not a CDN.

    ``alt.JupyterChart.enable_offline()`` builds that bundle with vl-convert on each
    new kernel (about a second); the result is cached on disk per altair/vl-convert
    version and reused, so each calculator page starts faster. Any problem with the
    cache falls back to altair's own call.
    """
    chart_class = alt.JupyterChart
    if getattr(chart_class, "_is_offline", False):
        return
    path = _bundle_cache()
    try:
        bundle = path.read_text(encoding="utf-8")
    except OSError:
        bundle = ""
    if bundle and hasattr(chart_class, "_esm"):
        chart_class._esm, chart_class._is_offline = bundle, True
        return
    chart_class.enable_offline()
    try:
        _write_atomically(path, chart_class._esm)
    except OSError:
        pass  # a read-only home only costs the speed-up


EMBED_OPTIONS = {"actions": {"export": True, "source": False, "compiled": False,
                             "editor": False}}
"""vega-embed menu: save as PNG/SVG only (no "Open in Vega Editor" link off the machine)."""


def jupyter_chart(chart: alt.TopLevelMixin) -> alt.JupyterChart:
    """An offline ``alt.JupyterChart`` widget showing ``chart`` (JS from vl-convert, no CDN)."""
    enable_offline()
    return alt.JupyterChart(chart, embed_options=EMBED_OPTIONS)
