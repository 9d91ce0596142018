"""Calendars as other applications read and write them.

The VTIMEZONEs written are right for any date from 1970 to 2037 in readers that use only them
(dateutil's, through icalendar); the bundled examples read by Mozilla's ical.js (as Thunderbird
does) and by icalendar with dateutil give every occurrence at the instant zoneinfo gives; and
what other applications write (untitled events, repeated properties, occurrences moved onto
others, zones of their own) is read as they mean it.

The ical.js tests need node and the pinned package of ``tests/ical_js`` (``npm ci --prefix
tests/ical_js``, as ``.ci/run`` does); without them they are skipped.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil.rrule import rruleset, rrulestr

import rrma_groups
from rrma_groups import CountryGroup, Meeting
from rrma_groups.export.ical import from_ical, to_ical
from rrma_groups.model.series import Series

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = {
    "groupe_pays_maroc": ROOT / "src/rrma_groups/data/groupe_pays_maroc.toml",
    "groupe_pays_senegal": ROOT / "examples/groupe_pays_senegal.toml",
}
ICAL_JS = Path(__file__).resolve().parent / "ical_js"
STAMP = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
UTC = dt.UTC

ZONES = [
    "Europe/Paris",
    "Africa/Casablanca",
    "Africa/Dakar",
    "America/New_York",
    "Australia/Sydney",
    "America/Sao_Paulo",
    "Asia/Tehran",
]


def meeting_in(tzid: str, day: str = "2016-11-04", key: str = "m1") -> Meeting:
    return Meeting.model_validate(
        {
            "id": key,
            "title": {"fr": "Rencontre"},
            "date": day,
            "timezone": tzid,
            "agenda": [{"time": "14h00 - 15h30", "title": {"fr": "Séance"}}],
        }
    )


def vtimezone_of(data: bytes, tzid: str) -> icalendar.Timezone:
    [zone] = [z for z in icalendar.Calendar.from_ical(data).timezones if z.tz_name == tzid]
    return zone


def wall_times(tzid: str, first: int = 1970, last: int = 2037) -> Iterator[dt.datetime]:
    """Local times from ``first`` to ``last`` a reader must place right: noon on every 7th
    day, and every hour on the days around each change of the clocks; none that the clocks
    skip or repeat."""
    zone = ZoneInfo(tzid)
    day = dt.date(first, 1, 1)
    before = dt.datetime.combine(day, dt.time(12), zone).utcoffset()
    while day.year <= last:
        noon = dt.datetime.combine(day, dt.time(12), zone).utcoffset()
        hours = range(24) if noon != before else (12,) if day.toordinal() % 7 == 0 else ()
        before = noon
        for days_back in (1, 0) if len(hours) == 24 else (0,):
            for hour in hours:
                wall = dt.datetime.combine(day - dt.timedelta(days=days_back), dt.time(hour))
                if (
                    wall.replace(tzinfo=zone).utcoffset()
                    == wall.replace(tzinfo=zone, fold=1).utcoffset()
                ):
                    yield wall
        day += dt.timedelta(days=1)


class TestVtimezones:
    @pytest.mark.parametrize("tzid", ZONES)
    def test_right_from_1970_to_2037_for_a_reader_of_the_vtimezone_alone(self, tzid: str) -> None:
        """Whatever the year exported, the VTIMEZONE alone (read by dateutil, as icalendar
        does without its tz database) gives zoneinfo's offset at every local time."""
        zone = vtimezone_of(to_ical(meeting_in(tzid), "fr", stamp=STAMP), tzid)
        own = zone.to_tz(lookup_tzid=False)
        checked = wrong = 0
        for wall in wall_times(tzid):
            checked += 1
            if (
                wall.replace(tzinfo=own).utcoffset()
                != wall.replace(tzinfo=ZoneInfo(tzid)).utcoffset()
            ):
                wrong += 1
        assert (checked > 3000, wrong) == (True, 0), f"{wrong} of {checked} local times wrong"

    @pytest.mark.parametrize("tzid", ZONES)
    def test_rules_not_lists_of_dates(self, tzid: str) -> None:
        """No observance has RDATEs (ical.js, older libical and Outlook drop the DTSTART of
        those); no COMMENT in a VTIMEZONE (RFC 5545 lists none there)."""
        zone = vtimezone_of(to_ical(meeting_in(tzid), "fr", stamp=STAMP), tzid)
        text = zone.to_ical().decode()
        assert "RDATE" not in text
        assert "COMMENT" not in text
        assert text.count("DTSTART:19700101T000000") == 1  # the clocks from 1970 on

    def test_europe_paris_ends_with_the_eu_rules(self) -> None:
        """Summer time from the last Sunday of March, winter time from the last Sunday of
        October, without an end: right for any later year."""
        zone = vtimezone_of(to_ical(meeting_in("Europe/Paris"), "fr", stamp=STAMP), "Europe/Paris")
        endless = {
            (part.name, part["RRULE"].to_ical().decode(), part["DTSTART"].dt.time())
            for part in zone.walk()
            if "RRULE" in part and "UNTIL" not in part["RRULE"]
        }
        assert endless == {
            ("DAYLIGHT", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", dt.time(2)),
            ("STANDARD", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", dt.time(3)),
        }
        own = zone.to_tz(lookup_tzid=False)
        assert dt.datetime(2150, 7, 1, 12, tzinfo=own).utcoffset() == dt.timedelta(hours=2)

    def test_dakar_is_one_standard_observance(self) -> None:
        """A zone without changes since 1970 is one STANDARD observance at UTC+0."""
        zone = vtimezone_of(to_ical(meeting_in("Africa/Dakar"), "fr", stamp=STAMP), "Africa/Dakar")
        [part] = zone.subcomponents
        assert part.name == "STANDARD"
        assert (part["TZOFFSETFROM"].td, part["TZOFFSETTO"].td) == (dt.timedelta(0),) * 2
        assert "RRULE" not in part

    def test_casablanca_changes_one_by_one(self) -> None:
        """Morocco's Ramadan hours follow no yearly rule: from 2019 on, each change is an
        observance of its own, up to 2037 at least."""
        tzid = "Africa/Casablanca"
        zone = vtimezone_of(to_ical(meeting_in(tzid, "2026-03-05"), "fr", stamp=STAMP), tzid)
        recent = [p for p in zone.subcomponents if p["DTSTART"].dt.year >= 2019]
        assert all("RRULE" not in p for p in recent)
        assert {p["DTSTART"].dt.year for p in recent} >= set(range(2019, 2038))

    def test_one_definition_for_every_export(self) -> None:
        """A reader that keeps the first definition of a TZID it meets stays right: the
        VTIMEZONE is the same for a meeting in 2016 and one in 2030; one in 1850 or in 2150
        gets a longer one, right for its years too."""
        tzid = "Europe/Paris"
        first = to_ical(meeting_in(tzid, "2016-11-04"), "fr", stamp=STAMP)
        later = to_ical(meeting_in(tzid, "2030-06-07"), "fr", stamp=STAMP)
        assert vtimezone_of(first, tzid).to_ical() == vtimezone_of(later, tzid).to_ical()
        for day, offset in (("1850-06-07", dt.timedelta(minutes=9, seconds=21)),
                            ("2150-06-07", dt.timedelta(hours=2))):  # fmt: skip
            data = to_ical(meeting_in(tzid, day), "fr", stamp=STAMP)
            own = vtimezone_of(data, tzid).to_tz(lookup_tzid=False)
            wall = dt.datetime.fromisoformat(f"{day}T14:00")
            assert wall.replace(tzinfo=own).utcoffset() == offset
            assert wall.replace(tzinfo=ZoneInfo(tzid)).utcoffset() == offset


# --- the examples, read by other parsers --------------------------------------------------


def expected_occurrences(group: CountryGroup) -> Counter[tuple[str, dt.datetime, dt.datetime]]:
    """Every event's occurrences as zoneinfo places them: (UID, UTC start, UTC end)."""
    from rrma_groups.export.ical import item_uids, meeting_uid, series_uid

    found: Counter[tuple[str, dt.datetime, dt.datetime]] = Counter()

    def add(uid: str, meeting: Meeting) -> None:
        assert meeting.starts_at is not None
        assert meeting.ends_at is not None
        found[(uid, meeting.starts_at.astimezone(UTC), meeting.ends_at.astimezone(UTC))] += 1

    for meeting in group.meetings:
        add(meeting_uid(meeting, group), meeting)
        zone = ZoneInfo(meeting.timezone)
        uids = item_uids(meeting, group)
        for n, item in enumerate(meeting.agenda):
            start = dt.datetime.combine(meeting.day_of(item), item.start, zone)
            end = dt.datetime.combine(meeting.day_of(item), item.end or item.start, zone)
            found[(uids[n], start.astimezone(UTC), end.astimezone(UTC))] += 1
    for series in group.series:
        for meeting in series.meetings(until=dt.date(2037, 12, 31)):
            add(series_uid(series, group), meeting)
    return found


def python_occurrences(data: bytes) -> Counter[tuple[str, dt.datetime, dt.datetime]]:
    """The occurrences icalendar and dateutil find (RFC 5545, 3.8.5), each time read with the
    calendar's own VTIMEZONE (not the tz database)."""
    calendar = icalendar.Calendar.from_ical(data)
    zones = {z.tz_name: z.to_tz(lookup_tzid=False) for z in calendar.timezones}

    def moment(prop: Any) -> dt.datetime:
        value: dt.datetime = prop.dt
        tzid = prop.params.get("TZID")
        return value.replace(tzinfo=zones[tzid]) if tzid else value

    found: Counter[tuple[str, dt.datetime, dt.datetime]] = Counter()
    overrides: dict[tuple[str, dt.datetime], tuple[dt.datetime, dt.datetime]] = {}
    for event in calendar.walk("VEVENT"):
        if "RECURRENCE-ID" in event:
            key = (str(event["UID"]), moment(event["RECURRENCE-ID"]).astimezone(UTC))
            overrides[key] = (moment(event["DTSTART"]), moment(event["DTEND"]))
    for event in calendar.walk("VEVENT"):
        if "RECURRENCE-ID" in event:
            continue
        uid = str(event["UID"])
        start = moment(event["DTSTART"])
        length = moment(event["DTEND"]) - start if "DTEND" in event else dt.timedelta(0)
        rules = rruleset()
        if "RRULE" in event:
            rules.rrule(rrulestr(event["RRULE"].to_ical().decode(), dtstart=start))
        else:
            rules.rdate(start)
        for name, add in (("RDATE", rules.rdate), ("EXDATE", rules.exdate)):
            values = event.get(name, [])
            for prop in values if isinstance(values, list) else [values]:
                for value in prop.dts:
                    add(value.dt.replace(tzinfo=start.tzinfo))
        for occurrence in rules.between(start, dt.datetime(2038, 1, 1, tzinfo=UTC), inc=True):
            begins, ends = overrides.get(
                (uid, occurrence.astimezone(UTC)), (occurrence, occurrence + length)
            )
            found[(uid, begins.astimezone(UTC), ends.astimezone(UTC))] += 1
    return found


def ical_js(data: bytes, tmp_path: Path, wall: dict[str, list[str]] | None = None) -> Any:
    """What ical.js finds in ``data``: its occurrences and the offsets of its zones."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    if not (ICAL_JS / "node_modules" / "ical.js" / "package.json").is_file():
        pytest.skip("ical.js is not installed: npm ci --prefix tests/ical_js")
    calendar = tmp_path / "calendar.ics"
    calendar.write_bytes(data)
    command = [node, str(ICAL_JS / "expand.mjs"), str(calendar)]
    if wall is not None:
        (tmp_path / "wall.json").write_text(json.dumps(wall), encoding="utf-8")
        command.append(str(tmp_path / "wall.json"))
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=120)
    return json.loads(done.stdout)


def js_occurrences(found: Any) -> Counter[tuple[str, dt.datetime, dt.datetime]]:
    return Counter(
        (
            o["uid"],
            dt.datetime.fromtimestamp(o["start"], UTC),
            dt.datetime.fromtimestamp(o["end"], UTC),
        )
        for o in found["occurrences"]
    )


def agreement(name: str, expected: Counter[Any], found: Counter[Any]) -> tuple[str, int, int]:
    same = sum((expected & found).values())
    return (
        f"{name}: {same} of {sum(expected.values())} occurrences agree",
        same,
        sum(found.values()),
    )


@pytest.mark.parametrize("example", sorted(EXAMPLES))
@pytest.mark.parametrize("lang", ["fr", "ar-MA"])
class TestExamplesInOtherParsers:
    def test_icalendar_and_dateutil(self, example: str, lang: str) -> None:
        """icalendar and dateutil, with the calendar's own VTIMEZONEs, find every occurrence
        of every meeting, item and series at zoneinfo's instants."""
        group = rrma_groups.load(EXAMPLES[example])
        data = to_ical(group, lang, per_item=True, stamp=STAMP)
        expected = expected_occurrences(group)
        found = python_occurrences(data)
        message, same, total = agreement(f"{example} ({lang}), dateutil", expected, found)
        print(message)
        assert (same, total) == (sum(expected.values()),) * 2, message

    def test_mozilla_ical_js(self, example: str, lang: str, tmp_path: Path) -> None:
        """Mozilla's ical.js (Thunderbird's parser) finds every occurrence of every meeting,
        item and series at zoneinfo's instants."""
        group = rrma_groups.load(EXAMPLES[example])
        data = to_ical(group, lang, per_item=True, stamp=STAMP)
        expected = expected_occurrences(group)
        found = js_occurrences(ical_js(data, tmp_path))
        message, same, total = agreement(f"{example} ({lang}), ical.js", expected, found)
        print(message)
        assert (same, total) == (sum(expected.values()),) * 2, message


def test_ical_js_reads_every_vtimezone_right(tmp_path: Path) -> None:
    """ical.js, with the VTIMEZONEs written (one calendar holding them all), gives zoneinfo's
    offset at local times from 1970 to 2037, around every change of the clocks."""
    meetings = tuple(meeting_in(tzid, key=f"m{n}") for n, tzid in enumerate(ZONES))
    group = rrma_groups.load(EXAMPLES["groupe_pays_maroc"]).replace(meetings=meetings)
    data = to_ical(group, "fr", stamp=STAMP)
    wall = {tzid: [w.isoformat() for w in wall_times(tzid)] for tzid in ZONES}
    offsets = ical_js(data, tmp_path, wall)["offsets"]
    wrong = {}
    for tzid in ZONES:
        zone = ZoneInfo(tzid)
        expected = [
            int(dt.datetime.fromisoformat(w).replace(tzinfo=zone).utcoffset().total_seconds())  # type: ignore[union-attr]
            for w in wall[tzid]
        ]
        bad = [
            w
            for w, want, got in zip(wall[tzid], expected, offsets[tzid], strict=True)
            if want != got
        ]
        if bad:
            wrong[tzid] = (len(bad), bad[:3])
    total = sum(len(w) for w in wall.values())
    print(f"ical.js: {total - sum(n for n, _ in wrong.values())} of {total} local times agree")
    assert wrong == {}


def test_the_series_in_ramadan_in_ical_js(tmp_path: Path) -> None:
    """A monthly series in Casablanca across Ramadan 2026 (UTC+0 from 15 February to 22
    March): ical.js finds zoneinfo's instants, the March one an hour later in UTC."""
    series = Series.model_validate(
        {
            "id": "rabat",
            "title": {"fr": "Réunion"},
            "recurrence": "FREQ=MONTHLY;BYDAY=1TH;COUNT=4",
            "first_date": "2026-01-01",
            "time": "10h00 - 12h00",
            "timezone": "Africa/Casablanca",
        }
    )
    found = js_occurrences(ical_js(to_ical(series, "fr", stamp=STAMP), tmp_path))
    assert sorted(start.isoformat() for _, start, _ in found) == [
        "2026-01-01T09:00:00+00:00",
        "2026-02-05T09:00:00+00:00",
        "2026-03-05T10:00:00+00:00",
        "2026-04-02T09:00:00+00:00",
    ]


# --- what other applications write ----------------------------------------------------------

HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//test//EN\r\n"


def calendar(*lines: str, head: str = HEAD) -> bytes:
    return (head + "\r\n".join(lines) + "\r\nEND:VCALENDAR\r\n").encode("utf-8")


def vevent(*lines: str, uid: str = "e1@example.org") -> str:
    return "\r\n".join(["BEGIN:VEVENT", f"UID:{uid}", *lines, "END:VEVENT"])


class TestUntitledEvents:
    @pytest.mark.parametrize(
        ("lang", "title"),
        [
            ("fr", "Événement sans titre"),
            ("en", "Untitled event"),
            ("ar-MA", "حدث بلا عنوان"),
        ],
    )
    def test_kept_with_a_title_in_the_language_asked(self, lang: str, title: str) -> None:
        """SUMMARY is optional (RFC 5545): the event is kept, titled in the language asked,
        with a warning; the other events are read as usual."""
        data = calendar(
            vevent("DTSTART:20260701T100000Z", uid="a"),
            vevent("DTSTART:20260702T100000Z", "SUMMARY:Réunion", uid="b"),
        )
        imported = from_ical(data, lang=lang)
        untitled, titled = imported.meetings
        assert untitled.title.get(lang) == title
        assert titled.title.get() == "Réunion"
        [warning] = imported.warnings
        assert (warning.code, warning.params["line"], warning.params["title"]) == (
            "ical_untitled",
            4,
            title,
        )

    def test_blank_titles_and_items(self) -> None:
        """A blank SUMMARY is no title either; an untitled item of a meeting is kept too."""
        data = calendar(
            vevent("DTSTART:20260701T100000Z", "SUMMARY:  ", uid="p"),
            vevent("DTSTART:20260701T100000Z", "RELATED-TO:p", uid="c"),
        )
        imported = from_ical(data)
        [read] = imported.meetings
        assert read.title.get() == "Événement sans titre"
        assert [item.title.get() for item in read.agenda] == ["Événement sans titre"]
        assert [w.code for w in imported.warnings] == ["ical_untitled", "ical_untitled"]

    def test_the_warning_in_french(self) -> None:
        """The warning is translated like every other."""
        [warning] = from_ical(calendar(vevent("DTSTART:20260701T100000Z"))).warnings
        assert "SUMMARY" in warning.describe("fr")
        assert "Événement sans titre" in warning.describe("fr")


class TestRepeatedProperties:
    @pytest.mark.parametrize("name", ["DTSTART", "DTEND", "DURATION"])
    def test_the_first_is_read_with_a_warning(self, name: str) -> None:
        """DTSTART, DTEND or DURATION given twice: the first is read, with the warning about
        repeated properties, never an error from inside the library."""
        values = {
            "DTSTART": ["DTSTART:20260701T100000Z", "DTSTART:20260702T100000Z"],
            "DTEND": ["DTSTART:20260701T100000Z", "DTEND:20260701T110000Z",
                      "DTEND:20260701T120000Z"],
            "DURATION": ["DTSTART:20260701T100000Z", "DURATION:PT1H", "DURATION:PT2H"],
        }[name]  # fmt: skip
        imported = from_ical(calendar(vevent("SUMMARY:Réunion", *values)))
        [read] = imported.meetings
        assert read.starts_at == dt.datetime(2026, 7, 1, 10, tzinfo=ZoneInfo("UTC"))
        assert read.ends_at in (None, dt.datetime(2026, 7, 1, 11, tzinfo=ZoneInfo("UTC")))
        [warning] = imported.warnings
        assert (warning.code, warning.params["name"], warning.params["count"]) == (
            "ical_repeated_property",
            name,
            2,
        )

    def test_in_a_repeating_event_and_its_override(self) -> None:
        """In a series' event and in one of its moved occurrences alike."""
        data = calendar(
            vevent(
                "SUMMARY:Réunion",
                "DTSTART;TZID=Europe/Paris:20260105T180000",
                "DTSTART;TZID=Europe/Paris:20260106T180000",
                "DTEND;TZID=Europe/Paris:20260105T190000",
                "RRULE:FREQ=WEEKLY;COUNT=3",
                uid="s",
            ),
            vevent(
                "RECURRENCE-ID;TZID=Europe/Paris:20260112T180000",
                "DTSTART;TZID=Europe/Paris:20260113T180000",
                "DTSTART;TZID=Europe/Paris:20260114T180000",
                "DTEND;TZID=Europe/Paris:20260113T190000",
                uid="s",
            ),
        )
        imported = from_ical(data)
        [read] = imported.series
        assert [m.date.isoformat() for m in read.meetings()] == [
            "2026-01-05",
            "2026-01-13",
            "2026-01-19",
        ]
        assert [w.code for w in imported.warnings] == ["ical_repeated_property"] * 2


def test_an_occurrence_moved_onto_another_leaves_its_date() -> None:
    """Moved onto the date of another occurrence, where a series cannot hold it: the move is
    left out with a warning, and its own date is no meeting any more."""
    data = calendar(
        vevent(
            "SUMMARY:Réunion",
            "DTSTART;TZID=Europe/Paris:20260105T180000",
            "DTEND;TZID=Europe/Paris:20260105T190000",
            "RRULE:FREQ=WEEKLY;COUNT=4",
            uid="s",
        ),
        vevent(
            "RECURRENCE-ID;TZID=Europe/Paris:20260112T180000",
            "DTSTART;TZID=Europe/Paris:20260119T200000",
            "DTEND;TZID=Europe/Paris:20260119T210000",
            uid="s",
        ),
    )
    imported = from_ical(data)
    [read] = imported.series
    assert [m.date.isoformat() for m in read.meetings()] == [
        "2026-01-05",
        "2026-01-19",
        "2026-01-26",
    ]
    assert read.exceptions == (dt.date(2026, 1, 12),)
    [warning] = imported.warnings
    assert (warning.code, warning.params["line"]) == ("ical_moved_onto_occurrence", 13)
    assert str(warning.params["date"]) == "2026-01-12"


# A zone of the calendar's own, with the EU's rules, as Outlook and Exchange write them.
OWN_ZONE = (
    "BEGIN:VTIMEZONE\r\nTZID:{tzid}\r\n"
    "BEGIN:STANDARD\r\nDTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\n"
    "BEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE"
)


def weekly_in(tzid: str, zone: str = OWN_ZONE, head: str = HEAD, first: str = "20260316") -> bytes:
    return calendar(
        zone.format(tzid=tzid),
        vevent(
            "SUMMARY:Réunion",
            f"DTSTART;TZID={tzid}:{first}T100000",
            f"DTEND;TZID={tzid}:{first}T113000",
            "RRULE:FREQ=WEEKLY;COUNT=4",
            uid="s",
        ),
        head=head,
    )


class TestSeriesInAZoneOfTheCalendar:
    def test_the_occurrences_keep_their_hours(self) -> None:
        """Weekly at 10:00 across the change to summer time (29 March 2026): every occurrence
        at 10:00, 09:00 UTC before the change and 08:00 UTC after, as the calendar's zone
        says; the series is in the IANA zone its TZID names."""
        imported = from_ical(weekly_in("Heure de Paris"))
        [read] = imported.series
        assert read.timezone == "Europe/Paris"
        assert [m.starts_at.astimezone(UTC).isoformat() for m in read.meetings()] == [  # type: ignore[union-attr]
            "2026-03-16T09:00:00+00:00",
            "2026-03-23T09:00:00+00:00",
            "2026-03-30T08:00:00+00:00",
            "2026-04-06T08:00:00+00:00",
        ]
        assert {(m.start, m.end) for m in read.meetings()} == {(dt.time(10), dt.time(11, 30))}
        [warning] = imported.warnings
        assert (warning.code, warning.params["timezone"]) == (
            "ical_own_timezone_series",
            "Europe/Paris",
        )

    def test_the_zone_asked_for_comes_first(self) -> None:
        """A TZID that names no city: the calendar's X-WR-TIMEZONE, when its clocks agree."""
        head = HEAD + "X-WR-TIMEZONE:Europe/Berlin\r\n"
        [read] = from_ical(weekly_in("Bureau", head=head)).series
        assert read.timezone == "Europe/Berlin"
        [read] = from_ical(weekly_in("Bureau"), timezone="Europe/Rome").series
        assert read.timezone == "Europe/Rome"

    def test_a_zone_no_iana_zone_follows(self) -> None:
        """Clocks that change on a date no IANA zone has (the second Tuesday of March, 10
        March 2026, between two occurrences): read as the first occurrence, at its instant,
        with the warnings that say so."""
        odd = OWN_ZONE.replace("BYDAY=-1SU;BYMONTH=3", "BYDAY=2TU;BYMONTH=3")
        imported = from_ical(weekly_in("Heure du bureau", zone=odd, first="20260302"))
        assert imported.series == ()
        [read] = imported.meetings
        assert read.starts_at == dt.datetime(2026, 3, 2, 9, tzinfo=ZoneInfo("UTC"))
        assert [w.code for w in imported.warnings] == ["ical_unknown_timezone", "ical_recurrence"]
