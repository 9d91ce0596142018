"""Office documents as zip archives: the checks made before a reader opens one, shared by the
Word (:mod:`~rrma_groups.parsing.docx_tables`) and OpenDocument
(:mod:`~rrma_groups.parsing.odt_tables`) readers, and the table rows they both hand to
:func:`~rrma_groups.parsing.tables.parse_table` as tab-separated text.

A document is refused, with the reason, before its parts are read: a file larger than
:data:`MAX_OFFICE_SIZE`; anything that is not a zip archive (an OLE compound file, which is how
Office saves a document protected by a password, is said to be encrypted); a damaged archive;
an archive of more than :data:`MAX_OFFICE_ENTRIES` entries or unpacking to more than
:data:`MAX_OFFICE_UNCOMPRESSED` bytes (a "zip bomb"); an entry encrypted by zip itself. Each
reader then checks that the archive holds its kind of document. The errors are the reader's own
(a ``fail(path, reason)`` callable), so that each keeps its code and message.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Callable, Iterable
from typing import Final, NoReturn

from ..i18n.catalog import N_
from ..messages import Count, Msg
from .columns import column_of, lone_date

__all__ = [
    "MAX_OFFICE_ENTRIES",
    "MAX_OFFICE_SIZE",
    "MAX_OFFICE_UNCOMPRESSED",
    "Block",
    "DAMAGED",
    "ENCRYPTED",
    "Failure",
    "ZIP_SIGNATURE",
    "archive_entries",
    "clean_text",
    "document_bytes",
    "programme_tsv",
]

MAX_OFFICE_SIZE: Final = 32 * 1024 * 1024
"""The largest office document read, in bytes."""
MAX_OFFICE_UNCOMPRESSED: Final = 128 * 1024 * 1024
"""The largest total size of a document's entries once uncompressed, in bytes."""
MAX_OFFICE_ENTRIES: Final = 4096
"""The most entries a document's archive may have."""

ZIP_SIGNATURE: Final = b"PK\x03\x04"
"""The first bytes of a zip archive (of a .docx or .odt)."""
# Office saves a password-protected document as an OLE compound file, not as a zip archive.
_OLE_SIGNATURE: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED: Final = N_("it is encrypted (protected by a password)")
"""The reason given for a document protected by a password."""
DAMAGED: Final = N_("the archive is damaged or cut short ({error!r})")
"""The reason given for an archive that cannot be unpacked; ``error`` is zipfile's reason."""
# Directional isolates: the readers give back text without them.
_ISOLATES: Final = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069"))
_SPACES: Final = re.compile(r"[ \t\r\n\v\f]+")

Failure = Callable[[str, Msg], Exception]
"""How a reader refuses a document: ``fail(path, reason)`` gives the error to raise."""

Block = str | list[list[str]]
"""A block of a document's body, in order: a paragraph's text, or a table's rows of cells."""


def _refuse(fail: Failure, path: str, template: str, **params: object) -> NoReturn:
    raise fail(path, Msg(template, params)) from None


def document_bytes(path: os.PathLike[str], fail: Failure) -> bytes:
    """The content of the document at ``path``, refused past :data:`MAX_OFFICE_SIZE` bytes."""
    source = os.fspath(path)
    try:
        with open(source, "rb") as file:
            data = file.read(MAX_OFFICE_SIZE + 1)
    except OSError as exc:
        _refuse(fail, source, N_("cannot be read ({error})"), error=exc.strerror or str(exc))
    if len(data) > MAX_OFFICE_SIZE:
        _refuse(
            fail, source, N_("the file is larger than {limit} bytes"), limit=Count(MAX_OFFICE_SIZE)
        )
    return data


def archive_entries(data: bytes, path: str, fail: Failure) -> dict[str, zipfile.ZipInfo]:
    """The entries of the zip archive ``data`` by name, once it is known to be safe to open."""
    if data.startswith(_OLE_SIGNATURE):
        _refuse(fail, path, ENCRYPTED)
    if not data.startswith(ZIP_SIGNATURE):
        _refuse(fail, path, N_("it is not a zip archive"))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        _refuse(fail, path, DAMAGED, error=str(exc))
    if len(entries) > MAX_OFFICE_ENTRIES:
        _refuse(
            fail,
            path,
            N_("the archive has {count} entries, more than {limit}"),
            count=Count(len(entries)),
            limit=Count(MAX_OFFICE_ENTRIES),
        )
    # The sizes are those of the archive's directory; zipfile stops reading an entry at its
    # stated size and checks its CRC, so an entry cannot unpack to more than is counted here.
    total = sum(entry.file_size for entry in entries)
    if total > MAX_OFFICE_UNCOMPRESSED:
        _refuse(
            fail,
            path,
            N_("the archive unpacks to {size} bytes, more than {limit}"),
            size=Count(total),
            limit=Count(MAX_OFFICE_UNCOMPRESSED),
        )
    if any(entry.flag_bits & 0x1 for entry in entries):
        _refuse(fail, path, ENCRYPTED)
    return {entry.filename: entry for entry in entries}


def clean_text(text: str) -> str:
    """The text on one line, without directional isolates; a no-break space is kept."""
    return _SPACES.sub(" ", text.translate(_ISOLATES)).strip()


def _is_header(row: list[str]) -> bool:
    known = {column_of(cell) for cell in row} - {None}
    return len(known) >= 2 and bool(known & {"title", "time", "start"})


def programme_tsv(blocks: Iterable[Block]) -> str:
    """The programme of a document's blocks as tab-separated text for the table reader.

    The tables whose header row names programme columns, as rows under one header (a merged
    cell is written on its first row and left empty below: "same as above" to the reader);
    without such a table, every table as it is; without any table, the paragraphs, one a line.
    A paragraph holding only a date, just above a table, gives that table its day.
    """
    blocks = list(blocks)
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
