"""Dates, times, time ranges, durations, lists and numbers for agendas, through Babel (CLDR).

Every function takes a ``locale`` code (any CLDR locale, in BCP 47 or POSIX spelling, see
:func:`~rrma_groups.i18n.locales.normalize_locale`) and raises
:class:`~rrma_groups.errors.LocaleError` for a bad one. Results are cached: they are pure.

>>> import datetime as dt
>>> format_date(dt.date(2016, 11, 4), "fr")
'vendredi 4 novembre 2016'
>>> format_time_range(dt.time(14, 0), dt.time(14, 15), "fr", style="programme")
'14h00 - 14h15'
>>> format_duration(dt.timedelta(hours=1, minutes=40), "fr")
'1\\xa0heure et 40 minutes'
>>> format_list(["Khalid", "Sébastien", "Emmanuelle"], "fr")
'Khalid, Sébastien et Emmanuelle'

Babel behaviours this module relies on (Babel 2.19, CLDR 49), pinned by the tests:

* CLDR's Arabic numeric date patterns contain U+200F RIGHT-TO-LEFT MARK after each number
  (``4\\u200f/11\\u200f/2016``), so that the numbers keep their order inside Arabic text; do
  not strip it. The word patterns (``full``, ``long``) have none.
* ``ar`` and ``ar_MA`` use Latin digits (their CLDR default numbering system is ``latn``);
  ``ar_EG`` (and ``ar_SA``, ``ar_IQ``…) use Arabic-Indic digits (``arab``), ``fa`` Extended
  Arabic-Indic ones (``arabext``). Babel does not write those digits: its date and time
  functions always write Latin digits, and its number functions' ``numbering_system``
  argument changes only the separators (``format_decimal(1234.5, locale="ar_EG",
  numbering_system="default")`` is the hybrid ``1٬234٫5``). So this module formats with the
  locale's default numbering system and then replaces the ASCII digits of *its own* output by
  that system's digits (``١٬٢٣٤٫٥``, ``الجمعة، ٤ نوفمبر ٢٠١٦``), as ICU does. The items of
  :func:`format_list` are the caller's text and are never changed.
* Moroccan Arabic month names differ from the generic ones: ``ar_MA`` writes November نونبر
  where ``ar`` writes نوفمبر.
* CLDR patterns contain non-breaking spaces: U+00A0 and U+202F (``2:00\\u202fPM`` in English,
  ``1\\xa0heure`` in French) and U+2009 THIN SPACE around the en dash of time intervals in
  French and English (``14:00\\u2009–\\u200914:15``); Arabic intervals have no spaces.
* ``babel.lists.format_list`` mishandles two CLDR corner cases: a list style with no pattern
  for two items (Arabic ``unit-short``: it gives ``A، وB، وB``, repeating the last item) and a
  style that defines only some of its patterns (French ``standard-narrow``: KeyError).
  :func:`format_list` therefore reads Babel's list patterns itself, part by part.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from typing import Literal, TypeAlias, get_args

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from babel import units as babel_units

from rrma_groups.i18n.bidi import first_strong_direction
from rrma_groups.i18n.locales import babel_locale

__all__ = [
    "DateStyle",
    "DurationStyle",
    "ListStyle",
    "RangeStyle",
    "TimeStyle",
    "format_date",
    "format_duration",
    "format_list",
    "format_number",
    "format_time",
    "format_time_range",
    "uses_24_hour_clock",
]

DateStyle: TypeAlias = Literal["full", "long", "medium", "short"]
TimeStyle: TypeAlias = Literal["short", "programme"]
RangeStyle: TypeAlias = Literal["cldr", "programme"]
DurationStyle: TypeAlias = Literal["long", "short", "narrow"]
ListStyle: TypeAlias = Literal[
    "standard",
    "standard-short",
    "standard-narrow",
    "or",
    "or-short",
    "or-narrow",
    "unit",
    "unit-short",
    "unit-narrow",
]

_DATE_STYLES = frozenset(("full", "long", "medium", "short"))
_TIME_STYLES = frozenset(("short", "programme"))
_RANGE_STYLES = frozenset(("cldr", "programme"))
_DURATION_STYLES = frozenset(("long", "short", "narrow"))
_LIST_STYLES = frozenset(get_args(ListStyle))

# The French printed-programme style: "14h00", "9h05" (hour not padded, minutes always two).
_PROGRAMME_TIME_PATTERN = "H'h'mm"
_PROGRAMME_RANGE_SEPARATOR = " - "

_CACHE_SIZE = 4096


# The zero of each decimal numbering system that a CLDR locale may have as its default (all the
# non-Latin ones in CLDR 49); a system's ten digits are consecutive code points in Unicode.
_DIGIT_ZEROS: dict[str, int] = {
    "adlm": 0x1E950,  # Adlam (ff_Adlm)
    "arab": 0x0660,  # Arabic-Indic (ar_EG, ar_SA, ckb…)
    "arabext": 0x06F0,  # Extended Arabic-Indic (fa, ps, ur_IN…)
    "beng": 0x09E6,  # Bengali (bn, as)
    "cakm": 0x11136,  # Chakma (ccp)
    "deva": 0x0966,  # Devanagari (mr, ne, sa)
    "hmnp": 0x1E140,  # Nyiakeng Puachue Hmong (hnj)
    "mtei": 0xABF0,  # Meetei Mayek (mni_Mtei)
    "mymr": 0x1040,  # Myanmar (my)
    "nkoo": 0x07C0,  # N'Ko (nqo)
    "olck": 0x1C50,  # Ol Chiki (sat)
    "tibt": 0x0F20,  # Tibetan (dz)
}
_DIGIT_TABLES: dict[str, dict[int, int]] = {
    system: str.maketrans("0123456789", "".join(chr(zero + i) for i in range(10)))
    for system, zero in _DIGIT_ZEROS.items()
}


def _numbering_system(loc: Locale) -> str:
    """The locale's default numbering system if its digits can be written, else ``latn``."""
    system = loc.default_numbering_system
    return system if system in _DIGIT_TABLES else "latn"


def _localise_digits(text: str, loc: Locale) -> str:
    """Babel's ASCII digits replaced by the locale's own (Arabic-Indic in ``ar_EG``)."""
    table = _DIGIT_TABLES.get(loc.default_numbering_system)
    return text.translate(table) if table else text


def _check_style(style: str, allowed: frozenset[str]) -> None:
    if style not in allowed:
        raise ValueError(f"unknown style {style!r}; expected one of: {', '.join(sorted(allowed))}")


def _is_french(locale: Locale) -> bool:
    return locale.language == "fr"


@lru_cache(maxsize=_CACHE_SIZE, typed=True)
def format_date(d: dt.date, locale: str, style: DateStyle = "full") -> str:
    """A date in one of CLDR's four date styles.

    >>> import datetime as dt
    >>> format_date(dt.date(2016, 11, 4), "ar_MA")
    'الجمعة، 4 نونبر 2016'
    >>> format_date(dt.date(2016, 11, 4), "en", "long")
    'November 4, 2016'
    """
    _check_style(style, _DATE_STYLES)
    loc = babel_locale(locale)
    return _localise_digits(babel_dates.format_date(d, format=style, locale=loc), loc)


def _naive(t: dt.time) -> dt.time:
    # An agenda's times are wall-clock times; drop any tzinfo so that Babel never converts.
    return t.replace(tzinfo=None) if t.tzinfo is not None else t


def _skeleton_letters(pattern: str) -> str:
    """The pattern letters of a CLDR date/time pattern, quoted literals removed."""
    return re.sub(r"'[^']*'", "", pattern)


@lru_cache(maxsize=256)
def uses_24_hour_clock(locale: str) -> bool:
    """True when the locale's short time pattern counts hours from 0 to 23 (``H`` or ``k``).

    >>> uses_24_hour_clock("ar_MA"), uses_24_hour_clock("ar"), uses_24_hour_clock("en_GB")
    (True, False, True)
    """
    pattern = _skeleton_letters(babel_locale(locale).time_formats["short"].pattern)
    return not any(letter in pattern for letter in "hK")


@lru_cache(maxsize=_CACHE_SIZE, typed=True)
def format_time(t: dt.time, locale: str, style: TimeStyle = "short") -> str:
    """A time of day: CLDR's short time, or the French printed-programme style.

    ``style="programme"`` writes ``14h00`` for any French locale (``fr``, ``fr_FR``, ``fr_CA``,
    ``fr_SN``…), the 24-hour clock in right-to-left locales (``14:00`` in ``ar`` too), and is
    CLDR's short time elsewhere. Seconds are never shown.

    >>> import datetime as dt
    >>> [format_time(dt.time(14, 0), loc) for loc in ("fr", "ar", "ar_MA")]
    ['14:00', '2:00 م', '14:00']
    >>> format_time(dt.time(9, 5), "fr_FR", style="programme")
    '9h05'
    """
    _check_style(style, _TIME_STYLES)
    loc = babel_locale(locale)
    if style == "programme" and _is_french(loc):
        text = babel_dates.format_time(_naive(t), _PROGRAMME_TIME_PATTERN, locale=loc)
    elif style == "programme" and loc.character_order == "right-to-left":
        # The 24-hour clock, as format_time_range's programme style: an AM/PM marker would land
        # on the wrong side of a time isolated left-to-right inside Arabic text.
        text = babel_dates.format_skeleton("Hm", _naive(t), locale=loc)
    else:
        text = babel_dates.format_time(_naive(t), "short", locale=loc)
    return _localise_digits(text, loc)


@lru_cache(maxsize=_CACHE_SIZE, typed=True)
def format_time_range(start: dt.time, end: dt.time, locale: str, style: RangeStyle = "cldr") -> str:
    """A time range, as CLDR's interval format or the French printed-programme style.

    ``style="cldr"`` uses CLDR's interval patterns for the skeleton ``Hm`` or ``hm``, chosen by
    the locale's own clock (:func:`uses_24_hour_clock`); an interval within one half-day writes
    the AM/PM marker once. ``style="programme"`` writes ``14h00 - 14h15`` for French locales (the
    ``h`` separator and a spaced hyphen, as printed programmes do) and is the CLDR interval
    elsewhere. Times are naive wall-clock times; an end before the start (past midnight) is
    written as given.

    >>> import datetime as dt
    >>> format_time_range(dt.time(14, 0), dt.time(14, 15), "ar_MA")
    '14:00–14:15'
    >>> format_time_range(dt.time(14, 0), dt.time(14, 15), "ar")
    '2:00–2:15 م'
    """
    _check_style(style, _RANGE_STYLES)
    loc = babel_locale(locale)
    start, end = _naive(start), _naive(end)
    if style == "programme" and _is_french(loc):
        return (
            format_time(start, locale, "programme")
            + _PROGRAMME_RANGE_SEPARATOR
            + format_time(end, locale, "programme")
        )
    # Printed programmes in right-to-left languages use the 24-hour clock (as ar_MA does): a
    # 12-hour range ends with its AM/PM marker, which lands on the wrong side once the range is
    # isolated left-to-right inside Arabic text.
    rtl_programme = style == "programme" and loc.character_order == "right-to-left"
    skeleton = "Hm" if rtl_programme or uses_24_hour_clock(locale) else "hm"
    return _localise_digits(babel_dates.format_interval(start, end, skeleton, locale=loc), loc)


# --- lists ---------------------------------------------------------------------------------

# CLDR root's aliases between list styles (a style a locale lacks is read from the next one),
# ending with "standard", which every locale has.
_LIST_STYLE_FALLBACKS: dict[str, tuple[str, ...]] = {
    "standard": (),
    "standard-short": ("standard",),
    "standard-narrow": ("standard-short", "standard"),
    "or": (),
    "or-short": ("or",),
    "or-narrow": ("or-short", "or"),
    "unit": ("standard",),
    "unit-short": ("unit", "standard"),
    "unit-narrow": ("unit-short", "unit", "standard"),
}


@lru_cache(maxsize=512)
def _list_patterns(locale: str, style: str) -> dict[str, str]:
    """The four list patterns (start, middle, end, 2) of a style, each resolved on its own.

    A part missing from a style is taken from the next style in CLDR's alias chain; a missing
    two-item pattern is the same style's ``end`` pattern (Arabic ``unit-short`` has none).
    """
    available = babel_locale(locale).list_patterns
    chain = [s for s in (style, *_LIST_STYLE_FALLBACKS[style]) if s in available]
    resolved: dict[str, str] = {}
    for part in ("start", "middle", "end", "2"):
        for s in chain:
            patterns = available[s]
            if part in patterns:
                resolved[part] = patterns[part]
                break
            if part == "2" and "end" in patterns:
                resolved[part] = patterns["end"]
                break
        else:  # pragma: no cover - "standard" and "or" are complete in every CLDR locale
            resolved[part] = "{0}, {1}"
    return resolved


# The Arabic conjunction و is written joined to the word it introduces ("وسيباستيان"); before a
# name in Latin letters it is set apart by a no-break space ("و Sébastien"): glued to the
# name, it would read as part of it, and the line must not break after it.
_JOINED_CONJUNCTION = "و{1}"


def _pattern_for(pattern: str, item: str) -> str:
    if _JOINED_CONJUNCTION in pattern and first_strong_direction(item) == "ltr":
        return pattern.replace(_JOINED_CONJUNCTION, "و\u00a0{1}")
    return pattern


@lru_cache(maxsize=_CACHE_SIZE)
def _format_list(items: tuple[str, ...], locale: str, style: str) -> str:
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    patterns = _list_patterns(locale, style)
    if len(items) == 2:
        return _pattern_for(patterns["2"], items[1]).format(*items)
    result = _pattern_for(patterns["start"], items[1]).format(items[0], items[1])
    for item in items[2:-1]:
        result = _pattern_for(patterns["middle"], item).format(result, item)
    return _pattern_for(patterns["end"], items[-1]).format(result, items[-1])


def format_list(items: Iterable[str], locale: str, style: ListStyle = "standard") -> str:
    """Items joined the way the locale writes a list ("A, B et C", "أ وب وج").

    Uses Babel's CLDR list patterns, resolved part by part (see the module's notes); for
    complete styles the result is exactly ``babel.lists.format_list``'s, except that the Arabic
    و is followed by a no-break space before a name in Latin letters.

    >>> format_list(["Khalid", "Sébastien", "Emmanuelle"], "ar")
    'Khalid و\xa0Sébastien و\xa0Emmanuelle'
    >>> format_list(["جهة ليموزان", "جهة مراكش آسفي"], "ar")
    'جهة ليموزان وجهة مراكش آسفي'
    >>> format_list(["Khalid", "Sébastien"], "en")
    'Khalid and Sébastien'
    >>> format_list([], "fr")
    ''
    """
    _check_style(style, _LIST_STYLES)
    babel_locale(locale)  # refuse a bad locale even for a list too short to need its patterns
    return _format_list(tuple(items), locale, style)


# --- numbers and durations -----------------------------------------------------------------


@lru_cache(maxsize=_CACHE_SIZE, typed=True)
def format_number(n: int | float | Decimal, locale: str) -> str:
    """A number with the locale's separators and digits (Arabic-Indic digits in ``ar_EG``).

    >>> format_number(1234.5, "fr"), format_number(1234.5, "ar_MA"), format_number(1234.5, "en")
    ('1\\u202f234,5', '1.234,5', '1,234.5')
    >>> format_number(1234.5, "ar_EG")
    '١٬٢٣٤٫٥'
    """
    loc = babel_locale(locale)
    text = babel_numbers.format_decimal(n, locale=loc, numbering_system=_numbering_system(loc))
    return _localise_digits(text, loc)


# The unit-list style used to join the parts of a duration, by unit length: the first style
# the locale itself defines. "long" joins with the "standard" list ("1 heure et 40 minutes",
# "1 hour and 40 minutes"): CLDR's "unit" style would give "1 hour, 40 minutes" in English.
# "short" prefers "unit-short" ("1 hr, 40 min") but French has only "unit-narrow", which gives
# the idiomatic "1 h 40 min" (CLDR's inheritance would give the unidiomatic "1 h, 40 min").
_DURATION_LIST_STYLES: dict[str, tuple[str, ...]] = {
    "long": ("standard",),
    "short": ("unit-short", "unit-narrow", "unit", "standard"),
    "narrow": ("unit-narrow", "unit-short", "unit", "standard"),
}


def _duration_list_style(loc: Locale, style: str) -> str:
    available = loc.list_patterns
    return next((s for s in _DURATION_LIST_STYLES[style] if s in available), "standard")


@lru_cache(maxsize=_CACHE_SIZE)
def format_duration(td: dt.timedelta, locale: str, style: DurationStyle = "long") -> str:
    """A duration, exactly: hours, minutes and seconds, each with CLDR's plural forms.

    Never rounded: 1 h 40 is ``1 heure et 40 minutes``, not ``2 heures``. Each non-zero part is
    one CLDR unit (``duration-hour``, ``duration-minute``, ``duration-second``) formatted by
    :func:`babel.units.format_unit` (so Arabic gets its six plural categories: ساعة, ساعتان,
    3 ساعات, 11 ساعة…), and the parts are joined with a CLDR list pattern. Durations of a day or
    more are written in hours (``26 heures``). Zero is written in minutes (``0 minute`` in
    French, whose CLDR "one" category covers 0; ``0 minutes`` in English).

    >>> import datetime as dt
    >>> format_duration(dt.timedelta(hours=1, minutes=40), "en")
    '1 hour and 40 minutes'
    >>> format_duration(dt.timedelta(hours=1, minutes=40), "ar")
    'ساعة و40 دقيقة'
    >>> format_duration(dt.timedelta(hours=1, minutes=40), "en", "short")
    '1 hr, 40 min'

    :raises ValueError: the duration is negative or has a fraction of a second.
    """
    # Not babel.dates.format_timedelta: it keeps only the largest unit and rounds (with its
    # default threshold, 1 h 40 becomes "2 heures"), which a timed agenda must never print.
    _check_style(style, _DURATION_STYLES)
    if td < dt.timedelta(0):
        raise ValueError(f"a duration cannot be negative: {td}")
    if td.microseconds:
        raise ValueError(f"durations are exact to the second, not {td}")
    loc = babel_locale(locale)
    total = int(td.total_seconds())
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    amounts = [
        (amount, unit)
        for amount, unit in (
            (hours, "duration-hour"),
            (minutes, "duration-minute"),
            (seconds, "duration-second"),
        )
        if amount
    ] or [(0, "duration-minute")]
    system = _numbering_system(loc)
    parts = [
        _localise_digits(
            babel_units.format_unit(amount, unit, style, locale=loc, numbering_system=system), loc
        )
        for amount, unit in amounts
    ]
    return _format_list(tuple(parts), locale, _duration_list_style(loc, style))
