"""Every message of the library, by code: the one registry of templates.

Each code maps to one English template with ``{named}`` placeholders. The same template is the
gettext message id, so a message is translated by its code and its parameters are formatted for
the reader's locale afterwards (see :meth:`rrma_groups.errors.RrmaError.describe` and
:meth:`rrma_groups.problems.Problem.describe`). Codes are stable: a released code is never
renamed. A few codes have other wordings, in :data:`WORDINGS`, where a translation needs a whole
sentence (one error or several, the item itself or another one).

The fragments messages are built from (:class:`Msg`, :func:`NN_`, :func:`listing`...) are in
:mod:`rrma_groups.message_parts`, and named here again: ``from rrma_groups.messages import Msg``
works as it always has. This module depends on nothing of the package but the catalogs and
those fragments, so that every layer, the lowest included, takes its words from here.
"""

from __future__ import annotations

from typing import Final

from .i18n.catalog import N_
from .message_parts import (
    AND,
    COMMA,
    COUNTED,
    KIND_NAMES,
    LANE_PLENARY,
    MAX_SHOWN,
    NN_,
    NONE,
    PLURALS,
    SEMICOLON,
    WARNING_PREFIX,
    Count,
    DayClock,
    Msg,
    Named,
    Span,
    joined,
    lane_name,
    listing,
    render_template,
    time_text,
)

__all__ = [
    "AND",
    "COMMA",
    "COUNTED",
    "KIND_NAMES",
    "LANE_PLENARY",
    "MAX_SHOWN",
    "MESSAGES",
    "NN_",
    "NONE",
    "PLURALS",
    "SEMICOLON",
    "WARNING_PREFIX",
    "WORDINGS",
    "Count",
    "DayClock",
    "Msg",
    "Named",
    "Span",
    "joined",
    "lane_name",
    "listing",
    "render_template",
    "template_of",
    "time_text",
]

_CANNOT_READ: Final = N_("cannot read {value!r}: {reason}")

MESSAGES: Final[dict[str, str]] = {
    # --- structure (raised while reading a file) ---
    "missing": N_("this field is required"),
    "unknown_field": N_("unknown field {field!r}"),
    "unknown_field_suggestion": N_("unknown field {field!r}; did you mean {suggestion!r}?"),
    "wrong_type": N_("expected {expected}, got {got}"),
    "invalid_choice": N_("{value!r} is not one of: {choices}"),
    "invalid_room": N_(
        "{value!r} is not the id of a room: declare the room under the meeting's venue, with "
        'an id and a name ([[meetings.venue.rooms]] id = "{suggestion}" name = "{value}"), '
        'then write room = "{suggestion}" in the item'
    ),
    "invalid_choice_suggestion": N_(
        "{value!r} is not one of: {choices}; did you mean {suggestion!r}?"
    ),
    "too_long": NN_(
        "text is too long: {length} character, at most {max_length}",
        "text is too long: {length} characters, at most {max_length}",
        counting="length",
    ),
    "too_short": N_("at least {min_length} entries needed"),
    "too_small": N_("must be at least {min}"),
    "schema_version": N_(
        "schema_version {value!r} is not supported; this version reads {supported}"
    ),
    # --- files (refused before their content is read; located by the file's name) ---
    "file_too_large": NN_(
        "the file is larger than {limit} byte, the most that is read",
        "the file is larger than {limit} bytes, the most that is read",
        counting="limit",
    ),
    "not_a_file": N_("is {kind}, not a file"),
    # --- values ---
    "invalid_id": N_(
        "{value!r} is not a valid id: use letters, digits, '-', '_' or '.', "
        "starting with a letter or digit, at most 64 characters"
    ),
    "invalid_country": N_("{value!r} is not an ISO 3166-1 alpha-2 country code (such as FR or MA)"),
    "invalid_subdivision": N_("{value!r} is not an ISO 3166-2 code (such as FR-NAQ or MA-07)"),
    "unknown_subdivision": N_("{value!r} is not a region of {country}; known codes: {known}"),
    "invalid_language": N_("{value!r} is not a language code (such as fr, ar, ar-MA or en)"),
    "invalid_timezone": N_(
        "{value!r} is not an IANA timezone (such as Europe/Paris or Africa/Casablanca)"
    ),
    "invalid_siren": N_("{value!r} is not a valid SIREN: {reason}"),
    "invalid_siret": N_("{value!r} is not a valid SIRET: {reason}"),
    "invalid_rna": N_("{value!r} is not a valid RNA number: expected W followed by 9 digits"),
    "invalid_email": N_("{value!r} is not an e-mail address"),
    "invalid_url": N_("{value!r} is not a web address starting with http:// or https://"),
    "invalid_year": N_("{value!r} is not a year between {min} and {max}"),
    "date_out_of_range": N_(
        "{value} is out of range: meetings and series are dated in the years {min} to {max}"
    ),
    "invalid_time": N_("cannot read {value!r} as a time of day: {reason}"),
    "invalid_date": N_("cannot read {value!r} as a date: {reason}"),
    "invalid_duration": N_("cannot read {value!r} as a duration: {reason}"),
    "invalid_time_range": N_("cannot read {value!r} as a time range: {reason}"),
    "control_character": N_(
        "text contains the control character {char} at position {position}; "
        "remove it (line breaks are not allowed here)"
    ),
    "bidi_override": N_(
        "text contains the bidirectional override {char} at position {position}; "
        "it can disguise text and is not allowed"
    ),
    "empty_text": N_("text is empty: it has no visible character"),
    "duplicate_language": N_(
        "the keys {first!r} and {value!r} name the same language ({language}); keep one text"
    ),
    "invalid_facilitator": N_("a facilitator needs exactly one of 'person', 'actor' or 'role'"),
    "time_and_duration": N_("give either 'end' or 'duration', not both"),
    "time_range_and_times": N_("give either 'time' or 'start'/'end', not both"),
    "aware_time": N_(
        "{value!r} has a UTC offset; write local times, the meeting's timezone applies"
    ),
    "time_not_whole_minute": N_(
        "{value!r} is not a whole minute: times are given to the minute, such as 14:00"
    ),
    "end_before_start": N_("ends at {end}, which is not after its start at {start}"),
    "end_date_before_date": N_("ends on {end_date}, which is before its first day {date}"),
    # --- cross-object checks: errors ---
    "duplicate_id": N_("id {value!r} is already used at {first}"),
    "duplicate_id_case": N_(
        "id {value!r} is already used at {first}, written {other!r}: ids that differ only in "
        "case are the same id"
    ),
    "unknown_reference": N_("no {kind} has the id {value!r}; known ids: {known}"),
    "unknown_reference_suggestion": N_(
        "no {kind} has the id {value!r}; did you mean {suggestion!r}? Ids are matched exactly, "
        "case included"
    ),
    # TRANSLATORS: {span} reads "on 4 November 2016, from 14:00 to 17:30".
    "item_outside_meeting": N_("{value} is outside the meeting, which takes place {span}"),
    # TRANSLATORS: {span} reads "on 4 November 2016" or "from 4 to 5 November 2016".
    "item_day_outside_meeting": N_(
        "{value} is not one of the meeting's days: it takes place {span}"
    ),
    "overlap": N_("overlaps {other_title!r} ({other_start}–{other_end}) at {other} in {lane}"),
    "open_end_not_last": N_(
        "has no end, but another item follows it in {lane}; give an end or a duration"
    ),
    # --- cross-object checks: warnings ---
    "successor_without_dissolution": N_("a successor is given but no dissolution date"),
    "gap": NN_(
        "{minutes} minute gap before this item, after {previous_title!r} ended at {previous_end}",
        # English writes "a 10 minute gap" whatever the number: its two forms are the same.
        "{minutes} minute gap before this item, after {previous_title!r} ended at {previous_end}",
        counting="minutes",
    ),
    "no_facilitator": N_("{title!r} has nobody to lead it"),
    "facilitator_double_booked": N_(
        "{person} leads both this item and {other_title!r} at {other}, at the same time"
    ),
    "meeting_ends_before_last_item": NN_(
        "the meeting ends at {meeting_end}, only {minutes} minute after its last item "
        "{title!r} starts at {start}, which has no end",
        "the meeting ends at {meeting_end}, only {minutes} minutes after its last item "
        "{title!r} starts at {start}, which has no end",
        counting="minutes",
    ),
    "unbalanced_isolate": N_(
        "the isolate control {char} at position {position} is unmatched on its line; outputs "
        "close or drop it, as it would reorder the text that follows"
    ),
    # TRANSLATORS: {more} is empty, or for a series of meetings "; it is the first date of the
    # series where this happens". {offset_before} and {offset_after} read UTC+01:00, UTC+02:00.
    "nonexistent_local_time": N_(
        "{value} does not exist on {date} in {timezone}: the clocks go forward from "
        "{offset_before} to {offset_after} over it, so it is taken as {actual} "
        "({offset_after}){more}"
    ),
    # TRANSLATORS: {more} is empty, or for a series of meetings "; it is the first date of the
    # series where this happens". {offset_first} and {offset_second} read UTC+02:00, UTC+01:00.
    "ambiguous_local_time": N_(
        "{value} happens twice on {date} in {timezone}, as the clocks go back from "
        "{offset_first} to {offset_second}: it is taken as the first of the two, at "
        "{offset_first}{more}"
    ),
    # --- projects, resources, places and participants: values ---
    "invalid_department": N_("{value!r} is not a French département code (such as 87, 2A or 971)"),
    "invalid_province": N_(
        "{value!r} is not an ISO 3166-2 province code (three letters after the country, "
        "such as MA-HAO)"
    ),
    "empty_place": N_("a place needs a region, a province or a name"),
    "province_outside_region": N_(
        "province {province} is not in the same country as region {region}"
    ),
    "invalid_currency": N_("{value!r} is not an ISO 4217 currency code (such as EUR or MAD)"),
    "invalid_amount": N_(
        "{value!r} is not an amount of money: expected a number that is not negative, "
        "with at most two decimals"
    ),
    "funder_actor_or_name": N_("a funder needs exactly one of 'actor' or 'name'"),
    "period_end_before_start": N_("ends in {end}, which is before its start in {start}"),
    "participant_person_or_name": N_(
        "a participant needs exactly one of 'person' (a known person) or 'name' (someone new)"
    ),
    "participant_organisation_or_name": N_(
        "give either 'organisation' (a known actor) or 'organisation_name', not both"
    ),
    "organisation_kind_without_name": N_(
        "'organisation_kind' describes 'organisation_name', which is missing"
    ),
    # --- projects, resources, places and participants: cross-object errors ---
    "duplicate_participant": N_("{value!r} is already registered at {first}"),
    "fictional_links_real": N_(
        "a fictional {what} cannot involve {value!r}, which is real: "
        "nothing made up may be told about a real organisation or person"
    ),
    "real_links_fictional": N_(
        "this {what} is not marked fictional but involves the fictional actor {value!r}; "
        "mark it fictional too"
    ),
    # --- projects, resources, places and participants: warnings ---
    "department_outside_area": N_(
        "département {value} is in {department_region}, not in the actor's region {area}"
    ),
    "outside_country": N_("{value} is not in the group's country, {country}"),
    "lead_also_partner": N_("the lead actor {value!r} is also listed as a partner"),
    "funding_exceeds_budget": N_(
        "the funders' shares add up to {funded} {currency}, more than the budget of "
        "{amount} {currency}"
    ),
    "participant_is_known_person": N_(
        "{value!r} is the name of the known person {person!r}; register them by id"
    ),
    "attendance_at_cancelled_meeting": N_(
        "attendance is recorded as present, but the meeting was cancelled"
    ),
    # === series (rrma_groups.model.series) ===
    "invalid_weekday_rule": (
        N_(
            "{value!r} is not a weekday rule: expected MO, TU, WE, TH, FR, SA or SU, maybe after a "
            "position such as 1FR (the first Friday) or -1MO (the last Monday)"
        )
    ),
    "invalid_rrule": N_("cannot read the recurrence rule {value!r}: {reason}"),
    "unsupported_rrule_part": (
        N_(
            "the recurrence rule part {part!r} is not supported: meetings recur by day, with FREQ, "
            "INTERVAL, COUNT, UNTIL, BYDAY, BYMONTH, BYMONTHDAY, BYSETPOS and WKST"
        )
    ),
    "count_and_until": N_("give either 'count' or 'until', not both"),
    "positioned_weekday_frequency": (
        N_(
            "a weekday with a position ({value}) needs a monthly or yearly frequency, not "
            "{frequency}"
        )
    ),
    "not_an_occurrence": N_("{value} is not a date of the series' rule{hint}"),
    "occurrence_twice": N_("{value} is listed twice in {field!r}"),
    "cancelled_and_moved": N_("{value} is both an exception and moved; keep one"),
    "added_occurrence": N_("{value} is added, but it is already a date of the series' rule"),
    "moved_onto_occurrence": (
        N_("the occurrence of {date} is moved to {value}, which is already a date of the series")
    ),
    "series_id_too_long": (
        N_(
            "the series id {value!r} has {length} characters; at most {max_length}, so that the "
            "ids "
            "of its meetings (id-YYYY-MM-DD) stay within 64"
        )
    ),
    "template_item_has_day": (
        N_(
            "the agenda template of a series holds items of one day: item {index} has a day "
            "({value})"
        )
    ),
    "unbounded_series": (
        N_("the series {value!r} has no end (no count, no until): give until= or limit=")
    ),
    "too_many_occurrences": NN_(
        "the rule gives more than {max} date from {first} to {value}; a series has at most "
        "{max} meeting",
        "the rule gives more than {max} dates from {first} to {value}; a series has at most "
        "{max} meetings",
        counting="max",
    ),
    "count_beyond_range": (
        N_(
            "the rule gives only {found} of its {value} dates by {last}, the last day a series "
            "can have"
        )
    ),
    "no_such_occurrence": N_("the series {value!r} has no meeting on {date}"),
    "moved_outside_day": NN_(
        "{value} moved by {minutes} minute leaves its day: a moved occurrence's programme "
        "must end before midnight",
        "{value} moved by {minutes} minutes leaves its day: a moved occurrence's programme "
        "must end before midnight",
        counting="minutes",
    ),
    # === scheduling: building and re-timing agendas (rrma_groups.scheduling) ===
    "invalid_item_key": N_("an item is addressed by its id, title or index, not by {got}"),
    "unknown_item": N_("no item {value!r} in the agenda; {candidates}"),
    "ambiguous_item": (
        N_("{value!r} could be any of {count} items: {candidates}; give its id or its index")
    ),
    "item_index_out_of_range": N_("no item at index {value}: the agenda has {count} items"),
    "invalid_programme": N_(
        "cannot {operation}: the programme would have {count} errors: {details}"
    ),
    "outside_day": N_(
        "cannot {operation}: {title!r} would end at {clock}, outside its day (00:00 to 24:00)"
    ),
    "open_end": N_("cannot {operation}: {title!r} has no end time"),
    "order_changed": (
        N_(
            "cannot {operation} with cascade: it would pass {other!r}, and what follows it would "
            "no "
            "longer be what followed it; move() changes the order"
        )
    ),
    "invalid_length": NN_(
        "cannot {operation}: an item lasts at least a minute, not {minutes} minute",
        "cannot {operation}: an item lasts at least a minute, not {minutes} minutes",
        counting="minutes",
    ),
    "cannot_fit": N_("cannot fit the programme of {day} between {start} and {end}: {reason}"),
    "fixed_in_the_way": (
        N_(
            "cannot {operation}: {title!r} is fixed at {start}, but the items before it would run "
            "until {until}"
        )
    ),
    "missing_length": N_("{value!r} needs a length: give minutes=, duration= or end="),
    "conflicting_length": N_(
        "{value!r}: give only one of minutes=, duration= and end=, not {given}"
    ),
    "conflicting_position": N_("give at most one of before=, after= and at=, not {given}"),
    "missing_position": N_("give before= or after= to say where {value!r} goes"),
    "same_item": N_("cannot move {value!r} before itself"),
    "invalid_item": N_("cannot make an item of {value!r}: {reason}"),
    "invalid_facilitator_spec": (
        N_(
            "cannot read {value!r} as a facilitator: expected a person or actor id, a name, a role "
            "written as text, a facilitator, or a table with 'person', 'actor' or 'role'"
        )
    ),
    "parallel_block_open": N_("a parallel block is open: leave its 'with' block before {action}"),
    "parallel_block_closed": N_("this parallel block was closed: {action} in a new one"),
    "unknown_first_day": N_("the date of the first day is not known: {action}"),
    "day_not_later": N_("the next day ({value}) must come after {previous}"),
    "which_day": N_("the programme has several days ({days}): say which one with day="),
    "unknown_day": N_("{value} is not a day of the programme, whose days are: {days}"),
    "nothing_to_fit": N_("give the new end=, the new start=, or both"),
    "invalid_meeting": N_("cannot make the meeting {value!r}: {reason}"),
    "unknown_keyword": N_("{function}() takes no keyword {value!r}; its keywords are: {keywords}"),
    "keyword_given_twice": N_("{function}() takes {keyword}= or its old name {value}=, not both"),
    # === pasted tables (rrma_groups.parsing.tables) ===
    # --- errors: a line that could not be read ---
    "table_empty": (
        N_(
            "no programme found: expected a table with a header row (Heure, Activité, Animateur), "
            "or lines such as '14h00 - 14h15 Accueil des participants'"
        )
    ),
    "table_unreadable_line": (
        N_(
            "cannot read {value!r}: expected a time range such as '14h00 - 14h15' followed by a "
            "title, or a date such as 'vendredi 4 novembre 2016'"
        )
    ),
    "table_not_a_row": (
        N_("{value!r} is not a table row: expected cells separated by {separator}")
    ),
    "table_invalid_time": N_("cannot read the time {value!r} in column {column!r}: {reason}"),
    "table_invalid_line_time": N_("cannot read the time {value!r}: {reason}"),
    "table_invalid_date": N_("cannot read the date {value!r} in column {column!r}: {reason}"),
    "table_invalid_duration": N_(
        "cannot read the duration {value!r} in column {column!r}: {reason}"
    ),
    "table_no_time": N_("{title!r} has no time: expected a time range such as '14h00 - 14h15'"),
    "table_no_title": N_("the row has a time ({value}) but no title"),
    "table_invalid_item": N_("cannot make an item of {title!r}: {reason}"),
    # --- warnings: what was guessed, kept or skipped ---
    "table_no_header": (
        N_(
            "no header row was recognised: columns were read by their content "
            "(date, place, time, title, facilitator, then notes)"
        )
    ),
    "table_unknown_column": (
        N_(
            "column {column!r} is not one of the known columns ({known}); its cells are kept in "
            "the items' notes"
        )
    ),
    "table_outside_text": N_("lines {first}–{last} are outside the table and were not read"),
    "table_lines_not_used": NN_(
        "{count} line was not used (line {lines}): it is neither an item, a date, a heading, "
        "nor a line under an item",
        "{count} lines were not used (lines {lines}): they are neither items, dates, headings, "
        "nor lines under an item",
    ),
    "table_venue_changed": (
        N_(
            "the venue changes to {value!r} (it was {venue!r}); the new venue is kept in the "
            "item's notes"
        )
    ),
    "table_unknown_kind": (
        N_("{value!r} is not a kind of item ({choices}); the item's kind is 'other'")
    ),
    "table_no_group": N_("no group was given: facilitator {value!r} is kept as a role"),
    # --- warnings: what was guessed to read a facilitator (rrma_groups.parsing.facilitators) ---
    "facilitator_guessed": N_("{value!r} was read as {kind} {key!r} ({name})"),
    "facilitator_role": (
        N_("{value!r} matches no person or organisation of the group; it is kept as a role")
    ),
    "facilitator_role_of_actor": (
        N_("{value!r} is kept as a role of {key!r} ({name}), the organisation named in it")
    ),
    "facilitator_ambiguous": (N_("{value!r} could be any of {candidates}; it is kept as a role")),
    # === calendars read (rrma_groups.export.ical) ===
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
    "ical_untitled": N_("event {uid!r} has no SUMMARY; it is read with the title {title!r}"),
    "ical_moved_onto_occurrence": N_(
        "event {uid!r} moves the occurrence of {date} onto {to}, where the series has another "
        "one; the occurrence of {date} is left out of the series"
    ),
    "ical_own_timezone_series": N_(
        "event {uid!r} repeats in the timezone {tzid!r}, which only the calendar defines; its "
        "occurrences are read in {timezone}, whose clocks change on the same dates"
    ),
    # === files (rrma_groups.io; FileFormatError) ===
    "syntax_error": N_("{format} syntax error: {reason}"),
    "unreadable": N_("cannot be read: {reason}"),
    "unknown_format": N_("unknown format {value!r}; use 'toml' or 'json'"),
    "empty_file": N_("the file is empty"),
    # --- inserting items into a group file (import-agenda --into) ---
    "into_not_toml": N_("items can only be inserted into a group file in TOML"),
    "into_no_meeting": N_("the file has no meeting with the id {value!r}; its meetings: {known}"),
    "into_meetings_not_tables": N_(
        "the file's meetings are not written as [[meetings]] tables; add the items by hand"
    ),
    "not_a_table": N_("the top level must be a table (an object), not {type}"),
    "not_utf8": N_("not valid UTF-8 (byte {byte}); save the file as UTF-8"),
    "binary_file": N_("this is not a text file (it contains NUL bytes)"),
    # === time and date text (TimeParseError; the codes of invalid_time... are above) ===
    "unreadable_text": _CANNOT_READ,
    "weekday_mismatch": _CANNOT_READ,
    "ambiguous_date": _CANNOT_READ,
    "impossible_date": _CANNOT_READ,
    "time_range_not_increasing": _CANNOT_READ,
    # === languages and regions (LocaleError, UnknownRegionError) ===
    "invalid_locale": N_("unknown or malformed language {value!r}; supported: {supported}"),
    "unknown_region": N_(
        "malformed ISO 3166-2 subdivision code {value!r}; expected e.g. 'FR-IDF' or 'MA-07'"
    ),
    # === outputs (RenderError, SynergyError, ReportError, DirectoryError, PdfError) ===
    "unknown_output_format": N_("unknown format {value!r}; choose one of: {choices}"),
    "unknown_meeting": N_("no meeting {value!r}; the group has: {known}"),
    "no_meeting_to_print": N_("the group {value!r} has no meeting to print"),
    "blank_rows_negative": N_("blank_rows cannot be negative: {value}"),
    "blank_rows_too_many": N_("blank_rows is at most {most}: {value}"),
    "wrong_object": N_("{function}() takes {expected}, not {value}"),
    "unknown_filter_value": N_("unknown {what} {value}; choose among: {choices}"),
    "invalid_region_filter": N_("{value!r} is not an ISO 3166-2 {what} code"),
    "unknown_sort_key": N_("unknown sort key {value!r}; choose among: {choices}"),
    "year_and_dates": N_("give either a year or start and end dates, not both"),
    "period_reversed": N_("the period ends on {last} before it starts on {first}"),
    "pdf_engine_missing": N_("PDF output is not available: {reason}; install it with {install}"),
    "pdf_fonts_missing": NN_(
        "no installed font can draw {count} character of the programme ({shown}); "
        "install {install}",
        "no installed font can draw {count} characters of the programme ({shown}); "
        "install {install}",
    ),
    # Word documents (DocxError): python-docx missing, a file that is no .docx
    "docx_engine_missing": N_(
        "Word documents need python-docx, which is not installed; install it with {install}"
    ),
    "docx_unreadable": N_("{path}: not a Word document (.docx) that can be read: {reason}"),
    # OpenDocument texts (OdtError): a file that is no .odt
    "odt_unreadable": N_("{path}: not an OpenDocument text (.odt) that can be read: {reason}"),
    # Spreadsheets and OpenDocument files (EngineError): openpyxl or odfdo missing
    "xlsx_engine_missing": N_(
        "Excel spreadsheets (.xlsx) need openpyxl, which is not installed; install it with "
        "{install}"
    ),
    "odf_engine_missing": N_(
        "OpenDocument files (.ods, .odt) need odfdo, which is not installed; install it with "
        "{install}"
    ),
    # === starter files (StarterError) ===
    "starter_country": N_(
        "{value!r} is not an ISO 3166-1 alpha-2 country code (such as SN, MA or BF)"
    ),
    "starter_network": N_("the network's name is empty"),
    "unknown_example": N_("no example {value!r}; there are: {known}"),
    # === errors that gather others (GroupValidationError, TableImportError) ===
    "invalid_data": NN_("{count} error in {source}:", "{count} errors in {source}:"),
    "unreadable_table": NN_(
        "{count} line could not be read in {source}:",
        "{count} lines could not be read in {source}:",
    ),
}
"""The English template of every code (a gettext message id)."""


WORDINGS: Final[dict[tuple[str, str], str]] = {
    ("unknown_reference", "no_rooms"): N_(
        "no room has the id {value!r}: the meeting declares no rooms; declare each one under "
        'the meeting\'s venue, with an id and a name ([[meetings.venue.rooms]] id = "{value}" '
        'name = "…")'
    ),
    ("invalid_programme", "one"): N_(
        "cannot {operation}: the programme would have 1 error: {details}"
    ),
    ("outside_day", "it_start"): N_(
        "cannot {operation}: it would start at {clock}, outside its day (00:00 to 24:00)"
    ),
    ("outside_day", "it_end"): N_(
        "cannot {operation}: it would end at {clock}, outside its day (00:00 to 24:00)"
    ),
    ("outside_day", "start"): N_(
        "cannot {operation}: {title!r} would start at {clock}, outside its day (00:00 to 24:00)"
    ),
    ("same_item", "after"): N_("cannot move {value!r} after itself"),
    ("unknown_keyword", "suggestion"): N_(
        "{function}() takes no keyword {value!r}; did you mean {suggestion!r}? Its keywords are: "
        "{keywords}"
    ),
    ("unknown_region", "country"): N_("unknown ISO 3166-1 country code {value!r}"),
    ("unreadable", "missing"): N_("no such file"),
    ("unreadable", "folder"): N_("is a folder, not a file"),
    ("syntax_error", "nested"): N_("{format} nested too deeply"),
    ("syntax_error", "data"): N_("the data is nested too deeply"),
    ("syntax_error", "key_parts"): NN_(
        "TOML nested too deeply: a key has more than {max} part",
        "TOML nested too deeply: a key has more than {max} parts",
        counting="max",
    ),
    ("syntax_error", "surrogate"): N_(
        "{format} syntax error: half of a UTF-16 surrogate pair (U+D800 to U+DFFF) is not a "
        "character"
    ),
    ("syntax_error", "digits"): NN_(
        "{format} syntax error: a number has more than {limit} digit",
        "{format} syntax error: a number has more than {limit} digits",
        counting="limit",
    ),
    ("syntax_error", "duplicate_key"): N_(
        "JSON syntax error: the key {key!r} is given twice in one object"
    ),
    ("syntax_error", "constant"): N_("JSON syntax error: {name} is not a JSON value"),
    ("unknown_format", "suffix"): N_(
        "cannot tell the format from the name; use a .toml or .json file (or pass format=), "
        "not {value!r}"
    ),
    ("unknown_format", "no_suffix"): N_(
        "cannot tell the format from the name; use a .toml or .json file (or pass format=)"
    ),
    ("not_utf8", "encoding"): N_("the file is {encoding} text; save it as UTF-8"),
    ("invalid_data", "no_source"): NN_("{count} error:", "{count} errors:"),
    ("unreadable_table", "no_source"): NN_(
        "{count} line could not be read:", "{count} lines could not be read:"
    ),
}
"""Other wordings of some codes, by (code, wording)."""


def template_of(code: str, wording: str | None = None) -> str:
    r"""The template of ``code`` (in one of its other ``wording``\s, if given)."""
    return MESSAGES[code] if wording is None else WORDINGS[code, wording]
