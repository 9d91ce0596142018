"""The agenda as the simple Markdown table that people paste, and that the table reader reads.

This is a writer: it belongs with the other outputs, in :mod:`rrma_groups.render`, and not
beside the reader (:mod:`rrma_groups.parsing.tables`), which reads text and writes nothing.
Reading and writing share the words of a programme (the facilitators' names, matched and
written by :class:`~rrma_groups.parsing.facilitators.FacilitatorMatcher`), so that what is
written reads back as the same items.

>>> from rrma_groups.parsing.tables import parse_table
>>> table = '''
... | Heure | Activité | Animateur |
... |---|---|---|
... | 14h00 - 14h15 | Accueil des participants | Un collègue |
... | 14h15 - 15h00 | Débat : quelles attentes ? | |
... '''
>>> print(markdown_table(parse_table(table).agenda))
| Heure | Activité | Animateur |
|---|---|---|
| 14h00 - 14h15 | Accueil des participants | Un collègue |
| 14h15 - 15h00 | Débat : quelles attentes ? |  |
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Final

from ..i18n.bidi import balance_isolates
from ..model import Agenda, AgendaItem, Meeting
from ..parsing.facilitators import FacilitatorMatcher

if TYPE_CHECKING:
    from ..model import CountryGroup

__all__ = ["markdown_table"]

_HEADERS: Final[dict[str, dict[str, str]]] = {
    "fr": {"date": "Date", "time": "Heure", "title": "Activité", "facilitators": "Animateur",
           "room": "Salle"},
    "en": {"date": "Date", "time": "Time", "title": "Activity", "facilitators": "Facilitator",
           "room": "Room"},
    "ar": {"date": "التاريخ", "time": "التوقيت", "title": "النشاط", "facilitators": "المؤطر",
           "room": "القاعة"},
}  # fmt: skip


def _time_range(item: AgendaItem, french: bool) -> str:
    def clock(t: dt.time) -> str:
        # 9h30 as French programmes print it (and as the command and the docs write it).
        return f"{t.hour}h{t.minute:02d}" if french else f"{t.hour:02d}:{t.minute:02d}"

    if item.end is None:
        return clock(item.start)
    return (
        f"{clock(item.start)} - {clock(item.end)}"
        if french
        else (f"{clock(item.start)}–{clock(item.end)}")
    )


def _cell(text: str) -> str:
    return balance_isolates(" ".join(text.split())).replace("|", "\\|")


def markdown_table(
    agenda: Meeting | Agenda | Iterable[AgendaItem],
    *,
    group: CountryGroup | None = None,
    language: str = "fr",
    first_day: dt.date | None = None,
    rooms: Mapping[str, str] | None = None,
    dates: bool | None = None,
) -> str:
    """The agenda as the simple Markdown table that
    :func:`~rrma_groups.parsing.tables.parse_table` reads back.

    Columns: ``| Heure | Activité | Animateur |`` (in ``language``: fr, en or ar), with a Date
    column when items carry days, or when ``dates`` is true (the date is written on the first
    row of each day, ``first_day`` for the items without a day) and a
    Salle column when items have rooms. Times are ``14h00 - 14h15`` in French and
    ``14:00–14:15`` otherwise; several facilitators are joined by `` - ``. Rooms are written by
    their names: those of the meeting's venue when a meeting is given, else ``rooms`` (id →
    name), else their ids.
    """
    names_of_rooms: dict[str, str] = dict(rooms or {})
    if isinstance(agenda, Meeting):
        if agenda.venue is not None:
            for room in agenda.venue.rooms:
                names_of_rooms.setdefault(room.id, room.name.get(language))
        first_day = first_day or agenda.date
        agenda = agenda.agenda
    items = tuple(agenda)
    headers = _HEADERS.get(language.split("_")[0].split("-")[0], _HEADERS["en"])
    matcher = FacilitatorMatcher(group)
    dated = any(item.day is not None for item in items) if dates is None else dates
    roomed = any(item.room is not None for item in items)
    names = [*(["date"] if dated else []), "time", "title", "facilitators"]
    names += ["room"] if roomed else []
    rows = ["| " + " | ".join(headers[name] for name in names) + " |"]
    rows.append("|" + "---|" * len(names))
    previous_day: dt.date | None = None
    for n, item in enumerate(items):
        day = item.day or first_day
        cells: list[str] = []
        if dated:
            new_day = day is not None and (n == 0 or day != previous_day)
            cells.append(day.strftime("%d/%m/%Y") if day is not None and new_day else "")
        cells.append(_time_range(item, language.startswith("fr")))
        cells.append(_cell(item.title.get(language)))
        cells.append(_cell(" - ".join(matcher.written(f, language) for f in item.facilitators)))
        if roomed:
            cells.append(_cell(names_of_rooms.get(item.room, item.room)) if item.room else "")
        previous_day = day
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)
