"""Tier 5: "Render with Voilà" in a real JupyterLab leaves the tracked calculator notebook byte for byte
as it was (issue 13).

Lab serves a copy of ``course/apps/erlang_calculator.ipynb`` (its own workspace, settings and an
in-memory trust database, so nothing of the user's is touched and the trust dialog always shows).
Opening the notebook starts its kernel, and Lab writes the kernel's ``language_info`` into the model
(the tab turns dirty); Render with Voilà saves the notebook and shows the calculator beside it. Before
the kit's save hook the file came back with the machine's Python version in it; now the save happens
(the file is written again) and its bytes are the repository's. Only the installed settings apply:
no flag names the hook.
"""

from __future__ import annotations

import re
import secrets
import shutil

import pytest
import voila_harness as harness
from voila_harness import EXPECT_TIMEOUT_MS, PAGE_TIMEOUT_MS

pytestmark = pytest.mark.browser

NOTEBOOK = harness.APPS / "erlang_calculator.ipynb"


@pytest.fixture
def lab_on_a_copy(tmp_path):
    """JupyterLab (installed settings) serving tmp_path, which holds apps/<a copy of the notebook>."""
    (tmp_path / "apps").mkdir()
    shutil.copyfile(NOTEBOOK, tmp_path / "apps" / NOTEBOOK.name)
    port, token = harness.free_port(), secrets.token_hex(16)
    command = [arg if not arg.startswith("--ServerApp.root_dir=") else f"--ServerApp.root_dir={tmp_path}"
               for arg in harness._lab_command(port, token)]
    command += [f"--LabApp.workspaces_dir={tmp_path / 'workspaces'}",
                f"--LabApp.user_settings_dir={tmp_path / 'settings'}", "--NotebookNotary.db_file=:memory:"]
    server = harness._started(command, port, tmp_path / "lab.log", harness.SERVER_START_S,
                              prefix="apps/", token=token)
    yield server, tmp_path / "apps" / NOTEBOOK.name
    server.stop()


def test_render_with_voila_leaves_the_notebook_unchanged(page, lab_on_a_copy):
    from playwright.sync_api import expect

    server, copy = lab_on_a_copy
    written = copy.stat().st_mtime_ns
    page.goto(f"{server.url}/lab/tree/apps/{NOTEBOOK.name}?token={server.token}", wait_until="domcontentloaded")
    # The kernel has started and Lab has put its language_info into the notebook: the tab is dirty.
    page.locator(".jp-mod-dirty").first.wait_for(timeout=PAGE_TIMEOUT_MS)
    page.locator('[title="Render with Voilà"]').first.click()
    page.get_by_role("button", name="Render anyway").click()  # an untrusted notebook: Lab asks first
    calculator = page.frame_locator("iframe").first
    expect(calculator.locator(".ccs-required-agents .ccs-card-value")).to_have_text(
        re.compile(r"^\d+$"), timeout=PAGE_TIMEOUT_MS)
    harness.wait_until(lambda: copy.stat().st_mtime_ns != written, EXPECT_TIMEOUT_MS / 1000,
                       "Render with Voilà saving the notebook")
    expect(page.locator(".jp-mod-dirty")).to_have_count(0, timeout=EXPECT_TIMEOUT_MS)
    assert copy.read_bytes() == NOTEBOOK.read_bytes()
