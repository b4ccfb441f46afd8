"""Tier 3: the no-code workbook pages headless (``ccskills.workbooks.build_workbook``).

Each page is built as Voila builds it; a test sets an answer box the way a trainee does
(typing text, picking a radio button, ticking boxes), presses 检查 and reads the verdict beside
the question, which must be what ``question.check`` says. The visible text of a page, in both
languages, contains no code, traceback or Python name.
"""

from __future__ import annotations

import html
import re

import ipywidgets as widgets
import pytest

from ccskills.exercises import NO_CODE_SETS, no_code_set
from ccskills.exercises._no_code import is_plain
from ccskills.workbooks import build_workbook

SETS = sorted(NO_CODE_SETS)
PYTHON = re.compile(r"Traceback|Error\b|\bdef |\bimport |[a-z]+_[a-z_]+|\w+\(\)|____|\bNone\b|\bnan\b|dtype|object at 0x")


@pytest.fixture(scope="module", params=SETS)
def page(request):
    return build_workbook(request.param)


def _verdict_text(card) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", card.verdict.value))


def _click(card, name: str) -> None:
    card.buttons[name].click()


def _right(question):
    if question.kind == "number":
        return question.answer_text("zh").split()[0]
    return question.answer


def test_every_question_has_a_card_with_the_right_box(page):
    questions = no_code_set(page.problem_set.name).questions
    assert list(page.cards) == [q.id for q in questions]
    boxes = {"number": widgets.Text, "choice": widgets.RadioButtons, "multiple": widgets.VBox}
    for q in questions:
        card = page.card(q.id)
        assert isinstance(card.box, boxes[q.kind])
        assert card.verdict.value == "" and card.outcome is None
    assert all(box.value for box in page.givens.values())


def test_right_answer_shows_correct_beside_the_question(page):
    for card in page.cards.values():
        card.value = _right(card.question)
        _click(card, "check")
        assert _verdict_text(card).startswith("✓ 正确"), (card.question.id, card.verdict.value)
        assert 'class="ccs-verdict-correct"' in card.verdict.value
    assert f"已答对 {len(page.cards)} / {len(page.cards)} 题" in page.progress.value
    for card in page.cards.values():  # leave the shared page blank for the next test
        card.value = () if card.question.kind == "multiple" else ("" if card.question.kind == "number" else None)
        _click(card, "check")


def test_each_typical_mistake_shows_its_feedback(page):
    for card in page.cards.values():
        for mistake in card.question.mistakes:
            wrong = card.question.mistake_values(mistake)["answer"]
            card.value = f"{wrong:.10g}" if card.question.kind == "number" else wrong
            _click(card, "check")
            assert mistake.feedback in _verdict_text(card), (card.question.id, card.verdict.value)
            assert "ccs-verdict-incorrect" in card.verdict.value


def test_blank_and_junk_are_answered_in_words_not_errors(page):
    number = next(c for c in page.cards.values() if c.question.kind == "number")
    number.value = ""
    _click(number, "check")
    assert "未作答" in _verdict_text(number)
    number.value = "一百"
    _click(number, "check")
    assert "请只填一个数" in _verdict_text(number) and "一百" in _verdict_text(number)
    number.value = ""  # the page is shared by the module's tests
    choice = next(c for c in page.cards.values() if c.question.kind == "choice")
    choice.value = None
    _click(choice, "check")
    assert "未作答" in _verdict_text(choice)


def test_hint_cycles_and_solution_explains(page):
    card = next(iter(page.cards.values()))
    total = len(card.question.hints)
    _click(card, "hint")
    assert f"提示 1/{total}" in card.note.value
    for _ in range(total):
        _click(card, "hint")
    assert f"提示 1/{total}" in card.note.value  # cycled back
    _click(card, "solution")
    assert "参考答案" in card.note.value and card.question.answer_text("zh") in card.note.value


def test_language_switch_relabels_everything(page):
    card = next(c for c in page.cards.values() if c.question.kind == "choice")
    card.value = card.question.answer
    _click(card, "check")
    page.language.value = "en"
    try:
        assert card.buttons["check"].description == "Check"
        assert "Correct!" in _verdict_text(card)  # the shown verdict is given again in English
        assert card.box.value == card.question.answer  # the chosen option survives the switch
        assert card.question.prompt.en in card.heading.value.replace("&#x27;", "'").replace("&quot;", '"')
        assert "correct" in page.progress.value
        assert not re.search(r"[\u4e00-\u9fff]", page.visible_text().replace("中文", "")), "Chinese left on the English page"
    finally:
        page.language.value = "zh"
    assert card.buttons["check"].description == "检查"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("set_name", SETS)
def test_visible_text_has_no_code(set_name, lang):
    page = build_workbook(set_name, lang=lang)
    for card in page.cards.values():  # open every verdict, hint and solution
        card.value = "abc" if card.question.kind == "number" else _right(card.question)
        _click(card, "check")
        _click(card, "hint")
        _click(card, "solution")
    shown = page.visible_text()
    assert not PYTHON.search(shown), PYTHON.search(shown)
    assert all(is_plain(line) for line in shown.splitlines()), [l for l in shown.splitlines() if not is_plain(l)]


def test_recorder_gets_every_check_and_its_errors_never_reach_the_page():
    seen = []
    page = build_workbook("ch02", recorder=lambda *args: seen.append(args))
    card = page.card("offered_load")
    card.value = "15.2"
    _click(card, "check")
    assert [(s, i, v, o.correct) for s, i, v, o in seen] == [("ch02", "offered_load", "15.2", True)]

    def broken(*args):
        raise RuntimeError("the store is down")

    page = build_workbook("ch02", recorder=broken)
    page.card("offered_load").value = "15.2"
    _click(page.card("offered_load"), "check")
    assert "✓" in page.card("offered_load").verdict.value


def test_without_a_recorder_nothing_is_recorded():
    page = build_workbook("ch05")
    assert page.recorder is None
    _click(page.card("wape"), "check")  # blank: not attempted, nothing fails
    assert "未作答" in _verdict_text(page.card("wape"))


def test_unknown_set_is_refused():
    with pytest.raises(ValueError, match="name must be one of"):
        build_workbook("ch42")


def test_workbook_import_pulls_no_charts_and_exercises_no_widgets():
    import subprocess
    import sys

    code = ("import sys, ccskills.exercises; ccskills.exercises.no_code_questions(); a = 'ipywidgets' in sys.modules;"
            "import ccskills.workbooks; print(a, 'altair' in sys.modules, 'voila' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "False"]


def test_calculator_tasks_link_to_a_calculator_beside_the_workbooks():
    from pathlib import Path

    apps = Path(__file__).resolve().parents[1] / "course" / "apps"
    tasks = [q for name in SETS for q in no_code_set(name).questions if q.calculator]
    assert len(tasks) >= 3
    for q in tasks:
        assert (apps / f"{q.calculator}.ipynb").is_file(), q.calculator
        page = build_workbook(q.set)
        assert f'href="../apps/{q.calculator}.ipynb"' in page.card(q.id).heading.value
