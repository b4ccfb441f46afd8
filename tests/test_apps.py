"""Tier 3: the Erlang calculator built headless — inputs set in Python, outputs read back.

Expected values come from calling the core (``ccskills.queueing``) in the test for the
same inputs: the core's own correctness is tested in tests/test_queueing.py; here we
check that the app wires the right inputs to it and shows what it returns.
"""

from __future__ import annotations

import base64
import io
import json
import math
import subprocess
import sys
from pathlib import Path

import altair as alt
import pandas as pd
import pytest

import ccskills.apps.erlang as erlang_app
from ccskills.apps import build_erlang_calculator
from ccskills.i18n import ERRORS, text
from ccskills.queueing import (agents_for_asa, agents_for_service_level,
                               average_speed_of_answer, erlang_a, erlang_c, occupancy,
                               offered_load, service_level)

REPO = Path(__file__).resolve().parents[1]


def set_inputs(app, **values) -> None:
    """Set several controls (on-screen units: percent, seconds) as a person would."""
    for name, value in values.items():
        app.controls[name].value = value


@pytest.fixture
def app():
    return build_erlang_calculator()


def pct(fraction: float) -> str:
    return f"{100 * fraction:.1f} %"


def test_erlang_c_answer_is_the_core_answer(app):
    set_inputs(app, calls=250, interval=900, aht=240, target_sl=85, answer_time=15,
               max_occupancy=90, shrinkage=35)
    load = offered_load(250, 240, 900)
    agents = agents_for_service_level(load, 240, 15, 0.85, max_occupancy=0.9)
    assert app.shown("required_agents") == str(agents)
    # Headcount after shrinkage: ceil(agents / (1 - 0.35)), computed here by hand.
    assert app.shown("scheduled_headcount") == str(math.ceil(round(agents / 0.65, 9)))
    assert app.shown("offered_load") == f"{load:.2f}"
    assert app.shown("service_level") == pct(service_level(agents, load, 240, 15))
    assert app.shown("p_wait") == pct(erlang_c(agents, load))
    assert app.shown("occupancy") == pct(occupancy(agents, load))
    assert app.shown("asa") == f"{average_speed_of_answer(agents, load, 240):.1f} 秒"
    assert app.cards["abandonment"].layout.display == "none"


def test_erlang_a_when_patience_is_given(app):
    set_inputs(app, calls=300, aht=200, target_sl=80, answer_time=20, max_occupancy=100)
    set_inputs(app, use_patience=True, patience=90)
    load = offered_load(300, 200, 1800)
    agents = agents_for_service_level(load, 200, 20, 0.8, patience=90)
    result = erlang_a(agents, load, 200, 90, 20)
    assert app.shown("required_agents") == str(agents)
    assert app.shown("abandonment") == pct(result.p_abandon)
    assert app.shown("service_level") == pct(result.service_level)
    assert app.cards["abandonment"].layout.display is None
    assert text("model_a", "zh") in app.status_text
    set_inputs(app, use_patience=False)
    assert app.shown("required_agents") == str(agents_for_service_level(load, 200, 20, 0.8))


def test_asa_target_uses_agents_for_asa(app):
    set_inputs(app, target_kind="asa", target_asa=12, max_occupancy=100, calls=180)
    load = offered_load(180, 180, 1800)
    assert app.shown("required_agents") == str(agents_for_asa(load, 180, 12))
    assert app.controls["target_sl"].layout.display == "none"
    assert app.controls["target_asa"].layout.display is None


def test_asa_target_with_patience_uses_erlang_a(app):
    """With callers who abandon, the ASA target is met for answered calls (Erlang A)."""
    set_inputs(app, target_kind="asa", target_asa=12, max_occupancy=100, calls=180,
               use_patience=True, patience=90)
    load = offered_load(180, 180, 1800)
    agents = agents_for_asa(load, 180, 12, patience=90)
    assert app.shown("required_agents") == str(agents)
    assert agents < agents_for_asa(load, 180, 12)  # abandonment shortens the queue
    assert app.answer.asa <= 12


def test_table_spans_five_agents_either_side(app):
    agents = app.answer.agents
    assert list(app.answer.table["agents"]) == list(range(agents - 5, agents + 6))
    assert 'class="ccs-answer-row"><td>%d</td>' % agents in app.table.value


def test_language_switch_changes_every_label(app):
    zh = {name: c.description for name, c in app.controls.items()}
    zh_cards = {name: box.value for name, box in app.cards.items()}
    app.language.value = "en"
    assert app.controls["calls"].description.startswith(text("calls", "en"))
    assert app.controls["interval"].options[0][0] == text("minutes_option", "en", n=15)
    assert all(c.description != zh[name] for name, c in app.controls.items())
    assert all(box.value != zh_cards[name] for name, box in app.cards.items())
    assert text("ok", "en") in app.status_text
    assert text("title", "en") in app.title.value
    app.language.value = "zh"
    assert app.controls["calls"].description == zh["calls"]


BAD_INPUTS = [  # (control, on-screen value, parameter named in the library's message)
    ("aht", 0, "aht"),
    ("calls", -10, "calls"),
    ("target_sl", 100, "target"),
    ("shrinkage", 100, "shrinkage"),
    ("shrinkage", 120, "shrinkage"),
    ("answer_time", -5, "answer_time"),
    ("max_occupancy", 0, "max_occupancy"),
    ("target_asa", 0, "target_asa"),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("control, value, parameter", BAD_INPUTS)
def test_bad_input_shows_a_translated_sentence(control, value, parameter, lang):
    app = build_erlang_calculator(lang)
    if control == "target_asa":
        set_inputs(app, target_kind="asa")
    set_inputs(app, **{control: value})  # must not raise
    assert app.status_text.startswith(ERRORS[parameter][0 if lang == "zh" else 1])
    assert 'class="ccs-status-error"' in app.status.value
    assert app.shown("required_agents") == "—"
    assert "Traceback" not in app.status.value


def test_patience_zero_is_a_sentence():
    app = build_erlang_calculator("en")
    set_inputs(app, use_patience=True, patience=0)
    assert app.status_text.startswith(ERRORS["patience"][1])


def test_unexpected_errors_become_a_sentence(app, monkeypatch):
    def broken(inputs):
        raise RuntimeError("boom")

    monkeypatch.setattr(erlang_app, "solve", broken)
    app.recompute()
    assert app.status_text == text("unexpected", "zh", kind="RuntimeError")


def test_controls_disabled_while_computing_and_restored(app, monkeypatch):
    seen = []
    real = erlang_app.solve

    def watching(inputs):
        seen.append(all(c.disabled for c in app.controls.values()) and app.language.disabled)
        raise ValueError("aht must be a positive number, got 0")

    monkeypatch.setattr(erlang_app, "solve", watching)
    app.recompute()
    assert seen == [True]
    assert app.controls["patience"].disabled  # was disabled before (box unticked): still is
    assert not any(c.disabled for n, c in app.controls.items() if n != "patience")
    monkeypatch.setattr(erlang_app, "solve", real)


def test_chart_is_an_offline_jupyterchart_with_the_table(app):
    assert isinstance(app.chart, alt.JupyterChart)
    assert "esm.sh" not in app.chart._esm  # altair's online mode imports vega from esm.sh
    spec = app.chart.chart.to_dict()
    rows = spec["datasets"][spec["data"]["name"]]
    assert [row["agents"] for row in rows] == list(app.answer.table["agents"])
    assert [row["service_level"] for row in rows] == pytest.approx(
        list(app.answer.table["service_level"]))
    sl_panel, asa_panel = (json.dumps(panel) for panel in spec["vconcat"])
    answer = f"(datum.agents === {app.answer.agents})"
    assert answer in sl_panel and answer in asa_panel  # the answer is marked in both
    assert '{"datum": 0.8}' in sl_panel  # the 80 % target is drawn on the SL panel
    assert {panel["layer"][0]["encoding"]["y"]["title"] for panel in spec["vconcat"]} == {
        "服务水平 (%)", "平均应答速度 (秒)"}


def test_excel_download_round_trips(app):
    href = app.download.value.split('href="', 1)[1].split('"', 1)[0]
    payload = base64.b64decode(href.split("base64,", 1)[1])
    frame = pd.read_excel(io.BytesIO(payload))
    assert list(frame[text("agents", "zh")]) == list(app.answer.table["agents"])


def test_core_import_pulls_in_no_widgets_or_charts():
    code = ("import sys, ccskills.queueing; "
            "print(sorted(m for m in ('ipywidgets', 'altair') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_the_voila_notebook_is_thin():
    notebook = json.loads((REPO / "course/apps/erlang_calculator.ipynb").read_text("utf-8"))
    code = ["".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert len(code) <= 3 and all(len(src.splitlines()) <= 3 for src in code)
    assert "build_erlang_calculator" in "\n".join(code)


def test_the_voila_template_links_nothing_off_the_machine():
    template = REPO / "share/jupyter/voila/templates/ccskills"
    for path in template.iterdir():
        assert "https://" not in path.read_text("utf-8"), path
    config = json.loads((REPO / "voila.json").read_text("utf-8"))
    assert config["VoilaConfiguration"]["template"] == "ccskills"


@pytest.mark.parametrize("module", ["i18n.py", "charts.py", "apps/erlang.py",
                                    "apps/_common.py", "formatting.py",
                                    "apps/_erlang_text.py"])
def test_presentation_modules_stay_small(module):
    assert len((REPO / "src/ccskills" / module).read_text("utf-8").splitlines()) < 400
