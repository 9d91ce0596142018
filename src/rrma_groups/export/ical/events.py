"""One event of a calendar, read: its texts, its times in an IANA timezone, its relations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
from pydantic import ValidationError

from ...i18n.catalog import N_, translator
from ...i18n.locales import normalize_locale
from ...messages import MESSAGES, Msg
from ...model import (
    ActorFacilitator,
    ItemKind,
    LocalisedText,
    MeetingStatus,
    PersonFacilitator,
    RoleFacilitator,
)
from ...model.types import (
    MAX_LINE_LENGTH,
    MAX_TEXT_LENGTH,
    YEAR_MAX,
    YEAR_MIN,
    is_blank,
    local_time_issue,
)
from ...problems import Problem, Severity
from ...pydantic_bridge import problems_from_pydantic
from .errors import IcalError, shorten
from .properties import (
    as_written,
    clean_line,
    clean_text,
    facilitators_of,
    in_range,
    kind_of,
    localised,
    param_language,
    parent_of,
    room_of,
    show_moment,
    values_of,
    web_address,
)
from .scanner import parse_calendar
from .text import unescape
from .timezones import iana_name, is_iana
from .uids import OUR_UID

_UNTITLED = N_("Untitled event")
"""The title of an event without SUMMARY, in the language asked for."""

__all__ = ["Event", "EventReader"]

# TRANSLATORS: why a date written in a calendar is ignored.
_OUT_OF_RANGE = N_("{value} is out of range")
# TRANSLATORS: why a date written in a calendar is ignored.
_NOT_A_DATE = N_("{value!r} is not a date")


@dataclass(slots=True)
class Event:
    """One VEVENT, read: what a meeting or an item is built from."""

    index: int
    uid: str
    line: int
    title: LocalisedText
    start: dt.date
    """An aware datetime, or a date for an all-day event."""
    end: dt.date | None
    zone: str
    location: str | None
    location_lang: str | None
    description: LocalisedText | None
    ours: bool
    status: MeetingStatus
    previous_date: dt.date | None
    parent: str | None
    kind: ItemKind
    facilitators: list[PersonFacilitator | ActorFacilitator | RoleFacilitator]
    room: tuple[str, str] | None
    conference: str | None
    url: str | None
    component: icalendar.Component
    repeats: str | None
    """The RRULE as written (``RDATE`` when there are only added dates), for a repeating event."""
    own_zone: str | None = None
    """The TZID of DTSTART when only the calendar's own VTIMEZONE defines it: ``start`` and
    ``end`` were converted from it to ``zone``."""


_LONGEST = dt.date(YEAR_MAX, 12, 31) - dt.date(YEAR_MIN, 1, 1)
"""No event lasts longer than the years a meeting can have."""


class EventReader:
    """The events of a calendar, each read on its own (:class:`Event`), with the warnings
    about them; :mod:`.reader` makes meetings and series of them."""

    def __init__(
        self, data: bytes | str, timezone: str | None, source: str | None, lang: str | None
    ) -> None:
        self.source = source
        self.lang = normalize_locale(lang or "fr")
        """The language of the words the reader adds: the title of an untitled event."""
        self.calendar, self.lines = parse_calendar(data, source)
        self.warnings: list[Problem] = []
        self.local_warned: set[tuple[int, str]] = set()
        """The properties already warned about as times the clocks skip or repeat."""
        self.repeated_warned: set[tuple[int, str]] = set()
        """The properties already warned about as given more than once."""
        self.own_zones: dict[str, dt.tzinfo] | None = None
        self.overrides: dict[str, list[tuple[int, icalendar.Component]]] = {}
        """Events that change one occurrence of a repeating event (RECURRENCE-ID), by UID."""
        if timezone is not None and not is_iana(timezone):
            raise IcalError("ical_invalid_timezone", source=source, value=timezone)
        default = timezone
        if default is None:
            declared = self.calendar.get("X-WR-TIMEZONE")
            if declared is not None and is_iana(str(declared)):
                default = str(declared)
        self.default_zone = default or "UTC"

    # --- reporting --------------------------------------------------------------------

    def warn(self, code: str, index: int, prop: str | None = None, **params: Any) -> None:
        loc: tuple[str | int, ...] = ("events", index) + ((prop,) if prop else ())
        line = self.line_of(index, prop)
        params = {"line": line, **params}
        self.warnings.append(
            Problem(code, loc, MESSAGES[code], params, params.get("uid"), Severity.WARNING)
        )

    def error(self, code: str, index: int, prop: str | None = None, **params: Any) -> IcalError:
        return IcalError(code, line=self.line_of(index, prop), source=self.source, **params)

    def out_of_range(self, index: int, uid: str, name: str, value: Any) -> IcalError:
        """A date or a duration that takes an event out of the years a meeting can have."""
        written = shorten(as_written(value))
        return self.error(
            "ical_out_of_range",
            index,
            name,
            uid=uid,
            name=name,
            value=written,
            min=YEAR_MIN,
            max=YEAR_MAX,
        )

    def line_of(self, index: int, prop: str | None = None) -> int | None:
        if index >= len(self.lines):  # pragma: no cover - same walk as scan
            return None
        lines = self.lines[index]
        if prop is not None and prop in lines.properties:
            return lines.properties[prop]
        return lines.begin

    # --- one event --------------------------------------------------------------------

    def event(self, index: int, component: icalendar.Component) -> Event | None:
        uid_value = component.get("UID")
        if uid_value is None or not str(uid_value).strip():
            uid = f"event-{index + 1}"
            self.warn("ical_no_uid", index, uid=uid)
        else:
            uid = str(uid_value).strip()
        self.check_broken(index, uid, component)
        if component.get("RECURRENCE-ID") is not None:
            self.overrides.setdefault(uid, []).append((index, component))
            return None  # read with its series, if it has one (see reader.py)
        summary = self.single(index, uid, component, "SUMMARY")
        if summary is None or is_blank(clean_line(str(summary))):
            # SUMMARY is optional (RFC 5545, 3.6.1), and Google writes untitled events so.
            untitled = translator(self.lang).gettext(_UNTITLED)
            title = LocalisedText({self.lang: untitled})
            self.warn("ical_untitled", index, uid=uid, title=untitled)
        else:
            text = self.text(index, uid, "SUMMARY", summary, MAX_LINE_LENGTH)
            title = localised(text, summary)
        if component.get("DTSTART") is None:
            raise self.error("ical_missing_start", index, uid=uid)
        start, end, zone = self.times(index, uid, component)
        repeats = None
        if component.get("RRULE") is not None or component.get("RDATE") is not None:
            rule = component.get("RRULE")
            repeats = "RDATE" if rule is None else "; ".join(as_written(r) for r in values_of(rule))
        ours = OUR_UID.fullmatch(uid) is not None
        location = self.single(index, uid, component, "LOCATION")
        where = None
        if location is not None:
            where = self.text(index, uid, "LOCATION", location, MAX_LINE_LENGTH)
        description = self.single(index, uid, component, "DESCRIPTION")
        notes = None
        if description is not None and not ours:
            text = self.text(
                index, uid, "DESCRIPTION", description, MAX_TEXT_LENGTH, multiline=True
            )
            notes = None if is_blank(text) else localised(text, description)
        try:
            facilitators = facilitators_of(component, param_language(summary))
        except ValidationError as exc:  # a name the model refuses (a lone surrogate...)
            first = problems_from_pydantic(exc)[0]
            raise self.error(
                "ical_invalid_event",
                index,
                uid=uid,
                where="X-RRMA-FACILITATOR",
                reason=Msg(first.template, first.params),
            ) from None
        return Event(
            index=index,
            uid=uid,
            line=self.line_of(index) or 0,
            title=title,
            start=start,
            end=end,
            zone=zone,
            location=None if where is None or is_blank(where) else where,
            location_lang=param_language(location),
            description=notes,
            ours=ours,
            status=self.status(component),
            previous_date=self.previous_date(index, uid, component),
            parent=parent_of(component),
            kind=kind_of(component),
            facilitators=facilitators,
            room=room_of(component),
            conference=web_address(component.get("CONFERENCE")),
            url=web_address(component.get("URL")),
            component=component,
            repeats=repeats,
            own_zone=self.own_tzid(component),
        )

    def single(self, index: int, uid: str, component: icalendar.Component, name: str) -> Any:
        """A property that RFC 5545 allows once: the first, with a warning if there are more
        (once per event and property)."""
        value = component.get(name)
        if isinstance(value, list):
            if (index, name) not in self.repeated_warned:
                self.repeated_warned.add((index, name))
                count = len(value)
                self.warn("ical_repeated_property", index, name, uid=uid, name=name, count=count)
            return value[0]
        return value

    def own_tzid(self, component: icalendar.Component) -> str | None:
        """The TZID of DTSTART, when only this calendar's VTIMEZONE defines it."""
        start = component.get("DTSTART")
        if isinstance(start, list):
            start = start[0]
        tzid = getattr(start, "params", {}).get("TZID")
        if tzid is None or iana_name(str(tzid)) is not None or self.own_zone(str(tzid)) is None:
            return None
        return str(tzid)

    def check_broken(self, index: int, uid: str, component: icalendar.Component) -> None:
        needed = {"DTSTART", "DTEND", "DURATION", "SUMMARY", "UID", "RELATED-TO"}
        for name, reason in component.errors:
            # A line icalendar could not even name is as broken as a needed property.
            if name is None or name.upper() in needed:
                shown: Msg | str = Msg(N_("a line")) if name is None else name.upper()
                where = None if name is None else name.upper()
                raise self.error(
                    "ical_broken_property",
                    index,
                    where,
                    uid=uid,
                    name=shown,
                    reason=shorten(reason, 80),
                )
            self.warn(
                "ical_ignored_property",
                index,
                name.upper(),
                uid=uid,
                name=name.upper(),
                reason=shorten(reason, 80),
            )

    def text(
        self,
        index: int,
        uid: str,
        name: str,
        value: Any,
        limit: int,
        *,
        multiline: bool = False,
    ) -> str:
        text = clean_text(str(value)) if multiline else clean_line(str(value))
        if len(text) > limit:
            self.warn(
                "ical_text_truncated",
                index,
                name,
                uid=uid,
                name=name,
                length=len(text),
                max_length=limit,
            )
            text = text[:limit]
        return text

    def status(self, component: icalendar.Component) -> MeetingStatus:
        declared = component.get("X-RRMA-STATUS")
        if declared is not None:
            try:
                return MeetingStatus(unescape(declared).strip().lower())
            except ValueError:
                pass
        if str(component.get("STATUS", "")).upper() == "CANCELLED":
            return MeetingStatus.CANCELLED
        return MeetingStatus.SCHEDULED

    def previous_date(self, index: int, uid: str, component: icalendar.Component) -> dt.date | None:
        value: Any = component.get("X-RRMA-PREVIOUS-DATE")
        if value is None:
            return None
        try:
            written = value.dt
        except Exception:  # icalendar's BrokenCalendarProperty: check_broken already warned
            return None
        day: dt.date | None
        if isinstance(written, dt.date):  # read as a date (VALUE=DATE)
            day = written.date() if isinstance(written, dt.datetime) else written
            reason = Msg(_OUT_OF_RANGE, {"value": day})
        else:
            raw = unescape(value).strip()
            reason = Msg(_NOT_A_DATE, {"value": shorten(raw)})
            try:
                day = dt.datetime.strptime(raw[:8], "%Y%m%d").date()
            except ValueError:
                day = None
            else:
                reason = Msg(_OUT_OF_RANGE, {"value": day})
        if day is not None and in_range(day):
            return day
        name = "X-RRMA-PREVIOUS-DATE"
        self.warn("ical_ignored_property", index, name, uid=uid, name=name, reason=reason)
        return None

    # --- times ------------------------------------------------------------------------

    def times(
        self, index: int, uid: str, component: icalendar.Component
    ) -> tuple[dt.date, dt.date | None, str]:
        start, zone = self.moment(index, uid, component, "DTSTART", None)
        end: dt.date | None = None
        if component.get("DTEND") is not None:
            end, _ = self.moment(index, uid, component, "DTEND", zone)
        elif component.get("DURATION") is not None:
            duration: Any = self.single(index, uid, component, "DURATION")
            length = duration.dt
            if not isinstance(length, dt.timedelta):  # pragma: no cover - icalendar's type
                raise self.error(
                    "ical_broken_property", index, "DURATION", uid=uid, name="DURATION", reason="?"
                )
            if abs(length) > _LONGEST:  # it would end out of range, maybe past the year 9999
                raise self.out_of_range(index, uid, "DURATION", duration)
            if isinstance(start, dt.datetime):
                wall = start + dt.timedelta(days=length.days)  # days are nominal, hours exact
                exact = dt.timedelta(seconds=length.seconds, microseconds=length.microseconds)
                end = (wall.astimezone(dt.UTC) + exact).astimezone(start.tzinfo)
            else:
                end = start + dt.timedelta(days=length.days)
            if end.year > YEAR_MAX:
                raise self.out_of_range(index, uid, "DURATION", duration)
        if end is not None:
            if isinstance(start, dt.datetime) != isinstance(end, dt.datetime):
                raise self.error(
                    "ical_broken_property",
                    index,
                    "DTEND",
                    uid=uid,
                    name="DTEND",
                    reason=Msg(N_("DTSTART and DTEND must both be dates or both be date-times")),
                )
            if end < start:
                raise self.error(
                    "ical_end_before_start",
                    index,
                    "DTEND",
                    uid=uid,
                    start=show_moment(start),
                    end=show_moment(end),
                )
        return start, end, zone

    def moment(
        self,
        index: int,
        uid: str,
        component: icalendar.Component,
        name: str,
        zone: str | None,
    ) -> tuple[dt.date, str]:
        """A DTSTART or DTEND as an aware datetime in an IANA zone (or a date), and the zone.

        ``zone`` is the zone to convert to (DTEND follows DTSTART), ``None`` to choose it.
        """
        prop: Any = self.single(index, uid, component, name)
        try:
            value = prop.dt
        except Exception as exc:  # a broken value: icalendar raises its own kinds
            raise self.error(
                "ical_broken_property",
                index,
                name,
                uid=uid,
                name=name,
                reason=shorten(str(exc), 80),
            ) from None
        if isinstance(value, dt.date) and not in_range(value):
            raise self.out_of_range(index, uid, name, prop)  # converting it may overflow, too
        if isinstance(value, dt.datetime):
            pass
        elif isinstance(value, dt.date):
            return value, zone or self.default_zone
        else:
            raise self.error(
                "ical_broken_property",
                index,
                name,
                uid=uid,
                name=name,
                reason=Msg(N_("expected a date or a date-time")),
            )
        wall = value.replace(tzinfo=None)
        tzid = prop.params.get("TZID")
        aware: dt.datetime
        written_in = None  # the IANA zone of a wall time as written
        if tzid is not None:
            iana = iana_name(str(tzid))
            if iana is not None:
                aware = wall.replace(tzinfo=ZoneInfo(iana))
                chosen = written_in = zone or iana
            else:
                chosen = zone or self.default_zone
                own = self.own_zone(str(tzid))
                aware = wall.replace(tzinfo=own or ZoneInfo(chosen))
                if name == "DTSTART":
                    self.warn(
                        "ical_unknown_timezone" if own else "ical_undefined_timezone",
                        index,
                        name,
                        uid=uid,
                        tzid=str(tzid),
                        timezone=chosen,
                    )
        elif value.tzinfo is not None:  # UTC (Z)
            aware = value.astimezone(dt.UTC)
            chosen = zone or self.default_zone
        else:
            chosen = written_in = zone or self.default_zone
            aware = wall.replace(tzinfo=ZoneInfo(chosen))
            if name == "DTSTART":
                self.warn("ical_floating_time", index, name, uid=uid, timezone=chosen)
        if written_in is not None:
            self.local_time(index, uid, name, wall, ZoneInfo(written_in))
        return aware.astimezone(ZoneInfo(chosen)), chosen

    def local_time(
        self, index: int, uid: str, name: str, wall: dt.datetime, zone: ZoneInfo
    ) -> None:
        """Warn, once per property, about a wall time that ``zone``'s clocks skip or repeat:
        it is read as RFC 5545 says, the first of two, and a skipped one with the offset before
        the change."""
        if (index, name) in self.local_warned:
            return
        issue = local_time_issue(wall.date(), wall.time(), zone)
        if issue is not None:
            self.local_warned.add((index, name))
            params = {"line": self.line_of(index, name), "uid": uid, **issue.params}
            loc = ("events", index, name)
            value = issue.params["value"]
            template = MESSAGES[issue.code]
            self.warnings.append(
                Problem(issue.code, loc, template, params, value, Severity.WARNING)
            )

    def own_zone(self, tzid: str) -> dt.tzinfo | None:
        """The timezone a VTIMEZONE of this calendar defines (not icalendar's global cache,
        which keeps the first definition of a TZID it ever saw, from any calendar)."""
        if self.own_zones is None:
            self.own_zones = {}
            for component in self.calendar.walk("VTIMEZONE"):
                if not isinstance(component, icalendar.Timezone):  # pragma: no cover
                    continue
                try:
                    self.own_zones[component.tz_name] = component.to_tz(lookup_tzid=False)
                except Exception:  # a broken VTIMEZONE: its events are read as floating
                    continue
        return self.own_zones.get(tzid)
