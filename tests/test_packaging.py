"""The install surfaces agree: pyproject.toml and environment.yml pin the same Jupyter set,
and the core import stays cheap (no widgets, charts or Voila)."""

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PINNED = ("jupyterlab", "ipywidgets", "jupyterlab_widgets", "voila", "altair", "anywidget",
          "vl-convert-python", "nbval")


def _requirements():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    return {re.split(r"[<>=!~ ]", d, maxsplit=1)[0].lower(): d for d in deps}


def test_jupyter_set_is_pinned_exactly_in_pyproject():
    reqs = _requirements()
    for name in PINNED:
        assert "==" in reqs[name], f"{name} must be pinned with == in pyproject.toml, got {reqs[name]!r}"


def test_environment_yml_has_the_same_dependencies():
    env = (ROOT / "environment.yml").read_text()
    lines = {re.sub(r"^- ", "", ln.strip()).strip() for ln in env.splitlines()}
    for spec in _requirements().values():
        assert spec in lines, f"environment.yml lacks {spec!r} (pyproject.toml has it)"
    assert "-e ." in lines, "environment.yml must install the kit from the repository"


def test_core_import_is_cheap():
    code = ("import sys, ccskills, ccskills.queueing, ccskills.kpi, ccskills.staffing, ccskills.forecasting,"
            " ccskills.scheduling, ccskills.simulation, ccskills.planning, ccskills.quality, ccskills.spc,"
            " ccskills.kano, ccskills.coaching, ccskills.people, ccskills.evaluation, ccskills.io;"
            "print(sorted(m for m in ('ipywidgets', 'altair', 'voila', 'anywidget', 'statsmodels', 'ciw') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
