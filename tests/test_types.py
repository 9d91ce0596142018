"""Reusable constrained types: codes, identifiers, text lines, times."""

from __future__ import annotations

import datetime as dt
import sys
import unicodedata
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pydantic import TypeAdapter, ValidationError

from rrma_groups.model.types import (
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
    iana_timezones,
    is_blank,
    local_time_issue,
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


# Characters of Unicode that are drawn: the prepended concatenation marks are format characters
# (Cf) that show as signs (Arabic number sign, end of ayah...).
PREPENDED_CONCATENATION_MARKS = frozenset(
    "\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2\U000110bd\U000110cd"
)
# The only letters and symbols that are blank: fillers and an empty Braille cell.
BLANK_LETTERS_AND_SYMBOLS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


class TestBlank:
    @pytest.mark.parametrize(
        "text",
        [
            "",
            " ",
            "\t \n\r\n",
            "\u00a0",  # no-break space
            "\u202f",  # narrow no-break space
            "\u2007",  # figure space
            "\u3000",  # ideographic space
            "\u1680",  # Ogham space mark
            "\u200b",  # zero-width space
            "\u200b\u200b\u200b",
            "\u200c",  # zero-width non-joiner
            "\u200d",  # zero-width joiner
            "\u2060",  # word joiner
            "\u2066\u2069",  # an empty isolate
            "\u2067",  # an isolate never closed
            "\u2068 \u2069",
            "\u200e",  # left-to-right mark
            "\u200f",  # right-to-left mark
            "\u061c",  # Arabic letter mark
            "\u00ad",  # soft hyphen
            "\ufeff",  # byte-order mark
            "\ufeff\u00ad",
            "\u034f",  # combining grapheme joiner
            "\u115f\u1160",  # Hangul fillers
            "\u3164",
            "\uffa0",
            "\u17b4",  # Khmer inherent vowel
            "\u180e",  # Mongolian vowel separator
            "\ufe0f",  # variation selector 16
            "\U000e0100",  # variation selector 17
            "\U000e0041",  # tag letter A
            "\U000e0001",  # language tag
            "\u2065",  # reserved default-ignorable
            "\u2800",  # Braille pattern blank
            "\u00a0\u200b\u2066\u00ad\ufeff\u3000",
        ],
    )
    def test_blank_texts(self, text: str) -> None:
        """Nothing, white space of any kind and invisible characters only: blank."""
        assert is_blank(text)

    @pytest.mark.parametrize(
        "text",
        [
            "a",
            "\u200ba",  # a letter after a zero-width space
            "a\u200b",
            ".",
            "-",
            "0",
            "\u0600",  # Arabic number sign: drawn
            "\u06dd",  # end of ayah: drawn
            "\u0640",  # tatweel
            "\u0301",  # a lone combining accent (drawn on a dotted circle)
            "\u2066a\u2069",
            "\ufeff\u00adx",
            "👍",
            "\ue000",  # private use: some font draws it
        ],
    )
    def test_visible_texts(self, text: str) -> None:
        """One visible character is enough."""
        assert not is_blank(text)

    def test_every_space_and_format_character_of_unicode_is_blank(self) -> None:
        """All of Z* and Cf (but the drawn prepended marks), as this Python's Unicode says."""
        for code in range(sys.maxunicode + 1):
            char = chr(code)
            category = unicodedata.category(char)
            if category.startswith("Z") or (
                category == "Cf" and char not in PREPENDED_CONCATENATION_MARKS
            ):
                assert is_blank(char), f"U+{code:04X} {unicodedata.name(char, '')}"

    def test_no_letter_digit_punctuation_or_symbol_is_blank(self) -> None:
        """Letters, digits, punctuation and symbols are visible, but fillers and U+2800."""
        blank = [chr(c) for c in range(sys.maxunicode + 1) if is_blank(chr(c))]
        drawn = {c for c in blank if unicodedata.category(c)[0] in "LNPS"}
        assert drawn == BLANK_LETTERS_AND_SYMBOLS
        assert {c for c in PREPENDED_CONCATENATION_MARKS if is_blank(c)} == set()

    @pytest.mark.parametrize("text", ["\u200b", "\ufeff\u00ad", "\u00a0\u3000", "\u2068\u2069"])
    def test_a_line_of_invisible_characters_is_empty(self, text: str) -> None:
        """A name of invisible characters is refused like an empty one."""
        assert error_of(Line, text) == ("empty_text", "text is empty: it has no visible character")


class TestHiddenCharactersInAddresses:
    @pytest.mark.parametrize(
        "char", ["\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c", "\u202e"]
    )
    def test_bidi_controls_in_a_web_address(self, char: str) -> None:
        """No bidi control, isolate or mark belongs in an address (RFC 3987): each could
        disguise where it leads."""
        assert error_of(Url, f"https://example.org/{char}exe.pdf")[0] == "invalid_url"

    @pytest.mark.parametrize("char", ["\u2067", "\u2069", "\u200f", "\u202e"])
    def test_bidi_controls_in_an_email_address(self, char: str) -> None:
        """The same for an e-mail address."""
        assert error_of(Email, f"contact{char}@example.org")[0] == "invalid_email"


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


P = pytest.param


class TestTimezonesOfTheDatabase:
    @pytest.mark.parametrize(
        "value",
        [
            P("localtime", id="the-machines-zone"),
            P("Factory", id="tzdata-placeholder"),
            P("posixrules", id="default-rule-file"),
            P("posix/Europe/Paris", id="posix-folder"),
            P("right/Europe/Paris", id="leap-second-folder"),
            P("/usr/share/zoneinfo/Europe/Paris", id="a-path"),
            P("europe/paris", id="wrong-case"),
            P("zone.tab", id="a-file-of-the-database"),
        ],
    )
    def test_names_that_are_no_iana_zone_are_refused(self, value: str) -> None:
        """What zoneinfo may load but depends on the machine, or is no zone, is refused."""
        assert error_of(TimezoneName, value) == (
            "invalid_timezone",
            f"'{value}' is not an IANA timezone (such as Europe/Paris or Africa/Casablanca)",
        )

    @pytest.mark.parametrize(
        "value", ["Europe/Paris", "Africa/Casablanca", "UTC", "Etc/GMT-1", "US/Pacific", "EST5EDT"]
    )
    def test_zones_and_links_of_the_database_are_accepted(self, value: str) -> None:
        """The names tzdata ships, zones and their links (backward names) alike."""
        assert ok(TimezoneName, value) == value
        assert value in iana_timezones()

    def test_the_list_is_the_same_on_every_machine(self) -> None:
        """It is tzdata's list, not the machine's folder of zones (which holds localtime)."""
        assert len(iana_timezones()) > 500
        assert not {"localtime", "Factory", "posixrules"} & iana_timezones()


class TestTimesToTheMinute:
    @pytest.mark.parametrize(
        ("value", "shown"),
        [
            P("14:00:30", "14:00:30", id="string-seconds"),
            P("14:00:00.999999", "14:00:00.999999", id="string-fraction"),
            P("14:00:00,5", "14:00:00.500000", id="string-fraction-comma"),
            P(dt.time(14, 0, 30), "14:00:30", id="toml-time-seconds"),
            P(dt.time(14, 0, 0, 999999), "14:00:00.999999", id="toml-time-fraction"),
        ],
    )
    def test_seconds_are_refused_however_written(self, value: Any, shown: str) -> None:
        """Seconds and fractions are refused alike, as text or as a TOML time."""
        assert error_of(TimeOfDay, value) == (
            "time_not_whole_minute",
            f"'{shown}' is not a whole minute: times are given to the minute, such as 14:00",
        )

    @pytest.mark.parametrize("value", ["14:00:00", "14:00", dt.time(14), "14h00"])
    def test_zero_seconds_are_a_whole_minute(self, value: Any) -> None:
        """The ISO times files hold, 14:00:00, are whole minutes."""
        assert ok(TimeOfDay, value) == dt.time(14)

    @pytest.mark.parametrize(
        "value", [dt.datetime(2016, 11, 4, 14), dt.datetime(2016, 11, 4, 14, 0, 30)]
    )
    def test_a_datetime_is_no_time_of_day(self, value: dt.datetime) -> None:
        """A TOML date-time where a time is expected is refused, with or without seconds."""
        assert error_of(TimeOfDay, value)[0] == "time_type"

    def test_the_fold_is_not_kept(self) -> None:
        """No file can say which of two equal wall times is meant: the first is."""
        assert ok(TimeOfDay, dt.time(2, 30, fold=1)).fold == 0


class TestLocalTimeIssue:
    @pytest.mark.parametrize(
        ("day", "time", "zone", "code", "taken"),
        [
            P(dt.date(2017, 3, 26), dt.time(2, 0), "Europe/Paris", "nonexistent_local_time",
              {"actual": dt.time(3, 0), "offset_before": "UTC+01:00", "offset_after": "UTC+02:00"},
              id="paris-gap-start"),
            P(dt.date(2017, 3, 26), dt.time(2, 59), "Europe/Paris", "nonexistent_local_time",
              {"actual": dt.time(3, 59), "offset_before": "UTC+01:00",
               "offset_after": "UTC+02:00"}, id="paris-gap-end"),
            P(dt.date(2017, 10, 29), dt.time(2, 0), "Europe/Paris", "ambiguous_local_time",
              {"offset_first": "UTC+02:00", "offset_second": "UTC+01:00"}, id="paris-fold"),
            P(dt.date(2019, 5, 5), dt.time(2, 30), "Africa/Casablanca", "ambiguous_local_time",
              {"offset_first": "UTC+01:00", "offset_second": "UTC+00:00"}, id="ramadan-begins"),
            P(dt.date(2016, 11, 6), dt.time(1, 30), "America/New_York", "ambiguous_local_time",
              {"offset_first": "UTC-04:00", "offset_second": "UTC-05:00"}, id="new-york-fold"),
            P(dt.date(2018, 10, 7), dt.time(2, 0), "Australia/Lord_Howe", "nonexistent_local_time",
              {"actual": dt.time(2, 30), "offset_before": "UTC+10:30",
               "offset_after": "UTC+11:00"}, id="half-an-hour"),
        ],
    )  # fmt: skip
    def test_skipped_and_repeated_times(
        self, day: dt.date, time: dt.time, zone: str, code: str, taken: dict[str, Any]
    ) -> None:
        """The code, and the instant taken: a skipped time with the offset before the change,
        the first of two repeated ones."""
        issue = local_time_issue(day, time, zone)
        assert issue is not None
        assert issue.code == code
        assert {key: issue.params[key] for key in taken} == taken
        assert (issue.params["value"], issue.params["date"], issue.params["timezone"]) == (
            time,
            day,
            zone,
        )

    @pytest.mark.parametrize(
        ("day", "time", "zone"),
        [
            (dt.date(2017, 3, 26), dt.time(1, 59), "Europe/Paris"),
            (dt.date(2017, 3, 26), dt.time(3, 0), "Europe/Paris"),
            (dt.date(2017, 10, 29), dt.time(3, 0), "Europe/Paris"),
            (dt.date(2017, 10, 29), dt.time(1, 59), "Europe/Paris"),
            (dt.date(2017, 3, 26), dt.time(2, 30), "UTC"),
            (dt.date(2017, 3, 26), dt.time(2, 30), "Africa/Dakar"),
        ],
    )
    def test_ordinary_times(self, day: dt.date, time: dt.time, zone: str) -> None:
        """Just before and at the end of a change, and where clocks never change: nothing."""
        assert local_time_issue(day, time, zone) is None

    def test_the_instant_taken_is_what_zoneinfo_gives(self) -> None:
        """The instant named for a skipped time is the one the library computes with."""
        issue = local_time_issue(dt.date(2017, 3, 26), dt.time(2, 30), "Europe/Paris")
        assert issue is not None
        wall = dt.datetime(2017, 3, 26, 2, 30, tzinfo=ZoneInfo("Europe/Paris"))
        assert wall.astimezone(dt.UTC).astimezone(wall.tzinfo).time() == issue.params["actual"]
