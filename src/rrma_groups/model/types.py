"""Reusable constrained types, each defined once: ids, codes, identifiers, times, text lines.

Each is an ``Annotated`` type usable in any pydantic model; each error it raises has a stable code
(see :mod:`rrma_groups.messages`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from typing import Annotated, Any, NamedTuple
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from ..errors import TimeParseError
from ..i18n.catalog import N_
from ..messages import Count, listing
from ..parsing.folding import slug
from ..pydantic_bridge import custom_error
from . import patterns, shortcuts
from .shortcuts import Shortcut

__all__ = [
    "MAX_LINE_LENGTH",
    "MAX_TEXT_LENGTH",
    "CountryCode",
    "Day",
    "Email",
    "Id",
    "LanguageCode",
    "Line",
    "LocalTimeIssue",
    "MeetingDay",
    "Rna",
    "SingleLine",
    "Siren",
    "Siret",
    "SubdivisionCode",
    "TimeOfDay",
    "TimezoneName",
    "Url",
    "Year",
    "check_text",
    "iana_timezones",
    "is_blank",
    "is_id",
    "language_json_schema",
    "local_time_issue",
    "luhn_valid",
    "text_json_schema",
]

MAX_LINE_LENGTH = 500
"""Longest single-line text (a name, a title, a venue) accepted, in characters."""
MAX_TEXT_LENGTH = 20_000
"""Longest multi-line text (a mission, a context paragraph) accepted, in characters."""

# --- text -----------------------------------------------------------------------------------

# C0 and C1 controls, DEL, and the line/paragraph separators. Tab and newline are allowed in
# multi-line text only.
# Lone surrogates (U+D800..U+DFFF) are no characters: text holding one cannot be saved as UTF-8.
_CONTROL_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_CONTROL_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
# Embeddings and overrides (LRE, RLE, PDF, LRO, RLO) reorder text invisibly ("Trojan source");
# isolates (U+2066..U+2069) and marks are harmless and are what correct bidi text uses.
_BIDI_OVERRIDE = re.compile(r"[\u202a-\u202e]")
# Every invisible bidi control: none belongs in an address (RFC 3987, 4.1), where an isolate
# or a mark would only disguise where it leads.
_BIDI_CONTROL = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

# What a reader cannot see, so that a text made only of it is blank:
# - white space of every kind: the Z* categories (no-break and ideographic spaces included)
#   and the white-space controls;
# - format characters (Cf): zero-width space, joiners, word joiner, bidi marks, isolates,
#   soft hyphen, byte-order mark, tags... except the prepended concatenation marks (U+0600-0605,
#   06DD, 070F, 0890-0891, 08E2, 110BD, 110CD), Arabic and other signs that are drawn;
# - the other Default_Ignorable_Code_Point characters of Unicode (DerivedCoreProperties.txt),
#   which fonts draw as nothing: combining grapheme joiner, Hangul fillers, Khmer inherent
#   vowels, Mongolian variation selectors, variation selectors, and the code points kept
#   ignorable for the future (U+2065, U+FFF0-FFF8, U+E0000-E0FFF);
# - U+2800 BRAILLE PATTERN BLANK, a symbol drawn as an empty cell, long used to pass checks
#   for blank names.
# Python's unicodedata has no Default_Ignorable_Code_Point property: the ranges are written
# out, and a test compares the Cf and Z* parts with the running Python's Unicode data.
_BLANK_CHARS = (
    "\t-\r\x1c-\x20\x85\xa0\xad\u034f\u061c\u115f\u1160\u1680\u17b4\u17b5"
    "\u180b-\u180f\u2000-\u200f\u2028-\u202f\u205f-\u206f\u2800\u3000\u3164"
    "\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
)
"""The characters of blank text, as the inside of a ``[...]`` class: each ``-`` is a range."""
_BLANK = re.compile(f"[{_BLANK_CHARS}]*")


def is_blank(text: str) -> bool:
    """True when ``text`` has no visible character: nothing, or only spaces and invisible ones.

    A title of zero-width spaces, of a byte-order mark and a soft hyphen, or of no-break spaces
    looks empty wherever it is shown; it is as blank as ``""``.

    >>> [is_blank(t) for t in ("", " \u00a0\u3000", "\u200b\u2066\u2069", "\ufeff\u00ad")]
    [True, True, True, True]
    >>> [is_blank(t) for t in ("Accueil", "\u200b-", "\u0600", "\u0301")]
    [False, False, False, False]
    """
    return _BLANK.fullmatch(text) is not None


def check_text(value: str, *, single_line: bool) -> str:
    """Refuse control characters, bidi overrides, blank and over-long text; return ``value``."""
    # Printable text (str.isprintable) has no control character (Cc), no line or paragraph
    # separator (Zl, Zp) and no format character (Cf, where the bidi overrides are): neither
    # search below could match, so most texts skip them.
    if not value.isprintable():
        pattern = _CONTROL_LINE if single_line else _CONTROL_TEXT
        bad = pattern.search(value)
        if bad is not None:
            raise custom_error(
                "control_character", char=_char_name(bad.group()), position=bad.start() + 1
            )
        bad = _BIDI_OVERRIDE.search(value)
        if bad is not None:
            raise custom_error(
                "bidi_override", char=_char_name(bad.group()), position=bad.start() + 1
            )
    limit = MAX_LINE_LENGTH if single_line else MAX_TEXT_LENGTH
    if len(value) > limit:
        raise custom_error("too_long", length=Count(len(value)), max_length=Count(limit))
    if is_blank(value):
        raise custom_error("empty_text")
    return value


def _char_name(char: str) -> str:
    code = f"U+{ord(char):04X}"
    name = unicodedata.name(char, "")
    return f"{code} {name}" if name else code


# Shortcuts (see .shortcuts): what check_text accepts, in patterns pydantic-core checks alone.
# A text is accepted when it has no forbidden character and at least one visible one (a
# character outside the blank ones and the forbidden ones), within the length limit. Lone
# surrogates cannot reach these patterns: pydantic-core refuses them as strings, and the check
# itself then says why.


def _rust_class(chars: str) -> str:
    """The inside of a ``[...]`` class of Python's ``re`` (characters, ``-`` for ranges) in
    Rust's regex syntax, every character escaped."""
    parts, i = [], 0
    while i < len(chars):
        if i + 2 < len(chars) and chars[i + 1] == "-":
            parts.append(f"\\x{{{ord(chars[i]):x}}}-\\x{{{ord(chars[i + 2]):x}}}")
            i += 3
        else:
            parts.append(f"\\x{{{ord(chars[i]):x}}}")
            i += 1
    return "".join(parts)


_OVERRIDES = "\u202a-\u202e"
_LINE_FORBIDDEN = "\x00-\x1f\x7f-\x9f\u2028\u2029" + _OVERRIDES
_TEXT_FORBIDDEN = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029" + _OVERRIDES
_FORBIDDEN_IN_LINE = _rust_class(_LINE_FORBIDDEN)
_FORBIDDEN_IN_TEXT = _rust_class(_TEXT_FORBIDDEN)


def _text_pattern(forbidden: str) -> str:
    return f"[^{forbidden}]*[^{forbidden}{_rust_class(_BLANK_CHARS)}][^{forbidden}]*"


TEXT_SHORTCUT = shortcuts.pattern(_text_pattern(_FORBIDDEN_IN_TEXT), max_length=MAX_TEXT_LENGTH)
"""A string ``check_text(value, single_line=False)`` accepts."""
LINE_SHORTCUT = shortcuts.pattern(_text_pattern(_FORBIDDEN_IN_LINE), max_length=MAX_LINE_LENGTH)
"""A string ``check_text(value, single_line=True)`` accepts."""


def text_json_schema(*, single_line: bool) -> dict[str, Any]:
    """The JSON Schema of a string ``check_text`` accepts (see :mod:`.patterns`)."""
    if single_line:
        return patterns.text_schema(
            "TextLine", forbidden=_LINE_FORBIDDEN, blank=_BLANK_CHARS, max_length=MAX_LINE_LENGTH
        )
    return patterns.text_schema(
        "Text", forbidden=_TEXT_FORBIDDEN, blank=_BLANK_CHARS, max_length=MAX_TEXT_LENGTH
    )


def _single_line_json(node: Any) -> Any:
    """The JSON Schema ``node`` of a text, with its texts made single lines."""
    if isinstance(node, list):
        return [_single_line_json(each) for each in node]
    if not isinstance(node, dict):
        return node
    name = node.get(patterns.DEFINITION)
    if name == "Text":
        return text_json_schema(single_line=True)
    if name == "TextTable":
        return patterns.text_table_schema(
            "TextLineTable", text_json_schema(single_line=True), language_json_schema()
        )
    return {key: _single_line_json(value) for key, value in node.items()}


def _single_line_shortcut(schema: core_schema.CoreSchema) -> core_schema.CoreSchema | None:
    """The shortcut of a text type made single-line: its own, with lines for texts."""

    def swap(value: Any) -> Any:
        if value is TEXT_SHORTCUT:
            return LINE_SHORTCUT
        if isinstance(value, dict):
            return {key: swap(each) for key, each in value.items()}
        if isinstance(value, list):
            return [swap(each) for each in value]
        return value

    own = shortcuts.shortcut_of(schema)
    return None if own is None else swap(own)


class SingleLine:
    """Marker: the text (a ``str`` or a :class:`~rrma_groups.LocalisedText`) is one line.

    Used as ``Annotated[LocalisedText, SingleLine()]``; plain strings use :data:`Line`.
    """

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        schema = handler(source)
        checked = core_schema.no_info_after_validator_function(_check_single_line, schema)
        return shortcuts.add_shortcut(checked, _single_line_shortcut(schema))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return _single_line_json(handler(schema))  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        return "SingleLine()"


def _check_single_line(value: Any) -> Any:
    texts = value.values() if hasattr(value, "values") else [value]
    for text in texts:
        if isinstance(text, str):
            check_text(text, single_line=True)
    return value


def _check_line(value: str) -> str:
    return check_text(value, single_line=True)


def _line_json(schema: dict[str, Any]) -> None:
    schema.update(text_json_schema(single_line=True))


Line = Annotated[
    str,
    AfterValidator(_check_line),
    Shortcut(LINE_SHORTCUT),
    Field(json_schema_extra=_line_json),
]
"""A non-empty single line of text (a person's name, a free label)."""

# --- ids ------------------------------------------------------------------------------------

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


def is_id(value: str) -> bool:
    """Whether ``value`` is written as an :data:`Id`: a letter or a digit, then at most 63
    letters, digits, dots, dashes and underscores."""
    return _ID.fullmatch(value) is not None


def _check_id(value: str) -> str:
    if not is_id(value):
        raise custom_error("invalid_id", value=value)
    return value


# Anchored: a JSON Schema pattern matches anywhere in the string.
_ID_JSON = {"pattern": f"^{_ID.pattern}$"}

Id = Annotated[
    str,
    AfterValidator(_check_id),
    Shortcut(shortcuts.pattern(_ID.pattern)),
    Field(json_schema_extra=_ID_JSON),
]
"""A stable identifier: ``limoges-2016``, ``cap-cooperation``, ``mdh``."""


def _check_room(value: str) -> str:
    if not is_id(value):
        # A room written by its name ("Salle Loire"): say where rooms are declared, with the
        # id to give it.
        raise custom_error("invalid_room", value=value, suggestion=slug(value) or "salle-1")
    return value


RoomId = Annotated[
    str,
    AfterValidator(_check_room),
    Shortcut(shortcuts.pattern(_ID.pattern)),
    Field(json_schema_extra=_ID_JSON),
]
"""The id of a room declared under the meeting's venue: ``salle-loire``."""

# --- codes ----------------------------------------------------------------------------------


@functools.cache
def _countries() -> frozenset[str]:
    """The two-letter codes of the territories that have a currency today, from CLDR's
    supplemental data (Babel's global data, which the locales load anyway): the ISO 3166
    countries, without former ones (SU, YU) and pseudo-territories (XA, XB). A locale's list
    of territory names would do too, but reading one for this costs more than the check."""
    from babel.core import get_global

    return frozenset(
        code
        for code, currencies in get_global("territory_currencies").items()
        if re.fullmatch("[A-Z]{2}", code) and any(end is None for _, _, end, _ in currencies)
    )


# CLDR territories that are not countries: unknown region, European Union, Eurozone, United
# Nations, outlying Oceania.
_NOT_COUNTRIES = frozenset({"ZZ", "EU", "EZ", "UN", "QO"})


def _check_country(value: str) -> str:
    code = value.strip().upper()
    if code not in _countries() or code in _NOT_COUNTRIES:
        raise custom_error("invalid_country", value=value)
    return code


def _country_json(schema: dict[str, Any]) -> None:
    countries = sorted(_countries() - _NOT_COUNTRIES)
    schema.update(patterns.code(countries), examples=["FR", "MA"])
    schema[patterns.DEFINITION] = "CountryCode"


CountryCode = Annotated[
    str,
    AfterValidator(_check_country),
    Field(json_schema_extra=_country_json),
]
"""An ISO 3166-1 alpha-2 country code, stored in upper case."""

_SUBDIVISION = re.compile(r"([A-Z]{2})-([A-Z0-9]{1,3})")


@functools.cache
def _known_subdivisions(country: str) -> frozenset[str]:
    # Looked up once per country: regions.known_subdivisions scans the whole table each time.
    from ..i18n import regions

    return frozenset(regions.known_subdivisions(country))


def _check_subdivision(value: str) -> str:
    code = value.strip().upper()
    match = _SUBDIVISION.fullmatch(code)
    if match is None or match.group(1) not in _countries() or match.group(1) in _NOT_COUNTRIES:
        raise custom_error("invalid_subdivision", value=value)
    known = _known_subdivisions(match.group(1))
    if known and code not in known:
        # For the countries whose subdivisions the library lists in full, a code outside the
        # list is a typo, not a region we do not know.
        raise custom_error(
            "unknown_subdivision",
            value=value,
            country=match.group(1),
            known=listing(sorted(known)),
        )
    return code


def _subdivision_json(schema: dict[str, Any]) -> None:
    from ..i18n import regions

    listed = sorted({code[:2] for code in regions.known_subdivisions()})
    others = sorted(_countries() - _NOT_COUNTRIES - set(listed))
    codes = {country: sorted(c[3:] for c in _known_subdivisions(country)) for country in listed}
    schema.update(patterns.subdivision(codes, others), examples=["FR-NAQ", "MA-07"])
    schema[patterns.DEFINITION] = "SubdivisionCode"


SubdivisionCode = Annotated[
    str,
    AfterValidator(_check_subdivision),
    Field(json_schema_extra=_subdivision_json),
]
"""An ISO 3166-2 subdivision code (a region), e.g. ``FR-NAQ`` or ``MA-07``."""


def _check_language(value: str) -> str:
    from ..errors import LocaleError
    from ..i18n.locales import normalize_locale

    try:
        return normalize_locale(value)
    except LocaleError:
        raise custom_error("invalid_language", value=value) from None


def language_json_schema() -> dict[str, Any]:
    """The JSON Schema of a language code that ``normalize_locale`` may accept: its first part
    is a language CLDR has data for, or one of Babel's aliases (``fra``, ``iw``)."""
    return dict(_language_schema())


@functools.cache
def _language_schema() -> dict[str, Any]:
    from babel.core import get_global
    from babel.localedata import locale_identifiers

    codes = {code.split("_")[0] for code in locale_identifiers()}
    codes |= set(get_global("language_aliases"))
    return patterns.language(
        sorted(c for c in codes if re.fullmatch("[a-z]{2,3}", c) and c != "und")
    )


def _language_json(schema: dict[str, Any]) -> None:
    patterns.apply(schema, language_json_schema(), examples=["fr", "ar", "ar_MA", "en"])


LanguageCode = Annotated[
    str,
    AfterValidator(_check_language),
    Field(json_schema_extra=_language_json),
]
"""A language or locale code (``fr``, ``ar-MA``, ``ar_MA``), stored in Babel's spelling."""


# Names zoneinfo accepts that are no IANA zone: "localtime" is the machine's own timezone (a
# file in /usr/share/zoneinfo on most systems), "Factory" tzdata's placeholder for a machine
# whose timezone is not set, "posixrules" a default rule file. Times given in them would
# change with the machine that reads them.
_NOT_ZONES = frozenset({"localtime", "Factory", "posixrules"})


@functools.cache
def iana_timezones() -> frozenset[str]:
    """The timezone names accepted: the zones and links of the IANA database, as the tzdata
    package ships them (the same list on every machine), without the placeholder ``Factory``.

    >>> {"Europe/Paris", "Africa/Casablanca", "UTC"} <= iana_timezones()
    True
    >>> {"localtime", "Factory", "posixrules", "Europe"} & iana_timezones()
    set()
    """
    from importlib import resources

    try:
        names = set(resources.files("tzdata").joinpath("zones").read_text("utf-8").split())
    except (ModuleNotFoundError, OSError):  # pragma: no cover - tzdata is a dependency
        import zoneinfo

        names = set(zoneinfo.available_timezones())
    return frozenset(names - _NOT_ZONES)


def _check_timezone(value: str) -> str:
    if value not in iana_timezones():
        raise custom_error("invalid_timezone", value=value)
    return value


def _timezone_json(schema: dict[str, Any]) -> None:
    schema.update(
        enum=sorted(iana_timezones()),
        examples=["Europe/Paris", "Africa/Casablanca"],
        **{patterns.DEFINITION: "TimezoneName"},
    )


TimezoneName = Annotated[
    str,
    AfterValidator(_check_timezone),
    Field(json_schema_extra=_timezone_json),
]
"""An IANA timezone name."""

# --- French identifiers ---------------------------------------------------------------------


def luhn_valid(digits: str) -> bool:
    """The Luhn check used by SIREN and SIRET numbers.

    >>> luhn_valid("732829320")
    True
    >>> luhn_valid("732829321")
    False
    """
    total = 0
    for index, char in enumerate(reversed(digits)):
        n = ord(char) - 48
        if index % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


_SPACES = re.compile(r"[\s\u00a0\u202f.]")

# La Poste's SIREN: its establishments' SIRET numbers do not follow Luhn; INSEE uses a sum of
# digits divisible by 5 instead.
_LA_POSTE_SIREN = "356000000"


def _digits(value: str | int) -> str:
    return _SPACES.sub("", str(value))


_WRONG_CHECK_DIGIT = N_("the check digit is wrong")


def _check_siren(value: str | int) -> str:
    digits = _digits(value)
    if not re.fullmatch(r"\d{9}", digits):
        raise custom_error("invalid_siren", value=str(value), reason=N_("expected 9 digits"))
    if not luhn_valid(digits):
        raise custom_error("invalid_siren", value=str(value), reason=_WRONG_CHECK_DIGIT)
    return digits


def _check_siret(value: str | int) -> str:
    digits = _digits(value)
    if not re.fullmatch(r"\d{14}", digits):
        raise custom_error("invalid_siret", value=str(value), reason=N_("expected 14 digits"))
    if digits.startswith(_LA_POSTE_SIREN):
        ok = sum(int(c) for c in digits) % 5 == 0
    else:
        ok = luhn_valid(digits) and luhn_valid(digits[:9])
    if not ok:
        raise custom_error("invalid_siret", value=str(value), reason=_WRONG_CHECK_DIGIT)
    return digits


def _check_rna(value: str) -> str:
    code = _digits(value).upper()
    if not re.fullmatch(r"W\d{9}", code):
        raise custom_error("invalid_rna", value=value)
    return code


Siren = Annotated[
    str,
    BeforeValidator(lambda v: str(v) if isinstance(v, int) else v),
    AfterValidator(_check_siren),
    Field(json_schema_extra=lambda s: patterns.apply(s, patterns.number(9))),
]
"""A SIREN number (9 digits with a Luhn check digit); spaces are removed."""
Siret = Annotated[
    str,
    BeforeValidator(lambda v: str(v) if isinstance(v, int) else v),
    AfterValidator(_check_siret),
    Field(json_schema_extra=lambda s: patterns.apply(s, patterns.number(14))),
]
"""A SIRET number (SIREN + 5 digits, Luhn-checked; La Poste's rule for its own)."""
Rna = Annotated[
    str,
    AfterValidator(_check_rna),
    Field(json_schema_extra=lambda s: s.update(pattern=patterns.figures(9, prefix="[Ww]"))),
]
"""An RNA association number: ``W`` and 9 digits."""

# --- contact --------------------------------------------------------------------------------

# A deliberately plain check (one @, a dot in the domain, no spaces): deliverability is not our
# business, and the email-validator package would be one more dependency for little gain.
_EMAIL = re.compile(r"[^@\s<>\"]{1,64}@[^@\s<>\"]{1,253}\.[^@\s<>\".]{2,63}")


def _check_email(value: str) -> str:
    # The pattern lets any non-space character through: refuse hidden ones.
    hidden = _CONTROL_LINE.search(value) or _BIDI_CONTROL.search(value)
    if hidden is not None or _EMAIL.fullmatch(value) is None:
        raise custom_error("invalid_email", value=value)
    return value


# Invisible characters refused in addresses, beside the controls.
_HIDDEN = _LINE_FORBIDDEN + "\u061c\u200e\u200f\u2066-\u2069"

Email = Annotated[
    str,
    AfterValidator(_check_email),
    Field(json_schema_extra=lambda s: s.update(patterns.email(_HIDDEN))),
]
"""An e-mail address (plain syntax check)."""


_MAX_URL = 2000


def _check_url(value: str) -> str:
    try:
        parts = urlsplit(value)
    except ValueError:
        raise custom_error("invalid_url", value=value) from None
    hidden = _CONTROL_LINE.search(value) or _BIDI_CONTROL.search(value)  # spoofed addresses
    if parts.scheme not in ("http", "https") or not parts.netloc or hidden:
        raise custom_error("invalid_url", value=value)
    if any(c.isspace() for c in value) or len(value) > _MAX_URL:
        raise custom_error("invalid_url", value=value)
    return value


Url = Annotated[
    str,
    AfterValidator(_check_url),
    Field(json_schema_extra=lambda s: s.update(patterns.url(_HIDDEN, _MAX_URL))),
]
"""An http(s) web address, kept as written."""

# --- times ----------------------------------------------------------------------------------


# Files written by the library hold ISO times and dates ("14:00:00", "2016-11-04"): those are
# read here directly, and everything else (and any impossible value, for its precise error) goes
# through timeparse. Both give the same result for these shapes; this path is only faster. An
# ISO time with a fraction of a second ("14:00:00.5") is read here too, so that it is refused
# for what it is, as the same value given as a TOML time is.
_ISO_TIME = re.compile(r"([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]{1,6}))?)?")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def _iso_time(value: str) -> dt.time | None:
    match = _ISO_TIME.fullmatch(value)
    if match is None:
        return None
    hour, minute, second, fraction = match.groups()
    micro = int((fraction or "").ljust(6, "0"))
    try:
        return dt.time(int(hour), int(minute), int(second or 0), micro)
    except ValueError:
        return None


def _iso_date(value: str) -> dt.date | None:
    match = _ISO_DATE.fullmatch(value)
    if match is None:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _parse_time(value: Any) -> Any:
    if isinstance(value, str):
        iso = _iso_time(value)
        if iso is not None:
            return iso
        from ..parsing.times import parse_time

        try:
            return parse_time(value)
        except TimeParseError as exc:
            raise custom_error("invalid_time", value=value, reason=exc.reason_msg) from None
    if isinstance(value, int | float):
        # Pydantic would read a number as seconds since midnight UTC: 1400 gave 00:23:20+00:00.
        raise custom_error("wrong_type", expected="a time of day such as 14:00", got=repr(value))
    return value


def _minute_time(value: dt.time) -> dt.time:
    if value.tzinfo is not None:
        raise custom_error("aware_time", value=value.isoformat())
    if value.second or value.microsecond:
        # Programmes are timed to the minute, and every output shows minutes: 14:00:00.999999
        # would be shown as 14:00 and yet compare after it.
        raise custom_error("time_not_whole_minute", value=value.isoformat())
    # The fold (the second of two equal wall times) is not kept by any file format: a time
    # read from a datetime keeps none, and local_time_issue() says which instant it stands for.
    return value.replace(fold=0) if value.fold else value


# The shortcuts of times and dates: an ISO time to the minute ("14:00", "14:00:00") or an ISO
# date, read by pydantic-core into the value _iso_time or _iso_date gives (an impossible one,
# such as 2017-02-30, is left to the validators).
_ISO_MINUTE = shortcuts.pattern("(?:[01][0-9]|2[0-3]):[0-5][0-9](?::00)?")
_ISO_DAY = shortcuts.pattern("[0-9]{4}-[0-9]{2}-[0-9]{2}")

TimeOfDay = Annotated[
    dt.time,
    BeforeValidator(_parse_time),
    AfterValidator(_minute_time),
    Shortcut(core_schema.chain_schema([_ISO_MINUTE, core_schema.time_schema()])),
    Field(
        json_schema_extra=lambda s: s.update(patterns.time_schema(), examples=["14:00", "14h00"])
    ),
]
"""A local time of day, to the minute; strings are read as people write them (``14h00``,
``14:00``, ``2 pm``). Seconds are refused, whatever the way the time is written."""


class LocalTimeIssue(NamedTuple):
    """A local time that its timezone's clocks skip or repeat on a date: the code of the warning
    (``nonexistent_local_time`` or ``ambiguous_local_time``) and its message parameters."""

    code: str
    params: dict[str, Any]


def local_time_issue(
    day: dt.date, time: dt.time, timezone: str | dt.tzinfo
) -> LocalTimeIssue | None:
    """Whether ``time`` on ``day`` does not exist or happens twice in ``timezone``; ``None``
    when it is an ordinary time.

    A local time is read as RFC 5545 and Python's ``fold=0`` read it: a time the clocks skip
    when they go forward takes the offset from before the change, so it stands for the instant
    that much later; a time they repeat when they go back is the first of the two. The
    parameters say which instant that is. Nothing but the zone's own rules is used: its offsets
    for ``fold=0`` and ``fold=1``, and the round trip through UTC.

    >>> paris = "Europe/Paris"
    >>> issue = local_time_issue(dt.date(2017, 3, 26), dt.time(2, 30), paris)
    >>> issue.code, issue.params["actual"], issue.params["offset_after"]
    ('nonexistent_local_time', datetime.time(3, 30), 'UTC+02:00')
    >>> issue = local_time_issue(dt.date(2017, 10, 29), dt.time(2, 30), paris)
    >>> issue.code, issue.params["offset_first"], issue.params["offset_second"]
    ('ambiguous_local_time', 'UTC+02:00', 'UTC+01:00')
    >>> local_time_issue(dt.date(2017, 10, 29), dt.time(3, 0), paris) is None
    True
    """
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(timezone) if isinstance(timezone, str) else timezone
    first = dt.datetime.combine(day, time.replace(fold=0), tzinfo=zone)
    before, after = first.utcoffset(), first.replace(fold=1).utcoffset()
    if before == after or before is None or after is None:
        return None
    params: dict[str, Any] = {
        "value": time.replace(fold=0),
        "date": day,
        "timezone": getattr(zone, "key", None) or str(zone),
        "more": "",
    }
    if before < after:  # the clocks go forward: the time is skipped
        real = first.astimezone(dt.UTC).astimezone(zone)
        params["actual"] = real.time() if real.date() == day else real.replace(tzinfo=None)
        params["offset_before"] = _utc_offset(before)
        params["offset_after"] = _utc_offset(real.utcoffset() or after)
        return LocalTimeIssue("nonexistent_local_time", params)
    params["offset_first"] = _utc_offset(before)
    params["offset_second"] = _utc_offset(after)
    return LocalTimeIssue("ambiguous_local_time", params)


def _utc_offset(offset: dt.timedelta) -> str:
    """``UTC+02:00``, ``UTC-03:30``; with seconds for the local mean times of old dates."""
    sign = "-" if offset < dt.timedelta(0) else "+"
    minutes, seconds = divmod(int(abs(offset).total_seconds()), 60)
    text = f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"
    return f"{text}:{seconds:02d}" if seconds else text


def _parse_date(value: Any) -> Any:
    if isinstance(value, str):
        iso = _iso_date(value)
        if iso is not None:
            return iso
        from ..parsing.times import parse_date

        try:
            return parse_date(value)
        except TimeParseError as exc:
            raise custom_error("invalid_date", value=value, reason=exc.reason_msg) from None
    if isinstance(value, dt.datetime):
        raise custom_error(
            "invalid_date", value=str(value), reason=N_("expected a date without a time")
        )
    if isinstance(value, int | float):
        # Pydantic would read a number as a Unix timestamp: 0 gave 1 January 1970.
        raise custom_error("wrong_type", expected=N_("a date such as 2016-11-04"), got=repr(value))
    return value


Day = Annotated[
    dt.date,
    BeforeValidator(_parse_date),
    Shortcut(core_schema.chain_schema([_ISO_DAY, core_schema.date_schema()])),
    Field(
        json_schema_extra=lambda s: s.update(
            patterns.date_schema("Date", "[0-9]{4}"), examples=["2016-11-04", "04/11/2016"]
        )
    ),
]
"""A calendar date; strings are read day-first (``04/11/2016``) or as ISO (``2016-11-04``)."""

YEAR_MIN, YEAR_MAX = 1800, 2200


def _check_year(value: int) -> int:
    if not YEAR_MIN <= value <= YEAR_MAX:
        raise custom_error("invalid_year", value=value, min=YEAR_MIN, max=YEAR_MAX)
    return value


# A year may be given as text too: pydantic reads "2016" as the number.
Year = Annotated[
    int,
    AfterValidator(_check_year),
    Field(json_schema_extra=lambda s: patterns.apply(s, patterns.integer_text(YEAR_MIN, YEAR_MAX))),
]
"""A year, for facts known only to the year (``since = 1991``)."""


def _check_meeting_day(value: dt.date) -> dt.date:
    if not YEAR_MIN <= value.year <= YEAR_MAX:
        raise custom_error("date_out_of_range", value=value, min=YEAR_MIN, max=YEAR_MAX)
    return value


MeetingDay = Annotated[
    Day,
    AfterValidator(_check_meeting_day),
    Shortcut(
        core_schema.chain_schema(
            [
                _ISO_DAY,
                core_schema.date_schema(ge=dt.date(YEAR_MIN, 1, 1), le=dt.date(YEAR_MAX, 12, 31)),
            ]
        )
    ),
    # YEAR_MIN to YEAR_MAX, 1800 to 2200:
    Field(
        json_schema_extra=lambda s: s.update(
            patterns.date_schema("MeetingDate", "(?:1[89][0-9]{2}|2[01][0-9]{2}|2200)")
        )
    ),
]
"""A date of a meeting, an agenda item or a series: in the years ``YEAR_MIN`` to ``YEAR_MAX``.

Within them every export can write a meeting at any hour in any timezone (a meeting on
31 December 9999 would end in the year 10000 in UTC), and a series' rule is walked over a
bounded span.
"""
