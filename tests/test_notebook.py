"""The notebooks in examples/ run from top to bottom, show what their text says, and carry the
outputs they give.

``examples/programme_groupe_pays_maroc.ipynb`` builds the 2016 programme of the Groupe Pays Maroc
from scratch, re-times it and exports it. ``examples/journee_parallele_groupe_pays_senegal.ipynb``
builds the day of the Groupe Pays Sénégal, with its two workshops in parallel in two rooms,
shows it in French and Arabic, explains a refusal and a warning, and exports it to iCalendar.

Each notebook is executed once per test session (module-scoped fixtures) with nbclient, by
``examples/run_notebooks.py``'s ``execute``, in a Python kernel of the very interpreter that runs
the tests, so that it uses this checkout of rrma_groups: a cell that raises fails the tests.

The committed files carry their outputs, so that a reader on GitHub or in JupyterLab sees the
programmes, with people's names. A test checks that running a notebook gives the saved outputs
again, once what legitimately varies from one run to the next (execution counts, temporary
folders, memory addresses) is normalised. After a change that alters what a notebook shows,
refresh the saved outputs, from the project's root folder, with::

    python examples/run_notebooks.py

then look at the diff and commit the notebooks.

Needs the ``test`` extra's nbclient, nbformat and ipykernel; without them the tests are skipped.
"""

from __future__ import annotations

import importlib.util
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from rrma_groups.examples import groupe_pays_maroc, groupe_pays_senegal
from rrma_groups.model import CountryGroup

nbformat = pytest.importorskip("nbformat", reason="the notebook tests need nbformat")
nbclient = pytest.importorskip("nbclient", reason="the notebook tests need nbclient")
pytest.importorskip("ipykernel", reason="the notebook tests need ipykernel (a Python kernel)")

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _load_runner() -> Any:
    """``examples/run_notebooks.py``, which is a script, not a module of the package."""
    spec = importlib.util.spec_from_file_location("run_notebooks", EXAMPLES / "run_notebooks.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


runner = _load_runner()

NOTEBOOKS = {
    "maroc": EXAMPLES / "programme_groupe_pays_maroc.ipynb",
    "senegal": EXAMPLES / "journee_parallele_groupe_pays_senegal.ipynb",
}
GROUPS: dict[str, Callable[[], CountryGroup]] = {
    "maroc": groupe_pays_maroc,
    "senegal": groupe_pays_senegal,
}
"""The bundled group each notebook works with."""

NAMES = sorted(NOTEBOOKS)


@dataclass(frozen=True)
class Run:
    notebook: Any
    """The notebook, executed."""
    work: Path
    """The folder it ran in."""


@pytest.fixture(scope="module")
def run_notebook(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Run]:
    """Runs a notebook the first time it is asked for, then gives the same run."""
    runs: dict[str, Run] = {}

    def run(name: str) -> Run:
        if name not in runs:
            folder = tmp_path_factory.mktemp(f"notebook-{name}")
            runs[name] = Run(runner.execute(NOTEBOOKS[name], folder), folder / "work")
        return runs[name]

    return run


@pytest.fixture(scope="module")
def maroc(run_notebook: Callable[[str], Run]) -> Any:
    return run_notebook("maroc").notebook


@pytest.fixture(scope="module")
def senegal(run_notebook: Callable[[str], Run]) -> Any:
    return run_notebook("senegal").notebook


def saved(name: str) -> Any:
    """The committed notebook, as it is in the repository."""
    return nbformat.read(NOTEBOOKS[name], as_version=4)


def cell(notebook: Any, cell_id: str) -> Any:
    [found] = [c for c in notebook.cells if c.get("id") == cell_id]
    return found


def printed(notebook: Any, cell_id: str) -> str:
    """What a code cell printed."""
    outputs = cell(notebook, cell_id).outputs
    return "".join(o.get("text", "") for o in outputs if o.output_type == "stream")


def shown(notebook: Any, cell_id: str, mime: str) -> str:
    """What a code cell displayed as ``mime`` (its result, or display() calls)."""
    return "".join(o.data.get(mime, "") for o in cell(notebook, cell_id).outputs if "data" in o)


# --- what varies from one run to the next ----------------------------------------------------

_TEMPORARY = re.compile(
    # A folder made by tempfile (8 random characters after its prefix), wherever the machine
    # keeps them (/tmp, /var/folders/…/T, C:\…\Temp), or anything under this machine's.
    r"[^\s'\"]*[/\\]rrma-groups-[a-z0-9_]{8}(?=[/\\\s'\"]|$)"
    rf"|{re.escape(tempfile.gettempdir())}[/\\][^\s'\"]+"
)
_ADDRESS = re.compile(r"\b0x[0-9a-fA-F]+\b")


def normalise_text(text: str) -> str:
    """``text`` with temporary folders and memory addresses replaced by placeholders."""
    return _ADDRESS.sub("0x…", _TEMPORARY.sub("<temporary folder>", text))


def normalised(notebook: Any) -> dict[str, list[dict[str, Any]]]:
    """The outputs of each code cell, by cell id, without what varies from run to run.

    Execution counts are left out; temporary folders and memory addresses are replaced by
    placeholders; what a cell prints is joined into one output per stream, whatever the pieces
    it arrived in.
    """
    cells: dict[str, list[dict[str, Any]]] = {}
    for code in (c for c in notebook.cells if c.cell_type == "code"):
        outputs: list[dict[str, Any]] = []
        for output in code.outputs:
            kept = {k: v for k, v in output.items() if k != "execution_count"}
            if "text" in kept:
                kept["text"] = normalise_text(kept["text"])
            if "data" in kept:
                kept["data"] = {
                    mime: normalise_text(value) if isinstance(value, str) else value
                    for mime, value in kept["data"].items()
                }
            previous = outputs[-1] if outputs else None
            if (
                previous is not None
                and kept["output_type"] == previous["output_type"] == "stream"
                and kept["name"] == previous["name"]
            ):
                previous["text"] += kept["text"]
            else:
                outputs.append(kept)
        cells[code.get("id")] = outputs
    return cells


class TestNormalise:
    def test_what_varies_is_replaced(self) -> None:
        """Temporary folders (of any system) and addresses; the rest is kept as it is."""
        where = tempfile.gettempdir()
        for folder in (
            f"{where}/rrma-groups-ab12_x9z",
            "/var/folders/zz/abc/T/rrma-groups-k2j4l5m6",
            r"C:\Users\amina\AppData\Local\Temp\rrma-groups-q1w2e3r4",
        ):
            text = f"13 événements dans {folder}/limoges-2016.ics\n"
            assert (
                normalise_text(text) == "13 événements dans <temporary folder>/limoges-2016.ics\n"
            )
        assert normalise_text("<Foo object at 0x7f3a2c1b9d90>") == "<Foo object at 0x…>"
        assert normalise_text("Salle Loire, 9h00 - 9h30") == "Salle Loire, 9h00 - 9h30"

    def test_counts_and_stream_pieces_do_not_count(self) -> None:
        """Two runs that differ only by their counts and how their prints were cut are equal."""
        one = nbformat.v4.new_notebook(
            cells=[nbformat.v4.new_code_cell("print('a'); print('b'); 1", id="c")]
        )
        two = nbformat.from_dict(one)
        one.cells[0].outputs = [
            nbformat.v4.new_output("stream", name="stdout", text="a\nb\n"),
            nbformat.v4.new_output("execute_result", {"text/plain": "1"}, execution_count=1),
        ]
        two.cells[0].outputs = [
            nbformat.v4.new_output("stream", name="stdout", text="a"),
            nbformat.v4.new_output("stream", name="stdout", text="\nb\n"),
            nbformat.v4.new_output("execute_result", {"text/plain": "1"}, execution_count=7),
        ]
        assert normalised(one) == normalised(two)


class Visible(HTMLParser):
    """The text an HTML output shows, and the part of it in facilitator and signature cells."""

    VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "col", "wbr", "source"})
    """Elements without an end tag."""

    def __init__(self) -> None:
        super().__init__()
        self._open: list[tuple[str, set[str]]] = []
        self._text: list[str] = []
        self._facilitators: list[str] = []
        self._signatures: list[str] = []

    @classmethod
    def of(cls, html: str) -> Visible:
        parser = cls()
        parser.feed(html)
        parser.close()
        return parser

    @property
    def text(self) -> str:
        return " ".join(self._text)

    @property
    def facilitators(self) -> str:
        return " ".join(self._facilitators)

    @property
    def signatures(self) -> str:
        return " ".join(self._signatures)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            classes = set((dict(attrs).get("class") or "").split())
            self._open.append((tag, classes))

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if any(tag in ("style", "script") for tag, _ in self._open):
            return
        self._text.append(data)
        classes = set().union(*(c for _, c in self._open)) if self._open else set()
        if classes & {"facilitator", "facilitators"}:
            self._facilitators.append(data)
        if "signature" in classes:
            self._signatures.append(data)


# --- both notebooks ---------------------------------------------------------------------------


def test_every_notebook_of_examples_is_tested_here() -> None:
    """A notebook added to examples/ is refreshed by run_notebooks.py: it must be tested too."""
    assert sorted(runner.NOTEBOOKS) == sorted(NOTEBOOKS.values())


@pytest.mark.parametrize("name", NAMES)
class TestCommittedFile:
    def test_is_a_valid_notebook_with_a_python_kernel(self, name: str) -> None:
        """It validates against the notebook format and names the python3 kernel."""
        notebook = saved(name)
        nbformat.validate(notebook)
        assert notebook.metadata.kernelspec.name == runner.KERNEL
        assert notebook.metadata.language_info == {"name": "python"}, "no machine's version"

    def test_carries_its_outputs(self, name: str) -> None:
        """Every code cell ran, in order, in one go, and the file keeps what it showed."""
        code = [c for c in saved(name).cells if c.cell_type == "code"]
        assert code
        assert all(c.get("id") for c in code), "the tests find the cells by their id"
        assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
        assert any("text/html" in o.get("data", {}) for c in code for o in c.outputs)
        assert not any(o.output_type == "error" for c in code for o in c.outputs)
        assert not any("execution" in c.metadata for c in code), "no timings"

    def test_is_written_as_the_refresh_writes_it(self, name: str) -> None:
        """In nbformat's own layout: a refresh changes only what the notebook shows."""
        text = NOTEBOOKS[name].read_text(encoding="utf-8")
        assert nbformat.writes(nbformat.reads(text, as_version=4)) + "\n" == text


@pytest.mark.parametrize("name", NAMES)
class TestExecution:
    def test_every_cell_runs(self, name: str, run_notebook: Callable[[str], Run]) -> None:
        """No cell raised (nbclient stops at the first error), and every code cell ran."""
        code = [c for c in run_notebook(name).notebook.cells if c.cell_type == "code"]
        assert all(c.execution_count is not None for c in code)
        assert not any(o.output_type == "error" for c in code for o in c.outputs)

    def test_writes_in_a_temporary_folder_only(
        self, name: str, run_notebook: Callable[[str], Run]
    ) -> None:
        """Nothing is left in the folder the notebook runs in."""
        assert list(run_notebook(name).work.iterdir()) == []

    def test_gives_the_saved_outputs(self, name: str, run_notebook: Callable[[str], Run]) -> None:
        """Running it shows what the committed file shows (run examples/run_notebooks.py to
        refresh the file after a change that alters it)."""
        got, kept = normalised(run_notebook(name).notebook), normalised(saved(name))
        assert list(got) == list(kept)
        for cell_id in got:
            assert got[cell_id] == kept[cell_id], (
                f"{NOTEBOOKS[name].name}, cell {cell_id!r}: the saved outputs are not the ones "
                "a run gives; refresh them with: python examples/run_notebooks.py"
            )

    def test_html_shows_names_not_ids(self, name: str, run_notebook: Callable[[str], Run]) -> None:
        """Facilitators and signatories show as people's names in every HTML output, saved or
        run: no person id of the group where a name belongs."""
        group = GROUPS[name]()
        ids = {person.id: person.name for person in group.persons}
        for notebook in (run_notebook(name).notebook, saved(name)):
            outputs = [o for c in notebook.cells for o in c.get("outputs", [])]
            pages = [o.data["text/html"] for o in outputs if "text/html" in o.get("data", {})]
            assert pages
            for page in pages:
                read = Visible.of(page)
                for person in ids:
                    assert person not in read.text, f"{person!r} shown instead of a name"
                for people in (read.facilitators, read.signatures):
                    assert not set(ids) & set(re.split(r"[\s,]+", people))
            signatures = " ".join(Visible.of(page).signatures for page in pages)
            assert group.meetings[0].signatory in ids
            assert ids[group.meetings[0].signatory] in signatures


# --- the Groupe Pays Maroc programme ----------------------------------------------------------


class TestMaroc:
    def test_builds_the_eleven_items(self, maroc: Any) -> None:
        """The programme built from durations has the 11 items of 2016, ending at 17:30."""
        assert printed(maroc, "construire") == "Le programme se termine à 17:30\n"
        assert printed(maroc, "rencontre") == "11 items\n"

    def test_equals_the_bundled_example(self, maroc: Any) -> None:
        """Same titles and times as the bundled example."""
        assert printed(maroc, "comparer") == "Mêmes titres et mêmes horaires : True\n"

    def test_explains_in_french(self, maroc: Any) -> None:
        """Guesses, refusals and warnings are written in French."""
        assert "«\u202fKhalid\u202f» a été lu comme" in printed(maroc, "rapprochements")
        refused = printed(maroc, "pause-refusee")
        assert refused.startswith("Refusé :\n  agenda[11].end: 17h40 est en dehors de la rencontre")
        checked = printed(maroc, "verifier")
        assert checked.startswith("Sans erreur : True\nagenda[10].start: battement de 5 minutes")

    def test_retimed_into_the_afternoon(self, maroc: Any) -> None:
        """The break is in, the conclusion five minutes later, and the end at 17:30 again."""
        lines = printed(maroc, "ajuster-fin").splitlines()
        assert "  (ajout)    →  15:15–15:25  Pause café" in lines
        assert "16:30–16:45  →  16:35–16:50  Restitution et conclusion" in lines
        assert lines[-1] == "Fin de la rencontre : 17:30"

    def test_displays_html_in_french_and_arabic(self, maroc: Any) -> None:
        """The meeting's rich display, with names, and the Arabic programme, right to left."""
        page = shown(maroc, "afficher", "text/html")
        assert "Présentation de la démarche GPMar" in page
        assert '<td class="facilitator"><bdi>Guillaume Bertrand</bdi></td>' in page
        assert '<p class="signature"><bdi>Khalid Chihani</bdi><br>' in page
        arabic = shown(maroc, "arabe", "text/html")
        assert 'lang="ar" dir="rtl"' in arabic
        assert "<bdi>Guillaume Bertrand</bdi>" in arabic

    def test_exports(self, maroc: Any) -> None:
        """13 events (the meeting and its 12 items) read back; the Markdown table is shown."""
        exported = printed(maroc, "exporter-ics")
        assert exported.startswith("13 événements dans ")
        assert "12 points, fin à 17:30:00" in exported
        table = shown(maroc, "exporter-markdown", "text/markdown")
        assert "| 15h15 - 15h25 | Pause café |  |" in table

    def test_imports_a_pasted_table(self, maroc: Any) -> None:
        """The pasted rows become a checked meeting of 5 items; the remarks are in French."""
        lines = printed(maroc, "importer").splitlines()
        assert lines[0] == "5 items, le 2017-03-10, à : Maison des associations de Limoges"
        assert lines[2] == (
            "ligne 5 : «\u202fKhalid\u202f» a été lu comme personne «\u202fkhalid-chihani\u202f» "
            "(Khalid Chihani)"
        )
        assert printed(maroc, "importer-rencontre") == "Sans erreur : True\n"
        assert printed(maroc, "fin") == "Dossier temporaire supprimé : True\n"


# --- the Groupe Pays Sénégal day, with parallel workshops -------------------------------------


class TestSenegal:
    def test_builds_the_day(self, senegal: Any) -> None:
        """The programme rejoins after the workshops at 12:30 and ends at 17:00."""
        assert printed(senegal, "construire") == (
            "Après les ateliers, le programme reprend à 12:30\nLa journée se termine à 17:00\n"
        )
        assert printed(senegal, "rencontre") == "11 points, dont 2 en salle\n"
        assert printed(senegal, "rapprochements") == (
            "agenda[7].facilitators[0]: «\u202fUn rapporteur par atelier\u202f» ne correspond à "
            "aucune personne ni structure du groupe\u202f; il est gardé comme rôle "
            "[facilitator_role]\n"
        )

    def test_equals_the_bundled_day(self, senegal: Any) -> None:
        """Same titles, times, rooms and kinds as the bundled meeting, and the same display."""
        assert printed(senegal, "comparer") == "Mêmes titres, horaires, salles et types : True\n"
        bundled = groupe_pays_senegal().meeting("journee-2025")
        assert shown(senegal, "afficher", "text/html") == bundled._repr_html_()

    def test_displays_the_workshops_side_by_side_with_names(self, senegal: Any) -> None:
        """One row for the two workshops, a column per room; facilitators by their names."""
        page = shown(senegal, "afficher", "text/html")
        assert page.count('<tr class="parallel-row">') == 1
        assert "<section><h4>Salle Loire</h4>" in page
        assert "<section><h4>Salle Casamance</h4>" in page
        assert "— <bdi>Léa Bernard</bdi>" in page
        assert "— <bdi>Julien Moreau</bdi>" in page
        assert '<td class="facilitator"><bdi>Camille Martin</bdi></td>' in page
        assert '<p class="signature"><bdi>Camille Martin</bdi><br>' in page

    def test_in_arabic(self, senegal: Any) -> None:
        """Right to left; what was given in Arabic is in Arabic, the French titles are marked."""
        arabic = shown(senegal, "arabe", "text/html")
        assert arabic.startswith('<div class="rrma-programme" lang="ar" dir="rtl">')
        assert "<h1>يوم مجموعة السنغال</h1>" in arabic
        assert "<h4>قاعة اللوار</h4>" in arabic
        assert '<bdi lang="fr">Atelier : agriculture et alimentation</bdi>' in arabic
        assert "— <bdi>Léa Bernard</bdi>" in arabic

    def test_explains_a_refusal_and_a_warning_in_french(self, senegal: Any) -> None:
        """A room that is not declared is refused; one person in two rooms is a warning."""
        assert printed(senegal, "salle-inconnue") == (
            "Refusé :\n  agenda[1].room: salle «\u202fsalle-senghor\u202f» introuvable\u202f; "
            "identifiants connus\u202f: salle-casamance, salle-loire [unknown_reference]\n"
        )
        warned = printed(senegal, "double-animation")
        assert warned.startswith("Sans erreur : True\nagenda[1].facilitators: ")
        assert "anime à la fois ce point et «\u202fAtelier : agriculture et alimentation" in warned
        assert warned.endswith("au même moment [facilitator_double_booked]\n")

    def test_exports_to_icalendar(self, senegal: Any) -> None:
        """The meeting and its 11 items are events; the workshops read back with their rooms."""
        assert printed(senegal, "exporter-ics") == (
            "12 événements dans journee-2025.ics\n"
            "11:00–12:30  salle-loire      Atelier : agriculture et alimentation\n"
            "11:00–12:30  salle-casamance  Atelier : jeunesse et formation professionnelle\n"
        )
