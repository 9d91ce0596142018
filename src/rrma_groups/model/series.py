"""Series of meetings: a group's meetings that recur, expanded into dated meetings.

A :class:`Series` holds a recurrence rule (:class:`Recurrence`, python-dateutil's ``rrule``
written with readable keywords or as RFC 5545 RRULE text), the time of day, the dates skipped
(``exceptions``), the occurrences moved to another date (``moved``), extra dates (``added``),
and what every meeting of the series shares: title, venue, organiser, agenda template.

"The first Friday of every quarter, 14:00–17:30", four times from January 2017, except in
April, and in July on the Monday::

    >>> series = Series(
    ...     id="gpmar-trimestre",
    ...     title="Réunion trimestrielle du Groupe Pays Maroc",
    ...     recurrence=Recurrence(frequency="monthly", interval=3, weekdays=["1FR"], count=4),
    ...     first_date="2017-01-06",
    ...     start="14h00",
    ...     end="17h30",
    ...     exceptions=["2017-04-07"],
    ...     moved=[{"date": "2017-07-07", "to": "2017-07-10"}],
    ... )
    >>> for meeting in series.meetings():
    ...     print(meeting.id, meeting.date, meeting.start, meeting.previous_date)
    gpmar-trimestre-2017-01-06 2017-01-06 14:00:00 None
    gpmar-trimestre-2017-07-07 2017-07-10 14:00:00 2017-07-07
    gpmar-trimestre-2017-10-06 2017-10-06 14:00:00 None
    >>> series.recurrence.to_rrule_string()
    'FREQ=MONTHLY;INTERVAL=3;COUNT=4;BYDAY=1FR'

A meeting's id is the series id and the date the rule gave it, so that it keeps its id (and its
calendar UID) when it is moved.

Bounds. A series has at most 10,000 meetings, all dated from 1800 to 2200 like every meeting:
``count`` is at most 10,000 and must be reached by 31 December 2200, ``until`` may not allow
more than 10,000 dates, and a rule without an end is expanded to its first 10,000 dates (an
exception or an added date past them is refused). The rule's dates are expanded once, within
those bounds (:mod:`~rrma_groups.model.recurrence`), and each exception, moved or added date is
looked up in them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
import heapq
import itertools
import re
from collections.abc import Iterable, Iterator
from typing import Annotated, Any, Final, Literal, NamedTuple

from dateutil import rrule as _rrule
from pydantic import (
    AfterValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, InitErrorDetails, PydanticCustomError

from ..errors import RrmaError, TimeParseError
from ..i18n.catalog import N_
from ..messages import Msg
from ..problems import Problem, describe_message
from ..pydantic_bridge import custom_error
from .agenda import (  # submodules, not .model: model/groups.py may import us
    Agenda,
    time_range_shorthand,
)
from .base import Model
from .clock import seconds_of_day
from .meetings import (
    AttendanceMode,
    Contact,
    Meeting,
    MeetingAdmission,
    MeetingAttendanceMode,
    MeetingImage,
    MeetingStatus,
    MeetingTimezone,
    MeetingVenue,
    OnlineUrl,
    Organiser,
)
from .objectives import Objective
from .recurrence import (
    LAST_DAY,
    MAX_OCCURRENCES,
    WEEKDAY_CODES,
    RuleDates,
    expand,
    parse_rrule,
    rule_dates,
    stop_day,
)
from .text import LocalisedText
from .types import Id, MeetingDay, SingleLine, TimeOfDay

__all__ = [
    "Frequency",
    "MovedOccurrence",
    "Occurrence",
    "Recurrence",
    "Series",
    "SeriesError",
]

# TRANSLATORS: the {hint} of "{value} is not a date of the series' rule{hint}", or nothing.
_FIRST_DATE_AFTER: Final = N_("; its first date after it is {date}")

_MAX_ID: Final = 64 - len("-YYYY-MM-DD")


def _error(code: str, **ctx: Any) -> PydanticCustomError:
    """A pydantic error with one of the library's codes (the series codes are among them)."""
    return custom_error(code, **ctx)


class SeriesError(RrmaError, ValueError):
    """A series cannot be expanded as asked.

    ``code`` is stable; ``value`` and ``params`` fill the message template (``template``, a
    gettext message id). The message is English; :meth:`describe` gives it in another language,
    and :meth:`as_problem` as a :class:`~rrma_groups.Problem`.
    """

    code = "series_error"

    def __init__(self, code: str, *, value: object, **params: Any) -> None:
        self.value = value
        super().__init__(code, value=value, **params)

    def as_problem(self) -> Problem:
        """The error as a problem: its code, template and parameters (it has no location)."""
        return Problem(self.code, (), self.template, self.params, self.value)

    def describe(self, lang: str | None = None) -> str:
        """The message in ``lang`` (French, Arabic...), its values formatted for that locale.

        >>> series = Series(id="gpmar", title="GPMar", recurrence="FREQ=MONTHLY",
        ...                 first_date="2017-01-06", time="14h00 - 17h30")
        >>> try:
        ...     series.meetings()
        ... except SeriesError as error:
        ...     print(error.describe("fr").replace("\u202f", " "))
        la série « gpmar » n’a pas de fin (ni count, ni until) : indiquez until= ou limit=
        """
        return describe_message(self.template, self.params, lang)


# --------------------------------------------------------------------------------------------
# Recurrence
# --------------------------------------------------------------------------------------------


class Frequency(enum.StrEnum):
    """How often the rule repeats (RFC 5545 FREQ); meetings recur by the day at most.

    Its values are the expander's :data:`~rrma_groups.model.recurrence.FREQUENCIES`.
    """

    YEARLY = "yearly"
    MONTHLY = "monthly"
    WEEKLY = "weekly"
    DAILY = "daily"


_FREQUENCIES: Final[dict[Frequency, Literal[0, 1, 2, 3]]] = {
    Frequency.YEARLY: _rrule.YEARLY,
    Frequency.MONTHLY: _rrule.MONTHLY,
    Frequency.WEEKLY: _rrule.WEEKLY,
    Frequency.DAILY: _rrule.DAILY,
}
_WEEKDAY_RULE: Final = re.compile(r"([+-]?)(\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)")


def _check_weekday_rule(value: str) -> str:
    match = _WEEKDAY_RULE.fullmatch(value.strip().upper())
    if match is None:
        raise _error("invalid_weekday_rule", value=value)
    sign, number, code = match.groups()
    if number is None:
        if sign:
            raise _error("invalid_weekday_rule", value=value)
        return code
    position = int(number) * (-1 if sign == "-" else 1)
    if not 1 <= abs(position) <= 53:
        raise _error("invalid_weekday_rule", value=value)
    return f"{position}{code}"


def _check_weekday_code(value: str) -> str:
    code = value.strip().upper()
    if code not in WEEKDAY_CODES:
        raise _error("invalid_weekday_rule", value=value)
    return code


def _nonzero(limit: int) -> Any:
    def check(value: int) -> int:
        if value == 0 or abs(value) > limit:
            raise _error(
                "wrong_type",
                expected=Msg(
                    N_("a whole number from 1 to {limit}, or from -{limit} to -1"), {"limit": limit}
                ),
                got=str(value),
            )
        return value

    return AfterValidator(check)


WeekdayRule = Annotated[
    str,
    AfterValidator(_check_weekday_rule),
    Field(json_schema_extra={"examples": ["FR", "1FR", "-1MO"]}),
]
"""A weekday, maybe with its position in the month or year: ``FR``, ``1FR``, ``-1MO``."""
WeekdayCode = Annotated[str, AfterValidator(_check_weekday_code)]
Month = Annotated[int, Field(ge=1, le=12)]
MonthDay = Annotated[int, _nonzero(31)]
SetPosition = Annotated[int, _nonzero(366)]


class Recurrence(Model):
    """A recurrence rule with RFC 5545's parts, each named in words.

    In a file it may also be written as RRULE text: ``"FREQ=MONTHLY;INTERVAL=3;BYDAY=1FR"``.

    >>> rule = Recurrence.from_rrule_string("FREQ=YEARLY;BYMONTH=3,10;BYDAY=-1SA;COUNT=3")
    >>> rule.months, rule.weekdays
    ((3, 10), ('-1SA',))
    >>> rule.dates(dt.date(2017, 3, 25))
    [datetime.date(2017, 3, 25), datetime.date(2017, 10, 28), datetime.date(2018, 3, 31)]
    """

    frequency: Frequency = Field(
        description=N_("How often it repeats (FREQ): yearly, monthly, weekly or daily.")
    )
    interval: int = Field(
        default=1,
        ge=1,
        le=1000,
        description=N_("Every n-th period (INTERVAL)."),
    )
    weekdays: tuple[WeekdayRule, ...] = Field(
        default=(),
        description=N_("BYDAY: FR, or 1FR for the first Friday, -1MO the last Monday."),
    )
    months: tuple[Month, ...] = Field(default=(), description=N_("BYMONTH: 1 to 12."))
    month_days: tuple[MonthDay, ...] = Field(
        default=(),
        description=N_("BYMONTHDAY: 1 to 31, -1 for the last."),
    )
    positions: tuple[SetPosition, ...] = Field(
        default=(),
        description=N_("BYSETPOS: which of the dates of each period (1, -1...)."),
    )
    count: int | None = Field(
        default=None,
        ge=1,
        le=MAX_OCCURRENCES,
        description=N_("Number of occurrences (COUNT)."),
    )
    until: MeetingDay | None = Field(
        default=None,
        description=N_("The last date the rule may give (UNTIL)."),
    )
    week_start: WeekdayCode = Field(
        default="MO",
        description=N_("The first day of a week (WKST)."),
    )

    @model_validator(mode="before")
    @classmethod
    def _rrule_text(cls, data: Any) -> Any:
        if isinstance(data, str):
            return parse_rrule(data)
        return data

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler, /
    ) -> JsonSchemaValue:
        # A file may write the rule as RRULE text, which the validator above reads: the schema
        # offers that form beside the table. dateutil checks the text; no pattern is attempted.
        model = handler.resolve_ref_schema(handler(core_schema))
        rrule_text = {
            "type": "string",
            "minLength": 1,
            "description": N_("The rule as RFC 5545 RRULE text."),
            "examples": ["FREQ=MONTHLY;INTERVAL=3;BYDAY=1FR", "FREQ=YEARLY;BYMONTH=3,10"],
        }
        full = {k: v for k, v in model.items() if k not in ("title", "description")}
        return {
            "title": model["title"],
            "description": model["description"],
            "anyOf": [rrule_text, full],
        }

    @model_validator(mode="after")
    def _consistent(self) -> Recurrence:
        if self.count is not None and self.until is not None:
            raise _error("count_and_until")
        if self.frequency not in (Frequency.MONTHLY, Frequency.YEARLY):
            for rule in self.weekdays:
                if rule[:-2]:
                    raise _error(
                        "positioned_weekday_frequency", value=rule, frequency=self.frequency.value
                    )
        return self

    @classmethod
    def from_rrule_string(cls, text: str) -> Recurrence:
        """Read RFC 5545 RRULE text (with or without ``RRULE:``), checked by dateutil."""
        return cls.model_validate(text)

    def to_rrule_string(self) -> str:
        """The rule as RFC 5545 RRULE text (UNTIL as a date), for iCalendar."""
        parts = [f"FREQ={self.frequency.value.upper()}"]
        if self.interval != 1:
            parts.append(f"INTERVAL={self.interval}")
        if self.count is not None:
            parts.append(f"COUNT={self.count}")
        if self.until is not None:
            parts.append(f"UNTIL={self.until:%Y%m%d}")
        for name, values in (
            ("BYMONTH", self.months),
            ("BYMONTHDAY", self.month_days),
            ("BYDAY", self.weekdays),
            ("BYSETPOS", self.positions),
        ):
            if values:
                parts.append(f"{name}={','.join(str(v) for v in values)}")
        if self.week_start != "MO":
            parts.append(f"WKST={self.week_start}")
        return ";".join(parts)

    def rrule(self, start: dt.date) -> _rrule.rrule:
        """dateutil's rule, starting on ``start`` (RFC 5545 DTSTART)."""
        return _rrule.rrule(
            _FREQUENCIES[self.frequency],
            dtstart=dt.datetime.combine(start, dt.time()),
            interval=self.interval,
            wkst=WEEKDAY_CODES.index(self.week_start),
            count=self.count,
            until=dt.datetime.combine(self.until, dt.time()) if self.until else None,
            bysetpos=self.positions or None,
            bymonth=self.months or None,
            bymonthday=self.month_days or None,
            byweekday=[_weekday(rule) for rule in self.weekdays] or None,
            cache=False,
        )

    def dates(self, start: dt.date, limit: int | None = None) -> list[dt.date]:
        """The dates the rule gives from ``start``; ``limit`` is needed when it never ends.

        They are those of :meth:`rrule`, up to 31 December 2200 (``types.YEAR_MAX``), the last
        day a meeting can have.
        """
        if limit is None and self.count is None and self.until is None:
            raise SeriesError("unbounded_series", value=self.to_rrule_string())
        return list(itertools.islice(expand(self, start, stop_day(self)), limit))

    def includes(self, day: dt.date, start: dt.date) -> bool:
        """Whether the rule, from ``start``, gives ``day`` among its first 10,000 dates.

        >>> rule = Recurrence.from_rrule_string("FREQ=MONTHLY;BYDAY=1FR")
        >>> rule.includes(dt.date(2030, 3, 1), dt.date(2017, 1, 6))
        True
        """
        return day in rule_dates(self, start)


def _weekday(rule: str) -> _rrule.weekday:
    day = getattr(_rrule, rule[-2:])
    assert isinstance(day, _rrule.weekday)
    return day(int(rule[:-2])) if rule[:-2] else day


# --------------------------------------------------------------------------------------------
# Series
# --------------------------------------------------------------------------------------------


class MovedOccurrence(Model):
    """One occurrence held on another date (and maybe at other times)."""

    date: MeetingDay = Field(description=N_("The date the rule gives."))
    to: MeetingDay = Field(description=N_("The date it takes place instead."))
    start: TimeOfDay | None = Field(
        default=None,
        description=N_("Its start, if not the usual."),
    )
    end: TimeOfDay | None = Field(
        default=None,
        description=N_("Its end, if not the usual."),
    )


class Occurrence(NamedTuple):
    """One meeting of a series: when it takes place, and the date the rule gave it."""

    date: dt.date
    scheduled: dt.date
    status: Literal["scheduled", "moved", "added", "cancelled"]


def _check_id_length(value: str) -> str:
    if len(value) > _MAX_ID:
        raise _error("series_id_too_long", value=value, length=len(value), max_length=_MAX_ID)
    return value


class Series(Model):
    """Meetings of a group that recur by a rule, with exceptions and moved occurrences.

    In a file, ``time = "14h00 - 17h30"`` may stand for ``start`` and ``end``, and
    ``recurrence`` may be RRULE text.
    """

    model_config = ConfigDict(
        json_schema_extra=lambda schema: time_range_shorthand(schema, ("start", "end"))
    )

    id: Annotated[Id, AfterValidator(_check_id_length)] = Field(
        description=N_("Prefix of the meetings' ids: {id}-YYYY-MM-DD.")
    )
    title: Annotated[LocalisedText, SingleLine()] = Field(description=N_("Title of the meetings."))
    recurrence: Recurrence = Field(
        description=N_("The recurrence rule, as fields or as RRULE text.")
    )
    first_date: MeetingDay = Field(description=N_("The first occurrence (RFC 5545 DTSTART)."))
    start: TimeOfDay = Field(description=N_("Start time of each meeting."))
    end: TimeOfDay = Field(description=N_("End time of each meeting."))
    timezone: MeetingTimezone = "Europe/Paris"
    exceptions: tuple[MeetingDay, ...] = Field(
        default=(), description=N_("Dates skipped (EXDATE).")
    )
    moved: tuple[MovedOccurrence, ...] = Field(
        default=(),
        description=N_("Occurrences held on another date."),
    )
    added: tuple[MeetingDay, ...] = Field(
        default=(),
        description=N_("Dates added to the rule's (RDATE)."),
    )
    # What every meeting of the series has:
    description: LocalisedText | None = Field(
        default=None,
        description=N_("What the meetings are about."),
    )
    venue: MeetingVenue = None
    organiser: Organiser = None
    contact: Contact = None
    objectives: tuple[Objective, ...] = Field(
        default=(), description=N_("The meetings' objectives.")
    )
    attendance_mode: MeetingAttendanceMode = AttendanceMode.IN_PERSON
    online_url: OnlineUrl = None
    image: MeetingImage = None
    admission: MeetingAdmission = None
    agenda: Agenda = Field(
        default=Agenda(()),
        description=N_("The programme of each meeting, on one day."),
    )

    @model_validator(mode="before")
    @classmethod
    def _time_shorthand(cls, data: Any) -> Any:
        if isinstance(data, dict) and "time" in data:
            data = dict(data)
            if "start" in data or "end" in data:
                raise custom_error("time_range_and_times")
            from ..parsing.times import parse_time_range

            text = str(data.pop("time"))
            try:
                data["start"], data["end"] = parse_time_range(text)
            except RrmaError as exc:
                reason = exc.reason_msg if isinstance(exc, TimeParseError) else str(exc)
                raise custom_error("invalid_time_range", value=text, reason=reason) from None
        return data

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, end: dt.time, info: Any) -> dt.time:
        start = info.data.get("start")
        if start is not None and end <= start:
            raise custom_error("end_before_start", start=start, end=end)
        return end

    @field_validator("agenda")
    @classmethod
    def _one_day_template(cls, agenda: Agenda) -> Agenda:
        for index, item in enumerate(agenda):
            if item.day is not None:
                raise _error("template_item_has_day", index=index, value=item.day)
        return agenda

    # The dates are checked field by field, so that an error is located: first_date, then the
    # exceptions, the moved occurrences and the added dates, each knowing the fields before it.
    # The rule's dates are expanded once (at most 10,000) and each date is looked up in them.

    @field_validator("first_date")
    @classmethod
    def _first_date_of_the_rule(cls, first: dt.date, info: Any) -> dt.date:
        recurrence = info.data.get("recurrence")
        if recurrence is not None:
            found = rule_dates(recurrence, first)
            if first not in found:
                following = found.after(first)
                hint: Msg | str = ""
                if following:
                    hint = Msg(_FIRST_DATE_AFTER, {"date": following})
                raise _error("not_an_occurrence", value=first, hint=hint)
        return first

    @field_validator("exceptions")
    @classmethod
    def _exceptions_of_the_rule(cls, dates: tuple[dt.date, ...], info: Any) -> tuple[dt.date, ...]:
        _check_occurrences(dates, _rule_of(info.data), "exceptions")
        return dates

    @field_validator("moved")
    @classmethod
    def _moved_occurrences(
        cls, moved: tuple[MovedOccurrence, ...], info: Any
    ) -> tuple[MovedOccurrence, ...]:
        rule = _rule_of(info.data)
        _check_occurrences([m.date for m in moved], rule, "moved")
        cancelled = set(info.data.get("exceptions", ()))
        moved_away = {m.date for m in moved}
        for occurrence in moved:
            if occurrence.date in cancelled:
                raise _error("cancelled_and_moved", value=occurrence.date)
            free = occurrence.to in moved_away | cancelled
            if rule is not None and not free and _in_rule(rule, occurrence.to):
                raise _error("moved_onto_occurrence", value=occurrence.to, date=occurrence.date)
        return moved

    @field_validator("added")
    @classmethod
    def _added_dates(cls, added: tuple[dt.date, ...], info: Any) -> tuple[dt.date, ...]:
        rule = _rule_of(info.data)
        targets = {m.to: m.date for m in info.data.get("moved", ())}
        seen: set[dt.date] = set()
        for day in added:
            if day in seen:
                raise _error("occurrence_twice", value=day, field="added")
            seen.add(day)
            if rule is not None and _in_rule(rule, day):
                raise _error("added_occurrence", value=day)
            if day in targets:
                raise _error("moved_onto_occurrence", value=day, date=targets[day])
        return added

    @model_validator(mode="after")
    def _bounded(self) -> Series:
        """UNTIL, like COUNT, allows 10,000 meetings at most, all by the last day a meeting can
        have: the error is the rule's (recurrence.until, recurrence.count)."""
        recurrence = self.recurrence
        found = rule_dates(recurrence, self.first_date)
        if recurrence.until is not None and found.more:
            raise _located(
                ("recurrence", "until"),
                "too_many_occurrences",
                value=recurrence.until,
                first=self.first_date,
                max=MAX_OCCURRENCES,
            )
        if recurrence.count is not None and len(found.dates) < recurrence.count:
            raise _located(
                ("recurrence", "count"),
                "count_beyond_range",
                value=recurrence.count,
                found=len(found.dates),
                last=LAST_DAY,
            )
        return self

    # --- the rule ----------------------------------------------------------------------------

    def rule(self) -> _rrule.rrule:
        """dateutil's rule of the series, from its first date (expanding it is :meth:`dates`)."""
        return self.recurrence.rrule(self.first_date)

    def dates(self) -> tuple[dt.date, ...]:
        """The dates the rule gives, from the first one: all of them for a rule with an end,
        the first 10,000 (up to 31 December 2200) for one without."""
        return rule_dates(self.recurrence, self.first_date).dates

    @property
    def exdates(self) -> tuple[dt.date, ...]:
        """The rule's dates that do not take place there (exceptions and moved), for EXDATE."""
        return tuple(sorted({*self.exceptions, *(m.date for m in self.moved)}))

    @property
    def rdates(self) -> tuple[dt.date, ...]:
        """The dates outside the rule (moved to and added), for RDATE."""
        return tuple(sorted({*self.added, *(m.to for m in self.moved)}))

    def meeting_id(self, scheduled: dt.date) -> str:
        """The id of the meeting the rule gives on ``scheduled`` (it keeps it when moved)."""
        return f"{self.id}-{scheduled:%Y-%m-%d}"

    # --- expanding -----------------------------------------------------------------------------

    def occurrences(
        self,
        *,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        limit: int | None = None,
        include_cancelled: bool = False,
    ) -> list[Occurrence]:
        """The occurrences taking place from ``since`` to ``until`` (both included), in order.

        ``limit`` keeps the first ones; a rule without an end needs ``until`` or ``limit``.
        Cancelled occurrences (exceptions) are listed only with ``include_cancelled``.
        """
        low = _day(since)
        high = _day(until)
        recurrence = self.recurrence
        if high is None and limit is None and recurrence.count is None and not recurrence.until:
            raise SeriesError("unbounded_series", value=self.id)
        cancelled = set(self.exceptions)
        added = set(self.added)
        moved = {m.date: m.to for m in self.moved}
        kept: list[Occurrence] = []
        for scheduled in self._regular(low):
            if high is not None and scheduled > high:
                break
            if limit is not None and len(kept) >= limit:
                break
            if scheduled in moved:
                continue
            if scheduled in cancelled:
                if include_cancelled:
                    kept.append(Occurrence(scheduled, scheduled, "cancelled"))
                continue
            status: Literal["scheduled", "added"] = "added" if scheduled in added else "scheduled"
            kept.append(Occurrence(scheduled, scheduled, status))
        for original, new in moved.items():
            if (low is None or new >= low) and (high is None or new <= high):
                kept.append(Occurrence(new, original, "moved"))
        kept.sort()
        return kept[:limit] if limit is not None else kept

    def _regular(self, since: dt.date | None) -> Iterator[dt.date]:
        """The rule's dates and the added dates from ``since``, in order."""
        dates = self.dates()
        first = 0 if since is None else bisect.bisect_left(dates, since)
        extra = sorted(day for day in self.added if since is None or day >= since)
        return heapq.merge(itertools.islice(dates, first, None), extra)

    def meetings(
        self,
        *,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        limit: int | None = None,
        include_cancelled: bool = False,
    ) -> list[Meeting]:
        """The meetings of the series (see :meth:`occurrences`), each with the template."""
        found = self.occurrences(
            since=since, until=until, limit=limit, include_cancelled=include_cancelled
        )
        return [self._meeting(occurrence) for occurrence in found]

    def meeting_on(self, day: dt.date | str) -> Meeting:
        """The meeting taking place on ``day`` (or scheduled on it by the rule, if moved)."""
        wanted = _day(day)
        assert wanted is not None
        other = next((m.to for m in self.moved if m.date == wanted), wanted)
        window = sorted((wanted, other))
        found = self.occurrences(since=window[0], until=window[1], include_cancelled=True)
        for occurrence in found:
            if wanted in (occurrence.date, occurrence.scheduled):
                return self._meeting(occurrence)
        raise SeriesError("no_such_occurrence", value=self.id, date=wanted)

    def _meeting(self, occurrence: Occurrence) -> Meeting:
        moved = next((m for m in self.moved if m.date == occurrence.scheduled), None)
        start = moved.start if moved is not None and moved.start is not None else self.start
        end = moved.end if moved is not None and moved.end is not None else self.end
        if moved is not None and moved.start is not None and moved.end is None:
            end = _plus(end, seconds_of_day(start) - seconds_of_day(self.start))
        agenda = self.agenda
        delta = seconds_of_day(start) - seconds_of_day(self.start)
        if delta:
            agenda = Agenda(
                tuple(
                    item.model_copy(
                        update={
                            "start": _plus(item.start, delta),
                            "end": _plus(item.end, delta) if item.end is not None else None,
                        }
                    )
                    for item in agenda
                )
            )
        return Meeting.model_validate(
            {
                "id": self.meeting_id(occurrence.scheduled),
                "title": self.title,
                "date": occurrence.date,
                "start": start,
                "end": end,
                "timezone": self.timezone,
                "venue": self.venue,
                "organiser": self.organiser,
                "contact": self.contact,
                "description": self.description,
                "objectives": self.objectives,
                "attendance_mode": self.attendance_mode,
                "online_url": self.online_url,
                "image": self.image,
                "admission": self.admission,
                "status": (
                    MeetingStatus.CANCELLED
                    if occurrence.status == "cancelled"
                    else MeetingStatus.SCHEDULED
                ),
                "previous_date": occurrence.scheduled if occurrence.status == "moved" else None,
                "agenda": agenda,
            }
        )


def _located(loc: tuple[str, ...], code: str, value: Any, **ctx: Any) -> ValidationError:
    """An error at ``loc`` in the series, raised by a validator of the whole series.

    pydantic-core passes a ValidationError raised in a validator on with its locations, under
    the series' own location.
    """
    error = custom_error(code, value=value, **ctx)
    return ValidationError.from_exception_data(
        "Series", [InitErrorDetails(type=error, loc=loc, input=value)]
    )


def _in_rule(rule: RuleDates, day: dt.date) -> bool:
    """Whether the rule gives ``day``; a day past the 10,000 dates of an endless rule is refused."""
    if not rule.known(day):
        raise _error("too_many_occurrences", value=day, first=rule.dates[0], max=MAX_OCCURRENCES)
    return day in rule


def _rule_of(data: dict[str, Any]) -> RuleDates | None:
    """The dates of a series being validated; None when its recurrence or first date was
    refused, or when its UNTIL allows too many dates (which the series' check refuses)."""
    recurrence, first = data.get("recurrence"), data.get("first_date")
    if recurrence is None or first is None:
        return None
    found = rule_dates(recurrence, first)
    if found.more and recurrence.until is not None:
        return None
    return found


def _check_occurrences(dates: Iterable[dt.date], rule: RuleDates | None, field: str) -> None:
    seen: set[dt.date] = set()
    for day in dates:
        if day in seen:
            raise _error("occurrence_twice", value=day, field=field)
        seen.add(day)
        if rule is not None and not _in_rule(rule, day):
            raise _error("not_an_occurrence", value=day, hint="")


def _day(value: dt.date | str | None) -> dt.date | None:
    if isinstance(value, str):
        from ..parsing.times import parse_date

        return parse_date(value)
    return value


def _plus(t: dt.time, seconds: int) -> dt.time:
    moment = dt.datetime.combine(dt.date(2000, 1, 1), t) + dt.timedelta(seconds=seconds)
    if moment.date() != dt.date(2000, 1, 1) or moment.time() == dt.time():
        raise SeriesError("moved_outside_day", value=f"{t:%H:%M}", minutes=seconds // 60)
    return moment.time()
