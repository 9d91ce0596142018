"""The language the ``rrma-groups`` command speaks.

It is the ``--lang`` of the command line when the command speaks it, else ``RRMA_GROUPS_LANG``,
else the locale's (``LC_ALL``, ``LC_MESSAGES``, ``LANG``, the first one set), else English. A
language is carried as a locale code (``"fr"``, ``"fr_FR"``, ``"ar_MA"``) or ``None`` for
English: English is the language of the message ids, and with ``None`` the messages are exactly
the English ones the library writes (times as 14:00, dates as 2016-11-04).

Babel's :func:`babel.default_locale` reads the environment too, but in another order
(``LANGUAGE`` and ``LC_CTYPE`` first, which say nothing of messages) and only from
:data:`os.environ`; the POSIX order below, over any mapping, is what the command and its tests
need. The codes themselves are read by Babel (:func:`~rrma_groups.i18n.locales.normalize_locale`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from ..errors import LocaleError
from ..i18n.locales import SUPPORTED_LANGUAGES, normalize_locale

__all__ = ["LANGUAGE_VARIABLE", "command_language", "environment_language", "speaks"]

LANGUAGE_VARIABLE = "RRMA_GROUPS_LANG"
"""The environment variable that chooses the command's language, before the locale's."""

# The POSIX order: LC_ALL overrides LC_MESSAGES, which overrides LANG.
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def speaks(code: str) -> str | None:
    """``code`` as the command's language: a locale of fr or ar, ``None`` for English.

    :raises LocaleError: the code is malformed, or its language is not one the command speaks.

    >>> speaks("ar-MA"), speaks("en_GB") is None
    ('ar_MA', True)
    """
    locale = normalize_locale(code)
    language = locale.partition("_")[0]
    if language not in SUPPORTED_LANGUAGES:
        raise LocaleError(code, SUPPORTED_LANGUAGES)
    return None if language == "en" else locale


def environment_language(environ: Mapping[str, str] | None = None) -> str | None:
    """The command's language by default: ``RRMA_GROUPS_LANG``, else the locale's, else English.

    The locale is the first of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set, as for
    any program: ``fr_FR.UTF-8`` gives French; ``de_DE.UTF-8``, ``C`` or ``POSIX`` English.
    A ``RRMA_GROUPS_LANG`` that the command does not speak is passed over.

    >>> environment_language({"LANG": "fr_FR.UTF-8"})
    'fr_FR'
    >>> environment_language({"RRMA_GROUPS_LANG": "ar-MA", "LANG": "fr_FR.UTF-8"})
    'ar_MA'
    >>> environment_language({"LC_ALL": "C.UTF-8", "LANG": "fr_FR.UTF-8"}) is None
    True
    """
    if environ is None:
        environ = os.environ
    own = environ.get(LANGUAGE_VARIABLE, "")
    if own:
        try:
            return speaks(own)
        except LocaleError:
            pass
    for name in _LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value:
            try:
                return speaks(value)
            except LocaleError:
                return None
    return None


def command_language(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> str | None:
    """The language of a command line: its ``--lang`` if the command speaks it, else the
    environment's (:func:`environment_language`).

    The arguments are scanned before they are parsed, so that the help and argparse's own
    messages are in that language too.

    >>> command_language(["validate", "--lang", "ar", "g.toml"], {})
    'ar'
    >>> command_language(["render", "-l", "zgh"], {"LANG": "fr_FR.UTF-8"})
    'fr_FR'
    """
    asked = _lang_argument(argv)
    if asked is not None:
        try:
            return speaks(asked)
        except LocaleError:
            pass  # validate says so; render formats the programme for any locale
    return environment_language(environ)


def _lang_argument(argv: Sequence[str]) -> str | None:
    """The last value given to ``--lang`` or ``-l`` (as argparse keeps the last one)."""
    found = None
    arguments = iter(argv)
    for argument in arguments:
        if argument == "--":
            break
        if argument in ("--lang", "-l"):
            found = next(arguments, None)
        elif argument.startswith("--lang="):
            found = argument.removeprefix("--lang=")
        elif argument.startswith("-l") and len(argument) > 2:
            found = argument[2:].removeprefix("=")
    return found
