"""Timezones in calendars: TZIDs and VTIMEZONEs written, TZIDs read as IANA names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from zoneinfo import ZoneInfo

import icalendar
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from ...model import Meeting
from ...model.series import Series
from ...model.types import iana_timezones
from .vtimezone import FIRST_YEAR, vtimezone

__all__ = ["add_time", "add_times", "add_timezones", "iana_name", "is_iana", "zone_like"]

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


def add_timezones(
    calendar: icalendar.Calendar, meetings: Iterable[Meeting], series: Iterable[Series] = ()
) -> None:
    """One VTIMEZONE per TZID used, sorted by TZID, right for any date from 1970 to 2037
    and for the years of its meetings (see :mod:`.vtimezone`).

    ``Calendar.add_missing_timezones`` is not used: it walks a ``set`` of TZIDs, so that with
    several timezones their order would change from one Python process to the next, and it
    writes icalendar's own VTIMEZONEs, which :mod:`.vtimezone` says readers get wrong.
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
        if rule.count is not None or rule.until is not None:  # an endless one: its rules
            found = each.occurrences(include_cancelled=True)
            used.update(o.date.year for o in found)
    for position, tzid in enumerate(sorted(calendar.get_missing_tzids())):
        span = years.get(tzid) or {FIRST_YEAR}
        calendar.subcomponents.insert(position, vtimezone(tzid, min(span), max(span)))


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


def zone_like(
    own: dt.tzinfo, days: Sequence[dt.date], times: Sequence[dt.time], tzid: str, first: str
) -> str | None:
    """An IANA zone whose clocks agree with ``own`` (a zone that only a calendar defines) at
    ``times`` on each of ``days``; None if none does.

    ``first`` (the zone asked for) is tried first, then the zones whose city the TZID names
    ("Heure de Paris"), then the others: Area/City names before the old ones and Etc/.
    """
    walls = [dt.datetime.combine(day, time) for day in days for time in times]
    wanted = [wall.replace(tzinfo=own).utcoffset() for wall in walls]
    words = tzid.lower()

    def rank(name: str) -> tuple[bool, bool, bool, str]:
        city = name.rsplit("/", 1)[-1].replace("_", " ").lower()
        named = "/" in name and city in words
        old = "/" not in name or name.startswith(("Etc/", "SystemV/", "US/"))
        return (name != first, not named, old, name)

    for name in sorted(iana_timezones(), key=rank):
        zone = ZoneInfo(name)
        if all(
            wall.replace(tzinfo=zone).utcoffset() == offset
            for wall, offset in zip(walls, wanted, strict=True)
        ):
            return name
    return None
