"""Reusable constrained types: codes, identifiers, text lines, times."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from rrma_groups.types import (
    CountryCode,
    Day,
    Email,
    Id,
    LanguageCode,
    Line,
    Rna,
    Siren,
    Siret,
    SubdivisionCode,
    TimeOfDay,
    TimezoneName,
    Url,
    Year,
    luhn_valid,
)


def error_of(tp: Any, value: Any) -> tuple[str, str]:
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(tp).validate_python(value)
    (err,) = caught.value.errors()
    return err["type"], err["msg"]


def ok(tp: Any, value: Any) -> Any:
    return TypeAdapter(tp).validate_python(value)


class TestCodes:
    @pytest.mark.parametrize(("value", "stored"), [("FR", "FR"), ("ma", "MA"), (" sn ", "SN")])
    def test_country_codes(self, value: str, stored: str) -> None:
        """ISO 3166-1 alpha-2 codes, stored in upper case."""
        assert ok(CountryCode, value) == stored

    @pytest.mark.parametrize("value", ["XX", "FRA", "France", "", "ZZ", "EU"])
    def test_bad_country_codes(self, value: str) -> None:
        """Unknown or not alpha-2: refused with the expected form."""
        code, msg = error_of(CountryCode, value)
        assert code == "invalid_country"
        assert msg == f"'{value}' is not an ISO 3166-1 alpha-2 country code (such as FR or MA)"

    @pytest.mark.parametrize("value", ["FR-NAQ", "fr-naq", "MA-07", "MA-12", "SN-DK", "DE-BY"])
    def test_subdivision_codes(self, value: str) -> None:
        """ISO 3166-2 codes; any well-formed code of a country not listed in full passes."""
        assert ok(SubdivisionCode, value) == value.upper()

    def test_unknown_subdivision_of_a_listed_country(self) -> None:
        """For France and Morocco the full list is known, so a typo is caught and listed."""
        code, msg = error_of(SubdivisionCode, "MA-13")
        assert code == "unknown_subdivision"
        assert msg.startswith("'MA-13' is not a region of MA; known codes: MA-01, MA-02,")

    @pytest.mark.parametrize("value", ["FRNAQ", "XX-01", "FR-", "FR-ABCD"])
    def test_malformed_subdivision_codes(self, value: str) -> None:
        """A subdivision code is a country code, a hyphen and up to three characters."""
        assert error_of(SubdivisionCode, value)[0] == "invalid_subdivision"

    @pytest.mark.parametrize(
        ("value", "stored"),
        [("fr", "fr"), ("ar-MA", "ar_MA"), ("AR_ma", "ar_MA"), ("en", "en"), ("zgh", "zgh")],
    )
    def test_language_codes(self, value: str, stored: str) -> None:
        """BCP 47 or POSIX spelling, stored as Babel writes it."""
        assert ok(LanguageCode, value) == stored

    @pytest.mark.parametrize("value", ["xx", "français", "", "fr__FR"])
    def test_bad_language_codes(self, value: str) -> None:
        """Unknown or malformed language codes are refused."""
        assert error_of(LanguageCode, value)[0] == "invalid_language"

    @pytest.mark.parametrize("value", ["Europe/Paris", "Africa/Casablanca", "UTC"])
    def test_timezones(self, value: str) -> None:
        """IANA timezone names."""
        assert ok(TimezoneName, value) == value

    @pytest.mark.parametrize("value", ["Europe/Limoges", "CEST", "", "../etc/passwd", "+01:00"])
    def test_bad_timezones(self, value: str) -> None:
        """Anything zoneinfo does not know is refused."""
        assert error_of(TimezoneName, value)[0] == "invalid_timezone"


class TestIdentifiers:
    @pytest.mark.parametrize(
        ("digits", "valid"),
        [
            ("732829320", True),
            ("732829321", False),
            ("0", True),
            ("18", True),
            ("79927398713", True),
        ],
    )
    def test_luhn(self, digits: str, valid: bool) -> None:
        """The Luhn check digit."""
        assert luhn_valid(digits) is valid

    @pytest.mark.parametrize(
        ("value", "stored"), [("732 829 320", "732829320"), (732829320, "732829320")]
    )
    def test_siren(self, value: Any, stored: str) -> None:
        """A SIREN is 9 digits; spaces are removed; an integer is accepted."""
        assert ok(Siren, value) == stored

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            ("732829321", "'732829321' is not a valid SIREN: the check digit is wrong"),
            ("73282932", "'73282932' is not a valid SIREN: expected 9 digits"),
            ("ABCDEFGHI", "'ABCDEFGHI' is not a valid SIREN: expected 9 digits"),
        ],
    )
    def test_bad_siren(self, value: str, message: str) -> None:
        """A wrong SIREN says why."""
        assert error_of(Siren, value) == ("invalid_siren", message)

    def test_siret(self) -> None:
        """A SIRET is a valid SIREN followed by 5 digits, Luhn-checked as a whole."""
        assert ok(Siret, "732 829 320 00009") == "73282932000009"
        assert error_of(Siret, "73282932000010")[0] == "invalid_siret"

    def test_la_poste_siret(self) -> None:
        """La Poste's establishments follow the sum-of-digits-by-5 rule instead of Luhn."""
        assert not luhn_valid("35600000000015")
        assert ok(Siret, "35600000000015") == "35600000000015"
        assert error_of(Siret, "35600000000016")[0] == "invalid_siret"

    def test_rna(self) -> None:
        """An RNA number is W and nine digits."""
        assert ok(Rna, "w872000123") == "W872000123"
        assert error_of(Rna, "872000123") == (
            "invalid_rna",
            "'872000123' is not a valid RNA number: expected W followed by 9 digits",
        )


class TestText:
    @pytest.mark.parametrize(
        ("value", "char"),
        [
            ("Khalid\nChihani", "U+000A"),
            ("Khalid\tChihani", "U+0009"),
            ("Khalid\x00", "U+0000"),
            ("abc\u2028def", "U+2028 LINE SEPARATOR"),
        ],
    )
    def test_control_characters(self, value: str, char: str) -> None:
        """A single line refuses control characters and says which and where."""
        code, msg = error_of(Line, value)
        assert code == "control_character"
        assert char in msg

    def test_bidi_override(self) -> None:
        """Bidi overrides (U+202A..U+202E) can disguise text: refused."""
        code, msg = error_of(Line, "abc\u202edcba")
        assert code == "bidi_override"
        assert msg == (
            "text contains the bidirectional override U+202E RIGHT-TO-LEFT OVERRIDE at "
            "position 4; it can disguise text and is not allowed"
        )

    def test_bidi_isolates_are_fine(self) -> None:
        """Isolates are what correct bidirectional text uses: accepted."""
        assert ok(Line, "\u2066Khalid\u2069") == "\u2066Khalid\u2069"

    def test_too_long(self) -> None:
        """A line has at most 500 characters."""
        assert error_of(Line, "x" * 501) == (
            "too_long",
            "text is too long: 501 characters, at most 500",
        )

    def test_blank(self) -> None:
        """A blank line is no name."""
        assert error_of(Line, "   ")[0] == "empty_text"

    @pytest.mark.parametrize("value", ["a@b.fr", "khalid.chihani@example.org"])
    def test_email(self, value: str) -> None:
        """A plain e-mail syntax check."""
        assert ok(Email, value) == value

    @pytest.mark.parametrize("value", ["a@b", "a b@c.fr", "@c.fr", "a@@c.fr"])
    def test_bad_email(self, value: str) -> None:
        """Not an e-mail address."""
        assert error_of(Email, value)[0] == "invalid_email"

    @pytest.mark.parametrize("value", ["javascript:alert(1)", "ftp://x.org", "https://", "x.org"])
    def test_bad_url(self, value: str) -> None:
        """Only http(s) addresses with a host."""
        assert error_of(Url, value)[0] == "invalid_url"


class TestIds:
    @pytest.mark.parametrize("value", ["mdh", "limoges-2016", "A.b_c", "0"])
    def test_ids(self, value: str) -> None:
        """Letters, digits, '-', '_', '.'."""
        assert ok(Id, value) == value


class TestTimes:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [("14h00", dt.time(14)), ("14:15", dt.time(14, 15)), (dt.time(9, 5), dt.time(9, 5))],
    )
    def test_time_of_day(self, value: Any, expected: dt.time) -> None:
        """Times as people write them."""
        assert ok(TimeOfDay, value) == expected

    def test_bad_time(self) -> None:
        """An impossible time quotes the input and says why."""
        assert error_of(TimeOfDay, "25h00") == (
            "invalid_time",
            "cannot read '25h00' as a time of day: hours go from 0 to 23",
        )

    def test_aware_time(self) -> None:
        """Times are local; an offset is refused."""
        assert error_of(TimeOfDay, dt.time(14, tzinfo=dt.UTC))[0] == "aware_time"

    @pytest.mark.parametrize(
        ("value", "expected"),
        [("04/11/2016", dt.date(2016, 11, 4)), ("2016-11-04", dt.date(2016, 11, 4))],
    )
    def test_day(self, value: str, expected: dt.date) -> None:
        """Dates are read day-first, or as ISO."""
        assert ok(Day, value) == expected

    def test_year(self) -> None:
        """A year alone, within reason."""
        assert ok(Year, 1991) == 1991
        assert error_of(Year, 19910)[0] == "invalid_year"
