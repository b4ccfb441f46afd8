"""ccskills.i18n: one zh/en table, and the library's errors turned into sentences.

The error cases call the real core with bad input, so a change in the core's message
wording (``"{name} must be …, got {value!r}"``) or parameter names fails here.
"""

from __future__ import annotations

import re

import pytest

from ccskills.i18n import ERRORS, LANGUAGES, TEXT, error_message, parameter_of, text
from ccskills.queueing import (agents_for_abandonment, agents_for_asa, agents_for_service_level,
                               erlang_a, offered_load, service_level)
from ccskills.staffing import scheduled_headcount

CJK = re.compile(r"[\u4e00-\u9fff]")

# The glossary the course uses (shared/reference/domain.md, zh ↔ en).
GLOSSARY = {
    "service_level": ("服务水平", "Service level"),
    "asa": ("平均应答速度", "ASA"),
    "occupancy": ("占用率", "Occupancy"),
    "abandonment": ("放弃率", "Abandonment rate"),
    "p_wait": ("等待概率", "P(wait)"),
    "offered_load": ("话务量", "Offered load (Erlang)"),
    "scheduled_headcount": ("排班人数", "Scheduled headcount"),
    "shrinkage": ("损耗率", "Shrinkage"),
    "patience": ("耐心时间", "Patience"),
}


def test_default_language_is_chinese():
    assert LANGUAGES[0] == "zh"
    assert text("title") == text("title", "zh")


@pytest.mark.parametrize("key", sorted(TEXT))
def test_every_string_has_both_languages(key):
    zh, en = TEXT[key]
    assert zh and en
    assert not CJK.search(en), f"English text of {key!r} contains Chinese: {en!r}"


@pytest.mark.parametrize("key, words", sorted(GLOSSARY.items()))
def test_glossary_terms(key, words):
    zh, en = words
    assert zh in text(key, "zh")
    assert en in text(key, "en")


BAD_CALLS = [  # (call, parameter the message must name)
    (lambda: offered_load(-1, 180, 1800), "calls"),
    (lambda: offered_load(10, 0, 1800), "aht"),
    (lambda: offered_load(10, 180, 0), "interval"),
    (lambda: service_level(10, 8.0, 180, -1), "answer_time"),
    (lambda: agents_for_service_level(8.0, 180, 20, 1.0), "target"),
    (lambda: agents_for_service_level(8.0, 180, 20, 0.8, max_occupancy=0), "max_occupancy"),
    (lambda: agents_for_service_level(8.0, 180, 20, 0.8, patience=0), "patience"),
    (lambda: agents_for_asa(8.0, 180, 0), "target_asa"),
    (lambda: erlang_a(10, 8.0, 180, 0, 20), "patience"),
    (lambda: erlang_a(0, 8.0, 180, 60, 20), "agents"),
]


@pytest.mark.parametrize("call, name", BAD_CALLS)
def test_core_errors_name_a_translated_parameter(call, name):
    with pytest.raises((ValueError, TypeError)) as caught:
        call()
    assert parameter_of(caught.value)[0] == name
    for index, lang in enumerate(LANGUAGES):
        assert error_message(caught.value, lang).startswith(ERRORS[name][index])


def test_percent_parameters_are_shown_in_percent():
    exc = ValueError("target must be a fraction in (0, 1), got 1.0")
    assert error_message(exc, "en").endswith("(you entered 100).")
    assert error_message(exc, "zh").endswith("（输入值：100）。")


def test_unknown_parameter_and_unexpected_errors_still_give_a_sentence():
    assert error_message(ValueError("speed must be positive, got -1"), "en") == (
        "Invalid input: speed (you entered -1).")
    assert error_message(ZeroDivisionError("division by zero"), "zh") == text(
        "unexpected", "zh", kind="ZeroDivisionError")
    assert error_message(ValueError("something odd"), "en").startswith("Something unexpected")


def test_unknown_language_falls_back_to_chinese():
    assert text("title", "fr") == text("title", "zh")


LIMIT_CALLS = [  # (call, sentence key): the limits of the verified range (issue 9)
    (lambda: offered_load(1e17, 180, 1800), "calls:max"),
    (lambda: agents_for_service_level(2.0 ** 53, 180, 20, 0.8), "load:max"),
    (lambda: service_level(1e17, 8.0, 180, 20), "agents:max"),
    (lambda: erlang_a(10, 8.0, 180, 1e300, 20), "patience:max"),
    (lambda: erlang_a(10, 1e-200, 180, 1e-200, 20), "patience:min"),
    (lambda: agents_for_service_level(10.0, 180, 20, 0.8, max_occupancy=1e-300), "max_occupancy:min"),
    (lambda: agents_for_service_level(1e6, 180, 20, 0.8, patience=180, max_occupancy=0.4), "target:reach"),
    (lambda: agents_for_asa(1e6, 180, 20, patience=180, max_occupancy=0.4), "target_asa:reach"),
    (lambda: agents_for_abandonment(1e6, 180, 180, 0.05, max_occupancy=0.4), "max_abandon:reach"),
    (lambda: scheduled_headcount(2e6, 1 - 1e-16), "shrinkage:max"),
    (lambda: scheduled_headcount(1e19, 0.3), "agents:max"),
    (lambda: offered_load(5e-324, 1, 1), "calls:min"),
    (lambda: service_level(14, 5e-324, 180, 20), "load:min"),
    (lambda: service_level(5e-324, 5.0, 180, 20), "agents:min"),
]


@pytest.mark.parametrize("call, key", LIMIT_CALLS)
def test_limit_errors_get_their_own_sentence(call, key):
    """A bound's message ("must be at most / at least / reachable") picks the bound's sentence,
    not the parameter's usual one (which would say "must be more than 0" for a huge value)."""
    with pytest.raises(ValueError) as caught:
        call()
    assert parameter_of(caught.value)[0] == key.split(":")[0]
    for index, lang in enumerate(LANGUAGES):
        message = error_message(caught.value, lang)
        assert message.startswith(ERRORS[key][index]) and message != ERRORS[key.split(":")[0]][index]
    assert not CJK.search(ERRORS[key][1]) and CJK.search(ERRORS[key][0])


def test_a_calculators_own_sentence_still_wins_for_ordinary_errors():
    own = {"calls": ("自己的", "Own sentence")}
    assert error_message(ValueError("calls must be zero or a positive number, got -1"), "en",
                         errors=own).startswith("Own sentence")
    assert error_message(ValueError("calls must be at most 1,000,000 × interval / aht, got 1e+17"),
                         "en", errors=own).startswith(ERRORS["calls:max"][1])


# ---------------------------------------------------------------- label: codes as learners read them
from ccskills.kpi.display import label  # noqa: E402


def test_label_gives_the_registry_name_of_every_kpi_id():
    from ccskills.kpi import REGISTRY

    for id, indicator in REGISTRY.items():
        assert (label(id), label(id, "en")) == (indicator.name_zh, indicator.name_en)


def test_label_names_every_queue_of_the_sample_data():
    from ccskills.datasets import load_call_records

    queues = sorted(load_call_records()["queue"].unique())
    assert [label(q) for q in queues] == ["售后", "售前"]  # the words the KPI dashboard and exercises use
    assert [label(q, "en") for q in queues] == ["Aftersales", "Presales"]


def test_label_of_statuses_and_passthrough():
    assert (label("on_track"), label("on_track", "en")) == ("在轨", "On track")
    assert [label(s) for s in ("green", "amber", "red")] == ["绿灯", "黄灯", "红灯"]
    assert label("qa_points_lost") == "质检失分"  # a coaching KPI outside the registry
    assert label("合计") == "合计" and label("agent_id") == "agent_id" and label(7) == 7


def test_label_renames_a_table_and_rejects_an_unknown_language():
    import pandas as pd

    frame = pd.DataFrame({"fcr_rate": [0.7]}, index=["presales"]).rename(columns=label, index=label)
    assert list(frame.columns) == ["一次解决率"] and list(frame.index) == ["售前"]
    with pytest.raises(ValueError, match=r"lang must be 'zh' or 'en', got 'fr'"):
        label("fcr_rate", "fr")
