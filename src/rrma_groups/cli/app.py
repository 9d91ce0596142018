"""The ``rrma-groups`` command: its parser, made of each command group's, and :func:`main`.

Exit status: 0 when all went well (warnings allowed), 1 when the data is invalid, 2 for a usage
error or a file that cannot be read. Bad input never shows a traceback.

The command speaks French, Arabic or English: its help, its own messages and the errors and
warnings it reports (see :mod:`.language` for how the language is chosen). Codes
(``[no_facilitator]``), option names, file names and exit statuses are the same in every
language. The programme that ``render`` writes is in its own ``--lang`` (default: the group's
language), whatever the environment says.
"""

# The calendar, JSON-LD, PDF and table modules are imported by the commands that use them, so
# that starting the command stays quick.

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ..i18n.catalog import translator
from . import activity, calendar, imports, new, programme, validate
from .collector import no_cyclic_collection
from .common import run_command
from .language import LANGUAGE_VARIABLE, command_language, environment_language
from .parser import ArgumentParser, parse

__all__ = [
    "LANGUAGE_VARIABLE",
    "build_parser",
    "command_language",
    "environment_language",
    "main",
]


class _Version(argparse.Action):
    """``--version``: the installed version, looked up only when asked for (reading the
    package's metadata takes some 25 ms, which every other command would pay)."""

    def __init__(self, option_strings: list[str], dest: str, help: str | None = None) -> None:
        super().__init__(
            option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, nargs=0, help=help
        )

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        from .. import __version__

        # As argparse's own "version" action does: through the parser, whose _print_message
        # (cli.parser.ArgumentParser) reports a standard output that cannot be written.
        parser._print_message(f"rrma-groups {__version__}\n", sys.stdout)
        parser.exit()


def build_parser(lang: str | None = None) -> ArgumentParser:
    """The command line's parser, its help in ``lang`` (``None``: English)."""
    _ = translator(lang).gettext
    parser = ArgumentParser(
        prog="rrma-groups",
        description=_(
            "Country groups of regional multi-actor networks: validate group files, "
            "render their programmes and calendars, print their JSON Schema."
        ),
    )
    parser.add_argument("--version", action=_Version, help=_("show the version number and exit"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    validate.add_parser(commands, lang)
    programme.add_render_parser(commands, lang)
    calendar.add_parser(commands, lang)
    new.add_parser(commands, lang)
    imports.add_parser(commands, lang)
    activity.add_parsers(commands, lang)
    programme.add_schema_parser(commands, lang)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    for stream in (sys.stdout, sys.stderr):
        # A terminal that cannot show "é" or Arabic must not turn a message into a traceback.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    arguments = sys.argv[1:] if argv is None else list(argv)
    lang = command_language(arguments)
    args = parse(build_parser, arguments, lang)
    with no_cyclic_collection():
        return run_command(args.run, args, lang)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
