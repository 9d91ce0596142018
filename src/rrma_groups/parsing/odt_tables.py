"""OpenDocument texts (.odt, and flat .fodt): the programme tables of a document as tab-separated
text for :func:`~rrma_groups.parsing.tables.parse_table`.

A document is read as it is checked. A zipped .odt first passes the archive checks shared with
Word documents (:mod:`~rrma_groups.parsing.office_archive`: size, number of entries, total size
once uncompressed, zip encryption); then its ``mimetype`` must be that of a text, its manifest
must declare no encrypted entry (ODF encryption, ``manifest:encryption-data``), and it must have
a ``content.xml``. A flat OpenDocument text is one XML file, ``office:document``.

Every table whose header row names programme columns (Heure, Activité, Animateur... in French,
English or Arabic) becomes rows of tab-separated text under one header. A cell spanning several
rows (``table:number-rows-spanned``, a day's Date or Lieu written once) is written on its first
row and its covered cells (``table:covered-table-cell``) are left empty, which the table reader
reads as "same as above". The paragraphs and line breaks of a cell are joined by spaces. A
paragraph holding only a date, just above a table, gives that table its day.

The XML is read with the standard library's expat parser, as a stream, rather than with odfdo:
reading needs no optional package, a large document is not held in memory as a tree, and a
document type declaration (which ODF never has, and through which entities expand: the
"billion laughs") is refused as soon as the parser meets it.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from typing import IO, Final, NoReturn
from xml.parsers import expat

from ..errors import EngineError, RrmaError
from ..i18n.catalog import N_
from ..messages import Msg
from .office_archive import (
    DAMAGED,
    ENCRYPTED,
    ZIP_SIGNATURE,
    Block,
    archive_entries,
    clean_text,
    document_bytes,
    programme_tsv,
)

__all__ = [
    "ODF_INSTALL",
    "ODT_MIMETYPES",
    "ODT_SUFFIXES",
    "OdfEngineError",
    "OdtEngineError",
    "OdtError",
    "OdtReadError",
    "is_odt",
    "odt_text",
]

ODF_INSTALL: Final = N_('pip install "rrma-groups[office]" (odfdo)')
"""What to install to write OpenDocument files (texts and spreadsheets), as the errors say it."""

ODT_MIMETYPES: Final = (
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.text-template",
)
"""The media types of the documents read: a text and a text template."""

ODT_SUFFIXES: Final = (".odt", ".fodt", ".ott")
"""The file names read as OpenDocument texts, whatever their first bytes."""

_OFFICE: Final = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT: Final = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE: Final = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_MANIFEST: Final = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
_CONTENT: Final = "content.xml"
_MANIFEST_PART: Final = "META-INF/manifest.xml"
# Repeated cells and rows are written out up to these counts (an empty cell repeated to the
# end of a spreadsheet-like table adds nothing).
_MOST_COLUMNS: Final = 256
_MOST_REPEATS: Final = 1000
_MOST_SPACES: Final = 1000
# Elements whose text is not the document's: comments, notes, tracked deletions, the titles
# and descriptions of pictures.
_SKIPPED: Final = frozenset(
    {
        f"{_OFFICE} annotation",
        f"{_TEXT} note",
        f"{_TEXT} tracked-changes",
        "http://www.w3.org/2000/svg title",
        "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0 title",
        "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0 desc",
        f"{_OFFICE} forms",
    }
)


class OdtError(RrmaError):
    """An OpenDocument text that cannot be written or read."""

    code = "odt_error"


class OdfEngineError(EngineError):
    """odfdo, which writes OpenDocument files (.odt, .ods), is not installed."""

    code = "odf_engine_missing"
    module = "odfdo"
    install = ODF_INSTALL


class OdtEngineError(OdtError, OdfEngineError):
    """odfdo is not installed, and an OpenDocument text was asked for."""

    code = "odf_engine_missing"


class OdtReadError(OdtError, ValueError):
    """A file that is not a readable OpenDocument text: not a zip archive (nor a flat .fodt),
    an archive of something else, damaged, encrypted, too large once uncompressed, or XML that
    declares entities. ``path`` names the file."""

    code = "odt_unreadable"

    def __init__(self, path: str, reason: Msg) -> None:
        self.path = path
        super().__init__(path=path, reason=reason)


def _flat(data: bytes) -> bool:
    """True when ``data`` looks like XML rather than an archive (a flat .fodt)."""
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def is_odt(data: bytes) -> bool:
    """True when ``data`` is an OpenDocument text: a zip archive whose ``mimetype`` is a
    text's, or a flat OpenDocument text (XML declaring that media type)."""
    if _flat(data):
        head = data[:65536]
        return any(f'office:mimetype="{m}"'.encode() in head for m in ODT_MIMETYPES)
    if not data.startswith(ZIP_SIGNATURE):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if archive.getinfo("mimetype").file_size > 256:
                return False
            return archive.read("mimetype").decode("ascii", "replace").strip() in ODT_MIMETYPES
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError):
        return False


def odt_text(document: bytes | os.PathLike[str], *, source: str | None = None) -> str:
    """The programme of an OpenDocument text (its content, or a path to it) as the table
    reader reads it.

    The tables whose header row names programme columns, as tab-separated rows under one
    header; without such a table, every table as it is (the reader tells the columns by their
    cells); without any table, the document's paragraphs, one a line. A flat OpenDocument text
    (.fodt) is read as well.

    :raises OdtReadError: the file is no readable OpenDocument text (named by ``source``, or
        its path).
    """
    if isinstance(document, bytes):
        data, path = document, source or "<odt>"
    else:
        data, path = document_bytes(document, OdtReadError), source or os.fspath(document)
    if _flat(data):
        reader = _Reader(path, "", flat=True)
        reader.read(io.BytesIO(data))
        if not reader.root_checked:
            _refuse(path, N_("it is not an OpenDocument text ({mimetype})"), mimetype="?")
        return programme_tsv(reader.blocks)
    entries = archive_entries(data, path, OdtReadError)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if "mimetype" in entries:
            mimetype = _small(archive, "mimetype", path).decode("ascii", "replace").strip()
            if mimetype not in ODT_MIMETYPES:
                _refuse(path, N_("it is not an OpenDocument text ({mimetype})"), mimetype=mimetype)
        if _MANIFEST_PART in entries:
            manifest = _Manifest(path, _MANIFEST_PART)
            _stream(archive, _MANIFEST_PART, path, manifest.read)
            if manifest.encrypted:
                _refuse(path, ENCRYPTED)
        if _CONTENT not in entries:
            _refuse(
                path, N_("the archive has no {part}: it is not an OpenDocument text"), part=_CONTENT
            )
        reader = _Reader(path, _CONTENT, flat=False)
        _stream(archive, _CONTENT, path, reader.read)
    return programme_tsv(reader.blocks)


def _refuse(path: str, template: str, **params: object) -> NoReturn:
    raise OdtReadError(path, Msg(template, params)) from None


def _damaged(path: str, exc: Exception) -> NoReturn:
    _refuse(path, DAMAGED, error=str(exc))


def _small(archive: zipfile.ZipFile, name: str, path: str) -> bytes:
    try:
        with archive.open(name) as entry:
            return entry.read(256)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        _damaged(path, exc)


def _stream(
    archive: zipfile.ZipFile, name: str, path: str, read: Callable[[IO[bytes]], None]
) -> None:
    try:
        with archive.open(name) as entry:
            read(entry)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:  # a CRC error, a cut stream
        _damaged(path, exc)


def _parser(path: str, part: str) -> expat.XMLParserType:
    """An expat parser that refuses any document type declaration (and so any entity)."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse(*_: object) -> None:
        _refuse(
            path,
            N_("{part} declares a DTD or entities, which an OpenDocument file never does"),
            part=part or os.path.basename(path),
        )

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    return parser


def _parse(parser: expat.XMLParserType, stream: IO[bytes], path: str, part: str) -> None:
    try:
        parser.ParseFile(stream)
    except expat.ExpatError as exc:
        _refuse(
            path,
            N_("{part} is not well-formed XML ({error!r})"),
            part=part or os.path.basename(path),
            error=expat.errors.messages[exc.code] if exc.code else str(exc),
        )


class _Manifest:
    """Reads META-INF/manifest.xml: is any entry encrypted?"""

    def __init__(self, path: str, part: str) -> None:
        self.path, self.part = path, part
        self.encrypted = False

    def read(self, stream: IO[bytes]) -> None:
        parser = _parser(self.path, self.part)

        def start(name: str, attributes: dict[str, str]) -> None:
            if name == f"{_MANIFEST} encryption-data":
                self.encrypted = True

        parser.StartElementHandler = start
        _parse(parser, stream, self.path, self.part)


class _Table:
    """A table being read: its rows, the row and the cell being read."""

    def __init__(self) -> None:
        self.rows: list[list[str]] = []
        self.row: list[str] = []
        self.row_repeats = 1
        self.cell: list[str] | None = None
        self.cell_repeats = 1


class _Reader:
    """Reads the body of content.xml (or of a flat document) into blocks, as a stream."""

    def __init__(self, path: str, part: str, *, flat: bool) -> None:
        self.path, self.part, self.flat = path, part, flat
        self.blocks: list[Block] = []
        self.root_checked = not flat
        self.in_body = False
        self.skipping = 0  # depth inside an element whose text is not read
        self.tables: list[_Table] = []
        self.paragraph: list[str] | None = None  # a paragraph outside tables
        self.paragraphs = 0  # depth of paragraphs (a text box in a paragraph holds others)

    def read(self, stream: IO[bytes]) -> None:
        parser = _parser(self.path, self.part)
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.characters
        parser.buffer_text = True
        _parse(parser, stream, self.path, self.part)

    def _out(self) -> list[str] | None:
        """Where text goes now: the cell being read, else the paragraph."""
        if self.tables:
            return self.tables[0].cell
        return self.paragraph

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if self.flat and not self.root_checked:
            mimetype = attributes.get(f"{_OFFICE} mimetype", "?")
            if name != f"{_OFFICE} document" or mimetype not in ODT_MIMETYPES:
                _refuse(
                    self.path, N_("it is not an OpenDocument text ({mimetype})"), mimetype=mimetype
                )
            self.root_checked = True
            return
        if self.skipping or name in _SKIPPED:
            self.skipping += 1
            return
        if name == f"{_OFFICE} body":
            self.in_body = True
        if not self.in_body:
            return
        if name == f"{_TABLE} table":
            if self.tables and self.tables[0].cell is None:
                self.skipping += 1  # a table outside any cell of the outer one
                return
            self.tables.append(_Table())
            return
        outer = self.tables[0] if len(self.tables) == 1 else None
        if outer is not None and name == f"{_TABLE} table-row":
            outer.row = []
            outer.row_repeats = _count(attributes.get(f"{_TABLE} number-rows-repeated"))
        elif outer is not None and name in (f"{_TABLE} table-cell", f"{_TABLE} covered-table-cell"):
            outer.cell = []
            outer.cell_repeats = _count(attributes.get(f"{_TABLE} number-columns-repeated"))
            if name == f"{_TABLE} covered-table-cell":
                self.skipping += 1  # what a covered cell holds is not shown
                outer.cell = None
                outer.row.extend([""] * min(outer.cell_repeats, _MOST_COLUMNS))
        elif name in (f"{_TEXT} p", f"{_TEXT} h"):
            out = self._out()
            if out is not None:
                out.append(" ")
            elif not self.tables:
                self.paragraph = []
            self.paragraphs += 1
        elif name == f"{_TEXT} s":
            out = self._out()
            if out is not None:
                out.append(" " * min(_count(attributes.get(f"{_TEXT} c")), _MOST_SPACES))
        elif name in (f"{_TEXT} tab", f"{_TEXT} line-break"):
            out = self._out()
            if out is not None:
                out.append(" ")
        elif len(self.tables) > 1 and name == f"{_TABLE} table-cell":
            cell = self.tables[0].cell
            if cell is not None:
                cell.append(" ")

    def end(self, name: str) -> None:
        if self.skipping:
            self.skipping -= 1
            return
        if not self.in_body:
            return
        if name == f"{_OFFICE} body":
            self.in_body = False
        elif name == f"{_TABLE} table":
            table = self.tables.pop()
            if not self.tables:
                self.blocks.append(table.rows)
        elif len(self.tables) == 1:
            table = self.tables[0]
            if name == f"{_TABLE} table-cell" and table.cell is not None:
                text = clean_text("".join(table.cell))
                room = _MOST_COLUMNS - len(table.row)
                table.row.extend([text] * max(0, min(table.cell_repeats, room)))
                table.cell = None
            elif name == f"{_TABLE} table-row":
                while table.row and not table.row[-1]:  # empty repeated cells at the end
                    table.row.pop()
                repeats = min(table.row_repeats, _MOST_REPEATS) if any(table.row) else 1
                table.rows.extend(list(table.row) for _ in range(repeats))
                table.row = []
            elif name in (f"{_TEXT} p", f"{_TEXT} h"):
                self.paragraphs -= 1
        elif name in (f"{_TEXT} p", f"{_TEXT} h"):
            self.paragraphs -= 1
            if not self.tables and self.paragraphs == 0 and self.paragraph is not None:
                self.blocks.append(clean_text("".join(self.paragraph)))
                self.paragraph = None

    def characters(self, data: str) -> None:
        if self.skipping or not self.in_body or not self.paragraphs:
            return
        out = self._out()
        if out is not None:
            out.append(data)


def _count(value: str | None) -> int:
    """A repeat count of the XML (1 when absent or unreadable)."""
    try:
        return max(1, int(value)) if value else 1
    except ValueError:
        return 1
