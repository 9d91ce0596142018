"""schema.org JSON-LD: a meeting as an ``Event``, its agenda items as ``subEvent``s.

Search engines and other tools read it from a ``<script type="application/ld+json">`` element
of the meeting's web page; :func:`jsonld_script` writes that element.

>>> from rrma_groups import examples
>>> event = to_jsonld(examples.groupe_pays_maroc(), "fr", meeting="limoges-2016")
>>> event["@type"], event["startDate"], len(event["subEvent"])
('Event', '2016-11-04T14:00:00+01:00', 11)
>>> event["eventStatus"], event["inLanguage"]
('https://schema.org/EventScheduled', 'fr')

Choices:

- A meeting is an ``Event`` with ``@context``; a group gives an ``@graph`` of its meetings.
- ``eventStatus``: EventScheduled; EventCancelled; for a postponed meeting, EventRescheduled
  with ``previousStartDate`` when its new date is known (``previous_date`` is set), else
  EventPostponed (schema.org: "postponed to a date not yet known"). A scheduled meeting
  whose ``previous_date`` is set was moved: EventRescheduled too.
- ``location``: a ``Place`` with a ``PostalAddress`` (the country at least, as search engines
  expect an address) for the venue, a ``VirtualLocation`` for the online address of an online
  or hybrid meeting, both in a list for a hybrid one. An item in a room is located in a
  ``Place`` for the room, ``containedInPlace`` the venue.
- Facilitators are ``performer``s: a ``Person`` (with its full name from the group, and the
  organisation it speaks for as ``affiliation``), an ``Organization``, or for a role such as
  "Un représentant de chaque structure" a ``Role`` with ``roleName`` (schema.org's way to
  qualify a relation; its ``performer`` names the organisation when the role has one).
- ``organizer`` is the organising actor, an ``Organization``, when the group names it.
- ``inLanguage`` is the BCP 47 code of the language asked for.
- Keys come in a fixed order, so the same meeting always gives the same text.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence

from pydantic import JsonValue

from ..errors import WrongObjectError
from ..i18n.bidi import balance_isolates
from ..i18n.catalog import N_
from ..i18n.locales import normalize_locale, to_bcp47
from ..messages import Msg, listing
from ..model import (
    ActorFacilitator,
    AgendaItem,
    AttendanceMode,
    CountryGroup,
    Meeting,
    MeetingStatus,
    PersonFacilitator,
    RoleFacilitator,
)
from .errors import RenderError
from .view import ItemView, MeetingView, Piece, meeting_view

__all__ = ["JsonObject", "jsonld_script", "to_jsonld"]

JsonObject = dict[str, JsonValue]
"""A JSON object, as :func:`json.dumps` writes it."""

SCHEMA = "https://schema.org"

SERIES_EVENTS = 24
"""The most meetings of one series given as events: its first ones, cancelled ones included
(marked so); a rule without an end has no last one."""


def to_jsonld(
    obj: CountryGroup | Meeting,
    lang: str | None = None,
    *,
    group: CountryGroup | None = None,
    meeting: str | None = None,
) -> JsonObject:
    """A meeting as a schema.org ``Event`` (a group: an ``@graph`` of them), in ``lang``.

    A group gives all its meetings, then the meetings of each series (at most
    :data:`SERIES_EVENTS` each), or only ``meeting`` (an id, a series' included), which is
    then the ``Event`` itself. A meeting is best given with its ``group``, which names its
    organiser and its facilitators.

    :raises RenderError: ``meeting`` is not one of the group's, or ``obj`` is neither.
    :raises LocaleError: ``lang`` is not a language code.
    """
    return _jsonld(obj, lang, group, meeting, {})


def _jsonld(
    obj: CountryGroup | Meeting,
    lang: str | None,
    group: CountryGroup | None,
    meeting: str | None,
    views: Mapping[str, MeetingView],
) -> JsonObject:
    """:func:`to_jsonld`, given the views of some meetings already made (by their ids)."""
    meetings: Sequence[Meeting]
    if isinstance(obj, CountryGroup):
        group = obj
        meetings = [
            *obj.meetings,
            *(
                m.with_group(obj)
                for series in obj.series
                for m in series.meetings(limit=SERIES_EVENTS, include_cancelled=True)
            ),
        ]
        if meeting is not None:
            try:
                meetings = (obj.meeting(meeting),)
            except KeyError:
                ids = listing(obj.meeting_ids())
                raise RenderError("unknown_meeting", value=meeting, known=ids) from None
    elif isinstance(obj, Meeting):
        meetings = (obj,)
    else:
        raise WrongObjectError("to_jsonld", Msg(N_("a CountryGroup or a Meeting")), obj)
    language = normalize_locale(lang or (group.default_language if group is not None else "fr"))
    events = [
        _event(m, views.get(m.id) or meeting_view(m, language, group), group, language)
        for m in meetings
    ]
    if isinstance(obj, Meeting) or meeting is not None:
        return {"@context": SCHEMA, **events[0]}
    graph: list[JsonValue] = list(events)
    return {"@context": SCHEMA, "@graph": graph}


def jsonld_script(
    obj: CountryGroup | Meeting,
    lang: str | None = None,
    *,
    group: CountryGroup | None = None,
    meeting: str | None = None,
) -> str:
    """The ``<script type="application/ld+json">`` element of :func:`to_jsonld`'s data.

    Text from the data cannot end the element: ``<``, ``>`` and ``&`` are written as JSON
    escapes (``\\u003c``...), as Django's ``json_script`` does. Escaping ``</`` alone would
    leave ``<!--<script>``, which makes the HTML parser skip the real ``</script>``.

    >>> meeting = Meeting(id="m", title="</script><b>", date="2016-11-04")
    >>> print(jsonld_script(meeting).splitlines()[4])
      "name": "\\u003c/script\\u003e\\u003cb\\u003e",
    """
    return _script(to_jsonld(obj, lang, group=group, meeting=meeting), indent=2)


def page_script(
    obj: CountryGroup | Meeting,
    language: str,
    *,
    group: CountryGroup | None,
    meeting: str | None,
    views: Sequence[MeetingView],
) -> str:
    """The script a whole HTML page embeds: :func:`jsonld_script`'s data, from the views the
    page was written from, and without indentation (only machines read it; indented JSON is
    written by Python's slower encoder)."""
    known = {view.id: view for view in views}
    return _script(_jsonld(obj, language, group, meeting, known), indent=None)


def _script(data: JsonObject, *, indent: int | None) -> str:
    """The script element of ``data``, escaped for HTML (see :func:`jsonld_script`)."""
    return f'<script type="application/ld+json">\n{dumps_for_html(data, indent=indent)}\n</script>'


_HTML_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    # Valid in JSON, but line terminators in JavaScript before ES2019.
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def dumps_for_html(data: JsonObject, *, indent: int | None = 2) -> str:
    """JSON text that is safe inside a ``<script>`` element (see :func:`jsonld_script`)."""
    # These characters can only occur inside JSON strings, where the escapes mean the same.
    # One str.replace per character: far quicker than str.translate on a long text.
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    for char, escape in _HTML_ESCAPES.items():
        if chr(char) in text:
            text = text.replace(chr(char), escape)
    return text


# --- building -------------------------------------------------------------------------------

_STATUS = {
    MeetingStatus.SCHEDULED: "EventScheduled",
    MeetingStatus.CANCELLED: "EventCancelled",
    MeetingStatus.POSTPONED: "EventPostponed",
}
_ATTENDANCE = {
    AttendanceMode.IN_PERSON: "OfflineEventAttendanceMode",
    AttendanceMode.ONLINE: "OnlineEventAttendanceMode",
    AttendanceMode.HYBRID: "MixedEventAttendanceMode",
}


def _event(
    meeting: Meeting, view: MeetingView, group: CountryGroup | None, language: str
) -> JsonObject:
    event: JsonObject = {"@type": "Event", "name": view.title.text}
    if view.description:
        event["description"] = view.description.text
    elif view.objectives:  # what search engines recommend: say what the meeting is about
        sentences = (o.text.strip() for o in view.objectives)
        event["description"] = " ".join(
            s if s.endswith((".", "!", "?", "؟")) else s + "." for s in sentences
        )
    if meeting.image is not None:
        event["image"] = [meeting.image]
    start, end = meeting.starts_at, meeting.ends_at
    event["startDate"] = _iso(start) if start is not None else meeting.date.isoformat()
    if end is not None:
        event["endDate"] = _iso(end)
    elif start is None and meeting.end_date is not None:
        event["endDate"] = meeting.end_date.isoformat()
    status = _STATUS[meeting.status]
    if meeting.previous_date is not None and meeting.status is not MeetingStatus.CANCELLED:
        status = "EventRescheduled"
    event["eventStatus"] = f"{SCHEMA}/{status}"
    if meeting.previous_date is not None:
        event["previousStartDate"] = meeting.previous_date.isoformat()
    event["eventAttendanceMode"] = f"{SCHEMA}/{_ATTENDANCE[meeting.attendance_mode]}"
    place, virtual = _place(meeting, view), _virtual(meeting)
    location = _location(place, virtual)
    if location is not None:
        event["location"] = location
    if meeting.organiser is not None and view.organiser is not None and group is not None:
        organizer: JsonObject = {"@type": "Organization", "name": view.organiser.text}
        try:
            website = group.actor(meeting.organiser).website
        except KeyError:
            website = None
        if website:
            organizer["url"] = website
        event["organizer"] = organizer
    admission = meeting.admission
    if admission is not None:
        offer: JsonObject = {
            "@type": "Offer",
            "price": f"{admission.price:f}",
            "priceCurrency": admission.currency,
        }
        if admission.url is not None:
            offer["url"] = admission.url
        event["isAccessibleForFree"] = admission.price == 0
        event["offers"] = offer
    event["inLanguage"] = to_bcp47(language)
    subevents: list[JsonValue] = []
    for day, day_view in zip(meeting.agenda.days(meeting.date), view.days, strict=True):
        items = meeting.agenda.on(day, meeting.date)
        for item, item_view in zip(items, day_view.items, strict=True):
            sub: JsonObject = {
                "@type": "Event",
                "name": item_view.title.text,
                "startDate": _iso(meeting.item_start(item)),
            }
            item_end = meeting.item_end(item)
            if item_end is not None:
                sub["endDate"] = _iso(item_end)
            if item_view.room is not None and place is not None:
                room: JsonObject = {
                    "@type": "Place",
                    "name": item_view.room.text,
                    "containedInPlace": place,
                }
                sub["location"] = room
            elif location is not None:
                sub["location"] = location
            performers = _performers(item, item_view, day, group, language)
            if performers:
                sub["performer"] = performers
            subevents.append(sub)
    if subevents:
        event["subEvent"] = subevents
    return event


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat()


def _place(meeting: Meeting, view: MeetingView) -> JsonObject | None:
    venue = meeting.venue
    if venue is None:
        return None
    address: JsonObject = {"@type": "PostalAddress"}
    if venue.address:
        address["streetAddress"] = balance_isolates(venue.address)
    if venue.postal_code:
        address["postalCode"] = balance_isolates(venue.postal_code)
    if view.city:
        address["addressLocality"] = view.city.text
    address["addressCountry"] = venue.country
    return {"@type": "Place", "name": view.venue.text if view.venue else "", "address": address}


def _virtual(meeting: Meeting) -> JsonObject | None:
    if meeting.attendance_mode is AttendanceMode.IN_PERSON or not meeting.online_url:
        return None
    return {"@type": "VirtualLocation", "url": meeting.online_url}


def _location(place: JsonObject | None, virtual: JsonObject | None) -> JsonValue:
    if place is not None and virtual is not None:
        return [place, virtual]
    return place or virtual


def _performers(
    item: AgendaItem,
    view: ItemView,
    day: dt.date,
    group: CountryGroup | None,
    language: str,
) -> list[JsonValue]:
    out: list[JsonValue] = []
    for facilitator, piece in zip(item.facilitators, view.facilitators, strict=True):
        if isinstance(facilitator, PersonFacilitator):
            person: JsonObject = {
                "@type": "Person",
                "name": _person_name(facilitator, piece, group),
            }
            name = _actor_name(facilitator.on_behalf_of, day, group, language)
            if name:
                person["affiliation"] = {"@type": "Organization", "name": name}
            out.append(person)
        elif isinstance(facilitator, ActorFacilitator):
            out.append({"@type": "Organization", "name": piece.text})
        elif isinstance(facilitator, RoleFacilitator):
            role: JsonObject = {"@type": "Role", "roleName": piece.text}
            name = _actor_name(facilitator.actor, day, group, language)
            if name:
                role["performer"] = {"@type": "Organization", "name": name}
            out.append(role)
    return out


def _person_name(facilitator: PersonFacilitator, piece: Piece, group: CountryGroup | None) -> str:
    # The programme writes "Khalid"; a machine reader is better served by the full name.
    if group is not None:
        try:
            return balance_isolates(group.person(facilitator.person).name)
        except KeyError:
            pass
    return piece.text


def _actor_name(
    key: str | None, day: dt.date, group: CountryGroup | None, language: str
) -> str | None:
    if key is None or group is None:
        return None
    try:
        actor = group.actor(key)
    except KeyError:
        return None
    return balance_isolates(actor.name_on(day).get(language, group.default_language))
