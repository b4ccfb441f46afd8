"""Fixtures for the browser tier: Voila on 127.0.0.1, Debian's Chromium, an offline guard.

Every request a page makes is routed through :func:`_guard`: loopback requests go on,
anything else is aborted and recorded, and the test fails if the record is not empty.
"""

from __future__ import annotations

import pytest

import voila_harness as harness

OPEN_TIMEOUT_MS = harness.PAGE_TIMEOUT_MS  # a cold Voila page (new kernel, imports) on a busy machine


@pytest.fixture(scope="session", autouse=True)
def throwaway_scenario_store(tmp_path_factory):
    """Scenarios saved by any page in this run go to a throwaway store, never the user's own.

    Autouse and session-wide, so it is set before the first server starts: Voila and JupyterLab
    pass the variable on to every kernel. A store the run was given already is kept.
    """
    import os

    if "CCSKILLS_SCENARIOS" in os.environ:
        yield os.environ["CCSKILLS_SCENARIOS"]
        return
    os.environ["CCSKILLS_SCENARIOS"] = str(tmp_path_factory.mktemp("scenarios") / "scenarios.json")
    try:
        yield os.environ["CCSKILLS_SCENARIOS"]
    finally:
        os.environ.pop("CCSKILLS_SCENARIOS", None)


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    """Chromium's path; the browser tier FAILS (not skips) with how to install it."""
    path = harness.find_chromium()
    if path is None:
        pytest.fail(harness.MISSING_CHROMIUM, pytrace=False)
    return path


@pytest.fixture(scope="session")
def voila_server(tmp_path_factory):
    """``voila course/apps --template=ccskills`` on a free port of 127.0.0.1."""
    log = tmp_path_factory.mktemp("voila") / "voila.log"
    server = harness.start_voila(log)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory):
    """JupyterLab as ``make start`` runs it, with Voila inside, on a free port of 127.0.0.1."""
    log = tmp_path_factory.mktemp("lab") / "lab.log"
    server = harness.start_lab(log)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser(chromium_executable):
    """One headless Chromium for the session, driven by Playwright's sync API."""
    from playwright.sync_api import expect, sync_playwright

    # Playwright's assertions wait 5 s by default, whatever the context's timeout: too short
    # for a page whose kernel shares two cores with other jobs. Wait on the condition longer.
    expect.set_options(timeout=harness.EXPECT_TIMEOUT_MS)
    with sync_playwright() as playwright:
        chromium = harness.launch_chromium(playwright, chromium_executable)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page whose every off-machine request is blocked and makes the test fail."""
    context = browser.new_context(viewport={"width": 1300, "height": 1000}, locale="zh-CN")
    context.set_default_timeout(OPEN_TIMEOUT_MS)
    off_machine: list[str] = []

    def _guard(route):
        url = route.request.url
        if harness.is_local(url):
            route.continue_()
        else:
            off_machine.append(url)
            route.abort()

    context.route("**/*", _guard)
    page = context.new_page()
    page.on("websocket", lambda ws: None if harness.is_local(ws.url) else off_machine.append(ws.url))
    page.on("request", lambda r: None if harness.is_local(r.url) else off_machine.append(r.url))
    yield page
    context.close()
    assert not off_machine, f"requests left the machine: {sorted(set(off_machine))}"
