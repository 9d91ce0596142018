"""Hypothesis strategies shared by the tests.

Each section belongs to one module under test; add new sections below the existing ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from hypothesis import strategies as st

# ============================================================================================
# rrma_groups.timeparse: times, dates and durations, and the ways people write them
# ============================================================================================

ZEROS = {"arabic-indic": "\u0660", "eastern-arabic": "\u06f0", "full-width": "\uff10"}
"""The digit zero of each non-ASCII script that programmes use (the nine others follow it)."""

FRENCH_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
MOROCCAN_MONTHS = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ماي",
    "يونيو",
    "يوليوز",
    "غشت",
    "شتنبر",
    "أكتوبر",
    "نونبر",
    "دجنبر",
)


def in_script(text: str, zero: str) -> str:
    """``text`` with its ASCII digits written in the script whose zero is ``zero``."""
    return text.translate({ord("0") + i: chr(ord(zero) + i) for i in range(10)})


def _twelve_hour(t: dt.time) -> str:
    return f"{t.hour % 12 or 12}:{t.minute:02d} {'am' if t.hour < 12 else 'pm'}"


TIME_STYLES: dict[str, Callable[[dt.time], str]] = {
    "french": lambda t: f"{t.hour}h{t.minute:02d}",
    "french-spaced": lambda t: f"{t.hour} h {t.minute:02d}",
    "24-hour": lambda t: f"{t.hour:02d}:{t.minute:02d}",
    "arabic-indic": lambda t: in_script(f"{t.hour:02d}:{t.minute:02d}", ZEROS["arabic-indic"]),
    "12-hour": _twelve_hour,
}
"""Ways of writing a time of day, each of which parse_time reads back exactly."""

DATE_STYLES: dict[str, Callable[[dt.date], str]] = {
    "day-first": lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    "iso": lambda d: d.isoformat(),
    "french": lambda d: f"{d.day} {FRENCH_MONTHS[d.month - 1]} {d.year}",
    "moroccan": lambda d: in_script(
        f"{d.day} {MOROCCAN_MONTHS[d.month - 1]} {d.year}", ZEROS["arabic-indic"]
    ),
}
"""Ways of writing a date, each of which parse_date reads back exactly."""


def times() -> st.SearchStrategy[dt.time]:
    """Times of day to the minute, without seconds, as agendas give them."""
    return st.builds(dt.time, hour=st.integers(0, 23), minute=st.integers(0, 59))


def time_ranges() -> st.SearchStrategy[tuple[dt.time, dt.time]]:
    """Pairs of times of day whose end is strictly after their start."""
    return st.lists(times(), min_size=2, max_size=2, unique=True).map(
        lambda pair: (min(pair), max(pair))
    )


def dates() -> st.SearchStrategy[dt.date]:
    """Calendar dates whose year has four digits."""
    return st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))


def durations() -> st.SearchStrategy[dt.timedelta]:
    """Positive whole-minute durations up to a day."""
    return st.integers(1, 24 * 60).map(lambda minutes: dt.timedelta(minutes=minutes))


def timeparse_noise() -> st.SearchStrategy[str]:
    """Short texts made of the characters times and dates are written with, in any order."""
    return st.text(
        alphabet="0123456789 :h.-–àapmPTM/'١٤۱nové,ريساعةو\u200f\u2066\u00a0",
        max_size=30,
    )
