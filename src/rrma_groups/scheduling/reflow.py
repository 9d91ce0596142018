"""The re-flow engine: how the rest of a day follows a change of one item (``cascade=True``).

The items of a day form *blocks*, runs of items that overlap (a plenary item is a block by
itself; parallel sessions form one block). When an item changes, the items after it in its own
room/track and within its block move by the same amount; the blocks after it move by as much
as the end of its block moved (an inserted item first fills the free time after it). A fixed
item (``fixed = true``, a meal) stops the movement: neither it nor what follows it moves, and
what is pushed towards it must end by its start. Re-flowing keeps the order of the day: a shift
with ``cascade`` may not make an item pass another (:meth:`~rrma_groups.scheduling.Retimer.move`
is for that), so that shifting back undoes it.

The engine works on a copy of the programme, :class:`Slot` s whose times are seconds since
midnight; :class:`~rrma_groups.scheduling.Retimer` makes the new items from them.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import math
from collections.abc import Callable, Iterable, Iterator
from fractions import Fraction

from ..errors import Location
from ..i18n.catalog import N_
from ..messages import Msg, Named
from ..model import AgendaItem, Meeting
from ..model.clock import seconds_of_day
from .errors import SchedulingError
from .items import TimeLike, as_time, clock

__all__ = [
    "Block",
    "Slot",
    "block_of",
    "day_blocks",
    "follow_change",
    "insert_at",
    "insert_next_to",
    "preceding",
    "pushing",
    "remove_slot",
    "scale",
    "slots_of",
]


@dataclasses.dataclass(eq=False, slots=True)
class Slot:
    """An item being re-timed: its day and times in seconds (``end`` None: open-ended), and its
    ``position`` in the programme given (None for an item being inserted)."""

    item: AgendaItem
    day: dt.date
    start: int
    end: int | None
    position: int | None = None

    def located(self, field: str | None = None) -> Location:
        """Where the item is in the programme given (nowhere for an item being inserted)."""
        if self.position is None:
            return ()
        return ("agenda", self.position) if field is None else ("agenda", self.position, field)

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
class Block:
    """Items of a day that overlap one another: a plenary item alone, or parallel sessions."""

    members: list[Slot]
    start: int
    end: int

    @property
    def fixed(self) -> bool:
        return any(slot.fixed for slot in self.members)


def slots_of(meeting: Meeting) -> list[Slot]:
    return [
        Slot(
            item,
            item.day or meeting.date,
            seconds_of_day(item.start),
            seconds_of_day(item.end) if item.end is not None else None,
            position,
        )
        for position, item in enumerate(meeting.agenda)
    ]


def day_blocks(slots: Iterable[Slot], day: dt.date | None = None) -> list[Block]:
    """The blocks of one day (of ``slots`` when ``day`` is None: they are one day's), in order."""
    blocks: list[Block] = []
    day_slots = slots if day is None else (s for s in slots if s.day == day)
    for slot in sorted(day_slots, key=lambda s: s.start):
        if blocks and slot.start < blocks[-1].end:
            blocks[-1].members.append(slot)
            blocks[-1].end = max(blocks[-1].end, slot.stop)
        else:
            blocks.append(Block([slot], slot.start, slot.stop))
    return blocks


def block_of(blocks: list[Block], slot: Slot) -> int:
    for index, block in enumerate(blocks):
        if any(member is slot for member in block.members):
            return index
    raise AssertionError("every slot is in a block of its day")  # pragma: no cover


def preceding(slots: list[Slot], slot: Slot) -> set[int]:
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

    def __init__(self, fixed: Slot, until: int) -> None:
        super().__init__()
        self.fixed = fixed
        self.until = until


@contextlib.contextmanager
def pushing(operation: Msg, key: object) -> Iterator[None]:
    """Say which fixed item stopped the items an operation pushed."""
    try:
        yield
    except _Blocked as blocked:
        title = Named.of(blocked.fixed.item.title)
        raise SchedulingError(
            "fixed_in_the_way",
            value=key,
            loc=blocked.fixed.located("start"),
            operation=operation,
            title=title,
            start=clock(blocked.fixed.start),
            until=clock(blocked.until),
        ) from None


def _push(blocks: list[Block], first: int, delta: int) -> None:
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


def follow_change(
    blocks: list[Block],
    index: int,
    changed: Slot,
    since: int,
    delta: int,
    *,
    removed: bool = False,
    added: Slot | None = None,
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


def remove_slot(slots: list[Slot], index: int, cascade: bool) -> None:
    """Remove item ``index``; with ``cascade``, what followed it moves up by its length."""
    slot = slots[index]
    if cascade:
        blocks = day_blocks(slots, slot.day)
        block = block_of(blocks, slot)
        follow_change(blocks, block, slot, slot.stop, slot.start - slot.stop, removed=True)
    del slots[index]


def _room_for(blocks: list[Block], index: int, start: int, length: int) -> None:
    """Push the blocks from ``index`` on as far as needed for ``length`` from ``start``."""
    if index < len(blocks):
        _push(blocks, index, max(0, start + length - blocks[index].start))


def _insert_in_block(blocks: list[Block], index: int, new: Slot, length: int) -> None:
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


def insert_next_to(
    slots: list[Slot],
    item: AgendaItem,
    other: Slot,
    where: str,
    cascade: bool,
    operation: Msg,
) -> None:
    """Insert ``item`` (its times give its length) before or after ``other``; with
    ``cascade``, what follows makes room."""
    length = seconds_of_day(item.end or item.start) - seconds_of_day(item.start)
    blocks = day_blocks(slots, other.day)
    index = block_of(blocks, other)
    block = blocks[index]
    plenary = item.is_plenary
    if where == "before":
        start = block.start if plenary else other.start
    else:
        title = Named.of(other.item.title)
        if other.end is None:
            raise SchedulingError(
                "open_end", value=title, loc=other.located("end"), operation=operation, title=title
            )
        start = block.end if plenary else other.end
    new = Slot(item, other.day, start, start + length)
    if cascade:
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


def insert_at(
    slots: list[Slot],
    item: AgendaItem,
    meeting: Meeting,
    at: TimeLike | None,
    day: dt.date | None,
    cascade: bool,
) -> None:
    """Insert ``item`` at a time of a day (by default after the last item of the last day);
    with ``cascade``, what follows makes room."""
    length = seconds_of_day(item.end or item.start) - seconds_of_day(item.start)
    if day is None:
        day = max((s.day for s in slots), default=meeting.date) if at is None else meeting.date
    blocks = day_blocks(slots, day)
    if at is not None:
        start = seconds_of_day(as_time(at))
    elif blocks:
        start = max(b.end for b in blocks)
    else:
        start = seconds_of_day(meeting.start) if meeting.start is not None else 0
    new = Slot(item, day, start, start + length)
    if cascade and blocks:
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


def scale(
    slots: list[Slot],
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
