"""What a programme shows, resolved for one language: the common input of every output format.

The model says what a meeting is; a view says how it reads in a language: which text of each
localised field (and in which language it actually is, so that a French fallback inside an
Arabic page can be marked as French), formatted dates and times, facilitator names as written.
Text, Markdown and HTML outputs are written from views, so they always agree. User text enters
a view with its directional isolates balanced (:func:`~rrma_groups.i18n.bidi.balance_isolates`),
so that no title can reorder the row it is written in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..i18n.bidi import balance_isolates
from ..i18n.catalog import translator
from ..i18n.formatting import format_date, format_list, format_time, format_time_range
from ..i18n.locales import direction, normalize_locale
from ..model import (
    ActorFacilitator,
    AgendaItem,
    CountryGroup,
    ItemKind,
    LocalisedText,
    Meeting,
    MeetingStatus,
    PersonFacilitator,
    RoleFacilitator,
)

__all__ = ["GroupView", "ItemView", "MeetingView", "Piece", "group_view", "meeting_view"]


@dataclass(frozen=True, slots=True)
class Piece:
    """A piece of user text and the language it is in (``None``: unknown or not a language)."""

    text: str
    lang: str | None = None

    def __bool__(self) -> bool:
        return bool(self.text)


@dataclass(frozen=True, slots=True)
class ItemView:
    day: dt.date
    start: dt.time
    end: dt.time | None
    time: str
    """The formatted time range (or start alone for an open-ended item)."""
    title: Piece
    facilitators: tuple[Piece, ...]
    facilitators_text: str
    """Facilitators joined as the language writes a list (or " - " in the French programme)."""
    kind: ItemKind
    room: Piece | None
    track: str | None
    notes: Piece | None


@dataclass(frozen=True, slots=True)
class DayView:
    day: dt.date
    date: str
    """The date as the programme's Date column writes it."""
    long_date: str
    items: tuple[ItemView, ...]
    rooms: tuple[Piece, ...]
    """Rooms used in parallel on that day, in order of first use."""


@dataclass(frozen=True, slots=True)
class MeetingView:
    lang: str
    dir: str
    id: str
    title: Piece
    dates: str
    """The dates in words: "vendredi 4 novembre 2016"."""
    times: str | None
    """The hours of a one-day meeting: "14h00 - 17h30"."""
    venue: Piece | None
    city: Piece | None
    status: MeetingStatus
    previous_date: str | None
    description: Piece | None
    objectives: tuple[Piece, ...]
    days: tuple[DayView, ...]
    organiser: Piece | None
    signatory: Piece | None
    signatory_affiliation: Piece | None
    online_url: str | None


@dataclass(frozen=True, slots=True)
class GroupView:
    lang: str
    dir: str
    name: Piece
    acronym: Piece | None
    network: Piece
    network_tagline: Piece | None
    network_mission: Piece | None
    context: Piece | None
    description: Piece | None
    objectives: tuple[Piece, ...]
    membership: Piece | None
    membership_note: Piece | None
    meetings: tuple[MeetingView, ...] = field(default=())


# --- building -------------------------------------------------------------------------------


class _Resolver:
    """Looks up localised text and names for one language and one group."""

    def __init__(self, lang: str, group: CountryGroup | None) -> None:
        self.lang = lang
        self.group = group
        self.default = group.default_language if group is not None else "fr"
        self.programme_style = lang.split("_")[0] == "fr"
        self._ = translator(lang).gettext

    def text(self, value: LocalisedText | None) -> Piece | None:
        if value is None or not value:
            return None
        text, lang = value.resolve(self.lang, self.default)
        return Piece(balance_isolates(text), lang)

    def must(self, value: LocalisedText) -> Piece:
        return self.text(value) or Piece("")

    def actor_name(self, key: str, day: dt.date) -> Piece:
        if self.group is None:
            return Piece(key)
        try:
            actor = self.group.actor(key)
        except KeyError:
            return Piece(key)
        return self.must(actor.name_on(day))

    def person_name(self, key: str) -> Piece:
        if self.group is None:
            return Piece(key)
        try:
            return Piece(balance_isolates(self.group.person(key).name))
        except KeyError:
            return Piece(key)

    def facilitators(self, item: AgendaItem, day: dt.date) -> tuple[Piece, ...]:
        pieces = []
        in_default = self.lang.split("_")[0] == self.default.split("_")[0]
        for facilitator in item.facilitators:
            if isinstance(facilitator, PersonFacilitator):
                # Names are kept as written, in every language.
                pieces.append(
                    Piece(balance_isolates(facilitator.label))
                    if facilitator.label
                    else self.person_name(facilitator.person)
                )
            elif isinstance(facilitator, ActorFacilitator):
                # A label is the name as written in the original programme: right in its
                # language; in another, the organisation's own localised name reads better.
                if facilitator.label and in_default:
                    pieces.append(Piece(balance_isolates(facilitator.label), self.default))
                else:
                    pieces.append(self.actor_name(facilitator.actor, day))
            elif isinstance(facilitator, RoleFacilitator):
                pieces.append(self.must(facilitator.role))
        return tuple(pieces)

    def join(self, pieces: Sequence[Piece]) -> str:
        names = [p.text for p in pieces]
        if not names:
            return ""
        if self.programme_style:
            return " - ".join(names)  # as printed programmes write it: "A - B"
        return format_list(names, self.lang)

    def time(self, item: AgendaItem) -> str:
        style = "programme"
        if item.end is None:
            return format_time(item.start, self.lang, style)
        return format_time_range(item.start, item.end, self.lang, style)

    def column_date(self, day: dt.date) -> str:
        if self.programme_style:
            return day.strftime("%d/%m/%Y")  # the seed's Date column: 04/11/2016
        return format_date(day, self.lang, "medium")


def meeting_view(meeting: Meeting, lang: str, group: CountryGroup | None = None) -> MeetingView:
    """Resolve a meeting for ``lang`` (facilitators and organiser are named from ``group``)."""
    lang = normalize_locale(lang)
    r = _Resolver(lang, group)
    days = []
    for day in meeting.agenda.days(meeting.date):
        items = []
        rooms: dict[str, Piece] = {}
        for item in meeting.agenda.on(day, meeting.date):
            room = None
            if item.room is not None:
                room = rooms.get(item.room) or _room_name(meeting, item.room, r)
                rooms.setdefault(item.room, room)
            facilitators = r.facilitators(item, day)
            items.append(
                ItemView(
                    day=day,
                    start=item.start,
                    end=item.end,
                    time=r.time(item),
                    title=r.must(item.title),
                    facilitators=facilitators,
                    facilitators_text=r.join(facilitators),
                    kind=item.kind,
                    room=room,
                    track=balance_isolates(item.track) if item.track else None,
                    notes=r.text(item.notes),
                )
            )
        days.append(
            DayView(
                day=day,
                date=r.column_date(day),
                long_date=format_date(day, lang, "full"),
                items=tuple(items),
                rooms=tuple(rooms.values()),
            )
        )
    venue = meeting.venue
    signatory = signatory_affiliation = organiser = None
    if meeting.organiser is not None:
        organiser = r.actor_name(meeting.organiser, meeting.date)
    if meeting.signatory is not None:
        signatory = r.person_name(meeting.signatory)
        if group is not None:
            try:
                affiliation = group.person(meeting.signatory).affiliation
            except KeyError:
                affiliation = None
            if affiliation is not None:
                signatory_affiliation = r.actor_name(affiliation, meeting.date)
    return MeetingView(
        lang=lang,
        dir=direction(lang),
        id=meeting.id,
        title=r.must(meeting.title),
        dates=_dates(meeting, lang, r),
        times=_times(meeting, lang),
        venue=r.text(venue.name) if venue else None,
        city=r.text(venue.city) if venue and venue.city else None,
        status=meeting.status,
        previous_date=format_date(meeting.previous_date, lang, "full")
        if meeting.previous_date
        else None,
        description=r.text(meeting.description),
        objectives=tuple(r.must(o.text) for o in meeting.objectives),
        days=tuple(days),
        organiser=organiser,
        signatory=signatory,
        signatory_affiliation=signatory_affiliation,
        online_url=meeting.online_url,
    )


def _room_name(meeting: Meeting, key: str, r: _Resolver) -> Piece:
    if meeting.venue is not None:
        for room in meeting.venue.rooms:
            if room.id == key:
                return r.must(room.name)
    return Piece(key)


def _dates(meeting: Meeting, lang: str, r: _Resolver) -> str:
    first = format_date(meeting.date, lang, "full")
    if meeting.end_date is None or meeting.end_date == meeting.date:
        return first
    last = format_date(meeting.end_date, lang, "full")
    return r._("{first} to {last}").format(first=first, last=last)


def _times(meeting: Meeting, lang: str) -> str | None:
    starts_at, ends_at = meeting.starts_at, meeting.ends_at
    if starts_at is None or ends_at is None or meeting.end_date not in (None, meeting.date):
        return None
    return format_time_range(starts_at.time(), ends_at.time(), lang, "programme")


def group_view(
    group: CountryGroup, lang: str, meetings: Sequence[Meeting] | None = None
) -> GroupView:
    """Resolve a group (and its meetings, or the given ones) for ``lang``."""
    lang = normalize_locale(lang)
    r = _Resolver(lang, group)
    network = group.network
    policy = group.membership_policy
    chosen = group.meetings if meetings is None else meetings
    return GroupView(
        lang=lang,
        dir=direction(lang),
        name=r.must(group.name),
        acronym=r.text(group.acronym),
        network=r.must(network.name_on(chosen[0].date) if chosen else network.name),
        network_tagline=r.text(network.tagline),
        network_mission=r.text(network.mission),
        context=r.text(network.context),
        description=r.text(group.description),
        objectives=tuple(r.must(o.text) for o in group.objectives),
        membership=r.text(policy.open_to) if policy else None,
        membership_note=r.text(policy.note) if policy else None,
        meetings=tuple(meeting_view(m, lang, group) for m in chosen),
    )
