"""Timezones in calendars: TZIDs and VTIMEZONEs written, TZIDs read as IANA names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import icalendar
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from ...model import Meeting
from ...model.series import Series
from ...model.types import iana_timezones

__all__ = ["add_time", "add_times", "add_timezones", "iana_name", "is_iana"]

_UTC_NAMES = frozenset({"UTC", "Etc/UTC"})


def add_time(event: icalendar.Event, name: str, moment: dt.date, timezone: str) -> None:
    """A date, a UTC time (``Z``), or the local time with the meeting's TZID.

    The TZID is written out rather than left to icalendar, which writes the time of any zone
    it finds equivalent to UTC today (Africa/Dakar, Africa/Abidjan) as ``Z``: the instant is
    right, but the meeting's timezone would be lost.
    """
    if not isinstance(moment, dt.datetime) or timezone in _UTC_NAMES:
        event.add(name, moment)
    else:
        # Already in the meeting's zone: keep the wall time as the programme writes it.
        event.add(name, moment.replace(tzinfo=None), parameters={"TZID": timezone})


def add_times(
    event: icalendar.Event, name: str, moments: Sequence[dt.datetime], timezone: str
) -> None:
    """EXDATE or RDATE: date-times in one property, in UTC or with the TZID (see add_time)."""
    if timezone in _UTC_NAMES:
        event.add(name, [moment.astimezone(dt.UTC) for moment in moments])
    else:
        wall = [moment.replace(tzinfo=None) for moment in moments]
        event.add(name, wall, parameters={"TZID": timezone})


_ENDLESS_YEARS = 10


def add_timezones(
    calendar: icalendar.Calendar, meetings: Iterable[Meeting], series: Iterable[Series] = ()
) -> None:
    """One VTIMEZONE per TZID used, covering the years of its meetings, sorted by TZID.

    ``Calendar.add_missing_timezones`` would do this too, but it walks a ``set`` of TZIDs: with
    several timezones their order would change from one Python process to the next. And its
    default range, 1970 to 2038, makes Africa/Casablanca's VTIMEZONE a hundred lines long.
    A series covers the years of its occurrences; one without an end, ten years from its
    first date (applications that know the TZID, most of them, need no VTIMEZONE at all).
    """
    years: dict[str, set[int]] = {}
    for meeting in meetings:
        used = years.setdefault(meeting.timezone, set())
        used.update(day.year for day in meeting.days)
        used.update(meeting.day_of(item).year for item in meeting.agenda)
    for each in series:
        used = years.setdefault(each.timezone, set())
        used.add(each.first_date.year)
        rule = each.recurrence
        if rule.count is None and rule.until is None:
            used.add(each.first_date.year + _ENDLESS_YEARS - 1)
        else:
            found = each.occurrences(include_cancelled=True)
            used.update(o.date.year for o in found)
    every_year = set().union(*years.values())
    for position, tzid in enumerate(sorted(calendar.get_missing_tzids())):
        span = years.get(tzid) or every_year
        zone = icalendar.Timezone.from_tzid(
            tzid, first_date=dt.date(min(span), 1, 1), last_date=dt.date(max(span) + 1, 1, 1)
        )
        calendar.subcomponents.insert(position, zone)


def is_iana(name: str) -> bool:
    """Whether ``name`` is an IANA timezone (tzdata's list)."""
    # Not what ZoneInfo can load: "localtime" and "Factory" load, and are the machine's zone.
    return name in iana_timezones()


def iana_name(tzid: str) -> str | None:
    """The IANA name a TZID stands for: itself, a Windows name's, a ``/vendor/Area/City``'s."""
    cleaned = tzid.strip().strip("/")
    candidates = [cleaned, WINDOWS_TO_OLSON.get(cleaned, "")]
    parts = cleaned.split("/")
    candidates += ["/".join(parts[n:]) for n in range(1, len(parts))]
    for candidate in candidates:
        if candidate and is_iana(candidate):
            return "UTC" if candidate in ("Etc/UTC", "Etc/GMT", "GMT", "Z") else candidate
    return None
