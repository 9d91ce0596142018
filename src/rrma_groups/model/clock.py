"""Times of day counted in seconds since midnight, as re-timing, series and calendars count them."""

from __future__ import annotations

import datetime as dt

__all__ = ["seconds_of_day", "time_of_day"]


def seconds_of_day(t: dt.time) -> int:
    """The seconds from midnight to ``t`` (its microseconds left out).

    >>> seconds_of_day(dt.time(14, 30))
    52200
    """
    return t.hour * 3600 + t.minute * 60 + t.second


def time_of_day(seconds: int) -> dt.time:
    """The time ``seconds`` after midnight, within the day (0 to 86,399).

    >>> time_of_day(52200)
    datetime.time(14, 30)
    """
    hours, rest = divmod(seconds, 3600)
    return dt.time(hours, rest // 60, rest % 60)
