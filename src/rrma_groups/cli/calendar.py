"""``rrma-groups ics``: a group's meetings as an iCalendar file."""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path
from typing import Any, TextIO

from ..errors import FileFormatError, RrmaError
from ..i18n.catalog import N_, translator
from ..io import read_limited
from .common import (
    EXIT_OK,
    EXIT_USAGE,
    cannot,
    error_line,
    file_error,
    lang_of,
    line_start,
    ltr,
    open_group,
    say,
    write,
)
from .parser import add_group_options

__all__ = ["add_parser", "run", "source_date"]


def add_parser(commands: Any, lang: str | None = None) -> None:
    """Add ``ics`` to ``commands`` (from ``add_subparsers()``), its help in ``lang``."""
    _ = translator(lang).gettext
    ics = commands.add_parser(
        "ics",
        help=_("write meetings as an iCalendar file for calendar applications"),
        description=_(
            "Write a group's meetings as an iCalendar (.ics) file. Without FILE, the bundled "
            "Groupe Pays Maroc example. Set SOURCE_DATE_EPOCH for reproducible output."
        ),
    )
    add_group_options(ics, lang)
    ics.add_argument("--meeting", "-m", default=None, metavar="ID", help=_("only this meeting"))
    ics.add_argument(
        "--per-item",
        action="store_true",
        help=_("one event per agenda item, besides the meeting"),
    )
    ics.add_argument(
        "--previous",
        type=Path,
        metavar="ICS",
        help=_("an earlier export: events changed since get a higher SEQUENCE"),
    )
    ics.add_argument("-o", "--output", type=Path, help=_("write to this file (atomically)"))
    ics.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``ics``: the calendar, to standard output or ``-o``; the exit status."""
    # Imported here so that the other commands start without icalendar.
    from ..export.ical import IcalError, to_ical

    lang = lang_of(args)
    group = open_group(args.file, err, lang)
    if isinstance(group, int):
        return group
    previous = None
    if args.previous is not None:
        try:
            previous = read_limited(args.previous)
        except FileFormatError as exc:
            print(file_error(exc, lang), file=err)
            return EXIT_USAGE
        except OSError as exc:
            reason = exc.strerror or str(exc)
            print(
                cannot(N_("{path}: cannot read: {reason}"), args.previous, reason, lang), file=err
            )
            return EXIT_USAGE
    stamp = source_date(lang)
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
        reason = exc.describe(lang)
        print(f"{line_start(lang)}{ltr(where, lang)}: {reason}", file=err)
        return EXIT_USAGE
    except RrmaError as exc:
        print(error_line(exc, lang_of(args)), file=err)
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
    return write(data, args.output, err, lang)


def source_date(lang: str | None = None) -> dt.datetime | str | None:
    """The reproducible-builds timestamp, if set (https://reproducible-builds.org/specs/).

    A value that is not a timestamp gives the message that says so.
    """
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if not value:
        return None
    try:
        return dt.datetime.fromtimestamp(int(value), dt.UTC)
    except (ValueError, OverflowError, OSError):
        return line_start(lang) + say(
            lang,
            N_("{variable} is not a number of seconds since 1970"),
            variable=ltr(f"SOURCE_DATE_EPOCH={value!r}", lang),
        )
