"""Keep the course notebooks small and nbval-ready: run them, keep only the checked outputs.

A course notebook stores outputs only in the cells whose numbers the tests compare
(``# NBVAL_CHECK_OUTPUT`` on the first line, for ``pytest --nbval-lax``); every other
cell is stored empty, without an execution count, and no widget state is saved.

Usage (from the repository root, with the kit's virtual environment)::

    python tests/notebook_tools.py finalize course/02_service_metrics/*.ipynb
    python tests/notebook_tools.py check course

``finalize`` executes each notebook on a fresh ``python3`` kernel in the notebook's
folder (nbclient), strips it and writes it back, printing the run time; ``check``
prints what :func:`problems` finds and exits 1 if anything was found (the rules that
``tests/test_notebooks_clean.py`` asserts).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat

MARKER = "# NBVAL_CHECK_OUTPUT"
KERNEL_NAME = "python3"
KERNELSPEC = {"name": KERNEL_NAME, "display_name": "Python 3 (ipykernel)", "language": "python"}
MAX_BYTES = 400_000


def is_checked(cell) -> bool:
    """True for a code cell whose stored output nbval compares (``# NBVAL_CHECK_OUTPUT``).

    >>> from nbformat.v4 import new_code_cell
    >>> is_checked(new_code_cell("# NBVAL_CHECK_OUTPUT\\n1 + 1")), is_checked(new_code_cell("1"))
    (True, False)
    """
    return cell.cell_type == "code" and any(
        line.strip() == MARKER for line in cell.source.splitlines()
    )


def strip(nb):
    """``nb`` with outputs only in checked cells, no widget state and lean metadata (in place).

    Unchecked code cells lose outputs and execution counts; every cell loses
    nbclient's timing metadata; the notebook gets the ``python3`` kernelspec and a
    bare ``language_info`` (no interpreter version that changes between machines).

    >>> from nbformat.v4 import new_code_cell, new_notebook, new_output
    >>> out = new_output("execute_result", {"text/plain": "2"}, execution_count=1)
    >>> nb = new_notebook(cells=[new_code_cell("1 + 1", outputs=[out], execution_count=1)],
    ...                   metadata={"widgets": {"state": {}}})
    >>> strip(nb).cells[0].outputs, "widgets" in nb.metadata, nb.metadata.kernelspec.name
    ([], False, 'python3')
    """
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code" and not is_checked(cell):
            cell.outputs = []
            cell.execution_count = None
    nb.metadata.pop("widgets", None)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def execute(nb, folder: Path, timeout: int = 600):
    """Run ``nb`` top to bottom on a fresh ``python3`` kernel with ``folder`` as working directory."""
    from nbclient import NotebookClient

    client = NotebookClient(nb, timeout=timeout, kernel_name=KERNEL_NAME,
                            resources={"metadata": {"path": str(folder)}},
                            store_widget_state=False, record_timing=False)
    client.execute()
    return nb


def finalize(path: Path) -> float:
    """Execute, strip and rewrite the notebook at ``path``; return the run time in seconds."""
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    execute(nb, path.parent)
    seconds = time.perf_counter() - start
    nbformat.write(strip(nb), path)
    return seconds


def problems(path: Path) -> list[str]:
    """What keeps the notebook at ``path`` from being clean, one sentence each (empty if clean)."""
    found = []
    size = path.stat().st_size
    if size >= MAX_BYTES:
        found.append(f"{path}: {size} bytes, must be under {MAX_BYTES}")
    nb = nbformat.read(path, as_version=4)
    kernel = nb.metadata.get("kernelspec", {}).get("name")
    if kernel != KERNEL_NAME:
        found.append(f"{path}: kernelspec name must be {KERNEL_NAME!r}, got {kernel!r}")
    if "widgets" in nb.metadata:
        found.append(f"{path}: widget state stored in metadata.widgets")
    for number, cell in enumerate(nb.cells, 1):
        if cell.cell_type == "code" and not is_checked(cell) and cell.outputs:
            found.append(f"{path}: cell {number} stores outputs but is not marked {MARKER}")
    return found


def notebooks(paths) -> list[Path]:
    """The ``.ipynb`` files named by ``paths`` (folders searched recursively, checkpoints skipped)."""
    found = []
    for name in paths:
        path = Path(name)
        candidates = sorted(path.rglob("*.ipynb")) if path.is_dir() else [path]
        found += [p for p in candidates if ".ipynb_checkpoints" not in p.parts]
    return found


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in {"finalize", "check"}:
        print(__doc__)
        return 2
    command, paths = argv[0], notebooks(argv[1:])
    if command == "finalize":
        for path in paths:
            print(f"{path}: ran in {finalize(path):.1f} s, {path.stat().st_size / 1000:.0f} KB")
        return 0
    found = [line for path in paths for line in problems(path)]
    print("\n".join(found) or f"{len(paths)} notebooks clean")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
