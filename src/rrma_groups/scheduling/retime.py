"""Re-timing a programme: :func:`retime` and the operations of its :class:`Retimer`.

Each operation gives a new meeting (or agenda) whose programme has no new error, or raises
:class:`~rrma_groups.scheduling.RetimeError` and changes nothing. An operation changes only
what it names; with ``cascade=True``, the items that follow move along: the re-flow of
:mod:`rrma_groups.scheduling.reflow`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import inspect
import math
import warnings
from collections.abc import Callable, Mapping
from typing import Any, Final, Generic, TypeVar, cast, overload

from pydantic import ValidationError

from ..checks import check
from ..errors import RrmaError, WrongObjectError
from ..i18n.catalog import N_
from ..messages import AND, COMMA, SEMICOLON, Msg, Named, joined
from ..model import Agenda, AgendaItem, LocalisedText, Meeting
from ..model.clock import seconds_of_day, time_of_day
from ..parsing.facilitators import FacilitatorMatcher
from ..parsing.kinds import guess_kind
from ..problems import Problem
from ..pydantic_bridge import problems_from_pydantic
from .checking import days_are_fine, refuse, standalone
from .errors import KeywordError, RetimeError, SchedulingError, problem_message, refusal
from .items import (
    DAY_SECONDS,
    DateLike,
    TimeLike,
    as_date,
    as_time,
    clock,
    facilitator_data,
    invalid_item,
    length_of,
    outside_clock,
    title_text,
)
from .lookup import ItemKey, find_item
from .reflow import (
    Slot,
    block_of,
    day_blocks,
    follow_change,
    insert_at,
    insert_next_to,
    preceding,
    pushing,
    remove_slot,
    scale,
    slots_of,
)

__all__ = ["RENAMED_KEYWORDS", "Retimer", "retime"]


T = TypeVar("T", Meeting, Agenda)
F = TypeVar("F", bound=Callable[..., Any])

RENAMED_KEYWORDS: Final[Mapping[str, str]] = {
    "push": "cascade",
    "reflow": "cascade",
    "close_gap": "cascade",
}
"""The keywords of earlier releases, by their new name: each still works where it did, with a
:class:`DeprecationWarning`, for one release."""

_ITEM_FIELDS: Final = tuple(
    name for name in AgendaItem.model_fields if name not in {"title", "start", "day"}
)
"""The fields of an inserted item that :meth:`Retimer.insert` takes as keywords."""


def _operation(*, renamed: tuple[str, ...] = (), fields: tuple[str, ...] = ()) -> Callable[[F], F]:
    """A public operation of :class:`Retimer`: its keywords checked, and every refusal a
    :class:`~rrma_groups.scheduling.RetimeError`.

    ``renamed`` are the old keywords it still takes (:data:`RENAMED_KEYWORDS`), ``fields`` the
    keywords its ``**fields`` take. A keyword it does not take raises
    :class:`~rrma_groups.scheduling.KeywordError`, which names the closest one, rather
    than Python's TypeError, which names none.
    """

    def decorate(method: F) -> F:
        function = method.__name__
        kinds = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
        parameters = list(inspect.signature(method).parameters.values())[1:]  # without self
        keywords = (*(p.name for p in parameters if p.kind in kinds), *fields)

        @functools.wraps(method)
        def operation(self: Retimer[Any], *args: Any, **given: Any) -> Any:
            for old in renamed:
                if old in given:
                    new = RENAMED_KEYWORDS[old]
                    if new in given:
                        raise KeywordError(
                            "keyword_given_twice", value=old, function=function, keyword=new
                        )
                    warnings.warn(
                        f"{function}({old}=...) is deprecated: use {function}({new}=...); "
                        f"{old}= will be removed in the next release",
                        DeprecationWarning,
                        stacklevel=2,
                    )
                    given[new] = given.pop(old)
            for name in given:
                if name not in keywords:
                    raise _unknown_keyword(function, name, keywords)
            try:
                return method(self, *args, **given)
            except RrmaError as error:
                if isinstance(error, RetimeError | TypeError):  # refused, or called wrongly
                    raise
                raise refusal(error) from None

        return cast(F, operation)

    return decorate


def _unknown_keyword(function: str, name: str, keywords: tuple[str, ...]) -> KeywordError:
    """The error for keyword ``name``, which ``function`` does not take: with the keyword meant,
    an old name's new one or the closest, when there is one."""
    listed = joined([f"{k}=" for k in keywords], COMMA)
    if RENAMED_KEYWORDS.get(name) in keywords:
        close = [RENAMED_KEYWORDS[name]]
    else:
        close = difflib.get_close_matches(name, keywords, n=1, cutoff=0.6)
    if not close:
        return KeywordError("unknown_keyword", value=name, function=function, keywords=listed)
    return KeywordError(
        "unknown_keyword",
        value=name,
        wording="suggestion",
        function=function,
        suggestion=close[0],
        keywords=listed,
    )


def _whole(value: object, function: str) -> None:
    """Refuse a number of minutes that is not a whole number (``"10"``, ``1.5``)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise WrongObjectError(function, Msg(N_("a whole number")), value)


class Retimer(Generic[T]):
    """Re-timing operations on a meeting's programme (or a bare agenda's).

    Each returns a new meeting (or agenda) whose programme has no error, or raises
    :class:`~rrma_groups.scheduling.RetimeError`, with the ``problems`` that say why, and
    changes nothing; errors the programme already had are tolerated, new ones are not. Get one
    with :func:`retime`.

    An operation changes only what it names: :meth:`shift`, :meth:`stretch`, :meth:`resize`,
    :meth:`insert` and :meth:`remove` move the items that follow only with ``cascade=True``
    (see :mod:`~rrma_groups.scheduling.reflow`). :meth:`move` always does, since it changes
    the order; :meth:`compact` and :meth:`fit` re-time a whole day. A keyword an operation does
    not take raises :class:`~rrma_groups.scheduling.KeywordError` (a :class:`TypeError`).
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
        return Named.of(self._meeting.agenda[index].title)

    def _finish(self, slots: list[Slot], operation: Msg, key: object, **bounds: Any) -> T:
        meeting = self._meeting
        items: list[AgendaItem] = []
        touched: set[dt.date] = {meeting.date, meeting.last_date} if bounds else set()
        for slot in slots:
            item = slot.item
            # An item lies within its day: it starts from 00:00 and ends before 24:00.
            for when, seconds in (("start", slot.start), ("end", slot.end)):
                if seconds is not None and not 0 <= seconds < DAY_SECONDS:
                    title = Named.of(item.title)
                    # "it" when the operation names the item ("shift 'Débat'"), else its title.
                    if repr(title) in str(operation):
                        wording: str | None = f"it_{when}"
                    else:
                        wording = "start" if when == "start" else None
                    raise SchedulingError(
                        "outside_day",
                        value=key,
                        loc=slot.located(when),
                        wording=wording,
                        operation=operation,
                        title=title,
                        clock=outside_clock(seconds),
                    )
            changes: dict[str, Any] = {}
            if slot.start != seconds_of_day(item.start):
                changes["start"] = time_of_day(slot.start)
            old_end = seconds_of_day(item.end) if item.end is not None else None
            if slot.end != old_end:
                changes["end"] = time_of_day(slot.end) if slot.end is not None else None
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
            reason = joined([problem_message(p) for p in problems], SEMICOLON)
            raise SchedulingError("invalid_meeting", value=meeting.id, reason=reason) from None
        if not days_are_fine(new, touched, {id(item) for item in meeting.agenda}):
            refuse(check(new), meeting, operation, key)
        return self._unwrap(new)

    def _unchanged(self) -> T:
        return self._unwrap(self._meeting)

    # --- shift, stretch, resize -----------------------------------------------------------------

    @_operation()
    def shift(
        self,
        key: ItemKey,
        minutes: int = 0,
        *,
        to: TimeLike | None = None,
        cascade: bool = False,
    ) -> T:
        """Move an item by ``minutes`` (or ``to`` a start time), keeping its length.

        With ``cascade``, what follows it moves too (see :mod:`~rrma_groups.scheduling.reflow`);
        shifting back by the opposite amount gives the programme back.

        >>> from rrma_groups.examples import groupe_pays_maroc
        >>> meeting = groupe_pays_maroc().meeting("limoges-2016").replace(end="17:45")
        >>> later = retime(meeting).shift("Restitution", 15, cascade=True)
        >>> [(str(i.start), str(i.end)) for i in later.agenda][-3:]
        [('16:00:00', '16:30:00'), ('16:45:00', '17:00:00'), ('17:00:00', '17:45:00')]
        """
        _whole(minutes, "shift")
        index = self._index(key)
        slots = slots_of(self._meeting)
        slot = slots[index]
        delta = (seconds_of_day(as_time(to)) - slot.start) if to is not None else minutes * 60
        if delta == 0:
            return self._unchanged()
        operation = Msg(
            N_("shift {title!r} by {minutes} minutes"),
            {"title": self._title(index), "minutes": f"{delta // 60:+d}"},
        )
        if cascade:
            blocks = day_blocks(slots, slot.day)
            block = block_of(blocks, slot)
            since = slot.stop
            before = preceding(slots, slot)
            slot.move(delta)
            with pushing(operation, key):
                follow_change(blocks, block, slot, since, delta)
            passed = before ^ preceding(slots, slot)
            if passed:
                other = Named.of(next(s for s in slots if id(s) in passed).item.title)
                raise SchedulingError(
                    "order_changed",
                    value=key,
                    loc=("agenda", index, "start"),
                    operation=operation,
                    other=other,
                )
        else:
            slot.move(delta)
        return self._finish(slots, operation, key)

    @_operation(renamed=("reflow",))
    def stretch(self, key: ItemKey, minutes: int, *, cascade: bool = False) -> T:
        """Make an item ``minutes`` longer (shorter when negative).

        With ``cascade``, what follows it moves by as much (``reflow=`` is its old name);
        without, a shorter item leaves a gap and a longer one must fit before the next.
        """
        _whole(minutes, "stretch")
        index = self._index(key)
        item = self._meeting.agenda[index]
        if item.end is None:
            # TRANSLATORS: the {operation} of "cannot {operation}: ..."; "it" is the item.
            stretch_it = Msg(N_("stretch it"))
            raise SchedulingError(
                "open_end",
                value=key,
                loc=("agenda", index, "end"),
                operation=stretch_it,
                title=self._title(index),
            )
        new_end = seconds_of_day(item.end) + minutes * 60
        return self._set_end(key, index, new_end, cascade, N_("stretch {title!r}"))

    @_operation(renamed=("reflow",))
    def resize(
        self,
        key: ItemKey,
        minutes: int | None = None,
        *,
        end: TimeLike | None = None,
        cascade: bool = False,
    ) -> T:
        """Give an item a new length (``minutes``) or a new ``end``.

        With ``cascade``, what follows it moves by as much as its end (``reflow=`` is its old
        name); without, only the item changes.
        """
        if minutes is not None:
            _whole(minutes, "resize")
        index = self._index(key)
        start = seconds_of_day(self._meeting.agenda[index].start)
        given = [n for n, v in (("minutes", minutes), ("end", end)) if v is not None]
        if len(given) != 1:
            code = "missing_length" if not given else "conflicting_length"
            both = joined(["minutes=", "end="], AND)
            raise SchedulingError(code, value=self._title(index), loc=("agenda", index), given=both)
        new_end = seconds_of_day(as_time(end)) if end is not None else start + (minutes or 0) * 60
        return self._set_end(key, index, new_end, cascade, N_("resize {title!r}"))

    def _set_end(self, key: ItemKey, index: int, new_end: int, cascade: bool, doing: str) -> T:
        """Give item ``index`` a new end; ``doing`` names the operation ("stretch {title!r}")."""
        slots = slots_of(self._meeting)
        slot = slots[index]
        operation = Msg(doing, {"title": self._title(index)})
        if new_end - slot.start < 60:
            minutes = math.floor((new_end - slot.start) / 60)
            raise SchedulingError(
                "invalid_length",
                value=key,
                loc=("agenda", index, "end"),
                operation=operation,
                minutes=minutes,
            )
        old_end = slot.end if slot.end is not None else slot.start
        if new_end == slot.end:
            return self._unchanged()
        if cascade:
            blocks = day_blocks(slots, slot.day)
            block = block_of(blocks, slot)
            slot.end = new_end
            with pushing(operation, key):
                follow_change(blocks, block, slot, old_end, new_end - old_end)
        else:
            slot.end = new_end
        return self._finish(slots, operation, key)

    # --- remove, insert, move --------------------------------------------------------------------

    @_operation(renamed=("close_gap",))
    def remove(self, key: ItemKey, *, cascade: bool = False) -> T:
        """Remove an item, leaving its time free.

        With ``cascade``, what followed it moves up by its length (``close_gap=`` is its old
        name).
        """
        index = self._index(key)
        slots = slots_of(self._meeting)
        remove_slot(slots, index, cascade)  # pulls items earlier: no fixed item is in the way
        return self._finish(slots, Msg(N_("remove {title!r}"), {"title": self._title(index)}), key)

    @_operation(renamed=("push",), fields=_ITEM_FIELDS)
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
        cascade: bool = False,
        **fields: Any,
    ) -> T:
        """Insert an item before or after another, or ``at`` a time (of ``day``).

        ``item`` is an AgendaItem or a title; ``fields`` are other AgendaItem fields (``kind``
        is guessed from the title when not given; ``facilitators`` take ids with ``person:`` or
        ``actor:``, or roles as text). With ``cascade``, what follows moves later as far as
        needed to make room (``push=`` is its old name); without, the item must fit where it
        goes. Without a position, the item goes at the end of the last day.

        >>> from rrma_groups.examples import groupe_pays_maroc
        >>> meeting = groupe_pays_maroc().meeting("limoges-2016").replace(end="17:45")
        >>> longer = retime(meeting).insert(
        ...     "Pause café", 15, after="Présentation des structures", cascade=True
        ... )
        >>> for item in longer.agenda[4:7]:
        ...     print(item.start, item.kind.value, item.title)
        14:40:00 presentation Présentation des structures
        15:00:00 break Pause café
        15:15:00 presentation Présentation de la coopération avec la Région Marrakech-Safi
        """
        if minutes is not None:
            _whole(minutes, "insert")
        given = [n for n, v in (("before", before), ("after", after), ("at", at)) if v is not None]
        if len(given) > 1:
            raise SchedulingError(
                "conflicting_position", given=joined([f"{n}=" for n in given], AND)
            )
        if isinstance(item, AgendaItem) and not given:
            at, day = item.start, day if day is not None else item.day
        new = self._new_item(item, minutes, duration, fields)
        title = Named.of(new.title)
        slots = slots_of(self._meeting)
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
            with pushing(operation, title):
                insert_next_to(slots, new, slots[target], where, cascade, operation)
        else:
            on = as_date(day) if day is not None else None
            if at is None:
                operation = Msg(N_("insert {title!r}"), {"title": title})
            else:
                at_text = clock(seconds_of_day(as_time(at)))
                operation = Msg(N_("insert {title!r} at {time}"), {"title": title, "time": at_text})
            with pushing(operation, title):
                insert_at(slots, new, self._meeting, at, on, cascade)
        return self._finish(slots, operation, title)

    @_operation()
    def move(
        self, key: ItemKey, *, before: ItemKey | None = None, after: ItemKey | None = None
    ) -> T:
        """Move an item before or after another (maybe on another day), keeping its length.

        It changes the order, so what follows always moves along: the gap it leaves closes and
        the items at its new place make room, as :meth:`remove` and :meth:`insert` do with
        ``cascade=True``. To move an item in time only, :meth:`shift` it.

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
                raise SchedulingError("missing_position", value=title, loc=("agenda", index))
            given_both = joined(["before=", "after="], AND)
            raise SchedulingError("conflicting_position", given=given_both)
        where = given[0]
        other = before if before is not None else after
        assert other is not None
        target = self._index(other)
        if target == index:
            raise SchedulingError(
                "same_item",
                value=title,
                loc=("agenda", index),
                wording=None if where == "before" else "after",
            )
        doing = (
            N_("move {title!r} before {other!r}")
            if where == "before"
            else N_("move {title!r} after {other!r}")
        )
        operation = Msg(doing, {"title": title, "other": self._title(target)})
        slots = slots_of(self._meeting)
        moving, neighbour = slots[index], slots[target]
        if moving.end is None:
            raise SchedulingError(
                "open_end", value=key, loc=moving.located("end"), operation=operation, title=title
            )
        length = moving.end - moving.start
        remove_slot(slots, index, cascade=True)
        new = moving.item.model_copy(
            update={"start": time_of_day(0), "end": time_of_day(length), "day": None}
        )
        with pushing(operation, key):
            insert_next_to(slots, new, neighbour, where, True, operation)
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
                length = seconds_of_day(item.end) - seconds_of_day(item.start)
            else:
                length = length_of(item.title, 0, minutes, duration, None)
            base = item.model_dump(exclude={"start", "end"})
            base.update(fields)
        else:
            text = title_text(item)
            length = length_of(text, 0, minutes, duration, fields.pop("end", None))
            base = {"title": item, **fields}
            base.setdefault("kind", guess_kind(text))
            warnings: list[Problem] = []
            try:  # "person:BAD ID!" makes a facilitator that the model refuses
                base["facilitators"] = facilitator_data(
                    base.get("facilitators", ()), FacilitatorMatcher(None), warnings, ()
                )
            except ValidationError as exc:
                raise invalid_item(text, exc) from None
        title = title_text(base["title"])
        if length < 60 or length >= DAY_SECONDS:
            raise SchedulingError(
                "invalid_length",
                value=title,
                operation=Msg(N_("insert {title!r}"), {"title": title}),
                minutes=length // 60,
            )
        base["start"], base["end"] = time_of_day(0), time_of_day(length)
        try:
            return AgendaItem.model_validate(base)
        except ValidationError as exc:
            raise invalid_item(title, exc) from None

    # --- compact and fit -------------------------------------------------------------------------

    @_operation()
    def compact(
        self, day: DateLike | None = None, *, gap: int = 0, start: TimeLike | None = None
    ) -> T:
        """Close the gaps of a day (of every day when ``day`` is None), leaving ``gap`` minutes.

        Parallel sessions move together; a fixed item stays where it is. The day starts at its
        first item, or at ``start``. Compacting twice changes nothing more.
        """
        _whole(gap, "compact")
        slots = slots_of(self._meeting)
        by_day: dict[dt.date, list[Slot]] = {}
        for slot in slots:
            by_day.setdefault(slot.day, []).append(slot)
        days = [self._day(day)] if day is not None else sorted(by_day)
        for current in days:
            blocks = day_blocks(by_day.get(current, []))
            if not blocks:
                continue
            cursor = seconds_of_day(as_time(start)) if start is not None else blocks[0].start
            previous_end: int | None = None
            for block in blocks:
                if block.fixed:
                    # A fixed item stays: the gap before it may shrink, not turn into overlap.
                    if previous_end is not None and previous_end > block.start:
                        fixed = next(s for s in block.members if s.fixed)
                        title = Named.of(fixed.item.title)
                        raise SchedulingError(
                            "fixed_in_the_way",
                            value=title,
                            loc=fixed.located("start"),
                            operation=Msg(N_("compact {day}"), {"day": current}),
                            title=title,
                            start=clock(block.start),
                            until=clock(previous_end),
                        )
                    previous_end = block.end
                else:
                    delta = cursor - block.start
                    for slot in block.members:
                        slot.move(delta)
                    previous_end = block.end + delta
                cursor = previous_end + gap * 60
        return self._finish(slots, Msg(N_("compact the programme")), day)

    @_operation()
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
        slots = slots_of(self._meeting)
        current = self._day(day) if day is not None else self._only_day(slots)
        ordered = sorted((s for s in slots if s.day == current), key=lambda s: s.start)
        first = min((s.start for s in ordered), default=0)
        last = max((s.stop for s in ordered), default=0)
        new_first = seconds_of_day(as_time(start)) if start is not None else first
        new_last = seconds_of_day(as_time(end)) if end is not None else last

        def fail(reason: Msg, at: Slot | None = None) -> SchedulingError:
            return SchedulingError(
                "cannot_fit",
                value=end if end is not None else start,
                loc=at.located() if at is not None else (),
                day=current,
                start=clock(new_first),
                end=clock(new_last),
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
                                "title": Named.of(anchor_end.item.title),
                                "until": clock(anchor_end.stop),
                            },
                        ),
                        anchor_end,
                    )
                segments.append((anchor_end.stop, last, anchor_end.stop, new_last))
            if new_first != first:
                if anchor_start.start <= new_first:
                    raise fail(
                        Msg(
                            N_("{title!r} is fixed from {start}"),
                            {
                                "title": Named.of(anchor_start.item.title),
                                "start": clock(anchor_start.start),
                            },
                        ),
                        anchor_start,
                    )
                segments.append((first, anchor_start.start, new_first, anchor_start.start))
        mapping: dict[int, int] = {}
        for segment in segments:
            mapping.update(scale(ordered, *segment, fail))
        for slot in ordered:
            slot.start = mapping.get(slot.start, slot.start)
            if slot.end is not None:
                slot.end = mapping.get(slot.end, slot.end)
        bounds: dict[str, Any] = {}
        meeting = self._meeting
        if end is not None and meeting.end is not None and current == meeting.last_date:
            bounds["end"] = time_of_day(new_last)
        if start is not None and meeting.start is not None and current == meeting.date:
            bounds["start"] = time_of_day(new_first)
        operation = Msg(
            N_("fit the programme of {day} into {start}–{end}"),
            {"day": current, "start": clock(new_first), "end": clock(new_last)},
        )
        return self._finish(slots, operation, end if end is not None else start, **bounds)

    def _day(self, day: DateLike) -> dt.date:
        wanted = as_date(day)
        days = self._meeting.days
        if wanted not in days:
            raise SchedulingError("unknown_day", value=wanted, days=", ".join(str(d) for d in days))
        return wanted

    def _only_day(self, slots: list[Slot]) -> dt.date:
        days = sorted({s.day for s in slots})
        if len(days) > 1:
            raise SchedulingError("which_day", days=", ".join(str(d) for d in days))
        return days[0] if days else self._meeting.date


@overload
def retime(target: Meeting) -> Retimer[Meeting]: ...


@overload
def retime(target: Agenda, *, first_day: DateLike | None = None) -> Retimer[Agenda]: ...


def retime(target: Meeting | Agenda, *, first_day: DateLike | None = None) -> Retimer[Any]:
    """Re-timing operations on a meeting (bounds apply) or on a bare agenda.

    For an agenda, ``first_day`` is the date of the items without a ``day`` (it only matters
    when some items have one).

    >>> from rrma_groups.scheduling import AgendaBuilder
    >>> agenda = AgendaBuilder("14h00").add("Accueil", 15).add("Débat", 45).agenda()
    >>> [str(i.start) for i in retime(agenda).remove("Accueil")]
    ['14:15:00']
    >>> [str(i.start) for i in retime(agenda).remove("Accueil", cascade=True)]
    ['14:00:00']
    """
    if isinstance(target, Meeting):
        return Retimer(target, lambda meeting: meeting)
    day = as_date(first_day) if first_day is not None else None
    return Retimer(standalone(target, day), lambda meeting: meeting.agenda)
