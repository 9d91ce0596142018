"""Locale codes: reading them, the order in which localised content is looked up, direction.

The library's own messages exist in three languages (:data:`SUPPORTED_LANGUAGES`); dates,
times, numbers, lists and country names can be formatted for any locale that CLDR (through
Babel) knows, such as ``ar_MA``, ``fr_SN`` or ``zgh``.

Codes are accepted in BCP 47 (``ar-MA``) or POSIX (``ar_MA``, ``fr_FR.UTF-8``) spelling, in any
case, and normalised to Babel's canonical identifier:

>>> normalize_locale("AR-ma")
'ar_MA'
>>> normalize_locale("fr_FR.UTF-8")
'fr_FR'
>>> fallback_chain("ar-MA", "fr")
('ar_MA', 'ar', 'fr', 'en')
>>> direction("ar_MA"), direction("zgh")
('rtl', 'ltr')
>>> to_bcp47("sr_Latn_RS")
'sr-Latn-RS'
"""

from __future__ import annotations

import gettext
import re
import warnings
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from babel import Locale, UnknownLocaleError
from babel.core import get_global

from rrma_groups.errors import LocaleError
from rrma_groups.i18n.catalog import N_
from rrma_groups.i18n.catalog import translator as catalog_translator
from rrma_groups.messages import Msg

__all__ = [
    "DEFAULT_LANGUAGE",
    "FALLBACK_LANGUAGE",
    "SUPPORTED_LANGUAGES",
    "babel_locale",
    "direction",
    "fallback_chain",
    "is_rtl",
    "normalize_locale",
    "to_bcp47",
    "translator",
]

SUPPORTED_LANGUAGES: tuple[str, ...] = ("fr", "ar", "en")
"""The languages the library's own messages (labels, headings, errors) exist in."""

DEFAULT_LANGUAGE = "fr"
"""The language used when none is asked for: the networks work in French."""

FALLBACK_LANGUAGE = "en"
"""The last resort of every :func:`fallback_chain`."""

_FORMATTING_HINT = Msg(N_("any CLDR locale for formatting (e.g. ar_MA, fr_SN, zgh)"))
_SUPPORTED_FOR_ERRORS: tuple[str | Msg, ...] = (*SUPPORTED_LANGUAGES, _FORMATTING_HINT)

# What we let through to Babel, after "-" became "_" (and an optional POSIX ".codeset" was cut
# off): a 2-3 letter language, an optional 4-letter script, an optional region (2 letters or 3
# digits, UN M.49) and at most one variant (Babel knows no more). Babel's own parser is more
# lenient: it takes any run of *Unicode* letters as a language ("français".isalpha() is True),
# maps "C"/"POSIX" to en_US_POSIX and keeps "@modifier"s; none of that is a language here.
_LOCALE_SHAPE = re.compile(
    r"""
    (?P<language>[A-Za-z]{2,3})
    (?:_(?P<script>[A-Za-z]{4}))?
    (?:_(?P<region>[A-Za-z]{2}|[0-9]{3}))?
    (?:_(?P<variant>[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))?
    """,
    re.VERBOSE | re.ASCII,
)
_CODESET = re.compile(r"[A-Za-z0-9_-]+", re.ASCII)


def _error(code: str) -> LocaleError:
    return LocaleError(code, _SUPPORTED_FOR_ERRORS)


def _likely_script(language: str, territory: str | None = None) -> str | None:
    """The script CLDR's likely-subtags data gives for a language (in a territory)."""
    likely: Mapping[str, str] = get_global("likely_subtags")
    full = (territory and likely.get(f"{language}_{territory}")) or likely.get(language)
    if not full:
        return None
    parts = full.split("_")
    return next((p for p in parts[1:] if len(p) == 4 and p.isalpha()), None)


def translator(code: str | None) -> gettext.NullTranslations:
    """The library's catalogs for ``code`` (``None``: English), once the code is checked.

    :raises LocaleError: the code is malformed, or unknown to CLDR.
    """
    return catalog_translator(normalize_locale(code) if code is not None else None)


@lru_cache(maxsize=512)
def normalize_locale(code: str) -> str:
    """Babel's canonical identifier for a BCP 47 or POSIX locale code, in any case.

    ``-`` and ``_`` are both accepted as separators, a POSIX codeset (``.UTF-8``) is dropped,
    deprecated language codes are replaced (``iw`` → ``he``, ``fra`` → ``fr``), and a script
    that is the language's usual one is dropped, as CLDR has no separate data for it
    (``zgh-Tfng-MA`` → ``zgh_MA``). A script that CLDR has no data for in that language is
    refused rather than silently dropped (``ar-Latn`` is not ``ar``).

    >>> [normalize_locale(c) for c in ("fr", "FR", "fr-fr", "ar_ma", "zgh-Tfng-MA", "en-GB")]
    ['fr', 'fr', 'fr_FR', 'ar_MA', 'zgh_MA', 'en_GB']
    >>> normalize_locale("xx")
    Traceback (most recent call last):
      ...
    rrma_groups.errors.LocaleError: unknown or malformed language 'xx'; supported: fr, ar, en, \
any CLDR locale for formatting (e.g. ar_MA, fr_SN, zgh)

    :raises LocaleError: the code is malformed, or unknown to CLDR.
    :raises TypeError: the code is not a string.
    """
    if not isinstance(code, str):
        raise TypeError(f"a locale code must be a string, not {type(code).__name__}")
    text, _, codeset = code.strip().partition(".")
    if codeset and not _CODESET.fullmatch(codeset):
        raise _error(code)
    # Babel's parser splits on one separator only (sep="_" by default): "ar-MA" with the
    # default sep would be read as a single, non-alphabetic language and refused, and
    # sep="-" would refuse "ar_MA"; so unify the separators first and always use "_".
    shape = _LOCALE_SHAPE.fullmatch(text.replace("-", "_"))
    if shape is None:
        raise _error(code)
    language, script, region, variant = shape.group("language", "script", "region", "variant")
    language = language.lower()
    if language == "und":  # "undetermined" is not a language (Babel would answer en_US)
        raise _error(code)
    # Babel applies language aliases only after a failed lookup, and then also adds the
    # likely territory ("iw" -> "he_IL", "fra" -> "fr_FR"); applying them first gives "he".
    # A few aliases carry a script or a region ("sh" -> "sr_Latn"): the code's own win.
    aliases: Mapping[str, str] = get_global("language_aliases")
    alias = aliases.get(language)
    if alias:
        language, *extra = alias.split("_")
        for subtag in extra:
            if len(subtag) == 4:
                script = script or subtag
            else:
                region = region or subtag
    script = script.title() if script else None
    parts = [p for p in (language, script, region, variant) if p]
    try:
        # Case is normalised by Babel (language lower, Script title, REGION and VARIANT upper).
        locale = Locale.parse("_".join(parts), sep="_")
    except (ValueError, UnknownLocaleError) as exc:
        raise _error(code) from exc
    if script is not None:
        # Babel's likely-subtag fallback drops a script it has no data for; accept that only
        # when the dropped script is the one the language is written in anyway.
        kept = locale.script or _likely_script(locale.language, locale.territory)
        if kept != script:
            raise _error(code)
    return str(locale)


def _parent(identifier: str) -> str | None:
    """The CLDR parent locale of a canonical identifier; ``None`` for a language or a root child.

    Follows CLDR's parentLocales: explicit exceptions (``en_GB`` → ``en_001``, ``es_MX`` →
    ``es_419``, ``pt_AO`` → ``pt_PT``), and a ``language_Script`` whose script is not the
    language's usual one has root as its parent (``sr_Latn`` does not fall back to Cyrillic
    ``sr``), the same rule Babel's locale-data loader uses.
    """
    exceptions: Mapping[str, str] = get_global("parent_exceptions")
    parent = exceptions.get(identifier)
    if parent:
        return None if parent == "root" else parent
    parts = identifier.split("_")
    if len(parts) == 1:
        return None
    is_script = len(parts) == 2 and len(parts[1]) == 4 and parts[1].isalpha()
    if is_script and parts[1] != _likely_script(parts[0]):
        return None
    return "_".join(parts[:-1])


def _locale_chain(identifier: str) -> list[str]:
    chain = [identifier]
    while (parent := _parent(chain[-1])) is not None:
        chain.append(parent)
    return chain


@lru_cache(maxsize=512)
def fallback_chain(code: str, default_language: str | None = None) -> tuple[str, ...]:
    """The order in which to look up localised content for ``code``.

    The locale itself and its CLDR parents, then the default language (and its own parents,
    if it has a region), then English; no identifier appears twice.

    Scripts: Babel's canonical identifiers carry a script only when it is not the language's
    usual one, so ``zgh-Tfng-MA`` is ``zgh_MA`` and falls back to ``zgh``; a locale in an
    unusual script stops at ``language_Script`` (``sr_Latn_RS`` → ``sr_Latn``, never the
    Cyrillic ``sr``), as CLDR's parent locales do.

    >>> fallback_chain("ar-MA", "fr")
    ('ar_MA', 'ar', 'fr', 'en')
    >>> fallback_chain("fr_FR", "fr")
    ('fr_FR', 'fr', 'en')
    >>> fallback_chain("en", "fr")
    ('en', 'fr')
    >>> fallback_chain("en-GB")
    ('en_GB', 'en_001', 'en')
    >>> fallback_chain("sr-latn-rs", "fr")
    ('sr_Latn_RS', 'sr_Latn', 'fr', 'en')

    :param default_language: inserted before English; ``None`` for none.
    :raises LocaleError: either code is malformed or unknown to CLDR.
    """
    chain = _locale_chain(normalize_locale(code))
    if default_language is not None:
        chain += _locale_chain(normalize_locale(default_language))
    chain.append(FALLBACK_LANGUAGE)
    return tuple(dict.fromkeys(chain))


@lru_cache(maxsize=256)
def babel_locale(code: str | None, default_language: str = DEFAULT_LANGUAGE) -> Locale:
    """The Babel :class:`~babel.Locale` to format with; ``None`` means the default language.

    >>> babel_locale("ar-ma")
    Locale('ar', territory='MA')
    >>> babel_locale(None)
    Locale('fr')

    :raises LocaleError: the code (or the default language) is malformed or unknown to CLDR.
    """
    identifier = normalize_locale(default_language if code is None else code)
    return Locale.parse(identifier)


@lru_cache(maxsize=256)
def is_rtl(code: str) -> bool:
    """True when the locale's script is written right to left (CLDR's character order).

    >>> is_rtl("ar_MA"), is_rtl("fr"), is_rtl("zgh")
    (True, False, False)
    """
    return babel_locale(code).character_order == "right-to-left"


def direction(code: str) -> Literal["ltr", "rtl"]:
    """The text direction of the locale, as HTML's ``dir`` attribute writes it."""
    return "rtl" if is_rtl(code) else "ltr"


def to_bcp47(code: str) -> str:
    """The BCP 47 spelling of a locale code, for HTML ``lang`` or iCalendar ``LANGUAGE``.

    >>> to_bcp47("ar_MA"), to_bcp47("fr")
    ('ar-MA', 'fr')
    """
    return normalize_locale(code).replace("_", "-")


if TYPE_CHECKING:
    negotiate = babel_locale
    """Deprecated name of :func:`babel_locale`."""
else:

    def __getattr__(name: str) -> Any:
        if name == "negotiate":
            warnings.warn(
                "rrma_groups.i18n.locales.negotiate is deprecated, use babel_locale "
                "(it gives the Babel locale of a code; it negotiates nothing)",
                DeprecationWarning,
                stacklevel=2,
            )
            return babel_locale
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
