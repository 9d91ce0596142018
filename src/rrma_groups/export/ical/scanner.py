"""The lines of a calendar: unfolded, checked for their BEGIN/END structure, then parsed."""

from __future__ import annotations

import codecs
import re
import warnings as _warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

import icalendar

from ...i18n.catalog import N_
from ...messages import Msg
from .errors import IcalError, shorten

__all__ = ["EventLines", "logical_lines", "parse_calendar", "scan", "split_name"]

_NAME = re.compile(r"[A-Za-z0-9-]+")
_MAX_DEPTH = 8


@dataclass(slots=True)
class EventLines:
    """Where an event's lines are: its BEGIN, and the first line of each of its properties."""

    begin: int
    properties: dict[str, int] = field(default_factory=dict)


def parse_calendar(
    data: bytes | str, source: str | None
) -> tuple[icalendar.Calendar, list[EventLines]]:
    """The calendar parsed by icalendar, and where each of its events' lines are.

    :raises IcalError: the document is no calendar, its structure is broken, or icalendar
        cannot read it (located at the line it trips on, when that can be found).
    """
    logical = logical_lines(data, source)
    lines = scan(logical, source)
    text = "".join(f"{line}\r\n" for _, line in logical)  # unfolded: icalendar has nothing to undo
    try:
        with _warnings.catch_warnings():
            # "Guessed" vendor-prefixed TZIDs: resolved and reported by us, per event.
            _warnings.simplefilter("ignore", icalendar.GloballyUniqueTZIDGuessed)
            calendar = icalendar.Calendar.from_ical(text)
    except Exception as exc:  # untrusted input: whatever the parser trips on is a syntax error
        line = _failing_line(logical, str(exc))
        reason = shorten(str(exc), 80)
        raise IcalError("ical_syntax", line=line, source=source, reason=reason) from None
    if not isinstance(calendar, icalendar.Calendar):  # pragma: no cover - scan checked it
        raise IcalError("ical_syntax", source=source, reason=Msg(N_("not a VCALENDAR")))
    return calendar, lines


def scan(logical: Iterable[tuple[int, str]], source: str | None) -> list[EventLines]:
    """Check the BEGIN/END structure line by line; the line numbers of every VEVENT.

    icalendar reports a missing END as "no components found", without a line: this finds it.
    """
    stack: list[tuple[str, int]] = []
    events: list[EventLines] = []
    current: list[EventLines | None] = []
    seen_calendar = False
    for number, line in logical:
        name, colon, value = split_name(line)
        shown = shorten(line)
        if not seen_calendar and (name.upper() != "BEGIN" or value.strip().upper() != "VCALENDAR"):
            raise IcalError("ical_not_a_calendar", line=number, source=source, text=shown)
        if not colon or _NAME.fullmatch(name) is None:
            raise IcalError("ical_not_a_content_line", line=number, source=source, text=shown)
        name = name.upper()
        if not stack and seen_calendar:
            raise IcalError("ical_after_the_end", line=number, source=source, text=shown)
        if name == "BEGIN":
            component = value.strip().upper()
            stack.append((component, number))
            seen_calendar = True
            if len(stack) > _MAX_DEPTH:
                raise IcalError("ical_too_deep", line=number, source=source, depth=_MAX_DEPTH)
            lines = EventLines(number) if component == "VEVENT" else None
            if lines is not None:
                events.append(lines)
            current.append(lines)
        elif name == "END":
            component = value.strip().upper()
            if stack[-1][0] != component:
                raise IcalError(
                    "ical_unexpected_end",
                    line=number,
                    source=source,
                    name=shorten(component),
                    open=stack[-1][0],
                    open_line=stack[-1][1],
                )
            stack.pop()
            current.pop()
        elif current and current[-1] is not None:
            current[-1].properties.setdefault(name, number)
    if stack:
        component, number = stack[-1]
        raise IcalError("ical_unclosed", line=number, source=source, name=component)
    if not seen_calendar:
        raise IcalError("ical_empty", line=1, source=source)
    return events


_Chars = TypeVar("_Chars", str, bytes)
_BREAK = re.compile(r"\r?\n")
_BREAK_BYTES = re.compile(rb"\r?\n")


def _physical(
    data: _Chars, breaks: re.Pattern[_Chars], start: int = 0
) -> Iterator[tuple[int, _Chars]]:
    """Each physical line of ``data`` from ``start``, with the offset it starts at."""
    for found in breaks.finditer(data, start):
        yield start, data[start : found.start()]
        start = found.end()
    yield start, data[start:]


def _folded(
    lines: Iterable[tuple[int, _Chars]], folds: tuple[_Chars, _Chars], source: str | None
) -> list[tuple[int, list[tuple[int, _Chars]]]]:
    """Physical lines gathered into logical ones (blank lines left out): the number of the
    line each starts on, and its parts, each with the offset it starts at."""
    logical: list[tuple[int, list[tuple[int, _Chars]]]] = []
    parts: list[tuple[int, _Chars]] | None = None
    for number, (offset, line) in enumerate(lines, start=1):
        if line[:1] in folds:
            if parts is None:
                raise IcalError("ical_folded_first_line", line=number, source=source)
            parts.append((offset + 1, line[1:]))
        elif line.strip():
            parts = [(offset, line)]
            logical.append((number, parts))
        else:
            parts = None
    return logical


def logical_lines(data: bytes | str, source: str | None) -> list[tuple[int, str]]:
    """The content lines of a document, folds undone, with the number of the line each starts on.

    RFC 5545 (3.1) folds a long line with a line break and a space or a tab anywhere in it,
    and writers that count octets fold inside the UTF-8 sequence of a character: a document
    of bytes is unfolded before it is decoded, so that the character is whole again. A line
    break is CRLF or LF alone.
    """
    if isinstance(data, str):
        text = data.removeprefix("\ufeff")
        found = _folded(_physical(text, _BREAK), (" ", "\t"), source)
        lines = [(number, "".join(part for _, part in parts)) for number, parts in found]
    else:
        start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
        lines = []
        for number, parts in _folded(_physical(data, _BREAK_BYTES, start), (b" ", b"\t"), source):
            joined = b"".join(part for _, part in parts)
            try:
                lines.append((number, joined.decode("utf-8")))
            except UnicodeDecodeError as exc:
                at = _offset_in(parts, exc.start)
                raise IcalError(
                    "ical_encoding",
                    line=data.count(b"\n", 0, at) + 1,
                    source=source,
                    reason=f"byte {data[at]:#04x} at offset {at}",
                ) from None
    return [(number, line) for number, line in lines if line.strip()]


def _offset_in(parts: Sequence[tuple[int, bytes]], position: int) -> int:
    """The offset in the document of the byte at ``position`` in the joined ``parts``."""
    for offset, part in parts:
        if position < len(part):
            return offset + position
        position -= len(part)
    return parts[-1][0] + len(parts[-1][1])  # pragma: no cover - the error is in a part


def split_name(line: str) -> tuple[str, str, str]:
    """A content line's name (up to its first ``;`` or ``:``), its colon and its value."""
    cut = min((i for i in (line.find(":"), line.find(";")) if i >= 0), default=-1)
    if cut < 0:
        return line, "", ""
    value = line.partition(":")[2]
    return line[:cut], ":" if ":" in line else "", value


def _failing_line(lines: Sequence[tuple[int, str]], error: str) -> int | None:
    """The first line that icalendar cannot read alone in its components, with ``error``.

    icalendar's errors say what but not where: a broken property outside an event (a
    VTIMEZONE's TZOFFSETFROM) fails the whole calendar. Each line is read again, alone in the
    components that hold it, until one fails as the calendar did; this is done only for a
    calendar that could not be read.
    """
    path: list[str] = []
    for number, line in lines:
        name, _, value = split_name(line)
        if name.upper() == "BEGIN":
            path.append(value.strip())
            continue
        if name.upper() == "END":
            if path:
                path.pop()
            continue
        if path and path[-1].upper() == "VEVENT":
            continue  # icalendar keeps what it cannot read in an event, as its errors
        begin = "".join(f"BEGIN:{component}\r\n" for component in path or ["VCALENDAR"])
        end = "".join(f"END:{component}\r\n" for component in reversed(path or ["VCALENDAR"]))
        try:
            with _warnings.catch_warnings():
                _warnings.simplefilter("ignore")
                icalendar.Calendar.from_ical(f"{begin}{line}\r\n{end}")
        except Exception as exc:  # the line icalendar trips on, or its components alone
            if str(exc) == error:
                return number
    return None
