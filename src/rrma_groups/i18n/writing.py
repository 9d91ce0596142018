"""How the library writes its own words in each language: French spacing, quotation marks, and
the times and dates inside messages.

This module is the one place for these conventions; everything the library writes in French
goes through it:

- :func:`french_spacing` puts a narrow no-break space (U+202F) before ``; : ! ?`` and inside
  ``« »``, and a typographic apostrophe (’) between two letters. It is applied to every French
  catalog when the catalog is loaded (:mod:`rrma_groups.i18n.catalog`), so the headings, labels,
  messages and the command's help all follow it; the text of the data (titles, names) is never
  passed through it and keeps what its file says.
- :func:`quote` is what a message shows for ``{value!r}``: ``« Accueil »`` in French,
  ``«Accueil»`` in Arabic (the value isolated, so that a Latin title keeps its order inside an
  Arabic sentence), and Python's quotes in English. Invisible characters that could disguise
  a value (controls, bidirectional controls) are shown escaped, as ``repr`` does.
- :func:`message_time` and :func:`message_date` write times as the printed programme of the
  language does (``14h00`` in French, the 24-hour clock ``14:00`` in Arabic, even in ``ar``
  whose CLDR time pattern is 12-hour) and dates in full words (``4 novembre 2016``).

It depends on Babel and nothing else, so that the errors' own messages (the lowest layer) use
it; an unknown locale never raises here, it falls back to plain ISO forms.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel import dates as babel_dates

__all__ = [
    "NNBSP",
    "clock_text",
    "french_spacing",
    "is_french",
    "message_clock",
    "message_date",
    "message_time",
    "programme_time",
    "quote",
]

NNBSP = "\u202f"
"""NARROW NO-BREAK SPACE: French puts it before ``; : ! ?`` and inside ``« »``."""

_FSI, _PDI = "\u2068", "\u2069"

# A space (or none) before ; : ! ? that ends a word (or that starts the text: a fragment such as
# " ; c'est la première date" follows a word), when the mark is followed by a space, the end
# of the text or a closing mark: "Contexte:" or "Contexte :" -> "Contexte\u202f:". A colon or
# question mark followed by anything else is not punctuation of French prose (14:00, http://,
# NAME:value, ?x=1) and is left alone; so are "!r" conversions inside {placeholders}.
_BEFORE_MARK = re.compile(r"(?:(?<=[^\s(\[{«])|^)[ \u00a0\u202f]?([;:!?])(?=\s|$|[»)\]\"'’,.;:!?])")
_AFTER_OPENING = re.compile(r"«[ \u00a0\u202f]?")
_BEFORE_CLOSING = re.compile(r"[ \u00a0\u202f]?»")
# An apostrophe between two letters is an elision (l'ordre, n'est): typographic in French. A
# straight quote elsewhere quotes something (a key such as 'end') and is kept.
_ELISION = re.compile(r"(?<=\w)'(?=[\w{])")

# The French printed-programme time: "14h00", "9h05" (hour not padded, minutes always two).
_FRENCH_PROGRAMME_TIME = "H'h'mm"

# What a quoted value shows escaped: controls, bidirectional controls and other invisible
# format characters that could disguise it, line and paragraph separators, unassigned code
# points. No-break spaces and the joiners that Arabic and Persian text needs are shown as is.
_SHOWN_AS_IS = frozenset("\u00a0\u202f\u2009\u200c\u200d")
_HIDDEN = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))


def is_french(lang: str | None) -> bool:
    """Whether ``lang`` (``fr``, ``fr-FR``, ``fr_SN``…) is French."""
    return lang is not None and re.split(r"[-_]", lang, maxsplit=1)[0].lower() == "fr"


def _is_arabic_script(lang: str) -> bool:
    locale = _locale(lang)
    return locale is not None and locale.character_order == "right-to-left"


def french_spacing(text: str) -> str:
    """``text`` with French typography: a narrow no-break space before ``; : ! ?`` and inside
    guillemets, and typographic apostrophes. Applying it twice changes nothing.

    >>> french_spacing("Objectifs: l'ordre du jour ; quelles attentes?") == (
    ...     "Objectifs\\u202f: l’ordre du jour\\u202f; quelles attentes\\u202f?")
    True
    >>> french_spacing("de 14:00 à 15:00, voir https://exemple.fr")
    'de 14:00 à 15:00, voir https://exemple.fr'
    """
    text = _BEFORE_MARK.sub(NNBSP + r"\1", text)
    text = _AFTER_OPENING.sub("«" + NNBSP, text)
    text = _BEFORE_CLOSING.sub(NNBSP + "»", text)
    return _ELISION.sub("’", text)


def _visible(text: str) -> str:
    """``text`` with the characters that could disguise it escaped, as ``repr`` shows them."""
    out = []
    for char in text:
        if char == "\\":
            out.append("\\\\")
        elif char not in _SHOWN_AS_IS and (
            unicodedata.category(char) in _HIDDEN or (char.isspace() and char != " ")
        ):
            out.append(char.encode("unicode_escape").decode("ascii"))
        else:
            out.append(char)
    return "".join(out)


def quote(text: str, lang: str | None) -> str:
    """A value quoted inside a message in ``lang``: what ``{value!r}`` shows.

    >>> quote("Accueil des participants", "fr") == "«\\u202fAccueil des participants\\u202f»"
    True
    >>> quote("Accueil", "ar") == "«\\u2068Accueil\\u2069»"
    True
    >>> quote("Accueil", "en"), quote("a\\u202eb", None)
    ("'Accueil'", "'a\\\\u202eb'")
    """
    if lang is None or not lang[:2].isalpha() or lang[:2].lower() == "en":
        return repr(text)
    shown = _visible(text)
    if is_french(lang):
        return f"«{NNBSP}{shown}{NNBSP}»"
    if _is_arabic_script(lang):
        # Isolated, so that a Latin title (or its final punctuation) keeps its place inside
        # the Arabic sentence; « and » are mirrored by the right-to-left layout.
        return f"«{_FSI}{shown}{_PDI}»"
    return f"“{shown}”"


@lru_cache(maxsize=256)
def _locale(lang: str) -> Locale | None:
    try:
        return Locale.parse(lang.split(".")[0].replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        return None


def programme_time(value: dt.time, locale: Locale) -> str:
    """A time as the printed programme of the locale writes it, with Latin digits: ``14h00``
    in French, the 24-hour clock in right-to-left locales (an AM/PM marker would land on the
    wrong side of the time), CLDR's short time elsewhere."""
    value = value.replace(tzinfo=None)
    if locale.language == "fr":
        return babel_dates.format_time(value, _FRENCH_PROGRAMME_TIME, locale=locale)
    if locale.character_order == "right-to-left":
        return babel_dates.format_skeleton("Hm", value, locale=locale)
    return babel_dates.format_time(value, "short", locale=locale)


def message_time(value: dt.time, lang: str | None) -> str:
    """A time inside a message in ``lang``: as the programme prints it, the seconds shown only
    when there are some (two different times never read the same).

    >>> [message_time(dt.time(14, 0), lang) for lang in ("fr", "ar", "ar-MA", None)]
    ['14h00', '14:00', '14:00', '14:00']
    """
    locale = _locale(lang) if lang is not None else None
    if locale is None or value.second or value.microsecond:
        if value.microsecond:
            return value.replace(tzinfo=None).isoformat()
        return value.strftime("%H:%M:%S" if value.second else "%H:%M")
    return programme_time(value, locale)


def clock_text(seconds: int) -> str:
    """A time of day given in seconds as English messages and Arabic programmes write it:
    ``14:00``, its seconds only when it has some (``14:00:30``), and past midnight as it is
    counted (``24:00``, ``25:30`` for the next day's 1:30).

    >>> clock_text(50400), clock_text(50430), clock_text(86400)
    ('14:00', '14:00:30', '24:00')
    """
    hours, rest = divmod(seconds, 3600)
    text = f"{hours:02d}:{rest // 60:02d}"
    return text + (f":{rest % 60:02d}" if rest % 60 else "")


def message_clock(seconds: int, lang: str | None) -> str:
    """A time of day given in seconds, up to the end of the day included: as
    :func:`message_time` writes it, and the end of the day as the language's ``24:00``.

    >>> [message_clock(s, "fr") for s in (600, 86400)], message_clock(86400, "ar")
    (['0h10', '24h00'], '24:00')
    """
    if 0 <= seconds < 86400:
        hours, rest = divmod(seconds, 3600)
        return message_time(dt.time(hours, rest // 60, rest % 60), lang)
    if seconds == 86400 and is_french(lang):
        return "24h00"
    return clock_text(seconds)


def message_date(value: dt.date, lang: str | None) -> str:
    """A date inside a message in ``lang``, in words: ``4 novembre 2016``, ``4 نونبر 2016``,
    ``November 4, 2016``; ISO (``2016-11-04``) without a language.

    >>> message_date(dt.date(2016, 11, 4), "fr"), message_date(dt.date(2016, 11, 4), None)
    ('4 novembre 2016', '2016-11-04')
    """
    locale = _locale(lang) if lang is not None else None
    if locale is None:
        return value.isoformat()
    return babel_dates.format_date(value, "long", locale=locale)
