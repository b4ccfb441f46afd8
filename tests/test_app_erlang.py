"""Erlang calculator, headless: each result card says what it means and what set its number."""

from __future__ import annotations

import html
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
