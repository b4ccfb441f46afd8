"""Tier 5: the server settings the kit installs, on a real Voila in Debian's Chromium.

- A closed calculator page gives its kernel back (the installed culling settings: about a
  minute after the page closed), while an open page keeps its kernel.
- Beyond the kernel cap a page request gets the zh/en "server busy" page, HTTP 503 and
  Retry-After, and the calculator opens again once a place is free.
- A file above tornado's default 10 MiB websocket limit reaches the calculator: it answers
  with a result, and a file above the advertised 50 MiB limit with the "file too large"
  sentence; a file beyond what the server accepts at all (64 MiB) is refused in the page
  with a zh/en message. Never silence.

Every wait is on a condition (a kernel process gone, a status line changed) with a generous
upper bound; nothing here times the server.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import voila_harness as harness
from voila_harness import EXPECT_TIMEOUT_MS, PAGE_TIMEOUT_MS, after_run

from ccskills.io import MAX_UPLOAD_BYTES

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
ERLANG = "erlang_calculator.ipynb"
KANO = "kano_analyser.ipynb"
REQUIRED = ".ccs-required-agents .ccs-card-value"
FREED_WITHIN_S = 300  # installed: 60 s after the page closed + a 30 s check interval, on a busy machine


def _expect():
    from playwright.sync_api import expect

    return expect


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as err:
        return err.code


def open_erlang(context, server):
    page = context.new_page()
    page.goto(server.render_url(ERLANG), wait_until="domcontentloaded")
    _expect()(page.locator(REQUIRED)).to_have_text(re.compile(r"^\d+$"), timeout=PAGE_TIMEOUT_MS)
    return page


@pytest.fixture
def culling_server(tmp_path):
    """Voila with the installed settings only (its own server, so its kernels are ours to count)."""
    server = harness.start_voila(tmp_path / "voila.log")
    yield server
    server.stop()


def test_a_closed_page_frees_its_kernel_and_an_open_one_keeps_it(culling_server, browser):
    server = culling_server
    kept = browser.new_context(locale="zh-CN")
    kept.set_default_timeout(PAGE_TIMEOUT_MS)
    closed = browser.new_context(locale="zh-CN")
    closed.set_default_timeout(PAGE_TIMEOUT_MS)
    try:
        open_page = open_erlang(kept, server)
        closing_page = open_erlang(closed, server)
        kept_id, closed_id = harness.page_kernel_id(open_page), harness.page_kernel_id(closing_page)
        assert {kept_id, closed_id} <= set(harness.kernel_pids(server).values())

        closed.close()
        harness.wait_until(lambda: closed_id not in harness.kernel_pids(server).values(),
                           FREED_WITHIN_S, f"the closed page's kernel {closed_id} freed")
        # The process goes first; the server forgets the kernel when its shutdown completes.
        harness.wait_until(lambda: _status(f"{server.url}/api/kernels/{closed_id}") == 404,
                           FREED_WITHIN_S, f"the server to forget the closed page's kernel {closed_id}")

        # The culler has run past its timeout; the page still open keeps its kernel and answers.
        assert kept_id in harness.kernel_pids(server).values()
        calls = open_page.locator(".ccs-calls input")
        calls.fill("300")
        after_run(open_page, lambda: calls.press("Enter"), timeout=EXPECT_TIMEOUT_MS)
    finally:
        kept.close()  # the fixture's server.stop() shuts down every kernel left


@pytest.fixture
def capped_server(tmp_path):
    """Voila capped at 2 kernels, one of them a preheated Erlang calculator; pages closed are
    freed after 5 s (checked every 2 s) so that a place comes free quickly."""
    server = harness.start_voila(tmp_path / "voila.log", extra=[
        "--CappedKernelManager.max_kernels=2", "--pool_size=0",
        '--VoilaKernelManager.kernel_pools_config={"default": {"pool_size": 0}, '
        '"erlang_calculator.ipynb": {"pool_size": 1}}',
        "--CappedKernelManager.page_closed_timeout=5", "--MappingKernelManager.cull_interval=2"])
    yield server
    server.stop()


def test_beyond_the_cap_a_page_says_the_server_is_busy(capped_server, browser):
    server = capped_server
    first = browser.new_context(locale="zh-CN")
    first.set_default_timeout(PAGE_TIMEOUT_MS)
    second = browser.new_context(locale="zh-CN")
    second.set_default_timeout(PAGE_TIMEOUT_MS)
    try:
        open_erlang(first, server)  # takes the preheated kernel; its refill is the second one
        harness.wait_until(lambda: len(harness.kernel_pids(server)) >= 2, PAGE_TIMEOUT_MS / 1000,
                           "the pool refilled up to the cap of 2")
        page = second.new_page()
        response = page.goto(server.render_url(KANO), wait_until="domcontentloaded")
        assert response.status == 503
        assert response.headers.get("retry-after") == "30"
        body = page.locator("body").inner_text()
        assert "服务器繁忙" in body and "The server is busy" in body
        assert "Traceback" not in body
        assert len(harness.kernel_pids(server)) == 2  # the refusal started nothing

        first.close()  # a place comes free once the first page's kernel is freed
        harness.wait_until(lambda: _status(server.render_url(KANO)) == 200, FREED_WITHIN_S,
                           "the Kano analyser opening once a place was free")
    finally:
        second.close()
        first.close()


def _call_records(size: int) -> bytes:
    """The committed call records, repeated with fresh call ids until ``size`` bytes."""
    raw = (REPO / "datasets" / "call_records.csv").read_bytes()
    header, body = raw.split(b"\n", 1)
    rows = body.rstrip(b"\n").split(b"\n")
    out, total, copy = [header], len(header) + 1, 0
    while total < size:
        for row in rows:
            call_id, rest = row.split(b",", 1)
            line = call_id + b"-" + str(copy).encode() + b"," + rest
            out.append(line)
            total += len(line) + 1
            if total >= size:
                break
        copy += 1
    return b"\n".join(out) + b"\n"


def _upload(page, path: Path) -> None:
    page.locator(".ccs-source label", has_text="上传").click()
    _expect()(page.locator(".ccs-status")).to_contain_text("请先选择要上传的文件")
    with page.expect_file_chooser() as chooser:
        page.locator(".ccs-upload").click()
    after_run(page, lambda: chooser.value.set_files(str(path)), timeout=2 * PAGE_TIMEOUT_MS)


def _open_dashboard(page, server) -> None:
    page.goto(server.render_url("kpi_dashboard.ipynb"), wait_until="domcontentloaded")
    _expect()(page.locator(".ccs-status")).to_contain_text("日报：2026-03-31", timeout=PAGE_TIMEOUT_MS)


def test_a_20_mib_upload_reaches_the_dashboard(page, voila_server, tmp_path):
    big = tmp_path / "通话记录-20MiB.csv"
    big.write_bytes(_call_records(20 * 2**20))
    _open_dashboard(page, voila_server)
    _upload(page, big)
    # The dashboard now reads the uploaded file (its name and row count), not the sample.
    rows = format(big.read_bytes().count(b"\n") - 1, ",")
    _expect()(page.locator(".ccs-data-note")).to_contain_text(big.name)
    _expect()(page.locator(".ccs-data-note")).to_contain_text(rows)
    assert page.locator(".ccs-status .ccs-status-error").count() == 0
    assert "Traceback" not in page.locator("body").inner_text()


def test_an_upload_above_the_limit_says_so(page, voila_server, tmp_path):
    too_big = tmp_path / "通话记录-太大.csv"
    too_big.write_bytes(_call_records(MAX_UPLOAD_BYTES + 2**20))
    _open_dashboard(page, voila_server)
    _upload(page, too_big)
    error = page.locator(".ccs-status .ccs-status-error")
    _expect()(error).to_contain_text("文件太大")
    assert "Traceback" not in page.locator("body").inner_text()


def test_a_file_beyond_what_the_server_accepts_is_refused_in_the_browser(page, voila_server,
                                                                         tmp_path):
    huge = tmp_path / "通话记录-70MiB.csv"
    huge.write_bytes(_call_records(70 * 2**20))
    _open_dashboard(page, voila_server)
    page.locator(".ccs-source label", has_text="上传").click()
    _expect()(page.locator(".ccs-status")).to_contain_text("请先选择要上传的文件")
    page.on("dialog", lambda dialog: dialog.dismiss())
    with page.expect_file_chooser() as chooser:
        page.locator(".ccs-upload").click()
    with page.expect_event("dialog", timeout=EXPECT_TIMEOUT_MS) as shown:
        chooser.value.set_files(str(huge))
    message = shown.value.message
    assert "文件太大" in message and "The file is too large" in message
    _expect()(page.locator(".ccs-status")).to_contain_text("请先选择要上传的文件")  # nothing sent
    small = tmp_path / "通话记录-小.csv"  # and the page still takes a file of allowed size
    small.write_bytes(_call_records(200_000))
    with page.expect_file_chooser() as chooser:
        page.locator(".ccs-upload").click()
    after_run(page, lambda: chooser.value.set_files(str(small)), timeout=PAGE_TIMEOUT_MS)
    _expect()(page.locator(".ccs-data-note")).to_contain_text(small.name)
