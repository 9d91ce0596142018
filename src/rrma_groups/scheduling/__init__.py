"""Script agendas: build them from durations, re-time them, and read their time budgets.

**Building.** :class:`AgendaBuilder` starts at a time; each item starts where the previous one
ended, unless it is given its own start::

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

**Re-timing.** :func:`retime` returns an object whose operations each give a new, valid agenda
or meeting, or raise :class:`RetimeError` (with the ``problems`` that say why) and leave the
input as it was: :meth:`~Retimer.shift`, :meth:`~Retimer.move`, :meth:`~Retimer.insert`,
:meth:`~Retimer.remove`, :meth:`~Retimer.stretch`, :meth:`~Retimer.resize`,
:meth:`~Retimer.compact` and :meth:`~Retimer.fit`. An operation changes only the item it names,
unless ``cascade=True`` moves the items that follow along. Items are addressed by id, by index,
or by title (exact, then a unique case-insensitive prefix; :func:`find_item` gives the index)::

    >>> meeting = group.meeting("limoges-2016")
    >>> try:
    ...     retime(meeting).insert("Pause", 10, before="GPMar: quelles attentes?", cascade=True)
    ... except RetimeError as error:
    ...     print(error.code, [problem.code for problem in error.problems])
    invalid_programme ['item_outside_meeting']
    >>> shorter = retime(meeting).fit(end="17:00")
    >>> [i.end.isoformat("minutes") for i in shorter.agenda][-3:], shorter.end
    (['16:10', '16:20', '17:00'], datetime.time(17, 0))

How the rest of the day follows a change ("re-flow") is told in :mod:`.reflow`: what follows
an item in its room moves with it, a fixed item (a meal) stops the movement, and the order of
the day is kept.

**Time budgets.** :func:`time_by_kind`, :func:`time_by_facilitator`,
:func:`time_by_organisation` and :func:`free_slots`.

Every operation is O(n log n) in the number of items.

The modules: :mod:`.errors` (the errors and their messages), :mod:`.lookup` (addressing
items), :mod:`.items` (reading what a script gives), :mod:`.builder`, :mod:`.checking` (the
checks of a new programme), :mod:`.reflow` (the engine), :mod:`.retime` and :mod:`.budgets`.
"""

from .budgets import FreeSlot, free_slots, time_by_facilitator, time_by_kind, time_by_organisation
from .builder import AgendaBuilder, Lane, Parallel
from .errors import (
    ItemLookupError,
    KeywordError,
    RetimeError,
    SchedulingError,
)
from .items import FacilitatorSpec
from .lookup import ItemKey, find_item
from .retime import Retimer, retime

__all__ = [
    "AgendaBuilder",
    "FacilitatorSpec",
    "FreeSlot",
    "ItemKey",
    "ItemLookupError",
    "KeywordError",
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
