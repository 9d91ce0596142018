"""iCalendar (RFC 5545) out and in: meetings and their agendas for calendar applications.

>>> from rrma_groups import examples
>>> group = examples.groupe_pays_maroc()
>>> data = to_ical(group, "fr", stamp=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
>>> data.count(b"BEGIN:VEVENT"), data.count(b"BEGIN:VTIMEZONE")
(1, 1)
>>> b"UID:limoges-2016@gpmar.rrma-groups" in data
True
>>> imported = from_ical(data)
>>> meeting = imported.meetings[0]
>>> meeting.id, meeting.starts_at.isoformat()
('limoges-2016', '2016-11-04T14:00:00+01:00')

A series of meetings is one repeating event, and one more event per moved occurrence:

>>> from rrma_groups import Series
>>> quarterly = Series.model_validate({
...     "id": "gpmar-trimestre",
...     "title": {"fr": "Réunion trimestrielle du Groupe Pays Maroc"},
...     "recurrence": "FREQ=MONTHLY;INTERVAL=3;BYDAY=1FR;UNTIL=20171231",
...     "first_date": "2017-01-06",
...     "time": "14h00 - 17h30",
...     "exceptions": ["2017-04-07"],
...     "moved": [{"date": "2017-07-07", "to": "2017-07-10"}],
... })
>>> data = to_ical(quarterly, "fr", group=group, stamp=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
>>> for line in data.decode().splitlines():
...     if line.startswith(("UID", "DTSTART;", "RRULE", "EXDATE", "RECURRENCE-ID")):
...         print(line)
DTSTART;TZID=Europe/Paris:20170106T140000
UID:gpmar-trimestre@gpmar.rrma-groups
RRULE:FREQ=MONTHLY;UNTIL=20171231T130000Z;INTERVAL=3;BYDAY=1FR
EXDATE;TZID=Europe/Paris:20170407T140000
DTSTART;TZID=Europe/Paris:20170710T140000
UID:gpmar-trimestre@gpmar.rrma-groups
RECURRENCE-ID;TZID=Europe/Paris:20170707T140000
>>> from_ical(data).series == (quarterly,)
True

Decisions, for readers of the code and of the calendars it writes:

UIDs. Calendar applications recognise an event again by its UID, so UIDs are derived from ids,
never drawn at random: ``<meeting id>@<group id>.rrma-groups`` for a meeting and
``<meeting id>+<item key>@<group id>.rrma-groups`` for an agenda item (``@rrma-groups`` alone
when no group is given). ``+`` cannot occur in an id, so the two parts never run into each
other (``.`` and ``-`` can). The item key is the item's ``id``; an item without one is keyed by
a hash of its title in the group's default language (case and spacing ignored), numbered from
the second item of the same title on (``t-3f2a9c01de``, ``t-3f2a9c01de-2``). Such a key
survives re-timing and the insertion of other items; it changes when that title is edited, so
give items an ``id`` when they must keep their UID through anything. UIDs do not depend on the
language of the export: a French and an Arabic export of a meeting are the same events.

Times. Every time is the programme's local time with its TZID, and the calendar holds one
VTIMEZONE per TZID, built from the tz database by icalendar and covering the years of the
meetings only (Africa/Casablanca's full history would take a hundred lines). Outlook needs the
VTIMEZONE; other applications use the TZID. The TZID is written even for zones that icalendar
would write in UTC (``Z``) because they match UTC today, such as Africa/Dakar: the instant would
be right, but not the meeting's timezone. Meetings in UTC are written with ``Z``. A meeting
without hours is an all-day event; an item without an end is an instant (no DTEND).

SEQUENCE. Given ``previous`` (an earlier export), each event is compared with the event of
the same UID in it, all properties but DTSTAMP and SEQUENCE; the SEQUENCE of an event that
changed is one more than before, that of an unchanged one stays. DTSTAMP is ``stamp`` (default:
now); with a fixed ``stamp`` the output is byte for byte the same.

Status. STATUS has three values for events: a scheduled meeting is CONFIRMED, a cancelled one
CANCELLED at its date (and its items with it). A postponed meeting whose new date is known
(``previous_date`` set: ``date`` is the new date) is CONFIRMED at the new date; one whose new
date is not known yet is TENTATIVE at the date first announced. Both carry
``X-RRMA-STATUS:postponed``, and ``X-RRMA-PREVIOUS-DATE`` keeps the earlier date; the
programme in DESCRIPTION says it in words.

Organiser. ORGANIZER must be an address (a ``mailto:`` URI). It is written only when the
meeting's contact person has an e-mail address, with the organising actor's name as CN (the
contact's name when no organiser is given); no address is ever made up. Without one, the
organiser is named in the programme only.

Text. SUMMARY, LOCATION and DESCRIPTION carry a LANGUAGE parameter: for the title and the
venue, the language the text is actually in (a French title that stands in for a missing
Arabic one is marked ``fr``); for the programme, the language of the export. DESCRIPTION is
the plain text programme of :func:`rrma_groups.render`; in Arabic it holds Unicode isolates
(U+2066..U+2069) around times and Latin names, which iCalendar text may contain like any
other character, and which keep times in order in right-to-left calendar views. Long lines
are folded between characters, never inside a UTF-8 sequence (icalendar counts octets but
cuts at character boundaries). Text is escaped here rather than by icalendar, whose escaping
turns a backslash followed by ``N`` into a line break.

Online meetings get URL and, when online or hybrid, CONFERENCE (RFC 7986); an online meeting
without a venue gives its address as LOCATION, which calendar applications make clickable.

Agenda items (``per_item=True``) are events of their own, after their meeting's event (which
is the same as without ``per_item``), with ``RELATED-TO;RELTYPE=PARENT`` naming the meeting.
Their LOCATION starts with the room. What iCalendar has no property for travels in
``X-RRMA-`` properties, which other applications ignore: ``X-RRMA-KIND`` (the item's kind),
``X-RRMA-ROOM`` (the room id as parameter, its name as value) and one
``X-RRMA-FACILITATOR`` per facilitator (``X-RRMA-TYPE`` person, actor or role, ``X-RRMA-ID``
and ``X-RRMA-ON-BEHALF-OF`` ids as parameters, the name as written as value).

Series. A series of meetings is one repeating event, the standard way: DTSTART and DTEND are
its first date at its hours, with its TZID; RRULE is its recurrence; EXDATE its exceptions and
RDATE its added dates, both at its start time with the same TZID (RFC 5545 wants them of
DTSTART's type). UNTIL, a date in the model, is written as the UTC instant the series would
start on that date: with a TZID'd DTSTART, RFC 5545 (3.3.10) wants UNTIL in UTC, and an instant
"synchronized with the recurrence" makes an occurrence on that date the last one. A moved
occurrence is an event of its own with the series' UID and a RECURRENCE-ID naming the date and
time the rule gave it, as calendar applications write a changed occurrence; it is not also an
EXDATE (applications would drop it). The UID is ``<series id>@<group id>.rrma-groups``. The
repeating event's DESCRIPTION is the programme of the series, headed by its first dates; a
moved occurrence's is its own programme. ``per_item`` does not apply to series.

Reading (:func:`from_ical`). Events related to a parent present in the calendar become the
parent's agenda items; every other event is a meeting. Times keep their timezone when it is
an IANA one (Windows and ``/vendor/Area/City`` names are mapped to it); UTC times and floating
times are put in ``timezone`` (default: the calendar's ``X-WR-TIMEZONE``, else UTC), floating
ones with a warning. A TZID that only the calendar's own VTIMEZONE defines is read with that
definition (not with icalendar's process-wide cache, which keeps the first definition of a
name it ever met) and converted to ``timezone``, with a warning. An all-day event is a meeting
without hours. Lines are unfolded before they are decoded (RFC 5545, 3.1), since a writer that
counts octets may fold inside a character; a line break is CRLF or LF. Meetings are dated in
the years 1800 to 2200 (``types.MeetingDay``): an event whose DTSTART, DTEND or DURATION
leaves them is refused with its line, before a conversion to another timezone could overflow.

A repeating event becomes a :class:`~rrma_groups.Series` (in
:attr:`ImportedCalendar.series`) when a series can say what it says: it has hours within one
day, one RRULE that recurs by the day (FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTH,
BYMONTHDAY, BYSETPOS, WKST), and RDATEs at its start time. UNTIL becomes the last date whose
occurrence starts by then (after 2200, as in ``UNTIL=99991231``, the series has no end);
EXDATEs become exceptions (one that is no date of the series, or out of range, takes nothing
out); RDATEs added dates; events with its UID and a RECURRENCE-ID moved occurrences
(or exceptions, when CANCELLED). An override a series cannot hold (THISANDFUTURE, one spanning
two days, one onto another occurrence's date) is skipped with a warning. Any other repeating
event is read as its first occurrence, with a warning; the changed occurrences of an event
that is not read as a series are skipped, with a warning.

Ids come from the UIDs written here; another UID is the id when it is a valid one, else
``ev-`` and a hash of it; :attr:`ImportedCalendar.uids` gives each meeting's UID. LOCATION
becomes the venue's name. For events written by this module, DESCRIPTION is the generated
programme and is not read back (nor are the meeting's description and objectives, which it
shows); elsewhere it becomes the meeting's description or the item's notes. ATTENDEEs with
ROLE=CHAIR lead the items of other applications. Whatever cannot be read raises
:class:`IcalError` with the line and the UID; what can be read another way is read, with a
warning in :attr:`ImportedCalendar.warnings`.
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import hashlib
import re
import unicodedata
import warnings as _warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import icalendar
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON
from pydantic import ValidationError

from .._gc import cyclic_gc_paused
from ..errors import Msg, Problem, RrmaError, Severity
from ..i18n.bidi import FSI, PDI, balance_isolates
from ..i18n.catalog import N_, translator
from ..i18n.formatting import format_date, format_list
from ..i18n.locales import direction, normalize_locale, to_bcp47
from ..messages import MESSAGES as _ALL_MESSAGES
from ..messages import problems_from_pydantic
from ..model import (
    ActorFacilitator,
    AttendanceMode,
    CountryGroup,
    ItemKind,
    LocalisedText,
    Meeting,
    MeetingStatus,
    PersonFacilitator,
    RoleFacilitator,
)
from ..model.series import MovedOccurrence, Recurrence, Series
from ..model.types import (
    MAX_LINE_LENGTH,
    MAX_TEXT_LENGTH,
    YEAR_MAX,
    YEAR_MIN,
    iana_timezones,
    is_blank,
    local_time_issue,
)
from ..render._common import comma, join_names, needs_isolation
from ..render.text import meeting_text
from ..render.view import ItemView, MeetingView, Piece, meeting_view

__all__ = [
    "MESSAGES",
    "IcalError",
    "ImportedCalendar",
    "from_ical",
    "item_uids",
    "meeting_uid",
    "series_uid",
    "to_ical",
]

PRODID = "-//rrma-groups//rrma-groups//EN"
UID_DOMAIN = "rrma-groups"

MESSAGES: dict[str, str] = {
    # --- errors (IcalError) ---
    "ical_encoding": N_("the calendar is not UTF-8 text: {reason}"),
    "ical_syntax": N_("the calendar cannot be read: {reason}"),
    "ical_empty": N_("the document is empty; an iCalendar document starts with BEGIN:VCALENDAR"),
    "ical_not_a_calendar": N_(
        "not an iCalendar document: it starts with {text!r}, not with BEGIN:VCALENDAR"
    ),
    "ical_not_a_content_line": N_("{text!r} is not a content line (NAME:value)"),
    "ical_after_the_end": N_("{text!r} comes after the end of the calendar"),
    "ical_folded_first_line": N_("the document starts with a folded line (a space first)"),
    "ical_too_deep": N_("components are nested more than {depth} deep"),
    "ical_unclosed": N_("BEGIN:{name} is never closed: END:{name} is missing"),
    "ical_unexpected_end": N_(
        "END:{name} does not match the BEGIN:{open} of line {open_line}; END:{open} expected"
    ),
    "ical_broken_property": N_("event {uid!r}: {name} cannot be read: {reason}"),
    "ical_missing_summary": N_("event {uid!r} has no SUMMARY; a meeting or an item needs a title"),
    "ical_missing_start": N_("event {uid!r} has no DTSTART; a meeting or an item needs a date"),
    "ical_end_before_start": N_("event {uid!r} ends at {end}, before it starts at {start}"),
    "ical_out_of_range": N_(
        "event {uid!r}: {name} {value} is out of range: meetings are dated in the years {min} "
        "to {max}"
    ),
    "ical_item_spans_days": N_(
        "event {uid!r} is an item of {parent!r} but runs from {start} to {end}; "
        "an agenda item starts and ends on the same day"
    ),
    "ical_duplicate_uid": N_("event {uid!r} appears twice (first at line {first})"),
    "ical_invalid_event": N_("event {uid!r} cannot be read as a meeting: {where}: {reason}"),
    "ical_invalid_timezone": N_(
        "{value!r} is not an IANA timezone (such as Europe/Paris or Africa/Casablanca)"
    ),
    # --- warnings (ImportedCalendar.warnings) ---
    "ical_recurrence": N_(
        "event {uid!r} repeats ({rule}); only its first occurrence, on {date}, is read"
    ),
    "ical_recurrence_override": N_(
        "event {uid!r} changes one occurrence of a repeating event; it is skipped"
    ),
    "ical_floating_time": N_("event {uid!r} has no timezone; its times are read in {timezone}"),
    "ical_unknown_timezone": N_(
        "event {uid!r} uses the timezone {tzid!r}, which is not an IANA timezone; "
        "its times are converted to {timezone}"
    ),
    "ical_undefined_timezone": N_(
        "event {uid!r} uses the timezone {tzid!r}, which is neither an IANA timezone nor "
        "defined in the calendar; its times are read in {timezone}"
    ),
    "ical_unknown_parent": N_(
        "event {uid!r} belongs to {parent!r}, which is not in the calendar; "
        "it is read as a meeting of its own"
    ),
    "ical_not_an_item": N_(
        "event {uid!r} belongs to {parent!r} but {reason}; it is read as a meeting of its own"
    ),
    "ical_repeated_property": N_(
        "event {uid!r}: {name} appears {count} times; only the first one is read"
    ),
    "ical_ignored_property": N_("event {uid!r}: {name} cannot be read ({reason}); it is ignored"),
    "ical_text_truncated": N_(
        "event {uid!r}: {name} has {length} characters; only the first {max_length} are kept"
    ),
    "ical_no_uid": N_("an event has no UID; it is read as {uid!r}"),
}
"""Message templates of the calendar errors and warnings, by code (English; gettext ids)."""


class IcalError(RrmaError):
    """An iCalendar document that cannot be read: where (line, event UID) and what."""

    def __init__(
        self,
        code: str,
        *,
        line: int | None = None,
        uid: str | None = None,
        source: str | None = None,
        **params: Any,
    ) -> None:
        self.code = code
        self.line = line
        self.uid = uid
        self.source = source
        self.params: dict[str, Any] = {"uid": uid, **params}
        self.reason = _fill(MESSAGES[code], self.params)
        where = source or "<calendar>"
        if line is not None:
            where += f":{line}"
        super().__init__(f"{where}: {self.reason}")


def _fill(template: str, params: Mapping[str, Any]) -> str:
    from ..errors import render_template

    return render_template(template, params)


# ============================================================================================
# UIDs
# ============================================================================================


def _domain(group: CountryGroup | None) -> str:
    return f"{group.id}.{UID_DOMAIN}" if group is not None else UID_DOMAIN


def meeting_uid(meeting: Meeting, group: CountryGroup | None = None) -> str:
    """The UID of a meeting's event: ``limoges-2016@gpmar.rrma-groups``."""
    return f"{meeting.id}@{_domain(group)}"


def item_uids(meeting: Meeting, group: CountryGroup | None = None) -> tuple[str, ...]:
    """The UIDs of a meeting's agenda items, in agenda order (see the module's notes)."""
    default = group.default_language if group is not None else "fr"
    return tuple(f"{meeting.id}+{key}@{_domain(group)}" for key in _item_keys(meeting, default))


def _item_keys(meeting: Meeting, default_language: str) -> list[str]:
    keys: list[str] = []
    used: set[str] = set()
    titles: Counter[str] = Counter()
    for item in meeting.agenda:
        if item.id is not None and item.id not in used:
            key = item.id
        else:
            base = "t-" + _title_hash(item.title, default_language)
            titles[base] += 1
            key = base if titles[base] == 1 else f"{base}-{titles[base]}"
            while key in used:  # an explicit id that looks like a title key: keep UIDs unique
                titles[base] += 1
                key = f"{base}-{titles[base]}"
        used.add(key)
        keys.append(key)
    return keys


def _title_hash(title: LocalisedText, default_language: str) -> str:
    text = title.get(default_language, default_language)
    canonical = " ".join(unicodedata.normalize("NFC", text).casefold().split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:10]


_OUR_UID = re.compile(r"(?P<meeting>[^+@]+)(?:\+(?P<item>[^+@]+))?@(?:(?P<group>.+)\.)?rrma-groups")


# ============================================================================================
# export
# ============================================================================================


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
    are in ``lang`` (default: the group's default language). See the module's notes.

    :raises RenderError: ``meeting`` is not one of the group's, or ``obj`` is none of these.
    :raises LocaleError: ``lang`` is not a language code.
    :raises IcalError: ``previous`` is not a calendar.
    """
    from ..render import RenderError

    meetings: Sequence[Meeting] = ()
    series: Sequence[Series] = ()
    if isinstance(obj, CountryGroup):
        group = obj
        meetings, series = obj.meetings, obj.series
        if meeting is not None:
            meetings = tuple(m for m in obj.meetings if m.id == meeting)
            series = tuple(s for s in obj.series if s.id == meeting)
            if not meetings and not series:
                ids = ", ".join([m.id for m in obj.meetings] + [s.id for s in obj.series])
                raise RenderError(f"no meeting {meeting!r}; the group has: {ids or 'none'}")
    elif isinstance(obj, Meeting):
        meetings = (obj,)
    elif isinstance(obj, Series):
        series = (obj,)
    else:
        raise RenderError(
            f"to_ical() takes a CountryGroup, a Meeting or a Series, not {type(obj).__name__}"
        )
    language = normalize_locale(lang or (group.default_language if group is not None else "fr"))
    when = _utc_stamp(stamp)
    known = _previous_events(previous) if previous is not None else {}

    calendar = icalendar.Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    name = _calendar_name(obj, group, language)
    if name:
        calendar.add("NAME", _Text(name.text), parameters=_language(name.lang))
        calendar.add("X-WR-CALNAME", _Text(name.text))

    with cyclic_gc_paused():
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
        _add_timezones(calendar, meetings, series)
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


class _Text(icalendar.vText):
    """TEXT escaped as RFC 5545 says (3.3.11).

    icalendar's own escaping first turns a backslash followed by a capital N into a line
    break (``C:\\Nouveau`` would become two lines); this escapes backslashes first and
    nothing else. Directional isolates are balanced first, as in every output.
    """

    __slots__ = ()

    def to_ical(self) -> bytes:
        text = balance_isolates(str(self))
        text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
        return text.encode("utf-8")


def _language(lang: str | None) -> dict[str, str]:
    return {"LANGUAGE": to_bcp47(lang)} if lang else {}


def _add_text(event: icalendar.Event, name: str, piece: Piece | None) -> None:
    if piece is not None and piece.text:
        event.add(name, _Text(piece.text), parameters=_language(piece.lang))


def _add_x(event: icalendar.Event, name: str, value: str, **params: str) -> None:
    # Always TEXT: icalendar writes a plain str of an X- property unescaped, and only an
    # assert (gone under python -O) stops a line break in it from starting a new line.
    event.add(name, _Text(value), parameters=params)


_UTC_NAMES = frozenset({"UTC", "Etc/UTC"})


def _add_time(event: icalendar.Event, name: str, moment: dt.date, timezone: str) -> None:
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
    _add_time(event, "DTSTART", start, meeting.timezone)
    if end is not None:
        _add_time(event, "DTEND", end, meeting.timezone)
    _add_text(event, "SUMMARY", view.title)
    _add_text(event, "LOCATION", _location(meeting, view, language))
    # The programme as render(meeting, "text") writes it, from the view at hand.
    programme = meeting_text(view).rstrip("\n")
    _add_text(event, "DESCRIPTION", Piece(programme, language))
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
        _add_time(event, "DTSTART", meeting.item_start(item), meeting.timezone)
        end = meeting.item_end(item)
        if end is not None:  # an open-ended item is an instant (RFC 5545, 3.6.1)
            _add_time(event, "DTEND", end, meeting.timezone)
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
            lines.append(f"{_('Facilitator')}: {names}")
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


# --- series -----------------------------------------------------------------------------

_ENDLESS_YEARS = 10
_LISTED_DATES = 8


def series_uid(series: Series, group: CountryGroup | None = None) -> str:
    """The UID of a series' repeating event, and of its moved occurrences' events:
    ``gpsn-trimestre@gp-senegal.rrma-groups``."""
    return f"{series.id}@{_domain(group)}"


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
        _add_times(event, "EXDATE", [at_start(day) for day in series.exceptions], series.timezone)
    if series.added:
        _add_times(event, "RDATE", [at_start(day) for day in series.added], series.timezone)
    events = [event]
    for moved in series.moved:
        wanted = series.meeting_id(moved.date)
        [occurrence] = [
            m for m in series.meetings(since=moved.to, until=moved.to) if m.id == wanted
        ]
        view = meeting_view(occurrence, language, group)
        override = _meeting_event(occurrence, view, group, language, stamp, uid=uid)
        _add_time(override, "RECURRENCE-ID", at_start(moved.date), series.timezone)
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


def _add_times(
    event: icalendar.Event, name: str, moments: Sequence[dt.datetime], timezone: str
) -> None:
    """EXDATE or RDATE: date-times in one property, in UTC or with the TZID (see _add_time)."""
    if timezone in _UTC_NAMES:
        event.add(name, [moment.astimezone(dt.UTC) for moment in moments])
    else:
        wall = [moment.replace(tzinfo=None) for moment in moments]
        event.add(name, wall, parameters={"TZID": timezone})


def _add_timezones(
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


# --- SEQUENCE -------------------------------------------------------------------------------

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
    calendar, _ = _parse(previous, "previous export")
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


# ============================================================================================
# import
# ============================================================================================


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
    data: bytes | str, *, timezone: str | None = None, source: str | None = None
) -> ImportedCalendar:
    """Read meetings, and their agendas, and series of meetings from an iCalendar document.

    ``timezone`` (an IANA name) is where UTC and floating times are put; by default the
    calendar's ``X-WR-TIMEZONE``, else UTC. ``source`` names the document in messages.
    See the module's notes for what is read and how.

    :raises IcalError: the document is not a calendar, or an event cannot be read.
    """
    reader = _Reader(data, timezone, source)
    return reader.read()


_NAME = re.compile(r"[A-Za-z0-9-]+")
_MAX_DEPTH = 8


@dataclass(slots=True)
class _Lines:
    """Where an event's lines are: its BEGIN, and the first line of each of its properties."""

    begin: int
    properties: dict[str, int] = field(default_factory=dict)


def _scan(logical: Iterable[tuple[int, str]], source: str | None) -> list[_Lines]:
    """Check the BEGIN/END structure line by line; the line numbers of every VEVENT.

    icalendar reports a missing END as "no components found", without a line: this finds it.
    """
    stack: list[tuple[str, int]] = []
    events: list[_Lines] = []
    current: list[_Lines | None] = []
    seen_calendar = False
    for number, line in logical:
        name, colon, value = _split_name(line)
        shown = _short(line)
        if not seen_calendar and (name.upper() != "BEGIN" or value.strip().upper() != "VCALENDAR"):
            raise IcalError("ical_not_a_calendar", line=number, source=source, text=shown)
        if not colon or _NAME.fullmatch(name) is None:
            raise IcalError("ical_not_a_content_line", line=number, source=source, text=shown)
        name = name.upper()
        if not stack and seen_calendar:
            raise IcalError("ical_after_the_end", line=number, source=source, text=shown)
        if name == "BEGIN":
            component = value.strip().upper()
            stack.append((component, number))
            seen_calendar = True
            if len(stack) > _MAX_DEPTH:
                raise IcalError("ical_too_deep", line=number, source=source, depth=_MAX_DEPTH)
            lines = _Lines(number) if component == "VEVENT" else None
            if lines is not None:
                events.append(lines)
            current.append(lines)
        elif name == "END":
            component = value.strip().upper()
            if stack[-1][0] != component:
                raise IcalError(
                    "ical_unexpected_end",
                    line=number,
                    source=source,
                    name=_short(component),
                    open=stack[-1][0],
                    open_line=stack[-1][1],
                )
            stack.pop()
            current.pop()
        elif current and current[-1] is not None:
            current[-1].properties.setdefault(name, number)
    if stack:
        component, number = stack[-1]
        raise IcalError("ical_unclosed", line=number, source=source, name=component)
    if not seen_calendar:
        raise IcalError("ical_empty", line=1, source=source)
    return events


_Chars = TypeVar("_Chars", str, bytes)
_BREAK = re.compile(r"\r?\n")
_BREAK_BYTES = re.compile(rb"\r?\n")


def _physical(
    data: _Chars, breaks: re.Pattern[_Chars], start: int = 0
) -> Iterator[tuple[int, _Chars]]:
    """Each physical line of ``data`` from ``start``, with the offset it starts at."""
    for found in breaks.finditer(data, start):
        yield start, data[start : found.start()]
        start = found.end()
    yield start, data[start:]


def _folded(
    lines: Iterable[tuple[int, _Chars]], folds: tuple[_Chars, _Chars], source: str | None
) -> list[tuple[int, list[tuple[int, _Chars]]]]:
    """Physical lines gathered into logical ones (blank lines left out): the number of the
    line each starts on, and its parts, each with the offset it starts at."""
    logical: list[tuple[int, list[tuple[int, _Chars]]]] = []
    parts: list[tuple[int, _Chars]] | None = None
    for number, (offset, line) in enumerate(lines, start=1):
        if line[:1] in folds:
            if parts is None:
                raise IcalError("ical_folded_first_line", line=number, source=source)
            parts.append((offset + 1, line[1:]))
        elif line.strip():
            parts = [(offset, line)]
            logical.append((number, parts))
        else:
            parts = None
    return logical


def _logical_lines(data: bytes | str, source: str | None) -> list[tuple[int, str]]:
    """The content lines of a document, folds undone, with the number of the line each starts on.

    RFC 5545 (3.1) folds a long line with a line break and a space or a tab anywhere in it,
    and writers that count octets fold inside the UTF-8 sequence of a character: a document
    of bytes is unfolded before it is decoded, so that the character is whole again. A line
    break is CRLF or LF alone.
    """
    if isinstance(data, str):
        text = data.removeprefix("\ufeff")
        found = _folded(_physical(text, _BREAK), (" ", "\t"), source)
        lines = [(number, "".join(part for _, part in parts)) for number, parts in found]
    else:
        start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
        lines = []
        for number, parts in _folded(_physical(data, _BREAK_BYTES, start), (b" ", b"\t"), source):
            joined = b"".join(part for _, part in parts)
            try:
                lines.append((number, joined.decode("utf-8")))
            except UnicodeDecodeError as exc:
                at = _offset_in(parts, exc.start)
                raise IcalError(
                    "ical_encoding",
                    line=data.count(b"\n", 0, at) + 1,
                    source=source,
                    reason=f"byte {data[at]:#04x} at offset {at}",
                ) from None
    return [(number, line) for number, line in lines if line.strip()]


def _offset_in(parts: Sequence[tuple[int, bytes]], position: int) -> int:
    """The offset in the document of the byte at ``position`` in the joined ``parts``."""
    for offset, part in parts:
        if position < len(part):
            return offset + position
        position -= len(part)
    return parts[-1][0] + len(parts[-1][1])  # pragma: no cover - the error is in a part


def _split_name(line: str) -> tuple[str, str, str]:
    cut = min((i for i in (line.find(":"), line.find(";")) if i >= 0), default=-1)
    if cut < 0:
        return line, "", ""
    value = line.partition(":")[2]
    return line[:cut], ":" if ":" in line else "", value


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _parse(data: bytes | str, source: str | None) -> tuple[icalendar.Calendar, list[_Lines]]:
    logical = _logical_lines(data, source)
    lines = _scan(logical, source)
    text = "".join(f"{line}\r\n" for _, line in logical)  # unfolded: icalendar has nothing to undo
    try:
        with _warnings.catch_warnings():
            # "Guessed" vendor-prefixed TZIDs: resolved and reported by us, per event.
            _warnings.simplefilter("ignore", icalendar.GloballyUniqueTZIDGuessed)
            calendar = icalendar.Calendar.from_ical(text)
    except Exception as exc:  # untrusted input: whatever the parser trips on is a syntax error
        line = _failing_line(logical, str(exc))
        reason = _short(str(exc), 80)
        raise IcalError("ical_syntax", line=line, source=source, reason=reason) from None
    if not isinstance(calendar, icalendar.Calendar):  # pragma: no cover - _scan checked it
        raise IcalError("ical_syntax", source=source, reason="not a VCALENDAR")
    return calendar, lines


def _failing_line(lines: Sequence[tuple[int, str]], error: str) -> int | None:
    """The first line that icalendar cannot read alone in its components, with ``error``.

    icalendar's errors say what but not where: a broken property outside an event (a
    VTIMEZONE's TZOFFSETFROM) fails the whole calendar. Each line is read again, alone in the
    components that hold it, until one fails as the calendar did; this is done only for a
    calendar that could not be read.
    """
    path: list[str] = []
    for number, line in lines:
        name, _, value = _split_name(line)
        if name.upper() == "BEGIN":
            path.append(value.strip())
            continue
        if name.upper() == "END":
            if path:
                path.pop()
            continue
        if path and path[-1].upper() == "VEVENT":
            continue  # icalendar keeps what it cannot read in an event, as its errors
        begin = "".join(f"BEGIN:{component}\r\n" for component in path or ["VCALENDAR"])
        end = "".join(f"END:{component}\r\n" for component in reversed(path or ["VCALENDAR"]))
        try:
            with _warnings.catch_warnings():
                _warnings.simplefilter("ignore")
                icalendar.Calendar.from_ical(f"{begin}{line}\r\n{end}")
        except Exception as exc:  # the line icalendar trips on, or its components alone
            if str(exc) == error:
                return number
    return None


@dataclass(slots=True)
class _Event:
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


class _Reader:
    def __init__(self, data: bytes | str, timezone: str | None, source: str | None) -> None:
        self.source = source
        self.calendar, self.lines = _parse(data, source)
        self.warnings: list[Problem] = []
        self.local_warned: set[tuple[int, str]] = set()
        """The properties already warned about as times the clocks skip or repeat."""
        self.own_zones: dict[str, dt.tzinfo] | None = None
        self.overrides: dict[str, list[tuple[int, icalendar.Component]]] = {}
        """Events that change one occurrence of a repeating event (RECURRENCE-ID), by UID."""
        if timezone is not None and not _is_iana(timezone):
            raise IcalError("ical_invalid_timezone", source=source, value=timezone)
        default = timezone
        if default is None:
            declared = self.calendar.get("X-WR-TIMEZONE")
            if declared is not None and _is_iana(str(declared)):
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
        written = _short(_written(value))
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
        if index >= len(self.lines):  # pragma: no cover - same walk as _scan
            return None
        lines = self.lines[index]
        if prop is not None and prop in lines.properties:
            return lines.properties[prop]
        return lines.begin

    # --- reading ----------------------------------------------------------------------

    def read(self) -> ImportedCalendar:
        events: list[_Event] = []
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
        children: dict[str, list[_Event]] = {}
        standalone: list[_Event] = []
        for event in events:
            parent = by_uid.get(event.parent) if event.parent is not None else None
            if event.parent is not None and parent is None:
                self.warn("ical_unknown_parent", event.index, uid=event.uid, parent=event.parent)
            elif parent is not None and parent.parent is not None and parent.parent in by_uid:
                reason = "that event is itself an item"
                self.warn(
                    "ical_not_an_item", event.index, uid=event.uid, parent=parent.uid, reason=reason
                )
                parent = None
            elif parent is not None and not isinstance(event.start, dt.datetime):
                reason = "it lasts all day"
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
            key = _unique(_meeting_key(event.uid), uids)
            meeting = self.meeting(key, event, children.get(event.uid, []))
            found = None
            if event.repeats is not None:
                if len(key) > _MAX_SERIES_ID:  # the ids of its meetings add -YYYY-MM-DD
                    key = _unique(_hashed_key(event.uid), uids)
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

    def warn_repeats(self, event: _Event) -> None:
        day = event.start.date() if isinstance(event.start, dt.datetime) else event.start
        self.warn(
            "ical_recurrence", event.index, "RRULE", uid=event.uid, rule=event.repeats, date=day
        )

    def event(self, index: int, component: icalendar.Component) -> _Event | None:
        uid_value = component.get("UID")
        if uid_value is None or not str(uid_value).strip():
            uid = f"event-{index + 1}"
            self.warn("ical_no_uid", index, uid=uid)
        else:
            uid = str(uid_value).strip()
        self.check_broken(index, uid, component)
        if component.get("RECURRENCE-ID") is not None:
            self.overrides.setdefault(uid, []).append((index, component))
            return None  # read with its series, if it has one (see series())
        summary = self.single(index, uid, component, "SUMMARY")
        if summary is None or is_blank(_clean_line(str(summary))):
            raise self.error("ical_missing_summary", index, uid=uid)
        if component.get("DTSTART") is None:
            raise self.error("ical_missing_start", index, uid=uid)
        start, end, zone = self.times(index, uid, component)
        repeats = None
        if component.get("RRULE") is not None or component.get("RDATE") is not None:
            rule = component.get("RRULE")
            repeats = "RDATE" if rule is None else "; ".join(_written(r) for r in _values(rule))
        ours = _OUR_UID.fullmatch(uid) is not None
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
            notes = None if is_blank(text) else _localised(text, description)
        return _Event(
            index=index,
            uid=uid,
            line=self.line_of(index) or 0,
            title=_localised(self.text(index, uid, "SUMMARY", summary, MAX_LINE_LENGTH), summary),
            start=start,
            end=end,
            zone=zone,
            location=None if where is None or is_blank(where) else where,
            location_lang=_param_language(location),
            description=notes,
            ours=ours,
            status=self.status(component),
            previous_date=self.previous_date(index, uid, component),
            parent=_parent(component),
            kind=_kind(component),
            facilitators=_facilitators(component, _param_language(summary)),
            room=_room(component),
            conference=_first_web_address(component.get("CONFERENCE")),
            url=_first_web_address(component.get("URL")),
            component=component,
            repeats=repeats,
        )

    def single(self, index: int, uid: str, component: icalendar.Component, name: str) -> Any:
        """A property that RFC 5545 allows once: the first, with a warning if there are more."""
        value = component.get(name)
        if isinstance(value, list):
            self.warn("ical_repeated_property", index, name, uid=uid, name=name, count=len(value))
            return value[0]
        return value

    def check_broken(self, index: int, uid: str, component: icalendar.Component) -> None:
        needed = {"DTSTART", "DTEND", "DURATION", "SUMMARY", "UID", "RELATED-TO"}
        for name, reason in component.errors:
            if name is None:
                name = "a line"
                raise self.error(
                    "ical_broken_property", index, uid=uid, name=name, reason=_short(reason, 80)
                )
            if name.upper() in needed:
                raise self.error(
                    "ical_broken_property",
                    index,
                    name.upper(),
                    uid=uid,
                    name=name.upper(),
                    reason=_short(reason, 80),
                )
            self.warn(
                "ical_ignored_property",
                index,
                name.upper(),
                uid=uid,
                name=name.upper(),
                reason=_short(reason, 80),
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
        text = _clean_text(str(value)) if multiline else _clean_line(str(value))
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
                return MeetingStatus(_x_text(declared).strip().lower())
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
            reason = f"{day} is out of range"
        else:
            raw = _x_text(value).strip()
            reason = f"{_short(raw)!r} is not a date"
            try:
                day = dt.datetime.strptime(raw[:8], "%Y%m%d").date()
            except ValueError:
                day = None
            else:
                reason = f"{day} is out of range"
        if day is not None and _in_range(day):
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
            duration: Any = component["DURATION"]
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
                    reason="DTSTART and DTEND must both be dates or both be date-times",
                )
            if end < start:
                raise self.error(
                    "ical_end_before_start",
                    index,
                    "DTEND",
                    uid=uid,
                    start=_show(start),
                    end=_show(end),
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
        prop: Any = component[name]
        try:
            value = prop.dt
        except Exception as exc:  # a broken value: icalendar raises its own kinds
            raise self.error(
                "ical_broken_property", index, name, uid=uid, name=name, reason=_short(str(exc), 80)
            ) from None
        if isinstance(value, dt.date) and not _in_range(value):
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
                reason="expected a date or a date-time",
            )
        wall = value.replace(tzinfo=None)
        tzid = prop.params.get("TZID")
        aware: dt.datetime
        written_in = None  # the IANA zone of a wall time as written
        if tzid is not None:
            iana = _iana_name(str(tzid))
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
            template = _ALL_MESSAGES[issue.code]
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

    # --- series -------------------------------------------------------------------------

    def series(
        self,
        key: str,
        meeting: Meeting,
        event: _Event,
        overrides: Sequence[tuple[int, icalendar.Component]],
    ) -> Series | None:
        """A repeating event as a series, or None when a series cannot say what it says.

        ``meeting`` is the event read as its first occurrence. Overrides (RECURRENCE-ID) that
        a series cannot hold are skipped with a warning; the rest of the series is kept.
        """
        start, end = event.start, event.end
        if not isinstance(start, dt.datetime) or not isinstance(end, dt.datetime):
            return None  # all day, or without an end: a series' meetings have hours
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
        # the moves are taken one by one, and those that do not fit are skipped.
        kept: list[MovedOccurrence] = []
        for index, change in moved:
            try:
                found = Series.model_validate({**data, "moved": [*kept, change]})
            except ValidationError:
                self.warn("ical_recurrence_override", index, "RECURRENCE-ID", uid=event.uid)
            else:
                kept.append(change)
        return found

    def recurrence(self, value: Any, zone: ZoneInfo, begins: dt.time) -> Recurrence | None:
        """The RRULE as a Recurrence: UNTIL, an instant, becomes the last date it allows."""
        parts = [part for part in _written(value).split(";") if part.strip()]
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
        for prop in _values(component.get(name)):
            try:
                values = [(v.dt, v.params.get("TZID", prop.params.get("TZID"))) for v in prop.dts]
            except Exception:  # an unreadable value (warned about as ignored)
                return None
            for value, tzid in values:
                if isinstance(value, dt.date) and not _in_range(value):
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
            iana = _iana_name(str(tzid))
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
        usual_end = _later(ends, _seconds(new_start) - _seconds(begins))
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

    def meeting(self, key: str, event: _Event, items: Sequence[_Event]) -> Meeting:
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
                "name": _localised_text(event.location, event.location_lang),
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

    def item(
        self, event: _Event, parent: _Event, zone: ZoneInfo, with_rooms: bool
    ) -> dict[str, Any]:
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
                    start=_show(start),
                    end=_show(end),
                )
            if end > start:
                data["end"] = end.time()
        data["id"] = _item_key(event.uid)
        data["kind"] = event.kind
        data["facilitators"] = event.facilitators
        if event.room is not None and with_rooms and parent.location:
            data["room"] = event.room[0]
        if not event.ours and event.description is not None:
            data["notes"] = event.description
        return data


# --- helpers for reading --------------------------------------------------------------------

_MAX_SERIES_ID = 64 - len("-YYYY-MM-DD")


def _last_date(until: str, zone: ZoneInfo, begins: dt.time) -> dt.date | None:
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


_LONGEST = dt.date(YEAR_MAX, 12, 31) - dt.date(YEAR_MIN, 1, 1)
"""No event lasts longer than the years a meeting can have."""


def _in_range(day: dt.date) -> bool:
    """Whether ``day`` is in the years a meeting can have (types.MeetingDay)."""
    return YEAR_MIN <= day.year <= YEAR_MAX


def _seconds(moment: dt.time) -> int:
    return moment.hour * 3600 + moment.minute * 60 + moment.second


def _later(moment: dt.time, seconds: int) -> dt.time | None:
    """``moment`` plus ``seconds``; None if that leaves the day."""
    total = _seconds(moment) + seconds
    if not 0 < total < 86400:
        return None
    return dt.time(total // 3600, total % 3600 // 60, total % 60)


def _is_iana(name: str) -> bool:
    # Not what ZoneInfo can load: "localtime" and "Factory" load, and are the machine's zone.
    return name in iana_timezones()


def _iana_name(tzid: str) -> str | None:
    """The IANA name a TZID stands for: itself, a Windows name's, a ``/vendor/Area/City``'s."""
    cleaned = tzid.strip().strip("/")
    candidates = [cleaned, WINDOWS_TO_OLSON.get(cleaned, "")]
    parts = cleaned.split("/")
    candidates += ["/".join(parts[n:]) for n in range(1, len(parts))]
    for candidate in candidates:
        if candidate and _is_iana(candidate):
            return "UTC" if candidate in ("Etc/UTC", "Etc/GMT", "GMT", "Z") else candidate
    return None


def _show(moment: dt.date) -> str:
    if isinstance(moment, dt.datetime):
        return moment.strftime("%Y-%m-%d %H:%M %z")
    return moment.isoformat()


_CONTROLS_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_CONTROLS_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]+")
_OVERRIDES = re.compile(r"[\u202a-\u202e]")


def _clean_line(text: str) -> str:
    """Text from another application as one line: a run of line breaks or other controls
    becomes one space, and the bidi embeddings and overrides that the model refuses go.
    Nothing else changes, so that titles written here come back exactly."""
    return _CONTROLS_LINE.sub(" ", _OVERRIDES.sub("", text))


def _clean_text(text: str) -> str:
    text = _OVERRIDES.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROLS_TEXT.sub(" ", text).strip()


def _param_language(value: Any) -> str | None:
    params = getattr(value, "params", None)
    if not params or not params.get("LANGUAGE"):
        return None
    try:
        return normalize_locale(str(params["LANGUAGE"]))
    except RrmaError:
        return None


def _localised_text(text: str, lang: str | None) -> LocalisedText:
    return LocalisedText({lang: text}) if lang else LocalisedText(text)


def _localised(text: str, value: Any) -> LocalisedText:
    return _localised_text(text, _param_language(value))


_TEXT_ESCAPE = re.compile(r"\\([\\;,nN])")


def _x_text(value: Any) -> str:
    """The text of an X- property, which icalendar keeps as written: RFC 5545 escapes undone.

    (``vText.from_ical`` does not unescape, and icalendar's unescaping helpers are on their
    way out of its public API.)
    """
    return _TEXT_ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), str(value))


def _values(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _parent(component: icalendar.Component) -> str | None:
    for related in _values(component.get("RELATED-TO")):
        reltype = str(getattr(related, "params", {}).get("RELTYPE", "PARENT")).upper()
        if reltype == "PARENT" and str(related).strip():
            return str(related).strip()  # RFC 5545: PARENT is the default RELTYPE
    return None


def _kind(component: icalendar.Component) -> ItemKind:
    value = component.get("X-RRMA-KIND")
    if value is not None:
        try:
            return ItemKind(_x_text(value).strip().lower())
        except ValueError:
            pass
    return ItemKind.OTHER


_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


def _valid_id(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text if _ID.fullmatch(text) else None


def _facilitators(
    component: icalendar.Component, lang: str | None
) -> list[PersonFacilitator | ActorFacilitator | RoleFacilitator]:
    found: list[PersonFacilitator | ActorFacilitator | RoleFacilitator] = []
    for value in _values(component.get("X-RRMA-FACILITATOR")):
        name = _clean_line(_x_text(value))[:MAX_LINE_LENGTH]
        if is_blank(name):
            continue
        params = getattr(value, "params", {})
        kind = str(params.get("X-RRMA-TYPE", "")).lower()
        key = _valid_id(params.get("X-RRMA-ID"))
        if kind == "person" and key:
            found.append(
                PersonFacilitator(
                    person=key,
                    label=name,
                    on_behalf_of=_valid_id(params.get("X-RRMA-ON-BEHALF-OF")),
                )
            )
        elif kind == "actor" and key:
            found.append(ActorFacilitator(actor=key, label=name))
        else:
            found.append(RoleFacilitator(role=_localised_text(name, lang), actor=key))
    if found:
        return found
    # Other applications: whoever chairs the event leads it.
    for attendee in _values(component.get("ATTENDEE")):
        params = getattr(attendee, "params", {})
        if str(params.get("ROLE", "")).upper() != "CHAIR":
            continue
        address = str(attendee)
        name = _clean_line(str(params.get("CN") or address.partition(":")[2] or address))
        if not is_blank(name):
            found.append(PersonFacilitator(person=_person_key(name), label=name[:MAX_LINE_LENGTH]))
    return found


def _person_key(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:48]
    if slug:
        return slug
    return "p-" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:10]


def _room(component: icalendar.Component) -> tuple[str, str] | None:
    value = component.get("X-RRMA-ROOM")
    if value is None or isinstance(value, list):
        return None
    key = _valid_id(getattr(value, "params", {}).get("X-RRMA-ID"))
    name = _clean_line(_x_text(value))[:MAX_LINE_LENGTH]
    return (key, name) if key and not is_blank(name) else None


def _first_web_address(value: Any) -> str | None:
    for candidate in _values(value):
        text = str(candidate).strip()
        if re.fullmatch(r"https?://[^\s\x00-\x1f]+", text) and len(text) <= 2000:
            return text
    return None


def _meeting_key(uid: str) -> str:
    ours = _OUR_UID.fullmatch(uid)
    if ours is not None and ours.group("item") is None and _valid_id(ours.group("meeting")):
        return ours.group("meeting")
    return _valid_id(uid) or _hashed_key(uid)


def _hashed_key(uid: str) -> str:
    return "ev-" + hashlib.sha256(uid.encode("utf-8")).hexdigest()[:12]


def _written(value: Any) -> str:
    """A property's value as written in the calendar."""
    try:
        return str(value.to_ical().decode("utf-8"))
    except Exception:  # a value icalendar could not read keeps its text
        return str(value)


def _item_key(uid: str) -> str:
    ours = _OUR_UID.fullmatch(uid)
    if ours is not None and ours.group("item") is not None and _valid_id(ours.group("item")):
        return ours.group("item")
    return _valid_id(uid) or "ev-" + hashlib.sha256(uid.encode("utf-8")).hexdigest()[:12]


def _unique(key: str, used: Mapping[str, str]) -> str:
    if key not in used:
        return key
    n = 2
    while f"{key[:60]}-{n}" in used:
        n += 1
    return f"{key[:60]}-{n}"


def _isolated_in(language: str) -> Callable[[Piece], str]:
    """A name as an Arabic description writes it: isolated when it runs the other way."""

    def name(piece: Piece) -> str:
        if needs_isolation(piece, language):
            return f"{FSI}{piece.text}{PDI}"
        return piece.text

    return name
