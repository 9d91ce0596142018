"""Word (.docx): a group's page, a meeting's programme or its sign-in sheet, as documents people
can edit.

:func:`to_docx` writes the page laid out like the printed programme, from the same views as the
HTML and text pages (:mod:`rrma_groups.render.view`): the network's name, the group's name as
"Heading 1", each section and each meeting as "Heading 2", lists as "List Bullet", and the
programme as a Word table ("Table Grid") with the headers of the language (Date | Lieu | Heure |
Activité | Animateur), each day's Date and Lieu written once in a cell merged over its rows. The
document uses Word's own styles, so that it takes a house style by changing them, not by
reformatting each paragraph. :func:`sign_in_sheet_docx` writes a meeting's sign-in sheet.

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
from collections.abc import Sequence
from typing import Any, Final

from ..model import CountryGroup, Meeting
from ..parsing.docx_tables import (
    DOCX_INSTALL,
    DocxEngineError,
    DocxError,
    DocxReadError,
    docx_module,
)
from ..render.sign_in_sheet import sign_in_view
from ..render.view import MeetingView
from .office import (
    ARABIC_FONT,
    DocumentWriter,
    direction_runs,
    document_language,
    programme_widths,
)

__all__ = [
    "ARABIC_FONT",
    "DOCX_INSTALL",
    "DocxEngineError",
    "DocxError",
    "DocxReadError",
    "sign_in_sheet_docx",
    "to_docx",
]


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
    language = document_language(obj, lang, group)
    document = docx_module().Document()
    _Writer(document, language).page(obj, group, meeting)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


class _Writer(DocumentWriter):
    """Writes views into a python-docx document, in the direction of the language."""

    def __init__(self, document: Any, lang: str) -> None:
        super().__init__(lang)
        self.doc = document
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

    def paragraph(self, text: str = "", style: str | None = None) -> Any:
        """A paragraph of ``text`` (written by the text writer: isolates become runs)."""
        paragraph = self.doc.add_paragraph(style=style)
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
        for part, direction in direction_runs(text, "rtl" if self.rtl else "ltr"):
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

    def title(self, text: str) -> None:
        self.doc.core_properties.title = text

    # --- the programme -----------------------------------------------------------------------

    def new_table(self, headers: Sequence[str]) -> Any:
        """A "Table Grid" table with a header row, repeated at the top of each page the table
        runs onto; in a right-to-left language, its first column on the right."""
        table = self.doc.add_table(rows=1, cols=len(headers))
        table.style = self.doc.styles["Table Grid"]
        if self.rtl:
            table._tbl.tblPr.insert_element_before(
                self._new("w:bidiVisual"),
                *("w:tblStyleRowBandSize", "w:tblStyleColBandSize", "w:tblW", "w:jc"),
                *("w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout"),
                *("w:tblCellMar", "w:tblLook"),
            )
        table.rows[0]._tr.get_or_add_trPr().append(self._new("w:tblHeader"))
        for cell, name in zip(table.rows[0].cells, headers, strict=True):
            self.fill(cell.paragraphs[0], name)
        return table

    def table(self, view: MeetingView) -> None:
        columns, days = self.programme(view)
        table = self.new_table(columns)
        table.autofit = False
        for day in days:
            first = len(table.rows)
            for texts in day.rows:
                row = table.add_row()
                row._tr.get_or_add_trPr().append(self._new("w:cantSplit"))  # one page each
                for cell, text in zip(row.cells[2:], texts, strict=True):
                    self.fill(cell.paragraphs[0], text)
            last = len(table.rows) - 1
            for column, text in ((0, day.date), (1, day.venue)):
                top = table.cell(first, column)
                self.fill(top.paragraphs[0], text)
                if last > first:
                    top.merge(table.cell(last, column))
        self.widths(table, programme_widths(len(columns), _TEXT_WIDTH_MM / 10))

    def widths(self, table: Any, centimetres: Sequence[float]) -> None:
        """Fixed column widths: the table's grid, which LibreOffice reads, and each cell's,
        which Word reads (a merged cell spans the grid's columns)."""
        from docx.shared import Cm

        for column, width in zip(table.columns, centimetres, strict=True):
            column.width = Cm(width)
            for cell in column.cells:
                cell.width = Cm(width)

    # --- the sign-in sheet -------------------------------------------------------------------

    def sign_in_table(self, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        from docx.enum.table import WD_ROW_HEIGHT_RULE
        from docx.shared import Mm

        table = self.new_table(headers)
        table.autofit = False
        for texts in rows:
            row = table.add_row()
            row.height, row.height_rule = Mm(_SIGN_IN_ROW_MM), WD_ROW_HEIGHT_RULE.AT_LEAST
            row._tr.get_or_add_trPr().append(self._new("w:cantSplit"))  # never across pages
            for cell, text in zip(row.cells, texts, strict=True):
                if text:
                    self.fill(cell.paragraphs[0], text)
        self.widths(table, [width / 10 for width in _SIGN_IN_COLUMNS_MM])


_TEXT_WIDTH_MM: Final = 159
"""The width of the text on an A4 page between python-docx's margins (one inch each), in mm."""
_SIGN_IN_COLUMNS_MM: Final = (12, 48, 52, 47)
"""The widths of the sign-in sheet's columns (No., Name, Organisation, Signature), in mm: the
width of an A4 page between python-docx's margins (159 mm)."""
_SIGN_IN_ROW_MM: Final = 10
"""The least height of a sign-in sheet's row, in mm: room to sign."""


def sign_in_sheet_docx(
    group: CountryGroup, meeting: str | Meeting, lang: str | None = None, *, blank_rows: int = 5
) -> bytes:
    """The sign-in sheet of ``meeting`` (an id or a meeting) as a Word document, in ``lang``.

    The sheet of :func:`~rrma_groups.render.sign_in_sheet.sign_in_sheet`: the meeting's title,
    date, hours and place, then a table No. | Name | Organisation | Signature whose header row
    is repeated on each page, a row per registration (sorted by name) then ``blank_rows`` empty
    rows, each tall enough to sign in and kept on one page. Right to left at every level in
    Arabic, as :func:`to_docx`.

    Raises :class:`DocxEngineError` when python-docx is missing and
    :class:`~rrma_groups.render.RenderError` for an unknown meeting or a number of blank rows
    out of bounds (from 0 to :data:`~rrma_groups.render.sign_in_sheet.MAX_BLANK_ROWS`).
    """
    docx = docx_module()
    view = sign_in_view(group, meeting, lang, blank_rows=blank_rows)
    document = docx.Document()
    _Writer(document, view.lang).sign_in_sheet(view)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
