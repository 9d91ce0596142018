"""``rrma-groups new``: a starter file for a new country group, or a copy of an example.

The starter file itself is :func:`rrma_groups.starter.starter_text`. Its first line,
``#:schema ./group.schema.json``, points editors to the JSON Schema, which the command writes
beside the file (see :func:`rrma_groups.io.write_schema_beside`). This command also runs on
its own: ``python -m rrma_groups.cli.new --country SN --network Centraider``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from ..examples import EXAMPLE_ALIASES, EXAMPLES, example_text
from ..i18n.catalog import N_, translator
from ..io import SCHEMA_FILE_NAME, SchemaFile, write_atomic, write_schema_beside
from ..starter import (
    PLACEHOLDER_DATE,
    PLACEHOLDER_REGION,
    PLACEHOLDER_TIME_RANGE,
    StarterError,
    starter_text,
)
from .common import EXIT_OK, EXIT_USAGE, error_line, lang_of, line_start, ltr, run_command, say
from .language import command_language, environment_language
from .parser import ArgumentParser, parse

__all__ = [
    "DESCRIPTION",
    "HELP",
    "PLACEHOLDER_DATE",
    "PLACEHOLDER_REGION",
    "PLACEHOLDER_TIME_RANGE",
    "StarterError",
    "add_arguments",
    "add_parser",
    "main",
    "run",
    "starter_text",
]

HELP = N_("write a starter file for a new country group, or a copy of the example")
DESCRIPTION = N_(
    "Write a commented starter file for a new country group. It does not validate until every "
    "value to fill in is filled in: 'rrma-groups validate' says which."
)


def add_parser(commands: Any, lang: str | None = None) -> None:
    """Add ``new`` to ``commands`` (from ``add_subparsers()``), its help in ``lang``."""
    _ = translator(lang).gettext
    parser = commands.add_parser("new", help=_(HELP), description=_(DESCRIPTION))
    add_arguments(parser, lang)
    parser.set_defaults(run=run)


def add_arguments(parser: argparse.ArgumentParser, lang: str | None = None) -> None:
    """Add the options of ``rrma-groups new`` to ``parser``, their help in ``lang``."""
    _ = translator(lang).gettext
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "--country",
        "-c",
        metavar="CC",
        help=_("the group's country, as an ISO 3166-1 code: SN, MA, BF, ..."),
    )
    what.add_argument(
        "--example",
        nargs="?",
        const="maroc",
        choices=[*EXAMPLES, *EXAMPLE_ALIASES],
        metavar="NAME",
        help=_(
            "write a copy of a bundled example instead: maroc (the default, the 2016 reference) "
            "or senegal (a whole day with a lunch, parallel workshops and a series)"
        ),
    )
    parser.add_argument(
        "--network", "-n", metavar="NAME", help=_("the network's name, e.g. Centraider")
    )
    parser.add_argument("-o", "--output", type=Path, help=_("write to this file (not over one)"))
    parser.add_argument(
        "--force", action="store_true", help=_("replace the output file if it exists")
    )


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Carry out ``rrma-groups new``; returns the exit status (0, or 2 for a usage error).

    Its messages are in the language the command was run in (the environment's when ``args``
    does not say).
    """
    lang = lang_of(args) if "messages_lang" in args else environment_language()

    def tell(template: str, **params: Any) -> None:
        print(line_start(lang) + say(lang, template, **params), file=err)

    if args.example is not None:
        if args.network is not None:
            tell(N_("--network goes with --country, not with --example"))
            return EXIT_USAGE
        text = example_text(args.example)
    else:
        if args.network is None:
            tell(N_("--country needs --network NAME: the network that hosts the group"))
            return EXIT_USAGE
        try:
            text = starter_text(args.country, args.network)
        except StarterError as exc:
            print(error_line(exc, lang), file=err)
            return EXIT_USAGE
    output: Path | None = args.output
    if output is None:
        out.write(text)
        tell(_SCHEMA_HINT, schema=ltr(SCHEMA_FILE_NAME, lang))
        return EXIT_OK
    path = ltr(str(output), lang)
    if output.exists() and not args.force:
        tell(N_("{path}: already exists; choose another name, or add --force"), path=path)
        return EXIT_USAGE
    try:
        write_atomic(output, text.encode("utf-8"))
    except OSError as exc:
        tell(N_("{path}: cannot write: {reason}"), path=path, reason=exc.strerror or exc)
        return EXIT_USAGE
    _write_schema(output, tell, lang)
    tell(N_("{path}: written; edit it, then check it with: rrma-groups validate {path}"), path=path)
    return EXIT_OK


_SCHEMA_HINT = N_(
    "the first line points editors to {schema} beside the file: write it there with: "
    "rrma-groups schema -o {schema}"
)

_SCHEMA_NEWS = {
    SchemaFile.WRITTEN: N_(
        "{path}: the JSON Schema, written beside {file} for editors that check it as you type"
    ),
    SchemaFile.UPDATED: N_("{path}: replaced by the JSON Schema of this version"),
    SchemaFile.FOREIGN: N_(
        "{path}: left as it is: it is not the JSON Schema of group files, which the first line "
        "of {file} points to"
    ),
}


def _write_schema(output: Path, tell: Callable[..., None], lang: str | None) -> None:
    """Write the JSON Schema beside ``output`` (never over somebody else's file), and say so.

    Only beside a file of its own: ``-o /dev/stdout``, a pipe or a link to a file elsewhere
    gets the hint given when the file goes to standard output.
    """
    if output.is_symlink() or not output.is_file():
        tell(_SCHEMA_HINT, schema=ltr(SCHEMA_FILE_NAME, lang))
        return
    try:
        schema, status = write_schema_beside(output)
    except OSError as exc:
        path = ltr(str(output.parent / SCHEMA_FILE_NAME), lang)
        tell(N_("{path}: cannot write: {reason}"), path=path, reason=exc.strerror or exc)
        return
    news = _SCHEMA_NEWS.get(status)
    if news is not None:
        tell(news, path=ltr(str(schema), lang), file=ltr(str(output), lang))


def main(argv: Sequence[str] | None = None) -> int:
    """``rrma-groups new ARGS``, run on its own."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    lang = command_language(arguments)

    def build(lang: str | None) -> ArgumentParser:
        parser = ArgumentParser(
            prog="rrma-groups new", description=translator(lang).gettext(DESCRIPTION)
        )
        add_arguments(parser, lang)
        return parser

    args = parse(build, arguments, lang)
    return run_command(run, args, lang)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
