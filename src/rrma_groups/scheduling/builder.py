"""Building an agenda item by item: :class:`AgendaBuilder`, with parallel :class:`Lane` s."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from pydantic import ValidationError

from ..checks import check
from ..errors import Location
from ..i18n.catalog import N_
from ..messages import Msg
from ..model import Agenda, AgendaItem, ItemKind, LocalisedText, Meeting
from ..model.clock import seconds_of_day, time_of_day
from ..parsing.facilitators import FacilitatorMatcher
from ..parsing.kinds import guess_kind
from ..problems import GroupValidationError, Problem
from ..pydantic_bridge import problems_from_pydantic
from .checking import refuse, standalone
from .errors import SchedulingError
from .items import (
    DAY_SECONDS,
    DateLike,
    FacilitatorSpec,
    TimeLike,
    as_date,
    as_time,
    facilitator_data,
    invalid_item,
    length_of,
    outside_clock,
    title_text,
)

if TYPE_CHECKING:
    from ..model import CountryGroup

__all__ = ["AgendaBuilder", "Lane", "Parallel"]


class AgendaBuilder:
    """Builds an agenda item by item, each starting where the previous one ended.

    ``start`` is when the first item starts; ``day`` the first day's date (needed for a
    meeting, optional for an agenda); ``group`` resolves facilitators written as ids, names or
    parts of names (see :class:`~rrma_groups.parsing.facilitators.FacilitatorMatcher`);
    ``warnings`` then lists the guesses made. Kinds are guessed from titles unless given.

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
        self._first_day = as_date(day) if day is not None else None
        self._day: dt.date | None = self._first_day
        self._later_day = False
        self._cursor = seconds_of_day(as_time(start))
        self._items: list[AgendaItem] = []
        self._block: Parallel | None = None
        self.warnings: list[Problem] = []
        """Facilitators that were guessed or kept as roles, located in the agenda."""

    # --- adding items ------------------------------------------------------------------------

    @property
    def cursor(self) -> dt.time:
        """Where the next item starts."""
        return time_of_day(self._cursor % DAY_SECONDS)

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
        begin = self._cursor if start is None else seconds_of_day(as_time(start))
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
        self._cursor = seconds_of_day(as_time(time))
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
            new_day = as_date(date)
        if self._day is not None and new_day <= self._day:
            raise SchedulingError("day_not_later", value=new_day, previous=self._day)
        self._day = new_day
        self._later_day = True
        self._cursor = seconds_of_day(as_time(start))
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
        """The agenda, checked: overlapping items raise
        :class:`~rrma_groups.scheduling.RetimeError`."""
        # TRANSLATORS: the {action} of "... leave its 'with' block before {action}".
        self._closed(Msg(N_("making the agenda")))
        agenda = Agenda(tuple(self._items))
        refuse(check(standalone(agenda, self._first_day)), None, Msg(N_("build the agenda")))
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
        first = as_date(date) if date is not None else self._first_day
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
        refuse(check(meeting), None, Msg(N_("make the meeting {id!r}"), {"id": id}))
        group = self._matcher.group
        return meeting.with_group(group) if group is not None else meeting

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
        text = title_text(title)
        stop = start + length_of(text, start, minutes, duration, end)
        operation = Msg(N_("add {title!r}"), {"title": text})
        if stop <= start:
            raise SchedulingError(
                "invalid_length", operation=operation, minutes=(stop - start) // 60
            )
        if stop >= DAY_SECONDS:
            raise SchedulingError(
                "outside_day",
                value=text,
                wording="it_end",
                operation=operation,
                clock=outside_clock(stop),
            )
        loc: Location = ("agenda", len(self._items))
        data: dict[str, Any] = {
            "title": title,
            "start": time_of_day(start),
            "end": time_of_day(stop),
            "kind": kind if kind is not None else guess_kind(text),
            "day": self._day if self._later_day else None,
            "facilitators": facilitator_data(facilitators, self._matcher, self.warnings, loc),
            "room": room,
            "track": track,
            "id": id,
            "notes": notes,
            "fixed": fixed,
        }
        try:
            item = AgendaItem.model_validate(data)
        except ValidationError as exc:
            raise invalid_item(text, exc) from None
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
        return time_of_day(self._cursor % DAY_SECONDS)

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
        begin = self._cursor if start is None else seconds_of_day(as_time(start))
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
        return time_of_day(self.start_seconds % DAY_SECONDS)

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
