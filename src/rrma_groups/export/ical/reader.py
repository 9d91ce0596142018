"""The calendar read: meetings with their agendas, and series of meetings, from its events.

What is read, and how, is explained in ``docs/en/explanation/calendars.md``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
from pydantic import ValidationError

from ...i18n.catalog import N_
from ...messages import Msg
from ...model import AttendanceMode, LocalisedText, Meeting, MeetingStatus
from ...model.clock import seconds_of_day, time_of_day
from ...model.series import MovedOccurrence, Recurrence, Series
from ...model.types import YEAR_MAX
from ...problems import Problem
from ...pydantic_bridge import problems_from_pydantic
from .events import Event, EventReader
from .properties import as_written, in_range, localised_text, show_moment, values_of
from .timezones import iana_name, zone_like
from .uids import hashed_key, item_key, meeting_key

__all__ = ["ImportedCalendar", "from_ical"]


@dataclass(frozen=True, slots=True)
class ImportedCalendar:
    """Meetings and series read from a calendar, the warnings about it, and their UIDs."""

    meetings: tuple[Meeting, ...]
    warnings: tuple[Problem, ...] = ()
    uids: Mapping[str, str] = field(default_factory=dict)
    """The UID of each meeting's or series' event, by meeting or series id."""
    series: tuple[Series, ...] = ()
    """Repeating events read as series of meetings."""

    def meeting(self, key: str) -> Meeting:
        """The meeting whose id is ``key``."""
        for meeting in self.meetings:
            if meeting.id == key:
                return meeting
        raise KeyError(key)

    def one_series(self, key: str) -> Series:
        """The series whose id is ``key``."""
        for found in self.series:
            if found.id == key:
                return found
        raise KeyError(key)


def from_ical(
    data: bytes | str,
    *,
    timezone: str | None = None,
    source: str | None = None,
    lang: str | None = None,
) -> ImportedCalendar:
    """Read meetings, and their agendas, and series of meetings from an iCalendar document.

    ``timezone`` (an IANA name) is where UTC and floating times are put; by default the
    calendar's ``X-WR-TIMEZONE``, else UTC. ``source`` names the document in messages.
    ``lang`` (default French) is the language of what the reader adds: the title of an
    event without one. What is read, and how, is explained in
    ``docs/en/explanation/calendars.md``.

    :raises IcalError: the document is not a calendar, or an event cannot be read.
    :raises LocaleError: ``lang`` is not a language code.
    """
    reader = _Reader(data, timezone, source, lang)
    return reader.read()


class _Reader(EventReader):
    """The events of a calendar made meetings, agenda items and series."""

    # --- meetings and their items -----------------------------------------------------

    def read(self) -> ImportedCalendar:
        events: list[Event] = []
        first_line: dict[str, int] = {}
        for index, component in enumerate(self.calendar.walk("VEVENT")):
            event = self.event(index, component)
            if event is None:
                continue
            if event.uid in first_line:
                raise self.error(
                    "ical_duplicate_uid", index, "UID", uid=event.uid, first=first_line[event.uid]
                )
            first_line[event.uid] = event.line
            events.append(event)
        by_uid = {event.uid: event for event in events}
        children: dict[str, list[Event]] = {}
        standalone: list[Event] = []
        for event in events:
            parent = by_uid.get(event.parent) if event.parent is not None else None
            if event.parent is not None and parent is None:
                self.warn("ical_unknown_parent", event.index, uid=event.uid, parent=event.parent)
            elif parent is not None and parent.parent is not None and parent.parent in by_uid:
                reason = Msg(N_("that event is itself an item"))
                self.warn(
                    "ical_not_an_item", event.index, uid=event.uid, parent=parent.uid, reason=reason
                )
                parent = None
            elif parent is not None and not isinstance(event.start, dt.datetime):
                reason = Msg(N_("it lasts all day"))
                self.warn(
                    "ical_not_an_item", event.index, uid=event.uid, parent=parent.uid, reason=reason
                )
                parent = None
            if parent is None:
                standalone.append(event)
            else:
                children.setdefault(parent.uid, []).append(event)
                if event.repeats is not None:
                    self.warn_repeats(event)
        meetings: list[Meeting] = []
        series: list[Series] = []
        uids: dict[str, str] = {}
        for event in standalone:
            if event.repeats is not None and event.own_zone is not None:
                self.in_own_zone(event)
            key = _unique(meeting_key(event.uid), uids)
            meeting = self.meeting(key, event, children.get(event.uid, []))
            found = None
            if event.repeats is not None:
                if len(key) > _MAX_SERIES_ID:  # the ids of its meetings add -YYYY-MM-DD
                    key = _unique(hashed_key(event.uid), uids)
                found = self.series(key, meeting, event, self.overrides.pop(event.uid, []))
                if found is None:
                    self.warn_repeats(event)
                    key = meeting.id
            if found is None:
                meetings.append(meeting)
            else:
                series.append(found)
            uids[key] = event.uid
        left = sorted(index for pending in self.overrides.values() for index, _ in pending)
        uid_at = {i: uid for uid, pending in self.overrides.items() for i, _ in pending}
        for index in left:  # no series to change: the repeating event was read otherwise
            self.warn("ical_recurrence_override", index, "RECURRENCE-ID", uid=uid_at[index])
        return ImportedCalendar(
            tuple(meetings), tuple(self.warnings), MappingProxyType(uids), tuple(series)
        )

    def warn_repeats(self, event: Event) -> None:
        day = event.start.date() if isinstance(event.start, dt.datetime) else event.start
        self.warn(
            "ical_recurrence", event.index, "RRULE", uid=event.uid, rule=event.repeats, date=day
        )

    # --- series -------------------------------------------------------------------------

    def in_own_zone(self, event: Event) -> None:
        """A repeating event in a timezone that only the calendar defines, put in an IANA
        zone whose clocks agree with that definition at its occurrences: the series keeps its
        hours across clock changes. Left as it is when no zone agrees (it is then read as its
        first occurrence, since a series in a fixed zone would move its hours)."""
        tzid = event.own_zone
        own = self.own_zone(tzid) if tzid is not None else None
        start, end = event.start, event.end
        if own is None or not isinstance(start, dt.datetime) or not isinstance(end, dt.datetime):
            return
        written: Any = event.component.get("DTSTART")
        if isinstance(written, list):  # warned about as repeated: the first one was read
            written = written[0]
        begins = written.dt.replace(tzinfo=None)  # the wall time, as written
        ends = begins + (end - start)
        rules = event.component.get("RRULE")
        if rules is None or isinstance(rules, list) or ends.date() != begins.date():
            return
        offset = begins.replace(tzinfo=own).utcoffset() or dt.timedelta(0)
        recurrence = self.recurrence(rules, dt.timezone(offset), begins.time())
        if recurrence is None:
            return
        days = recurrence.dates(begins.date(), limit=_CHECKED_OCCURRENCES)
        iana = zone_like(own, days, (begins.time(), ends.time()), str(tzid), self.default_zone)
        if iana is None:
            return
        zone = ZoneInfo(iana)
        event.start, event.end = begins.replace(tzinfo=zone), ends.replace(tzinfo=zone)
        event.zone, event.own_zone = iana, None
        # The warning about its DTSTART said that its times were converted to another zone:
        # they are read in this one instead, and the warning says so.
        converted = ("ical_unknown_timezone", ("events", event.index, "DTSTART"))
        self.warnings = [w for w in self.warnings if (w.code, w.loc) != converted]
        self.warn(
            "ical_own_timezone_series",
            event.index,
            "DTSTART",
            uid=event.uid,
            tzid=tzid,
            timezone=iana,
        )

    def series(
        self,
        key: str,
        meeting: Meeting,
        event: Event,
        overrides: Sequence[tuple[int, icalendar.Component]],
    ) -> Series | None:
        """A repeating event as a series, or None when a series cannot say what it says.

        ``meeting`` is the event read as its first occurrence. Overrides (RECURRENCE-ID) that
        a series cannot hold are skipped with a warning; the rest of the series is kept.
        """
        start, end = event.start, event.end
        if not isinstance(start, dt.datetime) or not isinstance(end, dt.datetime):
            return None  # all day, or without an end: a series' meetings have hours
        if event.own_zone is not None:
            return None  # in a zone of its own that no IANA zone follows (see in_own_zone)
        if end.date() != start.date() or end <= start:
            return None
        if meeting.status is not MeetingStatus.SCHEDULED:
            return None  # a cancelled or postponed repeating event: read as its first date
        component = event.component
        rules = component.get("RRULE")
        if rules is None or isinstance(rules, list):
            return None  # dates without a rule, or several rules
        zone = ZoneInfo(event.zone)
        begins, ends = start.time(), end.time()
        recurrence = self.recurrence(rules, zone, begins)
        if recurrence is None:
            return None
        first = start.date()

        def in_rule(day: dt.date) -> bool:
            return recurrence.includes(day, first)

        excluded = self.dates(component, "EXDATE", zone, None)
        added = self.dates(component, "RDATE", zone, begins)
        if excluded is None or added is None:
            return None
        # EXDATE takes dates out of the whole set, RDATEs included (RFC 5545, 3.8.5.1); an
        # EXDATE that is no date of the set takes nothing out.
        exceptions = {day for day in excluded if in_rule(day)}
        added = {day for day in added - excluded if not in_rule(day)}
        moved = self.moved(event.uid, overrides, zone, begins, ends, in_rule, exceptions)
        data: dict[str, Any] = {
            "id": key,
            "title": meeting.title,
            "recurrence": recurrence,
            "first_date": start.date(),
            "start": begins,
            "end": ends,
            "timezone": event.zone,
            "exceptions": sorted(exceptions),
            "added": sorted(added),
            "description": meeting.description,
            "venue": meeting.venue,
            "attendance_mode": meeting.attendance_mode,
            "online_url": meeting.online_url,
            "agenda": meeting.agenda,
        }
        try:
            found = Series.model_validate({**data, "moved": [m for _, m in moved]})
        except ValidationError:
            pass
        else:
            return found
        try:
            found = Series.model_validate(data)
        except ValidationError:
            return None
        # An occurrence moved where a series cannot have it (onto another occurrence's date):
        # the moves are taken one by one, and those that do not fit are left out. Such an
        # occurrence does not take place on its own date either: that date is an exception.
        kept: list[MovedOccurrence] = []
        for index, change in moved:
            try:
                found = Series.model_validate({**data, "moved": [*kept, change]})
            except ValidationError:
                exceptions.add(change.date)
                data["exceptions"] = sorted(exceptions)
                try:
                    found = Series.model_validate({**data, "moved": kept})
                except ValidationError:  # pragma: no cover - an exception is always free
                    return None
                self.warn(
                    "ical_moved_onto_occurrence",
                    index,
                    "RECURRENCE-ID",
                    uid=event.uid,
                    date=change.date,
                    to=change.to,
                )
            else:
                kept.append(change)
        return found

    def recurrence(self, value: Any, zone: dt.tzinfo, begins: dt.time) -> Recurrence | None:
        """The RRULE as a Recurrence: UNTIL, an instant, becomes the last date it allows."""
        parts = [part for part in as_written(value).split(";") if part.strip()]
        kept = [part for part in parts if not part.upper().startswith("UNTIL=")]
        if len(kept) < len(parts) - 1:
            return None
        if len(kept) < len(parts):
            [until] = [part[len("UNTIL=") :] for part in parts if part not in kept]
            last = _last_date(until.strip(), zone, begins)
            if last is None:
                return None
            if last.year <= YEAR_MAX:  # a later one (UNTIL=99991231) ends no meeting
                kept.append(f"UNTIL={last:%Y%m%d}")
        try:
            return Recurrence.from_rrule_string(";".join(kept))
        except (ValidationError, ValueError):
            return None

    def dates(
        self, component: icalendar.Component, name: str, zone: ZoneInfo, at: dt.time | None
    ) -> set[dt.date] | None:
        """The dates of EXDATE or RDATE in ``zone``; None when one is not a date of a series
        (a period, or a time other than ``at``)."""
        found: set[dt.date] = set()
        for prop in values_of(component.get(name)):
            try:
                values = [(v.dt, v.params.get("TZID", prop.params.get("TZID"))) for v in prop.dts]
            except Exception:  # an unreadable value (warned about as ignored)
                return None
            for value, tzid in values:
                if isinstance(value, dt.date) and not in_range(value):
                    if name == "EXDATE":
                        continue  # it takes out no date a series can have
                    return None
                moment = self.instant(value, tzid, zone)
                if moment is None:
                    return None
                if isinstance(moment, dt.datetime):
                    if at is not None and moment.time() != at:
                        return None
                    moment = moment.date()
                found.add(moment)
        return found

    def instant(self, value: Any, tzid: Any, zone: ZoneInfo) -> dt.date | None:
        """A date as is; a date-time (with its TZID, in UTC or floating) as the wall time in
        ``zone``, naive; None for anything else (a period)."""
        if not isinstance(value, dt.date):
            return None
        if not isinstance(value, dt.datetime):
            return value
        wall = value.replace(tzinfo=None)
        aware: dt.datetime
        if tzid is not None:
            iana = iana_name(str(tzid))
            own = None if iana is not None else self.own_zone(str(tzid))
            aware = wall.replace(tzinfo=ZoneInfo(iana) if iana else own or zone)
        elif value.tzinfo is not None:
            aware = value
        else:
            aware = wall.replace(tzinfo=zone)
        return aware.astimezone(zone).replace(tzinfo=None)

    def moved(
        self,
        uid: str,
        overrides: Sequence[tuple[int, icalendar.Component]],
        zone: ZoneInfo,
        begins: dt.time,
        ends: dt.time,
        in_rule: Callable[[dt.date], bool],
        exceptions: set[dt.date],
    ) -> list[tuple[int, MovedOccurrence]]:
        """The occurrences that overrides move, by the date the rule gives them; a cancelled
        occurrence joins ``exceptions``. What a series cannot hold is skipped, with a warning."""
        moved: dict[dt.date, tuple[int, MovedOccurrence]] = {}
        seen: dict[dt.date, int] = {}
        for index, component in overrides:
            outcome = self.override(index, uid, component, zone, begins, ends)
            if outcome is None:
                self.warn("ical_recurrence_override", index, "RECURRENCE-ID", uid=uid)
                continue
            scheduled, change = outcome
            if scheduled in seen:  # the same occurrence changed twice
                first = self.line_of(seen[scheduled]) or 0
                raise self.error("ical_duplicate_uid", index, "UID", uid=uid, first=first)
            seen[scheduled] = index
            if not in_rule(scheduled) or scheduled in exceptions:
                self.warn("ical_recurrence_override", index, "RECURRENCE-ID", uid=uid)
            elif change is None:
                exceptions.add(scheduled)
            elif (change.to, change.start, change.end) != (scheduled, None, None):
                moved[scheduled] = (index, change)
        return [moved[day] for day in sorted(moved)]

    def override(
        self,
        index: int,
        uid: str,
        component: icalendar.Component,
        zone: ZoneInfo,
        begins: dt.time,
        ends: dt.time,
    ) -> tuple[dt.date, MovedOccurrence | None] | None:
        """The date an override changes and where it moves it (None: cancelled), or None if
        a series cannot hold it."""
        prop: Any = component.get("RECURRENCE-ID")
        params = getattr(prop, "params", {})
        if isinstance(prop, list) or str(params.get("RANGE", "")).upper() == "THISANDFUTURE":
            return None  # several, or this one and all that follow
        try:
            original = self.instant(prop.dt, params.get("TZID"), zone)
        except Exception:  # an unreadable RECURRENCE-ID (warned about as ignored)
            return None
        if original is None:
            return None
        scheduled = original.date() if isinstance(original, dt.datetime) else original
        if str(component.get("STATUS", "")).upper() == "CANCELLED":
            return scheduled, None
        if component.get("DTSTART") is None:
            return None
        start, end, _ = self.times(index, uid, component)
        if not isinstance(start, dt.datetime) or not isinstance(end, dt.datetime | None):
            return None
        start = start.astimezone(zone)
        if end is not None:
            end = end.astimezone(zone)
            if end.date() != start.date() or end <= start:
                return None
        day, new_start = start.date(), start.time()
        # A moved occurrence says what differs from the series: its start, and its end if
        # it is not the series' end moved with the start.
        usual_end = _later(ends, seconds_of_day(new_start) - seconds_of_day(begins))
        new_end = end.time() if end is not None else usual_end
        if new_end is None:
            return None
        try:
            change = MovedOccurrence(
                date=scheduled,
                to=day,
                start=new_start if new_start != begins else None,
                end=new_end if new_end != usual_end else None,
            )
        except ValidationError:  # a date out of range
            return None
        return scheduled, change

    # --- building ---------------------------------------------------------------------

    def meeting(self, key: str, event: Event, items: Sequence[Event]) -> Meeting:
        zone = ZoneInfo(event.zone)
        data: dict[str, Any] = {"id": key, "title": event.title, "timezone": event.zone}
        start, end = event.start, event.end
        if isinstance(start, dt.datetime):
            data["date"], data["start"] = start.date(), start.time()
            if isinstance(end, dt.datetime) and end > start:
                data["end_date"] = end.date() if end.date() != start.date() else None
                data["end"] = end.time()
        else:
            data["date"] = start
            if end is not None and end - start > dt.timedelta(days=1):
                data["end_date"] = end - dt.timedelta(days=1)
        rooms: dict[str, str] = {}
        for item in items:
            if item.room is not None:
                rooms.setdefault(*item.room)
        conference_url = event.conference
        if event.location and event.location != conference_url:
            data["venue"] = {
                "name": localised_text(event.location, event.location_lang),
                "rooms": [
                    {"id": room, "name": LocalisedText(name)} for room, name in rooms.items()
                ],
            }
        if conference_url:
            data["online_url"] = conference_url
            data["attendance_mode"] = (
                AttendanceMode.HYBRID if "venue" in data else AttendanceMode.ONLINE
            )
        elif event.url:
            data["online_url"] = event.url
        data["status"] = event.status
        if event.previous_date is not None:
            data["previous_date"] = event.previous_date
        if event.description is not None:
            data["description"] = event.description
        data["agenda"] = [self.item(item, event, zone, bool(rooms)) for item in items]
        try:
            meeting = Meeting.model_validate(data)
        except ValidationError as exc:
            first = problems_from_pydantic(exc, Meeting)[0]
            # As a Msg the reason stays whole (long strings are cut in messages) and translatable.
            reason = Msg(first.template, first.params)
            where = first.location or "(top)"
            raise self.error(
                "ical_invalid_event", event.index, uid=event.uid, where=where, reason=reason
            ) from None
        # The times as the meeting holds them, in its timezone: a UTC time may land on a time
        # its clocks repeat, of which the meeting keeps only the first.
        times = [(event, "DTSTART", meeting.date, meeting.start)]
        times.append((event, "DTEND", meeting.last_date, meeting.end))
        for child, read in zip(items, meeting.agenda, strict=True):
            day = read.day or meeting.date
            times += [(child, "DTSTART", day, read.start), (child, "DTEND", day, read.end)]
        for source, name, day, time in times:
            if time is not None:
                wall = dt.datetime.combine(day, time)
                self.local_time(source.index, source.uid, name, wall, zone)
        return meeting

    def item(self, event: Event, parent: Event, zone: ZoneInfo, with_rooms: bool) -> dict[str, Any]:
        assert isinstance(event.start, dt.datetime)  # all-day children were made meetings
        start = event.start.astimezone(zone)
        data: dict[str, Any] = {"title": event.title, "start": start.time()}
        meeting_day = parent.start.date() if isinstance(parent.start, dt.datetime) else parent.start
        if start.date() != meeting_day:
            data["day"] = start.date()
        if isinstance(event.end, dt.datetime):
            end = event.end.astimezone(zone)
            if end.date() != start.date() and end != start:
                raise self.error(
                    "ical_item_spans_days",
                    event.index,
                    "DTEND",
                    uid=event.uid,
                    parent=parent.uid,
                    start=show_moment(start),
                    end=show_moment(end),
                )
            if end > start:
                data["end"] = end.time()
        data["id"] = item_key(event.uid)
        data["kind"] = event.kind
        data["facilitators"] = event.facilitators
        if event.room is not None and with_rooms and parent.location:
            data["room"] = event.room[0]
        if not event.ours and event.description is not None:
            data["notes"] = event.description
        return data


_MAX_SERIES_ID = 64 - len("-YYYY-MM-DD")

_CHECKED_OCCURRENCES = 1000
"""The occurrences at which a zone of the calendar's own and an IANA zone must agree."""


def _last_date(until: str, zone: dt.tzinfo, begins: dt.time) -> dt.date | None:
    """The last date an RRULE's UNTIL lets a series starting at ``begins`` have.

    UNTIL is a date, a UTC date-time (``Z``) or a floating one (read in ``zone``); an
    occurrence on the date of a date-time UNTIL is in only when it starts by then.
    """
    try:
        if len(until) == 8:
            moment = dt.datetime.strptime(until, "%Y%m%d")
        else:
            moment = dt.datetime.strptime(until.removesuffix("Z"), "%Y%m%dT%H%M%S")
    except ValueError:
        return None
    if not 1 < moment.year < 9999:  # converting it to a timezone could overflow
        return moment.date() if moment.year > 1 else None
    if len(until) == 8:
        return moment.date()
    if until.endswith("Z"):
        moment = moment.replace(tzinfo=dt.UTC).astimezone(zone).replace(tzinfo=None)
    day = moment.date()
    return day if moment.time() >= begins else day - dt.timedelta(days=1)


def _later(moment: dt.time, seconds: int) -> dt.time | None:
    """``moment`` plus ``seconds``; None if that leaves the day."""
    total = seconds_of_day(moment) + seconds
    if not 0 < total < 86400:
        return None
    return time_of_day(total)


def _unique(key: str, used: Mapping[str, str]) -> str:
    if key not in used:
        return key
    n = 2
    while f"{key[:60]}-{n}" in used:
        n += 1
    return f"{key[:60]}-{n}"
