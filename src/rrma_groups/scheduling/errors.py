"""The errors of scheduling: an agenda that cannot be built, an item not found, a re-timing refused.

Each error has a stable ``code``, the offending ``value`` and the ``params`` of its message
template, from the registry (:data:`rrma_groups.messages.MESSAGES`, or one of the code's
:data:`~rrma_groups.messages.WORDINGS`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import Location, RrmaError, format_location
from ..messages import Msg
from ..problems import Problem, describe_message

__all__ = ["ItemLookupError", "RetimeError", "SchedulingError", "problem_message"]


class SchedulingError(RrmaError, ValueError):
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
    ...     print(error.describe("fr").replace("\u202f", " "))
    cannot add 'Débat': an item lasts at least a minute, not 0 minutes
    opération impossible (ajouter « Débat ») : un point dure au moins une minute, pas 0 minute
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
        self.value = value
        self.loc = loc
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(code, wording=wording, value=value, **params)

    @property
    def location(self) -> str:
        return format_location(self.loc)

    def as_problem(self) -> Problem:
        """The error as a problem: its code, location, template and parameters."""
        return Problem(self.code, self.loc, self.template, self.params, self.value)

    def describe(self, lang: str | None = None) -> str:
        """The message in ``lang`` (French, Arabic...), its values formatted for that locale."""
        return describe_message(self.template, self.params, lang)


class ItemLookupError(SchedulingError, KeyError):
    """No item, or more than one, answers to the key given."""


class RetimeError(SchedulingError):
    """The new programme would hold errors (``problems``: an overlap, an item out of bounds)."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        return self.problems


def problem_message(problem: Problem) -> Msg:
    """A problem's message as a translatable fragment."""
    return Msg(problem.template, problem.params)
