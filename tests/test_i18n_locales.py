"""Tests for rrma_groups.i18n.locales: reading locale codes, fallback chains, direction."""

from __future__ import annotations

import pytest
from babel import Locale

from rrma_groups.errors import LocaleError, RrmaError
from rrma_groups.i18n.locales import (
    SUPPORTED_LANGUAGES,
    babel_locale,
    direction,
    fallback_chain,
    is_rtl,
    normalize_locale,
    to_bcp47,
)

HINT = "any CLDR locale for formatting (e.g. ar_MA, fr_SN, zgh)"


def message_for(code: str) -> str:
    return f"unknown or malformed language {code!r}; supported: fr, ar, en, {HINT}"


class TestSupportedLanguages:
    def test_the_three_languages_of_the_library(self) -> None:
        """The library's own messages exist in French, Arabic and English, in that order."""
        assert SUPPORTED_LANGUAGES == ("fr", "ar", "en")


class TestNormalizeLocale:
    @pytest.mark.parametrize(
        ("code", "expected"),
        [
            ("fr", "fr"),
            ("FR", "fr"),
            ("fr_FR", "fr_FR"),
            ("fr-fr", "fr_FR"),
            ("ar", "ar"),
            ("ar-MA", "ar_MA"),
            ("ar_ma", "ar_MA"),
            ("AR-ma", "ar_MA"),
            ("en-GB", "en_GB"),
            ("en", "en"),
            ("zgh", "zgh"),
            ("zgh-Tfng-MA", "zgh_MA"),
            ("sr_Latn_RS", "sr_Latn_RS"),
            ("SR-LATN-rs", "sr_Latn_RS"),
            ("es-419", "es_419"),
            ("ca-es-valencia", "ca_ES_VALENCIA"),
            ("fr_SN", "fr_SN"),
            ("ar_EG", "ar_EG"),
        ],
        ids=lambda v: v if isinstance(v, str) and v else repr(v),
    )
    def test_bcp47_and_posix_spellings(self, code: str, expected: str) -> None:
        """Either separator, any case: Babel's canonical identifier comes out."""
        assert normalize_locale(code) == expected

    @pytest.mark.parametrize(
        ("code", "expected"),
        [
            ("fr_FR.UTF-8", "fr_FR"),
            ("ar_MA.utf8", "ar_MA"),
            (" fr ", "fr"),
        ],
        ids=["codeset", "codeset-lower", "surrounding-space"],
    )
    def test_posix_codeset_and_spaces_are_dropped(self, code: str, expected: str) -> None:
        """A LANG-style codeset and surrounding whitespace do not matter."""
        assert normalize_locale(code) == expected

    @pytest.mark.parametrize(
        ("code", "expected"),
        [("iw", "he"), ("fra", "fr"), ("ara", "ar"), ("sh", "sr_Latn"), ("sh-RS", "sr_Latn_RS")],
        ids=["iw", "fra", "ara", "sh", "sh-RS"],
    )
    def test_deprecated_language_codes_are_replaced(self, code: str, expected: str) -> None:
        """Language aliases are applied without adding a region (Babel alone gives he_IL)."""
        assert normalize_locale(code) == expected

    @pytest.mark.parametrize(
        "code",
        [
            "x",
            "fr__FR",
            "123",
            "",
            "français",
            "xx",
            "ar-FR",
            "und",
            "und-MA",
            "C",
            "POSIX",
            "fr@euro",
            "fr_FR.UTF-8@euro",
            "fr_",
            "_fr",
            "fr-FR-",
            "ar-Latn",
            "zgh-Latn",
        ],
        ids=lambda v: v or "empty",
    )
    def test_malformed_or_unknown_codes_are_refused(self, code: str) -> None:
        """Malformed codes and codes CLDR does not know raise LocaleError with the hint."""
        with pytest.raises(LocaleError) as info:
            normalize_locale(code)
        assert str(info.value) == message_for(code)
        assert info.value.value == code
        assert info.value.supported == ("fr", "ar", "en", HINT)

    def test_locale_error_is_a_library_error(self) -> None:
        """LocaleError is an RrmaError, hence a ValueError."""
        with pytest.raises(ValueError, match="unknown or malformed language 'xx'") as info:
            normalize_locale("xx")
        assert isinstance(info.value, RrmaError)
        assert info.value.code == "invalid_locale"

    def test_unusual_script_is_refused_not_dropped(self) -> None:
        """Babel would turn ar-Latn into (right-to-left) ar; the script mismatch is refused."""
        assert Locale.parse("ar_Latn").script is None  # what Babel alone does
        with pytest.raises(LocaleError):
            normalize_locale("ar-Latn")

    def test_the_usual_script_is_dropped(self) -> None:
        """zgh is written in Tifinagh anyway, so CLDR's zgh_MA stands for zgh-Tfng-MA."""
        assert normalize_locale("zgh-Tfng-MA") == normalize_locale("zgh-MA") == "zgh_MA"

    def test_non_string_is_a_type_error(self) -> None:
        """None or a number is a programming error, not a bad locale."""
        with pytest.raises(TypeError, match="a locale code must be a string, not NoneType"):
            normalize_locale(None)  # type: ignore[arg-type]

    def test_results_are_cached(self) -> None:
        """Repeated calls in hot loops hit the cache."""
        normalize_locale("ar-MA")
        before = normalize_locale.cache_info().hits
        for _ in range(10):
            normalize_locale("ar-MA")
        assert normalize_locale.cache_info().hits == before + 10


class TestFallbackChain:
    @pytest.mark.parametrize(
        ("code", "default", "expected"),
        [
            ("ar-MA", "fr", ("ar_MA", "ar", "fr", "en")),
            ("fr_FR", "fr", ("fr_FR", "fr", "en")),
            ("en", "fr", ("en", "fr")),
            ("fr", "fr", ("fr", "en")),
            ("ar", "fr", ("ar", "fr", "en")),
            ("ar-MA", None, ("ar_MA", "ar", "en")),
            ("ar-MA", "ar", ("ar_MA", "ar", "en")),
            ("en-GB", "fr", ("en_GB", "en_001", "en", "fr")),
            ("es-MX", "fr", ("es_MX", "es_419", "es", "fr", "en")),
            ("zgh-Tfng-MA", "fr", ("zgh_MA", "zgh", "fr", "en")),
            ("sr_Latn_RS", "fr", ("sr_Latn_RS", "sr_Latn", "fr", "en")),
            ("zh-TW", "fr", ("zh_Hant_TW", "zh_Hant", "fr", "en")),
            ("ca-ES-valencia", None, ("ca_ES_VALENCIA", "ca_ES", "ca", "en")),
            ("en", "fr-SN", ("en", "fr_SN", "fr")),
            ("ar", "FR", ("ar", "fr", "en")),
        ],
        ids=lambda v: repr(v) if v is None or isinstance(v, tuple) else v,
    )
    def test_chains(self, code: str, default: str | None, expected: tuple[str, ...]) -> None:
        """Locale, its CLDR parents, the default language (and parents), then English."""
        assert fallback_chain(code, default) == expected

    @pytest.mark.parametrize(
        "code", ["fr", "fr-FR", "ar", "ar-MA", "en", "en-GB", "zgh", "sr-Latn-RS", "es-MX"]
    )
    @pytest.mark.parametrize("default", ["fr", "ar", "en", "fr-SN"])
    def test_no_duplicates_and_english_last(self, code: str, default: str) -> None:
        """No identifier twice; the locale first, then the default; English last unless earlier."""
        chain = fallback_chain(code, default)
        assert len(set(chain)) == len(chain)
        assert chain[0] == normalize_locale(code)
        assert normalize_locale(default) in chain
        if code.startswith("en"):
            assert chain.index("en") <= chain.index(normalize_locale(default))
        else:
            assert chain[-1] == "en"
            assert chain.index(normalize_locale(default)) <= chain.index("en")

    def test_a_script_locale_never_falls_back_to_another_script(self) -> None:
        """sr_Latn's CLDR parent is root: the Cyrillic sr is not in its chain."""
        assert "sr" not in fallback_chain("sr-Latn-RS", "fr")

    def test_bad_default_language_is_refused(self) -> None:
        """The default language is checked like the locale."""
        with pytest.raises(LocaleError, match="'français'"):
            fallback_chain("ar", "français")


class TestBabelLocale:
    @pytest.mark.parametrize(
        ("code", "expected"),
        [
            ("ar-MA", Locale("ar", territory="MA")),
            ("fr", Locale("fr")),
            ("EN-gb", Locale("en", territory="GB")),
            ("zgh", Locale("zgh")),
        ],
        ids=["ar-MA", "fr", "EN-gb", "zgh"],
    )
    def test_babel_locale_to_format_with(self, code: str, expected: Locale) -> None:
        """The normalised code as a Babel Locale."""
        assert babel_locale(code) == expected

    def test_none_is_the_default_language(self) -> None:
        """No locale means French, or the default language given."""
        assert babel_locale(None) == Locale("fr")
        assert babel_locale(None, "ar-MA") == Locale("ar", territory="MA")

    def test_bad_code_is_refused(self) -> None:
        """A bad code raises LocaleError, it is not silently replaced by the default."""
        with pytest.raises(LocaleError, match="'xx'"):
            babel_locale("xx")

    def test_former_name_warns(self) -> None:
        """``negotiate``, the former name, works for one release, with a warning."""
        with pytest.warns(DeprecationWarning, match="use babel_locale"):
            from rrma_groups.i18n.locales import negotiate
        assert negotiate is babel_locale


class TestDirection:
    @pytest.mark.parametrize(
        ("code", "expected"),
        [
            ("fr", "ltr"),
            ("en", "ltr"),
            ("ar", "rtl"),
            ("ar-MA", "rtl"),
            ("ar_EG", "rtl"),
            ("zgh", "ltr"),
            ("he", "rtl"),
            ("fa", "rtl"),
            ("ur", "rtl"),
            ("sr-Latn-RS", "ltr"),
        ],
    )
    def test_direction_from_cldr_character_order(self, code: str, expected: str) -> None:
        """Arabic-script and Hebrew locales are right to left; Tifinagh is left to right."""
        assert direction(code) == expected
        assert is_rtl(code) is (expected == "rtl")

    def test_bad_code_is_refused(self) -> None:
        """Direction of an unknown locale is an error, not a guess."""
        with pytest.raises(LocaleError):
            is_rtl("xx")


class TestToBcp47:
    @pytest.mark.parametrize(
        ("code", "expected"),
        [("ar_ma", "ar-MA"), ("fr", "fr"), ("sr_latn_rs", "sr-Latn-RS"), ("zgh-Tfng-MA", "zgh-MA")],
    )
    def test_hyphenated_canonical_code(self, code: str, expected: str) -> None:
        """The canonical code with hyphens, for HTML lang and iCalendar LANGUAGE."""
        assert to_bcp47(code) == expected
