"""What a script gives for an item, read into its fields: times, lengths, titles, facilitators.

Times and dates may be written as people write them (``"14h00"``, ``"vendredi 4 novembre
2016"``, read by :mod:`rrma_groups.parsing.times`); a length is minutes, a duration or an end
time; facilitators are matched against a group (:mod:`rrma_groups.parsing.facilitators`).
Times are counted in seconds since midnight while a programme is worked on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, Final

from pydantic import BaseModel, ValidationError

from ..errors import Location
from ..i18n.catalog import N_
from ..messages import AND, KIND_NAMES, MESSAGES, SEMICOLON, DayClock, Msg, joined
from ..model import (
    ActorFacilitator,
    AgendaItem,
    LocalisedText,
    PersonFacilitator,
    RoleFacilitator,
)
from ..model.clock import seconds_of_day
from ..parsing.facilitators import FacilitatorMatcher
from ..parsing.times import parse_date, parse_duration, parse_time
from ..problems import Problem, Severity
from ..pydantic_bridge import problems_from_pydantic
from .errors import SchedulingError, problem_message

__all__ = [
    "DAY_SECONDS",
    "DateLike",
    "FacilitatorSpec",
    "TimeLike",
    "as_date",
    "as_time",
    "clock",
    "facilitator_data",
    "invalid_item",
    "length_of",
    "outside_clock",
    "title_text",
]


TimeLike = dt.time | str
"""A time of day, or text such as ``"14h00"``."""
DateLike = dt.date | str
"""A date, or text such as ``"vendredi 4 novembre 2016"``."""
FacilitatorSpec = str | PersonFacilitator | ActorFacilitator | RoleFacilitator | Mapping[str, Any]
"""A facilitator: a person or actor id, a name or a role as text (resolved against the group
when one is given; ``person:ID`` and ``actor:ID`` without one), a facilitator model, or a
table with ``person``, ``actor`` or ``role``."""


DAY_SECONDS: Final = 24 * 3600
"""The seconds of a day: an item starts at 0 or later and ends before this."""


def clock(seconds: int) -> DayClock:
    """A time in seconds as a message writes it: ``14:05``, or ``14:05:30`` in English, and as
    the programme of the message's language does in the others (``14h05``)."""
    return DayClock(seconds)


def as_time(value: TimeLike) -> dt.time:
    """The time ``value`` gives, read if it is text; anything else is refused by the reader
    (:class:`~rrma_groups.errors.TimeParseError`: "expected a string, not int")."""
    return value if isinstance(value, dt.time) else parse_time(value)


def as_date(value: DateLike) -> dt.date:
    """The date ``value`` gives, read if it is text; anything else is refused by the reader."""
    return value if isinstance(value, dt.date) else parse_date(value)


def length_of(
    title: object,
    start: int,
    minutes: int | None,
    duration: str | int | dt.timedelta | None,
    end: TimeLike | None,
) -> int:
    """An item's length in seconds, from the one of ``minutes``, ``duration`` and ``end``
    given (``end`` counts from ``start``, in seconds)."""
    given = [
        name
        for name, value in (("minutes", minutes), ("duration", duration), ("end", end))
        if value is not None
    ]
    if not given:
        raise SchedulingError("missing_length", value=str(title))
    if len(given) > 1:
        raise SchedulingError(
            "conflicting_length", value=str(title), given=joined([f"{n}=" for n in given], AND)
        )
    if minutes is not None:
        return minutes * 60
    if duration is not None:
        length = duration if isinstance(duration, dt.timedelta) else parse_duration(duration)
        return int(length.total_seconds())
    assert end is not None
    return seconds_of_day(as_time(end)) - start


def title_text(title: str | LocalisedText | Mapping[str, str]) -> str:
    """A title as text: the best of its languages when it has several.

    Anything else is written as it is (``42``), for the message of the model that refuses it.
    """
    if isinstance(title, str):
        return title
    if not isinstance(title, LocalisedText | Mapping):
        return str(title)
    return LocalisedText(title).get()


def invalid_item(title: object, exc: ValidationError) -> SchedulingError:
    """The error for an item the model refused, each of its problems in the reason."""
    reason = joined(
        [
            Msg("{location}: {message}", {"location": p.location, "message": problem_message(p)})
            if p.location
            else problem_message(p)
            for p in problems_from_pydantic(exc, AgendaItem)
        ],
        SEMICOLON,
    )
    return SchedulingError("invalid_item", value=str(title), reason=reason)


def facilitator_data(
    spec: FacilitatorSpec | Iterable[FacilitatorSpec],
    matcher: FacilitatorMatcher,
    warnings: list[Problem],
    loc: Location,
) -> list[Any]:
    """The facilitators of an item as the model reads them; text is matched with ``matcher``,
    and each guess it makes is added to ``warnings``, located at ``loc``."""
    specs: list[Any] = [spec] if isinstance(spec, str | Mapping | BaseModel) else list(spec)
    result: list[Any] = []
    for j, one in enumerate(specs):
        if isinstance(one, PersonFacilitator | ActorFacilitator | RoleFacilitator | Mapping):
            result.append(one)
        elif isinstance(one, str):
            match = matcher.read_one(one)
            result.append(match.facilitator)
            if match.code is not None and matcher.group is not None:
                params = dict(match.params)
                kind = params.get("kind")
                if isinstance(kind, str) and kind in KIND_NAMES:  # "person": a word, translated
                    params["kind"] = KIND_NAMES[kind]
                warnings.append(
                    Problem(
                        match.code,
                        (*loc, "facilitators", j),
                        MESSAGES[match.code],
                        params,
                        one,
                        Severity.WARNING,
                    )
                )
        else:
            raise SchedulingError("invalid_facilitator_spec", value=one)
    return result


def outside_clock(seconds: int) -> Msg:
    """A time that left its day, said as on the day before or the next day."""
    if seconds < 0:
        return Msg(N_("{time} the day before"), {"time": clock(seconds + DAY_SECONDS)})
    return Msg(N_("{time} the next day"), {"time": clock(seconds - DAY_SECONDS)})
