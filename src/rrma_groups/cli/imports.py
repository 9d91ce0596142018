"""``rrma-groups import-agenda``: a programme as people paste it, read into agenda items."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from ..errors import FileFormatError, RrmaError
from ..i18n.catalog import N_, translator
from ..io import read_limited
from ..messages import WARNING_PREFIX
from ..problems import GroupValidationError
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
    problem_line,
    read_stdin,
    say,
    write,
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
            "such as '14h00 - 14h15 Accueil'; or the programme tables of a Word document (.docx) "
            "or an OpenDocument text (.odt). Facilitators are matched against the persons and "
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
    imported.add_argument(
        "--lenient",
        action="store_true",
        help=_(
            "read a programme copied from a web page: headings, bullets, titles under their "
            "time, speakers under an item; the lines not used are listed"
        ),
    )
    imported.add_argument(
        "--meeting-id",
        metavar="ID",
        help=_("with --format toml: write a whole [[meetings]] table with this id"),
    )
    imported.add_argument(
        "--title", help=_("the title of the meeting written with --meeting-id (default: its id)")
    )
    imported.add_argument(
        "--into",
        type=Path,
        metavar="GROUP",
        help=_(
            "add the items to the agenda of a meeting of this group file (with --meeting), "
            "keeping its comments; the file is changed only if the result is valid"
        ),
    )
    imported.add_argument(
        "--meeting", metavar="ID", help=_("with --into: the meeting that gets the items")
    )
    imported.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``import-agenda``: each problem with its line, then the agenda; the exit status."""
    # Imported here so that the other commands start without them.
    from ..io.agenda_text import agenda_toml, meeting_toml
    from ..parsing.tables import parse_table
    from ..render.agenda_table import markdown_table

    lang = lang_of(args)
    name = str(args.file)
    if (args.into is None) != (args.meeting is None):
        print(say(lang, N_("--into and --meeting go together: give both, or neither")), file=err)
        return EXIT_USAGE
    try:
        raw = read_stdin() if name == "-" else read_limited(args.file)
        document = _document_text(raw, name)
        text = raw.decode("utf-8-sig") if document is None else document
    except FileFormatError as exc:
        print(file_error(exc, lang), file=err)
        return EXIT_USAGE
    except (OSError, UnicodeDecodeError) as exc:
        print(cannot(N_("{path}: cannot read: {reason}"), name, str(exc), lang), file=err)
        return EXIT_USAGE
    except RrmaError as exc:  # not a readable Word or OpenDocument text, or no python-docx
        print(error_line(exc, lang), file=err)
        return EXIT_USAGE
    group = None
    if args.group is not None or args.into is not None:
        opened = open_group(args.group or args.into, err, lang)
        if isinstance(opened, int):
            return opened
        group = opened
    try:
        result = parse_table(
            text,
            group=group,
            date=args.date,
            language=args.lang,
            strict=False,
            source=name,
            lenient=args.lenient,
        )
    except RrmaError as exc:  # an unreadable --date
        print(error_line(exc, lang_of(args)), file=err)
        return EXIT_USAGE
    for found in result.problems:
        kind = "" if found.is_error else say(lang, WARNING_PREFIX.template)
        message = found.describe(lang)
        code = ltr(f"[{found.code}]", lang)
        where = ltr(f"{name}:{found.line}", lang)
        print(f"{line_start(lang)}{where}: {kind}{message} {code}", file=err)
    if result.errors:
        # Several lines that are neither items nor dates: the shape of a web page, not a typo.
        stray = [p for p in result.errors if p.code in ("table_unreadable_line", "table_no_title")]
        if result.format == "lines" and not args.lenient and len(stray) >= 2:
            hint = N_(
                "{path}: if this programme was copied from a web page (headings, speakers under "
                "the items), --lenient reads what it can"
            )
            print(say(lang, hint, path=name), file=err)
        return EXIT_INVALID
    if args.into is not None:
        return _insert(args, agenda_toml(result.agenda), err, lang)
    if args.meeting_id is not None:
        try:
            meeting = result.meeting(args.meeting_id, args.title or args.meeting_id)
        except GroupValidationError as exc:
            for problem in exc.errors:
                print(problem_line(name, problem, lang), file=err)
            return EXIT_INVALID
        return emit(meeting_toml(meeting), args.output, out, err, lang)
    if args.format == "markdown":
        output = (
            markdown_table(
                result.agenda,
                group=group,
                language=args.lang or "fr",
                first_day=result.date,
                dates=result.date is not None,
            )
            + "\n"
        )
    else:
        items = [item.model_dump(mode="json", exclude_defaults=True) for item in result.agenda]
        if args.format == "json":
            output = json.dumps({"agenda": items}, ensure_ascii=False, indent=2) + "\n"
        else:
            output = agenda_toml(result.agenda)
    return emit(output, args.output, out, err, lang)


def _document_text(raw: bytes, name: str) -> str | None:
    """The programme tables of a Word document or an OpenDocument text as tab-separated text;
    ``None`` for a text file.

    A zip archive, a flat OpenDocument text, or a file named .docx, .odt or .fodt is read as a
    document: the file's first bytes say what it is, whatever its name, and a document that is
    not one gets a clear error.
    """
    from ..parsing.odt_tables import ODT_SUFFIXES, is_odt, odt_text

    if is_odt(raw) or name.lower().endswith(ODT_SUFFIXES):
        return odt_text(raw, source=name)
    if not (raw.startswith(b"PK") or name.lower().endswith(".docx")):
        return None
    from ..parsing.docx_tables import docx_text

    return docx_text(raw, source=name)


def _insert(args: argparse.Namespace, items: str, err: TextIO, lang: str | None) -> int:
    """``--into``: the items added to the meeting's agenda in the file, saved only if the
    whole group is still valid; the exit status."""
    from ..io import loads
    from ..io.agenda_text import insert_agenda

    target = str(args.into)
    try:
        text = read_limited(args.into).decode("utf-8-sig")
        new = insert_agenda(text, args.meeting, items, source=target)
        loads(new, "toml", source=target)
    except FileFormatError as exc:
        print(file_error(exc, lang), file=err)
        return EXIT_USAGE
    except GroupValidationError as exc:
        print(
            say(lang, N_("{path}: not changed: the items would make it invalid"), path=target),
            file=err,
        )
        for problem in exc.errors:
            print(problem_line(target, problem, lang), file=err)
        return EXIT_INVALID
    except (OSError, UnicodeDecodeError) as exc:
        print(cannot(N_("{path}: cannot read: {reason}"), target, str(exc), lang), file=err)
        return EXIT_USAGE
    status = write(new.encode("utf-8"), args.into, err, lang)
    if status == 0:
        print(
            say(
                lang,
                N_("{path}: items added to the meeting {meeting!r}"),
                path=target,
                meeting=args.meeting,
            ),
            file=err,
        )
    return status
