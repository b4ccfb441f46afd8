"""Tier 5: the trainer dashboard in Voila reads a real progress store and shows the class.

A JupyterLab of its own is started with ``CCSKILLS_PROGRESS_URL`` naming a SQLite store that
this test fills with a hand-built class, so the page's kernel reads exactly that class: two
trainees, three attempts, one of two first tries correct (50 %). Waits are on the page's text.
"""

from __future__ import annotations

import pytest
import voila_harness as harness
from voila_harness import assert_no_traceback

from ccskills.progress import ProgressStore

pytestmark = pytest.mark.browser


def _card(page, name: str):
    return page.locator(f".ccs-card-{name.replace('_', '-')} .ccs-card-value")


def test_the_dashboard_shows_the_class_in_the_store(page, tmp_path, monkeypatch):
    from playwright.sync_api import expect

    url = f"sqlite:///{tmp_path / 'class.sqlite3'}"
    store = ProgressStore(url)
    store.record("王芳", "ch02", "offered_load", "16", False, mistake="AHT 是分钟", track="workbook")
    store.record("王芳", "ch02", "offered_load", "16.0", True, track="workbook")
    store.record("李雷", "ch02", "offered_load", "16.0", True, track="workbook")
    monkeypatch.setenv("CCSKILLS_PROGRESS_URL", url)  # the lab server and its kernels inherit it
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    monkeypatch.delenv("CCSKILLS_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # no passcode of this machine's user
    server = harness.start_lab(tmp_path / "lab.log")
    try:
        page.goto(f"{server.url}/voila/render/trainer/dashboard.ipynb?token={server.token}",
                  wait_until="domcontentloaded")
        expect(_card(page, "started")).to_have_text("2")
        expect(_card(page, "attempts")).to_have_text("3")
        expect(_card(page, "first_try")).to_have_text("50%")
        expect(page.locator(".ccs-auto-refresh input")).to_be_checked()  # auto-refresh on by default
        expect(page.locator(".ccs-access-note")).to_contain_text("ccskills class set-passcode")
        page.locator(".ccs-roster textarea").fill("王芳\n李雷\n张伟")
        page.locator(".ccs-roster textarea").blur()
        expect(page.locator(".ccs-table-not-started")).to_contain_text("张伟")
        assert_no_traceback(page)
        page.locator(".ccs-language button", has_text="English").click()
        expect(page.locator(".ccs-refresh")).to_contain_text("Refresh")
        assert_no_traceback(page)
    finally:
        server.stop()
