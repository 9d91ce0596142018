"""argparse for ``rrma-groups``: its words in the command's language, and its output checked.

argparse writes "usage:", "options" and its errors through gettext's ``argparse`` domain, for
which Python ships no catalog. :func:`argparse_speaks` gives them ours while one command line is
parsed; this is the one place where the command changes argparse, and only for as long as the
parse lasts (the command owns its process; the library never does this).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import LocaleError
from ..i18n.catalog import N_, translator
from ..i18n.locales import SUPPORTED_LANGUAGES
from ..messages import COMMA, listing
from .common import (
    EXIT_OK,
    EXIT_USAGE,
    Output,
    OutputError,
    discard_output,
    output_failed,
    run_command,
    say,
)
from .language import speaks

__all__ = [
    "ARGPARSE_WORDS",
    "ArgumentParser",
    "add_group_options",
    "argparse_speaks",
    "language_type",
    "parse",
]


# argparse's words, as Python 3.11–3.13 write them: marked here so that they are extracted into
# our catalog; argparse_speaks() looks them up there.
ARGPARSE_WORDS = (
    # TRANSLATORS: argparse's words. Keep %(name)s and %s as they are,
    # the space that ends "usage: " and the line break that ends "error:".
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("unrecognized arguments: %s"),
    N_("expected one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
)
"""argparse's own words that the command's help and usage errors show, for translation."""


@contextlib.contextmanager
def argparse_speaks(lang: str | None) -> Iterator[None]:
    """argparse's own words ("usage:", "options", "error:") in ``lang``, for one command.

    Ours holds the words of :data:`ARGPARSE_WORDS`; any other stays English. argparse looks its
    ``_`` up in its module at each call, so replacing it while the parser is built (section
    titles, -h's help) and used (usage, errors) is enough, and it is put back after.
    """
    original: Callable[[str], str] | None = getattr(argparse, "_", None)
    if lang is None or original is None:
        yield
        return
    gettext = translator(lang).gettext
    english = original

    def translate(message: str) -> str:
        if not message:
            return message
        translated = gettext(message)
        return translated if translated != message else english(message)

    setattr(argparse, "_", translate)  # noqa: B010 - typeshed does not declare argparse._
    try:
        yield
    finally:
        setattr(argparse, "_", original)  # noqa: B010


def _comma() -> str:
    """The list comma of the language argparse speaks now ("،" in Arabic): argparse_speaks
    gives argparse's ``_`` our catalog, which holds the language's comma."""
    joint: str = argparse._(COMMA)  # type: ignore[attr-defined]
    return joint.replace("{previous}", "").replace("{next}", "").strip() or ","


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help, its lists of choices ({text,html}) joined by the language's comma."""

    def _metavar_formatter(
        self, action: argparse.Action, default_metavar: str
    ) -> Callable[[int], tuple[str, ...]]:
        if action.metavar is None and action.choices is not None:
            # As argparse writes it, with the comma of the language: {text،markdown،html}.
            shown = "{" + _comma().join(str(choice) for choice in action.choices) + "}"
            return lambda size: (shown,) * size
        return super()._metavar_formatter(action, default_metavar)


class ArgumentParser(argparse.ArgumentParser):
    """argparse's parser, except that help or a version that cannot be written to standard
    output is an error (argparse passes over it in silence), and that its lists of choices
    are joined by the comma of the language it speaks."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        # argparse's own check, its list of choices joined by the language's comma.
        if action.choices is not None and value not in action.choices:
            choices = f"{_comma()} ".join(repr(choice) for choice in action.choices)
            message = argparse._("invalid choice: %(value)r (choose from %(choices)s)")  # type: ignore[attr-defined]
            raise argparse.ArgumentError(action, message % {"value": value, "choices": choices})

    def _print_message(self, message: str, file: Any = None) -> None:
        if message and file is not None and file is sys.stdout:
            Output(file).write(message)
        else:
            super()._print_message(message, file)


def add_group_options(parser: argparse.ArgumentParser, lang: str | None) -> None:
    """FILE (a group file; without it, the bundled example) and ``--lang`` (the language of
    the output), as the commands that write out a group take them; their help in ``lang``."""
    _ = translator(lang).gettext
    parser.add_argument("file", nargs="?", metavar="FILE", type=Path)
    parser.add_argument("--lang", "-l", default=None, help=_("language: fr, ar, ar-MA, en, ..."))


def language_type(lang: str | None) -> Callable[[str], str | None]:
    """The ``type`` of a ``--lang`` that must be a language the command speaks; its error is
    in ``lang``."""

    def language(value: str) -> str | None:
        try:
            return speaks(value)
        except LocaleError:
            raise argparse.ArgumentTypeError(
                say(
                    lang,
                    N_("unknown language {value!r}; choose one of: {supported}"),
                    value=value,
                    supported=listing(SUPPORTED_LANGUAGES),
                )
            ) from None

    return language


def parse(
    build: Callable[[str | None], argparse.ArgumentParser],
    arguments: Sequence[str],
    lang: str | None,
) -> argparse.Namespace:
    """``build(lang).parse_args(arguments)``, with argparse speaking ``lang`` while the parser
    is built (its section titles) and used; the namespace's ``messages_lang`` is ``lang``.

    Help or a version that cannot be written to standard output is said, and ends with the
    status 2, as for a command's output.
    """
    try:
        with argparse_speaks(lang):
            args = build(lang).parse_args(arguments)
    except BrokenPipeError:
        discard_output(sys.stdout)
        raise SystemExit(EXIT_OK) from None
    except OutputError as exc:
        raise SystemExit(output_failed(exc, lang)) from None
    except SystemExit as done:
        if done.code in (0, None) and run_command(_nothing, argparse.Namespace(), lang):
            raise SystemExit(EXIT_USAGE) from None
        raise
    args.messages_lang = lang
    return args


def _nothing(args: argparse.Namespace, out: Any, err: Any) -> int:
    """A command that writes nothing: running it flushes what help or --version wrote."""
    return EXIT_OK
