"""Message templates of every error and warning, by code, and the bridge from pydantic's errors.

Each code maps to one English template with ``{named}`` placeholders. The same template is the
gettext message id, so a message is translated by its code and its parameters are formatted for
the reader's locale afterwards. Codes are stable: a released code is never renamed.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
from collections.abc import Iterable, Mapping
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, RootModel, ValidationError
from pydantic_core import PydanticCustomError

from .errors import Location, Msg, Problem, Severity, render_template, time_text
from .i18n.catalog import N_

__all__ = [
    "KIND_NAMES",
    "MESSAGES",
    "custom_error",
    "describe",
    "explain",
    "lane_name",
    "problem",
    "problems_from_pydantic",
]

MESSAGES: dict[str, str] = {
    # --- structure (raised while reading a file) ---
    "missing": N_("this field is required"),
    "unknown_field": N_("unknown field {field!r}"),
    "unknown_field_suggestion": N_("unknown field {field!r}; did you mean {suggestion!r}?"),
    "wrong_type": N_("expected {expected}, got {got}"),
    "invalid_choice": N_("{value!r} is not one of: {choices}"),
    "too_long": N_("text is too long: {length} characters, at most {max_length}"),
    "too_short": N_("at least {min_length} entries needed"),
    "too_small": N_("must be at least {min}"),
    "schema_version": N_(
        "schema_version {value!r} is not supported; this version reads {supported}"
    ),
    # --- files (refused before their content is read; located by the file's name) ---
    "file_too_large": N_("the file is larger than {limit} bytes, the most that is read"),
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
    "item_outside_meeting": N_(
        "{value} is outside the meeting, which runs from {meeting_start} to {meeting_end}"
    ),
    "item_day_outside_meeting": N_(
        "day {value} is not one of the meeting's days ({first} to {last})"
    ),
    "overlap": N_("overlaps {other_title!r} ({other_start}–{other_end}) at {other} in {lane}"),
    "open_end_not_last": N_(
        "has no end, but another item follows it in {lane}; give an end or a duration"
    ),
    # --- cross-object checks: warnings ---
    "successor_without_dissolution": N_("a successor is given but no dissolution date"),
    "gap": N_(
        "{minutes} minute gap before this item, after {previous_title!r} ended at {previous_end}"
    ),
    "no_facilitator": N_("{title!r} has nobody to lead it"),
    "facilitator_double_booked": N_(
        "{person} leads both this item and {other_title!r} at {other}, at the same time"
    ),
    "meeting_ends_before_last_item": N_(
        "the meeting ends at {meeting_end}, only {minutes} minutes after its last item "
        "{title!r} starts at {start}, which has no end"
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
}

# Fragments used inside messages, translated like them.
LANE_PLENARY = Msg(N_("the plenary"))
KIND_NAMES = {
    "actor": Msg(N_("actor")),
    "person": Msg(N_("person")),
    "room": Msg(N_("room")),
    "priority": Msg(N_("priority")),
    "meeting": Msg(N_("meeting")),
}


def lane_name(room: str | None, track: str | None) -> Msg:
    """Where an item runs, for messages: the plenary, a room, a track."""
    if room is not None and track is not None:
        return Msg(N_("room {room!r} / track {track!r}"), {"room": room, "track": track})
    if room is not None:
        return Msg(N_("room {room!r}"), {"room": room})
    if track is not None:
        return Msg(N_("track {track!r}"), {"track": track})
    return LANE_PLENARY


def custom_error(code: str, **ctx: Any) -> PydanticCustomError:
    """A pydantic error with one of the library's codes and templates.

    The context keeps the raw values: :func:`problems_from_pydantic` builds the library's message
    from them with the template, ``!r`` and all.
    """
    template = MESSAGES[code]
    return PydanticCustomError(code, _pydantic_template(template), ctx)


def problem(
    code: str,
    loc: Location,
    value: Any = None,
    *,
    severity: Severity = Severity.ERROR,
    **params: Any,
) -> Problem:
    """Build a :class:`Problem` from a registered code."""
    return Problem(code, loc, MESSAGES[code], {"value": value, **params}, value, severity)


def _pydantic_template(template: str) -> str:
    # Pydantic fills "{name}" with str(value) and knows no "!r": quote in the template instead,
    # so that pydantic's own message reads like ours while the context keeps the raw values.
    return re.sub(r"\{(\w+)!r\}", r"'{\1}'", template)


# --- pydantic errors -> problems -------------------------------------------------------------

_TYPE_NAMES = {
    "string_type": Msg(N_("text")),
    "int_type": Msg(N_("a whole number")),
    "int_parsing": Msg(N_("a whole number")),
    "int_from_float": Msg(N_("a whole number")),
    "bool_type": Msg(N_("true or false")),
    "bool_parsing": Msg(N_("true or false")),
    "list_type": Msg(N_("a list")),
    "tuple_type": Msg(N_("a list")),
    "dict_type": Msg(N_("a table")),
    "model_type": Msg(N_("a table")),
    "model_attributes_type": Msg(N_("a table")),
    "date_type": Msg(N_("a date")),
    "date_parsing": Msg(N_("a date")),
    "date_from_datetime_parsing": Msg(N_("a date such as 2016-11-04")),
    "date_from_datetime_inexact": Msg(N_("a date without a time")),
    "time_type": Msg(N_("a time of day")),
    "time_parsing": Msg(N_("a time of day such as 14:00")),
    "float_type": Msg(N_("a number")),
    "float_parsing": Msg(N_("a number")),
    "decimal_type": Msg(N_("a number")),
    "decimal_parsing": Msg(N_("a number")),
}


def _describe_type(value: Any) -> Msg | str:
    names = {
        str: Msg(N_("text")),
        int: Msg(N_("a whole number")),
        float: Msg(N_("a number")),
        bool: Msg(N_("true or false")),
        list: Msg(N_("a list")),
        dict: Msg(N_("a table")),
        type(None): Msg(N_("nothing")),
    }
    for kind, name in names.items():
        if type(value) is kind:
            return name
    return type(value).__name__


def problems_from_pydantic(
    exc: ValidationError, root: type[BaseModel] | None = None, prefix: Location = ()
) -> list[Problem]:
    """Turn a pydantic ValidationError into the library's problems, with helpful messages.

    ``root`` is the model that was validated; it lets an unknown key get a suggestion of the
    field that was probably meant (``facilitateurs`` → ``facilitators``).
    """
    problems: list[Problem] = []
    for err in exc.errors(include_url=False):
        kind = err["type"]
        loc: Location = (*prefix, *(p for p in err["loc"] if not _is_union_tag(p)))
        value = err.get("input")
        ctx = dict(err.get("ctx") or {})
        if kind in MESSAGES:  # one of ours, raised through custom_error()
            params = dict(ctx)
            if kind == "wrong_type" and isinstance(params.get("expected"), str):
                params["expected"] = Msg(params["expected"])
            problems.append(Problem(kind, loc, MESSAGES[kind], params, value))
        elif kind == "missing":
            problems.append(problem("missing", loc, None))
        elif kind == "extra_forbidden":
            field = str(loc[-1]) if loc else "?"
            choices = _fields_at(root, err["loc"][:-1]) if root is not None else []
            close = difflib.get_close_matches(field, choices, n=1, cutoff=0.6)
            if close:
                problems.append(
                    problem(
                        "unknown_field_suggestion", loc, value, field=field, suggestion=close[0]
                    )
                )
            else:
                problems.append(problem("unknown_field", loc, value, field=field))
        elif kind in ("enum", "literal_error"):
            problems.append(
                problem("invalid_choice", loc, value, choices=str(ctx.get("expected", "")))
            )
        elif kind == "string_too_long":
            problems.append(
                problem(
                    "too_long",
                    loc,
                    value,
                    length=len(value) if isinstance(value, str) else "?",
                    max_length=ctx.get("max_length"),
                )
            )
        elif kind in ("greater_than_equal", "greater_than"):
            bound = ctx.get("ge", ctx.get("gt"))
            problems.append(problem("too_small", loc, value, min=bound))
        elif kind in ("too_short",):
            problems.append(problem("too_short", loc, value, min_length=ctx.get("min_length")))
        elif kind in _TYPE_NAMES:
            expected = _TYPE_NAMES[kind]
            problems.append(problem("wrong_type", loc, value, expected=expected, got=_short(value)))
        else:
            # Errors we do not re-word keep pydantic's own message, under pydantic's code.
            problems.append(Problem(kind, loc, err["msg"], {}, value))
    return problems


def _short(value: Any) -> Msg | str:
    """A value as a message shows what arrived: its kind and, briefly, itself."""
    if value is None:
        return _describe_type(value)
    if isinstance(value, bool):
        text = "true" if value else "false"  # as TOML and JSON write them
    elif isinstance(value, dt.date | dt.time):
        text = value.isoformat()
    else:
        text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    if isinstance(value, dict | list):
        return text
    return Msg(N_("{kind} {value}"), {"kind": _describe_type(value), "value": text})


def _is_union_tag(part: str | int) -> bool:
    # Pydantic inserts the chosen union member's tag (or class name) into error locations.
    return isinstance(part, str) and (part.startswith("function-") or part[:1].isupper())


def _fields_at(root: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """The field names of the model found by following ``loc`` from ``root``, if any."""
    current: Any = root
    for part in loc:
        model = _as_model(current)
        if isinstance(part, int):
            current = _item_type(current)
            continue
        if model is None:
            return []
        field = model.model_fields.get(str(part))
        if field is None:
            tagged = _union_member(current, str(part))
            if tagged is None:
                return []
            current = tagged
            continue
        current = field.annotation
    model = _as_model(current)
    if model is None:
        return []
    return [name for name in model.model_fields if name not in {"model_config"}]


def _unwrap(tp: Any) -> list[Any]:
    origin = get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(get_args(tp)[0])
    if origin in (Union, types.UnionType):
        out: list[Any] = []
        for arg in get_args(tp):
            out += _unwrap(arg)
        return out
    return [tp]


def _as_model(tp: Any) -> type[BaseModel] | None:
    for candidate in _unwrap(tp):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            root = candidate.model_fields.get("root")
            if root is not None:
                return _as_model(root.annotation)
            return candidate
    return None


def _item_type(tp: Any) -> Any:
    if isinstance(tp, type) and issubclass(tp, RootModel):
        tp = tp.model_fields["root"].annotation
    for candidate in _unwrap(tp):
        args = get_args(candidate)
        if args:
            return args[0]
    return None


def _union_member(tp: Any, tag: str) -> Any:
    for candidate in _unwrap(tp):
        if isinstance(candidate, type) and candidate.__name__ == tag:
            return candidate
    return None


# --- translation ---------------------------------------------------------------------------


def describe(problem: Problem, lang: str | None = None) -> str:
    """The problem's message in ``lang``, its values formatted for that locale.

    >>> from rrma_groups.errors import Problem
    >>> p = problem("gap", ("meetings", 0, "agenda", 1, "start"), None, severity=Severity.WARNING,
    ...             minutes=10, previous_title="Accueil", previous_end=dt.time(14, 30))
    >>> describe(p, "fr")
    "battement de 10 minutes avant ce point, après la fin de 'Accueil' à 14:30"
    """
    if lang is None:
        return problem.message
    return _translate(problem.template, problem.params, lang)


def explain(problems: Iterable[Problem], lang: str | None = None) -> list[str]:
    """Each problem as ``location: message [code]``, in ``lang``."""
    lines = []
    for p in problems:
        where = p.location or "(top)"
        lines.append(f"{where}: {describe(p, lang)} [{p.code}]")
    return lines


def _translate(template: str, params: Mapping[str, Any], lang: str) -> str:
    from .i18n.catalog import translator

    translated = translator(lang).gettext(template)
    return render_template(translated, params, lambda v: _localise(v, lang))


def _localise(value: Any, lang: str) -> Any:
    from .i18n import formatting

    if isinstance(value, Msg):
        return _translate(value.template, value.params, lang)
    if isinstance(value, dt.datetime):
        day = formatting.format_date(value.date(), lang, "medium")
        return f"{day} {_localise(value.time(), lang)}"
    if isinstance(value, dt.date):
        return formatting.format_date(value, lang, "medium")
    if isinstance(value, dt.time):
        if value.second or value.microsecond:
            return time_text(value)  # the locale's patterns show minutes only
        return formatting.format_time(value, lang)
    return value
