"""The agenda written as the simple Markdown table that the table reader reads back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from rrma_groups import Agenda, AgendaItem
from rrma_groups.examples import groupe_pays_maroc
from rrma_groups.render.agenda_table import markdown_table

P = pytest.param
GROUP = groupe_pays_maroc()
REFERENCE = GROUP.meeting("limoges-2016")


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
            P("ar", "| التوقيت | النشاط | المؤطر |", "14:00–14:15", id="arabic"),
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
            "| 10/03/2017 | 9h00 - 10h00 | Atelier |  | salle-a |",
            "| 11/03/2017 | 9h00 - 10h00 | Visite |  |  |",
        ]

    def test_rooms_by_their_names(self) -> None:
        """A meeting's rooms are written by their names, in the table's language."""
        from rrma_groups import loads

        senegal = loads(
            (Path(__file__).parent.parent / "examples" / "groupe_pays_senegal.toml").read_text(
                encoding="utf-8"
            ),
            "toml",
        )
        meeting = next(m for m in senegal.meetings if m.venue and m.venue.rooms)
        table = markdown_table(meeting, group=senegal)
        for room in meeting.venue.rooms:  # type: ignore[union-attr]
            used = any(item.room == room.id for item in meeting.agenda)
            assert (f"| {room.name.get('fr')} |" in table) == used
            assert f"| {room.id} |" not in table or room.id == room.name.get("fr")
        by_id = markdown_table(
            meeting.agenda,
            rooms={r.id: "Salle X" for r in meeting.venue.rooms},  # type: ignore[union-attr]
        )
        assert "| Salle X |" in by_id
