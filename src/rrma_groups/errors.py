"""The library's exceptions: one root, and one protocol for every error.

Every exception raised on purpose by rrma_groups derives from :class:`RrmaError`, and also from
the built-in that says what went wrong: bad data is a :class:`ValueError` (so ``except
ValueError`` catches a refused file, time or table), a lookup that finds nothing a
:class:`LookupError` or :class:`KeyError`, an object of the wrong type a :class:`TypeError`, and
a missing PDF engine or font a :class:`RuntimeError` (nothing in the data is wrong).

Every error has the same protocol, shared with :class:`~rrma_groups.problems.Problem`:

- ``code``: a stable snake_case identifier, never renamed once released;
- ``template`` and ``params``: the English message template (a gettext message id, from the
  registry :data:`rrma_groups.messages.MESSAGES`) and the values that fill it;
- ``message``: the English message; ``str(error)`` is the message, after where it happened
  (a file and line) when the error knows it;
- ``describe(lang)``: the message in another language, its values formatted for that locale.

The errors defined here are those the lowest layers raise (files, locales, times); the others
live beside the code that raises them (:class:`~rrma_groups.scheduling.SchedulingError`...).
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
from collections.abc import Callable, Mapping, Sequence
from types import ModuleType
from typing import Any, ClassVar

from .i18n.catalog import translator
from .i18n.writing import message_clock, message_date, message_time, quote
from .messages import (
    COMMA,
    COUNTED,
    MESSAGES,
    PLURALS,
    Count,
    DayClock,
    Msg,
    Named,
    Span,
    joined,
    render_template,
    template_of,
)

__all__ = [
    "EngineError",
    "FileFormatError",
    "LocaleError",
    "Location",
    "RrmaError",
    "TimeParseError",
    "WrongObjectError",
    "format_location",
    "translate",
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


Localise = Callable[[Any], Any]
"""How a parameter is shown in a message of some language (a date, a time, a fragment)."""


def translate(
    template: str, params: Mapping[str, Any], lang: str | None, localise: Localise | None = None
) -> str:
    """``template`` in ``lang`` (``None``: English), filled with ``params``.

    A template that counts (``{count}``, listed in :data:`~rrma_groups.messages.PLURALS`) takes
    the language's plural form for the count. ``localise`` shows each parameter; by default a
    fragment (:class:`~rrma_groups.message_parts.Msg`) is translated in turn, times and dates are
    written as the language's printed programmes write them (``14h00``, ``4 novembre 2016``; see
    :mod:`rrma_groups.i18n.writing`) and numbers with its digit grouping. A quoted text
    (``{value!r}``) takes the language's quotation marks: ``« Accueil »`` in French, ``«Accueil»``
    in Arabic, ``'Accueil'`` in English.
    """
    catalog = translator(lang)
    singular = PLURALS.get(template)
    count = params.get(COUNTED.get(template, "count"))
    if singular is not None and isinstance(count, int) and not isinstance(count, bool):
        text = catalog.ngettext(singular, template, count)
    else:
        text = catalog.gettext(template)
    if localise is None:

        def localise(value: Any) -> Any:
            return _basic(value, lang)

    return render_template(text, params, localise, _quoting(lang))


def _quoting(lang: str | None) -> Callable[[str], str] | None:
    if lang is None:
        return None

    def quoted(text: str) -> str:
        return quote(text, lang)

    return quoted


def _basic(value: Any, lang: str | None) -> Any:
    if isinstance(value, Span):
        value = value.wording()
    if isinstance(value, Named):
        return value.in_language(lang)
    if isinstance(value, Msg):
        return translate(value.template, value.params, lang)
    if isinstance(value, dt.datetime):
        return f"{message_date(value.date(), lang)} {message_time(value.time(), lang)}"
    if isinstance(value, dt.date):
        return message_date(value, lang)
    if isinstance(value, dt.time):
        return message_time(value, lang)
    if isinstance(value, DayClock):
        return message_clock(int(value), lang)
    if isinstance(value, Count):
        return _grouped(value, lang)
    return value


def _grouped(number: int, lang: str | None) -> str:
    """``number`` with the locale's digit grouping (33,554,432; 33 554 432)."""
    if lang is None:
        return f"{number:,}"
    # Babel directly, not rrma_groups.i18n.formatting: that module raises this module's
    # LocaleError, and the errors must not depend on it.
    from babel import Locale, UnknownLocaleError
    from babel.numbers import format_decimal

    try:
        return format_decimal(number, locale=Locale.parse(lang.replace("-", "_")))
    except (ValueError, TypeError, UnknownLocaleError):
        return f"{number:,}"


def _restore(cls: type[RrmaError], state: dict[str, Any]) -> RrmaError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    return error


class RrmaError(Exception):
    """Root of every error that rrma_groups raises on purpose.

    ``RrmaError(code, wording=None, **params)`` takes its template from the registry
    (:data:`~rrma_groups.messages.MESSAGES`, or one of the code's other
    :data:`~rrma_groups.messages.WORDINGS`).
    """

    code: str = "rrma_error"
    template: str
    params: Mapping[str, Any]

    def __init__(self, code: str | None = None, /, *, wording: str | None = None, **params: Any):
        if code is not None:
            self.code = code
        self.template = template_of(self.code, wording)
        self.params = params
        super().__init__(self.code)

    @property
    def message(self) -> str:
        """The English message."""
        return self.describe(None)

    def describe(self, lang: str | None = None) -> str:
        """The message in ``lang`` (``None``: English), its values formatted for that locale.

        The message only: where it happened (a file, a line) is the error's own attributes.
        """
        return translate(self.template, self.params, lang)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[Any, ...]:
        # The subclasses' constructors take other arguments than ``args``: pickle the state.
        return (_restore, (type(self), dict(self.__dict__)))


class WrongObjectError(RrmaError, TypeError):
    """A function was given an object of a type it does not take (``render(42)``)."""

    code = "wrong_object"

    def __init__(self, function: str, expected: Msg | str, got: object) -> None:
        super().__init__(function=function, expected=expected, value=type(got).__name__)


class EngineError(RrmaError, RuntimeError):
    """A library that an optional format needs is not installed; ``install`` says what to
    install (a translatable template).

    Each format has its subclass, which names the module (``module``) and what installs it
    (``install``), with a message of its own; :meth:`load` imports the module or raises the
    subclass. Nothing in the data is wrong: it is a :class:`RuntimeError`.
    """

    code = "engine_missing"
    module: ClassVar[str] = ""
    """The module the format needs, as :func:`importlib.import_module` takes it."""
    install: str = ""
    """What to install, as the error says it (a template marked with ``N_``)."""

    def __init__(self) -> None:
        super().__init__(install=Msg(self.install))

    @classmethod
    def load(cls) -> ModuleType:
        """The module; this error when it cannot be imported."""
        try:
            return importlib.import_module(cls.module)
        except ImportError:
            raise cls() from None


class TimeParseError(RrmaError, ValueError):
    """A time, time range, date or duration written by a person could not be read.

    ``text`` is what was read; ``reason_msg`` says what was expected, as a translatable fragment
    (``reason`` is the same in English).
    """

    def __init__(self, code: str, text: str, reason: Msg | str) -> None:
        self.code = code
        self.text = text
        self.reason_msg = reason if isinstance(reason, Msg) else Msg(reason)
        # One wording for every code: "cannot read '25h': hours go from 0 to 23".
        self.template = MESSAGES["unreadable_text"]
        self.params = {"value": text, "reason": self.reason_msg}
        Exception.__init__(self, code)

    @property
    def reason(self) -> str:
        """Why the text was refused, in English."""
        return str(self.reason_msg)

    @property
    def reason_template(self) -> str:
        return self.reason_msg.template

    @property
    def reason_params(self) -> Mapping[str, Any]:
        return self.reason_msg.params


class FileFormatError(RrmaError, ValueError):
    """A file or text is not well-formed TOML/JSON, or cannot be read at all.

    ``source``, ``line`` and ``column`` say where, when known; ``str(error)`` starts with them.
    """

    code = "syntax_error"

    def __init__(
        self,
        code: str = "syntax_error",
        *,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
        wording: str | None = None,
        **params: Any,
    ) -> None:
        self.source = source
        self.line = line
        self.column = column
        super().__init__(code, wording=wording, **params)

    @property
    def where(self) -> str:
        """``source[:line[:column]]`` (``<text>`` for text that came from no file)."""
        where = self.source or "<text>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    @property
    def reason(self) -> str:
        """The English message, without where."""
        return self.message

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class LocaleError(RrmaError, ValueError):
    """A language or locale code that is malformed or not supported."""

    code = "invalid_locale"

    def __init__(self, value: str, supported: Sequence[str | Msg]) -> None:
        self.value = value
        self.supported = tuple(str(entry) for entry in supported)
        """The supported languages, in English."""
        super().__init__(value=value, supported=joined(list(supported), COMMA))
