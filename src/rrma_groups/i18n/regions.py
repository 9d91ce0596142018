"""Localised place names: countries (from CLDR) and the regions the library knows (ISO 3166-2).

>>> country_name("MA", "fr"), country_name("MA", "ar_MA"), country_name("MA", "en")
('Maroc', 'المغرب', 'Morocco')
>>> subdivision_name("MA-07", "ar"), subdivision_name("fr-idf", "en")
('جهة مراكش آسفي', 'Île-de-France')
>>> subdivision_country("SN-DK"), is_known_subdivision("FR-COR")
('SN', True)
"""

from __future__ import annotations

import re
from typing import NamedTuple

from rrma_groups.errors import RrmaError
from rrma_groups.i18n.locales import DEFAULT_LANGUAGE, babel_locale, fallback_chain

__all__ = [
    "SUBDIVISIONS",
    "SUBDIVISION_ALIASES",
    "SUBDIVISION_CODE_PATTERN",
    "SubdivisionNames",
    "UnknownRegionError",
    "canonical_subdivision",
    "country_name",
    "is_known_subdivision",
    "known_subdivisions",
    "subdivision_country",
    "subdivision_name",
]


class UnknownRegionError(RrmaError, ValueError, LookupError):
    """A country or subdivision code that is malformed or unknown."""

    code = "unknown_region"


SUBDIVISION_CODE_PATTERN = re.compile(r"\A[A-Z]{2}-[A-Z0-9]{1,3}\Z")
"""A syntactically valid ISO 3166-2 code (upper case): country, hyphen, 1 to 3 alphanumerics."""

_COUNTRY_CODE_PATTERN = re.compile(r"\A[A-Z]{2}\Z")


class SubdivisionNames(NamedTuple):
    """A subdivision's name in the library's three languages; ``ar`` is ``None`` if unknown."""

    fr: str
    en: str
    ar: str | None

    def get(self, language: str) -> str | None:
        """The name in ``fr``, ``en`` or ``ar``, or ``None``."""
        if language in ("fr", "en", "ar"):
            name: str | None = getattr(self, language)
            return name
        return None


# Sources and conventions.
# - Codes: ISO 3166-2 as currently published. Corse is FR-20R ("collectivité métropolitaine à
#   statut particulier") since the 2019 revision; its former code FR-COR is kept as an alias.
#   The five overseas regions are coded by their department numbers (FR-971…FR-976).
# - French names: the official names of the regions; Moroccan names as in ISO 3166-2:MA;
#   Senegalese names as in ISO 3166-2:SN. Apostrophes are ASCII.
# - English names: the usual English exonyms (Brittany, Normandy, Corsica, Occitania, French
#   Guiana, Marrakesh-Safi); otherwise the French name.
# - Arabic names of Moroccan regions: as commonly written in Moroccan institutional use, with
#   the word جهة ("region"), not from an official list.
# - Arabic names of French regions: as commonly written in Arabic-language press and
#   encyclopaedias (transliterations, spellings vary), not from an official list. CLDR's own
#   country names for the overseas territories agree for Guadeloupe, Guyane and Mayotte; CLDR
#   writes Martinique جزر المارتينيك and La Réunion روينيون, the less common spellings.
# - Senegal's regions have no Arabic name here: the Arabic spellings in use vary too much to
#   choose one, so Arabic falls back to French (see subdivision_name).
# - ISO 3166-2:MA notes that MA-10, MA-11 and MA-12 extend partly or wholly over the
#   territory ISO 3166-1 codes EH; subdivision_country() only reads the code's prefix.
SUBDIVISIONS: dict[str, SubdivisionNames] = {
    # France: 13 metropolitan regions (12 + Corse) and 5 overseas regions.
    "FR-ARA": SubdivisionNames("Auvergne-Rhône-Alpes", "Auvergne-Rhône-Alpes", "أوفيرن رون ألب"),
    "FR-BFC": SubdivisionNames(
        "Bourgogne-Franche-Comté", "Bourgogne-Franche-Comté", "بورغونيا فرانش كونته"
    ),
    "FR-BRE": SubdivisionNames("Bretagne", "Brittany", "بريتاني"),
    "FR-CVL": SubdivisionNames("Centre-Val de Loire", "Centre-Val de Loire", "سنتر فال دو لوار"),
    "FR-20R": SubdivisionNames("Corse", "Corsica", "كورسيكا"),
    "FR-GES": SubdivisionNames("Grand Est", "Grand Est", "الشرق الكبير"),
    "FR-HDF": SubdivisionNames("Hauts-de-France", "Hauts-de-France", "أو دو فرانس"),
    "FR-IDF": SubdivisionNames("Île-de-France", "Île-de-France", "إيل دو فرانس"),
    "FR-NOR": SubdivisionNames("Normandie", "Normandy", "نورماندي"),
    "FR-NAQ": SubdivisionNames("Nouvelle-Aquitaine", "Nouvelle-Aquitaine", "نوفيل أكيتين"),
    "FR-OCC": SubdivisionNames("Occitanie", "Occitania", "أوكسيتانيا"),
    "FR-PDL": SubdivisionNames("Pays de la Loire", "Pays de la Loire", "بلاد اللوار"),
    "FR-PAC": SubdivisionNames(
        "Provence-Alpes-Côte d'Azur", "Provence-Alpes-Côte d'Azur", "بروفانس ألب كوت دازور"
    ),
    "FR-971": SubdivisionNames("Guadeloupe", "Guadeloupe", "غوادلوب"),
    "FR-972": SubdivisionNames("Martinique", "Martinique", "مارتينيك"),
    "FR-973": SubdivisionNames("Guyane", "French Guiana", "غويانا الفرنسية"),
    "FR-974": SubdivisionNames("La Réunion", "Réunion", "لا ريونيون"),
    "FR-976": SubdivisionNames("Mayotte", "Mayotte", "مايوت"),
    # Morocco: the 12 regions of 2015.
    "MA-01": SubdivisionNames(
        "Tanger-Tétouan-Al Hoceïma", "Tanger-Tetouan-Al Hoceima", "جهة طنجة تطوان الحسيمة"
    ),
    "MA-02": SubdivisionNames("L'Oriental", "Oriental", "جهة الشرق"),
    "MA-03": SubdivisionNames("Fès-Meknès", "Fès-Meknès", "جهة فاس مكناس"),
    "MA-04": SubdivisionNames(
        "Rabat-Salé-Kénitra", "Rabat-Salé-Kénitra", "جهة الرباط سلا القنيطرة"
    ),
    "MA-05": SubdivisionNames(
        "Béni Mellal-Khénifra", "Béni Mellal-Khénifra", "جهة بني ملال خنيفرة"
    ),
    "MA-06": SubdivisionNames("Casablanca-Settat", "Casablanca-Settat", "جهة الدار البيضاء سطات"),
    "MA-07": SubdivisionNames("Marrakech-Safi", "Marrakesh-Safi", "جهة مراكش آسفي"),
    "MA-08": SubdivisionNames("Drâa-Tafilalet", "Drâa-Tafilalet", "جهة درعة تافيلالت"),
    "MA-09": SubdivisionNames("Souss-Massa", "Souss-Massa", "جهة سوس ماسة"),
    "MA-10": SubdivisionNames("Guelmim-Oued Noun", "Guelmim-Oued Noun", "جهة كلميم واد نون"),
    "MA-11": SubdivisionNames(
        "Laâyoune-Sakia El Hamra", "Laâyoune-Sakia El Hamra", "جهة العيون الساقية الحمراء"
    ),
    "MA-12": SubdivisionNames(
        "Dakhla-Oued Ed-Dahab", "Dakhla-Oued Ed-Dahab", "جهة الداخلة وادي الذهب"
    ),
    # Senegal: the 14 regions of 2008.
    "SN-DK": SubdivisionNames("Dakar", "Dakar", None),
    "SN-DB": SubdivisionNames("Diourbel", "Diourbel", None),
    "SN-FK": SubdivisionNames("Fatick", "Fatick", None),
    "SN-KA": SubdivisionNames("Kaffrine", "Kaffrine", None),
    "SN-KL": SubdivisionNames("Kaolack", "Kaolack", None),
    "SN-KE": SubdivisionNames("Kédougou", "Kédougou", None),
    "SN-KD": SubdivisionNames("Kolda", "Kolda", None),
    "SN-LG": SubdivisionNames("Louga", "Louga", None),
    "SN-MT": SubdivisionNames("Matam", "Matam", None),
    "SN-SL": SubdivisionNames("Saint-Louis", "Saint-Louis", None),
    "SN-SE": SubdivisionNames("Sédhiou", "Sédhiou", None),
    "SN-TC": SubdivisionNames("Tambacounda", "Tambacounda", None),
    "SN-TH": SubdivisionNames("Thiès", "Thiès", None),
    "SN-ZG": SubdivisionNames("Ziguinchor", "Ziguinchor", None),
}
"""The subdivisions the library knows, by ISO 3166-2 code."""

SUBDIVISION_ALIASES: dict[str, str] = {
    "FR-COR": "FR-20R",  # Corse's code until the 2019 revision of ISO 3166-2:FR
}
"""Former codes still accepted, and the current code each stands for."""


def canonical_subdivision(code: str) -> str:
    """The current upper-case ISO 3166-2 code for ``code`` (any case, former codes resolved).

    A well-formed code the library does not know is returned upper-cased.

    >>> canonical_subdivision(" fr-cor "), canonical_subdivision("es-ct")
    ('FR-20R', 'ES-CT')

    :raises UnknownRegionError: the code is not a well-formed ISO 3166-2 code.
    """
    normal = code.strip().upper()
    if not (code.isascii() and SUBDIVISION_CODE_PATTERN.match(normal)):  # "ß".upper() == "SS"
        raise UnknownRegionError("unknown_region", value=code)
    return SUBDIVISION_ALIASES.get(normal, normal)


def is_known_subdivision(code: str) -> bool:
    """True when the library has names for the subdivision (former codes included).

    >>> is_known_subdivision("MA-09"), is_known_subdivision("ES-CT"), is_known_subdivision("x")
    (True, False, False)
    """
    try:
        return canonical_subdivision(code) in SUBDIVISIONS
    except UnknownRegionError:
        return False


def subdivision_country(code: str) -> str:
    """The ISO 3166-1 country code that an ISO 3166-2 code starts with.

    :raises UnknownRegionError: the code is not a well-formed ISO 3166-2 code.
    """
    return canonical_subdivision(code)[:2]


def known_subdivisions(country: str | None = None) -> tuple[str, ...]:
    """The codes of the known subdivisions, in table order; of one country if given.

    >>> len(known_subdivisions("FR")), len(known_subdivisions("MA")), len(known_subdivisions("SN"))
    (18, 12, 14)
    """
    if country is None:
        return tuple(SUBDIVISIONS)
    prefix = country.strip().upper() + "-"
    return tuple(code for code in SUBDIVISIONS if code.startswith(prefix))


def subdivision_name(code: str, locale: str) -> str:
    """The subdivision's name in ``locale``: locale, then its language, then French, else the code.

    Names exist in French, Arabic and English; other locales get the French name, and a
    subdivision the library does not know gets its (canonical) code.

    >>> subdivision_name("SN-TH", "ar"), subdivision_name("FR-BRE", "zgh")
    ('Thiès', 'Bretagne')

    :raises UnknownRegionError: the code is not a well-formed ISO 3166-2 code.
    :raises LocaleError: the locale is malformed or unknown to CLDR.
    """
    canonical = canonical_subdivision(code)
    names = SUBDIVISIONS.get(canonical)
    chain = fallback_chain(locale, DEFAULT_LANGUAGE)
    if names is None:
        return canonical
    for tag in chain:
        name = names.get(tag)
        if name is not None:
            return name
    return names.fr  # pragma: no cover - the chain always holds "fr"


def country_name(code: str, locale: str) -> str:
    """The name of the country (ISO 3166-1 alpha-2 code, any case) in ``locale``, from CLDR.

    A locale whose CLDR data lacks the name falls back like :func:`subdivision_name`
    (its parents, then French, then English).

    >>> country_name("sn", "ar"), country_name("FR", "zgh")
    ('السنغال', 'ⴼⵔⴰⵏⵙⴰ')

    :raises UnknownRegionError: the code is malformed or unknown to CLDR.
    :raises LocaleError: the locale is malformed or unknown to CLDR.
    """
    normal = code.strip().upper()
    chain = fallback_chain(locale, DEFAULT_LANGUAGE)
    if code.isascii() and _COUNTRY_CODE_PATTERN.match(normal) and normal != "ZZ":  # Unknown
        for tag in chain:
            name = babel_locale(tag).territories.get(normal)
            if name:
                return str(name)
    raise UnknownRegionError("unknown_region", wording="country", value=code)
