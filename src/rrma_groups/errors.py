"""The library's errors and the problems (errors and warnings) found in data.

Every exception raised on purpose by rrma_groups derives from :class:`RrmaError`, itself a
:class:`ValueError`, so ``except ValueError`` keeps working for callers who do not care.

A :class:`Problem` is one finding about the data: it has a stable ``code`` (snake_case, never
renamed once released), a ``location`` inside the object graph (``meetings[0].agenda[3].end``),
the offending ``value``, a ``severity`` and an English ``message``. The message is built from a
template and named parameters, so that it can be translated by code.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

__all__ = [
    "CheckReport",
    "FileFormatError",
    "GroupValidationError",
    "LocaleError",
    "Location",
    "Msg",
    "Problem",
    "RrmaError",
    "Severity",
    "TimeParseError",
    "format_location",
]

Location = tuple[str | int, ...]


_PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]{1,64}")


def format_location(loc: Sequence[str | int]) -> str:
    r"""Write a location the way a reader expects: ``meetings[0].agenda[3].end``.

    A key that is not a plain name (an unknown key from a file may hold anything, even control
    characters) is written quoted and escaped, so a location never carries hidden text.

    >>> format_location(("meetings", 0, "agenda", 3, "end"))
    'meetings[0].agenda[3].end'
    >>> format_location(("meetings", 0, "ti\u202etle"))
    "meetings[0].'ti\\u202etle'"
    >>> format_location(())
    ''
    """
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
            continue
        name = part if _PLAIN_KEY.fullmatch(part) else _escaped(part)
        out += f".{name}" if out else name
    return out


def _escaped(text: str) -> str:
    if len(text) > 64:
        text = text[:61] + "..."
    return "'" + text.encode("unicode_escape").decode("ascii").replace("'", "\\'") + "'"


class Msg(NamedTuple):
    """A translatable fragment used as a message parameter ("the plenary", "room {room}")."""

    template: str
    params: Mapping[str, Any] = {}

    def __str__(self) -> str:
        return render_template(self.template, self.params)


MAX_SHOWN = 80
"""Longest value quoted in a message; longer ones are cut with an ellipsis."""


def time_text(value: dt.time) -> str:
    """A time as messages show it: ``14:00``, and only when it has them, its seconds and their
    fraction (``14:00:30``, ``14:00:00.999999``), so that two different times never read the
    same in one message."""
    if value.microsecond:
        return value.replace(tzinfo=None).isoformat()
    return value.strftime("%H:%M:%S" if value.second else "%H:%M")


def _plain(value: Any) -> Any:
    """A parameter as an English message shows it: times as 14:00, no seconds when zero."""
    if isinstance(value, dt.datetime):
        return f"{value:%Y-%m-%d} {time_text(value.time())}"
    if isinstance(value, dt.time):
        return time_text(value)
    if isinstance(value, Msg):
        return str(value)
    return value


def render_template(template: str, params: Mapping[str, Any], plain: Any = _plain) -> str:
    """Fill ``template`` with ``params`` (``{name}`` and ``{name!r}``), never failing."""
    shown = {k: plain(v) for k, v in params.items()}
    value = shown.get("value")
    if isinstance(value, str) and len(value) > MAX_SHOWN:  # the offending value, quoted briefly
        shown["value"] = value[: MAX_SHOWN - 1] + "…"
    try:
        return template.format(**shown)
    except (KeyError, IndexError, ValueError, AttributeError):  # odd braces from outside
        return template


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
        return render_template(self.template, self.params)

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


class RrmaError(ValueError):
    """Root of every error that rrma_groups raises on purpose."""

    code: str = "rrma_error"


class GroupValidationError(RrmaError):
    """Data was refused: it holds one or more errors (and maybe warnings)."""

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
        super().__init__(self._describe())

    def _describe(self) -> str:
        n = len(self.errors)
        head = f"{n} error{'s' if n != 1 else ''}"
        if self.source:
            head += f" in {self.source}"
        lines = [head + ":"]
        lines += [f"  {p}" for p in self.errors]
        return "\n".join(lines)

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.errors + self.warnings

    def codes(self) -> list[str]:
        return [p.code for p in self.errors]


class TimeParseError(RrmaError):
    """A time, time range, date or duration written by a person could not be read.

    ``reason`` is English. ``reason_template`` (a gettext message id) and ``reason_params`` are
    the same reason for translation; :attr:`reason_msg` puts them together.
    """

    def __init__(
        self,
        code: str,
        text: str,
        reason: str,
        *,
        reason_template: str | None = None,
        reason_params: Mapping[str, Any] | None = None,
    ) -> None:
        self.code = code
        self.text = text
        self.reason = reason
        self.reason_template = reason if reason_template is None else reason_template
        self.reason_params: Mapping[str, Any] = dict(reason_params or {})
        super().__init__(f"cannot read {text!r}: {reason}")

    @property
    def reason_msg(self) -> Msg:
        """The reason as a translatable fragment, for the ``{reason}`` of a message."""
        return Msg(self.reason_template, self.reason_params)


class FileFormatError(RrmaError):
    """A file or text is not well-formed TOML/JSON (or cannot be read at all).

    ``reason`` is the English message. When ``code`` has a template in the message registry,
    ``params`` holds its parameters, so that the message can be given in another language.
    """

    code = "syntax_error"

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
        code: str = "syntax_error",
        params: Mapping[str, Any] | None = None,
    ) -> None:
        self.code = code
        self.source = source
        self.line = line
        self.column = column
        self.reason = message
        self.params: Mapping[str, Any] = dict(params or {})
        where = source or "<text>"
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {message}")


class LocaleError(RrmaError):
    """A language or locale code that is malformed or not supported."""

    code = "invalid_locale"

    def __init__(self, value: str, supported: Sequence[str]) -> None:
        self.value = value
        self.supported = tuple(supported)
        super().__init__(
            f"unknown or malformed language {value!r}; supported: {', '.join(self.supported)}"
        )


if TYPE_CHECKING:
    Report = CheckReport
    """Deprecated name of :class:`CheckReport`."""
else:

    def __getattr__(name: str) -> Any:
        if name == "Report":
            warnings.warn(
                "rrma_groups.errors.Report is deprecated, use rrma_groups.CheckReport "
                "(the name no longer reads like the activity report)",
                DeprecationWarning,
                stacklevel=2,
            )
            return CheckReport
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
