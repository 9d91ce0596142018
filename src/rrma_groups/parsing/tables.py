"""Read programme tables as people paste them.

:func:`parse_table` reads three shapes of text:

* **tab-separated** rows copied from a word processor or a spreadsheet, with a header row
  (``Date  Lieu  Heure  Activité  Animateur``); a row whose Date or Lieu cell is empty continues
  the previous one;
* **Markdown** tables: ``| Heure | Activité | Animateur |`` with a ``|---|`` separator row;
* **lines** such as ``14h00 - 14h15 Accueil des participants (Cap Coopération)``, with
  optional date lines (``Vendredi 4 novembre 2016``) between them.

Headers are recognised in French, Arabic or English
(:data:`~rrma_groups.parsing.columns.COLUMN_NAMES`); a column that is
not recognised is kept in the items' notes, never dropped. A table without a header row has its
columns told by their cells: a column of dates, a column of times, the place before the time,
the title and the facilitator after it; it is then read exactly as with a header, and a wrong
date or time is reported the same way. Times, dates and durations are read
with :mod:`rrma_groups.parsing.times`. Facilitator cells are matched against the persons and
organisations of a group (:class:`~rrma_groups.parsing.facilitators.FacilitatorMatcher`):
``"Khalid"`` becomes the person
``khalid-chihani`` with the label ``"Khalid"``, and whatever cannot be matched is kept as a role.
Every guess, every skipped text and every unreadable line is reported as a
:class:`LineProblem` with its line number and the text as written.

>>> table = '''
... | Heure | Activité | Animateur |
... |---|---|---|
... | 14h00 - 14h15 | Accueil des participants | Un collègue |
... | 14h15 - 15h00 | Débat : quelles attentes ? | |
... '''
>>> result = parse_table(table)
>>> for item in result.agenda:
...     print(item.start.isoformat("minutes"), item.kind.value, item.title)
14:00 welcome Accueil des participants
14:15 discussion Débat : quelles attentes ?

The table that this reader reads back is written by
:func:`rrma_groups.render.agenda_table.markdown_table`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final, Literal, NamedTuple

from pydantic import ValidationError

from ..errors import RrmaError, TimeParseError
from ..i18n.bidi import first_strong_direction
from ..i18n.catalog import N_
from ..i18n.locales import is_rtl
from ..messages import MESSAGES, WARNING_PREFIX, Count, listing, time_text
from ..model import Agenda, AgendaItem, ItemKind, LocalisedText, Meeting, RoleFacilitator
from ..model.types import iana_timezones, local_time_issue
from ..problems import GroupValidationError, Problem, Severity, describe_message, problem
from ..pydantic_bridge import problems_from_pydantic
from .columns import KNOWN_COLUMNS, column_of, guess_columns, lone_date
from .facilitators import FacilitatorMatcher
from .folding import slug
from .kinds import guess_kind, kind_from_cell
from .lenient import normalise
from .times import parse_date, parse_duration, parse_time, parse_time_range

if TYPE_CHECKING:
    from ..model import CountryGroup, Facilitator

__all__ = [
    "LineProblem",
    "TableImport",
    "TableImportError",
    "parse_table",
]

TableFormat = Literal["tsv", "markdown", "lines"]


# --------------------------------------------------------------------------------------------
# Problems and results
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LineProblem:
    """A problem found on one line of a pasted table: where, what was written, what is wrong."""

    line: int
    """The line number, from 1, in the text given."""
    text: str
    """The line as written."""
    code: str
    template: str
    params: Mapping[str, Any] = field(default_factory=dict)
    severity: Severity = Severity.ERROR

    @property
    def message(self) -> str:
        """The English message."""
        return describe_message(self.template, self.params, None)

    def describe(self, lang: str | None = None) -> str:
        """The message in ``lang`` (``None``: English), its values formatted for that locale."""
        return describe_message(self.template, self.params, lang)

    def where(self, lang: str | None = None) -> str:
        """Where the problem is, in ``lang``: ``line 3``, ``ligne 3``."""
        return describe_message(_LINE, {"number": self.line}, lang)

    def as_problem(self) -> Problem:
        """The same finding as a :class:`~rrma_groups.Problem` (located by line, not by key)."""
        return Problem(self.code, (), self.template, self.params, self.text, self.severity)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        kind = "" if self.is_error else "warning: "
        return f"line {self.line}: {kind}{self.message} [{self.code}]"


def _problem(
    code: str, line: int, text: str, *, warning: bool = False, **params: Any
) -> LineProblem:
    severity = Severity.WARNING if warning else Severity.ERROR
    return LineProblem(line, text, code, MESSAGES[code], params, severity)


# TRANSLATORS: where a problem of a pasted table is, as in "line 3: cannot read ...".
_LINE = N_("line {number}")


class TableImportError(RrmaError, ValueError):
    """A pasted table holds lines that could not be read.

    Its message counts the lines and lists their problems, one per line of the message.
    """

    code = "unreadable_table"

    def __init__(self, result: TableImport, source: str | None = None) -> None:
        self.result = result
        self.problems = result.errors
        self.source = source
        wording = None if source else "no_source"
        super().__init__(wording=wording, count=len(self.problems), source=source)

    def describe(self, lang: str | None = None) -> str:
        """The count of lines, then each line's problem, in ``lang``."""
        lines = [describe_message(self.template, self.params, lang)]
        for found in self.problems:
            where = describe_message(_LINE, {"number": found.line}, lang)
            kind = "" if found.is_error else describe_message(WARNING_PREFIX.template, {}, lang)
            lines.append(f"  {where}: {kind}{found.describe(lang)} [{found.code}]")
        return "\n".join(lines)


@dataclass(frozen=True)
class TableImport:
    """What :func:`parse_table` read: the agenda, the date and venue found, and the problems."""

    agenda: Agenda
    date: dt.date | None
    """The first date found (or given); items on later dates carry their ``day``."""
    venue: str | None
    """The first venue found, as written."""
    format: TableFormat
    columns: tuple[str, ...]
    """What each column was read as (``notes:Public`` for a column kept in the notes)."""
    problems: tuple[LineProblem, ...] = ()
    rooms: tuple[tuple[str, str], ...] = ()
    """The rooms found: (id, name as written)."""
    group: CountryGroup | None = field(default=None, repr=False, compare=False)
    """The group the facilitators were matched against; the meeting made keeps it."""

    @property
    def errors(self) -> tuple[LineProblem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[LineProblem, ...]:
        return tuple(p for p in self.problems if not p.is_error)

    @property
    def ok(self) -> bool:
        return not self.errors

    def raise_for_errors(self, source: str | None = None) -> None:
        """Raise :class:`TableImportError` when some line could not be read."""
        if self.errors:
            raise TableImportError(self, source)

    def meeting(self, id: str, title: str | LocalisedText, **fields: Any) -> Meeting:
        """A meeting holding the agenda, on the date and at the venue found.

        ``fields`` are other Meeting fields; ``date`` and ``venue`` override what was found.
        """
        data: dict[str, Any] = {"id": id, "title": title, "agenda": self.agenda}
        data["date"] = fields.pop("date", self.date)
        if "venue" not in fields and self.venue is not None:
            rooms = [{"id": key, "name": name} for key, name in self.rooms]
            data["venue"] = {"name": self.venue, "rooms": rooms}
        days = [item.day for item in self.agenda if item.day is not None]
        if days and "end_date" not in fields:
            data["end_date"] = max(days)
        data.update(fields)
        meeting = Meeting.model_validate(data)
        return meeting.with_group(self.group) if self.group is not None else meeting

    def __repr__(self) -> str:
        return (
            f"TableImport({len(self.agenda)} items, date={self.date}, venue={self.venue!r}, "
            f"{len(self.errors)} errors, {len(self.warnings)} warnings)"
        )


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------


class _Row(NamedTuple):
    line: int
    text: str
    cells: dict[str, str]  # column -> cell text (stripped)
    extra: list[tuple[str, str]]  # (header, cell) of the columns kept as notes
    headers: dict[str, str]  # column -> its header as written (none without a header row)

    def header(self, column: str) -> str:
        return self.headers.get(column, column)


@dataclass
class _Reader:
    """The state of one import: what was found so far and the problems."""

    matcher: FacilitatorMatcher
    language: str | None
    infer_kinds: bool
    first_date: dt.date | None
    venue: str | None = None
    problems: list[LineProblem] = field(default_factory=list)
    items: list[tuple[int, str, dict[str, Any]]] = field(default_factory=list)
    rooms: dict[str, str] = field(default_factory=dict)
    warned_no_group: bool = False
    undated_items: bool = False
    guesses: set[tuple[str, str]] = field(default_factory=set)
    timezone: str = "Europe/Paris"
    left_to_right_group: bool = False
    """Whether the group's default language is written left to right (French, English)."""

    def text(self, value: str) -> str | dict[str, str]:
        if self.language:
            return {self.language: value}
        # Untagged, a text is in the group's default language: an Arabic title in a French
        # group would then be taken for French (and shown left to right, marked lang="fr").
        if self.left_to_right_group and first_strong_direction(value) == "rtl":
            return {"ar": value}
        return value

    def day(self, date: dt.date | None) -> dt.date | None:
        """The ``day`` of an item on ``date``: none on the first day."""
        if date is None:
            # Items before any date are on the first day, whose date is then unknown: the
            # dates found later are other days.
            self.undated_items = True
            return None
        if self.first_date is None and not self.undated_items:
            self.first_date = date
        return None if date == self.first_date else date

    def facilitators(self, line: int, text: str, cell: str, title: str) -> list[Facilitator] | None:
        """The facilitators of a cell; ``None``, with the problem reported, when a part of it
        cannot be one (``person:`` and an invalid id, a control character, too long...)."""
        try:
            matches = self.matcher.read(cell)
        except ValidationError as exc:
            reason = "; ".join(f"{p.location}: {p.message}" for p in problems_from_pydantic(exc))
            self.problems.append(
                _problem("table_invalid_item", line, text, title=title, reason=reason)
            )
            return None
        result = []
        for match in matches:
            result.append(match.facilitator)
            if self.matcher.group is None and isinstance(match.facilitator, RoleFacilitator):
                if not self.warned_no_group:
                    self.problems.append(
                        _problem("table_no_group", line, text, warning=True, value=cell)
                    )
                    self.warned_no_group = True
            elif match.code is not None:
                # The same text gets the same guess: it is reported once, where it first is.
                guess = (match.code, str(match.params.get("value")))
                if guess not in self.guesses:
                    self.guesses.add(guess)
                    self.problems.append(
                        _problem(match.code, line, text, warning=True, **match.params)
                    )
        return result

    def add(self, line: int, text: str, data: dict[str, Any]) -> None:
        self.items.append((line, text, data))

    def finish(self) -> list[AgendaItem]:
        """Validate the items; a row that only had a start ends where the next one starts."""
        next_start: dict[tuple[Any, Any, Any], Any] = {}
        result: list[tuple[int, AgendaItem]] = []
        for line, text, data in reversed(self.items):
            lane = (data.get("day"), data.get("room"), data.get("track"))
            if data.get("end") is None and "duration" not in data:
                data["end"] = next_start.get(lane)
            next_start[lane] = data["start"]
            try:
                item = AgendaItem.model_validate(data)
            except ValidationError as exc:
                reason = "; ".join(
                    f"{p.location}: {p.message}" if p.location else p.message
                    for p in problems_from_pydantic(exc, AgendaItem)
                )
                title = data.get("title")
                self.problems.append(
                    _problem("table_invalid_item", line, text, title=str(title), reason=reason)
                )
                continue
            result.append((line, item))
            self.local_times(line, text, item)
        return [item for _, item in reversed(result)]

    def local_times(self, line: int, text: str, item: AgendaItem) -> None:
        """Warn when the item starts or ends at a time the timezone skips or repeats that day."""
        day = item.day or self.first_date
        if day is None:
            return  # no date was given: any day may be meant
        for time in (item.start, item.end):
            issue = None if time is None else local_time_issue(day, time, self.timezone)
            if issue is not None:
                params = {key: _shown(value) for key, value in issue.params.items()}
                self.problems.append(
                    LineProblem(
                        line, text, issue.code, MESSAGES[issue.code], params, Severity.WARNING
                    )
                )


def _shown(value: Any) -> Any:
    """A parameter as tables give them, as text: ``02:30``, ``2017-03-26``."""
    if isinstance(value, dt.datetime):
        return f"{value:%Y-%m-%d} {time_text(value.time())}"
    if isinstance(value, dt.time):
        return time_text(value)
    return value.isoformat() if isinstance(value, dt.date) else value


def _document_text(document: bytes | os.PathLike[str], source: str | None) -> str:
    """The programme tables of a Word or OpenDocument document as tab-separated text."""
    from .docx_tables import DocxReadError, docx_text
    from .odt_tables import ODT_SUFFIXES, is_odt, odt_text
    from .office_archive import document_bytes

    if not isinstance(document, bytes):
        if os.fspath(document).lower().endswith(ODT_SUFFIXES):
            return odt_text(document, source=source)
        source = source or os.fspath(document)
        document = document_bytes(document, DocxReadError)
    if is_odt(document):
        return odt_text(document, source=source)
    return docx_text(document, source=source)


def parse_table(
    text: str | bytes | os.PathLike[str],
    *,
    group: CountryGroup | None = None,
    date: dt.date | str | None = None,
    language: str | None = None,
    infer_kinds: bool = True,
    strict: bool = True,
    source: str | None = None,
    timezone: str = "Europe/Paris",
    lenient: bool = False,
) -> TableImport:
    """Read a programme table pasted as tab-separated rows, a Markdown table, or timed lines.

    ``group`` resolves facilitators to its persons and organisations; ``date`` is the date of
    the first day (else the first date the text gives; items on later dates carry their
    ``day``); ``language`` tags the titles (untagged: the group's default language, except that
    a title written in Arabic script is tagged ``ar`` in a group whose language is written left
    to right); ``infer_kinds`` guesses each item's kind from its title when no Type column says it
    (:func:`~rrma_groups.parsing.kinds.guess_kind`). With ``strict`` (the default), a line that
    cannot be read raises :class:`TableImportError` listing every such line; otherwise those
    lines are reported in the result's ``errors`` and the other items are kept. ``timezone`` is the
    meeting's (by default a meeting's default): a dated time that its clocks skip or repeat,
    when they change, is reported as a warning.

    ``text`` may also be a Word document (.docx; needs the ``office`` extra) or an OpenDocument
    text (.odt, .fodt), as its bytes or a path: its programme tables are read
    (:func:`~rrma_groups.parsing.docx_tables.docx_text`,
    :func:`~rrma_groups.parsing.odt_tables.odt_text`). The bytes say which it is, whatever the
    file's name, except for a file named .odt or .fodt, always read as OpenDocument.

    ``lenient`` reads a programme copied from a web page rather than a table: headings,
    bullets, emoji, titles on the line after their time, speakers under an item, remarks in
    parentheses (see :mod:`rrma_groups.parsing.lenient`); the lines it does not use are listed
    in one warning. A table (tabs or pipes) is read as without it.

    >>> result = parse_table("14h00 - 14h15 Accueil (Un ami)\\n14h15 - 14h30 Pause")
    >>> [(str(i.title), i.kind.value) for i in result.agenda]
    [('Accueil', 'welcome'), ('Pause', 'break')]
    >>> print(*result.warnings, sep="\\n")
    line 1: warning: no group was given: facilitator 'Un ami' is kept as a role [table_no_group]
    """
    if not isinstance(text, str):
        text = _document_text(text, source)
    first_date = parse_date(date) if isinstance(date, str) else date
    if timezone not in iana_timezones():
        raise GroupValidationError([problem("invalid_timezone", ("timezone",), timezone)])
    reader = _Reader(FacilitatorMatcher(group), language, infer_kinds, first_date)
    if group is not None:
        reader.left_to_right_group = not is_rtl(group.default_language)
    reader.timezone = timezone
    lines = text.splitlines()
    tab_lines = [n for n, line in enumerate(lines) if "\t" in line]
    pipe_lines = [n for n, line in enumerate(lines) if line.lstrip().startswith("|")]
    fmt: TableFormat
    columns: tuple[str, ...]
    if tab_lines:
        fmt = "tsv"
        columns = _read_table(reader, lines, tab_lines, _tab_cells, "tabs")
    elif len(pipe_lines) >= 2 or any(lines[n].rstrip().endswith("|") for n in pipe_lines):
        # One row between pipes is a table too: a programme of one item, without a header.
        fmt = "markdown"
        columns = _read_table(reader, lines, pipe_lines, _pipe_cells, "'|'")
    elif lenient:
        fmt = "lines"
        columns = ("time", "title", "facilitators", "notes")
        _read_leniently(reader, lines)
    else:
        fmt = "lines"
        columns = ("time", "title", "facilitators")
        _read_lines(reader, lines)
    items = reader.finish()
    if not items and not any(p.is_error for p in reader.problems):
        reader.problems.append(_problem("table_empty", 1, lines[0] if lines else ""))
    result = TableImport(
        agenda=Agenda(tuple(items)),
        date=reader.first_date,
        venue=reader.venue,
        format=fmt,
        columns=columns,
        problems=tuple(sorted(reader.problems, key=lambda p: (p.line, not p.is_error))),
        rooms=tuple(reader.rooms.items()),
        group=group,
    )
    if strict:
        result.raise_for_errors(source)
    return result


# --- tables (tab-separated and Markdown) ------------------------------------------------------

_SEPARATOR_ROW: Final = re.compile(r"\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?")
_PIPE: Final = re.compile(r"(?<!\\)\|")


def _tab_cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split("\t")]


def _pipe_cells(line: str) -> list[str]:
    stripped = line.strip()
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|"):
        stripped = stripped[:-1]
    return [cell.strip().replace("\\|", "|") for cell in _PIPE.split(stripped)]


def _read_table(
    reader: _Reader,
    lines: list[str],
    row_numbers: list[int],
    cells_of: Callable[[str], list[str]],
    separator: str,
) -> tuple[str, ...]:
    first, last = row_numbers[0], row_numbers[-1]
    rows = set(row_numbers)
    header: list[str] | None = None
    columns: list[str | None] = []
    start = first
    for n in row_numbers:
        if _SEPARATOR_ROW.fullmatch(lines[n].strip()):
            continue
        cells = cells_of(lines[n])
        recognised = [column_of(c) for c in cells]
        known = {c for c in recognised if c is not None}
        if len(known) >= 2 and known & {"title", "time", "start"}:
            header, columns, start = cells, recognised, n
        break
    # A date on its own line above the table ("Vendredi 10 mars 2017") is the table's first day,
    # as it is for lines of text; the other lines above are reported as not read.
    above_date: tuple[int, str] | None = None
    for n in range(start):
        text = lines[n].strip().rstrip(":").strip()
        if text and lone_date([text]) is not None:
            above_date = (n, text)
    if above_date is None:
        _outside(reader, lines, 0, start)
    else:
        _outside(reader, lines, 0, above_date[0])
        _outside(reader, lines, above_date[0] + 1, start)
    _outside(reader, lines, last + 1, len(lines))
    body = [
        (n, cells_of(lines[n]))
        for n in range(start + (header is not None), last + 1)
        if n in rows and not _SEPARATOR_ROW.fullmatch(lines[n].strip())
    ]
    if header is None:
        reader.problems.append(_problem("table_no_header", start + 1, lines[start], warning=True))
        columns = guess_columns([cells for _, cells in body if lone_date(cells) is None])
        names = [""] * len(columns)
    else:
        names = header
        for name, column in zip(header, columns, strict=True):
            if column is None and name:
                reader.problems.append(
                    _problem(
                        "table_unknown_column",
                        start + 1,
                        lines[start],
                        warning=True,
                        column=name,
                        known=KNOWN_COLUMNS,
                    )
                )
    described = tuple(
        column or f"notes:{name or f'column {i + 1}'}"
        for i, (name, column) in enumerate(zip(names, columns, strict=True))
    )
    by_line = dict(body)
    current_date: dt.date | None = None
    if above_date is not None:
        n, text = above_date
        current_date = _read_row(reader, _Row(n + 1, lines[n], {"date": text}, [], {}), None)
    for n in range(start + (header is not None), last + 1):
        line = lines[n]
        if not line.strip() or _SEPARATOR_ROW.fullmatch(line.strip()):
            continue
        if n not in rows:
            reader.problems.append(
                _problem("table_not_a_row", n + 1, line, value=line.strip(), separator=separator)
            )
            continue
        cells = by_line[n]
        if not any(cells) or cells == header:  # a header repeated at a page break
            continue
        row = _named_row(n + 1, line, cells, names, columns)
        current_date = _read_row(reader, row, current_date)
    return described


def _outside(reader: _Reader, lines: list[str], begin: int, end: int) -> None:
    used = [n for n in range(begin, end) if lines[n].strip()]
    if used:
        first, last = used[0], used[-1]
        reader.problems.append(
            _problem(
                "table_outside_text",
                first + 1,
                lines[first],
                warning=True,
                first=first + 1,
                last=last + 1,
            )
        )


def _named_row(
    line: int, text: str, cells: list[str], names: list[str], columns: list[str | None]
) -> _Row:
    """The filled cells of a row by what their column holds; ``names`` are the headers as
    written (blank without a header row). A row whose only cell is a date starts a new day,
    whatever column the date is in."""
    lone = lone_date(cells)
    named: dict[str, str] = {}
    headers: dict[str, str] = {}
    extra: list[tuple[str, str]] = []
    for i, cell in enumerate(cells):
        if not cell:
            continue
        column = "date" if i == lone else columns[i] if i < len(columns) else None
        name = names[i] if i < len(names) else ""
        if column is not None and column not in named:
            named[column] = cell
            if name:
                headers[column] = name
        else:
            extra.append((name or f"column {i + 1}", cell))
    return _Row(line, text, named, extra, headers)


def _read_row(reader: _Reader, row: _Row, current_date: dt.date | None) -> dt.date | None:
    cells = row.cells
    notes = [f"{name}: {value}" for name, value in row.extra]
    ok = True
    if cells.get("date"):
        try:
            current_date = parse_date(cells["date"])
        except TimeParseError as exc:
            reader.problems.append(
                _problem(
                    "table_invalid_date",
                    row.line,
                    row.text,
                    value=cells["date"],
                    column=row.header("date"),
                    reason=exc.reason,
                )
            )
            ok = False
    venue = cells.get("venue")
    if venue:
        if reader.venue is None:
            reader.venue = venue
        elif venue != reader.venue:
            reader.problems.append(
                _problem(
                    "table_venue_changed",
                    row.line,
                    row.text,
                    warning=True,
                    value=venue,
                    venue=reader.venue,
                )
            )
            notes.insert(0, f"{venue}")
    times = _row_times(reader, row)
    title = cells.get("title", "")
    if times is None or not ok:
        return current_date  # the unreadable cell is reported
    if not title:
        if "start" in times:
            written = cells.get("time") or cells.get("start") or ""
            reader.problems.append(_problem("table_no_title", row.line, row.text, value=written))
        return current_date  # else a row of notes alone, or a date or venue row
    if "start" not in times:
        reader.problems.append(_problem("table_no_time", row.line, row.text, title=title))
        return current_date
    data: dict[str, Any] = dict(times)
    data["title"] = reader.text(title)
    data["day"] = reader.day(current_date)
    kind = cells.get("kind")
    if kind:
        found = kind_from_cell(kind)
        if found is None:
            choices = ", ".join(k.value for k in ItemKind)
            reader.problems.append(
                _problem(
                    "table_unknown_kind",
                    row.line,
                    row.text,
                    warning=True,
                    value=kind,
                    choices=choices,
                )
            )
        data["kind"] = found or ItemKind.OTHER
    elif reader.infer_kinds:
        data["kind"] = guess_kind(title)
    facilitators = cells.get("facilitators", "")
    if facilitators:
        leaders = reader.facilitators(row.line, row.text, facilitators, title)
        if leaders is None:
            return current_date
        data["facilitators"] = leaders
    if cells.get("room"):
        key = _room_id(cells["room"])
        reader.rooms.setdefault(key, cells["room"])
        data["room"] = key
    if cells.get("track"):
        data["track"] = cells["track"]
    if cells.get("notes"):
        notes.insert(0, cells["notes"])
    if notes:
        data["notes"] = reader.text("\n".join(notes))
    reader.add(row.line, row.text, data)
    return current_date


def _row_times(reader: _Reader, row: _Row) -> dict[str, Any] | None:
    """``start`` and maybe ``end``/``duration`` of a row; ``None`` when a cell is unreadable."""
    cells = row.cells
    times: dict[str, Any] = {}

    def bad(code: str, column: str, exc: TimeParseError) -> None:
        reader.problems.append(
            _problem(
                code,
                row.line,
                row.text,
                value=cells[column],
                column=row.header(column),
                reason=exc.reason,
            )
        )

    written = cells.get("time")
    if written:
        try:
            times["start"], times["end"] = parse_time_range(written)
        except TimeParseError as range_error:
            try:
                times["start"] = parse_time(written)
            except TimeParseError:
                bad("table_invalid_time", "time", range_error)
                return None
    for column in ("start", "end"):
        if cells.get(column) and column not in times:
            try:
                times[column] = parse_time(cells[column])
            except TimeParseError as exc:
                bad("table_invalid_time", column, exc)
                return None
    if cells.get("duration") and "end" not in times:
        try:
            times["duration"] = parse_duration(cells["duration"])
        except TimeParseError as exc:
            bad("table_invalid_duration", "duration", exc)
            return None
    return times


def _room_id(text: str) -> str:
    """An id for a room written as text: ``Salle 2`` → ``salle-2``."""
    return slug(text, keep="._") or "room-" + "-".join(f"{ord(c):x}" for c in text.strip()[:8])


# --- lines ------------------------------------------------------------------------------------

_BULLET: Final = re.compile(r"^\s*(?:[-*•·]\s+)?")
_LEADING_PUNCTUATION: Final = re.compile(r"^[\s:;|\-–—]+")
_TRAILING_FACILITATOR: Final = re.compile(r"\s*\(([^()]+)\)\s*$")
_MAX_RANGE_WORDS: Final = 7  # "de 14 h 00 à 14 h 15" is the longest a range gets
_MAX_TIME_WORDS: Final = 3


def _read_leniently(reader: _Reader, lines: list[str]) -> None:
    """A programme from a web page, made into timed lines (:func:`normalise`) and read as
    such; problems are told at the lines given, and the lines not used in one warning."""
    found = normalise("\n".join(lines))
    made = found.text.splitlines()
    before = len(reader.problems)
    _read_lines(reader, made, found.extras)
    for index in range(before, len(reader.problems)):
        problem = reader.problems[index]
        original = found.lines[problem.line - 1]
        reader.problems[index] = dataclasses.replace(
            problem, line=original, text=lines[original - 1]
        )
    reader.items = [
        (found.lines[line - 1], lines[found.lines[line - 1] - 1], data)
        for line, _text, data in reader.items
    ]
    if found.unused:
        first = found.unused[0]
        reader.problems.append(
            _problem(
                "table_lines_not_used",
                first,
                lines[first - 1],
                warning=True,
                lines=listing(str(n) for n in found.unused),
                count=Count(len(found.unused)),
            )
        )


def _read_lines(
    reader: _Reader, lines: list[str], extras: Mapping[int, dict[str, Any]] | None = None
) -> None:
    current_date: dt.date | None = None
    for n, line in enumerate(lines, start=1):
        content = _BULLET.sub("", line).strip()
        if not content:
            continue
        try:
            timed = _split_time(content)
        except TimeParseError as exc:
            reader.problems.append(
                _problem("table_invalid_line_time", n, line, value=exc.text, reason=exc.reason)
            )
            continue
        if timed is None:
            try:
                current_date = parse_date(content.rstrip(" :"))
            except TimeParseError:
                reader.problems.append(_problem("table_unreadable_line", n, line, value=content))
            continue
        times, rest = timed
        facilitators = ""
        found = _TRAILING_FACILITATOR.search(rest)
        if found is not None and found.start() > 0:
            facilitators = found.group(1).strip()
            rest = rest[: found.start()].rstrip()
        if not rest:
            reader.problems.append(_problem("table_no_title", n, line, value=content))
            continue
        data: dict[str, Any] = dict(times)
        data["title"] = reader.text(rest)
        data["day"] = reader.day(current_date)
        if reader.infer_kinds:
            data["kind"] = guess_kind(rest)
        if facilitators:
            leaders = reader.facilitators(n, line, facilitators, rest)
            if leaders is None:
                continue
            data["facilitators"] = leaders
        if extras is not None and n in extras:
            extra = extras[n]
            if "notes" in extra:
                data["notes"] = reader.text(extra["notes"])
            if "kind" in extra:
                data["kind"] = extra["kind"]
        reader.add(n, line, data)


def _split_time(content: str) -> tuple[dict[str, dt.time], str] | None:
    """The time range (or start time) that begins ``content``, and the rest.

    A range whose end is not after its start (``23h30 - 00h30 Soirée``) raises
    :class:`TimeParseError`: it is not a start time followed by a title.
    """
    words = content.split()
    for limit, parse in ((_MAX_RANGE_WORDS, True), (_MAX_TIME_WORDS, False)):
        for k in range(min(limit, len(words)), 0, -1):
            head = " ".join(words[:k]).rstrip(":;|–—-").rstrip()
            try:
                if parse:
                    start, end = parse_time_range(head)
                    times = {"start": start, "end": end}
                else:
                    times = {"start": parse_time(head)}
            except TimeParseError as exc:
                if exc.code == "time_range_not_increasing":
                    raise
                continue
            rest = _LEADING_PUNCTUATION.sub("", " ".join(words[k:]))
            if not rest and k < len(words):
                continue
            return times, rest
    return None
