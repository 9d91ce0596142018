"""Word (.docx): a group's page or a meeting's programme as a document people can edit.

:func:`to_docx` writes the page laid out like the printed programme, from the same views as the
HTML and text pages (:mod:`rrma_groups.render.view`): the network's name, the group's name as
"Heading 1", each section and each meeting as "Heading 2", lists as "List Bullet", and the
programme as a Word table ("Table Grid") with the headers of the language (Date | Lieu | Heure |
Activité | Animateur), each day's Date and Lieu written once in a cell merged over its rows. The
document uses Word's own styles, so that it takes a house style by changing them, not by
reformatting each paragraph.

Word documents are optional: ``pip install "rrma-groups[office]"`` installs python-docx.

In Arabic (a right-to-left language) the document is right to left at every level Word reads:
the section (``w:bidi``), each paragraph (``w:bidi``), the table (``w:bidiVisual``: the first
column on the right) and each run (``w:rtl``, ``w:lang w:bidi``, a complex-script font).

>>> from rrma_groups import examples
>>> data = to_docx(examples.groupe_pays_maroc(), "ar-MA", meeting="limoges-2016")
>>> data[:2]
b'PK'

Tables written here are read back by :func:`~rrma_groups.parsing.tables.parse_table` and
``rrma-groups import-agenda programme.docx``.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from typing import Any, Final

from ..i18n.bidi import FSI, LRI, PDI, RLI, first_strong_direction
from ..i18n.locales import is_rtl, normalize_locale
from ..messages import listing
from ..model import CountryGroup, Meeting
from ..parsing.docx_tables import (
    DOCX_INSTALL,
    DocxEngineError,
    DocxError,
    DocxReadError,
    docx_module,
)
from ..render import RenderError
from ..render.common import Labels, TextWriter, comma, programme_columns, when_line
from ..render.view import GroupView, MeetingView, Piece, group_view, meeting_view

__all__ = [
    "ARABIC_FONT",
    "DOCX_INSTALL",
    "DocxEngineError",
    "DocxError",
    "DocxReadError",
    "to_docx",
]

ARABIC_FONT: Final = "Noto Naskh Arabic"
"""The complex-script font asked for in a right-to-left document (Word falls back to another
Arabic font, such as Arial, where it is not installed)."""

_DIRECTION_OF: Final = {LRI: "ltr", RLI: "rtl"}


def to_docx(
    obj: CountryGroup | Meeting,
    lang: str | None = None,
    *,
    group: CountryGroup | None = None,
    meeting: str | None = None,
) -> bytes:
    """A Word document (.docx) of a group's page or of a meeting's programme.

    ``obj`` is a group (its whole page; with ``meeting``, an id, the page with that meeting
    only) or a meeting (its programme; pass its ``group`` to name facilitators and the
    organiser). ``lang`` is any locale, as for :func:`~rrma_groups.render`; by default the
    group's language.

    Raises :class:`DocxEngineError` when python-docx is missing and
    :class:`~rrma_groups.render.RenderError` for a meeting the group does not have.
    """
    if isinstance(obj, CountryGroup):
        group = obj
    default = group.default_language if group is not None else "fr"
    language = normalize_locale(lang or default)
    docx = docx_module()
    document = docx.Document()
    writer = _Writer(document, language)
    if isinstance(obj, CountryGroup):
        meetings = None if meeting is None else [_meeting(obj, meeting)]
        writer.group(group_view(obj, language, meetings))
    else:
        writer.meeting(meeting_view(obj, language, group), level=1)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _meeting(group: CountryGroup, key: str) -> Meeting:
    try:
        return group.meeting(key)
    except KeyError:
        known = listing(group.meeting_ids())
        raise RenderError("unknown_meeting", value=key, known=known) from None


def _runs(text: str, page: str) -> Iterator[tuple[str, str]]:
    """The text without its directional isolates, in runs with their direction.

    The text writer (:class:`~rrma_groups.render.common.TextWriter`) isolates Latin names and
    addresses (FSI, LRI…PDI) and times (RLI…PDI) inside Arabic text. Word gives direction to
    runs (``w:rtl``) rather than to these characters, which some versions and fonts draw as
    boxes, and which would stay in the cells when the table is read back; so each isolate
    becomes a run of its own direction and the characters are left out.
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


class _Writer:
    """Writes views into a python-docx document, in the direction of the language."""

    def __init__(self, document: Any, lang: str) -> None:
        self.doc = document
        self.lang = lang
        self.rtl = is_rtl(lang)
        self.w = TextWriter(lang)
        self.labels = Labels(lang)
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Mm

        self.element, self.qn = OxmlElement, qn
        tag = lang.replace("_", "-")
        normal = self.doc.styles["Normal"].element.get_or_add_rPr()
        lang_element = self._new("w:lang", {("w:bidi" if self.rtl else "w:val"): tag})
        normal.insert_element_before(lang_element, "w:eastAsianLayout", "w:specVanish", "w:oMath")
        for section in self.doc.sections:
            section.page_width, section.page_height = Mm(210), Mm(297)  # A4
            if self.rtl:
                section._sectPr.insert_element_before(
                    self._new("w:bidi"), "w:rtlGutter", "w:docGrid", "w:printerSettings"
                )
        self.doc.core_properties.language = tag

    def _new(self, tag: str, attributes: dict[str, str] | None = None) -> Any:
        element = self.element(tag)
        for name, value in (attributes or {}).items():
            element.set(self.qn(name), value)
        return element

    # --- paragraphs and runs -----------------------------------------------------------------

    def paragraph(self, text: str = "", style: str | None = None, container: Any = None) -> Any:
        """A paragraph of ``text`` (written by the text writer: isolates become runs)."""
        holder = self.doc if container is None else container
        paragraph = holder.add_paragraph(style=style)
        self.fill(paragraph, text)
        return paragraph

    def fill(self, paragraph: Any, text: str) -> None:
        properties = paragraph._p.get_or_add_pPr()
        if self.rtl and properties.find(self.qn("w:bidi")) is None:
            properties.insert_element_before(
                self._new("w:bidi"),
                *("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind"),
                *("w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc"),
                *("w:textDirection", "w:textAlignment", "w:outlineLvl", "w:rPr"),
            )
        for part, direction in _runs(text, "rtl" if self.rtl else "ltr"):
            run = paragraph.add_run(part)
            if self.rtl:
                self._rtl_run(run, direction == "rtl")

    def _rtl_run(self, run: Any, rtl: bool) -> None:
        rpr = run._r.get_or_add_rPr()
        rpr.get_or_add_rFonts().set(self.qn("w:cs"), ARABIC_FONT)
        if rtl:
            run.font.rtl = True
        rpr.insert_element_before(
            self._new("w:lang", {"w:bidi": self.lang.replace("_", "-")}),
            "w:eastAsianLayout",
            "w:specVanish",
            "w:oMath",
        )

    def heading(self, text: str, level: int) -> None:
        self.paragraph(text, f"Heading {level}")

    def bullets(self, texts: Sequence[str]) -> None:
        for text in texts:
            self.paragraph(text, "List Bullet")

    def section(self, heading: str, body: Sequence[str], bullets: Sequence[str] = ()) -> None:
        if body or bullets:
            self.heading(heading, 2)
            for text in body:
                self.paragraph(text)
            self.bullets(bullets)

    # --- the group's page --------------------------------------------------------------------

    def group(self, view: GroupView) -> None:
        w, labels = self.w, self.labels
        self.paragraph(w.piece(view.network))
        if view.network_tagline:
            self.paragraph(w.piece(view.network_tagline))
        title = w.piece(view.name)
        if view.acronym and view.acronym.text != view.name.text:
            title += f" ({w.piece(view.acronym)})"
        self.doc.core_properties.title = title.translate(dict.fromkeys(map(ord, FSI + PDI)))
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

    def texts(self, piece: Piece | None) -> list[str]:
        """A text of the data, one paragraph a line."""
        return [line for line in self.w.piece(piece).split("\n") if line] if piece else []

    def priority(self, title: Piece, description: Piece | None) -> str:
        if description is None:
            return self.w.piece(title)
        text = " ".join(self.texts(description))
        return f"{self.labels.colon(self.w.piece(title))} {text}"

    def partnerships(self, partnerships: Sequence[Any]) -> None:
        w, labels = self.w, self.labels
        for p in partnerships:
            self.paragraph(w.names(p.parties, p.parties_text), "List Bullet")
            lines = [p.kind, f"{labels.colon(labels.partnership_status)} {p.status}"]
            if p.themes:
                themes = comma(self.lang).join(w.piece(t) for t in p.themes)
                lines.append(f"{labels.colon(labels.themes)} {themes}")
            for line in lines + self.texts(p.description):
                self.paragraph(line)

    # --- a meeting ---------------------------------------------------------------------------

    def meeting(self, view: MeetingView, *, level: int) -> None:
        w, labels = self.w, self.labels
        title = w.piece(view.title)
        if level == 1:
            self.doc.core_properties.title = title.translate(dict.fromkeys(map(ord, FSI + PDI)))
        self.heading(title, level)
        self.paragraph(when_line(view, w))
        where = comma(view.lang).join(w.piece(p) for p in (view.venue, view.city) if p)
        if where:
            self.paragraph(where)
        if view.status.value == "cancelled":
            self.paragraph(labels.cancelled.upper())
        elif view.status.value == "postponed":
            self.paragraph(labels.postponed.upper())
        if view.previous_date:
            self.paragraph(labels.previously.format(date=view.previous_date))
        if view.online_url:
            self.paragraph(f"{labels.colon(labels.online)} {w.ltr(view.online_url)}")
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

    def table(self, view: MeetingView) -> None:
        w, labels = self.w, self.labels
        columns = programme_columns(view, labels)
        with_rooms = len(columns) == 6
        table = self.doc.add_table(rows=1, cols=len(columns))
        table.style = self.doc.styles["Table Grid"]
        if self.rtl:  # the first column on the right
            table._tbl.tblPr.insert_element_before(
                self._new("w:bidiVisual"),
                *("w:tblStyleRowBandSize", "w:tblStyleColBandSize", "w:tblW", "w:jc"),
                *("w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout"),
                *("w:tblCellMar", "w:tblLook"),
            )
        # The header row is repeated at the top of each page the table runs onto.
        table.rows[0]._tr.get_or_add_trPr().append(self._new("w:tblHeader"))
        for cell, name in zip(table.rows[0].cells, columns, strict=True):
            self.fill(cell.paragraphs[0], name)
        venue = w.piece(view.venue)
        for day in view.days:
            first = len(table.rows)
            for item in day.items:
                texts = [
                    w.time(item.time),
                    w.piece(item.title),
                    w.names(item.facilitators, item.facilitators_text),
                ]
                if with_rooms:
                    texts.insert(1, w.piece(item.room) if item.room else labels.plenary)
                cells = table.add_row().cells
                for cell, text in zip(cells[2:], texts, strict=True):
                    self.fill(cell.paragraphs[0], text)
            if len(table.rows) == first:
                continue
            last = len(table.rows) - 1
            for column, text in ((0, day.date), (1, venue)):
                top = table.cell(first, column)
                self.fill(top.paragraphs[0], text)
                if last > first:
                    top.merge(table.cell(last, column))
