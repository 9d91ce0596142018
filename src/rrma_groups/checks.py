"""Cross-object rules: what a single field cannot tell.

:func:`check` returns a :class:`~rrma_groups.errors.CheckReport` of errors (the data is wrong: an
overlap, a dangling reference, a duplicate id) and warnings (suspicious but legal: a gap, an
item with nobody to lead it). Models check their own fields when they are built; this module
checks how objects fit together. Every rule runs in O(n log n) at most.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
import typing
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple
from zoneinfo import ZoneInfo

from pydantic import AfterValidator, BaseModel, RootModel, ValidationError

from .errors import Location, RrmaError, WrongObjectError, format_location
from .i18n.bidi import unbalanced_isolate
from .i18n.catalog import N_
from .messages import KIND_NAMES, Msg, Named, Span, lane_name, listing
from .model import (
    AgendaItem,
    CountryGroup,
    LocalisedText,
    Meeting,
    MeetingStatus,
    PersonFacilitator,
)
from .model.participants import Attendance
from .model.places import DEPARTMENT_REGIONS
from .model.projects import Project, Resource
from .model.text import UNTAGGED
from .model.types import Line, local_time_issue
from .problems import CheckReport, Problem, Severity, problem

if TYPE_CHECKING:
    from .model.series import Series

__all__ = ["GAP_TOLERANCE", "OPEN_END_MINIMUM", "SERIES_SCAN", "check"]

GAP_TOLERANCE = dt.timedelta(0)
"""A pause longer than this between consecutive items is reported as a gap."""
OPEN_END_MINIMUM = dt.timedelta(minutes=15)
"""A last item without an end is expected to last at least this long."""

WARNING = Severity.WARNING


def check(obj: CountryGroup | Meeting, *, isolates: bool = True) -> CheckReport:
    """Check a group (everything) or a single meeting (its own programme).

    ``isolates=False`` leaves out the look at every text for an unbalanced bidi isolate, a
    rule that only ever gives warnings: the loaders, which keep warnings only beside errors,
    look at the texts only when there are errors.

    >>> from rrma_groups.examples import groupe_pays_maroc
    >>> check(groupe_pays_maroc()).ok
    True
    """
    if isinstance(obj, CountryGroup):
        problems = list(_check_group(obj))
    elif isinstance(obj, Meeting):
        # A meeting taken from a group, or built for one, names its people as the group does.
        group = obj.group
        names = {p.id: p.name for p in group.persons} if isinstance(group, CountryGroup) else {}
        problems = list(_check_meeting(obj, (), None, names))
        problems += _local_times(obj, ())
    else:
        raise WrongObjectError("check", Msg(N_("a CountryGroup or a Meeting")), obj)
    if isolates:
        _unbalanced_isolates(obj, (), problems)
    return CheckReport(tuple(problems))


# --- every text -----------------------------------------------------------------------------


def _unbalanced_isolates(value: Any, loc: Location, out: list[Problem]) -> None:
    """Warn about each text with an isolate left open or a PDI that closes nothing.

    Every writer balances them where it inserts the text (see ``i18n.bidi.balance_isolates``),
    so this is a warning: what is shown may differ from what the file says. It runs on every
    load, so it only visits the fields that may hold text (the others are known from the
    models' annotations) and looks at a text without a call.
    """
    if isinstance(value, tuple | list):
        for i, each in enumerate(value):
            _unbalanced_isolates(each, (*loc, i), out)
        return
    if isinstance(value, RootModel):
        _unbalanced_isolates(value.root, loc, out)
        return
    if not isinstance(value, BaseModel):
        _text_isolates(value, loc, out)
        return
    search = _ISOLATE.search
    for name in _text_fields(type(value)):
        field = getattr(value, name)
        if field is None:
            continue
        if type(field) is LocalisedText:
            if search("".join(field.values())):
                _text_isolates(field, (*loc, name), out)
        elif type(field) is str:
            if search(field):
                _text_isolates(field, (*loc, name), out)
        else:
            _unbalanced_isolates(field, (*loc, name), out)


def _text_isolates(value: Any, loc: Location, out: list[Problem]) -> None:
    if isinstance(value, LocalisedText):
        for lang, text in value.items():
            _text_isolates(text, loc if lang == UNTAGGED else (*loc, lang), out)
        return
    if not isinstance(value, str):
        return
    at = unbalanced_isolate(value)
    if at is not None:
        char = f"U+{ord(value[at]):04X} {unicodedata.name(value[at])}"
        out.append(
            problem("unbalanced_isolate", loc, value, severity=WARNING, char=char, position=at + 1)
        )


_ISOLATE = re.compile("[\u2066-\u2069]")
_NOT_TEXT = (dt.date, dt.time, dt.timedelta, int, float, Decimal, enum.Enum, type(None))
_LINE_CHECK = typing.get_args(Line)[1]


@functools.cache
def _text_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``model`` whose values may hold text."""
    return tuple(
        name
        for name, info in model.model_fields.items()
        if _may_hold_text(info.annotation, info.metadata)
    )


def _may_hold_text(annotation: Any, metadata: Iterable[Any] = ()) -> bool:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        inner, *more = typing.get_args(annotation)
        return _may_hold_text(inner, more)
    if origin is typing.Literal:
        return False
    if origin is not None:  # a union, a tuple, a list...
        return any(_may_hold_text(arg) for arg in typing.get_args(annotation) if arg is not ...)
    if annotation is str:
        # Free text is a Line; a string with another check is an id, a code or an address,
        # whose characters are checked and hold no isolate.
        checks = [m for m in metadata if isinstance(m, AfterValidator)]
        return not checks or _LINE_CHECK in checks
    # A StrEnum is not text either: its values are the library's. Text, a model, or a type
    # not known here is looked into.
    return not (isinstance(annotation, type) and issubclass(annotation, _NOT_TEXT))


# --- the group ----------------------------------------------------------------------------


class _Ids(dict[str, int]):
    """The ids of one kind of object, each with the index of the object that defines it (its
    location is made only for a message: most files have no duplicate).

    References match ids exactly; ``folded`` gives the id written in another case, for the
    duplicate check and for suggestions.
    """

    _listing: Any = None

    def __init__(self) -> None:
        super().__init__()
        self.folded: dict[str, str] = {}

    def listing(self) -> Any:
        """The first ids in order, for messages, joined by the language's comma. Built once:
        rebuilding it for every dangling reference made a file with thousands of them take
        minutes (quadratic time)."""
        if self._listing is None:
            names: list[str] = sorted(self)
            self._listing = listing([*names[:12], "…"] if len(names) > 12 else names)
        return self._listing


class _Known(NamedTuple):
    actors: _Ids
    persons: _Ids
    priorities: _Ids
    fictional: frozenset[str] = frozenset()
    """Ids of the actors marked fictional."""
    affiliations: dict[str, str | None] = {}  # noqa: RUF012 - a NamedTuple default, never mutated
    """Each person's affiliation."""
    person_names: dict[str, str] = {}  # noqa: RUF012
    """Known persons' ids by their name, case and spacing ignored."""
    names: dict[str, str] = {}  # noqa: RUF012
    """Each person's name, by id: messages name people as the programme does."""


def _unique(
    keys: Iterable[str | None], where: Callable[[int], Location]
) -> tuple[_Ids, list[Problem]]:
    """The ids given (None for an object without one), and a problem for each duplicate;
    ``where(index)`` is the location of the id of the object at ``index``."""
    # Ids are unique whatever their case: "mdh" and "MDH" would give calendar UIDs, anchors
    # and file names that only differ in case, which many systems take for one.
    seen = _Ids()
    folded_ids = seen.folded
    problems = []
    for index, key in enumerate(keys):
        if key is None:
            continue
        folded = key.casefold()
        first = folded_ids.get(folded)
        if first is None:
            seen[key] = index
            folded_ids[folded] = key
        elif first == key:
            first_at = format_location(where(seen[key]))
            problems.append(problem("duplicate_id", where(index), key, first=first_at))
        else:
            first_at = format_location(where(seen[first]))
            problems.append(
                problem("duplicate_id_case", where(index), key, first=first_at, other=first)
            )
    return seen, problems


def _in(*base: Any) -> Callable[[int], Location]:
    """``where`` for ``_unique``: the ids of a list at ``base``."""
    return lambda index: (*base, index, "id")


def _check_group(group: CountryGroup) -> Iterator[Problem]:
    actors, dup = _unique(
        [group.network.id, *(a.id for a in group.actors)],
        lambda i: ("network", "id") if i == 0 else ("actors", i - 1, "id"),
    )
    yield from dup
    persons, dup = _unique((p.id for p in group.persons), _in("persons"))
    yield from dup
    priorities, dup = _unique((p.id for p in group.priorities), _in("priorities"))
    yield from dup
    # A series' meetings take ids derived from the series' id: both share the meetings' ids.
    meetings = len(group.meetings)
    _, dup = _unique(
        [*(m.id for m in group.meetings), *(s.id for s in group.series)],
        lambda i: ("meetings", i, "id") if i < meetings else ("series", i - meetings, "id"),
    )
    yield from dup
    _, dup = _unique((p.id for p in group.partnerships), _in("partnerships"))
    yield from dup
    _, dup = _unique((p.id for p in group.projects), _in("projects"))
    yield from dup
    _, dup = _unique((r.id for r in group.resources), _in("resources"))
    yield from dup
    known = _Known(
        actors,
        persons,
        priorities,
        fictional=frozenset(a.id for a in (group.network, *group.actors) if a.fictional),
        affiliations={p.id: p.affiliation for p in group.persons},
        person_names={_name_key(p.name): p.id for p in reversed(group.persons)},
        names={p.id: p.name for p in group.persons},
    )

    for i, actor in enumerate((group.network, *group.actors)):
        base: Location = ("network",) if i == 0 else ("actors", i - 1)
        if actor.successor is not None:
            yield from _ref(known.actors, "actor", actor.successor, (*base, "successor"))
            if actor.dissolved is None:
                yield problem(
                    "successor_without_dissolution",
                    (*base, "successor"),
                    actor.successor,
                    severity=WARNING,
                )
        if actor.cooperation is not None:
            for j, key in enumerate(actor.cooperation.priorities):
                yield from _ref(
                    known.priorities, "priority", key, (*base, "cooperation", "priorities", j)
                )
        for j, key in enumerate(actor.themes):
            yield from _ref(known.priorities, "priority", key, (*base, "themes", j))
        yield from _actor_places(group, actor.department, actor.area, actor.works_in, base)
    for i, person in enumerate(group.persons):
        if person.affiliation is not None and person.affiliation not in actors:
            yield from _ref(
                known.actors, "actor", person.affiliation, ("persons", i, "affiliation")
            )
    for i, membership in enumerate(group.members):
        if membership.actor not in actors:
            yield from _ref(known.actors, "actor", membership.actor, ("members", i, "actor"))
    for i, partnership in enumerate(group.partnerships):
        for j, key in enumerate(partnership.parties):
            yield from _ref(known.actors, "actor", key, ("partnerships", i, "parties", j))
        for j, key in enumerate(partnership.themes):
            yield from _ref(known.priorities, "priority", key, ("partnerships", i, "themes", j))
    for i, meeting in enumerate(group.meetings):
        yield from _check_meeting(meeting, ("meetings", i), known)
        yield from _local_times(meeting, ("meetings", i))
    for i, series in enumerate(group.series):
        base = ("series", i)
        if series.organiser is not None:
            yield from _ref(known.actors, "actor", series.organiser, (*base, "organiser"))
        if series.contact is not None:
            yield from _ref(known.persons, "person", series.contact, (*base, "contact"))
        # The template programme is checked once, as the first meeting of the series shows it.
        first = series.meetings(limit=1)
        if first:
            for found in _check_meeting(first[0], (), known):
                yield found.prefixed(*base)
        yield from _series_local_times(series, base)
    for i, project in enumerate(group.projects):
        yield from _check_project(group, project, ("projects", i), known)
    for i, resource in enumerate(group.resources):
        yield from _check_resource(resource, ("resources", i), known)


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


# --- projects, resources, places and participants -----------------------------------------

_PROJECT = Msg(N_("project"))
_RESOURCE = Msg(N_("resource"))
_PARTICIPANT = Msg(N_("participant"))


def _actor_places(
    group: CountryGroup,
    department: str | None,
    area: str | None,
    works_in: tuple[str, ...],
    base: Location,
) -> Iterator[Problem]:
    if department is not None and area is not None and area.startswith("FR-"):
        region = DEPARTMENT_REGIONS[department]
        if region != area:
            yield problem(
                "department_outside_area",
                (*base, "department"),
                department,
                severity=WARNING,
                department_region=region,
                area=area,
            )
    for j, code in enumerate(works_in):
        if code[:2] != group.country:
            yield problem(
                "outside_country",
                (*base, "works_in", j),
                code,
                severity=WARNING,
                country=group.country,
            )


def _fiction(
    fictional: bool, what: Msg, key: str, loc: Location, known: _Known
) -> Iterator[Problem]:
    """Fiction stays among fictional actors: a made-up item and a real actor never meet."""
    if key not in known.actors:
        return  # unknown_reference says so
    if fictional and key not in known.fictional:
        yield problem("fictional_links_real", loc, key, what=what)
    elif not fictional and key in known.fictional:
        yield problem("real_links_fictional", loc, key, what=what)


def _check_project(
    group: CountryGroup, project: Project, base: Location, known: _Known
) -> Iterator[Problem]:
    yield from _ref(known.actors, "actor", project.lead, (*base, "lead"))
    yield from _fiction(project.fictional, _PROJECT, project.lead, (*base, "lead"), known)
    for j, key in enumerate(project.partners):
        loc = (*base, "partners", j)
        yield from _ref(known.actors, "actor", key, loc)
        yield from _fiction(project.fictional, _PROJECT, key, loc, known)
        if key == project.lead:
            yield problem("lead_also_partner", loc, key, severity=WARNING)
    for j, key in enumerate(project.themes):
        yield from _ref(known.priorities, "priority", key, (*base, "themes", j))
    if project.contact is not None:
        yield from _contact(project, (*base, "contact"), known)
    for j, place in enumerate(project.places):
        code = place.region or place.province
        if code is not None and code[:2] != group.country:
            field = "region" if place.region is not None else "province"
            yield problem(
                "outside_country",
                (*base, "places", j, field),
                code,
                severity=WARNING,
                country=group.country,
            )
    budget = project.budget
    if budget is not None:
        for j, funding in enumerate(budget.funders):
            if funding.actor is not None:
                loc = (*base, "budget", "funders", j, "actor")
                yield from _ref(known.actors, "actor", funding.actor, loc)
                yield from _fiction(project.fictional, _PROJECT, funding.actor, loc, known)
        funded = sum((f.amount for f in budget.funders if f.amount is not None), Decimal(0))
        if funded > budget.amount:
            yield problem(
                "funding_exceeds_budget",
                (*base, "budget", "funders"),
                funded,
                severity=WARNING,
                funded=funded,
                amount=budget.amount,
                currency=budget.currency,
            )


def _contact(project: Project, loc: Location, known: _Known) -> Iterator[Problem]:
    # A person is real unless they work for a fictional actor.
    key = project.contact
    assert key is not None
    yield from _ref(known.persons, "person", key, loc)
    if key not in known.persons:
        return
    affiliation = known.affiliations.get(key)
    if affiliation is None:
        if project.fictional:
            yield problem("fictional_links_real", loc, key, what=_PROJECT)
    else:
        yield from _fiction(project.fictional, _PROJECT, affiliation, loc, known)


def _check_resource(resource: Resource, base: Location, known: _Known) -> Iterator[Problem]:
    if resource.offered_by is not None:
        loc = (*base, "offered_by")
        yield from _ref(known.actors, "actor", resource.offered_by, loc)
        yield from _fiction(resource.fictional, _RESOURCE, resource.offered_by, loc, known)
    for j, key in enumerate(resource.themes):
        yield from _ref(known.priorities, "priority", key, (*base, "themes", j))


def _check_participants(meeting: Meeting, base: Location, known: _Known) -> Iterator[Problem]:
    """References, duplicates (a person once, by id or by name) and fiction of registrations."""
    seen: dict[str, Location] = {}
    cancelled = meeting.status is MeetingStatus.CANCELLED
    for i, entry in enumerate(meeting.participants):
        here = (*base, "participants", i)
        if entry.person is not None:
            loc: Location = (*here, "person")
            yield from _ref(known.persons, "person", entry.person, loc)
            if entry.fictional and entry.person in known.persons:
                yield problem("fictional_links_real", loc, entry.person, what=_PARTICIPANT)
            key, shown = f"person:{entry.person}", entry.person
        else:
            assert entry.name is not None  # the model requires a person or a name
            loc, shown = (*here, "name"), entry.name
            person = known.person_names.get(_name_key(entry.name))
            if person is None:
                key = f"name:{_name_key(entry.name)}"
            else:
                key = f"person:{person}"
                if not entry.fictional:
                    yield problem(
                        "participant_is_known_person",
                        loc,
                        entry.name,
                        severity=WARNING,
                        person=person,
                    )
        if key in seen:
            yield problem("duplicate_participant", loc, shown, first=format_location(seen[key]))
        else:
            seen[key] = loc
        if entry.organisation is not None:
            loc = (*here, "organisation")
            yield from _ref(known.actors, "actor", entry.organisation, loc)
            yield from _fiction(entry.fictional, _PARTICIPANT, entry.organisation, loc, known)
        if cancelled and entry.attendance is Attendance.PRESENT:
            yield problem(
                "attendance_at_cancelled_meeting",
                (*here, "attendance"),
                entry.attendance.value,
                severity=WARNING,
            )


def _ref(known: _Ids, kind: str, key: str, loc: Location) -> Iterator[Problem]:
    if key not in known:
        meant = known.folded.get(key.casefold())
        if meant is not None:
            yield problem(
                "unknown_reference_suggestion", loc, key, kind=KIND_NAMES[kind], suggestion=meant
            )
            return
        listed = known.listing()
        yield problem("unknown_reference", loc, key, kind=KIND_NAMES[kind], known=listed or "—")


# --- a meeting ----------------------------------------------------------------------------


def _check_meeting(
    meeting: Meeting,
    base: Location,
    known: _Known | None,
    names: Mapping[str, str] | None = None,
) -> Iterator[Problem]:
    # Every load runs this on every item: the loops below look at an item's fields once and
    # build a location only for a problem found (the problems come in the order of the rules).
    items = meeting.agenda.items
    at = (*base, "agenda")

    if known is not None:
        for field in ("organiser",):
            key = getattr(meeting, field)
            if key is not None:
                yield from _ref(known.actors, "actor", key, (*base, field))
        for field in ("contact", "signatory"):
            key = getattr(meeting, field)
            if key is not None:
                yield from _ref(known.persons, "person", key, (*base, field))
        yield from _check_participants(meeting, base, known)

    rooms = _Ids()
    if meeting.venue is not None:
        rooms, dup = _unique((r.id for r in meeting.venue.rooms), _in(*base, "venue", "rooms"))
        yield from dup
    ids = [item.id for item in items if item.id is not None]
    if len(set(map(str.casefold, ids))) < len(ids):  # a duplicate: _unique says which
        _, dup = _unique((item.id for item in items), _in(*at))
        yield from dup

    first, last = meeting.date, meeting.last_date
    by_day: dict[dt.date, list[int]] = defaultdict(list)
    # Reported after the references, each rule in turn: days outside, then times outside.
    outside: list[Problem] = []
    beyond: list[Problem] = []
    start, end = meeting.start, meeting.end
    bounds: dict[str, Any] = {}
    if start is not None or end is not None:
        bounds["meeting_start"] = dt.datetime.combine(first, start) if start else first
        bounds["meeting_end"] = dt.datetime.combine(last, end) if end else last
        bounds["span"] = Span(bounds["meeting_start"], bounds["meeting_end"])
    persons = known.persons if known is not None else _Ids()
    actors = known.actors if known is not None else _Ids()
    for i, item in enumerate(items):
        room = item.room
        if room is not None and room not in rooms:
            if rooms:
                yield from _ref(rooms, "room", room, (*at, i, "room"))
            else:  # none declared: say where they are
                yield problem(
                    "unknown_reference",
                    (*at, i, "room"),
                    room,
                    wording="no_rooms",
                    kind=KIND_NAMES["room"],
                )
        facilitators = item.facilitators
        if facilitators:
            if known is not None:
                for facilitator in facilitators:  # every id known: nothing to report
                    if isinstance(facilitator, PersonFacilitator):
                        behalf = facilitator.on_behalf_of
                        if facilitator.person in persons and (behalf is None or behalf in actors):
                            continue
                    elif facilitator.actor is None or facilitator.actor in actors:
                        continue
                    yield from _facilitator_refs(item, (*at, i), known)
                    break
        elif item.kind.needs_facilitator:
            yield problem(
                "no_facilitator",
                (*at, i, "facilitators"),
                None,
                severity=WARNING,
                title=Named.of(item.title),
            )
        day = item.day or first
        if first <= day <= last:
            by_day[day].append(i)
        else:
            outside.append(
                problem(
                    "item_day_outside_meeting",
                    (*at, i, "day"),
                    day,
                    first=first,
                    last=last,
                    span=Span(first, last),
                )
            )
        if bounds:
            item_start, item_end = item.start, item.end
            if start is not None and day == first and item_start < start:
                beyond.append(
                    problem("item_outside_meeting", (*at, i, "start"), item_start, **bounds)
                )
            if end is not None and day == last:
                if item_end is not None and item_end > end:
                    beyond.append(
                        problem("item_outside_meeting", (*at, i, "end"), item_end, **bounds)
                    )
                elif item_start >= end:
                    beyond.append(
                        problem("item_outside_meeting", (*at, i, "start"), item_start, **bounds)
                    )
    yield from outside
    yield from beyond

    starts = [item.start for item in items]
    for day in sorted(by_day):
        # by_day lists are in item order: a stable sort by start puts ties in item order.
        order = sorted(by_day[day], key=starts.__getitem__)
        yield from _check_timeline(meeting, order, at, known.names if known else names or {})


def _facilitator_refs(item: AgendaItem, loc: Location, known: _Known) -> Iterator[Problem]:
    for j, facilitator in enumerate(item.facilitators):
        here = (*loc, "facilitators", j)
        if isinstance(facilitator, PersonFacilitator):
            yield from _ref(known.persons, "person", facilitator.person, (*here, "person"))
            if facilitator.on_behalf_of is not None:
                yield from _ref(
                    known.actors, "actor", facilitator.on_behalf_of, (*here, "on_behalf_of")
                )
        elif facilitator.actor is not None:
            yield from _ref(known.actors, "actor", facilitator.actor, (*here, "actor"))


def _lane(item: AgendaItem) -> Msg:
    return lane_name(item.room, item.track)


# Who is busy until when: (the end, or the start of an open-ended item; the item's index).
# Plain tuples: a sweep makes one per item.
_Busy = tuple[dt.time, int]


def _check_timeline(
    meeting: Meeting, order: list[int], at: Location, names: Mapping[str, str]
) -> Iterator[Problem]:
    """Overlaps, open ends, gaps and double-booked people on one day (items sorted by start).

    Plenary items (no room, no track) involve everyone; items in different rooms or tracks may
    run in parallel. One sweep keeps, per lane, the item that ends last so far.
    """
    items = meeting.agenda.items
    latest_any: _Busy | None = None
    latest_plenary: _Busy | None = None
    latest_room: dict[str, _Busy] = {}
    latest_track: dict[str, _Busy] = {}
    people: dict[str, list[int]] = defaultdict(list)

    for i in order:
        item = items[i]
        start = item.start
        end = item.end if item.end is not None else start
        room, track = item.room, item.track
        plenary = room is None and track is None
        # Who is still busy when this item starts? The first that ends last, in the order
        # plenary, room, track.
        if plenary:
            clash = latest_any
        else:
            clash = latest_plenary
            if room is not None:
                busy = latest_room.get(room)
                if busy is not None and (clash is None or busy[0] > clash[0]):
                    clash = busy
            if track is not None:
                busy = latest_track.get(track)
                if busy is not None and (clash is None or busy[0] > clash[0]):
                    clash = busy
        if clash is not None:
            other = items[clash[1]]
            if other.end is None:
                yield problem(
                    "open_end_not_last",
                    (*at, clash[1], "end"),
                    None,
                    lane=_lane(other),
                )
            elif clash[0] > start:
                yield problem(
                    "overlap",
                    (*at, i, "start"),
                    start,
                    other=_fmt_loc((*at, clash[1])),
                    other_title=Named.of(other.title),
                    other_start=other.start,
                    other_end=other.end if other.end else "…",
                    lane=_lane(item),
                )
        # Gap: nobody is busy between the latest end so far and this start.
        if latest_any is not None and start > latest_any[0]:
            pause = _minutes_between(latest_any[0], start)
            previous = items[latest_any[1]]
            if pause > GAP_TOLERANCE and previous.end is not None:
                yield problem(
                    "gap",
                    (*at, i, "start"),
                    start,
                    severity=WARNING,
                    minutes=int(pause.total_seconds() // 60),
                    previous_title=Named.of(previous.title),
                    previous_end=latest_any[0],
                )
        mark = (end, i)
        if latest_any is None or end >= latest_any[0]:
            latest_any = mark
        if plenary and (latest_plenary is None or end >= latest_plenary[0]):
            latest_plenary = mark
        if room is not None:
            busy = latest_room.get(room)
            if busy is None or end >= busy[0]:
                latest_room[room] = mark
        if track is not None:
            busy = latest_track.get(track)
            if busy is None or end >= busy[0]:
                latest_track[track] = mark
        for facilitator in item.facilitators:
            if isinstance(facilitator, PersonFacilitator):
                people[facilitator.person].append(i)

    yield from _double_booked(items, people, at, names)

    last = items[order[-1]] if order else None
    day = (last.day or meeting.date) if last is not None else None
    if (
        last is not None
        and last.end is None
        and meeting.end is not None
        and day == meeting.last_date
        and last.start < meeting.end
    ):
        left = _minutes_between(last.start, meeting.end)
        if left < OPEN_END_MINIMUM:
            yield problem(
                "meeting_ends_before_last_item",
                (*at[:-1], "end"),
                meeting.end,
                severity=WARNING,
                meeting_end=meeting.end,
                minutes=int(left.total_seconds() // 60),
                title=Named.of(last.title),
                start=last.start,
            )


def _double_booked(
    items: tuple[AgendaItem, ...],
    people: dict[str, list[int]],
    at: Location,
    names: Mapping[str, str],
) -> Iterator[Problem]:
    for person, indexes in people.items():
        if len(indexes) < 2:
            continue  # one item: nobody to clash with
        # indexes are in start order; a person can only be in one place at a time.
        latest: _Busy | None = None
        for i in indexes:
            item = items[i]
            if latest is not None and latest[0] > item.start:
                other = items[latest[1]]
                yield problem(
                    "facilitator_double_booked",
                    (*at, i, "facilitators"),
                    person,
                    severity=WARNING,
                    person=names.get(person, person),
                    other_title=Named.of(other.title),
                    other=_fmt_loc((*at, latest[1])),
                )
            end = item.end if item.end is not None else item.start
            if latest is None or end >= latest[0]:
                latest = (end, i)


# --- times the clocks skip or repeat --------------------------------------------------------

SERIES_SCAN = 1000
"""How many of a series' meetings are looked at for times the clocks skip or repeat. Offsets
change on the same days every year or so: a rule that meets such a day does it early."""

_SERIES_HINT = Msg(N_("; it is the first date of the series where this happens"))


class _OffsetChanges(dict[dt.date, bool]):
    """Whether the zone's offset changes on a day, so that some of its times may be skipped or
    repeated: the offsets at its midnight and at the next, for both folds, are not all one.
    Looked up once per day, so that a meeting of thousands of items costs a few calls."""

    def __init__(self, zone: dt.tzinfo) -> None:
        super().__init__()
        self.zone = zone

    def __missing__(self, day: dt.date) -> bool:
        offsets = {
            dt.datetime.combine(moment, dt.time(fold=fold), tzinfo=self.zone).utcoffset()
            for moment in (day, day + dt.timedelta(days=1) if day < dt.date.max else day)
            for fold in (0, 1)
        }
        self[day] = changes = len(offsets) > 1
        return changes


def _local_times(meeting: Meeting, base: Location) -> list[Problem]:
    """Warn about each time of the meeting (its bounds, its items' starts and ends) that its
    timezone skips or repeats that day; the message says which instant it is taken as."""
    zone = meeting.zone
    changes = _OffsetChanges(zone)
    first, last = meeting.date, meeting.last_date
    found = []

    def look(loc: Location, day: dt.date, time: dt.time | None) -> None:
        if time is not None:
            issue = local_time_issue(day, time, zone)
            if issue is not None:
                found.append(problem(issue.code, loc, severity=WARNING, **issue.params))

    # Only the days on which the offset changes are looked at closely (the others have no
    # such time): in the order start, end, then each item's start and end.
    if changes[first]:
        look((*base, "start"), first, meeting.start)
    if changes[last]:
        look((*base, "end"), last, meeting.end)
    for i, item in enumerate(meeting.agenda):
        day = item.day or first
        if changes[day]:
            look((*base, "agenda", i, "start"), day, item.start)
            look((*base, "agenda", i, "end"), day, item.end)
    return found


def _series_local_times(series: Series, base: Location) -> Iterator[Problem]:
    """The same for a series' meetings (its first :data:`SERIES_SCAN`), each time reported once,
    on the first date it is skipped or repeated, where the series gives it."""
    changes = _OffsetChanges(ZoneInfo(series.timezone))
    moved = {m.date: j for j, m in enumerate(series.moved)}
    seen: set[tuple[Location, str, int | None]] = set()
    for occurrence in series.occurrences(limit=SERIES_SCAN):
        if not changes[occurrence.date]:
            continue
        try:
            # The meeting of an occurrence already found (meeting_on() would look for it again).
            meeting = series._meeting(occurrence)
        except (RrmaError, ValidationError):
            continue  # a moved programme that leaves its day: expanding the series says so
        # A moved occurrence has its own times: reported apart from the usual ones.
        j = moved.get(occurrence.scheduled) if occurrence.status == "moved" else None
        for found in _local_times(meeting, ()):
            loc = found.loc
            if j is not None and len(loc) == 1 and getattr(series.moved[j], str(loc[0])):
                loc = ("moved", j, *loc)  # the moved occurrence's own start or end
            if (loc, found.code, j) in seen:
                continue
            seen.add((loc, found.code, j))
            params = {**found.params, "more": _SERIES_HINT}
            yield problem(found.code, (*base, *loc), severity=WARNING, **params)


def _minutes_between(start: dt.time, end: dt.time) -> dt.timedelta:
    return dt.datetime.combine(dt.date.min, end) - dt.datetime.combine(dt.date.min, start)


def _fmt_loc(loc: Location) -> str:
    return format_location(loc)
