"""Reading pasted programme tables, matching facilitators, and writing the Markdown table back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rrma_groups import (
    ActorFacilitator,
    Agenda,
    GroupValidationError,
    ItemKind,
    LocalisedText,
    PersonFacilitator,
    RoleFacilitator,
    Severity,
    check,
)
from rrma_groups.cli.app import main
from rrma_groups.examples import groupe_pays_maroc
from rrma_groups.parsing.facilitators import FacilitatorMatcher
from rrma_groups.parsing.tables import TableImportError, parse_table
from rrma_groups.render.agenda_table import markdown_table
from strategies import programme_tables, scheduling_agendas, table_texts

P = pytest.param
FEW = settings(max_examples=50, deadline=None)
GROUP = groupe_pays_maroc()
REFERENCE = GROUP.meeting("limoges-2016")

# The programme table of the seed document, as a word processor pastes it: tab-separated,
# Date and Lieu only on the first row, an empty facilitator cell on the last.
SEED_TABLE = (
    "Date\tLieu\tHeure\tActivité\tAnimateur\n"
    "04/11/2016\tSiège de la Région – site de Limoges\t14h00 - 14h15\tAccueil des participants"
    "\tCap Coopération\n"
    "\t\t14h15 - 14h20\tPrésentation de l'ordre du jour\tKhalid\n"
    "\t\t14h20 - 14h30\tPrésentation de Cap Coopération\tUn collègue Cap Coopération\n"
    "\t\t14h30 - 14h40\tPrésentation de la MDH\tGuillaume Bertrand\n"
    "\t\t14h40 - 15h00\tPrésentation des structures\tUn représentant de chaque structure\n"
    "\t\t15h00 - 15h15\tPrésentation de la coopération avec la Région Marrakech-Safi"
    "\tSébastien Proeschel - Emmanuelle Pallier\n"
    "\t\t15h15 - 15h30\tPrésentation de la démarche GPMar\tKhalid\n"
    "\t\t15h30 - 16h00\tGPMar: quelles attentes?\tKhalid\n"
    "\t\t16h00 - 16h30\tGPMar: quelles modalités de fonctionnement ?\tKhalid\n"
    "\t\t16h30 - 16h45\tRestitution et conclusion\tKhalid\n"
    "\t\t16h45 - 17h30\tTemps convivial et échange libre\t\n"
)


def plan(agenda: Agenda) -> list[tuple[str, dt.time, dt.time | None]]:
    return [(str(item.title), item.start, item.end) for item in agenda]


def found(result: Any) -> list[tuple[int, str, str]]:
    """(line, severity, code) of every problem of an import."""
    return [(p.line, p.severity.value, p.code) for p in result.problems]


class TestSeedTable:
    def test_it_reads_into_the_eleven_items_of_the_reference(self) -> None:
        """Titles, times and kinds are those of the reference example."""
        result = parse_table(SEED_TABLE, group=GROUP)
        assert plan(result.agenda) == plan(REFERENCE.agenda)
        assert [i.kind for i in result.agenda] == [i.kind for i in REFERENCE.agenda]
        assert (result.format, result.columns) == (
            "tsv",
            ("date", "venue", "time", "title", "facilitators"),
        )

    def test_the_continuation_rows_keep_the_date_and_the_venue(self) -> None:
        """The first row's date and venue hold for the rows with empty cells."""
        result = parse_table(SEED_TABLE, group=GROUP)
        assert (result.date, result.venue) == (
            dt.date(2016, 11, 4),
            "Siège de la Région – site de Limoges",
        )
        assert all(item.day is None for item in result.agenda)

    def test_facilitators_are_matched_to_the_group(self) -> None:
        """Person, network by its former name, roles, two persons, nobody."""
        facilitators = [item.facilitators for item in parse_table(SEED_TABLE, group=GROUP).agenda]
        khalid = (PersonFacilitator(person="khalid-chihani", label="Khalid"),)
        assert facilitators == [
            (ActorFacilitator(actor="cap-cooperation", label="Cap Coopération"),),
            khalid,
            (RoleFacilitator(role="Un collègue Cap Coopération", actor="cap-cooperation"),),
            (PersonFacilitator(person="guillaume-bertrand"),),
            (RoleFacilitator(role="Un représentant de chaque structure"),),
            (
                PersonFacilitator(person="sebastien-proeschel"),
                PersonFacilitator(person="emmanuelle-pallier"),
            ),
            khalid,
            khalid,
            khalid,
            khalid,
            (),
        ]

    def test_each_guess_is_reported_once_where_it_is_first_made(self) -> None:
        """The guesses are warnings, with their line and a message saying what was guessed."""
        result = parse_table(SEED_TABLE, group=GROUP)
        assert [str(p) for p in result.problems] == [
            "line 3: warning: 'Khalid' was read as person 'khalid-chihani' (Khalid Chihani) "
            "[facilitator_guessed]",
            "line 4: warning: 'Un collègue Cap Coopération' is kept as a role of "
            "'cap-cooperation' (SO Coopération), the organisation named in it "
            "[facilitator_role_of_actor]",
            "line 6: warning: 'Un représentant de chaque structure' matches no person or "
            "organisation of the group; it is kept as a role [facilitator_role]",
        ]
        assert result.ok
        assert result.errors == ()

    def test_the_whole_seed_document_reads_too(self) -> None:
        """Pasted with its text around, the table is found and the text is reported as skipped."""
        with open(
            "/work/shared/seed/programme-groupe-pays-maroc-limoges-2016.txt", encoding="utf-8"
        ) as seed:
            text = seed.read()
        result = parse_table(text, group=GROUP)
        assert plan(result.agenda) == plan(REFERENCE.agenda)
        skipped = [p.message for p in result.problems if p.code == "table_outside_text"]
        assert skipped == [
            "lines 5–52 are outside the table and were not read",
            "lines 67–69 are outside the table and were not read",
        ]

    def test_it_makes_the_reference_meeting(self) -> None:
        """The import gives a meeting at the venue found, which checks like the reference."""
        meeting = parse_table(SEED_TABLE, group=GROUP).meeting(
            "limoges-2016", "Rencontre du Groupe Pays Maroc à Limoges"
        )
        assert meeting.date == REFERENCE.date
        assert meeting.venue is not None
        assert meeting.venue.name == "Siège de la Région – site de Limoges"
        assert check(meeting).ok


class TestFormats:
    def test_a_markdown_table(self) -> None:
        """Pipes, a separator row, escaped pipes in cells, en dashes in ranges."""
        text = (
            "| Heure | Activité | Animateur |\n"
            "|:---|---|---:|\n"
            "| 14:00–14:15 | Accueil \\| café | Khalid |\n"
            "| 14:15–15:00 | Débat | |\n"
        )
        result = parse_table(text, group=GROUP)
        assert result.format == "markdown"
        assert plan(result.agenda) == [
            ("Accueil | café", dt.time(14, 0), dt.time(14, 15)),
            ("Débat", dt.time(14, 15), dt.time(15, 0)),
        ]

    def test_timed_lines_and_date_lines(self) -> None:
        """Lines start with a range or a time; a facilitator may end them in parentheses."""
        text = (
            "Vendredi 4 novembre 2016\n"
            "14h00 - 14h15 Accueil des participants (Cap Coopération)\n"
            "- 14h15 - 14h20 : Présentation de l'ordre du jour (Khalid)\n"
            "14h20 Présentation de Cap Coopération\n"
            "14h30 Débat\n"
            "\n"
            "Samedi 5 novembre 2016 :\n"
            "de 9h à 10h Atelier\n"
        )
        result = parse_table(text, group=GROUP)
        assert result.format == "lines"
        assert [(i.day, i.start, i.end, str(i.title)) for i in result.agenda] == [
            (None, dt.time(14, 0), dt.time(14, 15), "Accueil des participants"),
            (None, dt.time(14, 15), dt.time(14, 20), "Présentation de l'ordre du jour"),
            (None, dt.time(14, 20), dt.time(14, 30), "Présentation de Cap Coopération"),
            (None, dt.time(14, 30), None, "Débat"),
            (dt.date(2016, 11, 5), dt.time(9, 0), dt.time(10, 0), "Atelier"),
        ]
        assert result.date == dt.date(2016, 11, 4)
        assert result.agenda[1].facilitators == (
            PersonFacilitator(person="khalid-chihani", label="Khalid"),
        )

    @pytest.mark.parametrize(
        "header",
        [
            P("Heure\tActivité\tAnimateur", id="french"),
            P("Horaire\tSujet\tIntervenants", id="french-other-words"),
            P("Time\tActivity\tFacilitator", id="english"),
            P("الساعة\tالنشاط\tالمنشط", id="arabic"),
            P("**HEURE**\tActivités\tAnimé par", id="bold-and-plural"),
        ],
    )
    def test_headers_in_french_english_or_arabic(self, header: str) -> None:
        """The three columns are recognised whatever the language of the header."""
        result = parse_table(f"{header}\n14:00 - 14:15\tAccueil\tKhalid\n", group=GROUP)
        assert result.columns == ("time", "title", "facilitators")
        assert result.agenda[0].facilitators[0] == PersonFacilitator(
            person="khalid-chihani", label="Khalid"
        )

    def test_start_end_and_duration_columns(self) -> None:
        """Start and end, or start and duration; a start alone ends at the next start."""
        text = (
            "Début\tFin\tDurée\tActivité\n"
            "9h00\t9h30\t\tAccueil\n"
            "9h30\t\t45 min\tDébat\n"
            "10h15\t\t\tPause\n"
            "10h30\t\t1h\tAtelier\n"
        )
        assert plan(parse_table(text).agenda) == [
            ("Accueil", dt.time(9, 0), dt.time(9, 30)),
            ("Débat", dt.time(9, 30), dt.time(10, 15)),
            ("Pause", dt.time(10, 15), dt.time(10, 30)),
            ("Atelier", dt.time(10, 30), dt.time(11, 30)),
        ]

    def test_a_header_repeated_at_a_page_break_is_skipped(self) -> None:
        """Word processors repeat the header row on each page."""
        text = "Heure\tActivité\n14h - 15h\tAccueil\nHeure\tActivité\n15h - 16h\tDébat\n"
        assert [str(i.title) for i in parse_table(text).agenda] == ["Accueil", "Débat"]

    def test_a_table_without_a_header(self) -> None:
        """Columns are read by their content, and the reader says so."""
        result = parse_table("14h00 - 14h15\tAccueil\tKhalid\tsalle 1\n", group=GROUP)
        assert plan(result.agenda) == [("Accueil", dt.time(14, 0), dt.time(14, 15))]
        assert result.agenda[0].notes == "column 4: salle 1"
        assert found(result) == [
            (1, "warning", "table_no_header"),
            (1, "warning", "facilitator_guessed"),
        ]

    def test_an_arabic_table_tagged_arabic(self) -> None:
        """language= tags the titles; Arabic-Indic digits and dates are read."""
        text = "التاريخ\tالساعة\tالنشاط\n٠٤/١١/٢٠١٦\t١٤:٠٠ - ١٤:١٥\tاستقبال المشاركين\n"
        result = parse_table(text, language="ar")
        item = result.agenda[0]
        assert (item.title.exact("ar"), item.kind, result.date) == (
            "استقبال المشاركين",
            ItemKind.WELCOME,
            dt.date(2016, 11, 4),
        )


class TestColumns:
    def test_unknown_columns_are_kept_as_notes(self) -> None:
        """A column that is not recognised is reported once and kept in each item's notes."""
        text = "Heure\tActivité\tPublic\tRemarques\n14h00 - 14h15\tAccueil\tTous\tCafé offert\n"
        result = parse_table(text)
        assert result.columns == ("time", "title", "notes:Public", "notes")
        assert result.agenda[0].notes == "Café offert\nPublic: Tous"
        assert [str(p) for p in result.problems] == [
            "line 1: warning: column 'Public' is not one of the known columns (Date, Lieu, "
            "Heure, Début, Fin, Durée, Activité, Animateur, Salle, Type, Notes); its cells are "
            "kept in the items' notes [table_unknown_column]"
        ]

    def test_rooms_and_kinds(self) -> None:
        """Rooms become ids (and the meeting's rooms); a Type column gives the kind."""
        text = (
            "Heure\tActivité\tSalle\tType\n"
            "14h00 - 15h00\tAtelier eau\tSalle 1\tatelier\n"
            "14h00 - 15h00\tAtelier santé\tSalle Verte\tworkshop\n"
            "15h00 - 15h30\tSynthèse\t\tconclusion\n"
            "15h30 - 16h00\tVote\t\tvote\n"
        )
        result = parse_table(text)
        assert [(i.room, i.kind.value) for i in result.agenda] == [
            ("salle-1", "workshop"),
            ("salle-verte", "workshop"),
            (None, "conclusion"),
            (None, "other"),
        ]
        assert found(result) == [(5, "warning", "table_unknown_kind")]
        meeting = result.meeting("m", "Rencontre", date="2017-03-10", venue={
            "name": "Maison", "rooms": [{"id": key, "name": name} for key, name in result.rooms]
        })  # fmt: skip
        assert check(meeting).ok

    def test_a_new_venue_and_a_new_date(self) -> None:
        """A later date makes later items carry their day; a new venue is noted and reported."""
        text = (
            "Date\tLieu\tHeure\tActivité\n"
            "04/11/2016\tLimoges\t14h00 - 15h00\tAccueil\n"
            "05/11/2016\tBordeaux\t9h00 - 10h00\tVisite\n"
        )
        result = parse_table(text)
        assert [(i.day, i.notes) for i in result.agenda] == [
            (None, None),
            (dt.date(2016, 11, 5), "Bordeaux"),
        ]
        assert [p.message for p in result.warnings] == [
            "the venue changes to 'Bordeaux' (it was 'Limoges'); the new venue is kept in the "
            "item's notes"
        ]
        assert result.meeting("m", "Rencontre").end_date == dt.date(2016, 11, 5)


class TestUnreadableLines:
    TEXT = (
        "| Heure | Activité |\n"
        "|---|---|\n"
        "| 14h60 - 15h | Débat |\n"
        "| 15h | |\n"
        "| | Pause |\n"
        "| 16h - 15h | Clôture |\n"
        "| 16h - 17h | Cocktail |\n"
    )

    def test_every_problem_line_is_reported_with_its_number_and_text(self) -> None:
        """Strict reading raises one error listing each line that could not be read."""
        with pytest.raises(TableImportError) as info:
            parse_table(self.TEXT, source="programme.md")
        assert str(info.value) == (
            "4 lines could not be read in programme.md:\n"
            "  line 3: cannot read the time '14h60 - 15h' in column 'Heure': the start time is "
            "wrong: minutes go from 0 to 59 [table_invalid_time]\n"
            "  line 4: the row has a time (15h) but no title [table_no_title]\n"
            "  line 5: 'Pause' has no time: expected a time range such as '14h00 - 14h15' "
            "[table_no_time]\n"
            "  line 6: cannot read the time '16h - 15h' in column 'Heure': the end (15:00) must "
            "be after the start (16:00) [table_invalid_time]"
        )
        assert [(p.line, p.text) for p in info.value.problems][:2] == [
            (3, "| 14h60 - 15h | Débat |"),
            (4, "| 15h | |"),
        ]

    def test_without_strict_the_other_items_are_kept(self) -> None:
        """strict=False returns the items that could be read, and the errors."""
        result = parse_table(self.TEXT, strict=False)
        assert plan(result.agenda) == [("Cocktail", dt.time(16, 0), dt.time(17, 0))]
        assert [(p.line, p.code) for p in result.errors] == [
            (3, "table_invalid_time"),
            (4, "table_no_title"),
            (5, "table_no_time"),
            (6, "table_invalid_time"),
        ]
        assert all(p.severity is Severity.ERROR for p in result.errors)
        assert not result.ok

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            P("14h00 - 14h15 Accueil\nn'importe quoi\n",
              "line 2: cannot read \"n'importe quoi\": expected a time range such as "
              "'14h00 - 14h15' followed by a title, or a date such as 'vendredi 4 novembre 2016' "
              "[table_unreadable_line]", id="a-line"),
            P("23h30 - 00h30 Soirée\n",
              "line 1: cannot read the time '23h30 - 00h30': the end (00:30) must be after the "
              "start (23:30) [table_invalid_line_time]", id="a-line-past-midnight"),
            P("Date\tHeure\tActivité\n31/02/2016\t14h - 15h\tAccueil\n",
              "line 2: cannot read the date '31/02/2016' in column 'Date': February 2016 has 29 "
              "days [table_invalid_date]", id="a-date"),
            P("Heure\tActivité\n14h - 15h\tAccueil\nune ligne sans tabulation\n15h - 16h\tDébat\n",
              "line 3: 'une ligne sans tabulation' is not a table row: expected cells separated "
              "by tabs [table_not_a_row]", id="not-a-row"),
            P("Heure\tDurée\tActivité\n14h\tlongtemps\tAccueil\n",
              "line 2: cannot read the duration 'longtemps' in column 'Durée': expected a "
              "duration such as 15 min, 1h30 or PT1H30M [table_invalid_duration]",
              id="a-duration"),
            P("Heure\tActivité\n14h - 15h\t" + "x" * 600 + "\n",
              "line 2: cannot make an item of '" + "x" * 600 + "': title: text is too long: 600 "
              "characters, at most 500 [table_invalid_item]", id="an-invalid-item"),
            P("", "line 1: no programme found: expected a table with a header row (Heure, "
              "Activité, Animateur), or lines such as '14h00 - 14h15 Accueil des participants' "
              "[table_empty]", id="nothing"),
        ],
    )  # fmt: skip
    def test_problem_lines(self, text: str, message: str) -> None:
        """Each kind of unreadable line says where, what was written, and what was expected."""
        result = parse_table(text, strict=False)
        assert [str(p) for p in result.errors] == [message]


class TestFacilitatorCells:
    def test_without_a_group_everything_is_a_role_and_said_once(self) -> None:
        """No group: roles, and one warning for the whole table."""
        result = parse_table(SEED_TABLE)
        assert all(isinstance(f, RoleFacilitator) for i in result.agenda for f in i.facilitators)
        assert [str(p) for p in result.problems] == [
            "line 2: warning: no group was given: facilitator 'Cap Coopération' is kept as a role "
            "[table_no_group]"
        ]


def _table_agendas() -> st.SearchStrategy[tuple[Agenda, list[str]]]:
    """Agendas (with rooms) whose items carry facilitators: persons of the group and roles."""
    persons = [person.name for person in GROUP.persons]

    @st.composite
    def build(draw: st.DrawFn) -> tuple[Agenda, list[str]]:
        items = draw(scheduling_agendas(fixed=False))
        written: list[str] = []
        for item in items:
            item["title"] = draw(table_texts())
            names = draw(st.lists(st.sampled_from(persons) | table_texts(), max_size=2))
            written.append(" - ".join(names))
            item.pop("kind", None)
        agenda = Agenda.model_validate(items)
        return agenda, written

    return build()


class TestRoundTrip:
    @FEW
    @given(case=_table_agendas(), language=st.sampled_from(["fr", "en", "ar"]))
    def test_markdown_written_then_read_gives_the_agenda_back(
        self, case: tuple[Agenda, list[str]], language: str
    ) -> None:
        """Times, titles, rooms and facilitators survive markdown_table then parse_table."""
        agenda, written = case
        agenda = Agenda(
            tuple(
                item.replace(facilitators=[m.facilitator for m in GROUP_MATCHER.read(text)])
                for item, text in zip(agenda, written, strict=True)
            )
        )
        text = markdown_table(agenda, group=GROUP, language=language)
        back = parse_table(text, group=GROUP).agenda
        # A title in Arabic script comes back tagged "ar" (the group's language is French): the
        # same text, in the language it is written in.
        assert [(i.title.get("ar"), i.start, i.end, i.room, i.facilitators) for i in back] == [
            (i.title.get("ar"), i.start, i.end, i.room, i.facilitators) for i in agenda
        ]

    @pytest.mark.parametrize(
        ("title", "language", "group_language", "expected"),
        [
            ("استقبال المشاركين", None, "fr", {"ar": "استقبال المشاركين"}),
            ("Accueil des participants", None, "fr", "Accueil des participants"),
            ("Cap Coopération : تقديم", None, "fr", "Cap Coopération : تقديم"),
            ("استقبال المشاركين", "ar-MA", "fr", {"ar-MA": "استقبال المشاركين"}),
            ("استقبال المشاركين", None, "ar", "استقبال المشاركين"),
        ],
    )
    def test_a_title_is_tagged_with_the_language_it_is_written_in(
        self, title: str, language: str | None, group_language: str, expected: object
    ) -> None:
        """Untagged, a title is in the group's language: an Arabic title imported into a French
        group is tagged ar (else it would be shown as French, left to right)."""
        group = GROUP.model_copy(update={"default_language": group_language})
        agenda = parse_table(f"14h00 - 14h15\t{title}", group=group, language=language).agenda
        assert agenda.items[0].title == LocalisedText(expected)  # type: ignore[arg-type]


GROUP_MATCHER = FacilitatorMatcher(GROUP)


# --- the same programme with and without its header row ---------------------------------------


def as_tsv(header: list[str] | None, rows: list[list[str]]) -> str:
    """Rows as a word processor pastes them, under ``header`` when it is given."""
    return "".join("\t".join(cells) + "\n" for cells in ([header] if header else []) + rows)


def as_markdown(header: list[str] | None, rows: list[list[str]]) -> str:
    """Rows as a Markdown table, under ``header`` and its separator row when it is given."""

    def row(cells: list[str]) -> str:
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |\n"

    top = row(header) + "|" + "---|" * len(header) + "\n" if header else ""
    return top + "".join(row(cells) for cells in rows)


def reading(result: Any, rows_above: int, filled: list[int]) -> tuple[Any, ...]:
    """What an import read, lines counted from the first row under the header: the items, the
    date, the venue, what the ``filled`` columns hold (a blank one holds nothing to tell it
    by), and each problem (its column's name as written aside)."""
    problems = [
        (
            p.line - rows_above,
            p.severity,
            p.code,
            {k: v for k, v in p.params.items() if k != "column"},
        )
        for p in result.problems
        if p.code not in ("table_no_header", "table_unknown_column")
    ]
    columns = [result.columns[i] for i in filled]
    return result.agenda, result.date, result.venue, columns, problems


def both_ways(
    header: list[str], rows: list[list[str]], markdown: bool, **options: Any
) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """The readings of a table with its header row, then without."""
    write, above = (as_markdown, 2) if markdown else (as_tsv, 1)
    filled = [i for i in range(len(header)) if any(cells[i] for cells in rows)]
    headed = parse_table(write(header, rows), strict=False, **options)
    bare = parse_table(write(None, rows), strict=False, **options)
    return reading(headed, above, filled), reading(bare, 0, filled)


NO_HEADER = (
    "line 1: warning: no header row was recognised: columns were read by their content (date, "
    "place, time, title, facilitator, then notes) [table_no_header]"
)
SEED_HEADER = ["Date", "Lieu", "Heure", "Activité", "Animateur"]
D1, D2 = dt.date(2016, 11, 4), dt.date(2016, 11, 5)

HEADERLESS_CASES = [
    P(SEED_HEADER,
      [["04/11/2016", "Limoges", "14h00 - 14h15", "Accueil", "Khalid"],
       ["", "", "14h15 - 15h00", "Débat", ""]],
      [(None, "14:00", "Accueil"), (None, "14:15", "Débat")],
      ["line 1: warning: 'Khalid' was read as person 'khalid-chihani' (Khalid Chihani) "
       "[facilitator_guessed]"],
      id="continuation-rows"),
    P(SEED_HEADER,
      [["31/02/2016", "Limoges", "14h00 - 14h15", "Accueil", "Khalid"],
       ["", "", "14h15 - 15h00", "Débat", ""]],
      [(None, "14:15", "Débat")],
      ["line 1: cannot read the date '31/02/2016' in column 'date': February 2016 has 29 days "
       "[table_invalid_date]"],
      id="a-date-that-does-not-exist"),
    P(SEED_HEADER,
      [["04/11/2016", "Limoges", "14h00 - 15h00", "Accueil", ""],
       ["05/11/2016", "", "09h00 - 10h00", "Atelier", ""]],
      [(None, "14:00", "Accueil"), (D2, "09:00", "Atelier")],
      [],
      id="two-days"),
    P(["Heure", "Activité", "Date"],
      [["14h00 - 15h00", "Accueil", "04/11/2016"],
       ["09h00 - 10h00", "Atelier", "05/11/2016"]],
      [(None, "14:00", "Accueil"), (D2, "09:00", "Atelier")],
      [],
      id="two-days-dated-in-the-last-column"),
    P(["Heure", "Activité"],
      [["Vendredi 4 novembre 2016", ""],
       ["14h00 - 15h00", "Accueil"],
       ["Samedi 5 novembre 2016", ""],
       ["09h00 - 10h00", "Atelier"]],
      [(None, "14:00", "Accueil"), (D2, "09:00", "Atelier")],
      [],
      id="two-days-on-rows-of-their-own"),
    P(SEED_HEADER,
      [["04/11/2016", "Limoges", "14h00 - 15h00", "Accueil", ""],
       ["Samedi 6 novembre 2016", "", "09h00 - 10h00", "Atelier", ""]],
      [(None, "14:00", "Accueil")],
      ["line 2: cannot read the date 'Samedi 6 novembre 2016' in column 'date': 6 November "
       "2016 falls on a Sunday, not a Saturday [table_invalid_date]"],
      id="a-weekday-that-does-not-match"),
    P(SEED_HEADER,
      [["04/11/2016", "Limoges", "23h30 - 00h30", "Soirée", ""]],
      [],
      ["line 1: cannot read the time '23h30 - 00h30' in column 'time': the end (00:30) must "
       "be after the start (23:30) [table_invalid_time]"],
      id="past-midnight"),
    P(["Heure", "Activité"],
      [["14h60 - 15h00", "Débat"], ["15h00 - 16h00", "Pause"]],
      [(None, "15:00", "Pause")],
      ["line 1: cannot read the time '14h60 - 15h00' in column 'time': the start time is "
       "wrong: minutes go from 0 to 59 [table_invalid_time]"],
      id="minutes-too-big"),
    P(["Date", "Lieu", "Heure", "Activité"],
      [["04/11/2016", "Limoges", "14h00 - 15h00", "Accueil"],
       ["05/11/2016", "Bordeaux", "09h00 - 10h00", "Visite"]],
      [(None, "14:00", "Accueil"), (D2, "09:00", "Visite")],
      ["line 2: warning: the venue changes to 'Bordeaux' (it was 'Limoges'); the new venue is "
       "kept in the item's notes [table_venue_changed]"],
      id="a-new-place"),
]  # fmt: skip


class TestTablesWithoutAHeader:
    @pytest.mark.parametrize("markdown", [P(False, id="tsv"), P(True, id="markdown")])
    @pytest.mark.parametrize(("header", "rows", "items", "problems"), HEADERLESS_CASES)
    def test_a_table_reads_the_same_with_or_without_its_header(
        self,
        header: list[str],
        rows: list[list[str]],
        items: list[Any],
        problems: list[str],
        markdown: bool,
    ) -> None:
        """Same items, date, venue, columns and problems, on the same rows."""
        headed, bare = both_ways(header, rows, markdown, group=GROUP)
        assert bare == headed

    @pytest.mark.parametrize(("header", "rows", "items", "problems"), HEADERLESS_CASES)
    def test_what_a_table_without_a_header_gives(
        self,
        header: list[str],
        rows: list[list[str]],
        items: list[tuple[dt.date | None, str, str]],
        problems: list[str],
    ) -> None:
        """Each item on its day; each wrong date or time said on its line, with its reason."""
        result = parse_table(as_tsv(None, rows), group=GROUP, strict=False)
        assert [(i.day, i.start.isoformat("minutes"), str(i.title)) for i in result.agenda] == (
            items
        )
        said = [str(p) for p in result.problems]
        said.remove(NO_HEADER)
        assert said == problems

    def test_the_columns_are_told_by_their_cells(self) -> None:
        """Dates, place, time, title, facilitator; a column of numbers is kept in the notes."""
        text = as_tsv(
            None,
            [
                ["1", "04/11/2016", "Limoges", "14h00 - 14h15", "Accueil", "Khalid", "salle 1"],
                ["2", "", "", "14h15 - 15h00", "Débat", "", ""],
            ],
        )
        result = parse_table(text, group=GROUP)
        assert result.columns == (
            "notes:column 1", "date", "venue", "time", "title", "facilitators", "notes:column 7"
        )  # fmt: skip
        assert (result.date, result.venue) == (D1, "Limoges")
        assert [i.notes for i in result.agenda] == ["column 1: 1\ncolumn 7: salle 1", "column 1: 2"]

    def test_a_title_before_the_time(self) -> None:
        """With nothing after the time, the column before it is the title, not the place."""
        result = parse_table("Accueil\t14h00 - 14h15\nPause\t14h15 - 14h30\n")
        assert plan(result.agenda) == [
            ("Accueil", dt.time(14, 0), dt.time(14, 15)),
            ("Pause", dt.time(14, 15), dt.time(14, 30)),
        ]
        assert result.venue is None

    def test_the_command_says_the_same(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """import-agenda reports a wrong date of a table without a header, with its line."""
        table = tmp_path / "programme.txt"
        table.write_text(
            "04/11/2016\tLimoges\t14h00 - 15h00\tAccueil\n31/02/2016\t\t09h00 - 10h00\tAtelier\n",
            encoding="utf-8",
        )
        assert main(["import-agenda", str(table)]) == 1
        assert (
            f"{table}:2: cannot read the date '31/02/2016' in column 'date': February 2016 has "
            "29 days [table_invalid_date]"
        ) in capsys.readouterr().err.splitlines()

    @FEW
    @given(table=programme_tables(), markdown=st.booleans())
    def test_generated_programmes_read_the_same_with_or_without_their_header(
        self, table: tuple[list[str], list[list[str]]], markdown: bool
    ) -> None:
        """Whatever the programme, dropping its header row changes nothing that is read."""
        header, rows = table
        headed, bare = both_ways(header, rows, markdown)
        assert bare == headed


class TestTimesTheClocksSkipOrRepeat:
    NIGHT = "Dimanche 26 mars 2017\n01h30 - 02h00 Veillée\n02h00 - 03h00 Débat\n03h00 - 04h00 Fin\n"

    def test_a_dated_time_the_clocks_skip_is_a_warning_on_its_line(self) -> None:
        """02:00 does not exist in Paris that night: each row that gives it is warned about."""
        result = parse_table(self.NIGHT)
        assert found(result) == [
            (2, "warning", "nonexistent_local_time"),
            (3, "warning", "nonexistent_local_time"),
        ]
        assert result.problems[1].message == (
            "02:00 does not exist on 2017-03-26 in Europe/Paris: the clocks go forward from "
            "UTC+01:00 to UTC+02:00 over it, so it is taken as 03:00 (UTC+02:00)"
        )
        assert plan(result.agenda)[1] == ("Débat", dt.time(2), dt.time(3))  # kept as written

    @pytest.mark.parametrize(
        ("text", "options", "expected"),
        [
            P("02h30 - 03h30 Débat", {"date": "29/10/2017"},
              [(1, "warning", "ambiguous_local_time")], id="date-given"),
            P("02h30 - 03h30 Débat", {"date": "13/03/2016", "timezone": "America/New_York"},
              [(1, "warning", "nonexistent_local_time")], id="other-timezone"),
            P("02h30 - 03h30 Débat", {"date": "26/03/2017", "timezone": "UTC"}, [],
              id="utc"),
            P("02h30 - 03h30 Débat", {}, [], id="no-date-no-day"),
            P("02h30 - 03h30 Débat", {"date": "25/03/2017"}, [], id="the-day-before"),
        ],
    )  # fmt: skip
    def test_the_date_and_timezone_decide(
        self, text: str, options: dict[str, Any], expected: list[tuple[int, str, str]]
    ) -> None:
        """The times are those of the meeting's timezone (Europe/Paris unless told), on the
        date given or found; without one, nothing can be said."""
        assert found(parse_table(text, **options)) == expected

    @pytest.mark.parametrize("timezone", ["localtime", "Factory", "Europe/Limoges"])
    def test_a_timezone_that_is_no_iana_zone_is_refused(self, timezone: str) -> None:
        """The timezone asked for must be an IANA zone, not the machine's."""
        with pytest.raises(GroupValidationError) as caught:
            parse_table("14h00 - 15h00 Débat", timezone=timezone)
        assert [(p.code, p.location) for p in caught.value.errors] == [
            ("invalid_timezone", "timezone")
        ]
