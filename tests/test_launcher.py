"""``python -m ccskills start|apps``: the command lines it builds, the course copy it makes outside
a checkout (never overwriting a trainee's file), and one real Voila launch on a free port."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

import ccskills.__main__ as entry
from ccskills import launcher
from ccskills.launcher import (GUIDE, copy_course, course_folder, lab_arguments, shipped_course,
                               voila_arguments)

ROOT = Path(__file__).resolve().parents[1]
COURSE = ROOT / "course"


def _fake_course(folder: Path) -> Path:
    (folder / "apps").mkdir(parents=True)
    (folder / GUIDE).write_text("guide v1", encoding="utf-8")
    (folder / "apps" / "erlang_calculator.ipynb").write_text("calc", encoding="utf-8")
    (folder / "02_service_metrics").mkdir()
    (folder / "02_service_metrics" / "exercises.ipynb").write_text("ex v1", encoding="utf-8")
    (folder / ".ipynb_checkpoints").mkdir()
    (folder / ".ipynb_checkpoints" / "00_guide-checkpoint.ipynb").write_text("old", encoding="utf-8")
    return folder


# ---------------------------------------------------------------- dispatch
def test_start_and_apps_go_to_the_launcher_everything_else_to_the_cli(monkeypatch, capsys):
    seen = []
    monkeypatch.setattr(launcher, "main", lambda argv: seen.append(argv) or 0)
    assert entry.main(["apps", "--port", "9000"]) == 0
    assert entry.main(["start"]) == 0
    assert seen == [["apps", "--port", "9000"], ["start"]]
    status = entry.main(["staff", "--calls", "300", "--interval", "30min", "--aht", "240", "--target", "80/20",
                         "--lang", "en"])
    assert status == 0 and capsys.readouterr().out.strip()


def test_python_dash_m_ccskills_runs_the_cli():
    out = subprocess.run([sys.executable, "-m", "ccskills", "staff", "--calls", "300", "--interval", "30min",
                          "--aht", "240", "--target", "80/20", "--lang", "en"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip()


# ---------------------------------------------------------------- command lines
def test_lab_arguments_are_what_make_start_ran(tmp_path):
    course = tmp_path / "课程 folder"
    args = lab_arguments(course, port=8123, as_root=False)
    assert args[:3] == [sys.executable, "-m", "jupyterlab"]
    assert "--ip=127.0.0.1" in args and "--port=8123" in args
    assert f"--ServerApp.root_dir={course}" in args  # one argument, spaces and all: no shell
    assert "--LabApp.default_url=/lab/tree/00_guide.ipynb" in args
    assert "--VoilaConfiguration.template=ccskills" in args
    assert "--allow-root" not in args and "--no-browser" not in args
    assert "--allow-root" in lab_arguments(course, as_root=True)
    assert "--no-browser" in lab_arguments(course, open_browser=False, as_root=False)


def test_voila_arguments_are_what_make_apps_ran():
    args = voila_arguments(COURSE, port=8124)
    assert args[:4] == [sys.executable, "-m", "voila", str(COURSE / "apps")]
    assert {"--Voila.ip=127.0.0.1", "--port=8124", "--no-browser", "--template=ccskills"} <= set(args)
    assert not any("kernel_pools_config" in a for a in args)


def test_a_warm_class_keeps_n_kernels_of_one_calculator_ready():
    args = voila_arguments(COURSE, warm="erlang_calculator.ipynb", class_size=30)
    pools = next(a for a in args if a.startswith("--VoilaKernelManager.kernel_pools_config="))
    config = json.loads(pools.split("=", 1)[1])
    assert config == {"default": {"pool_size": 1}, "erlang_calculator.ipynb": {"pool_size": 30}}
    assert "--VoilaKernelManager.fill_delay=60" in args


def test_a_warm_notebook_that_is_not_a_calculator_is_named_with_the_choices():
    with pytest.raises(ValueError, match=r"warm must name a calculator .*erlang_calculator\.ipynb.*got 'nope"):
        voila_arguments(COURSE, warm="nope.ipynb")
    with pytest.raises(ValueError, match="class_size must be at least 1, got 0"):
        voila_arguments(COURSE, warm="erlang_calculator.ipynb", class_size=0)


def test_main_builds_the_apps_command_and_runs_it(monkeypatch):
    monkeypatch.delenv("CCSKILLS_COURSE_DIR", raising=False)
    ran = []
    monkeypatch.setattr(launcher, "_run", lambda args: ran.append(args) or 0)
    assert launcher.main(["apps", "--port", "8125", "--warm", "erlang_calculator.ipynb", "--class", "12"]) == 0
    args = ran[0]
    assert args[3] == str(COURSE / "apps") and "--port=8125" in args
    assert any('"erlang_calculator.ipynb": {"pool_size": 12}' in a for a in args)


def test_main_says_which_extra_is_missing(monkeypatch, capsys):
    monkeypatch.setattr(launcher, "_missing", lambda modules: list(modules))
    assert launcher.main(["start"]) == 1
    assert 'pip install "ccskills[course]"' in capsys.readouterr().err
    assert launcher.main(["apps"]) == 1
    assert 'pip install "ccskills[apps]"' in capsys.readouterr().err


def test_main_turns_a_bad_warm_into_a_sentence(capsys):
    assert launcher.main(["apps", "--warm", "nope.ipynb"]) == 1
    assert "warm must name a calculator" in capsys.readouterr().err


# ---------------------------------------------------------------- check-install
def test_check_install_says_ready_when_the_course_extra_and_template_are_here():
    said = []
    assert launcher.check_install(say=said.append) == 0, said
    text = "\n".join(said)
    assert "core: ok" in text and "course: ok (jupyterlab" in text
    assert "Voila template 'ccskills': " in text and "not found" not in text
    assert f"course folder: {COURSE} (this checkout)" in text
    assert said[-1] == "就绪 ready: python -m ccskills start"


def test_check_install_names_what_is_missing_and_the_pip_line(monkeypatch):
    monkeypatch.setattr(launcher, "_version", lambda name: None if name in ("voila", "altair") else "1.0")
    monkeypatch.setattr(launcher, "_voila_template", lambda: None)
    said = []
    assert launcher.check_install(say=said.append) == 1
    text = "\n".join(said)
    assert 'missing voila, altair: pip install "ccskills[course]"' in text
    assert "Voila template 'ccskills': used once the course extra is installed" in text
    assert said[-1].startswith("未就绪 not ready")


def test_check_install_without_the_template_says_to_reinstall_the_kit(monkeypatch):
    monkeypatch.setattr(launcher, "_voila_template", lambda: None)
    said = []
    assert launcher.check_install(say=said.append) == 1
    assert any("Voila template 'ccskills': not found; reinstall the kit" in line for line in said)


def test_python_dash_m_ccskills_check_install():
    out = subprocess.run([sys.executable, "-m", "ccskills", "check-install"], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "ready: python -m ccskills start" in out.stdout


# ---------------------------------------------------------------- the course folder
def test_copy_course_copies_only_missing_files_and_never_overwrites(tmp_path):
    source = _fake_course(tmp_path / "shipped")
    target = tmp_path / "home" / "ccskills-course"
    first = copy_course(source, target)
    assert sorted(p.as_posix() for p in first.copied) == ["00_guide.ipynb", "02_service_metrics/exercises.ipynb",
                                                          "apps/erlang_calculator.ipynb"]
    assert not (target / ".ipynb_checkpoints").exists()
    (target / "02_service_metrics" / "exercises.ipynb").write_text("my answers", encoding="utf-8")
    (target / "apps" / "erlang_calculator.ipynb").unlink()
    (source / GUIDE).write_text("guide v2", encoding="utf-8")
    second = copy_course(source, target)
    assert [p.as_posix() for p in second.copied] == ["apps/erlang_calculator.ipynb"]
    assert len(second.kept) == 2
    assert (target / "02_service_metrics" / "exercises.ipynb").read_text(encoding="utf-8") == "my answers"
    assert (target / GUIDE).read_text(encoding="utf-8") == "guide v1"
    assert "never overwritten" in second.sentence() and "copied 1" in second.sentence()


def test_copy_course_without_a_course_says_so(tmp_path):
    with pytest.raises(FileNotFoundError, match="source has no 00_guide.ipynb"):
        copy_course(tmp_path, tmp_path / "out")


def test_copy_course_refuses_a_target_inside_the_course(tmp_path):
    source = _fake_course(tmp_path / "course")
    with pytest.raises(ValueError, match="course_dir must be outside the course it copies"):
        copy_course(source, source / "apps" / "copy")


def test_in_a_checkout_the_course_is_the_repository_folder(monkeypatch):
    monkeypatch.delenv("CCSKILLS_COURSE_DIR", raising=False)
    said = []
    assert course_folder(announce=said.append) == COURSE
    assert said == []


def test_outside_a_checkout_the_shipped_course_is_copied_into_home(tmp_path, monkeypatch):
    shipped = _fake_course(tmp_path / "site-packages" / "ccskills" / "_course")
    monkeypatch.setattr(launcher, "_checkout_course", lambda: None)
    monkeypatch.setattr(launcher, "shipped_course", lambda: shipped)
    monkeypatch.delenv("CCSKILLS_COURSE_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("USERPROFILE", str(tmp_path / "home"))  # Path.home() on Windows
    said = []
    folder = course_folder(announce=said.append)
    assert folder == (tmp_path / "home" / "ccskills-course").resolve()
    assert (folder / GUIDE).read_text(encoding="utf-8") == "guide v1"
    assert "copied 3" in said[0]
    (folder / GUIDE).write_text("trainee's notes", encoding="utf-8")
    course_folder(announce=said.append)
    assert (folder / GUIDE).read_text(encoding="utf-8") == "trainee's notes"
    assert "copied 0" in said[1] and "kept 3" in said[1]


def test_a_chosen_course_dir_gets_the_checkout_course(tmp_path, monkeypatch):
    monkeypatch.setenv("CCSKILLS_COURSE_DIR", str(tmp_path / "room"))
    said = []
    folder = course_folder(announce=said.append)
    assert folder == (tmp_path / "room").resolve()
    assert (folder / GUIDE).is_file() and (folder / "apps" / "erlang_calculator.ipynb").is_file()
    assert course_folder(tmp_path / "other", announce=said.append) == (tmp_path / "other").resolve()


def test_shipped_course_is_beside_the_package():
    assert shipped_course() == Path(launcher.__file__).resolve().parents[1] / "_course"


# ---------------------------------------------------------------- one real launch
def _takes_ctrl_c() -> None:
    """In the launched process, Ctrl+C (SIGINT) as a terminal's foreground job gets it.

    A shell without job control starts a background job (`nohup make test &`) with SIGINT
    ignored, and the ignore is inherited down to the launcher and Voila, so the Ctrl+C this
    test sends would be a no-op there (measured: the launcher ran on until killed at 60 s).
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _status(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as err:
        return err.code
    except OSError:
        return None


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="stops the server with POSIX signals")
@pytest.mark.parametrize("stop", ["sigterm", "ctrl-c"])
def test_apps_serves_the_calculators_and_stops_cleanly(tmp_path, stop):
    port = _free_port()
    env = {**os.environ, "CCSKILLS_PROGRESS": "off", "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")}
    process = subprocess.Popen([sys.executable, "-m", "ccskills", "apps", f"--port={port}"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True, preexec_fn=_takes_ctrl_c)
    try:
        deadline = time.monotonic() + 120
        status = None
        while time.monotonic() < deadline and process.poll() is None:
            status = _status(f"http://127.0.0.1:{port}/")
            if status == 200:
                break
            time.sleep(0.25)
        assert process.poll() is None, f"python -m ccskills apps exited: {process.stdout.read()[-2000:]}"
        assert status == 200, f"the calculators' index answered {status} within 120 s"
        if stop == "sigterm":  # a service manager, or closing the terminal
            process.send_signal(signal.SIGTERM)
        else:  # Ctrl+C in a terminal: SIGINT to the whole foreground group, launcher and server
            os.killpg(process.pid, signal.SIGINT)
        assert process.wait(timeout=60) is not None
        deadline = time.monotonic() + 30
        while _listening(port) and time.monotonic() < deadline:
            time.sleep(0.25)
        assert not _listening(port), "Voila still listens after the launcher stopped"
        deadline = time.monotonic() + 30
        while _group_alive(process.pid) and time.monotonic() < deadline:
            time.sleep(0.25)
        assert not _group_alive(process.pid), "a process of the launcher (Voila or a kernel) outlived it"
    finally:
        if _group_alive(process.pid):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        process.stdout.close()


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True
