"""Cross-object rules: each with a passing case and a failing one, code and location asserted."""

from __future__ import annotations

import pytest

import rrma_groups
from builders import findings, first_problem, group_data, item
from rrma_groups import Severity


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
            "16:15 is outside the meeting, which runs from 2016-11-04 14:00 to 2016-11-04 16:00"
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
