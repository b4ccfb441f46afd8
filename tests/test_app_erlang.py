"""Erlang calculator, headless: each result card says what it means and what set its number."""

from __future__ import annotations

import html
import json
import re

import pytest

from ccskills.apps import build_erlang_calculator
from ccskills.queueing import agents_for_service_level


def _note(app, name: str) -> str:
    found = re.search(r'<div class="ccs-card-note">(.*?)</div>', app.cards[name].value)
    return html.unescape(found[1]) if found else ""


def _headline(lang: str):
    # README / CLI headline: 300 calls per 30 min, AHT 240 s, 80 % in 20 s
    app = build_erlang_calculator(lang)
    app.controls["calls"].value = 300
    app.controls["aht"].value = 240
    return app


def test_the_occupancy_cap_is_named_as_what_set_the_number():
    # issue 13: README/CLI say 46 agents; the calculator says 48 because its 85 % cap binds.
    # 46 = the fewest agents for 80/20 with no cap (Erlang C, load 300 × 240 / 1800 = 40 Erlang);
    # 48 = the fewest with occupancy 40 / n ≤ 85 % (n ≥ 47.06).
    sl_only = agents_for_service_level(40.0, 240, 20, 0.8)
    assert sl_only == 46
    app = _headline("zh")
    assert app.shown("required_agents") == "48"
    assert _note(app, "required_agents") == "占用率上限 85% 决定了座席数；只看服务水平需要 46 人。"
    app.language.value = "en"
    assert _note(app, "required_agents") == ("The 85% occupancy cap set this number; "
                                             "the service level alone needs 46.")


def test_without_a_binding_cap_the_target_is_named():
    app = _headline("zh")
    app.controls["max_occupancy"].value = 100
    assert app.shown("required_agents") == "46"
    assert _note(app, "required_agents") == "服务水平目标（20 秒内接起 80%）决定了座席数。"
    app.controls["target_kind"].value = "asa"
    assert "平均应答速度目标" in _note(app, "required_agents")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_visible_card_has_a_short_explanation(lang):
    app = _headline(lang)
    app.controls["use_patience"].value = True
    for name, box in app.cards.items():
        note = _note(app, name)
        assert note and len(note) < 90, (name, note)
    assert re.search(rf"(^| ){app.shown('required_agents')} ", _note(app, "scheduled_headcount"))


# --- the reverse question: with N agents on the phones, what service? -----------------------------

def test_reverse_question_gives_the_queue_at_the_agents_typed():
    from ccskills.queueing import average_speed_of_answer, occupancy, service_level

    app = _headline("zh")
    assert app.reverse_result.value == ""  # nothing typed: nothing said
    app.controls["reverse"].value = 44
    # Erlang C at 44 agents for 40 Erlang (300 × 240 / 1800), AHT 240 s, 20 s answer time
    sl = service_level(44, 40.0, 240, 20)
    asa = average_speed_of_answer(44, 40.0, 240)
    said = html.unescape(re.sub(r"<[^>]+>", "", app.reverse_result.value))
    assert said == (f"有 44 名在线座席时：服务水平 {100 * sl:.1f} %（20 秒内），平均应答速度 {asa:.1f} 秒，"
                    f"等待概率 {said.split('等待概率 ')[1].split('，')[0]}，占用率 {100 * occupancy(44, 40.0):.1f} %。")
    assert app.shown("required_agents") == "48"  # the forward answer is unchanged


def test_reverse_question_with_too_few_agents_says_the_queue_grows():
    app = _headline("en")
    app.controls["reverse"].value = 40  # = the load: Erlang C has no steady state
    said = html.unescape(re.sub(r"<[^>]+>", "", app.reverse_result.value))
    assert said == "40 agents is not more than the load of 40.00 Erlang: the queue grows without end; add agents."


def test_reverse_question_under_erlang_a_reports_abandonment():
    from ccskills.queueing import erlang_a

    app = _headline("zh")
    app.controls["use_patience"].value = True  # patience 120 s
    app.controls["reverse"].value = 40
    said = html.unescape(re.sub(r"<[^>]+>", "", app.reverse_result.value))
    expected = erlang_a(40, 40.0, 240, 120, 20)
    assert f"放弃率 {100 * expected.p_abandon:.1f} %" in said, said


# --- language switch, scenarios and the one-page report (issue 13) -------------------------------

CHINESE = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("CCSKILLS_SCENARIOS", str(tmp_path / "scenarios.json"))
    return tmp_path / "scenarios.json"


def test_switching_language_re_renders_the_answer_without_recomputing(store, monkeypatch):
    import ccskills.apps.erlang as erlang
    from ccskills.workbooks._visible import visible_text

    app = _headline("zh")
    calls = []
    for name in ("solve", "plan_day"):
        real = getattr(erlang, name)
        monkeypatch.setattr(erlang, name, lambda *a, _real=real, _name=name, **k: calls.append(_name) or _real(*a, **k))
    app.language.value = "en"
    assert calls == []  # the answer is language-neutral: shown again, not solved again
    assert app.shown("required_agents") == "48" and "Required agents" in app.cards["required_agents"].value
    left = CHINESE.findall(visible_text(app).replace("中文", ""))
    assert not left, sorted(set(left))
    assert "Example day" in app.day_source.value and "Agents needed per interval" == app.day_chart.chart.title


def test_a_scenario_round_trip_recomputes_once_and_gives_the_same_results(store):
    app = _headline("zh")
    app.controls["use_patience"].value = True
    app.controls["hourly_cost"].value = 52
    content = "时段,来话量,AHT 秒\n09:00,100,180\n09:30,300,200\n".encode("utf-8")
    import datetime

    app.day_upload.value = ({"name": "周一.csv", "type": "", "size": len(content), "content": memoryview(content),
                             "last_modified": datetime.datetime(2026, 3, 2)},)
    saved = json.loads(json.dumps(app.scenario_inputs()))  # what the store keeps: JSON
    results = app.scenario_results()
    other = build_erlang_calculator("zh")
    runs = []
    other.recompute = (lambda real: lambda: runs.append(1) or real())(other.recompute)
    other.apply_scenario({**saved, "not_an_input": 3})
    assert runs == [1]
    assert other.scenario_results() == results
    assert "周一.csv" in other.day_source.value and other.controls["patience"].disabled is False
    assert other.scenario_inputs() == saved


def test_scenarios_are_saved_and_compared_through_the_bar(store):
    app = _headline("en")
    app.keep.name.value = "AHT 240"
    app.keep.save.click()
    app.controls["aht"].value = 220
    app.keep.name.value = "AHT 220"
    app.keep.save.click()
    app.keep.compare_pick.value = ("AHT 240", "AHT 220")
    app.keep.compare.click()
    table = html.unescape(app.keep.table.value)
    # 300 calls × 240 s / 1800 s = 40 Erlang → 48 agents (85 % cap); 300 × 220 / 1800 = 36.67 → 44 (⌈36.67 / 0.85⌉)
    assert "AHT 240" in table and "AHT 220" in table
    row = next(r for r in table.split("<tr") if "Required agents" in r)
    assert re.findall(r'<td class="ccs-num[^"]*">([^<]*)</td>', row) == ["48", "44"]
    assert "Service level target" in table and "sl" not in re.findall(r">(\w+)<", table)
    assert "Average speed of answer (ASA) (s)" in table  # the unit of a bare number


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_report_lists_the_excel_inputs_and_reads_in_one_language(store, lang):
    import base64
    import io

    import openpyxl
    from pypdf import PdfReader

    app = _headline(lang)
    report = app.report_content()
    href = re.search(r'base64,([^"]+)', app.download.value)[1]
    book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(href)))
    sheet = book[book.sheetnames[-1]]
    assert [(r[0].value, r[1].value) for r in sheet.iter_rows(min_row=2)] == [
        (s.label, s.value) for s in report.settings if s.value is not None]
    assert report.results[0][1] == "48" and len(report.assumptions) == 7
    assert app.keep.report_link.value == ""  # made on demand only
    app.keep.build_report()  # what the button does
    link = re.search(r'href="data:application/pdf;base64,([^"]+)"', app.keep.report_link.value)
    pdf = PdfReader(io.BytesIO(base64.b64decode(link[1])))
    assert len(pdf.pages) == 1
    words = re.sub(r"\s+", "", pdf.pages[0].extract_text())
    if lang == "zh":
        assert all(w in words for w in ("Erlang座席计算器", "泊松", "占用率上限85%决定了座席数", "每小时人力成本"))
    else:
        assert all(w in words for w in ("Poisson", "The85%occupancycapsetthisnumber", "Costperpaidhour"))
        assert not CHINESE.search(words)


def test_no_answer_means_no_report_and_no_results(store):
    app = build_erlang_calculator("zh")
    app.controls["aht"].value = 0
    assert app.report_content() is None and app.scenario_results() == []
    assert app.keep.report_link.value == ""
