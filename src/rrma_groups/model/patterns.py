"""The JSON Schema of the values of a group file: texts, codes, times and dates as patterns.

Editors check a file against the schema as people type; ``rrma-groups validate`` checks it with
the models. Each pattern here accepts at least what the model's validator accepts, and refuses
as much of the rest as a regular expression can say: a ``25h00``, an id with a space, a title
with a control character, a country that is not one. What needs more than a pattern (a check
digit, the end of an item before its start, an id that names nothing) is left to ``validate``.

A pattern is read by three engines: ECMA-262's (the dialect of JSON Schema), Python's ``re``
(the ``jsonschema`` package) and Rust's ``regex`` (Taplo, behind Even Better TOML). So they use
only classes, groups, alternatives, counts and anchors; every character but the ASCII letters
and digits is written in a class as a ``\\uXXXX`` escape, which the three read alike; and
``\\s`` and ``\\w`` are not used, as the three do not agree on them. Characters beyond the Basic
Multilingual Plane are left out of every class: an engine without Unicode mode would split them
in two, and leaving them out only ever accepts more.

Pydantic gives a definition (``$defs``) to models and enums only; the big fragments here (the
languages, the time and date patterns) would be repeated in every field that uses them. Each
carries its name under :data:`DEFINITION`, and :func:`rrma_groups.json_schema` moves it into
``$defs``, leaving a ``$ref`` in its place.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

__all__ = [
    "DEFINITION",
    "NOT_ASCII",
    "alternation",
    "apply",
    "char_class",
    "code",
    "date_schema",
    "duration_schema",
    "email",
    "figures",
    "integer_text",
    "language",
    "letters",
    "number",
    "spaces",
    "subdivision",
    "text_schema",
    "text_table_schema",
    "time_range_schema",
    "time_schema",
    "url",
    "with_spaces",
]

DEFINITION = "x-rrma-groups-definition"
"""Key of a fragment's name: :func:`rrma_groups.json_schema` makes it a definition of that name."""

_SPECIAL_UPPER = {"I": "\u0131", "S": "\u017f"}
# str.upper() makes an ASCII letter of two other characters (dotless i and long s): a code
# checked with value.strip().upper() accepts them too, and so do the patterns of such codes.


def _ranges(spec: str) -> list[tuple[int, int]]:
    """The code points of ``spec``, written as the inside of a Python ``[...]`` class (each
    ``-`` between two characters is a range), as sorted ranges within the BMP."""
    points: list[tuple[int, int]] = []
    i = 0
    while i < len(spec):
        if i + 2 < len(spec) and spec[i + 1] == "-":
            points.append((ord(spec[i]), ord(spec[i + 2])))
            i += 3
        else:
            points.append((ord(spec[i]), ord(spec[i])))
            i += 1
    # Surrogates are no characters (and Rust's regex refuses them in a class): cut them out.
    cut: list[tuple[int, int]] = []
    for low, high in points:
        high = min(high, 0xFFFF)
        cut += [(low, min(high, 0xD7FF)), (max(low, 0xE000), high)]
    merged: list[tuple[int, int]] = []
    for low, high in sorted((low, high) for low, high in cut if low <= high):
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(high, merged[-1][1]))
        else:
            merged.append((low, high))
    return merged


def _char(point: int) -> str:
    char = chr(point)
    return char if char.isascii() and char.isalnum() else f"\\u{point:04x}"


def char_class(spec: str, *, negate: bool = False) -> str:
    """A class of the characters of ``spec`` (see :func:`_ranges`), escaped for every engine.

    >>> char_class("a-z_ ")
    '[\\\\u0020\\\\u005fa-z]'
    """
    parts = []
    for low, high in _ranges(spec):
        if high == low:
            parts.append(_char(low))
        elif high == low + 1:
            parts.append(_char(low) + _char(high))
        else:
            parts.append(f"{_char(low)}-{_char(high)}")
    return f"[{'^' if negate else ''}{''.join(parts)}]"


@functools.cache
def spaces() -> str:
    """The characters ``str.strip()`` and ``str.split()`` take for white space, as a spec."""
    return "".join(chr(point) for point in range(0x10000) if chr(point).isspace())


NOT_ASCII = {"pattern": "[^\\u0000-\\u007f]"}
"""A string with a character beyond ASCII: written with other digits or letters, it is left to
the validator (it normalises them first, which no pattern can follow)."""


def _letter(char: str, *, upper: bool) -> str:
    """The characters a validator reads as ``char``: both cases, and with ``upper`` those that
    ``str.upper()`` turns into it."""
    if not char.isalpha():
        return char
    big = char.upper()
    return big + char.lower() + (_SPECIAL_UPPER.get(big, "") if upper else "")


def _words(words: Iterable[str], *, upper: bool = False) -> str:
    """A regex matching exactly ``words``, in any case: a trie, its leaves merged into classes.

    >>> _words(["fr", "fa", "f"])
    '[Ff][ARar]?'
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        leaves = [c for c in sorted(node) if c and node[c] == {"": {}}]
        inner = [c for c in sorted(node) if c and node[c] != {"": {}}]
        branches = []
        if leaves:
            branches.append(char_class("".join(_letter(c, upper=upper) for c in leaves)))
        branches += [char_class(_letter(c, upper=upper)) + emit(node[c]) for c in inner]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        if len(branches) == 1 and inner and "" in node:
            body = f"(?:{body})"
        return f"{body}?" if "" in node else body

    return emit(trie)


def alternation(words: Iterable[str], *, upper: bool = False) -> str:
    """A group matching exactly one of ``words``, in any case (see :func:`_words`)."""
    return f"(?:{_words(words, upper=upper)})"


def apply(schema: dict[str, Any], fragment: dict[str, Any], **annotations: Any) -> None:
    """Put ``fragment`` (and ``annotations``: examples) into a field's ``schema``.

    A fragment that gives its own types in an ``anyOf`` (a number as text or as an integer)
    replaces the type pydantic gave the field.
    """
    if "anyOf" in fragment:
        schema.pop("type", None)
    schema.update(fragment, **annotations)


def with_spaces(body: str) -> str:
    """``body`` as the whole string, with the white space ``str.strip()`` removes around it."""
    space = char_class(spaces())
    return f"^{space}*{body}{space}*$"


# --- texts ----------------------------------------------------------------------------------


def text_schema(name: str, *, forbidden: str, blank: str, max_length: int) -> dict[str, Any]:
    """A text the validator accepts: no ``forbidden`` character, at least one outside
    ``blank``, at most ``max_length`` characters (specs as in :func:`_ranges`).

    Two checks rather than one pattern: each is linear, where one pattern for both would
    backtrack over a long text.
    """
    return {
        "type": "string",
        "minLength": 1,
        "maxLength": max_length,
        "pattern": char_class(blank, negate=True),
        "not": {"pattern": char_class(forbidden)},
        DEFINITION: name,
    }


def text_table_schema(name: str, text: dict[str, Any], language: dict[str, Any]) -> dict[str, Any]:
    """A table of language codes (or ``und``, the untagged text) to texts."""
    return {
        "type": "object",
        "minProperties": 1,
        "propertyNames": {"anyOf": [language, {"const": "und"}]},
        "additionalProperties": text,
        DEFINITION: name,
    }


# --- times and dates ------------------------------------------------------------------------
# Written after rrma_groups.parsing.times, for text in ASCII: its parsers read text cleaned of
# white space runs and case, so the patterns take any run of white space where the parser takes
# a space, and either case. Text beyond ASCII (other digits, Arabic words, no-break spaces) is
# only held to the parsers' length limit.


def _space() -> str:
    return char_class(spaces())


def _max_length() -> int:
    from ..parsing.times import MAX_LENGTH  # the parsers' limit, read when a schema is made

    return MAX_LENGTH


def _time_core() -> str:
    """One time of day, as ``parse_time`` reads it (to the minute: seconds, if any, are 00)."""
    ws = _space() + "*"
    hour24 = "(?:[01]?[0-9]|2[0-3])"  # 24:00 is refused
    hour12 = "(?:0?[1-9]|1[0-2])"
    minute = "[0-5][0-9]"
    heures = _words(["h", "heure", "heures"])
    meridiem = f"[AaPp]\\.?{ws}[Mm]\\.?"
    words = alternation(["midi", "minuit", "noon", "midday", "midnight"])
    clock24 = f"{hour24}{ws}(?::{ws}{minute}(?::00)?|\\.{ws}{minute}|{heures}(?:{ws}{minute})?)"
    clock12 = (
        f"{hour12}(?:{ws}(?::{ws}{minute}(?::00)?|\\.{ws}{minute}|{heures}(?:{ws}{minute})?))?"
        f"{ws}{meridiem}"
    )
    return f"(?:{words}|{clock24}|{clock12})"


def _ascii_or_not(pattern: str) -> dict[str, Any]:
    return {
        "type": "string",
        "minLength": 1,
        "maxLength": _max_length(),
        "anyOf": [dict(NOT_ASCII), {"pattern": pattern}],
    }


def time_schema() -> dict[str, Any]:
    """A time of day: ``14h00``, ``14:00``, ``2 pm``, ``midi``; a TOML time reaches the schema
    as ISO text (``14:00:00``)."""
    ws = _space() + "*"
    # An ISO time, as written by the library or given as a TOML time, may carry a fraction of
    # a second: only zeros leave a whole minute.
    iso = f"(?:[01][0-9]|2[0-3]):[0-5][0-9]:00{char_class('.,')}0{{1,6}}"
    return {**_ascii_or_not(f"^(?:{iso}|{ws}{_time_core()}{ws})$"), DEFINITION: "TimeOfDay"}


def time_range_schema() -> dict[str, Any]:
    """A time range, as ``parse_time_range`` reads it: ``14h00 - 14h15``, ``from 2 to 3 pm``."""
    space = _space()
    ws = space + "*"
    core = _time_core()
    prefix = f"(?:{alternation(['entre', 'between', 'de', 'from'])}{space}+)?"
    words = alternation(["to", "until", "till", "et", "and"])
    separator = f"(?:{ws}(?:-+>?|=>){ws}|{space}+{words}{space}+)"
    start = f"(?:{core}|(?:[01]?[0-9]|2[0-3]))"  # a bare start hour borrows the end's style
    return {
        **_ascii_or_not(f"^{ws}{prefix}{start}{separator}{core}{ws}$"),
        DEFINITION: "TimeRange",
    }


def date_schema(name: str, year: str) -> dict[str, Any]:
    """A date, as ``parse_date`` reads it, whose year matches ``year`` (four digits).

    In figures (``04/11/2016``, ``2016-11-04``) the day must exist in its month (29 February
    is left to the validator); in words (``4 novembre 2016``) only the characters and the year
    are checked. A TOML date reaches the schema as ISO text; a TOML date and time
    (``2016-11-04T14:00:00``) is refused, as the validator refuses it.
    """
    ws = char_class(spaces() + ",") + "*"  # commas count as spaces
    cut = f"{ws}{char_class('/.-')}{ws}"
    any_month, not_february = "(?:0?[1-9]|1[0-2])", "(?:0?[13-9]|1[0-2])"
    long_month = "(?:0?[13578]|1[02])"
    day = "(?:0?[1-9]|[12][0-9])"
    day_month = f"(?:{day}{cut}{any_month}|30{cut}{not_february}|31{cut}{long_month})"
    month_day = f"(?:{any_month}{cut}{day}|{not_february}{cut}30|{long_month}{cut}31)"
    figures = f"^{ws}(?:{day_month}{cut}{year}|{year}{cut}{month_day}){ws}$"
    allowed = char_class(spaces() + ",./0-9A-Za-z-")
    in_words = {
        "allOf": [
            {"pattern": f"^{allowed}*[A-Za-z]{allowed}*$"},
            {"pattern": f"(?:^|[^0-9]){year}(?:[^0-9]|$)"},
        ]
    }
    return {
        "type": "string",
        "minLength": 1,
        "maxLength": _max_length(),
        "anyOf": [dict(NOT_ASCII), {"pattern": figures}, in_words],
        DEFINITION: name,
    }


def duration_schema() -> dict[str, Any]:
    """A duration: whole minutes (``15``), or text (``1h30``, ``90'``, ``PT1H30M``)."""
    rest = char_class(spaces() + "0-9A-Za-z',.:-")
    words = f"^{_space()}*[A-Za-z0-9]{rest}*$"
    return {
        "anyOf": [
            {"type": "integer", "minimum": 1},
            {**_ascii_or_not(words)},
        ],
        DEFINITION: "Duration",
    }


# --- codes and identifiers ------------------------------------------------------------------

_UPPER_LETTERS = "A-Za-z" + "".join(_SPECIAL_UPPER.values())


def code(words: Iterable[str], tail: str = "") -> dict[str, Any]:
    """One of ``words``, then ``tail``: a code read with ``value.strip().upper()``."""
    return {"pattern": with_spaces(alternation(words, upper=True) + tail)}


def subdivision(listed: dict[str, list[str]], others: Iterable[str]) -> dict[str, Any]:
    """An ISO 3166-2 code: for a ``listed`` country, one of its codes (the part after the
    dash); for one of the ``others``, any code of the right shape."""
    forms = [
        f"{alternation([country], upper=True)}-{alternation(codes, upper=True)}"
        for country, codes in listed.items()
    ]
    shape = f"{char_class('0-9' + _UPPER_LETTERS)}{{1,3}}"
    forms.append(f"{alternation(others, upper=True)}-{shape}")
    return {"pattern": with_spaces(f"(?:{'|'.join(forms)})")}


def letters(*counts: int) -> dict[str, Any]:
    """Groups of ``counts`` letters joined by dashes, read with ``value.strip().upper()``:
    ``letters(3)`` for ``EUR``, ``letters(2, 3)`` for ``MA-HAO``."""
    letter = char_class(_UPPER_LETTERS)
    return {"pattern": with_spaces("-".join(f"{letter}{{{count}}}" for count in counts))}


def language(languages: Iterable[str]) -> dict[str, Any]:
    """A language code as ``normalize_locale`` reads it: one of ``languages``, then a script,
    a region and a variant, each optional, ``-`` or ``_`` before each, then a codeset."""
    sep = char_class("_-")
    shape = (
        f"(?:{sep}[A-Za-z]{{4}})?(?:{sep}(?:[A-Za-z]{{2}}|[0-9]{{3}}))?"
        f"(?:{sep}(?:[0-9A-Za-z]{{5,8}}|[0-9][0-9A-Za-z]{{3}}))?"
        f"(?:\\.{char_class('0-9A-Za-z_-')}+)?"
    )
    return {
        "type": "string",
        "pattern": with_spaces(alternation(languages) + shape),
        DEFINITION: "LanguageCode",
    }


def _separator() -> str:
    """What the checks of French identifiers remove: white space, no-break spaces and dots."""
    return char_class(spaces() + "\u00a0\u202f.")


def figures(count: int, prefix: str = "") -> str:
    """``prefix`` and ``count`` digits, with separators anywhere (``732 829 320``).

    Digits are ``\\d``, as in the checks (Python's and Rust's ``\\d`` take the digits of
    every script, ECMA's the ASCII ones only).
    """
    sep = _separator()
    return f"^{sep}*{prefix}(?:{sep}*\\d){{{count}}}{sep}*$"


def number(count: int) -> dict[str, Any]:
    """A number of ``count`` figures, as text or as an integer (without leading zeros)."""
    return {
        "anyOf": [
            {"type": "integer", "minimum": 10 ** (count - 1), "maximum": 10**count - 1},
            {"type": "string", "pattern": figures(count)},
        ]
    }


def integer_text(minimum: int, maximum: int) -> dict[str, Any]:
    """An integer from ``minimum`` to ``maximum``, or text pydantic reads as an integer
    (``"2016"``, ``" 2_016 "``, ``"2016.0"``; its value is left to the validator)."""
    return {
        "anyOf": [
            {"type": "integer", "minimum": minimum, "maximum": maximum},
            {"type": "string", "pattern": with_spaces("\\+?[0-9](?:_?[0-9])*(?:\\.0+)?")},
        ]
    }


def email(hidden: str) -> dict[str, Any]:
    """An e-mail address as the check reads it, without a ``hidden`` character."""
    hidden += spaces()
    part = char_class(hidden + '@<>"', negate=True)
    last = char_class(hidden + '@<>".', negate=True)
    return {"pattern": f"^{part}{{1,64}}@{part}{{1,253}}\\.{last}{{2,63}}$"}


def url(hidden: str, max_length: int) -> dict[str, Any]:
    """An http(s) address with a host, without a space or a ``hidden`` character."""
    hidden += spaces()
    host = char_class(hidden + "/?#", negate=True)
    rest = char_class(hidden, negate=True)
    return {
        "format": "uri",
        "maxLength": max_length,
        "pattern": f"^[Hh][Tt][Tt][Pp][Ss]?://{host}{rest}*$",
    }
