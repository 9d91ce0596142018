"""The notebook in examples/ runs from top to bottom, and shows what its text says.

``examples/programme_groupe_pays_maroc.ipynb`` builds the 2016 programme from scratch,
re-times it and exports it. It is executed here with nbclient, in a Python kernel of the very
interpreter that runs the tests, so that it uses this checkout of rrma_groups: a cell that
raises fails the test. The committed file carries no outputs.

Needs the ``test`` extra's nbclient, nbformat and ipykernel; without them the test is skipped.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

nbformat = pytest.importorskip("nbformat", reason="the notebook test needs nbformat")
nbclient = pytest.importorskip("nbclient", reason="the notebook test needs nbclient")
pytest.importorskip("ipykernel", reason="the notebook test needs ipykernel (a Python kernel)")

NOTEBOOK = Path(__file__).resolve().parent.parent / "examples" / "programme_groupe_pays_maroc.ipynb"
KERNEL = "python3"
TIMEOUT = 60
"""Seconds a cell may take; the whole notebook runs in a few seconds."""


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The notebook, run in a scratch folder with a kernel of this interpreter."""
    scratch = tmp_path_factory.mktemp("notebook")
    # A kernelspec named like the notebook's, pointing at sys.executable: a "python3" kernel
    # installed elsewhere on the machine (another Python, without this checkout) is not used.
    # JUPYTER_PATH comes first in Jupyter's search path.
    spec = scratch / "jupyter" / "kernels" / KERNEL
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    kernel = {"argv": argv, "display_name": "Python 3 (tests)", "language": "python"}
    (spec / "kernel.json").write_text(json.dumps(kernel), encoding="utf-8")
    work = scratch / "work"
    work.mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JUPYTER_PATH", str(scratch / "jupyter"))
        notebook = nbformat.read(NOTEBOOK, as_version=4)
        client = nbclient.NotebookClient(
            notebook,
            kernel_name=KERNEL,
            timeout=TIMEOUT,
            resources={"metadata": {"path": str(work)}},
        )
        client.execute()
    assert list(work.iterdir()) == [], "the notebook writes in a temporary folder only"
    return notebook


def printed(notebook: Any, cell_id: str) -> str:
    """What a code cell printed."""
    [cell] = [c for c in notebook.cells if c.get("id") == cell_id]
    return "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")


def shown(notebook: Any, cell_id: str, mime: str) -> str:
    """What a code cell displayed as ``mime`` (its result, or display() calls)."""
    [cell] = [c for c in notebook.cells if c.get("id") == cell_id]
    return "".join(o.data.get(mime, "") for o in cell.outputs if "data" in o)


class TestCommittedFile:
    def test_is_a_valid_notebook_with_a_python_kernel(self) -> None:
        """It validates against the notebook format and names the python3 kernel."""
        notebook = nbformat.read(NOTEBOOK, as_version=4)
        nbformat.validate(notebook)
        assert notebook.metadata.kernelspec.name == KERNEL

    def test_has_no_outputs(self) -> None:
        """Outputs are cleared: the file stays small and its diffs readable."""
        notebook = nbformat.read(NOTEBOOK, as_version=4)
        code = [c for c in notebook.cells if c.cell_type == "code"]
        assert code
        assert all(c.outputs == [] and c.execution_count is None for c in code)


class TestExecution:
    def test_every_cell_runs(self, executed: Any) -> None:
        """No cell raised (nbclient stops at the first error), and every code cell ran."""
        code = [c for c in executed.cells if c.cell_type == "code"]
        assert all(c.execution_count is not None for c in code)
        assert not any(o.output_type == "error" for c in code for o in c.outputs)

    def test_builds_the_eleven_items(self, executed: Any) -> None:
        """The programme built from durations has the 11 items of 2016, ending at 17:30."""
        assert printed(executed, "construire") == "Le programme se termine à 17:30\n"
        assert printed(executed, "rencontre") == "11 items\n"

    def test_equals_the_bundled_example(self, executed: Any) -> None:
        """Same titles and times as the bundled example."""
        assert printed(executed, "comparer") == "Mêmes titres et mêmes horaires : True\n"

    def test_explains_in_french(self, executed: Any) -> None:
        """Guesses, refusals and warnings are written in French."""
        assert "«\u202fKhalid\u202f» a été lu comme" in printed(executed, "rapprochements")
        refused = printed(executed, "pause-refusee")
        assert refused.startswith("Refusé :\n  agenda[11].end: 17h40 est en dehors de la rencontre")
        checked = printed(executed, "verifier")
        assert checked.startswith("Sans erreur : True\nagenda[10].start: battement de 5 minutes")

    def test_retimed_into_the_afternoon(self, executed: Any) -> None:
        """The break is in, the conclusion five minutes later, and the end at 17:30 again."""
        lines = printed(executed, "ajuster-fin").splitlines()
        assert "  (ajout)    →  15:15–15:25  Pause café" in lines
        assert "16:30–16:45  →  16:35–16:50  Restitution et conclusion" in lines
        assert lines[-1] == "Fin de la rencontre : 17:30"

    def test_displays_html_in_french_and_arabic(self, executed: Any) -> None:
        """The meeting's rich display, and the Arabic programme, right to left."""
        assert "Présentation de la démarche GPMar" in shown(executed, "afficher", "text/html")
        arabic = shown(executed, "arabe", "text/html")
        assert 'lang="ar" dir="rtl"' in arabic

    def test_exports(self, executed: Any) -> None:
        """13 events (the meeting and its 12 items) read back; the Markdown table is shown."""
        exported = printed(executed, "exporter-ics")
        assert exported.startswith("13 événements dans ")
        assert "12 points, fin à 17:30:00" in exported
        table = shown(executed, "exporter-markdown", "text/markdown")
        assert "| 15h15 - 15h25 | Pause café |  |" in table

    def test_imports_a_pasted_table(self, executed: Any) -> None:
        """The pasted rows become a checked meeting of 5 items."""
        assert printed(executed, "importer").startswith(
            "5 items, le 2017-03-10, à : Maison des associations de Limoges\n"
        )
        assert printed(executed, "importer-rencontre") == "Sans erreur : True\n"
        assert printed(executed, "fin") == "Dossier temporaire supprimé : True\n"
