"""``rrma-groups import-agenda``: a programme as people paste it, read into agenda items."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from ..errors import FileFormatError, RrmaError
from ..i18n.catalog import N_, translator
from ..io import read_limited
from ..problems import Severity
from ..render.labels import enum_label
from .common import (
    EXIT_INVALID,
    EXIT_USAGE,
    cannot,
    emit,
    error_line,
    file_error,
    lang_of,
    line_start,
    ltr,
    open_group,
    read_stdin,
)

__all__ = ["add_parser", "run"]


def add_parser(commands: Any, lang: str | None = None) -> None:
    """Add ``import-agenda`` to ``commands`` (from ``add_subparsers()``), its help in ``lang``."""
    _ = translator(lang).gettext
    imported = commands.add_parser(
        "import-agenda",
        help=_("read a pasted programme table; write it as a Markdown table or a file's agenda"),
        description=_(
            "Read a programme as people paste it: tab-separated rows, a Markdown table, or lines "
            "such as '14h00 - 14h15 Accueil'. Facilitators are matched against the persons and "
            "organisations of GROUP. Each problem is reported with its line number."
        ),
    )
    imported.add_argument(
        "file", metavar="FILE", type=Path, help=_("the table; - reads standard input")
    )
    imported.add_argument(
        "--group",
        "-g",
        type=Path,
        metavar="GROUP",
        help=_("a group file to match facilitators to"),
    )
    imported.add_argument("--date", default=None, help=_("the first day, if the table gives none"))
    imported.add_argument("--lang", "-l", default=None, help=_("the language of the titles"))
    imported.add_argument(
        "--format",
        "-f",
        default="markdown",
        choices=("markdown", "toml", "json"),
        help=_("output format"),
    )
    imported.add_argument("-o", "--output", type=Path, help=_("write to this file (atomically)"))
    imported.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``import-agenda``: each problem with its line, then the agenda; the exit status."""
    # Imported here so that the other commands start without them.
    import tomli_w

    from ..parsing.tables import parse_table
    from ..render.agenda_table import markdown_table

    lang = lang_of(args)
    name = str(args.file)
    try:
        raw = read_stdin() if name == "-" else read_limited(args.file)
        text = raw.decode("utf-8-sig")
    except FileFormatError as exc:
        print(file_error(exc, lang), file=err)
        return EXIT_USAGE
    except (OSError, UnicodeDecodeError) as exc:
        print(cannot(N_("{path}: cannot read: {reason}"), name, str(exc), lang), file=err)
        return EXIT_USAGE
    group = None
    if args.group is not None:
        opened = open_group(args.group, err, lang)
        if isinstance(opened, int):
            return opened
        group = opened
    try:
        result = parse_table(
            text, group=group, date=args.date, language=args.lang, strict=False, source=name
        )
    except RrmaError as exc:  # an unreadable --date
        print(error_line(exc, lang_of(args)), file=err)
        return EXIT_USAGE
    for found in result.problems:
        kind = "" if found.is_error else f"{enum_label(Severity.WARNING, lang)}: "
        message = found.describe(lang)
        code = ltr(f"[{found.code}]", lang)
        where = ltr(f"{name}:{found.line}", lang)
        print(f"{line_start(lang)}{where}: {kind}{message} {code}", file=err)
    if result.errors:
        return EXIT_INVALID
    if args.format == "markdown":
        output = markdown_table(result.agenda, group=group, language=args.lang or "fr") + "\n"
    else:
        items = [item.model_dump(mode="json", exclude_defaults=True) for item in result.agenda]
        if args.format == "json":
            output = json.dumps({"agenda": items}, ensure_ascii=False, indent=2) + "\n"
        else:
            output = tomli_w.dumps({"agenda": items})
    return emit(output, args.output, out, err, lang)
