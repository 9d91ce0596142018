"""Tests for rrma_groups.i18n.formatting: dates, times, ranges, durations, lists, numbers.

Expected strings are Babel 2.19 / CLDR 49 output, checked by eye. Invisible characters are
written as escapes: U+00A0 NO-BREAK SPACE, U+202F NARROW NO-BREAK SPACE, U+2009 THIN SPACE,
U+200F RIGHT-TO-LEFT MARK.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal

import pytest
from babel import Locale, localedata
from babel.dates import format_timedelta
from babel.lists import format_list as babel_format_list

from rrma_groups.errors import LocaleError
from rrma_groups.i18n.formatting import (
    _DIGIT_ZEROS,
    format_date,
    format_duration,
    format_list,
    format_number,
    format_time,
    format_time_range,
    uses_24_hour_clock,
)

NOV_4 = dt.date(2016, 11, 4)
T14 = dt.time(14, 0)
T1415 = dt.time(14, 15)
H1M40 = dt.timedelta(hours=1, minutes=40)


class TestFormatDate:
    @pytest.mark.parametrize(
        ("locale", "style", "expected"),
        [
            ("fr", "full", "vendredi 4 novembre 2016"),
            ("fr", "long", "4 novembre 2016"),
            ("fr", "medium", "4 nov. 2016"),
            ("fr", "short", "04/11/2016"),
            ("ar", "full", "الجمعة، 4 نوفمبر 2016"),
            ("ar", "long", "4 نوفمبر 2016"),
            ("ar", "medium", "04\u200f/11\u200f/2016"),
            ("ar", "short", "4\u200f/11\u200f/2016"),
            ("ar_MA", "full", "الجمعة، 4 نونبر 2016"),
            ("ar_MA", "long", "4 نونبر 2016"),
            ("ar_MA", "short", "4\u200f/11\u200f/2016"),
            ("ar_EG", "full", "الجمعة، ٤ نوفمبر ٢٠١٦"),
            ("ar_EG", "short", "٤\u200f/١١\u200f/٢٠١٦"),
            ("en", "full", "Friday, November 4, 2016"),
            ("en", "long", "November 4, 2016"),
            ("en", "medium", "Nov 4, 2016"),
            ("en", "short", "11/4/16"),
            ("en_GB", "full", "Friday, 4 November 2016"),
            ("zgh", "full", "ⴰⵙⵉⵎⵡⴰⵙ 4 ⵏⵓⵡⴰⵏⴱⵉⵔ 2016"),
            ("zgh", "short", "4/11/2016"),
        ],
        ids=lambda v: v if isinstance(v, str) and len(v) < 8 else None,
    )
    def test_cldr_styles(self, locale: str, style: str, expected: str) -> None:
        """4 November 2016 in each CLDR date style."""
        assert format_date(NOV_4, locale, style) == expected  # type: ignore[arg-type]

    def test_full_is_the_default_style(self) -> None:
        """Without a style, the date is written in full."""
        assert format_date(NOV_4, "fr") == "vendredi 4 novembre 2016"

    def test_moroccan_november(self) -> None:
        """Moroccan Arabic writes November نونبر, generic Arabic نوفمبر."""
        assert "نونبر" in format_date(NOV_4, "ar-MA", "long")
        assert "نوفمبر" in format_date(NOV_4, "ar", "long")
        assert "نوفمبر" not in format_date(NOV_4, "ar-MA", "long")

    def test_arabic_numeric_dates_keep_their_rlm(self) -> None:
        """CLDR puts U+200F after each number of Arabic numeric dates; it is kept."""
        assert format_date(NOV_4, "ar", "short").count("\u200f") == 2

    def test_unknown_style(self) -> None:
        """A style outside the four CLDR ones is refused with the list of styles."""
        with pytest.raises(
            ValueError, match=r"^unknown style 'EEEE'; expected one of: full, long, medium, short$"
        ):
            format_date(NOV_4, "fr", "EEEE")  # type: ignore[arg-type]

    def test_bad_locale(self) -> None:
        """A bad locale raises LocaleError."""
        with pytest.raises(LocaleError, match="'xx'"):
            format_date(NOV_4, "xx")


class TestFormatTime:
    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("fr", "14:00"),
            ("fr_CA", "14 h 00"),
            ("en", "2:00\u202fPM"),
            ("en_GB", "14:00"),
            ("ar", "2:00 م"),
            ("ar_MA", "14:00"),
            ("ar_EG", "٢:٠٠ م"),
            ("zgh", "14:00"),
        ],
    )
    def test_cldr_short_time(self, locale: str, expected: str) -> None:
        """CLDR's short time: 24-hour in fr, ar_MA, en_GB; 12-hour in en and ar."""
        assert format_time(T14, locale) == expected

    @pytest.mark.parametrize(
        ("time", "locale", "expected"),
        [
            (T14, "fr", "14h00"),
            (T14, "fr_FR", "14h00"),
            (T14, "fr-CA", "14h00"),
            (T14, "fr_SN", "14h00"),
            (dt.time(9, 5), "fr", "9h05"),
            (dt.time(0, 0), "fr", "0h00"),
            (T14, "en", "2:00\u202fPM"),
            (T14, "ar", "14:00"),  # the 24-hour clock in right-to-left programmes
            (T14, "ar_MA", "14:00"),
        ],
        ids=["fr", "fr_FR", "fr-CA", "fr_SN", "9h05", "midnight", "en", "ar", "ar_MA"],
    )
    def test_programme_style(self, time: dt.time, locale: str, expected: str) -> None:
        """French printed-programme style in any French locale, CLDR short time elsewhere."""
        assert format_time(time, locale, "programme") == expected

    def test_seconds_are_not_shown(self) -> None:
        """Agenda times are to the minute."""
        assert format_time(dt.time(14, 0, 59), "fr") == "14:00"
        assert format_time(dt.time(14, 0, 59), "fr", "programme") == "14h00"

    def test_aware_time_is_its_wall_clock_time(self) -> None:
        """A time zone attached to the time is ignored, never converted."""
        aware = dt.time(14, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
        assert format_time(aware, "fr") == "14:00"

    def test_unknown_style(self) -> None:
        """Only short and programme exist."""
        with pytest.raises(ValueError, match=r"^unknown style 'long'; expected one of: "):
            format_time(T14, "fr", "long")  # type: ignore[arg-type]


class TestFormatTimeRange:
    @pytest.mark.parametrize(
        ("locale", "start", "end", "expected"),
        [
            ("fr", T14, T1415, "14:00\u2009–\u200914:15"),
            ("fr_CA", T14, T1415, "14 h 00\u2009–\u200914 h 15"),
            ("en", T14, T1415, "2:00\u2009–\u20092:15\u202fPM"),
            ("en", dt.time(11, 0), dt.time(13, 30), "11:00\u202fAM\u2009–\u20091:30\u202fPM"),
            ("en_GB", T14, T1415, "14:00–14:15"),
            ("ar", T14, T1415, "2:00–2:15 م"),
            ("ar", dt.time(11, 0), dt.time(13, 30), "11:00 ص\u2009–\u20091:30 م"),
            ("ar_MA", T14, T1415, "14:00–14:15"),
            ("ar_EG", T14, T1415, "٢:٠٠–٢:١٥ م"),
            ("zgh", T14, T1415, "14:00–14:15"),
        ],
        ids=["fr", "fr_CA", "en", "en-noon", "en_GB", "ar", "ar-noon", "ar_MA", "ar_EG", "zgh"],
    )
    def test_cldr_intervals(self, locale: str, start: dt.time, end: dt.time, expected: str) -> None:
        """CLDR interval formats, with the locale's own clock."""
        assert format_time_range(start, end, locale) == expected
        assert format_time_range(start, end, locale, "cldr") == expected

    @pytest.mark.parametrize(
        ("locale", "start", "end", "expected"),
        [
            ("fr", T14, T1415, "14h00 - 14h15"),
            ("fr_FR", dt.time(9, 0), dt.time(12, 30), "9h00 - 12h30"),
            ("fr-CA", T14, T1415, "14h00 - 14h15"),
            ("en", T14, T1415, "2:00\u2009–\u20092:15\u202fPM"),
            ("ar", T14, T1415, "14:00–14:15"),
            ("ar_MA", T14, T1415, "14:00–14:15"),
            ("ar_EG", T14, T1415, "١٤:٠٠–١٤:١٥"),
        ],
        ids=["seed-fr", "fr_FR", "fr-CA", "en", "ar", "ar_MA", "ar_EG"],
    )
    def test_programme_style(
        self, locale: str, start: dt.time, end: dt.time, expected: str
    ) -> None:
        """The seed's "14h00 - 14h15" in French; CLDR's interval elsewhere, 24-hour in Arabic."""
        assert format_time_range(start, end, locale, "programme") == expected

    def test_empty_range_is_one_time(self) -> None:
        """CLDR writes a range from a time to itself as that time."""
        assert format_time_range(T14, T14, "fr") == "14:00"

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [("fr", True), ("fr_CA", True), ("en", False), ("en_GB", True), ("ar", False),
         ("ar_MA", True), ("ar_EG", False), ("zgh", True)],
    )  # fmt: skip
    def test_clock_of_the_locale(self, locale: str, expected: bool) -> None:
        """The clock is read from the locale's short time pattern (quoted text ignored)."""
        assert uses_24_hour_clock(locale) is expected


class TestFormatDuration:
    @pytest.mark.parametrize(
        ("locale", "style", "expected"),
        [
            ("fr", "long", "1\xa0heure et 40 minutes"),
            ("fr", "short", "1\u202fh 40\xa0min"),
            ("fr", "narrow", "1h 40min"),
            ("en", "long", "1 hour and 40 minutes"),
            ("en", "short", "1 hr, 40 min"),
            ("en", "narrow", "1h 40m"),
            ("ar", "long", "ساعة و40 دقيقة"),
            ("ar", "short", "1 س، و40 د"),
            ("ar", "narrow", "1 س و40 د"),
            ("ar_MA", "long", "ساعة و40 دقيقة"),
            ("ar_EG", "long", "ساعة و٤٠ دقيقة"),
            ("zgh", "long", "1 h, 40 min"),
        ],
        ids=lambda v: v if isinstance(v, str) and len(v) < 8 else None,
    )
    def test_one_hour_forty_is_not_rounded(self, locale: str, style: str, expected: str) -> None:
        """1 h 40 is written exactly, in each unit length."""
        assert format_duration(H1M40, locale, style) == expected  # type: ignore[arg-type]

    def test_babel_format_timedelta_would_round(self) -> None:
        """The reason format_timedelta is not used: with its default threshold it rounds."""
        assert format_timedelta(H1M40, locale="fr") == "2\xa0heures"
        assert format_duration(H1M40, "fr") == "1\xa0heure et 40 minutes"

    @pytest.mark.parametrize(
        ("minutes", "fr", "en", "ar"),
        [
            (15, "15 minutes", "15 minutes", "15 دقيقة"),
            (45, "45 minutes", "45 minutes", "45 دقيقة"),
            (60, "1\xa0heure", "1 hour", "ساعة"),
            (120, "2\xa0heures", "2 hours", "ساعتان"),
            (0, "0 minute", "0 minutes", "0 دقيقة"),
        ],
        ids=["15min", "45min", "1h", "2h", "zero"],
    )
    def test_common_agenda_durations(self, minutes: int, fr: str, en: str, ar: str) -> None:
        """Usual slot lengths in the three languages; zero is in minutes (singular in French)."""
        td = dt.timedelta(minutes=minutes)
        assert (
            format_duration(td, "fr"),
            format_duration(td, "en"),
            format_duration(td, "ar"),
        ) == (
            fr,
            en,
            ar,
        )

    @pytest.mark.parametrize(
        ("amount", "unit", "category", "expected"),
        [
            (0, "minutes", "zero", "0 دقيقة"),
            (1, "minutes", "one", "دقيقة"),
            (2, "minutes", "two", "دقيقتان"),
            (3, "minutes", "few", "3 دقائق"),
            (11, "minutes", "many", "11 دقيقة"),
            (100, "hours", "other", "100 ساعة"),
            (1, "hours", "one", "ساعة"),
            (2, "hours", "two", "ساعتان"),
            (3, "hours", "few", "3 ساعات"),
            (11, "hours", "many", "11 ساعة"),
            (3, "seconds", "few", "3 ثوان"),
            (103, "hours", "few", "103 ساعات"),
        ],
        ids=[
            "0min",
            "1min",
            "2min",
            "3min",
            "11min",
            "100h",
            "1h",
            "2h",
            "3h",
            "11h",
            "3s",
            "103h",
        ],
    )
    def test_arabic_plural_forms(
        self, amount: int, unit: str, category: str, expected: str
    ) -> None:
        """Each Arabic unit takes the CLDR plural category of its number (zero, one, two, few,
        many, other): no digit for 1, the dual for 2, the plural for 3-10, singular from 11."""
        assert Locale("ar").plural_form(amount) == category
        assert format_duration(dt.timedelta(**{unit: amount}), "ar") == expected

    def test_one_hundred_minutes_in_arabic(self) -> None:
        """100 minutes is an hour and 40 minutes, whatever its plural category."""
        assert format_duration(dt.timedelta(minutes=100), "ar") == "ساعة و40 دقيقة"

    @pytest.mark.parametrize(
        ("td", "locale", "expected"),
        [
            (dt.timedelta(hours=2, minutes=2, seconds=3), "fr",
             "2\xa0heures, 2 minutes et 3\xa0secondes"),
            (dt.timedelta(hours=2, minutes=2, seconds=3), "en",
             "2 hours, 2 minutes, and 3 seconds"),
            (dt.timedelta(hours=2, minutes=2, seconds=3), "ar", "ساعتان ودقيقتان و3 ثوان"),
            (dt.timedelta(hours=1, minutes=1), "ar", "ساعة ودقيقة"),
            (dt.timedelta(seconds=30), "fr", "30\xa0secondes"),
            (dt.timedelta(days=1, hours=2), "fr", "26\xa0heures"),
            (dt.timedelta(hours=2, seconds=5), "en", "2 hours and 5 seconds"),
        ],
        ids=["hms-fr", "hms-en", "hms-ar", "1h1m-ar", "seconds", "over-a-day", "skip-zero-part"],
    )  # fmt: skip
    def test_parts(self, td: dt.timedelta, locale: str, expected: str) -> None:
        """Hours, minutes and seconds; zero parts left out; days counted in hours."""
        assert format_duration(td, locale) == expected

    def test_short_and_narrow_joins(self) -> None:
        """Short and narrow lengths use the locale's unit list patterns."""
        td = dt.timedelta(hours=2, minutes=2, seconds=3)
        assert format_duration(td, "fr", "short") == "2\u202fh 2\xa0min 3\u202fs"
        assert format_duration(td, "en", "short") == "2 hr, 2 min, 3 sec"
        assert format_duration(td, "ar", "short") == "2 س، و2 د، و3 ث"
        assert format_duration(td, "ar", "narrow") == "2 س و2 د و3 ث"

    @pytest.mark.parametrize(
        ("td", "message"),
        [
            (dt.timedelta(minutes=-5), "a duration cannot be negative: -1 day, 23:55:00"),
            (dt.timedelta(seconds=1.5), "durations are exact to the second, not 0:00:01.500000"),
        ],
        ids=["negative", "fraction"],
    )
    def test_refused_durations(self, td: dt.timedelta, message: str) -> None:
        """Negative durations and fractions of a second cannot be written exactly."""
        with pytest.raises(ValueError, match=f"^{message}$"):
            format_duration(td, "fr")

    def test_unknown_style(self) -> None:
        """Only long, short and narrow exist."""
        with pytest.raises(
            ValueError, match=r"^unknown style 'wide'; expected one of: long, narrow, short$"
        ):
            format_duration(H1M40, "fr", "wide")  # type: ignore[arg-type]


class TestFormatList:
    @pytest.mark.parametrize(
        ("locale", "one", "two", "three"),
        [
            ("fr", "Khalid", "Khalid et Sébastien", "Khalid, Sébastien et Emmanuelle"),
            ("en", "Khalid", "Khalid and Sébastien", "Khalid, Sébastien, and Emmanuelle"),
            ("en_GB", "Khalid", "Khalid and Sébastien", "Khalid, Sébastien and Emmanuelle"),
            (
                "ar",
                "Khalid",
                "Khalid و\u00a0Sébastien",
                "Khalid و\u00a0Sébastien و\u00a0Emmanuelle",
            ),
            ("ar_MA", "خالد", "خالد وسيباستيان", "خالد وسيباستيان وإيمانويل"),
            ("zgh", "Khalid", "Khalid, Sébastien", "Khalid, Sébastien, Emmanuelle"),
        ],
    )
    def test_one_two_three_names(self, locale: str, one: str, two: str, three: str) -> None:
        """One name alone; two with the locale's "and"; three with commas and "and"."""
        names = (["خالد", "سيباستيان", "إيمانويل"] if locale == "ar_MA"
                 else ["Khalid", "Sébastien", "Emmanuelle"])  # fmt: skip
        assert format_list(names[:1], locale) == one
        assert format_list(names[:2], locale) == two
        assert format_list(names, locale) == three

    def test_empty_list(self) -> None:
        """Nothing to list gives the empty string."""
        assert format_list([], "fr") == ""

    def test_any_iterable(self) -> None:
        """A generator or tuple is accepted."""
        assert format_list((n for n in ("A", "B")), "fr") == "A et B"

    @pytest.mark.parametrize("locale", ["fr", "en", "en_GB", "ar", "ar_MA", "zgh", "de", "ja"])
    @pytest.mark.parametrize("style", ["standard", "or"])
    @pytest.mark.parametrize("size", [1, 2, 3, 4])
    def test_same_as_babel_for_complete_styles(self, locale: str, style: str, size: int) -> None:
        """Where Babel's list data is complete, the result is babel.lists.format_list's (but for
        the no-break space after the Arabic و before a Latin name)."""
        items = ["A", "B", "C", "D"][:size]
        babel = babel_format_list(items, style, locale)  # type: ignore[arg-type]
        if locale.startswith("ar"):
            babel = babel.replace(" و", " و\u00a0")
        assert format_list(items, locale, style) == babel

    def test_the_arabic_and_before_a_latin_name(self) -> None:
        """و is joined to an Arabic word, and set apart from a Latin name by a no-break space:
        "وSébastien" would read as one word, and a line must not end after و."""
        assert format_list(["جهة ليموزان", "جهة مراكش آسفي"], "ar") == (
            "جهة ليموزان وجهة مراكش آسفي"
        )
        assert format_list(["خالد", "Sébastien Proeschel"], "ar_MA") == (
            "خالد و\u00a0Sébastien Proeschel"
        )
        assert format_list(["Sébastien", "إيمانويل"], "ar") == "Sébastien وإيمانويل"

    def test_two_items_when_cldr_has_no_two_item_pattern(self) -> None:
        """Arabic unit-short has no "2" pattern: Babel repeats the last item, we do not."""
        assert babel_format_list(["A", "B"], "unit-short", "ar") == "A، وB، وB"
        assert format_list(["A", "B"], "ar", "unit-short") == "A، و\u00a0B"
        assert format_list(["A", "B", "C"], "ar", "unit-short") == "A، و\u00a0B، و\u00a0C"

    def test_partial_style_is_completed(self) -> None:
        """French standard-narrow defines only its end patterns: Babel fails on three items."""
        with pytest.raises(KeyError):
            babel_format_list(["A", "B", "C"], "standard-narrow", "fr")  # type: ignore[arg-type]
        assert format_list(["A", "B", "C"], "fr", "standard-narrow") == "A, B, C"

    @pytest.mark.parametrize(
        ("style", "expected"),
        [
            ("standard", "A, B et C"),
            ("standard-short", "A, B et C"),
            ("standard-narrow", "A, B, C"),
            ("or", "A, B ou C"),
            ("or-short", "A, B ou C"),
            ("or-narrow", "A, B ou C"),
            ("unit", "A, B et C"),
            ("unit-short", "A, B et C"),
            ("unit-narrow", "A B C"),
        ],
    )
    def test_every_style_in_french(self, style: str, expected: str) -> None:
        """Every CLDR list style works, falling back along CLDR's aliases."""
        assert format_list(["A", "B", "C"], "fr", style) == expected  # type: ignore[arg-type]

    def test_unknown_style(self) -> None:
        """An unknown style is refused even for a list too short to need it."""
        with pytest.raises(ValueError, match=r"^unknown style 'and'; expected one of: or, "):
            format_list(["A"], "fr", "and")  # type: ignore[arg-type]

    def test_bad_locale(self) -> None:
        """A bad locale is refused even for an empty list."""
        with pytest.raises(LocaleError):
            format_list([], "xx")


class TestFormatNumber:
    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("fr", "1\u202f234\u202f567,5"),
            ("fr_CA", "1\xa0234\xa0567,5"),
            ("en", "1,234,567.5"),
            ("ar", "1,234,567.5"),
            ("ar_MA", "1.234.567,5"),
            ("ar_EG", "١٬٢٣٤٬٥٦٧٫٥"),
            ("fa", "۱٬۲۳۴٬۵۶۷٫۵"),
            ("zgh", "1\xa0234\xa0567,5"),
        ],
    )
    def test_separators_and_digits(self, locale: str, expected: str) -> None:
        """Latin digits in ar and ar_MA, Arabic-Indic in ar_EG, Persian digits in fa."""
        assert format_number(1234567.5, locale) == expected

    @pytest.mark.parametrize(
        ("number", "expected"),
        [(3, "3"), (Decimal("2.50"), "2,5"), (0.125, "0,125"), (-42, "-42")],
        ids=["int", "decimal", "float", "negative"],
    )
    def test_number_types(self, number: int | float | Decimal, expected: str) -> None:
        """Integers, floats and decimals."""
        assert format_number(number, "fr") == expected


class TestDigits:
    def test_every_cldr_default_numbering_system_is_known(self) -> None:
        """Each CLDR locale's default numbering system is Latin or one whose digits we write."""
        systems = {
            Locale.parse(i).default_numbering_system for i in localedata.locale_identifiers()
        }
        assert systems - {"latn"} <= set(_DIGIT_ZEROS)

    @pytest.mark.parametrize("system", sorted(_DIGIT_ZEROS))
    def test_digit_tables_are_decimal_digits(self, system: str) -> None:
        """The ten code points from each zero are the decimal digits 0-9."""
        zero = _DIGIT_ZEROS[system]
        assert [unicodedata.decimal(chr(zero + i)) for i in range(10)] == list(range(10))

    def test_list_items_are_never_changed(self) -> None:
        """Digits in the caller's list items stay as given, even in ar_EG."""
        assert format_list(["Salle 1", "Salle 2"], "ar_EG") == "Salle 1 و\u00a0Salle 2"
