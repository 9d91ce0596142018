"""Labels and helpers shared by the text, Markdown and HTML writers."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence

from ..i18n.bidi import FSI, LRI, PDI, RLI, first_strong_direction
from ..i18n.catalog import translator
from ..i18n.locales import direction, is_rtl
from .labels import label
from .view import MeetingView, Piece

__all__ = [
    "Labels",
    "TextWriter",
    "comma",
    "display_width",
    "join_names",
    "needs_isolation",
    "programme_columns",
    "when_line",
    "where_and_status",
]


def display_width(text: str) -> int:
    """Columns a string takes in a terminal (wide CJK = 2, marks and bidi controls = 0)."""
    total = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Cf", "Mn", "Me"):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


class Labels:
    """The words of a programme page in one language."""

    def __init__(self, lang: str) -> None:
        _: Callable[[str], str] = translator(lang).gettext
        self.date = _("Date")
        self.venue = _("Venue")
        self.time = _("Time")
        self.activity = _("Activity")
        self.facilitator = _("Facilitator")
        self.room = _("Room")
        self.programme = _("Programme")
        self.objectives = _("Objectives")
        self.meeting_objectives = _("Objectives of the meeting")
        self.context = _("Context")
        self.who_may_join = _("Who may join")
        self.organiser = _("Organiser")
        self.online = _("Online")
        self.cancelled = _("Cancelled")
        self.postponed = _("Postponed")
        self.previously = _("Previously planned on {date}")
        self.plenary = _("Plenary")
        self.network = label("network", lang)
        self.group = label("group", lang)
        self.how_it_works = label("how_it_works", lang)
        self.network_offer = label("network_offer", lang)
        self.mission = label("mission", lang)
        self.founders = label("founders", lang)
        self.partners = label("partners", lang)
        self.partnerships = label("partnerships", lang)
        self.partnership_status = label("partnership_status", lang)
        self.priorities = label("priorities", lang)
        self.themes = label("themes", lang)
        self._with_colon = label("with_colon", lang)

    def colon(self, text: str) -> str:
        """A label followed by a colon, as the language writes it ("Objectifs\u202f:" in
        French)."""
        return self._with_colon.format(label=text)


def programme_columns(meeting: MeetingView, labels: Labels) -> list[str]:
    """The programme table's headers: the seed's five, plus Room when rooms are used."""
    columns = [labels.date, labels.venue, labels.time, labels.activity, labels.facilitator]
    if any(day.rooms for day in meeting.days):
        columns.insert(3, labels.room)
    return columns


def needs_isolation(piece: Piece, page_lang: str) -> bool:
    """True when a piece of text may run in another direction than the page's.

    Text of unknown language, text in a language of the other direction, and text whose
    script says otherwise (a Latin organisation name given as the Arabic name) are isolated.
    """
    page = direction(page_lang)
    if piece.lang is None or direction(piece.lang) != page:
        return True
    strong = first_strong_direction(piece.text)
    return strong is not None and strong != page


def join_names(
    pieces: Sequence[Piece],
    joined: str,
    name: Callable[[Piece], str],
    between: Callable[[str], str] = lambda text: text,
) -> str:
    """Write ``joined`` (the names already joined as the language lists them) again, each name
    through ``name`` and the separators through ``between``.

    The names are found from left to right, each after the previous one, so a name that occurs
    inside another ("Ali" after "Ali Ben") or inside the markup already written is never hit.
    """
    out: list[str] = []
    rest = joined
    for piece in pieces:
        at = rest.find(piece.text) if piece.text else -1
        if at < 0:
            continue
        out += [between(rest[:at]), name(piece)]
        rest = rest[at + len(piece.text) :]
    return "".join(out) + between(rest)


def comma(lang: str) -> str:
    """The list comma of the language: "، " in Arabic script, ", " elsewhere."""
    return "، " if direction(lang) == "rtl" else ", "


class TextWriter:
    """Pieces of a view as plain text in ``lang``: in a right-to-left language, runs that may
    go the other way are isolated (FSI…PDI), addresses kept left to right (LRI…PDI) and times
    right to left (RLI…PDI: the start of a range is read first, on the right). The Markdown
    writer escapes what this writes."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.rtl = is_rtl(lang)

    def piece(self, piece: Piece | None) -> str:
        if piece is None:
            return ""
        if self.rtl and needs_isolation(piece, self.lang):
            # The bidi algorithm closes every isolate at the end of a line: a text of several
            # lines (a description) is isolated line by line.
            return "\n".join(
                f"{FSI}{line}{PDI}" if line else line for line in piece.text.split("\n")
            )
        return piece.text

    def ltr(self, text: str) -> str:
        return f"{LRI}{text}{PDI}" if self.rtl and text else text

    def time(self, text: str) -> str:
        """A time or a range of times. In a right-to-left language it is one right-to-left unit
        (RLI…PDI): a reader going right to left meets the start first, as in the running text
        "من 14:00 إلى 17:30" (see :mod:`rrma_groups.i18n.bidi`)."""
        return f"{RLI}{text}{PDI}" if self.rtl and text else text

    def names(self, pieces: tuple[Piece, ...], joined: str) -> str:
        if not self.rtl:
            return joined
        return join_names(pieces, joined, self.piece)


def when_line(view: MeetingView, writer: TextWriter) -> str:
    """The meeting's dates and hours, read in the language's direction."""
    if view.times is None:
        return view.dates
    return view.dates + comma(view.lang) + writer.time(view.times)


def where_and_status(view: MeetingView, writer: TextWriter, labels: Labels) -> list[str]:
    """The lines under a meeting's date, each only when it has something to say: where it
    takes place, CANCELLED or POSTPONED, the date first planned, and the online address."""
    lines = []
    where = comma(view.lang).join(writer.piece(p) for p in (view.venue, view.city) if p)
    if where:
        lines.append(where)
    if view.status.value == "cancelled":
        lines.append(labels.cancelled.upper())
    elif view.status.value == "postponed":
        lines.append(labels.postponed.upper())
    if view.previous_date:
        lines.append(labels.previously.format(date=view.previous_date))
    if view.online_url:
        lines.append(f"{labels.colon(labels.online)} {writer.ltr(view.online_url)}")
    return lines
