"""Series of meetings: a recurrence rule, exceptions and moved occurrences, expanded."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from rrma_groups import check
from rrma_groups.examples import groupe_pays_maroc
from rrma_groups.messages import MESSAGES
from rrma_groups.model import MeetingStatus
from rrma_groups.model.series import Frequency, Recurrence, Series, SeriesError
from rrma_groups.problems import describe
from rrma_groups.pydantic_bridge import problems_from_pydantic
from strategies import rrule_texts
from typeset import typeset

P = pytest.param
D = dt.date
FEW = settings(max_examples=60, deadline=None)
QUARTERLY = "FREQ=MONTHLY;INTERVAL=3;BYDAY=1FR;COUNT=4"
BASE: dict[str, Any] = {
    "id": "gpmar-trimestre",
    "title": "Réunion trimestrielle du Groupe Pays Maroc",
    "recurrence": QUARTERLY,
    "first_date": "2017-01-06",
    "time": "14h00 - 17h30",
}


def series(**changes: Any) -> Series:
    return Series.model_validate({**BASE, **changes})


def refusal(**changes: Any) -> tuple[str, str, str]:
    """(code, location, message) of the first problem of a series with ``changes``."""
    with pytest.raises(ValidationError) as info:
        series(**changes)
    problem = problems_from_pydantic(info.value, Series)[0]
    return problem.code, problem.location, problem.message


class TestRecurrence:
    def test_the_first_friday_of_every_quarter(self) -> None:
        """A monthly rule every third month on the first Friday."""
        rule = Recurrence(frequency=Frequency.MONTHLY, interval=3, weekdays=("1FR",), count=4)
        assert rule.dates(D(2017, 1, 6)) == [
            D(2017, 1, 6),
            D(2017, 4, 7),
            D(2017, 7, 7),
            D(2017, 10, 6),
        ]
        assert rule.to_rrule_string() == "FREQ=MONTHLY;INTERVAL=3;COUNT=4;BYDAY=1FR"

    @pytest.mark.parametrize(
        ("text", "start"),
        [
            P(QUARTERLY, D(2017, 1, 6), id="quarterly"),
            P("RRULE:FREQ=MONTHLY;INTERVAL=3;BYDAY=1FR;COUNT=4", D(2017, 1, 6), id="prefix"),
            P("FREQ=YEARLY;BYMONTH=3,10;BYDAY=-1SA;COUNT=4", D(2017, 3, 25), id="last-saturday"),
            P("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=5", D(2017, 1, 31),
              id="last-working-day"),
            P("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20170401T000000Z", D(2017, 1, 3),
              id="until-in-utc"),
            P("FREQ=MONTHLY;BYMONTHDAY=15;UNTIL=20171231", D(2017, 1, 15), id="month-day"),
            P("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU;WKST=SU;COUNT=6", D(2017, 1, 1), id="week-start"),
            P("FREQ=DAILY;COUNT=3", D(2017, 1, 1), id="daily"),
        ],
    )  # fmt: skip
    def test_rrule_text_gives_the_dates_dateutil_gives(self, text: str, start: dt.date) -> None:
        """RFC 5545 text is read into fields that expand exactly as dateutil's rrulestr."""
        rule = Recurrence.from_rrule_string(text)
        expected = rrulestr(text, dtstart=dt.datetime.combine(start, dt.time()), ignoretz=True)
        assert rule.dates(start) == [moment.date() for moment in expected]
        assert Recurrence.from_rrule_string(rule.to_rrule_string()) == rule

    @pytest.mark.parametrize(
        ("data", "code", "message"),
        [
            P("FREQ=HOURLY", "unsupported_rrule_part",
              "the recurrence rule part 'FREQ=HOURLY' is not supported: meetings recur by day, "
              "with FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTH, BYMONTHDAY, BYSETPOS and WKST",
              id="hourly"),
            P("FREQ=MONTHLY;BYDAY=XX", "invalid_rrule",
              "cannot read the recurrence rule 'FREQ=MONTHLY;BYDAY=XX': invalid 'BYDAY': XX",
              id="bad-text"),
            P({"frequency": "weekly", "weekdays": ["1FR"]}, "positioned_weekday_frequency",
              "a weekday with a position (1FR) needs a monthly or yearly frequency, not weekly",
              id="position-weekly"),
            P({"frequency": "monthly", "weekdays": ["FRI"]}, "invalid_weekday_rule",
              "'FRI' is not a weekday rule: expected MO, TU, WE, TH, FR, SA or SU, maybe after a "
              "position such as 1FR (the first Friday) or -1MO (the last Monday)",
              id="bad-weekday"),
            P({"frequency": "monthly", "count": 3, "until": "2018-01-01"}, "count_and_until",
              "give either 'count' or 'until', not both", id="count-and-until"),
            P({"frequency": "monthly", "month_days": [0]}, "wrong_type",
              "expected a whole number from 1 to 31, or from -31 to -1, got 0", id="day-zero"),
            P("FREQ=DAILY;UNTIL=99999999999999999999", "invalid_rrule",
              "cannot read the recurrence rule 'FREQ=DAILY;UNTIL=99999999999999999999': Python "
              "int too large to convert to C long", id="until-overflow"),
            P("FREQ=DAILY;UNTIL=2017-12-31", "invalid_rrule",
              "cannot read the recurrence rule 'FREQ=DAILY;UNTIL=2017-12-31': invalid 'UNTIL': "
              "2017-12-31: expected a date such as 20171231, or 20171231T235959Z",
              id="until-with-dashes"),
            P("FREQ=DAILY;UNTIL=99991231", "date_out_of_range",
              "9999-12-31 is out of range: meetings and series are dated in the years 1800 to "
              "2200", id="until-9999"),
        ],
    )  # fmt: skip
    def test_rules_that_cannot_be_read(self, data: object, code: str, message: str) -> None:
        """Each refusal says what was written and what a rule may hold."""
        with pytest.raises(ValidationError) as info:
            Recurrence.model_validate(data)
        problem = problems_from_pydantic(info.value, Recurrence)[0]
        assert (problem.code, problem.message) == (code, message)

    @FEW
    @given(
        frequency=st.sampled_from(list(Frequency)),
        interval=st.integers(1, 4),
        months=st.lists(st.integers(1, 12), max_size=3, unique=True),
        weekdays=st.lists(st.sampled_from(["MO", "WE", "FR", "SA"]), max_size=2, unique=True),
        position=st.sampled_from([None, 1, 2, -1]),
        count=st.integers(1, 6),
    )
    def test_rrule_text_round_trip(
        self,
        frequency: Frequency,
        interval: int,
        months: list[int],
        weekdays: list[str],
        position: int | None,
        count: int,
    ) -> None:
        """to_rrule_string then from_rrule_string gives the same rule and the same dates."""
        if position is not None and frequency in (Frequency.MONTHLY, Frequency.YEARLY):
            weekdays = [f"{position}{day}" for day in weekdays]
        rule = Recurrence(
            frequency=frequency, interval=interval, months=months, weekdays=weekdays, count=count
        )
        text = rule.to_rrule_string()
        again = Recurrence.from_rrule_string(text)
        assert again == rule
        start = D(2017, 1, 2)
        expected = rrulestr(text, dtstart=dt.datetime.combine(start, dt.time()))
        assert again.dates(start) == [moment.date() for moment in expected]


class TestExpansion:
    def test_exceptions_moved_and_added_occurrences(self) -> None:
        """Skipped dates vanish; a moved one keeps its id; added dates join in order."""
        found = series(
            exceptions=["2017-04-07"],
            moved=[{"date": "2017-07-07", "to": "2017-07-10"}],
            added=["2017-12-15"],
        ).meetings()
        assert [(m.id, m.date, m.previous_date) for m in found] == [
            ("gpmar-trimestre-2017-01-06", D(2017, 1, 6), None),
            ("gpmar-trimestre-2017-07-07", D(2017, 7, 10), D(2017, 7, 7)),
            ("gpmar-trimestre-2017-10-06", D(2017, 10, 6), None),
            ("gpmar-trimestre-2017-12-15", D(2017, 12, 15), None),
        ]
        assert all((m.start, m.end) == (dt.time(14), dt.time(17, 30)) for m in found)

    def test_cancelled_occurrences_on_request(self) -> None:
        """include_cancelled lists the exceptions as cancelled meetings."""
        found = series(exceptions=["2017-04-07"]).meetings(include_cancelled=True)
        assert [(m.date, m.status) for m in found][:2] == [
            (D(2017, 1, 6), MeetingStatus.SCHEDULED),
            (D(2017, 4, 7), MeetingStatus.CANCELLED),
        ]

    def test_the_agenda_template_follows_a_new_start(self) -> None:
        """An occurrence moved to other hours (the same day or another) takes its programme."""
        agenda = groupe_pays_maroc().meeting("limoges-2016").agenda
        for to in ("2017-04-07", "2017-04-06"):
            found = series(
                agenda=agenda, moved=[{"date": "2017-04-07", "to": to, "start": "9h30"}]
            ).meetings()
            meeting = found[1]
            assert (meeting.date, meeting.start, meeting.end) == (
                dt.date.fromisoformat(to),
                dt.time(9, 30),
                dt.time(13, 0),
            )
            assert (meeting.agenda[0].start, meeting.agenda[-1].end) == (
                dt.time(9, 30),
                dt.time(13),
            )
            assert all(check(m).ok for m in found)

    @pytest.mark.parametrize(
        ("window", "dates"),
        [
            P({"since": "2017-04-01"}, [D(2017, 4, 7), D(2017, 7, 10), D(2017, 10, 6)],
              id="since"),
            P({"until": "2017-07-08"}, [D(2017, 1, 6), D(2017, 4, 7)], id="until"),
            P({"since": "2017-07-09", "until": "2017-07-31"}, [D(2017, 7, 10)],
              id="moved-into-the-window"),
            P({"limit": 2}, [D(2017, 1, 6), D(2017, 4, 7)], id="limit"),
        ],
    )  # fmt: skip
    def test_windows(self, window: dict[str, Any], dates: list[dt.date]) -> None:
        """since and until (both included) select by the date a meeting takes place."""
        moved = series(moved=[{"date": "2017-07-07", "to": "2017-07-10"}])
        assert [m.date for m in moved.meetings(**window)] == dates

    def test_a_rule_without_end_needs_a_window(self) -> None:
        """Without count or until, expanding needs until= or limit=."""
        endless = series(recurrence="FREQ=MONTHLY;INTERVAL=3;BYDAY=1FR")
        with pytest.raises(SeriesError) as info:
            endless.meetings()
        assert str(info.value) == (
            "the series 'gpmar-trimestre' has no end (no count, no until): give until= or limit="
        )
        assert [m.date for m in endless.meetings(limit=5)][-1] == D(2018, 1, 5)
        assert len(endless.meetings(until="2019-12-31")) == 12

    def test_one_meeting_by_its_date(self) -> None:
        """meeting_on finds an occurrence by the date it takes place or was scheduled."""
        moved = series(moved=[{"date": "2017-07-07", "to": "2017-07-10"}])
        assert moved.meeting_on("2017-07-07").date == D(2017, 7, 10)
        assert moved.meeting_on(D(2017, 7, 10)).id == "gpmar-trimestre-2017-07-07"
        with pytest.raises(SeriesError) as info:
            moved.meeting_on("2017-07-08")
        assert str(info.value) == "the series 'gpmar-trimestre' has no meeting on 2017-07-08"

    def test_dates_for_icalendar(self) -> None:
        """EXDATE holds the exceptions and the moved occurrences; RDATE where they went."""
        moved = series(
            exceptions=["2017-04-07"],
            moved=[{"date": "2017-07-07", "to": "2017-07-10"}],
            added=["2017-12-15"],
        )
        assert moved.exdates == (D(2017, 4, 7), D(2017, 7, 7))
        assert moved.rdates == (D(2017, 7, 10), D(2017, 12, 15))
        assert moved.recurrence.to_rrule_string() == QUARTERLY.replace(";BYDAY=1FR;COUNT=4", "") + (
            ";COUNT=4;BYDAY=1FR"
        )

    def test_a_structured_recurrence_in_a_file(self) -> None:
        """The recurrence may be a table of fields rather than RRULE text."""
        structured = series(
            recurrence={"frequency": "monthly", "interval": 3, "weekdays": ["1FR"], "count": 4}
        )
        assert structured.meetings() == series().meetings()


class TestRefusals:
    @pytest.mark.parametrize(
        ("changes", "expected"),
        [
            P({"first_date": "2017-01-02"}, ("not_an_occurrence", "first_date",
              "2017-01-02 is not a date of the series' rule; its first date after it is "
              "2017-01-06"), id="first-date"),
            P({"exceptions": ["2017-04-08"]}, ("not_an_occurrence", "exceptions",
              "2017-04-08 is not a date of the series' rule"), id="exception"),
            P({"exceptions": ["2017-04-07", "2017-04-07"]}, ("occurrence_twice", "exceptions",
              "2017-04-07 is listed twice in 'exceptions'"), id="twice"),
            P({"exceptions": ["2017-04-07"], "moved": [{"date": "2017-04-07", "to": "2017-04-10"}]},
              ("cancelled_and_moved", "moved", "2017-04-07 is both an exception and moved; keep "
               "one"), id="cancelled-and-moved"),
            P({"moved": [{"date": "2017-04-07", "to": "2017-07-07"}]},
              ("moved_onto_occurrence", "moved", "the occurrence of 2017-04-07 is moved to "
               "2017-07-07, which is already a date of the series"), id="moved-onto-another"),
            P({"added": ["2017-07-07"]}, ("added_occurrence", "added",
              "2017-07-07 is added, but it is already a date of the series' rule"), id="added"),
            P({"id": "x" * 54}, ("series_id_too_long", "id", f"the series id {'x' * 54!r} has 54 "
              "characters; at most 53, so that the ids of its meetings (id-YYYY-MM-DD) stay "
              "within 64"), id="long-id"),
            P({"agenda": [{"title": "A", "time": "14h - 15h", "day": "2017-01-06"}]},
              ("template_item_has_day", "agenda", "the agenda template of a series holds items "
               "of one day: item 0 has a day (2017-01-06)"), id="template-day"),
            P({"time": "17h - 14h"}, ("invalid_time_range", "", "cannot read '17h - 14h' as a "
              "time range: the end (14:00) must be after the start (17:00)"), id="time"),
        ],
    )  # fmt: skip
    def test_inconsistent_series(self, changes: dict[str, Any], expected: tuple[str, ...]) -> None:
        """Dates that are not the rule's, clashes and impossible ids are located errors."""
        assert refusal(**changes) == expected

    def test_a_moved_occurrence_may_take_a_freed_date(self) -> None:
        """Moving onto a date that is itself cancelled or moved away is fine."""
        swapped = series(
            exceptions=["2017-04-07"], moved=[{"date": "2017-01-06", "to": "2017-04-07"}]
        )
        assert [m.date for m in swapped.meetings()] == [
            D(2017, 4, 7),
            D(2017, 7, 7),
            D(2017, 10, 6),
        ]


class TestBoundedRules:
    """A rule is walked once, over the supported years and 10,000 dates at most."""

    @pytest.mark.parametrize(
        ("changes", "expected"),
        [
            P({"recurrence": "FREQ=MONTHLY;INTERVAL=3;BYDAY=1FR;UNTIL=99991231",
               "exceptions": ["9999-10-01"]},
              [("date_out_of_range", "recurrence.until", "9999-12-31 is out of range: meetings "
                "and series are dated in the years 1800 to 2200"),
               ("date_out_of_range", "exceptions[0]", "9999-10-01 is out of range: meetings and "
                "series are dated in the years 1800 to 2200")], id="until-9999"),
            P({"recurrence": "FREQ=DAILY;UNTIL=22001231", "exceptions": ["2200-12-30"]},
              [("too_many_occurrences", "recurrence.until", "the rule gives more than 10000 "
                "dates from 2017-01-06 to 2200-12-31; a series has at most 10000 meetings")],
              id="until-too-many"),
            P({"recurrence": "FREQ=DAILY;COUNT=10000", "first_date": "2195-01-01"},
              [("count_beyond_range", "recurrence.count", "the rule gives only 2191 of its "
                "10000 dates by 2200-12-31, the last day a series can have")],
              id="count-past-2200"),
            P({"recurrence": "FREQ=DAILY", "exceptions": ["2190-12-30"]},
              [("too_many_occurrences", "exceptions", "the rule gives more than 10000 dates "
                "from 2017-01-06 to 2190-12-30; a series has at most 10000 meetings")],
              id="endless-beyond-10000"),
            P({"moved": [{"date": "2017-04-07", "to": "9999-04-07"}]},
              [("date_out_of_range", "moved[0].to", "9999-04-07 is out of range: meetings and "
                "series are dated in the years 1800 to 2200")], id="moved-to-9999"),
            P({"first_date": "1799-12-06"},
              [("date_out_of_range", "first_date", "1799-12-06 is out of range: meetings and "
                "series are dated in the years 1800 to 2200")], id="first-date-1799"),
        ],
    )  # fmt: skip
    def test_refused_at_their_place(
        self, changes: dict[str, Any], expected: list[tuple[str, str, str]]
    ) -> None:
        """Dates out of the supported years and rules of too many dates are located errors."""
        with pytest.raises(ValidationError) as info:
            series(**changes)
        problems = problems_from_pydantic(info.value, Series)
        assert [(p.code, p.location, p.message) for p in problems] == expected

    def test_the_longest_series_is_checked_date_by_date(self) -> None:
        """10,000 dates with 1,500 changes: each is looked up, and the series expands."""
        every_3_days = "FREQ=DAILY;INTERVAL=3"
        dates = Recurrence.from_rrule_string(f"{every_3_days};COUNT=10000").dates(D(2017, 1, 6))
        longest = series(
            recurrence=f"{every_3_days};UNTIL={dates[-1]:%Y%m%d}",
            exceptions=dates[1::20],
            moved=[{"date": day, "to": day + dt.timedelta(days=1)} for day in dates[2::20]],
            added=[day + dt.timedelta(days=2) for day in dates[3::20]],
        )
        found = longest.occurrences(include_cancelled=True)
        assert len(longest.dates()) == len(dates) == 10_000
        assert [o.status for o in found].count("cancelled") == 500
        assert [o.status for o in found].count("moved") == 500
        assert [o.status for o in found].count("added") == 500
        assert (found[0].date, found[-1].date) == (D(2017, 1, 6), D(2099, 2, 22))
        assert longest.meeting_on(dates[-1]).date == dates[-1]

    def test_an_endless_rule_is_checked_far_ahead(self) -> None:
        """An exception 173 years ahead in an endless weekly rule is one of its dates."""
        endless = series(recurrence="FREQ=WEEKLY;BYDAY=FR", exceptions=["2190-12-24"])
        assert endless.recurrence.includes(D(2190, 12, 24), endless.first_date)
        assert not endless.recurrence.includes(D(2190, 12, 25), endless.first_date)
        assert len(endless.dates()) == 9_600
        assert endless.dates()[-1] == D(2200, 12, 26)

    @pytest.mark.parametrize(
        "rule",
        [
            P("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", id="30-february"),
            P("FREQ=MONTHLY;BYDAY=53FR", id="53rd-friday"),
            P("FREQ=MONTHLY;BYDAY=FR;BYSETPOS=366", id="366th-friday"),
            P("FREQ=MONTHLY;INTERVAL=12;BYMONTH=6", id="june-every-january"),
        ],
    )
    def test_rules_that_give_no_date(self, rule: str) -> None:
        """A rule without dates is walked to 2200 (dateutil walks on to 9999, or fails)."""
        assert Recurrence.from_rrule_string(rule).dates(D(2017, 1, 6), limit=1) == []
        assert refusal(recurrence=rule) == (
            "not_an_occurrence",
            "first_date",
            "2017-01-06 is not a date of the series' rule",
        )

    def test_weekdays_with_and_without_a_position(self) -> None:
        """BYDAY=MO,1FR: every Monday and the first Friday, as RFC 5545 says (dateutil: none)."""
        rule = Recurrence.from_rrule_string("FREQ=MONTHLY;BYDAY=MO,1FR;COUNT=7")
        assert rule.dates(D(2017, 1, 2)) == [
            D(2017, 1, 2),
            D(2017, 1, 6),
            D(2017, 1, 9),
            D(2017, 1, 16),
            D(2017, 1, 23),
            D(2017, 1, 30),
            D(2017, 2, 3),
        ]

    @settings(max_examples=200, deadline=None)
    @given(text=rrule_texts(), start=st.dates(D(2000, 1, 1), D(2030, 12, 31)))
    def test_the_dates_are_dateutil_s(self, text: str, start: dt.date) -> None:
        """The bounded walk gives the dates dateutil gives up to 2200, rule for rule."""
        expected = rrulestr(text, dtstart=dt.datetime.combine(start, dt.time()))
        dates = [moment.date() for moment in expected if moment.year <= 2200]
        assert Recurrence.from_rrule_string(text).dates(start) == dates


def latin_words(text: str) -> set[str]:
    """The runs of ASCII letters of a text: English words, or the Latin letters of data."""
    return set(re.findall(r"[A-Za-z]+", text))


class TestMessagesInFrenchAndArabic:
    """Series errors told in French and Arabic, fragments included ("; its first date...").

    A series refused by pydantic gives problems with the library's template and parameters (the
    series codes are merged into MESSAGES), so describe() translates them; a SeriesError tells
    itself with describe(lang).
    """

    @pytest.mark.parametrize(
        ("model", "data", "english", "french", "arabic", "fragments"),
        [
            P(Series, {**BASE, "first_date": "2017-01-02"},
              "2017-01-02 is not a date of the series' rule; its first date after it is "
              "2017-01-06",
              "2 janvier 2017 n'est pas une date de la règle de la série ; la date suivante de la "
              "règle est le 6 janvier 2017",
              "2 يناير 2017 ليس تاريخًا من تواريخ قاعدة السلسلة؛ والتاريخ الموالي في "
              "القاعدة هو 6 يناير 2017",
              "its first after it is", id="first-date-hint"),
            P(Series, {**BASE, "moved": [{"date": "2017-04-07", "to": "2017-07-07"}]},
              "the occurrence of 2017-04-07 is moved to 2017-07-07, which is already a date of "
              "the series",
              "la rencontre du 7 avril 2017 est déplacée au 7 juillet 2017, qui est déjà une date "
              "de la série",
              "نُقل موعد 7 أبريل 2017 إلى 7 يوليو 2017، وهو أصلًا تاريخ من "
              "تواريخ السلسلة",
              "occurrence moved already", id="moved-onto-another"),
            P(Series, {**BASE, "time": "14h00 - 25h"},
              "cannot read '14h00 - 25h' as a time range: the end time is wrong: hours go from "
              "0 to 23",
              "impossible de lire '14h00 - 25h' comme une plage horaire : l'heure de fin est "
              "incorrecte : les heures vont de 0 à 23",
              "تعذّرت قراءة '14h00 - 25h' كفترة زمنية: وقت الانتهاء غير صحيح: الساعات من 0 إلى "
              "23",
              "the end time is wrong hours go from", id="time-reason"),
            P(Series, {**BASE, "recurrence": "FREQ=DAILY;UNTIL=22001231"},
              "the rule gives more than 10000 dates from 2017-01-06 to 2200-12-31; a series has "
              "at most 10000 meetings",
              "la règle donne plus de 10000 dates du 6 janvier 2017 au 31 décembre 2200 ; une "
              "série compte au plus 10000 rencontres",
              "تعطي القاعدة أكثر من 10000 تاريخ من 6 يناير 2017 إلى 31 ديسمبر 2200؛ "
              "ولا تضم السلسلة أكثر من 10000 لقاء",
              "gives more than from has at most meetings", id="too-many-occurrences"),
            P(Series, {**BASE, "recurrence": "FREQ=DAILY;COUNT=10000", "first_date": "2195-01-01"},
              "the rule gives only 2191 of its 10000 dates by 2200-12-31, the last day a series "
              "can have",
              "la règle ne donne que 2191 de ses 10000 dates jusqu'au 31 décembre 2200, le dernier "
              "jour qu'une série peut avoir",
              "لا تعطي القاعدة إلا 2191 من تواريخها البالغ عددها 10000 حتى 31 ديسمبر 2200، "
              "وهو آخر يوم يمكن أن تبلغه سلسلة",
              "gives only of its by the last day can have", id="count-beyond-range"),
            P(Series, {**BASE, "first_date": "9999-12-03"},
              "9999-12-03 is out of range: meetings and series are dated in the years 1800 to "
              "2200",
              "3 décembre 9999 est hors limites : les rencontres et les séries sont datées de "
              "l'année 1800 à l'année 2200",
              "3 ديسمبر 9999 خارج النطاق: تواريخ اللقاءات والسلاسل من سنة 1800 إلى سنة "
              "2200",
              "is out of range meetings and series dated in years to", id="date-out-of-range"),
            P(Recurrence, {"frequency": "monthly", "month_days": [0]},
              "expected a whole number from 1 to 31, or from -31 to -1, got 0",
              "attendu : un nombre entier de 1 à 31, ou de -31 à -1 ; reçu : 0",
              "المتوقع: عدد صحيح من 1 إلى 31، أو من -31 إلى -1، والوارد: 0",
              "a whole number from or to", id="day-zero"),
        ],
    )  # fmt: skip
    def test_refusals(
        self,
        model: type[Series | Recurrence],
        data: dict[str, Any],
        english: str,
        french: str,
        arabic: str,
        fragments: str,
    ) -> None:
        """The exact sentence in each language; no English word of a fragment is left."""
        with pytest.raises(ValidationError) as info:
            model.model_validate(data)
        problem = problems_from_pydantic(info.value, model)[0]
        assert problem.message == english
        french, arabic = typeset(french, "fr"), typeset(arabic, "ar")
        assert (describe(problem, "fr"), describe(problem, "ar")) == (french, arabic)
        words = set(fragments.split())
        assert words <= latin_words(english)
        assert not words & latin_words(french)
        assert latin_words(arabic) <= {"h"}  # the "14h00 - 25h" quoted

    def test_the_series_codes_are_the_library_s(self) -> None:
        """A series refusal carries its template and values, not pydantic's English text."""
        with pytest.raises(ValidationError) as info:
            series(exceptions=["2017-04-08"])
        problem = problems_from_pydantic(info.value, Series)[0]
        assert problem.template == MESSAGES["not_an_occurrence"]
        assert problem.params == {"value": D(2017, 4, 8), "hint": ""}
        assert describe(problem, "fr") == "8 avril 2017 n’est pas une date de la règle de la série"

    @pytest.mark.parametrize(
        ("expand", "english", "french", "arabic"),
        [
            P(lambda: series(recurrence="FREQ=MONTHLY;INTERVAL=3;BYDAY=1FR").meetings(),
              "the series 'gpmar-trimestre' has no end (no count, no until): give until= or "
              "limit=",
              "la série 'gpmar-trimestre' n'a pas de fin (ni count, ni until) : indiquez until= "
              "ou limit=",
              "السلسلة 'gpmar-trimestre' بلا نهاية (لا count ولا until): حدّد until= أو limit=",
              id="unbounded"),
            P(lambda: series().meeting_on("2017-07-08"),
              "the series 'gpmar-trimestre' has no meeting on 2017-07-08",
              "la série 'gpmar-trimestre' n'a pas de rencontre le 8 juillet 2017",
              "لا لقاء للسلسلة 'gpmar-trimestre' يوم 8 يوليو 2017",
              id="no-such-occurrence"),
        ],
    )  # fmt: skip
    def test_series_errors(self, expand: Any, english: str, french: str, arabic: str) -> None:
        """A SeriesError is told in each language, its dates written for the locale."""
        with pytest.raises(SeriesError) as info:
            expand()
        error = info.value
        assert (str(error), error.describe()) == (english, english)
        french, arabic = typeset(french, "fr"), typeset(arabic, "ar")
        assert (error.describe("fr"), error.describe("ar")) == (french, arabic)
        problem = error.as_problem()
        assert (problem.code, problem.message, describe(problem, "fr")) == (
            error.code,
            english,
            french,
        )
