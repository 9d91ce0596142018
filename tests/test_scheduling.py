"""Scripting agendas: building them, re-timing them, and reading their time budgets."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from rrma_groups import (
    ActorFacilitator,
    Agenda,
    AgendaItem,
    ItemKind,
    Meeting,
    PersonFacilitator,
    RoleFacilitator,
    check,
    explain,
)
from rrma_groups.examples import groupe_pays_maroc
from rrma_groups.i18n.catalog import translator
from rrma_groups.messages import MESSAGES, PLURALS, WORDINGS
from rrma_groups.problems import describe
from rrma_groups.scheduling import (
    AgendaBuilder,
    ItemLookupError,
    RetimeError,
    SchedulingError,
    find_item,
    free_slots,
    retime,
    time_by_facilitator,
    time_by_kind,
    time_by_organisation,
)
from strategies import RETIME_OPERATIONS, scheduling_meetings
from typeset import typeset

P = pytest.param
FEW = settings(max_examples=60, deadline=None)
VENUE = {
    "name": "Maison",
    "rooms": [{"id": "salle-a", "name": "A"}, {"id": "salle-b", "name": "B"}],
}
GROUP = groupe_pays_maroc()
SEED = GROUP.meeting("limoges-2016")


def plan(source: Meeting | Agenda) -> list[str]:
    """Each item as ``HH:MM-HH:MM Title``, in agenda order (``…`` for an open end)."""
    agenda = source.agenda if isinstance(source, Meeting) else source
    return [
        f"{i.start:%H:%M}-{i.end:%H:%M} {i.title}" if i.end else f"{i.start:%H:%M}-… {i.title}"
        for i in agenda
    ]


def minutes(delta: dt.timedelta) -> int:
    return int(delta.total_seconds() // 60)


def workshops(lunch: bool = False, **fields: Any) -> Meeting:
    """Welcome, two rooms of workshops that rejoin, report-back, maybe a fixed lunch, closing."""
    builder = AgendaBuilder("9h00", day="2017-03-10")
    builder.add("Accueil", 30)
    with builder.rooms("salle-a", "salle-b") as (a, b):
        a.add("Atelier eau", 30).add("Atelier eau, suite", 30)
        b.add("Atelier santé", 45)
    builder.add("Restitution", 30)
    if lunch:
        builder.add("Déjeuner", 60, fixed=True)
    builder.add("Clôture", 30)
    return builder.meeting("m", "Rencontre", venue=VENUE, **fields)


def day_with_lunch() -> Meeting:
    """A morning, a gap, a fixed lunch at noon, an afternoon."""
    builder = AgendaBuilder("9h00", day="2017-03-10")
    builder.add("Accueil", 30).add("Débat", 60).at("12h00")
    builder.add("Déjeuner", 60, fixed=True).add("Atelier", 60).add("Clôture", 30)
    return builder.meeting("m", "Rencontre")


def seed_by_builder() -> AgendaBuilder:
    """The seed's programme, written with the builder."""
    builder = AgendaBuilder("14h00", day="2016-11-04", group=GROUP)
    builder.add("Accueil des participants", 15, facilitators="Cap Coopération")
    builder.add("Présentation de l'ordre du jour", 5, facilitators="Khalid")
    builder.add("Présentation de Cap Coopération", 10, facilitators="Un collègue Cap Coopération")
    builder.add("Présentation de la MDH", 10, facilitators="Guillaume Bertrand")
    builder.add(
        "Présentation des structures", 20, facilitators="Un représentant de chaque structure"
    )
    builder.add(
        "Présentation de la coopération avec la Région Marrakech-Safi",
        15,
        facilitators=["Sébastien Proeschel", "Emmanuelle Pallier"],
    )
    builder.add("Présentation de la démarche GPMar", 15, facilitators="khalid-chihani")
    builder.add("GPMar: quelles attentes?", 30, facilitators="Khalid")
    builder.add("GPMar: quelles modalités de fonctionnement ?", 30, facilitators="Khalid")
    builder.add("Restitution et conclusion", 15, facilitators="Khalid")
    builder.add("Temps convivial et échange libre", 45)
    return builder


# --------------------------------------------------------------------------------------------
# Addressing items
# --------------------------------------------------------------------------------------------


class TestFindItem:
    @pytest.mark.parametrize(
        ("key", "index"),
        [
            P(0, 0, id="index"),
            P(-1, 10, id="negative-index"),
            P("Restitution et conclusion", 9, id="exact-title"),
            P("restitution", 9, id="case-insensitive-prefix"),
            P("Présentation de la MDH", 3, id="exact-title-that-is-also-a-prefix"),
            P("temps CONVIVIAL", 10, id="prefix-any-case"),
        ],
    )
    def test_items_are_found_by_index_title_or_prefix(self, key: str | int, index: int) -> None:
        """An index, an exact title, or a unique case-insensitive prefix addresses one item."""
        assert find_item(SEED.agenda, key) == index

    def test_an_id_comes_first(self) -> None:
        """An item's id wins over another item's title."""
        agenda = AgendaBuilder("9h").add("debat", 10).add("Débat", 10, id="Accueil").agenda()
        assert find_item(agenda, "Accueil") == 1
        assert agenda[find_item(agenda, "debat")].start == dt.time(9, 0)

    @pytest.mark.parametrize(
        ("key", "code", "message"),
        [
            P(
                "GPMar",
                "ambiguous_item",
                "'GPMar' could be any of 2 items: [7] 'GPMar: quelles attentes?', [8] 'GPMar: "
                "quelles modalités de fonctionnement ?'; give its id or its index",
                id="ambiguous",
            ),
            P(
                "Restitution et concluson",
                "unknown_item",
                "no item 'Restitution et concluson' in the agenda; did you mean [9] "
                "'Restitution et conclusion'?",
                id="unknown-with-suggestion",
            ),
            P("Pause", "unknown_item", "no item 'Pause' in the agenda; no title is close to it",
              id="unknown"),
            P(11, "item_index_out_of_range", "no item at index 11: the agenda has 11 items",
              id="index-too-large"),
            P(True, "invalid_item_key",
              "an item is addressed by its id, title or index, not by bool", id="bool"),
        ],
    )  # fmt: skip
    def test_unknown_or_ambiguous_keys_are_refused(
        self, key: object, code: str, message: str
    ) -> None:
        """The error says what was asked and lists the candidates."""
        with pytest.raises(ItemLookupError) as info:
            find_item(SEED.agenda, key)  # type: ignore[arg-type]
        assert (info.value.code, str(info.value), info.value.value) == (code, message, key)

    def test_a_small_agenda_lists_its_items(self) -> None:
        """When nothing is close, an agenda of a few items lists them all."""
        agenda = AgendaBuilder("9h").add("Accueil", 10).add("Débat", 10, id="debat").agenda()
        with pytest.raises(ItemLookupError) as info:
            find_item(agenda, "Pause")
        assert str(info.value) == (
            "no item 'Pause' in the agenda; its items are: [0] 'Accueil', [1] 'Débat' (id 'debat')"
        )


# --------------------------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------------------------


class TestBuilder:
    def test_the_seed_programme_is_written_with_durations(self) -> None:
        """Each item starts where the previous ended: the seed's eleven items, kinds guessed."""
        agenda = seed_by_builder().agenda()
        assert plan(agenda) == plan(SEED)
        assert [i.kind for i in agenda] == [i.kind for i in SEED.agenda]

    def test_facilitators_are_resolved_against_the_group(self) -> None:
        """Ids, names, former names, first names and roles become the seed's facilitators."""
        agenda = seed_by_builder().agenda()
        assert [i.facilitators for i in agenda][:7] == [
            (ActorFacilitator(actor="cap-cooperation", label="Cap Coopération"),),
            (PersonFacilitator(person="khalid-chihani", label="Khalid"),),
            (RoleFacilitator(role="Un collègue Cap Coopération", actor="cap-cooperation"),),
            (PersonFacilitator(person="guillaume-bertrand"),),
            (RoleFacilitator(role="Un représentant de chaque structure"),),
            (
                PersonFacilitator(person="sebastien-proeschel"),
                PersonFacilitator(person="emmanuelle-pallier"),
            ),
            (PersonFacilitator(person="khalid-chihani"),),
        ]

    def test_guesses_are_warnings_located_in_the_agenda(self) -> None:
        """A first name, a role naming an organisation, a plain role: each guess is reported."""
        builder = seed_by_builder()
        found = [(p.code, p.location) for p in builder.warnings]
        assert found == [
            ("facilitator_guessed", "agenda[1].facilitators[0]"),
            ("facilitator_role_of_actor", "agenda[2].facilitators[0]"),
            ("facilitator_role", "agenda[4].facilitators[0]"),
            ("facilitator_guessed", "agenda[7].facilitators[0]"),
            ("facilitator_guessed", "agenda[8].facilitators[0]"),
            ("facilitator_guessed", "agenda[9].facilitators[0]"),
        ]
        assert [p.value for p in builder.warnings][:3] == [
            "Khalid",
            "Un collègue Cap Coopération",
            "Un représentant de chaque structure",
        ]
        assert builder.warnings[0].message == (
            "'Khalid' was read as person 'khalid-chihani' (Khalid Chihani)"
        )

    @pytest.mark.parametrize(
        "length",
        [
            P({"minutes": 90}, id="minutes"),
            P({"duration": "1h30"}, id="duration-text"),
            P({"duration": dt.timedelta(minutes=90)}, id="timedelta"),
            P({"end": "15h30"}, id="end"),
        ],
    )
    def test_a_length_is_minutes_a_duration_or_an_end(self, length: dict[str, Any]) -> None:
        """minutes=, duration= and end= give the same item."""
        agenda = AgendaBuilder("14h").add("Débat", **length).agenda()
        assert plan(agenda) == ["14:00-15:30 Débat"]

    def test_start_gap_pause_and_at_move_the_cursor(self) -> None:
        """A start, a gap, a listed break and a jump each move where the next item starts."""
        builder = AgendaBuilder("9h00").add("Accueil", 30).gap(15).add("Débat", 45).pause(15)
        builder.at("11h30").add("Atelier", 30).add("Clôture", 15, start="12h15")
        assert builder.cursor == dt.time(12, 30)
        agenda = builder.agenda()
        assert plan(agenda) == [
            "09:00-09:30 Accueil",
            "09:45-10:30 Débat",
            "10:30-10:45 Pause",
            "11:30-12:00 Atelier",
            "12:15-12:30 Clôture",
        ]
        assert agenda[2].kind is ItemKind.BREAK

    @pytest.mark.parametrize(
        ("title", "kind"),
        [
            P("Accueil des participants", ItemKind.WELCOME),
            P("Pause déjeuner", ItemKind.MEAL),
            P("Pause café", ItemKind.BREAK),
            P("Atelier : présentation des projets", ItemKind.WORKSHOP),
            P("Débat", ItemKind.DISCUSSION),
            P("Quelles attentes ?", ItemKind.DISCUSSION),
            P("Temps convivial et échange libre", ItemKind.SOCIAL),
            P("Restitution", ItemKind.CONCLUSION),
            P("Plénière", ItemKind.PLENARY),
            P("استقبال المشاركين", ItemKind.WELCOME),
            P("Coffee break", ItemKind.BREAK),
            P("Vote du budget", ItemKind.OTHER),
        ],
    )
    def test_kinds_are_guessed_from_titles(self, title: str, kind: ItemKind) -> None:
        """French, English and Arabic titles suggest a kind; a given kind wins."""
        builder = AgendaBuilder("9h").add(title, 10).add(title, 10, kind="other")
        assert [i.kind for i in builder.agenda()] == [kind, ItemKind.OTHER]

    @pytest.mark.parametrize(
        ("spec", "facilitator"),
        [
            P("person:p1", PersonFacilitator(person="p1"), id="person-prefix"),
            P("actor:a1", ActorFacilitator(actor="a1"), id="actor-prefix"),
            P("Khalid", RoleFacilitator(role="Khalid"), id="text-is-a-role"),
            P(
                {"person": "p1", "label": "P"},
                PersonFacilitator(person="p1", label="P"),
                id="table",
            ),
            P(RoleFacilitator(role="Tous"), RoleFacilitator(role="Tous"), id="model"),
        ],
    )
    def test_without_a_group_text_is_a_role(self, spec: Any, facilitator: Any) -> None:
        """Without a group: person:ID and actor:ID, tables and models; other text is a role."""
        builder = AgendaBuilder("9h").add("Débat", 10, facilitators=spec)
        assert builder.agenda()[0].facilitators == (facilitator,)
        assert builder.warnings == []

    def test_parallel_sessions_rejoin_after_the_longest(self) -> None:
        """Rooms run from the block's start; the next item starts when the longest ends."""
        meeting = workshops()
        assert plan(meeting) == [
            "09:00-09:30 Accueil",
            "09:30-10:00 Atelier eau",
            "10:00-10:30 Atelier eau, suite",
            "09:30-10:15 Atelier santé",
            "10:30-11:00 Restitution",
            "11:00-11:30 Clôture",
        ]
        assert [i.room for i in meeting.agenda] == [
            None,
            "salle-a",
            "salle-a",
            "salle-b",
            None,
            None,
        ]
        assert check(meeting).ok

    def test_tracks_and_lanes(self) -> None:
        """Tracks are lanes without rooms; a lane can also be opened by room and track."""
        builder = AgendaBuilder("14h")
        with builder.tracks("Eau", "Santé") as (water, health):
            water.add("Atelier eau", 60)
            health.add("Atelier santé", 30).gap(10).add("Visite", 30)
        builder.add("Restitution", 20)
        agenda = builder.agenda()
        assert plan(agenda)[-1] == "15:10-15:30 Restitution"
        assert [i.track for i in agenda] == ["Eau", "Santé", "Santé", None]

    def test_days_follow_each_other(self) -> None:
        """next_day starts another date; its items carry their day; the meeting spans them."""
        builder = AgendaBuilder("14h", day="2016-11-04").add("Accueil", 30)
        builder.next_day(start="9h").add("Atelier", 60).next_day("2016-11-07", start="10h")
        meeting = builder.add("Clôture", 30).meeting("m", "Rencontre")
        assert [(i.day, f"{i.start:%H:%M}") for i in meeting.agenda] == [
            (None, "14:00"),
            (dt.date(2016, 11, 5), "09:00"),
            (dt.date(2016, 11, 7), "10:00"),
        ]
        assert (meeting.date, meeting.end_date) == (dt.date(2016, 11, 4), dt.date(2016, 11, 7))

    @pytest.mark.parametrize(
        ("build", "code", "message"),
        [
            P(lambda: AgendaBuilder("14h").add("Débat"), "missing_length",
              "'Débat' needs a length: give minutes=, duration= or end=", id="no-length"),
            P(lambda: AgendaBuilder("14h").add("Débat", 5, end="15h"), "conflicting_length",
              "'Débat': give only one of minutes=, duration= and end=, not minutes= and end=",
              id="two-lengths"),
            P(lambda: AgendaBuilder("23h").add("Soirée", 90), "outside_day",
              "cannot add 'Soirée': it would end at 00:30 the next day, outside its day "
              "(00:00 to 24:00)", id="past-midnight"),
            P(lambda: AgendaBuilder("14h").add("Débat", 0), "invalid_length",
              "cannot add 'Débat': an item lasts at least a minute, not 0 minutes",
              id="zero-minutes"),
            P(lambda: AgendaBuilder("14h").add("Débat", 5, id="un débat"), "invalid_item",
              "cannot make an item of 'Débat': id: 'un débat' is not a valid id: use letters, "
              "digits, '-', '_' or '.', starting with a letter or digit, at most 64 characters",
              id="bad-id"),
            P(lambda: AgendaBuilder("14h").add("Débat", 5, facilitators=[3]),
              "invalid_facilitator_spec",
              "cannot read 3 as a facilitator: expected a person or actor id, a name, a role "
              "written as text, a facilitator, or a table with 'person', 'actor' or 'role'",
              id="bad-facilitator"),
            P(lambda: AgendaBuilder("14h").next_day(start="9h"), "unknown_first_day",
              "the date of the first day is not known: give next_day() its date",
              id="next-day-without-date"),
            P(lambda: AgendaBuilder("14h", day="2016-11-04").next_day("2016-11-04", start="9h"),
              "day_not_later", "the next day (2016-11-04) must come after 2016-11-04",
              id="same-day"),
            P(lambda: AgendaBuilder("14h").add("Débat", 5).meeting("m", "M"),
              "unknown_first_day", "the date of the first day is not known: give meeting() its "
              "date", id="meeting-without-date"),
        ],
    )  # fmt: skip
    def test_mistakes_are_refused_where_they_are_made(
        self, build: Any, code: str, message: str
    ) -> None:
        """Each mistake raises at once, with a message that says what was expected."""
        with pytest.raises(SchedulingError) as info:
            build()
        assert (info.value.code, str(info.value)) == (code, message)

    def test_a_parallel_block_must_be_closed_first(self) -> None:
        """Adding to the programme inside a parallel block, or to a closed block, is refused."""
        builder = AgendaBuilder("14h")
        block = builder.parallel()
        with pytest.raises(SchedulingError, match=r"^a parallel block is open: leave its 'with' "):
            builder.add("Débat", 10)
        block.rejoin()
        with pytest.raises(SchedulingError) as info:
            block.room("a").add("Atelier", 10)
        assert str(info.value) == "this parallel block was closed: add a lane in a new one"

    def test_overlapping_items_are_refused_with_the_check_problems(self) -> None:
        """An explicit start inside the previous item makes an agenda with an overlap."""
        builder = AgendaBuilder("14h").add("Accueil", 30).add("Débat", 30, start="14h15")
        with pytest.raises(RetimeError) as info:
            builder.agenda()
        error = info.value
        assert [(p.code, p.location) for p in error.problems] == [("overlap", "agenda[1].start")]
        assert (
            str(error)
            == f"cannot build the agenda: the programme would have 1 error: {error.problems[0]}"
        )

    def test_a_meeting_is_checked_with_its_venue(self) -> None:
        """A room the venue does not have is an error of the meeting."""
        builder = AgendaBuilder("14h", day="2017-03-10")
        with builder.rooms("salle-z"):
            pass
        with builder.rooms("salle-z") as (room,):
            room.add("Atelier", 30)
        with pytest.raises(RetimeError) as info:
            builder.meeting("m", "Rencontre", venue=VENUE)
        assert [p.code for p in info.value.problems] == ["unknown_reference"]


# --------------------------------------------------------------------------------------------
# Re-timing
# --------------------------------------------------------------------------------------------


class TestShift:
    def test_cascade_moves_what_follows(self) -> None:
        """The item and every later item move by the same amount."""
        later = retime(SEED.replace(end="17:45")).shift("Restitution", 15, cascade=True)
        assert plan(later)[-3:] == [
            "16:00-16:30 GPMar: quelles modalités de fonctionnement ?",
            "16:45-17:00 Restitution et conclusion",
            "17:00-17:45 Temps convivial et échange libre",
        ]
        assert plan(later)[:9] == plan(SEED)[:9]

    def test_to_a_time(self) -> None:
        """to= gives the new start; the length stays."""
        later = retime(SEED.replace(end="17:45")).shift(-1, to="17h00")
        assert plan(later)[-1] == "17:00-17:45 Temps convivial et échange libre"

    def test_shifting_by_nothing_gives_the_same_meeting(self) -> None:
        """Zero minutes changes nothing."""
        assert retime(SEED).shift(3, 0) == SEED

    def test_an_overlap_is_refused_and_the_input_kept(self) -> None:
        """Without cascade, a later start overlaps the next item: an error with the problems."""
        before = SEED.model_dump()
        with pytest.raises(RetimeError) as info:
            retime(SEED).shift("Présentation de la MDH", 10)
        error = info.value
        assert [(p.code, p.location) for p in error.problems] == [("overlap", "agenda[4].start")]
        assert str(error) == (
            "cannot shift 'Présentation de la MDH' by +10 minutes: the programme would have "
            f"1 error: {error.problems[0]}"
        )
        assert (error.code, error.value) == ("invalid_programme", "Présentation de la MDH")
        assert SEED.model_dump() == before

    def test_the_meeting_bounds_apply(self) -> None:
        """Pushing the last item past the meeting's end is refused."""
        with pytest.raises(RetimeError) as info:
            retime(SEED).shift("Restitution", 15, cascade=True)
        assert [p.code for p in info.value.problems] == ["item_outside_meeting"]

    def test_a_fixed_item_stops_the_cascade(self) -> None:
        """The items before a fixed lunch move; the lunch and the afternoon stay."""
        later = retime(day_with_lunch()).shift("Accueil", 30, cascade=True)
        assert plan(later) == [
            "09:30-10:00 Accueil",
            "10:00-11:00 Débat",
            "12:00-13:00 Déjeuner",
            "13:00-14:00 Atelier",
            "14:00-14:30 Clôture",
        ]

    def test_a_cascade_into_a_fixed_item_is_refused(self) -> None:
        """The lunch does not move: pushing the morning into it, or past it, is refused."""
        with pytest.raises(SchedulingError) as info:
            retime(day_with_lunch()).shift("Accueil", 120, cascade=True)
        assert str(info.value) == (
            "cannot shift 'Accueil' by +120 minutes: 'Déjeuner' is fixed at 12:00, but the items "
            "before it would run until 12:30"
        )
        builder = AgendaBuilder("8h").add("Accueil", 5).add("Café", 5, fixed=True).add("Débat", 5)
        agenda = builder.add("Repas", 5, start="8h20", fixed=True).agenda()
        with pytest.raises(SchedulingError, match="'Repas' is fixed at 08:20, but the items"):
            retime(agenda).shift("Café", 15, cascade=True)

    def test_a_cascade_keeps_the_order_of_the_day(self) -> None:
        """Shifted with cascade, an item may not pass another: move() is for that."""
        builder = AgendaBuilder("8h").add("Accueil", 5).add("Repas", 5, fixed=True)
        with pytest.raises(SchedulingError) as info:
            retime(builder.add("Café", 5, fixed=True).agenda()).shift("Repas", -15, cascade=True)
        assert str(info.value) == (
            "cannot shift 'Repas' by -15 minutes with cascade: it would pass 'Accueil', and what "
            "follows it would no longer be what followed it; move() changes the order"
        )

    def test_an_item_cannot_leave_its_day(self) -> None:
        """Starting before midnight is refused before anything is checked."""
        with pytest.raises(SchedulingError) as info:
            retime(SEED).shift(0, -15 * 60, cascade=True)
        assert str(info.value) == (
            "cannot shift 'Accueil des participants' by -900 minutes: it would start at 23:00 "
            "the day before, outside its day (00:00 to 24:00)"
        )

    def test_a_parallel_session_moves_within_its_block(self) -> None:
        """A shorter session moved inside its block leaves the plenary where it is."""
        later = retime(workshops()).shift("Atelier santé", 10, cascade=True)
        assert plan(later)[3:5] == ["09:40-10:25 Atelier santé", "10:30-11:00 Restitution"]

    def test_a_session_pushes_the_next_one_in_its_room(self) -> None:
        """In its room the next session follows; the plenary moves as much as the block's end."""
        later = retime(workshops()).shift("Atelier eau", 15, cascade=True)
        assert plan(later)[1:5] == [
            "09:45-10:15 Atelier eau",
            "10:15-10:45 Atelier eau, suite",
            "09:30-10:15 Atelier santé",
            "10:45-11:15 Restitution",
        ]

    def test_shifting_back_gives_the_programme_back(self) -> None:
        """+n then -n with cascade is the identity, around parallel sessions too."""
        meeting = workshops(end="13:00")
        for key in ("Accueil", "Atelier eau", "Atelier santé", "Restitution"):
            there = retime(meeting).shift(key, 10, cascade=True)
            assert retime(there).shift(key, -10, cascade=True) == meeting


class TestStretchAndResize:
    def test_stretching_pushes_what_follows(self) -> None:
        """Ten more minutes for an item, with cascade: the later items move by ten minutes."""
        longer = retime(SEED.replace(end="17:40")).stretch(
            "Présentation des structures", 10, cascade=True
        )
        assert plan(longer)[4:6] == [
            "14:40-15:10 Présentation des structures",
            "15:10-15:25 Présentation de la coopération avec la Région Marrakech-Safi",
        ]
        assert plan(longer)[-1] == "16:55-17:40 Temps convivial et échange libre"

    def test_shrinking_pulls_what_follows(self) -> None:
        """A negative stretch shortens the item and, with cascade, brings the rest forward."""
        shorter = retime(SEED).stretch("GPMar: quelles attentes?", -10, cascade=True)
        assert plan(shorter)[7:9] == [
            "15:30-15:50 GPMar: quelles attentes?",
            "15:50-16:20 GPMar: quelles modalités de fonctionnement ?",
        ]

    @pytest.mark.parametrize(
        "change", [P({"minutes": 20}, id="minutes"), P({"end": "15h50"}, id="end")]
    )
    def test_resize_to_a_length_or_an_end(self, change: dict[str, Any]) -> None:
        """resize sets the length (or the end) instead of adding to it."""
        shorter = retime(SEED).resize("GPMar: quelles attentes?", **change, cascade=True)
        assert plan(shorter)[7:9] == [
            "15:30-15:50 GPMar: quelles attentes?",
            "15:50-16:20 GPMar: quelles modalités de fonctionnement ?",
        ]

    def test_without_cascade_only_the_item_changes(self) -> None:
        """By default, shrinking leaves a gap and stretching into the next item is refused."""
        shorter = retime(SEED).stretch("GPMar: quelles attentes?", -10)
        assert plan(shorter)[7:9] == [
            "15:30-15:50 GPMar: quelles attentes?",
            "16:00-16:30 GPMar: quelles modalités de fonctionnement ?",
        ]
        with pytest.raises(RetimeError):
            retime(SEED).stretch("GPMar: quelles attentes?", 10)

    def test_a_session_stretched_within_its_block_moves_nothing_else(self) -> None:
        """The block ends when its longest room does: a shorter session may grow until then."""
        longer = retime(workshops()).stretch("Atelier santé", 15, cascade=True)
        assert plan(longer)[3:5] == ["09:30-10:30 Atelier santé", "10:30-11:00 Restitution"]

    def test_a_session_stretched_past_its_block_pushes_the_plenary(self) -> None:
        """Past the block's end, the later items follow the new end."""
        longer = retime(workshops()).stretch("Atelier santé", 25, cascade=True)
        assert plan(longer)[3:] == [
            "09:30-10:40 Atelier santé",
            "10:40-11:10 Restitution",
            "11:10-11:40 Clôture",
        ]

    @pytest.mark.parametrize(
        ("call", "message"),
        [
            P(lambda r: r.stretch(-1, -45), "cannot stretch 'Temps convivial et échange libre': "
              "an item lasts at least a minute, not 0 minutes", id="to-nothing"),
            P(lambda r: r.resize(-1), "'Temps convivial et échange libre' needs a length: give "
              "minutes=, duration= or end=", id="no-length"),
            P(lambda r: r.stretch(-1, 400), "cannot stretch 'Temps convivial et échange libre': "
              "it would end at 00:10 the next day, outside its day (00:00 to 24:00)",
              id="past-midnight"),
        ],
    )  # fmt: skip
    def test_impossible_lengths_are_refused(self, call: Any, message: str) -> None:
        """An item lasts at least a minute and ends within its day."""
        with pytest.raises(SchedulingError) as info:
            call(retime(SEED))
        assert str(info.value) == message

    def test_an_open_end_cannot_be_stretched(self) -> None:
        """An item without an end has no length to add to; resize gives it one."""
        meeting = SEED.replace(agenda=[*SEED.agenda[:-1], SEED.agenda[-1].replace(end=None)])
        with pytest.raises(SchedulingError) as info:
            retime(meeting).stretch(-1, 10)
        assert str(info.value) == (
            "cannot stretch it: 'Temps convivial et échange libre' has no end time"
        )
        assert plan(retime(meeting).resize(-1, 30))[-1] == (
            "16:45-17:15 Temps convivial et échange libre"
        )


class TestRemove:
    def test_the_gap_closes(self) -> None:
        """With cascade, the items after a removed one move up by its length."""
        shorter = retime(SEED).remove("Présentation de la MDH", cascade=True)
        assert len(shorter.agenda) == 10
        assert plan(shorter)[3] == "14:30-14:50 Présentation des structures"
        assert plan(shorter)[-1] == "16:35-17:20 Temps convivial et échange libre"

    def test_the_gap_stays(self) -> None:
        """By default, free time is left where the item was."""
        shorter = retime(SEED).remove(3)
        assert plan(shorter)[3] == "14:40-15:00 Présentation des structures"
        assert [str(s) for s in free_slots(shorter)] == ["2016-11-04 14:30–14:40"]

    def test_a_gap_that_was_there_stays(self) -> None:
        """Only the removed item's time is taken back."""
        shorter = retime(day_with_lunch()).remove("Accueil", cascade=True)
        assert plan(shorter)[:2] == ["09:00-10:00 Débat", "12:00-13:00 Déjeuner"]

    def test_a_session_removed_from_a_block_keeps_the_block_as_long_as_needed(self) -> None:
        """The plenary waits for the sessions still running; the room's next session moves up."""
        shorter = retime(workshops()).remove("Atelier eau", cascade=True)
        assert plan(shorter)[1:4] == [
            "09:30-10:00 Atelier eau, suite",
            "09:30-10:15 Atelier santé",
            "10:15-10:45 Restitution",
        ]


class TestInsert:
    def test_before_an_item_pushes_it_and_what_follows(self) -> None:
        """A break before an item: it and the later items move by the break's length."""
        longer = retime(SEED.replace(end="17:45")).insert(
            "Pause café", 15, before="GPMar: quelles attentes?", cascade=True
        )
        assert plan(longer)[7:9] == [
            "15:30-15:45 Pause café",
            "15:45-16:15 GPMar: quelles attentes?",
        ]
        assert longer.agenda[7].kind is ItemKind.BREAK
        assert plan(longer)[-1] == "17:00-17:45 Temps convivial et échange libre"

    def test_after_an_item(self) -> None:
        """After an item: the new item starts at its end."""
        longer = retime(SEED.replace(end="17:35")).insert(
            "Photo", 5, after=0, kind="other", cascade=True
        )
        assert plan(longer)[:3] == [
            "14:00-14:15 Accueil des participants",
            "14:15-14:20 Photo",
            "14:20-14:25 Présentation de l'ordre du jour",
        ]

    def test_a_gap_is_filled_before_anything_moves(self) -> None:
        """The later items move only as far as needed."""
        filled = retime(day_with_lunch()).insert("Pause", 30, after="Débat", cascade=True)
        assert plan(filled)[:4] == [
            "09:00-09:30 Accueil",
            "09:30-10:30 Débat",
            "10:30-11:00 Pause",
            "12:00-13:00 Déjeuner",
        ]

    def test_at_a_time_and_at_the_end(self) -> None:
        """at= places it at a time; without a position it goes at the end of the last day."""
        meeting = day_with_lunch()
        assert plan(retime(meeting).insert("Visite", 60, at="10h45"))[2] == "10:45-11:45 Visite"
        assert plan(retime(meeting).insert("Cocktail", 30))[-1] == "14:30-15:00 Cocktail"

    def test_an_agenda_item_keeps_its_times(self) -> None:
        """An AgendaItem without a position goes at its own time, with its fields."""
        item = AgendaItem(title="Visite", start=dt.time(10, 45), end=dt.time(11, 15), id="visite")
        placed = retime(day_with_lunch()).insert(item)
        assert placed.agenda[find_item(placed.agenda, "visite")].start == dt.time(10, 45)
        assert plan(placed)[2] == "10:45-11:15 Visite"

    def test_without_cascade_an_overlap_is_refused(self) -> None:
        """By default the others stay where they are: an item that does not fit is refused."""
        with pytest.raises(RetimeError):
            retime(SEED).insert("Pause", 10, before=3)

    def test_a_plenary_item_goes_before_the_whole_block(self) -> None:
        """Before a parallel session, a plenary item comes before its block, which moves."""
        longer = retime(workshops()).insert("Consignes", 10, before="Atelier santé", cascade=True)
        assert plan(longer)[1:6] == [
            "09:30-09:40 Consignes",
            "09:40-10:10 Atelier eau",
            "10:10-10:40 Atelier eau, suite",
            "09:40-10:25 Atelier santé",
            "10:40-11:10 Restitution",
        ]

    def test_a_session_in_a_room_makes_room_in_that_room(self) -> None:
        """A session inserted in a room pushes that room's sessions, and the block's end."""
        longer = retime(workshops()).insert(
            "Atelier eau, visite",
            20,
            after="Atelier eau",
            room="salle-a",
            kind="workshop",
            cascade=True,
        )
        assert plan(longer)[1:6] == [
            "09:30-10:00 Atelier eau",
            "10:00-10:20 Atelier eau, visite",
            "10:20-10:50 Atelier eau, suite",
            "09:30-10:15 Atelier santé",
            "10:50-11:20 Restitution",
        ]

    @pytest.mark.parametrize(
        ("call", "message"),
        [
            P(lambda r: r.insert("Pause", 10, before=1, after=2),
              "give at most one of before=, after= and at=, not before= and after=",
              id="two-positions"),
            P(lambda r: r.insert("Pause", before=1),
              "'Pause' needs a length: give minutes=, duration= or end=", id="no-length"),
            P(lambda r: r.insert("Pause", 10, before="Pose"),
              "no item 'Pose' in the agenda; no title is close to it", id="unknown-item"),
        ],
    )  # fmt: skip
    def test_mistakes(self, call: Any, message: str) -> None:
        """A position and a length are needed, and the item must exist."""
        with pytest.raises(SchedulingError) as info:
            call(retime(SEED))
        assert str(info.value) == message


class TestMove:
    def test_before_an_earlier_item(self) -> None:
        """The moved item leaves a gap that closes, and the items at its new place make room."""
        moved = retime(SEED).move("Présentation des structures", before=1)
        assert plan(moved)[:6] == [
            "14:00-14:15 Accueil des participants",
            "14:15-14:35 Présentation des structures",
            "14:35-14:40 Présentation de l'ordre du jour",
            "14:40-14:50 Présentation de Cap Coopération",
            "14:50-15:00 Présentation de la MDH",
            "15:00-15:15 Présentation de la coopération avec la Région Marrakech-Safi",
        ]

    def test_after_a_later_item(self) -> None:
        """Moved to later, it keeps its length; the others keep their order."""
        moved = retime(SEED).move(1, after="Restitution")
        assert plan(moved)[-3:] == [
            "16:25-16:40 Restitution et conclusion",
            "16:40-16:45 Présentation de l'ordre du jour",
            "16:45-17:30 Temps convivial et échange libre",
        ]
        assert Counter(i.title for i in moved.agenda) == Counter(i.title for i in SEED.agenda)

    def test_to_another_day(self) -> None:
        """Moving next to an item of another day moves it to that day."""
        builder = AgendaBuilder("9h", day="2017-03-10").add("Accueil", 30).add("Visite", 60)
        builder.next_day(start="9h").add("Atelier", 60).add("Clôture", 30)
        moved = retime(builder.meeting("m", "M")).move("Visite", after="Atelier")
        assert [(i.day, f"{i.start:%H:%M}", str(i.title)) for i in moved.agenda] == [
            (None, "09:00", "Accueil"),
            (dt.date(2017, 3, 11), "09:00", "Atelier"),
            (dt.date(2017, 3, 11), "10:00", "Visite"),
            (dt.date(2017, 3, 11), "11:00", "Clôture"),
        ]

    @pytest.mark.parametrize(
        ("call", "message"),
        [
            P(lambda r: r.move(1), "give before= or after= to say where \"Présentation de "
              "l'ordre du jour\" goes", id="nowhere"),
            P(lambda r: r.move(1, before=1, after=2),
              "give at most one of before=, after= and at=, not before= and after=", id="two"),
            P(lambda r: r.move(1, before="Présentation de l'ordre du jour"),
              "cannot move \"Présentation de l'ordre du jour\" before itself", id="itself"),
        ],
    )  # fmt: skip
    def test_mistakes(self, call: Any, message: str) -> None:
        """One position, and another item."""
        with pytest.raises(SchedulingError) as info:
            call(retime(SEED))
        assert str(info.value) == message


class TestCompact:
    def test_gaps_close(self) -> None:
        """Items follow each other from the first; a fixed lunch stays where it is."""
        meeting = retime(day_with_lunch()).remove("Débat")
        assert plan(retime(meeting).compact()) == [
            "09:00-09:30 Accueil",
            "12:00-13:00 Déjeuner",
            "13:00-14:00 Atelier",
            "14:00-14:30 Clôture",
        ]
        spread = retime(SEED).remove(3).replace(end=None)
        assert plan(retime(spread).compact())[3] == "14:30-14:50 Présentation des structures"

    def test_with_a_gap_between_items(self) -> None:
        """gap= leaves that many minutes between items (and between blocks)."""
        spaced = retime(workshops(end="13:00")).compact(gap=5)
        assert plan(spaced) == [
            "09:00-09:30 Accueil",
            "09:35-10:05 Atelier eau",
            "10:05-10:35 Atelier eau, suite",
            "09:35-10:20 Atelier santé",
            "10:40-11:10 Restitution",
            "11:15-11:45 Clôture",
        ]

    def test_from_a_start(self) -> None:
        """start= sets where the day begins."""
        assert plan(retime(SEED.replace(start=None)).compact(start="13h30"))[0] == (
            "13:30-13:45 Accueil des participants"
        )

    def test_a_fixed_item_in_the_way_is_an_error(self) -> None:
        """Items before a fixed one may not run into it."""
        with pytest.raises(SchedulingError) as info:
            retime(day_with_lunch()).compact(gap=5, start="10h45")
        assert str(info.value) == (
            "cannot compact 2017-03-10: 'Déjeuner' is fixed at 12:00, but the items before it "
            "would run until 12:20"
        )

    def test_one_day_only(self) -> None:
        """day= compacts that day and leaves the others."""
        builder = AgendaBuilder("9h", day="2017-03-10").add("Accueil", 30).gap(30).add("A", 30)
        builder.next_day(start="9h").add("B", 30).gap(30).add("C", 30)
        meeting = builder.meeting("m", "M")
        assert plan(retime(meeting).compact(day="2017-03-11")) == [
            "09:00-09:30 Accueil",
            "10:00-10:30 A",
            "09:00-09:30 B",
            "09:30-10:00 C",
        ]
        with pytest.raises(SchedulingError) as info:
            retime(meeting).compact(day="2017-03-12")
        assert str(info.value) == (
            "2017-03-12 is not a day of the programme, whose days are: 2017-03-10, 2017-03-11"
        )


class TestFit:
    def test_the_seed_into_three_hours(self) -> None:
        """Items shrink in proportion, in 5-minute steps, at least one step each."""
        shorter = retime(SEED).fit(end="17:00")
        assert plan(shorter) == [
            "14:00-14:15 Accueil des participants",
            "14:15-14:20 Présentation de l'ordre du jour",
            "14:20-14:30 Présentation de Cap Coopération",
            "14:30-14:40 Présentation de la MDH",
            "14:40-14:55 Présentation des structures",
            "14:55-15:10 Présentation de la coopération avec la Région Marrakech-Safi",
            "15:10-15:20 Présentation de la démarche GPMar",
            "15:20-15:45 GPMar: quelles attentes?",
            "15:45-16:10 GPMar: quelles modalités de fonctionnement ?",
            "16:10-16:20 Restitution et conclusion",
            "16:20-17:00 Temps convivial et échange libre",
        ]
        assert shorter.end == dt.time(17, 0)

    def test_longer_and_from_a_new_start(self) -> None:
        """Items grow too; start= moves the beginning and the meeting's declared start."""
        longer = retime(SEED).fit(end="18:00", start="13:30")
        assert (plan(longer)[0], plan(longer)[-1]) == (
            "13:30-13:50 Accueil des participants",
            "17:05-18:00 Temps convivial et échange libre",
        )
        assert (longer.start, longer.end) == (dt.time(13, 30), dt.time(18, 0))

    def test_minutes_when_times_are_off_the_five_minute_grid(self) -> None:
        """Lengths round to whole minutes; the minutes left go to the largest remainders."""
        agenda = AgendaBuilder("9h").add("A", 7).add("B", 11).add("C", 13).agenda()
        assert plan(retime(agenda).fit(end="9h20")) == [
            "09:00-09:05 A",
            "09:05-09:12 B",
            "09:12-09:20 C",
        ]

    def test_fixed_items_keep_their_times_and_gaps_their_length(self) -> None:
        """Only the time after the lunch is scaled; the morning and its gap stay."""
        meeting = day_with_lunch()
        shorter = retime(meeting).fit(end="14:00")
        assert plan(shorter) == [
            "09:00-09:30 Accueil",
            "09:30-10:30 Débat",
            "12:00-13:00 Déjeuner",
            "13:00-13:40 Atelier",
            "13:40-14:00 Clôture",
        ]
        assert shorter.end is None  # the meeting declared none

    @pytest.mark.parametrize(
        ("call", "message"),
        [
            P(lambda r: r.fit(end="13h00"), "cannot fit the programme of 2017-03-10 between "
              "09:00 and 13:00: 'Déjeuner' is fixed until 13:00", id="fixed-after-the-end"),
            P(lambda r: r.fit(start="12h00"), "cannot fit the programme of 2017-03-10 between "
              "12:00 and 14:30: 'Déjeuner' is fixed from 12:00", id="fixed-before-the-start"),
            P(lambda r: r.fit(end="13h01"), "cannot fit the programme of 2017-03-10 between "
              "09:00 and 13:01: it needs at least 2 minutes, 1 for each of its 2 time spans",
              id="too-short"),
            P(lambda r: r.fit(), "give the new end=, the new start=, or both", id="nothing"),
        ],
    )  # fmt: skip
    def test_impossible_fits(self, call: Any, message: str) -> None:
        """Fixed items that would not fit, or too little time, are errors that say why."""
        with pytest.raises(SchedulingError) as info:
            call(retime(day_with_lunch()))
        assert str(info.value) == message

    def test_a_day_must_be_named_when_there_are_several(self) -> None:
        """Over several days, fit needs day=."""
        builder = AgendaBuilder("9h", day="2017-03-10").add("A", 30)
        meeting = builder.next_day(start="9h").add("B", 30).meeting("m", "M")
        with pytest.raises(SchedulingError) as info:
            retime(meeting).fit(end="10h")
        assert str(info.value) == (
            "the programme has several days (2017-03-10, 2017-03-11): say which one with day="
        )
        assert plan(retime(meeting).fit(end="10h", day="2017-03-11")) == [
            "09:00-09:30 A",
            "09:00-10:00 B",
        ]

    def test_parallel_sessions_scale_together(self) -> None:
        """Sessions scale with their block; the plenary starts when the longest ends."""
        shorter = retime(workshops()).fit(end="10:50")
        assert plan(shorter) == [
            "09:00-09:25 Accueil",
            "09:25-09:50 Atelier eau",
            "09:50-10:10 Atelier eau, suite",
            "09:25-10:00 Atelier santé",
            "10:10-10:30 Restitution",
            "10:30-10:50 Clôture",
        ]


class TestErrorsAlreadyThere:
    def test_an_existing_error_does_not_block_other_changes(self) -> None:
        """A programme with an overlap can still be re-timed elsewhere."""
        broken = SEED.replace(
            agenda=[SEED.agenda[0].replace(end="14:17"), *SEED.agenda[1:]], end="17:40"
        )
        assert [p.code for p in check(broken).errors] == ["overlap"]
        later = retime(broken).stretch("Restitution", 10, cascade=True)
        assert [p.code for p in check(later).errors] == ["overlap"]

    def test_fixing_it_is_welcome_and_new_errors_are_not(self) -> None:
        """An operation may remove an error but not add one."""
        broken = SEED.replace(agenda=[SEED.agenda[0].replace(end="14:17"), *SEED.agenda[1:]])
        assert check(retime(broken).resize(0, end="14:15")).ok
        with pytest.raises(RetimeError) as info:
            retime(broken).shift("Restitution", 5)
        assert [(p.code, p.location) for p in info.value.problems] == [
            ("overlap", "agenda[10].start")
        ]


class TestBareAgendas:
    def test_agenda_operations_return_agendas(self) -> None:
        """retime(agenda) works without a meeting: no bounds, the same rules."""
        agenda = AgendaBuilder("14h").add("Accueil", 15).add("Débat", 45).agenda()
        later = retime(agenda).insert("Pause", 10, after="Accueil", cascade=True)
        assert isinstance(later, Agenda)
        assert plan(later) == ["14:00-14:15 Accueil", "14:15-14:25 Pause", "14:25-15:10 Débat"]

    def test_items_with_and_without_days(self) -> None:
        """Items without a day are on a first day of their own, before the dated ones."""
        builder = AgendaBuilder("9h").add("A", 30).next_day("2017-03-11", start="9h").add("B", 30)
        agenda = builder.agenda()
        assert plan(retime(agenda).shift("A", 10)) == ["09:10-09:40 A", "09:00-09:30 B"]
        same_day = retime(agenda, first_day="2017-03-11")
        with pytest.raises(RetimeError):
            same_day.shift("A", 10)


# --------------------------------------------------------------------------------------------
# Time budgets and free slots
# --------------------------------------------------------------------------------------------


class TestTimeBudgets:
    def test_time_by_kind(self) -> None:
        """Totals per kind, in order of first appearance."""
        budget = {kind.value: minutes(t) for kind, t in time_by_kind(SEED).items()}
        assert budget == {
            "welcome": 15,
            "presentation": 75,
            "discussion": 60,
            "conclusion": 15,
            "social": 45,
        }

    def test_time_by_facilitator(self) -> None:
        """Persons, organisations and roles; two people leading an item both count it."""
        budget = {key: minutes(t) for key, t in time_by_facilitator(SEED).items()}
        assert budget == {
            "cap-cooperation": 15,
            "khalid-chihani": 95,
            "Un collègue Cap Coopération": 10,
            "guillaume-bertrand": 10,
            "Un représentant de chaque structure": 20,
            "sebastien-proeschel": 15,
            "emmanuelle-pallier": 15,
        }

    @pytest.mark.parametrize(
        ("group", "expected"),
        [
            P(None, {"cap-cooperation": 25, "mdh": 10}, id="without-group"),
            P(GROUP, {"cap-cooperation": 120, "mdh": 10}, id="with-affiliations"),
        ],
    )
    def test_time_by_organisation(self, group: Any, expected: dict[str, int]) -> None:
        """Organisations lead directly, through a role, or through their people."""
        budget = time_by_organisation(SEED, group)
        assert {key: minutes(t) for key, t in budget.items()} == expected

    def test_an_open_end_lasts_until_the_meeting_ends(self) -> None:
        """The last item without an end counts until the declared end."""
        meeting = SEED.replace(agenda=[*SEED.agenda[:-1], SEED.agenda[-1].replace(end=None)])
        assert minutes(time_by_kind(meeting)[ItemKind.SOCIAL]) == 45
        assert ItemKind.SOCIAL not in time_by_kind(meeting.agenda)


class TestFreeSlots:
    def test_the_plenary_view(self) -> None:
        """Free means nothing runs; the meeting's bounds frame the day."""
        meeting = retime(day_with_lunch()).remove("Atelier")
        assert [str(s) for s in free_slots(meeting)] == [
            "2017-03-10 10:30–12:00",
            "2017-03-10 13:00–14:00",
        ]
        assert [minutes(s.duration) for s in free_slots(meeting, minimum=61)] == [90]

    def test_a_room_view(self) -> None:
        """In one room, a slot is free when that room and the plenary are."""
        meeting = workshops()
        assert free_slots(meeting) == []
        assert [str(s) for s in free_slots(meeting, room="salle-b")] == ["2017-03-10 10:15–10:30"]

    def test_a_wider_window(self) -> None:
        """start= and end= set the window."""
        assert [str(s) for s in free_slots(SEED, start="9h", end="19h")] == [
            "2016-11-04 09:00–14:00",
            "2016-11-04 17:30–19:00",
        ]

    def test_days_without_items(self) -> None:
        """A day with no item and no bounds has no known window, unless one is given."""
        meeting = SEED.replace(end_date="2016-11-05", end=None)
        assert free_slots(meeting, day="2016-11-05") == []
        assert [str(s) for s in free_slots(meeting, day="2016-11-05", start="9h", end="12h")] == [
            "2016-11-05 09:00–12:00"
        ]


# --------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------


def _apply(meeting: Meeting, draw: st.DrawFn) -> tuple[str, Meeting]:
    count = len(meeting.agenda)
    operation = draw(st.sampled_from(RETIME_OPERATIONS))
    index = draw(st.integers(0, count - 1))
    amount = draw(st.integers(-12, 12)) * 5
    runner = retime(meeting)
    if operation == "shift":
        return operation, runner.shift(index, amount)
    if operation == "cascade":
        return operation, runner.shift(index, amount, cascade=True)
    if operation == "stretch":
        return operation, runner.stretch(index, amount, cascade=draw(st.booleans()))
    if operation == "remove":
        return operation, runner.remove(index, cascade=draw(st.booleans()))
    if operation == "insert":
        where = draw(st.sampled_from(["before", "after"]))
        return operation, runner.insert("Pause", 15, **{where: index}, cascade=draw(st.booleans()))
    if operation == "move":
        other = draw(st.integers(0, count - 1))
        assume(other != index)
        where = draw(st.sampled_from(["before", "after"]))
        return operation, runner.move(index, **{where: other})
    if operation == "compact":
        return operation, runner.compact(gap=draw(st.sampled_from([0, 5])))
    end = max(i.end for i in meeting.agenda if i.end is not None)
    new_end = (dt.datetime.combine(dt.date.min, end) + dt.timedelta(minutes=amount)).time()
    return operation, runner.fit(end=new_end)


class TestProperties:
    @FEW
    @given(meeting=scheduling_meetings(), data=st.data())
    def test_operations_keep_the_programme_valid_and_every_item(
        self, meeting: Meeting, data: st.DataObject
    ) -> None:
        """Each operation gives a programme without errors and with every item, or raises."""
        assert check(meeting).ok
        before = meeting.model_dump()
        try:
            operation, result = _apply(meeting, data.draw)
        except SchedulingError:
            assert meeting.model_dump() == before
            return
        assert check(result).ok
        titles = Counter(str(i.title) for i in meeting.agenda)
        after = Counter(str(i.title) for i in result.agenda)
        if operation == "remove":
            assert after < titles
            assert sum(titles.values()) - sum(after.values()) == 1
        elif operation == "insert":
            assert after - titles == Counter({"Pause": 1})
        else:
            assert after == titles

    @FEW
    @given(meeting=scheduling_meetings(parallel=False), data=st.data())
    def test_shifting_back_is_the_identity(self, meeting: Meeting, data: st.DataObject) -> None:
        """Shift by n then by -n, with or without cascade, gives the programme back."""
        index = data.draw(st.integers(0, len(meeting.agenda) - 1))
        amount = data.draw(st.integers(-12, 12).filter(bool)) * 5
        cascade = data.draw(st.booleans())
        try:
            there = retime(meeting).shift(index, amount, cascade=cascade)
        except SchedulingError:
            return
        assert retime(there).shift(index, -amount, cascade=cascade) == meeting

    @FEW
    @given(meeting=scheduling_meetings(), gap=st.sampled_from([0, 5, 15]))
    def test_compacting_twice_changes_nothing_more(self, meeting: Meeting, gap: int) -> None:
        """compact is idempotent."""
        try:
            once = retime(meeting).compact(gap=gap)
        except SchedulingError:
            return
        assert retime(once).compact(gap=gap) == once

    @FEW
    @given(meeting=scheduling_meetings(), steps=st.integers(-24, 24))
    def test_fit_ends_at_the_new_end_and_keeps_fixed_items(
        self, meeting: Meeting, steps: int
    ) -> None:
        """The last item ends at the new end; fixed items keep their times; order is kept."""
        end = max(i.end for i in meeting.agenda if i.end is not None)
        new_end = (dt.datetime.combine(dt.date.min, end) + dt.timedelta(minutes=5 * steps)).time()
        try:
            fitted = retime(meeting).fit(end=new_end)
        except SchedulingError:
            return
        assert max(i.end for i in fitted.agenda if i.end is not None) == new_end
        for old, new in zip(meeting.agenda, fitted.agenda, strict=True):
            if old.fixed:
                assert (new.start, new.end) == (old.start, old.end)
        order = sorted(range(len(meeting.agenda)), key=lambda i: meeting.agenda[i].start)
        assert [fitted.agenda[i].start for i in order] == sorted(i.start for i in fitted.agenda)


class TestLargeAgendas:
    def test_thousands_of_items(self) -> None:
        """A 40-day meeting of 4,000 items is built, re-timed and measured."""
        builder = AgendaBuilder("8h", day="2017-01-02")
        for n in range(4000):
            if n and n % 100 == 0:
                builder.next_day(start="8h")
            builder.add(f"Point {n}", 5, facilitators="Un représentant")
        meeting = builder.meeting("m", "M")
        middle = retime(meeting).stretch(2050, 5, cascade=True)
        assert middle.agenda[2099].end == dt.time(16, 25)
        assert len(retime(meeting).compact(gap=1).agenda) == 4000
        assert minutes(time_by_kind(meeting)[ItemKind.OTHER]) == 20000
        assert len(free_slots(middle)) == 0


# --------------------------------------------------------------------------------------------
# The messages in French and Arabic
# --------------------------------------------------------------------------------------------


def latin_words(text: str) -> set[str]:
    """The runs of ASCII letters of a text: English words, or the Latin letters of data."""
    return set(re.findall(r"[A-Za-z]+", text))


def small_agenda() -> Agenda:
    return AgendaBuilder("9h").add("Accueil", 15, id="accueil").add("Débat", 30).agenda()


def ten_workshops() -> Agenda:
    builder = AgendaBuilder("9h")
    for n in range(10):
        builder.add(f"Atelier {n}", 10)
    return builder.agenda()


def fixed_lunch() -> Agenda:
    builder = AgendaBuilder("9h").add("Accueil", 30).add("Repas", 60, fixed=True)
    return builder.add("Débat", 30).agenda()


def late_evening() -> Agenda:
    return AgendaBuilder("21h").add("Débat", 60).add("Clôture", 60).agenda()


def overlapping() -> Agenda:
    builder = AgendaBuilder("9h").add("A", 60)
    for letter, start in zip("BCDE", ("9h10", "9h15", "9h20", "9h25"), strict=True):
        builder.add(letter, 30, start=start)
    return builder.agenda()


def add_in_an_open_block() -> None:
    builder = AgendaBuilder("9h")
    with builder.rooms("salle-a"):
        builder.add("Atelier", 30)


def add_a_room_to_a_closed_block() -> None:
    builder = AgendaBuilder("9h")
    with builder.rooms("salle-a") as block:
        pass
    block.room("salle-b")


class TestMessagesInFrenchAndArabic:
    """Scheduling errors told in French and Arabic, with no English fragment left in them.

    The fragments that fill a message (the operation, "it", "the next day", a list of candidates
    and its "and 2 more", the reason...) are translated with it. Each case gives the English
    message (as before), the French and Arabic ones, the English words of its fragments (none
    may remain in French), and the data the message quotes: titles, ids, locations, codes,
    keyword names. In Arabic, every Latin word comes from that data.
    """

    @pytest.mark.parametrize(
        ("action", "english", "french", "arabic", "fragments", "data"),
        [
            P(lambda: AgendaBuilder("23h30").add("Débat", 45),
              "cannot add 'Débat': it would end at 00:15 the next day, outside its day "
              "(00:00 to 24:00)",
              "opération impossible (ajouter 'Débat') : le point finirait à 0h15 le lendemain, "
              "en dehors de sa journée (de 0h00 à 24h00)",
              "تعذّر تنفيذ العملية (إضافة 'Débat'): ستنتهي الفقرة على الساعة 00:15 من اليوم "
              "الموالي، أي خارج يومها (من 00:00 إلى 24:00)",
              "add it end at next", "Débat", id="added-past-midnight"),
            P(lambda: retime(SEED).shift(0, -900),
              "cannot shift 'Accueil des participants' by -900 minutes: it would start at 23:00 "
              "the day before, outside its day (00:00 to 24:00)",
              "opération impossible (décaler 'Accueil des participants' de -900 minutes) : le "
              "point commencerait à 23h00 la veille, en dehors de sa journée (de 0h00 à 24h00)",
              "تعذّر تنفيذ العملية (إزاحة 'استقبال المشاركين' بمقدار -900 د): ستبدأ "
              "الفقرة على الساعة 23:00 من اليوم السابق، أي خارج يومها (من 00:00 إلى 24:00)",
              "shift by it start at the day before", "Accueil des participants",
              id="shifted-before-midnight"),
            P(lambda: retime(late_evening()).shift("Débat", 70, cascade=True),
              "cannot shift 'Débat' by +70 minutes: 'Clôture' would end at 00:10 the next day, "
              "outside its day (00:00 to 24:00)",
              "opération impossible (décaler 'Débat' de +70 minutes) : 'Clôture' finirait à "
              "0h10 le lendemain, en dehors de sa journée (de 0h00 à 24h00)",
              "تعذّر تنفيذ العملية (إزاحة 'Débat' بمقدار +70 د): ستنتهي الفقرة 'Clôture' على "
              "الساعة 00:10 من اليوم الموالي، أي خارج يومها (من 00:00 إلى 24:00)",
              "shift by end at the next day", "Débat Clôture", id="pushed-past-midnight"),
            P(lambda: retime(fixed_lunch()).stretch("Accueil", 30),
              "cannot stretch 'Accueil': the programme would have 1 error: agenda[1].start: "
              "overlaps 'Accueil' (09:00–10:00) at agenda[0] in the plenary [overlap]",
              "opération impossible (allonger 'Accueil') : le programme aurait une erreur : "
              "agenda[1].start: chevauche 'Accueil' (9h00–10h00), en agenda[0], dans la "
              "plénière [overlap]",
              "تعذّر تنفيذ العملية (تمديد 'Accueil'): سيتضمن البرنامج خطأً واحدًا: "
              "agenda[1].start: تتداخل مع 'Accueil' (09:00–10:00) في agenda[0] ضمن الجلسة "
              "العامة [overlap]",
              "stretch error overlaps plenary", "Accueil agenda start overlap",
              id="one-error"),
            P(overlapping,
              "cannot build the agenda: the programme would have 4 errors: agenda[1].start: "
              "overlaps 'A' (09:00–10:00) at agenda[0] in the plenary [overlap]; "
              "agenda[2].start: overlaps 'A' (09:00–10:00) at agenda[0] in the plenary "
              "[overlap]; agenda[3].start: overlaps 'A' (09:00–10:00) at agenda[0] in the "
              "plenary [overlap]; and 1 more",
              "opération impossible (construire l'ordre du jour) : le programme aurait 4 "
              "erreurs : agenda[1].start: chevauche 'A' (9h00–10h00), en agenda[0], dans la "
              "plénière [overlap] ; agenda[2].start: chevauche 'A' (9h00–10h00), en "
              "agenda[0], dans la plénière [overlap] ; agenda[3].start: chevauche 'A' "
              "(9h00–10h00), en agenda[0], dans la plénière [overlap] ; et 1 de plus",
              "تعذّر تنفيذ العملية (بناء جدول الأعمال): سيتضمن البرنامج أخطاء (عددها 4): "
              "agenda[1].start: تتداخل مع 'A' (09:00–10:00) في agenda[0] ضمن الجلسة العامة "
              "[overlap]؛ agenda[2].start: تتداخل مع 'A' (09:00–10:00) في agenda[0] ضمن "
              "الجلسة العامة [overlap]؛ agenda[3].start: تتداخل مع 'A' (09:00–10:00) في "
              "agenda[0] ضمن الجلسة العامة [overlap]؛ وغيرها (عددها 1)",
              "build the errors more", "A agenda start overlap", id="four-errors"),
            P(lambda: find_item(small_agenda(), "Zzz"),
              "no item 'Zzz' in the agenda; its items are: [0] 'Accueil' (id 'accueil'), "
              "[1] 'Débat'",
              "pas de point 'Zzz' dans l'ordre du jour ; ses points sont : [0] 'Accueil' "
              "(identifiant 'accueil'), [1] 'Débat'",
              "لا توجد فقرة 'Zzz' في جدول الأعمال؛ فقراته هي: [0] 'Accueil' (المعرّف "
              "'accueil')، [1] 'Débat'",
              "its items are id", "Zzz Accueil accueil Débat", id="unknown-item"),
            P(lambda: find_item(ten_workshops(), "Atelier"),
              "'Atelier' could be any of 10 items: [0] 'Atelier 0', [1] 'Atelier 1', "
              "[2] 'Atelier 2', [3] 'Atelier 3', [4] 'Atelier 4', [5] 'Atelier 5', "
              "[6] 'Atelier 6', [7] 'Atelier 7' and 2 more; give its id or its index",
              "'Atelier' peut désigner 10 points : [0] 'Atelier 0', [1] 'Atelier 1', "
              "[2] 'Atelier 2', [3] 'Atelier 3', [4] 'Atelier 4', [5] 'Atelier 5', "
              "[6] 'Atelier 6', [7] 'Atelier 7' et 2 de plus ; indiquez son identifiant ou sa "
              "position",
              "قد يدل 'Atelier' على عدة فقرات (عددها 10): [0] 'Atelier 0'، [1] 'Atelier 1'، "
              "[2] 'Atelier 2'، [3] 'Atelier 3'، [4] 'Atelier 4'، [5] 'Atelier 5'، "
              "[6] 'Atelier 6'، [7] 'Atelier 7' وغيرها (عددها 2)؛ حدّد معرّفها أو موضعها",
              "and more", "Atelier", id="ambiguous-item"),
            P(lambda: retime(small_agenda()).move("Débat", after="Débat"),
              "cannot move 'Débat' after itself",
              "impossible de déplacer 'Débat' après lui-même",
              "تعذّر نقل 'Débat' بعد نفسها",
              "move after itself", "Débat", id="after-itself"),
            P(lambda: retime(SEED).insert("Pause", 10, before=1, after=2, at="14h"),
              "give at most one of before=, after= and at=, not before= and after= and at=",
              "indiquez au plus un de before=, after= et at=, pas before= et after= et at=",
              "حدّد واحدًا على الأكثر من before= وafter= وat=، لا before= وafter= وat=",
              "and", "before after at", id="three-positions"),
            P(add_in_an_open_block,
              "a parallel block is open: leave its 'with' block before adding an item",
              "un bloc parallèle est ouvert : sortez de son bloc 'with' avant d'ajouter un point",
              "توجد كتلة متوازية مفتوحة: اخرج من كتلة «with» الخاصة بها قبل إضافة فقرة",
              "adding an item", "with", id="block-open"),
            P(add_a_room_to_a_closed_block,
              "this parallel block was closed: add a lane in a new one",
              "ce bloc parallèle a été fermé : ajoutez une salle ou un parcours dans un nouveau "
              "bloc",
              "أُغلقت هذه الكتلة المتوازية: أضف قاعة أو مسارًا في كتلة جديدة",
              "add lane", "", id="block-closed"),
            P(lambda: AgendaBuilder("9h").next_day(start="9h"),
              "the date of the first day is not known: give next_day() its date",
              "la date du premier jour n'est pas connue : indiquez la date à next_day()",
              "تاريخ اليوم الأول غير معروف: حدّد التاريخ في next_day()",
              "give its", "next_day", id="first-day"),
            P(lambda: retime(fixed_lunch()).fit(end="9h40"),
              "cannot fit the programme of 2000-01-03 between 09:00 and 09:40: 'Repas' is fixed "
              "until 10:30",
              "impossible de faire tenir le programme du 3 janvier 2000 entre 9h00 et 9h40 : "
              "'Repas' est fixé jusqu'à 10h30",
              "تعذّر إدراج برنامج يوم 3 يناير 2000 بين 09:00 و09:40: 'Repas' مثبَّتة "
              "حتى 10:30",
              "is fixed until", "Repas", id="fixed-until"),
            P(lambda: retime(fixed_lunch()).compact(start="9h20"),
              "cannot compact 2000-01-03: 'Repas' is fixed at 09:30, but the items before it "
              "would run until 09:50",
              "opération impossible (resserrer le programme du 3 janvier 2000) : 'Repas' est fixé "
              "à 9h30, mais les points précédents dureraient jusqu'à 9h50",
              "تعذّر تنفيذ العملية (ضغط برنامج يوم 3 يناير 2000): 'Repas' مثبَّتة على "
              "الساعة 09:30، لكن الفقرات التي قبلها ستمتد إلى 09:50",
              "compact", "Repas", id="compact-a-day"),
            P(lambda: AgendaBuilder("9h").add("Débat", 30, facilitators={"person": "BAD ID!"}),
              "cannot make an item of 'Débat': facilitators[0].person: 'BAD ID!' is not a valid "
              "id: use letters, digits, '-', '_' or '.', starting with a letter or digit, at most "
              "64 characters",
              "impossible de faire un point de 'Débat' : facilitators[0].person: 'BAD ID!' n'est "
              "pas un identifiant valide : utilisez des lettres, des chiffres, '-', '_' ou '.', "
              "en commençant par une lettre ou un chiffre, 64 caractères au plus",
              "تعذّر إنشاء فقرة من 'Débat': facilitators[0].person: 'BAD ID!' ليس معرّفًا "
              "صالحًا: استعمل حروفًا أو أرقامًا أو «-» أو «_» أو «.»، على أن يبدأ بحرف أو رقم، "
              "وألا يتجاوز 64 حرفًا",
              "valid id letters digits", "Débat facilitators person BAD ID",
              id="invalid-item"),
        ],
    )  # fmt: skip
    def test_told_in_each_language(
        self,
        action: Any,
        english: str,
        french: str,
        arabic: str,
        fragments: str,
        data: str,
    ) -> None:
        """The exact sentence in each language; the English words of fragments are gone."""
        with pytest.raises(SchedulingError) as info:
            action()
        error = info.value
        problem = error.as_problem()
        assert (str(error), error.describe(), problem.message) == (english, english, english)
        assert (problem.code, problem.value) == (error.code, error.value)
        french, arabic = typeset(french, "fr"), typeset(arabic, "ar")
        assert (describe(problem, "fr"), describe(problem, "ar")) == (french, arabic)
        assert (error.describe("fr"), error.describe("ar")) == (french, arabic)
        words = set(fragments.split())
        assert words <= latin_words(english) - latin_words(data)
        assert not words & latin_words(french)
        assert latin_words(arabic) <= latin_words(data)

    def test_every_wording_of_a_code_is_translated(self) -> None:
        """The other wordings of a code (one error, "it", its start) have their own sentence."""
        for (code, _), template in WORDINGS.items():
            assert code in MESSAGES
            for language in ("fr", "ar"):
                singular = PLURALS.get(template)
                if singular is None:
                    translated = translator(language).gettext(template)
                else:
                    translated = translator(language).ngettext(singular, template, 5)
                assert translated != template, template

    def test_a_guessed_facilitator_is_a_person_in_every_language(self) -> None:
        """The kind of a guessed facilitator is a translated word, not "person"."""
        builder = AgendaBuilder("9h", group=GROUP).add("Débat", 30, facilitators="Khalid")
        warning = builder.warnings[0]
        assert warning.message == "'Khalid' was read as person 'khalid-chihani' (Khalid Chihani)"
        assert explain([warning], "fr") == [
            "agenda[0].facilitators[0]: "
            + typeset("'Khalid' a été lu comme personne 'khalid-chihani' ", "fr")
            + "(Khalid Chihani) [facilitator_guessed]"
        ]
        assert describe(warning, "ar") == typeset(
            "قُرئ 'Khalid' على أنه شخص 'khalid-chihani' (Khalid Chihani)", "ar"
        )
