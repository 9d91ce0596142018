"""The fragments messages are built from, and how a template is filled.

Values a message shows (:class:`Msg`, a translatable fragment; :class:`Count`, :class:`Named`,
:class:`Span`, :class:`DayClock`), plural templates (:func:`NN_`), lists joined the language's
way (:func:`listing`, :func:`joined`) and the words used inside many messages. The templates
themselves, by code, are in :mod:`rrma_groups.messages`, which names all of these again.

This module depends on nothing of the package but the catalogs' ``N_`` marker and the clock's
writing, so that every layer, the lowest included, takes its words from here.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final, NamedTuple

from .i18n.catalog import N_
from .i18n.writing import clock_text

__all__ = [
    "AND",
    "COMMA",
    "COUNTED",
    "Count",
    "DayClock",
    "KIND_NAMES",
    "LANE_PLENARY",
    "MAX_SHOWN",
    "NN_",
    "NONE",
    "PLURALS",
    "SEMICOLON",
    "WARNING_PREFIX",
    "Msg",
    "Named",
    "Span",
    "joined",
    "lane_name",
    "listing",
    "render_template",
    "time_text",
]


PLURALS: Final[dict[str, str]] = {}
"""The singular of each template that counts something (``{count}``), by its plural; the
catalogs give every plural form of a language (Arabic has six)."""

COUNTED: Final[dict[str, str]] = {}
"""The parameter that chooses the plural form of a template, when it is not ``count``."""


def NN_(singular: str, plural: str, *, counting: str = "count") -> str:
    """Mark a template that counts: the plural is the template, the singular is kept in
    :data:`PLURALS`, and both are extracted as one catalog entry.

    ``counting`` names the parameter whose number chooses the form (``{count}`` by default):
    "{length} characters" becomes "64 حرفًا" in Arabic, "3 أحرف", "100 حرف".
    """
    PLURALS[plural] = singular
    if counting != "count":
        COUNTED[plural] = counting
    return plural


class Named(str):
    """A title or name from the data, with its texts in other languages.

    It is the file's own text (its default language) wherever a plain string is expected, as in
    English messages, JSON reports and comparisons; a message in another language shows the
    text in that language when the data has one: « تقديم جدول الأعمال » in Arabic where English
    shows 'Présentation de l'ordre du jour'.
    """

    texts: Mapping[str, str]

    def __new__(cls, text: str, texts: Mapping[str, str] | None = None) -> Named:
        self = super().__new__(cls, text)
        self.texts = dict(texts or {})
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Named, (str(self), self.texts))

    @classmethod
    def of(cls, text: Any) -> Named:
        """The name of a localised text (anything with ``get()`` and ``items()``)."""
        return cls(text.get(), dict(text.items()))

    def in_language(self, lang: str | None) -> str:
        """The text for ``lang`` (``ar_MA``, then ``ar``), else the file's own text."""
        if lang is not None and self.texts:
            code = lang.replace("-", "_")
            for candidate in (code, code.split("_")[0]):
                found = self.texts.get(candidate)
                if found:
                    return found
        return str(self)


class Msg(NamedTuple):
    """A translatable fragment used as a message parameter ("the plenary", "room {room}")."""

    template: str
    params: Mapping[str, Any] = {}

    def __str__(self) -> str:
        return render_template(self.template, self.params)


class Count(int):
    """A number that a message writes with the locale's digit grouping: 33,554,432 in English,
    33 554 432 in French. Plain ints stay as they are (a year, a number of minutes)."""

    __slots__ = ()


class Span(NamedTuple):
    """When something takes place, as a message says it: "on 4 November 2016, from 14:00 to
    17:30". ``start`` and ``end`` are dates, or datetimes when the times are known."""

    start: dt.date
    end: dt.date

    def wording(self) -> Msg:
        """The fragment that says it, its dates and times formatted by the message's language."""
        start, end = self.start, self.end
        if isinstance(start, dt.datetime) and isinstance(end, dt.datetime):
            if start.date() == end.date():
                return Msg(
                    N_("on {date}, from {start} to {end}"),
                    {"date": start.date(), "start": start.time(), "end": end.time()},
                )
            return Msg(
                N_("from {start_date} at {start} to {end_date} at {end}"),
                {
                    "start_date": start.date(),
                    "start": start.time(),
                    "end_date": end.date(),
                    "end": end.time(),
                },
            )
        first = start.date() if isinstance(start, dt.datetime) else start
        last = end.date() if isinstance(end, dt.datetime) else end
        if first == last:
            # Only one of the times known: say it, it is what the item went past.
            if isinstance(start, dt.datetime):
                return Msg(N_("on {date}, from {start}"), {"date": first, "start": start.time()})
            if isinstance(end, dt.datetime):
                return Msg(N_("on {date}, until {end}"), {"date": first, "end": end.time()})
            return Msg(N_("on {date}"), {"date": first})
        if isinstance(start, dt.datetime):
            return Msg(
                N_("from {start_date} at {start} to {last}"),
                {"start_date": first, "start": start.time(), "last": last},
            )
        if isinstance(end, dt.datetime):
            return Msg(
                N_("from {first} to {end_date} at {end}"),
                {"first": first, "end_date": last, "end": end.time()},
            )
        return Msg(N_("from {first} to {last}"), {"first": first, "last": last})

    def __str__(self) -> str:
        return str(self.wording())


MAX_SHOWN = 80
"""Longest value quoted in a message; longer ones are cut with an ellipsis."""


def time_text(value: dt.time) -> str:
    """A time as English messages show it: ``14:00``, and only when it has them, its seconds and
    their fraction (``14:00:30``, ``14:00:00.999999``), so that two different times never read
    the same in one message."""
    if value.microsecond:
        return value.replace(tzinfo=None).isoformat()
    return clock_text(value.hour * 3600 + value.minute * 60 + value.second)


class DayClock(int):
    """A time of day in seconds, up to the end of the day (``24:00``) included, as messages
    about moving items say it; each language writes it as its programmes do (``24h00``)."""

    __slots__ = ()

    def __str__(self) -> str:
        return clock_text(int(self))


def _plain(value: Any) -> Any:
    """A parameter as an English message shows it: times as 14:00, no seconds when zero."""
    if isinstance(value, dt.datetime):
        return f"{value:%Y-%m-%d} {time_text(value.time())}"
    if isinstance(value, dt.time):
        return time_text(value)
    if isinstance(value, Msg | Span | DayClock):
        return str(value)
    if isinstance(value, Count):
        return f"{value:,}"
    return value


class _Quoting(string.Formatter):
    """``str.format``, except that ``{name!r}`` of a text is quoted the language's way."""

    def __init__(self, quote: Callable[[str], str]) -> None:
        self.quote = quote

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion == "r" and isinstance(value, str):
            return self.quote(value)
        return super().convert_field(value, conversion)


def render_template(
    template: str,
    params: Mapping[str, Any],
    plain: Any = _plain,
    quote: Callable[[str], str] | None = None,
) -> str:
    """Fill ``template`` with ``params`` (``{name}`` and ``{name!r}``), never failing.

    ``quote`` writes the texts of ``{name!r}`` (« Accueil » in French); without it they are
    quoted as Python writes them ('Accueil'), as English messages show them.
    """
    shown = {k: plain(v) for k, v in params.items()}
    value = shown.get("value")
    if isinstance(value, str) and len(value) > MAX_SHOWN:  # the offending value, quoted briefly
        shown["value"] = value[: MAX_SHOWN - 1] + "…"
    try:
        if quote is None:
            return template.format(**shown)
        return _Quoting(quote).vformat(template, (), shown)
    except (KeyError, IndexError, ValueError, AttributeError):  # odd braces from outside
        return template


# Fragments used inside messages, translated like them.
LANE_PLENARY = Msg(N_("the plenary"))
# TRANSLATORS: before a warning's message, as in "line 3: warning: ..."; keep the colon.
WARNING_PREFIX = Msg(N_("warning: "))
# TRANSLATORS: in place of a list that has no entry ("the group has: none").
NONE = Msg(N_("none"))
KIND_NAMES = {
    "actor": Msg(N_("actor")),
    "person": Msg(N_("person")),
    "room": Msg(N_("room")),
    "priority": Msg(N_("priority")),
    "meeting": Msg(N_("meeting")),
}


def lane_name(room: str | None, track: str | None) -> Msg:
    """Where an item runs, for messages: the plenary, a room, a track."""
    if room is not None and track is not None:
        return Msg(N_("room {room!r} / track {track!r}"), {"room": room, "track": track})
    if room is not None:
        return Msg(N_("room {room!r}"), {"room": room})
    if track is not None:
        return Msg(N_("track {track!r}"), {"track": track})
    return LANE_PLENARY


# Translatable joints of lists whose entries are translated too ("[3] 'Débat' (id 'debat')").
# TRANSLATORS: joins two entries of a list; keep both placeholders, translate the comma.
COMMA: Final = N_("{previous}, {next}")


# TRANSLATORS: joins two entries of a list; keep both placeholders, translate the semicolon.
SEMICOLON: Final = N_("{previous}; {next}")


# TRANSLATORS: joins two entries of a list, such as "minutes= and end=".
AND: Final = N_("{previous} and {next}")


def listing(entries: Iterable[Any]) -> Any:
    """Entries joined by the language's comma, or "none" when there is none (ids, choices)."""
    shown = list(entries)
    return joined(shown, COMMA) if shown else NONE


def joined(entries: Sequence[Any], joint: str) -> Any:
    """Entries joined two by two with a translatable ``joint`` (``COMMA``, ``AND``...)."""
    if not entries:
        return ""
    result = entries[0]
    for entry in entries[1:]:
        result = Msg(joint, {"previous": result, "next": entry})
    return result
