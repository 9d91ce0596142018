"""Reusable constrained types, each defined once: ids, codes, identifiers, times, text lines.

Each is an ``Annotated`` type usable in any pydantic model; each error it raises has a stable code
(see :mod:`rrma_groups.messages`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, Field, GetCoreSchemaHandler
from pydantic_core import core_schema

from .errors import TimeParseError
from .messages import custom_error

__all__ = [
    "MAX_LINE_LENGTH",
    "MAX_TEXT_LENGTH",
    "CountryCode",
    "Day",
    "Email",
    "Id",
    "LanguageCode",
    "Line",
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
    "luhn_valid",
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
        raise custom_error("too_long", length=len(value), max_length=limit)
    if not value.strip():
        raise custom_error("empty_text")
    return value


def _char_name(char: str) -> str:
    code = f"U+{ord(char):04X}"
    name = unicodedata.name(char, "")
    return f"{code} {name}" if name else code


class SingleLine:
    """Marker: the text (a ``str`` or a :class:`~rrma_groups.LocalisedText`) is one line.

    Used as ``Annotated[LocalisedText, SingleLine()]``; plain strings use :data:`Line`.
    """

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        schema = handler(source)
        return core_schema.no_info_after_validator_function(_check_single_line, schema)

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


Line = Annotated[str, AfterValidator(_check_line)]
"""A non-empty single line of text (a person's name, a free label)."""

# --- ids ------------------------------------------------------------------------------------

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


def _check_id(value: str) -> str:
    if _ID.fullmatch(value) is None:
        raise custom_error("invalid_id", value=value)
    return value


Id = Annotated[
    str,
    AfterValidator(_check_id),
    Field(json_schema_extra={"pattern": _ID.pattern}),
]
"""A stable identifier: ``limoges-2016``, ``cap-cooperation``, ``mdh``."""

# --- codes ----------------------------------------------------------------------------------


@functools.cache
def _countries() -> frozenset[str]:
    from babel import Locale

    return frozenset(
        code
        for code in Locale("en").territories
        if isinstance(code, str) and re.fullmatch("[A-Z]{2}", code)
    )


# CLDR territories that are not countries: unknown region, European Union, Eurozone, United
# Nations, outlying Oceania.
_NOT_COUNTRIES = frozenset({"ZZ", "EU", "EZ", "UN", "QO"})


def _check_country(value: str) -> str:
    code = value.strip().upper()
    if code not in _countries() or code in _NOT_COUNTRIES:
        raise custom_error("invalid_country", value=value)
    return code


CountryCode = Annotated[
    str,
    AfterValidator(_check_country),
    Field(json_schema_extra={"pattern": "^[A-Za-z]{2}$", "examples": ["FR", "MA"]}),
]
"""An ISO 3166-1 alpha-2 country code, stored in upper case."""

_SUBDIVISION = re.compile(r"([A-Z]{2})-([A-Z0-9]{1,3})")


@functools.cache
def _known_subdivisions(country: str) -> frozenset[str]:
    # Looked up once per country: regions.known_subdivisions scans the whole table each time.
    from .i18n import regions

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
            known=", ".join(sorted(known)),
        )
    return code


SubdivisionCode = Annotated[
    str,
    AfterValidator(_check_subdivision),
    Field(
        json_schema_extra={
            "pattern": "^[A-Za-z]{2}-[A-Za-z0-9]{1,3}$",
            "examples": ["FR-NAQ", "MA-07"],
        }
    ),
]
"""An ISO 3166-2 subdivision code (a region), e.g. ``FR-NAQ`` or ``MA-07``."""


def _check_language(value: str) -> str:
    from .errors import LocaleError
    from .i18n.locales import normalize_locale

    try:
        return normalize_locale(value)
    except LocaleError:
        raise custom_error("invalid_language", value=value) from None


LanguageCode = Annotated[
    str,
    AfterValidator(_check_language),
    Field(json_schema_extra={"examples": ["fr", "ar", "ar_MA", "en"]}),
]
"""A language or locale code (``fr``, ``ar-MA``, ``ar_MA``), stored in Babel's spelling."""


@functools.lru_cache(maxsize=256)
def _timezone_ok(name: str) -> bool:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    # OSError: a name that is a folder of the database ("Europe") or too long for a file name.
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def _check_timezone(value: str) -> str:
    if not value or value.startswith(("/", ".")) or not _timezone_ok(value):
        raise custom_error("invalid_timezone", value=value)
    return value


TimezoneName = Annotated[
    str,
    AfterValidator(_check_timezone),
    Field(json_schema_extra={"examples": ["Europe/Paris", "Africa/Casablanca"]}),
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


def _check_siren(value: str | int) -> str:
    digits = _digits(value)
    if not re.fullmatch(r"\d{9}", digits):
        raise custom_error("invalid_siren", value=str(value), reason="expected 9 digits")
    if not luhn_valid(digits):
        raise custom_error("invalid_siren", value=str(value), reason="the check digit is wrong")
    return digits


def _check_siret(value: str | int) -> str:
    digits = _digits(value)
    if not re.fullmatch(r"\d{14}", digits):
        raise custom_error("invalid_siret", value=str(value), reason="expected 14 digits")
    if digits.startswith(_LA_POSTE_SIREN):
        ok = sum(int(c) for c in digits) % 5 == 0
    else:
        ok = luhn_valid(digits) and luhn_valid(digits[:9])
    if not ok:
        raise custom_error("invalid_siret", value=str(value), reason="the check digit is wrong")
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
    Field(json_schema_extra={"pattern": r"^\d{9}$"}),
]
"""A SIREN number (9 digits with a Luhn check digit); spaces are removed."""
Siret = Annotated[
    str,
    BeforeValidator(lambda v: str(v) if isinstance(v, int) else v),
    AfterValidator(_check_siret),
    Field(json_schema_extra={"pattern": r"^\d{14}$"}),
]
"""A SIRET number (SIREN + 5 digits, Luhn-checked; La Poste's rule for its own)."""
Rna = Annotated[str, AfterValidator(_check_rna), Field(json_schema_extra={"pattern": r"^W\d{9}$"})]
"""An RNA association number: ``W`` and 9 digits."""

# --- contact --------------------------------------------------------------------------------

# A deliberately plain check (one @, a dot in the domain, no spaces): deliverability is not our
# business, and the email-validator package would be one more dependency for little gain.
_EMAIL = re.compile(r"[^@\s<>\"]{1,64}@[^@\s<>\"]{1,253}\.[^@\s<>\".]{2,63}")


def _check_email(value: str) -> str:
    # The pattern lets any non-space character through: refuse hidden ones as in a text.
    hidden = _CONTROL_LINE.search(value) or _BIDI_OVERRIDE.search(value)
    if hidden is not None or _EMAIL.fullmatch(value) is None:
        raise custom_error("invalid_email", value=value)
    return value


Email = Annotated[str, AfterValidator(_check_email)]
"""An e-mail address (plain syntax check)."""


def _check_url(value: str) -> str:
    try:
        parts = urlsplit(value)
    except ValueError:
        raise custom_error("invalid_url", value=value) from None
    hidden = _CONTROL_LINE.search(value) or _BIDI_OVERRIDE.search(value)  # spoofed addresses
    if parts.scheme not in ("http", "https") or not parts.netloc or hidden:
        raise custom_error("invalid_url", value=value)
    if any(c.isspace() for c in value) or len(value) > 2000:
        raise custom_error("invalid_url", value=value)
    return value


Url = Annotated[str, AfterValidator(_check_url), Field(json_schema_extra={"format": "uri"})]
"""An http(s) web address, kept as written."""

# --- times ----------------------------------------------------------------------------------


# Files written by the library hold ISO times and dates ("14:00:00", "2016-11-04"): those are
# read here directly, and everything else (and any impossible value, for its precise error) goes
# through timeparse. Both give the same result for these shapes; this path is only faster.
_ISO_TIME = re.compile(r"([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def _iso_time(value: str) -> dt.time | None:
    match = _ISO_TIME.fullmatch(value)
    if match is None:
        return None
    hour, minute, second = match.groups()
    try:
        return dt.time(int(hour), int(minute), int(second or 0))
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
        from .timeparse import parse_time

        try:
            return parse_time(value)
        except TimeParseError as exc:
            raise custom_error("invalid_time", value=value, reason=exc.reason_msg) from None
    if isinstance(value, int | float):
        # Pydantic would read a number as seconds since midnight UTC: 1400 gave 00:23:20+00:00.
        raise custom_error("wrong_type", expected="a time of day such as 14:00", got=repr(value))
    return value


def _naive_time(value: dt.time) -> dt.time:
    if value.tzinfo is not None:
        raise custom_error("aware_time", value=value.isoformat())
    return value


TimeOfDay = Annotated[
    dt.time,
    BeforeValidator(_parse_time),
    AfterValidator(_naive_time),
    Field(json_schema_extra={"examples": ["14:00", "14h00"]}),
]
"""A local time of day; strings are read as people write them (``14h00``, ``14:00``, ``2 pm``)."""


def _parse_date(value: Any) -> Any:
    if isinstance(value, str):
        iso = _iso_date(value)
        if iso is not None:
            return iso
        from .timeparse import parse_date

        try:
            return parse_date(value)
        except TimeParseError as exc:
            raise custom_error("invalid_date", value=value, reason=exc.reason_msg) from None
    if isinstance(value, dt.datetime):
        raise custom_error(
            "invalid_date", value=str(value), reason="expected a date without a time"
        )
    if isinstance(value, int | float):
        # Pydantic would read a number as a Unix timestamp: 0 gave 1 January 1970.
        raise custom_error("wrong_type", expected="a date such as 2016-11-04", got=repr(value))
    return value


Day = Annotated[
    dt.date,
    BeforeValidator(_parse_date),
    Field(json_schema_extra={"examples": ["2016-11-04", "04/11/2016"]}),
]
"""A calendar date; strings are read day-first (``04/11/2016``) or as ISO (``2016-11-04``)."""

YEAR_MIN, YEAR_MAX = 1800, 2200


def _check_year(value: int) -> int:
    if not YEAR_MIN <= value <= YEAR_MAX:
        raise custom_error("invalid_year", value=value, min=YEAR_MIN, max=YEAR_MAX)
    return value


Year = Annotated[int, AfterValidator(_check_year)]
"""A year, for facts known only to the year (``since = 1991``)."""
