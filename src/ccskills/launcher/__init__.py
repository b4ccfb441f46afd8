"""Start the course or the calculators without make: ``python -m ccskills start|apps``.

``python -m ccskills check-install`` says whether this machine is ready for the course (the
library computes, the course extra and the offline Voila template are installed, where the course
folder is), one line each, and exits 1 with the pip line to run when something is missing.

``start`` opens JupyterLab on 127.0.0.1 with the course folder as its root and the guide
(``00_guide.ipynb``) as the first page, with Lab's internet features off and Voila's offline
template ``ccskills``; ``apps`` serves ``course/apps`` alone with Voila. These are the commands
``make start`` and ``make apps`` run, so a Windows laptop without make gets the same server.

The course folder is the repository's ``course/`` when the kit runs from a checkout; otherwise
the notebooks shipped inside the package (``ccskills/_course``) are copied into
``~/ccskills-course`` (or ``--course-dir``, or ``CCSKILLS_COURSE_DIR``). Only missing files are
copied: a notebook a trainee has edited is never overwritten.

Paths are built with :mod:`pathlib` and servers started without a shell, so the same code runs
on Windows, macOS and Linux.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import importlib.metadata
import os
import platform
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["CourseCopy", "check_install", "copy_course", "course_folder", "lab_arguments", "main",
           "shipped_course", "voila_arguments"]

HOST = "127.0.0.1"
LAB_PORT = 8888
APPS_PORT = 8866
GUIDE = "00_guide.ipynb"
VOILA_TEMPLATE = "ccskills"
COURSE_DIR_VARIABLE = "CCSKILLS_COURSE_DIR"
# Taken warm kernels are refilled a minute later, within the kernel cap.
WARM_FILL_DELAY = 60
# Files a copy of the course never needs (editor and Jupyter leftovers).
_SKIP = (".ipynb_checkpoints", "__pycache__", ".DS_Store")

_PACKAGE = Path(__file__).resolve().parents[1]


def _checkout_course() -> Path | None:
    """The repository's ``course/`` when ccskills is imported from a checkout (``src/ccskills``)."""
    root = _PACKAGE.parents[1]
    course = root / "course"
    if _PACKAGE.parent.name == "src" and (root / "pyproject.toml").is_file() and (course / GUIDE).is_file():
        return course
    return None


def shipped_course() -> Path:
    """The course notebooks inside the installed package (``ccskills/_course``)."""
    return _PACKAGE / "_course"


@dataclass
class CourseCopy:
    """What :func:`copy_course` did: files copied and files left as the trainee had them."""

    target: Path
    copied: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)

    def sentence(self) -> str:
        """One line for the terminal, in Chinese and English."""
        return (f"课程文件夹 Course folder: {self.target} — 新复制 copied {len(self.copied)} 个文件 files, "
                f"保留已有 kept {len(self.kept)} 个 (已有的文件从不覆盖 existing files are never overwritten).")


def copy_course(source: Path, target: Path) -> CourseCopy:
    """Copy the files of ``source`` that ``target`` lacks; never overwrite one that exists."""
    source, target = Path(source), Path(target)
    if not (source / GUIDE).is_file():
        raise FileNotFoundError(f"source has no {GUIDE}: {source} (is the kit installed from a wheel?)")
    if target.resolve().is_relative_to(source.resolve()):
        raise ValueError(f"course_dir must be outside the course it copies ({source}), got {str(target)!r}")
    report = CourseCopy(target)
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if path.is_dir() or any(part in _SKIP for part in relative.parts):
            continue
        destination = target / relative
        if destination.exists():
            report.kept.append(relative)
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, destination)
        report.copied.append(relative)
    return report


def course_folder(course_dir: str | os.PathLike | None = None, *, announce=print) -> Path:
    """Where the course is served from: ``course_dir``, the checkout's course, or a home copy.

    A folder other than the checkout's gets the course files it lacks (from the checkout, or
    from the copy shipped in the package); files already there are left as they are.
    """
    checkout = _checkout_course()
    chosen = course_dir or os.environ.get(COURSE_DIR_VARIABLE)
    if not chosen:
        if checkout is not None:
            return checkout
        chosen = Path.home() / "ccskills-course"
    target = Path(chosen).expanduser().resolve()
    source = checkout or shipped_course()
    if target == source:
        return target
    if not (source / GUIDE).is_file() and (target / GUIDE).is_file():
        return target
    report = copy_course(source, target)
    announce(report.sentence())
    return target


def _as_root() -> bool:
    """Jupyter refuses to run as root (containers, CI machines) without --allow-root."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


def lab_arguments(course: Path, *, port: int = LAB_PORT, ip: str = HOST, open_browser: bool = True,
                  as_root: bool | None = None) -> list[str]:
    """The JupyterLab command line ``make start`` runs (Voila renders inside it)."""
    args = [sys.executable, "-m", "jupyterlab", f"--ip={ip}", f"--port={port}",
            f"--ServerApp.root_dir={Path(course)}", f"--LabApp.default_url=/lab/tree/{GUIDE}",
            f"--VoilaConfiguration.template={VOILA_TEMPLATE}"]  # offline: the kit's jupyter_lab_config.json
    if not open_browser:
        args.append("--no-browser")
    if _as_root() if as_root is None else as_root:
        args.append("--allow-root")
    return args


def voila_arguments(course: Path, *, port: int = APPS_PORT, ip: str = HOST, warm: str | None = None,
                    class_size: int = 20) -> list[str]:
    """The Voila command line ``make apps`` runs; ``warm`` keeps ``class_size`` kernels of one calculator ready."""
    apps = Path(course) / "apps"
    args = [sys.executable, "-m", "voila", str(apps), f"--Voila.ip={ip}", f"--port={port}", "--no-browser",
            f"--template={VOILA_TEMPLATE}"]
    if warm:
        if not (apps / warm).is_file():
            names = ", ".join(sorted(p.name for p in apps.glob("*.ipynb")))
            raise ValueError(f"warm must name a calculator in {apps} ({names}), got {warm!r}")
        if class_size < 1:
            raise ValueError(f"class_size must be at least 1, got {class_size!r}")
        pools = {"default": {"pool_size": 1}, warm: {"pool_size": class_size}}
        args += [f"--VoilaKernelManager.kernel_pools_config={json.dumps(pools)}",
                 f"--VoilaKernelManager.fill_delay={WARM_FILL_DELAY}"]
    return args


def _missing(modules: tuple[str, ...]) -> list[str]:
    return [name for name in modules if importlib.util.find_spec(name) is None]


COURSE_DISTRIBUTIONS = ("jupyterlab", "voila", "ipywidgets", "jupyterlab_widgets", "ipykernel", "altair",
                        "anywidget", "vl-convert-python", "sqlalchemy", "reportlab")
"""What the course extra installs (distribution names), checked by :func:`check_install`."""


def _version(distribution: str) -> str | None:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def _voila_template() -> Path | None:
    """The folder of the offline Voila template ``ccskills`` Jupyter finds, or None."""
    try:
        from jupyter_core.paths import jupyter_path
    except ImportError:
        return None
    for folder in jupyter_path("voila", "templates", VOILA_TEMPLATE):
        if (Path(folder) / "conf.json").is_file():
            return Path(folder)
    return None


def check_install(say=print) -> int:
    """Say, line by line, whether the course can run here; 0 when ready, 1 (with the fix) when not."""
    from ccskills import erlang_c

    ready = True
    say(f"Python {platform.python_version()}: {sys.executable}")
    say(f"ccskills {_version('ccskills') or '?'}: {_PACKAGE}")
    say(f"核心 core: ok (Erlang C, 10 agents, 8 Erlangs: P(wait) = {erlang_c(10, 8):.4f})")
    versions = {name: _version(name) for name in COURSE_DISTRIBUTIONS}
    missing = [name for name, version in versions.items() if version is None]
    if missing:
        ready = False
        say(f"课程 course: missing {', '.join(missing)}: pip install \"ccskills[course]\" "
            f"(or, on a JupyterHub with its own JupyterLab, \"ccskills[apps]\")")
    else:
        say("课程 course: ok (" + ", ".join(f"{name} {version}" for name, version in versions.items()) + ")")
    template = _voila_template()
    if template is None and missing:
        say(f"离线模板 Voila template '{VOILA_TEMPLATE}': used once the course extra is installed")
    elif template is None:
        ready = False
        say(f"离线模板 Voila template '{VOILA_TEMPLATE}': not found; reinstall the kit into this environment "
            f"(pip install --force-reinstall --no-deps ccskills, or -e . in a checkout)")
    else:
        say(f"离线模板 Voila template '{VOILA_TEMPLATE}': {template}")
    checkout = _checkout_course()
    chosen = os.environ.get(COURSE_DIR_VARIABLE)
    if chosen:
        course = f"{Path(chosen).expanduser()} ({COURSE_DIR_VARIABLE})"
    elif checkout is not None:
        course = f"{checkout} (this checkout)"
    else:
        course = f"{Path.home() / 'ccskills-course'} (copied there by the first start)"
    say(f"课程文件夹 course folder: {course}")
    say("就绪 ready: python -m ccskills start" if ready else "未就绪 not ready: see above")
    return 0 if ready else 1


# How long Ctrl+C leaves the server to stop by itself (it got the Ctrl+C too) before it is told to.
CTRL_C_GRACE_S = 10


def _run(args: list[str]) -> int:
    """Run the server in the foreground until it exits; returns its exit status.

    Ctrl+C in the terminal reaches the server too: it is given :data:`CTRL_C_GRACE_S` seconds to
    shut its kernels down (JupyterLab may ask "Shutdown this Jupyter server (y/[n])?"), then is
    terminated; a second Ctrl+C or a SIGTERM to the launcher terminates it at once.
    """
    process = subprocess.Popen(args)
    told = []

    def _terminate(signum, frame):
        told.append(signum)
        raise KeyboardInterrupt

    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, _terminate)
    try:
        return process.wait()
    except KeyboardInterrupt:
        if not told:
            try:
                return process.wait(timeout=CTRL_C_GRACE_S)
            except (subprocess.TimeoutExpired, KeyboardInterrupt):
                pass
        process.terminate()  # SIGTERM: Jupyter and Voila shut their kernels down and exit
        try:
            return process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            return process.wait()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m ccskills",
                                     description="Open the ccskills course (start) or its calculators (apps).")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check-install", help="is this machine ready for the course? (one line per check)")
    for name, port, help_text in (("start", LAB_PORT, "the course in JupyterLab, opening the guide"),
                                  ("apps", APPS_PORT, "the calculators alone in Voila")):
        command = sub.add_parser(name, help=help_text)
        command.add_argument("--port", type=int, default=port, help=f"port (default {port})")
        command.add_argument("--ip", default=HOST, help=f"address to listen on (default {HOST}: this machine only)")
        command.add_argument("--course-dir", default=None,
                             help=f"course folder (default: the checkout's course/, else ~/ccskills-course; "
                                  f"or set {COURSE_DIR_VARIABLE})")
        if name == "start":
            command.add_argument("--no-browser", action="store_true", help="do not open a browser")
        else:
            command.add_argument("--warm", metavar="NOTEBOOK", default=None,
                                 help="keep --class kernels of this calculator ready, e.g. erlang_calculator.ipynb")
            command.add_argument("--class", dest="class_size", metavar="N", type=int, default=20,
                                 help="how many kernels --warm keeps ready (default 20)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """``python -m ccskills start|apps|check-install``: the server's exit status (1 when it cannot start)."""
    args = _parser().parse_args(argv)
    if args.command == "check-install":
        return check_install()
    needed = ("jupyterlab", "voila") if args.command == "start" else ("voila",)
    missing = _missing(needed)
    if missing:
        extra = "course" if args.command == "start" else "apps"
        verb = "is" if len(missing) == 1 else "are"
        print(f"{' and '.join(missing)} {verb} not installed: pip install \"ccskills[{extra}]\" "
              f"(缺少 {', '.join(missing)}，请安装 ccskills[{extra}]).", file=sys.stderr)
        return 1
    try:
        course = course_folder(args.course_dir)
        if args.command == "start":
            command = lab_arguments(course, port=args.port, ip=args.ip, open_browser=not args.no_browser)
        else:
            command = voila_arguments(course, port=args.port, ip=args.ip, warm=args.warm,
                                      class_size=args.class_size)
    except (ValueError, OSError) as err:
        print(err, file=sys.stderr)
        return 1
    return _run(command)
