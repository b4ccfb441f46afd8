"""``python -m ccskills``: ``start`` (the course in JupyterLab), ``apps`` (the calculators in Voila)
and ``check-install`` go to :mod:`ccskills.launcher`; ``materials`` (the printable set) to
:mod:`ccskills.materials`; ``templates`` (the management templates) to
:mod:`ccskills.management.catalogue`; every other command (``staff`` ...) to
:mod:`ccskills.cli`."""

from __future__ import annotations

import sys

LAUNCHER_COMMANDS = ("start", "apps", "check-install")


def main(argv: list[str] | None = None) -> int:
    """Dispatch on the first word; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in LAUNCHER_COMMANDS:
        from ccskills.launcher import main as launch

        return launch(argv)
    if argv and argv[0] == "materials":
        from ccskills.materials import main as materials

        return materials(argv[1:])
    if argv and argv[0] == "templates":
        from ccskills.management import main as templates

        return templates(argv[1:])
    from ccskills.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
