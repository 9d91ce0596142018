"""Hypothesis strategies shared by the tests.

Each section belongs to one module under test; add new sections below the existing ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from hypothesis import strategies as st

if TYPE_CHECKING:
    from rrma_groups import Meeting

# ============================================================================================
# rrma_groups.timeparse: times, dates and durations, and the ways people write them
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
# rrma_groups.ical: meetings to export to iCalendar and read back
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
# rrma_groups.scheduling and rrma_groups.tables: agendas to re-time, and tables to read back
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
