"""What a programme shows, resolved for one language: the common input of every output format.

The model says what a meeting is; a view says how it reads in a language: which text of each
localised field (and in which language it actually is, so that a French fallback inside an
Arabic page can be marked as French), formatted dates and times, facilitator names as written.
Text, Markdown and HTML outputs are written from views, so they always agree. User text enters
a view with its directional isolates balanced (:func:`~rrma_groups.i18n.bidi.balance_isolates`),
so that no title can reorder the row it is written in.

A group's view holds its whole page, in the order of the 2016 programme it is modelled on: the
context, the network (its mission and founders), the group and its objectives, how it works
(and what the network offers it), who may join, then the cooperation of each actor of the
territory that has a cooperation policy (since when, with whom, its priority areas and
partnerships), the priority areas and partnerships that no such actor holds, and the meetings.
Enum values come as their labels in the page's language; a view is empty where the data is, so
that the writers leave the section out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..i18n.bidi import balance_isolates
from ..i18n.catalog import N_, translator
from ..i18n.formatting import format_date, format_list, format_time, format_time_range
from ..i18n.locales import direction, normalize_locale
from ..model import (
    Actor,
    ActorFacilitator,
    ActorKind,
    AgendaItem,
    CountryGroup,
    ItemKind,
    LocalisedText,
    Meeting,
    MeetingStatus,
    Partnership,
    PartnershipKind,
    PersonFacilitator,
    RoleFacilitator,
    ThematicPriority,
)
from .labels import enum_label, label

__all__ = [
    "CooperationView",
    "GroupView",
    "ItemView",
    "MeetingView",
    "PartnershipView",
    "Piece",
    "PriorityView",
    "group_view",
    "meeting_view",
    "running_times",
]


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
class PriorityView:
    """A priority area: its title and what it covers."""

    title: Piece
    description: Piece | None


@dataclass(frozen=True, slots=True)
class PartnershipView:
    parties: tuple[Piece, ...]
    parties_text: str
    """The parties' names joined as the language writes a list."""
    kind: str
    """Its kind, with its first year when known: "Coopération décentralisée depuis 2019"."""
    status: str
    """Where it stands, as its label: "actif"."""
    themes: tuple[Piece, ...]
    description: Piece | None


@dataclass(frozen=True, slots=True)
class CooperationView:
    """The cooperation policy of an actor of the territory (the seed's "En Limousin")."""

    actor: Piece
    since: str | None
    """Its kind and first year: "Coopération décentralisée depuis 1991"."""
    partner_areas: Piece | None
    description: Piece | None
    """The policy, in a few sentences."""
    actor_description: Piece | None
    """The actor, as the file describes it."""
    priorities: tuple[PriorityView, ...]
    """The group's priority areas the policy favours."""
    partnerships: tuple[PartnershipView, ...]
    """The partnerships the actor is a party to."""


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
    network_description: Piece | None = None
    founders: str | None = None
    """Who set the network up, as a list in the language: "État, collectivités territoriales
    et associations"."""
    working_arrangements: Piece | None = None
    offers: str | None = None
    """What the network offers the group, as a list: "hébergement, secrétariat et animation"."""
    network_membership: str | None = None
    """Whether joining requires membership of the network, as a sentence."""
    cooperations: tuple[CooperationView, ...] = ()
    priorities: tuple[PriorityView, ...] = ()
    """The priority areas no cooperation policy of :attr:`cooperations` lists."""
    partnerships: tuple[PartnershipView, ...] = ()
    """The partnerships no actor of :attr:`cooperations` is a party to."""


# --- building -------------------------------------------------------------------------------


class _Resolver:
    """Looks up localised text and names for one language and one group."""

    def __init__(self, lang: str, group: CountryGroup | None) -> None:
        self.lang = lang
        self.group = group
        self.default = group.default_language if group is not None else "fr"
        self.programme_style = lang.split("_")[0] == "fr"
        self._ = translator(lang).gettext
        # Names come back on item after item: one Piece each (a programme of thousands of
        # items then makes thousands fewer objects for the garbage collector to go through).
        self._names: dict[tuple[str, str | None], Piece] = {}

    def name(self, text: str, lang: str | None = None) -> Piece:
        """A name (or label) as written, one Piece for all its uses."""
        key = (text, lang)
        found = self._names.get(key)
        if found is None:
            found = self._names[key] = Piece(balance_isolates(text), lang)
        return found

    def text(self, value: LocalisedText | None) -> Piece | None:
        if value is None or not value:
            return None
        text, lang = value.resolve(self.lang, self.default)
        return Piece(balance_isolates(text), lang)

    def must(self, value: LocalisedText) -> Piece:
        return self.text(value) or Piece("")

    def actor_name(self, key: str, day: dt.date | None) -> Piece:
        """The actor's name on ``day`` (``None``: its name today), or its id if it is unknown."""
        if self.group is None:
            return Piece(key)
        try:
            actor = self.group.actor(key)
        except KeyError:
            return Piece(key)
        name = actor.name if day is None else actor.name_on(day)
        if not name:
            return Piece("")
        return self.name(*name.resolve(self.lang, self.default))

    def person_name(self, key: str) -> Piece:
        if self.group is None:
            return Piece(key)
        try:
            return self.name(self.group.person(key).name)
        except KeyError:
            return Piece(key)

    def facilitators(self, item: AgendaItem, day: dt.date) -> tuple[Piece, ...]:
        pieces = []
        in_default = self.lang.split("_")[0] == self.default.split("_")[0]
        for facilitator in item.facilitators:
            if isinstance(facilitator, PersonFacilitator):
                # Names are kept as written, in every language.
                pieces.append(
                    self.name(facilitator.label)
                    if facilitator.label
                    else self.person_name(facilitator.person)
                )
            elif isinstance(facilitator, ActorFacilitator):
                # A label is the name as written in the original programme: right in its
                # language; in another, the organisation's own localised name reads better.
                if facilitator.label and in_default:
                    pieces.append(self.name(facilitator.label, self.default))
                else:
                    pieces.append(self.actor_name(facilitator.actor, day))
            elif isinstance(facilitator, RoleFacilitator) and facilitator.role:
                pieces.append(self.name(*facilitator.role.resolve(self.lang, self.default)))
            elif isinstance(facilitator, RoleFacilitator):
                pieces.append(Piece(""))
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


# TRANSLATORS: a meeting's hours in a sentence, as printed programmes write them: "de 14h00 à
# 17h30", "من 14:00 إلى 17:30".
_FROM_TO = N_("from {start} to {end}")


def running_times(start: dt.time, end: dt.time, lang: str) -> str:
    """Hours in running text, the times as the programme writes them: "de 14h00 à 17h30",
    "من 14:00 إلى 17:30" (read from right to left: the start first), "from 2:00 PM to 5:30 PM".
    """
    return (
        translator(lang)
        .gettext(_FROM_TO)
        .format(
            start=format_time(start, lang, "programme"), end=format_time(end, lang, "programme")
        )
    )


def _times(meeting: Meeting, lang: str) -> str | None:
    starts_at, ends_at = meeting.starts_at, meeting.ends_at
    if starts_at is None or ends_at is None or meeting.end_date not in (None, meeting.date):
        return None
    return running_times(starts_at.time(), ends_at.time(), lang)


def _capitalised(text: str) -> str:
    """A label that runs inside sentences, made to start a line ("coopération" → "Coopération")."""
    return text[:1].upper() + text[1:]


def _listed(labels: Sequence[str], lang: str) -> str | None:
    return format_list(labels, lang) if labels else None


def _since(kind: str, year: int | None, lang: str) -> str:
    """A kind of cooperation and the year it began: "Coopération décentralisée depuis 1991"."""
    if year is None:
        return _capitalised(kind)
    template = label("kind_since", lang)
    # The year is written as a year, not as a number ("1991", never "1 991").
    return _capitalised(template.format(kind=kind, year=year))


def _priority(priority: ThematicPriority, r: _Resolver) -> PriorityView:
    return PriorityView(title=r.must(priority.title), description=r.text(priority.description))


def _priorities(group: CountryGroup, keys: Sequence[str], r: _Resolver) -> list[PriorityView]:
    """The priorities with these ids, in that order; an unknown id (the checks report it) is
    left out."""
    found = []
    for key in keys:
        try:
            found.append(_priority(group.priority(key), r))
        except KeyError:
            continue
    return found


def _partnership(
    partnership: Partnership, group: CountryGroup, day: dt.date | None, r: _Resolver
) -> PartnershipView:
    parties = tuple(r.actor_name(key, day) for key in partnership.parties)
    return PartnershipView(
        parties=parties,
        parties_text=format_list([p.text for p in parties], r.lang),
        kind=_since(enum_label(partnership.kind, r.lang), partnership.since_year, r.lang),
        status=enum_label(partnership.status, r.lang),
        themes=tuple(p.title for p in _priorities(group, partnership.themes, r)),
        description=r.text(partnership.description),
    )


def _cooperation(
    actor: Actor,
    group: CountryGroup,
    partnerships: Sequence[PartnershipView],
    day: dt.date | None,
    r: _Resolver,
) -> CooperationView | None:
    policy = actor.cooperation
    if policy is None:
        return None
    # A local authority's international cooperation is decentralised cooperation.
    if actor.kind is ActorKind.LOCAL_AUTHORITY:
        kind = enum_label(PartnershipKind.DECENTRALISED_COOPERATION, r.lang)
    else:
        kind = label("international_cooperation", r.lang)
    view = CooperationView(
        actor=r.actor_name(actor.id, day),
        since=_since(kind, policy.since, r.lang) if policy.since is not None else None,
        partner_areas=r.text(policy.partner_areas),
        description=r.text(policy.description),
        actor_description=r.text(actor.description),
        priorities=tuple(_priorities(group, policy.priorities, r)),
        partnerships=tuple(partnerships),
    )
    said = (view.since, view.partner_areas, view.description, view.priorities, partnerships)
    return view if any(said) else None  # an empty policy gets no section


def group_view(
    group: CountryGroup, lang: str, meetings: Sequence[Meeting] | None = None
) -> GroupView:
    """Resolve a group (and its meetings, or the given ones) for ``lang``."""
    lang = normalize_locale(lang)
    r = _Resolver(lang, group)
    network = group.network
    policy = group.membership_policy
    chosen = group.meetings if meetings is None else meetings
    # Names as they were at the (first) meeting shown, as the programme printed them.
    day = chosen[0].date if chosen else None

    # A partnership is shown once, under the first of its parties that has a cooperation
    # policy; a priority area under each actor whose policy lists it. The others have the
    # group's own sections.
    cooperating = [a for a in group.actors if a.cooperation is not None]
    shown_priorities = {
        key for actor in cooperating if actor.cooperation for key in actor.cooperation.priorities
    }
    partnerships_of: dict[str, list[PartnershipView]] = {a.id: [] for a in cooperating}
    own_partnerships = []
    for partnership in group.partnerships:
        shown = _partnership(partnership, group, day, r)
        holder = next((key for key in partnership.parties if key in partnerships_of), None)
        if holder is None:
            own_partnerships.append(shown)
        else:
            partnerships_of[holder].append(shown)

    return GroupView(
        lang=lang,
        dir=direction(lang),
        name=r.must(group.name),
        acronym=r.text(group.acronym),
        network=r.must(network.name if day is None else network.name_on(day)),
        network_tagline=r.text(network.tagline),
        network_mission=r.text(network.mission),
        context=r.text(network.context),
        description=r.text(group.description),
        objectives=tuple(r.must(o.text) for o in group.objectives),
        membership=r.text(policy.open_to) if policy else None,
        membership_note=r.text(policy.note) if policy else None,
        meetings=tuple(meeting_view(m, lang, group) for m in chosen),
        network_description=r.text(network.description),
        founders=_listed([enum_label(f, lang) for f in network.founded_by], lang),
        working_arrangements=r.text(group.working_arrangements),
        offers=_listed([enum_label(o, lang) for o in network.offers], lang),
        network_membership=_capitalised(enum_label(policy.network_membership, lang))
        if policy
        else None,
        cooperations=tuple(
            view
            for actor in cooperating
            if (view := _cooperation(actor, group, partnerships_of[actor.id], day, r)) is not None
        ),
        priorities=tuple(_priority(p, r) for p in group.priorities if p.id not in shown_priorities),
        partnerships=tuple(own_partnerships),
    )
