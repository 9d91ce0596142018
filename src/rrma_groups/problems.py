"""The problems (errors and warnings) found in data, and their messages in every language.

A :class:`Problem` is one finding about the data: it has a stable ``code`` (snake_case, never
renamed once released), a ``location`` inside the object graph (``meetings[0].agenda[3].end``),
the offending ``value``, a ``severity``, and the ``template`` and ``params`` of its message, from
the registry :data:`rrma_groups.messages.MESSAGES`. :meth:`Problem.describe` gives the message
in a language, its dates, times and fragments written the way that language writes them; the
errors of the library (:class:`~rrma_groups.errors.RrmaError`) follow the same protocol.
"""

from __future__ import annotations

import datetime as dt  # noqa: F401 - the doctests use it
import enum
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from .errors import Location, RrmaError, format_location, translate
from .messages import template_of

__all__ = [
    "CheckReport",
    "GroupValidationError",
    "Problem",
    "Severity",
    "describe",
    "describe_message",
    "explain",
    "problem",
]


def describe_message(template: str, params: Mapping[str, Any], lang: str | None) -> str:
    """A message in ``lang`` (``None``: English), its dates and times formatted for the locale.

    Times read as the language's printed programme writes them (``14h00`` in French, ``14:00``
    in Arabic), dates in words (``4 novembre 2016``), and quoted texts take the language's
    quotation marks (see :mod:`rrma_groups.i18n.writing`).

    :raises LocaleError: ``lang`` is malformed or unknown to CLDR.
    """
    if lang is None:
        return translate(template, params, None)
    from .i18n.locales import normalize_locale

    return translate(template, params, normalize_locale(lang))


class Severity(enum.StrEnum):
    """How serious a problem is: an error refuses the data, a warning only informs."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One error or warning found in the data."""

    code: str
    """Stable snake_case identifier, e.g. ``overlap`` or ``unknown_reference``."""
    loc: Location
    """Where it is, as a path of keys and indexes into the group."""
    template: str
    """English message template with ``{named}`` parameters."""
    params: Mapping[str, Any] = field(default_factory=dict)
    """Values for the template (already plain: strings, numbers, dates, times)."""
    value: Any = None
    """The offending value, as it was given."""
    severity: Severity = Severity.ERROR

    @property
    def location(self) -> str:
        """The location written as ``meetings[0].agenda[3].end``."""
        return format_location(self.loc)

    @property
    def message(self) -> str:
        """The English message."""
        return translate(self.template, self.params, None)

    def describe(self, lang: str | None = None) -> str:
        """The message in ``lang`` (``None``: English), its values formatted for that locale.

        >>> p = problem("gap", ("meetings", 0, "agenda", 1, "start"), None,
        ...             severity=Severity.WARNING, minutes=10, previous_title="Accueil",
        ...             previous_end=dt.time(14, 30))
        >>> print(p.describe("fr").replace("\u202f", " "))
        battement de 10 minutes avant ce point, après la fin de « Accueil » à 14h30
        """
        return describe_message(self.template, self.params, lang)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def prefixed(self, *prefix: str | int) -> Problem:
        """The same problem, located deeper inside a larger object."""
        return Problem(
            self.code, (*prefix, *self.loc), self.template, self.params, self.value, self.severity
        )

    def __str__(self) -> str:
        where = self.location or "(top)"
        return f"{where}: {self.message} [{self.code}]"


@dataclass(frozen=True, slots=True)
class CheckReport:
    """The outcome of checking an object: its errors and its warnings, in document order."""

    problems: tuple[Problem, ...] = ()

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return not any(p.is_error for p in self.problems)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.problems)

    def __len__(self) -> int:
        return len(self.problems)

    def __bool__(self) -> bool:
        return bool(self.problems)

    def codes(self) -> list[str]:
        """The codes of all problems, in order; handy in tests and scripts."""
        return [p.code for p in self.problems]

    def raise_for_errors(self, source: str | None = None) -> None:
        """Raise :class:`GroupValidationError` if the report holds any error."""
        errors = self.errors
        if errors:
            raise GroupValidationError(errors, source=source, warnings=self.warnings)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


def problem(
    code: str,
    loc: Location,
    value: Any = None,
    *,
    severity: Severity = Severity.ERROR,
    wording: str | None = None,
    **params: Any,
) -> Problem:
    """Build a :class:`Problem` from a registered code."""
    return Problem(
        code, loc, template_of(code, wording), {"value": value, **params}, value, severity
    )


def describe(problem: Problem, lang: str | None = None) -> str:
    """The problem's message in ``lang``: the same as ``problem.describe(lang)``."""
    return problem.describe(lang)


class Located(Protocol):
    """What :func:`explain` tells: a problem, or one found on a line of a pasted table (its
    ``where(lang)`` says "ligne 3")."""

    code: str

    def describe(self, lang: str | None = None) -> str: ...


def explain(problems: Iterable[Problem | Located], lang: str | None = None) -> list[str]:
    """Each problem as ``location: message [code]``, in ``lang``; a problem of a pasted table
    is located by its line (``line 3: …``)."""
    lines = []
    for p in problems:
        where_in = getattr(p, "where", None)
        where = where_in(lang) if callable(where_in) else getattr(p, "location", "") or "(top)"
        lines.append(f"{where}: {p.describe(lang)} [{p.code}]")
    return lines


class GroupValidationError(RrmaError, ValueError):
    """Data was refused: it holds one or more errors (and maybe warnings).

    Its message counts the errors and lists them, one per line, each with its location and
    code; :meth:`describe` gives the same in another language.
    """

    code = "invalid_data"

    def __init__(
        self,
        errors: Iterable[Problem],
        *,
        source: str | None = None,
        warnings: Iterable[Problem] = (),
    ) -> None:
        self.errors: tuple[Problem, ...] = tuple(errors)
        self.warnings: tuple[Problem, ...] = tuple(warnings)
        self.source = source
        wording = None if source else "no_source"
        super().__init__(wording=wording, count=len(self.errors), source=source)

    def describe(self, lang: str | None = None) -> str:
        """The count of errors, then each error on a line of its own, in ``lang``."""
        head = describe_message(self.template, self.params, lang)
        return "\n".join([head, *(f"  {line}" for line in explain(self.errors, lang))])

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.errors + self.warnings

    def codes(self) -> list[str]:
        return [p.code for p in self.errors]
