"""How rrma_groups.parsing.times reads times, time ranges, dates and durations written by people."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rrma_groups.errors import RrmaError, TimeParseError
from rrma_groups.parsing.times import (
    normalize_digits,
    parse_date,
    parse_duration,
    parse_time,
    parse_time_range,
)
from strategies import (
    DATE_STYLES,
    TIME_STYLES,
    ZEROS,
    dates,
    durations,
    in_script,
    time_ranges,
    timeparse_noise,
    times,
)

P = pytest.param
FEW = settings(max_examples=40, deadline=None)

# Invisible direction controls that Word, PDFs and RTL editors leave around numbers.
LRI, RLI, PDI, LRM, RLM, ALM = "\u2066", "\u2067", "\u2069", "\u200e", "\u200f", "\u061c"
NBSP, NNBSP = "\u00a0", "\u202f"


def refusal(func: object, text: object) -> TimeParseError:
    """The TimeParseError raised when reading ``text`` with ``func``."""
    assert callable(func)
    with pytest.raises(TimeParseError) as info:
        func(text)
    return info.value


class TestNormalizeDigits:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            P("14:00", "14:00", id="ascii-unchanged"),
            P("١٤:٠٠", "14:00", id="arabic-indic"),
            P("۱۴:۰۰", "14:00", id="eastern-arabic"),
            P("１４:００", "14:00", id="full-width"),
            P(f"{LRI}14h00{PDI}", "14h00", id="isolates"),
            P(f"{RLM}١٤{LRM}:{ALM}٠٠", "14:00", id="marks"),
            P("نونبر ٢٠١٦", "نونبر 2016", id="letters-kept"),
        ],
    )
    def test_digits_become_ascii_and_bidi_controls_vanish(self, text: str, expected: str) -> None:
        """Every decimal digit is written in ASCII; bidi marks and isolates are removed."""
        assert normalize_digits(text) == expected


class TestParseTime:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            P("14h00", time(14, 0), id="french"),
            P("14h", time(14, 0), id="french-hour-only"),
            P("14 h 30", time(14, 30), id="french-spaced"),
            P("14H30", time(14, 30), id="french-capital-h"),
            P("9h05", time(9, 5), id="one-digit-hour"),
            P("14 heures", time(14, 0), id="heures"),
            P("14:00", time(14, 0), id="colon"),
            P("14:00:00", time(14, 0), id="colon-seconds"),
            P("14:00:30", time(14, 0, 30), id="seconds-kept"),
            P("14.00", time(14, 0), id="dot"),
            P("0h00", time(0, 0), id="midnight-numeric"),
            P("23:59", time(23, 59), id="last-minute"),
            P("2pm", time(14, 0), id="pm"),
            P("2:30 pm", time(14, 30), id="pm-with-minutes"),
            P("2.30 p.m.", time(14, 30), id="p.m."),
            P("9 AM", time(9, 0), id="am-capitals"),
            P("12am", time(0, 0), id="12am-is-midnight"),
            P("12pm", time(12, 0), id="12pm-is-noon"),
            P("midi", time(12, 0), id="midi"),
            P("Minuit", time(0, 0), id="minuit"),
            P("noon", time(12, 0), id="noon"),
            P("midnight", time(0, 0), id="midnight"),
            P("منتصف الليل", time(0, 0), id="arabic-midnight"),
            P("١٤:٠٠", time(14, 0), id="arabic-indic"),
            P("١٤h٣٠", time(14, 30), id="arabic-indic-h"),
            P("۱۴:۰۰", time(14, 0), id="eastern-arabic"),
            P("１４：００", time(14, 0), id="full-width"),
            P(f" {NBSP}14h00{NNBSP} ", time(14, 0), id="nbsp-around"),
            P(f"{LRI}14:00{PDI}", time(14, 0), id="bidi-isolated"),
        ],
    )
    def test_reads_the_forms_used_in_programmes(self, text: str, expected: time) -> None:
        """Each written form gives the same naive time of day."""
        assert parse_time(text) == expected

    def test_result_is_naive_without_seconds_unless_written(self) -> None:
        """The time carries no time zone, and seconds only if the text had them."""
        result = parse_time("14h00")
        assert result.tzinfo is None
        assert (result.second, result.microsecond) == (0, 0)

    @pytest.mark.parametrize(
        ("text", "reason"),
        [
            P("9:5", "minutes need two digits, as in 9:05", id="one-digit-minutes"),
            P("14h5", "minutes need two digits, as in 9:05", id="one-digit-minutes-h"),
            P("25h00", "hours go from 0 to 23", id="hour-25"),
            P("14:60", "minutes go from 0 to 59", id="minute-60"),
            P("14:00:61", "seconds go from 0 to 59", id="second-61"),
            P("13pm", "with am or pm, hours go from 1 to 12", id="13pm"),
            P("0am", "with am or pm, hours go from 1 to 12", id="0am"),
            P("14", "expected a time such as 14h00, 14:00 or 2 pm", id="bare-number"),
            P("1400", "expected a time such as 14h00, 14:00 or 2 pm", id="military"),
            P("14:", "expected a time such as 14h00, 14:00 or 2 pm", id="dangling-colon"),
            P("hello", "expected a time such as 14h00, 14:00 or 2 pm", id="word"),
        ],
    )
    def test_refuses_what_it_cannot_read_and_says_why(self, text: str, reason: str) -> None:
        """A wrong time is refused with code invalid_time and a reason naming the rule."""
        error = refusal(parse_time, text)
        assert (error.code, error.reason) == ("invalid_time", reason)

    @pytest.mark.parametrize("text", ["24:00", "24h00", "24h"])
    def test_24_00_is_refused_with_advice(self, text: str) -> None:
        """24:00 is not a time of day: the reason says what to write instead."""
        error = refusal(parse_time, text)
        assert error.reason == (
            "24:00 is not a time of day; use 00:00 of the next day or end the item at 23:59"
        )

    @pytest.mark.parametrize("style", sorted(TIME_STYLES))
    @FEW
    @given(t=times())
    def test_every_supported_style_reads_back(self, style: str, t: time) -> None:
        """Any time written in a supported style reads back as itself."""
        assert parse_time(TIME_STYLES[style](t)) == t


class TestParseTimeRange:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            P("14h00 - 14h15", (time(14, 0), time(14, 15)), id="seed-opening"),
            P("15h30 - 16h00", (time(15, 30), time(16, 0)), id="seed-afternoon"),
            P("16h45 - 17h30", (time(16, 45), time(17, 30)), id="seed-closing"),
            P("14h00-14h15", (time(14, 0), time(14, 15)), id="hyphen-no-spaces"),
            P("14:00–14:15", (time(14, 0), time(14, 15)), id="en-dash"),
            P("14:00 — 14:15", (time(14, 0), time(14, 15)), id="em-dash"),
            P("14:00 − 14:15", (time(14, 0), time(14, 15)), id="minus-sign"),
            P("14:00 → 15:00", (time(14, 0), time(15, 0)), id="arrow"),
            P("14h à 14h15", (time(14, 0), time(14, 15)), id="a-grave"),
            P("de 14h à 15h30", (time(14, 0), time(15, 30)), id="de-a"),
            P("entre 14h et 15h", (time(14, 0), time(15, 0)), id="entre-et"),
            P("9-10h", (time(9, 0), time(10, 0)), id="bare-start-hour"),
            P("2pm to 3pm", (time(14, 0), time(15, 0)), id="english-to"),
            P("from 2 pm to 3:30 pm", (time(14, 0), time(15, 30)), id="from-to"),
            P("2-3 pm", (time(14, 0), time(15, 0)), id="shared-pm"),
            P("1:30-2:30 pm", (time(13, 30), time(14, 30)), id="start-borrows-pm"),
            P("11-1 pm", (time(11, 0), time(13, 0)), id="across-noon"),
            P("13:00-2 pm", (time(13, 0), time(14, 0)), id="24h-start-kept"),
            P("من ١٤:٠٠ إلى ١٥:٠٠", (time(14, 0), time(15, 0)), id="arabic-min-ila"),
            P("١٤:٠٠ - ١٥:٠٠", (time(14, 0), time(15, 0)), id="arabic-dash"),
            P(f"{RLI}14h00 - 14h15{PDI}", (time(14, 0), time(14, 15)), id="isolated"),
            P(
                f"{RLM}{LRI}14h00{PDI} - {LRI}14h15{PDI}{LRM}",
                (time(14, 0), time(14, 15)),
                id="each-time-isolated",
            ),
        ],
    )
    def test_reads_the_forms_used_in_programmes(
        self, text: str, expected: tuple[time, time]
    ) -> None:
        """Each written range gives its start and end times."""
        assert parse_time_range(text) == expected

    @pytest.mark.parametrize(
        ("text", "reason"),
        [
            P(
                "14h00 a 14h15",
                "expected a time range such as 14h00 - 14h15 or 2 pm to 3 pm",
                id="a-without-accent",
            ),
            P(
                "14h00",
                "only one time was given; expected a time range such as 14h00 - 14h15 or 2 pm "
                "to 3 pm",
                id="single-time",
            ),
            P(
                "14h - 15h - 16h",
                "expected a time range such as 14h00 - 14h15 or 2 pm to 3 pm",
                id="three-times",
            ),
            P("14h - 25h", "the end time is wrong: hours go from 0 to 23", id="bad-end"),
            P(
                "x - 14h",
                "the start time is wrong: expected a time such as 14h00, 14:00 or 2 pm",
                id="bad-start",
            ),
        ],
    )
    def test_refuses_what_it_cannot_read_and_says_why(self, text: str, reason: str) -> None:
        """A malformed range is refused with code invalid_time_range and says which part."""
        error = refusal(parse_time_range, text)
        assert (error.code, error.reason) == ("invalid_time_range", reason)

    @pytest.mark.parametrize(
        ("text", "reason"),
        [
            P("15h00 - 14h00", "the end (14:00) must be after the start (15:00)", id="reversed"),
            P("14h - 14h00", "the end (14:00) must be after the start (14:00)", id="empty"),
            P("23h - 1h", "the end (01:00) must be after the start (23:00)", id="past-midnight"),
        ],
    )
    def test_end_must_be_strictly_after_start(self, text: str, reason: str) -> None:
        """A range that does not move forward is time_range_not_increasing."""
        error = refusal(parse_time_range, text)
        assert (error.code, error.reason) == ("time_range_not_increasing", reason)

    @FEW
    @given(pair=time_ranges(), style=st.sampled_from(sorted(TIME_STYLES)))
    def test_any_increasing_range_reads_back(self, pair: tuple[time, time], style: str) -> None:
        """Two times written in one style and joined by an en dash read back as the pair."""
        start, end = pair
        text = f"{TIME_STYLES[style](start)} – {TIME_STYLES[style](end)}"
        assert parse_time_range(text) == pair


class TestParseDate:
    FRIDAY = date(2016, 11, 4)

    @pytest.mark.parametrize(
        "text",
        [
            P("04/11/2016", id="seed-day-first"),
            P("4/11/2016", id="day-first-short"),
            P("04-11-2016", id="day-first-hyphens"),
            P("04.11.2016", id="day-first-dots"),
            P("2016-11-04", id="iso"),
            P("2016/11/04", id="year-first-slashes"),
            P("4 novembre 2016", id="french"),
            P("4 Novembre 2016", id="french-capital"),
            P("vendredi 4 novembre 2016", id="french-weekday"),
            P("le vendredi 4 novembre 2016", id="french-le"),
            P("Vendredi, 04/11/2016", id="weekday-numeric"),
            P("4 nov. 2016", id="french-abbreviation"),
            P("4 November 2016", id="english"),
            P("November 4, 2016", id="english-month-first"),
            P("Friday 4 November 2016", id="english-weekday"),
            P("Friday, November 4th, 2016", id="english-ordinal"),
            P("الجمعة ٤ نونبر ٢٠١٦", id="arabic-moroccan"),
            P("يوم الجمعة ٤ نونبر ٢٠١٦م", id="arabic-yawm-and-mim"),
            P("٤ نوفمبر ٢٠١٦", id="arabic-egyptian"),
            P("4 تشرين الثاني 2016", id="arabic-levantine"),
            P("الجمعة 4 تشرين الثاني 2016", id="levantine-weekday"),
            P(f"{RLI}٤ نونبر ٢٠١٦{PDI}", id="arabic-isolated"),
        ],
    )
    def test_reads_the_friday_4_november_2016_in_every_form(self, text: str) -> None:
        """All these texts name the Limoges meeting day, 4 November 2016."""
        assert parse_date(text) == self.FRIDAY

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            P("1er novembre 2016", date(2016, 11, 1), id="premier"),
            P("1st November 2016", date(2016, 11, 1), id="first"),
            P("3 fevrier 2016", date(2016, 2, 3), id="no-accent"),
            P("3 FÉVRIER 2016", date(2016, 2, 3), id="capitals-accent"),
            P("15 août 2016", date(2016, 8, 15), id="aout-accent"),
            P("15 aout 2016", date(2016, 8, 15), id="aout-plain"),
            P("25 décembre 2016", date(2016, 12, 25), id="decembre"),
            P("29/02/2016", date(2016, 2, 29), id="leap-day"),
            P("1 ماي 2016", date(2016, 5, 1), id="maghreb-may"),
            P("1 مايو 2016", date(2016, 5, 1), id="egyptian-may"),
            P("1 أيار 2016", date(2016, 5, 1), id="levantine-may"),
            P("14 جويلية 2016", date(2016, 7, 14), id="algerian-july"),
            P("15 أوت 2016", date(2016, 8, 15), id="algerian-august"),
            P("15 غشت 2016", date(2016, 8, 15), id="moroccan-august"),
            P("25 كانون الأول 2016", date(2016, 12, 25), id="levantine-december"),
        ],
    )
    def test_reads_month_names_of_every_series(self, text: str, expected: date) -> None:
        """Month names are case- and accent-insensitive, in French, English and Arabic."""
        assert parse_date(text) == expected

    @pytest.mark.parametrize(
        ("text", "code", "reason"),
        [
            P(
                "04/11/16",
                "ambiguous_date",
                "write the year with four digits, as in 04/11/2016",
                id="two-digit-year",
            ),
            P(
                "4 novembre",
                "invalid_date",
                "the year is missing; write it with four digits, as in 4 novembre 2016",
                id="no-year-written",
            ),
            P(
                "04/11",
                "invalid_date",
                "the year is missing; write it with four digits, as in 04/11/2016",
                id="no-year-numeric",
            ),
            P("31/02/2016", "impossible_date", "February 2016 has 29 days", id="feb-31"),
            P("29/02/2017", "impossible_date", "February 2017 has 28 days", id="not-leap"),
            P("31/11/2016", "impossible_date", "November 2016 has 30 days", id="nov-31"),
            P("0/11/2016", "impossible_date", "days start at 1", id="day-zero"),
            P("31/13/2016", "impossible_date", "months go from 1 to 12", id="month-13"),
            P(
                "11/24/2016",
                "impossible_date",
                "months go from 1 to 12 (dates are read day first, as in 24/11/2016)",
                id="us-order",
            ),
            P(
                "samedi 4 novembre 2016",
                "weekday_mismatch",
                "4 November 2016 falls on a Friday, not a Saturday",
                id="wrong-weekday",
            ),
            P(
                "السبت ٤ نونبر ٢٠١٦",
                "weekday_mismatch",
                "4 November 2016 falls on a Friday, not a Saturday",
                id="wrong-arabic-weekday",
            ),
            P("4 novembr 2016", "invalid_date", "'novembr' is not a month name", id="typo"),
            P(
                "blah",
                "invalid_date",
                "expected a date such as 04/11/2016, 2016-11-04 or 4 November 2016",
                id="word",
            ),
        ],
    )
    def test_refuses_what_it_cannot_read_and_says_why(
        self, text: str, code: str, reason: str
    ) -> None:
        """A wrong date is refused with a precise code and a reason naming what is wrong."""
        error = refusal(parse_date, text)
        assert (error.code, error.reason) == (code, reason)

    @pytest.mark.parametrize("style", sorted(DATE_STYLES))
    @FEW
    @given(d=dates())
    def test_every_supported_style_reads_back(self, style: str, d: date) -> None:
        """Any date written day first, as ISO, in French or in Moroccan Arabic reads back."""
        assert parse_date(DATE_STYLES[style](d)) == d


class TestParseDuration:
    @pytest.mark.parametrize(
        ("value", "minutes"),
        [
            P(15, 15, id="int-is-minutes"),
            P("90", 90, id="digits-are-minutes"),
            P("15 min", 15, id="min"),
            P("15mn", 15, id="mn"),
            P("15 minutes", 15, id="minutes"),
            P("45 mins", 45, id="mins"),
            P("90'", 90, id="prime"),
            P("1h", 60, id="h"),
            P("1h30", 90, id="h-minutes"),
            P("1 h 40", 100, id="h-spaced"),
            P("2 heures", 120, id="heures"),
            P("1 heure 30", 90, id="heure-minutes"),
            P("une heure et demie", 90, id="heure-et-demie"),
            P("une demi-heure", 30, id="demi-heure"),
            P("1,5 h", 90, id="decimal-comma"),
            P("1:30", 90, id="clock"),
            P("PT1H30M", 90, id="iso"),
            P("PT45M", 45, id="iso-minutes"),
            P("1 hour 30 minutes", 90, id="english"),
            P("1 hour and 30 minutes", 90, id="english-and"),
            P("half an hour", 30, id="half-an-hour"),
            P("٤٥ دقيقة", 45, id="arabic-minutes"),
            P("ساعة", 60, id="arabic-hour"),
            P("ساعتان", 120, id="arabic-two-hours"),
            P("٣ ساعات", 180, id="arabic-hours-plural"),
            P("ساعة و٣٠ دقيقة", 90, id="arabic-hour-and-minutes"),
            P("ساعة ونصف", 90, id="arabic-hour-and-half"),
            P("نصف ساعة", 30, id="arabic-half-hour"),
        ],
    )
    def test_reads_the_forms_used_in_programmes(self, value: str | int, minutes: int) -> None:
        """Each written duration gives the same number of minutes."""
        assert parse_duration(value) == timedelta(minutes=minutes)

    @pytest.mark.parametrize(
        ("value", "reason"),
        [
            P(0, "a duration must be longer than zero", id="int-zero"),
            P(-5, "a duration must be longer than zero", id="int-negative"),
            P("0 min", "a duration must be longer than zero", id="zero"),
            P("-15 min", "a duration must be longer than zero", id="negative"),
            P("PT0M", "a duration must be longer than zero", id="iso-zero"),
            P("1h75", "minutes go from 0 to 59", id="too-many-minutes"),
            P("PT", "expected a duration such as 15 min, 1h30 or PT1H30M", id="iso-empty"),
            P("soon", "expected a duration such as 15 min, 1h30 or PT1H30M", id="word"),
            P("30 min 1 h", "expected a duration such as 15 min, 1h30 or PT1H30M", id="order"),
        ],
    )
    def test_refuses_what_it_cannot_read_and_says_why(self, value: str | int, reason: str) -> None:
        """A zero, negative or unreadable duration is refused with code invalid_duration."""
        error = refusal(parse_duration, value)
        assert (error.code, error.reason) == ("invalid_duration", reason)

    @FEW
    @given(length=durations())
    def test_minutes_and_iso_forms_read_back(self, length: timedelta) -> None:
        """Any whole-minute duration written as minutes, h+min or ISO 8601 reads back."""
        minutes = int(length.total_seconds()) // 60
        hours, rest = divmod(minutes, 60)
        assert parse_duration(minutes) == length
        assert parse_duration(f"{minutes} min") == length
        assert parse_duration(f"PT{hours}H{rest}M") == length
        if hours:
            assert parse_duration(f"{hours}h{rest:02d}") == length


PARSERS = [
    P(parse_time, "invalid_time", id="time"),
    P(parse_time_range, "invalid_time_range", id="range"),
    P(parse_date, "invalid_date", id="date"),
    P(parse_duration, "invalid_duration", id="duration"),
]


class TestErrors:
    @pytest.mark.parametrize(
        ("func", "text", "message"),
        [
            P(parse_time, "25h00", "cannot read '25h00': hours go from 0 to 23", id="time"),
            P(
                parse_time,
                "hello",
                "cannot read 'hello': expected a time such as 14h00, 14:00 or 2 pm",
                id="time-word",
            ),
            P(
                parse_time_range,
                "15h30 - 15h00",
                "cannot read '15h30 - 15h00': the end (15:00) must be after the start (15:30)",
                id="range",
            ),
            P(
                parse_date,
                "31/02/2016",
                "cannot read '31/02/2016': February 2016 has 29 days",
                id="date",
            ),
            P(
                parse_duration,
                "0 min",
                "cannot read '0 min': a duration must be longer than zero",
                id="duration",
            ),
        ],
    )
    def test_message_quotes_the_text_then_gives_the_reason(
        self, func: object, text: str, message: str
    ) -> None:
        """str(error) reads: cannot read '<text>': <reason>."""
        assert str(refusal(func, text)) == message

    @pytest.mark.parametrize("text", ["\u200f١٤س٠٠", "25h00", " 99:99 "])
    def test_text_is_the_original_input_unchanged(self, text: str) -> None:
        """The error keeps the input exactly as given, invisible characters included."""
        assert refusal(parse_time, text).text == text

    def test_errors_are_value_errors_of_the_library(self) -> None:
        """A TimeParseError is an RrmaError, hence a ValueError."""
        error = refusal(parse_time, "25h00")
        assert isinstance(error, RrmaError)
        assert isinstance(error, ValueError)

    @pytest.mark.parametrize(("func", "code"), PARSERS)
    @pytest.mark.parametrize("text", ["", "   ", NBSP, f"{LRI}{PDI}"])
    def test_empty_text_is_refused_clearly(self, func: object, code: str, text: str) -> None:
        """Empty or blank text is refused with a reason starting 'the text is empty'."""
        error = refusal(func, text)
        assert error.code == code
        assert error.reason.startswith("the text is empty; expected a")

    @pytest.mark.parametrize(("func", "code"), PARSERS)
    @pytest.mark.parametrize("value", [None, 14.5, b"14h00", ["14h00"]], ids=repr)
    def test_values_that_are_not_text_are_refused_not_crashed_on(
        self, func: object, code: str, value: object
    ) -> None:
        """Non-text input raises TimeParseError (never TypeError) with the function's code."""
        error = refusal(func, value)
        assert error.code == code
        assert error.reason == f"expected a string, not {type(value).__name__}"

    def test_a_boolean_is_not_a_number_of_minutes(self) -> None:
        """True is refused rather than read as one minute."""
        assert refusal(parse_duration, True).code == "invalid_duration"

    @pytest.mark.parametrize(("func", "code"), PARSERS)
    @pytest.mark.parametrize("text", ["1" * 201, "14h00 - " * 40, "-" * 10_000])
    def test_long_text_is_refused_at_once(self, func: object, code: str, text: str) -> None:
        """More than 200 characters is refused before any pattern is tried."""
        error = refusal(func, text)
        assert error.code == code
        assert error.reason.startswith("the text is longer than 200 characters")

    @pytest.mark.parametrize(("func", "code"), PARSERS)
    @pytest.mark.parametrize(
        "text", ["1" * 200, "1 " * 100, "1:" * 100, "a " * 100, "-" * 200, "1h" * 100]
    )
    def test_pathological_text_up_to_the_limit_is_refused(
        self, func: object, code: str, text: str
    ) -> None:
        """Long repetitive text within the limit is refused (quickly: no regex blow-up)."""
        assert refusal(func, text).code == code

    @settings(max_examples=150, deadline=None)
    @given(text=st.one_of(st.text(max_size=60), timeparse_noise()))
    def test_any_text_is_read_or_refused_with_time_parse_error(self, text: str) -> None:
        """Whatever the text, each parser returns a value or raises TimeParseError, nothing else."""
        for func in (parse_time, parse_time_range, parse_date, parse_duration):
            error: TimeParseError | None = None
            try:
                func(text)
            except TimeParseError as exc:
                error = exc
            if error is not None:
                assert (error.text, bool(error.reason)) == (text, True)

    @FEW
    @given(t=times(), zero=st.sampled_from(sorted(ZEROS.values())))
    def test_digits_of_any_script_read_like_ascii(self, t: time, zero: str) -> None:
        """Arabic-Indic, Eastern Arabic and full-width digits read like ASCII ones."""
        assert parse_time(in_script(f"{t.hour}h{t.minute:02d}", zero)) == t
