"""Tier 5: a class's answers flow from a trainee's workbook to the trainer's dashboard, live.

On one machine (JupyterLab with Voila, as ``make start`` runs it) with a real temporary SQLite
store, recording on (``CCSKILLS_PROGRESS=on``) and the dashboard refreshing every 2 s
(``CCSKILLS_DASHBOARD_REFRESH_S``): the dashboard asks for the trainer passcode and refuses a
wrong one; with the right one it shows the (empty) class; a trainee sets a name and answers a
question in the ch02 workbook in another page; the dashboard, untouched, shows the answer at a
later refresh; and 我的进度 shows the trainee's own answer.

On a real JupyterHub (tests/hub_server.py): the trainer role comes from the hub. Tokens made
through the hub's REST API with JupyterHub 5's default server-token scopes (role "server") show
a trainee refused, a member of the group "trainers" and an admin let in: the hub tells such a
token its own user's ``admin`` and ``groups``. Then in the browser, each user's
own server: a trainee answers in a workbook, the group member's dashboard shows it, the
trainee's dashboard refuses with a pointer to 我的进度, where the trainee's answer is.

Every wait is on a condition with a generous upper bound; no fixed sleep.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import voila_harness as harness
from voila_harness import PAGE_TIMEOUT_MS, assert_no_traceback

from ccskills.exercises import no_code_set
from ccskills.progress._config import passcode_hash

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: hub_server

from hub_server import running_hub  # noqa: E402

pytestmark = pytest.mark.browser

PASSCODE = "课堂-2026"
QUESTION = "offered_load"
LOAD = next(q for q in no_code_set("ch02").questions if q.id == QUESTION)
RIGHT = LOAD.answer_text("zh").split()[0]


def _expect():
    from playwright.sync_api import expect

    return expect


def _card(page, name: str):
    return page.locator(f".ccs-card-{name.replace('_', '-')} .ccs-card-value")


def _runs(page) -> int:
    return int(page.locator(".ccs-status [data-run]").get_attribute("data-run"))


def _answer_in_workbook(page, name: str | None) -> None:
    """In an open ch02 workbook: set the name if the page asks for it, answer offered load right."""
    question = page.locator(f".ccs-q-{QUESTION.replace('_', '-')}")
    question.locator(".ccs-check-button").wait_for(state="visible")
    if name is not None:
        row = page.locator(".ccs-name-row")
        row.locator("input").fill(name)
        row.locator("button").click()
        _expect()(page.locator(".ccs-progress-notice")).to_contain_text(name)
    question.locator(".ccs-answer input").fill(RIGHT)
    question.locator(".ccs-check-button").click()
    _expect()(question.locator(".ccs-verdict")).to_contain_text("✓")


def _render(server, notebook: str) -> str:
    """Voila's URL of ``course/<notebook>`` on the JupyterLab server (which serves course/)."""
    return f"{server.url}/voila/render/{notebook}?token={server.token}"


def _class_env(monkeypatch, tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'class.sqlite3'}"
    monkeypatch.setenv("CCSKILLS_PROGRESS", "on")           # this server's kernels record
    monkeypatch.setenv("CCSKILLS_PROGRESS_URL", url)
    monkeypatch.setenv("CCSKILLS_DASHBOARD_REFRESH_S", "2")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # no name set, no class file of this machine
    for name in ("JUPYTERHUB_USER", "CCSKILLS_TRAINERS"):
        monkeypatch.delenv(name, raising=False)
    return url


def test_a_trainees_answer_reaches_the_passcoded_dashboard_and_my_progress(page, tmp_path, monkeypatch):
    expect = _expect()
    _class_env(monkeypatch, tmp_path)
    config = tmp_path / "class.toml"
    config.write_text(f'[class]\ntrainer_passcode = "{passcode_hash(PASSCODE, iterations=200_000)}"\n',
                      encoding="utf-8")
    monkeypatch.setenv("CCSKILLS_CONFIG", str(config))
    server = harness.start_lab(tmp_path / "lab.log")
    try:
        trainer = page
        trainer.goto(_render(server, "trainer/dashboard.ipynb"),
                     wait_until="domcontentloaded")
        expect(trainer.locator(".ccs-status")).to_contain_text("请输入讲师口令")
        trainer.locator(".ccs-passcode input").fill("课堂-2025")
        trainer.locator(".ccs-passcode-enter").click()
        expect(trainer.locator(".ccs-passcode-said")).to_contain_text("口令不对")
        expect(_card(trainer, "started")).to_be_hidden()
        assert "王芳" not in trainer.locator("body").inner_text()
        trainer.locator(".ccs-passcode input").fill(PASSCODE)
        trainer.locator(".ccs-passcode-enter").click()
        expect(trainer.locator(".ccs-message-box")).to_contain_text("还没有学员提交答案")
        expect(trainer.locator(".ccs-auto-refresh input")).to_be_checked()
        expect(trainer.locator(".ccs-auto-refresh")).to_contain_text("每 2 秒自动刷新")
        ticks = _runs(trainer)
        trainer.wait_for_function(  # the kernel's timer redraws the page with nobody touching it
            "n => Number(document.querySelector('.ccs-status [data-run]')?.dataset.run) > n + 1", arg=ticks)

        trainee = trainer.context.new_page()
        trainee.goto(_render(server, "workbooks/ch02.ipynb"),
                     wait_until="domcontentloaded")
        _answer_in_workbook(trainee, "王芳")
        assert_no_traceback(trainee)

        expect(_card(trainer, "started")).to_have_text("1")  # shown by a later refresh, no click
        expect(_card(trainer, "first_try")).to_have_text("100%")
        expect(trainer.locator(".ccs-table-completion")).to_contain_text("王芳")
        expect(trainer.locator(".ccs-table-questions")).to_contain_text(QUESTION)
        assert_no_traceback(trainer)

        trainee.goto(_render(server, "workbooks/my_progress.ipynb"),
                     wait_until="domcontentloaded")
        expect(trainee.locator(".ccs-who")).to_contain_text("王芳")
        sets = trainee.locator(".ccs-table-my-sets")
        expect(sets.locator("tr", has_text="第 02 章")).to_contain_text(f"1 / {len(no_code_set('ch02').questions)}")
        expect(_card(trainee, "first_try")).to_have_text("100%")
        assert_no_traceback(trainee)
    finally:
        server.stop()


# ---------------------------------------------------------------- on a real JupyterHub
DEFAULT_SERVER_SCOPES = ["users:activity!user", "access:servers!server"]  # JupyterHub 5's role "server"


def _token(hub, user: str, scopes: list[str]) -> str:
    status, answer = hub.api("POST", f"/users/{user}/tokens", {"scopes": scopes, "note": "ccskills test"})
    assert status == 201, f"token for {user}: {status} {answer}"
    return answer["token"]


def test_hub_roles_from_the_real_hub(tmp_path):
    from ccskills.class_report.access import clear_hub_cache, trainer_access
    from ccskills.progress._config import load_config

    config = load_config({}, paths=[])
    with running_hub(tmp_path, users=["ann", "liwei", "boss"], admins=["boss"],
                     groups={"trainers": ["liwei"]}) as hub:
        def access(user, scopes):
            clear_hub_cache()
            environ = {"JUPYTERHUB_USER": user, "JUPYTERHUB_API_URL": f"{hub.url}/hub/api",
                       "JUPYTERHUB_API_TOKEN": _token(hub, user, scopes)}
            return trainer_access(environ, config=config)

        ann = access("ann", DEFAULT_SERVER_SCOPES)
        assert (ann.is_trainer, ann.reason) == (False, "hub_trainee")
        assert access("liwei", DEFAULT_SERVER_SCOPES).reason == "hub_group"
        assert access("boss", DEFAULT_SERVER_SCOPES).reason == "hub_admin"
    clear_hub_cache()


class _Browser:
    """One user's browser context; off-machine requests aborted and recorded."""

    def __init__(self, browser):
        self.off_machine: list[str] = []
        self.context = browser.new_context(viewport={"width": 1300, "height": 1000}, locale="zh-CN")
        self.context.set_default_timeout(PAGE_TIMEOUT_MS)
        self.context.route("**/*", self._guard)
        self.page = self.context.new_page()

    def _guard(self, route):
        if harness.is_local(route.request.url):
            route.continue_()
        else:
            self.off_machine.append(route.request.url)
            route.abort()

    def close(self) -> list[str]:
        self.context.close()
        return sorted(set(self.off_machine))


def test_on_a_hub_the_group_trainer_sees_a_trainees_answer_and_the_trainee_is_refused(browser, tmp_path):
    expect = _expect()
    url = f"sqlite:///{tmp_path / 'class.sqlite3'}"
    env = {"CCSKILLS_PROGRESS": "on", "CCSKILLS_PROGRESS_URL": url, "CCSKILLS_DASHBOARD_REFRESH_S": "2"}
    with running_hub(tmp_path, users=["ann", "liwei"], groups={"trainers": ["liwei"]}, env=env) as hub:
        for user in ("ann", "liwei"):
            hub.start_server(user)
        trainer, trainee = _Browser(browser), _Browser(browser)
        try:
            board = hub.voila_url("liwei", "trainer/dashboard.ipynb")
            hub.login(trainer.page, "liwei", board)
            trainer.page.goto(board, wait_until="domcontentloaded")
            expect(trainer.page.locator(".ccs-message-box")).to_contain_text("还没有学员提交答案")

            hub.login(trainee.page, "ann", hub.voila_url("ann", "workbooks/ch02.ipynb"))
            trainee.page.goto(hub.voila_url("ann", "workbooks/ch02.ipynb"), wait_until="domcontentloaded")
            _answer_in_workbook(trainee.page, None)  # on a hub the name is the login

            expect(_card(trainer.page, "started")).to_have_text("1")  # by the dashboard's own refresh
            expect(trainer.page.locator(".ccs-table-completion")).to_contain_text("ann")

            trainee.page.goto(hub.voila_url("ann", "trainer/dashboard.ipynb"), wait_until="domcontentloaded")
            expect(trainee.page.locator(".ccs-status")).to_contain_text("只有讲师可以查看全班进度")
            expect(_card(trainee.page, "started")).to_be_hidden()
            trainee.page.locator(".ccs-my-progress-link").click()
            expect(trainee.page.locator(".ccs-who")).to_contain_text("ann")
            expect(trainee.page.locator(".ccs-table-my-sets")).to_contain_text("1 / ")
            assert_no_traceback(trainee.page)
        finally:
            left = trainer.close() + trainee.close()
        assert not left, f"requests left the machine: {left}"
