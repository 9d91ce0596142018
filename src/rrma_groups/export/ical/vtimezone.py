"""VTIMEZONEs from the tz database: yearly rules as RRULEs, every other change on its own.

icalendar's ``Timezone.from_tzinfo`` (``from_tzid``) is not used: it lists each kind of change
as one observance with a DTSTART and RDATEs, for the years asked only, with a COMMENT inside
the VTIMEZONE. Readers go wrong on each point: Mozilla's ical.js (Thunderbird), older libical
and Outlook drop the DTSTART onset of an observance that has RDATEs and no RRULE; readers that
keep the first definition of a TZID they meet (ical.js's timezone service, vobject,
icalendar itself) read every later calendar with it; and RFC 5545 lists no COMMENT in a
VTIMEZONE. The tz database's zone files list transitions, not the rules behind them, so the
rules are found again here: changes of the same kind that fall in the same month at the same
wall time, one year after another, on the same weekday of the month (the last, or the n-th) or
on the same day of the month, are one observance with a yearly RRULE, as the tz database's
rules and the VTIMEZONEs of other calendar applications are written. A change that follows no
such rule (Morocco's Ramadan hours, a one-off change) is an observance of its own, with a
DTSTART alone; a zone without changes (Africa/Dakar) is one STANDARD observance.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import icalendar

__all__ = ["FIRST_YEAR", "LAST_YEAR", "vtimezone"]

FIRST_YEAR, LAST_YEAR = 1970, 2037
"""The years every VTIMEZONE is right for, at least: those of most calendar applications'
timezone data, so that a definition read once serves any later calendar."""

_BEYOND = 3
"""Years looked at after the last one written: a rule still followed then has no end."""

_STEP = 86400
"""The scan's step, in seconds: a day. No two changes of a zone's clocks are less than a week
apart in the tz database (166 hours at the least, from 1800 on)."""

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True, slots=True)
class _State:
    """A zone's clocks between two changes: the offset, whether it is summer time, the name."""

    offset: dt.timedelta
    daylight: bool
    name: str


@dataclass(frozen=True, slots=True)
class _Observance:
    """One STANDARD or DAYLIGHT observance, as written."""

    onset: dt.datetime
    """The local time of the first change, naive, on the clocks before it (RFC 5545)."""
    before: dt.timedelta
    after: _State
    rule: str | None
    """The RRULE, for changes that repeat every year."""


@dataclass(slots=True)
class _Run:
    """Changes of one kind, one a year in consecutive years, that a yearly rule may give."""

    before: dt.timedelta
    after: _State
    changes: list[tuple[dt.datetime, dt.datetime]]
    """(UTC instant, local onset) of each change, in order."""
    rules: set[str]
    """The BYDAY or BYMONTHDAY parts that give every change of the run."""


def vtimezone(tzid: str, first: int = FIRST_YEAR, last: int = LAST_YEAR) -> icalendar.Timezone:
    """The VTIMEZONE of the IANA zone ``tzid``, right from ``first`` (or 1970, if earlier) to
    ``last`` (or 2037, if later), and later as long as the zone's rules stay the same."""
    zone = icalendar.Timezone()
    zone.add("TZID", tzid)
    for observance in _observances(tzid, min(first, FIRST_YEAR), max(last, LAST_YEAR)):
        part = (
            icalendar.TimezoneDaylight()
            if observance.after.daylight
            else icalendar.TimezoneStandard()
        )
        part.add("DTSTART", observance.onset)
        if observance.rule is not None:
            part.add("RRULE", icalendar.vRecur.from_ical(observance.rule))
        part.add("TZOFFSETFROM", observance.before)
        part.add("TZOFFSETTO", observance.after.offset)
        part.add("TZNAME", observance.after.name)
        zone.add_component(part)
    return zone


@functools.lru_cache(maxsize=64)
def _observances(tzid: str, first: int, last: int) -> tuple[_Observance, ...]:
    zone = ZoneInfo(tzid)
    start = dt.datetime(first, 1, 1)
    initial = _state(zone, int(start.replace(tzinfo=dt.UTC).timestamp()))
    # The clocks at the start: a change from and to the same offset, so that every reader
    # knows the offset before the first real change.
    found = [_Observance(start, initial.offset, initial, None)]
    runs: list[_Run] = []
    open_runs: dict[tuple[object, ...], list[_Run]] = {}
    for moment, before, after in _changes(zone, first, last + _BEYOND):
        onset = (moment + before.offset).replace(tzinfo=None)
        kind = (before.offset, after, onset.month, onset.time())
        rules = _rules(onset.date())
        for run in open_runs.get(kind, []):
            if run.changes[-1][1].year == onset.year - 1 and run.rules & rules:
                run.changes.append((moment, onset))
                run.rules &= rules
                break
        else:
            run = _Run(before.offset, after, [(moment, onset)], rules)
            runs.append(run)
            open_runs.setdefault(kind, []).append(run)
    for run in runs:
        (_, onset), (end, last_onset) = run.changes[0], run.changes[-1]
        if onset.year > last:
            continue  # after the years written: what a rule still in force gives them
        rule = None
        if len(run.changes) > 1:
            rule = f"FREQ=YEARLY;BYMONTH={onset.month};{_best(run.rules)}"
            if last_onset.year < last + _BEYOND:  # the rule ended: it says when
                # A day after the last change, in UTC: a reader that takes UNTIL for a local
                # time (dateutil's tzical) still keeps the last change, and the next year's
                # is far.
                until = end + dt.timedelta(days=1)
                rule += f";UNTIL={until:%Y%m%dT%H%M%SZ}"
        found.append(_Observance(onset, run.before, run.after, rule))
    return tuple(sorted(found, key=lambda observance: observance.onset))


def _state(zone: ZoneInfo, timestamp: int) -> _State:
    moment = dt.datetime.fromtimestamp(timestamp, zone)
    offset = moment.utcoffset() or dt.timedelta(0)
    return _State(offset, bool(moment.dst()), moment.tzname() or _offset_name(offset))


def _offset_name(offset: dt.timedelta) -> str:
    sign = "-" if offset < dt.timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}{minutes % 60:02d}"


def _changes(zone: ZoneInfo, first: int, last: int) -> list[tuple[dt.datetime, _State, _State]]:
    """Each change of ``zone``'s clocks from ``first`` to ``last``: its UTC instant, the
    clocks before and after. Found by stepping through the years and halving the step where
    the clocks differ, to the second (zoneinfo does not tell its transitions)."""
    start = int(dt.datetime(first, 1, 1, tzinfo=dt.UTC).timestamp())
    stop = int(dt.datetime(last + 1, 1, 1, tzinfo=dt.UTC).timestamp())
    found = []
    before = _state(zone, start)
    for low in range(start, stop, _STEP):
        high = low + _STEP
        after = _state(zone, high)
        if after == before:
            continue
        while high - low > 1:
            middle = (low + high) // 2
            if _state(zone, middle) == before:
                low = middle
            else:
                high = middle
        found.append((dt.datetime.fromtimestamp(high, dt.UTC), before, _state(zone, high)))
        before = after
    return found


def _rules(day: dt.date) -> set[str]:
    """The RRULE parts that give ``day`` in its month: its weekday as the last or the n-th
    of the month, its day of the month."""
    weekday = _WEEKDAYS[day.weekday()]
    found = {f"BYMONTHDAY={day.day}"}
    if day.day <= 28:
        found.add(f"BYDAY={(day.day - 1) // 7 + 1}{weekday}")
    if day.day + 7 > calendar.monthrange(day.year, day.month)[1]:
        found.add(f"BYDAY=-1{weekday}")
    return found


def _best(rules: set[str]) -> str:
    """The rule written when several give the same days: the last weekday of the month, then
    the n-th, then the day of the month (the order of the tz database's own rules)."""
    return min(
        rules, key=lambda rule: (not rule.startswith("BYDAY=-1"), "BYMONTHDAY" in rule, rule)
    )
