"""The errors of calendars read here, and the words of their errors and warnings."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...errors import RrmaError
from ...i18n.catalog import N_

__all__ = ["MESSAGES", "IcalError", "shorten"]

MESSAGES: dict[str, str] = {
    # --- errors (IcalError) ---
    "ical_encoding": N_("the calendar is not UTF-8 text: {reason}"),
    "ical_syntax": N_("the calendar cannot be read: {reason}"),
    "ical_empty": N_("the document is empty; an iCalendar document starts with BEGIN:VCALENDAR"),
    "ical_not_a_calendar": N_(
        "not an iCalendar document: it starts with {text!r}, not with BEGIN:VCALENDAR"
    ),
    "ical_not_a_content_line": N_("{text!r} is not a content line (NAME:value)"),
    "ical_after_the_end": N_("{text!r} comes after the end of the calendar"),
    "ical_folded_first_line": N_("the document starts with a folded line (a space first)"),
    "ical_too_deep": N_("components are nested more than {depth} deep"),
    "ical_unclosed": N_("BEGIN:{name} is never closed: END:{name} is missing"),
    "ical_unexpected_end": N_(
        "END:{name} does not match the BEGIN:{open} of line {open_line}; END:{open} expected"
    ),
    "ical_broken_property": N_("event {uid!r}: {name} cannot be read: {reason}"),
    "ical_missing_summary": N_("event {uid!r} has no SUMMARY; a meeting or an item needs a title"),
    "ical_missing_start": N_("event {uid!r} has no DTSTART; a meeting or an item needs a date"),
    "ical_end_before_start": N_("event {uid!r} ends at {end}, before it starts at {start}"),
    "ical_out_of_range": N_(
        "event {uid!r}: {name} {value} is out of range: meetings are dated in the years {min} "
        "to {max}"
    ),
    "ical_item_spans_days": N_(
        "event {uid!r} is an item of {parent!r} but runs from {start} to {end}; "
        "an agenda item starts and ends on the same day"
    ),
    "ical_duplicate_uid": N_("event {uid!r} appears twice (first at line {first})"),
    "ical_invalid_event": N_("event {uid!r} cannot be read as a meeting: {where}: {reason}"),
    "ical_invalid_timezone": N_(
        "{value!r} is not an IANA timezone (such as Europe/Paris or Africa/Casablanca)"
    ),
    # --- warnings (ImportedCalendar.warnings) ---
    "ical_recurrence": N_(
        "event {uid!r} repeats ({rule}); only its first occurrence, on {date}, is read"
    ),
    "ical_recurrence_override": N_(
        "event {uid!r} changes one occurrence of a repeating event; it is skipped"
    ),
    "ical_floating_time": N_("event {uid!r} has no timezone; its times are read in {timezone}"),
    "ical_unknown_timezone": N_(
        "event {uid!r} uses the timezone {tzid!r}, which is not an IANA timezone; "
        "its times are converted to {timezone}"
    ),
    "ical_undefined_timezone": N_(
        "event {uid!r} uses the timezone {tzid!r}, which is neither an IANA timezone nor "
        "defined in the calendar; its times are read in {timezone}"
    ),
    "ical_unknown_parent": N_(
        "event {uid!r} belongs to {parent!r}, which is not in the calendar; "
        "it is read as a meeting of its own"
    ),
    "ical_not_an_item": N_(
        "event {uid!r} belongs to {parent!r} but {reason}; it is read as a meeting of its own"
    ),
    "ical_repeated_property": N_(
        "event {uid!r}: {name} appears {count} times; only the first one is read"
    ),
    "ical_ignored_property": N_("event {uid!r}: {name} cannot be read ({reason}); it is ignored"),
    "ical_text_truncated": N_(
        "event {uid!r}: {name} has {length} characters; only the first {max_length} are kept"
    ),
    "ical_no_uid": N_("an event has no UID; it is read as {uid!r}"),
}
"""Message templates of the calendar errors and warnings, by code (English; gettext ids)."""


class IcalError(RrmaError):
    """An iCalendar document that cannot be read: where (line, event UID) and what."""

    def __init__(
        self,
        code: str,
        *,
        line: int | None = None,
        uid: str | None = None,
        source: str | None = None,
        **params: Any,
    ) -> None:
        self.code = code
        self.line = line
        self.uid = uid
        self.source = source
        self.params: dict[str, Any] = {"uid": uid, **params}
        self.reason = _fill(MESSAGES[code], self.params)
        where = source or "<calendar>"
        if line is not None:
            where += f":{line}"
        super().__init__(f"{where}: {self.reason}")


def _fill(template: str, params: Mapping[str, Any]) -> str:
    from ...errors import render_template

    return render_template(template, params)


def shorten(text: str, limit: int = 40) -> str:
    """``text`` as a message quotes it: cut to ``limit`` characters, with "…" where it is cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
