"""Tables of data (a directory, report figures) as text, Markdown, HTML and CSV.

A :class:`Table` holds cells already resolved for one language; the writers only lay them out,
each with its own escaping: Markdown cells are made inert, HTML cells escaped and isolated
(``<bdi>``) when their direction may differ from the page's, and CSV cells neutralised against
spreadsheet formula injection (see :func:`neutralise_formula`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Literal

from ..i18n.bidi import FSI, LRI, PDI, balance_isolates
from ..i18n.locales import is_rtl, to_bcp47
from .common import display_width, needs_isolation
from .markdown import escape_markdown
from .view import Piece

__all__ = [
    "Cell",
    "Table",
    "neutralise_formula",
    "table_csv",
    "table_html",
    "table_markdown",
    "table_text",
]

CellKind = Literal["text", "ltr", "number"]


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell: its text, the language it is in, and how it reads.

    ``kind`` is ``"ltr"`` for codes, dates and addresses (a left-to-right unit even in an
    Arabic table) and ``"number"`` for figures (aligned to the end). ``data`` is what a CSV
    file gets instead of the text, when it differs (a raw number rather than "1 234").
    """

    text: str
    lang: str | None = None
    kind: CellKind = "text"
    data: str | None = None

    @property
    def piece(self) -> Piece:
        return Piece(self.text, self.lang)


@dataclass(frozen=True, slots=True)
class Table:
    """Column headers and rows of cells, every row as long as the headers."""

    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]

    def __post_init__(self) -> None:
        for n, row in enumerate(self.rows):
            if len(row) != len(self.headers):
                raise ValueError(f"row {n} has {len(row)} cells, expected {len(self.headers)}")


def _plain(cell: Cell, lang: str) -> str:
    """The cell for a terminal: isolated in a right-to-left table when needed."""
    text = balance_isolates(cell.text)
    if not is_rtl(lang) or not text:
        return text
    if cell.kind != "text":
        return f"{LRI}{text}{PDI}"
    if needs_isolation(cell.piece, lang):
        return f"{FSI}{text}{PDI}"
    return text


def table_text(table: Table, lang: str) -> list[str]:
    """Aligned columns separated by two spaces, a dashed line under the headers."""
    rows = [list(table.headers)] + [[_plain(c, lang) for c in row] for row in table.rows]
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(table.headers))]
    lines = []
    for n, row in enumerate(rows):
        cells = [cell + " " * (widths[i] - display_width(cell)) for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def table_markdown(table: Table, lang: str) -> list[str]:
    """A pipe table; every cell escaped so that it cannot break the table or inject markup."""
    lines = ["| " + " | ".join(escape_markdown(h) for h in table.headers) + " |"]
    align = [
        "---:" if any(r[i].kind == "number" for r in table.rows) else "---"
        for i in range(len(table.headers))
    ]
    lines.append("|" + "|".join(align) + "|")
    for row in table.rows:
        lines.append("| " + " | ".join(escape_markdown(_plain(c, lang)) for c in row) + " |")
    return lines


def html_cell(cell: Cell, lang: str) -> str:
    """The escaped content of a cell, in ``<bdi>`` when its direction may differ."""
    text = escape(balance_isolates(cell.text))
    if not text:
        return ""
    if cell.kind != "text":
        return f'<bdi dir="ltr">{text}</bdi>' if is_rtl(lang) else text
    piece = cell.piece
    foreign = piece.lang is not None and piece.lang.split("_")[0] != lang.split("_")[0]
    if foreign and piece.lang is not None:
        return f'<bdi lang="{escape(to_bcp47(piece.lang))}">{text}</bdi>'
    if needs_isolation(piece, lang):
        return f"<bdi>{text}</bdi>"
    return text


def table_html(table: Table, lang: str, *, css_class: str = "data", caption: str = "") -> str:
    """An HTML table with a header row; number cells get ``class="num"``."""
    out = [f'<table class="{escape(css_class)}">']
    if caption:
        out.append(f"<caption>{escape(caption)}</caption>")
    out.append(
        "<thead><tr>"
        + "".join(f'<th scope="col">{escape(h)}</th>' for h in table.headers)
        + "</tr></thead>"
    )
    out.append("<tbody>")
    for row in table.rows:
        cells = []
        for cell in row:
            attrs = ' class="num"' if cell.kind == "number" else ""
            cells.append(f"<td{attrs}>{html_cell(cell, lang)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


# A spreadsheet reads a cell starting with one of these as a formula (OWASP's list, plus the
# full-width forms that some spreadsheets fold to ASCII). A tab or a carriage return first is
# dropped by some importers, exposing what follows.
_FORMULA_TRIGGERS = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")


def neutralise_formula(text: str) -> str:
    """A cell made inert for spreadsheets: a formula-like start gets a leading apostrophe.

    >>> neutralise_formula('=HYPERLINK("http://x","y")')
    '\\'=HYPERLINK("http://x","y")'
    >>> neutralise_formula("Limoges"), neutralise_formula("")
    ('Limoges', '')

    Leading spaces are looked through (`` =1+1`` is as dangerous as ``=1+1``). The apostrophe
    is what spreadsheets themselves use to say "text, not a formula".
    """
    if not text:
        return text
    first = text.lstrip(" \u00a0")[:1]
    if text[0] in _FORMULA_TRIGGERS or (first and first in _FORMULA_TRIGGERS):
        return "'" + text
    return text


def table_csv(table: Table, *, delimiter: str = ",", bom: bool = False) -> str:
    """RFC 4180 CSV (CRLF line ends, quotes doubled), every cell neutralised.

    ``bom=True`` starts the text with U+FEFF, which spreadsheet software needs to read UTF-8
    (Arabic names) correctly when the file is opened by double-click. French spreadsheets
    expect ``delimiter=";"``.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([neutralise_formula(balance_isolates(h)) for h in table.headers])
    for row in table.rows:
        cells = (c.data if c.data is not None else c.text for c in row)
        writer.writerow([neutralise_formula(balance_isolates(text)) for text in cells])
    return ("\ufeff" if bom else "") + buffer.getvalue()


def join_cells(texts: Sequence[str], separator: str) -> str:
    """Non-empty texts joined."""
    return separator.join(t for t in texts if t)
