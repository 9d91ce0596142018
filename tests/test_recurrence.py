"""The bounded expansion of recurrence rules, and RRULE text read into a rule's fields."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic_core import PydanticCustomError

from rrma_groups.model.recurrence import (
    FREQUENCIES,
    LAST_DAY,
    MAX_OCCURRENCES,
    expand,
    parse_rrule,
    rule_dates,
    stop_day,
)
from rrma_groups.model.series import Frequency, Recurrence

P = pytest.param
FRIDAY = dt.date(2017, 1, 6)


class TestExpand:
    @pytest.mark.parametrize(
        ("rule", "dates"),
        [
            P("FREQ=MONTHLY;INTERVAL=3;BYDAY=1FR;COUNT=3",
              [FRIDAY, dt.date(2017, 4, 7), dt.date(2017, 7, 7)], id="first-friday-of-a-quarter"),
            P("FREQ=WEEKLY;BYDAY=MO,FR;COUNT=3",
              [FRIDAY, dt.date(2017, 1, 9), dt.date(2017, 1, 13)], id="two-weekdays"),
            P("FREQ=MONTHLY;BYDAY=MO,1FR;UNTIL=20170110",
              [FRIDAY, dt.date(2017, 1, 9)], id="with-and-without-a-position"),
            P("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", [], id="no-date-at-all"),
        ],
    )  # fmt: skip
    def test_dates_from_the_first(self, rule: str, dates: list[dt.date]) -> None:
        """The dates of the rule from its first date, in order, up to its end."""
        recurrence = Recurrence.from_rrule_string(rule)
        assert list(expand(recurrence, FRIDAY, stop_day(recurrence))) == dates

    def test_an_endless_rule_stops_at_the_last_day_a_meeting_can_have(self) -> None:
        """Without UNTIL, a rule is walked to 31 December of the last year, no further."""
        recurrence = Recurrence.from_rrule_string("FREQ=YEARLY")
        assert stop_day(recurrence) == LAST_DAY
        assert list(expand(recurrence, FRIDAY, stop_day(recurrence)))[-1].year == LAST_DAY.year


class TestRuleDates:
    def test_at_most_the_first_ten_thousand(self) -> None:
        """An endless daily rule keeps its first 10,000 dates and says that more follow."""
        found = rule_dates(Recurrence.from_rrule_string("FREQ=DAILY"), FRIDAY)
        assert len(found.dates) == MAX_OCCURRENCES
        assert found.more

    def test_dates_are_looked_up(self) -> None:
        """A date is in the rule or not; the next date after any day is found."""
        found = rule_dates(Recurrence.from_rrule_string("FREQ=WEEKLY;COUNT=3"), FRIDAY)
        assert dt.date(2017, 1, 13) in found
        assert dt.date(2017, 1, 14) not in found
        assert found.after(dt.date(2017, 1, 7)) == dt.date(2017, 1, 13)
        assert found.after(dt.date(2017, 1, 20)) is None
        assert found.known(dt.date(2030, 1, 1))


class TestParseRrule:
    @pytest.mark.parametrize(
        ("text", "fields"),
        [
            P("FREQ=MONTHLY;INTERVAL=3;BYDAY=1FR",
              {"frequency": "monthly", "interval": 3, "weekdays": ["1FR"]}, id="parts"),
            P("RRULE:FREQ=YEARLY;BYMONTH=3,10;UNTIL=20171231T235959Z",
              {"frequency": "yearly", "months": ["3", "10"], "until": dt.date(2017, 12, 31)},
              id="prefix-list-and-until"),
        ],
    )  # fmt: skip
    def test_fields(self, text: str, fields: dict[str, Any]) -> None:
        """Each part of the text becomes the field that names it in words."""
        assert parse_rrule(text) == fields

    @pytest.mark.parametrize(
        ("text", "code"),
        [
            P("FREQ=HOURLY", "unsupported_rrule_part", id="by-the-hour"),
            P("FREQ=DAILY;BYHOUR=9", "unsupported_rrule_part", id="a-part-not-kept"),
            P("FREQ=SOMETIMES", "invalid_rrule", id="not-rrule-text"),
        ],
    )
    def test_refused(self, text: str, code: str) -> None:
        """What dateutil cannot read, and what a series of meetings cannot hold, is refused."""
        with pytest.raises(PydanticCustomError) as caught:
            parse_rrule(text)
        assert caught.value.type == code

    def test_the_frequencies_are_the_model_s(self) -> None:
        """The expander reads the frequencies the model offers."""
        assert tuple(f.value for f in Frequency) == FREQUENCIES
