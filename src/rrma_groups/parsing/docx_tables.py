"""Word documents (.docx): python-docx loaded on demand, and the programme tables of a document
as tab-separated text for :func:`~rrma_groups.parsing.tables.parse_table`.

Word documents are optional: python-docx is installed with ``pip install "rrma-groups[office]"``.
Without it, :func:`docx_module` raises :class:`DocxEngineError`, which says what to install.

A document is read as it is checked: first as a zip archive, with the number of its entries and
their total size once uncompressed bounded (a "zip bomb" is refused before python-docx opens
it), then by python-docx. Every table whose header row names programme columns (Heure, Activité,
Animateur... in French, English or Arabic) becomes rows of tab-separated text under one header;
a merged cell (a day's Date or Lieu written once over its rows) is written on its first row and
left empty below, which the table reader reads as "same as above". A paragraph holding only a
date, just above a table, gives that table its day.
"""

from __future__ import annotations

import importlib
import io
import os
import re
import zipfile
from collections.abc import Iterator
from types import ModuleType
from typing import Any, Final

from ..errors import RrmaError
from ..i18n.catalog import N_
from ..messages import Count, Msg
from .columns import column_of, lone_date

__all__ = [
    "DOCX_INSTALL",
    "MAX_DOCX_ENTRIES",
    "MAX_DOCX_SIZE",
    "MAX_DOCX_UNCOMPRESSED",
    "DocxEngineError",
    "DocxError",
    "DocxReadError",
    "docx_module",
    "docx_text",
    "is_docx",
]

DOCX_INSTALL: Final = N_('pip install "rrma-groups[office]" (python-docx)')
"""What to install for Word documents, as the errors say it."""

MAX_DOCX_SIZE: Final = 32 * 1024 * 1024
"""The largest .docx file read, in bytes."""
MAX_DOCX_UNCOMPRESSED: Final = 128 * 1024 * 1024
"""The largest total size of a .docx archive's entries once uncompressed, in bytes."""
MAX_DOCX_ENTRIES: Final = 4096
"""The most entries a .docx archive may have."""

_ZIP_SIGNATURE: Final = b"PK\x03\x04"
# Word saves a password-protected document as an OLE compound file, not as a zip archive.
_OLE_SIGNATURE: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DOCUMENT_PART: Final = "word/document.xml"
# Directional isolates: Word documents give direction to runs (w:rtl), not to characters.
_ISOLATES: Final = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069"))
_SPACES: Final = re.compile(r"[ \t\r\n\v\f]+")


class DocxError(RrmaError):
    """A Word document that cannot be written or read."""

    code = "docx_error"


class DocxEngineError(DocxError, RuntimeError):
    """python-docx is not installed."""

    code = "docx_engine_missing"

    def __init__(self) -> None:
        self.install = DOCX_INSTALL
        super().__init__(install=Msg(self.install))


class DocxReadError(DocxError, ValueError):
    """A file that is not a readable .docx: not a zip archive, an archive of something else,
    damaged, encrypted or too large once uncompressed. ``path`` names the file."""

    code = "docx_unreadable"

    def __init__(self, path: str, reason: Msg) -> None:
        self.path = path
        super().__init__(path=path, reason=reason)


def docx_module() -> ModuleType:
    """python-docx's ``docx`` module; :class:`DocxEngineError` when it is not installed."""
    try:
        return importlib.import_module("docx")
    except ImportError:
        raise DocxEngineError() from None


def is_docx(data: bytes) -> bool:
    """True when ``data`` is a zip archive with a Word document part (``word/document.xml``)."""
    if not data.startswith(_ZIP_SIGNATURE):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return _DOCUMENT_PART in archive.NameToInfo
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False


def _checked(data: bytes, path: str) -> None:
    """Refuse what is no .docx, or an archive too large to open, before python-docx reads it."""
    if data.startswith(_OLE_SIGNATURE):
        raise DocxReadError(path, Msg(N_("it is encrypted (protected by a password)")))
    if not data.startswith(_ZIP_SIGNATURE):
        raise DocxReadError(path, Msg(N_("it is not a zip archive")))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        reason = Msg(N_("the archive is damaged or cut short ({error})"), {"error": str(exc)})
        raise DocxReadError(path, reason) from None
    if len(entries) > MAX_DOCX_ENTRIES:
        reason = Msg(
            N_("the archive has {count} entries, more than {limit}"),
            {"count": Count(len(entries)), "limit": Count(MAX_DOCX_ENTRIES)},
        )
        raise DocxReadError(path, reason)
    # The sizes are those of the archive's directory; zipfile stops reading an entry at its
    # stated size and checks its CRC, so an entry cannot unpack to more than is counted here.
    total = sum(entry.file_size for entry in entries)
    if total > MAX_DOCX_UNCOMPRESSED:
        reason = Msg(
            N_("the archive unpacks to {size} bytes, more than {limit}"),
            {"size": Count(total), "limit": Count(MAX_DOCX_UNCOMPRESSED)},
        )
        raise DocxReadError(path, reason)
    if any(entry.flag_bits & 0x1 for entry in entries):
        raise DocxReadError(path, Msg(N_("it is encrypted (protected by a password)")))
    if not any(entry.filename == _DOCUMENT_PART for entry in entries):
        reason = Msg(
            N_("the archive has no {part}: it is not a Word document"), {"part": _DOCUMENT_PART}
        )
        raise DocxReadError(path, reason)


def _read(path: os.PathLike[str]) -> bytes:
    source = os.fspath(path)
    try:
        with open(source, "rb") as file:
            data = file.read(MAX_DOCX_SIZE + 1)
    except OSError as exc:
        reason = Msg(N_("cannot be read ({error})"), {"error": exc.strerror or str(exc)})
        raise DocxReadError(source, reason) from None
    if len(data) > MAX_DOCX_SIZE:
        reason = Msg(N_("the file is larger than {limit} bytes"), {"limit": Count(MAX_DOCX_SIZE)})
        raise DocxReadError(source, reason)
    return data


def docx_text(document: bytes | os.PathLike[str], *, source: str | None = None) -> str:
    """The programme of a .docx (its content, or a path to it) as the table reader reads it.

    The tables whose header row names programme columns, as tab-separated rows under one
    header; without such a table, every table as it is (the reader tells the columns by their
    cells); without any table, the document's paragraphs, one a line.

    :raises DocxReadError: the file is no readable .docx (named by ``source``, or its path).
    :raises DocxEngineError: python-docx is not installed.
    """
    if isinstance(document, bytes):
        data, path = document, source or "<docx>"
    else:
        data, path = _read(document), source or os.fspath(document)
    _checked(data, path)
    docx = docx_module()
    try:
        opened = docx.Document(io.BytesIO(data))
        blocks = list(_blocks(opened))
    except Exception as exc:  # python-docx raises many kinds (KeyError, lxml's, its own)
        reason = Msg(N_("python-docx cannot read it ({error})"), {"error": str(exc) or repr(exc)})
        raise DocxReadError(path, reason) from None
    return _as_tsv(blocks)


# A block of the document's body, in order: a paragraph's text, or a table's rows of cells.
_Block = str | list[list[str]]


def _clean(text: str) -> str:
    """The text on one line, without isolates; a no-break space is kept."""
    return _SPACES.sub(" ", text.translate(_ISOLATES)).strip()


def _blocks(document: Any) -> Iterator[_Block]:
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            yield _table_rows(block)
        else:
            yield _clean(block.text)


def _table_rows(table: Any) -> list[list[str]]:
    """The table's rows, a merged cell's text on its first row and column only."""
    rows: list[list[str]] = []
    above: list[Any] = []
    for row in table.rows:
        cells = list(row.cells)
        texts = []
        for n, cell in enumerate(cells):
            tc = cell._tc  # the same cell element is repeated over the grid it spans
            merged = (n > 0 and cells[n - 1]._tc is tc) or (n < len(above) and above[n] is tc)
            texts.append("" if merged else _clean(" ".join(p.text for p in cell.paragraphs)))
        above = [cell._tc for cell in cells]
        rows.append(texts)
    return rows


def _is_header(row: list[str]) -> bool:
    known = {column_of(cell) for cell in row} - {None}
    return len(known) >= 2 and bool(known & {"title", "time", "start"})


def _as_tsv(blocks: list[_Block]) -> str:
    tables: list[tuple[str | None, list[list[str]]]] = []
    day: str | None = None
    for block in blocks:
        if isinstance(block, str):
            if block:
                date = block.rstrip(":").strip()
                day = date if lone_date([date]) is not None else None
        else:
            tables.append((day, block))
            day = None
    if not tables:
        return "\n".join(block for block in blocks if isinstance(block, str) and block) + "\n"
    programme = [(d, rows) for d, rows in tables if rows and _is_header(rows[0])]
    if not programme:
        return "\n".join("\t".join(row) for _, rows in tables for row in rows) + "\n"
    # One header for all the tables: their columns in order of first appearance.
    keys: list[str] = []
    names: dict[str, str] = {}
    for day, rows in programme:
        if day is not None and "date" not in names:
            keys.insert(0, "date")
            names["date"] = "Date"
        for name in rows[0]:
            key = column_of(name) or name
            if key not in names:
                keys.append(key)
                names[key] = name
    lines = ["\t".join(names[key] for key in keys)]
    for day, rows in programme:
        header = [column_of(name) or name for name in rows[0]]
        for n, row in enumerate(rows[1:]):
            if not any(row):
                continue
            by_key = dict(zip(header, row, strict=False))
            if n == 0 and day is not None and not by_key.get("date"):
                by_key["date"] = day
            lines.append("\t".join(by_key.get(key, "") for key in keys))
    return "\n".join(lines) + "\n"
