"""Scenario store and comparison (issue 13): names, atomic and concurrent saves, damaged files, zh/en messages,
the side-by-side table in HTML and Excel (numbers stay numbers)."""

from __future__ import annotations

import io
import json
import math
import multiprocessing
import re

import numpy as np
import openpyxl
import pytest

from ccskills.scenarios import (ENV, LockBusy, Scenario, ScenarioExists, ScenarioNameError, ScenarioNotFound,
                                ScenarioStore, ScenarioStoreError, check_name, compare_excel, compare_frame,
                                compare_html, default_path, scenario_message)
from ccskills.scenarios import _lock


@pytest.fixture
def store(tmp_path):
    return ScenarioStore(tmp_path / "scenarios.json")


def _scenario(name, calls=100, agents=14, calculator="erlang", **extra):
    return Scenario(calculator, name, {"calls": calls, "aht": 180.0, **extra},
                    [("required_agents", agents, "#,##0"), ("service_level", 0.8123, "0.0%")])


# Saving, listing, loading -------------------------------------------------------------------------------


def test_save_list_load_round_trip_in_saved_order(store):
    for name, calls in (("方案B", 120), ("方案A", 100), ("  plan c  ", 90)):
        store.save(_scenario(name, calls))
    assert store.names("erlang") == ["方案B", "方案A", "plan c"]  # saved order, names stripped
    loaded = store.load("erlang", "方案A")
    assert loaded.inputs == {"calls": 100, "aht": 180.0}
    assert loaded.results == [("required_agents", 14, "#,##0"), ("service_level", 0.8123, "0.0%")]
    assert loaded.saved_at[:4].isdigit() and "T" in loaded.saved_at and loaded.lang == "zh"
    assert store.load("erlang", " plan c ").inputs["calls"] == 90


def test_an_existing_name_needs_replace_which_keeps_its_place(store):
    store.save(_scenario("A", 100))
    store.save(_scenario("B", 110))
    with pytest.raises(ScenarioExists) as caught:
        store.save(_scenario("A", 999))
    assert store.load("erlang", "A").inputs["calls"] == 100  # nothing changed
    assert "name must" in str(caught.value)
    store.save(_scenario("A", 130), replace=True)
    assert store.names("erlang") == ["A", "B"] and store.load("erlang", "A").inputs["calls"] == 130


def test_calculators_keep_their_own_scenarios(store):
    store.save(_scenario("A", calculator="erlang"))
    store.save(_scenario("A", calculator="planner"))
    store.delete("erlang", "A")
    assert store.names("erlang") == [] and store.names("planner") == ["A"]
    with pytest.raises(ScenarioNotFound):
        store.delete("erlang", "A")
    with pytest.raises(ScenarioNotFound):
        store.load("planner", "nope")


@pytest.mark.parametrize("bad", ["", "   ", "x" * 61, "a\nb", "tab\there", None, 12])
def test_bad_names_raise_a_value_error_naming_name(store, bad):
    with pytest.raises(ValueError, match=r"^name must") as caught:
        store.save(_scenario(bad))
    assert isinstance(caught.value, ScenarioNameError)
    assert not store.path.exists()  # nothing half-written


def test_sixty_characters_is_the_longest_name():
    assert check_name(" " + "名" * 60 + " ") == "名" * 60


def test_numpy_values_and_infinity_survive_a_round_trip(store):
    scenario = Scenario("erlang", "np", {"calls": np.int64(7), "rate": np.float64(0.25), "days": (1, 2)},
                        [("asa", math.inf, "#,##0.0"), ("agents", np.int32(5), "#,##0")])
    store.save(scenario)
    loaded = store.load("erlang", "np")
    assert loaded.inputs == {"calls": 7, "rate": 0.25, "days": [1, 2]}
    assert type(loaded.inputs["calls"]) is int
    assert loaded.results[0][1] == math.inf and loaded.results[1] == ("agents", 5, "#,##0")


def test_inputs_that_are_not_json_raise_value_error_naming_inputs(store):
    with pytest.raises(ValueError, match=r"^inputs must"):
        store.save(Scenario("erlang", "x", {"widget": object()}))


def test_reading_an_empty_store_creates_nothing(tmp_path):
    store = ScenarioStore(tmp_path / "new" / "scenarios.json")
    assert store.names("erlang") == [] and not (tmp_path / "new").exists()
    with pytest.raises(ScenarioNotFound):
        store.load("erlang", "A")
    assert not (tmp_path / "new").exists()


def test_the_file_is_utf8_json_with_chinese_kept_readable(store):
    store.save(_scenario("方案A"))
    payload = json.loads(store.path.read_text("utf-8"))
    assert payload["format"] == "ccskills-scenarios"
    assert payload["calculators"]["erlang"][0]["name"] == "方案A"
    assert "方案A" in store.path.read_text("utf-8")  # not \\u escapes


def test_default_path_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(ENV, str(tmp_path / "x.json"))
    assert default_path() == tmp_path / "x.json" and ScenarioStore().path == tmp_path / "x.json"
    monkeypatch.delenv(ENV)
    assert default_path().name == "scenarios.json" and "ccskills" in str(default_path())


# Failures keep the file whole ---------------------------------------------------------------------------


def test_an_interrupted_write_leaves_the_previous_file(store, monkeypatch):
    store.save(_scenario("A"))
    before = store.path.read_bytes()
    import ccskills.io._atomic as atomic

    def crash(path):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "_fsync", crash)
    with pytest.raises(ScenarioStoreError) as caught:
        store.save(_scenario("B"))
    assert store.path.read_bytes() == before
    assert sorted(p.name for p in store.path.parent.iterdir()) == ["scenarios.json", "scenarios.json.lock"]
    assert scenario_message(caught.value, "en").startswith("The scenario file ")
    assert "No space left on device" in scenario_message(caught.value, "zh")


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe\x00garbage", b"[1, 2, 3]",
                                     b'{"format": "ccskills-scenarios", "calculators": {"erlang": [{"x": 1}]}}',
                                     b'{"format": "other", "calculators": {}}'])
def test_a_damaged_file_is_moved_aside_and_said_in_one_sentence(store, content):
    store.path.write_bytes(content)
    assert store.names("erlang") == []
    aside = [p for p in store.path.parent.iterdir() if p.name.startswith("scenarios.json.bad-")]
    assert len(aside) == 1 and aside[0].read_bytes() == content and not store.path.exists()
    zh = store.notice("zh")
    assert zh.startswith("情景文件已损坏") and aside[0].name in zh and zh.count("。") == 1
    assert store.notice("en") is None  # said once
    store.save(_scenario("A"))
    assert store.names("erlang") == ["A"]


def test_the_damaged_file_sentence_in_english(store):
    store.path.write_text("oops")
    store.names("erlang")
    en = store.notice("en")
    assert en.startswith("The scenario file was damaged") and ".bad-" in en


def test_a_busy_lock_is_a_sentence_not_a_hang(store, monkeypatch):
    monkeypatch.setattr(_lock, "WAIT_SECONDS", 0.2)
    store.save(_scenario("A"))
    with _lock.locked(store.path):  # another holder (a second open file: flock locks per open file)
        with pytest.raises(LockBusy) as caught:
            store.save(_scenario("B"))
    assert scenario_message(caught.value, "zh") == "情景文件正被另一个窗口使用，请稍后再试。"
    assert store.names("erlang") == ["A"]


# Two kernels at once ------------------------------------------------------------------------------------


def _save_many(path: str, worker: int, count: int, start) -> None:
    start.wait(30)
    store = ScenarioStore(path)
    for number in range(count):
        store.save(Scenario("erlang" if number % 2 else "planner", f"w{worker}-{number}", {"n": number},
                            [("agents", worker * 1000 + number, "#,##0")]))


def test_concurrent_saves_from_several_processes_lose_nothing(tmp_path):
    path = str(tmp_path / "scenarios.json")
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    workers, count = 4, 12
    processes = [context.Process(target=_save_many, args=(path, w, count, start)) for w in range(workers)]
    for process in processes:
        process.start()
    start.set()
    for process in processes:
        process.join(120)
    assert [p.exitcode for p in processes] == [0] * workers
    store = ScenarioStore(path)
    saved = store.names("erlang") + store.names("planner")
    expected = {f"w{w}-{n}" for w in range(workers) for n in range(count)}
    assert sorted(saved) == sorted(expected)  # every save of every process, none twice
    assert store.load("planner", "w3-4").results == [("agents", 3004, "#,##0")]
    assert [p.name for p in tmp_path.iterdir() if ".bad-" in p.name or p.suffix == ".tmp"] == []


# Messages -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("exc, zh, en", [
    (ScenarioExists("erlang", "A"), "已有名为“A”的情景", 'A scenario named "A" exists'),
    (ScenarioNotFound("erlang", "A"), "找不到情景“A”", 'Scenario "A" was not found'),
    (ScenarioNameError(""), "请先填写情景名称（1 到 60 个字符）。", "Type a scenario name first (1 to 60 characters)."),
    (ScenarioNameError("x" * 75), "情景名称最多 60 个字符（输入了 75 个）。", "at most 60 characters (you typed 75)."),
    (ScenarioNameError("a\nb"), "不能包含换行", "cannot contain line breaks"),
    (RuntimeError("boom"), "操作没有完成（RuntimeError）", "That did not work (RuntimeError)"),
])
def test_every_store_error_is_one_sentence_in_each_language(exc, zh, en):
    assert zh in scenario_message(exc, "zh") and en in scenario_message(exc, "en")
    assert "Traceback" not in scenario_message(exc, "en")


# Comparison ---------------------------------------------------------------------------------------------

_LABELS = {"calls": "来电量", "aht": "AHT（秒）", "required_agents": "所需座席数", "service_level": "服务水平"}


def test_compare_frame_puts_inputs_then_results_one_column_per_scenario():
    a = _scenario("A", calls=100, agents=14)
    b = Scenario("erlang", "B", {"calls": 120, "aht": 182.5, "use_patience": True},
                 [("required_agents", 16, "#,##0"), ("service_level", 0.84, "0.0%"), ("asa", 9.5, "#,##0.0")])
    frame, formats = compare_frame([a, b], _LABELS, "zh")
    assert list(frame.columns) == ["项目", "类别", "A", "B"]
    assert frame["类别"].tolist() == ["输入"] * 3 + ["结果"] * 3
    assert frame["项目"].tolist() == ["来电量", "AHT（秒）", "use_patience", "所需座席数", "服务水平", "asa"]
    assert frame["A"].tolist()[:2] == [100, 180.0] and frame["A"].tolist()[2] is None
    assert frame["B"].tolist() == [120, 182.5, "是", 16, 0.84, 9.5]
    assert all(isinstance(v, (int, float)) for v in frame["B"].tolist()[3:])  # numbers stay numbers
    assert formats == ["#,##0", "#,##0.0", None, "#,##0", "0.0%", "#,##0.0"]


def test_compare_uses_labels_saved_with_the_scenarios_when_the_app_gives_none():
    a = Scenario("kpi", "A", {"x": 1}, [("on_track", 3, "#,##0")], lang="en", labels={"on_track": "On track"})
    b = Scenario("kpi", "B", {"x": 2}, [("on_track", 4, "#,##0")], lang="zh", labels={"on_track": "达标"})
    assert compare_frame([a, b], {}, "zh")[0]["项目"].tolist()[1] == "达标"
    assert compare_frame([a, b], {}, "en")[0]["Item"].tolist()[1] == "On track"
    assert compare_frame([a, b], {"on_track": "按计划"}, "en")[0]["Item"].tolist()[1] == "按计划"


def test_long_lists_saved_with_a_scenario_show_as_a_count():
    rows = [["09:00", 100, 180]] * 56
    a = Scenario("erlang", "A", {"day_rows": rows, "days": [1, 2], "map": {"a": 1}})
    b = Scenario("erlang", "B", {"day_rows": None, "days": [], "map": {}})
    frame, formats = compare_frame([a, b], {}, "zh")
    assert frame["A"].tolist() == ["56 项", "1, 2", "a: 1"] and frame["B"].tolist() == [None, "", ""]
    assert compare_frame([a, b], {}, "en")[0]["A"].tolist()[0] == "56 items"


def test_compare_needs_distinct_scenarios():
    with pytest.raises(ValueError, match="^scenarios must"):
        compare_frame([], {}, "zh")
    with pytest.raises(ValueError, match="^scenarios must"):
        compare_frame([_scenario("A"), _scenario("A")], {}, "zh")


def test_compare_html_formats_numbers_by_row_and_escapes_text():
    a = _scenario("<script>A</script>", calls=12345, agents=1234)
    b = _scenario("B", calls=100, agents=14)
    frame, formats = compare_frame([a, b], {**_LABELS, "calls": "来电 <量>"}, "en")
    table = compare_html(frame, formats, "en")
    assert "<script>" not in table and "&lt;script&gt;A&lt;/script&gt;" in table and "来电 &lt;量&gt;" in table
    # 12,345 with thousands separators; 0.8123 as "81.2 %" (format "0.0%"): independent of the code under test
    assert '<td class="ccs-num">12,345</td>' in table and '<td class="ccs-num">1,234</td>' in table
    assert table.count('<td class="ccs-num">81.2 %</td>') == 2
    assert '<th>Item</th><th class="ccs-num">&lt;script&gt;' in table and "<th>Kind</th>" not in table
    sections = re.findall(r'<tr class="ccs-compare-section"><th colspan="3">(\w+)</th></tr>', table)
    assert sections == ["Input", "Result"]  # a section row before the inputs and before the results


def test_compare_excel_keeps_numbers_numeric_with_row_formats():
    a = _scenario("=cmd|'/c calc'!A1", calls=100, agents=14)
    b = _scenario("B", calls=120, agents=16)
    frame, formats = compare_frame([a, b], _LABELS, "zh")
    book = openpyxl.load_workbook(io.BytesIO(compare_excel(frame, formats, "zh")))
    sheet = book["情景比较"]
    rows = list(sheet.iter_rows(values_only=False))
    assert [c.value for c in rows[0]] == ["项目", "类别", "=cmd|'/c calc'!A1", "B"]
    assert rows[0][2].data_type == "s"  # a name is never a formula
    by_label = {r[0].value: r for r in rows[1:]}
    assert by_label["来电量"][3].value == 120 and by_label["来电量"][3].number_format == "#,##0"
    assert by_label["服务水平"][2].value == pytest.approx(0.8123)
    assert by_label["服务水平"][2].number_format == "0.0%" and by_label["服务水平"][2].data_type == "n"
    assert by_label["所需座席数"][3].value == 16 and by_label["所需座席数"][3].data_type == "n"
    assert sheet.freeze_panes == "A2"



def test_a_folder_in_place_of_the_file_is_a_sentence_naming_the_path(tmp_path):
    (tmp_path / "scenarios.json").mkdir()
    store = ScenarioStore(tmp_path / "scenarios.json")
    with pytest.raises(ScenarioStoreError) as caught:
        store.names("erlang")
    said = scenario_message(caught.value, "zh")
    assert said.startswith("无法读写情景文件 ") and str(tmp_path / "scenarios.json") in said
    assert (tmp_path / "scenarios.json").is_dir()  # never moved aside or replaced: it is not a damaged file
