"""The ``rrma-groups`` command.

Exit status: 0 when all went well (warnings allowed), 1 when the data is invalid, 2 for a usage
error or a file that cannot be read. Bad input never shows a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from . import __version__
from .checks import check
from .errors import FileFormatError, GroupValidationError, Problem, RrmaError
from .examples import groupe_pays_maroc
from .io import dumps, json_schema, load, write_atomic
from .model import CountryGroup
from .render import render

__all__ = ["main"]

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rrma-groups",
        description=(
            "Country groups of regional multi-actor networks: validate group files, "
            "render their programmes, print their JSON Schema."
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
        help="write a programme as text, Markdown, HTML or JSON",
        description=(
            "Render a group's programme. Without FILE, the bundled Groupe Pays Maroc example."
        ),
    )
    render.add_argument("file", nargs="?", metavar="FILE", type=Path)
    render.add_argument("--lang", "-l", default=None, help="language: fr, ar, ar-MA, en, ...")
    render.add_argument(
        "--format", "-f", default="text", choices=RENDER_FORMATS, help="output format"
    )
    render.add_argument("--meeting", "-m", default=None, metavar="ID", help="only this meeting")
    render.add_argument(
        "--fragment", action="store_true", help="HTML to embed in a page, not a whole page"
    )
    render.add_argument("-o", "--output", type=Path, help="write to this file (atomically)")
    render.set_defaults(run=_render)

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


RENDER_FORMATS = ("text", "markdown", "html", "json")


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
    group = _open_group(args.file, err)
    if isinstance(group, int):
        return group
    try:
        if args.format == "json":
            if args.meeting is not None:
                group = group.replace(meetings=(group.meeting(args.meeting),))
            text = dumps(group, "json")
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


def _schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    return _emit(text, args.output, out, err)


def _emit(text: str, output: Path | None, out: TextIO, err: TextIO) -> int:
    if output is None:
        out.write(text)
        return EXIT_OK
    try:
        write_atomic(output, text.encode("utf-8"))
    except OSError as exc:
        print(f"{output}: cannot write: {exc.strerror or exc}", file=err)
        return EXIT_USAGE
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
