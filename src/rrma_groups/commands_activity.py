"""The ``directory``, ``synergies``, ``report`` and ``sign-in-sheet`` commands of ``rrma-groups``.

:func:`add_parsers` adds them to the command line's subparsers; each sets ``run``, called as
``run(args, out, err)`` and returning the exit status like the other commands (0: done,
1: invalid data, 2: usage error or unreadable file). Without FILE, each works on the bundled
Groupe Pays Maroc example.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any, TextIO

from .directory import DIRECTORY_FORMATS, SORT_KEYS, directory, render_directory
from .errors import RrmaError
from .model import CountryGroup
from .participants import sign_in_sheet, sign_in_sheet_pdf
from .report import REPORT_FORMATS, activity_report, render_report
from .synergies import SYNERGY_FORMATS, find_synergies, render_synergies

__all__ = ["add_parsers"]

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
_DELIMITERS = {"comma": ",", "semicolon": ";", "tab": "\t"}


def _common(parser: argparse.ArgumentParser, formats: tuple[str, ...], default: str) -> None:
    parser.add_argument("file", nargs="?", metavar="FILE", type=Path)
    parser.add_argument("--lang", "-l", default=None, help="language: fr, ar, ar-MA, en, ...")
    parser.add_argument(
        "--format", "-f", default=default, choices=formats, help=f"output format ({default})"
    )
    parser.add_argument("-o", "--output", type=Path, help="write to this file (atomically)")


def add_parsers(commands: Any) -> None:
    """Add the four commands to ``commands``, the result of ``add_subparsers()``."""
    directory_parser = commands.add_parser(
        "directory",
        help="list the group's actors, filtered and sorted (text, Markdown, HTML, CSV)",
        description=(
            "The directory of the group's actors: who does what, where. Filters of the same "
            "kind add up (--kind association --kind university); different filters all apply."
        ),
    )
    _common(directory_parser, DIRECTORY_FORMATS, "text")
    add = directory_parser.add_argument
    add("--kind", action="append", default=[], metavar="KIND", help="kind of actor")
    add("--theme", action="append", default=[], metavar="ID", help="priority id")
    add("--department", action="append", default=[], metavar="CODE", help="département: 87")
    add("--region", action="append", default=[], metavar="CODE", help="French region: FR-NAQ")
    add(
        "--country-region",
        action="append",
        default=[],
        metavar="CODE",
        help="region of the group's country where actors work: MA-07",
    )
    add("--language", action="append", default=[], metavar="LANG", help="working language")
    add(
        "--network-member",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="members of the network (or, with --no-, the others)",
    )
    add(
        "--group-member",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="current members of the group (or, with --no-, the others)",
    )
    add("--include-dissolved", action="store_true", help="also list dissolved actors")
    add("--sort", default="name", choices=SORT_KEYS, help="sort order (name)")
    add(
        "--delimiter",
        default="comma",
        choices=tuple(_DELIMITERS),
        help="CSV separator (French spreadsheets expect semicolon)",
    )
    directory_parser.set_defaults(run=_directory)

    synergies = commands.add_parser(
        "synergies",
        help="propose who should meet: same theme in the same place, or the same local partner",
        description="Synergy proposals between the group's actors, each with its reasons.",
    )
    _common(synergies, SYNERGY_FORMATS, "text")
    synergies.set_defaults(run=_synergies)

    report = commands.add_parser(
        "report",
        help="the activity report of a year: meetings, participants, members, projects",
        description="The group's activity report for a year (default: this year).",
    )
    _common(report, REPORT_FORMATS, "markdown")
    report.add_argument("--year", "-y", type=int, default=None, help="the year (default: now)")
    report.set_defaults(run=_report)

    sheet = commands.add_parser(
        "sign-in-sheet",
        help="the sign-in sheet of a meeting (HTML, or PDF with the pdf extra)",
        description="A meeting's sign-in sheet: name, organisation and a signature column.",
    )
    _common(sheet, ("html", "pdf"), "html")
    sheet.add_argument("--meeting", "-m", default=None, metavar="ID", help="the meeting's id")
    sheet.add_argument(
        "--blank-rows", type=int, default=5, metavar="N", help="empty rows at the end (5)"
    )
    sheet.set_defaults(run=_sign_in_sheet)


def _group(args: argparse.Namespace, err: TextIO) -> CountryGroup | int:
    from .cli import _open_group

    return _open_group(args.file, err)


def _emit(text: str, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .cli import _emit as emit

    status: int = emit(text, args.output, out, err)
    return status


def _directory(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    group = _group(args, err)
    if isinstance(group, int):
        return group
    try:
        entries = directory(
            group,
            kinds=args.kind,
            themes=args.theme,
            departments=args.department,
            regions=args.region,
            country_regions=args.country_region,
            languages=args.language,
            network_member=args.network_member,
            group_member=args.group_member,
            include_dissolved=args.include_dissolved,
            sort=args.sort,
            lang=args.lang,
        )
        text = render_directory(
            group,
            entries,
            args.format,
            args.lang,
            delimiter=_DELIMITERS[args.delimiter],
            # A CSV file gets the byte-order mark spreadsheets need to read UTF-8.
            bom=args.format == "csv" and args.output is not None,
        )
    except RrmaError as exc:
        print(f"{exc}", file=err)
        return EXIT_USAGE
    return _emit(text, args, out, err)


def _synergies(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    group = _group(args, err)
    if isinstance(group, int):
        return group
    try:
        text = render_synergies(group, find_synergies(group), args.format, args.lang)
    except RrmaError as exc:
        print(f"{exc}", file=err)
        return EXIT_USAGE
    return _emit(text, args, out, err)


def _report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    group = _group(args, err)
    if isinstance(group, int):
        return group
    year = args.year if args.year is not None else dt.date.today().year
    if not 1 <= year <= 9999:
        print(f"{year} is not a year", file=err)
        return EXIT_USAGE
    try:
        text = render_report(group, activity_report(group, year), args.format, args.lang)
    except RrmaError as exc:
        print(f"{exc}", file=err)
        return EXIT_USAGE
    return _emit(text, args, out, err)


def _sign_in_sheet(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    group = _group(args, err)
    if isinstance(group, int):
        return group
    meeting = args.meeting
    if meeting is None:
        if len(group.meetings) != 1:
            known = ", ".join(m.id for m in group.meetings) or "none"
            print(f"choose a meeting with --meeting; the group has: {known}", file=err)
            return EXIT_USAGE
        meeting = group.meetings[0].id
    if args.blank_rows < 0:
        print("--blank-rows cannot be negative", file=err)
        return EXIT_USAGE
    if args.format == "pdf" and args.output is None:
        print("a PDF is written to a file: give -o FILE", file=err)
        return EXIT_USAGE
    try:
        if args.format == "pdf":
            data = sign_in_sheet_pdf(group, meeting, args.lang, blank_rows=args.blank_rows)
        else:
            text = sign_in_sheet(group, meeting, args.lang, blank_rows=args.blank_rows)
    except RrmaError as exc:
        print(f"{exc}", file=err)
        return EXIT_USAGE
    if args.format == "pdf":
        from .io import write_atomic

        try:
            write_atomic(args.output, data)
        except OSError as exc:
            print(f"{args.output}: cannot write: {exc.strerror or exc}", file=err)
            return EXIT_USAGE
        return EXIT_OK
    return _emit(text, args, out, err)
