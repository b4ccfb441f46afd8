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

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: hub_server

from hub_server import running_hub  # noqa: E402

pytestmark = pytest.mark.browser

USERS = ["ann", "bob"]


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
