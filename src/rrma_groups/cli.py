"""The ``rrma-groups`` command.

Exit status: 0 when all went well (warnings allowed), 1 when the data is invalid, 2 for a usage
error or a file that cannot be read. Bad input never shows a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from . import __version__, starter
from .checks import check
from .commands_activity import add_parsers as add_activity_parsers
from .errors import FileFormatError, GroupValidationError, Problem, RrmaError
from .examples import groupe_pays_maroc
from .io import dumps, json_schema, load, write_atomic
from .model import CountryGroup
from .render import render

# The calendar, JSON-LD, PDF and table modules are imported by the commands that use them, so
# that starting the command stays quick.

__all__ = ["main"]

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rrma-groups",
        description=(
            "Country groups of regional multi-actor networks: validate group files, "
            "render their programmes and calendars, print their JSON Schema."
        ),
    )
    parser.add_argument("--version", action="version", version=f"rrma-groups {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    validate = commands.add_parser(
        "validate",
        help="check group files (TOML or JSON) and report errors and warnings",
        description="Check group files and report every error and warning with its location.",
    )
    validate.add_argument("files", nargs="+", metavar="FILE", type=Path)
    validate.add_argument(
        "--quiet", "-q", action="store_true", help="print errors only, not warnings"
    )
    validate.set_defaults(run=_validate)

    render = commands.add_parser(
        "render",
        help="write a programme as text, Markdown, HTML, PDF, JSON or schema.org JSON-LD",
        description=(
            "Render a group's programme. Without FILE, the bundled Groupe Pays Maroc example. "
            "PDF (one meeting, A4) needs the pdf extra: pip install 'rrma-groups[pdf]'."
        ),
    )
    render.add_argument("file", nargs="?", metavar="FILE", type=Path)
    render.add_argument("--lang", "-l", default=None, help="language: fr, ar, ar-MA, en, ...")
    render.add_argument(
        "--format", "-f", default="text", choices=RENDER_FORMATS, help="output format"
    )
    render.add_argument("--meeting", "-m", default=None, metavar="ID", help="only this meeting")
    render.add_argument(
        "--fragment",
        action="store_true",
        help="HTML to embed in a page, not a whole page (JSON-LD: its <script> element)",
    )
    render.add_argument(
        "-o", "--output", type=Path, help="write to this file (atomically); required for pdf"
    )
    render.set_defaults(run=_render)

    ics = commands.add_parser(
        "ics",
        help="write meetings as an iCalendar file for calendar applications",
        description=(
            "Write a group's meetings as an iCalendar (.ics) file. Without FILE, the bundled "
            "Groupe Pays Maroc example. Set SOURCE_DATE_EPOCH for reproducible output."
        ),
    )
    ics.add_argument("file", nargs="?", metavar="FILE", type=Path)
    ics.add_argument("--lang", "-l", default=None, help="language: fr, ar, ar-MA, en, ...")
    ics.add_argument("--meeting", "-m", default=None, metavar="ID", help="only this meeting")
    ics.add_argument(
        "--per-item", action="store_true", help="one event per agenda item, besides the meeting"
    )
    ics.add_argument(
        "--previous",
        type=Path,
        metavar="ICS",
        help="an earlier export: events changed since get a higher SEQUENCE",
    )
    ics.add_argument("-o", "--output", type=Path, help="write to this file (atomically)")
    ics.set_defaults(run=_ics)

    new = commands.add_parser("new", help=starter.HELP, description=starter.DESCRIPTION)
    starter.add_arguments(new)
    new.set_defaults(run=starter.run)

    imported = commands.add_parser(
        "import-agenda",
        help="read a pasted programme table; write it as a Markdown table or a file's agenda",
        description=(
            "Read a programme as people paste it: tab-separated rows, a Markdown table, or lines "
            "such as '14h00 - 14h15 Accueil'. Facilitators are matched against the persons and "
            "organisations of GROUP. Each problem is reported with its line number."
        ),
    )
    imported.add_argument("file", metavar="FILE", type=Path, help="the table; - reads stdin")
    imported.add_argument(
        "--group", "-g", type=Path, metavar="GROUP", help="a group file to match facilitators to"
    )
    imported.add_argument("--date", default=None, help="the first day, if the table gives none")
    imported.add_argument("--lang", "-l", default=None, help="the language of the titles")
    imported.add_argument(
        "--format", "-f", default="markdown", choices=("markdown", "toml", "json")
    )
    imported.add_argument("-o", "--output", type=Path, help="write to this file (atomically)")
    imported.set_defaults(run=_import_agenda)

    add_activity_parsers(commands)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of group files",
        description="Print the JSON Schema (draft 2020-12) of group files.",
    )
    schema.add_argument("-o", "--output", type=Path, help="write to this file instead")
    schema.set_defaults(run=_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    for stream in (sys.stdout, sys.stderr):
        # A terminal that cannot show "é" or Arabic must not turn a message into a traceback.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    parser = _parser()
    args = parser.parse_args(argv)
    run: Callable[[argparse.Namespace, TextIO, TextIO], int] = args.run
    try:
        return run(args, sys.stdout, sys.stderr)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    status = EXIT_OK
    for path in args.files:
        name = str(path)
        try:
            group = load(path)
        except FileFormatError as exc:
            print(f"{exc}", file=err)
            status = max(status, EXIT_INVALID if exc.code not in _UNREADABLE else EXIT_USAGE)
            continue
        except GroupValidationError as exc:
            for problem in exc.errors:
                print(_line(name, problem), file=out)
            n = len(exc.errors)
            print(f"{name}: invalid ({n} error{'s' if n != 1 else ''})", file=out)
            status = max(status, EXIT_INVALID)
            continue
        warnings = check(group).warnings
        if not args.quiet:
            for problem in warnings:
                print(_line(name, problem, warning=True), file=out)
        n = len(warnings)
        summary = f"{name}: valid"
        if n:
            summary += f" ({n} warning{'s' if n != 1 else ''})"
        print(summary, file=out)
    return status


# A file that cannot be read at all is a usage problem (exit 2); one that can be read but is
# malformed is invalid data (exit 1).
_UNREADABLE = {"unreadable", "unknown_format", "file_too_large"}


def _line(source: str, problem: Problem, *, warning: bool = False) -> str:
    kind = "warning: " if warning else ""
    where = problem.location or "(top)"
    return f"{source}: {kind}{where}: {problem.message} [{problem.code}]"


RENDER_FORMATS = ("text", "markdown", "html", "pdf", "json", "jsonld")


def _open_group(file: Path | None, err: TextIO) -> CountryGroup | int:
    """The group of FILE (or the bundled example), or an exit status after saying why."""
    if file is None:
        return groupe_pays_maroc()
    try:
        return load(file)
    except FileFormatError as exc:
        print(f"{exc}", file=err)
        return EXIT_USAGE if exc.code in _UNREADABLE else EXIT_INVALID
    except GroupValidationError as exc:
        for problem in exc.errors:
            print(_line(str(file), problem), file=err)
        return EXIT_INVALID


def _render(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.format == "pdf" and args.output is None:
        print("--format pdf writes a binary file: add -o FILE", file=err)
        return EXIT_USAGE
    group = _open_group(args.file, err)
    if isinstance(group, int):
        return group
    if args.format == "pdf":
        return _render_pdf(group, args, err)
    try:
        if args.format == "json":
            if args.meeting is not None:
                group = group.replace(meetings=(group.meeting(args.meeting),))
            text = dumps(group, "json")
        elif args.format == "jsonld":
            from .jsonld import jsonld_script, to_jsonld

            if args.fragment:
                text = jsonld_script(group, args.lang, meeting=args.meeting) + "\n"
            else:
                data = to_jsonld(group, args.lang, meeting=args.meeting)
                text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        else:
            text = render(
                group, args.format, lang=args.lang, meeting=args.meeting, fragment=args.fragment
            )
    except KeyError:
        known = ", ".join(m.id for m in group.meetings) or "none"
        print(f"no meeting {args.meeting!r}; the group has: {known}", file=err)
        return EXIT_USAGE
    except RrmaError as exc:
        print(f"{exc}", file=err)
        return EXIT_USAGE
    return _emit(text, args.output, out, err)


def _render_pdf(group: CountryGroup, args: argparse.Namespace, err: TextIO) -> int:
    """One meeting (--meeting, else the first) as an A4 PDF, written to -o."""
    from .pdf import to_pdf

    try:
        data = to_pdf(group, args.lang, meeting=args.meeting)
    except RrmaError as exc:  # no PDF engine or fonts, unknown meeting or language
        print(f"{exc}", file=err)
        return EXIT_USAGE
    return _write(data, args.output, err)


def _ics(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .ical import IcalError, to_ical

    group = _open_group(args.file, err)
    if isinstance(group, int):
        return group
    previous = None
    if args.previous is not None:
        try:
            previous = args.previous.read_bytes()
        except OSError as exc:
            print(f"{args.previous}: cannot read: {exc.strerror or exc}", file=err)
            return EXIT_USAGE
    stamp = _source_date()
    if isinstance(stamp, str):
        print(stamp, file=err)
        return EXIT_USAGE
    try:
        data = to_ical(
            group,
            args.lang,
            meeting=args.meeting,
            per_item=args.per_item,
            previous=previous,
            stamp=stamp,
        )
    except IcalError as exc:  # only the previous export is read
        where = f"{args.previous}:{exc.line}" if exc.line is not None else f"{args.previous}"
        print(f"{where}: {exc.reason}", file=err)
        return EXIT_USAGE
    except RrmaError as exc:
        print(f"{exc}", file=err)
        return EXIT_USAGE
    if args.output is None:
        # iCalendar lines end in CRLF: write the bytes, so that no newline translation applies.
        out.flush()
        buffer = getattr(out, "buffer", None)
        if buffer is None:
            out.write(data.decode("utf-8"))
        else:
            buffer.write(data)
            buffer.flush()
        return EXIT_OK
    return _write(data, args.output, err)


def _source_date() -> dt.datetime | str | None:
    """The reproducible-builds timestamp, if set (https://reproducible-builds.org/specs/)."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if not value:
        return None
    try:
        return dt.datetime.fromtimestamp(int(value), dt.UTC)
    except (ValueError, OverflowError, OSError):
        return f"SOURCE_DATE_EPOCH={value!r} is not a number of seconds since 1970"


def _import_agenda(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import tomli_w

    from .tables import markdown_table, parse_table

    name = str(args.file)
    try:
        text = sys.stdin.read() if name == "-" else args.file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{name}: cannot read: {exc}", file=err)
        return EXIT_USAGE
    group = None
    if args.group is not None:
        opened = _open_group(args.group, err)
        if isinstance(opened, int):
            return opened
        group = opened
    try:
        result = parse_table(
            text, group=group, date=args.date, language=args.lang, strict=False, source=name
        )
    except RrmaError as exc:  # an unreadable --date
        print(f"{exc}", file=err)
        return EXIT_USAGE
    for problem in result.problems:
        kind = "" if problem.is_error else "warning: "
        print(f"{name}:{problem.line}: {kind}{problem.message} [{problem.code}]", file=err)
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
    return _emit(output, args.output, out, err)


def _schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    return _emit(text, args.output, out, err)


def _emit(text: str, output: Path | None, out: TextIO, err: TextIO) -> int:
    if output is None:
        out.write(text)
        return EXIT_OK
    return _write(text.encode("utf-8"), output, err)


def _write(data: bytes, output: Path, err: TextIO) -> int:
    try:
        write_atomic(output, data)
    except OSError as exc:
        print(f"{output}: cannot write: {exc.strerror or exc}", file=err)
        return EXIT_USAGE
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
