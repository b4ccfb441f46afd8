"""Tier 5: the Kano analyser in Voila, in Debian's Chromium, with no request off the machine.

Opens course/apps/kano_analyser.ipynb through Voila (template ``ccskills``), reads the
table and chart for the kit's survey, then uploads files through the file input the way
a person would: a bad one must give a sentence naming the column and row, a good one
its hand-worked categories. The ``page`` fixture fails a test if any request leaves
127.0.0.1/localhost.
"""

from __future__ import annotations

import re

import pytest
from voila_harness import after_run as analysed
from voila_harness import assert_no_traceback, runs

from ccskills.apps._kano_text import category_label

pytestmark = pytest.mark.browser

NOTEBOOK = "kano_analyser.ipynb"
FEATURES = ".ccs-kano-features .ccs-card-value"


def _expect():
    from playwright.sync_api import expect

    return expect




def upload(page, name: str, content: bytes) -> None:
    """Click the upload button and pick a file in the chooser (ipywidgets keeps its input off the DOM)."""
    files = {"name": name, "mimeType": "text/csv", "buffer": content}

    def pick():
        with page.expect_file_chooser() as chooser:
            page.locator("button.ccs-upload, .ccs-upload button").first.click()
        chooser.value.set_files(files)

    analysed(page, pick)



def test_kit_survey_then_bad_and_good_uploads(page, voila_server):
    page.goto(voila_server.render_url(NOTEBOOK), wait_until="domcontentloaded")
    _expect()(page.locator(FEATURES)).to_have_text("7")
    greeting = page.locator('tr[data-feature="greeting"] td.ccs-category')
    _expect()(greeting).to_have_text(category_label("M", "zh"))
    chart = page.locator(".ccs-chart canvas, .ccs-chart svg.marks").first
    chart.wait_for(state="visible")
    box = chart.bounding_box()
    assert box is not None and box["width"] > 100 and box["height"] > 100

    bad = "respondent,feature,functional,dysfunctional\nR1,x,1,5\nR2,x,maybe,3\n".encode()
    upload(page, "bad.csv", bad)
    error = page.locator(".ccs-status .ccs-status-error")
    _expect()(error).to_contain_text("functional")
    _expect()(error).to_contain_text("第 3 行")
    _expect()(page.locator(FEATURES)).to_have_text("—")
    assert_no_traceback(page)

    # (1,5) = O twice and (1,3) = A once -> O; (3,5) = M -> M (evaluation table, domain.md §3)
    good = ("受访者,功能,正向题,反向题\nR1,回拨,我很喜欢,我很不喜欢\nR2,回拨,1,5\nR3,回拨,like,无所谓\n"
            "R1,问候,无所谓,我很不喜欢\n").encode("gbk")
    upload(page, "good.csv", good)
    _expect()(page.locator(".ccs-status .ccs-status-ok")).to_contain_text("good.csv")
    _expect()(page.locator(FEATURES)).to_have_text("2")
    _expect()(page.locator('tr[data-feature="回拨"] td.ccs-category')).to_have_text(
        re.compile("^" + re.escape(category_label("O", "zh"))))
    _expect()(page.locator('tr[data-feature="问候"] td.ccs-category')).to_have_text(
        category_label("M", "zh"))
    assert_no_traceback(page)


def test_switching_to_english_leaves_no_chinese_behind(page, voila_server):
    # issue 13: once the English title shows, the table (category names, the kit's feature names),
    # cards and status are English at once
    from language_check import chinese_left, switch_to_english

    from ccskills.apps._kano_text import t

    page.goto(voila_server.render_url(NOTEBOOK), wait_until="domcontentloaded")
    _expect()(page.locator(FEATURES)).to_have_text("7")
    assert switch_to_english(page, ".ccs-kano-analyser", t("title", "en")) == []
    _expect()(page.locator('tr[data-feature="greeting"] td.ccs-category')).to_have_text(category_label("M", "en"))
    assert chinese_left(page, ".ccs-kano-analyser") == []
