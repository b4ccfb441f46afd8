"""The install surfaces agree: a lean core with ranges and extras in pyproject.toml, the tested
exact set in constraints.txt (used by every make install), the Binder environment pinned to the
same versions, a wheel that carries the course; and a core install without the extras computes,
while what needs an extra says which in one sentence."""

import re
import subprocess
import sys
import tomllib
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]
# What must never come with `pip install ccskills`: it would replace a hub's JupyterLab or weigh
# hundreds of MB a script computing staffing does not need.
NOT_CORE = {"jupyterlab", "voila", "ipywidgets", "jupyterlab-widgets", "altair", "anywidget",
            "vl-convert-python", "ipykernel", "nbval", "pytest", "playwright", "jupyterhub",
            "sqlalchemy", "psycopg", "reportlab", "notebook"}
CORE_NEEDS = {"numpy", "scipy", "pandas", "openpyxl", "statsmodels", "holidays", "ciw", "platformdirs"}
# Packages the library imports from one extra; a core install must name the extra for each.
EXTRA_MODULES = ("altair", "ipywidgets", "sqlalchemy", "reportlab", "voila", "jupyterlab", "anywidget",
                 "vl_convert")


def _constraints() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = line.split("==")
            pins[canonicalize_name(name)] = version.strip()
    return pins


def _requirements(group: str | None = None) -> list[Requirement]:
    specs = PROJECT["dependencies"] if group is None else PROJECT["optional-dependencies"][group]
    return [Requirement(spec) for spec in specs]


def test_the_core_is_the_library_only():
    names = {canonicalize_name(r.name) for r in _requirements()}
    assert names == CORE_NEEDS, f"core dependencies changed: {sorted(names ^ CORE_NEEDS)}"
    assert not names & NOT_CORE


def test_core_and_extras_use_ranges_not_exact_pins():
    for group in (None, "apps", "course", "test"):
        for req in _requirements(group):
            if req.name == "ccskills":
                continue
            assert "==" not in str(req.specifier), f"{req} pins exactly: the exact version goes in constraints.txt"
            assert req.specifier, f"{req} has no range at all"


def test_the_extras_bring_what_the_course_and_the_tests_need():
    apps = {canonicalize_name(r.name) for r in _requirements("apps")}
    assert {"voila", "ipywidgets", "jupyterlab-widgets", "altair", "anywidget", "vl-convert-python", "ipykernel",
            "sqlalchemy", "psycopg", "reportlab"} <= apps
    course = {str(r) for r in _requirements("course")}
    assert "ccskills[apps]" in course and any(r.startswith("jupyterlab") for r in course)
    test = {canonicalize_name(r.name) for r in _requirements("test")}
    assert {"pytest", "hypothesis", "mpmath", "playwright", "pypdf", "nbval", "jupyterhub"} <= test


def test_constraints_pin_every_requirement_inside_its_range():
    pins = _constraints()
    for group in (None, "apps", "course", "test"):
        for req in _requirements(group):
            name = canonicalize_name(req.name)
            if name == "ccskills":
                continue
            assert name in pins, f"constraints.txt has no pin for {req.name} ({group or 'core'})"
            assert req.specifier.contains(pins[name], prereleases=True), \
                f"constraints.txt pins {req.name}=={pins[name]}, outside pyproject's {req.specifier}"
            for extra in req.extras:  # psycopg[binary] -> psycopg-binary
                assert canonicalize_name(f"{req.name}-{extra}") in pins


def test_every_make_install_uses_the_constraints():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    installs = [line for line in makefile.splitlines() if re.search(r"pip (install|wheel)\b", line)
                and "--upgrade pip" not in line and not line.lstrip().startswith(("#", "'"))]
    assert installs
    for line in installs:
        assert "-c $(CONSTRAINTS)" in line or "$(PIP_INSTALL)" in line, line
    assert "PIP_INSTALL := $(BIN)/python -m pip install --quiet -c $(CONSTRAINTS)" in makefile
    assert 'CONSTRAINTS := constraints.txt' in makefile
    assert '$(PIP_INSTALL) -e ".[course,test]"' in makefile


def test_binder_environment_matches_the_constraints_and_leaves_the_kit_to_postbuild():
    pins = _constraints()
    env = (ROOT / "binder" / "environment.yml").read_text(encoding="utf-8")
    listed = {}
    for line in env.splitlines():
        match = re.fullmatch(r"\s*-\s*([A-Za-z0-9_.\-]+)==([^\s#]+)\s*(#.*)?", line)
        if match:
            listed[canonicalize_name(match[1])] = match[2]
    for name, version in listed.items():
        assert pins.get(name) == version, f"binder/environment.yml has {name}=={version}, constraints.txt {pins.get(name)}"
    needed = {canonicalize_name(r.name) for g in (None, "apps") for r in _requirements(g)} | {"jupyterlab"}
    assert needed <= set(listed), f"binder/environment.yml lacks {sorted(needed - set(listed))}"
    assert "-e ." not in env and "- ." not in env
    assert not (ROOT / "environment.yml").exists(), "Binder ignores a top-level environment.yml beside binder/"
    post = (ROOT / "binder" / "postBuild").read_text(encoding="utf-8")
    assert "pip install --no-deps" in post and " -e " not in post


def test_core_import_is_cheap():
    code = ("import sys, ccskills, ccskills.queueing, ccskills.kpi, ccskills.staffing, ccskills.forecasting,"
            " ccskills.scheduling, ccskills.simulation, ccskills.planning, ccskills.quality, ccskills.spc,"
            " ccskills.kano, ccskills.coaching, ccskills.people, ccskills.evaluation, ccskills.io;"
            "print(sorted(m for m in ('ipywidgets', 'altair', 'voila', 'anywidget', 'statsmodels', 'ciw') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# A core install, simulated: every package of an extra is made unimportable (None in sys.modules).
_BLOCK = f"import sys\nfor name in {EXTRA_MODULES!r}:\n    sys.modules[name] = None\n"


def test_a_core_install_computes_queueing_staffing_kpi_and_forecasts():
    code = _BLOCK + """
import numpy as np, pandas as pd
import ccskills
from ccskills import forecasting, kpi, staffing
from ccskills.datasets import load_call_records
assert 0 < ccskills.erlang_c(12, 10) < 1
assert ccskills.agents_for_service_level(40, 240, 20, 0.8) > 40
assert staffing.required_agents(300, 240, 1800) > 40
records = load_call_records()
assert 0 < kpi.service_level(records) < 1 and 0 <= kpi.abandonment_rate(records) < 1
index = pd.date_range("2026-01-05", periods=28 * 24, freq="h")
history = pd.Series(100 + 50 * np.sin(np.arange(len(index)) * 2 * np.pi / 24), index=index)
assert len(forecasting.forecast(history, "1D", method="bottom_up")) == 24
print("ok")
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr[-3000:]


@pytest.mark.parametrize("module", ["ccskills.charts", "ccskills.kpi_charts", "ccskills.wfm_charts",
                                    "ccskills.kano_charts", "ccskills.checklist_charts", "ccskills.apps",
                                    "ccskills.workbooks", "ccskills.assessment_forms.page",
                                    "ccskills.progress.store"])
def test_a_module_of_the_course_extra_says_which_extra_on_a_core_install(module):
    code = _BLOCK + f"import {module}\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode != 0
    last = out.stderr.strip().splitlines()[-1]
    assert last.startswith("ModuleNotFoundError: ccskills."), last
    assert 'pip install "ccskills[course]"' in last, last


def test_pdfs_on_a_core_install_say_which_extra():
    code = _BLOCK + "from ccskills.assessment_forms import evaluation_form_pdf\nevaluation_form_pdf()\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert 'pip install "ccskills[course]"' in out.stderr.strip().splitlines()[-1]


# ---------------------------------------------------------------- the wheel
@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(ROOT)],
                   check=True, timeout=600)
    return next(out.glob("ccskills-*.whl"))


@pytest.mark.slow
def test_the_wheel_requires_only_the_core_and_offers_the_extras(wheel):
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = Parser().parsestr(archive.read(name).decode("utf-8"))
    requires = [Requirement(r) for r in metadata.get_all("Requires-Dist")]
    core = {canonicalize_name(r.name) for r in requires if r.marker is None}
    assert core == CORE_NEEDS
    assert {"apps", "course", "test", "bench"} <= set(metadata.get_all("Provides-Extra"))
    by_extra = {canonicalize_name(r.name) for r in requires if r.marker and r.marker.evaluate({"extra": "apps"})}
    assert {"voila", "ipywidgets", "altair", "sqlalchemy"} <= by_extra


@pytest.mark.slow
def test_the_wheel_carries_the_course_the_launcher_and_the_offline_template(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    tracked = subprocess.run(["git", "ls-files", "course"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    expected = {"ccskills/_course/" + path.removeprefix("course/") for path in tracked}
    if expected:  # in a git checkout: every committed course file travels
        assert expected <= names, sorted(expected - names)[:5]
    assert {"ccskills/_course/00_guide.ipynb", "ccskills/_course/apps/erlang_calculator.ipynb",
            "ccskills/__main__.py", "ccskills/launcher/__init__.py", "ccskills/_extras.py"} <= names
    data = {n.split(".data/", 1)[1] for n in names if ".data/" in n}
    assert "data/share/jupyter/voila/templates/ccskills/conf.json" in data
    assert "data/etc/jupyter/voila.json" in data
    assert {"data/etc/jupyter/jupyter_lab_config.json", "data/share/jupyter/lab/settings/overrides.json"} <= data
    assert not any(".ipynb_checkpoints" in n for n in names)


_LAB_SETTINGS = """
import sys
from jupyter_server.serverapp import ServerApp
server = ServerApp()
server.initialize(argv=["--no-browser", "--port=0", "--allow-root"])
for extension in server.extension_manager.extensions.values():
    for point in extension.extension_points.values():
        if point.app is not None and hasattr(point.app, "news_url"):
            lab = point.app
            print(lab.news_url, lab.check_for_updates_class.__name__, lab.extension_manager)
"""


@pytest.mark.slow
def test_jupyterlab_started_with_no_flags_is_offline(tmp_path):
    """The kit's installed config (not a command-line flag) keeps any JupyterLab in this environment
    from fetching news, checking PyPI for updates or offering PyPI extensions: on a hub, under
    Binder or when a trainee types `jupyter lab` themselves."""
    env = {k: v for k, v in __import__("os").environ.items() if not k.startswith("JUPYTER")}
    env.update(HOME=str(tmp_path), JUPYTER_CONFIG_DIR=str(tmp_path / "user-config"))
    done = subprocess.run([sys.executable, "-c", _LAB_SETTINGS], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=120)
    assert done.stdout.split() == ["None", "NeverCheckForUpdate", "readonly"], done.stderr[-2000:]
