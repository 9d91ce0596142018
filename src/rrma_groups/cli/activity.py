"""The ``directory``, ``synergies``, ``report`` and ``sign-in-sheet`` commands of ``rrma-groups``.

``directory`` writes text, Markdown, HTML or CSV, and spreadsheets (``--format xlsx|ods``, with
the office extra); ``sign-in-sheet`` HTML, PDF (the pdf extra), Word or OpenDocument
(``--format docx|odt``, the office extra). Binary formats are written to a file (``-o FILE``),
atomically.

:func:`add_parsers` adds them to the command line's subparsers; each sets ``run``, called as
``run(args, out, err)`` and returning the exit status like the other commands (0: done,
1: invalid data, 2: usage error or unreadable file). Without FILE, each works on the bundled
Groupe Pays Maroc example.

The activity modules and their writers are imported by the command that runs, not when the
parser is built: ``rrma-groups render`` does not load them.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from ..activity.directory import SORT_KEYS
from ..errors import RrmaError
from ..i18n.catalog import N_, translator
from ..render.formats import DIRECTORY_FORMATS, MAX_BLANK_ROWS, REPORT_FORMATS, SYNERGY_FORMATS
from .common import (
    EXIT_USAGE,
    emit,
    error_line,
    lang_of,
    line_start,
    ltr,
    meeting_ids,
    open_group,
    say,
    write,
)
from .parser import add_group_options

__all__ = ["add_parsers"]

FIRST_YEAR, LAST_YEAR = 1, 9999
"""The years ``report --year`` takes (those Python's dates have)."""
_DELIMITERS = {"comma": ",", "semicolon": ";", "tab": "\t"}
SPREADSHEET_FORMATS: tuple[str, ...] = ("xlsx", "ods")
"""The directory's spreadsheets, besides the text formats of
:data:`~rrma_groups.render.directory.DIRECTORY_FORMATS`."""
SIGN_IN_FORMATS: tuple[str, ...] = ("html", "pdf", "docx", "odt")
_BINARY = N_("--format {format} writes a binary file: add -o FILE")


def _common(
    parser: argparse.ArgumentParser, formats: tuple[str, ...], default: str, lang: str | None
) -> None:
    _ = translator(lang).gettext
    add_group_options(parser, lang)
    parser.add_argument(
        "--format",
        "-f",
        default=default,
        choices=formats,
        help=_("output format ({default})").format(default=default),
    )
    parser.add_argument("-o", "--output", type=Path, help=_("write to this file (atomically)"))


def add_parsers(commands: Any, lang: str | None = None) -> None:
    """Add the four commands to ``commands``, the result of ``add_subparsers()``.

    Their help is in ``lang`` (``None``: English).
    """
    _ = translator(lang).gettext
    directory_parser = commands.add_parser(
        "directory",
        help=_(
            "list the group's actors, filtered and sorted (text, Markdown, HTML, CSV, spreadsheets)"
        ),
        description=_(
            "The directory of the group's actors: who does what, where. Filters of the same "
            "kind add up (--kind association --kind university); different filters all apply."
        ),
    )
    _common(directory_parser, (*DIRECTORY_FORMATS, *SPREADSHEET_FORMATS), "text", lang)
    add = directory_parser.add_argument
    add("--kind", action="append", default=[], metavar="KIND", help=_("kind of actor"))
    add("--theme", action="append", default=[], metavar="ID", help=_("priority id"))
    add("--department", action="append", default=[], metavar="CODE", help=_("département: 87"))
    add("--region", action="append", default=[], metavar="CODE", help=_("French region: FR-NAQ"))
    add(
        "--country-region",
        action="append",
        default=[],
        metavar="CODE",
        help=_("region of the group's country where actors work: MA-07"),
    )
    add("--language", action="append", default=[], metavar="LANG", help=_("working language"))
    add(
        "--network-member",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=_("members of the network (or, with --no-, the others)"),
    )
    add(
        "--group-member",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=_("current members of the group (or, with --no-, the others)"),
    )
    add("--include-dissolved", action="store_true", help=_("also list dissolved actors"))
    add("--sort", default="name", choices=SORT_KEYS, help=_("sort order (name)"))
    add(
        "--delimiter",
        default="comma",
        choices=tuple(_DELIMITERS),
        help=_("CSV separator (French spreadsheets expect semicolon)"),
    )
    directory_parser.set_defaults(run=_directory)

    synergies = commands.add_parser(
        "synergies",
        help=_("propose who should meet: same theme in the same place, or the same local partner"),
        description=_("Synergy proposals between the group's actors, each with its reasons."),
    )
    _common(synergies, SYNERGY_FORMATS, "text", lang)
    synergies.set_defaults(run=_synergies)

    report = commands.add_parser(
        "report",
        help=_("the activity report of a year: meetings, participants, members, projects"),
        description=_("The group's activity report for a year (default: this year)."),
    )
    _common(report, REPORT_FORMATS, "markdown", lang)
    report.add_argument(
        "--year",
        "-y",
        type=int,
        default=None,
        help=_("the year, from {first} to {last} (default: now)").format(
            first=FIRST_YEAR, last=LAST_YEAR
        ),
    )
    report.set_defaults(run=_report)

    sheet = commands.add_parser(
        "sign-in-sheet",
        help=_(
            "the sign-in sheet of a meeting (HTML; PDF with the pdf extra; Word or "
            "OpenDocument with the office extra)"
        ),
        description=_("A meeting's sign-in sheet: name, organisation and a signature column."),
    )
    _common(sheet, SIGN_IN_FORMATS, "html", lang)
    sheet.add_argument("--meeting", "-m", default=None, metavar="ID", help=_("the meeting's id"))
    sheet.add_argument(
        "--blank-rows",
        type=int,
        default=5,
        metavar="N",
        help=_("empty rows at the end, from 0 to {most} (5)").format(most=MAX_BLANK_ROWS),
    )
    sheet.set_defaults(run=_sign_in_sheet)


def _say(args: argparse.Namespace, template: str, **params: Any) -> str:
    """One of the commands' messages, in the language the command was run in."""
    lang = lang_of(args)
    shown = {k: ltr(v, lang) if isinstance(v, str) else v for k, v in params.items()}
    return line_start(lang) + say(lang, template, **shown)


def _emit(text: str, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    return emit(text, args.output, out, err, lang_of(args))


def _directory(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.format in SPREADSHEET_FORMATS and args.output is None:
        print(_say(args, _BINARY, format=args.format), file=err)
        return EXIT_USAGE
    group = open_group(args.file, err, lang_of(args))
    if isinstance(group, int):
        return group
    filters: dict[str, Any] = {
        "kinds": args.kind,
        "themes": args.theme,
        "departments": args.department,
        "regions": args.region,
        "country_regions": args.country_region,
        "languages": args.language,
        "network_member": args.network_member,
        "group_member": args.group_member,
        "include_dissolved": args.include_dissolved,
        "sort": args.sort,
    }
    try:
        if args.format in SPREADSHEET_FORMATS:
            # Imported here, as the other exporters are, so that the command starts quickly.
            from ..export import spreadsheet

            write_sheet = (
                spreadsheet.directory_xlsx if args.format == "xlsx" else spreadsheet.directory_ods
            )
            data = write_sheet(group, args.lang, **filters)
        else:
            from ..activity.directory import directory
            from ..render.directory import render_directory

            entries = directory(group, lang=args.lang, **filters)
            text = render_directory(
                group,
                entries,
                args.format,
                args.lang,
                delimiter=_DELIMITERS[args.delimiter],
                # A CSV file gets the byte-order mark spreadsheets need to read UTF-8.
                bom=args.format == "csv" and args.output is not None,
            )
    except RrmaError as exc:  # a bad filter, or no spreadsheet engine
        print(error_line(exc, lang_of(args)), file=err)
        return EXIT_USAGE
    if args.format in SPREADSHEET_FORMATS:
        return write(data, args.output, err, lang_of(args))
    return _emit(text, args, out, err)


def _synergies(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    group = open_group(args.file, err, lang_of(args))
    if isinstance(group, int):
        return group
    from ..activity.synergies import find_synergies
    from ..render.synergies import render_synergies

    try:
        text = render_synergies(group, find_synergies(group), args.format, args.lang)
    except RrmaError as exc:
        print(error_line(exc, lang_of(args)), file=err)
        return EXIT_USAGE
    return _emit(text, args, out, err)


def _report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    year = args.year if args.year is not None else dt.date.today().year
    if not FIRST_YEAR <= year <= LAST_YEAR:
        print(_say(args, N_("{year} is not a year"), year=year), file=err)
        return EXIT_USAGE
    group = open_group(args.file, err, lang_of(args))
    if isinstance(group, int):
        return group
    from ..activity.report import activity_report
    from ..render.report import render_report

    try:
        text = render_report(group, activity_report(group, year), args.format, args.lang)
    except RrmaError as exc:
        print(error_line(exc, lang_of(args)), file=err)
        return EXIT_USAGE
    return _emit(text, args, out, err)


def _sign_in_sheet(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.blank_rows < 0:
        print(_say(args, N_("--blank-rows cannot be negative")), file=err)
        return EXIT_USAGE
    if args.blank_rows > MAX_BLANK_ROWS:
        print(_say(args, N_("--blank-rows is at most {most}"), most=MAX_BLANK_ROWS), file=err)
        return EXIT_USAGE
    group = open_group(args.file, err, lang_of(args))
    if isinstance(group, int):
        return group
    meeting = args.meeting
    if meeting is None:
        if len(group.meetings) != 1:
            known = meeting_ids(group, lang_of(args))
            print(
                _say(
                    args, N_("choose a meeting with --meeting; the group has: {known}"), known=known
                ),
                file=err,
            )
            return EXIT_USAGE
        meeting = group.meetings[0].id
    if args.format == "pdf" and args.output is None:
        print(_say(args, N_("a PDF is written to a file: give -o FILE")), file=err)
        return EXIT_USAGE
    if args.format in ("docx", "odt") and args.output is None:
        print(_say(args, _BINARY, format=args.format), file=err)
        return EXIT_USAGE
    try:
        if args.format == "html":
            from ..render.sign_in_sheet import sign_in_sheet

            text = sign_in_sheet(group, meeting, args.lang, blank_rows=args.blank_rows)
            return _emit(text, args, out, err)
        data = _sign_in_writer(args.format)(group, meeting, args.lang, blank_rows=args.blank_rows)
    except RrmaError as exc:  # an unknown meeting, or no engine for the format
        print(error_line(exc, lang_of(args)), file=err)
        return EXIT_USAGE
    return write(data, args.output, err, lang_of(args))


def _sign_in_writer(format: str) -> Callable[..., bytes]:
    """The function that writes a sign-in sheet as ``format`` (pdf, docx, odt), imported only
    when asked for: each needs an optional library."""
    if format == "pdf":
        from ..export.pdf import sign_in_sheet_pdf

        return sign_in_sheet_pdf
    if format == "docx":
        from ..export.docx import sign_in_sheet_docx

        return sign_in_sheet_docx
    from ..export.odt import sign_in_sheet_odt

    return sign_in_sheet_odt
