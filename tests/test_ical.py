"""iCalendar out and in: times in every timezone, stable UIDs, SEQUENCE, text, broken input."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil.rrule import rruleset, rrulestr
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import rrma_groups
from builders import group_data
from rrma_groups import Agenda, LocalisedText, Meeting
from rrma_groups.cli.app import main
from rrma_groups.examples import groupe_pays_maroc
from rrma_groups.export.ical import (
    IcalError,
    from_ical,
    item_uids,
    meeting_uid,
    series_uid,
    to_ical,
)
from rrma_groups.i18n.bidi import FSI, PDI, RLI, RLM
from rrma_groups.model.series import Recurrence, Series
from rrma_groups.render import RenderError
from strategies import ical_meetings

GROUP = groupe_pays_maroc()
MEETING = GROUP.meeting("limoges-2016")
STAMP = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
UTC = dt.UTC
P = pytest.param


def events(data: bytes) -> list[icalendar.Event]:
    """The VEVENTs of a calendar, parsed back by icalendar itself."""
    calendar = icalendar.Calendar.from_ical(data)
    return [event for event in calendar.walk("VEVENT") if isinstance(event, icalendar.Event)]


def by_summary(data: bytes) -> dict[str, icalendar.Event]:
    return {str(event["SUMMARY"]): event for event in events(data)}


def utc(event: icalendar.Event, name: str = "DTSTART") -> dt.datetime:
    value: dt.datetime = event[name].dt
    return value.astimezone(UTC)


def meeting(**fields: Any) -> Meeting:
    """A small valid meeting; ``fields`` replace its defaults."""
    data: dict[str, Any] = {
        "id": "m1",
        "title": {"fr": "Rencontre"},
        "date": "2016-11-04",
        "venue": {"name": {"fr": "Salle"}},
        "agenda": [
            {"time": "14h00 - 14h30", "title": {"fr": "Accueil"}, "kind": "welcome"},
            {"time": "14h30 - 15h30", "title": {"fr": "Débat"}, "kind": "discussion"},
        ],
    }
    data.update(fields)
    return Meeting.model_validate(data)


def group_with(data_change: Any = None) -> rrma_groups.CountryGroup:
    data = group_data()
    if data_change is not None:
        data_change(data)
    return rrma_groups.loads(json.dumps(data), "json")


class TestReferenceExport:
    def test_one_event_per_meeting(self) -> None:
        """Without per_item, the example gives one VEVENT and one VTIMEZONE."""
        data = to_ical(GROUP, "fr", stamp=STAMP)
        assert len(events(data)) == 1
        assert data.count(b"BEGIN:VTIMEZONE") == 1

    def test_per_item_adds_one_event_per_item(self) -> None:
        """With per_item, 11 item events follow their meeting's, each related to it."""
        found = events(to_ical(GROUP, "fr", per_item=True, stamp=STAMP))
        assert len(found) == 12
        parent, items = found[0], found[1:]
        assert str(parent["UID"]) == "limoges-2016@gpmar.rrma-groups"
        assert "RELATED-TO" not in parent
        for item in items:
            assert str(item["RELATED-TO"]) == "limoges-2016@gpmar.rrma-groups"
            assert item["RELATED-TO"].params["RELTYPE"] == "PARENT"

    def test_the_meeting_event_is_the_same_with_or_without_items(self) -> None:
        """per_item only adds events: the meeting's event does not change."""
        alone = to_ical(GROUP, "fr", stamp=STAMP).decode()
        with_items = to_ical(GROUP, "fr", per_item=True, stamp=STAMP).decode()
        meeting_event = alone[alone.index("BEGIN:VEVENT") : alone.index("END:VEVENT")]
        assert meeting_event in with_items

    @pytest.mark.parametrize(
        ("summary", "start", "end"),
        [
            ("Rencontre du Groupe Pays Maroc à Limoges", "13:00", "16:30"),
            ("Accueil des participants", "13:00", "13:15"),
            ("Présentation de l'ordre du jour", "13:15", "13:20"),
            ("Présentation de Cap Coopération", "13:20", "13:30"),
            ("Présentation de la MDH", "13:30", "13:40"),
            ("Présentation des structures", "13:40", "14:00"),
            ("Présentation de la coopération avec la Région Marrakech-Safi", "14:00", "14:15"),
            ("Présentation de la démarche GPMar", "14:15", "14:30"),
            ("GPMar: quelles attentes?", "14:30", "15:00"),
            ("GPMar: quelles modalités de fonctionnement ?", "15:00", "15:30"),
            ("Restitution et conclusion", "15:30", "15:45"),
            ("Temps convivial et échange libre", "15:45", "16:30"),
        ],
    )
    def test_every_time_in_utc(self, summary: str, start: str, end: str) -> None:
        """4 November 2016 is CET (UTC+1): the programme's 14:00 is 13:00 UTC."""
        event = by_summary(to_ical(GROUP, "fr", per_item=True, stamp=STAMP))[summary]
        day = dt.date(2016, 11, 4)
        assert utc(event) == dt.datetime.combine(day, dt.time.fromisoformat(start), UTC)
        assert utc(event, "DTEND") == dt.datetime.combine(day, dt.time.fromisoformat(end), UTC)
        assert event["DTSTART"].params["TZID"] == "Europe/Paris"

    def test_vtimezone_for_europe_paris(self) -> None:
        """The VTIMEZONE comes from the tz database, with CET in November 2016 and the EU's
        rules as RRULEs; RFC 5545 lists no COMMENT in a VTIMEZONE."""
        calendar = icalendar.Calendar.from_ical(to_ical(GROUP, "fr", stamp=STAMP))
        [zone] = calendar.timezones
        assert zone.tz_name == "Europe/Paris"
        assert calendar.get_missing_tzids() == set()
        assert "COMMENT" not in zone
        rules = [str(part["RRULE"].to_ical().decode()) for part in zone.walk() if "RRULE" in part]
        assert "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10" in rules
        tz = zone.to_tz(lookup_tzid=False)
        assert dt.datetime(2016, 11, 4, 14, tzinfo=tz).utcoffset() == dt.timedelta(hours=1)

    @pytest.mark.parametrize(
        ("lang", "summary", "location", "description"),
        [
            ("fr", "fr", "fr", "fr"),
            ("ar", "ar", "ar", "ar"),
            ("ar-MA", "ar", "ar", "ar-MA"),
            ("en", "en", "en", "en"),
        ],
    )
    def test_language_parameter(
        self, lang: str, summary: str, location: str, description: str
    ) -> None:
        """LANGUAGE names the language each text is really in (ar-MA titles are in ar)."""
        [event] = events(to_ical(GROUP, lang, stamp=STAMP))
        assert event["SUMMARY"].params["LANGUAGE"] == summary
        assert event["LOCATION"].params["LANGUAGE"] == location
        assert event["DESCRIPTION"].params["LANGUAGE"] == description

    def test_french_fallback_is_marked_french(self) -> None:
        """A title with no Arabic text is exported in French, marked LANGUAGE=fr."""
        french_only = MEETING.replace(title=LocalisedText({"fr": "Rencontre"}))
        [event] = events(to_ical(french_only, "ar", group=GROUP, stamp=STAMP))
        assert str(event["SUMMARY"]) == "Rencontre"
        assert event["SUMMARY"].params["LANGUAGE"] == "fr"

    def test_summary_location_status(self) -> None:
        """SUMMARY, LOCATION (venue, city), STATUS and SEQUENCE of the reference meeting."""
        [event] = events(to_ical(GROUP, "fr", stamp=STAMP))
        assert str(event["SUMMARY"]) == "Rencontre du Groupe Pays Maroc à Limoges"
        assert str(event["LOCATION"]) == "Siège de la Région – site de Limoges, Limoges"
        assert str(event["STATUS"]) == "CONFIRMED"
        assert event["SEQUENCE"] == 0
        assert "ORGANIZER" not in event  # nobody's e-mail address is known

    def test_description_is_the_programme_one_line_per_item(self) -> None:
        """DESCRIPTION: the meeting's title, date and place, its objectives, then one line per
        item (hours, title, facilitators), never a space-padded table."""
        [event] = events(to_ical(GROUP, "fr", stamp=STAMP))
        lines = str(event["DESCRIPTION"]).splitlines()
        assert lines[:3] == [
            "Rencontre du Groupe Pays Maroc à Limoges",
            "vendredi 4 novembre 2016, de 14h00 à 17h30",
            "Siège de la Région – site de Limoges, Limoges",
        ]
        start = lines.index(next(line for line in lines if line.startswith("Programme")))
        assert lines[start + 1 : start + 3] == [
            "14h00–14h15 · Accueil des participants · Cap Coopération",
            "14h15–14h20 · Présentation de l'ordre du jour · Khalid",
        ]
        assert (
            "15h00–15h15 · Présentation de la coopération avec la Région Marrakech-Safi · "
            "Sébastien Proeschel et Emmanuelle Pallier"
        ) in lines
        assert "16h45–17h30 · Temps convivial et échange libre" in lines
        assert not any("  " in line for line in lines)  # no column padding

    @pytest.mark.parametrize(("lang", "first"), [("en", "2:00"), ("ar-MA", "14:00")])
    def test_description_in_the_language_asked(self, lang: str, first: str) -> None:
        """The words, dates and hours of the DESCRIPTION are those of the export's language."""
        [event] = events(to_ical(GROUP, lang, stamp=STAMP))
        text = str(event["DESCRIPTION"])
        assert "Accueil des participants" not in text
        line = next(line for line in text.splitlines() if " · " in line)
        assert first in line

    def test_arabic_description_reads_right_to_left(self) -> None:
        """In Arabic every line starts with RLM and an item's hours come first, isolated right
        to left: read from the right, the time comes before the title, and its start before
        its end; the meeting's hours read "من 14:00 إلى 17:30"."""
        [event] = events(to_ical(GROUP, "ar-MA", stamp=STAMP))
        lines = str(event["DESCRIPTION"]).splitlines()
        assert all(line.startswith(RLM) for line in lines if line)
        assert (
            f"{RLM}{RLI}14:00–14:15{PDI} · استقبال المشاركين · {FSI}Cap Coopération{PDI}" in lines
        )
        assert f"{RLM}الجمعة، 4 نونبر 2016، {RLI}من 14:00 إلى 17:30{PDI}" in lines

    def test_arabic_description_keeps_its_isolates(self) -> None:
        """Unicode isolates around times and Latin names survive the export."""
        [event] = events(to_ical(GROUP, "ar", stamp=STAMP))
        assert f"{RLI}14:00–14:15{PDI}" in str(event["DESCRIPTION"])
        assert f"{FSI}Khalid{PDI}" in str(event["DESCRIPTION"])

    def test_item_events(self) -> None:
        """An item event: title, facilitators in words and as X-RRMA-FACILITATOR, its kind."""
        found = by_summary(to_ical(GROUP, "fr", per_item=True, stamp=STAMP))
        item = found["Présentation de la coopération avec la Région Marrakech-Safi"]
        assert str(item["DESCRIPTION"]) == (
            "Animateur\u202f: Sébastien Proeschel - Emmanuelle Pallier"
        )
        assert [str(f) for f in item["X-RRMA-FACILITATOR"]] == [
            "Sébastien Proeschel",
            "Emmanuelle Pallier",
        ]
        assert str(item["X-RRMA-KIND"]) == "presentation"
        assert str(item["LOCATION"]) == "Siège de la Région – site de Limoges, Limoges"

    def test_arabic_item_isolates_latin_names(self) -> None:
        """In Arabic, Latin facilitator names are isolated in the item's description."""
        found = events(to_ical(GROUP, "ar", per_item=True, stamp=STAMP))
        texts = [str(event.get("DESCRIPTION", "")) for event in found[1:]]
        assert f"{FSI}Sébastien Proeschel{PDI} و\u00a0{FSI}Emmanuelle Pallier{PDI}" in texts[5]


class TestTimezones:
    @pytest.mark.parametrize(
        ("day", "expected_utc", "offset"),
        [
            # tzdata: Morocco is UTC+1, and UTC+0 from 15 February to 22 March 2026 (Ramadan).
            ("2026-02-10", "2026-02-10T09:00", "+0100"),
            ("2026-03-05", "2026-03-05T10:00", "+0000"),
            ("2026-04-10", "2026-04-10T09:00", "+0100"),
        ],
    )
    def test_casablanca_times_in_utc(self, day: str, expected_utc: str, offset: str) -> None:
        """10:00 in Casablanca is 10:00 UTC during Ramadan, 09:00 UTC outside it."""
        rabat = meeting(
            date=day,
            timezone="Africa/Casablanca",
            agenda=[{"time": "10h00 - 12h00", "title": {"fr": "Séance"}}],
        )
        data = to_ical(rabat, "fr", per_item=True, stamp=STAMP)
        for event in events(data):
            assert utc(event) == dt.datetime.fromisoformat(expected_utc).replace(tzinfo=UTC)
            assert event["DTSTART"].params["TZID"] == "Africa/Casablanca"
        [zone] = icalendar.Calendar.from_ical(data).timezones
        assert zone.tz_name == "Africa/Casablanca"
        assert f"TZOFFSETTO:{offset}" in zone.to_ical().decode()

    def test_the_vtimezone_alone_gives_the_ramadan_offset(self) -> None:
        """A client that only reads the VTIMEZONE (not tzdata) also finds UTC+0 on 5 March."""
        rabat = meeting(date="2026-03-05", timezone="Africa/Casablanca")
        [zone] = icalendar.Calendar.from_ical(to_ical(rabat, "fr", stamp=STAMP)).timezones
        tz = zone.to_tz(lookup_tzid=False)
        assert dt.datetime(2026, 3, 5, 10, tzinfo=tz).utcoffset() == dt.timedelta(0)
        assert dt.datetime(2026, 4, 10, 10, tzinfo=tz).utcoffset() == dt.timedelta(hours=1)

    def test_several_timezones_are_sorted(self) -> None:
        """One VTIMEZONE per timezone, in TZID order, whatever the meetings' order."""
        group = GROUP.replace(
            meetings=(
                MEETING,
                meeting(id="rabat", date="2026-03-05", timezone="Africa/Casablanca"),
                meeting(id="dakar", date="2026-03-05", timezone="Africa/Dakar"),
            )
        )
        calendar = icalendar.Calendar.from_ical(to_ical(group, "fr", stamp=STAMP))
        assert [zone.tz_name for zone in calendar.timezones] == [
            "Africa/Casablanca",
            "Africa/Dakar",
            "Europe/Paris",
        ]

    def test_a_zone_that_matches_utc_keeps_its_tzid(self) -> None:
        """Dakar is UTC+0 all year, but its meetings keep TZID=Africa/Dakar."""
        dakar = meeting(timezone="Africa/Dakar")
        data = to_ical(dakar, "fr", stamp=STAMP)
        assert b"DTSTART;TZID=Africa/Dakar:20161104T140000" in data
        assert from_ical(data).meetings[0].timezone == "Africa/Dakar"

    def test_a_meeting_without_hours_is_all_day(self) -> None:
        """No start, no items: DTSTART and DTEND are dates, DTEND the day after the last."""
        data = to_ical(meeting(agenda=[], end_date="2016-11-05"), "fr", stamp=STAMP)
        assert b"DTSTART;VALUE=DATE:20161104\r\nDTEND;VALUE=DATE:20161106\r\n" in data
        assert b"VTIMEZONE" not in data

    def test_utc_meetings_need_no_vtimezone(self) -> None:
        """A meeting in UTC is written with Z times and no VTIMEZONE."""
        data = to_ical(meeting(timezone="UTC"), "fr", stamp=STAMP)
        assert b"DTSTART:20161104T140000Z" in data
        assert b"VTIMEZONE" not in data


class TestUids:
    def test_reference_uids(self) -> None:
        """Meeting and item UIDs follow the documented pattern."""
        assert meeting_uid(MEETING, GROUP) == "limoges-2016@gpmar.rrma-groups"
        assert meeting_uid(MEETING) == "limoges-2016@rrma-groups"
        uids = item_uids(MEETING, GROUP)
        assert len(set(uids)) == 11
        assert uids[0] == "limoges-2016+t-c4352b607b@gpmar.rrma-groups"

    def test_stable_across_exports(self) -> None:
        """Two exports, at other times and in other languages, have the same UIDs."""
        first = to_ical(GROUP, "fr", per_item=True, stamp=STAMP)
        second = to_ical(GROUP, "ar", per_item=True, stamp=STAMP + dt.timedelta(days=3))
        assert [str(e["UID"]) for e in events(first)] == [str(e["UID"]) for e in events(second)]

    def test_item_id_is_the_key(self) -> None:
        """An item with an id has it in its UID."""
        agenda = [{"time": "14h00 - 14h30", "title": "Accueil", "id": "accueil"}]
        assert item_uids(meeting(agenda=agenda)) == ("m1+accueil@rrma-groups",)

    def test_inserting_an_item_keeps_the_others_uids(self) -> None:
        """An item inserted first does not change the UIDs of the items after it."""
        before = meeting()
        items = [{"time": "13h30 - 14h00", "title": {"fr": "Café"}}, *before.agenda]
        after = before.replace(agenda=items)
        assert item_uids(after)[1:] == item_uids(before)

    def test_retiming_keeps_the_uid(self) -> None:
        """Moving an item to another time keeps its UID."""
        before = meeting()
        moved = before.agenda[1].replace(start="15:00", end="16:00")
        after = before.replace(agenda=[before.agenda[0], moved])
        assert item_uids(after) == item_uids(before)

    def test_same_titles_are_numbered(self) -> None:
        """Items with the same title get distinct UIDs, numbered from the second."""
        agenda = [
            {"time": "10h00 - 10h15", "title": {"fr": "Pause"}},
            {"time": "11h00 - 11h15", "title": {"fr": "pause "}},  # case and spaces ignored
            {"time": "12h00 - 12h15", "title": {"fr": "Pause"}, "id": "pause-midi"},
        ]
        first, second, third = item_uids(meeting(agenda=agenda))
        assert second == first.replace("@", "-2@")
        assert third == "m1+pause-midi@rrma-groups"

    def test_uid_keys_do_not_depend_on_the_language_asked(self) -> None:
        """The title key uses the group's default language, whatever the export language."""
        fr = [str(e["UID"]) for e in events(to_ical(GROUP, "fr", per_item=True, stamp=STAMP))]
        en = [str(e["UID"]) for e in events(to_ical(GROUP, "en", per_item=True, stamp=STAMP))]
        assert fr == en


class TestSequence:
    def test_first_export_is_sequence_zero(self) -> None:
        """Without a previous export every SEQUENCE is 0."""
        data = to_ical(GROUP, "fr", per_item=True, stamp=STAMP)
        assert {event["SEQUENCE"] for event in events(data)} == {0}

    def test_a_renamed_item_without_id_is_a_new_event(self) -> None:
        """Its UID follows its title; its meeting, whose programme lists it, goes up by one."""
        first = to_ical(GROUP, "fr", per_item=True, stamp=STAMP)
        renamed = MEETING.agenda[1].replace(title=LocalisedText({"fr": "Ordre du jour"}))
        agenda = [renamed if n == 1 else item for n, item in enumerate(MEETING.agenda)]
        group = GROUP.replace(meetings=(MEETING.replace(agenda=agenda),))
        later = STAMP + dt.timedelta(days=1)
        second = to_ical(group, "fr", per_item=True, stamp=later, previous=first)
        assert [event["SEQUENCE"] for event in events(second)] == [1] + [0] * 11
        before = [str(event["UID"]) for event in events(first)]
        after = [str(event["UID"]) for event in events(second)]
        assert [n for n, (a, b) in enumerate(zip(before, after, strict=True)) if a != b] == [2]

    def test_an_item_with_an_id_keeps_its_uid_and_goes_up(self) -> None:
        """With an id, a renamed item is the same event, at SEQUENCE 1."""
        first_meeting = meeting(
            agenda=[{"time": "14h00 - 14h30", "title": {"fr": "Accueil"}, "id": "a"}]
        )
        first = to_ical(first_meeting, "fr", per_item=True, stamp=STAMP)
        renamed = first_meeting.replace(
            agenda=[{"time": "14h00 - 14h30", "title": {"fr": "Bienvenue"}, "id": "a"}]
        )
        second = to_ical(renamed, "fr", per_item=True, stamp=STAMP, previous=first)
        assert [(str(e["UID"]), e["SEQUENCE"]) for e in events(second)] == [
            ("m1@rrma-groups", 1),
            ("m1+a@rrma-groups", 1),
        ]

    def test_changes_add_up_and_unchanged_events_keep_theirs(self) -> None:
        """Each change adds one; an export with no change keeps the SEQUENCE."""
        one = to_ical(meeting(), "fr", stamp=STAMP)
        two = to_ical(meeting(title={"fr": "A"}), "fr", stamp=STAMP, previous=one)
        three = to_ical(meeting(title={"fr": "B"}), "fr", stamp=STAMP, previous=two)
        same = to_ical(meeting(title={"fr": "B"}), "fr", stamp=STAMP, previous=three)
        assert [events(d)[0]["SEQUENCE"] for d in (one, two, three, same)] == [0, 1, 2, 2]

    def test_a_new_stamp_alone_is_no_change(self) -> None:
        """DTSTAMP is not compared."""
        first = to_ical(GROUP, "fr", per_item=True, stamp=STAMP)
        second = to_ical(GROUP, "fr", per_item=True, stamp=STAMP.replace(year=2030), previous=first)
        assert {event["SEQUENCE"] for event in events(second)} == {0}

    def test_a_broken_previous_export_is_an_error(self) -> None:
        """previous must be a calendar."""
        with pytest.raises(IcalError, match="previous export:1: not an iCalendar document"):
            to_ical(GROUP, "fr", previous=b"not a calendar")


class TestDeterminism:
    def test_byte_identical_with_a_fixed_stamp(self) -> None:
        """The same input and stamp give the same bytes."""
        first = to_ical(GROUP, "ar", per_item=True, stamp=STAMP)
        assert to_ical(GROUP, "ar", per_item=True, stamp=STAMP) == first

    def test_the_stamp(self) -> None:
        """DTSTAMP is the stamp in UTC, without microseconds; a naive stamp is UTC."""
        paris = dt.datetime(2024, 5, 1, 14, 0, 0, 123, tzinfo=dt.timezone(dt.timedelta(hours=2)))
        [event] = events(to_ical(MEETING, stamp=paris))
        assert event["DTSTAMP"].dt == STAMP
        [naive] = events(to_ical(MEETING, stamp=STAMP.replace(tzinfo=None)))
        assert naive["DTSTAMP"].dt == STAMP

    def test_default_stamp_is_now(self) -> None:
        """Without a stamp, DTSTAMP is the current time."""
        before = dt.datetime.now(UTC).replace(microsecond=0)
        [event] = events(to_ical(MEETING))
        assert before <= event["DTSTAMP"].dt <= dt.datetime.now(UTC)


class TestStatus:
    @pytest.mark.parametrize(
        ("status", "previous_date", "ical_status", "x_status", "x_previous"),
        [
            ("scheduled", None, "CONFIRMED", None, None),
            ("cancelled", None, "CANCELLED", None, None),
            ("postponed", "2016-10-28", "CONFIRMED", "postponed", dt.date(2016, 10, 28)),
            ("postponed", None, "TENTATIVE", "postponed", None),
        ],
    )
    def test_status(
        self,
        status: str,
        previous_date: str | None,
        ical_status: str,
        x_status: str | None,
        x_previous: dt.date | None,
    ) -> None:
        """STATUS, X-RRMA-STATUS and X-RRMA-PREVIOUS-DATE; DTSTART is kept in every case."""
        changed = meeting(status=status, previous_date=previous_date)
        for event in events(to_ical(changed, "fr", per_item=True, stamp=STAMP)):
            assert str(event["STATUS"]) == ical_status
            assert utc(event).date() == dt.date(2016, 11, 4)
        [event] = events(to_ical(changed, "fr", stamp=STAMP))
        assert (str(event["X-RRMA-STATUS"]) if "X-RRMA-STATUS" in event else None) == x_status
        previous = event.get("X-RRMA-PREVIOUS-DATE")
        assert (previous.dt if previous is not None else None) == x_previous

    def test_the_programme_says_it(self) -> None:
        """The programme in DESCRIPTION says a meeting is cancelled."""
        [event] = events(to_ical(meeting(status="cancelled"), "fr", stamp=STAMP))
        assert "\nANNULÉE\n" in str(event["DESCRIPTION"])


class TestOnlineAndOrganiser:
    def test_hybrid(self) -> None:
        """A hybrid meeting: the venue as LOCATION, the link as URL and CONFERENCE."""
        url = "https://visio.example.org/gpmar"
        [event] = events(
            to_ical(meeting(attendance_mode="hybrid", online_url=url), "fr", stamp=STAMP)
        )
        assert str(event["LOCATION"]) == "Salle"
        assert str(event["URL"]) == url
        assert str(event["CONFERENCE"]) == url
        assert event["CONFERENCE"].params["FEATURE"] == "AUDIO,VIDEO"

    def test_online_without_venue(self) -> None:
        """An online meeting without a venue gives its link as LOCATION."""
        url = "https://visio.example.org/gpmar"
        online = meeting(attendance_mode="online", online_url=url, venue=None)
        [event] = events(to_ical(online, "fr", stamp=STAMP))
        assert str(event["LOCATION"]) == url
        assert "LANGUAGE" not in event["LOCATION"].params

    def test_organizer_with_the_contact_address(self) -> None:
        """ORGANIZER: the organiser's name as CN, the contact person's address."""

        def change(data: dict[str, Any]) -> None:
            data["persons"][0]["email"] = "personne.une@example.org"
            data["meetings"][0]["contact"] = "p1"
            data["meetings"][0]["organiser"] = "a1"

        [event] = events(to_ical(group_with(change), "fr", stamp=STAMP))
        assert str(event["ORGANIZER"]) == "mailto:personne.une@example.org"
        assert event["ORGANIZER"].params["CN"] == "Association Une"

    def test_no_address_no_organizer(self) -> None:
        """Without an e-mail address, no ORGANIZER: none is made up."""

        def change(data: dict[str, Any]) -> None:
            data["meetings"][0]["contact"] = "p1"
            data["meetings"][0]["organiser"] = "a1"

        [event] = events(to_ical(group_with(change), "fr", stamp=STAMP))
        assert "ORGANIZER" not in event


class TestText:
    def test_long_arabic_lines_fold_between_characters(self) -> None:
        """Every physical line holds at most 75 octets and is valid UTF-8 on its own."""
        title = "لقاء مجموعة المغرب في ليموج، " * 12
        data = to_ical(meeting(title={"ar": title}), "ar", stamp=STAMP)
        for line in data.split(b"\r\n"):
            assert len(line) <= 75
            line.decode("utf-8")  # a cut inside a character would fail here
        [event] = events(data)
        assert str(event["SUMMARY"]) == title

    @pytest.mark.parametrize(
        "text",
        [
            "a;b,c\\d",
            "x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\r\nSUMMARY:injected",
            "x\nEND:VCALENDAR\nBEGIN:VCALENDAR",
            "\\nBEGIN:VEVENT\\n",
            "C:\\Nouveau\\N",  # icalendar alone would write \N as a line break
        ],
    )
    def test_no_injection(self, text: str) -> None:
        """Line breaks and escapes in any text give back exactly the events exported."""
        base = meeting()
        assert base.venue is not None
        text_ = LocalisedText({"fr": text})
        # model_copy trusts its input: this is text the model itself would refuse.
        items = tuple(
            item.model_copy(update={"title": text_, "notes": text_}) for item in base.agenda
        )
        tricky = base.model_copy(
            update={
                "title": text_,
                "description": text_,
                "venue": base.venue.model_copy(update={"name": text_}),
                "agenda": base.agenda.model_copy(update={"root": items}),
            }
        )
        found = events(to_ical(tricky, "fr", per_item=True, stamp=STAMP))
        assert [str(e["UID"]) for e in found] == [
            "m1@rrma-groups",
            *item_uids(tricky),
        ]
        for event in found:
            assert str(event["SUMMARY"]) == text.replace("\r\n", "\n")
        assert str(found[0]["LOCATION"]) == text.replace("\r\n", "\n")

    def test_the_model_refuses_line_breaks_in_titles(self) -> None:
        """The first defence: a title cannot hold a line break at all."""
        with pytest.raises(ValidationError, match=r"control character U\+000D"):
            meeting(title={"fr": "a\r\nBEGIN:VEVENT"})

    def test_facilitator_names_are_escaped(self) -> None:
        """X- properties are escaped too (icalendar leaves a plain str as written)."""
        agenda = [
            {
                "time": "14h00 - 14h30",
                "title": "Accueil",
                "facilitators": [{"person": "p1", "label": "A; B, C\\D"}],
            }
        ]
        data = to_ical(meeting(agenda=agenda), "fr", per_item=True, stamp=STAMP)
        assert b"X-RRMA-FACILITATOR;X-RRMA-ID=p1;X-RRMA-TYPE=person:A\\; B\\, C\\\\D" in data
        [item] = from_ical(data).meetings[0].agenda
        assert item.facilitators[0] == rrma_groups.PersonFacilitator(
            person="p1", label="A; B, C\\D"
        )


class TestImport:
    def test_reference_round_trip(self) -> None:
        """The example comes back: times, titles, location, facilitators, kinds, UIDs."""
        data = to_ical(GROUP, "fr", per_item=True, stamp=STAMP)
        imported = from_ical(data)
        assert imported.warnings == ()
        assert imported.uids == {"limoges-2016": "limoges-2016@gpmar.rrma-groups"}
        back = imported.meeting("limoges-2016")
        assert (back.starts_at, back.ends_at) == (MEETING.starts_at, MEETING.ends_at)
        assert back.timezone == "Europe/Paris"
        assert back.title == LocalisedText({"fr": "Rencontre du Groupe Pays Maroc à Limoges"})
        assert back.venue is not None
        assert back.venue.name.get() == "Siège de la Région – site de Limoges, Limoges"
        assert [(i.title.get("fr"), i.start, i.end, i.kind) for i in back.agenda] == [
            (i.title.get("fr"), i.start, i.end, i.kind) for i in MEETING.agenda
        ]
        assert back.agenda[5].facilitators == (
            rrma_groups.PersonFacilitator(
                person="sebastien-proeschel", label="Sébastien Proeschel"
            ),
            rrma_groups.PersonFacilitator(person="emmanuelle-pallier", label="Emmanuelle Pallier"),
        )
        assert back.agenda[2].facilitators == (
            rrma_groups.RoleFacilitator(
                role=LocalisedText({"fr": "Un collègue Cap Coopération"}), actor="cap-cooperation"
            ),
        )
        again = to_ical(back, "fr", group=GROUP, per_item=True, stamp=STAMP)
        assert [str(e["UID"]) for e in events(again)] == [str(e["UID"]) for e in events(data)]

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(ical_meetings())
    def test_export_import_export_is_identity(self, original: Meeting) -> None:
        """Exported, read back and exported again, a meeting gives the very same bytes."""
        data = to_ical(original, "fr", per_item=True, stamp=STAMP)
        imported = from_ical(data)
        # A time the clocks skip or repeat comes back as written, with its warning.
        assert {w.code for w in imported.warnings} <= {
            "nonexistent_local_time",
            "ambiguous_local_time",
        }
        [back] = imported.meetings
        assert back.starts_at == original.starts_at
        if original.starts_at is not None:  # an all-day meeting has no timezone to carry
            assert back.timezone == original.timezone
        assert to_ical(back, "fr", per_item=True, stamp=STAMP) == data

    def test_cancelled_and_postponed_come_back(self) -> None:
        """Status and previous date are read back."""
        postponed = meeting(status="postponed", previous_date="2016-10-28")
        back = from_ical(to_ical(postponed, stamp=STAMP)).meetings[0]
        assert (back.status.value, back.previous_date) == ("postponed", dt.date(2016, 10, 28))
        cancelled = from_ical(to_ical(meeting(status="cancelled"), stamp=STAMP)).meetings[0]
        assert cancelled.status.value == "cancelled"


HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//test//EN\r\n"


def calendar(*lines: str, head: str = HEAD) -> bytes:
    return (head + "\r\n".join(lines) + "\r\nEND:VCALENDAR\r\n").encode("utf-8")


def vevent(*lines: str, uid: str = "e1@example.org", summary: str = "Réunion") -> str:
    return "\r\n".join(["BEGIN:VEVENT", f"UID:{uid}", f"SUMMARY:{summary}", *lines, "END:VEVENT"])


class TestOtherCalendars:
    @pytest.mark.parametrize(
        ("lines", "timezone", "expected", "codes"),
        [
            (  # UTC times go to the calendar's X-WR-TIMEZONE
                ["X-WR-TIMEZONE:Africa/Casablanca", vevent("DTSTART:20260305T090000Z")],
                None,
                ("2026-03-05T09:00:00+00:00", "Africa/Casablanca"),
                [],
            ),
            (  # ... or to UTC
                [vevent("DTSTART:20260410T090000Z")],
                None,
                ("2026-04-10T09:00:00+00:00", "UTC"),
                [],
            ),
            (  # ... or to the timezone asked for
                [vevent("DTSTART:20260410T090000Z")],
                "Africa/Casablanca",
                ("2026-04-10T10:00:00+01:00", "Africa/Casablanca"),
                [],
            ),
            (  # floating times are read in that timezone, with a warning
                [vevent("DTSTART:20260410T100000")],
                "Europe/Paris",
                ("2026-04-10T10:00:00+02:00", "Europe/Paris"),
                ["ical_floating_time"],
            ),
            (  # Outlook's Windows names
                [vevent("DTSTART;TZID=W. Europe Standard Time:20260701T100000")],
                None,
                ("2026-07-01T10:00:00+02:00", "Europe/Berlin"),
                [],
            ),
            (  # libical's globally unique names
                [
                    vevent(
                        "DTSTART;TZID=/freeassociation.sourceforge.net/Europe/Paris:20260701T100000"
                    )
                ],
                None,
                ("2026-07-01T10:00:00+02:00", "Europe/Paris"),
                [],
            ),
            (  # a timezone defined only by the calendar: converted, with a warning
                [
                    "BEGIN:VTIMEZONE\r\nTZID:Heure de Rabat\r\nBEGIN:STANDARD\r\n"
                    "DTSTART:19700101T000000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\n"
                    "END:STANDARD\r\nEND:VTIMEZONE",
                    vevent("DTSTART;TZID=Heure de Rabat:20260701T100000"),
                ],
                None,
                ("2026-07-01T09:00:00+00:00", "UTC"),
                ["ical_unknown_timezone"],
            ),
            (  # an unknown name with no definition: floating
                [vevent("DTSTART;TZID=Mars/Olympus:20260701T100000")],
                None,
                ("2026-07-01T10:00:00+00:00", "UTC"),
                ["ical_undefined_timezone"],
            ),
            (  # repeating, without an end (no series): the first occurrence
                [vevent("DTSTART;TZID=Europe/Paris:20260105T180000", "RRULE:FREQ=WEEKLY")],
                None,
                ("2026-01-05T18:00:00+01:00", "Europe/Paris"),
                ["ical_recurrence"],
            ),
        ],
    )
    def test_times(
        self,
        lines: list[str],
        timezone: str | None,
        expected: tuple[str, str],
        codes: list[str],
    ) -> None:
        """Times from other applications land in an IANA timezone, at the same instant."""
        imported = from_ical(calendar(*lines), timezone=timezone)
        [read] = imported.meetings
        assert read.starts_at is not None
        assert (read.starts_at.isoformat(), read.timezone) == expected
        assert [w.code for w in imported.warnings] == codes

    def test_a_custom_timezone_is_this_calendars(self) -> None:
        """Two calendars defining the same TZID differently each get their own."""
        zone = (
            "BEGIN:VTIMEZONE\r\nTZID:Zone locale\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000"
            "\r\nTZOFFSETFROM:{0}\r\nTZOFFSETTO:{0}\r\nEND:STANDARD\r\nEND:VTIMEZONE"
        )
        starts = []
        for offset in ("+0300", "-0500"):
            data = calendar(zone.format(offset), vevent("DTSTART;TZID=Zone locale:20260701T100000"))
            starts.append(from_ical(data).meetings[0].starts_at)
        assert [s.astimezone(UTC).hour if s else None for s in starts] == [7, 15]

    def test_all_day_and_duration(self) -> None:
        """All-day events are meetings without hours; DURATION gives the end."""
        imported = from_ical(
            calendar(
                vevent("DTSTART;VALUE=DATE:20260701", "DTEND;VALUE=DATE:20260703", uid="a"),
                vevent("DTSTART;TZID=Europe/Paris:20260701T100000", "DURATION:PT1H30M", uid="b"),
            )
        )
        all_day, timed = imported.meetings
        assert (all_day.date, all_day.end_date, all_day.start) == (
            dt.date(2026, 7, 1),
            dt.date(2026, 7, 2),
            None,
        )
        assert (timed.start, timed.end) == (dt.time(10), dt.time(11, 30))

    def test_descriptions_and_chairs(self) -> None:
        """DESCRIPTION is the description; ATTENDEE;ROLE=CHAIR leads an item."""
        data = calendar(
            vevent("DTSTART:20260701T100000Z", "DESCRIPTION;LANGUAGE=fr:Ligne 1\\nLigne 2"),
            vevent(
                "DTSTART:20260701T100000Z",
                "RELATED-TO:e1@example.org",
                "ATTENDEE;ROLE=CHAIR;CN=Khalid Chihani:mailto:k@example.org",
                "ATTENDEE;ROLE=REQ-PARTICIPANT;CN=Quelqu'un:mailto:q@example.org",
                "DESCRIPTION:Notes",
                uid="e2@example.org",
                summary="Accueil",
            ),
        )
        [read] = from_ical(data).meetings
        assert read.description == LocalisedText({"fr": "Ligne 1\nLigne 2"})
        [item] = read.agenda
        assert item.facilitators == (
            rrma_groups.PersonFacilitator(person="khalid-chihani", label="Khalid Chihani"),
        )
        assert item.notes == LocalisedText("Notes")

    def test_ids_from_other_uids(self) -> None:
        """UIDs that are not ids give hashed ids; the UIDs are kept aside."""
        uid = "040000008200E00074C5B7101A82E008@outlook.com"
        imported = from_ical(calendar(vevent("DTSTART:20260701T100000Z", uid=uid)))
        [key] = imported.uids
        assert key.startswith("ev-")
        assert imported.uids[key] == uid

    @pytest.mark.parametrize(
        ("lines", "code", "message"),
        [
            (
                [vevent(uid="x")],
                "ical_missing_start",
                "<calendar>:4: event 'x' has no DTSTART; a meeting or an item needs a date",
            ),
            (
                [vevent("DTSTART:20260701T100000Z", "DTEND:20260701T090000Z", uid="x")],
                "ical_end_before_start",
                "<calendar>:8: event 'x' ends at 2026-07-01 09:00 +0000, before it starts at "
                "2026-07-01 10:00 +0000",
            ),
            (
                [vevent("DTSTART:2026xx01T100000Z", uid="x")],
                "ical_broken_property",
                "<calendar>:7: event 'x': DTSTART cannot be read: Wrong datetime format: "
                "2026xx01T100000Z",
            ),
            (
                [vevent("DTSTART:20260701T100000Z", uid="x")] * 2,
                "ical_duplicate_uid",
                "<calendar>:10: event 'x' appears twice (first at line 4)",
            ),
            (
                [
                    vevent("DTSTART;TZID=Europe/Paris:20260701T100000", uid="x"),
                    vevent(
                        "DTSTART;TZID=Europe/Paris:20260701T230000",
                        "DTEND;TZID=Europe/Paris:20260702T010000",
                        "RELATED-TO:x",
                        uid="y",
                    ),
                ],
                "ical_item_spans_days",
                "<calendar>:13: event 'y' is an item of 'x' but runs from 2026-07-01 23:00 +0200 "
                "to 2026-07-02 01:00 +0200; an agenda item starts and ends on the same day",
            ),
        ],
    )
    def test_errors_say_where_and_what(self, lines: list[str], code: str, message: str) -> None:
        """Each error has its code, line and UID."""
        with pytest.raises(IcalError) as caught:
            from_ical(calendar(*lines))
        assert (caught.value.code, str(caught.value)) == (code, message)
        assert isinstance(caught.value, rrma_groups.RrmaError)

    @pytest.mark.parametrize(
        ("data", "code", "message"),
        [
            (
                b"hello world\x00\xff",
                "ical_encoding",
                "x.ics:1: the calendar is not UTF-8 text: byte 0xff at offset 12",
            ),
            (
                b"hello world",
                "ical_not_a_calendar",
                "x.ics:1: not an iCalendar document: it starts with 'hello world', "
                "not with BEGIN:VCALENDAR",
            ),
            (
                b"\r\n",
                "ical_empty",
                "x.ics:1: the document is empty; an iCalendar document starts with BEGIN:VCALENDAR",
            ),
            (
                b" BEGIN:VCALENDAR",
                "ical_folded_first_line",
                "x.ics:1: the document starts with a folded line (a space first)",
            ),
            (
                HEAD.encode() + b"BEGIN:VEVENT\r\nUID:x\r\nSUMMARY:a\r\n",
                "ical_unclosed",
                "x.ics:4: BEGIN:VEVENT is never closed: END:VEVENT is missing",
            ),
            (
                HEAD.encode() + b"BEGIN:VEVENT\r\nUID:x\r\nEND:VCALENDAR\r\n",
                "ical_unexpected_end",
                "x.ics:6: END:VCALENDAR does not match the BEGIN:VEVENT of line 4; "
                "END:VEVENT expected",
            ),
            (
                HEAD.encode() + b"BEGIN:VEVENT\r\nUIDx\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
                "ical_not_a_content_line",
                "x.ics:5: 'UIDx' is not a content line (NAME:value)",
            ),
            (
                HEAD.encode() + b"END:VCALENDAR\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
                "ical_after_the_end",
                "x.ics:5: 'BEGIN:VCALENDAR' comes after the end of the calendar",
            ),
            (
                b"BEGIN:VCALENDAR\r\n" + b"BEGIN:VEVENT\r\n" * 9,
                "ical_too_deep",
                "x.ics:9: components are nested more than 8 deep",
            ),
        ],
    )
    def test_broken_calendars(self, data: bytes, code: str, message: str) -> None:
        """Malformed documents raise IcalError with the line, never a traceback."""
        with pytest.raises(IcalError) as caught:
            from_ical(data, source="x.ics")
        assert (caught.value.code, str(caught.value)) == (code, message)

    @pytest.mark.parametrize(
        ("lines", "codes"),
        [
            (
                [vevent("DTSTART:20260701T100000Z", "RELATED-TO:nowhere")],
                ["ical_unknown_parent"],
            ),
            (
                [
                    vevent("DTSTART:20260701T100000Z", uid="p"),
                    vevent("DTSTART;VALUE=DATE:20260701", "RELATED-TO:p", uid="c"),
                ],
                ["ical_not_an_item"],
            ),
            (
                [
                    vevent("DTSTART:20260701T100000Z", uid="p"),
                    vevent("DTSTART:20260701T100000Z", "RECURRENCE-ID:20260701T100000Z", uid="p"),
                ],
                ["ical_recurrence_override"],
            ),
            (
                [vevent("DTSTART:20260701T100000Z", "CREATED:yesterday")],
                ["ical_ignored_property"],
            ),
            (
                ["BEGIN:VEVENT\r\nSUMMARY:a\r\nDTSTART:20260701T100000Z\r\nEND:VEVENT"],
                ["ical_no_uid"],
            ),
            (
                [vevent("DTSTART:20260701T100000Z", "SUMMARY;LANGUAGE=ar:اجتماع")],
                ["ical_repeated_property"],
            ),
        ],
    )
    def test_warnings(self, lines: list[str], codes: list[str]) -> None:
        """What can be read another way is read, with a warning."""
        imported = from_ical(calendar(*lines))
        assert [w.code for w in imported.warnings] == codes
        assert all(not w.is_error for w in imported.warnings)
        assert len(imported.meetings) >= 1

    def test_warning_messages(self) -> None:
        """A warning says where (event, line) and what was done instead."""
        data = calendar(vevent("DTSTART;TZID=Europe/Paris:20260105T180000", "RRULE:FREQ=WEEKLY"))
        [warning] = from_ical(data).warnings
        assert str(warning) == (
            "events[0].RRULE: event 'e1@example.org' repeats (FREQ=WEEKLY); only its first "
            "occurrence, on 2026-01-05, is read [ical_recurrence]"
        )
        assert warning.params["line"] == 8

    def test_an_invalid_timezone_argument(self) -> None:
        """timezone= must be an IANA name."""
        with pytest.raises(IcalError, match="'Paris' is not an IANA timezone"):
            from_ical(calendar(vevent("DTSTART:20260701T100000Z")), timezone="Paris")


class TestRequests:
    def test_unknown_meeting(self) -> None:
        """An unknown meeting id lists the known ones."""
        with pytest.raises(RenderError, match="no meeting 'x'; the group has: limoges-2016"):
            to_ical(GROUP, meeting="x")

    def test_wrong_object(self) -> None:
        """Only groups, meetings and series export: another object is a TypeError."""
        with pytest.raises(TypeError, match="not Agenda") as caught:
            to_ical(MEETING.agenda)  # type: ignore[arg-type]
        assert isinstance(caught.value, rrma_groups.RrmaError)
        assert caught.value.code == "wrong_object"


class TestCommand:
    def test_ics_writes_a_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """rrma-groups ics -o writes the calendar of the bundled example and exits 0."""
        target = tmp_path / "gpmar.ics"
        assert main(["ics", "--per-item", "--lang", "ar", "-o", str(target)]) == 0
        found = events(target.read_bytes())
        assert len(found) == 12
        assert found[0]["SUMMARY"].params["LANGUAGE"] == "ar"

    def test_ics_to_standard_output(self, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
        """Without -o the bytes go to standard output, CRLF kept."""
        assert main(["ics", "--meeting", "limoges-2016"]) == 0
        out = capsysbinary.readouterr().out
        assert out.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")

    def test_unknown_meeting(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown meeting is a usage error: exit 2, no traceback."""
        assert main(["ics", "--meeting", "nope"]) == 2
        assert capsys.readouterr().err == "no meeting 'nope'; the group has: limoges-2016\n"

    def test_previous_and_reproducible_stamp(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--previous keeps SEQUENCE; SOURCE_DATE_EPOCH fixes DTSTAMP."""
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714564800")
        first, second = tmp_path / "1.ics", tmp_path / "2.ics"
        assert main(["ics", "-o", str(first)]) == 0
        assert main(["ics", "--previous", str(first), "-o", str(second)]) == 0
        assert first.read_bytes() == second.read_bytes()
        assert events(first.read_bytes())[0]["DTSTAMP"].dt == STAMP

    @pytest.mark.parametrize(
        ("previous", "message"),
        [
            ("missing.ics", "missing.ics: cannot read: No such file or directory\n"),
            ("bad.ics", "bad.ics:1: not an iCalendar document: it starts with 'garbage'"),
        ],
    )
    def test_bad_previous(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        previous: str,
        message: str,
    ) -> None:
        """An unreadable --previous is a usage error."""
        (tmp_path / "bad.ics").write_text("garbage\n", encoding="utf-8")
        assert main(["ics", "--previous", str(tmp_path / previous)]) == 2
        assert capsys.readouterr().err.startswith(
            f"{tmp_path / previous}{message[len(previous) :]}"
        )

    def test_bad_source_date_epoch(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A SOURCE_DATE_EPOCH that is not a number is a usage error."""
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
        assert main(["ics"]) == 2
        assert "SOURCE_DATE_EPOCH='yesterday'" in capsys.readouterr().err


# ============================================================================================
# Series of meetings: one repeating event, moved occurrences as RECURRENCE-ID events
# ============================================================================================

SENEGAL = rrma_groups.load(
    Path(__file__).resolve().parent.parent / "examples/groupe_pays_senegal.toml"
)
QUARTERLY: dict[str, Any] = {
    "id": "gpmar-trimestre",
    "title": {"fr": "Réunion trimestrielle du Groupe Pays Maroc"},
    "recurrence": "FREQ=MONTHLY;INTERVAL=3;BYDAY=1FR;COUNT=4",
    "first_date": "2017-01-06",
    "time": "14h00 - 17h30",
    "venue": {"name": {"fr": "Salle"}},
}


def series(**changes: Any) -> Series:
    """The quarterly series of the Groupe Pays Maroc; ``changes`` replace its fields."""
    return Series.model_validate({**QUARTERLY, **changes})


def expand(data: bytes, until: dt.datetime | None = None) -> set[dt.datetime]:
    """The UTC start of every occurrence a calendar application finds (RFC 5545, 3.8.5):
    RRULE from DTSTART, plus RDATE, minus EXDATE, each RECURRENCE-ID replaced by its event
    (or taken out, if that event is cancelled); up to ``until`` for an endless rule."""
    found: dict[str, set[dt.datetime]] = {}
    overrides = []
    for event in events(data):
        if "RECURRENCE-ID" in event:
            overrides.append(event)
            continue
        start = event["DTSTART"].dt
        rules = rruleset()
        if "RRULE" in event:
            rules.rrule(rrulestr(event["RRULE"].to_ical().decode(), dtstart=start))
        else:
            rules.rdate(start)
        for name, add in (("RDATE", rules.rdate), ("EXDATE", rules.exdate)):
            for prop in (
                event.get(name, [])
                if isinstance(event.get(name), list)
                else ([event[name]] if name in event else [])
            ):
                for value in prop.dts:
                    add(value.dt)
        moments = rules if until is None else rules.between(start, until, inc=True)
        found[str(event["UID"])] = set(moments)
    for event in overrides:
        moments = found[str(event["UID"])]
        moments.remove(event["RECURRENCE-ID"].dt)
        if str(event.get("STATUS")) != "CANCELLED":
            moments.add(event["DTSTART"].dt)
    return {moment.astimezone(UTC) for moments in found.values() for moment in moments}


def starts(meetings: list[Meeting]) -> set[dt.datetime]:
    return {m.starts_at.astimezone(UTC) for m in meetings if m.starts_at is not None}


class TestSeriesExport:
    def test_one_repeating_event_and_one_per_moved_occurrence(self) -> None:
        """The Senegal example's series: a repeating event, and its moved January meeting."""
        data = to_ical(SENEGAL, "fr", meeting="trimestrielle", stamp=STAMP)
        master, moved = events(data)
        assert str(master["UID"]) == str(moved["UID"]) == "trimestrielle@gp-senegal.rrma-groups"
        assert series_uid(SENEGAL.series[0], SENEGAL) == str(master["UID"])
        assert b"DTSTART;TZID=Europe/Paris:20250404T140000\r\n" in data
        assert b"DTEND;TZID=Europe/Paris:20250404T173000\r\n" in data
        assert b"RRULE:FREQ=MONTHLY;COUNT=4;INTERVAL=3;BYDAY=1FR\r\n" in data
        assert b"EXDATE;TZID=Europe/Paris:20250704T140000\r\n" in data
        assert b"RECURRENCE-ID;TZID=Europe/Paris:20260102T140000\r\n" in data
        assert b"DTSTART;TZID=Europe/Paris:20260109T140000\r\n" in data
        assert "RECURRENCE-ID" not in master
        assert "RDATE" not in master  # a moved occurrence is an event of its own, not an RDATE
        assert "RRULE" not in moved

    def test_the_group_export_holds_meetings_and_series(self) -> None:
        """All of a group: its meeting, then its series; meeting= picks one of either."""
        uids = [str(e["UID"]) for e in events(to_ical(SENEGAL, "fr", stamp=STAMP))]
        assert uids == [
            "journee-2025@gp-senegal.rrma-groups",
            "trimestrielle@gp-senegal.rrma-groups",
            "trimestrielle@gp-senegal.rrma-groups",
        ]
        alone = to_ical(SENEGAL, "fr", meeting="journee-2025", stamp=STAMP)
        assert [e for e in events(alone) if "RRULE" in e] == []
        with pytest.raises(RenderError, match=r"the group has: journee-2025, trimestrielle$"):
            to_ical(SENEGAL, meeting="x")

    @pytest.mark.parametrize(
        ("changes", "window"),
        [
            P({}, None, id="count"),
            P({"exceptions": ["2017-04-07"], "moved": [{"date": "2017-07-07", "to": "2017-07-10"}],
               "added": ["2017-12-15"]}, None, id="exception-moved-added"),
            P({"recurrence": "FREQ=MONTHLY;INTERVAL=3;BYDAY=1FR;UNTIL=20171006"}, None,
              id="until-an-occurrence"),
            P({"recurrence": "FREQ=MONTHLY;INTERVAL=3;BYDAY=1FR;UNTIL=20171005"}, None,
              id="until-the-day-before"),
            P({"recurrence": "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "exceptions": ["2017-01-20"]},
              dt.datetime(2018, 1, 1, tzinfo=UTC), id="endless"),
            P({"moved": [{"date": "2017-04-07", "to": "2017-04-06", "start": "9h30"}]}, None,
              id="moved-to-the-morning"),
            P({"moved": [{"date": "2017-01-06", "to": "2017-01-06", "end": "18h"}]}, None,
              id="first-one-longer"),
            P({"timezone": "America/Los_Angeles", "time": "17h00 - 18h00",
               "recurrence": "FREQ=DAILY;UNTIL=20170108"}, None, id="evening-west-of-utc"),
            P({"timezone": "UTC", "exceptions": ["2017-07-07"]}, None, id="utc"),
        ],
    )  # fmt: skip
    def test_calendar_applications_find_the_series_meetings(
        self, changes: dict[str, Any], window: dt.datetime | None
    ) -> None:
        """Expanded by dateutil as RFC 5545 says, the events give the starts of meetings()."""
        chosen = series(**changes)
        data = to_ical(chosen, "fr", stamp=STAMP)
        until = window.date() if window else None
        assert expand(data, window) == starts(chosen.meetings(until=until))

    def test_until_is_a_utc_date_time(self) -> None:
        """With a TZID'd DTSTART, UNTIL is in UTC: the series' start on its last date."""
        chosen = series(recurrence="FREQ=MONTHLY;INTERVAL=3;BYDAY=1FR;UNTIL=20170707")
        [event] = events(to_ical(chosen, "fr", stamp=STAMP))
        until = event["RRULE"]["UNTIL"][0]
        assert until == dt.datetime(2017, 7, 7, 12, tzinfo=UTC)  # 14:00 CEST
        assert event["DTSTART"].params["TZID"] == "Europe/Paris"

    def test_exdate_and_rdate_are_of_dtstarts_type(self) -> None:
        """EXDATE and RDATE: date-times at the series' start, with DTSTART's TZID."""
        chosen = series(exceptions=["2017-04-07", "2017-07-07"], added=["2017-12-15"])
        [event] = events(to_ical(chosen, "fr", stamp=STAMP))
        assert event["EXDATE"].params["TZID"] == event["RDATE"].params["TZID"] == "Europe/Paris"
        assert [v.dt.isoformat() for v in event["EXDATE"].dts] == [
            "2017-04-07T14:00:00+02:00",
            "2017-07-07T14:00:00+02:00",
        ]
        assert [v.dt.isoformat() for v in event["RDATE"].dts] == ["2017-12-15T14:00:00+01:00"]

    def test_casablanca_during_ramadan(self) -> None:
        """The March 2026 occurrence, in Ramadan, is at 10:00 UTC; the others at 09:00."""
        rabat = series(
            recurrence="FREQ=MONTHLY;BYDAY=1TH;COUNT=3",
            first_date="2026-02-05",
            time="10h00 - 12h00",
            timezone="Africa/Casablanca",
        )
        data = to_ical(rabat, "fr", stamp=STAMP)
        expected = {
            dt.datetime(2026, 2, 5, 9, tzinfo=UTC),
            dt.datetime(2026, 3, 5, 10, tzinfo=UTC),
            dt.datetime(2026, 4, 2, 9, tzinfo=UTC),
        }
        assert expand(data) == expected == starts(rabat.meetings())
        # A client that reads only the VTIMEZONE, not the tz database, finds the same.
        [zone] = icalendar.Calendar.from_ical(data).timezones
        own = zone.to_tz(lookup_tzid=False)
        [event] = events(data)
        rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=event["DTSTART"].dt)
        assert {m.replace(tzinfo=own).astimezone(UTC) for m in rule} == expected

    def test_a_moved_occurrence_in_ramadan(self) -> None:
        """Moved into Ramadan, an occurrence's RECURRENCE-ID and DTSTART take each offset."""
        rabat = series(
            recurrence="FREQ=MONTHLY;BYDAY=1TH;COUNT=2",
            first_date="2026-02-05",
            time="10h00 - 12h00",
            timezone="Africa/Casablanca",
            moved=[{"date": "2026-02-05", "to": "2026-02-19"}],
        )
        _, moved = events(to_ical(rabat, "fr", stamp=STAMP))
        assert utc(moved, "RECURRENCE-ID") == dt.datetime(2026, 2, 5, 9, tzinfo=UTC)
        assert utc(moved) == dt.datetime(2026, 2, 19, 10, tzinfo=UTC)

    def test_the_vtimezone_covers_every_occurrence(self) -> None:
        """The VTIMEZONE is the same whatever the years of the series: right from 1970 on,
        its rules without an end, so that a reader that keeps a TZID's first definition
        stays right."""
        zones = []
        for rule in ("FREQ=YEARLY;COUNT=3", "FREQ=YEARLY", "FREQ=YEARLY;UNTIL=20361231"):
            data = to_ical(series(recurrence=rule), "fr", stamp=STAMP)
            [zone] = icalendar.Calendar.from_ical(data).timezones
            zones.append(zone.to_ical())
        assert zones[0] == zones[1] == zones[2]
        assert b"DTSTART:19700101T000000" in zones[0]

    def test_the_description_is_the_programme_of_the_series(self) -> None:
        """Its dates in words, its hours, then the template programme, without a date column."""
        data = to_ical(SENEGAL, "fr", meeting="trimestrielle", stamp=STAMP)
        master, moved = events(data)
        lines = str(master["DESCRIPTION"]).splitlines()
        assert lines[:3] == [
            "Rencontre trimestrielle du Groupe Pays Sénégal",
            "vendredi 4 avril 2025, vendredi 3 octobre 2025 et vendredi 9 janvier 2026, "
            "de 14h00 à 17h30",
            "Maison des associations de Loirebourg, Loirebourg",
        ]
        assert "14h00–14h15 · Accueil et tour de table · Camille Martin" in lines
        assert "Initialement prévue le vendredi 2 janvier 2026" in str(moved["DESCRIPTION"])
        assert master["DESCRIPTION"].params["LANGUAGE"] == "fr"

    def test_an_endless_series_lists_its_first_dates(self) -> None:
        """Eight dates, then an ellipsis."""
        [event] = events(to_ical(series(recurrence="FREQ=WEEKLY"), "fr", stamp=STAMP))
        dates = str(event["DESCRIPTION"]).splitlines()[1]
        assert dates.startswith("vendredi 6 janvier 2017, vendredi 13 janvier 2017, ")
        assert dates.endswith("vendredi 24 février 2017, …, de 14h00 à 17h30")

    def test_arabic(self) -> None:
        """SUMMARY in Arabic, and the hours isolated right to left in the programme."""
        master, _ = events(to_ical(SENEGAL, "ar", meeting="trimestrielle", stamp=STAMP))
        assert str(master["SUMMARY"]) == "اللقاء ربع السنوي لمجموعة السنغال"
        assert master["SUMMARY"].params["LANGUAGE"] == "ar"
        assert f"{RLI}14:00–14:15{PDI}" in str(master["DESCRIPTION"])

    def test_uids_and_sequence_are_stable(self) -> None:
        """Exported again, nothing changes; new hours for the moved meeting raise its event only."""
        first = to_ical(SENEGAL, "fr", stamp=STAMP)
        again = to_ical(SENEGAL, "ar", stamp=STAMP + dt.timedelta(days=1), previous=first)
        assert [str(e["UID"]) for e in events(again)] == [str(e["UID"]) for e in events(first)]
        same = to_ical(SENEGAL, "fr", stamp=STAMP + dt.timedelta(days=1), previous=first)
        assert [e["SEQUENCE"] for e in events(same)] == [0, 0, 0]
        [regular] = SENEGAL.series
        later = regular.model_copy(
            update={"moved": (regular.moved[0].model_copy(update={"start": dt.time(15)}),)}
        )
        changed = to_ical(SENEGAL.replace(series=(later,)), "fr", stamp=STAMP, previous=same)
        assert [e["SEQUENCE"] for e in events(changed)] == [0, 0, 1]


class TestSeriesImport:
    @pytest.mark.parametrize(
        "changes",
        [
            P({}, id="count"),
            P({"exceptions": ["2017-04-07"], "moved": [{"date": "2017-07-07", "to": "2017-07-10"}],
               "added": ["2017-12-15"]}, id="exception-moved-added"),
            P({"recurrence": "FREQ=MONTHLY;INTERVAL=3;BYDAY=1FR;UNTIL=20171231"}, id="until"),
            P({"recurrence": "FREQ=WEEKLY;BYDAY=FR,MO;WKST=SU"}, id="endless"),
            P({"moved": [{"date": "2017-04-07", "to": "2017-04-06", "start": "9h30"},
                         {"date": "2017-07-07", "to": "2017-07-07", "start": "15h", "end": "16h"},
                         {"date": "2017-10-06", "to": "2017-10-09", "end": "18h"}]},
              id="moved-at-other-hours"),
            P({"timezone": "Africa/Casablanca", "first_date": "2026-02-06",
               "recurrence": "FREQ=MONTHLY;BYDAY=1FR;UNTIL=20260501"}, id="casablanca"),
            P({"timezone": "UTC", "exceptions": ["2017-07-07"]}, id="utc"),
            P({"attendance_mode": "hybrid", "online_url": "https://visio.example.org/gpmar"},
              id="hybrid"),
        ],
    )  # fmt: skip
    def test_export_then_import_gives_the_same_series(self, changes: dict[str, Any]) -> None:
        """What a series says about its dates, hours, place and link comes back equal."""
        original = series(**changes)
        imported = from_ical(to_ical(original, "fr", stamp=STAMP))
        assert imported.warnings == ()
        assert imported.meetings == ()
        assert imported.series == (original,)
        assert imported.uids == {"gpmar-trimestre": "gpmar-trimestre@rrma-groups"}
        assert imported.one_series("gpmar-trimestre") == original

    def test_the_senegal_series_comes_back(self) -> None:
        """Its dates and hours; its texts in the language exported; not what only the
        programme in DESCRIPTION shows (description, organiser, contact, agenda)."""
        imported = from_ical(to_ical(SENEGAL, "fr", stamp=STAMP))
        [original] = SENEGAL.series
        [back] = imported.series
        assert back.title == LocalisedText({"fr": "Rencontre trimestrielle du Groupe Pays Sénégal"})
        assert back.venue is not None
        assert back.venue.name == LocalisedText(
            {"fr": "Maison des associations de Loirebourg, Loirebourg"}
        )
        assert (back.description, back.organiser, back.contact, back.agenda) == (
            None,
            None,
            None,
            Agenda(()),
        )
        shown = {"title": back.title, "venue": back.venue}
        assert back == original.model_copy(
            update={**shown, "description": None, "organiser": None, "contact": None,
                    "agenda": Agenda(())}
        )  # fmt: skip
        assert [m.id for m in imported.meetings] == ["journee-2025"]

    def test_another_applications_series(self) -> None:
        """A repeating event as Google Calendar writes one: UNTIL in UTC, EXDATE, an override."""
        data = calendar(
            vevent(
                "DTSTART;TZID=Europe/Paris:20260105T180000",
                "DTEND;TZID=Europe/Paris:20260105T193000",
                "RRULE:FREQ=WEEKLY;WKST=MO;UNTIL=20260223T165959Z;BYDAY=MO",
                "EXDATE;TZID=Europe/Paris:20260119T180000",
                "DESCRIPTION:Point hebdomadaire",
                "LOCATION:Salle 2",
                uid="abc123@google.com",
                summary="Point d'équipe",
            ),
            vevent(
                "RECURRENCE-ID;TZID=Europe/Paris:20260202T180000",
                "DTSTART;TZID=Europe/Paris:20260203T170000",
                "DTEND;TZID=Europe/Paris:20260203T183000",
                uid="abc123@google.com",
                summary="Point d'équipe",
            ),
            vevent(
                "RECURRENCE-ID:20260209T170000Z",
                "DTSTART;TZID=Europe/Paris:20260209T180000",
                "STATUS:CANCELLED",
                uid="abc123@google.com",
                summary="Point d'équipe",
            ),
        )
        imported = from_ical(data)
        assert imported.warnings == ()
        [read] = imported.series
        assert read == Series.model_validate(
            {
                "id": read.id,
                "title": "Point d'équipe",
                # 23 February at 16:59:59 UTC is 17:59:59 in Paris: that day's 18:00 is out,
                # the day before is the last date the rule allows.
                "recurrence": "FREQ=WEEKLY;BYDAY=MO;UNTIL=20260222",
                "first_date": "2026-01-05",
                "time": "18h00 - 19h30",
                "exceptions": ["2026-01-19", "2026-02-09"],
                "moved": [{"date": "2026-02-02", "to": "2026-02-03", "start": "17h00"}],
                "description": "Point hebdomadaire",
                "venue": {"name": "Salle 2"},
            }
        )
        assert read.id.startswith("ev-")  # the UID is no id
        assert imported.uids == {read.id: "abc123@google.com"}
        assert [m.date for m in read.meetings()] == [
            dt.date(2026, 1, 5),
            dt.date(2026, 1, 12),
            dt.date(2026, 1, 26),
            dt.date(2026, 2, 3),
            dt.date(2026, 2, 16),
        ]
        assert expand(data) == starts(read.meetings())

    @pytest.mark.parametrize(
        "lines",
        [
            P(["RRULE:FREQ=HOURLY;COUNT=3"], id="hourly"),
            P(["RRULE:FREQ=DAILY;BYHOUR=9,18"], id="by-hour"),
            P(["RRULE:FREQ=DAILY;COUNT=2", "RRULE:FREQ=WEEKLY;COUNT=2"], id="two-rules"),
            P(["RDATE;TZID=Europe/Paris:20260112T180000"], id="dates-without-a-rule"),
            P(["RRULE:FREQ=WEEKLY", "RDATE;TZID=Europe/Paris:20260107T090000"],
              id="added-at-other-hours"),
            P(["RRULE:FREQ=WEEKLY;BYDAY=TU"], id="start-not-a-date-of-the-rule"),
            P(["RRULE:FREQ=WEEKLY", "STATUS:CANCELLED"], id="cancelled"),
        ],
    )  # fmt: skip
    def test_what_a_series_cannot_say_is_read_as_its_first_meeting(self, lines: list[str]) -> None:
        """Such an event is its first occurrence, with the warning that says so."""
        head = [
            "DTSTART;TZID=Europe/Paris:20260105T180000",
            "DTEND;TZID=Europe/Paris:20260105T190000",
        ]
        imported = from_ical(calendar(vevent(*head, *lines)))
        assert imported.series == ()
        [read] = imported.meetings
        assert read.date == dt.date(2026, 1, 5)
        assert [w.code for w in imported.warnings] == ["ical_recurrence"]

    def test_the_warning_names_the_rule(self) -> None:
        """It says where, which rule, and which date is kept."""
        data = calendar(vevent("DTSTART;TZID=Europe/Paris:20260105T180000", "RRULE:FREQ=HOURLY"))
        [warning] = from_ical(data).warnings
        assert str(warning) == (
            "events[0].RRULE: event 'e1@example.org' repeats (FREQ=HOURLY); only its first "
            "occurrence, on 2026-01-05, is read [ical_recurrence]"
        )

    @pytest.mark.parametrize(
        ("override", "why"),
        [
            P(["RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Paris:20260112T180000",
               "DTSTART;TZID=Europe/Paris:20260112T190000"], "this and future", id="range"),
            P(["RECURRENCE-ID;TZID=Europe/Paris:20260112T180000",
               "DTSTART;TZID=Europe/Paris:20260112T230000",
               "DTEND;TZID=Europe/Paris:20260113T010000"], "two days", id="two-days"),
            P(["RECURRENCE-ID;TZID=Europe/Paris:20260113T180000",
               "DTSTART;TZID=Europe/Paris:20260114T180000"], "no occurrence", id="not-a-date"),
        ],
    )  # fmt: skip
    def test_overrides_a_series_cannot_hold_are_skipped(
        self, override: list[str], why: str
    ) -> None:
        """The series is kept, without that change, and a warning says so."""
        data = calendar(
            vevent(
                "DTSTART;TZID=Europe/Paris:20260105T180000",
                "DTEND;TZID=Europe/Paris:20260105T190000",
                "RRULE:FREQ=WEEKLY;COUNT=4",
                uid="s",
            ),
            vevent(*override, uid="s"),
        )
        imported = from_ical(data)
        [read] = imported.series
        assert read.moved == ()
        assert len(read.meetings()) == 4
        [warning] = imported.warnings
        assert (warning.code, warning.params["line"]) == ("ical_recurrence_override", 14)

    def test_the_same_occurrence_changed_twice_is_an_error(self) -> None:
        """Two events with one UID and one RECURRENCE-ID."""
        override = vevent(
            "RECURRENCE-ID;TZID=Europe/Paris:20260112T180000",
            "DTSTART;TZID=Europe/Paris:20260112T190000",
            uid="s",
        )
        data = calendar(
            vevent(
                "DTSTART;TZID=Europe/Paris:20260105T180000",
                "DTEND;TZID=Europe/Paris:20260105T190000",
                "RRULE:FREQ=WEEKLY;COUNT=4",
                uid="s",
            ),
            override,
            override,
        )
        with pytest.raises(IcalError) as caught:
            from_ical(data)
        assert str(caught.value) == "<calendar>:18: event 's' appears twice (first at line 11)"

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        frequency=st.sampled_from(["DAILY", "WEEKLY", "MONTHLY"]),
        interval=st.integers(1, 3),
        count=st.integers(2, 8),
        end=st.sampled_from(["count", "until", "endless"]),
        timezone=st.sampled_from(["Europe/Paris", "Africa/Casablanca", "America/New_York"]),
        hour=st.integers(0, 22),
        first=st.dates(dt.date(2024, 1, 1), dt.date(2027, 12, 31)),
        changes=st.lists(st.tuples(st.integers(0, 7), st.sampled_from(["skip", "move", "hours"])),
                         max_size=3, unique_by=lambda c: c[0]),
    )  # fmt: skip
    def test_round_trip_and_expansion(
        self,
        frequency: str,
        interval: int,
        count: int,
        end: str,
        timezone: str,
        hour: int,
        first: dt.date,
        changes: list[tuple[int, str]],
    ) -> None:
        """Any series: read back equal, and expanded by dateutil to the starts of meetings()."""
        rule = f"FREQ={frequency};INTERVAL={interval}"
        dates = Recurrence.from_rrule_string(f"{rule};COUNT={count}").dates(first)
        if end == "count":
            rule += f";COUNT={count}"
        elif end == "until":
            rule += f";UNTIL={dates[-1] + dt.timedelta(days=1):%Y%m%d}"
        exceptions, moved = [], []
        for index, change in changes:
            if index >= len(dates):
                continue
            if change == "skip":
                exceptions.append(dates[index])
            elif change == "move":  # to the day before: free unless it is itself a date
                if dates[index] - dt.timedelta(days=1) not in dates:
                    moved.append({"date": dates[index], "to": dates[index] - dt.timedelta(days=1)})
            else:  # later the same day (with its end: the usual length may not fit)
                moved.append(
                    {"date": dates[index], "to": dates[index], "start": "23h", "end": "23h30"}
                )
        original = series(
            recurrence=rule,
            first_date=first,
            time=f"{hour}h - {hour + 1}h",
            timezone=timezone,
            exceptions=sorted(exceptions),
            moved=sorted(moved, key=lambda m: m["date"]),  # as read back: by date
        )
        data = to_ical(original, "fr", stamp=STAMP)
        assert from_ical(data).series == (original,)
        window = dates[-1] + dt.timedelta(days=2)
        last = dt.datetime.combine(window, dt.time(23, 59), ZoneInfo(timezone))
        assert expand(data, last) == starts(original.meetings(until=window))


def _local_warnings(data: bytes, **options: Any) -> list[tuple[str, str, int | None]]:
    imported = from_ical(data, **options)
    return [
        (w.code, w.location, w.params["line"])
        for w in imported.warnings
        if w.code in ("nonexistent_local_time", "ambiguous_local_time")
    ]


class TestImportedTimesTheClocksSkipOrRepeat:
    @pytest.mark.parametrize(
        ("lines", "expected"),
        [
            P([vevent("DTSTART;TZID=Europe/Paris:20170326T023000",
                      "DTEND;TZID=Europe/Paris:20170326T040000")],
              [("nonexistent_local_time", "events[0].DTSTART", 7)], id="tzid-skipped"),
            P([vevent("DTSTART;TZID=Europe/Paris:20171029T020000",
                      "DTEND;TZID=Europe/Paris:20171029T023000")],
              [("ambiguous_local_time", "events[0].DTSTART", 7),
               ("ambiguous_local_time", "events[0].DTEND", 8)], id="tzid-repeated"),
            P(["X-WR-TIMEZONE:Europe/Paris",
               vevent("DTSTART:20170326T020000", "DTEND:20170326T040000")],
              [("nonexistent_local_time", "events[0].DTSTART", 8)], id="floating"),
            P(["X-WR-TIMEZONE:Europe/Paris",
               vevent("DTSTART:20171029T013000Z", "DTEND:20171029T023000Z")],
              [("ambiguous_local_time", "events[0].DTSTART", 8)], id="utc-lands-on-them"),
            P([vevent("DTSTART;TZID=Europe/Paris:20171029T010000",
                      "DTEND;TZID=Europe/Paris:20171029T040000"),
               vevent("DTSTART:20171029T013000Z", "DTEND:20171029T020000Z",
                      "RELATED-TO:e1@example.org", uid="i1@example.org", summary="Point")],
              [("ambiguous_local_time", "events[1].DTSTART", 13)], id="an-item-in-utc"),
            P([vevent("DTSTART;TZID=Europe/Paris:20170325T023000",
                      "DTEND;TZID=Europe/Paris:20170325T040000")],
              [], id="the-day-before"),
        ],
    )  # fmt: skip
    def test_each_such_time_is_a_warning(
        self, lines: list[str], expected: list[tuple[str, str, int]]
    ) -> None:
        """A time the calendar gives, or that the meeting comes to hold in its timezone, that
        the clocks skip or repeat is a warning on its event's property, with its line."""
        assert _local_warnings(calendar(*lines)) == expected

    def test_the_warning_says_which_instant_is_read(self) -> None:
        """A skipped 02:30 is kept as written, and stands for 03:30 summer time, as RFC 5545
        says; the warning says so."""
        data = calendar(
            vevent(
                "DTSTART;TZID=Europe/Paris:20170326T023000",
                "DTEND;TZID=Europe/Paris:20170326T040000",
            )
        )
        imported = from_ical(data)
        [warning] = imported.warnings
        assert warning.message == (
            "02:30 does not exist on 2017-03-26 in Europe/Paris: the clocks go forward from "
            "UTC+01:00 to UTC+02:00 over it, so it is taken as 03:30 (UTC+02:00)"
        )
        [meeting] = imported.meetings
        assert meeting.start == dt.time(2, 30)
        assert meeting.starts_at is not None
        assert meeting.starts_at.astimezone(UTC) == dt.datetime(2017, 3, 26, 1, 30, tzinfo=UTC)


class TestImportedTimezonesOfTheDatabase:
    @pytest.mark.parametrize("tzid", ["localtime", "Factory", "posixrules"])
    def test_a_machine_timezone_is_no_timezone(self, tzid: str) -> None:
        """A TZID naming the machine's zone is not resolved there: it is read in the
        calendar's timezone, with a warning."""
        data = calendar(
            "X-WR-TIMEZONE:Europe/Paris",
            vevent(f"DTSTART;TZID={tzid}:20260410T100000", f"DTEND;TZID={tzid}:20260410T120000"),
        )
        imported = from_ical(data)
        assert [w.code for w in imported.warnings] == ["ical_undefined_timezone"]
        assert imported.meetings[0].timezone == "Europe/Paris"

    def test_a_machine_timezone_as_the_calendars(self) -> None:
        """X-WR-TIMEZONE:localtime is ignored: UTC times stay in UTC."""
        data = calendar("X-WR-TIMEZONE:localtime", vevent("DTSTART:20260410T090000Z"))
        assert from_ical(data).meetings[0].timezone == "UTC"

    @pytest.mark.parametrize("timezone", ["localtime", "Factory"])
    def test_a_machine_timezone_asked_for(self, timezone: str) -> None:
        """from_ical(timezone=...) takes IANA zones only."""
        with pytest.raises(IcalError) as caught:
            from_ical(calendar(vevent("DTSTART:20260410T090000Z")), timezone=timezone)
        assert caught.value.code == "ical_invalid_timezone"

    def test_times_with_seconds_are_refused(self) -> None:
        """A meeting's times are given to the minute: an event at 14:00:30 cannot be one."""
        data = calendar(
            vevent(
                "DTSTART;TZID=Europe/Paris:20260410T140030",
                "DTEND;TZID=Europe/Paris:20260410T160000",
            )
        )
        with pytest.raises(IcalError) as caught:
            from_ical(data)
        assert (caught.value.code, caught.value.params["where"]) == ("ical_invalid_event", "start")


# --- folded lines, far dates and hostile calendars ------------------------------------------

ARABIC_TITLE = "اجتماع مجموعة بلد المغرب"  # any Arabic text: the bytes below are this one's


def folded_inside_a_character(newline: bytes, fold: bytes = b" ") -> bytes:
    """A calendar whose Arabic SUMMARY is folded between the two bytes of its second letter."""
    summary = b"SUMMARY;LANGUAGE=ar:" + ARABIC_TITLE.encode()
    cut = len(b"SUMMARY;LANGUAGE=ar:") + 3  # each of these letters takes two bytes
    lines = [
        *HEAD.encode().splitlines(),
        b"BEGIN:VEVENT",
        b"UID:e1@example.org",
        summary[:cut],
        fold + summary[cut:],
        b"DTSTART:20260701T100000Z",
        b"DTEND:20260701T090000Z",
        b"END:VEVENT",
        b"END:VCALENDAR",
        b"",
    ]
    return newline.join(lines)


class TestFoldedLines:
    @pytest.mark.parametrize("newline", [b"\r\n", b"\n"], ids=["crlf", "lf"])
    @pytest.mark.parametrize("fold", [b" ", b"\t"], ids=["space", "tab"])
    def test_a_fold_inside_a_character(self, newline: bytes, fold: bytes) -> None:
        """A line folded inside a UTF-8 sequence is rejoined before it is decoded (RFC 5545)."""
        data = folded_inside_a_character(newline, fold).replace(
            b"DTEND:20260701T09", b"DTEND:20260701T11"
        )
        [read] = from_ical(data).meetings
        assert read.title == LocalisedText({"ar": ARABIC_TITLE})

    @pytest.mark.parametrize("newline", [b"\r\n", b"\n"], ids=["crlf", "lf"])
    def test_lines_after_a_fold_keep_their_numbers(self, newline: bytes) -> None:
        """An error after a folded line names the line as the file numbers it."""
        with pytest.raises(IcalError) as caught:
            from_ical(folded_inside_a_character(newline), source="x.ics")
        assert (caught.value.code, caught.value.line) == ("ical_end_before_start", 9)

    def test_a_wrong_byte_in_a_folded_part(self) -> None:
        """A byte that is not UTF-8 after a fold is named with its line and offset."""
        data = folded_inside_a_character(b"\r\n").replace(b"\x84\xd8", b"\x84\xff", 1)
        with pytest.raises(IcalError) as caught:
            from_ical(data, source="x.ics")
        offset = data.index(b"\xff")
        assert str(caught.value) == (
            f"x.ics:7: the calendar is not UTF-8 text: byte 0xff at offset {offset}"
        )


class TestSupportedYears:
    @pytest.mark.parametrize("day", ["1800-01-01", "2200-12-31"])
    @pytest.mark.parametrize(
        "timezone", ["Pacific/Kiritimati", "America/Adak", "Africa/Casablanca", "UTC"]
    )
    def test_the_first_and_the_last_day(self, day: str, timezone: str) -> None:
        """A meeting at any hour of the first or last day a meeting can have exports and reads
        back, in the timezones furthest from UTC."""
        agenda = [{"time": "00h00 - 23h59", "title": {"fr": "Journée"}}]
        first = meeting(date=day, timezone=timezone, agenda=agenda)
        data = to_ical(first, per_item=True, stamp=STAMP)
        [read] = from_ical(data).meetings
        assert (read.starts_at, read.ends_at) == (first.starts_at, first.ends_at)

    def test_a_series_to_the_last_day(self) -> None:
        """A series until the last day a meeting can have writes its UNTIL in UTC, in 2201."""
        last = Series.model_validate(
            {
                "id": "fin",
                "title": {"fr": "Fin"},
                "recurrence": "FREQ=YEARLY;UNTIL=22001231",
                "first_date": "2190-12-31",
                "time": "23h00 - 23h30",
                "timezone": "America/Adak",
            }
        )
        data = to_ical(last, stamp=STAMP)
        assert b"RRULE:FREQ=YEARLY;UNTIL=22010101T090000Z" in data
        assert from_ical(data).series == (last,)

    @pytest.mark.parametrize(
        ("fields", "where"),
        [
            ({"date": "9999-12-31"}, "date"),
            ({"end_date": "2201-01-01"}, "end_date"),
            ({"previous_date": "1799-12-31", "status": "postponed"}, "previous_date"),
        ],
    )
    def test_a_date_out_of_them_is_refused(self, fields: dict[str, Any], where: str) -> None:
        """A meeting is refused at validation, not by an export, out of the years 1800–2200."""
        with pytest.raises(ValidationError) as caught:
            meeting(**fields)
        [error] = caught.value.errors()
        assert (error["type"], error["loc"]) == ("date_out_of_range", (where,))


BAD_ICAL = Path(__file__).parent / "data" / "bad-ical"
_HOSTILE_ROW = re.compile(
    r"^\| `(?P<file>[^`]+)` \| (?P<what>.+?) \| (?P<error>.+?) \| (?P<line>.+?) \| "
    r"(?P<read>.+?) \| (?P<warnings>.+?) \|$"
)


def _hostile_rows() -> list[dict[str, str]]:
    text = (BAD_ICAL / "README.md").read_text(encoding="utf-8")
    return [m.groupdict() for m in map(_HOSTILE_ROW.match, text.splitlines()) if m]


HOSTILE = _hostile_rows()


def _cell(text: str) -> tuple[str, ...]:
    return () if text == "—" else tuple(part.strip("` ") for part in text.split("<br>"))


class TestHostileCalendars:
    """tests/data/bad-ical: far dates, endless or empty rules, numbers out of range."""

    def test_every_file_has_its_row(self) -> None:
        """Each calendar of the folder is in the table of its README."""
        files = sorted(path.name for path in BAD_ICAL.glob("*.ics"))
        assert sorted(row["file"] for row in HOSTILE) == files

    @pytest.mark.parametrize("row", HOSTILE, ids=[row["file"] for row in HOSTILE])
    def test_read_or_refused_as_the_table_says(self, row: dict[str, str]) -> None:
        """Each is read with its warnings and exports again, or is refused at its line."""
        data = (BAD_ICAL / row["file"]).read_bytes()
        if row["error"] != "—":
            with pytest.raises(IcalError) as caught:
                from_ical(data, source=row["file"])
            assert (caught.value.code, str(caught.value.line)) == (
                row["error"].strip("`"),
                row["line"],
            )
            return
        imported = from_ical(data)
        read = [f"series {s.recurrence.to_rrule_string()}" for s in imported.series]
        read += ["meeting" for _ in imported.meetings]
        assert read == [row["read"].strip("`")]
        assert tuple(w.code for w in imported.warnings) == _cell(row["warnings"])
        for each in (*imported.meetings, *imported.series):
            assert from_ical(to_ical(each, stamp=STAMP)).uids


def test_a_lone_surrogate_in_a_facilitator_is_refused_with_its_place() -> None:
    """A broken UTF-16 pair in a facilitator's name (a calendar given as str) is refused as
    in any other property: an IcalError naming the event, not pydantic's error."""
    group = rrma_groups.examples.groupe_pays_maroc()
    text = rrma_groups.to_ical(group, "fr", per_item=True).decode("utf-8")
    broken = text.replace("X-RRMA-TYPE=person:Khalid\r\n", "X-RRMA-TYPE=person:\ud800Khalid\r\n", 1)
    assert broken != text
    with pytest.raises(rrma_groups.IcalError) as caught:
        rrma_groups.from_ical(broken)
    assert caught.value.code == "ical_invalid_event"
    assert "X-RRMA-FACILITATOR" in str(caught.value)
