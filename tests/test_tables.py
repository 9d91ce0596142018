"""Reading pasted programme tables, matching facilitators, and writing the Markdown table back."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rrma_groups import (
    ActorFacilitator,
    Agenda,
    AgendaItem,
    ItemKind,
    PersonFacilitator,
    RoleFacilitator,
    Severity,
    check,
)
from rrma_groups.examples import groupe_pays_maroc
from rrma_groups.tables import (
    FacilitatorMatcher,
    TableImportError,
    markdown_table,
    parse_table,
)
from strategies import scheduling_agendas, table_texts

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

    def test_agenda_parse_table(self) -> None:
        """Agenda.parse_table is the same reader."""
        assert Agenda.parse_table(SEED_TABLE, group=GROUP).agenda == (
            parse_table(SEED_TABLE, group=GROUP).agenda
        )


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


class TestFacilitatorMatcher:
    MATCHER = FacilitatorMatcher(GROUP)

    @pytest.mark.parametrize(
        ("text", "facilitators", "codes"),
        [
            P("khalid-chihani", [PersonFacilitator(person="khalid-chihani")], [None], id="id"),
            P("Khalid Chihani", [PersonFacilitator(person="khalid-chihani")], [None], id="name"),
            P("KHALID CHIHANI",
              [PersonFacilitator(person="khalid-chihani", label="KHALID CHIHANI")],
              [None], id="name-any-case"),
            P("Chihani", [PersonFacilitator(person="khalid-chihani", label="Chihani")],
              ["facilitator_guessed"], id="last-name"),
            P("MDH", [ActorFacilitator(actor="mdh", label="MDH")], [None], id="short-name"),
            P("SO Coopération", [ActorFacilitator(actor="cap-cooperation")], [None],
              id="current-name"),
            P("Khalid et Guillaume Bertrand",
              [PersonFacilitator(person="khalid-chihani", label="Khalid"),
               PersonFacilitator(person="guillaume-bertrand")],
              ["facilitator_guessed", None], id="et-between-persons"),
            P("Le président et la trésorière",
              [RoleFacilitator(role="Le président et la trésorière")],
              ["facilitator_role"], id="et-inside-a-role"),
            P("Khalid, MDH ; Un représentant", [
                PersonFacilitator(person="khalid-chihani", label="Khalid"),
                ActorFacilitator(actor="mdh", label="MDH"),
                RoleFacilitator(role="Un représentant")],
              ["facilitator_guessed", None, "facilitator_role"], id="commas-and-semicolons"),
            P("Un élu de la Région Marrakech-Safi",
              [RoleFacilitator(role="Un élu de la Région Marrakech-Safi",
                               actor="region-marrakech-safi")],
              ["facilitator_role_of_actor"], id="role-naming-the-longest-actor"),
            P("", [], [], id="empty"),
        ],
    )  # fmt: skip
    def test_texts_become_facilitators(
        self, text: str, facilitators: list[Any], codes: list[str | None]
    ) -> None:
        """Exact names and ids silently; parts of names and roles with the guess said."""
        matches = self.MATCHER.read(text)
        assert [m.facilitator for m in matches] == facilitators
        assert [m.code for m in matches] == codes

    def test_ambiguity_keeps_a_role_and_lists_the_candidates(self) -> None:
        """A first name two persons share is not guessed."""
        group = GROUP.replace(persons=[*GROUP.persons, {"id": "khalid-b", "name": "Khalid B"}])
        match = FacilitatorMatcher(group).read_one("Khalid")
        assert match.facilitator == RoleFacilitator(role="Khalid")
        assert match.params["candidates"] == (
            "person 'khalid-b' (Khalid B), person 'khalid-chihani' (Khalid Chihani)"
        )

    def test_without_a_group_everything_is_a_role_and_said_once(self) -> None:
        """No group: roles, and one warning for the whole table."""
        result = parse_table(SEED_TABLE)
        assert all(isinstance(f, RoleFacilitator) for i in result.agenda for f in i.facilitators)
        assert [str(p) for p in result.problems] == [
            "line 2: warning: no group was given: facilitator 'Cap Coopération' is kept as a role "
            "[table_no_group]"
        ]


class TestMarkdownTable:
    def test_the_reference_programme(self) -> None:
        """The simple table: Heure, Activité, Animateur as written in the programme."""
        lines = markdown_table(REFERENCE.agenda, group=GROUP).splitlines()
        assert lines[:4] == [
            "| Heure | Activité | Animateur |",
            "|---|---|---|",
            "| 14h00 - 14h15 | Accueil des participants | Cap Coopération |",
            "| 14h15 - 14h20 | Présentation de l'ordre du jour | Khalid |",
        ]
        assert lines[7] == (
            "| 15h00 - 15h15 | Présentation de la coopération avec la Région Marrakech-Safi | "
            "Sébastien Proeschel - Emmanuelle Pallier |"
        )
        assert lines[-1] == "| 16h45 - 17h30 | Temps convivial et échange libre |  |"

    @pytest.mark.parametrize(
        ("language", "header", "time"),
        [
            P("en", "| Time | Activity | Facilitator |", "14:00–14:15", id="english"),
            P("ar", "| الساعة | النشاط | المنشط |", "14:00–14:15", id="arabic"),
        ],
    )
    def test_other_languages(self, language: str, header: str, time: str) -> None:
        """English and Arabic headers; times as 14:00–14:15."""
        lines = markdown_table(REFERENCE.agenda, group=GROUP, language=language).splitlines()
        assert lines[0] == header
        assert lines[2].startswith(f"| {time} | ")

    def test_days_and_rooms_add_columns(self) -> None:
        """A Date column (on each day's first row) and a Salle column appear when needed."""
        agenda = Agenda(
            (
                AgendaItem(title="Atelier", start=dt.time(9), end=dt.time(10), room="salle-a"),
                AgendaItem(title="Visite", start=dt.time(9), end=dt.time(10), day="2017-03-11"),
            )
        )
        assert markdown_table(agenda, first_day=dt.date(2017, 3, 10)).splitlines() == [
            "| Date | Heure | Activité | Animateur | Salle |",
            "|---|---|---|---|---|",
            "| 10/03/2017 | 09h00 - 10h00 | Atelier |  | salle-a |",
            "| 11/03/2017 | 09h00 - 10h00 | Visite |  |  |",
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
        assert [(i.title, i.start, i.end, i.room, i.facilitators) for i in back] == [
            (i.title, i.start, i.end, i.room, i.facilitators) for i in agenda
        ]


GROUP_MATCHER = FacilitatorMatcher(GROUP)
