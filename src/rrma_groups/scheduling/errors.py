"""The errors of scheduling: an agenda that cannot be built, an item not found, a re-timing refused.

Each error has a stable ``code``, the offending ``value`` and the ``params`` of its message
template, from the registry (:data:`rrma_groups.messages.MESSAGES`, or one of the code's
:data:`~rrma_groups.messages.WORDINGS`). Every refusal of a re-timing operation is a
:class:`RetimeError` (:func:`refusal` makes one of any other error); an operation called with a
keyword it does not take raises :class:`KeywordError`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import Location, RrmaError, TimeParseError, format_location
from ..messages import Msg
from ..problems import Problem, describe_message

__all__ = [
    "ItemLookupError",
    "KeywordError",
    "RetimeError",
    "RetimeLookupError",
    "RetimeTimeError",
    "SchedulingError",
    "problem_message",
    "refusal",
]


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
    """A re-timing operation was refused; nothing was changed. ``problems`` says why.

    Every refusal of a :class:`~rrma_groups.scheduling.Retimer` operation is one, so that one
    ``except RetimeError`` catches them all, and ``problems`` holds at least one problem:

    - the errors the new programme would have (an overlap, an item out of bounds), located in
      the new programme, when the code is ``invalid_programme``;
    - else the one problem that stopped the operation (a fixed item in the way, an item that
      would leave its day, an item not found, a time that cannot be read), with the error's
      own code and message (:meth:`~SchedulingError.as_problem`), located at the item of the
      programme given when it is about one, else with an empty location.

    A refusal because no item answers to a key is also an :class:`ItemLookupError` (and a
    :class:`KeyError`); because a time cannot be read, also a
    :class:`~rrma_groups.errors.TimeParseError`.
    """

    @property
    def errors(self) -> tuple[Problem, ...]:
        return self.problems


class RetimeLookupError(RetimeError, ItemLookupError):
    """A re-timing refused: no item, or more than one, answers to the key given."""


class RetimeTimeError(RetimeError, TimeParseError):
    """A re-timing refused: a time, date or duration given to it cannot be read."""


def refusal(error: RrmaError) -> RetimeError:
    """``error``, raised while re-timing, as the :class:`RetimeError` that says the same.

    Its code, template, parameters and value are kept; its ``problems`` are its own, or the
    error itself as one problem.
    """
    if isinstance(error, RetimeError):
        return error
    kind: type[RetimeError] = RetimeError
    if isinstance(error, ItemLookupError):
        kind = RetimeLookupError
    elif isinstance(error, TimeParseError):
        kind = RetimeTimeError
    # The state is taken as it is, the way pickling restores an error: the classes' own
    # constructors take other arguments (TimeParseError's its text and reason).
    refused = kind.__new__(kind)
    Exception.__init__(refused, error.code)
    refused.__dict__.update(error.__dict__)
    refused.code = error.code
    if isinstance(error, TimeParseError):
        refused.value = error.text
    else:
        refused.value = getattr(error, "value", None)
    refused.loc = getattr(error, "loc", ())
    problems: tuple[Problem, ...] = tuple(getattr(error, "problems", ()))
    refused.problems = problems or (refused.as_problem(),)
    return refused


class KeywordError(RrmaError, TypeError):
    """An operation was given a keyword argument it does not take.

    ``value`` is the keyword; ``params`` name the operation (``function``), the keywords it
    takes and, for a misspelt one, the closest (``suggestion``).
    """

    code = "unknown_keyword"

    def __init__(self, code: str, *, value: str, wording: str | None = None, **params: Any) -> None:
        self.value = value
        super().__init__(code, wording=wording, value=value, **params)


def problem_message(problem: Problem) -> Msg:
    """A problem's message as a translatable fragment."""
    return Msg(problem.template, problem.params)
