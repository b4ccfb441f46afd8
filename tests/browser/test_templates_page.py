"""Tier 5: the management templates page in Voila, in Debian's Chromium, with no request off the machine.

Opens course/apps/management_templates.ipynb through Voila, reads the table, switches to English and
back, makes one Word file and the .zip of the blank templates, and downloads both through
Playwright's download API: the Word file opens with python-docx, the .zip holds every blank
template under the catalogue's file names (spelled out here: part folder, id, 模板, extension) and
each member opens with python-docx or openpyxl. Every wait is on a condition (the status line's
``data-run`` counter, a link appearing), never a fixed sleep.
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from voila_harness import after_run, assert_no_traceback
from language_check import chinese_left

from ccskills.management import catalogue

pytestmark = pytest.mark.browser

NOTEBOOK = "management_templates.ipynb"
ROOT = ".ccs-templates-page"


def _expect():
    from playwright.sync_api import expect

    return expect


def open_page(page, server) -> int:
    """Open the page; return how many templates the catalogue has (the page says it when ready)."""
    count = len(catalogue.catalogue())
    page.goto(server.render_url(NOTEBOOK), wait_until="domcontentloaded")
    _expect()(page.locator(".ccs-status")).to_contain_text(f"共 {count} 个模板")
    return count


def _open_member(name: str, payload: bytes):
    import docx
    import openpyxl

    if name.endswith(".docx"):
        return docx.Document(io.BytesIO(payload))
    return openpyxl.load_workbook(io.BytesIO(payload))


def test_the_table_lists_every_template_and_english_leaves_no_chinese(page, voila_server):
    count = open_page(page, voila_server)
    templates = catalogue.catalogue()
    _expect()(page.locator(f"{ROOT} .ccs-template-title")).to_have_count(count)
    _expect()(page.locator(f"{ROOT} .ccs-template-title").first).to_have_text(templates[0].title_zh)
    _expect()(page.locator(f"{ROOT} .ccs-part-processes")).to_have_text(
        f"流程（{sum(t.part == 'processes' for t in templates)}）")
    page.locator(f"{ROOT} .ccs-language button", has_text="English").click()
    _expect()(page.locator(f"{ROOT} h2")).to_have_text("Management templates")
    assert chinese_left(page, ROOT) == []
    _expect()(page.locator(f"{ROOT} .ccs-template-title").first).to_have_text(templates[0].title_en)
    _expect()(page.locator(".ccs-status")).to_contain_text(f"{count} templates.")
    page.locator(f"{ROOT} .ccs-language button", has_text="中文").click()
    _expect()(page.locator(f"{ROOT} h2")).to_have_text("管理模板")
    assert_no_traceback(page)


def test_one_word_file_and_the_zip_download_and_open(page, voila_server):
    open_page(page, voila_server)
    # one Word file, the worked example (the default version)
    after_run(page, page.locator(f"{ROOT} .ccs-build-rule-attendance").click)
    _expect()(page.locator(".ccs-status")).to_contain_text("已生成“考勤管理制度”")
    link = page.locator(f"{ROOT} .ccs-links-rule-attendance a.ccs-download-link")
    _expect()(link).to_have_count(1)
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename == "rule_attendance_示例.docx"
    document = _open_member(download.suggested_filename, open(download.path(), "rb").read())
    assert any("考勤管理制度" in p.text for p in document.paragraphs)
    # the .zip of every blank template
    page.locator(f"{ROOT} .ccs-version button", has_text="空白模板").click()
    after_run(page, page.locator(f"{ROOT} .ccs-zip-build").click)
    _expect()(page.locator(".ccs-status")).to_contain_text("的压缩包")
    zipped = page.locator(f"{ROOT} .ccs-zip-link a.ccs-download-link")
    _expect()(zipped).to_have_count(1)
    with page.expect_download() as download_info:
        zipped.click()
    download = download_info.value
    assert download.suggested_filename == "管理模板_空白模板.zip"
    archive = zipfile.ZipFile(download.path())
    expected = {f"{t.part}/{t.id}_模板.{t.kind}" for t in catalogue.catalogue()}
    assert set(archive.namelist()) == expected | {"README.md"}
    for name in sorted(expected):
        _open_member(name, archive.read(name))
    assert re.search(rf"{len(expected)} 个文件", page.locator(".ccs-status").inner_text())
    for control in (".ccs-zip-build", ".ccs-build-rule-attendance"):
        _expect()(page.locator(f"{ROOT} {control}")).to_be_enabled()
    assert_no_traceback(page)
