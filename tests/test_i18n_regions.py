"""Tests for rrma_groups.i18n.regions: country names (CLDR) and ISO 3166-2 subdivisions."""

from __future__ import annotations

import pytest
from babel import Locale

from rrma_groups.errors import LocaleError, RrmaError
from rrma_groups.i18n.regions import (
    SUBDIVISION_ALIASES,
    SUBDIVISION_CODE_PATTERN,
    SUBDIVISIONS,
    SubdivisionNames,
    UnknownRegionError,
    canonical_subdivision,
    country_name,
    is_known_subdivision,
    known_subdivisions,
    subdivision_country,
    subdivision_name,
)


class TestCountryName:
    @pytest.mark.parametrize(
        ("code", "locale", "expected"),
        [
            ("MA", "fr", "Maroc"),
            ("MA", "ar", "المغرب"),
            ("MA", "ar-MA", "المغرب"),
            ("MA", "en", "Morocco"),
            ("MA", "zgh", "ⵍⵎⵖⵔⵉⴱ"),
            ("FR", "fr", "France"),
            ("FR", "ar", "فرنسا"),
            ("SN", "fr", "Sénégal"),
            ("SN", "ar", "السنغال"),
            ("SN", "en", "Senegal"),
            ("ma", "fr", "Maroc"),
            (" sn ", "en_GB", "Senegal"),
        ],
        ids=lambda v: v.strip() or repr(v),
    )
    def test_cldr_names(self, code: str, locale: str, expected: str) -> None:
        """Country names come from CLDR, for any locale and any case of the code."""
        assert country_name(code, locale) == expected

    @pytest.mark.parametrize("code", ["XX", "ZZ", "FRA", "F", "", "12", "UK", "ß"])
    def test_unknown_country(self, code: str) -> None:
        """Codes CLDR does not name, and ZZ (unknown region), are refused."""
        with pytest.raises(UnknownRegionError) as info:
            country_name(code, "fr")
        assert str(info.value) == f"unknown ISO 3166-1 country code {code!r}"

    def test_bad_locale(self) -> None:
        """A bad locale raises LocaleError."""
        with pytest.raises(LocaleError):
            country_name("MA", "xx")


class TestSubdivisionTable:
    @pytest.mark.parametrize(("country", "count"), [("FR", 18), ("MA", 12), ("SN", 14)])
    def test_counts(self, country: str, count: int) -> None:
        """France's 18 regions, Morocco's 12, Senegal's 14."""
        assert len(known_subdivisions(country)) == count

    def test_all_codes_well_formed(self) -> None:
        """Every code in the table is a valid upper-case ISO 3166-2 code."""
        assert all(SUBDIVISION_CODE_PATTERN.match(code) for code in SUBDIVISIONS)
        assert len(known_subdivisions()) == 44

    def test_arabic_names(self) -> None:
        """French and Moroccan regions have Arabic names; Senegalese ones fall back to French."""
        for code, names in SUBDIVISIONS.items():
            assert names.fr, code
            assert names.en, code
            assert (names.ar is None) is code.startswith("SN-"), code

    @pytest.mark.parametrize(
        ("code", "fr", "ar"),
        [
            ("MA-01", "Tanger-Tétouan-Al Hoceïma", "جهة طنجة تطوان الحسيمة"),
            ("MA-02", "L'Oriental", "جهة الشرق"),
            ("MA-03", "Fès-Meknès", "جهة فاس مكناس"),
            ("MA-04", "Rabat-Salé-Kénitra", "جهة الرباط سلا القنيطرة"),
            ("MA-05", "Béni Mellal-Khénifra", "جهة بني ملال خنيفرة"),
            ("MA-06", "Casablanca-Settat", "جهة الدار البيضاء سطات"),
            ("MA-07", "Marrakech-Safi", "جهة مراكش آسفي"),
            ("MA-08", "Drâa-Tafilalet", "جهة درعة تافيلالت"),
            ("MA-09", "Souss-Massa", "جهة سوس ماسة"),
            ("MA-10", "Guelmim-Oued Noun", "جهة كلميم واد نون"),
            ("MA-11", "Laâyoune-Sakia El Hamra", "جهة العيون الساقية الحمراء"),
            ("MA-12", "Dakhla-Oued Ed-Dahab", "جهة الداخلة وادي الذهب"),
        ],
        ids=lambda v: v if v.startswith("MA-") else None,
    )
    def test_moroccan_regions(self, code: str, fr: str, ar: str) -> None:
        """The 12 Moroccan regions in French and Arabic."""
        assert (subdivision_name(code, "fr"), subdivision_name(code, "ar")) == (fr, ar)

    @pytest.mark.parametrize(
        "code", ["FR-971", "FR-973", "FR-976"], ids=["Guadeloupe", "Guyane", "Mayotte"]
    )
    def test_overseas_arabic_names_agree_with_cldr(self, code: str) -> None:
        """Where CLDR names the overseas territory in Arabic, the spelling is the same."""
        territory = {"FR-971": "GP", "FR-973": "GF", "FR-976": "YT"}[code]
        assert subdivision_name(code, "ar") == Locale("ar").territories[territory]

    def test_names_get(self) -> None:
        """SubdivisionNames.get reads the three languages and nothing else."""
        names = SubdivisionNames("Bretagne", "Brittany", "بريتاني")
        assert [names.get(x) for x in ("fr", "en", "ar", "de", "count")] == [
            "Bretagne",
            "Brittany",
            "بريتاني",
            None,
            None,
        ]


class TestSubdivisionName:
    @pytest.mark.parametrize(
        ("code", "locale", "expected"),
        [
            ("FR-IDF", "fr", "Île-de-France"),
            ("FR-IDF", "en", "Île-de-France"),
            ("FR-IDF", "ar", "إيل دو فرانس"),
            ("FR-BRE", "en-GB", "Brittany"),
            ("FR-NOR", "ar_MA", "نورماندي"),
            ("FR-20R", "fr", "Corse"),
            ("FR-COR", "en", "Corsica"),
            ("fr-pac", "fr_FR", "Provence-Alpes-Côte d'Azur"),
            ("MA-07", "ar", "جهة مراكش آسفي"),
            ("MA-07", "ar-MA", "جهة مراكش آسفي"),
            ("MA-07", "en", "Marrakesh-Safi"),
            ("MA-09", "ar", "جهة سوس ماسة"),
            ("MA-02", "zgh", "L'Oriental"),
            ("SN-TH", "ar", "Thiès"),
            ("SN-DK", "en", "Dakar"),
            ("SN-KE", "fr", "Kédougou"),
        ],
    )
    def test_names(self, code: str, locale: str, expected: str) -> None:
        """Locale, then its language, then French."""
        assert subdivision_name(code, locale) == expected

    @pytest.mark.parametrize(("code", "expected"), [("ES-CT", "ES-CT"), ("de-by", "DE-BY")])
    def test_unknown_subdivision_gives_its_code(self, code: str, expected: str) -> None:
        """A well-formed code the library does not know is shown as its code."""
        assert subdivision_name(code, "fr") == expected

    @pytest.mark.parametrize(
        "code", ["FR", "FR-", "FRA-IDF", "FR-IDFX", "FR_IDF", "", "FR-ÎDF", "FR-ßA"]
    )
    def test_malformed_code(self, code: str) -> None:
        """A code that is not ISO 3166-2 in shape is refused."""
        with pytest.raises(UnknownRegionError) as info:
            subdivision_name(code, "fr")
        assert str(info.value) == (
            f"malformed ISO 3166-2 subdivision code {code!r}; expected e.g. 'FR-IDF' or 'MA-07'"
        )

    def test_bad_locale(self) -> None:
        """A bad locale is refused, even for an unknown subdivision."""
        with pytest.raises(LocaleError):
            subdivision_name("ES-CT", "xx")


class TestSubdivisionCodes:
    @pytest.mark.parametrize(
        ("code", "expected"),
        [
            ("FR-IDF", True),
            ("fr-idf", True),
            ("FR-20R", True),
            ("FR-COR", True),
            ("FR-974", True),
            ("MA-12", True),
            ("SN-ZG", True),
            ("FR-975", False),
            ("MA-13", False),
            ("ES-CT", False),
            ("FR", False),
            ("", False),
        ],
    )
    def test_is_known_subdivision(self, code: str, expected: bool) -> None:
        """Known codes, former codes included; unknown or malformed ones are not."""
        assert is_known_subdivision(code) is expected

    @pytest.mark.parametrize(
        ("code", "matches"),
        [
            ("FR-IDF", True),
            ("FR-971", True),
            ("FR-20R", True),
            ("MA-01", True),
            ("GB-A", True),
            ("fr-idf", False),
            ("FR-IDFX", False),
            ("F-IDF", False),
            ("FR-", False),
            ("FR-IDF\n", False),
            ("XFR-IDF", False),
        ],
    )
    def test_code_pattern(self, code: str, matches: bool) -> None:
        """Two upper-case letters, a hyphen, one to three upper-case letters or digits."""
        assert bool(SUBDIVISION_CODE_PATTERN.match(code)) is matches

    @pytest.mark.parametrize(
        ("code", "expected"), [("FR-IDF", "FR"), ("ma-07", "MA"), ("SN-DK", "SN"), ("ES-CT", "ES")]
    )
    def test_subdivision_country(self, code: str, expected: str) -> None:
        """The country is the code's prefix."""
        assert subdivision_country(code) == expected

    def test_subdivision_country_of_malformed_code(self) -> None:
        """A malformed code has no country."""
        with pytest.raises(UnknownRegionError, match="malformed ISO 3166-2 subdivision code 'x'"):
            subdivision_country("x")

    def test_canonical_code(self) -> None:
        """Case and spaces are normalised, former codes replaced."""
        assert canonical_subdivision(" fr-cor ") == "FR-20R"
        assert SUBDIVISION_ALIASES == {"FR-COR": "FR-20R"}
        assert all(target in SUBDIVISIONS for target in SUBDIVISION_ALIASES.values())

    def test_known_subdivisions_order(self) -> None:
        """Codes come in table order; a country with none gives an empty tuple."""
        assert known_subdivisions("ma")[:3] == ("MA-01", "MA-02", "MA-03")
        assert known_subdivisions("DE") == ()


class TestUnknownRegionError:
    def test_hierarchy(self) -> None:
        """A library error (so a ValueError) and a LookupError, with a stable code."""
        with pytest.raises(UnknownRegionError) as info:
            country_name("XX", "fr")
        assert isinstance(info.value, RrmaError)
        assert isinstance(info.value, ValueError)
        assert isinstance(info.value, LookupError)
        assert info.value.code == "unknown_region"
