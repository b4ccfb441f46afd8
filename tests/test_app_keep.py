"""KeepBar headless (issue 13): a small calculator stand-in saves, lists, loads, deletes and compares scenarios,
downloads the comparison as Excel and a one-page PDF report; bad input is one sentence, never a traceback."""

from __future__ import annotations

import base64
import html
import io
import re

import openpyxl
import pytest

pypdf = pytest.importorskip("pypdf")

from ccskills.apps._keep import KeepBar  # noqa: E402
from ccskills.reports import COUNT, PERCENT, Report, Setting  # noqa: E402
from ccskills.scenarios import ScenarioStore  # noqa: E402

LABELS = {"zh": {"calls": "每时段来电量", "target": "服务水平目标（%）", "agents": "所需座席数", "sl": "服务水平"},
          "en": {"calls": "Calls per interval", "target": "Service level target (%)", "agents": "Required agents",
                 "sl": "Service level"}}


class FakeCalculator:
    """The protocol KeepBar needs, with a formula simple enough to check by hand: agents = ceil(calls / 7)."""

    def __init__(self, lang="zh"):
        self.lang, self.calls, self.target = lang, 100, 80
        self.applied: list[dict] = []
        self.answer = True
        self.report_error: Exception | None = None

    def agents(self):
        return -(-self.calls // 7)

    def scenario_inputs(self):
        return {"calls": self.calls, "target": self.target}

    def apply_scenario(self, inputs):
        self.applied.append(inputs)
        self.calls = inputs.get("calls", self.calls)
        self.target = inputs.get("target", self.target)

    def scenario_results(self):
        if not self.answer:
            return []
        words = LABELS[self.lang]
        return [("agents", words["agents"], self.agents(), COUNT), ("sl", words["sl"], 0.8123, PERCENT)]

    def scenario_input_labels(self):
        return {k: LABELS[self.lang][k] for k in ("calls", "target")}

    def report_content(self):
        if self.report_error:
            raise self.report_error
        if not self.answer:
            return None
        words = LABELS[self.lang]
        return Report(f"测试计算器 {self.calls}" if self.lang == "zh" else f"Test calculator {self.calls}", self.lang,
                      [Setting(words["calls"], self.calls, "", COUNT), Setting(words["target"], self.target / 100,
                                                                                 "", PERCENT)],
                      [(words["agents"], str(self.agents()), "")])


@pytest.fixture(autouse=True)
def _private_files(tmp_path, monkeypatch):
    monkeypatch.setenv("CCSKILLS_SCENARIOS", str(tmp_path / "scenarios.json"))
    monkeypatch.setenv("CCSKILLS_LOG_DIR", str(tmp_path / "log"))


def _message(bar) -> str:
    found = re.fullmatch(r'<span class="ccs-status-(\w+)" data-done="\d+">(.*)</span>', bar.message.value, re.S)
    return html.unescape(found[2])


def _kind(bar) -> str:
    return re.match(r'<span class="ccs-status-(\w+)"', bar.message.value)[1]


def _save(bar, app, name, calls):
    app.calls = calls
    bar.name.value = name
    bar.save.click()


def _payload(link_html: str) -> bytes:
    return base64.b64decode(re.search(r'href="data:[^;]+;base64,([^"]+)"', link_html)[1])


def test_the_bar_has_every_control_with_its_css_class():
    bar = KeepBar(FakeCalculator(), "fake", "zh")
    assert "ccs-keep-bar" in bar._dom_classes
    for widget, css in ((bar.name, "ccs-scenario-name"), (bar.save, "ccs-scenario-save"),
                        (bar.pick, "ccs-scenario-pick"), (bar.load, "ccs-scenario-load"),
                        (bar.delete, "ccs-scenario-delete"), (bar.compare_pick, "ccs-scenario-compare-pick"),
                        (bar.compare, "ccs-scenario-compare"), (bar.table, "ccs-scenario-table"),
                        (bar.excel, "ccs-scenario-excel"), (bar.message, "ccs-scenario-message"),
                        (bar.report_link, "ccs-report-link")):
        assert css in widget._dom_classes


def test_save_list_and_load_calls_apply_scenario_once_with_the_inputs():
    app = FakeCalculator()
    bar = KeepBar(app, "fake", "zh")
    _save(bar, app, "方案A", 100)
    assert _message(bar) == "已保存情景“方案A”。" and _kind(bar) == "ok"
    _save(bar, app, "方案B", 140)
    assert list(bar.pick.options) == ["方案A", "方案B"] and list(bar.compare_pick.options) == ["方案A", "方案B"]
    assert bar.pick.value == "方案B"
    bar.pick.value = "方案A"
    bar.load.click()
    assert app.applied == [{"calls": 100, "target": 80}]
    assert app.calls == 100 and _message(bar) == "已载入情景“方案A”并重新计算。"
    # another bar (another kernel) sees the same store
    assert list(KeepBar(FakeCalculator(), "fake", "zh").pick.options) == ["方案A", "方案B"]


def test_compare_two_shows_both_names_and_values_and_an_excel_with_numbers():
    app = FakeCalculator()
    bar = KeepBar(app, "fake", "zh")
    _save(bar, app, "A", 100)   # 15 agents (100 / 7 = 14.3, rounded up)
    _save(bar, app, "B", 1400)  # 200 agents
    bar.compare_pick.value = ("A", "B")
    bar.compare.click()
    assert _message(bar) == "已比较 2 个情景。"
    table = bar.table.value
    for shown in ('<th class="ccs-num">A</th>', '<th class="ccs-num">B</th>', ">每时段来电量<", ">所需座席数<", '"ccs-num">1,400<', '"ccs-num">15<',
                  '"ccs-num">200<', '"ccs-num">81.2 %<'):
        assert shown in table
    book = openpyxl.load_workbook(io.BytesIO(_payload(bar.excel.value)))
    rows = {r[0].value: r for r in book.active.iter_rows(min_row=2)}
    assert [c.value for c in next(book.active.iter_rows(max_row=1))] == ["项目", "类别", "A", "B"]
    assert rows["每时段来电量"][3].value == 1400 and rows["每时段来电量"][3].data_type == "n"
    assert rows["所需座席数"][2].value == 15 and rows["所需座席数"][3].value == 200
    assert rows["服务水平"][2].number_format == "0.0%" and rows["服务水平"][2].value == pytest.approx(0.8123)


@pytest.mark.parametrize("picked", [(), ("A",), ("A", "B", "C", "D", "E")])
def test_compare_needs_two_to_four(picked):
    app = FakeCalculator()
    bar = KeepBar(app, "fake", "en")
    for number, name in enumerate("ABCDE"):
        _save(bar, app, name, 100 + number)
    bar.compare_pick.value = picked
    bar.compare.click()
    assert _message(bar) == f"Pick 2 to 4 scenarios to compare ({len(picked)} picked)." and _kind(bar) == "error"
    assert bar.table.value == ""


def test_the_report_is_made_on_the_button_and_taken_away_by_the_next_answer():
    app = FakeCalculator()
    bar = KeepBar(app, "fake", "zh")
    assert bar.report_make.description == "生成一页报告 (PDF)" and bar.report_link.value == ""
    bar.refresh()
    assert bar.report_link.value == "" and bar.reports_built == 0  # an answer makes no PDF
    bar.report_make.click()
    assert 'download="测试计算器 100.pdf"' in bar.report_link.value and "下载一页报告 (PDF)" in bar.report_link.value
    assert 'data-built="1"' in bar.report_link.value and bar.report_make.layout.display == "none"
    reader = pypdf.PdfReader(io.BytesIO(_payload(bar.report_link.value)))
    assert len(reader.pages) == 1 and "测试计算器 100" in reader.pages[0].extract_text()
    app.calls = 700
    bar.refresh()  # a new answer: the PDF of 100 calls must not be offered any more
    assert bar.report_link.value == "" and bar.report_make.layout.display is None
    bar.report_make.click()
    text = pypdf.PdfReader(io.BytesIO(_payload(bar.report_link.value))).pages[0].extract_text()
    assert "测试计算器 700" in text and "100" not in text.split("\n")[0] and 'data-built="2"' in bar.report_link.value
    bar.relabel("en")  # a language switch: the Chinese PDF goes too
    assert bar.report_link.value == "" and bar.report_make.description == "Make a one-page report (PDF)"
    app.answer = False
    bar.refresh()
    bar.report_make.click()
    assert "There is no answer to report yet: fix the inputs first." in bar.report_link.value
    assert bar.reports_built == 2 and bar.report_make.layout.display is None


def test_answers_and_language_switches_do_no_report_work():
    app = FakeCalculator()
    asked = []
    made = app.report_content
    app.report_content = lambda: asked.append(1) or made()
    bar = KeepBar(app, "fake", "zh")
    for lang in ("en", "zh", "en"):
        bar.refresh()
        bar.relabel(lang)
    assert asked == [] and bar.reports_built == 0


def test_the_bar_is_disabled_while_the_report_is_made_and_back_after():
    app = FakeCalculator()
    bar = KeepBar(app, "fake", "zh")
    seen = []
    made = app.report_content
    app.report_content = lambda: seen.append((bar.report_make.disabled, bar.save.disabled, bar.load.disabled)) \
        or made()
    bar.report_make.click()
    assert seen == [(True, True, True)] and bar.reports_built == 1
    assert not (bar.report_make.disabled or bar.save.disabled or bar.load.disabled)


def test_a_report_that_fails_is_a_sentence_and_a_log_line(tmp_path):
    app = FakeCalculator()
    app.report_error = RuntimeError("chart broke")
    bar = KeepBar(app, "fake", "en")
    bar.refresh()
    assert bar.report_link.value == ""
    bar.report_make.click()
    assert "The report could not be made (RuntimeError)" in bar.report_link.value
    assert "Traceback" not in bar.report_link.value and bar.report_make.layout.display is None  # try again
    assert "chart broke" in (tmp_path / "log" / "ccskills.log").read_text()


def test_a_sentence_returned_by_apply_scenario_replaces_loaded_and_recomputed():
    app = FakeCalculator()
    bar = KeepBar(app, "fake", "zh")
    _save(bar, app, "上传方案", 100)
    app.apply_scenario = lambda inputs: "请再次选择文件 calls.csv：情景由它计算。"
    bar.load.click()
    assert _message(bar) == "请再次选择文件 calls.csv：情景由它计算。" and _kind(bar) == "error"
    app.apply_scenario = lambda inputs: None
    bar.load.click()
    assert _message(bar) == "已载入情景“上传方案”并重新计算。" and _kind(bar) == "ok"


@pytest.mark.parametrize("name, zh", [("", "请先填写情景名称（1 到 60 个字符）。"),
                                      ("x" * 61, "情景名称最多 60 个字符（输入了 61 个）。")])
def test_a_bad_name_is_one_sentence_and_saves_nothing(name, zh):
    app = FakeCalculator()
    bar = KeepBar(app, "fake", "zh")
    _save(bar, app, name, 100)
    assert _message(bar) == zh and _kind(bar) == "error" and bar.pick.options == ()


def test_an_existing_name_asks_for_replace_then_replaces():
    app = FakeCalculator()
    bar = KeepBar(app, "fake", "en")
    _save(bar, app, "A", 100)
    _save(bar, app, "A", 200)
    assert _message(bar).startswith('A scenario named "A" exists') and _kind(bar) == "error"
    bar.replace.value = True
    _save(bar, app, "A", 200)
    assert _message(bar) == 'Replaced scenario "A".'
    assert ScenarioStore().load("fake", "A").inputs["calls"] == 200


def test_no_answer_means_nothing_to_save():
    app = FakeCalculator()
    app.answer = False
    bar = KeepBar(app, "fake", "zh")
    _save(bar, app, "A", 100)
    assert _message(bar) == "当前没有结果可保存：请先修正输入，得到结果后再保存。" and bar.pick.options == ()


def test_load_and_delete_without_a_pick_say_so():
    bar = KeepBar(FakeCalculator(), "fake", "en")
    bar.load.click()
    assert _message(bar) == 'Pick a scenario under "Saved scenarios" first.'
    bar.delete.click()
    assert _message(bar) == 'Pick a scenario under "Saved scenarios" first.'


def test_delete_removes_it_and_clears_a_comparison_that_showed_it():
    app = FakeCalculator()
    bar = KeepBar(app, "fake", "zh")
    _save(bar, app, "A", 100)
    _save(bar, app, "B", 200)
    bar.compare_pick.value = ("A", "B")
    bar.compare.click()
    bar.pick.value = "A"
    bar.delete.click()
    assert _message(bar) == "已删除情景“A”。" and list(bar.pick.options) == ["B"]
    assert bar.table.value == "" and bar.excel.value == "" and bar.compare_pick.value == ("B",)


def test_a_scenario_deleted_in_another_window_is_a_sentence():
    app = FakeCalculator()
    bar = KeepBar(app, "fake", "zh")
    _save(bar, app, "A", 100)
    ScenarioStore().delete("fake", "A")
    bar.pick.value = "A"
    bar.load.click()
    assert _message(bar) == "找不到情景“A”（可能已在另一个窗口中删除）。" and app.applied == []


def test_an_app_that_raises_while_applying_is_one_sentence(tmp_path):
    app = FakeCalculator()
    bar = KeepBar(app, "fake", "en")
    _save(bar, app, "A", 100)

    def broken(inputs):
        raise KeyError("calls")

    app.apply_scenario = broken
    bar.load.click()
    assert _message(bar) == "That did not work (KeyError); the details went to the log."
    assert not bar.load.disabled and not bar.save.disabled  # buttons back after the failure


def test_relabel_switches_labels_message_and_comparison_to_english():
    app = FakeCalculator()
    bar = KeepBar(app, "fake", "zh")
    _save(bar, app, "A", 100)
    _save(bar, app, "B", 200)
    bar.compare_pick.value = ("A", "B")
    bar.compare.click()
    app.lang = "en"
    bar.relabel("en")
    assert bar.save.description == "Save scenario" and bar.load.description == "Load"
    assert bar.name.description == "Scenario name" and bar.compare.description == "Compare selected"
    assert _message(bar) == "Compared 2 scenarios."
    assert "<th>Item</th>" in bar.table.value and ">Calls per interval<" in bar.table.value
    assert '<th colspan="3">Result</th>' in bar.table.value
    assert "Download the comparison (Excel)" in bar.excel.value


def test_a_damaged_store_is_said_when_the_bar_opens(tmp_path):
    (tmp_path / "scenarios.json").write_text("{oops")
    bar = KeepBar(FakeCalculator(), "fake", "zh")
    assert _message(bar).startswith("情景文件已损坏，已移到 scenarios.json.bad-") and _kind(bar) == "error"
    assert bar.pick.options == ()


def test_scenarios_or_report_can_be_left_out():
    only_report = KeepBar(FakeCalculator(), "fake", "zh", scenarios=False)
    assert only_report.save not in only_report.children and only_report.report_link in only_report.children
    assert only_report.report_make in only_report.children
    only_scenarios = KeepBar(FakeCalculator(), "fake", "zh", report=False)
    assert only_scenarios.report_link not in only_scenarios.children
    assert only_scenarios.report_make not in only_scenarios.children


def test_a_store_that_cannot_be_read_is_said_when_the_bar_opens(tmp_path):
    (tmp_path / "scenarios.json").mkdir()
    bar = KeepBar(FakeCalculator(), "fake", "en")
    assert _message(bar).startswith("The scenario file ") and _kind(bar) == "error"
    bar.name.value = "A"
    bar.save.click()
    assert _message(bar).startswith("The scenario file ") and "Traceback" not in bar.message.value


def test_a_chart_that_cannot_be_drawn_still_gives_the_report_and_a_log_line(tmp_path):
    import altair as alt

    app = FakeCalculator()
    remote = alt.Chart(alt.Data(url="https://example.com/calls.csv")).mark_point().encode(x="a:Q")
    app.report_content = lambda: Report("外部图表", "zh", results=[("座席", "14", "")], chart=remote)
    bar = KeepBar(app, "fake", "zh")
    bar.build_report()  # headless: at once
    text = pypdf.PdfReader(io.BytesIO(_payload(bar.report_link.value))).pages[0].extract_text()
    assert "图表无法生成" in text
    assert "fake: report: chart" in (tmp_path / "log" / "ccskills.log").read_text()


def test_scenarios_saved_in_another_window_appear_after_the_next_answer():
    app = FakeCalculator()
    bar = KeepBar(app, "fake", "zh")
    other = KeepBar(FakeCalculator(), "fake", "zh")
    _save(other, other.app, "别的窗口", 300)
    assert bar.pick.options == ()
    sent = []
    bar.save.observe(lambda change: sent.append(change), names="disabled")
    bar.refresh()  # what the calculator calls after each computation
    assert list(bar.pick.options) == ["别的窗口"] and list(bar.compare_pick.options) == ["别的窗口"]
    bar.refresh()
    assert sent == []  # refreshing never flickers the buttons
