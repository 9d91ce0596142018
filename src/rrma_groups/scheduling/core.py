"""Script agendas: build them from durations, re-time them, and read their time budgets.

**Building.** :class:`AgendaBuilder` (also ``Agenda.build``) starts at a time; each item starts
where the previous one ended, unless it is given its own start::

    >>> from rrma_groups.examples import groupe_pays_maroc
    >>> group = groupe_pays_maroc()
    >>> agenda = (
    ...     AgendaBuilder("14h00", group=group)
    ...     .add("Accueil des participants", 15, facilitators="Cap Coopération")
    ...     .add("Présentation de l'ordre du jour", 5, facilitators="khalid-chihani")
    ...     .add("Débat", duration="1h", facilitators="Un représentant de chaque structure")
    ...     .agenda()
    ... )
    >>> for item in agenda:
    ...     print(item.start.isoformat("minutes"), item.kind.value, item.title)
    14:00 welcome Accueil des participants
    14:15 presentation Présentation de l'ordre du jour
    14:20 discussion Débat

Parallel sessions run in rooms or tracks and rejoin, for the next item, when the longest ends
(``with builder.rooms("salle-a", "salle-b") as (a, b): ...``); ``next_day`` starts another day.

**Re-timing.** :func:`retime` (also ``agenda.retime``) returns an object whose operations each
give a new, valid agenda or meeting, or raise :class:`SchedulingError` and leave the input as
it was: :meth:`~Retimer.shift`, :meth:`~Retimer.move`, :meth:`~Retimer.insert`,
:meth:`~Retimer.remove`, :meth:`~Retimer.stretch`, :meth:`~Retimer.resize`,
:meth:`~Retimer.compact` and :meth:`~Retimer.fit`. Items are addressed by id, by index, or by
title (exact, then a unique case-insensitive prefix)::

    >>> meeting = group.meeting("limoges-2016")
    >>> try:
    ...     retime(meeting).insert("Pause", 10, before="GPMar: quelles attentes?")
    ... except RetimeError as error:
    ...     print(error.code, [problem.code for problem in error.problems])
    invalid_programme ['item_outside_meeting']
    >>> shorter = retime(meeting).fit(end="17:00")
    >>> [i.end.isoformat("minutes") for i in shorter.agenda][-3:], shorter.end
    (['16:10', '16:20', '17:00'], datetime.time(17, 0))

How the rest of the day follows a change ("re-flow"): the items of a day form *blocks*, runs of
items that overlap (a plenary item is a block by itself; parallel sessions form one block).
When an item changes, the items after it in its own room/track and within its block move by
the same amount; the blocks after it move by as much as the end of its block moved (an
inserted item first fills the free time after it). A fixed item (``fixed = true``, a meal)
stops the movement: neither it nor what follows it moves, and what is pushed towards it must
end by its start. Re-flowing keeps the order of the day: a shift with ``cascade`` may not make
an item pass another (:meth:`~Retimer.move` is for that), so that shifting back undoes it.

**Time budgets.** :func:`time_by_kind`, :func:`time_by_facilitator`,
:func:`time_by_organisation` and :func:`free_slots`.

Every operation is O(n log n) in the number of items.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import difflib
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from fractions import Fraction
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, Generic, NamedTuple, Self, TypeVar, overload

from pydantic import BaseModel, ValidationError

from ..checks import check
from ..errors import (
    GroupValidationError,
    Location,
    Msg,
    Problem,
    Report,
    RrmaError,
    Severity,
    format_location,
)
from ..i18n.catalog import N_
from ..messages import KIND_NAMES, describe, problems_from_pydantic
from ..model import (
    ActorFacilitator,
    Agenda,
    AgendaItem,
    ItemKind,
    LocalisedText,
    Meeting,
    PersonFacilitator,
    RoleFacilitator,
    Room,
    Venue,
)
from ..parsing.tables import TABLE_MESSAGES, FacilitatorMatcher, guess_kind
from ..parsing.times import parse_date, parse_duration, parse_time

if TYPE_CHECKING:
    from ..model import CountryGroup, Facilitator

__all__ = [
    "SCHEDULING_MESSAGES",
    "SCHEDULING_WORDINGS",
    "AgendaBuilder",
    "FacilitatorSpec",
    "FreeSlot",
    "ItemKey",
    "ItemLookupError",
    "Lane",
    "Parallel",
    "RetimeError",
    "Retimer",
    "SchedulingError",
    "find_item",
    "free_slots",
    "retime",
    "time_by_facilitator",
    "time_by_kind",
    "time_by_organisation",
]

SCHEDULING_MESSAGES: Final[dict[str, str]] = {
    "invalid_item_key": N_("an item is addressed by its id, title or index, not by {got}"),
    "unknown_item": N_("no item {value!r} in the agenda; {candidates}"),
    "ambiguous_item": (
        N_("{value!r} could be any of {count} items: {candidates}; give its id or its index")
    ),
    "item_index_out_of_range": N_("no item at index {value}: the agenda has {count} items"),
    "invalid_programme": N_(
        "cannot {operation}: the programme would have {count} errors: {details}"
    ),
    "outside_day": N_(
        "cannot {operation}: {title!r} would end at {clock}, outside its day (00:00 to 24:00)"
    ),
    "open_end": N_("cannot {operation}: {title!r} has no end time"),
    "order_changed": (
        N_(
            "cannot {operation} with cascade: it would pass {other!r}, and what follows it would "
            "no "
            "longer be what followed it; move() changes the order"
        )
    ),
    "invalid_length": N_(
        "cannot {operation}: an item lasts at least a minute, not {minutes} minutes"
    ),
    "cannot_fit": N_("cannot fit the programme of {day} between {start} and {end}: {reason}"),
    "fixed_in_the_way": (
        N_(
            "cannot {operation}: {title!r} is fixed at {start}, but the items before it would run "
            "until {until}"
        )
    ),
    "missing_length": N_("{value!r} needs a length: give minutes=, duration= or end="),
    "conflicting_length": N_(
        "{value!r}: give only one of minutes=, duration= and end=, not {given}"
    ),
    "conflicting_position": N_("give at most one of before=, after= and at=, not {given}"),
    "missing_position": N_("give before= or after= to say where {value!r} goes"),
    "same_item": N_("cannot move {value!r} before itself"),
    "invalid_item": N_("cannot make an item of {value!r}: {reason}"),
    "invalid_facilitator_spec": (
        N_(
            "cannot read {value!r} as a facilitator: expected a person or actor id, a name, a role "
            "written as text, a facilitator, or a table with 'person', 'actor' or 'role'"
        )
    ),
    "parallel_block_open": N_("a parallel block is open: leave its 'with' block before {action}"),
    "parallel_block_closed": N_("this parallel block was closed: {action} in a new one"),
    "unknown_first_day": N_("the date of the first day is not known: {action}"),
    "day_not_later": N_("the next day ({value}) must come after {previous}"),
    "which_day": N_("the programme has several days ({days}): say which one with day="),
    "unknown_day": N_("{value} is not a day of the programme, whose days are: {days}"),
    "nothing_to_fit": N_("give the new end=, the new start=, or both"),
    "invalid_meeting": N_("cannot make the meeting {value!r}: {reason}"),
}
"""Templates of the scheduling errors, by code: the usual wording of each.

A few codes have other wordings, in :data:`SCHEDULING_WORDINGS`, where a translation needs a
whole sentence: one error or several, the item itself or another one, its start or its end."""

SCHEDULING_WORDINGS: Final[dict[tuple[str, str], str]] = {
    ("invalid_programme", "one"): N_(
        "cannot {operation}: the programme would have 1 error: {details}"
    ),
    ("outside_day", "it_start"): N_(
        "cannot {operation}: it would start at {clock}, outside its day (00:00 to 24:00)"
    ),
    ("outside_day", "it_end"): N_(
        "cannot {operation}: it would end at {clock}, outside its day (00:00 to 24:00)"
    ),
    ("outside_day", "start"): N_(
        "cannot {operation}: {title!r} would start at {clock}, outside its day (00:00 to 24:00)"
    ),
    ("same_item", "after"): N_("cannot move {value!r} after itself"),
}
"""Other wordings of some codes, by (code, wording); ``SchedulingError(..., wording=...)``."""

# Translatable joints of lists whose entries are translated too ("[3] 'Débat' (id 'debat')").
# TRANSLATORS: joins two entries of a list; keep both placeholders, translate the comma.
_COMMA: Final = N_("{previous}, {next}")
# TRANSLATORS: joins two entries of a list; keep both placeholders, translate the semicolon.
_SEMICOLON: Final = N_("{previous}; {next}")
# TRANSLATORS: joins two entries of a list, such as "minutes= and end=".
_AND: Final = N_("{previous} and {next}")

ItemKey = str | int
"""How an item is addressed: its id, its title (or a unique prefix of it), or its index."""
TimeLike = dt.time | str
DateLike = dt.date | str
FacilitatorSpec = str | PersonFacilitator | ActorFacilitator | RoleFacilitator | Mapping[str, Any]
"""A facilitator: a person or actor id, a name or a role as text (resolved against the group
when one is given; ``person:ID`` and ``actor:ID`` without one), a facilitator model, or a
table with ``person``, ``actor`` or ``role``."""

_DAY_SECONDS: Final = 24 * 3600
_LISTED: Final = 8  # candidates listed in an error message, at most


# --------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------


class SchedulingError(RrmaError):
    """An agenda could not be built or re-timed as asked; nothing was changed.

    ``code`` is stable; ``value`` is the offending value (an item key, a time, a title);
    ``loc`` locates it in the agenda when it is an item; ``params`` fill the message template
    (``template``, a gettext message id). The message is English; :meth:`describe` gives it in
    another language, and :meth:`as_problem` as a :class:`~rrma_groups.Problem`.

    >>> try:
    ...     AgendaBuilder("9h00").add("Accueil", 30).add("Débat", 0)
    ... except SchedulingError as error:
    ...     print(error)
    ...     print(error.describe("fr"))
    cannot add 'Débat': an item lasts at least a minute, not 0 minutes
    opération impossible (ajouter 'Débat') : un point dure au moins une minute, pas 0 minutes
    """

    code = "scheduling_error"

    def __init__(
        self,
        code: str,
        *,
        value: object = None,
        loc: Location = (),
        problems: Sequence[Problem] = (),
        wording: str | None = None,
        **params: Any,
    ) -> None:
        self.code = code
        self.value = value
        self.loc = loc
        self.params = params
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.template = (
            SCHEDULING_MESSAGES[code] if wording is None else SCHEDULING_WORDINGS[code, wording]
        )
        super().__init__(self.template.format(value=value, **params))

    @property
    def location(self) -> str:
        return format_location(self.loc)

    def as_problem(self) -> Problem:
        """The error as a problem: its code, location, template and parameters."""
        return Problem(
            self.code, self.loc, self.template, {"value": self.value, **self.params}, self.value
        )

    def describe(self, lang: str | None = None) -> str:
        """The message in ``lang`` (French, Arabic...), its values formatted for that locale."""
        if lang is None:
            return str(self)
        return describe(self.as_problem(), lang)


class ItemLookupError(SchedulingError):
    """No item, or more than one, answers to the key given."""


class RetimeError(SchedulingError):
    """The new programme would hold errors (``problems``: an overlap, an item out of bounds)."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        return self.problems


# --------------------------------------------------------------------------------------------
# Addressing items
# --------------------------------------------------------------------------------------------


def _joined(entries: Sequence[Any], joint: str) -> Any:
    """Entries joined two by two with a translatable ``joint`` (``_COMMA``, ``_AND``...)."""
    if not entries:
        return ""
    result = entries[0]
    for entry in entries[1:]:
        result = Msg(joint, {"previous": result, "next": entry})
    return result


def _describe(index: int, item: AgendaItem) -> Msg | str:
    title = item.title.get()
    if item.id:
        return Msg(
            N_("[{index}] {title!r} (id {id!r})"), {"index": index, "title": title, "id": item.id}
        )
    return f"[{index}] {title!r}"


def _listed(entries: Sequence[Msg | str]) -> Any:
    more = len(entries) - _LISTED
    listed = _joined(entries[:_LISTED], _COMMA)
    if more > 0:
        return Msg(N_("{listed} and {more} more"), {"listed": listed, "more": more})
    return listed


def find_item(agenda: Agenda, key: ItemKey) -> int:
    """The index of the item ``key`` addresses: an index, an id, a title or a title's prefix.

    A title is looked up exactly first (in any of its languages), then as a case-insensitive
    prefix; more than one match is an error that lists them.

    >>> from rrma_groups.examples import groupe_pays_maroc
    >>> agenda = groupe_pays_maroc().meeting("limoges-2016").agenda
    >>> find_item(agenda, "Restitution"), find_item(agenda, -1)
    (9, 10)
    >>> try:  # doctest: +ELLIPSIS
    ...     find_item(agenda, "GPMar")
    ... except ItemLookupError as error:
    ...     print(error.code, "|", error.params["candidates"])
    ambiguous_item | [7] 'GPMar: quelles attentes?', [8] 'GPMar: quelles modalités de ...'
    """
    items = agenda.items
    if isinstance(key, bool) or not isinstance(key, int | str):
        raise ItemLookupError("invalid_item_key", value=key, got=type(key).__name__)
    if isinstance(key, int):
        if -len(items) <= key < len(items):
            return key % len(items)
        raise ItemLookupError("item_index_out_of_range", value=key, count=len(items))
    for index, item in enumerate(items):
        if item.id == key:
            return index
    for matches in (
        [i for i, item in enumerate(items) if key in item.title.values()],
        _prefixed(items, key.casefold()),
    ):
        if len(matches) == 1:
            return matches[0]
        if matches:
            candidates = _listed([_describe(i, items[i]) for i in matches])
            raise ItemLookupError(
                "ambiguous_item", value=key, count=len(matches), candidates=candidates
            )
    raise ItemLookupError("unknown_item", value=key, candidates=_suggestions(items, key))


def _prefixed(items: Sequence[AgendaItem], folded: str) -> list[int]:
    return [
        i
        for i, item in enumerate(items)
        if any(text.casefold().startswith(folded) for text in item.title.values())
    ]


def _suggestions(items: Sequence[AgendaItem], key: str) -> Msg:
    if not items:
        return Msg(N_("the agenda is empty"))
    if len(items) <= _LISTED:
        listed = _listed([_describe(i, item) for i, item in enumerate(items)])
        return Msg(N_("its items are: {items}"), {"items": listed})
    names: dict[str, int] = {}
    for index, item in enumerate(items):
        for text in (*item.title.values(), item.id or ""):
            if text:
                names.setdefault(text, index)
    close = difflib.get_close_matches(key, list(names), n=5, cutoff=0.6)
    if not close:
        return Msg(N_("no title is close to it"))
    found = _joined([_describe(names[c], items[names[c]]) for c in close], _COMMA)
    return Msg(N_("did you mean {items}?"), {"items": found})


# --------------------------------------------------------------------------------------------
# Times
# --------------------------------------------------------------------------------------------


def _seconds(t: dt.time) -> int:
    return t.hour * 3600 + t.minute * 60 + t.second


def _clock(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    text = f"{hours:02d}:{rest // 60:02d}"
    return text + (f":{rest % 60:02d}" if rest % 60 else "")


def _time(value: TimeLike) -> dt.time:
    return parse_time(value) if isinstance(value, str) else value


def _date(value: DateLike) -> dt.date:
    return parse_date(value) if isinstance(value, str) else value


def _time_of(seconds: int) -> dt.time:
    hours, rest = divmod(seconds, 3600)
    return dt.time(hours, rest // 60, rest % 60)


def _length(
    title: object,
    start: int,
    minutes: int | None,
    duration: str | int | dt.timedelta | None,
    end: TimeLike | None,
) -> int:
    given = [
        name
        for name, value in (("minutes", minutes), ("duration", duration), ("end", end))
        if value is not None
    ]
    if not given:
        raise SchedulingError("missing_length", value=str(title))
    if len(given) > 1:
        raise SchedulingError(
            "conflicting_length", value=str(title), given=_joined([f"{n}=" for n in given], _AND)
        )
    if minutes is not None:
        return minutes * 60
    if duration is not None:
        length = duration if isinstance(duration, dt.timedelta) else parse_duration(duration)
        return int(length.total_seconds())
    assert end is not None
    return _seconds(_time(end)) - start


def _title_text(title: str | LocalisedText | Mapping[str, str]) -> str:
    if isinstance(title, str):
        return title
    return LocalisedText(title).get()


def _message(problem: Problem) -> Msg:
    """A problem's message as a translatable fragment."""
    return Msg(problem.template, problem.params)


def _invalid_item(title: object, exc: ValidationError) -> SchedulingError:
    reason = _joined(
        [
            Msg("{location}: {message}", {"location": p.location, "message": _message(p)})
            if p.location
            else _message(p)
            for p in problems_from_pydantic(exc, AgendaItem)
        ],
        _SEMICOLON,
    )
    return SchedulingError("invalid_item", value=str(title), reason=reason)


def _standalone(agenda: Agenda, first_day: dt.date | None = None) -> Meeting:
    """A meeting around a bare agenda, so that the meeting checks apply to it.

    Its first day is ``first_day``, else the day before the first explicit ``day`` when some
    items have none (they are on a first day of their own), else the first explicit day. Its
    venue has every room the items use: a bare agenda cannot refer to a missing room.
    """
    days = {item.day for item in agenda if item.day is not None}
    undated = any(item.day is None for item in agenda)
    if first_day is None:
        if days:
            first_day = min(days) - dt.timedelta(days=1) if undated else min(days)
        else:
            first_day = dt.date(2000, 1, 3)
    last_day = max(days | {first_day})
    rooms = sorted({item.room for item in agenda if item.room is not None})
    venue = Venue(
        name=LocalisedText("—"), rooms=tuple(Room(id=r, name=LocalisedText(r)) for r in rooms)
    )
    return Meeting(
        id="agenda",
        title=LocalisedText("Agenda"),
        date=first_day,
        end_date=last_day if last_day != first_day else None,
        venue=venue,
        agenda=agenda,
    )


# --------------------------------------------------------------------------------------------
# Facilitators
# --------------------------------------------------------------------------------------------


def _facilitator_data(
    spec: FacilitatorSpec | Iterable[FacilitatorSpec],
    matcher: FacilitatorMatcher,
    warnings: list[Problem],
    loc: Location,
) -> list[Any]:
    specs: list[Any] = [spec] if isinstance(spec, str | Mapping | BaseModel) else list(spec)
    result: list[Any] = []
    for j, one in enumerate(specs):
        if isinstance(one, PersonFacilitator | ActorFacilitator | RoleFacilitator | Mapping):
            result.append(one)
        elif isinstance(one, str):
            match = matcher.read_one(one)
            result.append(match.facilitator)
            if match.code is not None and matcher.group is not None:
                params = dict(match.params)
                kind = params.get("kind")
                if isinstance(kind, str) and kind in KIND_NAMES:  # "person": a word, translated
                    params["kind"] = KIND_NAMES[kind]
                warnings.append(
                    Problem(
                        match.code,
                        (*loc, "facilitators", j),
                        TABLE_MESSAGES[match.code],
                        params,
                        one,
                        Severity.WARNING,
                    )
                )
        else:
            raise SchedulingError("invalid_facilitator_spec", value=one)
    return result


# --------------------------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------------------------


class AgendaBuilder:
    """Builds an agenda item by item, each starting where the previous one ended.

    ``start`` is when the first item starts; ``day`` the first day's date (needed for a
    meeting, optional for an agenda); ``group`` resolves facilitators written as ids, names or
    parts of names (see :class:`~rrma_groups.parsing.tables.FacilitatorMatcher`); ``warnings`` then
    lists the guesses made. Kinds are guessed from titles unless given.

    >>> builder = AgendaBuilder("9h00", day="2017-03-10")
    >>> _ = builder.add("Accueil", 30).pause(15).add("Atelier", duration="1h30")
    >>> with builder.rooms("salle-a", "salle-b") as (a, b):
    ...     _ = a.add("Atelier eau", 45)
    ...     _ = b.add("Atelier santé", 60)
    >>> _ = builder.add("Restitution", 30)
    >>> builder.cursor
    datetime.time(12, 45)
    >>> meeting = builder.meeting(
    ...     "bordeaux-2017", "Rencontre",
    ...     venue={"name": "Maison", "rooms": [{"id": "salle-a", "name": "A"},
    ...                                        {"id": "salle-b", "name": "B"}]},
    ... )
    >>> [(i.start.isoformat("minutes"), str(i.title)) for i in meeting.agenda][-3:]
    [('11:15', 'Atelier eau'), ('11:15', 'Atelier santé'), ('12:15', 'Restitution')]
    """

    def __init__(
        self,
        start: TimeLike,
        *,
        day: DateLike | None = None,
        group: CountryGroup | None = None,
    ) -> None:
        self._matcher = FacilitatorMatcher(group)
        self._first_day = _date(day) if day is not None else None
        self._day: dt.date | None = self._first_day
        self._later_day = False
        self._cursor = _seconds(_time(start))
        self._items: list[AgendaItem] = []
        self._block: Parallel | None = None
        self.warnings: list[Problem] = []
        """Facilitators that were guessed or kept as roles, located in the agenda."""

    # --- adding items ------------------------------------------------------------------------

    @property
    def cursor(self) -> dt.time:
        """Where the next item starts."""
        return _time_of(self._cursor % _DAY_SECONDS)

    def add(
        self,
        title: str | LocalisedText | Mapping[str, str],
        minutes: int | None = None,
        *,
        duration: str | int | dt.timedelta | None = None,
        start: TimeLike | None = None,
        end: TimeLike | None = None,
        kind: ItemKind | str | None = None,
        facilitators: FacilitatorSpec | Iterable[FacilitatorSpec] = (),
        room: str | None = None,
        track: str | None = None,
        id: str | None = None,
        notes: str | LocalisedText | Mapping[str, str] | None = None,
        fixed: bool = False,
    ) -> Self:
        """Add an item at the cursor (or at ``start``); the cursor moves to its end.

        Its length is ``minutes``, a ``duration`` (``"1h30"``, a timedelta) or an ``end`` time.
        """
        # TRANSLATORS: the {action} of "... leave its 'with' block before {action}".
        self._closed(Msg(N_("adding an item")))
        begin = self._cursor if start is None else _seconds(_time(start))
        self._cursor = self._make(
            title, begin, minutes, duration, end, kind, facilitators, room, track, id, notes, fixed
        )
        return self

    def pause(self, minutes: int = 15, title: str | LocalisedText = "Pause", **fields: Any) -> Self:
        """Add a break (an item of kind ``break``) of ``minutes``."""
        fields.setdefault("kind", ItemKind.BREAK)
        return self.add(title, minutes, **fields)

    def gap(self, minutes: int) -> Self:
        """Leave ``minutes`` of free time, without an item."""
        # TRANSLATORS: the {action} of "... leave its 'with' block before {action}".
        self._closed(Msg(N_("leaving a gap")))
        self._cursor += minutes * 60
        return self

    def at(self, time: TimeLike) -> Self:
        """Move the cursor: the next item starts at ``time``."""
        # TRANSLATORS: the {action} of "... leave its 'with' block before {action}".
        self._closed(Msg(N_("moving the cursor")))
        self._cursor = _seconds(_time(time))
        return self

    def next_day(self, date: DateLike | None = None, *, start: TimeLike) -> Self:
        """Start another day at ``start``; ``date`` defaults to the day after the current one."""
        # TRANSLATORS: the {action} of "... leave its 'with' block before {action}".
        self._closed(Msg(N_("starting another day")))
        if date is None:
            if self._day is None:
                raise SchedulingError(
                    "unknown_first_day", action=Msg(N_("give next_day() its date"))
                )
            new_day = self._day + dt.timedelta(days=1)
        else:
            new_day = _date(date)
        if self._day is not None and new_day <= self._day:
            raise SchedulingError("day_not_later", value=new_day, previous=self._day)
        self._day = new_day
        self._later_day = True
        self._cursor = _seconds(_time(start))
        return self

    def parallel(self) -> Parallel:
        """Open a block of parallel sessions, at the cursor; use it in a ``with`` statement."""
        # TRANSLATORS: the {action} of "... leave its 'with' block before {action}".
        self._closed(Msg(N_("opening another parallel block")))
        self._block = Parallel(self, self._cursor)
        return self._block

    def rooms(self, *rooms: str) -> Parallel:
        """A parallel block with one lane per room: ``with b.rooms("a", "b") as (a, b):``."""
        block = self.parallel()
        for room in rooms:
            block.room(room)
        return block

    def tracks(self, *tracks: str) -> Parallel:
        """A parallel block with one lane per track (sessions without rooms)."""
        block = self.parallel()
        for track in tracks:
            block.track(track)
        return block

    # --- results -----------------------------------------------------------------------------

    def agenda(self) -> Agenda:
        """The agenda, checked: overlapping items raise :class:`RetimeError`."""
        # TRANSLATORS: the {action} of "... leave its 'with' block before {action}".
        self._closed(Msg(N_("making the agenda")))
        agenda = Agenda(tuple(self._items))
        _refuse(check(_standalone(agenda, self._first_day)), None, Msg(N_("build the agenda")))
        return agenda

    def meeting(
        self,
        id: str,
        title: str | LocalisedText | Mapping[str, str],
        date: DateLike | None = None,
        **fields: Any,
    ) -> Meeting:
        """A meeting holding the agenda, checked; ``fields`` are other Meeting fields."""
        # TRANSLATORS: the {action} of "... leave its 'with' block before {action}".
        self._closed(Msg(N_("making the meeting")))
        first = _date(date) if date is not None else self._first_day
        if first is None:
            raise SchedulingError("unknown_first_day", action=Msg(N_("give meeting() its date")))
        days = [item.day for item in self._items if item.day is not None]
        data: dict[str, Any] = {"id": id, "title": title, "date": first}
        if days:
            data["end_date"] = max(days)
        data.update(fields)
        data["agenda"] = Agenda(tuple(self._items))
        try:
            meeting = Meeting.model_validate(data)
        except ValidationError as exc:
            problems = problems_from_pydantic(exc, Meeting)
            raise GroupValidationError(problems, source=f"meeting {id!r}") from None
        _refuse(check(meeting), None, Msg(N_("make the meeting {id!r}"), {"id": id}))
        return meeting

    # --- internals ---------------------------------------------------------------------------

    def _closed(self, action: Msg) -> None:
        if self._block is not None:
            raise SchedulingError("parallel_block_open", action=action)

    def _make(
        self,
        title: str | LocalisedText | Mapping[str, str],
        start: int,
        minutes: int | None,
        duration: str | int | dt.timedelta | None,
        end: TimeLike | None,
        kind: ItemKind | str | None,
        facilitators: FacilitatorSpec | Iterable[FacilitatorSpec],
        room: str | None,
        track: str | None,
        id: str | None,
        notes: str | LocalisedText | Mapping[str, str] | None,
        fixed: bool,
    ) -> int:
        """Validate and keep one item; return its end, in seconds."""
        text = _title_text(title)
        stop = start + _length(text, start, minutes, duration, end)
        operation = Msg(N_("add {title!r}"), {"title": text})
        if stop <= start:
            raise SchedulingError(
                "invalid_length", operation=operation, minutes=(stop - start) // 60
            )
        if stop >= _DAY_SECONDS:
            raise SchedulingError(
                "outside_day",
                value=text,
                wording="it_end",
                operation=operation,
                clock=_outside_clock(stop),
            )
        loc: Location = ("agenda", len(self._items))
        data: dict[str, Any] = {
            "title": title,
            "start": _time_of(start),
            "end": _time_of(stop),
            "kind": kind if kind is not None else guess_kind(text),
            "day": self._day if self._later_day else None,
            "facilitators": _facilitator_data(facilitators, self._matcher, self.warnings, loc),
            "room": room,
            "track": track,
            "id": id,
            "notes": notes,
            "fixed": fixed,
        }
        try:
            item = AgendaItem.model_validate(data)
        except ValidationError as exc:
            raise _invalid_item(text, exc) from None
        self._items.append(item)
        return stop


class Lane:
    """One room or track of a parallel block; its items follow each other from the block's start."""

    def __init__(self, block: Parallel, room: str | None, track: str | None) -> None:
        self._block = block
        self.room = room
        self.track = track
        self._cursor = block.start_seconds

    @property
    def cursor(self) -> dt.time:
        return _time_of(self._cursor % _DAY_SECONDS)

    def add(
        self,
        title: str | LocalisedText | Mapping[str, str],
        minutes: int | None = None,
        *,
        duration: str | int | dt.timedelta | None = None,
        start: TimeLike | None = None,
        end: TimeLike | None = None,
        kind: ItemKind | str | None = None,
        facilitators: FacilitatorSpec | Iterable[FacilitatorSpec] = (),
        id: str | None = None,
        notes: str | LocalisedText | Mapping[str, str] | None = None,
        fixed: bool = False,
    ) -> Self:
        """Add a session in this lane (see :meth:`AgendaBuilder.add`)."""
        # TRANSLATORS: the {action} of "this parallel block was closed: {action} in a new one".
        builder = self._block.open_builder(Msg(N_("add a session")))
        begin = self._cursor if start is None else _seconds(_time(start))
        self._cursor = builder._make(
            title,
            begin,
            minutes,
            duration,
            end,
            kind,
            facilitators,
            self.room,
            self.track,
            id,
            notes,
            fixed,
        )
        return self

    def gap(self, minutes: int) -> Self:
        """Leave ``minutes`` free in this lane."""
        # TRANSLATORS: the {action} of "this parallel block was closed: {action} in a new one".
        self._block.open_builder(Msg(N_("leave a gap")))
        self._cursor += minutes * 60
        return self


class Parallel:
    """A block of parallel sessions; the programme rejoins when the longest lane ends."""

    def __init__(self, builder: AgendaBuilder, start: int) -> None:
        self._builder: AgendaBuilder | None = builder
        self.start_seconds = start
        self._lanes: dict[tuple[str | None, str | None], Lane] = {}

    @property
    def start(self) -> dt.time:
        return _time_of(self.start_seconds % _DAY_SECONDS)

    def lane(self, room: str | None = None, track: str | None = None) -> Lane:
        """The lane of this room and/or track (created on first use)."""
        # TRANSLATORS: the {action} of "this parallel block was closed: {action} in a new one".
        self.open_builder(Msg(N_("add a lane")))
        key = (room, track)
        if key not in self._lanes:
            self._lanes[key] = Lane(self, room, track)
        return self._lanes[key]

    def room(self, room: str, *, track: str | None = None) -> Lane:
        return self.lane(room, track)

    def track(self, track: str, *, room: str | None = None) -> Lane:
        return self.lane(room, track)

    def __iter__(self) -> Iterator[Lane]:
        return iter(list(self._lanes.values()))

    def rejoin(self) -> AgendaBuilder:
        """Close the block: the builder's cursor moves to the end of the longest lane."""
        # TRANSLATORS: the {action} of "this parallel block was closed: {action} in a new one".
        builder = self.open_builder(Msg(N_("rejoin")))
        ends = [lane._cursor for lane in self._lanes.values()]
        builder._cursor = max([self.start_seconds, *ends])
        builder._block = None
        self._builder = None
        return builder

    def open_builder(self, action: Msg | str) -> AgendaBuilder:
        if self._builder is None:
            raise SchedulingError("parallel_block_closed", action=action)
        return self._builder

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._builder is None:
            return
        if error is None:
            self.rejoin()
        else:  # leave the builder usable, without the block's end
            self._builder._block = None
            self._builder = None


# --------------------------------------------------------------------------------------------
# Re-timing: the working copy
# --------------------------------------------------------------------------------------------


@dataclasses.dataclass(eq=False, slots=True)
class _Slot:
    """An item being re-timed: its day and times in seconds (``end`` None: open-ended)."""

    item: AgendaItem
    day: dt.date
    start: int
    end: int | None

    @property
    def stop(self) -> int:
        return self.end if self.end is not None else self.start

    @property
    def lane(self) -> tuple[str | None, str | None]:
        return (self.item.room, self.item.track)

    @property
    def fixed(self) -> bool:
        return self.item.fixed

    def move(self, delta: int) -> None:
        self.start += delta
        if self.end is not None:
            self.end += delta


@dataclasses.dataclass(eq=False, slots=True)
class _Block:
    """Items of a day that overlap one another: a plenary item alone, or parallel sessions."""

    members: list[_Slot]
    start: int
    end: int

    @property
    def fixed(self) -> bool:
        return any(slot.fixed for slot in self.members)


def _slots(meeting: Meeting) -> list[_Slot]:
    return [
        _Slot(
            item,
            item.day or meeting.date,
            _seconds(item.start),
            _seconds(item.end) if item.end is not None else None,
        )
        for item in meeting.agenda
    ]


def _blocks(slots: Iterable[_Slot], day: dt.date | None = None) -> list[_Block]:
    """The blocks of one day (of ``slots`` when ``day`` is None: they are one day's), in order."""
    blocks: list[_Block] = []
    day_slots = slots if day is None else (s for s in slots if s.day == day)
    for slot in sorted(day_slots, key=lambda s: s.start):
        if blocks and slot.start < blocks[-1].end:
            blocks[-1].members.append(slot)
            blocks[-1].end = max(blocks[-1].end, slot.stop)
        else:
            blocks.append(_Block([slot], slot.start, slot.stop))
    return blocks


def _block_of(blocks: list[_Block], slot: _Slot) -> int:
    for index, block in enumerate(blocks):
        if any(member is slot for member in block.members):
            return index
    raise AssertionError("every slot is in a block of its day")  # pragma: no cover


def _preceding(slots: list[_Slot], slot: _Slot) -> set[int]:
    """The items of its day that come before ``slot`` and cannot run in parallel with it."""
    position = next(i for i, s in enumerate(slots) if s is slot)
    lane, plenary = slot.lane, slot.item.is_plenary
    return {
        id(other)
        for i, other in enumerate(slots)
        if other is not slot
        and other.day == slot.day
        and (plenary or other.item.is_plenary or other.lane == lane)
        and (other.start, i) < (slot.start, position)
    }


class _Blocked(Exception):
    """Internal: pushed items would run into, or jump over, a fixed item that stays."""

    def __init__(self, fixed: _Slot, until: int) -> None:
        super().__init__()
        self.fixed = fixed
        self.until = until


@contextlib.contextmanager
def _pushing(operation: Msg, key: object) -> Iterator[None]:
    """Say which fixed item stopped the items an operation pushed."""
    try:
        yield
    except _Blocked as blocked:
        title = blocked.fixed.item.title.get()
        raise SchedulingError(
            "fixed_in_the_way",
            value=key,
            operation=operation,
            title=title,
            start=_clock(blocked.fixed.start),
            until=_clock(blocked.until),
        ) from None


def _push(blocks: list[_Block], first: int, delta: int) -> None:
    """Move the blocks from ``first`` on by ``delta``, up to the first one holding a fixed item.

    Pushed later, they must end by the fixed item's start: they neither run into it nor jump
    over it (which would change the order of the day).
    """
    if delta == 0:
        return
    moved_end: int | None = None
    for block in blocks[first:]:
        if block.fixed:
            if delta > 0 and moved_end is not None and moved_end > block.start:
                raise _Blocked(next(s for s in block.members if s.fixed), moved_end)
            return
        for slot in block.members:
            slot.move(delta)
        moved_end = block.end + delta


def _reflow(
    blocks: list[_Block],
    index: int,
    changed: _Slot,
    since: int,
    delta: int,
    *,
    removed: bool = False,
    added: _Slot | None = None,
) -> None:
    """Follow a change of ``changed`` in block ``index``.

    The items of its block, in its lane, that started at or after ``since`` move by ``delta``
    (up to a fixed one); the later blocks move by as much as the block's end moved.
    """
    block = blocks[index]
    lane = changed.lane
    if delta:
        for slot in block.members:
            if slot is changed or slot.lane != lane or slot.start < since:
                continue
            if slot.fixed:
                break
            slot.move(delta)
    members = [s for s in block.members if not (removed and s is changed)]
    if added is not None:
        members.append(added)
    end = max((s.stop for s in members), default=block.start)
    _push(blocks, index + 1, end - block.end)


def _fine(meeting: Meeting, touched: set[dt.date], kept: set[int]) -> bool:
    """Whether the days an operation touched are free of errors: the quick check.

    The other days did not change, so they have no new error. A new item's id could clash with
    one on another day: that is looked at too. When this says no, the whole meeting is checked,
    for exact locations and to tolerate the errors the programme already had.
    """
    items = meeting.agenda.items
    new_ids = {item.id for item in items if id(item) not in kept and item.id is not None}
    if new_ids and sum(item.id in new_ids for item in items) > len(new_ids):
        return False
    part = [item for item in items if (item.day or meeting.date) in touched]
    return check(meeting.model_copy(update={"agenda": Agenda(tuple(part))})).ok


class _Signature(NamedTuple):
    code: str
    params: tuple[tuple[str, str], ...]


def _signature(problem: Problem) -> _Signature:
    # Locations and the index of the other item change when items are inserted or removed;
    # what the problem is about does not.
    kept = tuple(sorted((k, repr(v)) for k, v in problem.params.items() if k != "other"))
    return _Signature(problem.code, kept)


def _refuse(report: Report, before: Meeting | None, operation: Msg, key: object = None) -> None:
    """Raise :class:`RetimeError` for the errors of ``report`` that ``before`` did not have."""
    errors: tuple[Problem, ...] = report.errors
    if not errors:
        return
    if before is not None:
        known = {_signature(p) for p in check(before).errors}
        errors = tuple(p for p in errors if _signature(p) not in known)
        if not errors:
            return
    details = _joined([_shown(p) for p in errors[:3]], _SEMICOLON)
    if len(errors) > 3:
        details = Msg(N_("{listed}; and {more} more"), {"listed": details, "more": len(errors) - 3})
    raise RetimeError(
        "invalid_programme",
        value=key,
        problems=errors,
        wording="one" if len(errors) == 1 else None,
        operation=operation,
        count=len(errors),
        details=details,
    )


def _shown(problem: Problem) -> Msg:
    """A problem as ``str(problem)`` writes it, ``location: message [code]``, translatable."""
    where = problem.location or Msg(N_("(top)"))
    return Msg(
        "{location}: {message} [{code}]",
        {"location": where, "message": _message(problem), "code": problem.code},
    )


# --------------------------------------------------------------------------------------------
# Re-timing: the operations
# --------------------------------------------------------------------------------------------

T = TypeVar("T", Meeting, Agenda)


class Retimer(Generic[T]):
    """Re-timing operations on a meeting's programme (or a bare agenda's).

    Each returns a new meeting (or agenda) whose programme has no error, or raises
    :class:`SchedulingError` and changes nothing; errors the programme already had are
    tolerated, new ones are not. Get one with :func:`retime` or ``agenda.retime``.
    """

    def __init__(self, meeting: Meeting, unwrap: Callable[[Meeting], T]) -> None:
        self._meeting = meeting
        self._unwrap: Callable[[Meeting], T] = unwrap

    def __repr__(self) -> str:
        return f"Retimer({self._meeting.id!r}, {len(self._meeting.agenda)} items)"

    # --- helpers -----------------------------------------------------------------------------

    def _index(self, key: ItemKey) -> int:
        return find_item(self._meeting.agenda, key)

    def _title(self, index: int) -> str:
        return self._meeting.agenda[index].title.get()

    def _finish(self, slots: list[_Slot], operation: Msg, key: object, **bounds: Any) -> T:
        meeting = self._meeting
        items: list[AgendaItem] = []
        touched: set[dt.date] = {meeting.date, meeting.last_date} if bounds else set()
        for slot in slots:
            item = slot.item
            # An item lies within its day: it starts from 00:00 and ends before 24:00.
            for when, seconds in (("start", slot.start), ("end", slot.end)):
                if seconds is not None and not 0 <= seconds < _DAY_SECONDS:
                    title = item.title.get()
                    # "it" when the operation names the item ("shift 'Débat'"), else its title.
                    if repr(title) in str(operation):
                        wording: str | None = f"it_{when}"
                    else:
                        wording = "start" if when == "start" else None
                    raise SchedulingError(
                        "outside_day",
                        value=key,
                        wording=wording,
                        operation=operation,
                        title=title,
                        clock=_outside_clock(seconds),
                    )
            changes: dict[str, Any] = {}
            if slot.start != _seconds(item.start):
                changes["start"] = _time_of(slot.start)
            old_end = _seconds(item.end) if item.end is not None else None
            if slot.end != old_end:
                changes["end"] = _time_of(slot.end) if slot.end is not None else None
            if slot.day != (item.day or meeting.date):
                changes["day"] = None if slot.day == meeting.date else slot.day
                touched.add(item.day or meeting.date)
            if changes:
                touched.add(slot.day)
            # The new times are checked above (within the day) and by check() below (order,
            # overlaps, bounds); model_copy skips re-validating titles and facilitators,
            # which did not change, and keeps re-timing 20,000 items fast.
            items.append(item.model_copy(update=changes) if changes else item)
        try:
            new = meeting.replace(agenda=Agenda(tuple(items)), **bounds)
        except ValidationError as exc:
            problems = problems_from_pydantic(exc, Meeting)
            reason = _joined([_message(p) for p in problems], _SEMICOLON)
            raise SchedulingError("invalid_meeting", value=meeting.id, reason=reason) from None
        if not _fine(new, touched, {id(item) for item in meeting.agenda}):
            _refuse(check(new), meeting, operation, key)
        return self._unwrap(new)

    def _unchanged(self) -> T:
        return self._unwrap(self._meeting)

    # --- shift, stretch, resize -----------------------------------------------------------------

    def shift(
        self,
        key: ItemKey,
        minutes: int = 0,
        *,
        to: TimeLike | None = None,
        cascade: bool = False,
    ) -> T:
        """Move an item by ``minutes`` (or ``to`` a start time), keeping its length.

        With ``cascade``, what follows it moves too (see the module's "re-flow"); shifting back
        by the opposite amount gives the programme back.

        >>> from rrma_groups.examples import groupe_pays_maroc
        >>> meeting = groupe_pays_maroc().meeting("limoges-2016").replace(end="17:45")
        >>> later = retime(meeting).shift("Restitution", 15, cascade=True)
        >>> [(str(i.start), str(i.end)) for i in later.agenda][-3:]
        [('16:00:00', '16:30:00'), ('16:45:00', '17:00:00'), ('17:00:00', '17:45:00')]
        """
        index = self._index(key)
        slots = _slots(self._meeting)
        slot = slots[index]
        delta = (_seconds(_time(to)) - slot.start) if to is not None else minutes * 60
        if delta == 0:
            return self._unchanged()
        operation = Msg(
            N_("shift {title!r} by {minutes} minutes"),
            {"title": self._title(index), "minutes": f"{delta // 60:+d}"},
        )
        if cascade:
            blocks = _blocks(slots, slot.day)
            block = _block_of(blocks, slot)
            since = slot.stop
            before = _preceding(slots, slot)
            slot.move(delta)
            with _pushing(operation, key):
                _reflow(blocks, block, slot, since, delta)
            passed = before ^ _preceding(slots, slot)
            if passed:
                other = next(s for s in slots if id(s) in passed).item.title.get()
                raise SchedulingError("order_changed", value=key, operation=operation, other=other)
        else:
            slot.move(delta)
        return self._finish(slots, operation, key)

    def stretch(self, key: ItemKey, minutes: int, *, reflow: bool = True) -> T:
        """Make an item ``minutes`` longer (shorter when negative); what follows re-flows."""
        index = self._index(key)
        item = self._meeting.agenda[index]
        if item.end is None:
            # TRANSLATORS: the {operation} of "cannot {operation}: ..."; "it" is the item.
            stretch_it = Msg(N_("stretch it"))
            raise SchedulingError(
                "open_end", value=key, operation=stretch_it, title=self._title(index)
            )
        new_end = _seconds(item.end) + minutes * 60
        return self._set_end(key, index, new_end, reflow, N_("stretch {title!r}"))

    def resize(
        self,
        key: ItemKey,
        minutes: int | None = None,
        *,
        end: TimeLike | None = None,
        reflow: bool = True,
    ) -> T:
        """Give an item a new length (``minutes``) or a new ``end``; what follows re-flows."""
        index = self._index(key)
        start = _seconds(self._meeting.agenda[index].start)
        given = [n for n, v in (("minutes", minutes), ("end", end)) if v is not None]
        if len(given) != 1:
            code = "missing_length" if not given else "conflicting_length"
            both = _joined(["minutes=", "end="], _AND)
            raise SchedulingError(code, value=self._title(index), given=both)
        new_end = _seconds(_time(end)) if end is not None else start + (minutes or 0) * 60
        return self._set_end(key, index, new_end, reflow, N_("resize {title!r}"))

    def _set_end(self, key: ItemKey, index: int, new_end: int, reflow: bool, doing: str) -> T:
        """Give item ``index`` a new end; ``doing`` names the operation ("stretch {title!r}")."""
        slots = _slots(self._meeting)
        slot = slots[index]
        operation = Msg(doing, {"title": self._title(index)})
        if new_end - slot.start < 60:
            minutes = math.floor((new_end - slot.start) / 60)
            raise SchedulingError("invalid_length", value=key, operation=operation, minutes=minutes)
        old_end = slot.end if slot.end is not None else slot.start
        if new_end == slot.end:
            return self._unchanged()
        if reflow:
            blocks = _blocks(slots, slot.day)
            block = _block_of(blocks, slot)
            slot.end = new_end
            with _pushing(operation, key):
                _reflow(blocks, block, slot, old_end, new_end - old_end)
        else:
            slot.end = new_end
        return self._finish(slots, operation, key)

    # --- remove, insert, move --------------------------------------------------------------------

    def remove(self, key: ItemKey, *, close_gap: bool = True) -> T:
        """Remove an item; with ``close_gap``, what followed it moves up by its length."""
        index = self._index(key)
        slots = _slots(self._meeting)
        _remove(slots, index, close_gap)  # pulls items earlier: no fixed item is in the way
        return self._finish(slots, Msg(N_("remove {title!r}"), {"title": self._title(index)}), key)

    def insert(
        self,
        item: AgendaItem | str | LocalisedText | Mapping[str, str],
        minutes: int | None = None,
        *,
        duration: str | int | dt.timedelta | None = None,
        before: ItemKey | None = None,
        after: ItemKey | None = None,
        at: TimeLike | None = None,
        day: DateLike | None = None,
        push: bool = True,
        **fields: Any,
    ) -> T:
        """Insert an item before or after another, or ``at`` a time (of ``day``).

        ``item`` is an AgendaItem or a title; ``fields`` are other AgendaItem fields (``kind``
        is guessed from the title when not given; ``facilitators`` take ids with ``person:`` or
        ``actor:``, or roles as text). With ``push``, what follows moves later as far as
        needed to make room. Without a position, the item goes at the end of the last day.

        >>> from rrma_groups.examples import groupe_pays_maroc
        >>> meeting = groupe_pays_maroc().meeting("limoges-2016").replace(end="17:45")
        >>> longer = retime(meeting).insert("Pause café", 15, after="Présentation des structures")
        >>> for item in longer.agenda[4:7]:
        ...     print(item.start, item.kind.value, item.title)
        14:40:00 presentation Présentation des structures
        15:00:00 break Pause café
        15:15:00 presentation Présentation de la coopération avec la Région Marrakech-Safi
        """
        given = [n for n, v in (("before", before), ("after", after), ("at", at)) if v is not None]
        if len(given) > 1:
            raise SchedulingError(
                "conflicting_position", given=_joined([f"{n}=" for n in given], _AND)
            )
        if isinstance(item, AgendaItem) and not given:
            at, day = item.start, day if day is not None else item.day
        new = self._new_item(item, minutes, duration, fields)
        title = new.title.get()
        slots = _slots(self._meeting)
        other = before if before is not None else after
        if other is not None:
            target = self._index(other)
            where = "before" if before is not None else "after"
            doing = (
                N_("insert {title!r} before {other!r}")
                if before is not None
                else N_("insert {title!r} after {other!r}")
            )
            operation = Msg(doing, {"title": title, "other": self._title(target)})
            with _pushing(operation, title):
                _insert_next_to(slots, new, slots[target], where, push, operation)
        else:
            on = _date(day) if day is not None else None
            if at is None:
                operation = Msg(N_("insert {title!r}"), {"title": title})
            else:
                clock = _clock(_seconds(_time(at)))
                operation = Msg(N_("insert {title!r} at {time}"), {"title": title, "time": clock})
            with _pushing(operation, title):
                _insert_at(slots, new, self._meeting, at, on, push)
        return self._finish(slots, operation, title)

    def move(
        self, key: ItemKey, *, before: ItemKey | None = None, after: ItemKey | None = None
    ) -> T:
        """Move an item before or after another (maybe on another day), keeping its length.

        The gap it leaves closes and the items at its new place make room, as :meth:`remove`
        and :meth:`insert` do.

        >>> from rrma_groups.examples import groupe_pays_maroc
        >>> meeting = groupe_pays_maroc().meeting("limoges-2016")
        >>> moved = retime(meeting).move("Présentation des structures", before=1)
        >>> for item in moved.agenda[:3]:
        ...     print(item.start, item.title)
        14:00:00 Accueil des participants
        14:15:00 Présentation des structures
        14:35:00 Présentation de l'ordre du jour
        """
        given = [n for n, v in (("before", before), ("after", after)) if v is not None]
        index = self._index(key)
        title = self._title(index)
        if len(given) != 1:
            if not given:
                raise SchedulingError("missing_position", value=title)
            given_both = _joined(["before=", "after="], _AND)
            raise SchedulingError("conflicting_position", given=given_both)
        where = given[0]
        other = before if before is not None else after
        assert other is not None
        target = self._index(other)
        if target == index:
            raise SchedulingError(
                "same_item", value=title, wording=None if where == "before" else "after"
            )
        doing = (
            N_("move {title!r} before {other!r}")
            if where == "before"
            else N_("move {title!r} after {other!r}")
        )
        operation = Msg(doing, {"title": title, "other": self._title(target)})
        slots = _slots(self._meeting)
        moving, neighbour = slots[index], slots[target]
        if moving.end is None:
            raise SchedulingError("open_end", value=key, operation=operation, title=title)
        length = moving.end - moving.start
        _remove(slots, index, close_gap=True)
        new = moving.item.model_copy(
            update={"start": _time_of(0), "end": _time_of(length), "day": None}
        )
        with _pushing(operation, key):
            _insert_next_to(slots, new, neighbour, where, True, operation)
        return self._finish(slots, operation, key)

    def _new_item(
        self,
        item: AgendaItem | str | LocalisedText | Mapping[str, str],
        minutes: int | None,
        duration: str | int | dt.timedelta | None,
        fields: dict[str, Any],
    ) -> AgendaItem:
        """The item to insert, starting at midnight; only its length and fields matter yet."""
        if isinstance(item, AgendaItem):
            if minutes is None and duration is None and item.end is not None:
                length = _seconds(item.end) - _seconds(item.start)
            else:
                length = _length(item.title, 0, minutes, duration, None)
            base = item.model_dump(exclude={"start", "end"})
            base.update(fields)
        else:
            text = _title_text(item)
            length = _length(text, 0, minutes, duration, fields.pop("end", None))
            base = {"title": item, **fields}
            base.setdefault("kind", guess_kind(text))
            warnings: list[Problem] = []
            base["facilitators"] = _facilitator_data(
                base.get("facilitators", ()), FacilitatorMatcher(None), warnings, ()
            )
        title = _title_text(base["title"])
        if length < 60 or length >= _DAY_SECONDS:
            raise SchedulingError(
                "invalid_length",
                value=title,
                operation=Msg(N_("insert {title!r}"), {"title": title}),
                minutes=length // 60,
            )
        base["start"], base["end"] = _time_of(0), _time_of(length)
        try:
            return AgendaItem.model_validate(base)
        except ValidationError as exc:
            raise _invalid_item(title, exc) from None

    # --- compact and fit -------------------------------------------------------------------------

    def compact(
        self, day: DateLike | None = None, *, gap: int = 0, start: TimeLike | None = None
    ) -> T:
        """Close the gaps of a day (of every day when ``day`` is None), leaving ``gap`` minutes.

        Parallel sessions move together; a fixed item stays where it is. The day starts at its
        first item, or at ``start``. Compacting twice changes nothing more.
        """
        slots = _slots(self._meeting)
        by_day: dict[dt.date, list[_Slot]] = {}
        for slot in slots:
            by_day.setdefault(slot.day, []).append(slot)
        days = [self._day(day)] if day is not None else sorted(by_day)
        for current in days:
            blocks = _blocks(by_day.get(current, []))
            if not blocks:
                continue
            cursor = _seconds(_time(start)) if start is not None else blocks[0].start
            previous_end: int | None = None
            for block in blocks:
                if block.fixed:
                    # A fixed item stays: the gap before it may shrink, not turn into overlap.
                    if previous_end is not None and previous_end > block.start:
                        title = next(s for s in block.members if s.fixed).item.title.get()
                        raise SchedulingError(
                            "fixed_in_the_way",
                            value=title,
                            operation=Msg(N_("compact {day}"), {"day": current}),
                            title=title,
                            start=_clock(block.start),
                            until=_clock(previous_end),
                        )
                    previous_end = block.end
                else:
                    delta = cursor - block.start
                    for slot in block.members:
                        slot.move(delta)
                    previous_end = block.end + delta
                cursor = previous_end + gap * 60
        return self._finish(slots, Msg(N_("compact the programme")), day)

    def fit(
        self,
        end: TimeLike | None = None,
        *,
        start: TimeLike | None = None,
        day: DateLike | None = None,
    ) -> T:
        """Scale a day's items so that it ends at ``end`` (and starts at ``start``).

        Items keep their order and their share of the time; gaps keep their length; fixed
        items keep their times (only the time after the last fixed item, and before the first,
        is scaled). Lengths are whole minutes, in 5-minute steps when every time was on a
        5-minute step; the minutes left by rounding go to the items that lost the most. The
        meeting's declared end (start) follows.
        """
        if end is None and start is None:
            raise SchedulingError("nothing_to_fit")
        slots = _slots(self._meeting)
        current = self._day(day) if day is not None else self._only_day(slots)
        ordered = sorted((s for s in slots if s.day == current), key=lambda s: s.start)
        first = min((s.start for s in ordered), default=0)
        last = max((s.stop for s in ordered), default=0)
        new_first = _seconds(_time(start)) if start is not None else first
        new_last = _seconds(_time(end)) if end is not None else last

        def fail(reason: Msg) -> SchedulingError:
            return SchedulingError(
                "cannot_fit",
                value=end if end is not None else start,
                day=current,
                start=_clock(new_first),
                end=_clock(new_last),
                reason=reason,
            )

        if not ordered:
            raise fail(Msg(N_("it has no item")))
        if new_last <= new_first:
            raise fail(Msg(N_("the end is not after the start")))
        fixed = [s for s in ordered if s.fixed]
        segments: list[tuple[int, int, int, int]] = []  # (old a, old b, new a, new b)
        if not fixed:
            segments.append((first, last, new_first, new_last))
        else:
            anchor_end = max(fixed, key=lambda s: s.stop)
            anchor_start = min(fixed, key=lambda s: s.start)
            if new_last != last:
                if anchor_end.stop >= new_last:
                    raise fail(
                        Msg(
                            N_("{title!r} is fixed until {until}"),
                            {
                                "title": anchor_end.item.title.get(),
                                "until": _clock(anchor_end.stop),
                            },
                        )
                    )
                segments.append((anchor_end.stop, last, anchor_end.stop, new_last))
            if new_first != first:
                if anchor_start.start <= new_first:
                    raise fail(
                        Msg(
                            N_("{title!r} is fixed from {start}"),
                            {
                                "title": anchor_start.item.title.get(),
                                "start": _clock(anchor_start.start),
                            },
                        )
                    )
                segments.append((first, anchor_start.start, new_first, anchor_start.start))
        mapping: dict[int, int] = {}
        for segment in segments:
            mapping.update(_scale(ordered, *segment, fail))
        for slot in ordered:
            slot.start = mapping.get(slot.start, slot.start)
            if slot.end is not None:
                slot.end = mapping.get(slot.end, slot.end)
        bounds: dict[str, Any] = {}
        meeting = self._meeting
        if end is not None and meeting.end is not None and current == meeting.last_date:
            bounds["end"] = _time_of(new_last)
        if start is not None and meeting.start is not None and current == meeting.date:
            bounds["start"] = _time_of(new_first)
        operation = Msg(
            N_("fit the programme of {day} into {start}–{end}"),
            {"day": current, "start": _clock(new_first), "end": _clock(new_last)},
        )
        return self._finish(slots, operation, end if end is not None else start, **bounds)

    def _day(self, day: DateLike) -> dt.date:
        wanted = _date(day)
        days = self._meeting.days
        if wanted not in days:
            raise SchedulingError("unknown_day", value=wanted, days=", ".join(str(d) for d in days))
        return wanted

    def _only_day(self, slots: list[_Slot]) -> dt.date:
        days = sorted({s.day for s in slots})
        if len(days) > 1:
            raise SchedulingError("which_day", days=", ".join(str(d) for d in days))
        return days[0] if days else self._meeting.date


def _outside_clock(seconds: int) -> Msg:
    if seconds < 0:
        return Msg(N_("{time} the day before"), {"time": _clock(seconds + _DAY_SECONDS)})
    return Msg(N_("{time} the next day"), {"time": _clock(seconds - _DAY_SECONDS)})


def _remove(slots: list[_Slot], index: int, close_gap: bool) -> None:
    slot = slots[index]
    if close_gap:
        blocks = _blocks(slots, slot.day)
        block = _block_of(blocks, slot)
        _reflow(blocks, block, slot, slot.stop, slot.start - slot.stop, removed=True)
    del slots[index]


def _room_for(blocks: list[_Block], index: int, start: int, length: int) -> None:
    """Push the blocks from ``index`` on as far as needed for ``length`` from ``start``."""
    if index < len(blocks):
        _push(blocks, index, max(0, start + length - blocks[index].start))


def _insert_in_block(blocks: list[_Block], index: int, new: _Slot, length: int) -> None:
    """Make room for ``new`` in its lane, inside block ``index``; later blocks follow."""
    block = blocks[index]
    following = [s for s in block.members if s.lane == new.lane and s.start >= new.start]
    if following:
        delta = max(0, new.start + length - following[0].start)
        for slot in following:
            if slot.fixed:
                break
            slot.move(delta)
    end = max([new.stop, *(s.stop for s in block.members)])
    _push(blocks, index + 1, end - block.end)


def _insert_next_to(
    slots: list[_Slot],
    item: AgendaItem,
    other: _Slot,
    where: str,
    push: bool,
    operation: Msg,
) -> None:
    """Insert ``item`` (its times give its length) before or after ``other``."""
    length = _seconds(item.end or item.start) - _seconds(item.start)
    blocks = _blocks(slots, other.day)
    index = _block_of(blocks, other)
    block = blocks[index]
    plenary = item.is_plenary
    if where == "before":
        start = block.start if plenary else other.start
    else:
        title = other.item.title.get()
        if other.end is None:
            raise SchedulingError("open_end", value=title, operation=operation, title=title)
        start = block.end if plenary else other.end
    new = _Slot(item, other.day, start, start + length)
    if push:
        if plenary and where == "before":
            _room_for(blocks, index, start, length)
        elif plenary or start >= block.end:
            _room_for(blocks, index + 1, start, length)
        else:
            _insert_in_block(blocks, index, new, length)
    # In the agenda's order too, a plenary item goes before (after) the whole block.
    neighbours = block.members if plenary else [other]
    positions = [i for i, slot in enumerate(slots) if any(slot is n for n in neighbours)]
    slots.insert(max(positions) + 1 if where == "after" else min(positions), new)


def _insert_at(
    slots: list[_Slot],
    item: AgendaItem,
    meeting: Meeting,
    at: TimeLike | None,
    day: dt.date | None,
    push: bool,
) -> None:
    """Insert ``item`` at a time of a day (by default after the last item of the last day)."""
    length = _seconds(item.end or item.start) - _seconds(item.start)
    if day is None:
        day = max((s.day for s in slots), default=meeting.date) if at is None else meeting.date
    blocks = _blocks(slots, day)
    if at is not None:
        start = _seconds(_time(at))
    elif blocks:
        start = max(b.end for b in blocks)
    else:
        start = _seconds(meeting.start) if meeting.start is not None else 0
    new = _Slot(item, day, start, start + length)
    if push and blocks:
        inside = next((i for i, b in enumerate(blocks) if b.start < start < b.end), None)
        if inside is not None and not item.is_plenary:
            _insert_in_block(blocks, inside, new, length)
        elif inside is None:
            later = next((i for i, b in enumerate(blocks) if b.start >= start), len(blocks))
            _room_for(blocks, later, start, length)
        # else: a plenary item inside a block overlaps it whatever moves; check() says so.
    position = len(slots)
    for index, slot in enumerate(slots):
        if (slot.day, slot.start) > (day, start):
            position = index
            break
    slots.insert(position, new)


def _scale(
    slots: list[_Slot],
    old_a: int,
    old_b: int,
    new_a: int,
    new_b: int,
    fail: Callable[[Msg], SchedulingError],
) -> dict[int, int]:
    """Where each time point of ``[old_a, old_b]`` goes when it is scaled into the new span.

    The span is cut at every start and end; a piece covered by some item is scaled, a piece
    covered by none (a gap) keeps its length. Pieces get whole steps (5 minutes when every
    point is on a 5-minute step, else 1 minute), at least one each; the steps left after
    rounding down go to the pieces with the largest remainders, earlier pieces first on ties.
    """
    points = {old_a, old_b}
    for slot in slots:
        for point in (slot.start, slot.end):
            if point is not None and old_a <= point <= old_b:
                points.add(point)
    ordered = sorted(points)
    position = {point: i for i, point in enumerate(ordered)}
    cover = [0] * (len(ordered) + 1)
    for slot in slots:
        if slot.end is None or slot.fixed or slot.end <= old_a or slot.start >= old_b:
            continue
        cover[position[max(slot.start, old_a)]] += 1
        cover[position[min(slot.end, old_b)]] -= 1
    pieces: list[tuple[int, bool]] = []  # (length, covered)
    running = 0
    for i in range(len(ordered) - 1):
        running += cover[i]
        pieces.append((ordered[i + 1] - ordered[i], running > 0))
    covered = sum(length for length, is_covered in pieces if is_covered)
    gaps = (old_b - old_a) - covered
    if covered == 0:
        raise fail(Msg(N_("no item there can be scaled")))
    available = (new_b - new_a) - gaps
    if available <= 0:
        raise fail(Msg(N_("the gaps alone take {minutes} minutes"), {"minutes": gaps // 60}))
    every = [*ordered, new_a, new_b]
    step = 300 if all(p % 300 == 0 for p in every) else 60 if all(p % 60 == 0 for p in every) else 1
    units = available // step
    indexes = [i for i, (_, is_covered) in enumerate(pieces) if is_covered]
    quotas = {i: Fraction(pieces[i][0] * units, covered) for i in indexes}
    given = {i: max(1, math.floor(quotas[i])) for i in indexes}
    if sum(given.values()) > units:
        need = sum(given.values()) * step // 60
        raise fail(
            Msg(
                N_(
                    "it needs at least {minutes} minutes, {step} for each of its {count} time spans"
                ),
                {"minutes": need, "step": step // 60, "count": len(indexes)},
            )
        )
    left = units - sum(given.values())
    for i in sorted(indexes, key=lambda i: (-(quotas[i] - given[i]), i))[:left]:
        given[i] += 1
    mapping = {ordered[0]: new_a}
    cursor = new_a
    for i, (length, is_covered) in enumerate(pieces):
        cursor += given[i] * step if is_covered else length
        mapping[ordered[i + 1]] = cursor
    return mapping


@overload
def retime(target: Meeting) -> Retimer[Meeting]: ...
@overload
def retime(target: Agenda, *, first_day: DateLike | None = None) -> Retimer[Agenda]: ...
def retime(target: Meeting | Agenda, *, first_day: DateLike | None = None) -> Retimer[Any]:
    """Re-timing operations on a meeting (bounds apply) or on a bare agenda.

    For an agenda, ``first_day`` is the date of the items without a ``day`` (it only matters
    when some items have one).

    >>> agenda = AgendaBuilder("14h00").add("Accueil", 15).add("Débat", 45).agenda()
    >>> [str(i.start) for i in retime(agenda).remove("Accueil")]
    ['14:00:00']
    """
    if isinstance(target, Meeting):
        return Retimer(target, lambda meeting: meeting)
    day = _date(first_day) if first_day is not None else None
    return Retimer(_standalone(target, day), lambda meeting: meeting.agenda)


# --------------------------------------------------------------------------------------------
# Time budgets
# --------------------------------------------------------------------------------------------


def _as_meeting(source: Meeting | Agenda) -> Meeting:
    return source if isinstance(source, Meeting) else _standalone(source)


def _lengths(meeting: Meeting) -> Iterator[tuple[AgendaItem, dt.timedelta]]:
    """Each item with its length; an open-ended last item lasts until the meeting's end."""
    for item in meeting.agenda:
        length = item.duration
        end = meeting.end if meeting.day_of(item) == meeting.last_date else None
        if length is None and end is not None and end > item.start:
            length = dt.timedelta(seconds=_seconds(end) - _seconds(item.start))
        if length is not None:
            yield item, length


def time_by_kind(source: Meeting | Agenda) -> dict[ItemKind, dt.timedelta]:
    """Total time per kind of item, in order of first appearance.

    >>> from rrma_groups.examples import groupe_pays_maroc
    >>> budget = time_by_kind(groupe_pays_maroc().meeting("limoges-2016"))
    >>> {kind.value: int(time.total_seconds() // 60) for kind, time in budget.items()}
    {'welcome': 15, 'presentation': 75, 'discussion': 60, 'conclusion': 15, 'social': 45}
    """
    totals: dict[ItemKind, dt.timedelta] = {}
    for item, length in _lengths(_as_meeting(source)):
        totals[item.kind] = totals.get(item.kind, dt.timedelta()) + length
    return totals


def _facilitator_key(facilitator: Facilitator) -> str:
    if isinstance(facilitator, PersonFacilitator):
        return facilitator.person
    if isinstance(facilitator, ActorFacilitator):
        return facilitator.actor
    return facilitator.role.get()


def time_by_facilitator(source: Meeting | Agenda) -> dict[str, dt.timedelta]:
    """Time each facilitator leads: by person id, actor id, or role as written.

    An item led by two people counts fully for each.

    >>> from rrma_groups.examples import groupe_pays_maroc
    >>> budget = time_by_facilitator(groupe_pays_maroc().meeting("limoges-2016"))
    >>> budget["khalid-chihani"]
    datetime.timedelta(seconds=5700)
    """
    totals: dict[str, dt.timedelta] = {}
    for item, length in _lengths(_as_meeting(source)):
        for key in dict.fromkeys(_facilitator_key(f) for f in item.facilitators):
            totals[key] = totals.get(key, dt.timedelta()) + length
    return totals


def time_by_organisation(
    source: Meeting | Agenda, group: CountryGroup | None = None
) -> dict[str, dt.timedelta]:
    """Time each organisation leads, by actor id.

    An item counts for the organisations of its facilitators: an organisation leading it, a
    person's ``on_behalf_of`` (else, with ``group``, the person's affiliation), a role's actor.
    Items whose facilitators belong to no known organisation are not counted.

    >>> from rrma_groups.examples import groupe_pays_maroc
    >>> group = groupe_pays_maroc()
    >>> budget = time_by_organisation(group.meeting("limoges-2016"), group)
    >>> {key: int(time.total_seconds() // 60) for key, time in budget.items()}
    {'cap-cooperation': 120, 'mdh': 10}
    """
    affiliations = {p.id: p.affiliation for p in group.persons} if group is not None else {}
    totals: dict[str, dt.timedelta] = {}
    for item, length in _lengths(_as_meeting(source)):
        keys: dict[str, None] = {}
        for facilitator in item.facilitators:
            if isinstance(facilitator, PersonFacilitator):
                key = facilitator.on_behalf_of or affiliations.get(facilitator.person)
            else:
                key = facilitator.actor
            if key is not None:
                keys[key] = None
        for key in keys:
            totals[key] = totals.get(key, dt.timedelta()) + length
    return totals


class FreeSlot(NamedTuple):
    """A free time span of a day."""

    day: dt.date
    start: dt.time
    end: dt.time

    @property
    def duration(self) -> dt.timedelta:
        return dt.timedelta(seconds=_seconds(self.end) - _seconds(self.start))

    def __str__(self) -> str:
        return f"{self.day} {self.start:%H:%M}–{self.end:%H:%M}"


def free_slots(
    source: Meeting | Agenda,
    *,
    day: DateLike | None = None,
    room: str | None = None,
    start: TimeLike | None = None,
    end: TimeLike | None = None,
    minimum: int = 1,
) -> list[FreeSlot]:
    """The free time spans of a day (of every day when ``day`` is None), in time order.

    Free means that nothing runs: no item at all (the plenary view), or, with ``room``, no
    item in that room and no plenary item. The day runs from the meeting's start (first day)
    or its first item, to the meeting's end (last day) or its last item; ``start`` and ``end``
    widen or narrow it. Spans shorter than ``minimum`` minutes are left out.

    >>> from rrma_groups.examples import groupe_pays_maroc
    >>> meeting = groupe_pays_maroc().meeting("limoges-2016")
    >>> [str(s) for s in free_slots(retime(meeting).remove(3, close_gap=False))]
    ['2016-11-04 14:30–14:40']
    >>> [str(s) for s in free_slots(meeting, start="9h00")]
    ['2016-11-04 09:00–14:00']
    """
    meeting = _as_meeting(source)
    by_day: dict[dt.date, list[tuple[int, int | None]]] = {}
    for item in meeting.agenda:
        if room is None or item.room == room or item.is_plenary:
            end_s = _seconds(item.end) if item.end is not None else None
            by_day.setdefault(meeting.day_of(item), []).append((_seconds(item.start), end_s))
    wanted = [_date(day)] if day is not None else meeting.days
    result: list[FreeSlot] = []
    for current in wanted:
        busy = sorted(by_day.get(current, []), key=lambda span: span[0])
        low = _window(start, meeting.start if current == meeting.date else None, busy, first=True)
        high = _window(
            end, meeting.end if current == meeting.last_date else None, busy, first=False
        )
        if low is None or high is None:
            continue
        shortest = max(1, minimum * 60)
        cursor = low
        for begin, finish in busy:
            if min(begin, high) - cursor >= shortest:
                result.append(FreeSlot(current, _time_of(cursor), _time_of(min(begin, high))))
            # An open-ended item keeps the rest of the day busy.
            cursor = max(cursor, finish if finish is not None else high)
        if high - cursor >= shortest:
            result.append(FreeSlot(current, _time_of(cursor), _time_of(high)))
    return result


def _window(
    given: TimeLike | None,
    declared: dt.time | None,
    busy: list[tuple[int, int | None]],
    *,
    first: bool,
) -> int | None:
    if given is not None:
        return _seconds(_time(given))
    if declared is not None:
        return _seconds(declared)
    if not busy:
        return None
    if first:
        return busy[0][0]
    return max(finish if finish is not None else begin for begin, finish in busy)
