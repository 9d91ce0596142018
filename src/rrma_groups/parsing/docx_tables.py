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

import io
import os
import zipfile
from collections.abc import Iterator
from types import ModuleType
from typing import Any, Final

from ..errors import EngineError, RrmaError
from ..i18n.catalog import N_
from ..messages import Msg
from .office_archive import (
    MAX_OFFICE_ENTRIES,
    MAX_OFFICE_SIZE,
    MAX_OFFICE_UNCOMPRESSED,
    ZIP_SIGNATURE,
    Block,
    archive_entries,
    clean_text,
    document_bytes,
    programme_tsv,
)

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

MAX_DOCX_SIZE: Final = MAX_OFFICE_SIZE
"""The largest .docx file read, in bytes."""
MAX_DOCX_UNCOMPRESSED: Final = MAX_OFFICE_UNCOMPRESSED
"""The largest total size of a .docx archive's entries once uncompressed, in bytes."""
MAX_DOCX_ENTRIES: Final = MAX_OFFICE_ENTRIES
"""The most entries a .docx archive may have."""

_DOCUMENT_PART: Final = "word/document.xml"


class DocxError(RrmaError):
    """A Word document that cannot be written or read."""

    code = "docx_error"


class DocxEngineError(DocxError, EngineError):
    """python-docx is not installed."""

    code = "docx_engine_missing"
    module = "docx"
    install = DOCX_INSTALL


class DocxReadError(DocxError, ValueError):
    """A file that is not a readable .docx: not a zip archive, an archive of something else,
    damaged, encrypted or too large once uncompressed. ``path`` names the file."""

    code = "docx_unreadable"

    def __init__(self, path: str, reason: Msg) -> None:
        self.path = path
        super().__init__(path=path, reason=reason)


def docx_module() -> ModuleType:
    """python-docx's ``docx`` module; :class:`DocxEngineError` when it is not installed."""
    return DocxEngineError.load()


def is_docx(data: bytes) -> bool:
    """True when ``data`` is a zip archive with a Word document part (``word/document.xml``)."""
    if not data.startswith(ZIP_SIGNATURE):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return _DOCUMENT_PART in archive.NameToInfo
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False


def _checked(data: bytes, path: str) -> None:
    """Refuse what is no .docx, or an archive too large to open, before python-docx reads it."""
    entries = archive_entries(data, path, DocxReadError)
    if _DOCUMENT_PART not in entries:
        reason = Msg(
            N_("the archive has no {part}: it is not a Word document"), {"part": _DOCUMENT_PART}
        )
        raise DocxReadError(path, reason)


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
        data, path = document_bytes(document, DocxReadError), source or os.fspath(document)
    _checked(data, path)
    docx = docx_module()
    try:
        opened = docx.Document(io.BytesIO(data))
        blocks = list(_blocks(opened))
    except Exception as exc:  # python-docx raises many kinds (KeyError, lxml's, its own)
        reason = Msg(N_("python-docx cannot read it ({error})"), {"error": str(exc) or repr(exc)})
        raise DocxReadError(path, reason) from None
    return programme_tsv(blocks)


def _blocks(document: Any) -> Iterator[Block]:
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            yield _table_rows(block)
        else:
            yield clean_text(block.text)


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
            texts.append("" if merged else clean_text(" ".join(p.text for p in cell.paragraphs)))
        above = [cell._tc for cell in cells]
        rows.append(texts)
    return rows
