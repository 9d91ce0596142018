"""``rrma-groups validate``: check group files and report every error and warning."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from ..checks import check
from ..errors import FileFormatError
from ..i18n.catalog import translator
from ..i18n.formatting import format_list
from ..io import load
from ..problems import GroupValidationError
from ..render.labels import label, plural
from .common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    UNREADABLE,
    file_error,
    lang_of,
    line_start,
    ltr,
    problem_line,
)
from .parser import language_type

__all__ = ["add_parser", "run", "summary"]


def add_parser(commands: Any, lang: str | None = None) -> None:
    """Add ``validate`` to ``commands`` (from ``add_subparsers()``), its help in ``lang``."""
    _ = translator(lang).gettext
    validate = commands.add_parser(
        "validate",
        help=_("check group files (TOML or JSON) and report errors and warnings"),
        description=_("Check group files and report every error and warning with its location."),
    )
    validate.add_argument("files", nargs="+", metavar="FILE", type=Path)
    validate.add_argument(
        "--quiet", "-q", action="store_true", help=_("print errors only, not warnings")
    )
    validate.add_argument(
        "--lang",
        "-l",
        default=None,
        type=language_type(lang),
        help=_(
            "language of the messages: fr, ar or en (default: RRMA_GROUPS_LANG, else the "
            "locale's, else English)"
        ),
    )
    validate.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Check each of ``args.files``: its problems, then a summary line; the exit status."""
    lang = lang_of(args)
    status = EXIT_OK
    for path in args.files:
        name = str(path)
        try:
            group = load(path)
        except FileFormatError as exc:
            print(file_error(exc, lang), file=err)
            status = max(status, EXIT_INVALID if exc.code not in UNREADABLE else EXIT_USAGE)
            continue
        except GroupValidationError as exc:
            errors, warnings = exc.errors, exc.warnings
            status = max(status, EXIT_INVALID)
        else:
            errors, warnings = (), check(group).warnings
        for problem in errors:
            print(problem_line(name, problem, lang), file=out)
        if not args.quiet:
            for problem in warnings:
                print(problem_line(name, problem, lang), file=out)
        print(summary(name, len(errors), len(warnings), lang), file=out)
    return status


def summary(source: str, errors: int, warnings: int, lang: str | None) -> str:
    """``source: valid (1 warning)``, ``source: invalid (2 errors and 1 warning)``."""
    counts = []
    if errors:
        counts.append(plural("errors", errors, lang))
    if warnings:
        counts.append(plural("warnings", warnings, lang))
    verdict = label("invalid" if errors else "valid", lang)
    if counts:
        verdict += f" ({format_list(counts, lang or 'en')})"
    return f"{line_start(lang)}{ltr(source, lang)}: {verdict}"
