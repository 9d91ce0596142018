"""Agenda items as a group file writes them, and their insertion into a group file's text.

What ``rrma-groups import-agenda`` writes must paste into a group file as it is: the items are
``[[meetings.agenda]]`` tables (``[[agenda]]`` would be an unknown field of the group), their
times written as people write them in the file (``time = "9h30 - 10h00"``, as the bundled
example does), or a whole ``[[meetings]]`` table around them.

:func:`insert_agenda` puts such items into one meeting of an existing group file. It edits the
text rather than re-writing the parsed file: the writer's comments, order and layout stay as
they were (the standard library reads TOML but does not edit it, and a TOML editor that keeps
comments would be a dependency for this one command). The insertion point is found by reading
the table headers of the text (outside multi-line strings), and the caller validates the whole
new text before saving it.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterable, Mapping
from typing import Any, Final

import tomli_w

from ..errors import FileFormatError
from ..model import AgendaItem, Meeting

__all__ = ["agenda_toml", "insert_agenda", "meeting_toml"]

_HEADER: Final = re.compile(r"^[ \t]*\[(\[)?[ \t]*([^\[\]]+?)[ \t]*\]\]?[ \t]*(?:#.*)?$")
_QUOTES: Final = re.compile(r'"""|\'\'\'')


def _clock(value: dt.time) -> str:
    return f"{value.hour}h{value.minute:02d}" + (f"{value.second:02d}" if value.second else "")


def _item_data(item: AgendaItem) -> dict[str, Any]:
    """An item as the file writes it: ``time = "9h30 - 10h00"`` in place of start and end."""
    data = item.model_dump(mode="json", exclude_defaults=True)
    data.pop("start", None)
    data.pop("end", None)
    if item.start.second or (item.end is not None and item.end.second):
        time = {"start": item.start.isoformat()}
        if item.end is not None:
            time["end"] = item.end.isoformat()
    elif item.end is not None:
        time = {"time": f"{_clock(item.start)} - {_clock(item.end)}"}
    else:
        time = {"start": _clock(item.start)}
    # In the order people write an item: its day, its time, its title, then the rest.
    day = {"day": data.pop("day")} if "day" in data else {}
    return {**day, **time, "title": data.pop("title"), **data}


def _is_text(value: Any) -> bool:
    """A text in several languages, as the model writes it: ``{"fr": "...", "ar": "..."}``."""
    return (
        isinstance(value, dict) and bool(value) and all(isinstance(v, str) for v in value.values())
    )


def _table(header: str, data: Mapping[str, Any]) -> str:
    """``data`` as the table ``[[header]]`` (its own sub-tables named under it): tomli_w would
    write a short list of tables inline (``agenda = [{...}]``), which cannot be extended.

    A text in several languages is written with dotted keys, in its place, as the examples
    write it (``title.fr = "..."``, ``title.ar = "..."``), not as a sub-table of its own."""
    lines: list[str] = []
    tables: dict[str, Any] = {}
    for key, value in data.items():
        if _is_text(value):
            lines.extend(
                f"{_dotted(key, language)}{_value(text)}" for language, text in value.items()
            )
        elif isinstance(value, dict):
            tables[key] = value
        else:
            line = tomli_w.dumps({key: value})
            if line.startswith("["):  # a list of tables that tomli_w writes as [[key]] tables
                tables[key] = value
            else:
                lines.append(line.rstrip("\n"))
    body = "".join(f"{line}\n" for line in lines)
    if tables:
        # tomli_w names sub-tables after their own keys ("venue"); they belong to the table.
        nested = tomli_w.dumps(tables)
        body += "\n" + re.sub(r"(?m)^(\[\[?)(?=[^\[])", rf"\1{header}.", nested)
    return f"[[{header}]]\n{body}"


def _dotted(key: str, language: str) -> str:
    """``key.language = `` with each part quoted as TOML needs (``title."ar-MA" = ``)."""
    parts = (tomli_w.dumps({part: 0}).split(" = ", 1)[0] for part in (key, language))
    return ".".join(parts) + " = "


def _value(text: str) -> str:
    """A string as TOML writes it (escaped, multi-line where tomli_w makes it so)."""
    return tomli_w.dumps({"v": text}).split(" = ", 1)[1].rstrip("\n")


def agenda_toml(items: Iterable[AgendaItem]) -> str:
    """``[[meetings.agenda]]`` tables, one per item, to paste under a meeting of a group file.

    >>> from rrma_groups.parsing.tables import parse_table
    >>> print(agenda_toml(parse_table("9h30 - 10h00 Accueil").agenda), end="")
    [[meetings.agenda]]
    time = "9h30 - 10h00"
    title = "Accueil"
    kind = "welcome"
    """
    return "\n".join(_table("meetings.agenda", _item_data(item)) for item in items)


def meeting_toml(meeting: Meeting) -> str:
    """A whole ``[[meetings]]`` table, its items included, to paste into a group file."""
    data = meeting.model_dump(mode="json", exclude_defaults=True)
    data.pop("agenda", None)
    head = _table("meetings", data)
    items = agenda_toml(meeting.agenda)
    return head + ("\n" + items if items else "")


def _headers(text: str) -> list[tuple[int, bool, str]]:
    """The table headers of ``text``: (line index, array of tables?, dotted name), skipping the
    lines inside multi-line strings."""
    found: list[tuple[int, bool, str]] = []
    inside: str | None = None
    for index, line in enumerate(text.splitlines()):
        if inside is None:
            match = _HEADER.match(line)
            if match is not None:
                name = re.sub(r"[ \t]*\.[ \t]*", ".", match.group(2)).replace('"', "")
                found.append((index, match.group(1) is not None, name))
        for quote in _QUOTES.findall(line):
            if inside is None:
                inside = quote
            elif quote == inside:
                inside = None
    return found


def insert_agenda(text: str, meeting_id: str, items_toml: str, *, source: str = "<text>") -> str:
    """``text`` (a group file in TOML) with ``items_toml`` (``[[meetings.agenda]]`` tables)
    added at the end of the meeting ``meeting_id``'s agenda, everything else kept as written.

    :raises FileFormatError: the file is not TOML, has no meeting with that id, or writes its
        meetings in a form other than ``[[meetings]]`` tables.
    """
    try:
        data: Mapping[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        raise FileFormatError("into_not_toml", source=source) from None
    meetings = data.get("meetings")
    ids = [m.get("id") for m in meetings] if isinstance(meetings, list) else []
    if meeting_id not in ids:
        known = ", ".join(str(i) for i in ids if isinstance(i, str)) or "—"
        raise FileFormatError("into_no_meeting", source=source, value=meeting_id, known=known)
    position = ids.index(meeting_id)
    headers = _headers(text)
    starts = [i for i, (_, array, name) in enumerate(headers) if array and name == "meetings"]
    if len(starts) != len(ids):
        raise FileFormatError("into_meetings_not_tables", source=source)
    first = starts[position]
    # The meeting's tables run to the next table that is not part of a meeting; the new items
    # go after its last agenda item (and that item's own tables), else at its end.
    block = list(headers[first + 1 :])
    for index, (_, _array, name) in enumerate(block):
        if not name.startswith("meetings."):
            block = block[:index]
            break
    after_block = (
        headers[first + 1 + len(block)][0] if first + 1 + len(block) < len(headers) else None
    )
    last_item = max(
        (
            i
            for i, (_, _a, name) in enumerate(block)
            if name.split(".")[:2] == ["meetings", "agenda"]
        ),
        default=None,
    )
    end_line = after_block
    if last_item is not None:
        following = [
            line
            for line, _a, name in block[last_item + 1 :]
            if name.split(".")[:2] != ["meetings", "agenda"]
        ]
        if following:
            end_line = following[0]
    lines = text.splitlines(keepends=True)
    if end_line is None:
        cut = len(lines)
    else:
        # Comments and blank lines just above the next table belong to it.
        cut = end_line
        while cut > 0 and (not lines[cut - 1].strip() or lines[cut - 1].lstrip().startswith("#")):
            cut -= 1
    before = "".join(lines[:cut])
    if before and not before.endswith("\n"):
        before += "\n"
    after = "".join(lines[cut:])
    added = "\n" + items_toml.rstrip("\n") + "\n"
    return before + added + ("\n" + after.lstrip("\n") if after else "")
