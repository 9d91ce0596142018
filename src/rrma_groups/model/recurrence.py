"""Expanding a recurrence rule into its dates, and reading RRULE text.

The rules are those of a :class:`~rrma_groups.model.series.Recurrence`, RFC 5545's parts named
in words; :func:`rule_dates` gives a rule's dates from a first date, :func:`parse_rrule` reads
RRULE text into a rule's fields.

dateutil's rrule stops walking only when it has a date past UNTIL, or in the year 9999: a rule
that gives no date (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30) runs for seconds, "is this date an
occurrence?" walks every date before it, and a position a month cannot have (BYDAY=53FR)
raises IndexError. The rules of a series are expanded here instead, period by period, as
dateutil does (its tests hold them to it), up to the last day a meeting can have: the walk is
bounded whatever the rule. dateutil's rule is still what rrule() gives.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Final, Protocol

from dateutil import rrule as _rrule

from ..pydantic_bridge import custom_error
from .types import YEAR_MAX

__all__ = [
    "FREQUENCIES",
    "LAST_DAY",
    "MAX_OCCURRENCES",
    "WEEKDAY_CODES",
    "Rule",
    "RuleDates",
    "expand",
    "parse_rrule",
    "rule_dates",
    "stop_day",
]

FREQUENCIES: Final = ("yearly", "monthly", "weekly", "daily")
"""How often a rule may repeat (RFC 5545 FREQ, in lower case): meetings recur by the day at
most."""
WEEKDAY_CODES: Final = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
"""The weekdays as RFC 5545 writes them, Monday first."""
MAX_OCCURRENCES: Final = 10_000
"""The most dates a series may have."""
LAST_DAY: Final = dt.date(YEAR_MAX, 12, 31)
"""No rule is walked beyond this day: the last that a meeting can have."""


class Rule(Protocol):
    """The parts of a recurrence rule that the expander reads (a ``Recurrence`` has them)."""

    @property
    def frequency(self) -> str: ...
    @property
    def interval(self) -> int: ...
    @property
    def weekdays(self) -> tuple[str, ...]: ...
    @property
    def months(self) -> tuple[int, ...]: ...
    @property
    def month_days(self) -> tuple[int, ...]: ...
    @property
    def positions(self) -> tuple[int, ...]: ...
    @property
    def count(self) -> int | None: ...
    @property
    def until(self) -> dt.date | None: ...
    @property
    def week_start(self) -> str: ...


def stop_day(recurrence: Rule) -> dt.date:
    """The last day a rule is walked to: its UNTIL, or the last day a meeting can have."""
    until = recurrence.until
    return LAST_DAY if until is None else min(until, LAST_DAY)


def expand(recurrence: Rule, start: dt.date, stop: dt.date) -> Iterator[dt.date]:
    """The dates the rule gives from ``start`` (its DTSTART) to ``stop``, in order.

    The dates are dateutil's, but for a BYDAY list that mixes weekdays with and without a
    position (``MO,1FR``): RFC 5545 gives every Monday and the first Friday, which calendar
    applications show, where dateutil gives nothing.
    """
    if start > stop:
        return
    frequency = recurrence.frequency
    positioned = frequency in ("monthly", "yearly")
    months = frozenset(recurrence.months)
    month_days = frozenset(recurrence.month_days)
    weekdays = frozenset(
        WEEKDAY_CODES.index(rule[-2:])
        for rule in recurrence.weekdays
        if not (positioned and rule[:-2])
    )
    nth = tuple(
        (WEEKDAY_CODES.index(rule[-2:]), int(rule[:-2]))
        for rule in recurrence.weekdays
        if positioned and rule[:-2]
    )
    if not month_days and not weekdays and not nth:  # what the rule leaves out is DTSTART's
        if frequency == "yearly":
            months = months or frozenset({start.month})
            month_days = frozenset({start.day})
        elif frequency == "monthly":
            month_days = frozenset({start.day})
        elif frequency == "weekly":
            weekdays = frozenset({start.weekday()})

    def kept(day: dt.date, nth_days: frozenset[dt.date]) -> bool:
        if months and day.month not in months:
            return False
        if (weekdays or nth) and day.weekday() not in weekdays and day not in nth_days:
            return False
        if month_days:
            length = calendar.monthrange(day.year, day.month)[1]
            return day.day in month_days or day.day - length - 1 in month_days
        return True

    left = recurrence.count
    for begin, period, spans in _periods(recurrence, start, months):
        if begin > stop:
            return
        nth_days = _nth_weekdays(nth, spans) if nth else frozenset()
        days = [day for day in period if kept(day, nth_days)]
        if recurrence.positions:
            size = len(days)
            days = sorted(
                {days[p - 1 if p > 0 else p] for p in recurrence.positions if -size <= p <= size}
            )
        for day in days:
            if day > stop:
                return
            if day >= start:
                yield day
                if left is not None:
                    left -= 1
                    if left == 0:
                        return


_Span = tuple[dt.date, dt.date]


def _month(year: int, month: int) -> _Span:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _days(span: _Span) -> list[dt.date]:
    first, last = span
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def _periods(
    recurrence: Rule, start: dt.date, months: frozenset[int]
) -> Iterator[tuple[dt.date, list[dt.date], list[_Span]]]:
    """Each period of the rule from ``start`` (every INTERVAL-th day, week, month or year):
    its first day, the days that may be dates in it, and the spans in which a weekday's
    position counts (its month, each month of BYMONTH, or its year)."""
    step = recurrence.interval
    frequency = recurrence.frequency
    if frequency == "daily":
        day = start
        while True:
            yield day, [day], []
            day += dt.timedelta(days=step)
    elif frequency == "weekly":
        # dateutil's first week runs from DTSTART to the end of its week (BYSETPOS counts in it)
        week_start = WEEKDAY_CODES.index(recurrence.week_start)
        day = start
        while True:
            length = 7 - (day.weekday() - week_start) % 7
            yield day, [day + dt.timedelta(days=n) for n in range(length)], []
            day += dt.timedelta(days=length + 7 * (step - 1))
    elif frequency == "monthly":
        index = start.year * 12 + start.month - 1
        while True:
            year, month = divmod(index, 12)
            span = _month(year, month + 1)
            if months and month + 1 not in months:  # BYMONTH leaves nothing in it
                yield span[0], [], []
            else:
                yield span[0], _days(span), [span]
            index += step
    else:
        year = start.year
        while True:
            if months:  # a position counts in each month of BYMONTH, else in the year
                spans = [_month(year, month) for month in sorted(months)]
                yield dt.date(year, 1, 1), [d for span in spans for d in _days(span)], spans
            else:
                span = (dt.date(year, 1, 1), dt.date(year, 12, 31))
                yield span[0], _days(span), [span]
            year += step


def _nth_weekdays(
    nth: tuple[tuple[int, int], ...], spans: list[tuple[dt.date, dt.date]]
) -> frozenset[dt.date]:
    """The days that BYDAY's positioned weekdays (``1FR``, ``-1MO``) name in each span."""
    found = set()
    for first, last in spans:
        for weekday, n in nth:
            if n > 0:
                day = first + dt.timedelta(days=(n - 1) * 7 + (weekday - first.weekday()) % 7)
            else:
                day = last - dt.timedelta(days=(-n - 1) * 7 + (last.weekday() - weekday) % 7)
            if first <= day <= last:
                found.add(day)
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class RuleDates:
    """The dates a rule gives from a first date: the first 10,000 at most, in order."""

    dates: tuple[dt.date, ...]
    more: bool
    """Whether the rule gives more dates than these."""

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, dt.date):
            return False
        index = bisect.bisect_left(self.dates, day)
        return index < len(self.dates) and self.dates[index] == day

    def known(self, day: dt.date) -> bool:
        """Whether ``day`` is within the dates listed (so that it is a date of the rule only
        if it is among them)."""
        return not self.more or day <= self.dates[-1]

    def after(self, day: dt.date) -> dt.date | None:
        """The first date after ``day``, if one is listed."""
        index = bisect.bisect_right(self.dates, day)
        return self.dates[index] if index < len(self.dates) else None


@functools.lru_cache(maxsize=16)
def rule_dates(recurrence: Rule, first: dt.date) -> RuleDates:
    """The rule's dates from ``first``, expanded once for the checks and expansions of a series
    (a few hundred kilobytes for the longest)."""
    dates = expand(recurrence, first, stop_day(recurrence))
    found = tuple(itertools.islice(dates, MAX_OCCURRENCES + 1))
    return RuleDates(found[:MAX_OCCURRENCES], len(found) > MAX_OCCURRENCES)


_LIST_PARTS: Final = {
    "BYDAY": "weekdays",
    "BYMONTH": "months",
    "BYMONTHDAY": "month_days",
    "BYSETPOS": "positions",
}
_NUMBER_PARTS: Final = {"INTERVAL": "interval", "COUNT": "count"}


_UNTIL: Final = re.compile(r"\s*([0-9]{4})([0-9]{2})([0-9]{2})(?:T[0-9]{6}Z?)?\s*", re.ASCII)


def _until_date(text: str, value: str) -> dt.date:
    """The date of an RRULE's UNTIL, written as RFC 5545 says (``20171231``, ``…T235959Z``)."""
    found = _UNTIL.fullmatch(value)
    try:
        if found is None:
            raise ValueError("expected a date such as 20171231, or 20171231T235959Z")
        return dt.date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError as exc:
        reason = f"invalid 'UNTIL': {_short(value)}: {exc}"
        raise custom_error("invalid_rrule", value=text, reason=reason) from None


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_rrule(text: str) -> dict[str, Any]:
    """RRULE text as the fields of a :class:`~rrma_groups.model.series.Recurrence`; dateutil
    checks the text first."""
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[len("RRULE:") :]
    try:
        # ignoretz: UNTIL may be written in UTC (…T000000Z); only its date is kept.
        _rrule.rrulestr(body, dtstart=dt.datetime(2000, 1, 1), ignoretz=True)
    except Exception as exc:  # text from outside: whatever dateutil trips on (OverflowError...)
        raise custom_error("invalid_rrule", value=text, reason=str(exc)) from None
    data: dict[str, Any] = {}
    for part in filter(None, body.split(";")):
        name, _, value = part.partition("=")
        name = name.strip().upper()
        if name == "FREQ":
            if value.lower() not in FREQUENCIES:
                raise custom_error("unsupported_rrule_part", part=part)
            data["frequency"] = value.lower()
        elif name in _NUMBER_PARTS:
            data[_NUMBER_PARTS[name]] = int(value)
        elif name == "UNTIL":
            data["until"] = _until_date(text, value)
        elif name in _LIST_PARTS:
            data[_LIST_PARTS[name]] = [v.strip() for v in value.split(",")]
        elif name == "WKST":
            data["week_start"] = value
        else:
            raise custom_error("unsupported_rrule_part", part=part)
    return data
