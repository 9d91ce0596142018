"""The library's own words in French, Arabic and English: gettext catalogs.

Message ids are English. Catalogs live in ``rrma_groups/locale/<ll>/LC_MESSAGES/rrma_groups.po``
and are compiled to ``.mo`` when the package is built (see ``hatch_build.py``); in a source
checkout where no ``.mo`` exists yet the ``.po`` file is compiled in memory, so the words are
the same either way.

The lookup goes from the locale to its language, then English: ``ar_MA`` → ``ar`` → ``en``.
Babel's ``Translations.load`` does not chain a regional catalog to its language by itself, so
the catalogs are chained here with ``add_fallback``.

A French catalog is given French typography as it is loaded (narrow no-break spaces before
``; : ! ?`` and inside ``« »``, typographic apostrophes:
:func:`rrma_groups.i18n.writing.french_spacing`), so every French word of the library follows
it whatever a translator typed.

This module imports nothing else from the package but :mod:`rrma_groups.i18n.writing`: every
layer, the errors' own messages included, translates through it. It does not check a locale
code (a code it cannot read gives English);
:func:`rrma_groups.i18n.locales.normalize_locale` does, where a code comes in.

The extract, update and compile commands are in ``docs/translating.md``.
"""

from __future__ import annotations

import functools
import gettext as _gettext
import io
from pathlib import Path
from typing import TYPE_CHECKING

from .writing import french_spacing, is_french

if TYPE_CHECKING:
    from babel.support import Translations

# Babel (support, locales) is imported on first translation, not when N_ is imported.

__all__ = ["DOMAIN", "LOCALE_DIR", "N_", "catalog_languages", "gettext", "ngettext", "translator"]

DOMAIN = "rrma_groups"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def N_(message: str) -> str:
    """Mark a string for extraction without translating it now."""
    return message


def catalog_languages() -> tuple[str, ...]:
    """The languages that have a catalog, e.g. ``('ar', 'en', 'fr')``."""
    if not LOCALE_DIR.is_dir():
        return ()
    return tuple(
        sorted(
            d.name
            for d in LOCALE_DIR.iterdir()
            if (d / "LC_MESSAGES" / f"{DOMAIN}.po").is_file()
            or (d / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file()
        )
    )


def _load_one(language: str) -> Translations | None:
    # Not cached: add_fallback() below changes the object it is called on, so every chain
    # gets objects of its own (each chain is built once, by the cached translator()).
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    from babel.support import Translations

    mo = folder / f"{DOMAIN}.mo"
    po = folder / f"{DOMAIN}.po"
    if po.is_file() and (not mo.is_file() or mo.stat().st_mtime < po.stat().st_mtime):
        return _typeset(_compile_in_memory(po, language), language)
    if mo.is_file():
        with mo.open("rb") as handle:
            return _typeset(Translations(handle, domain=DOMAIN), language)
    return None


def _typeset(translations: Translations, language: str) -> Translations:
    """A French catalog with French typography, once, as it is loaded.

    gettext has no hook to transform what it returns, and a compiled ``.mo`` is read by gettext
    itself: the table it reads from (``_catalog``, msgid to msgstr, for every gettext flavour)
    is rewritten here, so that a look-up costs nothing more.
    """
    if is_french(language):
        table = translations._catalog
        for key, text in table.items():
            if key and isinstance(text, str):
                table[key] = french_spacing(text)
    return translations


def _compile_in_memory(po: Path, language: str) -> Translations:
    from babel.support import Translations

    from .compiling import compile_catalog

    buffer = io.BytesIO()
    with po.open("rb") as handle:
        compile_catalog(handle, buffer, language, DOMAIN)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


@functools.lru_cache(maxsize=128)
def translator(language: str | None) -> _gettext.NullTranslations:
    """The chained translations for ``language`` (``None``: English message ids as they are).

    >>> translator("fr").gettext("Date")
    'Date'
    >>> translator("ar-MA").gettext("Date")
    'التاريخ'
    """
    from babel.support import NullTranslations

    if language is None:
        return NullTranslations()
    chain = [t for t in (_load_one(code) for code in _chain(language)) if t is not None]
    if not chain:
        return NullTranslations()
    first = chain[0]
    for later in chain[1:]:
        first.add_fallback(later)
    return first


def _chain(language: str) -> tuple[str, ...]:
    """The catalogs to look in for ``language``: ``ar-MA`` → ``('ar_MA', 'ar', 'en')``.

    Only catalogs of the package are looked up, so the CLDR parent rules that
    :func:`~rrma_groups.i18n.locales.fallback_chain` follows for formatting (``en_GB`` →
    ``en_001``) change nothing here; a code that is not a locale's shape looks up English.
    """
    from babel.core import parse_locale

    try:
        parts = parse_locale(language.split(".")[0].replace("-", "_"))
        language_code, territory, script = parts[0], parts[1], parts[2]
    except ValueError:
        return ("en",)
    language_code = language_code.lower()
    chain = [language_code]
    if script:
        chain.insert(0, f"{language_code}_{script.title()}")
    if territory:
        chain.insert(0, f"{language_code}_{territory.upper()}")
    chain.append("en")
    return tuple(dict.fromkeys(code for code in chain if code.isascii()))


def gettext(message: str, language: str | None) -> str:
    """``message`` in ``language``."""
    return translator(language).gettext(message)


def ngettext(singular: str, plural: str, n: int, language: str | None) -> str:
    """The plural form of a message for ``n`` in ``language`` (six forms in Arabic)."""
    return translator(language).ngettext(singular, plural, n)
