"""OpenDocument text (.odt): a group's page, a meeting's programme or its sign-in sheet as a
document people can edit in LibreOffice (or Word, which opens .odt files).

:func:`to_odt` writes the page laid out like the printed programme and like
:func:`~rrma_groups.export.docx.to_docx`, from the same views (:mod:`rrma_groups.render.view`):
the network's name, the group's name as "Heading 1", each section and each meeting as
"Heading 2" (headings with their outline level, which make the document's outline), lists as
"List Bullet" paragraphs, and the programme as a table whose header row (Date | Lieu | Heure |
Activité | Animateur, in the language) is repeated at the top of each page, each day's Date and
Lieu written once in a cell spanning its rows. :func:`sign_in_sheet_odt` writes a meeting's
sign-in sheet (No. | Name | Organisation | Signature).

Text is formatted by named paragraph styles ("Text body", "Heading 1", "Table Contents", "Table
Heading", "List Bullet"), never paragraph by paragraph: a house style is a matter of changing
them. The table, its columns and its cells have named styles too ("Programme",
"Programme.Cell"...); LibreOffice reads those of a table only among a document's automatic
styles, which is where they are.

In Arabic (a right-to-left language) the document is right to left at every level LibreOffice
reads: the page layout and the paragraph styles (``style:writing-mode="rl-tb"``, aligned to
their start, the right), the tables (the first column on the right), and the language and font
of complex scripts (``style:language-complex``, ``style:country-complex``,
:data:`~rrma_groups.export.office.ARABIC_FONT`). Latin names and addresses inside Arabic text keep
their order: the text writer's isolates (FSI…PDI, LRI…PDI) stay in the text, as ODF gives
direction to paragraphs only, not to spans, and LibreOffice lays isolates out as Unicode says;
the reader removes them. The right-to-left isolates around times (RLI…PDI) are left out: every
paragraph of an Arabic document is right to left already, which reads a range from its start
on the right, and LibreOffice (7.4) loses the spaces inside a right-to-left isolate ("من14:00").

OpenDocument output is optional: ``pip install "rrma-groups[office]"`` installs odfdo.

>>> from rrma_groups import examples
>>> data = to_odt(examples.groupe_pays_maroc(), "ar-MA", meeting="limoges-2016")
>>> data[:2], b"application/vnd.oasis.opendocument.text" in data[:100]
(b'PK', True)

Tables written here are read back by :func:`~rrma_groups.parsing.tables.parse_table` and
``rrma-groups import-agenda programme.odt``.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final
from xml.sax.saxutils import quoteattr

from ..i18n.bidi import FSI, LRI, PDI, RLI
from ..model import CountryGroup, Meeting
from ..parsing.odt_tables import ODF_INSTALL, OdtEngineError, OdtError, OdtReadError
from ..render.sign_in_sheet import sign_in_view
from ..render.view import MeetingView
from .office import ARABIC_FONT, DocumentWriter, document_language, programme_widths

if TYPE_CHECKING:
    from odfdo import Document, Element

__all__ = [
    "ODF_INSTALL",
    "OdtEngineError",
    "OdtError",
    "OdtReadError",
    "sign_in_sheet_odt",
    "to_odt",
]

_WIDTH_CM: Final = 17.0  # A4 less the template's 2 cm margins
_SHEET_WIDTHS: Final = (1.2, 5.0, 5.3, 5.5)


def to_odt(
    obj: CountryGroup | Meeting,
    lang: str | None = None,
    *,
    group: CountryGroup | None = None,
    meeting: str | None = None,
) -> bytes:
    """An OpenDocument text (.odt) of a group's page or of a meeting's programme.

    ``obj`` is a group (its whole page; with ``meeting``, an id, the page with that meeting
    only) or a meeting (its programme; pass its ``group`` to name facilitators and the
    organiser). ``lang`` is any locale, as for :func:`~rrma_groups.render`; by default the
    group's language.

    Raises :class:`OdtEngineError` when odfdo is missing and
    :class:`~rrma_groups.render.RenderError` for a meeting the group does not have.
    """
    writer = _Writer(document_language(obj, lang, group))
    writer.page(obj, group, meeting)
    return writer.save()


def sign_in_sheet_odt(
    group: CountryGroup,
    meeting: str | Meeting,
    lang: str | None = None,
    *,
    blank_rows: int = 5,
) -> bytes:
    """The sign-in sheet of ``meeting`` (an id or a meeting) as an OpenDocument text.

    What :func:`~rrma_groups.render.sign_in_sheet.sign_in_sheet` prints: the meeting's title,
    date, place and organiser, then a table No. | Name | Organisation | Signature (its header
    repeated on each page), one row per registration sorted by name and ``blank_rows`` empty
    rows (at most :data:`~rrma_groups.render.sign_in_sheet.MAX_BLANK_ROWS`). Someone taking
    part online has "Online" in the signature cell.

    Raises :class:`OdtEngineError` when odfdo is missing and
    :class:`~rrma_groups.render.RenderError` for an unknown meeting or a number of blank rows
    out of range.
    """
    view = sign_in_view(group, meeting, lang, blank_rows=blank_rows)
    writer = _Writer(view.lang)
    writer.sign_in_sheet(view)
    return writer.save()


def _attributes(values: dict[str, str]) -> str:
    return "".join(f" {name}={quoteattr(value)}" for name, value in values.items())


def _without_rtl_isolates(text: str) -> str:
    """The text without its right-to-left isolates (RLI and the PDI that closes it)."""
    if RLI not in text:
        return text
    out: list[str] = []
    opened: list[bool] = []  # for each isolate open: is it left out?
    for char in text:
        if char in (FSI, LRI, RLI):
            opened.append(char == RLI)
            if char == RLI:
                continue
        elif char == PDI and opened and opened.pop():
            continue
        out.append(char)
    return "".join(out)


def _drop(element: Element, *attributes: str) -> None:
    for attribute in attributes:
        if element.get_attribute(attribute) is not None:
            element.del_attribute(attribute)


def _locale_parts(lang: str) -> tuple[str, str]:
    """The ISO 639 language and ISO 3166 country of a locale (``none`` without a country)."""
    parts = lang.split("_")
    country = next((p for p in parts[1:] if len(p) == 2 and p.isalpha()), "none")
    return parts[0], country


class _Writer(DocumentWriter):
    """Writes views into an odfdo text document, in the direction of the language."""

    def __init__(self, lang: str) -> None:
        super().__init__(lang)
        odfdo = OdtEngineError.load()
        self.odfdo = odfdo
        self.doc: Document = odfdo.Document("text")
        self.body = self.doc.body
        for paragraph in self.body.get_paragraphs():  # the template's empty paragraph
            self.body.delete(paragraph)
        self.tables = 0
        self._styles()

    # --- styles ------------------------------------------------------------------------------

    def _styles(self) -> None:
        rtl = self.rtl
        language, country = _locale_parts(self.lang)
        styles = self.doc.styles
        text_properties: dict[str, str]
        if rtl:
            font = {
                "style:name": ARABIC_FONT,
                "svg:font-family": f"'{ARABIC_FONT}'",
                "style:font-family-generic": "roman",
                "style:font-pitch": "variable",
            }
            decls = styles.get_element("//office:font-face-decls")
            if decls is not None:
                decls.append(self.odfdo.Element.from_tag(f"<style:font-face{_attributes(font)}/>"))
            text_properties = {
                "style:language-complex": language,
                "style:country-complex": country,
                "style:font-name-complex": ARABIC_FONT,
            }
        else:
            text_properties = {"fo:language": language, "fo:country": country}
        default = styles.get_element(
            '//style:default-style[@style:family="paragraph"]/style:text-properties'
        )
        if default is not None:
            for name, value in text_properties.items():
                default.set_attribute(name, value)
        direction = {"style:writing-mode": "rl-tb" if rtl else "lr-tb"}
        # Aligned to the start of the line, the right: LibreOffice reads "start" as the left
        # whatever the direction, and "end" as the right.
        start = {**direction, "fo:text-align": "end"} if rtl else {}
        complex_font = {"style:font-name-complex": ARABIC_FONT} if rtl else {}
        tight = {"fo:margin-top": "0cm", "fo:margin-bottom": "0cm"}
        centred = {**direction, "fo:text-align": "center"} if rtl else {"fo:text-align": "center"}
        bold = {"fo:font-weight": "bold", "style:font-weight-complex": "bold"}
        for name, display, parent, paragraph, text in (
            ("Standard", None, None, start, complex_font),
            ("Table_20_Contents", "Table Contents", "Standard", {**start, **tight}, {}),
            ("Table_20_Heading", "Table Heading", "Table_20_Contents", centred, bold),
        ):
            attributes = {"style:name": name, "style:family": "paragraph"}
            if display:
                attributes["style:display-name"] = display
            if parent:
                attributes["style:parent-style-name"] = parent
            attributes["style:class"] = "text" if name == "Standard" else "extra"
            inner = ""
            if paragraph:
                inner += f"<style:paragraph-properties{_attributes(paragraph)}/>"
            if text:
                inner += f"<style:text-properties{_attributes(text)}/>"
            self.doc.insert_style(f"<style:style{_attributes(attributes)}>{inner}</style:style>")
        bullet = {
            "style:name": "List_20_Bullet",
            "style:display-name": "List Bullet",
            "style:family": "paragraph",
            "style:parent-style-name": "List",
            "style:list-style-name": "List_20_1",
            "style:class": "list",
        }
        self.doc.insert_style(f"<style:style{_attributes(bullet)}/>")
        if rtl:
            heading = styles.get_element(
                '//style:style[@style:name="Heading"]/style:text-properties'
            )
            if heading is not None:
                heading.set_attribute("style:font-name-complex", ARABIC_FONT)
                _drop(heading, "style:font-family-complex", "style:font-family-generic-complex")
        # Headings upright, as in the Word document: the template's Heading 2 is italic, and an
        # Arabic font has no italic (LibreOffice would slant the letters).
        for rank in (1, 2, 3):
            properties = styles.get_element(
                f'//style:style[@style:name="Heading_20_{rank}"]/style:text-properties'
            )
            if properties is not None:
                for name in ("fo:font-style", "style:font-style-asian", "style:font-style-complex"):
                    properties.set_attribute(name, "normal")
        # The bullets of the template's list style sit against the text (no indent is given):
        # each level gets the label position and indent LibreOffice gives its own bullet lists.
        for bullet_level in styles.get_elements('//text:list-style[@style:name="List_20_1"]/*'):
            depth = int(bullet_level.get_attribute("text:level") or 1)
            properties = bullet_level.get_element("style:list-level-properties")
            if properties is None:
                continue
            properties.set_attribute("text:list-level-position-and-space-mode", "label-alignment")
            indent = 0.635 * (depth + 1)
            alignment = {
                "text:label-followed-by": "listtab",
                "text:list-tab-stop-position": f"{indent:.3f}cm",
                "fo:text-indent": "-0.635cm",
                "fo:margin-left": f"{indent:.3f}cm",
            }
            properties.append(
                self.odfdo.Element.from_tag(
                    f"<style:list-level-label-alignment{_attributes(alignment)}/>"
                )
            )
        # Headings are not numbered (the template numbers them: 1., 1.1...).
        for level in styles.get_elements("//text:outline-style/text:outline-level-style"):
            level.set_attribute("style:num-format", "")
            _drop(level, "loext:num-list-format", "style:num-suffix", "text:display-levels")
        page = styles.get_element("//style:page-layout-properties")
        if page is not None:
            page.set_attribute("style:writing-mode", direction["style:writing-mode"])
        meta = self.doc.meta
        try:
            meta.language = self.lang.replace("_", "-")
        except TypeError:  # a tag odfdo does not take (with a script): the language alone
            meta.language = language
        meta.set_creation_date(dt.datetime.now().replace(microsecond=0))

    def _automatic(self, xml: str) -> None:
        self.doc.insert_style(xml, automatic=True)

    # --- the primitives ------------------------------------------------------------------------

    def _paragraph(self, text: str, style: str) -> Element:
        paragraph: Element = self.odfdo.Paragraph(_without_rtl_isolates(text), style=style)
        return paragraph

    def paragraph(self, text: str = "") -> Any:
        paragraph = self._paragraph(text, "Text_20_body")
        self.body.append(paragraph)
        return paragraph

    def heading(self, text: str, level: int) -> None:
        heading = self.odfdo.Header(level, _without_rtl_isolates(text))
        heading.style = f"Heading_20_{level}"
        self.body.append(heading)

    def bullets(self, texts: Sequence[str]) -> None:
        if not texts:
            return
        bullets = self.odfdo.List(style="List_20_1")
        for text in texts:
            item = self.odfdo.ListItem()
            item.append(self._paragraph(text, "List_20_Bullet"))
            bullets.append(item)
        self.body.append(bullets)

    def title(self, text: str) -> None:
        self.doc.meta.set_title(text)

    # --- tables --------------------------------------------------------------------------------

    def sign_in_table(self, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        self.grid("SignIn", list(headers), list(_SHEET_WIDTHS), rows, tall=True)

    def grid(
        self,
        name: str,
        headers: list[str],
        widths: list[float],
        rows: Sequence[Sequence[str]],
        *,
        spans: Sequence[tuple[int, int, int]] = (),
        tall: bool = False,
    ) -> None:
        """A table: ``headers`` in a header row repeated on each page, then ``rows``; ``spans``
        are (row, column, count) cells spanning ``count`` rows, the cells below them covered."""
        odfdo = self.odfdo
        self.tables += 1
        table_name = f"{name}{self.tables}"
        mode = "rl-tb" if self.rtl else "lr-tb"
        table_properties = {
            "style:width": f"{_WIDTH_CM}cm",
            "table:align": "margins",
            "fo:margin-top": "0.2cm",
            "fo:margin-bottom": "0.2cm",
            "style:writing-mode": mode,
        }
        self._automatic(
            f'<style:style style:name="{name}" style:family="table">'
            f"<style:table-properties{_attributes(table_properties)}/></style:style>"
        )
        cell = {
            "fo:padding": "0.1cm",
            "fo:border": "0.5pt solid #5b6574",
            "style:vertical-align": "top",
        }
        self._automatic(
            f'<style:style style:name="{name}.Cell" style:family="table-cell">'
            f"<style:table-cell-properties{_attributes(cell)}/></style:style>"
        )
        header_cell = {**cell, "fo:background-color": "#eef4f7"}
        self._automatic(
            f'<style:style style:name="{name}.Header" style:family="table-cell">'
            f"<style:table-cell-properties{_attributes(header_cell)}/></style:style>"
        )
        # A row is not split over two pages; a sign-in sheet's rows leave room to sign.
        row = {"fo:keep-together": "always", **({"style:min-row-height": "0.9cm"} if tall else {})}
        self._automatic(
            f'<style:style style:name="{name}.Row" style:family="table-row">'
            f"<style:table-row-properties{_attributes(row)}/></style:style>"
        )
        table = odfdo.Element.from_tag("table:table")
        table.set_attribute("table:name", table_name)
        table.set_attribute("table:style-name", name)
        for n, width in enumerate(widths):
            column_style = f"{name}.C{n + 1}"
            self._automatic(
                f'<style:style style:name="{column_style}" style:family="table-column">'
                f'<style:table-column-properties style:column-width="{width:.2f}cm"/>'
                "</style:style>"
            )
            column = odfdo.Element.from_tag("table:table-column")
            column.set_attribute("table:style-name", column_style)
            table.append(column)
        header_rows = odfdo.Element.from_tag("table:table-header-rows")
        header_rows.append(self._row(headers, f"{name}.Header", "Table_20_Heading", None))
        table.append(header_rows)
        spanned = {(r, c): count for r, c, count in spans}
        covered: set[tuple[int, int]] = set()
        for r, c, count in spans:
            covered.update((r + k, c) for k in range(1, count))
        for r, texts in enumerate(rows):
            table.append(
                self._row(
                    texts,
                    f"{name}.Cell",
                    "Table_20_Contents",
                    f"{name}.Row",
                    spans={c: spanned[r, c] for c in range(len(texts)) if (r, c) in spanned},
                    covered={c for c in range(len(texts)) if (r, c) in covered},
                )
            )
        self.body.append(table)

    def _row(
        self,
        texts: Sequence[str],
        cell_style: str,
        paragraph_style: str,
        row_style: str | None,
        *,
        spans: dict[int, int] | None = None,
        covered: set[int] | None = None,
    ) -> Element:
        odfdo = self.odfdo
        row: Element = odfdo.Element.from_tag("table:table-row")
        if row_style:
            row.set_attribute("table:style-name", row_style)
        for c, text in enumerate(texts):
            if covered and c in covered:
                row.append(odfdo.Element.from_tag("table:covered-table-cell"))
                continue
            cell = odfdo.Element.from_tag("table:table-cell")
            cell.set_attribute("table:style-name", cell_style)
            cell.set_attribute("office:value-type", "string")
            if spans and c in spans and spans[c] > 1:
                cell.set_attribute("table:number-rows-spanned", str(spans[c]))
            cell.append(self._paragraph(text, paragraph_style))
            row.append(cell)
        return row

    def table(self, view: MeetingView) -> None:
        columns, days = self.programme(view)
        widths = programme_widths(len(columns), _WIDTH_CM)
        rows: list[tuple[str, ...]] = []
        spans: list[tuple[int, int, int]] = []
        for day in days:
            first = len(rows)
            for n, texts in enumerate(day.rows):
                head = (day.date, day.venue) if n == 0 else ("", "")
                rows.append((*head, *texts))
            if len(day.rows) > 1:
                spans += [(first, 0, len(day.rows)), (first, 1, len(day.rows))]
        self.grid("Programme", columns, widths, rows, spans=spans)

    def save(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()
