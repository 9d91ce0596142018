"""Cross-object rules: each with a passing case and a failing one, code and location asserted."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import pytest

import rrma_groups
from builders import findings, first_problem, group_data, item
from rrma_groups import GroupValidationError, Severity
from rrma_groups.messages import Span
from rrma_groups.problems import describe


class TestValidBaseline:
    def test_the_builder_group_is_clean(self) -> None:
        """The base group used by these tests has no error and no warning."""
        assert findings(group_data()) == []

    def test_the_reference_example_has_no_error_and_no_warning(self) -> None:
        """The Groupe Pays Maroc is valid and its programme contiguous."""
        report = rrma_groups.check(rrma_groups.examples.groupe_pays_maroc())
        assert report.ok
        assert report.warnings == ()


class TestEndAfterStart:
    def test_end_before_start_is_refused_at_the_end(self) -> None:
        """An item ending before it starts is an error located at its end."""
        data = group_data()
        data["meetings"][0]["agenda"][1] = item("14h30 - 14h20", "Débat")
        problem = first_problem(data)
        assert (problem.code, problem.location) == (
            "invalid_time_range",
            "meetings[0].agenda[1]",
        )

    def test_end_equal_to_start_is_refused(self) -> None:
        """start and end given separately: end must be strictly later."""
        data = group_data()
        data["meetings"][0]["agenda"][1] = {
            "title": "Débat",
            "start": "14:30",
            "end": "14:30",
            "facilitators": [{"person": "p1"}],
        }
        problem = first_problem(data)
        assert (problem.code, problem.location) == ("end_before_start", "meetings[0].agenda[1].end")
        assert problem.message == "ends at 14:30, which is not after its start at 14:30"

    def test_meeting_end_before_its_start(self) -> None:
        """A one-day meeting cannot end before it starts."""
        data = group_data()
        data["meetings"][0]["end"] = "13:00"
        assert findings(data) == [("end_before_start", "meetings[0].end")]

    def test_end_date_before_date(self) -> None:
        """A meeting's last day cannot come before its first."""
        data = group_data()
        data["meetings"][0]["end_date"] = "2016-11-03"
        assert findings(data) == [("end_date_before_date", "meetings[0].end_date")]


class TestMeetingBounds:
    def test_item_starting_before_the_meeting(self) -> None:
        """An item that starts before the meeting's start is out of bounds."""
        data = group_data()
        data["meetings"][0]["agenda"][0] = item("13h45 - 14h30", "Accueil", kind="welcome")
        assert findings(data) == [("item_outside_meeting", "meetings[0].agenda[0].start")]

    def test_item_ending_after_the_meeting(self) -> None:
        """An item that ends after the meeting's end is out of bounds, at its end."""
        data = group_data()
        data["meetings"][0]["agenda"][2] = item("15h30 - 16h15", "Conclusion")
        problem = first_problem(data)
        assert (problem.code, problem.location) == (
            "item_outside_meeting",
            "meetings[0].agenda[2].end",
        )
        assert problem.message == (
            "16:15 is outside the meeting, which takes place on 2016-11-04, from 14:00 to 16:00"
        )

    def test_without_declared_bounds_the_agenda_defines_them(self) -> None:
        """A meeting with no start or end takes its bounds from its items."""
        data = group_data()
        del data["meetings"][0]["start"], data["meetings"][0]["end"]
        assert findings(data) == []

    def test_item_on_a_day_outside_the_meeting(self) -> None:
        """An item's day must be one of the meeting's days."""
        data = group_data()
        data["meetings"][0]["agenda"][2]["day"] = "2016-11-05"
        assert findings(data) == [("item_day_outside_meeting", "meetings[0].agenda[2].day")]

    def test_multi_day_meeting_accepts_items_on_each_day(self) -> None:
        """Items may sit on any day from date to end_date."""
        data = group_data()
        meeting = data["meetings"][0]
        meeting["end_date"] = "2016-11-05"
        meeting["agenda"].append(item("14h00 - 16h00", "Atelier", day="2016-11-05"))
        assert findings(data) == []


class TestOverlap:
    def test_two_plenary_items_overlapping(self) -> None:
        """Items with no room are plenary: they cannot overlap."""
        data = group_data()
        data["meetings"][0]["agenda"][1] = item("14h20 - 15h30", "Débat")
        problem = first_problem(data)
        assert (problem.code, problem.location) == ("overlap", "meetings[0].agenda[1].start")
        assert problem.message == (
            "overlaps 'Accueil' (14:00–14:30) at meetings[0].agenda[0] in the plenary"
        )

    def test_parallel_items_in_different_rooms(self) -> None:
        """Two workshops in two rooms may run at the same time."""
        data = group_data()
        data["meetings"][0]["agenda"][1:2] = [
            item("14h30 - 15h30", "Atelier A", room="r1", facilitators=[{"person": "p1"}]),
            item("14h30 - 15h30", "Atelier B", room="r2", facilitators=[{"person": "p2"}]),
        ]
        assert findings(data) == []

    def test_parallel_items_in_the_same_room(self) -> None:
        """Two items in the same room cannot overlap."""
        data = group_data()
        data["meetings"][0]["agenda"][1:2] = [
            item("14h30 - 15h30", "Atelier A", room="r1", facilitators=[{"person": "p1"}]),
            item("15h00 - 15h30", "Atelier B", room="r1", facilitators=[{"person": "p2"}]),
        ]
        assert findings(data) == [("overlap", "meetings[0].agenda[2].start")]

    def test_parallel_items_in_the_same_track(self) -> None:
        """Two items of the same track cannot overlap, even in different rooms."""
        data = group_data()
        data["meetings"][0]["agenda"][1:2] = [
            item("14h30 - 15h30", "A", room="r1", track="T", facilitators=[{"person": "p1"}]),
            item("15h00 - 15h30", "B", room="r2", track="T", facilitators=[{"person": "p2"}]),
        ]
        assert findings(data) == [("overlap", "meetings[0].agenda[2].start")]

    def test_a_plenary_overlapping_a_workshop(self) -> None:
        """A plenary item involves everyone, so it cannot overlap a workshop."""
        data = group_data()
        data["meetings"][0]["agenda"][1:2] = [
            item("14h30 - 15h30", "Atelier A", room="r1"),
        ]
        data["meetings"][0]["agenda"][2] = item("15h15 - 16h00", "Conclusion")
        assert findings(data) == [("overlap", "meetings[0].agenda[2].start")]

    def test_items_given_out_of_order_are_sorted_first(self) -> None:
        """File order does not matter; locations stay those of the file."""
        data = group_data()
        agenda = data["meetings"][0]["agenda"]
        agenda.reverse()
        assert findings(data) == []

    def test_open_ended_item_followed_by_another(self) -> None:
        """Only the last item of a lane may have no end."""
        data = group_data()
        data["meetings"][0]["agenda"][1] = {
            "title": "Débat",
            "start": "14:30",
            "facilitators": [{"person": "p1"}],
        }
        assert findings(data) == [("open_end_not_last", "meetings[0].agenda[1].end")]


class TestIds:
    @pytest.mark.parametrize(
        ("collection", "location"),
        [
            ("actors", "actors[1].id"),
            ("persons", "persons[1].id"),
        ],
    )
    def test_duplicate_ids(self, collection: str, location: str) -> None:
        """Two entries of a collection cannot share an id."""
        data = group_data()
        data[collection][1]["id"] = data[collection][0]["id"]
        if collection == "persons":
            data["persons"][1].pop("affiliation", None)
        problem = first_problem(data)
        assert (problem.code, problem.location) == ("duplicate_id", location)
        assert problem.message.endswith(f"is already used at {collection}[0].id")

    def test_actor_id_clashing_with_the_network(self) -> None:
        """The network shares the actors' ids: they are referenced alike."""
        data = group_data()
        data["actors"][0]["id"] = "net"
        data["persons"][0]["affiliation"] = "net"
        assert findings(data) == [("duplicate_id", "actors[0].id")]

    def test_duplicate_room_and_item_ids(self) -> None:
        """Room ids are unique in a venue and item ids in an agenda."""
        data = group_data()
        meeting = data["meetings"][0]
        meeting["venue"]["rooms"][1]["id"] = "r1"
        meeting["agenda"][0]["id"] = "x"
        meeting["agenda"][2]["id"] = "x"
        assert findings(data) == [
            ("duplicate_id", "meetings[0].venue.rooms[1].id"),
            ("duplicate_id", "meetings[0].agenda[2].id"),
        ]

    @pytest.mark.parametrize("bad", ["", "-start", "a b", "é", "x" * 65])
    def test_malformed_ids(self, bad: str) -> None:
        """Ids are short, plain ASCII, and start with a letter or digit."""
        data = group_data()
        data["priorities"][0]["id"] = bad
        assert findings(data) == [("invalid_id", "priorities[0].id")]


class TestIdsIgnoringCase:
    @pytest.mark.parametrize("format", ["json", "toml"])
    @pytest.mark.parametrize(
        ("path", "first", "location", "first_location"),
        [
            (("actors", 1, "id"), "a1", "actors[1].id", "actors[0].id"),
            (("actors", 0, "id"), "net", "actors[0].id", "network.id"),
            (("persons", 1, "id"), "p1", "persons[1].id", "persons[0].id"),
            (
                ("meetings", 0, "venue", "rooms", 1, "id"),
                "r1",
                "meetings[0].venue.rooms[1].id",
                "meetings[0].venue.rooms[0].id",
            ),
        ],
        ids=["actor", "actor-and-network", "person", "room"],
    )
    def test_ids_that_differ_only_in_case_are_duplicates(
        self,
        format: str,
        path: tuple[str | int, ...],
        first: str,
        location: str,
        first_location: str,
    ) -> None:
        """mdh and MDH are one id: refused, in JSON and TOML alike, with both spellings."""
        data = group_data()
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = first.upper()
        if path[0] == "persons":
            data["persons"][1].pop("affiliation", None)
        problem = _first_problem(data, format)
        assert (problem.code, problem.location) == ("duplicate_id_case", location)
        assert problem.message == (
            f"id {first.upper()!r} is already used at {first_location}, written "
            f"{first!r}: ids that differ only in case are the same id"
        )

    def test_item_ids_too(self) -> None:
        """Agenda items' ids as well (they make the items' calendar UIDs)."""
        data = group_data()
        data["meetings"][0]["agenda"][0]["id"] = "debat"
        data["meetings"][0]["agenda"][1]["id"] = "Debat"
        assert findings(data) == [("duplicate_id_case", "meetings[0].agenda[1].id")]

    def test_the_exact_duplicate_keeps_its_code(self) -> None:
        """The same id twice, in the same case, is still duplicate_id."""
        data = group_data()
        data["actors"][1]["id"] = "a1"
        assert findings(data) == [("duplicate_id", "actors[1].id")]

    def test_ids_of_different_kinds_may_share_a_spelling(self) -> None:
        """A person and an actor are never confused: ids are unique within their kind."""
        data = group_data()
        data["persons"][1]["id"] = "A2"
        assert findings(data) == []


class TestReferencesMatchExactly:
    def test_a_reference_in_another_case_is_dangling(self) -> None:
        """A reference MDH to the actor mdh is not followed: an error that suggests mdh."""
        data = group_data()
        data["actors"][0]["id"] = "mdh"
        data["persons"][0]["affiliation"] = "MDH"
        problem = first_problem(data)
        assert (problem.code, problem.location) == (
            "unknown_reference_suggestion",
            "persons[0].affiliation",
        )
        assert problem.message == (
            "no actor has the id 'MDH'; did you mean 'mdh'? Ids are matched exactly, case included"
        )

    def test_a_facilitator_in_another_case(self) -> None:
        """The same for a facilitator: P1 is not p1."""
        data = group_data()
        data["meetings"][0]["agenda"][1]["facilitators"] = [{"person": "P1"}]
        assert findings(data) == [
            ("unknown_reference_suggestion", "meetings[0].agenda[1].facilitators[0].person")
        ]

    def test_a_misspelt_reference_lists_the_known_ids(self) -> None:
        """Without an id in another case, the message lists the known ids as before."""
        data = group_data()
        data["persons"][0]["affiliation"] = "a9"
        assert findings(data) == [("unknown_reference", "persons[0].affiliation")]


class TestUnbalancedIsolates:
    @pytest.mark.parametrize(
        ("path", "text", "location", "char", "position"),
        [
            (
                ("meetings", 0, "agenda", 1, "title"),
                "Débat \u2067الرباط",
                "meetings[0].agenda[1].title",
                "U+2067 RIGHT-TO-LEFT ISOLATE",
                7,
            ),
            (
                ("meetings", 0, "agenda", 1, "title"),
                {"fr": "Débat", "ar": "نقاش\u2069"},
                "meetings[0].agenda[1].title.ar",
                "U+2069 POP DIRECTIONAL ISOLATE",
                5,
            ),
            (
                ("persons", 1, "name"),
                "\u2068Personne Deux",
                "persons[1].name",
                "U+2068 FIRST STRONG ISOLATE",
                1,
            ),
            (
                ("meetings", 0, "description"),
                "Ligne \u2066un\nligne deux\u2069",
                "meetings[0].description",
                "U+2066 LEFT-TO-RIGHT ISOLATE",
                7,
            ),
            (
                ("meetings", 0, "agenda", 0, "facilitators", 0, "label"),
                "Khalid\u2069",
                "meetings[0].agenda[0].facilitators[0].label",
                "U+2069 POP DIRECTIONAL ISOLATE",
                7,
            ),
        ],
        ids=["open", "stray-pdi-in-arabic", "name", "closed-on-another-line", "label"],
    )
    def test_a_text_with_an_unmatched_isolate_is_a_warning(
        self,
        path: tuple[str | int, ...],
        text: object,
        location: str,
        char: str,
        position: int,
    ) -> None:
        """An isolate left open, or a PDI that closes nothing, on a line: a warning located
        at the text (and its language), naming the character and where it is."""
        data = group_data()
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = text
        (problem,) = _report(data).problems
        assert (problem.code, problem.location, problem.severity) == (
            "unbalanced_isolate",
            location,
            Severity.WARNING,
        )
        assert problem.message == (
            f"the isolate control {char} at position {position} is unmatched on its line; "
            "outputs close or drop it, as it would reorder the text that follows"
        )

    @pytest.mark.parametrize(
        "text", ["\u2066Limoges\u2069 – \u2067الرباط\u2069", "\u2068a\u2066b\u2069c\u2069"]
    )
    def test_balanced_isolates_are_fine(self, text: str) -> None:
        """Isolates closed on their line, nested or not, are what bidi text should use."""
        data = group_data()
        data["meetings"][0]["title"] = text
        assert _report(data).problems == ()

    def test_a_meeting_checked_alone(self) -> None:
        """check(meeting) warns about its own texts."""
        meeting = rrma_groups.Meeting(id="m", title="\u2067Rencontre", date="2016-11-04", agenda=[])
        assert rrma_groups.check(meeting).codes() == ["unbalanced_isolate"]


def _report(data: dict[str, Any]) -> rrma_groups.CheckReport:
    return rrma_groups.check(rrma_groups.loads(json.dumps(data, default=str), "json"))


def _first_problem(data: dict[str, Any], format: str) -> rrma_groups.Problem:
    """The first error of ``data`` written as JSON or as TOML (through a valid group's TOML)."""
    if format == "json":
        return first_problem(data)
    ids: dict[tuple[str | int, ...], str] = {}
    valid = copy.deepcopy(data)
    # Write a valid copy as TOML, then put the clashing id back into the TOML text.
    for n, actor in enumerate(valid["actors"]):
        ids[("actors", n)] = actor["id"]
        actor["id"] = f"x-actor-{n}"
    for n, person in enumerate(valid["persons"]):
        ids[("persons", n)] = person["id"]
        person["id"] = f"x-person-{n}"
        person.pop("affiliation", None)
    for n, room in enumerate(valid["meetings"][0]["venue"]["rooms"]):
        ids[("rooms", n)] = room["id"]
        room["id"] = f"x-room-{n}"
    for agenda_item in valid["meetings"][0]["agenda"]:
        agenda_item["facilitators"] = []
    text = rrma_groups.dumps(rrma_groups.loads(json.dumps(valid, default=str), "json"), "toml")
    for (kind, n), key in ids.items():
        placeholder = f'id = "x-{kind[:-1]}-{n}"'
        assert text.count(placeholder) == 1
        text = text.replace(placeholder, f"id = {json.dumps(key)}")
    try:
        rrma_groups.loads(text, "toml")
    except GroupValidationError as exc:
        return exc.errors[0]
    raise AssertionError("the TOML text was accepted")


class TestReferences:
    @pytest.mark.parametrize(
        ("path", "value", "location"),
        [
            (("persons", 0, "affiliation"), "nobody", "persons[0].affiliation"),
            (("meetings", 0, "organiser"), "nobody", "meetings[0].organiser"),
            (("meetings", 0, "signatory"), "nobody", "meetings[0].signatory"),
            (("meetings", 0, "contact"), "a1", "meetings[0].contact"),
        ],
        ids=["affiliation", "organiser", "signatory", "contact-is-an-actor"],
    )
    def test_unknown_references(
        self, path: tuple[str | int, ...], value: str, location: str
    ) -> None:
        """A reference must name an existing object of the right kind."""
        data = group_data()
        target: dict = data  # type: ignore[type-arg]
        for key in path[:-1]:
            target = target[key]  # type: ignore[index]
        target[path[-1]] = value  # type: ignore[index]
        assert findings(data) == [("unknown_reference", location)]

    def test_unknown_facilitator_person(self) -> None:
        """A facilitator names a person that must exist; the message lists the known ones."""
        data = group_data()
        data["meetings"][0]["agenda"][1]["facilitators"] = [{"person": "khalid"}]
        problem = first_problem(data)
        assert problem.location == "meetings[0].agenda[1].facilitators[0].person"
        assert problem.message == "no person has the id 'khalid'; known ids: p1, p2"

    def test_unknown_room(self) -> None:
        """An item's room must be one of the venue's rooms."""
        data = group_data()
        data["meetings"][0]["agenda"][1]["room"] = "r9"
        assert findings(data) == [("unknown_reference", "meetings[0].agenda[1].room")]

    def test_partnership_parties_and_themes(self) -> None:
        """Partnership parties are actors and its themes are priorities."""
        data = group_data()
        data["partnerships"] = [{"id": "pa", "parties": ["a2", "ghost"], "themes": ["t1", "t9"]}]
        assert findings(data) == [
            ("unknown_reference", "partnerships[0].parties[1]"),
            ("unknown_reference", "partnerships[0].themes[1]"),
        ]

    def test_successor_must_exist(self) -> None:
        """A dissolved actor's successor is another actor."""
        data = group_data()
        data["actors"][1].update(dissolved="2016-01-01", successor="a3")
        assert findings(data) == [("unknown_reference", "actors[1].successor")]


class TestWarnings:
    def test_gap_between_items(self) -> None:
        """A pause between two items is reported, not refused."""
        data = group_data()
        data["meetings"][0]["agenda"][1] = item("14h40 - 15h30", "Débat")
        problem = first_problem(data)
        assert problem.severity is Severity.WARNING
        assert (problem.code, problem.location) == ("gap", "meetings[0].agenda[1].start")
        assert problem.message == "10 minute gap before this item, after 'Accueil' ended at 14:30"

    def test_no_gap_while_a_parallel_session_runs(self) -> None:
        """While one room is busy there is no gap, even if another room is free."""
        data = group_data()
        data["meetings"][0]["agenda"][1:2] = [
            item("14h30 - 15h30", "Atelier A", room="r1"),
            item("14h30 - 15h00", "Atelier B", room="r2", facilitators=[{"person": "p2"}]),
        ]
        assert findings(data) == []

    def test_no_facilitator(self) -> None:
        """An item with nobody to lead it is a warning."""
        data = group_data()
        data["meetings"][0]["agenda"][1]["facilitators"] = []
        assert findings(data) == [("no_facilitator", "meetings[0].agenda[1].facilitators")]

    @pytest.mark.parametrize("kind", ["break", "meal", "social"])
    def test_no_facilitator_needed(self, kind: str) -> None:
        """Breaks, meals and social time need nobody to lead them."""
        data = group_data()
        data["meetings"][0]["agenda"][1].update(facilitators=[], kind=kind)
        assert findings(data) == []

    def test_person_leading_two_parallel_items(self) -> None:
        """One person cannot be in two rooms at once."""
        data = group_data()
        data["meetings"][0]["agenda"][1:2] = [
            item("14h30 - 15h30", "Atelier A", room="r1"),
            item("15h00 - 15h30", "Atelier B", room="r2"),
        ]
        assert findings(data) == [
            ("facilitator_double_booked", "meetings[0].agenda[2].facilitators")
        ]

    def test_meeting_ends_right_after_an_open_ended_last_item(self) -> None:
        """A last item without an end that starts just before the meeting's end."""
        data = group_data()
        data["meetings"][0]["agenda"][2] = {
            "title": "Cocktail",
            "kind": "social",
            "start": "15:30",
        }
        data["meetings"][0]["end"] = "15:40"
        assert findings(data) == [("meeting_ends_before_last_item", "meetings[0].end")]

    def test_open_ended_last_item_with_time_enough(self) -> None:
        """An open-ended last item with time enough before the meeting's end is fine."""
        data = group_data()
        data["meetings"][0]["agenda"][2] = {"title": "Cocktail", "kind": "social", "start": "15:30"}
        assert findings(data) == []

    def test_successor_without_dissolution_date(self) -> None:
        """A successor without a dissolution date is suspicious."""
        data = group_data()
        data["actors"][1]["successor"] = "a1"
        assert findings(data) == [("successor_without_dissolution", "actors[1].successor")]


class TestCheckTargets:
    def test_check_a_single_meeting(self) -> None:
        """A meeting alone can be checked (its programme; references need the group)."""
        meeting = rrma_groups.examples.groupe_pays_maroc().meeting("limoges-2016")
        assert rrma_groups.check(meeting).ok

    def test_check_refuses_other_objects(self) -> None:
        """check() says what it accepts."""
        with pytest.raises(TypeError, match="takes a CountryGroup or a Meeting, not str"):
            rrma_groups.check("group.toml")  # type: ignore[arg-type]


def _night_meeting(date: str, timezone: str, *times: str) -> dict[str, Any]:
    """The base group, its meeting moved to the night of ``date`` in ``timezone``."""
    data = group_data()
    meeting = data["meetings"][0]
    meeting.update(date=date, timezone=timezone)
    del meeting["start"], meeting["end"]
    titles = ("Accueil", "Débat", "Conclusion")
    meeting["agenda"] = [item(time, title) for time, title in zip(times, titles, strict=False)]
    return data


NIGHT = ("01h00 - 02h00", "02h00 - 03h00", "03h00 - 04h00")


class TestTimesTheClocksSkipOrRepeat:
    @pytest.mark.parametrize(
        ("date", "timezone", "expected"),
        [
            pytest.param(
                "2017-03-26", "Europe/Paris",
                [("nonexistent_local_time", "meetings[0].agenda[0].end"),
                 ("nonexistent_local_time", "meetings[0].agenda[1].start")],
                id="paris-spring-forward",
            ),
            pytest.param(
                "2017-10-29", "Europe/Paris",
                [("ambiguous_local_time", "meetings[0].agenda[0].end"),
                 ("ambiguous_local_time", "meetings[0].agenda[1].start")],
                id="paris-fall-back",
            ),
            pytest.param(
                "2019-05-05", "Africa/Casablanca",
                [("ambiguous_local_time", "meetings[0].agenda[0].end"),
                 ("ambiguous_local_time", "meetings[0].agenda[1].start")],
                id="casablanca-ramadan-begins",
            ),
            pytest.param(
                "2019-06-09", "Africa/Casablanca",
                [("nonexistent_local_time", "meetings[0].agenda[0].end"),
                 ("nonexistent_local_time", "meetings[0].agenda[1].start")],
                id="casablanca-ramadan-ends",
            ),
            pytest.param(
                "2016-03-13", "America/New_York",
                [("nonexistent_local_time", "meetings[0].agenda[0].end"),
                 ("nonexistent_local_time", "meetings[0].agenda[1].start")],
                id="new-york-spring-forward",
            ),
            pytest.param("2017-03-25", "Europe/Paris", [], id="the-day-before"),
            pytest.param("2017-03-26", "UTC", [], id="utc-never-changes"),
            pytest.param("2017-03-26", "Africa/Dakar", [], id="no-daylight-saving"),
        ],
    )  # fmt: skip
    def test_each_such_time_is_a_warning(
        self, date: str, timezone: str, expected: list[tuple[str, str]]
    ) -> None:
        """A time that does not exist or happens twice that day is a warning where it is given."""
        data = _night_meeting(date, timezone, *NIGHT)
        assert findings(data) == expected
        if expected:
            assert first_problem(data).severity is Severity.WARNING

    def test_the_message_says_which_instant_a_skipped_time_is(self) -> None:
        """02:00 on the night Paris springs forward is 03:00 summer time: the item 02:00-03:00
        lasts no time at all, and the warning says so."""
        data = _night_meeting("2017-03-26", "Europe/Paris", *NIGHT)
        group = rrma_groups.loads(json.dumps(data), "json")
        [debate] = [p for p in rrma_groups.check(group) if p.location.endswith("[1].start")]
        assert debate.message == (
            "02:00 does not exist on 2017-03-26 in Europe/Paris: the clocks go forward from "
            "UTC+01:00 to UTC+02:00 over it, so it is taken as 03:00 (UTC+02:00)"
        )
        meeting = group.meetings[0]
        item_end = meeting.item_end(meeting.agenda[1])
        assert item_end is not None
        start = meeting.item_start(meeting.agenda[1])
        assert item_end.astimezone(dt.UTC) - start.astimezone(dt.UTC) == dt.timedelta(0)

    def test_the_message_says_which_of_two_times_is_taken(self) -> None:
        """A time that happens twice is the first of the two, at the summer offset."""
        data = _night_meeting("2017-10-29", "Europe/Paris", "02h30 - 04h00")
        problem = first_problem(data)
        assert (problem.code, problem.location) == (
            "ambiguous_local_time",
            "meetings[0].agenda[0].start",
        )
        assert problem.message == (
            "02:30 happens twice on 2017-10-29 in Europe/Paris, as the clocks go back from "
            "UTC+02:00 to UTC+01:00: it is taken as the first of the two, at UTC+02:00"
        )
        assert describe(problem, "fr") == (
            "2h30 a lieu deux fois le 29 octobre 2017 dans le fuseau Europe/Paris, car les "
            "horloges reculent de UTC+02:00 à UTC+01:00\u202f: c’est la première des deux qui est "
            "retenue, à UTC+02:00"
        )

    def test_the_meetings_own_bounds_and_later_days(self) -> None:
        """A declared start or end, and items on a later day of the meeting, are checked too."""
        data = _night_meeting("2017-03-25", "Europe/Paris", "23h00 - 23h30")
        meeting = data["meetings"][0]
        meeting.update(start="23:00", end="02:30", end_date="2017-03-26")
        meeting["agenda"].append(item("02h00 - 02h30", "Nuit", day="2017-03-26"))
        assert findings(data) == [
            ("nonexistent_local_time", "meetings[0].end"),
            ("nonexistent_local_time", "meetings[0].agenda[1].start"),
            ("nonexistent_local_time", "meetings[0].agenda[1].end"),
        ]

    def test_a_meeting_checked_alone(self) -> None:
        """check() of a meeting reports them at its own locations."""
        data = _night_meeting("2017-03-26", "Europe/Paris", "02h30 - 04h00")
        meeting = rrma_groups.loads(json.dumps(data), "json").meetings[0]
        assert [(p.code, p.location) for p in rrma_groups.check(meeting)] == [
            ("nonexistent_local_time", "agenda[0].start")
        ]

    def test_a_series_once_per_time_on_its_first_such_date(self) -> None:
        """A weekly series on Sunday nights meets both clock changes every year: each time is
        reported once, on the first date it happens, where the series gives it."""
        data = group_data()
        data["series"] = [
            {
                "id": "nuits",
                "title": "Veillée",
                "recurrence": {"frequency": "weekly", "weekdays": ["SU"]},
                "first_date": "2017-01-01",
                "time": "02h30 - 03h30",
            }
        ]
        group = rrma_groups.loads(json.dumps(data), "json")
        found = [(p.code, p.location, p.params["date"]) for p in rrma_groups.check(group)]
        assert found == [
            ("nonexistent_local_time", "series[0].start", dt.date(2017, 3, 26)),
            ("ambiguous_local_time", "series[0].start", dt.date(2017, 10, 29)),
        ]
        first = rrma_groups.check(group).warnings[0]
        assert first.message.endswith("; it is the first date of the series where this happens")

    def test_a_moved_occurrence_at_its_own_hours(self) -> None:
        """An occurrence moved into the night is reported at its own start."""
        data = group_data()
        data["series"] = [
            {
                "id": "trimestre",
                "title": "Réunion",
                "recurrence": {"frequency": "monthly", "interval": 3, "weekdays": ["1FR"]},
                "first_date": "2017-01-06",
                "time": "14h00 - 16h00",
                "moved": [
                    {"date": "2017-10-06", "to": "2017-10-29", "start": "02:00", "end": "02:45"}
                ],
            }
        ]
        assert findings(data) == [
            ("ambiguous_local_time", "series[0].moved[0].start"),
            ("ambiguous_local_time", "series[0].moved[0].end"),
        ]


class TestTimesToTheMinute:
    @pytest.mark.parametrize(
        ("where", "value", "shown"),
        [
            ("meeting", "14:00:00.999999", "'14:00:00.999999'"),
            ("meeting", "14:00:30", "'14:00:30'"),
            ("item", "14:00:00.5", "'14:00:00.500000'"),
        ],
    )
    def test_seconds_are_refused_where_they_are(self, where: str, value: str, shown: str) -> None:
        """A time with seconds is refused where it is written, never reported as an item outside
        a meeting that would run from the same minute."""
        data = group_data()
        target = data["meetings"][0] if where == "meeting" else data["meetings"][0]["agenda"][0]
        if where == "item":
            del target["time"]
            target.update(start=value, end="14:30")
        else:
            target["start"] = value
        problem = first_problem(data)
        field = "meetings[0].start" if where == "meeting" else "meetings[0].agenda[0].start"
        assert (problem.code, problem.location) == ("time_not_whole_minute", field)
        assert problem.message == (
            f"{shown} is not a whole minute: times are given to the minute, such as 14:00"
        )

    def test_a_duration_of_seconds(self) -> None:
        """A duration that is no whole number of minutes would end at such a time: refused."""
        data = group_data()
        first = data["meetings"][0]["agenda"][0]
        del first["time"]
        first.update(start="14:00", duration="PT29M30S")
        problem = first_problem(data)
        assert (problem.code, problem.location) == ("invalid_duration", "meetings[0].agenda[0]")
        assert problem.message == (
            "cannot read 'PT29M30S' as a duration: durations are given in whole minutes"
        )

    @pytest.mark.parametrize(
        ("value", "plain"),
        [
            (dt.time(14, 0), "14:00"),
            (dt.time(14, 0, 30), "14:00:30"),
            (dt.time(14, 0, 0, 999999), "14:00:00.999999"),
            (dt.datetime(2016, 11, 4, 14, 0, 0, 1), "2016-11-04 14:00:00.000001"),
        ],
    )
    def test_messages_never_show_two_times_alike(self, value: Any, plain: str) -> None:
        """A time is shown to the minute, with its seconds only when it has some, in every
        language: two different times never read the same in one message."""
        problem = rrma_groups.Problem(
            "item_outside_meeting",
            ("meetings", 0, "agenda", 0, "start"),
            "{value} is outside the meeting, which takes place {span}",
            {
                "value": value,
                "span": Span(dt.datetime(2016, 11, 4, 14), dt.datetime(2016, 11, 4, 16)),
            },
        )
        assert problem.message.startswith(f"{plain} is outside")
        if isinstance(value, dt.time) and value != dt.time(14, 0):
            assert plain in describe(problem, "fr")
            assert plain in describe(problem, "ar")
