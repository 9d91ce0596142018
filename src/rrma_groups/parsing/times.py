"""Read times, time ranges, dates and durations as people write them in meeting programmes.

Programmes of French, Moroccan, Arabic and English meetings write the same things in many
ways: ``14h00``, ``14:00``, ``2 pm``, ``١٤:٠٠``; ``04/11/2016``, ``vendredi 4 novembre 2016``,
``الجمعة ٤ نونبر ٢٠١٦``; ``1h30``, ``90'``, ``PT1H30M``, ``ساعة و٣٠ دقيقة``. This module reads
them into :mod:`datetime` values, and refuses anything it cannot read without guessing, with a
:class:`~rrma_groups.errors.TimeParseError` whose ``code`` is stable and whose ``reason`` tells
the writer what was expected; ``describe(lang)`` gives the message in another language.

Conventions:

* numeric dates are read day first (``04/11/2016`` is 4 November 2016), except ISO and other
  year-first dates (``2016-11-04``); two-digit years are refused;
* a weekday, when written, must match the date;
* ``24:00`` is refused (use ``00:00`` of the next day, or end the item at ``23:59``);
* a duration given as an ``int`` is a number of minutes.

dateutil.parser is not used: it silently fills missing fields from today's date and knows no
French or Arabic month names. Everything below is explicit regexes and small tables.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, time, timedelta
from typing import Final

from rrma_groups.errors import TimeParseError
from rrma_groups.i18n.catalog import N_
from rrma_groups.messages import NN_, Msg
from rrma_groups.parsing.folding import fold

__all__ = [
    "MAX_LENGTH",
    "normalize_digits",
    "parse_date",
    "parse_duration",
    "parse_time",
    "parse_time_range",
]

# --------------------------------------------------------------------------------------------
# Tables. Names are written naturally here; lookups use their folded form (see
# rrma_groups.parsing.folding.fold), so case, accents, hamza forms, harakat and tatweel do not
# matter.
# --------------------------------------------------------------------------------------------

_MONTHS: Final[dict[int, tuple[str, ...]]] = {
    # French (full, abbreviations), English, Arabic: Egyptian/standard, Moroccan, Levantine,
    # Algerian/Tunisian.
    1: ("janvier", "janv", "jan", "january", "يناير", "كانون الثاني", "كانون ثاني", "جانفي"),
    2: ("février", "févr", "fév", "february", "feb", "فبراير", "شباط", "فيفري"),
    3: ("mars", "march", "mar", "مارس", "آذار"),
    4: ("avril", "avr", "april", "apr", "أبريل", "إبريل", "نيسان", "أفريل"),
    5: ("mai", "may", "مايو", "ماي", "أيار"),
    6: ("juin", "june", "jun", "يونيو", "يونيه", "حزيران", "جوان"),
    7: ("juillet", "juil", "juill", "july", "jul", "يوليو", "يوليه", "يوليوز", "تموز", "جويلية"),
    8: ("août", "august", "aug", "أغسطس", "غشت", "آب", "أوت"),
    9: ("septembre", "sept", "sep", "september", "سبتمبر", "شتنبر", "شتمبر", "أيلول"),
    10: ("octobre", "oct", "october", "أكتوبر", "اكتوبر", "تشرين الأول", "تشرين أول"),
    11: ("novembre", "nov", "november", "نوفمبر", "نونبر", "تشرين الثاني", "تشرين ثاني"),
    12: ("décembre", "déc", "december", "ديسمبر", "دجنبر", "دجمبر", "كانون الأول", "كانون أول"),
}

_WEEKDAYS: Final[dict[int, tuple[str, ...]]] = {  # 0 is Monday, as in date.weekday()
    0: ("lundi", "lun", "monday", "mon", "الاثنين", "الإثنين", "الاتنين", "اثنين"),
    1: ("mardi", "mar", "tuesday", "tue", "tues", "الثلاثاء", "ثلاثاء"),
    2: ("mercredi", "mer", "wednesday", "wed", "الأربعاء", "أربعاء"),
    3: ("jeudi", "jeu", "thursday", "thu", "thur", "thurs", "الخميس", "خميس"),
    4: ("vendredi", "ven", "friday", "fri", "الجمعة", "جمعة"),
    5: ("samedi", "sam", "saturday", "sat", "السبت", "سبت"),
    6: ("dimanche", "dim", "sunday", "sun", "الأحد", "أحد"),
}

# Month and weekday names for reasons, as message ids: a reason names them in the reader's
# language ("February 2016 has 29 days", "février 2016 compte 29 jours").
_MONTH_EN: Final = (
    "",
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)
_WEEKDAY_EN: Final = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)

# Words that may stand around a date without changing it: "le 4 novembre", "the 4th of
# November", "يوم الجمعة", "٢٠١٦ م" (م: of the common era).
_DATE_FILLERS: Final = ("le", "the", "of", "يوم", "م")

_TIME_WORDS: Final[dict[str, time]] = {
    "midi": time(12, 0),
    "minuit": time(0, 0),
    "noon": time(12, 0),
    "midday": time(12, 0),
    "midnight": time(0, 0),
    "منتصف النهار": time(12, 0),
    "منتصف الليل": time(0, 0),
}

# Duration units: name -> implied count when written without a number (None: a number is
# required). Arabic has singular and dual forms that carry their own count.
_HOUR_UNITS: Final[dict[str, int | None]] = {
    "h": None,
    "hr": None,
    "hrs": None,
    "hour": None,
    "hours": None,
    "heure": None,
    "heures": None,
    "ساعة": 1,
    "ساعات": None,
    "ساعتان": 2,
    "ساعتين": 2,
}
_MINUTE_UNITS: Final[dict[str, int | None]] = {
    "m": None,
    "min": None,
    "mins": None,
    "minute": None,
    "minutes": None,
    "mn": None,
    "mns": None,
    "mnt": None,
    "mnts": None,
    "'": None,
    "’": None,
    "′": None,
    "د": None,
    "دقيقة": 1,
    "دقائق": None,
    "دقيقتان": 2,
    "دقيقتين": 2,
}
_DURATION_ARTICLES: Final = ("a", "an", "one", "un", "une")  # "une heure", "an hour"
_DURATION_FRACTIONS: Final[dict[str, tuple[int, int]]] = {
    "demi": (1, 2),
    "demie": (1, 2),
    "half": (1, 2),
    "نصف": (1, 2),
    "quart": (1, 4),
    "quarter": (1, 4),
    "ربع": (1, 4),
}
_DURATION_CONNECTORS: Final = ("et", "and", "و")

MAX_LENGTH: Final = 200
"""Longer texts are refused at once: no time, date or duration needs that many characters."""

# Invisible characters that only steer display direction or joining (left-to-right and
# right-to-left marks, Arabic letter mark, embeddings and overrides, isolates), plus zero-width
# space and byte-order mark. Copying from Word or a PDF often drags them along.
_INVISIBLE: Final = (
    "\u200b\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)

# Reasons are message ids marked with N_ and kept apart from their parameters (a Msg), so that
# a TimeParseError can be explained in the reader's language; ``reason`` stays English.
# TRANSLATORS: the examples are forms the reader may write in their language; all are read.
_EXPECTED_TIME: Final = Msg(N_("expected a time such as 14h00, 14:00 or 2 pm"))
# TRANSLATORS: the examples are forms the reader may write in their language; all are read.
_EXPECTED_RANGE: Final = Msg(N_("expected a time range such as 14h00 - 14h15 or 2 pm to 3 pm"))
# TRANSLATORS: the examples are forms the reader may write in their language; all are read.
_EXPECTED_DATE: Final = Msg(N_("expected a date such as 04/11/2016, 2016-11-04 or 4 November 2016"))
# TRANSLATORS: the examples are forms the reader may write in their language; all are read.
_EXPECTED_DURATION: Final = Msg(N_("expected a duration such as 15 min, 1h30 or PT1H30M"))
_FOUR_DIGIT_YEAR: Final = Msg(N_("write the year with four digits, as in 04/11/2016"))
_MINUTES_0_59: Final = Msg(N_("minutes go from 0 to 59"))
_SECONDS_0_59: Final = Msg(N_("seconds go from 0 to 59"))


# --------------------------------------------------------------------------------------------
# Text normalisation
# --------------------------------------------------------------------------------------------


class _DigitTable(dict[int, str | None]):
    """``str.translate`` table, filled lazily: decimal digits to ASCII, invisibles removed."""

    def __missing__(self, codepoint: int) -> str | None:
        char = chr(codepoint)
        digit = unicodedata.decimal(char, None)
        value = char if digit is None else str(digit)
        self[codepoint] = value
        return value


_DIGITS: Final = _DigitTable({ord(c): None for c in _INVISIBLE})


def normalize_digits(text: str) -> str:
    """Write every decimal digit in ASCII and remove bidi marks, embeddings and isolates.

    Any Unicode decimal digit counts (Arabic-Indic, Eastern Arabic/Persian, full-width...).
    The invisible characters removed are U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069,
    and also U+200B (zero-width space) and U+FEFF (byte-order mark).

    >>> normalize_digits("١٤:٠٠")
    '14:00'
    >>> normalize_digits("۱۴h۳۰")
    '14h30'
    >>> normalize_digits("\\u2066１４:００\\u2069")
    '14:00'
    """
    if text.isascii():
        return text
    return text.translate(_DIGITS)


def _clean(text: str) -> str:
    """Compatibility-normalise, ASCII digits, no invisibles, single spaces, case-folded."""
    if not text.isascii():
        # NFKC turns full-width colons and letters, NBSP and narrow NBSP into plain ones.
        text = normalize_digits(unicodedata.normalize("NFKC", text))
    return " ".join(text.split()).casefold()


def _fold_table(table: dict[int, tuple[str, ...]]) -> dict[str, int]:
    return {fold(name): number for number, names in table.items() for name in names}


_MONTH_BY_NAME: Final = _fold_table(_MONTHS)
_WEEKDAY_BY_NAME: Final = _fold_table(_WEEKDAYS)
_FOLDED_FILLERS: Final = frozenset(fold(w) for w in _DATE_FILLERS)
_FOLDED_HOURS: Final = {fold(k): v for k, v in _HOUR_UNITS.items()}
_FOLDED_MINUTES: Final = {fold(k): v for k, v in _MINUTE_UNITS.items()}
_FOLDED_FRACTIONS: Final = {fold(k): v for k, v in _DURATION_FRACTIONS.items()}
_FOLDED_CONNECTORS: Final = frozenset(fold(w) for w in _DURATION_CONNECTORS)
_FOLDED_ARTICLES: Final = frozenset(_DURATION_ARTICLES)
_FOLDED_TIME_WORDS: Final = {fold(k): v for k, v in _TIME_WORDS.items()}


class _Bad(Exception):
    """Internal: a piece of text was refused for ``reason`` (turned into TimeParseError)."""

    def __init__(self, reason: Msg, code: str | None = None) -> None:
        super().__init__(str(reason))
        self.reason = reason
        self.code = code


def _error(code: str, text: str, reason: Msg) -> TimeParseError:
    """A TimeParseError whose reason is a translatable fragment (its ``reason_msg``)."""
    return TimeParseError(code, text, reason)


def _prepare(value: object, code: str, expected: Msg) -> tuple[str, str]:
    """Check the input and return it unchanged together with its cleaned form."""
    if not isinstance(value, str):
        reason = Msg(N_("expected a string, not {type}"), {"type": type(value).__name__})
        raise _error(code, repr(value), reason)
    if len(value) > MAX_LENGTH:
        reason = Msg(
            NN_(
                "the text is longer than {max_length} character; {expected}",
                "the text is longer than {max_length} characters; {expected}",
                counting="max_length",
            ),
            {"max_length": MAX_LENGTH, "expected": expected},
        )
        raise _error(code, value, reason)
    cleaned = _clean(value)
    if not cleaned:
        raise _error(code, value, Msg(N_("the text is empty; {expected}"), {"expected": expected}))
    return value, cleaned


# --------------------------------------------------------------------------------------------
# Times and time ranges
# --------------------------------------------------------------------------------------------

# All patterns below are matched against cleaned text (ASCII digits, single spaces, lower case)
# and contain no nested or adjacent unbounded repetitions, so they cannot backtrack badly.
# Arabic writes the half of the day after the time: ص (sabahan, morning) and م (masa'an,
# evening), as CLDR's Arabic locales do ("2:00 م"): they are am and pm.
_TIME_RE: Final = re.compile(
    r"(?P<h>[0-9]+)"
    r"(?: ?(?P<sep>[:.]|heures?|h) ?(?P<m>[0-9]+)?(?::(?P<s>[0-9]+))?)?"
    r"(?: ?(?:(?P<mer>[ap])\.? ?m\.?|(?P<armer>[صم])))?"
)
_ARABIC_MERIDIEM: Final = {"ص": "a", "م": "p"}
_BARE_HOUR_RE: Final = re.compile(r"[0-9]{1,2}")
_RANGE_PREFIX_RE: Final = re.compile(r"(?:(?P<between>entre|between|بين)|de|from|من) ")
_RANGE_SEP_RE: Final = re.compile(
    r" ?(?:-+>?|=>|[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2192\u27f6]) ?"
    r"| (?:à|to|until|till|إلى|الى|حتى|لغاية) "
)
_BETWEEN_SEP_RE: Final = re.compile(r" (?:et|and) | و ?")


def _read_time(cleaned: str) -> tuple[time, str | None]:
    """Read one cleaned time; return it and its meridiem letter (``a``/``p``) if any."""
    word = _FOLDED_TIME_WORDS.get(fold(cleaned))
    if word is not None:
        return word, None
    match = _TIME_RE.fullmatch(cleaned)
    if match is None:
        raise _Bad(_EXPECTED_TIME)
    hour_txt, sep, minute_txt, second_txt, mer = match.group("h", "sep", "m", "s", "mer")
    if match["armer"] is not None:
        mer = _ARABIC_MERIDIEM[match["armer"]]
    if (
        (sep is None and mer is None)  # a bare number: "14"
        or (sep in (":", ".") and minute_txt is None)  # "14:"
        or (second_txt is not None and (sep != ":" or minute_txt is None))  # "14.00:00"
    ):
        raise _Bad(_EXPECTED_TIME)
    if minute_txt is not None and len(minute_txt) != 2:
        raise _Bad(Msg(N_("minutes need two digits, as in 9:05")))
    if second_txt is not None and len(second_txt) != 2:
        raise _Bad(Msg(N_("seconds need two digits, as in 14:00:05")))
    hour = int(hour_txt) if len(hour_txt) <= 2 else 99
    minute = int(minute_txt or 0)
    second = int(second_txt or 0)
    if mer is not None:
        if not 1 <= hour <= 12:
            raise _Bad(Msg(N_("with am or pm, hours go from 1 to 12")))
        hour = hour % 12 + (12 if mer == "p" else 0)
    elif hour == 24 and minute == 0 and second == 0:
        reason = N_(
            "24:00 is not a time of day; use 00:00 of the next day or end the item at 23:59"
        )
        raise _Bad(Msg(reason))
    elif hour > 23:
        raise _Bad(Msg(N_("hours go from 0 to 23")))
    if minute > 59:
        raise _Bad(_MINUTES_0_59)
    if second > 59:
        raise _Bad(_SECONDS_0_59)
    return time(hour, minute, second), mer


def parse_time(text: str) -> time:
    """Read a time of day: ``14h00``, ``14:00``, ``2 pm``, ``midi``, ``١٤:٠٠``...

    Accepted: ``14h00``, ``14h``, ``14 h 30``, ``14H30``, ``9h05``, ``14 heures``, ``14:00``,
    ``14:00:00``, ``14.00``, ``2pm``, ``2:30 pm``, ``2.30 p.m.``, ``12am`` (midnight), ``12pm``
    (noon), ``2:30 م`` and ``9:00 ص`` (Arabic pm and am, as CLDR's Arabic locales write them),
    ``midi``, ``minuit``, ``noon``, ``midnight``, ``منتصف الليل``, with digits of any
    script and surrounding spaces (NBSP included). Minutes need two digits. The result has
    seconds only if they were written.

    >>> parse_time("14h30")
    datetime.time(14, 30)
    >>> parse_time("2.30 p.m.")
    datetime.time(14, 30)
    >>> parse_time("١٤:٠٠")
    datetime.time(14, 0)
    >>> parse_time("٢:٣٠ م")
    datetime.time(14, 30)
    >>> parse_time("midi")
    datetime.time(12, 0)
    >>> parse_time("25h00")
    Traceback (most recent call last):
      ...
    rrma_groups.errors.TimeParseError: cannot read '25h00': hours go from 0 to 23
    """
    original, cleaned = _prepare(text, "invalid_time", _EXPECTED_TIME)
    try:
        return _read_time(cleaned)[0]
    except _Bad as bad:
        raise _error("invalid_time", original, bad.reason) from None


def parse_time_range(text: str) -> tuple[time, time]:
    """Read a start and an end time: ``14h00 - 14h15``, ``de 14h à 15h30``, ``2 to 3 pm``...

    The separator may be a hyphen, en dash, em dash, minus sign or arrow (spaces optional), or
    the word ``à``, ``to``, ``until``, ``إلى`` or ``حتى`` (with spaces); the range may start with
    ``de``, ``from`` or ``من``, or be written ``entre 14h et 15h`` / ``between 2 and 3 pm`` /
    ``بين ... و...``. A bare start hour borrows the end's style (``9-10h``, ``2-3 pm``), and a
    start without am/pm borrows the end's (``1:30-2:30 pm`` is 13:30 to 14:30). Bidi marks and
    isolates around or inside the text are ignored. The end must be after the start.

    >>> parse_time_range("14h00 - 14h15")
    (datetime.time(14, 0), datetime.time(14, 15))
    >>> parse_time_range("de 14h à 15h30")
    (datetime.time(14, 0), datetime.time(15, 30))
    >>> parse_time_range("from 2 pm to 3:30 pm")
    (datetime.time(14, 0), datetime.time(15, 30))
    >>> parse_time_range("من ١٤:٠٠ إلى ١٥:٠٠")
    (datetime.time(14, 0), datetime.time(15, 0))
    >>> try:
    ...     parse_time_range("15h - 14h")
    ... except TimeParseError as error:
    ...     print(error.code, "|", error.reason)
    time_range_not_increasing | the end (14:00) must be after the start (15:00)
    """
    code = "invalid_time_range"
    original, cleaned = _prepare(text, code, _EXPECTED_RANGE)
    body = cleaned
    separator = _RANGE_SEP_RE
    prefix = _RANGE_PREFIX_RE.match(body)
    if prefix is not None:
        body = body[prefix.end() :]
        if prefix.group("between") is not None:
            separator = _BETWEEN_SEP_RE
    parts = separator.split(body)
    if len(parts) != 2 or not parts[0] or not parts[1]:
        reason = _EXPECTED_RANGE
        if len(parts) == 1:
            try:
                _read_time(body)
                reason = Msg(
                    N_("only one time was given; {expected}"), {"expected": _EXPECTED_RANGE}
                )
            except _Bad:
                pass
        raise _error(code, original, reason)
    start_txt, end_txt = parts
    try:
        end, end_mer = _read_time(end_txt)
    except _Bad as bad:
        reason = Msg(N_("the end time is wrong: {reason}"), {"reason": bad.reason})
        raise _error(code, original, reason) from None
    if _BARE_HOUR_RE.fullmatch(start_txt):  # "9-10h", "de 9 à 10h", "2-3 pm" (see below)
        start_txt += "h"
    try:
        start, start_mer = _read_time(start_txt)
    except _Bad as bad:
        reason = Msg(N_("the start time is wrong: {reason}"), {"reason": bad.reason})
        raise _error(code, original, reason) from None
    if end_mer is not None and start_mer is None:
        # "1:30-2:30 pm": the start shares the end's half of the day, unless that would put it
        # after the end ("11-1 pm" is 11 am to 1 pm) or it is a 24-hour time ("13:00-2 pm").
        for mer in (end_mer, "a"):
            try:
                candidate = _read_time(f"{start_txt} {mer}m")[0]
            except _Bad:
                break
            if candidate < end:
                start = candidate
                break
    if end <= start:
        # Times, not text: a message shows them the reader's way (2:00 م in Arabic); the English
        # reason writes them 14:00, or 14:00:05 when they have seconds.
        reason = Msg(
            N_("the end ({end}) must be after the start ({start})"), {"end": end, "start": start}
        )
        raise _error("time_range_not_increasing", original, reason)
    return start, end


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------

_NUMERIC_DATE_RE: Final = re.compile(
    r"(?:(?P<wd>[^\W\d_]+(?: [^\W\d_]+){0,2}) )?"
    r"(?P<a>[0-9]+) ?(?P<sep>[/.\-]) ?(?P<b>[0-9]+) ?(?P=sep) ?(?P<c>[0-9]+)"
)
_NUMERIC_NO_YEAR_RE: Final = re.compile(r"[0-9]{1,2} ?([/.\-]) ?[0-9]{1,2}")
_DATE_NUMBER_RE: Final = re.compile(r"(?P<n>[0-9]+)(?:er|re|st|nd|rd|th|م)?")
# Shapes of a written date, one letter per word: n a number, w a word.
_DMY_SHAPE: Final = re.compile(r"w?nw{1,2}n")
_MDY_SHAPE: Final = re.compile(r"w{1,3}nn")
_NO_YEAR_SHAPE: Final = re.compile(r"w?nw{1,2}|w{1,3}n")


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if _is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _check_year(year_txt: str) -> int:
    if len(year_txt) == 2:
        raise _Bad(_FOUR_DIGIT_YEAR, "ambiguous_date")
    if len(year_txt) != 4:
        raise _Bad(_FOUR_DIGIT_YEAR)
    return int(year_txt)


def _make_date(year: int, month: int, day: int, *, day_first_hint: bool = False) -> date:
    """Build a date, or say precisely why it does not exist."""
    if not 1 <= month <= 12:
        reason = Msg(N_("months go from 1 to 12"))
        if day_first_hint and 1 <= day <= 12:
            reason = Msg(
                N_("months go from 1 to 12 (dates are read day first, as in {example})"),
                {"example": f"{month:02d}/{day:02d}/{year}"},
            )
        raise _Bad(reason, "impossible_date")
    if year < 1:
        raise _Bad(Msg(N_("years go from 1 to 9999")), "impossible_date")
    if day < 1:
        raise _Bad(Msg(N_("days start at 1")), "impossible_date")
    length = _days_in_month(year, month)
    if day > length:
        # The year is text, not a number: a message must not group its digits ("2 016").
        reason = Msg(
            N_("{month} {year} has {length} days"),
            {"month": Msg(_MONTH_EN[month]), "year": str(year), "length": length},
        )
        raise _Bad(reason, "impossible_date")
    return date(year, month, day)


def _weekday(words: list[str]) -> int | None:
    if not words:
        return None
    name = " ".join(words)
    weekday = _WEEKDAY_BY_NAME.get(name)
    if weekday is None:
        raise _Bad(Msg(N_("'{name}' is not a day of the week"), {"name": name}))
    return weekday


def _month(words: list[str]) -> int:
    name = " ".join(words)
    month = _MONTH_BY_NAME.get(name)
    if month is None:
        raise _Bad(Msg(N_("'{name}' is not a month name"), {"name": name}))
    return month


def _check_weekday(result: date, weekday: int | None) -> date:
    if weekday is not None and weekday != result.weekday():
        reason = Msg(
            N_("{day} {month} {year} falls on a {weekday}, not a {expected}"),
            {
                "day": str(result.day),
                "month": Msg(_MONTH_EN[result.month]),
                "year": str(result.year),
                "weekday": Msg(_WEEKDAY_EN[result.weekday()]),
                "expected": Msg(_WEEKDAY_EN[weekday]),
            },
        )
        raise _Bad(reason, "weekday_mismatch")
    return result


def _read_numeric_date(match: re.Match[str]) -> date:
    words = [w for w in (match["wd"] or "").split() if w not in _FOLDED_FILLERS]
    weekday = _weekday(words)
    a, b, c = match.group("a", "b", "c")
    if len(a) == 4 and len(b) <= 2 and len(c) <= 2:  # 2016-11-04, 2016/11/04
        result = _make_date(int(a), int(b), int(c))
    elif len(a) <= 2 and len(b) <= 2:  # 04/11/2016, day first
        result = _make_date(_check_year(c), int(b), int(a), day_first_hint=True)
    else:
        raise _Bad(_EXPECTED_DATE)
    return _check_weekday(result, weekday)


def _read_written_date(cleaned: str) -> date:
    tokens = [t for t in cleaned.replace(".", " ").split() if t not in _FOLDED_FILLERS]
    numbers: list[str] = []
    words: list[str] = []
    shape = ""  # one letter per token: n a number, w a word
    for token in tokens:
        number = _DATE_NUMBER_RE.fullmatch(token)
        if number is not None:
            numbers.append(number["n"])
            shape += "n"
        else:
            words.append(token)
            shape += "w"
    leading = len(shape) - len(shape.lstrip("w"))  # words before the first number
    if _DMY_SHAPE.fullmatch(shape):  # [weekday] 4 novembre 2016
        weekday = _weekday(words[:leading])
        month = _month(words[leading:])
    elif _MDY_SHAPE.fullmatch(shape):  # [Friday,] November 4, 2016
        month, weekday = _split_weekday_month(words)
    elif _NO_YEAR_SHAPE.fullmatch(shape):  # 4 novembre, November 4: say what is missing
        if leading == len(words):
            _split_weekday_month(words)
        else:
            _weekday(words[:leading])
            _month(words[leading:])
        reason = N_("the year is missing; write it with four digits, as in 4 novembre 2016")
        raise _Bad(Msg(reason))
    else:
        raise _Bad(_EXPECTED_DATE)
    day_txt, year_txt = numbers
    if len(day_txt) > 2:
        raise _Bad(_EXPECTED_DATE)
    year = _check_year(year_txt)
    return _check_weekday(_make_date(year, month, int(day_txt)), weekday)


def _split_weekday_month(words: list[str]) -> tuple[int, int | None]:
    """Split ``[weekday] month`` words (the month may have two words: كانون الثاني)."""
    for month_len in (2, 1):
        if month_len <= len(words) and len(words) - month_len <= 1:
            month = _MONTH_BY_NAME.get(" ".join(words[-month_len:]))
            if month is not None:
                return month, _weekday(words[:-month_len])
    month = _month(words[-1:])
    return month, _weekday(words[:-1])  # the words before the month are no weekday: say so


def parse_date(text: str) -> date:
    """Read a calendar date: ``04/11/2016`` (day first), ``2016-11-04``, ``4 novembre 2016``...

    Numeric dates are day first (``04/11/2016``, ``4.11.2016``, ``04-11-2016``) unless they
    start with a four-digit year (``2016-11-04``, ``2016/11/04``). Written dates may be French,
    English or Arabic (Maghreb, Egyptian and Levantine month names, Algerian/Tunisian variants),
    day-month-year or, in English, month-day-year; ``1er``/``1st`` and abbreviations such as
    ``nov.`` are fine, case and accents do not matter. A leading weekday is optional but must
    match. The year must have four digits.

    >>> parse_date("04/11/2016")
    datetime.date(2016, 11, 4)
    >>> parse_date("vendredi 4 novembre 2016")
    datetime.date(2016, 11, 4)
    >>> parse_date("November 4, 2016")
    datetime.date(2016, 11, 4)
    >>> parse_date("الجمعة ٤ نونبر ٢٠١٦")
    datetime.date(2016, 11, 4)
    >>> parse_date("31/02/2016")
    Traceback (most recent call last):
      ...
    rrma_groups.errors.TimeParseError: cannot read '31/02/2016': February 2016 has 29 days
    """
    original, cleaned = _prepare(text, "invalid_date", _EXPECTED_DATE)
    cleaned = " ".join(fold(cleaned).replace(",", " ").replace("،", " ").split())
    try:
        numeric = _NUMERIC_DATE_RE.fullmatch(cleaned)
        if numeric is not None:
            return _read_numeric_date(numeric)
        if _NUMERIC_NO_YEAR_RE.fullmatch(cleaned):
            reason = N_("the year is missing; write it with four digits, as in 04/11/2016")
            raise _Bad(Msg(reason))
        return _read_written_date(cleaned)
    except _Bad as bad:
        raise _error(bad.code or "invalid_date", original, bad.reason) from None


# --------------------------------------------------------------------------------------------
# Durations
# --------------------------------------------------------------------------------------------

_ISO_DURATION_RE: Final = re.compile(
    r"p(?:(?P<d>[0-9]+)d)?(?:t(?:(?P<h>[0-9]+)h)?(?:(?P<m>[0-9]+)m)?(?:(?P<s>[0-9]+)s)?)?"
)
_CLOCK_DURATION_RE: Final = re.compile(r"(?P<h>[0-9]+):(?P<m>[0-9]{2})(?::(?P<s>[0-9]{2}))?")
_DURATION_TOKEN_RE: Final = re.compile(r"[0-9]+(?:[.,][0-9]+)?|[^\W\d_]+|\S")
_NOT_POSITIVE: Final = Msg(N_("a duration must be longer than zero"))


def _number(token: str) -> tuple[int, int]:
    """``"1,5"`` → ``(15, 10)``: an exact rational as numerator and denominator."""
    whole, _, fraction = token.replace(",", ".").partition(".")
    return int(whole + fraction), 10 ** len(fraction)


def _known_duration_word(token: str) -> bool:
    return (
        token in _FOLDED_HOURS
        or token in _FOLDED_MINUTES
        or token in _FOLDED_FRACTIONS
        or token in _FOLDED_ARTICLES
        or token in _FOLDED_CONNECTORS
    )


def _read_words_duration(cleaned: str) -> int:
    """Read ``1 h 30``, ``2 heures``, ``45 mins``, ``ساعة و٣٠ دقيقة``...; return seconds."""
    tokens: list[str] = []
    for token in _DURATION_TOKEN_RE.findall(fold(cleaned).replace("-", " ")):  # demi-heure
        if not _known_duration_word(token):
            rest = token[1:]  # Arabic glues "and" to the next word: ونصف, وربع
            if token[0] == "و" and _known_duration_word(rest):
                token = rest
        tokens.append(token)
    seconds = 0
    pending: tuple[int, int] | None = None  # a count waiting for its unit
    pending_kind = ""  # "number", "article" or "fraction"
    hours_seen = minutes_seen = False
    for token in tokens:
        if token in _FOLDED_CONNECTORS:
            continue
        if token[0] in "0123456789":
            if pending is not None:
                raise _Bad(_EXPECTED_DURATION)
            pending, pending_kind = _number(token), "number"
        elif token in _FOLDED_ARTICLES:
            if pending is None:
                pending, pending_kind = (1, 1), "article"
            elif pending_kind != "fraction":  # "half an hour": the article adds nothing
                raise _Bad(_EXPECTED_DURATION)
        elif token in _FOLDED_FRACTIONS:
            if pending is not None and pending_kind != "article":
                raise _Bad(_EXPECTED_DURATION)
            pending, pending_kind = _FOLDED_FRACTIONS[token], "fraction"
        elif token in _FOLDED_HOURS or token in _FOLDED_MINUTES:
            is_hour = token in _FOLDED_HOURS
            implied = (_FOLDED_HOURS if is_hour else _FOLDED_MINUTES)[token]
            if pending is None:
                if implied is None:
                    raise _Bad(_EXPECTED_DURATION)
                pending = (implied, 1)
            if (hours_seen and is_hour) or minutes_seen:
                raise _Bad(_EXPECTED_DURATION)  # units twice, or hours after minutes
            numerator, denominator = pending
            unit = 3600 if is_hour else 60
            if numerator * unit % denominator:
                raise _Bad(Msg(N_("a duration must be a whole number of seconds")))
            amount = numerator * unit // denominator
            if not is_hour and hours_seen and amount >= 3600:
                raise _Bad(_MINUTES_0_59)
            seconds += amount
            hours_seen, minutes_seen = hours_seen or is_hour, not is_hour
            pending = None
        else:
            raise _Bad(_EXPECTED_DURATION)
    if pending is not None:
        numerator, denominator = pending
        if hours_seen and not minutes_seen and pending_kind == "fraction":  # 1 heure et demie
            seconds += numerator * 3600 // denominator
        elif hours_seen and not minutes_seen and pending_kind == "number" and denominator == 1:
            if numerator > 59:  # 1h30 but not 1h75
                raise _Bad(_MINUTES_0_59)
            seconds += numerator * 60
        elif len(tokens) == 1 and denominator == 1:  # "90": minutes, as an int would be
            seconds += numerator * 60
        else:
            raise _Bad(_EXPECTED_DURATION)
    return seconds


def _read_duration(cleaned: str) -> int:
    """Read a cleaned duration; return a number of seconds."""
    if cleaned[0] in "-\u2212":
        raise _Bad(_NOT_POSITIVE)
    iso = _ISO_DURATION_RE.fullmatch(cleaned)
    if iso is not None:
        d, h, m, s = (int(v) if v else 0 for v in iso.group("d", "h", "m", "s"))
        if not any(iso.group("d", "h", "m", "s")) or cleaned.endswith("t"):
            raise _Bad(_EXPECTED_DURATION)
        return ((d * 24 + h) * 60 + m) * 60 + s
    clock = _CLOCK_DURATION_RE.fullmatch(cleaned)
    if clock is not None:  # 1:30 is an hour and a half
        h, m, s = (int(v) if v else 0 for v in clock.group("h", "m", "s"))
        if m > 59:
            raise _Bad(_MINUTES_0_59)
        if s > 59:
            raise _Bad(_SECONDS_0_59)
        return (h * 60 + m) * 60 + s
    return _read_words_duration(cleaned)


def _to_timedelta(seconds: int, original: str) -> timedelta:
    if seconds <= 0:
        raise _error("invalid_duration", original, _NOT_POSITIVE)
    try:
        return timedelta(seconds=seconds)
    except OverflowError:
        reason = Msg(N_("the duration is too long"))
        raise _error("invalid_duration", original, reason) from None


def parse_duration(text: str | int) -> timedelta:
    """Read a duration: an ``int`` of minutes, ``15 min``, ``1h30``, ``90'``, ``PT1H30M``...

    Accepted: ``15 min``, ``15mn``, ``15 minutes``, ``45 mins``, ``1h``, ``1h30``, ``1 h 40``,
    ``2 heures``, ``1 heure 30``, ``1,5 h``, ``une heure et demie``, ``1 hour 30 minutes``,
    ``half an hour``, ``90'``, ``1:30`` (hours:minutes), ISO 8601 (``PT1H30M``, ``PT45M``,
    ``P1D``), Arabic ``٤٥ دقيقة``, ``ساعة``, ``ساعتان``, ``ساعة و٣٠ دقيقة``, ``ساعة ونصف``,
    ``نصف ساعة``. A bare number (``90`` or ``"90"``) is minutes. The duration must be positive.

    >>> parse_duration(90)
    datetime.timedelta(seconds=5400)
    >>> parse_duration("1h30")
    datetime.timedelta(seconds=5400)
    >>> parse_duration("PT45M")
    datetime.timedelta(seconds=2700)
    >>> parse_duration("ساعة و٣٠ دقيقة")
    datetime.timedelta(seconds=5400)
    >>> parse_duration("0 min")
    Traceback (most recent call last):
      ...
    rrma_groups.errors.TimeParseError: cannot read '0 min': a duration must be longer than zero
    """
    code = "invalid_duration"
    if isinstance(text, int) and not isinstance(text, bool):
        return _to_timedelta(text * 60, repr(text))
    original, cleaned = _prepare(text, code, _EXPECTED_DURATION)
    try:
        seconds = _read_duration(cleaned)
    except _Bad as bad:
        raise _error(code, original, bad.reason) from None
    return _to_timedelta(seconds, original)
