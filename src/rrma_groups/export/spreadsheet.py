"""Spreadsheets (.xlsx, .ods): the directory of actors as a sheet to sort, filter and fill in.

:func:`directory_xlsx` writes an Excel workbook (with openpyxl) and :func:`directory_ods` an
OpenDocument spreadsheet (with odfdo) of the same table as the CSV directory
(:func:`~rrma_groups.render.directory.render_directory` with ``"csv"``): one row per actor, with
its id and website, the same filters and sort order, the same text in each cell. Both take the
filters of :func:`~rrma_groups.activity.directory.directory`. The workbook has one sheet, named
in the language ("Annuaire des acteurs"), whose header row is in the language, in bold, frozen
(it stays in view when scrolling), repeated on each printed page and fitted with filter buttons;
the columns are as wide as their content, up to a limit past which text wraps. In Arabic the
sheet runs right to left (its first column on the right). Both print in landscape (A4 for the
.ods), scaled to the width of one page and as many pages long as needed.

Cells are typed: numbers are numbers and dates are dates (in the tables that have them:
:func:`table_xlsx` and :func:`table_ods` write any :class:`~rrma_groups.render.data_tables.Table`),
everything else, codes, addresses and e-mails included, is text. A text that a spreadsheet would
read as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab...) is neutralised as in the
CSV file (:func:`~rrma_groups.render.data_tables.neutralise_formula`: a leading apostrophe, so
that both files say the same) and written as a string cell (``t="s"`` in .xlsx,
``office:value-type="string"`` in .ods): it is never a formula.

Spreadsheets are optional: ``pip install "rrma-groups[office]"`` installs openpyxl and odfdo.
Without them, :class:`XlsxEngineError` and :class:`OdfEngineError` say what to install.

>>> from rrma_groups import examples
>>> data = directory_xlsx(examples.groupe_pays_maroc(), "ar", kinds=["association"])
>>> data[:2]
b'PK'
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any, Final
from xml.sax.saxutils import quoteattr

from typing_extensions import Unpack

from ..activity.directory import DirectoryFilters, directory
from ..errors import EngineError
from ..i18n.bidi import balance_isolates
from ..i18n.catalog import N_, translator
from ..i18n.locales import is_rtl, normalize_locale, to_bcp47
from ..model import CountryGroup
from ..parsing.odt_tables import ODF_INSTALL, OdfEngineError
from ..render.common import display_width
from ..render.data_tables import Cell, Table, neutralise_formula
from ..render.directory import directory_table

__all__ = [
    "MAX_COLUMN_WIDTH",
    "ODF_INSTALL",
    "XLSX_INSTALL",
    "OdfEngineError",
    "XlsxEngineError",
    "directory_ods",
    "directory_xlsx",
    "sheet_name",
    "table_ods",
    "table_xlsx",
]

XLSX_INSTALL: Final = N_('pip install "rrma-groups[office]" (openpyxl)')
"""What to install for Excel spreadsheets, as the errors say it."""

MAX_COLUMN_WIDTH: Final = 48
"""The widest column, in characters; longer text wraps inside its cell."""
_MIN_COLUMN_WIDTH: Final = 6

# The sheet's name: "Directory of actors" (the same words as the directory's title).
_SHEET = N_("Directory of actors")
# Excel's limits on a sheet's name: 31 characters, none of []:*?/\, no apostrophe at either end.
_SHEET_FORBIDDEN: Final = re.compile(r"[\[\]:*?/\\]")
_MAX_SHEET_NAME: Final = 31
# XML 1.0 has no place for these controls (openpyxl refuses them, lxml too); a table built
# from the data never has them (the model refuses them), but any Table may be written here.
_NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")


class XlsxEngineError(EngineError):
    """openpyxl, which writes Excel spreadsheets, is not installed."""

    code = "xlsx_engine_missing"
    module = "openpyxl"
    install = XLSX_INSTALL


def sheet_name(text: str) -> str:
    """``text`` as a sheet's name that Excel and LibreOffice take: at most 31 characters, none
    of ``[]:*?/\\``, no apostrophe at either end.

    >>> sheet_name("Annuaire : acteurs [2026]")
    'Annuaire   acteurs  2026'
    """
    name = _SHEET_FORBIDDEN.sub(" ", _NOT_XML.sub("", text)).strip().strip("'")
    return name[:_MAX_SHEET_NAME].rstrip().rstrip("'") or "1"


# --- the cells, as both formats write them -----------------------------------------------------


def _value(cell: Cell) -> str | int | float | dt.date:
    """What a cell holds: a number for a number cell, a date for an ISO date, else the text of
    the CSV file (neutralised against formulas)."""
    raw = cell.data if cell.data is not None else cell.text
    if cell.kind == "number":
        try:
            return int(raw)
        except ValueError:
            try:
                return float(raw)
            except ValueError:
                pass
    elif cell.data is not None and _ISO_DATE.fullmatch(cell.data):
        try:
            return dt.date.fromisoformat(cell.data)
        except ValueError:
            pass
    return _text(raw)


def _text(text: str) -> str:
    return neutralise_formula(_NOT_XML.sub("\ufffd", balance_isolates(text)))


def _widths(headers: list[str], rows: list[list[str | int | float | dt.date]]) -> list[int]:
    """Each column's width in characters: its longest line, within bounds."""
    widths = []
    for column, header in enumerate(headers):
        texts = [header] + [_shown(row[column]) for row in rows]
        longest = max(display_width(line) for text in texts for line in text.split("\n"))
        widths.append(min(max(longest + 2, _MIN_COLUMN_WIDTH), MAX_COLUMN_WIDTH))
    return widths


def _shown(value: str | int | float | dt.date) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _prepared(table: Table) -> tuple[list[str], list[list[str | int | float | dt.date]]]:
    headers = [_text(header) for header in table.headers]
    return headers, [[_value(cell) for cell in row] for row in table.rows]


# --- .xlsx -----------------------------------------------------------------------------------


def table_xlsx(table: Table, lang: str, *, sheet: str, title: str = "") -> bytes:
    """An Excel workbook (.xlsx) of ``table``: one sheet named ``sheet`` (made acceptable by
    :func:`sheet_name`), right to left when ``lang`` is, the header row frozen.

    ``title`` is the workbook's title in its properties. :class:`XlsxEngineError` when openpyxl
    is missing.
    """
    openpyxl = XlsxEngineError.load()
    # Through the module (imported with it): openpyxl has no type information of its own.
    Alignment, Font, PatternFill = (
        openpyxl.styles.Alignment,
        openpyxl.styles.Font,
        openpyxl.styles.PatternFill,
    )
    get_column_letter = openpyxl.utils.get_column_letter

    language = normalize_locale(lang)
    rtl = is_rtl(language)
    headers, rows = _prepared(table)
    widths = _widths(headers, rows)
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = sheet_name(sheet)
    ws.sheet_view.rightToLeft = rtl
    order = 2 if rtl else 1  # the reading order of a cell's text: 1 left to right, 2 right to left
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="EEF4F7")
    for column, header in enumerate(headers, 1):
        cell = ws.cell(row=1, column=column)
        _string(cell, header)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(vertical="top", wrap_text=True, readingOrder=order)
    wrapped = [width == MAX_COLUMN_WIDTH for width in widths]
    alignments = {
        wrap: Alignment(vertical="top", wrap_text=wrap, readingOrder=order)
        for wrap in (False, True)
    }
    for number, values in enumerate(rows, 2):
        for column, value in enumerate(values, 1):
            cell = ws.cell(row=number, column=column)
            if isinstance(value, str):
                if value:  # an empty cell stays empty, without a value
                    _string(cell, value)
            else:
                cell.value = value
                if isinstance(value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
            cell.alignment = alignments[wrapped[column - 1]]
    for column, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(column)].width = width
    # Spreadsheets do not all grow a row to fit its wrapped text when they open a file
    # (LibreOffice keeps the default height): the rows that wrap get their height here.
    for number, values in enumerate(rows, 2):
        lines = max(
            (
                _lines(_shown(value), width)
                for value, width, wrap in zip(values, widths, wrapped, strict=True)
                if wrap
            ),
            default=1,
        )
        if lines > 1:
            ws.row_dimensions[number].height = _LINE_HEIGHT * lines
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"  # printed as wide as the page, as long as needed
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    last = get_column_letter(len(headers))
    ws.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
    workbook.properties.title = title or None
    workbook.properties.language = to_bcp47(language)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


_LINE_HEIGHT: Final = 15  # points: a line of the default font (Calibri 11)


def _lines(text: str, width: int) -> int:
    """About how many lines ``text`` takes once wrapped in a column ``width`` characters wide."""
    usable = max(width - 3, 1)
    return sum(max(1, -(-display_width(line) // usable)) for line in text.split("\n"))


def _string(cell: Any, text: str) -> None:
    """A string cell, whatever its text: openpyxl takes a text starting with "=" for a formula,
    so the type is set after the value."""
    cell.value = text
    cell.data_type = "s"


# --- .ods ------------------------------------------------------------------------------------

_CHARACTER_CM: Final = 0.2  # the width of a character of the default font (10 pt), in cm
_MASTER_PAGE: Final = "rrma-print"
# The print setup of the .xlsx: A4 landscape, as wide as one page (style:scale-to-X, without
# style:scale-to-Y: as many pages down as needed), as LibreOffice writes it; the sheet's
# direction is the table's (style:writing-mode on its style), not the page's. No header or
# footer: the template's say "Page" in English.
_PAGE_LAYOUT: Final = (
    '<style:page-layout style:name="rrma-page"><style:page-layout-properties '
    'fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape" '
    'fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="1.5cm" '
    'fo:margin-right="1.5cm" style:print-page-order="ttb" style:scale-to-X="1" '
    'style:writing-mode="lr-tb"/></style:page-layout>'
)
_MASTER: Final = (
    f'<style:master-page style:name="{_MASTER_PAGE}" style:page-layout-name="rrma-page">'
    '<style:header style:display="false"/><style:footer style:display="false"/>'
    "</style:master-page>"
)


def table_ods(table: Table, lang: str, *, sheet: str, title: str = "") -> bytes:
    """An OpenDocument spreadsheet (.ods) of ``table``: one sheet named ``sheet`` (made
    acceptable by :func:`sheet_name`), right to left when ``lang`` is (``style:writing-mode``
    ``rl-tb``), the header row frozen (the view settings LibreOffice reads) and printed on each
    page, A4 landscape, one page wide.

    ``title`` is the document's title in its metadata. :class:`OdfEngineError` when odfdo is
    missing.
    """
    odfdo = OdfEngineError.load()
    language = normalize_locale(lang)
    name = sheet_name(sheet)
    headers, rows = _prepared(table)
    widths = _widths(headers, rows)
    document = odfdo.Document("spreadsheet")
    mode = "rl-tb" if is_rtl(language) else "lr-tb"
    # Each cell's text in the sheet's direction: in Arabic, Latin names align right too.
    paragraph = f'<style:paragraph-properties style:writing-mode="{mode}"/>'
    styles = [
        '<style:style style:name="rrma-sheet" style:family="table" '
        f'style:master-page-name="{_MASTER_PAGE}"><style:table-properties table:display="true" '
        f'style:writing-mode="{mode}"/></style:style>',
        '<style:style style:name="rrma-header" style:family="table-cell" '
        'style:parent-style-name="Default"><style:table-cell-properties '
        'fo:background-color="#eef4f7" style:vertical-align="top" fo:wrap-option="wrap"/>'
        f'{paragraph}<style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" '
        'style:font-weight-complex="bold"/></style:style>',
        '<style:style style:name="rrma-cell" style:family="table-cell" '
        'style:parent-style-name="Default"><style:table-cell-properties '
        f'style:vertical-align="top"/>{paragraph}</style:style>',
        '<style:style style:name="rrma-wrap" style:family="table-cell" '
        'style:parent-style-name="Default"><style:table-cell-properties '
        f'style:vertical-align="top" fo:wrap-option="wrap"/>{paragraph}</style:style>',
        '<number:date-style style:name="rrma-date"><number:year number:style="long"/>'
        '<number:text>-</number:text><number:month number:style="long"/>'
        '<number:text>-</number:text><number:day number:style="long"/></number:date-style>',
        '<style:style style:name="rrma-date-cell" style:family="table-cell" '
        'style:parent-style-name="Default" style:data-style-name="rrma-date">'
        f'<style:table-cell-properties style:vertical-align="top"/>{paragraph}</style:style>',
    ]
    for column, width in enumerate(widths):
        styles.append(
            f'<style:style style:name="rrma-column-{column}" style:family="table-column">'
            f'<style:table-column-properties style:column-width="{width * _CHARACTER_CM:.2f}cm"/>'
            "</style:style>"
        )
    for style in styles:
        document.insert_style(style, automatic=True)
    _print_setup(document)
    body = document.body
    body.clear()
    sheet_table = odfdo.Table(name, style="rrma-sheet")
    for column in range(len(widths)):
        wraps = widths[column] == MAX_COLUMN_WIDTH
        sheet_table.append(
            odfdo.Column(
                style=f"rrma-column-{column}",
                default_cell_style="rrma-wrap" if wraps else "rrma-cell",
            )
        )
    header_rows = odfdo.Element.from_tag("table:table-header-rows")
    header_row = odfdo.Row()
    for header in headers:
        header_row.append(_ods_cell(odfdo, header, "rrma-header"))
    header_rows.append(header_row)
    sheet_table.append(header_rows)
    for values in rows:
        row = odfdo.Row()
        for column, value in enumerate(values):
            style = "rrma-wrap" if widths[column] == MAX_COLUMN_WIDTH else "rrma-cell"
            if isinstance(value, dt.date):
                style = "rrma-date-cell"
            row.append(_ods_cell(odfdo, value, style))
        sheet_table.append(row)
    body.append(sheet_table)
    last = _column_letters(len(headers))
    quoted = "'" + name.replace("'", "''") + "'"
    body.append(
        odfdo.Element.from_tag(
            "<table:database-ranges><table:database-range "
            'table:name="__Anonymous_Sheet_DB__0" table:target-range-address='
            f"{quoteattr(f'{quoted}.A1:{quoted}.{last}{len(rows) + 1}')} "
            'table:display-filter-buttons="true"/></table:database-ranges>'
        )
    )
    _freeze_header(odfdo, document, name)
    if title:
        document.meta.title = title
    document.meta.language = to_bcp47(language)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _print_setup(document: Any) -> None:
    """The page the sheet prints on (styles.xml): :data:`_PAGE_LAYOUT` through the master page
    that the sheet's style names; the header row, in ``table:table-header-rows``, is printed
    again at the top of each page."""
    document.insert_style(_PAGE_LAYOUT)
    document.insert_style(_MASTER)


def _ods_cell(odfdo: Any, value: str | int | float | dt.date, style: str) -> Any:
    if value == "":
        return odfdo.Cell(style=style)
    if not isinstance(value, str):
        return odfdo.Cell(value, style=style)
    # Typed as a string, whatever the text (never a formula), one paragraph a line.
    cell = odfdo.Cell(value, cell_type="string", style=style)
    if "\n" in value:
        for child in cell.children:
            cell.delete(child)
        for line in value.split("\n"):
            cell.append(odfdo.Paragraph(line))
    return cell


def _column_letters(number: int) -> str:
    """The letters of a column from its number (1: A, 27: AA)."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _freeze_header(odfdo: Any, document: Any, name: str) -> None:
    """The view settings that keep the first row in view: the window split under it
    (``VerticalSplitMode`` 2, a frozen split, at row 1) and the lower pane scrolling from row 1
    (``PositionBottom``); no split between columns (``HorizontalSplitMode`` 0).

    odfdo reads and writes these settings but has no helper for a frozen pane: the view
    settings are written whole, in place of the template's (which name its own sheet).
    """
    items = {
        "HorizontalSplitMode": ("short", "0"),
        "VerticalSplitMode": ("short", "2"),
        "HorizontalSplitPosition": ("int", "0"),
        "VerticalSplitPosition": ("int", "1"),
        "ActiveSplitRange": ("short", "2"),
        "PositionLeft": ("int", "0"),
        "PositionRight": ("int", "0"),
        "PositionTop": ("int", "0"),
        "PositionBottom": ("int", "1"),
    }
    entry = "".join(
        f'<config:config-item config:name="{key}" config:type="{kind}">{value}</config:config-item>'
        for key, (kind, value) in items.items()
    )
    escaped = quoteattr(name)
    text_name = escaped[1:-1]
    view = odfdo.Element.from_tag(
        '<config:config-item-set config:name="ooo:view-settings">'
        '<config:config-item-map-indexed config:name="Views"><config:config-item-map-entry>'
        '<config:config-item config:name="ViewId" config:type="string">view1</config:config-item>'
        '<config:config-item-map-named config:name="Tables">'
        f"<config:config-item-map-entry config:name={escaped}>{entry}"
        "</config:config-item-map-entry></config:config-item-map-named>"
        f'<config:config-item config:name="ActiveTable" config:type="string">{text_name}'
        "</config:config-item></config:config-item-map-entry></config:config-item-map-indexed>"
        "</config:config-item-set>"
    )
    settings = document.settings.body
    old = settings.get_element('config:config-item-set[@config:name="ooo:view-settings"]')
    if old is not None:
        settings.delete(old)
    settings.insert(view, position=0)


# --- the directory ---------------------------------------------------------------------------


def _directory(
    group: CountryGroup, lang: str | None, filters: DirectoryFilters
) -> tuple[Table, str, str, str]:
    language = normalize_locale(lang or group.default_language)
    entries = directory(group, lang=language, **filters)
    table = directory_table(group, entries, language, extended=True)
    words = translator(language).gettext(_SHEET)
    name = group.name.get(language, group.default_language)
    return table, language, words, f"{words} — {name}"


def directory_xlsx(
    group: CountryGroup,
    lang: str | None = None,
    **filters: Unpack[DirectoryFilters],
) -> bytes:
    """The directory of ``group``'s actors as an Excel workbook (.xlsx), in ``lang`` (by
    default the group's language).

    ``filters`` (``kinds``, ``themes``... and ``sort``) are those of
    :func:`~rrma_groups.activity.directory.directory`;
    the rows and cells are those of the CSV directory. Raises :class:`XlsxEngineError` when
    openpyxl is missing and :class:`~rrma_groups.activity.directory.DirectoryError` for an
    unknown filter value or sort key.
    """
    XlsxEngineError.load()  # before any work: the missing engine is the first thing said
    table, language, sheet, title = _directory(group, lang, filters)
    return table_xlsx(table, language, sheet=sheet, title=title)


def directory_ods(
    group: CountryGroup,
    lang: str | None = None,
    **filters: Unpack[DirectoryFilters],
) -> bytes:
    """The directory of ``group``'s actors as an OpenDocument spreadsheet (.ods), in ``lang``
    (by default the group's language).

    ``filters`` (``kinds``, ``themes``... and ``sort``) are those of
    :func:`~rrma_groups.activity.directory.directory`;
    the rows and cells are those of the CSV directory. Raises :class:`OdfEngineError` when
    odfdo is missing and :class:`~rrma_groups.activity.directory.DirectoryError` for an
    unknown filter value or sort key.
    """
    OdfEngineError.load()
    table, language, sheet, title = _directory(group, lang, filters)
    return table_ods(table, language, sheet=sheet, title=title)
