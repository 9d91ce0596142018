"""``rrma-groups render`` and ``rrma-groups schema``: a group's programme, the files' schema."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from ..errors import RrmaError
from ..i18n.catalog import N_, translator
from ..io import dumps, json_schema
from ..model import CountryGroup
from ..render import render
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

__all__ = ["RENDER_FORMATS", "add_render_parser", "add_schema_parser", "no_meeting"]

RENDER_FORMATS = ("text", "markdown", "html", "pdf", "docx", "odt", "json", "jsonld")
"""The formats of ``render --format``."""


def add_render_parser(commands: Any, lang: str | None = None) -> None:
    """Add ``render`` to ``commands`` (from ``add_subparsers()``), its help in ``lang``."""
    _ = translator(lang).gettext
    parser = commands.add_parser(
        "render",
        help=_(
            "write a programme as text, Markdown, HTML, PDF, Word, OpenDocument, JSON or "
            "schema.org JSON-LD"
        ),
        description=_(
            "Render a group's page: its network, its objectives and its meetings with their "
            "programmes. Without FILE, the bundled Groupe Pays Maroc example. PDF (the page with "
            "one meeting, A4) needs the pdf extra: pip install 'rrma-groups[pdf]'."
        ),
    )
    add_group_options(parser, lang)
    parser.add_argument(
        "--format", "-f", default="text", choices=RENDER_FORMATS, help=_("output format")
    )
    parser.add_argument("--meeting", "-m", default=None, metavar="ID", help=_("only this meeting"))
    parser.add_argument(
        "--fragment",
        action="store_true",
        help=_("HTML to embed in a page, not a whole page (JSON-LD: its <script> element)"),
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        help=_("write to this file (atomically); required for pdf, docx and odt"),
    )
    parser.set_defaults(run=run_render)


def add_schema_parser(commands: Any, lang: str | None = None) -> None:
    """Add ``schema`` to ``commands``, its help in ``lang``."""
    _ = translator(lang).gettext
    parser = commands.add_parser(
        "schema",
        help=_("print the JSON Schema of group files"),
        description=_("Print the JSON Schema (draft 2020-12) of group files."),
    )
    parser.add_argument("-o", "--output", type=Path, help=_("write to this file instead"))
    parser.set_defaults(run=run_schema)


def no_meeting(meeting: str | None, group: CountryGroup, lang: str | None) -> str:
    """The message for a --meeting that the group does not have."""
    known = meeting_ids(group, lang)
    return line_start(lang) + say(
        lang,
        N_("no meeting {meeting!r}; the group has: {known}"),
        meeting=meeting,
        known=ltr(known, lang),
    )


def run_render(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``render``: the programme in ``args.format``; the exit status."""
    lang = lang_of(args)
    if args.format == "pdf" and args.output is None:
        print(say(lang, N_("--format pdf writes a binary file: add -o FILE")), file=err)
        return EXIT_USAGE
    if args.format == "docx" and args.output is None:
        print(say(lang, N_("--format docx writes a binary file: add -o FILE")), file=err)
        return EXIT_USAGE
    if args.format == "odt" and args.output is None:
        print(say(lang, N_("--format odt writes a binary file: add -o FILE")), file=err)
        return EXIT_USAGE
    group = open_group(args.file, err, lang)
    if isinstance(group, int):
        return group
    if args.format == "pdf":
        return _render_pdf(group, args, err)
    if args.format == "docx":
        return _render_docx(group, args, err)
    if args.format == "odt":
        return _render_odt(group, args, err)
    try:
        if args.format == "json":
            if args.meeting is not None:
                group = group.replace(meetings=(group.meeting(args.meeting),))
            text = dumps(group, "json")
        elif args.format == "jsonld":
            # Imported here, as the other exporters are, so that the command starts quickly.
            from ..render.jsonld import jsonld_script, to_jsonld

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
        print(no_meeting(args.meeting, group, lang), file=err)
        return EXIT_USAGE
    except RrmaError as exc:
        print(error_line(exc, lang_of(args)), file=err)
        return EXIT_USAGE
    return emit(text, args.output, out, err, lang)


def _render_pdf(group: CountryGroup, args: argparse.Namespace, err: TextIO) -> int:
    """The group's page with one meeting (--meeting, else the first) as an A4 PDF, to -o."""
    from ..export.pdf import to_pdf

    try:
        data = to_pdf(group, args.lang, meeting=args.meeting)
    except RrmaError as exc:  # no PDF engine or fonts, unknown meeting or language
        print(error_line(exc, lang_of(args)), file=err)
        return EXIT_USAGE
    return write(data, args.output, err, lang_of(args))


def _render_docx(group: CountryGroup, args: argparse.Namespace, err: TextIO) -> int:
    """The group's page (with --meeting, that meeting only) as a Word document, to -o."""
    from ..export.docx import to_docx

    try:
        data = to_docx(group, args.lang, meeting=args.meeting)
    except RrmaError as exc:  # no python-docx, unknown meeting or language
        print(error_line(exc, lang_of(args)), file=err)
        return EXIT_USAGE
    return write(data, args.output, err, lang_of(args))


def _render_odt(group: CountryGroup, args: argparse.Namespace, err: TextIO) -> int:
    """The group's page (with --meeting, that meeting only) as an OpenDocument text, to -o."""
    from ..export.odt import to_odt

    try:
        data = to_odt(group, args.lang, meeting=args.meeting)
    except RrmaError as exc:  # no odfdo, unknown meeting or language
        print(error_line(exc, lang_of(args)), file=err)
        return EXIT_USAGE
    return write(data, args.output, err, lang_of(args))


def run_schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``schema``: the JSON Schema of group files."""
    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    return emit(text, args.output, out, err, lang_of(args))
