"""Time budgets: the time per kind of item, per facilitator, per organisation; the free slots."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from ..model import ActorFacilitator, Agenda, AgendaItem, ItemKind, Meeting, PersonFacilitator
from ..model.clock import seconds_of_day, time_of_day
from .checking import standalone
from .items import DateLike, TimeLike, as_date, as_time

if TYPE_CHECKING:
    from ..model import CountryGroup, Facilitator

__all__ = [
    "FreeSlot",
    "free_slots",
    "time_by_facilitator",
    "time_by_kind",
    "time_by_organisation",
]


def _as_meeting(source: Meeting | Agenda) -> Meeting:
    return source if isinstance(source, Meeting) else standalone(source)


def _lengths(meeting: Meeting) -> Iterator[tuple[AgendaItem, dt.timedelta]]:
    """Each item with its length; an open-ended last item lasts until the meeting's end."""
    for item in meeting.agenda:
        length = item.duration
        end = meeting.end if meeting.day_of(item) == meeting.last_date else None
        if length is None and end is not None and end > item.start:
            length = dt.timedelta(seconds=seconds_of_day(end) - seconds_of_day(item.start))
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
        return dt.timedelta(seconds=seconds_of_day(self.end) - seconds_of_day(self.start))

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
    >>> from rrma_groups.scheduling import retime
    >>> meeting = groupe_pays_maroc().meeting("limoges-2016")
    >>> [str(s) for s in free_slots(retime(meeting).remove(3))]
    ['2016-11-04 14:30–14:40']
    >>> [str(s) for s in free_slots(meeting, start="9h00")]
    ['2016-11-04 09:00–14:00']
    """
    meeting = _as_meeting(source)
    by_day: dict[dt.date, list[tuple[int, int | None]]] = {}
    for item in meeting.agenda:
        if room is None or item.room == room or item.is_plenary:
            end_s = seconds_of_day(item.end) if item.end is not None else None
            by_day.setdefault(meeting.day_of(item), []).append((seconds_of_day(item.start), end_s))
    wanted = [as_date(day)] if day is not None else meeting.days
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
                result.append(FreeSlot(current, time_of_day(cursor), time_of_day(min(begin, high))))
            # An open-ended item keeps the rest of the day busy.
            cursor = max(cursor, finish if finish is not None else high)
        if high - cursor >= shortest:
            result.append(FreeSlot(current, time_of_day(cursor), time_of_day(high)))
    return result


def _window(
    given: TimeLike | None,
    declared: dt.time | None,
    busy: list[tuple[int, int | None]],
    *,
    first: bool,
) -> int | None:
    if given is not None:
        return seconds_of_day(as_time(given))
    if declared is not None:
        return seconds_of_day(declared)
    if not busy:
        return None
    if first:
        return busy[0][0]
    return max(finish if finish is not None else begin for begin, finish in busy)
