"""The notebook helper ``tests/notebook_tools.py``: stripping, the clean check, and a real run."""

from __future__ import annotations

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

import notebook_tools as tools


def result(text: str, count: int = 1):
    return new_output("execute_result", {"text/plain": text}, execution_count=count)


def sample_notebook():
    checked = new_code_cell("# NBVAL_CHECK_OUTPUT\n1 + 1", outputs=[result("2")], execution_count=1)
    plain = new_code_cell("2 + 2", outputs=[result("4", 2)], execution_count=2)
    plain.metadata["execution"] = {"iopub.status.busy": "2026-03-01T08:00:00"}
    return new_notebook(cells=[new_markdown_cell("# 标题"), checked, plain],
                        metadata={"widgets": {"application/vnd.jupyter.widget-state+json": {}},
                                  "kernelspec": {"name": "conda-env-x", "display_name": "x"}})


def test_is_checked_only_for_code_cells_with_the_marker_line():
    assert tools.is_checked(new_code_cell("# NBVAL_CHECK_OUTPUT\nx"))
    assert not tools.is_checked(new_code_cell("x  # NBVAL_CHECK_OUTPUT later"))
    assert not tools.is_checked(new_markdown_cell("# NBVAL_CHECK_OUTPUT"))


def test_strip_keeps_only_checked_outputs_and_drops_widget_state():
    nb = tools.strip(sample_notebook())
    _, checked, plain = nb.cells
    assert checked.outputs[0]["data"]["text/plain"] == "2" and checked.execution_count == 1
    assert plain.outputs == [] and plain.execution_count is None
    assert "execution" not in plain.metadata
    assert "widgets" not in nb.metadata
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert nb.metadata["language_info"] == {"name": "python"}


def test_problems_names_each_rule(tmp_path):
    path = tmp_path / "dirty.ipynb"
    nbformat.write(sample_notebook(), path)
    found = tools.problems(path)
    assert any("kernelspec name must be 'python3', got 'conda-env-x'" in p for p in found)
    assert any("widget state" in p for p in found)
    assert any("cell 3 stores outputs but is not marked" in p for p in found)
    nbformat.write(tools.strip(nbformat.read(path, as_version=4)), path)
    assert tools.problems(path) == []


def test_problems_flags_a_large_notebook(tmp_path):
    path = tmp_path / "big.ipynb"
    nb = new_notebook(cells=[new_markdown_cell("x" * tools.MAX_BYTES)],
                      metadata={"kernelspec": dict(tools.KERNELSPEC)})
    nbformat.write(nb, path)
    assert any("must be under" in p for p in tools.problems(path))


def test_notebooks_skips_checkpoints(tmp_path):
    (tmp_path / ".ipynb_checkpoints").mkdir()
    for name in ("a.ipynb", ".ipynb_checkpoints/a-checkpoint.ipynb"):
        nbformat.write(new_notebook(), tmp_path / name)
    assert tools.notebooks([tmp_path]) == [tmp_path / "a.ipynb"]


def test_finalize_runs_the_notebook_and_strips_it(tmp_path):
    """A real kernel run: the checked cell gets its fresh output, the other cell none."""
    path = tmp_path / "run.ipynb"
    cells = [new_code_cell("x = 6 * 7"), new_code_cell("# NBVAL_CHECK_OUTPUT\nx"),
             new_code_cell("print('not kept')")]
    nbformat.write(new_notebook(cells=cells, metadata={"kernelspec": dict(tools.KERNELSPEC)}), path)
    seconds = tools.finalize(path)
    nb = nbformat.read(path, as_version=4)
    assert seconds > 0
    assert nb.cells[1].outputs[0]["data"]["text/plain"] == "42"
    assert nb.cells[0].outputs == [] and nb.cells[2].outputs == []
    assert tools.problems(path) == []


def test_main_check_reports_and_fails_on_dirty(tmp_path, capsys):
    path = tmp_path / "dirty.ipynb"
    nbformat.write(sample_notebook(), path)
    assert tools.main(["check", str(tmp_path)]) == 1
    assert "widget state" in capsys.readouterr().out
    assert tools.main(["nonsense"]) == 2
