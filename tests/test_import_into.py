"""import-agenda writes what pastes into a group file, and --into adds it to a meeting.

The items are ``[[meetings.agenda]]`` tables with their times as people write them; a whole
meeting is a ``[[meetings]]`` table. ``--into GROUP --meeting ID`` edits the file's text: its
comments and layout stay, the items follow the meeting's last item, and the file changes only
when the whole group is still valid.
"""

from __future__ import annotations

import io
import tomllib
from pathlib import Path

import pytest

import rrma_groups
from rrma_groups.cli import main
from rrma_groups.errors import FileFormatError
from rrma_groups.io.agenda_text import agenda_toml, insert_agenda, meeting_toml
from rrma_groups.parsing.tables import parse_table

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "groupe_pays_maroc.toml"
PASTED = "Heure\tActivité\tAnimateur\n17h30 - 17h45\tPhoto de groupe\tKhalid\n"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    import contextlib

    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(argv))
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def group_file(tmp_path: Path) -> Path:
    """The example, its meeting ending at 18h00 so that a 17h30 item fits."""
    text = EXAMPLE.read_text(encoding="utf-8").replace("\nend = 17:30:00\n", "\nend = 18:00:00\n")
    path = tmp_path / "groupe.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def pasted(tmp_path: Path) -> Path:
    path = tmp_path / "programme.tsv"
    path.write_text(PASTED, encoding="utf-8")
    return path


class TestWhatIsWritten:
    def test_items_paste_under_a_meeting(self) -> None:
        text = agenda_toml(parse_table("9h30 - 10h00 Accueil\n10h00 Tour de table").agenda)
        assert text == (
            '[[meetings.agenda]]\ntime = "9h30 - 10h00"\ntitle = "Accueil"\nkind = "welcome"\n'
            '\n[[meetings.agenda]]\nstart = "10h00"\ntitle = "Tour de table"\n'
        )
        pasted = EXAMPLE.read_text(encoding="utf-8").replace(
            "\nend = 17:30:00\n", "\nend = 17:30:00\n"
        )
        assert tomllib.loads(pasted + "\n" + text)  # still TOML after the last meeting

    def test_a_whole_meeting(self) -> None:
        table = parse_table(
            "Date\tLieu\tHeure\tActivité\n10/03/2017\tMaison des associations\t9h30 - 10h00\t"
            "Accueil\n",
        )
        text = meeting_toml(table.meeting("limoges-2017", "Deuxième rencontre"))
        group = EXAMPLE.read_text(encoding="utf-8")
        loaded = rrma_groups.loads(group + "\n" + text, "toml")
        meeting = loaded.meeting("limoges-2017")
        assert (meeting.date.isoformat(), str(meeting.venue.name)) == (  # type: ignore[union-attr]
            "2017-03-10",
            "Maison des associations",
        )
        assert [str(i.title) for i in meeting.agenda] == ["Accueil"]

    def test_a_text_in_a_language_is_written_with_dotted_keys(self) -> None:
        """As the examples write it: ``title.ar = "..."`` in its place, not a sub-table."""
        group = rrma_groups.examples.groupe_pays_maroc()
        table = parse_table("14h00 - 14h15\tاستقبال المشاركين\tKhalid", group=group)
        text = agenda_toml(table.agenda)
        assert text == (
            '[[meetings.agenda]]\ntime = "14h00 - 14h15"\ntitle.ar = "استقبال المشاركين"\n'
            'kind = "welcome"\nfacilitators = [\n'
            '    { person = "khalid-chihani", label = "Khalid" },\n]\n'
        )
        written = tomllib.loads(text)["meetings"]["agenda"][0]
        assert written["title"] == {"ar": "استقبال المشاركين"}

    def test_seconds_are_kept(self) -> None:
        text = agenda_toml(parse_table("9h30 - 10h00 Accueil").agenda)
        assert "09:30:00" not in text


class TestInsert:
    def test_after_the_meeting_s_last_item_comments_kept(self, group_file: Path) -> None:
        before = group_file.read_text(encoding="utf-8")
        items = agenda_toml(parse_table(PASTED).agenda)
        after = insert_agenda(before, "limoges-2016", items)
        assert after.replace("\n" + items, "", 1) == before
        head, _, tail = after.partition(items)
        assert head.rstrip().endswith('kind = "social"')  # the last item of the meeting
        assert tail.lstrip().startswith("# Les participants")
        group = rrma_groups.loads(after, "toml")
        assert str(group.meeting("limoges-2016").agenda[-1].title) == "Photo de groupe"

    def test_a_header_inside_a_multiline_string_is_text(self) -> None:
        text = (
            'schema_version = 1\nnote = """\n[[meetings]]\n"""\n\n[[meetings]]\nid = "a"\n'
            '\n[[meetings]]\nid = "b"\n'
        )
        out = insert_agenda(text, "a", '[[meetings.agenda]]\ntime = "9h00"\n')
        data = tomllib.loads(out)
        assert "agenda" in data["meetings"][0]
        assert "agenda" not in data["meetings"][1]

    @pytest.mark.parametrize(
        ("text", "code"),
        [
            ('[[meetings]]\nid = "a"\n', "into_no_meeting"),
            ('meetings = [{ id = "x" }]\n', "into_meetings_not_tables"),
            ("{ not toml", "into_not_toml"),
        ],
    )
    def test_refusals(self, text: str, code: str) -> None:
        with pytest.raises(FileFormatError) as caught:
            insert_agenda(text, "x", "")
        assert caught.value.code == code


class TestCommand:
    def test_into_adds_and_says_so(self, group_file: Path, pasted: Path) -> None:
        status, _, err = run("import-agenda", str(pasted), "--into", str(group_file),
                             "--meeting", "limoges-2016")  # fmt: skip
        assert status == 0, err
        assert "items added to the meeting 'limoges-2016'" in err
        agenda = rrma_groups.load(group_file).meeting("limoges-2016").agenda
        assert [str(i.title) for i in agenda][-1] == "Photo de groupe"

    def test_an_invalid_result_leaves_the_file_as_it_was(
        self, tmp_path: Path, pasted: Path
    ) -> None:
        """The meeting ends at 17h30: an item at 17h30–17h45 is outside it."""
        target = tmp_path / "groupe.toml"
        target.write_bytes(EXAMPLE.read_bytes())
        status, _, err = run("import-agenda", str(pasted), "--into", str(target),
                             "--meeting", "limoges-2016")  # fmt: skip
        assert status == 1
        assert "not changed: the items would make it invalid" in err
        assert "[item_outside_meeting]" in err
        assert target.read_bytes() == EXAMPLE.read_bytes()

    def test_into_needs_meeting(self, group_file: Path, pasted: Path) -> None:
        status, _, err = run("import-agenda", str(pasted), "--into", str(group_file),
                             )  # fmt: skip
        assert status == 2
        assert "--into and --meeting go together" in err

    def test_meeting_id_writes_a_whole_meeting(self, pasted: Path) -> None:
        options = ["--date", "2017-03-10", "--meeting-id", "limoges-2017"]
        status, out, _ = run(
            "import-agenda", str(pasted), *options, "--title", "Deuxième rencontre"
        )
        assert status == 0
        assert out.startswith('[[meetings]]\nid = "limoges-2017"\ntitle = "Deuxième rencontre"\n')
        assert "[[meetings.agenda]]" in out


class TestDates:
    @pytest.mark.parametrize(
        "line", ["Vendredi 10 mars 2017", "10/03/2017 :", "الجمعة 10 مارس 2017"]
    )
    def test_a_date_line_above_a_table_is_its_first_day(self, line: str) -> None:
        """As for lines of text, a date alone above the header row dates the table."""
        table = parse_table(f"{line}\nHeure\tActivité\n9h30 - 10h00\tAccueil\n")
        assert table.date is not None
        assert table.date.isoformat() == "2017-03-10"
        assert [p.code for p in table.problems] == []

    def test_other_lines_above_are_still_reported(self) -> None:
        table = parse_table("Programme\nVendredi 10 mars 2017\nHeure\tActivité\n9h30\tAccueil\n")
        assert table.date is not None
        assert [(p.code, p.line) for p in table.problems] == [("table_outside_text", 1)]

    @pytest.mark.parametrize("lang", ["fr", "ar", "en"])
    def test_the_first_day_is_written_in_every_language(self, tmp_path: Path, lang: str) -> None:
        source = tmp_path / "deux-jours.tsv"
        source.write_text(
            "Date\tHeure\tActivité\n10/03/2017\t9h30 - 10h00\tAccueil\n"
            "\t10h00 - 10h45\tTour de table\n11/03/2017\t9h00 - 10h00\tVisite\n",
            encoding="utf-8",
        )
        status, out, _ = run("import-agenda", str(source), "--lang", lang)
        assert status == 0
        rows = out.splitlines()[2:]
        assert [row.split("|")[1].strip() for row in rows] == ["10/03/2017", "", "11/03/2017"]
