"""What the Word (:mod:`~rrma_groups.export.docx`) and OpenDocument
(:mod:`~rrma_groups.export.odt`) writers share: the order of a group's page, of a meeting and of
its sign-in sheet, the programme table's cells, the meeting looked up by id, the direction of the
runs of a text, and the complex-script font of a right-to-left document.

A writer subclasses :class:`DocumentWriter` and writes its primitives (a paragraph, a heading,
bullets, the document's title, the programme table); the page is laid out here once, from the
views of :mod:`rrma_groups.render.view`, as in the printed programme.
"""

from __future__ import annotations

import abc
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Final

from ..i18n.bidi import FSI, LRI, PDI, RLI, first_strong_direction
from ..i18n.formatting import format_number
from ..i18n.locales import is_rtl, normalize_locale
from ..messages import listing
from ..model import CountryGroup, Meeting
from ..render import RenderError
from ..render.common import (
    Labels,
    TextWriter,
    comma,
    programme_columns,
    when_line,
    where_and_status,
)
from ..render.sign_in_sheet import SignInView
from ..render.view import (
    GroupView,
    MeetingView,
    PartnershipView,
    Piece,
    group_view,
    meeting_view,
)

__all__ = [
    "document_language",
    "programme_widths",
    "ARABIC_FONT",
    "DocumentWriter",
    "ProgrammeDay",
    "chosen_meeting",
    "direction_runs",
    "plain",
]

ARABIC_FONT: Final = "Noto Naskh Arabic"
"""The complex-script font asked for in a right-to-left document (the word processor falls
back to another Arabic font, such as Arial, where it is not installed)."""

_DIRECTION_OF: Final = {LRI: "ltr", RLI: "rtl"}
_ISOLATES: Final = dict.fromkeys(map(ord, FSI + LRI + RLI + PDI))


def document_language(
    obj: CountryGroup | Meeting, lang: str | None, group: CountryGroup | None
) -> str:
    """The language a document of ``obj`` is written in: ``lang``, else its group's."""
    if isinstance(obj, CountryGroup):
        group = obj
    return normalize_locale(lang or (group.default_language if group is not None else "fr"))


def chosen_meeting(group: CountryGroup, key: str) -> Meeting:
    """The group's meeting ``key``; :class:`~rrma_groups.render.RenderError` if it has none."""
    try:
        return group.meeting(key)
    except KeyError:
        known = listing(group.meeting_ids())
        raise RenderError("unknown_meeting", value=key, known=known) from None


def plain(text: str) -> str:
    """The text without directional isolates (for a document's title, in its metadata)."""
    return text.translate(_ISOLATES)


def direction_runs(text: str, page: str) -> Iterator[tuple[str, str]]:
    """The text without its directional isolates, in runs with their direction.

    The text writer (:class:`~rrma_groups.render.common.TextWriter`) isolates Latin names and
    addresses (FSI, LRI…PDI) and times (RLI…PDI) inside Arabic text; a writer that gives
    direction to runs rather than to characters writes each isolate as a run of its direction.
    """
    stack = [page]
    start = 0
    for at, char in enumerate(text):
        if char in (FSI, LRI, RLI, PDI):
            if at > start:
                yield text[start:at], stack[-1]
            if char == PDI:
                if len(stack) > 1:
                    stack.pop()
            elif char == FSI:
                stack.append(first_strong_direction(text[at + 1 :]) or stack[-1])
            else:
                stack.append(_DIRECTION_OF[char])
            start = at + 1
    if start < len(text):
        yield text[start:], stack[-1]


_PROGRAMME_WIDTHS: Final = {"date": 2.4, "venue": 2.4, "time": 3.0, "room": 2.0, "people": 3.1}
"""Widths of the programme's columns, in cm (the activity takes the rest): the time range
("14h00 - 14h15") on one line, and names and places wrapped between words."""


def programme_widths(columns: int, total: float) -> list[float]:
    """The widths in cm of a programme table of ``columns`` columns (5, or 6 with the rooms),
    ``total`` cm wide, in the order of :meth:`DocumentWriter.programme`'s headers."""
    keys = ["date", "venue", "time", "title", "people"]
    if columns == 6:
        keys.insert(3, "room")
    fixed = sum(_PROGRAMME_WIDTHS[k] for k in keys if k != "title")
    return [_PROGRAMME_WIDTHS.get(k, total - fixed) for k in keys]


@dataclass(frozen=True)
class ProgrammeDay:
    """A day of the programme table: its date and venue (one cell each over its rows) and the
    other cells of its rows (time, [room,] activity, facilitators)."""

    date: str
    venue: str
    rows: tuple[tuple[str, ...], ...]


class DocumentWriter(abc.ABC):
    """Lays out a group's page or a meeting in a document; a subclass writes the primitives."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.rtl = is_rtl(lang)
        self.w = TextWriter(lang)
        self.labels = Labels(lang)

    # --- the primitives --------------------------------------------------------------------

    @abc.abstractmethod
    def paragraph(self, text: str = "") -> Any:
        """A paragraph of body text."""

    @abc.abstractmethod
    def heading(self, text: str, level: int) -> None:
        """A heading of ``level`` (1: the page's title, 2: a section or a meeting)."""

    @abc.abstractmethod
    def bullets(self, texts: Sequence[str]) -> None:
        """A bulleted list, an item a text."""

    @abc.abstractmethod
    def title(self, text: str) -> None:
        """The document's title, in its metadata (``text`` without isolates)."""

    @abc.abstractmethod
    def table(self, view: MeetingView) -> None:
        """The meeting's programme as a table (see :meth:`programme`)."""

    # --- shared ----------------------------------------------------------------------------

    def section(self, heading: str, body: Sequence[str], bullets: Sequence[str] = ()) -> None:
        if body or bullets:
            self.heading(heading, 2)
            for text in body:
                self.paragraph(text)
            self.bullets(bullets)

    def texts(self, piece: Piece | None) -> list[str]:
        """A text of the data, one paragraph a line."""
        return [line for line in self.w.piece(piece).split("\n") if line] if piece else []

    def priority(self, title: Piece, description: Piece | None) -> str:
        if description is None:
            return self.w.piece(title)
        text = " ".join(self.texts(description))
        return f"{self.labels.colon(self.w.piece(title))} {text}"

    def page(
        self, obj: CountryGroup | Meeting, group: CountryGroup | None, meeting: str | None
    ) -> None:
        """A group's page (with ``meeting``, an id, only that meeting), or a meeting's
        programme (``group`` names its facilitators and organiser)."""
        if isinstance(obj, CountryGroup):
            meetings = None if meeting is None else [chosen_meeting(obj, meeting)]
            self.group(group_view(obj, self.lang, meetings))
        else:
            self.meeting(meeting_view(obj, self.lang, group), level=1)

    def group(self, view: GroupView) -> None:
        """The group's page: network, name (heading 1), sections, cooperations, meetings."""
        w, labels = self.w, self.labels
        self.paragraph(w.piece(view.network))
        if view.network_tagline:
            self.paragraph(w.piece(view.network_tagline))
        title = w.piece(view.name)
        if view.acronym and view.acronym.text != view.name.text:
            title += f" ({w.piece(view.acronym)})"
        self.title(plain(title))
        self.heading(title, 1)
        self.section(labels.context, self.texts(view.context))
        network = []
        if view.network_mission:
            network.append(f"{labels.colon(labels.mission)} {w.piece(view.network_mission)}")
        if view.founders:
            network.append(f"{labels.colon(labels.founders)} {view.founders}")
        self.section(labels.network, network + self.texts(view.network_description))
        self.section(labels.group, self.texts(view.description))
        self.section(labels.objectives, [], [w.piece(o) for o in view.objectives])
        how = self.texts(view.working_arrangements)
        if view.offers:
            how.append(f"{labels.colon(labels.network_offer)} {view.offers}")
        self.section(labels.how_it_works, how)
        if view.membership:
            join = self.texts(view.membership)
            if view.network_membership:
                join.append(view.network_membership)
            self.section(labels.who_may_join, join + self.texts(view.membership_note))
        for cooperation in view.cooperations:
            self.heading(w.piece(cooperation.actor), 2)
            if cooperation.since:
                self.paragraph(cooperation.since)
            if cooperation.partner_areas:
                areas = w.piece(cooperation.partner_areas)
                self.paragraph(f"{labels.colon(labels.partners)} {areas}")
            for text in (cooperation.description, cooperation.actor_description):
                for line in self.texts(text):
                    self.paragraph(line)
            if cooperation.priorities:
                self.paragraph(labels.colon(labels.priorities))
                self.bullets(
                    [self.priority(p.title, p.description) for p in cooperation.priorities]
                )
            if cooperation.partnerships:
                self.paragraph(labels.colon(labels.partnerships))
                self.partnerships(cooperation.partnerships)
        self.section(
            labels.priorities, [], [self.priority(p.title, p.description) for p in view.priorities]
        )
        if view.partnerships:
            self.heading(labels.partnerships, 2)
            self.partnerships(view.partnerships)
        for meeting in view.meetings:
            self.meeting(meeting, level=2)

    def partnerships(self, partnerships: Sequence[PartnershipView]) -> None:
        w, labels = self.w, self.labels
        for p in partnerships:
            self.bullets([w.names(p.parties, p.parties_text)])
            lines = [p.kind, f"{labels.colon(labels.partnership_status)} {p.status}"]
            if p.themes:
                themes = comma(self.lang).join(w.piece(t) for t in p.themes)
                lines.append(f"{labels.colon(labels.themes)} {themes}")
            for line in lines + self.texts(p.description):
                self.paragraph(line)

    def meeting(self, view: MeetingView, *, level: int) -> None:
        """A meeting: its title (a heading), when and where, objectives, programme, signature."""
        w, labels = self.w, self.labels
        title = w.piece(view.title)
        if level == 1:
            self.title(plain(title))
        self.heading(title, level)
        self.paragraph(when_line(view, w))
        for line in where_and_status(view, w, labels):
            self.paragraph(line)
        for line in self.texts(view.description):
            self.paragraph(line)
        if view.objectives:
            self.paragraph(labels.colon(labels.meeting_objectives))
            self.bullets([w.piece(o) for o in view.objectives])
        if any(day.items for day in view.days):
            self.table(view)
        if view.signatory:
            self.paragraph()
            self.paragraph(w.piece(view.signatory))
            if view.signatory_affiliation:
                self.paragraph(w.piece(view.signatory_affiliation))

    def programme(self, view: MeetingView) -> tuple[list[str], list[ProgrammeDay]]:
        """The programme table's headers (Date | Lieu | Heure | [Salle |] Activité |
        Animateur) and its days with items, their cells as the text writer writes them."""
        w, labels = self.w, self.labels
        columns = programme_columns(view, labels)
        with_rooms = len(columns) == 6
        venue = w.piece(view.venue)
        days = []
        for day in view.days:
            rows = []
            for item in day.items:
                texts = [
                    w.time(item.time),
                    w.piece(item.title),
                    w.names(item.facilitators, item.facilitators_text),
                ]
                if with_rooms:
                    texts.insert(1, w.piece(item.room) if item.room else labels.plenary)
                rows.append(tuple(texts))
            if rows:
                days.append(ProgrammeDay(day.date, venue, tuple(rows)))
        return columns, days

    # --- the sign-in sheet -------------------------------------------------------------------

    @abc.abstractmethod
    def sign_in_table(self, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        """The sign-in sheet's table: the ``headers`` (No. | Name | Organisation | Signature),
        repeated at the top of each page, then ``rows``, each tall enough to sign in."""

    def sign_in_sheet(self, view: SignInView) -> None:
        """A meeting's sign-in sheet, as :func:`~rrma_groups.render.sign_in_sheet.sign_in_sheet`
        prints it: its name (heading 1), the meeting's title (heading 2), when, where and who
        organises it, the table of registered participants then blank rows, and their number."""
        w, lang = self.w, view.lang
        self.title(plain(view.heading))
        self.heading(view.label, 1)
        self.heading(w.piece(view.title), 2)
        self.paragraph(view.when + (comma(lang) + w.time(view.hours) if view.hours else ""))
        if view.where:
            self.paragraph(comma(lang).join(w.piece(piece) for piece in view.where))
        if view.organiser is not None:
            self.paragraph(f"{self.labels.colon(view.organiser_label)} {w.piece(view.organiser)}")
        rows = [
            (
                format_number(row.number, lang),
                w.piece(Piece(row.name)) + (f" {view.fictional_mark}" if row.fictional else ""),
                w.piece(row.organisation),
                view.online if row.online else "",
            )
            for row in view.rows
        ]
        rows += [(format_number(number, lang), "", "", "") for number in view.blank]
        self.sign_in_table(view.headers, rows)
        self.paragraph(view.total)
