"""Programmes as they are copied from networks' web pages, made into timed lines.

A programme on a web page is not a table. It has section headings ("Matinée :"), bullets and
emoji, a title on the line after its time, the speakers under it with their function
("Khalid Chihani, chargé de mission"), "Plénière :" before a title, and remarks in parentheses
("(sur inscription)"). :func:`normalise` reads such text and gives what the strict line reader
of :mod:`rrma_groups.parsing.tables` reads (one ``14h00 - 14h15 Title (Facilitator)`` line per
item), with what does not fit on that line kept aside: each item's notes (its description,
the remarks, the heading it falls under) and kind, the original line number of every line
given, and the lines that were not used, which the import lists in a warning.

The rules, in order, for each line once its bullets, decorative symbols and emoji are gone:

* a line starting with a time (or a range) starts an item; the rest of the line is its title,
  else the next line is; ``Plénière :`` (or ``Plenary:``) before the title makes it a plenary;
  a final parenthesis is a facilitator when it reads as a name (capitalised words), and a
  remark kept in the notes otherwise;
* a date alone starts a day;
* a line that ends with a date after a dash or a comma, before the first item, starts a day;
* under an item, a name (two to four capitalised words), alone or followed by a function after
  a comma or a dash, is one of its facilitators, and so is each name of a list introduced by
  "Avec :", "Intervenants :", "Speakers:"…; any other line is a line of its description;
* a short line ending with a colon, or in capitals, is a heading: a note of the next item;
* anything before the first item is not used.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Final

from .columns import is_date

__all__ = ["Normalised", "normalise"]

_BULLET: Final = re.compile(r"^[\s\-*•·▪▫◦‣⁃➢➤►▶→●○■□–—]+")
_CLOCK: Final = r"\d{1,2}\s?(?:h|H|:|\.)\s?(?:\d{2})?"
_TIME_AT_START: Final = re.compile(
    rf"^(?P<time>{_CLOCK}(?:\s*(?:-|–|—|à|a|to|→)\s*{_CLOCK})?)(?=\s|$|[:\-–—|])"
)
_PLENARY: Final = re.compile(r"^(?:session\s+)?(?:plénière|pleniere|plenary)\s*:\s*", re.I)
_FINAL_PARENTHESIS: Final = re.compile(r"\s*\(([^()]+)\)\s*$")
_NAME_WORD: Final = r"(?:[A-ZÀ-ÖØ-Þ][\w'’.-]+|de|du|des|le|la|el|al|ben|ould|van|von)"
_NAME: Final = re.compile(rf"^(?P<name>[A-ZÀ-ÖØ-Þ][\w'’.-]+(?:\s+{_NAME_WORD}){{1,3}})$")
_NAME_AND_FUNCTION: Final = re.compile(
    rf"^(?P<name>[A-ZÀ-ÖØ-Þ][\w'’.-]+(?:\s+{_NAME_WORD}){{1,3}})\s*(?:,|–|—|-|:)\s*(?P<function>.+)$"
)
_MAX_HEADING_WORDS: Final = 6
# "Avec : Emmanuelle Pallier (Région), Khalid Chihani": the speakers of the item above.
_SPEAKERS: Final = re.compile(
    r"^(?:avec|intervenant(?:e|\(e\))?s?|intervention(?:s)? de|animé(?:e)? par|animation|"
    r"modération|with|speakers?|moderator|chair)\s*:?\s+",
    re.IGNORECASE,
)
_LIST_SEPARATORS: Final = re.compile(r"\s*[,;]\s*|\s+(?:et|and)\s+")
# A date at the end of a title line: "Rencontre régionale – 3 mars 2026".
_TRAILING_DATE: Final = re.compile(r"(?:\s[–—-]|,)\s*(?P<date>[^–—,]+?)\s*:?$")


def _clean(line: str) -> str:
    """A line without its bullets, emoji and decorative symbols, its spaces collapsed."""
    kept = "".join(
        " " if unicodedata.category(char) in ("So", "Sk", "Co") else char
        for char in line
        if char not in "\ufe0f\u200d"
    )
    return " ".join(_BULLET.sub("", kept).split())


def _is_heading(text: str) -> bool:
    words = text.rstrip(" :").split()
    if not words or len(words) > _MAX_HEADING_WORDS:
        return False
    letters = [c for c in text if c.isalpha()]
    shouting = bool(letters) and all(c.isupper() for c in letters) and len(letters) > 3
    return text.endswith(":") or shouting


def _trailing_date(text: str) -> str | None:
    found = _TRAILING_DATE.search(text)
    if found is not None and is_date(found.group("date"), existing=True):
        return found.group("date")
    return None


def _speakers(text: str) -> list[tuple[str, str | None]] | None:
    """The people a line such as "Avec : A (function), B" names, each with their function;
    ``None`` when the line is not such a list."""
    prefix = _SPEAKERS.match(text)
    if prefix is None:
        return None
    people: list[tuple[str, str | None]] = []
    for part in _LIST_SEPARATORS.split(text[prefix.end() :].rstrip(" .")):
        function = None
        found = _FINAL_PARENTHESIS.search(part)
        if found is not None:
            function = found.group(1).strip()
            part = part[: found.start()]
        if not _NAME.match(part.strip()):
            return None
        people.append((part.strip(), function))
    return people or None


def _is_remark(text: str) -> bool:
    """A parenthesis that is not a name: it starts in lower case or holds a digit."""
    return not _NAME.match(text.strip()) or any(c.isdigit() for c in text)


@dataclass
class _Item:
    line: int
    time: str
    title: str = ""
    facilitators: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    kind: str | None = None


@dataclass
class Normalised:
    """What :func:`normalise` made of a pasted programme."""

    text: str
    """One timed line per item, and the date lines, as the strict line reader reads them."""
    lines: list[int]
    """For each line of :attr:`text`, the number (from 1) of the line it comes from."""
    extras: dict[int, dict[str, Any]]
    """For a line of :attr:`text` (from 1), the item's fields the line cannot hold: ``notes``
    (a text) and ``kind``."""
    unused: list[int]
    """The numbers of the lines given that were not used."""


def normalise(text: str) -> Normalised:
    """``text`` as timed lines (see the module's rules)."""
    items: list[_Item | tuple[int, str]] = []  # an item, or a date line
    unused: list[int] = []
    heading: str | None = None
    current: _Item | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _clean(raw)
        if not line:
            continue
        timed = _TIME_AT_START.match(line)
        if timed is not None:
            rest = line[timed.end() :].strip(" :–—-|").strip()
            current = _Item(number, timed.group("time"))
            if heading is not None:
                current.notes.append(heading)
                heading = None
            items.append(current)
            if rest:
                _title(current, rest)
            continue
        if is_date(line.rstrip(" :"), existing=True):
            items.append((number, line.rstrip(" :")))
            current = None
            continue
        dated = _trailing_date(line) if current is None else None
        if dated is not None:  # a heading that gives the day: "Rencontre régionale – 3 mars"
            items.append((number, dated))
            continue
        if current is not None and not current.title:
            _title(current, line)
            continue
        if _is_heading(line):
            heading = line.rstrip(" :")
            current = None
            continue
        if current is None:
            unused.append(number)
            continue
        listed = _speakers(line)
        if listed is not None:
            for name, function in listed:
                current.facilitators.append(name)
                if function:
                    current.notes.append(f"{name}, {function}")
            continue
        person = _NAME_AND_FUNCTION.match(line) or _NAME.match(line)
        if person is not None and not line.endswith((".", "?", "!")):
            current.facilitators.append(person.group("name"))
            function = person.groupdict().get("function")
            if function:
                current.notes.append(f"{person.group('name')}, {function}")
        else:
            current.notes.append(line)
    out: list[str] = []
    origin: list[int] = []
    extras: dict[int, dict[str, Any]] = {}
    for entry in items:
        if isinstance(entry, tuple):
            origin.append(entry[0])
            out.append(entry[1])
            continue
        if not entry.title:
            unused.append(entry.line)  # a time alone at the end: nothing to make an item of
            continue
        written = f"{entry.time} {entry.title}"
        if entry.facilitators:
            written += f" ({' - '.join(entry.facilitators)})"
        out.append(written)
        origin.append(entry.line)
        fields: dict[str, Any] = {}
        if entry.notes:
            fields["notes"] = "\n".join(entry.notes)
        if entry.kind is not None:
            fields["kind"] = entry.kind
        if fields:
            extras[len(out)] = fields
    return Normalised("\n".join(out), origin, extras, sorted(unused))


def _title(item: _Item, text: str) -> None:
    """Fill ``item`` from the text of its title line: a plenary prefix, a final parenthesis."""
    plenary = _PLENARY.match(text)
    if plenary is not None:
        item.kind = "plenary"
        text = text[plenary.end() :]
    found = _FINAL_PARENTHESIS.search(text)
    if found is not None and found.start() > 0:
        inside = found.group(1).strip()
        if _is_remark(inside):
            item.notes.append(inside)
        else:
            item.facilitators.append(inside)
        text = text[: found.start()]
    item.title = text.strip(" :–—-|").strip()
