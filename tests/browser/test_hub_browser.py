"""Tier 5 on a real JupyterHub: a class of two on a throwaway hub (tests/hub_server.py).

- Each user's server (started from the user's home, the course copied into it) gets the
  hub's environment, and its token reads the user's own admin flag and groups from the hub
  (what the trainer role is built on), not other users'.
- Two users log in through the hub's form, each opens the guide in JupyterLab under
  /user/<name>/, runs its links cell and follows the links to a calculator and a workbook:
  each renders with the kit's offline template (first chart / first question shown), and no
  request leaves the machine.
- Stopping the hub leaves no process behind (the fixture checks it).

Every wait is on a condition with a generous upper bound; nothing here times the hub.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import voila_harness as harness
from voila_harness import PAGE_TIMEOUT_MS, assert_no_traceback

from ccskills.exercises import no_code_set

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: hub_server

from hub_server import _cmdline, descendants, running_hub  # noqa: E402

pytestmark = pytest.mark.browser

USERS = ["ann", "bob"]
CALCULATOR, WORKBOOK = "apps/erlang_calculator.ipynb", "workbooks/ch02.ipynb"
CHART = ".ccs-chart canvas, .ccs-chart svg.marks"
LINKS_CELL = "course_links()"


def _expect():
    from playwright.sync_api import expect

    return expect


class Guarded:
    """A browser context (one user's cookies) whose off-machine requests are aborted and recorded."""

    def __init__(self, browser):
        self.off_machine: list[str] = []
        self.context = browser.new_context(viewport={"width": 1300, "height": 1000}, locale="zh-CN")
        self.context.set_default_timeout(PAGE_TIMEOUT_MS)
        self.context.route("**/*", self._guard)
        self.context.on("page", self._watch)

    def _guard(self, route):
        url = route.request.url
        if harness.is_local(url):
            route.continue_()
        else:
            self.off_machine.append(url)
            route.abort()

    def _watch(self, page):
        page.on("websocket", lambda ws: None if harness.is_local(ws.url) else self.off_machine.append(ws.url))
        page.on("request", lambda r: None if harness.is_local(r.url) else self.off_machine.append(r.url))

    def close(self) -> list[str]:
        self.context.close()
        return sorted(set(self.off_machine))


def open_guide_links(page, guide_url: str):
    """Open the guide in JupyterLab at ``guide_url`` and run its links cell; the cell's links."""
    page.goto(guide_url, wait_until="domcontentloaded")
    cell = page.locator(".jp-CodeCell", has_text=LINKS_CELL).first
    cell.wait_for(state="visible")
    # A cell run before the notebook's kernel is connected is dropped without a word: wait
    # for the status bar to read "<kernel> | Idle", then run it, and again if it did not start.
    page.locator(".jp-StatusBar-TextItem", has_text=re.compile(r"\| Idle$")).first.wait_for()
    prompt = cell.locator(".jp-InputPrompt")
    for _ in range(3):
        cell.locator(".jp-InputArea-editor").click()
        page.keyboard.press("Shift+Enter")
        try:
            _expect()(prompt).not_to_have_text(re.compile(r"\[ \]"), timeout=30_000)
            break
        except AssertionError:
            continue
    links = cell.locator(".jp-OutputArea-output a")  # (JupyterLab's sanitizer drops the class)
    links.first.wait_for(state="visible")
    return links


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    """A hub with ann (group trainers) and bob (admin); no progress store."""
    with running_hub(tmp_path_factory.mktemp("hub"), users=USERS, admins=["bob"],
                     groups={"trainers": ["ann"]}, env={"CCSKILLS_PROGRESS": "off"}) as running:
        yield running


def test_user_server_gets_hub_environment_and_reads_own_groups(hub):
    for user in USERS:
        hub.start_server(user)
        env = hub.server_env(user)
        assert env["JUPYTERHUB_USER"] == user
        assert env["JUPYTERHUB_SERVICE_PREFIX"] == f"/user/{user}/"
        assert env["JUPYTERHUB_API_URL"].startswith("http://127.0.0.1:")
        assert env["HOME"] == str(hub.home(user))
        assert env["CCSKILLS_PROGRESS"] == "off"
        token = env["JUPYTERHUB_API_TOKEN"]
        status, me = hub.api("GET", "/user", token=token)
        assert status == 200 and me["name"] == user
        assert me["admin"] is (user == "bob")
        assert me["groups"] == (["trainers"] if user == "ann" else [])
        other = next(name for name in USERS if name != user)
        assert hub.api("GET", f"/users/{other}", token=token)[0] == 404


def follow(page, links, target: str):
    """Click the guide's link to ``target``; the page it opened in a new tab."""
    link = links.filter(has_text=target)
    with page.context.expect_page() as opened:
        link.click()
    return opened.value


def test_two_users_follow_the_guide_to_a_calculator_and_a_workbook(hub, browser):
    sessions = {user: Guarded(browser) for user in USERS}
    try:
        for user, session in sessions.items():
            page = session.context.new_page()
            hub.login(page, user)
            links = open_guide_links(page, hub.lab_url(user, "00_guide.ipynb"))
            prefix = f"/user/{user}/voila/render/course/"
            assert links.filter(has_text=CALCULATOR).get_attribute("href") == prefix + CALCULATOR

            calculator = follow(page, links, CALCULATOR)
            calculator.locator(CHART).first.wait_for(state="visible")
            assert calculator.url == hub.url + prefix + CALCULATOR
            _expect()(calculator.locator(".ccs-required-agents .ccs-card-value")).to_have_text(
                re.compile(r"^\d+$"))
            assert "--ccs-font-family" in calculator.content()  # the kit's offline template
            assert_no_traceback(calculator)
            kernels = [pid for pid in descendants(hub.server_pid(user)) if "ipykernel" in _cmdline(pid)]
            assert kernels  # the guide's and the calculator's: they inherit the hub's environment
            for pid in kernels:
                env = Path(f"/proc/{pid}/environ").read_bytes()
                assert f"JUPYTERHUB_USER={user}\0".encode() in env and b"JUPYTERHUB_API_TOKEN=" in env

            workbook = follow(page, links, WORKBOOK)
            first = no_code_set("ch02").questions[0]
            workbook.locator(f".ccs-q-{first.id.replace('_', '-')} .ccs-check-button").wait_for(
                state="visible")
            assert workbook.url == hub.url + prefix + WORKBOOK
            assert "--ccs-font-family" in workbook.content()
            assert_no_traceback(workbook)
    finally:
        off = {user: session.close() for user, session in sessions.items()}
    assert not any(off.values()), f"requests left the machine: {off}"


def test_guide_links_under_make_start(page, lab_server):
    """JupyterLab at the root serving course/ (make start): the same cell links /voila/render/apps/…."""
    links = open_guide_links(page, f"{lab_server.url}/lab/tree/00_guide.ipynb?token={lab_server.token}")
    assert links.filter(has_text=CALCULATOR).get_attribute("href") == "/voila/render/" + CALCULATOR
    calculator = follow(page, links, CALCULATOR)
    calculator.locator(CHART).first.wait_for(state="visible")
    assert calculator.url.startswith(f"{lab_server.url}/voila/render/{CALCULATOR}")


def test_a_missing_proxy_fails_with_how_to_install(monkeypatch, tmp_path):
    """No configurable-http-proxy: the hub tests fail (never skip) saying how to install it."""
    import hub_server

    monkeypatch.setattr(hub_server, "find_proxy", lambda: None)
    with pytest.raises(pytest.fail.Exception, match="make chp"):
        with running_hub(tmp_path):
            pass
