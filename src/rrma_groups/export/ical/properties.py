"""The values of an event's properties, read: texts, languages, relations, people and places."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Any

import icalendar

from ...errors import RrmaError
from ...i18n.locales import normalize_locale
from ...model import (
    ActorFacilitator,
    ItemKind,
    LocalisedText,
    PersonFacilitator,
    RoleFacilitator,
)
from ...model.types import MAX_LINE_LENGTH, YEAR_MAX, YEAR_MIN, is_blank
from ...parsing.folding import slug
from .text import unescape
from .uids import valid_id

__all__ = [
    "as_written",
    "clean_line",
    "clean_text",
    "facilitators_of",
    "in_range",
    "kind_of",
    "localised",
    "localised_text",
    "param_language",
    "parent_of",
    "room_of",
    "show_moment",
    "values_of",
    "web_address",
]

_CONTROLS_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_CONTROLS_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]+")
_OVERRIDES = re.compile(r"[\u202a-\u202e]")


def clean_line(text: str) -> str:
    """Text from another application as one line: a run of line breaks or other controls
    becomes one space, and the bidi embeddings and overrides that the model refuses go.
    Nothing else changes, so that titles written here come back exactly."""
    return _CONTROLS_LINE.sub(" ", _OVERRIDES.sub("", text))


def clean_text(text: str) -> str:
    """Text from another application, line breaks kept: other controls become spaces."""
    text = _OVERRIDES.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROLS_TEXT.sub(" ", text).strip()


def param_language(value: Any) -> str | None:
    """The language of a property's LANGUAGE parameter, when it is a known one."""
    params = getattr(value, "params", None)
    if not params or not params.get("LANGUAGE"):
        return None
    try:
        return normalize_locale(str(params["LANGUAGE"]))
    except RrmaError:
        return None


def localised_text(text: str, lang: str | None) -> LocalisedText:
    """``text`` in ``lang``, or in no language given."""
    return LocalisedText({lang: text}) if lang else LocalisedText(text)


def localised(text: str, value: Any) -> LocalisedText:
    """``text`` in the language of the property ``value`` (its LANGUAGE parameter)."""
    return localised_text(text, param_language(value))


def values_of(value: Any) -> list[Any]:
    """A property's values: none, one, or each of those given several times."""
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def as_written(value: Any) -> str:
    """A property's value as written in the calendar."""
    try:
        return str(value.to_ical().decode("utf-8"))
    except Exception:  # a value icalendar could not read keeps its text
        return str(value)


def parent_of(component: icalendar.Component) -> str | None:
    """The UID of the event's parent (RELATED-TO, RELTYPE=PARENT by default)."""
    for related in values_of(component.get("RELATED-TO")):
        reltype = str(getattr(related, "params", {}).get("RELTYPE", "PARENT")).upper()
        if reltype == "PARENT" and str(related).strip():
            return str(related).strip()  # RFC 5545: PARENT is the default RELTYPE
    return None


def kind_of(component: icalendar.Component) -> ItemKind:
    """The kind of agenda item an event is (X-RRMA-KIND), else other."""
    value = component.get("X-RRMA-KIND")
    if value is not None:
        try:
            return ItemKind(unescape(value).strip().lower())
        except ValueError:
            pass
    return ItemKind.OTHER


def facilitators_of(
    component: icalendar.Component, lang: str | None
) -> list[PersonFacilitator | ActorFacilitator | RoleFacilitator]:
    """Who leads an event: X-RRMA-FACILITATOR, else the ATTENDEEs that chair it."""
    found: list[PersonFacilitator | ActorFacilitator | RoleFacilitator] = []
    for value in values_of(component.get("X-RRMA-FACILITATOR")):
        name = clean_line(unescape(value))[:MAX_LINE_LENGTH]
        if is_blank(name):
            continue
        params = getattr(value, "params", {})
        kind = str(params.get("X-RRMA-TYPE", "")).lower()
        key = valid_id(params.get("X-RRMA-ID"))
        if kind == "person" and key:
            found.append(
                PersonFacilitator(
                    person=key,
                    label=name,
                    on_behalf_of=valid_id(params.get("X-RRMA-ON-BEHALF-OF")),
                )
            )
        elif kind == "actor" and key:
            found.append(ActorFacilitator(actor=key, label=name))
        else:
            found.append(RoleFacilitator(role=localised_text(name, lang), actor=key))
    if found:
        return found
    # Other applications: whoever chairs the event leads it.
    for attendee in values_of(component.get("ATTENDEE")):
        params = getattr(attendee, "params", {})
        if str(params.get("ROLE", "")).upper() != "CHAIR":
            continue
        address = str(attendee)
        name = clean_line(str(params.get("CN") or address.partition(":")[2] or address))
        if not is_blank(name):
            found.append(PersonFacilitator(person=_person_key(name), label=name[:MAX_LINE_LENGTH]))
    return found


def _person_key(name: str) -> str:
    return slug(name, length=48) or "p-" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:10]


def room_of(component: icalendar.Component) -> tuple[str, str] | None:
    """The room of an event (X-RRMA-ROOM): its id and its name."""
    value = component.get("X-RRMA-ROOM")
    if value is None or isinstance(value, list):
        return None
    key = valid_id(getattr(value, "params", {}).get("X-RRMA-ID"))
    name = clean_line(unescape(value))[:MAX_LINE_LENGTH]
    return (key, name) if key and not is_blank(name) else None


def web_address(value: Any) -> str | None:
    """The first http(s) address of a URL or CONFERENCE property."""
    for candidate in values_of(value):
        text = str(candidate).strip()
        if re.fullmatch(r"https?://[^\s\x00-\x1f]+", text) and len(text) <= 2000:
            return text
    return None


def in_range(day: dt.date) -> bool:
    """Whether ``day`` is in the years a meeting can have (types.MeetingDay)."""
    return YEAR_MIN <= day.year <= YEAR_MAX


def show_moment(moment: dt.date) -> str:
    """A date or a date-time as a message shows it."""
    if isinstance(moment, dt.datetime):
        return moment.strftime("%Y-%m-%d %H:%M %z")
    return moment.isoformat()
