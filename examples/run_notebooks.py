"""Run the example notebooks from top to bottom and save their outputs in them.

From the project's root folder, with the ``test`` extra installed (nbclient, nbformat,
ipykernel)::

    python examples/run_notebooks.py                 # every notebook of examples/
    python examples/run_notebooks.py examples/journee_parallele_groupe_pays_senegal.ipynb

Each notebook runs with nbclient in a Python kernel of the interpreter that runs this script, so
with the rrma_groups that interpreter imports (this checkout, once installed with
``pip install -e ".[test]"``), in a scratch folder that is deleted afterwards. Its outputs and
execution counts are then written back into the file; its metadata stays as it was (the kernel
would otherwise write its own Python version there), no timings are recorded and what a cell
prints is kept as one output (not in the pieces it happened to arrive in), so that the file
only changes when what it shows changes. A cell that raises stops the run and leaves the
file untouched.

``tests/test_notebook.py`` runs the notebooks the same way (with :func:`execute`) and checks that
they still show what the saved outputs show: after a change that alters them, run this script
and commit the notebooks with their new outputs.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import nbclient
import nbformat

EXAMPLES = Path(__file__).resolve().parent
NOTEBOOKS = sorted(EXAMPLES.glob("*.ipynb"))
"""The notebooks of examples/."""

KERNEL = "python3"
"""The kernel the notebooks name in their metadata."""

TIMEOUT = 60
"""Seconds a cell may take; a whole notebook runs in a few seconds."""


@contextmanager
def this_interpreter_as_kernel(folder: Path) -> Iterator[None]:
    """Within the block, the ``python3`` kernel is this interpreter (``sys.executable``).

    A kernelspec named like the notebooks', written in ``folder``, is put first in Jupyter's
    search path (``JUPYTER_PATH``): a ``python3`` kernel installed elsewhere on the machine
    (another Python, without this rrma_groups) is not used.
    """
    spec = folder / "jupyter" / "kernels" / KERNEL
    spec.mkdir(parents=True, exist_ok=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    kernel = {"argv": argv, "display_name": "Python 3", "language": "python"}
    (spec / "kernel.json").write_text(json.dumps(kernel), encoding="utf-8")
    before = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = str(folder / "jupyter")
    try:
        yield
    finally:
        if before is None:
            del os.environ["JUPYTER_PATH"]
        else:
            os.environ["JUPYTER_PATH"] = before


def execute(path: Path, folder: Path) -> nbformat.NotebookNode:
    """The notebook at ``path``, run in ``folder / "work"`` with a kernel of this interpreter.

    The file itself is not changed. A cell that raises raises
    :class:`nbclient.exceptions.CellExecutionError`.
    """
    notebook = nbformat.read(path, as_version=4)
    metadata = json.loads(json.dumps(notebook.metadata))
    work = folder / "work"
    work.mkdir(parents=True, exist_ok=True)
    with this_interpreter_as_kernel(folder):
        client = nbclient.NotebookClient(
            notebook,
            kernel_name=KERNEL,
            timeout=TIMEOUT,
            record_timing=False,
            coalesce_streams=True,
            resources={"metadata": {"path": str(work)}},
        )
        client.execute()
    notebook.metadata = nbformat.from_dict(metadata)
    return notebook


def refresh(path: Path) -> None:
    """Run the notebook at ``path`` and write it back with its outputs."""
    with tempfile.TemporaryDirectory(prefix="rrma-groups-notebook-") as folder:
        notebook = execute(path, Path(folder))
    nbformat.validate(notebook)
    nbformat.write(notebook, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "notebooks", nargs="*", type=Path, help="the notebooks to run (default: all of examples/)"
    )
    arguments = parser.parse_args(argv)
    for path in arguments.notebooks or NOTEBOOKS:
        refresh(path)
        print(f"{path}: run, outputs saved")
    return 0


if __name__ == "__main__":
    sys.exit(main())
