"""The calendar written: meetings, their items and series as RFC 5545 events.

The decisions behind what is written are explained in ``docs/en/explanation/calendars.md``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any
from zoneinfo import ZoneInfo

import icalendar

from ...errors import WrongObjectError
from ...i18n.bidi import FSI, PDI, balance_isolates
from ...i18n.catalog import N_, translator
from ...i18n.formatting import format_date, format_list
from ...i18n.locales import direction, normalize_locale, to_bcp47
from ...messages import Msg, listing
from ...model import (
    ActorFacilitator,
    AttendanceMode,
    CountryGroup,
    Meeting,
    MeetingStatus,
    PersonFacilitator,
    RoleFacilitator,
)
from ...model.series import Series
from ...render.common import comma, join_names, needs_isolation
from ...render.labels import label
from ...render.view import ItemView, MeetingView, Piece, meeting_view
from .description import description
from .scanner import parse_calendar
from .text import Text
from .timezones import add_time, add_times, add_timezones
from .uids import item_uids, meeting_uid, series_uid

__all__ = ["PRODID", "to_ical"]

PRODID = "-//rrma-groups//rrma-groups//EN"


def to_ical(
    obj: CountryGroup | Meeting | Series,
    lang: str | None = None,
    *,
    group: CountryGroup | None = None,
    meeting: str | None = None,
    per_item: bool = False,
    previous: bytes | str | None = None,
    stamp: dt.datetime | None = None,
) -> bytes:
    """A group's meetings and series (or one meeting, or one series) as an RFC 5545 calendar.

    A group gives all its meetings and series, or only ``meeting`` (the id of a meeting or of
    a series); a meeting or a series is best exported with its ``group``, which names its
    organiser and facilitators and makes its UIDs distinct from other groups'. A series is one
    repeating event (RRULE, EXDATE, RDATE) and one more event per moved occurrence.
    ``per_item=True`` adds one event per agenda item of the meetings (a series' programme is
    in its DESCRIPTION). Pass ``previous``, an earlier export, to raise the SEQUENCE of the
    events that changed since; ``stamp`` (default: now) is the DTSTAMP of every event. Texts
    are in ``lang`` (default: the group's default language). What is written, and why, is
    explained in ``docs/en/explanation/calendars.md``.

    :raises RenderError: ``meeting`` is not one of the group's, or ``obj`` is none of these.
    :raises LocaleError: ``lang`` is not a language code.
    :raises IcalError: ``previous`` is not a calendar.
    """
    from ...render import RenderError

    meetings: Sequence[Meeting] = ()
    series: Sequence[Series] = ()
    if isinstance(obj, CountryGroup):
        group = obj
        meetings, series = obj.meetings, obj.series
        if meeting is not None:
            meetings = tuple(m for m in obj.meetings if m.id == meeting)
            series = tuple(s for s in obj.series if s.id == meeting)
            if not meetings and not series:
                ids = listing([m.id for m in obj.meetings] + [s.id for s in obj.series])
                raise RenderError("unknown_meeting", value=meeting, known=ids)
    elif isinstance(obj, Meeting):
        meetings = (obj,)
    elif isinstance(obj, Series):
        series = (obj,)
    else:
        raise WrongObjectError("to_ical", Msg(N_("a CountryGroup, a Meeting or a Series")), obj)
    language = normalize_locale(lang or (group.default_language if group is not None else "fr"))
    when = _utc_stamp(stamp)
    known = _previous_events(previous) if previous is not None else {}

    calendar = icalendar.Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    name = _calendar_name(obj, group, language)
    if name:
        calendar.add("NAME", Text(name.text), parameters=_language(name.lang))
        calendar.add("X-WR-CALNAME", Text(name.text))

    events: list[icalendar.Event] = []
    for chosen in meetings:
        view = meeting_view(chosen, language, group)
        events.append(_meeting_event(chosen, view, group, language, when))
        if per_item:
            events += _item_events(chosen, view, group, language, when)
    for each in series:
        events += _series_events(each, group, language, when)
    for event in events:
        key = _event_key(event)
        sequence = 0
        if key in known:
            before, fingerprint = known[key]
            sequence = before if fingerprint == _fingerprint(event) else before + 1
        event.add("SEQUENCE", sequence)

    for event in events:
        calendar.add_component(event)
    add_timezones(calendar, meetings, series)
    data: bytes = calendar.to_ical()
    return data


def _utc_stamp(stamp: dt.datetime | None) -> dt.datetime:
    if stamp is None:
        stamp = dt.datetime.now(dt.UTC)
    elif stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.UTC)  # a naive stamp is taken to be UTC
    return stamp.astimezone(dt.UTC).replace(microsecond=0)


def _calendar_name(
    obj: CountryGroup | Meeting | Series, group: CountryGroup | None, language: str
) -> Piece | None:
    source = obj.name if isinstance(obj, CountryGroup) else obj.title
    default = group.default_language if group is not None else "fr"
    text, lang = source.resolve(language, default)
    return Piece(text, lang) if text else None


def _language(lang: str | None) -> dict[str, str]:
    return {"LANGUAGE": to_bcp47(lang)} if lang else {}


def _add_text(event: icalendar.Event, name: str, piece: Piece | None) -> None:
    if piece is not None and piece.text:
        event.add(name, Text(piece.text), parameters=_language(piece.lang))


def _add_x(event: icalendar.Event, name: str, value: str, **params: str) -> None:
    # Always TEXT: icalendar writes a plain str of an X- property unescaped, and only an
    # assert (gone under python -O) stops a line break in it from starting a new line.
    event.add(name, Text(value), parameters=params)


def _meeting_times(meeting: Meeting) -> tuple[dt.date, dt.date | None]:
    """DTSTART and DTEND: aware datetimes, or dates (DTEND exclusive) for an all-day meeting."""
    start, end = meeting.starts_at, meeting.ends_at
    if start is None:
        return meeting.date, meeting.last_date + dt.timedelta(days=1)
    if end is not None and end <= start:
        end = None
    return start, end


def _status(meeting: Meeting) -> str:
    if meeting.status is MeetingStatus.CANCELLED:
        return "CANCELLED"
    if meeting.status is MeetingStatus.POSTPONED and meeting.previous_date is None:
        return "TENTATIVE"  # postponed to a date not known yet: the date shown may not hold
    return "CONFIRMED"


def _location(meeting: Meeting, view: MeetingView, language: str) -> Piece | None:
    venue = meeting.venue
    if venue is None:
        if meeting.attendance_mode is AttendanceMode.ONLINE and meeting.online_url:
            return Piece(meeting.online_url)
        return None
    parts = [view.venue.text if view.venue else ""]
    if venue.address:
        parts.append(balance_isolates(venue.address))
    postal_code = balance_isolates(venue.postal_code) if venue.postal_code else None
    town = " ".join(p for p in (postal_code, view.city.text if view.city else None) if p)
    if town:
        parts.append(town)
    separator = "، " if direction(language) == "rtl" else ", "
    return Piece(separator.join(p for p in parts if p), view.venue.lang if view.venue else None)


def _meeting_event(
    meeting: Meeting,
    view: MeetingView,
    group: CountryGroup | None,
    language: str,
    stamp: dt.datetime,
    *,
    uid: str | None = None,
) -> icalendar.Event:
    """A meeting's event; ``uid`` (default: the meeting's) for a series and its occurrences."""
    event = icalendar.Event()
    event.add("UID", uid or meeting_uid(meeting, group))
    event.add("DTSTAMP", stamp)
    start, end = _meeting_times(meeting)
    add_time(event, "DTSTART", start, meeting.timezone)
    if end is not None:
        add_time(event, "DTEND", end, meeting.timezone)
    _add_text(event, "SUMMARY", view.title)
    _add_text(event, "LOCATION", _location(meeting, view, language))
    # The programme, one line per item (see description.py), from the view at hand.
    _add_text(event, "DESCRIPTION", Piece(description(view), language))
    event.add("STATUS", _status(meeting))
    organizer = _organizer(meeting, view, group)
    if organizer is not None:
        event.add("ORGANIZER", organizer)
    if meeting.online_url:
        event.add("URL", meeting.online_url, parameters={"VALUE": "URI"})
        if meeting.attendance_mode is not AttendanceMode.IN_PERSON:
            label = translator(language).gettext("Online")
            event.add(
                "CONFERENCE",
                icalendar.vUri(meeting.online_url),
                parameters={
                    "VALUE": "URI",
                    "FEATURE": "AUDIO,VIDEO",
                    "LABEL": label,
                    **_language(language),
                },
            )
    if meeting.status is MeetingStatus.POSTPONED:
        _add_x(event, "X-RRMA-STATUS", meeting.status.value)
    if meeting.previous_date is not None:
        event.add("X-RRMA-PREVIOUS-DATE", meeting.previous_date, parameters={"VALUE": "DATE"})
    return event


def _organizer(
    meeting: Meeting, view: MeetingView, group: CountryGroup | None
) -> icalendar.vCalAddress | None:
    if group is None or meeting.contact is None:
        return None
    try:
        contact = group.person(meeting.contact)
    except KeyError:
        return None
    if not contact.email:
        return None
    address = icalendar.vCalAddress(f"mailto:{contact.email}")
    name = view.organiser.text if view.organiser else balance_isolates(contact.name)
    address.params["CN"] = name
    return address


def _chronological(meeting: Meeting, view: MeetingView) -> Iterator[tuple[int, ItemView]]:
    """Each item's index in the agenda with its view, in the order the programme shows them."""
    positions = {id(item): n for n, item in enumerate(meeting.agenda)}
    for day, day_view in zip(meeting.agenda.days(meeting.date), view.days, strict=True):
        items = meeting.agenda.on(day, meeting.date)
        for item, item_view in zip(items, day_view.items, strict=True):
            yield positions[id(item)], item_view


def _item_events(
    meeting: Meeting,
    view: MeetingView,
    group: CountryGroup | None,
    language: str,
    stamp: dt.datetime,
) -> list[icalendar.Event]:
    uids = item_uids(meeting, group)
    parent = meeting_uid(meeting, group)
    where = _location(meeting, view, language)
    rtl = direction(language) == "rtl"
    _ = translator(language).gettext
    events = []
    for index, item_view in _chronological(meeting, view):
        item = meeting.agenda[index]
        event = icalendar.Event()
        event.add("UID", uids[index])
        event.add("DTSTAMP", stamp)
        add_time(event, "DTSTART", meeting.item_start(item), meeting.timezone)
        end = meeting.item_end(item)
        if end is not None:  # an open-ended item is an instant (RFC 5545, 3.6.1)
            add_time(event, "DTEND", end, meeting.timezone)
        _add_text(event, "SUMMARY", item_view.title)
        location = where
        if item_view.room is not None:
            rest = [where.text] if where is not None else []
            separator = "، " if rtl else ", "
            location = Piece(separator.join([item_view.room.text, *rest]), item_view.room.lang)
        _add_text(event, "LOCATION", location)
        lines = []
        if item_view.facilitators:
            names = item_view.facilitators_text
            if rtl:
                names = join_names(item_view.facilitators, names, _isolated_in(language))
            lines.append(f"{label('with_colon', language).format(label=_('Facilitator'))} {names}")
        if item_view.notes:
            lines.append(item_view.notes.text)
        if lines:
            _add_text(event, "DESCRIPTION", Piece("\n\n".join(lines), language))
        event.add("STATUS", _status(meeting))
        event.add("RELATED-TO", parent, parameters={"RELTYPE": "PARENT"})
        _add_x(event, "X-RRMA-KIND", item.kind.value)
        if item.room is not None and item_view.room is not None:
            _add_x(event, "X-RRMA-ROOM", item_view.room.text, **{"X-RRMA-ID": item.room})
        for facilitator, piece in zip(item.facilitators, item_view.facilitators, strict=True):
            _add_x(
                event, "X-RRMA-FACILITATOR", piece.text or "-", **_facilitator_params(facilitator)
            )
        events.append(event)
    return events


def _facilitator_params(
    facilitator: PersonFacilitator | ActorFacilitator | RoleFacilitator,
) -> dict[str, str]:
    if isinstance(facilitator, PersonFacilitator):
        params = {"X-RRMA-TYPE": "person", "X-RRMA-ID": facilitator.person}
        if facilitator.on_behalf_of:
            params["X-RRMA-ON-BEHALF-OF"] = facilitator.on_behalf_of
        return params
    if isinstance(facilitator, ActorFacilitator):
        return {"X-RRMA-TYPE": "actor", "X-RRMA-ID": facilitator.actor}
    params = {"X-RRMA-TYPE": "role"}
    if facilitator.actor:
        params["X-RRMA-ID"] = facilitator.actor
    return params


def _isolated_in(language: str) -> Callable[[Piece], str]:
    """A name as an Arabic description writes it: isolated when it runs the other way."""

    def name(piece: Piece) -> str:
        if needs_isolation(piece, language):
            return f"{FSI}{piece.text}{PDI}"
        return piece.text

    return name


# --- series -----------------------------------------------------------------------------------


_LISTED_DATES = 8


def _series_template(series: Series) -> Meeting:
    """The series as the meeting of its first date: what the repeating event describes."""
    return Meeting.model_validate(
        {
            "id": series.id,
            "title": series.title,
            "date": series.first_date,
            "start": series.start,
            "end": series.end,
            "timezone": series.timezone,
            "venue": series.venue,
            "organiser": series.organiser,
            "contact": series.contact,
            "description": series.description,
            "objectives": series.objectives,
            "attendance_mode": series.attendance_mode,
            "online_url": series.online_url,
            "agenda": series.agenda,
        }
    )


def _series_dates(series: Series, language: str) -> str:
    """The dates the series takes place on, in words; the first few, then "…"."""
    found = series.occurrences(limit=_LISTED_DATES + 1)
    dates = [format_date(o.date, language, "full") for o in found[:_LISTED_DATES]]
    if len(found) <= _LISTED_DATES:
        return format_list(dates, language)
    return comma(language).join([*dates, "…"])


def _series_events(
    series: Series, group: CountryGroup | None, language: str, stamp: dt.datetime
) -> list[icalendar.Event]:
    """A series' repeating event, then one event per moved occurrence (RECURRENCE-ID)."""
    uid = series_uid(series, group)
    template = _series_template(series)
    view = meeting_view(template, language, group)
    # The programme's Date column and heading would name the first date only: the heading
    # lists the dates of the series instead, and the column stays empty.
    view = dataclasses.replace(
        view,
        dates=_series_dates(series, language),
        days=tuple(dataclasses.replace(day, date="", long_date="") for day in view.days),
    )
    event = _meeting_event(template, view, group, language, stamp, uid=uid)
    event.add("RRULE", icalendar.vRecur.from_ical(_rrule_text(series)))
    zone = ZoneInfo(series.timezone)

    def at_start(day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, series.start, tzinfo=zone)

    # Exceptions and added dates at the series' time, in its timezone, as RFC 5545 wants
    # EXDATE and RDATE: of DTSTART's type (a date-time) and with its TZID.
    if series.exceptions:
        add_times(event, "EXDATE", [at_start(day) for day in series.exceptions], series.timezone)
    if series.added:
        add_times(event, "RDATE", [at_start(day) for day in series.added], series.timezone)
    events = [event]
    for moved in series.moved:
        wanted = series.meeting_id(moved.date)
        [occurrence] = [
            m for m in series.meetings(since=moved.to, until=moved.to) if m.id == wanted
        ]
        view = meeting_view(occurrence, language, group)
        override = _meeting_event(occurrence, view, group, language, stamp, uid=uid)
        add_time(override, "RECURRENCE-ID", at_start(moved.date), series.timezone)
        events.append(override)
    return events


def _rrule_text(series: Series) -> str:
    """The series' RRULE; UNTIL as a UTC date-time, as RFC 5545 wants it with a TZID'd DTSTART.

    The rule's last date becomes the instant the series would start on it, so that UNTIL is
    "synchronized with the recurrence" (RFC 5545, 3.3.10): an occurrence on that date is the
    last one.
    """
    text = series.recurrence.to_rrule_string()
    until = series.recurrence.until
    if until is None:
        return text
    last = dt.datetime.combine(until, series.start, tzinfo=ZoneInfo(series.timezone))
    return text.replace(f"UNTIL={until:%Y%m%d}", f"UNTIL={last.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}")


# --- SEQUENCE ---------------------------------------------------------------------------------


_UNCOMPARED = frozenset({"DTSTAMP", "SEQUENCE", "LAST-MODIFIED", "CREATED"})


def _fingerprint(event: icalendar.Component) -> str:
    """What an event says, whatever the state of its properties and their order by name.

    Both sides go through one write and one read, so that an event built here and the same
    event read from an earlier export compare equal. Values of the same name keep their
    order: facilitators listed in another order are a change.
    """
    parsed = icalendar.Event.from_ical(event.to_ical())
    lines = []
    value: Any
    for name, value in parsed.property_items(recursive=False):
        if name in ("BEGIN", "END") or name in _UNCOMPARED:
            continue
        params = sorted((str(k), str(v)) for k, v in getattr(value, "params", {}).items())
        body = str(value) if isinstance(value, str) else value.to_ical()
        lines.append((name, repr((params, body))))
    lines.sort(key=lambda line: line[0])  # stable: same-name values keep their order
    return hashlib.sha256(repr(lines).encode("utf-8")).hexdigest()


def _event_key(event: icalendar.Component) -> str:
    """What identifies an event: its UID, and for one occurrence of a series its RECURRENCE-ID."""
    uid = str(event.get("UID", ""))
    recurrence_id: Any = event.get("RECURRENCE-ID")
    if recurrence_id is None:
        return uid
    try:
        moment = recurrence_id.to_ical().decode("utf-8")
    except Exception:  # a broken value in a previous export: compared as written
        moment = str(recurrence_id)
    return f"{uid} {moment}"


def _previous_events(previous: bytes | str) -> dict[str, tuple[int, str]]:
    calendar, _ = parse_calendar(previous, "previous export")
    known: dict[str, tuple[int, str]] = {}
    for event in calendar.walk("VEVENT"):
        if event.get("UID") is None:
            continue
        try:
            sequence = int(event.get("SEQUENCE", 0))
        except (TypeError, ValueError):
            sequence = 0
        known[_event_key(event)] = (max(sequence, 0), _fingerprint(event))
    return known
