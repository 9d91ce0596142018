"""Hypothesis strategies shared by the tests.

Each section belongs to one module under test; add new sections below the existing ones.
"""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING

from hypothesis import strategies as st

if TYPE_CHECKING:
    from rrma_groups import Meeting

# ============================================================================================
# rrma_groups.parsing.times: times, dates and durations, and the ways people write them
# ============================================================================================

ZEROS = {"arabic-indic": "\u0660", "eastern-arabic": "\u06f0", "full-width": "\uff10"}
"""The digit zero of each non-ASCII script that programmes use (the nine others follow it)."""

FRENCH_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
MOROCCAN_MONTHS = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ماي",
    "يونيو",
    "يوليوز",
    "غشت",
    "شتنبر",
    "أكتوبر",
    "نونبر",
    "دجنبر",
)


def in_script(text: str, zero: str) -> str:
    """``text`` with its ASCII digits written in the script whose zero is ``zero``."""
    return text.translate({ord("0") + i: chr(ord(zero) + i) for i in range(10)})


def _twelve_hour(t: dt.time) -> str:
    return f"{t.hour % 12 or 12}:{t.minute:02d} {'am' if t.hour < 12 else 'pm'}"


TIME_STYLES: dict[str, Callable[[dt.time], str]] = {
    "french": lambda t: f"{t.hour}h{t.minute:02d}",
    "french-spaced": lambda t: f"{t.hour} h {t.minute:02d}",
    "24-hour": lambda t: f"{t.hour:02d}:{t.minute:02d}",
    "arabic-indic": lambda t: in_script(f"{t.hour:02d}:{t.minute:02d}", ZEROS["arabic-indic"]),
    "12-hour": _twelve_hour,
}
"""Ways of writing a time of day, each of which parse_time reads back exactly."""

DATE_STYLES: dict[str, Callable[[dt.date], str]] = {
    "day-first": lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    "iso": lambda d: d.isoformat(),
    "french": lambda d: f"{d.day} {FRENCH_MONTHS[d.month - 1]} {d.year}",
    "moroccan": lambda d: in_script(
        f"{d.day} {MOROCCAN_MONTHS[d.month - 1]} {d.year}", ZEROS["arabic-indic"]
    ),
}
"""Ways of writing a date, each of which parse_date reads back exactly."""


def times() -> st.SearchStrategy[dt.time]:
    """Times of day to the minute, without seconds, as agendas give them."""
    return st.builds(dt.time, hour=st.integers(0, 23), minute=st.integers(0, 59))


def time_ranges() -> st.SearchStrategy[tuple[dt.time, dt.time]]:
    """Pairs of times of day whose end is strictly after their start."""
    return st.lists(times(), min_size=2, max_size=2, unique=True).map(
        lambda pair: (min(pair), max(pair))
    )


def dates() -> st.SearchStrategy[dt.date]:
    """Calendar dates whose year has four digits."""
    return st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))


def durations() -> st.SearchStrategy[dt.timedelta]:
    """Positive whole-minute durations up to a day."""
    return st.integers(1, 24 * 60).map(lambda minutes: dt.timedelta(minutes=minutes))


def timeparse_noise() -> st.SearchStrategy[str]:
    """Short texts made of the characters times and dates are written with, in any order."""
    return st.text(
        alphabet="0123456789 :h.-–àapmPTM/'١٤۱nové,ريساعةو\u200f\u2066\u00a0",
        max_size=30,
    )


# ============================================================================================
# rrma_groups.io: bad input — a valid group's data with things broken, and mangled file text
# ============================================================================================

GroupData = dict[str, object]
DataPath = tuple[str | int, ...]

HOSTILE_CHARACTERS = (
    "\x00\x07\x08\t\n\r\x0b\x1b\x7f\x85\u200b\u200e\u2028\u2029"  # controls, separators
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2069"  # bidi embeddings, overrides, isolates
    "\ud800\udfff\ufeff\uffff"  # lone surrogates, byte-order mark, a non-character
)
"""Characters that a text field must refuse, or survive, or that no UTF-8 file can hold."""

TEXT_KEYS = frozenset(
    {"name", "title", "description", "role", "label", "track", "notes", "text", "city", "address"}
    | {"fr", "ar", "en", "mission", "context", "tagline", "acronym", "short_name", "open_to"}
)
"""Keys of a group file whose values are free text (including the languages of a text)."""

TIME_KEYS = frozenset(
    {"time", "start", "end", "duration", "date", "end_date", "day", "since", "until", "dissolved"}
)
"""Keys of a group file whose values are read as times, dates, durations or years."""


def json_values() -> st.SearchStrategy[object]:
    """Any value a JSON or TOML file can hold, small: scalars, lists and tables of them."""
    scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20))
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3)
        ),
        max_leaves=6,
    )


def _data_paths(node: object, prefix: DataPath = ()) -> list[DataPath]:
    """The path of every value inside ``node`` (keys and list indexes), outermost first."""
    if isinstance(node, dict):
        children: list[tuple[str | int, object]] = list(node.items())
    elif isinstance(node, list):
        children = list(enumerate(node))
    else:
        return []
    found: list[DataPath] = []
    for key, child in children:
        found.append((*prefix, key))
        found += _data_paths(child, (*prefix, key))
    return found


def _at(node: object, path: DataPath) -> object:
    for key in path:
        node = node[key]  # type: ignore[index]
    return node


@st.composite
def broken_group_data(draw: st.DrawFn, base: Callable[[], GroupData]) -> GroupData:
    """``base()`` (a fresh, valid group's data) with one to three things broken.

    Each break is one of: a key or list entry dropped; a value replaced by a value of any other
    type; a hostile character inserted in a text; random text in a time, date or duration.
    """
    data = base()
    # Mostly one break: several at once tend to hide each other behind the first error.
    for _ in range(draw(st.sampled_from([1, 1, 1, 2, 3]))):
        how = draw(st.sampled_from(["drop", "retype", "character", "time_text"]))
        paths = _data_paths(data)
        if how == "character":
            paths = [p for p in paths if p[-1] in TEXT_KEYS and isinstance(_at(data, p), str)]
        elif how == "time_text":
            paths = [p for p in paths if p[-1] in TIME_KEYS] or paths
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = _at(data, path[:-1])
        key = path[-1]
        if how == "drop":
            del parent[key]
        elif how == "retype":
            parent[key] = draw(json_values())
        elif how == "character":
            text = str(parent[key])
            where = draw(st.integers(0, len(text)))
            parent[key] = text[:where] + draw(st.sampled_from(HOSTILE_CHARACTERS)) + text[where:]
        else:
            parent[key] = draw(st.one_of(timeparse_noise(), st.text(max_size=30)))
    return data


@st.composite
def mangled_bytes(draw: st.DrawFn, text: str) -> bytes:
    """``text`` as UTF-8, cut short, or with a slice removed, or with random bytes inserted."""
    raw = text.encode("utf-8")
    where = draw(st.integers(0, len(raw)))
    how = draw(st.sampled_from(["cut", "remove", "insert"]))
    if how == "cut":
        return raw[:where]
    if how == "remove":
        return raw[:where] + raw[where + draw(st.integers(1, 40)) :]
    return raw[:where] + draw(st.binary(min_size=1, max_size=8)) + raw[where:]


# ============================================================================================
# rrma_groups.export.ical: meetings to export to iCalendar and read back
# ============================================================================================

ICAL_TIMEZONES = ("Europe/Paris", "Africa/Casablanca", "UTC", "America/New_York")
"""Timezones with and without daylight saving time, Morocco's Ramadan rule, and UTC (``Z``)."""

ICAL_TEXT_ALPHABET = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 "
    "éèàçôÉ'’-–:;,.\\\"<>/&()?!"
    "ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإة"
)
"""Letters of the three languages and the characters iCalendar escapes (``;``, ``,``, ``\\``)."""


def ical_texts(max_size: int = 60) -> st.SearchStrategy[str]:
    """Single-line texts (as titles, names and roles are), including spaces at either end."""
    return st.text(alphabet=ICAL_TEXT_ALPHABET, min_size=1, max_size=max_size).filter(
        lambda text: bool(text.strip())
    )


def _ical_facilitators() -> st.SearchStrategy[list[dict[str, object]]]:
    person = st.fixed_dictionaries(
        {"person": st.sampled_from(["p1", "khalid-chihani"])},
        optional={"label": ical_texts(20)},
    )
    role = st.builds(lambda text: {"role": {"fr": text}}, ical_texts(30))
    return st.lists(st.one_of(person, role), max_size=2)


@st.composite
def ical_meetings(draw: st.DrawFn) -> Meeting:
    """Valid one-day meetings whose every field survives an iCalendar export and import.

    Left out, as iCalendar does not carry them back: descriptions, objectives, notes, cities
    and addresses (the venue comes back as one LOCATION line), organisers and signatories.
    """
    from rrma_groups import Meeting

    day = draw(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2035, 12, 31)))
    mode = draw(st.sampled_from(["in_person", "online", "hybrid"]))
    data: dict[str, object] = {
        "id": draw(st.sampled_from(["m1", "rencontre.2026", "a-b_c"])),
        "title": {"fr": draw(ical_texts())},
        "date": day,
        "timezone": draw(st.sampled_from(ICAL_TIMEZONES)),
        "attendance_mode": mode,
    }
    if mode != "online":
        data["venue"] = {"name": {"fr": draw(ical_texts())}}
    if mode != "in_person" or draw(st.booleans()):
        data["online_url"] = "https://visio.example.org/r?a=1,b;c"
    status = draw(st.sampled_from(["scheduled", "cancelled", "postponed"]))
    data["status"] = status
    if status == "postponed" and draw(st.booleans()):
        data["previous_date"] = day - dt.timedelta(days=7)
    items = []
    for start, end in draw(st.lists(time_ranges(), max_size=4)):
        item: dict[str, object] = {
            "title": {"fr": draw(st.sampled_from(["Pause", "Accueil"]) | ical_texts())},
            "start": start,
            "end": end if draw(st.booleans()) else None,
            "kind": draw(st.sampled_from(["presentation", "break", "other"])),
            "facilitators": draw(_ical_facilitators()),
        }
        if draw(st.booleans()):
            item["id"] = f"item-{len(items)}"
        items.append(item)
    data["agenda"] = items
    return Meeting.model_validate(data)


# ============================================================================================
# rrma_groups.scheduling and rrma_groups.parsing.tables: agendas to re-time, and tables to read back
# ============================================================================================

SCHEDULING_DAY = dt.date(2016, 11, 4)
"""The date of the meetings built around the agendas below (a Friday, as in the seed)."""

_LENGTHS = (5, 10, 15, 20, 30, 45, 60)
_GAPS = (0, 0, 0, 5, 15)


def _scheduling_item(title: str, start: int, end: int, **fields: object) -> dict[str, object]:
    def clock(minutes: int) -> dt.time:
        return dt.time(minutes // 60, minutes % 60)

    return {"title": title, "start": clock(start), "end": clock(end), **fields}


@st.composite
def scheduling_agendas(
    draw: st.DrawFn, *, parallel: bool = True, fixed: bool = True, max_items: int = 10
) -> list[dict[str, object]]:
    """The items (as data) of a valid one-day agenda on 5-minute steps, from 08:00 to 20:00.

    Plenary items follow each other, sometimes after a gap; some are fixed (meals) when
    ``fixed``; with ``parallel``, some are blocks of workshops in rooms ``salle-a`` and
    ``salle-b`` (room a holds one session or two halves) that rejoin for the next item.
    Titles are unique: ``Point 3``, ``Atelier 4a``.
    """
    clock = draw(st.integers(8 * 12, 11 * 12)) * 5
    count = draw(st.integers(1, max_items))
    items: list[dict[str, object]] = []
    while len(items) < count and clock < 18 * 60:
        clock += draw(st.sampled_from(_GAPS))
        n = len(items)
        if parallel and n + 2 <= count and draw(st.integers(0, 3)) == 0:
            length = draw(st.sampled_from((30, 60, 90)))
            halves = draw(st.booleans())
            sessions = [("a", 0, length // 2 if halves else length)]
            sessions += [("a2", length // 2, length)] if halves else []
            sessions += [("b", 0, draw(st.sampled_from((length, length // 2))))]
            for suffix, begin, end in sessions:
                room = "salle-b" if suffix == "b" else "salle-a"
                title = f"Atelier {n}{suffix}"
                items.append(
                    _scheduling_item(title, clock + begin, clock + end, room=room, kind="workshop")
                )
            clock += length
            continue
        length = draw(st.sampled_from(_LENGTHS))
        is_fixed = fixed and draw(st.integers(0, 5)) == 0
        kind = "meal" if is_fixed else "presentation"
        items.append(
            _scheduling_item(f"Point {n}", clock, clock + length, kind=kind, fixed=is_fixed)
        )
        clock += length
    return items


def scheduling_meetings(**options: object) -> st.SearchStrategy[Meeting]:
    """Meetings on :data:`SCHEDULING_DAY` around :func:`scheduling_agendas`, with two rooms and
    no declared start or end (their items bound them)."""
    from rrma_groups import Meeting

    def meeting(items: list[dict[str, object]]) -> Meeting:
        return Meeting.model_validate(
            {
                "id": "m",
                "title": "Rencontre",
                "date": SCHEDULING_DAY,
                "venue": {
                    "name": "Maison",
                    "rooms": [{"id": "salle-a", "name": "A"}, {"id": "salle-b", "name": "B"}],
                },
                "agenda": items,
            }
        )

    return scheduling_agendas(**options).map(meeting)  # type: ignore[arg-type]


RETIME_OPERATIONS = ("shift", "cascade", "stretch", "remove", "insert", "move", "compact", "fit")
"""The re-timing operations the property tests draw from."""

TABLE_TEXT_ALPHABET = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 "
    "éèàçôÉ'’:;,.?!«»|()ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإة"
)
"""Letters of titles and roles in a pasted table; ``|`` is escaped in Markdown cells."""


def table_texts(max_size: int = 40) -> st.SearchStrategy[str]:
    """Titles and roles as a table holds them: one line, no spaces around, no dash between
    spaces (which joins facilitators), not starting with a time or a date."""
    return (
        st.text(alphabet=TABLE_TEXT_ALPHABET, min_size=1, max_size=max_size)
        .map(lambda text: " ".join(text.split()))
        .filter(lambda text: bool(text) and not text[0].isdigit())
        .filter(lambda text: not any(sep in text for sep in (",", ";", "/", "&", "+")))
    )


TABLE_HEADERS = {
    "fr": {"date": "Date", "venue": "Lieu", "time": "Heure", "title": "Activité",
           "facilitators": "Animateur"},
    "en": {"date": "Date", "venue": "Venue", "time": "Time", "title": "Activity",
           "facilitators": "Facilitator"},
    "ar": {"date": "التاريخ", "venue": "المكان", "time": "الساعة", "title": "النشاط",
           "facilitators": "المنشط"},
}  # fmt: skip
"""Header rows of pasted programmes, by language: what each column holds, as written."""

WRONG_TABLE_DATES = ("31/02/2016", "Samedi 6 novembre 2016", "04/11/16")
"""Dates written wrong: a day the month lacks, a weekday that does not match, a short year."""

WRONG_TABLE_TIMES = ("23h30 - 00h30", "16h - 15h", "14h60 - 15h00", "25h00 - 26h00")
"""Times written wrong: past midnight, an end before the start, minutes and hours too big."""


def _plain_cell(text: str) -> bool:
    """Whether a title, a place or a name reads as nothing else: no time, no date (not even
    a wrong one), no header name."""
    from rrma_groups import TimeParseError
    from rrma_groups.parsing.times import parse_date, parse_time, parse_time_range

    for parse in (parse_time, parse_time_range, parse_date):
        try:
            parse(text)
        except TimeParseError as error:
            if error.code not in ("invalid_time", "invalid_time_range", "invalid_date"):
                return False
        else:
            return False
    return _bare(text) not in _header_names()


def _bare(text: str) -> str:
    """Letters and digits alone, without accents, harakat or case."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if c.isalnum()).casefold()


@functools.cache
def _header_names() -> frozenset[str]:
    from rrma_groups.parsing.columns import COLUMN_NAMES

    return frozenset(_bare(name) for names in COLUMN_NAMES.values() for name in names)


def _programme_texts() -> st.SearchStrategy[str]:
    return table_texts(20).filter(_plain_cell)


@st.composite
def programme_tables(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    """A programme as a pasted table: its header row, and the cells of its other rows.

    One to three days, each starting with its date, in a Date column (on the day's first row,
    the others left blank) or on a row of its own; a place on the first row, and now and then a
    new one on a later day; times, titles and, when some item has one, facilitators. Now and
    then a date or a time is wrong (:data:`WRONG_TABLE_DATES`, :data:`WRONG_TABLE_TIMES`): a
    reader must report it, with or without the header row.
    """
    date_rows = draw(st.booleans())
    with_place = draw(st.booleans())
    first = draw(st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)))
    rows: list[dict[str, str]] = []
    for n in range(draw(st.integers(1, 3))):
        day = first + dt.timedelta(days=n)
        written = draw(st.sampled_from([day.strftime("%d/%m/%Y"), day.isoformat()]))
        if _one_in(draw, 6):
            written = draw(st.sampled_from(WRONG_TABLE_DATES))
        if date_rows:
            rows.append({"lone": written})
        clock = draw(st.integers(8 * 12, 10 * 12)) * 5
        for k in range(draw(st.integers(1, 4))):
            end = clock + draw(st.sampled_from(_LENGTHS))
            time = f"{clock // 60:02d}h{clock % 60:02d} - {end // 60:02d}h{end % 60:02d}"
            if _one_in(draw, 8):
                time = draw(st.sampled_from(WRONG_TABLE_TIMES))
            row = {"time": time, "title": draw(_programme_texts())}
            row["facilitators"] = draw(st.just("") | _programme_texts())
            if k == 0 and not date_rows:
                row["date"] = written
            if with_place and k == 0 and (n == 0 or _one_in(draw, 3)):
                row["venue"] = draw(_programme_texts())
            rows.append(row)
            clock = end + draw(st.sampled_from(_GAPS))
    columns = [*([] if date_rows else ["date"]), *(["venue"] if with_place else []), "time"]
    columns.append("title")
    if any(row.get("facilitators") for row in rows):
        columns.append("facilitators")
    headers = TABLE_HEADERS[draw(st.sampled_from(sorted(TABLE_HEADERS)))]
    cells = [
        [row["lone"], *[""] * (len(columns) - 1)]
        if "lone" in row
        else [row.get(column, "") for column in columns]
        for row in rows
    ]
    return [headers[column] for column in columns], cells


# ============================================================================================
# Round trips and fuzzing: valid, varied country groups, and texts mutated from real inputs
# ============================================================================================

if TYPE_CHECKING:
    from rrma_groups import CountryGroup

GROUP_LANGUAGES = ("fr", "ar", "en")
"""The languages of the texts of generated groups (an ``ar_MA`` text is added now and then)."""

GROUP_TIMEZONES = ("Europe/Paris", "Africa/Casablanca", "Africa/Dakar", "America/New_York", "UTC")
"""Timezones of generated meetings: daylight saving, Morocco's Ramadan rule, none, and UTC."""

CLOCK_CHANGES = (
    # Europe/Paris springs forward at 02:00 (02:00-03:00 does not exist), then falls back at
    # 03:00 (02:00-03:00 happens twice); Morocco's clocks go back for Ramadan and forward
    # after it; New York's change at 02:00 too.
    (dt.date(2016, 3, 27), "Europe/Paris"),
    (dt.date(2016, 10, 30), "Europe/Paris"),
    (dt.date(2024, 3, 31), "Europe/Paris"),
    (dt.date(2019, 5, 5), "Africa/Casablanca"),
    (dt.date(2019, 6, 9), "Africa/Casablanca"),
    (dt.date(2016, 3, 13), "America/New_York"),
    (dt.date(2016, 11, 6), "America/New_York"),
)
"""Days on which the clocks of a timezone change, with that timezone: some wall times of
those days do not exist, others happen twice. Meetings on those days start in the night."""

_LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèêàâçôûùëïÉÀÇŒœ"
_ARABIC = "ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإةىئؤ"
_PLAIN = _LATIN + _ARABIC + "0123456789 .:-–—’'«»?!()"

HOSTILE_LEGAL_FRAGMENTS = (
    # markup, for the HTML and Markdown writers
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<b onmouseover='x'>",
    "</td></tr></table>",
    "<!--",
    "&amp;",
    "&lt;",
    "*gras*",
    "_souligné_",
    "`code`",
    "[lien](https://example.org)",
    "# titre",
    "| --- |",
    # quoting and escaping, for TOML, JSON and iCalendar
    '"',
    "'",
    "'''",
    '"""',
    "\\",
    "\\N",
    "C:\\Nouveau",
    "\\u0041",
    ";",
    ",",
    "|",
    "\\|",
    ":",
    "a = 1",
    "[table]",
    "{x}",
    "{0}",
    "%s",
    "BEGIN:VEVENT",
    "END:VCALENDAR",
    "14h00 - 14h15",
    # Unicode that text may legally hold
    "\u00a0",  # no-break space
    "\u202f",  # narrow no-break space (French: « 14 h » and before ? ! :)
    "\u2066",  # isolates (LRI, RLI, FSI, PDI): allowed, unlike embeddings and overrides
    "\u2067",
    "\u2068",
    "\u2069",
    "\u200e",  # LRM, RLM, ALM
    "\u200f",
    "\u061c",
    "\u200c",  # zero-width non-joiner and joiner
    "\u200d",
    "\ufeff",
    "e\u0301",  # a combining accent
    "\u064e\u0651",  # harakat
    "\u0640",  # tatweel
    "\u0661\u0664",  # Arabic-Indic digits
    "👍",
    "🇲🇦",
    "👩\u200d👩\u200d👧",
    "𝔸",
    "ﷺ",
)
"""Pieces of text that writers must escape or keep exactly, all of them legal in a title."""


# Strategies are built once and kept: building them anew for each draw (hypothesis validates
# every new strategy object) took most of the time of the round-trip tests.
_CHUNK = st.one_of(
    st.text(alphabet=_PLAIN, min_size=1, max_size=6), st.sampled_from(HOSTILE_LEGAL_FRAGMENTS)
)
_PAD = st.sampled_from(["", "", "", "", " ", "\u00a0"])


def hostile_lines(max_chunks: int = 4) -> st.SearchStrategy[str]:
    """One-line texts (titles, names) of French, Arabic and Latin letters mixed with
    :data:`HOSTILE_LEGAL_FRAGMENTS`: quotes, backslashes, markup, isolates, emoji, NBSP.

    A letter comes first, so that no text is blank; a space or a no-break space stands at
    either end now and then.
    """
    if max_chunks not in _LINES:
        body = st.builds(
            lambda first, rest: first + "".join(rest),
            st.sampled_from(_LATIN + _ARABIC),
            st.lists(_CHUNK, max_size=max_chunks),
        )
        _LINES[max_chunks] = st.builds(lambda a, text, b: a + text + b, _PAD, body, _PAD)
    return _LINES[max_chunks]


_LINES: dict[int, st.SearchStrategy[str]] = {}


def hostile_texts() -> st.SearchStrategy[str]:
    """Multi-line texts (descriptions, notes): lines of :func:`hostile_lines` joined by line
    breaks, blank lines and tabs."""
    return _TEXTS


_TEXTS = st.builds(
    lambda lines, joint: joint.join(lines),
    st.lists(hostile_lines(3), min_size=1, max_size=3),
    st.sampled_from(["\n", "\n\n", "\n\t", " "]),
)


_TEXT_KEYS = st.sampled_from((*GROUP_LANGUAGES, *GROUP_LANGUAGES, "ar_MA", "und"))


def localised_data(text: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[object]:
    """A localised text as a file gives it: a plain string, or a table of languages to
    strings (fr, ar, en; now and then ar_MA, or the untagged ``und`` beside tagged ones)."""
    text = hostile_lines() if text is None else text
    if text not in _LOCALISED:
        tables = st.dictionaries(_TEXT_KEYS, text, min_size=1, max_size=3)
        _LOCALISED[text] = st.one_of(text, tables)
    return _LOCALISED[text]


_LOCALISED: dict[st.SearchStrategy[str], st.SearchStrategy[object]] = {}


_ID_TAIL = st.from_regex(r"[A-Za-z0-9._-]{0,10}", fullmatch=True)


def _ids(prefix: str) -> st.SearchStrategy[str]:
    """Valid ids of every shape (letters of both cases, digits, ``.``, ``_``, ``-``), with a
    prefix that keeps ids of different kinds apart."""
    return _ID_TAIL.map(lambda rest: prefix + rest)


def _unique_ids(prefix: str, count: int) -> st.SearchStrategy[list[str]]:
    """``count`` ids of every shape, unique even with case ignored.

    Built unique rather than filtered: each id holds its index right after the prefix, with
    as many digits for every id (``i03x``, ``i12``), so that a tail cannot make one index look
    like another (``i1`` then ``0`` would be ``i10``), and ids that differ by their index
    differ by a digit, which has no case.
    """
    width = len(str(max(count - 1, 0)))
    return st.lists(_ID_TAIL, min_size=count, max_size=count).map(
        lambda rests: [f"{prefix}{n:0{width}d}{rest}" for n, rest in enumerate(rests)]
    )


def _one_in(draw: st.DrawFn, n: int) -> bool:
    """True about once in ``n`` draws (an integer draw would favour 0, and so True)."""
    return bool(draw(st.sampled_from((False,) * (n - 1) + (True,))))


def _maybe(draw: st.DrawFn, data: dict[str, object], key: str, value: object) -> None:
    """Put ``value`` (drawn, if it is a strategy) under ``key`` half of the time: optional
    fields present or absent. Nothing is drawn for a field left out."""
    if draw(st.booleans()):
        data[key] = draw(value) if isinstance(value, st.SearchStrategy) else value


_URLS = (
    "https://example.org/",
    "https://visio.example.org/r?a=1,b;c&d=<e>",
    'https://example.org/"><script>alert(1)</script>',
    "http://exemple.fr/page#frag'ment",
)
_EMAIL_LOCALS = ("contact", "k.chihani", "a+b", "x_y")


def _clock(minutes: int) -> dt.time:
    return dt.time(minutes // 60, minutes % 60)


_LAST_MINUTE = 23 * 60 + 59


@st.composite
def _day_items(
    draw: st.DrawFn,
    lanes: list[tuple[str | None, str | None]],
    facilitators: st.SearchStrategy[list[dict[str, object]]],
    *,
    night: bool = False,
) -> list[dict[str, object]]:
    """The items of one day (times as minutes), built in order so that nothing overlaps.

    Plenary items follow each other, sometimes after a gap; a parallel block puts sessions in
    two or three ``lanes`` (a room, a track or both; a lane holds one session or two halves)
    and the day rejoins after the longest; the day may end with an open-ended item.
    """
    # The first start: 00:00 to 16:00, or to 02:30 on a night when the clocks change.
    clock = draw(st.integers(0, 30 if night else 16 * 12)) * 5
    items: list[dict[str, object]] = []

    def item(start: int, end: int | None, **fields: object) -> dict[str, object]:
        data: dict[str, object] = {
            "title": draw(localised_data()),
            "start": _clock(start),
            "end": None if end is None else _clock(end),
            "kind": draw(st.sampled_from(_ITEM_KINDS)),
            "facilitators": draw(facilitators),
            **fields,
        }
        if _one_in(draw, 4):
            data["notes"] = draw(localised_data(hostile_texts()))
        _maybe(draw, data, "fixed", True)
        return {k: v for k, v in data.items() if v is not None}

    for _ in range(draw(st.integers(1, 4))):
        clock += draw(st.sampled_from((0, 0, 0, 5, 15, 60)))
        if len(lanes) >= 2 and _one_in(draw, 4):
            length = draw(st.sampled_from((30, 60, 90)))
            if clock + length > _LAST_MINUTE:
                break
            chosen = draw(st.lists(st.sampled_from(lanes), min_size=2, max_size=3, unique=True))
            for room, track in chosen:
                lane = {k: v for k, v in (("room", room), ("track", track)) if v is not None}
                halves = draw(st.booleans())
                spans = [(0, length // 2), (length // 2, length)] if halves else [(0, length)]
                for begin, end in spans:
                    items.append(item(clock + begin, clock + end, **lane))
            clock += length
            continue
        length = draw(st.sampled_from((5, 10, 15, 20, 30, 45, 60, 90, 120)))
        if clock + length > _LAST_MINUTE:
            break
        items.append(item(clock, clock + length))
        clock += length
    if clock <= 23 * 60 and (not items or draw(st.booleans())):
        items.append(item(clock + draw(st.sampled_from((0, 15))), None))  # open-ended last
    return items


_ITEM_KINDS = (
    "welcome",
    "presentation",
    "discussion",
    "workshop",
    "plenary",
    "break",
    "meal",
    "conclusion",
    "social",
    "other",
)


def _facilitators(
    persons: list[str], actors: list[str]
) -> st.SearchStrategy[list[dict[str, object]]]:
    """Facilitators of all three kinds: persons (with a label, on behalf of an actor),
    organisations (with a label) and roles (of an organisation)."""
    kinds: list[st.SearchStrategy[dict[str, object]]] = [
        st.fixed_dictionaries(
            {"role": localised_data()}, optional={"actor": st.sampled_from(actors)}
        )
    ]
    if persons:
        kinds.append(
            st.fixed_dictionaries(
                {"person": st.sampled_from(persons)},
                optional={"label": hostile_lines(2), "on_behalf_of": st.sampled_from(actors)},
            )
        )
    kinds.append(
        st.fixed_dictionaries(
            {"actor": st.sampled_from(actors)}, optional={"label": hostile_lines(2)}
        )
    )
    return st.lists(st.one_of(kinds), max_size=3)


@st.composite
def _meeting_data(
    draw: st.DrawFn, key: str, persons: list[str], actors: list[str]
) -> dict[str, object]:
    """A valid meeting, as data: one to three days, rooms and tracks, declared bounds or not."""
    night = _one_in(draw, 5)
    if night:
        first, zone = draw(st.sampled_from(CLOCK_CHANGES))
    else:
        first = draw(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2035, 12, 31)))
        zone = draw(st.sampled_from(GROUP_TIMEZONES))
    length = draw(st.sampled_from((1, 1, 1, 2, 3)))
    mode = draw(st.sampled_from(("in_person", "in_person", "online", "hybrid")))
    data: dict[str, object] = {
        "id": key,
        "title": draw(localised_data()),
        "date": first,
        "timezone": zone,
    }
    if length > 1 or _one_in(draw, 6):
        data["end_date"] = first + dt.timedelta(days=length - 1)  # end_date == date is legal
    rooms: list[str] = []
    if mode != "online" or draw(st.booleans()):
        rooms = draw(_unique_ids("r", draw(st.integers(0, 3))))
        venue: dict[str, object] = {"name": draw(localised_data())}
        _maybe(draw, venue, "address", hostile_lines(2))
        _maybe(draw, venue, "postal_code", st.sampled_from(["87000", "20250", "BP 12"]))
        _maybe(draw, venue, "city", localised_data())
        _maybe(draw, venue, "country", st.sampled_from(["FR", "MA", "SN"]))
        venue["rooms"] = [
            {"id": room, "name": draw(localised_data()), "capacity": draw(st.integers(1, 500))}
            for room in rooms
        ]
        data["venue"] = venue
    if mode != "in_person":
        data["attendance_mode"] = mode
    if mode != "in_person" or draw(st.booleans()):
        data["online_url"] = draw(st.sampled_from(_URLS))
    tracks = draw(st.lists(hostile_lines(1), max_size=2, unique=True))
    lanes: list[tuple[str | None, str | None]] = [(room, None) for room in rooms]
    lanes += [(None, track) for track in tracks]
    if rooms and tracks:
        lanes.append((rooms[0], tracks[0]))
    lanes = list(dict.fromkeys(lanes))
    # Lanes that share a room or a track cannot run side by side: keep them apart.
    lanes = [lane for n, lane in enumerate(lanes) if not any(_shares(lane, o) for o in lanes[:n])]
    facilitators = _facilitators(persons, actors)
    items: list[dict[str, object]] = []
    days = [first + dt.timedelta(days=n) for n in range(length)]
    empty = _one_in(draw, 10)
    for n, day in enumerate(days if not empty else []):
        for data_item in draw(_day_items(lanes, facilitators, night=night and n == 0)):
            if n > 0 or _one_in(draw, 5):
                data_item["day"] = day
            items.append(data_item)
    for n, item_id in enumerate(draw(_unique_ids("i", len(items)))):
        if draw(st.booleans()):
            items[n]["id"] = item_id
    if items and draw(st.booleans()):
        items = list(draw(st.permutations(items)))  # file order need not be time order
    data["agenda"] = items
    _declare_bounds(draw, data, items, days)
    _maybe(draw, data, "organiser", st.sampled_from(actors))
    if persons:
        _maybe(draw, data, "contact", st.sampled_from(persons))
        _maybe(draw, data, "signatory", st.sampled_from(persons))
    _maybe(draw, data, "description", localised_data(hostile_texts()))
    _maybe(draw, data, "objectives", st.lists(localised_data(), min_size=1, max_size=2))
    status = draw(st.sampled_from(("scheduled", "scheduled", "postponed", "cancelled")))
    if status != "scheduled":
        data["status"] = status
    if status == "postponed":
        _maybe(
            draw, data, "previous_date", st.integers(1, 60).map(lambda n: first - dt.timedelta(n))
        )
    registered = (
        draw(st.lists(st.sampled_from(persons), unique=True, max_size=2)) if persons else []
    )
    participants: list[dict[str, object]] = [{"person": p} for p in registered]
    for n in range(draw(st.integers(0, 2))):
        guest: dict[str, object] = {"name": f"Invité n°{n} {draw(hostile_lines(1))}"}
        if draw(st.booleans()):
            guest["organisation"] = draw(st.sampled_from(actors))
        else:
            guest["organisation_name"] = draw(localised_data())
            _maybe(draw, guest, "organisation_kind", "association")
        _maybe(draw, guest, "mode", "online")
        _maybe(draw, guest, "attendance", st.sampled_from(["excused", "absent"]))
        participants.append(guest)
    if participants:
        data["participants"] = participants
    return data


def _shares(lane: tuple[str | None, str | None], other: tuple[str | None, str | None]) -> bool:
    return any(a is not None and a == b for a, b in zip(lane, other, strict=True))


def _minutes(value: object) -> int:
    assert isinstance(value, dt.time)
    return value.hour * 60 + value.minute


def _declare_bounds(
    draw: st.DrawFn, data: dict[str, object], items: list[dict[str, object]], days: list[dt.date]
) -> None:
    """Declare the meeting's start and end now and then, around its items (never cutting one)."""
    first_day = [i for i in items if i.get("day", days[0]) == days[0]]
    last_day = [i for i in items if i.get("day", days[0]) == days[-1]]
    earliest = min((_minutes(i["start"]) for i in first_day), default=None)
    # The end must come after every end, and after the start of an open-ended item.
    latest = max(
        (_minutes(i["end"]) if "end" in i else _minutes(i["start"]) + 1 for i in last_day),
        default=None,
    )
    if draw(st.booleans()):
        start = 9 * 60 if earliest is None else max(0, earliest - draw(st.sampled_from((0, 30))))
        if earliest is None and len(days) == 1 and latest is not None:
            start = 0
        data["start"] = _clock(start)
    if draw(st.booleans()):
        end = (
            18 * 60
            if latest is None
            else min(_LAST_MINUTE, latest + draw(st.sampled_from((0, 30))))
        )
        start_given = data.get("start")
        if len(days) == 1 and isinstance(start_given, dt.time) and end <= _minutes(start_given):
            return
        data["end"] = _clock(end)


@st.composite
def group_data_valid(draw: st.DrawFn) -> dict[str, object]:
    """A valid, varied country group as plain data (what a file holds, dates as objects).

    Built by construction, not by filtering: ids are unique by their index, references point
    to what exists, agendas are laid out in time so that nothing overlaps. Every localised
    text may be in French, Arabic and English, and mixes in :data:`HOSTILE_LEGAL_FRAGMENTS`.
    """
    actors = draw(_unique_ids("a", draw(st.integers(0, 4))))
    network = "net" + draw(_ids(""))
    persons = draw(_unique_ids("p", draw(st.integers(0, 4))))
    priorities = draw(_unique_ids("t", draw(st.integers(0, 3))))
    every_actor = [network, *actors]
    data: dict[str, object] = {
        "id": draw(_ids("g")),
        "name": draw(localised_data()),
        "country": draw(st.sampled_from(["MA", "SN", "TN"])),
        "network": _network_data(draw, network),
    }
    _maybe(draw, data, "schema_version", 1)
    _maybe(draw, data, "acronym", localised_data(hostile_lines(1)))
    _maybe(
        draw,
        data,
        "anchor",
        draw(st.lists(st.sampled_from(["FR-NAQ", "FR-OCC", "FR-IDF"]), unique=True, max_size=2)),
    )
    _maybe(draw, data, "default_language", st.sampled_from(["fr", "ar", "en", "ar_MA"]))
    _maybe(draw, data, "languages", st.lists(st.sampled_from(GROUP_LANGUAGES), unique=True))
    _maybe(draw, data, "description", localised_data(hostile_texts()))
    _maybe(draw, data, "working_arrangements", localised_data(hostile_texts()))
    if draw(st.booleans()):
        # Objectives given as a text alone, or as a table with or without an id: the ids, when
        # given, are unique like any other.
        objectives: list[object] = []
        for key in draw(_unique_ids("o", draw(st.integers(0, 3)))):
            text = draw(localised_data())
            objectives.append(
                draw(st.sampled_from([text, {"text": text}, {"id": key, "text": text}]))
            )
        data["objectives"] = objectives
    data["priorities"] = [
        {
            "id": key,
            "title": draw(localised_data()),
            **({"dac_codes": [110, 11330]} if draw(st.booleans()) else {}),
            **(
                {"description": draw(localised_data(hostile_texts()))}
                if draw(st.booleans())
                else {}
            ),
        }
        for key in priorities
    ]
    if draw(st.booleans()):
        policy: dict[str, object] = {"open_to": draw(localised_data())}
        _maybe(
            draw, policy, "network_membership", draw(st.sampled_from(["required", "appreciated"]))
        )
        _maybe(draw, policy, "note", localised_data(hostile_texts()))
        data["membership_policy"] = policy
    data["actors"] = [_actor_data(draw, key, every_actor, priorities) for key in actors]
    data["persons"] = [
        {
            "id": key,
            "name": draw(hostile_lines(2)),
            **({"affiliation": draw(st.sampled_from(every_actor))} if draw(st.booleans()) else {}),
            **({"role": draw(localised_data())} if draw(st.booleans()) else {}),
            **(
                {"email": f"{draw(st.sampled_from(_EMAIL_LOCALS))}@exemple-{n}.org"}
                if draw(st.booleans())
                else {}
            ),
        }
        for n, key in enumerate(persons)
    ]
    data["members"] = [
        {
            "actor": key,
            "role": draw(st.sampled_from(["member", "coordinator", "secretariat", "observer"])),
            **({"since": draw(st.integers(1990, 2024))} if draw(st.booleans()) else {}),
        }
        for key in draw(st.lists(st.sampled_from(every_actor), unique=True, max_size=3))
    ]
    data["partnerships"] = [
        _partnership_data(draw, f"pp{n}", every_actor, priorities)
        for n in range(draw(st.integers(0, 2) if len(every_actor) >= 2 else st.just(0)))
    ]
    meeting_ids = draw(_unique_ids("m", draw(st.integers(1, 3))))
    data["meetings"] = [draw(_meeting_data(key, persons, every_actor)) for key in meeting_ids]
    data["projects"] = [
        _project_data(draw, f"pj{n}", every_actor, persons, priorities)
        for n in range(draw(st.integers(0, 2)))
    ]
    data["resources"] = [
        {
            "id": f"res{n}",
            "title": draw(localised_data()),
            "kind": draw(st.sampled_from(["document", "link", "training", "event"])),
            **({"offered_by": draw(st.sampled_from(every_actor))} if draw(st.booleans()) else {}),
            **({"url": draw(st.sampled_from(_URLS))} if draw(st.booleans()) else {}),
            **(
                {"date": draw(st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1)))}
                if draw(st.booleans())
                else {}
            ),
            **({"author": draw(hostile_lines(1))} if draw(st.booleans()) else {}),
        }
        for n in range(draw(st.integers(0, 2)))
    ]
    return data


def _network_data(draw: st.DrawFn, key: str) -> dict[str, object]:
    network: dict[str, object] = {"id": key, "name": draw(localised_data())}
    _maybe(draw, network, "acronym", localised_data(hostile_lines(1)))
    _maybe(draw, network, "tagline", localised_data())
    _maybe(draw, network, "mission", localised_data(hostile_texts()))
    _maybe(draw, network, "context", localised_data(hostile_texts()))
    _maybe(draw, network, "founded_by", ["state", "local_authorities", "associations"])
    _maybe(
        draw,
        network,
        "offers",
        draw(st.lists(st.sampled_from(["hosting", "secretariat", "facilitation"]), unique=True)),
    )
    _maybe(draw, network, "website", st.sampled_from(_URLS))
    return network


_ACTOR_KINDS = (
    "local_authority",
    "state_service",
    "public_body",
    "association",
    "network",
    "university",
    "company",
    "diaspora_association",
    "foundation",
    "international_organisation",
    "other",
)


def _actor_data(
    draw: st.DrawFn, key: str, every_actor: list[str], priorities: list[str]
) -> dict[str, object]:
    actor: dict[str, object] = {"id": key, "name": draw(localised_data())}
    _maybe(draw, actor, "kind", st.sampled_from(_ACTOR_KINDS))
    _maybe(draw, actor, "short_name", localised_data(hostile_lines(1)))
    _maybe(draw, actor, "city", localised_data())
    _maybe(draw, actor, "description", localised_data(hostile_texts()))
    _maybe(draw, actor, "website", st.sampled_from(_URLS))
    if draw(st.booleans()):
        actor["country"] = "FR"
        actor["area"] = "FR-NAQ"
        actor["department"] = draw(st.sampled_from(["87", "19", "23"]))
        actor["identifiers"] = {"siren": "732829320", "siret": "73282932000074"}
    else:
        actor["country"] = "MA"
        actor["works_in"] = draw(st.lists(st.sampled_from(["MA-07", "MA-01"]), unique=True))
    if draw(st.booleans()):
        actor["identifiers"] = {"rna": "W123456789"}
    if draw(st.booleans()):
        since = draw(st.dates(dt.date(1980, 1, 1), dt.date(2010, 1, 1)))
        actor["former_names"] = [
            {
                "name": draw(localised_data()),
                "since": since,
                "until": since + dt.timedelta(days=draw(st.integers(1, 3000))),
            },
            {"name": draw(localised_data()), "attested": [dt.date(2016, 11, 4)]},
        ]
    if _one_in(draw, 5):
        actor["dissolved"] = dt.date(2020, 12, 31)
        actor["successor"] = draw(st.sampled_from(every_actor))
    if draw(st.booleans()):
        cooperation: dict[str, object] = {"since": draw(st.integers(1980, 2024))}
        _maybe(draw, cooperation, "partner_areas", localised_data())
        _maybe(draw, cooperation, "description", localised_data(hostile_texts()))
        if priorities:
            cooperation["priorities"] = draw(st.lists(st.sampled_from(priorities), unique=True))
        actor["cooperation"] = cooperation
    if priorities:
        _maybe(draw, actor, "themes", st.lists(st.sampled_from(priorities), unique=True))
    _maybe(draw, actor, "languages", st.lists(st.sampled_from(GROUP_LANGUAGES), unique=True))
    _maybe(draw, actor, "network_member", st.booleans())
    return actor


def _partnership_data(
    draw: st.DrawFn, key: str, every_actor: list[str], priorities: list[str]
) -> dict[str, object]:
    partnership: dict[str, object] = {
        "id": key,
        "parties": draw(
            st.lists(st.sampled_from(every_actor), min_size=2, max_size=3, unique=True)
        ),
    }
    _maybe(draw, partnership, "kind", st.sampled_from(["associative", "academic", "other"]))
    _maybe(draw, partnership, "status", st.sampled_from(["planned", "suspended", "ended"]))
    since = st.one_of(st.integers(1980, 2020), st.dates(dt.date(1980, 1, 1), dt.date(2020, 1, 1)))
    _maybe(draw, partnership, "since", since)
    _maybe(draw, partnership, "until", 2030)
    if priorities:
        _maybe(
            draw, partnership, "themes", draw(st.lists(st.sampled_from(priorities), unique=True))
        )
    _maybe(draw, partnership, "description", localised_data(hostile_texts()))
    return partnership


def _project_data(
    draw: st.DrawFn, key: str, every_actor: list[str], persons: list[str], priorities: list[str]
) -> dict[str, object]:
    from decimal import Decimal

    lead = draw(st.sampled_from(every_actor))
    project: dict[str, object] = {"id": key, "title": draw(localised_data()), "lead": lead}
    partners = [a for a in every_actor if a != lead]
    if partners:
        _maybe(draw, project, "partners", st.lists(st.sampled_from(partners), unique=True))
    places = st.builds(lambda name: [{"region": "MA-07", "name": name}], localised_data())
    _maybe(draw, project, "places", places)
    if priorities:
        _maybe(draw, project, "themes", st.lists(st.sampled_from(priorities), unique=True))
    _maybe(draw, project, "start", 2016)
    _maybe(draw, project, "end", dt.date(2019, 6, 30))
    _maybe(draw, project, "status", st.sampled_from(["planned", "running", "finished"]))
    if draw(st.booleans()):
        amount = Decimal(draw(st.integers(0, 10**9))) / 100
        project["budget"] = {
            "amount": amount,
            "currency": draw(st.sampled_from(["EUR", "MAD", "XOF"])),
            "funders": [{"actor": lead, "amount": amount}, {"name": draw(localised_data())}],
        }
    if persons:
        _maybe(draw, project, "contact", st.sampled_from(persons))
    _maybe(draw, project, "description", localised_data(hostile_texts()))
    return project


def groups() -> st.SearchStrategy[CountryGroup]:
    """Valid, varied country groups (see :func:`group_data_valid`), as model objects."""
    from rrma_groups import CountryGroup

    return group_data_valid().map(CountryGroup.model_validate)


FUZZ_TOKENS = (
    # structure of each format the readers take
    "\n",
    "\r\n",
    "\t",
    "|",
    "\\|",
    "|---|",
    " - ",
    "–",
    "(",
    ")",
    '"',
    "'",
    "\\",
    "=",
    "[",
    "]",
    "[[",
    "{",
    "}",
    ",",
    ":",
    ";",
    "#",
    '"""',
    "\\u",
    "\\ud800",
    "BEGIN:VEVENT\r\n",
    "END:VEVENT\r\n",
    "BEGIN:VCALENDAR\r\n",
    "END:VCALENDAR\r\n",
    "DTSTART;TZID=Europe/Paris:20161104T140000\r\n",
    "DTEND:20161104T130000Z\r\n",
    "RELATED-TO;RELTYPE=PARENT:",
    "X-RRMA-FACILITATOR;X-RRMA-TYPE=person;X-RRMA-ID=",
    "TZID=/vendor/Europe/Paris",
    " ",
    # values that readers must refuse or take apart
    "14h00 - 14h15",
    "24:00",
    "25h",
    "2 pm",
    "٢:٣٠ م",
    "04/11/2016",
    "31/02/2016",
    "9999-12-31",
    "0000-00-00",
    "person:",
    "actor:",
    "person:!",
    "Khalid",
    "et",
    "و",
    "-1",
    "1e999",
    "NaN",
    "9" * 40,
    "0x1F",
    "true",
    "null",
    # characters no text may hold, or that a file cannot
    "\x00",
    "\x1b[2J",
    "\x7f",
    "\x85",
    "\u2028",
    "\u202e",
    "\u2066",
    "\ufeff",
    "\ud800",
    "\udfff",
    "\uffff",
    "👩\u200d👩\u200d👧",
)
"""Pieces that :func:`mutated` inserts: each reader's syntax, values at or past their limits,
and characters that must be refused."""


@st.composite
def mutated(draw: st.DrawFn, text: str, *, tokens: tuple[str, ...] = FUZZ_TOKENS) -> str:
    """``text`` with one to four mutations: a slice deleted, duplicated or replaced, two lines
    swapped, a token of :data:`FUZZ_TOKENS` (or any text) inserted, a line repeated many
    times."""
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(text)))
        size = draw(st.integers(0, 40))
        how = draw(
            st.sampled_from(
                ("delete", "duplicate", "insert", "insert", "replace", "swap", "repeat")
            )
        )
        if how == "delete":
            text = text[:where] + text[where + size :]
        elif how == "duplicate":
            text = text[:where] + text[where : where + size] * 2 + text[where + size :]
        elif how in ("insert", "replace"):
            piece = draw(st.one_of(st.sampled_from(tokens), st.text(max_size=10)))
            cut = size if how == "replace" else 0
            text = text[:where] + piece + text[where + cut :]
        elif how == "swap":
            lines = text.split("\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        else:
            lines = text.split("\n")
            i = draw(st.integers(0, len(lines) - 1))
            lines[i:i] = [lines[i]] * draw(st.integers(2, 200))
            text = "\n".join(lines)
    return text


# ============================================================================================
# rrma_groups.i18n.bidi: text with directional controls, balanced or not
# ============================================================================================

BIDI_ALPHABET = (
    "aZé ال0-"  # letters of both directions, a digit, a space, a neutral
    "\u2066\u2067\u2068\u2069"  # isolates (LRI, RLI, FSI) and PDI
    "\u202a\u202b\u202c\u202d\u202e"  # embeddings, overrides and PDF
    "\u200e\u200f"  # marks
    "\n\r\u2029"  # paragraph separators
)


def bidi_texts(max_size: int = 30) -> st.SearchStrategy[str]:
    """Texts thick with bidi controls: isolates opened and never closed, PDIs that close
    nothing, isolates across lines, embeddings and overrides."""
    return st.text(alphabet=BIDI_ALPHABET, max_size=max_size)


# ============================================================================================
# rrma_groups.model.series: recurrence rules
# ============================================================================================

_WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@st.composite
def rrule_texts(draw: st.DrawFn) -> str:
    """RRULE texts with a COUNT, of rules that give dates often enough for dateutil, which walks
    to the year 9999 before it gives up on a rule without dates.

    Every frequency, interval, WKST and BYMONTH; BYMONTHDAY up to the 28th from either end, or
    weekdays with a position (monthly and yearly rules) or without one, never both in a list
    (month days and weekdays together give dates years apart); BYSETPOS 1 or -1, never in a
    daily rule (its periods hold one date). A monthly rule with BYMONTH steps one month at a
    time.
    """
    frequency = draw(st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]))
    months = draw(st.lists(st.integers(1, 12), max_size=3, unique=True))
    interval = 1 if frequency == "MONTHLY" and months else draw(st.integers(1, 3))
    parts = [f"FREQ={frequency}", f"INTERVAL={interval}"]
    if months:
        parts.append("BYMONTH=" + ",".join(map(str, months)))
    positioned = frequency in ("MONTHLY", "YEARLY") and draw(st.booleans())
    if positioned:
        largest = 4 if frequency == "MONTHLY" or months else 52
        positions = st.integers(1, largest).map(lambda n: n * draw(st.sampled_from([1, -1])))
        days = draw(
            st.lists(st.tuples(positions, st.sampled_from(_WEEKDAY_CODES)), max_size=2, unique=True)
        )
        if days:
            parts.append("BYDAY=" + ",".join(f"{n}{code}" for n, code in days))
    elif draw(st.booleans()):
        month_days = draw(
            st.lists(st.integers(1, 28).map(lambda n: n * draw(st.sampled_from([1, -1]))),
                     max_size=2, unique=True)
        )  # fmt: skip
        if month_days:
            parts.append("BYMONTHDAY=" + ",".join(map(str, month_days)))
    else:
        weekdays = draw(st.lists(st.sampled_from(_WEEKDAY_CODES), max_size=3, unique=True))
        if weekdays:
            parts.append("BYDAY=" + ",".join(weekdays))
    if frequency != "DAILY" and draw(st.booleans()):
        parts.append("BYSETPOS=" + draw(st.sampled_from(["1", "-1", "1,-1"])))
    parts.append(f"WKST={draw(st.sampled_from(_WEEKDAY_CODES))}")
    parts.append(f"COUNT={draw(st.integers(1, 15))}")
    return ";".join(parts)
