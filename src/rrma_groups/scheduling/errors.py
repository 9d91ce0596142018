"""The errors of scheduling: an agenda that cannot be built, an item not found, a re-timing refused.

Each error has a stable ``code``, the offending ``value`` and the ``params`` of its message
template (:data:`SCHEDULING_MESSAGES`, or a wording of :data:`SCHEDULING_WORDINGS`). The
fragments that messages are built from (lists joined by a translatable comma, semicolon or
"and") are here too, so that every message of the package translates whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from ..errors import Location, Msg, Problem, RrmaError, format_location
from ..i18n.catalog import N_
from ..messages import describe

__all__ = [
    "AND",
    "COMMA",
    "SCHEDULING_MESSAGES",
    "SCHEDULING_WORDINGS",
    "SEMICOLON",
    "ItemLookupError",
    "RetimeError",
    "SchedulingError",
    "joined",
    "problem_message",
]


SCHEDULING_MESSAGES: Final[dict[str, str]] = {
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
    "invalid_length": N_(
        "cannot {operation}: an item lasts at least a minute, not {minutes} minutes"
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
}
"""Templates of the scheduling errors, by code: the usual wording of each.

A few codes have other wordings, in :data:`SCHEDULING_WORDINGS`, where a translation needs a
whole sentence: one error or several, the item itself or another one, its start or its end."""


SCHEDULING_WORDINGS: Final[dict[tuple[str, str], str]] = {
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
}
"""Other wordings of some codes, by (code, wording); ``SchedulingError(..., wording=...)``."""


# Translatable joints of lists whose entries are translated too ("[3] 'Débat' (id 'debat')").
# TRANSLATORS: joins two entries of a list; keep both placeholders, translate the comma.
COMMA: Final = N_("{previous}, {next}")


# TRANSLATORS: joins two entries of a list; keep both placeholders, translate the semicolon.
SEMICOLON: Final = N_("{previous}; {next}")


# TRANSLATORS: joins two entries of a list, such as "minutes= and end=".
AND: Final = N_("{previous} and {next}")


class SchedulingError(RrmaError):
    """An agenda could not be built or re-timed as asked; nothing was changed.

    ``code`` is stable; ``value`` is the offending value (an item key, a time, a title);
    ``loc`` locates it in the agenda when it is an item; ``params`` fill the message template
    (``template``, a gettext message id). The message is English; :meth:`describe` gives it in
    another language, and :meth:`as_problem` as a :class:`~rrma_groups.Problem`.

    >>> from rrma_groups.scheduling import AgendaBuilder
    >>> try:
    ...     AgendaBuilder("9h00").add("Accueil", 30).add("Débat", 0)
    ... except SchedulingError as error:
    ...     print(error)
    ...     print(error.describe("fr"))
    cannot add 'Débat': an item lasts at least a minute, not 0 minutes
    opération impossible (ajouter 'Débat') : un point dure au moins une minute, pas 0 minutes
    """

    code = "scheduling_error"

    def __init__(
        self,
        code: str,
        *,
        value: object = None,
        loc: Location = (),
        problems: Sequence[Problem] = (),
        wording: str | None = None,
        **params: Any,
    ) -> None:
        self.code = code
        self.value = value
        self.loc = loc
        self.params = params
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.template = (
            SCHEDULING_MESSAGES[code] if wording is None else SCHEDULING_WORDINGS[code, wording]
        )
        super().__init__(self.template.format(value=value, **params))

    @property
    def location(self) -> str:
        return format_location(self.loc)

    def as_problem(self) -> Problem:
        """The error as a problem: its code, location, template and parameters."""
        return Problem(
            self.code, self.loc, self.template, {"value": self.value, **self.params}, self.value
        )

    def describe(self, lang: str | None = None) -> str:
        """The message in ``lang`` (French, Arabic...), its values formatted for that locale."""
        if lang is None:
            return str(self)
        return describe(self.as_problem(), lang)


class ItemLookupError(SchedulingError):
    """No item, or more than one, answers to the key given."""


class RetimeError(SchedulingError):
    """The new programme would hold errors (``problems``: an overlap, an item out of bounds)."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        return self.problems


def joined(entries: Sequence[Any], joint: str) -> Any:
    """Entries joined two by two with a translatable ``joint`` (``COMMA``, ``AND``...)."""
    if not entries:
        return ""
    result = entries[0]
    for entry in entries[1:]:
        result = Msg(joint, {"previous": result, "next": entry})
    return result


def problem_message(problem: Problem) -> Msg:
    """A problem's message as a translatable fragment."""
    return Msg(problem.template, problem.params)
