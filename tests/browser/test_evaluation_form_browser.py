"""Tier 5: the course evaluation page (course/workbooks/evaluation.ipynb) in Voila, in Debian's Chromium.

A trainee ticks a rating per statement the way a form is filled in, presses 提交 and waits for
the page's answer (on its text, never on time): first the unrated statements are named, then the
thanks; the language switch relabels the page; no code or traceback is visible.
"""

from __future__ import annotations

import re

import pytest
from voila_harness import assert_no_traceback

from ccskills.assessment_forms import EVALUATION_ITEMS

pytestmark = pytest.mark.browser

CODE = re.compile(r"Traceback|build_evaluation_form|ccskills|import |[a-z]+_[a-z_]+\b")


def test_evaluation_page_is_filled_in_and_submitted(page, lab_server):
    from playwright.sync_api import expect

    query = f"?token={lab_server.token}" if lab_server.token else ""
    page.goto(f"{lab_server.url}/voila/render/workbooks/evaluation.ipynb{query}", wait_until="domcontentloaded")
    submit = page.locator(".ccs-submit-button")
    submit.wait_for(state="visible")
    assert_no_traceback(page)
    assert not CODE.search(page.locator(".ccs-evaluation").inner_text())
    expect(page.locator(".ccs-rating")).to_have_count(len(EVALUATION_ITEMS))

    for item in EVALUATION_ITEMS[:-1]:
        page.locator(f".ccs-item-{item.id.replace('_', '-')}").get_by_label("4 同意", exact=True).check()
    submit.click()
    expect(page.locator(".ccs-status")).to_contain_text(f"还有 1 项没有打分：{len(EVALUATION_ITEMS)}")

    last = page.locator(f".ccs-item-{EVALUATION_ITEMS[-1].id.replace('_', '-')}")
    last.get_by_label("5 非常同意", exact=True).check()
    page.locator(".ccs-comment-improve textarea").fill("练习时间再长一点")
    submit.click()
    expect(page.locator(".ccs-status")).to_contain_text("已提交")

    page.locator(".ccs-language button", has_text="English").click()
    expect(submit).to_have_text("Submit")
    expect(last).to_contain_text(EVALUATION_ITEMS[-1].en)
    assert_no_traceback(page)
