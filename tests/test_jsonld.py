"""schema.org JSON-LD: the meeting as an Event, its items as subEvents, safe in a <script>."""

from __future__ import annotations

import html.parser
import json
from typing import Any

import pytest

from rrma_groups import Meeting
from rrma_groups.cli.app import main
from rrma_groups.examples import groupe_pays_maroc
from rrma_groups.render import RenderError
from rrma_groups.render.jsonld import dumps_for_html, jsonld_script, to_jsonld

GROUP = groupe_pays_maroc()
MEETING = GROUP.meeting("limoges-2016")
SCHEMA = "https://schema.org/"


def meeting(**fields: Any) -> Meeting:
    """A small valid meeting; ``fields`` replace its defaults."""
    data: dict[str, Any] = {
        "id": "m1",
        "title": {"fr": "Rencontre"},
        "date": "2026-03-05",
        "timezone": "Africa/Casablanca",
        "venue": {"name": {"fr": "Salle"}, "city": {"fr": "Rabat"}, "country": "MA"},
        "agenda": [{"time": "10h00 - 12h00", "title": {"fr": "Séance"}}],
    }
    data.update(fields)
    return Meeting.model_validate(data)


class TestReferenceEvent:
    def test_keys_in_a_fixed_order(self) -> None:
        """The Event's keys always come in the same order."""
        event = to_jsonld(GROUP, "fr", meeting="limoges-2016")
        assert list(event) == [
            "@context",
            "@type",
            "name",
            "description",
            "startDate",
            "endDate",
            "eventStatus",
            "eventAttendanceMode",
            "location",
            "organizer",
            "inLanguage",
            "subEvent",
        ]

    def test_the_event(self) -> None:
        """Name, dates with their offset, status, mode, venue and organiser."""
        event = to_jsonld(MEETING, "fr", group=GROUP)
        assert event["@context"] == "https://schema.org"
        assert event["name"] == "Rencontre du Groupe Pays Maroc à Limoges"
        assert (event["startDate"], event["endDate"]) == (
            "2016-11-04T14:00:00+01:00",
            "2016-11-04T17:30:00+01:00",
        )
        assert event["eventStatus"] == SCHEMA + "EventScheduled"
        assert event["eventAttendanceMode"] == SCHEMA + "OfflineEventAttendanceMode"
        assert event["location"] == {
            "@type": "Place",
            "name": "Siège de la Région – site de Limoges",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": "Limoges",
                "addressCountry": "FR",
            },
        }
        assert event["organizer"] == {"@type": "Organization", "name": "Cap Coopération"}

    @pytest.mark.parametrize(
        ("lang", "in_language", "name"),
        [
            ("fr", "fr", "Rencontre du Groupe Pays Maroc à Limoges"),
            ("ar", "ar", "لقاء مجموعة المغرب في ليموج"),
            ("ar_MA", "ar-MA", "لقاء مجموعة المغرب في ليموج"),
            ("en", "en", "Morocco Country Group meeting in Limoges"),
        ],
    )
    def test_in_language(self, lang: str, in_language: str, name: str) -> None:
        """inLanguage is the BCP 47 code of the language asked for."""
        event = to_jsonld(MEETING, lang, group=GROUP)
        assert (event["inLanguage"], event["name"]) == (in_language, name)

    def test_one_sub_event_per_item(self) -> None:
        """Eleven subEvents, in programme order, with their times."""
        subevents = to_jsonld(MEETING, "fr", group=GROUP)["subEvent"]
        assert isinstance(subevents, list)
        assert len(subevents) == 11
        first = subevents[0]
        assert isinstance(first, dict)
        assert (first["name"], first["startDate"], first["endDate"]) == (
            "Accueil des participants",
            "2016-11-04T14:00:00+01:00",
            "2016-11-04T14:15:00+01:00",
        )

    @pytest.mark.parametrize(
        ("index", "performers"),
        [
            (0, [{"@type": "Organization", "name": "Cap Coopération"}]),
            (1, [{"@type": "Person", "name": "Khalid Chihani"}]),
            (
                2,
                [
                    {
                        "@type": "Role",
                        "roleName": "Un collègue Cap Coopération",
                        "performer": {"@type": "Organization", "name": "Cap Coopération"},
                    }
                ],
            ),
            (
                3,
                [
                    {
                        "@type": "Person",
                        "name": "Guillaume Bertrand",
                        "affiliation": {
                            "@type": "Organization",
                            "name": "Maison des Droits de l'Homme de Limoges",
                        },
                    }
                ],
            ),
            (4, [{"@type": "Role", "roleName": "Un représentant de chaque structure"}]),
            (
                5,
                [
                    {"@type": "Person", "name": "Sébastien Proeschel"},
                    {"@type": "Person", "name": "Emmanuelle Pallier"},
                ],
            ),
            (10, None),
        ],
    )
    def test_facilitators_are_performers(self, index: int, performers: Any) -> None:
        """Persons by full name, organisations, and roles as schema.org Roles."""
        subevents = to_jsonld(MEETING, "fr", group=GROUP)["subEvent"]
        assert isinstance(subevents, list)
        sub = subevents[index]
        assert isinstance(sub, dict)
        assert sub.get("performer") == performers

    def test_without_group(self) -> None:
        """Without its group a meeting still exports, with ids for unknown names."""
        event = to_jsonld(MEETING, "fr")
        assert "organizer" not in event
        subevents = event["subEvent"]
        assert isinstance(subevents, list)
        sub = subevents[5]
        assert isinstance(sub, dict)
        assert sub["performer"] == [
            {"@type": "Person", "name": "sebastien-proeschel"},
            {"@type": "Person", "name": "emmanuelle-pallier"},
        ]


class TestStatusAndAttendance:
    @pytest.mark.parametrize(
        ("status", "previous_date", "event_status", "previous_start"),
        [
            ("scheduled", None, "EventScheduled", None),
            ("cancelled", None, "EventCancelled", None),
            ("postponed", None, "EventPostponed", None),
            ("postponed", "2026-02-26", "EventRescheduled", "2026-02-26"),
            ("scheduled", "2026-02-26", "EventRescheduled", "2026-02-26"),
        ],
    )
    def test_event_status(
        self,
        status: str,
        previous_date: str | None,
        event_status: str,
        previous_start: str | None,
    ) -> None:
        """A known new date is EventRescheduled, with previousStartDate."""
        event = to_jsonld(meeting(status=status, previous_date=previous_date), "fr")
        assert event["eventStatus"] == SCHEMA + event_status
        assert event.get("previousStartDate") == previous_start

    def test_ramadan_offset(self) -> None:
        """Casablanca on 5 March 2026 is UTC+0, on 10 April UTC+1."""
        assert to_jsonld(meeting(), "fr")["startDate"] == "2026-03-05T10:00:00+00:00"
        assert to_jsonld(meeting(date="2026-04-10"), "fr")["startDate"] == (
            "2026-04-10T10:00:00+01:00"
        )

    @pytest.mark.parametrize(
        ("mode", "venue", "attendance", "location_types"),
        [
            ("in_person", True, "OfflineEventAttendanceMode", "Place"),
            ("online", False, "OnlineEventAttendanceMode", "VirtualLocation"),
            ("hybrid", True, "MixedEventAttendanceMode", ["Place", "VirtualLocation"]),
        ],
    )
    def test_attendance_mode(
        self, mode: str, venue: bool, attendance: str, location_types: str | list[str]
    ) -> None:
        """Offline, online and mixed; a Place, a VirtualLocation, or both."""
        fields: dict[str, Any] = {
            "attendance_mode": mode,
            "online_url": "https://visio.example.org/gpmar",
        }
        if not venue:
            fields["venue"] = None
        event = to_jsonld(meeting(**fields), "fr")
        assert event["eventAttendanceMode"] == SCHEMA + attendance
        location = event["location"]
        if isinstance(location, list):
            assert [place["@type"] for place in location if isinstance(place, dict)] == (
                location_types
            )
        else:
            assert isinstance(location, dict)
            assert location["@type"] == location_types

    def test_an_item_in_a_room(self) -> None:
        """An item in a room is located in the room, inside the venue."""
        venue = {"name": {"fr": "Salle"}, "rooms": [{"id": "r1", "name": "Salle 1"}]}
        agenda = [{"time": "10h00 - 12h00", "title": "Atelier", "room": "r1"}]
        subevents = to_jsonld(meeting(venue=venue, agenda=agenda), "fr")["subEvent"]
        assert isinstance(subevents, list)
        sub = subevents[0]
        assert isinstance(sub, dict)
        assert sub["location"] == {
            "@type": "Place",
            "name": "Salle 1",
            "containedInPlace": {
                "@type": "Place",
                "name": "Salle",
                "address": {"@type": "PostalAddress", "addressCountry": "FR"},
            },
        }

    def test_all_day(self) -> None:
        """A meeting without hours has dates only."""
        event = to_jsonld(meeting(agenda=[], end_date="2026-03-06"), "fr")
        assert (event["startDate"], event["endDate"]) == ("2026-03-05", "2026-03-06")
        assert "subEvent" not in event


class TestGroup:
    def test_a_graph_of_meetings(self) -> None:
        """A group gives an @graph with one Event per meeting."""
        data = to_jsonld(GROUP, "fr")
        assert list(data) == ["@context", "@graph"]
        graph = data["@graph"]
        assert isinstance(graph, list)
        assert [event["@type"] for event in graph if isinstance(event, dict)] == ["Event"]

    def test_unknown_meeting(self) -> None:
        """An unknown meeting lists the known ones."""
        with pytest.raises(RenderError, match="no meeting 'x'; the group has: limoges-2016"):
            to_jsonld(GROUP, "fr", meeting="x")

    def test_deterministic(self) -> None:
        """The same meeting gives the same text."""
        first = json.dumps(to_jsonld(GROUP, "ar"), ensure_ascii=False)
        assert json.dumps(to_jsonld(GROUP, "ar"), ensure_ascii=False) == first


class _Scripts(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self.inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.inside = tag == "script"
        if self.inside:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.scripts[-1] += data


class TestScript:
    @pytest.mark.parametrize(
        "title",
        [
            "</script><script>alert(1)</script>",
            "<!--<script>",
            "</SCRIPT >",
            "A & B > C",
        ],
    )
    def test_text_cannot_leave_the_script(self, title: str) -> None:
        """The page has one script element, whose JSON gives back the title exactly."""
        tricky = meeting(title={"fr": title})
        page = f"<html><body>{jsonld_script(tricky, 'fr')}<p>after</p></body></html>"
        for forbidden in ("</", "<!--", "<script>alert"):
            assert forbidden not in page.split("\n", 1)[1].rsplit("\n", 1)[0]
        parser = _Scripts()
        parser.feed(page)
        [script] = parser.scripts
        assert json.loads(script)["name"] == title

    def test_the_element(self) -> None:
        """The element's type, and the JSON inside it."""
        text = jsonld_script(MEETING, "fr", group=GROUP)
        assert text.startswith('<script type="application/ld+json">\n{\n  "@context"')
        assert text.endswith("\n</script>")
        assert json.loads(text.split("\n", 1)[1].rsplit("\n", 1)[0]) == to_jsonld(
            MEETING, "fr", group=GROUP
        )

    def test_dumps_for_html_escapes(self) -> None:
        """<, > and & become JSON escapes, and so do JavaScript's line separators."""
        assert dumps_for_html({"a": "<&>\u2028"}) == '{\n  "a": "\\u003c\\u0026\\u003e\\u2028"\n}'


class TestCommand:
    def test_render_jsonld(self, capsys: pytest.CaptureFixture[str]) -> None:
        """render --format jsonld prints the group's @graph."""
        assert main(["render", "--format", "jsonld", "--lang", "ar"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["@graph"][0]["inLanguage"] == "ar"

    def test_render_jsonld_fragment(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--fragment gives the <script> element of one meeting."""
        assert main(["render", "-f", "jsonld", "--fragment", "-m", "limoges-2016"]) == 0
        out = capsys.readouterr().out
        assert out.startswith('<script type="application/ld+json">\n')
        assert '"@type": "Event"' in out

    def test_unknown_meeting(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown meeting: exit 2 and the known ones."""
        assert main(["render", "-f", "jsonld", "-m", "nope"]) == 2
        assert capsys.readouterr().err == "no meeting 'nope'; the group has: limoges-2016\n"
