"""Tier 5: the QA scorecard & calibration calculator in Voila, in Debian's Chromium, offline.

Each test opens course/apps/qa_calibration.ipynb through Voila (template ``ccskills``),
ticks boxes, switches tabs and uploads files the way a person would, and compares the
page with hand-computed scores and with ccskills.quality called here. The ``page``
fixture fails a test if any request leaves the machine.
"""

from __future__ import annotations

import re

import pytest
from voila_harness import after_run as analysed
from report_button import make_report
from voila_harness import PAGE_TIMEOUT_MS
from voila_harness import assert_no_traceback, runs

from ccskills import quality as qa
from ccskills.apps._qa_text import t
from ccskills.datasets.quality import load_calibration, load_scorecard

pytestmark = pytest.mark.browser

NOTEBOOK = "qa_calibration.ipynb"
OPEN_TIMEOUT_MS = PAGE_TIMEOUT_MS  # a cold Voila page (new kernel, imports, first analysis) on a busy machine
SCORE = ".ccs-qa-score .ccs-card-value"
ICC = ".ccs-qa-icc .ccs-card-value"


def _expect():
    from playwright.sync_api import expect

    return expect


def committed_table():
    scores, _ = qa.calibration_tables(load_calibration(), load_scorecard())
    return scores


def open_calculator(page, server) -> None:
    """Load the calculator and wait until both tabs show a first answer."""
    page.goto(server.render_url(NOTEBOOK), wait_until="domcontentloaded")
    _expect()(page.locator(SCORE)).to_have_text("100", timeout=OPEN_TIMEOUT_MS)
    _expect()(page.locator(ICC)).to_have_text(re.compile(r"^0\.\d{3}$"), timeout=OPEN_TIMEOUT_MS)




def show_calibration_tab(page, lang="zh") -> None:
    page.locator(".lm-TabBar-tab, .p-TabBar-tab", has_text=t("tab_calibration", lang)).click()


def choose_file(page, path) -> None:
    """Click the upload button and pick ``path`` in the file chooser, as a person does.

    (The widget re-renders its button when it is disabled and enabled again, dropping
    its hidden ``<input type=file>`` from the page; the chooser works either way.)
    """
    with page.expect_file_chooser() as chooser:
        page.locator("button.ccs-upload").click()
    chooser.value.set_files(str(path))



def test_ticking_items_scores_the_call_and_a_critical_error_zeroes_it(page, voila_server):
    open_calculator(page, voila_server)
    page.locator(".ccs-item-empathy input").uncheck()  # 10 points
    _expect()(page.locator(SCORE)).to_have_text("90")
    page.locator(".ccs-item-hold-transfer input").uncheck()  # 5 points
    _expect()(page.locator(SCORE)).to_have_text("85")
    page.locator(".ccs-item-disclosure input").check()  # compliance-critical error
    _expect()(page.locator(SCORE)).to_have_text("0")
    _expect()(page.locator(".ccs-qa-raw-score .ccs-card-value")).to_have_text("85")
    _expect()(page.locator(".ccs-qa-critical .ccs-card-value")).to_have_text("合规")
    assert_no_traceback(page)


def test_calibration_round_matches_the_core_with_chart_and_flags(page, voila_server):
    open_calculator(page, voila_server)
    show_calibration_tab(page)
    table = committed_table()
    analysts = table.drop(columns="master")
    _expect()(page.locator(ICC)).to_have_text(f"{qa.icc(analysts, 'ICC(2,1)'):.3f}")
    _expect()(page.locator(".ccs-qa-icc")).to_contain_text(qa.icc_band(qa.icc(analysts)))
    flagged = page.locator(".ccs-deviation tr.ccs-flagged td:first-child")
    _expect()(flagged).to_have_text(["QA3", "QA5"])
    chart = page.locator(".ccs-chart canvas, .ccs-chart svg.marks").first
    chart.wait_for(state="visible")
    box = chart.bounding_box()
    assert box is not None and box["width"] > 100 and box["height"] > 80
    link = page.locator(".ccs-download a.ccs-download-link")
    assert link.get_attribute("href").startswith("data:application/vnd.openxmlformats-officedocument")
    with page.expect_download() as download_info:
        link.click()
    assert download_info.value.suggested_filename.endswith(".xlsx")


def test_upload_a_score_table_and_a_bad_file(page, voila_server, tmp_path):
    open_calculator(page, voila_server)
    show_calibration_tab(page)
    table = committed_table().rename(columns={"master": "标准答案"})
    good = tmp_path / "校准会.csv"
    good.write_bytes(table.reset_index().to_csv(index=False).encode("gbk"))
    analysed(page, lambda: choose_file(page, good))
    expected = qa.icc(table.drop(columns="标准答案"))
    _expect()(page.locator(ICC)).to_have_text(f"{expected:.3f}")
    _expect()(page.locator(".ccs-qa-kappa .ccs-card-value")).to_have_text("—")
    _expect()(page.locator(".ccs-status")).to_contain_text("校准会.csv")
    bad = tmp_path / "bad.csv"
    bad.write_bytes("通话,QA1,QA2\nc1,80,70\nc2,八十,60\n".encode("gbk"))
    analysed(page, lambda: choose_file(page, bad))
    assert page.locator(".ccs-status").inner_text() == "“QA1”列必须是数字；第 3 行是“八十”。"
    _expect()(page.locator(ICC)).to_have_text("—")
    assert_no_traceback(page)


def test_language_switch_changes_labels(page, voila_server):
    open_calculator(page, voila_server)
    label = page.locator(".ccs-qa-score .ccs-card-label")
    _expect()(label).to_have_text(t("score", "zh"))
    analysed(page, page.locator(".ccs-language button", has_text="English").click)
    _expect()(label).to_have_text(t("score", "en"))
    _expect()(page.locator(".ccs-item-greeting")).to_contain_text("Standard greeting with agent ID")
    show_calibration_tab(page, "en")
    _expect()(page.locator(".ccs-status")).to_contain_text("Analysed the kit's round")
    assert "质检员" not in page.locator(".ccs-qa-calculator").inner_text()


def test_switching_to_english_leaves_no_chinese_behind(page, voila_server):
    # issue 13: once the English title shows, both tabs (items, cards, the analysts' table, the
    # status) are English at once; the uploaded file's name is the user's and may stay Chinese
    from language_check import chinese_left, switch_to_english

    open_calculator(page, voila_server)
    show_calibration_tab(page)
    assert switch_to_english(page, ".ccs-qa-calculator", t("title", "en")) == []
    _expect()(page.locator(".ccs-status")).to_contain_text("Analysed the kit's round")
    assert chinese_left(page, ".ccs-qa-calculator") == []


def test_the_english_report_downloads_as_one_pdf_page(page, voila_server):
    # issue 13: after a switch to English the report is English; its ICC is the core's on the kit's round
    import pypdf

    open_calculator(page, voila_server)
    show_calibration_tab(page)
    analysed(page, page.locator(".ccs-language button", has_text="English").click)
    link = make_report(page)
    _expect()(link).to_contain_text("Download a one-page report")
    with page.expect_download() as download_info:
        link.click()
    pages = [p.extract_text() for p in pypdf.PdfReader(download_info.value.path()).pages]
    assert len(pages) == 1
    analysts = committed_table().drop(columns="master")
    assert "QA calibration report" in pages[0] and f"{qa.icc(analysts, 'ICC(2,1)'):.3f}" in pages[0]
    assert "Koo & Li (2016)" in pages[0] and not re.search(r"[\u4e00-\u9fff]", pages[0])
