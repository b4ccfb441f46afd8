"""Swimlane process maps drawn by the kit: altair layers rendered to PNG offline with vl-convert.

Lanes are horizontal bands, one per role or external party, labelled on the left in zh or en;
steps are boxes placed left → right (a step's column is one more than its latest earlier
predecessor's, moved right when its lane is taken there); start and end are rounded, decisions are
diamonds; arrows run between steps with the branch labels of decisions. Arrows that go back to an
earlier step run under the boxes and enter the target from below. Nothing is fetched from the
network: vl-convert renders with the system's fonts (Debian's fonts-noto-cjk or WenQuanYi for
Chinese), and the folders of :data:`FONT_DIRS` are registered when present.

>>> from ccskills.management.processes import process
>>> layout(process("knowledge"))["k5"]  # column 5, lane 1 (QA analyst)
(5, 1)
>>> process_map_png(process("knowledge"), "zh")[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
True
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

import altair as alt
import pandas as pd

from .._validation import check_lang
from ..charts import themed
from ._process_model import Process, duration_text, lane_name

__all__ = ["FONT_DIRS", "layout", "process_map_chart", "process_map_png"]

#: Folders of Chinese fonts handed to vl-convert when they exist; ``CCSKILLS_FONT_DIR`` first.
FONT_DIRS = ("/usr/share/fonts/opentype/noto", "/usr/share/fonts/truetype/wqy", "/usr/share/fonts/noto-cjk")
COL_PX, LANE_PX, LABEL_W = 124, 92, 1.0  # pixels per column and lane; label band width in columns
BOX_W, BOX_H, FONT = 0.84, 0.72, 10.5
_COLORS = {"start": "#d8efd9", "end": "#e4e4e4", "step": "#ffffff", "decision": "#fff3cd"}
_WRAP = {"zh": 8, "en": 18}
_NO_START = "、,，。:：;；?？!！)）」”"


def layout(proc: Process) -> dict[str, tuple[int, int]]:
    """Step id → (column, lane index): columns left → right, lanes in :meth:`Process.lanes` order."""
    lanes = {lane: i for i, lane in enumerate(proc.lanes())}
    order = {s.id: k for k, s in enumerate(proc.steps)}
    place, taken = {}, set()
    for s in proc.steps:
        before = [place[p.id][0] for p in proc.steps
                  if order[p.id] < order[s.id] and any(e.to == s.id for e in p.next)]
        col = max(before) + 1 if before else 0
        while (col, lanes[s.lane]) in taken:
            col += 1
        place[s.id] = (col, lanes[s.lane])
        taken.add(place[s.id])
    return place


def _wrap(text: str, lang: str, width: int) -> str:
    """Lines of about ``width`` characters: zh balanced, ASCII words kept whole, no line opening with
    punctuation; en broken at spaces."""
    if lang == "en":
        return "\n".join(_fill(text.split(" "), width * 0.55 + 0.01, " "))
    tokens = re.findall(r"[A-Za-z0-9.%]+|.", text)
    size = sum(_width(t) for t in tokens)
    lines = _fill(tokens, size / -(-size // width) + 0.6, "")
    for i in range(1, len(lines)):
        while lines[i] and lines[i][0] in _NO_START:
            lines[i - 1], lines[i] = lines[i - 1] + lines[i][0], lines[i][1:]
    return "\n".join(line for line in lines if line)


def _width(token: str) -> float:
    return sum(1.0 if ord(ch) > 0x2E80 else 0.55 for ch in token)


def _fill(tokens, width: float, sep: str) -> list[str]:
    lines, line = [], ""
    for token in tokens:
        if line and _width(line + sep + token) > width:
            lines.append(line)
            line = token.strip()
        else:
            line = f"{line}{sep if line else ''}{token}"
    return lines + [line]


def _scales(n_cols: int, n_lanes: int):
    x = alt.Scale(domain=[-LABEL_W, n_cols], nice=False, zero=False)
    y = alt.Scale(domain=[0, n_lanes], nice=False, zero=False, reverse=True)
    return x, y


def _lanes_layer(proc, lang, n_cols, xs, ys):
    rows = [{"x": -LABEL_W, "x2": n_cols, "y": i, "y2": i + 1, "shade": i % 2,
             "lx": -LABEL_W / 2, "ly": i + 0.5, "name": _wrap(lane_name(lane, lang), lang, 5 if lang == "zh" else 11)}
            for i, lane in enumerate(proc.lanes())]
    data = pd.DataFrame(rows)
    band = alt.Chart(data).mark_rect(stroke="#9aa5b1", strokeWidth=0.8).encode(
        x=alt.X("x:Q", scale=xs, axis=None), x2="x2", y=alt.Y("y:Q", scale=ys, axis=None), y2="y2",
        color=alt.Color("shade:N", scale=alt.Scale(domain=[0, 1], range=["#f7f9fb", "#eef2f6"]), legend=None))
    head = alt.Chart(data).mark_rect(color="#dfe6ee", stroke="#9aa5b1", strokeWidth=0.8).encode(
        x="x:Q", x2=alt.X2(datum=0), y="y:Q", y2="y2")
    label = alt.Chart(data).mark_text(fontWeight="bold", fontSize=FONT + 1, lineBreak="\n").encode(
        x="lx:Q", y="ly:Q", text="name:N")
    return [band, head, label]


def _boxes(proc, lang, place):
    rows = []
    for s in proc.steps:
        col, lane = place[s.id]
        text = _wrap(s.text(lang), lang, _WRAP[lang] + (2 if s.kind == "decision" else 0))
        if s.time_limit_s:
            text += f"\n≤ {duration_text(s.time_limit_s, lang)}"
        rows.append({"id": s.id, "kind": s.kind, "cx": col + 0.5, "cy": lane + 0.5,
                     "x": col + 0.5 - BOX_W / 2, "x2": col + 0.5 + BOX_W / 2,
                     "y": lane + 0.5 - BOX_H / 2, "y2": lane + 0.5 + BOX_H / 2,
                     "text": text, "fill": _COLORS[s.kind]})
    return pd.DataFrame(rows)


def _rects(boxes, kinds, radius):
    data = boxes[boxes["kind"].isin(kinds)]
    return alt.Chart(data).mark_rect(stroke="#1f6fb4", strokeWidth=1.2, cornerRadius=radius).encode(
        x="x:Q", x2="x2", y="y:Q", y2="y2", fill=alt.Fill("fill:N", scale=None))


def _box_layers(boxes):
    points = []
    for _, b in boxes[boxes["kind"] == "decision"].iterrows():
        half = BOX_H / 2 + 0.06
        points += [{"id": b["id"], "x": b["x"] - 0.04, "top": b["cy"], "bottom": b["cy"]},
                   {"id": b["id"], "x": b["cx"], "top": b["cy"] - half, "bottom": b["cy"] + half},
                   {"id": b["id"], "x": b["x2"] + 0.04, "top": b["cy"], "bottom": b["cy"]}]
    layers = [_rects(boxes, ["start", "end"], 14), _rects(boxes, ["step"], 3)]
    if points:
        layers.append(alt.Chart(pd.DataFrame(points)).mark_area(
            color=_COLORS["decision"], line={"color": "#b7791f", "strokeWidth": 1.2}, opacity=1).encode(
            x="x:Q", y="top:Q", y2="bottom:Q", detail="id:N"))
    # a diamond holds less than a box: its words are smaller, on longer lines, so they stay inside
    for kinds, size in ((["start", "step", "end"], FONT), (["decision"], FONT - 2)):
        layers.append(alt.Chart(boxes[boxes["kind"].isin(kinds)]).mark_text(
            fontSize=size, lineBreak="\n", color="#1b1b1b").encode(x="cx:Q", y="cy:Q", text="text:N"))
    return layers


def _edge_rows(proc, lang, place):
    """Polyline points, arrowheads and labels of every arrow (back arrows stacked per lane)."""
    lines, heads, labels, stacked = [], [], [], {}
    for s in proc.steps:
        c1, l1 = place[s.id]
        vertical_free = s.kind == "decision"  # a decision's first branch to another lane leaves top/bottom
        for e in s.next:
            c2, l2 = place[e.to]
            if c2 > c1 and l2 != l1 and vertical_free:
                vertical_free = False
                path, head, where = _down_then_across(c1, l1, c2, l2)
            else:
                path, head, where = _route(c1, l1, c2, l2, stacked)
            key = f"{s.id}>{e.to}"
            lines += [{"edge": key, "order": i, "x": px, "y": py} for i, (px, py) in enumerate(path)]
            heads.append(head)
            if e.label(lang):
                labels.append(_label(e.label(lang), *where))
    return pd.DataFrame(lines), pd.DataFrame(heads), pd.DataFrame(labels)


def _down_then_across(c1, l1, c2, l2):
    """Leave a decision by its lower (or upper) corner, run along the target's lane, enter left."""
    x1, y1, x2, y2 = c1 + 0.5, l1 + 0.5, c2 + 0.5, l2 + 0.5
    sign = 1 if l2 > l1 else -1
    path = [(x1, y1 + sign * (BOX_H / 2 + 0.06)), (x1, y2), (x2 - BOX_W / 2 - 0.02, y2)]
    head = {"x": x2 - BOX_W / 2 - 0.035, "y": y2, "shape": "triangle-right"}
    return path, head, (x1 + 0.04, y1 + sign * (BOX_H / 2 + 0.19))


def _route(c1, l1, c2, l2, stacked):
    x1, y1, x2, y2 = c1 + 0.5, l1 + 0.5, c2 + 0.5, l2 + 0.5
    half_w, half_h = BOX_W / 2, BOX_H / 2
    if c2 > c1 + 1 and l1 == l2:  # skips boxes of its own lane: over the top, enter from above
        top = l1 + 0.07
        path = [(x1 + 0.1, y1 - half_h), (x1 + 0.1, top), (x2 - 0.1, top), (x2 - 0.1, y2 - half_h - 0.02)]
        head = {"x": x2 - 0.1, "y": y2 - half_h - 0.045, "shape": "triangle-down"}
        return path, head, (x1 + 0.6, top + 0.075)
    if c2 > c1:  # forward: leave right, turn at the column boundary before the target, enter left
        mid = c2 + 0.04
        path = [(x1 + half_w, y1), (mid, y1), (mid, y2), (x2 - half_w - 0.02, y2)]
        head = {"x": x2 - half_w - 0.035, "y": y2, "shape": "triangle-right"}
        if l1 == l2:
            return path, head, ((x1 + half_w + mid) / 2 - 0.05, y1 - 0.1)
        return path, head, (mid + 0.02, y1 + (0.27 if l2 > l1 else -0.27))
    lane = max(l1, l2)  # back: leave below, run along the bottom of the lower lane, enter below
    low = lane + 0.93 - 0.05 * stacked.get(lane, 0)
    stacked[lane] = stacked.get(lane, 0) + 1
    path = [(x1, y1 + half_h), (x1, low), (x2 - 0.12, low), (x2 - 0.12, y2 + half_h + 0.02)]
    head = {"x": x2 - 0.12, "y": y2 + half_h + 0.045, "shape": "triangle-up"}
    return path, head, ((x1 + x2) / 2, low - 0.07)


def _label(text, x, y):
    width = sum(1.0 if ord(ch) > 0x2E80 else 0.55 for ch in text) * (FONT - 1) / COL_PX + 0.04
    return {"x": x, "y": y, "x0": x - 0.02, "x1": x - 0.02 + width, "y0": y - 0.09, "y1": y + 0.09, "text": text}


def _edge_layers(lines, heads):
    layers = []
    if len(lines):
        layers.append(alt.Chart(lines).mark_line(color="#4a4a4a", strokeWidth=1.1).encode(
            x="x:Q", y="y:Q", detail="edge:N", order="order:Q"))
        layers.append(alt.Chart(heads).mark_point(filled=True, color="#4a4a4a", size=45, opacity=1).encode(
            x="x:Q", y="y:Q", shape=alt.Shape("shape:N", scale=None)))
    return layers


def _label_layers(labels):
    if not len(labels):
        return []
    back = alt.Chart(labels).mark_rect(color="white", opacity=0.9).encode(x="x0:Q", x2="x1", y="y0:Q", y2="y1")
    text = alt.Chart(labels).mark_text(fontSize=FONT - 1, color="#a4262c", align="left", fontWeight="bold").encode(
        x="x:Q", y="y:Q", text="text:N")
    return [back, text]


def process_map_chart(proc: Process, lang: str = "zh", *, blank: bool = False) -> alt.LayerChart:
    """The swimlane map of ``proc`` as an altair layered chart; ``blank=True`` draws only the lanes
    (eight empty columns to draw on), for the blank template."""
    check_lang(lang)
    if not isinstance(proc, Process):
        raise ValueError(f"proc must be a Process, got {type(proc).__name__!r}")
    place = layout(proc)
    n_cols = 8 if blank else max(c for c, _ in place.values()) + 1
    xs, ys = _scales(n_cols, len(proc.lanes()))
    layers = _lanes_layer(proc, lang, n_cols, xs, ys)
    if not blank:
        lines, heads, labels = _edge_rows(proc, lang, place)
        layers += _edge_layers(lines, heads) + _box_layers(_boxes(proc, lang, place)) + _label_layers(labels)
    title = f"{proc.name(lang)} {'泳道图 (swimlane map)' if lang == 'zh' else 'swimlane map'}"
    chart = alt.layer(*layers).properties(width=int((n_cols + LABEL_W) * COL_PX),
                                          height=len(proc.lanes()) * LANE_PX, title=title)
    return themed(chart).configure_view(strokeWidth=0)


@lru_cache(maxsize=1)
def _register_fonts() -> tuple[str, ...]:
    import vl_convert

    extra = os.environ.get("CCSKILLS_FONT_DIR")
    found = tuple(d for d in ((extra,) if extra else ()) + FONT_DIRS if os.path.isdir(d))
    for folder in found:
        vl_convert.register_font_directory(folder)
    return found


@lru_cache(maxsize=32)
def process_map_png(proc: Process, lang: str = "zh", *, blank: bool = False, scale: float = 2.0) -> bytes:
    """The swimlane map of ``proc`` as PNG bytes, rendered offline by vl-convert (``scale`` × pixels;
    the last maps drawn are kept, as a process is immutable)."""
    import vl_convert

    _register_fonts()
    spec = process_map_chart(proc, lang, blank=blank).to_dict()
    return vl_convert.vegalite_to_png(spec, scale=scale)
