"""What each column of a pasted programme table holds: told by its header, or by its cells.

A header is recognised in French, English or Arabic (:data:`COLUMN_NAMES`, compared folded:
``Début``, ``debut`` and ``DÉBUT`` are one); a table without a header row has its columns told
by what their cells look like (:func:`guess_columns`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final, Literal

from ..errors import TimeParseError
from .folding import fold_words
from .times import normalize_digits, parse_date, parse_time, parse_time_range

__all__ = [
    "COLUMN_NAMES",
    "KNOWN_COLUMNS",
    "Column",
    "column_of",
    "guess_columns",
    "is_date",
    "lone_date",
]

Column = Literal[
    "date", "venue", "time", "start", "end", "duration", "title", "facilitators", "room",
    "track", "kind", "notes",
]  # fmt: skip

COLUMN_NAMES: Final[dict[str, tuple[str, ...]]] = {
    "date": ("date", "jour", "day", "التاريخ", "تاريخ", "اليوم", "يوم"),
    "venue": ("lieu", "venue", "place", "location", "adresse", "المكان", "مكان"),
    "time": (
        "heure", "heures", "horaire", "horaires", "créneau", "time", "times", "hour",
        "schedule", "الساعة", "الوقت", "التوقيت", "التوقيت الزمني",
    ),
    "start": ("début", "heure de début", "start", "start time", "from", "البداية", "من"),
    "end": ("fin", "heure de fin", "end", "end time", "to", "النهاية", "إلى"),
    "duration": ("durée", "duration", "length", "المدة"),
    "title": (
        "activité", "activités", "programme", "sujet", "thème", "intitulé", "titre",
        "ordre du jour", "séquence", "activity", "activities", "title", "item", "session",
        "agenda", "topic", "النشاط", "الأنشطة", "الموضوع", "البرنامج", "الفقرة", "المحور",
        "العنوان",
    ),
    "facilitators": (
        "animateur", "animateurs", "animatrice", "animatrices", "animation", "animé par",
        "intervenant", "intervenants", "intervenante", "intervenantes", "responsable",
        "modérateur", "facilitator", "facilitators", "speaker", "speakers", "presenter",
        "moderator", "led by", "المنشط", "المنشطون", "التنشيط", "المؤطر", "المتدخل",
        "المتدخلون", "المسير", "المسؤول",
    ),
    "room": ("salle", "room", "القاعة", "قاعة"),
    "track": ("piste", "parcours", "track", "المسار"),
    "kind": ("type", "kind", "nature", "النوع"),
    "notes": (
        "notes", "note", "remarques", "remarque", "observations", "commentaire",
        "commentaires", "comments", "remarks", "ملاحظات", "ملاحظة",
    ),
}  # fmt: skip
"""Header names recognised for each column, in French, English and Arabic."""

_COLUMN_BY_NAME: Final[dict[str, str]] = {
    fold_words(name): column for column, names in COLUMN_NAMES.items() for name in names
}
KNOWN_COLUMNS: Final = (
    "Date, Lieu, Heure, Début, Fin, Durée, Activité, Animateur, Salle, Type, Notes"
)
"""The known columns, as a message lists them."""


def column_of(header: str) -> str | None:
    """The column a header names (``"Heure de début"``: ``start``); ``None`` if none.

    >>> column_of("Animé par"), column_of("**Durée**"), column_of("Public")
    ('facilitators', 'duration', None)
    """
    return _COLUMN_BY_NAME.get(fold_words(header.replace("*", "")))


def guess_columns(rows: list[list[str]]) -> list[str | None]:
    """What each column of a table without a header row holds, read from its cells.

    The first column whose filled cells are mostly times is the time, and one whose filled cells
    are mostly dates is the date (a blank cell continues the date above): a wrong time or date
    (``31/02/2016``, ``23h30 - 00h30``) still counts, so that it is reported as it is with a
    header. Before the time, the first other column is the place (a column of numbers alone is
    not); after it, the title, then the facilitator; a table with nothing after the time has
    its title before it. Any other column is kept in the notes.
    """
    width = max((len(cells) for cells in rows), default=0)
    filled = [[cells[i] for cells in rows if i < len(cells) and cells[i]] for i in range(width)]
    columns: list[str | None] = [None] * width

    def mostly(cells: list[str], test: Callable[[str], bool]) -> bool:
        return 2 * sum(1 for cell in cells if test(cell)) > len(cells)

    time = next((i for i, cells in enumerate(filled) if mostly(cells, _is_time)), None)
    if time is None:
        return columns
    columns[time] = "time"
    date = next((i for i, cells in enumerate(filled) if i != time and mostly(cells, is_date)), None)
    if date is not None:
        columns[date] = "date"
    before = [
        i
        for i in range(time)
        if columns[i] is None and filled[i] and not all(c.rstrip(".").isdigit() for c in filled[i])
    ]
    after = [i for i in range(time + 1, width) if columns[i] is None and filled[i]]
    if not after and before:
        after = [before.pop()]
    if before:
        columns[before[0]] = "venue"
    for i, column in zip(after, ("title", "facilitators"), strict=False):
        columns[i] = column
    return columns


def lone_date(cells: list[str]) -> int | None:
    """The index of the only filled cell of a row, when that cell is a date."""
    filled = [i for i, cell in enumerate(cells) if cell]
    if len(filled) == 1 and is_date(cells[filled[0]]):
        return filled[0]
    return None


# A time or a range of times as written, even a wrong one ("14h60 - 15h", "25h00"): digits with
# an "h", or with minutes after a colon or a dot.
_CLOCK_SHAPE: Final = r"[0-9]{1,2} ?(?:h ?[0-9]{0,2}|[:.] ?[0-9]{2})"
_TIME_SHAPE: Final = re.compile(
    rf"{_CLOCK_SHAPE}(?: ?[-\u2010-\u2015\u2212] ?(?:{_CLOCK_SHAPE}|[0-9]{{1,2}}))?"
)
# A date refused for its values, not its form: 31/02/2016, a weekday that does not match,
# a two-digit year.
_WRONG_DATE_CODES: Final = frozenset({"impossible_date", "weekday_mismatch", "ambiguous_date"})


def _is_time(cell: str) -> bool:
    """Whether a cell is written as a time or a time range, maybe a wrong one."""
    try:
        parse_time_range(cell)
    except TimeParseError as exc:
        if exc.code == "time_range_not_increasing":  # 23h30 - 00h30
            return True
    else:
        return True
    if _reads(cell, parse_time):
        return True
    return _TIME_SHAPE.fullmatch(" ".join(normalize_digits(cell).casefold().split())) is not None


def is_date(cell: str, *, existing: bool = False) -> bool:
    """Whether a cell is written as a date: one that does not exist (31 février) too, unless
    ``existing``; a column of dates is told by their shape, a day's date by its value."""
    try:
        parse_date(cell)
    except TimeParseError as exc:
        return not existing and exc.code in _WRONG_DATE_CODES
    return True


def _reads(text: str, *parsers: Callable[[str], object]) -> bool:
    """Whether one of ``parsers`` reads ``text``."""
    for parse in parsers:
        try:
            parse(text)
        except TimeParseError:
            continue
        return True
    return False
