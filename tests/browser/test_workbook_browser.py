"""Tier 5: the no-code workbooks in Voila, in Debian's Chromium, with no request off the machine.

The workbooks live in course/workbooks, beside course/apps; JupyterLab serves course/ (the
``lab_server`` fixture, as ``make start`` runs it), so the pages open at
``/voila/render/workbooks/<set>.ipynb`` exactly as the guide links them. A test types or picks
an answer the way a trainee does, presses 检查 and waits for the verdict beside the question
(on its text, never on time): the right answer shows ✓, a typical wrong one its own feedback,
the language switch relabels the page, and no code or traceback is visible.
"""

from __future__ import annotations

import re

import pytest
from voila_harness import assert_no_traceback

from ccskills.exercises import NO_CODE_SETS, no_code_set

pytestmark = pytest.mark.browser

CODE = re.compile(r"Traceback|build_workbook|ccskills|import |[a-z]+_[a-z_]+\b")


def _expect():
    from playwright.sync_api import expect

    return expect


def open_workbook(page, server, name: str) -> None:
    """Load ``course/workbooks/<name>.ipynb`` through Voila and wait for its first question."""
    query = f"?token={server.token}" if server.token else ""
    page.goto(f"{server.url}/voila/render/workbooks/{name}.ipynb{query}", wait_until="domcontentloaded")
    first = no_code_set(name).questions[0]
    page.locator(f".ccs-q-{first.id.replace('_', '-')} .ccs-check-button").wait_for(state="visible")


def card(page, question_id: str):
    return page.locator(f".ccs-q-{question_id.replace('_', '-')}")


def answer_number(page, question_id: str, typed: str) -> None:
    box = card(page, question_id)
    box.locator(".ccs-answer input").fill(typed)
    box.locator(".ccs-check-button").click()


def test_ch02_workbook_checks_answers_and_switches_language(page, lab_server):
    questions = {q.id: q for q in no_code_set("ch02").questions}
    open_workbook(page, lab_server, "ch02")
    assert_no_traceback(page)
    shown = page.locator(".ccs-workbook").inner_text()
    assert not CODE.search(shown), CODE.search(shown)

    load = questions["offered_load"]
    answer_number(page, "offered_load", load.answer_text("zh").split()[0])
    verdict = card(page, "offered_load").locator(".ccs-verdict")
    _expect()(verdict).to_contain_text("✓ 正确")

    wrong = load.mistakes[0]
    answer_number(page, "offered_load", f"{load.mistake_values(wrong)['answer']:.4g}")
    _expect()(verdict).to_contain_text(wrong.feedback)

    definition = questions["sl_definition"]
    mistake = definition.mistakes[0]
    chosen = card(page, "sl_definition")
    chosen.get_by_label(mistake.wrong, exact=True).check()
    chosen.locator(".ccs-check-button").click()
    _expect()(chosen.locator(".ccs-verdict")).to_contain_text(mistake.feedback)

    page.locator(".ccs-language button", has_text="English").click()
    _expect()(card(page, "offered_load").locator(".ccs-check-button")).to_have_text("Check")
    _expect()(verdict).to_contain_text(wrong.feedback_en)
    _expect()(page.locator(".ccs-progress")).to_contain_text("correct")
    assert_no_traceback(page)


def test_ch05_workbook_renders_and_grades_a_percentage(page, lab_server):
    wape = next(q for q in no_code_set("ch05").questions if q.id == "wape")
    open_workbook(page, lab_server, "ch05")
    answer_number(page, "wape", wape.answer_text("zh").replace(" ", ""))  # typed with its % sign
    _expect()(card(page, "wape").locator(".ccs-verdict")).to_contain_text("✓ 正确")
    card(page, "wape").locator(".ccs-hint-button").click()
    _expect()(card(page, "wape").locator(".ccs-note")).to_contain_text(f"提示 1/{len(wape.hints)}")
    assert_no_traceback(page)


def test_ch03_multiple_choice_is_ticked_like_a_form(page, lab_server):
    special = next(q for q in no_code_set("ch03").questions if q.id == "special_cause_days")
    open_workbook(page, lab_server, "ch03")
    box = card(page, "special_cause_days")
    box.get_by_label(special.answer[0], exact=True).check()
    box.locator(".ccs-check-button").click()
    _expect()(box.locator(".ccs-verdict")).to_contain_text("还有")  # the engine says how many are missing
    for label in special.answer[1:]:
        box.get_by_label(label, exact=True).check()
    box.locator(".ccs-check-button").click()
    _expect()(box.locator(".ccs-verdict")).to_contain_text("✓ 正确")
    assert_no_traceback(page)


def _choice_with_a_mistake(name: str):
    """The set's first single-choice question with a recognised typical mistake."""
    return next(q for q in no_code_set(name).questions if q.kind == "choice" and q.mistakes)


def _pick(page, question_id: str, label: str) -> None:
    box = card(page, question_id)
    box.get_by_label(label, exact=True).check()
    box.locator(".ccs-check-button").click()


@pytest.mark.parametrize("name", sorted(NO_CODE_SETS))
def test_every_workbook_renders_checks_and_switches_language(page, lab_server, name):
    open_workbook(page, lab_server, name)
    assert_no_traceback(page)
    shown = page.locator(".ccs-workbook").inner_text()
    assert not CODE.search(shown), CODE.search(shown)
    _expect()(page.locator(".ccs-question")).to_have_count(len(no_code_set(name).questions))

    question = _choice_with_a_mistake(name)
    mistake = question.mistakes[0]
    wrong = question.mistake_values(mistake)["answer"]  # the option label of the typical mistake
    verdict = card(page, question.id).locator(".ccs-verdict")
    _pick(page, question.id, wrong)
    _expect()(verdict).to_contain_text(mistake.feedback)
    _pick(page, question.id, question.answer)
    _expect()(verdict).to_contain_text("✓ 正确")
    _pick(page, question.id, wrong)
    _expect()(verdict).to_contain_text(mistake.feedback)

    page.locator(".ccs-language button", has_text="English").click()
    _expect()(card(page, question.id).locator(".ccs-check-button")).to_have_text("Check")
    _expect()(verdict).to_contain_text(mistake.feedback_en)
    assert_no_traceback(page)


def test_calculator_task_opens_the_calculator_beside_it(page, lab_server):
    open_workbook(page, lab_server, "ch02")
    link = card(page, "agents_80_20").locator("a.ccs-calculator-link")
    with page.context.expect_page() as opened:
        link.click()
    calculator = opened.value
    _expect()(calculator.locator(".ccs-required-agents .ccs-card-value")).to_have_text(re.compile(r"^\d+$"))
    assert "/voila/render/apps/erlang_calculator.ipynb" in calculator.url
